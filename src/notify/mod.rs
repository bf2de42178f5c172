//! `afterword notify`: tell subscribers what changed since the site was last published
//! (docs/notify.md).
//!
//! The site as just built (the model, at `now`) and the ledger of what each channel has had
//! give the events due; on the first run, with no ledger, the previous published state (the
//! live site's API files, or a folder) says what was already known. Each due event goes to
//! each channel whose filters it passes, in time order; the ledger is saved after every
//! message sent, so a rerun sends only what did not go out.

pub mod deliver;
pub mod events;
pub mod ledger;
pub mod payload;

use crate::input::config::notify::{ChannelKind, NotifyChannel};
use chrono::{DateTime, Utc};
use events::{Event, Item};
use ledger::Ledger;
use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Where the previous published state comes from when there is no ledger yet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Previous {
    /// The live site at `base_url`.
    Live,
    /// A site at this URL (its base URL).
    Url(String),
    /// A folder holding a previous build (`public/`).
    Dir(PathBuf),
    /// Nothing was published before: everything within `--max-age` is new.
    Nothing,
}

impl Previous {
    /// `--previous`: `none`, an http(s) URL, or a folder.
    pub fn parse(s: &str) -> Previous {
        if s == "none" {
            Previous::Nothing
        } else if s.starts_with("https://") || s.starts_with("http://") {
            Previous::Url(s.to_string())
        } else {
            Previous::Dir(PathBuf::from(s))
        }
    }
}

pub struct Options {
    pub root: PathBuf,
    pub base_url: Option<String>,
    pub previous: Previous,
    pub state: PathBuf,
    pub dry_run: bool,
    /// Events older than this are never sent (seconds).
    pub max_age: i64,
    pub now: DateTime<Utc>,
}

/// The default `--state`, relative to the site folder.
pub const DEFAULT_STATE: &str = ".afterword/notify-state.json";
/// The default `--max-age`.
pub const DEFAULT_MAX_AGE: &str = "24h";

/// `--max-age`: a whole number and a unit, `s`, `m`, `h`, `d` or `w` (`90m`, `24h`, `7d`).
pub fn parse_duration(s: &str) -> Result<i64, String> {
    let s = s.trim();
    let split = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    let (n, unit) = s.split_at(split);
    let n: i64 = n
        .parse()
        .map_err(|_| format!("`{s}` is not a duration like 24h or 7d"))?;
    let unit = match unit {
        "s" => 1,
        "m" => 60,
        "h" => 3600,
        "d" => 86_400,
        "w" => 604_800,
        _ => {
            return Err(format!(
                "`{s}`: the unit is one of s, m, h, d, w (e.g. 24h)"
            ))
        }
    };
    n.checked_mul(unit)
        .filter(|v| *v <= 3650 * 86_400)
        .ok_or_else(|| format!("`{s}` is longer than ten years"))
}

/// What a run did.
#[derive(Debug, Default)]
pub struct Summary {
    pub sent: usize,
    pub failed: usize,
    /// Channels that failed (a message, or their set-up).
    pub failed_channels: Vec<String>,
    /// Messages not attempted because an earlier one of their channel failed.
    pub held: usize,
}

