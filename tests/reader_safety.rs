//! Nothing in a site's files can hurt a reader: links in front-matter Markdown go only to safe
//! schemes (in pages, `index.json` and feeds), characters no page or feed can carry are errors
//! at their line, one file cannot be arbitrarily large, and nothing in a file name or value can
//! act on a terminal or a CI log.

mod common;

use common::{fixture_site, run};
use std::path::Path;

const NOW: &str = "2024-06-01T00:00:00Z";

fn incident(message: &str) -> String {
    format!(
        r#"+++
title = "Cache flush"
summary = "Pages were stale."
severity = "minor"
components = ["api"]

[[timeline]]
at = 2024-05-01T10:00:00Z
status = "investigating"
message = '''{message}'''

[[timeline]]
at = 2024-05-01T11:00:00Z
status = "resolved"
message = "Done, see [the runbook](https://runbooks.example.com/cache)."
+++
Postmortem with [a body link](https://example.com/body).
"#
    )
}

/// Every `href`/`src` in every HTML, XML and JSON file of `public`, with the file it is in.
fn all_urls(public: &Path) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for e in walkdir::WalkDir::new(public) {
        let e = e.unwrap();
        if !e.file_type().is_file() {
            continue;
        }
        let name = e.path().display().to_string();
        let text = std::fs::read_to_string(e.path()).unwrap_or_default();
        // Feeds and JSON carry HTML escaped once more: unescape what hides an attribute.
        let text = text
            .replace("\\\"", "\"")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&amp;", "&")
            .replace("\\u003c", "<");
        let doc = scraper::Html::parse_fragment(&text);
        let sel = scraper::Selector::parse("[href], [src]").unwrap();
        for el in doc.select(&sel) {
            for a in ["href", "src"] {
                if let Some(v) = el.value().attr(a) {
                    out.push((name.clone(), v.to_string()));
                }
            }
        }
    }
    out
}

#[test]
fn unsafe_links_in_timeline_messages_never_reach_pages_json_or_feeds() {
    let hostile = [
        "[a](javascript:alert(1))",
        "<javascript:alert(2)>",
        "[b][r]\n\n[r]: javascript:alert(3)",
        "![c](javascript:alert(4))",
        "[d](&#106;avascript:alert(5))",
        "[e](JaVaScRiPt:alert(6))",
        "[f](vbscript:msgbox(7))",
        "[g](data:text/html,<script>alert(8)</script>)",
        "[h](java&#x09;script:alert(9))",
    ];
    let dir = fixture_site();
    let content = dir.path().join("content");
    for (n, m) in hostile.iter().enumerate() {
        std::fs::write(
            content.join(format!("hostile-{n}.md")),
            incident(&format!("Seen: {m} (case {n})")),
        )
        .unwrap();
    }
    // check warns (W0010) at each entry, and the build goes through.
    let check = run(dir.path(), &["check", "--now", NOW, "--format", "json"]);
    let w0010 = check.stdout.matches("\"W0010\"").count();
    assert_eq!(w0010, hostile.len(), "{}", check.stdout);
    let build = run(dir.path(), &["build", "--now", NOW]);
    assert!(build.status.success(), "{}", build.stderr);
    let public = dir.path().join("public");

    let urls = all_urls(&public);
    assert!(urls.len() > 100, "the scan found the site's links");
    for (file, url) in &urls {
        let u = url.trim().to_ascii_lowercase();
        assert!(
            !(u.contains("script:") || u.starts_with("data:")),
            "{file} links to {url}"
        );
    }
    // The text of the link stays, on the page, in index.json and in the feed.
    let page = std::fs::read_to_string(public.join("incidents/hostile-0/index.html")).unwrap();
    assert!(page.contains("Seen: a (case 0)"), "{page}");
    let json = std::fs::read_to_string(public.join("incidents/hostile-0/index.json")).unwrap();
    assert!(json.contains("Seen: a (case 0)"));
    let feed = std::fs::read_to_string(public.join("feed.xml")).unwrap();
    assert!(feed.contains("Seen: a (case 0)"));
    // The autolink keeps its address as text, and safe links stay links.
    let page = std::fs::read_to_string(public.join("incidents/hostile-1/index.html")).unwrap();
    assert!(
        page.contains("Seen: javascript:alert(2) (case 1)"),
        "{page}"
    );
    assert!(page.contains("href=\"https://runbooks.example.com/cache\""));
    assert!(page.contains("href=\"https://example.com/body\""));
}

