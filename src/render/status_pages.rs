//! Component, maintenance and stats pages, and the status parts of the home page: views of
//! what `status` and `stats` derive (states, uptime, bars, statistics), nothing derived here.
//! Each component's views are made once and shared by every page that shows them.

use super::archive_pages::{percentiles_view, ArchiveViews};
use super::badges;
use super::*;
use crate::input::config::Component;
use crate::model::stats::{self, Period, ResolveStats, Stats};
use crate::model::status::{self, ComponentStatus, Day, State};
use crate::model::uptime;
use crate::util::i18n::Arg;
use crate::util::timefmt::{year_month, year_text, ymd};
use rustc_hash::FxHashMap as HashMap;
use std::sync::OnceLock;

#[derive(Serialize)]
struct StateView {
    id: &'static str,
    label: String,
}

impl StateView {
    fn new(loc: &Locale, s: State) -> Self {
        StateView {
            id: s.id(),
            label: state_label(loc, s),
        }
    }
}

/// What a component's state, uptime and badges are made from: the front matter of its
/// incidents and maintenance.
fn component_items(by: &ByComponent, id: &str) -> Digest {
    Digest::list(
        by.incidents(id)
            .iter()
            .chain(by.maintenances(id))
            .map(|i| i.front_fingerprint),
    )
}

/// A component state's label: `state-operational`, `state-under-maintenance`, or its level's.
pub(super) fn state_label(loc: &Locale, s: State) -> String {
    match s {
        State::Down(l) => loc.text.label("level", l.id()),
        s => loc.text.label("state", s.id()),
    }
}

#[derive(Serialize)]
struct GroupRef<'a> {
    id: &'a str,
    name: &'a str,
}

#[derive(Serialize)]
struct UptimeView {
    d30: Option<String>,
    d90: Option<String>,
    d365: Option<String>,
}

#[derive(Serialize)]
struct MinutesView {
    level: &'static str,
    label: String,
    minutes: i64,
}

#[derive(Serialize)]
struct BarView<'a> {
    date: String,
    label: String,
    state: &'static str,
    state_label: String,
    minutes: Vec<MinutesView>,
    incidents: Vec<LinkView<'a>>,
    text: String,
}

#[derive(Serialize)]
struct ComponentSummaryView<'a> {
    id: &'a str,
    name: &'a str,
    description: &'a str,
    group: Option<GroupRef<'a>>,
    path: String,
    status: StateView,
    uptime: UptimeView,
    bars: Vec<BarView<'a>>,
}

#[derive(Serialize)]
struct ResolveView {
    count: usize,
    median: Option<DurationView>,
    longest: Option<DurationView>,
}

#[derive(Serialize)]
struct ComponentPageView<'a> {
    #[serde(flatten)]
    summary: &'a ComponentSummaryView<'a>,
    stats: BTreeMap<&'static str, ResolveView>,
}

#[derive(Serialize)]
struct NamedLink<'a> {
    id: &'a str,
    name: &'a str,
    path: String,
}

#[derive(Serialize)]
struct MaintenanceSummaryView<'a> {
    slug: &'a str,
    title: &'a str,
    summary: &'a str,
    path: String,
    permalink: String,
    draft: bool,
    /// The review state id (`draft`, `in_review`, `published`).
    review_state: &'static str,
    status: StatusView,
    scheduled_start: TimeView,
    scheduled_end: TimeView,
    start: TimeView,
    end: TimeView,
    duration: DurationView,
    components: Vec<NamedLink<'a>>,
    active: bool,
    upcoming: bool,
}

#[derive(Serialize)]
struct MaintenancePageView<'a> {
    #[serde(flatten)]
    summary: &'a MaintenanceSummaryView<'a>,
    timeline: Vec<EntryView>,
    body_html: String,
    has_body: bool,
    toc: Vec<markdown::TocEntry>,
    authors: &'a [String],
    tags: &'a [String],
}

/// A component with everything computed for it.
struct Computed<'a> {
    component: &'a Component,
    summary: Value,
    page: Value,
    state: State,
    causes: Vec<&'a Incident>,
    /// Uptime over 90 days as `status::component` gives it (its page shows it formatted).
    uptime90: Option<i64>,
}

fn link<'a>(w: &Writer, i: &'a Incident) -> LinkView<'a> {
    LinkView {
        title: &i.title,
        path: w.paths.path(&route_of(i).rel()),
    }
}

