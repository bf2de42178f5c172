//! The HTML Statuspage allows in update bodies, as Markdown.
//!
//! Update bodies are plain text with a few tags (`<a>`, `<br>`, `<strong>`, `<em>`, `<p>`,
//! lists). The text is kept as written, line breaks included; tags become their Markdown, an
//! unknown tag is dropped (its text kept), and entities are decoded. Text is not
//! Markdown-escaped: afterword's own `/api/v2/` bodies are Markdown, and importing them back
//! must give the same messages.

/// Convert an update body to Markdown. The body is untrusted: a link whose URL is not allowed
/// (see [`super::safe::url_ok`]) keeps only its text, and `<script>`, `<style>`, `<iframe>` and
/// the like go with their content; what went is noted in `removed`.
pub fn to_markdown(html: &str, removed: &mut super::safe::Removed) -> String {
    let html = html.replace("\r\n", "\n");
    let mut out = String::with_capacity(html.len());
    // Open links: (href, where the link text starts in `out`).
    let mut links: Vec<(Option<String>, usize)> = Vec::new();
    let mut rest = html.as_str();
    // After a `<br>`, the source's own line break (`<br>\n`) is the same break.
    let mut after_br = false;
    while let Some(lt) = rest.find('<') {
        let text = &rest[..lt];
        let text = if after_br {
            text.strip_prefix("\r\n")
                .or_else(|| text.strip_prefix('\n'))
                .unwrap_or(text)
        } else {
            text
        };
        after_br &= text.trim().is_empty();
        out.push_str(&decode(text));
        rest = &rest[lt..];
        let is_tag = rest[1..]
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '/' || c == '!');
        let Some(end) = rest.find('>') else {
            // No `>` anywhere after: the rest is text.
            break;
        };
        let (end, true) = (end, is_tag) else {
            out.push('<');
            rest = &rest[1..];
            continue;
        };
        let tag = &rest[1..end];
        rest = &rest[end + 1..];
        let closing = tag.starts_with('/');
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        if super::safe::DROP_WITH_CONTENT.contains(&name.as_str()) {
            removed.element(&name);
            if !closing {
                rest = skip_content(rest, &name);
            }
            continue;
        }
        note_handlers(tag, removed);
        match (name.as_str(), closing) {
            ("br", _) => {
                let t = out.trim_end().len();
                out.truncate(t);
                if !out.is_empty() {
                    out.push_str("\\\n");
                }
                after_br = true;
            }
            ("strong" | "b", _) => out.push_str("**"),
            ("em" | "i", _) => out.push('*'),
            ("code", _) => out.push('`'),
            ("p" | "div" | "ul" | "ol" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6", _) => {
                paragraph(&mut out)
            }
            ("li", false) => {
                trim_spaces(&mut out);
                if !out.is_empty() && !out.ends_with('\n') {
                    out.push('\n');
                }
                out.push_str("- ");
            }
            ("a", false) => {
                let href = attr(tag, "href");
                let href = match href {
                    Some(h) if !super::safe::url_ok(&h) => {
                        removed.url(&h);
                        None
                    }
                    h => h,
                };
                links.push((href, out.len()))
            }
            ("a", true) => {
                if let Some((href, start)) = links.pop() {
                    close_link(&mut out, href, start);
                }
            }
            _ => {}
        }
    }
    let rest = if after_br {
        rest.strip_prefix('\n').unwrap_or(rest)
    } else {
        rest
    };
    out.push_str(&decode(rest));
    // Breaks and blank lines at the end mean nothing.
    trim_end_breaks(&mut out);
    out.trim_start_matches('\n').to_string()
}

/// Only `href` is kept, but say that event handlers (`on…` attributes) went.
fn note_handlers(tag: &str, removed: &mut super::safe::Removed) {
    for a in tag
        .to_ascii_lowercase()
        .split(|c: char| c.is_whitespace() || c == '/')
    {
        let key = a.split('=').next().unwrap_or("");
        if key.len() > 2 && key.starts_with("on") {
            removed.attribute(key);
        }
    }
}

/// At `</a>`: the text written since `start` becomes a Markdown link to `href` (an autolink
/// when it is the URL itself); without an `href` the text stays as it is.
fn close_link(out: &mut String, href: Option<String>, start: usize) {
    if let Some(href) = href.filter(|h| !h.is_empty()) {
        let text = out[start..].trim().to_string();
        out.truncate(start);
        if text.is_empty() || text == href {
            out.push_str(&format!("<{href}>"));
        } else {
            out.push_str(&format!("[{text}]({href})"));
        }
    }
}

