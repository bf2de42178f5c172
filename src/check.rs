//! `afterword check`: every diagnostic of a site, without writing anything. The three output
//! formats (human, JSON Lines, GitHub workflow commands) are [`crate::diag::format`]'s.

use crate::build::analyze;
use crate::diag::{Diagnostic, Severity};
use chrono::{DateTime, Utc};
use std::collections::BTreeSet;
use std::path::Path;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Human,
    Json,
    Github,
}

pub struct Report {
    pub diagnostics: Vec<Diagnostic>,
}

impl Report {
    pub fn errors(&self) -> usize {
        self.count(Severity::Error)
    }
    pub fn warnings(&self) -> usize {
        self.count(Severity::Warning)
    }
    fn count(&self, s: Severity) -> usize {
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

/// Validate the site under `root` as a build would (drafts included), and lint it.
pub fn check(root: &Path, now: DateTime<Utc>) -> Result<Report, String> {
    let (site, mut diagnostics) =
        analyze(root, None, true, now, None).map_err(|e| e.to_string())?;
    // A site without errors is rendered in memory: what would fail `build` fails here first.
    if let Some(site) = site {
        diagnostics.extend(crate::build::render_check(&site, now));
        diagnostics = crate::diag::Diagnostics(diagnostics).sorted();
    }
    Ok(Report { diagnostics })
}
