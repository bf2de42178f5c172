//! Output: one sink every page goes through, and the staged folder swap that makes a build
//! all-or-nothing. A build writes into a hidden temporary folder beside the output folder and,
//! only when everything succeeded, swaps it in; a failed build leaves the old output untouched.

use std::collections::BTreeMap;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

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
pub struct DiskSink {
    dir: PathBuf,
    previous: Option<PathBuf>,
    /// Folders already created: each incident's folder gets two files, and a second
    /// `create_dir_all` costs a failed `mkdir` (which locks the parent) and a `stat`. Kept as
    /// bytes: hashing a `Path` walks its components.
    made: Mutex<rustc_hash::FxHashSet<std::ffi::OsString>>,
    /// While every file so far equals the previous output's: those files. `None` once one
    /// differed (or without a previous output).
    pending: Mutex<Option<Vec<PathBuf>>>,
}

impl DiskSink {
    pub fn new(dir: PathBuf, previous: Option<PathBuf>) -> DiskSink {
        DiskSink {
            dir,
            pending: Mutex::new(previous.is_some().then(Vec::new)),
            previous,
            made: Mutex::default(),
        }
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
        std::fs::create_dir_all(dir)?;
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
        let to = self.dir.join(rel);
        if let Some(p) = to.parent() {
            self.make_dir(p)?;
        }
        std::fs::hard_link(old, to)
    }

    /// Link the files remembered as unchanged into the folder (copying any that cannot be
    /// linked, e.g. across filesystems): from now on the folder holds the whole new tree.
    fn materialize(&self) -> io::Result<()> {
        use rayon::prelude::*;
        let taken = self.pending.lock().expect("sink poisoned").take();
        if let (Some(list), Some(prev)) = (taken, &self.previous) {
            list.par_iter().try_for_each(|rel| {
                self.link(rel)
                    .or_else(|_| std::fs::copy(prev.join(rel), self.dir.join(rel)).map(|_| ()))
            })?;
        }
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
            let mut files = 0;
            for e in walkdir::WalkDir::new(prev) {
                if !e.map_err(io::Error::other)?.file_type().is_dir() {
                    files += 1;
                }
            }
            if files == seen {
                return Ok(true);
            }
        }
        self.materialize()?;
        Ok(false)
    }
}

impl Sink for DiskSink {
    fn write(&self, rel: &str, bytes: &[u8]) -> io::Result<()> {
        let rel = safe_rel(rel)?;
        if self.unchanged(&rel, bytes) {
            if let Some(list) = self.pending.lock().expect("sink poisoned").as_mut() {
                list.push(rel);
                return Ok(());
            }
            if self.link(&rel).is_ok() {
                return Ok(());
            }
        } else {
            self.materialize()?;
        }
        let to = self.dir.join(&rel);
        if let Some(p) = to.parent() {
            self.make_dir(p)?;
        }
        std::fs::write(to, bytes)
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

/// A build in progress: a temporary folder that replaces the output folder on `commit`.
pub struct Staging {
    target: PathBuf,
    tmp: tempfile::TempDir,
}

impl Staging {
    pub fn begin(target: &Path) -> io::Result<Staging> {
        let parent = target
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        std::fs::create_dir_all(parent)?;
        let tmp = tempfile::Builder::new()
            .prefix(".afterword-build-")
            .tempdir_in(parent)?;
        Ok(Staging {
            target: target.to_path_buf(),
            tmp,
        })
    }

    pub fn dir(&self) -> &Path {
        self.tmp.path()
    }

    /// Leave the output folder as it is and remove the (empty) temporary folder.
    pub fn discard(self) -> io::Result<()> {
        self.tmp.close()
    }

    /// Swap the new tree in. The old tree is moved aside first and removed last.
    pub fn commit(self) -> io::Result<()> {
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(self.tmp.path(), std::fs::Permissions::from_mode(0o755))?;
        }
        let new = self.tmp.keep();
        let old = if self.target.exists() {
            let parent = new.parent().unwrap_or(Path::new("."));
            let aside = tempfile::Builder::new()
                .prefix(".afterword-old-")
                .tempdir_in(parent)?
                .keep();
            std::fs::remove_dir(&aside)?;
            std::fs::rename(&self.target, &aside)?;
            Some(aside)
        } else {
            None
        };
        if let Err(e) = std::fs::rename(&new, &self.target) {
            if let Some(old) = &old {
                let _ = std::fs::rename(old, &self.target);
            }
            let _ = std::fs::remove_dir_all(&new);
            return Err(e);
        }
        if let Some(old) = old {
            remove_tree(&old)?;
        }
        Ok(())
    }
}

/// `remove_dir_all`, with the files removed in parallel (a built site has tens of thousands).
/// Links are removed, never followed.
fn remove_tree(dir: &Path) -> io::Result<()> {
    use rayon::prelude::*;
    let mut files = Vec::new();
    let mut dirs = Vec::new();
    for e in walkdir::WalkDir::new(dir) {
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
