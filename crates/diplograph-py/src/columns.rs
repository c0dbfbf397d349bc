//! The whole graph at once, for pyarrow, pandas, polars and networkx: `Graph._tables()` and
//! `Graph._networkx_rows()`.
//!
//! Both come from the core's one pass, `diplograph::export::tables`, which gives the fields of
//! the one schema (`diplograph::export::NODE_FIELDS` and `EDGE_FIELDS`, the fields every
//! exporter writes) as typed columns laid out as Arrow arrays. `_tables()` hands those buffers
//! to Python as `bytes` (no Python object per cell; `diplograph._interop` wraps them as pyarrow
//! arrays); `_networkx_rows()` turns them into the rows `networkx` takes, every value a scalar
//! or a string (text repeated across rows, such as kinds, dates and ids, made once).

use diplograph::export::{Column, FieldType, Table, Values};
use diplograph::Graph;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyBytes, PyDict, PyFloat, PyList, PyString, PyTuple};
use rustc_hash::FxHashMap;

/// The name of a column type as `diplograph._interop` reads it.
fn type_name(ty: FieldType) -> &'static str {
    match ty {
        FieldType::Category => "category",
        FieldType::Integer => "integer",
        FieldType::Number => "number",
        FieldType::Boolean => "boolean",
        FieldType::Date => "date",
        FieldType::Day => "day",
        FieldType::Json => "json",
        _ => "text",
    }
}

/// Bytes of `len` made by `fill`, without an intermediate buffer.
fn bytes_with<'py>(
    py: Python<'py>,
    len: usize,
    fill: impl FnOnce(&mut [u8]),
) -> PyResult<Bound<'py, PyBytes>> {
    PyBytes::new_with(py, len, |b| {
        fill(b);
        Ok(())
    })
}

/// Fixed-width values as little-endian bytes (Arrow's layout on every platform Python runs on).
fn le_bytes<'py, T: Copy, const W: usize>(
    py: Python<'py>,
    values: &[T],
    to_le: fn(T) -> [u8; W],
) -> PyResult<Bound<'py, PyBytes>> {
    bytes_with(py, values.len() * W, |b| {
        for (chunk, v) in b.chunks_exact_mut(W).zip(values) {
            chunk.copy_from_slice(&to_le(*v));
        }
    })
}

/// Truth values as an Arrow bitmap (bit `i % 8` of byte `i / 8`).
fn bitmap<'py>(py: Python<'py>, bits: &[bool]) -> PyResult<Bound<'py, PyBytes>> {
    bytes_with(py, bits.len().div_ceil(8), |b| {
        for (byte, chunk) in b.iter_mut().zip(bits.chunks(8)) {
            *byte = chunk
                .iter()
                .enumerate()
                .fold(0u8, |acc, (i, bit)| acc | (u8::from(*bit) << i));
        }
    })
}

/// One column as `(name, type, null_count, validity, data, offsets, categories)`: the
/// validity bitmap (`None` when every row has a value), the values (`bytes`, Arrow's layout
/// for the type: large_string data, int32 category codes, int64, float64, a bitmap, date32),
/// a text column's int64 offsets and a category column's vocabulary.
fn column<'py>(py: Python<'py>, c: &Column) -> PyResult<Bound<'py, PyTuple>> {
    let nulls = c.null_count();
    let validity = if nulls == 0 {
        py.None().into_bound(py)
    } else {
        bitmap(py, &c.valid)?.into_any()
    };
    let none = || py.None().into_bound(py);
    let (data, offsets, categories) = match &c.values {
        Values::Text { offsets, bytes } => (
            PyBytes::new(py, bytes).into_any(),
            le_bytes(py, offsets, i64::to_le_bytes)?.into_any(),
            none(),
        ),
        Values::Category { codes, names } => {
            let codes: Vec<i32> = codes
                .iter()
                .map(|c| i32::try_from(*c).unwrap_or(0))
                .collect();
            (
                le_bytes(py, &codes, i32::to_le_bytes)?.into_any(),
                none(),
                PyList::new(py, names)?.into_any(),
            )
        }
        Values::Integer(v) => (
            le_bytes(py, v, i64::to_le_bytes)?.into_any(),
            none(),
            none(),
        ),
        Values::Number(v) => (
            le_bytes(py, v, f64::to_le_bytes)?.into_any(),
            none(),
            none(),
        ),
        Values::Boolean(v) => (bitmap(py, v)?.into_any(), none(), none()),
        Values::Day(v) => (
            le_bytes(py, v, i32::to_le_bytes)?.into_any(),
            none(),
            none(),
        ),
        _ => (PyBytes::new(py, &[]).into_any(), none(), none()),
    };
    PyTuple::new(
        py,
        [
            PyString::new(py, &c.name).into_any(),
            PyString::new(py, type_name(c.ty)).into_any(),
            nulls.into_pyobject(py)?.into_any(),
            validity,
            data,
            offsets,
            categories,
        ],
    )
}

/// A table as `(rows, [column])` (see [`column`]).
fn table<'py>(py: Python<'py>, t: &Table) -> PyResult<Bound<'py, PyTuple>> {
    let cols = t
        .columns
        .iter()
        .map(|c| column(py, c))
        .collect::<PyResult<Vec<_>>>()?;
    PyTuple::new(
        py,
        [
            t.rows.into_pyobject(py)?.into_any(),
            PyList::new(py, cols)?.into_any(),
        ],
    )
}

