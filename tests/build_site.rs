//! Build the fixture site in tests/fixtures/site into temporary folders and check the parsed
//! output against values computed by hand.

mod common;

use common::{attrs, copy_dir, html, read, run, texts, tree};
use std::path::{Path, PathBuf};

const NOW: &str = "2024-06-02T00:00:00Z";

/// A fresh copy of the fixture site.
fn site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/site"),
        dir.path(),
    );
    dir
}

fn build(dir: &Path, extra: &[&str]) -> PathBuf {
    let mut args = vec!["build", "--now", NOW];
    args.extend_from_slice(extra);
    let out = run(dir, &args);
    assert!(out.status.success(), "build failed:\n{}", out.stderr);
    dir.join("public")
}

fn page(public: &Path, slug: &str) -> scraper::Html {
    html(&public.join("incidents").join(slug).join("index.html"))
}

/// The `<dd>` that follows the `<dt>` with this text.
fn fact(doc: &scraper::Html, term: &str) -> Option<String> {
    let dt = scraper::Selector::parse("dt").unwrap();
    doc.select(&dt)
        .find(|e| e.text().collect::<String>().trim() == term)
        .and_then(|e| {
            e.next_siblings()
                .filter_map(scraper::ElementRef::wrap)
                .find(|s| s.value().name() == "dd")
        })
        .map(|dd| {
            dd.text()
                .collect::<String>()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        })
}

#[test]
fn builds_every_page_and_skips_drafts_and_hidden_files() {
    let dir = site();
    let out = run(dir.path(), &["build", "--now", NOW]);
    assert!(out.status.success(), "{}", out.stderr);
    assert!(
        out.stdout.starts_with("Built 7 incidents into public: "),
        "{}",
        out.stdout
    );
    let public = dir.path().join("public");
    for slug in [
        "dst-crossing",
        "three-zones",
        "long-outage",
        "multi-day",
        "escaping",
        "ongoing",
        "bundle-case",
    ] {
        assert!(
            public
                .join("incidents")
                .join(slug)
                .join("index.html")
                .is_file(),
            "{slug}"
        );
    }
    assert!(!public.join("incidents/draft").exists());
    assert!(!public.join("incidents/x").exists());
    assert!(!public.join("incidents/y").exists());
    for f in [
        "index.html",
        "404.html",
        "sitemap.xml",
        "history/index.html",
        "history/2024/index.html",
        "history/2023/index.html",
    ] {
        assert!(public.join(f).is_file(), "{f}");
    }
    // The bundle's image sits beside its page, byte for byte.
    assert_eq!(
        std::fs::read(public.join("incidents/bundle-case/graph.svg")).unwrap(),
        std::fs::read(dir.path().join("content/bundle-case/graph.svg")).unwrap()
    );
    let doc = page(&public, "bundle-case");
    assert!(attrs(&doc, "img", "src").contains(&"graph.svg".to_string()));

    // --drafts includes them.
    build(dir.path(), &["--drafts"]);
    assert!(public.join("incidents/draft/index.html").is_file());
}

#[test]
fn dst_crossing_incident_lasts_one_hour() {
    let dir = site();
    let public = build(dir.path(), &[]);
    let doc = page(&public, "dst-crossing");
    // 01:30 EST = 06:30Z; 03:15 EDT = 07:15Z; 03:30 EDT = 07:30Z.
    let times = attrs(&doc, "time", "datetime");
    for t in [
        "2024-03-10T06:30:00Z",
        "2024-03-10T07:15:00Z",
        "2024-03-10T07:30:00Z",
    ] {
        assert!(times.contains(&t.to_string()), "{t} not in {times:?}");
    }
    // In English (ICU4X, CLDR's en): a 12-hour clock (`texts` writes the narrow no-break
    // space before AM/PM as a space).
    let shown = texts(&doc, "time");
    assert!(
        shown.contains(&"Mar 10, 2024, 1:30 AM EST".to_string()),
        "{shown:?}"
    );
    assert!(
        shown.contains(&"Mar 10, 2024, 3:30 AM EDT".to_string()),
        "{shown:?}"
    );
    assert_eq!(fact(&doc, "Duration").as_deref(), Some("1h"));
    let body = texts(&doc, "main").join(" ");
    assert!(body.contains("+45m") && body.contains("+1h"), "{body}");
    // The body's heading has an id, a self-link and a table-of-contents entry.
    assert_eq!(
        attrs(&doc, "h2#what-happened a.anchor", "href"),
        vec!["#what-happened".to_string()]
    );
    assert!(attrs(&doc, "nav a", "href").contains(&"#what-happened".to_string()));
}

