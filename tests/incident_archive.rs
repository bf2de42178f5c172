//! The incident page as a postmortem: contributing factors, trigger, detection, lessons,
//! customer impact, review status, related incidents both ways, the banner on unpublished
//! pages, and the visual timeline, whose coordinates are checked against hand-computed values.
//! The site is tests/fixtures/postmortem (Europe/Berlin: CET, UTC+1, in November).

mod common;

use common::{attrs, html, rows, texts};
use std::path::Path;

const NOW: &str = "2025-11-29T12:00:00Z";

fn fixture() -> &'static Path {
    Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/postmortem"
    ))
}

/// The fixture built into a temporary folder, with or without drafts.
fn build(drafts: bool) -> tempfile::TempDir {
    let out = tempfile::tempdir().unwrap();
    let public = out.path().join("public");
    let root = fixture().to_str().unwrap().to_string();
    let mut args = vec![
        "build",
        "--root",
        &root,
        "--output",
        public.to_str().unwrap(),
        "--now",
        NOW,
    ];
    if drafts {
        args.push("--drafts");
    }
    let r = common::run(out.path(), &args);
    assert!(r.status.success(), "{}\n{}", r.stdout, r.stderr);
    out
}

fn page(out: &tempfile::TempDir, slug: &str) -> scraper::Html {
    html(
        &out.path()
            .join(format!("public/incidents/{slug}/index.html")),
    )
}

/// `(x, width)` of every element matching `sel`, as written.
fn boxes(doc: &scraper::Html, sel: &str) -> Vec<(String, String)> {
    attrs(doc, sel, "x")
        .into_iter()
        .zip(attrs(doc, sel, "width"))
        .collect()
}

/// The x of each tick: the ticks are one `<path>`, a `M{x} {y}v5` stroke per tick.
fn tick_xs(doc: &scraper::Html) -> Vec<String> {
    attrs(doc, "path.tl-tick", "d")
        .iter()
        .flat_map(|d| {
            d.split('M')
                .skip(1)
                .map(|m| m.split(' ').next().unwrap_or("").to_string())
                .collect::<Vec<_>>()
        })
        .collect()
}

