//! A property test over a grammar of incident files (issue 15, "Done when").
//!
//! Each case is a small site: a `site.toml` with two components, and one to four incident or
//! maintenance files whose front matter is generated from the format in docs/format.md, with
//! extreme but mostly valid values: times at both ends of the supported range and just outside
//! it (with offsets up to ±23:59, and offset-less local times in far-east and far-west zones),
//! huge integers, control characters and noncharacters (through TOML `\u` escapes), very long
//! strings, slugs and file names, Markdown with `javascript:`/`vbscript:`/`data:` links in every
//! form, `+++` lines, right-to-left, combining and emoji text. `check` and `build` run in-process
//! through the library, and these properties must hold:
//!
//! - **(a) no panic**, in `check` or in `build`;
//! - **(b) `check` reports no error ⇒ `build` succeeds**;
//! - **(c) every output file parses**: HTML (no control characters or noncharacters in it, no
//!   `href`/`src` with a scheme other than http, https or mailto), XML (well-formed, and feeds
//!   read by `feed-rs`, whose HTML content follows the HTML rule), JSON (parses; its strings hold
//!   no control characters; its `*_html` strings follow the HTML rule) and `.ics` (parses, CRLF
//!   lines of at most 75 octets, TEXT values escaped, at least one component, an `ORGANIZER` in
//!   each event under `METHOD:PUBLISH`);
//! - **(d)** a file with CRLF line ends checks as its LF twin does (docs/format.md accepts both).
//!
//! What counts as a bad character is [`bad_char`]: C0 controls but tab, LF and CR, DEL, the C1
//! controls and every noncharacter, in front matter and body alike.
//!
//! The run is bounded and reproducible: 48 cases from a fixed seed. Environment variables:
//! `PROPTEST_CASES=500` runs more, `PROPTEST_RNG_SEED=N` explores other cases,
//! `PROPTEST_MAX_SHRINK_ITERS` bounds shrinking (default here: 200), and `FUZZ_KEEP=DIR` writes
//! the smallest failing site into DIR, to run `afterword check`/`build --root DIR` on it.
//! `FUZZ_SURVEY_CASES=500 cargo test --test fuzz survey -- --ignored --nocapture` runs many
//! cases without stopping at the first failure: why `check` rejected the cases it rejected, every
//! kind of failure with a count and an example, and one shrunk input per family of failures.

mod common;

use afterword::build::{build, BuildError, BuildOptions};
use chrono::{DateTime, NaiveDateTime, TimeZone, Utc};
use proptest::prelude::*;
use proptest::sample::select;
use proptest::strategy::ValueTree;
use proptest::test_runner::{Config, RngSeed, TestCaseError, TestError, TestRunner};
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, Once};

// ---------------------------------------------------------------------------------------------
// The grammar.

/// Text pieces that are hard on HTML, XML, CDATA, JSON and TOML escaping.
const MARKUP: &[&str] = &[
    "<b>bold</b> & \"quoted\" 'single'",
    "]]> <![CDATA[ x ]]> <!-- c -->",
    "</script><script>alert(1)</script>",
    "\\ backslash \\u0041",
    "a\nb\r\nc\td",
    "\n+++\n",
    "+++",
    "`code` *em* _u_ ~~s~~ # h",
    "{{ tera }} {% raw %} {# c #}",
    "%s %n %x",
    "semi; colon, comma \\; \\n",
];

/// Single characters the outputs must never carry raw (or must carry correctly).
const SPECIAL: &[&str] = &[
    "\u{7F}",
    "\u{85}",
    "\u{9F}",
    "\u{FFFE}",
    "\u{FFFF}",
    "\u{FDD0}",
    "\u{1FFFE}",
    "\u{10FFFF}",
    "\u{FEFF}",
    "\u{2028}",
    "\u{2029}",
    "\u{202E}",
    "\u{200D}",
    "\u{FFFD}",
];

/// Right-to-left, combining, emoji and other scripts.
const SCRIPTS: &[&str] = &[
    "مرحبا بالعالم",
    "שלום עולם",
    "e\u{301}\u{302}\u{303}\u{304}\u{305}",
    "Z\u{334}\u{321}a\u{337}l\u{338}g\u{335}o",
    "👩\u{200D}👩\u{200D}👧\u{200D}👦 🏳\u{FE0F}\u{200D}🌈",
    "中文字符 日本語 한국어",
    "\u{202E}gpj.exe",
    "𝕳𝖊𝖑𝖑𝖔",
];

/// Markdown links: hostile in every spelling, and a few safe ones.
const LINKS: &[&str] = &[
    "[x](javascript:alert(1))",
    "[x](JaVaScRiPt:alert(1))",
    "<javascript:alert(1)>",
    "[x][r]\n\n[r]: javascript:alert(1)",
    "![i](javascript:alert(1))",
    "[x](&#106;avascript:alert(1))",
    "[x](&#x6A;avascript&#x3A;alert(1))",
    "[x](javascript&colon;alert(1))",
    "[x](vbscript:msgbox(1))",
    "<vbscript:msgbox(1)>",
    "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "![i](data:image/svg+xml,<svg onload=alert(1)>)",
    "[x](<javascript:alert(1)>)",
    "[x]( javascript:alert(1) )",
    "[x](file:///etc/passwd)",
    "<a href=\"javascript:alert(1)\">raw</a>",
    "<img src=x onerror=alert(1)>",
    "[ok](https://example.com/a?b=1&c=2)",
    "[rel](../other/)",
    "[mail](mailto:ops@example.com)",
    "<https://example.com/auto>",
    "[frag](#top)",
    "[proto-relative](//example.com/x)",
    "[file](f0.md)",
];

fn piece() -> BoxedStrategy<String> {
    prop_oneof![
        8 => "[A-Za-z0-9]{1,10}( [a-z]{1,8}){0,3}",
        1 => select(MARKUP).prop_map(str::to_string),
        1 => (0u32..0x20).prop_map(|c| char::from_u32(c).unwrap().to_string()),
        1 => select(SPECIAL).prop_map(str::to_string),
        1 => select(SCRIPTS).prop_map(str::to_string),
        2 => select(LINKS).prop_map(str::to_string),
        1 => prop_oneof![256usize..1000, 1000usize..20_000].prop_map(|n| "x".repeat(n)),
        1 => (40usize..200, select(&["é", "中", "😀", "\u{301}"][..])).prop_map(|(n, c)| c.repeat(n)),
    ]
    .boxed()
}

/// How a string is written in TOML.
#[derive(Clone, Debug)]
enum Form {
    /// `"..."`, every control character as a `\u` escape.
    Basic,
    /// `"""..."""` with its newlines raw: a `+++` piece becomes a real line.
    MultiLine,
    /// A basic string ending in `\uD800`, a lone surrogate (TOML refuses it).
    Surrogate,
}

