//! Atom and RSS 2.0 feeds for the site and for each component, and the `/maintenance.ics`
//! calendar. One entry per incident or maintenance (never per update), with a stable id, so a
//! reader shows an incident once and marks it updated as its timeline grows. Written with the
//! `atom_syndication`, `rss` and `icalendar` crates, which own the XML and iCalendar escaping.

use super::api::updated_at;
use super::{item_rel, Linker, Paths, RenderInput, Writer};
use crate::config::Config;
use crate::escape::markup;
use crate::markdown;
use crate::model::{Incident, Status};
use crate::timefmt::{format_duration, view};
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
        item_rel(i).trim_end_matches('/')
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
    content: String,
}

fn fixed(t: DateTime<Utc>) -> DateTime<FixedOffset> {
    t.fixed_offset()
}

/// The current status of `i` at `now`, and whether it is still open.
fn current(i: &Incident, now: DateTime<Utc>) -> (Status, bool) {
    if i.is_maintenance() {
        let s = i.maintenance_status(now);
        (s, s != Status::Completed)
    } else {
        (i.status, i.ongoing())
    }
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
    let tz = c.timezone;
    let link = paths.permalink(&item_rel(i));
    let base = Url::parse(&link).ok();
    let mut h = String::new();
    if !i.summary.is_empty() {
        h.push_str(&format!("<p>{}</p>\n", markup(&i.summary)));
    }
    let mut facts: Vec<(String, String)> = vec![("Status".into(), status.label().into())];
    if let Some(s) = c.severity(&i.severity) {
        facts.push(("Severity".into(), markup(&s.name)));
    }
    if let Some(w) = i.window {
        facts.push((
            "Window".into(),
            format!(
                "{} to {}",
                markup(&view(w.start, tz).display),
                markup(&view(w.end, tz).display)
            ),
        ));
    } else {
        facts.push(("Started".into(), markup(&view(i.started, tz).display)));
        if let Some(r) = i.resolved {
            facts.push(("Resolved".into(), markup(&view(r, tz).display)));
        }
        if let Some(d) = i.duration_seconds() {
            facts.push(("Duration".into(), format_duration(d)));
        }
    }
    let names: Vec<String> = i
        .components
        .iter()
        .filter_map(|id| c.component(id).filter(|x| !x.hidden))
        .map(|x| markup(&x.name))
        .collect();
    if !names.is_empty() {
        facts.push(("Components".into(), names.join(", ")));
    }
    h.push_str("<ul>\n");
    for (k, v) in facts {
        h.push_str(&format!("<li><strong>{k}:</strong> {v}</li>\n"));
    }
    h.push_str("</ul>\n");
    if !i.timeline.is_empty() {
        h.push_str("<h2>Updates</h2>\n");
        for e in i.timeline.iter().rev() {
            let at = view(e.at, tz);
            h.push_str(&format!(
                "<p><strong>{}</strong> · <time datetime=\"{}\">{}</time></p>\n{}",
                e.status.label(),
                markup(&at.iso),
                markup(&at.display),
                markdown::render_inline_linked(&e.message, base.as_ref(), Some(&links))
            ));
        }
    }
    if !i.body.trim().is_empty() {
        h.push_str(if i.is_maintenance() {
            "<h2>Notes</h2>\n"
        } else {
            "<h2>Postmortem</h2>\n"
        });
        h.push_str(&markdown::render_body_linked(&i.body, base.as_ref(), Some(&links)).html);
    }
    h
}

/// An entry's (published, updated): an incident is published when it starts, a maintenance
/// when it is announced (not when it starts); updated is its latest change, never earlier.
fn dates(i: &Incident, now: DateTime<Utc>) -> (DateTime<Utc>, DateTime<Utc>) {
    let published = match i.window {
        Some(w) => i.timeline.first().map_or(w.scheduled_start, |e| e.at),
        None => i.started,
    };
    (published, updated_at(i, now).max(published))
}