/// Run `afterword notify`: print what is sent (or, with `dry_run`, every payload) to `out`.
pub fn run(opts: &Options, out: &mut dyn Write) -> Result<Summary, String> {
    let site = crate::build::load_site(&opts.root, opts.base_url.as_deref(), false, opts.now)
        .map_err(|e| match e {
            crate::build::BuildError::Invalid(ds) => format!(
                "the site has {} error{}; `afterword check` shows them",
                ds.len(),
                if ds.len() == 1 { "" } else { "s" }
            ),
            e => e.to_string(),
        })?;
    let config = &site.config;
    let w = |out: &mut dyn Write, s: String| {
        // Nothing useful can be done when stdout is gone.
        let _ = writeln!(out, "{s}");
    };
    if config.notify.is_empty() {
        w(
            out,
            "no [[notify]] channels in site.toml: nothing to do".into(),
        );
        return Ok(Summary::default());
    }
    let items = events::from_model(&site, opts.now);
    let current = events::events(&items);
    let current_ids: BTreeSet<&str> = current.iter().map(|e| e.id.as_str()).collect();

    let state = opts.state.clone();
    let mut ledger = match Ledger::load(&state)? {
        Some(l) => l,
        None => {
            let baseline = previous_events(&opts.previous, &config.base_url)?;
            w(
                out,
                format!(
                    "no state file yet ({}): starting from the previous state ({} event{})",
                    crate::util::fsutil::display_path(&state).display(),
                    baseline.len(),
                    if baseline.len() == 1 { "" } else { "s" }
                ),
            );
            Ledger {
                version: ledger::VERSION,
                seen: baseline,
                channels: Default::default(),
            }
        }
    };

    let retry = deliver::Retry::default();
    let agent = deliver::agent(0);
    let oldest = opts.now - chrono::Duration::seconds(opts.max_age);
    let site_url = config.base_url.clone();
    let mut summary = Summary::default();
    for ch in &config.notify {
        let done = ledger
            .channels
            .entry(ch.name.clone())
            .or_insert_with(|| ledger.seen.clone());
        let mut due: Vec<&Event> = Vec::new();
        for e in &current {
            if done.contains(&e.id) {
                continue;
            }
            if e.at < oldest || !passes(ch, e, &items[e.item]) {
                // Decided: never sent on this channel, whatever comes later.
                done.insert(e.id.clone());
                continue;
            }
            due.push(e);
        }
        if due.is_empty() {
            continue;
        }
        let secrets = match secrets(ch) {
            Ok(s) => s,
            Err(e) if !opts.dry_run => {
                w(out, format!("failed  {}: {e}", ch.name));
                summary.failed += 1;
                summary.held += due.len().saturating_sub(1);
                summary.failed_channels.push(ch.name.clone());
                continue;
            }
            Err(_) => Secrets::default(),
        };
        for (k, e) in due.iter().enumerate() {
            let m = payload::Message {
                event: e,
                item: &items[e.item],
                site_title: &config.title,
                site_url: &site_url,
            };
            if opts.dry_run {
                w(out, dry_run(ch, &m));
                continue;
            }
            match send(ch, &m, &secrets, &agent, &retry) {
                deliver::Outcome::Sent { attempts } => {
                    summary.sent += 1;
                    let done = ledger.channels.entry(ch.name.clone()).or_default();
                    done.insert(e.id.clone());
                    ledger.save(&state)?;
                    let tries = if attempts > 1 {
                        format!(" (attempt {attempts})")
                    } else {
                        String::new()
                    };
                    w(out, format!("sent    {} {}{tries}", ch.name, e.id));
                }
                deliver::Outcome::Failed { attempts, reason } => {
                    summary.failed += 1;
                    summary.held += due.len() - k - 1;
                    summary.failed_channels.push(ch.name.clone());
                    w(
                        out,
                        format!(
                            "failed  {} {}: {reason} after {attempts} attempt{}; {} more held back for the next run",
                            ch.name,
                            e.id,
                            if attempts == 1 { "" } else { "s" },
                            due.len() - k - 1
                        ),
                    );
                    break;
                }
            }
        }
    }
    if opts.dry_run {
        w(
            out,
            "dry run: nothing was sent, the state file is unchanged".into(),
        );
        return Ok(summary);
    }
    // What the site has now is where a channel added later starts; a channel's record keeps
    // only events the site still has (the others can never be due again).
    ledger.seen = current_ids.iter().map(|s| s.to_string()).collect();
    let names: BTreeSet<&str> = config.notify.iter().map(|c| c.name.as_str()).collect();
    ledger.channels.retain(|k, _| names.contains(k.as_str()));
    for done in ledger.channels.values_mut() {
        done.retain(|id| current_ids.contains(id.as_str()));
    }
    ledger.save(&state)?;
    w(
        out,
        format!(
            "notify: {} sent, {} failed{}",
            summary.sent,
            summary.failed,
            if summary.held > 0 {
                format!(", {} held back", summary.held)
            } else {
                String::new()
            }
        ),
    );
    Ok(summary)
}

