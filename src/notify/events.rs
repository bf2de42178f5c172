//! What happened: the events of a site's incidents and maintenances, each with a stable id.
//!
//! A site is first turned into [`Item`]s, from the model (the site as just built) or from the
//! API files of a published site (the previous state); [`events`] is then the one function
//! that says which events an item has, so both sides agree on ids by construction.

use crate::model::{Incident, Status};
use chrono::{DateTime, Utc};
use serde::Deserialize;

/// An incident or a maintenance, with what the events need.
#[derive(Debug, Clone)]
pub struct Item {
    pub maintenance: bool,
    pub slug: String,
    pub title: String,
    /// The severity id (incidents, current side only; empty when unknown).
    pub severity: String,
    /// The severity's name (current side only).
    pub severity_name: String,
    /// Component ids.
    pub components: Vec<String>,
    /// Component names, for messages.
    pub component_names: Vec<String>,
    /// The status now (a maintenance's follows the clock).
    pub status: String,
    /// The page's absolute URL.
    pub url: String,
    /// The first timeline entry, else the start (a maintenance's: when it was announced).
    pub created_at: DateTime<Utc>,
    /// An incident's start; a maintenance's window start.
    pub started_at: DateTime<Utc>,
    /// An incident's resolution; a maintenance's window end once completed.
    pub resolved_at: Option<DateTime<Utc>>,
    pub postmortem_at: Option<DateTime<Utc>>,
    /// A maintenance's planned window.
    pub scheduled: Option<(DateTime<Utc>, DateTime<Utc>)>,
    /// The timeline, oldest first: (time, effective status, message as written).
    pub updates: Vec<(DateTime<Utc>, String, String)>,
}

/// Kinds of event, as channels filter them (`events = [...]`) and the webhook body names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    Created,
    Updated,
    Resolved,
    Postmortem,
    Announced,
    Started,
    Completed,
}

impl Kind {
    pub fn id(self) -> &'static str {
        match self {
            Kind::Created => "incident.created",
            Kind::Updated => "incident.updated",
            Kind::Resolved => "incident.resolved",
            Kind::Postmortem => "incident.postmortem",
            Kind::Announced => "maintenance.announced",
            Kind::Started => "maintenance.started",
            Kind::Completed => "maintenance.completed",
        }
    }
}

/// One event of one item.
#[derive(Debug, Clone)]
pub struct Event {
    /// Stable: `incident/<slug>/created`, `incident/<slug>/update/<time>`, … (docs/notify.md).
    pub id: String,
    pub kind: Kind,
    pub at: DateTime<Utc>,
    /// The timeline message that goes with it (Markdown as written), if any.
    pub message: Option<String>,
    /// The status the event reports (`identified`, `resolved`, `in_progress`, …).
    pub status: String,
    /// Index of the item in the list given to [`events`].
    pub item: usize,
}

/// A time as it appears in an update event's id: `20261121T065200Z`.
fn id_time(t: DateTime<Utc>) -> String {
    t.format("%Y%m%dT%H%M%SZ").to_string()
}

