//! `afterword import`: fixture exports from Statuspage and cState are imported into empty or
//! existing sites, the result is built, and what the built site says (its index.json files
//! and /api/v2/) is compared with the source, by values worked out from the fixtures by hand.

mod common;

use common::{read, run, tree};
use serde_json::Value;
use std::path::{Path, PathBuf};

const NOW: &str = "2024-12-01T00:00:00Z";

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name)
}

fn statuspage_files() -> Vec<String> {
    let mut files: Vec<String> = std::fs::read_dir(fixture("statuspage"))
        .unwrap()
        .map(|e| e.unwrap().path().display().to_string())
        .collect();
    files.sort();
    files
}

/// `afterword ARGS --root ROOT`, which must succeed.
fn import(root: &Path, args: &[&str]) -> common::Output {
    let mut args = args.to_vec();
    args.extend(["--root", root.to_str().unwrap()]);
    let out = run(root, &args);
    assert!(
        out.status.success(),
        "import failed:\n{}{}",
        out.stdout,
        out.stderr
    );
    out
}

/// `afterword import statuspage` the fixture into `root`, plus `extra` arguments.
fn import_statuspage(root: &Path, extra: &[&str]) -> common::Output {
    let files = statuspage_files();
    let mut args = vec!["import", "statuspage"];
    args.extend(files.iter().map(String::as_str));
    args.extend(extra);
    import(root, &args)
}

fn build(root: &Path) {
    let out = run(root, &["build", "--now", NOW]);
    assert!(out.status.success(), "build failed:\n{}", out.stderr);
}

fn json(path: &Path) -> Value {
    serde_json::from_str(&read(path)).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn doc(root: &Path, rel: &str) -> Value {
    json(&root.join("public").join(rel).join("index.json"))
}

fn strs(v: &Value, key: &str) -> Vec<String> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|x| x[key].as_str().unwrap_or("null").to_string())
        .collect()
}

fn content_files(root: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(root.join("content"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

#[test]
fn statuspage_export_becomes_a_site_that_builds() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    import_statuspage(root, &[]);
    // Four incidents and two maintenances; the same incident in three files is one file.
    assert_eq!(
        content_files(root),
        [
            "2024-04-08-elevated-api-error-rates.md",
            "2024-06-02-dashboard-login-failures.md",
            "2024-07-19-slow-search-results.md",
            "2024-09-10-database-storage-upgrade.md",
            "2024-11-20-delayed-database-backups.md",
            "2027-01-05-cdn-certificate-rotation.md",
        ]
    );
    let site: toml::Table = toml::from_str(&read(&root.join("site.toml"))).unwrap();
    assert_eq!(site["title"].as_str(), Some("Quarry"));
    assert_eq!(
        site["base_url"].as_str(),
        Some("https://status.quarry.example/")
    );
    assert_eq!(site["timezone"].as_str(), Some("America/Los_Angeles"));
    let ids = |key: &str| -> Vec<(String, String)> {
        site[key]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| {
                let f = |k: &str| t.get(k).and_then(|v| v.as_str()).unwrap_or("").to_string();
                (f("id"), f("group"))
            })
            .collect()
    };
    assert_eq!(
        ids("groups"),
        [
            ("core-platform".into(), "".into()),
            ("edge-network".into(), "".into())
        ]
    );
    assert_eq!(
        ids("components"),
        [
            ("api".to_string(), "core-platform".to_string()),
            ("database".into(), "core-platform".into()),
            ("web-app".into(), "".into()),
            ("cdn".into(), "edge-network".into()),
            ("unspecified".into(), "".into()),
        ]
    );
    // The default set is written out, since adding `none` replaces it otherwise.
    let sev: Vec<String> = ids("severities").into_iter().map(|(id, _)| id).collect();
    assert_eq!(sev, ["minor", "major", "critical", "none"]);

    build(root);
    // Backdated start (12:05, first update 12:18) to resolved at 13:41 PDT: 96 minutes.
    let a = doc(root, "incidents/r2p8xk4lmz0a");
    assert_eq!(a["started"], "2024-04-08T12:05:00-07:00");
    assert_eq!(a["resolved"], "2024-04-08T13:41:00-07:00");
    assert_eq!(a["duration_seconds"], 96 * 60);
    assert_eq!(a["severity"]["id"], "major");
    assert_eq!(strs(&a["components"], "id"), ["api"]);
    // Newest first in the JSON, oldest first here; the second `identified` is an update.
    assert_eq!(
        strs(&a["timeline"], "status"),
        [
            "investigating",
            "identified",
            "update",
            "monitoring",
            "resolved",
            "postmortem"
        ]
    );
    assert_eq!(
        strs(&a["timeline"], "at")[..2],
        ["2024-04-08T12:18:00-07:00", "2024-04-08T12:40:00-07:00"]
    );
    // <br>, <a> and <strong> became Markdown, and render as links and emphasis.
    let first = &a["timeline"][0];
    assert_eq!(
        first["message"],
        "Some API requests fail with 502 errors.\\\nFollow [the notice](https://quarry.example/notices/2024-04-08) for workarounds."
    );
    let html = first["message_html"].as_str().unwrap();
    assert!(html.contains("<br />") || html.contains("<br>"), "{html}");
    assert!(
        html.contains("<a href=\"https://quarry.example/notices/2024-04-08\">the notice</a>"),
        "{html}"
    );
    assert!(a["timeline"][1]["message_html"]
        .as_str()
        .unwrap()
        .contains("<strong>rolled back</strong>"));
    // affected_components transitions: partial, major, then degraded until resolved.
    let windows: Vec<(String, String, String)> = a["impacts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| {
            let f = |k: &str| w[k].as_str().unwrap().to_string();
            (f("level"), f("start"), f("end"))
        })
        .collect();
    assert_eq!(
        windows,
        [
            (
                "partial_outage".into(),
                "2024-04-08T12:18:00-07:00".into(),
                "2024-04-08T12:40:00-07:00".into()
            ),
            (
                "major_outage".into(),
                "2024-04-08T12:40:00-07:00".into(),
                "2024-04-08T13:10:00-07:00".into()
            ),
            (
                "degraded_performance".into(),
                "2024-04-08T13:10:00-07:00".into(),
                "2024-04-08T13:41:00-07:00".into()
            ),
        ]
    );
    assert_eq!(
        a["aliases"],
        serde_json::json!(["https://stspg.io/r2p8xk4l"])
    );
    assert!(a["postmortem_html"]
        .as_str()
        .unwrap()
        .contains("Root cause"));

    // Entities decoded; no shortlink (null) means no alias.
    let b = doc(root, "incidents/b5n3wq9tzc1e");
    assert_eq!(b["duration_seconds"], 25 * 60);
    assert_eq!(
        b["timeline"][0]["message"],
        "\"Sign in\" returns an error & some users were signed out."
    );
    assert_eq!(b["aliases"], serde_json::json!([]));
    assert_eq!(strs(&b["components"], "id"), ["web-app"]);

    // impact none; no components (the hidden one is listed nowhere); resolved_at (10:32)
    // differs from the resolved update (10:30) and wins: 30 minutes.
    let c = doc(root, "incidents/h8d6fj2kra5u");
    assert_eq!(c["severity"]["id"], "none");
    assert_eq!(c["duration_seconds"], 30 * 60);
    assert_eq!(c["components"], serde_json::json!([]));

    // Ongoing: the newer copy (incidents.json) beat the older one in summary.json.
    let q = doc(root, "incidents/q7ongoing001");
    assert_eq!(q["ongoing"], true);
    assert_eq!(
        strs(&q["timeline"], "status"),
        ["investigating", "identified", "monitoring"]
    );
    assert_eq!(
        strs(&q["impacts"], "level"),
        ["major_outage", "partial_outage"]
    );
    assert_eq!(q["impacts"][1]["end"], Value::Null);

    let m = doc(root, "maintenance/m1aint0k9x2p");
    assert_eq!(m["window"]["scheduled_start"], "2024-09-10T22:00:00-07:00");
    assert_eq!(m["window"]["scheduled_end"], "2024-09-11T00:00:00-07:00");
    assert_eq!(m["window"]["end"], "2024-09-10T23:55:00-07:00");
    assert_eq!(
        strs(&m["timeline"], "status"),
        ["scheduled", "in_progress", "verifying", "completed"]
    );
}

