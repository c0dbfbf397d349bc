//! Small helpers for printing answers: tables, citations, dates, node references.

use std::borrow::Cow;
use std::io::{IsTerminal, Write};

use comfy_table::{presets, ContentArrangement};
use diplograph::model::NodeDetails;
use diplograph::provenance::Citation;
use diplograph::query::{AgreementState, Attestation, Certainty, NodeRef, StatementInfo, Validity};
use diplograph::time::{Containment, Interval, PartialDate};
use diplograph::Graph;
use serde::Serialize;

/// The width of tables when the output is not a terminal and `COLUMNS` is not set.
const DEFAULT_WIDTH: u16 = 100;

/// Text for a human, safe to print on a terminal: every character that could drive the
/// terminal or hide what the text says is shown as `[U+HHHH]` instead.
///
/// Neutralised: the C0 controls (U+0000–U+001F, ESC, BEL, tab and carriage return included)
/// except the line feed, DEL (U+007F), the C1 controls (U+0080–U+009F, CSI U+009B included),
/// and the bidirectional and zero-width controls (U+061C, U+200B–U+200F, U+202A–U+202E,
/// U+2060, U+2066–U+2069, U+FEFF). Everything else, line feeds included, is kept as it is.
/// `--json` output never goes through this: it keeps the data exact.
///
/// Cost: O(length of `s`); no copy when there is nothing to neutralise.
pub fn clean(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_hostile) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        if is_hostile(c) {
            out.push_str(&format!("[U+{:04X}]", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Whether [`clean`] neutralises `c`.
fn is_hostile(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{9}' | '\u{b}'..='\u{1f}' | '\u{7f}'..='\u{9f}'
        | '\u{61c}' | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}'
        | '\u{2060}' | '\u{2066}'..='\u{2069}' | '\u{feff}')
}

/// A writer for human output: everything written through it passes through [`clean`], so no
/// name, message or table can reach the terminal (or a pipe) with a control character in it.
/// Text split inside a character is held back until the rest arrives.
pub struct Human<'w> {
    inner: &'w mut dyn Write,
    /// Bytes of a character cut short by the last write.
    pending: Vec<u8>,
}

impl<'w> Human<'w> {
    /// Wraps `inner`.
    pub fn new(inner: &'w mut dyn Write) -> Self {
        Human {
            inner,
            pending: Vec::new(),
        }
    }
}

impl Write for Human<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.pending.extend_from_slice(buf);
        let mut rest: &[u8] = &self.pending;
        let mut out = String::new();
        loop {
            match std::str::from_utf8(rest) {
                Ok(s) => {
                    out.push_str(&clean(s));
                    rest = &[];
                    break;
                }
                Err(e) => {
                    let (good, bad) = rest.split_at(e.valid_up_to());
                    out.push_str(&clean(&String::from_utf8_lossy(good)));
                    match e.error_len() {
                        // Not UTF-8 (nothing this program writes): shown as U+FFFD.
                        Some(n) => {
                            out.push(char::REPLACEMENT_CHARACTER);
                            rest = bad.get(n..).unwrap_or_default();
                        }
                        // A character cut short: wait for the rest.
                        None => {
                            rest = bad;
                            break;
                        }
                    }
                }
            }
        }
        let kept = rest.to_vec();
        self.pending = kept;
        self.inner.write_all(out.as_bytes())?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

impl Drop for Human<'_> {
    fn drop(&mut self) {
        if !self.pending.is_empty() {
            // A character never completed: shown as U+FFFD (a failure here cannot be reported).
            let _ = self
                .inner
                .write_all(char::REPLACEMENT_CHARACTER.to_string().as_bytes());
        }
    }
}

/// A table for human output. Every cell passes through [`clean`] as it is added, so that the
/// layout is computed on what is printed.
pub struct Table(comfy_table::Table);

impl Table {
    /// Adds a row of cells, each neutralised by [`clean`].
    pub fn add_row<I, S>(&mut self, cells: I)
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let cells: Vec<String> = cells
            .into_iter()
            .map(|c| clean(c.as_ref()).into_owned())
            .collect();
        self.0.add_row(cells);
    }
}

