//! `afterword build`'s on-disk cache (`.afterword/build-cache`, and the spare tree beside the
//! output): over a sequence of edits, deletions, template, static, settings and clock
//! changes, a build that uses the cache writes exactly the files a clean build writes, byte
//! for byte, while rendering only what changed; a damaged cache means a full build and a
//! one-line note, never a wrong site.

mod common;

use afterword::build::{build, BuildError, BuildOptions, BuildReport};
use chrono::{DateTime, Utc};
use std::path::{Path, PathBuf};

fn now() -> DateTime<Utc> {
    "2024-06-01T00:00:00Z".parse().unwrap()
}

fn opts(root: &Path, output: PathBuf, cache: bool, now: DateTime<Utc>) -> BuildOptions {
    BuildOptions {
        root: root.to_path_buf(),
        output: Some(output),
        base_url: None,
        drafts: false,
        force: false,
        now,
        cache,
        progress: None,
        can_swap_for_tests: None,
    }
}

/// A build with the cache into `root/public`, and a clean one (no cache, a new folder) to
/// compare it with: the two trees must hold the same files with the same bytes.
struct Site {
    dir: tempfile::TempDir,
    clean: tempfile::TempDir,
    now: DateTime<Utc>,
    step: usize,
    /// [`BuildOptions::can_swap_for_tests`] for its builds.
    can_swap: Option<fn(&Path) -> bool>,
}

impl Site {
    fn new() -> Site {
        Site {
            dir: common::fixture_site(),
            clean: tempfile::tempdir().unwrap(),
            now: now(),
            step: 0,
            can_swap: None,
        }
    }
    fn root(&self) -> &Path {
        self.dir.path()
    }
    fn public(&self) -> PathBuf {
        self.root().join("public")
    }
    fn cached(&self) -> BuildReport {
        build(&BuildOptions {
            can_swap_for_tests: self.can_swap,
            ..opts(self.root(), self.public(), true, self.now)
        })
        .expect("cached build")
    }
    /// Build with the cache, then clean, and compare; the cached build's report.
    fn step(&mut self, what: &str) -> BuildReport {
        let report = self.cached();
        self.step += 1;
        let clean = self.clean.path().join(format!("clean-{}", self.step));
        build(&BuildOptions {
            can_swap_for_tests: self.can_swap,
            ..opts(self.root(), clean.clone(), false, self.now)
        })
        .expect("clean build");
        let (got, want) = (common::tree(&self.public()), common::tree(&clean));
        let names = |t: &[(PathBuf, Vec<u8>)]| t.iter().map(|(p, _)| p.clone()).collect::<Vec<_>>();
        assert_eq!(names(&got), names(&want), "the same files after {what}");
        for ((p, a), (_, b)) in got.iter().zip(&want) {
            assert!(
                a == b,
                "{} differs from a clean build after {what}",
                p.display()
            );
        }
        report
    }
    fn edit(&self, rel: &str, f: impl FnOnce(String) -> String) {
        let path = self.root().join(rel);
        let text = std::fs::read_to_string(&path).unwrap();
        std::fs::write(&path, f(text)).unwrap();
    }
}

/// Everything afterword keeps beside the output (`.afterword-…`: temporary folders, the spare
/// tree), sorted.
fn beside_output(root: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(root)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".afterword-"))
        .collect();
    v.sort();
    v
}

/// The temporary folders afterword left beside the output.
fn temporary_folders(root: &Path) -> Vec<String> {
    beside_output(root)
        .into_iter()
        .filter(|n| n.starts_with(".afterword-build") || n.starts_with(".afterword-old"))
        .collect()
}

fn contains(path: &Path, needle: &str) -> bool {
    std::fs::read_to_string(path).unwrap().contains(needle)
}

