//! The module tree is the pipeline (docs/architecture.md), and imports go one way. Every
//! `crate::…` path in the code under src/ (comments aside) is checked against the layers below:
//! a module may use its own layer and those before it, never a later one, and no two modules
//! may use each other, directly or around a loop.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Layers, first to last, by module path prefix. The longest prefix names a module's layer.
/// docs/architecture.md explains each; keep the two in step.
const LAYERS: &[(&str, usize)] = &[
    // Leaves.
    ("diag", 0),
    ("util", 0),
    // The vocabulary: the checked incident, its per-incident derived facts, uptime arithmetic.
    ("model", 1),
    ("model::uptime", 1),
    ("model::related", 1),
    ("model::runs", 1),
    // Inputs, read strictly.
    ("input", 2),
    // Raw input to the model (errors), then warnings.
    ("check", 3),
    // Facts across the site, which need its configuration.
    ("model::status", 4),
    ("model::stats", 4),
    ("model::phases", 4),
    ("model::archive", 4),
    // The sink.
    ("output", 4),
    // Formatting.
    ("render", 5),
    // The pipeline's driver.
    ("build", 6),
    // Commands.
    ("serve", 7),
    ("import", 7),
    ("notify", 7),
    ("scaffold", 7),
];

fn layer(module: &str) -> usize {
    LAYERS
        .iter()
        .filter(|(p, _)| module == *p || module.starts_with(&format!("{p}::")))
        .max_by_key(|(p, _)| p.len())
        .unwrap_or_else(|| panic!("module `{module}` is in no layer: add it to LAYERS"))
        .1
}

/// `src/render/feeds.rs` → `render::feeds`; `src/model/mod.rs` → `model`.
fn module_of(src: &Path, file: &Path) -> String {
    let rel = file.strip_prefix(src).unwrap().with_extension("");
    let parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .filter(|c| c != "mod")
        .collect();
    parts.join("::")
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// The modules `text` names with `crate::a::b` (or `use crate::{a::b, c}`), comments removed,
/// resolved to the longest known module.
fn uses(text: &str, modules: &BTreeSet<String>) -> BTreeSet<String> {
    let code: String = text
        .lines()
        .map(|l| match l.find("//") {
            Some(i) if !l[..i].contains('"') => &l[..i],
            _ => l,
        })
        .collect::<Vec<_>>()
        .join("\n");
    let mut paths = Vec::new();
    let mut rest = code.as_str();
    while let Some(i) = rest.find("crate::") {
        rest = &rest[i + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let end = group.find('}').unwrap_or(group.len());
            paths.extend(group[..end].split(',').map(|p| p.trim().to_string()));
        } else {
            let end = rest
                .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
                .unwrap_or(rest.len());
            paths.push(rest[..end].to_string());
        }
    }
    paths
        .into_iter()
        .filter_map(|p| {
            let segs: Vec<&str> = p.split("::").filter(|s| !s.is_empty()).collect();
            (1..=segs.len())
                .rev()
                .map(|n| segs[..n].join("::"))
                .find(|m| modules.contains(m))
        })
        .collect()
}

fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files.retain(|f| !f.ends_with("lib.rs") && !f.ends_with("main.rs"));
    let modules: BTreeSet<String> = files.iter().map(|f| module_of(&src, f)).collect();
    files
        .iter()
        .map(|f| {
            let m = module_of(&src, f);
            let mut used = uses(&std::fs::read_to_string(f).unwrap(), &modules);
            used.remove(&m);
            (m, used)
        })
        .collect()
}

#[test]
fn no_module_uses_a_later_layer() {
    let g = graph();
    assert!(g.len() > 30, "found only {} modules", g.len());
    let mut wrong = Vec::new();
    for (m, used) in &g {
        for u in used {
            // A module may use its parent (`render::feeds` → `render`): one unit.
            if m.starts_with(&format!("{u}::")) {
                continue;
            }
            if layer(u) > layer(m) {
                wrong.push(format!(
                    "{m} (layer {}) uses {u} (layer {})",
                    layer(m),
                    layer(u)
                ));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "imports against the pipeline:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn no_import_circle() {
    let g = graph();
    // Depth-first search for a back edge; parent ↔ child pairs are one unit.
    fn visit<'a>(
        m: &'a str,
        g: &'a BTreeMap<String, BTreeSet<String>>,
        stack: &mut Vec<&'a str>,
        done: &mut BTreeSet<&'a str>,
    ) -> Option<Vec<String>> {
        if let Some(i) = stack.iter().position(|s| *s == m) {
            return Some(
                stack[i..]
                    .iter()
                    .map(|s| s.to_string())
                    .chain([m.to_string()])
                    .collect(),
            );
        }
        if !done.insert(m) {
            return None;
        }
        stack.push(m);
        for u in &g[m] {
            let family = m.starts_with(&format!("{u}::")) || u.starts_with(&format!("{m}::"));
            if family {
                continue;
            }
            if let Some(c) = visit(u, g, stack, done) {
                return Some(c);
            }
        }
        stack.pop();
        None
    }
    let mut done = BTreeSet::new();
    for m in g.keys() {
        if let Some(cycle) = visit(m, &g, &mut Vec::new(), &mut done) {
            panic!("import circle: {}", cycle.join(" → "));
        }
    }
}

/// The test itself: a later layer's path is caught, in a `use` group too, and comments are not code.
#[test]
fn the_scanner_sees_paths_and_groups() {
    let modules: BTreeSet<String> = ["build", "render", "render::feeds", "model", "util::slug"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    let found = uses(
        "use crate::{model::Incident, util::slug};\n// crate::build is only named here\nfn f() { crate::render::feeds::x(); }",
        &modules,
    );
    let found: Vec<&str> = found.iter().map(String::as_str).collect();
    assert_eq!(found, ["model", "render::feeds", "util::slug"]);
    assert_eq!(layer("render::feeds"), 5);
    assert_eq!(layer("model::status"), 4);
    assert_eq!(layer("model"), 1);
}
