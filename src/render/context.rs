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

use crate::markdown;
use crate::timefmt::{DurationView, TimeView};
use serde::Serialize;
use tera::Value;

/// `page`: what every page knows about itself.
#[derive(Serialize)]
pub struct PageView<'a> {
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
pub struct LinkView<'a> {
    pub title: &'a str,
    pub path: String,
}

/// `index.html`: the status overview.
#[derive(Serialize)]
pub struct HomePage {
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
pub struct HomeStatus {
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
pub struct IncidentPage<'a> {
    /// The incident's summary and page fields together.
    pub incident: Value,
    /// The next newer incident, if any.
    pub next: Option<LinkView<'a>>,
    /// The next older incident, if any.
    pub prev: Option<LinkView<'a>>,
}

/// `history.html`: the archive's front page.
#[derive(Serialize)]
pub struct HistoryPage {
    /// Every year with its count, path and months.
    pub years: Value,
    /// The latest `render::HISTORY_RECENT` incidents grouped by month.
    pub months: Value,
    pub total: usize,
}

/// `history_year.html`: one page of a year.
#[derive(Serialize)]
pub struct HistoryYearPage {
    pub year: Value,
    /// This page's incidents grouped by month.
    pub months: Value,
    pub pagination: Value,
    /// Every year, as on `history.html`.
    pub years: Value,
}

/// `components.html`.
#[derive(Serialize)]
pub struct ComponentsPage {
    pub groups: Value,
    pub ungrouped: Value,
}

/// `component.html`: one component.
#[derive(Serialize)]
pub struct ComponentPage {
    pub component: Value,
    pub incidents_by_year: Value,
    pub maintenance: Value,
}

/// `maintenance.html`: one scheduled maintenance.
#[derive(Serialize)]
pub struct MaintenancePage<'a, M: Serialize> {
    pub maintenance: &'a M,
}

/// `stats.html`.
#[derive(Serialize)]
pub struct StatsPage {
    pub stats: Value,
}

/// `404.html`: nothing but the globals and `page`.
#[derive(Serialize)]
pub struct NotFoundPage {}

/// The globals every page sees.
#[derive(Serialize)]
pub struct Globals<'a> {
    pub site: SiteView<'a>,
    pub build: BuildView,
    /// Every severity, in site.toml's order.
    pub severities: Vec<SeverityView>,
    /// Every component, in site.toml's order (hidden ones too).
    pub components: Vec<ComponentView<'a>>,
}

/// `build`: about this build.
#[derive(Serialize)]
pub struct BuildView {
    /// The build's `--now`, in the site's time zone.
    pub now: TimeView,
    /// Whether drafts are built.
    pub drafts: bool,
}

// Views shared by several pages.

#[derive(Serialize)]
pub struct SiteView<'a> {
    pub title: &'a str,
    pub description: &'a str,
    pub base_url: &'a str,
    pub base_path: &'a str,
    pub timezone: &'a str,
    pub language: &'static str,
    pub generator: String,
}

#[derive(Serialize, Clone)]
pub struct SeverityView {
    pub id: String,
    pub name: String,
    pub color: String,
    pub text_color: &'static str,
    pub level: &'static str,
    pub level_label: &'static str,
}

#[derive(Serialize)]
pub struct ComponentView<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub description: &'a str,
    pub group: Option<&'a str>,
}

#[derive(Serialize)]
pub struct ComponentLevelView<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub path: String,
    pub level: &'static str,
    pub level_label: &'static str,
}

#[derive(Serialize)]
pub struct StatusView {
    pub id: &'static str,
    pub label: &'static str,
}

/// The list view of an incident, less the parts [`Shared`] holds (`severity`, `status`,
/// `components`), which [`summary_value`] adds.
#[derive(Serialize)]
pub struct SummaryOwn<'a> {
    pub slug: &'a str,
    pub title: &'a str,
    pub summary: &'a str,
    pub path: String,
    pub permalink: String,
    pub draft: bool,
    pub ongoing: bool,
    pub started: TimeView,
    pub resolved: Option<TimeView>,
    pub duration: Option<DurationView>,
    pub ongoing_for: Option<DurationView>,
    pub tags: &'a [String],
}

#[derive(Serialize)]
pub struct EntryView {
    pub status: &'static str,
    pub label: &'static str,
    pub at: TimeView,
    pub offset: String,
    pub message_html: String,
}

#[derive(Serialize)]
pub struct DueView {
    pub iso: String,
    pub display: String,
}

#[derive(Serialize)]
pub struct ActionView<'a> {
    pub title: &'a str,
    pub owner: &'a str,
    pub status: &'static str,
    pub status_label: &'static str,
    pub due: Option<DueView>,
    pub link: Option<String>,
}

/// An incident's page view, less its summary, which [`prepare_data`] adds.
#[derive(Serialize)]
pub struct IncidentView<'a> {
    pub detected_by: Option<&'a str>,
    pub detected: Option<TimeView>,
    pub time_to_detect: Option<DurationView>,
    pub authors: &'a [String],
    pub timeline: Vec<EntryView>,
    pub body_html: &'a str,
    pub has_body: bool,
    pub toc: &'a [markdown::TocEntry],
    pub action_items: Vec<ActionView<'a>>,
}
