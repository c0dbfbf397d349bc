//! `diplograph.Graph` and the module-level loaders.

use std::collections::BTreeMap;
use std::path::PathBuf;

use diplograph::error::{Location, Problem, Problems};
use diplograph::export::{self, ExportFormat};
use diplograph::model::{
    AgreementKind, AgreementTerms, Cue, Edge, EdgeKind, EventKind, Node, NodeDetails, NodeKind,
    OrganizationKind, PlaceKind, StatementText, Status,
};
use diplograph::time::Interval;
use diplograph::view::{self, Highlight, ViewOptions};
use diplograph::{format, Error, Graph, ProblemCode};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{
    PyByteArray, PyBytes, PyDict, PyIterator, PyList, PyMemoryView, PyString, PyTuple,
};

use diplograph::query::{
    certain_only, ChainQuery, EntryKind, Family, NeighbourhoodQuery, OfficeQuery, StatementQuery,
    TimelineQuery,
};
use pyo3::exceptions::PyTypeError;

use crate::adjacency::{self, EdgeFilter, Way};
use crate::columns;
use crate::date::{DateArg, DatesArg};
use crate::errors::{problems_to_py, to_py_err, warn_layout, IntoPyResult};
use crate::limits::LimitsArg;
use crate::objects::{
    attributes_from_py, citations, term_from_py, CitationArg, NameArg, PyEdge, PyNode, StepArg,
};
use crate::query::{resolve, resolve_as, resolve_opt, resolve_preferring, wrap, PARTIES};
use crate::shared::{ReadGuard, SharedGraph};

/// Parses an export format name, raising `UnknownName` (a `ValueError`).
fn vocab_export(name: &str) -> PyResult<ExportFormat> {
    name.parse::<ExportFormat>()
        .map_err(|e| to_py_err(e.into()))
}

/// Parses a name from a closed vocabulary, raising `UnknownName` (a `ValueError`).
pub(crate) fn vocab<T>(name: &str) -> PyResult<T>
where
    T: std::str::FromStr<Err = diplograph::error::UnknownName>,
{
    name.parse::<T>().map_err(|e| to_py_err(e.into()))
}

/// A typed, dated, sourced graph of states and their dealings.
///
/// Load one with ``diplograph.load``/``loads`` (or take ``diplograph.example()``), or build one
/// with the ``add_*`` methods and ``relate``; each addition is checked as the core checks it.
///
/// >>> g = Graph(title="GSOMIA")
/// >>> g.add_country("KOR", "South Korea")
/// <Node country KOR 'South Korea'>
/// >>> _ = g.add_country("USA", "United States")
/// >>> _ = g.add_agreement("gsomia-kor-usa", "US-ROK GSOMIA", kind="gsomia")
/// >>> g.relate("KOR", "party_to", "gsomia-kor-usa")
/// <Edge KOR -party_to-> gsomia-kor-usa>
/// >>> _ = g.relate("USA", "party_to", "gsomia-kor-usa")
/// >>> g.node("Seoul").id, len(g), "republic of korea" in g
/// ('KOR', 3, True)
/// >>> g.validate()
/// []
///
/// One graph may be used from several threads: any number read it at once, one at a time
/// changes it (the ``add_*`` methods, ``relate``, setting ``title``), each call waiting for
/// the calls it conflicts with, with the GIL released. Each call sees the graph whole, before
/// or after a change.
#[pyclass(module = "diplograph", name = "Graph", frozen)]
pub(crate) struct PyGraph {
    graph: SharedGraph,
}

impl PyGraph {
    /// A Python graph owning `graph`.
    pub(crate) fn from_graph(graph: Graph) -> Self {
        PyGraph {
            graph: SharedGraph::new(graph),
        }
    }

    /// The graph, to read (see [`SharedGraph::read`]).
    pub(crate) fn read(&self, py: Python<'_>) -> PyResult<ReadGuard<'_>> {
        self.graph.read(py)
    }

    fn add(&self, py: Python<'_>, node: Node) -> PyResult<PyNode> {
        let mut g = self.graph.write(py)?;
        let g = &mut *g;
        let copy = node.clone();
        let ix = py.detach(|| g.add_node(copy)).py()?;
        // The node as stored: citations given by their words now carry the span they found.
        Ok(PyNode(g.node_at(ix).cloned().unwrap_or(node)))
    }

    pub(crate) fn node_objects<'a>(nodes: impl Iterator<Item = &'a Node>) -> Vec<PyNode> {
        nodes.cloned().map(PyNode).collect()
    }

    /// The ids of the nodes one hop from `node` (see [`adjacency::adjacent_ids`]).
    fn adjacent(
        &self,
        py: Python<'_>,
        node: NameArg,
        way: Way,
        filter: EdgeFilter,
    ) -> PyResult<Vec<String>> {
        let g = self.read(py)?;
        let g = &*g;
        let ix = resolve(py, g, node)?;
        Ok(adjacency::adjacent_ids(g, ix, way, filter))
    }

    /// The edges of `node` (see [`adjacency::edges`]) as `Edge` objects.
    fn edge_objects(
        &self,
        py: Python<'_>,
        node: NameArg,
        way: Way,
        filter: EdgeFilter,
    ) -> PyResult<Vec<PyEdge>> {
        let g = self.read(py)?;
        let g = &*g;
        let ix = resolve(py, g, node)?;
        Ok(adjacency::edges(g, ix, way, filter)
            .iter()
            .map(|(v, _)| PyEdge::from_view(v))
            .collect())
    }
}

/// A view of `graph` from `diplograph._views` (`NodeView`, `EdgeView`, `DegreeView`).
fn view<'py>(graph: &Bound<'py, PyGraph>, name: &str) -> PyResult<Bound<'py, PyAny>> {
    graph
        .py()
        .import("diplograph._views")?
        .getattr(name)?
        .call1((graph,))
}

/// The value of a keyword renamed from `old` to `new`: the new one's, or the old one's with a
/// `DeprecationWarning`; both given is a `TypeError`.
fn renamed<T>(
    py: Python<'_>,
    method: &str,
    (old, old_value): (&str, Option<T>),
    (new, new_value): (&str, Option<T>),
) -> PyResult<Option<T>> {
    match (old_value, new_value) {
        (None, v) => Ok(v),
        (Some(_), Some(_)) => Err(PyTypeError::new_err(format!(
            "{method}() got both {new}= and {old}=, its old name: pass {new}= only"
        ))),
        (Some(v), None) => {
            let message = std::ffi::CString::new(format!(
                "{method}({old}=...) is deprecated: pass {new}=... instead"
            ))?;
            PyErr::warn(
                py,
                &py.get_type::<pyo3::exceptions::PyDeprecationWarning>(),
                &message,
                1,
            )?;
            Ok(Some(v))
        }
    }
}

/// The `via=` of `path`: a family or agreement kinds, as one string (`"gsomia,treaty"`) or a
/// list of strings (`["gsomia", "treaty"]`), as `kinds=` takes them elsewhere.
struct ViaArg(String);

impl ViaArg {
    fn any() -> Self {
        ViaArg("any".to_owned())
    }
}

impl<'a, 'py> FromPyObject<'a, 'py> for ViaArg {
    type Error = PyErr;

    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
        if let Ok(s) = obj.cast::<PyString>() {
            return Ok(ViaArg(s.to_cow()?.into_owned()));
        }
        match obj.extract::<Vec<String>>() {
            Ok(kinds) => Ok(ViaArg(kinds.join(","))),
            Err(_) => Err(PyTypeError::new_err(
                "via= takes a family or agreement kind (str) or a list of them",
            )),
        }
    }
}

/// The edge filter of the `kind=` and `as_of=` arguments.
fn edge_filter(kind: Option<&str>, as_of: Option<DateArg>) -> PyResult<EdgeFilter> {
    Ok(EdgeFilter {
        kind: kind.map(vocab::<EdgeKind>).transpose()?,
        on: as_of.map(|d| d.0),
    })
}

/// The fields every node takes, from the keyword arguments.
fn node(
    id: String,
    name: String,
    details: NodeDetails,
    aliases: Vec<String>,
    external_ids: BTreeMap<String, String>,
    attributes: Option<&Bound<'_, PyDict>>,
    cites: Vec<CitationArg>,
) -> PyResult<Node> {
    let mut n = Node::new(id, name, details);
    // One spelling of each name: "ROK" and "rok" are one alias.
    n.aliases = diplograph::identity::distinct_aliases(&n.name, aliases);
    n.external_ids = external_ids;
    n.attributes = attributes_from_py(attributes)?;
    n.citations = citations(cites);
    Ok(n)
}

#[pymethods]
impl PyGraph {
    #[new]
    #[pyo3(signature = (title = None, description = None))]
    fn new(title: Option<String>, description: Option<String>) -> Self {
        let mut inner = Graph::new();
        inner.title = title;
        inner.description = description;
        PyGraph::from_graph(inner)
    }

    /// The dataset's title.
    #[getter]
    fn get_title(&self, py: Python<'_>) -> PyResult<Option<String>> {
        Ok(self.read(py)?.title.clone())
    }

    #[setter]
    fn set_title(&self, py: Python<'_>, title: Option<String>) -> PyResult<()> {
        self.graph.write(py)?.title = title;
        Ok(())
    }

    /// The dataset's description.
    #[getter]
    fn get_description(&self, py: Python<'_>) -> PyResult<Option<String>> {
        Ok(self.read(py)?.description.clone())
    }

    #[setter]
    fn set_description(&self, py: Python<'_>, description: Option<String>) -> PyResult<()> {
        self.graph.write(py)?.description = description;
        Ok(())
    }

    /// The number of edges.
    #[getter]
    fn edge_count(&self, py: Python<'_>) -> PyResult<usize> {
        Ok(self.read(py)?.edge_count())
    }

    // ---- building ------------------------------------------------------------------------