#[test]
fn cached_builds_equal_clean_builds_over_a_sequence_of_changes() {
    let mut s = Site::new();
    let first = s.step("the first build");
    assert_eq!(first.kept, 0, "nothing to keep yet");
    assert_eq!(first.markdown, first.incidents);
    assert!(s.root().join(".afterword/build-cache").is_file());

    // Nothing changed: no incident's Markdown is rendered, and every page with a key is kept.
    let same = s.step("no change");
    assert_eq!(same.markdown, 0);
    assert!(same.kept > first.pages, "{} kept", same.kept);
    assert!(
        !s.root().join(".afterword-spare-public").exists(),
        "a build that changes nothing replaces nothing"
    );

    // One postmortem edited: that incident's Markdown only. The old output becomes the spare
    // tree, which the next build brings up to date in place.
    s.edit("content/long-outage.md", |t| {
        format!("{t}\n## Follow-up\n\nMore.\n")
    });
    let edit = s.step("a body edit");
    assert_eq!(edit.markdown, 1);
    assert!(contains(
        &s.public().join("incidents/long-outage/index.html"),
        "Follow-up"
    ));
    assert!(s.root().join(".afterword-spare-public").is_dir());
    s.edit("content/long-outage.md", |t| {
        t.replace("More.", "More, again.")
    });
    let again = s.step("a second body edit (into the spare tree)");
    assert_eq!(again.markdown, 1);

    // A title: the lists that show it, and the neighbours' older/newer links.
    s.edit("content/long-outage.md", |t| {
        t.replace("Twelve-hour outage", "Twelve hours down")
    });
    let title = s.step("a title change");
    assert_eq!(
        title.markdown, 3,
        "the incident and its two neighbours, whose pages link to it by its title"
    );
    assert!(contains(
        &s.public().join("index.html"),
        "Twelve hours down"
    ));

    // A new incident, then its deletion: its folder appears, then goes from the output and
    // (once the spare tree has caught up) from disk altogether.
    std::fs::write(
        s.root().join("content/new-one.md"),
        "+++\ntitle = \"Brand new\"\nseverity = \"minor\"\ncomponents = [\"api\"]\nstarted = 2024-05-01T10:00:00Z\nresolved = 2024-05-01T11:00:00Z\n+++\nBody.\n",
    )
    .unwrap();
    let add = s.step("an addition");
    assert_eq!(
        add.markdown, 3,
        "the new incident and the two it sits between"
    );
    assert!(s.public().join("incidents/new-one/index.html").is_file());
    std::fs::remove_file(s.root().join("content/new-one.md")).unwrap();
    let del = s.step("a deletion");
    assert_eq!(del.markdown, 2, "the two it sat between, now neighbours");
    assert!(!s.public().join("incidents/new-one").exists());
    s.edit("content/long-outage.md", |t| {
        format!("{t}\nOne more line.\n")
    });
    s.step("an edit after the deletion");
    assert!(!s.public().join("incidents/new-one").exists());
    assert!(
        !s.root()
            .join(".afterword-spare-public/incidents/new-one")
            .exists(),
        "the spare tree, brought up to date in place, lost the deleted incident's folder"
    );

    // A template: pages are rendered again, Markdown is not.
    std::fs::create_dir_all(s.root().join("templates")).unwrap();
    let theme = Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/templates");
    let base = std::fs::read_to_string(theme.join("incident.html")).unwrap();
    std::fs::write(
        s.root().join("templates/incident.html"),
        base.replacen("</article>", "<p>template changed</p></article>", 1),
    )
    .unwrap();
    let tpl = s.step("a template change");
    assert!(contains(
        &s.public().join("incidents/long-outage/index.html"),
        "template changed"
    ));
    assert!(tpl.kept < same.kept, "incident pages were rendered again");

    // A template that fails: the build fails and the output stays. The spare tree is looked at
    // only at the first file that differs, which may come before or after the failure: it is
    // then either as it was (never touched) or gone (the half-updated tree removed with the
    // failed build), never half-updated.
    s.edit("content/long-outage.md", |t| {
        format!("{t}\nBefore a failed build.\n")
    });
    let good = std::fs::read_to_string(s.root().join("templates/incident.html")).unwrap();
    std::fs::write(
        s.root().join("templates/incident.html"),
        good.replacen("</article>", "{{ no_such_value.at_all }}</article>", 1),
    )
    .unwrap();
    let spare = s.root().join(".afterword-spare-public");
    let (before, spare_before) = (common::tree(&s.public()), common::tree(&spare));
    assert!(build(&opts(s.root(), s.public(), true, s.now)).is_err());
    assert!(
        common::tree(&s.public()) == before,
        "a failed build changed the output"
    );
    assert!(
        !spare.exists() || common::tree(&spare) == spare_before,
        "a failed build left a changed spare tree"
    );
    assert_eq!(temporary_folders(s.root()), Vec::<String>::new());
    std::fs::write(s.root().join("templates/incident.html"), good).unwrap();
    s.step("the template fixed after a failed build");

    // A build that fails after every page is written (two files at one path): the spare tree
    // was brought up to date in place, so it is gone with the failed build.
    assert!(spare.is_dir());
    s.edit("content/long-outage.md", |t| {
        format!("{t}\nBefore a clash.\n")
    });
    std::fs::create_dir_all(s.root().join("static/incidents/long-outage")).unwrap();
    std::fs::write(
        s.root().join("static/incidents/long-outage/index.html"),
        "clash",
    )
    .unwrap();
    let before = common::tree(&s.public());
    let failed = build(&opts(s.root(), s.public(), true, s.now));
    assert!(
        matches!(&failed, Err(BuildError::Invalid(e)) if e[0].message.contains("incidents/long-outage/index.html")),
        "{failed:?}"
    );
    assert!(
        common::tree(&s.public()) == before,
        "a failed build changed the output"
    );
    assert!(!spare.exists(), "a half-updated spare tree was left");
    assert_eq!(temporary_folders(s.root()), Vec::<String>::new());
    std::fs::remove_dir_all(s.root().join("static")).unwrap();
    s.step("the clash removed after a failed build");

    // A static file, site.toml, and the clock.
    std::fs::create_dir_all(s.root().join("static")).unwrap();
    std::fs::write(s.root().join("static/robots.txt"), "User-agent: *\n").unwrap();
    s.step("a static file");
    s.edit("site.toml", |t| {
        t.replace("name = \"API\"", "name = \"Public API\"")
    });
    let cfg = s.step("a site.toml change");
    assert_eq!(
        cfg.markdown, cfg.incidents,
        "every page depends on site.toml"
    );
    s.now += chrono::Duration::hours(5);
    s.step("another `now`");

    // An output file changed by hand (other length): the cache does not vouch for it, so the
    // build writes the right one again.
    let page = s.public().join("incidents/multi-day/index.html");
    let good = std::fs::read(&page).unwrap();
    std::fs::write(&page, b"tampered").unwrap();
    s.step("an output file changed by hand");
    assert_eq!(std::fs::read(&page).unwrap(), good);

    // A file changed back to what it was two builds ago (what the spare tree holds).
    s.edit("content/long-outage.md", |t| {
        t.replace("One more line.", "One more line!")
    });
    s.step("an edit");
    s.edit("content/long-outage.md", |t| {
        t.replace("One more line!", "One more line.")
    });
    s.step("the edit undone");
}

