//! `afterword serve`: build the site in memory, serve it on loopback, rebuild on every change
//! and reload open browser tabs over Server-Sent Events.
//!
//! Three parts, each small: [`live`] keeps the in-memory build and its caches; [`watch`]
//! turns file-system events into batches of relevant changes; [`http`] serves the current build
//! and the event stream. A failed rebuild keeps the last good build served, with the errors
//! shown as an overlay on every page until a later change fixes them.

pub mod http;
pub mod live;
pub mod watch;

use crate::build::BuildError;
use crate::diag::Diagnostic;
use chrono::{DateTime, Utc};
use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, RwLock};
use std::time::Instant;

pub struct ServeOptions {
    pub root: PathBuf,
    pub bind: IpAddr,
    /// 0 picks a free port.
    pub port: u16,
    pub drafts: bool,
    pub open: bool,
    /// The time pages are rendered at ("ongoing for …"), fixed for the whole session so that
    /// a rebuild re-renders only what changed.
    pub now: DateTime<Utc>,
    /// Colour in terminal messages.
    pub color: bool,
}

/// What the HTTP side reads: the last good build, the current problems, and a generation
/// number that every rebuild (good or bad) increments.
pub struct State {
    files: RwLock<Arc<live::Files>>,
    /// The overlay's HTML when the latest build failed.
    problems: RwLock<Option<String>>,
    generation: AtomicU64,
    events: tokio::sync::broadcast::Sender<u64>,
}

impl State {
    fn new() -> Self {
        State {
            files: RwLock::new(Arc::new(live::Files::default())),
            problems: RwLock::new(None),
            generation: AtomicU64::new(0),
            events: tokio::sync::broadcast::channel(16).0,
        }
    }

    /// Publish the outcome of a build and tell every open page.
    fn publish(&self, files: Option<Arc<live::Files>>, problems: Option<String>) {
        let old = files.map(|f| std::mem::replace(&mut *write(&self.files), f));
        *write(&self.problems) = problems;
        let g = self.generation.fetch_add(1, Ordering::SeqCst) + 1;
        // No receiver (no page open) is fine.
        let _ = self.events.send(g);
        // The previous build is freed after the pages are told, not before.
        drop(old);
    }
}

/// The state's locks are held only to swap or clone a value, which cannot panic; were one
/// poisoned anyway, the value inside is still whole.
fn read<T>(lock: &RwLock<T>) -> std::sync::RwLockReadGuard<'_, T> {
    lock.read()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

fn write<T>(lock: &RwLock<T>) -> std::sync::RwLockWriteGuard<'_, T> {
    lock.write()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Bind, build, serve and watch until Ctrl-C.
pub fn serve(opts: ServeOptions) -> Result<(), String> {
    if !opts.root.join(crate::input::config::FILE_NAME).is_file() {
        return Err(format!(
            "no {} in {}: run `afterword serve` in a site folder, or pass --root DIR (`afterword init DIR` creates one)",
            crate::input::config::FILE_NAME,
            crate::util::fsutil::display_path(&opts.root).display()
        ));
    }
    let listener = std::net::TcpListener::bind(SocketAddr::new(opts.bind, opts.port))
        .map_err(|e| bind_error(&opts, e))?;
    let addr = listener.local_addr().map_err(|e| e.to_string())?;
    let host = if opts.bind.is_unspecified() {
        IpAddr::from([127, 0, 0, 1])
    } else {
        opts.bind
    };
    let base_url = match host {
        IpAddr::V6(h) => format!("http://[{h}]:{}/", addr.port()),
        IpAddr::V4(h) => format!("http://{h}:{}/", addr.port()),
    };

    let shown = match crate::util::fsutil::display_path(&opts.root) {
        p if p.as_os_str().is_empty() => PathBuf::from("."),
        p => p,
    };
    let state = Arc::new(State::new());
    // Watch before the first build, so a save during it is not missed.
    let mut watcher =
        watch::Watcher::start(&opts.root).map_err(|e| format!("cannot watch the site: {e}"))?;
    let mut live = live::Live::new(&opts.root, &base_url, opts.drafts, opts.now);
    let t = Instant::now();
    eprintln!("Building {} ...", shown.display());
    let outcome = live.rebuild_guarded(&[]);
    show(&state, &live, &outcome, t, &[], opts.color, true);

    println!("Serving {} at {base_url} (Ctrl-C to stop)", shown.display());
    if opts.open {
        open_browser(&base_url);
    }
    let st = state.clone();
    let color = opts.color;
    std::thread::Builder::new()
        .name("afterword-rebuild".into())
        .spawn(move || {
            while let Some(batch) = watcher.next_batch() {
                let t = Instant::now();
                if batch.rescan {
                    live.forget();
                }
                let outcome = live.rebuild_guarded(&batch.paths);
                show(&st, &live, &outcome, t, &batch.shown, color, false);
            }
        })
        .map_err(|e| e.to_string())?;
    http::run(
        listener,
        state,
        http::Hosts {
            bound: opts.bind,
            port: addr.port(),
        },
    )
}

