//! The build pipeline: config → load → validate → model → render → output, as one call.

pub mod cache;

use crate::check::{lint, validate};
use crate::diag::Diagnostic;
use crate::input::config::{self, Config};
use crate::input::{load, theme};
use crate::output::{DiskSink, Origin, Recorder, Sink, Staging};
use crate::render;
use crate::util::fsutil::{absolute, display_path};
use chrono::{DateTime, Utc};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::time::Instant;

pub struct BuildOptions {
    pub root: PathBuf,
    /// Default: `<root>/public`.
    pub output: Option<PathBuf>,
    pub base_url: Option<String>,
    pub drafts: bool,
    /// Replace the output folder even when it holds files the previous build did not write.
    pub force: bool,
    pub now: DateTime<Utc>,
    /// Keep what this build made for the next one, and reuse what the last one kept
    /// (`.afterword/build-cache` and a spare tree beside the output: see [`cache`]).
    pub cache: bool,
    /// Told each stage as it ends ("checked 10000 files in 0.41s"), for progress on long
    /// builds.
    pub progress: Option<&'static (dyn Fn(&str) + Sync)>,
    /// A test seam, not a build option: `None` (what every caller but a test gives) asks
    /// [`crate::output::can_swap`] whether the output folder can be swapped in one step; a
    /// test gives a function that says no, to build as on a platform or file system without
    /// the swap (tests/build_cache.rs).
    #[doc(hidden)]
    pub can_swap_for_tests: Option<fn(&Path) -> bool>,
}

#[derive(Debug)]
pub struct BuildReport {
    /// Warnings about valid files (`afterword check` lists them too).
    pub warnings: Vec<Diagnostic>,
    /// Warnings about the build itself (an old output folder that could not be removed).
    pub notes: Vec<String>,
    pub incidents: usize,
    pub pages: usize,
    pub files: usize,
    /// Files kept from the last build by their key (the build cache), never rendered.
    pub kept: usize,
    /// Incidents whose Markdown was rendered (the others' pages were kept).
    pub markdown: usize,
    pub output: PathBuf,
    pub seconds: f64,
}