#[test]
fn a_damaged_cache_means_a_full_build_and_a_note() {
    let mut s = Site::new();
    s.step("the first build");
    let cache = s.root().join(".afterword/build-cache");
    for (what, damage) in [
        ("one byte flipped", 0usize),
        ("cut short", 1),
        ("not a cache", 2),
        ("from another version", 3),
    ] {
        let mut bytes = std::fs::read(&cache).unwrap();
        match damage {
            0 => {
                let at = bytes.len() / 2;
                bytes[at] ^= 0x40;
            }
            1 => bytes.truncate(30),
            2 => bytes = b"hello\n".to_vec(),
            _ => {
                // The line after the magic one: `<schema> <version>`.
                let text = String::from_utf8_lossy(&bytes[..60]).into_owned();
                let (magic, rest) = text.split_once('\n').unwrap();
                let (head, _) = rest.split_once('\n').unwrap();
                let at = magic.len() + 1 + head.find(' ').unwrap() + 1;
                let end = magic.len() + 1 + head.len();
                bytes.splice(at..end, b"0.0.1-elsewhere".iter().copied());
            }
        }
        std::fs::write(&cache, &bytes).unwrap();
        // An edit too, so that a cache wrongly trusted would leave a stale page.
        s.edit("content/long-outage.md", |t| {
            format!("{t}\nEdit: {what}.\n")
        });
        let report = s.step(what);
        assert_eq!(report.kept, 0, "{what}: nothing is kept");
        assert_eq!(
            report.markdown, report.incidents,
            "{what}: everything rendered"
        );
        let note = report.notes.iter().find(|n| n.contains("build cache"));
        let note = note.unwrap_or_else(|| panic!("{what}: a note, got {:?}", report.notes));
        assert!(!note.contains('\n'), "one line: {note}");
        assert!(note.contains("building everything"), "{note}");
        if what == "from another version" {
            assert!(
                note.contains("written by afterword 0.0.1-elsewhere"),
                "{note}"
            );
        }
        // The next build has a good cache again.
        let next = s.step("after the damaged cache");
        assert_eq!(next.markdown, 0, "{what}: the cache was written anew");
    }
    // Through the command line: the note is printed as a warning.
    std::fs::write(&cache, b"hello\n").unwrap();
    let out = common::run(s.root(), &["build", "--now", "2024-06-01T00:00:00Z"]);
    assert!(out.status.success(), "{}", out.stderr);
    assert!(
        out.stderr
            .lines()
            .any(|l| l.starts_with("warning: the build cache") && l.contains("building everything")),
        "{}",
        out.stderr
    );
}

