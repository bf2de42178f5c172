//! Diagnostics: every problem found in a site, located at `path:line:col`.
//!
//! Stages never stop at the first problem in a file set; they push into a [`Diagnostics`]
//! collection and the build fails at the end of the stage if any error was recorded.

pub mod format;

pub use format::{github, human, human_on_disk, json};

use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};

/// How bad a problem is: errors stop the build, warnings do not (unless denied).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    pub fn id(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// A stable diagnostic code, e.g. `E0003 unknown-component`, explained in
/// docs/diagnostics.md.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Code {
    pub id: &'static str,
    pub name: &'static str,
}

/// Written as its id (`E0003`); read back only as a code this version knows.
impl serde::Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.id)
    }
}

impl<'de> serde::Deserialize<'de> for Code {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Code, D::Error> {
        let id = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        codes::ALL
            .iter()
            .find(|c| c.id == id)
            .copied()
            .ok_or_else(|| serde::de::Error::custom(format!("unknown diagnostic code {id}")))
    }
}

macro_rules! codes {
    ($($konst:ident = $id:literal $name:literal;)+) => {
        /// Every diagnostic code. Codes are never reused or renumbered.
        pub mod codes {
            use super::Code;
            $(pub const $konst: Code = Code { id: $id, name: $name };)+
            pub const ALL: &[Code] = &[$($konst),+];
        }
    };
}

codes! {
    INVALID = "E0000" "invalid";
    TOML_SYNTAX = "E0001" "toml-syntax";
    UNKNOWN_KEY = "E0002" "unknown-key";
    UNKNOWN_COMPONENT = "E0003" "unknown-component";
    UNKNOWN_SEVERITY = "E0004" "unknown-severity";
    UNKNOWN_STATUS = "E0005" "unknown-status";
    UNKNOWN_LEVEL = "E0006" "unknown-level";
    WRONG_TYPE = "E0007" "wrong-type";
    MISSING_KEY = "E0008" "missing-key";
    BAD_TIME = "E0009" "bad-time";
    OUT_OF_ORDER = "E0010" "out-of-order";
    BAD_ID = "E0011" "bad-id";
    DUPLICATE = "E0012" "duplicate";
    EMPTY_VALUE = "E0013" "empty-value";
    FRONT_MATTER = "E0014" "front-matter";
    UNREADABLE = "E0015" "unreadable";
    BAD_VALUE = "E0016" "bad-value";
    MISPLACED_KEY = "E0017" "misplaced-key";
    UNKNOWN_GROUP = "E0018" "unknown-group";
    IMPACT_NOT_LISTED = "E0019" "impact-not-listed";
    BAD_LINK = "E0020" "bad-link";
    NO_CONTENT = "E0021" "no-content";
    THEME = "E0022" "theme";
    TIME_OUT_OF_RANGE = "E0023" "time-out-of-range";
    TOO_LARGE = "E0024" "too-large";
    CONTROL_CHARACTER = "E0025" "control-character";
    PATH_TOO_LONG = "E0026" "path-too-long";
    OUTPUT_CONFLICT = "E0027" "output-conflict";
    TEMPLATE_RENDER = "E0028" "template-render";
    UNKNOWN_FACTOR = "E0029" "unknown-factor";
    UNKNOWN_DETECTION = "E0030" "unknown-detection";
    UNKNOWN_RELATED = "E0031" "unknown-related";
    MISSING_MESSAGE = "E0032" "missing-message";
    FTL_SYNTAX = "E0033" "ftl-syntax";
    MISSING_SUMMARY = "W0001" "missing-summary";
    NO_POSTMORTEM = "W0002" "no-postmortem";
    OVERDUE_ACTION = "W0003" "overdue-action-item";
    ENTRY_AFTER_RESOLVED = "W0004" "entry-after-resolved";
    IMPACT_OUTSIDE = "W0005" "impact-outside-incident";
    LONG_INCIDENT = "W0006" "long-incident";
    STARTS_IN_FUTURE = "W0007" "starts-in-future";
    BROKEN_LINK = "W0008" "broken-link";
    MISSING_IMAGE = "W0009" "missing-image";
    UNSAFE_LINK = "W0010" "unsafe-link";
    INCOMPLETE_POSTMORTEM = "W0011" "incomplete-postmortem";
    STUCK_IN_REVIEW = "W0012" "stuck-in-review";
    UNOWNED_ACTION = "W0013" "unowned-action-item";
    RELATED_DRAFT = "W0014" "related-draft";
    LONG_UNRESOLVED = "W0015" "long-unresolved";
}

/// Whether `c` must never reach a reader or a log as itself: C0 and C1 control characters
/// (tab, line feed and carriage return included, for logs), DEL, the bidirectional overrides and
/// isolates that can make a terminal show text in another order, and the noncharacters.
pub fn is_unprintable(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
        || is_noncharacter(c)
}

/// Unicode noncharacters: U+FDD0–U+FDEF and the last two code points of every plane.
pub fn is_noncharacter(c: char) -> bool {
    matches!(c, '\u{FDD0}'..='\u{FDEF}') || (c as u32 & 0xFFFE) == 0xFFFE
}

