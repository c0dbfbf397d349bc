//! networkx node-link JSON: `{"directed": true, "multigraph": true, "graph": {…},
//! "nodes": […], "edges": […]}`, readable with `networkx.node_link_graph(data)` (networkx ≥ 3.4;
//! older versions need `edges="edges"`). Edges carry explicit `key`s: 0, 1, … among the edges
//! joining the same two nodes in the same direction, in output order. Structured fields
//! (aliases, lifecycle, citations, non-scalar attributes) stay JSON, not JSON text.

use std::collections::HashMap;
use std::io::{self, Write};

use serde_json::Value;

use super::flat::{self, Cell, NodeOptions};
use crate::graph::Graph;

fn write_json(w: &mut dyn Write, v: &impl serde::Serialize) -> io::Result<()> {
    serde_json::to_writer(&mut *w, v).map_err(io::Error::from)
}

fn write_object(
    w: &mut dyn Write,
    head: &[(&str, Value)],
    rec: &[(std::borrow::Cow<'_, str>, Cell<'_>)],
) -> io::Result<()> {
    w.write_all(b"{")?;
    let mut first = true;
    let mut sep = |w: &mut dyn Write| -> io::Result<()> {
        if !first {
            w.write_all(b", ")?;
        }
        first = false;
        Ok(())
    };
    for (k, v) in head {
        sep(w)?;
        write_json(w, k)?;
        w.write_all(b": ")?;
        write_json(w, v)?;
    }
    for (k, c) in rec {
        sep(w)?;
        write_json(w, k)?;
        w.write_all(b": ")?;
        write_json(w, &flat::cell_json(c))?;
    }
    w.write_all(b"}")
}

/// Writes the graph as node-link JSON.
pub(crate) fn write(graph: &Graph, w: &mut dyn Write) -> io::Result<()> {
    w.write_all(b"{\"directed\": true, \"multigraph\": true, \"graph\": {")?;
    let mut first = true;
    for (k, v) in [("title", &graph.title), ("description", &graph.description)] {
        if let Some(v) = v {
            if !first {
                w.write_all(b", ")?;
            }
            first = false;
            write_json(w, &k)?;
            w.write_all(b": ")?;
            write_json(w, v)?;
        }
    }
    w.write_all(b"},\n\"nodes\": [")?;
    for (i, n) in flat::sorted_nodes(graph).into_iter().enumerate() {
        w.write_all(if i == 0 { b"\n  " } else { b",\n  " })?;
        let head = [("id", Value::String(n.id.clone()))];
        write_object(w, &head, &flat::node_record(n, NodeOptions::FULL))?;
    }
    w.write_all(b"\n],\n\"edges\": [")?;
    let mut keys: HashMap<(&str, &str), u64> = HashMap::new();
    for (i, v) in flat::sorted_edges(graph).iter().enumerate() {
        w.write_all(if i == 0 { b"\n  " } else { b",\n  " })?;
        let key = keys
            .entry((v.from.id.as_str(), v.to.id.as_str()))
            .or_insert(0);
        let head = [
            ("source", Value::String(v.from.id.clone())),
            ("target", Value::String(v.to.id.clone())),
            ("key", Value::from(*key)),
        ];
        *key += 1;
        write_object(w, &head, &flat::edge_record(v, true))?;
    }
    w.write_all(b"\n]}\n")
}
