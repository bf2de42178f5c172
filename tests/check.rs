//! `afterword check` on tests/fixtures/check, a site with one problem of every kind content can
//! have (one file per code), snapshotted in the human and JSON formats; the GitHub format, exit
//! statuses and `--deny-warnings` on smaller sites.

mod common;

use afterword::diag::codes;
use common::{copy_dir, run};
use std::collections::BTreeSet;
use std::path::Path;

const NOW: &str = "2024-06-01T00:00:00Z";

/// Give a copy of the check fixture a clean site.toml and no templates/, for tests about content.
fn clean_config(dir: &Path) {
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/invalid/site.toml"),
        dir.join("site.toml"),
    )
    .unwrap();
    std::fs::remove_dir_all(dir.join("templates")).unwrap();
}

fn fixture(name: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(name),
        dir.path(),
    );
    dir
}

#[test]
fn every_content_problem_is_reported_in_one_run() {
    let dir = fixture("check");
    let human = run(dir.path(), &["check", "--now", NOW]);
    assert_eq!(human.status.code(), Some(1));
    assert!(!dir.path().join("public").exists(), "check wrote output");
    insta::assert_snapshot!("check_human", human.stderr);

    let json = run(dir.path(), &["check", "--now", NOW, "--format", "json"]);
    assert_eq!(json.status.code(), Some(1));
    insta::assert_snapshot!("check_json", json.stdout);
    assert_eq!(
        json.stderr, "check: 28 errors, 15 warnings in 43 files\n",
        "the summary goes to stderr"
    );

    // Every code a content file can raise, each from the file named after it.
    let mut seen = BTreeSet::new();
    for line in json.stdout.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let code = v["code"].as_str().unwrap().to_string();
        let file = v["file"].as_str().unwrap();
        let name = Path::new(file).file_name().unwrap().to_string_lossy();
        if !["index.md", "site.toml", "404.html"].contains(&name.as_ref()) {
            assert!(
                name.starts_with(&code.to_lowercase()),
                "{code} came from {file}"
            );
        }
        for key in ["line", "column", "severity", "name", "message", "help"] {
            assert!(v.get(key).is_some(), "{key} missing in {line}");
        }
        seen.insert(code);
    }
    // E0021 (no content/ at all) cannot share a site with content problems; E0000 is unused;
    // E0024 needs a file over 10 MiB, made by `a_file_over_the_size_limit_is_an_error`
    // (tests/reader_safety.rs); E0028 (a template fails to render) is raised only when nothing
    // else is wrong with the site, as a site is rendered only then (tests/check_contract.rs).
    let config_only = [
        codes::INVALID,
        codes::NO_CONTENT,
        codes::TOO_LARGE,
        codes::TEMPLATE_RENDER,
        // The site's message catalogues (tests/fixtures/invalid/missing-message, ftl-syntax;
        // tests/i18n.rs).
        codes::MISSING_MESSAGE,
        codes::FTL_SYNTAX,
    ];
    let want: BTreeSet<String> = codes::ALL
        .iter()
        .filter(|c| !config_only.contains(c))
        .map(|c| c.id.to_string())
        .collect();
    assert_eq!(seen, want);
}

#[test]
fn config_problems_and_a_missing_content_folder_have_codes_too() {
    let dir = fixture("invalid/unknown-group");
    std::fs::remove_dir_all(dir.path().join("content")).unwrap();
    let out = run(dir.path(), &["check", "--now", NOW, "--format", "json"]);
    assert_eq!(out.status.code(), Some(1));
    let all: Vec<serde_json::Value> = out
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    // Both in one run, sorted by file: `content` before `site.toml`.
    let codes: Vec<&str> = all.iter().map(|v| v["code"].as_str().unwrap()).collect();
    assert_eq!(codes, ["E0021", "E0018"]);
    assert_eq!(all[0]["line"], 0);
    assert_eq!(all[1]["help"], "did you mean `platform`?");
}

