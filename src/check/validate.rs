//! Validate: check one raw incident ([`RawIncident`], the file's values as written, with their
//! spans) against the site configuration, resolve every time to UTC, and derive start,
//! resolution and status: the checked [`Incident`]. Every problem in the file is collected.
//!
//! Two types, one per level: `load` makes the raw one, this module the checked one, and nothing
//! after it sees raw values except `lint`, which reads the file's spans to point at. Validation
//! neither loads nor lints: the pipeline ([`crate::build::analyze`]) calls load, validate and lint
//! in turn. [`validate`] checks one file; [`duplicate_slugs`] is the check across files.
//!
//! [`validate`] reads the front matter concern by concern, in this order (the order diagnostics
//! are collected in): time zone, title, kind, severity, keys of the other kind, components,
//! timeline, maintenance window, start/detection/resolution, impact windows, action items,
//! the postmortem's facts (trigger, detection method, factors, lessons, customer impact),
//! review, slug, related incidents, aliases. [`unknown_related`] is the other check across files.

use crate::diag::{codes, suggestion, Code, Diagnostic, SourceMap};
use crate::input::config::{is_valid_id, Config};
use crate::input::load::{FrontMatter, RawCustomerImpact, RawIncident};
use crate::input::tomlx::{Datetime, Spanned};
use crate::model::{
    ActionItem, ActionStatus, CustomerImpact, Entry, Factor, Impact, Incident, Kind, Lessons,
    Level, Precision, Precisions, Review, ReviewState, Status, Window, INCIDENT_STATUSES,
    MAINTENANCE_STATUSES,
};
use crate::util::timefmt;
use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;
use rustc_hash::FxHashMap as HashMap;
use std::ops::Range;
use std::sync::Arc;

/// Duplicate slugs across the site's valid incidents (drafts included), given in path order:
/// an error on every file after the first with the same slug.
pub fn duplicate_slugs(incidents: &[Arc<Incident>]) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    let mut first: HashMap<&str, &Incident> = HashMap::default();
    for i in incidents {
        if let Some(other) = first.get(i.slug.as_str()) {
            diags.push(
                Diagnostic::file(
                    &i.path,
                    format!(
                        "duplicate slug `{}`: {} and {} would both be /incidents/{}/",
                        i.slug,
                        other.path.display(),
                        i.path.display(),
                        i.slug
                    ),
                )
                .with_help("set a different `slug = \"...\"` in one of them, or rename one file")
                .with_code(codes::DUPLICATE),
            );
        } else {
            first.insert(&i.slug, i);
        }
    }
    diags
}

/// A `related` slug of a valid file, with where it is written, kept until every file is loaded.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct PendingRelated {
    pub slug: String,
    /// The file naming it is published (for [`crate::check::lint::related_drafts`]).
    pub published: bool,
    /// A diagnostic at the slug, its message to be set.
    pub at: Diagnostic,
}

/// The `related` slugs of `i` (validated from `raw`), with their positions.
pub fn pending_related(raw: &RawIncident, i: &Incident) -> Vec<PendingRelated> {
    let map = raw.source_map();
    let base = raw.front.base;
    i.related
        .iter()
        .filter_map(|slug| {
            let v = raw
                .front
                .related
                .iter()
                .find(|r| r.get_ref().trim() == slug)?;
            let span = v.span();
            Some(PendingRelated {
                slug: slug.clone(),
                published: !i.draft,
                at: map.at(span.start + base..span.end + base, ""),
            })
        })
        .collect()
}

/// Every `related` slug that names no incident or maintenance of the site (drafts included),
/// as an error at the slug.
///
/// `failed`: the files that could not be validated; a slug that one of them would have (by its
/// file name) is reported as that file's problem, not as a missing incident.
pub fn unknown_related<'a>(
    pending: impl IntoIterator<Item = &'a PendingRelated>,
    incidents: &[Arc<Incident>],
    failed: &[&std::path::Path],
) -> Vec<Diagnostic> {
    let mut pending = pending.into_iter().peekable();
    if pending.peek().is_none() {
        return Vec::new();
    }
    let slugs: Vec<&str> = incidents.iter().map(|i| i.slug.as_str()).collect();
    let known: rustc_hash::FxHashSet<&str> = slugs.iter().copied().collect();
    pending
        .filter(|p| !known.contains(p.slug.as_str()))
        .map(|p| {
            let mut d = p.at.clone().with_code(codes::UNKNOWN_RELATED);
            if let Some(f) = failed.iter().find(|f| slug_of_path(f) == p.slug) {
                d.message = format!(
                    "related incident `{}` has errors of its own ({})",
                    p.slug,
                    f.display()
                );
                d.help = Some("fix the errors reported for that file".into());
                return d;
            }
            d.message = format!("related incident `{}` does not exist", p.slug);
            d.help = Some(match crate::diag::did_you_mean(&p.slug, slugs.iter().copied()) {
                Some(c) => format!("did you mean `{c}`?"),
                None => "write the slug of another incident: its file name without the date and `.md`, or its `slug`".into(),
            });
            d
        })
        .collect()
}

/// The slug a content file gets from its name: the file stem, or a bundle's folder name.
fn slug_of_path(p: &std::path::Path) -> String {
    let name = if p.file_name().is_some_and(|n| n == "index.md") {
        p.parent().and_then(|d| d.file_name())
    } else {
        p.file_stem()
    };
    crate::util::slug::slugify(&name.map(|n| n.to_string_lossy()).unwrap_or_default())
}

struct Ctx<'a> {
    map: SourceMap<'a>,
    base: usize,
    tz: Tz,
    /// The file's own zone, when it sets a valid one.
    posted_tz: Option<Tz>,
    diags: Vec<Diagnostic>,
}

