//! The template functions that read the site's message catalogue (docs/i18n.md):
//!
//! - `t(key="…", name=value, …)`: message `key` (`key.attr` for an attribute) with its
//!   variables. Numbers select plural forms and are written the language's way. A key ending
//!   in `-html` holds HTML: its text variables are escaped and the result is marked safe.
//! - `t_json(key="…", …)`: `t`'s text as a JSON string.
//! - `plural_forms(key="…", count="count", name=value, …)`: for scripts (through a `data-`
//!   attribute, which escapes it), a JSON object from
//!   each plural category the language has (`one`, `few`, `other`, …) to the message with
//!   `{count}` where the number goes, as `Intl.PluralRules` names them, and `"0"`: the
//!   message for zero itself.

use crate::util::escape;
use crate::util::i18n::{Arg, Catalogue};
use std::sync::Arc;
use tera::{Kwargs, State, Tera, TeraResult, Value};

/// The functions' names, for compiling templates without a catalogue: each returns nothing.
pub(crate) fn declare(tera: &mut Tera) {
    for name in ["t", "t_json", "plural_forms"] {
        tera.register_function(name, |_: Kwargs, _: &State| -> TeraResult<Value> {
            Ok(Value::from(""))
        });
    }
}

pub(crate) fn register(tera: &mut Tera, text: Arc<Catalogue>) {
    let cat = text.clone();
    // A message without variables reads the same on every page: formatted once per build.
    let plain: std::sync::RwLock<rustc_hash::FxHashMap<String, Value>> = Default::default();
    tera.register_function("t", move |kwargs: Kwargs, _: &State| -> TeraResult<Value> {
        let key: &str = kwargs.must_get("key")?;
        let alone = kwargs.iter().count() == 1;
        if alone {
            if let Some(v) = plain.read().expect("messages").get(key) {
                return Ok(v.clone());
            }
        }
        let html = key.ends_with("-html");
        let (owned, nums) = args(&kwargs, html, "key")?;
        let args = as_args(&owned, &nums);
        let value = match cat.try_format(key, &args) {
            Some(s) if html => Value::safe_string(&s),
            Some(s) => Value::from(s),
            None => {
                return Err(tera::Error::message(format!(
                    "no message `{key}` in the catalogue for `{}`, or it cannot be formatted with the arguments given",
                    cat.tag()
                )))
            }
        };
        if alone {
            plain
                .write()
                .expect("messages")
                .insert(key.to_string(), value.clone());
        }
        Ok(value)
    });
    let cat = text.clone();
    tera.register_function(
        "t_json",
        move |kwargs: Kwargs, _: &State| -> TeraResult<Value> {
            let key: &str = kwargs.must_get("key")?;
            let (owned, nums) = args(&kwargs, false, "key")?;
            let args = as_args(&owned, &nums);
            match cat.try_format(key, &args) {
                Some(s) => Ok(Value::safe_string(&json_text(&serde_json::Value::String(
                    s,
                )))),
                None => Err(tera::Error::message(format!(
                    "no message `{key}` in the catalogue for `{}`",
                    cat.tag()
                ))),
            }
        },
    );
    let cat = text;
    tera.register_function(
        "plural_forms",
        move |kwargs: Kwargs, _: &State| -> TeraResult<Value> {
            let key: &str = kwargs.must_get("key")?;
            let count: &str = kwargs.get("count")?.unwrap_or("count");
            let (owned, nums) = args(&kwargs, false, "key")?;
            let mut out = serde_json::Map::new();
            for (category, n) in samples(cat.tag()) {
                let mut a = as_args(&owned, &nums);
                a.retain(|(k, _)| *k != count);
                a.push((count, Arg::Num(n)));
                let shown = cat.format("number", &[("n", Arg::Num(n))]);
                let Some(text) = cat.try_format(key, &a) else {
                    return Err(tera::Error::message(format!(
                        "no message `{key}` in the catalogue for `{}`",
                        cat.tag()
                    )));
                };
                out.insert(
                    category.into(),
                    serde_json::Value::String(text.replacen(&shown, "{count}", 1)),
                );
            }
            // Zero itself, which a message may say differently (an exact `[0]` variant).
            let mut a = as_args(&owned, &nums);
            a.retain(|(k, _)| *k != count);
            a.push((count, Arg::Num(0)));
            if let Some(text) = cat.try_format(key, &a) {
                out.insert("0".into(), serde_json::Value::String(text));
            }
            // Inside <script type="application/json">: nothing may close the element.
            // Text, not marked safe: the template escapes it into its attribute.
            Ok(Value::from(json_text(&serde_json::Value::Object(out))))
        },
    );
}

/// JSON to go inside `<script type="application/json">`: nothing in it may close the element.
fn json_text(v: &serde_json::Value) -> String {
    v.to_string().replace('<', "\\u003c")
}