#[test]
fn offsets_from_three_zones() {
    let dir = site();
    let public = build(dir.path(), &[]);
    let doc = page(&public, "three-zones");
    // -07:00, +05:30, +02:00 and Tokyo local time (+09:00) all land on UTC instants.
    let times = attrs(&doc, "time", "datetime");
    for t in [
        "2024-06-01T17:00:00Z",
        "2024-06-01T17:15:00Z",
        "2024-06-01T17:40:30Z",
        "2024-06-01T20:26:00Z",
    ] {
        assert!(times.contains(&t.to_string()), "{t} not in {times:?}");
    }
    // Shown in the site zone (New York, EDT in June).
    let shown = texts(&doc, "time");
    assert!(
        shown.contains(&"Jun 1, 2024, 1:00 PM EDT".to_string()),
        "{shown:?}"
    );
    assert!(
        shown.contains(&"Jun 1, 2024, 4:26 PM EDT".to_string()),
        "{shown:?}"
    );
    assert_eq!(fact(&doc, "Duration").as_deref(), Some("3h 26m"));
    assert_eq!(fact(&doc, "Time to detect").as_deref(), Some("4m"));
    let body = texts(&doc, "main").join(" ");
    for offset in ["+0s", "+15m", "+40m 30s", "+3h 26m"] {
        assert!(body.contains(offset), "{offset} missing");
    }
    // Per-component levels: impact windows win over the severity's level.
    assert!(body.contains("EU West") && body.contains("Major outage"));
    assert!(body.contains("Degraded performance"));
    assert!(
        body.contains("Partial outage"),
        "api keeps the severity's level"
    );
}

#[test]
fn durations_in_two_largest_units_and_ongoing() {
    let dir = site();
    let public = build(dir.path(), &[]);
    // 12:10 to 00:36 next day, both -07:00.
    assert_eq!(
        fact(&page(&public, "long-outage"), "Duration").as_deref(),
        Some("12h 26m")
    );
    // 2 days, 3 h 59 m 59 s: two largest units, truncated.
    assert_eq!(
        fact(&page(&public, "multi-day"), "Duration").as_deref(),
        Some("2d 3h")
    );
    assert_eq!(
        fact(&page(&public, "escaping"), "Duration").as_deref(),
        Some("4m 30s")
    );
    // Ongoing since 2024-05-31T22:00Z; now is 2024-06-02T00:00Z: 1d 2h; the update keeps "Identified".
    let doc = page(&public, "ongoing");
    assert!(fact(&doc, "Duration").is_none());
    let body = texts(&doc, "main").join(" ");
    assert!(body.contains("1d 2h"), "{body}");
    assert!(body.contains("Identified"));
    // The home page lists it under ongoing, first.
    let home = read(&public.join("index.html"));
    let ongoing_at = home.find("Still ongoing").unwrap();
    for other in [
        "Updates written from three time zones",
        "Outage across the spring-forward change",
    ] {
        assert!(
            home.find(other).unwrap() > ongoing_at,
            "{other} before the ongoing incident"
        );
    }
}

