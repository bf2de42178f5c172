//! A cState site (the Hugo status-page theme): `config.yml`'s systems and categories, and
//! `content/issues/*.md` with YAML front matter.
//!
//! cState writes an issue's updates in its body, newest first, one paragraph each:
//! `*Investigating* - We are looking into it. {{< track "2018-04-13 15:54:00" >}}`. They
//! become the timeline; what follows a `---` line is the postmortem. Times without a zone are
//! UTC, as cState reads them.

use super::{
    mark_repeats, parse_time, Catalog, Component, Group, ImpactWindow, Item, Kind, Report, Time,
    Update,
};
use std::path::{Path, PathBuf};
use yaml_rust2::parser::{Event, Parser};
use yaml_rust2::{Yaml, YamlLoader};

fn scalar(y: &Yaml) -> Option<String> {
    match y {
        Yaml::String(s) | Yaml::Real(s) => Some(s.clone()),
        Yaml::Integer(i) => Some(i.to_string()),
        Yaml::Boolean(b) => Some(b.to_string()),
        _ => None,
    }
}

/// Refuse what cState never writes and what could make loading unbounded: aliases (`*name`,
/// the "billion laughs"), nesting deeper than [`super::MAX_YAML_DEPTH`], and a value over
/// [`super::MAX_VALUE_BYTES`]. Read as events, before any tree is built.
fn prescan(text: &str, path: &Path, line_offset: usize) -> Result<(), String> {
    let mut parser = Parser::new_from_str(text);
    let mut depth = 0usize;
    loop {
        let (ev, m) = parser
            .next_token()
            .map_err(|e| invalid_yaml(&e, path, line_offset))?;
        let at = yaml_at(path, &m, line_offset);
        match ev {
            Event::Alias(_) => {
                return Err(format!(
                    "{at}: a YAML alias (`*name`): cState never writes them, and they can \
                     expand without bound, so the importer does not read them"
                ))
            }
            Event::SequenceStart(..) | Event::MappingStart(..) => {
                depth += 1;
                if depth > super::MAX_YAML_DEPTH {
                    return Err(format!(
                        "{at}: lists and maps nested over {} deep",
                        super::MAX_YAML_DEPTH
                    ));
                }
            }
            Event::SequenceEnd | Event::MappingEnd => depth = depth.saturating_sub(1),
            Event::Scalar(v, ..) if v.len() > super::MAX_VALUE_BYTES => {
                return Err(format!(
                    "{at}: a value of {} bytes, over the limit of {} bytes for one value",
                    v.len(),
                    super::MAX_VALUE_BYTES
                ))
            }
            Event::StreamEnd => return Ok(()),
            _ => {}
        }
    }
}

fn parse_yaml(text: &str, path: &Path, line_offset: usize) -> Result<Yaml, String> {
    prescan(text, path, line_offset)?;
    let docs = YamlLoader::load_from_str(text).map_err(|e| invalid_yaml(&e, path, line_offset))?;
    Ok(docs.into_iter().next().unwrap_or(Yaml::Null))
}

/// `path:line:col` of a YAML position, in the lines of the whole file.
fn yaml_at(path: &Path, m: &yaml_rust2::scanner::Marker, line_offset: usize) -> String {
    format!(
        "{}:{}:{}",
        path.display(),
        m.line() + line_offset,
        m.col() + 1
    )
}

fn invalid_yaml(e: &yaml_rust2::ScanError, path: &Path, line_offset: usize) -> String {
    format!(
        "{}: not valid YAML: {}",
        yaml_at(path, e.marker(), line_offset),
        e.info()
    )
}

