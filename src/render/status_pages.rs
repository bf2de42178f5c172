//! Component, maintenance and stats pages, and the status parts of the home page.
//! Each component's uptime and bars are computed once and shared by every page that shows them.

use super::*;
use crate::config::Component;
use crate::status::{self, Day, State};
use crate::uptime;
use chrono::Duration;
use rustc_hash::FxHashMap as HashMap;

#[derive(Serialize)]
struct StateView {
    id: &'static str,
    label: &'static str,
}

impl From<State> for StateView {
    fn from(s: State) -> Self {
        StateView {
            id: s.id(),
            label: s.label(),
        }
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
    label: &'static str,
    minutes: i64,
}

#[derive(Serialize)]
struct BarView<'a> {
    date: String,
    label: String,
    state: &'static str,
    state_label: &'static str,
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
}

fn link<'a>(w: &Writer, i: &'a Incident) -> LinkView<'a> {
    let prefix = if i.is_maintenance() {
        "maintenance"
    } else {
        "incidents"
    };
    LinkView {
        title: &i.title,
        path: w.paths.path(&format!("{prefix}/{}/", i.slug)),
    }
}

fn bar<'a>(w: &Writer, d: &Day<'a>) -> BarView<'a> {
    let label = d.date.format("%b %-d, %Y").to_string();
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
            label: levels[k].label(),
            minutes: (d.seconds[k] + 59) / 60,
        })
        .collect();
    let (state, state_label) = match d.state {
        None => ("no_data", "No data"),
        Some(s) => (s.id(), s.label()),
    };
    let mut text = match d.state {
        None => format!("{label}: no data."),
        Some(_) if minutes.is_empty() => format!("{label}: no downtime."),
        Some(_) => format!(
            "{label}: {}.",
            minutes
                .iter()
                .map(|m| format!("{} for {} min", m.label, m.minutes))
                .collect::<Vec<_>>()
                .join("; ")
        ),
    };
    if !d.incidents.is_empty() {
        text.push_str(&format!(
            " Incidents: {}.",
            d.incidents
                .iter()
                .map(|i| i.title.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    BarView {
        date: d.date.format("%Y-%m-%d").to_string(),
        label,
        state,
        state_label,
        minutes,
        incidents: d.incidents.iter().map(|i| link(w, i)).collect(),
        text,
    }
}

fn resolve_stats(incidents: &[&Incident], from: DateTime<Utc>, now: DateTime<Utc>) -> ResolveView {
    let window: Vec<&&Incident> = incidents
        .iter()
        .filter(|i| i.started >= from && i.started <= now)
        .collect();
    let mut secs: Vec<i64> = window
        .iter()
        .filter_map(|i| {
            i.resolved
                .filter(|r| *r <= now)
                .map(|r| (r - i.started).num_seconds())
        })
        .collect();
    secs.sort_unstable();
    ResolveView {
        count: window.len(),
        median: status::median(&secs).map(duration_view),
        longest: secs.last().copied().map(duration_view),
    }
}

fn compute<'a>(
    w: &Writer,
    input: &RenderInput<'a>,
    comp: &'a Component,
    incidents: &[&'a Incident],
    maintenances: &[&'a Incident],
) -> Computed<'a> {
    let (c, now) = (input.config, input.now);
    let merged = uptime::merge(&status::intervals(incidents, &comp.id, c, now));
    let since = status::counted_from(comp, c.timezone);
    let uptime_over = |days: i64| {
        let from = (now - Duration::days(days)).max(since.unwrap_or(DateTime::<Utc>::MIN_UTC));
        (from < now)
            .then(|| {
                uptime::uptime(
                    &merged,
                    from.timestamp(),
                    now.timestamp(),
                    &c.uptime.weights,
                    c.uptime.decimals,
                )
            })
            .flatten()
    };
    let days = status::days(&merged, incidents, &comp.id, c, since, now, 90);
    let (state, causes) = status::current(incidents, maintenances, &comp.id, c, now);
    let summary = ComponentSummaryView {
        id: &comp.id,
        name: &comp.name,
        description: &comp.description,
        group: comp
            .group
            .as_deref()
            .and_then(|g| c.groups.iter().find(|x| x.id == g))
            .map(|g| GroupRef {
                id: &g.id,
                name: &g.name,
            }),
        path: w.paths.path(&format!("components/{}/", comp.id)),
        status: state.into(),
        uptime: UptimeView {
            d30: uptime_over(30),
            d90: uptime_over(90),
            d365: uptime_over(365),
        },
        bars: days.iter().map(|d| bar(w, d)).collect(),
    };
    let stats = BTreeMap::from([
        (
            "d90",
            resolve_stats(incidents, now - Duration::days(90), now),
        ),
        (
            "d365",
            resolve_stats(incidents, now - Duration::days(365), now),
        ),
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
    }
}

/// What [`compute`] gives, kept in the [`crate::render::Memo`] between renders: the causes by
/// fingerprint (they are among the component's own incidents and maintenance).
pub(super) struct ComputedData {
    summary: Value,
    page: Value,
    state: State,
    causes: Vec<u64>,
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
    }
}

fn maintenance_summary<'a>(
    w: &Writer,
    input: &RenderInput<'a>,
    m: &'a Incident,
) -> MaintenanceSummaryView<'a> {
    let (c, now, tz) = (input.config, input.now, input.config.timezone);
    let win = m.window.expect("maintenance has a window");
    let st = m.maintenance_status(now);
    let rel = format!("maintenance/{}/", m.slug);
    MaintenanceSummaryView {
        slug: &m.slug,
        title: &m.title,
        summary: &m.summary,
        path: w.paths.path(&rel),
        permalink: w.paths.permalink(&rel),
        draft: m.draft,
        status: StatusView {
            id: st.id(),
            label: st.label(),
        },
        scheduled_start: view(win.scheduled_start, tz),
        scheduled_end: view(win.scheduled_end, tz),
        start: view(win.start, tz),
        end: view(win.end, tz),
        duration: duration_view((win.end - win.start).num_seconds()),
        components: m
            .components
            .iter()
            .filter_map(|id| c.component(id).filter(|x| !x.hidden))
            .map(|x| NamedLink {
                id: &x.id,
                name: &x.name,
                path: w.paths.path(&format!("components/{}/", x.id)),
            })
            .collect(),
        active: m.active_at(now),
        upcoming: m.upcoming_at(now),
    }
}

/// Render component, maintenance and stats pages; return the home page's status variables.
pub(super) fn render(
    w: &Writer,
    input: &RenderInput,
    prepared: &[Prepared],
) -> Result<HomeStatus, RenderError> {
    let (c, now) = (input.config, input.now);
    // Each incident's list view, serialized once in `prepare`.
    let summaries: HashMap<&str, &Value> = prepared
        .iter()
        .map(|p| (p.incident.slug.as_str(), &p.summary))
        .collect();
    let mut by_component: HashMap<&str, Vec<&Incident>> = HashMap::default();
    for i in input.incidents {
        for id in &i.components {
            by_component.entry(id).or_default().push(i);
        }
    }
    let mut maint_by_component: HashMap<&str, Vec<&Incident>> = HashMap::default();
    for m in input.maintenances {
        for id in &m.components {
            maint_by_component.entry(id).or_default().push(m);
        }
    }
    let none: Vec<&Incident> = Vec::new();
    let visible: Vec<&Component> = c.components.iter().filter(|x| !x.hidden).collect();
    // A component's inputs: its incidents and maintenance (and the site, with now).
    let items = |id: &str| {
        let incs = by_component.get(id).unwrap_or(&none);
        let maints = maint_by_component.get(id).unwrap_or(&none);
        Digest::list(incs.iter().chain(maints).map(|i| i.front_fingerprint))
    };
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
    let computed: Vec<Computed> = visible
        .par_iter()
        .map(|comp| {
            let incs = by_component.get(comp.id.as_str()).unwrap_or(&none);
            let maints = maint_by_component.get(comp.id.as_str()).unwrap_or(&none);
            match (input.memo, keys.get(comp.id.as_str())) {
                (Some(memo), Some(&(key, _))) => {
                    memo_compute(w, input, memo, key, comp, incs, maints)
                }
                _ => compute(w, input, comp, incs, maints),
            }
        })
        .collect();

    // Maintenance: one page each. Summaries are made when a page that shows them is rendered.
    let maint_values: HashMap<&str, std::sync::OnceLock<Value>> = input
        .maintenances
        .iter()
        .map(|m| (m.slug.as_str(), std::sync::OnceLock::new()))
        .collect();
    let maint_value = |m: &Incident| {
        maint_values[m.slug.as_str()]
            .get_or_init(|| Value::from_serializable(&maintenance_summary(w, input, m)))
            .clone()
    };
    input.maintenances.par_iter().try_for_each(|m| {
        let rel = format!("maintenance/{}/", m.slug);
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
        let page_kept = w.keep(&rel, key, None);
        let doc_kept = w.reuse_document(m, linker);
        if page_kept && doc_kept {
            return copy_assets(w, m, &rel);
        }
        let s = &maintenance_summary(w, input, m);
        let links = |d: &str| w.linker.resolve(&m.path, d);
        let body = markdown::render_body_linked(&m.body, None, Some(&links));
        let page = MaintenancePageView {
            summary: s,
            timeline: entry_views(m, c.timezone, &w.linker),
            has_body: !body.html.trim().is_empty(),
            body_html: body.html,
            toc: body.toc,
            authors: &m.authors,
            tags: &m.tags,
        };
        if !page_kept {
            w.emit_keyed(
                "maintenance.html",
                "maintenance",
                &m.title,
                &rel,
                key,
                None,
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
    })?;
    let maint_list = |pred: &dyn Fn(&Incident) -> bool,
                      soonest_first: bool,
                      limit: usize,
                      list: &[&Incident]| {
        let mut v: Vec<&&Incident> = list.iter().filter(|m| pred(m)).collect();
        if soonest_first {
            v.reverse();
        }
        Value::from(
            v.into_iter()
                .take(limit)
                .map(|m| maint_value(m))
                .collect::<Vec<_>>(),
        )
    };
    let all_maint: Vec<&Incident> = input.maintenances.iter().map(|m| &**m).collect();

    // Component pages.
    computed.par_iter().try_for_each(|x| {
        let id = x.component.id.as_str();
        let incs = by_component.get(id).unwrap_or(&none);
        let maints = maint_by_component.get(id).unwrap_or(&none);
        let key = keys.get(id).map(|&(_, page)| page);
        let make = || {
            let mut years: Vec<(i32, Vec<Value>)> = Vec::new();
            for i in incs {
                let y = i.started.with_timezone(&c.timezone).year();
                let v = summaries[i.slug.as_str()].clone();
                match years.last_mut() {
                    Some((yy, list)) if *yy == y => list.push(v),
                    _ => years.push((y, vec![v])),
                }
            }
            ComponentPage {
                component: x.page.clone(),
                incidents_by_year: Value::from(
                    years
                        .into_iter()
                        .map(|(y, list)| {
                            obj(vec![
                                ("year", Value::from(y)),
                                ("incidents", Value::from(list)),
                            ])
                        })
                        .collect::<Vec<_>>(),
                ),
                maintenance: obj(vec![
                    (
                        "active",
                        maint_list(&|m| m.active_at(now), true, usize::MAX, maints),
                    ),
                    (
                        "upcoming",
                        maint_list(&|m| m.upcoming_at(now), true, usize::MAX, maints),
                    ),
                    (
                        "recent",
                        maint_list(
                            &|m| m.window.is_some_and(|w| w.end <= now),
                            false,
                            10,
                            maints,
                        ),
                    ),
                ]),
            }
        };
        w.emit_keyed(
            "component.html",
            "component",
            &x.component.name,
            &format!("components/{id}/"),
            key,
            None,
            make,
        )
    })?;

    // Groups, for the home page and /components/.
    let summary_of: HashMap<&str, &Computed> = computed
        .iter()
        .map(|x| (x.component.id.as_str(), x))
        .collect();
    let groups = Value::from(
        c.groups
            .iter()
            .filter_map(|g| {
                let members: Vec<Value> = visible
                    .iter()
                    .filter(|x| x.group.as_deref() == Some(g.id.as_str()))
                    .map(|x| summary_of[x.id.as_str()].summary.clone())
                    .collect();
                (!members.is_empty()).then(|| {
                    obj(vec![
                        ("id", Value::from(g.id.as_str())),
                        ("name", Value::from(g.name.as_str())),
                        ("description", Value::from(g.description.as_str())),
                        ("components", Value::from(members)),
                    ])
                })
            })
            .collect::<Vec<_>>(),
    );
    let ungrouped = Value::from(
        visible
            .iter()
            .filter(|x| x.group.is_none())
            .map(|x| summary_of[x.id.as_str()].summary.clone())
            .collect::<Vec<_>>(),
    );
    let ctx = ComponentsPage {
        groups: groups.clone(),
        ungrouped: ungrouped.clone(),
    };
    w.emit_keyed(
        "components.html",
        "components",
        "Components",
        "components/",
        w.key(|k| CacheKey::Components {
            site: k.site,
            templates: k.templates,
            fronts: k.fronts,
        }),
        None,
        || ctx,
    )?;

    stats_page(w, input, &visible, &by_component)?;

    // The overall state: the worst of any visible component, and what causes it.
    let worst = computed
        .iter()
        .map(|x| x.state)
        .max()
        .unwrap_or(State::Operational);
    let mut causes: Vec<&Incident> = computed
        .iter()
        .filter(|x| x.state == worst)
        .flat_map(|x| x.causes.iter().copied())
        .collect();
    causes.sort_by(|a, b| (&a.slug, a.kind).cmp(&(&b.slug, b.kind)));
    causes.dedup_by(|a, b| a.slug == b.slug && a.kind == b.kind);
    let label = match worst {
        State::Operational => "All systems operational",
        s => s.label(),
    };
    let overall = obj(vec![
        ("state", Value::from(worst.id())),
        ("label", Value::from(label)),
        (
            "incidents",
            Value::from(
                causes
                    .iter()
                    .map(|i| Value::from_serializable(&link(w, i)))
                    .collect::<Vec<_>>(),
            ),
        ),
    ]);
    Ok(HomeStatus {
        overall,
        groups,
        ungrouped,
        maintenance_active: maint_list(&|m| m.active_at(now), true, usize::MAX, &all_maint),
        maintenance_upcoming: maint_list(&|m| m.upcoming_at(now), true, usize::MAX, &all_maint),
    })
}

#[derive(Serialize)]
struct CountView<'a> {
    severity: &'a str,
    name: &'a str,
    color: &'a str,
    count: usize,
}

#[derive(Serialize)]
struct SegmentView<'a> {
    y: i64,
    height: i64,
    color: &'a str,
    severity: &'a str,
    count: usize,
}

#[derive(Serialize)]
struct ChartBar<'a> {
    x: i64,
    width: i64,
    label: String,
    total: usize,
    segments: Vec<SegmentView<'a>>,
}

