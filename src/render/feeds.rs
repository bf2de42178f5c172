//! Atom and RSS 2.0 feeds for the site and for each component, and the `/maintenance.ics`
//! calendar. One entry per incident or maintenance (never per update), with a stable id, so a
//! reader shows an incident once and marks it updated as its timeline grows. Written with the
//! `atom_syndication`, `rss` and `icalendar` crates, which own the XML escaping and most of the
//! iCalendar one (see [`calendar`] for what is fixed around the latter).

use super::{route_of, Linker, Paths, RenderError, RenderInput, Writer};
use crate::input::config::{Config, FeedContent};
use crate::model::{Entry, Incident, Status};
use crate::util::escape::markup;
use crate::util::i18n::Arg;
use crate::util::markdown;
use crate::util::route::Route;
use crate::util::timefmt::rfc2822;
use atom_syndication as atom;
use chrono::{DateTime, Datelike, FixedOffset, Utc};
use rayon::prelude::*;
use rustc_hash::FxHashMap as HashMap;
use url::Url;

/// The host part of the site URL, without a port: the tag URI authority.
fn host(base_url: &str) -> &str {
    let rest = base_url.split_once("://").map_or(base_url, |(_, r)| r);
    let host = rest.split('/').next().unwrap_or(rest);
    host.rsplit_once(':')
        .filter(|(_, port)| port.bytes().all(|b| b.is_ascii_digit()))
        .map_or(host, |(h, _)| h)
}

/// `tag:status.example.com,2024:/incidents/db-outage` (RFC 4151): the site's host and path,
/// the year (UTC) the incident started or the maintenance was scheduled to start, and its page
/// path. It never changes between builds.
pub fn entry_id(c: &Config, i: &Incident) -> String {
    let year = i.window.map_or(i.started, |w| w.scheduled_start).year();
    format!(
        "tag:{},{}:{}{}",
        host(&c.base_url),
        year,
        c.base_path(),
        route_of(i).rel().trim_end_matches('/')
    )
}

/// What a feed entry says about an incident or maintenance, computed once for all feeds.
struct Item<'a> {
    id: String,
    title: String,
    link: String,
    published: DateTime<Utc>,
    updated: DateTime<Utc>,
    /// (term, label, scheme: components only, `<base>components/`)
    categories: Vec<(String, String, Option<String>)>,
    summary: &'a str,
    /// The lean content ([`lean_content`]), which every entry has.
    lean: String,
    /// The full content ([`content`]), made only for entries a `full` feed shows in full.
    full: Option<String>,
}

impl Item<'_> {
    /// The content to show: the full one where asked for and made, else the lean one.
    fn content(&self, full: bool) -> &str {
        match (&self.full, full) {
            (Some(f), true) => f,
            _ => &self.lean,
        }
    }
}

fn fixed(t: DateTime<Utc>) -> DateTime<FixedOffset> {
    t.fixed_offset()
}

