//! Languages (docs/i18n.md): the site's `language`, the theme's catalogues and the site's own,
//! dates for the locale, plural rules, `check` on catalogues, right to left.
//!
//! tests/fixtures/i18n is an Arabic site whose content is Arabic too: any English on its pages
//! is the theme's, and the strings to look for come from the English catalogue itself.

mod common;

use afterword::util::i18n::{Arg, Catalogue, Source};
use common::{attrs, copy_dir, html, read, run, texts};
use std::path::{Path, PathBuf};

const NOW: &str = "2025-11-20T12:00:00Z";

fn theme_file(name: &str) -> Source {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("themes/default/i18n")
        .join(name);
    Source {
        origin: name.into(),
        text: read(&path),
        site: false,
    }
}

/// A copy of tests/fixtures/i18n, with `edit` applied to its site.toml.
fn fixture(edit: impl Fn(String) -> String) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/i18n"),
        dir.path(),
    );
    let toml = dir.path().join("site.toml");
    std::fs::write(&toml, edit(read(&toml))).unwrap();
    dir
}

fn build(dir: &Path) -> PathBuf {
    let out = run(dir, &["build", "--now", NOW]);
    assert_eq!(out.status.code(), Some(0), "{}", out.stderr);
    dir.join("public")
}

fn pages(public: &Path) -> Vec<PathBuf> {
    let mut all: Vec<PathBuf> = walkdir::WalkDir::new(public)
        .into_iter()
        .filter_map(Result::ok)
        .map(|e| e.into_path())
        .filter(|p| p.extension().is_some_and(|x| x == "html"))
        .collect();
    all.sort();
    all
}

/// Every literal text of the English catalogue, placeables and tags taken out, that a
/// translation would not keep as it is: runs with at least three letters that the `lang`
/// catalogue does not hold too (`Atom`, `RSS`, `JSON`; "Status" in Portuguese).
fn english_ui_strings_for(lang: &str) -> Vec<(String, String)> {
    let other = theme_file(&format!("{lang}.ftl")).text;
    let mut out = Vec::new();
    for (key, runs) in Catalogue::texts(&[theme_file("en.ftl")]) {
        for run in runs {
            // `-html` messages: the text between tags.
            let mut rest = run.as_str();
            let mut parts = Vec::new();
            while let Some(i) = rest.find('<') {
                parts.push(&rest[..i]);
                rest = rest[i..].find('>').map_or("", |j| &rest[i + j + 1..]);
            }
            parts.push(rest);
            for p in parts {
                let p = p.trim_matches(|c: char| c.is_whitespace() || ".,;:()[]–—%+-".contains(c));
                let letters = p.chars().filter(char::is_ascii_alphabetic).count();
                if letters >= 3 && !other.contains(p) {
                    out.push((key.clone(), p.to_string()));
                }
            }
        }
    }
    out
}

fn english_ui_strings() -> Vec<(String, String)> {
    english_ui_strings_for("ar")
}

/// The English UI strings left on the pages of the built site `public` (in `lang`).
fn english_left(public: &Path, lang: &str) -> Vec<String> {
    let strings = english_ui_strings_for(lang);
    let mut left = Vec::new();
    let all = pages(public);
    assert!(all.len() > 20, "{}", all.len());
    for page in &all {
        let doc = html(page);
        for t in reader_texts(&doc) {
            for (key, s) in &strings {
                if t.contains(s.as_str()) {
                    left.push(format!(
                        "{}: `{s}` ({key}) in {t:?}",
                        page.strip_prefix(public).unwrap().display()
                    ));
                }
            }
            // A message no catalogue has shows as its key in braces: never on a page.
            assert!(!unfilled(&t), "{}: {t:?}", page.display());
        }
    }
    left.sort();
    left.dedup();
    left
}

