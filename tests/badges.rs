//! Badges, shields.io endpoint JSON and status cards (docs/badges.md) on tests/fixtures/badges,
//! built under the sub-path `/status/`. now = 2025-11-29T12:00:00Z.
//!
//! The fixture: `api` is in an ongoing critical (major outage) incident since 10:00Z; `web` had
//! a major (partial outage) incident for a whole day on Nov 1; `quiet` had nothing.

mod common;

use afterword::util::textwidth;
use common::{attrs, copy_dir, html, read, run, texts, tree};
use std::path::{Path, PathBuf};

const NOW: &str = "2025-11-29T12:00:00Z";
const BASE: &str = "https://example.org/status/";
const SVG_NS: &str = "http://www.w3.org/2000/svg";

fn built() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/badges"),
        dir.path(),
    );
    let out = run(dir.path(), &["build", "--now", NOW]);
    assert!(out.status.success(), "{}", out.stderr);
    let public = dir.path().join("public");
    (dir, public)
}

/// What a badge says and how it is drawn.
#[derive(Debug)]
struct Svg {
    width: u32,
    title: String,
    aria_label: String,
    /// The visible texts (not the shadows), left to right.
    texts: Vec<String>,
    /// Each visible text's `textLength`, in pixels.
    lengths: Vec<u32>,
    /// The widths of the two coloured sides.
    sides: Vec<u32>,
    /// The right side's colour.
    color: String,
}

fn parse_svg(path: &Path) -> Svg {
    let text = read(path);
    let doc = roxmltree::Document::parse(&text)
        .unwrap_or_else(|e| panic!("{}: not XML: {e}", path.display()));
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "svg");
    assert_eq!(
        root.tag_name().namespace(),
        Some(SVG_NS),
        "{}",
        path.display()
    );
    assert_eq!(root.attribute("role"), Some("img"));
    assert_eq!(root.attribute("height"), Some("20"));
    let n = |v: Option<&str>| v.unwrap().parse::<u32>().unwrap();
    let title: Vec<_> = root
        .children()
        .filter(|c| c.has_tag_name((SVG_NS, "title")))
        .collect();
    assert_eq!(title.len(), 1, "one <title>, first: {text}");
    let visible: Vec<_> = root
        .descendants()
        .filter(|d| d.has_tag_name((SVG_NS, "text")) && d.attribute("aria-hidden").is_none())
        .collect();
    // The coloured sides: the rects in the clipped group, but the gradient over all.
    let sides: Vec<_> = root
        .descendants()
        .filter(|d| {
            d.has_tag_name((SVG_NS, "rect"))
                && d.parent().unwrap().attribute("clip-path").is_some()
                && d.attribute("fill") != Some("url(#s)")
        })
        .collect();
    Svg {
        width: n(root.attribute("width")),
        title: title[0].text().unwrap().to_string(),
        aria_label: root.attribute("aria-label").unwrap().to_string(),
        texts: visible
            .iter()
            .map(|t| t.text().unwrap().to_string())
            .collect(),
        lengths: visible
            .iter()
            .map(|t| n(t.attribute("textLength")) / 10)
            .collect(),
        sides: sides.iter().map(|r| n(r.attribute("width"))).collect(),
        color: sides[1].attribute("fill").unwrap().to_string(),
    }
}

/// The width a badge gives `s`: DejaVu Sans at 11 px, rounded down, then up to odd.
fn measured(s: &str) -> u32 {
    (textwidth::width(s, 11.0).floor() as u32) | 1
}

/// Each side is its text's measured width plus 5 px on both sides; the badge is both sides.
fn assert_geometry(b: &Svg) {
    assert_eq!(b.texts.len(), 2, "{b:?}");
    for (k, t) in b.texts.iter().enumerate() {
        assert_eq!(b.lengths[k], measured(t), "{t}: {b:?}");
        assert_eq!(b.sides[k], b.lengths[k] + 10, "{t}: {b:?}");
    }
    assert_eq!(b.width, b.sides[0] + b.sides[1], "{b:?}");
}

fn json(path: &Path) -> serde_json::Value {
    serde_json::from_str(&read(path)).unwrap()
}

/// The value of the definition list row `label` on a page.
fn fact(page: &Path, label: &str) -> String {
    let doc = html(page);
    let dts = texts(&doc, "dl.facts dt");
    let dds = texts(&doc, "dl.facts dd");
    let k = dts.iter().position(|d| d == label).unwrap();
    dds[k].clone()
}

