//! Output: one sink every page goes through, and the staged folder swap that makes a build
//! all-or-nothing. A build writes into a hidden temporary folder beside the output folder and,
//! only when everything succeeded, swaps it in; a failed build leaves the old output untouched.

use std::collections::BTreeMap;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

/// Where rendered files go. Paths are relative and `/`-separated (`incidents/x/index.html`).
pub trait Sink: Sync {
    fn write(&self, rel: &str, bytes: &[u8]) -> io::Result<()>;
    fn copy(&self, rel: &str, from: &Path) -> io::Result<()> {
        self.write(rel, &std::fs::read(from)?)
    }
    /// A file whose inputs hash to `key`. Sinks that remember the previous render store the key.
    fn write_keyed(&self, rel: &str, _key: u64, bytes: &[u8]) -> io::Result<()> {
        self.write(rel, bytes)
    }
    /// Keep `rel` as the previous render made it, if that was from inputs hashing to `key`;
    /// false when the file must be rendered again (always, for sinks without memory).
    fn reuse(&self, _rel: &str, _key: u64) -> bool {
        false
    }
    /// Whether [`Sink::reuse`] would keep `rel` for `key`, without keeping it.
    fn holds(&self, _rel: &str, _key: u64) -> bool {
        false
    }
    /// The files under `prefix` the previous render wrote for `key`, when there are some and
    /// [`Sink::holds`] all of them: a group of files made together from one set of inputs
    /// (the search index), kept whole or not at all.
    fn held_group(&self, _prefix: &str, _key: u64) -> Option<Vec<String>> {
        None
    }
    /// Whether the bytes written are kept anywhere: `false` for [`Discard`] (`check`), which
    /// lets costly files (social cards) be checked without being made.
    fn keeps_bytes(&self) -> bool {
        true
    }
    /// The bytes the output being replaced holds at `rel` (a regular file of at most 4 MiB),
    /// for files that are costly to make and say what they were made from (social cards):
    /// `None` for sinks without a previous output.
    fn previous(&self, _rel: &str) -> Option<Vec<u8>> {
        None
    }
}

/// Writes under a folder. With `previous` (the output folder a build replaces), a file whose
/// bytes equal the previous build's is hard-linked from there instead of written: it keeps its
/// modification time, so `rsync` and `aws s3 sync` upload only what changed.
///
/// Until the first file that differs, nothing is written or linked at all: the files are only
/// compared and remembered. If the build ends that way and the previous output holds no other
/// file, [`DiskSink::finish`] says so and the previous output is kept as it is, so a build that
/// changes nothing costs no writes. The first difference links the remembered files in, and
/// from then on the folder fills as usual.
///
/// With a spare tree beside the output (`build`'s cache), the first difference is also where
/// it is looked at: if it holds only files its manifest lists, it takes the folder's place and
/// is brought up to date in place. A build that changes nothing never reads or moves it.
pub struct DiskSink {
    dir: PathBuf,
    previous: Option<PathBuf>,
    /// What the previous build left in `previous`, file by file, when it is known (`build`'s
    /// on-disk cache): a file whose key is unchanged and whose size and modification time are
    /// as recorded is kept without being rendered or read.
    previous_state: Option<Arc<TreeState>>,
    /// The spare tree of an earlier build, beside the output: at the first difference, it
    /// becomes `dir` if it can (see [`DiskSink::adopt_spare`]).
    spare_path: Option<PathBuf>,
    /// Once the spare tree is `dir`, brought up to date in place: what it holds.
    spare: std::sync::OnceLock<Spare>,
    /// How many files the previous output holds (from its manifest, checked against the
    /// folder), when known: a build that kept all of them changed nothing.
    previous_count: Option<usize>,
    /// Every key given with a file (written or kept), for the cache.
    keys: Mutex<rustc_hash::FxHashMap<String, u64>>,
    /// Files of the previous output found unchanged by [`Sink::holds`], with their identity.
    verified: Mutex<rustc_hash::FxHashMap<String, Identity>>,
    /// Every file written, linked or kept (with a spare tree only: what to keep of it).
    produced: Mutex<rustc_hash::FxHashSet<String>>,
    /// How many files were kept by key ([`Sink::reuse`]), never rendered.
    kept: std::sync::atomic::AtomicUsize,
    /// Folders already created: each incident's folder gets two files, and a second
    /// `create_dir_all` costs a failed `mkdir` (which locks the parent) and a `stat`. Kept as
    /// bytes: hashing a `Path` walks its components.
    made: Mutex<rustc_hash::FxHashSet<std::ffi::OsString>>,
    /// While every file so far equals the previous output's: those files. `None` once one
    /// differed (or without a previous output).
    pending: Mutex<Option<Vec<PathBuf>>>,
}

/// A file as a build left it: the key of its inputs (`None`: written without one) and what
/// the file system said of it once the build was in place. A file is taken to be unchanged
/// since then while its size and modification time (nanoseconds) are the same.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct FileState {
    pub key: Option<u64>,
    pub len: u64,
    pub mtime: i128,
}

/// Every file of a built tree, by relative path.
pub type TreeState = rustc_hash::FxHashMap<String, FileState>;

/// A file's identity on its file system (device and inode; `None` where unknown): two paths
/// with the same identity are one file, hard-linked.
type Identity = Option<(u64, u64)>;

/// What a file is now, if it is a regular file: its state (with `key`) and identity.
fn file_now(path: &Path, key: Option<u64>) -> Option<(FileState, Identity)> {
    let m = std::fs::symlink_metadata(path).ok()?;
    if !m.is_file() {
        return None;
    }
    let mtime = m
        .modified()
        .ok()?
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos() as i128);
    #[cfg(unix)]
    let id = {
        use std::os::unix::fs::MetadataExt;
        Some((m.dev(), m.ino()))
    };
    #[cfg(not(unix))]
    let id = None;
    Some((
        FileState {
            key,
            len: m.len(),
            mtime,
        },
        id,
    ))
}

/// The state of every file of `dir` named in `keys` (with its key) and of the other files
/// listed in `paths`: `None` when one is missing or not a regular file.
pub fn tree_state(
    dir: &Path,
    paths: &[String],
    keys: &rustc_hash::FxHashMap<String, u64>,
) -> Option<TreeState> {
    use rayon::prelude::*;
    paths
        .par_iter()
        .map(|rel| {
            let (st, _) = file_now(&dir.join(safe_rel(rel).ok()?), keys.get(rel).copied())?;
            Some((rel.clone(), st))
        })
        .collect()
}

