//! Machine-readable output: `/api/v2/*.json` in the shape of Atlassian Statuspage's public API,
//! so tools that read Statuspage read us unchanged, and each incident's own `index.json`
//! (our schema, documented in docs/api.md). Drafts never appear in `/api/v2/`.

use super::{Paths, RenderInput};
use crate::input::config::{Component, Config};
use crate::model::status::{self, Indicator, State};
use crate::model::{Incident, Status};
use crate::util::json::Pretty;
use crate::util::markdown::TocEntry;
use crate::util::route::Route;
use crate::util::timefmt::{format_duration, rfc3339, ymd};
use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use rustc_hash::FxHashMap as HashMap;
use serde::Serialize;

/// Incidents in `incidents.json` and maintenances in `scheduled-maintenances.json` besides the
/// unresolved ones, as on Statuspage.
pub const API_LIMIT: usize = 50;

/// Every file [`Api::files`] writes, in its order.
pub const FILES: [&str; 8] = [
    "api/v2/summary.json",
    "api/v2/status.json",
    "api/v2/components.json",
    "api/v2/incidents.json",
    "api/v2/incidents/unresolved.json",
    "api/v2/scheduled-maintenances.json",
    "api/v2/scheduled-maintenances/upcoming.json",
    "api/v2/scheduled-maintenances/active.json",
];

/// A key for the API's files, `None` when nothing is kept between renders. They show every
/// item's list-level data, and the full text (updates, postmortem) of the newest
/// [`API_LIMIT`] incidents and maintenances, the unresolved ones and the scheduled and active
/// maintenance: a superset of those is in the key. (Links in that text go through the file →
/// page map, made from the site and every item's front matter, both in the key.)
pub(super) fn key(w: &super::Writer) -> Option<u64> {
    let input = w.input;
    fn newest(items: &[std::sync::Arc<Incident>]) -> impl Iterator<Item = u64> + '_ {
        let mut seen = 0;
        items
            .iter()
            .take_while(move |i| {
                seen += usize::from(!i.draft);
                seen <= API_LIMIT
            })
            .map(|i| i.fingerprint)
    }
    w.key(|k| {
        let full = newest(input.incidents)
            .chain(newest(input.maintenances))
            .chain(
                input
                    .incidents
                    .iter()
                    .filter(|i| i.ongoing())
                    .chain(input.maintenances.iter().filter(|m| m.open_at(input.now)))
                    .map(|i| i.fingerprint),
            );
        super::CacheKey::ApiFiles {
            site: k.site,
            fronts: k.fronts,
            full: super::Digest::list(full),
        }
    })
}

/// A stable 12-character id for the site, from its base URL (FNV-1a, base 36).
pub fn page_id(base_url: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in base_url.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    let digits = b"0123456789abcdefghijklmnopqrstuvwxyz";
    (0..12)
        .map(|_| {
            let d = digits[(h % 36) as usize] as char;
            h /= 36;
            d
        })
        .collect()
}

#[derive(Serialize, Clone)]
pub struct PageJson {
    pub id: String,
    pub name: String,
    pub url: String,
    pub time_zone: String,
    pub updated_at: String,
}

#[derive(Serialize, Clone)]
struct ComponentJson<'a> {
    /// The state `status` names (a group's: its worst member's).
    #[serde(skip)]
    state: State,
    id: String,
    name: &'a str,
    status: &'static str,
    created_at: String,
    updated_at: String,
    position: usize,
    description: Option<&'a str>,
    showcase: bool,
    start_date: Option<String>,
    group_id: Option<String>,
    page_id: String,
    group: bool,
    only_show_if_degraded: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    components: Option<Vec<&'a str>>,
}

#[derive(Serialize)]
struct AffectedJson<'a> {
    code: &'a str,
    name: &'a str,
    old_status: &'static str,
    new_status: &'static str,
}

