//! The whole graph at once, for networkx and pandas: `Graph._node_records()`,
//! `Graph._edge_records()`, `Graph._node_columns()` and `Graph._edge_columns()`.
//!
//! One pass over the nodes (or edges) in Rust builds only the Python objects the caller keeps:
//! no `Node`/`Edge` object and no method call per item, kind names and node ids shared between
//! rows instead of one string each, citations and free attributes built directly rather than
//! through serde (`pythonize`), which was most of the cost. The fields and their shapes are
//! those of `Node.to_dict()` and `Edge.to_dict()`: python/tests/test_interop.py compares them
//! on every node and edge of the examples. Cost: O(nodes + edges + citations + attributes),
//! with the GIL held (it builds Python objects throughout).

use std::collections::HashMap;

use diplograph::graph::{EdgeView, NodeIndex};
use diplograph::model::{Attributes, Edge, Node, NodeDetails, StatementText};
use diplograph::provenance::Citation;
use diplograph::time::PartialDate;
use diplograph::Graph;
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyFloat, PyList, PyString, PyTuple};
use serde_json::Value;

use crate::date::PyPartialDate;
use crate::objects::json_to_py;

/// The node fields, in the column order of `Graph.to_pandas()`.
pub(crate) const NODE_FIELDS: [&str; 18] = [
    "id",
    "kind",
    "name",
    "aliases",
    "external_ids",
    "org_kind",
    "agreement_kind",
    "event_kind",
    "date",
    "end",
    "place",
    "quote",
    "paraphrase",
    "url",
    "text",
    "lifecycle",
    "attributes",
    "citations",
];

/// The edge fields, in the column order of `Graph.to_pandas()`.
pub(crate) const EDGE_FIELDS: [&str; 14] = [
    "index",
    "from",
    "to",
    "kind",
    "start",
    "end",
    "title",
    "on_behalf_of",
    "position",
    "share",
    "amount",
    "relation",
    "attributes",
    "citations",
];

/// How dates come out.
#[derive(Clone, Copy)]
pub(crate) enum Dates {
    /// As `PartialDate` objects (networkx attributes, like `to_dict()`).
    Objects,
    /// As ISO text, precision kept (pandas columns).
    Text,
}

/// One field of one row: `None` where the field does not apply.
type Cell<'py> = Option<Bound<'py, PyAny>>;

/// Builds the Python values of rows, sharing the strings that repeat.
struct Builder<'py> {
    py: Python<'py>,
    dates: Dates,
    /// Kind names (`country`, `party_to` …), one string object each.
    names: HashMap<&'static str, Bound<'py, PyAny>>,
    /// Node ids by node index, one string object each, shared by the node and its edges.
    ids: Vec<Option<Bound<'py, PyAny>>>,
    /// Dates, one object each (`PartialDate` is immutable, so rows can share it).
    dates_made: HashMap<PartialDate, Bound<'py, PyAny>>,
}

impl<'py> Builder<'py> {
    fn new(py: Python<'py>, dates: Dates) -> Self {
        Builder {
            py,
            dates,
            names: HashMap::new(),
            ids: Vec::new(),
            dates_made: HashMap::new(),
        }
    }

    fn name(&mut self, name: &'static str) -> Bound<'py, PyAny> {
        let py = self.py;
        self.names
            .entry(name)
            .or_insert_with(|| PyString::intern(py, name).into_any())
            .clone()
    }

    fn id(&mut self, ix: NodeIndex, id: &str) -> Bound<'py, PyAny> {
        let i = ix.index();
        if i >= self.ids.len() {
            self.ids.resize(i + 1, None);
        }
        let py = self.py;
        self.ids[i]
            .get_or_insert_with(|| PyString::new(py, id).into_any())
            .clone()
    }

