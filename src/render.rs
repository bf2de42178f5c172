//! Render: turn the validated site into pages through Tera templates and send them to a sink.
//! Each incident is converted to template data once; list pages share those values.

use crate::input::config::Config;
use crate::input::theme::{StaticSource, Theme};
use crate::model::{Incident, Level};
use crate::output::Sink;
use crate::util::i18n::Arg;
use crate::util::markdown;
use crate::util::route::Route;
use crate::util::timefmt::{DurationView, Locale, TimeView};
use chrono::{DateTime, Datelike, Utc};
use context::*;
use rayon::prelude::*;
use rustc_hash::FxHashMap as HashMap;
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use tera::{Context, Tera, Value};

mod api;
mod archive_pages;
mod badges;
mod cache;
mod context;
mod error;
mod feeds;
mod messages;
mod search;
mod social;
mod status_pages;
mod timeline_svg;

pub use api::page_id;
pub use cache::Memo;
use cache::{memoized, CacheKey, Digest, Inputs};
pub use error::{RenderError, TemplateError, TemplatePlace};
pub use feeds::entry_id;
pub use search::{SearchDoc, StoredDoc, StoredDocRef};

/// Incidents per page on `/history/<year>/`.
pub const HISTORY_PAGE_SIZE: usize = 100;
/// Incidents on the home page's "recent" list and on `/history/`.
pub const RECENT: usize = 20;
pub const HISTORY_RECENT: usize = 50;

pub struct RenderInput<'a> {
    pub config: &'a Config,
    /// Sorted newest first.
    pub incidents: &'a [Arc<Incident>],
    /// Scheduled maintenance, newest window first.
    pub maintenances: &'a [Arc<Incident>],
    pub now: DateTime<Utc>,
    pub drafts: bool,
    pub theme: &'a Theme,
    /// The site's language: messages, dates, durations (made once per build).
    pub locale: &'a Locale,
    /// What the previous render of this site left for this one (`afterword serve`).
    pub memo: Option<&'a Memo>,
}

/// What a render produced, for the build summary.
pub struct RenderStats {
    pub pages: usize,
    pub files: usize,
    /// Incidents whose Markdown was rendered (not reused from a [`Memo`]).
    pub markdown: usize,
}

/// Black or white, whichever contrasts more with a `#rrggbb` background (WCAG formula).
pub fn text_color_for(bg: &str) -> &'static str {
    let channel = |i: usize| {
        let c =
            u8::from_str_radix(bg.get(i..i + 2).unwrap_or("00"), 16).unwrap_or(0) as f64 / 255.0;
        if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    let l = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
    // Contrast with black: (l + 0.05) / 0.05; with white: 1.05 / (l + 0.05).
    if (l + 0.05) / 0.05 >= 1.05 / (l + 0.05) {
        "#000000"
    } else {
        "#ffffff"
    }
}

fn severity_view(config: &Config, locale: &Locale, id: &str) -> SeverityView {
    let s = config.severity(id).expect("validated severity");
    SeverityView {
        id: s.id.clone(),
        name: s.name.clone(),
        color: s.color.clone(),
        text_color: text_color_for(&s.color),
        level: s.level.id(),
        level_label: locale.text.label("level", s.level.id()),
    }
}

/// Compile the theme's templates: what a build would fail on before rendering a page, as a
/// message naming the template file and line.
pub fn compile(theme: &Theme) -> Result<Tera, RenderError> {
    let mut tera = Tera::new();
    // The message functions exist before templates are read (Tera refuses unknown ones); the
    // render's engine replaces them with the site's catalogue.
    messages::declare(&mut tera);
    tera.add_raw_templates(
        theme
            .templates
            .iter()
            .map(|(name, (text, _))| (name.as_str(), text.as_str())),
    )
    .map_err(|e| RenderError::Compile(TemplateError::new(e, theme)))?;
    Ok(tera)
}

/// Build a Tera instance from the theme's templates, with the site-wide context.
fn engine(input: &RenderInput) -> Result<Tera, RenderError> {
    let mut tera = compile(input.theme)?;
    messages::register(&mut tera, input.locale.text.clone());
    let globals = globals(input);
    let g = tera.global_context();
    g.insert("site", &globals.site);
    g.insert("build", &globals.build);
    g.insert("severities", &globals.severities);
    g.insert("components", &globals.components);
    Ok(tera)
}

/// What every page sees besides its own context.
fn globals<'a>(input: &RenderInput<'a>) -> Globals<'a> {
    let c = input.config;
    Globals {
        site: SiteView {
            title: &c.title,
            description: &c.description,
            base_url: &c.base_url,
            base_path: c.base_path(),
            timezone: c.timezone.name(),
            language: input.locale.text.tag(),
            dir: input.locale.text.dir(),
            generator: format!("afterword {}", env!("CARGO_PKG_VERSION")),
            search: c.search,
            noindex: c.noindex,
        },
        build: BuildView {
            now: input.locale.view(input.now, c.timezone),
            drafts: input.drafts,
        },
        severities: c
            .severities
            .iter()
            .map(|s| severity_view(c, input.locale, &s.id))
            .collect(),
        components: c
            .components
            .iter()
            .map(|x| ComponentView {
                id: &x.id,
                name: &x.name,
                display_name: &x.display_name,
                description: &x.description,
                group: x.group.as_deref(),
            })
            .collect(),
    }
}

pub(crate) struct Paths<'a> {
    base_url: &'a str,
    base_path: &'a str,
}

impl Paths<'_> {
    /// `rel` is relative to the site root, e.g. `incidents/x/` (empty for the home page).
    fn path(&self, rel: &str) -> String {
        format!("{}{rel}", self.base_path)
    }
    fn permalink(&self, rel: &str) -> String {
        format!("{}{rel}", self.base_url)
    }
}

struct Prepared<'a> {
    incident: &'a Incident,
    data: Arc<PreparedData>,
    /// The file → page map its page and JSON depend on, when its text may link to other files
    /// (only known, and only needed, when a [`Memo`] is kept).
    linker: Option<Digest>,
}

impl std::ops::Deref for Prepared<'_> {
    type Target = PreparedData;
    fn deref(&self) -> &PreparedData {
        &self.data
    }
}

/// An incident's template values and rendered postmortem, made once per build (or kept in a
/// [`Memo`] across builds).
pub(crate) struct PreparedData {
    summary: Value,
    /// What only the incident's own page and JSON need. A full build renders them as soon as
    /// it has this and drops it; a [`Memo`] keeps it for the next render.
    page: Option<PageData>,
    year: i32,
    month_key: String,
    month_label: String,
}

pub(crate) struct PageData {
    full: Value,
    /// Each timeline message as the page renders it, for the page's `index.json`.
    messages: Vec<String>,
    /// The rendered postmortem, also in `full`; kept for the page's `index.json`.
    body: markdown::Rendered,
}

/// Links between content files: `other.md` or `../other/index.md` in a body or message become
/// the page of the incident that file holds.
pub(crate) struct Linker {
    /// Lexically absolute source path → root-relative page path (with the base path).
    by_path: HashMap<PathBuf, String>,
    key: std::sync::OnceLock<Digest>,
}

impl Linker {
    /// A digest of every file → page pair: what a cached incident with links depends on.
    fn key(&self) -> Digest {
        *self.key.get_or_init(|| {
            let mut pairs: Vec<(&PathBuf, &String)> = self.by_path.iter().collect();
            pairs.sort();
            Digest::of(&pairs)
        })
    }

