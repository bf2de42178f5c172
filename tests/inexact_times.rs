//! Dates without a time and approximate times (docs/format.md, "Times"): shown as such
//! ("Jul 22, 2015 (time unknown)", "about 11:20"), `<time datetime>` a date alone for a
//! day-only time, durations only between two exact times (on the page, in lists, in feeds, in
//! the JSON document and in the stats and archive samples), and validated in order. The site is
//! tests/fixtures/dates (Europe/Berlin; the day-only file is written in Pacific/Auckland);
//! every expected value is computed by hand from UTC in the comments.

mod common;

use common::{attrs, html, rows, texts};
use std::path::Path;

const NOW: &str = "2025-01-01T00:00:00Z";

fn fixture() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/dates"))
}

/// The fixture built into a temporary folder (`public/`).
fn build() -> tempfile::TempDir {
    let out = tempfile::tempdir().unwrap();
    let public = out.path().join("public");
    let r = common::run(
        out.path(),
        &[
            "build",
            "--root",
            fixture().to_str().unwrap(),
            "--output",
            public.to_str().unwrap(),
            "--now",
            NOW,
        ],
    );
    assert!(r.status.success(), "{}\n{}", r.stdout, r.stderr);
    out
}

fn page(out: &tempfile::TempDir, rel: &str) -> scraper::Html {
    html(&out.path().join("public").join(rel).join("index.html"))
}

/// The facts box as (term, description) pairs.
fn facts(doc: &scraper::Html) -> Vec<(String, String)> {
    let dt = texts(doc, "dl.facts > div > dt");
    let dd = texts(doc, "dl.facts > div > dd");
    assert_eq!(dt.len(), dd.len());
    dt.into_iter().zip(dd).collect()
}

fn fact(doc: &scraper::Html, term: &str) -> Option<String> {
    facts(doc).into_iter().find(|(t, _)| t == term).map(|x| x.1)
}

fn json(out: &tempfile::TempDir, slug: &str) -> serde_json::Value {
    let text = common::read(
        &out.path()
            .join(format!("public/incidents/{slug}/index.json")),
    );
    serde_json::from_str(&text).unwrap()
}

#[test]
fn a_day_only_incident_shows_its_day_and_no_duration() {
    let out = build();
    let doc = page(&out, "incidents/day-only");
    // Written as dates in Pacific/Auckland: the day is Jul 22, whatever it is in Berlin (the
    // start of Jul 22 in Auckland, UTC+12, is 2015-07-21T12:00Z, Jul 21 14:00 in Berlin).
    let day = "Jul 22, 2015 (time unknown)".to_string();
    assert_eq!(fact(&doc, "Started"), Some(day.clone()));
    assert_eq!(fact(&doc, "Resolved"), Some(day.clone()));
    assert_eq!(fact(&doc, "Detected"), Some(day.clone()));
    let unknown = Some("Unknown (a time is not exact)".to_string());
    assert_eq!(fact(&doc, "Duration"), unknown);
    assert_eq!(fact(&doc, "Time to detect"), unknown);
    // Never a fake midnight.
    assert!(!texts(&doc, "main").concat().contains("12:00 AM"));
    // Entries: day-only, exact (15:00 NZST = 03:00Z = 05:00 CEST), day-only again the same day.
    assert_eq!(
        texts(&doc, "ol.timeline .entry-meta time"),
        [day.as_str(), "Jul 22, 2015, 5:00 AM GMT+2", day.as_str()]
    );
    assert_eq!(
        attrs(&doc, "ol.timeline .entry-meta time", "datetime"),
        ["2015-07-22", "2015-07-22T03:00:00Z", "2015-07-22"]
    );
    assert_eq!(texts(&doc, ".entry-meta .as-posted"), ["(3:00 PM GMT+12)"]);
    // No offsets (the start is not exact), no chart (its phases' lengths are unknown).
    assert!(texts(&doc, ".entry-meta .offset").is_empty());
    assert!(texts(&doc, "svg").is_empty());
    assert_eq!(
        attrs(&doc, "dl.facts time", "datetime"),
        ["2015-07-22", "2015-07-22", "2015-07-22"]
    );
}