#[test]
fn reimport_is_idempotent_and_keeps_hand_edits() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    import_statuspage(root, &[]);
    let before = tree(root);
    let out = import_statuspage(root, &[]);
    assert!(
        out.stdout.contains("0 new, 0 updated, 6 unchanged"),
        "{}",
        out.stdout
    );
    assert_eq!(tree(root), before, "a second import changed files");

    let file = root.join("content/2024-06-02-dashboard-login-failures.md");
    let edited = read(&file).replace("Sign-ins work again.", "Sign-ins work again (edited).");
    std::fs::write(&file, &edited).unwrap();
    let out = import_statuspage(root, &[]);
    assert!(
        out.stdout.contains("1 kept as edited by hand"),
        "{}",
        out.stdout
    );
    assert!(
        out.stderr
            .contains("2024-06-02-dashboard-login-failures.md: edited since"),
        "{}",
        out.stderr
    );
    assert_eq!(read(&file), edited);

    let out = import_statuspage(root, &["--force"]);
    assert!(out.stdout.contains("1 updated"), "{}", out.stdout);
    assert_eq!(
        tree(root),
        before,
        "--force did not restore the imported file"
    );
}

#[test]
fn dry_run_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let out = import_statuspage(root, &["--dry-run"]);
    assert!(
        out.stdout
            .contains("would create content/2024-04-08-elevated-api-error-rates.md"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains("would create site.toml"),
        "{}",
        out.stdout
    );
    assert_eq!(tree(root), vec![]);
}

#[test]
fn merges_into_an_existing_site_toml() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let original = "\
# Our status site. Keep this comment.
title = \"Quarry status\"
base_url = \"https://quarry.example/status/\"
timezone = \"UTC\"

[[components]]
id = \"public-api\"   # the id our links use
name = \"API\"

[[severities]]
id = \"sev2\"
name = \"SEV 2\"
color = \"#e8590c\"
level = \"partial_outage\"
impact = \"major\"

[[severities]]
id = \"sev3\"
name = \"SEV 3\"
color = \"#d4a000\"
level = \"degraded_performance\"
";
    std::fs::write(root.join("site.toml"), original).unwrap();
    import_statuspage(root, &[]);
    let text = read(&root.join("site.toml"));
    // Every line that was there is still there, in the same order, comments included.
    let mut lines = text.lines();
    for want in original.lines().filter(|l| !l.is_empty()) {
        assert!(lines.any(|l| l == want), "`{want}` lost or moved:\n{text}");
    }
    let site: toml::Table = toml::from_str(&text).unwrap();
    assert_eq!(
        site["timezone"].as_str(),
        Some("UTC"),
        "an existing zone is kept"
    );
    let comps: Vec<&str> = site["components"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        comps,
        ["public-api", "database", "web-app", "cdn", "unspecified"]
    );
    // major → sev2 by its impact; sev3 reports minor by default; none and critical added
    // (in the order the incidents needing them come).
    let sev: Vec<&str> = site["severities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    assert_eq!(sev, ["sev2", "sev3", "none", "critical"]);
    let a = read(&root.join("content/2024-04-08-elevated-api-error-rates.md"));
    assert!(
        a.contains("severity = \"sev2\"") && a.contains("components = [\"public-api\"]"),
        "{a}"
    );
    build(root);
    // Imported a second time, site.toml is unchanged.
    import_statuspage(root, &[]);
    assert_eq!(read(&root.join("site.toml")), text);
}

#[test]
fn bad_input_is_reported_with_its_file() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::write(
        root.join("broken.json"),
        "{\"incidents\": [\n  {\"id\": 1,}\n]}",
    )
    .unwrap();
    let out = run(root, &["import", "statuspage", "broken.json"]);
    assert!(!out.status.success());
    assert!(out.stderr.contains("broken.json:2:"), "{}", out.stderr);
    std::fs::write(root.join("other.json"), "{\"hello\": 1}").unwrap();
    let out = run(root, &["import", "statuspage", "other.json"]);
    assert!(!out.status.success());
    assert!(
        out.stderr.contains("other.json: not Statuspage API JSON"),
        "{}",
        out.stderr
    );
    assert!(!root.join("site.toml").exists() && !root.join("content").exists());
}

fn import_cstate(root: &Path) -> common::Output {
    let src = fixture("cstate");
    import(root, &["import", "cstate", src.to_str().unwrap()])
}