impl<'a> Ctx<'a> {
    /// For `raw`, in its own time zone (`timezone`) if it sets a valid one, else the site's.
    fn new(config: &Config, raw: &'a RawIncident) -> Self {
        let front = &raw.front;
        let mut cx = Ctx {
            map: raw.source_map(),
            base: front.base,
            tz: config.timezone,
            posted_tz: None,
            diags: Vec::new(),
        };
        if let Some(tz) = &front.timezone {
            match crate::input::config::parse_tz(tz.get_ref()) {
                Ok(t) => {
                    cx.tz = t;
                    cx.posted_tz = Some(t);
                }
                Err((m, h)) => cx.err(codes::BAD_VALUE, tz.span(), m, Some(h)),
            }
        }
        cx
    }

    fn err(
        &mut self,
        code: Code,
        span: Range<usize>,
        msg: impl Into<String>,
        help: Option<String>,
    ) {
        let mut d = self
            .map
            .at(span.start + self.base..span.end + self.base, msg)
            .with_code(code);
        d.help = help.filter(|h| !h.is_empty());
        self.diags.push(d);
    }

    fn time(&mut self, v: &Spanned<Datetime>) -> Option<DateTime<Utc>> {
        match timefmt::resolve(&v.get_ref().0, self.tz) {
            Ok(t) => Some(t),
            Err(e) => {
                self.time_err(v.span(), e);
                None
            }
        }
    }

    /// An incident's time that may be a date alone ([`timefmt::resolve_or_day`]).
    fn time_or_day(&mut self, v: &Spanned<Datetime>) -> Option<(DateTime<Utc>, Precision)> {
        match timefmt::resolve_or_day(&v.get_ref().0, self.tz) {
            Ok(t) => Some(t),
            Err(e) => {
                self.time_err(v.span(), e);
                None
            }
        }
    }

    /// Whether `a` is certainly before `b`: where either is a day-only time, by their days in
    /// the file's zone (a day holds every time of it); else by the instants.
    fn before(&self, a: (DateTime<Utc>, Precision), b: (DateTime<Utc>, Precision)) -> bool {
        if a.1 == Precision::Day || b.1 == Precision::Day {
            let day = |t: DateTime<Utc>| t.with_timezone(&self.tz).date_naive();
            day(a.0) < day(b.0)
        } else {
            a.0 < b.0
        }
    }

    fn time_err(&mut self, span: Range<usize>, e: timefmt::TimeError) {
        let code = if e.out_of_range {
            codes::TIME_OUT_OF_RANGE
        } else {
            codes::BAD_TIME
        };
        self.err(code, span, e.message, Some(e.help));
    }

    /// A date without a time (`2025-03-04`).
    fn date(&mut self, v: &Spanned<Datetime>) -> Option<NaiveDate> {
        match timefmt::date_only(&v.get_ref().0) {
            Ok(x) => Some(x),
            Err(e) => {
                self.time_err(v.span(), e);
                None
            }
        }
    }

    fn parse_id<T>(
        &mut self,
        v: &Spanned<String>,
        what: &str,
        ids: &[&str],
        parse: fn(&str) -> Option<T>,
        code: Code,
    ) -> Option<T> {
        let r = parse(v.get_ref());
        if r.is_none() {
            self.err(
                code,
                v.span(),
                format!("unknown {what} `{}`", v.get_ref()),
                Some(suggestion(v.get_ref(), ids)),
            );
        }
        r
    }
}

/// Check one file and make its incident, or give every problem in it.
pub fn validate(config: &Config, raw: &RawIncident) -> Result<Incident, Vec<Diagnostic>> {
    let front = &raw.front;
    let mut cx = Ctx::new(config, raw);
    if front.title.get_ref().trim().is_empty() {
        cx.err(
            codes::EMPTY_VALUE,
            front.title.span(),
            "`title` is empty",
            Some("give the incident a short, descriptive title".into()),
        );
    }
    let kind = match &front.kind {
        None => Kind::Incident,
        Some(k) => cx
            .parse_id(k, "kind", Kind::IDS, Kind::parse, codes::BAD_VALUE)
            .unwrap_or(Kind::Incident),
    };
    let maintenance = kind == Kind::Maintenance;
    let severity = severity(&mut cx, config, raw, maintenance);
    misplaced_keys(&mut cx, front, maintenance);
    let components = components(&mut cx, config, front);
    let (timeline, out_of_order) = timeline(&mut cx, front, maintenance);
    let window = if maintenance {
        window(&mut cx, raw, &timeline)
    } else {
        None
    };
    let times = times(&mut cx, raw, maintenance, window, &timeline, out_of_order);
    let impacts = impacts(&mut cx, front, &components, times.started, times.resolved);
    let action_items = action_items(&mut cx, front);
    let archive = archive(&mut cx, config, front);
    let review = review(&mut cx, front);
    let slug = slug(&mut cx, raw);
    let related = related(&mut cx, front, &slug);
    let aliases = aliases(&mut cx, front);
    if !cx.diags.is_empty() {
        return Err(cx.diags);
    }
    // Every way of having no start (no `started`, no timeline, no window, or an invalid one)
    // was reported above, and there was no report: this branch is never taken, and only keeps
    // this free of panics.
    let Some(started) = times.started else {
        return Err(vec![Diagnostic::file(
            &raw.path,
            "the incident has no valid start time",
        )
        .with_code(codes::MISSING_KEY)]);
    };
    dates_after_start(&mut cx, front, started, &action_items, &review);
    if !cx.diags.is_empty() {
        return Err(cx.diags);
    }
    let status = crate::model::derived_status(maintenance, &timeline, times.resolved);
    Ok(Incident {
        path: raw.path.clone(),
        kind,
        window,
        bundle: raw.bundle.clone(),
        assets: raw.assets.clone(),
        slug,
        title: front.title.get_ref().trim().to_string(),
        summary: front.summary.trim().to_string(),
        severity,
        components,
        detected_by: front.detected_by.clone().filter(|d| !d.trim().is_empty()),
        tags: front.tags.clone(),
        authors: front.authors.clone(),
        aliases,
        draft: front.draft || review.state != ReviewState::Published,
        review,
        trigger: archive.trigger,
        detection: archive.detection,
        factors: archive.factors,
        lessons: archive.lessons,
        related,
        customer_impact: archive.customer_impact,
        posted_tz: cx.posted_tz,
        started,
        detected: times.detected,
        resolved: times.resolved,
        precision: times.precision,
        timeline,
        impacts,
        action_items,
        body: Arc::from(raw.body()),
        status,
        fingerprint: raw.fingerprint,
        front_fingerprint: raw.front_fingerprint,
    })
}

