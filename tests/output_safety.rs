//! What a build may replace or remove: the output folder only when every file in it is one the
//! previous build wrote (its manifest) or `--force` is given, a `~` the shell did not expand
//! never, and the temporary folders of killed builds only when provably stale.

mod common;

use common::{fixture_site, read, run};
use std::path::Path;

const NOW: &str = "2024-06-02T00:00:00Z";

fn build(dir: &Path, extra: &[&str]) -> common::Output {
    let mut args = vec!["build", "--now", NOW];
    args.extend_from_slice(extra);
    run(dir, &args)
}

fn built(dir: &Path, extra: &[&str]) {
    let out = build(dir, extra);
    assert!(out.status.success(), "build failed:\n{}", out.stderr);
}

#[test]
fn the_manifest_lists_every_file_and_guards_the_others() {
    let dir = fixture_site();
    built(dir.path(), &[]);
    let public = dir.path().join("public");
    let manifest = read(&public.join(".afterword-manifest"));
    let listed: Vec<&str> = manifest.lines().skip(1).collect();
    assert!(listed.contains(&"index.html") && listed.contains(&"incidents/bundle-case/graph.svg"));
    let mut sorted = listed.clone();
    sorted.sort();
    assert_eq!(listed, sorted, "sorted, so the manifest is deterministic");
    // Every file in the output is listed (and the manifest itself is not).
    let files: Vec<String> = common::tree(&public)
        .into_iter()
        .map(|(p, _)| p.to_string_lossy().replace('\\', "/"))
        .filter(|p| p != ".afterword-manifest")
        .collect();
    let mut want: Vec<String> = listed.iter().map(|s| s.to_string()).collect();
    want.sort();
    let mut files = files;
    files.sort();
    assert_eq!(files, want);

    // A file someone put there, at any depth: refused, named, kept.
    for stray in ["notes.txt", "incidents/multi-day/draft-notes.txt"] {
        std::fs::write(public.join(stray), "mine").unwrap();
        let out = build(dir.path(), &[]);
        assert_eq!(out.status.code(), Some(1), "{stray}");
        assert!(
            out.stderr
                .contains(&format!("refusing to replace public: it holds `{stray}`"))
                && out.stderr.contains("--force"),
            "{}",
            out.stderr
        );
        assert_eq!(read(&public.join(stray)), "mine");
        std::fs::remove_file(public.join(stray)).unwrap();
    }
    // --force replaces the folder, that file with it.
    std::fs::write(public.join("notes.txt"), "mine").unwrap();
    built(dir.path(), &["--force"]);
    assert!(!public.join("notes.txt").exists());
    assert_eq!(read(&public.join(".afterword-manifest")), manifest);
}

