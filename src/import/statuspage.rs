//! Statuspage public API v2 JSON, saved to disk: `incidents.json`, `summary.json`,
//! `scheduled-maintenances.json`, `components.json`, single `/incidents/<code>.json` objects
//! and webhook envelopes (`{"incident": {…}}`). No network: the files are read as given.
//!
//! Every field may be `null` or missing; what cannot be read is reported as a warning naming
//! the file and the incident, never silently dropped.

use super::{
    html, mark_repeats, parse_time, Catalog, Component, Group, ImpactWindow, Item, Kind, Report,
    Time, Update,
};
use serde_json::Value;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

const INCIDENT_STATUSES: &[&str] = &[
    "investigating",
    "identified",
    "monitoring",
    "resolved",
    "postmortem",
];
const MAINTENANCE_STATUSES: &[&str] = &["scheduled", "in_progress", "verifying", "completed"];
const IMPACTS: &[&str] = &["none", "minor", "major", "critical"];

/// A string field; a string over [`super::MAX_VALUE_BYTES`] is not taken (see [`oversized`]).
fn s<'a>(v: &'a Value, key: &str) -> Option<&'a str> {
    v.get(key)
        .and_then(Value::as_str)
        .filter(|s| s.len() <= super::MAX_VALUE_BYTES)
}

/// The first string in `v` longer than [`super::MAX_VALUE_BYTES`]: its JSON pointer below `v`
/// and its length. `skip` names keys not to look into (they are checked on their own).
fn oversized(v: &Value, skip: &[&str]) -> Option<(String, usize)> {
    match v {
        Value::String(s) if s.len() > super::MAX_VALUE_BYTES => Some((String::new(), s.len())),
        Value::Array(a) => a
            .iter()
            .enumerate()
            .find_map(|(i, x)| oversized(x, &[]).map(|(p, n)| (format!("/{i}{p}"), n))),
        Value::Object(o) => o
            .iter()
            .filter(|(k, _)| !skip.contains(&k.as_str()))
            .find_map(|(k, x)| oversized(x, &[]).map(|(p, n)| (format!("/{k}{p}"), n))),
        _ => None,
    }
}

fn t(v: &Value, key: &str) -> Option<Time> {
    s(v, key).and_then(parse_time)
}

fn list<'a>(v: &'a Value, key: &str) -> &'a [Value] {
    v.get(key)
        .and_then(Value::as_array)
        .map_or(&[], Vec::as_slice)
}

/// Read the files into the catalog and return their incidents and maintenances, each once
/// (an incident in several files is taken from the one updated last).
pub fn read(
    files: &[PathBuf],
    catalog: &mut Catalog,
    report: &mut Report,
) -> Result<Vec<Item>, String> {
    let docs = parse_files(files)?;
    // Groups first: incidents name their components' groups only by id.
    let groups = read_groups(&docs, catalog);
    let names = Names::new(&docs, &groups);
    let mut found: BTreeMap<String, (Option<Time>, usize, &Value, &Path)> = BTreeMap::new();
    for (f, v) in &docs {
        let incidents = read_doc(f, v, &groups, &names, catalog, report)?;
        for i in incidents {
            let Some(id) = s(i, "id").filter(|id| !id.trim().is_empty()) else {
                report.warnings.push(format!(
                    "{}: an incident without an `id` (\"{}\") was skipped",
                    f.display(),
                    super::safe::short(s(i, "name").unwrap_or("untitled"))
                ));
                continue;
            };
            if let Some((at, n)) = oversized(i, &[]) {
                report.warnings.push(format!(
                    "{}: incident {}: `{at}` is a string of {n} bytes, over the limit of {} \
                     bytes for one value; skipped",
                    f.display(),
                    super::safe::short(id),
                    super::MAX_VALUE_BYTES
                ));
                continue;
            }
            let rank = (t(i, "updated_at"), list(i, "incident_updates").len());
            let newer = found
                .get(id)
                .is_none_or(|(u, n, _, _)| (rank.0, rank.1) > (*u, *n));
            if newer {
                found.insert(id.to_string(), (rank.0, rank.1, i, f));
            }
        }
    }
    let page_url = catalog.url.clone();
    Ok(found
        .into_iter()
        .filter_map(|(id, (_, _, v, f))| {
            let ctx = Ctx {
                groups: &groups,
                names: &names,
                page_url: page_url.as_deref(),
            };
            item(&id, v, f, &ctx, catalog, report)
        })
        .collect())
}

