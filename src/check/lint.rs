//! Warnings: things that are valid but probably a mistake. They run on files that validated,
//! with the file's spans for carets, and never stop a build (unless `check --deny-warnings`).

use crate::diag::{codes, Code, Diagnostic};
use crate::input::config::Config;
use crate::input::load::RawIncident;
use crate::model::{ActionStatus, Incident, ReviewState, Status};
use chrono::{DateTime, Duration, Utc};
use std::collections::HashSet;
use std::ops::Range;

/// Incidents longer than this are flagged (a typo in a date?).
pub const LONG_INCIDENT_DAYS: i64 = 30;

struct Out<'a> {
    raw: &'a RawIncident,
    /// Built once per file: every warning turns a byte offset into `line:col`.
    map: crate::diag::SourceMap<'a>,
    diags: Vec<Diagnostic>,
}

impl Out<'_> {
    /// A warning at `span`, a byte range starting at `base` in the file.
    fn warning(
        &self,
        base: usize,
        code: Code,
        span: Range<usize>,
        msg: String,
        help: &str,
    ) -> Diagnostic {
        self.map
            .at(span.start + base..span.end + base, msg)
            .with_code(code)
            .with_help(help)
            .warning()
    }

    /// A warning at a front-matter span.
    fn warn(&mut self, code: Code, span: Range<usize>, msg: String, help: &str) {
        let d = self.warning(self.raw.front.base, code, span, msg, help);
        self.diags.push(d);
    }

    /// A warning at a byte range of the body.
    fn warn_body(&mut self, code: Code, span: Range<usize>, msg: String, help: &str) {
        let d = self.warning(self.raw.body_start, code, span, msg, help);
        self.diags.push(d);
    }
}

/// A link in a body to another incident, checked once every file and slug is known.
#[derive(Clone, serde::Serialize, serde::Deserialize)]
pub struct PendingLink {
    pub target: LinkTarget,
    pub warning: Diagnostic,
}

#[derive(Clone, serde::Serialize, serde::Deserialize)]
pub enum LinkTarget {
    /// `/incidents/<slug>/` or `../<slug>/`.
    Slug(String),
    /// `other.md`, `../other/index.md`: a content file (lexically absolute path).
    File(std::path::PathBuf),
}

/// The links of [`lint`]'s results whose target is missing, as warnings: checked once every
/// file is loaded, against every incident's slug (drafts included) and every content file that
/// could be read (`paths`), valid or not.
pub fn broken_links<'a>(
    links: impl IntoIterator<Item = &'a PendingLink>,
    incidents: &[std::sync::Arc<Incident>],
    paths: &[std::path::PathBuf],
) -> Vec<Diagnostic> {
    let mut links = links.into_iter().peekable();
    if links.peek().is_none() {
        return Vec::new();
    }
    let slugs: HashSet<&str> = incidents.iter().map(|i| i.slug.as_str()).collect();
    let files: HashSet<std::path::PathBuf> =
        crate::util::fsutil::absolute_files(paths.iter().map(|p| p.as_path()))
            .into_iter()
            .collect();
    links
        .filter(|l| match &l.target {
            LinkTarget::Slug(s) => !slugs.contains(s.as_str()),
            LinkTarget::File(p) => !files.contains(p),
        })
        .map(|l| l.warning.clone())
        .collect()
}

/// A published incident's `related` slug that names an unpublished one (a draft or in review),
/// as a warning at the slug: without `--drafts` the relation is not shown.
pub fn related_drafts<'a>(
    pending: impl IntoIterator<Item = &'a crate::check::validate::PendingRelated>,
    incidents: &[std::sync::Arc<Incident>],
) -> Vec<Diagnostic> {
    let mut pending = pending.into_iter().filter(|p| p.published).peekable();
    if pending.peek().is_none() {
        return Vec::new();
    }
    let drafts: HashSet<&str> = incidents
        .iter()
        .filter(|i| i.draft)
        .map(|i| i.slug.as_str())
        .collect();
    pending
        .filter(|p| drafts.contains(p.slug.as_str()))
        .map(|p| {
            let mut d = p.at.clone().with_code(codes::RELATED_DRAFT).warning();
            d.message = format!(
                "related incident `{}` is not published, so the published site does not show the relation",
                p.slug
            );
            d.help = Some("publish it (`[review] state = \"published\"`), or remove it from `related` until it is".into());
            d
        })
        .collect()
}

