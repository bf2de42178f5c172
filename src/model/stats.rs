//! Statistics over the validated model: incidents per month by severity, time to resolve and
//! to detect, incidents per component, open and overdue action items. Plain numbers and
//! references to incidents; pages turn them into text and charts (`render/status_pages`).

use crate::input::config::{Component, Config};
use crate::model::{ActionItem, Incident};
use chrono::{DateTime, Datelike, NaiveDate, Utc};
use rustc_hash::FxHashMap as HashMap;
use std::sync::Arc;

/// The monthly chart covers at least this many months (this one included), so that a young
/// site still shows a year for scale.
pub const MIN_MONTHS: u32 = 12;
/// Up to this many months of history the chart has one bar a month; up to
/// [`MAX_QUARTER_MONTHS`] one a quarter; beyond, one a year. 120 monthly bars (ten years) is
/// as many as a page-wide chart can draw a few pixels apart.
pub const MAX_MONTHLY_MONTHS: u32 = 120;
pub const MAX_QUARTER_MONTHS: u32 = 480;

/// The length of one bar of the activity chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    Month,
    Quarter,
    Year,
}

impl Period {
    /// `month`, `quarter`, `year`.
    pub fn id(self) -> &'static str {
        match self {
            Period::Month => "month",
            Period::Quarter => "quarter",
            Period::Year => "year",
        }
    }

    fn months(self) -> u32 {
        match self {
            Period::Month => 1,
            Period::Quarter => 3,
            Period::Year => 12,
        }
    }

    /// The first day of the period holding `d`.
    pub fn start_of(self, d: NaiveDate) -> NaiveDate {
        let month0 = d.month0() - d.month0() % self.months();
        // Day 1 exists in every month: `unwrap_or` only keeps this free of panics.
        NaiveDate::from_ymd_opt(d.year(), month0 + 1, 1).unwrap_or(d)
    }

    /// The periods to cover `months` months of history.
    pub fn for_span(months: u32) -> Period {
        if months <= MAX_MONTHLY_MONTHS {
            Period::Month
        } else if months <= MAX_QUARTER_MONTHS {
            Period::Quarter
        } else {
            Period::Year
        }
    }
}

/// Median of sorted values (the mean of the middle two, rounded toward zero, for an even
/// count); None for none.
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

/// Time to resolve the incidents that started in a window, in seconds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResolveStats {
    /// Incidents that started in the window.
    pub count: usize,
    /// Median and longest time to resolve of those resolved by now (both times exact).
    pub median: Option<i64>,
    pub longest: Option<i64>,
}

impl ResolveStats {
    /// Over the incidents that started in `[from, now]`.
    pub fn over(incidents: &[&Incident], from: DateTime<Utc>, now: DateTime<Utc>) -> Self {
        let window: Vec<&&Incident> = incidents
            .iter()
            .filter(|i| i.started >= from && i.started <= now)
            .collect();
        let mut secs: Vec<i64> = window
            .iter()
            // Only between exact times (`Incident::duration_seconds`).
            .filter_map(|i| {
                i.resolved
                    .filter(|r| *r <= now)
                    .and_then(|_| i.duration_seconds())
            })
            .collect();
        secs.sort_unstable();
        ResolveStats {
            count: window.len(),
            median: median(&secs),
            longest: secs.last().copied(),
        }
    }
}

/// Median, 75th and 90th percentile of durations, in seconds (never a mean: durations are
/// heavily right-skewed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Percentiles {
    pub samples: usize,
    pub median: Option<i64>,
    pub p75: Option<i64>,
    pub p90: Option<i64>,
}

impl Percentiles {
    pub fn of(mut v: Vec<i64>) -> Self {
        v.sort_unstable();
        Percentiles {
            samples: v.len(),
            median: median(&v),
            p75: percentile(&v, 75),
            p90: percentile(&v, 90),
        }
    }
}

/// Incidents that started in one period (local time: a month, a quarter or a year), by
/// severity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MonthCount {
    /// The period's first day.
    pub month: NaiveDate,
    /// One count per severity of the site, in its order.
    pub counts: Vec<usize>,
    pub total: usize,
}

