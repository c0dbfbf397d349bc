//! The one definition of a node's and an edge's record: its fields (name, column dtype) and
//! how each is made from the core's value.
//!
//! Everything that shows a node or an edge as Python data goes through here: `Node.to_dict()`
//! and `Edge.to_dict()` (and so pickling, whose `_restore` reads the same field names back);
//! exposed as `_native._NODE_FIELDS` and `_EDGE_FIELDS`. The whole-graph conversions
//! (`to_arrow`, `to_pandas`, `to_networkx`) use the exporters' schema instead (`columns.rs`).
//! Values are built directly rather than through serde (`pythonize`), which was most of the
//! cost of the bulk conversions; strings that repeat (kind names, node ids, dates) are made
//! once and shared.

use std::collections::HashMap;

use diplograph::graph::NodeIndex;
use diplograph::model::{Attributes, Edge, Node, NodeDetails, StatementText};
use diplograph::provenance::Citation;
use diplograph::time::PartialDate;
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyFloat, PyList, PyString};
use serde_json::Value;

use crate::date::PyPartialDate;
use crate::objects::json_to_py;

/// Declares a record's fields: an enum with one variant per field, in column order, each with
/// its key and the pandas dtype of its column.
macro_rules! fields {
    ($(#[$doc:meta])* $ty:ident { $($variant:ident => ($name:literal, $dtype:literal)),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub(crate) enum $ty {
            $(#[doc = concat!("`", $name, "` (", $dtype, ")")] $variant),+
        }

        impl $ty {
            /// Every field, in column order.
            pub(crate) const ALL: [$ty; [$($name),+].len()] = [$($ty::$variant),+];

            /// The field's key in a record, and its column's name.
            pub(crate) const fn name(self) -> &'static str {
                match self {
                    $($ty::$variant => $name),+
                }
            }

            /// The pandas dtype of the field's column.
            pub(crate) const fn dtype(self) -> &'static str {
                match self {
                    $($ty::$variant => $dtype),+
                }
            }
        }
    };
}

fields! {
    /// The fields of a node's record. Text is `string`, kinds `category`, dates EDTF text
    /// (`string`, precision kept), lists and dicts `object`.
    NodeField {
        Id => ("id", "string"),
        Kind => ("kind", "category"),
        Name => ("name", "string"),
        Aliases => ("aliases", "object"),
        ExternalIds => ("external_ids", "object"),
        Unnamed => ("unnamed", "boolean"),
        Description => ("description", "string"),
        OrgKind => ("org_kind", "category"),
        AgreementKind => ("agreement_kind", "category"),
        EventKind => ("event_kind", "category"),
        PlaceKind => ("place_kind", "category"),
        Date => ("date", "string"),
        End => ("end", "string"),
        Place => ("place", "string"),
        Status => ("status", "category"),
        Quote => ("quote", "string"),
        Paraphrase => ("paraphrase", "string"),
        Cue => ("cue", "object"),
        Url => ("url", "string"),
        Text => ("text", "string"),
        Lifecycle => ("lifecycle", "object"),
        Binding => ("binding", "object"),
        Renewal => ("renewal", "object"),
        Vote => ("vote", "object"),
        Attributes => ("attributes", "object"),
        Citations => ("citations", "object"),
    }
}

fields! {
    /// The fields of an edge's record (`index` only in columns: `to_dict()` leaves it out, the
    /// networkx rows carry it as the edge key).
    EdgeField {
        Index => ("index", "Int64"),
        From => ("from", "string"),
        To => ("to", "string"),
        Kind => ("kind", "category"),
        Start => ("start", "string"),
        End => ("end", "string"),
        Attested => ("attested", "object"),
        Title => ("title", "string"),
        OnBehalfOf => ("on_behalf_of", "string"),
        Position => ("position", "Int64"),
        Chain => ("chain", "Int64"),
        Share => ("share", "Float64"),
        Amount => ("amount", "string"),
        Relation => ("relation", "string"),
        Place => ("place", "string"),
        Role => ("role", "string"),
        ActingFor => ("acting_for", "string"),
        Attributes => ("attributes", "object"),
        Citations => ("citations", "object"),
    }
}

