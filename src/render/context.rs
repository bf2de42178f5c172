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

use crate::util::markdown;
use crate::util::timefmt::{DurationView, TimeView};
use serde::Serialize;
use tera::Value;

/// `page`: what every page knows about itself.
#[derive(Serialize)]
pub struct PageView<'a> {
    /// The page kind: `index`, `incident`, `history`, `history_year`, `components`,
    /// `component`, `maintenance`, `stats`, `factors`, `factor`, `actions`, `severities`,
    /// `severity`, `search`, `embed` or `404`.
    pub kind: &'static str,
    pub title: &'a str,
    /// Root-relative, with the base path.
    pub path: String,
    /// Absolute, with the base URL.
    pub permalink: String,
    /// What link previews say about the page (OpenGraph and Twitter tags;
    /// docs/link-previews.md).
    pub meta: MetaView,
}

/// `page.meta`: a page's link-preview metadata.
#[derive(Serialize, Clone)]
pub struct MetaView {
    /// The page's own summary (an incident's, a maintenance's, a component's description), else
    /// the site's description, else a sentence naming the site; whitespace collapsed, at most
    /// 200 characters, cut at a word with `…`.
    pub description: String,
    /// `og:type`: `article` for an incident, else `website`.
    pub og_type: &'static str,
    /// An incident's publication and last update (`article:published_time`,
    /// `article:modified_time`): RFC 3339 in UTC, as its feed entry has them.
    pub published: Option<String>,
    pub modified: Option<String>,
    /// The social card (`og:image`): the incident's own, else the site's; none with
    /// `[social] cards = false`.
    pub image: Option<ImageView>,
}

/// A social card image.
#[derive(Serialize, Clone)]
pub struct ImageView {
    /// Absolute.
    pub url: String,
    pub width: u32,
    pub height: u32,
    /// Its text alternative: what the card shows.
    pub alt: String,
}

/// A link to another page.
#[derive(Serialize, Clone)]
pub struct LinkView<'a> {
    pub title: &'a str,
    pub path: String,
}

/// `index.html`: the status overview.
#[derive(Serialize)]
pub struct HomePage<'a> {
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
pub struct HomeStatus<'a> {
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
pub struct IncidentPage<'a> {
    /// The incident's summary and page fields together.
    pub incident: Value,
    /// The next newer incident, if any.
    pub next: Option<LinkView<'a>>,
    /// The next older incident, if any.
    pub prev: Option<LinkView<'a>>,
    /// Incidents and maintenance related to this one, whichever file names the other, newest
    /// first (only those being built: an unpublished one only with drafts).
    pub related: Vec<RelatedView<'a>>,
}

/// A related incident or maintenance.
#[derive(Serialize)]
pub struct RelatedView<'a> {
    pub title: &'a str,
    pub path: String,
    /// `incident` or `maintenance`.
    pub kind: &'static str,
    /// When it started (a maintenance: its window's start).
    pub started: TimeView,
    /// Its review state id: `draft`, `in_review` or `published`.
    pub review_state: &'static str,
}

/// `history.html`: the archive's front page.
#[derive(Serialize)]
pub struct HistoryPage<'a> {
    /// Every year with its count, path and months, newest first (`Vec<HistoryYearView>`,
    /// made once and shared with every year page).
    pub years: Value,
    /// The latest `render::HISTORY_RECENT` incidents grouped by month.
    pub months: Vec<MonthGroup<'a>>,
    /// How many incidents the site has.
    pub total: usize,
}

/// `history_year.html`: one page of a year.
#[derive(Serialize)]
pub struct HistoryYearPage<'a> {
    pub year: YearRef,
    /// This page's incidents grouped by month.
    pub months: Vec<MonthGroup<'a>>,
    pub pagination: Pagination,
    /// Every year, as on `history.html`.
    pub years: Value,
}

/// Consecutive incidents of one month.
#[derive(Serialize)]
pub struct MonthGroup<'a> {
    /// `2024-10`.
    pub key: &'a str,
    /// `October 2024`.
    pub label: &'a str,
    /// Incident summaries, newest first.
    pub incidents: Vec<Value>,
}

