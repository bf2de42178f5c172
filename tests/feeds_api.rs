//! Feeds, the Statuspage-shaped API, `index.json` and `maintenance.ics` on tests/fixtures/api,
//! parsed with real parsers (feed-rs, serde_json, ical) and compared with values worked out by
//! hand from the fixture's files.
//!
//! now = 2024-11-10T20:00:00Z = 12:00 PST. The site zone is America/Los_Angeles: October dates
//! print with -07:00, November dates after the 3rd with -08:00.

mod common;

use common::{copy_dir, read, run};
use serde_json::{json, Value};
use std::path::{Path, PathBuf};

const NOW: &str = "2024-11-10T20:00:00Z";
const BASE: &str = "https://status.acme.test/sub/";

fn built() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/api"),
        dir.path(),
    );
    let out = run(dir.path(), &["build", "--now", NOW]);
    assert!(out.status.success(), "{}", out.stderr);
    let public = dir.path().join("public");
    (dir, public)
}

fn json_file(public: &Path, rel: &str) -> Value {
    serde_json::from_str(&read(&public.join(rel))).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

fn feed(public: &Path, rel: &str) -> feed_rs::model::Feed {
    let bytes = std::fs::read(public.join(rel)).unwrap();
    feed_rs::parser::parse(&bytes[..]).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

fn ids(f: &feed_rs::model::Feed) -> Vec<String> {
    f.entries.iter().map(|e| e.id.clone()).collect()
}

fn tag(path: &str, year: i32) -> String {
    format!("tag:status.acme.test,{year}:/sub/{path}")
}

fn utc(s: &str) -> chrono::DateTime<chrono::Utc> {
    chrono::DateTime::parse_from_rfc3339(s)
        .unwrap()
        .with_timezone(&chrono::Utc)
}

#[test]
fn site_feeds_hold_the_newest_entries_with_stable_ids_and_dates() {
    let (_d, public) = built();
    // Latest change first (limit = 4 in site.toml): the ongoing incident (identified at
    // 19:00Z) and the maintenance whose window opened at 19:00Z tie on `updated`; the one
    // published later (the incident, 18:00Z) comes first. The draft never appears.
    let want = vec![
        tag("incidents/ongoing", 2024),
        tag("maintenance/maint-now", 2024),
        tag("maintenance/maint-next", 2024),
        tag("incidents/escaping", 2024),
    ];
    let atom = feed(&public, "feed.xml");
    let rss = feed(&public, "rss.xml");
    assert_eq!(ids(&atom), want);
    assert_eq!(ids(&rss), want);
    assert_eq!(atom.feed_type, feed_rs::model::FeedType::Atom);
    assert_eq!(rss.feed_type, feed_rs::model::FeedType::RSS2);

    let title =
        |f: &feed_rs::model::Feed, n: usize| f.entries[n].title.as_ref().unwrap().content.clone();
    // Open items carry their status; a resolved one does not.
    assert_eq!(title(&atom, 0), "[Identified] Slow website");
    assert_eq!(title(&atom, 1), "[In progress] Core API patching");
    assert!(title(&atom, 2).starts_with("[Scheduled] Website move"));
    assert_eq!(
        title(&atom, 3),
        "Broken <script>alert(\"x\")</script> & 'quotes' ]]>"
    );
    assert_eq!(title(&rss, 3), title(&atom, 3));

    // published = start (maintenance: when announced); updated = latest change.
    let e = &atom.entries[0];
    assert_eq!(e.published, Some(utc("2024-11-10T18:00:00Z")));
    assert_eq!(e.updated, Some(utc("2024-11-10T19:00:00Z")));
    let m = &atom.entries[1];
    assert_eq!(m.published, Some(utc("2024-11-01T16:00:00Z")));
    assert_eq!(m.updated, Some(utc("2024-11-10T19:00:00Z")));
    assert_eq!(rss.entries[0].published, Some(utc("2024-11-10T18:00:00Z")));
    assert_eq!(atom.updated, Some(utc("2024-11-10T19:00:00Z")));

    // Links and categories: severity (or maintenance) first, then components.
    assert_eq!(e.links[0].href, format!("{BASE}incidents/ongoing/"));
    let terms: Vec<&str> = e.categories.iter().map(|c| c.term.as_str()).collect();
    assert_eq!(terms, ["sev3", "web"]);
    assert_eq!(e.categories[1].label.as_deref(), Some("Website"));
    let mterms: Vec<&str> = m.categories.iter().map(|c| c.term.as_str()).collect();
    assert_eq!(mterms, ["maintenance", "core"]);

    // Autodiscovery in every page head.
    let home = read(&public.join("index.html"));
    assert!(home.contains(
        "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Acme &lt;Status&gt; &amp; &quot;Co&quot;: all updates (Atom)\" href=\"/sub/feed.xml\">"
    ), "{home}");
    assert!(home.contains("type=\"application/rss+xml\""));
    let comp = read(&public.join("components/web/index.html"));
    assert!(comp.contains("href=\"/sub/components/web/feed.xml\""));
    assert!(comp.contains("href=\"/sub/components/web/rss.xml\""));
}

#[test]
fn component_feeds_list_only_their_incidents() {
    let (_d, public) = built();
    assert_eq!(
        ids(&feed(&public, "components/core/feed.xml")),
        [
            tag("maintenance/maint-now", 2024),
            tag("incidents/db-outage", 2024)
        ]
    );
    assert_eq!(
        ids(&feed(&public, "components/db/rss.xml")),
        [
            tag("maintenance/maint-done", 2024),
            tag("incidents/db-outage", 2024),
            tag("incidents/old", 2023)
        ]
    );
    assert_eq!(
        ids(&feed(&public, "components/web/feed.xml")),
        [
            tag("incidents/ongoing", 2024),
            tag("maintenance/maint-next", 2024),
            tag("incidents/escaping", 2024)
        ]
    );
    // Hidden components have no feed.
    assert!(!public.join("components/secret").exists());
}

#[test]
fn entry_content_has_every_update_with_full_dates_and_absolute_links() {
    let (_d, public) = built();
    let atom = feed(&public, "components/core/feed.xml");
    let db = &atom.entries[1];
    let html = db.content.as_ref().unwrap().body.clone().unwrap();
    for want in [
        "<p>Writes failed for an hour.</p>",
        "<strong>Severity:</strong> SEV 1",
        "<strong>Duration:</strong> 1h",
        // Hidden components are left out; names are escaped.
        "<strong>Components:</strong> Core API, Database &amp; &lt;Storage&gt;</li>",
        "Oct 1, 2024, 9:05\u{202f}AM PDT",
        "Oct 3, 2024, 12:00\u{202f}PM PDT",
        // Links and images resolved against the incident's page.
        "href=\"https://status.acme.test/sub/runbook/\"",
        "src=\"https://status.acme.test/sub/incidents/db-outage/graph.svg\"",
        "href=\"https://status.acme.test/sub/incidents/db-outage/#root-cause\"",
        "<h2>Postmortem</h2>",
    ] {
        assert!(html.contains(want), "missing {want:?} in {html}");
    }
    assert!(!html.contains("Secret"));
    // Newest update first.
    let pm = html.find("Postmortem published.").unwrap();
    let inv = html.find("Writes are failing.").unwrap();
    assert!(pm < inv);
    // The RSS twin carries the same HTML.
    let rss = feed(&public, "components/core/rss.xml");
    let desc = rss.entries[1].summary.as_ref().unwrap().content.clone();
    assert!(desc.contains("Oct 1, 2024, 9:05\u{202f}AM PDT"), "{desc}");

    // User text is escaped in every feed: nothing raw survives, and it parses back intact.
    let web = feed(&public, "components/web/rss.xml");
    let esc = &web.entries[2];
    let body = esc.summary.as_ref().unwrap().content.clone();
    assert!(
        body.contains("Summary &lt;b&gt;bold&lt;/b&gt; &amp; &quot;quoted&quot; ]]&gt;"),
        "{body}"
    );
    // U+2028 is a valid XML character and is kept as written.
    assert!(read(&public.join("components/web/rss.xml")).contains("]]&gt; \u{2028} end</p>"));
    assert!(
        body.contains("Checking &lt;script&gt;x&lt;/script&gt; &amp; more."),
        "{body}"
    );
    for rel in [
        "feed.xml",
        "rss.xml",
        "components/web/feed.xml",
        "components/web/rss.xml",
    ] {
        let xml = read(&public.join(rel));
        assert!(!xml.contains("<script>"), "{rel}");
        assert!(!xml.contains("<b>bold"), "{rel}");
    }
}

#[test]
fn feeds_are_byte_identical_across_builds_and_ids_survive_edits() {
    let (dir, public) = built();
    let first = read(&public.join("feed.xml"));
    let out = run(dir.path(), &["build", "--now", NOW]);
    assert!(out.status.success());
    assert_eq!(first, read(&public.join("feed.xml")));
    // A new update changes `updated`, never the id.
    let path = dir.path().join("content/ongoing.md");
    let src = read(&path);
    let extra = "\n[[timeline]]\nat = 2024-11-10T11:30:00-08:00\nstatus = \"monitoring\"\nmessage = \"Cache node replaced.\"\n+++\n";
    let edited = format!("{}{extra}", src.trim_end().trim_end_matches("+++"));
    std::fs::write(&path, edited).unwrap();
    let out = run(dir.path(), &["build", "--now", NOW]);
    assert!(out.status.success(), "{}", out.stderr);
    let atom = feed(&public, "feed.xml");
    assert_eq!(atom.entries[0].id, tag("incidents/ongoing", 2024));
    assert_eq!(atom.entries[0].updated, Some(utc("2024-11-10T19:30:00Z")));
    assert_eq!(
        atom.entries[0].title.as_ref().unwrap().content,
        "[Monitoring] Slow website"
    );
}

/// The component objects, worked out by hand: positions follow the group, then ungrouped
/// components; the group's id clashes with component `core`, so it becomes `group-core`.
fn components(page_id: &str) -> Value {
    json!([
        {
            "id": "group-core", "name": "Core", "status": "under_maintenance",
            // First member created (db's `since`), latest member change (core's maintenance).
            "created_at": "2024-01-01T00:00:00-08:00", "updated_at": "2024-11-10T11:00:00-08:00",
            "position": 1, "description": "The backend.", "showcase": false, "start_date": null,
            "group_id": null, "page_id": page_id, "group": true, "only_show_if_degraded": false,
            "components": ["core", "db"]
        },
        {
            "id": "core", "name": "Core API", "status": "under_maintenance",
            "created_at": "2024-10-01T09:00:00-07:00", "updated_at": "2024-11-10T11:00:00-08:00",
            "position": 2, "description": null, "showcase": true, "start_date": null,
            "group_id": "group-core", "page_id": page_id, "group": false,
            "only_show_if_degraded": false
        },
        {
            "id": "db", "name": "Database & <Storage>", "status": "operational",
            "created_at": "2024-01-01T00:00:00-08:00", "updated_at": "2024-10-05T02:40:00-07:00",
            "position": 3, "description": "Primary data store.", "showcase": true,
            "start_date": "2024-01-01", "group_id": "group-core", "page_id": page_id,
            "group": false, "only_show_if_degraded": false
        },
        {
            "id": "web", "name": "Website", "status": "degraded_performance",
            "created_at": "2024-10-20T08:00:00-07:00", "updated_at": "2024-11-10T10:00:00-08:00",
            "position": 4, "description": null, "showcase": true, "start_date": null,
            "group_id": null, "page_id": page_id, "group": false, "only_show_if_degraded": false
        }
    ])
}

fn update(slug: &str, n: usize, status: &str, body: &str, at: &str, affected: Value) -> Value {
    json!({
        "id": format!("{slug}-{n}"), "status": status, "body": body, "incident_id": slug,
        "created_at": at, "updated_at": at, "display_at": at,
        "affected_components": affected, "deliver_notifications": true,
        "custom_tweet": null, "tweet_id": null
    })
}

fn change(code: &str, name: &str, old: &str, new: &str) -> Value {
    json!({"code": code, "name": name, "old_status": old, "new_status": new})
}

#[test]
fn api_files_match_hand_written_expectations() {
    let (_d, public) = built();
    let status = json_file(&public, "api/v2/status.json");
    let page_id = status["page"]["id"].as_str().unwrap().to_string();
    assert_eq!(page_id.len(), 12);
    assert!(page_id
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()));
    let page = json!({
        "id": page_id, "name": "Acme <Status> & \"Co\"", "url": "https://status.acme.test/sub",
        "time_zone": "America/Los_Angeles",
        // The latest change up to now: the maintenance window opening at 19:00Z.
        "updated_at": "2024-11-10T11:00:00-08:00"
    });
    // The open incident's impact is `none` (sev3 maps to it), but the website is degraded.
    let st = json!({"indicator": "minor", "description": "Minor Service Outage"});
    assert_eq!(status, json!({"page": page, "status": st}));
    let comps = components(&page_id);
    assert_eq!(
        json_file(&public, "api/v2/components.json"),
        json!({"page": page, "components": comps})
    );
    let c = |id: &str| {
        comps
            .as_array()
            .unwrap()
            .iter()
            .find(|x| x["id"] == id)
            .unwrap()
            .clone()
    };

    let ongoing = json!({
        "id": "ongoing", "name": "Slow website", "status": "identified",
        "created_at": "2024-11-10T10:00:00-08:00", "updated_at": "2024-11-10T11:00:00-08:00",
        "monitoring_at": null, "resolved_at": null, "impact": "none",
        "shortlink": format!("{BASE}incidents/ongoing/"),
        "started_at": "2024-11-10T10:00:00-08:00", "page_id": page_id,
        "incident_updates": [
            update("ongoing", 2, "identified", "A cache node is down.", "2024-11-10T11:00:00-08:00", Value::Null),
            update("ongoing", 1, "investigating", "Pages load slowly.", "2024-11-10T10:00:00-08:00",
                json!([change("web", "Website", "operational", "degraded_performance")])),
        ],
        "components": [c("web")],
        "postmortem_body": null, "postmortem_published_at": null
    });
    // db: the severity's major outage from 09:00 to 10:00; core: its [[impact]], a partial
    // outage from 09:00 to 09:25. Each update lists what changed since the one before.
    let db = json!({
        "id": "db-outage", "name": "Database failover", "status": "postmortem",
        "created_at": "2024-10-01T09:05:00-07:00", "updated_at": "2024-10-03T12:00:00-07:00",
        "monitoring_at": "2024-10-01T09:45:00-07:00", "resolved_at": "2024-10-01T10:00:00-07:00",
        "impact": "critical", "shortlink": format!("{BASE}incidents/db-outage/"),
        "started_at": "2024-10-01T09:00:00-07:00", "page_id": page_id,
        "incident_updates": [
            update("db-outage", 6, "postmortem", "Postmortem published.", "2024-10-03T12:00:00-07:00", Value::Null),
            update("db-outage", 5, "resolved", "Resolved.", "2024-10-01T10:00:00-07:00",
                json!([change("db", "Database & <Storage>", "major_outage", "operational")])),
            update("db-outage", 4, "monitoring", "Writes are back.", "2024-10-01T09:45:00-07:00", Value::Null),
            // An `update` entry reports the status before it.
            update("db-outage", 3, "identified", "Failover started.", "2024-10-01T09:30:00-07:00",
                json!([change("core", "Core API", "partial_outage", "operational")])),
            update("db-outage", 2, "identified", "The primary is down.", "2024-10-01T09:20:00-07:00", Value::Null),
            update("db-outage", 1, "investigating", "Writes are failing. See [the runbook](../../runbook/).", "2024-10-01T09:05:00-07:00",
                json!([
                    change("core", "Core API", "operational", "partial_outage"),
                    change("db", "Database & <Storage>", "operational", "major_outage"),
                ])),
        ],
        "components": [c("core"), c("db")],
        "postmortem_body": "## Root cause\n\nThe primary ran out of disk. ![Disk graph](graph.svg)\n\nDetails in [the notes](#root-cause).",
        "postmortem_published_at": "2024-10-03T12:00:00-07:00"
    });
    assert_eq!(
        json_file(&public, "api/v2/incidents/unresolved.json"),
        json!({"page": page, "incidents": [ongoing]})
    );
    let all = json_file(&public, "api/v2/incidents.json");
    let list = all["incidents"].as_array().unwrap();
    let slugs: Vec<&str> = list.iter().map(|i| i["id"].as_str().unwrap()).collect();
    assert_eq!(slugs, ["ongoing", "escaping", "db-outage", "old"]);
    assert_eq!(list[0], ongoing);
    assert_eq!(list[2], db);
    assert_eq!(
        list[1]["name"],
        "Broken <script>alert(\"x\")</script> & 'quotes' ]]>"
    );
    assert_eq!(list[1]["impact"], "minor");
    assert_eq!(list[3]["impact"], "minor");
    assert_eq!(all["page"], page);

    // Maintenance: the one in its window is in progress by the clock.
    let now_m = json!({
        "id": "maint-now", "name": "Core API patching", "status": "in_progress",
        "created_at": "2024-11-01T09:00:00-07:00", "updated_at": "2024-11-10T11:00:00-08:00",
        "monitoring_at": null, "resolved_at": null, "impact": "maintenance",
        "shortlink": format!("{BASE}maintenance/maint-now/"),
        "started_at": "2024-11-10T11:00:00-08:00", "page_id": page_id,
        "incident_updates": [
            update("maint-now", 1, "scheduled", "Planned.", "2024-11-01T09:00:00-07:00", Value::Null),
        ],
        "components": [c("core")],
        "postmortem_body": null, "postmortem_published_at": null,
        "scheduled_for": "2024-11-10T11:00:00-08:00", "scheduled_until": "2024-11-10T13:00:00-08:00"
    });
    let done = json!({
        "id": "maint-done", "name": "Database upgrade", "status": "completed",
        "created_at": "2024-09-28T10:00:00-07:00", "updated_at": "2024-10-05T02:40:00-07:00",
        "monitoring_at": null, "resolved_at": "2024-10-05T02:40:00-07:00", "impact": "maintenance",
        "shortlink": format!("{BASE}maintenance/maint-done/"),
        "started_at": "2024-10-05T01:05:00-07:00", "page_id": page_id,
        "incident_updates": [
            update("maint-done", 3, "completed", "Done.", "2024-10-05T02:40:00-07:00",
                json!([change("db", "Database & <Storage>", "under_maintenance", "operational")])),
            update("maint-done", 2, "in_progress", "Started.", "2024-10-05T01:05:00-07:00",
                json!([change("db", "Database & <Storage>", "operational", "under_maintenance")])),
            update("maint-done", 1, "scheduled", "Planned.", "2024-09-28T10:00:00-07:00", Value::Null),
        ],
        "components": [c("db")],
        "postmortem_body": null, "postmortem_published_at": null,
        "scheduled_for": "2024-10-05T01:00:00-07:00", "scheduled_until": "2024-10-05T03:00:00-07:00"
    });
    assert_eq!(
        json_file(&public, "api/v2/scheduled-maintenances/active.json"),
        json!({"page": page, "scheduled_maintenances": [now_m]})
    );
    let upcoming = json_file(&public, "api/v2/scheduled-maintenances/upcoming.json");
    let up = upcoming["scheduled_maintenances"].as_array().unwrap();
    assert_eq!(up.len(), 1);
    assert_eq!(up[0]["id"], "maint-next");
    assert_eq!(up[0]["status"], "scheduled");
    assert_eq!(up[0]["scheduled_for"], "2024-11-20T02:00:00-08:00");
    let every = json_file(&public, "api/v2/scheduled-maintenances.json");
    let ms = every["scheduled_maintenances"].as_array().unwrap();
    let mslugs: Vec<&str> = ms.iter().map(|i| i["id"].as_str().unwrap()).collect();
    assert_eq!(mslugs, ["maint-next", "maint-now", "maint-done"]);
    assert_eq!(ms[2], done);

    let summary = json_file(&public, "api/v2/summary.json");
    assert_eq!(summary["page"], page);
    assert_eq!(summary["status"], st);
    assert_eq!(summary["components"], comps);
    assert_eq!(summary["incidents"], json!([ongoing]));
    let sm: Vec<&str> = summary["scheduled_maintenances"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["id"].as_str().unwrap())
        .collect();
    assert_eq!(sm, ["maint-now", "maint-next"]);

    // Drafts appear nowhere in the API or the feeds.
    for (path, bytes) in common::tree(&public) {
        let name = path.to_string_lossy();
        if name.starts_with("api/") || name.ends_with(".xml") || name.ends_with(".ics") {
            assert!(
                !String::from_utf8_lossy(&bytes).contains("Draft incident"),
                "{name}"
            );
        }
    }
}

#[test]
fn incident_json_twin_has_what_the_page_shows() {
    let (_d, public) = built();
    let doc = json_file(&public, "incidents/db-outage/index.json");
    assert_eq!(doc["schema"], "afterword/incident/v1.2");
    // Written by hand, printed as serde_json prints: every page twin and API file.
    assert!(common::assert_json_printed_as_serde_prints(&public) > 10);
    assert_eq!(doc["url"], format!("{BASE}incidents/db-outage/"));
    assert_eq!(
        doc["severity"],
        json!({"id": "sev1", "name": "SEV 1", "level": "major_outage", "impact": "critical"})
    );
    assert_eq!(
        doc["status"],
        json!({"id": "postmortem", "label": "Postmortem"})
    );
    assert_eq!(doc["started"], "2024-10-01T09:00:00-07:00");
    assert_eq!(doc["resolved"], "2024-10-01T10:00:00-07:00");
    assert_eq!(doc["duration_seconds"], 3600);
    assert_eq!(doc["duration"], "1h");
    let comps: Vec<(&str, &str)> = doc["components"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["id"].as_str().unwrap(), c["level"].as_str().unwrap()))
        .collect();
    assert_eq!(comps, [("core", "partial_outage"), ("db", "major_outage")]);
    assert_eq!(
        doc["impacts"],
        json!([{"component": "core", "level": "partial_outage",
                "start": "2024-10-01T09:00:00-07:00", "end": "2024-10-01T09:25:00-07:00"}])
    );
    let tl = doc["timeline"].as_array().unwrap();
    assert_eq!(tl.len(), 6);
    assert_eq!(tl[2]["status"], "update");
    assert_eq!(tl[2]["effective_status"], "identified");
    assert_eq!(tl[2]["offset_seconds"], 1800);
    assert!(tl[0]["message_html"]
        .as_str()
        .unwrap()
        .contains("<a href=\"../../runbook/\">the runbook</a>"));
    let pm = doc["postmortem_html"].as_str().unwrap();
    assert!(pm.contains("<h2 id=\"root-cause\">Root cause"), "{pm}");
    assert_eq!(
        doc["toc"],
        json!([{"level": 2, "id": "root-cause", "title": "Root cause"}])
    );
    // Due 2024-10-15, still open on 2024-11-10: overdue.
    assert_eq!(
        doc["action_items"],
        json!([{"title": "Automate failover", "owner": "db team", "status": "open",
                "due": "2024-10-15", "closed": null, "overdue": true, "link": null}])
    );
    let m = json_file(&public, "maintenance/maint-done/index.json");
    assert_eq!(m["kind"], "maintenance");
    assert_eq!(m["severity"], Value::Null);
    assert_eq!(
        m["window"],
        json!({"scheduled_start": "2024-10-05T01:00:00-07:00", "scheduled_end": "2024-10-05T03:00:00-07:00",
               "start": "2024-10-05T01:05:00-07:00", "end": "2024-10-05T02:40:00-07:00"})
    );
    let page = read(&public.join("incidents/db-outage/index.html"));
    assert!(page.contains("<link rel=\"alternate\" type=\"application/json\" title=\"This page as JSON\" href=\"/sub/incidents/db-outage/index.json\">"));
}