/// `severity`: required of an incident and one of site.toml's; a maintenance has none.
fn severity(cx: &mut Ctx, config: &Config, raw: &RawIncident, maintenance: bool) -> String {
    let severity_ids: Vec<&str> = config.severities.iter().map(|s| s.id.as_str()).collect();
    match (&raw.front.severity, maintenance) {
        (Some(s), false) => {
            if config.severity(s.get_ref()).is_none() {
                cx.err(
                    codes::UNKNOWN_SEVERITY,
                    s.span(),
                    format!("unknown severity `{}`", s.get_ref()),
                    Some(suggestion(s.get_ref(), &severity_ids)),
                );
            }
            s.get_ref().clone()
        }
        (None, false) => {
            cx.diags.push(
                Diagnostic::point(
                    &raw.path,
                    1,
                    1,
                    "front matter is missing the required key `severity`",
                )
                .with_code(codes::MISSING_KEY)
                .with_help(format!(
                    "add `severity = \"...\"`, one of: {}",
                    severity_ids.join(", ")
                )),
            );
            String::new()
        }
        (Some(s), true) => {
            cx.err(
                codes::MISPLACED_KEY,
                s.span(),
                "a maintenance has no `severity`",
                Some("remove it; maintenance is never counted as downtime".into()),
            );
            String::new()
        }
        (None, true) => String::new(),
    }
}

/// Keys that belong to the other kind (incident or maintenance).
fn misplaced_keys(cx: &mut Ctx, front: &FrontMatter, maintenance: bool) {
    let misplaced: Vec<(&str, std::ops::Range<usize>)> = if maintenance {
        [
            ("started", front.started.as_ref().map(Spanned::span)),
            ("detected", front.detected.as_ref().map(Spanned::span)),
            ("resolved", front.resolved.as_ref().map(Spanned::span)),
        ]
        .into_iter()
        .filter_map(|(k, s)| s.map(|s| (k, s)))
        .chain(front.approximate.first().map(|a| ("approximate", a.span())))
        .chain(front.impact.first().map(|i| ("impact", i.component.span())))
        .chain(front.trigger.as_ref().map(|t| ("trigger", t.span())))
        .chain(front.detection.as_ref().map(|t| ("detection", t.span())))
        .chain(front.factors.first().map(|f| ("factors", f.id.span())))
        .chain(
            front
                .customer_impact
                .as_ref()
                .and_then(first_span)
                .map(|s| ("customer_impact", s)),
        )
        .collect()
    } else {
        [
            (
                "scheduled_start",
                front.scheduled_start.as_ref().map(Spanned::span),
            ),
            (
                "scheduled_end",
                front.scheduled_end.as_ref().map(Spanned::span),
            ),
        ]
        .into_iter()
        .filter_map(|(k, s)| s.map(|s| (k, s)))
        .collect()
    };
    for (key, span) in misplaced {
        let postmortem = matches!(key, "trigger" | "detection" | "factors" | "customer_impact");
        let (msg, help) = if maintenance && postmortem {
            (
                format!("`{key}` is for incidents, not maintenance"),
                "a planned maintenance has no trigger, detection, contributing factors or customer impact; if it went wrong, write an incident and relate the two (`related`)",
            )
        } else if maintenance {
            (format!("`{key}` is for incidents, not maintenance"), "a maintenance's window comes from `scheduled_start`, `scheduled_end` and its `in_progress` and `completed` entries")
        } else {
            (
                format!("`{key}` is only for maintenance"),
                "add `kind = \"maintenance\"`, or remove the key",
            )
        };
        cx.err(codes::MISPLACED_KEY, span, msg, Some(help.into()));
    }
}

/// `components`: not empty, each declared in site.toml, none twice. The valid ones, in order.
fn components(cx: &mut Ctx, config: &Config, front: &FrontMatter) -> Vec<String> {
    let component_ids: Vec<&str> = config.components.iter().map(|c| c.id.as_str()).collect();
    let mut components: Vec<String> = Vec::new();
    if front.components.get_ref().is_empty() {
        cx.err(
            codes::EMPTY_VALUE,
            front.components.span(),
            "`components` is empty: name at least one affected component",
            Some(format!(
                "components declared in site.toml: {}",
                component_ids.join(", ")
            )),
        );
    }
    for c in front.components.get_ref() {
        let id = c.get_ref();
        if config.component(id).is_none() {
            let help = if component_ids.is_empty() {
                "declare it in site.toml under [[components]]".to_string()
            } else {
                suggestion(id, &component_ids)
            };
            cx.err(
                codes::UNKNOWN_COMPONENT,
                c.span(),
                format!("unknown component `{id}`"),
                Some(help),
            );
        } else if components.contains(id) {
            cx.err(
                codes::DUPLICATE,
                c.span(),
                format!("component `{id}` is listed twice"),
                None,
            );
        } else {
            components.push(id.clone());
        }
    }
    components
}