/// A year in the archive's navigation.
#[derive(Serialize)]
pub struct HistoryYearView<'a> {
    pub year: i32,
    /// Incidents that started in the year (site time zone).
    pub count: usize,
    /// The year's first page.
    pub path: String,
    /// Its months, newest first.
    pub months: Vec<HistoryMonthView<'a>>,
}

/// A month in the archive's navigation.
#[derive(Serialize)]
pub struct HistoryMonthView<'a> {
    /// The year page holding the month's first incident, with `#month-<key>`.
    pub path: String,
    pub key: &'a str,
    pub label: &'a str,
    pub count: usize,
}

/// The year a year page shows.
#[derive(Serialize)]
pub struct YearRef {
    pub year: i32,
    pub count: usize,
    /// The year's first page.
    pub path: Option<String>,
}

/// A year's pages.
#[derive(Serialize)]
pub struct Pagination {
    /// This page's number, from 1.
    pub current: usize,
    pub total_pages: usize,
    /// The previous and next page, if any.
    pub prev_path: Option<String>,
    pub next_path: Option<String>,
    pub pages: Vec<PageLink>,
}

/// One page of a year in the pagination.
#[derive(Serialize)]
pub struct PageLink {
    pub number: usize,
    pub path: Option<String>,
    /// Whether it is the page shown.
    pub current: bool,
}

/// `components.html`.
#[derive(Serialize)]
pub struct ComponentsPage<'a> {
    /// As on the home page ([`HomeStatus`]).
    pub groups: &'a [GroupView<'a>],
    pub ungrouped: &'a [Value],
    /// How to embed the site's status badge and card elsewhere (no uptime badge).
    pub embed: &'a EmbedSnippets,
}

/// `component.html`: one component.
#[derive(Serialize)]
pub struct ComponentPage {
    /// The component's summary with its time-to-resolve `stats` (`d90`, `d365`).
    pub component: Value,
    /// Its incidents by the year (site time zone) they started, newest first.
    pub incidents_by_year: Vec<YearView>,
    pub maintenance: ComponentMaintenanceView,
    /// How to embed the component's badges and card elsewhere.
    pub embed: EmbedSnippets,
}

/// `embed.html`: a status card for an `<iframe>` on another site, the site's (`/embed/`) or a
/// component's (`/components/<id>/embed/`).
#[derive(Serialize)]
pub struct EmbedPage<'a> {
    pub card: CardView<'a>,
}

/// What a status card shows. Its links are absolute: the card opens them in a new tab.
#[derive(Serialize)]
pub struct CardView<'a> {
    /// The component's display name, for a component's card.
    pub component: Option<&'a str>,
    /// The state id (`operational`, `under_maintenance` or a level): for the site, the worst
    /// of any visible component, as `overall` on the home page.
    pub state: &'static str,
    /// Its label: the state's, or `All systems operational` on the site's card, as on the
    /// home page.
    pub label: String,
    /// The incidents and maintenance causing the state, as on the home page or the component
    /// page.
    pub incidents: Vec<CardLinkView<'a>>,
    /// The full status page: the home page, or the component's page (absolute).
    pub status_url: String,
    /// The home page (absolute).
    pub site_url: String,
}

/// An incident or maintenance on a status card.
#[derive(Serialize)]
pub struct CardLinkView<'a> {
    pub title: &'a str,
    /// Absolute.
    pub permalink: String,
    pub maintenance: bool,
}

/// Absolute URLs and copyable snippets to embed a status badge and card (docs/badges.md).
/// Each `*_markdown` and `*_html` is text to show in a code block (templates escape it).
#[derive(Serialize, Debug, Clone, PartialEq)]
pub struct EmbedSnippets {
    /// The status badge (`badge.svg`).
    pub badge: String,
    pub badge_markdown: String,
    pub badge_html: String,
    /// The 90-day uptime badge (`uptime.svg`), for a component.
    pub uptime: Option<String>,
    pub uptime_markdown: Option<String>,
    pub uptime_html: Option<String>,
    /// The shields.io endpoint JSON (`shields.json`), and a Markdown image of the badge
    /// shields.io draws from it.
    pub shields: String,
    pub shields_markdown: String,
    /// The status card (`embed/`), and an `<iframe>` showing it.
    pub card: String,
    pub card_html: String,
}

