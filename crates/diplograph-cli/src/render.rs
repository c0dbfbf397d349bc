//! Small helpers for printing answers: tables, citations, dates, node references.

use std::io::{IsTerminal, Write};

use comfy_table::{presets, ContentArrangement, Table};
use diplograph::model::NodeDetails;
use diplograph::provenance::Citation;
use diplograph::query::{AgreementState, NodeRef};
use diplograph::time::{Containment, PartialDate};
use diplograph::Graph;
use serde::Serialize;

/// The width of tables when the output is not a terminal and `COLUMNS` is not set.
const DEFAULT_WIDTH: u16 = 100;

/// A table with a header, laid out to the terminal's width (or, when the output is not a
/// terminal, to `COLUMNS` or 100 columns).
pub fn table<I, S>(header: I) -> Table
where
    I: IntoIterator<Item = S>,
    S: Into<comfy_table::Cell>,
{
    let mut t = Table::new();
    t.load_preset(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_header(header);
    if !std::io::stdout().is_terminal() {
        let width = std::env::var("COLUMNS")
            .ok()
            .and_then(|c| c.trim().parse::<u16>().ok())
            .unwrap_or(DEFAULT_WIDTH);
        t.set_width(width);
    }
    t
}

/// Keeps the given columns at the width of their content (ids are not broken across lines).
pub fn keep_whole(t: &mut Table, columns: &[usize]) {
    for &i in columns {
        if let Some(c) = t.column_mut(i) {
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

/// Writes a value as pretty JSON followed by a newline.
///
/// # Errors
/// When writing fails.
pub fn print_json(out: &mut dyn Write, value: &impl Serialize) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, value).map_err(std::io::Error::from)?;
    writeln!(out)
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

/// An agreement state: `in_force since 2014-12-29`, with caveats.
pub fn state(s: &AgreementState) -> String {
    let mut out = match (s.state, s.since) {
        (Some(st), Some(d)) => format!("{st} since {d}"),
        (Some(st), None) => format!("{st} (date unknown)"),
        (None, _) => "no recorded state yet".to_owned(),
    };
    out.push_str(&caveats(s.containment, s.rests_on_unknown));
    out
}