/// `[[timeline]]`: each entry's time and status (of the incident's kind), oldest first. The
/// entries with a valid time and status, and whether any entry was out of order.
///
/// An incident's entry may be a date alone or `approximate = true`. Entries on the same day
/// as a day-only one are in order whatever their times; a day-only entry after a timed one
/// that day is placed at that time, so the entries' instants stay in order.
fn timeline(cx: &mut Ctx, front: &FrontMatter, maintenance: bool) -> (Vec<Entry>, bool) {
    let mut timeline: Vec<Entry> = Vec::new();
    let mut prev: Option<((DateTime<Utc>, Precision), String)> = None;
    let mut out_of_order = false;
    for e in &front.timeline {
        let approximate = e.approximate.as_ref().filter(|a| *a.get_ref());
        let at = if maintenance {
            if let Some(a) = approximate {
                cx.err(
                    codes::MISPLACED_KEY,
                    a.span(),
                    "`approximate` is for incidents, not maintenance",
                    Some("a maintenance's times are its schedule and its entries, exact".into()),
                );
            }
            cx.time(&e.at).map(|t| (t, Precision::Exact))
        } else {
            cx.time_or_day(&e.at).map(|(t, p)| match p {
                Precision::Exact if approximate.is_some() => (t, Precision::Approximate),
                p => (t, p),
            })
        };
        let status = entry_status(cx, &e.status, maintenance);
        let mut at = at;
        if let (Some(a), Some((p, p_text))) = (&mut at, &prev) {
            if cx.before(*a, *p) {
                out_of_order = true;
                cx.err(codes::OUT_OF_ORDER,
                    e.at.span(),
                    format!("timeline out of order: `{}` is earlier than the entry before it (`{p_text}`)", e.at.get_ref().0),
                    Some("list timeline entries oldest first".into()),
                );
            } else if a.1 == Precision::Day {
                a.0 = a.0.max(p.0);
            }
        }
        if let Some(at) = at {
            prev = Some((at, e.at.get_ref().0.to_string()));
        }
        if let (Some((at, precision)), Some(status)) = (at, status) {
            timeline.push(Entry {
                at,
                precision,
                status,
                message: e.message.clone(),
            });
        }
    }
    (timeline, out_of_order)
}

/// A timeline entry's status, when it is one of the incident's kind.
fn entry_status(cx: &mut Ctx, status: &Spanned<String>, maintenance: bool) -> Option<Status> {
    let allowed = if maintenance {
        MAINTENANCE_STATUSES
    } else {
        INCIDENT_STATUSES
    };
    if allowed.contains(&status.get_ref().as_str()) {
        return Status::parse(status.get_ref());
    }
    let what = if maintenance {
        "maintenance status"
    } else {
        "status"
    };
    let mut help = suggestion(status.get_ref(), allowed);
    if Status::parse(status.get_ref()).is_some() {
        help = format!(
            "`{}` is a status of {}; {help}",
            status.get_ref(),
            if maintenance {
                "incidents"
            } else {
                "maintenance (`kind = \"maintenance\"`)"
            }
        );
    }
    cx.err(
        codes::UNKNOWN_STATUS,
        status.span(),
        format!("unknown {what} `{}`", status.get_ref()),
        Some(help),
    );
    None
}

/// A maintenance's window: `scheduled_start` and `scheduled_end` (both required, end after
/// start), narrowed to its `in_progress` and `completed` entries when it has them.
fn window(cx: &mut Ctx, raw: &RawIncident, timeline: &[Entry]) -> Option<Window> {
    let front = &raw.front;
    let s = front.scheduled_start.as_ref().and_then(|s| cx.time(s));
    let e = front.scheduled_end.as_ref().and_then(|s| cx.time(s));
    for (key, v) in [
        ("scheduled_start", &front.scheduled_start),
        ("scheduled_end", &front.scheduled_end),
    ] {
        if v.is_none() {
            cx.diags.push(
                Diagnostic::point(&raw.path, 1, 1, format!("a maintenance needs `{key}`")).with_code(codes::MISSING_KEY)
                    .with_help("give the scheduled window: `scheduled_start = 2024-10-02T22:00:00Z` and `scheduled_end = ...`"),
            );
        }
    }
    match (s, e) {
        (Some(s), Some(e)) if e <= s => {
            let span = front
                .scheduled_end
                .as_ref()
                .map(Spanned::span)
                .unwrap_or(0..0);
            cx.err(
                codes::OUT_OF_ORDER,
                span,
                "`scheduled_end` is not after `scheduled_start`",
                None,
            );
            None
        }
        (Some(s), Some(e)) => Some(Window::from_timeline(s, e, timeline)),
        _ => None,
    }
}

/// An incident's derived times.
struct Times {
    started: Option<DateTime<Utc>>,
    detected: Option<DateTime<Utc>>,
    resolved: Option<DateTime<Utc>>,
    precision: Precisions,
}

/// The names `approximate` may list.
const APPROXIMATE_KEYS: &[&str] = &["started", "detected", "resolved"];

/// `approximate`: which of `started`, `detected` and `resolved` are known only roughly; each
/// a key of the three, set in this file, listed once.
fn approximate(cx: &mut Ctx, front: &FrontMatter) -> Vec<&'static str> {
    let mut out: Vec<&'static str> = Vec::new();
    for a in &front.approximate {
        let name = a.get_ref().as_str();
        let set = match name {
            "started" => front.started.is_some(),
            "detected" => front.detected.is_some(),
            "resolved" => front.resolved.is_some(),
            _ => {
                cx.err(
                    codes::BAD_VALUE,
                    a.span(),
                    format!(
                        "`approximate` lists `{name}`, which is not one of the incident's times"
                    ),
                    Some(suggestion(name, APPROXIMATE_KEYS)),
                );
                continue;
            }
        };
        let Some(key) = APPROXIMATE_KEYS.iter().copied().find(|k| *k == name) else {
            continue;
        };
        if out.contains(&key) {
            cx.err(
                codes::DUPLICATE,
                a.span(),
                format!("`{key}` is listed twice in `approximate`"),
                None,
            );
        } else if !set {
            cx.err(
                codes::BAD_VALUE,
                a.span(),
                format!("`approximate` lists `{key}`, which this file does not set"),
                Some(format!("set `{key}`, or mark the timeline entry it comes from with `approximate = true`")),
            );
        } else {
            out.push(key);
        }
    }
    out
}