/// Warnings for one validated file, and its links to other incidents (for [`broken_links`]).
pub fn lint(
    config: &Config,
    raw: &RawIncident,
    i: &Incident,
    now: DateTime<Utc>,
) -> (Vec<Diagnostic>, Vec<PendingLink>) {
    let f = &raw.front;
    let mut out = Out {
        raw,
        map: raw.source_map(),
        diags: Vec::new(),
    };
    let title = f.title.span();
    if i.summary.is_empty() {
        out.warn(
            codes::MISSING_SUMMARY,
            title.clone(),
            "no `summary`: lists, feeds and the API show nothing under the title".into(),
            "add `summary = \"...\"`: one or two sentences on what users saw",
        );
    }
    if !i.is_maintenance() {
        incident(&mut out, config, i, now);
    }
    for (e, raw_e) in i.timeline.iter().zip(&f.timeline) {
        for dest in crate::util::markdown::unsafe_links(&e.message) {
            out.warn(
                codes::UNSAFE_LINK,
                raw_e.at.span(),
                format!(
                    "this entry's message links to `{dest}`, which is shown as text: only http(s), mailto and relative links are kept"
                ),
                "link to an http(s) or mailto URL, or a page of the site",
            );
        }
    }
    let today = now.with_timezone(&config.timezone).date_naive();
    stuck_in_review(&mut out, config, i, today);
    for (a, raw_a) in i.action_items.iter().zip(&f.action_items) {
        if a.owner.trim().is_empty() {
            out.warn(
                codes::UNOWNED_ACTION,
                raw_a.title.span(),
                format!("action item “{}” has no owner", a.title),
                "set `owner = \"...\"`: a person or team answerable for it",
            );
        }
        if let (Some(due), Some(span)) = (a.due, raw_a.due.as_ref().map(|d| d.span())) {
            if due < today && matches!(a.status, ActionStatus::Open | ActionStatus::InProgress) {
                out.warn(
                    codes::OVERDUE_ACTION,
                    span,
                    format!(
                        "action item “{}” was due {due} and is still {}",
                        a.title,
                        a.status.label().to_lowercase()
                    ),
                    "finish it, or update `due` or `status`",
                );
            }
        }
    }
    let pending = body_links(&mut out, i);
    (out.diags, pending)
}

/// W0012: `[review] state = "in_review"` for more than `[check] review_after_days` days,
/// counted in the site's calendar from `[review] date`, else from the resolution, else the
/// start, to today: exactly that many days is not yet stuck.
fn stuck_in_review(out: &mut Out, config: &Config, i: &Incident, today: chrono::NaiveDate) {
    let Some(raw) = out.raw.front.review.as_ref() else {
        return;
    };
    if i.review.state != ReviewState::InReview {
        return;
    }
    let local = |t: DateTime<Utc>| t.with_timezone(&config.timezone).date_naive();
    let since = i
        .review
        .date
        .unwrap_or_else(|| local(i.resolved.unwrap_or(i.started)));
    let days = (today - since).num_days();
    let limit = config.check.review_after_days;
    if days > limit {
        let from = if i.review.date.is_some() {
            "its review date"
        } else if i.resolved.is_some() {
            "the resolution"
        } else {
            "the start"
        };
        out.warn(
            codes::STUCK_IN_REVIEW,
            raw.state.span(),
            format!("the postmortem has been in review for {days} days (since {from}, {since})"),
            "finish the review and set `state = \"published\"` (the limit is `[check] review_after_days` in site.toml)",
        );
    }
}

