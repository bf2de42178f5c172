//! Long incidents on the incident page: runs of identical updates collapse into one entry (with
//! every entry still in the HTML), the postmortem comes before the update log unless site.toml
//! says `[incident_page] order = "timeline-first"`, and each component's impact windows are a
//! visible table. Feeds and the API keep every entry. The site is tests/fixtures/long
//! (Europe/Berlin: CET, UTC+1, in November); every expected value is computed by hand from UTC.

mod common;

use common::{attrs, html, rows, texts};
use std::path::Path;

const NOW: &str = "2025-11-29T12:00:00Z";
const LONG: &str = "search-down-overnight";
const ONGOING: &str = "ongoing-api-errors";

fn fixture() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/long"))
}

/// The fixture (with `extra` appended to its site.toml) built into a temporary folder.
fn build(extra: &str) -> tempfile::TempDir {
    let out = tempfile::tempdir().unwrap();
    let root = out.path().join("site");
    common::copy_dir(fixture(), &root);
    if !extra.is_empty() {
        let toml = root.join("site.toml");
        let text = std::fs::read_to_string(&toml).unwrap();
        std::fs::write(&toml, format!("{text}\n{extra}")).unwrap();
    }
    let public = out.path().join("public");
    let r = common::run(
        out.path(),
        &[
            "build",
            "--root",
            root.to_str().unwrap(),
            "--output",
            public.to_str().unwrap(),
            "--now",
            NOW,
        ],
    );
    assert!(r.status.success(), "{}\n{}", r.stdout, r.stderr);
    out
}

fn page(out: &tempfile::TempDir, slug: &str) -> scraper::Html {
    html(
        &out.path()
            .join(format!("public/incidents/{slug}/index.html")),
    )
}

/// The `at` of every `[[timeline]]` entry of a fixture file, as written (UTC, `Z`), and its
/// message: read from the Markdown file itself, not from afterword.
fn written_entries(slug: &str) -> Vec<(String, String)> {
    let text = std::fs::read_to_string(fixture().join(format!("content/{slug}.md"))).unwrap();
    let mut out = Vec::new();
    for block in text.split("[[timeline]]").skip(1) {
        let value = |key: &str| {
            block
                .lines()
                .find_map(|l| l.strip_prefix(&format!("{key} = ")))
                .unwrap()
                .trim_matches('"')
                .to_string()
        };
        out.push((value("at"), value("message")));
    }
    out
}

/// The ids of the page's section headings (`h2` with an id, outside the postmortem body), in
/// page order.
fn section_ids(doc: &scraper::Html) -> Vec<String> {
    let body: Vec<String> = attrs(doc, ".postmortem .prose h2[id]", "id");
    attrs(doc, "article h2[id]", "id")
        .into_iter()
        .filter(|id| !body.contains(id))
        .collect()
}

/// The contents' top-level links, in order.
fn toc(doc: &scraper::Html) -> Vec<String> {
    attrs(doc, "nav.toc > ol > li > a", "href")
}