    fn new(input: &RenderInput, paths: &Paths) -> Self {
        let items: Vec<&Incident> = input
            .incidents
            .iter()
            .chain(input.maintenances)
            .map(|i| &**i)
            .collect();
        let abs = crate::util::fsutil::absolute_files(items.iter().map(|i| i.path.as_path()));
        Linker {
            by_path: abs
                .into_iter()
                .zip(&items)
                .map(|(p, i)| (p, paths.path(&route_of(i).rel())))
                .collect(),
            key: std::sync::OnceLock::new(),
        }
    }

    /// The page for a relative `.md` link written in the file `from`, keeping its `#fragment`.
    pub(crate) fn resolve(&self, from: &Path, dest: &str) -> Option<String> {
        if dest.contains("://") || dest.starts_with('/') || dest.starts_with("mailto:") {
            return None;
        }
        let (path, fragment) = match dest.split_once('#') {
            Some((p, f)) => (p, Some(f)),
            None => (dest, None),
        };
        if !path.ends_with(".md") {
            return None;
        }
        let target =
            crate::util::fsutil::absolute(&from.parent().unwrap_or(Path::new("")).join(path));
        let page = self.by_path.get(&target)?;
        Some(match fragment {
            Some(f) => format!("{page}#{f}"),
            None => page.clone(),
        })
    }
}

/// Where an incident's or maintenance's page lives.
pub(crate) fn route_of(i: &Incident) -> Route<'_> {
    if i.is_maintenance() {
        Route::Maintenance(&i.slug)
    } else {
        Route::Incident(&i.slug)
    }
}

/// The parts of incident summaries that many incidents share (a severity, a status, a
/// component at a level), made once per render. Each summary holds a clone of the same
/// `Value`, an `Arc`, instead of its own copy: at 100,000 incidents the copies were most of the
/// memory a build holds.
pub(crate) struct Shared {
    severity: HashMap<String, Value>,
    status: HashMap<&'static str, Value>,
    /// By component id, one per level (in [`Level::IDS`] order).
    component: HashMap<String, Vec<Value>>,
}

impl Shared {
    fn new(input: &RenderInput, paths: &Paths) -> Shared {
        let c = input.config;
        let severity = c
            .severities
            .iter()
            .map(|s| {
                let v = Value::from_serializable(&severity_view(c, input.locale, &s.id));
                (s.id.clone(), v)
            })
            .collect();
        let status = crate::model::Status::IDS
            .iter()
            .filter_map(|id| crate::model::Status::parse(id))
            .map(|s| {
                let v = Value::from_serializable(&StatusView {
                    id: s.id(),
                    label: input.locale.text.label("status", s.id()),
                });
                (s.id(), v)
            })
            .collect();
        let component = c
            .components
            .iter()
            .filter(|x| !x.hidden)
            .map(|x| {
                let path = paths.path(&Route::Component(&x.id).rel());
                let levels = Level::IDS
                    .iter()
                    .filter_map(|l| Level::parse(l))
                    .map(|l| {
                        Value::from_serializable(&ComponentLevelView {
                            id: &x.id,
                            name: &x.display_name,
                            path: path.clone(),
                            level: l.id(),
                            level_label: input.locale.text.label("level", l.id()),
                        })
                    })
                    .collect();
                (x.id.clone(), levels)
            })
            .collect();
        Shared {
            severity,
            status,
            component,
        }
    }
}

/// The list view of an incident: what lists, history, component pages and the home page show.
fn summary_value(input: &RenderInput, paths: &Paths, shared: &Shared, i: &Incident) -> Value {
    let c = input.config;
    let (tz, loc) = (c.timezone, input.locale);
    let rel = Route::Incident(&i.slug).rel();
    let own = SummaryOwn {
        slug: &i.slug,
        title: &i.title,
        summary: &i.summary,
        path: paths.path(&rel),
        permalink: paths.permalink(&rel),
        draft: i.draft,
        review_state: i.review.state.id(),
        ongoing: i.ongoing(),
        started: loc.view_with_precision(i.started, i.precision.started, tz, i.posted_tz),
        resolved: i
            .resolved
            .map(|r| loc.view_with_precision(r, i.precision.resolved, tz, i.posted_tz)),
        duration: i.duration_seconds().map(|s| loc.duration_view(s)),
        ongoing_for: i.ongoing_for(input.now).map(|s| loc.duration_view(s)),
        tags: &i.tags,
    };
    let mut map = Value::from_serializable(&own)
        .into_map()
        .expect("a struct is a map");
    let sev_level = c.severity_level(&i.severity);
    map.insert(
        "severity".into(),
        shared
            .severity
            .get(&i.severity)
            .cloned()
            .unwrap_or_else(Value::none),
    );
    map.insert("status".into(), shared.status[i.status.id()].clone());
    // Hidden components are listed nowhere.
    let components: Vec<Value> = i
        .components
        .iter()
        .filter_map(|id| {
            let levels = shared.component.get(id.as_str())?;
            let level = i.component_level(id, sev_level);
            let n = Level::IDS.iter().position(|l| *l == level.id())?;
            levels.get(n).cloned()
        })
        .collect();
    map.insert("components".into(), Value::from(components));
    Value::from(map)
}

/// Timeline entries as templates see them.
fn entry_views(i: &Incident, tz: chrono_tz::Tz, loc: &Locale, linker: &Linker) -> Vec<EntryView> {
    let links = |d: &str| linker.resolve(&i.path, d);
    i.timeline
        .iter()
        .map(|e| EntryView {
            status: e.status.id(),
            label: loc.text.label("status", e.status.id()),
            at: loc.view_with_precision(e.at, e.precision, tz, i.posted_tz),
            offset: i.offset_of(e).map(|s| loc.offset(s)),
            message_html: markdown::render_inline_linked(&e.message, None, Some(&links)),
        })
        .collect()
}

/// The timeline's runs ([`crate::model::runs`]) as the page shows them, over the entry views
/// already made.
fn run_views(i: &Incident, timeline: &[EntryView]) -> Vec<RunView> {
    crate::model::runs::runs(&i.timeline)
        .into_iter()
        .map(|r| {
            let (first, last) = (&timeline[r.start].at, &timeline[r.end - 1].at);
            RunView {
                start: r.start,
                end: r.end,
                count: r.len(),
                collapsed: crate::model::runs::is_run(&r),
                same_day: first.date == last.date
                    && first.zone == last.zone
                    && first.precision != "day"
                    && last.precision != "day",
            }
        })
        .collect()
}

fn due_view(loc: &Locale, d: chrono::NaiveDate) -> DueView {
    DueView {
        iso: crate::util::timefmt::ymd(d),
        display: loc.date_display(d),
    }
}