#[derive(Clone, Debug)]
struct Text {
    text: String,
    form: Form,
}

/// Mostly plain text, so that most files are valid and the build runs; else one to three
/// pieces, each of them possibly hostile.
fn text() -> BoxedStrategy<Text> {
    prop_oneof![6 => plain(), 1 => hostile_text()].boxed()
}

fn hostile_text() -> BoxedStrategy<Text> {
    (
        prop::collection::vec(piece(), 1..4),
        prop_oneof![20 => Just(Form::Basic), 1 => Just(Form::MultiLine), 1 => Just(Form::Surrogate)],
    )
        .prop_map(|(p, form)| Text {
            text: p.concat(),
            form,
        })
        .boxed()
}

/// Plain text only: names that should not make a file invalid by themselves.
fn plain() -> BoxedStrategy<Text> {
    "[A-Za-z][A-Za-z0-9 ]{0,20}"
        .prop_map(|text| Text {
            text,
            form: Form::Basic,
        })
        .boxed()
}

fn toml_escape(s: &str, raw_newlines: bool) -> String {
    let mut out = String::new();
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' if raw_newlines => out.push('\n'),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 || c == '\u{7F}' || c == '\u{FFFE}' || c == '\u{FFFF}' => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out
}

impl Text {
    fn toml(&self) -> String {
        match self.form {
            Form::Basic => format!("\"{}\"", toml_escape(&self.text, false)),
            Form::MultiLine => format!("\"\"\"\n{}\"\"\"", toml_escape(&self.text, true)),
            Form::Surrogate => format!("\"{}\\uD800\"", toml_escape(&self.text, false)),
        }
    }
}

/// Seconds since 1970 of some anchors.
const Y2024: i64 = 1_714_557_600; // 2024-05-01T10:00:00Z
const LAST: i64 = 253_402_214_399; // 9999-12-30T23:59:59Z, the last supported second
const YEAR0: i64 = -62_167_219_200; // 0000-01-01T00:00:00Z
const Y2038: i64 = 2_147_483_647; // 2038-01-19T03:14:07Z

/// Where a file's times are: most near 2024, the rest at the ends of the supported range
/// (1970-01-01 and 9999-12-30 UTC) and just outside them, at year 0, and at 2^31 seconds.
fn base() -> BoxedStrategy<i64> {
    prop_oneof![
        10 => (0i64..30 * 86_400).prop_map(|d| Y2024 + d),
        2 => (-3 * 3600i64..3 * 3600).prop_map(|d| d),
        2 => (-6 * 3600i64..3 * 3600).prop_map(|d| LAST + d),
        1 => (-2 * 3600i64..2 * 3600).prop_map(|d| YEAR0 + d),
        1 => (-60i64..60).prop_map(|d| Y2038 + d),
    ]
    .boxed()
}

/// How a time is written: UTC, with an offset, or as a local time in the file's zone.
#[derive(Clone, Debug)]
enum Repr {
    Z,
    Offset(i32),
    Local,
}

fn repr() -> BoxedStrategy<Repr> {
    prop_oneof![
        6 => Just(Repr::Z),
        2 => prop_oneof![
            Just(-(23 * 60 + 59)),
            Just(23 * 60 + 59),
            Just(-60),
            Just(1),
            Just(345),
            -1439i32..=1439
        ]
        .prop_map(Repr::Offset),
        2 => Just(Repr::Local),
    ]
    .boxed()
}

/// A time: `step` seconds after the previous one (or after the file's base), written as `repr`.
#[derive(Clone, Debug)]
struct At {
    step: i64,
    repr: Repr,
    /// With `.999999999` seconds.
    frac: bool,
}

fn at() -> BoxedStrategy<At> {
    (
        prop_oneof![3 => Just(0i64), 3 => 1i64..3600, 1 => 3600i64..3 * 86_400],
        repr(),
        prop::bool::weighted(0.03),
    )
        .prop_map(|(step, repr, frac)| At { step, repr, frac })
        .boxed()
}

/// Zones for offset-less times: at the ends of the offset range, with odd offsets, with DST.
const ZONES: &[&str] = &[
    "UTC",
    "Pacific/Kiritimati",
    "Etc/GMT+12",
    "Pacific/Niue",
    "Asia/Kathmandu",
    "America/New_York",
    "Australia/Lord_Howe",
];

/// `secs` written as a TOML datetime in `repr` (falling back to another form where this one
/// would need a year outside 0000-9999).
fn toml_time(secs: i64, a: &At, zone: &str) -> String {
    let utc = DateTime::from_timestamp(secs, 0).unwrap().naive_utc();
    let frac = if a.frac { ".999999999" } else { "" };
    let fits = |t: &NaiveDateTime| (0..=9999).contains(&chrono::Datelike::year(t));
    let plain = |t: NaiveDateTime| t.format("%Y-%m-%dT%H:%M:%S").to_string();
    let with = |r: &Repr| -> Option<String> {
        match r {
            Repr::Z => fits(&utc).then(|| format!("{}{frac}Z", plain(utc))),
            Repr::Offset(m) => {
                let t = utc + chrono::Duration::minutes(i64::from(*m));
                let sign = if *m < 0 { '-' } else { '+' };
                fits(&t).then(|| {
                    format!(
                        "{}{frac}{sign}{:02}:{:02}",
                        plain(t),
                        m.abs() / 60,
                        m.abs() % 60
                    )
                })
            }
            Repr::Local => {
                let tz: chrono_tz::Tz = zone.parse().unwrap_or(chrono_tz::UTC);
                let t = tz.from_utc_datetime(&utc).naive_local();
                fits(&t).then(|| format!("{}{frac}", plain(t)))
            }
        }
    };
    with(&a.repr)
        .or_else(|| with(&Repr::Offset(-1439)))
        .or_else(|| with(&Repr::Offset(1439)))
        .unwrap_or_else(|| "9999-12-31T23:59:59-23:59".into())
}

