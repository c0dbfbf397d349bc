//! Nodes, edges, citations and lifecycle steps as Python objects.
//!
//! Each object holds a copy of the core value it shows (cheap: ids, names and a few dates), so
//! it stays valid whatever happens to the graph it came from.

use std::collections::BTreeMap;

use diplograph::model::{
    AgreementTerms, Attributes, Edge, EdgeKind, LifecycleStep, Node, NodeDetails, NodeKind,
    StatementText,
};
use diplograph::provenance::{Citation, Span};
use diplograph::time::Interval;
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyTuple, PyType};

use crate::date::{opt_date, DateArg, PyPartialDate};
use crate::errors::to_py_err;
use crate::graph::vocab;
use crate::records::{self, Builder, EdgeField, NodeField};

/// A JSON value (free attributes) as a Python object.
pub(crate) fn json_to_py<'py>(
    py: Python<'py>,
    value: &impl serde::Serialize,
) -> PyResult<Bound<'py, PyAny>> {
    Ok(pythonize::pythonize(py, value)?)
}

/// A term of an agreement (`binding`, `renewal`, `vote`) from a Python dict in the native
/// format's shape, whose `citations` may be `Citation` objects or dicts.
pub(crate) fn term_from_py<T: serde::de::DeserializeOwned>(
    name: &str,
    value: &Bound<'_, PyAny>,
) -> PyResult<T> {
    let wrong = |e: &dyn std::fmt::Display| {
        PyTypeError::new_err(format!(
            "`{name}` must be a dict in the native format's shape (see docs/format.md, agreement \
             terms), with `citations` as Citation objects or dicts: {e}"
        ))
    };
    let dict = value.cast::<PyDict>().map_err(|e| wrong(&e))?.copy()?;
    let citations: Vec<CitationArg> = match dict.get_item("citations")? {
        Some(c) => c.extract()?,
        None => Vec::new(),
    };
    dict.del_item("citations").ok();
    let mut json: serde_json::Value =
        pythonize::depythonize(dict.as_any()).map_err(|e| wrong(&e))?;
    if let Some(map) = json.as_object_mut() {
        let cs: Vec<Citation> = citations.into_iter().map(|c| c.0).collect();
        map.insert(
            "citations".to_owned(),
            serde_json::to_value(cs).map_err(|e| wrong(&e))?,
        );
    }
    serde_json::from_value(json).map_err(|e| wrong(&e))
}

/// Free attributes from a Python mapping (JSON-like values only).
pub(crate) fn attributes_from_py(value: Option<&Bound<'_, PyDict>>) -> PyResult<Attributes> {
    match value {
        None => Ok(Attributes::new()),
        Some(d) => pythonize::depythonize::<Attributes>(d.as_any()).map_err(|e| {
            PyTypeError::new_err(format!(
                "attributes must map strings to JSON-like values (str, int, float, bool, None, list, dict): {e}"
            ))
        }),
    }
}

/// Where a fact comes from: a source, the span of its text, the words quoted and the chain of
/// intermediaries through which the source knows it.
///
/// >>> c = Citation("st-2016-06-04", span=(0, 9), text="SINGAPORE", via=["yonhap"])
/// >>> c.source, c.span, c.via
/// ('st-2016-06-04', (0, 9), ['yonhap'])
///
/// Given by its words alone (``text`` without ``span``), a citation finds its span when the
/// graph holds its source's text: byte for byte (case and spacing count), ``occurrence``
/// (from 1) picking among repeats. Words not found, or found several times with no
/// ``occurrence``, are reported by ``Graph.validate()`` and by loading.
///
/// >>> g = Graph()
/// >>> _ = g.add_source("st", "A paper", text="Seoul and Tokyo. Seoul again.")
/// >>> _ = g.add_country("KOR", "South Korea", citations=[Citation("st", text="Seoul", occurrence=2)])
/// >>> g.node("KOR").citations[0]
/// Citation("st", span=(17, 22), text="Seoul")
#[pyclass(module = "diplograph", name = "Citation", frozen, eq)]
#[derive(Clone, PartialEq)]
pub(crate) struct PyCitation(pub(crate) Citation);

#[pymethods]
impl PyCitation {
    #[new]
    #[pyo3(signature = (source, span = None, text = None, via = Vec::new(), confidence = None, occurrence = None))]
    fn new(
        source: String,
        span: Option<(usize, usize)>,
        text: Option<String>,
        via: Vec<String>,
        confidence: Option<f64>,
        occurrence: Option<u32>,
    ) -> Self {
        PyCitation(Citation {
            source,
            span: span.map(|(start, end)| Span { start, end }),
            text,
            occurrence,
            via,
            confidence,
        })
    }

    /// The id of the source node.
    #[getter]
    fn source(&self) -> &str {
        &self.0.source
    }

