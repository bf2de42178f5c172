//! The HTML Statuspage allows in update bodies, as Markdown.
//!
//! Update bodies are plain text with a few tags (`<a>`, `<br>`, `<strong>`, `<em>`, `<p>`,
//! lists). The text is kept as written, line breaks included; tags become their Markdown, an
//! unknown tag is dropped (its text kept), and entities are decoded. Text is not
//! Markdown-escaped: afterword's own `/api/v2/` bodies are Markdown, and importing them back
//! must give the same messages.

/// Convert an update body to Markdown.
pub fn to_markdown(html: &str) -> String {
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
        let end = rest.find('>');
        let (Some(end), true) = (end, is_tag) else {
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
            ("a", false) => links.push((attr(tag, "href"), out.len())),
            ("a", true) => {
                if let Some((href, start)) = links.pop() {
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
    loop {
        let t = out.trim_end();
        let t = t.strip_suffix('\\').unwrap_or(t);
        if t.len() == out.len() {
            break;
        }
        out.truncate(t.len());
    }
    out.trim_start_matches('\n').to_string()
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
        let semi = rest[..rest.len().min(12)].find(';');
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

#[cfg(test)]
mod tests {
    use super::to_markdown;

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
        assert_eq!(to_markdown("<script>x</script>y"), "xy");
    }
}