/// Why a build failed. Its text is what `afterword build` prints: the problems, if any, then the
/// [`BuildError::summary`] line.
#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    /// Problems in the site's files, every one of them, sorted by file and line.
    #[error("{}", invalid_text(.0))]
    Invalid(Vec<Diagnostic>),
    /// `--base-url` is not a base URL.
    #[error("error: --base-url: {0}")]
    BaseUrl(String),
    /// The render failed for another reason than a template with a place (which is
    /// [`BuildError::Invalid`]).
    #[error("error: {0}")]
    Render(#[from] render::RenderError),
    /// The output folder cannot be used or replaced as asked: why, and what to do instead.
    #[error("error: {0}")]
    Output(String),
    /// The staged folder beside the output folder cannot be created.
    #[error("error: cannot create a folder beside {}: {source}", .output.display())]
    Stage {
        output: PathBuf,
        source: std::io::Error,
    },
    /// The staged folder cannot be written.
    #[error("error: cannot write into {}: {source}", .staged.display())]
    WriteStaged {
        staged: PathBuf,
        source: std::io::Error,
    },
    /// The staged folder of a build that changed nothing cannot be removed.
    #[error("error: cannot remove a temporary folder beside {}: {source}", .output.display())]
    Discard {
        output: PathBuf,
        source: std::io::Error,
    },
    /// The output folder cannot be replaced by the staged one.
    #[error("error: cannot replace {}: {source}", .output.display())]
    Replace {
        output: PathBuf,
        source: std::io::Error,
    },
    /// A bug: a panic while `doing` something (`afterword serve` survives it).
    #[error("error: afterword hit an internal error while {doing}: {panic}; please report it")]
    Internal { doing: &'static str, panic: String },
}

/// Every problem, then the closing line.
fn invalid_text(ds: &[Diagnostic]) -> String {
    let mut out = String::new();
    for d in ds {
        out.push_str(&format!("{d}\n"));
    }
    out.push_str(&invalid_summary(ds));
    out
}

/// "error: 3 problems in 2 files; nothing was written".
fn invalid_summary(ds: &[Diagnostic]) -> String {
    let files: std::collections::BTreeSet<_> = ds.iter().map(|d| &d.path).collect();
    format!(
        "error: {} problem{} in {} file{}; nothing was written",
        ds.len(),
        if ds.len() == 1 { "" } else { "s" },
        files.len(),
        if files.len() == 1 { "" } else { "s" }
    )
}

impl BuildError {
    /// The closing line of a failed build: "error: 3 problems in 2 files; nothing was written".
    pub fn summary(&self) -> String {
        match self {
            BuildError::Invalid(ds) => invalid_summary(ds),
            e => e.to_string(),
        }
    }
}

/// The validated site, ready to render.
pub struct Site {
    pub config: Config,
    /// Newest first.
    pub incidents: Vec<std::sync::Arc<crate::model::Incident>>,
    /// Newest window first.
    pub maintenances: Vec<std::sync::Arc<crate::model::Incident>>,
    /// Loaded once, checked by `analyze`, used by `render_site`.
    pub theme: theme::Theme,
    /// The site's language: messages and formatters, made once (docs/i18n.md).
    pub locale: std::sync::Arc<crate::util::timefmt::Locale>,
}

/// Read and validate the whole site, reporting every problem in every file.
pub fn load_site(
    root: &Path,
    base_url: Option<&str>,
    drafts: bool,
    now: DateTime<Utc>,
) -> Result<Site, BuildError> {
    site_or_errors(analyze(root, base_url, drafts, now, None)?).map(|(site, _)| site)
}

/// What [`analyze`] found, as a build needs it: the site and its warnings when there is no
/// error, else every error.
pub fn site_or_errors(
    (site, diags): (Option<Site>, Vec<Diagnostic>),
) -> Result<(Site, Vec<Diagnostic>), BuildError> {
    let (errors, warnings): (Vec<Diagnostic>, Vec<Diagnostic>) = diags
        .into_iter()
        .partition(|d| d.severity == crate::diag::Severity::Error);
    match site {
        Some(site) if errors.is_empty() => Ok((site, warnings)),
        _ => Err(BuildError::Invalid(errors)),
    }
}

/// What one build can hand the next (`afterword serve`): parsed files, per-file validation
/// and lint, rendered Markdown. Every cache is keyed on its inputs, so a stale entry is never
/// used.
#[derive(Default)]
pub struct Caches {
    pub files: load::FileCache,
    pub checked: CheckedFiles,
    pub render: render::Memo,
}

/// One file through validate and lint: its incident if valid, its diagnostics (errors, or
/// warnings of a valid file), and its links for the check across files.
struct Checked {
    path: PathBuf,
    incident: Option<std::sync::Arc<crate::model::Incident>>,
    diagnostics: Vec<Diagnostic>,
    links: Vec<lint::PendingLink>,
    related: Vec<validate::PendingRelated>,
}

impl Checked {
    fn new(config: &Config, raw: &load::RawIncident, now: DateTime<Utc>) -> Checked {
        let (incident, diagnostics, links, related) = match validate::validate(config, raw) {
            Ok(i) => {
                let (warnings, links) = lint::lint(config, raw, &i, now);
                let related = validate::pending_related(raw, &i);
                (Some(std::sync::Arc::new(i)), warnings, links, related)
            }
            Err(errors) => (None, errors, Vec::new(), Vec::new()),
        };
        Checked {
            path: raw.path.clone(),
            incident,
            diagnostics,
            links,
            related,
        }
    }
}

/// A [`Checked`] file as `build`'s on-disk cache keeps it: the incident without its body
/// (which the next build takes from the file it reads anyway), and where the body starts.
#[derive(serde::Serialize, serde::Deserialize)]
pub struct StoredChecked {
    path: PathBuf,
    /// Shared with the build's own incident (serde writes what it points to).
    incident: Option<std::sync::Arc<crate::model::Incident>>,
    body_start: usize,
    diagnostics: Vec<Diagnostic>,
    links: Vec<lint::PendingLink>,
    related: Vec<validate::PendingRelated>,
}

impl StoredChecked {
    fn of(c: &Checked, body_start: usize) -> StoredChecked {
        StoredChecked {
            path: c.path.clone(),
            incident: c.incident.clone(),
            body_start,
            diagnostics: c.diagnostics.clone(),
            links: c.links.clone(),
            related: c.related.clone(),
        }
    }

    /// The checked file again, its body from `bytes` (the file's, whose hash found this):
    /// `None` if they do not hold a body where this says.
    fn to_checked(&self, bytes: &[u8]) -> Option<Checked> {
        let incident = match &self.incident {
            Some(i) => {
                let body = load::text_of(bytes).ok()?.get(self.body_start..)?;
                let mut i = crate::model::Incident::clone(i);
                i.body = std::sync::Arc::from(body);
                Some(std::sync::Arc::new(i))
            }
            None => None,
        };
        Some(Checked {
            path: self.path.clone(),
            incident,
            diagnostics: self.diagnostics.clone(),
            links: self.links.clone(),
            related: self.related.clone(),
        })
    }
}

/// What `build`'s on-disk cache keeps of the checked content files: each file's check by the
/// hash of what it is read from ([`load::content_hash`]), valid for one site.toml and `now`
/// (`key`, [`checked_key`]). A build fills `key` and `files` anew for the next one.
#[derive(Default)]
pub struct KeptChecks {
    pub key: u64,
    pub by_hash: rustc_hash::FxHashMap<u64, std::sync::Arc<StoredChecked>>,
    pub files: Vec<(u64, std::sync::Arc<StoredChecked>)>,
}

/// What every file's check depends on besides the file: site.toml (as read, with
/// `--base-url` and the language's names) and `now`.
fn checked_key(config: &Config, now: DateTime<Utc>) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = xxhash_rust::xxh3::Xxh3Default::new();
    (config, now).hash(&mut h);
    h.finish()
}

/// [`Checked`] files kept between builds, by fingerprint (path and text), for one site.toml
/// and `now`.
#[derive(Default)]
pub struct CheckedFiles {
    key: u64,
    by_fingerprint: rustc_hash::FxHashMap<u64, std::sync::Arc<Checked>>,
}

/// Read, validate and lint the whole site: the site when it has no errors, and every
/// diagnostic (errors and warnings), sorted. With `caches` (`afterword serve`), what did not
/// change since the last call is reused, and kept for the next.
///
/// The stages, in turn: site.toml and the theme; then each file, as soon as `load` has parsed
/// it, through `validate` and (when valid) `lint`; then the checks across files (links between
/// incidents, `lint`; duplicate slugs, `validate`; bundle files, here).
pub fn analyze(
    root: &Path,
    base_url: Option<&str>,
    drafts: bool,
    now: DateTime<Utc>,
    caches: Option<&mut Caches>,
) -> Result<(Option<Site>, Vec<Diagnostic>), BuildError> {
    analyze_with(root, base_url, drafts, now, caches, None)
}