/// Remove trailing whitespace and hard breaks (`\\`), however many.
fn trim_end_breaks(out: &mut String) {
    loop {
        let t = out.trim_end();
        let t = t.strip_suffix('\\').unwrap_or(t);
        if t.len() == out.len() {
            break;
        }
        out.truncate(t.len());
    }
}

fn trim_spaces(out: &mut String) {
    let t = out.trim_end_matches([' ', '\t']).len();
    out.truncate(t);
}

/// End the current paragraph: a blank line, unless there is one (or nothing) already.
fn paragraph(out: &mut String) {
    let t = out.trim_end().len();
    out.truncate(t);
    if !out.is_empty() {
        out.push_str("\n\n");
    }
}

/// An attribute's value, quoted or not, entities decoded.
fn attr(tag: &str, name: &str) -> Option<String> {
    let lower = tag.to_ascii_lowercase();
    let mut from = 0;
    while let Some(i) = lower[from..].find(name) {
        let at = from + i;
        from = at + name.len();
        let before_ok = lower[..at].ends_with(|c: char| c.is_whitespace());
        let after = lower[from..].trim_start();
        if !before_ok || !after.starts_with('=') {
            continue;
        }
        let vstart = tag.len() - after.len() + 1;
        let v = tag[vstart..].trim_start();
        let value = match v.chars().next() {
            Some(q @ ('"' | '\'')) => v[1..].split(q).next().unwrap_or(""),
            _ => v.split(|c: char| c.is_whitespace()).next().unwrap_or(""),
        };
        return Some(decode(value.trim_end_matches('/')));
    }
    None
}