/// Every incident's [`prepare_data`], through the memo: an incident's data is reused while it,
/// the site and (for an incident that may link to other files) the file → page map are
/// unchanged; the rest is prepared in parallel.
fn prepare_all<'a>(
    w: &Writer<'a>,
    input: &RenderInput<'a>,
    site: Digest,
) -> Result<Vec<Prepared<'a>>, RenderError> {
    let (paths, linker) = (&w.paths, &*w.linker);
    let shared = Shared::new(input, paths);
    let shared = &shared;
    let fresh = |i: &'a Incident| Arc::new(prepare_data(input, paths, linker, shared, i));
    if let Some(memo) = input.memo.filter(|m| m.lazy) {
        // Keys without kept data (`build` with its on-disk cache): an incident whose page,
        // JSON and search document are all kept costs its list values only; the others are
        // prepared, written and dropped as in a build without keys.
        return input
            .incidents
            .par_iter()
            .enumerate()
            .map(|(n, i)| {
                let linker = may_link(i).then(|| w.linker.key());
                if kept_incident_page(w, n, linker)? {
                    return Ok(Prepared {
                        incident: i,
                        data: Arc::new(prepare_listed(input, paths, shared, i)),
                        linker,
                    });
                }
                memo.fresh.fetch_add(1, Ordering::Relaxed);
                let mut data = prepare_data(input, paths, &w.linker, shared, i);
                let page = data.page.take().expect("just prepared");
                incident_page(w, n, &page, linker)?;
                Ok(Prepared {
                    incident: i,
                    data: Arc::new(data),
                    linker,
                })
            })
            .collect();
    }
    let Some(memo) = input.memo else {
        // Nothing is kept: each incident's page and JSON are written right away, and only its
        // list values stay for the list pages, so memory holds no page data.
        return input
            .incidents
            .par_iter()
            .enumerate()
            .map(|(n, i)| {
                let mut data = prepare_data(input, paths, linker, shared, i);
                let page = data.page.take().expect("just prepared");
                incident_page(w, n, &page, None)?;
                Ok(Prepared {
                    incident: i,
                    data: Arc::new(data),
                    linker: None,
                })
            })
            .collect();
    };
    let key = |i: &Incident, links: bool| {
        CacheKey::PreparedIncident {
            site,
            fingerprint: i.fingerprint,
            linker: links.then(|| linker.key()),
        }
        .digest()
    };
    let mut map = memo.prepared.lock().expect("memo");
    let found: Vec<Option<(bool, Arc<PreparedData>)>> = input
        .incidents
        .par_iter()
        .map(|i| {
            let (links, k, d) = map.get(&i.fingerprint)?;
            (*k == key(i, *links)).then(|| (*links, d.clone()))
        })
        .collect();
    let made: Vec<(u64, bool, u64, Arc<PreparedData>)> = input
        .incidents
        .par_iter()
        .zip(&found)
        .filter(|(_, f)| f.is_none())
        .map(|(i, _)| {
            let links = may_link(i);
            (i.fingerprint, links, key(i, links), fresh(i))
        })
        .collect();
    memo.fresh.store(made.len(), Ordering::Relaxed);
    for (fp, links, k, d) in made {
        map.insert(fp, (links, k, d));
    }
    if map.len() != input.incidents.len() {
        let current: rustc_hash::FxHashSet<u64> =
            input.incidents.iter().map(|i| i.fingerprint).collect();
        map.retain(|fp, _| current.contains(fp));
    }
    Ok(input
        .incidents
        .iter()
        .zip(found)
        .map(|(i, f)| {
            let (links, data) = f.unwrap_or_else(|| {
                let (links, _, d) = &map[&i.fingerprint];
                (*links, d.clone())
            });
            Prepared {
                incident: i,
                data,
                linker: links.then(|| linker.key()),
            }
        })
        .collect())
}

/// Whether an item's text may link to another content file: only a link ending in `.md` goes
/// through the [`Linker`]; `&#` covers escaped ones.
fn may_link(i: &Incident) -> bool {
    let may = |t: &str| t.contains(".md") || t.contains("&#");
    may(&i.body) || i.timeline.iter().any(|e| may(&e.message))
}

fn prepare_data(
    input: &RenderInput,
    paths: &Paths,
    linker: &Linker,
    shared: &Shared,
    i: &Incident,
) -> PreparedData {
    let (tz, loc) = (input.config.timezone, input.locale);
    let summary = summary_value(input, paths, shared, i);
    let timeline = entry_views(i, tz, loc, linker);
    let runs = run_views(i, &timeline);
    // Named where any of its times reads differently from the site's zone.
    let posted_zone = i.posted_tz.is_some()
        && (timeline.iter().any(|e| e.at.posted.is_some())
            || [
                Some((i.started, i.precision.started)),
                i.resolved.map(|t| (t, i.precision.resolved)),
                i.detected.map(|t| (t, i.precision.detected)),
            ]
            .into_iter()
            .flatten()
            .any(|(t, p)| {
                loc.view_with_precision(t, p, tz, i.posted_tz)
                    .posted
                    .is_some()
            }));
    let messages = timeline.iter().map(|e| e.message_html.clone()).collect();
    let links = |d: &str| linker.resolve(&i.path, d);
    let body = markdown::render_body_linked(&i.body, None, Some(&links));
    // Short texts of the front matter (a trigger, a note, a lesson): inline Markdown, as
    // timeline messages are rendered.
    let inline = |md: &str| markdown::render_inline_linked(md, None, Some(&links));
    let has_body = !body.html.trim().is_empty();
    let full = IncidentView {
        detected_by: i.detected_by.as_deref(),
        detected: i
            .detected
            .map(|d| loc.view_with_precision(d, i.precision.detected, tz, i.posted_tz)),
        time_to_detect: i.time_to_detect().map(|s| loc.duration_view(s)),
        posted_zone: posted_zone.then(|| i.posted_tz.map(|p| p.name())).flatten(),
        authors: &i.authors,
        timeline,
        runs,
        timeline_first: input.config.incident_page.order
            == crate::input::config::PageOrder::TimelineFirst
            || !has_body,
        has_body,
        body_html: &body.html,
        toc: &body.toc,
        action_items: i
            .action_items
            .iter()
            .map(|a| ActionView {
                title: &a.title,
                owner: &a.owner,
                status: a.status.id(),
                status_label: loc.text.label("action-status", a.status.id()),
                due: a.due.map(|d| due_view(loc, d)),
                closed: a.closed.map(|d| due_view(loc, d)),
                link: a.link.as_deref().map(crate::util::escape::url),
            })
            .collect(),
        review: ReviewView {
            state: i.review.state.id(),
            label: loc.text.label("review", i.review.state.id()),
            reviewers: &i.review.reviewers,
            date: i.review.date.map(|d| due_view(loc, d)),
        },
        trigger_html: i.trigger.as_deref().map(inline),
        detection: i
            .detection
            .as_deref()
            .and_then(|id| input.config.detection_method(id))
            .map(|t| TermView {
                id: &t.id,
                name: &t.name,
            }),
        factors: i
            .factors
            .iter()
            .map(|f| IncidentFactorView {
                id: &f.id,
                name: input
                    .config
                    .factor(&f.id)
                    .map_or(f.id.as_str(), |t| t.name.as_str()),
                path: paths.path(&Route::Factor { id: &f.id, page: 1 }.rel()),
                note_html: inline(&f.note),
            })
            .collect(),
        lessons: (!i.lessons.is_empty()).then(|| {
            let all = |l: &[String]| l.iter().map(|x| inline(x)).collect();
            LessonsView {
                went_well: all(&i.lessons.went_well),
                went_wrong: all(&i.lessons.went_wrong),
                lucky: all(&i.lessons.lucky),
            }
        }),
        customer_impact: (!i.customer_impact.is_empty()).then(|| {
            let x = &i.customer_impact;
            CustomerImpactView {
                users: x.users.map(|n| number(loc, n)),
                customers: x.customers.map(|n| number(loc, n)),
                requests: x.requests.map(|n| number(loc, n)),
                error_rate: x
                    .error_rate
                    .map(|r| loc.text.format("percent", &[("n", Arg::Float(r))])),
                note_html: inline(&x.note),
            }
        }),
        chart: crate::model::phases::course(input.config, i, input.now)
            .map(|c| timeline_svg::chart(input.config, loc, &c, &i.title)),
    };
    // The page sees the summary's fields beside its own.
    let mut full = Value::from_serializable(&full)
        .into_map()
        .expect("a struct is a map");
    if let Some(m) = summary.as_map() {
        for (k, v) in m {
            full.insert(k.clone(), v.clone());
        }
    }
    let full = Value::from(full);
    PreparedData {
        page: Some(PageData {
            full,
            body,
            messages,
        }),
        ..listed(input, i, summary)
    }
}