/// The entry's HTML: summary, facts, every update (newest first, full date, time and zone),
/// then the postmortem; every link absolute.
fn content(
    input: &RenderInput,
    paths: &Paths,
    linker: &Linker,
    i: &Incident,
    status: Status,
) -> String {
    let links = |d: &str| linker.resolve(&i.path, d);
    let c = input.config;
    let (tz, loc) = (c.timezone, input.locale);
    let lbl = |key: &str| markup(&loc.text.get(key));
    let link = paths.permalink(&route_of(i).rel());
    let base = Url::parse(&link).ok();
    let mut h = String::new();
    if !i.summary.is_empty() {
        h.push_str(&format!("<p>{}</p>\n", markup(&i.summary)));
    }
    let mut facts: Vec<(String, String)> = vec![(
        lbl("feed-fact-status"),
        markup(&loc.text.label("status", status.id())),
    )];
    if let Some(s) = c.severity(&i.severity) {
        facts.push((lbl("feed-fact-severity"), markup(&s.name)));
    }
    if let Some(w) = i.window {
        facts.push((
            lbl("feed-fact-window"),
            markup(&loc.text.format(
                "feed-window",
                &[
                    ("start", Arg::Str(&loc.view(w.start, tz).display)),
                    ("end", Arg::Str(&loc.view(w.end, tz).display)),
                ],
            )),
        ));
    } else {
        let shown = |t, p| markup(&loc.view_with_precision(t, p, tz, i.posted_tz).display);
        facts.push((
            lbl("feed-fact-started"),
            shown(i.started, i.precision.started),
        ));
        if let Some(r) = i.resolved {
            facts.push((lbl("feed-fact-resolved"), shown(r, i.precision.resolved)));
            facts.push((
                lbl("feed-fact-duration"),
                markup(&i.duration_seconds().map_or_else(
                    || loc.text.get("feed-duration-unknown"),
                    |s| loc.duration(s),
                )),
            ));
        }
    }
    let sep = markup(&loc.text.get("list-separator"));
    let names: Vec<String> = i
        .components
        .iter()
        .filter_map(|id| c.component(id).filter(|x| !x.hidden))
        .map(|x| markup(&x.display_name))
        .collect();
    if !names.is_empty() {
        facts.push((lbl("feed-fact-components"), names.join(&sep)));
    }
    if let Some(t) = &i.trigger {
        facts.push((
            lbl("feed-fact-trigger"),
            markdown::render_inline_linked(t, base.as_ref(), Some(&links))
                .trim_end()
                .to_string(),
        ));
    }
    if let Some(d) = i.detection.as_deref().and_then(|d| c.detection_method(d)) {
        facts.push((lbl("feed-fact-detection"), markup(&d.name)));
    }
    let factors: Vec<String> = i
        .factors
        .iter()
        .filter_map(|f| c.factor(&f.id))
        .map(|t| markup(&t.name))
        .collect();
    if !factors.is_empty() {
        facts.push((lbl("feed-fact-factors"), factors.join(&sep)));
    }
    let ci = &i.customer_impact;
    let count = |n: u64| Arg::Num(i64::try_from(n).unwrap_or(i64::MAX));
    let numbers: Vec<String> = [
        (ci.users, "feed-impact-users"),
        (ci.customers, "feed-impact-customers"),
        (ci.requests, "feed-impact-requests"),
    ]
    .into_iter()
    .filter_map(|(n, key)| n.map(|n| markup(&loc.text.format(key, &[("count", count(n))]))))
    .chain(ci.error_rate.map(|r| {
        markup(
            &loc.text
                .format("feed-impact-error-rate", &[("rate", Arg::Float(r))]),
        )
    }))
    .collect();
    if !numbers.is_empty() {
        facts.push((lbl("feed-fact-impact"), numbers.join(&sep)));
    }
    h.push_str("<ul>\n");
    for (k, v) in facts {
        h.push_str(&format!("<li><strong>{k}</strong> {v}</li>\n"));
    }
    h.push_str("</ul>\n");
    if !i.timeline.is_empty() {
        h.push_str(&format!("<h2>{}</h2>\n", lbl("feed-updates")));
        for e in i.timeline.iter().rev() {
            update(input, linker, i, e, base.as_ref(), &mut h);
        }
    }
    if !i.body.trim().is_empty() {
        h.push_str(&format!(
            "<h2>{}</h2>\n",
            lbl(if i.is_maintenance() {
                "feed-notes"
            } else {
                "feed-postmortem"
            })
        ));
        h.push_str(&markdown::render_body_linked(&i.body, base.as_ref(), Some(&links)).html);
    }
    let l = &i.lessons;
    if !l.is_empty() {
        h.push_str(&format!("<h2>{}</h2>\n", lbl("incident-lessons")));
        for (head, list) in [
            (lbl("incident-went-well"), &l.went_well),
            (lbl("incident-went-wrong"), &l.went_wrong),
            (lbl("incident-lucky"), &l.lucky),
        ] {
            if list.is_empty() {
                continue;
            }
            h.push_str(&format!("<h3>{head}</h3>\n<ul>\n"));
            for x in list {
                h.push_str("<li>");
                h.push_str(&markdown::render_inline_linked(
                    x,
                    base.as_ref(),
                    Some(&links),
                ));
                h.push_str("</li>\n");
            }
            h.push_str("</ul>\n");
        }
    }
    h
}