    /// Adds a country; ``id`` is its ISO 3166-1 alpha-3 code, the ISO 3166-3 code of a former
    /// state (``SUN``) or ``XKX`` (``unknown-iso-code`` otherwise).
    /// Returns the new node; raises ``ValidationError`` listing every problem.
    #[pyo3(signature = (id, name, *, aliases = Vec::new(), external_ids = BTreeMap::new(), attributes = None, citations = Vec::new()))]
    #[expect(
        clippy::too_many_arguments,
        reason = "mirrors the Python keyword arguments"
    )]
    fn add_country(
        &self,
        py: Python<'_>,
        id: String,
        name: String,
        aliases: Vec<String>,
        external_ids: BTreeMap<String, String>,
        attributes: Option<&Bound<'_, PyDict>>,
        citations: Vec<CitationArg>,
    ) -> PyResult<PyNode> {
        let n = node(
            id,
            name,
            NodeDetails::Country,
            aliases,
            external_ids,
            attributes,
            citations,
        )?;
        self.add(py, n)
    }

    /// Adds a person; ``unnamed`` gives the description of one the sources do not name
    /// (``"a senior US official"``), found afterwards by its id only. Returns the new node;
    /// raises ``ValidationError``.
    #[pyo3(signature = (id, name, *, unnamed = None, aliases = Vec::new(), external_ids = BTreeMap::new(), attributes = None, citations = Vec::new()))]
    #[expect(
        clippy::too_many_arguments,
        reason = "mirrors the Python keyword arguments"
    )]
    fn add_person(
        &self,
        py: Python<'_>,
        id: String,
        name: String,
        unnamed: Option<String>,
        aliases: Vec<String>,
        external_ids: BTreeMap<String, String>,
        attributes: Option<&Bound<'_, PyDict>>,
        citations: Vec<CitationArg>,
    ) -> PyResult<PyNode> {
        let mut n = node(
            id,
            name,
            NodeDetails::Person,
            aliases,
            external_ids,
            attributes,
            citations,
        )?;
        n.unnamed = unnamed;
        self.add(py, n)
    }

    /// Adds an organization of a ``kind`` (``ministry``, ``military``, ``news_outlet``,
    /// ``international_organization``, ``think_tank``, ``university``, ``company``,
    /// ``government``, ``legislature``, ``political_party``, ``intelligence_agency``, ``court``,
    /// ``ngo``, ``other``); ``unnamed`` as for :meth:`add_person` ("officials of the South
    /// Korean Defence Ministry").
    #[pyo3(signature = (id, name, kind, *, unnamed = None, aliases = Vec::new(), external_ids = BTreeMap::new(), attributes = None, citations = Vec::new()))]
    #[expect(
        clippy::too_many_arguments,
        reason = "mirrors the Python keyword arguments"
    )]
    fn add_organization(
        &self,
        py: Python<'_>,
        id: String,
        name: String,
        kind: &str,
        unnamed: Option<String>,
        aliases: Vec<String>,
        external_ids: BTreeMap<String, String>,
        attributes: Option<&Bound<'_, PyDict>>,
        citations: Vec<CitationArg>,
    ) -> PyResult<PyNode> {
        let details = NodeDetails::Organization {
            kind: vocab::<OrganizationKind>(kind)?,
        };
        let mut n = node(
            id,
            name,
            details,
            aliases,
            external_ids,
            attributes,
            citations,
        )?;
        n.unnamed = unnamed;
        self.add(py, n)
    }

    /// Adds an agreement of a ``kind`` (``gsomia``, ``memorandum_of_understanding``, ``treaty``,
    /// ``arrangement``, ``communication_line``, ``resolution``, ``joint_understanding``,
    /// ``talks_format``, ``other``) with its ``lifecycle`` (``LifecycleStep`` objects or dicts)
    /// and the terms its sources state, each a dict in the native format's shape that must
    /// cite: ``binding={"value": True, "citations": [...]}``,
    /// ``renewal={"terms": "...", "citations": [...]}``, and for a resolution
    /// ``vote={"for": 12, "against": 0, "abstain": 3, "citations": [...]}``.
    ///
    /// >>> g = diplograph.Graph()
    /// >>> _ = g.add_source("un", "UN press release", text="adopted by 15 votes to none")
    /// >>> r = g.add_agreement("res-2270", "Resolution 2270", "resolution",
    /// ...     vote={"for": 15, "against": 0, "abstain": 0,
    /// ...           "citations": [{"source": "un", "text": "15 votes to none"}]})
    /// >>> (r.vote["for"], r.vote["citations"][0]["span"])
    /// (15, (11, 27))
    #[pyo3(signature = (id, name, kind, *, lifecycle = Vec::new(), binding = None, renewal = None, vote = None, aliases = Vec::new(), external_ids = BTreeMap::new(), attributes = None, citations = Vec::new()))]
    #[expect(
        clippy::too_many_arguments,
        reason = "mirrors the Python keyword arguments"
    )]
    fn add_agreement(
        &self,
        py: Python<'_>,
        id: String,
        name: String,
        kind: &str,
        lifecycle: Vec<StepArg>,
        binding: Option<&Bound<'_, PyAny>>,
        renewal: Option<&Bound<'_, PyAny>>,
        vote: Option<&Bound<'_, PyAny>>,
        aliases: Vec<String>,
        external_ids: BTreeMap<String, String>,
        attributes: Option<&Bound<'_, PyDict>>,
        citations: Vec<CitationArg>,
    ) -> PyResult<PyNode> {
        let terms = AgreementTerms {
            binding: binding.map(|b| term_from_py("binding", b)).transpose()?,
            renewal: renewal.map(|r| term_from_py("renewal", r)).transpose()?,
            vote: vote.map(|v| term_from_py("vote", v)).transpose()?,
        };
        let details = NodeDetails::Agreement {
            kind: vocab::<AgreementKind>(kind)?,
            lifecycle: lifecycle.into_iter().map(|s| s.0).collect(),
            terms: (!terms.is_empty()).then(|| Box::new(terms)),
        };
        let n = node(
            id,
            name,
            details,
            aliases,
            external_ids,
            attributes,
            citations,
        )?;
        self.add(py, n)
    }

    /// Adds an event of a ``kind`` (``meeting``, ``summit``, ``exercise``, ``nuclear_test``,
    /// ``missile_launch``, ``sanctions_decision``, ``talks_round``, ``panel``, ``signing``,
    /// ``other``) on ``date`` (through ``end``, inclusive, for a range) at ``place``.
    /// ``ongoing=True``: begun on ``date``, its end unknown (``"end": null`` in the file).
    /// ``status``: ``occurred`` (the default), ``planned``, ``scheduled``, ``cancelled``,
    /// ``postponed`` or ``did_not_happen``.
    ///
    /// >>> g = diplograph.Graph()
    /// >>> g.add_event("talks", "Talks", "talks_round", date="2016-06", ongoing=True).end is None
    /// True
    /// >>> g.add_event("visit", "Visit", "meeting", date="2017-05", status="cancelled").status
    /// 'cancelled'
    #[pyo3(signature = (id, name, kind, *, date = None, end = None, ongoing = false, place = None, aliases = Vec::new(), external_ids = BTreeMap::new(), attributes = None, citations = Vec::new(), status = "occurred"))]
    #[expect(
        clippy::too_many_arguments,
        reason = "mirrors the Python keyword arguments"
    )]
    fn add_event(
        &self,
        py: Python<'_>,
        id: String,
        name: String,
        kind: &str,
        date: Option<DateArg>,
        end: Option<DateArg>,
        ongoing: bool,
        place: Option<String>,
        aliases: Vec<String>,
        external_ids: BTreeMap<String, String>,
        attributes: Option<&Bound<'_, PyDict>>,
        citations: Vec<CitationArg>,
        status: &str,
    ) -> PyResult<PyNode> {
        if ongoing && end.is_some() {
            return Err(PyValueError::new_err(
                "an event is either ongoing (no known end) or has an `end`, not both",
            ));
        }
        let start = date.map(|d| d.0);
        let details = NodeDetails::Event {
            kind: vocab::<EventKind>(kind)?,
            // As in the native format: a single date is a one-date interval; an ongoing
            // event has no end.
            when: Interval::new(
                start,
                if ongoing {
                    None
                } else {
                    end.map(|d| d.0).or(start)
                },
            ),
            place,
            status: vocab::<Status>(status)?,
        };
        let n = node(
            id,
            name,
            details,
            aliases,
            external_ids,
            attributes,
            citations,
        )?;
        self.add(py, n)
    }

    /// Adds a statement: exactly one of ``quote`` (verbatim words) or ``paraphrase`` (an
    /// account of them), said on ``date``; ``cue`` is the reporting words (``"told
    /// reporters"``), printed where ``cue_citations`` say. Speakers, topics and the reporting
    /// chain are edges (``said``, ``about``, ``reported_by``).
    #[pyo3(signature = (id, name, *, quote = None, paraphrase = None, date = None, cue = None, cue_citations = Vec::new(), aliases = Vec::new(), external_ids = BTreeMap::new(), attributes = None, citations = Vec::new()))]
    #[expect(
        clippy::too_many_arguments,
        reason = "mirrors the Python keyword arguments"
    )]
    fn add_statement(
        &self,
        py: Python<'_>,
        id: String,
        name: String,
        quote: Option<String>,
        paraphrase: Option<String>,
        date: Option<DateArg>,
        cue: Option<String>,
        cue_citations: Vec<CitationArg>,
        aliases: Vec<String>,
        external_ids: BTreeMap<String, String>,
        attributes: Option<&Bound<'_, PyDict>>,
        citations: Vec<CitationArg>,
    ) -> PyResult<PyNode> {
        let text = StatementText::from_fields(&id, quote, paraphrase).map_err(to_py_err)?;
        let details = NodeDetails::Statement {
            text,
            date: date.map(|d| d.0),
            cue: cue.map(|words| Cue {
                words,
                citations: self::citations(cue_citations),
            }),
        };
        let n = node(
            id,
            name,
            details,
            aliases,
            external_ids,
            attributes,
            citations,
        )?;
        self.add(py, n)
    }

    /// Adds a place of a ``kind`` (``city``, ``military_base``, ``venue``, ``region``,
    /// ``sea``, ``island``, ``other``). Where it lies is a ``located_in`` edge to another place
    /// or a country; ``country_of`` follows them up.
    ///
    /// >>> g = Graph()
    /// >>> _ = g.add_country("SGP", "Singapore")
    /// >>> g.add_place("shangri-la-hotel", "Shangri-La Hotel", "venue").place_kind
    /// 'venue'
    /// >>> _ = g.relate("shangri-la-hotel", "located_in", "SGP")
    /// >>> g.country_of("Shangri-La Hotel").id
    /// 'SGP'
    #[pyo3(signature = (id, name, kind, *, aliases = Vec::new(), external_ids = BTreeMap::new(), attributes = None, citations = Vec::new()))]
    #[expect(
        clippy::too_many_arguments,
        reason = "mirrors the Python keyword arguments"
    )]
    fn add_place(
        &self,
        py: Python<'_>,
        id: String,
        name: String,
        kind: &str,
        aliases: Vec<String>,
        external_ids: BTreeMap<String, String>,
        attributes: Option<&Bound<'_, PyDict>>,
        citations: Vec<CitationArg>,
    ) -> PyResult<PyNode> {
        let details = NodeDetails::Place {
            kind: vocab::<PlaceKind>(kind)?,
        };
        let n = node(
            id,
            name,
            details,
            aliases,
            external_ids,
            attributes,
            citations,
        )?;
        self.add(py, n)
    }

    /// Adds a source document published on ``date`` at ``url``, with its full ``text`` when
    /// held (so that citation spans can be checked against it).
    #[pyo3(signature = (id, name, *, date = None, url = None, text = None, aliases = Vec::new(), external_ids = BTreeMap::new(), attributes = None, citations = Vec::new()))]
    #[expect(
        clippy::too_many_arguments,
        reason = "mirrors the Python keyword arguments"
    )]
    fn add_source(
        &self,
        py: Python<'_>,
        id: String,
        name: String,
        date: Option<DateArg>,
        url: Option<String>,
        text: Option<String>,
        aliases: Vec<String>,
        external_ids: BTreeMap<String, String>,
        attributes: Option<&Bound<'_, PyDict>>,
        citations: Vec<CitationArg>,
    ) -> PyResult<PyNode> {
        let details = NodeDetails::Source {
            date: date.map(|d| d.0),
            url,
            text,
        };
        let n = node(
            id,
            name,
            details,
            aliases,
            external_ids,
            attributes,
            citations,
        )?;
        self.add(py, n)
    }

    /// Adds an edge ``from_ -kind-> to`` between two node ids, checked as the core checks it
    /// (both ends exist, the kind allows their kinds, its own fields). Returns the new edge.
    /// ``attested`` is one date or a list of dates on which a source confirms the edge held.
    #[pyo3(signature = (from_, kind, to, *, start = None, end = None, attested = None, title = None, on_behalf_of = None, position = None, chain = None, share = None, amount = None, relation = None, role = None, acting_for = None, attributes = None, citations = Vec::new(), place = None))]
    #[expect(
        clippy::too_many_arguments,
        reason = "mirrors the Python keyword arguments"
    )]
    fn relate(
        &self,
        py: Python<'_>,
        from_: &str,
        kind: &str,
        to: &str,
        start: Option<DateArg>,
        end: Option<DateArg>,
        attested: Option<DatesArg>,
        title: Option<String>,
        on_behalf_of: Option<String>,
        position: Option<u32>,
        chain: Option<u32>,
        share: Option<f64>,
        amount: Option<String>,
        relation: Option<String>,
        role: Option<&str>,
        acting_for: Option<String>,
        attributes: Option<&Bound<'_, PyDict>>,
        citations: Vec<CitationArg>,
        place: Option<String>,
    ) -> PyResult<PyEdge> {
        let role = role
            .map(vocab::<diplograph::PartyRole>)
            .transpose()?
            .filter(|r| !r.is_default());
        let mut edge = Edge::new(vocab::<EdgeKind>(kind)?)
            .valid(start.map(|d| d.0), end.map(|d| d.0))
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
        for d in attested.map(|a| a.0).unwrap_or_default() {
            edge = edge.with_attested(d);
        }
        edge.attributes = attributes_from_py(attributes)?;
        edge.citations = self::citations(citations);
        let copy = edge.clone();
        let mut g = self.graph.write(py)?;
        let g = &mut *g;
        let ix = py.detach(|| g.relate(from_, to, copy)).py()?;
        // The edge as stored: citations given by their words now carry the span they found.
        let edge = g.edge_at(ix).map_or(edge, |v| v.edge.clone());
        Ok(PyEdge {
            from: from_.to_owned(),
            to: to.to_owned(),
            index: ix.index(),
            edge,
        })
    }

    /// Checks the rules that span the whole graph (citations name sources, spans match their
    /// text, words cited without a span are found once or at their ``occurrence``, bilateral
    /// agreements have two parties, no alias is claimed twice) and returns
    /// every ``Problem`` found: an empty list when the graph is valid. Cost: O(nodes + edges +
    /// citations); the GIL is released meanwhile.
    fn validate<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let g = self.read(py)?;
        let g = &*g;
        let problems = py.detach(|| g.validate());
        problems_to_py(py, &problems)
    }

    /// What is worth a look but does not make the graph invalid, as a list of ``Problem``
    /// whose ``code`` is a warning: today ``country-outside-period``, a former state (an ISO
    /// 3166-3 code such as ``SUN``) taking part in something dated after ISO withdrew its code.
    /// ``validate()`` and loading never report these. Cost: O(nodes + edges of former states
    /// + lifecycle steps).
    ///
    /// >>> import diplograph
    /// >>> diplograph.example().warnings()
    /// []
    fn warnings<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let g = self.read(py)?;
        let g = &*g;
        let problems = py.detach(|| g.warnings());
        problems_to_py(py, &problems)
    }

    // ---- saving --------------------------------------------------------------------------

    /// Saves the graph to ``path`` atomically: an existing file is left untouched if writing
    /// fails. The format is ``format`` when given (see ``dumps``), else the one the name's
    /// extension says: ``.json`` (the native format), ``.nodelink.json``, ``.graphml``,
    /// ``.gexf``, ``.dot``/``.gv``, ``.csv`` (a directory that receives ``nodes.csv`` and
    /// ``edges.csv``), ``.cypher``, ``.mmd``, ``.parquet`` (a directory of Parquet tables, which
    /// ``load`` reads back as the same graph); ``format="kuzu"`` writes a directory of CSV files
    /// and ``load.cypher`` to bulk-load kuzu or LadybugDB. Raises ``ValueError`` when the name
    /// says another format than ``format``, or says none and no ``format`` is given;
    /// ``UnknownName`` for an unknown ``format``; ``FileError`` when writing fails. A ``dot``
    /// export of more than 2000 nodes, or a ``mermaid`` one of more than 500 edges, is written
    /// whole and issues a
    /// ``diplograph.LayoutWarning`` (the tool that lays it out will be slow, or refuse it).
    ///
    /// >>> import diplograph, tempfile, pathlib
    /// >>> d = pathlib.Path(tempfile.mkdtemp())
    /// >>> diplograph.example().save(d / "g.graphml")
    /// >>> (d / "g.graphml").read_text().startswith("<?xml")
    /// True
    #[pyo3(signature = (path, format = None))]
    fn save(&self, py: Python<'_>, path: PathBuf, format: Option<&str>) -> PyResult<()> {
        let asked = format.map(vocab_export).transpose()?;
        let format = ExportFormat::for_path(&path, asked)
            .map_err(|e| PyValueError::new_err(e.to_string()))?;
        let warning = {
            let g = self.read(py)?;
            let g = &*g;
            let warning = export::layout_warning(g, format);
            py.detach(move || export::export_to_path(g, format, &path))
                .py()?;
            warning
        };
        // Issued once the graph is let go: a warning filter may run Python code.
        warn_layout(py, warning)
    }

    /// The graph as text in one of the formats: ``json`` (the native format, deterministic),
    /// ``dot``, ``graphml``, ``gexf``, ``nodelink`` (networkx node-link JSON), ``csv``,
    /// ``cypher`` or ``mermaid``. Raises ``UnknownName`` for another name. Issues a
    /// ``diplograph.LayoutWarning`` as ``save`` does.
    #[pyo3(signature = (format = "json"))]
    fn dumps(&self, py: Python<'_>, format: &str) -> PyResult<Py<PyAny>> {
        let format: ExportFormat = vocab_export(format)?;
        let (text, warning) = {
            let g = self.read(py)?;
            let g = &*g;
            if format == ExportFormat::Csv {
                let (mut nodes, mut edges) = (Vec::new(), Vec::new());
                py.detach(|| export::export_csv(g, &mut nodes, &mut edges))
                    .py()?;
                let d = PyDict::new(py);
                d.set_item(export::CSV_NODES_FILE, String::from_utf8_lossy(&nodes))?;
                d.set_item(export::CSV_EDGES_FILE, String::from_utf8_lossy(&edges))?;
                return Ok(d.into_any().unbind());
            }
            let text = py.detach(|| export::export_to_string(g, format)).py()?;
            (text, export::layout_warning(g, format))
        };
        // Issued once the graph is let go: a warning filter may run Python code.
        warn_layout(py, warning)?;
        Ok(text.into_pyobject(py)?.into_any().unbind())
    }

    // ---- reading -------------------------------------------------------------------------

    /// The one node called ``name``: an id, a name or an alias (case- and accent-insensitive;
    /// countries also answer to their ISO names and capital). Raises ``NodeNotFound`` or
    /// ``AmbiguousName`` (never a silent pick).
    fn node(&self, py: Python<'_>, name: &str) -> PyResult<PyNode> {
        let g = self.read(py)?;
        let g = &*g;
        let found = py.detach(|| g.lookup(name).cloned()).py()?;
        Ok(PyNode(found))
    }

    /// The country a place (or a country) lies in, following ``located_in`` up (a venue in a
    /// city in a country), or ``None`` when its chain reaches no country. ``place`` names a
    /// place or a country ("Seoul" the city where a place node has that name).
    fn country_of(&self, py: Python<'_>, place: NameArg) -> PyResult<Option<PyNode>> {
        let g = self.read(py)?;
        let g = &*g;
        let ix = resolve_as(py, g, place, &[NodeKind::Place, NodeKind::Country])?;
        Ok(g.country_of(ix)
            .and_then(|c| g.node_at(c))
            .cloned()
            .map(PyNode))
    }

    /// ``g.nodes``: the nodes by id, a read-only mapping as networkx's ``G.nodes`` is
    /// (``g.nodes["KOR"]``, ``"KOR" in g.nodes``, ``len(g.nodes)``, iteration gives ids,
    /// ``.items()``); called, ``g.nodes(kind=None, data=False)`` lists ``Node`` objects (see
    /// ``diplograph.NodeView``).
    ///
    /// >>> g = example()
    /// >>> g.nodes["KOR"], "Seoul" in g.nodes, len(g.nodes)
    /// (<Node country KOR 'South Korea'>, False, 76)
    #[getter]
    fn nodes<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        view(slf, "NodeView")
    }

    /// ``g.edges``: every edge, iterable as networkx's ``G.edges`` is (``(from, to)`` pairs,
    /// ``len(g.edges)``, ``("KOR", "gsomia-kor-usa") in g.edges``); called,
    /// ``g.edges(kind=None, as_of=None, data=False)`` lists ``Edge`` objects (see
    /// ``diplograph.EdgeView``).
    #[getter]
    fn edges<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        view(slf, "EdgeView")
    }

    /// ``g.degree``: every node's number of edges (in and out), as networkx's ``G.degree``:
    /// ``g.degree["KOR"]``, ``dict(g.degree)``, ``g.degree("KOR", kind="party_to")`` (see
    /// ``diplograph.DegreeView``).
    #[getter]
    fn degree<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        view(slf, "DegreeView")
    }

    /// Every node, optionally of one ``kind``, in the order they were added (``g.nodes()``).
    #[pyo3(signature = (kind = None))]
    fn _nodes(&self, py: Python<'_>, kind: Option<&str>) -> PyResult<Vec<PyNode>> {
        let kind = kind.map(vocab::<NodeKind>).transpose()?;
        let g = self.read(py)?;
        Ok(match kind {
            None => Self::node_objects(g.nodes().map(|(_, n)| n)),
            Some(k) => Self::node_objects(g.nodes_of_kind(k)),
        })
    }

    /// Every node's id, optionally of one ``kind``, in the order they were added.
    #[pyo3(signature = (kind = None))]
    fn _node_ids(&self, py: Python<'_>, kind: Option<&str>) -> PyResult<Vec<String>> {
        let kind = kind.map(vocab::<NodeKind>).transpose()?;
        let g = self.read(py)?;
        Ok(g.nodes()
            .filter(|(_, n)| kind.is_none_or(|k| n.kind() == k))
            .map(|(_, n)| n.id.clone())
            .collect())
    }

    /// The node with exactly this id (no names or aliases), or ``None``. Cost: O(1).
    fn _node_by_id(&self, py: Python<'_>, id: &str) -> PyResult<Option<PyNode>> {
        Ok(self.read(py)?.node(id).cloned().map(PyNode))
    }

    /// Every edge, optionally of one ``kind``, in the order they were added (loaded); with
    /// ``as_of``, only those that hold on that date (an unknown start or end counts as open;
    /// a date only partly inside an edge's interval keeps it) (``g.edges()``). Cost: O(edges).
    #[pyo3(signature = (kind = None, as_of = None))]
    fn _edges(
        &self,
        py: Python<'_>,
        kind: Option<&str>,
        as_of: Option<DateArg>,
    ) -> PyResult<Vec<PyEdge>> {
        let filter = edge_filter(kind, as_of)?;
        Ok(self
            .read(py)?
            .edges()
            .filter(|v| filter.keeps(v))
            .map(|v| PyEdge::from_view(&v))
            .collect())
    }

    /// Every edge's ends as ``(from, to)`` ids, filtered as ``_edges``, in edge order.
    #[pyo3(signature = (kind = None, as_of = None))]
    fn _edge_ends(
        &self,
        py: Python<'_>,
        kind: Option<&str>,
        as_of: Option<DateArg>,
    ) -> PyResult<Vec<(String, String)>> {
        let filter = edge_filter(kind, as_of)?;
        Ok(self
            .read(py)?
            .edges()
            .filter(|v| filter.keeps(v))
            .map(|v| (v.from.id.clone(), v.to.id.clone()))
            .collect())
    }

    /// The ids of the nodes ``node``'s edges lead to (of one ``kind``, holding on ``as_of``),
    /// each once. ``node`` is an id, name or alias, or a ``Node``. Cost: O(out-degree).
    #[pyo3(signature = (node, *, kind = None, as_of = None))]
    fn successors(
        &self,
        py: Python<'_>,
        node: NameArg,
        kind: Option<&str>,
        as_of: Option<DateArg>,
    ) -> PyResult<Vec<String>> {
        self.adjacent(py, node, Way::Out, edge_filter(kind, as_of)?)
    }

    /// The ids of the nodes whose edges lead to ``node`` (of one ``kind``, holding on
    /// ``as_of``), each once. Cost: O(in-degree).
    #[pyo3(signature = (node, *, kind = None, as_of = None))]
    fn predecessors(
        &self,
        py: Python<'_>,
        node: NameArg,
        kind: Option<&str>,
        as_of: Option<DateArg>,
    ) -> PyResult<Vec<String>> {
        self.adjacent(py, node, Way::In, edge_filter(kind, as_of)?)
    }

    /// The ids of the nodes linked to ``node`` by an edge either way (successors, then
    /// predecessors not already named), of one ``kind``, holding on ``as_of``. Unlike
    /// networkx's ``DiGraph.neighbors``, which gives successors only, both ways count: an
    /// agreement's parties are its neighbours. Cost: O(degree).
    #[pyo3(signature = (node, *, kind = None, as_of = None))]
    fn neighbors(
        &self,
        py: Python<'_>,
        node: NameArg,
        kind: Option<&str>,
        as_of: Option<DateArg>,
    ) -> PyResult<Vec<String>> {
        self.adjacent(py, node, Way::Both, edge_filter(kind, as_of)?)
    }

    /// The edges leaving ``node`` (of one ``kind``, holding on ``as_of``) as ``Edge``
    /// objects. Cost: O(out-degree).
    #[pyo3(signature = (node, *, kind = None, as_of = None))]
    fn out_edges(
        &self,
        py: Python<'_>,
        node: NameArg,
        kind: Option<&str>,
        as_of: Option<DateArg>,
    ) -> PyResult<Vec<PyEdge>> {
        self.edge_objects(py, node, Way::Out, edge_filter(kind, as_of)?)
    }

    /// The edges arriving at ``node`` (of one ``kind``, holding on ``as_of``) as ``Edge``
    /// objects. Cost: O(in-degree).
    #[pyo3(signature = (node, *, kind = None, as_of = None))]
    fn in_edges(
        &self,
        py: Python<'_>,
        node: NameArg,
        kind: Option<&str>,
        as_of: Option<DateArg>,
    ) -> PyResult<Vec<PyEdge>> {
        self.edge_objects(py, node, Way::In, edge_filter(kind, as_of)?)
    }

    /// The number of ``node``'s edges, in and out, of one ``kind``, holding on ``as_of``.
    #[pyo3(signature = (node, kind = None, as_of = None))]
    fn _degree(
        &self,
        py: Python<'_>,
        node: NameArg,
        kind: Option<&str>,
        as_of: Option<DateArg>,
    ) -> PyResult<usize> {
        let filter = edge_filter(kind, as_of)?;
        let g = self.read(py)?;
        let g = &*g;
        let ix = resolve(py, g, node)?;
        Ok(adjacency::edges(g, ix, Way::Both, filter).len())
    }

    /// Every node's ``(id, degree)``, in node order, counting edges of one ``kind`` holding
    /// on ``as_of``. Cost: O(nodes + edges); the GIL is released meanwhile.
    #[pyo3(signature = (kind = None, as_of = None))]
    fn _degrees(
        &self,
        py: Python<'_>,
        kind: Option<&str>,
        as_of: Option<DateArg>,
    ) -> PyResult<Vec<(String, usize)>> {
        let filter = edge_filter(kind, as_of)?;
        let g = self.read(py)?;
        let g = &*g;
        Ok(py.detach(|| adjacency::degrees(g, filter)))
    }

    /// The nodes whose id, name or an alias contains ``text`` (case- and accent-insensitive),
    /// optionally of one ``kind``, sorted by kind then id. Cost: O(total length of all names);
    /// the GIL is released meanwhile.
    #[pyo3(signature = (text, kind = None))]
    fn search(&self, py: Python<'_>, text: &str, kind: Option<&str>) -> PyResult<Vec<PyNode>> {
        let kind = kind.map(vocab::<NodeKind>).transpose()?;
        let g = self.read(py)?;
        let g = &*g;
        let found: Vec<Node> = py.detach(|| g.search(text, kind).into_iter().cloned().collect());
        Ok(found.into_iter().map(PyNode).collect())
    }

    // ---- questions -----------------------------------------------------------------------

    /// The graph as it stood on ``date``: ``.agreements()`` in their state then, ``.offices()``
    /// held, ``.memberships()`` and ``.edges()`` that held.
    fn as_of(slf: Bound<'_, Self>, date: DateArg) -> AsOfView {
        AsOfView {
            graph: slf.unbind(),
            date: date.0,
        }
    }

    /// The agreements linking two parties: with ``between=(a, b)``, those both are parties to
    /// on ``as_of`` (with no date: ever, in their last recorded state); with only ``as_of``,
    /// every agreement in the state it was in then. Returns ``AgreementLink`` records sorted by
    /// id, each with its ``certainty`` (``"certain"`` or ``"possible"``); ``certain=True``
    /// keeps only the certain ones. Cost: O(a's agreements × their parties), or
    /// O(agreements × steps) for all.
    ///
    /// >>> g = example()
    /// >>> [(l.agreement.id, l.certainty) for l in g.agreements(between=("KOR", "USA"), as_of="2016-06-04")]
    /// [('gsomia-kor-usa', 'certain'), ('six-party-talks', 'certain'), ('trilateral-cooperation-2016', 'certain'), ('trilateral-info-sharing', 'certain')]
    /// >>> g.agreements(between=("KOR", "USA"), as_of="2017", certain=True)
    /// []
    #[pyo3(signature = (*, between = None, as_of = None, certain = false))]
    fn agreements<'py>(
        &self,
        py: Python<'py>,
        between: Option<(NameArg, NameArg)>,
        as_of: Option<DateArg>,
        certain: bool,
    ) -> PyResult<Bound<'py, PyAny>> {
        let g = self.read(py)?;
        let g = &*g;
        let on = as_of.map(|d| d.0);
        let links = match (between, on) {
            (Some((a, b)), on) => {
                let (a, b) = (
                    resolve_as(py, g, a, PARTIES)?,
                    resolve_as(py, g, b, PARTIES)?,
                );
                py.detach(|| g.agreements_between(a, b, on.as_ref()))
            }
            (None, Some(d)) => py.detach(|| g.as_of(d).agreements()),
            (None, None) => {
                return Err(PyTypeError::new_err(
                    "agreements() needs between=(a, b), as_of=date, or both",
                ))
            }
        };
        let links = if certain { certain_only(links) } else { links };
        wrap(py, "AgreementLink", &links)
    }

    /// The shortest chains of agreements linking ``a`` to ``b``: ``via`` a family
    /// (``intelligence``, ``defence``, ``communication``, ``any``) or agreement kinds (a list,
    /// as ``kinds=`` elsewhere, or one comma-separated string), binding on ``as_of`` (with no date: by each agreement's last recorded
    /// state); up to ``k`` (at most 100) chains of at most ``max_hops`` hops, shortest first. Returns
    /// ``Chain`` records (empty when there is none), each hop and chain with its
    /// ``certainty``; ``certain=True`` lets only hops that certainly held on the date carry a
    /// chain. The GIL is released meanwhile.
    ///
    /// >>> g = example()
    /// >>> [c.certainty for c in g.path("KOR", "JPN", via="intelligence", as_of="2017-06")]
    /// ['possible']
    /// >>> g.path("KOR", "JPN", via="intelligence", as_of="2017-06", certain=True)
    /// []
    #[pyo3(signature = (a, b, *, via = ViaArg::any(), as_of = None, k = 1, max_hops = 6, certain = false))]
    #[expect(
        clippy::too_many_arguments,
        reason = "mirrors the Python keyword arguments"
    )]
    fn path<'py>(
        slf: &Bound<'py, Self>,
        py: Python<'py>,
        a: NameArg,
        b: NameArg,
        via: ViaArg,
        as_of: Option<DateArg>,
        k: usize,
        max_hops: usize,
        certain: bool,
    ) -> PyResult<Bound<'py, PyAny>> {
        let this = slf.borrow();
        let g = this.read(py)?;
        let g = &*g;
        // One string either way (a list joined by commas), as `_path_view` takes it again.
        let ViaArg(via) = via;
        let query = ChainQuery::new(via.parse::<Family>().map_err(|e| to_py_err(e.into()))?)
            .with_on_opt(as_of.map(|d| d.0))
            .with_k(k)
            .with_max_hops(max_hops)
            .with_certain(certain);
        let (a, b) = (
            resolve_as(py, g, a, PARTIES)?,
            resolve_as(py, g, b, PARTIES)?,
        );
        let chains = py.detach(|| g.chains(a, b, &query));
        let results = wrap(py, "Chain", &chains)?;
        // What `Results.view()` asks again to draw the chains highlighted.
        let args = PyDict::new(py);
        args.set_item("a", node_id(g, a))?;
        args.set_item("b", node_id(g, b))?;
        args.set_item("via", via)?;
        args.set_item("as_of", query.on.map(|d| d.to_string()))?;
        args.set_item("k", k)?;
        args.set_item("max_hops", max_hops)?;
        args.set_item("certain", certain)?;
        results.setattr("_picture", (slf, "_path_view", args))?;
        Ok(results)
    }

    /// The interactive view of the chains ``path`` finds with these arguments, their hops
    /// highlighted (what ``g.path(...).view()`` shows): a ``View``.
    #[pyo3(signature = (a, b, *, via = "any", as_of = None, k = 1, max_hops = 6, certain = false))]
    #[expect(
        clippy::too_many_arguments,
        reason = "mirrors the Python keyword arguments of path"
    )]
    fn _path_view<'py>(
        &self,
        py: Python<'py>,
        a: NameArg,
        b: NameArg,
        via: &str,
        as_of: Option<DateArg>,
        k: usize,
        max_hops: usize,
        certain: bool,
    ) -> PyResult<Bound<'py, PyAny>> {
        let g = self.read(py)?;
        let g = &*g;
        let query = ChainQuery::new(via.parse::<Family>().map_err(|e| to_py_err(e.into()))?)
            .with_on_opt(as_of.map(|d| d.0))
            .with_k(k)
            .with_max_hops(max_hops)
            .with_certain(certain);
        let (a, b) = (
            resolve_as(py, g, a, PARTIES)?,
            resolve_as(py, g, b, PARTIES)?,
        );
        let page = py.detach(|| {
            let chains = g.chains(a, b, &query);
            let title = format!(
                "{} to {}{}",
                node_name(g, a),
                node_name(g, b),
                query.on.map(|d| format!(" as of {d}")).unwrap_or_default()
            );
            let options = ViewOptions::default()
                .as_of(query.on)
                .highlight(Highlight::chains(&chains))
                .title(title);
            view::html(g, &options)
        });
        picture(py, page, "html")
    }

    /// Who held an ``office`` on ``as_of`` (with no date: ever): ``office`` names an organization
    /// or country (every office in it and in the bodies part of it, at any depth) or words of
    /// a title ("Defence Minister": every word, in any order, case- and accent-insensitively,
    /// "Defence" and "Defense" alike). With ``within`` (an organization or country),
    /// ``office`` is a title and only the offices in that body (and the bodies part of it)
    /// count. Returns ``Office`` records sorted by organization, title, person and start.
    /// Each says in ``validity.certainty`` whether it certainly held on the date
    /// (``"certain"``) or only possibly (``"possible"``: an undated office on a date no source
    /// attests), with the nearest attested date in ``validity.attested``; ``certain=True``
    /// keeps only the certain ones.
    ///
    /// >>> g = example()
    /// >>> [(o.person.id, o.validity.certainty) for o in g.office_holders("kor-mnd", as_of="2024")]
    /// [('han-min-koo', 'possible'), ('yoon-soon-gu', 'possible')]
    /// >>> str(g.office_holders("kor-mnd", as_of="2024")[0].validity.attested.date)
    /// '2016-06-04'
    /// >>> g.office_holders("kor-mnd", as_of="2024", certain=True)
    /// []
    /// >>> [o.person.id for o in g.office_holders("Minister of Defense", within="Seoul")]
    /// ['han-min-koo']
    ///
    /// ``on=`` is the old name of ``as_of=``: it still works, with a ``DeprecationWarning``.
    #[pyo3(signature = (office, *, as_of = None, certain = false, within = None, on = None))]
    fn office_holders<'py>(
        &self,
        py: Python<'py>,
        office: &str,
        as_of: Option<DateArg>,
        certain: bool,
        within: Option<NameArg>,
        on: Option<DateArg>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let on = renamed(py, "office_holders", ("on", on), ("as_of", as_of))?.map(|d| d.0);
        let g = self.read(py)?;
        let g = &*g;
        let found = match resolve_opt(py, g, within)? {
            Some(body) => {
                let query = OfficeQuery {
                    title: Some(office.to_owned()),
                    body: Some(body),
                };
                py.detach(|| g.holders(&query, on.as_ref()))
            }
            None => py.detach(|| g.office_holders(office, on.as_ref())).py()?,
        };
        let found = if certain { certain_only(found) } else { found };
        wrap(py, "Office", &found)
    }

    /// The parties to an agreement on ``as_of`` (with no date: every party, with the date it
    /// withdrew if it did). Returns ``Party`` records sorted by id, each with
    /// ``validity.certainty``; ``certain=True`` keeps only the parties that certainly were
    /// parties on the date.
    #[pyo3(signature = (agreement, *, as_of = None, certain = false))]
    fn parties<'py>(
        &self,
        py: Python<'py>,
        agreement: NameArg,
        as_of: Option<DateArg>,
        certain: bool,
    ) -> PyResult<Bound<'py, PyAny>> {
        let g = self.read(py)?;
        let g = &*g;
        let ix = resolve_preferring(py, g, agreement, &[NodeKind::Agreement])?;
        let on = as_of.map(|d| d.0);
        let found = g.parties(ix, on.as_ref());
        let found = if certain { certain_only(found) } else { found };
        wrap(py, "Party", &found)
    }

    /// The people who signed an agreement, sorted by date then id (``Signatory`` records).
    fn signatories<'py>(&self, py: Python<'py>, agreement: NameArg) -> PyResult<Bound<'py, PyAny>> {
        let g = self.read(py)?;
        let g = &*g;
        let ix = resolve_preferring(py, g, agreement, &[NodeKind::Agreement])?;
        wrap(py, "Signatory", &g.signatories(ix))
    }

    /// Everything about one node, as ``diplograph show`` prints it: a ``NodeProfile`` record
    /// with the node, its kind's details (an agreement's ``state``, ``lifecycle``,
    /// ``parties`` and ``signatories``; a person's ``offices``; an event's ``attendees``
    /// …), its ``relations`` (every edge holding on ``as_of``, seen from the node),
    /// ``statements_by`` and ``statements_about`` it, each with its citations; in a notebook
    /// it shows as ``show`` prints it. ``as_of`` keeps what held on that date;
    /// ``certain=True`` keeps only what certainly held then. The core's answer, the same as
    /// ``diplograph show --json``. Cost: O(degree of the node + its statements' degrees).
    ///
    /// >>> p = example().profile("Han Min Koo", as_of="2016-06-04")
    /// >>> [(o.title, o.organization.id) for o in p.offices]
    /// [('Defence Minister', 'kor-mnd')]
    #[pyo3(signature = (node, *, as_of = None, certain = false))]
    fn profile<'py>(
        &self,
        py: Python<'py>,
        node: NameArg,
        as_of: Option<DateArg>,
        certain: bool,
    ) -> PyResult<Bound<'py, PyAny>> {
        let g = self.read(py)?;
        let g = &*g;
        let name = node.0.clone();
        let ix = resolve(py, g, node)?;
        let on = as_of.map(|d| d.0);
        let Some(profile) = py.detach(|| g.profile(ix, on.as_ref())) else {
            return Err(PyValueError::new_err(format!("`{name}` has no profile")));
        };
        let profile = if certain {
            profile.certain_only()
        } else {
            profile
        };
        wrap(py, "NodeProfile", &[profile])?.get_item(0)
    }

    /// One statement with everything needed to read it in context (a ``StatementInfo``
    /// record: text, speakers, topics, attribution chain, reports, supports, disputes).
    /// Raises ``ValueError`` if the node is not a statement.
    fn statement<'py>(&self, py: Python<'py>, statement: NameArg) -> PyResult<Bound<'py, PyAny>> {
        let g = self.read(py)?;
        let g = &*g;
        let name = statement.0.clone();
        let ix = resolve_preferring(py, g, statement, &[NodeKind::Statement])?;
        let Some(info) = g.statement(ix) else {
            return Err(PyValueError::new_err(format!(
                "`{name}` is not a statement"
            )));
        };
        wrap(py, "StatementInfo", &[info])?.get_item(0)
    }

    /// A summary of the graph: a ``GraphStats`` record with ``title``, ``nodes`` and ``edges``
    /// (counts), ``nodes_by_kind`` and ``edges_by_kind`` (dicts of counts, kinds with none left
    /// out, in the core's kind order), ``first_date`` and ``last_date`` (the span of every date
    /// in the graph, lifecycle steps' and edges' ``attested`` dates included; ``None`` when it has none),
    /// ``citations`` (all counted) and ``sources`` (``SourceUse`` records: ``source``,
    /// ``date``, ``url``, ``citations``). The core's answer, the same as
    /// ``diplograph stats --json``: ``to_dict()`` gives exactly that JSON's data.
    /// Cost: O(nodes + edges + citations).
    ///
    /// >>> s = example().stats()
    /// >>> s.nodes, s.edges, s.citations
    /// (76, 230, 418)
    /// >>> str(s.first_date), str(s.last_date)
    /// ('2009', '2016-08-04')
    /// >>> s.nodes_by_kind["country"], s.sources[0].source.id, s.sources[0].citations
    /// (8, 'st-2016-06-04', 418)
    fn stats<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let g = self.read(py)?;
        let g = &*g;
        let stats = py.detach(|| g.stats());
        wrap(py, "GraphStats", &[stats])?.get_item(0)
    }

    /// The people who attended an event (``NodeRef`` records).
    fn attendees<'py>(&self, py: Python<'py>, event: NameArg) -> PyResult<Bound<'py, PyAny>> {
        let g = self.read(py)?;
        let g = &*g;
        let ix = resolve_preferring(py, g, event, &[NodeKind::Event])?;
        wrap(py, "NodeRef", &g.attendees(ix))
    }

    /// The statements said ``by`` someone, ``about`` something, known ``via`` an outlet or
    /// intermediary, and (with ``disputed=True``) only those that dispute another or are
    /// disputed; every condition given must hold. Returns ``StatementInfo`` records (text,
    /// speakers, topics, attribution chain, citations) sorted by date, then id.
    #[pyo3(signature = (*, by = None, about = None, via = None, disputed = false))]
    fn statements<'py>(
        &self,
        py: Python<'py>,
        by: Option<NameArg>,
        about: Option<NameArg>,
        via: Option<NameArg>,
        disputed: bool,
    ) -> PyResult<Bound<'py, PyAny>> {
        let g = self.read(py)?;
        let g = &*g;
        let query = StatementQuery {
            by: resolve_opt(py, g, by)?,
            about: resolve_opt(py, g, about)?,
            via: resolve_opt(py, g, via)?,
            disputed,
        };
        let found = py.detach(|| g.statements(&query));
        wrap(py, "StatementInfo", &found)
    }

    /// Dated events and agreement lifecycle changes between ``start`` and ``end`` (inclusive;
    /// either may be open), optionally ``around`` one node and its direct neighbours, in date
    /// order with precision kept. Returns ``TimelineEntry`` records; ``within`` says whether
    /// an entry lies ``inside`` the window or only ``partly`` (a month straddling its edge).
    /// A window whose end comes before its start raises ``InvalidQuery``.
    ///
    /// Events and steps that were ``cancelled``, ``postponed`` or ``did_not_happen`` are left
    /// out unless ``all_statuses`` is true; every entry carries its ``status`` and a
    /// ``description`` in words that marks it (``signed [cancelled]``). A notice taking effect
    /// and a term running out are entries too, with ``derived`` true
    /// (``withdrawn (United States) [derived]``).
    ///
    /// ``statements=True`` adds statements, at the date they were said (or, with none, at the
    /// date of the source reporting them, ``what["reported"]`` true). ``kinds`` keeps entries
    /// of these kinds only: ``"event"``, an event kind (``"meeting"``, …), ``"lifecycle"``,
    /// ``"statement"``. ``involving`` keeps entries every one of these parties takes part in,
    /// itself, through the organizations part of it, or through the people holding office
    /// in them.
    ///
    /// >>> g = example()
    /// >>> [e.description for e in g.timeline(kinds=["statement"], involving=["Lu Yin"])][:1]
    /// ['statement by Lu Yin [reporting date]']
    #[pyo3(signature = (*, start = None, end = None, around = None, all_statuses = false, kinds = None, statements = false, involving = None))]
    #[expect(
        clippy::too_many_arguments,
        reason = "keyword arguments of one Python method"
    )]
    fn timeline<'py>(
        slf: &Bound<'py, Self>,
        py: Python<'py>,
        start: Option<DateArg>,
        end: Option<DateArg>,
        around: Option<NameArg>,
        all_statuses: bool,
        kinds: Option<Vec<String>>,
        statements: bool,
        involving: Option<Vec<NameArg>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let this = slf.borrow();
        let g = this.read(py)?;
        let g = &*g;
        let query = timeline_query(
            py,
            g,
            start,
            end,
            around,
            all_statuses,
            kinds,
            statements,
            involving,
        )?;
        query.check().py()?;
        let found = py.detach(|| g.timeline(&query));
        let results = wrap(py, "TimelineEntry", &found)?;
        // What `Results.view()` asks again to draw the timeline.
        let args = PyDict::new(py);
        args.set_item("start", query.from.map(|d| d.to_string()))?;
        args.set_item("end", query.to.map(|d| d.to_string()))?;
        args.set_item("around", query.around.map(|ix| node_id(g, ix)))?;
        args.set_item("all_statuses", all_statuses)?;
        args.set_item(
            "kinds",
            query.kinds.iter().map(|k| k.as_str()).collect::<Vec<_>>(),
        )?;
        args.set_item("statements", statements)?;
        args.set_item(
            "involving",
            query
                .with
                .iter()
                .map(|&ix| node_id(g, ix))
                .collect::<Vec<_>>(),
        )?;
        results.setattr("_picture", (slf, "_timeline_view", args))?;
        Ok(results)
    }

    /// The timeline ``timeline`` answers with these arguments drawn as a standalone SVG
    /// document (text): agreement lifecycles as bars coloured by state (what only possibly
    /// held pale and dashed, pending notices marked, planned steps hollow), events as marks,
    /// statements (with ``statements=True``) as ticks. The picture ``diplograph timeline
    /// --svg`` writes.
    ///
    /// >>> g = example()
    /// >>> g.timeline_svg(statements=True).startswith('<svg xmlns="http://www.w3.org/2000/svg"')
    /// True
    #[pyo3(signature = (*, start = None, end = None, around = None, all_statuses = false, kinds = None, statements = false, involving = None))]
    #[expect(
        clippy::too_many_arguments,
        reason = "keyword arguments of one Python method"
    )]
    fn timeline_svg(
        &self,
        py: Python<'_>,
        start: Option<DateArg>,
        end: Option<DateArg>,
        around: Option<NameArg>,
        all_statuses: bool,
        kinds: Option<Vec<String>>,
        statements: bool,
        involving: Option<Vec<NameArg>>,
    ) -> PyResult<String> {
        let g = self.read(py)?;
        let g = &*g;
        let query = timeline_query(
            py,
            g,
            start,
            end,
            around,
            all_statuses,
            kinds,
            statements,
            involving,
        )?;
        query.check().py()?;
        Ok(py.detach(|| view::timeline_svg(g, &query)))
    }

    /// ``timeline_svg`` as a ``View`` (what ``g.timeline(...).view()`` shows).
    #[pyo3(signature = (*, start = None, end = None, around = None, all_statuses = false, kinds = None, statements = false, involving = None))]
    #[expect(
        clippy::too_many_arguments,
        reason = "keyword arguments of one Python method"
    )]
    fn _timeline_view<'py>(
        &self,
        py: Python<'py>,
        start: Option<DateArg>,
        end: Option<DateArg>,
        around: Option<NameArg>,
        all_statuses: bool,
        kinds: Option<Vec<String>>,
        statements: bool,
        involving: Option<Vec<NameArg>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let svg = self.timeline_svg(
            py,
            start,
            end,
            around,
            all_statuses,
            kinds,
            statements,
            involving,
        )?;
        picture(py, svg, "svg")
    }

    /// The interactive view of the graph: one self-contained HTML page (it works offline)
    /// with the graph laid out (pan, zoom, filter by kind, search by name), a date slider
    /// showing what holds on the day (agreements by state, offices, memberships; what only
    /// possibly held dashed), the timeline under it, and on a click a node's or edge's
    /// profile with each citation and the source text around it. Returns a ``View``: a
    /// notebook shows it inline; ``.save(path)`` writes the page.
    ///
    /// ``around`` draws the neighbourhood of one node within ``depth`` edges; without it a
    /// graph of more than ``max_nodes`` nodes (default 400) is drawn as its most connected
    /// part. ``as_of`` is the day the slider starts on (default: the latest source's date).
    ///
    /// >>> v = example().view(around="KOR", as_of="2016-06-04")
    /// >>> v.html.startswith("<!DOCTYPE html>")
    /// True
    #[pyo3(signature = (*, around = None, depth = 1, as_of = None, title = None, max_nodes = None))]
    fn view<'py>(
        &self,
        py: Python<'py>,
        around: Option<NameArg>,
        depth: usize,
        as_of: Option<DateArg>,
        title: Option<String>,
        max_nodes: Option<usize>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let g = self.read(py)?;
        let g = &*g;
        let mut options = ViewOptions::default().as_of(as_of.map(|d| d.0));
        if let Some(center) = resolve_opt(py, g, around)? {
            options = options.around(center, depth);
        }
        if let Some(t) = title {
            options = options.title(t);
        }
        if let Some(n) = max_nodes {
            options = options.max_nodes(n);
        }
        let page = py.detach(|| view::html(g, &options));
        picture(py, page, "html")
    }

    /// The subgraph within ``depth`` edges of ``node`` (following edges both ways), keeping only
    /// edges of the given ``kinds`` (all when ``None``) that hold on ``as_of``, as a new
    /// ``Graph`` that is valid on its own (it keeps the sources and parties its facts name).
    #[pyo3(signature = (node, *, depth = 1, kinds = None, as_of = None))]
    fn neighbourhood(
        &self,
        py: Python<'_>,
        node: NameArg,
        depth: usize,
        kinds: Option<Vec<String>>,
        as_of: Option<DateArg>,
    ) -> PyResult<PyGraph> {
        let g = self.read(py)?;
        let g = &*g;
        let center = resolve(py, g, node)?;
        let kinds = kinds
            .unwrap_or_default()
            .iter()
            .map(|k| vocab::<EdgeKind>(k))
            .collect::<PyResult<Vec<_>>>()?;
        let query = NeighbourhoodQuery {
            depth,
            kinds,
            on: as_of.map(|d| d.0),
        };
        let inner = py.detach(|| g.neighbourhood(center, &query));
        Ok(PyGraph::from_graph(inner))
    }

    // ---- Python protocols ----------------------------------------------------------------

    fn __len__(&self, py: Python<'_>) -> PyResult<usize> {
        Ok(self.read(py)?.node_count())
    }

    fn __iter__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyIterator>> {
        // Ids, as networkx iterates a graph; `g.nodes()` gives the `Node` objects.
        let list = PyList::new(py, self._node_ids(py, None)?)?;
        list.try_iter()
    }

    fn __contains__(&self, py: Python<'_>, item: &Bound<'_, PyAny>) -> PyResult<bool> {
        let name = if let Ok(n) = item.cast::<PyNode>() {
            return Ok(self
                .read(py)?
                .node(&n.get().0.id)
                .is_some_and(|m| *m == n.get().0));
        } else {
            item.extract::<String>()?
        };
        let g = self.read(py)?;
        let g = &*g;
        Ok(py.detach(|| g.knows(&name)))
    }

    fn __getitem__(&self, py: Python<'_>, name: &str) -> PyResult<PyNode> {
        self.node(py, name)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let g = self.read(py)?;
        let title = g
            .title
            .as_deref()
            .map(|t| format!(" {t:?}"))
            .unwrap_or_default();
        Ok(format!(
            "<Graph{title}: {} nodes, {} edges>",
            g.node_count(),
            g.edge_count()
        ))
    }

    /// A notebook summary: counts by kind, date span and sources.
    fn _repr_html_<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        slf.py()
            .import("diplograph._display")?
            .getattr("graph_html")?
            .call1((slf,))
    }

    /// The graph as a ``networkx.MultiDiGraph`` (see ``diplograph.to_networkx``).
    fn to_networkx<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        slf.py()
            .import("diplograph._interop")?
            .getattr("to_networkx")?
            .call1((slf,))
    }

    /// The graph as ``(nodes, edges)`` pandas DataFrames (see ``diplograph.to_pandas``).
    fn to_pandas<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        slf.py()
            .import("diplograph._interop")?
            .getattr("to_pandas")?
            .call1((slf,))
    }

    /// The graph as ``(nodes, edges)`` pyarrow Tables (see ``diplograph.to_arrow``).
    fn to_arrow<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        slf.py()
            .import("diplograph._interop")?
            .getattr("to_arrow")?
            .call1((slf,))
    }

    /// The graph as ``(nodes, edges)`` polars DataFrames (see ``diplograph.to_polars``).
    fn to_polars<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        slf.py()
            .import("diplograph._interop")?
            .getattr("to_polars")?
            .call1((slf,))
    }

    /// ``(nodes, edges)``, each ``(rows, [(name, type, null_count, validity, data, offsets,
    /// categories)])``: the schema's columns (``diplograph::export::tables``) as Arrow buffers,
    /// built in one native pass (for ``to_arrow``). Cost: O(nodes + edges) plus the sort.
    fn _tables<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        columns::tables(py, &*self.read(py)?)
    }

    /// ``([(id, {field: value})], [(source, target, {field: value})])``: what networkx's
    /// ``add_nodes_from`` and ``add_edges_from`` take, the schema's fields that a node or edge
    /// has, scalars and strings only (for ``to_networkx``). Cost: O(nodes + edges) plus the sort.
    fn _networkx_rows<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        columns::networkx_rows(py, &*self.read(py)?)
    }

    fn __getstate__(&self, py: Python<'_>) -> PyResult<String> {
        let g = self.read(py)?;
        let g = &*g;
        Ok(py.detach(|| format::to_string(g)))
    }

    fn __setstate__(&self, py: Python<'_>, state: &str) -> PyResult<()> {
        let loaded = py.detach(|| format::from_str(state)).py()?;
        *self.graph.write(py)? = loaded;
        Ok(())
    }

    fn __copy__(&self, py: Python<'_>) -> PyResult<Self> {
        Ok(PyGraph::from_graph(self.read(py)?.clone()))
    }

    fn __deepcopy__(&self, py: Python<'_>, _memo: &Bound<'_, PyAny>) -> PyResult<Self> {
        self.__copy__(py)
    }
}

