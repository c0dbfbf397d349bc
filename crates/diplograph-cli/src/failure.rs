//! Why a command failed, how it is shown, and its exit status: all in one place.

use std::io::{ErrorKind, Write};
use std::process::ExitCode;

use std::collections::HashMap;

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use diplograph::format::Limits;
use diplograph::{Error, Problem};

use crate::cli::LimitName;
use crate::render::clean;

/// The text of an input, kept when it has problems so that they can be shown in place.
pub struct Text {
    /// The label problems give as their file.
    pub label: String,
    /// The text, when it is UTF-8.
    pub text: Option<String>,
}

impl Text {
    /// Keeps `bytes` as text when they are UTF-8.
    pub fn new(label: String, bytes: Vec<u8>) -> Self {
        Text {
            label,
            text: String::from_utf8(bytes).ok(),
        }
    }
}

/// A command's failure.
pub enum Failure {
    /// An error from the core.
    Core(Error),
    /// Inputs with problems, and the texts they are in.
    Invalid {
        /// Every problem found.
        problems: Vec<Problem>,
        /// The texts of the inputs they are in.
        texts: Vec<Text>,
    },
    /// A question with no answer (no chain between two parties): exit status 1.
    NoAnswer(String),
    /// The command line is wrong in a way the parser cannot tell: exit status 2.
    Usage(String),
    /// Already reported (validate's own report): exit status 1.
    Reported,
}

impl From<std::io::Error> for Failure {
    fn from(e: std::io::Error) -> Self {
        Failure::Core(Error::Write(e))
    }
}

impl From<Error> for Failure {
    fn from(e: Error) -> Self {
        Failure::Core(e)
    }
}

/// Says in an exceeded limit's message how to raise the limit from the command line
/// (`--limit file-size=N`), in place of the core's advice, which is for programs
/// (`format::from_str_with` / `load_with`). Other problems are left as they are, and so is the
/// depth limit once it is at the JSON parser's own limit (127), which nothing can raise.
pub fn advise(problem: &mut Problem, limits: &Limits) {
    let Some(limit) = LimitName::of(problem.code) else {
        return;
    };
    if limit == LimitName::Depth && limits.max_depth >= 127 {
        return;
    }
    if let Some(cut) = problem.message.find(" (`Limits::") {
        problem.message.truncate(cut);
    }
    problem.message.push_str(&format!(
        "; to accept it, raise the limit with `--limit {}=N`",
        limit.name()
    ));
}

/// Whether an error is a closed pipe on the output (`| head`): a normal end, not a failure.
fn is_broken_pipe(e: &Error) -> bool {
    let io = match e {
        Error::Write(io) => io,
        Error::Io { source, .. } => source,
        _ => return false,
    };
    io.kind() == ErrorKind::BrokenPipe
}

/// Shows a failure on standard error and gives the exit status: 1 for invalid input, names not
/// found or ambiguous, and questions with no answer; 2 for usage and I/O errors; 0 for a
/// closed output pipe. Everything shown passes through [`clean`]: a name or message cannot
/// drive the terminal.
pub fn report(failure: Failure) -> ExitCode {
    let mut err = anstream::stderr();
    // A failure to write to standard error cannot be reported anywhere: it is ignored.
    let (code, text) = match failure {
        Failure::Core(e) if is_broken_pipe(&e) => return ExitCode::SUCCESS,
        Failure::Core(e) => {
            let code = match &e {
                Error::Invalid { .. }
                | Error::NodeNotFound { .. }
                | Error::AmbiguousName { .. } => 1,
                _ => 2,
            };
            (code, format!("error: {}", chain(&e)))
        }
        Failure::Invalid { problems, texts } => {
            let _ = render_problems(&mut err, &problems, &texts, false);
            (1, format!("error: {} problem(s) found", problems.len()))
        }
        Failure::NoAnswer(msg) => (1, msg),
        Failure::Usage(msg) => (2, format!("error: {msg}")),
        Failure::Reported => return ExitCode::from(1),
    };
    let _ = writeln!(err, "{}", clean(&text));
    ExitCode::from(code)
}

/// An error and its sources, joined by ": ".
fn chain(e: &dyn std::error::Error) -> String {
    let mut s = e.to_string();
    let mut cur = e.source();
    while let Some(src) = cur {
        let more = src.to_string();
        if !s.contains(&more) {
            s.push_str(": ");
            s.push_str(&more);
        }
        cur = src.source();
    }
    s
}

