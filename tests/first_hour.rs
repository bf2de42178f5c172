//! What a new user noticed in their first hour (issue 18): day bars that looked like missing
//! data, two components both called "Dashboard", no favicon, "None" for an empty due date, and
//! landmarks that shared a name. Each is checked on built sites: a fixture written here (two
//! groups with a "Dashboard" each, under a sub-path) and the example site at the repository root.

mod common;

use common::{attrs, html, read, run, texts};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

const NOW: &str = "2024-06-30T12:00:00Z";

/// Two groups, each with a component named "Dashboard", and an "API" in the first.
fn two_dashboards() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::write(
        root.join("site.toml"),
        r#"title = "Two dashboards"
base_url = "https://status.example.com/status/"
timezone = "UTC"

[[groups]]
id = "eu"
name = "EU"

[[groups]]
id = "us"
name = "US"

[[components]]
id = "eu-dashboard"
name = "Dashboard"
group = "eu"

[[components]]
id = "api"
name = "API"
group = "eu"

[[components]]
id = "us-dashboard"
name = "Dashboard"
group = "us"
"#,
    )
    .unwrap();
    let content = root.join("content");
    std::fs::create_dir_all(&content).unwrap();
    // One incident per level; the first has an action item with no due date and no owner.
    std::fs::write(
        content.join("eu-outage.md"),
        r#"+++
title = "EU dashboard down"
severity = "critical"
components = ["eu-dashboard", "api"]
started = 2024-06-10T10:00:00Z
resolved = 2024-06-10T11:00:00Z

[[impact]]
component = "api"
level = "partial_outage"

[[action_items]]
title = "Add a second region"
status = "open"
+++
## What happened

The EU dashboard was down.
"#,
    )
    .unwrap();
    std::fs::write(
        content.join("us-slow.md"),
        r#"+++
title = "US dashboard slow"
severity = "minor"
components = ["us-dashboard"]
started = 2024-06-20T10:00:00Z
resolved = 2024-06-20T10:30:00Z
+++
"#,
    )
    .unwrap();
    dir
}

fn build(root: &Path, out: &Path, extra: &[&str]) {
    let mut args = vec!["build", "--now", NOW, "--output", out.to_str().unwrap()];
    args.extend_from_slice(extra);
    let r = run(root, &args);
    assert!(r.status.success(), "{}\n{}", r.stdout, r.stderr);
}

