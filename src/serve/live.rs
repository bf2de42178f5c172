//! The live site: an in-memory build that is rebuilt on every change, reusing everything the
//! change did not touch (parsed files, validation, rendered Markdown, rendered pages).

use crate::build::{analyze, render_site, site_or_errors, BuildError, Caches};
use crate::diag::Diagnostic;
use crate::output::Sink;
use chrono::{DateTime, Utc};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, PoisonError};

/// One built file: its bytes and, when the render gave one, the key of its inputs.
#[derive(Clone)]
pub struct File {
    pub key: Option<u64>,
    pub bytes: Arc<[u8]>,
}

/// A whole built site, by `/`-separated relative path (`incidents/x/index.html`).
/// Keys are shared: a file kept from one build to the next keeps its key without a copy.
pub type Files = rustc_hash::FxHashMap<Arc<str>, File>;

/// Collects a render in memory, keeping files of the previous render whose key is unchanged.
/// What the render neither writes nor keeps is gone from the result: deleted pages disappear.
pub struct LiveSink {
    prev: Arc<Files>,
    next: Mutex<Files>,
    written: Mutex<Vec<String>>,
    kept: AtomicUsize,
}

impl LiveSink {
    pub fn new(prev: Arc<Files>) -> Self {
        LiveSink {
            prev,
            next: Mutex::new(Files::default()),
            written: Mutex::new(Vec::new()),
            kept: AtomicUsize::new(0),
        }
    }

    fn put(&self, rel: &str, key: Option<u64>, bytes: &[u8]) -> io::Result<()> {
        crate::output::safe_rel(rel)?;
        // A poisoned lock (a render thread panicked) still holds a whole map: the panic itself
        // fails the rebuild, whose files are then dropped.
        self.written
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push(rel.to_string());
        self.next
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(
                Arc::from(rel),
                File {
                    key,
                    bytes: Arc::from(bytes),
                },
            );
        Ok(())
    }

    /// The files, the paths rendered (sorted), and how many were kept.
    pub fn finish(self) -> (Files, Vec<String>, usize) {
        let mut written = self
            .written
            .into_inner()
            .unwrap_or_else(PoisonError::into_inner);
        written.sort();
        (
            self.next
                .into_inner()
                .unwrap_or_else(PoisonError::into_inner),
            written,
            self.kept.into_inner(),
        )
    }
}

impl Sink for LiveSink {
    fn write(&self, rel: &str, bytes: &[u8]) -> io::Result<()> {
        self.put(rel, None, bytes)
    }
    fn write_keyed(&self, rel: &str, key: u64, bytes: &[u8]) -> io::Result<()> {
        self.put(rel, Some(key), bytes)
    }
    fn holds(&self, rel: &str, key: u64) -> bool {
        self.prev.get(rel).is_some_and(|f| f.key == Some(key))
    }
    fn held_group(&self, prefix: &str, key: u64) -> Option<Vec<String>> {
        let mut group: Vec<String> = self
            .prev
            .iter()
            .filter(|(rel, f)| rel.starts_with(prefix) && f.key == Some(key))
            .map(|(rel, _)| rel.to_string())
            .collect();
        group.sort_unstable();
        (!group.is_empty()).then_some(group)
    }
    fn reuse(&self, rel: &str, key: u64) -> bool {
        match self.prev.get_key_value(rel) {
            Some((k, f)) if f.key == Some(key) => {
                self.kept.fetch_add(1, Ordering::Relaxed);
                self.next
                    .lock()
                    .unwrap_or_else(PoisonError::into_inner)
                    .insert(k.clone(), f.clone());
                true
            }
            _ => false,
        }
    }
}

/// What one rebuild did.
#[derive(Debug)]
pub struct Rebuilt {
    pub incidents: usize,
    /// Files rendered (or copied) by this build, sorted, and how many were kept from the
    /// previous one.
    pub written: Vec<String>,
    pub kept: usize,
    /// Incidents whose Markdown was rendered.
    pub markdown: usize,
    pub warnings: Vec<Diagnostic>,
}

/// A site being served: its caches and its last good build.
pub struct Live {
    root: PathBuf,
    root_abs: PathBuf,
    base_url: String,
    drafts: bool,
    now: DateTime<Utc>,
    caches: Caches,
    files: Arc<Files>,
}