/// Each file, read (within the size limit) and parsed as JSON.
fn parse_files(files: &[PathBuf]) -> Result<Vec<(&Path, Value)>, String> {
    let mut docs = Vec::new();
    for f in files {
        let bytes = super::read_capped(f)?;
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
        // Nesting deeper than serde_json's recursion limit (128) is an error here, not a crash.
        let v: Value = serde_json::from_slice(bytes).map_err(|e| {
            format!(
                "{}:{}:{}: not valid JSON: {e}\nhelp: give files saved from a Statuspage page's /api/v2/ (incidents.json, summary.json, …)",
                f.display(),
                e.line(),
                e.column()
            )
        })?;
        docs.push((f.as_path(), v));
    }
    Ok(docs)
}

/// The component groups of every file, added to the catalog: group id to name.
fn read_groups(docs: &[(&Path, Value)], catalog: &mut Catalog) -> HashMap<String, String> {
    let mut groups: HashMap<String, String> = HashMap::new();
    for (_, v) in docs {
        for c in list(v, "components") {
            if c.get("group").and_then(Value::as_bool) == Some(true) {
                if let (Some(id), Some(name)) = (s(c, "id"), s(c, "name")) {
                    let name = name.trim();
                    if name.is_empty() {
                        continue;
                    }
                    groups.insert(id.to_string(), name.to_string());
                    catalog.add_group(Group {
                        name: name.to_string(),
                        description: s(c, "description").map(str::to_string),
                    });
                }
            }
        }
    }
    groups
}

/// One file: its page and components go into the catalog; its incident objects are returned.
/// A file with none of what Statuspage writes is an error.
fn read_doc<'v>(
    f: &Path,
    v: &'v Value,
    groups: &HashMap<String, String>,
    names: &Names,
    catalog: &mut Catalog,
    report: &mut Report,
) -> Result<Vec<&'v Value>, String> {
    let incident_keys = ["incidents", "scheduled_maintenances", "incident"];
    let is_incident = v.get("incident_updates").is_some()
        || (s(v, "id").is_some() && s(v, "name").is_some() && s(v, "status").is_some());
    if !is_incident {
        if let Some((at, n)) = oversized(v, &incident_keys) {
            report.warnings.push(format!(
                "{}: {at}: a string of {n} bytes, over the limit of {} bytes for one value; ignored",
                f.display(),
                super::MAX_VALUE_BYTES
            ));
        }
    }
    let mut recognised = false;
    if let Some(page) = v.get("page") {
        catalog.title = catalog.title.take().or(s(page, "name").map(str::to_string));
        catalog.url = catalog.url.take().or(s(page, "url").map(str::to_string));
        catalog.timezone = catalog
            .timezone
            .take()
            .or(s(page, "time_zone").map(str::to_string));
    }
    for c in list(v, "components") {
        recognised = true;
        if c.get("group").and_then(Value::as_bool) != Some(true) {
            add_component(catalog, groups, names, c);
        }
    }
    let mut incidents: Vec<&Value> = Vec::new();
    for key in ["incidents", "scheduled_maintenances"] {
        if let Some(a) = v.get(key).and_then(Value::as_array) {
            recognised = true;
            incidents.extend(a);
        }
    }
    if let Some(i) = v.get("incident").filter(|i| i.is_object()) {
        incidents.push(i);
    }
    if v.get("incident_updates").is_some()
        || (s(v, "id").is_some() && s(v, "name").is_some() && s(v, "status").is_some())
    {
        incidents.push(v);
    }
    recognised |= !incidents.is_empty();
    if !recognised {
        return Err(format!(
            "{}: not Statuspage API JSON: expected `incidents`, `scheduled_maintenances`, \
             `components`, or one incident object\nhelp: save https://<your page>/api/v2/incidents.json \
             (and summary.json, scheduled-maintenances.json) and import those",
            f.display()
        ));
    }
    Ok(incidents)
}

