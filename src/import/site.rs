//! site.toml, edited in place with `toml_edit`: comments, order and formatting stay as they
//! were; groups, components and severities are added only when missing (matched by name, or
//! for severities by the Statuspage impact they report).

use super::{Catalog, Component};
use crate::input::config::{default_impact, default_severities};
use crate::model::Level;
use std::path::{Path, PathBuf};
use toml_edit::{value, ArrayOfTables, DocumentMut, Item, Table};

pub(super) struct SiteEdit {
    path: PathBuf,
    doc: DocumentMut,
    /// The file as read; `None` when there was none.
    original: Option<String>,
    /// What was changed, one line each (`add component api (Public API)`).
    pub changes: Vec<String>,
    /// What the user should know (a zone that could not be used, say).
    pub warnings: Vec<String>,
    catalog_groups: Vec<super::Group>,
    catalog_components: Vec<Component>,
    /// (name, id) of the groups and components in the file, and those added.
    groups: Vec<(String, String)>,
    components: Vec<(String, String)>,
    /// (id, impact) of the severities in force.
    severities: Vec<(String, String)>,
    /// No `[[severities]]` in the file: the default set applies.
    default_severities: bool,
}

fn str_of<'a>(t: &'a Table, key: &str) -> Option<&'a str> {
    t.get(key).and_then(Item::as_str)
}

fn pairs(doc: &DocumentMut, key: &str) -> Vec<(String, String)> {
    doc.get(key)
        .and_then(Item::as_array_of_tables)
        .map(|a| {
            a.iter()
                .filter_map(|t| {
                    Some((str_of(t, "name")?.to_string(), str_of(t, "id")?.to_string()))
                })
                .collect()
        })
        .unwrap_or_default()
}

impl SiteEdit {
    pub fn open(root: &Path, catalog: &Catalog) -> Result<SiteEdit, String> {
        let path = root.join("site.toml");
        let original = match std::fs::read_to_string(&path) {
            Ok(s) => Some(s),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
            Err(e) => return Err(format!("cannot read {}: {e}", path.display())),
        };
        let mut changes = Vec::new();
        let mut doc = match &original {
            Some(s) => s.parse::<DocumentMut>().map_err(|e| {
                format!(
                    "{}: {}\nhelp: fix site.toml (`afterword check` explains it), then import again",
                    path.display(),
                    e.to_string().trim_end()
                )
            })?,
            None => {
                let mut doc = DocumentMut::new();
                let title = catalog
                    .title
                    .as_deref()
                    .filter(|t| !t.trim().is_empty())
                    .unwrap_or("Status history");
                doc["title"] = value(title);
                // Only a URL `check` takes as `base_url`; else a placeholder to edit.
                let url = catalog
                    .url
                    .as_deref()
                    .and_then(|u| crate::input::config::normalize_base_url(u).ok())
                    .unwrap_or_else(|| "https://status.example.com/".to_string());
                doc["base_url"] = value(url);
                changes.push("create site.toml".to_string());
                doc
            }
        };
        let mut warnings = Vec::new();
        if doc.get("timezone").is_none() {
            if let Some(tz) = &catalog.timezone {
                if tz.parse::<chrono_tz::Tz>().is_ok() {
                    doc["timezone"] = value(tz.as_str());
                    changes.push(format!("set timezone = \"{tz}\" in site.toml"));
                } else {
                    warnings.push(format!(
                        "the page's time zone `{tz}` is not an IANA zone afterword knows; \
                         set `timezone` in site.toml yourself (UTC until then)"
                    ));
                }
            }
        }
        let severities: Vec<(String, String)> =
            match doc.get("severities").and_then(Item::as_array_of_tables) {
                Some(a) => a
                    .iter()
                    .filter_map(|t| {
                        let id = str_of(t, "id")?.to_string();
                        let impact = match str_of(t, "impact") {
                            Some(i) => i.to_string(),
                            None => {
                                let level = str_of(t, "level").and_then(Level::parse)?;
                                default_impact(&id, level).to_string()
                            }
                        };
                        Some((id, impact))
                    })
                    .collect(),
                None => default_severities()
                    .into_iter()
                    .map(|s| (s.id, s.impact))
                    .collect(),
            };
        Ok(SiteEdit {
            path,
            default_severities: doc.get("severities").is_none(),
            groups: pairs(&doc, "groups"),
            components: pairs(&doc, "components"),
            severities,
            doc,
            original,
            changes,
            warnings,
            catalog_groups: catalog.groups.clone(),
            catalog_components: catalog.components.clone(),
        })
    }

    fn push(&mut self, key: &str, mut t: Table) {
        t.decor_mut().set_prefix("\n");
        let entry = self
            .doc
            .entry(key)
            .or_insert_with(|| Item::ArrayOfTables(ArrayOfTables::new()));
        if let Some(a) = entry.as_array_of_tables_mut() {
            a.push(t);
        }
    }