impl Live {
    /// `base_url` is where the site is served (`http://127.0.0.1:1111/`).
    /// Changed content files must be named to [`Live::rebuild`] (a watcher does), or
    /// [`Live::forget`] called: unchanged-looking files are not checked on disk.
    pub fn new(root: &Path, base_url: &str, drafts: bool, now: DateTime<Utc>) -> Self {
        Live {
            root: root.to_path_buf(),
            root_abs: crate::util::fsutil::absolute(root),
            base_url: base_url.to_string(),
            drafts,
            now,
            caches: fresh_caches(),
            files: Arc::new(Files::default()),
        }
    }

    /// Read every content file again on the next rebuild (the watcher may have missed events).
    pub fn forget(&mut self) {
        self.caches.files.clear();
    }

    /// The last good build (empty before the first).
    pub fn files(&self) -> Arc<Files> {
        self.files.clone()
    }

    /// [`Live::rebuild`], with a panic anywhere in it (a bug) turned into an error, so that the
    /// preview shows it and the next change rebuilds. The caches, which the panic may have left
    /// half-updated, are dropped (the next rebuild reads and renders everything again); the last
    /// good build stays served, since it is only replaced at the end of a successful rebuild.
    pub fn rebuild_guarded(&mut self, changed: &[PathBuf]) -> Result<Rebuilt, BuildError> {
        self.guard(|live| live.rebuild(changed))
    }

    fn guard(
        &mut self,
        f: impl FnOnce(&mut Self) -> Result<Rebuilt, BuildError>,
    ) -> Result<Rebuilt, BuildError> {
        match guarded(|| f(self)) {
            Ok(r) => r,
            Err(Panicked(msg)) => {
                self.caches = fresh_caches();
                Err(BuildError::Internal {
                    doing: "rebuilding",
                    panic: msg,
                })
            }
        }
    }

    /// Rebuild after `changed` paths (absolute, as a watcher reports them) changed. On error the
    /// last good build stays as it was.
    pub fn rebuild(&mut self, changed: &[PathBuf]) -> Result<Rebuilt, BuildError> {
        #[cfg(debug_assertions)]
        test_hook::maybe_panic(changed);
        for p in changed {
            // The loader knows files by the path it walked: `<root>/content/...`.
            if let Ok(rel) = p.strip_prefix(&self.root_abs) {
                self.caches.files.mark_dirty(&self.root.join(rel));
            }
        }
        let (site, warnings) = site_or_errors(analyze(
            &self.root,
            Some(&self.base_url),
            self.drafts,
            self.now,
            Some(&mut self.caches),
        )?)?;
        let sink = LiveSink::new(self.files.clone());
        // Through a recorder, as `build` renders: two files with one output path, or a name
        // too long for a file system, are the same errors here as there.
        let recorder = crate::output::Recorder::new(&sink);
        let rendered = render_site(
            &site,
            self.now,
            self.drafts,
            &recorder,
            Some(&self.caches.render),
        );
        let problems = crate::build::output_problems(
            &crate::util::fsutil::display_path(&self.root.join(crate::input::config::FILE_NAME)),
            &recorder,
        );
        if !problems.is_empty() {
            return Err(BuildError::Invalid(
                crate::diag::Diagnostics(problems).sorted(),
            ));
        }
        let stats = rendered?;
        drop(recorder);
        let (files, written, kept) = sink.finish();
        self.files = Arc::new(files);
        Ok(Rebuilt {
            incidents: site.incidents.len(),
            written,
            kept,
            markdown: stats.markdown,
            warnings,
        })
    }
}

/// The caches of a fresh preview: parsed files are trusted until the watcher marks them.
fn fresh_caches() -> Caches {
    let mut caches = Caches::default();
    caches.files.trust_marks();
    caches
}

/// A panic caught by [`guarded`], with its message.
#[derive(Debug, PartialEq, Eq)]
pub struct Panicked(pub String);

/// Run `f`, catching a panic in it (on this thread, or on a rayon thread working for it).
/// The last resort at the rebuild boundary: whatever `f` mutated may be half-updated, which
/// the caller must throw away.
pub fn guarded<T>(f: impl FnOnce() -> T) -> Result<T, Panicked> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).map_err(|payload| {
        Panicked(
            payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "a panic without a message".into()),
        )
    })
}