    fn text(&self, text: &str) -> Bound<'py, PyAny> {
        PyString::new(self.py, text).into_any()
    }

    fn opt_text(&self, text: Option<&str>) -> Cell<'py> {
        text.map(|t| self.text(t))
    }

    fn date(&mut self, date: Option<PartialDate>) -> PyResult<Cell<'py>> {
        let Some(d) = date else { return Ok(None) };
        if let Some(made) = self.dates_made.get(&d) {
            return Ok(Some(made.clone()));
        }
        let made = match self.dates {
            Dates::Objects => Bound::new(self.py, PyPartialDate(d))?.into_any(),
            Dates::Text => self.text(&d.to_string()),
        };
        self.dates_made.insert(d, made.clone());
        Ok(Some(made))
    }

    /// A node's fields, in the order of [`NODE_FIELDS`].
    fn node(&mut self, ix: NodeIndex, n: &Node) -> PyResult<[Cell<'py>; 18]> {
        let py = self.py;
        let mut row: [Cell<'py>; 18] = Default::default();
        row[0] = Some(self.id(ix, &n.id));
        row[1] = Some(self.name(n.kind().as_str()));
        row[2] = Some(self.text(&n.name));
        row[3] = Some(PyList::new(py, &n.aliases)?.into_any());
        let external_ids = PyDict::new(py);
        for (scheme, id) in &n.external_ids {
            external_ids.set_item(scheme, id)?;
        }
        row[4] = Some(external_ids.into_any());
        match &n.details {
            NodeDetails::Country | NodeDetails::Person => {}
            NodeDetails::Organization { kind } => row[5] = Some(self.name(kind.as_str())),
            NodeDetails::Agreement { kind, lifecycle } => {
                row[6] = Some(self.name(kind.as_str()));
                row[15] = Some(json_to_py(py, lifecycle)?);
            }
            NodeDetails::Event { kind, when, place } => {
                row[7] = Some(self.name(kind.as_str()));
                row[8] = self.date(when.start)?;
                row[9] = self.date(when.end)?;
                row[10] = self.opt_text(place.as_deref());
            }
            NodeDetails::Statement { text, date } => {
                match text {
                    StatementText::Quote(q) => row[11] = Some(self.text(q)),
                    StatementText::Paraphrase(p) => row[12] = Some(self.text(p)),
                }
                row[8] = self.date(*date)?;
            }
            NodeDetails::Source { date, url, text } => {
                row[8] = self.date(*date)?;
                row[13] = self.opt_text(url.as_deref());
                row[14] = self.opt_text(text.as_deref());
            }
        }
        row[16] = Some(attributes(py, &n.attributes)?);
        row[17] = Some(citations(py, &n.citations)?);
        Ok(row)
    }

    /// An edge's fields, in the order of [`EDGE_FIELDS`].
    fn edge(&mut self, g: &Graph, v: &EdgeView<'_>) -> PyResult<[Cell<'py>; 14]> {
        // Node ids shared through the ends' indices (an edge always has both).
        let (from, to) = match g.endpoints(v.index) {
            Some((f, t)) => (self.id(f, &v.from.id), self.id(t, &v.to.id)),
            None => (self.text(&v.from.id), self.text(&v.to.id)),
        };
        let py = self.py;
        let e: &Edge = v.edge;
        Ok([
            Some(v.index.index().into_pyobject(py)?.into_any()),
            Some(from),
            Some(to),
            Some(self.name(e.kind.as_str())),
            self.date(e.valid.start)?,
            self.date(e.valid.end)?,
            self.opt_text(e.title()),
            self.opt_text(e.on_behalf_of()),
            e.position()
                .map(|p| p.into_pyobject(py).map(Bound::into_any))
                .transpose()?,
            e.share().map(|s| PyFloat::new(py, s).into_any()),
            self.opt_text(e.amount()),
            self.opt_text(e.relation()),
            Some(attributes(py, &e.attributes)?),
            Some(citations(py, &e.citations)?),
        ])
    }
}

