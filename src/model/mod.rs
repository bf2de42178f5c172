//! The validated site: incidents with every time resolved to a UTC instant and every derived
//! value (start, resolution, status, per-component level) computed once.

pub mod archive;
pub mod phases;
pub mod related;
pub mod runs;
pub mod stats;
pub mod status;
pub mod uptime;

use chrono::{DateTime, NaiveDate, Utc};
use std::path::PathBuf;

pub use crate::util::timefmt::Precision;

/// How exactly an incident's own times are known (each [`Precision::Exact`] by default).
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize,
)]
pub struct Precisions {
    pub started: Precision,
    pub detected: Precision,
    pub resolved: Precision,
}

macro_rules! id_enum {
    ($(#[$m:meta])* $name:ident { $($variant:ident = $id:literal / $label:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
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
#[derive(Debug, Clone, Copy, serde::Serialize, serde::Deserialize)]
pub struct Window {
    pub scheduled_start: DateTime<Utc>,
    pub scheduled_end: DateTime<Utc>,
    /// The first `in_progress` entry, else the scheduled start.
    pub start: DateTime<Utc>,
    /// The first `completed` entry, else the scheduled end.
    pub end: DateTime<Utc>,
}

impl Window {
    /// The window of a maintenance scheduled from `scheduled_start` to `scheduled_end`: it
    /// starts at the first `in_progress` entry of `timeline`, else as scheduled, and ends at the
    /// first `completed` entry, else as scheduled (never before it starts).
    pub fn from_timeline(
        scheduled_start: DateTime<Utc>,
        scheduled_end: DateTime<Utc>,
        timeline: &[Entry],
    ) -> Window {
        let first = |status| timeline.iter().find(|x| x.status == status).map(|x| x.at);
        let start = first(Status::InProgress).unwrap_or(scheduled_start);
        let end = first(Status::Completed).unwrap_or(scheduled_end);
        Window {
            scheduled_start,
            scheduled_end,
            start,
            end: end.max(start),
        }
    }

    /// The actual window's length in seconds.
    pub fn duration_seconds(&self) -> i64 {
        (self.end - self.start).num_seconds()
    }
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

#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Entry {
    pub at: DateTime<Utc>,
    /// How exactly `at` is known (a day-only entry is at the start of its day, or at the
    /// entry before it when that is later the same day).
    pub precision: Precision,
    pub status: Status,
    /// Markdown.
    pub message: String,
}

#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Impact {
    pub component: String,
    pub level: Level,
    pub start: DateTime<Utc>,
    /// None: until the incident ends (or ongoing).
    pub end: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct ActionItem {
    pub title: String,
    /// Empty when nobody owns it (a lint says so).
    pub owner: String,
    pub status: ActionStatus,
    pub due: Option<NaiveDate>,
    /// The date it was done or dropped (only on a closed item).
    pub closed: Option<NaiveDate>,
    pub link: Option<String>,
}

id_enum!(
    /// Where a postmortem is in its review.
    ReviewState {
        Draft = "draft" / "Draft",
        InReview = "in_review" / "In review",
        Published = "published" / "Published",
    }
);

/// The postmortem's review: its state, who reviewed it and when the state last changed.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Review {
    pub state: ReviewState,
    pub reviewers: Vec<String>,
    /// When it went into review, or was published.
    pub date: Option<NaiveDate>,
}

impl Default for Review {
    /// A file without `[review]` is published.
    fn default() -> Self {
        Review {
            state: ReviewState::Published,
            reviewers: Vec::new(),
            date: None,
        }
    }
}

/// A contributing factor: an id of the site's `[[factors]]` and what it was here.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Factor {
    pub id: String,
    /// Markdown; may be empty.
    pub note: String,
}

/// Lessons learned, each a Markdown string.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct Lessons {
    pub went_well: Vec<String>,
    pub went_wrong: Vec<String>,
    pub lucky: Vec<String>,
}

impl Lessons {
    pub fn is_empty(&self) -> bool {
        self.went_well.is_empty() && self.went_wrong.is_empty() && self.lucky.is_empty()
    }
}

/// What customers felt, in numbers, as the team wrote them (nothing is estimated).
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct CustomerImpact {
    /// People affected.
    pub users: Option<u64>,
    /// Customer accounts or organisations affected.
    pub customers: Option<u64>,
    /// Requests that failed or were degraded.
    pub requests: Option<u64>,
    /// Peak error rate, in percent.
    pub error_rate: Option<f64>,
    /// Anything the numbers do not say (Markdown, may be empty).
    pub note: String,
}

