//! Themes: templates and static files from `themes/<name>/` (or the default theme embedded in
//! the binary), with the site's own `templates/` and `static/` layered on top.

use include_dir::{include_dir, Dir};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

static DEFAULT_THEME: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/themes/default");

/// Where a static file's bytes come from.
#[derive(Debug, Clone)]
pub enum StaticSource {
    Embedded(&'static [u8]),
    Disk(PathBuf),
}

#[derive(Debug, Default)]
pub struct Theme {
    /// Template name (`partials/x.html`) → source text, and where it came from (for messages).
    pub templates: BTreeMap<String, (String, String)>,
    /// Output path (relative, `/`-separated) → source.
    pub statics: BTreeMap<String, StaticSource>,
    /// Language tag → its message catalogues (`i18n/<tag>.ftl`): the theme's, then the
    /// site's, which overrides it message by message (docs/i18n.md).
    pub catalogues: BTreeMap<String, Vec<crate::util::i18n::Source>>,
}

/// The templates afterword renders pages with: every theme needs each of them (a theme folder
/// replaces the built-in theme entirely; the site's `templates/` can add any one).
pub const REQUIRED_TEMPLATES: &[&str] = &[
    "404.html",
    "actions.html",
    "component.html",
    "components.html",
    "factor.html",
    "factors.html",
    "history.html",
    "history_year.html",
    "incident.html",
    "index.html",
    "maintenance.html",
    "severities.html",
    "severity.html",
    "stats.html",
];

impl Theme {
    /// The [`REQUIRED_TEMPLATES`] it lacks.
    pub fn missing_templates(&self) -> Vec<&'static str> {
        REQUIRED_TEMPLATES
            .iter()
            .copied()
            .filter(|t| !self.templates.contains_key(*t))
            .collect()
    }
}

/// Load the theme named in site.toml plus the site's overrides. Only a folder under
/// `<root>/themes/` is read ([`crate::input::config::check_theme`]).
pub fn load(root: &Path, name: &str) -> Result<Theme, String> {
    crate::input::config::check_theme(root, name).map_err(|(msg, _)| msg)?;
    let mut theme = Theme::default();
    // The built-in catalogues come first whatever the theme: a theme folder's i18n/ and the
    // site's override them message by message.
    for tag in default_languages() {
        let text = default_catalogue(&tag).unwrap_or_default();
        theme
            .catalogues
            .entry(tag.clone())
            .or_default()
            .push(crate::util::i18n::Source {
                origin: format!("(built-in default theme)/i18n/{tag}.ftl"),
                text,
                site: false,
            });
    }
    let dir = root.join("themes").join(name);
    if dir.is_dir() {
        // A theme's own folders must be its own: a link from `themes/<name>/static` to a folder
        // elsewhere would publish that folder.
        for sub in ["templates", "static"] {
            let p = dir.join(sub);
            if p.symlink_metadata()
                .is_ok_and(|m| m.file_type().is_symlink())
            {
                return Err(format!(
                    "{} is a symbolic link: a theme's templates/ and static/ must be folders inside themes/{name}/",
                    crate::util::fsutil::display_path(&p).display()
                ));
            }
        }
        layer(&mut theme, &dir)?;
        catalogues_into(&mut theme, &dir.join("i18n"), false)?;
    } else if name == "default" {
        embedded_into(&DEFAULT_THEME, &mut theme);
    } else {
        return Err(format!(
            "theme `{name}` not found: there is no folder {}",
            crate::util::fsutil::display_path(&dir).display()
        ));
    }
    // The site's own templates/ and static/ win over the theme's.
    layer(&mut theme, root)?;
    catalogues_into(&mut theme, &root.join("i18n"), true)?;
    // `templates/new/` holds the templates of `afterword new` (files, not pages).
    theme.templates.retain(|name, _| !name.starts_with("new/"));
    Ok(theme)
}

/// Add `<dir>/templates/**` and `<dir>/static/**` on top of what `theme` holds.
fn layer(theme: &mut Theme, dir: &Path) -> Result<(), String> {
    read_dir_into(&dir.join("templates"), &mut |rel, path| {
        let origin = crate::util::fsutil::display_path(path)
            .display()
            .to_string();
        theme.templates.insert(rel, (read_text(path)?, origin));
        Ok(())
    })?;
    read_dir_into(&dir.join("static"), &mut |rel, path| {
        theme
            .statics
            .insert(rel, StaticSource::Disk(path.to_path_buf()));
        Ok(())
    })
}

