//! Graphviz DOT: nodes styled by kind (shape and colour), labelled with their names; edges
//! labelled with their kind (and the office, relation or chain position where there is one).
//! Sources' full texts are left out.
//!
//! Escaping: node names are quoted DOT strings with `"` and `\` escaped (Graphviz keeps a
//! doubled backslash in a node name as two backslashes, so an id holding a backslash shows
//! doubled, but no id can end its string early); labels additionally turn line feeds into
//! `\n` and `&` into `&amp;` (Graphviz decodes entities in labels), so a label renders exactly
//! the text it holds. Control characters other than line feed become U+FFFD; bidirectional and
//! zero-width controls are shown as `[U+HHHH]`. Ids holding a carriage return or another
//! control character are encoded one-to-one as `_xHHHH_`.

use std::io::{self, Write};

use super::flat::{self, is_forbidden_control};
use crate::graph::Graph;
use crate::model::{NodeDetails, NodeKind};

/// A quoted DOT identifier (a node name). Carriage returns and other control characters
/// Graphviz cannot keep become `_xHHHH_`, one-to-one (see `xml::encode_name`).
pub(crate) fn id(s: &str) -> String {
    let s = super::xml::encode_name(s, |c| c != '\r' && !is_forbidden_control(c));
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A quoted DOT label that renders exactly as `s`.
pub(crate) fn label(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '&' => out.push_str("&amp;"),
            '\r' | '\t' => out.push(' '),
            c if is_forbidden_control(c) => out.push('\u{FFFD}'),
            c if super::mermaid::is_spoofing_control(c) => {
                out.push_str(&format!("[U+{:04X}]", u32::from(c)));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The shape and fill colour of a node kind.
fn style(kind: NodeKind) -> (&'static str, &'static str) {
    match kind {
        NodeKind::Country => ("doubleoctagon", "#9ecae1"),
        NodeKind::Person => ("ellipse", "#fdd0a2"),
        NodeKind::Organization => ("box", "#c7e9c0"),
        NodeKind::Agreement => ("note", "#fcbba1"),
        NodeKind::Event => ("hexagon", "#dadaeb"),
        NodeKind::Statement => ("box", "#ffffcc"),
        NodeKind::Source => ("folder", "#d9d9d9"),
        NodeKind::Place => ("house", "#c6dbef"),
    }
}

/// The tooltip of a node: its kind and, where it has one, its subkind; an event that did not
/// simply occur adds its status (`event: summit [cancelled]`); an agreement whose state as
/// things finally stand is derived (a notice took effect, a term ran out) adds it
/// (`agreement: treaty [expired, derived]`).
fn tooltip(details: &NodeDetails) -> String {
    let kind = details.kind().as_str();
    let mut out = match details.subkind() {
        Some(subkind) => format!("{kind}: {subkind}"),
        None => kind.to_owned(),
    };
    match details {
        NodeDetails::Event { status, .. } if !status.occurred() => {
            out.push_str(&format!(" [{status}]"));
        }
        NodeDetails::Agreement { lifecycle, .. } => {
            if let Some(state) = crate::query::history::derived_final_state(lifecycle) {
                out.push_str(&format!(" [{state}, derived]"));
            }
        }
        _ => {}
    }
    out
}

/// Writes the graph as DOT.
pub(crate) fn write(graph: &Graph, w: &mut dyn Write) -> io::Result<()> {
    writeln!(w, "digraph diplograph {{")?;
    if let Some(t) = &graph.title {
        writeln!(w, "  graph [label={}, labelloc=t];", label(t))?;
    }
    writeln!(w, "  node [style=filled, fontsize=10];")?;
    writeln!(w, "  edge [fontsize=8];")?;
    for n in flat::sorted_nodes(graph) {
        let (shape, fill) = style(n.kind());
        let rounded = if n.kind() == NodeKind::Statement {
            "filled,rounded"
        } else {
            "filled"
        };
        writeln!(
            w,
            "  {} [label={}, shape={shape}, style=\"{rounded}\", fillcolor=\"{fill}\", tooltip={}];",
            id(&n.id),
            label(&n.name),
            label(&tooltip(&n.details)),
        )?;
    }
    for v in flat::sorted_edges(graph) {
        let e = v.edge;
        let mut text = e.kind.as_str().to_owned();
        if let Some(t) = e.title().or(e.relation()) {
            text.push_str(": ");
            text.push_str(t);
        }
        if let Some(p) = e.position() {
            text.push_str(&format!(" #{p}"));
            // A parallel report says its chain: "reported_by #1 chain 2".
            if e.chain() != 1 {
                text.push_str(&format!(" chain {}", e.chain()));
            }
        }
        let dashed = if matches!(
            e.kind,
            crate::model::EdgeKind::ReportedBy | crate::model::EdgeKind::About
        ) {
            ", style=dashed"
        } else {
            ""
        };
        writeln!(
            w,
            "  {} -> {} [label={}{dashed}];",
            id(&v.from.id),
            id(&v.to.id),
            label(&text)
        )?;
    }
    writeln!(w, "}}")
}
