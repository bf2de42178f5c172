//! Component status: level intervals per component, the current state, day bars and
//! time-to-resolve statistics. Pure functions over the validated model; rendering is elsewhere.

use crate::config::{Component, Config};
use crate::model::{Incident, Level};
use crate::uptime::{self, Interval};
use chrono::{DateTime, Duration, LocalResult, NaiveDate, TimeZone, Utc};
use chrono_tz::Tz;

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
            .map(|x| (x.start, x.end.or(i.resolved), x.level))
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

/// Median and longest of a set of durations in seconds.
pub fn median(sorted: &[i64]) -> Option<i64> {
    let n = sorted.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(sorted[n / 2]),
        _ => Some((sorted[n / 2 - 1] + sorted[n / 2]) / 2),
    }
}

/// Nearest-rank percentile (`p` in 1..=100) of sorted values.
pub fn percentile(sorted: &[i64], p: u32) -> Option<i64> {
    if sorted.is_empty() {
        return None;
    }
    let rank = (u64::from(p) * sorted.len() as u64).div_ceil(100).max(1) as usize;
    Some(sorted[rank - 1])
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
    fn percentiles_and_medians() {
        assert_eq!(median(&[]), None);
        assert_eq!(median(&[5]), Some(5));
        assert_eq!(median(&[1, 3, 10]), Some(3));
        assert_eq!(median(&[1, 3, 10, 20]), Some(6));
        let v: Vec<i64> = (1..=10).collect();
        assert_eq!(percentile(&v, 90), Some(9));
        assert_eq!(percentile(&v, 100), Some(10));
        assert_eq!(percentile(&[7], 90), Some(7));
        assert_eq!(
            percentile(&[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 90),
            Some(10)
        );
    }

    #[test]
    fn state_order() {
        assert!(State::UnderMaintenance > State::Operational);
        assert!(State::Down(Level::DegradedPerformance) > State::UnderMaintenance);
        assert!(State::Down(Level::MajorOutage) > State::Down(Level::PartialOutage));
    }
}