fn item<'a>(input: &RenderInput, paths: &Paths, linker: &Linker, i: &'a Incident) -> Item<'a> {
    let c = input.config;
    let (status, open) = current(i, input.now);
    let (published, updated) = dates(i, input.now);
    let mut categories = Vec::new();
    if let Some(s) = c.severity(&i.severity) {
        categories.push((s.id.clone(), s.name.clone(), None));
    } else if i.is_maintenance() {
        categories.push(("maintenance".into(), "Maintenance".into(), None));
    }
    for x in i
        .components
        .iter()
        .filter_map(|id| c.component(id).filter(|x| !x.hidden))
    {
        categories.push((
            x.id.clone(),
            x.name.clone(),
            Some(paths.permalink("components/")),
        ));
    }
    Item {
        id: entry_id(c, i),
        title: if open {
            format!("[{}] {}", status.label(), i.title)
        } else {
            i.title.clone()
        },
        link: paths.permalink(&item_rel(i)),
        published,
        updated,
        categories,
        summary: &i.summary,
        content: content(input, paths, linker, i, status),
    }
}

struct FeedMeta {
    title: String,
    /// The HTML page the feed follows.
    page: String,
    /// Folder of the feed files, relative to the site root (`` or `components/api/`).
    rel: String,
    description: String,
}

/// `fallback`: the feed's `updated` when it has no entries (the site's latest change).
fn atom_feed(
    c: &Config,
    paths: &Paths,
    meta: &FeedMeta,
    items: &[&Item],
    fallback: DateTime<Utc>,
) -> String {
    let self_url = paths.permalink(&format!("{}feed.xml", meta.rel));
    let link = |rel: &str, href: &str, mime: &str| atom::Link {
        href: href.to_string(),
        rel: rel.to_string(),
        mime_type: Some(mime.to_string()),
        ..Default::default()
    };
    let entries: Vec<atom::Entry> = items
        .iter()
        .map(|it| atom::Entry {
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
                value: Some(it.content.clone()),
                content_type: Some("html".to_string()),
                ..Default::default()
            }),
            ..Default::default()
        })
        .collect();
    let updated = items.iter().map(|i| i.updated).max().unwrap_or(fallback);
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
        lang: Some("en".into()),
        entries,
        ..Default::default()
    };
    let mut out = Vec::new();
    feed.write_to(&mut out).expect("writing to memory");
    let mut s = String::from_utf8(out).expect("UTF-8");
    s.push('\n');
    s
}