const INCIDENT_STATUSES: &[&str] = &[
    "investigating",
    "identified",
    "monitoring",
    "update",
    "resolved",
    "postmortem",
];
const MAINTENANCE_STATUSES: &[&str] = &[
    "scheduled",
    "in_progress",
    "verifying",
    "completed",
    "update",
];
const LEVELS: &[&str] = &["degraded_performance", "partial_outage", "major_outage"];
const ACTION_STATUSES: &[&str] = &["open", "in_progress", "done", "wont_do"];
const DUES: &[&str] = &[
    "2024-05-20",
    "1970-01-01",
    "1969-12-31",
    "9999-12-30",
    "9999-12-31",
    "0000-01-01",
];
/// Valid action-item links, then ones `check` must refuse (E0020).
const ACTION_LINKS: &[&str] = &[
    "https://tracker.example.com/PLAT-12",
    "mailto:ops@example.com",
    "../relative/",
    "#frag",
    "//example.com/proto-relative",
    "https://例え.jp/パス?q=1&r=\"2\"",
];
const BAD_ACTION_LINKS: &[&str] = &[
    "javascript:alert(1)",
    "JAVASCRIPT:alert(1)",
    " javascript:alert(1)",
    "java\tscript:alert(1)",
    "\u{1}javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
];

/// `aliases`: absolute http(s) URLs, and what must not pass for one.
const ALIASES: &[&str] = &[
    "https://old.example.com/incidents/x",
    "http://stspg.io/abc",
    "https://old.example.com/incidents/y",
    "http://stspg.io/def",
    "javascript:alert(1)",
    "https://example.com/\u{1}",
    "//example.com/x",
];

#[derive(Clone, Debug)]
struct Entry {
    at: At,
    status: usize,
    message: Option<Text>,
}

#[derive(Clone, Debug)]
struct Impact {
    component: usize,
    level: &'static str,
    start: Option<At>,
    end: Option<At>,
}

#[derive(Clone, Debug)]
struct Action {
    title: Text,
    owner: Option<Text>,
    status: &'static str,
    due: Option<&'static str>,
    link: Option<String>,
}

/// One generated content file.
#[derive(Clone, Debug)]
struct File {
    stem: String,
    maintenance: bool,
    title: Text,
    summary: Option<Text>,
    severity: &'static str,
    /// Which of `api` and `web` it lists (at least one).
    components: (bool, bool),
    detected_by: Option<Text>,
    tags: Vec<Text>,
    authors: Vec<Text>,
    slug: Option<String>,
    aliases: Vec<&'static str>,
    timezone: Option<&'static str>,
    /// `(draft, crlf)`: `draft = true`; CRLF line ends (docs/format.md accepts them).
    flags: (bool, bool),
    base: i64,
    started: Option<At>,
    detected: Option<At>,
    resolved: Option<At>,
    timeline: Vec<Entry>,
    impacts: Vec<Impact>,
    actions: Vec<Action>,
    /// Maintenance window: scheduled start and end.
    window: (At, At),
    body: Vec<String>,
}

/// Body pieces: the body may hold raw HTML (trusted, as documented), so it carries no unsafe
/// link; control characters here are raw bytes in the file.
const BODY: &[&str] = &[
    "## Root cause\n\nA [safe link](https://example.com/a?b=1&c=2) and *emphasis*.\n",
    "Footnote[^1].\n\n[^1]: the note\n",
    "| a | b |\n|---|---|\n| 1 | <b>2</b> |\n",
    "```\ncode <b> & ]]>\n```\n",
    "+++\n",
    "<div class=\"diagram\">raw <em>html</em></div>\n",
    "## 🔥 Fire ## مرحبا\n\ne\u{301}\u{302} 👩\u{200D}👩\u{200D}👧\n",
    "See [the other one](f0.md) and [a missing one](nope.md#x).\n",
    "Raw \u{1} control \u{7F} and \u{FFFE}.\n",
    "NUL \0 byte.\n",
    "\u{85} next line, \u{2028} line separator.\n",
];

fn file() -> BoxedStrategy<File> {
    let names = (
        prop_oneof![
            24 => Just("f".to_string()),
            1 => Just("Ünïcode Title".to_string()),
            1 => Just("中".repeat(80)),
            1 => Just("😀".repeat(60)),
            1 => Just("a".repeat(240)),
        ],
        prop::bool::weighted(0.25),
        text(),
        prop::option::weighted(0.7, text()),
        select(&["minor", "major", "critical"][..]),
        prop_oneof![Just((true, false)), Just((false, true)), Just((true, true))],
        prop::option::weighted(0.2, text()),
        prop::collection::vec(text(), 0..2),
        prop::collection::vec(text(), 0..2),
        prop::option::weighted(
            0.2,
            prop_oneof![
                4 => "[a-z0-9]{1,6}(-[a-z0-9]{1,6}){0,2}",
                1 =>
                (200usize..300).prop_map(|n| "a".repeat(n)),
            ],
        ),
        (
            prop::option::weighted(0.2, prop::collection::vec(select(ALIASES), 1..3))
                .prop_map(Option::unwrap_or_default),
            prop::option::weighted(0.3, select(ZONES)),
        ),
        (prop::bool::weighted(0.1), prop::bool::weighted(0.15)),
    );
    let times = (
        base(),
        prop::option::weighted(0.3, at()),
        prop::option::weighted(0.2, at()),
        prop::option::weighted(0.3, at()),
        prop::collection::vec(
            (at(), 0usize..6, prop::option::weighted(0.8, text())).prop_map(
                |(at, status, message)| Entry {
                    at,
                    status,
                    message,
                },
            ),
            0..4,
        ),
        prop::collection::vec(
            (
                0usize..2,
                select(LEVELS),
                prop::option::weighted(0.3, at()),
                prop::option::weighted(0.3, at()),
            )
                .prop_map(|(component, level, start, end)| Impact {
                    component,
                    level,
                    start,
                    end,
                }),
            0..2,
        ),
        prop::collection::vec(
            (
                text(),
                prop::option::weighted(0.5, plain()),
                select(ACTION_STATUSES),
                prop::option::weighted(0.5, select(DUES)),
                prop::option::weighted(
                    0.4,
                    prop_oneof![
                        6 => select(ACTION_LINKS).prop_map(str::to_string),
                        1 => select(BAD_ACTION_LINKS).prop_map(str::to_string),
                        1 => (2000usize..5000)
                            .prop_map(|n| format!("https://example.com/{}", "a".repeat(n))),
                    ],
                ),
            )
                .prop_map(|(title, owner, status, due, link)| Action {
                    title,
                    owner,
                    status,
                    due,
                    link,
                }),
            0..2,
        ),
        (at(), at()),
        prop::collection::vec(select(BODY).prop_map(str::to_string), 0..3),
    );
    (names, times)
        .prop_map(
            |(
                (
                    stem,
                    maintenance,
                    title,
                    summary,
                    severity,
                    components,
                    detected_by,
                    tags,
                    authors,
                    slug,
                    (aliases, timezone),
                    flags,
                ),
                (base, started, detected, resolved, timeline, impacts, actions, window, body),
            )| File {
                stem,
                maintenance,
                title,
                summary,
                severity,
                components,
                detected_by,
                tags,
                authors,
                slug,
                aliases,
                timezone,
                flags,
                base,
                started,
                detected,
                resolved,
                timeline,
                impacts,
                actions,
                window,
                body,
            },
        )
        .boxed()
}

