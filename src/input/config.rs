//! site.toml: the site's settings, strictly checked (every unknown key is an error).

use crate::diag::{codes, Diagnostic, SourceMap};
use crate::input::tomlx::{self, Schema, Spanned};
use crate::model::{Level, Weights};
use chrono_tz::Tz;
use serde::Deserialize;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

pub mod notify;
pub use notify::NotifyChannel;

pub const FILE_NAME: &str = "site.toml";

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    title: Spanned<String>,
    base_url: Spanned<String>,
    #[serde(default)]
    description: String,
    timezone: Option<Spanned<String>>,
    language: Option<Spanned<String>>,
    theme: Option<Spanned<String>>,
    #[serde(default)]
    groups: Vec<RawGroup>,
    #[serde(default)]
    components: Vec<RawComponent>,
    severities: Option<Vec<RawSeverity>>,
    factors: Option<Vec<RawTerm>>,
    detection_methods: Option<Vec<RawTerm>>,
    uptime: Option<RawUptime>,
    feeds: Option<RawFeeds>,
    check: Option<RawCheck>,
    search: Option<RawSearch>,
    incident_page: Option<RawIncidentPage>,
    #[serde(default)]
    noindex: bool,
    social: Option<RawSocial>,
    #[serde(default)]
    notify: Vec<notify::RawNotify>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSocial {
    cards: Option<bool>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSearch {
    enabled: Option<bool>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawIncidentPage {
    order: Option<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCheck {
    postmortem_after_days: Option<Spanned<i64>>,
    review_after_days: Option<Spanned<i64>>,
}

/// An entry of a site-level list incidents point at by id: `[[factors]]`,
/// `[[detection_methods]]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTerm {
    id: Spanned<String>,
    name: Spanned<String>,
    #[serde(default)]
    description: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFeeds {
    limit: Option<Spanned<i64>>,
    site_content: Option<Spanned<String>>,
    component_content: Option<Spanned<String>>,
    full_entries: Option<Spanned<i64>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawGroup {
    id: Spanned<String>,
    name: Spanned<String>,
    #[serde(default)]
    description: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawUptime {
    major_outage: Option<Spanned<f64>>,
    partial_outage: Option<Spanned<f64>>,
    degraded_performance: Option<Spanned<f64>>,
    decimals: Option<Spanned<i64>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawComponent {
    id: Spanned<String>,
    name: Spanned<String>,
    #[serde(default)]
    description: String,
    group: Option<Spanned<String>>,
    since: Option<Spanned<crate::input::tomlx::Datetime>>,
    #[serde(default)]
    hidden: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSeverity {
    id: Spanned<String>,
    name: Spanned<String>,
    color: Spanned<String>,
    level: Spanned<String>,
    impact: Option<Spanned<String>>,
    #[serde(default)]
    description: String,
}

static COMPONENT_KEYS: Schema = Schema::of::<RawComponent>(&[]);
static GROUP_KEYS: Schema = Schema::of::<RawGroup>(&[]);
static UPTIME_KEYS: Schema = Schema::of::<RawUptime>(&[]);
static SEVERITY_KEYS: Schema = Schema::of::<RawSeverity>(&[]);
static TERM_KEYS: Schema = Schema::of::<RawTerm>(&[]);
static FEEDS_KEYS: Schema = Schema::of::<RawFeeds>(&[]);
static CHECK_KEYS: Schema = Schema::of::<RawCheck>(&[]);
static SEARCH_KEYS: Schema = Schema::of::<RawSearch>(&[]);
static INCIDENT_PAGE_KEYS: Schema = Schema::of::<RawIncidentPage>(&[]);
static SOCIAL_KEYS: Schema = Schema::of::<RawSocial>(&[]);
static NOTIFY_KEYS: Schema = Schema::of::<notify::RawNotify>(&[]);
static SCHEMA: Schema = Schema::of::<RawConfig>(&[
    ("groups", &GROUP_KEYS),
    ("components", &COMPONENT_KEYS),
    ("severities", &SEVERITY_KEYS),
    ("factors", &TERM_KEYS),
    ("detection_methods", &TERM_KEYS),
    ("uptime", &UPTIME_KEYS),
    ("feeds", &FEEDS_KEYS),
    ("check", &CHECK_KEYS),
    ("search", &SEARCH_KEYS),
    ("incident_page", &INCIDENT_PAGE_KEYS),
    ("social", &SOCIAL_KEYS),
    ("notify", &NOTIFY_KEYS),
]);

/// The validated site configuration.
#[derive(Debug, Clone, Hash)]
pub struct Config {
    /// The folder holding site.toml.
    pub root: PathBuf,
    pub title: String,
    /// Absolute, always ending with `/`.
    pub base_url: String,
    pub description: String,
    pub timezone: Tz,
    /// The BCP 47 tag of the language pages are written in (`en` unless site.toml says).
    pub language: String,
    /// Whether site.toml lists `[[severities]]`, `[[factors]]` and `[[detection_methods]]`;
    /// where it does not, their names and descriptions are the theme's, in the site's language.
    pub declared: Declared,
    pub theme: String,
    /// Where `theme` is set in site.toml: line, column and length (`None`: not set).
    pub theme_at: Option<(usize, usize, usize)>,
    pub groups: Vec<Group>,
    pub components: Vec<Component>,
    pub severities: Vec<Severity>,
    /// The contributing-factor taxonomy (`[[factors]]`, else [`default_factors`]).
    pub factors: Vec<Term>,
    /// How incidents get noticed (`[[detection_methods]]`, else [`default_detection_methods`]).
    pub detection_methods: Vec<Term>,
    pub uptime: UptimeConfig,
    /// Entries per feed (`[feeds] limit`).
    pub feed_limit: usize,
    /// What each feed's entries carry (`[feeds] site_content`, `component_content`,
    /// `full_entries`).
    pub feed_content: FeedContentConfig,
    pub check: CheckConfig,
    /// Whether the site has a search page and index (`[search] enabled`, default true).
    pub search: bool,
    /// `[incident_page]`: how the incident page is laid out.
    pub incident_page: IncidentPageConfig,
    /// `noindex = true`: every page asks search engines not to index it, and `robots.txt`
    /// disallows the site (default false).
    pub noindex: bool,
    /// Whether social card images are rendered (`[social] cards`, default true):
    /// docs/link-previews.md.
    pub social_cards: bool,
    /// `[[notify]]`: where `afterword notify` sends (docs/notify.md); nothing renders it.
    pub notify: Vec<NotifyChannel>,
}

/// `[incident_page]`.
#[derive(Debug, Clone, Copy, Default, Hash)]
pub struct IncidentPageConfig {
    /// `order`: where the update log goes.
    pub order: PageOrder,
}

/// `[incident_page] order`: where an incident page puts its full update log (the timeline).
/// Both put the summary box (facts, affected components, contributing factors, the course of
/// the incident) and the contents first; an incident with no postmortem body yet shows its
/// timeline right after them either way (it is all there is to read).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum PageOrder {
    /// `postmortem-first` (the default): the postmortem, lessons and action items, then the
    /// timeline, so a reader reaches the postmortem without scrolling past a long update log.
    #[default]
    PostmortemFirst,
    /// `timeline-first`: the timeline, then the postmortem.
    TimelineFirst,
}

impl PageOrder {
    pub const IDS: &'static [&'static str] = &["postmortem-first", "timeline-first"];

    pub fn parse(s: &str) -> Option<PageOrder> {
        match s {
            "postmortem-first" => Some(PageOrder::PostmortemFirst),
            "timeline-first" => Some(PageOrder::TimelineFirst),
            _ => None,
        }
    }
}

/// `[check]`: thresholds of the warnings.
#[derive(Debug, Clone, Copy, Hash)]
pub struct CheckConfig {
    /// Warn about a resolved incident with no postmortem after this many days.
    pub postmortem_after_days: i64,
    /// Warn about a postmortem still in review after this many days.
    pub review_after_days: i64,
}

impl Default for CheckConfig {
    fn default() -> Self {
        CheckConfig {
            postmortem_after_days: 7,
            review_after_days: 14,
        }
    }
}

/// Entries per feed when site.toml does not say.
pub const DEFAULT_FEED_LIMIT: usize = 50;

/// What a feed's entries carry (`[feeds] site_content` and `component_content`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FeedContent {
    /// `full`: the newest [`FeedContentConfig::full_entries`] entries carry everything (facts,
    /// every update, the postmortem, the lessons); older ones the lean form.
    Full,
    /// `summary`: every entry the lean form: summary, current status, latest update and a link.
    Summary,
}

impl FeedContent {
    pub const IDS: &'static [&'static str] = &["full", "summary"];

    pub fn parse(s: &str) -> Option<FeedContent> {
        match s {
            "full" => Some(FeedContent::Full),
            "summary" => Some(FeedContent::Summary),
            _ => None,
        }
    }
}

/// `[feeds]` content settings. The defaults keep polled feeds small: the site feed carries
/// full content for its newest 10 entries, component feeds the lean form only.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct FeedContentConfig {
    /// `site_content` (default `full`).
    pub site: FeedContent,
    /// `component_content` (default `summary`).
    pub components: FeedContent,
    /// `full_entries` (default 10, 0 to 10000): how many of the newest entries of a `full`
    /// feed carry full content.
    pub full_entries: usize,
}

impl Default for FeedContentConfig {
    fn default() -> Self {
        FeedContentConfig {
            site: FeedContent::Full,
            components: FeedContent::Summary,
            full_entries: DEFAULT_FULL_ENTRIES,
        }
    }
}

/// `[feeds] full_entries` when site.toml does not say.
pub const DEFAULT_FULL_ENTRIES: usize = 10;

/// Statuspage's impact value set, which `/api/v2/` uses for incidents.
pub const IMPACTS: &[&str] = &["none", "minor", "major", "critical"];

#[derive(Debug, Clone, Hash)]
pub struct Group {
    pub id: String,
    pub name: String,
    pub description: String,
}

#[derive(Debug, Clone, Hash)]
pub struct Component {
    pub id: String,
    /// The name as site.toml gives it (the API's `name`).
    pub name: String,
    /// The name readers see on pages and in feeds: `name`, or, where another visible
    /// component has the same name (ignoring case), `name (Group)` — or `name (id)` when the
    /// group does not tell them apart. Made once, by [`display_names`].
    pub display_name: String,
    pub description: String,
    /// A group id.
    pub group: Option<String>,
    /// No uptime is counted before this date (midnight in the site zone).
    pub since: Option<chrono::NaiveDate>,
    /// Validated, listed nowhere.
    pub hidden: bool,
}

#[derive(Debug, Clone, Copy, Hash)]
pub struct UptimeConfig {
    pub weights: Weights,
    pub decimals: u32,
}

impl Default for UptimeConfig {
    fn default() -> Self {
        UptimeConfig {
            weights: Weights::default(),
            decimals: 2,
        }
    }
}

#[derive(Debug, Clone, Hash)]
pub struct Severity {
    pub id: String,
    pub name: String,
    pub color: String,
    pub level: Level,
    /// One of [`IMPACTS`]: the Statuspage impact an incident of this severity reports.
    pub impact: String,
    /// What the severity means, for readers (Markdown).
    pub description: String,
}

/// An entry of a site-level taxonomy: a contributing factor, a detection method.
#[derive(Debug, Clone, Hash)]
pub struct Term {
    pub id: String,
    pub name: String,
    /// Markdown.
    pub description: String,
}

impl Term {
    fn new(id: &str, name: &str, description: &str) -> Term {
        Term {
            id: id.into(),
            name: name.into(),
            description: description.into(),
        }
    }
}

/// The contributing factors a site has when site.toml lists none.
pub fn default_factors() -> Vec<Term> {
    vec![
        Term::new("change", "Change or deploy", "A code deploy, a migration, a feature flag or any other change rolled out to production."),
        Term::new("configuration", "Configuration", "A setting, limit, certificate or rule that was wrong, missing or out of date."),
        Term::new("capacity", "Capacity", "Load beyond what a system was provisioned or tested for: traffic, storage, connections, quotas."),
        Term::new("dependency", "Dependency", "A vendor, cloud provider, library or internal service we rely on failed or changed behaviour."),
        Term::new("hardware", "Hardware", "Disks, hosts, network gear, power or cooling."),
        Term::new("human-process", "Human process", "A runbook, handover, review or manual step that let the problem through or slowed the response."),
        Term::new("monitoring-gap", "Monitoring gap", "Alerting or dashboards that missed the problem, noticed it late or pointed the wrong way."),
        Term::new("security", "Security", "An attack, abuse or a vulnerability, or the response to one."),
        Term::new("unknown", "Unknown", "No contributing factor could be established."),
    ]
}

/// The detection methods a site has when site.toml lists none.
pub fn default_detection_methods() -> Vec<Term> {
    vec![
        Term::new(
            "monitoring-alert",
            "Monitoring alert",
            "An alert from our own monitoring paged someone.",
        ),
        Term::new(
            "synthetic-check",
            "Synthetic check",
            "A scripted probe from outside (an uptime or end-to-end check) failed.",
        ),
        Term::new(
            "customer-report",
            "Customer report",
            "A customer told us, through support or social media.",
        ),
        Term::new(
            "internal-report",
            "Internal report",
            "Someone on the team noticed it while working.",
        ),
        Term::new(
            "provider-notice",
            "Provider notice",
            "A vendor or upstream provider told us.",
        ),
    ]
}

/// Which site-level lists site.toml writes out (the rest are the defaults, named by the theme).
#[derive(Debug, Clone, Copy, Default, Hash)]
pub struct Declared {
    pub severities: bool,
    pub factors: bool,
    pub detection_methods: bool,
}

/// The language pages are written in when site.toml does not say.
pub const DEFAULT_LANGUAGE: &str = "en";

/// The impact a severity reports when site.toml does not map it: its id when that is a
/// Statuspage impact, else one step per level.
pub fn default_impact(id: &str, level: Level) -> &'static str {
    match IMPACTS.iter().find(|i| **i == id) {
        Some(i) => i,
        None => match level {
            Level::DegradedPerformance => "minor",
            Level::PartialOutage => "major",
            Level::MajorOutage => "critical",
        },
    }
}

impl Config {
    pub fn component(&self, id: &str) -> Option<&Component> {
        self.components.iter().find(|c| c.id == id)
    }
    pub fn severity(&self, id: &str) -> Option<&Severity> {
        self.severities.iter().find(|s| s.id == id)
    }
    pub fn factor(&self, id: &str) -> Option<&Term> {
        self.factors.iter().find(|s| s.id == id)
    }
    pub fn detection_method(&self, id: &str) -> Option<&Term> {
        self.detection_methods.iter().find(|s| s.id == id)
    }
    /// The level a severity puts components at (a major outage for an unknown id, which
    /// validation never lets through).
    pub fn severity_level(&self, id: &str) -> Level {
        self.severity(id).map_or(Level::MajorOutage, |s| s.level)
    }
    /// The path part of `base_url`: `/` or `/sub/path/`.
    pub fn base_path(&self) -> &str {
        let after_scheme = self.base_url.split_once("://").map_or("", |(_, r)| r);
        after_scheme.find('/').map_or("/", |i| &after_scheme[i..])
    }
}

pub fn default_severities() -> Vec<Severity> {
    vec![
        Severity {
            id: "minor".into(),
            name: "Minor".into(),
            color: "#d4a000".into(),
            level: Level::DegradedPerformance,
            impact: "minor".into(),
            description: "Some requests are slow or fail; most people can work.".into(),
        },
        Severity {
            id: "major".into(),
            name: "Major".into(),
            color: "#e8590c".into(),
            level: Level::PartialOutage,
            impact: "major".into(),
            description: "A feature or a region is down for some customers.".into(),
        },
        Severity {
            id: "critical".into(),
            name: "Critical".into(),
            color: "#c92a2a".into(),
            level: Level::MajorOutage,
            impact: "critical".into(),
            description: "The service is down, or data is at risk, for many customers.".into(),
        },
    ]
}

/// `[a-z0-9]+(-[a-z0-9]+)*`
pub fn is_valid_id(s: &str) -> bool {
    !s.is_empty()
        && s.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// Normalise a base URL: check the scheme and add the trailing slash.
pub fn normalize_base_url(url: &str) -> Result<String, String> {
    let url = url.trim();
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .ok_or_else(|| format!("base_url `{url}` must start with https:// or http://"))?;
    if rest.is_empty() || rest.starts_with('/') {
        return Err(format!("base_url `{url}` has no host"));
    }
    // It is written into every page, feed and API file as it is: nothing a reader's software
    // could take for markup or the end of an attribute, no control characters.
    if rest.contains(['?', '#', '"', '<', '>', '\\', '`'])
        || rest
            .chars()
            .any(|c| c.is_whitespace() || crate::diag::is_unprintable(c))
    {
        return Err(format!(
            "base_url `{}` must be a plain URL without query, fragment, spaces or control characters",
            crate::diag::printable(url)
        ));
    }
    let mut out = url.to_string();
    if !out.ends_with('/') {
        out.push('/');
    }
    Ok(out)
}

/// Read and validate `<root>/site.toml`. `display_root` is how the root is shown in messages.
pub fn load(root: &Path) -> Result<Config, Vec<Diagnostic>> {
    match load_partial(root) {
        (Some(c), d) if d.is_empty() => Ok(c),
        (_, d) => Err(d),
    }
}

/// Every problem of site.toml, and a usable configuration whenever the file could be read as
/// TOML of the right shape (values with problems replaced by defaults), so the content can
/// still be checked against it.
pub fn load_partial(root: &Path) -> (Option<Config>, Vec<Diagnostic>) {
    match read_config(root) {
        Ok((shown, text)) => from_str_partial(root, &shown, &text),
        Err(d) => (None, d),
    }
}

fn read_config(root: &Path) -> Result<(PathBuf, String), Vec<Diagnostic>> {
    let path = root.join(FILE_NAME);
    let shown = crate::util::fsutil::display_path(&path);
    let bytes = std::fs::read(&path).map_err(|e| {
        vec![
            Diagnostic::file(&shown, format!("cannot read site configuration: {e}"))
                .with_help("run `afterword init DIR` to create a site, or pass `--root DIR`")
                .with_code(codes::UNREADABLE),
        ]
    })?;
    let text = String::from_utf8(bytes).map_err(|e| {
        // At the first bad byte's line and column, as for content files.
        let valid = e.utf8_error().valid_up_to();
        let bytes = e.into_bytes();
        let prefix = std::str::from_utf8(&bytes[..valid]).unwrap_or_default();
        let (line, col) = SourceMap::new(&shown, prefix).line_col(valid);
        vec![
            Diagnostic::point(&shown, line, col, "the file is not valid UTF-8")
                .with_help("save the file as UTF-8")
                .with_code(codes::UNREADABLE),
        ]
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text).to_string();
    Ok((shown, text))
}

pub fn from_str(root: &Path, shown: &Path, text: &str) -> Result<Config, Vec<Diagnostic>> {
    match from_str_partial(root, shown, text) {
        (Some(c), d) if d.is_empty() => Ok(c),
        (_, d) => Err(d),
    }
}

/// [`from_str`], keeping the configuration (with defaults where values are wrong) beside the
/// problems; `None` only when the TOML itself cannot be read.
pub fn from_str_partial(
    root: &Path,
    shown: &Path,
    text: &str,
) -> (Option<Config>, Vec<Diagnostic>) {
    let map = SourceMap::new(shown, text);
    let raw: RawConfig = match tomlx::parse(text, 0, 0, &map, &SCHEMA, "site.toml") {
        Ok(r) => r,
        Err(d) => return (None, d),
    };
    let mut diags = Vec::new();

    let base_url = normalize_base_url(raw.base_url.get_ref()).unwrap_or_else(|e| {
        diags.push(map.at_code(codes::BAD_VALUE, raw.base_url.span(), e));
        String::from("https://invalid.example/")
    });
    if raw.title.get_ref().trim().is_empty() {
        diags.push(map.at_code(codes::EMPTY_VALUE, raw.title.span(), "`title` is empty"));
    }
    let timezone = match &raw.timezone {
        None => Tz::UTC,
        Some(tz) => parse_tz(tz.get_ref()).unwrap_or_else(|e| {
            diags.push(map.at_code(codes::BAD_VALUE, tz.span(), e.0).with_help(e.1));
            Tz::UTC
        }),
    };

    let language = match &raw.language {
        None => DEFAULT_LANGUAGE.to_string(),
        Some(l) => {
            match crate::util::i18n::check_tag(l.get_ref()) {
                Ok(()) => l.get_ref().clone(),
                Err(e) => {
                    diags.push(
                    map.at_code(codes::BAD_VALUE, l.span(), format!("`language`: {e}"))
                        .with_help("write a BCP 47 language tag, e.g. `en`, `de`, `pt-BR` or `zh-Hans`"),
                );
                    DEFAULT_LANGUAGE.to_string()
                }
            }
        }
    };
    let declared = Declared {
        severities: raw.severities.is_some(),
        factors: raw.factors.is_some(),
        detection_methods: raw.detection_methods.is_some(),
    };
    let groups = groups(&map, &mut diags, raw.groups);
    let mut components = components(&map, &mut diags, raw.components, &groups);
    display_names(&mut components, &groups);
    let severities = match raw.severities {
        None => default_severities(),
        Some(list) => severities(&map, &mut diags, list),
    };
    let factors = match raw.factors {
        None => default_factors(),
        Some(list) => terms(&map, &mut diags, list, "factor", "factors"),
    };
    let detection_methods = match raw.detection_methods {
        None => default_detection_methods(),
        Some(list) => terms(
            &map,
            &mut diags,
            list,
            "detection method",
            "detection_methods",
        ),
    };
    let uptime = uptime(&map, &mut diags, raw.uptime.as_ref());
    let feed_limit = feed_limit(&map, &mut diags, raw.feeds.as_ref());
    let feed_content = feed_content(&map, &mut diags, raw.feeds.as_ref());
    let check = check(&map, &mut diags, raw.check.as_ref());
    let incident_page = incident_page(&map, &mut diags, raw.incident_page.as_ref());
    let (theme, theme_at) = theme(&map, &mut diags, root, raw.theme.as_ref());
    let notify = {
        let component_ids: Vec<&str> = components.iter().map(|c| c.id.as_str()).collect();
        let severity_ids: Vec<&str> = severities.iter().map(|s| s.id.as_str()).collect();
        notify::channels(&map, &mut diags, raw.notify, &component_ids, &severity_ids)
    };

    let config = Config {
        root: root.to_path_buf(),
        title: raw.title.into_inner(),
        base_url,
        description: raw.description,
        timezone,
        language,
        declared,
        theme,
        theme_at,
        groups,
        components,
        severities,
        factors,
        detection_methods,
        uptime,
        feed_limit,
        feed_content,
        check,
        search: raw.search.and_then(|s| s.enabled).unwrap_or(true),
        incident_page,
        noindex: raw.noindex,
        social_cards: raw.social.and_then(|s| s.cards).unwrap_or(true),
        notify,
    };
    (Some(config), diags)
}

/// The checks every declared entry with an id and a name gets: a valid id (`example` shows
/// one), not declared before (`seen`), a name that is not empty.
fn check_id_name(
    map: &SourceMap,
    diags: &mut Vec<Diagnostic>,
    what: &str,
    example: &str,
    seen: bool,
    id: &Spanned<String>,
    name: &Spanned<String>,
) {
    let shown = id.get_ref();
    if !is_valid_id(shown) {
        diags.push(
            map.at_code(
                codes::BAD_ID,
                id.span(),
                format!("{what} id `{shown}` is not a valid id"),
            )
            .with_help(format!(
                "use lower-case letters, digits and single dashes, e.g. `{example}`"
            )),
        );
    } else if seen {
        diags.push(map.at_code(
            codes::DUPLICATE,
            id.span(),
            format!("{what} `{shown}` is declared twice"),
        ));
    }
    if name.get_ref().trim().is_empty() {
        diags.push(map.at_code(
            codes::EMPTY_VALUE,
            name.span(),
            format!("{what} `{shown}` has an empty name"),
        ));
    }
}

/// `[[groups]]`: valid ids, none twice, a name each.
fn groups(map: &SourceMap, diags: &mut Vec<Diagnostic>, raw: Vec<RawGroup>) -> Vec<Group> {
    let mut groups: Vec<Group> = Vec::new();
    for g in raw {
        let id = g.id.get_ref();
        let seen = groups.iter().any(|x| &x.id == id);
        check_id_name(map, diags, "group", "platform", seen, &g.id, &g.name);
        groups.push(Group {
            id: id.clone(),
            name: g.name.into_inner(),
            description: g.description,
        });
    }
    groups
}

/// `[[components]]`: valid ids short enough for a folder name, none twice, a name each, a
/// declared group, a `since` date.
fn components(
    map: &SourceMap,
    diags: &mut Vec<Diagnostic>,
    raw: Vec<RawComponent>,
    groups: &[Group],
) -> Vec<Component> {
    let group_ids: Vec<&str> = groups.iter().map(|g| g.id.as_str()).collect();
    let mut components: Vec<Component> = Vec::new();
    for c in raw {
        let id = c.id.get_ref();
        if !is_valid_id(id) {
            diags.push(
                map.at_code(
                    codes::BAD_ID,
                    c.id.span(),
                    format!("component id `{id}` is not a valid id"),
                )
                .with_help("use lower-case letters, digits and single dashes, e.g. `eu-west`"),
            );
        } else if id.len() > crate::util::fsutil::NAME_MAX {
            diags.push(
                map.at_code(
                    codes::PATH_TOO_LONG,
                    c.id.span(),
                    format!(
                        "component id is {} bytes long: its page folder components/<id>/ can have at most {} (a file system limit)",
                        id.len(),
                        crate::util::fsutil::NAME_MAX
                    ),
                )
                .with_help("use a shorter id"),
            );
        } else if components.iter().any(|x| &x.id == id) {
            diags.push(map.at_code(
                codes::DUPLICATE,
                c.id.span(),
                format!("component `{id}` is declared twice"),
            ));
        }
        if c.name.get_ref().trim().is_empty() {
            diags.push(map.at_code(
                codes::EMPTY_VALUE,
                c.name.span(),
                format!("component `{id}` has an empty name"),
            ));
        }
        if let Some(g) = &c.group {
            if !group_ids.contains(&g.get_ref().as_str()) {
                let help = if group_ids.is_empty() {
                    format!(
                        "declare it: [[groups]] with id = \"{}\" and a name",
                        g.get_ref()
                    )
                } else {
                    crate::diag::suggestion(g.get_ref(), &group_ids)
                };
                diags.push(
                    map.at_code(
                        codes::UNKNOWN_GROUP,
                        g.span(),
                        format!("unknown group `{}`", g.get_ref()),
                    )
                    .with_help(help),
                );
            }
        }
        let since = c.since.as_ref().and_then(|d| since(map, diags, d));
        components.push(Component {
            id: id.clone(),
            display_name: c.name.get_ref().clone(),
            name: c.name.into_inner(),
            description: c.description,
            group: c.group.map(Spanned::into_inner),
            since,
            hidden: c.hidden,
        });
    }

    components
}

/// Each component's [`Component::display_name`]. A name two visible components share (compared
/// ignoring case and surrounding spaces; hidden components are shown nowhere) is qualified with
/// the component's group, "Dashboard (EU)"; when that still does not tell it apart (no group,
/// two of that name in one group, or a third component already named "Dashboard (EU)"), with
/// its id, "Dashboard (eu-dashboard)", which is unique.
pub fn display_names(components: &mut [Component], groups: &[Group]) {
    let key = |s: &str| s.trim().to_lowercase();
    let mut count: HashMap<String, usize> = HashMap::new();
    for c in components.iter().filter(|c| !c.hidden) {
        *count.entry(key(&c.name)).or_default() += 1;
    }
    let group_name = |c: &Component| {
        let g = c.group.as_deref()?;
        groups.iter().find(|x| x.id == g).map(|x| x.name.as_str())
    };
    let shared = |c: &Component| count.get(&key(&c.name)).copied().unwrap_or(0) > 1;
    let mut names: Vec<String> = Vec::with_capacity(components.len());
    for c in components.iter() {
        if !shared(c) {
            names.push(c.name.clone());
            continue;
        }
        let by_group = group_name(c)
            .map(|g| format!("{} ({g})", c.name))
            .filter(|q| {
                let same_group = components
                    .iter()
                    .filter(|o| !o.hidden && key(&o.name) == key(&c.name) && o.group == c.group)
                    .count();
                same_group <= 1 && !count.contains_key(&key(q))
            });
        names.push(by_group.unwrap_or_else(|| format!("{} ({})", c.name, c.id)));
    }
    for (c, n) in components.iter_mut().zip(names) {
        c.display_name = n;
    }
}

/// A component's `since`: a date.
fn since(
    map: &SourceMap,
    diags: &mut Vec<Diagnostic>,
    d: &Spanned<crate::input::tomlx::Datetime>,
) -> Option<chrono::NaiveDate> {
    match crate::util::timefmt::date_only(&d.get_ref().0) {
        Ok(x) => Some(x),
        Err(e) => {
            let code = if e.out_of_range {
                codes::TIME_OUT_OF_RANGE
            } else {
                codes::BAD_TIME
            };
            let d = map.at_code(code, d.span(), e.message);
            diags.push(if e.help.is_empty() {
                d
            } else {
                d.with_help(e.help)
            });
            None
        }
    }
}

/// `[[severities]]` when given: not empty, valid ids, none twice, a colour, a level and an
/// impact each.
fn severities(
    map: &SourceMap,
    diags: &mut Vec<Diagnostic>,
    list: Vec<RawSeverity>,
) -> Vec<Severity> {
    if list.is_empty() {
        diags.push(map.at_code(
            codes::EMPTY_VALUE,
            0..0,
            "`severities` is empty; remove it to use minor, major and critical",
        ));
    }
    let mut out: Vec<Severity> = Vec::new();
    for s in list {
        let id = s.id.get_ref();
        if !is_valid_id(id) {
            diags.push(map.at_code(
                codes::BAD_ID,
                s.id.span(),
                format!("severity id `{id}` is not a valid id"),
            ));
        } else if out.iter().any(|x| &x.id == id) {
            diags.push(map.at_code(
                codes::DUPLICATE,
                s.id.span(),
                format!("severity `{id}` is declared twice"),
            ));
        }
        if !is_hex_color(s.color.get_ref()) {
            diags.push(
                map.at_code(
                    codes::BAD_VALUE,
                    s.color.span(),
                    format!("color `{}` is not a #rrggbb colour", s.color.get_ref()),
                )
                .with_help("write it as six hex digits, e.g. `#d4a000`"),
            );
        }
        let level = Level::parse(s.level.get_ref()).unwrap_or_else(|| {
            diags.push(
                map.at_code(
                    codes::UNKNOWN_LEVEL,
                    s.level.span(),
                    format!("unknown level `{}`", s.level.get_ref()),
                )
                .with_help(crate::diag::suggestion(s.level.get_ref(), Level::IDS)),
            );
            Level::MajorOutage
        });
        let impact = match &s.impact {
            None => default_impact(id, level).to_string(),
            Some(v) if IMPACTS.contains(&v.get_ref().as_str()) => v.get_ref().clone(),
            Some(v) => {
                diags.push(
                    map.at_code(
                        codes::BAD_VALUE,
                        v.span(),
                        format!("unknown impact `{}`", v.get_ref()),
                    )
                    .with_help(crate::diag::suggestion(v.get_ref(), IMPACTS)),
                );
                String::new()
            }
        };
        out.push(Severity {
            id: id.clone(),
            name: s.name.into_inner(),
            color: s.color.into_inner().to_ascii_lowercase(),
            level,
            impact,
            description: s.description.trim().to_string(),
        });
    }
    out
}

/// A site-level list (`[[factors]]`, `[[detection_methods]]`) when given: not empty, valid ids,
/// none twice, a name each.
fn terms(
    map: &SourceMap,
    diags: &mut Vec<Diagnostic>,
    list: Vec<RawTerm>,
    what: &str,
    key: &str,
) -> Vec<Term> {
    if list.is_empty() {
        diags.push(map.at_code(
            codes::EMPTY_VALUE,
            0..0,
            format!("`{key}` is empty; remove it to use the default list"),
        ));
    }
    let mut out: Vec<Term> = Vec::new();
    for t in list {
        let id = t.id.get_ref();
        let seen = out.iter().any(|x| &x.id == id);
        check_id_name(map, diags, what, "capacity", seen, &t.id, &t.name);
        out.push(Term {
            id: id.clone(),
            name: t.name.get_ref().trim().to_string(),
            description: t.description.trim().to_string(),
        });
    }
    out
}

/// `[uptime]`: weights between 0 and 1, 0 to 4 decimals.
fn uptime(map: &SourceMap, diags: &mut Vec<Diagnostic>, raw: Option<&RawUptime>) -> UptimeConfig {
    let mut uptime = UptimeConfig::default();
    if let Some(u) = raw {
        let mut weight = |v: &Option<Spanned<f64>>, slot: &mut i64| {
            if let Some(v) = v {
                let w = *v.get_ref();
                if (0.0..=1.0).contains(&w) {
                    *slot = (w * 1000.0).round() as i64;
                } else {
                    diags.push(map.at_code(
                        codes::BAD_VALUE,
                        v.span(),
                        format!("uptime weight {w} is not between 0 and 1"),
                    ));
                }
            }
        };
        weight(&u.major_outage, &mut uptime.weights.major_outage);
        weight(&u.partial_outage, &mut uptime.weights.partial_outage);
        weight(
            &u.degraded_performance,
            &mut uptime.weights.degraded_performance,
        );
        if let Some(d) = &u.decimals {
            match u32::try_from(*d.get_ref()) {
                Ok(n) if n <= 4 => uptime.decimals = n,
                _ => diags.push(map.at_code(
                    codes::BAD_VALUE,
                    d.span(),
                    format!("uptime decimals {} is not between 0 and 4", d.get_ref()),
                )),
            }
        }
    }
    uptime
}

/// `[feeds] limit`: 1 to 10000 entries.
fn feed_limit(map: &SourceMap, diags: &mut Vec<Diagnostic>, raw: Option<&RawFeeds>) -> usize {
    let mut feed_limit = DEFAULT_FEED_LIMIT;
    if let Some(l) = raw.and_then(|f| f.limit.as_ref()) {
        match usize::try_from(*l.get_ref()) {
            Ok(n) if (1..=10_000).contains(&n) => feed_limit = n,
            _ => diags.push(
                map.at_code(
                    codes::BAD_VALUE,
                    l.span(),
                    format!("feed limit {} is not between 1 and 10000", l.get_ref()),
                )
                .with_help("the default is 50, as on Statuspage"),
            ),
        }
    }
    feed_limit
}

/// `[check]`: `postmortem_after_days` and `review_after_days`, each from 0 to 3650.
fn check(map: &SourceMap, diags: &mut Vec<Diagnostic>, raw: Option<&RawCheck>) -> CheckConfig {
    let mut check = CheckConfig::default();
    let Some(raw) = raw else {
        return check;
    };
    let mut days = |v: &Option<Spanned<i64>>, name: &str, slot: &mut i64| {
        if let Some(d) = v {
            if (0..=3650).contains(d.get_ref()) {
                *slot = *d.get_ref();
            } else {
                diags.push(map.at_code(
                    codes::BAD_VALUE,
                    d.span(),
                    format!("{name} {} is not between 0 and 3650", d.get_ref()),
                ));
            }
        }
    };
    days(
        &raw.postmortem_after_days,
        "postmortem_after_days",
        &mut check.postmortem_after_days,
    );
    days(
        &raw.review_after_days,
        "review_after_days",
        &mut check.review_after_days,
    );
    check
}

/// `[feeds] site_content` and `component_content` (one of [`FeedContent::IDS`]) and
/// `full_entries` (0 to 10000).
fn feed_content(
    map: &SourceMap,
    diags: &mut Vec<Diagnostic>,
    raw: Option<&RawFeeds>,
) -> FeedContentConfig {
    let mut out = FeedContentConfig::default();
    let Some(raw) = raw else { return out };
    for (key, value, slot) in [
        ("site_content", &raw.site_content, &mut out.site),
        (
            "component_content",
            &raw.component_content,
            &mut out.components,
        ),
    ] {
        let Some(v) = value else { continue };
        match FeedContent::parse(v.get_ref()) {
            Some(c) => *slot = c,
            None => diags.push(
                map.at_code(
                    codes::BAD_VALUE,
                    v.span(),
                    format!("unknown feed content `{}` for `{key}`", v.get_ref()),
                )
                .with_help(crate::diag::suggestion(v.get_ref(), FeedContent::IDS)),
            ),
        }
    }
    if let Some(n) = &raw.full_entries {
        match usize::try_from(*n.get_ref()) {
            Ok(k) if k <= 10_000 => out.full_entries = k,
            _ => diags.push(
                map.at_code(
                    codes::BAD_VALUE,
                    n.span(),
                    format!(
                        "feed full_entries {} is not between 0 and 10000",
                        n.get_ref()
                    ),
                )
                .with_help(
                    "the default is 10; set it to `limit` or more for full content in every entry",
                ),
            ),
        }
    }
    out
}

/// `[incident_page]`: `order`, one of [`PageOrder::IDS`].
fn incident_page(
    map: &SourceMap,
    diags: &mut Vec<Diagnostic>,
    raw: Option<&RawIncidentPage>,
) -> IncidentPageConfig {
    let mut page = IncidentPageConfig::default();
    if let Some(o) = raw.and_then(|r| r.order.as_ref()) {
        match PageOrder::parse(o.get_ref()) {
            Some(order) => page.order = order,
            None => diags.push(
                map.at_code(
                    codes::BAD_VALUE,
                    o.span(),
                    format!("unknown incident page order `{}`", o.get_ref()),
                )
                .with_help(crate::diag::suggestion(o.get_ref(), PageOrder::IDS)),
            ),
        }
    }
    page
}

/// `theme` and where it is set.
fn theme(
    map: &SourceMap,
    diags: &mut Vec<Diagnostic>,
    root: &Path,
    raw: Option<&Spanned<String>>,
) -> (String, Option<(usize, usize, usize)>) {
    // The theme: a folder under themes/ (or the built-in default). Anything else is reported
    // at its line, and the default theme used so the content can still be checked.
    match raw {
        None => ("default".to_string(), None),
        Some(t) => {
            let d = map.at(t.span(), "");
            let at = Some((d.line, d.col, d.len));
            match check_theme(root, t.get_ref()) {
                Ok(()) => (t.get_ref().clone(), at),
                Err((msg, help)) => {
                    diags.push(map.at_code(codes::THEME, t.span(), msg).with_help(help));
                    ("default".to_string(), at)
                }
            }
        }
    }
}

/// Whether `name` names a theme folder: one or more plain folder names (no absolute path,
/// no `.` or `..`) of a folder that exists under `<root>/themes/` and, links resolved, is
/// still inside it (a theme's `static/` is published: it must be the site's own). `default`
/// may also be the built-in theme. The error: a message and a help.
pub fn check_theme(root: &Path, name: &str) -> Result<(), (String, String)> {
    use std::path::Component;
    let help = "set `theme` to the name of a folder under themes/ (e.g. `theme = \"mine\"` for themes/mine/), or remove it for the built-in theme";
    let plain = !name.is_empty()
        && !name.contains(['\\', '\0'])
        && Path::new(name)
            .components()
            .all(|c| matches!(c, Component::Normal(_)));
    if !plain {
        return Err((
            format!(
                "theme `{name}` is not a folder name under themes/ (an absolute path, `.` or `..`)"
            ),
            help.to_string(),
        ));
    }
    let themes = root.join("themes");
    let dir = themes.join(name);
    if !dir.is_dir() {
        if name == "default" {
            return Ok(());
        }
        return Err((
            format!(
                "theme `{name}` not found: there is no folder {}",
                crate::util::fsutil::display_path(&dir).display()
            ),
            help.to_string(),
        ));
    }
    let inside = match (std::fs::canonicalize(&themes), std::fs::canonicalize(&dir)) {
        (Ok(t), Ok(d)) => d.starts_with(&t) && d != t,
        _ => false,
    };
    if !inside {
        return Err((
            format!(
                "theme `{name}` is outside themes/: {} is a link to another folder",
                crate::util::fsutil::display_path(&dir).display()
            ),
            "copy the theme into themes/ instead of linking it".to_string(),
        ));
    }
    Ok(())
}

/// An IANA zone name, with a suggestion when it is not one.
pub fn parse_tz(name: &str) -> Result<Tz, (String, String)> {
    name.parse::<Tz>().map_err(|_| {
        let names: Vec<&str> = chrono_tz::TZ_VARIANTS.iter().map(|t| t.name()).collect();
        let help = match crate::diag::did_you_mean(name, names.iter().copied()) {
            Some(n) => format!("did you mean `{n}`?"),
            None => "use an IANA time zone name such as `UTC` or `America/Los_Angeles`".into(),
        };
        (format!("unknown time zone `{name}`"), help)
    })
}

fn is_hex_color(s: &str) -> bool {
    s.len() == 7 && s.starts_with('#') && s[1..].bytes().all(|b| b.is_ascii_hexdigit())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cfg(text: &str) -> Result<Config, Vec<Diagnostic>> {
        from_str(Path::new("."), Path::new("site.toml"), text)
    }

    #[test]
    fn keys_are_the_struct_fields() {
        assert!(tomlx::schema_is_consistent(&SCHEMA));
    }

    #[test]
    fn base_path_from_sub_path_url() {
        let c = cfg("title = \"t\"\nbase_url = \"https://org.github.io/status\"\n").unwrap();
        assert_eq!(c.base_url, "https://org.github.io/status/");
        assert_eq!(c.base_path(), "/status/");
        let c = cfg("title = \"t\"\nbase_url = \"https://status.example.com\"\n").unwrap();
        assert_eq!(c.base_path(), "/");
    }

    #[test]
    fn unknown_key_suggests_closest() {
        let err = cfg("title = \"t\"\nbase_url = \"https://x/\"\ntimezon = \"UTC\"\n").unwrap_err();
        assert_eq!(err.len(), 1);
        assert_eq!((err[0].line, err[0].col), (3, 1));
        assert!(
            err[0].message.contains("unknown key `timezon`"),
            "{}",
            err[0]
        );
        assert_eq!(err[0].help.as_deref(), Some("did you mean `timezone`?"));
    }

    #[test]
    fn incident_page_order() {
        let base = "title = \"t\"\nbase_url = \"https://x/\"\n";
        assert_eq!(
            cfg(base).unwrap().incident_page.order,
            PageOrder::PostmortemFirst
        );
        let c = cfg(&format!(
            "{base}[incident_page]\norder = \"timeline-first\"\n"
        ))
        .unwrap();
        assert_eq!(c.incident_page.order, PageOrder::TimelineFirst);
        let err = cfg(&format!(
            "{base}[incident_page]\norder = \"timeline_first\"\n"
        ))
        .unwrap_err();
        assert_eq!(err.len(), 1);
        assert_eq!((err[0].line, err[0].col), (4, 9));
        assert!(
            err[0]
                .message
                .contains("unknown incident page order `timeline_first`"),
            "{}",
            err[0]
        );
        assert_eq!(
            err[0].help.as_deref(),
            Some("did you mean `timeline-first`?")
        );
        let err = cfg(&format!(
            "{base}[incident_page]\nordre = \"timeline-first\"\n"
        ))
        .unwrap_err();
        assert_eq!(err[0].help.as_deref(), Some("did you mean `order`?"));
    }

    #[test]
    fn reports_every_component_problem() {
        let err = cfg(
            "title = \"t\"\nbase_url = \"https://x/\"\ntimezone = \"Mars/Base\"\n\
             [[components]]\nid = \"Bad Id\"\nname = \"a\"\n[[components]]\nid = \"a\"\nname = \"\"\n",
        )
        .unwrap_err();
        assert_eq!(err.len(), 3, "{err:?}");
    }

    #[test]
    fn groups_since_hidden_and_uptime() {
        let c = cfg("title = \"t\"\nbase_url = \"https://x/\"\n[uptime]\npartial_outage = 0.5\ndecimals = 3\n\
             [[groups]]\nid = \"web\"\nname = \"Web\"\n\
             [[components]]\nid = \"a\"\nname = \"A\"\ngroup = \"web\"\nsince = 2024-01-01\nhidden = true\n")
        .unwrap();
        assert_eq!(c.uptime.weights.partial_outage, 500);
        assert_eq!(c.uptime.decimals, 3);
        assert_eq!(c.components[0].group.as_deref(), Some("web"));
        assert_eq!(c.components[0].since.unwrap().to_string(), "2024-01-01");
        assert!(c.components[0].hidden);
        let err = cfg(
            "title = \"t\"\nbase_url = \"https://x/\"\n[[groups]]\nid = \"web\"\nname = \"Web\"\n\
             [[components]]\nid = \"a\"\nname = \"A\"\ngroup = \"wbe\"\n",
        )
        .unwrap_err();
        assert_eq!(
            err[0].to_string(),
            "site.toml:9:9: unknown group `wbe`\n  help: did you mean `web`?"
        );
    }

    #[test]
    fn display_names_qualify_a_shared_name_with_the_group() {
        let c = cfg("title = \"t\"\nbase_url = \"https://x/\"\n\
             [[groups]]\nid = \"eu\"\nname = \"EU\"\n[[groups]]\nid = \"us\"\nname = \"US\"\n\
             [[components]]\nid = \"eu-dash\"\nname = \"Dashboard\"\ngroup = \"eu\"\n\
             [[components]]\nid = \"us-dash\"\nname = \"dashboard\"\ngroup = \"us\"\n\
             [[components]]\nid = \"api\"\nname = \"API\"\ngroup = \"eu\"\n\
             [[components]]\nid = \"api-2\"\nname = \"API\"\ngroup = \"eu\"\n\
             [[components]]\nid = \"db\"\nname = \"DB\"\n\
             [[components]]\nid = \"db-old\"\nname = \"DB\"\nhidden = true\n\
             [[components]]\nid = \"cdn\"\nname = \"CDN\"\n[[components]]\nid = \"cdn-2\"\nname = \"CDN\"\n")
        .unwrap();
        let shown: Vec<&str> = c
            .components
            .iter()
            .map(|x| x.display_name.as_str())
            .collect();
        // Case does not tell "Dashboard" from "dashboard": both take their group. Two "API" in
        // one group and two ungrouped "CDN" take their ids. A hidden "DB" is shown nowhere, so
        // the visible one stays plain (and so does the hidden one).
        assert_eq!(
            shown,
            [
                "Dashboard (EU)",
                "dashboard (US)",
                "API (api)",
                "API (api-2)",
                "DB",
                "DB",
                "CDN (cdn)",
                "CDN (cdn-2)"
            ]
        );
        assert_eq!(
            c.components[0].name, "Dashboard",
            "the name itself is unchanged"
        );
    }

    #[test]
    fn ids() {
        assert!(is_valid_id("eu-west-1"));
        assert!(!is_valid_id("eu--west"));
        assert!(!is_valid_id("-a"));
        assert!(!is_valid_id("A"));
        assert!(!is_valid_id(""));
    }
}
