//! The search index: what `/search/` (and `search.js`) reads, written under `search/` as
//! small static JSON files so that a reader's first search downloads only the parts it needs.
//!
//! Built from afterword's own data (each incident's title, summary, trigger, timeline
//! messages, postmortem, lessons, factor notes and action items), never by reading back the
//! pages it wrote. The format, version 1 (docs/search.md has the reader's side):
//!
//! - `search/index.json`: the manifest: the format version, the number of documents, the
//!   size of a document chunk, the term shards (their prefixes), the words left out for being
//!   in most documents, and each facet's values with labels and counts.
//! - `search/t/<hex of prefix>.json`: a shard: `{term: [doc, score, doc delta, score, …]}`, for
//!   the terms starting with its prefix. A shard that would exceed [`SHARD_BYTES`] is split by
//!   a longer prefix.
//! - `search/d/<n>.json`: documents `n·CHUNK ..`: `[path, title, date, iso time, severity,
//!   status]` each. Document ids are the incidents' order on the site, newest first, so the
//!   id order is the date order.
//! - `search/f/<facet>.json`: `{value: [doc, doc delta, …]}` for each facet value.
//!
//! Everything is sorted, so the same input gives the same bytes.

use super::context::{FacetValueView, FacetView};
use crate::input::config::Config;
use crate::model::Incident;
use crate::util::timefmt::Locale;
use chrono::Datelike;
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// The format's version, in the manifest; `search.js` refuses another.
pub const VERSION: u32 = 1;
/// Documents per chunk file.
pub const CHUNK: usize = 25;
/// A shard larger than this (bytes of JSON) is split by a longer prefix.
pub const SHARD_BYTES: usize = 24 * 1024;
/// The shortest shard prefix, in characters: a small site's words are all in one shard
/// (prefix ""), split by first letter, then two, … as it grows.
const MIN_PREFIX: usize = 0;
/// The longest: a shard holding longer terms is not split further.
const MAX_PREFIX: usize = 6;
/// Words shorter or longer than these are not indexed.
const MIN_WORD: usize = 2;
const MAX_WORD: usize = 32;

/// Score of a word in a title, a summary, the rest.
const TITLE: u32 = 8;
const SUMMARY: u32 = 4;
const TEXT: u32 = 1;
const MAX_SCORE: u32 = 1000;

/// The facets, in the order the page lists them.
pub const FACETS: [&str; 5] = ["component", "severity", "year", "factor", "status"];

/// Each facet's heading in the site's language (message `search-facet-<id>`), in
/// [`FACETS`] order.
pub fn facet_names(loc: &Locale) -> Vec<String> {
    FACETS
        .iter()
        .map(|id| loc.text.label("search-facet", id))
        .collect()
}

/// One incident as the index holds it.
#[derive(Debug, Clone)]
pub struct SearchDoc {
    /// Root-relative page path, with the base path (`/status/incidents/x/`).
    pub path: String,
    pub title: String,
    pub date: String,
    pub iso: String,
    pub severity: String,
    pub status: String,
    /// Each word and its score.
    pub terms: DocTerms,
    /// (facet id, value id, value label).
    pub facets: Vec<(&'static str, String, String)>,
}

impl AsRef<SearchDoc> for SearchDoc {
    fn as_ref(&self) -> &SearchDoc {
        self
    }
}

/// A [`SearchDoc`] as `build`'s on-disk cache stores it: facets by their place in
/// [`FACETS`].
#[derive(serde::Serialize, serde::Deserialize)]
pub struct StoredDoc {
    path: String,
    title: String,
    date: String,
    iso: String,
    severity: String,
    status: String,
    text: String,
    spans: Vec<(u32, u32, u32)>,
    facets: Vec<(u8, String, String)>,
}

/// A [`StoredDoc`] as written, borrowed from its document (field for field: the encoding has
/// no names).
#[derive(serde::Serialize)]
pub struct StoredDocRef<'a> {
    path: &'a str,
    title: &'a str,
    date: &'a str,
    iso: &'a str,
    severity: &'a str,
    status: &'a str,
    text: &'a str,
    spans: &'a [(u32, u32, u32)],
    facets: Vec<(u8, &'a str, &'a str)>,
}

