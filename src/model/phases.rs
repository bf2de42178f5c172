//! An incident's course, as its visual timeline draws it: the phases its timeline went
//! through, one lane per affected component with its level over time, and when it was
//! detected. Derived once here; `render::timeline_svg` only scales and draws it.
//!
//! The rules:
//! - **The span** runs from the earliest of the start, the first timeline entry and the
//!   impact windows, to the resolution (or `now` while ongoing), stretched to an `[[impact]]`
//!   window that explicitly ends later. Entries after the end (a `postmortem` days later) are
//!   not drawn.
//! - **Phases** are consecutive spans: `investigating`, `identified`, `monitoring`. Each starts
//!   at the first entry of that status and lasts to the next entry of another phase (or the
//!   end). An `update` keeps the phase before it, as does `postmortem`; a first entry that is an
//!   `update` starts `investigating` (as [`crate::model::Incident::effective_statuses`] says).
//!   `resolved` is not a span but the end: the last phase lasts to the resolution.
//! - **Before the first update**: when the incident started before its first entry, that
//!   stretch is its own phase, [`PhaseKind::BeforeFirstUpdate`]: the impact had begun but nobody
//!   had said anything yet. It is not called "investigating", because nobody may have known.
//! - **Lanes**: one per affected component that is not hidden, in the order written, with the
//!   windows [`crate::model::status::raw_intervals`] gives (its `[[impact]]` entries, else the
//!   severity's level over the whole incident), open ends closed at the span's end.
//! - **Detection**: `detected`, when given and inside the span.

use crate::input::config::Config;
use crate::model::status::raw_intervals;
use crate::model::{Incident, Level, Status};
use chrono::{DateTime, Utc};

/// A phase of an incident, in the order an incident usually goes through them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhaseKind {
    BeforeFirstUpdate,
    Investigating,
    Identified,
    Monitoring,
}

impl PhaseKind {
    pub fn id(self) -> &'static str {
        match self {
            PhaseKind::BeforeFirstUpdate => "before_first_update",
            PhaseKind::Investigating => "investigating",
            PhaseKind::Identified => "identified",
            PhaseKind::Monitoring => "monitoring",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            PhaseKind::BeforeFirstUpdate => "Before the first update",
            PhaseKind::Investigating => "Investigating",
            PhaseKind::Identified => "Identified",
            PhaseKind::Monitoring => "Monitoring",
        }
    }

    /// A shorter label, for where the full one does not fit.
    pub fn short_label(self) -> &'static str {
        match self {
            PhaseKind::BeforeFirstUpdate => "Before updates",
            k => k.label(),
        }
    }

    /// The phase an entry of `status` starts, if it starts one.
    fn of(status: Status) -> Option<PhaseKind> {
        match status {
            Status::Investigating => Some(PhaseKind::Investigating),
            Status::Identified => Some(PhaseKind::Identified),
            Status::Monitoring => Some(PhaseKind::Monitoring),
            _ => None,
        }
    }
}

/// One phase: `[start, end)`, never empty.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Phase {
    pub kind: PhaseKind,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
}

/// A component's level over `[start, end)`, never empty.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LaneWindow {
    pub level: Level,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    /// The window has no end yet: it is cut at `now`.
    pub open: bool,
}

/// One affected component's windows, earliest first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lane<'a> {
    pub component: &'a str,
    pub windows: Vec<LaneWindow>,
}

/// Everything the visual timeline shows of one incident.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Course<'a> {
    pub start: DateTime<Utc>,
    /// The resolution, `now` while ongoing, or a later explicit impact end.
    pub end: DateTime<Utc>,
    /// Not resolved: `end` is `now`.
    pub ongoing: bool,
    pub phases: Vec<Phase>,
    pub lanes: Vec<Lane<'a>>,
    pub detected: Option<DateTime<Utc>>,
}