/// [`analyze`], with `build`'s on-disk cache of checked files when `kept` is given (then it
/// holds, afterwards, what the next build can keep).
fn analyze_with(
    root: &Path,
    base_url: Option<&str>,
    drafts: bool,
    now: DateTime<Utc>,
    caches: Option<&mut Caches>,
    kept: Option<&mut KeptChecks>,
) -> Result<(Option<Site>, Vec<Diagnostic>), BuildError> {
    // With problems in site.toml, the content is still checked against what could be read.
    let (config, config_diags) = config::load_partial(root);
    let Some(mut config) = config else {
        return Ok((None, crate::diag::Diagnostics(config_diags).sorted()));
    };
    if let Some(url) = base_url {
        config.base_url = config::normalize_base_url(url).map_err(BuildError::BaseUrl)?;
    }
    // The theme and its templates, as `build` would load them.
    let site_toml = display_path(&root.join(config::FILE_NAME));
    let theme = theme::load(&config.root, &config.theme);
    let mut theme_problem = theme_problems(&theme, &site_toml, &config);
    // The site's language, from the theme's catalogues and the site's.
    let locale = match &theme {
        Ok(t) => {
            let (locale, problems) = crate::input::i18n::load(&config, t);
            theme_problem.extend(problems);
            if let Some(l) = &locale {
                name_defaults(&mut config, &l.text);
            }
            locale
        }
        Err(_) => None,
    };
    let content = root.join("content");
    if !content.is_dir() {
        let mut diags = config_diags;
        diags.extend(theme_problem);
        diags.push(
            Diagnostic::file(&display_path(&content), "the content folder does not exist")
                .with_help("put incident files in content/ (see `afterword new`)")
                .with_code(crate::diag::codes::NO_CONTENT),
        );
        return Ok((None, crate::diag::Diagnostics(diags).sorted()));
    }
    // Load, validate and lint each file (in parallel); without caches each file is freed as
    // soon as it is checked.
    let check = |raw: &load::RawIncident| Checked::new(&config, raw, now);
    let (all, more, mut diags) = match (caches, kept) {
        (None, None) => {
            let (checked, diags) = load::load_each(&content, None, check);
            let (all, more) = across_files(checked.iter(), drafts);
            (all, more, diags)
        }
        (None, Some(kept)) => {
            let key = checked_key(&config, now);
            let usable = kept.key == key;
            let by_hash = &kept.by_hash;
            let (items, diags) = load::load_each_kept(
                &content,
                |hash, bytes| {
                    let stored = by_hash.get(&hash).filter(|_| usable)?;
                    Some((hash, stored.clone(), stored.to_checked(bytes)?))
                },
                |raw, hash| {
                    let c = check(raw);
                    (
                        hash,
                        std::sync::Arc::new(StoredChecked::of(&c, raw.body_start)),
                        c,
                    )
                },
            );
            let (all, more) = across_files(items.iter().map(|(_, _, c)| c), drafts);
            kept.key = key;
            kept.by_hash = Default::default();
            kept.files = items.into_iter().map(|(h, st, _)| (h, st)).collect();
            (all, more, diags)
        }
        (Some(Caches { files, checked, .. }), _) => {
            let key = xxhash_rust::xxh3::xxh3_64(format!("{config:?}{now:?}").as_bytes());
            if checked.key != key {
                checked.by_fingerprint.clear();
                checked.key = key;
            }
            let kept = &checked.by_fingerprint;
            let (now_checked, diags) = load::load_each(&content, Some(files), |raw| {
                let c = kept.get(&raw.fingerprint).cloned();
                (raw.fingerprint, c.unwrap_or_else(|| check(raw).into()))
            });
            checked.by_fingerprint = now_checked.iter().cloned().collect();
            let (all, more) = across_files(now_checked.iter().map(|(_, c)| &**c), drafts);
            (all, more, diags)
        }
    };
    diags.extend(crate::diag::Diagnostics(config_diags));
    diags.extend(crate::diag::Diagnostics(theme_problem));
    diags.extend(crate::diag::Diagnostics(more));
    diags.extend(crate::diag::Diagnostics(bundle_conflicts(&all)));
    let diags = diags.sorted();
    let (theme, locale) = match (theme, locale) {
        (Ok(t), Some(l))
            if !diags
                .iter()
                .any(|d| d.severity == crate::diag::Severity::Error) =>
        {
            (t, l)
        }
        _ => return Ok((None, diags)),
    };
    let newest_first = |a: &std::sync::Arc<crate::model::Incident>,
                        b: &std::sync::Arc<crate::model::Incident>| {
        b.started.cmp(&a.started).then_with(|| a.slug.cmp(&b.slug))
    };
    // The site as it stood at `now`: what was written after it is left out.
    let (mut maintenances, mut incidents): (Vec<_>, Vec<_>) = all
        .iter()
        .filter_map(|i| crate::model::as_of(i, now))
        .partition(|i| i.is_maintenance());
    maintenances.sort_by(newest_first);
    incidents.sort_by(newest_first);
    Ok((
        Some(Site {
            config,
            incidents,
            maintenances,
            theme,
            locale,
        }),
        diags,
    ))
}