/// The built-in example: the Straits Times report of 4 June 2016 on the US, South Korean and
/// Japanese defence chiefs at the Shangri-La Dialogue, every fact citing its sentence.
///
/// >>> g = example()
/// >>> g.node("gsomia-kor-usa").agreement_kind
/// 'gsomia'
#[pyfunction]
pub(crate) fn example(py: Python<'_>) -> PyResult<PyGraph> {
    // Loaded (not `diplograph::example()`) so that a broken example raises rather than
    // yielding an empty graph.
    let inner = py
        .detach(|| format::from_str(diplograph::EXAMPLE_JSON))
        .py()?;
    Ok(PyGraph::from_graph(inner))
}

/// Reads and validates a graph in the native format from ``path`` (``str`` or
/// ``os.PathLike``), or from a directory of Parquet tables written by
/// ``save(dir, format="parquet")`` (problems there are located by table, row and column, and
/// ``limits`` do not apply). Raises ``FileError`` (an ``OSError``), ``ParseError`` for malformed JSON
/// or bytes that are not UTF-8, or ``ValidationError`` listing every problem with its line and
/// column. The GIL is released while the core reads and validates.
///
/// ``limits`` raises (or lowers) the limits on what a file may hold: a dict of limit names to
/// whole numbers, each replacing its default in ``diplograph.DEFAULT_LIMITS``. An input over a
/// limit raises ``ValidationError`` with a ``limit-…`` problem naming the key to pass; an
/// unknown name raises ``ValueError``.
///
/// >>> import pathlib, tempfile
/// >>> path = pathlib.Path(tempfile.mkdtemp()) / "kor.json"
/// >>> _ = path.write_text('{"diplograph": "1", "nodes": [{"id": "KOR", "kind": "country", "name": "South Korea"}]}')
/// >>> load(path, limits={"max_file_size": 50})
/// Traceback (most recent call last):
///   ...
/// diplograph._errors.ValidationError: 1 problem(s) found:
/// ...: error[limit-file-size]: the input is 87 bytes, over the limit of 50 bytes (to accept it, pass a larger limit: load(..., limits={'max_file_size': N}) or loads(..., limits={'max_file_size': N}))
/// >>> len(load(path, limits={"max_file_size": 100}))
/// 1
#[pyfunction]
#[pyo3(signature = (path, *, limits = None))]
pub(crate) fn load(py: Python<'_>, path: PathBuf, limits: Option<LimitsArg>) -> PyResult<PyGraph> {
    let limits = limits.map(|l| l.0).unwrap_or_default();
    let inner = py.detach(move || format::load_with(path, &limits)).py()?;
    Ok(PyGraph::from_graph(inner))
}