#[test]
fn maintenance_calendar_parses_with_stable_uids_and_utc_times() {
    let (_d, public) = built();
    let raw = std::fs::read(public.join("maintenance.ics")).unwrap();
    let text = String::from_utf8(raw.clone()).unwrap();
    // CRLF only, and no line longer than 75 octets.
    assert!(!text.replace("\r\n", "").contains('\n'));
    for line in text.split("\r\n") {
        assert!(line.len() <= 75, "{line:?} is {} octets", line.len());
    }
    assert!(
        text.lines().any(|l| l.starts_with(' ')),
        "nothing was folded"
    );
    // Unfolding (RFC 5545 3.1: drop each CRLF and the one space after it) restores the text.
    // The ical crate trims whitespace at fold points, so long text is checked here.
    let unfolded = text.replace("\r\n ", "");
    assert!(unfolded.contains(
        "\r\nSUMMARY:Website move with a long title that certainly needs folding in the calendar file\r\n"
    ));
    let cal = ical::IcalParser::new(std::io::BufReader::new(&raw[..]))
        .next()
        .expect("one calendar")
        .expect("parses");
    let prop = |e: &ical::parser::ical::component::IcalEvent, name: &str| {
        e.properties
            .iter()
            .find(|p| p.name == name)
            .and_then(|p| p.value.clone())
            .unwrap_or_default()
    };
    let events: Vec<(String, String, String, String)> = cal
        .events
        .iter()
        .map(|e| {
            (
                prop(e, "UID"),
                prop(e, "DTSTART"),
                prop(e, "DTEND"),
                prop(e, "SUMMARY").replace("thecalendar", "the calendar"),
            )
        })
        .collect();
    assert_eq!(
        events,
        [
            (
                format!("{BASE}maintenance/maint-next/"),
                "20241120T100000Z".into(),
                "20241120T120000Z".into(),
                "Website move with a long title that certainly needs folding in the calendar file"
                    .into()
            ),
            (
                format!("{BASE}maintenance/maint-now/"),
                "20241110T190000Z".into(),
                "20241110T210000Z".into(),
                "Core API patching".into()
            ),
            // The actual window: in progress at 01:05, completed at 02:40 (PDT).
            (
                format!("{BASE}maintenance/maint-done/"),
                "20241005T080500Z".into(),
                "20241005T094000Z".into(),
                "Database upgrade".into()
            ),
        ]
    );
    let desc = prop(&cal.events[2], "DESCRIPTION");
    assert!(desc.contains("Components: Database & <Storage>"), "{desc}");
    assert!(desc.contains("Status: Completed"), "{desc}");
}

