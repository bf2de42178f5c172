//! Lean feeds (`[feeds] site_content`, `component_content`, `full_entries`) on a copy of
//! tests/fixtures/api with its `[feeds]` section replaced, parsed with feed-rs.
//!
//! now = 2024-11-10T20:00:00Z; the site zone is America/Los_Angeles (October: PDT, -07:00).
//! The fixture's feeds, newest change first (see tests/feeds_api.rs):
//! - site feed (limit 4): ongoing, maint-now, maint-next, escaping;
//! - `components/core`: maint-now, db-outage.

mod common;

use common::{copy_dir, read, run};
use std::path::{Path, PathBuf};

const NOW: &str = "2024-11-10T20:00:00Z";

/// The fixture with `feeds` as its whole `[feeds]` section, built (or only checked, when the
/// build fails, the output).
fn site(feeds: &str) -> (tempfile::TempDir, PathBuf, common::Output) {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/api"),
        dir.path(),
    );
    let toml = dir.path().join("site.toml");
    let src = read(&toml);
    let start = src.find("[feeds]").unwrap();
    let end = start + src[start..].find("\n[[").unwrap();
    std::fs::write(&toml, format!("{}{feeds}\n{}", &src[..start], &src[end..])).unwrap();
    let out = run(dir.path(), &["build", "--now", NOW]);
    let public = dir.path().join("public");
    (dir, public, out)
}

