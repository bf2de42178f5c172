//! What can stop a render, as types: a template that does not compile or fails with the site's
//! data (with the template's file, line and column when Tera names them), a file the sink cannot
//! write or copy.

use crate::input::theme::Theme;
use std::io;
use std::path::PathBuf;

/// Why a render stopped.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    /// The theme's templates do not compile.
    #[error("in a template: {0}")]
    Compile(TemplateError),
    /// A page's template fails with the site's data.
    #[error("cannot render {file} with template `{template}`: {source}")]
    Template {
        file: String,
        template: String,
        source: TemplateError,
    },
    /// A page's variables cannot be made into a Tera context.
    #[error("cannot make the context of {file}: {source}")]
    Context {
        file: String,
        source: Box<tera::Error>,
    },
    /// The sink cannot write a file.
    #[error("cannot write {path}: {source}")]
    Write { path: String, source: io::Error },
    /// A feed's XML cannot be written out (a bug: its writers are given only strings).
    #[error("cannot write {path}: {source}")]
    Feed {
        path: String,
        source: Box<dyn std::error::Error + Send + Sync>,
    },
    /// A social card's SVG cannot be drawn (a bug: its text is escaped and measured here).
    #[error("cannot draw the social card {path}: {message}")]
    Card { path: String, message: String },
    /// The calendar cannot be formatted (a bug, like [`RenderError::Feed`]).
    #[error("cannot write maintenance.ics")]
    Calendar,
    /// The sink cannot copy a static file of the theme or site.
    #[error("cannot copy static file {path}: {source}")]
    CopyStatic { path: String, source: io::Error },
    /// The sink cannot copy a file of an incident's bundle.
    #[error("{}: cannot copy {}: {source}", .item.display(), .asset.display())]
    CopyAsset {
        item: PathBuf,
        asset: PathBuf,
        source: io::Error,
    },
}

impl RenderError {
    pub(crate) fn write(path: &str, source: io::Error) -> RenderError {
        RenderError::Write {
            path: path.to_string(),
            source,
        }
    }

    pub(crate) fn feed(
        path: &str,
        source: impl Into<Box<dyn std::error::Error + Send + Sync>>,
    ) -> RenderError {
        RenderError::Feed {
            path: path.to_string(),
            source: source.into(),
        }
    }

    /// The template file, line and column this error is at, when it is a template's and Tera
    /// names a place, with what to say there.
    pub fn place(&self) -> Option<TemplatePlace> {
        let (e, doing) = match self {
            RenderError::Compile(e) => (e, String::new()),
            RenderError::Template {
                file,
                template,
                source,
            } => (
                source,
                format!("cannot render {file} with template `{template}`: "),
            ),
            _ => return None,
        };
        let (report, origin) = e.report()?;
        Some(TemplatePlace {
            message: format!("{doing}{}", report.message().trim()),
            file: origin.to_string(),
            line: report.span().start_line,
            // Tera counts columns from 0.
            column: report.span().start_col + 1,
        })
    }
}

/// Where a template problem is, and what it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplatePlace {
    /// What went wrong (Tera's message, after what was being rendered).
    pub message: String,
    /// The template's file, as the theme names it (`templates/404.html`,
    /// `themes/dark/templates/404.html`).
    pub file: String,
    /// 1-based.
    pub line: usize,
    /// 1-based.
    pub column: usize,
}

/// Tera's error about a template, with the file the template came from (the site's or the
/// theme's) for the place Tera names.
#[derive(Debug)]
pub struct TemplateError(Box<Template>);

#[derive(Debug)]
struct Template {
    error: tera::Error,
    /// Where the template Tera names came from, if the theme has it.
    origin: Option<String>,
}

impl TemplateError {
    pub(crate) fn new(error: tera::Error, theme: &Theme) -> TemplateError {
        let origin = report(&error)
            .and_then(|r| theme.templates.get(r.filename()))
            .map(|(_, origin)| origin.clone());
        TemplateError(Box::new(Template { error, origin }))
    }

    /// Tera's report (message and place) and the file it is in. Tera 2.4 puts the report of a
    /// syntax or rendering error on the error itself, never on one it wraps.
    fn report(&self) -> Option<(&tera::ReportError, &str)> {
        let r = report(&self.0.error)?;
        Some((r, self.0.origin.as_deref().unwrap_or(r.filename())))
    }
}

fn report(e: &tera::Error) -> Option<&tera::ReportError> {
    match e.kind() {
        tera::ErrorKind::SyntaxError(r) | tera::ErrorKind::RenderingError(r) => Some(r),
        _ => None,
    }
}

/// Tera's text with its causes, the place naming the template's real file.
impl std::fmt::Display for TemplateError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        use std::error::Error;
        let Template { error, origin } = &*self.0;
        let mut msg = error.to_string();
        let mut src = error.source();
        while let Some(s) = src {
            msg.push_str(&format!("\n  caused by: {s}"));
            src = s.source();
        }
        let mut msg = msg.trim_start_matches("error: ");
        let replaced;
        if let (Some(r), Some(origin)) = (report(error), origin) {
            replaced = msg.replace(&format!("--> {}:", r.filename()), &format!("--> {origin}:"));
            msg = &replaced;
        }
        f.write_str(msg)
    }
}

impl std::error::Error for TemplateError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.0.error)
    }
}