#[test]
fn drafts_shown_with_drafts_still_stay_out_of_feeds_and_the_api() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/api"),
        dir.path(),
    );
    let out = run(dir.path(), &["build", "--drafts", "--now", NOW]);
    assert!(out.status.success(), "{}", out.stderr);
    let public = dir.path().join("public");
    // The draft has its page (and its JSON twin) in a draft build…
    assert!(public.join("incidents/draft/index.html").exists());
    assert_eq!(
        json_file(&public, "incidents/draft/index.json")["draft"],
        true
    );
    // …but is never syndicated.
    for (path, bytes) in common::tree(&public) {
        let name = path.to_string_lossy();
        if name.starts_with("api/") || name.ends_with(".xml") || name.ends_with(".ics") {
            assert!(
                !String::from_utf8_lossy(&bytes).contains("Draft incident"),
                "{name}"
            );
        }
        // Every page points feed readers at the site feeds.
        if name.ends_with(".html") {
            let text = String::from_utf8_lossy(&bytes);
            assert!(
                text.contains("<link rel=\"alternate\" type=\"application/atom+xml\"")
                    && text.contains("href=\"/sub/feed.xml\">")
                    && text.contains("href=\"/sub/rss.xml\">"),
                "{name} lacks feed autodiscovery"
            );
        }
    }
}

