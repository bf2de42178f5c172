//! The search index (`search/`) and page, built from tests/fixtures/search (see its site.toml
//! for which word is where). The numbers below are counted by hand from the fixture's files.
//! The browser side (search.js) is tested in tests/browser/search.mjs, run by .ci/run.

mod common;

use common::{attrs, html, run, texts};
use serde_json::Value;
use std::path::{Path, PathBuf};

const NOW: &str = "2025-11-29T12:00:00Z";

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/search")
}

fn build(root: &Path, out: &Path, drafts: bool) {
    let (root, out) = (root.to_str().unwrap(), out.to_str().unwrap());
    let mut args = vec!["build", "--root", root, "--output", out, "--now", NOW];
    if drafts {
        args.push("--drafts");
    }
    let r = run(Path::new(env!("CARGO_MANIFEST_DIR")), &args);
    assert!(r.status.success(), "{}", r.stderr);
}

fn json(path: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// The postings of `term`, decoded to (doc, score) pairs, from the shard the manifest says
/// holds it (the longest shard prefix that starts the term).
fn postings(out: &Path, term: &str) -> Vec<(u64, u64)> {
    let m = json(&out.join("search/index.json"));
    let shard = m["shards"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap())
        .filter(|s| term.starts_with(s))
        .max_by_key(|s| s.len())
        .expect("a shard for the term");
    let name = if shard.is_empty() {
        "_".to_string()
    } else {
        shard.bytes().map(|b| format!("{b:02x}")).collect()
    };
    let t = json(&out.join(format!("search/t/{name}.json")));
    let Some(p) = t[term].as_array() else {
        return Vec::new();
    };
    let mut doc = 0;
    p.chunks(2)
        .map(|c| {
            doc += c[0].as_u64().unwrap();
            (doc, c[1].as_u64().unwrap())
        })
        .collect()
}

/// The document row `id`: [path, title, date, iso, severity, status].
fn row(out: &Path, id: u64) -> Vec<String> {
    let m = json(&out.join("search/index.json"));
    let chunk = m["chunk"].as_u64().unwrap();
    let rows = json(&out.join(format!("search/d/{}.json", id / chunk)));
    rows[(id % chunk) as usize]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_string())
        .collect()
}

#[test]
fn index_holds_the_published_incidents_with_their_words_and_facets() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    build(&fixture(), &out, false);
    let m = json(&out.join("search/index.json"));
    assert_eq!(m["version"], 1);
    // Four published incidents (the draft is left out), newest first:
    // 0 api-latency (2025-11-28), 1 dashboard-slow (2025-05-10), 2 db-failover (2025-03-04),
    // 3 api-errors (2024-11-20).
    assert_eq!(m["docs"], 4);
    assert_eq!(
        row(&out, 2),
        [
            "/status/incidents/2025-03-04-db-failover/",
            "Writes failed during a database failover",
            "Mar 4, 2025",
            "2025-03-04T10:00:00Z",
            "Major",
            "Resolved"
        ]
    );
    assert_eq!(row(&out, 0)[5], "Ongoing");
    // "zebrafish": only in db-failover's postmortem text (weight 1).
    assert_eq!(postings(&out, "zebrafish"), [(2, 1)]);
    // "quorum": db-failover's postmortem (1) and api-errors' summary (4).
    assert_eq!(postings(&out, "quorum"), [(2, 1), (3, 4)]);
    // "database": dashboard-slow's summary (4); db-failover's title (8) + a timeline message (1).
    assert_eq!(postings(&out, "database"), [(1, 4), (2, 9)]);
    // Action items and factor notes are indexed: "controllers" (db-failover's action item),
    // "canary" (api-errors' factor note).
    assert_eq!(postings(&out, "controllers"), [(2, 1)]);
    assert_eq!(postings(&out, "canary"), [(3, 1)]);
    // The draft's word is not in a published build.
    assert!(postings(&out, "unicornfish").is_empty());

    // Facets, counted by hand: api in latency, db-failover, api-errors; minor: latency and
    // dashboard; 2025: three; ongoing: latency.
    let facet = |id: &str| -> Vec<(String, u64)> {
        let f = m["facets"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["id"] == id)
            .unwrap();
        f["values"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| {
                (
                    v["value"].as_str().unwrap().to_string(),
                    v["count"].as_u64().unwrap(),
                )
            })
            .collect()
    };
    let pairs = |v: &[(&str, u64)]| -> Vec<(String, u64)> {
        v.iter().map(|(a, b)| (a.to_string(), *b)).collect()
    };
    assert_eq!(
        facet("component"),
        pairs(&[("api", 3), ("dashboard", 1), ("db", 1)])
    );
    assert_eq!(
        facet("severity"),
        pairs(&[("critical", 1), ("major", 1), ("minor", 2)])
    );
    assert_eq!(facet("year"), pairs(&[("2024", 1), ("2025", 3)]));
    assert_eq!(
        facet("factor"),
        pairs(&[("capacity", 1), ("configuration", 1), ("hardware", 1)])
    );
    assert_eq!(facet("status"), pairs(&[("ongoing", 1), ("resolved", 3)]));
    // The facet files list the same documents: api → 0, 2, 3 (as deltas 0, 2, 1).
    let f = json(&out.join("search/f/component.json"));
    assert_eq!(f["api"], serde_json::json!([0, 2, 1]));

    // The page lists the same facets and counts, as checkboxes, in a hidden form (shown by the
    // script), with a notice for readers without JavaScript.
    let page = html(&out.join("search/index.html"));
    assert_eq!(
        attrs(&page, "fieldset[data-facet]", "data-facet"),
        ["component", "severity", "year", "factor", "status"]
    );
    assert_eq!(
        texts(&page, "fieldset[data-facet=\"component\"] label"),
        ["API (3)", "Dashboard (1)", "Database (1)"]
    );
    assert_eq!(
        texts(&page, "fieldset[data-facet=\"year\"] label"),
        ["2025 (3)", "2024 (1)"]
    );
    assert_eq!(attrs(&page, "#search-form", "data-base"), ["/status/"]);
    assert_eq!(attrs(&page, "#search-form", "hidden"), [""]);
    // (An HTML parser reads <noscript> as text when scripts run.)
    let notice = texts(&page, "noscript").join("");
    assert!(
        notice.contains("<a href=\"/status/history/\">the history</a>"),
        "the notice points to the history: {notice}"
    );
    assert!(out.join("search.js").is_file());
    // Every other page has the header's search box: a plain form to /status/search/.
    let home = html(&out.join("index.html"));
    assert_eq!(
        attrs(&home, "form.site-search", "action"),
        ["/status/search/"]
    );
    assert_eq!(attrs(&home, "form.site-search input", "name"), ["q"]);
    assert!(attrs(&page, "form.site-search", "action").is_empty());
}

