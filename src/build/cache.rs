//! `build`'s on-disk cache (`.afterword/build-cache`): what one build leaves for the next, so
//! that a rebuild does work in proportion to what changed (docs/performance.md).
//!
//! It holds, for the output folder it was made for:
//! - the state of every file of the output (`live`): each file's [`crate::render`] cache key
//!   and its size and modification time (the spare tree beside the output needs none: see
//!   [`crate::output::Spare`]);
//! - every incident's search document, by its key;
//! - every content file's check (its incident, without the body, and its diagnostics), by
//!   the hash of what the file is read from, for one site.toml and `now`.
//!
//! A file is reused only when its key is this render's and the file on disk is as recorded,
//! so the cache can make a build faster but never different. The file starts with a magic
//! line and an xxh3 checksum of the rest, and records afterword's version and a schema
//! number: a file that is damaged, or from another version or output folder, is set aside
//! with a one-line note and the build does everything.

use super::{KeptChecks, StoredChecked};
use crate::output::{FileState, TreeState};
use crate::render::{SearchDoc, StoredDoc, StoredDocRef};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Where the cache lives, under the site root: beside `afterword notify`'s state.
pub const DIR: &str = ".afterword";
pub const FILE: &str = "build-cache";
const MAGIC: &[u8] = b"afterword build cache\n";
/// Bumped whenever what is stored, or how keys are made, changes shape.
const SCHEMA: u32 = 2;

/// What one build left for the next.
#[derive(Default)]
pub struct BuildCache {
    /// The output folder it describes (absolute).
    pub output: PathBuf,
    pub live: Option<TreeState>,
    pub search_docs: Vec<(u64, SearchDoc)>,
    /// Every content file's check, by what it is read from.
    pub checks: KeptChecks,
    /// The checksum and size of what was read.
    pub sum: Option<(u64, usize)>,
}

/// The file's contents, as read.
#[derive(serde::Deserialize)]
struct Stored {
    version: String,
    schema: u32,
    output: String,
    live: Option<Vec<(String, FileState)>>,
    search_docs: Vec<(u64, StoredDoc)>,
    checked_key: u64,
    checked: Vec<(u64, StoredChecked)>,
}