/// `s` with every [unprintable](is_unprintable) character written as a Rust-style escape
/// (`\n`, `\u{1b}`), so that a file name or value shown in a message can never start a new
/// line in a CI log (a forged `::error` command) or send a terminal escape sequence.
pub fn printable(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.chars().any(is_unprintable) {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if is_unprintable(c) => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    std::borrow::Cow::Owned(out)
}

/// One problem in one file.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Diagnostic {
    /// The file, as the user would type it (relative to the current folder when possible).
    pub path: PathBuf,
    /// 1-based line in the file (0 when the problem is about the file as a whole).
    pub line: usize,
    /// 1-based column, in characters.
    pub col: usize,
    /// Length of the offending text on that line, in bytes (0: a point).
    pub len: usize,
    pub severity: Severity,
    pub code: Code,
    pub message: String,
    pub help: Option<String>,
}

impl Diagnostic {
    /// A problem about a whole file (unreadable, invalid UTF-8, …).
    pub fn file(path: &Path, message: impl Into<String>) -> Self {
        Diagnostic::point(path, 0, 0, message)
    }

    /// A problem at `line:col` with no span.
    pub fn point(path: &Path, line: usize, col: usize, message: impl Into<String>) -> Self {
        Diagnostic {
            path: path.to_path_buf(),
            line,
            col,
            len: 0,
            severity: Severity::Error,
            code: codes::INVALID,
            message: message.into(),
            help: None,
        }
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub fn with_code(mut self, code: Code) -> Self {
        self.code = code;
        self
    }

    pub fn warning(mut self) -> Self {
        self.severity = Severity::Warning;
        self
    }
}

impl fmt::Display for Diagnostic {
    /// `path:line:col: message`, with any [unprintable](is_unprintable) character escaped.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = self.path.display().to_string();
        let (path, message) = (printable(&path), printable(&self.message));
        if self.line == 0 {
            write!(f, "{path}: {message}")?;
        } else {
            write!(f, "{path}:{}:{}: {message}", self.line, self.col)?;
        }
        if let Some(help) = &self.help {
            write!(f, "\n  help: {}", printable(help))?;
        }
        Ok(())
    }
}

/// A source file's text with a line index, to turn byte offsets into `line:col`.
pub struct SourceMap<'a> {
    pub path: &'a Path,
    text: &'a str,
    /// Byte offset of each line start, worked out on first use: most files never need it.
    line_starts: std::sync::OnceLock<Vec<usize>>,
}

impl<'a> SourceMap<'a> {
    pub fn new(path: &'a Path, text: &'a str) -> Self {
        SourceMap {
            path,
            text,
            line_starts: std::sync::OnceLock::new(),
        }
    }

    /// `(line, col)`, both 1-based; the column counts characters.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let starts = self.line_starts.get_or_init(|| {
            let mut v = vec![0];
            v.extend(self.text.match_indices('\n').map(|(i, _)| i + 1));
            v
        });
        let line = starts.partition_point(|&s| s <= offset) - 1;
        let start = starts[line];
        let col = self
            .text
            .get(start..offset)
            .map_or(offset - start, |s| s.chars().count());
        (line + 1, col + 1)
    }

    /// [`SourceMap::at`] with a code.
    pub fn at_code(
        &self,
        code: Code,
        span: Range<usize>,
        message: impl Into<String>,
    ) -> Diagnostic {
        self.at(span, message).with_code(code)
    }

    /// A diagnostic at the start of `span` (a byte range in this file).
    pub fn at(&self, span: Range<usize>, message: impl Into<String>) -> Diagnostic {
        let (line, col) = self.line_col(span.start);
        // The span, cut at the end of its first line.
        let start = span.start.min(self.text.len());
        let end = span.end.clamp(start, self.text.len());
        let len = self.text[start..end].find('\n').unwrap_or(end - start);
        let mut d = Diagnostic::point(self.path, line, col, message);
        d.len = len;
        d
    }
}

/// An ordered collection of diagnostics.
#[derive(Debug, Default)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl Diagnostics {
    pub fn push(&mut self, d: Diagnostic) {
        self.0.push(d);
    }
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
    pub fn extend(&mut self, other: Diagnostics) {
        self.0.extend(other.0);
    }
    /// Sorted by file, line and column, so output is stable whatever order files were read in.
    pub fn sorted(mut self) -> Vec<Diagnostic> {
        self.0.sort_by(|a, b| {
            (&a.path, a.line, a.col, &a.message, a.severity)
                .cmp(&(&b.path, b.line, b.col, &b.message, b.severity))
        });
        self.0.dedup();
        self.0
    }
}

/// The closest candidate to `word`, if it is close enough to be a plausible typo.
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (strsim::damerau_levenshtein(word, c), c))
        .filter(|&(d, c)| d <= 2.max(c.len() / 3) && d < c.len().max(word.len()))
        .min_by_key(|&(d, c)| (d, c))
        .map(|(_, c)| c)
}

/// `help: did you mean "x"?` or a list of what is allowed.
pub fn suggestion(word: &str, candidates: &[&str]) -> String {
    match did_you_mean(word, candidates.iter().copied()) {
        Some(c) => format!("did you mean `{c}`?"),
        None => format!("expected one of: {}", candidates.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_characters() {
        let text = "ab\ncé x\n";
        let map = SourceMap::new(Path::new("f"), text);
        assert_eq!(map.line_col(0), (1, 1));
        assert_eq!(map.line_col(3), (2, 1));
        // "cé " is 4 bytes, 3 characters.
        assert_eq!(map.line_col(7), (2, 4));
    }

    #[test]
    fn suggests_close_words_only() {
        assert_eq!(did_you_mean("titel", ["title", "tags"]), Some("title"));
        assert_eq!(did_you_mean("severty", ["severity"]), Some("severity"));
        assert_eq!(did_you_mean("zzz", ["title", "tags"]), None);
    }
}
