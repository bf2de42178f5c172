//! What a package or an installer ships beside the binary: shell completions and manual pages
//! (docs/install.md). Each is checked by the program that reads it: bash sources the script and
//! completes with it, and the pages go through `mandoc -T lint` (or `man --warnings`).

mod common;

use common::run;
use std::path::Path;
use std::process::Command;

/// What bash's completion offers after `words`, with the cursor at the end of the last one,
/// using the script `afterword completions bash` printed: the function is called as bash's
/// `complete -F` calls it (command, current word, previous word; `COMP_WORDS`, `COMP_CWORD`).
fn bash_completes(script: &Path, words: &[&str]) -> Vec<String> {
    let n = words.len();
    let quoted: Vec<String> = words.iter().map(|w| format!("'{w}'")).collect();
    let program = format!(
        "set -e; source '{}'; COMP_WORDS=({}); COMP_CWORD={}; COMP_LINE=\"${{COMP_WORDS[*]}}\"; \
         COMP_POINT=${{#COMP_LINE}}; _afterword afterword '{}' '{}'; \
         printf '%s\\n' \"${{COMPREPLY[@]}}\"",
        script.display(),
        quoted.join(" "),
        n - 1,
        words[n - 1],
        words[n - 2],
    );
    let out = Command::new("bash")
        .args(["--norc", "--noprofile", "-c", &program])
        .output()
        .expect("bash runs");
    assert!(
        out.status.success() && out.stderr.is_empty(),
        "bash failed on the completion script: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(str::to_owned)
        .collect()
}

#[test]
fn bash_sources_the_completions_and_completes_commands_and_flags() {
    let tmp = tempfile::tempdir().unwrap();
    let out = run(tmp.path(), &["completions", "bash"]);
    assert!(out.status.success(), "{}", out.stderr);
    let script = tmp.path().join("afterword.bash");
    std::fs::write(&script, &out.stdout).unwrap();

    // Sourcing registers the function for the command.
    let registered = Command::new("bash")
        .args(["--norc", "--noprofile", "-c"])
        .arg(format!(
            "set -e; source '{}'; complete -p afterword",
            script.display()
        ))
        .output()
        .unwrap();
    assert!(
        registered.status.success() && registered.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&registered.stderr)
    );
    assert!(String::from_utf8_lossy(&registered.stdout).contains("_afterword"));

    // Every command is offered after `afterword`, and `b` narrows it to `build`.
    let all = bash_completes(&script, &["afterword", ""]);
    for cmd in [
        "build",
        "check",
        "serve",
        "import",
        "init",
        "new",
        "completions",
        "man",
    ] {
        assert!(all.iter().any(|w| w == cmd), "{cmd} missing from {all:?}");
    }
    assert_eq!(bash_completes(&script, &["afterword", "bu"]), ["build"]);
    // A command's own flags, and the values of an enumerated one.
    let flags = bash_completes(&script, &["afterword", "check", "--"]);
    for flag in ["--root", "--format", "--deny-warnings", "--now"] {
        assert!(
            flags.iter().any(|w| w == flag),
            "{flag} missing from {flags:?}"
        );
    }
    let mut formats = bash_completes(&script, &["afterword", "check", "--format", ""]);
    formats.sort();
    assert_eq!(formats, ["github", "human", "json"]);
}

#[test]
fn every_shell_gets_a_script_naming_the_commands() {
    let tmp = tempfile::tempdir().unwrap();
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let out = run(tmp.path(), &["completions", shell]);
        assert!(out.status.success(), "{shell}: {}", out.stderr);
        for cmd in ["build", "check", "serve", "import", "statuspage"] {
            assert!(out.stdout.contains(cmd), "{shell}: no {cmd}");
        }
    }
    let bad = run(tmp.path(), &["completions", "tcsh"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(
        bad.stderr.contains("invalid value 'tcsh'"),
        "{}",
        bad.stderr
    );
}

/// Problems a man page reader reports on `page`: `mandoc -T lint` at warning level where
/// mandoc is installed (CI installs it), else groff's warnings through `man --warnings`.
fn man_page_problems(page: &Path) -> String {
    let mandoc = Command::new("mandoc")
        .args(["-T", "lint", "-W", "warning"])
        .arg(page)
        .output();
    let out = match mandoc {
        Ok(out) => out,
        Err(_) => Command::new("man")
            .args(["--warnings", "-l"])
            .arg(page)
            .env("MANPAGER", "cat")
            .output()
            .expect("neither mandoc nor man is installed: the manual pages cannot be checked"),
    };
    let mut problems = String::from_utf8_lossy(&out.stderr).into_owned();
    if !out.status.success() {
        problems += &format!("\nexit status {:?}", out.status.code());
    }
    problems
}

#[test]
fn man_pages_render_without_warnings() {
    let tmp = tempfile::tempdir().unwrap();
    let out = run(tmp.path(), &["man"]);
    assert!(out.status.success(), "{}", out.stderr);
    assert!(
        out.stdout.starts_with(".ie \\n(.g .ds Aq"),
        "not roff: {}",
        &out.stdout[..40]
    );
    assert!(out.stdout.contains(".TH AFTERWORD 1"), "title line");
    let page = tmp.path().join("afterword.1");
    std::fs::write(&page, &out.stdout).unwrap();
    assert_eq!(man_page_problems(&page), "", "afterword.1");

    // A page per command, nested commands included, each clean.
    let dir = tmp.path().join("man");
    let out = run(tmp.path(), &["man", "--dir", dir.to_str().unwrap()]);
    assert!(out.status.success(), "{}", out.stderr);
    let mut pages: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    pages.sort();
    assert_eq!(
        pages,
        [
            "afterword-build.1",
            "afterword-check.1",
            "afterword-completions.1",
            "afterword-import-cstate.1",
            "afterword-import-statuspage.1",
            "afterword-import.1",
            "afterword-init.1",
            "afterword-man.1",
            "afterword-new.1",
            "afterword-notify.1",
            "afterword-serve.1",
            "afterword.1",
        ]
    );
    for name in &pages {
        assert_eq!(man_page_problems(&dir.join(name)), "", "{name}");
    }
    // The page for `build` documents its flags.
    let build = std::fs::read_to_string(dir.join("afterword-build.1")).unwrap();
    for flag in [
        "\\-\\-root",
        "\\-\\-output",
        "\\-\\-base\\-url",
        "\\-\\-now",
    ] {
        assert!(
            build.contains(flag),
            "{flag} missing from afterword-build.1"
        );
    }
}
