//! Hostile and broken input: every case must end in a site or in diagnostics, never a panic or a
//! hang, and never write outside the output folder. Each case runs the real binary on a small
//! site with one bad file beside one good one.

mod common;

use common::{run, run_or_hang};
use std::path::Path;

const NOW: &str = "2024-06-01T00:00:00Z";
const GOOD: &str = "+++\ntitle = \"Fine\"\nsummary = \"Fine.\"\nseverity = \"minor\"\ncomponents = [\"api\"]\nstarted = 2024-05-01T10:00:00Z\nresolved = 2024-05-01T11:00:00Z\n+++\nBody.\n";

fn site(bad: &[u8]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("site.toml"),
        "title = \"Hostile\"\nbase_url = \"https://status.example.com/\"\n\n[[components]]\nid = \"api\"\nname = \"API\"\n",
    )
    .unwrap();
    std::fs::create_dir(dir.path().join("content")).unwrap();
    std::fs::write(dir.path().join("content/good.md"), GOOD).unwrap();
    std::fs::write(dir.path().join("content/bad.md"), bad).unwrap();
    dir
}

/// Build and check; neither may crash (exit 101) or hang (see [`common::HANG`]: how long
/// they take is not asserted, only that they end). Returns build's stderr.
fn survive(name: &str, bad: &[u8], expect_ok: bool) -> String {
    let dir = site(bad);
    let build = run_or_hang(dir.path(), &["build", "--now", NOW]);
    let check = run_or_hang(dir.path(), &["check", "--now", NOW, "--format", "json"]);
    for (what, out) in [("build", &build), ("check", &check)] {
        assert!(
            !out.stderr.contains("panicked"),
            "{name}: {what} panicked: {}",
            out.stderr
        );
        assert!(
            matches!(out.status.code(), Some(0 | 1)),
            "{name}: {what} exited with {:?}",
            out.status.code()
        );
    }
    assert_eq!(
        build.status.success(),
        expect_ok,
        "{name}: {}",
        build.stderr
    );
    if !expect_ok {
        assert!(
            build.stderr.contains("content/bad.md"),
            "{name}: the error names the file: {}",
            build.stderr
        );
        assert!(!dir.path().join("public").exists(), "{name}: wrote output");
    }
    build.stderr
}

#[test]
fn empty_binary_nul_and_unterminated_files_are_errors() {
    survive("empty", b"", false);
    let garbage: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    survive("binary garbage", &garbage, false);
    survive("invalid UTF-8", b"+++\ntitle = \"\xff\xfe\"\n+++\n", false);
    survive(
        "NUL bytes",
        b"+++\ntitle = \"a\0b\"\nseverity = \"minor\"\n+++\n\0\0",
        false,
    );
    let msg = survive(
        "front matter never closes",
        b"+++\ntitle = \"Open\"\nseverity = \"minor\"\n",
        false,
    );
    assert!(msg.contains("content/bad.md"), "{msg}");
}

#[test]
fn huge_and_deep_input_builds() {
    // 10,000 timeline entries.
    let mut many = String::from(
        "+++\ntitle = \"Many\"\nsummary = \"s\"\nseverity = \"minor\"\ncomponents = [\"api\"]\n",
    );
    for k in 0..10_000 {
        many.push_str(&format!(
            "\n[[timeline]]\nat = 2024-05-01T{:02}:{:02}:00Z\nstatus = \"{}\"\nmessage = \"Entry {k}\"\n",
            10 + k / 3600,
            k / 60 % 60,
            if k == 0 { "investigating" } else { "update" }
        ));
    }
    many.push_str("+++\nBody.\n");
    survive("10,000 timeline entries", many.as_bytes(), true);

    // 100,000 levels of block quote, and of list nesting.
    let quotes = format!("{GOOD}{}deep\n", ">".repeat(100_000));
    survive("100,000 nested quotes", quotes.as_bytes(), true);
    // `- - - x` opens a list inside a list on one line.
    let lists = format!("{GOOD}{}x\n", "- ".repeat(100_000));
    survive("100,000 nested list levels", lists.as_bytes(), true);

    // A 9 MiB line (files up to 10 MiB are read).
    let line = format!("{GOOD}{}\n", "a".repeat(9 << 20));
    survive("a 9 MiB line", line.as_bytes(), true);
}

