//! Structural invariants of a generated 2,000-item site, so that speed work cannot silently drop
//! or duplicate pages: every item has a page, every component page lists exactly the incidents
//! that name it, the history pages together list every incident once, and the feed holds the
//! newest items.

mod common;

#[path = "../examples/gen-corpus.rs"]
#[allow(dead_code)]
mod gen_corpus;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

const NOW: &str = "2026-11-21T12:00:00Z";

/// What the generated files say, read back with a TOML parser (not with afterword).
struct Item {
    slug: String,
    maintenance: bool,
    components: Vec<String>,
    /// No `[review]`, or `state = "published"`: built without `--drafts`.
    published: bool,
}

fn read_items(content: &Path) -> Vec<Item> {
    let mut items = Vec::new();
    for e in std::fs::read_dir(content).unwrap() {
        let path = e.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let front = text.split("+++\n").nth(1).unwrap();
        let v: toml::Table = front.parse().unwrap();
        items.push(Item {
            slug: path.file_stem().unwrap().to_string_lossy().into_owned(),
            maintenance: v.get("kind").and_then(|k| k.as_str()) == Some("maintenance"),
            components: v["components"]
                .as_array()
                .unwrap()
                .iter()
                .map(|c| c.as_str().unwrap().to_string())
                .collect(),
            published: v
                .get("review")
                .and_then(|r| r.get("state"))
                .and_then(|s| s.as_str())
                .is_none_or(|s| s == "published"),
        });
    }
    items
}

fn html(path: &Path) -> scraper::Html {
    scraper::Html::parse_document(&std::fs::read_to_string(path).unwrap())
}

/// Slugs of the incidents a list page shows, in order (maintenance rows left out).
fn listed(page: &scraper::Html) -> Vec<String> {
    let sel = scraper::Selector::parse("li.incident-row .incident-title a").unwrap();
    page.select(&sel)
        .filter_map(|a| {
            let href = a.value().attr("href").unwrap();
            let slug = href.strip_prefix("/incidents/")?;
            Some(slug.trim_end_matches('/').to_string())
        })
        .collect()
}

fn time(s: &str) -> chrono::DateTime<chrono::FixedOffset> {
    chrono::DateTime::parse_from_rfc3339(s).unwrap()
}

/// The latest change of an item, from its page's JSON (docs/api.md): its latest timeline entry
/// or resolution, not before its start; for maintenance, also its window's ends up to now.
fn updated(doc: &serde_json::Value) -> chrono::DateTime<chrono::FixedOffset> {
    let now = time(NOW);
    let mut ts: Vec<_> = doc["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| time(e["at"].as_str().unwrap()))
        .collect();
    ts.extend(doc["resolved"].as_str().map(time));
    if let Some(w) = doc["window"].as_object() {
        ts.extend(
            ["start", "end"]
                .iter()
                .map(|k| time(w[*k].as_str().unwrap()))
                .filter(|t| *t <= now),
        );
    } else {
        ts.push(time(doc["started"].as_str().unwrap()));
    }
    ts.into_iter().max().unwrap()
}

#[test]
fn a_generated_site_has_every_page_once() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    gen_corpus::generate(2000, root, 7).unwrap();
    let out = common::run(root, &["build", "--now", NOW]);
    assert!(out.status.success(), "{}", out.stderr);
    let public = root.join("public");
    let all_items = read_items(&root.join("content"));
    assert_eq!(all_items.len(), 2000);
    assert_eq!(
        all_items.iter().filter(|i| !i.maintenance).count(),
        1920,
        "1 in 25 is maintenance"
    );
    // About 1 in 100 postmortems is still in review: not built without `--drafts`.
    let (items, unpublished): (Vec<Item>, Vec<Item>) =
        all_items.into_iter().partition(|i| i.published);
    assert!(
        (5..60).contains(&unpublished.len()),
        "{} in review",
        unpublished.len()
    );
    for i in &unpublished {
        assert!(
            !public.join("incidents").join(&i.slug).exists(),
            "{}",
            i.slug
        );
    }
    let incidents: BTreeSet<&str> = items
        .iter()
        .filter(|i| !i.maintenance)
        .map(|i| i.slug.as_str())
        .collect();

    // Every item has its page and its JSON.
    for i in &items {
        let dir = public
            .join(if i.maintenance {
                "maintenance"
            } else {
                "incidents"
            })
            .join(&i.slug);
        assert!(dir.join("index.html").is_file(), "{} has a page", i.slug);
        assert!(dir.join("index.json").is_file(), "{} has its JSON", i.slug);
    }
    let pages = std::fs::read_dir(public.join("incidents")).unwrap().count();
    assert_eq!(pages, incidents.len(), "no page without an incident");

    // Every component page lists exactly the incidents that name it, each once.
    let mut by_component: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for i in items.iter().filter(|i| !i.maintenance) {
        for c in &i.components {
            by_component.entry(c).or_default().insert(&i.slug);
        }
    }
    assert_eq!(by_component.len(), 30);
    for (c, want) in &by_component {
        let got = listed(&html(&public.join("components").join(c).join("index.html")));
        let set: BTreeSet<&str> = got.iter().map(String::as_str).collect();
        assert_eq!(got.len(), set.len(), "{c} lists an incident twice");
        assert_eq!(&set, want, "{c} lists exactly its incidents");
    }

    // The year pages (with their later pages) together list every incident exactly once.
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for e in walkdir::WalkDir::new(public.join("history")).min_depth(2) {
        let e = e.unwrap();
        if e.file_name() == "index.html" {
            for slug in listed(&html(e.path())) {
                *seen.entry(slug).or_default() += 1;
            }
        }
    }
    assert_eq!(
        seen.keys().map(String::as_str).collect::<BTreeSet<_>>(),
        incidents
    );
    assert!(seen.values().all(|&n| n == 1), "listed once");

    // The site feed holds the newest items by latest change, newest first.
    let feed =
        feed_rs::parser::parse(&std::fs::read(public.join("feed.xml")).unwrap()[..]).unwrap();
    let mut all: Vec<(chrono::DateTime<chrono::FixedOffset>, String)> = items
        .iter()
        .map(|i| {
            let kind = if i.maintenance {
                "maintenance"
            } else {
                "incidents"
            };
            let doc: serde_json::Value = serde_json::from_slice(
                &std::fs::read(public.join(kind).join(&i.slug).join("index.json")).unwrap(),
            )
            .unwrap();
            (updated(&doc), format!("/{kind}/{}/", i.slug))
        })
        .collect();
    all.sort_by_key(|x| std::cmp::Reverse(x.0));
    let n = feed.entries.len();
    assert!(n > 0 && n < all.len(), "{n} entries");
    let got: Vec<String> = feed
        .entries
        .iter()
        .map(|e| {
            let href = &e.links[0].href;
            href[href
                .find("/incidents/")
                .or(href.find("/maintenance/"))
                .unwrap()..]
                .to_string()
        })
        .collect();
    let oldest_in_feed = all.iter().find(|x| x.1 == got[n - 1]).unwrap().0;
    for (t, path) in &all {
        if !got.contains(path) {
            assert!(
                *t <= oldest_in_feed,
                "{path} is newer than the feed's oldest entry"
            );
        }
    }
    let times: Vec<_> = got
        .iter()
        .map(|p| all.iter().find(|x| &x.1 == p).unwrap().0)
        .collect();
    assert!(times.windows(2).all(|w| w[0] >= w[1]), "newest first");
}