/// A page's text a reader meets: text nodes and the attributes read aloud (`aria-label`,
/// `title`, `placeholder`, `alt`), and the search script's messages (`data-msg-*`); never
/// `<code>` or `<pre>`.
fn reader_texts(doc: &scraper::Html) -> Vec<String> {
    let mut out = Vec::new();
    let all = scraper::Selector::parse("*").unwrap();
    for el in doc.select(&all) {
        let name = el.value().name();
        if matches!(name, "code" | "pre" | "style") {
            continue;
        }
        if name == "script" {
            continue;
        }
        let inside_code = el
            .ancestors()
            .filter_map(scraper::ElementRef::wrap)
            .any(|a| matches!(a.value().name(), "code" | "pre"));
        if inside_code {
            continue;
        }
        for child in el.children() {
            if let Some(t) = child.value().as_text() {
                out.push(t.to_string());
            }
        }
        for (a, v) in el.value().attrs() {
            if ["aria-label", "title", "placeholder", "alt"].contains(&a)
                || a.starts_with("data-msg-")
            {
                out.push(v.to_string());
            }
        }
    }
    out
}

/// Whether `t` holds `{a-key}`, the text of a message no catalogue has, other than the
/// placeholders the search script fills in.
fn unfilled(t: &str) -> bool {
    let mut rest = t;
    while let Some(i) = rest.find('{') {
        let inner = &rest[i + 1..];
        let end = inner.find('}').unwrap_or(inner.len());
        let word = &inner[..end];
        let is_key = !word.is_empty()
            && word
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '.');
        if is_key && !["count", "query", "error", "heading"].contains(&word) {
            return true;
        }
        rest = &inner[end.min(inner.len())..];
    }
    false
}

#[test]
fn the_english_strings_are_found_on_an_english_build() {
    // The check below is only worth something if it finds English where there is some.
    let dir = fixture(|t| t.replace("language = \"ar\"", "language = \"en\""));
    let public = build(dir.path());
    let strings = english_ui_strings();
    assert!(strings.len() > 200, "{}", strings.len());
    let doc = html(&public.join("incidents/2025-11-04-db-failover/index.html"));
    let text = reader_texts(&doc).join("\n");
    let found = strings.iter().filter(|(_, s)| text.contains(s)).count();
    assert!(
        found > 40,
        "only {found} English strings on the English page"
    );
}

#[test]
fn no_english_ui_string_remains_on_an_arabic_build() {
    let dir = fixture(|t| t);
    let public = build(dir.path());
    let left = english_left(&public, "ar");
    assert!(left.is_empty(), "English left:\n{}", left.join("\n"));
}

/// Every shipped language but English, on the fixture (whose content is Arabic, so English on
/// a page is the theme's): no English UI string, `<html lang>` set, and a month of the
/// language's own on the history page (November 2025, written by hand from CLDR).
#[test]
fn every_shipped_language_leaves_no_english() {
    let months = [
        ("de", "November 2025"),
        ("fr", "novembre 2025"),
        ("es", "noviembre de 2025"),
        ("pt-BR", "novembro de 2025"),
        ("ja", "2025年11月"),
        ("zh-Hans", "2025年11月"),
    ];
    for (lang, month) in months {
        let dir = fixture(|t| t.replace("language = \"ar\"", &format!("language = \"{lang}\"")));
        let public = build(dir.path());
        let left = english_left(&public, lang);
        assert!(
            left.is_empty(),
            "{lang}: English left:\n{}",
            left.join("\n")
        );
        let home = read(&public.join("index.html"));
        assert!(
            home.contains(&format!("<html lang=\"{lang}\" dir=\"ltr\">")),
            "{lang}"
        );
        let history = texts(&html(&public.join("history/index.html")), "main").join(" ");
        assert!(history.contains(month), "{lang}: no `{month}` in {history}");
    }
}

#[test]
fn html_lang_and_dir_and_feed_language() {
    for (lang, dir_attr) in [("ar", "rtl"), ("en", "ltr")] {
        let dir = fixture(|t| t.replace("language = \"ar\"", &format!("language = \"{lang}\"")));
        let public = build(dir.path());
        for page in [
            "index.html",
            "incidents/2025-11-04-db-failover/index.html",
            "404.html",
        ] {
            let doc = html(&public.join(page));
            assert_eq!(attrs(&doc, "html", "lang"), [lang], "{page}");
            assert_eq!(attrs(&doc, "html", "dir"), [dir_attr], "{page}");
        }
        let atom = read(&public.join("feed.xml"));
        assert!(atom.contains(&format!("xml:lang=\"{lang}\"")), "{atom}");
        let rss = read(&public.join("rss.xml"));
        assert!(
            rss.contains(&format!("<language>{lang}</language>")),
            "{rss}"
        );
        // Time still runs left to right in the charts and bars.
        let doc = html(&public.join("index.html"));
        assert!(!attrs(&doc, "ol.bars[dir=ltr]", "class").is_empty());
    }
}