/// The course of incident `i` as of `now`; None for a maintenance, and for an incident with a
/// time that is not exact (its phases' lengths are not known).
pub fn course<'a>(c: &Config, i: &'a Incident, now: DateTime<Utc>) -> Option<Course<'a>> {
    if i.is_maintenance() || !i.all_exact() {
        return None;
    }
    let level = c.severity_level(&i.severity);
    let visible = |id: &str| c.component(id).is_none_or(|x| !x.hidden);
    let raw: Vec<(&str, Vec<_>)> = i
        .components
        .iter()
        .filter(|id| visible(id))
        .map(|id| (id.as_str(), raw_intervals(i, id, level)))
        .collect();
    let start = i
        .timeline
        .first()
        .map(|e| e.at)
        .into_iter()
        .chain(raw.iter().flat_map(|(_, w)| w.iter().map(|x| x.0)))
        .fold(i.started, DateTime::min);
    let ongoing = i.resolved.is_none();
    let end = match i.resolved {
        Some(r) => raw
            .iter()
            .flat_map(|(_, w)| w.iter().filter_map(|x| x.1))
            .fold(r, DateTime::max),
        None => now,
    }
    .max(start);
    Some(Course {
        start,
        end,
        ongoing,
        phases: phases(i, start, i.resolved.map_or(end, |r| r.max(start))),
        lanes: raw
            .into_iter()
            .map(|(component, windows)| {
                let mut windows: Vec<LaneWindow> = windows
                    .into_iter()
                    .filter_map(|(s, e, level)| {
                        let (s, e2) = (s.max(start), e.unwrap_or(end).min(end));
                        (s < e2).then_some(LaneWindow {
                            level,
                            start: s,
                            end: e2,
                            open: e.is_none_or(|e| e > end),
                        })
                    })
                    .collect();
                windows.sort_by_key(|w| (w.start, w.end));
                Lane { component, windows }
            })
            .collect(),
        detected: i.detected.filter(|d| start <= *d && *d <= end),
    })
}