/// One rendered problem shows at most 300 characters of a message, JSON pointer or id: longer
/// ones keep their first [`HEAD`] and last [`TAIL`] characters around a "…".
const HEAD: usize = 200;
/// See [`HEAD`].
const TAIL: usize = 100;
/// How many characters of the line a snippet shows before the column …
const BEFORE: usize = 40;
/// … and from the column on (the marked token included).
const AFTER: usize = 80;

/// `s` cut to at most [`HEAD`] + [`TAIL`] characters (its head and tail around "…"), then
/// neutralised for the terminal ([`clean`]). Cost: O([`HEAD`] + [`TAIL`]) to cut, whatever the length.
fn shown(s: &str) -> String {
    let head_end = s.char_indices().nth(HEAD).map_or(s.len(), |(i, _)| i);
    let tail_start = s
        .char_indices()
        .rev()
        .nth(TAIL.saturating_sub(1))
        .map_or(0, |(i, _)| i);
    if head_end >= tail_start {
        return clean(s).into_owned();
    }
    format!("{} … {}", clean(&s[..head_end]), clean(&s[tail_start..]))
}

/// A text with the start of each line found once, so that any line is found in O(log lines)
/// and a column in a long line in O(1) after one pass over that line.
pub(crate) struct Lines<'t> {
    text: &'t str,
    /// The byte offset of each line's start.
    starts: Vec<usize>,
    /// For lines longer than [`CHECKPOINT`] bytes, looked up at least once: the byte offset of
    /// every [`CHECKPOINT`]-th character.
    checkpoints: HashMap<usize, Vec<usize>>,
}

/// See [`Lines::checkpoints`].
const CHECKPOINT: usize = 256;

impl<'t> Lines<'t> {
    /// Finds the lines of `text`: one pass.
    pub(crate) fn new(text: &'t str) -> Self {
        let starts = std::iter::once(0)
            .chain(
                text.bytes()
                    .enumerate()
                    .filter(|&(_, b)| b == b'\n')
                    .map(|(i, _)| i + 1),
            )
            .collect();
        Lines {
            text,
            starts,
            checkpoints: HashMap::new(),
        }
    }

    /// Line `line` (1-based), without its line ending.
    fn line(&self, line: usize) -> Option<&'t str> {
        let ix = line.checked_sub(1)?;
        let start = *self.starts.get(ix)?;
        let end = self
            .starts
            .get(ix + 1)
            .map_or(self.text.len(), |next| next - 1);
        let l = self.text.get(start..end)?;
        Some(l.strip_suffix('\r').unwrap_or(l))
    }

    /// The byte offset in line `line` of character `column` (1-based), or the line's length
    /// when the line is shorter.
    fn column_offset(&mut self, line: usize, line_text: &str, column: usize) -> usize {
        let nth = column.saturating_sub(1);
        if line_text.len() <= CHECKPOINT {
            return line_text
                .char_indices()
                .nth(nth)
                .map_or(line_text.len(), |(i, _)| i);
        }
        let marks = self.checkpoints.entry(line).or_insert_with(|| {
            line_text
                .char_indices()
                .step_by(CHECKPOINT)
                .map(|(i, _)| i)
                .collect()
        });
        let Some(&from) = marks.get(nth / CHECKPOINT) else {
            return line_text.len();
        };
        line_text
            .get(from..)
            .and_then(|rest| rest.char_indices().nth(nth % CHECKPOINT))
            .map_or(line_text.len(), |(i, _)| from + i)
    }
}

/// Writes every problem (as an error, or a warning) as a diagnostic: code, message,
/// `file:line:column`, and the part of the line it is on with the spot marked, when the text
/// is at hand.
///
/// Each text's lines are found once, whatever the number of problems, and one problem shows
/// at most [`BEFORE`] + [`AFTER`] characters of its line and [`HEAD`] + [`TAIL`] of its message,
/// pointer and id: rendering N problems costs O(size of the texts + N log lines). Everything
/// shown from the input passes through [`clean`].
///
/// # Errors
/// When writing fails.
pub fn render_problems(
    out: &mut dyn Write,
    problems: &[Problem],
    texts: &[Text],
    warning: bool,
) -> std::io::Result<()> {
    let renderer = Renderer::styled();
    let level = if warning {
        Level::WARNING
    } else {
        Level::ERROR
    };
    let mut lines: Vec<Option<Lines<'_>>> = texts.iter().map(|_| None).collect();
    for p in problems {
        let file = p.location.file.as_ref().map(|f| f.display().to_string());
        let found = file.as_deref().and_then(|f| {
            texts
                .iter()
                .position(|t| t.label == f)
                .and_then(|i| Some((i, texts.get(i)?.text.as_deref()?)))
        });
        let spot = match (found, p.location.line, p.location.column) {
            (Some((i, text)), Some(line), Some(column)) => lines
                .get_mut(i)
                .and_then(|l| spot(l.get_or_insert_with(|| Lines::new(text)), line, column)),
            _ => None,
        };
        let rendered = render_one(&renderer, level.clone(), p, file.as_deref(), spot);
        writeln!(out, "{rendered}")?;
    }
    Ok(())
}