/// RFC 5545 §3.3.11 unescaping, which the `ical` crate leaves to its caller.
fn ics_unescape(v: &str) -> String {
    let mut out = String::new();
    let mut chars = v.chars();
    while let Some(c) = chars.next() {
        match (c, c == '\\') {
            (_, true) => match chars.next() {
                Some('n' | 'N') => out.push('\n'),
                Some(other) => out.push(other),
                None => panic!("a lone backslash ends {v:?}"),
            },
            (c, false) => out.push(c),
        }
    }
    out
}

/// Every content line of an .ics is CRLF-terminated and at most 75 octets (with UTF-8
/// characters whole: the file is read as UTF-8).
fn assert_ics_lines(text: &str) {
    assert!(text.ends_with("END:VCALENDAR\r\n"), "{text}");
    assert!(!text.replace("\r\n", "").contains(['\r', '\n']), "{text:?}");
    for line in text.trim_end_matches("\r\n").split("\r\n") {
        assert!(line.len() <= 75, "{line:?} is {} octets", line.len());
    }
}

fn ics_site(title: &str, maintenance: Option<(&str, &str)>) -> String {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("site.toml"),
        format!(
            "title = {}\nbase_url = \"https://status.example.com/\"\n\n[[components]]\nid = \"api\"\nname = \"API; v2, \\\\ beta\"\n",
            toml_string(title)
        ),
    )
    .unwrap();
    std::fs::create_dir(dir.path().join("content")).unwrap();
    let incident = "+++\ntitle = \"I\"\nsummary = \"S\"\nseverity = \"minor\"\ncomponents = [\"api\"]\n\n[[timeline]]\nat = 2024-05-01T10:00:00Z\nstatus = \"resolved\"\nmessage = \"m\"\n+++\n";
    std::fs::write(dir.path().join("content/i.md"), incident).unwrap();
    if let Some((title, summary)) = maintenance {
        std::fs::write(
            dir.path().join("content/m.md"),
            format!(
                "+++\nkind = \"maintenance\"\ntitle = {}\nsummary = {}\ncomponents = [\"api\"]\nscheduled_start = 2024-12-01T10:00:00Z\nscheduled_end = 2024-12-01T12:00:00Z\n+++\n",
                toml_string(title),
                toml_string(summary)
            ),
        )
        .unwrap();
    }
    let out = run(dir.path(), &["build", "--now", NOW]);
    assert!(out.status.success(), "{}", out.stderr);
    read(&dir.path().join("public/maintenance.ics"))
}

