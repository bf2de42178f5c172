//! The `afterword` command line: parses arguments, runs a command, prints errors.

use afterword::build::{build, BuildError, BuildOptions};
use afterword::diag::Diagnostic;
use afterword::scaffold;
use chrono::{DateTime, Utc};
use clap::{Parser, Subcommand};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// mimalloc: a build allocates millions of small strings and values on every core, where it
/// is faster than the system allocator (measured in docs/performance.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// `afterword check --format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    Human,
    Json,
    Github,
}

#[derive(Parser)]
#[command(
    name = "afterword",
    version,
    about = "A static site generator for incident postmortems",
    long_about = "A static site generator for incident postmortems.\n\n\
        Each incident is one Markdown file in content/ with TOML front matter (title, \
        severity, components, a timeline of status updates) and the postmortem as its body. \
        `afterword build` turns the folder into a static status site: a page per incident, \
        a status overview, a history archive, component pages with uptime, feeds and a \
        Statuspage-shaped JSON API under /api/v2/.\n\n\
        Start with `afterword init my-status`, then `afterword serve` in that folder. \
        The documentation is in the docs/ folder of the source repository."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build the site into the output folder (default: public/)
    Build {
        /// The site folder, holding site.toml
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Where to write the site (replaced entirely on success)
        #[arg(long)]
        output: Option<PathBuf>,
        /// Override site.toml's base_url (e.g. for a preview deployment)
        #[arg(long)]
        base_url: Option<String>,
        /// Include incidents marked `draft = true`
        #[arg(long)]
        drafts: bool,
        /// Replace the output folder even if it holds files the previous build did not write
        /// (they are deleted)
        #[arg(long)]
        force: bool,
        /// The current time, RFC 3339 (default: $SOURCE_DATE_EPOCH, else the clock)
        #[arg(long)]
        now: Option<String>,
        /// Neither read nor write the build cache (.afterword/build-cache) and the spare tree
        /// beside the output: render every page
        #[arg(long)]
        no_cache: bool,
    },
    /// Check every file of the site and report every problem, without writing anything
    Check {
        /// The site folder, holding site.toml
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// human (with the source line), json (one object per line) or github (workflow commands)
        #[arg(long, value_enum, default_value = "human", hide_possible_values = true)]
        format: Format,
        /// Exit with status 1 on warnings too
        #[arg(long)]
        deny_warnings: bool,
        /// The current time, RFC 3339 (default: $SOURCE_DATE_EPOCH, else the clock)
        #[arg(long)]
        now: Option<String>,
    },
    /// Build the site in memory, serve it locally and rebuild and reload on every change
    Serve {
        /// The site folder, holding site.toml
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// The port to listen on; 0 picks a free one
        #[arg(long, default_value_t = 1111)]
        port: u16,
        /// The address to listen on (loopback by default: the preview is for you)
        #[arg(long, default_value = "127.0.0.1")]
        bind: std::net::IpAddr,
        /// Show drafts (the default in serve)
        #[arg(long, overrides_with = "no_drafts")]
        drafts: bool,
        /// Hide incidents marked `draft = true`, as `build` does
        #[arg(long)]
        no_drafts: bool,
        /// Open the site in the default browser
        #[arg(long)]
        open: bool,
        /// The time pages are rendered at, RFC 3339 (default: $SOURCE_DATE_EPOCH, else the
        /// clock when serve starts; fixed for the session)
        #[arg(long)]
        now: Option<String>,
    },
    /// Bring incident history over from another tool (see docs/import.md)
    Import {
        #[command(subcommand)]
        from: ImportFrom,
    },
    /// Send one message per new event (incident, update, resolution, postmortem, maintenance)
    /// to the channels in site.toml's [[notify]] (see docs/notify.md). Exit status: 0 all
    /// sent, 1 nothing could be done, 3 some messages failed (the rest were sent)
    Notify {
        /// The site folder, holding site.toml
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Override site.toml's base_url (links in messages; the live site read on a first run)
        #[arg(long)]
        base_url: Option<String>,
        /// The previous published state when there is no state file yet: a URL of the site,
        /// a folder of a previous build, or `none` (default: the live site at base_url)
        #[arg(long, value_name = "URL|DIR|none")]
        previous: Option<String>,
        /// The ledger of what each channel has had (default: <root>/.afterword/notify-state.json)
        #[arg(long, value_name = "FILE")]
        state: Option<PathBuf>,
        /// Print every message with secrets redacted; send nothing, write nothing
        #[arg(long)]
        dry_run: bool,
        /// Never send an event older than this (s, m, h, d, w)
        #[arg(long, default_value = afterword::notify::DEFAULT_MAX_AGE, value_name = "DURATION")]
        max_age: String,
        /// The current time, RFC 3339 (default: $SOURCE_DATE_EPOCH, else the clock)
        #[arg(long)]
        now: Option<String>,
    },
    /// Create a new site in DIR
    Init { dir: PathBuf },
    /// Create a new incident (or maintenance) file in content/ from a template
    New {
        title: String,
        /// A severity id from site.toml (default: the first one)
        #[arg(long)]
        severity: Option<String>,
        /// Comma-separated component ids from site.toml
        #[arg(long, value_delimiter = ',')]
        components: Vec<String>,
        /// Use templates/new/NAME.md (default: templates/new/default.md, else the built-in one)
        #[arg(long, value_name = "NAME")]
        template: Option<String>,
        /// When it started (a maintenance: its scheduled start), RFC 3339 or
        /// "YYYY-MM-DD HH:MM" in the site's time zone (default: now)
        #[arg(long, value_name = "TIME")]
        at: Option<String>,
        /// Write a scheduled maintenance (templates/new/maintenance.md, else the built-in one)
        #[arg(long)]
        maintenance: bool,
        #[arg(long, default_value = ".")]
        root: PathBuf,
    },
    /// Print a shell completion script to stdout (see docs/install.md for where it goes)
    Completions {
        /// bash, zsh, fish, powershell or elvish
        #[arg(value_enum, hide_possible_values = true)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff) to stdout, or write one page per command into a folder
    Man {
        /// Write afterword.1 and afterword-<command>.1 (one per command) into DIR instead
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
    },
}