impl CustomerImpact {
    pub fn is_empty(&self) -> bool {
        self.users.is_none()
            && self.customers.is_none()
            && self.requests.is_none()
            && self.error_rate.is_none()
            && self.note.is_empty()
    }
}

impl ActionItem {
    /// Still to do: open or in progress.
    pub fn is_open(&self) -> bool {
        matches!(self.status, ActionStatus::Open | ActionStatus::InProgress)
    }

    /// Open and due before `today` (a local date).
    pub fn overdue_on(&self, today: NaiveDate) -> bool {
        self.is_open() && self.due.is_some_and(|d| d < today)
    }
}

#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
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
    /// Not published: `draft = true`, or a review state other than published. Built only with
    /// `--drafts` and in `serve`.
    pub draft: bool,
    pub review: Review,
    /// One sentence: what set it off (Markdown).
    pub trigger: Option<String>,
    /// A `[[detection_methods]]` id of the site.
    pub detection: Option<String>,
    pub factors: Vec<Factor>,
    pub lessons: Lessons,
    /// Slugs of other incidents this file names (see `model::archive` for both directions).
    pub related: Vec<String>,
    pub customer_impact: CustomerImpact,
    /// The zone the file says it was written in (`timezone`), if it says one: its offset-less
    /// times were read there, and pages show its times as posted there too.
    pub posted_tz: Option<chrono_tz::Tz>,
    pub started: DateTime<Utc>,
    pub detected: Option<DateTime<Utc>>,
    pub resolved: Option<DateTime<Utc>>,
    /// How exactly `started`, `detected` and `resolved` are known: durations between them
    /// count only when both ends are exact.
    pub precision: Precisions,
    pub timeline: Vec<Entry>,
    pub impacts: Vec<Impact>,
    pub action_items: Vec<ActionItem>,
    /// The postmortem, Markdown (shared: cloning an incident does not copy it). Not stored
    /// by `build`'s cache, which takes it from the file it reads anyway.
    #[serde(skip, default = "no_body")]
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