/// The spare tree a build brings up to date in place: what it holds (every file, from its
/// manifest, checked against the folder). Nothing else about its files is needed: a file in
/// it is kept only when it is the very file the output holds (the same inode), and replaced
/// otherwise.
struct Spare {
    files: rustc_hash::FxHashSet<String>,
}

impl Spare {
    /// The spare tree at `dir`, if it can be brought up to date in place: a folder holding
    /// only files its manifest lists.
    fn open(dir: &Path) -> Option<Spare> {
        if !std::fs::symlink_metadata(dir).is_ok_and(|m| m.is_dir()) {
            return None;
        }
        let files = read_manifest(dir).ok()??;
        if foreign_file(dir, &|rel| files.contains(rel))
            .ok()?
            .is_some()
        {
            return None;
        }
        let mut files = files;
        // The manifest lists itself only implicitly.
        files.insert(MANIFEST.to_string());
        Some(Spare { files })
    }
}

impl DiskSink {
    pub fn new(dir: PathBuf, previous: Option<PathBuf>) -> DiskSink {
        DiskSink {
            dir,
            pending: Mutex::new(previous.is_some().then(Vec::new)),
            previous,
            previous_state: None,
            spare_path: None,
            spare: std::sync::OnceLock::new(),
            previous_count: None,
            keys: Mutex::default(),
            verified: Mutex::default(),
            produced: Mutex::default(),
            kept: Default::default(),
            made: Mutex::default(),
        }
    }

    /// How many files were kept by key, never rendered.
    pub fn kept(&self) -> usize {
        self.kept.load(std::sync::atomic::Ordering::Relaxed)
    }

    /// A sink that knows what the previous build left: the state of the previous output's
    /// files (`previous_state`), how many it holds, and, with `spare`, where the spare tree
    /// is, to update in place rather than fill `dir` (a new, empty folder) if the build changes
    /// anything. A spare tree is of use only with a previous output.
    pub fn incremental(
        dir: PathBuf,
        previous: Option<PathBuf>,
        previous_state: Option<Arc<TreeState>>,
        previous_count: Option<usize>,
        spare: Option<PathBuf>,
    ) -> DiskSink {
        DiskSink {
            previous_state,
            previous_count,
            spare_path: spare.filter(|_| previous.is_some()),
            ..DiskSink::new(dir, previous)
        }
    }

    /// Every key given with a file (written or kept).
    pub fn keys(&self) -> rustc_hash::FxHashMap<String, u64> {
        self.keys.lock().expect("sink poisoned").clone()
    }

    /// Remove `to` if it is there, so that writing or linking makes a new file there (in a
    /// spare tree, the old one may be linked from the output being replaced).
    fn clear(&self, to: &Path) -> io::Result<()> {
        if self.spare.get().is_none() {
            return Ok(());
        }
        match std::fs::symlink_metadata(to) {
            // Where the previous build had a folder, this one writes a file.
            Ok(m) if m.is_dir() => remove_tree(to),
            Ok(_) => std::fs::remove_file(to),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
            Err(e) => Err(e),
        }
    }

    /// `rel` is part of this build's tree (written or kept): in a spare tree, it stays.
    /// Recorded whenever there may be one, since it is adopted only at the first difference.
    fn produce(&self, rel: &str) {
        if self.spare_path.is_some() {
            self.produced
                .lock()
                .expect("sink poisoned")
                .insert(rel.to_string());
        }
    }

    /// Whether the spare tree's file at `rel` already is the previous output's (one file,
    /// linked): then keeping it unchanged needs nothing done.
    fn spare_is_previous(&self, rel: &Path) -> bool {
        let (Some(spare), Some(prev)) = (self.spare.get(), &self.previous) else {
            return false;
        };
        let key = rel.to_string_lossy();
        if !spare.files.contains(key.as_ref()) {
            return false;
        }
        let known = self
            .verified
            .lock()
            .expect("sink poisoned")
            .get(key.as_ref())
            .copied();
        let prev_id = match known {
            Some(id) => id,
            None => file_now(&prev.join(rel), None).and_then(|(_, id)| id),
        };
        let spare_id = file_now(&self.dir.join(rel), None).and_then(|(_, id)| id);
        prev_id.is_some() && prev_id == spare_id
    }

    /// `rel` is as the previous output holds it: remember it while nothing differs, else
    /// link it from there.
    fn keep_previous(&self, rel: PathBuf) -> io::Result<bool> {
        if let Some(list) = self.pending.lock().expect("sink poisoned").as_mut() {
            list.push(rel);
            return Ok(true);
        }
        Ok(self.link(&rel).is_ok())
    }

    fn make_dir(&self, dir: &Path) -> io::Result<()> {
        if self
            .made
            .lock()
            .expect("sink poisoned")
            .contains(dir.as_os_str())
        {
            return Ok(());
        }
        if let Err(e) = std::fs::create_dir_all(dir) {
            // In a spare tree, a folder may be where the previous build had a file (the spare's
            // files are all its own: see `Spare::open`).
            let Some(rel) = self.spare.get().and(dir.strip_prefix(&self.dir).ok()) else {
                return Err(e);
            };
            let mut at = self.dir.clone();
            for c in rel.components() {
                at.push(c);
                if std::fs::symlink_metadata(&at).is_ok_and(|m| !m.is_dir()) {
                    std::fs::remove_file(&at)?;
                }
            }
            std::fs::create_dir_all(dir)?;
        }
        self.made
            .lock()
            .expect("sink poisoned")
            .insert(dir.as_os_str().to_os_string());
        Ok(())
    }

    /// Whether the previous output holds exactly `bytes` at `rel`. Only a regular file (not a
    /// link) of the same length is read and compared.
    fn unchanged(&self, rel: &Path, bytes: &[u8]) -> bool {
        let Some(old) = self.previous.as_ref().map(|p| p.join(rel)) else {
            return false;
        };
        std::fs::symlink_metadata(&old).is_ok_and(|m| m.is_file() && m.len() == bytes.len() as u64)
            && std::fs::read(&old).is_ok_and(|b| b == bytes)
    }

    /// Hard-link `rel` from the previous output into the folder.
    fn link(&self, rel: &Path) -> io::Result<()> {
        let old = self
            .previous
            .as_ref()
            .map(|p| p.join(rel))
            .ok_or_else(|| io::Error::other("no previous output to link from"))?;
        if self.spare_is_previous(rel) {
            return Ok(());
        }
        let to = self.dir.join(rel);
        if let Some(p) = to.parent() {
            self.make_dir(p)?;
        }
        self.clear(&to)?;
        std::fs::hard_link(old, to)
    }

