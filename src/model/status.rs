//! Component status: level intervals per component, the state at an instant, the current
//! state, day bars, uptime windows, each component's activity for the API and the page's overall
//! indicator. Pure functions over the validated model; rendering is elsewhere.

use crate::input::config::{Component, Config};
use crate::model::stats::ResolveStats;
use crate::model::uptime::{self, Interval};
use crate::model::{Incident, Level};
use chrono::{DateTime, Duration, LocalResult, NaiveDate, TimeZone, Utc};
use chrono_tz::Tz;
use rustc_hash::FxHashMap as HashMap;

/// A component's state: operational, under maintenance, or a level; ordered from best to worst.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum State {
    Operational,
    UnderMaintenance,
    Down(Level),
}

impl State {
    pub fn id(self) -> &'static str {
        match self {
            State::Operational => "operational",
            State::UnderMaintenance => "under_maintenance",
            State::Down(l) => l.id(),
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            State::Operational => "Operational",
            State::UnderMaintenance => "Under maintenance",
            State::Down(l) => l.label(),
        }
    }

    /// The worst of `states`; operational when there are none.
    pub fn worst(states: impl IntoIterator<Item = State>) -> State {
        states.into_iter().max().unwrap_or(State::Operational)
    }
}

/// The level intervals an incident puts `component` at, with open ends for ongoing ones.
/// Maintenance and incidents not naming the component give none.
pub fn raw_intervals(
    i: &Incident,
    component: &str,
    severity_level: Level,
) -> Vec<(DateTime<Utc>, Option<DateTime<Utc>>, Level)> {
    if i.is_maintenance() || !i.components.iter().any(|c| c == component) {
        return Vec::new();
    }
    let impacts: Vec<_> = i
        .impacts
        .iter()
        .filter(|x| x.component == component)
        .collect();
    if impacts.is_empty() {
        vec![(i.started, i.resolved, severity_level)]
    } else {
        impacts
            .iter()
            .map(|x| (x.start, i.impact_end(x), x.level))
            .collect()
    }
}

/// Closed intervals in UNIX seconds up to `now`: an ongoing incident counts up to now, and
/// nothing after now counts.
pub fn intervals(
    incidents: &[&Incident],
    component: &str,
    config: &Config,
    now: DateTime<Utc>,
) -> Vec<Interval> {
    let now_s = now.timestamp();
    let mut out = Vec::new();
    for i in incidents {
        let level = config.severity_level(&i.severity);
        for (start, end, level) in raw_intervals(i, component, level) {
            let start = start.timestamp();
            let end = end.map_or(now_s, |e| e.timestamp()).min(now_s);
            if end > start {
                out.push(Interval { start, end, level });
            }
        }
    }
    out
}

/// The state of `component` at `now`, and the incidents and maintenance causing it.
pub fn current<'a>(
    incidents: &[&'a Incident],
    maintenances: &[&'a Incident],
    component: &str,
    config: &Config,
    now: DateTime<Utc>,
) -> (State, Vec<&'a Incident>) {
    let mut state = State::Operational;
    let mut causes = Vec::new();
    for i in incidents {
        let level = config.severity_level(&i.severity);
        let worst = raw_intervals(i, component, level)
            .into_iter()
            .filter(|(s, e, _)| *s <= now && e.is_none_or(|e| now < e))
            .map(|(_, _, l)| l)
            .max();
        if let Some(l) = worst {
            state = state.max(State::Down(l));
            causes.push(*i);
        }
    }
    for m in maintenances {
        if m.components.iter().any(|c| c == component) && m.active_at(now) {
            state = state.max(State::UnderMaintenance);
            causes.push(*m);
        }
    }
    (state, causes)
}

/// The state `i` alone puts `component` in at `t`: under maintenance inside a maintenance's
/// window, else the worst level of the incident's intervals holding `t`.
pub fn state_at(c: &Config, i: &Incident, component: &str, t: DateTime<Utc>) -> State {
    if let Some(w) = i.window {
        return if w.start <= t && t < w.end {
            State::UnderMaintenance
        } else {
            State::Operational
        };
    }
    State::worst(
        raw_intervals(i, component, c.severity_level(&i.severity))
            .into_iter()
            .filter(|(s, e, _)| *s <= t && e.is_none_or(|e| t < e))
            .map(|(_, _, l)| State::Down(l)),
    )
}

/// Local midnight of `date` in `tz` as an instant (the first instant of the day when midnight
/// itself is skipped by a DST change).
pub fn day_start(date: NaiveDate, tz: Tz) -> DateTime<Utc> {
    let midnight = date.and_time(chrono::NaiveTime::MIN);
    for minutes in (0..=180).step_by(30) {
        match tz.from_local_datetime(&(midnight + Duration::minutes(minutes))) {
            LocalResult::Single(t) => return t.with_timezone(&Utc),
            LocalResult::Ambiguous(a, _) => return a.with_timezone(&Utc),
            LocalResult::None => {}
        }
    }
    Utc.from_utc_datetime(&midnight)
}

/// Where counting starts for a component: the start of its `since` date, if any.
pub fn counted_from(c: &Component, tz: Tz) -> Option<DateTime<Utc>> {
    c.since.map(|d| day_start(d, tz))
}

/// One day of a component's history.
#[derive(Debug, Clone)]
pub struct Day<'a> {
    pub date: NaiveDate,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    /// None: no data (before `since`).
    pub state: Option<State>,
    /// Seconds at each level: `[degraded, partial, major]`.
    pub seconds: [i64; 3],
    pub incidents: Vec<&'a Incident>,
}

