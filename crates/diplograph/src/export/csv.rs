//! Two CSV tables, one for nodes and one for edges, each with one header row, following the
//! Neo4j import conventions (`:ID`, `:LABEL`; `:START_ID`, `:END_ID`, `:TYPE`) and readable by
//! pandas with `pd.read_csv(path, keep_default_na=False, na_values=[""])` (so that a cell
//! holding `NA`, Namibia's ISO alpha-2 code, stays the string `NA`).
//!
//! A text cell a spreadsheet would run as a formula — one that starts with `=`, `+`, `-`, `@`,
//! a tab or a carriage return — is neutralised with a leading `'`; so that this is reversible,
//! a text cell that itself starts with `'` also gets one. A reader gets the exact text back by
//! removing the first character of every text cell that starts with `'`.
//!
//! Ids (`:ID`, `id`, `:START_ID`, `:END_ID`, `source`, `target`) and column names are encoded
//! one-to-one first: a character a cell cannot hold (C0 controls other than tab, line feed
//! and carriage return; U+FFFE; U+FFFF) becomes `_xHHHH_`, and so does a `_` followed by `x`.

use std::borrow::Cow;
use std::io::Write;
use std::path::Path;

use super::flat::{self, Cell, Column, NodeOptions};
use crate::error::{Error, Result};
use crate::graph::Graph;
use crate::output::WriteOptions;

/// The file name of the nodes table that [`export_csv_dir`] writes.
pub const CSV_NODES_FILE: &str = "nodes.csv";
/// The file name of the edges table that [`export_csv_dir`] writes.
pub const CSV_EDGES_FILE: &str = "edges.csv";

/// Neutralises a text cell for spreadsheets (see the module documentation) and replaces
/// control characters other than tab, line feed and carriage return with U+FFFD.
pub(crate) fn safe_text(s: &str) -> Cow<'_, str> {
    let risky = s.starts_with(['=', '+', '-', '@', '\t', '\r', '\'']);
    let controls = s.contains(flat::is_forbidden_control);
    if !risky && !controls {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 1);
    if risky {
        out.push('\'');
    }
    out.extend(s.chars().map(|c| {
        if flat::is_forbidden_control(c) {
            '\u{FFFD}'
        } else {
            c
        }
    }));
    Cow::Owned(out)
}

/// An id or column name as a cell: characters a cell cannot hold (see [`safe_text`]) become
/// `_xHHHH_`, one-to-one (see `xml::encode_name`), then the cell is neutralised as text.
pub(crate) fn safe_name(s: &str) -> Cow<'_, str> {
    match super::xml::encode_name(s, |c| !flat::is_forbidden_control(c)) {
        Cow::Borrowed(b) => safe_text(b),
        Cow::Owned(o) => Cow::Owned(safe_text(&o).into_owned()),
    }
}

/// The Neo4j label of a node kind: `Country`, `Organization` …
pub(crate) fn label(kind: &str) -> String {
    let mut chars = kind.chars();
    chars
        .next()
        .map(|c| c.to_ascii_uppercase().to_string() + chars.as_str())
        .unwrap_or_default()
}

fn csv_err(e: csv::Error) -> Error {
    match e.into_kind() {
        csv::ErrorKind::Io(io) => Error::Write(io),
        other => Error::Write(std::io::Error::other(format!("{other:?}"))),
    }
}

fn row_cells<'r>(cols: &[Column], rec: &'r [(Cow<'_, str>, Cell<'_>)]) -> Vec<Cow<'r, str>> {
    cols.iter()
        .map(|c| {
            rec.iter()
                .find(|(k, _)| *k == c.name)
                .map_or(Cow::Borrowed(""), |(_, cell)| {
                    let text = flat::cell_text(cell, c.ty);
                    if c.ty.is_text() {
                        Cow::Owned(safe_text(&text).into_owned())
                    } else {
                        text
                    }
                })
        })
        .collect()
}

/// Writes the nodes table to `nodes` and the edges table to `edges`.
///
/// Nodes: `:ID`, `:LABEL` (the kind, capitalised), `id`, then the node columns of
/// `docs/export.md`. Edges: `:START_ID`, `:END_ID`, `:TYPE` (the kind in capitals), `source`,
/// `target`, then the edge columns. Cost: O((nodes + edges) · columns).
///
/// ```
/// let g = diplograph::example();
/// let (mut nodes, mut edges) = (Vec::new(), Vec::new());
/// diplograph::export::export_csv(&g, &mut nodes, &mut edges)?;
/// assert!(String::from_utf8_lossy(&nodes).starts_with(":ID,:LABEL,id,kind,name,"));
/// assert!(String::from_utf8_lossy(&edges).starts_with(":START_ID,:END_ID,:TYPE,source,target,kind,"));
/// # Ok::<(), diplograph::Error>(())
/// ```
///
/// # Errors
/// [`Error::Write`] when a writer fails.
pub fn export_csv(graph: &Graph, nodes: &mut dyn Write, edges: &mut dyn Write) -> Result<()> {
    write_nodes(graph, nodes)?;
    write_edges(graph, edges)
}