/// The theme's names and descriptions, in the site's language, for the severities, factors and
/// detection methods site.toml does not list (its own are shown as written).
fn name_defaults(config: &mut Config, text: &crate::util::i18n::Catalogue) {
    let name = |prefix: &str, id: &str| {
        let key = format!("{prefix}-{}", id.replace('_', "-"));
        (text.get(&key), text.get(&format!("{key}.description")))
    };
    if !config.declared.severities {
        for s in &mut config.severities {
            (s.name, s.description) = name("severity", &s.id);
        }
    }
    if !config.declared.factors {
        for f in &mut config.factors {
            (f.name, f.description) = name("factor", &f.id);
        }
    }
    if !config.declared.detection_methods {
        for d in &mut config.detection_methods {
            (d.name, d.description) = name("detection", &d.id);
        }
    }
}

/// Every file's diagnostics (in path order), then the checks across files: links to other
/// incidents and files, related drafts (`lint`), related incidents that do not exist, duplicate
/// slugs (`validate`). The valid incidents (drafts
/// only when `drafts`), in path order.
fn across_files<'a>(
    checked: impl Iterator<Item = &'a Checked> + Clone,
    drafts: bool,
) -> (Vec<std::sync::Arc<crate::model::Incident>>, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let mut incidents = Vec::new();
    let mut paths = Vec::new();
    for c in checked.clone() {
        incidents.extend(c.incident.clone());
        diags.extend(c.diagnostics.iter().cloned());
        paths.push(c.path.clone());
    }
    diags.extend(lint::broken_links(
        checked.clone().flat_map(|c| &c.links),
        &incidents,
        &paths,
    ));
    let failed: Vec<&Path> = checked
        .clone()
        .filter(|c| c.incident.is_none())
        .map(|c| c.path.as_path())
        .collect();
    diags.extend(validate::unknown_related(
        checked.clone().flat_map(|c| &c.related),
        &incidents,
        &failed,
    ));
    diags.extend(lint::related_drafts(
        checked.flat_map(|c| &c.related),
        &incidents,
    ));
    incidents.sort_by(|a, b| a.path.cmp(&b.path));
    diags.extend(validate::duplicate_slugs(&incidents));
    if !drafts {
        incidents.retain(|i| !i.draft);
    }
    (incidents, diags)
}

/// The files afterword generates in every incident's and maintenance's folder.
const PAGE_FOLDER_FILES: &[&str] = &["index.html", "index.json"];

/// Bundle files that would replace a page's own generated files (E0027), found before
/// rendering so `check` reports them beside every other problem. Rendering finds every other
/// output conflict ([`output_problems`]).
fn bundle_conflicts(all: &[std::sync::Arc<crate::model::Incident>]) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for i in all {
        let Some(bundle) = &i.bundle else { continue };
        for asset in &i.assets {
            let Some(name) = asset.to_str().filter(|a| PAGE_FOLDER_FILES.contains(a)) else {
                continue;
            };
            out.push(
                Diagnostic::file(
                    &i.path,
                    format!(
                        "the bundle file {} would be published as `{}`, which afterword generates for this incident: one would silently replace the other",
                        display_path(&bundle.join(asset)).display(),
                        render::route_of(i).beside(name),
                    ),
                )
                .with_help("rename the bundle file")
                .with_code(crate::diag::codes::OUTPUT_CONFLICT),
            );
        }
    }
    out
}

/// At the `theme` line of site.toml when it is set, else on the file.
fn at_theme(site_toml: &Path, config: &Config, msg: impl Into<String>) -> Diagnostic {
    match config.theme_at {
        Some((line, col, len)) => {
            let mut d = Diagnostic::point(site_toml, line, col, msg);
            d.len = len;
            d
        }
        None => Diagnostic::file(site_toml, msg),
    }
}

/// What is wrong with the theme: templates it lacks, a template that does not compile, or a
/// theme that could not be loaded.
fn theme_problems(
    theme: &Result<theme::Theme, String>,
    site_toml: &Path,
    config: &Config,
) -> Vec<Diagnostic> {
    match theme {
        Ok(t) => {
            let missing = t.missing_templates();
            (!missing.is_empty())
                .then(|| missing_templates(site_toml, config, &missing))
                .into_iter()
                .chain(
                    render::compile(t)
                        .err()
                        .map(|e| theme_diagnostic(site_toml, config, &e)),
                )
                .collect()
        }
        Err(e) => vec![theme_diagnostic(site_toml, config, e)],
    }
}

/// A theme that lacks templates afterword renders with.
fn missing_templates(site_toml: &Path, config: &Config, missing: &[&str]) -> Diagnostic {
    let list = missing
        .iter()
        .map(|t| format!("`{t}`"))
        .collect::<Vec<_>>()
        .join(", ");
    at_theme(
        site_toml,
        config,
        format!(
            "theme `{}` has no template {list}: every theme needs {}",
            config.theme,
            theme::REQUIRED_TEMPLATES.join(", ")
        ),
    )
    .with_help("add the missing templates to the theme's templates/ or to the site's templates/")
    .with_code(crate::diag::codes::TEMPLATE_RENDER)
}

/// A problem with the theme: its text and, for a template Tera names a place in, the place.
trait ThemeProblem: std::fmt::Display {
    fn place(&self) -> Option<render::TemplatePlace> {
        None
    }
}