/// An open action item and the incident it belongs to.
pub struct OpenAction<'a> {
    pub incident: &'a Incident,
    pub item: &'a ActionItem,
    /// Due before today (local date).
    pub overdue: bool,
}

/// The site's statistics (the `/stats/` page).
pub struct Stats<'a> {
    /// From the period of the oldest incident (at least [`MIN_MONTHS`] months back) to this
    /// one, oldest first.
    pub months: Vec<MonthCount>,
    /// What one entry of `months` covers.
    pub period: Period,
    /// The largest monthly total (0 when there is none).
    pub busiest: usize,
    /// Time to resolve and to detect, over every incident.
    pub resolve: Percentiles,
    pub detect: Percentiles,
    /// Each visible component with its number of incidents, most first, then by name.
    pub per_component: Vec<(&'a Component, usize)>,
    /// Open action items, those due soonest first (undated last), then by newest incident.
    pub action_items: Vec<OpenAction<'a>>,
}

/// The statistics of `incidents` (newest first) as of `now`; `count_of` gives a component's
/// number of incidents.
pub fn site<'a>(
    c: &Config,
    incidents: &'a [Arc<Incident>],
    visible: &[&'a Component],
    count_of: impl Fn(&str) -> usize,
    now: DateTime<Utc>,
) -> Stats<'a> {
    let tz = c.timezone;
    let today = now.with_timezone(&tz).date_naive();
    let local_day = |i: &Incident| i.started.with_timezone(&tz).date_naive();
    let this_month = Period::Month.start_of(today);
    // The oldest incident that started by now (a later one is on no bar).
    let oldest = incidents
        .iter()
        .map(|i| Period::Month.start_of(local_day(i)))
        .filter(|m| *m <= this_month)
        .min()
        .unwrap_or(this_month);
    let span = months_between(oldest, this_month) + 1;
    let period = Period::for_span(span);
    let first = Period::Month
        .start_of(this_month - chrono::Months::new(MIN_MONTHS - 1))
        .min(oldest);
    let first = period.start_of(first);
    let mut counts: HashMap<(NaiveDate, &str), usize> = HashMap::default();
    for i in incidents {
        let m = period.start_of(local_day(i));
        *counts.entry((m, i.severity.as_str())).or_default() += 1;
    }
    let mut months: Vec<MonthCount> = Vec::new();
    let mut month = first;
    while month <= this_month {
        let counts: Vec<usize> = c
            .severities
            .iter()
            .map(|s| counts.get(&(month, s.id.as_str())).copied().unwrap_or(0))
            .collect();
        months.push(MonthCount {
            month,
            total: counts.iter().sum(),
            counts,
        });
        month = month + chrono::Months::new(period.months());
    }
    let busiest = months.iter().map(|m| m.total).max().unwrap_or(0);
    let resolve = Percentiles::of(
        incidents
            .iter()
            .filter_map(|i| i.duration_seconds())
            .collect(),
    );
    let detect = Percentiles::of(
        incidents
            .iter()
            .filter_map(|i| i.time_to_detect())
            .collect(),
    );
    let mut per_component: Vec<(&Component, usize)> =
        visible.iter().map(|x| (*x, count_of(&x.id))).collect();
    per_component.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.name.cmp(&b.0.name)));
    let mut open: Vec<(&Incident, &ActionItem)> = incidents
        .iter()
        .flat_map(|i| i.action_items.iter().map(move |a| (&**i, a)))
        .filter(|(_, a)| a.is_open())
        .collect();
    open.sort_by(|a, b| {
        (a.1.due.is_none(), a.1.due, b.0.started).cmp(&(b.1.due.is_none(), b.1.due, a.0.started))
    });
    let action_items = open
        .into_iter()
        .map(|(incident, item)| OpenAction {
            incident,
            item,
            overdue: item.overdue_on(today),
        })
        .collect();
    Stats {
        months,
        period,
        busiest,
        resolve,
        detect,
        per_component,
        action_items,
    }
}

