//! `afterword notify` end to end: real HTTP receivers on loopback (std threads), a real SMTP
//! server (Python's aiosmtpd), the fixture site tests/fixtures/notify at 2026-11-21T12:00Z.
//!
//! The events of the fixture at 12:00 with `--max-age 24h` (worked out by hand from the
//! content files; ties at one instant go in id order):
//!
//! | # | event | at |
//! | - | ----- | -- |
//! | 1 | maintenance/2026-11-22-db-upgrade/announced | 11-20 15:00 (21 h before now) |
//! | 2 | incident/2026-11-21-api-outage/created | 08:00 |
//! | 3 | incident/2026-11-21-api-outage/update/20261121T083000Z | 08:30 |
//! | 4 | incident/2026-11-21-api-outage/resolved | 09:00 |
//! | 5 | incident/2026-11-21-dashboard-slow/created | 10:00 |
//! | 6 | incident/2026-11-21-dashboard-slow/update/20261121T103000Z | 10:30 |
//! | 7 | incident/2026-11-21-api-outage/postmortem | 11:00 |
//! | 8 | maintenance/2026-11-22-db-upgrade/started | 11:00 (window start; by the clock) |
//!
//! The old outage (October) is older than 24 h: never sent. The maintenance is not completed
//! (its window ends at 13:00). The filtered channel `api-major` (component api, severity major,
//! created and resolved only) gets #2 and #4.

mod common;

use serde_json::Value;
use std::collections::VecDeque;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

const NOW: &str = "2026-11-21T12:00:00Z";

const ALL: [&str; 8] = [
    "maintenance/2026-11-22-db-upgrade/announced",
    "incident/2026-11-21-api-outage/created",
    "incident/2026-11-21-api-outage/update/20261121T083000Z",
    "incident/2026-11-21-api-outage/resolved",
    "incident/2026-11-21-dashboard-slow/created",
    "incident/2026-11-21-dashboard-slow/update/20261121T103000Z",
    "incident/2026-11-21-api-outage/postmortem",
    "maintenance/2026-11-22-db-upgrade/started",
];

/// One request a receiver got.
#[derive(Debug, Clone)]
struct Request {
    method: String,
    path: String,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Request {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
    fn json(&self) -> Value {
        serde_json::from_slice(&self.body).expect("a JSON body")
    }
}

/// Statuses to answer POSTs with, in turn, each with an extra header line.
type Script = VecDeque<(u16, Option<String>)>;

/// An HTTP server on loopback that records every request and answers with the scripted
/// statuses in turn (then 200), or with a file for a GET of a path it serves.
struct Receiver {
    url: String,
    requests: Arc<Mutex<Vec<Request>>>,
}

impl Receiver {
    fn start(script: &[(u16, Option<&str>)], files: Vec<(String, Vec<u8>)>) -> Receiver {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        let requests = Arc::new(Mutex::new(Vec::new()));
        let script: Arc<Mutex<Script>> = Arc::new(Mutex::new(
            script
                .iter()
                .map(|(s, h)| (*s, h.map(str::to_string)))
                .collect(),
        ));
        let rec = Arc::clone(&requests);
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(mut stream) = stream else { continue };
                let mut reader = BufReader::new(stream.try_clone().unwrap());
                let mut line = String::new();
                if reader.read_line(&mut line).unwrap_or(0) == 0 {
                    continue;
                }
                let mut parts = line.split_whitespace();
                let method = parts.next().unwrap_or("").to_string();
                let path = parts.next().unwrap_or("").to_string();
                let mut headers = Vec::new();
                loop {
                    let mut h = String::new();
                    if reader.read_line(&mut h).unwrap_or(0) == 0 || h.trim().is_empty() {
                        break;
                    }
                    if let Some((k, v)) = h.split_once(':') {
                        headers.push((k.trim().to_string(), v.trim().to_string()));
                    }
                }
                let len: usize = headers
                    .iter()
                    .find(|(k, _)| k.eq_ignore_ascii_case("content-length"))
                    .and_then(|(_, v)| v.parse().ok())
                    .unwrap_or(0);
                let mut body = vec![0; len];
                reader.read_exact(&mut body).unwrap();
                let req = Request {
                    method: method.clone(),
                    path: path.clone(),
                    headers,
                    body,
                };
                rec.lock().unwrap().push(req);
                let (status, extra, payload) = if method == "GET" {
                    match files.iter().find(|(p, _)| *p == path) {
                        Some((_, b)) => (200, None, b.clone()),
                        None => (404, None, Vec::new()),
                    }
                } else {
                    let (s, h) = script.lock().unwrap().pop_front().unwrap_or((200, None));
                    (s, h, Vec::new())
                };
                let extra = extra.map_or(String::new(), |h| format!("{h}\r\n"));
                let head = format!(
                    "HTTP/1.1 {status} Scripted\r\nContent-Length: {}\r\nConnection: close\r\n{extra}\r\n",
                    payload.len()
                );
                let _ = stream.write_all(head.as_bytes());
                let _ = stream.write_all(&payload);
                let _ = stream.flush();
            }
        });
        Receiver { url, requests }
    }

    fn ok() -> Receiver {
        Receiver::start(&[], Vec::new())
    }

    fn requests(&self) -> Vec<Request> {
        self.requests.lock().unwrap().clone()
    }

    /// The event ids a generic webhook receiver got, in order.
    fn event_ids(&self) -> Vec<String> {
        self.requests()
            .iter()
            .map(|r| r.header("X-Afterword-Event-Id").unwrap_or("").to_string())
            .collect()
    }
}