/// What a snippet shows: a window of one line (neutralised), the range marked in it, and the
/// line number.
struct Spot {
    source: String,
    range: std::ops::Range<usize>,
}

fn render_one(
    renderer: &Renderer,
    level: Level<'_>,
    p: &Problem,
    file: Option<&str>,
    spot: Option<Spot>,
) -> String {
    let message = shown(&p.message);
    let title = level
        .clone()
        .primary_title(message.as_str())
        .id(p.code.as_str());
    let mut notes = Vec::new();
    if !p.location.path.is_empty() {
        notes.push(format!("at {}", shown(&p.location.path)));
    }
    if let Some(id) = &p.id {
        notes.push(format!("concerning `{}`", shown(id)));
    }
    let file = shown(file.unwrap_or("<input>"));
    match (spot, p.location.line, p.location.column) {
        (Some(spot), Some(line), Some(column)) => {
            // The snippet shows a window of the line, so the renderer cannot count the column
            // from it: the title and the `--> file:line:column` header are written here, and
            // the snippet is rendered below them as a group of its own.
            let snippet = Snippet::source(spot.source)
                .line_start(line)
                .annotation(AnnotationKind::Primary.span(spot.range));
            let mut body = Group::with_level(level).element(snippet);
            if !notes.is_empty() {
                body = body.element(Level::NOTE.message(notes.join(", ")));
            }
            let gutter = line.to_string().len();
            let style = anstyle::Style::new()
                .bold()
                .fg_color(Some(anstyle::AnsiColor::BrightBlue.into()));
            format!(
                "{}\n{:gutter$}{style}--> {style:#}{file}:{line}:{column}\n{}",
                renderer.render(&[Group::with_title(title)]),
                "",
                renderer.render(&[body])
            )
        }
        _ => {
            let known = p.location.file.is_some() || !p.location.path.is_empty();
            let g = if known {
                let mut place = file;
                if let (Some(l), Some(c)) = (p.location.line, p.location.column) {
                    place.push_str(&format!(":{l}:{c}"));
                }
                if !p.location.path.is_empty() {
                    place.push_str(&format!(" ({})", shown(&p.location.path)));
                }
                title.element(Level::NOTE.message(format!("in {place}")))
            } else {
                title.element(Level::NOTE.message("in the merged graph"))
            };
            let g = match &p.id {
                Some(id) => g.element(Level::NOTE.message(format!("concerning `{}`", shown(id)))),
                None => g,
            };
            renderer.render(&[g])
        }
    }
}

/// The window of line `line` around `column` (1-based, in characters) that a snippet shows,
/// and the range to mark in it: the JSON token (a string with its quotes, or a bare value)
/// that starts at the column, or a single character, cut at the window's end. At most
/// [`BEFORE`] characters before the column and [`AFTER`] from it are shown, with "…" where the
/// line goes on; the window is neutralised by [`clean`].
fn spot(lines: &mut Lines<'_>, line: usize, column: usize) -> Option<Spot> {
    let line_text = lines.line(line)?;
    let start = lines.column_offset(line, line_text, column);
    let window_start = line_text[..start]
        .char_indices()
        .rev()
        .nth(BEFORE.saturating_sub(1))
        .map_or(0, |(i, _)| i);
    let rest = &line_text[start..];
    let window_end = start
        + rest
            .char_indices()
            .nth(AFTER)
            .map_or(rest.len(), |(i, _)| i);
    let token_end = start + token_len(&line_text[start..window_end]);
    let mut source = String::new();
    if window_start > 0 {
        source.push('…');
    }
    source.push_str(&clean(&line_text[window_start..start]));
    let mark_start = source.len();
    source.push_str(&clean(&line_text[start..token_end]));
    let range = mark_start..source.len();
    source.push_str(&clean(&line_text[token_end..window_end]));
    if window_end < line_text.len() {
        source.push('…');
    }
    Some(Spot { source, range })
}