/// A theme that cannot be loaded.
impl ThemeProblem for String {}

impl ThemeProblem for render::RenderError {
    fn place(&self) -> Option<render::TemplatePlace> {
        render::RenderError::place(self)
    }
}

/// A theme problem as a diagnostic: at the template's `path:line:col` when Tera names one,
/// else at the `theme` line of site.toml.
fn theme_diagnostic(site_toml: &Path, config: &Config, e: &dyn ThemeProblem) -> Diagnostic {
    let d = match e.place() {
        Some(p) => Diagnostic::point(
            Path::new(&p.file),
            p.line,
            p.column,
            format!("the template does not compile: {}", p.message),
        )
        .with_help("fix the template (Tera syntax: https://keats.github.io/tera/docs/)"),
        None => at_theme(site_toml, config, e.to_string())
            .with_help("set `theme` in site.toml to a folder under themes/, or remove it"),
    };
    d.with_code(crate::diag::codes::THEME)
}

/// The output folder itself when `output` is a symbolic link to one (`public -> /var/www/x`):
/// the build replaces the folder the link points to, and the link stays as it is. Swapping the
/// link itself for a folder would silently end a deployment set up that way.
fn follow_link(output: PathBuf) -> Result<PathBuf, String> {
    let is_link = std::fs::symlink_metadata(&output).is_ok_and(|m| m.file_type().is_symlink());
    if !is_link {
        return Ok(output);
    }
    std::fs::canonicalize(&output).map_err(|e| {
        format!(
            "the output path {} is a symbolic link that cannot be followed ({e}); point it at a folder, or remove it",
            display_path(&output).display()
        )
    })
}

/// Refuse output folders a build would destroy or recurse into.
pub fn check_output(root: &Path, output: &Path) -> Result<(), String> {
    if let Some(std::path::Component::Normal(first)) = output.components().next() {
        if first.to_string_lossy().starts_with('~') {
            return Err(format!(
                "refusing to use {} as the output folder: `~` is not expanded here (the shell \
                 leaves it as it is inside quotes or in `--output=~/...`); use $HOME/... or an \
                 absolute path",
                output.display()
            ));
        }
    }
    let root_abs = absolute(root);
    let out_abs = absolute(output);
    let shown = display_path(output);
    if out_abs == root_abs || root_abs.starts_with(&out_abs) {
        return Err(format!(
            "refusing to use {} as the output folder: it {} the site root, and a build replaces the output folder entirely",
            shown.display(),
            if out_abs == root_abs { "is" } else { "contains" }
        ));
    }
    for special in ["content", "templates", "themes", "static"] {
        // The folder as the file system resolves it: `static` may be a link elsewhere.
        if out_abs.starts_with(absolute(&root.join(special))) {
            return Err(format!(
                "refusing to use {} as the output folder: it is inside the site's {special}/ folder",
                shown.display()
            ));
        }
    }
    if let Some(home) = std::env::var_os("HOME").map(PathBuf::from) {
        if out_abs == absolute(&home) {
            return Err(format!(
                "refusing to use your home folder ({}) as the output folder",
                shown.display()
            ));
        }
    }
    if out_abs.exists() && !out_abs.is_dir() {
        return Err(format!(
            "the output path {} exists and is not a folder",
            shown.display()
        ));
    }
    Ok(())
}

/// What the output folder holds before a build replaces it.
#[derive(Debug, PartialEq, Eq)]
pub enum Previous {
    /// Nothing (no folder, an empty one), or only files the last build listed in its
    /// manifest, or `--force`: it can be replaced.
    Replaceable,
    /// A built site without a manifest (from a version of afterword before manifests): it
    /// can be replaced if every file in it is one this build writes, which is known once the
    /// site is rendered ([`check_unlisted`]).
    Unlisted,
}

/// Refuse to replace an output folder holding a file the previous build did not write
/// (someone's `notes.txt`, a web root's other files): the folder is replaced entirely, so
/// that file would be lost. The manifest ([`crate::output::MANIFEST`]) says what the previous
/// build wrote; a folder without one is accepted only if it looks like a built site (an
/// `index.html` or `sitemap.xml`) and, after rendering, every file in it is one this build
/// writes. `force` skips these checks.
pub fn check_previous(output: &Path, force: bool) -> Result<Previous, String> {
    let shown = display_path(output);
    let cannot = |e: std::io::Error| format!("cannot read {}: {e}", shown.display());
    let empty = match std::fs::read_dir(output) {
        Ok(mut entries) => entries.next().is_none(),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => true,
        Err(e) => return Err(cannot(e)),
    };
    if force || empty {
        return Ok(Previous::Replaceable);
    }
    if let Some(listed) = crate::output::read_manifest(output).map_err(cannot)? {
        return match crate::output::foreign_file(output, &|rel| listed.contains(rel))
            .map_err(cannot)?
        {
            None => Ok(Previous::Replaceable),
            Some(f) => Err(refusal(&shown, &f, "the previous build did not write it")),
        };
    }
    let is_site = output.join("index.html").is_file() || output.join("sitemap.xml").is_file();
    if !is_site {
        let first = crate::output::foreign_file(output, &|_| false)
            .map_err(cannot)?
            .unwrap_or_default();
        return Err(refusal(
            &shown,
            &first,
            "it is not empty and does not look like a built site (no index.html)",
        ));
    }
    Ok(Previous::Unlisted)
}

