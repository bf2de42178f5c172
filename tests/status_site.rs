//! Component status, uptime, day bars and maintenance on tests/fixtures/status, with every
//! figure computed by hand. now = 2024-11-04T17:00:00Z; the site zone is America/New_York,
//! where daylight saving time ended on Sunday 2024-11-03 (a 25-hour day).

mod common;

use common::{copy_dir, html, read, rows, run, texts, tree};
use std::path::{Path, PathBuf};

const NOW: &str = "2024-11-04T17:00:00Z";

fn built() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/status"),
        dir.path(),
    );
    let out = run(dir.path(), &["build", "--now", NOW]);
    assert!(out.status.success(), "{}", out.stderr);
    let public = dir.path().join("public");
    (dir, public)
}

/// All text of the page's <main>, whitespace collapsed.
fn main_text(path: &Path) -> String {
    texts(&html(path), "main").join(" ")
}

#[test]
fn uptime_figures_computed_by_hand() {
    let (_d, public) = built();
    // api: 4 h (clock change) + 1 h (late night) of major outage = 18 000 s.
    //   30 d: 100 × (1 − 18000/2592000)  = 99.3055… → 99.30%
    //   90 d: 100 × (1 − 18000/7776000)  = 99.7685… → 99.76%
    //  365 d: 100 × (1 − 18000/31536000) = 99.9429… → 99.94%
    let api = main_text(&public.join("components/api/index.html"));
    for p in ["99.30%", "99.76%", "99.94%"] {
        assert!(api.contains(p), "api page lacks {p}: {api}");
    }
    // web: partial outage since 15:00Z, ongoing at 17:00Z: 7200 s × 0.3 = 2160 s.
    //   30 d: 99.9166… → 99.91%; 90 d: 99.9722… → 99.97%; 365 d: 99.9931… → 99.99%
    let web = main_text(&public.join("components/web/index.html"));
    for p in ["99.91%", "99.97%", "99.99%"] {
        assert!(web.contains(p), "web page lacks {p}: {web}");
    }
    // A component without incidents: exactly 100.00%.
    let quiet = main_text(&public.join("components/quiet/index.html"));
    assert!(quiet.contains("100.00%"), "{quiet}");
    assert!(!quiet.contains("99."), "{quiet}");
    // newbie counts from 2024-11-01 00:00 EDT (04:00Z): 85 h = 306 000 s, in every window.
    // The Oct 20 outage is before `since`; Nov 2 has 1800 s of major outage:
    //   100 × (1 − 1800/306000) = 99.4117… → 99.41%
    let newbie = main_text(&public.join("components/newbie/index.html"));
    assert!(newbie.contains("99.41%"), "{newbie}");
    assert!(
        !newbie.contains("98.") && !newbie.contains("100.00%"),
        "{newbie}"
    );
    assert!(read(&public.join("components/newbie/index.html")).contains("Oct 31, 2024: no data."));
}

#[test]
fn day_bars_are_cut_at_local_midnight_across_dst() {
    let (_d, public) = built();
    let page = read(&public.join("components/api/index.html"));
    // Nov 3 is 04:00Z to 05:00Z next day (25 h): 240 min of the clock-change outage plus the
    // first 30 min of the late-night one (04:30Z–05:00Z). A 24-hour day would give 240.
    assert!(
        page.contains("Nov 3, 2024: Major outage for 270 min. Incidents: Late-night API errors, API down across the clock change."),
        "{page}"
    );
    assert!(
        page.contains("Nov 4, 2024: Major outage for 30 min. Incidents: Late-night API errors.")
    );
    assert!(page.contains("Nov 2, 2024: no downtime."));
    // 90 bars: the oldest is 89 days before today (Nov 4): Aug 7.
    assert!(page.contains("Aug 7, 2024: no downtime."));
    assert!(!page.contains("Aug 6, 2024:"));
}