#[test]
fn user_text_is_escaped_everywhere() {
    let dir = site();
    let public = build(dir.path(), &[]);
    let title = "<script>alert(\"x\")</script> & \"quoted\" 'title'";
    for (path, bytes) in tree(&public) {
        // JSON and iCalendar carry text as text, escaped for their own syntax (checked below
        // and in tests/feeds_api.rs); markup must never carry it raw.
        if path.extension().is_some_and(|e| e == "json" || e == "ics") {
            continue;
        }
        let text = String::from_utf8_lossy(&bytes);
        assert!(
            !text.contains("<script>alert"),
            "raw script in {}",
            path.display()
        );
        assert!(
            !text.contains("<b>tags</b>"),
            "raw summary HTML in {}",
            path.display()
        );
        assert!(
            !text.contains("<UI>"),
            "raw component name in {}",
            path.display()
        );
        assert!(
            !text.contains("<Status>"),
            "raw site title in {}",
            path.display()
        );
    }
    let doc = page(&public, "escaping");
    assert_eq!(texts(&doc, "h1"), vec![title.to_string()]);
    assert!(texts(&doc, "title")[0].contains(title));
    let links = attrs(&doc, "a", "href");
    assert!(
        links.contains(&"https://tracker.example.com/?a=1&b=%222%22".to_string()),
        "{links:?}"
    );
    let body = texts(&doc, "main").join(" ");
    // Action items are a table; tags and authors are shown as written.
    let cells = texts(&doc, "table td, table th");
    assert!(
        cells.iter().any(|c| c == "Escape </td> in titles"),
        "{cells:?}"
    );
    assert!(cells.iter().any(|c| c == "web & ops"), "{cells:?}");
    assert!(
        body.contains("a\"b") && body.contains("<i>"),
        "tags: {body}"
    );
    assert!(body.contains("Escape </td> in titles"));
    assert!(body.contains("O'Brien & co"));
    assert!(body.contains("Dashboard & <UI>"));
    // Lists and the sitemap too.
    let home = html(&public.join("index.html"));
    assert!(
        texts(&home, "a").iter().any(|t| t == title),
        "{:?}",
        texts(&home, "a")
    );
    let sitemap = read(&public.join("sitemap.xml"));
    assert!(sitemap.contains("<loc>https://status.example.com/incidents/escaping/</loc>"));
    // The page's JSON twin decodes to the same text.
    let doc: serde_json::Value =
        serde_json::from_str(&read(&public.join("incidents/escaping/index.json"))).unwrap();
    assert_eq!(doc["title"], title);
    assert_eq!(doc["tags"], serde_json::json!(["a\"b", "<i>"]));
    assert_eq!(doc["components"][0]["name"], "Dashboard & <UI>");
}

/// Every root-relative link and asset in every page starts with the base path and resolves to
/// a file of the build.
fn check_links(public: &Path, base_path: &str) -> usize {
    let mut checked = 0;
    for (path, _) in tree(public) {
        if path.extension().is_none_or(|e| e != "html") {
            continue;
        }
        let doc = html(&public.join(&path));
        for attr in ["href", "src"] {
            for link in attrs(&doc, &format!("[{attr}]"), attr) {
                if !link.starts_with('/') {
                    continue;
                }
                assert!(
                    link.starts_with(base_path),
                    "{}: {link} is outside {base_path}",
                    path.display()
                );
                let (rel, fragment) = link[base_path.len()..]
                    .split_once('#')
                    .unwrap_or((&link[base_path.len()..], ""));
                let target = public.join(rel);
                let ok = if rel.is_empty() || rel.ends_with('/') {
                    target.join("index.html").is_file()
                } else {
                    target.is_file()
                };
                assert!(ok, "{}: {link} does not resolve", path.display());
                if !fragment.is_empty() {
                    let file = if rel.is_empty() || rel.ends_with('/') {
                        target.join("index.html")
                    } else {
                        target
                    };
                    let id = format!("id=\"{fragment}\"");
                    assert!(
                        read(&file).contains(&id),
                        "{}: {link}: no {id} there",
                        path.display()
                    );
                }
                checked += 1;
            }
        }
    }
    checked
}