/// The five HTTP channels of the fixture, each with a receiver.
struct Channels {
    slack: Receiver,
    discord: Receiver,
    teams: Receiver,
    hook: Receiver,
    filtered: Receiver,
}

const SECRET: &str = "whsec-test-Zq81x";
/// A token in every webhook URL's path: the part of a Slack or Discord URL that is the secret.
const TOKEN: &str = "T0KEN-9f3e";

impl Channels {
    fn ok() -> Channels {
        Channels {
            slack: Receiver::ok(),
            discord: Receiver::ok(),
            teams: Receiver::ok(),
            hook: Receiver::ok(),
            filtered: Receiver::ok(),
        }
    }

    fn env(&self) -> Vec<(String, String)> {
        let u = |r: &Receiver, name: &str| format!("{}/{name}/{TOKEN}", r.url);
        vec![
            ("TEST_SLACK_URL".into(), u(&self.slack, "slack")),
            ("TEST_DISCORD_URL".into(), u(&self.discord, "discord")),
            ("TEST_TEAMS_URL".into(), u(&self.teams, "teams")),
            ("TEST_HOOK_URL".into(), u(&self.hook, "hook")),
            ("TEST_FILTERED_URL".into(), u(&self.filtered, "filtered")),
            ("TEST_HOOK_SECRET".into(), SECRET.into()),
        ]
    }
}

fn site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    common::copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/notify"),
        dir.path(),
    );
    dir
}

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

