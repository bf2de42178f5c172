//! The pages that learn across incidents, on tests/fixtures/archive, every number computed by
//! hand below. now = 2025-06-15T16:00:00Z; the site zone is America/New_York, so today is
//! 2025-06-15 and `i3-new-year` (03:00Z on Jan 1, 2024) started on Dec 31, 2023 locally.
//!
//! The published incidents (newest first; local start date, severity, time to resolve, factors):
//!
//! | slug | local start | severity | resolve | factors |
//! | --- | --- | --- | --- | --- |
//! | i8-ongoing | 2025-06-14 | minor | (ongoing) | monitoring-gap |
//! | i7-dependency | 2025-05-01 | major | 6h | dependency |
//! | i6-launch | 2025-02-02 | critical | 1h 30m | change, capacity, monitoring-gap |
//! | i5-capacity | 2024-09-09 | major | 8h | capacity |
//! | i9-quiet | 2024-06-01 | minor | 2h | (none) |
//! | i4-dns | 2024-04-20 | minor | 30m | dependency, change |
//! | i3-new-year | 2023-12-31 | critical | 4h | change, dependency |
//! | i2-capacity | 2023-08-05 | major | 2h | capacity, monitoring-gap |
//! | i1-deploy | 2023-03-10 | minor | 1h | change |
//!
//! `i10-draft` (in review, 2025-06-01, factor hardware, one open ops item) is built only with
//! `--drafts`.

mod common;

use common::{attrs, copy_dir, html, rows, run, texts};
use std::path::{Path, PathBuf};

const NOW: &str = "2025-06-15T16:00:00Z";

fn built(extra: &[&str]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/archive"),
        dir.path(),
    );
    let mut args = vec!["build", "--now", NOW];
    args.extend_from_slice(extra);
    let out = run(dir.path(), &args);
    assert!(out.status.success(), "{}", out.stderr);
    let public = dir.path().join("public");
    (dir, public)
}

fn main_text(path: &Path) -> String {
    texts(&html(path), "main").join(" ")
}

