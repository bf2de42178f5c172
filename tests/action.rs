//! The GitHub Action's script (scripts/action.sh, run by action.yml) against the binary under
//! test: installed from a release-shaped archive in a local folder (a `file://` URL), its
//! SHA-256 checked, `check --format github` annotations printed, the site built and the outputs
//! written as GitHub Actions reads them.

use std::path::Path;
use std::process::Command;

/// The target triple the script computes on this machine, when the test can run here.
fn target() -> Option<&'static str> {
    match (std::env::consts::OS, std::env::consts::ARCH) {
        ("linux", "x86_64") => Some("x86_64-unknown-linux-gnu"),
        ("linux", "aarch64") => Some("aarch64-unknown-linux-gnu"),
        _ => None,
    }
}

/// A release folder as the release workflow publishes it, made by the script the workflow
/// runs (scripts/package-release.sh): `afterword-<target>.tar.xz` (the binary inside a folder
/// of the same name) and its `.sha256`.
fn release(dir: &Path, target: &str, corrupt_checksum: bool) {
    let bin_dir = Path::new(env!("CARGO_BIN_EXE_afterword")).parent().unwrap();
    let out = Command::new("bash")
        .arg(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/scripts/package-release.sh"
        ))
        .args([target, bin_dir.to_str().unwrap(), dir.to_str().unwrap()])
        // xz at its fastest level: the binary under test is a large debug build.
        .env("XZ_OPT", "-0 -T2")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let name = format!("afterword-{target}.tar.xz");
    // The archive holds the binary, the README and the licence in a folder named like it.
    let list = Command::new("tar")
        .arg("-tJf")
        .arg(dir.join(&name))
        .output()
        .unwrap();
    let mut entries: Vec<String> = String::from_utf8(list.stdout)
        .unwrap()
        .lines()
        .map(|l| l.trim_end_matches('/').to_owned())
        .collect();
    entries.sort();
    let folder = format!("afterword-{target}");
    assert_eq!(
        entries,
        [
            folder.clone(),
            format!("{folder}/LICENSE"),
            format!("{folder}/README.md"),
            format!("{folder}/afterword"),
        ]
    );
    // The checksum file is what `sha256sum -c` reads.
    let check = Command::new("sha256sum")
        .args(["-c", &format!("{name}.sha256")])
        .current_dir(dir)
        .output()
        .unwrap();
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stdout)
    );
    if corrupt_checksum {
        let path = dir.join(format!("{name}.sha256"));
        let sum = std::fs::read_to_string(&path).unwrap();
        let flipped = if sum.starts_with('0') { "1" } else { "0" };
        std::fs::write(&path, format!("{flipped}{}", &sum[1..])).unwrap();
    }
}

/// A one-incident site with one warning (no `summary`: W0001).
fn site(dir: &Path) {
    std::fs::create_dir_all(dir.join("content")).unwrap();
    std::fs::write(
        dir.join("site.toml"),
        "title = \"Action site\"\nbase_url = \"https://status.example.com/\"\n\n[[components]]\nid = \"api\"\nname = \"API\"\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("content/outage.md"),
        "+++\ntitle = \"API errors\"\nseverity = \"minor\"\ncomponents = [\"api\"]\n\n[[timeline]]\nat = 2024-05-01T10:00:00Z\nstatus = \"investigating\"\nmessage = \"Looking.\"\n\n[[timeline]]\nat = 2024-05-01T10:20:00Z\nstatus = \"resolved\"\nmessage = \"Fixed.\"\n+++\n",
    )
    .unwrap();
}

fn run_action(tmp: &Path, dist: &Path) -> std::process::Output {
    Command::new("bash")
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/action.sh"))
        .current_dir(tmp)
        .env(
            "AFTERWORD_INSTALL_URL",
            format!("file://{}", dist.display()),
        )
        .env("AFTERWORD_HOME", tmp.join("home"))
        .env("AFTERWORD_ROOT", tmp.join("site"))
        .env("AFTERWORD_OUTPUT", "out/public")
        .env("AFTERWORD_BASE_URL", "https://example.org/pr-7/")
        .env("GITHUB_OUTPUT", tmp.join("github_output"))
        .env("GITHUB_PATH", tmp.join("github_path"))
        .env("SOURCE_DATE_EPOCH", "1717243200")
        .output()
        .unwrap()
}