/// The number of node fields.
pub(crate) const NODE_FIELD_COUNT: usize = NodeField::ALL.len();
/// The number of edge fields.
pub(crate) const EDGE_FIELD_COUNT: usize = EdgeField::ALL.len();

/// `[(name, dtype)]` of every node field, in column order (`_native._NODE_FIELDS`).
pub(crate) fn node_field_table() -> Vec<(&'static str, &'static str)> {
    NodeField::ALL
        .iter()
        .map(|f| (f.name(), f.dtype()))
        .collect()
}

/// `[(name, dtype)]` of every edge field, in column order (`_native._EDGE_FIELDS`).
pub(crate) fn edge_field_table() -> Vec<(&'static str, &'static str)> {
    EdgeField::ALL
        .iter()
        .map(|f| (f.name(), f.dtype()))
        .collect()
}

/// How dates come out.
#[derive(Clone, Copy)]
pub(crate) enum Dates {
    /// As `PartialDate` objects (`to_dict()`, networkx attributes).
    Objects,
}

/// One field of one record: `None` where the field does not apply to the node's kind or has
/// no value, except that a builder made with [`Builder::for_dict`] gives Python `None` for a
/// field that applies but has no value (`to_dict()` keeps such a key).
pub(crate) type Cell<'py> = Option<Bound<'py, PyAny>>;

/// A node's fields, indexed by [`NodeField`].
pub(crate) type NodeRow<'py> = [Cell<'py>; NODE_FIELD_COUNT];
/// An edge's fields, indexed by [`EdgeField`].
pub(crate) type EdgeRow<'py> = [Cell<'py>; EDGE_FIELD_COUNT];

/// Builds the Python values of records, sharing the strings that repeat.
pub(crate) struct Builder<'py> {
    py: Python<'py>,
    dates: Dates,
    /// Kind names (`country`, `party_to` …), one string object each.
    names: HashMap<&'static str, Bound<'py, PyAny>>,
    /// Node ids by node index, one string object each, shared by the node and its edges.
    ids: Vec<Option<Bound<'py, PyAny>>>,
    /// Dates, one object each (`PartialDate` is immutable, so rows can share it).
    dates_made: HashMap<PartialDate, Bound<'py, PyAny>>,
    /// Whether a field that applies but has no value is Python `None` (`to_dict()`) rather
    /// than left out (the bulk rows and columns, which need no object for it).
    keep_empty: bool,
}

impl<'py> Builder<'py> {
    /// A builder for the bulk rows and columns, making dates as `dates` says.
    pub(crate) fn new(py: Python<'py>, dates: Dates) -> Self {
        Builder {
            py,
            dates,
            names: HashMap::new(),
            ids: Vec::new(),
            dates_made: HashMap::new(),
            keep_empty: false,
        }
    }

    /// A builder for one `to_dict()`: dates as `PartialDate`, empty fields as Python `None`.
    pub(crate) fn for_dict(py: Python<'py>) -> Self {
        Builder {
            keep_empty: true,
            ..Builder::new(py, Dates::Objects)
        }
    }

    fn name(&mut self, name: &'static str) -> Bound<'py, PyAny> {
        let py = self.py;
        self.names
            .entry(name)
            .or_insert_with(|| PyString::intern(py, name).into_any())
            .clone()
    }

    /// A node id, shared through its index when there is one.
    fn id(&mut self, ix: Option<NodeIndex>, id: &str) -> Bound<'py, PyAny> {
        let Some(ix) = ix else { return self.text(id) };
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

    /// A field that applies but has no value (see [`Cell`]).
    fn empty(&self) -> Cell<'py> {
        self.keep_empty.then(|| self.py.None().into_bound(self.py))
    }

