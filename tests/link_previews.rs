//! Link previews (docs/link-previews.md): the OpenGraph and Twitter tags of every page, the
//! social cards, robots.txt and `noindex`, built from tests/fixtures/previews (a site under the
//! sub-path `/status/`). Every expected value is worked out by hand from the fixture's files.

mod common;

use common::{attrs, copy_dir, html, run, tree};
use std::path::{Path, PathBuf};

/// Two hours after the ongoing incident started (2025-03-12T10:00:00Z).
const NOW: &str = "2025-03-12T12:00:00Z";
const BASE: &str = "https://example.org/status/";
const SITE: &str = "Acme & Co <Status>";

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/previews")
}

fn build(root: &Path, out: &Path) {
    let (root, out) = (root.to_str().unwrap(), out.to_str().unwrap());
    let r = run(
        Path::new(env!("CARGO_MANIFEST_DIR")),
        &["build", "--root", root, "--output", out, "--now", NOW],
    );
    assert!(r.status.success(), "{}", r.stderr);
}

/// The fixture with `edit` applied to its site.toml, in a temporary folder.
fn fixture_with(edit: impl FnOnce(String) -> String) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&fixture(), dir.path());
    let toml = dir.path().join("site.toml");
    let text = std::fs::read_to_string(&toml).unwrap();
    std::fs::write(&toml, edit(text)).unwrap();
    dir
}

/// The `content` of the one `<meta>` whose `property` (or `name`) is `key`.
fn meta(doc: &scraper::Html, key: &str) -> String {
    let mut found = attrs(doc, &format!("meta[property=\"{key}\"]"), "content");
    found.extend(attrs(doc, &format!("meta[name=\"{key}\"]"), "content"));
    assert_eq!(found.len(), 1, "{key}: {found:?}");
    found.remove(0)
}

fn metas(doc: &scraper::Html, key: &str) -> usize {
    attrs(doc, &format!("meta[property=\"{key}\"]"), "content").len()
        + attrs(doc, &format!("meta[name=\"{key}\"]"), "content").len()
}

/// Every HTML page of an output folder.
/// Every page of an output folder but the status cards (`embed/`): those are made for an
/// `<iframe>` on another site, `noindex`, never shared as links (docs/badges.md).
fn pages(out: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = walkdir::WalkDir::new(out)
        .into_iter()
        .map(|e| e.unwrap().into_path())
        .filter(|p| p.extension().is_some_and(|x| x == "html"))
        .filter(|p| !p.components().any(|c| c.as_os_str() == "embed"))
        .collect();
    v.sort();
    v
}

/// Every `og.png` of an output folder.
fn cards(out: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = walkdir::WalkDir::new(out)
        .into_iter()
        .map(|e| e.unwrap().into_path())
        .filter(|p| p.file_name().is_some_and(|n| n == "og.png"))
        .collect();
    v.sort();
    v
}

#[test]
fn an_incident_page_has_every_tag_computed_from_its_file() {
    let out = tempfile::tempdir().unwrap();
    build(&fixture(), out.path());
    let doc = html(&out.path().join("incidents/db-failover/index.html"));
    let title = "Database failover & <recovery> \"slow\"";
    // The slug is the file's name; the page sits under the base URL's sub-path.
    let url = "https://example.org/status/incidents/db-failover/";
    assert_eq!(attrs(&doc, "link[rel=canonical]", "href"), vec![url]);
    assert_eq!(meta(&doc, "og:url"), url);
    assert_eq!(meta(&doc, "og:type"), "article");
    assert_eq!(meta(&doc, "og:title"), title);
    assert_eq!(meta(&doc, "twitter:title"), title);
    assert_eq!(meta(&doc, "og:site_name"), SITE);
    // The summary, as written (84 characters: under the 200 limit, nothing cut).
    let summary =
        "Writes queued for 90 minutes while the replica caught up & <b>nothing</b> was lost.";
    assert_eq!(meta(&doc, "og:description"), summary);
    assert_eq!(meta(&doc, "twitter:description"), summary);
    // Published: the start (first update, 08:00Z); modified: the last update (09:30Z).
    assert_eq!(meta(&doc, "article:published_time"), "2025-03-10T08:00:00Z");
    assert_eq!(meta(&doc, "article:modified_time"), "2025-03-10T09:30:00Z");
    assert_eq!(meta(&doc, "og:image"), format!("{url}og.png"));
    assert_eq!(meta(&doc, "twitter:image"), format!("{url}og.png"));
    assert_eq!(meta(&doc, "og:image:type"), "image/png");
    assert_eq!(meta(&doc, "og:image:width"), "1200");
    assert_eq!(meta(&doc, "og:image:height"), "630");
    assert_eq!(meta(&doc, "twitter:card"), "summary_large_image");
    // 08:00 to 09:30: 1h 30m; severity `major` is "Major" by default.
    let alt = format!("{title} — Severity: Major. Status: Resolved. Duration: 1h 30m. {SITE}");
    assert_eq!(meta(&doc, "og:image:alt"), alt);
    assert_eq!(meta(&doc, "twitter:image:alt"), alt);
    assert_eq!(metas(&doc, "robots"), 0);
}