/// The last `days` days up to and including today (in `tz`), oldest first; today ends at now.
pub fn days<'a>(
    merged: &[Interval],
    incidents: &[&'a Incident],
    component: &str,
    config: &Config,
    since: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
    days: u32,
) -> Vec<Day<'a>> {
    let tz = config.timezone;
    let today = now.with_timezone(&tz).date_naive();
    let first = today - Duration::days(i64::from(days) - 1);
    // Only incidents overlapping the whole range matter; their overall span per component.
    let range_start = day_start(first, tz);
    let spans: Vec<(&Incident, i64, i64)> = incidents
        .iter()
        .filter_map(|i| {
            let level = config.severity_level(&i.severity);
            let iv = raw_intervals(i, component, level);
            let s = iv.iter().map(|x| x.0).min()?;
            let e = iv.iter().map(|x| x.1.unwrap_or(now).min(now)).max()?;
            (e > range_start && s <= now).then(|| (*i, s.timestamp(), e.timestamp()))
        })
        .collect();
    (0..days)
        .map(|k| {
            let date = first + Duration::days(i64::from(k));
            let start = day_start(date, tz);
            let end = day_start(date + Duration::days(1), tz).min(now);
            if since.is_some_and(|s| start < s) {
                return Day {
                    date,
                    start,
                    end,
                    state: None,
                    seconds: [0; 3],
                    incidents: Vec::new(),
                };
            }
            let seconds = uptime::seconds_by_level(merged, start.timestamp(), end.timestamp());
            let state = match seconds.iter().rposition(|&s| s > 0) {
                Some(2) => State::Down(Level::MajorOutage),
                Some(1) => State::Down(Level::PartialOutage),
                Some(_) => State::Down(Level::DegradedPerformance),
                None => State::Operational,
            };
            let (a, b) = (start.timestamp(), end.timestamp());
            let incidents = spans
                .iter()
                .filter(|(_, s, e)| *s < b && *e > a || (*s == *e && *s >= a && *s < b))
                .map(|(i, _, _)| *i)
                .collect();
            Day {
                date,
                start,
                end,
                state: Some(state),
                seconds,
                incidents,
            }
        })
        .collect()
}

/// The windows, in days back from now, a component's uptime is given over.
pub const UPTIME_DAYS: [i64; 3] = [30, 90, 365];
/// How many day bars a component shows.
pub const BAR_DAYS: u32 = 90;
/// The windows, in days back from now, a component's time to resolve is given over.
pub const RESOLVE_DAYS: [i64; 2] = [90, 365];

/// Everything derived for one component as of now.
pub struct ComponentStatus<'a> {
    /// Its state now, and the incidents and maintenance causing it.
    pub state: State,
    pub causes: Vec<&'a Incident>,
    /// Uptime over each of [`UPTIME_DAYS`] (from `since` when later), in 10^-decimals percent
    /// rounded down ([`uptime::uptime_scaled`]); None for an empty window.
    pub uptime: [Option<i64>; 3],
    /// The last [`BAR_DAYS`] days, oldest first.
    pub days: Vec<Day<'a>>,
    /// Time to resolve over each of [`RESOLVE_DAYS`].
    pub resolve: [ResolveStats; 2],
}

/// [`ComponentStatus`] of `comp` from the incidents and maintenance naming it.
pub fn component<'a>(
    comp: &Component,
    incidents: &[&'a Incident],
    maintenances: &[&'a Incident],
    c: &Config,
    now: DateTime<Utc>,
) -> ComponentStatus<'a> {
    let merged = uptime::merge(&intervals(incidents, &comp.id, c, now));
    let since = counted_from(comp, c.timezone);
    let uptime_over = |days: i64| {
        let from = (now - Duration::days(days)).max(since.unwrap_or(DateTime::<Utc>::MIN_UTC));
        (from < now)
            .then(|| {
                uptime::uptime_scaled_over(
                    &merged,
                    from.timestamp(),
                    now.timestamp(),
                    &c.uptime.weights,
                    c.uptime.decimals,
                )
            })
            .flatten()
    };
    let days = days(&merged, incidents, &comp.id, c, since, now, BAR_DAYS);
    let (state, causes) = current(incidents, maintenances, &comp.id, c, now);
    ComponentStatus {
        state,
        causes,
        uptime: UPTIME_DAYS.map(uptime_over),
        days,
        resolve: RESOLVE_DAYS.map(|d| ResolveStats::over(incidents, now - Duration::days(d), now)),
    }
}