    /// A field that applies: its value, or [`Builder::empty`].
    fn or_empty(&self, value: Option<Bound<'py, PyAny>>) -> Cell<'py> {
        value.or_else(|| self.empty())
    }

    /// A text field that applies.
    fn opt_text(&self, text: Option<&str>) -> Cell<'py> {
        self.or_empty(text.map(|t| self.text(t)))
    }

    /// A date field that applies.
    fn date(&mut self, date: Option<PartialDate>) -> PyResult<Cell<'py>> {
        let Some(d) = date else {
            return Ok(self.empty());
        };
        if let Some(made) = self.dates_made.get(&d) {
            return Ok(Some(made.clone()));
        }
        let made = match self.dates {
            Dates::Objects => Bound::new(self.py, PyPartialDate(d))?.into_any(),
        };
        self.dates_made.insert(d, made.clone());
        Ok(Some(made))
    }

    /// A list of dates (an edge's `attested`): every edge has one, empty when it states none.
    fn dates(&mut self, dates: &[PartialDate]) -> PyResult<Cell<'py>> {
        let list = PyList::empty(self.py);
        for d in dates {
            if let Some(made) = self.date(Some(*d))? {
                list.append(made)?;
            }
        }
        Ok(Some(list.into_any()))
    }

    /// A node's fields (`ix` shares its id string with its edges' ends).
    pub(crate) fn node(&mut self, ix: Option<NodeIndex>, n: &Node) -> PyResult<NodeRow<'py>> {
        use NodeField as F;
        let py = self.py;
        let mut row: NodeRow<'py> = Default::default();
        row[F::Id as usize] = Some(self.id(ix, &n.id));
        row[F::Kind as usize] = Some(self.name(n.kind().as_str()));
        row[F::Name as usize] = Some(self.text(&n.name));
        row[F::Aliases as usize] = Some(PyList::new(py, &n.aliases)?.into_any());
        let external_ids = PyDict::new(py);
        for (scheme, id) in &n.external_ids {
            external_ids.set_item(scheme, id)?;
        }
        row[F::ExternalIds as usize] = Some(external_ids.into_any());
        // Only an unnamed node has these (a named one leaves them out, even from `to_dict()`).
        if let Some(description) = &n.unnamed {
            row[F::Unnamed as usize] = Some(PyBool::new(py, true).to_owned().into_any());
            row[F::Description as usize] = Some(self.text(description));
        }
        match &n.details {
            NodeDetails::Country | NodeDetails::Person => {}
            NodeDetails::Organization { kind } => {
                row[F::OrgKind as usize] = Some(self.name(kind.as_str()));
            }
            NodeDetails::Place { kind } => {
                row[F::PlaceKind as usize] = Some(self.name(kind.as_str()));
            }
            NodeDetails::Agreement {
                kind,
                lifecycle,
                terms,
            } => {
                row[F::AgreementKind as usize] = Some(self.name(kind.as_str()));
                row[F::Lifecycle as usize] = Some(json_to_py(py, lifecycle)?);
                if let Some(t) = terms {
                    row[F::Binding as usize] =
                        t.binding.as_ref().map(|b| json_to_py(py, b)).transpose()?;
                    row[F::Renewal as usize] =
                        t.renewal.as_ref().map(|r| json_to_py(py, r)).transpose()?;
                    row[F::Vote as usize] =
                        t.vote.as_ref().map(|v| json_to_py(py, v)).transpose()?;
                }
            }
            NodeDetails::Event {
                kind,
                place,
                status,
                ..
            } => {
                row[F::EventKind as usize] = Some(self.name(kind.as_str()));
                row[F::Status as usize] = Some(self.name(status.as_str()));
                let [date, end] = node_dates(n);
                row[F::Date as usize] = self.date(date)?;
                row[F::End as usize] = self.date(end)?;
                row[F::Place as usize] = self.opt_text(place.as_deref());
            }
            NodeDetails::Statement { text, cue, .. } => {
                if let Some(cue) = cue {
                    row[F::Cue as usize] = Some(json_to_py(py, cue)?);
                }
                match text {
                    StatementText::Quote(q) => row[F::Quote as usize] = Some(self.text(q)),
                    StatementText::Paraphrase(p) => {
                        row[F::Paraphrase as usize] = Some(self.text(p));
                    }
                }
                row[F::Date as usize] = self.date(node_dates(n)[0])?;
            }
            NodeDetails::Source { url, text, .. } => {
                row[F::Date as usize] = self.date(node_dates(n)[0])?;
                row[F::Url as usize] = self.opt_text(url.as_deref());
                row[F::Text as usize] = self.opt_text(text.as_deref());
            }
        }
        row[F::Attributes as usize] = Some(attributes(py, &n.attributes)?);
        row[F::Citations as usize] = Some(citations(py, &n.citations)?);
        Ok(row)
    }

    /// An edge's fields. `ends` are the node indices of its ends (to share their id strings)
    /// when known.
    pub(crate) fn edge(
        &mut self,
        index: usize,
        (from, to): (&str, &str),
        ends: Option<(NodeIndex, NodeIndex)>,
        e: &Edge,
    ) -> PyResult<EdgeRow<'py>> {
        let from = self.id(ends.map(|(f, _)| f), from);
        let to = self.id(ends.map(|(_, t)| t), to);
        let py = self.py;
        let position = e
            .position()
            .map(|p| p.into_pyobject(py).map(Bound::into_any))
            .transpose()?;
        let chain = e
            .qualifiers
            .as_deref()
            .and_then(|q| q.chain)
            .map(|c| c.into_pyobject(py).map(Bound::into_any))
            .transpose()?;
        let share = e.share().map(|s| PyFloat::new(py, s).into_any());
        Ok([
            Some(index.into_pyobject(py)?.into_any()),
            Some(from),
            Some(to),
            Some(self.name(e.kind.as_str())),
            self.date(e.valid.start)?,
            self.date(e.valid.end)?,
            self.dates(&e.attested)?,
            self.opt_text(e.title()),
            self.opt_text(e.on_behalf_of()),
            self.or_empty(position),
            self.or_empty(chain),
            self.or_empty(share),
            self.opt_text(e.amount()),
            self.opt_text(e.relation()),
            self.opt_text(e.place()),
            self.opt_text(
                e.qualifiers
                    .as_ref()
                    .and_then(|q| q.role)
                    .map(|r| r.as_str()),
            ),
            self.opt_text(e.acting_for()),
            Some(attributes(py, &e.attributes)?),
            Some(citations(py, &e.citations)?),
        ])
    }
}

/// A node's `date` and `end` fields: an event's start and end, a statement's or a source's
/// date.
pub(crate) fn node_dates(n: &Node) -> [Option<PartialDate>; 2] {
    match &n.details {
        NodeDetails::Event { when, .. } => [when.start, when.end],
        NodeDetails::Statement { date, .. } | NodeDetails::Source { date, .. } => [*date, None],
        _ => [None, None],
    }
}

/// A record as a dict: every field that applies (Python `None` kept where it has no value),
/// in field order, the fields in `leave_out` left out.
pub(crate) fn to_dict<'py, F: Copy + PartialEq>(
    py: Python<'py>,
    fields: &[F],
    name: impl Fn(F) -> &'static str,
    cells: &[Cell<'py>],
    leave_out: &[F],
) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    for (field, cell) in fields.iter().zip(cells) {
        if let Some(value) = cell {
            if !leave_out.contains(field) {
                d.set_item(name(*field), value)?;
            }
        }
    }
    Ok(d)
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
        if let Some(n) = c.occurrence {
            d.set_item(intern!(py, "occurrence"), n)?;
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