    /// Link the files remembered as unchanged into the folder (copying any that cannot be
    /// linked, e.g. across filesystems): from now on the folder holds the whole new tree.
    fn materialize(&self) -> io::Result<()> {
        use rayon::prelude::*;
        let taken = {
            let mut pending = self.pending.lock().expect("sink poisoned");
            let taken = pending.take();
            // The first difference. Every other file waits on the lock (`keep_previous`, this)
            // until the folder is what it will be.
            if taken.is_some() {
                self.adopt_spare()?;
            }
            taken
        };
        if let (Some(list), Some(prev)) = (taken, &self.previous) {
            list.par_iter().try_for_each(|rel| {
                self.link(rel).or_else(|_| {
                    let to = self.dir.join(rel);
                    self.clear(&to)?;
                    std::fs::copy(prev.join(rel), to).map(|_| ())
                })
            })?;
        }
        Ok(())
    }

    /// At the first difference, while `dir` is still the new, empty (marked) folder: if the
    /// spare tree holds only files its manifest lists ([`Spare::open`]), it takes `dir`'s name
    /// and is brought up to date there. Under that marked name, a build killed while updating it
    /// leaves a folder the next build removes, and a failed one removes it, so a half-updated
    /// spare tree is never used. A spare tree that cannot be used is not touched, and `dir`
    /// stays the new folder.
    fn adopt_spare(&self) -> io::Result<()> {
        let Some(path) = &self.spare_path else {
            return Ok(());
        };
        let Some(spare) = Spare::open(path) else {
            return Ok(());
        };
        if std::fs::remove_dir(&self.dir).is_err() {
            return Ok(());
        }
        if std::fs::rename(path, &self.dir).is_err() {
            return std::fs::create_dir(&self.dir);
        }
        let _ = self.spare.set(spare);
        Ok(())
    }

    /// Call when every file is written. `true`: every file equals the previous output's and
    /// it holds no other, so it can be kept as it is (and the folder is still empty). `false`:
    /// the folder holds the whole new tree.
    pub fn finish(&self) -> io::Result<bool> {
        let seen = self
            .pending
            .lock()
            .expect("sink poisoned")
            .as_ref()
            .map(Vec::len);
        if let (Some(seen), Some(prev)) = (seen, &self.previous) {
            let files = match self.previous_count {
                Some(n) => n,
                None => {
                    let mut files = 0;
                    for e in walkdir::WalkDir::new(prev) {
                        if !e.map_err(io::Error::other)?.file_type().is_dir() {
                            files += 1;
                        }
                    }
                    files
                }
            };
            if files == seen {
                return Ok(true);
            }
        }
        self.materialize()?;
        self.prune_spare()?;
        Ok(false)
    }

    /// In a spare tree: remove what this build did not write or keep, and the folders that
    /// leaves empty. Only files its manifest lists are there ([`Spare::open`]).
    fn prune_spare(&self) -> io::Result<()> {
        use rayon::prelude::*;
        let Some(spare) = self.spare.get() else {
            return Ok(());
        };
        let produced = self.produced.lock().expect("sink poisoned");
        let mut gone: Vec<&String> = spare
            .files
            .iter()
            .filter(|f| !produced.contains(*f))
            .collect();
        gone.par_iter().try_for_each(|rel| {
            match std::fs::remove_file(self.dir.join(safe_rel(rel)?)) {
                Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
                _ => Ok(()),
            }
        })?;
        // Deepest first; a folder still holding something stays.
        gone.sort_unstable_by_key(|r| std::cmp::Reverse(r.matches('/').count()));
        let mut tried = rustc_hash::FxHashSet::default();
        for rel in gone {
            let mut dir = Path::new(rel.as_str()).parent();
            while let Some(d) = dir.filter(|d| !d.as_os_str().is_empty()) {
                if !tried.insert(d.to_path_buf()) || std::fs::remove_dir(self.dir.join(d)).is_err()
                {
                    break;
                }
                dir = d.parent();
            }
        }
        Ok(())
    }
}

impl Sink for DiskSink {
    fn previous(&self, rel: &str) -> Option<Vec<u8>> {
        let old = self.previous.as_ref()?.join(safe_rel(rel).ok()?);
        let meta = std::fs::symlink_metadata(&old).ok()?;
        (meta.is_file() && meta.len() <= 4 << 20)
            .then(|| std::fs::read(&old).ok())
            .flatten()
    }
    fn write(&self, rel_str: &str, bytes: &[u8]) -> io::Result<()> {
        let rel = safe_rel(rel_str)?;
        self.produce(rel_str);
        if self.unchanged(&rel, bytes) {
            if self.keep_previous(rel.clone())? {
                return Ok(());
            }
        } else {
            self.materialize()?;
        }
        let to = self.dir.join(&rel);
        if let Some(p) = to.parent() {
            self.make_dir(p)?;
        }
        self.clear(&to)?;
        std::fs::write(to, bytes)
    }
    fn write_keyed(&self, rel: &str, key: u64, bytes: &[u8]) -> io::Result<()> {
        self.keys
            .lock()
            .expect("sink poisoned")
            .insert(rel.to_string(), key);
        self.write(rel, bytes)
    }
    fn holds(&self, rel: &str, key: u64) -> bool {
        let (Some(state), Some(prev)) = (&self.previous_state, &self.previous) else {
            return false;
        };
        let Some(st) = state.get(rel).filter(|st| st.key == Some(key)) else {
            return false;
        };
        if self
            .verified
            .lock()
            .expect("sink poisoned")
            .contains_key(rel)
        {
            return true;
        }
        let Ok(path) = safe_rel(rel) else {
            return false;
        };
        match file_now(&prev.join(path), Some(key)) {
            Some((now, id)) if now == *st => {
                self.verified
                    .lock()
                    .expect("sink poisoned")
                    .insert(rel.to_string(), id);
                true
            }
            _ => false,
        }
    }
    fn held_group(&self, prefix: &str, key: u64) -> Option<Vec<String>> {
        let state = self.previous_state.as_ref()?;
        let mut group: Vec<String> = state
            .iter()
            .filter(|(rel, st)| rel.starts_with(prefix) && st.key == Some(key))
            .map(|(rel, _)| rel.clone())
            .collect();
        group.sort_unstable();
        (!group.is_empty() && group.iter().all(|rel| self.holds(rel, key))).then_some(group)
    }
    fn reuse(&self, rel_str: &str, key: u64) -> bool {
        if !self.holds(rel_str, key) {
            return false;
        }
        let Ok(rel) = safe_rel(rel_str) else {
            return false;
        };
        self.produce(rel_str);
        self.keys
            .lock()
            .expect("sink poisoned")
            .insert(rel_str.to_string(), key);
        // A file that cannot be linked is rendered again.
        let kept = self.keep_previous(rel).unwrap_or(false);
        if kept {
            self.kept.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        }
        kept
    }
}

