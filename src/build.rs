//! The build pipeline: config → load → validate → model → render → output, as one call.

use crate::config::{self, Config};
use crate::diag::Diagnostic;
use crate::fsutil::{absolute, display_path};
use crate::output::{DiskSink, Sink, Staging};
use crate::{load, render, theme, validate};
use chrono::{DateTime, Utc};
use std::path::{Path, PathBuf};
use std::time::Instant;

pub struct BuildOptions {
    pub root: PathBuf,
    /// Default: `<root>/public`.
    pub output: Option<PathBuf>,
    pub base_url: Option<String>,
    pub drafts: bool,
    pub now: DateTime<Utc>,
    /// Told each stage as it ends ("checked 10000 files in 0.41s"), for progress on long
    /// builds.
    pub progress: Option<&'static (dyn Fn(&str) + Sync)>,
}

#[derive(Debug)]
pub struct BuildReport {
    /// Warnings about valid files (`afterword check` lists them too).
    pub warnings: Vec<Diagnostic>,
    pub incidents: usize,
    pub pages: usize,
    pub files: usize,
    pub output: PathBuf,
    pub seconds: f64,
}

#[derive(Debug)]
pub enum BuildError {
    /// Problems in the site's files, every one of them, sorted by file and line.
    Invalid(Vec<Diagnostic>),
    /// Anything else (output folder, templates, I/O).
    Other(String),
}

impl BuildError {
    /// The closing line of a failed build: "error: 3 problems in 2 files; nothing was written".
    pub fn summary(&self) -> String {
        match self {
            BuildError::Invalid(ds) => {
                let files: std::collections::BTreeSet<_> = ds.iter().map(|d| &d.path).collect();
                format!(
                    "error: {} problem{} in {} file{}; nothing was written",
                    ds.len(),
                    if ds.len() == 1 { "" } else { "s" },
                    files.len(),
                    if files.len() == 1 { "" } else { "s" }
                )
            }
            BuildError::Other(m) => format!("error: {m}"),
        }
    }
}

impl std::fmt::Display for BuildError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if let BuildError::Invalid(ds) = self {
            for d in ds {
                writeln!(f, "{d}")?;
            }
        }
        f.write_str(&self.summary())
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
}

/// Read and validate the whole site, reporting every problem in every file.
pub fn load_site(
    root: &Path,
    base_url: Option<&str>,
    drafts: bool,
    now: DateTime<Utc>,
) -> Result<Site, BuildError> {
    let (site, diags) = analyze(root, base_url, drafts, now)?;
    let errors: Vec<Diagnostic> = diags
        .into_iter()
        .filter(|d| d.severity == crate::diag::Severity::Error)
        .collect();
    match site {
        Some(site) if errors.is_empty() => Ok(site),
        _ => Err(BuildError::Invalid(errors)),
    }
}

/// Read, validate and lint the whole site: the site when it has no errors, and every
/// diagnostic (errors and warnings), sorted.
pub fn analyze(
    root: &Path,
    base_url: Option<&str>,
    drafts: bool,
    now: DateTime<Utc>,
) -> Result<(Option<Site>, Vec<Diagnostic>), BuildError> {
    analyze_cached(root, base_url, drafts, now, &mut Caches::default())
}

/// What one build can hand the next (`afterword serve`): parsed files, per-file validation,
/// rendered Markdown. Every cache is keyed on its inputs, so a stale entry is never used.
#[derive(Default)]
pub struct Caches {
    /// Keep parsed files and validation for the next build (else they are freed as soon as
    /// they are used, and the caches stay empty).
    pub keep: bool,
    pub files: load::FileCache,
    pub checked: validate::Cache,
    pub render: render::Memo,
}