#[test]
fn cstate_site_becomes_a_site_that_builds() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let out = import_cstate(root);
    assert!(out.stdout.contains("12 new"), "{}", out.stdout);
    // The one guess the importer had to make is reported, naming the file.
    assert!(
        out.stderr.contains(
            "2025-01-20-database-upgrade.md: a maintenance notice without a `resolvedWhen`"
        ),
        "{}",
        out.stderr
    );
    let site: toml::Table = toml::from_str(&read(&root.join("site.toml"))).unwrap();
    assert_eq!(site["title"].as_str(), Some("Tidewater Status"));
    let comps: Vec<(String, String)> = site["components"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            let f = |k: &str| c.get(k).and_then(|v| v.as_str()).unwrap_or("").to_string();
            (f("name"), f("group"))
        })
        .collect();
    assert_eq!(
        comps,
        [
            ("Website".to_string(), "frontend".to_string()),
            ("Dashboard".into(), "frontend".into()),
            ("API".into(), "backend".into()),
            ("Payments".into(), "backend".into()),
            ("Email Delivery".into(), "".into()),
            ("Unspecified (imported)".into(), "".into()),
        ]
    );
    let out = run(root, &["build", "--now", NOW, "--drafts"]);
    assert!(out.status.success(), "{}", out.stderr);

    // down → critical, major_outage on each affected system; `date` (15:50) is before the
    // first tracked update (15:54), so it is the start: 15:50 → 16:22 is 32 minutes.
    let a = doc(root, "incidents/2018-04-13-api-errors");
    assert_eq!(a["severity"]["id"], "critical");
    assert_eq!(a["duration_seconds"], 32 * 60);
    assert_eq!(strs(&a["impacts"], "level"), ["major_outage"]);
    assert_eq!(
        strs(&a["timeline"], "status"),
        ["investigating", "identified", "resolved"]
    );
    assert_eq!(
        strs(&a["timeline"], "at"),
        [
            "2018-04-13T15:54:00+00:00",
            "2018-04-13T16:05:00+00:00",
            "2018-04-13T16:22:00+00:00"
        ]
    );
    assert_eq!(a["timeline"][0]["message"], "API calls return TLS errors.");
    assert!(a["postmortem_html"]
        .as_str()
        .unwrap()
        .contains("What we changed"));

    // disrupted → major with partial_outage.
    let b = doc(root, "incidents/2019-02-01-dashboard-slow");
    assert_eq!(
        (b["severity"]["id"].as_str(), b["duration_seconds"].as_i64()),
        (Some("major"), Some(45 * 60))
    );
    assert_eq!(strs(&b["impacts"], "level"), ["partial_outage"]);

    // Bold labels and em dashes; a repeated status becomes an update; two systems.
    let c = doc(root, "incidents/2019-06-10-payments-outage");
    assert_eq!(
        strs(&c["timeline"], "status"),
        ["investigating", "identified", "update", "resolved"]
    );
    assert_eq!(strs(&c["components"], "id"), ["payments", "api"]);
    assert_eq!(c["duration_seconds"], 88 * 60);

    // resolvedWhen with no tracked resolution: resolved then (13:00 → 15:30).
    let d = doc(root, "incidents/2020-01-15-email-delays");
    assert_eq!(d["resolved"], "2020-01-15T15:30:00+00:00");
    assert_eq!(d["duration_seconds"], 150 * 60);

    // An informational notice: severity none, no impact, the hidden component, text as body.
    let e = doc(root, "incidents/2021-07-07-privacy-notice");
    assert_eq!(e["severity"]["id"], "none");
    assert_eq!(e["impacts"], serde_json::json!([]));
    assert_eq!(e["components"], serde_json::json!([]));
    assert!(e["postmortem_html"]
        .as_str()
        .unwrap()
        .contains("privacy policy changes"));

    // Unresolved: ongoing.
    let f = doc(root, "incidents/2022-11-30-api-latency");
    assert_eq!(f["ongoing"], true);
    assert_eq!(
        strs(&f["timeline"], "status"),
        ["investigating", "monitoring"]
    );

    // draft: true stays a draft.
    assert_eq!(
        doc(root, "incidents/2023-05-05-payments-draft")["draft"],
        true
    );

    // Zoned times are exact: 09:55+02:00 → 10:25+02:00.
    let g = doc(root, "incidents/2023-08-08-website-down");
    assert_eq!(g["started"], "2023-08-08T07:55:00+00:00");
    assert_eq!(g["duration_seconds"], 30 * 60);
    assert!(
        read(&root.join("content/2023-08-08-website-unreachable.md"))
            .contains("# cState: pin = true")
    );

    // A paragraph without a tracked time is kept, in the body.
    let h = doc(root, "incidents/2024-02-29-payments-degraded");
    assert_eq!(h["timeline"].as_array().unwrap().len(), 2);
    assert!(h["postmortem_html"]
        .as_str()
        .unwrap()
        .contains("only the confirmation screen is late"));

    // notice → maintenance, its window from date and resolvedWhen.
    let m = doc(root, "maintenance/2020-03-03-website-maintenance");
    assert_eq!(m["window"]["scheduled_start"], "2020-03-03T22:00:00+00:00");
    assert_eq!(m["window"]["scheduled_end"], "2020-03-04T00:00:00+00:00");
    assert_eq!(
        strs(&m["timeline"], "status"),
        ["scheduled", "in_progress", "completed"]
    );
    let u = doc(root, "maintenance/2025-01-20-database-upgrade");
    assert_eq!(u["window"]["scheduled_end"], "2025-01-20T03:00:00+00:00");
    assert_eq!(strs(&u["components"], "id"), ["api", "payments"]);

    // And once more: nothing changes.
    let before = tree(&root.join("content"));
    let out = import_cstate(root);
    assert!(
        out.stdout.contains("0 new, 0 updated, 12 unchanged"),
        "{}",
        out.stdout
    );
    assert_eq!(tree(&root.join("content")), before);
}

/// What the round trip must keep of each incident in /api/v2/: everything but ids of
/// components (names are compared) and the update ids.
fn essentials(api: &Value, key: &str) -> Vec<Value> {
    let mut out: Vec<Value> = api[key]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            let updates: Vec<Value> = i["incident_updates"]
                .as_array()
                .unwrap()
                .iter()
                .map(|u| {
                    let affected: Vec<Value> = u["affected_components"]
                        .as_array()
                        .map(|a| {
                            a.iter()
                                .map(|c| {
                                    serde_json::json!([c["name"], c["old_status"], c["new_status"]])
                                })
                                .collect()
                        })
                        .unwrap_or_default();
                    serde_json::json!({
                        "status": u["status"], "body": u["body"],
                        "display_at": u["display_at"], "affected": affected,
                    })
                })
                .collect();
            let components: Vec<&Value> = i["components"]
                .as_array()
                .unwrap()
                .iter()
                .map(|c| &c["name"])
                .collect();
            serde_json::json!({
                "id": i["id"], "name": i["name"], "status": i["status"], "impact": i["impact"],
                "created_at": i["created_at"], "started_at": i["started_at"],
                "resolved_at": i["resolved_at"], "monitoring_at": i["monitoring_at"],
                "scheduled_for": i["scheduled_for"], "scheduled_until": i["scheduled_until"],
                "postmortem_body": i["postmortem_body"], "shortlink": i["shortlink"],
                "updates": updates, "components": components,
            })
        })
        .collect();
    out.sort_by_key(|v| v["id"].as_str().unwrap().to_string());
    out
}