fn pairs(v: &[(&str, &str)]) -> Vec<(String, String)> {
    v.iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

#[test]
fn the_postmortem_facts_are_shown() {
    let out = build(false);
    let doc = page(&out, "short-blip");
    let facts = rows_of_dl(&doc, ".facts");
    let fact = |k: &str| {
        facts
            .iter()
            .find(|(dt, _)| dt == k)
            .map(|(_, dd)| dd.clone())
            .unwrap_or_else(|| panic!("no fact {k}: {facts:?}"))
    };
    assert_eq!(
        fact("Trigger"),
        "A configuration push lowered the pooler's connection limit from 500 to 50."
    );
    // The trigger is inline Markdown.
    assert_eq!(texts(&doc, ".fact-trigger strong"), ["500"]);
    assert_eq!(fact("Detection"), "Monitoring alert");
    assert_eq!(
        fact("Detected by"),
        "on-call engineer, from the pool-saturation alert"
    );
    // Customer impact exactly as written: 1200, 85, 48000 and 12.5.
    assert_eq!(fact("People affected"), "1,200");
    assert_eq!(fact("Customers affected"), "85");
    assert_eq!(fact("Requests failed or degraded"), "48,000");
    assert_eq!(fact("Peak error rate"), "12.5%");
    assert_eq!(
        texts(&doc, ".customer-impact .prose"),
        ["Counted from the load balancer logs."]
    );

    // Factors link to their pages, with the site's names and the notes as Markdown.
    assert_eq!(
        texts(&doc, ".factor-list .factor-name"),
        ["Configuration", "Monitoring gap"]
    );
    assert_eq!(
        attrs(&doc, ".factor-list .factor-name", "href"),
        ["/factors/configuration/", "/factors/monitoring-gap/"]
    );
    assert_eq!(texts(&doc, ".factor-note strong"), ["two"]);

    // Lessons: three lists under their headings.
    assert_eq!(
        texts(&doc, ".lessons h3"),
        ["What went well", "What went wrong", "Where we got lucky"]
    );
    assert_eq!(
        texts(&doc, ".lessons .lesson-list li"),
        [
            "The rollback took two minutes.",
            "Nobody could tell which limit was live.",
            "The alert fired late.",
            "It happened at the quietest hour."
        ]
    );
    assert_eq!(texts(&doc, ".lessons em"), ["two"]);

    // Review, with reviewers (escaped) and date; an action item's closed date.
    assert_eq!(
        texts(&doc, ".review-status dd"),
        ["Published Nov 10, 2025; reviewed by Dana (SRE), Lee <db>"]
    );
    let actions = rows(&doc, ".action-items tbody tr");
    assert_eq!(actions[0][2], "Done closed Nov 18, 2025");
    assert_eq!(actions[1][2], "Open");
    assert!(texts(&doc, ".review-banner").is_empty());

    // The days-long one: its detection method, and nothing it does not have.
    let doc = page(&out, "long-storage");
    let facts = rows_of_dl(&doc, ".facts");
    assert!(facts.contains(&("Detection".into(), "Customer report".into())));
    assert!(texts(&doc, ".customer-impact, .lessons, .review-status").is_empty());
}

/// `(dt, dd)` texts of every `<div>` in the definition lists matching `sel`.
fn rows_of_dl(doc: &scraper::Html, sel: &str) -> Vec<(String, String)> {
    let div = scraper::Selector::parse(&format!("{sel} > div")).unwrap();
    let dt = scraper::Selector::parse("dt").unwrap();
    let dd = scraper::Selector::parse("dd").unwrap();
    let text = |e: scraper::ElementRef| {
        e.text()
            .collect::<String>()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    doc.select(&div)
        .filter_map(|d| Some((text(d.select(&dt).next()?), text(d.select(&dd).next()?))))
        .collect()
}

#[test]
fn relations_show_both_ways_and_drafts_only_with_drafts() {
    let out = build(false);
    // short-blip names long-storage; long-storage names nothing but shows the back-link.
    let blip = page(&out, "short-blip");
    assert_eq!(
        texts(&blip, ".related-list a"),
        ["Storage degraded for three days"]
    );
    assert_eq!(
        attrs(&blip, ".related-list a", "href"),
        ["/incidents/long-storage/"]
    );
    assert_eq!(
        attrs(&blip, ".related-list time", "datetime"),
        ["2025-11-10T06:00:00Z"]
    );
    let storage = page(&out, "long-storage");
    assert_eq!(
        attrs(&storage, ".related-list a", "href"),
        ["/incidents/short-blip/"]
    );
    assert_eq!(texts(&storage, ".related-list time"), ["Nov 3, 2025"]);
    // Neither unpublished incident is built, nor related.
    for slug in ["draft-probe", "in-review-cache"] {
        assert!(!out
            .path()
            .join(format!("public/incidents/{slug}/index.html"))
            .exists());
    }

    let out = build(true);
    // The draft names short-blip: with drafts, short-blip shows it (newest first).
    let blip = page(&out, "short-blip");
    assert_eq!(
        attrs(&blip, ".related-list a", "href"),
        ["/incidents/draft-probe/", "/incidents/long-storage/"]
    );
    assert_eq!(texts(&blip, ".related-list .draft"), ["Draft"]);
    let draft = page(&out, "draft-probe");
    assert_eq!(
        attrs(&draft, ".related-list a", "href"),
        ["/incidents/short-blip/"]
    );
}

#[test]
fn the_banner_is_only_on_unpublished_pages() {
    let out = build(true);
    let banner = |slug: &str| texts(&page(&out, slug), "[role=note].review-banner strong");
    assert_eq!(banner("draft-probe"), ["Draft — not published."]);
    assert_eq!(banner("in-review-cache"), ["In review — not published."]);
    assert!(banner("short-blip").is_empty());
    assert!(banner("long-storage").is_empty());
    // The badge in lists says which state.
    let history = html(&out.path().join("public/history/index.html"));
    let mut badges = texts(&history, ".incident-row .draft");
    badges.sort();
    assert_eq!(badges, ["Draft", "In review"]);
}

#[test]
fn the_svg_timeline_matches_the_times() {
    let out = build(true);

    // short-blip: 12:00 to 12:15 UTC, 900 s; x = 40 + 640 * s / 900.
    //   before the first update 12:00–12:03: x 40,  width 640 * 180 / 900 = 128
    //   investigating 12:03–12:06:           x 168, width 128
    //   identified 12:06–12:12 (the 12:09 update keeps it): x 296, width 640 * 360 / 900 = 256
    //   monitoring 12:12–12:15:              x 552, width 128
    //   api, major severity's partial outage, the whole span: x 40, width 640
    //   detected 12:02: 40 + 640 * 120 / 900 = 125.333… → 125.33
    let doc = page(&out, "short-blip");
    assert_eq!(attrs(&doc, "svg.timeline-svg", "role"), ["img"]);
    assert_eq!(
        texts(&doc, "svg.timeline-svg > title"),
        ["Timeline of API errors after a pooler config push"]
    );
    assert_eq!(
        attrs(&doc, "rect.tl-phase", "data-phase"),
        [
            "before_first_update",
            "investigating",
            "identified",
            "monitoring"
        ]
    );
    assert_eq!(
        boxes(&doc, "rect.tl-phase"),
        pairs(&[
            ("40", "128"),
            ("168", "128"),
            ("296", "256"),
            ("552", "128")
        ])
    );
    assert_eq!(boxes(&doc, "rect[data-component]"), pairs(&[("40", "640")]));
    assert_eq!(
        attrs(&doc, "rect[data-component]", "data-level"),
        ["partial_outage"]
    );
    assert_eq!(attrs(&doc, "line.tl-detect", "x1"), ["125.33"]);
    // A dashed boundary where each phase after the first starts, from the band (y 18) down to
    // the axis (y = 56 + 38 per lane + 4 = 98), as one path.
    assert_eq!(
        attrs(&doc, "path.tl-boundary", "d"),
        ["M168 18V98M296 18V98M552 18V98"]
    );
    // Only the pattern of the level drawn is defined.
    assert_eq!(attrs(&doc, "svg pattern", "id"), ["tl-p-partial"]);
    // 5-minute ticks (900 / 60 = 15 ticks would be too many, 900 / 300 = 3): 12:00, 12:05,
    // 12:10, 12:15 UTC at x 40, 253.33, 466.67, 680, labelled 13:00 … 13:15 CET.
    assert_eq!(tick_xs(&doc), ["40", "253.33", "466.67", "680"]);
    let labels = texts(&doc, ".tl-tick-label text");
    assert_eq!(
        labels,
        ["1:00 PM", "Nov 3, 2025", "1:05 PM", "1:10 PM", "1:15 PM"]
    );
    // The text alternative gives the same times, in the site's zone.
    assert_eq!(
        rows(&doc, ".timeline-phases tbody tr"),
        [
            [
                "Before the first update",
                "Nov 3, 2025, 1:00 PM GMT+1",
                "Nov 3, 2025, 1:03 PM GMT+1",
                "3m"
            ],
            [
                "Investigating",
                "Nov 3, 2025, 1:03 PM GMT+1",
                "Nov 3, 2025, 1:06 PM GMT+1",
                "3m"
            ],
            [
                "Identified",
                "Nov 3, 2025, 1:06 PM GMT+1",
                "Nov 3, 2025, 1:12 PM GMT+1",
                "6m"
            ],
            [
                "Monitoring",
                "Nov 3, 2025, 1:12 PM GMT+1",
                "Nov 3, 2025, 1:15 PM GMT+1",
                "3m"
            ],
        ]
    );
    assert_eq!(
        rows(&doc, ".timeline-lanes tbody tr"),
        [[
            "API",
            "Partial outage",
            "Nov 3, 2025, 1:00 PM GMT+1",
            "Nov 3, 2025, 1:15 PM GMT+1",
            "15m"
        ]]
    );

    // long-storage: Nov 10 06:00 to Nov 13 06:00 UTC, 259,200 s; x = 40 + 640 * s / 259200.
    //   before the first update 06:00–09:00 (10,800 s): x 40, width 26.666… → 26.67
    //   investigating 09:00–Nov 11 06:00 (75,600 s): x 66.67, width 186.67
    //   identified Nov 11 06:00–Nov 12 06:00 (86,400 s): x 40 + 213.33 = 253.33, width 213.33
    //   monitoring Nov 12 06:00–Nov 13 06:00: x 40 + 426.67 = 466.67, width 213.33
    //   (the postmortem entry on Nov 20 is past the end and not drawn)
    // Lanes, drawn lower levels first:
    //   storage degraded Nov 11 06:00 to the resolution: x 253.33, width 426.67
    //   storage major Nov 10 06:00–Nov 11 06:00: x 40, width 213.33
    //   api partial Nov 10 18:00 (43,200 s: +106.67) to Nov 11 00:00 (21,600 s: 53.33):
    //     x 146.67, width 53.33
    //   detected 08:00 (7,200 s): 40 + 17.777… → 57.78
    let doc = page(&out, "long-storage");
    assert_eq!(
        boxes(&doc, "rect.tl-phase"),
        pairs(&[
            ("40", "26.67"),
            ("66.67", "186.67"),
            ("253.33", "213.33"),
            ("466.67", "213.33")
        ])
    );
    assert_eq!(
        attrs(&doc, "rect[data-component]", "data-component"),
        ["storage", "storage", "api"]
    );
    assert_eq!(
        attrs(&doc, "rect[data-component]", "data-level"),
        ["degraded_performance", "major_outage", "partial_outage"]
    );
    assert_eq!(
        boxes(&doc, "rect[data-component]"),
        pairs(&[("253.33", "426.67"), ("40", "213.33"), ("146.67", "53.33")])
    );
    assert_eq!(attrs(&doc, "line.tl-detect", "x1"), ["57.78"]);
    // 12-hour ticks (259,200 / 43,200 = 6), on local noon and midnight (11:00 and 23:00 UTC):
    // the first, Nov 10 12:00 CET, is 5 h (18,000 s) in: 40 + 44.44 = 84.44; then every
    // 640 * 43200 / 259200 = 106.67.
    assert_eq!(
        tick_xs(&doc),
        ["84.44", "191.11", "297.78", "404.44", "511.11", "617.78"]
    );
    // The lane's label names the component (escaped) and its levels.
    assert_eq!(
        texts(&doc, "text.tl-lane-label"),
        [
            "Object <storage>: Major outage, then Degraded performance",
            "API: Partial outage"
        ]
    );
    assert_eq!(
        rows(&doc, ".timeline-lanes tbody tr"),
        [
            [
                "Object <storage>",
                "Major outage",
                "Nov 10, 2025, 7:00 AM GMT+1",
                "Nov 11, 2025, 7:00 AM GMT+1",
                "1d"
            ],
            [
                "Object <storage>",
                "Degraded performance",
                "Nov 11, 2025, 7:00 AM GMT+1",
                "Nov 13, 2025, 7:00 AM GMT+1",
                "2d"
            ],
            [
                "API",
                "Partial outage",
                "Nov 10, 2025, 7:00 PM GMT+1",
                "Nov 11, 2025, 1:00 AM GMT+1",
                "6h"
            ],
        ]
    );
    assert_eq!(
        attrs(&doc, ".timeline-phases tbody time", "datetime")[..4],
        [
            "2025-11-10T06:00:00Z",
            "2025-11-10T09:00:00Z",
            "2025-11-10T09:00:00Z",
            "2025-11-11T06:00:00Z"
        ]
    );

    // in-review-cache, ongoing: 10:00 to now, 12:00 UTC, 7,200 s; x = 40 + 640 * s / 7200.
    //   before the first update 10:00–10:30: x 40, width 160; investigating: x 200, width 480
    //   api (minor: degraded), open, to now: x 40, width 640
    let doc = page(&out, "in-review-cache");
    assert_eq!(
        boxes(&doc, "rect.tl-phase"),
        pairs(&[("40", "160"), ("200", "480")])
    );
    assert_eq!(boxes(&doc, "rect[data-component]"), pairs(&[("40", "640")]));
    assert_eq!(
        rows(&doc, ".timeline-lanes tbody tr"),
        [[
            "API",
            "Degraded performance",
            "Nov 29, 2025, 11:00 AM GMT+1",
            "Nov 29, 2025, 1:00 PM GMT+1 (ongoing)",
            "2h"
        ]]
    );
    assert!(common::read(
        &out.path()
            .join("public/incidents/in-review-cache/index.html")
    )
    .contains("Now, ongoing (1:00\u{202f}PM)"));
}

#[test]
fn a_new_relation_re_renders_the_other_page() {
    use afterword::serve::live::Live;
    let dir = tempfile::tempdir().unwrap();
    common::copy_dir(fixture(), dir.path());
    let root = dir.path();
    let now = NOW.parse().unwrap();
    let base = "http://127.0.0.1:1111/";
    let mut live = Live::new(root, base, true, now);
    live.rebuild(&[]).unwrap();
    let a = "incidents/in-review-cache/index.html";
    let text = |live: &Live| String::from_utf8_lossy(&live.files()[a].bytes).into_owned();
    assert!(!text(&live).contains("class=\"related-list\""));

    // B (long-storage) now names A (in-review-cache): A's own file is unchanged, yet its page
    // is rendered again, with the back-link.
    let b = root.join("content/long-storage.md");
    let src = std::fs::read_to_string(&b).unwrap();
    std::fs::write(
        &b,
        src.replace(
            "detection = \"customer-report\"",
            "detection = \"customer-report\"\nrelated = [\"in-review-cache\"]",
        ),
    )
    .unwrap();
    let r = live.rebuild(std::slice::from_ref(&b)).unwrap();
    assert!(r.written.iter().any(|f| f == a), "{:?}", r.written);
    let doc = scraper::Html::parse_document(&text(&live));
    assert_eq!(
        attrs(&doc, ".related-list a", "href"),
        ["/incidents/long-storage/"]
    );

    // The same as a fresh build.
    let mut fresh = Live::new(root, base, true, now);
    fresh.rebuild(&[]).unwrap();
    assert!(live.files()[a].bytes == fresh.files()[a].bytes);

    // B's title changes: A shows it.
    std::fs::write(
        &b,
        std::fs::read_to_string(&b).unwrap().replace(
            "Storage degraded for three days",
            "Storage slow for three days",
        ),
    )
    .unwrap();
    live.rebuild(std::slice::from_ref(&b)).unwrap();
    assert!(text(&live).contains("Storage slow for three days"));
}

/// The page's JSON twin (schema v1.2) and the feeds carry the same postmortem facts.
#[test]
fn index_json_and_feeds_carry_the_postmortem() {
    let out = build(false);
    let public = out.path().join("public");
    let read = |rel: &str| -> serde_json::Value {
        serde_json::from_slice(&std::fs::read(public.join(rel)).unwrap()).unwrap()
    };
    let doc = read("incidents/short-blip/index.json");
    assert_eq!(doc["schema"], "afterword/incident/v1.2");
    assert_eq!(
        doc["review"],
        serde_json::json!({"state": "published", "label": "Published",
            "reviewers": ["Dana (SRE)", "Lee <db>"], "date": "2025-11-10"})
    );
    assert_eq!(
        doc["trigger"],
        "A configuration push lowered the pooler's connection limit from **500** to 50."
    );
    assert_eq!(doc["detection"]["id"], "monitoring-alert");
    let factors: Vec<&str> = doc["factors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["id"].as_str().unwrap())
        .collect();
    assert_eq!(factors, ["configuration", "monitoring-gap"]);
    assert_eq!(
        doc["factors"][0]["url"],
        "https://status.example.com/factors/configuration/"
    );
    assert_eq!(doc["factors"][1]["note"], "");
    assert_eq!(doc["lessons"]["went_wrong"].as_array().unwrap().len(), 2);
    // As written: never estimated, 12.5 stays 12.5.
    assert_eq!(
        doc["customer_impact"],
        serde_json::json!({"users": 1200, "customers": 85, "requests": 48000,
            "error_rate": 12.5, "note": "Counted from the load balancer logs."})
    );
    assert_eq!(doc["action_items"][0]["closed"], "2025-11-18");
    // Related both ways: short-blip names long-storage, and long-storage lists it back.
    assert_eq!(doc["related"][0]["slug"], "long-storage");
    let back = read("incidents/long-storage/index.json");
    assert_eq!(back["related"][0]["slug"], "short-blip");
    assert_eq!(
        back["related"][0]["url"],
        "https://status.example.com/incidents/short-blip/"
    );

    // The Atom entry: factor categories under the factors scheme, the facts and the lessons.
    let feed = std::fs::read_to_string(public.join("feed.xml")).unwrap();
    let parsed = feed_rs::parser::parse(feed.as_bytes()).unwrap();
    let entry = parsed
        .entries
        .iter()
        .find(|e| e.links[0].href.ends_with("/incidents/short-blip/"))
        .unwrap();
    let factor_terms: Vec<&str> = entry
        .categories
        .iter()
        .filter(|c| c.scheme.as_deref() == Some("https://status.example.com/factors/"))
        .map(|c| c.term.as_str())
        .collect();
    assert_eq!(factor_terms, ["configuration", "monitoring-gap"]);
    let content = entry.content.as_ref().unwrap().body.as_deref().unwrap();
    assert!(
        content.contains("<strong>Contributing factors:</strong>"),
        "{content}"
    );
    // Counts as the site's language writes them (English groups thousands).
    assert!(content.contains("1,200 users, 85 customers, 48,000 requests, peak error rate 12.5%"));
    assert!(content.contains("<h3>Where we got lucky</h3>"));
}