/// The phases over `[start, end)`, `end` being the resolution (see the module's rules).
fn phases(i: &Incident, start: DateTime<Utc>, end: DateTime<Utc>) -> Vec<Phase> {
    // (when, phase) for every change, the first entry of any status starting one.
    let mut marks: Vec<(DateTime<Utc>, PhaseKind)> = Vec::new();
    let mut current = None;
    for e in i.timeline.iter().filter(|e| e.at < end) {
        let kind = match (PhaseKind::of(e.status), current) {
            (Some(k), _) => k,
            // An `update` (or `resolved`, `postmortem`) first: investigating, as
            // `effective_statuses` has it; later ones keep the phase.
            (None, None) if e.status != Status::Resolved => PhaseKind::Investigating,
            (None, _) => continue,
        };
        if current != Some(kind) {
            marks.push((e.at.max(start), kind));
            current = Some(kind);
        }
    }
    if marks.first().is_none_or(|(at, _)| *at > start) {
        marks.insert(0, (start, PhaseKind::BeforeFirstUpdate));
    }
    let mut out: Vec<Phase> = Vec::new();
    for (n, (at, kind)) in marks.iter().enumerate() {
        let until = marks.get(n + 1).map_or(end, |m| m.0);
        if *at < until {
            match out.last_mut() {
                // Two changes at one instant leave an empty phase between equal ones.
                Some(p) if p.kind == *kind => p.end = until,
                _ => out.push(Phase {
                    kind: *kind,
                    start: *at,
                    end: until,
                }),
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::tests_support::incident;
    use crate::model::{Entry, Impact};

    fn t(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().to_utc()
    }

    fn config() -> Config {
        let root = std::path::Path::new("/site");
        crate::input::config::from_str(
            root,
            &root.join("site.toml"),
            "title = \"S\"\nbase_url = \"https://s.example/\"\n\
             [[components]]\nid = \"api\"\nname = \"API\"\n\
             [[components]]\nid = \"web\"\nname = \"Web\"\n\
             [[components]]\nid = \"secret\"\nname = \"Secret\"\nhidden = true\n",
        )
        .expect("valid site.toml")
    }

    fn entry(at: &str, status: Status) -> Entry {
        Entry {
            at: t(at),
            precision: crate::model::Precision::Exact,
            status,
            message: String::new(),
        }
    }

    fn spans(c: &Course) -> Vec<(&'static str, String, String)> {
        c.phases
            .iter()
            .map(|p| (p.kind.id(), p.start.to_rfc3339(), p.end.to_rfc3339()))
            .collect()
    }

    #[test]
    fn phases_follow_the_timeline_updates_keep_the_phase() {
        let mut i = incident("a", "2024-05-01T10:00:00Z", &[]);
        i.components = vec!["api".into(), "secret".into()];
        i.timeline = vec![
            entry("2024-05-01T10:05:00Z", Status::Investigating),
            entry("2024-05-01T10:10:00Z", Status::Update),
            entry("2024-05-01T10:20:00Z", Status::Identified),
            entry("2024-05-01T10:30:00Z", Status::Monitoring),
            entry("2024-05-01T10:35:00Z", Status::Monitoring),
            entry("2024-05-01T10:45:00Z", Status::Resolved),
            // Days later: not drawn.
            entry("2024-05-03T09:00:00Z", Status::Postmortem),
        ];
        i.resolved = Some(t("2024-05-01T10:45:00Z"));
        i.detected = Some(t("2024-05-01T10:02:00Z"));
        let c = course(&config(), &i, t("2024-06-01T00:00:00Z")).unwrap();
        assert_eq!((c.start, c.end), (i.started, t("2024-05-01T10:45:00Z")));
        assert!(!c.ongoing);
        let z = "+00:00";
        assert_eq!(
            spans(&c),
            [
                (
                    "before_first_update",
                    format!("2024-05-01T10:00:00{z}"),
                    format!("2024-05-01T10:05:00{z}")
                ),
                (
                    "investigating",
                    format!("2024-05-01T10:05:00{z}"),
                    format!("2024-05-01T10:20:00{z}")
                ),
                (
                    "identified",
                    format!("2024-05-01T10:20:00{z}"),
                    format!("2024-05-01T10:30:00{z}")
                ),
                (
                    "monitoring",
                    format!("2024-05-01T10:30:00{z}"),
                    format!("2024-05-01T10:45:00{z}")
                ),
            ]
        );
        // The hidden component has no lane; api has the severity's level all along.
        assert_eq!(
            c.lanes,
            [Lane {
                component: "api",
                windows: vec![LaneWindow {
                    level: Level::DegradedPerformance,
                    start: i.started,
                    end: t("2024-05-01T10:45:00Z"),
                    open: false,
                }],
            }]
        );
        assert_eq!(c.detected, i.detected);
    }

    #[test]
    fn ongoing_ends_at_now_and_impacts_make_the_lanes() {
        let mut i = incident("b", "2024-05-01T10:00:00Z", &[]);
        i.components = vec!["web".into(), "api".into()];
        // The first entry is an update, at the start: investigating, no stretch before it.
        i.timeline = vec![
            entry("2024-05-01T10:00:00Z", Status::Update),
            entry("2024-05-01T11:00:00Z", Status::Identified),
            entry("2024-05-01T11:00:00Z", Status::Investigating),
        ];
        i.impacts = vec![
            Impact {
                component: "web".into(),
                level: Level::MajorOutage,
                start: t("2024-05-01T10:30:00Z"),
                end: Some(t("2024-05-01T11:30:00Z")),
            },
            Impact {
                component: "web".into(),
                level: Level::DegradedPerformance,
                start: t("2024-05-01T10:00:00Z"),
                end: None,
            },
        ];
        let now = t("2024-05-01T12:00:00Z");
        let c = course(&config(), &i, now).unwrap();
        assert!(c.ongoing);
        assert_eq!(c.end, now);
        // Identified and investigating at one instant: the empty identified phase goes, and
        // the two investigating spans are one.
        assert_eq!(
            spans(&c),
            [(
                "investigating",
                "2024-05-01T10:00:00+00:00".to_string(),
                "2024-05-01T12:00:00+00:00".to_string()
            )]
        );
        let web = &c.lanes[0];
        assert_eq!(web.component, "web");
        assert_eq!(
            web.windows
                .iter()
                .map(|w| (w.level, w.start, w.end, w.open))
                .collect::<Vec<_>>(),
            [
                (Level::DegradedPerformance, i.started, now, true),
                (
                    Level::MajorOutage,
                    t("2024-05-01T10:30:00Z"),
                    t("2024-05-01T11:30:00Z"),
                    false
                ),
            ]
        );
        // api has no [[impact]]: the severity's level, open.
        assert_eq!(c.lanes[1].windows.len(), 1);
        assert!(c.lanes[1].windows[0].open);
        assert_eq!(c.detected, None);
    }

    #[test]
    fn an_impact_ending_after_the_resolution_stretches_the_span() {
        let mut i = incident("c", "2024-05-01T10:00:00Z", &[]);
        i.components = vec!["api".into()];
        i.resolved = Some(t("2024-05-01T10:10:00Z"));
        i.impacts = vec![Impact {
            component: "api".into(),
            level: Level::DegradedPerformance,
            start: t("2024-05-01T10:00:00Z"),
            end: Some(t("2024-05-01T10:40:00Z")),
        }];
        let c = course(&config(), &i, t("2024-06-01T00:00:00Z")).unwrap();
        assert_eq!(c.end, t("2024-05-01T10:40:00Z"));
        // No timeline at all: the whole incident is before the first update; the phases end
        // at the resolution, not with the impact.
        assert_eq!(
            spans(&c),
            [(
                "before_first_update",
                "2024-05-01T10:00:00+00:00".to_string(),
                "2024-05-01T10:10:00+00:00".to_string()
            )]
        );
    }
}
