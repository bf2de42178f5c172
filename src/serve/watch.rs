//! Watching a site: file-system events, debounced and classified, in batches. An editor's
//! atomic save (temp file, rename), a `git checkout` or swap and backup files become at most
//! one batch of real changes.

use notify::RecursiveMode;
use notify_debouncer_full::{new_debouncer, DebounceEventResult, Debouncer, RecommendedCache};
use std::collections::BTreeSet;
use std::path::{Component, Path, PathBuf};
use std::sync::mpsc::{channel, Receiver};
use std::time::Duration;

/// The debouncer's window: events of one path within it are merged.
pub const DEBOUNCE: Duration = Duration::from_millis(10);

/// Quiet time that ends a burst. The debouncer releases each event once it is `DEBOUNCE` old
/// (checked every quarter of it), so one burst can arrive in several releases; waiting this
/// long after the last one joins them into one batch.
pub const QUIET: Duration = Duration::from_millis(15);

/// The folders of a site that a build reads, besides site.toml.
pub const WATCHED: [&str; 5] = ["content", "templates", "themes", "static", "i18n"];

/// What a changed path is to the build.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    Config,
    Content,
    Template,
    Static,
    /// Outside the site's inputs, or an editor's scratch file.
    Ignored,
}

/// Classify `path` (absolute) against the site root `root` (absolute).
pub fn classify(root: &Path, path: &Path) -> Change {
    let Ok(rel) = path.strip_prefix(root) else {
        return Change::Ignored;
    };
    let names: Vec<&std::ffi::OsStr> = rel
        .components()
        .filter_map(|c| match c {
            Component::Normal(n) => Some(n),
            _ => None,
        })
        .collect();
    let Some(last) = names.last() else {
        return Change::Ignored;
    };
    if is_scratch(&last.to_string_lossy()) {
        return Change::Ignored;
    }
    match (names[0].to_str(), names.len()) {
        (Some("site.toml"), 1) => Change::Config,
        (Some("content"), _) => Change::Content,
        (Some("templates" | "themes" | "i18n"), _) => Change::Template,
        (Some("static"), _) => Change::Static,
        _ => Change::Ignored,
    }
}

/// Editors' temporary, swap and backup files: `.x.swp`, `x~`, `#x#`, `.#x`, vim's `4913`,
/// `x.tmp`, and hidden files generally (the loader skips them too).
pub fn is_scratch(name: &str) -> bool {
    name.starts_with('.')
        || name.ends_with('~')
        || (name.starts_with('#') && name.ends_with('#'))
        || name == "4913"
        || [".swp", ".swx", ".swo", ".tmp", ".bak", ".crswap"]
            .iter()
            .any(|ext| name.ends_with(ext))
}

/// One batch of relevant changes.
#[derive(Debug, Default)]
pub struct Batch {
    /// Absolute paths.
    pub paths: Vec<PathBuf>,
    /// Relative to the root, for messages.
    pub shown: Vec<String>,
    /// The watcher may have missed events (its queue overflowed): reread everything.
    pub rescan: bool,
}

pub struct Watcher {
    root: PathBuf,
    rx: Receiver<DebounceEventResult>,
    debouncer: Debouncer<notify::RecommendedWatcher, RecommendedCache>,
    watched: BTreeSet<PathBuf>,
}

impl Watcher {
    /// Watch site.toml's folder (not recursively: it may hold public/ or target/) and each
    /// input folder that exists; input folders created later are picked up as they appear.
    pub fn start(root: &Path) -> notify::Result<Watcher> {
        let root = crate::util::fsutil::absolute(root);
        let (tx, rx) = channel();
        let mut debouncer = new_debouncer(DEBOUNCE, None, tx)?;
        debouncer.watch(&root, RecursiveMode::NonRecursive)?;
        let mut w = Watcher {
            root,
            rx,
            debouncer,
            watched: BTreeSet::new(),
        };
        w.watch_folders();
        Ok(w)
    }

    fn watch_folders(&mut self) {
        for name in WATCHED {
            let dir = self.root.join(name);
            if dir.is_dir() && !self.watched.contains(&dir) {
                match self.debouncer.watch(&dir, RecursiveMode::Recursive) {
                    Ok(()) => {
                        self.watched.insert(dir);
                    }
                    Err(e) => eprintln!("warning: cannot watch {}: {e}", dir.display()),
                }
            }
        }
        // A removed folder is watched again when it comes back.
        self.watched.retain(|d| d.is_dir());
    }

    /// Block until a batch with at least one relevant change arrives; everything already queued
    /// joins it. `None` when the watcher has stopped.
    pub fn next_batch(&mut self) -> Option<Batch> {
        loop {
            let first = self.rx.recv().ok()?;
            let mut results = vec![first];
            while let Ok(more) = self.rx.recv_timeout(QUIET) {
                results.push(more);
            }
            let mut seen = BTreeSet::new();
            let mut batch = Batch::default();
            for r in results {
                let events = match r {
                    Ok(ev) => ev,
                    Err(errors) => {
                        for e in errors {
                            eprintln!("warning: watching the site: {e}");
                        }
                        continue;
                    }
                };
                // Reads (the build's own, too) are not changes.
                batch.rescan |= events.iter().any(|e| e.need_rescan());
                for ev in events.iter().filter(|e| !e.kind.is_access()) {
                    for p in &ev.paths {
                        if classify(&self.root, p) == Change::Ignored {
                            continue;
                        }
                        if seen.insert(p.clone()) {
                            batch.paths.push(p.clone());
                            batch.shown.push(
                                p.strip_prefix(&self.root)
                                    .unwrap_or(p)
                                    .to_string_lossy()
                                    .into_owned(),
                            );
                        }
                    }
                }
            }
            self.watch_folders();
            if !batch.paths.is_empty() || batch.rescan {
                return Some(batch);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_by_folder_and_skips_scratch_files() {
        let root = Path::new("/site");
        let c = |p: &str| classify(root, Path::new(p));
        assert_eq!(c("/site/site.toml"), Change::Config);
        assert_eq!(c("/site/content/a.md"), Change::Content);
        assert_eq!(c("/site/content/bundle/img.png"), Change::Content);
        assert_eq!(c("/site/templates/base.html"), Change::Template);
        assert_eq!(c("/site/themes/x/templates/base.html"), Change::Template);
        // A message catalogue is read with the theme.
        assert_eq!(c("/site/i18n/de.ftl"), Change::Template);
        assert_eq!(c("/site/static/logo.svg"), Change::Static);
        assert_eq!(c("/site/public/index.html"), Change::Ignored);
        assert_eq!(c("/site/target/debug/x"), Change::Ignored);
        assert_eq!(c("/site/other.toml"), Change::Ignored);
        assert_eq!(c("/elsewhere/content/a.md"), Change::Ignored);
        for scratch in [
            "/site/content/.a.md.swp",
            "/site/content/a.md~",
            "/site/content/#a.md#",
            "/site/content/.#a.md",
            "/site/content/4913",
            "/site/content/a.md.tmp",
            "/site/site.toml.bak",
        ] {
            assert_eq!(c(scratch), Change::Ignored, "{scratch}");
        }
    }
}