/// Reads and validates a graph in the native format from a ``str``, or from ``bytes`` (or a
/// ``bytearray`` or ``memoryview``) holding UTF-8; ``limits`` as for ``load``. Raises
/// ``ParseError`` for malformed JSON, for bytes that are not UTF-8 and for a ``str`` holding a
/// lone surrogate (such as the ``"\udcff"`` that ``errors="surrogateescape"`` decoding leaves
/// for a bad byte), each located by line and column; ``ValidationError`` listing every
/// problem; ``TypeError`` for anything but text or bytes.
///
/// >>> g = loads('{"diplograph": "1", "nodes": [{"id": "KOR", "kind": "country", "name": "South Korea"}]}')
/// >>> list(g)
/// ['KOR']
/// >>> list(loads(b'{"diplograph": "1", "nodes": []}'))
/// []
/// >>> loads(b'{"diplograph": "1", "title": "S\xffoul"}')
/// Traceback (most recent call last):
///   ...
/// diplograph._errors.ParseError: 1 problem(s) found:
/// <input>:1:32: error[json-syntax]: the input is not valid UTF-8 (bad byte at offset 31); save it as UTF-8
#[pyfunction]
#[pyo3(signature = (text, *, limits = None))]
pub(crate) fn loads(
    py: Python<'_>,
    text: &Bound<'_, PyAny>,
    limits: Option<LimitsArg>,
) -> PyResult<PyGraph> {
    let limits = limits.map(|l| l.0).unwrap_or_default();
    let inner = if let Ok(s) = text.cast::<PyString>() {
        match s.to_cow() {
            Ok(text) => py.detach(|| format::from_str_with(&text, &limits)),
            Err(_) => Err(lone_surrogate(s)?),
        }
    } else if let Ok(b) = text.cast::<PyBytes>() {
        let bytes = b.as_bytes();
        py.detach(|| format::from_slice_with(bytes, None, &limits))
    } else if let Ok(b) = text.cast::<PyByteArray>() {
        // Copied out: a bytearray may change while the GIL is released.
        let bytes = b.to_vec();
        py.detach(|| format::from_slice_with(&bytes, None, &limits))
    } else if let Ok(view) = text.cast::<PyMemoryView>() {
        let copy = view.call_method0("tobytes")?;
        let bytes = copy.cast::<PyBytes>()?.as_bytes();
        py.detach(|| format::from_slice_with(bytes, None, &limits))
    } else {
        let kind = text.get_type().name()?;
        return Err(PyTypeError::new_err(format!(
            "loads() takes a str or bytes, not {kind}"
        )));
    };
    Ok(PyGraph::from_graph(inner.py()?))
}