#[test]
fn an_approximate_time_says_about_and_leaves_its_durations_out() {
    let out = build();
    let doc = page(&out, "incidents/approximate");
    // 10:00Z = 11:00 CET (UTC+1 in March); detected 10:20Z, approximate; resolved 12:00Z.
    assert_eq!(
        fact(&doc, "Started").as_deref(),
        Some("Mar 5, 2024, 11:00 AM GMT+1")
    );
    assert_eq!(
        fact(&doc, "Detected").as_deref(),
        Some("about Mar 5, 2024, 11:20 AM GMT+1")
    );
    // Both ends of the duration are exact: 12:00 - 10:00 = 2h.
    assert_eq!(fact(&doc, "Duration").as_deref(), Some("2h"));
    assert_eq!(
        fact(&doc, "Time to detect").as_deref(),
        Some("Unknown (a time is not exact)")
    );
    assert_eq!(
        texts(&doc, "ol.timeline .entry-meta time"),
        [
            "Mar 5, 2024, 11:20 AM GMT+1",
            "about Mar 5, 2024, 12:00 PM GMT+1",
            "Mar 5, 2024, 1:00 PM GMT+1"
        ]
    );
    // An approximate time keeps its instant for machines.
    assert_eq!(
        attrs(&doc, "ol.timeline .entry-meta time", "datetime"),
        [
            "2024-03-05T10:20:00Z",
            "2024-03-05T11:00:00Z",
            "2024-03-05T12:00:00Z"
        ]
    );
    // Offsets from the exact start: +20m, none for the approximate entry, +2h.
    assert_eq!(
        texts(&doc, ".entry-meta .offset"),
        ["+20m after the start", "+2h after the start"]
    );

    // The exact incident, for contrast: 08:00Z to 09:30Z, detected 08:05Z.
    let doc = page(&out, "incidents/exact");
    assert_eq!(fact(&doc, "Duration").as_deref(), Some("1h 30m"));
    assert_eq!(fact(&doc, "Time to detect").as_deref(), Some("5m"));
    assert_eq!(
        texts(&doc, ".entry-meta .offset"),
        ["+5m after the start", "+1h 30m after the start"]
    );
}

#[test]
fn lists_and_feeds_say_what_is_known() {
    let out = build();
    let doc = page(&out, "history");
    // Newest first: exact (Jun 10, 2024, 08:00Z = 10:00 CEST), approximate, day-only.
    assert_eq!(
        texts(&doc, ".incident-row .when"),
        [
            "Started Jun 10, 2024, 10:00 AM GMT+2",
            "Started Mar 5, 2024, 11:00 AM GMT+1",
            "Started Jul 22, 2015 (time unknown)"
        ]
    );
    assert_eq!(
        attrs(&doc, ".incident-row .when time", "datetime"),
        ["2024-06-10T08:00:00Z", "2024-03-05T10:00:00Z", "2015-07-22"]
    );
    assert_eq!(
        texts(&doc, ".incident-row .duration"),
        ["Lasted 1h 30m", "Lasted 2h", "Duration unknown"]
    );
    let feed = common::read(&out.path().join("public/feed.xml"));
    assert!(
        feed.contains("Started:&lt;/strong&gt; Jul 22, 2015 (time unknown)")
            || feed.contains("Started:</strong> Jul 22, 2015 (time unknown)"),
        "{feed}"
    );
    assert!(
        feed.contains("Duration:&lt;/strong&gt; unknown")
            || feed.contains("Duration:</strong> unknown"),
        "{feed}"
    );
    assert!(
        feed.contains("about Mar 5, 2024, 12:00\u{202f}PM GMT+1"),
        "{feed}"
    );
}

#[test]
fn stats_and_archive_measure_only_exact_durations() {
    let out = build();
    let doc = page(&out, "stats");
    // Time to resolve: exact 5400 s and approximate-detection 7200 s (both ends exact); the
    // day-only incident is left out: n = 2, median (5400 + 7200) / 2 = 6300 s = 1h 45m,
    // 75th and 90th percentile (nearest rank 2 of 2) 7200 s = 2h. Time to detect: only the
    // exact one, 300 s = 5m, n = 1.
    let timing = rows(&doc, "section.timings tbody tr");
    assert_eq!(
        timing,
        [
            ["Time to resolve", "1h 45m", "2h", "2h", "2"],
            ["Time to detect", "5m", "5m", "5m", "1"]
        ]
    );
    // The archive's severity page: all three are major, two are measured.
    let doc = page(&out, "severities/major");
    let text = texts(&doc, "main").concat();
    assert!(text.contains("3 incidents"), "{text}");
    assert!(
        text.contains("median 1h 45m, 75th percentile 2h, 90th percentile 2h (n = 2 resolved)"),
        "{text}"
    );
}