impl File {
    /// The file's text; `index` keeps file names and slugs apart; `site_zone` reads its local
    /// times when it gives no `timezone`.
    fn render(&self, index: usize, site_zone: &str) -> String {
        let zone = self.timezone.unwrap_or(site_zone);
        let t = |secs: i64, a: &At| toml_time(secs, a, zone);
        let comps: Vec<&str> = [("api", self.components.0), ("web", self.components.1)]
            .iter()
            .filter(|c| c.1)
            .map(|c| c.0)
            .collect();
        let list = |v: &[Text]| v.iter().map(Text::toml).collect::<Vec<_>>().join(", ");
        let mut s = String::from("+++\n");
        let _ = writeln!(s, "title = {}", self.title.toml());
        if self.maintenance {
            s.push_str("kind = \"maintenance\"\n");
        }
        if let Some(x) = &self.summary {
            let _ = writeln!(s, "summary = {}", x.toml());
        }
        let _ = writeln!(s, "components = {comps:?}");
        if let Some(x) = &self.detected_by {
            let _ = writeln!(s, "detected_by = {}", x.toml());
        }
        if !self.tags.is_empty() {
            let _ = writeln!(s, "tags = [{}]", list(&self.tags));
        }
        if !self.authors.is_empty() {
            let _ = writeln!(s, "authors = [{}]", list(&self.authors));
        }
        if let Some(slug) = &self.slug {
            let _ = writeln!(s, "slug = \"{slug}-{index}\"");
        }
        if !self.aliases.is_empty() {
            let list: Vec<String> = self
                .aliases
                .iter()
                .map(|a| format!("\"{}\"", toml_escape(a, false)))
                .collect();
            let _ = writeln!(s, "aliases = [{}]", list.join(", "));
        }
        if let Some(z) = self.timezone {
            let _ = writeln!(s, "timezone = \"{z}\"");
        }
        if self.flags.0 {
            s.push_str("draft = true\n");
        }
        // Times: the timeline runs forward from the base; `started` is at or before it.
        let mut clock = self.base;
        let mut last = self.base;
        let entries: Vec<String> = self
            .timeline
            .iter()
            .map(|e| {
                clock += e.at.step;
                last = clock;
                clock
            })
            .zip(&self.timeline)
            .map(|(secs, e)| {
                let statuses = if self.maintenance {
                    MAINTENANCE_STATUSES
                } else {
                    INCIDENT_STATUSES
                };
                let mut x = format!(
                    "\n[[timeline]]\nat = {}\nstatus = \"{}\"\n",
                    t(secs, &e.at),
                    statuses[e.status % statuses.len()]
                );
                if let Some(m) = &e.message {
                    let _ = writeln!(x, "message = {}", m.toml());
                }
                x
            })
            .collect();
        if self.maintenance {
            let (a, b) = &self.window;
            let start = self.base + a.step;
            let _ = writeln!(s, "scheduled_start = {}", t(start, a));
            let _ = writeln!(s, "scheduled_end = {}", t(start + b.step.max(1), b));
        } else {
            let _ = writeln!(s, "severity = \"{}\"", self.severity);
            // An incident without a timeline needs `started`.
            let started = self.started.clone().or_else(|| {
                self.timeline.is_empty().then_some(At {
                    step: 0,
                    repr: Repr::Z,
                    frac: false,
                })
            });
            if let Some(a) = &started {
                let _ = writeln!(s, "started = {}", t(self.base - a.step, a));
            }
            if let Some(a) = &self.detected {
                let _ = writeln!(s, "detected = {}", t(self.base + a.step, a));
            }
            if let Some(a) = &self.resolved {
                let _ = writeln!(s, "resolved = {}", t(last + a.step, a));
            }
        }
        for e in entries {
            s.push_str(&e);
        }
        if !self.maintenance {
            for i in &self.impacts {
                let c = if comps.len() == 1 {
                    comps[0]
                } else {
                    comps[i.component]
                };
                let _ = write!(
                    s,
                    "\n[[impact]]\ncomponent = \"{c}\"\nlevel = \"{}\"\n",
                    i.level
                );
                let start = self.base + i.start.as_ref().map_or(0, |a| a.step);
                if let Some(a) = &i.start {
                    let _ = writeln!(s, "start = {}", t(start, a));
                }
                if let Some(a) = &i.end {
                    let _ = writeln!(s, "end = {}", t(start + a.step.max(1), a));
                }
            }
            for a in &self.actions {
                let _ = write!(
                    s,
                    "\n[[action_items]]\ntitle = {}\nstatus = \"{}\"\n",
                    a.title.toml(),
                    a.status
                );
                if let Some(o) = &a.owner {
                    let _ = writeln!(s, "owner = {}", o.toml());
                }
                if let Some(d) = a.due {
                    let _ = writeln!(s, "due = {d}");
                }
                if let Some(l) = &a.link {
                    let _ = writeln!(s, "link = \"{}\"", toml_escape(l, false));
                }
            }
        }
        s.push_str("+++\n");
        for b in &self.body {
            s.push_str(b);
            s.push('\n');
        }
        s
    }

    fn name(&self, index: usize) -> String {
        format!("{}-{index}.md", self.stem)
    }
}

/// The site around the files: a fixed shape, with a hostile title and names, a zone, and
/// integers at and past their limits.
#[derive(Clone, Debug)]
struct SiteToml {
    title: Text,
    description: Option<Text>,
    component_name: Text,
    zone: &'static str,
    base_url: &'static str,
    since: Option<&'static str>,
    postmortem_after_days: &'static str,
    feed_limit: &'static str,
    decimals: &'static str,
}

fn site_toml() -> BoxedStrategy<SiteToml> {
    (
        prop_oneof![3 => plain(), 1 => text()],
        prop::option::weighted(0.3, text()),
        prop_oneof![3 => plain(), 1 => text()],
        select(ZONES),
        select(
            &[
                "https://status.example.com/",
                "https://org.github.io/status/",
                "http://localhost:8080/a%20b/",
            ][..],
        ),
        prop::option::weighted(
            0.2,
            select(&["2024-01-01", "1970-01-01", "9999-12-31", "0000-01-01"][..]),
        ),
        prop_oneof![36 => Just("7"), 1 => Just("0"), 1 => Just("3650"), 1 => Just("9223372036854775807")],
        prop_oneof![36 => Just("50"), 1 => Just("1"), 1 => Just("10000"), 1 => Just("-9223372036854775808")],
        prop_oneof![36 => Just("2"), 1 => Just("0"), 1 => Just("4"), 1 => Just("4294967297")],
    )
        .prop_map(
            |(
                title,
                description,
                component_name,
                zone,
                base_url,
                since,
                postmortem_after_days,
                feed_limit,
                decimals,
            )| SiteToml {
                title,
                description,
                component_name,
                zone,
                base_url,
                since,
                postmortem_after_days,
                feed_limit,
                decimals,
            },
        )
        .boxed()
}