#[test]
fn links_work_under_a_sub_path() {
    let dir = site();
    let public = build(dir.path(), &["--base-url", "https://org.github.io/status"]);
    let n = check_links(&public, "/status/");
    assert!(n > 50, "only {n} links checked");
    let sitemap = read(&public.join("sitemap.xml"));
    let locs: Vec<&str> = sitemap
        .split("<loc>")
        .skip(1)
        .map(|s| s.split("</loc>").next().unwrap())
        .collect();
    assert!(locs.len() >= 10);
    assert!(
        locs.iter()
            .all(|l| l.starts_with("https://org.github.io/status/")),
        "{locs:?}"
    );
    let doc = page(&public, "dst-crossing");
    assert_eq!(
        attrs(&doc, "link[rel=canonical]", "href"),
        vec!["https://org.github.io/status/incidents/dst-crossing/".to_string()]
    );
    // And at the root too.
    let public = build(dir.path(), &[]);
    check_links(&public, "/");
}

#[test]
fn previous_and_next_follow_start_time() {
    let dir = site();
    let public = build(dir.path(), &[]);
    // Newest start first: three-zones (Jun 1 17:00Z), ongoing (May 31 22:00Z), long-outage
    // (Apr 8), dst-crossing (Mar 10), escaping (Feb 1), multi-day (Jan 1), bundle-case (Dec 2023).
    let order = [
        "three-zones",
        "ongoing",
        "long-outage",
        "dst-crossing",
        "escaping",
        "multi-day",
        "bundle-case",
    ];
    for w in order.windows(2) {
        let newer = page(&public, w[0]);
        let older_path = format!("/incidents/{}/", w[1]);
        assert!(
            attrs(&newer, "a", "href").contains(&older_path),
            "{} should link to older {}",
            w[0],
            w[1]
        );
        let older = page(&public, w[1]);
        assert!(
            attrs(&older, "a", "href").contains(&format!("/incidents/{}/", w[0])),
            "{} should link to newer {}",
            w[1],
            w[0]
        );
    }
}

#[test]
fn output_is_deterministic() {
    let dir = site();
    let a = tempfile::tempdir().unwrap();
    let b = tempfile::tempdir().unwrap();
    for out in [a.path(), b.path()] {
        let o = out.join("site");
        let r = run(
            dir.path(),
            &["build", "--now", NOW, "--output", o.to_str().unwrap()],
        );
        assert!(r.status.success(), "{}", r.stderr);
    }
    let (ta, tb) = (tree(&a.path().join("site")), tree(&b.path().join("site")));
    assert!(ta.len() >= 14, "{} files", ta.len());
    assert!(ta == tb, "two builds with the same --now differ");
}

#[test]
fn failed_build_keeps_previous_output_and_deleted_incidents_disappear() {
    let dir = site();
    let public = build(dir.path(), &[]);
    let before = tree(&public);
    std::fs::write(dir.path().join("content/broken.md"), "+++\ntitle = \"x\"\n").unwrap();
    std::fs::remove_file(dir.path().join("content/multi-day.md")).unwrap();
    let out = run(dir.path(), &["build", "--now", NOW]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        out.stderr
            .starts_with("error[E0014]: unterminated front matter")
            && out.stderr.contains("--> content/broken.md:1:1\n"),
        "{}",
        out.stderr
    );
    assert!(tree(&public) == before, "a failed build changed public/");
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        // (`.afterword/` is the build cache, kept on purpose.)
        .filter(|n| n.starts_with(".afterword") && n != ".afterword")
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    // Fixed: the deleted incident's page is gone, not left behind.
    std::fs::remove_file(dir.path().join("content/broken.md")).unwrap();
    build(dir.path(), &[]);
    assert!(!public.join("incidents/multi-day").exists());
    assert!(public.join("incidents/long-outage/index.html").exists());
}