/// The test fixture site, and the repository's example site (which has maintenances).
#[test]
fn our_own_api_imports_back_to_the_same_incidents() {
    round_trip(common::fixture_site(), "incidents", NOW);
    let example = tempfile::tempdir().unwrap();
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    std::fs::copy(repo.join("site.toml"), example.path().join("site.toml")).unwrap();
    for dir in ["content", "themes"] {
        common::copy_dir(&repo.join(dir), &example.path().join(dir));
    }
    // As of the end of 2026: a build as of an earlier time leaves out the maintenances
    // announced later (docs/format.md#as-of-now).
    round_trip(example, "scheduled_maintenances", "2026-12-31T00:00:00Z");
}

/// Build `first`, import its /api/v2/ into a new site, build that, and compare their APIs;
/// `must_have` is a list that may not be empty in the first site. Both are built as of `now`.
fn round_trip(first: tempfile::TempDir, must_have: &str, now: &str) {
    let out = run(first.path(), &["build", "--now", now]);
    assert!(out.status.success(), "{}", out.stderr);
    let api = first.path().join("public/api/v2");

    let second = tempfile::tempdir().unwrap();
    let root = second.path();
    let files: Vec<String> = [
        "summary.json",
        "incidents.json",
        "scheduled-maintenances.json",
    ]
    .iter()
    .map(|f| api.join(f).display().to_string())
    .collect();
    let mut args = vec!["import", "statuspage"];
    args.extend(files.iter().map(String::as_str));
    let out = run(root, &args);
    assert!(out.status.success(), "{}{}", out.stdout, out.stderr);
    let out = run(root, &["build", "--now", now]);
    assert!(out.status.success(), "build failed:\n{}", out.stderr);
    let api2 = root.join("public/api/v2");
    for (file, key) in [
        ("incidents.json", "incidents"),
        ("scheduled-maintenances.json", "scheduled_maintenances"),
    ] {
        let a = essentials(&json(&api.join(file)), key);
        let b = essentials(&json(&api2.join(file)), key);
        assert!(
            !a.is_empty() || key != must_have,
            "{file} of the site is empty"
        );
        assert_eq!(a.len(), b.len(), "{file}");
        for (x, y) in a.iter().zip(&b) {
            assert_eq!(x, y, "{file}: {} differs after the round trip", x["id"]);
        }
    }
}

#[test]
fn components_with_the_same_name_in_two_groups_stay_two() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let comp = |id: &str, group: &str| {
        serde_json::json!({"id": id, "name": "API", "group_id": group, "group": false,
            "description": null, "status": "operational"})
    };
    let summary = serde_json::json!({
        "page": {"id": "p", "name": "Two regions", "url": "https://status.example.com", "time_zone": "Etc/UTC"},
        "components": [
            {"id": "gus", "name": "US", "group": true, "components": ["apius"]},
            {"id": "geu", "name": "EU", "group": true, "components": ["apieu"]},
            comp("apius", "gus"), comp("apieu", "geu"),
        ],
        "incidents": [{
            "id": "abc123", "name": "EU API errors", "status": "resolved", "impact": "major",
            "started_at": "2024-03-01T10:00:00Z", "resolved_at": "2024-03-01T10:30:00Z",
            "shortlink": null, "postmortem_body": null,
            "components": [comp("apieu", "geu")],
            "incident_updates": [
                {"id": "u2", "status": "resolved", "body": "Fixed.", "display_at": "2024-03-01T10:30:00Z",
                 "affected_components": [{"code": "apieu", "name": "API", "old_status": "major_outage", "new_status": "operational"}]},
                {"id": "u1", "status": "investigating", "body": "Errors.", "display_at": "2024-03-01T10:00:00Z",
                 "affected_components": [{"code": "apieu", "name": "API", "old_status": "operational", "new_status": "major_outage"}]}
            ]
        }]
    });
    std::fs::write(root.join("summary.json"), summary.to_string()).unwrap();
    import(root, &["import", "statuspage", "summary.json"]);
    let site: toml::Table = toml::from_str(&read(&root.join("site.toml"))).unwrap();
    let comps: Vec<(&str, &str)> = site["components"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["id"].as_str().unwrap(), c["name"].as_str().unwrap()))
        .collect();
    assert_eq!(comps, [("api-us", "API (US)"), ("api-eu", "API (EU)")]);
    build(root);
    let a = doc(root, "incidents/abc123");
    assert_eq!(strs(&a["components"], "id"), ["api-eu"]);
    assert_eq!(strs(&a["impacts"], "component"), ["api-eu"]);
    assert_eq!(a["duration_seconds"], 30 * 60);
}

#[test]
fn missing_and_unknown_fields_are_imported_with_a_warning_each() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let odd = serde_json::json!({
        "page": {"id": "x", "name": null, "url": null, "time_zone": "Not/AZone"},
        "incidents": [
            {"id": "ab12", "name": null, "status": "resolved", "impact": null,
             "started_at": "2024-01-01T00:00:00Z", "resolved_at": null,
             "incident_updates": null, "components": null, "shortlink": null},
            {"id": "cd34", "name": "Weird status", "status": "investigating", "impact": "major",
             "created_at": "2024-02-01T00:00:00Z", "components": [{"id": "c1", "name": "  "}],
             "incident_updates": [
                {"id": "u1", "status": "exploring", "body": null, "display_at": "2024-02-01T00:05:00Z"},
                {"id": "u0", "status": "investigating", "body": "<p>Start</p>",
                 "display_at": null, "created_at": "2024-02-01T00:00:00Z"}
             ]},
            {"name": "no id"}
        ]
    });
    std::fs::write(root.join("odd.json"), odd.to_string()).unwrap();
    let out = import(root, &["import", "statuspage", "odd.json"]);
    for want in [
        "an incident without an `id` (\"no id\") was skipped",
        "incident ab12: no `name`; its id is the title",
        "incident ab12: no `impact`; imported as none",
        "incident ab12: marked resolved, with no `resolved_at` and no resolved update",
        "incident cd34: update status `exploring` is not one afterword knows here",
        "time zone `Not/AZone` is not an IANA zone",
    ] {
        assert!(
            out.stderr.contains(want),
            "missing `{want}` in:\n{}",
            out.stderr
        );
    }
    build(root);
    let cd = doc(root, "incidents/cd34");
    // created_at stands in for a missing display_at; the unknown status is an update.
    assert_eq!(strs(&cd["timeline"], "status"), ["investigating", "update"]);
    assert_eq!(cd["timeline"][0]["at"], "2024-02-01T00:00:00+00:00");
    assert_eq!(doc(root, "incidents/ab12")["title"], "ab12");
}