/// Every event the items have had, oldest first (ties in id order).
///
/// An incident: `created` (its first entry, else its start), one `update` per later timeline
/// entry, except the entry that resolved it and the one that published the postmortem, which
/// are `resolved` and `postmortem`. An update's id is its time (and `-2`, `-3`, … for later
/// entries at the same second), so inserting an entry elsewhere keeps the other ids.
/// A maintenance: `announced`, `started` once its status has moved past `scheduled`,
/// `completed` once it is completed.
pub fn events(items: &[Item]) -> Vec<Event> {
    let mut out = Vec::new();
    for (n, i) in items.iter().enumerate() {
        let mut push = |id: String, kind, at, message: Option<&str>, status: &str| {
            out.push(Event {
                id,
                kind,
                at,
                message: message.map(str::to_string).filter(|m| !m.trim().is_empty()),
                status: status.to_string(),
                item: n,
            })
        };
        if i.maintenance {
            let first = i.updates.first().map(|u| u.2.as_str());
            push(
                format!("maintenance/{}/announced", i.slug),
                Kind::Announced,
                i.created_at,
                first,
                "scheduled",
            );
            if matches!(i.status.as_str(), "in_progress" | "verifying" | "completed") {
                let msg = i.updates.iter().find(|u| u.1 == "in_progress");
                push(
                    format!("maintenance/{}/started", i.slug),
                    Kind::Started,
                    i.started_at,
                    msg.map(|u| u.2.as_str()),
                    "in_progress",
                );
            }
            if i.status == "completed" {
                let msg = i.updates.iter().find(|u| u.1 == "completed");
                let at = i
                    .resolved_at
                    .or(i.scheduled.map(|s| s.1))
                    .unwrap_or(i.started_at);
                push(
                    format!("maintenance/{}/completed", i.slug),
                    Kind::Completed,
                    at,
                    msg.map(|u| u.2.as_str()),
                    "completed",
                );
            }
            continue;
        }
        let created = i.updates.first();
        push(
            format!("incident/{}/created", i.slug),
            Kind::Created,
            i.created_at,
            created.map(|u| u.2.as_str()),
            created.map_or("investigating", |u| u.1.as_str()),
        );
        // The entries that are the resolution and the postmortem's publication.
        let resolving = i
            .resolved_at
            .and_then(|_| i.updates.iter().skip(1).position(|u| u.1 == "resolved"))
            .map(|p| p + 1);
        let publishing = i
            .postmortem_at
            .and_then(|_| i.updates.iter().skip(1).position(|u| u.1 == "postmortem"))
            .map(|p| p + 1);
        let mut last: Option<(DateTime<Utc>, usize)> = None;
        for (k, u) in i.updates.iter().enumerate().skip(1) {
            let same = match last {
                Some((t, c)) if t == u.0 => c + 1,
                _ => 1,
            };
            last = Some((u.0, same));
            if Some(k) == resolving || Some(k) == publishing {
                continue;
            }
            let suffix = if same > 1 {
                format!("-{same}")
            } else {
                String::new()
            };
            push(
                format!("incident/{}/update/{}{suffix}", i.slug, id_time(u.0)),
                Kind::Updated,
                u.0,
                Some(&u.2),
                &u.1,
            );
        }
        if let Some(at) = i.resolved_at {
            let msg = resolving.map(|k| i.updates[k].2.as_str());
            push(
                format!("incident/{}/resolved", i.slug),
                Kind::Resolved,
                at,
                msg,
                "resolved",
            );
        }
        if let Some(at) = i.postmortem_at {
            let msg = publishing.map(|k| i.updates[k].2.as_str());
            push(
                format!("incident/{}/postmortem", i.slug),
                Kind::Postmortem,
                at,
                msg,
                "postmortem",
            );
        }
    }
    out.sort_by(|a, b| a.at.cmp(&b.at).then_with(|| a.id.cmp(&b.id)));
    out
}

