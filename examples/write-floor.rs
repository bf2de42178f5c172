//! The cost of the writes alone: make the folders and files of a built site again, with the
//! same bytes, in parallel, and nothing else (no reading of content, no Markdown, no templates).
//! A build cannot be faster than this on the same filesystem, whatever it renders.
//!
//! ```sh
//! cargo run --release --example write-floor -- BUILT_SITE NEW_FOLDER
//! ```
//!
//! The built site is read into memory first (not timed); then NEW_FOLDER (which must not
//! exist) is made and filled, and the time that took is printed. bench/scale.sh runs it under
//! GNU time beside the floor and the build.

use rayon::prelude::*;
use std::path::{Path, PathBuf};

fn main() {
    let mut args = std::env::args().skip(1);
    let (Some(from), Some(to)) = (args.next(), args.next()) else {
        eprintln!("usage: write-floor BUILT_SITE NEW_FOLDER");
        std::process::exit(2);
    };
    let (from, to) = (PathBuf::from(from), PathBuf::from(to));
    if to.exists() {
        eprintln!("{} exists: give a new folder", to.display());
        std::process::exit(2);
    }
    // Every folder (parents first) and every file with its bytes.
    let mut dirs = 0;
    let mut files: Vec<(PathBuf, Vec<u8>)> = Vec::new();
    for e in walkdir::WalkDir::new(&from).sort_by_file_name() {
        let e = e.expect("readable");
        let rel = e.path().strip_prefix(&from).expect("inside").to_path_buf();
        if e.file_type().is_dir() {
            dirs += 1;
        } else {
            files.push((rel, std::fs::read(e.path()).expect("readable")));
        }
    }
    let bytes: usize = files.iter().map(|f| f.1.len()).sum();
    let t = std::time::Instant::now();
    // As the build does: each folder is made once, by the thread that writes its files.
    let mut by_dir: std::collections::BTreeMap<&Path, Vec<&(PathBuf, Vec<u8>)>> =
        std::collections::BTreeMap::new();
    for f in &files {
        by_dir
            .entry(f.0.parent().unwrap_or(Path::new("")))
            .or_default()
            .push(f);
    }
    std::fs::create_dir(&to).expect("writable");
    let groups: Vec<_> = by_dir.into_iter().collect();
    groups.par_iter().for_each(|(dir, files)| {
        std::fs::create_dir_all(to.join(dir)).expect("writable");
        for (rel, data) in files {
            std::fs::write(to.join(rel), data).expect("writable");
        }
    });
    println!(
        "write floor: {} folders, {} files, {} MB in {:.3} s",
        dirs,
        files.len(),
        bytes / 1_000_000,
        t.elapsed().as_secs_f64()
    );
}