/// Start (the window's, else `started`, else the first entry), detection and resolution
/// (`resolved`, else the first `resolved` entry; none for a maintenance), in order.
fn times(
    cx: &mut Ctx,
    raw: &RawIncident,
    maintenance: bool,
    window: Option<Window>,
    timeline: &[Entry],
    out_of_order: bool,
) -> Times {
    let front = &raw.front;
    let approx = if maintenance {
        Vec::new()
    } else {
        approximate(cx, front)
    };
    // A time the file writes: a date alone, or exact unless `approximate` lists it.
    let own = |cx: &mut Ctx, key: &str, v: &Option<Spanned<Datetime>>| {
        let (t, p) = cx.time_or_day(v.as_ref()?)?;
        Some(match p {
            Precision::Exact if approx.contains(&key) => (t, Precision::Approximate),
            p => (t, p),
        })
    };
    let explicit_started = if maintenance {
        None
    } else {
        own(cx, "started", &front.started)
    };
    let started = window
        .map(|w| (w.start, Precision::Exact))
        .or(explicit_started)
        .or_else(|| timeline.first().map(|e| (e.at, e.precision)));
    if !maintenance && started.is_none() && front.started.is_none() && front.timeline.is_empty() {
        let (line, col) = (1, 1);
        cx.diags.push(
            Diagnostic::point(&raw.path, line, col, "the incident has no timeline and no `started` time").with_code(codes::MISSING_KEY)
                .with_help("add a first `[[timeline]]` entry (at, status = \"investigating\", message), or `started = <datetime>`"),
        );
    }
    let resolved = match &front.resolved {
        _ if maintenance => None,
        Some(_) => own(cx, "resolved", &front.resolved),
        None => timeline
            .iter()
            .find(|e| e.status == Status::Resolved)
            .map(|e| (e.at, e.precision)),
    };
    let mut resolved = resolved;
    if let (Some(s), Some(r), false) = (started, &mut resolved, out_of_order) {
        if cx.before(*r, s) {
            let span = front
                .resolved
                .as_ref()
                .map(Spanned::span)
                .or_else(|| {
                    front
                        .timeline
                        .iter()
                        .find(|e| e.status.get_ref() == "resolved")
                        .map(|e| e.at.span())
                })
                .unwrap_or(0..0);
            cx.err(
                codes::OUT_OF_ORDER,
                span,
                format!(
                    "`resolved` ({}) is before `started` ({})",
                    utc(r.0),
                    utc(s.0)
                ),
                Some("check the date and the time zone offset of both times".into()),
            );
        } else if r.1 == Precision::Day {
            // No earlier than the start and than the entries written that day.
            let day = |t: DateTime<Utc>| t.with_timezone(&cx.tz).date_naive();
            let that_day = timeline
                .iter()
                .map(|e| e.at)
                .filter(|t| day(*t) == day(r.0));
            r.0 = that_day.fold(r.0.max(s.0), DateTime::max);
        }
    }
    let mut detected = if maintenance {
        None
    } else {
        own(cx, "detected", &front.detected)
    };
    if let (Some(s), Some(d), Some(span)) = (
        started,
        &mut detected,
        front.detected.as_ref().map(Spanned::span),
    ) {
        if cx.before(*d, s) {
            cx.err(
                codes::OUT_OF_ORDER,
                span,
                "`detected` is before `started`",
                Some("an incident is detected at or after it starts".into()),
            );
        } else if d.1 == Precision::Day {
            d.0 = d.0.max(s.0);
        }
    }
    let precision_of = |t: Option<(DateTime<Utc>, Precision)>| t.map_or(Precision::Exact, |t| t.1);
    Times {
        started: started.map(|t| t.0),
        detected: detected.map(|t| t.0),
        resolved: resolved.map(|t| t.0),
        precision: Precisions {
            started: precision_of(started),
            detected: precision_of(detected),
            resolved: precision_of(resolved),
        },
    }
}

/// `[[impact]]` windows: a listed component, a level, a start and end in order (by default
/// the incident's start and resolution).
fn impacts(
    cx: &mut Ctx,
    front: &FrontMatter,
    components: &[String],
    started: Option<DateTime<Utc>>,
    resolved: Option<DateTime<Utc>>,
) -> Vec<Impact> {
    let mut impacts = Vec::new();
    for imp in &front.impact {
        let id = imp.component.get_ref();
        if !front.components.get_ref().iter().any(|c| c.get_ref() == id) {
            cx.err(codes::IMPACT_NOT_LISTED,
                imp.component.span(),
                format!("`[[impact]]` names component `{id}`, which is not in this incident's `components`"),
                Some(format!("add `{id}` to `components`, or fix the name (listed: {})", components.join(", "))),
            );
        }
        let level = cx.parse_id(
            &imp.level,
            "level",
            Level::IDS,
            Level::parse,
            codes::UNKNOWN_LEVEL,
        );
        let start = imp.start.as_ref().map(|s| cx.time(s));
        let end = imp.end.as_ref().map(|s| cx.time(s));
        if let (Some(Some(s)), Some(Some(e)), Some(span)) =
            (start, end, imp.end.as_ref().map(Spanned::span))
        {
            if e < s {
                cx.err(
                    codes::OUT_OF_ORDER,
                    span,
                    "impact `end` is before its `start`",
                    None,
                );
            }
        }
        if let (Some(level), Some(start)) = (level, start.unwrap_or(started)) {
            impacts.push(Impact {
                component: id.clone(),
                level,
                start,
                end: end.flatten().or(resolved),
            });
        }
    }
    impacts
}

/// `[[action_items]]`: a title, a status, a date for `due`, a safe `link`.
fn action_items(cx: &mut Ctx, front: &FrontMatter) -> Vec<ActionItem> {
    let mut action_items = Vec::new();
    for a in &front.action_items {
        if a.title.get_ref().trim().is_empty() {
            cx.err(
                codes::EMPTY_VALUE,
                a.title.span(),
                "action item `title` is empty",
                None,
            );
        }
        let status = cx.parse_id(
            &a.status,
            "action item status",
            ActionStatus::IDS,
            ActionStatus::parse,
            codes::UNKNOWN_STATUS,
        );
        let due = a.due.as_ref().and_then(|d| cx.date(d));
        let closed = a.closed.as_ref().and_then(|d| cx.date(d));
        if let (Some(c), Some(s)) = (&a.closed, status) {
            if !matches!(s, ActionStatus::Done | ActionStatus::WontDo) {
                cx.err(
                    codes::BAD_VALUE,
                    c.span(),
                    format!("an action item that is `{}` has no `closed` date", s.id()),
                    Some("set `status = \"done\"` (or `wont_do`), or remove `closed`".into()),
                );
            }
        }
        if let Some(link) = &a.link {
            if !is_safe_link(link.get_ref()) {
                cx.err(
                    codes::BAD_LINK,
                    link.span(),
                    format!(
                        "link `{}` is not an http(s), mailto or relative URL",
                        link.get_ref()
                    ),
                    None,
                );
            }
        }
        if let Some(status) = status {
            action_items.push(ActionItem {
                title: a.title.get_ref().clone(),
                owner: a.owner.clone(),
                status,
                due,
                closed,
                link: a.link.as_ref().map(|l| l.get_ref().clone()),
            });
        }
    }
    action_items
}

