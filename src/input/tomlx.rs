//! Strict TOML reading shared by site.toml and front matter: a syntax check, then every unknown
//! key in the document reported at once (with the closest known key), then typed deserialization
//! whose errors keep their position.

use crate::diag::{codes, suggestion, Diagnostic, SourceMap};
use serde::de::DeserializeOwned;
use serde::Deserialize;
use toml::de::{DeTable, DeValue};

/// Allowed keys of one table, and of the tables (or arrays of tables) nested under it. The keys
/// are the fields of the serde struct the table is read into ([`Schema::of`]), so a field added
/// to the struct is a known key without a second list to keep in step.
pub struct Schema {
    keys: fn() -> &'static [&'static str],
    nested: &'static [(&'static str, &'static Schema)],
}

impl Schema {
    /// The keys of the struct `T`, and for the keys in `nested` (fields of `T` holding a table
    /// or an array of tables) the schema of that table.
    pub const fn of<T: DeserializeOwned>(
        nested: &'static [(&'static str, &'static Schema)],
    ) -> Self {
        Schema {
            keys: fields::<T>,
            nested,
        }
    }

    /// The allowed keys, in the order the struct declares them (the order an "expected one of"
    /// help lists them in).
    pub fn keys(&self) -> &'static [&'static str] {
        (self.keys)()
    }

    /// Each key with a nested schema, and that schema.
    pub fn nested(&self) -> &'static [(&'static str, &'static Schema)] {
        self.nested
    }
}

/// The field names a derived `Deserialize` of the struct `T` accepts (serde's own list, skipped
/// fields left out), or none when `T` is not a struct. serde hands the list to
/// `deserialize_struct` before it reads anything: a deserializer that answers that call with an
/// error carrying the list gets it without any input.
fn fields<T: DeserializeOwned>() -> &'static [&'static str] {
    use serde::de::{Deserializer, Visitor};

    #[derive(Debug)]
    struct Fields(&'static [&'static str]);
    impl std::fmt::Display for Fields {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("field list")
        }
    }
    impl std::error::Error for Fields {}
    impl serde::de::Error for Fields {
        fn custom<M: std::fmt::Display>(_: M) -> Self {
            Fields(&[])
        }
    }

    struct Probe;
    impl<'de> Deserializer<'de> for Probe {
        type Error = Fields;
        fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Fields> {
            Err(Fields(&[]))
        }
        fn deserialize_struct<V: Visitor<'de>>(
            self,
            _: &'static str,
            fields: &'static [&'static str],
            _: V,
        ) -> Result<V::Value, Fields> {
            Err(Fields(fields))
        }
        serde::forward_to_deserialize_any! {
            bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
            option unit unit_struct newtype_struct seq tuple tuple_struct map enum identifier
            ignored_any
        }
    }

    match T::deserialize(Probe) {
        Err(Fields(f)) => f,
        Ok(_) => &[],
    }
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
/// holds a character no output can carry ([`crate::util::escape::is_forbidden`]): TOML itself refuses
/// most of them written as they are, but not as `\u` escapes.
fn check_strings(table: &DeTable<'_>, report: &mut dyn FnMut(std::ops::Range<usize>, char)) {
    fn value(v: &toml::Spanned<DeValue<'_>>, report: &mut dyn FnMut(std::ops::Range<usize>, char)) {
        match v.get_ref() {
            DeValue::String(s) => {
                if let Some((_, c)) = crate::util::escape::find_forbidden(s) {
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
    let keys = schema.keys();
    for (key, value) in table.iter() {
        let name: &str = key.get_ref();
        if !keys.contains(&name) {
            report(key.span(), name, prefix, keys);
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

/// Whether every key of `schema` with a nested schema is one of its keys, and every schema
/// (at any depth) has keys: what a struct's derive gives [`Schema::of`]. For tests.
pub fn schema_is_consistent(schema: &Schema) -> bool {
    let keys = schema.keys();
    !keys.is_empty()
        && schema
            .nested()
            .iter()
            .all(|(k, sub)| keys.contains(k) && schema_is_consistent(sub))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Deserialize)]
    #[allow(dead_code)]
    struct Inner {
        a: i64,
        #[serde(default)]
        b: Option<String>,
        #[serde(skip)]
        c: usize,
    }

    #[test]
    fn keys_come_from_the_struct() {
        static INNER: Schema = Schema::of::<Inner>(&[]);
        assert_eq!(INNER.keys(), &["a", "b"]);
        // Not a struct: no keys (and the consistency check says so).
        static NOT_A_STRUCT: Schema = Schema::of::<Vec<String>>(&[]);
        assert!(NOT_A_STRUCT.keys().is_empty());
        assert!(!schema_is_consistent(&NOT_A_STRUCT));
    }
}