fn bar<'a>(w: &Writer, d: &Day<'a>) -> BarView<'a> {
    let loc = w.input.locale;
    let label = loc.date_display(d.date);
    let levels = [
        Level::DegradedPerformance,
        Level::PartialOutage,
        Level::MajorOutage,
    ];
    let minutes: Vec<MinutesView> = (0..3)
        .rev()
        .filter(|&k| d.seconds[k] > 0)
        .map(|k| MinutesView {
            level: levels[k].id(),
            label: loc.text.label("level", levels[k].id()),
            // Whole minutes, a started one counting.
            minutes: (d.seconds[k] + 59) / 60,
        })
        .collect();
    let (state, state_label) = match d.state {
        None => ("no_data", loc.text.get("state-no-data")),
        Some(s) => (s.id(), state_label(loc, s)),
    };
    let date = Arg::Str(&label);
    let mut text = match d.state {
        None => loc.text.format("bars-day-no-data", &[("date", date)]),
        Some(_) if minutes.is_empty() => loc.text.format("bars-day-no-downtime", &[("date", date)]),
        Some(_) => {
            let levels = minutes
                .iter()
                .map(|m| {
                    loc.text.format(
                        "bars-level-minutes",
                        &[
                            ("level", Arg::Str(&m.label)),
                            ("minutes", Arg::Num(m.minutes)),
                        ],
                    )
                })
                .collect::<Vec<_>>()
                .join(&loc.text.get("list-separator-strong"));
            loc.text.format(
                "bars-day-downtime",
                &[("date", date), ("levels", Arg::Str(&levels))],
            )
        }
    };
    if !d.incidents.is_empty() {
        let titles = d
            .incidents
            .iter()
            .map(|i| i.title.as_str())
            .collect::<Vec<_>>()
            .join(&loc.text.get("list-separator"));
        text.push(' ');
        text.push_str(
            &loc.text
                .format("bars-day-incidents", &[("incidents", Arg::Str(&titles))]),
        );
    }
    BarView {
        date: ymd(d.date),
        label,
        state,
        state_label,
        minutes,
        incidents: d.incidents.iter().map(|i| link(w, i)).collect(),
        text,
    }
}

fn resolve_view(loc: &Locale, r: &ResolveStats) -> ResolveView {
    ResolveView {
        count: r.count,
        median: r.median.map(|s| loc.duration_view(s)),
        longest: r.longest.map(|s| loc.duration_view(s)),
    }
}

/// A component's views from its [`ComponentStatus`].
fn compute<'a>(
    w: &Writer,
    input: &RenderInput<'a>,
    comp: &'a Component,
    incidents: &[&'a Incident],
    maintenances: &[&'a Incident],
) -> Computed<'a> {
    let c = input.config;
    let ComponentStatus {
        state,
        causes,
        uptime: [d30, d90, d365],
        days,
        resolve: [r90, r365],
    } = status::component(comp, incidents, maintenances, c, input.now);
    let loc = input.locale;
    let percent = |u: Option<i64>| {
        u.map(|s| {
            let p = uptime::format_percent(s, c.uptime.decimals);
            loc.text
                .format("percent", &[("n", Arg::Decimal(p.trim_end_matches('%')))])
        })
    };
    let summary = ComponentSummaryView {
        id: &comp.id,
        name: &comp.display_name,
        description: &comp.description,
        group: comp
            .group
            .as_deref()
            .and_then(|g| c.groups.iter().find(|x| x.id == g))
            .map(|g| GroupRef {
                id: &g.id,
                name: &g.name,
            }),
        path: w.paths.path(&Route::Component(&comp.id).rel()),
        status: StateView::new(loc, state),
        uptime: UptimeView {
            d30: percent(d30),
            d90: percent(d90),
            d365: percent(d365),
        },
        bars: days.iter().map(|d| bar(w, d)).collect(),
    };
    let stats = BTreeMap::from([
        ("d90", resolve_view(loc, &r90)),
        ("d365", resolve_view(loc, &r365)),
    ]);
    Computed {
        component: comp,
        page: Value::from_serializable(&ComponentPageView {
            summary: &summary,
            stats,
        }),
        summary: Value::from_serializable(&summary),
        state,
        causes,
        uptime90: d90,
    }
}