/// What the list pages need of an incident whose own page is kept: [`prepare_data`] without
/// the page (no Markdown is rendered).
fn prepare_listed(
    input: &RenderInput,
    paths: &Paths,
    shared: &Shared,
    i: &Incident,
) -> PreparedData {
    listed(input, i, summary_value(input, paths, shared, i))
}

/// An incident's list values around its `summary`: its year and month.
fn listed(input: &RenderInput, i: &Incident, summary: Value) -> PreparedData {
    let local = i.started.with_timezone(&input.config.timezone);
    PreparedData {
        summary,
        page: None,
        year: local.year(),
        month_key: crate::util::timefmt::year_month(local.date_naive()),
        month_label: input.locale.month_label(local.date_naive()),
    }
}

/// `48000` as the language writes it: `48,000` in English.
fn number(loc: &Locale, n: u64) -> String {
    loc.text.format(
        "number",
        &[("n", Arg::Num(i64::try_from(n).unwrap_or(i64::MAX)))],
    )
}

/// Group consecutive incidents (already newest first) by month.
fn month_groups<'a>(items: &[&'a Prepared]) -> Vec<MonthGroup<'a>> {
    let mut groups = Vec::new();
    let mut i = 0;
    while i < items.len() {
        let key = &items[i].month_key;
        let j = items[i..]
            .iter()
            .position(|p| &p.month_key != key)
            .map_or(items.len(), |n| i + n);
        groups.push(MonthGroup {
            key,
            label: &items[i].month_label,
            incidents: items[i..j].iter().map(|p| p.summary.clone()).collect(),
        });
        i = j;
    }
    groups
}

/// Renders templates into the sink and keeps the sitemap and page count. Shared by every page
/// family (incidents, history, components, maintenance, stats).
pub(crate) struct Writer<'a> {
    tera: Arc<Tera>,
    pub(crate) sink: &'a dyn Sink,
    theme: &'a Theme,
    pub(crate) paths: Paths<'a>,
    sitemap: Mutex<Vec<(String, String)>>,
    pages: AtomicUsize,
    json_docs: AtomicUsize,
    /// Files that are neither pages nor JSON twins nor feeds: badges and their endpoint JSON.
    other_files: AtomicUsize,
    input: &'a RenderInput<'a>,
    pub(crate) linker: Arc<Linker>,
    /// Relations between the items being built, both ways (made once per render).
    related: crate::model::related::Related,
    /// What keys are made from, when this render keeps anything for the next one.
    keys: Option<Inputs>,
    /// Every page's context, when asked for ([`page_contexts`]).
    capture: Option<Mutex<Vec<PageContext>>>,
    /// Each incident's search document, by its place in the site (`None`: no search).
    /// With its key, when this render keeps anything for the next one.
    search: Option<Mutex<Vec<KeyedDoc>>>,
    /// The link-preview metadata of a page with none of its own (made once per render).
    site_meta: MetaView,
}

/// A search document, by its incident's place in the site, with its key when this render keeps
/// anything for the next one.
type KeyedDoc = (usize, Option<u64>, Arc<search::SearchDoc>);

/// A page's template context as JSON: what [`page_contexts`] returns, for tests and docs.
pub struct PageContext {
    /// Where the page is written, relative to the output folder (`incidents/x/index.html`).
    pub file: String,
    /// The page kind, as `page.kind` says.
    pub kind: &'static str,
    pub template: String,
    /// The page's own variables and `page`; the globals (`site`, `build`, `severities`,
    /// `components`) are under `globals` in the first page only — see [`page_contexts`].
    pub context: serde_json::Value,
}