#[derive(Subcommand)]
enum ImportFrom {
    /// Statuspage public API v2 JSON saved to disk: incidents.json, summary.json,
    /// scheduled-maintenances.json, components.json or single incidents/<code>.json
    Statuspage {
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
        #[command(flatten)]
        args: ImportArgs,
    },
    /// A cState (Hugo) site: its config.yml and content/issues/
    Cstate {
        dir: PathBuf,
        #[command(flatten)]
        args: ImportArgs,
    },
}

#[derive(clap::Args)]
struct ImportArgs {
    /// The afterword site to import into (site.toml is created if there is none)
    #[arg(long, default_value = ".")]
    root: PathBuf,
    /// Print what would change, and change nothing
    #[arg(long)]
    dry_run: bool,
    /// Overwrite imported files even where they were edited since the last import
    #[arg(long)]
    force: bool,
}

fn import(source: afterword::import::Source, args: ImportArgs) -> Result<(), Failure> {
    use afterword::import;
    let opts = import::Options {
        root: args.root,
        dry_run: args.dry_run,
        force: args.force,
    };
    let report = import::run(source, &opts).map_err(Failure::error)?;
    for w in &report.warnings {
        eprintln!("warning: {w}");
    }
    let would = if opts.dry_run { "would " } else { "" };
    for a in &report.actions {
        println!("{would}{a}");
    }
    println!(
        "{} {} new, {} updated, {} unchanged, {} kept as edited by hand{}",
        if opts.dry_run {
            "Dry run:"
        } else {
            "Imported:"
        },
        report.created,
        report.updated,
        report.unchanged,
        report.kept,
        if opts.dry_run {
            " (nothing was written)"
        } else {
            ""
        }
    );
    if !opts.dry_run && !report.actions.is_empty() {
        println!(
            "next: `afterword check --root {}` to review the result",
            opts.root.display()
        );
    }
    Ok(())
}

/// The date on the manual pages (`.TH`): when their text last changed. A constant, so the
/// pages are the same on every machine; bump it with the release that changes the commands.
const MAN_DATE: &str = "2026-11-30";