    /// ``(start, end)``: byte offsets (UTF-8, end exclusive) into the source's text, or ``None``.
    #[getter]
    fn span(&self) -> Option<(usize, usize)> {
        self.0.span.map(|s| (s.start, s.end))
    }

    /// The words the span covers, as written in the citation (checked against the source).
    #[getter]
    fn text(&self) -> Option<&str> {
        self.0.text.as_deref()
    }

    /// Which match of ``text`` is meant (from 1) when the words occur more than once, or
    /// ``None``; dropped once the span is found.
    #[getter]
    fn occurrence(&self) -> Option<u32> {
        self.0.occurrence
    }

    /// The intermediaries between the fact and the source, nearest the fact first (ids).
    #[getter]
    fn via(&self) -> Vec<String> {
        self.0.via.clone()
    }

    /// How sure the citer is, from 0 to 1, or ``None``.
    #[getter]
    fn confidence(&self) -> Option<f64> {
        self.0.confidence
    }

    /// The citation as a dict in the native format's shape.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        citation_dict(py, &self.0)
    }

    fn __repr__(&self) -> String {
        let mut s = format!("Citation({:?}", self.0.source);
        if let Some(span) = self.0.span {
            s.push_str(&format!(", span=({}, {})", span.start, span.end));
        }
        if let Some(t) = &self.0.text {
            s.push_str(&format!(", text={t:?}"));
        }
        if !self.0.via.is_empty() {
            s.push_str(&format!(", via={:?}", self.0.via));
        }
        if let Some(c) = self.0.confidence {
            s.push_str(&format!(", confidence={c}"));
        }
        if let Some(n) = self.0.occurrence {
            s.push_str(&format!(", occurrence={n}"));
        }
        s.push(')');
        s
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let c = &slf.get().0;
        let args = (
            c.source.clone(),
            slf.get().span(),
            c.text.clone(),
            c.via.clone(),
            c.confidence,
            c.occurrence,
        )
            .into_pyobject(py)?;
        PyTuple::new(py, [slf.get_type().into_any(), args.into_any()])
    }
}

fn citation_dict<'py>(py: Python<'py>, c: &Citation) -> PyResult<Bound<'py, PyAny>> {
    json_to_py(py, c)
}

/// An argument that is a `Citation` or a dict with the same keys.
pub(crate) struct CitationArg(pub(crate) Citation);

impl<'a, 'py> FromPyObject<'a, 'py> for CitationArg {
    type Error = PyErr;

    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
        if let Ok(c) = obj.cast::<PyCitation>() {
            return Ok(CitationArg(c.get().0.clone()));
        }
        if let Ok(d) = obj.cast::<PyDict>() {
            let made = obj.py().get_type::<PyCitation>().call((), Some(&*d))?;
            return Ok(CitationArg(made.cast::<PyCitation>()?.get().0.clone()));
        }
        Err(PyTypeError::new_err(
            "a citation must be a diplograph.Citation or a dict of its arguments",
        ))
    }
}

pub(crate) fn citations(list: Vec<CitationArg>) -> Vec<Citation> {
    list.into_iter().map(|c| c.0).collect()
}

fn citation_objects(list: &[Citation]) -> Vec<PyCitation> {
    list.iter().cloned().map(PyCitation).collect()
}

/// A dated step in an agreement's life: ``proposed``, ``negotiating``, ``agreed``,
/// ``initialled``, ``signed``, ``ratified`` (optionally by ``party``), ``provisionally_applied``,
/// ``in_force`` (optionally ``until`` the end of its term), ``suspended`` (optionally one
/// ``party``'s participation), ``withdrawn`` (by ``party``), ``notice_given`` (of termination,
/// or of ``party``'s withdrawal, taking effect on ``effective``), ``notice_suspended``,
/// ``notice_withdrawn``, ``renewed`` (optionally ``until``), ``expired``, ``terminated`` or
/// ``abandoned``. Any step may carry a ``condition`` and a ``note`` in words, and a ``status``:
/// ``occurred`` (the default), ``planned``, ``scheduled``, ``cancelled``, ``postponed`` or
/// ``did_not_happen``; only steps that occurred change the agreement's state.
///
/// >>> LifecycleStep("in_force", date="2016-11-23")
/// LifecycleStep('in_force', date='2016-11-23')
/// >>> LifecycleStep("notice_given", date="2020-05-22", party="USA", effective="2020-11-22")
/// LifecycleStep('notice_given', date='2020-05-22', party="USA", effective='2020-11-22')
/// >>> LifecycleStep("signed", date="2012-06-29", status="cancelled").status
/// 'cancelled'

#[pyclass(module = "diplograph", name = "LifecycleStep", frozen, eq)]
#[derive(Clone, PartialEq)]
pub(crate) struct PyLifecycleStep(pub(crate) LifecycleStep);