/// One timeline entry as a feed shows it: its status label, its full date, time and zone in the
/// site's time zone, and its message with every link absolute.
fn update(
    input: &RenderInput,
    linker: &Linker,
    i: &Incident,
    e: &Entry,
    base: Option<&Url>,
    h: &mut String,
) {
    let loc = input.locale;
    let links = |d: &str| linker.resolve(&i.path, d);
    let at = loc.view_with_precision(e.at, e.precision, input.config.timezone, i.posted_tz);
    h.push_str(&format!(
        "<p><strong>{}</strong> · <time datetime=\"{}\">{}</time></p>\n{}",
        markup(&loc.text.label("status", e.status.id())),
        markup(&at.iso),
        markup(&at.display),
        markdown::render_inline_linked(&e.message, base, Some(&links))
    ));
}

/// The lean entry HTML, for readers and bots that poll: the summary, the current status, the
/// latest update ([`Incident::latest_update`]) and a link to the page. No facts list, no older
/// updates, no postmortem or lessons: those are one click away.
fn lean_content(
    input: &RenderInput,
    paths: &Paths,
    linker: &Linker,
    i: &Incident,
    status: Status,
) -> String {
    let loc = input.locale;
    let lbl = |key: &str| markup(&loc.text.get(key));
    let link = paths.permalink(&route_of(i).rel());
    let base = Url::parse(&link).ok();
    let mut h = String::new();
    if !i.summary.is_empty() {
        h.push_str(&format!("<p>{}</p>\n", markup(&i.summary)));
    }
    h.push_str(&format!(
        "<p><strong>{}</strong> {}</p>\n",
        lbl("feed-fact-status"),
        markup(&loc.text.label("status", status.id()))
    ));
    if let Some(e) = i.latest_update() {
        h.push_str(&format!("<h2>{}</h2>\n", lbl("feed-latest-update")));
        update(input, linker, i, e, base.as_ref(), &mut h);
    }
    h.push_str(&format!(
        "<p><a href=\"{}\">{}</a></p>\n",
        markup(&link),
        lbl(if i.is_maintenance() {
            "feed-read-maintenance"
        } else {
            "feed-read-incident"
        })
    ));
    h
}

/// `full`: whether some feed shows this entry in full (then both contents are made).
fn item<'a>(
    input: &RenderInput,
    paths: &Paths,
    linker: &Linker,
    i: &'a Incident,
    full: bool,
) -> Item<'a> {
    let c = input.config;
    // The same status the pages and the API show (`Incident::status_at`).
    let (status, open) = (i.status_at(input.now), i.open_at(input.now));
    let (published, updated) = i.published_updated(input.now);
    let mut categories = Vec::new();
    if let Some(s) = c.severity(&i.severity) {
        categories.push((s.id.clone(), s.name.clone(), None));
    } else if i.is_maintenance() {
        categories.push((
            "maintenance".into(),
            input.locale.text.get("kind-maintenance"),
            None,
        ));
    }
    for x in i
        .components
        .iter()
        .filter_map(|id| c.component(id).filter(|x| !x.hidden))
    {
        categories.push((
            x.id.clone(),
            x.display_name.clone(),
            Some(paths.permalink(&Route::Components.rel())),
        ));
    }
    for f in i.factors.iter().filter_map(|f| c.factor(&f.id)) {
        categories.push((
            f.id.clone(),
            f.name.clone(),
            Some(paths.permalink(&Route::Factors.rel())),
        ));
    }
    Item {
        id: entry_id(c, i),
        title: if open {
            input.locale.text.format(
                "feed-entry-open-title",
                &[
                    (
                        "status",
                        Arg::Str(&input.locale.text.label("status", status.id())),
                    ),
                    ("title", Arg::Str(&i.title)),
                ],
            )
        } else {
            i.title.clone()
        },
        link: paths.permalink(&route_of(i).rel()),
        published,
        updated,
        categories,
        summary: &i.summary,
        lean: lean_content(input, paths, linker, i, status),
        full: full.then(|| content(input, paths, linker, i, status)),
    }
}

