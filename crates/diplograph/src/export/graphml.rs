//! GraphML 1.0: one `<key>` per attribute, typed (`string`, `long`, `double`, `boolean`), then
//! nodes and edges written as the graph is walked.

use std::io::{self, Write};

use super::flat::{self, Cell, ColType, Column, NodeOptions};
use super::xml;
use crate::graph::Graph;

fn graphml_type(ty: ColType) -> &'static str {
    match ty {
        ColType::Bool => "boolean",
        ColType::Int => "long",
        ColType::Float => "double",
        ColType::Str | ColType::Json => "string",
    }
}

fn write_keys(w: &mut dyn Write, prefix: &str, domain: &str, cols: &[Column]) -> io::Result<()> {
    for (i, c) in cols.iter().enumerate() {
        write!(w, "  <key id=\"{prefix}{i}\" for=\"{domain}\" attr.name=\"")?;
        xml::attr(w, &c.name)?;
        writeln!(w, "\" attr.type=\"{}\"/>", graphml_type(c.ty))?;
    }
    Ok(())
}

fn write_data(
    w: &mut dyn Write,
    prefix: &str,
    cols: &[Column],
    rec: &[(std::borrow::Cow<'_, str>, Cell<'_>)],
) -> io::Result<()> {
    for (k, cell) in rec {
        let Some(i) = cols.iter().position(|c| c.name == *k) else {
            continue;
        };
        let ty = cols.get(i).map_or(ColType::Json, |c| c.ty);
        write!(w, "      <data key=\"{prefix}{i}\">")?;
        xml::text(w, &flat::cell_text(cell, ty))?;
        writeln!(w, "</data>")?;
    }
    Ok(())
}

/// Writes the graph as GraphML.
pub(crate) fn write(graph: &Graph, w: &mut dyn Write) -> io::Result<()> {
    let opts = NodeOptions::FULL;
    let node_cols = flat::node_columns(graph, opts);
    let edge_cols = flat::edge_columns(graph, true);
    writeln!(w, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>")?;
    writeln!(
        w,
        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
         xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns \
         http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">"
    )?;
    let graph_attrs: Vec<(&str, &str)> =
        [("title", &graph.title), ("description", &graph.description)]
            .into_iter()
            .filter_map(|(k, v)| v.as_deref().map(|v| (k, v)))
            .collect();
    for (i, (k, _)) in graph_attrs.iter().enumerate() {
        writeln!(
            w,
            "  <key id=\"kg{i}\" for=\"graph\" attr.name=\"{k}\" attr.type=\"string\"/>"
        )?;
    }
    write_keys(w, "kn", "node", &node_cols)?;
    write_keys(w, "ke", "edge", &edge_cols)?;
    writeln!(w, "  <graph id=\"diplograph\" edgedefault=\"directed\">")?;
    for (i, (_, v)) in graph_attrs.iter().enumerate() {
        write!(w, "    <data key=\"kg{i}\">")?;
        xml::text(w, v)?;
        writeln!(w, "</data>")?;
    }
    for n in flat::sorted_nodes(graph) {
        write!(w, "    <node id=\"")?;
        xml::attr(w, &n.id)?;
        writeln!(w, "\">")?;
        write_data(w, "kn", &node_cols, &flat::node_record(n, opts))?;
        writeln!(w, "    </node>")?;
    }
    for (i, v) in flat::sorted_edges(graph).iter().enumerate() {
        write!(w, "    <edge id=\"e{i}\" source=\"")?;
        xml::attr(w, &v.from.id)?;
        write!(w, "\" target=\"")?;
        xml::attr(w, &v.to.id)?;
        writeln!(w, "\">")?;
        write_data(w, "ke", &edge_cols, &flat::edge_record(v, true))?;
        writeln!(w, "    </edge>")?;
    }
    writeln!(w, "  </graph>")?;
    writeln!(w, "</graphml>")
}