fn bind_error(opts: &ServeOptions, e: std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::AddrInUse => format!(
            "port {} on {} is already in use; choose another with --port N (--port 0 picks a free one)",
            opts.port, opts.bind
        ),
        std::io::ErrorKind::PermissionDenied => format!(
            "not allowed to listen on port {} of {} ({e}); ports below 1024 need privileges, try --port 1111",
            opts.port, opts.bind
        ),
        _ => format!("cannot listen on {}:{}: {e}", opts.bind, opts.port),
    }
}

/// Publish a rebuild's outcome and report it, as one more guarded step: a panic while the
/// problems are formatted must not end the rebuild thread either. It becomes the overlay.
fn show(
    state: &State,
    live: &live::Live,
    outcome: &Result<live::Rebuilt, BuildError>,
    t: Instant,
    changed: &[String],
    color: bool,
    first: bool,
) {
    let shown = live::guarded(|| {
        publish(state, live, outcome);
        report(outcome, t, changed, color, first);
    });
    if let Err(live::Panicked(msg)) = shown {
        let e = BuildError::Internal {
            doing: "reporting a rebuild",
            panic: crate::diag::printable(&msg).into_owned(),
        };
        eprintln!("{e}");
        state.publish(None, Some(overlay(&e)));
    }
}

fn publish(state: &State, live: &live::Live, outcome: &Result<live::Rebuilt, BuildError>) {
    match outcome {
        Ok(_) => state.publish(Some(live.files()), None),
        Err(e) => state.publish(None, Some(overlay(e))),
    }
}

/// One line per rebuild on stdout; errors in full on stderr.
fn report(
    outcome: &Result<live::Rebuilt, BuildError>,
    t: Instant,
    changed: &[String],
    color: bool,
    first: bool,
) {
    let ms = t.elapsed().as_secs_f64() * 1000.0;
    let what = if changed.is_empty() {
        String::new()
    } else if changed.len() <= 3 {
        format!(" ({})", changed.join(", "))
    } else {
        format!(
            " ({}, and {} more)",
            changed[..2].join(", "),
            changed.len() - 2
        )
    };
    match outcome {
        Ok(r) => {
            // Warnings at the start, then only those in files that just changed.
            for w in r
                .warnings
                .iter()
                .filter(|w| first || changed.iter().any(|c| w.path.ends_with(c)))
            {
                eprintln!("{}\n", crate::diag::human_on_disk(w, color));
            }
            println!(
                "{} {} incident{} in {ms:.0} ms{what}: {} file{} rendered, {} kept, {} Markdown render{}",
                if first { "Built" } else { "Rebuilt" },
                r.incidents,
                if r.incidents == 1 { "" } else { "s" },
                r.written.len(),
                if r.written.len() == 1 { "" } else { "s" },
                r.kept,
                r.markdown,
                if r.markdown == 1 { "" } else { "s" },
            );
        }
        Err(e) => {
            if let BuildError::Invalid(ds) = e {
                for d in ds {
                    eprintln!("{}\n", crate::diag::human_on_disk(d, color));
                }
            }
            eprintln!(
                "{}{what}; still serving the last good build",
                e.summary().trim_end_matches("; nothing was written")
            );
        }
    }
}

/// The errors as an HTML overlay: every problem with its file, line, source and help.
fn overlay(e: &BuildError) -> String {
    let body = match e {
        BuildError::Invalid(ds) => ds
            .iter()
            .map(|d: &Diagnostic| crate::diag::human_on_disk(d, false))
            .collect::<Vec<_>>()
            .join("\n\n"),
        e => e.summary(),
    };
    format!(
        "<div id=\"afterword-overlay\" role=\"alert\" style=\"position:fixed;left:0;right:0;bottom:0;max-height:70vh;overflow:auto;z-index:2147483647;margin:0;padding:1rem 1.25rem;background:#1d1f21;color:#f8f8f2;border-top:4px solid #e03131;font:14px/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;text-align:left\">\
<p style=\"margin:0 0 .5rem;font-weight:bold;color:#ffa8a8\">afterword: the last change does not build ({}). This page is the last good build; fix the file and it reloads.</p>\
<pre style=\"margin:0;white-space:pre-wrap;color:inherit;background:none\">{}</pre></div>",
        crate::util::escape::markup(&e.summary().trim_start_matches("error: ").replace("; nothing was written", "")),
        crate::util::escape::markup(&body)
    )
}

fn open_browser(url: &str) {
    let cmd = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(windows) {
        "explorer"
    } else {
        "xdg-open"
    };
    if let Err(e) = std::process::Command::new(cmd)
        .arg(url)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
    {
        eprintln!("could not open a browser ({cmd}: {e}); open {url} yourself");
    }
}