#[test]
fn refuses_dangerous_output_folders() {
    let dir = site();
    let sub = dir.path().join("inner");
    std::fs::create_dir(&sub).unwrap();
    for (cwd, output, why) in [
        (dir.path(), ".", "is the site root"),
        (dir.path(), "content", "inside the site's content/ folder"),
        (
            dir.path(),
            "content/bundle-case",
            "inside the site's content/ folder",
        ),
        (
            dir.path(),
            "templates",
            "inside the site's templates/ folder",
        ),
        (
            dir.path(),
            "themes/default",
            "inside the site's themes/ folder",
        ),
        (dir.path(), "static", "inside the site's static/ folder"),
        (sub.as_path(), "..", "is the site root"),
    ] {
        let root = if cwd == sub.as_path() { ".." } else { "." };
        let out = run(cwd, &["build", "--root", root, "--output", output]);
        assert_eq!(out.status.code(), Some(1), "{output}");
        assert!(
            out.stderr.contains("refusing") && out.stderr.contains(why),
            "{output}: {}",
            out.stderr
        );
    }
    // Someone's own folder of files is never replaced.
    std::fs::create_dir(dir.path().join("notes")).unwrap();
    std::fs::write(dir.path().join("notes/todo.txt"), "keep me").unwrap();
    let out = run(dir.path(), &["build", "--output", "notes"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        out.stderr
            .contains("refusing to replace notes: it holds `todo.txt`: it is not empty"),
        "{}",
        out.stderr
    );
    assert_eq!(read(&dir.path().join("notes/todo.txt")), "keep me");
    let parent = dir.path().parent().unwrap().to_str().unwrap().to_string();
    let out = run(dir.path(), &["build", "--output", &parent]);
    assert!(
        out.stderr.contains("contains the site root"),
        "{}",
        out.stderr
    );
    assert!(dir.path().join("content/dst-crossing.md").is_file());
    assert!(dir.path().join("site.toml").is_file());
}

#[test]
fn site_templates_override_the_theme_and_errors_name_the_file() {
    let dir = site();
    let templates = dir.path().join("templates");
    std::fs::create_dir(&templates).unwrap();
    std::fs::write(
        templates.join("404.html"),
        "{% extends \"base.html\" %}{% block content %}<p>Custom {{ site.title }}</p>{% endblock %}",
    )
    .unwrap();
    let static_dir = dir.path().join("static");
    std::fs::create_dir(&static_dir).unwrap();
    std::fs::write(static_dir.join("logo.txt"), "logo").unwrap();
    let public = build(dir.path(), &[]);
    let doc = html(&public.join("404.html"));
    assert_eq!(
        texts(&doc, "main p"),
        vec!["Custom Fixture <Status> & \"History\"".to_string()]
    );
    assert_eq!(read(&public.join("logo.txt")), "logo");
    // The theme's own stylesheet is still there.
    assert!(public.join("afterword.css").is_file());

    std::fs::write(templates.join("incident.html"), "{% extends \"base.html\" %}\n{% block content %}\n<p>{{ incident.title </p>\n{% endblock %}\n").unwrap();
    let out = run(dir.path(), &["build"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        out.stderr.contains("--> templates/incident.html:3:22"),
        "{}",
        out.stderr
    );
    assert!(public.join("404.html").is_file(), "the old output is kept");
}

#[test]
fn history_is_paginated_and_no_page_lists_everything() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("site.toml"),
        "title = \"Many\"\nbase_url = \"https://s.example.com/\"\n[[components]]\nid = \"api\"\nname = \"API\"\n",
    )
    .unwrap();
    let content = dir.path().join("content");
    std::fs::create_dir(&content).unwrap();
    // 250 incidents in 2024, one every 24 hours from Jan 1: Jan..Sep (day 0..249).
    for n in 0..250 {
        let start = chrono::DateTime::parse_from_rfc3339("2024-01-01T10:00:00Z").unwrap()
            + chrono::Duration::days(n);
        std::fs::write(
            content.join(format!("i{n:03}.md")),
            format!(
                "+++\ntitle = \"Incident {n}\"\nseverity = \"minor\"\ncomponents = [\"api\"]\nstarted = {}\nresolved = {}\n+++\n",
                start.format("%Y-%m-%dT%H:%M:%SZ"),
                (start + chrono::Duration::minutes(5)).format("%Y-%m-%dT%H:%M:%SZ")
            ),
        )
        .unwrap();
    }
    // Built as of the end of 2024: a build as of an earlier instant leaves out the incidents
    // that had not started by then.
    let out = run(dir.path(), &["build", "--now", "2024-12-31T00:00:00Z"]);
    assert!(out.status.success(), "build failed:\n{}", out.stderr);
    let public = dir.path().join("public");
    let incident_links = |rel: &str| {
        let doc = html(&public.join(rel));
        let mut l: Vec<String> = attrs(&doc, "main a", "href")
            .into_iter()
            .filter(|h| h.starts_with("/incidents/"))
            .collect();
        l.sort();
        l.dedup();
        l.len()
    };
    assert_eq!(incident_links("history/2024/index.html"), 100);
    assert_eq!(incident_links("history/2024/2/index.html"), 100);
    assert_eq!(incident_links("history/2024/3/index.html"), 50);
    assert!(!public.join("history/2024/4").exists());
    assert_eq!(incident_links("history/index.html"), 50);
    // The home page: 20 recent incidents, plus the day bars' links, which cover 90 days only.
    let home = html(&public.join("index.html"));
    let recent: Vec<String> = attrs(&home, "section.recent li a", "href")
        .into_iter()
        .filter(|h| h.starts_with("/incidents/"))
        .collect();
    assert_eq!(recent.len(), 20, "{recent:?}");
    let all = incident_links("index.html");
    assert!(all <= 20 + 91, "{all} incident links on the home page");
    // Newest first: page 1 starts with the last incident (Sep 6, day 249).
    let page1 = read(&public.join("history/2024/index.html"));
    assert!(page1.find("Incident 249").unwrap() < page1.find("Incident 150").unwrap());
    // Month links on /history/ go to the page holding the month's first (newest) incident:
    // May (days 121..=151) starts at newest-first index 98 → page 1; April (91..=120) at 129 → page 2.
    let hist = html(&public.join("history/index.html"));
    let links = attrs(&hist, "a", "href");
    assert!(
        links.contains(&"/history/2024/#month-2024-05".to_string()),
        "{links:?}"
    );
    assert!(
        links.contains(&"/history/2024/2/#month-2024-04".to_string()),
        "{links:?}"
    );
    check_links(&public, "/");
}

