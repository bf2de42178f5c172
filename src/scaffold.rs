//! `afterword init` and `afterword new`: files people start from.

use crate::diag::suggestion;
use crate::input::config;
use crate::util::slug::slugify;
use chrono::{DateTime, Utc};
use std::path::{Path, PathBuf};

const SITE_TOML: &str = include_str!("scaffold/site.toml");
const EXAMPLE: &str = include_str!("scaffold/example.md");
/// The built-in template of `new`, and the `templates/new/default.md` that `init` writes.
pub const DEFAULT_TEMPLATE: &str = include_str!("scaffold/default.md");
/// The built-in template of `new --maintenance`.
pub const MAINTENANCE_TEMPLATE: &str = include_str!("scaffold/maintenance.md");
/// Where a site keeps its templates for `new`: `templates/new/<name>.md`.
pub const TEMPLATES_DIR: &str = "templates/new";
/// A scheduled maintenance written by `new --maintenance` lasts this long (edit the file).
pub const MAINTENANCE_HOURS: i64 = 1;

/// Create a new site in `dir`: site.toml, content/ with one example incident, templates/ for
/// overrides holding `new/default.md` (the built-in template of `new`, to edit).
pub fn init(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let site = dir.join(config::FILE_NAME);
    if site.exists() {
        return Err(format!(
            "{} already exists; not overwriting an existing site",
            site.display()
        ));
    }
    let example = dir.join("content").join("example-incident.md");
    let templates = dir.join("templates");
    std::fs::create_dir_all(&templates)
        .map_err(|e| format!("cannot create {}: {e}", templates.display()))?;
    std::fs::write(templates.join(".gitkeep"), "")
        .map_err(|e| format!("cannot write in {}: {e}", templates.display()))?;
    let default = dir.join(TEMPLATES_DIR).join("default.md");
    if !default.exists() {
        crate::util::fsutil::write_file(&default, DEFAULT_TEMPLATE.as_bytes())
            .map_err(|e| format!("cannot write {}: {e}", default.display()))?;
    }
    crate::util::fsutil::write_file(&site, SITE_TOML.as_bytes())
        .map_err(|e| format!("cannot write {}: {e}", site.display()))?;
    if !example.exists() {
        crate::util::fsutil::write_file(&example, EXAMPLE.as_bytes())
            .map_err(|e| format!("cannot write {}: {e}", example.display()))?;
    }
    Ok(vec![site, example, templates])
}

/// What `afterword new` was asked for.
#[derive(Debug, Clone, Default)]
pub struct NewOptions {
    pub title: String,
    /// A severity id of the site (default: the first); not for a maintenance.
    pub severity: Option<String>,
    /// Component ids of the site (default: the first).
    pub components: Vec<String>,
    /// `templates/new/<name>.md` (default: `default.md` or, with `maintenance`,
    /// `maintenance.md`, else the built-in one).
    pub template: Option<String>,
    /// `--at`: when it started (a maintenance: its scheduled start), RFC 3339 or
    /// `YYYY-MM-DD HH:MM` in the site's time zone (default: now).
    pub at: Option<String>,
    pub maintenance: bool,
}

/// The values a template's placeholders stand for, as plain text.
struct Values {
    title: String,
    slug: String,
    date: String,
    started: String,
    scheduled_end: String,
    now: String,
    severity: String,
    components: Vec<String>,
    factor_ids: String,
    detection_ids: String,
}

/// Every placeholder a template may use (docs/format.md, "Templates for new files").
pub const PLACEHOLDERS: &[&str] = &[
    "title",
    "slug",
    "date",
    "started",
    "scheduled_end",
    "now",
    "severity",
    "components",
    "factor_ids",
    "detection_ids",
];

impl Values {
    /// The text for `name`: in the front matter (`toml`), strings escaped for a TOML basic
    /// string (`"…"`) and the components as a TOML array; in the body, as typed.
    fn get(&self, name: &str, toml: bool) -> Option<String> {
        let text = |s: &str| if toml { toml_escape(s) } else { s.to_string() };
        Some(match name {
            "title" => text(&self.title),
            "slug" => self.slug.clone(),
            "date" => self.date.clone(),
            "started" => self.started.clone(),
            "scheduled_end" => self.scheduled_end.clone(),
            "now" => self.now.clone(),
            "severity" => self.severity.clone(),
            "components" if toml => format!(
                "[{}]",
                self.components
                    .iter()
                    .map(|c| format!("\"{}\"", toml_escape(c)))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            "components" => self.components.join(", "),
            "factor_ids" => self.factor_ids.clone(),
            "detection_ids" => self.detection_ids.clone(),
            _ => return None,
        })
    }
}

/// `s` escaped for the inside of a TOML basic string: `\`, `"` and control characters.
pub fn toml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out
}

