//! Markdown → HTML: CommonMark plus tables, task lists, strikethrough, footnotes and heading ids.
//! Body headings get unique ids and a self-link; headings of levels 2–3 feed the table of contents.

use pulldown_cmark::{
    html, CodeBlockKind, CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd,
};
use serde::Serialize;
use std::collections::{HashMap, HashSet};
use url::Url;

/// Ids the default theme uses on pages that embed a body (incident and maintenance pages);
/// body headings never take them.
pub const RESERVED_IDS: &[&str] = &[
    "main",
    "timeline",
    "contents",
    "postmortem",
    "notes",
    "action-items",
    "components-affected",
    "action-items-caption",
];

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct TocEntry {
    pub level: u8,
    pub id: String,
    pub title: String,
}

pub struct Rendered {
    pub html: String,
    pub toc: Vec<TocEntry>,
}

pub(crate) fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
}

/// Render a postmortem body: headings get ids, anchors and a table of contents.
pub fn render_body(md: &str) -> Rendered {
    render_body_at(md, None)
}

/// [`render_body`], with every link and image made absolute against `base` (the page's URL)
/// when one is given: feeds are read away from the page.
pub fn render_body_at(md: &str, base: Option<&Url>) -> Rendered {
    render_body_linked(md, base, None)
}

/// Rewrites a link's destination (`other.md` → `/incidents/other/`), or returns `None` to
/// leave it as written.
pub type LinkMap<'a> = &'a (dyn Fn(&str) -> Option<String> + Sync);

/// [`render_body_at`], with link destinations first passed through `links`.
pub fn render_body_linked(md: &str, base: Option<&Url>, links: Option<LinkMap>) -> Rendered {
    let mut used: HashSet<String> = RESERVED_IDS.iter().map(|s| s.to_string()).collect();
    let mut toc = Vec::new();
    let mut adapt = Adapt::new(base);
    adapt.links = links;
    adapt.table_regions = true;
    let here = adapt.here.clone();
    let mut events: Vec<Event> = Vec::new();
    let mut heading: Option<(HeadingLevel, Option<String>, Vec<Event>)> = None;
    for ev in Parser::new_ext(md, options()) {
        match ev {
            Event::Start(Tag::Heading { level, id, .. }) => {
                heading = Some((level, id.map(|s| s.to_string()), Vec::new()));
            }
            Event::End(TagEnd::Heading(_)) => {
                let Some((level, explicit, inner)) = heading.take() else {
                    continue;
                };
                let text = plain_text(&inner);
                let id = unique_id(
                    explicit.unwrap_or_else(|| crate::util::slug::slugify(&text)),
                    &mut used,
                );
                let n = level as u8;
                let mut inner_html = String::new();
                html::push_html(&mut inner_html, inner.into_iter());
                let id_attr = crate::util::escape::markup(&id);
                let label = crate::util::escape::markup(&format!("Link to “{text}”"));
                // Away from the page (a feed), a self-link is noise.
                events.push(Event::Html(CowStr::from(if here.is_empty() {
                    format!("<h{n} id=\"{id_attr}\">{inner_html} <a class=\"anchor\" href=\"#{id_attr}\" aria-label=\"{label}\">#</a></h{n}>\n")
                } else {
                    format!("<h{n} id=\"{id_attr}\">{inner_html}</h{n}>\n")
                })));
                if n == 2 || n == 3 {
                    toc.push(TocEntry {
                        level: n,
                        id,
                        title: text,
                    });
                }
            }
            ev => match &mut heading {
                Some((_, _, inner)) => adapt.push(ev, inner),
                None => adapt.push(ev, &mut events),
            },
        }
    }
    let mut out = String::with_capacity(md.len() * 3 / 2);
    html::push_html(&mut out, events.into_iter());
    Rendered { html: out, toc }
}

/// Render a short Markdown text (a timeline message): no heading ids, no footnotes, no table of
/// contents, so nothing in it can collide with the page's ids. Raw HTML is shown as text:
/// messages are status text, often pasted from chat or alerts, and end up in feeds and chat
/// bots as well as on the page. So is a link or image whose destination is not an http(s),
/// mailto or relative URL ([`crate::util::escape::is_safe_url`]): its text stays, the link goes.
pub fn render_inline(md: &str) -> String {
    render_inline_at(md, None)
}

/// [`render_inline`] with links made absolute against `base`, as in [`render_body_at`].
pub fn render_inline_at(md: &str, base: Option<&Url>) -> String {
    render_inline_linked(md, base, None)
}