/// Read a cState site into the catalog and return its issues.
pub fn read(dir: &Path, catalog: &mut Catalog, report: &mut Report) -> Result<Vec<Item>, String> {
    let config = ["config.yml", "config.yaml", "hugo.yml", "hugo.yaml"]
        .iter()
        .map(|n| dir.join(n))
        .find(|p| p.is_file())
        .ok_or_else(|| {
            format!(
                "{}: no config.yml here\nhelp: give the folder of a cState site (it holds config.yml and content/issues/)",
                dir.display()
            )
        })?;
    let text = String::from_utf8(super::read_capped(&config)?)
        .map_err(|e| format!("{}: not UTF-8 text: {e}", config.display()))?;
    let conf = parse_yaml(&text, &config, 0)?;
    catalog.title = scalar(&conf["title"]);
    catalog.url = scalar(&conf["baseURL"]).or_else(|| scalar(&conf["baseurl"]));
    let params = if conf["params"].is_badvalue() {
        &conf
    } else {
        &conf["params"]
    };
    for c in params["categories"].as_vec().map_or(&[][..], Vec::as_slice) {
        let name = scalar(c).or_else(|| scalar(&c["name"]));
        if let Some(name) = name.filter(|n| !n.trim().is_empty()) {
            catalog.add_group(Group {
                name,
                description: scalar(&c["description"]),
            });
        }
    }
    for sys in params["systems"].as_vec().map_or(&[][..], Vec::as_slice) {
        let name = scalar(sys).or_else(|| scalar(&sys["name"]));
        if let Some(name) = name.filter(|n| !n.trim().is_empty()) {
            catalog.add_component(Component {
                name,
                description: scalar(&sys["description"]),
                group: scalar(&sys["category"]),
                since: None,
            });
        }
    }

    let issues = dir.join("content").join("issues");
    if !issues.is_dir() {
        return Err(format!(
            "{}: no content/issues/ folder\nhelp: cState keeps its incidents there; give the site's root folder",
            dir.display()
        ));
    }
    let mut files: Vec<PathBuf> = walkdir::WalkDir::new(&issues)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .filter(|p| {
            p.extension().is_some_and(|e| e == "md")
                && p.file_name().is_some_and(|n| n != "_index.md")
        })
        .collect();
    files.sort();
    let mut items = Vec::new();
    for f in files {
        let text = match super::read_capped(&f).and_then(|b| {
            String::from_utf8(b).map_err(|e| {
                format!(
                    "{}: not UTF-8 text (invalid byte at offset {})",
                    f.display(),
                    e.utf8_error().valid_up_to()
                )
            })
        }) {
            Ok(t) => t,
            Err(e) => {
                report.warnings.push(format!("{e} (skipped)"));
                continue;
            }
        };
        match issue(&f, &text, catalog, report) {
            Ok(item) => items.push(item),
            Err(e) => report.warnings.push(format!("{e} (skipped)")),
        }
    }
    Ok(items)
}

/// The front matter (between `---` lines), its first line's number, and the body.
fn split(text: &str) -> Option<(&str, &str)> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let rest = text.strip_prefix("---")?;
    let rest = rest
        .strip_prefix("\r\n")
        .or_else(|| rest.strip_prefix('\n'))?;
    let mut at = 0;
    for line in rest.split_inclusive('\n') {
        if line.trim_end() == "---" {
            return Some((&rest[..at], &rest[at + line.len()..]));
        }
        at += line.len();
    }
    None
}