/// `afterword man`: the top-level page to stdout, or with `--dir` a page per command
/// (`afterword-build.1`, `afterword-import-statuspage.1`, …) beside `afterword.1`, as `git`
/// and `cargo` ship theirs.
fn man_command(dir: Option<&Path>) -> Result<(), Failure> {
    let mut cmd = <Cli as clap::CommandFactory>::command().disable_help_subcommand(true);
    // Gives every subcommand its display name (`afterword-build`), which names its page.
    cmd.build();
    let page = |cmd: clap::Command| {
        let title = cmd
            .get_display_name()
            .unwrap_or(cmd.get_name())
            .to_uppercase();
        clap_mangen::Man::new(cmd).title(title).date(MAN_DATE)
    };
    let Some(dir) = dir else {
        let mut out = std::io::stdout().lock();
        return page(cmd)
            .render(&mut out)
            .and_then(|()| out.flush())
            .map_err(Failure::error);
    };
    std::fs::create_dir_all(dir)
        .map_err(|e| Failure::error(format!("cannot create {}: {e}", dir.display())))?;
    let mut stack = vec![cmd];
    while let Some(cmd) = stack.pop() {
        stack.extend(cmd.get_subcommands().filter(|s| !s.is_hide_set()).cloned());
        let path = page(cmd)
            .generate_to(dir)
            .map_err(|e| Failure::error(format!("cannot write into {}: {e}", dir.display())))?;
        println!("wrote {}", path.display());
    }
    Ok(())
}

/// `--now`, else `SOURCE_DATE_EPOCH`, else the clock.
fn resolve_now(arg: Option<&str>) -> Result<DateTime<Utc>, String> {
    let in_range = |t: DateTime<Utc>, what: String| {
        afterword::util::timefmt::check_range(t).map_err(|e| format!("{what}: {e}"))
    };
    if let Some(s) = arg {
        let t = DateTime::parse_from_rfc3339(s)
            .map(|t| t.with_timezone(&Utc))
            .map_err(|e| {
                format!("--now `{s}` is not an RFC 3339 time ({e}); e.g. 2024-10-02T12:00:00Z")
            })?;
        return in_range(t, format!("--now `{s}`"));
    }
    if let Ok(s) = std::env::var("SOURCE_DATE_EPOCH") {
        let secs: i64 = s
            .trim()
            .parse()
            .map_err(|_| format!("SOURCE_DATE_EPOCH `{s}` is not a number of seconds"))?;
        let what = format!("SOURCE_DATE_EPOCH `{s}`");
        let t = DateTime::from_timestamp(secs, 0).ok_or_else(|| {
            format!(
                "{what} is outside the supported range, {}",
                afterword::util::timefmt::RANGE_TEXT
            )
        })?;
        return in_range(t, what);
    }
    in_range(Utc::now(), "the system clock".into())
}