fn feed(public: &Path, rel: &str) -> feed_rs::model::Feed {
    let bytes = std::fs::read(public.join(rel)).unwrap();
    feed_rs::parser::parse(&bytes[..]).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// Each entry's HTML: Atom `content`, RSS `description` (feed-rs puts it in `summary`).
fn atom_html(f: &feed_rs::model::Feed) -> Vec<String> {
    f.entries
        .iter()
        .map(|e| e.content.as_ref().unwrap().body.clone().unwrap())
        .collect()
}

fn rss_html(f: &feed_rs::model::Feed) -> Vec<String> {
    f.entries
        .iter()
        .map(|e| e.summary.as_ref().unwrap().content.clone())
        .collect()
}

/// A full entry has the facts list and every update under "Updates"; a lean one has neither,
/// but "Latest update" and the link to the page.
fn is_full(html: &str) -> bool {
    let full = html.contains("<ul>\n<li><strong>Status:</strong>");
    let lean = html.contains("<h2>Latest update</h2>") && html.contains("Read the full");
    assert!(full != lean, "neither or both forms: {html}");
    full
}

#[test]
fn component_feeds_are_lean_by_default() {
    let (_d, public, out) = site("[feeds]\nlimit = 4\n");
    assert!(out.status.success(), "{}", out.stderr);
    let atom = feed(&public, "components/core/feed.xml");
    let rss = feed(&public, "components/core/rss.xml");
    // components/core: [maint-now, db-outage]; db-outage is the second entry.
    assert_eq!(atom.entries.len(), 2);
    let html = &atom_html(&atom)[1];
    // Written out by hand from content/db-outage/index.md:
    // - summary "Writes failed for an hour.";
    // - status: the last entry's, `postmortem` (label "Postmortem");
    // - latest update: the last timeline entry, 2024-10-03T12:00:00-07:00 (PDT), status
    //   `postmortem`, message "Postmortem published."; `datetime` is in UTC: 12:00 - (-7 h) =
    //   19:00Z, the text in the site zone;
    // - the page: base_url https://status.acme.test/sub/ + incidents/db-outage/.
    // (feed-rs trims the content, so the file's final newline is not here.)
    let want = "<p>Writes failed for an hour.</p>\n\
        <p><strong>Status:</strong> Postmortem</p>\n\
        <h2>Latest update</h2>\n\
        <p><strong>Postmortem</strong> · <time datetime=\"2024-10-03T19:00:00Z\">Oct 3, 2024, 12:00\u{202f}PM PDT</time></p>\n\
        <p>Postmortem published.</p>\n\
        <p><a href=\"https://status.acme.test/sub/incidents/db-outage/\">Read the full incident report</a></p>";
    assert_eq!(html, want);
    // No postmortem body (its "Root cause" heading and graph), no facts, no older updates.
    for gone in [
        "Root cause",
        "graph.svg",
        "<h2>Postmortem</h2>",
        "Severity:",
        "Writes are failing.",
        "Failover started.",
    ] {
        assert!(!html.contains(gone), "{gone:?} in {html}");
    }
    // The Atom summary stays; the RSS description is the same lean HTML.
    assert_eq!(
        atom.entries[1].summary.as_ref().unwrap().content,
        "Writes failed for an hour."
    );
    assert_eq!(&rss_html(&rss)[1], want);
    // A maintenance links to its notice: maint-now is under maintenance/.
    let m = &atom_html(&atom)[0];
    assert!(
        m.contains("<a href=\"https://status.acme.test/sub/maintenance/maint-now/\">Read the full maintenance notice</a>"),
        "{m}"
    );
    // Every component feed is lean: web has ongoing, maint-next, escaping.
    for rel in ["components/web/feed.xml", "components/db/feed.xml"] {
        for h in atom_html(&feed(&public, rel)) {
            assert!(!is_full(&h), "{rel}: {h}");
        }
    }
    // User text stays escaped in the lean form too (escaping.md's summary and last message).
    let web = read(&public.join("components/web/rss.xml"));
    assert!(
        !web.contains("<script>") && !web.contains("<b>bold"),
        "{web}"
    );
    let esc = &rss_html(&feed(&public, "components/web/rss.xml"))[2];
    assert!(
        esc.contains("Summary &lt;b&gt;bold&lt;/b&gt; &amp; &quot;quoted&quot; ]]&gt;"),
        "{esc}"
    );
}

#[test]
fn site_feed_is_full_for_exactly_the_newest_n() {
    // Default full_entries = 10 ≥ 4 entries: the whole site feed is full.
    let (_d, public, out) = site("[feeds]\nlimit = 4\n");
    assert!(out.status.success(), "{}", out.stderr);
    let all: Vec<bool> = atom_html(&feed(&public, "feed.xml"))
        .iter()
        .map(|h| is_full(h))
        .collect();
    assert_eq!(all, [true, true, true, true]);

    // full_entries = 2: ongoing and maint-now full; maint-next and escaping lean, in both
    // formats.
    let (_d, public, out) = site("[feeds]\nlimit = 4\nfull_entries = 2\n");
    assert!(out.status.success(), "{}", out.stderr);
    let atom: Vec<bool> = atom_html(&feed(&public, "feed.xml"))
        .iter()
        .map(|h| is_full(h))
        .collect();
    let rss: Vec<bool> = rss_html(&feed(&public, "rss.xml"))
        .iter()
        .map(|h| is_full(h))
        .collect();
    assert_eq!(atom, [true, true, false, false]);
    assert_eq!(rss, atom);
    // full_entries does not make component feeds full: their content is `summary`.
    for h in atom_html(&feed(&public, "components/web/feed.xml")) {
        assert!(!is_full(&h), "{h}");
    }

    // site_content = "summary": no full entry at all; full_entries = 0 the same.
    for cfg in [
        "[feeds]\nlimit = 4\nsite_content = \"summary\"\n",
        "[feeds]\nlimit = 4\nfull_entries = 0\n",
    ] {
        let (_d, public, out) = site(cfg);
        assert!(out.status.success(), "{}", out.stderr);
        for h in atom_html(&feed(&public, "feed.xml")) {
            assert!(!is_full(&h), "{cfg}: {h}");
        }
    }
}

#[test]
fn component_content_full_restores_the_postmortem() {
    let (_d, public, out) =
        site("[feeds]\nlimit = 4\ncomponent_content = \"full\"\nfull_entries = 4\n");
    assert!(out.status.success(), "{}", out.stderr);
    let html = &atom_html(&feed(&public, "components/core/feed.xml"))[1];
    assert!(is_full(html));
    for want in [
        "<h2>Updates</h2>",
        "Writes are failing.",
        "<h2>Postmortem</h2>",
        "src=\"https://status.acme.test/sub/incidents/db-outage/graph.svg\"",
    ] {
        assert!(html.contains(want), "missing {want:?} in {html}");
    }
    // Same entry in the site feed? db-outage is not among its newest 4; the entry that is in
    // both (maint-now) has the same full HTML in both feeds.
    let site0 = &atom_html(&feed(&public, "feed.xml"))[1];
    let comp0 = &atom_html(&feed(&public, "components/core/feed.xml"))[0];
    assert_eq!(site0, comp0);
}

#[test]
fn bad_feed_content_settings_are_diagnostics() {
    // Each wrong value is E0016 (bad-value, as `limit = 0`) at its line, with a suggestion.
    let (_d, public, out) = site(
        "[feeds]\nlimit = 4\nsite_content = \"ful\"\ncomponent_content = \"none\"\nfull_entries = -1\n",
    );
    assert_eq!(out.status.code(), Some(1), "{}", out.stderr);
    assert!(!public.join("feed.xml").exists());
    let e = &out.stderr;
    for want in [
        "error[E0016]: unknown feed content `ful` for `site_content`",
        "help: did you mean `full`?",
        "error[E0016]: unknown feed content `none` for `component_content`",
        "help: expected one of: full, summary",
        "error[E0016]: feed full_entries -1 is not between 0 and 10000",
    ] {
        assert!(e.contains(want), "missing {want:?} in {e}");
    }
    let (_d, _, out) = site("[feeds]\nfull_entries = 10001\n");
    assert!(
        out.stderr
            .contains("feed full_entries 10001 is not between 0 and 10000"),
        "{}",
        out.stderr
    );
    // An unknown key gets a suggestion from the serde struct.
    let (_d, _, out) = site("[feeds]\nsite_contents = \"full\"\n");
    assert_eq!(out.status.code(), Some(1), "{}", out.stderr);
    for want in [
        "error[E0002]: unknown key `feeds.site_contents`",
        "help: did you mean `site_content`?",
    ] {
        assert!(
            out.stderr.contains(want),
            "missing {want:?} in {}",
            out.stderr
        );
    }
}
