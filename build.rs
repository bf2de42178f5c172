//! Re-embed the default theme whenever any of its files changes (`include_dir!` alone does not
//! tell cargo to watch the folder), and stamp the binary with a build id: a hash of everything
//! it is compiled from (`AFTERWORD_BUILD_ID`), so that `build`'s on-disk cache, which keys pages
//! on their inputs, never trusts what another build of the same version rendered.
use std::hash::{Hash, Hasher};
use std::path::Path;

fn main() {
    println!("cargo:rerun-if-changed=themes/default");
    println!("cargo:rerun-if-changed=src");
    println!("cargo:rerun-if-changed=Cargo.lock");
    println!("cargo:rerun-if-changed=assets/fonts");
    println!("cargo:rerun-if-changed=build.rs");
    // `DefaultHasher::new` has fixed keys: the same files give the same id everywhere.
    let mut h = std::hash::DefaultHasher::new();
    std::env::var("CARGO_PKG_VERSION")
        .unwrap_or_default()
        .hash(&mut h);
    for root in [
        "src",
        "themes/default",
        "assets/fonts",
        "Cargo.lock",
        "build.rs",
    ] {
        hash_tree(Path::new(root), &mut h);
    }
    println!("cargo:rustc-env=AFTERWORD_BUILD_ID={:016x}", h.finish());
}

/// Every file under `path` (or `path` itself), in name order: its path and bytes.
fn hash_tree(path: &Path, h: &mut std::hash::DefaultHasher) {
    if path.is_dir() {
        let mut entries: Vec<_> = std::fs::read_dir(path)
            .map(|d| d.flatten().map(|e| e.path()).collect())
            .unwrap_or_default();
        entries.sort();
        for e in entries {
            hash_tree(&e, h);
        }
    } else if let Ok(bytes) = std::fs::read(path) {
        path.to_string_lossy().hash(h);
        bytes.hash(h);
    }
}