impl<'a> From<&'a SearchDoc> for StoredDocRef<'a> {
    fn from(d: &'a SearchDoc) -> StoredDocRef<'a> {
        StoredDocRef {
            path: &d.path,
            title: &d.title,
            date: &d.date,
            iso: &d.iso,
            severity: &d.severity,
            status: &d.status,
            text: &d.terms.text,
            spans: &d.terms.spans,
            facets: d
                .facets
                .iter()
                .map(|(f, v, l)| {
                    let at = FACETS.iter().position(|x| x == f).unwrap_or(usize::MAX);
                    (u8::try_from(at).unwrap_or(u8::MAX), v.as_str(), l.as_str())
                })
                .collect(),
        }
    }
}

impl StoredDoc {
    /// The document, or `None` when the stored one is not a document this version makes (a
    /// facet it does not know, a word outside its text).
    pub fn into_doc(self) -> Option<SearchDoc> {
        let facets = self
            .facets
            .into_iter()
            .map(|(f, v, l)| Some((*FACETS.get(usize::from(f))?, v, l)))
            .collect::<Option<Vec<_>>>()?;
        let words_ok = self
            .spans
            .iter()
            .all(|&(a, b, _)| a <= b && self.text.get(a as usize..b as usize).is_some());
        words_ok.then_some(SearchDoc {
            path: self.path,
            title: self.title,
            date: self.date,
            iso: self.iso,
            severity: self.severity,
            status: self.status,
            terms: DocTerms {
                text: self.text,
                spans: self.spans,
            },
            facets,
        })
    }
}

/// Collects the words of a document with their scores.
#[derive(Default)]
pub struct Words {
    terms: Terms,
}

/// Word → score (a fast hash: the keys are the site's own words, hashed millions of times).
pub type Terms = HashMap<String, u32, rustc_hash::FxBuildHasher>;

/// A document's words and scores, compact: the words one after another in `text`, and each
/// one's byte range and score.
#[derive(Debug, Clone, Default)]
pub struct DocTerms {
    text: String,
    spans: Vec<(u32, u32, u32)>,
}

impl DocTerms {
    pub fn iter(&self) -> impl Iterator<Item = (&str, u32)> {
        self.spans
            .iter()
            .map(|&(a, b, s)| (self.text.get(a as usize..b as usize).unwrap_or(""), s))
    }
}

impl Words {
    /// Add the words of plain `text` at `weight`.
    pub fn text(&mut self, text: &str, weight: u32) {
        // A word's `String` is made only the first time it is seen; a word already in lower
        // case (most of any text) is looked up as it is written, others through one buffer.
        let mut buf = String::new();
        for_each_word(text, |w| {
            let key: &str = if !w.bytes().any(|b| b.is_ascii_uppercase() || b >= 0x80) {
                w
            } else {
                buf.clear();
                if w.is_ascii() {
                    buf.push_str(w);
                    buf.make_ascii_lowercase();
                } else {
                    // As `str::to_lowercase` (and JavaScript's `toLowerCase`): a final sigma too.
                    buf.push_str(&w.to_lowercase());
                }
                &buf
            };
            match self.terms.get_mut(key) {
                Some(s) => *s = (*s + weight).min(MAX_SCORE),
                None => {
                    self.terms.insert(key.to_owned(), weight.min(MAX_SCORE));
                }
            }
        });
    }

    /// Add the text of `html` (tags dropped, entities decoded) at the plain weight.
    pub fn html(&mut self, html: &str) {
        self.text(&html_text(html), TEXT);
    }

    pub fn title(&mut self, text: &str) {
        self.text(text, TITLE);
    }

    pub fn summary(&mut self, text: &str) {
        self.text(text, SUMMARY);
    }

    pub fn plain(&mut self, text: &str) {
        self.text(text, TEXT);
    }

