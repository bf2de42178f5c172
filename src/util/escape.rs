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

/// Whether `c` can never be written into a page or a feed: C0 control characters other than
/// tab, line feed and carriage return (XML 1.0 forbids them, HTML reports them as parse errors),
/// DEL and the C1 controls (U+0080–U+009F), and the Unicode noncharacters (U+FDD0–U+FDEF,
/// U+FFFE, U+FFFF and the last two code points of every plane).
pub fn is_forbidden(c: char) -> bool {
    matches!(c, '\0'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{7f}'..='\u{9f}')
        || crate::diag::is_noncharacter(c)
}

/// The first [forbidden](is_forbidden) character of `s` and its byte offset. Fast on text
/// without any: bytes are tested 32 at a time (a loop the compiler vectorises) for one that can
/// start a forbidden character, and only such a byte's character is looked at closely.
pub fn find_forbidden(s: &str) -> Option<(usize, char)> {
    let mut from = 0;
    while let Some(k) = first_suspect(&s.as_bytes()[from..]) {
        // A suspect byte is ASCII or a UTF-8 lead byte, so `from + k` is a character boundary.
        let i = from + k;
        let c = s.get(i..).and_then(|t| t.chars().next())?;
        if is_forbidden(c) {
            return Some((i, c));
        }
        from = i + c.len_utf8();
    }
    None
}

/// Whether byte `b` can start a [forbidden](is_forbidden) character: a C0 control other than
/// tab, line feed and carriage return, DEL, the lead byte of U+0080–U+00BF (the C1 controls),
/// of U+F000–U+FFFF (noncharacters U+FDD0–U+FDEF, U+FFFE, U+FFFF) or of a supplementary plane.
fn suspect(b: u8) -> bool {
    (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r'))
        || b == 0x7f
        || b == 0xc2
        || b == 0xef
        || b >= 0xf0
}

fn first_suspect(bytes: &[u8]) -> Option<usize> {
    let mut off = 0;
    for chunk in bytes.chunks(32) {
        if chunk.iter().fold(0u8, |acc, &b| acc | u8::from(suspect(b))) != 0 {
            return chunk.iter().position(|&b| suspect(b)).map(|p| off + p);
        }
        off += chunk.len();
    }
    None
}

/// The URL schemes afterword links to from text it renders for readers: web pages and mail.
pub const SAFE_SCHEMES: &[&str] = &["http", "https", "mailto"];

/// Whether a link destination is safe to put in an `href` or `src`: an http(s) or mailto URL,
/// or a relative one (a path, `//host/…`, `?query` or `#fragment`). Decided the way a browser
/// reads the URL (WHATWG URL parsing, through the `url` crate): surrounding spaces and control
/// characters are ignored and tabs and newlines inside are dropped, so `java\tscript:`,
/// ` JavaScript:` and (once Markdown has decoded it) `&#106;avascript:` are all `javascript:`,
/// and not safe; nor are `vbscript:`, `data:` or `file:`.
pub fn is_safe_url(dest: &str) -> bool {
    if dest.trim_matches(|c: char| c <= ' ').is_empty() {
        return false;
    }
    match url::Url::parse(dest) {
        Ok(u) => SAFE_SCHEMES.contains(&u.scheme()),
        // No scheme: relative to the page, so it stays on the site's own scheme.
        Err(url::ParseError::RelativeUrlWithoutBase) => true,
        // Something with a scheme that does not parse (`http://[::1`): not a link to follow.
        Err(_) => false,
    }
}

/// Append `s` to `out` as a JSON string (quotes included), escaped exactly as `serde_json`
/// escapes it: `"`, `\\` and the control characters, nothing else. It skips eight bytes at a
/// time while none needs escaping, which is most of a rendered postmortem: `serde_json` looks
/// at every byte through a table, and that was the largest single cost of writing an
/// incident's `index.json`.
pub fn json_into(out: &mut String, s: &str) {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // The high bit of each byte of `w` below 0x20, or a quote or a backslash. A bit can be set
    // wrongly only above a byte rightly set, so the lowest one is exact.
    let special = |w: u64| {
        let below = w.wrapping_sub(ONES * 0x20) & !w;
        let q = w ^ (ONES * u64::from(b'"'));
        let b = w ^ (ONES * u64::from(b'\\'));
        (below | (q.wrapping_sub(ONES) & !q) | (b.wrapping_sub(ONES) & !b)) & HIGH
    };
    let bytes = s.as_bytes();
    out.reserve(s.len() + 2);
    out.push('"');
    let needs = |c: u8| c < 0x20 || c == b'"' || c == b'\\';
    let (mut start, mut i) = (0, 0);
    while i < bytes.len() {
        // Move `i` to the next byte to escape: a word at a time, byte by byte in the last 7.
        if let Some(chunk) = bytes.get(i..i + 8) {
            let m = special(u64::from_le_bytes(chunk.try_into().expect("8 bytes")));
            if m == 0 {
                i += 8;
                continue;
            }
            i += m.trailing_zeros() as usize / 8;
        } else if !needs(bytes[i]) {
            i += 1;
            continue;
        }
        let c = bytes[i];
        // Everything before `i` was split at ASCII bytes, so these are char boundaries.
        out.push_str(&s[start..i]);
        match c {
            b'"' => out.push_str("\\\""),
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\t' => out.push_str("\\t"),
            b'\r' => out.push_str("\\r"),
            0x08 => out.push_str("\\b"),
            0x0c => out.push_str("\\f"),
            _ => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.push_str("\\u00");
                out.push(char::from(HEX[usize::from(c >> 4)]));
                out.push(char::from(HEX[usize::from(c & 0xf)]));
            }
        }
        i += 1;
        start = i;
    }
    out.push_str(&s[start..]);
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::strategy::Strategy;

    proptest::proptest! {
        /// The chunked scan finds what a plain scan of every character finds, on text made of
        /// the characters that matter (controls, C1, noncharacters, their neighbours).
        #[test]
        fn find_forbidden_matches_a_plain_scan(
            parts in proptest::collection::vec(proptest::prop_oneof![
                proptest::string::string_regex("[a-z \t\n\r]{0,40}").expect("regex"),
                proptest::sample::select(vec![
                    "\u{0}", "\u{8}", "\u{b}", "\u{1f}", "\u{7f}", "\u{80}", "\u{9f}",
                    "\u{a0}", "°", "é", "\u{fdcf}", "\u{fdd0}", "\u{fdef}", "\u{fdf0}", "\u{fffd}",
                    "\u{fffe}", "\u{ffff}", "\u{1fffe}", "\u{10ffff}", "🙂", "中",
                ]).prop_map(String::from),
            ], 0..12)
        ) {
            let s: String = parts.concat();
            let plain = s.char_indices().find(|&(_, c)| is_forbidden(c));
            proptest::prop_assert_eq!(find_forbidden(&s), plain);
        }
    }

    #[test]
    fn json_matches_serde_json_byte_for_byte() {
        let mut cases: Vec<String> = vec![
            String::new(),
            "plain".into(),
            "<p>a \"quoted\" <a href=\"x\">link</a></p>\n".into(),
            "back\\slash\ttab\r\n\u{8}\u{c}\u{0}\u{1f}\u{7f} é 中 🙂".into(),
            "12345678\"12345678\\1234567\n".into(),
        ];
        // Every byte below 0x80 at every offset of a 17-byte window, beside multi-byte chars.
        for c in 0u8..0x80 {
            for at in 0..17 {
                let mut s: Vec<char> = "abcdéfghijklmnopq".chars().collect();
                s.insert(at, char::from(c));
                cases.push(s.into_iter().collect());
            }
        }
        for s in &cases {
            let mut ours = String::new();
            json_into(&mut ours, s);
            assert_eq!(ours, serde_json::to_string(s).unwrap(), "{s:?}");
        }
    }

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

#[cfg(test)]
mod url_tests {
    use super::is_safe_url;

    #[test]
    fn only_web_mail_and_relative_urls_are_safe() {
        for ok in [
            "https://tracker.example.com/PLAT-12",
            "http://x.example/",
            "mailto:oncall@example.com",
            "../other/",
            "/incidents/x/",
            "//cdn.example.com/a.png",
            "#impact",
            "?q=1",
            "graph.png",
        ] {
            assert!(is_safe_url(ok), "{ok} should be safe");
        }
        for bad in [
            "javascript:alert(1)",
            " JavaScript:alert(1)",
            "JAVASCRIPT:alert(1)",
            "java\tscript:alert(1)",
            "java\nscript:alert(1)",
            "\u{1}javascript:alert(1)",
            "vbscript:msgbox(1)",
            "data:text/html,<script>alert(1)</script>",
            "data:image/svg+xml;base64,PHN2Zz4=",
            "file:///etc/passwd",
            "",
            "  ",
        ] {
            assert!(!is_safe_url(bad), "{bad:?} should not be safe");
        }
    }
}