impl std::fmt::Display for Table {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

/// A table with a header, laid out to the terminal's width (or, when the output is not a
/// terminal, to `COLUMNS` or 100 columns).
pub fn table<'h>(header: impl IntoIterator<Item = &'h str>) -> Table {
    let mut t = comfy_table::Table::new();
    t.load_preset(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_header(header.into_iter().collect::<Vec<_>>());
    if !std::io::stdout().is_terminal() {
        let width = std::env::var("COLUMNS")
            .ok()
            .and_then(|c| c.trim().parse::<u16>().ok())
            .unwrap_or(DEFAULT_WIDTH);
        t.set_width(width);
    }
    Table(t)
}

/// Keeps the given columns at the width of their content (ids are not broken across lines).
pub fn keep_whole(t: &mut Table, columns: &[usize]) {
    for &i in columns {
        if let Some(c) = t.0.column_mut(i) {
            c.set_constraint(comfy_table::ColumnConstraint::ContentWidth);
        }
    }
}

/// Writes a table followed by a newline.
///
/// # Errors
/// When writing fails.
pub fn print_table(out: &mut dyn Write, t: &Table) -> std::io::Result<()> {
    writeln!(out, "{t}")
}

/// Writes a value as pretty JSON followed by a newline, each date beside its earliest and
/// latest day ([`diplograph::time::answer_json`]).
///
/// # Errors
/// When writing fails.
pub fn print_json(out: &mut dyn Write, value: &impl Serialize) -> std::io::Result<()> {
    // Every date with its earliest and latest day (`date`, `date_earliest`, `date_latest`).
    let answer = diplograph::time::answer_json(value);
    serde_json::to_writer_pretty(&mut *out, &answer).map_err(std::io::Error::from)?;
    writeln!(out)
}

/// How an answer is printed: for a human, as one JSON document (`--json`), or as JSON lines
/// (`--jsonl`: one record a line).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// Tables and lines, for a human.
    Human,
    /// One JSON document.
    Json,
    /// One JSON record a line.
    Jsonl,
}

impl Form {
    /// The form `--json` and `--jsonl` ask for (the parser lets at most one be given).
    pub fn new(json: bool, jsonl: bool) -> Self {
        match (json, jsonl) {
            (_, true) => Form::Jsonl,
            (true, false) => Form::Json,
            (false, false) => Form::Human,
        }
    }
}

/// Writes a list answer as JSON: one document (`[...]`, `[]` when empty) for [`Form::Json`],
/// one record a line for [`Form::Jsonl`], each record written as soon as it is made; each
/// date beside its earliest and latest day. Writes nothing for [`Form::Human`].
///
/// # Errors
/// When writing fails.
pub fn print_records<T: Serialize>(
    out: &mut dyn Write,
    form: Form,
    records: &[T],
) -> std::io::Result<()> {
    match form {
        Form::Human => Ok(()),
        Form::Json => print_json(out, &records),
        Form::Jsonl => {
            for r in records {
                print_json_line(out, r)?;
            }
            Ok(())
        }
    }
}

/// Writes one record as JSON on one line (dates with their earliest and latest day).
///
/// # Errors
/// When writing fails.
pub fn print_json_line(out: &mut dyn Write, record: &impl Serialize) -> std::io::Result<()> {
    let answer = diplograph::time::answer_json(record);
    serde_json::to_writer(&mut *out, &answer).map_err(std::io::Error::from)?;
    writeln!(out)
}

/// How a list answer is printed: its [`Form`], at most how many entries (`--limit N`), and
/// whether notes are silenced (`--quiet`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Listing {
    /// Tables or JSON.
    pub form: Form,
    /// At most this many entries.
    pub limit: Option<usize>,
    /// No note on standard error.
    pub quiet: bool,
}