/// `maintenance.html`: one scheduled maintenance.
#[derive(Serialize)]
pub struct MaintenancePage<'a, M: Serialize> {
    pub maintenance: &'a M,
}

/// `stats.html`.
#[derive(Serialize)]
pub struct StatsPage<'a> {
    pub stats: StatsView<'a>,
}

/// `factors.html`: every contributing factor of the site.
#[derive(Serialize)]
pub struct FactorsPage<'a> {
    /// The years with incidents (site time zone), oldest first: the columns of each
    /// factor's `per_year`.
    pub years: &'a [i32],
    /// Every factor, in site.toml's order (those no incident names too).
    pub factors: &'a [FactorView<'a>],
}

/// `factor.html`: one page of a factor's incidents.
#[derive(Serialize)]
pub struct FactorPage<'a> {
    pub factor: &'a FactorView<'a>,
    /// This page's incidents, newest first: `{incident: IncidentSummary, note_html}`.
    pub incidents: Vec<FactorIncidentView>,
    pub pagination: Pagination,
}

/// A contributing factor across the archive.
#[derive(Serialize)]
pub struct FactorView<'a> {
    pub id: &'a str,
    pub name: &'a str,
    /// The site's description, rendered inline (may be empty).
    pub description_html: String,
    /// Its page.
    pub path: String,
    /// Incidents it contributed to.
    pub count: usize,
    /// One per year with incidents, oldest first.
    pub per_year: Vec<YearCount>,
}

/// A count in one year.
#[derive(Serialize)]
pub struct YearCount {
    pub year: i32,
    pub count: usize,
}

/// An incident a factor contributed to, with what the factor was there.
#[derive(Serialize)]
pub struct FactorIncidentView {
    /// IncidentSummary.
    pub incident: Value,
    /// The incident's note for the factor, rendered inline (may be empty).
    pub note_html: String,
}

/// `actions.html`: the register of every action item.
#[derive(Serialize)]
pub struct ActionsPage<'a> {
    pub summary: ActionSummaryView,
    /// Open items first (overdue, then by due date, undated last), then closed ones (latest
    /// closed first).
    pub items: Vec<ActionRowView<'a>>,
    /// Owners by name, "No owner" last.
    pub owners: Vec<OwnerView<'a>>,
}

/// The register's numbers.
#[derive(Serialize)]
pub struct ActionSummaryView {
    pub total: usize,
    pub open: usize,
    pub overdue: usize,
    /// Done or won't do.
    pub closed: usize,
    /// `closed` in percent of `total`, rounded down (null without items).
    pub closed_percent: Option<usize>,
    /// Median days from the incident's resolution (local date) to `closed`, over the closed
    /// items with a `closed` date whose incident is resolved; how many those are.
    pub close_median_days: Option<i64>,
    pub close_samples: usize,
}

/// One action item in the register.
#[derive(Serialize)]
pub struct ActionRowView<'a> {
    pub title: &'a str,
    /// Through `escape::url`.
    pub link: Option<String>,
    /// Empty when nobody owns it.
    pub owner: &'a str,
    /// The `id` of its owner's section (`owner-<slug>`).
    pub owner_anchor: &'a str,
    pub status: &'static str,
    pub status_label: String,
    /// Open or in progress.
    pub open: bool,
    pub due: Option<DueView>,
    pub closed: Option<DueView>,
    /// Open and due before today (site time zone).
    pub overdue: bool,
    pub incident: LinkView<'a>,
}

/// One owner's items.
#[derive(Serialize)]
pub struct OwnerView<'a> {
    /// Empty for items without an owner.
    pub owner: &'a str,
    /// The owner, or `No owner`.
    pub label: &'a str,
    /// The `id` of the owner's section: `owner-<slug>` (made unique).
    pub anchor: String,
    pub open: usize,
    pub overdue: usize,
    pub closed: usize,
    pub total: usize,
    /// Positions of the owner's items in the page's `items`, in its order.
    pub items: Vec<usize>,
}

/// `severities.html`: every severity.
#[derive(Serialize)]
pub struct SeveritiesPage<'a> {
    pub severities: &'a [SeverityPageView],
}

