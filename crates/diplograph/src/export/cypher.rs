//! A Cypher script for the embedded graph database kuzu: first the schema (one node table per
//! node kind present — `Country`, `Agreement` … — keyed by `id`; one relationship table per edge
//! kind present — `PARTY_TO`, `SAID` … — with the `FROM … TO …` pairs that occur), then one
//! `CREATE` per node and one `MATCH … CREATE` per edge. Free attributes are one JSON-text
//! property `attributes` (kuzu property names are case-insensitive, free keys are not).
//!
//! Every name is quoted with backticks (a backtick inside is doubled) and every string is a
//! single-quoted literal with `\` and `'` escaped; control characters other than tab and line
//! feed (which appear literally) are spliced in with `decode(BLOB('\\xHH'))`, so that no text
//! can end a literal or a statement early, and every value reads back exactly.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::io::{self, Write};

use super::flat::{self, Cell, ColType, Column, NodeOptions};
use crate::graph::Graph;
use crate::model::{EdgeKind, NodeKind};

pub(crate) const OPTS: NodeOptions = NodeOptions {
    source_text: true,
    flatten_attributes: false,
};

/// A name quoted for Cypher: `` `a``b` ``.
pub(crate) fn ident(name: &str) -> String {
    format!("`{}`", name.replace('`', "``"))
}

/// A string literal for kuzu's Cypher (see the module documentation).
pub(crate) fn string(s: &str) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut cur = String::from("'");
    for c in s.chars() {
        match c {
            '\\' => cur.push_str("\\\\"),
            '\'' => cur.push_str("\\'"),
            '\n' | '\t' => cur.push(c),
            c if c < ' ' || c == '\u{7f}' => {
                cur.push('\'');
                parts.push(std::mem::replace(&mut cur, String::from("'")));
                parts.push(format!("decode(BLOB('\\\\x{:02X}'))", u32::from(c)));
            }
            c => cur.push(c),
        }
    }
    cur.push('\'');
    if parts.is_empty() {
        return cur;
    }
    parts.push(cur);
    format!("concat({})", parts.join(", "))
}

fn kuzu_type(ty: ColType) -> &'static str {
    match ty {
        ColType::Bool => "BOOLEAN",
        ColType::Int => "INT64",
        ColType::Float => "DOUBLE",
        ColType::Str | ColType::Json => "STRING",
    }
}

fn value(cell: &Cell<'_>, ty: ColType) -> String {
    match (cell, ty) {
        (Cell::Int(i), ColType::Int) => i.to_string(),
        (Cell::Int(i), ColType::Float) => flat::float_text(*i as f64),
        (Cell::Float(f), ColType::Float) => flat::float_text(*f),
        (Cell::Bool(b), ColType::Bool) => b.to_string(),
        _ => string(&flat::cell_text(cell, ty)),
    }
}

fn properties(cols: &[Column], rec: &[(std::borrow::Cow<'_, str>, Cell<'_>)]) -> String {
    let mut out = String::new();
    for (k, cell) in rec {
        let Some(col) = cols.iter().find(|c| c.name == *k) else {
            continue;
        };
        if !out.is_empty() {
            out.push_str(", ");
        }
        let _ = write!(out, "{}: {}", ident(k), value(cell, col.ty));
    }
    out
}

/// The node table name of a kind: `Country`.
pub(crate) fn node_table(kind: NodeKind) -> String {
    super::csv::label(kind.as_str())
}

/// The relationship table name of an edge kind: `PARTY_TO`.
pub(crate) fn rel_table(kind: EdgeKind) -> String {
    kind.as_str().to_ascii_uppercase()
}

/// The kuzu schema of a graph: the columns of each node table and relationship table, and the
/// `FROM … TO …` pairs of each relationship table.
pub(crate) struct Schema {
    /// The columns of each node kind's table, beside `id`.
    pub(crate) node_cols: BTreeMap<NodeKind, Vec<Column>>,
    /// The columns of each edge kind's table.
    pub(crate) edge_cols: BTreeMap<EdgeKind, Vec<Column>>,
    /// The node kinds each edge kind joins.
    pub(crate) pairs: BTreeMap<EdgeKind, BTreeSet<(NodeKind, NodeKind)>>,
}

