//! Incremental rebuilds (what `afterword serve` runs on every change) give exactly the files a
//! fresh build gives, while rendering only what the change touched.

mod common;

use afterword::serve::live::{Files, Live};
use chrono::{DateTime, Utc};
use std::path::Path;

fn now() -> DateTime<Utc> {
    "2024-06-01T00:00:00Z".parse().unwrap()
}

const BASE: &str = "http://127.0.0.1:1111/";

fn site() -> tempfile::TempDir {
    common::fixture_site()
}

/// A build from nothing, to compare with.
fn fresh(root: &Path) -> Files {
    let mut live = Live::new(root, BASE, true, now());
    live.rebuild(&[]).expect("fresh build");
    (*live.files()).clone()
}

fn assert_same(got: &Files, want: &Files, after: &str) {
    let mut a: Vec<&String> = got.keys().collect();
    let mut b: Vec<&String> = want.keys().collect();
    a.sort();
    b.sort();
    assert_eq!(a, b, "the same files after {after}");
    for (k, f) in want {
        assert!(
            got[k].bytes == f.bytes,
            "{k} differs from a fresh build after {after}"
        );
    }
}

fn html_pages(f: &Files) -> usize {
    f.keys().filter(|k| k.ends_with(".html")).count()
}

#[test]
fn every_kind_of_change_matches_a_fresh_build() {
    let dir = site();
    let root = dir.path();
    let mut live = Live::new(root, BASE, true, now());
    let first = live.rebuild(&[]).unwrap();
    assert_eq!(first.kept, 0);
    assert_eq!(
        first.markdown, first.incidents,
        "every incident, the draft too"
    );
    let total = live.files().len();

    // Nothing changed: nothing with a key is rendered again, no Markdown either.
    let same = live.rebuild(&[]).unwrap();
    assert_eq!(same.markdown, 0);
    assert_eq!(same.written + same.kept, total);
    assert!(same.written * 2 < total, "{} of {total}", same.written);
    assert_same(&live.files(), &fresh(root), "no change");

    // One incident edited: its Markdown only, a handful of pages.
    let file = root.join("content/long-outage.md");
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, format!("{text}\n## Follow-up\n\nMore.\n")).unwrap();
    let edit = live.rebuild(std::slice::from_ref(&file)).unwrap();
    assert_eq!(edit.markdown, 1);
    // Beyond the pages every build renders: the page and its JSON, its two neighbours (their
    // older/newer links), its component's page, its year's history page, and the site's and
    // the component's Atom and RSS feeds.
    assert!(
        edit.written <= same.written + 10,
        "{} rendered after an edit, {} with no change",
        edit.written,
        same.written
    );
    assert!(live.files()["incidents/long-outage/index.html"]
        .bytes
        .windows(b"Follow-up".len())
        .any(|w| w == b"Follow-up"));
    assert_same(&live.files(), &fresh(root), "an edit");

    // A template change re-renders pages but parses no Markdown.
    std::fs::create_dir_all(root.join("templates")).unwrap();
    let theme = Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/templates");
    let base = std::fs::read_to_string(theme.join("incident.html")).unwrap();
    std::fs::write(
        root.join("templates/incident.html"),
        base.replacen("</article>", "<p>template changed</p></article>", 1),
    )
    .unwrap();
    let tpl = live.rebuild(&[]).unwrap();
    assert_eq!(tpl.markdown, 0);
    assert!(tpl.written >= html_pages(&live.files()));
    assert_same(&live.files(), &fresh(root), "a template change");

    // A new incident, then its deletion: pages appear and go.
    let new = root.join("content/new-one.md");
    std::fs::write(
        &new,
        "+++\ntitle = \"Brand new\"\nseverity = \"minor\"\ncomponents = [\"api\"]\nstarted = 2024-05-01T10:00:00Z\nresolved = 2024-05-01T11:00:00Z\n+++\nBody.\n",
    )
    .unwrap();
    let add = live.rebuild(std::slice::from_ref(&new)).unwrap();
    assert_eq!(add.markdown, 1);
    assert!(live.files().contains_key("incidents/new-one/index.html"));
    assert_same(&live.files(), &fresh(root), "an addition");
    std::fs::remove_file(&new).unwrap();
    live.rebuild(&[new]).unwrap();
    assert!(!live.files().contains_key("incidents/new-one/index.html"));
    assert!(!live.files().contains_key("incidents/new-one/index.json"));
    assert_same(&live.files(), &fresh(root), "a deletion");

    // site.toml: everything depends on it.
    let toml = root.join("site.toml");
    let t = std::fs::read_to_string(&toml).unwrap();
    std::fs::write(&toml, t.replace("name = \"API\"", "name = \"Public API\"")).unwrap();
    let cfg = live.rebuild(&[toml]).unwrap();
    assert_eq!(cfg.markdown, first.markdown);
    assert_same(&live.files(), &fresh(root), "a site.toml change");

    // A static file.
    std::fs::create_dir_all(root.join("static")).unwrap();
    std::fs::write(root.join("static/robots.txt"), "User-agent: *\n").unwrap();
    live.rebuild(&[]).unwrap();
    assert_eq!(&*live.files()["robots.txt"].bytes, b"User-agent: *\n");
    assert_same(&live.files(), &fresh(root), "a static file");
}

#[test]
fn a_failed_rebuild_keeps_the_last_good_site() {
    let dir = site();
    let root = dir.path();
    let mut live = Live::new(root, BASE, true, now());
    live.rebuild(&[]).unwrap();
    let good = live.files();
    let file = root.join("content/multi-day.md");
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, text.replace("+++\n", "+++\nbogus = 1\n")).unwrap();
    let err = live.rebuild(std::slice::from_ref(&file)).unwrap_err();
    assert!(err.to_string().contains("multi-day.md:2:1"), "{err}");
    assert!(std::sync::Arc::ptr_eq(&good, &live.files()));
    std::fs::write(&file, text).unwrap();
    live.rebuild(&[file]).unwrap();
    assert_same(&live.files(), &fresh(root), "a fix");
}
