//! A Mermaid flowchart: one node per graph node, shaped and coloured by kind and labelled with
//! its name, one arrow per edge labelled with its kind. Mermaid node ids are `n0`, `n1` … in
//! output order (graph ids may hold characters Mermaid cannot take in an id). Sources' full
//! texts are left out.
//!
//! Escaping: every label is a quoted string in which `"`, `#`, `&`, `<`, `>`, `` ` ``, `%`, `;`,
//! `|`, `[`, `]`, `{`, `}`, `(` and `)` are Mermaid entity codes (`#quot;`, `#35;` …), so no
//! label can close its node, start a comment or directive, or inject markup; line feeds become
//! `<br>`; other control characters become a space.

use std::collections::HashMap;
use std::io::{self, Write};

use super::flat;
use crate::graph::Graph;
use crate::model::NodeKind;

/// A quoted Mermaid label that shows exactly `s`.
pub(crate) fn label(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("#quot;"),
            '\n' => out.push_str("<br>"),
            '#' | '&' | '<' | '>' | '`' | '%' | ';' | '|' | '[' | ']' | '{' | '}' | '(' | ')' => {
                out.push_str(&format!("#{};", u32::from(c)));
            }
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn shape(kind: NodeKind, text: &str) -> String {
    match kind {
        NodeKind::Country => format!("(({text}))"),
        NodeKind::Person => format!("([{text}])"),
        NodeKind::Organization => format!("[{text}]"),
        NodeKind::Agreement => format!("{{{{{text}}}}}"),
        NodeKind::Event => format!(">{text}]"),
        NodeKind::Statement => format!("({text})"),
        NodeKind::Source => format!("[({text})]"),
    }
}

fn colour(kind: NodeKind) -> &'static str {
    match kind {
        NodeKind::Country => "#9ecae1",
        NodeKind::Person => "#fdd0a2",
        NodeKind::Organization => "#c7e9c0",
        NodeKind::Agreement => "#fcbba1",
        NodeKind::Event => "#dadaeb",
        NodeKind::Statement => "#ffffcc",
        NodeKind::Source => "#d9d9d9",
    }
}

/// Writes the graph as a Mermaid flowchart.
pub(crate) fn write(graph: &Graph, w: &mut dyn Write) -> io::Result<()> {
    writeln!(w, "flowchart LR")?;
    let nodes = flat::sorted_nodes(graph);
    let mut index: HashMap<&str, usize> = HashMap::with_capacity(nodes.len());
    for (i, n) in nodes.iter().enumerate() {
        index.insert(n.id.as_str(), i);
        writeln!(
            w,
            "  n{i}{}:::{}",
            shape(n.kind(), &label(&n.name)),
            n.kind().as_str()
        )?;
    }
    for v in flat::sorted_edges(graph) {
        let (Some(f), Some(t)) = (index.get(v.from.id.as_str()), index.get(v.to.id.as_str()))
        else {
            continue;
        };
        let mut text = v.edge.kind.as_str().to_owned();
        if let Some(extra) = v.edge.title().or(v.edge.relation()) {
            text.push_str(": ");
            text.push_str(extra);
        }
        writeln!(w, "  n{f} -->|{}| n{t}", label(&text))?;
    }
    for kind in NodeKind::ALL {
        writeln!(
            w,
            "  classDef {} fill:{},stroke:#555",
            kind.as_str(),
            colour(*kind)
        )?;
    }
    Ok(())
}
