//! The shape of `/api/v2/*.json`, held to Statuspage's public API as listed in
//! ../shared/reference/statuspage-api.md: strict structs (no unknown field, every field present,
//! nullable only where Statuspage's is, closed enums for every value set). Run on the feeds/API
//! fixture and on the example site at the repository root, so the shapes cannot drift.

mod common;

use common::{copy_dir, run};
use serde::de::{DeserializeOwned, Error as _};
use serde::{Deserialize, Deserializer};
use serde_json::Value;
use std::path::Path;

/// Present, and either `null` or a `T` (a plain `Option` would also accept a missing field).
#[derive(Debug)]
struct Nullable<T>(#[allow(dead_code)] Option<T>);

impl<'de, T: DeserializeOwned> Deserialize<'de> for Nullable<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let v = Value::deserialize(d)?;
        if v.is_null() {
            Ok(Nullable(None))
        } else {
            T::deserialize(v)
                .map(|x| Nullable(Some(x)))
                .map_err(D::Error::custom)
        }
    }
}

/// An RFC 3339 timestamp with an offset.
#[derive(Debug)]
struct Time;

impl<'de> Deserialize<'de> for Time {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        chrono::DateTime::parse_from_rfc3339(&s)
            .map(|_| Time)
            .map_err(|e| D::Error::custom(format!("{s:?} is not RFC 3339: {e}")))
    }
}

/// A calendar date, `YYYY-MM-DD`.
#[derive(Debug)]
struct Date;

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        chrono::NaiveDate::parse_from_str(&s, "%Y-%m-%d")
            .map(|_| Date)
            .map_err(|e| D::Error::custom(format!("{s:?} is not a date: {e}")))
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Page {
    id: String,
    name: String,
    url: String,
    time_zone: String,
    updated_at: Time,
}

#[derive(Debug, Deserialize, PartialEq)]
#[serde(rename_all = "snake_case")]
enum ComponentStatus {
    Operational,
    DegradedPerformance,
    PartialOutage,
    MajorOutage,
    UnderMaintenance,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Component {
    id: String,
    name: String,
    status: ComponentStatus,
    created_at: Time,
    updated_at: Time,
    position: u32,
    description: Nullable<String>,
    showcase: bool,
    start_date: Nullable<Date>,
    group_id: Nullable<String>,
    page_id: String,
    group: bool,
    only_show_if_degraded: bool,
    /// Groups only: their members' ids.
    #[serde(default)]
    components: Option<Vec<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "snake_case")]
enum IncidentStatus {
    Investigating,
    Identified,
    Monitoring,
    Resolved,
    Postmortem,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "snake_case")]
enum MaintenanceStatus {
    Scheduled,
    InProgress,
    Verifying,
    Completed,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "snake_case")]
enum Impact {
    None,
    Minor,
    Major,
    Critical,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "snake_case")]