/// `(nodes, edges)`, each `(rows, [column])`: the graph's tables in Arrow's layout. The
/// tables are built with the GIL released.
pub(crate) fn tables<'py>(py: Python<'py>, g: &Graph) -> PyResult<Bound<'py, PyTuple>> {
    let (nodes, edges) = py.detach(|| diplograph::export::tables(g));
    PyTuple::new(py, [table(py, &nodes)?, table(py, &edges)?])
}

/// Makes the Python values of one column's cells, sharing those that repeat.
struct Cells<'t, 'py> {
    column: &'t Column,
    key: Bound<'py, PyString>,
    /// Whether equal values are made once (categories, dates, days; ids through `ids`).
    share: bool,
    made: FxHashMap<&'t [u8], Bound<'py, PyAny>>,
    days: FxHashMap<i32, Bound<'py, PyAny>>,
    names: Vec<Option<Bound<'py, PyAny>>>,
}

impl<'t, 'py> Cells<'t, 'py> {
    fn new(py: Python<'py>, column: &'t Column) -> Self {
        Cells {
            column,
            key: PyString::intern(py, &column.name),
            share: matches!(column.ty, FieldType::Date),
            made: FxHashMap::default(),
            days: FxHashMap::default(),
            names: Vec::new(),
        }
    }

    fn text(values: &'t Values, row: usize) -> &'t [u8] {
        let Values::Text { offsets, bytes } = values else {
            return &[];
        };
        let at = |i: usize| {
            offsets
                .get(i)
                .and_then(|o| usize::try_from(*o).ok())
                .unwrap_or(0)
        };
        bytes.get(at(row)..at(row + 1)).unwrap_or_default()
    }

    /// Row `row`'s value, `None` when it has none.
    fn get(&mut self, py: Python<'py>, row: usize) -> PyResult<Option<Bound<'py, PyAny>>> {
        if !self.column.valid.get(row).copied().unwrap_or(false) {
            return Ok(None);
        }
        let value = match &self.column.values {
            Values::Text { .. } => {
                let bytes = Self::text(&self.column.values, row);
                let make = || PyString::new(py, &String::from_utf8_lossy(bytes)).into_any();
                if self.share {
                    self.made.entry(bytes).or_insert_with(make).clone()
                } else {
                    make()
                }
            }
            Values::Category { codes, names } => {
                let code = codes.get(row).map_or(0, |c| *c as usize);
                if self.names.len() < names.len() {
                    self.names.resize(names.len(), None);
                }
                match self.names.get_mut(code) {
                    Some(slot) => slot
                        .get_or_insert_with(|| {
                            PyString::intern(py, names.get(code).copied().unwrap_or_default())
                                .into_any()
                        })
                        .clone(),
                    None => return Ok(None),
                }
            }
            Values::Integer(v) => v
                .get(row)
                .copied()
                .unwrap_or(0)
                .into_pyobject(py)?
                .into_any(),
            Values::Number(v) => PyFloat::new(py, v.get(row).copied().unwrap_or(0.0)).into_any(),
            Values::Boolean(v) => PyBool::new(py, v.get(row).copied().unwrap_or(false))
                .to_owned()
                .into_any(),
            Values::Day(v) => {
                let days = v.get(row).copied().unwrap_or(0);
                let text = || self.column.text(row).unwrap_or_default();
                self.days
                    .entry(days)
                    .or_insert_with(|| PyString::new(py, &text()).into_any())
                    .clone()
            }
            _ => return Ok(None),
        };
        Ok(Some(value))
    }
}

/// The rows of one table: `[(end, …, {field: value})]`, the first `ends` columns (`id`;
/// `source`, `target`) as the row's head, looked up in `ids` to share the node id strings.
fn rows<'t, 'py>(
    py: Python<'py>,
    t: &'t Table,
    ends: usize,
    ids: &mut FxHashMap<&'t [u8], Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyList>> {
    let (head, rest) = t.columns.split_at(ends.min(t.columns.len()));
    let mut cells: Vec<Cells<'_, 'py>> = rest.iter().map(|c| Cells::new(py, c)).collect();
    let mut out = Vec::with_capacity(t.rows);
    for row in 0..t.rows {
        let mut items: Vec<Bound<'py, PyAny>> = Vec::with_capacity(ends + 1);
        for c in head {
            let bytes = Cells::text(&c.values, row);
            let id = match ids.get(bytes) {
                Some(id) => id.clone(),
                None => {
                    let id = PyString::new(py, &String::from_utf8_lossy(bytes)).into_any();
                    ids.insert(bytes, id.clone());
                    id
                }
            };
            items.push(id);
        }
        let d = PyDict::new(py);
        for c in &mut cells {
            if let Some(v) = c.get(py, row)? {
                d.set_item(&c.key, v)?;
            }
        }
        items.push(d.into_any());
        out.push(PyTuple::new(py, items)?);
    }
    PyList::new(py, out)
}

/// `(nodes, edges)`: `[(id, {field: value})]` and `[(source, target, {field: value})]`, what
/// `networkx.MultiDiGraph.add_nodes_from` and `add_edges_from` take. Values are strings,
/// integers, floats and booleans only (dates as their text, days as `YYYY-MM-DD`, structured
/// fields as JSON text), so that networkx's GraphML, GEXF and node-link writers take them.
pub(crate) fn networkx_rows<'py>(py: Python<'py>, g: &Graph) -> PyResult<Bound<'py, PyTuple>> {
    let (nodes, edges) = py.detach(|| diplograph::export::tables(g));
    let mut ids = FxHashMap::with_capacity_and_hasher(nodes.rows, Default::default());
    let node_rows = rows(py, &nodes, 1, &mut ids)?;
    let edge_rows = rows(py, &edges, 2, &mut ids)?;
    PyTuple::new(py, [node_rows, edge_rows])
}