/// The `json-syntax` error for a `str` that cannot be UTF-8 because it holds a lone
/// surrogate (a code point from U+D800 to U+DFFF), located at the first one.
fn lone_surrogate(s: &Bound<'_, PyString>) -> PyResult<Error> {
    // "surrogatepass" writes each surrogate as the three bytes UTF-8 would give it; the text
    // before the first is valid UTF-8.
    let encoded = s.call_method1("encode", ("utf-8", "surrogatepass"))?;
    let bytes = encoded.cast::<PyBytes>()?.as_bytes();
    let good = match std::str::from_utf8(bytes) {
        Ok(_) => {
            return Err(PyValueError::new_err(
                "a str that is not UTF-8 holds no lone surrogate",
            ))
        }
        Err(e) => e.valid_up_to(),
    };
    let before = std::str::from_utf8(bytes.get(..good).unwrap_or_default()).unwrap_or_default();
    let code = match bytes.get(good..good + 3) {
        Some(&[a, b, c]) => {
            (u32::from(a & 0x0F) << 12) | (u32::from(b & 0x3F) << 6) | u32::from(c & 0x3F)
        }
        _ => 0,
    };
    let line = before.matches('\n').count() + 1;
    let column = before
        .rsplit('\n')
        .next()
        .map_or(0, |last| last.chars().count())
        + 1;
    Ok(Error::Invalid {
        problems: Problems(vec![Problem {
            code: ProblemCode::JsonSyntax,
            message: format!(
                "the text holds a lone surrogate (U+{code:04X}, at index {} of the str), which \
                 no UTF-8 text can hold; decode the input with errors='replace' or fix it at \
                 its source",
                before.chars().count()
            ),
            id: None,
            location: Location {
                line: Some(line),
                column: Some(column),
                ..Location::default()
            },
        }]),
    })
}