struct FeedMeta<'a> {
    title: String,
    /// The HTML page the feed follows.
    page: String,
    /// The page whose folder holds the feed files (the home page or a component's).
    route: Route<'a>,
    description: String,
    /// The site's language tag: `xml:lang` (Atom) and `<language>` (RSS).
    lang: &'a str,
}

/// `fallback`: the feed's `updated` when it has no entries (the site's latest change).
fn atom_feed(
    c: &Config,
    paths: &Paths,
    meta: &FeedMeta,
    items: &[(&Item, bool)],
    fallback: DateTime<Utc>,
) -> Result<String, RenderError> {
    let self_url = paths.permalink(&meta.route.beside("feed.xml"));
    let link = |rel: &str, href: &str, mime: &str| atom::Link {
        href: href.to_string(),
        rel: rel.to_string(),
        mime_type: Some(mime.to_string()),
        ..Default::default()
    };
    let entries: Vec<atom::Entry> = items
        .iter()
        .map(|&(it, full)| atom::Entry {
            id: it.id.clone(),
            title: atom::Text::plain(it.title.clone()),
            updated: fixed(it.updated),
            published: Some(fixed(it.published)),
            links: vec![link("alternate", &it.link, "text/html")],
            categories: it
                .categories
                .iter()
                .map(|(term, label, scheme)| atom::Category {
                    term: term.clone(),
                    scheme: scheme.clone(),
                    label: Some(label.clone()),
                })
                .collect(),
            summary: (!it.summary.is_empty()).then(|| atom::Text::plain(it.summary)),
            content: Some(atom::Content {
                value: Some(it.content(full).to_owned()),
                content_type: Some("html".to_string()),
                ..Default::default()
            }),
            ..Default::default()
        })
        .collect();
    let updated = items
        .iter()
        .map(|(i, _)| i.updated)
        .max()
        .unwrap_or(fallback);
    let feed = atom::Feed {
        id: self_url.clone(),
        title: atom::Text::plain(meta.title.clone()),
        subtitle: Some(atom::Text::plain(meta.description.clone())),
        updated: fixed(updated),
        authors: vec![atom::Person {
            name: c.title.clone(),
            uri: Some(c.base_url.clone()),
            ..Default::default()
        }],
        links: vec![
            link("alternate", &meta.page, "text/html"),
            link("self", &self_url, "application/atom+xml"),
        ],
        generator: Some(atom::Generator {
            value: "afterword".into(),
            version: Some(env!("CARGO_PKG_VERSION").into()),
            ..Default::default()
        }),
        lang: Some(meta.lang.into()),
        entries,
        ..Default::default()
    };
    let mut out = Vec::new();
    feed.write_to(&mut out)
        .map_err(|e| RenderError::feed(&meta.route.beside("feed.xml"), e))?;
    xml_text(out, &meta.route.beside("feed.xml"))
}

/// A feed's bytes as text, with a final newline. The writers are given only `String`s, so
/// this cannot fail, but a bug there is an error, not a panic.
fn xml_text(out: Vec<u8>, rel: &str) -> Result<String, RenderError> {
    let mut s = String::from_utf8(out).map_err(|e| RenderError::feed(rel, e))?;
    s.push('\n');
    Ok(s)
}

/// The Atom namespace, for the RSS feeds' `atom:link`.
const ATOM_NAMESPACE: &str = "http://www.w3.org/2005/Atom";