    /// The words in one buffer (one allocation per document rather than one per word).
    pub fn into_terms(self) -> DocTerms {
        let mut text = String::with_capacity(self.terms.keys().map(String::len).sum());
        let mut spans = Vec::with_capacity(self.terms.len());
        for (w, score) in self.terms {
            let start = text.len() as u32;
            text.push_str(&w);
            spans.push((start, text.len() as u32, score));
        }
        DocTerms { text, spans }
    }
}

/// The indexed words of `text`: runs of letters and digits, lower-cased, of 2 to 32
/// characters, except numbers of one or two digits (the parts of times and dates). Chinese and
/// Japanese are written without spaces between words: a run of their characters ([`is_cjk`])
/// is indexed as its overlapping pairs of characters ("データ障害" → "デー", "ータ", "タ障",
/// "障害"), as CJK search engines do, so a query finds any word inside the run.
/// `search.js` splits a query the same way.
#[cfg(test)]
pub fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    raw_words(text).map(str::to_lowercase)
}

/// [`words`] before lower-casing.
#[cfg(test)]
fn raw_words(text: &str) -> impl Iterator<Item = &str> {
    let mut all = Vec::new();
    for_each_word(text, |w| all.push(w));
    all.into_iter()
}

/// Whether `c` is written without spaces between words: kana and CJK ideographs (Han).
/// Hangul is not: Korean puts spaces between words. `search.js` has the same ranges.
fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF // Hiragana, Katakana (with the prolonged sound mark)
        | 0x31F0..=0x31FF // Katakana phonetic extensions
        | 0x3400..=0x4DBF // CJK Unified Ideographs Extension A
        | 0x4E00..=0x9FFF // CJK Unified Ideographs
        | 0xF900..=0xFAFF // CJK Compatibility Ideographs
        | 0xFF66..=0xFF9F // Halfwidth Katakana
        | 0x20000..=0x2FA1F) // Extensions B to F, Compatibility Supplement
}

/// Call `f` with each word of `text` (see [`words`]), as it is written. Bytes below 0x80 are
/// decided without decoding a character: most text is ASCII.
fn for_each_word<'t>(text: &'t str, mut f: impl FnMut(&'t str)) {
    let bytes = text.as_bytes();
    let (mut i, mut start, mut chars, mut digits) = (0, 0, 0usize, true);
    // The start of the previous character of a CJK run, if the last character was one.
    let mut cjk_prev: Option<usize> = None;
    // The word text[from..to] of `chars` characters, if it counts as one.
    let word = |from: usize, to: usize, chars: usize, digits: bool| {
        ((MIN_WORD..=MAX_WORD).contains(&chars) && !(chars < 3 && digits)).then(|| &text[from..to])
    };
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            // ASCII, most of any text: a run of letters and digits, or one other byte, at a time.
            cjk_prev = None;
            if ASCII_CLASS[usize::from(b)] & ALNUM == 0 {
                if chars > 0 {
                    if let Some(w) = word(start, i, chars, digits) {
                        f(w);
                    }
                    chars = 0;
                }
                i += 1;
                continue;
            }
            if chars == 0 {
                start = i;
                digits = true;
            }
            let run = i;
            while let Some(&c) = bytes.get(i) {
                let class = ASCII_CLASS[usize::from(c & 0x7f)] & !(c >> 7);
                if class & ALNUM == 0 {
                    break;
                }
                digits &= class & DIGIT != 0;
                i += 1;
            }
            chars += i - run;
            continue;
        }
        let (alnum, len, cjk) = text[i..].chars().next().map_or((false, 1, false), |c| {
            (c.is_alphanumeric(), c.len_utf8(), is_cjk(c))
        });
        if cjk {
            if chars > 0 {
                if let Some(w) = word(start, i, chars, digits) {
                    f(w);
                }
                chars = 0;
            }
            if let Some(prev) = cjk_prev {
                f(&text[prev..i + len]);
            }
            cjk_prev = Some(i);
        } else if alnum {
            cjk_prev = None;
            if chars == 0 {
                start = i;
            }
            chars += 1;
            // Not an ASCII digit.
            digits = false;
        } else {
            cjk_prev = None;
            if chars > 0 {
                if let Some(w) = word(start, i, chars, digits) {
                    f(w);
                }
                chars = 0;
            }
        }
        i += len;
    }
    if chars > 0 {
        if let Some(w) = word(start, bytes.len(), chars, digits) {
            f(w);
        }
    }
}

