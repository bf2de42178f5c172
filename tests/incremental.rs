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
    let mut a: Vec<&str> = got.keys().map(|k| &**k).collect();
    let mut b: Vec<&str> = want.keys().map(|k| &**k).collect();
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

    // Nothing changed: no page, JSON file, feed or calendar is rendered again (only the sitemap,
    // and static and bundle files are copied), no Markdown either.
    let same = live.rebuild(&[]).unwrap();
    assert_eq!(same.markdown, 0);
    assert_eq!(same.written.len() + same.kept, total);
    let rendered = |f: &String| {
        [".html", ".json", ".xml", ".ics"]
            .iter()
            .any(|ext| f.ends_with(ext))
    };
    let again: Vec<&String> = same.written.iter().filter(|f| rendered(f)).collect();
    assert_eq!(again, ["sitemap.xml"]);
    assert_same(&live.files(), &fresh(root), "no change");

    // One incident's postmortem edited: its Markdown only, and exactly the files that show the
    // body: its page and JSON, the feeds it is in (the site's and its component's), and the
    // API (it is among the newest 50). Lists, history and status pages show only front matter.
    let file = root.join("content/long-outage.md");
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, format!("{text}\n## Follow-up\n\nMore.\n")).unwrap();
    let edit = live.rebuild(std::slice::from_ref(&file)).unwrap();
    assert_eq!(edit.markdown, 1);
    let extra: Vec<&str> = edit
        .written
        .iter()
        .filter(|f| !same.written.contains(f))
        .map(String::as_str)
        .collect();
    assert_eq!(
        extra,
        [
            "api/v2/components.json",
            "api/v2/incidents.json",
            "api/v2/incidents/unresolved.json",
            "api/v2/scheduled-maintenances.json",
            "api/v2/scheduled-maintenances/active.json",
            "api/v2/scheduled-maintenances/upcoming.json",
            "api/v2/status.json",
            "api/v2/summary.json",
            "components/dashboard/feed.xml",
            "components/dashboard/rss.xml",
            "feed.xml",
            "incidents/long-outage/index.html",
            "incidents/long-outage/index.json",
            "rss.xml",
            // The search index's one term shard of this small site (the new words).
            "search/t/_.json",
        ]
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
    let html = |f: &&String| f.ends_with(".html");
    assert_eq!(
        tpl.written.iter().filter(html).count(),
        html_pages(&live.files())
    );
    assert_same(&live.files(), &fresh(root), "a template change");

    // A title (front matter) edit reaches every list that shows it.
    let t = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, t.replace("Twelve-hour outage", "Twelve hours down")).unwrap();
    let front = live.rebuild(std::slice::from_ref(&file)).unwrap();
    assert_eq!(front.markdown, 1);
    for page in [
        "index.html",
        "history/index.html",
        "components/dashboard/index.html",
        "incidents/long-outage/index.html",
    ] {
        assert!(front.written.iter().any(|f| f == page), "{page} rendered");
        let text = String::from_utf8_lossy(&live.files()[page].bytes).into_owned();
        assert!(text.contains("Twelve hours down"), "{page} shows the title");
    }
    assert_same(&live.files(), &fresh(root), "a title change");

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

/// A page that links to another content file shows that file's page: when the target's page
/// moves (a new slug), the linking page, its JSON and the feeds that show it are rendered again,
/// though the linking file itself did not change.
#[test]
fn a_moved_link_target_reaches_the_pages_that_link_to_it() {
    let dir = site();
    let root = dir.path();
    let target = root.join("content/link-target.md");
    let front = |slug: &str| {
        format!(
            "+++\ntitle = \"Target\"\nslug = \"{slug}\"\nseverity = \"minor\"\ncomponents = [\"api\"]\nstarted = 2024-05-02T10:00:00Z\nresolved = 2024-05-02T11:00:00Z\n+++\nBody.\n"
        )
    };
    std::fs::write(&target, front("first-slug")).unwrap();
    // Far from the target in time: not its neighbour, so its page's key holds no trace of it.
    std::fs::write(
        root.join("content/linking.md"),
        "+++\ntitle = \"Linking\"\nseverity = \"minor\"\ncomponents = [\"api\"]\nstarted = 2020-01-02T10:00:00Z\nresolved = 2020-01-02T11:00:00Z\n+++\nSee [the target](link-target.md).\n",
    )
    .unwrap();
    let mut live = Live::new(root, BASE, true, now());
    live.rebuild(&[]).unwrap();
    let page = |live: &Live| {
        String::from_utf8_lossy(&live.files()["incidents/linking/index.html"].bytes).into_owned()
    };
    assert!(
        page(&live).contains("/incidents/first-slug/"),
        "{}",
        page(&live)
    );
    std::fs::write(&target, front("second-slug")).unwrap();
    live.rebuild(std::slice::from_ref(&target)).unwrap();
    assert!(
        page(&live).contains("/incidents/second-slug/"),
        "{}",
        page(&live)
    );
    assert_same(&live.files(), &fresh(root), "a moved link target");
}