/// What [`compute`] gives, kept in the [`crate::render::Memo`] between renders: the causes by
/// fingerprint (they are among the component's own incidents and maintenance).
pub(super) struct ComputedData {
    summary: Value,
    page: Value,
    state: State,
    causes: Vec<u64>,
    uptime90: Option<i64>,
}

/// [`compute`], reused while the component's inputs (`key`) are unchanged.
fn memo_compute<'a>(
    w: &Writer,
    input: &RenderInput<'a>,
    memo: &crate::render::Memo,
    key: u64,
    comp: &'a Component,
    incidents: &[&'a Incident],
    maintenances: &[&'a Incident],
) -> Computed<'a> {
    let hit = memo
        .components
        .lock()
        .expect("memo")
        .get(&comp.id)
        .filter(|(k, _)| *k == key)
        .map(|(_, d)| d.clone());
    let Some(d) = hit else {
        let x = compute(w, input, comp, incidents, maintenances);
        let data = ComputedData {
            summary: x.summary.clone(),
            page: x.page.clone(),
            state: x.state,
            causes: x.causes.iter().map(|i| i.front_fingerprint).collect(),
            uptime90: x.uptime90,
        };
        memo.components
            .lock()
            .expect("memo")
            .insert(comp.id.clone(), (key, std::sync::Arc::new(data)));
        return x;
    };
    Computed {
        component: comp,
        summary: d.summary.clone(),
        page: d.page.clone(),
        state: d.state,
        causes: incidents
            .iter()
            .chain(maintenances)
            .filter(|i| d.causes.contains(&i.front_fingerprint))
            .copied()
            .collect(),
        uptime90: d.uptime90,
    }
}

fn maintenance_summary<'a>(
    w: &Writer,
    input: &RenderInput<'a>,
    m: &'a Incident,
) -> MaintenanceSummaryView<'a> {
    let (c, now, tz, loc) = (input.config, input.now, input.config.timezone, input.locale);
    let win = m.window.expect("maintenance has a window");
    let st = m.status_at(now);
    let rel = Route::Maintenance(&m.slug).rel();
    MaintenanceSummaryView {
        slug: &m.slug,
        title: &m.title,
        summary: &m.summary,
        path: w.paths.path(&rel),
        permalink: w.paths.permalink(&rel),
        draft: m.draft,
        review_state: m.review.state.id(),
        status: StatusView {
            id: st.id(),
            label: loc.text.label("status", st.id()),
        },
        scheduled_start: loc.view(win.scheduled_start, tz),
        scheduled_end: loc.view(win.scheduled_end, tz),
        start: loc.view(win.start, tz),
        end: loc.view(win.end, tz),
        duration: loc.duration_view(win.duration_seconds()),
        components: m
            .components
            .iter()
            .filter_map(|id| c.component(id).filter(|x| !x.hidden))
            .map(|x| NamedLink {
                id: &x.id,
                name: &x.display_name,
                path: w.paths.path(&Route::Component(&x.id).rel()),
            })
            .collect(),
        active: m.active_at(now),
        upcoming: m.upcoming_at(now),
    }
}

/// The incidents and the maintenance naming each component, in the site's order.
struct ByComponent<'a> {
    incidents: HashMap<&'a str, Vec<&'a Incident>>,
    maintenances: HashMap<&'a str, Vec<&'a Incident>>,
}

impl<'a> ByComponent<'a> {
    fn new(input: &RenderInput<'a>) -> Self {
        let index = |items: &'a [std::sync::Arc<Incident>]| {
            let mut out: HashMap<&str, Vec<&Incident>> = HashMap::default();
            for i in items {
                for id in &i.components {
                    out.entry(id).or_default().push(i);
                }
            }
            out
        };
        ByComponent {
            incidents: index(input.incidents),
            maintenances: index(input.maintenances),
        }
    }

    fn incidents(&self, id: &str) -> &[&'a Incident] {
        self.incidents.get(id).map_or(&[], Vec::as_slice)
    }

    fn maintenances(&self, id: &str) -> &[&'a Incident] {
        self.maintenances.get(id).map_or(&[], Vec::as_slice)
    }
}

