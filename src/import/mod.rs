//! `afterword import`: incident history from other tools, written as afterword files.
//!
//! Each source ([`statuspage`], [`cstate`]) reads its format into a [`Catalog`] (the site: its
//! name, zone, groups and components) and [`Item`]s (incidents and maintenances in neutral
//! terms: component *names*, Statuspage impacts, timeline statuses). [`apply`] then merges the
//! catalog into site.toml (`site.rs`) and writes one Markdown file per item (`file.rs`).
//!
//! Re-importing is idempotent: every written file starts with a marker naming its source and
//! id and a checksum of what was written, so a re-import finds the file again, rewrites it only
//! if the source changed, and leaves it alone once a person has edited it (unless `force`).

use chrono::{DateTime, FixedOffset, NaiveDate};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

pub mod cstate;
mod file;
pub mod html;
pub mod safe;
mod site;
pub mod statuspage;

pub type Time = DateTime<FixedOffset>;

/// The largest file the importers read (a Statuspage JSON file, a cState `config.yml` or issue)
/// and the largest they write: 10 MB.
pub const MAX_FILE_BYTES: u64 = 10_000_000;
/// The longest single value (a JSON or YAML string) an importer takes: 1 MB.
pub const MAX_VALUE_BYTES: usize = 1_000_000;
/// The deepest nesting of lists and maps a cState front matter may have (Statuspage JSON:
/// serde_json's limit, 128).
pub const MAX_YAML_DEPTH: usize = 64;
/// The longest slug an importer derives.
pub const MAX_SLUG_BYTES: usize = 64;

/// A file's bytes, refused (with its size and the limit) when over [`MAX_FILE_BYTES`].
pub(crate) fn read_capped(path: &Path) -> Result<Vec<u8>, String> {
    use std::io::Read;
    let f =
        std::fs::File::open(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let too_big = |n: u64| {
        format!(
            "{}: {n} bytes, over the import limit of {MAX_FILE_BYTES} bytes (10 MB) for one file",
            path.display()
        )
    };
    if let Ok(m) = f.metadata() {
        if m.len() > MAX_FILE_BYTES {
            return Err(too_big(m.len()));
        }
    }
    let mut bytes = Vec::new();
    f.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_big(bytes.len() as u64));
    }
    Ok(bytes)
}

/// A slug for an item whose source id is `id`: the id as a slug when that is not empty and at
/// most [`MAX_SLUG_BYTES`] long, else one made from the id (or the title) and a hash of the
/// id, so that it is never empty and never too long. The second value says why the id was not
/// used, for the report.
pub(crate) fn safe_slug(id: &str, title: &str) -> (String, Option<String>) {
    let from_id = crate::util::slug::slugify(id);
    if !from_id.is_empty() && from_id.len() <= MAX_SLUG_BYTES {
        return (from_id, None);
    }
    let base = if from_id.is_empty() {
        crate::util::slug::slugify(title)
    } else {
        from_id
    };
    let slug = hashed(&base, id);
    let why = if base.is_empty() || crate::util::slug::slugify(id).is_empty() {
        "has no letters or digits to make a URL of"
    } else {
        "is too long for a URL"
    };
    (
        slug.clone(),
        Some(format!("its id {why}; its slug is `{slug}`")),
    )
}

/// `base` cut short, then a hash of `id`: `api-errors-1f2e3d4c` (`incident-…` without a base).
pub(crate) fn hashed(base: &str, id: &str) -> String {
    let mut n = (MAX_SLUG_BYTES - 9).min(base.len());
    while !base.is_char_boundary(n) {
        n -= 1;
    }
    let base = base[..n].trim_end_matches('-');
    let base = if base.is_empty() { "incident" } else { base };
    let hash = xxhash_rust::xxh3::xxh3_64(id.as_bytes()) as u32;
    format!("{base}-{hash:08x}")
}