#[test]
fn a_newer_export_updates_files_nobody_edited() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    import_statuspage(root, &[]);
    // The same page a day later: the ongoing incident got one more update.
    let mut incidents = json(&fixture("statuspage").join("incidents.json"));
    let q = incidents["incidents"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|i| i["id"] == "q7ongoing001")
        .unwrap();
    q["updated_at"] = "2024-11-20T09:00:00.000-08:00".into();
    q["incident_updates"].as_array_mut().unwrap().insert(
        0,
        serde_json::json!({"id": "upd0q7000009", "status": "resolved",
            "body": "The backlog is cleared.", "display_at": "2024-11-20T09:00:00.000-08:00"}),
    );
    std::fs::write(root.join("incidents-later.json"), incidents.to_string()).unwrap();
    let out = import(root, &["import", "statuspage", "incidents-later.json"]);
    assert!(
        out.stdout.contains("0 new, 1 updated, 3 unchanged"),
        "{}",
        out.stdout
    );
    let text = read(&root.join("content/2024-11-20-delayed-database-backups.md"));
    assert!(text.contains("The backlog is cleared."), "{text}");
    build(root);
    let q = doc(root, "incidents/q7ongoing001");
    assert_eq!(q["ongoing"], false);
    assert_eq!(q["duration_seconds"], 3 * 3600);
}

#[test]
fn a_broken_cstate_config_stops_and_a_broken_issue_is_skipped() {
    let site = tempfile::tempdir().unwrap();
    common::copy_dir(&fixture("cstate"), site.path());
    let root = tempfile::tempdir().unwrap();
    let src = site.path().to_str().unwrap();

    // An issue that is not YAML is skipped, with its file and line; the rest is imported.
    let issue = site
        .path()
        .join("content/issues/2019-02-01-dashboard-slow.md");
    std::fs::write(&issue, "---\ntitle: x\ndate: [unclosed\n---\nbody\n").unwrap();
    let out = import(root.path(), &["import", "cstate", src]);
    assert!(
        out.stderr.contains("2019-02-01-dashboard-slow.md:")
            && out.stderr.contains("not valid YAML")
            && out.stderr.contains("(skipped)"),
        "{}",
        out.stderr
    );
    assert!(out.stdout.contains("11 new"), "{}", out.stdout);

    // A config.yml that is not YAML stops the import before anything is written.
    let empty = tempfile::tempdir().unwrap();
    std::fs::write(site.path().join("config.yml"), "title: x\nparams: [\n").unwrap();
    let out = run(
        empty.path(),
        &[
            "import",
            "cstate",
            src,
            "--root",
            empty.path().to_str().unwrap(),
        ],
    );
    assert!(!out.status.success());
    assert!(
        out.stderr.contains("config.yml:") && out.stderr.contains("not valid YAML"),
        "{}",
        out.stderr
    );
    assert_eq!(tree(empty.path()), vec![]);
}

// Hostile and careless inputs (issue 15): every import below must give a site that checks and
// builds, skipping (with a warning naming it) only what cannot be imported safely.

/// A cState site with `config.yml` and the given issues (file name, bytes).
fn cstate_site(issues: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content/issues");
    std::fs::create_dir_all(&content).unwrap();
    std::fs::write(
        dir.path().join("config.yml"),
        "title: T\nbaseURL: https://status.t.example\nparams:\n  systems:\n    - API\n",
    )
    .unwrap();
    for (name, bytes) in issues {
        std::fs::write(content.join(name), bytes).unwrap();
    }
    dir
}

const FINE_ISSUE: &[u8] = b"---\ntitle: Fine\ndate: 2024-01-05 10:00:00\nresolved: true\n\
resolvedWhen: 2024-01-05 11:00:00\nseverity: disrupted\naffected:\n  - API\n---\nAll good.\n";

/// `afterword check`, which must pass (warnings allowed), then `afterword build`.
fn check_and_build(root: &Path) {
    let out = run(root, &["check", "--now", NOW]);
    assert!(
        out.status.success(),
        "check failed:\n{}{}",
        out.stdout,
        out.stderr
    );
    build(root);
}

fn has(out: &common::Output, want: &str) {
    assert!(
        out.stderr.contains(want),
        "missing `{want}` in:\n{}",
        out.stderr
    );
}

#[test]
fn yaml_aliases_are_refused_and_only_that_issue_is_skipped() {
    // A small "billion laughs": 6^4 list items from four lines. A real one (nine levels) makes
    // a loader allocate without bound; any alias is refused, before a tree is built.
    let laughs = b"---\ntitle: Laughs\ndate: 2024-01-01 10:00:00\nseverity: down\n\
a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\nb: &b [*a,*a,*a,*a,*a,*a]\n\
c: &c [*b,*b,*b,*b,*b,*b]\naffected: &d [*c,*c,*c,*c,*c,*c]\n---\nbody\n";
    let deep = format!(
        "---\ntitle: Deep\ndate: 2024-01-02 10:00:00\nx: {}{}\n---\n",
        "[".repeat(100),
        "]".repeat(100)
    );
    let site = cstate_site(&[
        ("a-laughs.md", laughs),
        ("b-deep.md", deep.as_bytes()),
        ("c-fine.md", FINE_ISSUE),
    ]);
    let root = tempfile::tempdir().unwrap();
    let out = import(
        root.path(),
        &["import", "cstate", site.path().to_str().unwrap()],
    );
    has(&out, "a-laughs.md:6:");
    has(&out, "a YAML alias (`*name`)");
    has(&out, "b-deep.md:4:");
    has(&out, "nested over 64 deep");
    assert!(out.stdout.contains("1 new"), "{}", out.stdout);
    check_and_build(root.path());
}

#[test]
fn statuspage_files_are_bounded_and_a_bom_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let incident = |id: &str, name: &str| {
        serde_json::json!({"id": id, "name": name, "status": "resolved", "impact": "minor",
            "created_at": "2024-03-01T10:00:00Z", "resolved_at": "2024-03-01T11:00:00Z"})
    };
    // Nesting far deeper than serde_json's limit is an error, not a stack overflow.
    std::fs::write(root.join("deep.json"), "[".repeat(100_000)).unwrap();
    let out = run(root, &["import", "statuspage", "deep.json"]);
    assert!(!out.status.success());
    assert!(
        out.stderr.contains("deep.json:1:") && out.stderr.contains("recursion limit"),
        "{}",
        out.stderr
    );
    // A file over 10 MB is refused with its size and the limit.
    let big = format!(
        "{{\"incidents\": [], \"pad\": \"{}\"}}",
        "x".repeat(10_000_000)
    );
    std::fs::write(root.join("big.json"), &big).unwrap();
    let out = run(root, &["import", "statuspage", "big.json"]);
    assert!(!out.status.success());
    assert!(
        out.stderr.contains(&format!(
            "big.json: {} bytes, over the import limit of 10000000 bytes",
            big.len()
        )),
        "{}",
        out.stderr
    );
    // A value over 1 MB skips its incident; the others are imported.
    let mut long = incident("long00000001", "Long");
    long["postmortem_body"] = "y".repeat(2_000_000).into();
    let d = serde_json::json!({"incidents": [long, incident("short0000001", "Short")]});
    // With a UTF-8 byte order mark, as some editors save JSON.
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend(d.to_string().as_bytes());
    std::fs::write(root.join("incidents.json"), bytes).unwrap();
    let out = import(root, &["import", "statuspage", "incidents.json"]);
    has(
        &out,
        "incident long00000001: `/postmortem_body` is a string of 2000000 bytes, over the limit of 1000000 bytes for one value; skipped",
    );
    assert!(out.stdout.contains("1 new"), "{}", out.stdout);
    check_and_build(root);
    assert_eq!(doc(root, "incidents/short0000001")["title"], "Short");
}