fn embedded_into(dir: &Dir<'static>, theme: &mut Theme) {
    for entry in dir.entries() {
        if let Some(d) = entry.as_dir() {
            embedded_into(d, theme);
        } else if let Some(f) = entry.as_file() {
            let path = f.path().to_string_lossy().replace('\\', "/");
            if let Some(rel) = path.strip_prefix("templates/") {
                let text = String::from_utf8_lossy(f.contents()).into_owned();
                theme.templates.insert(
                    rel.to_string(),
                    (text, format!("(built-in default theme)/{path}")),
                );
            } else if let Some(rel) = path.strip_prefix("static/") {
                theme
                    .statics
                    .insert(rel.to_string(), StaticSource::Embedded(f.contents()));
            }
        }
    }
}

/// The built-in theme's catalogue for `tag`, if it ships one.
pub fn default_catalogue(tag: &str) -> Option<String> {
    DEFAULT_THEME
        .get_file(format!("i18n/{tag}.ftl"))
        .map(|f| String::from_utf8_lossy(f.contents()).into_owned())
}

/// The languages the built-in theme ships a catalogue for.
pub fn default_languages() -> Vec<String> {
    DEFAULT_THEME
        .get_dir("i18n")
        .map(|d| {
            d.files()
                .filter_map(|f| {
                    let name = f.path().file_name()?.to_str()?;
                    name.strip_suffix(".ftl").map(str::to_string)
                })
                .collect()
        })
        .unwrap_or_default()
}

/// Add each `<dir>/<tag>.ftl` (top level only; hidden files skipped) after what `theme`
/// holds for that language.
fn catalogues_into(theme: &mut Theme, dir: &Path, site: bool) -> Result<(), String> {
    if !dir.is_dir() {
        return Ok(());
    }
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| {
            format!(
                "{}: cannot read: {e}",
                crate::util::fsutil::display_path(dir).display()
            )
        })?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "ftl") && p.is_file())
        .filter(|p| {
            !p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with('.'))
        })
        .collect();
    files.sort();
    for path in files {
        let Some(tag) = path.file_stem().and_then(|s| s.to_str()) else {
            continue;
        };
        let text = std::fs::read_to_string(&path).map_err(|e| {
            format!(
                "{}: cannot read message catalogue: {e}",
                crate::util::fsutil::display_path(&path).display()
            )
        })?;
        theme
            .catalogues
            .entry(tag.to_string())
            .or_default()
            .push(crate::util::i18n::Source {
                origin: crate::util::fsutil::display_path(&path)
                    .display()
                    .to_string(),
                text,
                site,
            });
    }
    Ok(())
}

fn read_text(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| {
        format!(
            "{}: cannot read template: {e}",
            crate::util::fsutil::display_path(path).display()
        )
    })
}

/// Call `f(relative "/"-path, file)` for each file under `dir` (hidden files skipped), if it exists.
fn read_dir_into(
    dir: &Path,
    f: &mut dyn FnMut(String, &Path) -> Result<(), String>,
) -> Result<(), String> {
    if !dir.is_dir() {
        return Ok(());
    }
    let walker = walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for entry in walker {
        let entry = entry
            .map_err(|e| format!("{}: {e}", crate::util::fsutil::display_path(dir).display()))?;
        if entry.file_type().is_file() {
            let rel = entry.path().strip_prefix(dir).unwrap_or(entry.path());
            // Published under its own name: a name that is not UTF-8 (shown with U+FFFD, so two
            // could become one) or holds a `\` (a folder separator on Windows) cannot be.
            let name = rel.to_str().filter(|n| !n.contains('\\')).ok_or_else(|| {
                format!(
                    "{}: a file name must be UTF-8 without `\\` to be published; rename it",
                    crate::diag::printable(
                        &crate::util::fsutil::display_path(entry.path())
                            .display()
                            .to_string()
                    )
                )
            })?;
            let rel = Path::new(name)
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/");
            f(rel, entry.path())?;
        }
    }
    Ok(())
}
