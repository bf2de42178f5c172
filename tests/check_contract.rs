//! `check` is the whole contract: whatever would fail `build`, `check` reports first, with a
//! code and a place. Each class of input here fails both, and over every fixture site a clean
//! `check` means a clean `build`.

mod common;

use common::{copy_dir, fixture_site, run};
use std::path::Path;

const NOW: &str = "2024-06-02T00:00:00Z";

/// `check --format json`: its exit code and its diagnostics.
fn check(dir: &Path) -> (Option<i32>, Vec<serde_json::Value>) {
    let out = run(dir, &["check", "--now", NOW, "--format", "json"]);
    let diags = out
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    (out.status.code(), diags)
}

fn errors(diags: &[serde_json::Value]) -> Vec<&serde_json::Value> {
    diags.iter().filter(|d| d["severity"] == "error").collect()
}

/// `build` fails, says `code`, and writes nothing.
fn build_fails_with(dir: &Path, code: &str) {
    let out = run(dir, &["build", "--now", NOW]);
    assert_eq!(out.status.code(), Some(1), "{}", out.stderr);
    assert!(out.stderr.contains(code), "{}", out.stderr);
    assert!(!dir.join("public").exists());
}

fn prepend_to_site_toml(dir: &Path, line: &str) {
    let toml = std::fs::read_to_string(dir.join("site.toml")).unwrap();
    std::fs::write(dir.join("site.toml"), format!("{line}\n{toml}")).unwrap();
}