fn notify(root: &Path, args: &[&str], env: &[(String, String)]) -> Run {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_afterword"));
    cmd.arg("notify").arg("--root").arg(root);
    if !args.contains(&"--now") {
        cmd.args(["--now", NOW]);
    }
    cmd.args(args)
        .env_remove("SOURCE_DATE_EPOCH")
        // Backoff and Retry-After seconds last 10 ms here.
        .env("AFTERWORD_NOTIFY_SECOND_MS", "10")
        .env_remove("HTTPS_PROXY")
        .env_remove("HTTP_PROXY")
        .env_remove("ALL_PROXY")
        .env_remove("https_proxy")
        .env_remove("http_proxy")
        .env_remove("all_proxy");
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().expect("run afterword");
    Run {
        code: out.status.code(),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn state(root: &Path) -> PathBuf {
    root.join(".afterword/notify-state.json")
}

/// HMAC-SHA256 checked by Python's hmac module (independent of the ring code that signed),
/// with the receiver snippet docs/notify.md gives.
fn python_verifies(secret: &str, header: &str, body: &[u8]) -> bool {
    let script = r#"
import hmac, hashlib, sys
secret, header = sys.argv[1].encode(), sys.argv[2]
body = sys.stdin.buffer.read()
parts = dict(p.split("=", 1) for p in header.split(","))
expected = hmac.new(secret, parts["t"].encode() + b"." + body, hashlib.sha256).hexdigest()
sys.exit(0 if hmac.compare_digest(expected, parts["v1"]) else 1)
"#;
    let mut child = std::process::Command::new("python3")
        .args(["-c", script, secret, header])
        .stdin(std::process::Stdio::piped())
        .spawn()
        .expect("python3");
    child.stdin.take().unwrap().write_all(body).unwrap();
    child.wait().unwrap().success()
}

fn utf16(v: &Value) -> usize {
    v.as_str().expect("a string").encode_utf16().count()
}

#[test]
fn first_run_without_a_previous_state_is_an_error() {
    let dir = site();
    // The "live site" answers 404: never published.
    let live = Receiver::ok();
    let base = format!("{}/", live.url);
    let run = notify(dir.path(), &["--base-url", &base], &Channels::ok().env());
    assert_eq!(run.code, Some(1), "{}{}", run.stdout, run.stderr);
    assert!(run.stderr.contains("--previous none"), "{}", run.stderr);
    let paths: Vec<String> = live.requests().iter().map(|r| r.path.clone()).collect();
    assert_eq!(paths, ["/api/v2/incidents.json"]);
    assert!(!state(dir.path()).exists());
}

#[test]
fn every_channel_gets_its_events_once_in_the_documented_shapes() {
    let dir = site();
    let ch = Channels::ok();
    let run = notify(dir.path(), &["--previous", "none"], &ch.env());
    assert_eq!(run.code, Some(0), "{}{}", run.stdout, run.stderr);
    assert!(
        run.stdout.contains("notify: 34 sent, 0 failed"),
        "{}",
        run.stdout
    );

    // 8 events on each unfiltered channel, 2 on the filtered one: 4 × 8 + 2 = 34.
    assert_eq!(ch.hook.event_ids(), ALL);
    assert_eq!(ch.filtered.event_ids(), [ALL[1], ALL[3]]);
    for r in [&ch.slack, &ch.discord, &ch.teams] {
        assert_eq!(r.requests().len(), 8);
        for q in r.requests() {
            assert_eq!(q.method, "POST");
            assert!(q.path.ends_with(TOKEN));
            assert_eq!(q.header("Content-Type"), Some("application/json"));
        }
    }

    // Slack incoming webhook (Block Kit): `text` is the notification; a header block's
    // plain_text is at most 150 characters, a section's mrkdwn text at most 3000; at most 50
    // blocks. `&`, `<`, `>` in mrkdwn are escaped as &amp; &lt; &gt;.
    for q in ch.slack.requests() {
        let v = q.json();
        assert!(!v["text"].as_str().unwrap().is_empty());
        let blocks = v["blocks"].as_array().unwrap();
        assert!(!blocks.is_empty() && blocks.len() <= 50);
        assert_eq!(blocks[0]["type"], "header");
        assert_eq!(blocks[0]["text"]["type"], "plain_text");
        assert!(utf16(&blocks[0]["text"]["text"]) <= 150);
        assert_eq!(blocks[1]["type"], "section");
        assert_eq!(blocks[1]["text"]["type"], "mrkdwn");
        assert!(utf16(&blocks[1]["text"]["text"]) <= 3000);
        for b in &blocks[1..] {
            let t = serde_json::to_string(b).unwrap();
            // Only our own link is a Slack link: `<https://status.example.com/…|…>`.
            for (k, _) in t.match_indices('<') {
                assert!(t[k..].starts_with("<https://status.example.com/"), "{t}");
            }
        }
    }
    let hostile = &ch.slack.requests()[4].json();
    let section = hostile["blocks"][1]["text"]["text"].as_str().unwrap();
    assert!(
        section.starts_with("Pages take &lt;b&gt;10 s&lt;/b&gt; &amp; more; see &lt;https://evil.example/x|click&gt;"),
        "{section}"
    );

    // Discord webhook: an embed's title ≤ 256, description ≤ 4096, ≤ 25 fields (name ≤ 256,
    // value ≤ 1024), footer ≤ 2048, all of them ≤ 6000; ≤ 10 embeds; no mention parsed.
    for q in ch.discord.requests() {
        let v = q.json();
        assert_eq!(v["allowed_mentions"]["parse"], serde_json::json!([]));
        let embeds = v["embeds"].as_array().unwrap();
        assert!(!embeds.is_empty() && embeds.len() <= 10);
        let e = &embeds[0];
        let mut total = utf16(&e["title"]) + utf16(&e["description"]) + utf16(&e["footer"]["text"]);
        assert!(utf16(&e["title"]) <= 256 && utf16(&e["description"]) <= 4096);
        assert!(utf16(&e["footer"]["text"]) <= 2048);
        let fields = e["fields"].as_array().unwrap();
        assert!(fields.len() <= 25);
        for f in fields {
            assert!(utf16(&f["name"]) <= 256 && utf16(&f["value"]) <= 1024);
            total += utf16(&f["name"]) + utf16(&f["value"]);
        }
        assert!(total <= 6000);
        assert!(e["url"]
            .as_str()
            .unwrap()
            .starts_with("https://status.example.com/"));
        assert!(e["color"].is_u64());
        chrono::DateTime::parse_from_rfc3339(e["timestamp"].as_str().unwrap()).unwrap();
    }
    let d = ch.discord.requests()[4].json();
    let desc = d["embeds"][0]["description"].as_str().unwrap();
    assert!(desc.contains("\\@everyone \\*now\\*"), "{desc}");
    assert!(!desc.replace("\\@", "").contains('@'), "{desc}");

    // Teams workflow webhook: a message whose attachment is an Adaptive Card (1.4).
    for q in ch.teams.requests() {
        let v = q.json();
        assert_eq!(v["type"], "message");
        let a = &v["attachments"].as_array().unwrap()[0];
        assert_eq!(a["contentType"], "application/vnd.microsoft.card.adaptive");
        let card = &a["content"];
        assert_eq!(card["type"], "AdaptiveCard");
        assert_eq!(card["version"], "1.4");
        assert_eq!(
            card["$schema"],
            "http://adaptivecards.io/schemas/adaptive-card.json"
        );
        let body = card["body"].as_array().unwrap();
        assert!(body
            .iter()
            .all(|b| b["type"] == "TextBlock" || b["type"] == "FactSet"));
        let action = &card["actions"][0];
        assert_eq!(action["type"], "Action.OpenUrl");
        assert!(action["url"]
            .as_str()
            .unwrap()
            .starts_with("https://status.example.com/"));
    }

    let t = ch.teams.requests()[4].json();
    let text = t["attachments"][0]["content"]["body"][1]["text"]
        .as_str()
        .unwrap();
    assert!(text.ends_with("@everyone \\*now\\*"), "{text}");

    // The generic webhook: body version 1, signed (checked by Python's hmac).
    for (k, q) in ch.hook.requests().iter().enumerate() {
        let v = q.json();
        assert_eq!(v["version"], 1);
        assert_eq!(v["event"]["id"], ALL[k]);
        assert_eq!(q.header("X-Afterword-Event"), v["event"]["kind"].as_str());
        let sig = q.header("X-Afterword-Signature").unwrap();
        assert!(python_verifies(SECRET, sig, &q.body), "{sig}");
        assert!(!python_verifies("another-key", sig, &q.body));
        let mut tampered = q.body.clone();
        tampered[0] = b' ';
        assert!(!python_verifies(SECRET, sig, &tampered));
    }
    let created = ch.hook.requests()[1].json();
    assert_eq!(created["event"]["kind"], "incident.created");
    assert_eq!(created["event"]["at"], "2026-11-21T08:00:00Z");
    assert_eq!(created["event"]["status"], "investigating");
    assert_eq!(created["message"], "The API is returning errors.");
    assert_eq!(created["item"]["type"], "incident");
    assert_eq!(created["item"]["id"], "2026-11-21-api-outage");
    assert_eq!(created["item"]["severity"], "major");
    assert_eq!(created["item"]["components"], serde_json::json!(["api"]));
    assert_eq!(
        created["item"]["url"],
        "https://status.example.com/incidents/2026-11-21-api-outage/"
    );
    assert_eq!(created["site"]["url"], "https://status.example.com/");
    let started = ch.hook.requests()[7].json();
    assert_eq!(started["event"]["kind"], "maintenance.started");
    assert_eq!(started["item"]["scheduled_until"], "2026-11-21T13:00:00Z");

    // The secret never shows.
    for s in [&run.stdout, &run.stderr] {
        assert!(!s.contains(TOKEN) && !s.contains(SECRET), "{s}");
    }

    // Running again on the same state sends nothing.
    let before: usize = [&ch.slack, &ch.discord, &ch.teams, &ch.hook, &ch.filtered]
        .iter()
        .map(|r| r.requests().len())
        .sum();
    let again = notify(dir.path(), &["--previous", "none"], &ch.env());
    assert_eq!(again.code, Some(0), "{}{}", again.stdout, again.stderr);
    assert!(
        again.stdout.contains("notify: 0 sent, 0 failed"),
        "{}",
        again.stdout
    );
    let after: usize = [&ch.slack, &ch.discord, &ch.teams, &ch.hook, &ch.filtered]
        .iter()
        .map(|r| r.requests().len())
        .sum();
    assert_eq!(before, after);

    // An hour later the maintenance has completed: one new event, on every unfiltered channel.
    let later = notify(dir.path(), &["--now", "2026-11-21T13:30:00Z"], &ch.env());
    assert_eq!(later.code, Some(0), "{}{}", later.stdout, later.stderr);
    assert_eq!(
        ch.hook.event_ids().last().unwrap(),
        "maintenance/2026-11-22-db-upgrade/completed"
    );
    assert_eq!(ch.hook.requests().len(), 9);
    assert_eq!(ch.filtered.requests().len(), 2);
}

#[test]
fn retries_429_and_503_honour_retry_after_400_is_final_and_a_rerun_sends_the_rest() {
    let dir = site();
    let ch = Channels {
        // The first message: 429 then 503 (each asking for 1 "second", 10 ms here), then 200.
        slack: Receiver::start(
            &[(429, Some("Retry-After: 1")), (503, Some("Retry-After: 1"))],
            Vec::new(),
        ),
        // Two messages go out, the third is refused with 400: not retried; the channel stops.
        hook: Receiver::start(&[(200, None), (200, None), (400, None)], Vec::new()),
        discord: Receiver::ok(),
        teams: Receiver::ok(),
        filtered: Receiver::ok(),
    };
    let run = notify(dir.path(), &["--previous", "none"], &ch.env());
    assert_eq!(run.code, Some(3), "{}{}", run.stdout, run.stderr);
    assert!(
        run.stderr.contains("1 message failed (channels: hook)"),
        "{}",
        run.stderr
    );
    assert!(
        run.stdout
            .contains("HTTP 400 after 1 attempt; 5 more held back"),
        "{}",
        run.stdout
    );

    let slack = ch.slack.requests();
    assert_eq!(
        slack.len(),
        10,
        "3 attempts for the first message, 1 for each of 7 others"
    );
    // The wait between attempts honours Retry-After: `Retry::wait` is checked without a clock
    // in deliver.rs's unit tests; here, the retries of the same message.
    assert_eq!(slack[0].body, slack[2].body);
    // The other channels were not held up by the failing one.
    assert_eq!(ch.discord.requests().len(), 8);
    assert_eq!(ch.teams.requests().len(), 8);
    assert_eq!(ch.filtered.requests().len(), 2);
    assert_eq!(ch.hook.event_ids(), ALL[..3]);
    for s in [&run.stdout, &run.stderr] {
        assert!(!s.contains(TOKEN) && !s.contains(SECRET), "{s}");
    }

    // The retried job: exactly what did not go out, on the channel that failed.
    let rerun = notify(dir.path(), &["--previous", "none"], &ch.env());
    assert_eq!(rerun.code, Some(0), "{}{}", rerun.stdout, rerun.stderr);
    assert_eq!(ch.hook.event_ids()[3..], ALL[2..]);
    assert_eq!(ch.slack.requests().len(), 10);
    assert_eq!(ch.discord.requests().len(), 8);
    assert_eq!(ch.teams.requests().len(), 8);
    assert_eq!(ch.filtered.requests().len(), 2);
}

#[test]
fn a_missing_secret_fails_its_channel_only() {
    let dir = site();
    let ch = Channels::ok();
    let env: Vec<(String, String)> = ch
        .env()
        .into_iter()
        .filter(|(k, _)| k != "TEST_TEAMS_URL")
        .collect();
    let run = notify(dir.path(), &["--previous", "none"], &env);
    assert_eq!(run.code, Some(3), "{}{}", run.stdout, run.stderr);
    assert!(run
        .stdout
        .contains("failed  teams: the environment variable TEST_TEAMS_URL is not set"));
    assert_eq!(ch.slack.requests().len(), 8);
    assert_eq!(ch.teams.requests().len(), 0);
}

#[test]
fn dry_run_prints_every_payload_and_no_secret() {
    let dir = site();
    let ch = Channels::ok();
    let run = notify(dir.path(), &["--previous", "none", "--dry-run"], &ch.env());
    assert_eq!(run.code, Some(0), "{}{}", run.stdout, run.stderr);
    assert_eq!(run.stdout.matches("\n--- slack (slack) ").count(), 8);
    assert_eq!(run.stdout.matches("\n--- hook (webhook) ").count(), 8);
    assert_eq!(run.stdout.matches("\n--- api-major (webhook) ").count(), 2);
    assert!(run.stdout.contains("POST $TEST_SLACK_URL [redacted]"));
    for s in [&run.stdout, &run.stderr] {
        assert!(
            !s.contains(TOKEN) && !s.contains(SECRET) && !s.contains("127.0.0.1"),
            "{s}"
        );
    }
    // Nothing sent, nothing written.
    for r in [&ch.slack, &ch.discord, &ch.teams, &ch.hook, &ch.filtered] {
        assert!(r.requests().is_empty());
    }
    assert!(!state(dir.path()).exists());
}

/// A previous build (at 10:15), read from a folder or served over HTTP: only what happened
/// since is sent. At 10:15 the site had #1–#5; new since: #6 (10:30), #7 and #8 (11:00).
/// The filtered channel had both its events already: nothing.
#[test]
fn the_previous_state_from_a_folder_or_a_url() {
    let dir = site();
    let old = dir.path().join("old-public");
    let build = common::run(
        dir.path(),
        &[
            "build",
            "--output",
            old.to_str().unwrap(),
            "--now",
            "2026-11-21T10:15:00Z",
        ],
    );
    assert!(build.status.success(), "{}", build.stderr);

    let ch = Channels::ok();
    let run = notify(
        dir.path(),
        &["--previous", old.to_str().unwrap()],
        &ch.env(),
    );
    assert_eq!(run.code, Some(0), "{}{}", run.stdout, run.stderr);
    assert_eq!(ch.hook.event_ids(), ALL[5..]);
    assert!(ch.filtered.requests().is_empty());
    assert_eq!(ch.slack.requests().len(), 3);

    // The same over HTTP, with a fresh state file.
    let files = [
        "api/v2/incidents.json",
        "api/v2/scheduled-maintenances.json",
    ]
    .iter()
    .map(|f| (format!("/{f}"), std::fs::read(old.join(f)).unwrap()))
    .collect();
    let live = Receiver::start(&[], files);
    let fresh = dir.path().join("fresh-state.json");
    let ch2 = Channels::ok();
    let run = notify(
        dir.path(),
        &["--previous", &live.url, "--state", fresh.to_str().unwrap()],
        &ch2.env(),
    );
    assert_eq!(run.code, Some(0), "{}{}", run.stdout, run.stderr);
    assert_eq!(ch2.hook.event_ids(), ALL[5..]);
    let ledger: Value = serde_json::from_str(&std::fs::read_to_string(&fresh).unwrap()).unwrap();
    assert_eq!(ledger["version"], 1);
    // The ledger records the 9 events the site has (the 8, and the old outage's created and
    // resolved, 10), each channel all of them: sent, filtered out or too old.
    assert_eq!(ledger["seen"].as_array().unwrap().len(), 10);
    assert_eq!(ledger["channels"]["hook"].as_array().unwrap().len(), 10);
}

#[test]
fn hostile_previous_states_are_clear_errors() {
    let dir = site();
    let cases: [(&str, &[u8]); 3] = [
        ("not json", b"<html>hello</html>"),
        ("wrong shape", br#"{"incidents": [{"id": 1}]}"#),
        ("slash in id", br#"{"incidents": [{"id": "a/b", "name": "x", "status": "resolved", "created_at": "2026-01-01T00:00:00Z", "started_at": "2026-01-01T00:00:00Z", "resolved_at": null, "shortlink": "x", "incident_updates": []}]}"#),
    ];
    for (what, body) in cases {
        let live = Receiver::start(&[], vec![("/api/v2/incidents.json".into(), body.to_vec())]);
        let run = notify(
            dir.path(),
            &["--previous", &live.url],
            &Channels::ok().env(),
        );
        assert_eq!(run.code, Some(1), "{what}: {}{}", run.stdout, run.stderr);
        assert!(
            run.stderr.contains("api/v2/incidents.json"),
            "{what}: {}",
            run.stderr
        );
    }
    // A remote over plain HTTP that is not this machine is refused before any request.
    let run = notify(
        dir.path(),
        &["--previous", "http://status.example.com/"],
        &Channels::ok().env(),
    );
    assert_eq!(run.code, Some(1));
    assert!(
        run.stderr.contains("must be an https:// URL"),
        "{}",
        run.stderr
    );
}

#[test]
fn notify_settings_are_checked_strictly() {
    let dir = site();
    let toml = dir.path().join("site.toml");
    let mut text = std::fs::read_to_string(&toml).unwrap();
    text.push_str(
        r#"
[[notify]]
name = "typo"
type = "slak"
url_env = "X"

[[notify]]
name = "leaky"
type = "slack"
url_env = "https://hooks.slack.com/services/T000/B000/XXXX"

[[notify]]
name = "mail"
type = "email"
smtp_host = "smtp.example.com"
tls = "none"
from = "status@example.com"
to = ["ops@example.com"]
unsubscribe_url = "https://example.com/unsubscribe"
"#,
    );
    std::fs::write(&toml, &text).unwrap();
    let run = common::run(dir.path(), &["check"]);
    assert!(!run.status.success());
    let err = &run.stderr;
    assert!(err.contains("unknown notify channel type `slak`"), "{err}");
    assert!(err.contains("`slack`"), "{err}");
    assert!(
        err.contains("`url_env` must name an environment variable"),
        "{err}"
    );
    assert!(err.contains("allowed only for a loopback host"), "{err}");

    // An unknown key: E0002 with the closest known one.
    std::fs::write(&toml, format!("{text}url = \"x\"\n")).unwrap();
    let run = common::run(dir.path(), &["check"]);
    assert!(!run.status.success());
    assert!(run.stderr.contains("E0002"), "{}", run.stderr);
    assert!(run.stderr.contains("url_env"), "{}", run.stderr);
}

/// An SMTP server on loopback: aiosmtpd, writing each message as JSON (headers and decoded
/// parts, read by Python's email package) to a folder.
fn smtp_server(dir: &Path) -> Option<(std::process::Child, u16)> {
    let has = std::process::Command::new("python3")
        .args(["-c", "import aiosmtpd"])
        .status()
        .is_ok_and(|s| s.success());
    if !has {
        assert!(
            std::env::var("AFTERWORD_REQUIRE_SMTP").as_deref() != Ok("1"),
            "aiosmtpd is missing: `pip install aiosmtpd` (AFTERWORD_REQUIRE_SMTP=1 needs it)"
        );
        eprintln!("skipped: aiosmtpd is not installed (pip install aiosmtpd)");
        return None;
    }
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let script = r#"
import sys, json, time, email, email.policy, itertools
from aiosmtpd.controller import Controller
out, port = sys.argv[1], int(sys.argv[2])
n = itertools.count()
class H:
    async def handle_DATA(self, server, session, envelope):
        m = email.message_from_bytes(envelope.content, policy=email.policy.default)
        parts = [{"type": p.get_content_type(), "body": p.get_content()} for p in m.walk() if not p.is_multipart()]
        rec = {"mail_from": envelope.mail_from, "rcpt_tos": envelope.rcpt_tos,
               "headers": {k: str(v) for k, v in m.items()}, "type": m.get_content_type(), "parts": parts}
        with open(f"{out}/{next(n)}.json", "w") as f:
            json.dump(rec, f)
        return "250 OK"
c = Controller(H(), hostname="127.0.0.1", port=port)
c.start()
print("ready", flush=True)
time.sleep(600)
"#;
    let mut child = std::process::Command::new("python3")
        .args(["-c", script, dir.to_str().unwrap(), &port.to_string()])
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("python3");
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    assert_eq!(line.trim(), "ready");
    Some((child, port))
}

#[test]
fn email_over_smtp_multipart_with_list_unsubscribe() {
    let dir = site();
    let inbox = tempfile::tempdir().unwrap();
    let Some((mut server, port)) = smtp_server(inbox.path()) else {
        return;
    };
    // Only the email channel: the fixture's channels replaced.
    let toml = dir.path().join("site.toml");
    let text = std::fs::read_to_string(&toml).unwrap();
    let head = &text[..text.find("[[notify]]").unwrap()];
    std::fs::write(
        &toml,
        format!(
            r#"{head}
[[notify]]
name = "mail"
type = "email"
smtp_host = "127.0.0.1"
smtp_port = {port}
tls = "none"
from = "status@example.com"
to = ["ops@example.com", "list@example.com"]
unsubscribe_url = "https://example.com/unsubscribe?list=status"
events = ["incident.created"]
"#
        ),
    )
    .unwrap();
    let run = notify(dir.path(), &["--previous", "none"], &[]);
    let _ = server.kill();
    let _ = server.wait();
    assert_eq!(run.code, Some(0), "{}{}", run.stdout, run.stderr);

    // Two incidents created within 24 h (#2 and #5): two messages, oldest first.
    let mut mails: Vec<Value> = (0..)
        .map(|k| inbox.path().join(format!("{k}.json")))
        .take_while(|p| p.exists())
        .map(|p| serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap())
        .collect();
    assert_eq!(mails.len(), 2);
    let second = mails.pop().unwrap();
    let first = mails.pop().unwrap();
    assert_eq!(first["mail_from"], "status@example.com");
    assert_eq!(
        first["rcpt_tos"],
        serde_json::json!(["ops@example.com", "list@example.com"])
    );
    let h = &first["headers"];
    assert_eq!(h["Subject"], "New incident: API outage");
    assert_eq!(h["From"], "status@example.com");
    assert_eq!(h["To"], "ops@example.com, list@example.com");
    assert_eq!(
        h["List-Unsubscribe"],
        "<https://example.com/unsubscribe?list=status>"
    );
    assert_eq!(h["List-Unsubscribe-Post"], "List-Unsubscribe=One-Click");
    assert_eq!(h["Auto-Submitted"], "auto-generated");
    assert!(h["Message-ID"].as_str().unwrap().ends_with("@example.com>"));
    assert_eq!(first["type"], "multipart/alternative");
    let parts = first["parts"].as_array().unwrap();
    assert_eq!(parts[0]["type"], "text/plain");
    assert_eq!(parts[1]["type"], "text/html");
    let plain = parts[0]["body"].as_str().unwrap();
    assert!(plain.contains("The API is returning errors."), "{plain}");
    assert!(plain.contains("https://status.example.com/incidents/2026-11-21-api-outage/"));
    assert!(plain.contains("Unsubscribe: https://example.com/unsubscribe?list=status"));

    // The hostile title and message, escaped in the HTML part.
    let h2 = &second["headers"];
    assert_eq!(
        h2["Subject"],
        "New incident: Dashboard <slow> & *odd* @everyone"
    );
    let html = second["parts"][1]["body"].as_str().unwrap();
    assert!(
        html.contains("<h1>New incident: Dashboard &lt;slow&gt; &amp; *odd* @everyone</h1>"),
        "{html}"
    );
    assert!(
        html.contains("Pages take &lt;b&gt;10 s&lt;/b&gt; &amp; more"),
        "{html}"
    );
    assert!(!html.contains("<b>"), "{html}");
    assert!(
        html.contains("<a href=\"https://example.com/unsubscribe?list=status\">Unsubscribe</a>")
    );

    // Again: nothing.
    assert!(state(dir.path()).exists());
}