#[test]
fn times_outside_the_supported_range_skip_their_incident() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let ok = "2024-03-01T10:00:00Z";
    let inc = |id: &str, started: &str, update_at: &str| {
        serde_json::json!({"id": id, "name": id, "status": "resolved", "impact": "minor",
            "started_at": started, "incident_updates": [
                {"id": "u", "status": "resolved", "display_at": update_at, "body": "Done."}]})
    };
    let doc_ = serde_json::json!({
        "components": [{"id": "c1", "name": "Old", "start_date": "0000-01-01"}],
        "incidents": [
            // UTC 10000-01-01T00:00Z: no RFC 2822 date for the feeds.
            inc("late", "9999-12-31T23:00:00-01:00", ok),
            // UTC year 0.
            inc("early", ok, "0000-01-01T00:00:00+00:01"),
            inc("before-1970", "1969-12-31T23:59:59Z", ok),
            inc("fine", ok, "2024-03-01T11:00:00Z"),
        ],
        "scheduled_maintenances": [
            // Its one-hour window would end after 9999-12-30T23:59:59Z.
            {"id": "window", "name": "w", "status": "scheduled", "impact": "maintenance",
             "created_at": ok, "scheduled_for": "9999-12-30T23:30:00Z"}
        ]
    });
    std::fs::write(root.join("i.json"), doc_.to_string()).unwrap();
    let out = import(root, &["import", "statuspage", "i.json"]);
    has(&out, "incident late: its started +10000-01-01T00:00:00Z (UTC) is outside the supported range, 1970-01-01T00:00:00Z to 9999-12-30T23:59:59Z; skipped");
    has(&out, "incident early: its timeline entry -0001-12-31T23:59:00Z (UTC) is outside the supported range");
    has(
        &out,
        "incident before-1970: its started 1969-12-31T23:59:59Z (UTC) is outside",
    );
    has(
        &out,
        "incident window: its scheduled end 9999-12-31T00:30:00Z (UTC) is outside",
    );
    assert!(out.stdout.contains("1 new"), "{}", out.stdout);
    // A component's start date outside the range is left out.
    let site: toml::Table = toml::from_str(&read(&root.join("site.toml"))).unwrap();
    assert_eq!(site["components"][0]["name"].as_str(), Some("Old"));
    assert!(site["components"][0].get("since").is_none());
    // cState: the same instant, as an issue's date.
    let site = cstate_site(&[
        (
            "a-late.md",
            b"---\ntitle: Late\ndate: 9999-12-31T23:00:00-01:00\nseverity: down\n---\n",
        ),
        (
            "b-notice.md",
            b"---\ntitle: Notice\ndate: 9999-12-30 23:30:00\nseverity: notice\n---\n",
        ),
        ("c-fine.md", FINE_ISSUE),
    ]);
    let out = import(root, &["import", "cstate", site.path().to_str().unwrap()]);
    has(
        &out,
        "a-late.md: its started +10000-01-01T00:00:00Z (UTC) is outside",
    );
    has(
        &out,
        "b-notice.md: its scheduled end 9999-12-31T00:30:00Z (UTC) is outside",
    );
    assert!(out.stdout.contains("1 new"), "{}", out.stdout);
    check_and_build(root);
}

#[test]
fn plus_lines_stay_inside_their_strings() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let d = serde_json::json!({"incidents": [
        {"id": "plus1", "name": "Title\n+++\nend", "status": "resolved", "impact": "minor",
         "created_at": "2024-03-01T10:00:00Z", "resolved_at": "2024-03-01T11:00:00Z",
         "postmortem_body": "Body\n+++\nafter",
         "incident_updates": [{"id": "u", "status": "investigating",
            "display_at": "2024-03-01T10:00:00Z", "body": "One\n+++\ntwo"}]}]});
    std::fs::write(root.join("i.json"), d.to_string()).unwrap();
    import(root, &["import", "statuspage", "i.json"]);
    let site = cstate_site(&[(
        "plus.md",
        b"---\ntitle: |\n  A\n  +++\n  B\ndate: 2024-01-03 10:00:00\nseverity: disrupted\n\
resolved: true\nresolvedWhen: 2024-01-03 11:00:00\n---\n\n\
*Investigating* - One\n+++\ntwo {{< track \"2024-01-03 10:00:00\" >}}\n",
    )]);
    import(root, &["import", "cstate", site.path().to_str().unwrap()]);
    check_and_build(root);
    let a = doc(root, "incidents/plus1");
    assert_eq!(a["title"], "Title\n+++\nend");
    assert_eq!(a["timeline"][0]["message"], "One\n+++\ntwo");
    assert!(
        a["postmortem_html"].as_str().unwrap().contains("+++"),
        "{}",
        a["postmortem_html"]
    );
    let b = doc(root, "incidents/plus");
    assert_eq!(b["title"], "A\n+++\nB");
    assert_eq!(b["timeline"][0]["message"], "One\n+++\ntwo");
}