fn issue(
    path: &Path,
    text: &str,
    catalog: &mut Catalog,
    report: &mut Report,
) -> Result<Item, String> {
    let (front, body) = split(text).ok_or_else(|| {
        format!(
            "{}: no YAML front matter between `---` lines",
            path.display()
        )
    })?;
    let y = parse_yaml(front, path, 1)?;
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let title = scalar(&y["title"])
        .filter(|t| !t.trim().is_empty())
        .ok_or_else(|| format!("{}: no `title`", path.display()))?;
    let date_raw = scalar(&y["date"]).ok_or_else(|| format!("{}: no `date`", path.display()))?;
    let date = parse_time(&date_raw)
        .ok_or_else(|| format!("{}: `date` {date_raw:?} is not a time", path.display()))?;
    let resolved_flag = y["resolved"].as_bool().unwrap_or(false);
    let resolved_when = scalar(&y["resolvedWhen"]).and_then(|s| parse_time(&s));
    let informational = y["informational"].as_bool().unwrap_or(false);
    let severity = scalar(&y["severity"]).unwrap_or_default();
    let affected: Vec<String> = y["affected"]
        .as_vec()
        .map(|v| {
            v.iter()
                .filter_map(scalar)
                .filter(|s| !s.trim().is_empty())
                .collect()
        })
        .unwrap_or_default();
    for a in &affected {
        catalog.add_component(Component {
            name: a.clone(),
            description: None,
            group: None,
            since: None,
        });
    }
    let kind = if severity == "notice" && !informational {
        Kind::Maintenance
    } else {
        Kind::Incident
    };
    let mut warn = |m: String| report.warnings.push(format!("{}: {m}", path.display()));
    let notes = notes_of(&y, informational, &severity);
    let (timeline, body_md) = read_body(body, kind);

    let first = timeline.first().map(|u| u.at);
    let started = (kind == Kind::Incident && first != Some(date)).then_some(date);
    let mut resolved = None;
    let mut window = None;
    let mut impacts = Vec::new();
    let impact;
    match kind {
        Kind::Maintenance => {
            impact = String::new();
            window = Some(notice_window(date, resolved_when, &mut warn));
        }
        Kind::Incident => {
            let (imp, level) = severity_of(informational, &severity, &mut warn);
            impact = imp.to_string();
            if let Some(level) = level {
                impacts = affected
                    .iter()
                    .map(|c| ImpactWindow {
                        component: c.clone(),
                        level: level.to_string(),
                        start: None,
                        end: None,
                    })
                    .collect();
            }
            let tracked = timeline
                .iter()
                .find(|u| u.status == "resolved")
                .map(|u| u.at);
            resolved = resolution(resolved_flag, resolved_when, tracked, date, &mut warn);
        }
    }
    let (slug, why) = super::safe_slug(&stem, &title);
    if let Some(why) = why {
        warn(why);
    }
    Ok(Item {
        source: "cstate",
        id: stem.clone(),
        slug,
        kind,
        title,
        impact,
        components: affected,
        started,
        resolved,
        window,
        timeline,
        impacts,
        body: body_md,
        aliases: Vec::new(),
        draft: y["draft"].as_bool().unwrap_or(false),
        notes,
        origin: path.display().to_string(),
        removed: Default::default(),
    })
}

/// What afterword keeps of cState's flags it has no field for, as notes in the file.
fn notes_of(y: &Yaml, informational: bool, severity: &str) -> Vec<String> {
    let mut notes = Vec::new();
    if y["pin"].as_bool() == Some(true) {
        notes.push(
            "cState: pin = true (afterword does not pin; ongoing incidents lead the home page)"
                .to_string(),
        );
    }
    if informational {
        notes.push(format!(
            "cState: informational = true, severity = {severity:?}"
        ));
    }
    notes
}

/// A maintenance notice's window: `date` to `resolvedWhen`, else one hour.
fn notice_window(
    date: Time,
    resolved_when: Option<Time>,
    warn: &mut impl FnMut(String),
) -> (Time, Time) {
    let end = resolved_when.filter(|e| *e > date).unwrap_or_else(|| {
        warn("a maintenance notice without a `resolvedWhen` after its `date`; the window is set to one hour".into());
        // At the end of time there is no hour left: the range check skips it then.
        date.checked_add_signed(chrono::Duration::hours(1))
            .unwrap_or(date)
    });
    (date, end)
}

/// An issue's body: its updates (oldest first), and the rest as Markdown: paragraphs that are
/// not updates, then what follows a `---` line (the postmortem).
fn read_body(body: &str, kind: Kind) -> (Vec<Update>, String) {
    let (updates_part, postmortem) = match body
        .split_inclusive('\n')
        .scan(0, |at, line| {
            let start = *at;
            *at += line.len();
            Some((start, line))
        })
        .find(|(_, line)| line.trim_end() == "---")
    {
        Some((at, line)) => (&body[..at], body[at + line.len()..].trim()),
        None => (body, ""),
    };
    let mut timeline = Vec::new();
    let mut loose = Vec::new();
    for para in paragraphs(updates_part) {
        match update(&para, kind) {
            Some(u) => timeline.push(u),
            None => loose.push(para),
        }
    }
    timeline.reverse();
    timeline.sort_by_key(|u: &Update| u.at);
    mark_repeats(&mut timeline);
    let mut body_md = loose.join("\n\n");
    if !postmortem.is_empty() {
        if !body_md.is_empty() {
            body_md.push_str("\n\n");
        }
        body_md.push_str(postmortem);
    }
    (timeline, body_md)
}

