//! `afterword init` and `afterword new`: files people start from.

use crate::diag::suggestion;
use crate::input::config;
use crate::util::slug::slugify;
use chrono::{DateTime, Utc};
use std::path::{Path, PathBuf};

const SITE_TOML: &str = include_str!("scaffold/site.toml");
const EXAMPLE: &str = include_str!("scaffold/example.md");

/// Create a new site in `dir`: site.toml, content/ with one example incident, an empty templates/.
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
    crate::util::fsutil::write_file(&site, SITE_TOML.as_bytes())
        .map_err(|e| format!("cannot write {}: {e}", site.display()))?;
    if !example.exists() {
        crate::util::fsutil::write_file(&example, EXAMPLE.as_bytes())
            .map_err(|e| format!("cannot write {}: {e}", example.display()))?;
    }
    Ok(vec![site, example, templates])
}

/// Write `content/YYYY-MM-DD-<slug>.md` with a front-matter skeleton and the usual headings.
pub fn new_incident(
    root: &Path,
    title: &str,
    severity: Option<&str>,
    components: &[String],
    now: DateTime<Utc>,
) -> Result<PathBuf, String> {
    let cfg = config::load(root).map_err(|ds| {
        ds.iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("\n")
    })?;
    if title.trim().is_empty() {
        return Err("the title is empty".into());
    }
    let sev_ids: Vec<&str> = cfg.severities.iter().map(|s| s.id.as_str()).collect();
    let severity = match severity {
        Some(s) if cfg.severity(s).is_some() => s.to_string(),
        Some(s) => {
            return Err(format!(
                "unknown severity `{s}`: {}",
                suggestion(s, &sev_ids)
            ))
        }
        None => sev_ids.first().copied().unwrap_or("minor").to_string(),
    };
    let comp_ids: Vec<&str> = cfg.components.iter().map(|c| c.id.as_str()).collect();
    for c in components {
        if cfg.component(c).is_none() {
            return Err(format!(
                "unknown component `{c}`: {}",
                suggestion(c, &comp_ids)
            ));
        }
    }
    let components: Vec<String> = if components.is_empty() {
        comp_ids
            .first()
            .map(|c| vec![c.to_string()])
            .unwrap_or_default()
    } else {
        components.to_vec()
    };
    let local = now.with_timezone(&cfg.timezone);
    let name = format!("{}-{}.md", local.format("%Y-%m-%d"), slugify(title));
    let path = root.join("content").join(&name);
    if path.exists() {
        return Err(format!(
            "{} already exists",
            crate::util::fsutil::display_path(&path).display()
        ));
    }
    let q = |s: &str| toml::Value::String(s.to_string()).to_string();
    let list = components
        .iter()
        .map(|c| q(c))
        .collect::<Vec<_>>()
        .join(", ");
    let text = format!(
        "+++\ntitle = {title}\nsummary = \"\"\nseverity = {severity}\ncomponents = [{list}]\n# detected_by = \"\"\n# tags = []\n# authors = []\n\n\
         [[timeline]]\nat = {at}\nstatus = \"investigating\"\nmessage = \"We are investigating reports of a problem.\"\n+++\n\
         ## Summary\n\n## Impact\n\n## Root cause\n\n## Resolution\n\n## Action items\n",
        title = q(title.trim()),
        severity = q(&severity),
        at = now.format("%Y-%m-%dT%H:%M:%SZ"),
    );
    crate::util::fsutil::write_file(&path, text.as_bytes())
        .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    Ok(crate::util::fsutil::display_path(&path))
}