/// Decode the entities Statuspage writes: named ones for markup characters, and numeric ones.
fn decode(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let semi = rest.as_bytes()[..rest.len().min(12)]
            .iter()
            .position(|&b| b == b';');
        let decoded = semi.and_then(|semi| {
            let name = &rest[1..semi];
            let c = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some(' '),
                _ => name
                    .strip_prefix("#x")
                    .or_else(|| name.strip_prefix("#X"))
                    .and_then(|h| u32::from_str_radix(h, 16).ok())
                    .or_else(|| name.strip_prefix('#').and_then(|d| d.parse().ok()))
                    .and_then(char::from_u32),
            }?;
            Some((c, semi + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Tags kept in imported raw HTML (the others are dropped, their text kept), as in
/// ammonia's default set plus `details` and `summary`.
const ALLOWED_TAGS: &[&str] = &[
    "a",
    "abbr",
    "acronym",
    "b",
    "bdi",
    "bdo",
    "blockquote",
    "br",
    "caption",
    "center",
    "cite",
    "code",
    "col",
    "colgroup",
    "dd",
    "del",
    "details",
    "dfn",
    "div",
    "dl",
    "dt",
    "em",
    "figcaption",
    "figure",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "i",
    "img",
    "ins",
    "kbd",
    "li",
    "mark",
    "ol",
    "p",
    "pre",
    "q",
    "rp",
    "rt",
    "ruby",
    "s",
    "samp",
    "small",
    "span",
    "strike",
    "strong",
    "sub",
    "summary",
    "sup",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "time",
    "tr",
    "tt",
    "u",
    "ul",
    "var",
    "wbr",
];

/// Attributes kept, on any allowed tag; `href`, `src` and `cite` only with a safe URL.
const ALLOWED_ATTRIBUTES: &[&str] = &[
    "href", "src", "cite", "alt", "title", "lang", "dir", "width", "height", "colspan", "rowspan",
    "align", "scope", "headers", "start", "reversed", "type", "value", "open", "datetime", "span",
];
const URL_ATTRIBUTES: &[&str] = &["href", "src", "cite"];

/// A tag at the start of `s` (which starts with `<`), read the way a browser reads it.
enum Token {
    Tag {
        name: String,
        closing: bool,
        attrs: Vec<(String, String)>,
    },
    /// A comment, `<!…>` or `<?…>`: dropped.
    Comment,
}

fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c')
}

/// The token at the start of `s` and its length, or `None` when the `<` is text.
fn token(s: &str) -> Option<(Token, usize)> {
    let b = s.as_bytes();
    let until = |from: usize, pat: &str| s[from..].find(pat).map(|i| from + i + pat.len());
    match b.get(1) {
        Some(b'!') if s[2..].starts_with("--") => {
            let end = until(4, "-->").unwrap_or(s.len());
            Some((Token::Comment, end.max(4)))
        }
        Some(b'!' | b'?') => Some((Token::Comment, until(1, ">").unwrap_or(s.len()))),
        Some(b'/') if b.get(2).is_some_and(|c| !c.is_ascii_alphabetic()) => {
            Some((Token::Comment, until(2, ">").unwrap_or(s.len())))
        }
        Some(b'/') => tag(s, 2, true),
        Some(c) if c.is_ascii_alphabetic() => tag(s, 1, false),
        _ => None,
    }
}

/// A start or end tag whose name begins at `i`. A tag cut off by the end of `s` is dropped,
/// as a browser drops it.
fn tag(s: &str, mut i: usize, closing: bool) -> Option<(Token, usize)> {
    let b = s.as_bytes();
    let start = i;
    while i < b.len() && !is_space(b[i]) && b[i] != b'/' && b[i] != b'>' {
        i += 1;
    }
    let name = s[start..i].to_ascii_lowercase();
    let mut attrs = Vec::new();
    loop {
        while i < b.len() && (is_space(b[i]) || b[i] == b'/') {
            i += 1;
        }
        if i >= b.len() {
            return Some((Token::Comment, b.len()));
        }
        if b[i] == b'>' {
            return Some((
                Token::Tag {
                    name,
                    closing,
                    attrs,
                },
                i + 1,
            ));
        }
        let n0 = i;
        i += 1;
        while i < b.len() && !is_space(b[i]) && !matches!(b[i], b'/' | b'>' | b'=') {
            i += 1;
        }
        let key = s[n0..i].to_ascii_lowercase();
        let mut j = i;
        while j < b.len() && is_space(b[j]) {
            j += 1;
        }
        let mut value = String::new();
        if j < b.len() && b[j] == b'=' {
            j += 1;
            while j < b.len() && is_space(b[j]) {
                j += 1;
            }
            match b.get(j) {
                Some(&q @ (b'"' | b'\'')) => {
                    // Unclosed, the value runs to the end, and a browser drops the tag.
                    let Some(end) = s[j + 1..].find(q as char).map(|e| e + j + 1) else {
                        return Some((Token::Comment, s.len()));
                    };
                    value = decode(&s[j + 1..end]);
                    i = end + 1;
                }
                _ => {
                    let v0 = j;
                    while j < b.len() && !is_space(b[j]) && b[j] != b'>' {
                        j += 1;
                    }
                    value = decode(&s[v0..j]);
                    i = j;
                }
            }
        }
        attrs.push((key, value));
    }
}

/// The name of the tag `s` holds, and whether it closes: `<b class=x>` gives `("b", false)`.
pub(crate) fn tag_name(s: &str) -> Option<(String, bool)> {
    match token(s)? {
        (Token::Tag { name, closing, .. }, _) => Some((name, closing)),
        _ => None,
    }
}

/// `s` after the content of a `name` element that was just opened: past its end tag, or
/// nothing when there is none. Linear in what it skips.
fn skip_content<'a>(s: &'a str, name: &str) -> &'a str {
    let b = s.as_bytes();
    let mut from = 0;
    while let Some(i) = s[from..].find("</") {
        let at = from + i + 2;
        let end = at + name.len();
        if b.get(at..end)
            .is_some_and(|n| n.eq_ignore_ascii_case(name.as_bytes()))
            && b.get(end)
                .is_none_or(|&c| is_space(c) || c == b'/' || c == b'>')
        {
            return match s[end..].find('>') {
                Some(gt) => &s[end + gt + 1..],
                None => "",
            };
        }
        from = at;
    }
    ""
}

fn escape_attr(v: &str) -> String {
    v.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// Raw HTML from another tool, cleaned: every tag is read as a browser reads it and written
/// again only if allowed, with its allowed attributes (URLs only with a safe scheme, see
/// [`super::safe::url_ok`]); `<script>`, `<style>`, `<iframe>` and the like go with their
/// content; comments go; any other `<` becomes `&lt;`. Text is kept as it is.
pub(crate) fn clean(src: &str, removed: &mut super::safe::Removed) -> String {
    let mut out = String::with_capacity(src.len());
    let mut rest = src;
    while let Some(lt) = rest.find('<') {
        out.push_str(&rest[..lt]);
        rest = &rest[lt..];
        let Some((tok, len)) = token(rest) else {
            out.push_str("&lt;");
            rest = &rest[1..];
            continue;
        };
        rest = &rest[len..];
        let Token::Tag {
            name,
            closing,
            attrs,
        } = tok
        else {
            continue;
        };
        if super::safe::DROP_WITH_CONTENT.contains(&name.as_str()) {
            removed.element(&name);
            if !closing {
                rest = skip_content(rest, &name);
            }
            continue;
        }
        if !ALLOWED_TAGS.contains(&name.as_str()) {
            removed.element(&name);
            continue;
        }
        if closing {
            out.push_str(&format!("</{name}>"));
            continue;
        }
        out.push('<');
        out.push_str(&name);
        for (key, value) in attrs {
            if !ALLOWED_ATTRIBUTES.contains(&key.as_str()) {
                removed.attribute(&key);
            } else if URL_ATTRIBUTES.contains(&key.as_str()) && !super::safe::url_ok(&value) {
                removed.url(&value);
            } else {
                out.push_str(&format!(" {key}=\"{}\"", escape_attr(&value)));
            }
        }
        out.push('>');
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::super::safe::Removed;

    #[test]
    fn clean_reads_tags_as_a_browser_does() {
        let c = |s: &str| super::clean(s, &mut Removed::default());
        assert_eq!(c("<p title='a\"b'>x</p>"), "<p title=\"a&quot;b\">x</p>");
        assert_eq!(c("<a href=\"java&#x9;script:x\">y</a>"), "<a>y</a>");
        // An unclosed quote runs to the end: the tag and the rest go.
        assert_eq!(c("a <b title=\"x> c"), "a ");
        assert_eq!(c("<ScRiPt>x</sCrIpT >y<!-- c -->z</ x>"), "yz");
        assert_eq!(c("1 < 2 <3 <>"), "1 &lt; 2 &lt;3 &lt;>");
        assert_eq!(c("<STYLE>p{}"), "");
    }

    fn to_markdown(html: &str) -> String {
        super::to_markdown(html, &mut Removed::default())
    }

    #[test]
    fn statuspage_tags() {
        assert_eq!(
            to_markdown(
                "We are investigating.<br>See <a href=\"https://example.com/x?a=1&amp;b=2\">the \
                 notice</a> and <strong>retry</strong>."
            ),
            "We are investigating.\\\nSee [the notice](https://example.com/x?a=1&b=2) and **retry**."
        );
        assert_eq!(
            to_markdown("<a href='https://e.com'>https://e.com</a>"),
            "<https://e.com>"
        );
        assert_eq!(
            to_markdown("<p>One.</p><p>Two <em>now</em>.</p>"),
            "One.\n\nTwo *now*."
        );
        assert_eq!(
            to_markdown("Steps:<ul><li>drain</li><li>restart</li></ul>"),
            "Steps:\n\n- drain\n- restart"
        );
    }

    #[test]
    fn text_is_kept() {
        assert_eq!(to_markdown("a < b && c > d"), "a < b && c > d");
        assert_eq!(
            to_markdown("We are **monitoring**.\nLine two."),
            "We are **monitoring**.\nLine two."
        );
        assert_eq!(
            to_markdown("5 &lt; 6 &#8212; &#x41; &bogus; &"),
            "5 < 6 \u{2014} A &bogus; &"
        );
        assert_eq!(to_markdown("Trailing break<br/><br />"), "Trailing break");
        // The source's own line break after a <br> is the same break.
        assert_eq!(
            to_markdown("One.<br>\nTwo.\nThree."),
            "One.\\\nTwo.\nThree."
        );
        assert_eq!(to_markdown("One.\n<br>Two."), "One.\\\nTwo.");
        assert_eq!(to_markdown("<br>Start"), "Start");
        assert_eq!(to_markdown("<script>x</script>y"), "y");
        // An entity-like run that ends inside a multi-byte character.
        assert_eq!(to_markdown("&abcdefghij\u{20ac};"), "&abcdefghij\u{20ac};");
        assert_eq!(to_markdown("a <b and <c"), "a <b and <c");
    }
}
