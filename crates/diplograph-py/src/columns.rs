//! The whole graph at once, for networkx and pandas: `Graph._node_records()`,
//! `Graph._edge_records()`, `Graph._node_columns()` and `Graph._edge_columns()`.
//!
//! One pass over the nodes (or edges) in Rust builds only the Python objects the caller keeps:
//! no `Node`/`Edge` object and no method call per item, kind names and node ids shared between
//! rows instead of one string each, citations and free attributes built directly rather than
//! through serde (`pythonize`), which was most of the cost. The fields, and how each is made,
//! are those of `records.rs`, which `Node.to_dict()` and `Edge.to_dict()` use too
//! (python/tests/test_interop.py compares them on every node and edge of the examples). Cost: O(nodes + edges + citations + attributes),
//! with the GIL held (it builds Python objects throughout).

use diplograph::Graph;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString, PyTuple};

use crate::records::{Builder, Cell, Dates, EdgeField, NodeField};

/// Field names as Python strings, made once per conversion.
fn keys<'py, F: Copy>(
    py: Python<'py>,
    fields: &[F],
    name: impl Fn(F) -> &'static str,
) -> Vec<Bound<'py, PyString>> {
    fields
        .iter()
        .map(|f| PyString::intern(py, name(*f)))
        .collect()
}

/// A dict of the fields that have a value (the cells that are not `None`).
fn record<'py>(
    py: Python<'py>,
    keys: &[Bound<'py, PyString>],
    cells: &[Cell<'py>],
) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    for (key, cell) in keys.iter().zip(cells) {
        if let Some(value) = cell {
            d.set_item(key, value)?;
        }
    }
    Ok(d)
}

/// Rows turned into one list per field, `None` where a field does not apply.
fn columns<'py, F: Copy, const N: usize>(
    py: Python<'py>,
    fields: &[F; N],
    name: impl Fn(F) -> &'static str,
    len: usize,
    rows: impl Iterator<Item = PyResult<[Cell<'py>; N]>>,
) -> PyResult<Bound<'py, PyDict>> {
    let mut cols: Vec<Vec<Bound<'py, PyAny>>> = (0..N).map(|_| Vec::with_capacity(len)).collect();
    for row in rows {
        for (col, cell) in cols.iter_mut().zip(row?) {
            col.push(cell.unwrap_or_else(|| py.None().into_bound(py)));
        }
    }
    let out = PyDict::new(py);
    for (field, col) in fields.iter().zip(cols) {
        out.set_item(name(*field), PyList::new(py, col)?)?;
    }
    Ok(out)
}

/// `[(id, {field: value})]` for every node, fields that do not apply left out, dates as
/// `PartialDate`: what `networkx.MultiDiGraph.add_nodes_from` takes.
pub(crate) fn node_records<'py>(py: Python<'py>, g: &Graph) -> PyResult<Bound<'py, PyList>> {
    let mut b = Builder::new(py, Dates::Objects);
    let keys = keys(py, &NodeField::ALL, NodeField::name);
    let mut rows = Vec::with_capacity(g.node_count());
    for (ix, n) in g.nodes() {
        let row = b.node(Some(ix), n)?;
        let data = record(py, &keys[1..], &row[1..])?;
        let [id, ..] = row;
        rows.push(PyTuple::new(
            py,
            [
                id.unwrap_or_else(|| py.None().into_bound(py)),
                data.into_any(),
            ],
        )?);
    }
    PyList::new(py, rows)
}

/// `[(from, to, index, {field: value})]` for every edge, fields that do not apply left out,
/// dates as `PartialDate`: what `networkx.MultiDiGraph.add_edges_from` takes.
pub(crate) fn edge_records<'py>(py: Python<'py>, g: &Graph) -> PyResult<Bound<'py, PyList>> {
    let mut b = Builder::new(py, Dates::Objects);
    let keys = keys(py, &EdgeField::ALL, EdgeField::name);
    let mut rows = Vec::with_capacity(g.edge_count());
    for v in g.edges() {
        let row = b.edge_of(g, &v)?;
        let data = record(py, &keys[3..], &row[3..])?;
        let [index, from, to, ..] = row;
        let none = || py.None().into_bound(py);
        rows.push(PyTuple::new(
            py,
            [
                from.unwrap_or_else(none),
                to.unwrap_or_else(none),
                index.unwrap_or_else(none),
                data.into_any(),
            ],
        )?);
    }
    PyList::new(py, rows)
}

/// `{field: [value per node]}` in [`NodeField`] order, `None` where a field does not apply.
pub(crate) fn node_columns<'py>(
    py: Python<'py>,
    g: &Graph,
    dates: Dates,
) -> PyResult<Bound<'py, PyDict>> {
    let mut b = Builder::new(py, dates);
    columns(
        py,
        &NodeField::ALL,
        NodeField::name,
        g.node_count(),
        g.nodes().map(|(ix, n)| b.node(Some(ix), n)),
    )
}

/// `{field: [value per edge]}` in [`EdgeField`] order, `None` where a field does not apply.
pub(crate) fn edge_columns<'py>(
    py: Python<'py>,
    g: &Graph,
    dates: Dates,
) -> PyResult<Bound<'py, PyDict>> {
    let mut b = Builder::new(py, dates);
    columns(
        py,
        &EdgeField::ALL,
        EdgeField::name,
        g.edge_count(),
        g.edges().map(|v| b.edge_of(g, &v)),
    )
}
