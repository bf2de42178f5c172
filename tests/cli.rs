//! The user's day from the command line: init, new, build, and bad flags.

mod common;

use common::{html, read, run, texts};
use std::process::Command;

#[test]
fn init_new_build() {
    let tmp = tempfile::tempdir().unwrap();
    let out = run(tmp.path(), &["init", "status-site"]);
    assert!(out.status.success(), "{}", out.stderr);
    let site = tmp.path().join("status-site");
    assert!(site.join("site.toml").is_file());
    assert!(site.join("templates").is_dir());
    let examples: Vec<_> = std::fs::read_dir(site.join("content")).unwrap().collect();
    assert_eq!(examples.len(), 1);

    // A second init does not overwrite.
    let again = run(tmp.path(), &["init", "status-site"]);
    assert_eq!(again.status.code(), Some(1));
    assert!(again.stderr.contains("already exists"), "{}", again.stderr);

    // `new` at a fixed clock: 2024-10-02T12:02:00Z.
    let out = Command::new(env!("CARGO_BIN_EXE_afterword"))
        .args([
            "new",
            "Dashboard offline after header change",
            "--severity",
            "major",
            "--components",
            "dashboard,api",
        ])
        .current_dir(&site)
        .env("SOURCE_DATE_EPOCH", "1727870520")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let file = site.join("content/2024-10-02-dashboard-offline-after-header-change.md");
    let text = read(&file);
    assert!(
        text.starts_with("+++\ntitle = \"Dashboard offline after header change\"\n"),
        "{text}"
    );
    assert!(text.contains("severity = \"major\"\ncomponents = [\"dashboard\", \"api\"]"));
    assert!(text.contains("at = 2024-10-02T12:02:00Z\nstatus = \"investigating\""));
    assert!(text.contains("## Contributing factors"));
    assert!(text.contains("# [review]\n"));

    // The new file is published (no [review]): a plain build shows it, as an ongoing incident.
    let out = run(&site, &["build", "--now", "2024-10-02T12:30:00Z"]);
    assert!(out.status.success(), "{}", out.stderr);
    assert!(
        out.stdout.starts_with("Built 2 incidents"),
        "{}",
        out.stdout
    );
    let doc = html(
        &site.join("public/incidents/2024-10-02-dashboard-offline-after-header-change/index.html"),
    );
    let main = texts(&doc, "main").join(" ");
    assert!(main.contains("28m"), "ongoing for 28m: {main}");
    let home = read(&site.join("public/index.html"));
    assert!(home.contains("Dashboard offline after header change"));

    // A second `new` with the same title refuses to overwrite.
    let out = Command::new(env!("CARGO_BIN_EXE_afterword"))
        .args(["new", "Dashboard offline after header change"])
        .current_dir(&site)
        .env("SOURCE_DATE_EPOCH", "1727870520")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn new_rejects_unknown_severity_and_component() {
    let tmp = tempfile::tempdir().unwrap();
    assert!(run(tmp.path(), &["init", "s"]).status.success());
    let site = tmp.path().join("s");
    let out = run(&site, &["new", "X", "--severity", "majr"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        out.stderr
            .contains("unknown severity `majr`: did you mean `major`?"),
        "{}",
        out.stderr
    );
    let out = run(&site, &["new", "X", "--components", "dashbord"]);
    assert!(
        out.stderr
            .contains("unknown component `dashbord`: did you mean `dashboard`?"),
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
fn bad_flags_are_explained() {
    let tmp = tempfile::tempdir().unwrap();
    assert!(run(tmp.path(), &["init", "s"]).status.success());
    let site = tmp.path().join("s");
    let out = run(&site, &["build", "--now", "yesterday"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        out.stderr
            .contains("--now `yesterday` is not an RFC 3339 time"),
        "{}",
        out.stderr
    );
    let out = run(&site, &["build", "--base-url", "status.example.com"]);
    assert!(
        out.stderr.contains("must start with https:// or http://"),
        "{}",
        out.stderr
    );
    let out = run(tmp.path(), &["build"]);
    assert!(
        out.stderr
            .starts_with("error[E0015]: cannot read site configuration")
            && out.stderr.contains("= note: in site.toml\n"),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("afterword init"), "{}", out.stderr);
}

#[test]
fn source_date_epoch_sets_now() {
    let tmp = tempfile::tempdir().unwrap();
    assert!(run(tmp.path(), &["init", "s"]).status.success());
    let site = tmp.path().join("s");
    let build = |epoch: &str, out: &str| {
        let o = Command::new(env!("CARGO_BIN_EXE_afterword"))
            .args(["build", "--output", out])
            .current_dir(&site)
            .env("SOURCE_DATE_EPOCH", epoch)
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        read(&site.join(out).join("index.html"))
    };
    let a = build("1727870520", "a");
    let b = build("1727870520", "b");
    assert_eq!(a, b);
    assert!(
        a.contains("2024-10-02T12:02:00Z"),
        "the build time shows on the page"
    );
}

#[test]
fn unknown_theme_is_an_error_and_keeps_old_output() {
    let tmp = tempfile::tempdir().unwrap();
    assert!(run(tmp.path(), &["init", "s"]).status.success());
    let site = tmp.path().join("s");
    assert!(run(&site, &["build"]).status.success());
    let before = read(&site.join("public/index.html"));
    let toml = read(&site.join("site.toml")).replace("theme = \"default\"", "theme = \"fancy\"");
    assert!(
        toml.contains("theme = \"fancy\""),
        "the scaffold names its theme"
    );
    std::fs::write(site.join("site.toml"), toml).unwrap();
    let out = run(&site, &["build"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        out.stderr
            .contains("theme `fancy` not found: there is no folder themes/fancy"),
        "{}",
        out.stderr
    );
    assert_eq!(read(&site.join("public/index.html")), before);
}

/// `build` shows the first 20 warnings in full and counts the rest by code; `check` shows them
/// all. 23 postmortems without factors, lessons or action items: 23 W0011 warnings.
#[test]
fn build_counts_warnings_past_twenty() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path();
    std::fs::write(
        site.join("site.toml"),
        "title = \"Many warnings\"\nbase_url = \"https://status.example.com/\"\n\n[[components]]\nid = \"api\"\nname = \"API\"\n",
    )
    .unwrap();
    std::fs::create_dir(site.join("content")).unwrap();
    let postmortem = |n: u32| {
        format!(
            "+++\ntitle = \"Errors number {n}\"\nsummary = \"Some requests failed.\"\nseverity = \"minor\"\ncomponents = [\"api\"]\n\n\
             [[timeline]]\nat = 2024-05-{n:02}T10:00:00Z\nstatus = \"investigating\"\nmessage = \"m\"\n\n\
             [[timeline]]\nat = 2024-05-{n:02}T10:20:00Z\nstatus = \"resolved\"\nmessage = \"r\"\n+++\n\
             We rolled back.\n"
        )
    };
    for n in 1..=23 {
        std::fs::write(site.join(format!("content/e{n:02}.md")), postmortem(n)).unwrap();
    }
    let out = run(site, &["build", "--now", "2024-06-01T00:00:00Z"]);
    assert!(out.status.success(), "{}", out.stderr);
    assert_eq!(
        out.stderr.matches("warning[W0011]").count(),
        20,
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains(
            "warning: 3 more warnings not shown (3 W0011 incomplete-postmortem); `afterword check` lists every one"
        ),
        "{}",
        out.stderr
    );
    // The first twenty in file order: e01..e20 shown, e21..e23 counted.
    assert!(out.stderr.contains("content/e20.md"), "{}", out.stderr);
    assert!(!out.stderr.contains("content/e21.md"), "{}", out.stderr);

    let out = run(site, &["check", "--now", "2024-06-01T00:00:00Z"]);
    assert!(out.status.success(), "{}", out.stderr);
    assert_eq!(
        out.stderr.matches("warning[W0011]").count(),
        23,
        "{}",
        out.stderr
    );
    assert!(!out.stderr.contains("not shown"), "{}", out.stderr);
    let out = run(
        site,
        &["check", "--format", "json", "--now", "2024-06-01T00:00:00Z"],
    );
    assert_eq!(out.stdout.lines().count(), 23, "{}", out.stdout);
}