#[derive(Serialize)]
struct UpdateJson<'a> {
    id: String,
    status: &'static str,
    body: &'a str,
    incident_id: &'a str,
    created_at: String,
    updated_at: String,
    display_at: String,
    affected_components: Option<Vec<AffectedJson<'a>>>,
    deliver_notifications: bool,
    custom_tweet: Option<String>,
    tweet_id: Option<String>,
}

#[derive(Serialize)]
struct IncidentJson<'a> {
    id: &'a str,
    name: &'a str,
    status: &'static str,
    created_at: String,
    updated_at: String,
    monitoring_at: Option<String>,
    resolved_at: Option<String>,
    impact: &'a str,
    shortlink: String,
    started_at: String,
    page_id: &'a str,
    incident_updates: Vec<UpdateJson<'a>>,
    components: Vec<ComponentJson<'a>>,
    postmortem_body: Option<&'a str>,
    postmortem_published_at: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    scheduled_for: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    scheduled_until: Option<String>,
}

#[derive(Serialize)]
struct StatusJson {
    indicator: &'static str,
    description: &'static str,
}

/// A group's id in `/api/v2/`, where groups and components share one id space: its own,
/// unless a component has it too, then prefixed with `group-`.
fn group_api_id(c: &Config, id: &str) -> String {
    let mut out = id.to_string();
    while c.component(&out).is_some() {
        out = format!("group-{out}");
    }
    out
}

/// Everything `/api/v2/` needs, computed once.
pub(super) struct Api<'a> {
    config: &'a Config,
    tz: Tz,
    now: DateTime<Utc>,
    paths: &'a Paths<'a>,
    pub page: PageJson,
    /// Visible components and groups in Statuspage order (each group, then its members, then
    /// components without a group), with their current state.
    components: Vec<ComponentJson<'a>>,
    /// Non-draft incidents, newest first, and maintenances, newest window first.
    incidents: Vec<&'a Incident>,
    maintenances: Vec<&'a Incident>,
}

/// Visible components and groups in Statuspage order (each group, then its members, then
/// components without a group), with their current state and times.
fn component_list<'a>(
    c: &'a Config,
    incidents: &[&'a Incident],
    maintenances: &[&'a Incident],
    page_id: &str,
    updated: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Vec<ComponentJson<'a>> {
    let tz = c.timezone;
    let activity = status::activity(incidents.iter().chain(maintenances).copied(), now);
    let quiet = status::Activity::default();
    let group_ids: HashMap<&str, String> = c
        .groups
        .iter()
        .map(|g| (g.id.as_str(), group_api_id(c, &g.id)))
        .collect();
    let component_json = |comp: &'a Component, position: usize| {
        let a = activity.get(comp.id.as_str()).unwrap_or(&quiet);
        let (state, _) = status::current(&a.incidents, &a.maintenances, &comp.id, c, now);
        let created = a.created_at(comp, tz, updated);
        let changed = a.changed_at(created);
        let json = ComponentJson {
            state,
            id: comp.id.clone(),
            name: &comp.name,
            status: state.id(),
            created_at: rfc3339(created, tz),
            updated_at: rfc3339(changed, tz),
            position,
            description: Some(comp.description.as_str()).filter(|d| !d.is_empty()),
            showcase: true,
            start_date: comp.since.map(ymd),
            group_id: comp.group.as_deref().map(|g| group_ids[g].clone()),
            page_id: page_id.to_string(),
            group: false,
            only_show_if_degraded: false,
            components: None,
        };
        (json, state, created, changed)
    };
    let visible: Vec<&Component> = c.components.iter().filter(|x| !x.hidden).collect();
    let mut components: Vec<ComponentJson> = Vec::new();
    for g in &c.groups {
        let members: Vec<&Component> = visible
            .iter()
            .copied()
            .filter(|x| x.group.as_deref() == Some(g.id.as_str()))
            .collect();
        if members.is_empty() {
            continue;
        }
        let children: Vec<_> = members.iter().map(|m| component_json(m, 0)).collect();
        // A group is as bad as its worst member, created with its first, changed with its
        // latest.
        let state = State::worst(children.iter().map(|x| x.1));
        let created = children.iter().map(|x| x.2).min().expect("non-empty");
        let changed = children.iter().map(|x| x.3).max().expect("non-empty");
        components.push(ComponentJson {
            state,
            id: group_ids[g.id.as_str()].clone(),
            name: &g.name,
            status: state.id(),
            created_at: rfc3339(created, tz),
            updated_at: rfc3339(changed, tz),
            position: components.len() + 1,
            description: Some(g.description.as_str()).filter(|d| !d.is_empty()),
            showcase: false,
            start_date: None,
            group_id: None,
            page_id: page_id.to_string(),
            group: true,
            only_show_if_degraded: false,
            components: Some(members.iter().map(|m| m.id.as_str()).collect()),
        });
        for (mut ch, ..) in children {
            ch.position = components.len() + 1;
            components.push(ch);
        }
    }
    for comp in visible.iter().filter(|x| x.group.is_none()) {
        let (j, ..) = component_json(comp, components.len() + 1);
        components.push(j);
    }
    components
}

