//! Fixture-driven: every folder in tests/fixtures/invalid/ is a broken site (the shared
//! site.toml plus the folder's files). Building it must fail with exit status 1, print exactly
//! the folder's expected.txt on stderr, and write nothing.

mod common;

use common::{copy_dir, run};
use std::path::Path;

#[test]
fn every_invalid_fixture_fails_with_its_message() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/invalid");
    let mut cases: Vec<_> = std::fs::read_dir(&fixtures)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    cases.sort();
    assert!(
        cases.len() >= 18,
        "expected the full set of cases, found {}",
        cases.len()
    );
    let mut failures = Vec::new();
    for case in &cases {
        let site = tempfile::tempdir().unwrap();
        std::fs::copy(fixtures.join("site.toml"), site.path().join("site.toml")).unwrap();
        copy_dir(case, site.path());
        let expected = std::fs::read_to_string(case.join("expected.txt")).unwrap();
        let out = run(site.path(), &["build", "--now", "2024-06-01T00:00:00Z"]);
        let name = case.file_name().unwrap().to_string_lossy();
        if out.status.code() != Some(1) {
            failures.push(format!(
                "{name}: exit status {:?}, expected 1",
                out.status.code()
            ));
        }
        if out.stderr != expected {
            failures.push(format!(
                "{name}:\n--- expected\n{expected}--- got\n{}",
                out.stderr
            ));
        }
        if site.path().join("public").exists() {
            failures.push(format!("{name}: a failed build created public/"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn all_problems_in_all_files_are_reported_in_one_run() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/invalid");
    let site = tempfile::tempdir().unwrap();
    std::fs::copy(fixtures.join("site.toml"), site.path().join("site.toml")).unwrap();
    let content = site.path().join("content");
    std::fs::create_dir(&content).unwrap();
    let mut expected = Vec::new();
    for case in [
        "unknown-severity",
        "unknown-component",
        "dst-gap",
        "yaml",
        "invalid-utf8",
    ] {
        let src = fixtures.join(case).join("content/incident.md");
        std::fs::copy(&src, content.join(format!("{case}.md"))).unwrap();
        let line = std::fs::read_to_string(fixtures.join(case).join("expected.txt")).unwrap();
        let first = line.lines().next().unwrap().replacen(
            "content/incident.md",
            &format!("content/{case}.md"),
            1,
        );
        expected.push(first);
    }
    // One file with several independent problems: each is reported.
    std::fs::write(
        content.join("many.md"),
        "+++\ntitle = \"\"\nseverity = \"huge\"\ncomponents = [\"nope\"]\n\n[[timeline]]\nat = 2024-05-01T10:00:00Z\nstatus = \"fixed\"\n+++\n",
    )
    .unwrap();
    let out = run(site.path(), &["build"]);
    assert_eq!(out.status.code(), Some(1));
    for e in &expected {
        assert!(
            out.stderr.lines().any(|l| l == e),
            "missing `{e}` in:\n{}",
            out.stderr
        );
    }
    for e in [
        "content/many.md:2:9: `title` is empty",
        "content/many.md:3:12: unknown severity `huge`",
        "content/many.md:4:15: unknown component `nope`",
        "content/many.md:8:10: unknown status `fixed`",
    ] {
        assert!(
            out.stderr.lines().any(|l| l == e),
            "missing `{e}` in:\n{}",
            out.stderr
        );
    }
    assert!(
        out.stderr
            .ends_with("error: 9 problems in 6 files; nothing was written\n"),
        "{}",
        out.stderr
    );
}
