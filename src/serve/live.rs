//! The live site: an in-memory build that is rebuilt on every change, reusing everything the
//! change did not touch (parsed files, validation, rendered Markdown, rendered pages).

use crate::build::{analyze_cached, render_site_cached, BuildError, Caches};
use crate::diag::{Diagnostic, Severity};
use crate::output::Sink;
use chrono::{DateTime, Utc};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

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
        self.written.lock().expect("sink").push(rel.to_string());
        self.next.lock().expect("sink").insert(
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
        let mut written = self.written.into_inner().expect("sink");
        written.sort();
        (
            self.next.into_inner().expect("sink"),
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
    fn reuse(&self, rel: &str, key: u64) -> bool {
        match self.prev.get_key_value(rel) {
            Some((k, f)) if f.key == Some(key) => {
                self.kept.fetch_add(1, Ordering::Relaxed);
                self.next.lock().expect("sink").insert(k.clone(), f.clone());
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
        let mut caches = Caches {
            keep: true,
            ..Caches::default()
        };
        caches.files.trust_marks();
        Live {
            root: root.to_path_buf(),
            root_abs: crate::fsutil::absolute(root),
            base_url: base_url.to_string(),
            drafts,
            now,
            caches,
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

    /// Rebuild after `changed` paths (absolute, as a watcher reports them) changed. On error the
    /// last good build stays as it was.
    pub fn rebuild(&mut self, changed: &[PathBuf]) -> Result<Rebuilt, BuildError> {
        for p in changed {
            // The loader knows files by the path it walked: `<root>/content/...`.
            if let Ok(rel) = p.strip_prefix(&self.root_abs) {
                self.caches.files.mark_dirty(&self.root.join(rel));
            }
        }
        let (site, diags) = analyze_cached(
            &self.root,
            Some(&self.base_url),
            self.drafts,
            self.now,
            &mut self.caches,
        )?;
        let (warnings, errors): (Vec<Diagnostic>, Vec<Diagnostic>) = diags
            .into_iter()
            .partition(|d| d.severity == Severity::Warning);
        let site = match site {
            Some(site) if errors.is_empty() => site,
            _ => return Err(BuildError::Invalid(errors)),
        };
        let sink = LiveSink::new(self.files.clone());
        let stats = render_site_cached(
            &site,
            self.now,
            self.drafts,
            &sink,
            Some(&self.caches.render),
        )?;
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