/// `template` with every `{{name}}` (or `{{ name }}`) replaced: TOML-escaped between the
/// `+++` lines, as typed below them. A `{{word}}` that is no placeholder is an error; other
/// text between braces is left alone.
fn substitute(template: &str, values: &Values) -> Result<String, String> {
    // The front matter runs to the second line that is exactly `+++`.
    let mut fence = 0;
    let mut front_end = 0;
    let mut offset = 0;
    for line in template.split_inclusive('\n') {
        if line.trim_end_matches(['\n', '\r']) == "+++" {
            fence += 1;
            if fence == 2 {
                front_end = offset;
                break;
            }
        }
        offset += line.len();
    }
    let mut out = String::with_capacity(template.len() + 256);
    let mut rest = template;
    let mut pos = 0;
    while let Some(open) = rest.find("{{") {
        let Some(close) = rest[open + 2..].find("}}") else {
            break;
        };
        let inner = rest[open + 2..open + 2 + close].trim();
        let word =
            !inner.is_empty() && inner.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
        out.push_str(&rest[..open]);
        let end = open + 2 + close + 2;
        if word {
            let in_front = pos + open < front_end;
            match values.get(inner, in_front) {
                Some(v) => out.push_str(&v),
                None => {
                    return Err(format!(
                        "unknown placeholder `{{{{{inner}}}}}`: {}",
                        crate::diag::suggestion(inner, PLACEHOLDERS)
                    ))
                }
            }
        } else {
            out.push_str(&rest[open..end]);
        }
        pos += end;
        rest = &rest[end..];
    }
    out.push_str(rest);
    Ok(out)
}

/// `--at`: an RFC 3339 time, or a local `YYYY-MM-DD HH:MM[:SS]` in `tz`, read like a TOML
/// datetime in a file ([`crate::util::timefmt::resolve`]: the same range and daylight-saving
/// rules).
pub fn parse_at(s: &str, tz: chrono_tz::Tz) -> Result<DateTime<Utc>, String> {
    let t = s.trim();
    let bytes = t.as_bytes();
    // `YYYY-MM-DD HH:MM`: TOML wants the seconds.
    let with_seconds = if bytes.len() == 16 && matches!(bytes[10], b' ' | b'T' | b't') {
        format!("{t}:00")
    } else {
        t.to_string()
    };
    let hint = "write an RFC 3339 time (`2024-10-02T14:05:00Z`) or a time in the site's zone (`2024-10-02 10:05`)";
    let dt: toml::value::Datetime = with_seconds
        .parse()
        .map_err(|_| format!("--at `{s}` is not a time: {hint}"))?;
    crate::util::timefmt::resolve(&dt, tz).map_err(|e| {
        let help = if e.help.is_empty() { hint } else { &e.help };
        format!("--at: {}; {help}", e.message)
    })
}

/// The template `new` uses, and how to name it in messages: `templates/new/<name>.md` when
/// asked for or present, else the built-in one.
fn template_text(root: &Path, opts: &NewOptions) -> Result<(String, String), String> {
    let dir = root.join(TEMPLATES_DIR);
    let shown = |p: &Path| crate::util::fsutil::display_path(p).display().to_string();
    let read = |p: &Path| {
        std::fs::read_to_string(p).map_err(|e| format!("cannot read template {}: {e}", shown(p)))
    };
    if let Some(name) = &opts.template {
        let path = dir.join(format!("{name}.md"));
        let simple = !name.is_empty()
            && name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        if simple && path.is_file() {
            return Ok((read(&path)?, shown(&path)));
        }
        let mut names: Vec<String> = std::fs::read_dir(&dir)
            .map(|rd| {
                rd.filter_map(|e| e.ok())
                    .filter_map(|e| {
                        let p = e.path();
                        (p.is_file() && p.extension().is_some_and(|x| x == "md"))
                            .then(|| p.file_stem()?.to_str().map(String::from))
                            .flatten()
                    })
                    .collect()
            })
            .unwrap_or_default();
        names.sort();
        let help = if names.is_empty() {
            format!(
                "{} has no templates (`init` writes default.md there; without --template, `new` uses it or a built-in one)",
                shown(&dir)
            )
        } else {
            let refs: Vec<&str> = names.iter().map(String::as_str).collect();
            crate::diag::suggestion(name, &refs)
        };
        return Err(format!(
            "no template `{}`: there is no {}; {help}",
            crate::diag::printable(name),
            crate::diag::printable(&shown(&path))
        ));
    }
    let (file, builtin) = if opts.maintenance {
        ("maintenance.md", MAINTENANCE_TEMPLATE)
    } else {
        ("default.md", DEFAULT_TEMPLATE)
    };
    let path = dir.join(file);
    if path.is_file() {
        return Ok((read(&path)?, shown(&path)));
    }
    let kind = if opts.maintenance {
        "maintenance"
    } else {
        "default"
    };
    Ok((builtin.to_string(), format!("the built-in {kind} template")))
}