/// What the `/api/v2/` files list, each newest first (upcoming and active maintenances:
/// soonest first).
struct Lists<'s, 'a> {
    /// Every unresolved incident.
    unresolved: Vec<&'s &'a Incident>,
    /// The [`API_LIMIT`] most recent incidents plus every unresolved one.
    recent: Vec<&'s &'a Incident>,
    upcoming: Vec<&'s &'a Incident>,
    active: Vec<&'s &'a Incident>,
    /// The [`API_LIMIT`] most recent maintenances.
    maint_recent: Vec<&'s &'a Incident>,
}

impl<'a> Api<'a> {
    pub fn new(input: &RenderInput<'a>, paths: &'a Paths<'a>) -> Self {
        let c = input.config;
        let (tz, now) = (c.timezone, input.now);
        let published = |items: &'a [std::sync::Arc<Incident>]| -> Vec<&'a Incident> {
            items.iter().map(|i| &**i).filter(|i| !i.draft).collect()
        };
        let (incidents, maintenances) = (published(input.incidents), published(input.maintenances));
        let page_id = page_id(&c.base_url);
        let updated =
            crate::model::last_update(incidents.iter().chain(&maintenances).copied(), now);
        let page = PageJson {
            id: page_id,
            name: c.title.clone(),
            url: c.base_url.trim_end_matches('/').to_string(),
            time_zone: c.timezone.name().to_string(),
            updated_at: rfc3339(updated, tz),
        };

        let components = component_list(c, &incidents, &maintenances, &page.id, updated, now);
        Api {
            config: c,
            tz,
            now,
            paths,
            page,
            components,
            incidents,
            maintenances,
        }
    }