/// Component ids to the names they are imported under: their own, unless two components
/// share a name (`API` in two groups), then `API (Group)` (or `API (id)` without a group), so
/// that they stay two components.
struct Names(HashMap<String, String>);

impl Names {
    fn new(docs: &[(&Path, Value)], groups: &HashMap<String, String>) -> Names {
        let mut seen: BTreeMap<String, (String, Option<String>)> = BTreeMap::new();
        let mut note = |c: &Value| {
            if c.get("group").and_then(Value::as_bool) == Some(true) {
                return;
            }
            if let (Some(id), Some(name)) = (s(c, "id"), s(c, "name").map(str::trim)) {
                if !name.is_empty() {
                    let group = s(c, "group_id").map(str::to_string);
                    seen.entry(id.to_string())
                        .or_insert((name.to_string(), group));
                }
            }
        };
        for (_, v) in docs {
            list(v, "components").iter().for_each(&mut note);
            let incidents = ["incidents", "scheduled_maintenances"]
                .iter()
                .flat_map(|k| list(v, k))
                .chain(v.get("incident"))
                .chain(std::iter::once(v));
            for i in incidents {
                list(i, "components").iter().for_each(&mut note);
            }
        }
        let mut ids_by_name: HashMap<&str, usize> = HashMap::new();
        for (name, _) in seen.values() {
            *ids_by_name.entry(name.as_str()).or_default() += 1;
        }
        let shown = seen
            .iter()
            .map(|(id, (name, group))| {
                let name = if ids_by_name.get(name.as_str()).copied().unwrap_or(0) > 1 {
                    match group.as_ref().and_then(|g| groups.get(g)) {
                        Some(g) => format!("{name} ({g})"),
                        None => format!("{name} ({id})"),
                    }
                } else {
                    name.clone()
                };
                (id.clone(), name)
            })
            .collect();
        Names(shown)
    }

    /// The name to import a component (or an `affected_components` entry) under.
    fn of(&self, c: &Value, id_key: &str) -> Option<String> {
        let own = s(c, "name").map(str::trim).filter(|n| !n.is_empty());
        s(c, id_key)
            .and_then(|id| self.0.get(id).cloned())
            .or(own.map(str::to_string))
    }
}

/// What every incident's conversion needs to know of the whole import.
struct Ctx<'a> {
    groups: &'a HashMap<String, String>,
    names: &'a Names,
    page_url: Option<&'a str>,
}

fn add_component(
    catalog: &mut Catalog,
    groups: &HashMap<String, String>,
    names: &Names,
    c: &Value,
) -> Option<String> {
    let name = names.of(c, "id")?;
    catalog.add_component(Component {
        name: name.clone(),
        description: s(c, "description").map(str::to_string),
        group: s(c, "group_id").and_then(|g| groups.get(g)).cloned(),
        // A start date outside the supported range is left out.
        since: s(c, "start_date")
            .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
            .filter(|d| {
                d.and_hms_opt(0, 0, 0)
                    .is_some_and(|t| crate::util::timefmt::check_range(t.and_utc()).is_ok())
            }),
    });
    Some(name)
}

fn level(status: &str) -> Option<&'static str> {
    match status {
        "degraded_performance" => Some("degraded_performance"),
        "partial_outage" => Some("partial_outage"),
        "major_outage" => Some("major_outage"),
        _ => None,
    }
}

