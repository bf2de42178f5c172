//! Path helpers that keep messages short and paths honest.

use std::path::{Component, Path, PathBuf};

/// `./content/a.md` → `content/a.md`; other paths unchanged.
pub fn display_path(p: &Path) -> PathBuf {
    p.strip_prefix(".")
        .map_or_else(|_| p.to_path_buf(), Path::to_path_buf)
}

/// An absolute path as the file system resolves it, also for paths that do not exist yet (so
/// they can be compared): the longest part that exists is resolved by the OS (symbolic links
/// first, then `..`, as opening the path would: `link/..` is the link target's parent, not the
/// folder holding the link), and the rest, which holds no link, is normalised as written.
pub fn absolute(p: &Path) -> PathBuf {
    let joined = if p.is_absolute() {
        p.to_path_buf()
    } else {
        std::env::current_dir().unwrap_or_default().join(p)
    };
    let parts: Vec<Component> = joined.components().collect();
    let mut n = parts.len();
    while n > 0 {
        let prefix: PathBuf = parts[..n].iter().collect();
        if let Ok(real) = prefix.canonicalize() {
            return normalised(real, &parts[n..]);
        }
        n -= 1;
    }
    normalised(PathBuf::new(), &parts)
}

/// `base` with `rest` pushed, `.` dropped and `..` taking one name off.
fn normalised(mut base: PathBuf, rest: &[Component]) -> PathBuf {
    for c in rest {
        match c {
            Component::ParentDir => {
                base.pop();
            }
            Component::CurDir => {}
            other => base.push(other),
        }
    }
    base
}

/// [`absolute`] for many files that exist and are not links themselves (content files): each
/// folder is resolved once, not once per file.
pub fn absolute_files<'a>(paths: impl Iterator<Item = &'a Path>) -> Vec<PathBuf> {
    let mut dirs: std::collections::HashMap<&Path, PathBuf> = std::collections::HashMap::new();
    paths
        .map(|p| match (p.parent(), p.file_name()) {
            (Some(parent), Some(name)) => dirs
                .entry(parent)
                .or_insert_with(|| absolute(parent))
                .join(name),
            _ => absolute(p),
        })
        .collect()
}

/// Write a file, creating its parent folders.
pub fn write_file(path: &Path, data: &[u8]) -> std::io::Result<()> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)?;
    }
    std::fs::write(path, data)
}

/// The longest file name (path component) common filesystems take, in bytes. Checked on every
/// name that becomes part of an output path (slugs, ids, copied files).
pub const NAME_MAX: usize = 255;