/// The channel's filters: event kinds, components (any named), severities (incidents only).
fn passes(ch: &NotifyChannel, e: &Event, item: &Item) -> bool {
    (ch.events.is_empty() || ch.events.iter().any(|k| k == e.kind.id()))
        && (ch.components.is_empty() || item.components.iter().any(|c| ch.components.contains(c)))
        && (ch.severities.is_empty() || item.maintenance || ch.severities.contains(&item.severity))
}

/// The previous published state's event ids.
fn previous_events(previous: &Previous, base_url: &str) -> Result<BTreeSet<String>, String> {
    const FILES: [(&str, bool); 2] = [
        ("api/v2/incidents.json", false),
        ("api/v2/scheduled-maintenances.json", true),
    ];
    let first_run_help = "if the site has never been published, pass `--previous none` (events within --max-age are sent)";
    let mut items = Vec::new();
    match previous {
        Previous::Nothing => {}
        Previous::Live | Previous::Url(_) => {
            let base = match previous {
                Previous::Url(u) => u.as_str(),
                _ => base_url,
            };
            let base = base.trim_end_matches('/');
            deliver::check_url(base).map_err(|e| format!("the previous site `{base}` {e}"))?;
            let agent = deliver::agent(5);
            for (file, maintenance) in FILES {
                let url = format!("{base}/{file}");
                let text = deliver::get(&agent, &url)
                    .map_err(|e| format!("could not read the previous state at {url}: {e}"))?
                    .ok_or_else(|| {
                        format!(
                            "the previous state is not there ({url}: not found); {first_run_help}"
                        )
                    })?;
                items.extend(
                    events::from_api(&text, maintenance).map_err(|e| format!("{url}: {e}"))?,
                );
            }
        }
        Previous::Dir(dir) => {
            for (file, maintenance) in FILES {
                let path = dir.join(file);
                let shown = crate::util::fsutil::display_path(&path)
                    .display()
                    .to_string();
                let len = std::fs::metadata(&path)
                    .map_err(|e| format!("the previous state: {shown}: {e}; {first_run_help}"))?
                    .len();
                if len > deliver::MAX_BODY {
                    return Err(format!("{shown}: larger than {} bytes", deliver::MAX_BODY));
                }
                let text = std::fs::read_to_string(&path).map_err(|e| format!("{shown}: {e}"))?;
                items.extend(
                    events::from_api(&text, maintenance).map_err(|e| format!("{shown}: {e}"))?,
                );
            }
        }
    }
    Ok(events::events(&items).into_iter().map(|e| e.id).collect())
}

/// A channel's secrets, read from the environment variables site.toml names.
#[derive(Default)]
struct Secrets {
    url: Option<String>,
    key: Option<String>,
    password: Option<String>,
}

fn secrets(ch: &NotifyChannel) -> Result<Secrets, String> {
    let var = |name: &Option<String>| -> Result<Option<String>, String> {
        match name {
            None => Ok(None),
            Some(n) => match std::env::var(n) {
                Ok(v) if !v.trim().is_empty() => Ok(Some(v.trim().to_string())),
                _ => Err(format!("the environment variable {n} is not set")),
            },
        }
    };
    let s = Secrets {
        url: var(&ch.url_env)?,
        key: var(&ch.secret_env)?,
        password: var(&ch.email.as_ref().and_then(|e| e.password_env.clone()))?,
    };
    if let (Some(u), Some(n)) = (&s.url, &ch.url_env) {
        deliver::check_url(u).map_err(|e| format!("the URL in {n} {e}"))?;
    }
    Ok(s)
}

/// The body a channel posts for a message (every channel but email).
fn body(ch: &NotifyChannel, m: &payload::Message) -> serde_json::Value {
    match ch.kind {
        ChannelKind::Slack => payload::slack(m),
        ChannelKind::Discord => payload::discord(m),
        ChannelKind::Teams => payload::teams(m),
        ChannelKind::Webhook | ChannelKind::Email => payload::webhook(m),
    }
}