/// [`analyze`], reusing `caches`.
pub fn analyze_cached(
    root: &Path,
    base_url: Option<&str>,
    drafts: bool,
    now: DateTime<Utc>,
    caches: &mut Caches,
) -> Result<(Option<Site>, Vec<Diagnostic>), BuildError> {
    // With problems in site.toml, the content is still checked against what could be read.
    let (config, config_diags) = config::load_partial(root);
    let Some(mut config) = config else {
        return Ok((None, crate::diag::Diagnostics(config_diags).sorted()));
    };
    if let Some(url) = base_url {
        config.base_url = config::normalize_base_url(url)
            .map_err(|e| BuildError::Other(format!("--base-url: {e}")))?;
    }
    // The theme and its templates, as `build` would load them.
    let theme = theme::load(&config.root, &config.theme);
    let theme_problem = match &theme {
        Ok(t) => render::compile(t).err(),
        Err(e) => Some(e.clone()),
    }
    .map(|e| theme_diagnostic(&display_path(&root.join(config::FILE_NAME)), &e));
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
    // Kept files when there is a next build to keep them for; else each file is freed as soon
    // as it is validated.
    let ((all, more), mut diags) = if caches.keep {
        let (raws, diags) = load::load_cached(&content, &mut caches.files);
        let v = validate::validate_cached(&config, &raws, drafts, now, &mut caches.checked);
        (v, diags)
    } else {
        validate::load_and_validate(&config, &content, drafts, now)
    };
    diags.extend(crate::diag::Diagnostics(config_diags));
    diags.extend(crate::diag::Diagnostics(
        theme_problem.into_iter().collect(),
    ));
    diags.extend(more);
    let diags = diags.sorted();
    let theme = match theme {
        Ok(t)
            if !diags
                .iter()
                .any(|d| d.severity == crate::diag::Severity::Error) =>
        {
            t
        }
        _ => return Ok((None, diags)),
    };
    let newest_first = |a: &std::sync::Arc<crate::model::Incident>,
                        b: &std::sync::Arc<crate::model::Incident>| {
        b.started.cmp(&a.started).then_with(|| a.slug.cmp(&b.slug))
    };
    let (mut maintenances, mut incidents): (Vec<_>, Vec<_>) =
        all.into_iter().partition(|i| i.is_maintenance());
    maintenances.sort_by(newest_first);
    incidents.sort_by(newest_first);
    Ok((
        Some(Site {
            config,
            incidents,
            maintenances,
            theme,
        }),
        diags,
    ))
}

/// A theme problem as a diagnostic: at the template's `path:line:col` when Tera names one
/// (`… --> templates/404.html:2:26`), else on site.toml.
fn theme_diagnostic(site_toml: &Path, e: &str) -> Diagnostic {
    let located = e.split_once(" --> ").and_then(|(msg, rest)| {
        let loc = rest.split_whitespace().next()?;
        let mut parts = loc.rsplitn(3, ':');
        let col: usize = parts.next()?.parse().ok()?;
        let line: usize = parts.next()?.parse().ok()?;
        let path = parts.next()?;
        Some((
            msg.trim().trim_start_matches("in a template: "),
            path,
            line,
            col,
        ))
    });
    let d = match located {
        Some((msg, path, line, col)) => Diagnostic::point(
            Path::new(path),
            line,
            col,
            format!("the template does not compile: {msg}"),
        )
        .with_help("fix the template (Tera syntax: https://keats.github.io/tera/docs/)"),
        None => Diagnostic::file(site_toml, e)
            .with_help("set `theme` in site.toml to a folder under themes/, or remove it"),
    };
    d.with_code(crate::diag::codes::THEME)
}

