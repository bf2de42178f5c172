//! `afterword new`: templates (built-in, the site's default, `--template NAME`), placeholders,
//! `--at` and `--maintenance`. Every file it writes must pass `afterword check` with the site.

mod common;

use common::{read, run};
use std::path::{Path, PathBuf};
use std::process::Command;

/// 2024-10-02T12:02:00Z: 08:02 in New York (EDT, UTC−4).
const EPOCH: &str = "1727870520";

/// `afterword init` in a temporary folder, with the site's zone set to New York.
fn site() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    assert!(run(tmp.path(), &["init", "s"]).status.success());
    let site = tmp.path().join("s");
    let toml = read(&site.join("site.toml"));
    let toml = toml
        .lines()
        .map(|l| {
            if l.starts_with("timezone") {
                "timezone = \"America/New_York\""
            } else {
                l
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    assert!(toml.contains("timezone = \"America/New_York\""), "{toml}");
    std::fs::write(site.join("site.toml"), toml).unwrap();
    (tmp, site)
}

/// `afterword new ARGS` in `site` at the fixed clock.
fn new(site: &Path, args: &[&str]) -> common::Output {
    let out = Command::new(env!("CARGO_BIN_EXE_afterword"))
        .arg("new")
        .args(args)
        .current_dir(site)
        .env("SOURCE_DATE_EPOCH", EPOCH)
        .output()
        .unwrap();
    common::Output {
        status: out.status,
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// `check` passes (warnings allowed: a new file has no summary yet) and reports no error.
fn assert_checks(site: &Path) {
    let out = run(site, &["check", "--now", "2024-10-03T00:00:00Z"]);
    assert_eq!(out.status.code(), Some(0), "{}", out.stderr);
    assert!(
        out.stderr.contains(" 0 errors") || out.stderr.contains("no problems"),
        "{}",
        out.stderr
    );
}

/// The front matter of a written file, parsed as TOML.
fn front(path: &Path) -> toml::Table {
    let text = read(path);
    let rest = text.strip_prefix("+++\n").unwrap();
    let end = rest.find("\n+++\n").unwrap();
    rest[..end].parse().unwrap()
}

#[test]
fn the_built_in_template_ships_the_postmortem_sections_and_checks() {
    let (_tmp, site) = site();
    // Without the site's default.md, the built-in one.
    std::fs::remove_file(site.join("templates/new/default.md")).unwrap();
    let out = new(&site, &["Search is slow", "--components", "api"]);
    assert!(out.status.success(), "{}", out.stderr);
    assert_eq!(out.stdout, "created content/2024-10-02-search-is-slow.md\n");
    let path = site.join("content/2024-10-02-search-is-slow.md");
    let text = read(&path);
    let f = front(&path);
    assert_eq!(f["title"].as_str(), Some("Search is slow"));
    assert_eq!(f["severity"].as_str(), Some("minor"), "the first severity");
    assert_eq!(f["components"].as_array().unwrap().len(), 1);
    // No [review]: published, so an incident written while it happens is on the status page.
    assert!(f.get("review").is_none(), "{text}");
    assert!(
        text.contains("# [review]\n# state = \"in_review\""),
        "{text}"
    );
    assert_eq!(f["lessons"]["went_well"].as_array().unwrap().len(), 0);
    let tl = f["timeline"].as_array().unwrap();
    assert_eq!(tl[0]["at"].to_string(), "2024-10-02T12:02:00Z");
    assert_eq!(tl[0]["status"].as_str(), Some("investigating"));
    // The site's factor and detection ids, in comments; customer impact commented out.
    assert!(text.contains("# The site's factors: change, configuration, capacity, dependency, hardware, human-process, monitoring-gap, security, unknown\n"), "{text}");
    assert!(text.contains("# How it was noticed, one of: monitoring-alert, synthetic-check,"));
    assert!(text.contains("# [customer_impact]\n"));
    assert!(text.contains("# [[action_items]]\n"));
    assert!(text.contains("# trigger = "));
    let headings: Vec<&str> = text.lines().filter(|l| l.starts_with("## ")).collect();
    assert_eq!(
        headings,
        [
            "## Summary",
            "## Impact",
            "## Timeline",
            "## Contributing factors",
            "## What went well",
            "## What went wrong",
            "## Where we got lucky",
            "## Action items"
        ]
    );
    assert!(!text.contains("{{"), "every placeholder filled in");
    assert_checks(&site);
}

#[test]
fn init_and_the_example_site_carry_a_copy_of_the_built_in_template() {
    let (_tmp, site) = site();
    let builtin = read(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src/scaffold/default.md"));
    assert_eq!(read(&site.join("templates/new/default.md")), builtin);
    assert_eq!(
        read(&Path::new(env!("CARGO_MANIFEST_DIR")).join("templates/new/default.md")),
        builtin
    );
    // The site's default.md is used when present: edit it.
    std::fs::write(
        site.join("templates/new/default.md"),
        builtin.replace("## Impact\n", "## Impact\n\nWho was affected, and how.\n"),
    )
    .unwrap();
    assert!(new(&site, &["Edited default"]).status.success());
    let text = read(&site.join("content/2024-10-02-edited-default.md"));
    assert!(text.contains("Who was affected, and how."));
    assert_checks(&site);
}

#[test]
fn a_named_template_fills_every_placeholder_escaped_for_toml_in_the_front_matter() {
    let (_tmp, site) = site();
    std::fs::write(
        site.join("templates/new/security.md"),
        "+++\ntitle = \"{{title}}\"\nsummary = \"Under investigation: {{ title }}\"\nseverity = \"{{severity}}\"\ncomponents = {{components}}\nslug = \"{{slug}}\"\ntrigger = \"Unknown yet ({{date}}).\"\n\n[[timeline]]\nat = {{started}}\nstatus = \"investigating\"\nmessage = \"Looking into it.\"\n\n[[factors]]\nid = \"security\"\n\n[review]\nstate = \"in_review\"\ndate = {{date}}\n+++\n# {{title}}\n\nSlug {{slug}}, components {{components}}. Factors: {{factor_ids}}. Tera-like text {{ a | b }} stays.\n",
    )
    .unwrap();
    // A title with a quote, a backslash and HTML: escaped in TOML, as typed in the body.
    let title = r#"Tokens "leaked" via C:\logs <b>"#;
    let out = new(
        &site,
        &[
            "--template",
            "security",
            title,
            "--severity",
            "major",
            "--components",
            "api,dashboard",
        ],
    );
    assert!(out.status.success(), "{}", out.stderr);
    let path = site.join("content/2024-10-02-tokens-leaked-via-c-logs-b.md");
    let f = front(&path);
    assert_eq!(f["title"].as_str(), Some(title));
    assert_eq!(
        f["summary"].as_str(),
        Some(format!("Under investigation: {title}").as_str())
    );
    assert_eq!(f["severity"].as_str(), Some("major"));
    assert_eq!(
        f["slug"].as_str(),
        Some("2024-10-02-tokens-leaked-via-c-logs-b")
    );
    assert_eq!(f["trigger"].as_str(), Some("Unknown yet (2024-10-02)."));
    assert_eq!(f["review"]["date"].to_string(), "2024-10-02");
    let comps: Vec<&str> = f["components"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert_eq!(comps, ["api", "dashboard"]);
    let text = read(&path);
    let body = text.split("\n+++\n").nth(1).unwrap();
    assert!(body.starts_with(&format!("# {title}\n")), "{body}");
    assert!(body.contains("Slug 2024-10-02-tokens-leaked-via-c-logs-b, components api, dashboard."));
    assert!(body.contains("Factors: change, configuration,"));
    assert!(body.contains("{{ a | b }} stays"));
    assert_checks(&site);
    // templates/new/ is not part of the theme: a file Tera cannot compile there does not stop
    // a build.
    std::fs::write(site.join("templates/new/odd.md"), "{% if %}\n").unwrap();
    let out = run(
        &site,
        &["build", "--drafts", "--now", "2024-10-03T00:00:00Z"],
    );
    assert!(out.status.success(), "{}", out.stderr);
}

#[test]
fn a_missing_template_is_named_with_the_closest_one() {
    let (_tmp, site) = site();
    std::fs::write(site.join("templates/new/security.md"), "+++\n+++\n").unwrap();
    let out = new(&site, &["X", "--template", "securty"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        out.stderr.contains(
            "no template `securty`: there is no templates/new/securty.md; did you mean `security`?"
        ),
        "{}",
        out.stderr
    );
    let out = new(&site, &["X", "--template", "zzz"]);
    assert!(
        out.stderr.contains("expected one of: default, security"),
        "{}",
        out.stderr
    );
    // Not a way out of templates/new/.
    let out = new(&site, &["X", "--template", "../../site"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        out.stderr.contains("no template `../../site`"),
        "{}",
        out.stderr
    );
    std::fs::remove_dir_all(site.join("templates/new")).unwrap();
    let out = new(&site, &["X", "--template", "a"]);
    assert!(out.stderr.contains("has no templates"), "{}", out.stderr);
    assert_eq!(
        std::fs::read_dir(site.join("content")).unwrap().count(),
        1,
        "nothing written"
    );
}

#[test]
fn a_template_that_is_not_valid_once_filled_in_is_refused_naming_it() {
    let (_tmp, site) = site();
    // The title lands outside a TOML string.
    std::fs::write(
        site.join("templates/new/broken.md"),
        "+++\ntitle = {{title}}\nseverity = \"{{severity}}\"\ncomponents = {{components}}\nstarted = {{started}}\n+++\n",
    )
    .unwrap();
    let out = new(&site, &["Two words", "--template", "broken"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        out.stderr.contains("templates/new/broken.md does not make a valid file once its placeholders are filled in, so nothing was written"),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("E0001"), "{}", out.stderr);
    // Valid TOML, but not a valid incident of this site.
    std::fs::write(
        site.join("templates/new/wrong.md"),
        "+++\ntitle = \"{{title}}\"\nseverity = \"{{severity}}\"\ncomponents = [\"nope\"]\nstarted = {{started}}\n+++\n",
    )
    .unwrap();
    let out = new(&site, &["T", "--template", "wrong"]);
    assert!(
        out.stderr
            .contains("templates/new/wrong.md does not make a valid file"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("E0003: unknown component `nope`"),
        "{}",
        out.stderr
    );
    // A placeholder that does not exist.
    std::fs::write(
        site.join("templates/new/typo.md"),
        "+++\ntitle = \"{{titel}}\"\n+++\n",
    )
    .unwrap();
    let out = new(&site, &["T", "--template", "typo"]);
    assert!(
        out.stderr.contains(
            "templates/new/typo.md: unknown placeholder `{{titel}}`: did you mean `title`?"
        ),
        "{}",
        out.stderr
    );
    assert_eq!(
        std::fs::read_dir(site.join("content")).unwrap().count(),
        1,
        "nothing written"
    );
}

#[test]
fn at_back_dates_the_file_in_the_site_zone() {
    let (_tmp, site) = site();
    // 22:30 EDT on Oct 1 is 02:30Z on Oct 2: the file's date is the local one.
    let out = new(&site, &["Late night", "--at", "2024-10-01 22:30"]);
    assert!(out.status.success(), "{}", out.stderr);
    let f = front(&site.join("content/2024-10-01-late-night.md"));
    assert_eq!(f["timeline"][0]["at"].to_string(), "2024-10-02T02:30:00Z");
    // RFC 3339 with an offset.
    assert!(new(&site, &["Offset", "--at", "2024-09-30T09:15:00+02:00"])
        .status
        .success());
    let f = front(&site.join("content/2024-09-30-offset.md"));
    assert_eq!(f["timeline"][0]["at"].to_string(), "2024-09-30T07:15:00Z");
    assert_checks(&site);
    // 02:30 on 2024-03-10 does not exist in New York; a date alone is not a time.
    let out = new(&site, &["Gap", "--at", "2024-03-10 02:30"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        out.stderr.contains("does not exist in America/New_York"),
        "{}",
        out.stderr
    );
    let out = new(&site, &["Date", "--at", "2024-03-10"]);
    assert!(
        out.stderr.contains("is not a date and time"),
        "{}",
        out.stderr
    );
    let out = new(&site, &["Junk", "--at", "yesterday"]);
    assert!(
        out.stderr.contains("--at `yesterday` is not a time"),
        "{}",
        out.stderr
    );
}

#[test]
fn maintenance_uses_its_own_template() {
    let (_tmp, site) = site();
    let out = new(
        &site,
        &[
            "Database upgrade",
            "--maintenance",
            "--at",
            "2024-10-05 02:00",
            "--components",
            "api",
        ],
    );
    assert!(out.status.success(), "{}", out.stderr);
    let path = site.join("content/2024-10-05-database-upgrade.md");
    let f = front(&path);
    assert_eq!(f["kind"].as_str(), Some("maintenance"));
    // 02:00 EDT = 06:00Z; one hour long; announced now (12:02Z on Oct 2).
    assert_eq!(f["scheduled_start"].to_string(), "2024-10-05T06:00:00Z");
    assert_eq!(f["scheduled_end"].to_string(), "2024-10-05T07:00:00Z");
    assert_eq!(f["timeline"][0]["status"].as_str(), Some("scheduled"));
    assert_eq!(f["timeline"][0]["at"].to_string(), "2024-10-02T12:02:00Z");
    assert!(f.get("severity").is_none() && f.get("factors").is_none());
    assert_checks(&site);
    // Back-dated (Sep 30, before now on Oct 2): announced at its start, not after its window.
    let out = new(
        &site,
        &[
            "Old upgrade",
            "--maintenance",
            "--at",
            "2024-09-30T06:00:00Z",
            "--components",
            "api",
        ],
    );
    assert!(out.status.success(), "{}", out.stderr);
    let f = front(&site.join("content/2024-09-30-old-upgrade.md"));
    assert_eq!(f["timeline"][0]["at"].to_string(), "2024-09-30T06:00:00Z");
    assert_checks(&site);
    let out = new(&site, &["Other", "--maintenance", "--severity", "major"]);
    assert!(
        out.stderr.contains("a maintenance has no severity"),
        "{}",
        out.stderr
    );
    // The site's maintenance.md wins over the built-in one.
    let builtin = read(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src/scaffold/maintenance.md"));
    std::fs::write(
        site.join("templates/new/maintenance.md"),
        builtin.replace("## What you will see", "## Rollback plan"),
    )
    .unwrap();
    assert!(new(&site, &["Cache flush", "--maintenance"])
        .status
        .success());
    let text = read(&site.join("content/2024-10-02-cache-flush.md"));
    assert!(text.contains("## Rollback plan"));
    assert_checks(&site);
}

#[test]
fn new_never_overwrites() {
    let (_tmp, site) = site();
    assert!(new(&site, &["Same title"]).status.success());
    let path = site.join("content/2024-10-02-same-title.md");
    std::fs::write(&path, "edited").unwrap();
    let out = new(&site, &["Same title", "--severity", "major"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        out.stderr
            .contains("content/2024-10-02-same-title.md already exists; not overwriting it"),
        "{}",
        out.stderr
    );
    assert_eq!(read(&path), "edited");
    let out = new(&site, &["!!!"]);
    assert!(
        out.stderr
            .contains("cannot make a file name from the title"),
        "{}",
        out.stderr
    );
}