#[test]
fn output_outside_the_site_is_refused() {
    let dir = site(GOOD.as_bytes());
    for out in ["/", ".", "..", "content"] {
        let r = run(dir.path(), &["build", "--now", NOW, "--output", out]);
        assert_eq!(r.status.code(), Some(1), "--output {out}: {}", r.stderr);
        assert!(
            r.stderr.contains("refusing"),
            "--output {out}: {}",
            r.stderr
        );
    }
    assert!(dir.path().join("content/good.md").exists());
    assert!(Path::new("/").join("bin").exists());
}

/// A small deterministic generator (xorshift64*), so failures reproduce from the seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// A richer valid file to mutate: every kind of front-matter table, and a body.
const RICH: &str = "+++\ntitle = \"Rich <b>\"\nsummary = \"Sum & more\"\nseverity = \"minor\"\ncomponents = [\"api\"]\ntags = [\"db\"]\ndetected = 2024-05-01T10:05:00Z\n\n[[timeline]]\nat = 2024-05-01T10:00:00Z\nstatus = \"investigating\"\nmessage = \"Looking [at it](../x/).\"\n\n[[timeline]]\nat = 2024-05-01T11:00:00Z\nstatus = \"resolved\"\nmessage = \"Done.\"\n\n[[impact]]\ncomponent = \"api\"\nlevel = \"partial_outage\"\nend = 2024-05-01T10:30:00Z\n\n[[action_items]]\ntitle = \"Fix\"\nowner = \"ops\"\nstatus = \"open\"\ndue = 2024-05-20\nlink = \"https://t.example/1\"\n+++\n## Root cause\n\nText[^1] with `code`, a | table |\n|---|\n| x |\n\n[^1]: note\n";

#[test]
fn random_bytes_and_mutations_give_a_site_or_diagnostics_never_a_panic() {
    use afterword::build::{analyze, render_site};
    use afterword::output::MemorySink;
    let now = chrono::DateTime::parse_from_rfc3339(NOW)
        .unwrap()
        .with_timezone(&chrono::Utc);
    let dir = site(b"");
    let bad = dir.path().join("content/bad.md");
    let mut rng = Rng(0x5eed_af7e_12d0_0001);
    let (mut sites, mut rejected) = (0, 0);
    for case in 0..2000 {
        let mut bytes = RICH.as_bytes().to_vec();
        match case % 4 {
            // Random bytes.
            0 => {
                bytes = (0..rng.below(600)).map(|_| rng.next() as u8).collect();
            }
            // Flip, insert or delete a few bytes.
            1 | 2 => {
                for _ in 0..1 + rng.below(4) {
                    let at = rng.below(bytes.len());
                    match rng.below(3) {
                        0 => bytes[at] = rng.next() as u8,
                        1 => bytes.insert(at, b"\"[]=+#\n\\{}<>&\0"[rng.below(14)]),
                        _ => {
                            bytes.remove(at);
                        }
                    }
                }
            }
            // Truncate, or duplicate a slice.
            _ => {
                let at = rng.below(bytes.len());
                if rng.below(2) == 0 {
                    bytes.truncate(at);
                } else {
                    let end = (at + rng.below(80)).min(bytes.len());
                    let dup = bytes[at..end].to_vec();
                    bytes.splice(at..at, dup);
                }
            }
        }
        std::fs::write(&bad, &bytes).unwrap();
        let outcome = std::panic::catch_unwind(|| {
            let (site, diags) = analyze(dir.path(), None, true, now, None).expect("no I/O error");
            match site {
                Some(site) => {
                    render_site(&site, now, true, &MemorySink::default(), None).expect("renders");
                    true
                }
                None => {
                    assert!(!diags.is_empty(), "no site and no diagnostics");
                    assert!(diags.iter().all(|d| d.line > 0 || d.message.len() > 3));
                    false
                }
            }
        });
        match outcome {
            Ok(true) => sites += 1,
            Ok(false) => rejected += 1,
            Err(_) => panic!(
                "case {case} panicked on input {:?}",
                String::from_utf8_lossy(&bytes)
            ),
        }
    }
    // Both paths were exercised.
    assert!(
        sites > 100 && rejected > 500,
        "{sites} sites, {rejected} rejected"
    );
}