fn build_example(out: &Path, extra: &[&str]) {
    let mut args = vec![
        "build",
        "--now",
        "2026-11-21T12:00:00Z",
        "--output",
        out.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    let r = run(Path::new(env!("CARGO_MANIFEST_DIR")), &args);
    assert!(r.status.success(), "{}\n{}", r.stdout, r.stderr);
}

/// Every `.html` file under `public`, sorted.
fn pages(public: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = walkdir::WalkDir::new(public)
        .into_iter()
        .map(|e| e.unwrap().into_path())
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .collect();
    out.sort();
    out
}

#[test]
fn shared_component_names_are_qualified_with_their_group_and_linked() {
    let site = two_dashboards();
    let out = tempfile::tempdir().unwrap();
    let public = out.path().join("public");
    build(site.path(), &public, &[]);

    // The status page: site.toml order within each group, EU first.
    let home = html(&public.join("index.html"));
    assert_eq!(
        texts(&home, ".component-status .component-name"),
        ["Dashboard (EU)", "API", "Dashboard (US)"]
    );
    assert_eq!(
        attrs(&home, ".component-status .component-name a", "href"),
        [
            "/status/components/eu-dashboard/",
            "/status/components/api/",
            "/status/components/us-dashboard/"
        ]
    );
    // The bars' list is named with the qualified name too.
    assert_eq!(
        attrs(&home, "ol.bars", "aria-label")[2],
        "Dashboard (US): the last 90 days, one day per item"
    );

    // The incident page links each affected component to its page.
    let inc = html(&public.join("incidents/eu-outage/index.html"));
    assert_eq!(
        texts(&inc, ".affected .components a.component-name"),
        ["Dashboard (EU)", "API"]
    );
    assert_eq!(
        attrs(&inc, ".affected .components a.component-name", "href"),
        [
            "/status/components/eu-dashboard/",
            "/status/components/api/"
        ]
    );

    // The component's own page: qualified title; in its incident list, its own name is not a
    // link to the page itself, the other component's is.
    let comp = html(&public.join("components/eu-dashboard/index.html"));
    assert_eq!(texts(&comp, "h1"), ["Dashboard (EU)"]);
    assert_eq!(
        texts(&comp, ".incident-row span.component-name"),
        ["Dashboard (EU)"]
    );
    assert_eq!(
        attrs(&comp, ".incident-row a.component-name", "href"),
        ["/status/components/api/"]
    );
    let other = html(&public.join("components/us-dashboard/index.html"));
    assert_eq!(texts(&other, "h1"), ["Dashboard (US)"]);

    // The components page's table rows, and the component feed's title.
    let all = html(&public.join("components/index.html"));
    assert_eq!(
        texts(&all, ".uptime-table tbody th"),
        ["Dashboard (EU)", "API", "Dashboard (US)"]
    );
    let feed = read(&public.join("components/us-dashboard/feed.xml"));
    assert!(
        feed.contains("<title>Two dashboards: Dashboard (US)</title>"),
        "{feed}"
    );

    // The API keeps site.toml's names: machine readers tell them apart by id and group.
    let api: serde_json::Value =
        serde_json::from_str(&read(&public.join("api/v2/components.json"))).unwrap();
    let names: Vec<&str> = api["components"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names.iter().filter(|n| **n == "Dashboard").count(),
        2,
        "{names:?}"
    );
    assert!(!names.iter().any(|n| n.contains('(')), "{names:?}");
}

#[test]
fn day_bars_are_all_full_height_and_differ_by_pattern() {
    let site = two_dashboards();
    let out = tempfile::tempdir().unwrap();
    let public = out.path().join("public");
    build(site.path(), &public, &[]);

    let home = html(&public.join("index.html"));
    let li = scraper::Selector::parse("ol.bars > li").unwrap();
    let bars: Vec<_> = home.select(&li).collect();
    // Three components, 90 days each.
    assert_eq!(bars.len(), 3 * 90);
    assert!(
        bars.iter().all(|b| b.value().attr("style").is_none()),
        "a bar has its own height"
    );
    let mut by_class: HashMap<&str, usize> = HashMap::new();
    for b in &bars {
        *by_class
            .entry(b.value().attr("class").unwrap())
            .or_default() += 1;
    }
    // EU dashboard: one major-outage day (Jun 10); API: one partial-outage day (Jun 10, its
    // impact); US dashboard: one degraded day (Jun 20). 270 - 3 = 267 operational days.
    assert_eq!(by_class["d-major_outage"], 1);
    assert_eq!(by_class["d-partial_outage"], 1);
    assert_eq!(by_class["d-degraded_performance"], 1);
    assert_eq!(by_class["d-operational"], 267);

    // The stylesheet draws every bar at the list's full height: no rule gives a level its own
    // height, and each non-operational level has a pattern (`--p`) besides its colour.
    let css = read(&public.join("afterword.css"));
    assert!(!css.contains("--h"), "a level still sets a height");
    let rules: Vec<(&str, &str)> = css
        .split('}')
        .filter_map(|r| r.split_once('{'))
        .map(|(sel, body)| (sel.trim(), body))
        .collect();
    let bar_rule = rules
        .iter()
        .find(|(sel, body)| *sel == ".bars > li" && body.contains("height"))
        .expect("a .bars > li rule with a height");
    assert!(bar_rule.1.contains("height: 100%"), "{}", bar_rule.1);
    for (sel, body) in &rules {
        if sel.contains(".d-") {
            assert!(!body.contains("height"), "{sel} sets a height: {body}");
        }
    }
    for level in ["degraded_performance", "partial_outage", "major_outage"] {
        let sel = format!(".d-{level}");
        assert!(
            rules.iter().any(|(s, b)| *s == sel && b.contains("--p:")),
            "{sel} has no pattern"
        );
    }
    // The key names every level, including no data (drawn hollow).
    assert_eq!(
        texts(&home, ".bar-legend li"),
        [
            "Operational",
            "Degraded performance",
            "Partial outage",
            "Major outage",
            "No data"
        ]
    );
}

#[test]
fn favicon_is_linked_under_the_base_path_and_a_site_can_replace_it() {
    let site = two_dashboards();
    let out = tempfile::tempdir().unwrap();
    let public = out.path().join("public");
    build(site.path(), &public, &[]);

    let theme_icon = std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/static/favicon.svg"),
    )
    .unwrap();
    assert_eq!(
        std::fs::read(public.join("favicon.svg")).unwrap(),
        theme_icon
    );
    assert!(!public.join("favicon.ico").exists());
    let all = pages(&public);
    assert!(all.len() > 5);
    for p in &all {
        let doc = html(p);
        assert_eq!(
            attrs(&doc, "head link[rel=icon]", "href"),
            ["/status/favicon.svg"],
            "{}",
            p.display()
        );
        assert_eq!(
            attrs(&doc, "head link[rel=icon]", "type"),
            ["image/svg+xml"]
        );
    }

    // A site's own static/favicon.svg wins.
    let own = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 1 1\"><rect width=\"1\" height=\"1\"/></svg>\n";
    std::fs::create_dir_all(site.path().join("static")).unwrap();
    std::fs::write(site.path().join("static/favicon.svg"), own).unwrap();
    build(site.path(), &public, &[]);
    assert_eq!(read(&public.join("favicon.svg")), own);
}