/// Keeps files in memory (tests, previews).
#[derive(Default)]
pub struct MemorySink {
    pub files: Mutex<BTreeMap<String, Vec<u8>>>,
}

impl Sink for MemorySink {
    fn write(&self, rel: &str, bytes: &[u8]) -> io::Result<()> {
        safe_rel(rel)?;
        self.files
            .lock()
            .expect("sink poisoned")
            .insert(rel.to_string(), bytes.to_vec());
        Ok(())
    }
}

/// Where a file of the output comes from: rendered by afterword, or copied from a file of the
/// site or theme (a `static/` file, a bundle file).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Origin {
    Generated,
    Copied(PathBuf),
}

/// Two files of a build with the same output path: the second would silently replace the
/// first.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Clash {
    pub rel: String,
    pub first: Origin,
    pub second: Origin,
    /// `rel` is a file for one of them and a folder for the other.
    pub folder: bool,
}

pub use crate::util::fsutil::NAME_MAX;

/// Passes every file on to another sink and remembers its path and where it came from: the
/// build's manifest, and the output paths two files share ([`Clash`]). A path with a
/// component longer than [`NAME_MAX`] bytes is refused before it reaches the inner sink.
pub struct Recorder<'a> {
    inner: &'a dyn Sink,
    seen: Mutex<BTreeMap<String, Origin>>,
    clashes: Mutex<Vec<Clash>>,
    too_long: Mutex<Vec<(String, Origin)>>,
}

impl<'a> Recorder<'a> {
    pub fn new(inner: &'a dyn Sink) -> Self {
        Recorder {
            inner,
            seen: Mutex::default(),
            clashes: Mutex::default(),
            too_long: Mutex::default(),
        }
    }

    /// Record `rel`; `Ok(false)` when it must not reach the inner sink: it is a file where
    /// another file needs a folder, or the other way round (`static/incidents` beside
    /// `incidents/<slug>/index.html`), which no file system can hold. Found here whatever
    /// order the files come in, and reported as a [`Clash`] at the shorter path.
    fn note(&self, rel: &str, origin: Origin) -> io::Result<bool> {
        if let Some(c) = rel.split('/').find(|c| c.len() > NAME_MAX) {
            let e = io::Error::new(
                io::ErrorKind::InvalidInput,
                format!(
                    "the file name `{c}` is {} bytes long; file systems take at most {NAME_MAX}",
                    c.len()
                ),
            );
            self.too_long
                .lock()
                .expect("recorder poisoned")
                .push((rel.to_string(), origin));
            return Err(e);
        }
        let mut seen = self.seen.lock().expect("recorder poisoned");
        let clash = |at: &str, a: Origin, b: Origin, folder: bool| {
            let (first, second) = if a <= b { (a, b) } else { (b, a) };
            self.clashes.lock().expect("recorder poisoned").push(Clash {
                rel: at.to_string(),
                first,
                second,
                folder,
            });
        };
        if let Some(first) = seen.get(rel) {
            clash(rel, first.clone(), origin, false);
            return Ok(true);
        }
        // A folder of `rel` is a file already …
        let file_above = rel
            .match_indices('/')
            .map(|(i, _)| &rel[..i])
            .find_map(|a| seen.get(a).map(|o| (a, o.clone())));
        if let Some((above, first)) = file_above {
            clash(above, first, origin, true);
            return Ok(false);
        }
        // … or `rel` is a folder of a file already.
        let folder = format!("{rel}/");
        let below = seen
            .range(folder.clone()..)
            .next()
            .filter(|(k, _)| k.starts_with(&folder))
            .map(|(_, o)| o.clone());
        if let Some(first) = below {
            clash(rel, first, origin, true);
            return Ok(false);
        }
        seen.insert(rel.to_string(), origin);
        Ok(true)
    }

    /// Every output path, sorted.
    pub fn paths(&self) -> Vec<String> {
        self.seen
            .lock()
            .expect("recorder poisoned")
            .keys()
            .cloned()
            .collect()
    }

    /// Whether `rel` was written.
    pub fn contains(&self, rel: &str) -> bool {
        self.seen
            .lock()
            .expect("recorder poisoned")
            .contains_key(rel)
    }

    /// The output paths two files shared, sorted.
    pub fn clashes(&self) -> Vec<Clash> {
        let mut v = self.clashes.lock().expect("recorder poisoned").clone();
        v.sort();
        v.dedup();
        v
    }

    /// The paths refused for a component longer than [`NAME_MAX`], sorted.
    pub fn too_long(&self) -> Vec<(String, Origin)> {
        let mut v = self.too_long.lock().expect("recorder poisoned").clone();
        v.sort();
        v
    }
}

impl Sink for Recorder<'_> {
    fn write(&self, rel: &str, bytes: &[u8]) -> io::Result<()> {
        if self.note(rel, Origin::Generated)? {
            self.inner.write(rel, bytes)?;
        }
        Ok(())
    }
    fn copy(&self, rel: &str, from: &Path) -> io::Result<()> {
        if self.note(rel, Origin::Copied(from.to_path_buf()))? {
            self.inner.copy(rel, from)?;
        }
        Ok(())
    }
    fn write_keyed(&self, rel: &str, key: u64, bytes: &[u8]) -> io::Result<()> {
        if self.note(rel, Origin::Generated)? {
            self.inner.write_keyed(rel, key, bytes)?;
        }
        Ok(())
    }
    fn holds(&self, rel: &str, key: u64) -> bool {
        self.inner.holds(rel, key)
    }
    fn held_group(&self, prefix: &str, key: u64) -> Option<Vec<String>> {
        self.inner.held_group(prefix, key)
    }
    fn reuse(&self, rel: &str, key: u64) -> bool {
        // A kept file is part of the output as much as a written one.
        self.inner.reuse(rel, key) && self.note(rel, Origin::Generated).is_ok_and(|pass| pass)
    }
    fn keeps_bytes(&self) -> bool {
        self.inner.keeps_bytes()
    }
    fn previous(&self, rel: &str) -> Option<Vec<u8>> {
        self.inner.previous(rel)
    }
}

/// Keeps nothing: `afterword check` renders the whole site into it, so that whatever would
/// fail a build (a template, a path, an unreadable file to copy) fails there first.
pub struct Discard;

impl Sink for Discard {
    fn write(&self, rel: &str, _: &[u8]) -> io::Result<()> {
        safe_rel(rel).map(drop)
    }
    fn keeps_bytes(&self) -> bool {
        false
    }
    fn copy(&self, rel: &str, from: &Path) -> io::Result<()> {
        safe_rel(rel)?;
        std::fs::File::open(from).map(drop)
    }
}

