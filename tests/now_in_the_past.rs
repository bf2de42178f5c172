//! `--now` in the past builds the site as it stood then: the example site (the repository
//! root) built at three instants of one incident, "Writes failed on 38 Managed Postgres
//! clusters after failover" (content/2025-11-04-postgres-failover-stalled-writes.md).
//!
//! From that file (all times UTC): started 09:14:20, detected 09:16:05; entries at 09:19
//! investigating, 09:33 identified, 09:52 update, 10:01 monitoring, 10:31 resolved, and
//! Nov 12 17:00 postmortem. Severity critical (impact `critical`, level major_outage) on the
//! `database` component.

mod common;
use common::*;
use std::path::{Path, PathBuf};

const SLUG: &str = "2025-11-04-postgres-failover-stalled-writes";

/// The example site built as of `now` into a temporary folder.
fn build_at(now: &str) -> (tempfile::TempDir, PathBuf) {
    let out = tempfile::tempdir().unwrap();
    let public = out.path().join("public");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let o = run(
        root,
        &["build", "--now", now, "--output", public.to_str().unwrap()],
    );
    assert!(o.status.success(), "build failed:\n{}", o.stderr);
    (out, public)
}

fn json(path: &Path) -> serde_json::Value {
    serde_json::from_str(&read(path)).unwrap()
}

/// The home page's overall banner heading, and its "all quiet" line if any.
fn home(public: &Path) -> (String, Option<String>) {
    let doc = html(&public.join("index.html"));
    let banner = texts(&doc, "#overall-heading").join(" ");
    let quiet = texts(&doc, "p.all-quiet").into_iter().next();
    (banner, quiet)
}

fn entry_statuses(public: &Path) -> Vec<String> {
    let doc = html(&public.join("incidents").join(SLUG).join("index.html"));
    texts(&doc, "ol.timeline li.entry .entry-meta .status")
}

fn summary(public: &Path) -> serde_json::Value {
    json(&public.join("api/v2/summary.json"))
}

/// The database component's status in the components API.
fn database_status(public: &Path) -> String {
    let c = json(&public.join("api/v2/components.json"));
    let db = c["components"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "database")
        .cloned();
    db.map(|d| d["status"].as_str().unwrap_or_default().to_string())
        .unwrap_or_default()
}

#[test]
fn before_the_incident_started_it_is_not_there() {
    // 09:10 is before 09:14:20 and before its first entry (09:19): the incident does not
    // exist yet. Nothing else in content/ is ongoing then (every earlier incident is
    // resolved; the next one starts in 2026), so the banner is all clear and "all quiet".
    let (_t, public) = build_at("2025-11-04T09:10:00Z");
    assert!(!public.join("incidents").join(SLUG).exists());
    let (banner, quiet) = home(&public);
    assert!(banner.contains("All systems operational"), "{banner}");
    assert!(
        quiet.is_some_and(|q| q.contains("no ongoing incidents as of Nov 4, 2025, 9:10 AM UTC")),
        "the quiet line agrees with the banner"
    );
    let s = summary(&public);
    assert_eq!(s["status"]["indicator"], "none");
    assert_eq!(s["incidents"].as_array().unwrap().len(), 0);
    // Nothing from later: no incident of 2026 in the history or the feed.
    let feed = read(&public.join("feed.xml"));
    assert!(
        !feed.contains(SLUG) && !feed.contains("2026-"),
        "no later incident"
    );
    assert_eq!(database_status(&public), "operational");
}

#[test]
fn while_identified_only_the_entries_so_far_show() {
    // 09:40: after the 09:19 investigating and 09:33 identified entries, before the 09:52
    // update. Its status is identified, it is unresolved, and its critical impact makes the
    // page's indicator critical; the database component is at major_outage.
    let (_t, public) = build_at("2025-11-04T09:40:00Z");
    assert_eq!(entry_statuses(&public), ["Investigating", "Identified"]);
    let (banner, quiet) = home(&public);
    assert!(banner.contains("Major outage"), "{banner}");
    assert!(quiet.is_none(), "not quiet while it is ongoing");
    let doc = html(&public.join("index.html"));
    let ongoing = texts(&doc, "section.ongoing ul.incident-list > li");
    assert_eq!(ongoing.len(), 1);
    assert!(ongoing[0].contains("Writes failed on 38 Managed Postgres clusters"));
    // Ongoing for 09:40:00 - 09:14:20 = 25m 40s.
    assert!(ongoing[0].contains("Ongoing for 25m 40s"), "{}", ongoing[0]);
    let s = summary(&public);
    assert_eq!(s["status"]["indicator"], "critical");
    let incidents = s["incidents"].as_array().unwrap();
    assert_eq!(incidents.len(), 1);
    assert_eq!(incidents[0]["status"], "identified");
    assert_eq!(
        incidents[0]["incident_updates"].as_array().unwrap().len(),
        2
    );
    assert_eq!(incidents[0]["resolved_at"], serde_json::Value::Null);
    let page = json(&public.join("incidents").join(SLUG).join("index.json"));
    assert_eq!(page["status"]["id"], "identified");
    assert_eq!(page["ongoing"], true);
    assert_eq!(page["resolved"], serde_json::Value::Null);
    assert_eq!(page["timeline"].as_array().unwrap().len(), 2);
    // The feed has the incident but not the later updates' text.
    let feed = read(&public.join("feed.xml"));
    assert!(feed.contains("Writes failed on 38 Managed Postgres"));
    assert!(!feed.contains("All 38 clusters accept reads and writes again"));
    assert_eq!(database_status(&public), "major_outage");
}

#[test]
fn after_it_resolved_it_is_resolved_and_the_postmortem_entry_is_not_yet_there() {
    // Nov 5 00:00: resolved at 10:31 the day before; the postmortem entry (Nov 12) is still
    // to come, so five entries show and the status is resolved.
    let (_t, public) = build_at("2025-11-05T00:00:00Z");
    assert_eq!(
        entry_statuses(&public),
        [
            "Investigating",
            "Identified",
            "Update",
            "Monitoring",
            "Resolved"
        ]
    );
    let (banner, quiet) = home(&public);
    assert!(banner.contains("All systems operational"), "{banner}");
    assert!(quiet.is_some());
    let s = summary(&public);
    assert_eq!(s["status"]["indicator"], "none");
    assert_eq!(s["incidents"].as_array().unwrap().len(), 0);
    let page = json(&public.join("incidents").join(SLUG).join("index.json"));
    assert_eq!(page["status"]["id"], "resolved");
    assert_eq!(page["resolved"], "2025-11-04T10:31:00+00:00");
    // 10:31:00 - 09:14:20 = 1h 16m 40s = 4600 s.
    assert_eq!(page["duration_seconds"], 4600);
    // Uptime up to now: the 30-day window ends at now (Nov 5 00:00) and holds the 4600 s
    // major outage (weight 1.0) of the database: 1 - 4600 / (30 * 86400) = 99.82253...%.
    // 90 days: 1 - 4600 / 7_776_000 = 99.9408...%. Rounded down to two decimals.
    let doc = html(&public.join("components/database/index.html"));
    let facts = texts(&doc, "dl.facts > div");
    assert!(
        facts.contains(&"Uptime, 30 days99.82%".to_string()),
        "{facts:?}"
    );
    assert!(
        facts.contains(&"Uptime, 90 days99.94%".to_string()),
        "{facts:?}"
    );
    assert_eq!(database_status(&public), "operational");
}
