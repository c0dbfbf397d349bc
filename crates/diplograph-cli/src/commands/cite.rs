//! `diplograph cite`: the citation (source, span, words) for words of a source's held text,
//! found by the core's own search ([`locate_text`], the one that resolves citations given by
//! their words when a file loads).

use std::io::Write;

use diplograph::model::{NodeDetails, NodeKind};
use diplograph::provenance::{locate_text, Located, Span, MAX_OCCURRENCE};
use diplograph::query::NodeRef;
use diplograph::Graph;
use serde_json::json;

use crate::failure::Failure;
use crate::render::{clean, print_json};

/// How many bytes of the text are shown on each side of an occurrence.
const CONTEXT: usize = 30;

/// Runs `diplograph cite`.
pub(super) fn cite(
    g: &Graph,
    source: &str,
    words: &str,
    occurrence: Option<u32>,
    json: bool,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    let node = g
        .node_at(g.resolve_preferring(source, &[NodeKind::Source])?)
        .ok_or_else(|| Failure::NoAnswer(format!("no node `{source}`")))?;
    let id = node.id.as_str();
    let text = match &node.details {
        NodeDetails::Source { text: Some(t), .. } => t.as_str(),
        NodeDetails::Source { text: None, .. } => {
            return Err(Failure::NoAnswer(format!(
                "source `{id}` holds no text to find the words in; add its `text`, or cite \
                 it by a `span` of the original"
            )))
        }
        _ => {
            return Err(Failure::NoAnswer(format!(
                "{} is not a source; name a source (its id, name or alias)",
                NodeRef::from(node)
            )))
        }
    };
    let quoted = short(words);
    match locate_text(text, words, occurrence) {
        Located::Found(span) => {
            let citation = json!({
                "source": id,
                "span": [span.start, span.end],
                "text": words,
            });
            if json {
                print_json(out, &citation)?;
            } else {
                // One line, spaced as the format's examples are, to paste into a file.
                let line = format!(
                    "{{\"source\": {}, \"span\": [{}, {}], \"text\": {}}}",
                    citation["source"], span.start, span.end, citation["text"]
                );
                writeln!(out, "{}", clean(&line))?;
            }
            Ok(())
        }
        Located::NotFound { near } => {
            let hint = match near.and_then(|s| s.slice(text).map(|t| (s, t))) {
                Some((span, t)) => format!(
                    "; bytes {span} say \"{}\", which differs only in case or spacing",
                    short(t)
                ),
                None => String::new(),
            };
            Err(Failure::NoAnswer(format!(
                "\"{quoted}\" is not in the text of source `{id}` ({} bytes){hint}; copy the \
                 words exactly as the source writes them (case and spacing count)",
                text.len()
            )))
        }
        Located::PastLast { count } => Err(Failure::NoAnswer(format!(
            "\"{quoted}\" occurs {} in the text of source `{id}`: there is no occurrence {}; \
             use --occurrence 1 to {}",
            times(count),
            occurrence.unwrap_or_default(),
            count.min(MAX_OCCURRENCE as usize)
        ))),
        Located::Ambiguous { first, count } => {
            let many = if count > MAX_OCCURRENCE as usize {
                format!("more than {MAX_OCCURRENCE} times")
            } else {
                times(count)
            };
            if json {
                let occurrences: Vec<_> = first
                    .iter()
                    .enumerate()
                    .map(|(i, s)| json!({"occurrence": i + 1, "span": [s.start, s.end]}))
                    .collect();
                print_json(
                    out,
                    &json!({
                        "source": id,
                        "text": words,
                        "count": count,
                        "occurrences": occurrences,
                    }),
                )?;
            } else {
                writeln!(
                    out,
                    "\"{}\" occurs {many} in the text of source `{id}`:",
                    clean(&quoted)
                )?;
                for (i, s) in first.iter().enumerate() {
                    writeln!(
                        out,
                        "  --occurrence {}: bytes {s}: {}",
                        i + 1,
                        clean(&around(text, *s))
                    )?;
                }
                if count > first.len() {
                    writeln!(out, "  …")?;
                }
            }
            Err(Failure::NoAnswer(format!(
                "\"{quoted}\" occurs {many} in the text of source `{id}`; pick one with \
                 --occurrence N, or quote more words"
            )))
        }
    }
}

/// "once" or "N times".
fn times(count: usize) -> String {
    if count == 1 {
        "once".to_owned()
    } else {
        format!("{count} times")
    }
}

/// Words shown in a message: the first 60 characters, then `…`.
fn short(words: &str) -> String {
    let mut out: String = words.chars().take(60).collect();
    if out.len() < words.len() {
        out.push('…');
    }
    out
}

/// The occurrence at `span` with some text either side, on one line: `…before [words] after…`.
fn around(text: &str, span: Span) -> String {
    let mut from = span.start.saturating_sub(CONTEXT);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    let mut to = (span.end + CONTEXT).min(text.len());
    while !text.is_char_boundary(to) {
        to += 1;
    }
    // Every run of whitespace (newlines included) shown as one space.
    let one_line = |s: &str| {
        let mut line = String::with_capacity(s.len());
        for c in s.chars() {
            match (c.is_whitespace(), line.ends_with(' ')) {
                (true, true) => {}
                (true, false) => line.push(' '),
                (false, _) => line.push(c),
            }
        }
        line
    };
    format!(
        "{}{}[{}]{}{}",
        if from > 0 { "…" } else { "" },
        one_line(&text[from..span.start]),
        one_line(&text[span.start..span.end]),
        one_line(&text[span.end..to]),
        if to < text.len() { "…" } else { "" },
    )
}