#[test]
fn an_ongoing_major_incident_makes_the_badges_say_major_outage() {
    let (_d, public) = built();
    let api = parse_svg(&public.join("components/api/badge.svg"));
    assert_eq!(api.texts, ["status", "major outage"]);
    assert_eq!(api.title, "API status: major outage");
    assert_eq!(api.aria_label, api.title);
    assert_eq!(api.color, "#cf222e");
    assert_geometry(&api);
    // By hand: "status" is 6293 font units of 2048 at 11 px = 33.80 → 33, so its side is 43.
    assert_eq!(api.sides[0], 43);

    // The component page says the same (its label, capitalised).
    let page = public.join("components/api/index.html");
    assert!(fact(&page, "Current status").starts_with("Major outage"));

    // The site's badge shows the home page's overall state: the worst component's.
    let site = parse_svg(&public.join("badge.svg"));
    assert_eq!(site.texts, ["status", "major outage"]);
    assert_eq!(site.title, "Badge & fixture status: major outage");
    assert_geometry(&site);
    let home = html(&public.join("index.html"));
    assert_eq!(
        texts(&home, ".overall h2"),
        ["! Major outage"],
        "the home page's overall state"
    );
    assert_eq!(
        attrs(&home, ".overall", "class"),
        ["overall overall-major_outage"]
    );

    // The others: web's incident is over (operational), quiet never had one.
    for id in ["web", "quiet"] {
        let b = parse_svg(&public.join(format!("components/{id}/badge.svg")));
        assert_eq!(b.texts, ["status", "operational"], "{id}");
        assert_eq!(b.color, "#1a7f37");
        assert_geometry(&b);
    }
}

#[test]
fn uptime_badges_show_the_component_pages_percentages() {
    let (_d, public) = built();
    // api: 2 h of major outage (weight 1) in 90 days: 100 × (1 − 7200/7776000) = 99.9074… →
    // 99.90% (rounded down), at the 99.9 % threshold: green.
    // web: 24 h of partial outage (weight 0.3) = 25 920 s: 100 × (1 − 25920/7776000)
    // = 99.6666… → 99.66%: at least 99 %, below 99.9 %: the degraded colour.
    // quiet: 100.00%.
    for (id, percent, color) in [
        ("api", "99.90%", "#1a7f37"),
        ("web", "99.66%", "#9a6700"),
        ("quiet", "100.00%", "#1a7f37"),
    ] {
        let page = public.join(format!("components/{id}/index.html"));
        assert_eq!(fact(&page, "Uptime, 90 days"), percent, "{id}'s page");
        let b = parse_svg(&public.join(format!("components/{id}/uptime.svg")));
        assert_eq!(b.texts, ["uptime", percent], "{id}");
        assert_eq!(b.color, color, "{id}");
        assert!(b
            .title
            .ends_with(&format!("uptime over the last 90 days: {percent}")));
        assert_geometry(&b);
    }
    // No uptime badge for the site, no endpoint JSON for uptime.
    assert!(!public.join("uptime.svg").exists());
}

#[test]
fn shields_endpoint_json() {
    let (_d, public) = built();
    for (file, message) in [
        ("shields.json", "major outage"),
        ("components/api/shields.json", "major outage"),
        ("components/web/shields.json", "operational"),
    ] {
        let j = json(&public.join(file));
        let keys: Vec<&str> = j.as_object().unwrap().keys().map(|k| k.as_str()).collect();
        assert_eq!(
            keys,
            [
                "schemaVersion",
                "label",
                "message",
                "color",
                "labelColor",
                "cacheSeconds"
            ]
        );
        assert_eq!(j["schemaVersion"], 1, "{file}");
        assert_eq!(j["label"], "status");
        assert_eq!(j["message"], message, "{file}");
        // The same colours as the SVG, as shields.io's hex without `#`.
        let svg = parse_svg(&public.join(file.replace("shields.json", "badge.svg")));
        assert_eq!(format!("#{}", j["color"].as_str().unwrap()), svg.color);
        assert_eq!(j["labelColor"], "555555");
        assert!(
            j["cacheSeconds"].as_u64().unwrap() >= 300,
            "shields.io's minimum"
        );
    }
}

/// Every link on a card opens the full page in a new tab, absolutely (the card is in someone
/// else's page), under the sub-path.
fn assert_card_links(doc: &scraper::Html) {
    let sel = scraper::Selector::parse("a").unwrap();
    let links: Vec<_> = doc.select(&sel).collect();
    assert!(!links.is_empty());
    for a in links {
        let href = a.value().attr("href").unwrap();
        assert!(href.starts_with(BASE), "{href}");
        assert_eq!(a.value().attr("target"), Some("_blank"), "{href}");
        assert_eq!(a.value().attr("rel"), Some("noopener"), "{href}");
    }
}

