//! Messages in the reader's language: a Project Fluent catalogue (`i18n/<lang>.ftl`, the
//! theme's then the site's, message by message), numbers through ICU4X, and the language's
//! writing direction. docs/i18n.md says how catalogues are written and checked.
//!
//! A [`Catalogue`] is made once per build and shared by every page, feed and template call.
//! What makes a catalogue complete (every message and attribute of the reference language,
//! English, and no variable or reference the theme cannot fill) is [`Catalogue::problems`].

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use fluent_syntax::ast;
use std::collections::{BTreeMap, BTreeSet};

/// The language every other catalogue is compared with: the theme's `en.ftl` holds every key.
pub const REFERENCE: &str = "en";

/// One `.ftl` file: where it comes from (for messages) and its text.
#[derive(Debug, Clone, Hash, Default)]
pub struct Source {
    pub origin: String,
    pub text: String,
    /// A site's own file (`i18n/<tag>.ftl` in the site), not a theme's.
    pub site: bool,
}

/// What is wrong with a catalogue: a `.ftl` file that does not parse, or a message missing or
/// unusable in the site's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub kind: ProblemKind,
    /// The file the problem is in (the site's language's last file for a missing message).
    pub origin: String,
    /// 1-based; 0 when the problem is about the file as a whole.
    pub line: usize,
    pub col: usize,
    pub message: String,
    pub help: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProblemKind {
    Syntax,
    Missing,
}

/// A language's messages, ready to format.
pub struct Catalogue {
    tag: String,
    rtl: bool,
    bundle: FluentBundle<FluentResource>,
    /// A digest of every source, for cache keys.
    digest: u64,
}

impl std::fmt::Debug for Catalogue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Catalogue").field("tag", &self.tag).finish()
    }
}

/// An argument of a message: a number (plural rules apply, and it is written the locale's way)
/// or text.
#[derive(Debug, Clone, Copy)]
pub enum Arg<'a> {
    Num(i64),
    Float(f64),
    /// A decimal written out (`99.90`): its digits after the point are kept.
    Decimal(&'a str),
    Str(&'a str),
}

impl From<i64> for Arg<'_> {
    fn from(n: i64) -> Self {
        Arg::Num(n)
    }
}
impl From<usize> for Arg<'_> {
    fn from(n: usize) -> Self {
        Arg::Num(i64::try_from(n).unwrap_or(i64::MAX))
    }
}
impl From<u32> for Arg<'_> {
    fn from(n: u32) -> Self {
        Arg::Num(n.into())
    }
}
impl<'a> From<&'a str> for Arg<'a> {
    fn from(s: &'a str) -> Self {
        Arg::Str(s)
    }
}
impl<'a> From<&'a String> for Arg<'a> {
    fn from(s: &'a String) -> Self {
        Arg::Str(s)
    }
}

/// Whether `tag` is a BCP 47 language tag ICU4X knows the language of: the message when not.
pub fn check_tag(tag: &str) -> Result<(), String> {
    let id: icu_locale_core::LanguageIdentifier = tag
        .parse()
        .map_err(|_| format!("`{tag}` is not a BCP 47 language tag"))?;
    if id.to_string() != tag {
        return Err(format!(
            "`{tag}` is not written the canonical way: write `{id}`"
        ));
    }
    if tag.parse::<unic_langid::LanguageIdentifier>().is_err() {
        return Err(format!("`{tag}` is not a language tag Fluent can read"));
    }
    // Likely subtags know every language CLDR has data for; for any other, ICU4X would fall
    // back to its root locale (English-like dates) without a word.
    let mut max = id.clone();
    icu_locale::LocaleExpander::new_common().maximize(&mut max);
    let known = max.script.is_some() && max.language != icu_locale_core::subtags::Language::UNKNOWN;
    let mut lang_only = icu_locale_core::LanguageIdentifier::from(id.language);
    let expanded = icu_locale::LocaleExpander::new_common().maximize(&mut lang_only);
    if !known || expanded == icu_locale::TransformResult::Unmodified {
        return Err(format!(
            "afterword has no locale data for the language of `{tag}` (ICU4X does not know `{}`)",
            id.language
        ));
    }
    Ok(())
}