fn no_body() -> std::sync::Arc<str> {
    std::sync::Arc::from("")
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

    /// Seconds from the start to the resolution, when both are exact times.
    pub fn duration_seconds(&self) -> Option<i64> {
        let exact = self.precision.started.is_exact() && self.precision.resolved.is_exact();
        self.resolved
            .filter(|_| exact)
            .map(|r| (r - self.started).num_seconds())
    }

    /// The status at `now`, whatever the kind: a maintenance's follows the clock
    /// ([`Self::maintenance_status`]); an incident's is its timeline's ([`Self::status`]).
    pub fn status_at(&self, now: DateTime<Utc>) -> Status {
        if self.is_maintenance() {
            self.maintenance_status(now)
        } else {
            self.status
        }
    }

    /// The newest timeline entry: the latest update a lean feed entry shows. The timeline is in
    /// order (an entry earlier than the one before it is an error), so it is the last one.
    pub fn latest_update(&self) -> Option<&Entry> {
        self.timeline.last()
    }

    /// Still open at `now`: an incident not resolved, a maintenance not completed.
    pub fn open_at(&self, now: DateTime<Utc>) -> bool {
        if self.is_maintenance() {
            self.maintenance_status(now) != Status::Completed
        } else {
            self.ongoing()
        }
    }

    /// An incident that has started by `now` and is not resolved (Statuspage's "unresolved").
    pub fn unresolved_at(&self, now: DateTime<Utc>) -> bool {
        self.ongoing() && self.started <= now
    }

    /// Whether the item can put a component in a state other than operational at `now`: a
    /// maintenance whose window holds `now`; an incident not resolved by `now`, or with an
    /// `[[impact]]` window still open at `now`.
    pub fn may_affect_at(&self, now: DateTime<Utc>) -> bool {
        if self.is_maintenance() {
            self.active_at(now)
        } else {
            self.resolved.is_none_or(|r| r > now)
                || self.impacts.iter().any(|x| x.end.is_some_and(|e| e > now))
        }
    }

    /// How long an ongoing incident has been going on at `now`, in seconds (never negative);
    /// None once resolved, or when its start is not an exact time.
    pub fn ongoing_for(&self, now: DateTime<Utc>) -> Option<i64> {
        (self.ongoing() && self.precision.started.is_exact())
            .then(|| (now - self.started).num_seconds().max(0))
    }

    /// Seconds from the start to detection, if it was detected and both are exact times.
    pub fn time_to_detect(&self) -> Option<i64> {
        let exact = self.precision.started.is_exact() && self.precision.detected.is_exact();
        self.detected
            .filter(|_| exact)
            .map(|d| (d - self.started).num_seconds())
    }

    /// Seconds from the start to a timeline entry (negative for an entry before the start),
    /// when both are exact times.
    pub fn offset_of(&self, e: &Entry) -> Option<i64> {
        (self.precision.started.is_exact() && e.precision.is_exact())
            .then(|| (e.at - self.started).num_seconds())
    }

    /// Seconds from the start's instant to a timeline entry's, however exactly either is known
    /// (the JSON document's `offset_seconds`, beside each time's precision).
    pub fn instant_offset_of(&self, e: &Entry) -> i64 {
        (e.at - self.started).num_seconds()
    }

    /// Whether every time of the incident (start, detection, resolution, entries) is exact.
    pub fn all_exact(&self) -> bool {
        self.precision == Precisions::default()
            && self.timeline.iter().all(|e| e.precision.is_exact())
    }

    /// When an `[[impact]]` window ends: its own end, else the incident's resolution (None
    /// while ongoing).
    pub fn impact_end(&self, x: &Impact) -> Option<DateTime<Utc>> {
        x.end.or(self.resolved)
    }

    /// The status each timeline entry reports: an `update` keeps the status before it, as
    /// Statuspage's updates do.
    pub fn effective_statuses(&self) -> Vec<Status> {
        let mut current = if self.is_maintenance() {
            Status::Scheduled
        } else {
            Status::Investigating
        };
        self.timeline
            .iter()
            .map(|e| {
                if e.status != Status::Update {
                    current = e.status;
                }
                current
            })
            .collect()
    }

    /// When it was first written about: its first timeline entry, else its start.
    pub fn created_at(&self) -> DateTime<Utc> {
        self.timeline.first().map_or(self.started, |e| e.at)
    }

    /// When an incident or maintenance last changed as of `now`: its latest timeline entry,
    /// resolution or start; for a maintenance, the window's start and end once the clock has
    /// passed them (its status follows the clock), else its first entry.
    pub fn updated_at(&self, now: DateTime<Utc>) -> DateTime<Utc> {
        let latest = self
            .timeline
            .iter()
            .map(|e| e.at)
            .chain(self.resolved)
            .max();
        match self.window {
            Some(w) => [w.start, w.end]
                .into_iter()
                .filter(|t| *t <= now)
                .chain(latest)
                .max()
                .unwrap_or(w.scheduled_start),
            None => latest.map_or(self.started, |t| t.max(self.started)),
        }
    }

    /// (published, updated) as of `now`: an incident is published when it starts, a
    /// maintenance when it is announced (its first entry, else its scheduled start; not when
    /// it starts); updated is its latest change ([`Self::updated_at`]), never before published.
    pub fn published_updated(&self, now: DateTime<Utc>) -> (DateTime<Utc>, DateTime<Utc>) {
        let published = match self.window {
            Some(w) => self.timeline.first().map_or(w.scheduled_start, |e| e.at),
            None => self.started,
        };
        (published, self.updated_at(now).max(published))
    }

    /// When it was resolved as of `now`: an incident's resolution; a maintenance's window end
    /// once it is completed at `now`.
    pub fn resolved_at(&self, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
        if self.is_maintenance() {
            let done = (self.maintenance_status(now) == Status::Completed)
                .then(|| self.window.map(|w| w.end));
            done.flatten()
        } else {
            self.resolved
        }
    }

    /// The first timeline entry with `status`, if any.
    pub fn first_at(&self, status: Status) -> Option<DateTime<Utc>> {
        self.timeline
            .iter()
            .find(|e| e.status == status)
            .map(|e| e.at)
    }

    /// When monitoring began: the first `monitoring` entry (`verifying` for a maintenance).
    pub fn monitoring_at(&self) -> Option<DateTime<Utc>> {
        self.first_at(if self.is_maintenance() {
            Status::Verifying
        } else {
            Status::Monitoring
        })
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

/// When the latest of `items` changed as of `now` ([`Incident::updated_at`]), ignoring changes
/// after `now`; `now` when there is none.
pub fn last_update<'a>(
    items: impl IntoIterator<Item = &'a Incident>,
    now: DateTime<Utc>,
) -> DateTime<Utc> {
    items
        .into_iter()
        .map(|i| i.updated_at(now))
        .filter(|t| *t <= now)
        .max()
        .unwrap_or(now)
}

/// The status a file's timeline and resolution give: a maintenance's latest status that is not
/// an `update` (scheduled when there is none); an incident's ([`current_status`]), resolved
/// when it has a resolution but its timeline says otherwise.
pub fn derived_status(
    maintenance: bool,
    timeline: &[Entry],
    resolved: Option<DateTime<Utc>>,
) -> Status {
    if maintenance {
        timeline
            .iter()
            .rev()
            .map(|e| e.status)
            .find(|s| *s != Status::Update)
            .unwrap_or(Status::Scheduled)
    } else {
        match current_status(timeline, resolved.is_some()) {
            s if resolved.is_some() && !matches!(s, Status::Resolved | Status::Postmortem) => {
                Status::Resolved
            }
            s => s,
        }
    }
}

/// The item as it stood at `now` (`--now` in the past builds the site as it was then): None
/// when it did not exist yet (an incident that had not started and had no entry by `now`, a
/// maintenance whose first entry, its announcement, is after `now`); else without what was
/// written after `now` — later timeline entries, a later resolution or detection, `[[impact]]`
/// windows that had not begun (and an impact end after `now` is still open) — and with its
/// status, and a maintenance's actual window and start, derived again from what is left.
/// An item with nothing after `now` is returned as is (the same `Arc`).
///
/// A cut item's fingerprints change with the cut (so kept pages are not reused across
/// different cuts); what the file states besides times (postmortem, action items) is kept.
pub fn as_of(
    item: &std::sync::Arc<Incident>,
    now: DateTime<Utc>,
) -> Option<std::sync::Arc<Incident>> {
    let i = &**item;
    let after = |t: &DateTime<Utc>| *t > now;
    let first_written = i.timeline.first().map(|e| e.at);
    let exists = match i.window {
        // Announced with its first entry; without a timeline it is known from its schedule.
        Some(_) => first_written.is_none_or(|t| t <= now),
        None => i.started.min(first_written.unwrap_or(i.started)) <= now,
    };
    if !exists {
        return None;
    }
    let later = i.timeline.iter().any(|e| after(&e.at))
        || i.resolved.as_ref().is_some_and(after)
        || i.detected.as_ref().is_some_and(after)
        || i.impacts
            .iter()
            .any(|x| after(&x.start) || x.end.as_ref().is_some_and(after));
    if !later {
        return Some(std::sync::Arc::clone(item));
    }
    let mut cut = i.clone();
    cut.timeline.retain(|e| e.at <= now);
    cut.resolved = i.resolved.filter(|t| *t <= now);
    cut.detected = i.detected.filter(|t| *t <= now);
    cut.impacts.retain(|x| x.start <= now);
    for x in &mut cut.impacts {
        x.end = x.end.filter(|t| *t <= now);
    }
    if let Some(w) = i.window {
        let w = Window::from_timeline(w.scheduled_start, w.scheduled_end, &cut.timeline);
        cut.window = Some(w);
        cut.started = w.start;
    }
    cut.status = derived_status(cut.is_maintenance(), &cut.timeline, cut.resolved);
    // What the cut kept, mixed into both fingerprints: the same cut, the same keys.
    let shape = format!(
        "{}:{}:{:?}:{:?}:{:?}:{:?}",
        cut.timeline.len(),
        cut.impacts.len(),
        cut.resolved,
        cut.detected,
        cut.impacts.iter().map(|x| x.end).collect::<Vec<_>>(),
        cut.window.map(|w| (w.start, w.end)),
    );
    let mix = |f: u64| xxhash_rust::xxh3::xxh3_64_with_seed(shape.as_bytes(), f);
    cut.fingerprint = mix(i.fingerprint);
    cut.front_fingerprint = mix(i.front_fingerprint);
    Some(std::sync::Arc::new(cut))
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

/// Incidents for unit tests, with every field but the ones given empty.
#[cfg(test)]
pub(crate) mod tests_support {
    use super::*;

    /// A resolved-nowhere incident `slug` that started at `started` (RFC 3339), naming `related`.
    pub fn incident(slug: &str, started: &str, related: &[&str]) -> Incident {
        let started = DateTime::parse_from_rfc3339(started)
            .expect("test time")
            .with_timezone(&Utc);
        Incident {
            path: PathBuf::from(format!("content/{slug}.md")),
            kind: Kind::Incident,
            window: None,
            bundle: None,
            assets: Vec::new(),
            slug: slug.into(),
            title: slug.into(),
            summary: String::new(),
            severity: "minor".into(),
            components: Vec::new(),
            detected_by: None,
            tags: Vec::new(),
            authors: Vec::new(),
            aliases: Vec::new(),
            draft: false,
            review: Review::default(),
            trigger: None,
            detection: None,
            factors: Vec::new(),
            lessons: Lessons::default(),
            related: related.iter().map(|s| s.to_string()).collect(),
            customer_impact: CustomerImpact::default(),
            posted_tz: None,
            started,
            detected: None,
            resolved: None,
            precision: Precisions::default(),
            timeline: Vec::new(),
            impacts: Vec::new(),
            action_items: Vec::new(),
            body: std::sync::Arc::from(""),
            status: Status::Investigating,
            fingerprint: 0,
            front_fingerprint: 0,
        }
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

    fn item(
        kind: Kind,
        window: Option<Window>,
        started: DateTime<Utc>,
        status: Status,
        timeline: Vec<Entry>,
    ) -> Incident {
        // Built on the shared blank incident; only what these tests vary is set.
        let mut i = tests_support::incident("m", "2000-01-01T00:00:00Z", &[]);
        i.path = PathBuf::new();
        i.kind = kind;
        i.window = window;
        i.title = "m".into();
        i.severity = String::new();
        i.started = started;
        i.status = status;
        i.timeline = timeline;
        i
    }

    #[test]
    fn derived_times_and_statuses() {
        let at = |h: u32| chrono::TimeZone::with_ymd_and_hms(&Utc, 2024, 11, 10, h, 0, 0).unwrap();
        let entry = |h, status| Entry {
            at: at(h),
            precision: Precision::Exact,
            status,
            message: String::new(),
        };
        let mut i = item(
            Kind::Incident,
            None,
            at(10),
            Status::Monitoring,
            vec![
                entry(11, Status::Investigating),
                entry(12, Status::Update),
                entry(13, Status::Monitoring),
            ],
        );
        i.detected = Some(at(11));
        assert_eq!(i.status_at(at(20)), Status::Monitoring);
        assert!(i.open_at(at(20)) && i.unresolved_at(at(20)) && !i.unresolved_at(at(9)));
        assert_eq!(i.ongoing_for(at(12)), Some(7200));
        assert_eq!(i.ongoing_for(at(9)), Some(0));
        assert_eq!(i.time_to_detect(), Some(3600));
        assert_eq!(i.offset_of(&i.timeline[2]), Some(3 * 3600));
        assert_eq!(
            i.effective_statuses(),
            [
                Status::Investigating,
                Status::Investigating,
                Status::Monitoring
            ]
        );
        assert_eq!(i.monitoring_at(), Some(at(13)));
        assert_eq!(i.updated_at(at(20)), at(13));
        assert_eq!(i.published_updated(at(20)), (at(10), at(13)));
        i.resolved = Some(at(14));
        assert_eq!(i.ongoing_for(at(20)), None);
        assert_eq!(i.resolved_at(at(20)), Some(at(14)));
        assert_eq!(last_update([&i], at(20)), at(14));
        assert_eq!(last_update([&i], at(13)), at(13));

        // A maintenance announced at 8, in its window 10 to 12, nothing written since.
        let window = Window {
            scheduled_start: at(10),
            scheduled_end: at(12),
            start: at(10),
            end: at(12),
        };
        let m = item(
            Kind::Maintenance,
            Some(window),
            at(10),
            Status::Scheduled,
            vec![entry(8, Status::Scheduled)],
        );
        assert_eq!(m.status_at(at(11)), Status::InProgress);
        assert!(m.open_at(at(11)) && !m.open_at(at(12)));
        assert_eq!(m.resolved_at(at(11)), None);
        assert_eq!(m.resolved_at(at(12)), Some(at(12)));
        assert_eq!(m.updated_at(at(9)), at(8));
        assert_eq!(m.updated_at(at(11)), at(10));
        assert_eq!(m.published_updated(at(13)), (at(8), at(12)));
        assert_eq!(window.duration_seconds(), 7200);
    }

    #[test]
    fn as_of_leaves_out_what_was_written_later() {
        use std::sync::Arc;
        let at = |h: u32| chrono::TimeZone::with_ymd_and_hms(&Utc, 2024, 11, 10, h, 0, 0).unwrap();
        let entry = |h, status| Entry {
            at: at(h),
            precision: Precision::Exact,
            status,
            message: String::new(),
        };
        // Started 10, investigating 11, identified 12, resolved 14; an impact 10 to 13.
        let mut i = item(
            Kind::Incident,
            None,
            at(10),
            Status::Resolved,
            vec![
                entry(11, Status::Investigating),
                entry(12, Status::Identified),
                entry(14, Status::Resolved),
            ],
        );
        i.resolved = Some(at(14));
        i.detected = Some(at(11));
        i.impacts = vec![Impact {
            component: "api".into(),
            level: Level::MajorOutage,
            start: at(10),
            end: Some(at(13)),
        }];
        let i = Arc::new(i);
        assert!(as_of(&i, at(9)).is_none(), "not started");
        let Some(same) = as_of(&i, at(15)) else {
            panic!("kept")
        };
        assert!(Arc::ptr_eq(&same, &i), "nothing later: the same item");
        let Some(cut) = as_of(&i, at(12)) else {
            panic!("kept")
        };
        assert_eq!(cut.timeline.len(), 2);
        assert_eq!(cut.status, Status::Identified);
        assert!(cut.ongoing() && cut.detected == Some(at(11)));
        assert_eq!(cut.impacts[0].end, None, "still open at 12");
        assert_ne!(cut.fingerprint, i.fingerprint);
        let Some(cut10) = as_of(&i, at(10)) else {
            panic!("started at 10")
        };
        assert!(cut10.timeline.is_empty() && cut10.detected.is_none());
        assert_eq!(cut10.status, Status::Investigating);

        // A maintenance announced at 8 for 10 to 12, started at 10:00 and completed at 11.
        let window = Window::from_timeline(
            at(10),
            at(12),
            &[entry(10, Status::InProgress), entry(11, Status::Completed)],
        );
        assert_eq!((window.start, window.end), (at(10), at(11)));
        let m = Arc::new(item(
            Kind::Maintenance,
            Some(window),
            at(10),
            Status::Completed,
            vec![
                entry(8, Status::Scheduled),
                entry(10, Status::InProgress),
                entry(11, Status::Completed),
            ],
        ));
        assert!(as_of(&m, at(7)).is_none(), "not announced yet");
        let Some(cut) = as_of(&m, at(10)) else {
            panic!("announced")
        };
        assert_eq!(cut.status, Status::InProgress);
        assert_eq!(cut.window.map(|w| w.end), Some(at(12)), "the scheduled end");
        assert_eq!(cut.status_at(at(10)), Status::InProgress);
    }

    #[test]
    fn overdue_action_items_are_open_and_past_due() {
        let d = |day| NaiveDate::from_ymd_opt(2024, 11, day).unwrap();
        let a = |status, due| ActionItem {
            title: String::new(),
            owner: String::new(),
            status,
            due,
            closed: None,
            link: None,
        };
        assert!(a(ActionStatus::Open, Some(d(1))).overdue_on(d(2)));
        assert!(a(ActionStatus::InProgress, Some(d(1))).overdue_on(d(2)));
        assert!(!a(ActionStatus::Open, Some(d(2))).overdue_on(d(2)));
        assert!(!a(ActionStatus::Done, Some(d(1))).overdue_on(d(2)));
        assert!(!a(ActionStatus::Open, None).overdue_on(d(2)));
    }

    #[test]
    fn maintenance_status_follows_the_clock_where_the_timeline_stops() {
        let at = |h: u32| chrono::TimeZone::with_ymd_and_hms(&Utc, 2024, 11, 10, h, 0, 0).unwrap();
        let entry = |h, status| Entry {
            at: at(h),
            precision: Precision::Exact,
            status,
            message: String::new(),
        };
        let window = Window {
            scheduled_start: at(10),
            scheduled_end: at(12),
            start: at(10),
            end: at(12),
        };
        let m = |status, timeline| item(Kind::Maintenance, Some(window), at(10), status, timeline);
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
            precision: Precision::Exact,
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