#[test]
fn drafts_are_indexed_only_where_they_are_shown() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    build(&fixture(), &out, true);
    // With --drafts: 0 api-latency, 1 draft-probe (2025-06-01), 2 dashboard-slow, ….
    assert_eq!(json(&out.join("search/index.json"))["docs"], 5);
    assert_eq!(postings(&out, "unicornfish"), [(1, 1)]);
    assert_eq!(row(&out, 1)[1], "Probe alerts flapping");
}

#[test]
fn the_index_is_the_same_bytes_every_build() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    build(&fixture(), &a, false);
    build(&fixture(), &b, false);
    let (ta, tb) = (
        common::tree(&a.join("search")),
        common::tree(&b.join("search")),
    );
    assert!(ta.len() > 5);
    assert!(ta == tb, "two builds wrote different search files");
}

#[test]
fn search_can_be_turned_off() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    common::copy_dir(&fixture(), &site);
    let toml = site.join("site.toml");
    let mut text = std::fs::read_to_string(&toml).unwrap();
    text = text.replacen(
        "[[components]]",
        "[search]\nenabled = false\n\n[[components]]",
        1,
    );
    std::fs::write(&toml, text).unwrap();
    let out = dir.path().join("out");
    build(&site, &out, false);
    assert!(!out.join("search").exists());
    let home = html(&out.join("index.html"));
    assert!(attrs(&home, "form.site-search", "action").is_empty());
}

/// Japanese and Chinese are written without spaces: a run of their characters is indexed as
/// its overlapping pairs, so a word inside a run is found (and search.js splits a query the
/// same way; tests/browser/search.js types one).
#[test]
fn cjk_text_is_found_by_the_words_inside_a_run() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("site");
    common::copy_dir(&fixture(), &root);
    std::fs::copy(
        fixture().with_file_name("search-cjk/2025-07-01-tokyo.md"),
        root.join("content/2025-07-01-tokyo.md"),
    )
    .unwrap();
    let out = tmp.path().join("out");
    build(&root, &out, false);
    // The new incident's document id: its row's path.
    let m = json(&out.join("search/index.json"));
    let docs = m["docs"].as_u64().unwrap();
    let id = (0..docs)
        .find(|&d| row(&out, d)[0].contains("2025-07-01-tokyo"))
        .expect("the incident is indexed");
    let found = |term: &str| postings(&out, term).iter().any(|&(d, _)| d == id);
    // "障害" (outage) ends the title's run after "API"; "切替" (switchover) and "失敗"
    // (failure) sit inside the summary's run "データベースの切替に失敗しました".
    for term in ["障害", "切替", "失敗", "東京", "api", "調査", "復旧"] {
        assert!(found(term), "{term} does not find the incident");
    }
    // No pair crosses a break: "害デ" would join the title to the summary.
    assert!(!found("害デ"));
    assert!(
        postings(&out, "東京リ").is_empty(),
        "runs are not indexed whole"
    );
}