#[test]
fn content_is_checked_against_a_site_toml_with_problems() {
    // site.toml has a bad impact and feed limit; the incident names an undeclared severity.
    let dir = fixture("invalid/api-settings");
    let out = run(dir.path(), &["check", "--now", NOW, "--format", "json"]);
    let codes: Vec<String> = out
        .stdout
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["code"].to_string())
        .collect();
    assert_eq!(
        codes,
        ["\"E0004\"", "\"E0016\"", "\"E0016\""],
        "{}",
        out.stdout
    );
}

#[test]
fn github_format_is_workflow_commands() {
    let dir = fixture("check");
    let out = run(dir.path(), &["check", "--now", NOW, "--format", "github"]);
    assert_eq!(out.status.code(), Some(1));
    let lines: Vec<&str> = out.stdout.lines().collect();
    // One line per diagnostic, as many as the JSON format gives.
    let json = run(dir.path(), &["check", "--now", NOW, "--format", "json"]);
    assert_eq!(lines.len(), json.stdout.lines().count());
    assert!(lines.len() >= 30);
    assert!(lines
        .iter()
        .all(|l| l.starts_with("::error file=") || l.starts_with("::warning file=")));
    // Properties escape `:` and `,`; the message escapes newlines.
    let ooo = lines
        .iter()
        .find(|l| l.contains("e0010-out-of-order.md"))
        .unwrap();
    assert_eq!(
        *ooo,
        "::error file=content/e0010-out-of-order.md,line=13,col=6,title=E0010 out-of-order::timeline out of order: `2024-05-01T10:00:00Z` is earlier than the entry before it (`2024-05-01T10:30:00Z`)%0Ahelp: list timeline entries oldest first"
    );
    let utf8 = lines
        .iter()
        .find(|l| l.contains("e0015-unreadable.md"))
        .unwrap();
    assert!(utf8.starts_with("::error file=content/e0015-unreadable.md,line=2,col="));
}

#[test]
fn warnings_pass_unless_denied_and_build_prints_them() {
    let dir = fixture("check");
    clean_config(dir.path());
    for f in std::fs::read_dir(dir.path().join("content")).unwrap() {
        let p = f.unwrap().path();
        let name = p.file_name().unwrap().to_string_lossy().to_string();
        if name.starts_with('e') && p.is_dir() {
            std::fs::remove_dir_all(p).unwrap();
        } else if name.starts_with('e') {
            std::fs::remove_file(p).unwrap();
        }
    }
    // One warning from each file left: the `w….md` files and the bundle (W0009).
    let warned = std::fs::read_dir(dir.path().join("content"))
        .unwrap()
        .count();
    assert!(warned >= 9);
    let out = run(dir.path(), &["check", "--now", NOW]);
    assert_eq!(out.status.code(), Some(0), "{}", out.stderr);
    assert!(
        out.stderr.ends_with(&format!(
            "check: 0 errors, {warned} warnings in {warned} files\n"
        )),
        "{}",
        out.stderr
    );
    let denied = run(dir.path(), &["check", "--now", NOW, "--deny-warnings"]);
    assert_eq!(denied.status.code(), Some(1));
    let build = run(dir.path(), &["build", "--now", NOW]);
    assert!(build.status.success(), "{}", build.stderr);
    assert_eq!(build.stderr.matches("warning[W0").count(), warned);
}