#[test]
fn static_and_bundle_files_over_generated_ones_are_conflicts() {
    let dir = fixture_site();
    let root = dir.path();
    for f in [
        "static/feed.xml",
        "static/api/v2/summary.json",
        "static/index.html",
        "static/incidents/multi-day/index.html",
        // The bundle's own graph.svg goes there too.
        "static/incidents/bundle-case/graph.svg",
    ] {
        let p = root.join(f);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(&p, "mine").unwrap();
    }
    let (code, diags) = check(root);
    assert_eq!(code, Some(1));
    let found: Vec<(String, String)> = errors(&diags)
        .iter()
        .map(|d| {
            assert_eq!(d["code"], "E0027", "{d}");
            (
                d["file"].as_str().unwrap().to_string(),
                d["message"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(found.len(), 5, "{found:?}");
    let at = |file: &str| {
        found
            .iter()
            .find(|(f, _)| f == file)
            .unwrap_or_else(|| panic!("nothing at {file}: {found:?}"))
            .1
            .clone()
    };
    assert!(at("static/feed.xml").contains("published as `feed.xml`, a file afterword generates"));
    assert!(at("static/api/v2/summary.json").contains("`api/v2/summary.json`"));
    assert!(at("static/index.html").contains("`index.html`"));
    assert!(
        at("static/incidents/multi-day/index.html").contains("`incidents/multi-day/index.html`")
    );
    // Two copied files: both named.
    let both = at("static/incidents/bundle-case/graph.svg");
    assert!(
        both.contains("`content/bundle-case/graph.svg`")
            && both.contains("`incidents/bundle-case/graph.svg`"),
        "{both}"
    );
    build_fails_with(root, "error[E0027]");
}

#[test]
fn a_bundle_file_over_its_page_is_a_conflict() {
    let dir = fixture_site();
    std::fs::write(dir.path().join("content/bundle-case/index.html"), "mine").unwrap();
    let (code, diags) = check(dir.path());
    assert_eq!(code, Some(1));
    let e = errors(&diags);
    assert_eq!(e.len(), 1, "{diags:?}");
    assert_eq!(e[0]["code"], "E0027");
    assert_eq!(e[0]["file"], "content/bundle-case/index.md");
    assert!(e[0]["message"].as_str().unwrap().contains(
        "content/bundle-case/index.html would be published as `incidents/bundle-case/index.html`"
    ));
    build_fails_with(dir.path(), "error[E0027]");
}

#[test]
fn names_too_long_for_a_file_system_are_reported_where_they_come_from() {
    // A file name of 80 CJK characters (240 bytes) makes a slug twice as long.
    let dir = fixture_site();
    let name = format!("{}.md", "中".repeat(80));
    std::fs::rename(
        dir.path().join("content/long-outage.md"),
        dir.path().join("content").join(&name),
    )
    .unwrap();
    let (code, diags) = check(dir.path());
    assert_eq!(code, Some(1));
    let e = errors(&diags);
    assert_eq!(e.len(), 1, "{diags:?}");
    assert_eq!(e[0]["code"], "E0026");
    assert_eq!(e[0]["file"], format!("content/{name}"));
    build_fails_with(dir.path(), "error[E0026]");

    // A component id: its page is components/<id>/.
    let dir = fixture_site();
    let toml = std::fs::read_to_string(dir.path().join("site.toml")).unwrap();
    let long = "a".repeat(300);
    std::fs::write(
        dir.path().join("site.toml"),
        format!("{toml}\n[[components]]\nid = \"{long}\"\nname = \"Long\"\n"),
    )
    .unwrap();
    let (code, diags) = check(dir.path());
    assert_eq!(code, Some(1));
    let e = errors(&diags);
    assert_eq!(e.len(), 1, "{diags:?}");
    assert_eq!(e[0]["code"], "E0026");
    assert_eq!(e[0]["file"], "site.toml");
    let line = toml.lines().count() + 3;
    assert_eq!(e[0]["line"], line);
    build_fails_with(dir.path(), "error[E0026]");
}

#[cfg(unix)]
#[test]
fn a_theme_must_be_a_folder_under_themes() {
    let outside = tempfile::tempdir().unwrap();
    // A folder with a whole theme, outside the site: never published.
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default"),
        outside.path(),
    );
    std::fs::write(outside.path().join("static/secret.txt"), "secret").unwrap();
    for (theme, says) in [
        ("../outside", "is not a folder name under themes/"),
        (
            outside.path().to_str().unwrap(),
            "is not a folder name under themes/",
        ),
        ("./x", "is not a folder name under themes/"),
        ("", "is not a folder name under themes/"),
        ("nope", "theme `nope` not found"),
        ("linked", "is outside themes/"),
    ] {
        let dir = fixture_site();
        std::fs::create_dir(dir.path().join("themes")).unwrap();
        std::os::unix::fs::symlink(outside.path(), dir.path().join("themes/linked")).unwrap();
        prepend_to_site_toml(dir.path(), &format!("theme = {theme:?}"));
        let (code, diags) = check(dir.path());
        assert_eq!(code, Some(1), "{theme}");
        let e = errors(&diags);
        assert_eq!(e.len(), 1, "{theme}: {diags:?}");
        assert_eq!(e[0]["code"], "E0022");
        assert_eq!(e[0]["file"], "site.toml");
        assert_eq!(
            (e[0]["line"].as_u64(), e[0]["column"].as_u64()),
            (Some(1), Some(9)),
            "{theme}"
        );
        assert!(
            e[0]["message"].as_str().unwrap().contains(says),
            "{theme}: {}",
            e[0]
        );
        build_fails_with(dir.path(), "error[E0022]");
    }
}

#[test]
fn a_theme_missing_templates_is_reported_at_its_line() {
    let dir = fixture_site();
    let bare = dir.path().join("themes/bare/templates");
    std::fs::create_dir_all(&bare).unwrap();
    std::fs::write(bare.join("index.html"), "<p>{{ site.title }}</p>").unwrap();
    prepend_to_site_toml(dir.path(), "theme = \"bare\"");
    let (code, diags) = check(dir.path());
    assert_eq!(code, Some(1));
    let e = errors(&diags);
    assert_eq!(e.len(), 1, "{diags:?}");
    assert_eq!(e[0]["code"], "E0028");
    assert_eq!(
        (e[0]["file"].as_str(), e[0]["line"].as_u64()),
        (Some("site.toml"), Some(1))
    );
    let msg = e[0]["message"].as_str().unwrap();
    assert!(
        msg.contains("`incident.html`") && !msg.contains("`index.html`,"),
        "{msg}"
    );
    build_fails_with(dir.path(), "error[E0028]");
}

#[test]
fn a_template_that_fails_with_the_sites_data_is_reported_at_its_line() {
    let dir = fixture_site();
    let templates = dir.path().join("templates");
    std::fs::create_dir(&templates).unwrap();
    // Compiles; fails only on a page whose incident has no `resolved`.
    std::fs::write(
        templates.join("incident.html"),
        "{% extends \"base.html\" %}{% block content %}\n<h1>{{ incident.title }}</h1>\n{% if not incident.resolved %}{{ incident.nothing.here }}{% endif %}\n{% endblock %}",
    )
    .unwrap();
    let (code, diags) = check(dir.path());
    assert_eq!(code, Some(1));
    let e = errors(&diags);
    assert_eq!(e.len(), 1, "{diags:?}");
    assert_eq!(e[0]["code"], "E0028");
    assert_eq!(e[0]["file"], "templates/incident.html");
    assert_eq!(e[0]["line"], 3);
    build_fails_with(dir.path(), "error[E0028]: the template fails to render");
    build_fails_with(dir.path(), "templates/incident.html:3:");
}

#[test]
fn a_site_toml_that_is_not_utf8_is_reported_at_a_line() {
    let dir = fixture_site();
    let toml = std::fs::read(dir.path().join("site.toml")).unwrap();
    let mut bytes = b"# fine\n# caf\xe9\n".to_vec();
    bytes.extend(toml);
    std::fs::write(dir.path().join("site.toml"), bytes).unwrap();
    let (code, diags) = check(dir.path());
    assert_eq!(code, Some(1));
    assert_eq!(diags.len(), 1, "{diags:?}");
    assert_eq!(diags[0]["code"], "E0015");
    assert_eq!(
        (diags[0]["line"].as_u64(), diags[0]["column"].as_u64()),
        (Some(2), Some(6))
    );
    assert!(!diags[0]["message"].as_str().unwrap().contains("index"));
}

/// Every site among the fixtures, as (name, folder to copy, site.toml to copy first).
fn fixture_sites() -> Vec<(String, std::path::PathBuf, Option<std::path::PathBuf>)> {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut out = Vec::new();
    let dirs = |parent: &Path| -> Vec<std::path::PathBuf> {
        let mut v: Vec<_> = std::fs::read_dir(parent)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.is_dir())
            .collect();
        v.sort();
        v
    };
    for d in dirs(&fixtures) {
        if d.join("site.toml").is_file() {
            out.push((
                d.file_name().unwrap().to_string_lossy().into_owned(),
                d,
                None,
            ));
        }
    }
    let invalid = fixtures.join("invalid");
    for d in dirs(&invalid) {
        let name = format!("invalid/{}", d.file_name().unwrap().to_string_lossy());
        out.push((name, d, Some(invalid.join("site.toml"))));
    }
    out
}

#[test]
fn check_passing_means_build_passing_on_every_fixture_site() {
    let sites = fixture_sites();
    assert!(sites.len() > 20, "{}", sites.len());
    let mut failures = Vec::new();
    let (mut clean, mut broken) = (0, 0);
    for (name, from, toml) in sites {
        let dir = tempfile::tempdir().unwrap();
        if let Some(t) = toml {
            std::fs::copy(t, dir.path().join("site.toml")).unwrap();
        }
        copy_dir(&from, dir.path());
        let check = run(dir.path(), &["check", "--now", NOW]);
        let build = run(dir.path(), &["build", "--now", NOW]);
        let (c, b) = (check.status.code(), build.status.code());
        match (c, b) {
            (Some(0), Some(0)) => clean += 1,
            (Some(1), Some(1)) => broken += 1,
            // Stricter than build is allowed; never the other way.
            (Some(1), Some(0)) => {}
            _ => failures.push(format!(
                "{name}: check {c:?}, build {b:?}\n{}\n{}",
                check.stderr, build.stderr
            )),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
    assert!(clean >= 3 && broken >= 20, "clean {clean}, broken {broken}");
}

#[test]
fn a_file_where_the_output_needs_a_folder_is_a_conflict_either_way_round() {
    // Each alone: a file where a folder of generated files goes, a folder where a generated
    // file goes, and a bundle file under its own page's generated index.json.
    for (make, at) in [
        ("static/incidents", "incidents"),
        ("static/components/api", "components/api"),
        ("static/feed.xml/a.txt", "feed.xml"),
        ("static/404.html/x", "404.html"),
        (
            "content/bundle-case/index.json/a.txt",
            "incidents/bundle-case/index.json",
        ),
    ] {
        let dir = fixture_site();
        let root = dir.path();
        let p = root.join(make);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(&p, "mine").unwrap();
        let (code, diags) = check(root);
        assert_eq!(code, Some(1), "{make}: {diags:?}");
        let e = errors(&diags);
        assert_eq!(e.len(), 1, "{make}: {diags:?}");
        assert_eq!(e[0]["code"], "E0027", "{make}");
        let msg = e[0]["message"].as_str().unwrap();
        assert!(
            msg.starts_with(&format!("`{at}` would be a file for one")),
            "{make}: {msg}"
        );
        build_fails_with(root, "E0027");
    }
}

#[cfg(unix)]
#[test]
fn a_theme_folder_linking_out_of_themes_and_unpublishable_names_are_refused() {
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("secret.txt"), "secret").unwrap();
    // themes/t is a real folder, but its static/ links elsewhere.
    let dir = fixture_site();
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/templates"),
        &dir.path().join("themes/t/templates"),
    );
    std::os::unix::fs::symlink(outside.path(), dir.path().join("themes/t/static")).unwrap();
    prepend_to_site_toml(dir.path(), "theme = \"t\"");
    let (code, diags) = check(dir.path());
    assert_eq!(code, Some(1), "{diags:?}");
    let e = errors(&diags);
    assert_eq!(e[0]["code"], "E0022", "{diags:?}");
    assert!(e[0]["message"]
        .as_str()
        .unwrap()
        .contains("is a symbolic link"));
    build_fails_with(dir.path(), "E0022");

    // A static file name that is not UTF-8, or holds a backslash: no output path can be its.
    use std::os::unix::ffi::OsStrExt;
    for name in [
        std::ffi::OsStr::from_bytes(b"a\xff.txt"),
        "a\\b.txt".as_ref(),
    ] {
        let dir = fixture_site();
        std::fs::create_dir_all(dir.path().join("static")).unwrap();
        std::fs::write(dir.path().join("static").join(name), "x").unwrap();
        let (code, diags) = check(dir.path());
        assert_eq!(code, Some(1), "{name:?}: {diags:?}");
        let e = errors(&diags);
        assert_eq!(e[0]["code"], "E0022", "{diags:?}");
        assert!(
            e[0]["message"].as_str().unwrap().contains("must be UTF-8"),
            "{diags:?}"
        );
        build_fails_with(dir.path(), "E0022");
    }
}

#[test]
fn aliases_must_be_whole_urls() {
    for bad in [
        "https://stspg.io/a\\nb",
        "https://user:pw@stspg.io/ x",
        "https://",
    ] {
        let dir = fixture_site();
        let f = dir.path().join("content/ongoing.md");
        let text = std::fs::read_to_string(&f).unwrap();
        let text = text.replacen("+++\n", &format!("+++\naliases = [\"{bad}\"]\n"), 1);
        std::fs::write(&f, text).unwrap();
        let (code, diags) = check(dir.path());
        assert_eq!(code, Some(1), "{bad}: {diags:?}");
        assert_eq!(errors(&diags)[0]["code"], "E0020", "{bad}");
        build_fails_with(dir.path(), "E0020");
    }
}