/// Each visible component's views, through the memo when there is one, with the key of its
/// inputs (its incidents and maintenance; and, in the key, the site and now).
fn compute_all<'a>(
    w: &Writer,
    input: &RenderInput<'a>,
    visible: &[&'a Component],
    by: &ByComponent<'a>,
) -> (Vec<Computed<'a>>, HashMap<&'a str, (u64, u64)>) {
    // A component's inputs: its incidents and maintenance (and the site, with now).
    let items = |id: &str| component_items(by, id);
    // Each component's (data key, page key).
    let keys: HashMap<&str, (u64, u64)> = match input.memo {
        Some(_) => visible
            .par_iter()
            .filter_map(|comp| {
                let id = comp.id.as_str();
                let items = items(id);
                let data = w.key(|k| CacheKey::ComponentData {
                    site: k.site,
                    id,
                    items,
                })?;
                let page = w.key(|k| CacheKey::ComponentPage {
                    site: k.site,
                    templates: k.templates,
                    id,
                    items,
                })?;
                Some((id, (data, page)))
            })
            .collect(),
        None => HashMap::default(),
    };
    let computed = visible
        .par_iter()
        .map(|comp| {
            let (incs, maints) = (by.incidents(&comp.id), by.maintenances(&comp.id));
            match (input.memo, keys.get(comp.id.as_str())) {
                (Some(memo), Some(&(key, _))) => {
                    memo_compute(w, input, memo, key, comp, incs, maints)
                }
                _ => compute(w, input, comp, incs, maints),
            }
        })
        .collect();
    (computed, keys)
}

/// Maintenance summaries, each made once, when a page that shows it is rendered.
struct MaintenanceValues<'a> {
    values: HashMap<&'a str, OnceLock<Value>>,
}

impl<'a> MaintenanceValues<'a> {
    fn new(input: &RenderInput<'a>) -> Self {
        MaintenanceValues {
            values: input
                .maintenances
                .iter()
                .map(|m| (m.slug.as_str(), OnceLock::new()))
                .collect(),
        }
    }

    fn get(&self, w: &Writer, input: &RenderInput, m: &Incident) -> Value {
        self.values[m.slug.as_str()]
            .get_or_init(|| Value::from_serializable(&maintenance_summary(w, input, m)))
            .clone()
    }

    /// The summaries of the items of `list` (newest window first) that `pred` holds for,
    /// soonest first or not, at most `limit`.
    fn list(
        &self,
        w: &Writer,
        input: &RenderInput,
        list: &[&Incident],
        pred: impl Fn(&Incident) -> bool,
        soonest_first: bool,
        limit: usize,
    ) -> Vec<Value> {
        let mut v: Vec<&&Incident> = list.iter().filter(|m| pred(m)).collect();
        if soonest_first {
            v.reverse();
        }
        v.into_iter()
            .take(limit)
            .map(|m| self.get(w, input, m))
            .collect()
    }

    /// In progress at now, soonest first.
    fn active(&self, w: &Writer, input: &RenderInput, list: &[&Incident]) -> Vec<Value> {
        self.list(w, input, list, |m| m.active_at(input.now), true, usize::MAX)
    }

    /// Not started at now, soonest first.
    fn upcoming(&self, w: &Writer, input: &RenderInput, list: &[&Incident]) -> Vec<Value> {
        self.list(
            w,
            input,
            list,
            |m| m.upcoming_at(input.now),
            true,
            usize::MAX,
        )
    }
}

/// One page per maintenance, and its `index.json`.
fn maintenance_pages(w: &Writer, input: &RenderInput) -> Result<(), RenderError> {
    let c = input.config;
    input.maintenances.par_iter().try_for_each(|m| {
        let rel = Route::Maintenance(&m.slug).rel();
        let linker = w
            .input_memo()
            .then(|| may_link(m))
            .and_then(|links| links.then(|| w.linker.key()));
        let key = w.key(|k| CacheKey::MaintenancePage {
            site: k.site,
            templates: k.templates,
            fingerprint: m.fingerprint,
            linker,
        });
        let page_kept = w.keep(Route::Maintenance(&m.slug), key, None);
        let doc_kept = w.reuse_document(m, linker);
        if page_kept && doc_kept {
            return copy_assets(w, m, &rel);
        }
        let s = &maintenance_summary(w, input, m);
        let links = |d: &str| w.linker.resolve(&m.path, d);
        let body = markdown::render_body_linked(&m.body, None, Some(&links));
        let page = MaintenancePageView {
            summary: s,
            timeline: entry_views(m, c.timezone, input.locale, &w.linker),
            has_body: !body.html.trim().is_empty(),
            body_html: body.html,
            toc: body.toc,
            authors: &m.authors,
            tags: &m.tags,
        };
        if !page_kept {
            w.emit_with_meta(
                "maintenance.html",
                &m.title,
                Route::Maintenance(&m.slug),
                key,
                None,
                Some(w.meta_described(&m.summary)),
                || MaintenancePage { maintenance: &page },
            )?;
        }
        if !doc_kept {
            let messages: Vec<&str> = page
                .timeline
                .iter()
                .map(|e| e.message_html.as_str())
                .collect();
            w.emit_document(m, linker, &page.body_html, &page.toc, &messages)?;
        }
        copy_assets(w, m, &rel)
    })
}