fn send(
    ch: &NotifyChannel,
    m: &payload::Message,
    s: &Secrets,
    agent: &ureq::Agent,
    retry: &deliver::Retry,
) -> deliver::Outcome {
    if let Some(email) = &ch.email {
        let mail = payload::email(m, &email.unsubscribe_url);
        return deliver::send_mail(
            &deliver::Mail {
                settings: email,
                password: s.password.clone(),
                subject: &mail.subject,
                text: mail.text,
                html: mail.html,
                event_id: &m.event.id,
            },
            retry,
        );
    }
    let Some(url) = &s.url else {
        return deliver::Outcome::Failed {
            attempts: 0,
            reason: "no URL".into(),
        };
    };
    let bytes = serde_json::to_vec(&body(ch, m)).unwrap_or_default();
    let kind = m.event.kind.id();
    let id = m.event.id.clone();
    let key = s.key.clone();
    let headers = || -> Vec<(&'static str, String)> {
        let mut h = Vec::new();
        if ch.kind == ChannelKind::Webhook {
            h.push(("X-Afterword-Event", kind.to_string()));
            h.push(("X-Afterword-Event-Id", id.clone()));
            if let Some(k) = &key {
                let t = Utc::now().timestamp();
                let sig = deliver::signature(k.as_bytes(), t, &bytes);
                h.push(("X-Afterword-Signature", format!("t={t},v1={sig}")));
            }
        }
        h
    };
    deliver::post(agent, url, &bytes, &headers, retry)
}

/// What `--dry-run` prints for one message: where it would go (secrets named, not shown) and
/// the payload.
fn dry_run(ch: &NotifyChannel, m: &payload::Message) -> String {
    let head = format!("--- {} ({}) {}", ch.name, ch.kind.id(), m.event.id);
    if let Some(email) = &ch.email {
        let mail = payload::email(m, &email.unsubscribe_url);
        return format!(
            "{head}\nSMTP {}:{} ({:?}){}\nFrom: {}\nTo: {}\nSubject: {}\nList-Unsubscribe: <{}>\nList-Unsubscribe-Post: List-Unsubscribe=One-Click\n\n{}",
            email.smtp_host,
            email.smtp_port,
            email.tls,
            email
                .password_env
                .as_ref()
                .map_or(String::new(), |p| format!(", password from ${p} [redacted]")),
            email.from,
            email.to.join(", "),
            mail.subject,
            email.unsubscribe_url,
            mail.text
        );
    }
    let url = ch
        .url_env
        .as_ref()
        .map_or(String::from("?"), |n| format!("${n} [redacted]"));
    let mut s = format!("{head}\nPOST {url}\nContent-Type: application/json\n");
    if ch.kind == ChannelKind::Webhook {
        s.push_str(&format!(
            "X-Afterword-Event: {}\nX-Afterword-Event-Id: {}\nX-Afterword-Signature: t=<time of sending>,v1=<HMAC-SHA256 with ${} [redacted]>\n",
            m.event.kind.id(),
            m.event.id,
            ch.secret_env.as_deref().unwrap_or("?")
        ));
    }
    s.push('\n');
    s.push_str(&serde_json::to_string_pretty(&body(ch, m)).unwrap_or_default());
    s
}

/// The state file for a site folder and `--state`.
pub fn state_path(root: &Path, state: Option<&Path>) -> PathBuf {
    state.map_or_else(|| root.join(DEFAULT_STATE), Path::to_path_buf)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations() {
        assert_eq!(parse_duration("24h"), Ok(86_400));
        assert_eq!(parse_duration("90m"), Ok(5_400));
        assert_eq!(parse_duration("7d"), Ok(604_800));
        assert_eq!(parse_duration("0s"), Ok(0));
        assert!(parse_duration("24").is_err());
        assert!(parse_duration("h").is_err());
        assert!(parse_duration("-1h").is_err());
        assert!(parse_duration("99999999999999999999d").is_err());
    }

    #[test]
    fn previous_arguments() {
        assert_eq!(Previous::parse("none"), Previous::Nothing);
        assert_eq!(
            Previous::parse("https://status.example.com/"),
            Previous::Url("https://status.example.com/".into())
        );
        assert_eq!(Previous::parse("old"), Previous::Dir("old".into()));
    }
}