/// One number in each plural category `tag` has (CLDR's rules, through ICU4X).
fn samples(tag: &str) -> Vec<(&'static str, i64)> {
    use icu_plurals::{PluralCategory, PluralRules};
    let Ok(loc) = tag.parse::<icu_locale_core::Locale>() else {
        return vec![("other", 5)];
    };
    let Ok(rules) = PluralRules::try_new_cardinal((&loc).into()) else {
        return vec![("other", 5)];
    };
    let mut out: Vec<(&'static str, i64)> = Vec::new();
    // 0 last: a message may have an exact `[0]` variant, which is not the category's form.
    for n in (1..=200i64).chain([0]) {
        let c = match rules.category_for(n as u64) {
            PluralCategory::Zero => "zero",
            PluralCategory::One => "one",
            PluralCategory::Two => "two",
            PluralCategory::Few => "few",
            PluralCategory::Many => "many",
            PluralCategory::Other => "other",
        };
        if !out.iter().any(|(k, _)| *k == c) {
            out.push((c, n));
        }
    }
    out
}

/// The variables of a call: text (escaped for an `-html` message) and numbers.
#[allow(clippy::type_complexity)]
fn args(
    kwargs: &Kwargs,
    html: bool,
    skip: &str,
) -> TeraResult<(Vec<(String, String)>, Vec<(String, Arg<'static>)>)> {
    let mut text = Vec::new();
    let mut nums = Vec::new();
    for (k, v) in kwargs.iter() {
        let Some(name) = k.as_str() else { continue };
        if name == skip {
            continue;
        }
        if let Some(n) = v.as_i64() {
            nums.push((name.to_string(), Arg::Num(n)));
        } else if let Some(x) = v.as_f64().filter(|_| v.is_number()) {
            nums.push((name.to_string(), Arg::Float(x)));
        } else if let Some(s) = v.as_str() {
            let s = if html && !v.is_safe() {
                escape::markup(s)
            } else {
                s.to_string()
            };
            text.push((name.to_string(), s));
        } else if v.is_none() || v.is_undefined() {
            text.push((name.to_string(), String::new()));
        } else {
            let s = v.to_string();
            text.push((name.to_string(), if html { escape::markup(&s) } else { s }));
        }
    }
    Ok((text, nums))
}

fn as_args<'a>(
    text: &'a [(String, String)],
    nums: &'a [(String, Arg<'static>)],
) -> Vec<(&'a str, Arg<'a>)> {
    text.iter()
        .map(|(k, v)| (k.as_str(), Arg::Str(v.as_str())))
        .chain(nums.iter().map(|(k, a)| (k.as_str(), *a)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::util::i18n::Source;

    /// An engine whose `t` reads a catalogue of `tag` made from `ftl`.
    fn engine(tag: &str, ftl: &str) -> Tera {
        let src = Source {
            origin: format!("{tag}.ftl"),
            text: ftl.into(),
            site: false,
        };
        let (cat, problems) = Catalogue::new(tag, &[src]);
        assert!(problems.is_empty(), "{problems:?}");
        let mut tera = Tera::new();
        register(&mut tera, Arc::new(cat));
        tera
    }

    fn render(tera: &Tera, template: &str) -> String {
        tera.render_str(template, &tera::Context::new(), false)
            .unwrap_or_else(|e| panic!("{template}: {e:?}"))
    }

    #[test]
    fn t_never_answers_a_call_with_variables_from_its_memo() {
        let en = engine(
            "en",
            "plain = Plain\ngreet = Hello, { $name }!\n\
             days = { $n ->\n [one] one day\n *[other] { $n } days\n}\n",
        );
        // Asked again and again, on one page and the next: the message without variables
        // reads the same; each call with variables reads its own.
        for _ in 0..2 {
            assert_eq!(
                render(
                    &en,
                    r#"{{ t(key="plain") }}|{{ t(key="greet", name="Ada") }}|{{ t(key="greet", name="Bob") }}|{{ t(key="plain") }}"#
                ),
                "Plain|Hello, Ada!|Hello, Bob!|Plain"
            );
            assert_eq!(
                render(
                    &en,
                    r#"{{ t(key="days", n=1) }}|{{ t(key="days", n=5) }}|{{ t(key="days", n=1) }}"#
                ),
                "one day|5 days|one day"
            );
        }
        // Called without the variable it needs, the message cannot be formatted: an error
        // each time, not an answer from an earlier call that had it.
        for _ in 0..2 {
            let e = en
                .render_str(r#"{{ t(key="greet") }}"#, &tera::Context::new(), false)
                .unwrap_err();
            assert!(format!("{e:?}").contains("no message `greet`"), "{e:?}");
        }
        // Each engine has its own memo: another catalogue's text for the same key.
        let de = engine("de", "plain = Schlicht\ngreet = Hallo, { $name }!\n");
        for _ in 0..2 {
            assert_eq!(render(&en, r#"{{ t(key="plain") }}"#), "Plain");
            assert_eq!(render(&de, r#"{{ t(key="plain") }}"#), "Schlicht");
            assert_eq!(
                render(&de, r#"{{ t(key="greet", name="Eva") }}"#),
                "Hallo, Eva!"
            );
        }
    }
}