/// `dir="rtl"` or `ltr` for a valid tag.
pub fn is_rtl(tag: &str) -> bool {
    tag.parse::<icu_locale_core::LanguageIdentifier>()
        .is_ok_and(|id| icu_locale::LocaleDirectionality::new_common().is_right_to_left(&id))
}

/// Parse one file: its resource (bad entries left out) and its syntax errors.
pub fn parse(src: &Source) -> (FluentResource, Vec<Problem>) {
    match FluentResource::try_new(src.text.clone()) {
        Ok(r) => (r, Vec::new()),
        Err((r, errors)) => {
            let problems = errors
                .iter()
                .map(|e| {
                    // The entry that does not parse starts at `slice`; `pos` may be the start
                    // of the next line (an unclosed `{`).
                    let at = e.slice.as_ref().map_or(e.pos.start, |r| r.start);
                    let (line, col) = line_col(&src.text, at);
                    Problem {
                        kind: ProblemKind::Syntax,
                        origin: src.origin.clone(),
                        line,
                        col,
                        message: format!("the message catalogue does not parse: {}", e.kind),
                        help: "Fluent syntax: https://projectfluent.org/fluent/guide/".into(),
                    }
                })
                .collect();
            (r, problems)
        }
    }
}

/// 1-based line and column (in characters) of byte `at`.
fn line_col(text: &str, at: usize) -> (usize, usize) {
    let at = at.min(text.len());
    let before = text.get(..at).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

/// Where message `id` starts in `text` (line, column), when it can be found.
fn message_place(text: &str, id: &str) -> (usize, usize) {
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let rest = line.strip_prefix(id).map(str::trim_start);
        if rest.is_some_and(|r| r.starts_with('=')) {
            return line_col(text, at);
        }
        at += line.len();
    }
    (0, 0)
}

fn icu_number(v: &FluentValue, m: &intl_memoizer::concurrent::IntlLangMemoizer) -> Option<String> {
    let FluentValue::Number(n) = v else {
        return None;
    };
    let d = icu_decimal::input::Decimal::try_from_str(&n.as_string()).ok()?;
    m.with_try_get::<NumberFormat, _, _>((), |f| f.0.format(&d).to_string())
        .ok()
}

/// ICU4X's number formatter for a bundle's language, made once per bundle (Fluent keeps it in
/// the bundle's memoizer), grouping as the language does (`1,200` in English). Years are passed
/// to messages as text, so that they stay `2024`.
struct NumberFormat(icu_decimal::DecimalFormatter);

impl intl_memoizer::Memoizable for NumberFormat {
    type Args = ();
    type Error = ();
    fn construct(lang: unic_langid::LanguageIdentifier, _: ()) -> Result<Self, ()> {
        let loc: icu_locale_core::Locale = lang.to_string().parse().map_err(|_| ())?;
        icu_decimal::DecimalFormatter::try_new((&loc).into(), Default::default())
            .map(NumberFormat)
            .map_err(|_| ())
    }
}

impl Catalogue {
    /// The catalogue of `tag` from its files, first to last (a later file's message replaces
    /// an earlier one's, key by key). Syntax errors are reported; what parsed is kept.
    pub fn new(tag: &str, sources: &[Source]) -> (Catalogue, Vec<Problem>) {
        let lang: unic_langid::LanguageIdentifier = tag.parse().unwrap_or_default();
        let mut bundle = FluentBundle::new_concurrent(vec![lang]);
        bundle.set_use_isolating(false);
        // NUMBER() and friends; the bundle is new, so nothing can clash.
        let _ = bundle.add_builtins();
        bundle.set_formatter(Some(icu_number));
        let mut problems = Vec::new();
        for src in sources {
            let (res, mut p) = parse(src);
            problems.append(&mut p);
            bundle.add_resource_overriding(res);
        }
        let digest = xxhash_rust::xxh3::xxh3_64(
            format!("{tag}\u{0}{}", {
                let mut all = String::new();
                for s in sources {
                    all.push_str(&s.text);
                    all.push('\u{0}');
                }
                all
            })
            .as_bytes(),
        );
        let catalogue = Catalogue {
            tag: tag.to_string(),
            rtl: is_rtl(tag),
            bundle,
            digest,
        };
        (catalogue, problems)
    }

    /// The BCP 47 tag, as `<html lang>` takes it.
    pub fn tag(&self) -> &str {
        &self.tag
    }