/// For a [`Previous::Unlisted`] output: refuse it if it holds a file this build does not
/// write.
fn check_unlisted(output: &Path, written: &Recorder) -> Result<(), String> {
    let shown = display_path(output);
    match crate::output::foreign_file(output, &|rel| written.contains(rel))
        .map_err(|e| format!("cannot read {}: {e}", shown.display()))?
    {
        None => Ok(()),
        Some(f) => Err(refusal(
            &shown,
            &f,
            "it has no manifest of a previous build, and this build does not write that file",
        )),
    }
}

fn refusal(shown: &Path, file: &str, why: &str) -> String {
    let file = if file.is_empty() {
        String::new()
    } else {
        format!(" holds `{file}`:")
    };
    format!(
        "refusing to replace {shown}: it{file} {why}; a build replaces the output folder \
         entirely, so move that file away, choose another --output, or pass --force to \
         replace the folder anyway",
        shown = shown.display()
    )
}

/// The output problems a render found: paths too long for a file system (E0026) and files
/// that would replace one another (E0027), each at the file it comes from.
pub fn output_problems(site_toml: &Path, rec: &Recorder) -> Vec<Diagnostic> {
    use crate::diag::codes;
    let shown = |o: &Origin| match o {
        Origin::Copied(p) => format!("`{}`", display_path(p).display()),
        Origin::Generated => "a page afterword generates".to_string(),
    };
    let at = |o: &Origin, msg: String| match o {
        Origin::Copied(p) => Diagnostic::file(&display_path(p), msg),
        Origin::Generated => Diagnostic::file(site_toml, msg),
    };
    let mut out = Vec::new();
    for (rel, origin) in rec.too_long() {
        out.push(
            at(
                &origin,
                format!(
                    "the output path `{rel}` has a file name longer than {} bytes, the file system limit",
                    crate::output::NAME_MAX
                ),
            )
            .with_help("use a shorter file name")
            .with_code(codes::PATH_TOO_LONG),
        );
    }
    for c in rec.clashes() {
        let msg = match (&c.first, &c.second) {
            _ if c.folder => format!(
                "`{}` would be a file for one of the site's files and a folder for another ({} and {}): no file system can hold both",
                c.rel,
                shown(&c.first),
                shown(&c.second)
            ),
            (Origin::Generated, Origin::Generated) => {
                format!("afterword generates `{}` twice", c.rel)
            }
            (Origin::Generated, _) => format!(
                "this file would be published as `{}`, a file afterword generates (a page, feed or API file): one would silently replace the other",
                c.rel
            ),
            (first, _) => format!(
                "this file and {} would both be published as `{}`: one would silently replace the other",
                shown(first),
                c.rel
            ),
        };
        out.push(
            at(&c.second, msg)
                .with_help("rename or move the file: bundle files are published beside the incident's page, static/ files at the same path in the output")
                .with_code(codes::OUTPUT_CONFLICT),
        );
    }
    out
}

/// A render failure as a diagnostic: at the template's line when Tera names it.
fn render_failure(site_toml: &Path, config: &Config, e: &render::RenderError) -> Diagnostic {
    let d = match e.place() {
        Some(p) => Diagnostic::point(
            Path::new(&p.file),
            p.line,
            p.column,
            format!("the template fails to render: {}", p.message),
        ),
        None => at_theme(site_toml, config, format!("the build would fail: {e}")),
    };
    d.with_help("fix the template (Tera syntax: https://keats.github.io/tera/docs/)")
        .with_code(crate::diag::codes::TEMPLATE_RENDER)
}

/// Render a checked site in memory, as `build` would (and, when it has drafts, as `build
/// --drafts` would), keeping nothing: what would fail the build (a template that fails to
/// render with the site's data, an output path too long, two files with one output path) as
/// diagnostics.
pub fn render_check(site: &Site, now: DateTime<Utc>) -> Vec<Diagnostic> {
    let site_toml = display_path(&site.config.root.join(config::FILE_NAME));
    let without_drafts;
    let mut passes = vec![(site, true)];
    if site
        .incidents
        .iter()
        .chain(&site.maintenances)
        .any(|i| i.draft)
    {
        let keep = |v: &[std::sync::Arc<crate::model::Incident>]| {
            v.iter().filter(|i| !i.draft).cloned().collect::<Vec<_>>()
        };
        without_drafts = Site {
            config: site.config.clone(),
            incidents: keep(&site.incidents),
            maintenances: keep(&site.maintenances),
            theme: theme::Theme {
                templates: site.theme.templates.clone(),
                statics: site.theme.statics.clone(),
                catalogues: site.theme.catalogues.clone(),
            },
            locale: site.locale.clone(),
        };
        passes.push((&without_drafts, false));
    }
    let mut out = Vec::new();
    for (site, drafts) in passes {
        let rec = Recorder::new(&crate::output::Discard);
        let result = render_site(site, now, drafts, &rec, None);
        let mut problems = output_problems(&site_toml, &rec);
        if let (Err(e), true) = (&result, problems.is_empty()) {
            problems.push(render_failure(&site_toml, &site.config, e));
        }
        out.extend(problems);
        if !out.is_empty() {
            break;
        }
    }
    out
}