fn rss_feed(
    paths: &Paths,
    meta: &FeedMeta,
    items: &[(&Item, bool)],
) -> Result<String, RenderError> {
    let rel = meta.route.beside("rss.xml");
    // RFC 2822 dates: every instant afterword accepts has one (`timefmt::check_range`).
    let date = |t: DateTime<Utc>| rfc2822(t).map_err(|e| RenderError::feed(&rel, e));
    let self_url = paths.permalink(&rel);
    // `<atom:link rel="self">`, which the W3C validator asks RSS feeds for, as a plain
    // extension element: rss's `atom` feature would pull atom_syndication's builder macros
    // (derive_builder, darling) into every build for this one element.
    let atom_link = rss::extension::Extension {
        name: "atom:link".into(),
        attrs: [
            ("href", self_url),
            ("rel", "self".into()),
            ("type", "application/rss+xml".into()),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v))
        .collect(),
        ..Default::default()
    };
    let extensions = [(
        "atom".to_owned(),
        [("link".to_owned(), vec![atom_link])].into_iter().collect(),
    )]
    .into_iter()
    .collect();
    let namespaces = [("atom".to_owned(), ATOM_NAMESPACE.to_owned())]
        .into_iter()
        .collect();
    let rss_items: Vec<rss::Item> = items
        .iter()
        .map(|&(it, full)| {
            Ok(rss::Item {
                title: Some(it.title.clone()),
                link: Some(it.link.clone()),
                description: Some(it.content(full).to_owned()),
                guid: Some(rss::Guid {
                    value: it.id.clone(),
                    permalink: false,
                }),
                pub_date: Some(date(it.published)?),
                categories: it
                    .categories
                    .iter()
                    .map(|(term, _, scheme)| rss::Category {
                        name: term.clone(),
                        domain: scheme.clone(),
                    })
                    .collect(),
                ..Default::default()
            })
        })
        .collect::<Result<_, RenderError>>()?;
    let updated = items
        .iter()
        .map(|(i, _)| i.updated)
        .max()
        .map(date)
        .transpose()?;
    let channel = rss::Channel {
        title: meta.title.clone(),
        link: meta.page.clone(),
        description: meta.description.clone(),
        language: Some(meta.lang.into()),
        generator: Some(format!("afterword {}", env!("CARGO_PKG_VERSION"))),
        last_build_date: updated.clone(),
        pub_date: updated,
        namespaces,
        extensions,
        items: rss_items,
        ..Default::default()
    };
    let mut out = Vec::new();
    channel
        .write_to(&mut out)
        .map_err(|e| RenderError::feed(&rel, e))?;
    xml_text(out, &rel)
}

/// A feed to write: its path relative to the site root, its key and its XML.
type FeedFile = (String, Option<u64>, String);