#[pymethods]
impl PyLifecycleStep {
    #[new]
    #[pyo3(signature = (state, date = None, attested = None, party = None, citations = Vec::new(), effective = None, until = None, condition = None, note = None, status = "occurred", place = None))]
    #[expect(
        clippy::too_many_arguments,
        reason = "mirrors the Python keyword arguments"
    )]
    fn new(
        state: &str,
        date: Option<DateArg>,
        attested: Option<DateArg>,
        party: Option<String>,
        citations: Vec<CitationArg>,
        effective: Option<DateArg>,
        until: Option<DateArg>,
        condition: Option<String>,
        note: Option<String>,
        status: &str,
        place: Option<String>,
    ) -> PyResult<Self> {
        let unknown = |e: diplograph::error::UnknownName| to_py_err(e.into());
        let mut step = LifecycleStep::new(state.parse().map_err(unknown)?, date.map(|d| d.0))
            .with_status(status.parse().map_err(unknown)?);
        step.attested = attested.map(|d| d.0);
        step.party = party;
        step.place = place;
        step.effective = effective.map(|d| d.0);
        step.until = until.map(|d| d.0);
        step.condition = condition;
        step.note = note;
        step.citations = self::citations(citations);
        Ok(PyLifecycleStep(step))
    }

    /// For ``notice_given``: the date the notice takes effect.
    #[getter]
    fn effective(&self) -> Option<PyPartialDate> {
        opt_date(self.0.effective)
    }

    /// For ``in_force`` and ``renewed``: the end of the term (on that date it is expired).
    #[getter]
    fn until(&self) -> Option<PyPartialDate> {
        opt_date(self.0.until)
    }

    /// A condition in words, or ``None``.
    #[getter]
    fn condition(&self) -> Option<&str> {
        self.0.condition.as_deref()
    }

    /// A note in words, or ``None``.
    #[getter]
    fn note(&self) -> Option<&str> {
        self.0.note.as_deref()
    }

    /// Whether the step happened: ``occurred``, ``planned``, ``scheduled``, ``cancelled``,
    /// ``postponed`` or ``did_not_happen``.
    #[getter]
    fn status(&self) -> &'static str {
        self.0.status.as_str()
    }

    /// The state entered.
    #[getter]
    fn state(&self) -> &'static str {
        self.0.state.as_str()
    }

    /// When the agreement entered the state, or ``None`` when unknown.
    #[getter]
    fn date(&self) -> Option<PyPartialDate> {
        opt_date(self.0.date)
    }

    /// A date by which a source confirms the state held, when ``date`` is unknown.
    #[getter]
    fn attested(&self) -> Option<PyPartialDate> {
        opt_date(self.0.attested)
    }

    /// The id of the party the step concerns: who withdrew, ratified, gave notice of
    /// withdrawal, or whose participation is suspended.
    #[getter]
    fn party(&self) -> Option<&str> {
        self.0.party.as_deref()
    }

    /// The id of the place or country where the step took place (a signing in a city).
    #[getter]
    fn place(&self) -> Option<&str> {
        self.0.place.as_deref()
    }

    /// Where the step is stated.
    #[getter]
    fn citations(&self) -> Vec<PyCitation> {
        citation_objects(&self.0.citations)
    }

    /// The step as a dict in the native format's shape.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json_to_py(py, &self.0)
    }

    fn __repr__(&self) -> String {
        let mut s = format!("LifecycleStep('{}'", self.0.state);
        if let Some(d) = self.0.date {
            s.push_str(&format!(", date='{d}'"));
        }
        if let Some(d) = self.0.attested {
            s.push_str(&format!(", attested='{d}'"));
        }
        if let Some(p) = &self.0.party {
            s.push_str(&format!(", party={p:?}"));
        }
        if let Some(p) = &self.0.place {
            s.push_str(&format!(", place={p:?}"));
        }
        if let Some(d) = self.0.effective {
            s.push_str(&format!(", effective='{d}'"));
        }
        if let Some(d) = self.0.until {
            s.push_str(&format!(", until='{d}'"));
        }
        if let Some(c) = &self.0.condition {
            s.push_str(&format!(", condition={c:?}"));
        }
        if let Some(n) = &self.0.note {
            s.push_str(&format!(", note={n:?}"));
        }
        if !self.0.status.occurred() {
            s.push_str(&format!(", status='{}'", self.0.status));
        }
        s.push(')');
        s
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let s = &slf.get().0;
        let cites = PyList::new(py, citation_objects(&s.citations))?;
        let args = (
            s.state.as_str(),
            s.date.map(|d| d.to_string()),
            s.attested.map(|d| d.to_string()),
            s.party.clone(),
            cites,
            s.effective.map(|d| d.to_string()),
            s.until.map(|d| d.to_string()),
            s.condition.clone(),
            s.note.clone(),
            s.status.as_str(),
        )
            .into_pyobject(py)?;
        PyTuple::new(py, [slf.get_type().into_any(), args.into_any()])
    }
}