impl SiteToml {
    fn render(&self) -> String {
        let mut s = format!(
            "title = {}\nbase_url = \"{}\"\ntimezone = \"{}\"\n\n[check]\npostmortem_after_days = {}\n\n[feeds]\nlimit = {}\n\n[uptime]\ndecimals = {}\n\n[[groups]]\nid = \"front\"\nname = \"Front end\"\n\n[[components]]\nid = \"api\"\nname = {}\n\n[[components]]\nid = \"web\"\nname = \"Web\"\ngroup = \"front\"\n",
            self.title.toml(),
            self.base_url,
            self.zone,
            self.postmortem_after_days,
            self.feed_limit,
            self.decimals,
            self.component_name.toml(),
        );
        if let Some(d) = self.since {
            let _ = writeln!(s, "since = {d}");
        }
        if let Some(d) = &self.description {
            // A plain key, so before the first table.
            s = format!("description = {}\n{s}", d.toml());
        }
        s
    }
}

/// One generated site, and how it is built.
#[derive(Clone)]
struct Case {
    site: SiteToml,
    files: Vec<File>,
    now: &'static str,
    drafts: bool,
}

fn case() -> BoxedStrategy<Case> {
    (
        site_toml(),
        prop::collection::vec(file(), 1..5),
        prop_oneof![
            8 => Just("2024-06-01T00:00:00Z"),
            1 => Just("1970-01-01T00:00:00Z"),
            1 => Just("9999-12-30T23:59:59Z"),
        ],
        any::<bool>(),
    )
        .prop_map(|(site, files, now, drafts)| Case {
            site,
            files,
            now,
            drafts,
        })
        .boxed()
}

impl Case {
    /// `(relative path, text)` of every file of the site.
    fn files(&self) -> Vec<(String, String)> {
        let mut out = vec![("site.toml".to_string(), self.site.render())];
        for (i, f) in self.files.iter().enumerate() {
            let text = f.render(i, self.site.zone);
            let text = if f.flags.1 {
                text.replace('\n', "\r\n")
            } else {
                text
            };
            out.push((format!("content/{}", f.name(i)), text));
        }
        out
    }

    fn write(&self, root: &Path) {
        std::fs::create_dir_all(root.join("content")).unwrap();
        for (rel, text) in self.files() {
            std::fs::write(root.join(rel), text).unwrap();
        }
    }
}

/// Control characters in the printed files are shown as `⟨U+0001⟩`, runs of one character as
/// `⟨'x' × 5000⟩`: the input stays readable and can be typed back.
fn shown(s: &str) -> String {
    let mut out = String::new();
    let chars: Vec<char> = s.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let run = chars[i..].iter().take_while(|&&d| d == c).count();
        if run > 40 {
            let _ = write!(out, "⟨{c:?} × {run}⟩");
            i += run;
            continue;
        }
        if c != '\n' && (c.is_control() || is_nonchar(c)) {
            let _ = write!(out, "⟨U+{:04X}⟩", c as u32);
        } else {
            out.push(c);
        }
        i += 1;
    }
    out
}

impl std::fmt::Debug for Case {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(f, "now = {}, drafts = {}", self.now, self.drafts)?;
        // Shown with LF line ends, each file saying whether it is written with CRLF.
        let mut lf = self.clone();
        for file in &mut lf.files {
            file.flags.1 = false;
        }
        let crlf = std::iter::once(false).chain(self.files.iter().map(|x| x.flags.1));
        for ((rel, text), crlf) in lf.files().into_iter().zip(crlf) {
            let note = if crlf {
                " (written with CRLF line ends)"
            } else {
                ""
            };
            writeln!(f, "----- {rel}{note}\n{}", shown(&text))?;
        }
        Ok(())
    }
}

// ---------------------------------------------------------------------------------------------
// The properties.

/// A broken property: which one, a short kind with no case-specific detail (to tell distinct
/// failures apart), and the detail.
#[derive(Debug)]
struct Failure {
    property: &'static str,
    kind: String,
    detail: String,
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "property {}: {}\n  {}",
            self.property, self.kind, self.detail
        )
    }
}

const A: &str = "a (no panic)";
const B: &str = "b (check ok => build ok)";
const C: &str = "c (outputs parse)";
const D: &str = "d (CRLF files check as LF files do)";

/// Every failure of one case, at most one of each kind; whether `check` found no error (so
/// that the output was inspected); the codes of the errors it found.
#[derive(Default)]
struct Failures(Vec<Failure>, bool, Vec<String>);

impl Failures {
    fn push(&mut self, property: &'static str, kind: impl Into<String>, detail: impl Into<String>) {
        let kind = kind.into();
        if !self.0.iter().any(|f| f.kind == kind) {
            self.0.push(Failure {
                property,
                kind,
                detail: detail.into(),
            });
        }
    }
}

/// Panics are caught, quietly: the hook records the message and where it was raised.
static QUIET: AtomicBool = AtomicBool::new(false);
static PANICKED: Mutex<Vec<String>> = Mutex::new(Vec::new());

fn install_hook() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let default = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if QUIET.load(Ordering::SeqCst) {
                let msg = info
                    .payload()
                    .downcast_ref::<&str>()
                    .map(|s| s.to_string())
                    .or_else(|| info.payload().downcast_ref::<String>().cloned())
                    .unwrap_or_default();
                let at = info
                    .location()
                    .map(|l| format!("{}:{}", l.file(), l.line()))
                    .unwrap_or_default();
                PANICKED.lock().unwrap().push(format!("{msg} at {at}"));
            } else {
                default(info);
            }
        }));
    });
}

/// Run `f`; a panic is a property (a) failure naming `what` and where it panicked.
fn no_panic<T>(what: &str, out: &mut Failures, f: impl FnOnce() -> T) -> Option<T> {
    PANICKED.lock().unwrap().clear();
    QUIET.store(true, Ordering::SeqCst);
    let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f));
    QUIET.store(false, Ordering::SeqCst);
    match r {
        Ok(v) => Some(v),
        Err(_) => {
            let p = PANICKED
                .lock()
                .unwrap()
                .first()
                .cloned()
                .unwrap_or_default();
            // The place, without the message's values: one kind per `unwrap`/`expect`.
            let place = p.rsplit(" at ").next().unwrap_or("").to_string();
            out.push(A, format!("{what} panicked at {place}"), p);
            None
        }
    }
}