fn run(cli: Cli) -> Result<(), Failure> {
    match cli.command {
        Command::Import { from } => match from {
            ImportFrom::Statuspage { files, args } => {
                import(afterword::import::Source::Statuspage(&files), args)
            }
            ImportFrom::Cstate { dir, args } => {
                import(afterword::import::Source::Cstate(&dir), args)
            }
        },
        Command::Build {
            root,
            output,
            base_url,
            drafts,
            force,
            now,
            no_cache,
        } => build_command(
            root,
            output,
            base_url,
            drafts,
            force,
            now.as_deref(),
            !no_cache,
        ),
        Command::Notify {
            root,
            base_url,
            previous,
            state,
            dry_run,
            max_age,
            now,
        } => {
            use afterword::notify;
            let opts = notify::Options {
                state: notify::state_path(&root, state.as_deref()),
                root,
                base_url,
                previous: previous
                    .as_deref()
                    .map_or(notify::Previous::Live, notify::Previous::parse),
                dry_run,
                max_age: notify::parse_duration(&max_age)
                    .map_err(|e| Failure::error(format!("--max-age {e}")))?,
                now: resolve_now(now.as_deref()).map_err(Failure::error)?,
            };
            let mut out = std::io::stdout().lock();
            let summary = notify::run(&opts, &mut out).map_err(Failure::error)?;
            if summary.failed > 0 {
                return Err(Failure::Partial(format!(
                    "{} message{} failed (channels: {}); the next run sends what did not go out",
                    summary.failed,
                    if summary.failed == 1 { "" } else { "s" },
                    summary.failed_channels.join(", ")
                )));
            }
            Ok(())
        }
        Command::Check {
            root,
            format,
            deny_warnings,
            now,
        } => check_command(&root, format, deny_warnings, now.as_deref()),
        Command::Serve {
            root,
            port,
            bind,
            drafts: _,
            no_drafts,
            open,
            now,
        } => {
            let now = resolve_now(now.as_deref()).map_err(Failure::error)?;
            afterword::serve::serve(afterword::serve::ServeOptions {
                root,
                bind,
                port,
                drafts: !no_drafts,
                open,
                now,
                color: color(),
            })
            .map_err(Failure::error)
        }
        Command::Completions { shell } => {
            let mut cmd = <Cli as clap::CommandFactory>::command();
            let mut out = std::io::stdout().lock();
            clap_complete::generate(shell, &mut cmd, "afterword", &mut out);
            out.flush().map_err(Failure::error)
        }
        Command::Man { dir } => man_command(dir.as_deref()),
        Command::Init { dir } => {
            let created = scaffold::init(&dir).map_err(Failure::error)?;
            for p in created {
                println!("created {}", p.display());
            }
            println!("\nNext: cd {} && afterword build", dir.display());
            Ok(())
        }
        Command::New {
            title,
            severity,
            components,
            template,
            at,
            maintenance,
            root,
        } => {
            let now = resolve_now(None).map_err(Failure::error)?;
            let opts = scaffold::NewOptions {
                title,
                severity,
                components,
                template,
                at,
                maintenance,
            };
            let path = scaffold::new_incident(&root, &opts, now).map_err(Failure::error)?;
            println!("created {}", path.display());
            Ok(())
        }
    }
}

/// `afterword build`: build, then print the warnings and what was built.
fn build_command(
    root: PathBuf,
    output: Option<PathBuf>,
    base_url: Option<String>,
    drafts: bool,
    force: bool,
    now: Option<&str>,
    cache: bool,
) -> Result<(), Failure> {
    let now = resolve_now(now).map_err(Failure::error)?;
    let report = build(&BuildOptions {
        root,
        output,
        base_url,
        drafts,
        force,
        now,
        cache,
        // Stage by stage on a terminal, where a long build would otherwise be silent.
        progress: std::io::stderr()
            .is_terminal()
            .then_some(&|line: &str| eprintln!("  {line}")),
        can_swap_for_tests: None,
    })
    .map_err(|e| match e {
        // Each problem with its source line, as `check` shows it, then the count.
        BuildError::Invalid(ds) => {
            let mut out: Vec<String> = ds.iter().map(human).collect();
            out.push(BuildError::Invalid(ds).summary());
            Failure::Text(out.join("\n\n"))
        }
        // Its text is its summary: `error: …`.
        e => Failure::Text(shown(&e)),
    })?;
    print_human(
        &report.warnings[..report.warnings.len().min(BUILD_WARNINGS_SHOWN)],
        "",
    );
    if let Some(hidden) = report.warnings.get(BUILD_WARNINGS_SHOWN..) {
        eprintln!("{}", hidden_warnings(hidden));
    }
    for n in &report.notes {
        eprintln!("warning: {}", shown(n));
    }
    println!(
        "Built {} incident{} into {}: {} pages, {} files in {:.2}s",
        report.incidents,
        if report.incidents == 1 { "" } else { "s" },
        report.output.display(),
        report.pages,
        report.files,
        report.seconds
    );
    Ok(())
}

/// `afterword check`: print every diagnostic in `format`, then the summary.
fn check_command(
    root: &Path,
    format: Format,
    deny_warnings: bool,
    now: Option<&str>,
) -> Result<(), Failure> {
    let now = resolve_now(now).map_err(Failure::error)?;
    let report = afterword::build::check(root, now).map_err(|e| Failure::Text(shown(&e)))?;
    match format {
        Format::Human => print_human(&report.diagnostics, "\n"),
        Format::Json => print_lines(&report.diagnostics, afterword::diag::json),
        Format::Github => print_lines(&report.diagnostics, afterword::diag::github),
    }
    eprintln!("check: {}", report.summary());
    if report.errors() > 0 || (deny_warnings && report.warnings() > 0) {
        return Err(Failure::Reported);
    }
    Ok(())
}