#[test]
fn without_the_one_step_swap_there_is_no_spare_tree() {
    // As on a platform or file system that cannot swap two folders in one step: the cache
    // still keeps what did not change, but the old output is removed, not kept beside the new
    // one as the spare tree, and the output is a clean build's (`Site::step` compares).
    let mut s = Site::new();
    s.can_swap = Some(|_| false);
    s.step("the first build without the swap");
    for i in 0..2 {
        s.edit("content/long-outage.md", |t| format!("{t}\nEdit {i}.\n"));
        let what = format!("edit {i} without the swap");
        let report = s.step(&what);
        assert_eq!(report.markdown, 1, "{what}");
        assert!(report.kept > 0, "{what}");
        assert_eq!(beside_output(s.root()), Vec::<String>::new(), "{what}");
    }
}

#[test]
fn no_cache_reads_and_writes_nothing() {
    let s = Site::new();
    let out = common::run(
        s.root(),
        &["build", "--no-cache", "--now", "2024-06-01T00:00:00Z"],
    );
    assert!(out.status.success(), "{}", out.stderr);
    assert!(!s.root().join(".afterword").exists());
    // Twice, with an edit between: no spare tree either.
    s.edit("content/long-outage.md", |t| format!("{t}\nMore.\n"));
    let out = common::run(
        s.root(),
        &["build", "--no-cache", "--now", "2024-06-01T00:00:00Z"],
    );
    assert!(out.status.success(), "{}", out.stderr);
    assert!(!s.root().join(".afterword").exists());
    assert!(!s.root().join(".afterword-spare-public").exists());
}

#[test]
fn a_spare_tree_holding_someone_elses_file_is_left_alone() {
    let mut s = Site::new();
    s.step("the first build");
    s.edit("content/long-outage.md", |t| format!("{t}\nMore.\n"));
    s.step("an edit");
    let spare = s.root().join(".afterword-spare-public");
    assert!(spare.is_dir());
    std::fs::write(spare.join("notes.txt"), "mine").unwrap();
    s.edit("content/long-outage.md", |t| format!("{t}\nEven more.\n"));
    s.step("an edit with a foreign file in the spare tree");
    assert_eq!(
        std::fs::read_to_string(spare.join("notes.txt")).unwrap(),
        "mine"
    );
    assert!(!s.public().join("notes.txt").exists());
}