/// An action item's `closed` date and the review's `date` are not before the day the incident
/// started (in its time zone): a follow-up cannot close, nor a review happen, before the
/// incident, and a negative time to close would skew `/actions/`.
fn dates_after_start(
    cx: &mut Ctx,
    front: &FrontMatter,
    started: DateTime<Utc>,
    items: &[ActionItem],
    review: &Review,
) {
    let day = started.with_timezone(&cx.tz).date_naive();
    let mut check = |date: Option<NaiveDate>, span: Option<Range<usize>>, what: &str| {
        if let (Some(d), Some(span)) = (date, span) {
            if d < day {
                cx.err(
                    codes::OUT_OF_ORDER,
                    span,
                    format!("{what} {d} is before the incident started ({day})"),
                    Some("check the year and month".into()),
                );
            }
        }
    };
    // Only items that validated are in `items`, in file order; pair them by title and status
    // like the file's tables.
    for (a, raw) in items.iter().zip(
        front
            .action_items
            .iter()
            .filter(|r| crate::model::ActionStatus::parse(r.status.get_ref()).is_some()),
    ) {
        check(
            a.closed,
            raw.closed.as_ref().map(Spanned::span),
            "the action item's `closed` date",
        );
    }
    check(
        review.date,
        front
            .review
            .as_ref()
            .and_then(|r| r.date.as_ref().map(Spanned::span)),
        "the review `date`",
    );
}

/// What a postmortem records besides its body, checked against the site's lists.
struct Archive {
    trigger: Option<String>,
    detection: Option<String>,
    factors: Vec<Factor>,
    lessons: Lessons,
    customer_impact: CustomerImpact,
}

/// `trigger`, `detection` (a `[[detection_methods]]` id), `[[factors]]` (ids of the site's
/// `[[factors]]`, none twice), `[lessons]` and `[customer_impact]` (numbers not negative, an
/// error rate in percent).
fn archive(cx: &mut Ctx, config: &Config, front: &FrontMatter) -> Archive {
    let trigger = front.trigger.as_ref().and_then(|t| {
        let v = t.get_ref().trim();
        if v.is_empty() {
            cx.err(
                codes::EMPTY_VALUE,
                t.span(),
                "`trigger` is empty",
                Some("say in one sentence what set the incident off, or remove the key".into()),
            );
            None
        } else {
            Some(v.to_string())
        }
    });
    let detection = front.detection.as_ref().and_then(|d| {
        if config.detection_method(d.get_ref()).is_some() {
            return Some(d.get_ref().clone());
        }
        let ids: Vec<&str> = config
            .detection_methods
            .iter()
            .map(|t| t.id.as_str())
            .collect();
        cx.err(
            codes::UNKNOWN_DETECTION,
            d.span(),
            format!("unknown detection method `{}`", d.get_ref()),
            Some(suggestion(d.get_ref(), &ids)),
        );
        None
    });
    let mut factors: Vec<Factor> = Vec::new();
    for f in &front.factors {
        let id = f.id.get_ref();
        if config.factor(id).is_none() {
            let ids: Vec<&str> = config.factors.iter().map(|t| t.id.as_str()).collect();
            cx.err(
                codes::UNKNOWN_FACTOR,
                f.id.span(),
                format!("unknown contributing factor `{id}`"),
                Some(format!(
                    "{} (the factors are `[[factors]]` in site.toml)",
                    suggestion(id, &ids)
                )),
            );
        } else if factors.iter().any(|x| &x.id == id) {
            cx.err(
                codes::DUPLICATE,
                f.id.span(),
                format!("contributing factor `{id}` is listed twice"),
                Some("list each factor once; one note can say several things".into()),
            );
        } else {
            factors.push(Factor {
                id: id.clone(),
                note: f.note.trim().to_string(),
            });
        }
    }
    let keep = |v: &[String]| -> Vec<String> {
        v.iter()
            .map(|s| s.trim())
            .filter(|s| !s.is_empty())
            .map(String::from)
            .collect()
    };
    let lessons = front
        .lessons
        .as_ref()
        .map(|l| Lessons {
            went_well: keep(&l.went_well),
            went_wrong: keep(&l.went_wrong),
            lucky: keep(&l.lucky),
        })
        .unwrap_or_default();
    let customer_impact = front
        .customer_impact
        .as_ref()
        .map(|c| customer_impact(cx, c))
        .unwrap_or_default();
    Archive {
        trigger,
        detection,
        factors,
        lessons,
        customer_impact,
    }
}

/// The first key written in `[customer_impact]`, for a message about the table.
fn first_span(c: &RawCustomerImpact) -> Option<Range<usize>> {
    [
        c.users.as_ref().map(Spanned::span),
        c.customers.as_ref().map(Spanned::span),
        c.requests.as_ref().map(Spanned::span),
        c.error_rate.as_ref().map(Spanned::span),
    ]
    .into_iter()
    .flatten()
    .min_by_key(|s| s.start)
}