impl Writer<'_> {
    /// The key `make` builds from this render's [`Inputs`], or `None` when nothing is kept
    /// between renders.
    pub(crate) fn key<'k>(&self, make: impl FnOnce(&Inputs) -> CacheKey<'k>) -> Option<u64> {
        self.keys.as_ref().map(|k| make(k).digest())
    }

    /// Whether this render keeps anything from an earlier one.
    pub(crate) fn input_memo(&self) -> bool {
        self.input.memo.is_some()
    }

    /// Keep the page at `route` from an earlier render if its key is `key`, counting it as
    /// `emit_keyed` would.
    pub(crate) fn keep(&self, route: Route, key: Option<u64>, lastmod: Option<String>) -> bool {
        let file = route.file();
        let kept = key.is_some_and(|k| self.sink.reuse(&file, k));
        if kept {
            self.count_page(route, lastmod);
        }
        kept
    }

    /// The key of the JSON twin of `i`, whose text links through the file → page map `linker`
    /// (see [`Prepared::linker`]).
    fn document_key(&self, i: &Incident, linker: Option<Digest>) -> Option<u64> {
        self.key(|k| CacheKey::ItemJson {
            site: k.site,
            fingerprint: i.fingerprint,
            linker,
            related: related_digest(self.related.of(&i.slug)),
        })
    }

    /// Whether the sink still holds the JSON twin of `i` from an earlier render.
    fn reuse_document(&self, i: &Incident, linker: Option<Digest>) -> bool {
        let hit = self
            .document_key(i, linker)
            .is_some_and(|k| self.sink.reuse(&route_of(i).beside("index.json"), k));
        if hit {
            self.json_docs.fetch_add(1, Ordering::Relaxed);
        }
        hit
    }

    /// Write the JSON twin of an incident or maintenance page beside it.
    pub(crate) fn emit_document(
        &self,
        i: &Incident,
        linker: Option<Digest>,
        body_html: &str,
        toc: &[markdown::TocEntry],
        messages_html: &[&str],
    ) -> Result<(), RenderError> {
        let rel = route_of(i).beside("index.json");
        let json = api::document(
            self.input,
            &self.paths,
            i,
            body_html,
            toc,
            messages_html,
            self.related.of(&i.slug),
        );
        match self.document_key(i, linker) {
            Some(k) => self.sink.write_keyed(&rel, k, json.as_bytes()),
            None => self.sink.write(&rel, json.as_bytes()),
        }
        .map_err(|e| RenderError::write(&rel, e))?;
        self.json_docs.fetch_add(1, Ordering::Relaxed);
        Ok(())
    }

    fn page_view<'t>(&self, route: Route, title: &'t str, meta: Option<MetaView>) -> PageView<'t> {
        let rel = route.rel();
        PageView {
            kind: route.kind(),
            title,
            path: self.paths.path(&rel),
            permalink: self.paths.permalink(&rel),
            meta: meta.unwrap_or_else(|| self.site_meta.clone()),
        }
    }

    /// The link-preview metadata of a page whose own description is `description` (the
    /// site's when empty).
    pub(crate) fn meta_described(&self, description: &str) -> MetaView {
        let mut meta = self.site_meta.clone();
        if !description.trim().is_empty() {
            meta.description = social::describe(description);
        }
        meta
    }

    /// Write a social card drawn from `svg` to `rel`, unless the sink kept it: its key is the
    /// SVG itself (everything the card shows; the fonts are compiled in). A sink that keeps no
    /// bytes (`check`) has the SVG parsed, not drawn.
    fn emit_card(&self, rel: &str, svg: &str) -> Result<(), RenderError> {
        let key = self.key(|_| CacheKey::SocialCard {
            svg: Digest::of(svg),
        });
        if key.is_some_and(|k| self.sink.reuse(rel, k)) {
            return Ok(());
        }
        // A build that replaces an output folder keeps a card it drew from the same SVG
        // (the stamp in the PNG says which): drawing is most of a card's cost.
        let stamp = social::stamp(svg);
        if let Some(old) = self.sink.previous(rel) {
            if social::stamp_of(&old).as_deref() == Some(stamp.as_str()) {
                return match key {
                    Some(k) => self.sink.write_keyed(rel, k, &old),
                    None => self.sink.write(rel, &old),
                }
                .map_err(|e| RenderError::write(rel, e));
            }
        }
        let bytes = match self.sink.keeps_bytes() {
            true => social::png(svg, &stamp),
            false => social::validate(svg).map(|()| Vec::new()),
        }
        .map_err(|message| RenderError::Card {
            path: rel.to_string(),
            message,
        })?;
        match key {
            Some(k) => self.sink.write_keyed(rel, k, &bytes),
            None => self.sink.write(rel, &bytes),
        }
        .map_err(|e| RenderError::write(rel, e))
    }

    /// Render `template` to `route`'s file, adding the `page` variable; folders go into the
    /// sitemap with their `lastmod`. A page
    /// whose inputs hash to `key` (see [`Writer::key`]) that the sink still holds from an
    /// earlier render is kept, and its context never built.
    pub(crate) fn emit_keyed<C>(
        &self,
        template: &str,
        title: &str,
        route: Route,
        key: Option<u64>,
        lastmod: Option<String>,
        ctx: impl FnOnce() -> C,
    ) -> Result<(), RenderError>
    where
        C: Serialize,
    {
        self.emit_with_meta(template, title, route, key, lastmod, None, ctx)
    }

    /// [`Writer::emit_keyed`] for a page with link-preview metadata of its own (`None`: the
    /// site's).
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn emit_with_meta<C>(
        &self,
        template: &str,
        title: &str,
        route: Route,
        key: Option<u64>,
        lastmod: Option<String>,
        meta: Option<MetaView>,
        ctx: impl FnOnce() -> C,
    ) -> Result<(), RenderError>
    where
        C: Serialize,
    {
        if self.keep(route, key, lastmod.clone()) {
            return Ok(());
        }
        let file = route.file();
        {
            // Fields holding a `Value` are passed through, not copied (tera's serializer
            // clones the `Arc`).
            let own = ctx();
            let mut ctx = Context::from_serialize(&own).map_err(|e| RenderError::Context {
                file: file.clone(),
                source: Box::new(e),
            })?;
            let page = self.page_view(route, title, meta);
            ctx.insert_value("page", Value::from_serializable(&page));
            if let Some(capture) = &self.capture {
                // Only tests ask; a value serde_json cannot take shows as text there.
                let mut json = serde_json::to_value(&own)
                    .unwrap_or_else(|e| serde_json::Value::String(e.to_string()));
                if let Some(map) = json.as_object_mut() {
                    map.insert(
                        "page".into(),
                        serde_json::to_value(&page).unwrap_or_default(),
                    );
                }
                capture.lock().expect("capture").push(PageContext {
                    file: file.clone(),
                    kind: route.kind(),
                    template: template.to_string(),
                    context: json,
                });
            }
            // Each thread renders into one buffer, page after page, rather than a new string
            // regrown a few times per page. It is taken out while in use, so a render nested
            // in this one (there is none) would start a buffer of its own.
            thread_local! {
                static PAGE: std::cell::Cell<Vec<u8>> = const { std::cell::Cell::new(Vec::new()) };
            }
            let mut html = PAGE.take();
            html.clear();
            self.tera
                .render_to(template, &ctx, &mut html)
                .map_err(|e| RenderError::Template {
                    file: file.clone(),
                    template: template.to_string(),
                    source: TemplateError::new(e, self.theme),
                })?;
            let written = match key {
                Some(k) => self.sink.write_keyed(&file, k, &html),
                None => self.sink.write(&file, &html),
            };
            PAGE.set(html);
            written.map_err(|e| RenderError::write(&file, e))?;
        }
        self.count_page(route, lastmod);
        Ok(())
    }

    /// Count a page written or kept; folders go into the sitemap with their `lastmod` (not the
    /// 404 page, nor status cards: they are parts of other sites' pages).
    fn count_page(&self, route: Route, lastmod: Option<String>) {
        if !matches!(
            route,
            Route::NotFound | Route::Embed | Route::ComponentEmbed(_)
        ) {
            self.sitemap.lock().expect("sitemap").push((
                self.paths.permalink(&route.rel()),
                lastmod.unwrap_or_default(),
            ));
        }
        self.pages.fetch_add(1, Ordering::Relaxed);
    }
}

/// Render every page into `sink`.
pub fn render<'a>(
    input: &'a RenderInput<'a>,
    sink: &'a dyn Sink,
) -> Result<RenderStats, RenderError> {
    render_with(input, sink, None).map(|(stats, _)| stats)
}

/// Every page's template context, sorted by file, as a full render (into nothing) builds them:
/// what docs/templates.md documents and tests/contexts.rs pins. The first entry is the
/// globals every page also sees, as kind `globals`.
pub fn page_contexts(input: &RenderInput) -> Result<Vec<PageContext>, String> {
    let (_, pages) = render_with(input, &crate::output::Discard, Some(Mutex::new(Vec::new())))
        .map_err(|e| e.to_string())?;
    let mut pages = pages.unwrap_or_default();
    pages.sort_by(|a, b| a.file.cmp(&b.file));
    let globals = serde_json::to_value(globals(input)).map_err(|e| e.to_string())?;
    pages.insert(
        0,
        PageContext {
            file: String::new(),
            kind: "globals",
            template: String::new(),
            context: globals,
        },
    );
    Ok(pages)
}