/// Writes the `CREATE NODE TABLE` and `CREATE REL TABLE` statements for the kinds present.
pub(crate) fn write_schema(
    nodes: &[&crate::model::Node],
    edges: &[crate::graph::EdgeView<'_>],
    w: &mut dyn Write,
) -> io::Result<Schema> {
    let mut node_cols: BTreeMap<NodeKind, Vec<Column>> = BTreeMap::new();
    for kind in NodeKind::ALL {
        let of_kind = nodes.iter().filter(|n| n.kind() == *kind);
        if of_kind.clone().next().is_none() {
            continue;
        }
        let cols = flat::columns(
            flat::NODE_COLUMNS,
            of_kind.map(|n| flat::node_record(n, OPTS)),
        );
        write!(
            w,
            "CREATE NODE TABLE {}(`id` STRING",
            ident(&node_table(*kind))
        )?;
        for c in &cols {
            write!(w, ", {} {}", ident(&c.name), kuzu_type(c.ty))?;
        }
        writeln!(w, ", PRIMARY KEY(`id`));")?;
        node_cols.insert(*kind, cols);
    }
    let mut edge_cols: BTreeMap<EdgeKind, Vec<Column>> = BTreeMap::new();
    let mut all_pairs = BTreeMap::new();
    for kind in EdgeKind::ALL {
        let of_kind = edges.iter().filter(|v| v.edge.kind == *kind);
        let pairs: BTreeSet<(NodeKind, NodeKind)> = of_kind
            .clone()
            .map(|v| (v.from.kind(), v.to.kind()))
            .collect();
        if pairs.is_empty() {
            continue;
        }
        let cols = flat::columns(
            flat::EDGE_COLUMNS,
            of_kind.map(|v| flat::edge_record(v, false)),
        );
        write!(w, "CREATE REL TABLE {}(", ident(&rel_table(*kind)))?;
        for (i, (f, t)) in pairs.iter().enumerate() {
            let sep = if i == 0 { "" } else { ", " };
            write!(
                w,
                "{sep}FROM {} TO {}",
                ident(&node_table(*f)),
                ident(&node_table(*t))
            )?;
        }
        for c in &cols {
            write!(w, ", {} {}", ident(&c.name), kuzu_type(c.ty))?;
        }
        writeln!(w, ", MANY_MANY);")?;
        edge_cols.insert(*kind, cols);
        all_pairs.insert(*kind, pairs);
    }
    Ok(Schema {
        node_cols,
        edge_cols,
        pairs: all_pairs,
    })
}

/// Writes the graph as a Cypher script for kuzu.
pub(crate) fn write(graph: &Graph, w: &mut dyn Write) -> io::Result<()> {
    let nodes = flat::sorted_nodes(graph);
    let edges = flat::sorted_edges(graph);
    writeln!(
        w,
        "// diplograph graph for kuzu: the schema, then the nodes, then the edges."
    )?;
    let Schema {
        node_cols,
        edge_cols,
        ..
    } = write_schema(&nodes, &edges, w)?;
    for n in &nodes {
        let cols = node_cols.get(&n.kind()).map_or(&[][..], Vec::as_slice);
        let props = properties(cols, &flat::node_record(n, OPTS));
        writeln!(
            w,
            "CREATE (:{} {{`id`: {}, {props}}});",
            ident(&node_table(n.kind())),
            string(&n.id)
        )?;
    }
    for v in &edges {
        let cols = edge_cols.get(&v.edge.kind).map_or(&[][..], Vec::as_slice);
        let props = properties(cols, &flat::edge_record(v, false));
        writeln!(
            w,
            "MATCH (a:{} {{`id`: {}}}), (b:{} {{`id`: {}}}) CREATE (a)-[:{} {{{props}}}]->(b);",
            ident(&node_table(v.from.kind())),
            string(&v.from.id),
            ident(&node_table(v.to.kind())),
            string(&v.to.id),
            ident(&rel_table(v.edge.kind)),
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_names_and_strings() {
        assert_eq!(ident("a`b"), "`a``b`");
        assert_eq!(string("it's a \\ `})"), "'it\\'s a \\\\ `})'");
        assert_eq!(string("a\rb"), "concat('a', decode(BLOB('\\\\x0D')), 'b')");
        assert_eq!(string("x\ny"), "'x\ny'");
    }
}