#[test]
fn status_cards() {
    let (_d, public) = built();
    for file in ["embed/index.html", "components/api/embed/index.html"] {
        let text = read(&public.join(file));
        assert!(text.starts_with("<!DOCTYPE html>"), "{file}");
        assert!(
            !text.to_lowercase().contains("<script"),
            "{file}: no JavaScript"
        );
        assert!(text.contains(r#"<link rel="stylesheet" href="/status/embed.css">"#));
        assert!(text.contains(r#"<meta name="robots" content="noindex">"#));
        let doc = html(&public.join(file));
        assert_eq!(attrs(&doc, "html", "lang"), ["en"]);
        assert_eq!(texts(&doc, "h1"), ["Badge & fixture (opens in a new tab)"]);
        assert_eq!(texts(&doc, "main").len(), 1);
        assert_eq!(attrs(&doc, "body", "class"), ["state-major_outage"]);
        // The incident causing it, its title escaped, linked absolutely.
        assert_eq!(
            texts(&doc, "li a"),
            ["API <down> for everyone (opens in a new tab)"]
        );
        assert_eq!(
            attrs(&doc, "li a", "href"),
            [format!("{BASE}incidents/api-down/")]
        );
        assert_card_links(&doc);
    }
    // Their own small stylesheet (no inline style: a host's CSP may forbid it), light and dark.
    let css = read(&public.join("embed.css"));
    assert!(css.contains("@media (prefers-color-scheme:dark)"), "{css}");
    assert!(css.len() < 2048, "{} bytes", css.len());
    let site = html(&public.join("embed/index.html"));
    assert_eq!(texts(&site, ".state"), ["! Major outage"]);
    assert_eq!(attrs(&site, ".more a", "href"), [BASE]);
    let api = html(&public.join("components/api/embed/index.html"));
    assert_eq!(texts(&api, ".state"), ["! API: Major outage"]);
    assert_eq!(
        attrs(&api, ".more a", "href"),
        [format!("{BASE}components/api/")]
    );
    // A card without incidents lists none.
    let quiet = html(&public.join("components/quiet/embed/index.html"));
    assert_eq!(texts(&quiet, ".state"), ["✓ Quiet service: Operational"]);
    assert!(texts(&quiet, "li").is_empty());
    assert_card_links(&quiet);
    // Cards are parts of other pages: not in the sitemap.
    let sitemap = read(&public.join("sitemap.xml"));
    assert!(sitemap.contains(&format!("<loc>{BASE}components/api/</loc>")));
    assert!(!sitemap.contains("embed/"), "{sitemap}");
}

#[test]
fn pages_show_embed_snippets_with_absolute_urls() {
    let (_d, public) = built();
    let doc = html(&public.join("components/api/index.html"));
    let code = texts(&doc, ".embed-snippets pre code");
    let api = format!("{BASE}components/api/");
    assert_eq!(
        code,
        [
            format!("[![API status]({api}badge.svg)]({api})"),
            format!(r#"<a href="{api}"><img src="{api}badge.svg" alt="API status" height="20"></a>"#),
            format!("[![API uptime, last 90 days]({api}uptime.svg)]({api})"),
            format!(
                r#"<a href="{api}"><img src="{api}uptime.svg" alt="API uptime, last 90 days" height="20"></a>"#
            ),
            format!(
                r#"<iframe src="{api}embed/" title="API status" width="320" height="180" style="border:0" loading="lazy"></iframe>"#
            ),
            format!(
                "[![API status](https://img.shields.io/endpoint?url=https%3A%2F%2Fexample.org%2Fstatus%2Fcomponents%2Fapi%2Fshields.json)]({api})"
            ),
        ]
    );
    // The previews load the badges root-relatively, under the sub-path.
    assert_eq!(
        attrs(&doc, ".embed-preview img", "src"),
        [
            "/status/components/api/badge.svg",
            "/status/components/api/uptime.svg"
        ]
    );
    assert_eq!(
        attrs(&doc, ".embed-preview img", "alt"),
        [
            "API status: Major outage",
            "API uptime over the last 90 days: 99.90%"
        ]
    );
    // The site's, on /components/: the site's badge and card, no uptime badge; the site's
    // name (with `&`) escaped for HTML inside the HTML snippet.
    let doc = html(&public.join("components/index.html"));
    let code = texts(&doc, ".embed-snippets pre code");
    assert_eq!(code.len(), 4, "{code:?}");
    assert_eq!(
        code[0],
        format!("[![Badge & fixture status]({BASE}badge.svg)]({BASE})")
    );
    assert_eq!(
        code[1],
        format!(
            r#"<a href="{BASE}"><img src="{BASE}badge.svg" alt="Badge &amp; fixture status" height="20"></a>"#
        )
    );
    assert!(code[2].starts_with(&format!(r#"<iframe src="{BASE}embed/""#)));
}

#[test]
fn badges_are_byte_identical_across_builds() {
    let (_a, one) = built();
    let (_b, two) = built();
    let pick = |t: Vec<(PathBuf, Vec<u8>)>| -> Vec<(PathBuf, Vec<u8>)> {
        t.into_iter()
            .filter(|(p, _)| {
                let s = p.to_string_lossy();
                s.ends_with(".svg") || s.ends_with("shields.json") || s.contains("embed/")
            })
            .collect()
    };
    let (x, y) = (pick(tree(&one)), pick(tree(&two)));
    // The site's badge, JSON and card; each of 3 components' two badges, JSON and card (the
    // theme's favicon.svg too).
    assert_eq!(x.len(), 3 + 3 * 4 + 1);
    assert!(x == y);
}