#[cfg(unix)]
#[test]
fn symlink_loops_and_links_out_of_the_site_are_reported_not_followed() {
    let dir = site(GOOD.as_bytes());
    let content = dir.path().join("content");
    std::os::unix::fs::symlink(&content, content.join("loop")).unwrap();
    std::os::unix::fs::symlink("/etc/passwd", content.join("passwd.md")).unwrap();
    let out = run(dir.path(), &["check", "--now", NOW, "--format", "json"]);
    assert_eq!(out.status.code(), Some(1), "{}", out.stderr);
    for name in ["content/loop", "content/passwd.md"] {
        assert!(
            out.stdout.lines().any(|l| l.contains(name)
                && l.contains("\"E0015\"")
                && l.contains("symbolic link")),
            "{name}: {}",
            out.stdout
        );
    }
    assert!(!out.stdout.contains("root:"), "read through the link");
}

#[test]
fn odd_file_names_and_slugs_stay_inside_incidents() {
    let dir = site(GOOD.as_bytes());
    let content = dir.path().join("content");
    for name in [
        "Ünïcode Title.md",
        "UPPER case.md",
        "a..b.md",
        "back\\slash.md",
    ] {
        std::fs::write(content.join(name), GOOD).unwrap();
    }
    let out = run(dir.path(), &["build", "--now", NOW]);
    assert!(out.status.success(), "{}", out.stderr);
    let public = dir.path().join("public/incidents");
    for slug in [
        "unicode-title",
        "upper-case",
        "a-b",
        "back-slash",
        "good",
        "bad",
    ] {
        assert!(public.join(slug).join("index.html").exists(), "{slug}");
    }
    // An explicit slug that tries to leave its folder is an error.
    for slug in ["../escape", "a/b", "..", "API"] {
        let bad = GOOD.replace("title =", &format!("slug = {slug:?}\ntitle ="));
        std::fs::write(content.join("bad.md"), bad).unwrap();
        let out = run(dir.path(), &["check", "--now", NOW, "--format", "json"]);
        assert!(
            out.stdout.contains("\"E0011\""),
            "slug {slug:?}: {}",
            out.stdout
        );
    }
}

#[cfg(unix)]
#[test]
fn a_pipe_in_content_is_reported_not_read() {
    let dir = site(GOOD.as_bytes());
    let fifo = dir.path().join("content/pipe.md");
    let status = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo");
    assert!(status.success());
    // Reading the pipe would block forever: `run_or_hang` turns that into a failure.
    let out = run_or_hang(dir.path(), &["check", "--now", NOW, "--format", "json"]);
    assert_eq!(out.status.code(), Some(1), "{}", out.stderr);
    assert!(
        out.stdout.contains("content/pipe.md") && out.stdout.contains("not a regular file"),
        "{}",
        out.stdout
    );
}

#[test]
fn a_50_mb_file_is_refused_with_its_size() {
    let body = "Lorem ipsum dolor sit amet, *consectetur* adipiscing elit.\n\n"
        .repeat((50 << 20) / 60 + 1);
    let big = format!("{GOOD}{body}");
    assert!(big.len() >= 50 << 20);
    let stderr = survive("a 50 MB file", big.as_bytes(), false);
    assert!(stderr.contains("the file is 50.0 MiB (52,"), "{stderr}");
}

#[test]
fn the_home_folder_is_refused_as_output() {
    // A stand-in home folder, so a regression could only ever touch a temporary folder.
    let dir = site(GOOD.as_bytes());
    let home = tempfile::tempdir().unwrap();
    std::fs::write(home.path().join("notes.txt"), "keep me").unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_afterword"))
        .args(["build", "--now", NOW, "--output"])
        .arg(home.path())
        .current_dir(dir.path())
        .env("HOME", home.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("home folder"), "{stderr}");
    assert_eq!(
        std::fs::read_to_string(home.path().join("notes.txt")).unwrap(),
        "keep me"
    );
}

/// Text that breaks naive HTML, attribute, XML, CDATA and JavaScript-string escaping.
const EVIL: &str = "<script>alert('x')</script> & \"q\" ]]> \u{2028}end";