/// The file in the output folder that lists what the build wrote there (see
/// [`foreign_file`]).
pub const MANIFEST: &str = ".afterword-manifest";
const MANIFEST_HEADER: &str =
    "# afterword manifest v1: the files the last build wrote in this folder, one a line";

/// The manifest of a build that wrote `paths` (sorted): one path a line after the header; a
/// line feed or carriage return in a path is written `\n` or `\r` (paths never hold `\`).
pub fn manifest_text(paths: &[String]) -> String {
    let mut out = String::with_capacity(paths.iter().map(|p| p.len() + 1).sum::<usize>() + 100);
    out.push_str(MANIFEST_HEADER);
    out.push('\n');
    for p in paths {
        out.push_str(&p.replace('\n', "\\n").replace('\r', "\\r"));
        out.push('\n');
    }
    out
}

/// The paths a folder's manifest lists; `None` when it has no manifest (or a file by that
/// name that is not one).
pub fn read_manifest(dir: &Path) -> io::Result<Option<rustc_hash::FxHashSet<String>>> {
    let text = match std::fs::read(dir.join(MANIFEST)) {
        Ok(b) => String::from_utf8_lossy(&b).into_owned(),
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e),
    };
    let mut lines = text.lines();
    if lines.next() != Some(MANIFEST_HEADER) {
        return Ok(None);
    }
    Ok(Some(
        lines
            .map(|l| l.replace("\\n", "\n").replace("\\r", "\r"))
            .collect(),
    ))
}

/// The first file (in path order) under `dir` that `known` does not accept, as a relative
/// `/`-separated path; a link counts as a file and is not followed.
pub fn foreign_file(dir: &Path, known: &dyn Fn(&str) -> bool) -> io::Result<Option<String>> {
    for e in walkdir::WalkDir::new(dir).sort_by_file_name().min_depth(1) {
        let e = e.map_err(io::Error::other)?;
        if e.file_type().is_dir() {
            continue;
        }
        let rel = e
            .path()
            .strip_prefix(dir)
            .unwrap_or(e.path())
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        if rel != MANIFEST && !known(&rel) {
            return Ok(Some(rel));
        }
    }
    Ok(None)
}

/// Refuse any path that could leave the output folder.
pub(crate) fn safe_rel(rel: &str) -> io::Result<PathBuf> {
    let p = Path::new(rel);
    let ok = !rel.is_empty()
        && !rel.contains('\\')
        && p.components()
            .all(|c| matches!(c, std::path::Component::Normal(_)));
    if ok {
        Ok(p.to_path_buf())
    } else {
        Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("refusing to write outside the output folder: {rel}"),
        ))
    }
}

/// A build in progress: a temporary folder beside the output folder that replaces it on
/// `commit`. Dropped without a commit, it is removed.
///
/// Every temporary folder afterword makes beside the output (`.afterword-build-*`, and
/// `.afterword-old-*` where the old output is moved aside) has a marker file beside it, named
/// like the folder plus `.owner`, holding a fixed first line, the process id and the process
/// start time. It is written before the folder exists and removed after the folder is gone,
/// so a build killed at any point leaves a folder that the next build can prove stale: see
/// [`remove_stale`].
pub struct Staging {
    target: PathBuf,
    dir: PathBuf,
    marker: PathBuf,
    /// Set once `commit` or `discard` took over the folder.
    done: bool,
}