/// The site as the source describes it.
#[derive(Debug, Default)]
pub struct Catalog {
    pub title: Option<String>,
    pub url: Option<String>,
    /// An IANA zone name.
    pub timezone: Option<String>,
    pub groups: Vec<Group>,
    pub components: Vec<Component>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    pub name: String,
    pub description: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Component {
    pub name: String,
    pub description: Option<String>,
    /// A group name.
    pub group: Option<String>,
    pub since: Option<NaiveDate>,
}

impl Catalog {
    pub fn add_group(&mut self, g: Group) {
        match self.groups.iter_mut().find(|x| x.name == g.name) {
            Some(x) => {
                if x.description.is_none() {
                    x.description = g.description;
                }
            }
            None => self.groups.push(g),
        }
    }

    /// Add a component, or fill in what an earlier mention of the same name left out.
    pub fn add_component(&mut self, c: Component) {
        match self.components.iter_mut().find(|x| x.name == c.name) {
            Some(x) => {
                if x.description.is_none() {
                    x.description = c.description;
                }
                if x.group.is_none() {
                    x.group = c.group;
                }
                if x.since.is_none() {
                    x.since = c.since;
                }
            }
            None => self.components.push(c),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Incident,
    Maintenance,
}

/// One incident or maintenance, in the source's terms.
#[derive(Debug, Clone)]
pub struct Item {
    /// `statuspage` or `cstate`: with `id`, what a re-import recognises the file by.
    pub source: &'static str,
    pub id: String,
    pub slug: String,
    pub kind: Kind,
    pub title: String,
    /// Incidents: a Statuspage impact (`none`, `minor`, `major`, `critical`); it becomes the
    /// site's severity with that impact.
    pub impact: String,
    /// Component names.
    pub components: Vec<String>,
    /// Written only when the first timeline entry does not already say it.
    pub started: Option<Time>,
    /// Written only when the first `resolved` entry does not already say it.
    pub resolved: Option<Time>,
    /// Maintenance: the scheduled start and end.
    pub window: Option<(Time, Time)>,
    /// Oldest first.
    pub timeline: Vec<Update>,
    pub impacts: Vec<ImpactWindow>,
    /// The postmortem, Markdown.
    pub body: String,
    pub aliases: Vec<String>,
    pub draft: bool,
    /// Facts afterword has no field for, kept as comments in the front matter.
    pub notes: Vec<String>,
    /// Where it came from, for warnings: `incidents.json: incident abc123`, `issues/x.md`.
    pub origin: String,
    /// What the reader already removed from untrusted text (see [`safe`]).
    pub removed: safe::Removed,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Update {
    pub at: Time,
    pub status: String,
    /// Markdown.
    pub message: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ImpactWindow {
    /// A component name.
    pub component: String,
    /// `degraded_performance`, `partial_outage` or `major_outage`.
    pub level: String,
    /// `None`: from the incident's start.
    pub start: Option<Time>,
    /// `None`: to the incident's end.
    pub end: Option<Time>,
}

impl Item {
    /// Every instant in the item, with what it is.
    fn times(&self) -> Vec<(&'static str, Time)> {
        let mut v: Vec<(&'static str, Time)> = Vec::new();
        v.extend(self.started.map(|t| ("started", t)));
        v.extend(self.resolved.map(|t| ("resolved", t)));
        if let Some((a, b)) = self.window {
            v.push(("scheduled start", a));
            v.push(("scheduled end", b));
        }
        v.extend(self.timeline.iter().map(|u| ("timeline entry", u.at)));
        for w in &self.impacts {
            v.extend(w.start.map(|t| ("impact start", t)));
            v.extend(w.end.map(|t| ("impact end", t)));
        }
        v
    }

    /// The item as it may be written: every time in the supported range (else an error saying
    /// which is not), text without control characters, and untrusted Markdown made safe. The
    /// second value is what was removed, if anything.
    fn prepared(&self) -> Result<(Item, Option<String>), String> {
        for (what, t) in self.times() {
            crate::util::timefmt::check_range(t.with_timezone(&chrono::Utc))
                .map_err(|e| format!("its {what} {e}"))?;
        }
        let mut removed = self.removed.clone();
        let r = &mut removed;
        let mut item = self.clone();
        item.title = safe::text(&item.title, r);
        if item.title.trim().is_empty() {
            // Nothing but control characters: the id stands in, as for a missing name.
            item.title = safe::text(&item.id, r);
            if item.title.trim().is_empty() {
                item.title = "Untitled".to_string();
            }
        }
        item.components = item.components.iter().map(|c| safe::text(c, r)).collect();
        for w in &mut item.impacts {
            w.component = safe::text(&w.component, r);
        }
        for u in &mut item.timeline {
            u.message = safe::markdown(&safe::text(&u.message, r), r);
        }
        item.body = safe::markdown(&safe::text(&item.body, r), r);
        item.notes = item.notes.iter().map(|n| safe::text(n, r)).collect();
        item.aliases = item
            .aliases
            .iter()
            .map(|a| safe::text(a, r))
            .filter(|a| safe::url_ok(a))
            .collect();
        let said = (!removed.is_empty()).then(|| removed.describe());
        Ok((item, said))
    }

    /// The day the file name starts with, in the source's own offset.
    fn day(&self) -> Option<NaiveDate> {
        self.started
            .or(self.window.map(|w| w.0))
            .or(self.timeline.first().map(|u| u.at))
            .map(|t| t.date_naive())
    }
}

/// Statuses in time order as the source gave them; a status that repeats the one in force
/// becomes `update`, the label Statuspage shows for it.
pub fn mark_repeats(timeline: &mut [Update]) {
    let mut current: Option<String> = None;
    for u in timeline {
        if current.as_deref() == Some(u.status.as_str()) {
            u.status = "update".to_string();
        } else if u.status != "update" {
            current = Some(u.status.clone());
        }
    }
}

pub struct Options {
    /// The site folder (site.toml, content/).
    pub root: PathBuf,
    /// Report what would change, and change nothing.
    pub dry_run: bool,
    /// Overwrite imported files even where they were edited by hand.
    pub force: bool,
}

/// What an import did (or, with `dry_run`, would do).
#[derive(Debug, Default)]
pub struct Report {
    /// One line per change: `create content/…`, `update …`, `add component …`.
    pub actions: Vec<String>,
    /// Things the user should know: fields without a home, guesses, skipped files.
    pub warnings: Vec<String>,
    pub created: usize,
    pub updated: usize,
    pub unchanged: usize,
    /// Files left alone because they were edited after the last import.
    pub kept: usize,
}

/// Where to import from.
pub enum Source<'a> {
    /// Statuspage API JSON files.
    Statuspage(&'a [PathBuf]),
    /// A cState site folder.
    Cstate(&'a Path),
}

/// Read `source` and write it into the site at `opts.root`.
pub fn run(source: Source, opts: &Options) -> Result<Report, String> {
    let mut catalog = Catalog::default();
    let mut report = Report::default();
    let items = match source {
        Source::Statuspage(files) => statuspage::read(files, &mut catalog, &mut report)?,
        Source::Cstate(dir) => cstate::read(dir, &mut catalog, &mut report)?,
    };
    apply(&catalog, &items, opts, &mut report)?;
    // Warnings name files, ids and titles from the export: a line break or an escape sequence
    // in one must not forge a line (or a CI annotation) of the report.
    for line in report.warnings.iter_mut().chain(report.actions.iter_mut()) {
        if line.chars().any(char::is_control) {
            *line = line
                .chars()
                .map(|c| match c {
                    c if c.is_control() => c.escape_default().to_string(),
                    c => c.to_string(),
                })
                .collect();
        }
    }
    Ok(report)
}

/// Merge `catalog` into site.toml and write `items` under `content/`.
pub fn apply(
    catalog: &Catalog,
    items: &[Item],
    opts: &Options,
    report: &mut Report,
) -> Result<(), String> {
    let catalog = &clean_catalog(catalog);
    let mut site = site::SiteEdit::open(&opts.root, catalog)?;
    for c in catalog
        .components
        .iter()
        .filter(|c| !c.name.trim().is_empty())
    {
        site.component_id(c);
    }
    let content = opts.root.join("content");
    let mut known = file::scan(&content)?;
    let mut taken: Vec<PathBuf> = Vec::new();
    // Slugs other files hold: every file but those of the items imported now.
    let own: std::collections::HashSet<&PathBuf> = items
        .iter()
        .filter_map(|i| known.get(&(i.source.to_string(), i.id.clone())))
        .map(|f| &f.path)
        .collect();
    let mut slugs: std::collections::HashSet<String> = file::slugs(&content)
        .into_iter()
        .filter(|(p, _)| !own.contains(p))
        .map(|(_, s)| s)
        .collect();
    // Oldest first, so that new files are reported (and, on a name clash, numbered) in order.
    let mut items: Vec<&Item> = items.iter().collect();
    items.sort_by(|a, b| (a.day(), &a.id).cmp(&(b.day(), &b.id)));
    for item in items {
        let item = match item.prepared() {
            Ok((item, removed)) => {
                if let Some(r) = removed {
                    report.warnings.push(format!("{}: {r}", item.origin));
                }
                item
            }
            Err(e) => {
                report
                    .warnings
                    .push(format!("{}: {e}; skipped", item.origin));
                continue;
            }
        };
        let mut item = item;
        unique_slug(&mut item, &mut slugs, report);
        let item = &item;
        let text = render_item(item, &mut site);
        if text.len() as u64 > MAX_FILE_BYTES {
            report.warnings.push(format!(
                "{}: the file it would make is {} bytes, over the limit of {MAX_FILE_BYTES} bytes \
                 (10 MB); skipped",
                item.origin,
                text.len()
            ));
            continue;
        }
        let existing = known.remove(&(item.source.to_string(), item.id.clone()));
        let path = match &existing {
            Some(found) => found.path.clone(),
            None => file::free_path(&content, item, &taken),
        };
        taken.push(path.clone());
        write_item(&path, existing, &text, opts, report)?;
    }
    report.actions.extend(site.changes.iter().cloned());
    report.warnings.extend(site.warnings.iter().cloned());
    if !opts.dry_run {
        site.save()?;
        // Even when nothing was imported (every item skipped), the site is one `check` and
        // `build` take: they need a content/ folder.
        std::fs::create_dir_all(&content)
            .map_err(|e| format!("cannot create {}: {e}", content.display()))?;
    }
    Ok(())
}

/// Give `item` a slug no other file holds (its own, else one hashed from its id), and take it.
fn unique_slug(
    item: &mut Item,
    slugs: &mut std::collections::HashSet<String>,
    report: &mut Report,
) {
    if slugs.contains(&item.slug) {
        let base = item.slug.clone();
        item.slug = hashed(&base, &item.id);
        // Should even that be taken, the id with a counter is hashed instead.
        let mut n = 2;
        while slugs.contains(&item.slug) {
            item.slug = hashed(&base, &format!("{}#{n}", item.id));
            n += 1;
        }
        report.warnings.push(format!(
            "{}: another incident has the same slug; its slug is `{}`",
            item.origin, item.slug
        ));
    }
    slugs.insert(item.slug.clone());
}

/// The file's text for `item`, its components and severity taken from (or added to) the site.
fn render_item(item: &Item, site: &mut site::SiteEdit) -> String {
    let mut names = BTreeMap::new();
    for name in item
        .components
        .iter()
        .chain(item.impacts.iter().map(|w| &w.component))
    {
        let id = site.component_id(&Component {
            name: name.clone(),
            description: None,
            group: None,
            since: None,
        });
        names.insert(name.clone(), id);
    }
    if item.components.is_empty() {
        names.insert(String::new(), site.unspecified_component());
    }
    let severity = match item.kind {
        Kind::Incident => Some(site.severity_for(&item.impact)),
        Kind::Maintenance => None,
    };
    file::render(item, &names, severity.as_deref())
}

/// Write `text` to `path` unless it is already there or was edited by hand (without
/// `--force`), counting and reporting what was done.
fn write_item(
    path: &Path,
    existing: Option<file::Found>,
    text: &str,
    opts: &Options,
    report: &mut Report,
) -> Result<(), String> {
    let shown = path.strip_prefix(&opts.root).unwrap_or(path).display();
    let action = match existing {
        None => {
            report.created += 1;
            format!("create {shown}")
        }
        Some(found) if found.text == text => {
            report.unchanged += 1;
            return Ok(());
        }
        Some(found) if !found.pristine && !opts.force => {
            report.kept += 1;
            report.warnings.push(format!(
                "{shown}: edited since it was imported, so it was left as it is \
                 (--force overwrites it)"
            ));
            return Ok(());
        }
        Some(_) => {
            report.updated += 1;
            format!("update {shown}")
        }
    };
    report.actions.push(action);
    if !opts.dry_run {
        write_atomic(path, text.as_bytes())?;
    }
    Ok(())
}

/// The catalog with control characters removed from its text, as items' names are.
fn clean_catalog(c: &Catalog) -> Catalog {
    let mut r = safe::Removed::default();
    let mut t = |s: &str| safe::text(s, &mut r);
    Catalog {
        title: c.title.as_deref().map(&mut t),
        url: c.url.as_deref().map(&mut t),
        timezone: c.timezone.clone(),
        groups: c
            .groups
            .iter()
            .map(|g| Group {
                name: t(&g.name),
                description: g.description.as_deref().map(&mut t),
            })
            .collect(),
        components: c
            .components
            .iter()
            .map(|x| Component {
                name: t(&x.name),
                description: x.description.as_deref().map(&mut t),
                group: x.group.as_deref().map(&mut t),
                since: x.since,
            })
            .collect(),
    }
}

/// Write through a temporary file in the same folder, so a file is never half-written.
fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), String> {
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let mut tmp = tempfile::NamedTempFile::new_in(dir)
        .map_err(|e| format!("cannot write in {}: {e}", dir.display()))?;
    std::io::Write::write_all(&mut tmp, bytes)
        .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    tmp.persist(path)
        .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    Ok(())
}

/// Parse a time the way both sources write them: RFC 3339, or (cState) a local time read as
/// UTC: `2018-04-13 15:54:00`, `2018-04-13T15:54`, or a date alone (midnight).
pub fn parse_time(s: &str) -> Option<Time> {
    let s = s.trim();
    if let Ok(t) = DateTime::parse_from_rfc3339(s) {
        return Some(t);
    }
    if let Ok(t) = DateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S %z") {
        return Some(t);
    }
    let utc = FixedOffset::east_opt(0)?;
    for f in [
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%d %H:%M",
        "%Y-%m-%dT%H:%M",
    ] {
        if let Ok(t) = chrono::NaiveDateTime::parse_from_str(s, f) {
            return t.and_local_timezone(utc).single();
        }
    }
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .ok()
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .and_then(|t| t.and_local_timezone(utc).single())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn u(status: &str) -> Update {
        Update {
            at: parse_time("2024-01-01T00:00:00Z").unwrap(),
            status: status.into(),
            message: String::new(),
        }
    }

    #[test]
    fn repeated_statuses_become_updates() {
        let mut t: Vec<Update> = ["investigating", "investigating", "identified", "identified"]
            .iter()
            .map(|s| u(s))
            .collect();
        mark_repeats(&mut t);
        let got: Vec<&str> = t.iter().map(|u| u.status.as_str()).collect();
        assert_eq!(got, ["investigating", "update", "identified", "update"]);
    }

    #[test]
    fn times() {
        let t = parse_time("2018-04-13 15:54:00").unwrap();
        assert_eq!(t.to_rfc3339(), "2018-04-13T15:54:00+00:00");
        let t = parse_time("2024-04-08T12:18:00.123-07:00").unwrap();
        assert_eq!(t.offset().local_minus_utc(), -7 * 3600);
        assert_eq!(
            parse_time("2018-04-13").unwrap().to_rfc3339(),
            "2018-04-13T00:00:00+00:00"
        );
        assert!(parse_time("yesterday").is_none());
    }
}