/// [`render_inline_at`], with link destinations first passed through `links`.
pub fn render_inline_linked(md: &str, base: Option<&Url>, links: Option<LinkMap>) -> String {
    if let Some(html) = plain_paragraph(md) {
        return html;
    }
    let opts = options() - Options::ENABLE_HEADING_ATTRIBUTES - Options::ENABLE_FOOTNOTES;
    let mut adapt = Adapt::new(base);
    adapt.links = links;
    adapt.safe_links_only = true;
    let mut events = Vec::new();
    for ev in Parser::new_ext(md, opts) {
        let ev = match ev {
            Event::Html(h) | Event::InlineHtml(h) => Event::Text(h),
            Event::Start(Tag::HtmlBlock) => Event::Start(Tag::Paragraph),
            Event::End(TagEnd::HtmlBlock) => Event::End(TagEnd::Paragraph),
            ev => ev,
        };
        adapt.push(ev, &mut events);
    }
    let mut out = String::new();
    html::push_html(&mut out, events.into_iter());
    out
}

/// What pulldown-cmark makes of a one-line text with nothing Markdown or HTML could read in
/// it (letters, digits, spaces and plain punctuation, starting with a letter): the same
/// paragraph, without a parser. Most front-matter texts (timeline messages, factor notes,
/// lessons) are such sentences, and there are tens of thousands of them in a large site.
fn plain_paragraph(md: &str) -> Option<String> {
    const PLAIN: &[u8] = b" ,.;:()'?%/=+-";
    if md.is_empty() {
        return Some(String::new());
    }
    let bytes = md.as_bytes();
    let first_ok = bytes.first().is_some_and(u8::is_ascii_alphabetic);
    let last_ok = bytes.last().is_some_and(|b| *b != b' ');
    if !first_ok
        || !last_ok
        || !bytes
            .iter()
            .all(|b| b.is_ascii_alphanumeric() || PLAIN.contains(b))
    {
        return None;
    }
    let mut out = String::with_capacity(md.len() + 8);
    out.push_str("<p>");
    out.push_str(md);
    out.push_str("</p>\n");
    Some(out)
}

/// Rewrites of pulldown-cmark's default HTML for accessibility and unique ids: labelled
/// task-list checkboxes, keyboard-scrollable code blocks and tables, and footnote ids (`fn-1`,
/// …) that can never collide with headings or the theme's own ids.
struct Adapt<'r> {
    footnotes: HashMap<String, usize>,
    base: Option<Url>,
    /// Escaped prefix for in-page `#fragment` links: empty, or the page's URL.
    here: String,
    links: Option<LinkMap<'r>>,
    /// Render links and images to unsafe URLs as their text (front-matter Markdown).
    safe_links_only: bool,
    /// For each open link or image: whether it was dropped (so is its end).
    open_links: Vec<bool>,
    /// Tables so far. A body's tables are scrolling regions (landmarks) named "Table 1",
    /// "Table 2", …, unique on the page (a page shows one body); a short text's tables (many
    /// of them can sit on one page) are named groups instead, which are not landmarks.
    tables: usize,
    /// Whether tables are regions ("Table N") rather than groups.
    table_regions: bool,
}

impl<'r> Adapt<'r> {
    fn new(base: Option<&Url>) -> Self {
        Adapt {
            footnotes: HashMap::new(),
            base: base.cloned(),
            here: base.map_or_else(String::new, |b| crate::util::escape::markup(b.as_str())),
            links: None,
            safe_links_only: false,
            open_links: Vec::new(),
            tables: 0,
            table_regions: false,
        }
    }

