//! The template context of every page kind: one type per kind, built in one place (the
//! page's function in `render`), documented field by field in docs/templates.md and pinned by
//! a snapshot test (tests/contexts.rs).
//!
//! Besides its own fields, every page sees `page` ([`PageView`]) and the globals `site`,
//! `build`, `severities` and `components` (see `render::engine`).
//!
//! Values shared by many pages (an incident's summary, a component's summary) are converted to
//! a template value once per render and held here as [`Value`]s: serializing a context passes
//! them through without copying (tera clones the `Arc`). Their shape is the view type named in
//! each field's comment.

use super::DueView;
use crate::timefmt::DurationView;
use serde::Serialize;
use tera::Value;

/// `page`: what every page knows about itself.
#[derive(Serialize)]
pub(crate) struct PageView<'a> {
    /// The page kind: `index`, `incident`, `history`, `history_year`, `components`,
    /// `component`, `maintenance`, `stats` or `404`.
    pub kind: &'static str,
    pub title: &'a str,
    /// Root-relative, with the base path.
    pub path: String,
    /// Absolute, with the base URL.
    pub permalink: String,
}

/// A link to another page.
#[derive(Serialize, Clone)]
pub(crate) struct LinkView<'a> {
    pub title: &'a str,
    pub path: String,
}

/// `index.html`: the status overview.
#[derive(Serialize)]
pub(crate) struct HomePage<'a> {
    /// Ongoing incidents, newest first (summaries).
    pub ongoing: Vec<Value>,
    /// The latest resolved incidents, newest first, at most `render::RECENT` (summaries).
    pub recent: Vec<Value>,
    /// How many incidents the site has.
    pub total: usize,
    pub history_path: String,
    #[serde(flatten)]
    pub status: HomeStatus<'a>,
}

/// The status parts of the home page.
#[derive(Serialize)]
pub(crate) struct HomeStatus<'a> {
    /// The worst state of any visible component, its label and the incidents causing it.
    pub overall: OverallView<'a>,
    /// Component groups with their visible members.
    pub groups: Vec<GroupView<'a>>,
    /// Visible components in no group (component summaries).
    pub ungrouped: Vec<Value>,
    /// Maintenance in progress, then scheduled, soonest first (maintenance summaries).
    pub maintenance_active: Vec<Value>,
    pub maintenance_upcoming: Vec<Value>,
}

/// `incident.html`: one incident.
#[derive(Serialize)]
pub(crate) struct IncidentPage<'a> {
    /// The incident's summary and page fields together.
    pub incident: Value,
    /// The next newer incident, if any.
    pub next: Option<LinkView<'a>>,
    /// The next older incident, if any.
    pub prev: Option<LinkView<'a>>,
}

/// `history.html`: the archive's front page.
#[derive(Serialize)]
pub(crate) struct HistoryPage {
    /// Every year with its count, path and months.
    pub years: Value,
    /// The latest `render::HISTORY_RECENT` incidents grouped by month.
    pub months: Value,
    pub total: usize,
}

/// `history_year.html`: one page of a year.
#[derive(Serialize)]
pub(crate) struct HistoryYearPage {
    pub year: Value,
    /// This page's incidents grouped by month.
    pub months: Value,
    pub pagination: Value,
    /// Every year, as on `history.html`.
    pub years: Value,
}

/// `components.html`.
#[derive(Serialize)]
pub(crate) struct ComponentsPage<'a> {
    /// As on the home page ([`HomeStatus`]).
    pub groups: &'a [GroupView<'a>],
    pub ungrouped: &'a [Value],
}

/// `component.html`: one component.
#[derive(Serialize)]
pub(crate) struct ComponentPage {
    /// The component's summary with its time-to-resolve `stats` (`d90`, `d365`).
    pub component: Value,
    /// Its incidents by the year (site time zone) they started, newest first.
    pub incidents_by_year: Vec<YearView>,
    pub maintenance: ComponentMaintenanceView,
}

/// `maintenance.html`: one scheduled maintenance.
#[derive(Serialize)]
pub(crate) struct MaintenancePage<'a, M: Serialize> {
    pub maintenance: &'a M,
}

/// `stats.html`.
#[derive(Serialize)]
pub(crate) struct StatsPage<'a> {
    pub stats: StatsView<'a>,
}

/// `404.html`: nothing but the globals and `page`.
#[derive(Serialize)]
pub(crate) struct NotFoundPage {}

// Status pages

/// `overall` on the home page.
#[derive(Serialize)]
pub(crate) struct OverallView<'a> {
    /// The worst state of any visible component: a state id (`operational`,
    /// `under_maintenance` or a level).
    pub state: &'static str,
    /// Its label; `All systems operational` when operational.
    pub label: &'static str,
    /// The incidents and maintenance causing it, by slug.
    pub incidents: Vec<LinkView<'a>>,
}