    /// A new id from `name`, unused among `taken`.
    fn fresh_id(name: &str, fallback: &str, taken: &[(String, String)]) -> String {
        let mut base = crate::util::slug::slugify(name);
        if base.is_empty() {
            base = fallback.to_string();
        }
        // An id is a folder name in the output (`components/<id>/`): a long name gives a
        // short id plus a hash of the name, like an incident's slug.
        if base.len() > super::MAX_SLUG_BYTES {
            base = super::hashed(&base, name);
        }
        let mut id = base.clone();
        let mut n = 2;
        while taken.iter().any(|(_, i)| *i == id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        id
    }

    fn group_id(&mut self, name: &str) -> String {
        if let Some((_, id)) = self
            .groups
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
        {
            return id.clone();
        }
        let id = Self::fresh_id(name, "group", &self.groups);
        let mut t = Table::new();
        t["id"] = value(id.as_str());
        t["name"] = value(name);
        if let Some(d) = self
            .catalog_groups
            .iter()
            .find(|g| g.name == name)
            .and_then(|g| g.description.clone())
            .filter(|d| !d.trim().is_empty())
        {
            t["description"] = value(d);
        }
        self.push("groups", t);
        self.changes
            .push(format!("add group `{id}` ({name}) to site.toml"));
        self.groups.push((name.to_string(), id.clone()));
        id
    }

    /// The id of the component called `c.name`, added (with what the catalog knows of it) if
    /// site.toml has none by that name.
    pub fn component_id(&mut self, c: &Component) -> String {
        // A component without a name cannot be shown: its incidents go under "unspecified".
        if c.name.trim().is_empty() {
            return self.unspecified_component();
        }
        if let Some((_, id)) = self
            .components
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(&c.name))
        {
            return id.clone();
        }
        let known = self
            .catalog_components
            .iter()
            .find(|k| k.name == c.name)
            .cloned()
            .unwrap_or_else(|| c.clone());
        let id = Self::fresh_id(&c.name, "component", &self.components);
        let mut t = Table::new();
        t["id"] = value(id.as_str());
        t["name"] = value(c.name.as_str());
        if let Some(d) = known.description.filter(|d| !d.trim().is_empty()) {
            t["description"] = value(d);
        }
        if let Some(g) = &known.group {
            t["group"] = value(self.group_id(g));
        }
        if let Some(d) = known.since {
            use chrono::Datelike;
            let date = toml_edit::Date {
                year: u16::try_from(d.year()).unwrap_or(1970),
                month: d.month() as u8,
                day: d.day() as u8,
            };
            t["since"] = value(toml_edit::Datetime {
                date: Some(date),
                time: None,
                offset: None,
            });
        }
        self.add_component(
            &c.name,
            &id,
            t,
            format!("add component `{id}` ({})", c.name),
        );
        id
    }

    /// Append a `[[components]]` table, note the change, and know `name` → `id` from now on.
    fn add_component(&mut self, name: &str, id: &str, t: Table, change: String) {
        self.push("components", t);
        self.changes.push(format!("{change} to site.toml"));
        self.components.push((name.to_string(), id.to_string()));
    }

    /// A hidden component for items that named none (afterword needs at least one).
    pub fn unspecified_component(&mut self) -> String {
        const NAME: &str = "Unspecified (imported)";
        if let Some((_, id)) = self.components.iter().find(|(n, _)| n == NAME) {
            return id.clone();
        }
        let id = Self::fresh_id("unspecified", "unspecified", &self.components);
        let mut t = Table::new();
        t["id"] = value(id.as_str());
        t["name"] = value(NAME);
        t["description"] = value(
            "Imported incidents that named no component. Hidden: listed on no status or \
             component page, but each incident keeps its own page.",
        );
        t["hidden"] = value(true);
        self.add_component(NAME, &id, t, format!("add hidden component `{id}`"));
        id
    }

    /// The id of the severity reporting `impact`, added if the site has none. A site on the
    /// default set gets the set written out first, since any `[[severities]]` replaces it.
    pub fn severity_for(&mut self, impact: &str) -> String {
        if let Some((id, _)) = self.severities.iter().find(|(_, i)| i == impact) {
            return id.clone();
        }
        if self.default_severities {
            self.default_severities = false;
            for s in default_severities() {
                let mut t = Table::new();
                t["id"] = value(s.id.as_str());
                t["name"] = value(s.name.as_str());
                t["color"] = value(s.color.as_str());
                t["level"] = value(s.level.id());
                self.push("severities", t);
            }
            self.changes.push(
                "write the default severities (minor, major, critical) into site.toml".into(),
            );
        }
        let (name, color, level) = match impact {
            "critical" => ("Critical", "#c92a2a", Level::MajorOutage),
            "major" => ("Major", "#e8590c", Level::PartialOutage),
            "minor" => ("Minor", "#d4a000", Level::DegradedPerformance),
            _ => ("None", "#6b7280", Level::DegradedPerformance),
        };
        let mut id = impact.to_string();
        let mut n = 2;
        while self.severities.iter().any(|(i, _)| *i == id) {
            id = format!("{impact}-{n}");
            n += 1;
        }
        let mut t = Table::new();
        t["id"] = value(id.as_str());
        t["name"] = value(name);
        t["color"] = value(color);
        t["level"] = value(level.id());
        t["impact"] = value(impact);
        self.push("severities", t);
        self.changes.push(format!(
            "add severity `{id}` (impact {impact}) to site.toml"
        ));
        self.severities.push((id.clone(), impact.to_string()));
        id
    }

    pub fn save(&self) -> Result<(), String> {
        let text = self.doc.to_string();
        if self.original.as_deref() == Some(text.as_str()) {
            return Ok(());
        }
        super::write_atomic(&self.path, text.as_bytes())
    }
}