/// An incident's impact and the level of its components, from cState's severity.
fn severity_of(
    informational: bool,
    severity: &str,
    warn: &mut impl FnMut(String),
) -> (&'static str, Option<&'static str>) {
    match (informational, severity) {
        (true, _) | (_, "notice") => ("none", None),
        (_, "down") => ("critical", Some("major_outage")),
        (_, "disrupted") => ("major", Some("partial_outage")),
        (_, other) => {
            warn(format!("severity {other:?} is not down, disrupted or notice; imported as disrupted (major)"));
            ("major", Some("partial_outage"))
        }
    }
}

/// An incident's resolution where its updates do not already say it (`tracked`).
fn resolution(
    resolved_flag: bool,
    resolved_when: Option<Time>,
    tracked: Option<Time>,
    date: Time,
    warn: &mut impl FnMut(String),
) -> Option<Time> {
    let mut resolved = None;
    if resolved_flag {
        match (resolved_when, tracked) {
            (Some(r), t) if t != Some(r) && r >= date => resolved = Some(r),
            (Some(_), Some(_)) => {}
            (Some(r), None) => {
                warn(format!(
                    "`resolvedWhen` {r} is before `date`; resolved at `date`"
                ));
                resolved = Some(date);
            }
            (None, Some(_)) => {}
            (None, None) => {
                warn("resolved, with no `resolvedWhen` and no tracked resolution; resolved at `date`".into());
                resolved = Some(date);
            }
        }
    } else if tracked.is_some() {
        warn("`resolved: false`, but an update says resolved; imported as resolved then".into());
    }
    resolved
}

/// Paragraphs: runs of non-blank lines, trimmed.
fn paragraphs(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur: Vec<&str> = Vec::new();
    for line in s.lines() {
        if line.trim().is_empty() {
            if !cur.is_empty() {
                out.push(cur.join("\n"));
                cur.clear();
            }
        } else {
            cur.push(line.trim_end());
        }
    }
    if !cur.is_empty() {
        out.push(cur.join("\n"));
    }
    out
}

/// A `{{< track "TIME" >}}` shortcode's time, and the paragraph without it.
fn track(p: &str) -> Option<(Time, String)> {
    let open = p.find("{{")?;
    let close = p[open..].find("}}")? + open + 2;
    let inner = p[open + 2..close - 2]
        .trim()
        .trim_matches(|c| c == '<' || c == '>' || c == '%')
        .trim();
    let arg = inner.strip_prefix("track")?.trim();
    let at = parse_time(arg.trim_matches(|c| c == '"' || c == '\''))?;
    let rest = format!("{}{}", &p[..open], &p[close..]);
    Some((at, rest.trim().to_string()))
}

/// One update paragraph: `*Label* - text {{< track "…" >}}` (the label may be `**bold**`,
/// and the dash a colon or an en or em dash).
fn update(p: &str, kind: Kind) -> Option<Update> {
    let (at, text) = track(p)?;
    let (label, message) = label(&text).unwrap_or(("", text.as_str()));
    let l = label.trim().to_ascii_lowercase().replace([' ', '-'], "_");
    let status = match (kind, l.as_str()) {
        (
            Kind::Incident,
            s @ ("investigating" | "identified" | "monitoring" | "resolved" | "postmortem"),
        ) => s,
        (Kind::Maintenance, s @ ("scheduled" | "in_progress" | "verifying" | "completed")) => s,
        (Kind::Maintenance, "started" | "investigating" | "identified") => "in_progress",
        (Kind::Maintenance, "monitoring") => "verifying",
        (Kind::Maintenance, "resolved" | "finished" | "done") => "completed",
        _ => "update",
    };
    // An unknown label stays in the message, so nothing is lost.
    let message = if status == "update" && !label.is_empty() && l != "update" && l != "updated" {
        text.clone()
    } else {
        message.to_string()
    };
    Some(Update {
        at,
        status: status.to_string(),
        message,
    })
}

