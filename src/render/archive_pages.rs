//! The pages that learn across incidents: `/factors/` and each factor's pages, `/actions/`
//! (the action-item register), `/severities/` and each severity's pages. Views of
//! [`crate::model::archive`], made once per render; nothing is derived here.

use super::*;
use crate::model::archive::{self, Archive};
use crate::util::i18n::Arg;
use crate::util::slug::slugify;

/// The archive's facts and the views several pages share (`/stats/` shows the factor and
/// severity views too), made once per render.
pub(super) struct ArchiveViews<'a> {
    pub(super) archive: Archive<'a>,
    pub(super) factors: Vec<FactorView<'a>>,
    pub(super) severities: Vec<SeverityPageView>,
}

impl<'a> ArchiveViews<'a> {
    pub(super) fn new(input: &'a RenderInput<'a>, paths: &Paths) -> Self {
        let (c, loc) = (input.config, input.locale);
        let archive = archive::archive(c, input.incidents, input.now);
        let factors = archive
            .factors
            .iter()
            .map(|f| FactorView {
                id: &f.term.id,
                name: &f.term.name,
                description_html: markdown::render_inline(&f.term.description),
                path: paths.path(
                    &Route::Factor {
                        id: &f.term.id,
                        page: 1,
                    }
                    .rel(),
                ),
                count: f.incidents.len(),
                per_year: archive
                    .years
                    .iter()
                    .zip(&f.per_year)
                    .map(|(&year, &count)| YearCount { year, count })
                    .collect(),
            })
            .collect();
        let severities = archive
            .severities
            .iter()
            .map(|s| SeverityPageView {
                severity: severity_view(c, loc, &s.severity.id),
                description_html: markdown::render_inline(&s.severity.description),
                path: paths.path(
                    &Route::Severity {
                        id: &s.severity.id,
                        page: 1,
                    }
                    .rel(),
                ),
                count: s.incidents.len(),
                resolve: percentiles_view(loc, &s.resolve),
            })
            .collect();
        ArchiveViews {
            archive,
            factors,
            severities,
        }
    }
}

/// A duration's median, 75th and 90th percentile as templates see them.
pub(super) fn percentiles_view(
    loc: &Locale,
    p: &crate::model::stats::Percentiles,
) -> PercentilesView {
    PercentilesView {
        samples: p.samples,
        median: p.median.map(|s| loc.duration_view(s)),
        p75: p.p75.map(|s| loc.duration_view(s)),
        p90: p.p90.map(|s| loc.duration_view(s)),
    }
}

/// Page `n` of `count` items, `HISTORY_PAGE_SIZE` a page, page `k` at `path(k)`.
fn pagination(count: usize, n: usize, path: impl Fn(usize) -> String) -> Pagination {
    let total_pages = count.div_ceil(HISTORY_PAGE_SIZE).max(1);
    let at = |k: usize| (1..=total_pages).contains(&k).then(|| path(k));
    Pagination {
        current: n,
        total_pages,
        prev_path: at(n.wrapping_sub(1)),
        next_path: at(n + 1),
        pages: (1..=total_pages)
            .map(|k| PageLink {
                number: k,
                path: at(k),
                current: k == n,
            })
            .collect(),
    }
}

/// Every page of this module.
pub(super) fn render(
    w: &Writer,
    views: &ArchiveViews,
    prepared: &[Prepared],
) -> Result<(), RenderError> {
    // Each incident's list view, made once in `prepare`.
    let summaries: HashMap<&str, &Value> = prepared
        .iter()
        .map(|p| (p.incident.slug.as_str(), &p.summary))
        .collect();
    factor_pages(w, views, &summaries)?;
    severity_pages(w, views, &summaries)?;
    actions_page(w, views)
}

/// `(list, page)` for every page of lists of these lengths, [`HISTORY_PAGE_SIZE`] items a
/// page, and one page for an empty list.
fn numbered_pages(lengths: impl Iterator<Item = usize>) -> Vec<(usize, usize)> {
    lengths
        .enumerate()
        .flat_map(|(k, len)| {
            (1..=len.div_ceil(HISTORY_PAGE_SIZE).max(1)).map(move |page| (k, page))
        })
        .collect()
}

/// `/factors/` and each factor's pages.
fn factor_pages(
    w: &Writer,
    views: &ArchiveViews,
    summaries: &HashMap<&str, &Value>,
) -> Result<(), RenderError> {
    let text = &w.input.locale.text;
    w.emit_keyed(
        "factors.html",
        &text.get("factors-title"),
        Route::Factors,
        w.key(|k| CacheKey::Factors {
            site: k.site,
            templates: k.templates,
            fronts: k.fronts,
        }),
        None,
        || FactorsPage {
            years: &views.archive.years,
            factors: &views.factors,
        },
    )?;
    let pages = numbered_pages(views.archive.factors.iter().map(|f| f.incidents.len()));
    pages.par_iter().try_for_each(|&(f, page)| {
        let facts = &views.archive.factors[f];
        let view = &views.factors[f];
        let id = facts.term.id.as_str();
        let title = text.format(
            "factor-page-title",
            &[
                ("name", Arg::Str(&facts.term.name)),
                ("page", Arg::from(page)),
            ],
        );
        w.emit_keyed(
            "factor.html",
            &title,
            Route::Factor { id, page },
            w.key(|k| CacheKey::FactorPage {
                site: k.site,
                templates: k.templates,
                fronts: k.fronts,
                id,
                page,
            }),
            None,
            || FactorPage {
                factor: view,
                incidents: facts
                    .incidents
                    .iter()
                    .skip((page - 1) * HISTORY_PAGE_SIZE)
                    .take(HISTORY_PAGE_SIZE)
                    .map(|(i, factor)| FactorIncidentView {
                        incident: summaries[i.slug.as_str()].clone(),
                        note_html: markdown::render_inline(&factor.note),
                    })
                    .collect(),
                pagination: pagination(facts.incidents.len(), page, |k| {
                    w.paths.path(&Route::Factor { id, page: k }.rel())
                }),
            },
        )
    })
}