#[test]
fn hostile_strings_are_escaped_in_every_output() {
    let toml = |s: &str| format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""));
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("site.toml"),
        format!(
            "title = {}\nbase_url = \"https://status.example.com/\"\n\n[[components]]\nid = \"api\"\nname = {}\n",
            toml(EVIL),
            toml(EVIL)
        ),
    )
    .unwrap();
    std::fs::create_dir(dir.path().join("content")).unwrap();
    std::fs::write(
        dir.path().join("content/evil.md"),
        format!(
            "+++\ntitle = {t}\nsummary = {t}\nseverity = \"minor\"\ncomponents = [\"api\"]\ntags = [{t}]\nauthors = [{t}]\n\n[[timeline]]\nat = 2024-05-01T10:00:00Z\nstatus = \"investigating\"\nmessage = {t}\n\n[[timeline]]\nat = 2024-05-01T11:00:00Z\nstatus = \"resolved\"\nmessage = \"Done.\\t\"\n+++\nBody.\n",
            t = toml(EVIL)
        ),
    )
    .unwrap();
    let out = run(dir.path(), &["build", "--now", NOW]);
    assert!(out.status.success(), "{}", out.stderr);
    let public = dir.path().join("public");

    // Markup never carries it raw.
    for (path, bytes) in common::tree(&public) {
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
        if ext == "html" || ext == "xml" {
            let text = String::from_utf8_lossy(&bytes);
            assert!(!text.contains("<script>"), "{}", path.display());
        }
    }
    // HTML: the text and the attributes decode to the original.
    let page = common::html(&public.join("incidents/evil/index.html"));
    let exact = |sel: &str| -> Vec<String> {
        let s = scraper::Selector::parse(sel).unwrap();
        page.select(&s)
            .map(|e| e.text().collect::<String>())
            .collect()
    };
    assert_eq!(exact("h1"), [EVIL]);
    assert!(exact("title")[0].starts_with(EVIL));
    assert_eq!(
        common::attrs(&page, "meta[name=description]", "content"),
        [EVIL]
    );
    assert!(
        exact("main").iter().any(|t| t.contains(EVIL)),
        "the message, tag or component name"
    );
    // JSON decodes to the original.
    let doc: serde_json::Value =
        serde_json::from_str(&common::read(&public.join("incidents/evil/index.json"))).unwrap();
    assert_eq!(doc["title"], EVIL);
    assert_eq!(doc["summary"], EVIL);
    assert_eq!(doc["tags"][0], EVIL);
    assert_eq!(doc["components"][0]["name"], EVIL);
    assert_eq!(doc["timeline"][0]["message"], EVIL);
    assert!(common::assert_json_printed_as_serde_prints(&public) > 1);
    let api: serde_json::Value =
        serde_json::from_str(&common::read(&public.join("api/v2/incidents.json"))).unwrap();
    assert_eq!(api["page"]["name"], EVIL);
    assert_eq!(api["incidents"][0]["name"], EVIL);
    assert_eq!(api["incidents"][0]["components"][0]["name"], EVIL);
    // Feeds parse, and give back the original.
    for rel in ["feed.xml", "rss.xml", "components/api/feed.xml"] {
        let bytes = std::fs::read(public.join(rel)).unwrap();
        let feed = feed_rs::parser::parse(&bytes[..]).unwrap_or_else(|e| panic!("{rel}: {e}"));
        assert_eq!(
            feed.entries[0].title.as_ref().unwrap().content,
            EVIL,
            "{rel}"
        );
    }
    // The calendar has no maintenance here; the sitemap stays well-formed XML.
    let sitemap = common::read(&public.join("sitemap.xml"));
    assert!(sitemap.starts_with("<?xml") && sitemap.trim_end().ends_with("</urlset>"));
}