    /// `rtl` or `ltr`, as `<html dir>` takes it.
    pub fn dir(&self) -> &'static str {
        if self.rtl {
            "rtl"
        } else {
            "ltr"
        }
    }

    /// A digest of the language and every catalogue file, for cache keys.
    pub fn digest(&self) -> u64 {
        self.digest
    }

    /// Whether the catalogue has message `key` (`key.attr` for an attribute).
    pub fn has(&self, key: &str) -> bool {
        let (id, attr) = split_key(key);
        self.bundle.get_message(id).is_some_and(|m| match attr {
            Some(a) => m.get_attribute(a).is_some(),
            None => m.value().is_some(),
        })
    }

    /// Message `key` (`key.attr` for an attribute) with `args`; `None` when the catalogue has
    /// no such message or it references something that does not exist.
    pub fn try_format(&self, key: &str, args: &[(&str, Arg)]) -> Option<String> {
        let (id, attr) = split_key(key);
        let msg = self.bundle.get_message(id)?;
        let pattern = match attr {
            Some(a) => msg.get_attribute(a)?.value(),
            None => msg.value()?,
        };
        let fargs = (!args.is_empty()).then(|| {
            let mut f = FluentArgs::with_capacity(args.len());
            for (name, a) in args {
                match *a {
                    Arg::Num(n) => f.set(*name, n),
                    Arg::Float(x) => f.set(*name, x),
                    Arg::Decimal(d) => f.set(*name, FluentValue::try_number(d)),
                    Arg::Str(s) => f.set(*name, s),
                }
            }
            f
        });
        let mut errors = Vec::new();
        let out = self
            .bundle
            .format_pattern(pattern, fargs.as_ref(), &mut errors);
        errors.is_empty().then(|| out.into_owned())
    }

    /// [`Catalogue::try_format`], or the key in braces where it fails: `check` reports every
    /// message a catalogue lacks, so a page never shows this unless its theme asks for a
    /// message that no catalogue defines.
    pub fn format(&self, key: &str, args: &[(&str, Arg)]) -> String {
        self.try_format(key, args)
            .unwrap_or_else(|| format!("{{{key}}}"))
    }

    /// Message `key` with no arguments.
    pub fn get(&self, key: &str) -> String {
        self.format(key, &[])
    }

    /// A label from an id: `get("{prefix}-{id}")` with `_` in the id written `-`
    /// (`label("level", "major_outage")` is message `level-major-outage`).
    pub fn label(&self, prefix: &str, id: &str) -> String {
        self.get(&format!("{prefix}-{}", id.replace('_', "-")))
    }

    /// Every problem of this catalogue against the reference catalogue's files: each message
    /// and attribute the reference has and this one lacks, and each message that uses a
    /// variable the reference's message does not have or references something that does not
    /// exist. `origin` is where to report a missing message (the site's file for the language,
    /// or the theme's).
    pub fn problems(&self, reference: &[Source], origin: &Source) -> Vec<Problem> {
        let mut want: BTreeMap<String, (BTreeSet<String>, Vec<String>)> = BTreeMap::new();
        for src in reference {
            let (res, _) = parse(src);
            for e in res.entries() {
                if let ast::Entry::Message(m) = e {
                    let mut vars = BTreeSet::new();
                    if let Some(v) = &m.value {
                        pattern_vars(v, &mut vars);
                    }
                    for a in &m.attributes {
                        pattern_vars(&a.value, &mut vars);
                    }
                    let attrs = m.attributes.iter().map(|a| a.id.name.to_string()).collect();
                    want.insert(m.id.name.to_string(), (vars, attrs));
                }
            }
        }
        let mut out = Vec::new();
        let missing = |key: String, what: &str| Problem {
            kind: ProblemKind::Missing,
            origin: origin.origin.clone(),
            line: 0,
            col: 0,
            message: format!("the catalogue for `{}` has no {what} `{key}`", self.tag),
            help: format!(
                "add `{key}` to i18n/{}.ftl (the theme's en.ftl has every message)",
                self.tag
            ),
        };
        for (id, (vars, attrs)) in &want {
            let Some(msg) = self.bundle.get_message(id) else {
                out.push(missing(id.clone(), "message"));
                continue;
            };
            let check = |key: String, pattern: Option<&ast::Pattern<&str>>| -> Vec<Problem> {
                let mut out = Vec::new();
                let Some(p) = pattern else {
                    out.push(missing(key, "message value for"));
                    return out;
                };
                let mut used = BTreeSet::new();
                pattern_vars(p, &mut used);
                // Found only for a problem: finding it scans the file, for each message.
                let place = |message: String, help: String| {
                    let (line, col) =
                        message_place(&origin.text, key.split('.').next().unwrap_or(""));
                    Problem {
                        kind: ProblemKind::Missing,
                        origin: origin.origin.clone(),
                        line,
                        col,
                        message,
                        help,
                    }
                };
                for v in used.difference(vars) {
                    out.push(place(
                        format!(
                            "message `{key}` in `{}` uses the variable `${v}`, which the theme does not pass",
                            self.tag
                        ),
                        format!(
                            "use only {}",
                            if vars.is_empty() {
                                "text (this message has no variables)".to_string()
                            } else {
                                vars.iter().map(|v| format!("`${v}`")).collect::<Vec<_>>().join(", ")
                            }
                        ),
                    ));
                }
                if !out.is_empty() {
                    return out;
                }
                // Every variable set: what is left is a reference to a missing message or term.
                let mut args = FluentArgs::new();
                for v in vars {
                    args.set(v.as_str(), 3);
                }
                let mut errors = Vec::new();
                let _ = self.bundle.format_pattern(p, Some(&args), &mut errors);
                if let Some(e) = errors.first() {
                    out.push(place(
                        format!("message `{key}` in `{}` cannot be formatted: {e}", self.tag),
                        "reference only messages and terms the catalogue defines".into(),
                    ));
                }
                out
            };
            out.extend(check(id.clone(), msg.value()));
            for a in attrs {
                let key = format!("{id}.{a}");
                match msg.get_attribute(a) {
                    Some(attr) => out.extend(check(key, Some(attr.value()))),
                    None => out.push(missing(key, "attribute")),
                }
            }
        }
        out
    }

    /// Every message of the reference language as text with its placeables left out, for
    /// tests that look for English left on a page.
    pub fn texts(sources: &[Source]) -> Vec<(String, Vec<String>)> {
        let mut out = Vec::new();
        for src in sources {
            let (res, _) = parse(src);
            for e in res.entries() {
                if let ast::Entry::Message(m) = e {
                    let mut texts = Vec::new();
                    if let Some(v) = &m.value {
                        pattern_texts(v, &mut texts);
                    }
                    for a in &m.attributes {
                        pattern_texts(&a.value, &mut texts);
                    }
                    out.push((m.id.name.to_string(), texts));
                }
            }
        }
        out
    }
}

