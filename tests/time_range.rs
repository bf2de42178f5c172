//! The supported time range (docs/format.md, "Limits"): a time or date that is valid TOML but
//! outside it is `E0023 time-out-of-range` at its line in `check`, and `build` refuses it with
//! the same error instead of panicking; times at the very ends of the range build, and every
//! feed and the calendar parse. `--now` and `SOURCE_DATE_EPOCH` outside the range are errors.

mod common;

use common::{read, run};
use serde_json::Value;
use std::path::Path;
use std::process::Command;

const NOW: &str = "2024-06-01T00:00:00Z";

/// A site in `zone` with one component (whose `[[components]]` table gets `component_extra`)
/// and `content/x.md` holding `front` as its front matter.
fn site(zone: &str, component_extra: &str, front: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("site.toml"),
        format!(
            "title = \"T\"\nbase_url = \"https://status.example.com/\"\ntimezone = \"{zone}\"\n\n\
             [[components]]\nid = \"api\"\nname = \"API\"\n{component_extra}"
        ),
    )
    .unwrap();
    std::fs::create_dir(dir.path().join("content")).unwrap();
    std::fs::write(
        dir.path().join("content/x.md"),
        format!("+++\n{front}+++\nPostmortem.\n"),
    )
    .unwrap();
    dir
}

const INCIDENT: &str =
    "title = \"T\"\nsummary = \"S\"\nseverity = \"minor\"\ncomponents = [\"api\"]\n";
const MAINTENANCE: &str =
    "title = \"M\"\nsummary = \"S\"\nkind = \"maintenance\"\ncomponents = [\"api\"]\n";

fn entry(at: &str) -> String {
    format!("\n[[timeline]]\nat = {at}\nstatus = \"investigating\"\nmessage = \"m\"\n")
}

/// `check --format json`'s diagnostics.
fn check(dir: &Path) -> (Option<i32>, Vec<Value>) {
    let out = run(dir, &["check", "--now", NOW, "--format", "json"]);
    assert!(!out.stderr.contains("panicked"), "{}", out.stderr);
    let diags = out
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    (out.status.code(), diags)
}

#[test]
fn every_time_field_outside_the_range_is_e0023_at_its_line() {
    let ok = "2024-05-01T10:00:00Z";
    let late = "9999-12-31T23:00:00-01:00";
    let early = "0000-01-01T00:00:00+00:01";
    let cases: Vec<(&str, &str, String, &str)> = vec![
        // (zone, site.toml extra, front matter, the file that is wrong)
        ("UTC", "", format!("{INCIDENT}started = {late}\n"), "x.md"),
        (
            "UTC",
            "",
            format!("{INCIDENT}resolved = {late}\n{}", entry(ok)),
            "x.md",
        ),
        (
            "UTC",
            "",
            format!("{INCIDENT}detected = {early}\n{}", entry(ok)),
            "x.md",
        ),
        ("UTC", "", format!("{INCIDENT}{}", entry(early)), "x.md"),
        // Offset-less, read in a zone west of UTC: 9999-12-31T23:00 PST is year 10000 in UTC.
        (
            "America/Los_Angeles",
            "",
            format!("{INCIDENT}{}", entry("9999-12-31T23:00:00")),
            "x.md",
        ),
        // One minute east of UTC: 1969-12-31T23:59:00Z, a minute before the range.
        (
            "UTC",
            "",
            format!("{INCIDENT}{}", entry("1970-01-01T00:00:00+00:01")),
            "x.md",
        ),
        (
            "UTC",
            "",
            format!("{INCIDENT}{}", entry("9999-12-31T23:59:59.999999999-23:59")),
            "x.md",
        ),
        (
            "UTC",
            "",
            format!(
                "{INCIDENT}{}\n[[impact]]\ncomponent = \"api\"\nlevel = \"degraded_performance\"\nstart = {ok}\nend = {late}\n",
                entry(ok)
            ),
            "x.md",
        ),
        (
            "UTC",
            "",
            format!("{MAINTENANCE}scheduled_start = {early}\nscheduled_end = {ok}\n"),
            "x.md",
        ),
        (
            "UTC",
            "",
            format!("{MAINTENANCE}scheduled_start = {ok}\nscheduled_end = {late}\n"),
            "x.md",
        ),
        (
            "UTC",
            "",
            format!(
                "{INCIDENT}{}\n[[action_items]]\ntitle = \"A\"\nstatus = \"open\"\ndue = 1969-12-31\n",
                entry(ok)
            ),
            "x.md",
        ),
        (
            "UTC",
            "since = 0000-01-01\n",
            format!("{INCIDENT}{}", entry(ok)),
            "site.toml",
        ),
    ];
    for (zone, extra, front, bad_file) in cases {
        let dir = site(zone, extra, &front);
        let (code, diags) = check(dir.path());
        assert_eq!(code, Some(1), "{front}");
        let errors: Vec<&Value> = diags.iter().filter(|d| d["severity"] == "error").collect();
        assert_eq!(errors.len(), 1, "{front}: {diags:?}");
        let e = errors[0];
        assert_eq!(e["code"], "E0023", "{front}: {e}");
        assert_eq!(e["name"], "time-out-of-range");
        assert!(e["file"].as_str().unwrap().ends_with(bad_file), "{e}");
        // The line is the wrong value's.
        let text = read(&dir.path().join(e["file"].as_str().unwrap()));
        let line = text
            .lines()
            .nth(e["line"].as_u64().unwrap() as usize - 1)
            .unwrap();
        assert!(
            ["9999-12-31", "0000-01-01", "1969-12-31", "+00:01"]
                .iter()
                .any(|v| line.contains(v)),
            "{front}: line `{line}`"
        );

        let out = run(dir.path(), &["build", "--now", NOW]);
        assert_eq!(out.status.code(), Some(1), "{front}: {}", out.stderr);
        assert!(out.stderr.contains("E0023"), "{}", out.stderr);
        assert!(!out.stderr.contains("panicked"), "{}", out.stderr);
        assert!(!dir.path().join("public").exists());
    }
}