fn rss_feed(paths: &Paths, meta: &FeedMeta, items: &[&Item]) -> String {
    let self_url = paths.permalink(&format!("{}rss.xml", meta.rel));
    let mut atom_ext = rss::extension::atom::AtomExtension::default();
    atom_ext.set_links(vec![rss::extension::atom::Link {
        href: self_url,
        rel: "self".into(),
        mime_type: Some("application/rss+xml".into()),
        ..Default::default()
    }]);
    let rss_items: Vec<rss::Item> = items
        .iter()
        .map(|it| rss::Item {
            title: Some(it.title.clone()),
            link: Some(it.link.clone()),
            description: Some(it.content.clone()),
            guid: Some(rss::Guid {
                value: it.id.clone(),
                permalink: false,
            }),
            pub_date: Some(it.published.to_rfc2822()),
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
        .collect();
    let updated = items.iter().map(|i| i.updated).max();
    let channel = rss::Channel {
        title: meta.title.clone(),
        link: meta.page.clone(),
        description: meta.description.clone(),
        language: Some("en".into()),
        generator: Some(format!("afterword {}", env!("CARGO_PKG_VERSION"))),
        last_build_date: updated.map(|t| t.to_rfc2822()),
        pub_date: updated.map(|t| t.to_rfc2822()),
        atom_ext: Some(atom_ext),
        items: rss_items,
        ..Default::default()
    };
    let mut out = Vec::new();
    channel.write_to(&mut out).expect("writing to memory");
    let mut s = String::from_utf8(out).expect("UTF-8");
    s.push('\n');
    s
}

/// Every feed file as (path relative to the site root, XML): `feed.xml` and `rss.xml` for the
/// site and for each visible component.
/// Every feed, as (path, key, text) for the feeds to write and how many there are in all: a feed
/// the sink kept from an earlier render (same entries, same site) is not rendered again.
pub(super) fn files(w: &Writer) -> (Vec<(String, u64, String)>, usize) {
    let (input, paths, linker) = (w.input, &w.paths, &w.linker);
    let c = input.config;
    // Newest change first; drafts never appear.
    let mut all: Vec<(&Incident, DateTime<Utc>, DateTime<Utc>)> = input
        .incidents
        .iter()
        .chain(input.maintenances)
        .filter(|i| !i.draft)
        .map(|i| {
            let (published, updated) = dates(i, input.now);
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
    let visible: Vec<&crate::config::Component> =
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
    let rels: Vec<String> = std::iter::once(String::new())
        .chain(
            visible
                .iter()
                .map(|comp| format!("components/{}/", comp.id)),
        )
        .collect();
    let keys: Vec<u64> = lists
        .iter()
        .zip(&rels)
        .map(|(list, rel)| {
            let mut parts = vec![6, super::hash_str(rel), site_updated.timestamp() as u64];
            parts.extend(list.iter().map(|&n| all[n].0.fingerprint));
            w.key(&parts)
        })
        .collect();
    let total = lists.len() * 2;
    // A feed is rendered again unless the sink kept both its files.
    let todo: Vec<usize> = (0..lists.len())
        .filter(|&k| {
            let kept = |name: &str| w.sink.reuse(&format!("{}{name}", rels[k]), keys[k]);
            !(w.input_memo() && kept("feed.xml") & kept("rss.xml"))
        })
        .collect();
    // Each entry's content once, whatever the number of feeds it is in.
    let mut needed: Vec<usize> = todo.iter().flat_map(|&k| &lists[k]).copied().collect();
    needed.sort_unstable();
    needed.dedup();
    let items: HashMap<usize, Item> = needed
        .par_iter()
        .map(|&n| (n, item(input, paths, linker, all[n].0)))
        .collect();

    let site_title = &c.title;
    let mut metas = vec![FeedMeta {
        title: format!("{site_title}: incidents and maintenance"),
        page: c.base_url.clone(),
        rel: String::new(),
        description: if c.description.is_empty() {
            format!("Incident reports and scheduled maintenance for {site_title}")
        } else {
            c.description.clone()
        },
    }];
    for comp in &visible {
        metas.push(FeedMeta {
            title: format!("{site_title}: {}", comp.name),
            page: paths.permalink(&format!("components/{}/", comp.id)),
            rel: format!("components/{}/", comp.id),
            description: format!(
                "Incident reports and scheduled maintenance for {} on {site_title}",
                comp.name
            ),
        });
    }
    let out = todo
        .par_iter()
        .flat_map_iter(|&k| {
            let (meta, list) = (&metas[k], &lists[k]);
            let its: Vec<&Item> = list.iter().map(|n| &items[n]).collect();
            [
                (
                    format!("{}feed.xml", meta.rel),
                    keys[k],
                    atom_feed(c, paths, meta, &its, site_updated),
                ),
                (
                    format!("{}rss.xml", meta.rel),
                    keys[k],
                    rss_feed(paths, meta, &its),
                ),
            ]
        })
        .collect();
    (out, total)
}

/// `/maintenance.ics` (RFC 5545): one VEVENT per maintenance, in UTC, with its page's URL as
/// the stable UID.
pub(super) fn calendar(input: &RenderInput, paths: &Paths) -> String {
    use icalendar::{Calendar, Component as _, EventLike as _, EventStatus};
    let c = input.config;
    let mut cal = Calendar::empty();
    cal.append_property(icalendar::Property::new("VERSION", "2.0"));
    cal.append_property(icalendar::Property::new(
        "PRODID",
        format!("-//afterword//afterword {}//EN", env!("CARGO_PKG_VERSION")),
    ));
    cal.append_property(icalendar::Property::new("CALSCALE", "GREGORIAN"));
    cal.append_property(icalendar::Property::new("METHOD", "PUBLISH"));
    cal.name(&format!("{}: scheduled maintenance", c.title));
    for m in input.maintenances.iter().filter(|m| !m.draft) {
        let Some(w) = m.window else { continue };
        let names: Vec<&str> = m
            .components
            .iter()
            .filter_map(|id| c.component(id).filter(|x| !x.hidden))
            .map(|x| x.name.as_str())
            .collect();
        let link = paths.permalink(&item_rel(m));
        let mut description = String::new();
        if !m.summary.is_empty() {
            description.push_str(&m.summary);
            description.push_str("\n\n");
        }
        if !names.is_empty() {
            description.push_str(&format!("Components: {}\n", names.join(", ")));
        }
        description.push_str(&format!(
            "Status: {}\n{link}",
            m.maintenance_status(input.now).label()
        ));
        let changed = updated_at(m, input.now);
        cal.push(
            icalendar::Event::new()
                .uid(&link)
                .timestamp(changed)
                .last_modified(changed)
                .summary(&m.title)
                .description(&description)
                .starts(w.start)
                .ends(w.end)
                .url(&link)
                .status(EventStatus::Confirmed)
                .done(),
        );
    }
    cal.to_string()
}
