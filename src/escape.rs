//! Escaping for the contexts afterword writes outside of templates (which Tera escapes).

/// Escape text for HTML (text and quoted attributes) and XML: `& < > " '`.
pub fn markup(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Percent-encode the characters that are never valid in a URL (space, quotes, angle brackets,
/// controls, non-ASCII, …), leaving everything else as written. Markup escaping comes on top.
pub fn url(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for c in url.trim().chars() {
        if c.is_ascii_graphic()
            && !matches!(c, '"' | '<' | '>' | '`' | '{' | '}' | '|' | '\\' | '^')
        {
            out.push(c);
        } else {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_escapes_every_special_character() {
        assert_eq!(
            markup("<a href=\"x\">'&'</a>"),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"
        );
    }

    #[test]
    fn urls_are_encoded() {
        assert_eq!(url("https://x/?a=1&b=\"2\""), "https://x/?a=1&b=%222%22");
        assert_eq!(url(" https://x/a b<c>é "), "https://x/a%20b%3Cc%3E%C3%A9");
        assert_eq!(url("https://x/%20ok#frag"), "https://x/%20ok#frag");
    }
}