fn split_key(key: &str) -> (&str, Option<&str>) {
    match key.split_once('.') {
        Some((id, attr)) => (id, Some(attr)),
        None => (key, None),
    }
}

/// The variables a pattern uses, selectors included.
fn pattern_vars(p: &ast::Pattern<&str>, out: &mut BTreeSet<String>) {
    for el in &p.elements {
        if let ast::PatternElement::Placeable { expression } = el {
            expression_vars(expression, out);
        }
    }
}

fn expression_vars(e: &ast::Expression<&str>, out: &mut BTreeSet<String>) {
    match e {
        ast::Expression::Select { selector, variants } => {
            inline_vars(selector, out);
            for v in variants {
                pattern_vars(&v.value, out);
            }
        }
        ast::Expression::Inline(i) => inline_vars(i, out),
    }
}

fn inline_vars(i: &ast::InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match i {
        ast::InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_string());
        }
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                inline_vars(a, out);
            }
            for a in &arguments.named {
                inline_vars(&a.value, out);
            }
        }
        ast::InlineExpression::Placeable { expression } => expression_vars(expression, out),
        _ => {}
    }
}

/// The literal text of a pattern, each variant's and each run between placeables apart.
fn pattern_texts(p: &ast::Pattern<&str>, out: &mut Vec<String>) {
    let mut cur = String::new();
    for el in &p.elements {
        match el {
            ast::PatternElement::TextElement { value } => cur.push_str(value),
            ast::PatternElement::Placeable { expression } => {
                out.push(std::mem::take(&mut cur));
                match expression {
                    ast::Expression::Select { variants, .. } => {
                        for v in variants {
                            pattern_texts(&v.value, out);
                        }
                    }
                    ast::Expression::Inline(ast::InlineExpression::StringLiteral { value }) => {
                        cur.push_str(value)
                    }
                    ast::Expression::Inline(_) => {}
                }
            }
        }
    }
    out.push(cur);
    out.retain(|t| !t.trim().is_empty());
}