#[test]
fn the_action_installs_a_verified_binary_checks_and_builds() {
    let Some(target) = target() else {
        eprintln!("skipped: no release archive name for this platform");
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let dist = tmp.path().join("dist");
    release(&dist, target, false);
    site(&tmp.path().join("site"));
    std::fs::create_dir_all(tmp.path().join("out")).unwrap();
    let out = run_action(tmp.path(), &dist);
    let (stdout, stderr) = (
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr),
    );
    assert!(out.status.success(), "{stdout}\n{stderr}");
    assert!(stdout.contains("SHA-256 verified"), "{stdout}");
    // The warning as a GitHub annotation, on the file and line of the title.
    assert!(
        stdout.contains("::warning file=") && stdout.contains("outage.md,line=2"),
        "{stdout}"
    );
    assert!(stdout.contains("W0001"), "{stdout}");
    // Installed where the action keeps it, and put on the job's PATH.
    let bin = tmp.path().join("home/bin/afterword");
    assert!(bin.is_file());
    let path = std::fs::read_to_string(tmp.path().join("github_path")).unwrap();
    assert_eq!(
        path.trim(),
        tmp.path().join("home/bin").display().to_string()
    );
    // Built with the preview base URL, and the outputs GitHub reads.
    let public = tmp.path().join("out/public");
    let page = std::fs::read_to_string(public.join("incidents/outage/index.html")).unwrap();
    assert!(
        page.contains("https://example.org/pr-7/incidents/outage/"),
        "preview base URL"
    );
    let outputs = std::fs::read_to_string(tmp.path().join("github_output")).unwrap();
    let abs = public.canonicalize().unwrap();
    assert!(
        outputs.contains(&format!("output-path={}\n", abs.display())),
        "{outputs}"
    );
    assert!(outputs.contains("version=0.1.0\n"), "{outputs}");
}

#[test]
fn the_action_refuses_a_binary_whose_checksum_differs() {
    let Some(target) = target() else {
        eprintln!("skipped: no release archive name for this platform");
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let dist = tmp.path().join("dist");
    release(&dist, target, true);
    site(&tmp.path().join("site"));
    let out = run_action(tmp.path(), &dist);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(
        stderr.contains("::error") && stderr.contains("SHA-256 mismatch"),
        "{stderr}"
    );
    assert!(!tmp.path().join("home/bin/afterword").exists());
    assert!(!tmp.path().join("out/public").exists());
}

/// The workflows docs/ci.md and docs/notify.md show: each fenced `yaml` block whose first line
/// names a file in `.github/workflows/`, parsed.
fn documented_workflows() -> Vec<(String, yaml_rust2::Yaml)> {
    let mut out = Vec::new();
    for doc in ["docs/ci.md", "docs/notify.md"] {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(doc);
        out.extend(workflows_in(&std::fs::read_to_string(path).unwrap()));
    }
    out
}

fn workflows_in(doc: &str) -> Vec<(String, yaml_rust2::Yaml)> {
    let mut out = Vec::new();
    let mut rest = doc;
    while let Some(start) = rest.find("```yaml\n# .github/workflows/") {
        let block = &rest[start + "```yaml\n".len()..];
        let end = block.find("```").expect("the block is closed");
        let text = &block[..end];
        let name = text.lines().next().unwrap()[2..].to_owned();
        let mut docs = yaml_rust2::YamlLoader::load_from_str(text)
            .unwrap_or_else(|e| panic!("{name} in docs/ci.md is not YAML: {e}"));
        out.push((name, docs.remove(0)));
        rest = &block[end..];
    }
    out
}

/// Every use of the action in docs/ci.md and docs/notify.md passes only inputs action.yml
/// declares, and reads only outputs it declares (actionlint cannot see its metadata from there).
#[test]
fn the_documented_workflows_use_only_the_actions_inputs_and_outputs() {
    let action =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/action.yml")).unwrap();
    let action = &yaml_rust2::YamlLoader::load_from_str(&action).unwrap()[0];
    let keys = |y: &yaml_rust2::Yaml| -> Vec<String> {
        y.as_hash()
            .map(|h| {
                h.keys()
                    .filter_map(|k| k.as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default()
    };
    let inputs = keys(&action["inputs"]);
    let outputs = keys(&action["outputs"]);
    assert!(inputs.contains(&"base-url".to_owned()) && outputs.contains(&"output-path".to_owned()));

    let workflows = documented_workflows();
    assert!(workflows.len() >= 6, "{} workflows found", workflows.len());
    let mut uses = 0;
    for (name, wf) in &workflows {
        let jobs = wf["jobs"]
            .as_hash()
            .unwrap_or_else(|| panic!("{name}: no jobs"));
        for (job, body) in jobs {
            let steps = body["steps"]
                .as_vec()
                .unwrap_or_else(|| panic!("{name}: {job:?} has no steps"));
            // The ids of this job's steps that run the action.
            let mut ids = Vec::new();
            for step in steps {
                let Some(u) = step["uses"].as_str() else {
                    continue;
                };
                if !u.starts_with("OWNER/afterword@") {
                    continue;
                }
                uses += 1;
                for k in keys(&step["with"]) {
                    assert!(
                        inputs.contains(&k),
                        "{name}: input `{k}` is not in action.yml"
                    );
                }
                if let Some(id) = step["id"].as_str() {
                    ids.push(id.to_owned());
                }
            }
            // `steps.<id>.outputs.<name>` anywhere in the job names a declared output.
            let mut text = String::new();
            yaml_rust2::YamlEmitter::new(&mut text).dump(body).unwrap();
            for id in &ids {
                let pat = format!("steps.{id}.outputs.");
                for (at, _) in text.match_indices(&pat) {
                    let out: String = text[at + pat.len()..]
                        .chars()
                        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
                        .collect();
                    assert!(
                        outputs.contains(&out),
                        "{name}: output `{out}` is not in action.yml"
                    );
                }
            }
        }
    }
    assert!(uses >= 6, "the action is used {uses} times in the docs");
}