    /// `dest` resolved against the base URL; unchanged without one or when it cannot be.
    fn absolute<'a>(&self, dest: CowStr<'a>) -> CowStr<'a> {
        match &self.base {
            Some(b) => match b.join(&dest) {
                Ok(u) => CowStr::from(u.to_string()),
                Err(_) => dest,
            },
            None => dest,
        }
    }

    fn number(&mut self, name: &str) -> usize {
        let next = self.footnotes.len() + 1;
        *self.footnotes.entry(name.to_string()).or_insert(next)
    }

    fn push<'a>(&mut self, ev: Event<'a>, out: &mut Vec<Event<'a>>) {
        if self.safe_links_only {
            match &ev {
                Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => {
                    let drop = !crate::util::escape::is_safe_url(dest_url);
                    self.open_links.push(drop);
                    if drop {
                        return;
                    }
                }
                // The guard pops this end's start whether or not it was dropped.
                Event::End(TagEnd::Link | TagEnd::Image)
                    if self.open_links.pop().unwrap_or(false) =>
                {
                    return;
                }
                _ => {}
            }
        }
        self.push_adapted(ev, out)
    }

    fn push_adapted<'a>(&mut self, ev: Event<'a>, out: &mut Vec<Event<'a>>) {
        let html = |s: String| Event::Html(CowStr::from(s));
        match ev {
            Event::TaskListMarker(done) => out.push(html(
                if done {
                    "<input type=\"checkbox\" checked disabled aria-label=\"done\"> "
                } else {
                    "<input type=\"checkbox\" disabled aria-label=\"not done\"> "
                }
                .into(),
            )),
            Event::Start(Tag::CodeBlock(kind)) => {
                let lang = match &kind {
                    CodeBlockKind::Fenced(info) => info.split_whitespace().next().unwrap_or(""),
                    CodeBlockKind::Indented => "",
                };
                out.push(html(if lang.is_empty() {
                    "<pre tabindex=\"0\"><code>".into()
                } else {
                    format!(
                        "<pre tabindex=\"0\"><code class=\"language-{}\">",
                        crate::util::escape::markup(lang)
                    )
                }));
            }
            Event::End(TagEnd::CodeBlock) => out.push(html("</code></pre>\n".into())),
            ev @ Event::Start(Tag::Table(_)) => {
                self.tables += 1;
                out.push(html(if self.table_regions {
                    format!(
                        "<div class=\"table-wrap\" role=\"region\" aria-label=\"Table {}\" tabindex=\"0\">\n",
                        self.tables
                    )
                } else {
                    "<div class=\"table-wrap\" role=\"group\" aria-label=\"Table\" tabindex=\"0\">\n"
                        .into()
                }));
                out.push(ev);
            }
            ev @ Event::End(TagEnd::Table) => {
                out.push(ev);
                out.push(html("</div>\n".into()));
            }
            Event::FootnoteReference(name) => {
                let n = self.number(&name);
                out.push(html(format!(
                    "<sup class=\"footnote-reference\"><a href=\"{}#fn-{n}\">{n}</a></sup>",
                    self.here
                )));
            }
            Event::Start(Tag::FootnoteDefinition(name)) => {
                let n = self.number(&name);
                out.push(html(format!(
                    "<div class=\"footnote-definition\" id=\"fn-{n}\"><sup class=\"footnote-definition-label\">{n}</sup>"
                )));
            }
            Event::End(TagEnd::FootnoteDefinition) => out.push(html("</div>\n".into())),
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) if self.base.is_some() || self.links.is_some() => {
                let dest = match self.links.and_then(|f| f(&dest_url)) {
                    Some(d) => CowStr::from(d),
                    None => dest_url,
                };
                out.push(Event::Start(Tag::Link {
                    link_type,
                    dest_url: self.absolute(dest),
                    title,
                    id,
                }))
            }
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) if self.base.is_some() => out.push(Event::Start(Tag::Image {
                link_type,
                dest_url: self.absolute(dest_url),
                title,
                id,
            })),
            ev => out.push(ev),
        }
    }
}

/// The destinations of the links and images in a short Markdown text that
/// [`render_inline`] shows as text because they are not safe to follow.
pub fn unsafe_links(md: &str) -> Vec<String> {
    let opts = options() - Options::ENABLE_HEADING_ATTRIBUTES - Options::ENABLE_FOOTNOTES;
    Parser::new_ext(md, opts)
        .filter_map(|ev| match ev {
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. })
                if !crate::util::escape::is_safe_url(&dest_url) =>
            {
                Some(dest_url.to_string())
            }
            _ => None,
        })
        .collect()
}

fn plain_text(events: &[Event]) -> String {
    let mut s = String::new();
    for e in events {
        match e {
            Event::Text(t) | Event::Code(t) => s.push_str(t),
            Event::SoftBreak | Event::HardBreak => s.push(' '),
            _ => {}
        }
    }
    s.trim().to_string()
}

