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

use chrono::{Datelike, NaiveDate};
use diplograph::time::PartialDate;

use crate::records::{node_dates, Builder, Cell, Dates, EdgeField, NodeField};

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
    let out = columns(
        py,
        &NodeField::ALL,
        NodeField::name,
        g.node_count(),
        g.nodes().map(|(ix, n)| b.node(Some(ix), n)),
    )?;
    let dates: Vec<[Option<PartialDate>; 2]> = g.nodes().map(|(_, n)| node_dates(n)).collect();
    day_columns(py, &out, ["date", "end"], &dates)?;
    Ok(out)
}

/// `{field: [value per edge]}` in [`EdgeField`] order, `None` where a field does not apply.
pub(crate) fn edge_columns<'py>(
    py: Python<'py>,
    g: &Graph,
    dates: Dates,
) -> PyResult<Bound<'py, PyDict>> {
    let mut b = Builder::new(py, dates);
    let out = columns(
        py,
        &EdgeField::ALL,
        EdgeField::name,
        g.edge_count(),
        g.edges().map(|v| b.edge_of(g, &v)),
    )?;
    let dates: Vec<[Option<PartialDate>; 2]> = g
        .edges()
        .map(|v| [v.edge.valid.start, v.edge.valid.end])
        .collect();
    day_columns(py, &out, ["start", "end"], &dates)?;
    Ok(out)
}

/// Adds, for each of the date columns `names`, the columns `NAME_earliest` and
/// `NAME_latest`: the first and last day each row's date may mean, as `datetime.date`
/// (`None` without a date or such a bound). Days repeat, so each is made once.
fn day_columns<'py>(
    py: Python<'py>,
    out: &Bound<'py, PyDict>,
    names: [&str; 2],
    dates: &[[Option<PartialDate>; 2]],
) -> PyResult<()> {
    let date_type = py.import("datetime")?.getattr("date")?;
    let mut made: std::collections::HashMap<NaiveDate, Bound<'py, PyAny>> =
        std::collections::HashMap::new();
    let mut day = |d: Option<NaiveDate>| -> PyResult<Bound<'py, PyAny>> {
        let Some(d) = d else {
            return Ok(py.None().into_bound(py));
        };
        if let Some(x) = made.get(&d) {
            return Ok(x.clone());
        }
        let x = date_type.call1((d.year(), d.month(), d.day()))?;
        made.insert(d, x.clone());
        Ok(x)
    };
    for (i, name) in names.iter().enumerate() {
        let mut earliest = Vec::with_capacity(dates.len());
        let mut latest = Vec::with_capacity(dates.len());
        for row in dates {
            earliest.push(day(row[i].and_then(|d| d.earliest()))?);
            latest.push(day(row[i].and_then(|d| d.latest()))?);
        }
        out.set_item(format!("{name}_earliest"), PyList::new(py, earliest)?)?;
        out.set_item(format!("{name}_latest"), PyList::new(py, latest)?)?;
    }
    Ok(())
}