/// The graph as it stood on one date (``Graph.as_of(date)``). Each question walks the graph
/// when asked.
///
/// >>> view = example().as_of("2016-06-04")
/// >>> [a.agreement.id for a in view.agreements() if a.kind == "gsomia"]
/// ['gsomia-jpn-usa', 'gsomia-kor-usa']
#[pyclass(module = "diplograph", name = "AsOf", frozen)]
pub(crate) struct AsOfView {
    graph: Py<PyGraph>,
    date: diplograph::time::PartialDate,
}

#[pymethods]
impl AsOfView {
    /// The date of the view.
    #[getter]
    fn date(&self) -> crate::date::PyPartialDate {
        crate::date::PyPartialDate(self.date)
    }

    /// Every agreement with the state it was in on the date (``AgreementLink`` records);
    /// ``certain=True`` keeps those certainly in that state then.
    #[pyo3(signature = (*, certain = false))]
    fn agreements<'py>(&self, py: Python<'py>, certain: bool) -> PyResult<Bound<'py, PyAny>> {
        let g = self.graph.get().read(py)?;
        let d = self.date;
        let inner = &*g;
        let found = py.detach(|| inner.as_of(d).agreements());
        let found = if certain { certain_only(found) } else { found };
        wrap(py, "AgreementLink", &found)
    }

    /// Every office held on the date (``Office`` records); ``certain=True`` keeps those
    /// certainly held then.
    ///
    /// >>> view = example().as_of("2016-06-04")
    /// >>> len(view.offices()), len(view.offices(certain=True))
    /// (7, 7)
    /// >>> later = example().as_of("2016-07")
    /// >>> len(later.offices()), len(later.offices(certain=True))
    /// (7, 0)
    #[pyo3(signature = (*, certain = false))]
    fn offices<'py>(&self, py: Python<'py>, certain: bool) -> PyResult<Bound<'py, PyAny>> {
        let g = self.graph.get().read(py)?;
        let d = self.date;
        let inner = &*g;
        let found = py.detach(|| inner.as_of(d).offices());
        let found = if certain { certain_only(found) } else { found };
        wrap(py, "Office", &found)
    }

    /// Every ``member_of`` and ``part_of`` relation holding on the date (``Membership``);
    /// ``certain=True`` keeps those certainly holding then.
    #[pyo3(signature = (*, certain = false))]
    fn memberships<'py>(&self, py: Python<'py>, certain: bool) -> PyResult<Bound<'py, PyAny>> {
        let g = self.graph.get().read(py)?;
        let d = self.date;
        let inner = &*g;
        let found = py.detach(|| inner.as_of(d).memberships());
        let found = if certain { certain_only(found) } else { found };
        wrap(py, "Membership", &found)
    }

    /// Every edge that holds on the date, with how it stands then (``ValidEdge`` records).
    fn edges<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let g = self.graph.get().read(py)?;
        let d = self.date;
        let inner = &*g;
        let found: Vec<_> = py.detach(|| inner.as_of(d).edges().collect());
        wrap(py, "ValidEdge", &found)
    }

    fn __repr__(&self) -> String {
        format!("<AsOf {}>", self.date)
    }
}