#[test]
fn the_json_document_keeps_instants_and_says_each_precision() {
    let out = build();
    let d = json(&out, "day-only");
    assert_eq!(d["schema"], "afterword/incident/v1.2");
    assert_eq!(
        d["precision"],
        serde_json::json!({"started": "day", "detected": "day", "resolved": "day"})
    );
    // The start of Jul 22 in Auckland (UTC+12): 2015-07-21T12:00Z, 14:00 in Berlin (CEST).
    assert_eq!(d["started"], "2015-07-21T14:00:00+02:00");
    assert_eq!(d["detected"], "2015-07-21T14:00:00+02:00");
    // The day-only resolution is no earlier than the entries of its day: 03:00Z.
    assert_eq!(d["resolved"], "2015-07-22T05:00:00+02:00");
    assert!(d["duration_seconds"].is_null() && d["time_to_detect_seconds"].is_null());
    // Ordering: the day-only entry after the 15:00 NZST one the same day is placed at it,
    // so the instants stay in order; offsets from the start's instant (12:00Z to 03:00Z =
    // 15 h = 54000 s).
    let tl = d["timeline"].as_array().unwrap();
    let at: Vec<&str> = tl.iter().map(|e| e["at"].as_str().unwrap()).collect();
    assert_eq!(
        at,
        [
            "2015-07-21T14:00:00+02:00",
            "2015-07-22T05:00:00+02:00",
            "2015-07-22T05:00:00+02:00"
        ]
    );
    let precision: Vec<&str> = tl
        .iter()
        .map(|e| e["precision"].as_str().unwrap())
        .collect();
    assert_eq!(precision, ["day", "exact", "day"]);
    let offsets: Vec<i64> = tl
        .iter()
        .map(|e| e["offset_seconds"].as_i64().unwrap())
        .collect();
    assert_eq!(offsets, [0, 54_000, 54_000]);

    let a = json(&out, "approximate");
    assert_eq!(a["precision"]["detected"], "approximate");
    assert_eq!(a["duration_seconds"], 7200);
    assert!(a["time_to_detect_seconds"].is_null());
    assert_eq!(a["timeline"][1]["precision"], "approximate");
    let e = json(&out, "exact");
    assert_eq!(e["time_to_detect_seconds"], 300);
}

/// `check` on a one-file site with `front` as the incident's front matter: its output.
fn check(front: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("site.toml"),
        "title = \"T\"\nbase_url = \"https://example.com/\"\ntimezone = \"UTC\"\n\n[[components]]\nid = \"api\"\nname = \"API\"\n",
    )
    .unwrap();
    std::fs::create_dir(dir.path().join("content")).unwrap();
    std::fs::write(
        dir.path().join("content/x.md"),
        format!("+++\ntitle = \"X\"\ncomponents = [\"api\"]\n{front}\n+++\n"),
    )
    .unwrap();
    let r = common::run(dir.path(), &["check", "--now", NOW]);
    format!("{}{}", r.stdout, r.stderr)
}

#[test]
fn inexact_times_are_validated_in_order() {
    let incident = "severity = \"minor\"\n";
    // Same day: fine, also with an exact start later that day.
    for front in [
        "started = 2015-07-22\nresolved = 2015-07-22",
        "started = 2015-07-22T10:00:00Z\nresolved = 2015-07-22\ndetected = 2015-07-22",
        "started = 2015-07-22\n[[timeline]]\nat = 2015-07-22T10:00:00Z\nstatus = \"investigating\"\n[[timeline]]\nat = 2015-07-22\nstatus = \"identified\"\n[[timeline]]\nat = 2015-07-22T09:00:00Z\nstatus = \"resolved\"",
    ] {
        let out = check(&format!("{incident}{front}"));
        assert!(out.contains("0 errors") || out.contains("no problems"), "{front}\n{out}");
    }
    // A day before the start's day.
    let out = check(&format!(
        "{incident}started = 2015-07-22\nresolved = 2015-07-21"
    ));
    assert!(
        out.contains("E0010") && out.contains("`resolved`") && out.contains("before `started`"),
        "{out}"
    );
    let out = check(&format!(
        "{incident}started = 2015-07-22T10:00:00Z\ndetected = 2015-07-21"
    ));
    assert!(
        out.contains("E0010") && out.contains("`detected` is before"),
        "{out}"
    );
    // An entry on an earlier day than the one before it.
    let out = check(&format!(
        "{incident}[[timeline]]\nat = 2015-07-22T10:00:00Z\nstatus = \"investigating\"\n[[timeline]]\nat = 2015-07-21\nstatus = \"identified\""
    ));
    assert!(
        out.contains("E0010") && out.contains("timeline out of order"),
        "{out}"
    );
    // `approximate`: known names, each once, of times the file sets.
    let out = check(&format!(
        "{incident}approximate = [\"strated\"]\nstarted = 2015-07-22T10:00:00Z"
    ));
    assert!(out.contains("E0016") && out.contains("`started`"), "{out}");
    let out = check(&format!(
        "{incident}approximate = [\"started\", \"started\"]\nstarted = 2015-07-22T10:00:00Z"
    ));
    assert!(
        out.contains("E0012") && out.contains("listed twice"),
        "{out}"
    );
    let out = check(&format!(
        "{incident}approximate = [\"detected\"]\nstarted = 2015-07-22T10:00:00Z"
    ));
    assert!(
        out.contains("E0016") && out.contains("does not set"),
        "{out}"
    );
    // A maintenance's times are exact.
    let maintenance = "kind = \"maintenance\"\nscheduled_start = 2015-07-22T10:00:00Z\nscheduled_end = 2015-07-22T12:00:00Z\n";
    let out = check(&format!(
        "{maintenance}[[timeline]]\nat = 2015-07-22\nstatus = \"scheduled\""
    ));
    assert!(out.contains("E0009"), "{out}");
    let out = check(&format!("{maintenance}approximate = [\"started\"]"));
    assert!(out.contains("E0017"), "{out}");
}