#[test]
fn an_ongoing_incident_without_a_summary_falls_back_to_the_site() {
    let out = tempfile::tempdir().unwrap();
    build(&fixture(), out.path());
    let doc = html(&out.path().join("incidents/ongoing/index.html"));
    // site.toml's description, whitespace collapsed.
    assert_eq!(
        meta(&doc, "og:description"),
        "Incidents and postmortems of Acme."
    );
    // Started 10:00Z, last update 11:00Z; now is 12:00Z: ongoing for 2h.
    assert_eq!(meta(&doc, "article:published_time"), "2025-03-12T10:00:00Z");
    assert_eq!(meta(&doc, "article:modified_time"), "2025-03-12T11:00:00Z");
    assert!(meta(&doc, "og:image:alt").ends_with(
        "— Severity: Critical. Status: Identified. Ongoing for: 2h. Acme & Co <Status>"
    ));
    // A summary of 270 CJK characters and no space: 199 kept, then the ellipsis.
    let doc = html(&out.path().join("incidents/cjk/index.html"));
    let d = meta(&doc, "og:description");
    assert_eq!(
        d,
        format!(
            "{}…",
            "数据库".repeat(90).chars().take(199).collect::<String>()
        )
    );
    assert_eq!(meta(&doc, "og:title"), "数据库故障");
}

#[test]
fn site_pages_describe_the_site_with_its_card() {
    let out = tempfile::tempdir().unwrap();
    build(&fixture(), out.path());
    let doc = html(&out.path().join("index.html"));
    assert_eq!(meta(&doc, "og:type"), "website");
    assert_eq!(meta(&doc, "og:title"), SITE);
    assert_eq!(meta(&doc, "og:url"), BASE);
    assert_eq!(attrs(&doc, "link[rel=canonical]", "href"), vec![BASE]);
    assert_eq!(
        meta(&doc, "og:description"),
        "Incidents and postmortems of Acme."
    );
    assert_eq!(meta(&doc, "og:image"), format!("{BASE}og.png"));
    assert_eq!(
        meta(&doc, "og:image:alt"),
        format!("{SITE} — Incidents and postmortems of Acme.")
    );
    assert_eq!(metas(&doc, "article:published_time"), 0);
    let doc = html(&out.path().join("history/index.html"));
    assert_eq!(meta(&doc, "og:title"), "History");
    assert_eq!(meta(&doc, "og:url"), format!("{BASE}history/"));
    // Every page has the tags; the 404 page has no URL of its own.
    for page in pages(out.path()) {
        let doc = html(&page);
        for key in [
            "og:type",
            "og:title",
            "og:description",
            "og:site_name",
            "og:image",
        ] {
            assert_eq!(metas(&doc, key), 1, "{key} in {}", page.display());
        }
        let not_found = page.ends_with("404.html");
        assert_eq!(metas(&doc, "og:url"), usize::from(!not_found));
    }
    // robots.txt points at the sitemap, whose URLs are absolute.
    assert_eq!(
        std::fs::read_to_string(out.path().join("robots.txt")).unwrap(),
        "User-agent: *\nAllow: /status/\n\nSitemap: https://example.org/status/sitemap.xml\n"
    );
    assert!(out.path().join("sitemap.xml").is_file());
}

/// The width and height a PNG's IHDR chunk gives, after decoding the whole image (which checks
/// every chunk's CRC and the compressed data).
fn png_size(path: &Path) -> (u32, u32) {
    let bytes = std::fs::read(path).unwrap();
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n", "{}", path.display());
    // IHDR comes first: length 13, then the type, width and height, big-endian.
    assert_eq!(&bytes[8..16], b"\0\0\0\x0dIHDR");
    let be = |at: usize| u32::from_be_bytes(bytes[at..at + 4].try_into().unwrap());
    let decoder = png::Decoder::new(std::io::Cursor::new(bytes.clone()));
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    assert_eq!((info.width, info.height), (be(16), be(20)));
    (info.width, info.height)
}

