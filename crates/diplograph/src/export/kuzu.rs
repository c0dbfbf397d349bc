//! The bulk path into kuzu (and its fork LadybugDB): a directory of CSV files, one per node
//! table and one per relationship table and pair of node tables, with `load.cypher`, the schema
//! of the Cypher export followed by one `COPY … FROM` per file. Loading 68,000 single
//! `CREATE` statements takes minutes; `COPY` takes seconds.
//!
//! The CSV files are plain RFC 4180 (a header row; fields quoted with `"` when needed, a `"`
//! inside doubled) with the column names and types of the schema; an empty field is null. The
//! paths in `load.cypher` are relative: run it from the directory.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;

use super::cypher::{ident, node_table, rel_table, write_schema, Schema, OPTS};
use super::flat::{self, Column, Record};
use crate::error::{Error, Result};
use crate::graph::Graph;
use crate::model::{EdgeKind, NodeKind};
use crate::output::WriteOptions;

/// The script `export_kuzu_dir` writes beside the CSV files.
pub const KUZU_SCRIPT_FILE: &str = "load.cypher";

/// The options of every `COPY`: a header row, RFC 4180 quoting, and one thread (kuzu's
/// parallel CSV reader does not take line breaks inside quoted fields).
const COPY_OPTIONS: &str = "HEADER=true, DELIM=',', QUOTE='\"', ESCAPE='\"', PARALLEL=false";

fn node_file(kind: NodeKind) -> String {
    format!("node-{}.csv", node_table(kind))
}

fn rel_file(kind: EdgeKind, from: NodeKind, to: NodeKind) -> String {
    format!(
        "rel-{}-{}-{}.csv",
        rel_table(kind),
        node_table(from),
        node_table(to)
    )
}

/// The cells of a record in the columns' order (empty for a column it lacks).
fn cells(cols: &[Column], rec: &Record<'_>) -> Vec<String> {
    cols.iter()
        .map(|c| {
            rec.iter()
                .find(|(k, _)| *k == c.name)
                .map(|(_, cell)| flat::cell_text(cell, c.ty).into_owned())
                .unwrap_or_default()
        })
        .collect()
}

/// Writes `graph` as kuzu bulk-load files into `dir` (created if missing): `load.cypher` and
/// the CSV files it copies from, replaced as a set.
///
/// # Errors
/// [`Error::Io`] when the directory or a file cannot be written.
pub fn export_kuzu_dir(graph: &Graph, dir: &Path, options: &WriteOptions) -> Result<()> {
    std::fs::create_dir_all(dir).map_err(|source| Error::Io {
        action: "cannot create directory",
        path: dir.to_path_buf(),
        source,
    })?;
    let nodes = flat::sorted_nodes(graph);
    let edges = flat::sorted_edges(graph);
    let mut script = Vec::new();
    writeln!(
        script,
        "// diplograph graph for kuzu, bulk: the schema, then COPY from the CSV files beside \
         this script (run it from this directory)."
    )?;
    let Schema {
        node_cols,
        edge_cols,
        pairs,
    } = write_schema(&nodes, &edges, &mut script)?;

    let csv_err = |e: csv::Error| Error::Write(std::io::Error::other(e.to_string()));
    let mut files: BTreeMap<String, csv::Writer<Vec<u8>>> = BTreeMap::new();
    for (kind, cols) in &node_cols {
        let mut w = csv::Writer::from_writer(Vec::new());
        let header = std::iter::once("id").chain(cols.iter().map(|c| c.name.as_str()));
        w.write_record(header).map_err(csv_err)?;
        files.insert(node_file(*kind), w);
        writeln!(
            script,
            "COPY {} FROM '{}' ({COPY_OPTIONS});",
            ident(&node_table(*kind)),
            node_file(*kind)
        )?;
    }
    for n in &nodes {
        let cols = node_cols.get(&n.kind()).map_or(&[][..], Vec::as_slice);
        if let Some(w) = files.get_mut(&node_file(n.kind())) {
            let row = std::iter::once(n.id.clone()).chain(cells(cols, &flat::node_record(n, OPTS)));
            w.write_record(row).map_err(csv_err)?;
        }
    }
    for (kind, kind_pairs) in &pairs {
        let cols = edge_cols.get(kind).map_or(&[][..], Vec::as_slice);
        for (from, to) in kind_pairs {
            let mut w = csv::Writer::from_writer(Vec::new());
            let header = ["from", "to"]
                .into_iter()
                .chain(cols.iter().map(|c| c.name.as_str()));
            w.write_record(header).map_err(csv_err)?;
            files.insert(rel_file(*kind, *from, *to), w);
            let options = if kind_pairs.len() > 1 {
                format!(
                    "from='{}', to='{}', {COPY_OPTIONS}",
                    node_table(*from),
                    node_table(*to)
                )
            } else {
                COPY_OPTIONS.to_owned()
            };
            writeln!(
                script,
                "COPY {} FROM '{}' ({options});",
                ident(&rel_table(*kind)),
                rel_file(*kind, *from, *to)
            )?;
        }
    }
    for v in &edges {
        let cols = edge_cols.get(&v.edge.kind).map_or(&[][..], Vec::as_slice);
        let file = rel_file(v.edge.kind, v.from.kind(), v.to.kind());
        if let Some(w) = files.get_mut(&file) {
            let row = [v.from.id.clone(), v.to.id.clone()]
                .into_iter()
                .chain(cells(cols, &flat::edge_record(v, false)));
            w.write_record(row).map_err(csv_err)?;
        }
    }

    let mut contents: Vec<(std::path::PathBuf, Vec<u8>)> = Vec::new();
    for (name, w) in files {
        let bytes = w
            .into_inner()
            .map_err(|e| Error::Write(std::io::Error::other(e.to_string())))?;
        contents.push((dir.join(name), bytes));
    }
    contents.push((dir.join(KUZU_SCRIPT_FILE), script));
    type BoxedFill<'b> = Box<dyn FnMut(&mut dyn Write) -> Result<()> + 'b>;
    let mut fills: Vec<BoxedFill<'_>> = contents
        .iter()
        .map(|(_, bytes)| {
            Box::new(move |w: &mut dyn Write| Ok(w.write_all(bytes)?)) as BoxedFill<'_>
        })
        .collect();
    let mut refs: Vec<(&Path, crate::output::Fill<'_>)> = contents
        .iter()
        .zip(fills.iter_mut())
        .map(|((path, _), fill)| (path.as_path(), fill.as_mut() as crate::output::Fill<'_>))
        .collect();
    crate::output::write_files_atomically(&mut refs, options)
}