fn strings(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

/// The rows of the table under the heading with id `heading` (its region names it).
fn table(doc: &scraper::Html, heading: &str) -> Vec<Vec<String>> {
    rows(
        doc,
        &format!("[aria-labelledby=\"{heading}\"] table tbody tr"),
    )
}

#[test]
fn factor_counts_per_year() {
    let (_d, public) = built(&[]);
    let doc = html(&public.join("factors/index.html"));
    // Years with incidents, local: 2023 (i1, i2, and i3 on Dec 31), 2024, 2025.
    let head = rows(&doc, "table thead tr");
    assert_eq!(
        head[0],
        strings(&["Factor", "2023", "2024", "2025", "Total"])
    );
    // change: i1, i3 (2023); i4 (2024); i6 (2025) → 2, 1, 1 = 4.
    // capacity: i2; i5; i6 → 1, 1, 1 = 3. dependency: i3; i4; i7 → 1, 1, 1 = 3.
    // monitoring-gap: i2; —; i6, i8 → 1, 0, 2 = 3. hardware: only the draft names it → 0.
    assert_eq!(
        table(&doc, "factors-per-year-heading"),
        [
            strings(&["Change or deploy", "2", "1", "1", "4"]),
            strings(&["Capacity", "1", "1", "1", "3"]),
            strings(&["Dependency", "1", "1", "1", "3"]),
            strings(&["Monitoring gap", "1", "0", "2", "3"]),
            strings(&["Hardware", "0", "0", "0", "0"]),
        ]
    );
    // Descriptions are Markdown; the link survives.
    assert!(attrs(&doc, "dd a", "href").contains(&"https://example.com/alerts".to_string()));

    // The factor's page: per year, then its incidents newest first with this incident's note.
    let doc = html(&public.join("factors/change/index.html"));
    assert_eq!(
        rows(&doc, "[aria-labelledby=\"per-year-heading\"] table tr"),
        [
            strings(&["Year", "2023", "2024", "2025"]),
            strings(&["Incidents", "2", "1", "1"])
        ]
    );
    assert_eq!(
        table(&doc, "factor-incidents-heading"),
        [
            strings(&[
                "Feb 2, 2025",
                "Launch day overload",
                "Severity: Critical",
                "Launch config."
            ]),
            strings(&[
                "Apr 20, 2024",
                "DNS provider hiccup",
                "Severity: Minor",
                "We had just moved zones."
            ]),
            strings(&[
                "Dec 31, 2023",
                "New Year's Eve outage",
                "Severity: Critical",
                "A certificate rotation."
            ]),
            strings(&[
                "Mar 10, 2023",
                "Deploy broke logins",
                "Severity: Minor",
                "A config flag was renamed."
            ]),
        ]
    );
    // The note is Markdown.
    assert!(common::read(&public.join("factors/change/index.html")).contains("<em>renamed</em>"));
    // An empty note says so.
    let gap = main_text(&public.join("factors/monitoring-gap/index.html"));
    assert!(
        gap.contains("Launch day overload Severity: Critical No note"),
        "{gap}"
    );
    // A factor no incident names still has its page.
    let hw = main_text(&public.join("factors/hardware/index.html"));
    assert!(
        hw.contains("Contributed to 0 incidents") && hw.contains("No incident names this factor"),
        "{hw}"
    );
}

#[test]
fn drafts_count_only_when_built() {
    let (_d, public) = built(&["--drafts"]);
    let doc = html(&public.join("factors/index.html"));
    // The draft (2025) adds hardware there.
    let hw = table(&doc, "factors-per-year-heading").pop().unwrap();
    assert_eq!(hw, strings(&["Hardware", "0", "0", "1", "1"]));
    // And its open ops item (due 2025-06-30, not overdue): 14 items, 6 open, 8 of 14 closed
    // (8 × 100 / 14 = 57.1 → 57%).
    let text = main_text(&public.join("actions/index.html"));
    assert!(text.contains("8 of 14 (57%)"), "{text}");
}

#[test]
fn action_register_numbers_order_and_owners() {
    let (_d, public) = built(&[]);
    let path = public.join("actions/index.html");
    let doc = html(&path);
    let facts: Vec<String> = texts(&doc, ".action-summary dd");
    // 13 items: i1 1, i2 2, i3 2, i4 1, i5 2, i6 2, i7 2, i8 1.
    // Open (open or in progress): runbook (i3), DNS provider (i4), batch pool (i5), load test
    // (i6), queue payments (i7) = 5. Overdue (due before Jun 15, 2025): runbook (Feb 1, 2024),
    // batch pool (Jun 14, 2025) = 2; queue payments is due today, not overdue.
    // Closed = 13 − 5 = 8: 8 × 100 / 13 = 61.5 → 61% (rounded down).
    // Time to close, from the local resolution date to `closed`:
    //   i1 Mar 10 → Mar 15, 2023: 5; i2 Aug 5 → Aug 25: 20, → Sep 4: 30;
    //   i3 resolved 02:00 EST Jan 1, 2024 → Jan 11: 10; i5 resolved 00:00 EDT Sep 10 → Sep 30: 20;
    //   i7 May 1 → May 11, 2025: 10. Not counted: i6's autoscale item (no closed date) and
    //   i8's (its incident is unresolved). Sorted [5, 10, 10, 20, 20, 30]: n = 6, median
    //   (10 + 20) / 2 = 15.
    assert_eq!(
        facts,
        strings(&[
            "13",
            "5",
            "2",
            "8 of 13 (61%) done or won’t do",
            "15 days (n = 6)"
        ])
    );
    // Open first: by due date (the overdue ones are the earliest), undated last; then closed,
    // latest closed first, undated last.
    let register = table(&doc, "register-heading");
    let titles: Vec<&str> = register.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(
        titles,
        [
            "Write a rotation runbook",
            "Separate batch pool",
            "Queue payments during provider outages",
            "Add a second DNS provider",
            "Load test before launches",
            "Page on error rate",
            "Time out faster",
            "Cap batch concurrency",
            "Rotate certificates in daylight",
            "Rewrite the queue",
            "Alert on queue depth",
            "Check renamed flags in CI",
            "Autoscale the web tier",
        ]
    );
    // Overdue is said in words, on exactly the two overdue rows.
    let overdue: Vec<bool> = register.iter().map(|r| r[4].contains("Overdue")).collect();
    let mut expected = vec![false; 13];
    expected[0] = true;
    expected[1] = true;
    assert_eq!(overdue, expected);
    assert_eq!(
        register[0],
        strings(&[
            "Write a rotation runbook",
            "New Year's Eve outage",
            "No owner",
            "Open",
            "Feb 1, 2024 Overdue",
            ""
        ])
    );
    assert_eq!(register[5][5], "Jun 15, 2025");
    // The item with a link links it.
    assert!(attrs(&doc, "table.register a", "href")
        .contains(&"https://tracker.example.com/DB-9".to_string()));

    // By owner: db team (i1, i3, i5, i6 open, i7) = 1 open, 0 overdue, 4 closed, 5 in all;
    // ops (i7 open due today, i8 done) = 1, 0, 1, 2; platform (i2 ×2 closed, i4 in progress,
    // i5 overdue, i6 done) = 2, 1, 3, 5; no owner (the runbook) = 1, 1, 0, 1.
    assert_eq!(
        table(&doc, "owners-heading"),
        [
            strings(&["db team", "1", "0", "4", "5"]),
            strings(&["ops", "1", "0", "1", "2"]),
            strings(&["platform", "2", "1", "3", "5"]),
            strings(&["No owner", "1", "1", "0", "1"]),
        ]
    );
    // Each row links to the owner's section, which lists the owner's items.
    let links = attrs(&doc, "[aria-labelledby=\"owners-heading\"] a", "href");
    assert_eq!(
        links,
        [
            "#owner-db-team",
            "#owner-ops",
            "#owner-platform",
            "#owner-none"
        ]
    );
    for l in &links {
        assert_eq!(texts(&doc, &format!("h3{l}")).len(), 1, "{l}");
    }
    // An owner's section lists only what is still open: platform has 5 items, 2 of them open
    // (the overdue batch-pool item first, then the DNS provider item in progress).
    let platform = texts(&doc, "h3#owner-platform + ul li");
    assert_eq!(platform.len(), 2, "{platform:?}");
    assert!(
        platform[1].starts_with("Add a second DNS provider"),
        "{platform:?}"
    );
    assert!(
        platform[0].starts_with("Separate batch pool") && platform[0].ends_with("Overdue"),
        "{platform:?}"
    );
}

#[test]
fn severities_with_percentiles_and_their_pages() {
    let (_d, public) = built(&[]);
    let text = main_text(&public.join("severities/index.html"));
    // Minor: i1 1h, i4 30m, i9 2h (i8 ongoing, not measured): sorted [30m, 1h, 2h];
    //   median 1h; p75 nearest rank ⌈0.75 × 3⌉ = 3 → 2h; p90 ⌈2.7⌉ = 3 → 2h; n = 3; 4 incidents.
    // Major: i2 2h, i7 6h, i5 8h: median 6h, p75 and p90 rank 3 → 8h; n = 3.
    // Critical: i6 1h 30m, i3 4h: median (5400 + 14400) / 2 = 9900 s = 2h 45m;
    //   p75 ⌈1.5⌉ = 2 → 4h; p90 ⌈1.8⌉ = 2 → 4h; n = 2.
    for want in [
        "4 incidents of severity Minor",
        "median 1h, 75th percentile 2h, 90th percentile 2h (n = 3 resolved)",
        "median 6h, 75th percentile 8h, 90th percentile 8h (n = 3 resolved)",
        "median 2h 45m, 75th percentile 4h, 90th percentile 4h (n = 2 resolved)",
        "Slower, some errors; most people can still work.",
    ] {
        assert!(text.contains(want), "{want}: {text}");
    }
    // The severity's page lists its incidents newest first.
    let doc = html(&public.join("severities/minor/index.html"));
    assert_eq!(
        texts(&doc, ".incident-list .incident-title"),
        [
            "Elevated errors",
            "Slow search",
            "DNS provider hiccup",
            "Deploy broke logins"
        ]
    );
    // The same numbers on /stats/, by severity.
    let stats = html(&public.join("stats/index.html"));
    assert_eq!(
        table(&stats, "by-severity-heading"),
        [
            strings(&["Minor", "1h", "2h", "2h", "3"]),
            strings(&["Major", "6h", "8h", "8h", "3"]),
            strings(&["Critical", "2h 45m", "4h", "4h", "2"]),
        ]
    );
}

#[test]
fn stats_chart_spans_the_history() {
    let (_d, public) = built(&[]);
    let doc = html(&public.join("stats/index.html"));
    // From i1's month (Mar 2023) to now's (Jun 2025): 10 + 12 + 6 = 28 months, one bar each.
    let months = rows(&doc, "table.months-table tbody tr");
    assert_eq!(months.len(), 28);
    assert_eq!(months[0], strings(&["Mar 2023", "1", "0", "0", "1"]));
    // i3 counts in December 2023, its local month.
    let dec = months.iter().find(|r| r[0] == "Dec 2023").unwrap();
    assert_eq!(dec, &strings(&["Dec 2023", "0", "0", "1", "1"]));
    assert_eq!(months[27], strings(&["Jun 2025", "1", "0", "0", "1"]));
    assert_eq!(texts(&doc, "svg.chart-svg g title").len(), 28);
    // Every bar's label is in the chart: the first and the last.
    let titles = texts(&doc, "svg.chart-svg g title");
    assert!(titles[0].starts_with("Mar 2023: 1 incident"), "{titles:?}");
    assert!(titles[27].starts_with("Jun 2025: 1 incident"), "{titles:?}");
    // Incidents per factor per year, as on /factors/.
    assert_eq!(
        table(&doc, "per-factor-heading")[0],
        strings(&["Change or deploy", "2", "1", "1", "4"])
    );
}
