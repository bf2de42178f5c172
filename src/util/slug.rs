//! Slugs: the URL-safe names of incidents, ids and headings. A leaf: imports nothing of the
//! crate, so every stage (loading, checking, Markdown, the importers) can use it.

/// File name to slug: ASCII transliteration, lower case, runs of anything else become one `-`.
pub fn slugify(s: &str) -> String {
    let ascii = deunicode::deunicode(s).to_ascii_lowercase();
    let mut out = String::with_capacity(ascii.len());
    for c in ascii.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        assert_eq!(
            slugify("2024-10-02-Dashboard Offline!"),
            "2024-10-02-dashboard-offline"
        );
        assert_eq!(slugify("Café  crème"), "cafe-creme");
        assert_eq!(slugify("../x/..\\y"), "x-y");
        assert_eq!(slugify("---"), "");
    }
}