fn item(
    id: &str,
    v: &Value,
    file: &Path,
    ctx: &Ctx,
    catalog: &mut Catalog,
    report: &mut Report,
) -> Option<Item> {
    let origin = format!("{}: incident {}", file.display(), super::safe::short(id));
    let mut warn = |m: String| report.warnings.push(format!("{origin}: {m}"));
    let mut removed = super::safe::Removed::default();
    let maintenance =
        s(v, "impact") == Some("maintenance") || !v.get("scheduled_for").is_none_or(Value::is_null);
    let title = match s(v, "name").map(str::trim).filter(|n| !n.is_empty()) {
        Some(n) => n.to_string(),
        None => {
            warn("no `name`; its id is the title".into());
            id.to_string()
        }
    };
    let timeline = read_updates(v, maintenance, &mut warn, &mut removed);

    let mut components: Vec<String> = list(v, "components")
        .iter()
        .filter_map(|c| add_component(catalog, ctx.groups, ctx.names, c))
        .collect();
    let mut impacts = Vec::new();
    if !maintenance {
        impacts = impact_windows(&timeline, ctx.names);
        for w in &impacts {
            if !components.contains(&w.component) {
                components.push(w.component.clone());
                catalog.add_component(Component {
                    name: w.component.clone(),
                    description: None,
                    group: None,
                    since: None,
                });
            }
        }
    }
    let mut timeline: Vec<Update> = timeline.into_iter().map(|(u, _)| u).collect();
    mark_repeats(&mut timeline);

    let first = timeline.first().map(|u| u.at);
    let started_at = t(v, "started_at").or_else(|| t(v, "created_at"));
    let started = match (started_at, first) {
        (Some(s), Some(f)) if s != f => Some(s),
        (Some(s), None) => Some(s),
        (None, None) => {
            warn("no `started_at`, `created_at` or updates: there is no time to place it at; skipped".into());
            return None;
        }
        _ => None,
    };
    // One of them is there: the case without both returned above.
    let start = started.or(first)?;
    // A maintenance's start is its window.
    let started = started.filter(|_| !maintenance);

    let mut resolved = None;
    let mut window = None;
    let impact;
    if maintenance {
        impact = String::new();
        window = Some(maintenance_window(v, &timeline, start, &mut warn));
    } else {
        impact = impact_of(v, &mut warn);
        resolved = resolved_of(v, &timeline, start, &mut warn);
    }
    let aliases = s(v, "shortlink")
        .map(str::trim)
        .filter(|l| crate::check::validate::is_alias_url(l))
        .filter(|l| ctx.page_url.is_none_or(|p| !l.starts_with(p)))
        .map(|l| vec![l.to_string()])
        .unwrap_or_default();
    let (slug, why) = super::safe_slug(id, &title);
    if let Some(why) = why {
        warn(why);
    }
    Some(Item {
        source: "statuspage",
        id: id.to_string(),
        slug,
        kind: if maintenance {
            Kind::Maintenance
        } else {
            Kind::Incident
        },
        title,
        impact,
        components,
        started,
        resolved,
        window,
        timeline,
        impacts,
        body: s(v, "postmortem_body").unwrap_or("").trim().to_string(),
        aliases,
        draft: false,
        notes: Vec::new(),
        origin,
        removed,
    })
}

/// The incident's updates, oldest first, each with the JSON it came from. `incident_updates`
/// are newest first; `display_at` is the time the page shows.
fn read_updates<'v>(
    v: &'v Value,
    maintenance: bool,
    warn: &mut impl FnMut(String),
    removed: &mut super::safe::Removed,
) -> Vec<(Update, &'v Value)> {
    let statuses = if maintenance {
        MAINTENANCE_STATUSES
    } else {
        INCIDENT_STATUSES
    };
    let mut timeline: Vec<(Update, &Value)> = Vec::new();
    for u in list(v, "incident_updates").iter().rev() {
        let Some(at) = t(u, "display_at").or_else(|| t(u, "created_at")) else {
            warn(format!(
                "update {} has no readable `display_at` or `created_at`; skipped",
                s(u, "id").unwrap_or("?")
            ));
            continue;
        };
        let raw = s(u, "status").unwrap_or("");
        let status = if statuses.contains(&raw) {
            raw.to_string()
        } else {
            warn(format!(
                "update status `{raw}` is not one afterword knows here; imported as `update`"
            ));
            "update".to_string()
        };
        let message = html::to_markdown(s(u, "body").unwrap_or(""), removed);
        timeline.push((
            Update {
                at,
                status,
                message,
            },
            u,
        ));
    }
    timeline.sort_by_key(|(u, _)| u.at);
    timeline
}