#[test]
fn unusable_statuspage_ids_get_safe_slugs() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let long = "x".repeat(5000);
    let inc = |id: &str, name: &str, day: u32| {
        serde_json::json!({"id": id, "name": name, "status": "resolved", "impact": "minor",
            "created_at": format!("2024-03-{day:02}T10:00:00Z"),
            "resolved_at": format!("2024-03-{day:02}T11:00:00Z")})
    };
    let d = serde_json::json!({"incidents": [
        inc("..", "Dot dot", 1), inc(".", "Dot", 2), inc("🔥", "🔥", 3), inc("日本語", "Unicode", 4),
        inc(&long, "Long id", 5), inc("ABC", "Upper", 6), inc("abc", "Lower", 7),
        inc("a\n+++\nb", "Line breaks", 8),
    ]});
    std::fs::write(root.join("i.json"), d.to_string()).unwrap();
    // A file written by hand holds the slug `abc` already.
    std::fs::create_dir_all(root.join("content")).unwrap();
    std::fs::write(
        root.join("content/hand.md"),
        "+++\ntitle = \"By hand\"\nseverity = \"minor\"\ncomponents = [\"unspecified\"]\n\
         slug = \"abc\"\nstarted = 2024-02-01T00:00:00Z\nresolved = 2024-02-01T01:00:00Z\n+++\n",
    )
    .unwrap();
    let out = import(root, &["import", "statuspage", "i.json"]);
    has(
        &out,
        "incident ..: its id has no letters or digits to make a URL of; its slug is `dot-dot-",
    );
    has(
        &out,
        "incident .: its id has no letters or digits to make a URL of; its slug is `dot-",
    );
    has(&out, "its id is too long for a URL; its slug is `xxxxx");
    has(
        &out,
        "incident ABC: another incident has the same slug; its slug is `abc-",
    );
    has(
        &out,
        "incident abc: another incident has the same slug; its slug is `abc-",
    );
    check_and_build(root);
    let mut slugs: Vec<String> = std::fs::read_dir(root.join("public/incidents"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !n.contains('.'))
        .collect();
    slugs.sort();
    assert_eq!(slugs.len(), 9, "{slugs:?}");
    assert!(slugs.contains(&"abc".to_string()), "{slugs:?}");
    for s in &slugs {
        assert!(!s.is_empty() && s.len() <= 64, "{s}");
    }
    // A re-import finds every file again by its id, however odd.
    let out = import(root, &["import", "statuspage", "i.json"]);
    assert!(
        out.stdout.contains("0 new, 0 updated, 8 unchanged"),
        "{}",
        out.stdout
    );
}

#[test]
fn a_non_utf8_cstate_issue_is_skipped() {
    let site = cstate_site(&[
        (
            "a-latin1.md",
            b"---\ntitle: Caf\xe9\ndate: 2024-01-01 10:00:00\n---\n",
        ),
        ("c-fine.md", FINE_ISSUE),
    ]);
    let root = tempfile::tempdir().unwrap();
    let out = import(
        root.path(),
        &["import", "cstate", site.path().to_str().unwrap()],
    );
    has(
        &out,
        "a-latin1.md: not UTF-8 text (invalid byte at offset 14) (skipped)",
    );
    assert!(out.stdout.contains("1 new"), "{}", out.stdout);
    check_and_build(root.path());
    // A file name with a line break cannot forge a line of the report.
    std::fs::write(
        site.path()
            .join("content/issues/b-\n::error file=x::forged.md"),
        b"---\ntitle: x\n",
    )
    .unwrap();
    let root = tempfile::tempdir().unwrap();
    let out = import(
        root.path(),
        &["import", "cstate", site.path().to_str().unwrap()],
    );
    has(&out, "b-\\n::error file=x::forged.md: no YAML front matter");
    assert!(
        !out.stderr.lines().any(|l| l.starts_with("::error")),
        "{}",
        out.stderr
    );
}

/// Problems a page, feed or API body could carry to a reader, in `html` (a page or fragment).
fn unsafe_markup(html: &str) -> Vec<String> {
    let doc = scraper::Html::parse_document(html);
    let mut found = Vec::new();
    for el in doc.root_element().descendent_elements() {
        let v = el.value();
        // (The theme draws its charts with inline <svg>; imported text never has one.)
        // …nor a <script> but the theme's own search.js, an empty element.
        let theme_script = v.name() == "script"
            && v.attr("src").is_some_and(|s| s.ends_with("/search.js"))
            && el.text().next().is_none();
        if ["script", "style", "iframe", "object", "embed", "math"].contains(&v.name())
            && !theme_script
        {
            found.push(format!("<{}>", v.name()));
        }
        for (k, val) in v.attrs() {
            let url = val
                .trim_start_matches(|c: char| c <= ' ')
                .to_ascii_lowercase();
            if k.starts_with("on")
                || (["href", "src", "cite", "action", "formaction"].contains(&k)
                    && url.contains(':')
                    && !["http:", "https:", "mailto:"]
                        .iter()
                        .any(|s| url.starts_with(s)))
            {
                found.push(format!("<{} {k}={val:?}>", v.name()));
            }
        }
    }
    found
}

#[test]
fn imported_html_cannot_reach_readers() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let hostile = fixture("hostile");
    let out = import(
        root,
        &[
            "import",
            "statuspage",
            hostile.join("statuspage.json").to_str().unwrap(),
        ],
    );
    // One warning for the incident, saying what went.
    let xss: Vec<&str> = out
        .stderr
        .lines()
        .filter(|l| l.contains("incident xss00000001"))
        .collect();
    assert_eq!(xss.len(), 1, "{}", out.stderr);
    assert!(
        xss[0].contains("HTML elements <iframe>, <object>, <script>, <style>")
            && xss[0].contains("HTML attributes onclick, onerror, onmouseover")
            && xss[0].contains("links and images to data:, javascript:, vbscript:"),
        "{}",
        xss[0]
    );
    let out = import(
        root,
        &["import", "cstate", hostile.join("cstate").to_str().unwrap()],
    );
    has(&out, "2024-01-02-xss.md: removed from the imported text: HTML elements <iframe>, <script>; HTML attributes onclick; links and images to data:, javascript:, vbscript:");
    check_and_build(root);
    let page = read(&root.join("public/incidents/xss00000001/index.html"));
    assert_eq!(unsafe_markup(&page), Vec::<String>::new());
    let a = doc(root, "incidents/xss00000001");
    // Link text stays, safe links stay.
    assert_eq!(
        a["timeline"][1]["message_html"],
        "<p>Fixed. details more <a href=\"https://example.com/ok\">ok</a></p>\n"
    );
    let pm = a["postmortem_html"].as_str().unwrap();
    assert!(pm.contains("See the report and chart."), "{pm}");
    assert!(
        pm.contains("<a href=\"https://example.com/ok\">good link</a>"),
        "{pm}"
    );
    assert!(pm.contains("<b>bold</b>"), "{pm}");
    let c = doc(root, "incidents/2024-01-02-xss");
    assert_eq!(
        c["timeline"][1]["message_html"],
        "<p>Fixed, see notes.</p>\n"
    );
}