/// An argument that is a `LifecycleStep` or a dict of its arguments.
pub(crate) struct StepArg(pub(crate) LifecycleStep);

impl<'a, 'py> FromPyObject<'a, 'py> for StepArg {
    type Error = PyErr;

    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
        if let Ok(c) = obj.cast::<PyLifecycleStep>() {
            return Ok(StepArg(c.get().0.clone()));
        }
        if let Ok(d) = obj.cast::<PyDict>() {
            let made = obj.py().get_type::<PyLifecycleStep>().call((), Some(&*d))?;
            return Ok(StepArg(made.cast::<PyLifecycleStep>()?.get().0.clone()));
        }
        Err(PyTypeError::new_err(
            "a lifecycle step must be a diplograph.LifecycleStep or a dict of its arguments",
        ))
    }
}

/// A node of a graph: a country, person, organization, agreement, event, statement or source.
///
/// Every node has ``kind``, ``id``, ``name``, ``aliases``, ``external_ids``, ``attributes`` and
/// ``citations``; the other properties belong to some kinds and are ``None`` (or empty) on the
/// rest. A node is a snapshot: it does not change when the graph does.
///
/// >>> kor = example().node("Seoul")
/// >>> kor
/// <Node country KOR 'South Korea'>
/// >>> kor.kind, kor.id, kor.aliases
/// ('country', 'KOR', ['the South'])
#[pyclass(module = "diplograph", name = "Node", frozen)]
#[derive(Clone)]
pub(crate) struct PyNode(pub(crate) Node);

impl PyNode {
    fn details_date(&self) -> Option<diplograph::time::PartialDate> {
        match &self.0.details {
            NodeDetails::Event { when, .. } => when.start,
            NodeDetails::Statement { date, .. } | NodeDetails::Source { date, .. } => *date,
            _ => None,
        }
    }
}

