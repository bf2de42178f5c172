//! The shipped message catalogues (themes/default/i18n/*.ftl) against the reference, en.ftl,
//! as a translator's reviewer would check them. `check` (E0032) already refuses a catalogue
//! that lacks a message or attribute, or uses a variable the theme does not pass; this adds
//! what only a shipped translation must also get right:
//! - every variable the English text shows is shown by the translation too (a dropped
//!   `{ $count }` would make "3 incidents" read "incidents");
//! - no message the reference no longer has (a stale translation);
//! - a `-html` message keeps the English message's HTML tags.

use fluent_syntax::ast;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Per message id: (per value/attribute key: its variables, its HTML tag names).
type Shape = BTreeMap<String, BTreeMap<String, (BTreeSet<String>, Vec<String>)>>;

fn shape(path: &Path) -> Shape {
    let text = std::fs::read_to_string(path).unwrap();
    let res = fluent_syntax::parser::parse(text.as_str())
        .unwrap_or_else(|(_, errors)| panic!("{}: {errors:?}", path.display()));
    let mut out = Shape::new();
    for e in res.body {
        let ast::Entry::Message(m) = e else { continue };
        let mut parts = BTreeMap::new();
        if let Some(v) = &m.value {
            parts.insert(m.id.name.to_string(), part(v));
        }
        for a in &m.attributes {
            parts.insert(format!("{}.{}", m.id.name, a.id.name), part(&a.value));
        }
        out.insert(m.id.name.to_string(), parts);
    }
    out
}

/// A pattern's variables and the names of the HTML tags in its text, in order.
fn part(p: &ast::Pattern<&str>) -> (BTreeSet<String>, Vec<String>) {
    let (mut vars, mut text) = (BTreeSet::new(), String::new());
    pattern(p, &mut vars, &mut text);
    let mut tags = Vec::new();
    let mut rest = text.as_str();
    while let Some(i) = rest.find('<') {
        rest = &rest[i + 1..];
        let name: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '/')
            .collect();
        if !name.is_empty() && name != "/" {
            tags.push(name);
        }
    }
    tags.sort();
    (vars, tags)
}

fn pattern(p: &ast::Pattern<&str>, vars: &mut BTreeSet<String>, text: &mut String) {
    for el in &p.elements {
        match el {
            ast::PatternElement::TextElement { value } => text.push_str(value),
            ast::PatternElement::Placeable { expression: e } => expression(e, vars, text),
        }
    }
}

fn expression(e: &ast::Expression<&str>, vars: &mut BTreeSet<String>, text: &mut String) {
    match e {
        ast::Expression::Select { selector, variants } => {
            inline(selector, vars, text);
            for v in variants {
                // Each variant is a whole alternative: its tags are counted once, from the
                // default variant.
                let mut t = String::new();
                pattern(&v.value, vars, &mut t);
                if v.default {
                    text.push_str(&t);
                }
            }
        }
        ast::Expression::Inline(i) => inline(i, vars, text),
    }
}

fn inline(i: &ast::InlineExpression<&str>, vars: &mut BTreeSet<String>, text: &mut String) {
    match i {
        ast::InlineExpression::VariableReference { id } => {
            vars.insert(id.name.to_string());
        }
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                inline(a, vars, text);
            }
            for n in &arguments.named {
                inline(&n.value, vars, text);
            }
        }
        ast::InlineExpression::Placeable { expression: e } => expression(e, vars, text),
        ast::InlineExpression::StringLiteral { value } => text.push_str(value),
        _ => {}
    }
}

#[test]
fn every_catalogue_keeps_the_references_variables_messages_and_tags() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/i18n");
    let en = shape(&dir.join("en.ftl"));
    assert!(en.len() > 300, "en.ftl has {} messages", en.len());
    let mut problems = Vec::new();
    let mut languages = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let lang = path.file_stem().unwrap().to_string_lossy().into_owned();
        if lang == "en" || path.extension().is_none_or(|e| e != "ftl") {
            continue;
        }
        languages += 1;
        let tr = shape(&path);
        for id in tr.keys().filter(|id| !en.contains_key(*id)) {
            problems.push(format!("{lang}: `{id}` is not in en.ftl (stale?)"));
        }
        for (id, parts) in &en {
            let Some(tparts) = tr.get(id) else {
                problems.push(format!("{lang}: `{id}` is missing"));
                continue;
            };
            for (key, (vars, tags)) in parts {
                let Some((tvars, ttags)) = tparts.get(key) else {
                    problems.push(format!("{lang}: `{key}` is missing"));
                    continue;
                };
                if tvars != vars {
                    problems.push(format!(
                        "{lang}: `{key}` uses {tvars:?}, the English {vars:?}"
                    ));
                }
                if id.ends_with("-html") && ttags != tags {
                    problems.push(format!(
                        "{lang}: `{key}` has tags {ttags:?}, the English {tags:?}"
                    ));
                }
            }
        }
    }
    assert_eq!(languages, 7, "the seven translations");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