/// The updates' `affected_components` transitions, per component: a window opens at each
/// change to a level and closes at the next change.
fn impact_windows(timeline: &[(Update, &Value)], names: &Names) -> Vec<ImpactWindow> {
    let mut impacts = Vec::new();
    let mut open: BTreeMap<String, (&'static str, Time)> = BTreeMap::new();
    let mut order: Vec<String> = Vec::new();
    for (u, raw) in timeline {
        for a in list(raw, "affected_components") {
            let Some(name) = names.of(a, "code") else {
                continue;
            };
            let name = name.as_str();
            if !order.iter().any(|o| o == name) {
                order.push(name.to_string());
            }
            let new = s(a, "new_status").and_then(level);
            let now = open.get(name).map(|(l, _)| *l);
            if now == new {
                continue;
            }
            if let Some((l, start)) = open.remove(name) {
                if u.at > start {
                    impacts.push(ImpactWindow {
                        component: name.to_string(),
                        level: l.to_string(),
                        start: Some(start),
                        end: Some(u.at),
                    });
                }
            }
            if let Some(l) = new {
                open.insert(name.to_string(), (l, u.at));
            }
        }
    }
    for name in &order {
        if let Some((l, start)) = open.remove(name) {
            impacts.push(ImpactWindow {
                component: name.clone(),
                level: l.to_string(),
                start: Some(start),
                end: None,
            });
        }
    }
    impacts
}

/// A maintenance's window: `scheduled_for` to `scheduled_until`, else its updates' times.
fn maintenance_window(
    v: &Value,
    timeline: &[Update],
    start: Time,
    warn: &mut impl FnMut(String),
) -> (Time, Time) {
    let first_of = |st: &str| timeline.iter().find(|u| u.status == st).map(|u| u.at);
    let from = t(v, "scheduled_for")
        .or(first_of("in_progress"))
        .unwrap_or(start);
    let until = t(v, "scheduled_until")
        .or(first_of("completed"))
        .filter(|u| *u > from)
        .unwrap_or_else(|| {
            warn("no `scheduled_until` after its start; the window is set to one hour".into());
            // At the end of time there is no hour left: the range check skips it then.
            from.checked_add_signed(chrono::Duration::hours(1))
                .unwrap_or(from)
        });
    (from, until)
}

/// An incident's impact: `none` when it is missing or not one Statuspage has.
fn impact_of(v: &Value, warn: &mut impl FnMut(String)) -> String {
    match s(v, "impact") {
        Some(i) if IMPACTS.contains(&i) => i.to_string(),
        other => {
            warn(match other {
                Some(i) => {
                    format!("impact `{i}` is not none/minor/major/critical; imported as none")
                }
                None => "no `impact`; imported as none".to_string(),
            });
            "none".to_string()
        }
    }
}

/// An incident's `resolved_at`, where the timeline does not already say it.
fn resolved_of(
    v: &Value,
    timeline: &[Update],
    start: Time,
    warn: &mut impl FnMut(String),
) -> Option<Time> {
    let first_resolved = timeline
        .iter()
        .find(|u| u.status == "resolved")
        .map(|u| u.at);
    match t(v, "resolved_at") {
        Some(r) if first_resolved != Some(r) && r >= start => return Some(r),
        Some(r) if r < start => warn(format!(
            "`resolved_at` {r} is before its start; the first `resolved` update is used"
        )),
        None if first_resolved.is_none()
            && matches!(s(v, "status"), Some("resolved" | "postmortem")) =>
        {
            warn("marked resolved, with no `resolved_at` and no resolved update; imported as ongoing".into())
        }
        _ => {}
    }
    None
}