#[test]
fn current_status_and_maintenance() {
    let (_d, public) = built();
    // api: the incidents are over, the maintenance 16:00–18:00Z is active.
    let api = main_text(&public.join("components/api/index.html"));
    assert!(api.contains("Under maintenance"), "{api}");
    // web: an ongoing major incident (partial outage).
    assert!(main_text(&public.join("components/web/index.html")).contains("Partial outage"));
    // quiet: its maintenance is next week: still operational, and listed as upcoming.
    let quiet = main_text(&public.join("components/quiet/index.html"));
    assert!(quiet.contains("Operational"), "{quiet}");
    assert!(quiet.contains("Quiet service move"), "{quiet}");
    // Home: the worst state leads, with the incident causing it; both maintenances listed.
    let home = main_text(&public.join("index.html"));
    assert!(home.contains("Partial outage"), "{home}");
    assert!(home.contains("Website slow to load"));
    assert!(
        home.contains("API database upgrade") && home.contains("Quiet service move"),
        "{home}"
    );
    // Maintenance pages, with their status at now.
    let m = main_text(&public.join("maintenance/api-maintenance/index.html"));
    assert!(m.contains("In progress"), "{m}");
    let q = main_text(&public.join("maintenance/quiet-maintenance/index.html"));
    assert!(q.contains("Scheduled"), "{q}");
    // A future window does not put its components under maintenance yet.
    assert!(
        q.contains("Under maintenance from Nov 9, 2024, 9:00 PM EST"),
        "{q}"
    );
    assert!(
        m.contains("Under maintenance") && !m.contains("Under maintenance from"),
        "{m}"
    );
    // Maintenance is not an incident: not in the history archive.
    let history = read(&public.join("history/index.html"));
    assert!(!history.contains("API database upgrade"));
    assert!(!public.join("incidents/api-maintenance").exists());
}

#[test]
fn maintenance_never_counts_as_downtime() {
    let (dir, public) = built();
    let before = main_text(&public.join("components/api/index.html"));
    assert!(before.contains("99.30%"));
    // Without the maintenance the figures are the same.
    std::fs::remove_file(dir.path().join("content/api-maintenance.md")).unwrap();
    let out = run(dir.path(), &["build", "--now", NOW]);
    assert!(out.status.success(), "{}", out.stderr);
    let after = main_text(&public.join("components/api/index.html"));
    assert!(
        after.contains("99.30%") && after.contains("Operational"),
        "{after}"
    );
}

#[test]
fn hidden_components_appear_nowhere() {
    let (_d, public) = built();
    assert!(!public.join("components/secret").exists());
    for (path, bytes) in tree(&public) {
        let text = String::from_utf8_lossy(&bytes);
        assert!(!text.contains("Secret backend"), "{}", path.display());
        assert!(!text.contains("components/secret"), "{}", path.display());
    }
    // Every visible component has a page and is on /components/.
    let index = read(&public.join("components/index.html"));
    for id in ["api", "web", "quiet", "newbie"] {
        assert!(public.join(format!("components/{id}/index.html")).is_file());
        assert!(index.contains(&format!("/components/{id}/")), "{id}");
    }
}

#[test]
fn resolve_stats_on_component_and_stats_pages() {
    let (_d, public) = built();
    // api over 90 days: 4 h and 1 h → median 2h 30m, longest 4h.
    let api = main_text(&public.join("components/api/index.html"));
    assert!(api.contains("2h 30m") && api.contains("4h"), "{api}");
    // Stats: Nov 2024 has 4 incidents (clock change, late night, web, newbie after), Oct 1.
    let stats = html(&public.join("stats/index.html"));
    let table = rows(&stats, "table tr");
    let cells = |first: &str| {
        table
            .iter()
            .find(|r| r.first().is_some_and(|c| c == first))
            .cloned()
    };
    // Columns: month, minor, major, critical, total.
    let nov: Vec<String> = ["Nov 2024", "0", "1", "3", "4"].map(String::from).to_vec();
    assert_eq!(cells("Nov 2024"), Some(nov), "{table:?}");
    assert_eq!(cells("Oct 2024").unwrap()[4], "1");
    // The oldest incident is of Oct 2024, so the chart shows its minimum span, the last 12
    // months: Dec 2023 to Nov 2024.
    assert!(cells("Dec 2023").is_some() && cells("Nov 2023").is_none());
    // Time to resolve over [30m, 1h, 1h, 4h]: median 1h, p75 (nearest rank 3 of 4) 1h, p90
    // (nearest rank 4 of 4) 4h, 4 samples.
    assert_eq!(
        cells("Time to resolve").unwrap()[1..],
        ["1h", "1h", "4h", "4"]
    );
    // Incidents per component, most first; hidden ones left out.
    assert_eq!(cells("API").unwrap()[1], "2");
    assert_eq!(cells("Quiet service").unwrap()[1], "0");
    // The chart has a text alternative.
    assert!(read(&public.join("stats/index.html")).contains("role=\"img\""));
}
