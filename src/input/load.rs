//! Load: walk `content/`, read each incident file, split off its TOML front matter and parse it
//! into raw (unvalidated) values that keep their source positions.

use crate::diag::{codes, Diagnostic, Diagnostics, SourceMap};
use crate::input::tomlx::{self, Datetime, Schema, Spanned};
use rayon::prelude::*;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use serde::Deserialize;
use std::path::{Path, PathBuf};

/// One incident file as written, parsed but not yet checked against the site.
#[derive(Debug)]
pub struct RawIncident {
    /// Path shown in messages (relative to the current folder when possible).
    pub path: PathBuf,
    /// For bundles (`content/<slug>/index.md`), the bundle folder.
    pub bundle: Option<PathBuf>,
    /// Files beside a bundle's index.md, relative to the bundle folder.
    pub assets: Vec<PathBuf>,
    /// The file text (without a BOM): positions in `front` refer to it.
    pub text: String,
    /// Byte offset of the body in `text`.
    pub body_start: usize,
    pub front: FrontMatter,
    /// A hash of everything the incident is made from: path, text and bundle files.
    pub fingerprint: u64,
    /// The same without the body: all that lists, status and statistics show.
    pub front_fingerprint: u64,
}

impl RawIncident {
    pub fn body(&self) -> &str {
        &self.text[self.body_start..]
    }
    pub fn source_map(&self) -> SourceMap<'_> {
        SourceMap::new(&self.path, &self.text)
    }
    /// The file stem, or the bundle folder's name.
    pub fn stem(&self) -> String {
        let p = self.bundle.as_deref().unwrap_or(&self.path);
        let name = if self.bundle.is_some() {
            p.file_name()
        } else {
            p.file_stem()
        };
        name.map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default()
    }
}