/// A component group with its visible members (groups with none are left out).
#[derive(Serialize)]
pub(crate) struct GroupView<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub description: &'a str,
    /// The members' component summaries, in site order.
    pub components: Vec<Value>,
}

/// One year of a component's incidents.
#[derive(Serialize)]
pub(crate) struct YearView {
    pub year: i32,
    /// Incident summaries, newest first.
    pub incidents: Vec<Value>,
}

/// A component page's maintenance (maintenance summaries).
#[derive(Serialize)]
pub(crate) struct ComponentMaintenanceView {
    /// In progress, soonest first.
    pub active: Vec<Value>,
    /// Not started yet, soonest first.
    pub upcoming: Vec<Value>,
    /// The latest ten that have ended, latest first.
    pub recent: Vec<Value>,
}

/// `stats` on `stats.html`.
#[derive(Serialize)]
pub(crate) struct StatsView<'a> {
    /// The last 24 months, oldest first.
    pub months: Vec<MonthView<'a>>,
    /// The monthly counts as an SVG bar chart.
    pub chart: ChartView<'a>,
    /// Time to resolve and to detect, over every incident.
    pub resolve: PercentilesView,
    pub detect: PercentilesView,
    /// Visible components by number of incidents, most first, then by name.
    pub per_component: Vec<ComponentCountView<'a>>,
    /// Open action items, those due soonest first (undated last), then by newest incident.
    pub action_items: Vec<OpenActionView<'a>>,
}

/// One month's incidents by severity.
#[derive(Serialize)]
pub(crate) struct MonthView<'a> {
    /// `2024-04`.
    pub key: String,
    /// `Apr 2024`.
    pub label: String,
    pub total: usize,
    /// One per severity of the site, in its order.
    pub counts: Vec<CountView<'a>>,
}

/// A month's count of one severity.
#[derive(Serialize)]
pub(crate) struct CountView<'a> {
    /// The severity's id, name and color.
    pub severity: &'a str,
    pub name: &'a str,
    pub color: &'a str,
    pub count: usize,
}

/// The monthly chart's geometry, in SVG user units.
#[derive(Serialize)]
pub(crate) struct ChartView<'a> {
    /// The x of the y axis.
    pub left: i64,
    /// The y of the x axis.
    pub baseline: i64,
    /// The whole chart's width and height.
    pub width: i64,
    pub height: i64,
    /// The value at the top of the scale: the busiest month's total, at least 1.
    pub max: usize,
    /// One bar per month, oldest first.
    pub bars: Vec<ChartBar<'a>>,
    /// Labels of the y axis: 0, half and the top, without repeats, ascending.
    pub ticks: Vec<TickView>,
}

/// One month's bar.
#[derive(Serialize)]
pub(crate) struct ChartBar<'a> {
    pub x: i64,
    pub width: i64,
    /// `Apr 2024`.
    pub label: String,
    pub total: usize,
    /// Stacked from the baseline up, one per severity with incidents, in the site's order.
    pub segments: Vec<SegmentView<'a>>,
}

/// One severity's part of a bar (at least 1 high).
#[derive(Serialize)]
pub(crate) struct SegmentView<'a> {
    pub y: i64,
    pub height: i64,
    pub color: &'a str,
    /// The severity's name.
    pub severity: &'a str,
    pub count: usize,
}

/// A label on the chart's y axis.
#[derive(Serialize)]
pub(crate) struct TickView {
    pub y: i64,
    pub value: usize,
}

/// Median and 90th percentile of a duration.
#[derive(Serialize)]
pub(crate) struct PercentilesView {
    /// How many incidents have the duration.
    pub samples: usize,
    pub median: Option<DurationView>,
    pub p90: Option<DurationView>,
}

/// A component's number of incidents.
#[derive(Serialize)]
pub(crate) struct ComponentCountView<'a> {
    pub id: &'a str,
    pub name: &'a str,
    /// Its page.
    pub path: String,
    pub count: usize,
}

/// An open action item with its incident.
#[derive(Serialize)]
pub(crate) struct OpenActionView<'a> {
    pub title: &'a str,
    pub owner: &'a str,
    /// `open` or `in_progress`, and its label.
    pub status: &'static str,
    pub status_label: &'static str,
    pub due: Option<DueView>,
    /// The link, through `escape::url`.
    pub link: Option<String>,
    /// Due before today (site time zone).
    pub overdue: bool,
    pub incident: LinkView<'a>,
}