#[cfg(test)]
mod tests {
    use super::*;

    fn src(origin: &str, text: &str) -> Source {
        Source {
            origin: origin.into(),
            text: text.into(),
            site: false,
        }
    }

    #[test]
    fn tags_are_checked() {
        assert!(check_tag("en").is_ok());
        assert!(check_tag("ar").is_ok());
        assert!(check_tag("pt-BR").is_ok());
        assert!(check_tag("zh-Hans").is_ok());
        assert!(check_tag("de-CH").is_ok());
        assert!(check_tag("english").is_err());
        assert!(check_tag("en_US").is_err());
        assert!(check_tag("xx").is_err(), "{:?}", check_tag("xx"));
        assert!(check_tag("qq").is_err());
        assert!(is_rtl("ar") && is_rtl("he") && !is_rtl("en") && !is_rtl("ja"));
    }

    #[test]
    fn plurals_numbers_and_overrides() {
        let theme = src(
            "en.ftl",
            "days = { $count ->\n [one] { $count } day\n *[other] { $count } days\n}\nhello = Hello\n",
        );
        let (c, p) = Catalogue::new("en", std::slice::from_ref(&theme));
        assert!(p.is_empty());
        assert_eq!(c.format("days", &[("count", 1i64.into())]), "1 day");
        // Grouped as English groups: 12,345 and 1,200.
        assert_eq!(
            c.format("days", &[("count", 12345i64.into())]),
            "12,345 days"
        );
        assert_eq!(c.format("days", &[("count", 1200i64.into())]), "1,200 days");
        let site = src("site/i18n/en.ftl", "hello = Hi\n");
        let (c, _) = Catalogue::new("en", &[theme.clone(), site]);
        assert_eq!(c.get("hello"), "Hi");
        assert_eq!(c.get("nope"), "{nope}");
    }

    #[test]
    fn arabic_plural_categories() {
        // CLDR's Arabic rules: 0 zero, 1 one, 2 two, 3–10 few, 11–99 many, 100 other.
        let ar = src(
            "ar.ftl",
            "n = { $count ->\n [zero] z\n [one] o\n [two] t\n [few] f\n [many] m\n *[other] x\n}\n",
        );
        let (c, _) = Catalogue::new("ar", &[ar]);
        let f = |n: i64| c.format("n", &[("count", n.into())]);
        assert_eq!([0, 1, 2, 3, 11, 100].map(f), ["z", "o", "t", "f", "m", "x"]);
        assert_eq!(c.dir(), "rtl");
    }

    #[test]
    fn missing_messages_variables_and_references() {
        let en = src("en.ftl", "a = A\nb = B { $n }\n    .title = T\nc = C\n");
        let de = src("de.ftl", "a = A { $x }\nb = B\nc = { d }\n");
        let (cat, p) = Catalogue::new("de", std::slice::from_ref(&de));
        assert!(p.is_empty());
        let problems: Vec<String> = cat
            .problems(std::slice::from_ref(&en), &de)
            .into_iter()
            .map(|p| format!("{}:{} {}", p.line, p.col, p.message))
            .collect();
        assert_eq!(
            problems,
            [
                "1:1 message `a` in `de` uses the variable `$x`, which the theme does not pass",
                "0:0 the catalogue for `de` has no attribute `b.title`",
                "3:1 message `c` in `de` cannot be formatted: Resolver error: Unknown message: d",
            ]
        );
    }

    #[test]
    fn syntax_errors_have_a_line() {
        let bad = src("x.ftl", "ok = fine\nbad = { $x\nalso-bad\n");
        let (c, p) = Catalogue::new("en", &[bad]);
        assert_eq!(c.get("ok"), "fine");
        // The entry that does not parse starts on line 2.
        assert_eq!((p[0].line, p[0].kind), (2, ProblemKind::Syntax), "{p:?}");
    }
}