#[test]
fn a_clean_site_has_no_problems() {
    // A published postmortem with a factor, a lesson and an owned action item (else W0011).
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/invalid/site.toml"),
        dir.path().join("site.toml"),
    )
    .unwrap();
    std::fs::create_dir(dir.path().join("content")).unwrap();
    std::fs::write(
        dir.path().join("content/fine.md"),
        "+++\ntitle = \"Fine\"\nsummary = \"All good.\"\nseverity = \"minor\"\ncomponents = [\"api\"]\n\n[[timeline]]\nat = 2024-05-01T10:00:00Z\nstatus = \"investigating\"\nmessage = \"m\"\n\n[[timeline]]\nat = 2024-05-01T10:30:00Z\nstatus = \"resolved\"\nmessage = \"r\"\n\n[[factors]]\nid = \"change\"\n\n[lessons]\nwent_well = [\"Fast rollback.\"]\n\n[[action_items]]\ntitle = \"Test rollbacks\"\nowner = \"ops\"\nstatus = \"open\"\n+++\nWhat happened.\n",
    )
    .unwrap();
    let out = run(dir.path(), &["check", "--now", NOW]);
    assert_eq!(out.status.code(), Some(0), "{}", out.stderr);
    assert_eq!(out.stderr, "check: no problems found\n");
}

#[test]
fn theme_and_template_problems_are_reported_too() {
    let dir = fixture("check");
    clean_config(dir.path());
    for f in std::fs::read_dir(dir.path().join("content")).unwrap() {
        let p = f.unwrap().path();
        if p.is_file() {
            std::fs::remove_file(p).unwrap();
        } else {
            std::fs::remove_dir_all(p).unwrap();
        }
    }
    // A site template with a syntax error, and then an unknown theme.
    std::fs::create_dir(dir.path().join("templates")).unwrap();
    std::fs::write(dir.path().join("templates/404.html"), "{% if %}\n").unwrap();
    let out = run(dir.path(), &["check", "--now", NOW, "--format", "json"]);
    assert_eq!(out.status.code(), Some(1), "{}", out.stderr);
    let v: serde_json::Value = serde_json::from_str(out.stdout.lines().next().unwrap()).unwrap();
    assert_eq!(v["code"], "E0022");
    assert_eq!(v["file"], "templates/404.html");
    assert_eq!(
        (v["line"].as_u64(), v["column"].as_u64()),
        (Some(1), Some(7))
    );
    assert!(
        v["message"]
            .as_str()
            .unwrap()
            .starts_with("the template does not compile"),
        "{v}"
    );
    std::fs::remove_dir_all(dir.path().join("templates")).unwrap();
    let toml = std::fs::read_to_string(dir.path().join("site.toml")).unwrap();
    std::fs::write(
        dir.path().join("site.toml"),
        format!("theme = \"fancy\"\n{toml}"),
    )
    .unwrap();
    let out = run(dir.path(), &["check", "--now", NOW, "--format", "json"]);
    assert!(out.stdout.contains("\"E0022\""), "{}", out.stdout);
    assert!(
        out.stdout.contains("theme `fancy` not found"),
        "{}",
        out.stdout
    );
}

