//! The site's language: its message catalogue (the theme's `i18n/<tag>.ftl` with the site's on
//! top) checked against the reference language's, and the formatters made from it
//! (docs/i18n.md). Every problem is a diagnostic: E0033 for a file that does not parse, E0032
//! for a message the language lacks or cannot format.

use crate::diag::{codes, Diagnostic};
use crate::input::config::Config;
use crate::input::theme::Theme;
use crate::util::i18n::{Catalogue, Problem, ProblemKind, Source, REFERENCE};
use crate::util::timefmt::Locale;
use std::path::Path;
use std::sync::Arc;

/// The site's [`Locale`], or every problem with its catalogues.
pub fn load(config: &Config, theme: &Theme) -> (Option<Arc<Locale>>, Vec<Diagnostic>) {
    let tag = config.language.as_str();
    let site_toml = crate::util::fsutil::display_path(&config.root.join("site.toml"));
    let Some(sources) = theme.catalogues.get(tag) else {
        let shipped: Vec<&str> = theme.catalogues.keys().map(String::as_str).collect();
        let d = Diagnostic::file(
            &site_toml,
            format!("`language = \"{tag}\"`: the theme has no message catalogue for `{tag}`"),
        )
        .with_help(format!(
            "add i18n/{tag}.ftl to the site with every message of the theme's en.ftl (docs/i18n.md), or use a language the theme ships: {}",
            shipped.join(", ")
        ))
        .with_code(codes::MISSING_MESSAGE);
        return (None, vec![d]);
    };
    let reference: Vec<Source> = theme
        .catalogues
        .get(REFERENCE)
        .map(|v| v.iter().filter(|s| !s.site).cloned().collect())
        .unwrap_or_default();
    let mut diags = Vec::new();
    let (cat, problems) = Catalogue::new(tag, sources);
    diags.extend(problems.iter().map(diagnostic));
    if tag != REFERENCE {
        // Syntax errors of the reference itself (a theme's en.ftl) are reported too: a
        // message it loses is one every language is checked against.
        for s in &reference {
            diags.extend(crate::util::i18n::parse(s).1.iter().map(diagnostic));
        }
    }
    let last = sources.last().cloned().unwrap_or_default();
    diags.extend(cat.problems(&reference, &last).iter().map(diagnostic));
    if !diags.is_empty() {
        return (None, diags);
    }
    match Locale::new(Arc::new(cat)) {
        Ok(l) => (Some(Arc::new(l)), diags),
        Err(e) => (
            None,
            vec![Diagnostic::file(&site_toml, e).with_code(codes::BAD_VALUE)],
        ),
    }
}

fn diagnostic(p: &Problem) -> Diagnostic {
    let code = match p.kind {
        ProblemKind::Syntax => codes::FTL_SYNTAX,
        ProblemKind::Missing => codes::MISSING_MESSAGE,
    };
    Diagnostic::point(Path::new(&p.origin), p.line, p.col, p.message.clone())
        .with_help(p.help.clone())
        .with_code(code)
}