fn toml_string(s: &str) -> String {
    serde_json::to_string(s).unwrap()
}

#[test]
fn calendar_text_is_escaped_and_folded_whatever_it_holds() {
    let cjk = "定期メンテナンス：データベースの移行と、ネットワーク機器の交換を行います🚧🛠️";
    let title = format!("Ops; \"Status\", C:\\ drive\nsecond line {cjk}");
    let m_title = format!("Move; part 1, \\ of 2\n{cjk}{cjk}");
    let summary = format!("Line one; with, commas\nLine two \\n is not a newline\n\n{cjk} 👩‍👩‍👧‍👦");
    let text = ics_site(&title, Some((&m_title, &summary)));
    assert_ics_lines(&text);
    // A lenient reader (ical) reads the same values back.
    let cal = ical::IcalParser::new(text.as_bytes())
        .next()
        .expect("one calendar")
        .expect("parses");
    let value = |props: &[ical::property::Property], name: &str| {
        let p = props.iter().find(|p| p.name == name);
        ics_unescape(
            p.and_then(|p| p.value.as_deref())
                .unwrap_or_else(|| panic!("no {name}")),
        )
    };
    let name = format!("{title}: scheduled maintenance");
    assert_eq!(value(&cal.properties, "NAME"), name);
    assert_eq!(value(&cal.properties, "X-WR-CALNAME"), name);
    // A calendar to subscribe to, not an iTIP message: no METHOD (which would need ORGANIZER).
    assert!(cal.properties.iter().all(|p| p.name != "METHOD"));
    assert_eq!(cal.events.len(), 1);
    let e = &cal.events[0].properties;
    assert_eq!(value(e, "SUMMARY"), m_title);
    assert_eq!(
        value(e, "DESCRIPTION"),
        format!(
            "{summary}\n\nComponents: API; v2, \\ beta\nStatus: Scheduled\nhttps://status.example.com/maintenance/m/"
        )
    );
    assert_eq!(value(e, "UID"), "https://status.example.com/maintenance/m/");
    // Strict unfolding (drop CRLF and one space) gives the same text as the lenient reader.
    let unfolded = text.replace("\r\n ", "");
    assert!(
        unfolded.contains("\r\nSUMMARY:Move\\; part 1\\, \\\\ of 2\\n定期"),
        "{unfolded}"
    );
}

#[test]
fn a_calendar_without_maintenance_is_still_a_valid_calendar() {
    let text = ics_site("Plain", None);
    assert_ics_lines(&text);
    let cal = ical::IcalParser::new(text.as_bytes())
        .next()
        .expect("one calendar")
        .expect("parses");
    assert!(cal.events.is_empty());
    // RFC 5545 §3.6: at least one component; a UTC VTIMEZONE, used by no event.
    assert_eq!(cal.timezones.len(), 1);
    let tz = &cal.timezones[0];
    assert_eq!(
        tz.properties
            .iter()
            .find(|p| p.name == "TZID")
            .and_then(|p| p.value.as_deref()),
        Some("UTC")
    );
    assert_eq!(tz.transitions.len(), 1);
    let begins: Vec<&str> = text.lines().filter(|l| l.starts_with("BEGIN:")).collect();
    assert_eq!(
        begins,
        ["BEGIN:VCALENDAR", "BEGIN:VTIMEZONE", "BEGIN:STANDARD"]
    );
}