/// The same, as written (field for field: the encoding has no names).
#[derive(serde::Serialize)]
struct StoredRef<'a> {
    version: &'a str,
    schema: u32,
    output: String,
    live: Option<Vec<(String, FileState)>>,
    search_docs: Vec<(u64, StoredDocRef<'a>)>,
    checked_key: u64,
    checked: Vec<(u64, &'a StoredChecked)>,
}

/// The line after the magic one: the schema, the version of afterword that wrote it, and the
/// build id (a hash of the sources it was compiled from: a development build of the same
/// version renders differently, so its keys must not be trusted either).
fn header() -> String {
    format!(
        "{SCHEMA} {} {}\n",
        env!("CARGO_PKG_VERSION"),
        env!("AFTERWORD_BUILD_ID")
    )
}

/// The cache file of the site at `root`.
pub fn path(root: &Path) -> PathBuf {
    root.join(DIR).join(FILE)
}

fn sorted(t: &TreeState) -> Vec<(String, FileState)> {
    let mut v: Vec<(String, FileState)> = t.iter().map(|(k, s)| (k.clone(), *s)).collect();
    v.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    v
}

/// Read the cache at `file` for the output folder `output`: `Ok(None)` when there is none,
/// `Err(why)` when there is one that cannot be used (then the build does everything).
pub fn load(file: &Path, output: &Path) -> Result<Option<BuildCache>, String> {
    let bytes = match std::fs::read(file) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(format!("cannot be read ({e})")),
    };
    let rest = bytes
        .strip_prefix(MAGIC)
        .ok_or("is not an afterword build cache")?;
    // `<schema> <version>\n`, then the checksum and the rest.
    let (head, rest) = rest
        .split_at_checked(
            rest.iter()
                .position(|&b| b == b'\n')
                .ok_or("is damaged (cut short)")?
                + 1,
        )
        .ok_or("is damaged (cut short)")?;
    if head != header().as_bytes() {
        let written = String::from_utf8_lossy(head);
        let version = written.trim().split(' ').nth(1).unwrap_or("?");
        let this = env!("CARGO_PKG_VERSION");
        return Err(match version == this {
            true => format!("was written by another build of afterword {this}"),
            false => format!("was written by afterword {version} (this is {this})"),
        });
    }
    let (sum, payload) = rest
        .split_first_chunk::<8>()
        .ok_or("is damaged (cut short)")?;
    let sum = u64::from_le_bytes(*sum);
    if sum != xxhash_rust::xxh3::xxh3_64(payload) {
        return Err("is damaged (its checksum does not match)".into());
    }
    let stored: Stored = postcard::from_bytes(payload).map_err(|e| format!("is damaged ({e})"))?;
    if stored.version != env!("CARGO_PKG_VERSION") || stored.schema != SCHEMA {
        return Err("is damaged (its header and contents disagree)".into());
    }
    if Path::new(&stored.output) != output {
        // Another output folder (`--output`): not an error, just nothing to reuse.
        return Ok(None);
    }
    let docs = stored
        .search_docs
        .into_iter()
        .map(|(k, d)| Some((k, d.into_doc()?)))
        .collect::<Option<Vec<_>>>()
        .ok_or("is damaged (a search document does not read)")?;
    let tree = |v: Option<Vec<(String, FileState)>>| v.map(|v| v.into_iter().collect());
    Ok(Some(BuildCache {
        output: output.to_path_buf(),
        live: tree(stored.live),
        search_docs: docs,
        checks: KeptChecks {
            key: stored.checked_key,
            by_hash: stored
                .checked
                .into_iter()
                .map(|(h, c)| (h, std::sync::Arc::new(c)))
                .collect(),
            files: Vec::new(),
        },
        sum: Some((sum, payload.len())),
    }))
}

/// Write the cache to `file` atomically (a new file renamed over the old one).
pub fn save(
    file: &Path,
    output: &Path,
    live: Option<&TreeState>,
    search_docs: &[(u64, std::sync::Arc<SearchDoc>)],
    checks: &KeptChecks,
    unchanged_from: Option<(u64, usize)>,
) -> std::io::Result<()> {
    let stored = StoredRef {
        version: env!("CARGO_PKG_VERSION"),
        schema: SCHEMA,
        output: output.to_string_lossy().into_owned(),
        live: live.map(sorted),
        search_docs: search_docs
            .iter()
            .map(|(k, d)| (*k, StoredDocRef::from(&**d)))
            .collect(),
        checked_key: checks.key,
        checked: checks.files.iter().map(|(h, c)| (*h, &**c)).collect(),
    };
    let room = unchanged_from.map_or(1 << 20, |(_, len)| len + (len >> 3));
    let payload =
        postcard::to_extend(&stored, Vec::with_capacity(room)).map_err(std::io::Error::other)?;
    let sum = xxhash_rust::xxh3::xxh3_64(&payload);
    if unchanged_from == Some((sum, payload.len())) && file.is_file() {
        // What the last build wrote, byte for byte.
        return Ok(());
    }
    let dir = file.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let mut tmp = tempfile::Builder::new();
    tmp.prefix(".build-cache-");
    // Readable like the site's other files (nothing in it is secret).
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        tmp.permissions(std::fs::Permissions::from_mode(0o644));
    }
    let mut tmp = tmp.tempfile_in(dir)?;
    tmp.write_all(MAGIC)?;
    tmp.write_all(header().as_bytes())?;
    tmp.write_all(&sum.to_le_bytes())?;
    tmp.write_all(&payload)?;
    tmp.persist(file).map_err(|e| e.error)?;
    Ok(())
}