/// A JSON value as Python data, as `pythonize` makes it (`Node.attributes`), without going
/// through serde.
fn json_value<'py>(py: Python<'py>, value: &Value) -> PyResult<Bound<'py, PyAny>> {
    Ok(match value {
        Value::Null => py.None().into_bound(py),
        Value::Bool(b) => PyBool::new(py, *b).to_owned().into_any(),
        Value::Number(n) => match (n.as_u64(), n.as_i64()) {
            (Some(u), _) => u.into_pyobject(py)?.into_any(),
            (None, Some(i)) => i.into_pyobject(py)?.into_any(),
            (None, None) => PyFloat::new(py, n.as_f64().unwrap_or(f64::NAN)).into_any(),
        },
        Value::String(s) => PyString::new(py, s).into_any(),
        Value::Array(items) => PyList::new(
            py,
            items
                .iter()
                .map(|v| json_value(py, v))
                .collect::<PyResult<Vec<_>>>()?,
        )?
        .into_any(),
        Value::Object(map) => {
            let d = PyDict::new(py);
            for (k, v) in map {
                d.set_item(k, json_value(py, v)?)?;
            }
            d.into_any()
        }
    })
}

/// Free attributes as a dict (see [`json_value`]).
fn attributes<'py>(py: Python<'py>, attributes: &Attributes) -> PyResult<Bound<'py, PyAny>> {
    let d = PyDict::new(py);
    for (k, v) in attributes {
        d.set_item(k, json_value(py, v)?)?;
    }
    Ok(d.into_any())
}

/// Citations as a list of dicts in the native format's shape, as `Citation.to_dict()` makes
/// them (keys that do not apply left out, the span a tuple).
fn citations<'py>(py: Python<'py>, citations: &[Citation]) -> PyResult<Bound<'py, PyAny>> {
    let list = PyList::empty(py);
    for c in citations {
        let d = PyDict::new(py);
        d.set_item(intern!(py, "source"), &c.source)?;
        if let Some(span) = c.span {
            d.set_item(intern!(py, "span"), (span.start, span.end))?;
        }
        if let Some(text) = &c.text {
            d.set_item(intern!(py, "text"), text)?;
        }
        if !c.via.is_empty() {
            d.set_item(intern!(py, "via"), &c.via)?;
        }
        if let Some(confidence) = c.confidence {
            d.set_item(intern!(py, "confidence"), confidence)?;
        }
        list.append(d)?;
    }
    Ok(list.into_any())
}

/// Field names as Python strings, made once per conversion.
fn keys<'py>(py: Python<'py>, fields: &[&str]) -> Vec<Bound<'py, PyString>> {
    fields.iter().map(|f| PyString::intern(py, f)).collect()
}

/// A dict of the fields that apply (the cells that are not `None`).
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
fn columns<'py, const N: usize>(
    py: Python<'py>,
    fields: &[&str; N],
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
        out.set_item(field, PyList::new(py, col)?)?;
    }
    Ok(out)
}

/// `[(id, {field: value})]` for every node, fields that do not apply left out, dates as
/// `PartialDate`: what `networkx.MultiDiGraph.add_nodes_from` takes.
pub(crate) fn node_records<'py>(py: Python<'py>, g: &Graph) -> PyResult<Bound<'py, PyList>> {
    let mut b = Builder::new(py, Dates::Objects);
    let keys = keys(py, &NODE_FIELDS);
    let mut rows = Vec::with_capacity(g.node_count());
    for (ix, n) in g.nodes() {
        let row = b.node(ix, n)?;
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
    let keys = keys(py, &EDGE_FIELDS);
    let mut rows = Vec::with_capacity(g.edge_count());
    for v in g.edges() {
        let row = b.edge(g, &v)?;
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

/// `{field: [value per node]}` in [`NODE_FIELDS`] order, `None` where a field does not apply.
pub(crate) fn node_columns<'py>(
    py: Python<'py>,
    g: &Graph,
    dates: Dates,
) -> PyResult<Bound<'py, PyDict>> {
    let mut b = Builder::new(py, dates);
    columns(
        py,
        &NODE_FIELDS,
        g.node_count(),
        g.nodes().map(|(ix, n)| b.node(ix, n)),
    )
}

/// `{field: [value per edge]}` in [`EDGE_FIELDS`] order, `None` where a field does not apply.
pub(crate) fn edge_columns<'py>(
    py: Python<'py>,
    g: &Graph,
    dates: Dates,
) -> PyResult<Bound<'py, PyDict>> {
    let mut b = Builder::new(py, dates);
    columns(
        py,
        &EDGE_FIELDS,
        g.edge_count(),
        g.edges().map(|v| b.edge(g, &v)),
    )
}