#[test]
fn cards_are_valid_pngs_of_1200_by_630_and_the_same_bytes_every_build() {
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    build(&fixture(), a.path());
    build(&fixture(), b.path());
    let found = cards(a.path());
    let rel: Vec<PathBuf> = found
        .iter()
        .map(|p| p.strip_prefix(a.path()).unwrap().to_path_buf())
        .collect();
    // The site's and one per incident (the CJK title included: it must draw, not panic).
    assert_eq!(
        rel,
        [
            "incidents/cjk/og.png",
            "incidents/db-failover/og.png",
            "incidents/ongoing/og.png",
            "og.png"
        ]
        .map(PathBuf::from)
    );
    for p in &found {
        assert_eq!(png_size(p), (1200, 630), "{}", p.display());
    }
    // Two builds: the same bytes, cards and everything else.
    assert_eq!(tree(a.path()), tree(b.path()));
}

#[test]
fn noindex_marks_every_page_and_disallows_the_site() {
    let site = fixture_with(|t| t.replacen("timezone", "noindex = true\ntimezone", 1));
    let out = tempfile::tempdir().unwrap();
    build(site.path(), out.path());
    let all = pages(out.path());
    assert!(all.len() > 20, "{}", all.len());
    for page in all {
        let doc = html(&page);
        assert_eq!(meta(&doc, "robots"), "noindex", "{}", page.display());
    }
    // Disallowed under the base path, no sitemap offered.
    assert_eq!(
        std::fs::read_to_string(out.path().join("robots.txt")).unwrap(),
        "User-agent: *\nDisallow: /status/\n"
    );
}

#[test]
fn cards_off_means_no_png_and_no_image_tag() {
    let site = fixture_with(|t| format!("{t}\n[social]\ncards = false\n"));
    let out = tempfile::tempdir().unwrap();
    build(site.path(), out.path());
    assert_eq!(cards(out.path()), Vec::<PathBuf>::new());
    for page in pages(out.path()) {
        let doc = html(&page);
        for key in ["og:image", "og:image:alt", "twitter:image"] {
            assert_eq!(metas(&doc, key), 0, "{key} in {}", page.display());
        }
        // Without an image, the small card.
        assert_eq!(meta(&doc, "twitter:card"), "summary");
        assert_eq!(metas(&doc, "og:description"), 1);
    }
}

#[test]
fn social_takes_only_known_keys() {
    let site = fixture_with(|t| format!("{t}\n[social]\ncard = false\n"));
    let r = run(
        site.path(),
        &[
            "check",
            "--root",
            site.path().to_str().unwrap(),
            "--now",
            NOW,
        ],
    );
    assert!(!r.status.success());
    assert!(r.stderr.contains("E0002"), "{}", r.stderr);
    assert!(r.stderr.contains("cards"), "{}", r.stderr);
}

#[test]
fn a_sites_own_robots_txt_replaces_the_generated_one() {
    let site = fixture_with(|t| t.replacen("timezone", "noindex = true\ntimezone", 1));
    std::fs::create_dir_all(site.path().join("static")).unwrap();
    std::fs::write(
        site.path().join("static/robots.txt"),
        "User-agent: *\nAllow: /\n",
    )
    .unwrap();
    let out = tempfile::tempdir().unwrap();
    build(site.path(), out.path());
    assert_eq!(
        std::fs::read_to_string(out.path().join("robots.txt")).unwrap(),
        "User-agent: *\nAllow: /\n"
    );
    // The pages still carry noindex.
    assert_eq!(
        meta(&html(&out.path().join("index.html")), "robots"),
        "noindex"
    );
}

/// A build that replaces an output folder keeps each card drawn from the same SVG (the stamp in
/// its PNG says which) instead of drawing it again, and draws the card of an edited incident.
#[test]
fn a_rebuild_keeps_cards_drawn_from_the_same_svg() {
    let site = fixture_with(|t| t);
    let out = tempfile::tempdir().unwrap();
    let out = out.path().join("public");
    build(site.path(), &out);
    let card = out.join("incidents/db-failover/og.png");
    let drawn = std::fs::read(&card).unwrap();
    // Change pixels the stamp does not cover: the last byte of the image data before IEND
    // (12 bytes: length, type, CRC). A kept card keeps this byte; a drawn one would not.
    let mut marked = drawn.clone();
    let at = marked.len() - 12 - 4 - 1;
    marked[at] ^= 0xff;
    std::fs::write(&card, &marked).unwrap();
    build(site.path(), &out);
    assert_eq!(
        std::fs::read(&card).unwrap(),
        marked,
        "the card was drawn again"
    );

    // A new title: a new SVG, so the card is drawn, and it is a whole PNG again.
    let md = site.path().join("content/db-failover.md");
    let text = std::fs::read_to_string(&md).unwrap();
    std::fs::write(&md, text.replacen("title = \"", "title = \"Edited: ", 1)).unwrap();
    build(site.path(), &out);
    let redrawn = std::fs::read(&card).unwrap();
    assert_ne!(redrawn, marked);
    assert_ne!(redrawn, drawn);
    assert_eq!(png_size(&card), (1200, 630));
}