/// [`ASCII_CLASS`]: a letter or digit.
const ALNUM: u8 = 1;
/// [`ASCII_CLASS`]: a digit.
const DIGIT: u8 = 2;

/// Each ASCII byte's class ([`ALNUM`], [`DIGIT`]), for [`for_each_word`].
const ASCII_CLASS: [u8; 128] = {
    let mut t = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        if c.is_ascii_digit() {
            t[b] = ALNUM | DIGIT;
        } else if c.is_ascii_alphabetic() {
            t[b] = ALNUM;
        }
        b += 1;
    }
    t
};

/// The text of HTML that afterword rendered itself: tags dropped (each as a space), the
/// entities its escaping writes decoded.
pub fn html_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(k) = rest.find(['<', '&']) {
        out.push_str(&rest[..k]);
        rest = &rest[k..];
        if rest.starts_with('<') {
            out.push(' ');
            rest = rest.find('>').map_or("", |e| &rest[e + 1..]);
        } else {
            let (entity, len) = [
                ("&amp;", "&"),
                ("&lt;", "<"),
                ("&gt;", ">"),
                ("&quot;", "\""),
                ("&#39;", "'"),
                ("&#x27;", "'"),
            ]
            .iter()
            .find(|(e, _)| rest.starts_with(e))
            .map_or(("&", 1), |(e, d)| (*d, e.len()));
            out.push_str(entity);
            rest = &rest[len..];
        }
    }
    out.push_str(rest);
    out
}