#[test]
fn memory_sink_matches_the_disk_build() {
    use afterword::build::{load_site, render_site};
    use afterword::output::MemorySink;
    let dir = site();
    let public = build(dir.path(), &[]);
    let now = chrono::DateTime::parse_from_rfc3339(NOW)
        .unwrap()
        .with_timezone(&chrono::Utc);
    let site = load_site(dir.path(), None, false, now).unwrap();
    let sink = MemorySink::default();
    render_site(&site, now, false, &sink, None).unwrap();
    let mut memory: Vec<(PathBuf, Vec<u8>)> = sink
        .files
        .into_inner()
        .unwrap()
        .into_iter()
        .map(|(k, v)| (PathBuf::from(k), v))
        .collect();
    // `tree` orders by path components, the memory sink by string.
    memory.sort();
    // The disk build also lists what it wrote, in its manifest: the very same files.
    let mut disk = tree(&public);
    let manifest = disk
        .iter()
        .position(|(p, _)| p == Path::new(".afterword-manifest"))
        .expect("a manifest");
    let manifest = String::from_utf8(disk.remove(manifest).1).unwrap();
    let mut listed: Vec<PathBuf> = manifest.lines().skip(1).map(PathBuf::from).collect();
    listed.sort();
    assert!(
        manifest.starts_with("# afterword manifest v1"),
        "{manifest}"
    );
    assert_eq!(
        listed,
        memory.iter().map(|(p, _)| p.clone()).collect::<Vec<_>>()
    );
    assert_eq!(
        memory.iter().map(|(p, _)| p).collect::<Vec<_>>(),
        disk.iter().map(|(p, _)| p).collect::<Vec<_>>()
    );
    assert!(memory == disk);
}