/// Every feed file as (path relative to the site root, XML): `feed.xml` and `rss.xml` for the
/// site and for each visible component.
/// Every feed, as (path, key, text) for the feeds to write and how many there are in all: a feed
/// the sink kept from an earlier render (same entries, same site) is not rendered again.
pub(super) fn files(w: &Writer) -> Result<(Vec<FeedFile>, usize), RenderError> {
    let (input, paths, linker) = (w.input, &w.paths, &w.linker);
    let c = input.config;
    // Newest change first; drafts never appear.
    let mut all: Vec<(&Incident, DateTime<Utc>, DateTime<Utc>)> = input
        .incidents
        .iter()
        .chain(input.maintenances)
        .filter(|i| !i.draft)
        .map(|i| {
            let (published, updated) = i.published_updated(input.now);
            (&**i, updated, published)
        })
        .collect();
    all.sort_by(|a, b| {
        (b.1, b.2)
            .cmp(&(a.1, a.2))
            .then_with(|| a.0.slug.cmp(&b.0.slug))
    });
    let limit = c.feed_limit;
    let site_updated = all.first().map_or(input.now, |x| x.1);
    let visible: Vec<&crate::input::config::Component> =
        c.components.iter().filter(|x| !x.hidden).collect();
    // Indexes into `all`, per feed: the site's, then each component's.
    let mut lists: Vec<Vec<usize>> = vec![(0..all.len().min(limit)).collect()];
    let mut per_component: HashMap<&str, Vec<usize>> = HashMap::default();
    for (n, (i, ..)) in all.iter().enumerate() {
        for id in &i.components {
            let v = per_component.entry(id.as_str()).or_default();
            if v.len() < limit && v.last() != Some(&n) {
                v.push(n);
            }
        }
    }
    for comp in &visible {
        lists.push(per_component.remove(comp.id.as_str()).unwrap_or_default());
    }
    let routes: Vec<Route> = std::iter::once(Route::Home)
        .chain(visible.iter().map(|comp| Route::Component(&comp.id)))
        .collect();
    let rels: Vec<String> = routes.iter().map(Route::rel).collect();
    // Entries link to other items' pages through the file → page map.
    let keys: Vec<Option<u64>> = lists
        .iter()
        .zip(&rels)
        .map(|(list, rel)| {
            w.key(|k| super::CacheKey::Feed {
                site: k.site,
                linker: linker.key(),
                rel,
                updated: site_updated.timestamp(),
                entries: super::Digest::list(list.iter().map(|&n| all[n].0.fingerprint)),
            })
        })
        .collect();
    let total = lists.len() * 2;
    // A feed is rendered again unless the sink kept both its files.
    let todo: Vec<usize> = (0..lists.len())
        .filter(|&k| {
            let kept = |key: u64, name: &str| w.sink.reuse(&routes[k].beside(name), key);
            !keys[k].is_some_and(|key| kept(key, "feed.xml") & kept(key, "rss.xml"))
        })
        .collect();
    // How many of its newest entries each feed shows in full (`[feeds]`): the site feed is
    // the first list, the components' the rest.
    let fc = c.feed_content;
    let full_count = |k: usize| {
        let mode = if k == 0 { fc.site } else { fc.components };
        match mode {
            FeedContent::Full => fc.full_entries,
            FeedContent::Summary => 0,
        }
    };
    // Each entry's content once, whatever the number of feeds it is in; the full content
    // only for entries some feed shows in full.
    let mut needed: Vec<(usize, bool)> = todo
        .iter()
        .flat_map(|&k| {
            let f = full_count(k);
            lists[k].iter().enumerate().map(move |(p, &n)| (n, p < f))
        })
        .collect();
    // Full before lean for the same entry, so dedup keeps the full one.
    needed.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
    needed.dedup_by_key(|x| x.0);
    let items: HashMap<usize, Item> = needed
        .par_iter()
        .map(|&(n, full)| (n, item(input, paths, linker, all[n].0, full)))
        .collect();

    let text = &input.locale.text;
    let site = Arg::Str(&c.title);
    let mut metas = vec![FeedMeta {
        title: text.format("feed-title", &[("site", site)]),
        page: c.base_url.clone(),
        route: Route::Home,
        lang: text.tag(),
        description: if c.description.is_empty() {
            text.format("feed-description", &[("site", site)])
        } else {
            c.description.clone()
        },
    }];
    for comp in &visible {
        let name = Arg::Str(&comp.display_name);
        metas.push(FeedMeta {
            title: text.format(
                "feed-component-title",
                &[("site", site), ("component", name)],
            ),
            page: paths.permalink(&Route::Component(&comp.id).rel()),
            route: Route::Component(&comp.id),
            lang: text.tag(),
            description: text.format(
                "feed-component-description",
                &[("site", site), ("component", name)],
            ),
        });
    }
    let out: Vec<[FeedFile; 2]> = todo
        .par_iter()
        .map(|&k| {
            let (meta, list) = (&metas[k], &lists[k]);
            let f = full_count(k);
            let its: Vec<(&Item, bool)> = list
                .iter()
                .enumerate()
                .map(|(p, n)| (&items[n], p < f))
                .collect();
            Ok([
                (
                    meta.route.beside("feed.xml"),
                    keys[k],
                    atom_feed(c, paths, meta, &its, site_updated)?,
                ),
                (
                    meta.route.beside("rss.xml"),
                    keys[k],
                    rss_feed(paths, meta, &its)?,
                ),
            ])
        })
        .collect::<Result<_, RenderError>>()?;
    Ok((out.into_iter().flatten().collect(), total))
}

