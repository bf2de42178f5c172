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
        // The message line, and the location (`content/incident.md:7:6`) renamed.
        let text = std::fs::read_to_string(fixtures.join(case).join("expected.txt")).unwrap();
        expected.push(text.lines().next().unwrap().to_string());
        let at = text.find("content/incident.md:").expect("a location");
        let loc: String = text[at..]
            .chars()
            .take_while(|c| !c.is_whitespace())
            .collect();
        expected.push(loc.replacen("content/incident.md", &format!("content/{case}.md"), 1));
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
            out.stderr.contains(e.as_str()),
            "missing `{e}` in:\n{}",
            out.stderr
        );
    }
    for (title, loc) in [
        (
            "error[E0013]: `title` is empty",
            "--> content/many.md:2:9\n",
        ),
        (
            "error[E0004]: unknown severity `huge`",
            "--> content/many.md:3:12\n",
        ),
        (
            "error[E0003]: unknown component `nope`",
            "--> content/many.md:4:15\n",
        ),
        (
            "error[E0005]: unknown status `fixed`",
            "--> content/many.md:8:10\n",
        ),
    ] {
        let at = out
            .stderr
            .find(title)
            .unwrap_or_else(|| panic!("missing `{title}` in:\n{}", out.stderr));
        assert!(
            out.stderr[at..]
                .lines()
                .nth(1)
                .is_some_and(|l| format!("{}\n", l.trim()) == loc),
            "`{title}` is not at {loc}:\n{}",
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