/// One page per visible component.
fn component_pages(
    w: &Writer,
    input: &RenderInput,
    prepared: &[Prepared],
    computed: &[Computed],
    keys: &HashMap<&str, (u64, u64)>,
    by: &ByComponent,
    maint: &MaintenanceValues,
) -> Result<(), RenderError> {
    let (tz, now) = (input.config.timezone, input.now);
    // Each incident's list view, serialized once in `prepare`.
    let summaries: HashMap<&str, &Value> = prepared
        .iter()
        .map(|p| (p.incident.slug.as_str(), &p.summary))
        .collect();
    computed.par_iter().try_for_each(|x| {
        let id = x.component.id.as_str();
        let maints = by.maintenances(id);
        let key = keys.get(id).map(|&(_, page)| page);
        let make = || {
            let mut years: Vec<YearView> = Vec::new();
            for i in by.incidents(id) {
                let year = i.started.with_timezone(&tz).year();
                let v = summaries[i.slug.as_str()].clone();
                match years.last_mut() {
                    Some(y) if y.year == year => y.incidents.push(v),
                    _ => years.push(YearView {
                        year,
                        incidents: vec![v],
                    }),
                }
            }
            ComponentPage {
                component: x.page.clone(),
                incidents_by_year: years,
                maintenance: ComponentMaintenanceView {
                    active: maint.active(w, input, maints),
                    upcoming: maint.upcoming(w, input, maints),
                    recent: maint.list(
                        w,
                        input,
                        maints,
                        |m| m.window.is_some_and(|w| w.end <= now),
                        false,
                        10,
                    ),
                },
                embed: badges::snippets(
                    input.config,
                    &input.locale.text,
                    &w.paths,
                    Some(x.component),
                ),
            }
        };
        w.emit_with_meta(
            "component.html",
            &x.component.display_name,
            Route::Component(id),
            key,
            None,
            Some(w.meta_described(&x.component.description)),
            make,
        )
    })
}

/// Groups with their visible members, and the visible components in no group.
fn groups<'a>(
    c: &'a Config,
    visible: &[&'a Component],
    computed: &[Computed],
) -> (Vec<GroupView<'a>>, Vec<Value>) {
    let summary_of: HashMap<&str, &Value> = computed
        .iter()
        .map(|x| (x.component.id.as_str(), &x.summary))
        .collect();
    let groups = c
        .groups
        .iter()
        .filter_map(|g| {
            let members: Vec<Value> = visible
                .iter()
                .filter(|x| x.group.as_deref() == Some(g.id.as_str()))
                .map(|x| summary_of[x.id.as_str()].clone())
                .collect();
            (!members.is_empty()).then(|| GroupView {
                id: &g.id,
                name: &g.name,
                description: &g.description,
                components: members,
            })
        })
        .collect();
    let ungrouped = visible
        .iter()
        .filter(|x| x.group.is_none())
        .map(|x| summary_of[x.id.as_str()].clone())
        .collect();
    (groups, ungrouped)
}

/// The overall state: the worst of any visible component, and what causes it (the home page's
/// `overall`, the site's badge and card).
fn overall_state<'a>(computed: &[Computed<'a>]) -> (State, Vec<&'a Incident>) {
    let worst = State::worst(computed.iter().map(|x| x.state));
    let mut causes: Vec<&Incident> = computed
        .iter()
        .filter(|x| x.state == worst)
        .flat_map(|x| x.causes.iter().copied())
        .collect();
    causes.sort_by(|a, b| (&a.slug, a.kind).cmp(&(&b.slug, b.kind)));
    causes.dedup_by(|a, b| a.slug == b.slug && a.kind == b.kind);
    (worst, causes)
}

