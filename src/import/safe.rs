//! Imported text made safe to publish: another tool's data is untrusted.
//!
//! - [`markdown`]: links, images and reference definitions whose URL has a scheme other than
//!   http, https or mailto lose the URL (a link keeps its text; an autolink goes); raw HTML is
//!   cleaned by [`super::html::clean`] (an allowlist of tags and attributes, the same URL rule).
//! - [`text`]: control characters and noncharacters removed, line ends made `\n`, so that
//!   every written string checks and every feed stays well-formed XML.
//!
//! What was removed is collected in a [`Removed`], reported once per incident.

use pulldown_cmark::{Event, LinkType, Parser, Tag, TagEnd};
use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::ops::Range;

/// What the sanitizers took out of one incident.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Removed {
    /// Element names (`script`), each once.
    pub elements: BTreeSet<String>,
    /// Attribute names (`onclick`), each once.
    pub attributes: BTreeSet<String>,
    /// URL schemes (`javascript:`), each once.
    pub schemes: BTreeSet<String>,
    /// Control characters or noncharacters were removed from text.
    pub controls: bool,
}

impl Removed {
    pub fn is_empty(&self) -> bool {
        *self == Removed::default()
    }

    pub fn element(&mut self, name: &str) {
        self.elements.insert(short(name));
    }

    pub fn attribute(&mut self, name: &str) {
        self.attributes.insert(short(name));
    }

    /// Note a URL that was not allowed, by its scheme.
    pub fn url(&mut self, url: &str) {
        let u = normalise(url);
        let scheme = match u.find(':') {
            Some(i) => u[..i].to_ascii_lowercase(),
            None => u,
        };
        self.schemes.insert(format!("{}:", short(&scheme)));
    }

    /// One sentence: `removed <script> elements, onclick attributes, links to javascript:`.
    pub fn describe(&self) -> String {
        let mut parts = Vec::new();
        let list = |set: &BTreeSet<String>, f: &dyn Fn(&String) -> String| {
            set.iter().map(f).collect::<Vec<_>>().join(", ")
        };
        if !self.elements.is_empty() {
            parts.push(format!(
                "HTML elements {}",
                list(&self.elements, &|e| format!("<{e}>"))
            ));
        }
        if !self.attributes.is_empty() {
            parts.push(format!(
                "HTML attributes {}",
                list(&self.attributes, &|a| a.clone())
            ));
        }
        if !self.schemes.is_empty() {
            parts.push(format!(
                "links and images to {} (only http, https, mailto, relative and #fragment URLs are kept; link text stays)",
                list(&self.schemes, &|s| s.clone())
            ));
        }
        if self.controls {
            parts.push("control characters".to_string());
        }
        format!("removed from the imported text: {}", parts.join("; "))
    }
}

/// At most 40 characters of `s`, with control characters shown as escapes.
pub fn short(s: &str) -> String {
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i == 40 {
            out.push('…');
            break;
        }
        let _ = write!(out, "{}", c.escape_debug());
    }
    out
}

/// A URL as a browser reads it: leading C0 controls and spaces dropped, tabs and line breaks
/// removed anywhere.
fn normalise(url: &str) -> String {
    url.trim_start_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect()
}

/// Whether a (decoded) URL may be published: http, https, mailto, or no scheme at all (a
/// relative or `#fragment` URL). Anything with a `:` before the first `/`, `?` or `#` is taken
/// as a scheme, so `java script:` and `&…;`-tricks fail too.
pub fn url_ok(url: &str) -> bool {
    let u = normalise(url);
    match u.find([':', '/', '?', '#']) {
        Some(i) if u.as_bytes()[i] == b':' => {
            matches!(
                u[..i].to_ascii_lowercase().as_str(),
                "http" | "https" | "mailto"
            )
        }
        _ => true,
    }
}