#[pymethods]
impl PyNode {
    /// The node's kind: ``country``, ``person``, ``organization``, ``agreement``, ``event``,
    /// ``statement`` or ``source``.
    #[getter]
    fn kind(&self) -> &'static str {
        self.0.kind().as_str()
    }

    /// The stable id (``KOR``, ``ashton-carter``).
    #[getter]
    fn id(&self) -> &str {
        &self.0.id
    }

    /// The name to show.
    #[getter]
    fn name(&self) -> &str {
        &self.0.name
    }

    /// Other names the dataset declares for it.
    #[getter]
    fn aliases(&self) -> Vec<String> {
        self.0.aliases.clone()
    }

    /// External identifiers by scheme (``{"wikidata": "Q884"}``).
    #[getter]
    fn external_ids(&self) -> BTreeMap<String, String> {
        self.0.external_ids.clone()
    }

    /// Free attributes (a dict of JSON-like values).
    #[getter]
    fn attributes<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json_to_py(py, &self.0.attributes)
    }

    /// Where the node is stated.
    #[getter]
    fn citations(&self) -> Vec<PyCitation> {
        citation_objects(&self.0.citations)
    }

    /// For a person or organization the sources do not name: the description they give
    /// (``"a senior US official"``); ``None`` for a named one. An unnamed node is found by its
    /// id only.
    #[getter]
    fn unnamed(&self) -> Option<&str> {
        self.0.unnamed.as_deref()
    }

    /// For statements: the reporting words that attribute it (``"told reporters"``), when
    /// recorded.
    #[getter]
    fn cue(&self) -> Option<&str> {
        self.0.cue().map(|c| c.words.as_str())
    }

    /// For statements: where the reporting words (``cue``) are printed.
    #[getter]
    fn cue_citations(&self) -> Vec<PyCitation> {
        self.0
            .cue()
            .map(|c| citation_objects(&c.citations))
            .unwrap_or_default()
    }

    /// For organizations: ``ministry``, ``military``, ``news_outlet`` …
    #[getter]
    fn org_kind(&self) -> Option<&'static str> {
        match &self.0.details {
            NodeDetails::Organization { kind } => Some(kind.as_str()),
            _ => None,
        }
    }

    /// For places: ``city``, ``military_base``, ``venue``, ``region``, ``sea`` …
    #[getter]
    fn place_kind(&self) -> Option<&'static str> {
        match &self.0.details {
            NodeDetails::Place { kind } => Some(kind.as_str()),
            _ => None,
        }
    }

    /// For agreements: ``gsomia``, ``memorandum_of_understanding``, ``treaty`` …
    #[getter]
    fn agreement_kind(&self) -> Option<&'static str> {
        self.0.agreement_kind().map(|k| k.as_str())
    }

    /// For events: ``meeting``, ``summit``, ``exercise`` …
    #[getter]
    fn event_kind(&self) -> Option<&'static str> {
        match &self.0.details {
            NodeDetails::Event { kind, .. } => Some(kind.as_str()),
            _ => None,
        }
    }

    /// For agreements: the dated history, in order (empty for other kinds).
    #[getter]
    fn lifecycle(&self) -> Vec<PyLifecycleStep> {
        self.0
            .lifecycle()
            .unwrap_or_default()
            .iter()
            .cloned()
            .map(PyLifecycleStep)
            .collect()
    }

    /// For agreements: whether a source states it binds its parties in law, as a dict
    /// ``{"value": bool, "citations": [...]}``; ``None`` when no source says.
    #[getter]
    fn binding<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        self.0
            .terms()
            .and_then(|t| t.binding.as_ref())
            .map(|b| json_to_py(py, b))
            .transpose()
    }

    /// For agreements: the renewal terms a source states, as a dict
    /// ``{"terms": str, "citations": [...]}``; ``None`` when no source says.
    #[getter]
    fn renewal<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        self.0
            .terms()
            .and_then(|t| t.renewal.as_ref())
            .map(|r| json_to_py(py, r))
            .transpose()
    }

    /// For resolutions: the recorded vote, as a dict
    /// ``{"for": int, "against": int, "abstain": int, "date": str (optional), "citations": [...]}``.
    #[getter]
    fn vote<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        self.0
            .terms()
            .and_then(|t| t.vote.as_ref())
            .map(|v| json_to_py(py, v))
            .transpose()
    }

    /// For events, the (first) date; for statements, when it was said; for sources, the
    /// publication date.
    #[getter]
    fn date(&self) -> Option<PyPartialDate> {
        opt_date(self.details_date())
    }

    /// For events: the last date (inclusive); equal to ``date`` for a one-day event.
    #[getter]
    fn end(&self) -> Option<PyPartialDate> {
        match &self.0.details {
            NodeDetails::Event { when, .. } => opt_date(when.end),
            _ => None,
        }
    }

    /// For events: the place in words.
    #[getter]
    fn place(&self) -> Option<&str> {
        match &self.0.details {
            NodeDetails::Event { place, .. } => place.as_deref(),
            _ => None,
        }
    }

    /// For events: whether it happened (``occurred``) or was ``planned``, ``scheduled``,
    /// ``cancelled``, ``postponed``, or ``did_not_happen``; ``None`` for other kinds.
    #[getter]
    fn status(&self) -> Option<&'static str> {
        match &self.0.details {
            NodeDetails::Event { status, .. } => Some(status.as_str()),
            _ => None,
        }
    }

    /// For statements: the verbatim words, when quoted.
    #[getter]
    fn quote(&self) -> Option<&str> {
        match &self.0.details {
            NodeDetails::Statement {
                text: StatementText::Quote(q),
                ..
            } => Some(q),
            _ => None,
        }
    }

    /// For statements: an account of the words, when paraphrased.
    #[getter]
    fn paraphrase(&self) -> Option<&str> {
        match &self.0.details {
            NodeDetails::Statement {
                text: StatementText::Paraphrase(p),
                ..
            } => Some(p),
            _ => None,
        }
    }

    /// For statements, the words (quoted or paraphrased); for sources, the full text if held.
    #[getter]
    fn text(&self) -> Option<&str> {
        match &self.0.details {
            NodeDetails::Statement { text, .. } => Some(text.text()),
            NodeDetails::Source { text, .. } => text.as_deref(),
            _ => None,
        }
    }

    /// For sources: where the document can be found.
    #[getter]
    fn url(&self) -> Option<&str> {
        match &self.0.details {
            NodeDetails::Source { url, .. } => url.as_deref(),
            _ => None,
        }
    }

    /// The node as a dict in the native format's shape, dates as ``PartialDate``.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let row = Builder::for_dict(py).node(None, &self.0)?;
        records::to_dict(py, &NodeField::ALL, NodeField::name, &row, &[])
    }

    /// Rebuilds a node from its ``to_dict()`` (for pickling).
    #[classmethod]
    fn _restore(_cls: &Bound<'_, PyType>, state: &Bound<'_, PyDict>) -> PyResult<Self> {
        use NodeField as F;
        let text = |f: F| state_text(state, f.name());
        let date = |f: F| state_date(state, f.name());
        let item = |f: F| state.get_item(f.name());
        let required = |f: F| -> PyResult<String> {
            text(f)?.ok_or_else(|| PyTypeError::new_err(format!("node state lacks `{}`", f.name())))
        };
        let kind: NodeKind = vocab(&required(F::Kind)?)?;
        let details = match kind {
            NodeKind::Country => NodeDetails::Country,
            NodeKind::Person => NodeDetails::Person,
            NodeKind::Organization => NodeDetails::Organization {
                kind: vocab(&required(F::OrgKind)?)?,
            },
            NodeKind::Agreement => {
                let term = |f: F| -> PyResult<Option<Bound<'_, PyAny>>> {
                    Ok(item(f)?.filter(|v| !v.is_none()))
                };
                let terms = AgreementTerms {
                    binding: term(F::Binding)?
                        .map(|v| term_from_py(F::Binding.name(), &v))
                        .transpose()?,
                    renewal: term(F::Renewal)?
                        .map(|v| term_from_py(F::Renewal.name(), &v))
                        .transpose()?,
                    vote: term(F::Vote)?
                        .map(|v| term_from_py(F::Vote.name(), &v))
                        .transpose()?,
                };
                NodeDetails::Agreement {
                    kind: vocab(&required(F::AgreementKind)?)?,
                    lifecycle: item(F::Lifecycle)?
                        .map(|v| v.extract::<Vec<StepArg>>())
                        .transpose()?
                        .unwrap_or_default()
                        .into_iter()
                        .map(|s| s.0)
                        .collect(),
                    terms: (!terms.is_empty()).then(|| Box::new(terms)),
                }
            }
            NodeKind::Event => NodeDetails::Event {
                kind: vocab(&required(F::EventKind)?)?,
                when: Interval::new(date(F::Date)?, date(F::End)?),
                place: text(F::Place)?,
                status: text(F::Status)?
                    .map(|s| vocab(&s))
                    .transpose()?
                    .unwrap_or_default(),
            },
            NodeKind::Statement => NodeDetails::Statement {
                cue: item(F::Cue)?
                    .filter(|v| !v.is_none())
                    .map(|v| pythonize::depythonize::<diplograph::Cue>(&v))
                    .transpose()
                    .map_err(|e| PyTypeError::new_err(format!("node state's `cue`: {e}")))?,
                text: match (text(F::Quote)?, text(F::Paraphrase)?) {
                    (Some(q), _) => StatementText::Quote(q),
                    (None, Some(p)) => StatementText::Paraphrase(p),
                    (None, None) => {
                        return Err(PyTypeError::new_err(
                            "statement state lacks `quote` and `paraphrase`",
                        ))
                    }
                },
                date: date(F::Date)?,
            },
            NodeKind::Place => NodeDetails::Place {
                kind: vocab(&required(F::PlaceKind)?)?,
            },
            NodeKind::Source => NodeDetails::Source {
                date: date(F::Date)?,
                url: text(F::Url)?,
                text: text(F::Text)?,
            },
            other => {
                return Err(PyTypeError::new_err(format!(
                    "cannot restore a node of kind `{other}`"
                )))
            }
        };
        let mut n = Node::new(required(F::Id)?, required(F::Name)?, details);
        if let Some(v) = item(F::Aliases)? {
            n.aliases = v.extract()?;
        }
        if let Some(v) = item(F::ExternalIds)? {
            n.external_ids = v.extract()?;
        }
        if let Some(v) = item(F::Attributes)? {
            n.attributes = attributes_from_py(Some(v.cast::<PyDict>()?))?;
        }
        if let Some(v) = item(F::Citations)? {
            n.citations = citations(v.extract()?);
        }
        let unnamed = item(F::Unnamed)?
            .map(|v| v.extract::<Option<bool>>())
            .transpose()?;
        if unnamed.flatten() == Some(true) {
            n.unnamed = text(F::Description)?;
        }
        Ok(PyNode(n))
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let restore = slf.get_type().getattr("_restore")?;
        let args = PyTuple::new(py, [slf.get().to_dict(py)?])?;
        PyTuple::new(py, [restore, args.into_any()])
    }

    fn __repr__(&self) -> String {
        format!("<Node {} {} {:?}>", self.0.kind(), self.0.id, self.0.name).replace('"', "'")
    }

    fn __str__(&self) -> String {
        self.0.name.clone()
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other.cast::<PyNode>().is_ok_and(|o| o.get().0 == self.0)
    }

    fn __hash__(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        (self.0.kind(), &self.0.id).hash(&mut h);
        h.finish()
    }
}