/// The overall state's label: the state's, or `All systems operational`.
pub(super) fn overall_label(loc: &Locale, s: State) -> String {
    match s {
        State::Operational => loc.text.get("home-all-operational"),
        s => state_label(loc, s),
    }
}

fn overall<'a>(w: &Writer, (worst, causes): (State, &[&'a Incident])) -> OverallView<'a> {
    OverallView {
        state: worst.id(),
        label: overall_label(w.input.locale, worst),
        incidents: causes.iter().map(|i| link(w, i)).collect(),
    }
}

/// Render component, maintenance and stats pages; return the home page's status variables.
pub(super) fn render<'a>(
    w: &Writer,
    input: &RenderInput<'a>,
    prepared: &[Prepared],
    archive: &ArchiveViews,
) -> Result<HomeStatus<'a>, RenderError> {
    let c = input.config;
    let by = ByComponent::new(input);
    let visible: Vec<&Component> = c.components.iter().filter(|x| !x.hidden).collect();
    let (computed, keys) = compute_all(w, input, &visible, &by);
    maintenance_pages(w, input)?;
    let maint = MaintenanceValues::new(input);
    component_pages(w, input, prepared, &computed, &keys, &by, &maint)?;

    // Groups, for the home page and /components/.
    let (groups, ungrouped) = groups(c, &visible, &computed);
    let site_snippets = badges::snippets(c, &input.locale.text, &w.paths, None);
    w.emit_keyed(
        "components.html",
        &input.locale.text.get("components-title"),
        Route::Components,
        w.key(|k| CacheKey::Components {
            site: k.site,
            templates: k.templates,
            fronts: k.fronts,
        }),
        None,
        || ComponentsPage {
            groups: &groups,
            ungrouped: &ungrouped,
            embed: &site_snippets,
        },
    )?;

    // Badges and cards: the states and uptime the pages show.
    let (state, causes) = overall_state(&computed);
    let subjects: Vec<badges::Subject> = computed
        .iter()
        .map(|x| badges::Subject {
            component: x.component,
            state: x.state,
            causes: &x.causes,
            uptime90: x.uptime90,
        })
        .collect();
    let items = |id: &str| component_items(&by, id);
    let files = badges::render(w, input, &subjects, (state, &causes), &items)?;
    w.other_files.fetch_add(files, Ordering::Relaxed);

    stats_page(w, input, &visible, &by, archive)?;

    let all_maint: Vec<&Incident> = input.maintenances.iter().map(|m| &**m).collect();
    Ok(HomeStatus {
        overall: overall(w, (state, &causes)),
        groups,
        ungrouped,
        maintenance_active: maint.active(w, input, &all_maint),
        maintenance_upcoming: maint.upcoming(w, input, &all_maint),
    })
}

/// `/stats/`: incidents per month by severity, time to resolve and detect, incidents per
/// component, and open action items, from [`stats::site`]; incidents per factor per year and
/// time to resolve by severity, from the archive.
fn stats_page(
    w: &Writer,
    input: &RenderInput,
    visible: &[&Component],
    by: &ByComponent,
    archive: &ArchiveViews,
) -> Result<(), RenderError> {
    let page_key = w.key(|k| CacheKey::Stats {
        site: k.site,
        templates: k.templates,
        fronts: k.fronts,
    });
    if w.keep(Route::Stats, page_key, None) {
        return Ok(());
    }
    let c = input.config;
    let st = stats::site(
        c,
        input.incidents,
        visible,
        |id| by.incidents(id).len(),
        input.now,
    );
    let stats = StatsView {
        period: st.period.id(),
        months: month_views(c, input.locale, &st),
        chart: chart(c, input.locale, &st),
        resolve: percentiles_view(input.locale, &st.resolve),
        detect: percentiles_view(input.locale, &st.detect),
        per_component: st
            .per_component
            .iter()
            .map(|&(x, count)| ComponentCountView {
                id: &x.id,
                name: &x.display_name,
                path: w.paths.path(&Route::Component(&x.id).rel()),
                count,
            })
            .collect(),
        action_items: st
            .action_items
            .iter()
            .map(|a| OpenActionView {
                title: &a.item.title,
                owner: &a.item.owner,
                status: a.item.status.id(),
                status_label: input.locale.text.label("action-status", a.item.status.id()),
                due: a.item.due.map(|d| due_view(input.locale, d)),
                link: a.item.link.as_deref().map(crate::util::escape::url),
                overdue: a.overdue,
                incident: link(w, a.incident),
            })
            .collect(),
        factor_years: &archive.archive.years,
        per_factor: &archive.factors,
        resolve_by_severity: &archive.severities,
    };
    w.emit_keyed(
        "stats.html",
        &input.locale.text.get("stats-title"),
        Route::Stats,
        page_key,
        None,
        || StatsPage { stats },
    )
}