/// `/maintenance.ics` (RFC 5545): one VEVENT per maintenance, in UTC, with its page's URL as
/// the stable UID. Built with the `icalendar` crate, with three things fixed around it:
/// - it escapes TEXT values (RFC 5545 §3.3.11: `\\`, `\;`, `\,`, newline as `\n`) only for
///   the properties it knows as TEXT, and `NAME` (RFC 7986) is not one of them: afterword
///   escapes that one itself; a carriage return, which it leaves raw, is made a newline first;
/// - its folding can leave a last continuation line of 76 octets: its output is unfolded and
///   folded again ([`fold`]);
/// - a calendar needs at least one component (RFC 5545 §3.6, `1*(eventc / … / timezonec …)`),
///   so one with no maintenance holds a UTC `VTIMEZONE`, which every reader knows and which
///   no event uses. (An empty calendar is still served: subscribers keep their subscription.)
///
/// There is no `METHOD:PUBLISH`: that is iTIP (RFC 5546), whose PUBLISH requires an
/// `ORGANIZER` per event (libical checks it), and a status page has no organizer address to
/// give. Without `METHOD`, RFC 5545 §3.7.2 says the object is no scheduling message, which is
/// what a calendar to subscribe to is; calendar apps subscribe to it just the same.
pub(super) fn calendar(input: &RenderInput, paths: &Paths) -> Result<String, RenderError> {
    use icalendar::{Calendar, Component as _, EventLike as _, EventStatus, Property};
    let c = input.config;
    let mut cal = Calendar::empty();
    cal.append_property(Property::new("VERSION", "2.0"));
    cal.append_property(Property::new(
        "PRODID",
        format!("-//afterword//afterword {}//EN", env!("CARGO_PKG_VERSION")),
    ));
    cal.append_property(Property::new("CALSCALE", "GREGORIAN"));
    let text = &input.locale.text;
    let name = ics_text(&text.format("calendar-name", &[("site", Arg::Str(&c.title))]));
    cal.append_property(Property::new("NAME", ics_escape(&name)));
    cal.append_property(Property::new("X-WR-CALNAME", name));
    let mut events = 0;
    for m in input.maintenances.iter().filter(|m| !m.draft) {
        let Some(w) = m.window else { continue };
        let names: Vec<&str> = m
            .components
            .iter()
            .filter_map(|id| c.component(id).filter(|x| !x.hidden))
            .map(|x| x.display_name.as_str())
            .collect();
        let link = paths.permalink(&route_of(m).rel());
        let mut description = String::new();
        if !m.summary.is_empty() {
            description.push_str(&m.summary);
            description.push_str("\n\n");
        }
        if !names.is_empty() {
            let list = names.join(&text.get("list-separator"));
            description
                .push_str(&text.format("calendar-components", &[("components", Arg::Str(&list))]));
            description.push('\n');
        }
        let status = text.label("status", m.status_at(input.now).id());
        description.push_str(&text.format("calendar-status", &[("status", Arg::Str(&status))]));
        description.push('\n');
        description.push_str(&link);
        let changed = m.updated_at(input.now);
        cal.push(
            icalendar::Event::new()
                .uid(&link)
                .timestamp(changed)
                .last_modified(changed)
                .summary(&ics_text(&m.title))
                .description(&ics_text(&description))
                .starts(w.start)
                .ends(w.end)
                .url(&link)
                .status(EventStatus::Confirmed)
                .done(),
        );
        events += 1;
    }
    let mut raw = String::new();
    std::fmt::Write::write_fmt(&mut raw, format_args!("{cal}"))
        .map_err(|_| RenderError::Calendar)?;
    // Unfold what the crate folded: no value holds a line break any more (TEXT values have
    // `\n` for one, and the rest are URLs, dates and names), so every CRLF and space is a fold.
    let unfolded = raw.replace("\r\n ", "");
    let mut out = String::with_capacity(raw.len() + 256);
    for line in unfolded.split("\r\n").filter(|l| !l.is_empty()) {
        if line == "END:VCALENDAR" && events == 0 {
            for l in UTC_TIMEZONE {
                fold(l, &mut out);
            }
        }
        fold(line, &mut out);
    }
    Ok(out)
}

/// The component of a calendar with no events (see [`calendar`]).
const UTC_TIMEZONE: [&str; 9] = [
    "BEGIN:VTIMEZONE",
    "TZID:UTC",
    "BEGIN:STANDARD",
    "DTSTART:19700101T000000",
    "TZOFFSETFROM:+0000",
    "TZOFFSETTO:+0000",
    "TZNAME:UTC",
    "END:STANDARD",
    "END:VTIMEZONE",
];

