//! One imported item as an afterword file, and the imported files already on disk.
//!
//! The front matter's first line is a marker: `# afterword-import: SOURCE:ID CHECKSUM`, where
//! the checksum (xxh3, hex) covers every byte after that line. A file whose checksum still
//! matches is exactly as the importer wrote it.

use super::{Item, Kind};
use chrono::SecondsFormat;
use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

const MARKER: &str = "# afterword-import: ";

pub(super) struct Found {
    pub path: PathBuf,
    pub text: String,
    /// Unedited since the import wrote it.
    pub pristine: bool,
}

/// Every imported file under `content`, by (source, id).
pub(super) fn scan(content: &Path) -> Result<HashMap<(String, String), Found>, String> {
    let mut out = HashMap::new();
    if !content.is_dir() {
        return Ok(out);
    }
    for entry in walkdir::WalkDir::new(content).sort_by_file_name() {
        let entry = entry.map_err(|e| format!("cannot read {}: {e}", content.display()))?;
        if !entry.file_type().is_file() || entry.path().extension().is_none_or(|e| e != "md") {
            continue;
        }
        let Ok(text) = std::fs::read_to_string(entry.path()) else {
            continue;
        };
        let Some((source, id, pristine)) = marker(&text) else {
            continue;
        };
        out.insert(
            (source, id),
            Found {
                path: entry.path().to_path_buf(),
                text,
                pristine,
            },
        );
    }
    Ok(out)
}

/// The slug of every Markdown file under `content` (its `slug`, else its file name's), by path:
/// an imported item must not take one of them.
pub(super) fn slugs(content: &Path) -> Vec<(PathBuf, String)> {
    let mut out = Vec::new();
    if !content.is_dir() {
        return out;
    }
    for entry in walkdir::WalkDir::new(content).into_iter().flatten() {
        let path = entry.path();
        if !entry.file_type().is_file() || path.extension().is_none_or(|e| e != "md") {
            continue;
        }
        let own = std::fs::read_to_string(path).ok().and_then(|text| {
            let text = text
                .strip_prefix('\u{feff}')
                .unwrap_or(&text)
                .replace("\r\n", "\n");
            let rest = text.strip_prefix("+++\n")?;
            let end = rest.match_indices('\n').map(|(i, _)| i + 1).find(|&i| {
                rest[i..]
                    .lines()
                    .next()
                    .is_some_and(|l| l.trim_end() == "+++")
            })?;
            let t: toml::Table = toml::from_str(&rest[..end]).ok()?;
            t.get("slug")?.as_str().map(str::to_string)
        });
        let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned());
        if let Some(slug) = own.or_else(|| stem.map(|s| crate::util::slug::slugify(&s))) {
            out.push((path.to_path_buf(), slug));
        }
    }
    out
}

/// The source, id and pristine flag of an imported file's text.
fn marker(text: &str) -> Option<(String, String, bool)> {
    let rest = text.strip_prefix("+++")?.trim_start_matches('\r');
    let rest = rest.strip_prefix('\n')?;
    let (line, after) = rest.split_once('\n')?;
    let fields = line.strip_prefix(MARKER)?.trim_end();
    let (key, sum) = fields.rsplit_once(' ')?;
    let (source, id) = key.split_once(':')?;
    let id = percent_encoding::percent_decode_str(id)
        .decode_utf8()
        .ok()?;
    let pristine = format!("{:016x}", checksum(after)) == sum;
    Some((source.to_string(), id.into_owned(), pristine))
}

/// The id as the marker holds it: percent-encoded where it is not plain, so that no id can end
/// the comment line, hold the separating space or be read back as another id.
fn marker_id(id: &str) -> String {
    const SET: &percent_encoding::AsciiSet = &percent_encoding::CONTROLS
        .add(b' ')
        .add(b'%')
        .add(b'#')
        .add(b'"');
    percent_encoding::utf8_percent_encode(id, SET).to_string()
}

