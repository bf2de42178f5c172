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
pub(crate) struct HomePage {
    /// Ongoing incidents, newest first (summaries).
    pub ongoing: Vec<Value>,
    /// The latest resolved incidents, newest first, at most `render::RECENT` (summaries).
    pub recent: Vec<Value>,
    /// How many incidents the site has.
    pub total: usize,
    pub history_path: String,
    #[serde(flatten)]
    pub status: HomeStatus,
}

/// The status parts of the home page.
#[derive(Serialize)]
pub(crate) struct HomeStatus {
    /// The worst state of any visible component, its label and the incidents causing it.
    pub overall: Value,
    /// Component groups with their visible members (component summaries).
    pub groups: Value,
    /// Visible components in no group (component summaries).
    pub ungrouped: Value,
    /// Maintenance in progress and scheduled (maintenance summaries).
    pub maintenance_active: Value,
    pub maintenance_upcoming: Value,
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
pub(crate) struct ComponentsPage {
    pub groups: Value,
    pub ungrouped: Value,
}

/// `component.html`: one component.
#[derive(Serialize)]
pub(crate) struct ComponentPage {
    pub component: Value,
    pub incidents_by_year: Value,
    pub maintenance: Value,
}

/// `maintenance.html`: one scheduled maintenance.
#[derive(Serialize)]
pub(crate) struct MaintenancePage<'a, M: Serialize> {
    pub maintenance: &'a M,
}

/// `stats.html`.
#[derive(Serialize)]
pub(crate) struct StatsPage {
    pub stats: Value,
}

/// `404.html`: nothing but the globals and `page`.
#[derive(Serialize)]
pub(crate) struct NotFoundPage {}