/// `[customer_impact]`: counts not negative, an error rate from 0 to 100 (percent).
fn customer_impact(cx: &mut Ctx, c: &RawCustomerImpact) -> CustomerImpact {
    let mut count = |v: &Option<Spanned<i64>>, key: &str| -> Option<u64> {
        let v = v.as_ref()?;
        match u64::try_from(*v.get_ref()) {
            Ok(n) => Some(n),
            Err(_) => {
                cx.err(
                    codes::BAD_VALUE,
                    v.span(),
                    format!("`{key}` is negative ({})", v.get_ref()),
                    Some("write how many were affected, or leave the key out when unknown".into()),
                );
                None
            }
        }
    };
    let users = count(&c.users, "users");
    let customers = count(&c.customers, "customers");
    let requests = count(&c.requests, "requests");
    let error_rate = c.error_rate.as_ref().and_then(|v| {
        let r = *v.get_ref();
        if (0.0..=100.0).contains(&r) {
            Some(r)
        } else {
            cx.err(
                codes::BAD_VALUE,
                v.span(),
                format!("`error_rate` {r} is not a percentage from 0 to 100"),
                Some("write the peak error rate in percent: 12.5 for 12.5 %".into()),
            );
            None
        }
    });
    CustomerImpact {
        users,
        customers,
        requests,
        error_rate,
        note: c.note.trim().to_string(),
    }
}

/// `[review]`: a known state, a date; `draft = true` with a state other than draft is a
/// contradiction. Without `[review]`: published, or draft when `draft = true`.
fn review(cx: &mut Ctx, front: &FrontMatter) -> Review {
    let Some(r) = &front.review else {
        let mut review = Review::default();
        if front.draft {
            review.state = ReviewState::Draft;
        }
        return review;
    };
    let state = cx
        .parse_id(
            &r.state,
            "review state",
            ReviewState::IDS,
            ReviewState::parse,
            codes::BAD_VALUE,
        )
        .unwrap_or(ReviewState::Draft);
    if front.draft && state != ReviewState::Draft {
        cx.err(
            codes::BAD_VALUE,
            r.state.span(),
            format!(
                "`draft = true` contradicts the review state `{}`",
                state.id()
            ),
            Some("remove `draft = true`: `[review] state` says where the postmortem is".into()),
        );
    }
    let date = r.date.as_ref().and_then(|d| cx.date(d));
    Review {
        state,
        reviewers: r
            .reviewers
            .iter()
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .collect(),
        date,
    }
}

/// `related`: incident slugs, none twice, not the incident itself. Whether each exists is a
/// check across files ([`unknown_related`]).
fn related(cx: &mut Ctx, front: &FrontMatter, slug: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for r in &front.related {
        let s = r.get_ref().trim();
        if s == slug {
            cx.err(
                codes::UNKNOWN_RELATED,
                r.span(),
                "an incident cannot be related to itself",
                None,
            );
        } else if out.iter().any(|x| x == s) {
            cx.err(
                codes::DUPLICATE,
                r.span(),
                format!("related incident `{s}` is listed twice"),
                None,
            );
        } else {
            out.push(s.to_string());
        }
    }
    out
}

/// The slug: `slug` as written (a valid id, short enough for a folder name), else made from
/// the file name.
fn slug(cx: &mut Ctx, raw: &RawIncident) -> String {
    match &raw.front.slug {
        Some(s) => {
            if !is_valid_id(s.get_ref()) {
                cx.err(codes::BAD_ID,
                    s.span(),
                    format!("invalid slug `{}`", s.get_ref()),
                    Some(format!("a slug is lower-case letters and digits joined by single dashes (`[a-z0-9]+(-[a-z0-9]+)*`), e.g. `{}`", crate::util::slug::slugify(s.get_ref()))),
                );
            } else if s.get_ref().len() > crate::util::fsutil::NAME_MAX {
                cx.err(
                    codes::PATH_TOO_LONG,
                    s.span(),
                    slug_too_long(s.get_ref()),
                    Some("set a shorter `slug`".to_string()),
                );
            }
            s.get_ref().clone()
        }
        None => {
            let s = crate::util::slug::slugify(&raw.stem());
            if s.is_empty() {
                cx.diags.push(
                    Diagnostic::file(&raw.path, "cannot make a slug from the file name")
                        .with_help("set `slug = \"...\"` in the front matter")
                        .with_code(codes::BAD_ID),
                );
            } else if s.len() > crate::util::fsutil::NAME_MAX {
                cx.diags.push(
                    Diagnostic::file(&raw.path, slug_too_long(&s))
                        .with_help("set a shorter `slug = \"...\"` in the front matter, or rename the file")
                        .with_code(codes::PATH_TOO_LONG),
                );
            }
            s
        }
    }
}

/// `aliases`: other addresses of the same incident, each an absolute http(s) URL.
fn aliases(cx: &mut Ctx, front: &FrontMatter) -> Vec<String> {
    let mut aliases = Vec::new();
    for a in &front.aliases {
        let url = a.get_ref().trim();
        if is_alias_url(url) {
            aliases.push(url.to_string());
        } else {
            cx.err(
                codes::BAD_LINK,
                a.span(),
                format!("alias `{url}` is not an absolute http(s) URL"),
                Some("write the full address, e.g. `https://stspg.io/abcd1234`".to_string()),
            );
        }
    }
    aliases
}

/// The current status: a maintenance's latest entry other than an update (scheduled when it
/// has none); an incident's from its timeline, and at least resolved once it is resolved.
fn utc(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true)
}

/// The slug is a folder name in the output (`incidents/<slug>/`).
fn slug_too_long(slug: &str) -> String {
    format!(
        "the slug is {} bytes long: its page folder can have at most {} (a file system limit)",
        slug.len(),
        crate::util::fsutil::NAME_MAX
    )
}

/// An `aliases` entry: an absolute http(s) URL with a host, whole as written (no spaces or line
/// breaks inside: a browser would drop or encode them, and index.json would carry them raw).
pub fn is_alias_url(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    (lower.starts_with("http://") || lower.starts_with("https://"))
        && !url.contains(|c: char| c.is_whitespace() || c.is_control())
        && url::Url::parse(url).is_ok_and(|u| u.host().is_some())
}