#[test]
fn a_key_missing_in_a_table_points_at_that_table() {
    let dir = fixture("check");
    clean_config(dir.path());
    std::fs::remove_dir_all(dir.path().join("content")).unwrap();
    std::fs::create_dir(dir.path().join("content")).unwrap();
    std::fs::write(
        dir.path().join("content/a.md"),
        "+++\ntitle = \"x\"\nsummary = \"s\"\nseverity = \"minor\"\ncomponents = [\"api\"]\n\n[[timeline]]\nat = 2024-05-01T10:00:00Z\nstatus = \"investigating\"\nmessage = \"m\"\n\n[[timeline]]\nat = 2024-05-01T11:00:00Z\nmessage = \"no status\"\n+++\n",
    )
    .unwrap();
    let out = run(dir.path(), &["check", "--now", NOW, "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(out.stdout.lines().next().unwrap()).unwrap();
    assert_eq!(v["code"], "E0008");
    assert_eq!(
        v["message"],
        "this `[[timeline]]` entry is missing the required key `status`"
    );
    assert_eq!(
        (v["line"].as_u64(), v["column"].as_u64()),
        (Some(12), Some(1))
    );
}

#[test]
fn links_to_content_files_become_page_links_and_broken_ones_warn() {
    let dir = fixture("check");
    clean_config(dir.path());
    std::fs::remove_dir_all(dir.path().join("content")).unwrap();
    let content = dir.path().join("content");
    std::fs::create_dir_all(content.join("bundle")).unwrap();
    let file = |body: &str| {
        format!("+++\ntitle = \"T\"\nsummary = \"S\"\nseverity = \"minor\"\ncomponents = [\"api\"]\nstarted = 2024-05-01T10:00:00Z\nresolved = 2024-05-01T11:00:00Z\n\n[[factors]]\nid = \"change\"\n\n[lessons]\nwent_well = [\"Fast rollback.\"]\n\n[[action_items]]\ntitle = \"Test rollbacks\"\nowner = \"ops\"\nstatus = \"open\"\n+++\n{body}\n")
    };
    std::fs::write(
        content.join("a.md"),
        // `$…$` is not math: the check reads Markdown as the page renders it, so the link
        // inside is a link, and broken.
        file("See [b](b.md#impact), [the bundle](bundle/index.md) and [gone](missing.md). Costs $[x](gone2.md)$."),
    )
    .unwrap();
    std::fs::write(
        content.join("b.md"),
        file("## Impact\n\nBack to [a](a.md)."),
    )
    .unwrap();
    std::fs::write(content.join("bundle/index.md"), file("Up: [a](../a.md).")).unwrap();
    // A timeline message links to another incident too.
    std::fs::write(
        content.join("c.md"),
        "+++\ntitle = \"C\"\nsummary = \"S\"\nseverity = \"minor\"\ncomponents = [\"api\"]\n\n[[timeline]]\nat = 2024-05-02T10:00:00Z\nstatus = \"investigating\"\nmessage = \"Like [a](a.md) again.\"\n\n[[timeline]]\nat = 2024-05-02T11:00:00Z\nstatus = \"resolved\"\n\n[[factors]]\nid = \"change\"\n\n[lessons]\nwent_well = [\"Fast rollback.\"]\n\n[[action_items]]\ntitle = \"Test rollbacks\"\nowner = \"ops\"\nstatus = \"open\"\n+++\nA postmortem.\n",
    )
    .unwrap();

    let out = run(dir.path(), &["check", "--now", NOW, "--format", "json"]);
    let lines: Vec<&str> = out.stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{}", out.stdout);
    assert!(lines[0].contains("\"W0008\"") && lines[0].contains("missing.md"));
    assert!(lines[1].contains("\"W0008\"") && lines[1].contains("gone2.md"));

    let out = run(dir.path(), &["build", "--now", NOW]);
    assert!(out.status.success(), "{}", out.stderr);
    let public = dir.path().join("public");
    let hrefs = |slug: &str| {
        common::attrs(
            &common::html(&public.join(format!("incidents/{slug}/index.html"))),
            "main a",
            "href",
        )
    };
    let a = hrefs("a");
    assert!(a.contains(&"/incidents/b/#impact".to_string()), "{a:?}");
    assert!(a.contains(&"/incidents/bundle/".to_string()), "{a:?}");
    assert!(
        a.contains(&"missing.md".to_string()),
        "left as written: {a:?}"
    );
    assert!(hrefs("bundle").contains(&"/incidents/a/".to_string()));
    // The message links to the page, and index.json shows the page's own rendering of it.
    assert!(hrefs("c").contains(&"/incidents/a/".to_string()));
    let doc: serde_json::Value =
        serde_json::from_str(&common::read(&public.join("incidents/c/index.json"))).unwrap();
    let html = doc["timeline"][0]["message_html"].as_str().unwrap();
    assert!(html.contains("href=\"/incidents/a/\""), "{html}");
    // Feeds get the absolute page URL.
    let feed = common::read(&public.join("feed.xml"));
    assert!(feed.contains("href=&quot;https://status.example.com/incidents/b/#impact&quot;"));
}