#[allow(clippy::type_complexity)]
fn render_with<'a>(
    input: &'a RenderInput<'a>,
    sink: &'a dyn Sink,
    capture: Option<Mutex<Vec<PageContext>>>,
) -> Result<(RenderStats, Option<Vec<PageContext>>), RenderError> {
    let w = writer(input, sink, capture)?;
    let prepared = prepare_all(&w, input, w.keys.map(|k| k.site).unwrap_or_default())?;
    // What /factors/, /actions/, /severities/ and /stats/ show across incidents: made once.
    let archive = archive_pages::ArchiveViews::new(input, &w.paths);
    // The page families are independent of each other: incident pages on one side, the lists,
    // status pages and feeds on the other.
    let (incidents, rest) = rayon::join(
        || incident_pages(&w, &prepared).and_then(|()| data_files(&w)),
        || -> Result<_, RenderError> {
            let home = status_pages::render(&w, input, &prepared, &archive)?;
            home_page(&w, input, &prepared, home)?;
            history_pages(&w, &prepared)?;
            archive_pages::render(&w, &archive, &prepared)?;
            w.emit_keyed(
                "404.html",
                &input.locale.text.get("not-found-title"),
                Route::NotFound,
                w.key(|k| CacheKey::NotFound {
                    site: k.site,
                    templates: k.templates,
                }),
                None,
                || NotFoundPage {},
            )?;
            feeds::files(&w)
        },
    );
    incidents?;
    let (feeds, feed_files) = rest?;
    let search_files = search_index(&w)?;
    if let Some(memo) = input.memo {
        memo.rotate_search_docs();
    }
    feeds.par_iter().try_for_each(|(rel, key, xml)| {
        match key {
            Some(k) => sink.write_keyed(rel, *k, xml.as_bytes()),
            None => sink.write(rel, xml.as_bytes()),
        }
        .map_err(|e| RenderError::write(rel, e))
    })?;
    // A robots.txt of the site's or theme's own (static/) replaces the generated one.
    let own_robots = input.theme.statics.contains_key("robots.txt");
    if !own_robots {
        let robots = social::robots_txt(input.config);
        sink.write("robots.txt", robots.as_bytes())
            .map_err(|e| RenderError::write("robots.txt", e))?;
    }
    let cards = match input.config.social_cards {
        true => {
            w.emit_card(social::CARD_FILE, &social::site_card_svg(input.config))?;
            input.incidents.len() + 1
        }
        false => 0,
    };
    let mut sitemap = w.sitemap.into_inner().expect("sitemap");
    sitemap.sort();
    sink.write("sitemap.xml", sitemap_xml(&sitemap).as_bytes())
        .map_err(|e| RenderError::write("sitemap.xml", e))?;
    let statics = copy_statics(input, sink)?;
    // The sitemap, robots.txt, the cards, the API files and the calendar.
    let pages = w.pages.into_inner();
    let files = 1
        + usize::from(!own_robots)
        + cards
        + search_files
        + feed_files
        + api::FILES.len()
        + 1
        + pages
        + w.json_docs.into_inner()
        + w.other_files.into_inner()
        + statics
        + input
            .incidents
            .iter()
            .chain(input.maintenances)
            .map(|i| i.assets.len())
            .sum::<usize>();
    let markdown = match input.memo {
        Some(m) => m.fresh.load(Ordering::Relaxed),
        None => input.incidents.len(),
    };
    let stats = RenderStats {
        pages,
        files,
        markdown,
    };
    Ok((stats, w.capture.map(|c| c.into_inner().expect("capture"))))
}

/// The search index (`search/`) and the search page, from the documents the incident pages
/// left; how many index files.
fn search_index(w: &Writer) -> Result<usize, RenderError> {
    let Some(docs) = &w.search else {
        return Ok(0);
    };
    let mut docs = std::mem::take(&mut *docs.lock().expect("search docs"));
    docs.sort_by_key(|(n, _, _)| *n);
    // The index is made from the documents alone: with the same documents (their keys) it
    // is the same, and kept whole without being made.
    let doc_keys: Option<Vec<u64>> = docs.iter().map(|(_, k, _)| *k).collect();
    // (`serve`, which holds the index in memory, keeps each file whose bytes are unchanged.)
    let lazy = w.input.memo.is_some_and(|m| m.lazy);
    let index_key = doc_keys.filter(|_| lazy).and_then(|keys| {
        w.key(|k| CacheKey::SearchIndex {
            site: k.site,
            docs: Digest::list(keys),
        })
    });
    let docs: Vec<Arc<search::SearchDoc>> = docs.into_iter().map(|(_, _, d)| d).collect();
    let names = search::facet_names(w.input.locale);
    let held = index_key.and_then(|k| Some((k, w.sink.held_group("search/", k)?)));
    let count = match held {
        Some((k, group)) => {
            for rel in &group {
                if !w.sink.reuse(rel, k) {
                    // `held_group` vouched for every file: only a clash gets here, which the
                    // recorder reports.
                    return Err(RenderError::write(
                        rel,
                        std::io::Error::other("a kept file could not be kept"),
                    ));
                }
            }
            group.len()
        }
        None => {
            let files = search::files(&docs, &names);
            files.par_iter().try_for_each(|(rel, json)| {
                let key = index_key.or_else(|| {
                    w.key(|k| CacheKey::Search {
                        site: k.site,
                        templates: Digest::default(),
                        index: Digest::of(&(rel, json)),
                    })
                });
                match key {
                    Some(k) if index_key.is_none() && w.sink.reuse(rel, k) => Ok(()),
                    Some(k) => w.sink.write_keyed(rel, k, json.as_bytes()),
                    None => w.sink.write(rel, json.as_bytes()),
                }
                .map_err(|e| RenderError::write(rel, e))
            })?;
            files.len()
        }
    };
    let facets = search::facet_views(&docs, &names);
    let key = w.key(|k| CacheKey::Search {
        site: k.site,
        templates: k.templates,
        index: Digest::of(&facets),
    });
    let title = w.input.locale.text.get("search-title");
    w.emit_keyed("search.html", &title, Route::Search, key, None, || {
        SearchPage { facets }
    })?;
    Ok(count)
}

/// The writer every page family shares: the templates and the file → page map, from the
/// memo when their inputs are unchanged.
fn writer<'a>(
    input: &'a RenderInput<'a>,
    sink: &'a dyn Sink,
    capture: Option<Mutex<Vec<PageContext>>>,
) -> Result<Writer<'a>, RenderError> {
    let c = input.config;
    let paths = || Paths {
        base_url: &c.base_url,
        base_path: c.base_path(),
    };
    // Only a render that can reuse anything pays for the keys.
    let keys = input.memo.map(|_| Inputs::new(input));
    let kept = input.memo.zip(keys);
    let tera = memoized(
        kept.map(|(m, k)| {
            let key = CacheKey::Templates {
                site: k.site,
                templates: k.templates,
            };
            (&m.tera, key.digest())
        }),
        || engine(input),
    )?;
    // Every item's path and slug are in its front matter's fingerprint.
    let linker = memoized(
        kept.map(|(m, k)| {
            let key = CacheKey::Linker {
                site: k.site,
                fronts: k.fronts,
            };
            (&m.linker, key.digest())
        }),
        || Ok::<_, std::convert::Infallible>(Linker::new(input, &paths())),
    )
    .unwrap_or_else(|never| match never {});
    Ok(Writer {
        tera,
        sink,
        theme: input.theme,
        paths: paths(),
        sitemap: Mutex::new(Vec::new()),
        capture,
        pages: AtomicUsize::new(0),
        json_docs: AtomicUsize::new(0),
        other_files: AtomicUsize::new(0),
        input,
        linker,
        related: crate::model::related::Related::new(
            input.incidents.iter().chain(input.maintenances),
        ),
        keys,
        search: c
            .search
            .then(|| Mutex::new(Vec::with_capacity(input.incidents.len()))),
        site_meta: social::site_meta(c, input.locale),
    })
}

/// The theme's and the site's static files, copied to the root; how many.
fn copy_statics(input: &RenderInput, sink: &dyn Sink) -> Result<usize, RenderError> {
    for (rel, src) in &input.theme.statics {
        let r = match src {
            StaticSource::Embedded(bytes) => sink.write(rel, bytes),
            StaticSource::Disk(p) => sink.copy(rel, p),
        };
        r.map_err(|source| RenderError::CopyStatic {
            path: rel.clone(),
            source,
        })?;
    }
    Ok(input.theme.statics.len())
}