/// Refuse output folders a build would destroy or recurse into.
pub fn check_output(root: &Path, output: &Path) -> Result<(), String> {
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
        if out_abs.starts_with(root_abs.join(special)) {
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
    // A build replaces the whole folder: only do that to a folder that is empty or looks like a
    // site (has an index.html or a sitemap.xml), never to someone's documents.
    if out_abs.is_dir() {
        let mut entries = std::fs::read_dir(&out_abs)
            .map_err(|e| format!("cannot read {}: {e}", shown.display()))?;
        let empty = entries.next().is_none();
        let is_site = out_abs.join("index.html").is_file() || out_abs.join("sitemap.xml").is_file();
        if !empty && !is_site {
            return Err(format!(
                "refusing to replace {}: it is not empty and does not look like a built site \
                 (no index.html); a build replaces the output folder entirely, so remove it or \
                 choose another --output",
                shown.display()
            ));
        }
    }
    Ok(())
}

/// Render a validated site into any sink.
pub fn render_site(
    site: &Site,
    now: DateTime<Utc>,
    drafts: bool,
    sink: &dyn Sink,
) -> Result<render::RenderStats, BuildError> {
    render_site_cached(site, now, drafts, sink, None)
}

/// [`render_site`], reusing what an earlier render left in `memo` (and in the sink).
pub fn render_site_cached(
    site: &Site,
    now: DateTime<Utc>,
    drafts: bool,
    sink: &dyn Sink,
    memo: Option<&render::Memo>,
) -> Result<render::RenderStats, BuildError> {
    let input = render::RenderInput {
        config: &site.config,
        incidents: &site.incidents,
        maintenances: &site.maintenances,
        now,
        drafts,
        theme: &site.theme,
        memo,
    };
    render::render(&input, sink).map_err(BuildError::Other)
}

/// `afterword build`: everything, written atomically to the output folder.
pub fn build(opts: &BuildOptions) -> Result<BuildReport, BuildError> {
    let start = Instant::now();
    let output = opts
        .output
        .clone()
        .unwrap_or_else(|| opts.root.join("public"));
    check_output(&opts.root, &output).map_err(BuildError::Other)?;
    let stage = Instant::now();
    let tell = |what: String, since: Instant| {
        if let Some(p) = opts.progress {
            p(&format!("{what} in {:.2}s", since.elapsed().as_secs_f64()));
        }
    };
    let (site, diags) = analyze(&opts.root, opts.base_url.as_deref(), opts.drafts, opts.now)?;
    let (warnings, errors): (Vec<Diagnostic>, Vec<Diagnostic>) = diags
        .into_iter()
        .partition(|d| d.severity == crate::diag::Severity::Warning);
    let site = match site {
        Some(site) if errors.is_empty() => site,
        _ => return Err(BuildError::Invalid(errors)),
    };
    tell(
        format!(
            "checked {} incidents and {} maintenances",
            site.incidents.len(),
            site.maintenances.len()
        ),
        stage,
    );
    let stage = Instant::now();
    let staging = Staging::begin(&output).map_err(|e| {
        BuildError::Other(format!(
            "cannot create a folder beside {}: {e}",
            display_path(&output).display()
        ))
    })?;
    let sink = DiskSink::new(
        staging.dir().to_path_buf(),
        output.is_dir().then(|| output.clone()),
    );
    let stats = render_site(&site, opts.now, opts.drafts, &sink)?;
    let unchanged = sink.finish().map_err(|e| {
        BuildError::Other(format!(
            "cannot write into {}: {e}",
            display_path(staging.dir()).display()
        ))
    })?;
    tell(
        format!("rendered {} pages and {} files", stats.pages, stats.files),
        stage,
    );
    let stage = Instant::now();
    let shown = display_path(&output);
    if unchanged {
        // Every file is as the last build left it: nothing to replace.
        staging.discard().map_err(|e| {
            BuildError::Other(format!(
                "cannot remove a temporary folder beside {}: {e}",
                shown.display()
            ))
        })?;
        tell(format!("nothing changed in {}", shown.display()), stage);
    } else {
        staging
            .commit()
            .map_err(|e| BuildError::Other(format!("cannot replace {}: {e}", shown.display())))?;
        tell(format!("replaced {}", shown.display()), stage);
    }
    Ok(BuildReport {
        warnings,
        incidents: site.incidents.len(),
        pages: stats.pages,
        files: stats.files,
        output: display_path(&output),
        seconds: start.elapsed().as_secs_f64(),
    })
}