fn write_nodes(graph: &Graph, nodes: &mut dyn Write) -> Result<()> {
    let opts = NodeOptions::FULL;
    let cols = flat::node_columns(graph, opts);
    let mut w = csv::Writer::from_writer(nodes);
    let header = [":ID", ":LABEL", "id"]
        .into_iter()
        .chain(cols.iter().map(|c| c.name.as_str()));
    w.write_record(header.map(|h| safe_name(h).into_owned()))
        .map_err(csv_err)?;
    for n in flat::sorted_nodes(graph) {
        let id = safe_name(&n.id);
        let head = [id.clone(), Cow::Owned(label(n.kind().as_str())), id];
        let rec = flat::node_record(n, opts);
        w.write_record(
            head.iter()
                .map(|c| c.as_ref())
                .chain(row_cells(&cols, &rec).iter().map(|c| c.as_ref())),
        )
        .map_err(csv_err)?;
    }
    w.flush()?;
    Ok(())
}

fn write_edges(graph: &Graph, edges: &mut dyn Write) -> Result<()> {
    let cols = flat::edge_columns(graph, true);
    let mut w = csv::Writer::from_writer(edges);
    let header = [":START_ID", ":END_ID", ":TYPE", "source", "target"]
        .into_iter()
        .chain(cols.iter().map(|c| c.name.as_str()));
    w.write_record(header.map(|h| safe_name(h).into_owned()))
        .map_err(csv_err)?;
    for v in flat::sorted_edges(graph) {
        let (from, to) = (safe_name(&v.from.id), safe_name(&v.to.id));
        let ty = v.edge.kind.as_str().to_ascii_uppercase();
        let head = [
            from.as_ref(),
            to.as_ref(),
            ty.as_str(),
            from.as_ref(),
            to.as_ref(),
        ];
        let rec = flat::edge_record(&v, true);
        let cells = row_cells(&cols, &rec);
        w.write_record(head.into_iter().chain(cells.iter().map(|c| c.as_ref())))
            .map_err(csv_err)?;
    }
    w.flush()?;
    Ok(())
}

/// Writes [`CSV_NODES_FILE`] and [`CSV_EDGES_FILE`] into the directory `dir`, creating it if
/// missing. The two are written as a pair: both tables go to temporary files first, and only
/// when both are complete do they replace the old ones, so a failure leaves both old files as
/// they were (see [`crate::output::write_files_atomically`]). Uses the default
/// [`WriteOptions`].
///
/// # Errors
/// [`Error::Io`] when the directory cannot be created or a file cannot be written.
pub fn export_csv_dir(graph: &Graph, dir: &Path) -> Result<()> {
    export_csv_dir_with(graph, dir, &WriteOptions::default())
}

/// [`export_csv_dir`] with the given [`WriteOptions`] (`force` replaces read-only tables).
///
/// # Errors
/// As [`export_csv_dir`].
pub fn export_csv_dir_with(graph: &Graph, dir: &Path, options: &WriteOptions) -> Result<()> {
    std::fs::create_dir_all(dir).map_err(|source| Error::Io {
        action: "cannot create directory",
        path: dir.to_path_buf(),
        source,
    })?;
    let (nodes, edges) = (dir.join(CSV_NODES_FILE), dir.join(CSV_EDGES_FILE));
    crate::output::write_files_atomically(
        &mut [
            (&nodes, &mut |w: &mut dyn Write| write_nodes(graph, w)),
            (&edges, &mut |w: &mut dyn Write| write_edges(graph, w)),
        ],
        options,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn neutralises_formulas_reversibly() {
        assert_eq!(
            safe_text("=HYPERLINK(\"http://x\")"),
            "'=HYPERLINK(\"http://x\")"
        );
        assert_eq!(safe_text("'quoted"), "''quoted");
        assert_eq!(safe_text("-1"), "'-1");
        assert_eq!(safe_text("NA"), "NA");
        assert_eq!(safe_text("a\u{0}b"), "a\u{FFFD}b");
        assert_eq!(label("organization"), "Organization");
    }
}