#[derive(Serialize)]
struct Percentiles {
    samples: usize,
    median: Option<DurationView>,
    p90: Option<DurationView>,
}

fn percentiles(mut v: Vec<i64>) -> Percentiles {
    v.sort_unstable();
    Percentiles {
        samples: v.len(),
        median: status::median(&v).map(duration_view),
        p90: status::percentile(&v, 90).map(duration_view),
    }
}

#[derive(Serialize)]
struct OpenActionView<'a> {
    title: &'a str,
    owner: &'a str,
    status: &'static str,
    status_label: &'static str,
    due: Option<DueView>,
    link: Option<String>,
    overdue: bool,
    incident: LinkView<'a>,
}

/// `/stats/`: incidents per month by severity, time to resolve and detect, incidents per
/// component, and open action items.
fn stats_page(
    w: &Writer,
    input: &RenderInput,
    visible: &[&Component],
    by_component: &HashMap<&str, Vec<&Incident>>,
) -> Result<(), RenderError> {
    let page_key = w.key(|k| CacheKey::Stats {
        site: k.site,
        templates: k.templates,
        fronts: k.fronts,
    });
    if w.keep("stats/", page_key, None) {
        return Ok(());
    }
    let (c, now, tz) = (input.config, input.now, input.config.timezone);
    // The last 24 months, oldest first.
    let today = now.with_timezone(&tz).date_naive();
    // Day 1 exists in every month: `unwrap_or` only keeps this free of panics.
    let this_month = today.with_day(1).unwrap_or(today);
    let months: Vec<chrono::NaiveDate> = (0..24)
        .rev()
        .map(|k| this_month - chrono::Months::new(k))
        .collect();
    let key = |d: chrono::NaiveDate| d.format("%Y-%m").to_string();
    let mut counts: HashMap<(String, &str), usize> = HashMap::default();
    for i in input.incidents {
        let k = key(i.started.with_timezone(&tz).date_naive());
        *counts.entry((k, i.severity.as_str())).or_default() += 1;
    }
    let month_counts: Vec<(chrono::NaiveDate, Vec<usize>)> = months
        .iter()
        .map(|m| {
            (
                *m,
                c.severities
                    .iter()
                    .map(|s| counts.get(&(key(*m), s.id.as_str())).copied().unwrap_or(0))
                    .collect(),
            )
        })
        .collect();
    let max = month_counts
        .iter()
        .map(|(_, v)| v.iter().sum::<usize>())
        .max()
        .unwrap_or(0)
        .max(1);
    // Chart geometry (SVG user units): 24 bars of 20 with gaps of 8, 160 high, axis labels below.
    let (left, top, height, bar_w, gap) = (36i64, 10i64, 160i64, 20i64, 8i64);
    let scale = |n: usize| (n as i64 * height + max as i64 / 2) / max as i64;
    let bars: Vec<ChartBar> = month_counts
        .iter()
        .enumerate()
        .map(|(k, (m, v))| {
            let mut y = top + height;
            let segments = c
                .severities
                .iter()
                .zip(v)
                .filter(|(_, n)| **n > 0)
                .map(|(s, n)| {
                    let h = scale(*n).max(1);
                    y -= h;
                    SegmentView {
                        y,
                        height: h,
                        color: &s.color,
                        severity: &s.name,
                        count: *n,
                    }
                })
                .collect();
            ChartBar {
                x: left + k as i64 * (bar_w + gap),
                width: bar_w,
                label: m.format("%b %Y").to_string(),
                total: v.iter().sum(),
                segments,
            }
        })
        .collect();
    let ticks: Vec<Value> = [0, max / 2, max]
        .into_iter()
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .map(|v| {
            obj(vec![
                ("y", Value::from(top + height - scale(v))),
                ("value", Value::from(v)),
            ])
        })
        .collect();
    let chart = obj(vec![
        ("left", Value::from(left)),
        ("baseline", Value::from(top + height)),
        ("width", Value::from(left + 24 * (bar_w + gap))),
        ("height", Value::from(top + height + 30)),
        ("max", Value::from(max)),
        ("bars", Value::from_serializable(&bars)),
        ("ticks", Value::from(ticks)),
    ]);
    let months_value = Value::from(
        month_counts
            .iter()
            .map(|(m, v)| {
                let counts: Vec<CountView> = c
                    .severities
                    .iter()
                    .zip(v)
                    .map(|(s, n)| CountView {
                        severity: &s.id,
                        name: &s.name,
                        color: &s.color,
                        count: *n,
                    })
                    .collect();
                obj(vec![
                    ("key", Value::from(key(*m))),
                    ("label", Value::from(m.format("%b %Y").to_string())),
                    ("total", Value::from(v.iter().sum::<usize>())),
                    ("counts", Value::from_serializable(&counts)),
                ])
            })
            .collect::<Vec<_>>(),
    );
    let resolve = percentiles(
        input
            .incidents
            .iter()
            .filter_map(|i| i.duration_seconds())
            .collect(),
    );
    let detect = percentiles(
        input
            .incidents
            .iter()
            .filter_map(|i| i.detected.map(|d| (d - i.started).num_seconds()))
            .collect(),
    );
    let mut per_component: Vec<(usize, &Component)> = visible
        .iter()
        .map(|x| (by_component.get(x.id.as_str()).map_or(0, Vec::len), *x))
        .collect();
    per_component.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.name.cmp(&b.1.name)));
    let per_component: Vec<Value> = per_component
        .into_iter()
        .map(|(n, x)| {
            obj(vec![
                ("id", Value::from(x.id.as_str())),
                ("name", Value::from(x.name.as_str())),
                (
                    "path",
                    Value::from(w.paths.path(&format!("components/{}/", x.id))),
                ),
                ("count", Value::from(n)),
            ])
        })
        .collect();
    let today = now.with_timezone(&tz).date_naive();
    let mut open: Vec<(&Incident, &crate::model::ActionItem)> = input
        .incidents
        .iter()
        .flat_map(|i| i.action_items.iter().map(move |a| (&**i, a)))
        .filter(|(_, a)| {
            matches!(
                a.status,
                crate::model::ActionStatus::Open | crate::model::ActionStatus::InProgress
            )
        })
        .collect();
    open.sort_by(|a, b| {
        (a.1.due.is_none(), a.1.due, b.0.started).cmp(&(b.1.due.is_none(), b.1.due, a.0.started))
    });
    let actions: Vec<OpenActionView> = open
        .into_iter()
        .map(|(i, a)| OpenActionView {
            title: &a.title,
            owner: &a.owner,
            status: a.status.id(),
            status_label: a.status.label(),
            due: a.due.map(due_view),
            link: a.link.as_deref().map(crate::escape::url),
            overdue: a.due.is_some_and(|d| d < today),
            incident: link(w, i),
        })
        .collect();
    let stats = obj(vec![
        ("months", months_value),
        ("chart", chart),
        ("resolve", Value::from_serializable(&resolve)),
        ("detect", Value::from_serializable(&detect)),
        ("per_component", Value::from(per_component)),
        ("action_items", Value::from_serializable(&actions)),
    ]);
    let ctx = StatsPage { stats };
    w.emit_keyed(
        "stats.html",
        "stats",
        "Statistics",
        "stats/",
        page_key,
        None,
        || ctx,
    )
}