/// The JSON API and the maintenance calendar, unless the sink kept them.
fn data_files(w: &Writer) -> Result<(), RenderError> {
    let (input, sink) = (w.input, w.sink);
    let write = |rel: &str, key: Option<u64>, text: &str| {
        match key {
            Some(k) => sink.write_keyed(rel, k, text.as_bytes()),
            None => sink.write(rel, text.as_bytes()),
        }
        .map_err(|e| RenderError::write(rel, e))
    };
    // Every API file, unless the sink kept them all.
    let api_key = api::key(w);
    let kept = |k: u64| {
        api::FILES
            .iter()
            .fold(true, |all, f| sink.reuse(f, k) & all)
    };
    if !api_key.is_some_and(kept) {
        let api = api::Api::new(input, &w.paths).files();
        debug_assert_eq!(api.iter().map(|f| f.0).collect::<Vec<_>>(), api::FILES);
        for (rel, json) in api {
            write(rel, api_key, &json)?;
        }
    }
    let ics_key = w.key(|k| CacheKey::Calendar {
        site: k.site,
        maintenances: Digest::list(input.maintenances.iter().map(|m| m.front_fingerprint)),
    });
    if !ics_key.is_some_and(|k| sink.reuse("maintenance.ics", k)) {
        write(
            "maintenance.ics",
            ics_key,
            &feeds::calendar(input, &w.paths)?,
        )?;
    }
    Ok(())
}

/// Copy a bundle's files beside its page at `rel`.
fn copy_assets(w: &Writer, i: &Incident, rel: &str) -> Result<(), RenderError> {
    let Some(bundle) = &i.bundle else {
        return Ok(());
    };
    for asset in &i.assets {
        let rel_asset = asset
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        w.sink
            .copy(&format!("{rel}{rel_asset}"), &bundle.join(asset))
            .map_err(|source| RenderError::CopyAsset {
                item: i.path.clone(),
                asset: asset.clone(),
                source,
            })?;
    }
    Ok(())
}

/// One page per incident, in parallel, with links to the next older and newer ones: the
/// incidents whose page data is still at hand (a full build wrote the others while preparing).
fn incident_pages(w: &Writer, prepared: &[Prepared]) -> Result<(), RenderError> {
    prepared
        .par_iter()
        .enumerate()
        .try_for_each(|(n, p)| match &p.page {
            Some(page) => incident_page(w, n, page, p.linker),
            None => Ok(()),
        })
}

/// The page, JSON and bundle files of the `n`th incident (newest first), whose text links
/// through the file → page map `linker` (see [`Prepared::linker`]).
fn incident_page(
    w: &Writer,
    n: usize,
    page: &PageData,
    linker: Option<Digest>,
) -> Result<(), RenderError> {
    let all = w.input.incidents;
    let i = &*all[n];
    fn link<'q>(w: &Writer, q: &'q Incident) -> LinkView<'q> {
        LinkView {
            title: &q.title,
            path: w.paths.path(&Route::Incident(&q.slug).rel()),
        }
    }
    let route = Route::Incident(&i.slug);
    let rel = route.rel();
    let next = n.checked_sub(1).map(|k| &*all[k]);
    let prev = all.get(n + 1).map(|q| &**q);
    let related = w.related.of(&i.slug);
    let meta = incident_meta_and_card(w, i)?;
    w.emit_with_meta(
        "incident.html",
        &i.title,
        route,
        incident_page_key(w, n, linker),
        Some(incident_lastmod(i)),
        Some(meta),
        || IncidentPage {
            incident: page.full.clone(),
            next: next.map(|q| link(w, q)),
            prev: prev.map(|q| link(w, q)),
            related: related
                .iter()
                .map(|q| RelatedView {
                    title: &q.title,
                    path: w.paths.path(&route_of(q).rel()),
                    kind: q.kind.id(),
                    started: w.input.locale.view_with_precision(
                        q.started,
                        q.precision.started,
                        w.input.config.timezone,
                        q.posted_tz,
                    ),
                    review_state: q.review.state.id(),
                })
                .collect(),
        },
    )?;
    if let Some(docs) = &w.search {
        let key = search_doc_key(w, i, linker);
        let kept = key.and_then(|k| w.input.memo?.search_doc(k));
        let doc = kept.unwrap_or_else(|| {
            Arc::new(search::doc(
                w.input.config,
                w.input.locale,
                i,
                w.paths.path(&rel),
                &page.body.html,
                &page.messages,
            ))
        });
        if let (Some(k), Some(memo)) = (key, w.input.memo) {
            memo.keep_search_doc(k, doc.clone());
        }
        docs.lock().expect("search docs").push((n, key, doc));
    }
    if !w.reuse_document(i, linker) {
        let messages: Vec<&str> = page.messages.iter().map(String::as_str).collect();
        w.emit_document(i, linker, &page.body.html, &page.body.toc, &messages)?;
    }
    copy_assets(w, i, &rel)
}

/// The key of the `n`th incident's page, whose text links through `linker`.
fn incident_page_key(w: &Writer, n: usize, linker: Option<Digest>) -> Option<u64> {
    let all = w.input.incidents;
    let i = &*all[n];
    // The older/newer links show the neighbours' titles: their front matter.
    let fp = |q: Option<&Arc<Incident>>| q.map(|q| q.front_fingerprint);
    w.key(|k| CacheKey::IncidentPage {
        site: k.site,
        templates: k.templates,
        fingerprint: i.fingerprint,
        linker,
        newer: fp(n.checked_sub(1).map(|k| &all[k])),
        older: fp(all.get(n + 1)),
        related: related_digest(w.related.of(&i.slug)),
    })
}

/// The key of an incident's search document.
fn search_doc_key(w: &Writer, i: &Incident, linker: Option<Digest>) -> Option<u64> {
    w.key(|k| CacheKey::SearchDoc {
        site: k.site,
        fingerprint: i.fingerprint,
        linker,
    })
}

/// The sitemap's `lastmod` of an incident page: the day of its last update.
fn incident_lastmod(i: &Incident) -> String {
    let last = i.timeline.last().map_or(i.started, |e| e.at);
    crate::util::timefmt::ymd(last.date_naive())
}

/// An incident page's link-preview metadata; its social card is written (or kept) on the way.
fn incident_meta_and_card(w: &Writer, i: &Incident) -> Result<MetaView, RenderError> {
    let route = Route::Incident(&i.slug);
    let (meta, card) = social::incident(
        w.input.config,
        w.input.locale,
        i,
        w.input.now,
        &w.paths.permalink(&route.rel()),
    );
    if let Some(svg) = card {
        w.emit_card(&route.beside(social::CARD_FILE), &svg)?;
    }
    Ok(match meta.description.is_empty() {
        true => MetaView {
            description: w.site_meta.description.clone(),
            ..meta
        },
        false => meta,
    })
}

/// Keep the `n`th incident's page, JSON twin and search document from the previous build when
/// the sink and the memo hold all three for this render's keys (then its card and bundle files
/// are written or kept as usual): `false`, with nothing kept, when any one must be made.
fn kept_incident_page(w: &Writer, n: usize, linker: Option<Digest>) -> Result<bool, RenderError> {
    let i = &*w.input.incidents[n];
    let route = Route::Incident(&i.slug);
    let (Some(page_key), Some(json_key)) =
        (incident_page_key(w, n, linker), w.document_key(i, linker))
    else {
        return Ok(false);
    };
    let doc = match &w.search {
        Some(_) => match search_doc_key(w, i, linker)
            .and_then(|k| Some((k, w.input.memo?.search_doc(k)?)))
        {
            Some(found) => Some(found),
            None => return Ok(false),
        },
        None => None,
    };
    let json = route.beside("index.json");
    if !(w.sink.holds(&route.file(), page_key) && w.sink.holds(&json, json_key)) {
        return Ok(false);
    }
    incident_meta_and_card(w, i)?;
    if !w.keep(route, Some(page_key), Some(incident_lastmod(i))) || !w.reuse_document(i, linker) {
        // `holds` said yes: only a clash between output paths gets here, and the
        // recorder reports it.
        return Err(RenderError::write(
            &json,
            std::io::Error::other("a kept file could not be kept"),
        ));
    }
    if let (Some(docs), Some((k, doc))) = (&w.search, doc) {
        if let Some(memo) = w.input.memo {
            memo.keep_search_doc(k, doc.clone());
        }
        docs.lock().expect("search docs").push((n, Some(k), doc));
    }
    copy_assets(w, i, &route.rel())?;
    Ok(true)
}