fn month_views<'a>(c: &'a Config, loc: &Locale, st: &Stats) -> Vec<MonthView<'a>> {
    st.months
        .iter()
        .map(|m| MonthView {
            key: year_month(m.month),
            label: period_label(loc, st.period, m.month),
            total: m.total,
            counts: c
                .severities
                .iter()
                .zip(&m.counts)
                .map(|(s, &count)| CountView {
                    severity: &s.id,
                    name: &s.name,
                    color: &s.color,
                    count,
                })
                .collect(),
        })
        .collect()
}

/// A period's name: `Apr 2024`, `Q2 2024`, `2024`.
fn period_label(loc: &Locale, p: Period, first_day: chrono::NaiveDate) -> String {
    match p {
        Period::Month => loc.month_year_short(first_day),
        Period::Quarter => loc.quarter_short(first_day),
        Period::Year => year_text(first_day),
    }
}

/// The plot's width in SVG units: 24 bars of 20 with gaps of 8, as the chart had when it
/// always showed 24 months. Every chart is this wide, whatever its number of bars.
const PLOT_WIDTH: i64 = 672;

/// The counts as stacked bars, 160 high, axis labels below; heights scaled to the busiest
/// period, rounded to the nearest unit. The bars share [`PLOT_WIDTH`] (each slot 4 to 56
/// wide, five sevenths of it the bar). Under each bar its month (`Apr`) when slots are at
/// least 20 wide and bars are months; the year under the first bar and each year's first,
/// skipping years so that year labels stay 32 units apart.
fn chart<'a>(c: &'a Config, loc: &Locale, st: &Stats) -> ChartView<'a> {
    let (left, top, height) = (36i64, 10i64, 160i64);
    let n = st.months.len().max(1) as i64;
    let slot = (PLOT_WIDTH / n).clamp(4, 56);
    let bar_w = (slot * 5 / 7).max(2);
    let ticks_each = st.period == Period::Month && slot >= 20;
    // Bars per year, and how many years one year label spans at least.
    let per_year = match st.period {
        Period::Month => 12,
        Period::Quarter => 4,
        Period::Year => 1,
    };
    let year_every = (32 + slot * per_year - 1) / (slot * per_year);
    // At least 1: the scale of a chart with no incidents.
    let max = st.busiest.max(1);
    let scale = |n: usize| (n as i64 * height + max as i64 / 2) / max as i64;
    let first_year = st.months.first().map_or(0, |m| m.month.year());
    let bars = st
        .months
        .iter()
        .enumerate()
        .map(|(k, m)| {
            let mut y = top + height;
            let segments = c
                .severities
                .iter()
                .zip(&m.counts)
                .filter(|(_, n)| **n > 0)
                .map(|(s, &count)| {
                    let h = scale(count).max(1);
                    y -= h;
                    SegmentView {
                        y,
                        height: h,
                        color: &s.color,
                        severity: &s.name,
                        count,
                    }
                })
                .collect();
            let year_start = m.month.month() == 1;
            let label = period_label(loc, st.period, m.month);
            // Monthly ticks: the first bar shows its year unless it is December (January's
            // label follows at once).
            let first_shows = k == 0 && (!ticks_each || m.month.month() != 12);
            let show_year = if ticks_each {
                first_shows || year_start
            } else {
                (k == 0 && (year_start || st.months.len() == 1))
                    || (year_start
                        && k > 0
                        && (m.month.year() - first_year) as i64 % year_every == 0)
            };
            ChartBar {
                x: left + k as i64 * slot,
                width: bar_w,
                tick: ticks_each.then(|| loc.month_short(m.month)),
                year: show_year.then(|| year_text(m.month)),
                label,
                total: m.total,
                segments,
            }
        })
        .collect();
    let ticks = [0, max / 2, max]
        .into_iter()
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .map(|value| TickView {
            y: top + height - scale(value),
            value,
        })
        .collect();
    ChartView {
        left,
        baseline: top + height,
        width: left + n * slot,
        height: top + height + 30,
        max,
        bars,
        ticks,
    }
}