/// `/severities/` and each severity's pages.
fn severity_pages(
    w: &Writer,
    views: &ArchiveViews,
    summaries: &HashMap<&str, &Value>,
) -> Result<(), RenderError> {
    let text = &w.input.locale.text;
    w.emit_keyed(
        "severities.html",
        &text.get("severities-title"),
        Route::Severities,
        w.key(|k| CacheKey::Severities {
            site: k.site,
            templates: k.templates,
            fronts: k.fronts,
        }),
        None,
        || SeveritiesPage {
            severities: &views.severities,
        },
    )?;
    let pages = numbered_pages(views.archive.severities.iter().map(|s| s.incidents.len()));
    pages.par_iter().try_for_each(|&(s, page)| {
        let facts = &views.archive.severities[s];
        let id = facts.severity.id.as_str();
        let title = text.format(
            "severity-page-title",
            &[
                ("name", Arg::Str(&facts.severity.name)),
                ("page", Arg::from(page)),
            ],
        );
        w.emit_keyed(
            "severity.html",
            &title,
            Route::Severity { id, page },
            w.key(|k| CacheKey::SeverityPage {
                site: k.site,
                templates: k.templates,
                fronts: k.fronts,
                id,
                page,
            }),
            None,
            || SeverityPage {
                severity: &views.severities[s],
                incidents: facts
                    .incidents
                    .iter()
                    .skip((page - 1) * HISTORY_PAGE_SIZE)
                    .take(HISTORY_PAGE_SIZE)
                    .map(|i| summaries[i.slug.as_str()].clone())
                    .collect(),
                pagination: pagination(facts.incidents.len(), page, |k| {
                    w.paths.path(&Route::Severity { id, page: k }.rel())
                }),
            },
        )
    })
}

/// `/actions/`: the register, its numbers and its owners.
fn actions_page(w: &Writer, views: &ArchiveViews) -> Result<(), RenderError> {
    let key = w.key(|k| CacheKey::Actions {
        site: k.site,
        templates: k.templates,
        fronts: k.fronts,
    });
    if w.keep(Route::Actions, key, None) {
        return Ok(());
    }
    let r = &views.archive.actions;
    // Each owner's section id: `owner-<slug>`, numbered when two owners share a slug.
    let mut taken = rustc_hash::FxHashSet::default();
    let anchors: Vec<String> = r
        .owners
        .iter()
        .map(|o| {
            let base = match slugify(o.owner) {
                s if o.owner.is_empty() || s.is_empty() => "owner-none".to_string(),
                s => format!("owner-{s}"),
            };
            let mut anchor = base.clone();
            let mut n = 1;
            while !taken.insert(anchor.clone()) {
                n += 1;
                anchor = format!("{base}-{n}");
            }
            anchor
        })
        .collect();
    let anchor_of: HashMap<&str, &str> = r
        .owners
        .iter()
        .zip(&anchors)
        .map(|(o, a)| (o.owner, a.as_str()))
        .collect();
    let total = r.rows.len();
    let loc = w.input.locale;
    let no_owner = loc.text.get("actions-no-owner");
    let ctx = ActionsPage {
        summary: ActionSummaryView {
            total,
            open: r.open,
            overdue: r.overdue,
            closed: r.closed,
            closed_percent: (total > 0).then(|| r.closed * 100 / total),
            close_median_days: r.close_median,
            close_samples: r.close_samples,
        },
        items: r
            .rows
            .iter()
            .map(|a| ActionRowView {
                title: &a.item.title,
                link: a.item.link.as_deref().map(crate::util::escape::url),
                owner: &a.item.owner,
                owner_anchor: anchor_of[a.item.owner.as_str()],
                status: a.item.status.id(),
                status_label: loc.text.label("action-status", a.item.status.id()),
                open: a.item.is_open(),
                due: a.item.due.map(|d| due_view(loc, d)),
                closed: a.item.closed.map(|d| due_view(loc, d)),
                overdue: a.overdue,
                incident: LinkView {
                    title: &a.incident.title,
                    path: w.paths.path(&route_of(a.incident).rel()),
                },
            })
            .collect(),
        owners: r
            .owners
            .iter()
            .zip(anchors.iter())
            .map(|(o, anchor)| OwnerView {
                owner: o.owner,
                label: if o.owner.is_empty() {
                    &no_owner
                } else {
                    o.owner
                },
                anchor: anchor.clone(),
                open: o.open,
                overdue: o.overdue,
                closed: o.closed,
                total: o.total(),
                // Only what the owner still has to do: every item is in `items` already, and
                // repeating the closed ones here doubled the page (14k items at 10,000
                // incidents).
                items: o
                    .rows
                    .iter()
                    .copied()
                    .filter(|&k| r.rows[k].item.is_open())
                    .collect(),
            })
            .collect(),
    };
    w.emit_keyed(
        "actions.html",
        &loc.text.get("actions-title"),
        Route::Actions,
        key,
        None,
        || ctx,
    )
}
