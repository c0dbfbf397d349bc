//! A Mermaid flowchart: one node per graph node, shaped and coloured by kind and labelled with
//! its name, one arrow per edge labelled with its kind. Mermaid node ids are `n0`, `n1` … in
//! output order (graph ids may hold characters Mermaid cannot take in an id). Sources' full
//! texts are left out.
//!
//! Escaping: every label is a quoted string in which `"`, `#`, `&`, `<`, `>`, `` ` ``, `%`, `;`,
//! `|`, `[`, `]`, `{`, `}`, `(` and `)` are Mermaid entity codes (`#quot;`, `#35;` …), so no
//! label can close its node, start a comment or directive, or inject markup; line feeds become
//! `<br>`; other control characters become a space; leading and trailing spaces become `#32;`
//! (Mermaid would trim them); bidirectional and zero-width controls are shown as `[U+HHHH]`.

use std::collections::HashMap;
use std::io::{self, Write};

use super::flat;
use crate::graph::Graph;
use crate::model::NodeKind;

/// Whether `c` is a bidirectional-text or zero-width control: invisible, yet able to reorder
/// or hide what a picture shows (U+202E turns `exe.jpg` into `gpj.exe`). Picture formats
/// (Mermaid, DOT) show them as `[U+HHHH]` instead.
pub(crate) fn is_spoofing_control(c: char) -> bool {
    matches!(c,
        '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}'
        | '\u{061C}' | '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}')
}

/// A quoted Mermaid label that shows exactly `s`. Mermaid trims a label's outer spaces, so
/// leading and trailing ones are written `#32;`.
pub(crate) fn label(s: &str) -> String {
    let blank = |c: char| c == ' ' || (c.is_control() && c != '\n');
    let lead = s.chars().take_while(|&c| blank(c)).count();
    let total = s.chars().count();
    let trail = total
        - lead
        - s.chars()
            .rev()
            .take_while(|&c| blank(c))
            .count()
            .min(total - lead);
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for (i, c) in s.chars().enumerate() {
        match c {
            c if blank(c) && (i < lead || i >= lead + trail) => out.push_str("#32;"),
            '"' => out.push_str("#quot;"),
            '\n' => out.push_str("<br>"),
            '#' | '&' | '<' | '>' | '`' | '%' | ';' | '|' | '[' | ']' | '{' | '}' | '(' | ')' => {
                out.push_str(&format!("#{};", u32::from(c)));
            }
            c if c.is_control() => out.push(' '),
            c if is_spoofing_control(c) => {
                out.push_str(&format!("#91;U+{:04X}#93;", u32::from(c)));
            }
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
        NodeKind::Place => format!("[/{text}/]"),
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
        NodeKind::Place => "#c6dbef",
    }
}

/// Writes the graph as a Mermaid flowchart, after an init directive raising `maxEdges` when
/// it has more edges than Mermaid draws by default ([`super::MERMAID_MAX_EDGES`]).
pub(crate) fn write(graph: &Graph, w: &mut dyn Write) -> io::Result<()> {
    if let Some(directive) = super::layout::mermaid_directive(graph.edge_count()) {
        writeln!(w, "{directive}")?;
    }
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