impl Staging {
    pub fn begin(target: &Path) -> io::Result<Staging> {
        let parent = parent_of(target);
        std::fs::create_dir_all(parent)?;
        remove_stale(parent);
        let (dir, marker) = marked_dir(parent, BUILD_PREFIX)?;
        Ok(Staging {
            target: target.to_path_buf(),
            dir,
            marker,
            done: false,
        })
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Leave the output folder as it is and remove the (empty) temporary folder.
    pub fn discard(mut self) -> io::Result<()> {
        self.done = true;
        remove_tree(&self.dir)?;
        std::fs::remove_file(&self.marker)
    }

    /// Swap the new tree in, so that at every instant the output path holds the whole old
    /// tree or the whole new one:
    ///
    /// - no output yet: one `rename`;
    /// - on Linux: `renameat2(RENAME_EXCHANGE)` swaps the two folders in one step, then the
    ///   old tree (now under the temporary name, still covered by its marker) is removed;
    /// - elsewhere, or on a filesystem without the exchange (`EINVAL`, `ENOSYS`,
    ///   `EOPNOTSUPP`): the old tree is renamed aside (to a marked `.afterword-old-*`), the
    ///   new one renamed in, and the old one removed. A process killed between these two
    ///   renames leaves no output folder; the old tree is then in the `.afterword-old-*`
    ///   folder, and the next build removes it.
    ///
    /// Once the new tree is in place the build has succeeded: if the old tree then cannot be
    /// removed (a folder without write permission), that is `Ok(Some(message))`, to be shown as
    /// a warning; the old tree keeps its marker.
    pub fn commit(self) -> io::Result<Option<String>> {
        self.commit_with(exchange)
    }

    /// [`Staging::commit`], swapping with `exchange` (tests pass one that cannot).
    fn commit_with(
        mut self,
        exchange: fn(&Path, &Path) -> io::Result<bool>,
    ) -> io::Result<Option<String>> {
        self.done = true;
        let (new, marker, target) = (&self.dir, &self.marker, &self.target);
        let fail = |e: io::Error| {
            let _ = remove_tree(new);
            let _ = std::fs::remove_file(marker);
            e
        };
        if std::fs::symlink_metadata(target).is_err() {
            std::fs::rename(new, target).map_err(fail)?;
            return std::fs::remove_file(marker).map(|()| None);
        }
        match exchange(new, target) {
            Ok(true) => {
                // `new` now holds the old tree.
                return Ok(remove_old(new, marker));
            }
            Ok(false) => {}
            Err(e) => return Err(fail(e)),
        }
        let parent = parent_of(target);
        let (aside, aside_marker) = marked_dir(parent, OLD_PREFIX).map_err(fail)?;
        let moved = std::fs::remove_dir(&aside).and_then(|()| std::fs::rename(target, &aside));
        if let Err(e) = moved {
            let _ = std::fs::remove_file(&aside_marker);
            return Err(fail(e));
        }
        if let Err(e) = std::fs::rename(new, target) {
            let _ = std::fs::rename(&aside, target);
            let _ = std::fs::remove_file(&aside_marker);
            return Err(fail(e));
        }
        std::fs::remove_file(marker)?;
        Ok(remove_old(&aside, &aside_marker))
    }
}

impl Staging {
    /// [`Staging::commit`], but the old tree is kept as the spare tree at `spare` for the next
    /// build to update in place, rather than removed. Where it cannot be (something is at
    /// `spare` already, which is left as it is; or the folders cannot be swapped in one step),
    /// this is a plain [`Staging::commit`] and the old tree goes. Returns what `commit` does.
    pub fn commit_keeping(mut self, spare: &Path) -> io::Result<Option<String>> {
        if std::fs::symlink_metadata(spare).is_ok()
            || std::fs::symlink_metadata(&self.target).is_err()
        {
            return self.commit();
        }
        match exchange(&self.dir, &self.target) {
            Ok(true) => {
                self.done = true;
                // The temporary folder now holds the old tree, still covered by its marker
                // until it has its new name; if it cannot have it, it goes.
                if std::fs::rename(&self.dir, spare).is_err() {
                    return Ok(remove_old(&self.dir, &self.marker));
                }
                std::fs::remove_file(&self.marker)?;
                Ok(None)
            }
            // Without the exchange, the old tree is moved aside and removed as usual.
            Ok(false) => self.commit(),
            Err(e) => Err(e),
        }
    }
}

/// Whether this platform and the file system of `dir` can swap two folders in one step (a
/// spare tree is of use only then).
pub fn can_swap(dir: &Path) -> bool {
    let parent = parent_of(dir);
    let probe = |a: &Path, b: &Path| -> io::Result<bool> {
        std::fs::create_dir(a)?;
        std::fs::create_dir(b)?;
        exchange(a, b)
    };
    let a = tempfile::Builder::new()
        .prefix(BUILD_PREFIX)
        .tempdir_in(parent);
    let b = tempfile::Builder::new()
        .prefix(BUILD_PREFIX)
        .tempdir_in(parent);
    match (a, b) {
        (Ok(a), Ok(b)) => {
            let (x, y) = (a.path().join("x"), b.path().join("y"));
            probe(&x, &y).unwrap_or(false)
        }
        _ => false,
    }
}

/// Remove the old tree after a swap, and its marker; what could not be removed, as a warning.
fn remove_old(old: &Path, marker: &Path) -> Option<String> {
    match remove_tree(old).and_then(|()| std::fs::remove_file(marker)) {
        Ok(()) => None,
        Err(e) => Some(format!(
            "the new site is in place, but the previous one could not be removed from {} ({e}); remove it by hand",
            crate::util::fsutil::display_path(old).display()
        )),
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.done {
            let _ = remove_tree(&self.dir);
            let _ = std::fs::remove_file(&self.marker);
        }
    }
}

const BUILD_PREFIX: &str = ".afterword-build-";
const OLD_PREFIX: &str = ".afterword-old-";
const MARKER_SUFFIX: &str = ".owner";
/// The first line of every marker: a marker without it is not ours.
const MARKER_MAGIC: &str = "afterword temporary folder marker v1";

fn parent_of(target: &Path) -> &Path {
    target
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// Swap two folders in one step: `Ok(false)` where the OS or the filesystem cannot.
#[cfg(any(target_os = "linux", target_os = "android"))]
fn exchange(a: &Path, b: &Path) -> io::Result<bool> {
    use rustix::fs::{renameat_with, RenameFlags, CWD};
    use rustix::io::Errno;
    match renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE) {
        Ok(()) => Ok(true),
        Err(Errno::INVAL | Errno::NOSYS | Errno::OPNOTSUPP) => Ok(false),
        Err(e) => Err(e.into()),
    }
}

#[cfg(not(any(target_os = "linux", target_os = "android")))]
fn exchange(_: &Path, _: &Path) -> io::Result<bool> {
    Ok(false)
}

/// The start time of process `pid` (clock ticks since boot, field 22 of `/proc/<pid>/stat`):
/// with the pid, it names one process even after the pid is reused. `None` where there is no
/// procfs or no such process.
fn start_time(pid: u32) -> Option<u64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // `pid (comm) state ...`: comm may hold spaces and parentheses; fields count from state (3).
    let rest = &stat[stat.rfind(')')? + 1..];
    rest.split_whitespace().nth(22 - 3)?.parse().ok()
}

fn marker_text() -> String {
    let pid = std::process::id();
    let start = start_time(pid).map_or_else(|| "unknown".to_string(), |t| t.to_string());
    format!("{MARKER_MAGIC}\npid {pid}\nstart {start}\n")
}

/// Whether a marker proves its folder belongs to a process that is gone: its pid runs no
/// process, or one that started at another time (the pid was reused). Anything else (not a
/// marker, an unknown start time, no procfs to ask, a live owner) is not proof.
fn marker_is_stale(text: &str) -> bool {
    let mut lines = text.lines();
    if lines.next() != Some(MARKER_MAGIC) {
        return false;
    }
    let field = |line: Option<&str>, key: &str| -> Option<u64> {
        line?.strip_prefix(key)?.strip_prefix(' ')?.parse().ok()
    };
    let (Some(pid), Some(start)) = (field(lines.next(), "pid"), field(lines.next(), "start"))
    else {
        return false;
    };
    let Ok(pid) = u32::try_from(pid) else {
        return false;
    };
    start_time(std::process::id()).is_some() && start_time(pid) != Some(start)
}

/// Make an empty folder `<parent>/<prefix><random>`, its marker written first.
fn marked_dir(parent: &Path, prefix: &str) -> io::Result<(PathBuf, PathBuf)> {
    use std::io::Write;
    let text = marker_text();
    for _ in 0..64 {
        let mut file = tempfile::Builder::new()
            .prefix(prefix)
            .suffix(MARKER_SUFFIX)
            .tempfile_in(parent)?;
        file.write_all(text.as_bytes())?;
        let (_, marker) = file.keep().map_err(|e| e.error)?;
        // The file name is the prefix, random ASCII and the suffix; the parent stays as it is
        // (it may not be UTF-8).
        let stem = marker
            .file_name()
            .and_then(|n| n.to_str())
            .and_then(|n| n.strip_suffix(MARKER_SUFFIX))
            .map(str::to_owned);
        let Some(stem) = stem else {
            std::fs::remove_file(&marker)?;
            return Err(io::Error::other("unexpected temporary file name"));
        };
        let dir = marker.with_file_name(stem);
        match std::fs::create_dir(&dir) {
            Ok(()) => return Ok((dir, marker)),
            Err(e) => {
                std::fs::remove_file(&marker)?;
                if e.kind() != io::ErrorKind::AlreadyExists {
                    return Err(e);
                }
            }
        }
    }
    Err(io::Error::new(
        io::ErrorKind::AlreadyExists,
        "cannot find a free temporary folder name",
    ))
}