    fn component(&self, id: &str) -> Option<&ComponentJson<'a>> {
        self.components.iter().find(|c| !c.group && c.id == id)
    }

    fn incident(&self, i: &'a Incident) -> IncidentJson<'_> {
        let (c, tz) = (self.config, self.tz);
        let statuses = i.effective_statuses();
        let affected: Vec<&Component> = i
            .components
            .iter()
            .filter_map(|id| c.component(id).filter(|x| !x.hidden))
            .collect();
        let mut before: Vec<State> = vec![State::Operational; affected.len()];
        // Oldest first, since each entry is compared with the one before; listed newest first.
        let mut updates: Vec<UpdateJson> = i
            .timeline
            .iter()
            .zip(&statuses)
            .enumerate()
            .map(|(n, (e, s))| {
                let mut changes = Vec::new();
                for (k, comp) in affected.iter().enumerate() {
                    let now_state = status::state_at(c, i, &comp.id, e.at);
                    if now_state != before[k] {
                        changes.push(AffectedJson {
                            code: &comp.id,
                            name: &comp.name,
                            old_status: before[k].id(),
                            new_status: now_state.id(),
                        });
                        before[k] = now_state;
                    }
                }
                let at = rfc3339(e.at, tz);
                UpdateJson {
                    id: format!("{}-{}", i.slug, n + 1),
                    status: s.id(),
                    body: e.message.trim(),
                    incident_id: &i.slug,
                    created_at: at.clone(),
                    updated_at: at.clone(),
                    display_at: at,
                    affected_components: (!changes.is_empty()).then_some(changes),
                    deliver_notifications: true,
                    custom_tweet: None,
                    tweet_id: None,
                }
            })
            .collect();
        updates.reverse();
        let impact = if i.is_maintenance() {
            "maintenance"
        } else {
            c.severity(&i.severity)
                .map_or("none", |s| s.impact.as_str())
        };
        let time = |t: DateTime<Utc>| rfc3339(t, tz);
        IncidentJson {
            id: &i.slug,
            name: &i.title,
            status: i.status_at(self.now).id(),
            created_at: time(i.created_at()),
            updated_at: time(i.updated_at(self.now)),
            monitoring_at: i.monitoring_at().map(time),
            resolved_at: i.resolved_at(self.now).map(time),
            impact,
            shortlink: self.paths.permalink(&super::route_of(i).rel()),
            started_at: rfc3339(i.started, tz),
            page_id: &self.page.id,
            incident_updates: updates,
            components: affected
                .iter()
                .filter_map(|x| self.component(&x.id).cloned())
                .collect(),
            postmortem_body: Some(i.body.trim()).filter(|b| !b.is_empty()),
            postmortem_published_at: i.first_at(Status::Postmortem).map(time),
            scheduled_for: i.window.map(|w| rfc3339(w.scheduled_start, tz)),
            scheduled_until: i.window.map(|w| rfc3339(w.scheduled_end, tz)),
        }
    }

    fn status(&self) -> StatusJson {
        // The worst of the open incidents' impacts and the components' states.
        let worst = status::indicator(
            self.incidents
                .iter()
                .filter(|i| i.unresolved_at(self.now))
                .map(|i| status::impact_rank(self.config, i)),
            self.components.iter().filter(|c| !c.group).map(|c| c.state),
        );
        let (indicator, description) = match worst {
            Indicator::Maintenance => ("maintenance", "Service Under Maintenance"),
            Indicator::None => ("none", "All Systems Operational"),
            Indicator::Minor => ("minor", "Minor Service Outage"),
            Indicator::Major => ("major", "Partial System Outage"),
            Indicator::Critical => ("critical", "Major System Outage"),
        };
        StatusJson {
            indicator,
            description,
        }
    }

    /// The incidents and maintenances each file lists, in its order.
    fn lists(&self) -> Lists<'_, 'a> {
        let now = self.now;
        let unresolved: Vec<&&Incident> = self
            .incidents
            .iter()
            .filter(|i| i.unresolved_at(now))
            .collect();
        // The 50 most recent plus every unresolved one, newest first.
        let recent: Vec<&&Incident> = self
            .incidents
            .iter()
            .enumerate()
            .filter(|(n, i)| *n < API_LIMIT || i.unresolved_at(now))
            .map(|(_, i)| i)
            .collect();
        let upcoming: Vec<&&Incident> = self
            .maintenances
            .iter()
            .filter(|m| m.maintenance_status(now) == Status::Scheduled)
            .rev()
            .collect();
        let active: Vec<&&Incident> = self
            .maintenances
            .iter()
            .filter(|m| {
                matches!(
                    m.maintenance_status(now),
                    Status::InProgress | Status::Verifying
                )
            })
            .rev()
            .collect();
        let maint_recent: Vec<&&Incident> = self.maintenances.iter().take(API_LIMIT).collect();
        Lists {
            unresolved,
            recent,
            upcoming,
            active,
            maint_recent,
        }
    }

    /// Every `/api/v2/` file as (path, JSON).
    pub fn files(&self) -> Vec<(&'static str, String)> {
        let Lists {
            unresolved,
            recent,
            upcoming,
            active,
            maint_recent,
        } = self.lists();
        let list = |v: &[&&'a Incident]| -> Vec<IncidentJson<'_>> {
            v.iter().map(|i| self.incident(i)).collect()
        };
        let json = |v: serde_json::Value| {
            let mut s = serde_json::to_string_pretty(&v).expect("JSON");
            s.push('\n');
            s
        };
        let page = serde_json::to_value(&self.page).expect("JSON");
        let status = serde_json::to_value(self.status()).expect("JSON");
        let components = serde_json::to_value(&self.components).expect("JSON");
        let incidents_of = |v: &[&&'a Incident]| serde_json::to_value(list(v)).expect("JSON");
        let in_progress_and_upcoming: Vec<&&Incident> =
            active.iter().chain(&upcoming).copied().collect();
        let obj = |pairs: Vec<(&str, serde_json::Value)>| {
            serde_json::Value::Object(pairs.into_iter().map(|(k, v)| (k.to_string(), v)).collect())
        };
        vec![
            (
                "api/v2/summary.json",
                json(obj(vec![
                    ("page", page.clone()),
                    ("components", components.clone()),
                    ("incidents", incidents_of(&unresolved)),
                    (
                        "scheduled_maintenances",
                        incidents_of(&in_progress_and_upcoming),
                    ),
                    ("status", status.clone()),
                ])),
            ),
            (
                "api/v2/status.json",
                json(obj(vec![("page", page.clone()), ("status", status)])),
            ),
            (
                "api/v2/components.json",
                json(obj(vec![
                    ("page", page.clone()),
                    ("components", components),
                ])),
            ),
            (
                "api/v2/incidents.json",
                json(obj(vec![
                    ("page", page.clone()),
                    ("incidents", incidents_of(&recent)),
                ])),
            ),
            (
                "api/v2/incidents/unresolved.json",
                json(obj(vec![
                    ("page", page.clone()),
                    ("incidents", incidents_of(&unresolved)),
                ])),
            ),
            (
                "api/v2/scheduled-maintenances.json",
                json(obj(vec![
                    ("page", page.clone()),
                    ("scheduled_maintenances", incidents_of(&maint_recent)),
                ])),
            ),
            (
                "api/v2/scheduled-maintenances/upcoming.json",
                json(obj(vec![
                    ("page", page.clone()),
                    ("scheduled_maintenances", incidents_of(&upcoming)),
                ])),
            ),
            (
                "api/v2/scheduled-maintenances/active.json",
                json(obj(vec![
                    ("page", page),
                    ("scheduled_maintenances", incidents_of(&active)),
                ])),
            ),
        ]
    }
}

/// The `schema` of every page's `index.json`. v1.1 added `review`, `trigger`, `detection`,
/// `factors`, `lessons`, `customer_impact`, `related` and `action_items[].closed`; nothing was
/// removed or changed, so a v1 reader reads it. v1.2 added `precision` and
/// `timeline[].precision` (dates without a time, approximate times).
pub const DOCUMENT_SCHEMA: &str = "afterword/incident/v1.2";

/// `/incidents/<slug>/index.json` and `/maintenance/<slug>/index.json`: what the page shows,
/// in afterword's own schema (docs/api.md). `postmortem_html` is the page's own rendering: its
/// relative links resolve against `url`. Written with [`Pretty`], in the order of the schema.
pub(super) fn document(
    input: &RenderInput,
    paths: &Paths,
    i: &Incident,
    postmortem_html: &str,
    toc: &[TocEntry],
    messages_html: &[&str],
    related: &[std::sync::Arc<Incident>],
) -> String {
    let c = input.config;
    // Room for the long strings and the rest, so the buffer is not regrown while written.
    let text: usize = i.timeline.iter().map(|e| e.message.len()).sum::<usize>()
        + messages_html.iter().map(|m| m.len()).sum::<usize>();
    let mut p = Pretty::with_capacity(postmortem_html.len() + text + 4096);
    p.object().strs(&[
        ("schema", DOCUMENT_SCHEMA),
        ("kind", i.kind.id()),
        ("slug", &i.slug),
        ("url", &paths.permalink(&super::route_of(i).rel())),
        ("title", &i.title),
        ("summary", &i.summary),
    ]);
    p.key("draft").bool(i.draft);
    p.key("review").object().strs(&[
        ("state", i.review.state.id()),
        ("label", i.review.state.label()),
    ]);
    p.key("reviewers").str_array(&i.review.reviewers);
    p.key("date")
        .opt_str(i.review.date.map(crate::util::timefmt::ymd).as_deref())
        .end_object();
    p.key("severity");
    match c.severity(&i.severity) {
        Some(s) => p
            .object()
            .strs(&[
                ("id", &s.id),
                ("name", &s.name),
                ("level", s.level.id()),
                ("impact", &s.impact),
            ])
            .end_object(),
        None => p.null(),
    };
    document_times(&mut p, i, c.timezone, input.now);
    p.key("detected_by").opt_str(i.detected_by.as_deref());
    p.key("trigger").opt_str(i.trigger.as_deref());
    p.key("detection");
    match i.detection.as_deref().and_then(|d| c.detection_method(d)) {
        Some(d) => p
            .object()
            .strs(&[("id", &d.id), ("name", &d.name)])
            .end_object(),
        None => p.null(),
    };
    document_components(&mut p, c, paths, i);
    p.key("tags").str_array(&i.tags);
    p.key("authors").str_array(&i.authors);
    p.key("aliases").str_array(&i.aliases);
    document_timeline(&mut p, i, c.timezone, messages_html);
    p.key("postmortem_html").str(postmortem_html);
    p.key("toc").array();
    for t in toc {
        p.item().object().key("level").int(i64::from(t.level));
        p.strs(&[("id", &t.id), ("title", &t.title)]).end_object();
    }
    p.end_array();
    document_action_items(&mut p, i, input.now.with_timezone(&c.timezone).date_naive());
    document_postmortem(&mut p, c, paths, i, related);
    p.end_object();
    p.finish()
}

/// The postmortem's facts besides its body: factors, lessons, customer impact, related
/// incidents (both ways, as the page shows them).
fn document_postmortem(
    p: &mut Pretty,
    c: &Config,
    paths: &Paths,
    i: &Incident,
    related: &[std::sync::Arc<Incident>],
) {
    p.key("factors").array();
    for f in &i.factors {
        let name = c.factor(&f.id).map_or("", |t| t.name.as_str());
        p.item().object().strs(&[
            ("id", &f.id),
            ("name", name),
            ("note", &f.note),
            (
                "url",
                &paths.permalink(&Route::Factor { id: &f.id, page: 1 }.rel()),
            ),
        ]);
        p.end_object();
    }
    p.end_array();
    p.key("lessons").object();
    p.key("went_well").str_array(&i.lessons.went_well);
    p.key("went_wrong").str_array(&i.lessons.went_wrong);
    p.key("lucky").str_array(&i.lessons.lucky).end_object();
    p.key("customer_impact");
    let ci = &i.customer_impact;
    if ci.is_empty() {
        p.null();
    } else {
        let count = |n: Option<u64>| n.and_then(|n| i64::try_from(n).ok());
        p.object();
        p.key("users").opt_int(count(ci.users));
        p.key("customers").opt_int(count(ci.customers));
        p.key("requests").opt_int(count(ci.requests));
        p.key("error_rate");
        match ci.error_rate {
            Some(r) => p.num(r),
            None => p.null(),
        };
        p.key("note")
            .opt_str((!ci.note.is_empty()).then_some(ci.note.as_str()))
            .end_object();
    }
    p.key("related").array();
    for r in related {
        p.item().object().strs(&[
            ("slug", &r.slug),
            ("kind", r.kind.id()),
            ("title", &r.title),
            ("url", &paths.permalink(&super::route_of(r).rel())),
        ]);
        p.end_object();
    }
    p.end_array();
}

/// The document's status and times: `status` to `window`.
fn document_times(p: &mut Pretty, i: &Incident, tz: Tz, now: DateTime<Utc>) {
    let time = |t: DateTime<Utc>| rfc3339(t, tz);
    let status = i.status_at(now);
    p.key("status")
        .object()
        .strs(&[("id", status.id()), ("label", status.label())])
        .end_object();
    p.key("ongoing").bool(!i.is_maintenance() && i.ongoing());
    p.key("started").str(&time(i.started));
    p.key("detected").opt_str(i.detected.map(time).as_deref());
    p.key("resolved").opt_str(i.resolved.map(time).as_deref());
    p.key("precision").object().strs(&[
        ("started", i.precision.started.id()),
        ("detected", i.precision.detected.id()),
        ("resolved", i.precision.resolved.id()),
    ]);
    p.end_object();
    let duration = i.duration_seconds();
    p.key("duration_seconds").opt_int(duration);
    p.key("duration")
        .opt_str(duration.map(format_duration).as_deref());
    let to_detect = i.time_to_detect();
    p.key("time_to_detect_seconds").opt_int(to_detect);
    p.key("time_to_detect")
        .opt_str(to_detect.map(format_duration).as_deref());
    p.key("window");
    match i.window {
        Some(w) => p
            .object()
            .strs(&[
                ("scheduled_start", &time(w.scheduled_start)),
                ("scheduled_end", &time(w.scheduled_end)),
                ("start", &time(w.start)),
                ("end", &time(w.end)),
            ])
            .end_object(),
        None => p.null(),
    };
}

/// The document's visible components (with their level and page) and impact windows.
fn document_components(p: &mut Pretty, c: &Config, paths: &Paths, i: &Incident) {
    let time = |t: DateTime<Utc>| rfc3339(t, c.timezone);
    let level = c.severity_level(&i.severity);
    p.key("components").array();
    for x in i
        .components
        .iter()
        .filter_map(|id| c.component(id).filter(|x| !x.hidden))
    {
        p.item().object().strs(&[("id", &x.id), ("name", &x.name)]);
        p.key("level")
            .opt_str((!i.is_maintenance()).then(|| i.component_level(&x.id, level).id()));
        p.key("url")
            .str(&paths.permalink(&Route::Component(&x.id).rel()))
            .end_object();
    }
    p.end_array();
    p.key("impacts").array();
    for x in i
        .impacts
        .iter()
        .filter(|x| c.component(&x.component).is_some_and(|x| !x.hidden))
    {
        p.item().object().strs(&[
            ("component", &x.component),
            ("level", x.level.id()),
            ("start", &time(x.start)),
        ]);
        p.key("end")
            .opt_str(i.impact_end(x).map(time).as_deref())
            .end_object();
    }
    p.end_array();
}

/// The document's timeline, each entry with its message as written and as HTML.
fn document_timeline(p: &mut Pretty, i: &Incident, tz: Tz, messages_html: &[&str]) {
    p.key("timeline").array();
    for ((e, eff), html) in i
        .timeline
        .iter()
        .zip(i.effective_statuses())
        .zip(messages_html)
    {
        p.item().object().strs(&[
            ("at", &rfc3339(e.at, tz)),
            ("status", e.status.id()),
            ("label", e.status.label()),
            // The status the entry reports: an `update` keeps the one before it.
            ("effective_status", eff.id()),
        ]);
        p.key("offset_seconds").int(i.instant_offset_of(e));
        p.strs(&[("precision", e.precision.id())]);
        p.strs(&[("message", &e.message), ("message_html", html)])
            .end_object();
    }
    p.end_array();
}

/// The document's action items, each overdue or not as of `today`.
fn document_action_items(p: &mut Pretty, i: &Incident, today: chrono::NaiveDate) {
    p.key("action_items").array();
    for a in &i.action_items {
        p.item().object().strs(&[
            ("title", &a.title),
            ("owner", &a.owner),
            ("status", a.status.id()),
        ]);
        p.key("due")
            .opt_str(a.due.map(crate::util::timefmt::ymd).as_deref());
        p.key("closed")
            .opt_str(a.closed.map(crate::util::timefmt::ymd).as_deref());
        p.key("overdue").bool(a.overdue_on(today));
        p.key("link").opt_str(a.link.as_deref()).end_object();
    }
    p.end_array();
}