#[test]
fn a_cache_that_cannot_be_written_is_a_note_and_the_build_succeeds() {
    let mut s = Site::new();
    s.step("the first build");
    // A folder where the cache file goes: it can be neither read nor replaced.
    let cache = s.root().join(".afterword/build-cache");
    std::fs::remove_file(&cache).unwrap();
    std::fs::create_dir(&cache).unwrap();
    std::fs::write(cache.join("mine.txt"), "mine").unwrap();
    s.edit("content/long-outage.md", |t| format!("{t}\nMore.\n"));
    let report = s.step("a build whose cache cannot be written");
    assert!(s
        .public()
        .join("incidents/long-outage/index.html")
        .is_file());
    let note = report
        .notes
        .iter()
        .find(|n| n.contains("could not be written"))
        .unwrap_or_else(|| panic!("a note, got {:?}", report.notes));
    assert!(!note.contains('\n'), "one line: {note}");
    assert!(
        note.starts_with("the build cache ")
            && note.contains(".afterword/build-cache could not be written (")
            && note.ends_with("); the next build does everything"),
        "{note}"
    );
    // It says so, and it does: the next build keeps nothing.
    let next = s.step("the next build");
    assert_eq!(next.kept, 0);
    assert_eq!(next.markdown, next.incidents);
    // The folder is as it was, and no half-written cache is left beside it.
    assert_eq!(
        std::fs::read_to_string(cache.join("mine.txt")).unwrap(),
        "mine"
    );
    let names: Vec<String> = std::fs::read_dir(s.root().join(".afterword"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["build-cache"]);
    // Once it can be written again, it is.
    std::fs::remove_dir_all(&cache).unwrap();
    s.step("a build with the way clear");
    let again = s.step("and the next");
    assert_eq!(again.markdown, 0);
    assert!(again.kept > 0);
}

#[test]
fn a_spare_path_already_taken_is_left_alone() {
    // Something that is not a spare tree of afterword's where the spare tree would go: the
    // build replaces the output as it would without a spare tree, and leaves the thing as it is
    // (a build never deletes what it did not write).
    let mut s = Site::new();
    s.step("the first build");
    let spare = s.root().join(".afterword-spare-public");
    let elsewhere = tempfile::tempdir().unwrap();
    type Make<'a> = &'a dyn Fn(&Path);
    let kinds: &[(&str, Make)] = &[
        ("a file", &|p| std::fs::write(p, "mine").unwrap()),
        ("a folder of other files", &|p| {
            std::fs::create_dir_all(p.join("sub")).unwrap();
            std::fs::write(p.join("sub/notes.txt"), "mine").unwrap();
        }),
        ("an empty folder", &|p| std::fs::create_dir(p).unwrap()),
        #[cfg(unix)]
        ("a link to a folder", &|p| {
            std::fs::write(elsewhere.path().join("notes.txt"), "mine").unwrap();
            std::os::unix::fs::symlink(elsewhere.path(), p).unwrap();
        }),
    ];
    for (i, (what, make)) in kinds.iter().enumerate() {
        // Ours, from the build before: the test clears the way.
        if spare.is_dir() && !spare.is_symlink() {
            std::fs::remove_dir_all(&spare).unwrap();
        }
        make(&spare);
        let meta = std::fs::symlink_metadata(&spare).unwrap();
        // What it holds (through a link: where it points, and what is there).
        let inside = |p: &Path| {
            let t = std::fs::symlink_metadata(p).unwrap().file_type();
            match (t.is_file(), t.is_symlink()) {
                (true, _) => vec![(PathBuf::new(), std::fs::read(p).unwrap())],
                (_, true) => [(std::fs::read_link(p).unwrap(), vec![])]
                    .into_iter()
                    .chain(common::tree(p))
                    .collect(),
                _ => common::tree(p),
            }
        };
        let before = inside(&spare);
        for n in 0..2 {
            s.edit("content/long-outage.md", |t| {
                format!("{t}\nEdit {i}.{n} beside {what}.\n")
            });
            let report = s.step(what);
            assert_eq!(report.markdown, 1, "{what}: the cache still works");
            let now = std::fs::symlink_metadata(&spare).unwrap();
            assert_eq!(now.file_type(), meta.file_type(), "{what}");
            assert_eq!(inside(&spare), before, "{what} was changed");
            assert_eq!(temporary_folders(s.root()), Vec::<String>::new(), "{what}");
        }
        if meta.is_symlink() || meta.is_file() {
            std::fs::remove_file(&spare).unwrap();
        }
    }
    assert_eq!(
        std::fs::read_to_string(elsewhere.path().join("notes.txt")).unwrap(),
        "mine"
    );
}