/// An edge of a graph: a typed relation from one node to another, optionally dated, with
/// citations.
///
/// ``from_id`` and ``to_id`` name its ends; ``start`` and ``end`` bound when it holds (``None``
/// when unknown). Kind-specific details (``title``, ``on_behalf_of``, ``position``, ``share``,
/// ``amount``, ``relation``, ``role``, ``acting_for``) are ``None`` where they do not apply.
///
/// >>> e = example().edges(kind="holds_office")[0]
/// >>> e.kind, e.title is not None
/// ('holds_office', True)
#[pyclass(module = "diplograph", name = "Edge", frozen)]
#[derive(Clone)]
pub(crate) struct PyEdge {
    pub(crate) from: String,
    pub(crate) to: String,
    pub(crate) index: usize,
    pub(crate) edge: Edge,
}

impl PyEdge {
    pub(crate) fn from_view(v: &diplograph::graph::EdgeView<'_>) -> Self {
        PyEdge {
            from: v.from.id.clone(),
            to: v.to.id.clone(),
            index: v.index.index(),
            edge: v.edge.clone(),
        }
    }
}

#[pymethods]
impl PyEdge {
    /// The edge's kind: ``party_to``, ``signed``, ``holds_office``, ``said`` …
    #[getter]
    fn kind(&self) -> &'static str {
        self.edge.kind.as_str()
    }

    /// A readable id, ``"from -kind-> to"``, as validation problems name edges.
    #[getter]
    fn id(&self) -> String {
        format!("{} -{}-> {}", self.from, self.edge.kind, self.to)
    }

    /// The edge's index in its graph (stable for the graph's life).
    #[getter]
    fn index(&self) -> usize {
        self.index
    }

    /// The id of the node the edge starts at.
    #[getter]
    #[pyo3(name = "from_id")]
    fn start_id(&self) -> &str {
        &self.from
    }

    /// The id of the node the edge ends at.
    #[getter]
    fn to_id(&self) -> &str {
        &self.to
    }

    /// The first date it holds, or ``None`` when unknown.
    #[getter]
    fn start(&self) -> Option<PyPartialDate> {
        opt_date(self.edge.valid.start)
    }

    /// The last date it holds (inclusive), or ``None`` when unknown or open.
    #[getter]
    fn end(&self) -> Option<PyPartialDate> {
        opt_date(self.edge.valid.end)
    }

    /// The dates on which a source confirms the edge held, as the data states them (sorted;
    /// empty when it states none).
    ///
    /// >>> (e,) = [e for e in example().edges(kind="holds_office") if e.from_id == "han-min-koo"]
    /// >>> [str(d) for d in e.attested]
    /// ['2016-06-04']
    #[getter]
    fn attested(&self) -> Vec<PyPartialDate> {
        self.edge
            .attested
            .iter()
            .map(|&d| PyPartialDate(d))
            .collect()
    }

    /// For ``holds_office``: the office.
    #[getter]
    fn title(&self) -> Option<&str> {
        self.edge.title()
    }

    /// For ``signed``: the id of the party signed for.
    #[getter]
    fn on_behalf_of(&self) -> Option<&str> {
        self.edge.on_behalf_of()
    }

    /// For ``signed``: the id of the place or country where it was signed.
    #[getter]
    fn place(&self) -> Option<&str> {
        self.edge.place()
    }

    /// For ``reported_by``: the place in the attribution chain (1 = nearest the speaker).
    #[getter]
    fn position(&self) -> Option<u32> {
        self.edge.position()
    }

    /// For ``reported_by``: which of the statement's parallel chains the edge belongs to (1
    /// when the data gives none: a statement known through one chain).
    #[getter]
    fn chain(&self) -> Option<u32> {
        (self.edge.kind == EdgeKind::ReportedBy).then(|| self.edge.chain())
    }

    /// For ``trades_with``: the share (0–1) of ``from``'s trade that goes to ``to``.
    #[getter]
    fn share(&self) -> Option<f64> {
        self.edge.share()
    }

    /// An amount in words.
    #[getter]
    fn amount(&self) -> Option<&str> {
        self.edge.amount()
    }

    /// For ``other``: the name of the relation.
    #[getter]
    fn relation(&self) -> Option<&str> {
        self.edge.relation()
    }

    /// For ``party_to``: the party's role (``member``, ``hub``, ``spoke``, ``observer``,
    /// ``guarantor``); ``None`` on other edges.
    ///
    /// >>> [e.role for e in example().edges(kind="party_to") if e.to_id == "trilateral-info-sharing"]
    /// ['spoke', 'spoke', 'hub']
    #[getter]
    fn role(&self) -> Option<&'static str> {
        (self.edge.kind == EdgeKind::PartyTo).then(|| self.edge.role().as_str())
    }

    /// For ``party_to`` from an organization: the id of the country it acts for, when stated
    /// (otherwise the core derives it from ``part_of``).
    #[getter]
    fn acting_for(&self) -> Option<&str> {
        self.edge.acting_for()
    }

    /// Free attributes (a dict of JSON-like values).
    #[getter]
    fn attributes<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json_to_py(py, &self.edge.attributes)
    }

    /// Where the edge is stated.
    #[getter]
    fn citations(&self) -> Vec<PyCitation> {
        citation_objects(&self.edge.citations)
    }

    /// The edge as a dict in the native format's shape (``from``, ``to``, ``kind`` …), dates
    /// as ``PartialDate``.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let ends = (self.from.as_str(), self.to.as_str());
        let row = Builder::for_dict(py).edge(self.index, ends, None, &self.edge)?;
        records::to_dict(
            py,
            &EdgeField::ALL,
            EdgeField::name,
            &row,
            &[EdgeField::Index],
        )
    }

    /// Rebuilds an edge from its index and its ``to_dict()`` (for pickling).
    #[classmethod]
    fn _restore(
        _cls: &Bound<'_, PyType>,
        index: usize,
        state: &Bound<'_, PyDict>,
    ) -> PyResult<Self> {
        use EdgeField as F;
        let text = |f: F| state_text(state, f.name());
        let date = |f: F| state_date(state, f.name());
        let item = |f: F| state.get_item(f.name());
        let required = |f: F| -> PyResult<String> {
            text(f)?.ok_or_else(|| PyTypeError::new_err(format!("edge state lacks `{}`", f.name())))
        };
        let position: Option<u32> = item(F::Position)?
            .map(|v| v.extract::<Option<u32>>())
            .transpose()?
            .flatten();
        let chain: Option<u32> = item(F::Chain)?
            .map(|v| v.extract::<Option<u32>>())
            .transpose()?
            .flatten();
        let share: Option<f64> = item(F::Share)?
            .map(|v| v.extract::<Option<f64>>())
            .transpose()?
            .flatten();
        let (title, on_behalf_of) = (text(F::Title)?, text(F::OnBehalfOf)?);
        let (amount, relation) = (text(F::Amount)?, text(F::Relation)?);
        let place = text(F::Place)?;
        let role = text(F::Role)?
            .map(|r| vocab::<diplograph::PartyRole>(&r))
            .transpose()?
            .filter(|r| !r.is_default());
        let acting_for = text(F::ActingFor)?;
        let mut edge = Edge::new(vocab::<EdgeKind>(&required(F::Kind)?)?)
            .valid(date(F::Start)?, date(F::End)?)
            .qualified(|q| {
                q.title = title;
                q.on_behalf_of = on_behalf_of;
                q.position = position;
                q.chain = chain;
                q.share = share;
                q.amount = amount;
                q.relation = relation;
                q.place = place;
                q.role = role;
                q.acting_for = acting_for;
            });
        if let Some(v) = item(F::Attested)? {
            for d in v.extract::<Vec<DateArg>>()? {
                edge = edge.with_attested(d.0);
            }
        }
        if let Some(v) = item(F::Attributes)? {
            edge.attributes = attributes_from_py(Some(v.cast::<PyDict>()?))?;
        }
        if let Some(v) = item(F::Citations)? {
            edge.citations = citations(v.extract()?);
        }
        Ok(PyEdge {
            from: required(F::From)?,
            to: required(F::To)?,
            index,
            edge,
        })
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let restore = slf.get_type().getattr("_restore")?;
        let args = (slf.get().index, slf.get().to_dict(py)?).into_pyobject(py)?;
        PyTuple::new(py, [restore, args.into_any()])
    }

    fn __repr__(&self) -> String {
        let mut s = format!("<Edge {}", self.id());
        if !self.edge.valid.is_unbounded() {
            s.push_str(&format!(" {}", self.edge.valid));
        }
        s.push('>');
        s
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other.cast::<PyEdge>().is_ok_and(|o| {
            let o = o.get();
            o.from == self.from && o.to == self.to && o.edge == self.edge
        })
    }

    fn __hash__(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        (&self.from, self.edge.kind, &self.to, self.edge.valid).hash(&mut h);
        h.finish()
    }
}

