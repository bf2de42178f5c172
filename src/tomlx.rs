//! Strict TOML reading shared by site.toml and front matter: a syntax check, then every unknown
//! key in the document reported at once (with the closest known key), then typed deserialization
//! whose errors keep their position.

use crate::diag::{codes, suggestion, Diagnostic, SourceMap};
use serde::de::DeserializeOwned;
use serde::Deserialize;
use toml::de::{DeTable, DeValue};

/// Allowed keys of one table, and of the tables (or arrays of tables) nested under it.
pub struct Schema {
    pub keys: &'static [&'static str],
    pub nested: &'static [(&'static str, &'static Schema)],
}

/// Parse `text` (which starts at byte `base` of the file behind `map`) into `T`.
/// `whole` is where to point for problems about the document as a whole (a missing key).
pub fn parse<T: DeserializeOwned>(
    text: &str,
    base: usize,
    whole: usize,
    map: &SourceMap,
    schema: &Schema,
    what: &str,
) -> Result<T, Vec<Diagnostic>> {
    let at = |span: Option<std::ops::Range<usize>>, msg: String| match span {
        Some(s) => map.at(s.start + base..s.end + base, msg),
        None => map.at(whole..whole, msg),
    };
    let table = DeTable::parse(text).map_err(|e| {
        vec![at(
            e.span(),
            format!("invalid TOML in {what}: {}", e.message().trim()),
        )
        .with_code(codes::TOML_SYNTAX)]
    })?;
    let mut diags = Vec::new();
    check_keys(
        table.get_ref(),
        schema,
        "",
        &mut |span, key, path, allowed| {
            let d = at(Some(span), format!("unknown key `{path}{key}` in {what}"))
                .with_help(suggestion(key, allowed))
                .with_code(codes::UNKNOWN_KEY);
            diags.push(d);
        },
    );
    check_strings(table.get_ref(), &mut |span, c| {
        diags.push(
            at(
                Some(span),
                format!(
                    "this text holds the control character or noncharacter U+{:04X}, which no page or feed can show",
                    c as u32
                ),
            )
            .with_help("remove it (it usually comes from a copy and paste or a `\\u` escape)")
            .with_code(codes::CONTROL_CHARACTER),
        )
    });
    if !diags.is_empty() {
        return Err(diags);
    }
    let de = toml::de::Deserializer::from(table);
    T::deserialize(de).map_err(|e| {
        let msg = e.message().trim().to_string();
        if msg.starts_with("missing field") {
            let key = msg.split('`').nth(1).unwrap_or("?");
            // Inside a table (a `[[timeline]]` entry, say) the error spans that table.
            let table = e
                .span()
                .and_then(|s| table_name_before(text, s.start + 1).map(|t| (s, t)));
            return vec![match table {
                Some((span, t)) => at(
                    Some(span),
                    format!("this `[[{t}]]` entry is missing the required key `{key}`"),
                ),
                None => at(None, format!("{what} is missing the required key `{key}`")),
            }
            .with_code(codes::MISSING_KEY)];
        }
        let key = e.span().and_then(|s| key_before(text, s.start));
        let found = msg
            .strip_prefix("invalid type: ")
            .and_then(|m| m.split_once(", expected "));
        let d = match (key, found) {
            (Some(key), Some((found, expected))) => {
                let (want, help) = match expected {
                    "a sequence" | "sequence" if found == "map" => (
                        "a list of tables",
                        format!("write each entry as a `[[{key}]]` table, with two brackets"),
                    ),
                    "a sequence" | "sequence" => (
                        "a list",
                        format!("write a list in brackets, e.g. `{key} = [\"a\", \"b\"]`"),
                    ),
                    "a string" => ("text in double quotes", format!("e.g. `{key} = \"text\"`")),
                    "a boolean" => ("true or false", format!("e.g. `{key} = true`")),
                    other => (other, String::new()),
                };
                let d = at(e.span(), format!("`{key}` should be {want}, not {found}"));
                if help.is_empty() {
                    d
                } else {
                    d.with_help(help)
                }
            }
            _ => at(e.span(), format!("{msg} in {what}")),
        };
        vec![d.with_code(codes::WRONG_TYPE)]
    })
}

/// The name of the last `[[table]]` header that starts before `offset`, if any.
fn table_name_before(text: &str, offset: usize) -> Option<&str> {
    let head = &text[..offset.min(text.len())];
    let start = head.rfind("[[")? + 2;
    let end = start + text[start..].find("]]")?;
    let name = text[start..end].trim();
    (!name.is_empty() && !name.contains('\n')).then_some(name)
}

/// The key written before a value at `offset`: `tags = "x"` → `tags`.
fn key_before(text: &str, offset: usize) -> Option<&str> {
    let line_start = text[..offset.min(text.len())]
        .rfind('\n')
        .map_or(0, |i| i + 1);
    let (key, _) = text[line_start..offset.min(text.len())].split_once('=')?;
    let key = key.trim().trim_matches('"');
    (!key.is_empty() && !key.contains(char::is_whitespace)).then_some(key)
}

/// Calls `report` with the span and the character for each string value (at any depth) that
/// holds a character no output can carry ([`crate::escape::is_forbidden`]): TOML itself refuses
/// most of them written as they are, but not as `\u` escapes.
fn check_strings(table: &DeTable<'_>, report: &mut dyn FnMut(std::ops::Range<usize>, char)) {
    fn value(v: &toml::Spanned<DeValue<'_>>, report: &mut dyn FnMut(std::ops::Range<usize>, char)) {
        match v.get_ref() {
            DeValue::String(s) => {
                if let Some((_, c)) = crate::escape::find_forbidden(s) {
                    report(v.span(), c);
                }
            }
            DeValue::Table(t) => check_strings(t, report),
            DeValue::Array(items) => items.iter().for_each(|i| value(i, report)),
            _ => {}
        }
    }
    for (_, v) in table.iter() {
        value(v, report);
    }
}

/// Called with (key span, key, dotted prefix, allowed keys) for each unknown key.
type UnknownKey<'a> = dyn FnMut(std::ops::Range<usize>, &str, &str, &[&str]) + 'a;

fn check_keys(table: &DeTable<'_>, schema: &Schema, prefix: &str, report: &mut UnknownKey<'_>) {
    for (key, value) in table.iter() {
        let name: &str = key.get_ref();
        if !schema.keys.contains(&name) {
            report(key.span(), name, prefix, schema.keys);
            continue;
        }
        let Some((_, sub)) = schema.nested.iter().find(|(k, _)| *k == name) else {
            continue;
        };
        let sub_prefix = format!("{prefix}{name}.");
        match value.get_ref() {
            DeValue::Table(t) => check_keys(t, sub, &sub_prefix, report),
            DeValue::Array(items) => {
                for item in items.iter() {
                    if let DeValue::Table(t) = item.get_ref() {
                        check_keys(t, sub, &sub_prefix, report);
                    }
                }
            }
            _ => {}
        }
    }
}

/// A TOML value with its byte span (relative to the TOML text).
pub type Spanned<T> = toml::Spanned<T>;

/// Deserialize helper: TOML datetimes (date, time or both, with or without offset).
#[derive(Debug, Clone, Deserialize)]
#[serde(transparent)]
pub struct Datetime(pub toml::value::Datetime);