/// Links in front matter end up in `href`: only http(s), mailto and relative URLs
/// ([`crate::util::escape::is_safe_url`]).
pub fn is_safe_link(link: &str) -> bool {
    crate::util::escape::is_safe_url(link)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links() {
        assert!(is_safe_link("https://tracker.example.com/PLAT-12"));
        assert!(is_safe_link("../other/"));
        assert!(!is_safe_link("javascript:alert(1)"));
        assert!(!is_safe_link(" JavaScript:alert(1)"));
    }
}

#[cfg(test)]
mod archive_tests {
    use super::*;
    use std::path::Path;

    fn errors(front_extra: &str, top: &str) -> Vec<(Code, String, Option<String>)> {
        let cfg = crate::input::config::from_str(
            Path::new("."),
            Path::new("site.toml"),
            "title = \"T\"\nbase_url = \"https://s.example.com/\"\n\n[[components]]\nid = \"api\"\nname = \"API\"\n",
        )
        .unwrap();
        let text = format!(
            "+++\ntitle = \"T\"\nseverity = \"minor\"\ncomponents = [\"api\"]\n{top}\n[[timeline]]\nat = 2024-05-01T10:00:00Z\nstatus = \"resolved\"\n{front_extra}+++\n"
        );
        let raw = crate::input::load::parse_file(
            "content/x.md".into(),
            None,
            Vec::new(),
            text.into_bytes(),
        )
        .unwrap();
        match validate(&cfg, &raw) {
            Ok(_) => Vec::new(),
            Err(ds) => ds
                .into_iter()
                .map(|d| (d.code, d.message, d.help))
                .collect(),
        }
    }

    #[test]
    fn unknown_factor_suggests_the_closest_id_of_the_default_taxonomy() {
        let e = errors("\n[[factors]]\nid = \"capasity\"\n", "");
        assert_eq!(e.len(), 1);
        assert_eq!(e[0].0, codes::UNKNOWN_FACTOR);
        assert_eq!(
            e[0].2.as_deref(),
            Some("did you mean `capacity`? (the factors are `[[factors]]` in site.toml)")
        );
        // Far from every id: the list instead.
        let e = errors("\n[[factors]]\nid = \"cosmic-rays\"\n", "");
        assert!(e[0]
            .2
            .as_deref()
            .unwrap()
            .starts_with("expected one of: change, configuration"));
        // Twice: E0012, not E0029.
        let twice = "\n[[factors]]\nid = \"change\"\n\n[[factors]]\nid = \"change\"\n";
        assert_eq!(errors(twice, "")[0].0, codes::DUPLICATE);
    }

    #[test]
    fn unknown_detection_and_a_self_relation() {
        let e = errors("", "detection = \"synthetic\"\n");
        assert_eq!(e[0].0, codes::UNKNOWN_DETECTION);
        assert_eq!(e[0].2.as_deref(), Some("expected one of: monitoring-alert, synthetic-check, customer-report, internal-report, provider-notice"));
        let e = errors("", "detection = \"synthetic-chek\"\n");
        assert_eq!(e[0].2.as_deref(), Some("did you mean `synthetic-check`?"));
        // The file is content/x.md: its slug is `x`.
        let e = errors("", "related = [\"x\"]\n");
        assert_eq!(e[0].0, codes::UNKNOWN_RELATED);
        assert_eq!(e[0].1, "an incident cannot be related to itself");
    }

    #[test]
    fn closed_and_review_dates_are_not_before_the_start_day() {
        // Started 2024-05-01T10:00Z: the same day is fine, the day before is not.
        let item = |closed: &str| {
            format!("\n[[action_items]]\ntitle = \"a\"\nowner = \"o\"\nstatus = \"done\"\nclosed = {closed}\n")
        };
        assert!(errors(&item("2024-05-01"), "").is_empty());
        let e = errors(&item("2024-04-30"), "");
        assert_eq!(e.len(), 1);
        assert_eq!(e[0].0, codes::OUT_OF_ORDER);
        assert_eq!(
            e[0].1,
            "the action item's `closed` date 2024-04-30 is before the incident started (2024-05-01)"
        );
        let review = |date: &str| format!("\n[review]\nstate = \"published\"\ndate = {date}\n");
        assert!(errors(&review("2024-05-02"), "").is_empty());
        let e = errors(&review("2023-05-02"), "");
        assert_eq!(e[0].0, codes::OUT_OF_ORDER);
        // `closed` on an item still open is its own error.
        let e = errors(
            "\n[[action_items]]\ntitle = \"a\"\nowner = \"o\"\nstatus = \"open\"\nclosed = 2024-05-02\n",
            "",
        );
        assert_eq!(e[0].0, codes::BAD_VALUE);
    }

    #[test]
    fn a_relation_to_a_file_with_errors_says_so() {
        let cfg = crate::input::config::from_str(
            Path::new("."),
            Path::new("site.toml"),
            "title = \"T\"\nbase_url = \"https://s.example.com/\"\n\n[[components]]\nid = \"api\"\nname = \"API\"\n",
        )
        .unwrap();
        let text = "+++\ntitle = \"T\"\nseverity = \"minor\"\ncomponents = [\"api\"]\nrelated = [\"2024-01-01-broken\", \"gone\"]\n\n[[timeline]]\nat = 2024-05-01T10:00:00Z\nstatus = \"resolved\"\n+++\n";
        let raw = crate::input::load::parse_file(
            "content/x.md".into(),
            None,
            Vec::new(),
            text.as_bytes().to_vec(),
        )
        .unwrap();
        let i = validate(&cfg, &raw).unwrap();
        let pending = pending_related(&raw, &i);
        let broken = Path::new("content/2024-01-01-broken.md");
        let d = unknown_related(&pending, &[], &[broken]);
        assert_eq!(d.len(), 2);
        assert_eq!(
            d[0].message,
            "related incident `2024-01-01-broken` has errors of its own (content/2024-01-01-broken.md)"
        );
        assert_eq!(d[0].line, 5);
        assert_eq!(d[1].message, "related incident `gone` does not exist");
    }
}