/// What happened to one component, as the API reports it: the first and latest moments (up to
/// now) an item may have changed its state, and the items that may affect it now.
#[derive(Default)]
pub struct Activity<'a> {
    pub first: Option<DateTime<Utc>>,
    pub last: Option<DateTime<Utc>>,
    pub incidents: Vec<&'a Incident>,
    pub maintenances: Vec<&'a Incident>,
}

impl Activity<'_> {
    /// When the component came to be: the start of its `since` date, else its first change,
    /// else `fallback`.
    pub fn created_at(&self, comp: &Component, tz: Tz, fallback: DateTime<Utc>) -> DateTime<Utc> {
        counted_from(comp, tz).or(self.first).unwrap_or(fallback)
    }

    /// When the component last changed: its latest change, else `created`.
    pub fn changed_at(&self, created: DateTime<Utc>) -> DateTime<Utc> {
        self.last.unwrap_or(created)
    }
}

/// Each component's [`Activity`] from `items` (incidents and maintenance), in one pass.
pub fn activity<'a>(
    items: impl IntoIterator<Item = &'a Incident>,
    now: DateTime<Utc>,
) -> HashMap<&'a str, Activity<'a>> {
    let mut out: HashMap<&str, Activity> = HashMap::default();
    for i in items {
        let (start, end) = match i.window {
            Some(w) => (w.start, Some(w.end)),
            None => (i.started, i.resolved),
        };
        let may_affect_now = i.may_affect_at(now);
        for id in &i.components {
            // Every moment the component's state may change: the item's start and end, and
            // its `[[impact]]` windows'; only those up to now count.
            let impacts = i
                .impacts
                .iter()
                .filter(|x| &x.component == id)
                .flat_map(|x| [Some(x.start), x.end]);
            let times = [Some(start), end].into_iter().chain(impacts).flatten();
            let mut times = times.filter(|t| *t <= now).peekable();
            let may_change = times.peek().is_some();
            if !may_change && !may_affect_now {
                continue;
            }
            let a = out.entry(id).or_default();
            for t in times {
                a.first = Some(a.first.map_or(t, |f| f.min(t)));
                a.last = Some(a.last.map_or(t, |l| l.max(t)));
            }
            if may_affect_now {
                if i.is_maintenance() {
                    a.maintenances.push(i);
                } else {
                    a.incidents.push(i);
                }
            }
        }
    }
    out
}

/// The page's overall indicator (Statuspage's `status.indicator`), ordered from best to worst.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Indicator {
    None,
    Maintenance,
    Minor,
    Major,
    Critical,
}

/// The worst of the unresolved incidents' impacts (ranks in [`crate::input::config::IMPACTS`]) and
/// the components' states; maintenance only when nothing is worse than operational.
pub fn indicator(
    impacts: impl IntoIterator<Item = usize>,
    states: impl IntoIterator<Item = State>,
) -> Indicator {
    let mut worst = impacts.into_iter().max().unwrap_or(0);
    let mut maintenance = false;
    for s in states {
        match s {
            State::Down(Level::DegradedPerformance) => worst = worst.max(1),
            State::Down(Level::PartialOutage) => worst = worst.max(2),
            State::Down(Level::MajorOutage) => worst = worst.max(3),
            State::UnderMaintenance => maintenance = true,
            State::Operational => {}
        }
    }
    match worst {
        0 if maintenance => Indicator::Maintenance,
        0 => Indicator::None,
        1 => Indicator::Minor,
        2 => Indicator::Major,
        _ => Indicator::Critical,
    }
}

/// An incident's impact as a rank in [`crate::input::config::IMPACTS`] (0, `none`, for a severity
/// without one).
pub fn impact_rank(c: &Config, i: &Incident) -> usize {
    let impact = c
        .severity(&i.severity)
        .map_or("none", |s| s.impact.as_str());
    crate::input::config::IMPACTS
        .iter()
        .position(|x| *x == impact)
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dst_days_are_23_and_25_hours() {
        let ny: Tz = "America/New_York".parse().unwrap();
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        let len =
            |s: &str| (day_start(d(s) + Duration::days(1), ny) - day_start(d(s), ny)).num_hours();
        assert_eq!(len("2024-03-10"), 23);
        assert_eq!(len("2024-11-03"), 25);
        assert_eq!(len("2024-06-01"), 24);
        assert_eq!(
            day_start(d("2024-03-10"), ny).to_rfc3339(),
            "2024-03-10T05:00:00+00:00"
        );
    }

    #[test]
    fn state_order() {
        assert!(State::UnderMaintenance > State::Operational);
        assert!(State::Down(Level::DegradedPerformance) > State::UnderMaintenance);
        assert!(State::Down(Level::MajorOutage) > State::Down(Level::PartialOutage));
    }
}