/// Debug builds only (never in a release): with `AFTERWORD_TEST_PANIC=<marker>` set, a rebuild
/// after a change to a file that contains the marker panics, so that tests/serve.rs can check
/// that the preview survives a panic in a rebuild (no input is known to cause one).
#[cfg(debug_assertions)]
mod test_hook {
    pub fn maybe_panic(changed: &[std::path::PathBuf]) {
        let Some(marker) = std::env::var_os("AFTERWORD_TEST_PANIC") else {
            return;
        };
        let marker = marker.to_string_lossy();
        if marker.is_empty() {
            return;
        }
        for p in changed {
            if std::fs::read_to_string(p).is_ok_and(|t| t.contains(&*marker)) {
                panic!("test panic for {}", p.display());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_at_the_boundary_is_an_error_with_its_message() {
        assert_eq!(guarded(|| 7), Ok(7));
        assert_eq!(
            guarded(|| -> u8 { panic!("boom {}", 1) }),
            Err(Panicked("boom 1".into()))
        );
        assert_eq!(
            guarded(|| -> u8 { panic!("static") }),
            Err(Panicked("static".into()))
        );
        assert_eq!(
            guarded(|| -> u8 { std::panic::panic_any(3u32) }),
            Err(Panicked("a panic without a message".into()))
        );
        // A panic on a rayon thread reaches the caller, and is caught there too.
        let r = guarded(|| {
            use rayon::prelude::*;
            (0..64)
                .into_par_iter()
                .map(|n| if n == 40 { panic!("in a worker") } else { n })
                .sum::<i32>()
        });
        assert_eq!(r, Err(Panicked("in a worker".into())));
    }

    #[test]
    fn a_panicking_rebuild_keeps_the_last_good_build_and_the_next_one_works() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::write(
            root.join("site.toml"),
            "title = \"T\"\nbase_url = \"https://s.example/\"\n[[components]]\nid = \"api\"\nname = \"API\"\n",
        )
        .unwrap();
        std::fs::create_dir(root.join("content")).unwrap();
        let file = root.join("content/a.md");
        let text = |title: &str| {
            format!(
                "+++\ntitle = \"{title}\"\nsummary = \"S\"\nseverity = \"minor\"\ncomponents = [\"api\"]\n\n[[timeline]]\nat = 2024-05-01T10:00:00Z\nstatus = \"investigating\"\nmessage = \"m\"\n+++\n"
            )
        };
        std::fs::write(&file, text("First")).unwrap();
        let now = DateTime::parse_from_rfc3339("2024-06-01T00:00:00Z")
            .unwrap()
            .to_utc();
        let mut live = Live::new(root, "http://127.0.0.1:1/", true, now);
        live.rebuild_guarded(&[]).unwrap();
        let page = |live: &Live| {
            String::from_utf8_lossy(&live.files()["incidents/a/index.html"].bytes).into_owned()
        };
        assert!(page(&live).contains("First"));
        // Half-way through the next rebuild, the caches hold the new text: a panic there must
        // not leave them behind.
        std::fs::write(&file, text("Second")).unwrap();
        let abs = crate::util::fsutil::absolute(&file);
        let r = live.guard(|l| {
            l.caches.files.mark_dirty(&root.join("content/a.md"));
            let _ = analyze(
                root,
                Some("http://127.0.0.1:1/"),
                true,
                now,
                Some(&mut l.caches),
            );
            panic!("after analysis");
        });
        let Err(e @ BuildError::Internal { .. }) = r else {
            panic!("not an internal error")
        };
        assert_eq!(
            e.to_string(),
            "error: afterword hit an internal error while rebuilding: after analysis; please report it"
        );
        assert!(page(&live).contains("First"), "the last good build is kept");
        // The file changes again, unannounced: only caches dropped after the panic read it.
        std::fs::write(&file, text("Third")).unwrap();
        live.rebuild_guarded(&[]).unwrap();
        assert!(page(&live).contains("Third"));
        std::fs::write(&file, text("Fourth")).unwrap();
        live.rebuild_guarded(&[abs]).unwrap();
        assert!(page(&live).contains("Fourth"));
    }
}