/// `severity.html`: one page of a severity's incidents.
#[derive(Serialize)]
pub struct SeverityPage<'a> {
    pub severity: &'a SeverityPageView,
    /// This page's incidents, newest first (IncidentSummaries).
    pub incidents: Vec<Value>,
    pub pagination: Pagination,
}

/// A severity across the archive.
#[derive(Serialize)]
pub struct SeverityPageView {
    /// `{id, name, color, text_color, level, level_label}`, as in `severities`.
    #[serde(flatten)]
    pub severity: SeverityView,
    /// The site's description, rendered inline (may be empty).
    pub description_html: String,
    /// Its first page.
    pub path: String,
    pub count: usize,
    /// Time to resolve of its resolved incidents.
    pub resolve: PercentilesView,
}

/// `404.html`: nothing but the globals and `page`.
/// `search.html`: the search page. The results come from the index under `search/`, read
/// by `search.js` in the browser.
#[derive(Serialize)]
pub struct SearchPage {
    /// The facets with at least one value, in order: component, severity, year, contributing
    /// factor, status.
    pub facets: Vec<FacetView>,
}

#[derive(Serialize, Hash)]
pub struct FacetView {
    /// `component`, `severity`, `year`, `factor` or `status`: the form field's name.
    pub id: &'static str,
    /// Its heading: "Component", "Severity", … (in the site's language)
    pub name: String,
    pub values: Vec<FacetValueView>,
}

#[derive(Serialize, Hash)]
pub struct FacetValueView {
    /// The id searched for (a component id, a year, `ongoing`).
    pub value: String,
    /// The name shown.
    pub label: String,
    /// Incidents in the index with this value.
    pub count: usize,
}

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
    pub language: &'a str,
    /// `ltr` or `rtl`: the language's writing direction, for `<html dir>`.
    pub dir: &'static str,
    pub generator: String,
    /// Whether the site has search (`[search] enabled`): the header's search box and
    /// `/search/`.
    pub search: bool,
    /// `noindex = true`: every page carries `<meta name="robots" content="noindex">`.
    pub noindex: bool,
}

#[derive(Serialize, Clone)]
pub struct SeverityView {
    pub id: String,
    pub name: String,
    pub color: String,
    pub text_color: &'static str,
    pub level: &'static str,
    pub level_label: String,
}

#[derive(Serialize)]
pub struct ComponentView<'a> {
    pub id: &'a str,
    /// As site.toml gives it.
    pub name: &'a str,
    /// The name pages show: `name`, qualified with the group where two visible components
    /// share a name ("Dashboard (EU)").
    pub display_name: &'a str,
    pub description: &'a str,
    pub group: Option<&'a str>,
}

#[derive(Serialize)]
pub struct ComponentLevelView<'a> {
    pub id: &'a str,
    /// The display name (qualified with the group where two components share a name).
    pub name: &'a str,
    pub path: String,
    pub level: &'static str,
    pub level_label: String,
}

#[derive(Serialize)]
pub struct StatusView {
    pub id: &'static str,
    pub label: String,
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
    /// The review state id: `draft`, `in_review` or `published`.
    pub review_state: &'static str,
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
    pub label: String,
    pub at: TimeView,
    /// `+3h`: from the incident's start; null where either time is not exact.
    pub offset: Option<String>,
    pub message_html: String,
}

/// A stretch of the timeline as the incident page shows it ([`crate::model::runs`]): one
/// entry, or a run of identical entries collapsed into one.
#[derive(Serialize)]
pub struct RunView {
    /// The index of its first entry in `timeline`.
    pub start: usize,
    /// One past the index of its last entry.
    pub end: usize,
    /// How many entries: 1, or [`crate::model::runs::MIN_RUN`] or more for a collapsed run.
    pub count: usize,
    /// Whether it is a collapsed run.
    pub collapsed: bool,
    /// Whether its first and last entries fall on the same local date, in the same zone
    /// abbreviation (the span then shows times only); always true for one entry.
    pub same_day: bool,
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
    pub status_label: String,
    pub due: Option<DueView>,
    /// When a done or dropped item was closed.
    pub closed: Option<DueView>,
    pub link: Option<String>,
}