/// Whole months from `a`'s month to `b`'s (0 for the same month; 0 when `b` is earlier).
pub fn months_between(a: NaiveDate, b: NaiveDate) -> u32 {
    let n = (b.year() - a.year()) * 12 + b.month0() as i32 - a.month0() as i32;
    n.max(0) as u32
}

#[cfg(test)]
mod tests {
    use super::*;

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
        let p = Percentiles::of(vec![3600, 1800, 14_400, 3600]);
        assert_eq!(
            p,
            Percentiles {
                samples: 4,
                median: Some(3600),
                p75: Some(3600),
                p90: Some(14_400)
            }
        );
    }

    fn config() -> Config {
        let root = std::path::Path::new("/site");
        let text = "title = \"T\"\nbase_url = \"https://s.example/\"\n";
        crate::input::config::from_str(root, &root.join("site.toml"), text).expect("valid")
    }

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    /// The chart's periods for incidents starting at `starts`, now = 2025-06-15.
    fn periods(starts: &[&str]) -> (Period, Vec<NaiveDate>, Vec<usize>) {
        let c = config();
        let list: Vec<Arc<Incident>> = starts
            .iter()
            .enumerate()
            .map(|(k, s)| {
                Arc::new(crate::model::tests_support::incident(
                    &format!("i{k}"),
                    s,
                    &[],
                ))
            })
            .collect();
        let st = site(&c, &list, &[], |_| 0, at("2025-06-15T12:00:00Z"));
        (
            st.period,
            st.months.iter().map(|m| m.month).collect(),
            st.months.iter().map(|m| m.total).collect(),
        )
    }

    #[test]
    fn the_chart_spans_the_history() {
        let d = |y, m| NaiveDate::from_ymd_opt(y, m, 1).unwrap();
        // No incident, or a young site: the last 12 months, Jul 2024 to Jun 2025.
        let (p, months, _) = periods(&[]);
        assert_eq!(
            (p, months.len(), months[0]),
            (Period::Month, 12, d(2024, 7))
        );
        let (_, months, totals) = periods(&["2025-05-03T00:00:00Z"]);
        assert_eq!((months.len(), months[11], totals[10]), (12, d(2025, 6), 1));
        // Three years back: Mar 2022 to Jun 2025 = 10 + 12 + 12 + 6 = 40 months.
        let (p, months, totals) = periods(&["2022-03-31T00:00:00Z", "2025-06-01T00:00:00Z"]);
        assert_eq!(
            (p, months.len(), months[0]),
            (Period::Month, 40, d(2022, 3))
        );
        assert_eq!(
            (totals[0], totals[39], totals.iter().sum::<usize>()),
            (1, 1, 2)
        );
        // Exactly 120 months (Jul 2015 to Jun 2025) still monthly; 121 (Jun 2015) quarterly:
        // Apr 2015 (Q2) to Apr 2025 (Q2) = 41 quarters.
        let (p, months, _) = periods(&["2015-07-01T00:00:00Z"]);
        assert_eq!((p, months.len()), (Period::Month, 120));
        let (p, months, totals) = periods(&["2015-06-10T00:00:00Z", "2025-06-14T00:00:00Z"]);
        assert_eq!((p, months.len()), (Period::Quarter, 41));
        assert_eq!((months[0], months[40]), (d(2015, 4), d(2025, 4)));
        assert_eq!((totals[0], totals[40]), (1, 1));
        // Over 480 months (41 years): one bar a year, 1984 to 2025 = 42.
        let (p, months, _) = periods(&["1984-02-01T00:00:00Z"]);
        assert_eq!((p, months.len(), months[0]), (Period::Year, 42, d(1984, 1)));
        // An incident after now is on no bar and does not move the start.
        let (_, months, totals) = periods(&["2025-08-01T00:00:00Z"]);
        assert_eq!((months.len(), totals.iter().sum::<usize>()), (12, 0));
    }
}