enum MaintenanceImpact {
    Maintenance,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Affected {
    code: String,
    name: String,
    old_status: ComponentStatus,
    new_status: ComponentStatus,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Update<S> {
    id: String,
    status: S,
    body: String,
    incident_id: String,
    created_at: Time,
    updated_at: Time,
    display_at: Time,
    affected_components: Nullable<Vec<Affected>>,
    deliver_notifications: bool,
    custom_tweet: Nullable<String>,
    tweet_id: Nullable<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Incident {
    id: String,
    name: String,
    status: IncidentStatus,
    created_at: Time,
    updated_at: Nullable<Time>,
    monitoring_at: Nullable<Time>,
    resolved_at: Nullable<Time>,
    impact: Impact,
    shortlink: String,
    started_at: Time,
    page_id: String,
    incident_updates: Vec<Update<IncidentStatus>>,
    components: Vec<Component>,
    postmortem_body: Nullable<String>,
    postmortem_published_at: Nullable<Time>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Maintenance {
    id: String,
    name: String,
    status: MaintenanceStatus,
    created_at: Time,
    updated_at: Nullable<Time>,
    monitoring_at: Nullable<Time>,
    resolved_at: Nullable<Time>,
    impact: MaintenanceImpact,
    shortlink: String,
    started_at: Time,
    page_id: String,
    incident_updates: Vec<Update<MaintenanceStatus>>,
    components: Vec<Component>,
    postmortem_body: Nullable<String>,
    postmortem_published_at: Nullable<Time>,
    scheduled_for: Time,
    scheduled_until: Time,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "snake_case")]
enum Indicator {
    None,
    Minor,
    Major,
    Critical,
    Maintenance,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Status {
    indicator: Indicator,
    description: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct SummaryFile {
    page: Page,
    components: Vec<Component>,
    incidents: Vec<Incident>,
    scheduled_maintenances: Vec<Maintenance>,
    status: Status,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct StatusFile {
    page: Page,
    status: Status,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct ComponentsFile {
    page: Page,
    components: Vec<Component>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct IncidentsFile {
    page: Page,
    incidents: Vec<Incident>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct MaintenancesFile {
    page: Page,
    scheduled_maintenances: Vec<Maintenance>,
}

fn strict<T: DeserializeOwned>(public: &Path, rel: &str) -> T {
    let text = std::fs::read_to_string(public.join(rel)).unwrap();
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{rel} does not match the shape: {e}"))
}

/// Every file in its strict shape, and the group/member fields consistent.
fn check_site(public: &Path) -> usize {
    let summary: SummaryFile = strict(public, "api/v2/summary.json");
    let _: StatusFile = strict(public, "api/v2/status.json");
    let comps: ComponentsFile = strict(public, "api/v2/components.json");
    let incidents: IncidentsFile = strict(public, "api/v2/incidents.json");
    let _: IncidentsFile = strict(public, "api/v2/incidents/unresolved.json");
    let maint: MaintenancesFile = strict(public, "api/v2/scheduled-maintenances.json");
    let _: MaintenancesFile = strict(public, "api/v2/scheduled-maintenances/upcoming.json");
    let _: MaintenancesFile = strict(public, "api/v2/scheduled-maintenances/active.json");
    assert!(!comps.components.is_empty());
    for c in &comps.components {
        assert_eq!(c.group, c.components.is_some(), "{}: group members", c.id);
        assert_eq!(c.page_id, summary.page.id);
    }
    let ids: Vec<&str> = comps.components.iter().map(|c| c.id.as_str()).collect();
    let mut unique = ids.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), ids.len(), "component ids are unique: {ids:?}");
    let positions: Vec<u32> = comps.components.iter().map(|c| c.position).collect();
    assert_eq!(positions, (1..=ids.len() as u32).collect::<Vec<_>>());
    incidents.incidents.len() + maint.scheduled_maintenances.len()
}

#[test]
fn api_matches_statuspage_shapes_on_the_fixture() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/api"),
        dir.path(),
    );
    let out = run(dir.path(), &["build", "--now", "2024-11-10T20:00:00Z"]);
    assert!(out.status.success(), "{}", out.stderr);
    assert_eq!(check_site(&dir.path().join("public")), 4 + 3);
}

#[test]
fn api_matches_statuspage_shapes_on_the_example_site() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out_dir = tempfile::tempdir().unwrap();
    let public = out_dir.path().join("public");
    let out = run(
        root,
        &[
            "build",
            "--output",
            public.to_str().unwrap(),
            "--now",
            "2026-11-21T12:00:00Z",
        ],
    );
    assert!(out.status.success(), "{}", out.stderr);
    assert!(check_site(&public) > 5);
}

#[test]
fn strict_shapes_reject_drift() {
    // The checks above can fail: a missing nullable field, an unknown field and a value
    // outside the enum are each rejected.
    let good = r#"{"indicator": "none", "description": "All Systems Operational"}"#;
    assert!(serde_json::from_str::<Status>(good).is_ok());
    assert!(
        serde_json::from_str::<Status>(r#"{"indicator": "down", "description": "x"}"#).is_err()
    );
    assert!(serde_json::from_str::<Status>(
        r#"{"indicator": "none", "description": "x", "extra": 1}"#
    )
    .is_err());
    let affected =
        r#"{"code": "a", "name": "A", "old_status": "operational", "new_status": "major_outage"}"#;
    assert!(serde_json::from_str::<Affected>(affected).is_ok());
    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct N {
        x: Nullable<String>,
    }
    assert!(serde_json::from_str::<N>(r#"{"x": null}"#).is_ok());
    assert!(serde_json::from_str::<N>(r#"{}"#).is_err());
    assert!(serde_json::from_str::<Time>(r#""2024-11-10 11:00""#).is_err());
}