/// Render a validated site into any sink, reusing what an earlier render left in `memo` (and
/// in the sink) when there is one (`afterword serve`).
pub fn render_site(
    site: &Site,
    now: DateTime<Utc>,
    drafts: bool,
    sink: &dyn Sink,
    memo: Option<&render::Memo>,
) -> Result<render::RenderStats, render::RenderError> {
    let input = render::RenderInput {
        config: &site.config,
        incidents: &site.incidents,
        maintenances: &site.maintenances,
        now,
        drafts,
        theme: &site.theme,
        locale: &site.locale,
        memo,
    };
    render::render(&input, sink)
}

/// `afterword build`: everything, written atomically to the output folder.
pub fn build(opts: &BuildOptions) -> Result<BuildReport, BuildError> {
    let start = Instant::now();
    let can_swap = opts.can_swap_for_tests.unwrap_or(crate::output::can_swap);
    let output = opts
        .output
        .clone()
        .unwrap_or_else(|| opts.root.join("public"));
    let output = follow_link(output).map_err(BuildError::Output)?;
    check_output(&opts.root, &output).map_err(BuildError::Output)?;
    let previous = check_previous(&output, opts.force).map_err(BuildError::Output)?;
    let stage = Instant::now();
    let tell = |what: String, since: Instant| {
        if let Some(p) = opts.progress {
            p(&format!("{what} in {:.2}s", since.elapsed().as_secs_f64()));
        }
    };
    let mut notes = Vec::new();
    let mut inc = opts.cache.then(|| {
        Incremental::open(
            &opts.root, &output, &previous, opts.force, can_swap, &mut notes,
        )
    });
    let (site, warnings) = site_or_errors(analyze_with(
        &opts.root,
        opts.base_url.as_deref(),
        opts.drafts,
        opts.now,
        None,
        inc.as_mut().map(|i| &mut i.checks),
    )?)?;
    tell(
        format!(
            "checked {} incidents and {} maintenances",
            site.incidents.len(),
            site.maintenances.len()
        ),
        stage,
    );
    let stage = Instant::now();
    let stage_err = |source| BuildError::Stage {
        output: display_path(&output),
        source,
    };
    let staging = Staging::begin(&output).map_err(stage_err)?;
    let dir = staging.dir().to_path_buf();
    // With a spare tree, a build that changes anything brings it up to date in place (it takes
    // the staged folder's place at the first difference); else it fills the staged folder.
    let disk = match inc.as_ref() {
        Some(i) => DiskSink::incremental(
            dir.clone(),
            output.is_dir().then(|| output.clone()),
            i.live.clone(),
            i.previous_count,
            i.can_swap.then(|| i.spare_path.clone()),
        ),
        None => DiskSink::new(dir.clone(), output.is_dir().then(|| output.clone())),
    };
    let sink = Recorder::new(&disk);
    let site_toml = display_path(&opts.root.join(config::FILE_NAME));
    let memo = inc.as_ref().map(|i| {
        render::Memo::for_build(std::mem::take(
            &mut *i.search_docs.lock().expect("search docs"),
        ))
    });
    let rendered = render_site(&site, opts.now, opts.drafts, &sink, memo.as_ref());
    let problems = output_problems(&site_toml, &sink);
    if !problems.is_empty() {
        return Err(BuildError::Invalid(
            crate::diag::Diagnostics(problems).sorted(),
        ));
    }
    // A template that fails with the site's data, as `check` reports it.
    let stats = rendered.map_err(|e| match e.place() {
        Some(_) => BuildError::Invalid(vec![render_failure(&site_toml, &site.config, &e)]),
        None => BuildError::Render(e),
    })?;
    if previous == Previous::Unlisted {
        check_unlisted(&output, &sink).map_err(BuildError::Output)?;
    }
    // The manifest, through the same sink: a build that changes nothing still keeps the old
    // output as it is.
    let paths = sink.paths();
    let manifest = crate::output::manifest_text(&paths);
    let staged_err = |source| BuildError::WriteStaged {
        staged: display_path(staging.dir()),
        source,
    };
    disk.write(crate::output::MANIFEST, manifest.as_bytes())
        .map_err(staged_err)?;
    let unchanged = disk.finish().map_err(staged_err)?;
    let kept = disk.kept();
    tell(
        match kept {
            0 => format!("rendered {} pages and {} files", stats.pages, stats.files),
            k => format!(
                "rendered {} pages and {} files ({k} kept from the last build)",
                stats.pages, stats.files
            ),
        },
        stage,
    );
    let stage = Instant::now();
    let shown = display_path(&output);
    let replace_err = |source| BuildError::Replace {
        output: shown.clone(),
        source,
    };
    let discard_err = |source| BuildError::Discard {
        output: shown.clone(),
        source,
    };
    if unchanged {
        // Every file is as the last build left it: nothing to replace, and a spare tree was
        // not touched.
        staging.discard().map_err(discard_err)?;
        tell(format!("nothing changed in {}", shown.display()), stage);
    } else {
        // The old output becomes the spare tree of the next build, where that can be.
        let note = match inc.as_ref().filter(|i| i.can_swap) {
            Some(i) => staging.commit_keeping(&i.spare_path),
            None => staging.commit(),
        };
        notes.extend(note.map_err(replace_err)?);
        tell(format!("replaced {}", shown.display()), stage);
    }
    if let (Some(inc), Some(memo)) = (&inc, &memo) {
        let mut all = paths;
        all.push(crate::output::MANIFEST.to_string());
        let keys = disk.keys();
        // A build that changed nothing left every file as it was: the recorded state holds,
        // with this build's keys; else every file is looked at.
        let kept_state = inc.live.as_ref().filter(|_| unchanged).and_then(|prev| {
            all.iter()
                .map(|rel| {
                    let st = prev.get(rel)?;
                    let key = keys.get(rel).copied();
                    Some((rel.clone(), crate::output::FileState { key, ..*st }))
                })
                .collect::<Option<crate::output::TreeState>>()
        });
        let live = kept_state.or_else(|| crate::output::tree_state(&output, &all, &keys));
        if let Err(e) = cache::save(
            &inc.file,
            &absolute(&output),
            live.as_ref(),
            &memo.search_docs(),
            &inc.checks,
            inc.loaded_sum,
        ) {
            notes.push(format!(
                "the build cache {} could not be written ({e}); the next build does everything",
                display_path(&inc.file).display()
            ));
        }
    }
    Ok(BuildReport {
        warnings,
        notes,
        incidents: site.incidents.len(),
        pages: stats.pages,
        files: stats.files,
        kept,
        markdown: stats.markdown,
        output: display_path(&output),
        seconds: start.elapsed().as_secs_f64(),
    })
}