/// Check and build `case`; every property it breaks.
fn run_case(case: &Case) -> Failures {
    install_hook();
    let mut out = Failures::default();
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    case.write(root);
    let now: DateTime<Utc> = DateTime::parse_from_rfc3339(case.now).unwrap().into();
    let errors = match no_panic("check", &mut out, || afterword::build::check(root, now)) {
        Some(Ok(report)) => {
            out.1 = report.errors() == 0;
            out.2 = report
                .diagnostics
                .iter()
                .filter(|d| d.severity == afterword::diag::Severity::Error)
                .map(|d| format!("{} {}", d.code.id, generalize(&d.message)))
                .collect();
            Some((report.errors(), report.summary()))
        }
        Some(Err(e)) => {
            out.push(B, "check itself failed", e);
            None
        }
        None => None,
    };
    if let (Some((_, summary)), true) = (&errors, case.files.iter().any(|f| f.flags.1)) {
        crlf_alike(case, now, summary, &mut out);
    }
    let public = root.join("public");
    let opts = BuildOptions {
        root: root.to_path_buf(),
        output: Some(public.clone()),
        base_url: None,
        drafts: case.drafts,
        force: false,
        now,
        cache: false,
        progress: None,
        can_swap_for_tests: None,
    };
    match no_panic("build", &mut out, || build(&opts)) {
        Some(Ok(_)) => inspect(&public, &mut out),
        Some(Err(e)) => {
            if let Some((0, summary)) = &errors {
                let kind = match &e {
                    BuildError::Invalid(ds) => format!(
                        "build found {} that check did not",
                        ds.first().map_or("nothing", |d| d.code.id)
                    ),
                    e => format!(
                        "build failed: {}",
                        generalize(e.summary().trim_start_matches("error: "))
                    ),
                };
                out.push(B, kind, format!("check: {summary}; build: {e}"));
            }
        }
        None => {}
    }
    if let (false, Ok(keep)) = (out.0.is_empty(), std::env::var("FUZZ_KEEP")) {
        let keep = Path::new(&keep);
        let _ = std::fs::remove_dir_all(keep);
        case.write(keep);
    }
    out
}

/// Property (d): a file with CRLF line ends checks as its twin with LF line ends does (same
/// error codes on the same lines): docs/format.md accepts both.
fn crlf_alike(case: &Case, now: DateTime<Utc>, summary: &str, out: &mut Failures) {
    let codes = |c: &Case| -> Option<Vec<(String, &'static str, usize)>> {
        let dir = tempfile::tempdir().unwrap();
        c.write(dir.path());
        let report = afterword::build::check(dir.path(), now).ok()?;
        let mut v: Vec<_> = report
            .diagnostics
            .iter()
            .filter(|d| d.severity == afterword::diag::Severity::Error)
            .map(|d| {
                let file = d.path.file_name().unwrap().to_string_lossy().into_owned();
                (file, d.code.id, d.line)
            })
            .collect();
        v.sort();
        Some(v)
    };
    let mut lf = case.clone();
    for f in &mut lf.files {
        f.flags.1 = false;
    }
    let (Some(with_crlf), Some(with_lf)) = (codes(case), codes(&lf)) else {
        return;
    };
    if with_crlf != with_lf {
        out.push(
            D,
            "a CRLF file checks differently from its LF twin",
            format!("CRLF: {summary} {with_crlf:?}; LF: {with_lf:?}"),
        );
    }
}

/// A message with its numbers, paths and quoted values taken out, up to its second `: `.
fn generalize(m: &str) -> String {
    let m: Vec<&str> = m
        .split(' ')
        .map(|w| if w.contains('/') { "PATH" } else { w })
        .collect();
    let mut out = String::new();
    let mut quoted = false;
    for c in m.join(" ").chars() {
        match c {
            '`' | '"' => {
                quoted = !quoted;
                if quoted {
                    out.push('…');
                }
            }
            _ if quoted => {}
            '0'..='9' => {
                if !out.ends_with('N') {
                    out.push('N');
                }
            }
            c => out.push(c),
        }
    }
    let out: String = out.split(": ").take(2).collect::<Vec<_>>().join(": ");
    out.chars().take(100).collect()
}

fn is_nonchar(c: char) -> bool {
    let u = c as u32;
    (0xFDD0..=0xFDEF).contains(&u) || (u & 0xFFFE) == 0xFFFE
}

/// A character no output may carry: C0 controls other than tab, LF and CR, DEL, the C1
/// controls, and noncharacters. Named by class, to tell failures apart.
fn bad_char(c: char) -> Option<&'static str> {
    match c {
        '\t' | '\n' | '\r' => None,
        '\0' => Some("NUL"),
        '\u{1}'..='\u{1F}' | '\u{7F}' => Some("a C0 control or DEL"),
        '\u{80}'..='\u{9F}' => Some("a C1 control"),
        '\u{FFFE}' | '\u{FFFF}' => Some("U+FFFE or U+FFFF"),
        c if is_nonchar(c) => Some("a noncharacter other than U+FFFE/U+FFFF"),
        _ => None,
    }
}

/// No bad character in `text`; each class found is one failure.
fn chars_ok(what: &str, rel: &str, text: &str, out: &mut Failures) {
    let mut seen: Vec<&str> = Vec::new();
    for (i, c) in text.char_indices() {
        let Some(class) = bad_char(c) else { continue };
        if seen.contains(&class) {
            continue;
        }
        seen.push(class);
        let boundary = |mut k: usize| {
            k = k.min(text.len());
            while !text.is_char_boundary(k) {
                k -= 1;
            }
            k
        };
        let (from, to) = (boundary(i.saturating_sub(60)), boundary(i + 20));
        out.push(
            C,
            format!("{what}: {class} in the output"),
            format!(
                "{rel}: U+{:04X} at byte {i}: …{}…",
                c as u32,
                shown(&text[from..to])
            ),
        );
    }
}

/// The scheme of a URL as a browser reads it, unless it is http, https or mailto (relative
/// and fragment URLs have none).
fn unsafe_scheme(url: &str) -> Option<String> {
    let s: String = url
        .trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    let colon = s.find(':')?;
    let scheme = &s[..colon];
    let mut cs = scheme.chars();
    let valid = cs.next().is_some_and(|c| c.is_ascii_alphabetic())
        && cs.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    let scheme = scheme.to_ascii_lowercase();
    (valid && !matches!(scheme.as_str(), "http" | "https" | "mailto")).then_some(scheme)
}

