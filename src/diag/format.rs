//! Diagnostic formats: rustc-style for people (with the source line and a caret, via
//! `annotate-snippets`), JSON Lines for tools, GitHub Actions workflow commands for CI. The only
//! place diagnostics are turned into text; `check`, `build` and `serve` all print through it.

use super::{Diagnostic, Severity};
use std::path::Path;

/// The line `line` (1-based) of `text`, and its byte offset.
fn line_of(text: &str, line: usize) -> Option<(&str, usize)> {
    let mut offset = 0;
    for (n, l) in text.split_inclusive('\n').enumerate() {
        if n + 1 == line {
            return Some((l.trim_end_matches(['\n', '\r']), offset));
        }
        offset += l.len();
    }
    None
}

/// rustc-style: the message with its code, the source line with a caret under the span, and
/// the help. `source` reads a file (the real one in the CLI).
pub fn human(d: &Diagnostic, source: &dyn Fn(&Path) -> Option<String>, color: bool) -> String {
    use annotate_snippets::{AnnotationKind, Level, Renderer, Snippet};
    let level = match d.severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
    };
    // Nothing from a file name, a value or a source line reaches the terminal or a CI log as a
    // control character: a newline in a file name could forge a line of its own.
    let path = super::printable(&d.path.display().to_string()).into_owned();
    let message = super::printable(&d.message).into_owned();
    let text = if d.line > 0 { source(&d.path) } else { None };
    let title = level
        .primary_title(message.as_str())
        .id(d.code.id.to_string());
    let located = text
        .as_deref()
        .and_then(|t| line_of(t, d.line))
        .map(|(line, _)| {
            // `col` counts characters and `len` bytes of the original line; the snippet wants
            // bytes of the line as shown, where an unprintable character may have a picture of
            // another width. Both ends are found in characters, which showing keeps one for one.
            let start = line
                .char_indices()
                .nth(d.col.saturating_sub(1))
                .map_or(line.len(), |(b, _)| b);
            let end = if d.len == 0 {
                line[start..]
                    .chars()
                    .next()
                    .map_or(start, |c| start + c.len_utf8())
            } else {
                let mut end = (start + d.len).min(line.len());
                while !line.is_char_boundary(end) {
                    end += 1;
                }
                end
            };
            let (from, to) = (line[..start].chars().count(), line[..end].chars().count());
            let shown = visible(line);
            let byte_at = |n: usize| shown.char_indices().nth(n).map_or(shown.len(), |(b, _)| b);
            let span = byte_at(from)..byte_at(to);
            (shown.into_owned(), span)
        });
    let mut group = match &located {
        Some((line, span)) => title.element(
            Snippet::source(line.as_str())
                .line_start(d.line)
                .path(path.as_str())
                .annotation(AnnotationKind::Primary.span(span.clone())),
        ),
        None => title.element(Level::NOTE.message(if d.line > 0 {
            format!("in {path}:{}:{}", d.line, d.col)
        } else {
            format!("in {path}")
        })),
    };
    let help = d.help.as_deref().map(super::printable);
    if let Some(h) = &help {
        group = group.element(Level::HELP.message(h.as_ref()));
    }
    let note = format!("{} {}", d.code.id, d.code.name);
    group = group.element(Level::NOTE.message(format!(
        "{note}: see docs/diagnostics.md#{}",
        d.code.id.to_lowercase()
    )));
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    renderer.render(&[group])
}

/// A source line as it can be shown: each unprintable character becomes one visible character
/// (its Unicode control picture, `␀` for U+0000, or `�`), so columns still line up. Tabs stay.
fn visible(line: &str) -> std::borrow::Cow<'_, str> {
    if !line.chars().any(|c| c != '\t' && super::is_unprintable(c)) {
        return std::borrow::Cow::Borrowed(line);
    }
    line.chars()
        .map(|c| match c {
            '\t' => c,
            '\0'..='\u{1f}' => char::from_u32(0x2400 + c as u32).unwrap_or('\u{fffd}'),
            '\u{7f}' => '\u{2421}',
            c if super::is_unprintable(c) => '\u{fffd}',
            c => c,
        })
        .collect::<String>()
        .into()
}

/// [`human`] with the source read from disk (lossily, so a file with invalid UTF-8 still shows
/// the line up to the bad byte).
pub fn human_on_disk(d: &Diagnostic, color: bool) -> String {
    let read = |p: &Path| {
        std::fs::read(p)
            .ok()
            .map(|b| String::from_utf8_lossy(&b).into_owned())
    };
    human(d, &read, color)
}

/// One JSON object per diagnostic (JSON Lines).
pub fn json(d: &Diagnostic) -> String {
    serde_json::json!({
        "file": d.path.display().to_string(),
        "line": d.line,
        "column": d.col,
        "severity": d.severity.id(),
        "code": d.code.id,
        "name": d.code.name,
        "message": d.message,
        "help": d.help,
    })
    .to_string()
}

/// A GitHub Actions workflow command: `::error file=…,line=…,col=…,title=…::message`.
pub fn github(d: &Diagnostic) -> String {
    // https://docs.github.com/actions/reference/workflow-commands-for-github-actions
    let data = |s: &str| {
        // Line breaks become the command's own escapes below; every other unprintable
        // character is written out (`\u{1b}`) so that nothing in a file name or value acts on
        // the log.
        let s: String = s
            .chars()
            .map(|c| match c {
                '\n' | '\r' => c.to_string(),
                c => super::printable(c.encode_utf8(&mut [0; 4])).into_owned(),
            })
            .collect();
        s.replace('%', "%25")
            .replace('\r', "%0D")
            .replace('\n', "%0A")
    };
    let prop = |s: &str| data(s).replace(':', "%3A").replace(',', "%2C");
    let mut props = vec![format!("file={}", prop(&d.path.display().to_string()))];
    if d.line > 0 {
        props.push(format!("line={}", d.line));
        props.push(format!("col={}", d.col));
    }
    props.push(format!(
        "title={}",
        prop(&format!("{} {}", d.code.id, d.code.name))
    ));
    let mut message = d.message.clone();
    if let Some(h) = &d.help {
        message.push_str("\nhelp: ");
        message.push_str(h);
    }
    format!(
        "::{} {}::{}",
        d.severity.id(),
        props.join(","),
        data(&message)
    )
}
