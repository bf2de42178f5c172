//! Path helpers that keep messages short and paths honest.

use std::path::{Component, Path, PathBuf};

/// `./content/a.md` → `content/a.md`; other paths unchanged.
pub fn display_path(p: &Path) -> PathBuf {
    p.strip_prefix(".")
        .map_or_else(|_| p.to_path_buf(), Path::to_path_buf)
}

/// An absolute, lexically normalised path (`..` and `.` removed) without touching the disk
/// beyond the current directory, so paths that do not exist yet can be compared.
pub fn absolute(p: &Path) -> PathBuf {
    let joined = if p.is_absolute() {
        p.to_path_buf()
    } else {
        std::env::current_dir().unwrap_or_default().join(p)
    };
    let mut out = PathBuf::new();
    for c in joined.components() {
        match c {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other),
        }
    }
    // Resolve symlinks of the part that exists, so `/tmp/x` and `/private/tmp/x` compare equal.
    let mut existing = out.clone();
    let mut rest = Vec::new();
    while !existing.exists() {
        match existing.file_name() {
            Some(name) => {
                rest.push(name.to_owned());
                existing.pop();
            }
            None => break,
        }
    }
    let mut base = existing.canonicalize().unwrap_or(existing);
    for name in rest.into_iter().rev() {
        base.push(name);
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
