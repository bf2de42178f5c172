//! What the archive learns across incidents: for each contributing factor, the incidents it
//! contributed to and how many a year; for each severity, its incidents and time to resolve;
//! the register of every action item (open first, closure rate, median time to close, by
//! owner). Computed once per render over the incidents being built (drafts only with
//! `--drafts`); `/factors/`, `/actions/`, `/severities/` and `/stats/` format it.

use crate::input::config::{Config, Severity, Term};
use crate::model::stats::{median, Percentiles};
use crate::model::{ActionItem, Factor, Incident};
use chrono::{DateTime, Datelike, NaiveDate, Utc};
use rustc_hash::FxHashMap as HashMap;
use std::sync::Arc;

/// The archive's facts (see the module's comment).
pub struct Archive<'a> {
    /// The years (site time zone) in which incidents started, oldest first: the columns of
    /// every per-year count.
    pub years: Vec<i32>,
    /// Every factor of the site, in its order.
    pub factors: Vec<FactorFacts<'a>>,
    /// Every severity of the site, in its order.
    pub severities: Vec<SeverityFacts<'a>>,
    pub actions: Register<'a>,
}

/// A contributing factor across the archive.
pub struct FactorFacts<'a> {
    pub term: &'a Term,
    /// Incidents it contributed to, one count per year of [`Archive::years`].
    pub per_year: Vec<usize>,
    /// Those incidents, newest first, each with what the factor was there.
    pub incidents: Vec<(&'a Incident, &'a Factor)>,
}

/// A severity across the archive.
pub struct SeverityFacts<'a> {
    pub severity: &'a Severity,
    /// Its incidents, newest first.
    pub incidents: Vec<&'a Incident>,
    /// Time to resolve of the resolved ones, in seconds.
    pub resolve: Percentiles,
}

/// One action item in the register.
pub struct ActionRow<'a> {
    pub incident: &'a Incident,
    pub item: &'a ActionItem,
    /// Open or in progress and due before today (site time zone).
    pub overdue: bool,
    /// Days from the local date the incident was resolved to `closed` (a closed item with a
    /// `closed` date, of a resolved incident); 0 for one closed before the resolution.
    pub days_to_close: Option<i64>,
}

/// One owner's share of the register.
pub struct OwnerFacts<'a> {
    /// Empty: items without an owner.
    pub owner: &'a str,
    pub open: usize,
    pub overdue: usize,
    pub closed: usize,
    /// Indexes into [`Register::rows`], in the register's order.
    pub rows: Vec<usize>,
}

/// Every action item of every incident.
pub struct Register<'a> {
    /// Open items first (overdue ones, then by due date, undated last), then closed ones
    /// (latest `closed` first, undated last); ties keep the newest incident first.
    pub rows: Vec<ActionRow<'a>>,
    pub open: usize,
    pub overdue: usize,
    /// Done or won't do.
    pub closed: usize,
    /// Median days to close over the items that have [`ActionRow::days_to_close`], and how
    /// many those are.
    pub close_median: Option<i64>,
    pub close_samples: usize,
    /// Owners by name (byte order), items without one last.
    pub owners: Vec<OwnerFacts<'a>>,
}