fn checksum(s: &str) -> u64 {
    xxhash_rust::xxh3::xxh3_64(s.as_bytes())
}

/// A file name for a new item: `<day>-<title slug>.md`, not yet used on disk or in this run.
pub(super) fn free_path(content: &Path, item: &Item, taken: &[PathBuf]) -> PathBuf {
    let mut stem = crate::util::slug::slugify(&item.title);
    if stem.len() > 60 {
        stem.truncate(60);
        while stem.ends_with('-') {
            stem.pop();
        }
    }
    if stem.is_empty() {
        stem = item.slug.clone();
    }
    if let Some(day) = item.day() {
        stem = format!("{}-{stem}", day.format("%Y-%m-%d"));
    }
    let mut n = 1;
    loop {
        let name = match n {
            1 => format!("{stem}.md"),
            _ => format!("{stem}-{n}.md"),
        };
        let p = content.join(name);
        if !p.exists() && !taken.contains(&p) {
            return p;
        }
        n += 1;
    }
}

fn time(t: &super::Time) -> String {
    t.to_rfc3339_opts(SecondsFormat::AutoSi, true)
}

/// A TOML string: basic, or multi-line when it holds line breaks. In a multi-line string, a
/// `+` that starts a line is written `\u002B`, so no line of the string can be the `+++` that
/// ends the front matter.
pub(super) fn tstr(s: &str) -> String {
    let multi = s.contains('\n');
    let mut out = String::with_capacity(s.len() + 8);
    out.push_str(if multi { "\"\"\"\n" } else { "\"" });
    let mut line_start = true;
    for c in s.chars() {
        let at_start = std::mem::replace(&mut line_start, c == '\n');
        match c {
            '+' if multi && at_start => out.push_str("\\u002B"),
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' if multi => out.push('\n'),
            '\n' => out.push_str("\\n"),
            '\t' => out.push('\t'),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push_str(if multi { "\"\"\"" } else { "\"" });
    out
}

fn tlist(items: &[String]) -> String {
    let parts: Vec<String> = items.iter().map(|s| tstr(s)).collect();
    format!("[{}]", parts.join(", "))
}

/// The whole file. `ids` maps each component name to its id in site.toml (the empty name: the
/// component for items that named none); `severity` is the site's id for the item's impact.
pub(super) fn render(
    item: &Item,
    ids: &BTreeMap<String, String>,
    severity: Option<&str>,
) -> String {
    let mut f = String::new();
    let w = &mut f;
    let _ = writeln!(
        w,
        "# Imported from {} by `afterword import`. Edit freely: a re-import leaves an edited",
        match item.source {
            "statuspage" => "Statuspage",
            "cstate" => "cState",
            s => s,
        }
    );
    let _ = writeln!(w, "# file alone unless it is given --force.");
    for note in &item.notes {
        for line in note.lines() {
            let _ = writeln!(w, "# {line}");
        }
    }
    if item.kind == Kind::Maintenance {
        let _ = writeln!(w, "kind = \"maintenance\"");
    }
    let _ = writeln!(w, "title = {}", tstr(&item.title));
    if let Some(s) = severity {
        let _ = writeln!(w, "severity = {}", tstr(s));
    }
    // `apply` maps every name the item uses (and "" when it names none); the slug of the name
    // stands in should one be missing, rather than a panic.
    let id = |n: &str| {
        ids.get(n)
            .cloned()
            .unwrap_or_else(|| crate::util::slug::slugify(n))
    };
    let components: Vec<String> = if item.components.is_empty() {
        vec![id("")]
    } else {
        // Two names can be one component (`API` and `api`): each id once.
        let mut ids: Vec<String> = Vec::new();
        for c in item.components.iter().map(|n| id(n)) {
            if !ids.contains(&c) {
                ids.push(c);
            }
        }
        ids
    };
    let _ = writeln!(w, "components = {}", tlist(&components));
    let _ = writeln!(w, "slug = {}", tstr(&item.slug));
    if let Some((start, end)) = &item.window {
        let _ = writeln!(w, "scheduled_start = {}", time(start));
        let _ = writeln!(w, "scheduled_end = {}", time(end));
    }
    if let Some(t) = &item.started {
        let _ = writeln!(w, "started = {}", time(t));
    }
    if let Some(t) = &item.resolved {
        let _ = writeln!(w, "resolved = {}", time(t));
    }
    if !item.aliases.is_empty() {
        let _ = writeln!(w, "aliases = {}", tlist(&item.aliases));
    }
    if item.draft {
        let _ = writeln!(w, "draft = true");
    }
    for u in &item.timeline {
        let _ = writeln!(w, "\n[[timeline]]\nat = {}", time(&u.at));
        let _ = writeln!(w, "status = {}", tstr(&u.status));
        if !u.message.trim().is_empty() {
            let _ = writeln!(w, "message = {}", tstr(u.message.trim()));
        }
    }
    for i in &item.impacts {
        let _ = writeln!(w, "\n[[impact]]\ncomponent = {}", tstr(&id(&i.component)));
        let _ = writeln!(w, "level = {}", tstr(&i.level));
        if let Some(t) = &i.start {
            let _ = writeln!(w, "start = {}", time(t));
        }
        if let Some(t) = &i.end {
            let _ = writeln!(w, "end = {}", time(t));
        }
    }
    f.push_str("+++\n");
    let body = item.body.trim();
    if !body.is_empty() {
        f.push('\n');
        f.push_str(body);
        f.push('\n');
    }
    format!(
        "+++\n{MARKER}{}:{} {:016x}\n{f}",
        item.source,
        marker_id(&item.id),
        checksum(&f)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn toml_strings_round_trip() {
        for s in [
            "plain",
            "quote \" and \\ backslash",
            "two\nlines",
            "ends with a quote\"",
            "\"\"\" triple",
            "tab\tand\rreturn and \u{7} bell",
            "\n",
            "",
            "a\n+++\nb",
            "+++\n+++",
            "x\n++ +\n +++",
        ] {
            let doc = format!("v = {}\n", tstr(s));
            let t: toml::Table = toml::from_str(&doc).unwrap_or_else(|e| panic!("{doc}: {e}"));
            assert!(!doc.lines().any(|l| l.trim_end() == "+++"), "{doc}");
            assert_eq!(t["v"].as_str(), Some(s), "{doc}");
        }
    }

    #[test]
    fn marker_detects_edits() {
        let item = Item {
            source: "statuspage",
            id: "abc123".into(),
            slug: "abc123".into(),
            kind: Kind::Incident,
            title: "API errors".into(),
            impact: "minor".into(),
            components: vec!["API".into()],
            started: None,
            resolved: None,
            window: None,
            timeline: vec![],
            impacts: vec![],
            body: "Body.".into(),
            aliases: vec![],
            draft: false,
            notes: vec![],
            origin: String::new(),
            removed: Default::default(),
        };
        let ids = BTreeMap::from([("API".to_string(), "api".to_string())]);
        let text = render(&item, &ids, Some("minor"));
        assert_eq!(
            marker(&text),
            Some(("statuspage".into(), "abc123".into(), true))
        );
        let edited = text.replace("Body.", "Body, edited.");
        assert_eq!(
            marker(&edited),
            Some(("statuspage".into(), "abc123".into(), false))
        );
        assert_eq!(marker("+++\ntitle = \"x\"\n+++\n"), None);
        // An id with a line break, a space or a `%` stays on the marker line and reads back.
        for id in ["a\n+++\nb", "x y", "50%", "日本", ""] {
            let odd = Item {
                id: id.into(),
                ..item.clone()
            };
            let text = render(&odd, &ids, Some("minor"));
            assert_eq!(text.lines().nth(2), Some("# Imported from Statuspage by `afterword import`. Edit freely: a re-import leaves an edited"));
            assert_eq!(marker(&text), Some(("statuspage".into(), id.into(), true)));
        }
    }
}