/// The site as just built: its published items as the model has them at `now` (each is
/// already cut to what was written by `now` by `build::analyze`).
pub fn from_model(site: &crate::build::Site, now: DateTime<Utc>) -> Vec<Item> {
    let c = &site.config;
    let base = c.base_url.trim_end_matches('/');
    let item = |i: &Incident| -> Item {
        let route = if i.is_maintenance() {
            crate::util::route::Route::Maintenance(&i.slug)
        } else {
            crate::util::route::Route::Incident(&i.slug)
        };
        let statuses = i.effective_statuses();
        let sev = c.severity(&i.severity);
        Item {
            maintenance: i.is_maintenance(),
            slug: i.slug.clone(),
            title: i.title.clone(),
            severity: i.severity.clone(),
            severity_name: sev.map(|s| s.name.clone()).unwrap_or_default(),
            components: i.components.clone(),
            component_names: i
                .components
                .iter()
                .filter_map(|id| c.component(id).filter(|x| !x.hidden))
                .map(|x| x.display_name.clone())
                .collect(),
            status: i.status_at(now).id().to_string(),
            url: format!("{base}/{}", route.rel()),
            created_at: i.created_at(),
            started_at: match i.window {
                Some(w) => w.start,
                None => i.started,
            },
            resolved_at: i.resolved_at(now),
            postmortem_at: if i.is_maintenance() {
                None
            } else {
                i.first_at(Status::Postmortem)
            },
            scheduled: i.window.map(|w| (w.scheduled_start, w.scheduled_end)),
            updates: i
                .timeline
                .iter()
                .zip(statuses)
                .map(|(e, s)| (e.at, s.id().to_string(), e.message.trim().to_string()))
                .collect(),
        }
    };
    site.incidents
        .iter()
        .chain(&site.maintenances)
        .filter(|i| !i.draft)
        .map(|i| item(i))
        .collect()
}

/// `incidents.json` or `scheduled-maintenances.json` of a published site (docs/api.md), read
/// strictly: a field of the wrong type is an error, unknown fields are ignored.
#[derive(Deserialize)]
struct ApiFile {
    #[serde(default)]
    incidents: Option<Vec<ApiItem>>,
    #[serde(default)]
    scheduled_maintenances: Option<Vec<ApiItem>>,
}

#[derive(Deserialize)]
struct ApiItem {
    id: String,
    name: String,
    status: String,
    created_at: DateTime<chrono::FixedOffset>,
    started_at: DateTime<chrono::FixedOffset>,
    resolved_at: Option<DateTime<chrono::FixedOffset>>,
    #[serde(default)]
    postmortem_published_at: Option<DateTime<chrono::FixedOffset>>,
    #[serde(default)]
    scheduled_for: Option<DateTime<chrono::FixedOffset>>,
    #[serde(default)]
    scheduled_until: Option<DateTime<chrono::FixedOffset>>,
    shortlink: String,
    incident_updates: Vec<ApiUpdate>,
}

#[derive(Deserialize)]
struct ApiUpdate {
    status: String,
    body: String,
    created_at: DateTime<chrono::FixedOffset>,
}

/// The most items one API file may hold (the site writes 50 plus the unresolved ones).
const MAX_ITEMS: usize = 100_000;