/// The archive of `incidents` (newest first) as of `now`.
pub fn archive<'a>(
    c: &'a Config,
    incidents: &'a [Arc<Incident>],
    now: DateTime<Utc>,
) -> Archive<'a> {
    let tz = c.timezone;
    let year_of = |i: &Incident| i.started.with_timezone(&tz).year();
    let mut years: Vec<i32> = incidents.iter().map(|i| year_of(i)).collect();
    years.sort_unstable();
    years.dedup();
    let column: HashMap<i32, usize> = years.iter().enumerate().map(|(k, y)| (*y, k)).collect();

    let mut factors: Vec<FactorFacts> = c
        .factors
        .iter()
        .map(|term| FactorFacts {
            term,
            per_year: vec![0; years.len()],
            incidents: Vec::new(),
        })
        .collect();
    let factor_at: HashMap<&str, usize> = c
        .factors
        .iter()
        .enumerate()
        .map(|(k, t)| (t.id.as_str(), k))
        .collect();
    let mut severities: Vec<(&Severity, Vec<&Incident>)> =
        c.severities.iter().map(|s| (s, Vec::new())).collect();
    let severity_at: HashMap<&str, usize> = c
        .severities
        .iter()
        .enumerate()
        .map(|(k, s)| (s.id.as_str(), k))
        .collect();
    for i in incidents {
        let col = column[&year_of(i)];
        for f in &i.factors {
            // Validation allows only the site's ids; listed twice is an error too.
            if let Some(&k) = factor_at.get(f.id.as_str()) {
                let facts = &mut factors[k];
                if facts
                    .incidents
                    .last()
                    .is_none_or(|(q, _)| !std::ptr::eq(*q, &**i))
                {
                    facts.per_year[col] += 1;
                    facts.incidents.push((i, f));
                }
            }
        }
        if let Some(&k) = severity_at.get(i.severity.as_str()) {
            severities[k].1.push(i);
        }
    }
    let severities = severities
        .into_iter()
        .map(|(severity, incidents)| SeverityFacts {
            severity,
            resolve: Percentiles::of(
                incidents
                    .iter()
                    .filter_map(|i| i.duration_seconds())
                    .collect(),
            ),
            incidents,
        })
        .collect();
    let today = now.with_timezone(&tz).date_naive();
    Archive {
        years,
        factors,
        severities,
        actions: register(incidents, tz, today),
    }
}

/// The action-item register as of `today` (a local date).
fn register<'a>(
    incidents: &'a [Arc<Incident>],
    tz: chrono_tz::Tz,
    today: NaiveDate,
) -> Register<'a> {
    let mut rows: Vec<ActionRow> = incidents
        .iter()
        .flat_map(|i| {
            let resolved = i.resolved.map(|r| r.with_timezone(&tz).date_naive());
            i.action_items.iter().map(move |item| ActionRow {
                incident: i,
                item,
                overdue: item.overdue_on(today),
                // An item closed while the incident was still on (a mitigation) took 0 days.
                days_to_close: match (item.is_open(), item.closed, resolved) {
                    (false, Some(closed), Some(resolved)) => {
                        Some((closed - resolved).num_days().max(0))
                    }
                    _ => None,
                },
            })
        })
        .collect();
    // Stable: ties keep the newest incident first, then the file's order.
    rows.sort_by_key(|r| {
        let open = r.item.is_open();
        (
            !open,
            // Open: by due date, undated last (overdue ones have the earliest dates).
            open.then(|| (r.item.due.is_none(), r.item.due)),
            // Closed: latest closed first, undated last.
            (!open).then(|| (r.item.closed.is_none(), std::cmp::Reverse(r.item.closed))),
        )
    });
    let open = rows.iter().filter(|r| r.item.is_open()).count();
    let overdue = rows.iter().filter(|r| r.overdue).count();
    let mut days: Vec<i64> = rows.iter().filter_map(|r| r.days_to_close).collect();
    days.sort_unstable();
    let mut by_owner: HashMap<&str, OwnerFacts> = HashMap::default();
    for (k, r) in rows.iter().enumerate() {
        let o = by_owner
            .entry(r.item.owner.as_str())
            .or_insert_with(|| OwnerFacts {
                owner: r.item.owner.as_str(),
                open: 0,
                overdue: 0,
                closed: 0,
                rows: Vec::new(),
            });
        match r.item.is_open() {
            true => o.open += 1,
            false => o.closed += 1,
        }
        o.overdue += usize::from(r.overdue);
        o.rows.push(k);
    }
    let mut owners: Vec<OwnerFacts> = by_owner.into_values().collect();
    owners.sort_by(|a, b| (a.owner.is_empty(), a.owner).cmp(&(b.owner.is_empty(), b.owner)));
    Register {
        closed: rows.len() - open,
        open,
        overdue,
        close_median: median(&days),
        close_samples: days.len(),
        owners,
        rows,
    }
}