/// What a build with its cache starts from: the cache of the last build and the spare tree.
struct Incremental {
    file: PathBuf,
    /// The state of the output's files, as the last build left them.
    live: Option<std::sync::Arc<crate::output::TreeState>>,
    /// How many files the output holds (its manifest, checked against the folder).
    previous_count: Option<usize>,
    /// Where the spare tree is, or would be.
    spare_path: PathBuf,
    /// The output can be swapped in one step, so the old one can be kept as the spare tree.
    can_swap: bool,
    search_docs: std::sync::Mutex<Vec<(u64, crate::render::SearchDoc)>>,
    checks: KeptChecks,
    /// The checksum and size of the cache as read: the same cache is not written again.
    loaded_sum: Option<(u64, usize)>,
}

impl Incremental {
    /// The cache at `<root>/.afterword/build-cache` for `output`; a cache that cannot be used
    /// is a note, and the build then starts from nothing. `can_swap`: [`crate::output::can_swap`].
    fn open(
        root: &Path,
        output: &Path,
        previous: &Previous,
        force: bool,
        can_swap: fn(&Path) -> bool,
        notes: &mut Vec<String>,
    ) -> Self {
        let file = cache::path(root);
        let abs = absolute(output);
        let loaded = match cache::load(&file, &abs) {
            Ok(c) => c.unwrap_or_default(),
            Err(why) => {
                notes.push(format!(
                    "the build cache {} {why}: building everything",
                    display_path(&file).display()
                ));
                cache::BuildCache::default()
            }
        };
        let mut name = std::ffi::OsString::from(".afterword-spare-");
        name.push(output.file_name().unwrap_or(std::ffi::OsStr::new("public")));
        let spare_path = output.with_file_name(name);
        // The output's own files, from its manifest (`check_previous` found no others).
        let listed = match previous {
            // (With `--force`, the output may hold other files too.)
            Previous::Replaceable if !force => crate::output::read_manifest(output).ok().flatten(),
            _ => None,
        };
        // The old output is kept as the spare tree only if it has a manifest to check it by;
        // a spare tree is of use only beside such an output, where the two can be swapped in
        // one step. Whether the spare tree can be used is looked at only by a build that
        // changes something (`DiskSink::incremental`).
        let can_swap = listed.is_some() && output.is_dir() && can_swap(output);
        Incremental {
            file,
            live: loaded.live.filter(|_| listed.is_some()).map(Into::into),
            previous_count: listed.map(|l| l.len() + 1),
            spare_path,
            can_swap,
            search_docs: std::sync::Mutex::new(loaded.search_docs),
            checks: loaded.checks,
            loaded_sum: loaded.sum,
        }
    }
}

/// What `afterword check` found: every diagnostic of a site, sorted.
pub struct Report {
    pub diagnostics: Vec<Diagnostic>,
}

impl Report {
    pub fn errors(&self) -> usize {
        self.count(crate::diag::Severity::Error)
    }
    pub fn warnings(&self) -> usize {
        self.count(crate::diag::Severity::Warning)
    }
    fn count(&self, s: crate::diag::Severity) -> usize {
        self.diagnostics.iter().filter(|d| d.severity == s).count()
    }

    /// "2 errors, 1 warning in 2 files", or "no problems found".
    pub fn summary(&self) -> String {
        if self.diagnostics.is_empty() {
            return "no problems found".into();
        }
        let files: BTreeSet<_> = self.diagnostics.iter().map(|d| &d.path).collect();
        let n = |k: usize, what: &str| format!("{k} {what}{}", if k == 1 { "" } else { "s" });
        format!(
            "{}, {} in {}",
            n(self.errors(), "error"),
            n(self.warnings(), "warning"),
            n(files.len(), "file")
        )
    }
}

/// `afterword check`: validate the site under `root` as a build would (drafts included), lint
/// it, and render it into nothing, writing nothing. The output formats are
/// [`crate::diag::format`]'s.
pub fn check(root: &Path, now: DateTime<Utc>) -> Result<Report, String> {
    let (site, mut diagnostics) =
        analyze(root, None, true, now, None).map_err(|e| e.to_string())?;
    // A site without errors is rendered in memory: what would fail `build` fails here first.
    if let Some(site) = site {
        diagnostics.extend(render_check(&site, now));
        diagnostics = crate::diag::Diagnostics(diagnostics).sorted();
    }
    Ok(Report { diagnostics })
}