/// `s` without control characters (but tab and line feed) and noncharacters; `\r\n` and a lone
/// `\r` become `\n`.
pub fn text(s: &str, removed: &mut Removed) -> String {
    // What no output can carry (the content rule, E0025), and carriage returns.
    let bad = |c: char| c == '\r' || crate::util::escape::is_forbidden(c);
    if !s.chars().any(bad) {
        return s.to_string();
    }
    let s = s.replace("\r\n", "\n").replace('\r', "\n");
    if s.chars().any(bad) {
        removed.controls = true;
    }
    s.chars().filter(|c| !bad(*c)).collect()
}

/// Imported Markdown with unsafe links and raw HTML removed. The result is parsed again until
/// nothing more is found (an edit can make new syntax); if that takes more than a few rounds,
/// every ASCII punctuation character is escaped, which leaves no link and no HTML at all.
pub fn markdown(md: &str, removed: &mut Removed) -> String {
    let mut text = md.to_string();
    for _ in 0..4 {
        let edits = pass(&text, removed);
        if edits.is_empty() {
            return text;
        }
        text = apply(&text, edits);
    }
    if pass(&text, removed).is_empty() {
        return text;
    }
    let mut out = String::with_capacity(text.len() * 2);
    for c in text.chars() {
        if c.is_ascii_punctuation() {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Elements whose content goes with them (it is code, style or another document).
pub const DROP_WITH_CONTENT: &[&str] = &[
    "script",
    "style",
    "iframe",
    "object",
    "embed",
    "applet",
    "frame",
    "frameset",
    "noscript",
    "noembed",
    "noframes",
    "template",
    "textarea",
    "title",
    "xmp",
    "plaintext",
    "svg",
    "math",
    "select",
];

/// An open link or image: its whole source, whether its URL is refused, what it is, and the
/// source of its content.
struct Open {
    range: Range<usize>,
    bad: bool,
    autolink: bool,
    inner: Option<Range<usize>>,
}

fn widen(r: &mut Option<Range<usize>>, by: &Range<usize>) {
    *r = Some(match r.take() {
        Some(x) => x.start.min(by.start)..x.end.max(by.end),
        None => by.clone(),
    });
}

/// The edits that make `md` safe, as (source range, replacement).
fn pass(md: &str, removed: &mut Removed) -> Vec<(Range<usize>, String)> {
    let parser = Parser::new_ext(md, crate::util::markdown::options());
    let mut edits = bad_definitions(&parser, removed);
    let mut open: Vec<Open> = Vec::new();
    let mut block: Option<Range<usize>> = None;
    // An inline element dropped with its content: (name, where its open tag starts).
    let mut dropping: Option<(String, usize)> = None;
    let mut in_code = false;
    for (ev, range) in parser.into_offset_iter() {
        let is_link_end = matches!(ev, Event::End(TagEnd::Link | TagEnd::Image));
        if !is_link_end {
            if let Some(top) = open.last_mut() {
                if !matches!(ev, Event::Start(Tag::Link { .. } | Tag::Image { .. })) {
                    widen(&mut top.inner, &range);
                }
            }
        }
        match ev {
            Event::Start(Tag::Link {
                dest_url,
                link_type,
                ..
            })
            | Event::Start(Tag::Image {
                dest_url,
                link_type,
                ..
            }) => {
                let bad = !url_ok(&dest_url);
                if bad {
                    removed.url(&dest_url);
                }
                open.push(Open {
                    range,
                    bad,
                    autolink: matches!(link_type, LinkType::Autolink | LinkType::Email),
                    inner: None,
                });
            }
            Event::End(TagEnd::Link | TagEnd::Image) => {
                let Some(o) = open.pop() else { continue };
                if let Some(parent) = open.last_mut() {
                    widen(&mut parent.inner, &o.range);
                }
                if o.bad {
                    unlink(o, &mut edits);
                }
            }
            Event::Start(Tag::CodeBlock(_)) => in_code = true,
            Event::End(TagEnd::CodeBlock) => in_code = false,
            // Text that looks like a tag is text here, but a laxer Markdown reader (of the
            // JSON API, say) could take it for HTML: its `<` is written `&lt;`.
            Event::Text(_) if !in_code => escape_tags(md, range, &mut edits),
            Event::Start(Tag::HtmlBlock) => block = None,
            Event::Html(_) => widen(&mut block, &range),
            Event::End(TagEnd::HtmlBlock) => {
                if let Some(b) = block.take() {
                    let src = &md[b.clone()];
                    let clean = super::html::clean(src, removed);
                    if clean != src {
                        edits.push((b, clean));
                    }
                }
            }
            Event::InlineHtml(_) => {
                let src = &md[range.clone()];
                let tag = super::html::tag_name(src);
                if let Some((name, start)) = &dropping {
                    if tag
                        .as_ref()
                        .is_some_and(|(n, closing)| *closing && n == name)
                    {
                        edits.push((*start..range.end, String::new()));
                        dropping = None;
                        continue;
                    }
                }
                if let Some((name, false)) = &tag {
                    if DROP_WITH_CONTENT.contains(&name.as_str()) && dropping.is_none() {
                        dropping = Some((name.clone(), range.start));
                    }
                }
                let clean = super::html::clean(src, removed);
                if clean != src {
                    edits.push((range, clean));
                }
            }
            Event::End(
                TagEnd::Emphasis
                | TagEnd::Strong
                | TagEnd::Strikethrough
                | TagEnd::Superscript
                | TagEnd::Subscript,
            ) => {}
            Event::End(_) => dropping = None,
            _ => {}
        }
    }
    edits
}

/// Reference definitions (`[x]: url`) whose URL is not allowed: removed whole.
fn bad_definitions(parser: &Parser, removed: &mut Removed) -> Vec<(Range<usize>, String)> {
    let mut edits = Vec::new();
    for (_, def) in parser.reference_definitions().iter() {
        if !url_ok(&def.dest) {
            removed.url(&def.dest);
            edits.push((def.span.clone(), String::new()));
        }
    }
    edits
}

/// A link or image whose URL is not allowed: its markup goes, its text stays (an autolink,
/// or one whose text cannot be told apart, goes whole).
fn unlink(o: Open, edits: &mut Vec<(Range<usize>, String)>) {
    match o.inner {
        Some(i) if !o.autolink && o.range.start <= i.start && i.end <= o.range.end => {
            edits.push((o.range.start..i.start, String::new()));
            edits.push((i.end..o.range.end, String::new()));
        }
        _ => edits.push((o.range, String::new())),
    }
}

/// In text at `range`, each `<` that a laxer reader could take for a tag is written `&lt;`.
fn escape_tags(md: &str, range: Range<usize>, edits: &mut Vec<(Range<usize>, String)>) {
    let src = md.as_bytes();
    for i in range {
        let next = src.get(i + 1).copied().unwrap_or(b' ');
        if src[i] == b'<'
            && (next.is_ascii_alphabetic() || matches!(next, b'/' | b'!' | b'?'))
            && (i == 0 || src[i - 1] != b'\\')
        {
            edits.push((i..i + 1, "&lt;".to_string()));
        }
    }
}

/// `md` with `edits` made; an edit overlapping one before it waits for the next round.
fn apply(md: &str, mut edits: Vec<(Range<usize>, String)>) -> String {
    edits.sort_by(|a, b| (a.0.start, b.0.end).cmp(&(b.0.start, a.0.end)));
    let mut out = String::with_capacity(md.len());
    let mut at = 0;
    for (r, with) in edits {
        if r.start < at || r.end > md.len() || r.start > r.end {
            continue;
        }
        out.push_str(&md[at..r.start]);
        out.push_str(&with);
        at = r.end;
    }
    out.push_str(&md[at..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clean(md: &str) -> (String, Removed) {
        let mut r = Removed::default();
        (markdown(md, &mut r), r)
    }

    #[test]
    fn urls() {
        for ok in [
            "https://e.com/x",
            "HTTP://e.com",
            "mailto:a@b.c",
            "/rel/path",
            "rel:x/",
            "../x",
            "#frag",
            "?q=a:b",
            "x/y:z",
            "",
        ] {
            // `rel:x/` has a scheme `rel`: refused.
            assert_eq!(url_ok(ok), ok != "rel:x/", "{ok}");
        }
        for bad in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            " \u{1}javascript:alert(1)",
            "java\tscript:alert(1)",
            "vbscript:x",
            "data:text/html,<script>",
            "data:image/png;base64,AAAA",
            "file:///etc/passwd",
        ] {
            assert!(!url_ok(bad), "{bad}");
        }
    }

    #[test]
    fn unsafe_links_lose_their_url_and_keep_their_text() {
        let (md, r) = clean(
            "See [the *docs*](javascript:alert(1)), ![alt](data:image/png;base64,AA), \
             [x](&#106;avascript:alert(1)), <vbscript:msgbox>, [ok](https://e.com) and [r][1].\n\n\
             [1]: JAVASCRIPT:alert(2)\n",
        );
        assert_eq!(
            md, "See the *docs*, alt, x, , [ok](https://e.com) and r.\n\n\n",
            "{md}"
        );
        assert_eq!(
            r.schemes.iter().collect::<Vec<_>>(),
            ["data:", "javascript:", "vbscript:"]
        );
        // Entities the importer's own decoder does not know are decoded by the Markdown
        // parser, and caught then (or the `&…;` before the `:` is itself refused as a scheme).
        for html in [
            "<a href=\"javascript&colon;alert(1)\">x</a>",
            "<a href=\"java&Tab;script:alert(1)\">x</a>",
            "<a href=\"&#x6A;avascript:alert(1)\">x</a>",
        ] {
            let mut r = Removed::default();
            let md = markdown(&super::super::html::to_markdown(html, &mut r), &mut r);
            assert_eq!(md, "x", "{html}");
            assert_eq!(r.schemes.len(), 1, "{html}");
        }
        // A link inside an image inside a link: all three go.
        let (md, _) = clean("[![a [b](javascript:1)](javascript:2)](javascript:3)");
        assert_eq!(md, "a b");
    }

    #[test]
    fn raw_html_is_cleaned() {
        let (md, r) = clean(
            "Text <script>alert(1)</script> more <b onclick=\"x()\">bold</b>.\n\n\
             <div>\n<style>p{}</style><img src=\"javascript:x\" alt=\"a\" onerror=alert(1)>\n</div>\n",
        );
        assert_eq!(
            md,
            "Text  more <b>bold</b>.\n\n<div>\n<img alt=\"a\">\n</div>\n"
        );
        assert_eq!(r.elements.iter().collect::<Vec<_>>(), ["script", "style"]);
        assert_eq!(
            r.attributes.iter().collect::<Vec<_>>(),
            ["onclick", "onerror"]
        );
        // Text that only looks like a tag (CommonMark takes no `'` in an unquoted value) gets
        // its `<` written as an entity; `\<` and `a < b` stay.
        let (md, r) = clean("a <img src=x onerror=alert('x')> b \\<i> c < d");
        assert_eq!(md, "a &lt;img src=x onerror=alert('x')> b \\<i> c < d");
        assert!(r.is_empty());
        // Safe Markdown is untouched.
        let fine = "# Title\n\n- [a](https://a.example/) `<script>` code\n\n```\n<script>\n```\n";
        assert_eq!(clean(fine), (fine.to_string(), Removed::default()));
    }

    #[test]
    fn control_characters() {
        let mut r = Removed::default();
        assert_eq!(
            text("a\r\nb\rc\u{0}d\u{7f}\u{fffe}\te", &mut r),
            "a\nb\ncd\te"
        );
        assert!(r.controls);
        let mut r = Removed::default();
        assert_eq!(text("a\r\nb", &mut r), "a\nb");
        assert!(!r.controls);
    }
}