impl OwnerFacts<'_> {
    pub fn total(&self) -> usize {
        self.rows.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::tests_support::incident;
    use crate::model::ActionStatus;

    fn config() -> Config {
        let root = std::path::Path::new("/site");
        let text = r##"title = "T"
base_url = "https://s.example/"
timezone = "America/New_York"

[[factors]]
id = "change"
name = "Change"

[[factors]]
id = "capacity"
name = "Capacity"

[[factors]]
id = "unused"
name = "Unused"
"##;
        crate::input::config::from_str(root, &root.join("site.toml"), text).expect("valid")
    }

    fn item(
        owner: &str,
        status: ActionStatus,
        due: Option<&str>,
        closed: Option<&str>,
    ) -> ActionItem {
        let d = |s: &str| s.parse::<NaiveDate>().expect("test date");
        ActionItem {
            title: format!("{owner} {status:?}"),
            owner: owner.into(),
            status,
            due: due.map(d),
            closed: closed.map(d),
            link: None,
        }
    }

    fn factor(id: &str) -> Factor {
        Factor {
            id: id.into(),
            note: format!("note {id}"),
        }
    }

    #[test]
    fn factors_by_local_year_and_severities() {
        let c = config();
        let utc = |s: &str| DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc);
        // Newest first. `b` starts at 03:00 UTC on Jan 1, 2024: Dec 31, 2023 in New York.
        let mut a = incident("a", "2024-03-01T12:00:00Z", &[]);
        a.factors = vec![factor("change"), factor("capacity")];
        a.severity = "major".into();
        a.resolved = Some(utc("2024-03-01T14:00:00Z"));
        let mut b = incident("b", "2024-01-01T03:00:00Z", &[]);
        b.factors = vec![factor("change")];
        b.resolved = Some(utc("2024-01-01T03:30:00Z"));
        let mut d = incident("d", "2022-05-01T12:00:00Z", &[]);
        d.factors = vec![factor("capacity")];
        d.resolved = Some(utc("2022-05-01T13:00:00Z"));
        let e = incident("e", "2022-04-01T12:00:00Z", &[]);
        let list: Vec<Arc<Incident>> = [a, b, d, e].into_iter().map(Arc::new).collect();
        let x = archive(&c, &list, utc("2024-06-01T00:00:00Z"));
        // Years with incidents only: 2022, 2023 (b, local), 2024.
        assert_eq!(x.years, [2022, 2023, 2024]);
        let ids: Vec<&str> = x.factors.iter().map(|f| f.term.id.as_str()).collect();
        assert_eq!(ids, ["change", "capacity", "unused"]);
        assert_eq!(x.factors[0].per_year, [0, 1, 1]);
        assert_eq!(x.factors[1].per_year, [1, 0, 1]);
        assert_eq!(x.factors[2].per_year, [0, 0, 0]);
        let slugs = |f: &FactorFacts| {
            f.incidents
                .iter()
                .map(|(i, n)| (i.slug.clone(), n.note.clone()))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            slugs(&x.factors[1]),
            [
                ("a".to_string(), "note capacity".to_string()),
                ("d".into(), "note capacity".into())
            ]
        );
        // Minor: b (30 min), d (1 h), e (unresolved: not measured). Major: a (2 h).
        let minor = &x.severities[0];
        assert_eq!(minor.severity.id, "minor");
        assert_eq!(minor.incidents.len(), 3);
        assert_eq!(
            minor.resolve,
            Percentiles {
                samples: 2,
                median: Some(2700),
                p75: Some(3600),
                p90: Some(3600)
            }
        );
        assert_eq!(x.severities[1].resolve.median, Some(7200));
        assert_eq!(x.severities[2].incidents.len(), 0);
        assert_eq!(x.severities[2].resolve.samples, 0);
    }

    #[test]
    fn register_order_counts_and_time_to_close() {
        let c = config();
        let utc = |s: &str| DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc);
        use ActionStatus::*;
        // Newer: resolved 2024-05-10 02:00 UTC = May 9 in New York.
        let mut new = incident("new", "2024-05-09T20:00:00Z", &[]);
        new.resolved = Some(utc("2024-05-10T02:00:00Z"));
        new.action_items = vec![
            item("ops", Open, None, None),
            item("ops", Done, Some("2024-05-20"), Some("2024-05-19")),
            item("", InProgress, Some("2024-06-10"), None),
        ];
        // Older, unresolved: its closed items count as closed but have no time to close.
        let mut old = incident("old", "2024-01-01T12:00:00Z", &[]);
        old.action_items = vec![
            item("db", Open, Some("2024-05-01"), None),
            item("db", WontDo, None, Some("2024-02-01")),
            item("ops", Done, None, None),
        ];
        let mut older = incident("older", "2023-01-01T12:00:00Z", &[]);
        older.resolved = Some(utc("2023-01-01T13:00:00Z"));
        older.action_items = vec![item("db", Done, None, Some("2023-01-21"))];
        // Closed during a three-day incident, before its resolution: 0 days, not −1.
        let mut long = incident("long", "2022-03-01T12:00:00Z", &[]);
        long.resolved = Some(utc("2022-03-04T12:00:00Z"));
        long.action_items = vec![item("db", Done, None, Some("2022-03-03"))];
        let long = Arc::new(long);
        let only_long = archive(&c, std::slice::from_ref(&long), utc("2024-06-01T12:00:00Z"));
        assert_eq!(only_long.actions.rows[0].days_to_close, Some(0));
        let list: Vec<Arc<Incident>> = [new, old, older].into_iter().map(Arc::new).collect();
        // Today in New York: 2024-06-01.
        let r = archive(&c, &list, utc("2024-06-01T12:00:00Z")).actions;
        let order: Vec<(&str, &str)> = r
            .rows
            .iter()
            .map(|r| (r.incident.slug.as_str(), r.item.title.as_str()))
            .collect();
        assert_eq!(
            order,
            [
                // Open: overdue (due May 1), then due Jun 10, then undated.
                ("old", "db Open"),
                ("new", " InProgress"),
                ("new", "ops Open"),
                // Closed: May 19, Feb 1 2024, Jan 21 2023, then undated.
                ("new", "ops Done"),
                ("old", "db WontDo"),
                ("older", "db Done"),
                ("old", "ops Done"),
            ]
        );
        assert_eq!((r.rows.len(), r.open, r.overdue, r.closed), (7, 3, 1, 4));
        assert!(r.rows[0].overdue && !r.rows[1].overdue);
        // Time to close: May 19 − May 9 (local resolution date) = 10 days; Jan 21 − Jan 1 = 20
        // days; `old` is unresolved, so its won't-do item is not measured. Median of [10, 20]
        // (even count: mean of the middle two) = 15, n = 2.
        let days: Vec<Option<i64>> = r.rows.iter().map(|r| r.days_to_close).collect();
        assert_eq!(days, [None, None, None, Some(10), None, Some(20), None]);
        assert_eq!((r.close_median, r.close_samples), (Some(15), 2));
        let owners: Vec<(&str, usize, usize, usize, usize)> = r
            .owners
            .iter()
            .map(|o| (o.owner, o.open, o.overdue, o.closed, o.total()))
            .collect();
        assert_eq!(
            owners,
            [("db", 1, 1, 2, 3), ("ops", 1, 0, 2, 3), ("", 1, 0, 0, 1)]
        );
        assert_eq!(r.owners[0].rows, [0, 4, 5]);
    }
}
