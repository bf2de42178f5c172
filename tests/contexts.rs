//! The template context is a public interface (docs/templates.md): every page kind's context,
//! as a full render of tests/fixtures/status builds it, is pinned here as JSON, and the
//! variables docs/templates.md lists for each template are exactly the ones the code gives it.

use afterword::render::{page_contexts, PageContext, RenderInput};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

const NOW: &str = "2024-11-04T17:00:00Z";

fn contexts() -> Vec<PageContext> {
    contexts_of("tests/fixtures/status", NOW)
}

fn contexts_of(fixture: &str, now: &str) -> Vec<PageContext> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join(fixture);
    let now = chrono::DateTime::parse_from_rfc3339(now).unwrap().to_utc();
    let site = afterword::build::load_site(&root, None, false, now).expect("the fixture checks");
    let input = RenderInput {
        config: &site.config,
        incidents: &site.incidents,
        maintenances: &site.maintenances,
        now,
        drafts: false,
        theme: &site.theme,
        locale: &site.locale,
        memo: None,
    };
    page_contexts(&input).expect("renders")
}

fn keys(c: &PageContext) -> BTreeSet<String> {
    c.context
        .as_object()
        .expect("a context is an object")
        .keys()
        .cloned()
        .collect()
}

fn pin(name: &str, c: &PageContext) {
    let json = serde_json::to_string_pretty(&shortened(c.context.clone())).unwrap();
    insta::assert_snapshot!(
        format!("context_{name}"),
        format!("file: {}\ntemplate: {}\n{json}", c.file, c.template)
    );
}

/// The page of each kind with the most to show (the longest context; the first file of those).
fn richest(all: &[PageContext]) -> BTreeMap<&'static str, &PageContext> {
    let mut best: BTreeMap<&str, (usize, &PageContext)> = BTreeMap::new();
    for c in all {
        let len = c.context.to_string().len();
        let e = best.entry(c.kind).or_insert((len, c));
        if len > e.0 {
            *e = (len, c);
        }
    }
    best.into_iter().map(|(k, (_, c))| (k, c)).collect()
}

/// One snapshot per page kind (its richest page), and the globals; and the richest incident of
/// tests/fixtures/site's `escaping` incident, which has action items, a timeline and a body. The
/// pages across postmortems (factors, actions, severities) are pinned from
/// tests/fixtures/archive, whose incidents have factors and action items.
#[test]
fn every_page_kind_context_is_pinned() {
    let all = contexts();
    let first = richest(&all);
    let kinds: Vec<&str> = first.keys().copied().collect();
    assert_eq!(
        kinds,
        [
            "404",
            "actions",
            "component",
            "components",
            "embed",
            "factor",
            "factors",
            "globals",
            "history",
            "history_year",
            "incident",
            "index",
            "maintenance",
            "search",
            "severities",
            "severity",
            "stats"
        ]
    );
    const ARCHIVE: &[&str] = &["actions", "factor", "factors", "severities", "severity"];
    for (kind, c) in first {
        if !ARCHIVE.contains(&kind) {
            pin(kind, c);
        }
    }
    let archive = contexts_of("tests/fixtures/archive", "2025-06-15T16:00:00Z");
    for (kind, c) in richest(&archive) {
        if ARCHIVE.contains(&kind) {
            pin(kind, c);
        }
    }
    let site = contexts_of("tests/fixtures/site", "2024-06-02T00:00:00Z");
    let escaping = site
        .iter()
        .find(|c| c.file == "incidents/escaping/index.html")
        .expect("the escaping incident");
    pin("incident_full", escaping);
}

/// Long lists (a component's 90 day bars, …) cut to their first three entries and a count:
/// the snapshot pins the shape; tests/status_site.rs checks the values.
fn shortened(v: serde_json::Value) -> serde_json::Value {
    use serde_json::Value;
    match v {
        Value::Array(a) if a.len() > 3 => {
            let more = a.len() - 3;
            let mut kept: Vec<Value> = a.into_iter().take(3).map(shortened).collect();
            kept.push(Value::String(format!("… {more} more")));
            Value::Array(kept)
        }
        Value::Array(a) => Value::Array(a.into_iter().map(shortened).collect()),
        // Sorted: a template sees a map, whose order means nothing.
        Value::Object(m) => {
            let sorted: BTreeMap<String, Value> =
                m.into_iter().map(|(k, v)| (k, shortened(v))).collect();
            Value::Object(sorted.into_iter().collect())
        }
        v => v,
    }
}

/// Every page of a kind has the same variables, and each is documented for its template.
#[test]
fn docs_list_each_templates_variables() {
    let all = contexts();
    let mut by_template: BTreeMap<&str, BTreeSet<String>> = BTreeMap::new();
    for c in all.iter().filter(|c| c.kind != "globals") {
        let mut k = keys(c);
        assert!(k.remove("page"), "{} has no `page`", c.file);
        if let Some(seen) = by_template.insert(&c.template, k.clone()) {
            assert_eq!(
                seen, k,
                "{} differs from other {} pages",
                c.file, c.template
            );
        }
    }
    // The table in docs/templates.md: | `template` | output | `a`, `b` |
    let doc =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/templates.md"))
            .unwrap();
    let mut documented: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for line in doc.lines().filter(|l| l.starts_with("| `")) {
        let cells: Vec<&str> = line.trim_matches('|').split('|').map(str::trim).collect();
        let template = cells[0].trim_matches('`').to_string();
        let vars = cells[2]
            .split(',')
            .map(|v| v.trim().trim_matches('`').to_string())
            .filter(|v| !v.is_empty() && v != "none")
            .collect();
        documented.insert(template, vars);
    }
    let code: BTreeMap<String, BTreeSet<String>> = by_template
        .into_iter()
        .map(|(t, k)| (t.to_string(), k))
        .collect();
    assert_eq!(
        documented, code,
        "docs/templates.md's table and the code disagree"
    );
    // The globals, as the doc lists them under "Variables on every page".
    let globals = keys(&all[0]);
    assert_eq!(all[0].kind, "globals");
    for g in &globals {
        assert!(
            doc.contains(&format!("- `{g}`: ")),
            "global `{g}` is not documented"
        );
    }
    assert_eq!(globals.len(), 4);
}