/// Text nodes that are exactly "None" (a null printed by a template), and `>None<` in the
/// source: prose such as "None of our probes…" is fine.
fn nones(p: &Path) -> Vec<String> {
    let src = read(p);
    let doc = scraper::Html::parse_document(&src);
    let mut found: Vec<String> = doc
        .root_element()
        .descendants()
        .filter_map(|n| n.value().as_text().map(|t| t.trim().to_string()))
        .filter(|t| t == "None" || t == "null")
        .collect();
    if src.contains(">None<") {
        found.push(">None<".into());
    }
    found
}

#[test]
fn no_page_prints_none() {
    let out = tempfile::tempdir().unwrap();
    for (name, drafts) in [("plain", false), ("drafts", true)] {
        let public = out.path().join(name);
        build_example(&public, if drafts { &["--drafts"] } else { &[] });
        let all = pages(&public);
        assert!(all.len() > 40, "{}", all.len());
        for p in &all {
            assert!(nones(p).is_empty(), "{}: {:?}", p.display(), nones(p));
        }
    }
    // The fixture's action item has neither due date nor owner: an en dash with words for
    // screen readers, and "No owner".
    let site = two_dashboards();
    let public = out.path().join("fixture");
    build(site.path(), &public, &[]);
    for p in pages(&public) {
        assert!(nones(&p).is_empty(), "{}: {:?}", p.display(), nones(&p));
    }
    let inc = html(&public.join("incidents/eu-outage/index.html"));
    assert_eq!(
        common::rows(&inc, ".action-items tbody tr"),
        [["Add a second region", "No owner", "Open", "–No due date"]]
    );
    let stats = html(&public.join("stats/index.html"));
    assert_eq!(
        common::rows(&stats, ".open-actions tbody tr")[0][4],
        "–No due date"
    );
}