/// An argument naming a node: an id, name or alias (`str`), or a `Node`.
pub(crate) struct NameArg(pub(crate) String);

impl<'a, 'py> FromPyObject<'a, 'py> for NameArg {
    type Error = PyErr;

    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
        if let Ok(n) = obj.cast::<PyNode>() {
            return Ok(NameArg(n.get().0.id.clone()));
        }
        if let Ok(s) = obj.extract::<String>() {
            return Ok(NameArg(s));
        }
        Err(PyTypeError::new_err("a node must be named by an id, a name or an alias (str), or given as a diplograph.Node"))
    }
}

/// A text member of a pickled node's or edge's state; `None` when absent or `None`.
fn state_text(state: &Bound<'_, PyDict>, key: &str) -> PyResult<Option<String>> {
    Ok(state
        .get_item(key)?
        .map(|v| v.extract::<Option<String>>())
        .transpose()?
        .flatten())
}

/// A date member of a pickled node's or edge's state; `None` when absent or `None`.
fn state_date(
    state: &Bound<'_, PyDict>,
    key: &str,
) -> PyResult<Option<diplograph::time::PartialDate>> {
    Ok(state
        .get_item(key)?
        .map(|v| v.extract::<Option<DateArg>>())
        .transpose()?
        .flatten()
        .map(|d| d.0))
}