#[test]
fn arabic_dates_months_and_feeds() {
    let dir = fixture(|t| t);
    let public = build(dir.path());
    let doc = html(&public.join("incidents/2025-11-04-db-failover/index.html"));
    // Started 2025-11-04T09:14:20Z, shown in UTC. CLDR's Arabic medium date is dd‏/MM‏/y
    // (a right-to-left mark after the day and the month), its time h:mm with ص (a.m.), and
    // UTC is "التوقيت العالمي": 04‏/11‏/2025، 9:14 ص التوقيت العالمي.
    let started = texts(&doc, ".facts time[datetime=\"2025-11-04T09:14:20Z\"]");
    assert_eq!(
        started[0],
        "04\u{200f}/11\u{200f}/2025، 9:14 ص التوقيت العالمي"
    );
    // Months by name: the history groups by "نوفمبر 2025" (November, CLDR's ar name).
    let history = html(&public.join("history/index.html"));
    let months = texts(&history, ".month h2, .month h3");
    assert!(
        months.iter().any(|m| m.starts_with("نوفمبر 2025")),
        "{months:?}"
    );
    // 1h 17m (09:14:20 to 10:31:00, 76m 40s): "ساعة واحدة و16 دقيقة" (one hour, 16 minutes).
    let facts = texts(&doc, ".facts dd");
    assert!(
        facts.contains(&"ساعة واحدة و16 دقيقة".to_string()),
        "{facts:?}"
    );
    // The feed's entry is in Arabic too.
    let atom = read(&public.join("feed.xml"));
    assert!(atom.contains("الحالة:"), "{atom}");
    assert!(!atom.contains("Status:"), "{atom}");
    // The API keeps its English values and keys.
    let api = read(&public.join("api/v2/incidents.json"));
    assert!(api.contains("\"postmortem\""), "{api}");
    // No label of the Arabic catalogue (status-postmortem, level-partial-outage) is in it.
    assert!(!api.contains("تقرير ما بعد الحادثة"), "{api}");
    assert!(!api.contains("انقطاع جزئي"), "{api}");
}

#[test]
fn arabic_plural_forms_for_counts_and_durations() {
    let (ar, problems) = Catalogue::new("ar", &[theme_file("ar.ftl")]);
    assert!(problems.is_empty(), "{problems:?}");
    let days = |n: i64| {
        ar.format(
            "bars-days-with-incidents-html",
            &[("count", Arg::Num(n)), ("component", Arg::Str("x"))],
        )
    };
    // CLDR Arabic: 1 one, 2 two, 3–10 few, 11–99 many, 100 other.
    assert!(days(1).starts_with("يوم واحد فيه حوادث"), "{}", days(1));
    assert!(days(2).starts_with("يومان فيهما حوادث"), "{}", days(2));
    assert!(days(3).starts_with("3 أيام فيها حوادث"), "{}", days(3));
    assert!(days(11).starts_with("11 يومًا فيها حوادث"), "{}", days(11));
    assert!(days(100).starts_with("100 يوم فيها حوادث"), "{}", days(100));
    let loc = afterword::util::timefmt::Locale::new(std::sync::Arc::new(ar)).unwrap();
    // One, two, three and eleven hours.
    assert_eq!(loc.duration(3600), "ساعة واحدة");
    assert_eq!(loc.duration(2 * 3600), "ساعتان");
    assert_eq!(loc.duration(3 * 3600), "3 ساعات");
    assert_eq!(loc.duration(11 * 3600 + 120), "11 ساعة ودقيقتان");
    // English, for contrast: one form for 1, another for the rest.
    let (en, _) = Catalogue::new("en", &[theme_file("en.ftl")]);
    let en_days = |n: i64| {
        en.format(
            "bars-days-with-incidents-html",
            &[("count", Arg::Num(n)), ("component", Arg::Str("x"))],
        )
    };
    assert!(en_days(1).starts_with("1 day with incidents"));
    assert!(en_days(11).starts_with("11 days with incidents"));
}

