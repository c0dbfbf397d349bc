//! Why a command failed, how it is shown, and its exit status: all in one place.

use std::io::{ErrorKind, Write};
use std::process::ExitCode;

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use diplograph::{Error, Problem};

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
/// closed output pipe.
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
    let _ = writeln!(err, "{text}");
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

/// Writes every problem (as an error, or a warning) as a diagnostic: code, message, `file:line:column`, and the line it is
/// on with the spot marked, when the text is at hand.
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
    for p in problems {
        let file = p.location.file.as_ref().map(|f| f.display().to_string());
        let text = file.as_deref().and_then(|f| {
            texts
                .iter()
                .find(|t| t.label == f)
                .and_then(|t| t.text.as_deref())
        });
        let rendered = render_one(&renderer, level.clone(), p, file.as_deref(), text);
        writeln!(out, "{rendered}")?;
    }
    Ok(())
}

fn render_one(
    renderer: &Renderer,
    level: Level<'_>,
    p: &Problem,
    file: Option<&str>,
    text: Option<&str>,
) -> String {
    let title = level.primary_title(p.message.as_str()).id(p.code.as_str());
    let mut notes = Vec::new();
    if !p.location.path.is_empty() {
        notes.push(format!("at {}", p.location.path));
    }
    if let Some(id) = &p.id {
        notes.push(format!("concerning `{id}`"));
    }
    let note = Level::NOTE.message(notes.join(", "));
    let spot = match (text, p.location.line, p.location.column) {
        (Some(text), Some(line), Some(column)) => spot(text, line, column),
        _ => None,
    };
    let group: Group<'_> = match spot {
        Some((line_text, range)) => {
            let line = p.location.line.unwrap_or(1);
            let snippet = Snippet::source(line_text)
                .line_start(line)
                .path(file.unwrap_or("<input>"))
                .annotation(AnnotationKind::Primary.span(range));
            let g = title.element(snippet);
            if notes.is_empty() {
                g
            } else {
                g.element(note)
            }
        }
        None => {
            let known = p.location.file.is_some() || !p.location.path.is_empty();
            let g = if known {
                title.element(Level::NOTE.message(format!("in {}", p.location)))
            } else {
                title.element(Level::NOTE.message("in the merged graph"))
            };
            match &p.id {
                Some(id) => g.element(Level::NOTE.message(format!("concerning `{id}`"))),
                None => g,
            }
        }
    };
    renderer.render(&[group])
}

/// The line `line` of `text` and the byte range to mark in it: the JSON token (a string with
/// its quotes, or a bare value) that starts at `column` (1-based, in characters), or a single
/// character.
fn spot(text: &str, line: usize, column: usize) -> Option<(&str, std::ops::Range<usize>)> {
    let line_text = text.split('\n').nth(line.checked_sub(1)?)?;
    let line_text = line_text.strip_suffix('\r').unwrap_or(line_text);
    let start = line_text
        .char_indices()
        .nth(column.saturating_sub(1))
        .map_or(line_text.len(), |(i, _)| i);
    let rest = &line_text[start..];
    let len = token_len(rest);
    Some((line_text, start..start + len))
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
        let text = "{\n  \"id\": \"KOR\", \"n\": 12,\n}";
        let (line, range) = spot(text, 2, 9).unwrap();
        assert_eq!(&line[range], "\"KOR\"");
        let (line, range) = spot(text, 2, 21).unwrap();
        assert_eq!(&line[range], "12");
        let (line, range) = spot(text, 3, 1).unwrap();
        assert_eq!(&line[range], "}");
        assert!(spot(text, 9, 1).is_none());
        assert_eq!(token_len(r#""a\"b" x"#), 6);
    }
}