#[cfg(unix)]
#[test]
fn symlinks_in_content_are_reported_not_followed() {
    let dir = site();
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(
        outside.path().join("secret.md"),
        "+++\ntitle = \"x\"\n+++\n",
    )
    .unwrap();
    std::os::unix::fs::symlink(
        outside.path().join("secret.md"),
        dir.path().join("content/link.md"),
    )
    .unwrap();
    let out = run(dir.path(), &["build"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        out.stderr
            .starts_with("error[E0015]: the file is a symbolic link")
            && out.stderr.contains("= note: in content/link.md\n"),
        "{}",
        out.stderr
    );
    assert!(!dir.path().join("public").exists());
}

#[test]
fn stats_lists_open_action_items_with_overdue_flag() {
    let dir = site();
    let public = build(dir.path(), &[]);
    let doc = html(&public.join("stats/index.html"));
    let table = common::rows(&doc, "table tr");
    // Due 2024-02-15, in progress, and now is 2024-06-02: overdue.
    let row = table
        .iter()
        .find(|r| r.first().is_some_and(|c| c == "Escape </td> in titles"))
        .unwrap_or_else(|| panic!("{table:?}"));
    let row = row.join(" | ");
    assert!(
        row.contains("Overdue") && row.contains("web & ops") && row.contains("In progress"),
        "{row}"
    );
    // Done items are not listed.
    assert!(!read(&public.join("stats/index.html")).contains("Done</td>"));
}

#[cfg(unix)]
#[test]
fn unchanged_files_keep_their_inode_and_modification_time() {
    use std::os::unix::fs::MetadataExt;
    let dir = site();
    let public = build(dir.path(), &[]);
    // (inode, mtime in ns) of every file.
    let stamps = |public: &Path| -> std::collections::BTreeMap<String, (u64, i128)> {
        walkdir::WalkDir::new(public)
            .into_iter()
            .map(|e| e.unwrap())
            .filter(|e| e.file_type().is_file())
            .map(|e| {
                let m = e.metadata().unwrap();
                let rel = e
                    .path()
                    .strip_prefix(public)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned();
                (
                    rel,
                    (
                        m.ino(),
                        m.mtime() as i128 * 1_000_000_000 + m.mtime_nsec() as i128,
                    ),
                )
            })
            .collect()
    };
    let first = stamps(&public);
    let folder = std::fs::metadata(&public).unwrap().ino();
    std::thread::sleep(std::time::Duration::from_millis(20));
    build(dir.path(), &[]);
    assert_eq!(stamps(&public), first, "a no-change rebuild rewrote files");
    // Nothing changed, so the output folder itself was kept, and nothing was left beside it.
    assert_eq!(std::fs::metadata(&public).unwrap().ino(), folder);
    let beside: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        // (`.afterword/` is the build cache, kept on purpose.)
        .filter(|n| n.starts_with(".afterword") && n != ".afterword")
        .collect();
    assert_eq!(beside, Vec::<String>::new());
    // A file that is not the build's is refused; with --force, it makes the output differ: the
    // folder is replaced.
    std::fs::write(public.join("stray.txt"), "not built").unwrap();
    let out = run(dir.path(), &["build", "--now", NOW]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stderr.contains("holds `stray.txt`"), "{}", out.stderr);
    build(dir.path(), &["--force"]);
    assert!(!public.join("stray.txt").exists());
    assert_ne!(std::fs::metadata(&public).unwrap().ino(), folder);
    assert_eq!(
        stamps(&public),
        first,
        "files were rewritten along with the stray one"
    );

    // One postmortem edited: its page, its JSON and the feeds that carry it are new files; the
    // rest are the same files, with the same times.
    let file = dir.path().join("content/multi-day.md");
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, format!("{text}\nA new paragraph.\n")).unwrap();
    build(dir.path(), &[]);
    let after = stamps(&public);
    assert_eq!(
        after.keys().collect::<Vec<_>>(),
        first.keys().collect::<Vec<_>>()
    );
    let changed: Vec<&str> = after
        .iter()
        .filter(|(k, v)| first[*k] != **v)
        .map(|(k, _)| k.as_str())
        .collect();
    assert!(
        changed.contains(&"incidents/multi-day/index.html"),
        "{changed:?}"
    );
    assert!(
        changed.contains(&"incidents/multi-day/index.json"),
        "{changed:?}"
    );
    assert!(!changed.contains(&"index.html"), "{changed:?}");
    assert!(
        !changed.contains(&"incidents/long-outage/index.html"),
        "{changed:?}"
    );
    assert!(changed.len() < 20, "{changed:?}");
}