#[test]
fn the_ends_of_the_range_build_and_every_output_parses() {
    // The first instant, and the last one, in the zone furthest east (+14:00), where it is
    // already 9999-12-31 locally; a maintenance in the last hour, still upcoming at NOW.
    let front = format!(
        "{INCIDENT}started = 1970-01-01T00:00:00Z\nresolved = 9999-12-30T23:59:59Z\n{}",
        entry("1970-01-01T00:00:00-00:00")
    );
    let dir = site("Pacific/Kiritimati", "since = 1970-01-01\n", &front);
    std::fs::write(
        dir.path().join("content/m.md"),
        format!(
            "+++\n{MAINTENANCE}scheduled_start = 9999-12-30T23:00:00Z\nscheduled_end = 9999-12-31T13:59:59+14:00\n\
             \n[[action_items]]\ntitle = \"A\"\nstatus = \"open\"\ndue = 9999-12-31\n+++\n"
        ),
    )
    .unwrap();
    let (code, diags) = check(dir.path());
    assert!(diags.iter().all(|d| d["severity"] != "error"), "{diags:?}");
    assert_eq!(code, Some(0));
    let out = run(dir.path(), &["build", "--now", NOW]);
    assert!(out.status.success(), "{}", out.stderr);
    let public = dir.path().join("public");
    for rel in [
        "feed.xml",
        "rss.xml",
        "components/api/feed.xml",
        "components/api/rss.xml",
    ] {
        let bytes = std::fs::read(public.join(rel)).unwrap();
        let f = feed_rs::parser::parse(&bytes[..]).unwrap_or_else(|e| panic!("{rel}: {e}"));
        assert_eq!(f.entries.len(), 2, "{rel}");
    }
    let rss = read(&public.join("rss.xml"));
    assert!(rss.contains("Thu, 30 Dec 9999 23:00:00 +0000"), "{rss}");
    let ics = read(&public.join("maintenance.ics"));
    let cal = ical::IcalParser::new(ics.as_bytes())
        .next()
        .unwrap()
        .unwrap();
    let start = cal.events[0]
        .properties
        .iter()
        .find(|p| p.name == "DTSTART")
        .unwrap();
    assert_eq!(start.value.as_deref(), Some("99991230T230000Z"));
    for rel in ["api/v2/incidents.json", "incidents/x/index.json"] {
        let _: Value = serde_json::from_str(&read(&public.join(rel))).unwrap();
    }
}

fn afterword(dir: &Path, args: &[&str], epoch: Option<&str>) -> std::process::Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_afterword"));
    cmd.args(args)
        .current_dir(dir)
        .env_remove("SOURCE_DATE_EPOCH");
    if let Some(e) = epoch {
        cmd.env("SOURCE_DATE_EPOCH", e);
    }
    cmd.output().unwrap()
}

#[test]
fn now_outside_the_range_is_a_clear_error() {
    let dir = site(
        "UTC",
        "",
        &format!("{INCIDENT}{}", entry("2024-05-01T10:00:00Z")),
    );
    for now in [
        "1969-12-31T23:59:59Z",
        "9999-12-31T00:00:00Z",
        "0000-01-01T00:00:00+00:01",
    ] {
        for cmd in ["check", "build"] {
            let out = afterword(dir.path(), &[cmd, "--now", now], None);
            let err = String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.code(), Some(1), "{cmd} {now}: {err}");
            assert!(err.contains(&format!("--now `{now}`")), "{err}");
            assert!(err.contains("outside the supported range"), "{err}");
            assert!(!err.contains("panicked"), "{err}");
        }
    }
    for epoch in ["-1", "253402214400", "9223372036854775807"] {
        let out = afterword(dir.path(), &["build"], Some(epoch));
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{epoch}: {err}");
        assert!(
            err.contains(&format!("SOURCE_DATE_EPOCH `{epoch}`")),
            "{err}"
        );
        assert!(err.contains("outside the supported range"), "{err}");
    }
    let out = afterword(dir.path(), &["build"], Some("253402214399"));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