impl Listing {
    /// Keeps the first entries of a list answer (`--limit N`), and says on standard error how
    /// many were left out (unless quiet).
    pub fn limited<T>(self, mut list: Vec<T>, what: &str) -> Vec<T> {
        if let Some(n) = self.limit {
            if list.len() > n {
                if !self.quiet {
                    crate::note(&format!(
                        "showing the first {n} of {} {what} (--limit {n}); {} left out",
                        list.len(),
                        list.len() - n
                    ));
                }
                list.truncate(n);
            }
        }
        list
    }
}

/// A node reference as `Name (id)`.
pub fn node_ref(n: &NodeRef) -> String {
    n.to_string()
}

/// Node references joined by ", " (or "—" when there are none).
pub fn node_refs(ns: &[NodeRef]) -> String {
    if ns.is_empty() {
        "—".to_owned()
    } else {
        ns.iter().map(node_ref).collect::<Vec<_>>().join(", ")
    }
}

/// A date, or `?` when unknown.
pub fn date(d: Option<&PartialDate>) -> String {
    d.map_or_else(|| "?".to_owned(), ToString::to_string)
}

/// The name of a node by id, or the id when it is not in the graph.
pub fn name_of(g: &Graph, id: &str) -> String {
    g.node(id).map_or_else(|| id.to_owned(), |n| n.name.clone())
}

/// The words a citation points at: its written-out text, or its span of the source's text.
pub fn cited_words(g: &Graph, c: &Citation) -> Option<String> {
    if let Some(t) = &c.text {
        return Some(t.clone());
    }
    let span = c.span?;
    match &g.node(&c.source)?.details {
        NodeDetails::Source {
            text: Some(text), ..
        } => span.slice(text).map(str::to_owned),
        _ => None,
    }
}

/// A citation on one line: “the words” — source, via intermediaries (confidence).
pub fn citation(g: &Graph, c: &Citation) -> String {
    let mut s = match cited_words(g, c) {
        Some(w) => format!("“{}” — {}", w.trim(), c.source),
        None => c
            .span
            .map_or_else(|| c.source.clone(), |span| format!("{} [{span}]", c.source)),
    };
    if !c.via.is_empty() {
        let via: Vec<String> = c.via.iter().map(|v| name_of(g, v)).collect();
        s.push_str(", via ");
        s.push_str(&via.join(", via "));
    }
    if let Some(conf) = c.confidence {
        s.push_str(&format!(" (confidence {conf})"));
    }
    s
}

/// Citations, one per line (or "—").
pub fn citations(g: &Graph, cs: &[Citation]) -> String {
    if cs.is_empty() {
        "—".to_owned()
    } else {
        cs.iter()
            .map(|c| citation(g, c))
            .collect::<Vec<_>>()
            .join("\n")
    }
}

/// Words for how certain an answer is: "" when certain, else the caveats in brackets.
pub fn caveats(containment: Containment, rests_on_unknown: bool) -> String {
    let mut v = Vec::new();
    if containment == Containment::Partly {
        v.push("only partly known to hold on the date");
    }
    if rests_on_unknown {
        v.push("rests on an unknown date");
    }
    if v.is_empty() {
        String::new()
    } else {
        format!(" [{}]", v.join("; "))
    }
}

/// The mark of an answer that only possibly held on the date: `" [possible; attested
/// 2016-06-04]"` (or `reported 2016-06-04` for a source's reporting date); `""` when certain.
pub fn possible(v: &Validity) -> String {
    mark(v.certainty, v.attested.as_ref())
}

/// An answer's validity in one cell: its interval, or, with none, the nearest date a source
/// attests it (`attested 2016-06-04`, `reported 2016-06-04`; empty when neither), then its
/// caveats and `[possible]` when it only possibly held.
pub fn valid_cell(valid: &Interval, v: &Validity) -> String {
    let mut out = match (&v.attested, valid.is_unbounded()) {
        (Some(a), true) => attestation(a),
        (None, true) => String::new(),
        (_, false) => valid.to_string(),
    };
    out.push_str(&caveats(v.containment, v.rests_on_unknown));
    if valid.is_unbounded() && v.attested.is_some() {
        // The date is shown already.
        out.push_str(&mark(v.certainty, None));
    } else {
        out.push_str(&possible(v));
    }
    out.trim_start().to_owned()
}