const URL_ATTRS: &[&str] = &[
    "href",
    "src",
    "action",
    "formaction",
    "poster",
    "cite",
    "background",
    "xlink:href",
];

/// HTML, a page or a fragment: no bad character, no URL with an unsafe scheme, no event
/// handler attribute, no `<script>` but the theme's own.
fn html_ok(what: &str, rel: &str, text: &str, fragment: bool, out: &mut Failures) {
    chars_ok(what, rel, text, out);
    let doc = if fragment {
        scraper::Html::parse_fragment(text)
    } else {
        scraper::Html::parse_document(text)
    };
    for node in doc.tree.nodes() {
        let Some(el) = node.value().as_element() else {
            continue;
        };
        for (name, value) in el.attrs() {
            if URL_ATTRS.contains(&name) {
                if let Some(scheme) = unsafe_scheme(value) {
                    out.push(
                        C,
                        format!("{what}: a `{scheme}:` URL in <{} {name}>", el.name()),
                        format!("{rel}: <{} {name}={value:?}>", el.name()),
                    );
                }
            }
            if name.starts_with("on") {
                out.push(
                    C,
                    format!("{what}: an event handler attribute"),
                    format!("{rel}: <{} {name}={value:?}>", el.name()),
                );
            }
        }
        // The theme's own search script (an empty element that loads `search.js`) on the
        // search page is the one script a site has.
        let theme_script = rel.ends_with("search/index.html")
            && el.attr("src").is_some_and(|s| s.ends_with("/search.js"))
            && node.children().next().is_none();
        if el.name() == "script" && !theme_script {
            out.push(C, format!("{what}: a <script> element"), rel.to_string());
        }
    }
}

fn json_ok(rel: &str, v: &serde_json::Value, key: &str, out: &mut Failures) {
    match v {
        serde_json::Value::String(s) => {
            chars_ok("JSON string", rel, s, out);
            if key.ends_with("_html") {
                html_ok(&format!("JSON `{key}`"), rel, s, true, out);
            }
        }
        serde_json::Value::Array(a) => {
            for x in a {
                json_ok(rel, x, key, out);
            }
        }
        serde_json::Value::Object(o) => {
            for (k, x) in o {
                json_ok(rel, x, k, out);
            }
        }
        _ => {}
    }
}

/// Property (c) over every file of a built site.
fn inspect(public: &Path, out: &mut Failures) {
    for (path, bytes) in common::tree(public) {
        let rel = path.to_string_lossy().into_owned();
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
        if !matches!(ext, "html" | "xml" | "svg" | "json" | "ics") {
            continue;
        }
        let text = match String::from_utf8(bytes) {
            Ok(t) => t,
            Err(e) => {
                out.push(C, format!("{ext}: not UTF-8"), format!("{rel}: {e}"));
                continue;
            }
        };
        match ext {
            "html" => html_ok("HTML", &rel, &text, false, out),
            "xml" | "svg" => xml_ok(&rel, &text, out),
            "json" => match serde_json::from_str::<serde_json::Value>(&text) {
                Ok(v) => json_ok(&rel, &v, "", out),
                Err(e) => out.push(C, "JSON does not parse", format!("{rel}: {e}")),
            },
            _ => ics_ok(&rel, &text, out),
        }
    }
}

fn xml_ok(rel: &str, text: &str, out: &mut Failures) {
    chars_ok("XML", rel, text, out);
    if let Err(e) = roxmltree::Document::parse(text) {
        out.push(
            C,
            format!("XML not well-formed: {}", generalize(&e.to_string())),
            format!("{rel}: {e}"),
        );
    }
    if !(rel.ends_with("feed.xml") || rel.ends_with("rss.xml")) {
        return;
    }
    match feed_rs::parser::parse(text.as_bytes()) {
        Err(e) => out.push(C, "feed-rs cannot read a feed", format!("{rel}: {e}")),
        Ok(feed) => {
            for entry in &feed.entries {
                // The entry's HTML (plain-text summaries are shown as text by readers).
                let htmls = entry
                    .content
                    .iter()
                    .filter(|c| c.content_type.essence().to_string() == "text/html")
                    .filter_map(|c| c.body.as_deref())
                    .chain(
                        entry
                            .summary
                            .iter()
                            .filter(|s| s.content_type.essence().to_string() == "text/html")
                            .map(|s| s.content.as_str()),
                    );
                for h in htmls {
                    html_ok("feed HTML content", rel, h, true, out);
                }
                // Plain text still holds no bad character.
                for s in entry.summary.iter().chain(entry.title.iter()) {
                    chars_ok("feed text", rel, &s.content, out);
                }
            }
        }
    }
}

fn ics_ok(rel: &str, text: &str, out: &mut Failures) {
    let body = text.strip_suffix("\r\n").unwrap_or(text);
    for (n, line) in body.split("\r\n").enumerate() {
        if line.contains('\n') || line.contains('\r') {
            out.push(
                C,
                ".ics: a line break that is not CRLF",
                format!("{rel}:{}: {}", n + 1, shown(line)),
            );
        }
        if line.len() > 75 {
            out.push(
                C,
                ".ics: a line longer than 75 octets",
                format!("{rel}:{}: {} octets: {}", n + 1, line.len(), shown(line)),
            );
        }
    }
    chars_ok(".ics", rel, text, out);
    ics_rfc5545(rel, text, out);
    let mut n = 0;
    for cal in ical::IcalParser::new(std::io::BufReader::new(text.as_bytes())) {
        match cal {
            Ok(_) => n += 1,
            Err(e) => {
                out.push(C, ".ics does not parse", format!("{rel}: {e}"));
                return;
            }
        }
    }
    if n != 1 {
        out.push(
            C,
            ".ics: not exactly one calendar",
            format!("{rel}: {n} calendars"),
        );
    }
}

