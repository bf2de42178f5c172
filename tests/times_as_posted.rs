//! Times as posted: a file that says the zone it was written in (`timezone`) has its
//! offset-less times read there, and its incident page shows each time in the site's zone and,
//! where it reads differently, as posted.

mod common;
use common::*;
use std::path::Path;

const NOW: &str = "2025-12-01T00:00:00Z";

/// A site in Paris with one incident written in Los Angeles (`pacific`) and one without a zone
/// (`local`), both with offset-less times.
fn site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("site.toml"),
        "title = \"T\"\nbase_url = \"https://s.example.com/\"\ntimezone = \"Europe/Paris\"\n\
         [[components]]\nid = \"api\"\nname = \"API\"\n",
    )
    .unwrap();
    let content = dir.path().join("content");
    std::fs::create_dir(&content).unwrap();
    std::fs::write(
        content.join("pacific.md"),
        "+++\ntitle = \"Pacific\"\nsummary = \"S\"\nseverity = \"minor\"\ncomponents = [\"api\"]\n\
         timezone = \"America/Los_Angeles\"\nstarted = 2025-11-03T12:18:00\n\n\
         [[timeline]]\nat = 2025-11-03T12:30:00\nstatus = \"investigating\"\nmessage = \"m\"\n\n\
         [[timeline]]\nat = 2025-11-03T16:30:00\nstatus = \"resolved\"\nmessage = \"r\"\n+++\n",
    )
    .unwrap();
    std::fs::write(
        content.join("local.md"),
        "+++\ntitle = \"Local\"\nsummary = \"S\"\nseverity = \"minor\"\ncomponents = [\"api\"]\n\
         started = 2025-11-03T12:18:00\nresolved = 2025-11-03T13:00:00\n+++\n",
    )
    .unwrap();
    dir
}

fn build(dir: &Path) -> std::path::PathBuf {
    let out = run(dir, &["build", "--now", NOW]);
    assert!(out.status.success(), "{}", out.stderr);
    dir.join("public")
}

#[test]
fn the_incident_page_shows_times_in_the_site_zone_and_as_posted() {
    let dir = site();
    let public = build(dir.path());
    let doc = html(&public.join("incidents/pacific/index.html"));
    // 2025-11-03T12:18 in Los Angeles is PST (UTC−8; DST ended Nov 2): 20:18 UTC, which is
    // 21:18 CET (UTC+1) in Paris.
    let started = texts(&doc, "dl.facts > div")
        .into_iter()
        .find(|t| t.starts_with("Started"))
        .unwrap();
    assert_eq!(started, "StartedNov 3, 2025, 9:18 PM GMT+1 (12:18 PM PST)");
    assert_eq!(
        attrs(&doc, "dl.facts time", "datetime")[0],
        "2025-11-03T20:18:00Z"
    );
    // Entries: 12:30 PST = 20:30 UTC = 21:30 CET; 16:30 PST = 00:30 UTC Nov 4 = 01:30 CET on
    // Nov 4, so the posted time names its own day.
    let entries = texts(&doc, "ol.timeline .entry-meta");
    assert_eq!(entries.len(), 2);
    assert!(
        entries[0].contains("Nov 3, 2025, 9:30 PM GMT+1 (12:30 PM PST)"),
        "{}",
        entries[0]
    );
    assert!(
        entries[1].contains("Nov 4, 2025, 1:30 AM GMT+1 (Nov 3, 4:30 PM PST)"),
        "{}",
        entries[1]
    );
    // Resolved 16:30 PST; duration 16:30 − 12:18 = 4h 12m, whatever the zones.
    let facts = texts(&doc, "dl.facts > div");
    assert!(facts.contains(&"ResolvedNov 4, 2025, 1:30 AM GMT+1 (Nov 3, 4:30 PM PST)".to_string()));
    assert!(facts.contains(&"Duration4h 12m".to_string()), "{facts:?}");
    assert!(
        facts.contains(&"Times as postedAmerica/Los_Angeles, in brackets".to_string()),
        "{facts:?}"
    );
    // The API keeps instants: the same UTC time.
    let json: serde_json::Value =
        serde_json::from_str(&read(&public.join("incidents/pacific/index.json"))).unwrap();
    assert_eq!(json["started"], "2025-11-03T21:18:00+01:00");
}

#[test]
fn a_file_without_a_zone_is_read_and_shown_in_the_site_zone_only() {
    let dir = site();
    let public = build(dir.path());
    let doc = html(&public.join("incidents/local/index.html"));
    let facts = texts(&doc, "dl.facts > div");
    // 12:18 read in Paris (CET): shown as written, with nothing in brackets.
    assert!(
        facts.contains(&"StartedNov 3, 2025, 12:18 PM GMT+1".to_string()),
        "{facts:?}"
    );
    assert!(texts(&doc, ".as-posted").is_empty());
    assert!(!facts.iter().any(|f| f.starts_with("Times as posted")));
}

#[test]
fn a_mistyped_file_zone_is_an_error_with_a_suggestion() {
    let dir = site();
    let path = dir.path().join("content/pacific.md");
    let text = read(&path).replace("America/Los_Angeles", "America/Los_Angles");
    std::fs::write(&path, text).unwrap();
    let out = run(dir.path(), &["check", "--now", NOW]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        out.stderr
            .contains("unknown time zone `America/Los_Angles`"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("did you mean `America/Los_Angeles`?"),
        "{}",
        out.stderr
    );
}