#[test]
fn control_characters_are_errors_at_their_line_and_never_output() {
    let dir = fixture_site();
    let content = dir.path().join("content");
    // Escaped in a front-matter string (TOML refuses most of them written as they are) …
    let escaped = incident("ok").replace("Pages were stale.", "Pages\\u0000 were\\u007F stale.");
    std::fs::write(content.join("escaped.md"), escaped).unwrap();
    // … and written as they are in the body, where nothing else would catch them.
    let body = incident("ok").replace("Postmortem with", "Post\u{1}mortem \u{FFFF} with");
    std::fs::write(content.join("body.md"), body).unwrap();
    let check = run(dir.path(), &["check", "--now", NOW, "--format", "json"]);
    assert_eq!(check.status.code(), Some(1));
    let found: Vec<serde_json::Value> = check
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .filter(|v: &serde_json::Value| v["code"] == "E0025")
        .collect();
    let at: Vec<(String, u64, u64)> = found
        .iter()
        .map(|v| {
            (
                v["file"].as_str().unwrap().to_string(),
                v["line"].as_u64().unwrap(),
                v["column"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        at,
        [
            ("content/body.md".to_string(), 17, 5),
            ("content/body.md".to_string(), 17, 13),
            ("content/escaped.md".to_string(), 3, 11),
        ]
    );
    assert!(found[0]["message"].as_str().unwrap().contains("U+0001"));
    assert!(found[1]["message"].as_str().unwrap().contains("U+FFFF"));
    let build = run(dir.path(), &["build", "--now", NOW]);
    assert_eq!(build.status.code(), Some(1));
    assert!(!dir.path().join("public").exists());
    // The human format shows the line with the character made visible, not sent raw.
    let human = run(dir.path(), &["check", "--now", NOW]);
    assert!(human.stderr.contains("Post␁mortem"), "{}", human.stderr);
    assert!(!human.stderr.contains('\u{1}'));
}

#[test]
fn a_file_over_the_size_limit_is_an_error_with_its_size() {
    let dir = fixture_site();
    let mut text = incident("ok");
    let line = "The cache layer logged this line again and again.\n";
    while text.len() <= 11 * 1024 * 1024 {
        text.push_str(line);
    }
    std::fs::write(dir.path().join("content/huge.md"), &text).unwrap();
    let check = run(dir.path(), &["check", "--now", NOW, "--format", "json"]);
    assert_eq!(check.status.code(), Some(1));
    let line = check
        .stdout
        .lines()
        .find(|l| l.contains("huge.md"))
        .expect("huge.md reported");
    let v: serde_json::Value = serde_json::from_str(line).unwrap();
    assert_eq!(v["code"], "E0024");
    let n = text.len();
    let grouped = format!("{},{:03},{:03}", n / 1_000_000, n / 1000 % 1000, n % 1000);
    assert_eq!(
        v["message"],
        format!("the file is 11.0 MiB ({grouped} bytes), over the limit of 10 MiB for one file")
    );
    // One byte over the limit reads as over it.
    let over = dir.path().join("content/over.md");
    let mut f = incident("ok");
    f.push_str(&"x".repeat(10 * 1024 * 1024 + 1 - f.len()));
    std::fs::write(&over, &f).unwrap();
    let check = run(dir.path(), &["check", "--now", NOW, "--format", "json"]);
    assert!(
        check
            .stdout
            .contains("the file is 10.0 MiB (10,485,761 bytes), over the limit"),
        "{}",
        check.stdout
    );
    std::fs::remove_file(&over).unwrap();
    let build = run(dir.path(), &["build", "--now", NOW]);
    assert_eq!(build.status.code(), Some(1));
    assert!(build.stderr.contains("E0024"), "{}", build.stderr);
    // Just under the limit builds.
    text.truncate(9 * 1024 * 1024);
    let cut = text.rfind('\n').unwrap();
    text.truncate(cut + 1);
    std::fs::write(dir.path().join("content/huge.md"), &text).unwrap();
    let build = run(dir.path(), &["build", "--now", NOW]);
    assert!(build.status.success(), "{}", build.stderr);
}

#[cfg(unix)]
#[test]
fn a_newline_in_a_file_name_cannot_forge_a_log_line() {
    let dir = fixture_site();
    let name = "evil\n::error file=x.md::forged\u{1b}[31m.md";
    std::fs::write(
        dir.path().join("content").join(name),
        incident("ok").replace("severity = \"minor\"", "severity = \"nope\""),
    )
    .unwrap();
    for format in ["human", "github", "json"] {
        let out = run(dir.path(), &["check", "--now", NOW, "--format", format]);
        assert_eq!(out.status.code(), Some(1));
        let all = format!("{}{}", out.stdout, out.stderr);
        assert!(
            !all.lines().any(|l| l.starts_with("::error file=x.md")),
            "{format}: {all}"
        );
        assert!(
            !all.contains('\u{1b}'),
            "{format}: an escape sequence got out"
        );
        assert!(all.contains("E0004"), "{format}: {all}");
    }
    let human = run(dir.path(), &["check", "--now", NOW]);
    assert!(
        human
            .stderr
            .contains("evil\\n::error file=x.md::forged\\u{1b}[31m.md"),
        "{}",
        human.stderr
    );
    let build = run(dir.path(), &["build", "--now", NOW]);
    assert!(!build.stderr.contains('\u{1b}'));
    assert!(!build.stderr.lines().any(|l| l.starts_with("::error")));
}

#[test]
fn control_characters_in_site_toml_are_errors_too() {
    let dir = fixture_site();
    let toml = std::fs::read_to_string(dir.path().join("site.toml")).unwrap();
    let toml = toml.replacen(
        "title = \"Fixture <Status> & \\\"History\\\"\"",
        "title = \"Status\\u0007 page\"",
        1,
    );
    assert!(toml.contains("\\u0007"));
    std::fs::write(dir.path().join("site.toml"), toml).unwrap();
    let check = run(dir.path(), &["check", "--now", NOW, "--format", "json"]);
    assert_eq!(check.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_str(check.stdout.lines().next().unwrap()).unwrap();
    assert_eq!(
        (v["file"].as_str(), v["line"].as_u64(), v["code"].as_str()),
        (Some("site.toml"), Some(1), Some("E0025"))
    );
    assert!(v["message"].as_str().unwrap().contains("U+0007"));
}

#[test]
fn unprintable_characters_on_a_source_line_are_shown_without_breaking_the_caret() {
    // Raw control characters (one byte) and U+0085 (two) become three-byte pictures on the
    // line shown under an error: the caret must still land, and nothing may panic.
    for raw in ["\u{1}", "\u{7f}", "\u{85}"] {
        let dir = fixture_site();
        let path = dir.path().join("site.toml");
        let mut toml = std::fs::read_to_string(&path).unwrap();
        toml.push_str(&format!("oops = \"a{raw}b\" # {raw}\n"));
        std::fs::write(&path, toml).unwrap();
        let out = run(dir.path(), &["check", "--now", NOW]);
        assert_eq!(out.status.code(), Some(1), "{raw:?}: {}", out.stderr);
        assert!(!out.stderr.contains("panicked"), "{}", out.stderr);
        assert!(!out.stderr.contains(raw), "{raw:?} printed raw");
        assert!(out.stderr.contains("site.toml:"), "{}", out.stderr);
    }
}

#[test]
fn a_base_url_with_control_characters_is_refused_wherever_it_is_given() {
    for bad in [
        "https://x.example/\u{1}/",
        "https://x.example/\u{7f}",
        "https://x\u{202e}.example/",
        "https://x.example/a b/",
    ] {
        let dir = fixture_site();
        let out = run(dir.path(), &["build", "--now", NOW, "--base-url", bad]);
        assert_eq!(out.status.code(), Some(1), "{bad:?}: {}", out.stderr);
        assert!(out.stderr.contains("--base-url"), "{}", out.stderr);
        if !bad.contains(' ') {
            assert!(!out.stderr.contains(bad), "printed raw: {}", out.stderr);
        }
        assert!(!dir.path().join("public").exists());
    }
}