/// The items of a published site's API file: `key` is `incidents` or
/// `scheduled_maintenances`.
pub fn from_api(text: &str, maintenance: bool) -> Result<Vec<Item>, String> {
    let f: ApiFile = serde_json::from_str(text).map_err(|e| format!("not the API file: {e}"))?;
    let (list, key) = if maintenance {
        (f.scheduled_maintenances, "scheduled_maintenances")
    } else {
        (f.incidents, "incidents")
    };
    let list = list.ok_or_else(|| format!("no `{key}` list"))?;
    if list.len() > MAX_ITEMS {
        return Err(format!("{} items (at most {MAX_ITEMS})", list.len()));
    }
    let utc = |t: DateTime<chrono::FixedOffset>| t.with_timezone(&Utc);
    list.into_iter()
        .map(|a| {
            if a.id.is_empty() || a.id.contains('/') || a.id.chars().any(char::is_control) {
                return Err(format!("bad id `{}`", crate::diag::printable(&a.id)));
            }
            let mut updates: Vec<(DateTime<Utc>, String, String)> = a
                .incident_updates
                .into_iter()
                .map(|u| (utc(u.created_at), u.status, u.body))
                .collect();
            // Listed newest first; the same order as the timeline, reversed.
            updates.reverse();
            Ok(Item {
                maintenance,
                slug: a.id,
                title: a.name,
                severity: String::new(),
                severity_name: String::new(),
                components: Vec::new(),
                component_names: Vec::new(),
                status: a.status,
                url: a.shortlink,
                created_at: utc(a.created_at),
                started_at: utc(a.started_at),
                resolved_at: a.resolved_at.map(utc),
                postmortem_at: a.postmortem_published_at.map(utc),
                scheduled: a
                    .scheduled_for
                    .zip(a.scheduled_until)
                    .map(|(s, e)| (utc(s), utc(e))),
                updates,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    fn incident(updates: &[(&str, &str)], resolved: Option<&str>, pm: Option<&str>) -> Item {
        Item {
            maintenance: false,
            slug: "a".into(),
            title: "A".into(),
            severity: String::new(),
            severity_name: String::new(),
            components: vec![],
            component_names: vec![],
            status: "investigating".into(),
            url: "https://x/incidents/a/".into(),
            created_at: t(updates[0].0),
            started_at: t(updates[0].0),
            resolved_at: resolved.map(t),
            postmortem_at: pm.map(t),
            scheduled: None,
            updates: updates
                .iter()
                .map(|(at, s)| (t(at), s.to_string(), format!("{s} at {at}")))
                .collect(),
        }
    }

    #[test]
    fn incident_events_and_ids() {
        let i = incident(
            &[
                ("2026-01-01T10:00:00Z", "investigating"),
                ("2026-01-01T10:05:00Z", "identified"),
                ("2026-01-01T10:05:00Z", "identified"),
                ("2026-01-01T10:30:00Z", "resolved"),
                ("2026-01-01T11:00:00Z", "resolved"),
                ("2026-01-02T09:00:00Z", "postmortem"),
            ],
            Some("2026-01-01T10:30:00Z"),
            Some("2026-01-02T09:00:00Z"),
        );
        let ids: Vec<String> = events(&[i]).into_iter().map(|e| e.id).collect();
        assert_eq!(
            ids,
            [
                "incident/a/created",
                "incident/a/update/20260101T100500Z",
                "incident/a/update/20260101T100500Z-2",
                "incident/a/resolved",
                // An `update` entry after the resolution reports `resolved` too: an update.
                "incident/a/update/20260101T110000Z",
                "incident/a/postmortem",
            ]
        );
    }

    #[test]
    fn inserting_an_entry_keeps_the_other_ids() {
        let before = incident(
            &[
                ("2026-01-01T10:00:00Z", "investigating"),
                ("2026-01-01T11:00:00Z", "monitoring"),
            ],
            None,
            None,
        );
        let after = incident(
            &[
                ("2026-01-01T10:00:00Z", "investigating"),
                ("2026-01-01T10:30:00Z", "identified"),
                ("2026-01-01T11:00:00Z", "monitoring"),
            ],
            None,
            None,
        );
        let a: Vec<String> = events(&[before]).into_iter().map(|e| e.id).collect();
        let b: Vec<String> = events(&[after]).into_iter().map(|e| e.id).collect();
        assert!(a.iter().all(|id| b.contains(id)), "{a:?} ⊄ {b:?}");
        assert_eq!(b.len(), 3);
    }

    #[test]
    fn the_kinds_site_toml_accepts_are_the_kinds_sent() {
        use Kind::*;
        let ids: Vec<&str> = [
            Created, Updated, Resolved, Postmortem, Announced, Started, Completed,
        ]
        .iter()
        .map(|k| k.id())
        .collect();
        assert_eq!(ids, crate::input::config::notify::EVENT_KINDS);
    }

    #[test]
    fn hostile_api_files_are_errors() {
        assert!(from_api("[]", false).is_err());
        assert!(from_api(r#"{"incidents": [{"id": 3}]}"#, false).is_err());
        assert!(from_api(r#"{"scheduled_maintenances": []}"#, false).is_err());
        assert_eq!(from_api(r#"{"incidents": []}"#, false).unwrap().len(), 0);
    }
}