/// Permission denied, for real: as root every file is readable, so the check runs as `nobody`
/// through setpriv (skipped, saying so, where that is not possible).
#[cfg(unix)]
#[test]
fn an_unreadable_file_is_named_in_a_clear_error() {
    use std::os::unix::fs::PermissionsExt;
    let dir = site(GOOD.as_bytes());
    let is_root = std::process::Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| o.stdout.starts_with(b"0\n"));
    let bad = dir.path().join("content/bad.md");
    std::fs::set_permissions(&bad, std::fs::Permissions::from_mode(0o000)).unwrap();
    let mut cmd = if is_root {
        if std::process::Command::new("setpriv")
            .arg("--version")
            .output()
            .is_err()
        {
            eprintln!("skipped: running as root without setpriv");
            return;
        }
        // `nobody` must reach the site, and the binary.
        for p in [dir.path(), &dir.path().join("content")] {
            std::fs::set_permissions(p, std::fs::Permissions::from_mode(0o755)).unwrap();
        }
        std::fs::set_permissions(
            dir.path().join("site.toml"),
            std::fs::Permissions::from_mode(0o644),
        )
        .unwrap();
        std::fs::set_permissions(
            dir.path().join("content/good.md"),
            std::fs::Permissions::from_mode(0o644),
        )
        .unwrap();
        // A copy of the binary where `nobody` can run it (the build folder may be private).
        let exe = dir.path().join("afterword-bin");
        std::fs::copy(env!("CARGO_BIN_EXE_afterword"), &exe).unwrap();
        std::fs::set_permissions(&exe, std::fs::Permissions::from_mode(0o755)).unwrap();
        let mut c = std::process::Command::new("setpriv");
        c.args(["--reuid=65534", "--regid=65534", "--clear-groups"])
            .arg(&exe);
        c
    } else {
        std::process::Command::new(env!("CARGO_BIN_EXE_afterword"))
    };
    let out = cmd
        .args(["check", "--now", NOW, "--format", "json"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    if is_root && stderr.contains("Permission denied") && !stdout.contains("bad.md") {
        eprintln!("skipped: nobody cannot run the test binary here: {stderr}");
        return;
    }
    assert_eq!(out.status.code(), Some(1), "{stdout}{stderr}");
    let line = stdout
        .lines()
        .find(|l| l.contains("content/bad.md"))
        .unwrap_or_else(|| panic!("no diagnostic for bad.md: {stdout}{stderr}"));
    assert!(
        line.contains("\"E0015\"") && line.contains("Permission denied"),
        "{line}"
    );
}

#[test]
fn slugs_named_like_site_paths_stay_under_incidents() {
    let dir = site(GOOD.as_bytes());
    for slug in [
        "api",
        "history",
        "components",
        "static",
        "maintenance",
        "feed-xml",
    ] {
        std::fs::write(
            dir.path().join(format!("content/{slug}-file.md")),
            GOOD.replace("title =", &format!("slug = \"{slug}\"\ntitle =")),
        )
        .unwrap();
    }
    let out = run(dir.path(), &["build", "--now", NOW]);
    assert!(out.status.success(), "{}", out.stderr);
    let public = dir.path().join("public");
    for slug in [
        "api",
        "history",
        "components",
        "static",
        "maintenance",
        "feed-xml",
    ] {
        assert!(public.join(format!("incidents/{slug}/index.html")).exists());
    }
    // The site's own paths are intact.
    for rel in [
        "api/v2/summary.json",
        "history/index.html",
        "components/index.html",
        "feed.xml",
    ] {
        assert!(public.join(rel).exists(), "{rel}");
    }
}

#[test]
fn files_vanishing_during_the_walk_never_crash() {
    let dir = site(GOOD.as_bytes());
    let content = dir.path().join("content");
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let churn = {
        let (content, stop) = (content.clone(), stop.clone());
        std::thread::spawn(move || {
            let mut n = 0u64;
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                let p = content.join(format!("churn-{}.md", n % 40));
                if n.is_multiple_of(2) {
                    let _ = std::fs::write(&p, GOOD);
                } else {
                    let _ = std::fs::remove_file(&p);
                }
                n += 1;
            }
        })
    };
    for _ in 0..30 {
        let out = run(dir.path(), &["check", "--now", NOW, "--format", "json"]);
        assert!(!out.stderr.contains("panicked"), "{}", out.stderr);
        assert!(matches!(out.status.code(), Some(0 | 1)), "{}", out.stderr);
        // Only the churning files can have problems (vanished: E0015; caught half-written:
        // a front-matter or TOML error); the stable ones never do.
        for line in out.stdout.lines().filter(|l| l.contains("\"error\"")) {
            assert!(line.contains("content/churn-"), "{line}");
        }
    }
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    churn.join().unwrap();
}