#[test]
fn an_output_without_a_manifest_is_replaced_only_if_every_file_is_the_builds() {
    let dir = fixture_site();
    built(dir.path(), &[]);
    let public = dir.path().join("public");
    // From a version of afterword before manifests: every file is one this build writes.
    std::fs::remove_file(public.join(".afterword-manifest")).unwrap();
    built(dir.path(), &[]);
    assert!(public.join(".afterword-manifest").is_file());
    // A web root: an index.html (looks like a site) beside someone else's files.
    let www = dir.path().join("www");
    std::fs::create_dir_all(www.join("cgi")).unwrap();
    std::fs::write(www.join("index.html"), "<p>my home page</p>").unwrap();
    std::fs::write(www.join("cgi/db.sqlite"), "data").unwrap();
    let out = build(dir.path(), &["--output", "www"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        out.stderr
            .contains("refusing to replace www: it holds `cgi/db.sqlite`"),
        "{}",
        out.stderr
    );
    assert_eq!(read(&www.join("cgi/db.sqlite")), "data");
    assert_eq!(read(&www.join("index.html")), "<p>my home page</p>");
    // Nothing left beside it either.
    let beside: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        // (`.afterword/` is the build cache, kept on purpose.)
        .filter(|n| n.starts_with(".afterword") && n != ".afterword")
        .collect();
    assert!(beside.is_empty(), "{beside:?}");
    // A manifest that is not ours is no manifest.
    std::fs::write(www.join(".afterword-manifest"), "cgi/db.sqlite\n").unwrap();
    let out = build(dir.path(), &["--output", "www"]);
    assert_eq!(out.status.code(), Some(1), "{}", out.stderr);
}

#[test]
fn a_tilde_the_shell_did_not_expand_is_refused() {
    let dir = fixture_site();
    for output in ["~/public", "~", "~user/site"] {
        let out = build(dir.path(), &["--output", output]);
        assert_eq!(out.status.code(), Some(1), "{output}");
        assert!(
            out.stderr.contains("use $HOME/... or an absolute path"),
            "{}",
            out.stderr
        );
    }
    assert!(!dir.path().join("~").exists());
    // A `~` further in is a folder name like any other.
    built(dir.path(), &["--output", "out/~x"]);
    assert!(dir.path().join("out/~x/index.html").is_file());
}

#[cfg(target_os = "linux")]
#[test]
fn a_build_removes_stale_temporary_folders_and_nothing_else() {
    let dir = fixture_site();
    let root = dir.path();
    let mut child = std::process::Command::new("true").spawn().unwrap();
    let dead = child.id();
    child.wait().unwrap();
    let magic = "afterword temporary folder marker v1";
    let leave = |name: &str, marker: Option<String>| {
        std::fs::create_dir_all(root.join(name).join("incidents")).unwrap();
        std::fs::write(root.join(name).join("index.html"), "x").unwrap();
        if let Some(m) = marker {
            std::fs::write(root.join(format!("{name}.owner")), m).unwrap();
        }
    };
    leave(
        ".afterword-build-killed",
        Some(format!("{magic}\npid {dead}\nstart 1\n")),
    );
    leave(
        ".afterword-old-killed",
        Some(format!("{magic}\npid {dead}\nstart 1\n")),
    );
    leave(".afterword-build-someone", None);
    built(root, &[]);
    let mut beside: Vec<String> = std::fs::read_dir(root)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        // (`.afterword/` is the build cache, kept on purpose.)
        .filter(|n| n.starts_with(".afterword") && n != ".afterword")
        .collect();
    beside.sort();
    assert_eq!(beside, [".afterword-build-someone"]);
}

#[test]
fn build_help_documents_force() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(dir.path(), &["build", "--help"]);
    assert!(out.status.success());
    assert!(
        out.stdout.contains("--force")
            && out
                .stdout
                .contains("even if it holds files the previous build did not write"),
        "{}",
        out.stdout
    );
}

