//! The validated site: incidents with every time resolved to a UTC instant and every derived
//! value (start, resolution, status, per-component level) computed once.

use chrono::{DateTime, NaiveDate, Utc};
use std::path::PathBuf;

macro_rules! id_enum {
    ($(#[$m:meta])* $name:ident { $($variant:ident = $id:literal / $label:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name { $($variant),+ }
        impl $name {
            pub const IDS: &'static [&'static str] = &[$($id),+];
            pub fn parse(s: &str) -> Option<Self> {
                match s { $($id => Some(Self::$variant),)+ _ => None }
            }
            pub fn id(self) -> &'static str {
                match self { $(Self::$variant => $id),+ }
            }
            pub fn label(self) -> &'static str {
                match self { $(Self::$variant => $label),+ }
            }
        }
    };
}

id_enum!(
    /// How badly a component is affected; ordered from least to worst.
    Level {
        DegradedPerformance = "degraded_performance" / "Degraded performance",
        PartialOutage = "partial_outage" / "Partial outage",
        MajorOutage = "major_outage" / "Major outage",
    }
);

/// Weights in thousandths (1000 = the whole duration counts as downtime).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Weights {
    pub degraded_performance: i64,
    pub partial_outage: i64,
    pub major_outage: i64,
}

impl Default for Weights {
    /// Statuspage's rule: major 1.0, partial 0.3, degraded 0.0.
    fn default() -> Self {
        Weights {
            degraded_performance: 0,
            partial_outage: 300,
            major_outage: 1000,
        }
    }
}

impl Weights {
    pub fn of(&self, level: Level) -> i64 {
        match level {
            Level::DegradedPerformance => self.degraded_performance,
            Level::PartialOutage => self.partial_outage,
            Level::MajorOutage => self.major_outage,
        }
    }
}

id_enum!(
    /// A timeline entry's status.
    Status {
        Investigating = "investigating" / "Investigating",
        Identified = "identified" / "Identified",
        Monitoring = "monitoring" / "Monitoring",
        Update = "update" / "Update",
        Resolved = "resolved" / "Resolved",
        Postmortem = "postmortem" / "Postmortem",
        Scheduled = "scheduled" / "Scheduled",
        InProgress = "in_progress" / "In progress",
        Verifying = "verifying" / "Verifying",
        Completed = "completed" / "Completed",
    }
);

/// Timeline statuses allowed in an incident, and in a maintenance.
pub const INCIDENT_STATUSES: &[&str] = &[
    "investigating",
    "identified",
    "monitoring",
    "update",
    "resolved",
    "postmortem",
];
pub const MAINTENANCE_STATUSES: &[&str] = &[
    "scheduled",
    "in_progress",
    "verifying",
    "completed",
    "update",
];

id_enum!(
    /// What a content file describes.
    Kind {
        Incident = "incident" / "Incident",
        Maintenance = "maintenance" / "Maintenance",
    }
);

/// A maintenance's schedule and its actual window.
#[derive(Debug, Clone, Copy)]
pub struct Window {
    pub scheduled_start: DateTime<Utc>,
    pub scheduled_end: DateTime<Utc>,
    /// The first `in_progress` entry, else the scheduled start.
    pub start: DateTime<Utc>,
    /// The first `completed` entry, else the scheduled end.
    pub end: DateTime<Utc>,
}

id_enum!(
    /// An action item's state.
    ActionStatus {
        Open = "open" / "Open",
        InProgress = "in_progress" / "In progress",
        Done = "done" / "Done",
        WontDo = "wont_do" / "Won't do",
    }
);

#[derive(Debug, Clone)]
pub struct Entry {
    pub at: DateTime<Utc>,
    pub status: Status,
    /// Markdown.
    pub message: String,
}

#[derive(Debug, Clone)]
pub struct Impact {
    pub component: String,
    pub level: Level,
    pub start: DateTime<Utc>,
    /// None: until the incident ends (or ongoing).
    pub end: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone)]
pub struct ActionItem {
    pub title: String,
    pub owner: String,
    pub status: ActionStatus,
    pub due: Option<NaiveDate>,
    pub link: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Incident {
    /// The source file, as shown in messages.
    pub path: PathBuf,
    pub kind: Kind,
    /// Maintenance only: the schedule and actual window.
    pub window: Option<Window>,
    /// Bundle folder and its assets (relative paths), copied beside the page.
    pub bundle: Option<PathBuf>,
    pub assets: Vec<PathBuf>,
    pub slug: String,
    pub title: String,
    pub summary: String,
    /// A severity id of the site (empty for maintenance).
    pub severity: String,
    /// Component ids, in the order written.
    pub components: Vec<String>,
    pub detected_by: Option<String>,
    pub tags: Vec<String>,
    pub authors: Vec<String>,
    /// Other addresses the incident was published at (a Statuspage shortlink, say).
    pub aliases: Vec<String>,
    pub draft: bool,
    pub started: DateTime<Utc>,
    pub detected: Option<DateTime<Utc>>,
    pub resolved: Option<DateTime<Utc>>,
    pub timeline: Vec<Entry>,
    pub impacts: Vec<Impact>,
    pub action_items: Vec<ActionItem>,
    /// The postmortem, Markdown (shared: cloning an incident does not copy it).
    pub body: std::sync::Arc<str>,
    /// Current status: the latest entry's, where `update` keeps the one before.
    pub status: Status,
    /// A hash of the source (path, text, bundle files): equal fingerprints, equal incidents
    /// under the same site.toml. Incremental rebuilds key their caches on it.
    pub fingerprint: u64,
    /// The same for everything but the postmortem body: what lists, component status, history
    /// and statistics are made from. Editing the body changes only `fingerprint`.
    pub front_fingerprint: u64,
}

impl Incident {
    pub fn ongoing(&self) -> bool {
        self.resolved.is_none()
    }