/// Merges graphs into one, keeping every citation: nodes are unified by id, then by a shared
/// external identifier (``wikidata``), then by a declared alias. Disagreements are issued as
/// ``diplograph.MergeConflictWarning`` warnings (each with its ``problem``); with
/// ``strict=True`` they raise ``ValidationError`` instead. A value one input gives more
/// precisely than another (a day inside a month) is kept and issued as a
/// ``diplograph.MergeRefinementWarning``, never an error. ``labels`` name the inputs in
/// conflict reports only (default: ``graph N``, by position); the merged graph never depends on
/// them. ``title`` names the merged graph (default: "merge of N graphs", the inputs' titles
/// listed in its description). The GIL is released while the core merges.
#[pyfunction]
#[pyo3(signature = (*graphs, strict = false, labels = None, title = None))]
#[expect(
    clippy::needless_pass_by_value,
    reason = "PyO3 passes `*graphs` as an owned Vec"
)]
pub(crate) fn merge(
    py: Python<'_>,
    graphs: Vec<PyRef<'_, PyGraph>>,
    strict: bool,
    labels: Option<Vec<String>>,
    title: Option<String>,
) -> PyResult<PyGraph> {
    if let Some(l) = &labels {
        if l.len() != graphs.len() {
            return Err(PyValueError::new_err(format!(
                "merge() got {} labels for {} graphs",
                l.len(),
                graphs.len()
            )));
        }
    }
    let merged = {
        // Every input read at once (the same graph twice is read twice); the locks are let go
        // before the warnings, whose hooks may change the inputs.
        let read = graphs
            .iter()
            .map(|g| g.read(py))
            .collect::<PyResult<Vec<_>>>()?;
        let labels = labels.unwrap_or_else(|| {
            read.iter()
                .enumerate()
                .map(|(i, _)| format!("graph {}", i + 1))
                .collect()
        });
        let inputs: Vec<(&str, &Graph)> = labels
            .iter()
            .map(String::as_str)
            .zip(read.iter().map(|g| &**g))
            .collect();
        let options = diplograph::merge::MergeOptions { strict, title };
        py.detach(|| diplograph::merge::merge(&inputs, options))
            .py()?
    };
    if !merged.conflicts.is_empty() || !merged.refinements.is_empty() {
        let warn = py.import("diplograph._errors")?.getattr("warn_conflicts")?;
        let conflicts = problems_to_py(py, &merged.conflicts)?;
        let refinements = problems_to_py(py, &merged.refinements)?;
        warn.call1((conflicts, refinements))?;
    }
    Ok(PyGraph::from_graph(merged.graph))
}