#[test]
fn a_site_overrides_one_message() {
    let dir = fixture(|t| t.replace("language = \"ar\"", "language = \"en\""));
    std::fs::create_dir(dir.path().join("i18n")).unwrap();
    std::fs::write(
        dir.path().join("i18n/en.ftl"),
        "nav-history = Past incidents\n",
    )
    .unwrap();
    let public = build(dir.path());
    let doc = html(&public.join("index.html"));
    let nav = texts(&doc, ".site-nav a");
    assert_eq!(nav, ["Status", "Past incidents", "Components", "Stats"]);
}

#[test]
fn a_site_language_missing_a_key_fails_check_naming_it() {
    // Esperanto, which the theme does not ship: the English catalogue less one message and one
    // attribute.
    let en = theme_file("en.ftl").text;
    let eo = en
        .replace("nav-history = History\n", "")
        .replace("    .short = Investigating\n", "");
    assert_ne!(eo.len(), en.len());
    let dir = fixture(|t| t.replace("language = \"ar\"", "language = \"eo\""));
    std::fs::create_dir(dir.path().join("i18n")).unwrap();
    std::fs::write(dir.path().join("i18n/eo.ftl"), &eo).unwrap();
    let out = run(dir.path(), &["check", "--now", NOW, "--format", "json"]);
    assert_eq!(out.status.code(), Some(1), "{}", out.stderr);
    let errors: Vec<serde_json::Value> = out
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .filter(|v: &serde_json::Value| v["severity"] == "error")
        .collect();
    let messages: Vec<(&str, &str, &str)> = errors
        .iter()
        .map(|v| {
            (
                v["code"].as_str().unwrap(),
                v["file"].as_str().unwrap_or(""),
                v["message"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        messages,
        [
            (
                "E0032",
                "i18n/eo.ftl",
                "the catalogue for `eo` has no attribute `phase-investigating.short`"
            ),
            (
                "E0032",
                "i18n/eo.ftl",
                "the catalogue for `eo` has no message `nav-history`"
            ),
        ],
        "{}",
        out.stdout
    );
    // Complete, it checks, and then it builds.
    std::fs::write(dir.path().join("i18n/eo.ftl"), &en).unwrap();
    let out = run(dir.path(), &["check", "--now", NOW]);
    assert_eq!(out.status.code(), Some(0), "{}", out.stderr);
    let public = build(dir.path());
    assert_eq!(
        attrs(&html(&public.join("index.html")), "html", "lang"),
        ["eo"]
    );
}

#[test]
fn unknown_and_malformed_languages_are_refused() {
    for (tag, want) in [("xx", "no locale data"), ("en_US", "en_US")] {
        let dir = fixture(|t| t.replace("language = \"ar\"", &format!("language = \"{tag}\"")));
        let out = run(dir.path(), &["check", "--now", NOW]);
        assert_eq!(out.status.code(), Some(1), "{tag}");
        assert!(out.stderr.contains("E0016"), "{tag}: {}", out.stderr);
        assert!(out.stderr.contains(want), "{tag}: {}", out.stderr);
    }
}

#[test]
fn the_example_site_builds_in_every_shipped_language() {
    for lang in ["ar", "de", "fr", "es", "pt-BR", "ja", "zh-Hans"] {
        let dir = tempfile::tempdir().unwrap();
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        copy_dir(&root.join("content"), &dir.path().join("content"));
        let toml = read(&root.join("site.toml")).replacen(
            "timezone = ",
            &format!("language = \"{lang}\"\ntimezone = "),
            1,
        );
        std::fs::write(dir.path().join("site.toml"), toml).unwrap();
        let out = run(dir.path(), &["build", "--now", "2026-11-29T12:00:00Z"]);
        assert_eq!(out.status.code(), Some(0), "{}", out.stderr);
        for page in pages(&dir.path().join("public")) {
            let doc = html(&page);
            for t in reader_texts(&doc) {
                assert!(!unfilled(&t), "{}: {t:?}", page.display());
            }
        }
    }
}