    pub fn is_maintenance(&self) -> bool {
        self.kind == Kind::Maintenance
    }

    /// Maintenance: its window holds `now`.
    pub fn active_at(&self, now: DateTime<Utc>) -> bool {
        self.window.is_some_and(|w| w.start <= now && now < w.end)
    }

    /// Maintenance: it has not started at `now`.
    pub fn upcoming_at(&self, now: DateTime<Utc>) -> bool {
        self.window.is_some_and(|w| now < w.start)
    }

    /// Maintenance status at `now`: the latest timeline status, except that the clock moves a
    /// maintenance on where its timeline has not: in progress once its window opens, and
    /// completed once the window has closed (the components are back to operational then too).
    pub fn maintenance_status(&self, now: DateTime<Utc>) -> Status {
        let Some(w) = self.window else {
            return self.status;
        };
        // `self.status` is never `update`: validation skips update entries.
        match self.status {
            Status::Scheduled | Status::InProgress | Status::Verifying if now >= w.end => {
                Status::Completed
            }
            Status::Scheduled if now >= w.start => Status::InProgress,
            s => s,
        }
    }

    pub fn duration_seconds(&self) -> Option<i64> {
        self.resolved.map(|r| (r - self.started).num_seconds())
    }

    /// The worst level this incident put `component` at: its `[[impact]]` entries if any,
    /// else the severity's level.
    pub fn component_level(&self, component: &str, severity_level: Level) -> Level {
        self.impacts
            .iter()
            .filter(|i| i.component == component)
            .map(|i| i.level)
            .max()
            .unwrap_or(severity_level)
    }
}

/// Current status from a timeline: the latest entry that is not an `update`.
pub fn current_status(timeline: &[Entry], resolved: bool) -> Status {
    let latest = timeline
        .iter()
        .rev()
        .map(|e| e.status)
        .find(|s| *s != Status::Update);
    match latest {
        Some(s) => s,
        None if resolved => Status::Resolved,
        None => Status::Investigating,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_order_worst_last() {
        assert!(Level::MajorOutage > Level::PartialOutage);
        assert!(Level::PartialOutage > Level::DegradedPerformance);
        assert_eq!(Level::parse("partial_outage"), Some(Level::PartialOutage));
        assert_eq!(Status::Update.label(), "Update");
    }

    #[test]
    fn maintenance_status_follows_the_clock_where_the_timeline_stops() {
        let at = |h: u32| chrono::TimeZone::with_ymd_and_hms(&Utc, 2024, 11, 10, h, 0, 0).unwrap();
        let entry = |h, status| Entry {
            at: at(h),
            status,
            message: String::new(),
        };
        let window = Window {
            scheduled_start: at(10),
            scheduled_end: at(12),
            start: at(10),
            end: at(12),
        };
        let m = |status, timeline| Incident {
            path: PathBuf::new(),
            kind: Kind::Maintenance,
            window: Some(window),
            bundle: None,
            assets: Vec::new(),
            slug: "m".into(),
            title: "m".into(),
            summary: String::new(),
            severity: String::new(),
            components: Vec::new(),
            detected_by: None,
            tags: Vec::new(),
            authors: Vec::new(),
            aliases: Vec::new(),
            draft: false,
            started: at(10),
            detected: None,
            resolved: None,
            timeline,
            impacts: Vec::new(),
            action_items: Vec::new(),
            body: std::sync::Arc::from(""),
            status,
            fingerprint: 0,
            front_fingerprint: 0,
        };
        let scheduled = m(Status::Scheduled, vec![entry(8, Status::Scheduled)]);
        assert_eq!(scheduled.maintenance_status(at(9)), Status::Scheduled);
        assert_eq!(scheduled.maintenance_status(at(11)), Status::InProgress);
        assert_eq!(scheduled.maintenance_status(at(12)), Status::Completed);
        // Nobody wrote `completed`: the window's end closes it, as it frees the components.
        let started = m(Status::InProgress, vec![entry(10, Status::InProgress)]);
        assert_eq!(started.maintenance_status(at(11)), Status::InProgress);
        assert_eq!(started.maintenance_status(at(13)), Status::Completed);
        let verifying = m(Status::Verifying, vec![entry(11, Status::Verifying)]);
        assert_eq!(verifying.maintenance_status(at(11)), Status::Verifying);
        assert_eq!(verifying.maintenance_status(at(12)), Status::Completed);
    }

    #[test]
    fn update_keeps_previous_status() {
        let t = |s| Entry {
            at: Utc::now(),
            status: s,
            message: String::new(),
        };
        let tl = vec![
            t(Status::Investigating),
            t(Status::Monitoring),
            t(Status::Update),
        ];
        assert_eq!(current_status(&tl, false), Status::Monitoring);
        assert_eq!(current_status(&[], true), Status::Resolved);
    }
}