/// Text as a TEXT value may hold it before escaping: line breaks as `\n` only (CRLF and CR
/// become LF) and no other control character but tab, which RFC 5545 does not allow in TEXT.
fn ics_text(s: &str) -> String {
    s.replace("\r\n", "\n")
        .replace('\r', "\n")
        .chars()
        .filter(|&c| c == '\n' || c == '\t' || !c.is_control())
        .collect()
}

/// RFC 5545 §3.3.11 escaping of a TEXT value, for the properties the `icalendar` crate does
/// not escape.
fn ics_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out
}

/// Append `line` folded as RFC 5545 §3.1 says: lines of at most 75 octets, each continuation
/// starting with a space, never inside a UTF-8 character; and, where the last 16 octets allow,
/// not inside an escape (`\;`) nor next to a space or tab, which lenient readers trim at fold
/// points (the `ical` crate trims the end of each line).
fn fold(line: &str, out: &mut String) {
    let is_space = |c: Option<char>| matches!(c, Some(' ' | '\t'));
    let mut rest = line;
    // The first line has 75 octets; a continuation has the space and 74.
    let mut limit = 75;
    while rest.len() > limit {
        let mut max = limit;
        while !rest.is_char_boundary(max) {
            max -= 1;
        }
        let near = || {
            (max.saturating_sub(16)..=max)
                .rev()
                .filter(|&i| i > 0 && rest.is_char_boundary(i))
        };
        // A space or tab, or a backslash (not to split an escape like `\;` across lines).
        let before = |i: usize| {
            let c = rest[..i].chars().next_back();
            is_space(c) || c == Some('\\')
        };
        let after = |i: usize| is_space(rest[i..].chars().next());
        // Best with no space on either side; else none before the fold (which `ical` would
        // lose; the one after, it keeps); else as late as possible.
        let cut = near()
            .find(|&i| !before(i) && !after(i))
            .or_else(|| near().find(|&i| !before(i)))
            .unwrap_or(max);
        out.push_str(&rest[..cut]);
        out.push_str("\r\n ");
        rest = &rest[cut..];
        limit = 74;
    }
    out.push_str(rest);
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unfold(s: &str) -> String {
        s.replace("\r\n ", "")
    }

    #[test]
    fn folding_keeps_lines_within_75_octets_and_characters_whole() {
        let long_ascii = "X".repeat(400);
        let cjk = format!("SUMMARY:{}", "障害対応🚒の記録、".repeat(40));
        let spaces = format!("DESCRIPTION:{}", "a ".repeat(200));
        let escapes = format!("DESCRIPTION:{}", "x\\;".repeat(100));
        // 150 octets: the icalendar crate leaves a last line of 76 here.
        let even = format!("SUMMARY:{}", "y".repeat(142));
        for line in [
            long_ascii.as_str(),
            &cjk,
            &spaces,
            &escapes,
            &even,
            "SHORT:x",
            &"é".repeat(38),
        ] {
            let mut out = String::new();
            fold(line, &mut out);
            assert!(out.ends_with("\r\n"));
            for l in out.trim_end_matches("\r\n").split("\r\n") {
                assert!(l.len() <= 75, "{l:?} has {} octets", l.len());
            }
            assert_eq!(unfold(&out), format!("{line}\r\n"));
            // Never a space just before a fold; after one only where every place has one.
            assert!(!out.contains(" \r\n "), "{out:?}");
            assert!(!out.contains("\\\r\n "), "{out:?}");
            if line != spaces {
                assert!(!out.contains("\r\n  "), "{out:?}");
            }
        }
    }

    #[test]
    fn text_escaping() {
        assert_eq!(
            ics_escape(&ics_text("a\\b;c,d\r\ne\rf\ng\u{7}h\ti")),
            "a\\\\b\\;c\\,d\\ne\\nf\\ng".to_string() + "h\ti"
        );
    }
}