/// The document of incident `i`, whose page is at `path`, from its rendered postmortem
/// `body_html` and timeline `messages` (HTML, as the page shows them).
pub fn doc(
    c: &Config,
    loc: &Locale,
    i: &Incident,
    path: String,
    body_html: &str,
    messages: &[String],
) -> SearchDoc {
    let tz = c.timezone;
    let mut w = Words::default();
    w.title(&i.title);
    w.summary(&i.summary);
    for t in i.trigger.iter().chain(&i.detected_by) {
        w.plain(t);
    }
    for m in messages {
        w.html(m);
    }
    w.html(body_html);
    let l = &i.lessons;
    for x in l.went_well.iter().chain(&l.went_wrong).chain(&l.lucky) {
        w.plain(x);
    }
    for f in &i.factors {
        w.plain(&f.note);
    }
    for a in &i.action_items {
        w.plain(&a.title);
    }
    let started = loc.view_with_precision(i.started, i.precision.started, tz, i.posted_tz);
    let severity = c
        .severity(&i.severity)
        .map_or(i.severity.as_str(), |s| s.name.as_str());
    let status = if i.ongoing() {
        ("ongoing", loc.text.get("search-state-ongoing"))
    } else {
        ("resolved", loc.text.get("search-state-resolved"))
    };
    let mut facets: Vec<(&'static str, String, String)> = Vec::new();
    for id in &i.components {
        // Hidden components are listed nowhere.
        if let Some(comp) = c.component(id).filter(|x| !x.hidden) {
            facets.push(("component", id.clone(), comp.display_name.clone()));
        }
    }
    facets.push(("severity", i.severity.clone(), severity.to_string()));
    let year = i.started.with_timezone(&tz).year().to_string();
    facets.push(("year", year.clone(), year));
    for f in &i.factors {
        let name = c.factor(&f.id).map_or(f.id.as_str(), |t| t.name.as_str());
        facets.push(("factor", f.id.clone(), name.to_string()));
    }
    facets.push(("status", status.0.to_string(), status.1.clone()));
    SearchDoc {
        path,
        title: i.title.clone(),
        date: started.date_display.clone(),
        iso: started.iso.clone(),
        severity: severity.to_string(),
        status: status.1,
        terms: w.into_terms(),
        facets,
    }
}

/// The files of the index for `docs` (in site order, newest first): path under the site
/// root → JSON.
pub fn files<D: AsRef<SearchDoc>>(docs: &[D], names: &[String]) -> Vec<(String, String)> {
    let n = docs.len();
    let docs: Vec<&SearchDoc> = docs.iter().map(AsRef::as_ref).collect();
    // Postings: term → [(doc, score)], docs ascending (documents are visited in order).
    let mut postings: HashMap<&str, Vec<(usize, u32)>, rustc_hash::FxBuildHasher> =
        HashMap::default();
    for (d, doc) in docs.iter().enumerate() {
        for (t, s) in doc.terms.iter() {
            postings.entry(t).or_default().push((d, s));
        }
    }
    let mut postings: Vec<(&str, Vec<(usize, u32)>)> = postings.into_iter().collect();
    postings.par_sort_unstable_by(|a, b| a.0.cmp(b.0));
    let mut out = Vec::new();
    let mut shard_names = Vec::new();
    let terms: Vec<(&str, String)> = postings
        .par_iter()
        .map(|(t, p)| (*t, postings_json(p)))
        .collect();
    shard(&terms, MIN_PREFIX, &mut |prefix, members| {
        let mut json = String::from("{");
        for (k, (t, p)) in members.iter().enumerate() {
            if k > 0 {
                json.push(',');
            }
            json.push_str(&serde_json::to_string(t).unwrap_or_default());
            json.push(':');
            json.push_str(p);
        }
        json.push('}');
        out.push((format!("search/t/{}.json", hex(prefix)), json));
        shard_names.push(prefix.to_string());
    });
    for (k, chunk) in docs.chunks(CHUNK).enumerate() {
        let rows: Vec<[&str; 6]> = chunk
            .iter()
            .map(|d| {
                [
                    d.path.as_str(),
                    &d.title,
                    &d.date,
                    &d.iso,
                    &d.severity,
                    &d.status,
                ]
            })
            .collect();
        out.push((
            format!("search/d/{k}.json"),
            serde_json::to_string(&rows).unwrap_or_default(),
        ));
    }
    // Facets: value → docs, and the labels and counts for the manifest.
    let mut facet_docs: BTreeMap<&str, BTreeMap<&str, Vec<usize>>> = BTreeMap::new();
    let mut labels: BTreeMap<(&str, &str), &str> = BTreeMap::new();
    for (d, doc) in docs.iter().enumerate() {
        for (f, v, l) in &doc.facets {
            let list = facet_docs.entry(f).or_default().entry(v).or_default();
            if list.last() != Some(&d) {
                list.push(d);
            }
            labels.insert((f, v), l);
        }
    }
    let mut manifest_facets = Vec::new();
    for (id, name) in FACETS.iter().copied().zip(names) {
        let values = facet_docs.get(id);
        let mut json = String::from("{");
        let mut listed = Vec::new();
        for (k, (v, ds)) in values.into_iter().flatten().enumerate() {
            if k > 0 {
                json.push(',');
            }
            json.push_str(&serde_json::to_string(v).unwrap_or_default());
            json.push(':');
            let deltas: Vec<usize> = ds
                .iter()
                .scan(0, |prev, &d| {
                    let delta = d - *prev;
                    *prev = d;
                    Some(delta)
                })
                .collect();
            json.push_str(&serde_json::to_string(&deltas).unwrap_or_default());
            listed.push(serde_json::json!({
                "value": v,
                "label": labels.get(&(id, *v)).copied().unwrap_or(v),
                "count": ds.len(),
            }));
        }
        json.push('}');
        out.push((format!("search/f/{id}.json"), json));
        manifest_facets.push(serde_json::json!({ "id": id, "name": name, "values": listed }));
    }
    let manifest = serde_json::json!({
        "version": VERSION,
        "docs": n,
        "chunk": CHUNK,
        "shards": shard_names,
        "facets": manifest_facets,
    });
    out.push((
        "search/index.json".to_string(),
        serde_json::to_string(&manifest).unwrap_or_default(),
    ));
    out.sort();
    out
}

/// Each facet with its values, labels and counts, for the search page (the same numbers as
/// the manifest's).
pub fn facet_views<D: AsRef<SearchDoc>>(docs: &[D], names: &[String]) -> Vec<FacetView> {
    let docs: Vec<&SearchDoc> = docs.iter().map(AsRef::as_ref).collect();
    FACETS
        .iter()
        .zip(names)
        .map(|(id, name)| {
            let mut values: BTreeMap<&str, (&str, usize)> = BTreeMap::new();
            for d in &docs {
                let mut seen = BTreeSet::new();
                for (f, v, l) in &d.facets {
                    if f == id && seen.insert(v) {
                        values.entry(v).or_insert((l, 0)).1 += 1;
                    }
                }
            }
            let mut values: Vec<FacetValueView> = values
                .into_iter()
                .map(|(v, (l, count))| FacetValueView {
                    value: v.to_string(),
                    label: l.to_string(),
                    count,
                })
                .collect();
            // Years newest first; the rest by label.
            if *id == "year" {
                values.reverse();
            } else {
                values.sort_by(|a, b| a.label.cmp(&b.label).then(a.value.cmp(&b.value)));
            }
            FacetView {
                id,
                name: name.clone(),
                values,
            }
        })
        .filter(|f| !f.values.is_empty())
        .collect()
}

/// `[doc, score, delta, score, …]`.
fn postings_json(p: &[(usize, u32)]) -> String {
    let mut s = String::with_capacity(p.len() * 5 + 2);
    s.push('[');
    let mut prev = 0;
    for (k, (d, score)) in p.iter().enumerate() {
        if k > 0 {
            s.push(',');
        }
        push_uint(&mut s, (d - prev) as u64);
        s.push(',');
        push_uint(&mut s, u64::from(*score));
        prev = *d;
    }
    s.push(']');
    s
}

/// `n` in decimal, without a temporary string.
fn push_uint(s: &mut String, mut n: u64) {
    let mut buf = [0u8; 20];
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    // Only ASCII digits were written.
    s.push_str(std::str::from_utf8(&buf[i..]).unwrap_or_default());
}

/// A term and its postings as JSON.
type Term<'a> = (&'a str, String);

