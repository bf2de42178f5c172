//! Helpers shared by the integration tests: run the real binary, copy fixtures, parse HTML.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

pub struct Output {
    pub status: std::process::ExitStatus,
    pub stdout: String,
    pub stderr: String,
}

/// Run `afterword ARGS` in `dir`.
pub fn run(dir: &Path, args: &[&str]) -> Output {
    let out = Command::new(env!("CARGO_BIN_EXE_afterword"))
        .args(args)
        .current_dir(dir)
        .env_remove("SOURCE_DATE_EPOCH")
        .output()
        .expect("run afterword");
    Output {
        status: out.status,
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// How long a child may run before it counts as hung. Generous on purpose: this catches a
/// process that never ends (blocked on a pipe, an endless loop), never a slow one.
pub const HANG: std::time::Duration = std::time::Duration::from_secs(600);

/// [`run`], but a child still running after [`HANG`] is killed and the test fails, saying it
/// hung (instead of `cargo test` never finishing).
pub fn run_or_hang(dir: &Path, args: &[&str]) -> Output {
    use std::io::Read;
    let mut child = Command::new(env!("CARGO_BIN_EXE_afterword"))
        .args(args)
        .current_dir(dir)
        .env_remove("SOURCE_DATE_EPOCH")
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("run afterword");
    // Read both pipes on their own threads, so a chatty child never blocks on a full pipe.
    let drain = |mut r: Box<dyn Read + Send>| {
        std::thread::spawn(move || {
            let mut buf = Vec::new();
            let _ = r.read_to_end(&mut buf);
            String::from_utf8_lossy(&buf).into_owned()
        })
    };
    let out = drain(Box::new(child.stdout.take().unwrap()));
    let err = drain(Box::new(child.stderr.take().unwrap()));
    let deadline = std::time::Instant::now() + HANG;
    let status = loop {
        if let Some(s) = child.try_wait().expect("wait for afterword") {
            break s;
        }
        if std::time::Instant::now() >= deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!(
                "afterword {} hung: still running after {} s, killed",
                args.join(" "),
                HANG.as_secs()
            );
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    };
    Output {
        status,
        stdout: out.join().unwrap(),
        stderr: err.join().unwrap(),
    }
}

pub fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let rel = entry.path().strip_prefix(from).unwrap();
        let dest = to.join(rel);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&dest).unwrap();
        } else if rel != Path::new("expected.txt") {
            std::fs::copy(entry.path(), &dest).unwrap();
        }
    }
}

/// Every file under `dir`, relative, sorted, with its bytes.
pub fn tree(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out: Vec<_> = walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            (
                e.path().strip_prefix(dir).unwrap().to_path_buf(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect();
    out.sort();
    out
}

/// Every `.json` file under `public` is what `serde_json` prints for its own value, byte for
/// byte (the page twins are written by hand, the rest through serde): pretty, with a final
/// newline, except the search index (`search/`), which is compact. Returns how many.
pub fn assert_json_printed_as_serde_prints(public: &Path) -> usize {
    let mut n = 0;
    for (path, bytes) in tree(public) {
        if path.extension().is_some_and(|e| e == "json") {
            let text = String::from_utf8(bytes).unwrap();
            let value: serde_json::Value =
                serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            // The search index is read by a script, a few files per query: compact.
            let again = if path.starts_with("search") {
                serde_json::to_string(&value).unwrap()
            } else {
                serde_json::to_string_pretty(&value).unwrap() + "\n"
            };
            assert!(text == again, "{} is printed differently", path.display());
            n += 1;
        }
    }
    n
}

pub fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

pub fn html(path: &Path) -> scraper::Html {
    scraper::Html::parse_document(&read(path))
}

/// Text of every element matching `sel`, whitespace collapsed.
pub fn texts(doc: &scraper::Html, sel: &str) -> Vec<String> {
    let s = scraper::Selector::parse(sel).unwrap();
    doc.select(&s)
        .map(|e| {
            e.text()
                .collect::<String>()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

/// Attribute `attr` of every element matching `sel`.
pub fn attrs(doc: &scraper::Html, sel: &str, attr: &str) -> Vec<String> {
    let s = scraper::Selector::parse(sel).unwrap();
    doc.select(&s)
        .filter_map(|e| e.value().attr(attr).map(str::to_string))
        .collect()
}

/// Every table row matching `sel` as its cells' texts.
pub fn rows(doc: &scraper::Html, sel: &str) -> Vec<Vec<String>> {
    let tr = scraper::Selector::parse(sel).unwrap();
    let cell = scraper::Selector::parse("th, td").unwrap();
    doc.select(&tr)
        .map(|r| {
            r.select(&cell)
                .map(|c| {
                    c.text()
                        .collect::<String>()
                        .split_whitespace()
                        .collect::<Vec<_>>()
                        .join(" ")
                })
                .collect()
        })
        .collect()
}

/// A copy of `tests/fixtures/site` in a temporary folder, to change freely.
pub fn fixture_site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/site"),
        dir.path(),
    );
    dir
}