#[test]
fn identical_updates_collapse_and_nothing_is_lost() {
    let out = build("");
    let doc = page(&out, LONG);
    // 21 entries written: investigating, identified, 13 identical updates (a run), 2
    // identical updates (a pair: not collapsed), 3 identical monitoring entries (a run),
    // resolved. Shown: 1 + 1 + 1 + 2 + 1 + 1 = 7 entries.
    let written = written_entries(LONG);
    assert_eq!(written.len(), 21);
    assert_eq!(texts(&doc, "ol.timeline > li").len(), 7);
    assert_eq!(
        texts(&doc, "ol.timeline > li.entry-run .run-span"),
        [
            // 19:10Z on Nov 3 is 20:10 CET; 06:21Z on Nov 4 is 07:21 CET: another day, so
            // dates are shown.
            "13 updates, Nov 3, 2025, 8:10 PM – Nov 4, 2025, 7:21 AM GMT+1",
            // 08:00Z and 09:00Z on Nov 4: 09:00 and 10:00 CET, the same day: times only.
            "3 updates, 9:00 AM–10:00 AM GMT+1",
        ]
    );
    // Offsets from the start (18:00Z): 19:10Z is +1h 10m, 06:21Z is +12h 21m; 08:00Z is
    // +14h, 09:00Z is +15h.
    assert_eq!(
        texts(&doc, "ol.timeline > li.entry-run > .entry-meta .offset"),
        [
            "+1h 10m – +12h 21m after the start",
            "+14h – +15h after the start"
        ]
    );
    // The message once, then the list of every entry of the run, ordered.
    assert_eq!(
        texts(&doc, "ol.timeline > li.entry-run > .entry-message"),
        [
            "We are continuing to work on a fix for this issue.",
            "Monitoring the fix."
        ]
    );
    assert_eq!(
        texts(&doc, "li.entry-run details.run-entries > summary"),
        [
            "The 13 updates, each with its time",
            "The 3 updates, each with its time"
        ]
    );
    assert_eq!(texts(&doc, "li.entry-run details > ol > li").len(), 13 + 3);
    // The pair of "A fix is being rolled out." stays two entries.
    assert_eq!(
        texts(&doc, "ol.timeline > li:not(.entry-run) > .entry-message")
            .iter()
            .filter(|m| *m == "A fix is being rolled out.")
            .count(),
        2
    );
    // Every entry's time is on the page, in the timeline, in order: a single entry's in its
    // meta line, a run's in its list (its span shows only the first and last).
    let shown = attrs(
        &doc,
        "ol.timeline > li:not(.entry-run) > .entry-meta time, ol.timeline > li.entry-run details time",
        "datetime",
    );
    let want: Vec<String> = written.iter().map(|(at, _)| at.clone()).collect();
    assert_eq!(shown, want);
    // The 13 times inside the first run, as the site's zone shows them: 20:10 … 23:10 on
    // Nov 3, 00:10 … 07:10 on Nov 4 (UTC + 1), then 07:21.
    let inner = texts(&doc, "ol.timeline > li.entry-run details > ol > li > time");
    assert_eq!(inner[0], "Nov 3, 2025, 8:10 PM GMT+1");
    assert_eq!(inner[4], "Nov 4, 2025, 12:10 AM GMT+1");
    assert_eq!(inner[12], "Nov 4, 2025, 7:21 AM GMT+1");
}

#[test]
fn feeds_and_api_keep_every_entry() {
    let out = build("");
    let public = out.path().join("public");
    let written = written_entries(LONG);
    // index.json: 21 entries, each message as written.
    let json: serde_json::Value = serde_json::from_str(&common::read(
        &public.join(format!("incidents/{LONG}/index.json")),
    ))
    .unwrap();
    let timeline = json["timeline"].as_array().unwrap();
    assert_eq!(timeline.len(), written.len());
    for (e, (_, message)) in timeline.iter().zip(&written) {
        assert_eq!(e["message"], message.as_str());
    }
    // The Atom feed's entry: every update, each with its time.
    let bytes = std::fs::read(public.join("feed.xml")).unwrap();
    let feed = feed_rs::parser::parse(&bytes[..]).unwrap();
    let entry = feed
        .entries
        .iter()
        .find(|e| {
            e.title
                .as_ref()
                .is_some_and(|t| t.content.ends_with("Search down overnight"))
        })
        .expect("the long incident is in the feed");
    let content = entry.content.as_ref().unwrap().body.clone().unwrap();
    let doc = scraper::Html::parse_fragment(&content);
    let times = attrs(&doc, "time[datetime]", "datetime");
    assert_eq!(times.len(), written.len());
    // Newest first in the feed.
    let mut want: Vec<String> = written.iter().map(|(at, _)| at.clone()).collect();
    want.reverse();
    assert_eq!(times, want);
    assert_eq!(
        content
            .matches("We are continuing to work on a fix for this issue.")
            .count(),
        13
    );
}