/// W0011: a published, resolved incident with a postmortem body that names no contributing
/// factor, no lesson or no action item: one warning naming everything missing.
fn incomplete_postmortem(out: &mut Out, i: &Incident) {
    if i.draft
        || i.review.state != ReviewState::Published
        || i.resolved.is_none()
        || i.body.trim().is_empty()
    {
        return;
    }
    let missing: Vec<&str> = [
        (i.factors.is_empty(), "no contributing factor"),
        (i.lessons.is_empty(), "no lesson"),
        (i.action_items.is_empty(), "no action item"),
    ]
    .into_iter()
    .filter_map(|(m, what)| m.then_some(what))
    .collect();
    let list = match missing.as_slice() {
        [] => return,
        [one] => one.to_string(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    };
    let title = out.raw.front.title.span();
    out.warn(
        codes::INCOMPLETE_POSTMORTEM,
        title,
        format!("the postmortem names {list}"),
        "add `[[factors]]`, `[lessons]` and `[[action_items]]` to the front matter: the archive counts them across incidents",
    );
}

/// Warnings on an incident (not a maintenance): an incomplete postmortem; on its times: a start after now, no postmortem
/// long after the resolution, a long incident, a long unresolved one, entries after the
/// resolution, impact windows outside the incident.
fn incident(out: &mut Out, config: &Config, i: &Incident, now: DateTime<Utc>) {
    incomplete_postmortem(out, i);
    let f = &out.raw.front;
    let title = f.title.span();
    if i.started > now {
        out.warn(
            codes::STARTS_IN_FUTURE,
            f.started
                .as_ref()
                .map(|s| s.span())
                .or_else(|| f.timeline.first().map(|e| e.at.span()))
                .unwrap_or(title.clone()),
            format!(
                "the incident starts after now ({})",
                now.format("%Y-%m-%d %H:%M UTC")
            ),
            "check the date, and the time zone of times without an offset",
        );
    }
    if let Some(r) = i.resolved {
        let days = config.check.postmortem_after_days;
        if i.body.trim().is_empty() && now - r > Duration::days(days) {
            out.warn(
                codes::NO_POSTMORTEM,
                title.clone(),
                format!(
                    "resolved {} days ago and still has no postmortem",
                    (now - r).num_days()
                ),
                "write the postmortem below the front matter (the limit is `[check] postmortem_after_days` in site.toml)",
            );
        }
        if r - i.started > Duration::days(LONG_INCIDENT_DAYS) {
            let span = f
                .resolved
                .as_ref()
                .map(|s| s.span())
                .or_else(|| {
                    f.timeline
                        .iter()
                        .find(|e| e.status.get_ref() == "resolved")
                        .map(|e| e.at.span())
                })
                .unwrap_or(title.clone());
            out.warn(
                codes::LONG_INCIDENT,
                span,
                format!("the incident lasted {} days", (r - i.started).num_days()),
                "is a date mistyped? Incidents longer than 30 days are rare",
            );
        }
        for (e, raw_e) in i.timeline.iter().zip(&f.timeline) {
            if e.at > r && !matches!(e.status, Status::Postmortem | Status::Update) {
                out.warn(
                    codes::ENTRY_AFTER_RESOLVED,
                    raw_e.status.span(),
                    format!(
                        "a `{}` entry after the incident was resolved",
                        e.status.id()
                    ),
                    "after `resolved`, use `update` or `postmortem`; or did the incident reopen?",
                );
            }
        }
    }
    if i.ongoing() && now - i.started > Duration::days(LONG_INCIDENT_DAYS) {
        // At the latest entry: where the `resolved` one would go.
        let span = f
            .timeline
            .last()
            .map(|e| e.at.span())
            .or_else(|| f.started.as_ref().map(|s| s.span()))
            .unwrap_or(title.clone());
        out.warn(
            codes::LONG_UNRESOLVED,
            span,
            format!(
                "the incident has been unresolved for {} days (as of {})",
                (now - i.started).num_days(),
                now.format("%Y-%m-%d %H:%M UTC")
            ),
            "was `resolved` forgotten? Add `resolved = <datetime>` or a `resolved` timeline entry; until then its components show as down on every page",
        );
    }
    for (imp, raw_imp) in i.impacts.iter().zip(&f.impact) {
        let before = imp.start < i.started;
        let after = match (imp.end, i.resolved) {
            (Some(e), Some(r)) => e > r,
            _ => false,
        };
        if before || after {
            let span = if before {
                raw_imp.start.as_ref().map(|s| s.span())
            } else {
                raw_imp.end.as_ref().map(|s| s.span())
            }
            .unwrap_or(raw_imp.component.span());
            out.warn(
                codes::IMPACT_OUTSIDE,
                span,
                format!(
                    "this `[[impact]]` window {} the incident",
                    if before {
                        "starts before"
                    } else {
                        "ends after"
                    }
                ),
                "impact windows lie within `started` and `resolved`; check both times",
            );
        }
    }
}

/// Images that are not in the bundle, and links to other incidents (returned for later).
fn body_links(out: &mut Out, i: &Incident) -> Vec<PendingLink> {
    use pulldown_cmark::{Event, Parser, Tag};
    let mut pending = Vec::new();
    let assets: HashSet<String> = i
        .assets
        .iter()
        .map(|a| a.to_string_lossy().replace('\\', "/"))
        .collect();
    let body = out.raw.body().to_string();
    for (ev, range) in Parser::new_ext(&body, crate::util::markdown::options()).into_offset_iter() {
        let (dest, image) = match &ev {
            Event::Start(Tag::Image { dest_url, .. }) => (dest_url.to_string(), true),
            Event::Start(Tag::Link { dest_url, .. }) => (dest_url.to_string(), false),
            _ => continue,
        };
        let path = dest.split(['#', '?']).next().unwrap_or("");
        if path.is_empty()
            || path.contains("://")
            || path.starts_with("mailto:")
            || path.starts_with("data:")
        {
            continue;
        }
        if image && !path.starts_with('/') {
            let rel = path.trim_start_matches("./");
            if !assets.contains(rel) {
                out.warn_body(
                    codes::MISSING_IMAGE,
                    range,
                    format!("image `{path}` is not in this incident's folder"),
                    if i.bundle.is_some() {
                        "put the file beside index.md, or fix the name"
                    } else {
                        "make the incident a bundle (content/<slug>/index.md) and put the image beside it"
                    },
                );
            }
            continue;
        }
        // `other.md` (a content file, made the page's link by the renderer), else
        // `/incidents/<slug>/` or `../<slug>/`.
        let (target, message, help) = if path.ends_with(".md") && !path.starts_with('/') {
            let from = out.raw.path.parent().unwrap_or(std::path::Path::new(""));
            (
                LinkTarget::File(crate::util::fsutil::absolute(&from.join(path))),
                format!("link to `{path}`: there is no such file in content/"),
                "link to another incident's file by its path from this one, e.g. `other.md` or `../other/index.md`",
            )
        } else {
            let slug = if let Some(rest) = path.trim_start_matches('/').strip_prefix("incidents/") {
                rest.trim_end_matches('/')
            } else if let Some(rest) = path.strip_prefix("../") {
                rest.trim_end_matches('/')
            } else {
                continue;
            };
            if slug.is_empty() || slug.contains('/') {
                continue;
            }
            (
                LinkTarget::Slug(slug.to_string()),
                format!("link to `{path}`: there is no incident `{slug}`"),
                "link to `../<slug>/` of an existing incident, or to its file (`other.md`)",
            )
        };
        let warning = out.warning(out.raw.body_start, codes::BROKEN_LINK, range, message, help);
        pending.push(PendingLink { target, warning });
    }
    pending
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    /// A site in New York (UTC−4 in summer) with the limits given.
    fn config(review_after_days: i64) -> Config {
        let text = format!(
            "title = \"T\"\nbase_url = \"https://status.example.com/\"\ntimezone = \"America/New_York\"\n\n[check]\nreview_after_days = {review_after_days}\n\n[[components]]\nid = \"api\"\nname = \"API\"\n"
        );
        crate::input::config::from_str(Path::new("."), Path::new("site.toml"), &text).unwrap()
    }

    /// A resolved incident (10:00–11:00Z on 2024-05-01) with `extra` front matter after its
    /// timeline, and `body`.
    fn file(head: &str, extra: &str, body: &str) -> String {
        format!(
            "+++\ntitle = \"T\"\nsummary = \"S\"\n{head}\n[[timeline]]\nat = 2024-05-01T10:00:00Z\nstatus = \"investigating\"\nmessage = \"m\"\n\n[[timeline]]\nat = 2024-05-01T11:00:00Z\nstatus = \"resolved\"\nmessage = \"r\"\n{extra}+++\n{body}"
        )
    }

    const INCIDENT: &str = "severity = \"minor\"\ncomponents = [\"api\"]\n";
    const COMPLETE: &str = "\n[[factors]]\nid = \"change\"\n\n[lessons]\nlucky = [\"Quiet day.\"]\n\n[[action_items]]\ntitle = \"Fix\"\nowner = \"ops\"\nstatus = \"open\"\n";

    /// The codes of the warnings on `text`, at `now`.
    fn codes_of(cfg: &Config, text: &str, now: &str) -> Vec<&'static str> {
        let raw = crate::input::load::parse_file(
            "content/x.md".into(),
            None,
            Vec::new(),
            text.as_bytes().to_vec(),
        )
        .unwrap();
        let i = crate::check::validate::validate(cfg, &raw).unwrap();
        let now = DateTime::parse_from_rfc3339(now)
            .unwrap()
            .with_timezone(&Utc);
        lint(cfg, &raw, &i, now)
            .0
            .iter()
            .map(|d| d.code.id)
            .collect()
    }

    const NOW: &str = "2024-05-03T00:00:00Z";

    #[test]
    fn an_unresolved_incident_is_long_after_30_days_only() {
        let cfg = config(14);
        let head = "+++\ntitle = \"T\"\nsummary = \"S\"\nseverity = \"minor\"\ncomponents = [\"api\"]\n\n[[timeline]]\nat = 2024-05-01T10:00:00Z\nstatus = \"identified\"\nmessage = \"m\"\n";
        let open = format!("{head}+++\n");
        // Started 2024-05-01T10:00Z: 30 days later is 2024-05-31T10:00Z, not yet more.
        assert!(codes_of(&cfg, &open, "2024-05-31T10:00:00Z").is_empty());
        assert_eq!(codes_of(&cfg, &open, "2024-05-31T10:00:01Z"), ["W0015"]);
        // Resolved 40 days on: W0006 (and the missing postmortem), not W0015.
        let resolved = format!(
            "{head}\n[[timeline]]\nat = 2024-06-10T10:00:00Z\nstatus = \"resolved\"\nmessage = \"r\"\n+++\n"
        );
        let codes = codes_of(&cfg, &resolved, "2024-07-01T00:00:00Z");
        assert!(
            codes.contains(&"W0006") && !codes.contains(&"W0015"),
            "{codes:?}"
        );
    }

    #[test]
    fn incomplete_postmortem_names_everything_missing_once() {
        let cfg = config(14);
        let text = file(INCIDENT, "", "What happened.");
        assert_eq!(codes_of(&cfg, &text, NOW), ["W0011"]);
        let raw = crate::input::load::parse_file(
            "content/x.md".into(),
            None,
            Vec::new(),
            text.into_bytes(),
        )
        .unwrap();
        let i = crate::check::validate::validate(&cfg, &raw).unwrap();
        let d = lint(&cfg, &raw, &i, Utc::now()).0;
        assert_eq!(
            d[0].message,
            "the postmortem names no contributing factor, no lesson and no action item"
        );
        assert_eq!((d[0].line, d[0].col), (2, 9), "at the title's value");
        // Only the lesson missing.
        let some = file(
            INCIDENT,
            "\n[[factors]]\nid = \"change\"\n\n[[action_items]]\ntitle = \"Fix\"\nowner = \"ops\"\nstatus = \"open\"\n",
            "Body.",
        );
        let raw = crate::input::load::parse_file(
            "content/x.md".into(),
            None,
            Vec::new(),
            some.into_bytes(),
        )
        .unwrap();
        let i = crate::check::validate::validate(&cfg, &raw).unwrap();
        let d = lint(&cfg, &raw, &i, Utc::now()).0;
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].message, "the postmortem names no lesson");
        // Complete: nothing.
        assert!(codes_of(&cfg, &file(INCIDENT, COMPLETE, "Body."), NOW).is_empty());
    }

    #[test]
    fn incomplete_postmortem_is_only_for_published_resolved_incidents_with_a_body() {
        let cfg = config(14);
        // A draft, either way of saying it; a postmortem in review (1 day, under the limit).
        let draft = format!("{INCIDENT}draft = true\n");
        assert!(codes_of(&cfg, &file(&draft, "", "Body."), NOW).is_empty());
        let review = "\n[review]\nstate = \"draft\"\n";
        assert!(codes_of(&cfg, &file(INCIDENT, review, "Body."), NOW).is_empty());
        let review = "\n[review]\nstate = \"in_review\"\n";
        assert!(codes_of(&cfg, &file(INCIDENT, review, "Body."), NOW).is_empty());
        // An empty body (W0002's business once it is late, not before: 7 days).
        assert!(codes_of(&cfg, &file(INCIDENT, "", "  \n"), NOW).is_empty());
        // Unresolved: the second entry is `identified`, not `resolved`.
        let ongoing = file(INCIDENT, "", "Body.").replace("\"resolved\"", "\"identified\"");
        assert!(codes_of(&cfg, &ongoing, NOW).is_empty());
        // A maintenance, published, completed, with a body.
        let maint = "+++\ntitle = \"M\"\nsummary = \"S\"\nkind = \"maintenance\"\ncomponents = [\"api\"]\nscheduled_start = 2024-05-01T10:00:00Z\nscheduled_end = 2024-05-01T11:00:00Z\n\n[[timeline]]\nat = 2024-05-01T10:00:00Z\nstatus = \"in_progress\"\nmessage = \"m\"\n\n[[timeline]]\nat = 2024-05-01T11:00:00Z\nstatus = \"completed\"\nmessage = \"m\"\n+++\nNotes.";
        assert!(codes_of(&cfg, maint, NOW).is_empty());
    }

    #[test]
    fn stuck_in_review_counts_days_from_the_review_date_in_the_site_zone() {
        let cfg = config(14);
        let review = format!("{COMPLETE}\n[review]\nstate = \"in_review\"\ndate = 2024-05-10\n");
        let text = file(INCIDENT, &review, "Body.");
        // Today in New York: 2024-05-24T03:59Z is 23:59 on May 23, 13 days after May 10;
        // 2024-05-25T03:59Z is May 24: 14 days, exactly the limit, not yet stuck;
        // 2024-05-25T04:00Z is 00:00 on May 25: 15 days, stuck.
        assert!(codes_of(&cfg, &text, "2024-05-24T03:59:00Z").is_empty());
        assert!(codes_of(&cfg, &text, "2024-05-25T03:59:00Z").is_empty());
        assert_eq!(codes_of(&cfg, &text, "2024-05-25T04:00:00Z"), ["W0012"]);
        // A published postmortem with an old date is not in review.
        let published = review.replace("in_review", "published");
        let text = file(INCIDENT, &published, "Body.");
        assert!(codes_of(&cfg, &text, "2025-01-01T00:00:00Z").is_empty());
    }

    #[test]
    fn stuck_in_review_without_a_date_counts_from_the_resolution() {
        // Resolved 2024-05-01T11:00Z = 07:00 May 1 in New York; limit 0 days: May 1 is 0 days
        // (not stuck), May 2 (2024-05-02T04:00Z) is 1 day (stuck).
        let cfg = config(0);
        let review = format!("{COMPLETE}\n[review]\nstate = \"in_review\"\n");
        let text = file(INCIDENT, &review, "Body.");
        assert!(codes_of(&cfg, &text, "2024-05-02T03:59:00Z").is_empty());
        assert_eq!(codes_of(&cfg, &text, "2024-05-02T04:00:00Z"), ["W0012"]);
    }

    #[test]
    fn an_action_item_without_owner_is_flagged_at_its_title() {
        let cfg = config(14);
        let unowned = COMPLETE.replace("owner = \"ops\"\n", "owner = \"  \"\n");
        let text = file(INCIDENT, &unowned, "Body.");
        assert_eq!(codes_of(&cfg, &text, NOW), ["W0013"]);
        let missing = COMPLETE.replace("owner = \"ops\"\n", "");
        let text = file(INCIDENT, &missing, "Body.");
        let raw = crate::input::load::parse_file(
            "content/x.md".into(),
            None,
            Vec::new(),
            text.into_bytes(),
        )
        .unwrap();
        let i = crate::check::validate::validate(&cfg, &raw).unwrap();
        let d = lint(&cfg, &raw, &i, Utc::now()).0;
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].message, "action item “Fix” has no owner");
        // `title = "Fix"` is line 24 of the file: 15 lines to the last `message`, then
        // COMPLETE's blank, [[factors]], id, blank, [lessons], lucky, blank, [[action_items]],
        // title; column 9 is after `title = `.
        assert_eq!((d[0].line, d[0].col), (24, 9));
    }
}