/// A raw (unescaped) id, unique on the page; whitespace is not allowed in HTML ids, and
/// `fn-<n>` is kept for footnotes.
fn unique_id(base: String, used: &mut HashSet<String>) -> String {
    let base: String = base.split_whitespace().collect::<Vec<_>>().join("-");
    let base = if base.is_empty()
        || base
            .strip_prefix("fn-")
            .is_some_and(|r| r.bytes().all(|b| b.is_ascii_digit()))
    {
        format!("section-{base}").trim_end_matches('-').to_string()
    } else {
        base
    };
    let mut id = base.clone();
    let mut n = 1;
    while used.contains(&id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    used.insert(id.clone());
    id
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The plain-text shortcut gives what the parser gives.
    fn parsed_inline(md: &str) -> String {
        let opts = options() - Options::ENABLE_HEADING_ATTRIBUTES - Options::ENABLE_FOOTNOTES;
        let mut out = String::new();
        html::push_html(&mut out, Parser::new_ext(md, opts));
        out
    }

    #[test]
    fn plain_sentences_skip_the_parser_with_the_same_html() {
        for md in [
            "We are investigating.",
            "Rolled back at 12:04 (UTC); errors fell to 0.1% - see the graph/dashboard.",
            "It's fixed? Yes: 2 + 2 = 4.",
            "A  double  space",
            "",
        ] {
            assert_eq!(
                plain_paragraph(md).as_deref(),
                Some(parsed_inline(md).as_str()),
                "{md}"
            );
        }
        // Anything the parser could read differently goes to the parser.
        for md in [
            "1. a list",
            "- a list",
            "# heading",
            "    code",
            "a *b*",
            "a_b_",
            "x <b>",
            "a & b",
            "\"q\"",
            "two\nlines",
            "trailing ",
            "a ~~b~~",
            "a | b",
            "[x](y)",
            "`c`",
        ] {
            assert_eq!(plain_paragraph(md), None, "{md}");
        }
    }

    proptest::proptest! {
        #[test]
        fn the_shortcut_agrees_with_the_parser(md in "[a-zA-Z0-9 ,.;:()'?%/=+\\-]{0,40}") {
            if let Some(fast) = plain_paragraph(&md) {
                proptest::prop_assert_eq!(fast, parsed_inline(&md));
            }
        }
    }

    #[test]
    fn headings_get_unique_ids_and_toc() {
        let r =
            render_body("## Root cause\n\ntext\n\n## Root cause\n\n### Timeline\n\n#### Deep\n");
        assert!(
            r.html.contains(
                "<h2 id=\"root-cause\">Root cause <a class=\"anchor\" href=\"#root-cause\""
            ),
            "{}",
            r.html
        );
        assert!(r.html.contains("<h2 id=\"root-cause-1\">"));
        // The maintenance page's `notes` section id is reserved too.
        assert!(render_body("## Notes\n")
            .html
            .contains("<h2 id=\"notes-1\">"));
        // `timeline` is reserved by the theme.
        assert!(r.html.contains("<h3 id=\"timeline-1\">"));
        assert_eq!(
            r.toc.iter().map(|t| t.id.as_str()).collect::<Vec<_>>(),
            ["root-cause", "root-cause-1", "timeline-1"]
        );
    }

    #[test]
    fn extensions() {
        let r = render_body("| a | b |\n|---|---|\n| 1 | 2 |\n\n- [x] done\n- [ ] todo\n\n~~old~~ text[^n]\n\n[^n]: note\n\n## Custom {#my-id}\n");
        assert!(r.html.contains("<table>"));
        assert!(r.html.contains("aria-label=\"done\""));
        assert!(r.html.contains("<del>old</del>"));
        assert!(r.html.contains("footnote-definition"));
        assert!(r.html.contains("<h2 id=\"my-id\">"));
    }

    #[test]
    fn footnotes_code_and_tables_are_accessible_and_unique() {
        let r = render_body("## Timeline\n\nSee[^timeline] and[^b].\n\n[^timeline]: first\n[^b]: second\n\n```rust\nlet x = 1 < 2;\n```\n\n| a |\n|---|\n| 1 |\n\n## Odd {#my id}\n");
        assert!(r.html.contains("<a href=\"#fn-1\">1</a>"), "{}", r.html);
        assert!(r.html.contains("id=\"fn-2\""));
        assert!(
            !r.html.contains("id=\"timeline\""),
            "footnote or heading took a reserved id"
        );
        assert!(r.html.contains("<pre tabindex=\"0\"><code class=\"language-rust\">let x = 1 &lt; 2;\n</code></pre>"), "{}", r.html);
        assert!(r.html.contains("<div class=\"table-wrap\" role=\"region\" aria-label=\"Table 1\" tabindex=\"0\">\n<table>"));
        // A second table is a second, differently named region (axe `landmark-unique`).
        let two = render_body("| a |\n|---|\n| 1 |\n\ntext\n\n| b |\n|---|\n| 2 |\n");
        assert!(two.html.contains("aria-label=\"Table 1\""), "{}", two.html);
        assert!(two.html.contains("aria-label=\"Table 2\""), "{}", two.html);
        // In a short text (a timeline message, many to a page) a table is a group, not a landmark.
        let inline = render_inline("| a |\n|---|\n| 1 |\n");
        assert!(
            inline.contains(
                "<div class=\"table-wrap\" role=\"group\" aria-label=\"Table\" tabindex=\"0\">"
            ),
            "{inline}"
        );
        assert_eq!(
            r.toc.last().unwrap().id,
            "my",
            "attributes after a space are not part of the id"
        );
    }

    #[test]
    fn links_and_images_become_absolute_against_a_base() {
        let base = Url::parse("https://status.example.com/sub/incidents/db-outage/").unwrap();
        let md = "See [the graph](graph.png), [other](../other/), [home](/x), \
                  [ext](https://e.org/a?b=1&c=2), [top](#impact)[^n].\n\n\
                  ![diagram](img/d.svg \"A <diagram>\")\n\n## Impact\n\n[^n]: note\n";
        let r = render_body_at(md, Some(&base));
        for want in [
            "href=\"https://status.example.com/sub/incidents/db-outage/graph.png\"",
            "href=\"https://status.example.com/sub/incidents/other/\"",
            "href=\"https://status.example.com/x\"",
            "href=\"https://e.org/a?b=1&amp;c=2\"",
            "href=\"https://status.example.com/sub/incidents/db-outage/#impact\"",
            "src=\"https://status.example.com/sub/incidents/db-outage/img/d.svg\"",
            "title=\"A &lt;diagram&gt;\"",
            "<a href=\"https://status.example.com/sub/incidents/db-outage/#fn-1\">1</a>",
            "<h2 id=\"impact\">Impact</h2>",
        ] {
            assert!(r.html.contains(want), "missing {want} in {}", r.html);
        }
        // Without a base nothing changes.
        let plain = render_body(md);
        assert!(plain.html.contains("href=\"graph.png\""));
        assert!(plain.html.contains("<a class=\"anchor\" href=\"#impact\""));
        assert_eq!(
            render_inline_at("[x](y/)", Some(&base)),
            "<p><a href=\"https://status.example.com/sub/incidents/db-outage/y/\">x</a></p>\n"
        );
    }

    #[test]
    fn raw_html_in_messages_is_text() {
        assert_eq!(
            render_inline("Checking <script>x</script> & *more*.\n\n<div>block</div>"),
            "<p>Checking &lt;script&gt;x&lt;/script&gt; &amp; <em>more</em>.</p>\n<p>&lt;div&gt;block&lt;/div&gt;</p>\n"
        );
    }

    #[test]
    fn unsafe_links_in_messages_are_text() {
        for md in [
            "[x](javascript:alert(1))",
            "[x](JavaScript:alert(1))",
            "[x](&#106;avascript:alert(1))",
            "[x](java&#x09;script:alert(1))",
            "[x](<javascript:alert(1)>)",
            "<javascript:alert(1)>",
            "[x][r]\n\n[r]: javascript:alert(1)",
            "![x](javascript:alert(1))",
            "[x](vbscript:msgbox(1))",
            "[x](data:text/html,<script>alert(1)</script>)",
            "[![x](data:image/png;base64,AAAA)](javascript:alert(1))",
        ] {
            let html = render_inline(md);
            let lower = html.to_ascii_lowercase();
            assert!(
                !lower.contains("href") && !lower.contains("src"),
                "{md:?} rendered {html}"
            );
            assert!(!unsafe_links(md).is_empty(), "{md:?} not reported");
            // Against a base (feeds, the API) as well.
            let base = Url::parse("https://status.example.com/incidents/x/").unwrap();
            assert!(!render_inline_at(md, Some(&base)).contains("href"));
        }
        // The text stays; safe links around them are kept.
        assert_eq!(
            render_inline("[click](javascript:alert(1)) and [ok](https://e.org/)"),
            "<p>click and <a href=\"https://e.org/\">ok</a></p>\n"
        );
        assert!(unsafe_links("[ok](https://e.org/) [rel](../x/) <mailto:a@b.c>").is_empty());
    }

    #[test]
    fn raw_html_passes_through_and_text_is_escaped() {
        let r = render_body("<div class=\"x\">hi</div>\n\n## a <b> & \"c\"\n");
        assert!(r.html.contains("<div class=\"x\">hi</div>"));
        assert_eq!(r.toc[0].title, "a  & \"c\"");
    }
}