/// How a command failed. `main` prints it (to stderr) and exits with status 1.
enum Failure {
    /// Everything was printed already (`check`'s diagnostics and summary).
    Reported,
    /// One problem, printed as `error: <message>`.
    Error(String),
    /// Printed as it is: diagnostics, each with its source line, and their summary.
    Text(String),
    /// `notify`: some messages failed, the others went out (exit status 3).
    Partial(String),
}

impl Failure {
    /// One problem, its unprintable characters escaped.
    fn error(e: impl std::fmt::Display) -> Failure {
        Failure::Error(shown(&e))
    }
}

/// An error message as it can be printed: every line with its unprintable characters (control
/// characters, bidirectional overrides; from a file name, say) written as escapes.
fn shown(e: &dyn std::fmt::Display) -> String {
    e.to_string()
        .split('\n')
        .map(|l| afterword::diag::printable(l).into_owned())
        .collect::<Vec<_>>()
        .join("\n")
}

/// How many warnings `build` shows in full; the rest are counted by code, and `check` lists
/// every one. An archive imported from elsewhere can have a warning per file (W0011 on every
/// postmortem written before the archive fields existed): thousands of source excerpts bury the
/// build's own result, and reading each file again to show them cost more than a tenth of a
/// 10,000-item build.
const BUILD_WARNINGS_SHOWN: usize = 20;

/// `warning: 9,577 more warnings not shown (9,577 W0011 incomplete-postmortem); …`.
fn hidden_warnings(hidden: &[Diagnostic]) -> String {
    let mut by_code = std::collections::BTreeMap::<(&str, &str), usize>::new();
    for d in hidden {
        *by_code.entry((d.code.id, d.code.name)).or_default() += 1;
    }
    let counts: Vec<String> = by_code
        .iter()
        .map(|((id, name), n)| format!("{n} {id} {name}"))
        .collect();
    format!(
        "warning: {} more warning{} not shown ({}); `afterword check` lists every one",
        hidden.len(),
        if hidden.len() == 1 { "" } else { "s" },
        counts.join(", ")
    )
}

/// Diagnostics as [`human`] shows them, each followed by `after`, to stderr: made in parallel
/// (each reads its file again for the excerpt), written in order through one buffer.
fn print_human(ds: &[Diagnostic], after: &str) {
    use rayon::prelude::*;
    let color = color();
    let texts: Vec<String> = ds
        .par_iter()
        .map(|d| afterword::diag::human_on_disk(d, color))
        .collect();
    let mut err = std::io::BufWriter::new(std::io::stderr().lock());
    for t in texts {
        // Nothing useful can be done when stderr is gone.
        let _ = writeln!(err, "{t}{after}");
    }
    let _ = err.flush();
}

/// One line per diagnostic to stdout, through one buffer.
fn print_lines(ds: &[Diagnostic], line: fn(&Diagnostic) -> String) {
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for d in ds {
        let _ = writeln!(out, "{}", line(d));
    }
    let _ = out.flush();
}

/// A diagnostic as rustc would show it, in colour on a terminal (unless NO_COLOR is set).
fn human(d: &Diagnostic) -> String {
    afterword::diag::human_on_disk(d, color())
}

fn color() -> bool {
    std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// `mi_option_purge_delay` in mimalloc's `mi_option_e` (the same in its v2 and v3; the sys
/// crate has no constant for it).
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

fn main() -> ExitCode {
    // Memory freed while a page is rendered is reused for the next page, never given back to
    // the system: by default mimalloc returns it after 10 ms and then takes it back with a
    // page fault (and a zeroed page) per 4 KiB, which cost 5% of a 10,000-incident build.
    // Peak memory does not change (docs/performance.md); a long `serve` keeps the memory its
    // largest build needed, as with the system allocator.
    // SAFETY: sets an integer option; mimalloc reads it whenever it considers purging.
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, -1) };
    match run(Cli::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            match failure {
                Failure::Reported => {}
                Failure::Error(m) => eprintln!("error: {m}"),
                Failure::Text(t) => eprintln!("{t}"),
                Failure::Partial(m) => {
                    eprintln!("error: {m}");
                    return ExitCode::from(3);
                }
            }
            ExitCode::FAILURE
        }
    }
}
