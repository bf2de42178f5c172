//! Hostile and broken input: every case must end in a site or in diagnostics, never a panic or a
//! hang, and never write outside the output folder. Each case runs the real binary on a small
//! site with one bad file beside one good one.

mod common;

use common::run;
use std::path::Path;
use std::time::{Duration, Instant};

const NOW: &str = "2024-06-01T00:00:00Z";
const GOOD: &str = "+++\ntitle = \"Fine\"\nsummary = \"Fine.\"\nseverity = \"minor\"\ncomponents = [\"api\"]\nstarted = 2024-05-01T10:00:00Z\nresolved = 2024-05-01T11:00:00Z\n+++\nBody.\n";

fn site(bad: &[u8]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("site.toml"),
        "title = \"Hostile\"\nbase_url = \"https://status.example.com/\"\n\n[[components]]\nid = \"api\"\nname = \"API\"\n",
    )
    .unwrap();
    std::fs::create_dir(dir.path().join("content")).unwrap();
    std::fs::write(dir.path().join("content/good.md"), GOOD).unwrap();
    std::fs::write(dir.path().join("content/bad.md"), bad).unwrap();
    dir
}

/// Build and check; neither may crash (exit 101) or take long. Returns build's stderr.
fn survive(name: &str, bad: &[u8], expect_ok: bool) -> String {
    let dir = site(bad);
    let t = Instant::now();
    let build = run(dir.path(), &["build", "--now", NOW]);
    let check = run(dir.path(), &["check", "--now", NOW, "--format", "json"]);
    let took = t.elapsed();
    for (what, out) in [("build", &build), ("check", &check)] {
        assert!(
            !out.stderr.contains("panicked"),
            "{name}: {what} panicked: {}",
            out.stderr
        );
        assert!(
            matches!(out.status.code(), Some(0 | 1)),
            "{name}: {what} exited with {:?}",
            out.status.code()
        );
    }
    assert_eq!(
        build.status.success(),
        expect_ok,
        "{name}: {}",
        build.stderr
    );
    if !expect_ok {
        assert!(
            build.stderr.contains("content/bad.md"),
            "{name}: the error names the file: {}",
            build.stderr
        );
        assert!(!dir.path().join("public").exists(), "{name}: wrote output");
    }
    assert!(
        took < Duration::from_secs(20),
        "{name}: took {took:?} (debug build)"
    );
    build.stderr
}

#[test]
fn empty_binary_nul_and_unterminated_files_are_errors() {
    survive("empty", b"", false);
    let garbage: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    survive("binary garbage", &garbage, false);
    survive("invalid UTF-8", b"+++\ntitle = \"\xff\xfe\"\n+++\n", false);
    survive(
        "NUL bytes",
        b"+++\ntitle = \"a\0b\"\nseverity = \"minor\"\n+++\n\0\0",
        false,
    );
    let msg = survive(
        "front matter never closes",
        b"+++\ntitle = \"Open\"\nseverity = \"minor\"\n",
        false,
    );
    assert!(msg.contains("content/bad.md"), "{msg}");
}

#[test]
fn huge_and_deep_input_builds() {
    // 10,000 timeline entries.
    let mut many = String::from(
        "+++\ntitle = \"Many\"\nsummary = \"s\"\nseverity = \"minor\"\ncomponents = [\"api\"]\n",
    );
    for k in 0..10_000 {
        many.push_str(&format!(
            "\n[[timeline]]\nat = 2024-05-01T{:02}:{:02}:00Z\nstatus = \"{}\"\nmessage = \"Entry {k}\"\n",
            10 + k / 3600,
            k / 60 % 60,
            if k == 0 { "investigating" } else { "update" }
        ));
    }
    many.push_str("+++\nBody.\n");
    survive("10,000 timeline entries", many.as_bytes(), true);

    // 100,000 levels of block quote, and of list nesting.
    let quotes = format!("{GOOD}{}deep\n", ">".repeat(100_000));
    survive("100,000 nested quotes", quotes.as_bytes(), true);
    // `- - - x` opens a list inside a list on one line.
    let lists = format!("{GOOD}{}x\n", "- ".repeat(100_000));
    survive("100,000 nested list levels", lists.as_bytes(), true);

    // A 10 MB line.
    let line = format!("{GOOD}{}\n", "a".repeat(10 << 20));
    survive("a 10 MB line", line.as_bytes(), true);
}

#[test]
fn output_outside_the_site_is_refused() {
    let dir = site(GOOD.as_bytes());
    for out in ["/", ".", "..", "content"] {
        let r = run(dir.path(), &["build", "--now", NOW, "--output", out]);
        assert_eq!(r.status.code(), Some(1), "--output {out}: {}", r.stderr);
        assert!(
            r.stderr.contains("refusing"),
            "--output {out}: {}",
            r.stderr
        );
    }
    assert!(dir.path().join("content/good.md").exists());
    assert!(Path::new("/").join("bin").exists());
}