/// Front matter keys; spans are byte offsets into the front-matter text, shifted to file
/// offsets by [`FrontMatter::base`].
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FrontMatter {
    #[serde(skip)]
    pub base: usize,
    pub kind: Option<Spanned<String>>,
    pub title: Spanned<String>,
    #[serde(default)]
    pub summary: String,
    pub severity: Option<Spanned<String>>,
    pub scheduled_start: Option<Spanned<Datetime>>,
    pub scheduled_end: Option<Spanned<Datetime>>,
    pub components: Spanned<Vec<Spanned<String>>>,
    pub detected_by: Option<String>,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub authors: Vec<String>,
    pub started: Option<Spanned<Datetime>>,
    pub detected: Option<Spanned<Datetime>>,
    pub resolved: Option<Spanned<Datetime>>,
    /// Which of `started`, `detected`, `resolved` are known only roughly.
    #[serde(default)]
    pub approximate: Vec<Spanned<String>>,
    pub slug: Option<Spanned<String>>,
    #[serde(default)]
    pub aliases: Vec<Spanned<String>>,
    #[serde(default)]
    pub draft: bool,
    pub timezone: Option<Spanned<String>>,
    #[serde(default)]
    pub timeline: Vec<RawEntry>,
    #[serde(default)]
    pub impact: Vec<RawImpact>,
    #[serde(default)]
    pub action_items: Vec<RawActionItem>,
    /// One sentence: what set the incident off.
    pub trigger: Option<Spanned<String>>,
    /// How it was noticed: a `[[detection_methods]]` id of the site.
    pub detection: Option<Spanned<String>>,
    #[serde(default)]
    pub factors: Vec<RawFactor>,
    pub lessons: Option<RawLessons>,
    /// Slugs of other incidents.
    #[serde(default)]
    pub related: Vec<Spanned<String>>,
    pub customer_impact: Option<RawCustomerImpact>,
    pub review: Option<RawReview>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFactor {
    pub id: Spanned<String>,
    #[serde(default)]
    pub note: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawLessons {
    #[serde(default)]
    pub went_well: Vec<String>,
    #[serde(default)]
    pub went_wrong: Vec<String>,
    #[serde(default)]
    pub lucky: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCustomerImpact {
    pub users: Option<Spanned<i64>>,
    pub customers: Option<Spanned<i64>>,
    pub requests: Option<Spanned<i64>>,
    pub error_rate: Option<Spanned<f64>>,
    #[serde(default)]
    pub note: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawReview {
    pub state: Spanned<String>,
    #[serde(default)]
    pub reviewers: Vec<String>,
    pub date: Option<Spanned<Datetime>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawEntry {
    pub at: Spanned<Datetime>,
    pub status: Spanned<String>,
    #[serde(default)]
    pub message: String,
    /// `approximate = true`: `at` is known only roughly (incidents only).
    pub approximate: Option<Spanned<bool>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawImpact {
    pub component: Spanned<String>,
    pub level: Spanned<String>,
    pub start: Option<Spanned<Datetime>>,
    pub end: Option<Spanned<Datetime>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawActionItem {
    pub title: Spanned<String>,
    #[serde(default)]
    pub owner: String,
    pub status: Spanned<String>,
    pub due: Option<Spanned<Datetime>>,
    /// The date it was done (or dropped).
    pub closed: Option<Spanned<Datetime>>,
    pub link: Option<Spanned<String>>,
}

static ENTRY: Schema = Schema::of::<RawEntry>(&[]);
static IMPACT: Schema = Schema::of::<RawImpact>(&[]);
static ACTION: Schema = Schema::of::<RawActionItem>(&[]);
static FACTOR: Schema = Schema::of::<RawFactor>(&[]);
static LESSONS: Schema = Schema::of::<RawLessons>(&[]);
static CUSTOMER_IMPACT: Schema = Schema::of::<RawCustomerImpact>(&[]);
static REVIEW: Schema = Schema::of::<RawReview>(&[]);
pub static FRONT_MATTER: Schema = Schema::of::<FrontMatter>(&[
    ("timeline", &ENTRY),
    ("impact", &IMPACT),
    ("action_items", &ACTION),
    ("factors", &FACTOR),
    ("lessons", &LESSONS),
    ("customer_impact", &CUSTOMER_IMPACT),
    ("review", &REVIEW),
]);

/// A file found under content/.
struct Found {
    path: PathBuf,
    bundle: Option<PathBuf>,
}

/// Walk `content/` and parse every incident file. Problems in any file are all reported.
pub fn load(content_dir: &Path) -> (Vec<RawIncident>, Diagnostics) {
    let mut cache = FileCache::default();
    let (_, diags) = load_kept(content_dir, &mut cache);
    let mut incidents: Vec<RawIncident> = cache
        .files
        .into_values()
        .filter_map(|c| c.result.ok())
        .collect();
    incidents.sort_by(|a, b| a.path.cmp(&b.path));
    (incidents, diags)
}

/// Walk `content/` and parse every incident file, handing each to `f` (in parallel) and keeping
/// what `f` returns, in path order, with every problem of reading and parsing.
///
/// Without a cache, each file's text and parse tree go as soon as `f` has seen them, so the
/// whole site's text is never in memory at once, and no file is `stat`ed. With one
/// (`afterword serve`), the parsed files stay in it for the next call, which reads only the files
/// that are new or changed (see [`FileCache`]); `f` still sees every file.
pub fn load_each<T: Send>(
    content_dir: &Path,
    cache: Option<&mut FileCache>,
    f: impl Fn(&RawIncident) -> T + Sync,
) -> (Vec<T>, Diagnostics) {
    let Some(cache) = cache else {
        return load_streamed(content_dir, f);
    };
    let (raws, diags) = load_kept(content_dir, cache);
    (raws.par_iter().map(|r| f(r)).collect(), diags)
}

/// [`load_each`] for `build` with its on-disk cache: each file's bytes are read and hashed
/// (with its path and bundle files, [`content_hash`]) before anything else, and `kept` gives
/// what an earlier build made of a file with that hash and those bytes, without parsing it;
/// the other files are parsed and given to `f` with their hash.
pub fn load_each_kept<T: Send>(
    content_dir: &Path,
    kept: impl Fn(u64, &[u8]) -> Option<T> + Sync,
    f: impl Fn(&RawIncident, u64) -> T + Sync,
) -> (Vec<T>, Diagnostics) {
    load_parallel(content_dir, |found, assets| {
        let shown = crate::util::fsutil::display_path(&found.path);
        let bytes = read_limited(&found.path, &shown).map_err(|d| vec![*d])?;
        let hash = content_hash(&shown, found.bundle.as_deref(), &assets, &bytes);
        if let Some(t) = kept(hash, &bytes) {
            return Ok(t);
        }
        parse_file(shown, found.bundle, assets, bytes).map(|r| f(&r, hash))
    })
}

/// A hash of everything a content file is read from: the path it is shown as, its bundle
/// folder and files, and its bytes.
pub fn content_hash(shown: &Path, bundle: Option<&Path>, assets: &[PathBuf], bytes: &[u8]) -> u64 {
    let mut h = xxhash_rust::xxh3::Xxh3Default::new();
    let mut part = |b: &[u8]| {
        h.update(&(b.len() as u64).to_le_bytes());
        h.update(b);
    };
    part(shown.as_os_str().as_encoded_bytes());
    part(bundle.map_or(&[][..], |b| b.as_os_str().as_encoded_bytes()));
    part(&(assets.len() as u64).to_le_bytes());
    for a in assets {
        part(a.as_os_str().as_encoded_bytes());
    }
    part(bytes);
    h.digest()
}

/// The text of a content file's bytes: UTF-8, without a BOM ([`without_bom`]). [`parse_file`]
/// makes every file's text the same way (from the owned bytes, with [`strip_bom`]), so
/// [`RawIncident::body_start`] is an offset into what this returns. `Err`: where the bytes stop
/// being UTF-8.
pub fn text_of(bytes: &[u8]) -> Result<&str, std::str::Utf8Error> {
    std::str::from_utf8(bytes).map(without_bom)
}

/// A file's text without the byte order mark it may start with: the one place that rule is.
fn without_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

/// [`without_bom`] of an owned text, in place (no second copy of the file).
fn strip_bom(mut text: String) -> String {
    let bom = text.len() - without_bom(&text).len();
    text.drain(..bom);
    text
}

/// [`load_each`] without a cache.
fn load_streamed<T: Send>(
    content_dir: &Path,
    f: impl Fn(&RawIncident) -> T + Sync,
) -> (Vec<T>, Diagnostics) {
    load_parallel(content_dir, |found, assets| {
        read_parse(&found, assets).map(|r| f(&r))
    })
}

/// Walk `content/` and hand each incident file, with its bundle's assets, to `per_file` (in
/// parallel): what it returns, in path order, and every problem of the walk and of each file.
fn load_parallel<T: Send>(
    content_dir: &Path,
    per_file: impl Fn(Found, Vec<PathBuf>) -> Result<T, Vec<Diagnostic>> + Sync,
) -> (Vec<T>, Diagnostics) {
    let mut diags = Diagnostics::default();
    let mut todo = walk_with_assets(content_dir, &mut diags);
    todo.sort_by(|a, b| a.0.path.cmp(&b.0.path));
    let results: Vec<Result<T, Vec<Diagnostic>>> = todo
        .into_par_iter()
        .map(|(found, assets)| per_file(found, assets))
        .collect();
    let mut out = Vec::with_capacity(results.len());
    for r in results {
        match r {
            Ok(t) => out.push(t),
            Err(ds) => ds.into_iter().for_each(|d| diags.push(d)),
        }
    }
    (out, diags)
}

/// Parsed files kept between builds (`afterword serve`). A file is read again when it is new,
/// marked dirty, its bundle or assets changed, or (unless a watcher vouches for every change,
/// see [`FileCache::trust_marks`]) its size or modification time changed.
#[derive(Default)]
pub struct FileCache {
    files: HashMap<PathBuf, Cached>,
    dirty: HashSet<PathBuf>,
    /// Skip the per-file `stat`: every change is marked dirty by a watcher.
    trust: bool,
    /// The paths in `files`, sorted; rebuilt only when files come or go.
    order: Vec<PathBuf>,
    /// What the last walk of content/ reported (links, pipes, misplaced files).
    walk_diags: Vec<Diagnostic>,
    /// `files` holds a whole walk's worth (false until the first walk and after `clear`).
    walked: bool,
    generation: u64,
}

struct Cached {
    stamp: Option<(u64, std::time::SystemTime)>,
    bundle: Option<PathBuf>,
    assets: Vec<PathBuf>,
    result: Result<RawIncident, Vec<Diagnostic>>,
    seen: u64,
}

impl FileCache {
    /// Read `path` again on the next load, whatever its stamp says (a watcher saw it change).
    pub fn mark_dirty(&mut self, path: &Path) {
        self.dirty.insert(path.to_path_buf());
    }
    /// Trust [`FileCache::mark_dirty`] to name every changed file, and stop checking each
    /// file's size and modification time (a watcher's job; it must [`FileCache::clear`] the
    /// cache when it may have missed events).
    pub fn trust_marks(&mut self) {
        self.trust = true;
    }
    /// Forget everything.
    pub fn clear(&mut self) {
        self.files.clear();
        self.dirty.clear();
        self.order.clear();
        self.walk_diags.clear();
        self.walked = false;
    }
}

fn stamp(path: &Path) -> Option<(u64, std::time::SystemTime)> {
    let m = std::fs::metadata(path).ok()?;
    Some((m.len(), m.modified().ok()?))
}

/// The files of `content/`, reusing those in `cache` that did not change; the cache then holds
/// exactly the files now in `content/`. The incidents come back in path order.
fn load_kept<'c>(
    content_dir: &Path,
    cache: &'c mut FileCache,
) -> (Vec<&'c RawIncident>, Diagnostics) {
    let dirty = std::mem::take(&mut cache.dirty);
    cache.generation += 1;
    let generation = cache.generation;
    // When a watcher vouches for every change and each changed content path is a known
    // incident file that is still there, nothing came or went: skip the walk.
    let known_edits_only = cache.trust
        && cache.walked
        && dirty
            .iter()
            .filter(|p| p.starts_with(content_dir))
            .all(|p| cache.files.contains_key(p) && p.is_file());
    let todo: Vec<(Found, Vec<PathBuf>)> = if known_edits_only {
        dirty
            .iter()
            .filter_map(|p| {
                let c = cache.files.get(p)?;
                let f = Found {
                    path: p.clone(),
                    bundle: c.bundle.clone(),
                };
                Some((f, c.assets.clone()))
            })
            .collect()
    } else {
        let mut diags = Diagnostics::default();
        let found = walk_with_assets(content_dir, &mut diags);
        cache.walk_diags = diags.0;
        cache.walked = true;
        let trust = cache.trust;
        let mut todo = Vec::new();
        for (f, a) in found {
            match cache.files.get_mut(&f.path) {
                Some(c)
                    if c.bundle == f.bundle
                        && c.assets == a
                        && !dirty.contains(&f.path)
                        && (trust || (c.stamp.is_some() && c.stamp == stamp(&f.path))) =>
                {
                    c.seen = generation
                }
                _ => todo.push((f, a)),
            }
        }
        todo
    };
    let parsed: Vec<(PathBuf, Cached)> = todo
        .into_par_iter()
        .map(|(f, assets)| (f.path.clone(), read_one(f, assets, generation)))
        .collect();
    let before = cache.files.len();
    let mut added = false;
    for (p, c) in parsed {
        added |= cache.files.insert(p, c).is_none();
    }
    if !known_edits_only {
        cache.files.retain(|_, c| c.seen == generation);
    }
    if added || cache.files.len() != before || cache.order.len() != cache.files.len() {
        cache.order = cache.files.keys().cloned().collect();
        cache.order.sort();
    }
    let mut diags = Diagnostics(cache.walk_diags.clone());
    let mut incidents = Vec::with_capacity(cache.order.len());
    for p in &cache.order {
        match &cache.files[p].result {
            Ok(i) => incidents.push(i),
            Err(ds) => ds.iter().for_each(|d| diags.push(d.clone())),
        }
    }
    (incidents, diags)
}

/// The largest incident file afterword reads: 10 MiB. A postmortem is text; a file larger than
/// this is almost certainly a mistake (a log or a dump pasted in), and each file's text is
/// copied into several outputs (page, JSON twin, feeds), so one huge file costs many times its
/// size in memory and output. Checked before the file is read, and again while reading (a file
/// that grows).
pub const MAX_FILE_BYTES: u64 = 10 * 1024 * 1024;

/// "10 MiB", "52.4 MiB", "812 KiB", "96 bytes".
pub fn human_size(bytes: u64) -> String {
    const KIB: f64 = 1024.0;
    let b = bytes as f64;
    if b >= KIB * KIB {
        let mib = b / (KIB * KIB);
        if mib.fract() == 0.0 {
            format!("{mib:.0} MiB")
        } else {
            format!("{mib:.1} MiB")
        }
    } else if b >= KIB {
        format!("{:.0} KiB", b / KIB)
    } else {
        format!("{bytes} bytes")
    }
}

/// `10485761` → `10,485,761`.
fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Read a file of at most [`MAX_FILE_BYTES`]; a larger one is an E0024 error naming its size
/// and the limit, and is never read whole.
pub fn read_limited(path: &Path, shown: &Path) -> Result<Vec<u8>, Box<Diagnostic>> {
    use std::io::Read;
    let unreadable = |e: std::io::Error| {
        Box::new(
            Diagnostic::file(shown, format!("cannot read file: {e}")).with_code(codes::UNREADABLE),
        )
    };
    let too_large = |size: Option<u64>| {
        Box::new(
            Diagnostic::file(
                shown,
                format!(
                    "the file is {}, over the limit of {} for one file",
                    size.map_or_else(
                        || "larger".to_string(),
                        |n| format!("{} ({} bytes)", human_size(n), grouped(n))
                    ),
                    human_size(MAX_FILE_BYTES)
                ),
            )
            .with_help("split it, or link large logs and data instead of pasting them in")
            .with_code(codes::TOO_LARGE),
        )
    };
    let file = std::fs::File::open(path).map_err(unreadable)?;
    let len = file.metadata().map_err(unreadable)?.len();
    if len > MAX_FILE_BYTES {
        return Err(too_large(Some(len)));
    }
    let mut bytes = Vec::with_capacity(len as usize);
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(unreadable)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large(None));
    }
    Ok(bytes)
}

/// Read and parse one incident file.
fn read_parse(f: &Found, assets: Vec<PathBuf>) -> Result<RawIncident, Vec<Diagnostic>> {
    let shown = crate::util::fsutil::display_path(&f.path);
    read_limited(&f.path, &shown)
        .map_err(|d| vec![*d])
        .and_then(|bytes| parse_file(shown, f.bundle.clone(), assets, bytes))
}

/// Read and parse one incident file, with what the cache needs to know of it.
fn read_one(f: Found, assets: Vec<PathBuf>, seen: u64) -> Cached {
    let st = stamp(&f.path);
    let result = read_parse(&f, assets.clone());
    Cached {
        stamp: st,
        bundle: f.bundle,
        assets,
        result,
        seen,
    }
}

/// Every incident file under `content_dir`, each with its bundle's assets (relative paths).
fn walk_with_assets(content_dir: &Path, diags: &mut Diagnostics) -> Vec<(Found, Vec<PathBuf>)> {
    let (found, assets) = walk(content_dir, diags);
    let mut by_bundle: HashMap<PathBuf, Vec<PathBuf>> = HashMap::default();
    for (owner, rel) in assets {
        by_bundle.entry(owner).or_default().push(rel);
    }
    found
        .into_iter()
        .map(|f| {
            let a = f
                .bundle
                .as_ref()
                .and_then(|b| by_bundle.remove(b))
                .unwrap_or_default();
            (f, a)
        })
        .collect()
}

fn hidden(name: &std::ffi::OsStr) -> bool {
    let n = name.to_string_lossy();
    n.starts_with('.') || n.starts_with('_')
}

/// Incident files, and bundle assets as (bundle folder, path relative to it).
fn walk(content_dir: &Path, diags: &mut Diagnostics) -> (Vec<Found>, Vec<(PathBuf, PathBuf)>) {
    let mut files = Vec::new();
    let walker = walkdir::WalkDir::new(content_dir)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !hidden(e.file_name()));
    for entry in walker {
        match entry {
            Ok(e) if e.file_type().is_file() => files.push(e.into_path()),
            Ok(e) if e.path_is_symlink() => diags.push(
                Diagnostic::file(
                    &crate::util::fsutil::display_path(e.path()),
                    "the file is a symbolic link; afterword does not follow links in content/",
                )
                .with_help("copy the file into the site instead")
                .with_code(codes::UNREADABLE),
            ),
            Ok(e) if !e.file_type().is_dir() => diags.push(
                // A FIFO, socket or device: reading it could block or never end.
                Diagnostic::file(
                    &crate::util::fsutil::display_path(e.path()),
                    "the file is not a regular file (a pipe, socket or device); afterword does not read it",
                )
                .with_help("remove it from content/, or replace it with a regular file")
                .with_code(codes::UNREADABLE),
            ),
            Ok(_) => {}
            Err(e) => {
                let p = e
                    .path()
                    .map(crate::util::fsutil::display_path)
                    .unwrap_or_else(|| content_dir.to_path_buf());
                diags.push(
                    Diagnostic::file(&p, format!("cannot read: {e}")).with_code(codes::UNREADABLE),
                );
            }
        }
    }
    let bundles: HashSet<PathBuf> = files
        .iter()
        .filter(|p| p.file_name().is_some_and(|n| n == "index.md"))
        .filter_map(|p| p.parent().map(Path::to_path_buf))
        .collect();
    let owner = |p: &Path| -> Option<PathBuf> {
        p.ancestors()
            .skip(1)
            .take_while(|a| *a != content_dir)
            .find(|a| bundles.contains(*a))
            .map(Path::to_path_buf)
    };
    let mut found = Vec::new();
    let mut assets = Vec::new();
    for p in files {
        let is_md = p.extension().is_some_and(|e| e == "md");
        let is_index = p.file_name().is_some_and(|n| n == "index.md");
        if is_index {
            let dir = p.parent().map(Path::to_path_buf);
            if dir.as_deref() == Some(content_dir) {
                diags.push(
                    Diagnostic::file(
                        &crate::util::fsutil::display_path(&p),
                        "an `index.md` directly in content/ has no bundle folder",
                    )
                    .with_help("move it to `content/<slug>/index.md`, or rename it `<slug>.md`")
                    .with_code(codes::BAD_ID),
                );
                continue;
            }
            found.push(Found {
                path: p,
                bundle: dir,
            });
        } else if let Some(b) = owner(&p) {
            if is_md {
                diags.push(
                    Diagnostic::file(&crate::util::fsutil::display_path(&p), "a Markdown file inside an incident bundle is neither the incident nor an asset")
                        .with_help("a bundle holds one `index.md` and its images; move this file out of the bundle folder")
                        .with_code(codes::BAD_ID),
                );
                continue;
            }
            let rel = p
                .strip_prefix(&b)
                .map(Path::to_path_buf)
                .unwrap_or_default();
            assets.push((b, rel));
        } else if is_md {
            found.push(Found {
                path: p,
                bundle: None,
            });
        }
    }
    (found, assets)
}

/// Split and parse one file's bytes.
pub fn parse_file(
    path: PathBuf,
    bundle: Option<PathBuf>,
    assets: Vec<PathBuf>,
    bytes: Vec<u8>,
) -> Result<RawIncident, Vec<Diagnostic>> {
    // `text_of(&bytes)`, without copying the bytes.
    let text = match String::from_utf8(bytes) {
        Ok(t) => strip_bom(t),
        Err(e) => {
            let valid = e.utf8_error().valid_up_to();
            let prefix = std::str::from_utf8(&e.as_bytes()[..valid]).unwrap_or_default();
            let (line, col) = SourceMap::new(&path, prefix).line_col(valid);
            return Err(vec![Diagnostic::point(
                &path,
                line,
                col,
                "the file is not valid UTF-8",
            )
            .with_help("save the file as UTF-8")
            .with_code(codes::UNREADABLE)]);
        }
    };
    let bad = forbidden_chars(&path, &text);
    if !bad.is_empty() {
        return Err(bad);
    }
    let (fm_start, fm_end, body_start) = split(&text).map_err(|d| {
        let map = SourceMap::new(&path, &text);
        let (line, col) = map.line_col(0);
        vec![Diagnostic::point(&path, line, col, d.0)
            .with_help(d.1)
            .with_code(codes::FRONT_MATTER)]
    })?;
    let map = SourceMap::new(&path, &text);
    let mut front: FrontMatter = tomlx::parse(
        &text[fm_start..fm_end],
        fm_start,
        0,
        &map,
        &FRONT_MATTER,
        "front matter",
    )?;
    front.base = fm_start;
    let mut h = xxhash_rust::xxh3::Xxh3Default::new();
    h.update(path.as_os_str().as_encoded_bytes());
    h.update(&[0]);
    h.update(&text.as_bytes()[..body_start]);
    for a in &assets {
        h.update(&[0]);
        h.update(a.as_os_str().as_encoded_bytes());
    }
    let front_fingerprint = h.digest();
    let body = xxhash_rust::xxh3::xxh3_64(&text.as_bytes()[body_start..]);
    Ok(RawIncident {
        fingerprint: xxhash_rust::xxh3::xxh3_64(
            &[front_fingerprint.to_le_bytes(), body.to_le_bytes()].concat(),
        ),
        front_fingerprint,
        path,
        bundle,
        assets,
        text,
        body_start,
        front,
    })
}

/// An E0025 error at each character of `text` that no page or feed can carry (the first ten).
fn forbidden_chars(path: &Path, text: &str) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut from = 0;
    let mut map = None;
    while let Some((i, c)) = crate::util::escape::find_forbidden(&text[from..]) {
        let at = from + i;
        let map = map.get_or_insert_with(|| SourceMap::new(path, text));
        let (line, col) = map.line_col(at);
        out.push(
            Diagnostic::point(
                path,
                line,
                col,
                format!(
                    "the file holds the control character or noncharacter U+{:04X}, which no page or feed can show",
                    c as u32
                ),
            )
            .with_help("remove it (invisible characters often come with a copy and paste)")
            .with_code(codes::CONTROL_CHARACTER),
        );
        if out.len() == 10 {
            break;
        }
        from = at + c.len_utf8();
    }
    out
}

/// Find the front matter: `(start, end, body_start)` byte offsets.
fn split(text: &str) -> Result<(usize, usize, usize), (&'static str, &'static str)> {
    let first_end = text.find('\n').map_or(text.len(), |i| i + 1);
    let first = text[..first_end].trim_end();
    if first == "---" {
        return Err((
            "YAML front matter (`---`) is not supported: afterword expects TOML front matter between `+++` lines",
            "replace both `---` lines with `+++` and write the keys in TOML (`key = \"value\"`)",
        ));
    }
    if first != "+++" {
        return Err((
            if text.trim().is_empty() {
                "the file is empty: no front matter"
            } else {
                "no front matter: an incident file must start with a `+++` line"
            },
            "start the file with `+++`, the TOML front matter (title, severity, components, timeline), and another `+++` line",
        ));
    }
    let mut pos = first_end;
    while pos < text.len() {
        let end = text[pos..].find('\n').map_or(text.len(), |i| pos + i + 1);
        if text[pos..end].trim_end() == "+++" {
            return Ok((first_end, pos, end));
        }
        pos = end;
    }
    Err((
        "unterminated front matter: no closing `+++` line",
        "end the front matter with a line holding only `+++`, before the postmortem text",
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_keys_are_the_struct_fields() {
        assert!(tomlx::schema_is_consistent(&FRONT_MATTER));
        assert!(FRONT_MATTER.keys().contains(&"action_items"));
        assert!(
            !FRONT_MATTER.keys().contains(&"base"),
            "a skipped field is no key"
        );
    }

    #[test]
    fn split_lf_crlf() {
        assert_eq!(split("+++\na = 1\n+++\nbody").unwrap(), (4, 10, 14));
        assert_eq!(split("+++\r\na = 1\r\n+++\r\nbody").unwrap(), (5, 12, 17));
        assert_eq!(split("+++\n+++").unwrap(), (4, 4, 7));
        assert!(split("---\na: 1\n---\n").unwrap_err().0.contains("YAML"));
        assert!(split("+++\na = 1\n")
            .unwrap_err()
            .0
            .contains("unterminated"));
        assert!(split("").unwrap_err().0.contains("empty"));
        assert!(split("# title\n")
            .unwrap_err()
            .0
            .contains("no front matter"));
    }

    #[test]
    fn bom_and_crlf_keep_positions() {
        let text = "\u{feff}+++\r\ntitle = \"t\"\r\nseverity = \"minor\"\r\ncomponents = [\"api\"]\r\nstarted = 2024-01-01T00:00:00Z\r\n+++\r\nBody\r\n";
        let raw = parse_file(
            PathBuf::from("a.md"),
            None,
            vec![],
            text.as_bytes().to_vec(),
        )
        .unwrap();
        assert_eq!(raw.front.title.get_ref(), "t");
        assert_eq!(raw.body(), "Body\r\n");
        let (line, col) = raw
            .source_map()
            .line_col(raw.front.base + raw.front.severity.as_ref().unwrap().span().start);
        assert_eq!((line, col), (3, 12));

        let bad = text.replace("sever", "sevr");
        let err = parse_file(PathBuf::from("a.md"), None, vec![], bad.into_bytes()).unwrap_err();
        assert_eq!((err[0].line, err[0].col), (3, 1), "{}", err[0]);
    }

    #[test]
    fn the_body_starts_where_text_of_says() {
        // What `build`'s cache relies on: a kept check's `body_start` is an offset into
        // `text_of` of the same bytes, with or without a BOM.
        let file = "+++\ntitle = \"t\"\nseverity = \"minor\"\ncomponents = [\"api\"]\nstarted = 2024-01-01T00:00:00Z\n+++\nBödy\n";
        for bytes in [
            file.as_bytes().to_vec(),
            format!("\u{feff}{file}").into_bytes(),
        ] {
            let raw = parse_file(PathBuf::from("a.md"), None, vec![], bytes.clone()).unwrap();
            let text = text_of(&bytes).unwrap();
            assert_eq!(raw.text, text);
            assert_eq!(&text[raw.body_start..], "Bödy\n");
        }
        // Not UTF-8: no text, and the error is at the first bad byte, BOM counted.
        let bad = [&b"\xef\xbb\xbf+++\n"[..], b"caf\xe9"].concat();
        assert_eq!(text_of(&bad).unwrap_err().valid_up_to(), 10);
        let err = parse_file(PathBuf::from("a.md"), None, vec![], bad).unwrap_err();
        assert_eq!((err[0].line, err[0].col), (2, 4), "{}", err[0]);
        // Without a BOM, the same place.
        let err = parse_file(
            PathBuf::from("a.md"),
            None,
            vec![],
            b"+++\ncaf\xe9".to_vec(),
        )
        .unwrap_err();
        assert_eq!((err[0].line, err[0].col), (2, 4), "{}", err[0]);
        assert_eq!(err[0].message, "the file is not valid UTF-8");
        assert_eq!(err[0].code, codes::UNREADABLE);
    }

    #[test]
    fn one_leading_bom_is_dropped_from_owned_and_borrowed_text_alike() {
        for text in [
            "",
            "+++",
            "\u{feff}",
            "\u{feff}+++\n",
            "\u{feff}\u{feff}a",
            "a\u{feff}",
        ] {
            assert_eq!(
                strip_bom(text.to_string()),
                text_of(text.as_bytes()).unwrap(),
                "{text:?}"
            );
        }
        assert_eq!(strip_bom("\u{feff}+++\n".into()), "+++\n");
        assert_eq!(strip_bom("\u{feff}\u{feff}a".into()), "\u{feff}a");
        assert_eq!(strip_bom("a\u{feff}".into()), "a\u{feff}");
    }
}