/// What an incident page shows of its related items (the site, in the key beside it, gives
/// the rest of their paths): a related file's edit re-renders the page only when it changes
/// one of these.
fn related_digest(related: &[Arc<Incident>]) -> Digest {
    let shown: Vec<(&str, &str, &str, i64, &str)> = related
        .iter()
        .map(|q| {
            (
                q.kind.id(),
                q.slug.as_str(),
                q.title.as_str(),
                q.started.timestamp(),
                q.review.state.id(),
            )
        })
        .collect();
    Digest::of(&shown)
}

fn home_page(
    w: &Writer,
    input: &RenderInput,
    prepared: &[Prepared],
    status: HomeStatus,
) -> Result<(), RenderError> {
    let ongoing: Vec<Value> = prepared
        .iter()
        .filter(|p| p.incident.ongoing())
        .map(|p| p.summary.clone())
        .collect();
    let recent: Vec<Value> = prepared
        .iter()
        .filter(|p| !p.incident.ongoing())
        .take(RECENT)
        .map(|p| p.summary.clone())
        .collect();
    let ctx = HomePage {
        ongoing,
        recent,
        total: prepared.len(),
        history_path: w.paths.path(&Route::History.rel()),
        status,
    };
    w.emit_keyed(
        "index.html",
        &input.config.title,
        Route::Home,
        w.key(|k| CacheKey::Home {
            site: k.site,
            templates: k.templates,
            fronts: k.fronts,
        }),
        None,
        || ctx,
    )
}

/// `/history/`, and `/history/<year>/` paginated.
fn history_pages(w: &Writer, prepared: &[Prepared]) -> Result<(), RenderError> {
    let refs: Vec<&Prepared> = prepared.iter().collect();
    let mut years: Vec<(i32, Vec<&Prepared>)> = Vec::new();
    for p in &refs {
        match years.last_mut() {
            Some((y, list)) if *y == p.year => list.push(p),
            _ => years.push((p.year, vec![p])),
        }
    }
    // Every page lists the years: made once.
    let years_value = Value::from_serializable(&history_years(&w.paths, &years));
    let ctx = HistoryPage {
        years: years_value.clone(),
        months: month_groups(&refs[..refs.len().min(HISTORY_RECENT)]),
        total: prepared.len(),
    };
    w.emit_keyed(
        "history.html",
        &w.input.locale.text.get("history-title"),
        Route::History,
        w.key(|k| CacheKey::History {
            site: k.site,
            templates: k.templates,
            fronts: k.fronts,
        }),
        None,
        || ctx,
    )?;

    // Every year page lists the years and months: their shape is in each page's key.
    let months = match w.input_memo() {
        true => Digest::of(&prepared.iter().map(|p| &p.month_key).collect::<Vec<_>>()),
        false => Digest::default(),
    };
    // Every year page, in parallel: together they list every incident.
    let pages: Vec<(i32, &[&Prepared], usize, &[&Prepared])> = years
        .iter()
        .flat_map(|(y, list)| {
            list.chunks(HISTORY_PAGE_SIZE)
                .enumerate()
                .map(move |(idx, chunk)| (*y, list.as_slice(), idx + 1, chunk))
        })
        .collect();
    pages.par_iter().try_for_each(|&(y, list, n, chunk)| {
        let title = w.input.locale.text.format(
            "history-year-title",
            &[("year", Arg::Str(&y.to_string())), ("page", Arg::from(n))],
        );
        let key = w.key(|k| CacheKey::HistoryYearPage {
            site: k.site,
            templates: k.templates,
            months,
            year: y,
            page: n,
            items: Digest::list(chunk.iter().map(|p| p.incident.front_fingerprint)),
        });
        w.emit_keyed(
            "history_year.html",
            &title,
            Route::HistoryYear { year: y, page: n },
            key,
            None,
            || history_year_page(&w.paths, y, list.len(), n, chunk, &years_value),
        )
    })
}

/// Every year with its months, for the archive's navigation.
fn history_years<'a>(
    paths: &Paths,
    years: &[(i32, Vec<&'a Prepared>)],
) -> Vec<HistoryYearView<'a>> {
    years
        .iter()
        .map(|(y, list)| {
            let mut months = Vec::new();
            let mut k = 0;
            while k < list.len() {
                let key = &list[k].month_key;
                let n = list[k..].iter().take_while(|p| &p.month_key == key).count();
                // The year page holding the month's first incident.
                let page = Route::HistoryYear {
                    year: *y,
                    page: k / HISTORY_PAGE_SIZE + 1,
                };
                months.push(HistoryMonthView {
                    path: format!("{}#month-{key}", paths.path(&page.rel())),
                    key,
                    label: &list[k].month_label,
                    count: n,
                });
                k += n;
            }
            HistoryYearView {
                year: *y,
                count: list.len(),
                path: paths.path(&Route::HistoryYear { year: *y, page: 1 }.rel()),
                months,
            }
        })
        .collect()
}

/// Page `n` of `year` (which has `count` incidents), showing `chunk`.
fn history_year_page<'a>(
    paths: &Paths,
    year: i32,
    count: usize,
    n: usize,
    chunk: &[&'a Prepared],
    years: &Value,
) -> HistoryYearPage<'a> {
    let total_pages = count.div_ceil(HISTORY_PAGE_SIZE);
    let path = |page: usize| {
        (1..=total_pages)
            .contains(&page)
            .then(|| paths.path(&Route::HistoryYear { year, page }.rel()))
    };
    HistoryYearPage {
        year: YearRef {
            year,
            count,
            path: path(1),
        },
        months: month_groups(chunk),
        pagination: Pagination {
            current: n,
            total_pages,
            prev_path: path(n - 1),
            next_path: path(n + 1),
            pages: (1..=total_pages)
                .map(|k| PageLink {
                    number: k,
                    path: path(k),
                    current: k == n,
                })
                .collect(),
        },
        years: years.clone(),
    }
}

fn sitemap_xml(urls: &[(String, String)]) -> String {
    let mut s = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    for (loc, lastmod) in urls {
        s.push_str("  <url><loc>");
        s.push_str(&crate::util::escape::markup(loc));
        s.push_str("</loc>");
        if !lastmod.is_empty() {
            s.push_str("<lastmod>");
            s.push_str(lastmod);
            s.push_str("</lastmod>");
        }
        s.push_str("</url>\n");
    }
    s.push_str("</urlset>\n");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn badge_text_contrast() {
        assert_eq!(text_color_for("#d4a000"), "#000000");
        assert_eq!(text_color_for("#c92a2a"), "#ffffff");
        assert_eq!(text_color_for("#ffffff"), "#000000");
        assert_eq!(text_color_for("#000000"), "#ffffff");
    }
}