/// The timeline question of `Graph.timeline` and `Graph.timeline_svg`.
#[expect(
    clippy::too_many_arguments,
    reason = "the keyword arguments of the Python methods"
)]
fn timeline_query(
    py: Python<'_>,
    g: &Graph,
    start: Option<DateArg>,
    end: Option<DateArg>,
    around: Option<NameArg>,
    all_statuses: bool,
    kinds: Option<Vec<String>>,
    statements: bool,
    involving: Option<Vec<NameArg>>,
) -> PyResult<TimelineQuery> {
    Ok(TimelineQuery {
        from: start.map(|d| d.0),
        to: end.map(|d| d.0),
        around: resolve_opt(py, g, around)?,
        all_statuses,
        kinds: kinds
            .unwrap_or_default()
            .iter()
            .map(|k| vocab::<EntryKind>(k))
            .collect::<PyResult<_>>()?,
        statements,
        with: involving
            .unwrap_or_default()
            .into_iter()
            .map(|n| resolve_as(py, g, n, NodeKind::ACTORS))
            .collect::<PyResult<_>>()?,
    })
}

/// A node's id, for arguments kept to ask again.
fn node_id(g: &Graph, ix: diplograph::NodeIndex) -> String {
    g.node_at(ix).map(|n| n.id.clone()).unwrap_or_default()
}

/// A node's name, for titles.
fn node_name(g: &Graph, ix: diplograph::NodeIndex) -> String {
    g.node_at(ix).map(|n| n.name.clone()).unwrap_or_default()
}

/// A `diplograph._view.View` of a page (`"html"`) or an SVG picture (`"svg"`).
fn picture<'py>(py: Python<'py>, text: String, form: &str) -> PyResult<Bound<'py, PyAny>> {
    py.import("diplograph._view")?
        .getattr("View")?
        .call1((text, form))
}