fn label(text: &str) -> Option<(&str, &str)> {
    let (mark, rest) = if let Some(r) = text.strip_prefix("**") {
        ("**", r)
    } else if let Some(r) = text.strip_prefix('*') {
        ("*", r)
    } else if let Some(r) = text.strip_prefix('_') {
        ("_", r)
    } else {
        return None;
    };
    let end = rest.find(mark)?;
    let label = &rest[..end];
    let after = rest[end + mark.len()..].trim_start();
    let after = after
        .strip_prefix(['-', ':', '\u{2013}', '\u{2014}'])
        .unwrap_or(after)
        .trim_start();
    Some((label, after))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn update_paragraphs() {
        let u = update(
            "*Investigating* - The API returns errors. {{< track \"2018-04-13 15:54:00\" >}}",
            Kind::Incident,
        )
        .unwrap();
        assert_eq!(u.status, "investigating");
        assert_eq!(u.message, "The API returns errors.");
        assert_eq!(u.at.to_rfc3339(), "2018-04-13T15:54:00+00:00");
        let u = update(
            "**Resolved** — Fixed. {{% track \"2018-04-13T16:00:00+02:00\" %}}",
            Kind::Incident,
        )
        .unwrap();
        assert_eq!(
            (u.status.as_str(), u.message.as_str()),
            ("resolved", "Fixed.")
        );
        assert_eq!(u.at.offset().local_minus_utc(), 7200);
        // An unknown label is kept in the message of an `update`.
        let u = update(
            "*Heads up* - text {{< track \"2018-04-13 15:54\" >}}",
            Kind::Incident,
        )
        .unwrap();
        assert_eq!(
            (u.status.as_str(), u.message.as_str()),
            ("update", "*Heads up* - text")
        );
        assert!(update("No shortcode here.", Kind::Incident).is_none());
    }

    #[test]
    fn the_billion_laughs_is_refused_before_it_expands() {
        // The 357-byte document of the issue: 10^9 strings once expanded. Only the pre-scan
        // runs here, so a regression fails this test rather than exhausting memory.
        let mut doc = String::from(
            "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
        );
        for (name, prev) in ["b", "c", "d", "e", "f", "g", "h", "i"]
            .iter()
            .zip("abcdefgh".chars())
        {
            let refs = vec![format!("*{prev}"); 9].join(",");
            doc.push_str(&format!("{name}: &{name} [{refs}]\n"));
        }
        let e = prescan(&doc, Path::new("x.md"), 1).unwrap_err();
        assert!(e.starts_with("x.md:3:") && e.contains("YAML alias"), "{e}");
        // Anchors alone, long values and deep nesting.
        assert!(prescan("a: &x 1\n", Path::new("x.md"), 1).is_ok());
        let long = format!("a: {}\n", "y".repeat(crate::import::MAX_VALUE_BYTES + 1));
        assert!(prescan(&long, Path::new("x.md"), 1)
            .unwrap_err()
            .contains("over the limit of 1000000 bytes"));
        let deeper = format!("a: {}{}\n", "[".repeat(100), "]".repeat(100));
        assert!(prescan(&deeper, Path::new("x.md"), 1)
            .unwrap_err()
            .contains("nested over 64 deep"));
        // Far deeper, the YAML scanner's own limit answers first: an error all the same.
        let deep = format!("a: {}{}\n", "[".repeat(100_000), "]".repeat(100_000));
        assert!(prescan(&deep, Path::new("x.md"), 1)
            .unwrap_err()
            .starts_with("x.md:2:"));
    }

    #[test]
    fn front_matter_split() {
        let (f, b) = split("---\ntitle: x\n---\nbody\n---\nmore\n").unwrap();
        assert_eq!(f, "title: x\n");
        assert_eq!(b, "body\n---\nmore\n");
        assert!(split("no front matter").is_none());
    }
}