/// The first `n` characters of `t`.
fn prefix(t: &str, n: usize) -> &str {
    t.char_indices().nth(n).map_or(t, |(k, _)| &t[..k])
}

/// Group `terms` (sorted) by their first `len` characters and hand each group to `emit`,
/// splitting a group that is too large by one more character (its terms no longer than the
/// prefix stay together under the prefix itself).
fn shard(terms: &[Term], len: usize, emit: &mut dyn FnMut(&str, &[Term])) {
    let mut start = 0;
    while start < terms.len() {
        let p = prefix(terms[start].0, len);
        let end = start
            + terms[start..]
                .iter()
                .take_while(|(t, _)| prefix(t, len) == p)
                .count();
        let group = &terms[start..end];
        let size: usize = group.iter().map(|(t, p)| t.len() + p.len() + 4).sum();
        if size > SHARD_BYTES && len < MAX_PREFIX {
            // Terms that are the prefix itself (shorter than len + 1) stay under `p`.
            let short = group
                .iter()
                .take_while(|(t, _)| t.chars().count() <= len)
                .count();
            if short > 0 {
                emit(p, &group[..short]);
            }
            shard(&group[short..], len + 1, emit);
        } else {
            emit(p, group);
        }
        start = end;
    }
}

/// Lower-case hexadecimal of the UTF-8 bytes: a file name for any prefix (`_` for the empty
/// one).
fn hex(s: &str) -> String {
    if s.is_empty() {
        return "_".into();
    }
    s.bytes().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names() -> Vec<String> {
        facet_names(&Locale::english())
    }

    fn doc(title: &str, body: &str, facets: &[(&'static str, &str)]) -> SearchDoc {
        let mut w = Words::default();
        w.title(title);
        w.html(body);
        SearchDoc {
            path: format!("/incidents/{}/", title.to_lowercase().replace(' ', "-")),
            title: title.into(),
            date: "Nov 3, 2025".into(),
            iso: "2025-11-03T12:00:00Z".into(),
            severity: "Major".into(),
            status: "Resolved".into(),
            terms: w.into_terms(),
            facets: facets
                .iter()
                .map(|(f, v)| (*f, v.to_string(), v.to_uppercase()))
                .collect(),
        }
    }

    proptest::proptest! {
        /// The byte-wise word splitter finds what splitting at every non-alphanumeric
        /// character finds.
        #[test]
        fn words_match_a_plain_split(text in "[a-zA-Z0-9 .,:;'’é中障害データßΣ한\\-]{0,80}") {
            // Split at every character that is not a letter or digit; within each piece,
            // CJK runs become their pairs and the rest are words.
            let mut plain: Vec<String> = Vec::new();
            for piece in text.split(|c: char| !c.is_alphanumeric()) {
                let chars: Vec<char> = piece.chars().collect();
                let mut k = 0;
                while k < chars.len() {
                    let cjk = is_cjk(chars[k]);
                    let mut e = k;
                    while e < chars.len() && is_cjk(chars[e]) == cjk {
                        e += 1;
                    }
                    let run = &chars[k..e];
                    if cjk {
                        plain.extend(run.windows(2).map(|p| p.iter().collect::<String>()));
                    } else if (MIN_WORD..=MAX_WORD).contains(&run.len())
                        && !(run.len() < 3 && run.iter().all(|c| c.is_ascii_digit()))
                    {
                        plain.push(run.iter().collect());
                    }
                    k = e;
                }
            }
            proptest::prop_assert_eq!(raw_words(&text).collect::<Vec<_>>(), plain);
        }
    }

    #[test]
    fn cjk_runs_are_indexed_as_pairs() {
        // "東京リージョンでAPI障害" (Tokyo region: API outage): the kana and kanji run before
        // "API" gives its 6 overlapping pairs, "API" is a word, "障害" one pair.
        let w: Vec<String> = words("東京リージョンでAPI障害。復旧済み").collect();
        assert_eq!(
            w,
            [
                "東京", "京リ", "リー", "ージ", "ジョ", "ョン", "ンで", "api", "障害", "復旧",
                "旧済", "済み"
            ]
        );
        // One character alone is no pair; Korean keeps its spaces and whole words.
        assert_eq!(words("第1回").collect::<Vec<_>>(), Vec::<String>::new());
        assert_eq!(words("서비스 장애").collect::<Vec<_>>(), ["서비스", "장애"]);
    }

    #[test]
    fn words_split_fold_and_bound() {
        let w: Vec<String> =
            words("DNS-Migration: the API’s 5xx rate; a Zürich x at 12:05 on 2025").collect();
        assert_eq!(
            w,
            [
                "dns",
                "migration",
                "the",
                "api",
                "5xx",
                "rate",
                "zürich",
                "at",
                "on",
                "2025"
            ]
        );
    }

    #[test]
    fn html_text_drops_tags_and_decodes() {
        assert_eq!(
            html_text("<p>a &lt;b&gt; &amp; <em>c</em>&#39;s</p>"),
            " a <b> &  c 's "
        );
    }

    #[test]
    fn postings_scores_facets_and_determinism() {
        let docs = vec![
            doc(
                "Database failover",
                "<p>The replica lagged.</p>",
                &[("component", "db")],
            ),
            doc(
                "API errors",
                "<p>Database connections ran out.</p>",
                &[("component", "api"), ("component", "db")],
            ),
        ];
        let files = files(&docs, &names());
        let get = |p: &str| {
            files
                .iter()
                .find(|(f, _)| f == p)
                .map(|(_, j)| j.clone())
                .unwrap()
        };
        // "database": doc 0 in the title (8), doc 1 in the text (1): [0,8, 1,1].
        // Two small documents: one shard, for the empty prefix.
        let shards = files.iter().filter(|(f, _)| f.starts_with("search/t/"));
        assert_eq!(shards.count(), 1);
        let shard: serde_json::Value = serde_json::from_str(&get("search/t/_.json")).unwrap();
        assert_eq!(shard["database"], serde_json::json!([0, 8, 1, 1]));
        let f: serde_json::Value = serde_json::from_str(&get("search/f/component.json")).unwrap();
        assert_eq!(f["db"], serde_json::json!([0, 1]));
        assert_eq!(f["api"], serde_json::json!([1]));
        let m: serde_json::Value = serde_json::from_str(&get("search/index.json")).unwrap();
        assert_eq!(m["docs"], 2);
        assert_eq!(m["facets"][0]["values"][1]["label"], "DB");
        assert_eq!(m["facets"][0]["values"][1]["count"], 2);
        assert_eq!(files, super::files(&docs, &names()));
    }

    #[test]
    fn a_word_scores_once_however_it_is_cased() {
        // "database" as written (looked up without a copy), "Database" and "DATABASE"
        // (lower-cased through the buffer), and "Ωmega"/"ωmega" (not ASCII): one term each,
        // their weights summed in one document.
        let mut w = Words::default();
        w.plain("database Database DATABASE ωmega");
        w.title("Ωmega database");
        let mut terms: Vec<(String, u32)> = w
            .into_terms()
            .iter()
            .map(|(t, s)| (t.to_string(), s))
            .collect();
        terms.sort();
        assert_eq!(
            terms,
            [
                ("database".to_string(), 3 * TEXT + TITLE),
                ("ωmega".to_string(), TEXT + TITLE)
            ]
        );
    }

    #[test]
    fn large_shards_split_by_longer_prefixes() {
        // 3,000 words starting "co": far over SHARD_BYTES, split into "coX…" shards; "co"
        // itself stays in the "co" shard.
        let body: String = (0..3000).map(|k| format!("co{k:x}q ")).collect::<String>() + " co";
        let docs = vec![doc("One", &body, &[])];
        let files = files(&docs, &names());
        let shards: Vec<&String> = files
            .iter()
            .map(|(f, _)| f)
            .filter(|f| f.starts_with("search/t/"))
            .collect();
        assert!(shards.len() > 2, "{shards:?}");
        for (f, j) in &files {
            if f.starts_with("search/t/") {
                assert!(j.len() <= SHARD_BYTES + 64, "{f}: {}", j.len());
            }
        }
        let co: serde_json::Value = serde_json::from_str(
            &files
                .iter()
                .find(|(f, _)| *f == format!("search/t/{}.json", hex("co")))
                .unwrap()
                .1,
        )
        .unwrap();
        assert_eq!(co.as_object().unwrap().keys().collect::<Vec<_>>(), ["co"]);
    }

    #[test]
    fn a_word_in_every_document_is_indexed_like_any_other() {
        // "the" is in all 30: every document is listed (ids 0..29, as deltas 0, 1, 1, …).
        let docs: Vec<SearchDoc> = (0..30)
            .map(|k| doc(&format!("Incident {k}"), "<p>the outage</p>", &[]))
            .collect();
        let files = files(&docs, &names());
        let shard = files
            .iter()
            .find(|(f, j)| f.starts_with("search/t/") && j.contains("\"the\""))
            .unwrap();
        let t: serde_json::Value = serde_json::from_str(&shard.1).unwrap();
        let p = t["the"].as_array().unwrap();
        assert_eq!(p.len(), 60);
        assert_eq!(p[0], 0);
        assert!(p[2..].iter().step_by(2).all(|d| *d == 1));
    }
}