/// The length in bytes of the JSON token at the start of `rest` (at least one character,
/// unless `rest` is empty).
fn token_len(rest: &str) -> usize {
    let mut chars = rest.char_indices();
    let Some((_, first)) = chars.next() else {
        return 0;
    };
    if first == '"' {
        let mut escaped = false;
        for (i, c) in chars {
            match c {
                '\\' if !escaped => escaped = true,
                '"' if !escaped => return i + 1,
                _ => escaped = false,
            }
        }
        return rest.len();
    }
    if first.is_alphanumeric() || first == '-' || first == '.' {
        let end = rest
            .char_indices()
            .find(|(_, c)| !(c.is_alphanumeric() || matches!(c, '-' | '+' | '.')))
            .map_or(rest.len(), |(i, _)| i);
        return end.max(first.len_utf8());
    }
    first.len_utf8()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spots_mark_whole_tokens() {
        let text = "{\n  \"id\": \"KOR\", \"n\": 12,\r\n}";
        let mut lines = Lines::new(text);
        let mut at = |line, column| {
            spot(&mut lines, line, column).map(|s| (s.source[s.range.clone()].to_owned(), s.source))
        };
        assert_eq!(
            at(2, 9),
            Some((
                "\"KOR\"".to_owned(),
                "  \"id\": \"KOR\", \"n\": 12,".to_owned()
            ))
        );
        assert_eq!(at(2, 21).map(|s| s.0), Some("12".to_owned()));
        assert_eq!(at(3, 1).map(|s| s.0), Some("}".to_owned()));
        assert!(at(9, 1).is_none());
        assert!(at(0, 1).is_none());
        assert_eq!(token_len(r#""a\"b" x"#), 6);
    }

    #[test]
    fn a_snippet_shows_a_bounded_window_of_a_long_line() {
        // Column 100 001 of a line of 200 000 characters, some of them two bytes long.
        let line = format!("{}\"key\": {}", "é".repeat(100_000), "x".repeat(99_993));
        let text = format!("{{\n{line}\n}}");
        let mut lines = Lines::new(&text);
        let s = spot(&mut lines, 2, 100_001).unwrap_or_else(|| unreachable!("no spot"));
        assert_eq!(&s.source[s.range.clone()], "\"key\"");
        assert_eq!(
            s.source,
            format!("…{}\"key\": {}…", "é".repeat(40), "x".repeat(73))
        );
        // A string that runs past the window is marked up to the window's end.
        let text = format!("[\"{}\"]", "a".repeat(1_000_000));
        let s = spot(&mut Lines::new(&text), 1, 2).unwrap_or_else(|| unreachable!("no spot"));
        assert_eq!(s.source, format!("[\"{}…", "a".repeat(79)));
        assert_eq!(s.range, 1..81);
    }

    #[test]
    fn a_snippet_neutralises_controls_and_marks_what_is_shown() {
        let text = "{\"name\": \"\u{1b}]0;pwned\u{7}\"}";
        let s = spot(&mut Lines::new(text), 1, 10).unwrap_or_else(|| unreachable!("no spot"));
        assert_eq!(s.source, "{\"name\": \"[U+001B]]0;pwned[U+0007]\"}");
        assert_eq!(&s.source[s.range], "\"[U+001B]]0;pwned[U+0007]\"");
    }

    #[test]
    fn columns_in_long_lines_are_found_through_checkpoints() {
        let line: String = (0..5000)
            .map(|i| if i % 3 == 0 { 'ü' } else { 'u' })
            .collect();
        let text = format!("x\n{line}");
        let mut lines = Lines::new(&text);
        for column in [1, 2, 255, 256, 257, 258, 1000, 4999, 5000, 5001, 9999] {
            let expected = line
                .char_indices()
                .nth(column - 1)
                .map_or(line.len(), |(i, _)| i);
            assert_eq!(
                lines.column_offset(2, &line, column),
                expected,
                "column {column}"
            );
        }
    }

    #[test]
    fn long_messages_keep_their_head_and_tail() {
        assert_eq!(shown("short \u{9b}2J"), "short [U+009B]2J");
        let exactly = "a".repeat(HEAD + TAIL);
        assert_eq!(shown(&exactly), exactly);
        let long = format!(
            "{}{}{}",
            "h".repeat(HEAD),
            "m".repeat(1_000_000),
            "t".repeat(TAIL)
        );
        assert_eq!(
            shown(&long),
            format!("{} … {}", "h".repeat(HEAD), "t".repeat(TAIL))
        );
    }
}