/// An incident's page view, less its summary, which [`prepare_data`] adds.
#[derive(Serialize)]
pub struct IncidentView<'a> {
    pub detected_by: Option<&'a str>,
    pub detected: Option<TimeView>,
    pub time_to_detect: Option<DurationView>,
    /// The zone the file was written in (its `timezone`), where it is not the site's: its
    /// times also show as posted there (each time view's `posted`). Null otherwise.
    pub posted_zone: Option<&'a str>,
    pub authors: &'a [String],
    pub timeline: Vec<EntryView>,
    /// The timeline in runs, in order, covering every entry once: what the page shows.
    pub runs: Vec<RunView>,
    /// Whether the page shows the timeline before the postmortem: site.toml's
    /// `[incident_page] order = "timeline-first"`, or no postmortem body yet.
    pub timeline_first: bool,
    pub body_html: &'a str,
    pub has_body: bool,
    pub toc: &'a [markdown::TocEntry],
    pub action_items: Vec<ActionView<'a>>,
    /// Where the postmortem is in its review.
    pub review: ReviewView<'a>,
    /// What set it off (inline Markdown), if written.
    pub trigger_html: Option<String>,
    /// How it was noticed: an entry of site.toml's `[[detection_methods]]`.
    pub detection: Option<TermView<'a>>,
    /// Contributing factors, in the order written.
    pub factors: Vec<IncidentFactorView<'a>>,
    /// Lessons learned; null when there are none.
    pub lessons: Option<LessonsView>,
    /// What customers felt, as written; null when nothing is written.
    pub customer_impact: Option<CustomerImpactView>,
    /// The visual timeline and its text alternative; null for a maintenance.
    pub chart: Option<TimelineChartView>,
}

/// The review of a postmortem.
#[derive(Serialize)]
pub struct ReviewView<'a> {
    /// `draft`, `in_review` or `published`.
    pub state: &'static str,
    /// `Draft`, `In review`, `Published`.
    pub label: String,
    pub reviewers: &'a [String],
    /// When it went into review, or was published.
    pub date: Option<DueView>,
}

/// An entry of a site-level list (`[[detection_methods]]`).
#[derive(Serialize)]
pub struct TermView<'a> {
    pub id: &'a str,
    pub name: &'a str,
}

/// A contributing factor.
#[derive(Serialize)]
pub struct IncidentFactorView<'a> {
    pub id: &'a str,
    /// Its name in site.toml's `[[factors]]`.
    pub name: &'a str,
    /// The factor's page, `factors/<id>/`.
    pub path: String,
    /// What it was here (inline Markdown); empty when not written.
    pub note_html: String,
}

/// Lessons, each rendered inline Markdown.
#[derive(Serialize)]
pub struct LessonsView {
    pub went_well: Vec<String>,
    pub went_wrong: Vec<String>,
    pub lucky: Vec<String>,
}

/// Customer impact, formatted as written: counts with thousands separators (`48,000`), the
/// error rate as written with ` %` (`12.5 %`); null where not written.
#[derive(Serialize)]
pub struct CustomerImpactView {
    pub users: Option<String>,
    pub customers: Option<String>,
    pub requests: Option<String>,
    pub error_rate: Option<String>,
    /// Inline Markdown; empty when not written.
    pub note_html: String,
}

/// The visual timeline: an inline SVG drawn at build time, and the same facts as data for its
/// text alternative.
#[derive(Serialize)]
pub struct TimelineChartView {
    /// The `<svg role="img">` with its `<title>` and `<desc>`, every text escaped.
    pub svg_html: String,
    /// The same as text, every time in full: a paragraph with the span and detection and a
    /// table of phases (escaped HTML, made with the SVG: with `windows_html` it must say
    /// exactly what the chart draws).
    pub alt_html: String,
    /// The rest of the text alternative, shown beside the chart rather than folded away: a
    /// table of each component's windows (component, level, from, to, duration); empty when
    /// no component is drawn.
    pub windows_html: String,
}

// Status pages

/// `overall` on the home page.
#[derive(Serialize)]
pub struct OverallView<'a> {
    /// The worst state of any visible component: a state id (`operational`,
    /// `under_maintenance` or a level).
    pub state: &'static str,
    /// Its label; `All systems operational` when operational.
    pub label: String,
    /// The incidents and maintenance causing it, by slug.
    pub incidents: Vec<LinkView<'a>>,
}