#[test]
fn postmortem_first_by_default() {
    let out = build("");
    let doc = page(&out, LONG);
    assert_eq!(
        section_ids(&doc),
        [
            "components-affected",
            "factors",
            "course",
            "contents",
            "postmortem",
            "lessons",
            "action-items",
            "timeline"
        ]
    );
    assert_eq!(
        toc(&doc),
        [
            "#factors",
            "#course",
            "#postmortem",
            "#lessons",
            "#action-items",
            "#timeline"
        ]
    );
    // The summary box holds the facts, components, factors and the course.
    assert_eq!(
        attrs(&doc, ".incident-summary h2", "id"),
        ["components-affected", "factors", "course"]
    );
    assert_eq!(texts(&doc, ".incident-summary dl.facts dt")[0], "Started");
    // An incident with no postmortem yet: its timeline comes right after the summary.
    let ongoing = page(&out, ONGOING);
    assert_eq!(
        section_ids(&ongoing),
        ["components-affected", "course", "timeline"]
    );
    // Its three identical "Still looking." updates are one entry.
    assert_eq!(
        texts(&ongoing, "ol.timeline > li.entry-run .run-span"),
        // 11:20Z and 11:50Z on Nov 29: 12:20 and 12:50 CET.
        ["3 updates, 12:20 PM–12:50 PM GMT+1"]
    );
}

#[test]
fn timeline_first_when_configured() {
    let out = build("[incident_page]\norder = \"timeline-first\"\n");
    let doc = page(&out, LONG);
    assert_eq!(
        section_ids(&doc),
        [
            "components-affected",
            "factors",
            "course",
            "contents",
            "timeline",
            "postmortem",
            "lessons",
            "action-items"
        ]
    );
    assert_eq!(
        toc(&doc),
        [
            "#factors",
            "#course",
            "#timeline",
            "#postmortem",
            "#lessons",
            "#action-items"
        ]
    );
    // Collapsing does not depend on the order.
    assert_eq!(texts(&doc, "ol.timeline > li.entry-run").len(), 2);
}

#[test]
fn unknown_order_is_an_error_with_a_suggestion() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("site");
    common::copy_dir(fixture(), &root);
    let toml = root.join("site.toml");
    let text = std::fs::read_to_string(&toml).unwrap();
    std::fs::write(
        &toml,
        format!("{text}\n[incident_page]\norder = \"postmortem_first\"\n"),
    )
    .unwrap();
    let r = common::run(
        dir.path(),
        &["check", "--root", root.to_str().unwrap(), "--now", NOW],
    );
    assert!(!r.status.success());
    let all = format!("{}{}", r.stdout, r.stderr);
    assert!(all.contains("E0016"), "{all}");
    assert!(
        all.contains("unknown incident page order `postmortem_first`"),
        "{all}"
    );
    assert!(all.contains("did you mean `postmortem-first`?"), "{all}");
}

#[test]
fn impact_windows_are_a_visible_table() {
    let out = build("");
    let doc = page(&out, LONG);
    // Under the chart, not folded into the <details> with the rest of its text alternative.
    assert!(texts(&doc, "details table.timeline-lanes").is_empty());
    assert_eq!(
        texts(
            &doc,
            "section.course > .table-wrap table.timeline-lanes caption"
        ),
        ["Impact by component"]
    );
    assert_eq!(
        rows(
            &doc,
            "section.course > .table-wrap table.timeline-lanes tbody tr"
        ),
        [
            // 18:00Z–07:00Z is 19:00–08:00 CET, 13h.
            vec![
                "Search",
                "Major outage",
                "Nov 3, 2025, 7:00 PM GMT+1",
                "Nov 4, 2025, 8:00 AM GMT+1",
                "13h"
            ],
            // 07:00Z to the resolution at 10:00Z: 08:00–11:00 CET, 3h.
            vec![
                "Search",
                "Degraded performance",
                "Nov 4, 2025, 8:00 AM GMT+1",
                "Nov 4, 2025, 11:00 AM GMT+1",
                "3h"
            ],
            // 18:30Z–20:00Z: 19:30–21:00 CET, 1h 30m.
            vec![
                "API",
                "Partial outage",
                "Nov 3, 2025, 7:30 PM GMT+1",
                "Nov 3, 2025, 9:00 PM GMT+1",
                "1h 30m"
            ],
        ]
    );
    // The phases stay in the text alternative.
    assert_eq!(
        texts(&doc, "details.timeline-alt table.timeline-phases").len(),
        1
    );
}