#[cfg(unix)]
#[test]
fn an_output_that_is_a_link_replaces_the_folder_it_points_to_and_keeps_the_link() {
    let dir = fixture_site();
    let elsewhere = tempfile::tempdir().unwrap();
    let real = elsewhere.path().join("www");
    std::fs::create_dir(&real).unwrap();
    std::os::unix::fs::symlink(&real, dir.path().join("public")).unwrap();
    built(dir.path(), &[]);
    let link = dir.path().join("public");
    assert!(std::fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
    assert_eq!(std::fs::read_link(&link).unwrap(), real);
    assert!(real.join("index.html").is_file());
    // Again: the second build replaces the folder the link points to, as a build does.
    built(dir.path(), &[]);
    assert!(std::fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
    assert!(real.join("index.html").is_file());
    // A dangling link is refused, and left alone.
    std::fs::remove_dir_all(&real).unwrap();
    let out = build(dir.path(), &[]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stderr.contains("is a symbolic link"), "{}", out.stderr);
    assert!(std::fs::symlink_metadata(&link).is_ok());
}

#[cfg(unix)]
#[test]
fn refusals_hold_through_links_and_dot_dots_even_with_force() {
    // `link/..` is the link target's parent for the file system, not the folder holding the
    // link: `o/l/../site` is the site root when `l` points to a sibling of it.
    let top = tempfile::tempdir().unwrap();
    let site = top.path().join("site");
    common::copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/site"),
        &site,
    );
    std::fs::create_dir_all(top.path().join("o")).unwrap();
    std::fs::create_dir_all(top.path().join("x")).unwrap();
    std::os::unix::fs::symlink(top.path().join("x"), top.path().join("o/l")).unwrap();
    let sneaky = top.path().join("o/l/../site");
    let out = build(&site, &["--output", sneaky.to_str().unwrap(), "--force"]);
    assert_eq!(out.status.code(), Some(1), "{}", out.stderr);
    assert!(out.stderr.contains("it is the site root"), "{}", out.stderr);
    assert!(site.join("site.toml").is_file() && site.join("content").is_dir());

    // A static/ folder that is a link elsewhere is still the site's static/ folder.
    let assets = top.path().join("assets");
    std::fs::create_dir(&assets).unwrap();
    std::os::unix::fs::symlink(&assets, site.join("static")).unwrap();
    let out = build(&site, &["--output", "static/out", "--force"]);
    assert_eq!(out.status.code(), Some(1), "{}", out.stderr);
    assert!(
        out.stderr.contains("inside the site's static/ folder"),
        "{}",
        out.stderr
    );
    assert!(!assets.join("out").exists());
}

/// A command that runs afterword as `nobody` when the tests run as root (root may delete
/// anything), else as the current user.
#[cfg(unix)]
fn as_unprivileged(top: &Path) -> Option<std::process::Command> {
    use std::os::unix::fs::PermissionsExt;
    let is_root = std::process::Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| o.stdout.starts_with(b"0\n"));
    if !is_root {
        return Some(std::process::Command::new(env!("CARGO_BIN_EXE_afterword")));
    }
    std::process::Command::new("setpriv")
        .arg("--version")
        .output()
        .ok()?;
    let exe = top.join("afterword-bin");
    std::fs::copy(env!("CARGO_BIN_EXE_afterword"), &exe).unwrap();
    std::fs::set_permissions(&exe, std::fs::Permissions::from_mode(0o755)).unwrap();
    let mut c = std::process::Command::new("setpriv");
    c.args(["--reuid=65534", "--regid=65534", "--clear-groups"])
        .arg(exe);
    Some(c)
}

#[cfg(unix)]
#[test]
fn an_old_output_that_cannot_be_removed_is_a_warning_after_the_swap() {
    use std::os::unix::fs::PermissionsExt;
    let top = tempfile::tempdir().unwrap();
    let site = top.path().join("site");
    common::copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/site"),
        &site,
    );
    let out = top.path().join("out");
    built(&site, &["--output", out.to_str().unwrap()]);
    // Everyone may read the site and write beside the output, nobody may change the old tree.
    for e in walkdir::WalkDir::new(top.path()) {
        let e = e.unwrap();
        let mode = if e.file_type().is_dir() { 0o777 } else { 0o666 };
        std::fs::set_permissions(e.path(), std::fs::Permissions::from_mode(mode)).unwrap();
    }
    for e in walkdir::WalkDir::new(&out) {
        let e = e.unwrap();
        if e.file_type().is_dir() {
            std::fs::set_permissions(e.path(), std::fs::Permissions::from_mode(0o555)).unwrap();
        }
    }
    let Some(mut cmd) = as_unprivileged(top.path()) else {
        eprintln!("skipped: running as root without setpriv");
        return;
    };
    let page = site.join("content/ongoing.md");
    let text = std::fs::read_to_string(&page).unwrap();
    std::fs::write(
        &page,
        text.replace("Still ongoing", "Still ongoing (edited)"),
    )
    .unwrap();
    // Without the cache: with it, the old tree is kept as the spare tree, not removed.
    let run = cmd
        .args([
            "build",
            "--no-cache",
            "--now",
            NOW,
            "--output",
            out.to_str().unwrap(),
        ])
        .current_dir(&site)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&run.stderr);
    // Let the temporary folder be cleaned up.
    for e in walkdir::WalkDir::new(top.path()).into_iter().flatten() {
        if e.file_type().is_dir() {
            let _ = std::fs::set_permissions(e.path(), std::fs::Permissions::from_mode(0o777));
        }
    }
    assert_eq!(run.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.contains("the new site is in place, but the previous one could not be removed"),
        "{stderr}"
    );
    assert!(read(&out.join("incidents/ongoing/index.html")).contains("Still ongoing (edited)"));
}