/// Remove the temporary folders beside an output folder that earlier, killed builds left
/// behind: only those whose marker proves they are afterword's and their process gone (see
/// [`marker_is_stale`]). A folder without a marker, or whose owner runs, is never touched;
/// neither is anything that is not a real folder. Best effort: returns what was removed.
pub fn remove_stale(parent: &Path) -> Vec<PathBuf> {
    let mut removed = Vec::new();
    let Ok(entries) = std::fs::read_dir(parent) else {
        return removed;
    };
    for e in entries.flatten() {
        let name = e.file_name();
        let Some(name) = name.to_str() else { continue };
        let Some(stem) = name.strip_suffix(MARKER_SUFFIX) else {
            continue;
        };
        let ours = stem.starts_with(BUILD_PREFIX) || stem.starts_with(OLD_PREFIX);
        if !ours || !e.file_type().is_ok_and(|t| t.is_file()) {
            continue;
        }
        let marker = e.path();
        let text = match std::fs::File::open(&marker) {
            Ok(f) => {
                use std::io::Read;
                let mut s = String::new();
                if f.take(4096).read_to_string(&mut s).is_err() {
                    continue;
                }
                s
            }
            Err(_) => continue,
        };
        if !marker_is_stale(&text) {
            continue;
        }
        let dir = parent.join(stem);
        match std::fs::symlink_metadata(&dir) {
            Ok(m) if m.is_dir() => {
                if remove_tree(&dir).is_err() {
                    continue;
                }
                removed.push(dir);
            }
            Ok(_) => continue,
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            Err(_) => continue,
        }
        let _ = std::fs::remove_file(&marker);
    }
    removed
}