#[test]
fn hostile_imports_give_a_site_that_checks_and_builds() {
    // Everything in tests/fixtures/import/hostile, plus what cannot be a fixture file.
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let src = tempfile::tempdir().unwrap();
    common::copy_dir(&fixture("hostile"), src.path());
    let issues = src.path().join("cstate/content/issues");
    std::fs::write(
        issues.join("2024-02-01-latin1.md"),
        b"---\ntitle: Caf\xe9\n---\n",
    )
    .unwrap();
    std::fs::write(
        issues.join("2024-02-02-nul.md"),
        b"---\ntitle: \"a\\0b\"\ndate: 2024-02-02 10:00:00\nseverity: down\n---\nx\x00y\x7f\n",
    )
    .unwrap();
    let mut more = b"\xEF\xBB\xBF".to_vec();
    more.extend(
        serde_json::json!({"incidents": [
            {"id": "y".repeat(5000), "name": "Long id", "status": "resolved", "impact": "minor",
             "created_at": "2024-04-01T10:00:00Z", "resolved_at": "2024-04-01T11:00:00Z"},
            {"id": "big1", "name": "Big", "status": "resolved", "impact": "minor",
             "created_at": "2024-04-02T10:00:00Z", "postmortem_body": "z".repeat(1_500_000)}
        ]})
        .to_string()
        .as_bytes(),
    );
    std::fs::write(src.path().join("more.json"), more).unwrap();
    let sp = src.path().join("statuspage.json");
    let more = src.path().join("more.json");
    import(
        root,
        &[
            "import",
            "statuspage",
            sp.to_str().unwrap(),
            more.to_str().unwrap(),
        ],
    );
    import(
        root,
        &[
            "import",
            "cstate",
            src.path().join("cstate").to_str().unwrap(),
        ],
    );
    check_and_build(root);
    // No file written or built carries an unsafe scheme, and no page, API body or feed entry
    // carries a script, an event handler or an unsafe link.
    for (path, bytes) in tree(root) {
        // Social cards are images drawn from escaped text: binary, with NUL bytes of their own.
        if path.extension().is_some_and(|x| x == "png") {
            continue;
        }
        // The build cache is afterword's own binary record of the site's files (with the text
        // as written), never published.
        if path.starts_with(".afterword") {
            continue;
        }
        let text = String::from_utf8_lossy(&bytes).to_ascii_lowercase();
        for bad in [
            "javascript:",
            "vbscript:",
            "data:text",
            "data:image",
            "\u{0}",
        ] {
            assert!(!text.contains(bad), "{} holds {bad:?}", path.display());
        }
        let name = path.to_string_lossy().into_owned();
        if name.ends_with(".html") {
            assert_eq!(unsafe_markup(&text), Vec::<String>::new(), "{name}");
        } else if name.ends_with(".json") {
            let v: Value = serde_json::from_slice(&bytes).unwrap();
            let mut strings = vec![&v];
            while let Some(v) = strings.pop() {
                match v {
                    Value::String(s) if s.contains('<') => {
                        assert_eq!(unsafe_markup(s), Vec::<String>::new(), "{name}")
                    }
                    Value::Array(a) => strings.extend(a),
                    Value::Object(o) => strings.extend(o.values()),
                    _ => {}
                }
            }
        } else if name.ends_with(".xml") && !name.ends_with("sitemap.xml") {
            let feed = feed_rs::parser::parse(&bytes[..]).unwrap();
            for e in feed.entries {
                for html in e
                    .content
                    .and_then(|c| c.body)
                    .into_iter()
                    .chain(e.summary.map(|s| s.content))
                {
                    assert_eq!(unsafe_markup(&html), Vec::<String>::new(), "{name}");
                }
            }
        }
    }
}

#[test]
fn long_component_names_give_ids_that_fit_a_file_name() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let long = "x".repeat(600);
    let cjk = "中".repeat(100);
    let d = serde_json::json!({"components": [
        {"id": "c1", "name": long, "status": "operational", "position": 1},
        {"id": "c2", "name": cjk, "status": "operational", "position": 2},
    ], "incidents": [{"id": "i1", "name": "Slow", "status": "resolved", "impact": "minor",
        "created_at": "2024-03-01T10:00:00Z", "resolved_at": "2024-03-01T11:00:00Z",
        "components": [{"id": "c1", "name": long}, {"id": "c2", "name": cjk}]}]});
    std::fs::write(root.join("s.json"), d.to_string()).unwrap();
    import(root, &["import", "statuspage", "s.json"]);
    check_and_build(root);
    let ids: Vec<String> = std::fs::read_dir(root.join("public/components"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !n.contains('.'))
        .collect();
    assert_eq!(ids.len(), 2, "{ids:?}");
    for id in &ids {
        assert!(id.len() <= 64, "{id}");
    }
    // cState systems too.
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("cstate");
    std::fs::create_dir_all(src.join("content/issues")).unwrap();
    std::fs::write(
        src.join("config.yml"),
        format!(
            "title: Status\nparams:\n  systems:\n    - {}\n",
            "Sys".repeat(100)
        ),
    )
    .unwrap();
    std::fs::write(
        src.join("content/issues/a.md"),
        format!(
            "---\ntitle: Down\ndate: 2024-03-01T10:00:00Z\nresolved: true\nresolvedWhen: 2024-03-01T11:00:00Z\nseverity: down\naffected:\n  - {}\n---\nFixed.\n",
            "Sys".repeat(100)
        ),
    )
    .unwrap();
    let site = dir.path().join("site");
    std::fs::create_dir_all(&site).unwrap();
    import(&site, &["import", "cstate", src.to_str().unwrap()]);
    check_and_build(&site);
}

#[test]
fn an_import_that_brings_nothing_still_leaves_a_site_that_checks() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::write(root.join("i.json"), r#"{"incidents": []}"#).unwrap();
    import(root, &["import", "statuspage", "i.json"]);
    assert!(root.join("site.toml").is_file());
    assert!(root.join("content").is_dir());
    check_and_build(root);
}

#[test]
fn odd_catalogs_still_give_a_site_that_checks() {
    // Names that differ only in case are one component; a component without a name, an empty
    // page name and a page URL `check` would refuse are not written as they are.
    for url in [
        "https://x.example/a b",
        "https://x.example/sub?q=1#f",
        "https://x.example/\u{7}",
    ] {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let d = serde_json::json!({
            "page": {"id": "p", "name": "", "url": url},
            "components": [
                {"id": "c1", "name": "API", "status": "operational", "position": 1},
                {"id": "c2", "name": "api", "status": "operational", "position": 2},
                {"id": "c3", "name": "", "status": "operational", "position": 3},
            ],
            "incidents": [{"id": "i1", "name": "Slow", "status": "resolved", "impact": "minor",
                "created_at": "2024-03-01T10:00:00Z", "resolved_at": "2024-03-01T11:00:00Z",
                "components": [{"id": "c1", "name": "API"}, {"id": "c2", "name": "api"},
                               {"id": "c3", "name": ""}]}]});
        std::fs::write(root.join("s.json"), d.to_string()).unwrap();
        import(root, &["import", "statuspage", "s.json"]);
        check_and_build(root);
    }
}