/// What the `ical` parser lets through: TEXT values escaped (RFC 5545 3.3.11), at least one
/// component in the calendar (3.6), and an `ORGANIZER` in every event of a `METHOD:PUBLISH`
/// calendar (RFC 5546 3.2.1, which libical checks).
fn ics_rfc5545(rel: &str, text: &str, out: &mut Failures) {
    let unfolded = text.replace("\r\n ", "").replace("\r\n\t", "");
    let mut components = 0;
    let mut publish = false;
    let mut organizer = true;
    for line in unfolded.split("\r\n") {
        // NAME[;PARAM=...]:VALUE, a colon inside a quoted parameter value not ending the name.
        let mut quoted = false;
        let Some(colon) = line.char_indices().find_map(|(i, c)| {
            if c == '"' {
                quoted = !quoted;
            }
            (c == ':' && !quoted).then_some(i)
        }) else {
            continue;
        };
        let name = line[..colon]
            .split(';')
            .next()
            .unwrap_or("")
            .to_ascii_uppercase();
        let value = &line[colon + 1..];
        match (name.as_str(), value) {
            ("BEGIN", "VCALENDAR") => {}
            ("BEGIN", "VEVENT") => {
                components += 1;
                organizer = false;
            }
            ("BEGIN", _) => components += 1,
            ("END", "VEVENT") if publish && !organizer => out.push(
                C,
                ".ics: METHOD:PUBLISH and an event without ORGANIZER",
                rel.to_string(),
            ),
            ("METHOD", "PUBLISH") => publish = true,
            ("ORGANIZER", _) => organizer = true,
            (
                "SUMMARY" | "DESCRIPTION" | "NAME" | "X-WR-CALNAME" | "X-WR-CALDESC" | "LOCATION"
                | "COMMENT",
                v,
            ) => {
                let mut cs = v.chars();
                while let Some(c) = cs.next() {
                    let bad = match c {
                        '\\' => match cs.next() {
                            Some('\\' | ';' | ',' | 'n' | 'N') => None,
                            _ => Some("a backslash that escapes nothing"),
                        },
                        ';' | ',' => Some("an unescaped `;` or `,`"),
                        _ => None,
                    };
                    if let Some(bad) = bad {
                        out.push(
                            C,
                            format!(".ics: {bad} in a TEXT value ({name})"),
                            format!("{rel}: {}", shown(line)),
                        );
                        break;
                    }
                }
            }
            _ => {}
        }
    }
    if components == 0 {
        out.push(
            C,
            ".ics: a calendar with no component (RFC 5545 needs one)",
            rel.to_string(),
        );
    }
}

// ---------------------------------------------------------------------------------------------
// The runs.

fn config() -> Config {
    let set = |v: &str| std::env::var_os(v).is_some();
    let mut c = Config::default(); // reads the PROPTEST_* variables
    if !set("PROPTEST_CASES") {
        c.cases = 48;
    }
    if !set("PROPTEST_MAX_SHRINK_ITERS") {
        c.max_shrink_iters = 200;
    }
    if !set("PROPTEST_RNG_SEED") {
        c.rng_seed = RngSeed::Fixed(0xAF7E_2026);
    }
    // Nothing is written into the repository.
    c.failure_persistence = None;
    c
}

#[test]
fn generated_sites_check_build_and_parse() {
    let mut runner = TestRunner::new(config());
    let result = runner.run(&case(), |case| {
        let failures = run_case(&case);
        if failures.0.is_empty() {
            return Ok(());
        }
        let text: Vec<String> = failures.0.iter().map(Failure::to_string).collect();
        Err(TestCaseError::fail(text.join("\n")))
    });
    match result {
        Ok(()) => {}
        Err(TestError::Fail(why, case)) => {
            panic!("{why}\n\nsmallest input found (FUZZ_KEEP=DIR writes it to DIR):\n{case:?}")
        }
        Err(e) => panic!("{e}"),
    }
}

/// Failures of one family share a cause: a bad character is one family whatever the output
/// that shows it, and so is an unsafe URL.
fn family(kind: &str) -> String {
    let tail = kind.rsplit(": ").next().unwrap_or(kind);
    if tail.ends_with(" in the output") {
        format!("output holds {tail}")
    } else if tail.contains(":` URL in <") {
        "output holds an unsafe URL".into()
    } else {
        kind.to_string()
    }
}

/// Every distinct failure in many cases, with one shrunk input per family of failures:
/// `FUZZ_SURVEY_CASES=500 cargo test --test fuzz survey -- --ignored --nocapture`
/// (`FUZZ_SURVEY_SHRINK`: shrinking steps per family, default 80).
#[test]
#[ignore = "a long exploration, run by hand"]
fn survey() {
    let var = |v: &str, default: usize| {
        std::env::var(v)
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or(default)
    };
    let cases = var("FUZZ_SURVEY_CASES", 500);
    let shrink_budget = var("FUZZ_SURVEY_SHRINK", 80);
    let mut runner = TestRunner::new(config());
    let strategy = case();
    // kind → (property, cases that broke it, an example's detail)
    let mut kinds: BTreeMap<String, (&'static str, usize, String)> = BTreeMap::new();
    // family → the smallest input found, and its failure
    let mut smallest: BTreeMap<String, (Case, Failure)> = BTreeMap::new();
    let (mut built, mut clean) = (0, 0);
    let mut codes: BTreeMap<String, usize> = BTreeMap::new();
    for k in 0..cases {
        // The generator's state before this case, to grow the same tree again for shrinking.
        let rng = runner.rng().clone();
        let tree = strategy.new_tree(&mut runner).unwrap();
        let failures = run_case(&tree.current());
        built += usize::from(failures.1);
        clean += usize::from(failures.1 && failures.0.is_empty());
        let mut seen = failures.2.clone();
        seen.sort();
        seen.dedup();
        for c in seen {
            *codes.entry(c).or_default() += 1;
        }
        for f in &failures.0 {
            kinds
                .entry(f.kind.clone())
                .or_insert((f.property, 0, f.detail.clone()))
                .1 += 1;
        }
        for f in failures.0 {
            let fam = family(&f.kind);
            if smallest.contains_key(&fam) {
                continue;
            }
            eprintln!("case {k}: new family: {fam}");
            // Shrink a fresh copy of the tree while a failure of this family stays.
            let mut tree = strategy
                .new_tree(&mut TestRunner::new_with_rng(config(), rng.clone()))
                .unwrap();
            let same = |c: &Case| run_case(c).0.into_iter().find(|g| family(&g.kind) == fam);
            let mut best = (tree.current(), f);
            let mut budget = shrink_budget;
            if tree.simplify() {
                while budget > 0 {
                    budget -= 1;
                    let c = tree.current();
                    if let Some(g) = same(&c) {
                        best = (c, g);
                        if !tree.simplify() {
                            break;
                        }
                    } else if !tree.complicate() {
                        break;
                    }
                }
            }
            smallest.insert(fam, best);
        }
    }
    eprintln!(
        "\n{cases} cases: {built} passed check and were built, {clean} of them broke nothing; \
         {} kinds of failure in {} families\n",
        kinds.len(),
        smallest.len()
    );
    eprintln!("cases rejected by check, by error:");
    for (code, n) in &codes {
        eprintln!("  {n:4} {code}");
    }
    for (kind, (property, count, detail)) in &kinds {
        eprintln!("- property {property}: {kind} ({count} cases)\n    {detail}");
    }
    for (fam, (c, f)) in &smallest {
        eprintln!("\n==== {fam}: smallest input found\n{f}\n{c:?}");
    }
}