/// Write `content/YYYY-MM-DD-<slug>.md` from a template (see [`NewOptions`]), after checking
/// that it is a valid incident or maintenance of the site. Never overwrites a file.
pub fn new_incident(root: &Path, opts: &NewOptions, now: DateTime<Utc>) -> Result<PathBuf, String> {
    let cfg = config::load(root).map_err(|ds| {
        ds.iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("\n")
    })?;
    let title = opts.title.trim();
    if title.is_empty() {
        return Err("the title is empty".into());
    }
    if let Some(c) = title
        .chars()
        .find(|c| crate::util::escape::is_forbidden(*c) || c.is_control())
    {
        return Err(format!(
            "the title holds the character U+{:04X}, which no page or feed can carry",
            c as u32
        ));
    }
    let sev_ids: Vec<&str> = cfg.severities.iter().map(|s| s.id.as_str()).collect();
    let severity = match (&opts.severity, opts.maintenance) {
        (Some(_), true) => return Err("a maintenance has no severity: leave out --severity".into()),
        (None, true) => String::new(),
        (Some(s), false) if cfg.severity(s).is_some() => s.clone(),
        (Some(s), false) => {
            return Err(format!(
                "unknown severity `{s}`: {}",
                suggestion(s, &sev_ids)
            ))
        }
        (None, false) => sev_ids.first().copied().unwrap_or("minor").to_string(),
    };
    let comp_ids: Vec<&str> = cfg.components.iter().map(|c| c.id.as_str()).collect();
    for c in &opts.components {
        if cfg.component(c).is_none() {
            return Err(format!(
                "unknown component `{c}`: {}",
                suggestion(c, &comp_ids)
            ));
        }
    }
    let components: Vec<String> = if opts.components.is_empty() {
        comp_ids
            .first()
            .map(|c| vec![c.to_string()])
            .unwrap_or_default()
    } else {
        opts.components.clone()
    };
    let started = match &opts.at {
        Some(at) => parse_at(at, cfg.timezone)?,
        None => now,
    };
    let date = started
        .with_timezone(&cfg.timezone)
        .format("%Y-%m-%d")
        .to_string();
    let slug = slugify(title);
    if slug.is_empty() {
        return Err(format!(
            "cannot make a file name from the title `{}`: give it some letters or digits",
            crate::diag::printable(title)
        ));
    }
    let stem = format!("{date}-{slug}");
    let path = root.join("content").join(format!("{stem}.md"));
    if path.exists() {
        return Err(format!(
            "{} already exists; not overwriting it",
            crate::util::fsutil::display_path(&path).display()
        ));
    }
    let utc = |t: DateTime<Utc>| t.format("%Y-%m-%dT%H:%M:%SZ").to_string();
    let values = Values {
        title: title.to_string(),
        slug: stem,
        date,
        started: utc(started),
        scheduled_end: utc(started + chrono::Duration::hours(MAINTENANCE_HOURS)),
        // A back-dated file is announced no later than it starts: a maintenance's `scheduled`
        // entry then comes before its window, not after it.
        now: utc(now.min(started)),
        severity,
        components,
        factor_ids: cfg
            .factors
            .iter()
            .map(|t| t.id.as_str())
            .collect::<Vec<_>>()
            .join(", "),
        detection_ids: cfg
            .detection_methods
            .iter()
            .map(|t| t.id.as_str())
            .collect::<Vec<_>>()
            .join(", "),
    };
    let (template, origin) = template_text(root, opts)?;
    let text = substitute(&template, &values).map_err(|e| format!("{origin}: {e}"))?;
    check_written(&cfg, &path, &text, &origin)?;
    crate::util::fsutil::write_file(&path, text.as_bytes())
        .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    Ok(crate::util::fsutil::display_path(&path))
}

/// The file `new` would write, read and validated as `check` would (errors only: a new file
/// may well have no summary yet); its problems name the template it came from.
fn check_written(
    cfg: &config::Config,
    path: &Path,
    text: &str,
    origin: &str,
) -> Result<(), String> {
    let shown = crate::util::fsutil::display_path(path);
    let raw = crate::input::load::parse_file(shown, None, Vec::new(), text.as_bytes().to_vec());
    let errors = match raw {
        Err(ds) => ds,
        Ok(raw) => match crate::check::validate::validate(cfg, &raw) {
            Ok(_) => return Ok(()),
            Err(ds) => ds,
        },
    };
    let list = errors
        .iter()
        .map(|d| {
            let mut s = format!("  {}: {}", d.code.id, crate::diag::printable(&d.message));
            if d.line > 0 {
                s = format!("  line {}: {}", d.line, s.trim_start());
            }
            if let Some(h) = &d.help {
                s.push_str(&format!(" ({})", crate::diag::printable(h)));
            }
            s
        })
        .collect::<Vec<_>>()
        .join("\n");
    Err(format!(
        "{origin} does not make a valid file once its placeholders are filled in, so nothing was written:\n{list}"
    ))
}