fn mark(c: Certainty, nearest: Option<&Attestation>) -> String {
    match (c, nearest) {
        (Certainty::Possible, Some(a)) => format!(" [possible; {}]", attestation(a)),
        (Certainty::Possible, None) => " [possible]".to_owned(),
        _ => String::new(),
    }
}

/// An attested date in words: `attested 2016-06-04`, or `reported 2016-06-04` when it is the
/// date of a source citing the fact.
pub fn attestation(a: &Attestation) -> String {
    if a.is_reported() {
        format!("reported {}", a.date)
    } else {
        format!("attested {}", a.date)
    }
}

/// Attested dates in words (`attested 2016-06-04, 2021-05`, `reported 2016-06-04`), or `""`.
pub fn attested_dates(list: &[Attestation]) -> String {
    let (reported, stated): (Vec<&Attestation>, Vec<&Attestation>) =
        list.iter().partition(|a| a.is_reported());
    let join = |v: &[&Attestation]| {
        v.iter()
            .map(|a| a.date.to_string())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut parts = Vec::new();
    if !stated.is_empty() {
        parts.push(format!("attested {}", join(&stated)));
    }
    if !reported.is_empty() {
        parts.push(format!("reported {}", join(&reported)));
    }
    parts.join("; ")
}

/// A statement's date: its own, else `reported D` (the date of the source reporting it), else `?`.
pub fn statement_date(s: &StatementInfo) -> String {
    match (&s.date, &s.reported) {
        (Some(d), _) => d.to_string(),
        (None, Some(r)) => format!("reported {}", r.date),
        (None, None) => "?".to_owned(),
    }
}

/// An agreement state: the core's [`AgreementState::summary`] (`in_force since 2014-12-29`,
/// then what qualifies it: derived, the term, notices, ratifications, suspended
/// participation; the attested date when the step has none of its own), with caveats.
pub fn state(s: &AgreementState) -> String {
    let mut out = s.summary.clone();
    out.push_str(&caveats(s.containment, s.rests_on_unknown));
    out.push_str(&mark(s.certainty, None));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_shows_every_control_and_keeps_everything_else() {
        assert!(matches!(clean("Séoul — 서울\nline two"), Cow::Borrowed(_)));
        assert_eq!(
            clean("\u{1b}]0;pwned\u{7}\u{1b}[2J"),
            "[U+001B]]0;pwned[U+0007][U+001B][2J"
        );
        assert_eq!(
            clean("a\u{0}b\tc\rd\u{7f}e\u{85}f\u{9b}g"),
            "a[U+0000]b[U+0009]c[U+000D]d[U+007F]e[U+0085]f[U+009B]g"
        );
        assert_eq!(
            clean(
                "\u{202e}\u{2066}\u{2069}\u{200b}\u{200d}\u{200e}\u{200f}\u{61c}\u{2060}\u{feff}"
            ),
            "[U+202E][U+2066][U+2069][U+200B][U+200D][U+200E][U+200F][U+061C][U+2060][U+FEFF]"
        );
        // The neighbours of the ranges are kept.
        assert_eq!(
            clean("\u{a0}\u{2010}\u{2029}\u{2065}\u{206a}"),
            "\u{a0}\u{2010}\u{2029}\u{2065}\u{206a}"
        );
    }

    #[test]
    fn the_human_writer_cleans_across_split_characters() {
        let mut out = Vec::new();
        {
            let mut h = Human::new(&mut out);
            // U+009B (CSI) is two bytes, U+202E three: each split across writes.
            let bytes = "x\u{9b}2J\u{202e}y\n".as_bytes();
            for chunk in [&bytes[..2], &bytes[2..5], &bytes[5..6], &bytes[6..]] {
                assert_eq!(h.write(chunk).ok(), Some(chunk.len()));
            }
        }
        assert_eq!(String::from_utf8_lossy(&out), "x[U+009B]2J[U+202E]y\n");
    }
}