/// The landmarks of a page as (role, accessible name), by the HTML-AAM mappings the default
/// theme uses: `main`, `nav`, `aside`, a `header`/`footer` outside sectioning content, a named
/// `section`/`form`, and any element with an explicit landmark `role` (a region only when
/// named). Names come from `aria-labelledby` (every id must exist), else `aria-label`.
fn landmarks(doc: &scraper::Html, page: &Path) -> Vec<(String, String)> {
    const LANDMARKS: &[&str] = &[
        "banner",
        "complementary",
        "contentinfo",
        "form",
        "main",
        "navigation",
        "region",
        "search",
    ];
    let by_id: HashMap<&str, String> = doc
        .root_element()
        .descendants()
        .filter_map(scraper::ElementRef::wrap)
        .filter_map(|e| {
            let id = e.value().attr("id")?;
            let t = e.text().collect::<String>();
            Some((id, t.split_whitespace().collect::<Vec<_>>().join(" ")))
        })
        .collect();
    let mut out = Vec::new();
    for e in doc
        .root_element()
        .descendants()
        .filter_map(scraper::ElementRef::wrap)
    {
        let v = e.value();
        let name = match v.attr("aria-labelledby") {
            Some(ids) => ids
                .split_whitespace()
                .map(|id| {
                    by_id.get(id).cloned().unwrap_or_else(|| {
                        panic!(
                            "{}: aria-labelledby names a missing id `{id}`",
                            page.display()
                        )
                    })
                })
                .collect::<Vec<_>>()
                .join(" "),
            None => v.attr("aria-label").unwrap_or("").trim().to_string(),
        };
        let sectioned = || {
            e.ancestors()
                .filter_map(scraper::ElementRef::wrap)
                .any(|a| {
                    matches!(
                        a.value().name(),
                        "article" | "aside" | "main" | "nav" | "section"
                    )
                })
        };
        let role = match (v.attr("role"), v.name()) {
            (Some(r), _) => r.to_string(),
            (None, "main") => "main".into(),
            (None, "nav") => "navigation".into(),
            (None, "aside") => "complementary".into(),
            (None, "section") => "region".into(),
            (None, "form") => "form".into(),
            (None, "search") => "search".into(),
            (None, "header") if !sectioned() => "banner".into(),
            (None, "footer") if !sectioned() => "contentinfo".into(),
            _ => continue,
        };
        if !LANDMARKS.contains(&role.as_str())
            || (matches!(role.as_str(), "region" | "form") && name.is_empty())
        {
            continue;
        }
        out.push((role, name));
    }
    out
}

fn assert_landmarks_unique(public: &Path) -> usize {
    let mut regions = 0;
    for p in pages(public) {
        let doc = html(&p);
        let marks = landmarks(&doc, &p);
        let mut seen: HashMap<(String, String), usize> = HashMap::new();
        for (role, name) in &marks {
            *seen.entry((role.clone(), name.to_lowercase())).or_default() += 1;
        }
        let dup: Vec<_> = seen.iter().filter(|(_, n)| **n > 1).collect();
        assert!(
            dup.is_empty(),
            "{}: landmarks share a role and a name: {dup:?}",
            p.display()
        );
        regions += marks.iter().filter(|(r, _)| r == "region").count();
    }
    regions
}

#[test]
fn every_landmark_is_uniquely_named() {
    let out = tempfile::tempdir().unwrap();
    let public = out.path().join("example");
    build_example(&public, &["--drafts"]);
    // Enough regions that the check means something (sections and their tables).
    let regions = assert_landmarks_unique(&public);
    assert!(regions > 100, "{regions}");

    // The example postmortem with two Markdown tables: "Table 1" and "Table 2".
    let pg = html(&public.join("incidents/2025-11-04-postgres-failover-stalled-writes/index.html"));
    assert_eq!(
        attrs(&pg, ".prose .table-wrap[role=region]", "aria-label"),
        ["Table 1", "Table 2"]
    );
    // A table region inside a named section is named by the table's caption, not by the
    // section's heading.
    let stats = html(&public.join("stats/index.html"));
    let sel =
        scraper::Selector::parse("section[aria-labelledby] .table-wrap[role=region]").unwrap();
    let mut by_caption = 0;
    for region in stats.select(&sel) {
        let id = region.value().attr("aria-labelledby").unwrap();
        let section = region
            .ancestors()
            .filter_map(scraper::ElementRef::wrap)
            .find(|a| a.value().name() == "section")
            .unwrap();
        assert_ne!(section.value().attr("aria-labelledby"), Some(id));
        let cap = scraper::Selector::parse(&format!("caption#{id}")).unwrap();
        by_caption += region.select(&cap).count();
    }
    // Timings, by severity, per factor, per component, open action items (the months table is
    // named by its own h3).
    assert_eq!(by_caption, 5);

    let site = two_dashboards();
    let public = out.path().join("fixture");
    build(site.path(), &public, &[]);
    assert_landmarks_unique(&public);
}