/// A component group with its visible members (groups with none are left out).
#[derive(Serialize)]
pub struct GroupView<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub description: &'a str,
    /// The members' component summaries, in site order.
    pub components: Vec<Value>,
}

/// One year of a component's incidents.
#[derive(Serialize)]
pub struct YearView {
    pub year: i32,
    /// Incident summaries, newest first.
    pub incidents: Vec<Value>,
}

/// A component page's maintenance (maintenance summaries).
#[derive(Serialize)]
pub struct ComponentMaintenanceView {
    /// In progress, soonest first.
    pub active: Vec<Value>,
    /// Not started yet, soonest first.
    pub upcoming: Vec<Value>,
    /// The latest ten that have ended, latest first.
    pub recent: Vec<Value>,
}

/// `stats` on `stats.html`.
#[derive(Serialize)]
pub struct StatsView<'a> {
    /// What one entry of `months` covers: `month`, `quarter` (over ten years of history) or
    /// `year` (over forty).
    pub period: &'static str,
    /// From the period of the oldest incident (at least twelve months back) to now's, oldest
    /// first.
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
    /// The years with incidents, oldest first, and every factor's count in each.
    pub factor_years: &'a [i32],
    pub per_factor: &'a [FactorView<'a>],
    /// Time to resolve by severity, in site order.
    pub resolve_by_severity: &'a [SeverityPageView],
}

/// One period's incidents by severity.
#[derive(Serialize)]
pub struct MonthView<'a> {
    /// `2024-04` (the period's first month).
    pub key: String,
    /// `Apr 2024`, `Q2 2024` or `2024`.
    pub label: String,
    pub total: usize,
    /// One per severity of the site, in its order.
    pub counts: Vec<CountView<'a>>,
}

/// A month's count of one severity.
#[derive(Serialize)]
pub struct CountView<'a> {
    /// The severity's id, name and color.
    pub severity: &'a str,
    pub name: &'a str,
    pub color: &'a str,
    pub count: usize,
}

/// The monthly chart's geometry, in SVG user units.
#[derive(Serialize)]
pub struct ChartView<'a> {
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

/// One period's bar.
#[derive(Serialize)]
pub struct ChartBar<'a> {
    pub x: i64,
    pub width: i64,
    /// `Apr 2024`, `Q2 2024` or `2024`, as in `months`.
    pub label: String,
    /// The text under the bar (`Apr`), when bars are wide enough for one each.
    pub tick: Option<String>,
    /// The year written under the bar (on the first bar and each year's first), thinned out
    /// so labels do not overlap.
    pub year: Option<String>,
    pub total: usize,
    /// Stacked from the baseline up, one per severity with incidents, in the site's order.
    pub segments: Vec<SegmentView<'a>>,
}

/// One severity's part of a bar (at least 1 high).
#[derive(Serialize)]
pub struct SegmentView<'a> {
    pub y: i64,
    pub height: i64,
    pub color: &'a str,
    /// The severity's name.
    pub severity: &'a str,
    pub count: usize,
}

/// A label on the chart's y axis.
#[derive(Serialize)]
pub struct TickView {
    pub y: i64,
    pub value: usize,
}

/// Median, 75th and 90th percentile of a duration (nearest rank).
#[derive(Serialize)]
pub struct PercentilesView {
    /// How many incidents have the duration.
    pub samples: usize,
    pub median: Option<DurationView>,
    pub p75: Option<DurationView>,
    pub p90: Option<DurationView>,
}

/// A component's number of incidents.
#[derive(Serialize)]
pub struct ComponentCountView<'a> {
    pub id: &'a str,
    pub name: &'a str,
    /// Its page.
    pub path: String,
    pub count: usize,
}

/// An open action item with its incident.
#[derive(Serialize)]
pub struct OpenActionView<'a> {
    pub title: &'a str,
    pub owner: &'a str,
    /// `open` or `in_progress`, and its label.
    pub status: &'static str,
    pub status_label: String,
    pub due: Option<DueView>,
    /// The link, through `escape::url`.
    pub link: Option<String>,
    /// Due before today (site time zone).
    pub overdue: bool,
    pub incident: LinkView<'a>,
}