/// `remove_dir_all`, with the files removed in parallel (a built site has tens of thousands).
/// Links are removed, never followed.
fn remove_tree(dir: &Path) -> io::Result<()> {
    use rayon::prelude::*;
    let mut files = Vec::new();
    let mut dirs = Vec::new();
    for e in walkdir::WalkDir::new(dir).follow_root_links(false) {
        let e = e.map_err(io::Error::other)?;
        if e.file_type().is_dir() {
            dirs.push(e.into_path());
        } else {
            files.push(e.into_path());
        }
    }
    files.par_iter().try_for_each(std::fs::remove_file)?;
    // Deepest first: walkdir lists a folder before its contents.
    for d in dirs.iter().rev() {
        std::fs::remove_dir(d)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rel_paths_cannot_escape() {
        assert!(safe_rel("incidents/a/index.html").is_ok());
        assert!(safe_rel("../x").is_err());
        assert!(safe_rel("/etc/passwd").is_err());
        assert!(safe_rel("a/../../x").is_err());
        assert!(safe_rel("a\\..\\x").is_err());
        assert!(safe_rel("").is_err());
    }

    #[cfg(unix)]
    #[test]
    fn remove_tree_removes_links_not_their_targets() {
        let root = tempfile::tempdir().unwrap();
        let outside = root.path().join("outside.txt");
        std::fs::write(&outside, "keep").unwrap();
        let tree = root.path().join("old");
        std::fs::create_dir_all(tree.join("a/b")).unwrap();
        std::fs::write(tree.join("a/b/index.html"), "x").unwrap();
        std::fs::write(tree.join("index.html"), "x").unwrap();
        std::os::unix::fs::symlink(&outside, tree.join("a/link")).unwrap();
        std::os::unix::fs::symlink(root.path(), tree.join("dirlink")).unwrap();
        remove_tree(&tree).unwrap();
        assert!(!tree.exists());
        assert_eq!(std::fs::read_to_string(&outside).unwrap(), "keep");
        // A link as the tree itself (an output folder that is a link, swapped aside): only
        // the link goes.
        let target = root.path().join("target");
        std::fs::create_dir(&target).unwrap();
        std::fs::write(target.join("index.html"), "keep").unwrap();
        let link = root.path().join("link");
        std::os::unix::fs::symlink(&target, &link).unwrap();
        remove_tree(&link).unwrap();
        assert!(std::fs::symlink_metadata(&link).is_err());
        assert_eq!(
            std::fs::read_to_string(target.join("index.html")).unwrap(),
            "keep"
        );
    }

    #[cfg(target_os = "linux")]
    #[test]
    #[ignore = "shows the window of the two-rename fallback; timing-dependent"]
    fn the_fallback_has_an_instant_without_output() {
        assert!(misses_during_commits(500, |_, _| Ok(false)) > 0);
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn exchange_swaps_two_folders_in_one_step() {
        let root = tempfile::tempdir().unwrap();
        let (a, b) = (root.path().join("a"), root.path().join("b"));
        std::fs::create_dir(&a).unwrap();
        std::fs::create_dir(&b).unwrap();
        std::fs::write(a.join("new.html"), "new").unwrap();
        std::fs::write(b.join("old.html"), "old").unwrap();
        // tmpfs, ext4, btrfs and xfs all have it; a filesystem without it says so.
        if exchange(&a, &b).unwrap() {
            assert!(b.join("new.html").is_file() && !b.join("old.html").exists());
            assert!(a.join("old.html").is_file() && !a.join("new.html").exists());
        }
    }

    /// Commit `n` builds with `exchange` while another thread looks at the output path: how
    /// many times it found no `index.html` there.
    fn misses_during_commits(n: usize, exchange: fn(&Path, &Path) -> io::Result<bool>) -> usize {
        use std::sync::atomic::{AtomicBool, Ordering};
        let root = tempfile::tempdir().unwrap();
        let out = root.path().join("public");
        let s = Staging::begin(&out).unwrap();
        std::fs::write(s.dir().join("index.html"), "0").unwrap();
        s.commit().unwrap();
        let done = AtomicBool::new(false);
        std::thread::scope(|scope| {
            let watcher = scope.spawn(|| {
                let mut misses = 0;
                while !done.load(Ordering::Relaxed) {
                    if std::fs::symlink_metadata(out.join("index.html")).is_err() {
                        misses += 1;
                    }
                }
                misses
            });
            for i in 0..n {
                let s = Staging::begin(&out).unwrap();
                std::fs::write(s.dir().join("index.html"), i.to_string()).unwrap();
                s.commit_with(exchange).unwrap();
            }
            done.store(true, Ordering::Relaxed);
            watcher.join().unwrap()
        })
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn the_output_path_always_holds_a_whole_site() {
        // Where the filesystem has the exchange, no instant without the output folder.
        let root = tempfile::tempdir().unwrap();
        std::fs::create_dir(root.path().join("a")).unwrap();
        std::fs::create_dir(root.path().join("b")).unwrap();
        if exchange(&root.path().join("a"), &root.path().join("b")).unwrap() {
            assert_eq!(misses_during_commits(200, exchange), 0);
        }
    }

    fn names(dir: &Path) -> Vec<String> {
        let mut v: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    }

    #[test]
    fn staging_is_marked_and_the_marker_goes_with_the_folder() {
        let root = tempfile::tempdir().unwrap();
        let out = root.path().join("public");
        let s = Staging::begin(&out).unwrap();
        let marker = PathBuf::from(format!("{}{MARKER_SUFFIX}", s.dir().display()));
        let text = std::fs::read_to_string(&marker).unwrap();
        assert!(text.starts_with(MARKER_MAGIC), "{text}");
        assert!(text.contains(&format!("pid {}\n", std::process::id())));
        assert!(!marker_is_stale(&text), "our own folder is live");
        s.commit().unwrap();
        assert_eq!(names(root.path()), ["public"]);
        // The second build swaps (exchange or fallback) and leaves nothing beside either.
        let s = Staging::begin(&out).unwrap();
        std::fs::write(s.dir().join("b.html"), "b").unwrap();
        s.commit().unwrap();
        assert_eq!(names(root.path()), ["public"]);
        assert_eq!(names(&out), ["b.html"]);
        // Without the exchange: the two renames, and nothing left beside either.
        let s = Staging::begin(&out).unwrap();
        std::fs::write(s.dir().join("c.html"), "c").unwrap();
        s.commit_with(|_, _| Ok(false)).unwrap();
        assert_eq!(names(root.path()), ["public"]);
        assert_eq!(names(&out), ["c.html"]);
    }

    #[cfg(unix)]
    #[test]
    fn staging_beside_a_folder_whose_name_is_not_utf8() {
        use std::os::unix::ffi::OsStrExt;
        let root = tempfile::tempdir().unwrap();
        let parent = root.path().join(std::ffi::OsStr::from_bytes(b"caf\xe9"));
        let out = parent.join("public");
        for _ in 0..2 {
            let s = Staging::begin(&out).unwrap();
            std::fs::write(s.dir().join("a.html"), "a").unwrap();
            s.commit().unwrap();
        }
        assert_eq!(names(&parent), ["public"]);
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn only_provably_stale_folders_are_removed() {
        let root = tempfile::tempdir().unwrap();
        let me = std::process::id();
        let my_start = start_time(me).unwrap();
        // A process that has exited: its pid runs nothing (or, reused, started later).
        let mut child = std::process::Command::new("true").spawn().unwrap();
        let dead = child.id();
        child.wait().unwrap();
        let make = |name: &str, marker: Option<String>| {
            let dir = root.path().join(name);
            std::fs::create_dir_all(dir.join("incidents/x")).unwrap();
            std::fs::write(dir.join("incidents/x/index.html"), "x").unwrap();
            if let Some(m) = marker {
                std::fs::write(root.path().join(format!("{name}{MARKER_SUFFIX}")), m).unwrap();
            }
        };
        let marker = |pid: u32, start: &str| format!("{MARKER_MAGIC}\npid {pid}\nstart {start}\n");
        make(".afterword-build-dead", Some(marker(dead, "1")));
        make(".afterword-old-dead", Some(marker(dead, "1")));
        // Our pid, another start time: the pid was reused.
        make(
            ".afterword-build-reused",
            Some(marker(me, &(my_start + 1).to_string())),
        );
        // Live: this very process.
        make(
            ".afterword-build-live",
            Some(marker(me, &my_start.to_string())),
        );
        // Look-alikes: no marker, a marker without the magic line, an unknown start time.
        make(".afterword-build-nomarker", None);
        make(
            ".afterword-build-forged",
            Some(format!("pid {dead}\nstart 1\n")),
        );
        make(".afterword-old-unknown", Some(marker(dead, "unknown")));
        // A marker whose folder is already gone (killed after the rename): removed.
        std::fs::write(
            root.path()
                .join(format!(".afterword-build-orphan{MARKER_SUFFIX}")),
            marker(dead, "1"),
        )
        .unwrap();
        // A stale marker beside a symbolic link: the link and its target are left alone.
        let victim = root.path().join("victim");
        std::fs::create_dir(&victim).unwrap();
        std::fs::write(victim.join("keep.txt"), "keep").unwrap();
        std::os::unix::fs::symlink(&victim, root.path().join(".afterword-old-link")).unwrap();
        std::fs::write(
            root.path()
                .join(format!(".afterword-old-link{MARKER_SUFFIX}")),
            marker(dead, "1"),
        )
        .unwrap();

        let mut removed: Vec<String> = remove_stale(root.path())
            .iter()
            .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        removed.sort();
        assert_eq!(
            removed,
            [
                ".afterword-build-dead",
                ".afterword-build-reused",
                ".afterword-old-dead"
            ]
        );
        assert_eq!(
            names(root.path()),
            [
                ".afterword-build-forged",
                ".afterword-build-forged.owner",
                ".afterword-build-live",
                ".afterword-build-live.owner",
                ".afterword-build-nomarker",
                ".afterword-old-link",
                ".afterword-old-link.owner",
                ".afterword-old-unknown",
                ".afterword-old-unknown.owner",
                "victim",
            ]
        );
        assert_eq!(
            std::fs::read_to_string(victim.join("keep.txt")).unwrap(),
            "keep"
        );
        // A build beside them removes the same way and leaves the others.
        let out = root.path().join("public");
        let s = Staging::begin(&out).unwrap();
        s.commit().unwrap();
        assert!(names(root.path()).contains(&".afterword-build-live".to_string()));
    }

    #[test]
    fn staging_swaps_and_drop_keeps_old() {
        let root = tempfile::tempdir().unwrap();
        let out = root.path().join("public");
        std::fs::create_dir(&out).unwrap();
        std::fs::write(out.join("old.html"), "old").unwrap();
        // A dropped (failed) build leaves the old tree as it was.
        let s = Staging::begin(&out).unwrap();
        std::fs::write(s.dir().join("new.html"), "new").unwrap();
        drop(s);
        assert!(out.join("old.html").exists());
        assert_eq!(std::fs::read_dir(root.path()).unwrap().count(), 1);
        // A committed one replaces it entirely.
        let s = Staging::begin(&out).unwrap();
        std::fs::write(s.dir().join("new.html"), "new").unwrap();
        s.commit().unwrap();
        assert!(out.join("new.html").exists());
        assert!(!out.join("old.html").exists());
        assert_eq!(std::fs::read_dir(root.path()).unwrap().count(), 1);
    }
}
