//! The graph: nodes and typed edges in a petgraph `StableGraph`, indexed by id and by name.
//!
//! Build one with [`Graph::add_node`] and [`Graph::relate`] (each addition is checked), or load
//! one with [`crate::format::from_str`] / [`crate::format::load`]; the built-in example is
//! [`crate::example`].

use std::collections::HashMap;

use petgraph::stable_graph::StableDiGraph;
use petgraph::visit::EdgeRef;
use petgraph::Direction;

pub use petgraph::stable_graph::{EdgeIndex, NodeIndex};

use crate::error::{Candidate, Error, Problem, Result};
use crate::identity::{self, normalize};
use crate::model::{Edge, EdgeKind, Node, NodeDetails, NodeKind};
use crate::validate;

mod derived;
mod visit;
use derived::Derived;

/// A typed, dated, sourced graph.
///
/// Node and edge indices stay valid for the life of the graph (it never removes anything).
///
/// ```
/// use diplograph::model::{Edge, EdgeKind, Node, NodeDetails, AgreementKind};
/// let mut g = diplograph::Graph::new();
/// g.add_node(Node::new("KOR", "South Korea", NodeDetails::Country))?;
/// g.add_node(Node::new("USA", "United States", NodeDetails::Country))?;
/// g.add_node(Node::new("gsomia", "US–ROK GSOMIA",
///     NodeDetails::Agreement { kind: AgreementKind::Gsomia, lifecycle: vec![], terms: None }))?;
/// g.relate("KOR", "gsomia", Edge::new(EdgeKind::PartyTo))?;
/// g.relate("USA", "gsomia", Edge::new(EdgeKind::PartyTo))?;
/// // Names, aliases and capitals resolve, whatever the case or accents:
/// assert_eq!(g.lookup("Seoul")?.id, "KOR");
/// assert_eq!(g.lookup("republic of korea")?.id, "KOR");
/// assert!(g.validate().is_empty());
/// # Ok::<(), diplograph::Error>(())
/// ```
#[derive(Debug, Default, Clone)]
pub struct Graph {
    inner: StableDiGraph<Node, Edge>,
    /// Ids to indices. Ids come from files anyone can write, so this keeps the standard
    /// library's randomly keyed hash: a fast fixed hash lets crafted ids all collide and makes
    /// loading quadratic.
    by_id: HashMap<String, NodeIndex>,
    /// Indexes derived from the nodes and edges, dropped on every change.
    derived: Derived,
    /// A title for the dataset.
    pub title: Option<String>,
    /// A description of the dataset.
    pub description: Option<String>,
    /// Whether a citation added by [`Graph::add_node`] or [`Graph::relate`] gives words
    /// without a span and names a source not added yet: adding a source then resolves them.
    awaiting_source: bool,
}

/// Every node's edges, one list per direction, grouped by kind: a typed one-hop query reads
/// only the edges of its kind instead of the node's whole adjacency. Built once, on the first
/// typed query after a change; within a kind, edges keep petgraph's order.
#[derive(Debug, Default)]
struct KindIndex {
    /// By direction (outgoing, incoming): where each node's entries start, by node index.
    starts: [Vec<usize>; 2],
    /// By direction: every edge, by node, then kind.
    entries: [Vec<KindEntry>; 2],
}

/// One edge in the kind index, with the node at its other end, so that listing neighbours
/// reads neither the edge nor the node the query starts from.
#[derive(Debug, Clone, Copy)]
struct KindEntry {
    kind: EdgeKind,
    edge: EdgeIndex,
    other: NodeIndex,
}

impl KindIndex {
    fn build(inner: &StableDiGraph<Node, Edge>) -> Self {
        let mut index = KindIndex::default();
        for (d, dir) in [Direction::Outgoing, Direction::Incoming]
            .into_iter()
            .enumerate()
        {
            let bound = petgraph::visit::NodeIndexable::node_bound(inner);
            let mut starts = Vec::with_capacity(bound + 1);
            let mut entries = Vec::with_capacity(inner.edge_count());
            for n in 0..bound {
                starts.push(entries.len());
                let from = entries.len();
                entries.extend(
                    inner
                        .edges_directed(NodeIndex::new(n), dir)
                        .map(|e| KindEntry {
                            kind: e.weight().kind,
                            edge: e.id(),
                            other: if dir == Direction::Outgoing {
                                e.target()
                            } else {
                                e.source()
                            },
                        }),
                );
                if let Some(mine) = entries.get_mut(from..) {
                    mine.sort_by_key(|e| e.kind); // stable: keeps the order within a kind
                }
            }
            starts.push(entries.len());
            if let (Some(s), Some(e)) = (index.starts.get_mut(d), index.entries.get_mut(d)) {
                (*s, *e) = (starts, entries);
            }
        }
        index
    }

    /// The edges of one kind at a node, in one direction. Cost: O(log degree + found).
    fn of(&self, ix: NodeIndex, dir: Direction, kind: EdgeKind) -> &[KindEntry] {
        let d = usize::from(dir == Direction::Incoming);
        let (Some(starts), Some(entries)) = (self.starts.get(d), self.entries.get(d)) else {
            return &[];
        };
        let (Some(&lo), Some(&hi)) = (starts.get(ix.index()), starts.get(ix.index() + 1)) else {
            return &[];
        };
        let mine = entries.get(lo..hi).unwrap_or_default();
        let first = mine.partition_point(|e| e.kind < kind);
        let end = mine.partition_point(|e| e.kind <= kind);
        mine.get(first..end).unwrap_or_default()
    }
}

/// The nodes one hop away over edges of one kind, each with its edge: see
/// [`Graph::neighbours_out`] and [`Graph::neighbours_in`].
#[derive(Debug, Clone)]
pub struct Neighbours<'g> {
    graph: &'g Graph,
    entries: std::slice::Iter<'g, KindEntry>,
}

impl<'g> Iterator for Neighbours<'g> {
    type Item = (EdgeIndex, &'g Node);

    fn next(&mut self) -> Option<Self::Item> {
        // The index is rebuilt after any change, so every node it names exists.
        let entry = self.entries.next()?;
        self.graph
            .inner
            .node_weight(entry.other)
            .map(|node| (entry.edge, node))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.entries.size_hint()
    }
}

impl ExactSizeIterator for Neighbours<'_> {}

/// Normalized names to the nodes that claim them: first those a dataset declares (ids, names,
/// aliases), then the built-in country names of the countries present.
#[derive(Debug, Default)]
struct NameIndex {
    declared: HashMap<String, Vec<NodeIndex>>,
    builtin: HashMap<String, Vec<NodeIndex>>,
    /// The claims of unnamed nodes: for `search` only, never for lookup.
    unnamed: HashMap<String, Vec<NodeIndex>>,
}

/// An edge together with its two ends, as returned by the graph's edge iterators.
#[derive(Debug, Clone, Copy)]
pub struct EdgeView<'g> {
    /// The edge's index.
    pub index: EdgeIndex,
    /// The node it starts at.
    pub from: &'g Node,
    /// The node it ends at.
    pub to: &'g Node,
    /// The edge.
    pub edge: &'g Edge,
    /// The index of the node it starts at.
    pub from_index: NodeIndex,
    /// The index of the node it ends at.
    pub to_index: NodeIndex,
}

impl Graph {
    /// An empty graph.
    pub fn new() -> Self {
        Graph::default()
    }

    /// Adds a node, checking it on its own (id, name, kind rules, ISO code, dates, lifecycle).
    ///
    /// Whole-graph rules (citations to sources, spans, aliases claimed twice) are checked by
    /// [`Graph::validate`]. A citation given by its words alone (`text`, no `span`) gets the
    /// span its words find in its source's text when the graph already holds that source;
    /// when the source comes later, adding it resolves the citations waiting for it. Words
    /// that are not found (or found several times with no `occurrence`) are left without a
    /// span and reported by [`Graph::validate`] (`citation-text-not-found`,
    /// `citation-text-ambiguous`). Cost: O(1) amortised, plus a search of the source's text
    /// per citation given by its words.
    ///
    /// ```
    /// use diplograph::model::{Node, NodeDetails};
    /// use diplograph::provenance::{Citation, Span};
    /// let mut g = diplograph::Graph::new();
    /// let text = Some("Seoul and Tokyo signed. Seoul said so.".to_owned());
    /// g.add_node(Node::new("st", "A paper", NodeDetails::Source { date: None, url: None, text }))?;
    /// let cite = Citation::new("st").with_text("Seoul").with_occurrence(2);
    /// g.add_node(Node::new("KOR", "South Korea", NodeDetails::Country).with_citation(cite))?;
    /// assert_eq!(g.node("KOR").unwrap().citations[0].span, Some(Span { start: 24, end: 29 }));
    /// # Ok::<(), diplograph::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::Invalid`] listing what is wrong with the node, including `duplicate-id`, and
    /// every `limit-…` problem a default load would report for it ([`crate::format::Limits`]:
    /// id and string lengths, aliases, citations), so a built graph always loads back.
    pub fn add_node(&mut self, node: Node) -> Result<NodeIndex> {
        let mut problems = validate::check_node(&node);
        problems.extend(crate::format::built_limits::node(
            &node,
            &crate::format::Limits::default(),
        ));
        if self.by_id.contains_key(&node.id) {
            problems.push(
                Problem::new(
                    crate::error::ProblemCode::DuplicateId,
                    format!("a node with id `{}` already exists", node.id),
                    "/id",
                )
                .with_id(&node.id),
            );
        }
        if !problems.is_empty() {
            return Err(Error::invalid(problems));
        }
        let mut node = node;
        for citations in node.citation_lists_mut() {
            self.resolve_citations_of(citations);
        }
        let gives_text = matches!(&node.details, NodeDetails::Source { text: Some(_), .. });
        let ix = self.insert_node_unchecked(node);
        if gives_text && self.awaiting_source {
            self.awaiting_source = validate::resolve_spans(self);
        }
        Ok(ix)
    }

    /// Gives each citation given by its words alone the span they find in its source, when
    /// the graph holds the source and its text (see [`crate::provenance::Citation::text`]).
    fn resolve_citations_of(&mut self, citations: &mut [crate::provenance::Citation]) {
        for c in citations {
            self.awaiting_source |= validate::resolve_span(self, c);
        }
    }

    pub(crate) fn insert_node_unchecked(&mut self, node: Node) -> NodeIndex {
        let id = node.id.clone();
        let ix = self.inner.add_node(node);
        self.by_id.insert(id, ix);
        self.derived.invalidate();
        ix
    }

    /// Adds an edge from the node with id `from` to the node with id `to`, checking that both
    /// exist, that the edge kind allows their kinds, and the edge's own fields. Citations
    /// given by their words alone get their span as in [`Graph::add_node`].
    ///
    /// Cost: O(1), plus a search of the source's text per citation given by its words.
    ///
    /// # Errors
    /// [`Error::Invalid`] with `dangling-reference`, `edge-endpoint-kind`, `kind-field`,
    /// `interval-reversed` or `out-of-range` problems, and the `limit-…` problems a default load
    /// would report for the edge (string and id lengths, citations).
    pub fn relate(&mut self, from: &str, to: &str, edge: Edge) -> Result<EdgeIndex> {
        let mut problems = validate::check_relation(self, from, to, &edge);
        problems.extend(crate::format::built_limits::edge(
            &edge,
            &format!("{from} {} {to}", edge.kind),
            &crate::format::Limits::default(),
        ));
        if !problems.is_empty() {
            return Err(Error::invalid(problems));
        }
        let mut edge = edge;
        self.resolve_citations_of(&mut edge.citations);
        match (self.by_id.get(from), self.by_id.get(to)) {
            (Some(&f), Some(&t)) => {
                self.derived.invalidate();
                Ok(self.inner.add_edge(f, t, edge))
            }
            _ => Err(Error::invalid(vec![])),
        }
    }

    /// The node at `ix`, to change in place (its id and kind must not change: the id map and
    /// the derived indexes rely on them).
    pub(crate) fn node_weight_mut(&mut self, ix: NodeIndex) -> Option<&mut Node> {
        self.inner.node_weight_mut(ix)
    }

    /// The edge at `ix`, to change in place (its kind must not change).
    pub(crate) fn edge_weight_mut(&mut self, ix: EdgeIndex) -> Option<&mut Edge> {
        self.inner.edge_weight_mut(ix)
    }

    /// Makes room for `nodes` more nodes and `edges` more edges at once (growing by doubling
    /// copies every node or edge again).
    pub(crate) fn reserve(&mut self, nodes: usize, edges: usize) {
        self.inner.reserve_nodes(nodes);
        self.inner.reserve_edges(edges);
        self.by_id.reserve(nodes);
    }

    pub(crate) fn insert_edge_unchecked(
        &mut self,
        from: NodeIndex,
        to: NodeIndex,
        edge: Edge,
    ) -> EdgeIndex {
        self.derived.invalidate();
        self.inner.add_edge(from, to, edge)
    }

    /// Checks the rules that span the whole graph: citations name existing sources, spans lie
    /// inside their source text and match the words they quote, words given without a span
    /// are found in the source's text once or at their `occurrence`
    /// (`citation-text-not-found`, `citation-text-ambiguous`), intermediaries exist,
    /// bilateral agreements have two parties, lifecycle parties exist, no alias is claimed by
    /// two nodes. Returns every problem found (empty when the graph is valid).
    ///
    /// Cost: O(nodes + edges + citations).
    pub fn validate(&self) -> Vec<Problem> {
        validate::check_graph(self)
            .into_iter()
            .map(|(_, p)| p)
            .collect()
    }

    /// Checks what is worth a look but does not make the graph invalid, and returns each
    /// finding as a [`Problem`] whose code is a warning
    /// ([`ProblemCode::is_warning`](crate::ProblemCode::is_warning)): today,
    /// a former state (an ISO 3166-3 code such as `SUN`) that takes part in something dated
    /// after ISO withdrew its code (`country-outside-period`). Loading and
    /// [`Graph::validate`] never report these.
    ///
    /// Cost: O(nodes + edges of former states + lifecycle steps).
    ///
    /// ```
    /// use diplograph::model::{AgreementKind, Edge, EdgeKind, Node, NodeDetails};
    /// let mut g = diplograph::Graph::new();
    /// g.add_node(Node::new("SUN", "Soviet Union", NodeDetails::Country))?;
    /// let pact = NodeDetails::Agreement { kind: AgreementKind::Treaty, lifecycle: Vec::new(), terms: None };
    /// g.add_node(Node::new("pact", "A pact", pact))?;
    /// let joined = Edge::new(EdgeKind::PartyTo).valid(Some("1995".parse()?), None);
    /// g.relate("SUN", "pact", joined)?;
    /// let warnings = g.warnings();
    /// assert_eq!(warnings.len(), 1);
    /// assert_eq!(warnings[0].code.as_str(), "country-outside-period");
    /// assert!(g.validate().is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn warnings(&self) -> Vec<Problem> {
        validate::check_periods(self)
    }

    /// The number of nodes.
    pub fn node_count(&self) -> usize {
        self.inner.node_count()
    }

    /// The number of edges.
    pub fn edge_count(&self) -> usize {
        self.inner.edge_count()
    }

    /// The node with this exact id. Cost: O(1).
    pub fn node(&self, id: &str) -> Option<&Node> {
        self.by_id
            .get(id)
            .and_then(|&ix| self.inner.node_weight(ix))
    }

    /// The index of the node with this exact id. Cost: O(1).
    pub fn index_of(&self, id: &str) -> Option<NodeIndex> {
        self.by_id.get(id).copied()
    }

    /// The node at an index.
    pub fn node_at(&self, ix: NodeIndex) -> Option<&Node> {
        self.inner.node_weight(ix)
    }

    /// The edge at an index, with its ends.
    pub fn edge_at(&self, ix: EdgeIndex) -> Option<EdgeView<'_>> {
        let (f, t) = self.inner.edge_endpoints(ix)?;
        Some(EdgeView {
            index: ix,
            from: self.inner.node_weight(f)?,
            to: self.inner.node_weight(t)?,
            edge: self.inner.edge_weight(ix)?,
            from_index: f,
            to_index: t,
        })
    }

    /// The indices of an edge's ends.
    pub fn endpoints(&self, ix: EdgeIndex) -> Option<(NodeIndex, NodeIndex)> {
        self.inner.edge_endpoints(ix)
    }

    /// Every node with its index, in insertion order.
    pub fn nodes(&self) -> impl Iterator<Item = (NodeIndex, &Node)> + '_ {
        self.inner
            .node_indices()
            .filter_map(|ix| Some((ix, self.inner.node_weight(ix)?)))
    }

    /// Every node of one kind. Cost: O(nodes).
    pub fn nodes_of_kind(&self, kind: NodeKind) -> impl Iterator<Item = &Node> + '_ {
        self.nodes()
            .map(|(_, n)| n)
            .filter(move |n| n.kind() == kind)
    }

    /// Every edge, in insertion order.
    pub fn edges(&self) -> impl Iterator<Item = EdgeView<'_>> + '_ {
        self.inner.edge_indices().filter_map(|ix| self.edge_at(ix))
    }

    /// The edges leaving a node, optionally of one kind. Cost: O(out-degree) for all kinds;
    /// for one kind O(log out-degree + edges of that kind), after a one-off O(edges) index
    /// built on the first typed query following a change.
    pub fn edges_from(
        &self,
        ix: NodeIndex,
        kind: Option<EdgeKind>,
    ) -> impl Iterator<Item = EdgeView<'_>> + '_ {
        self.adjacent(ix, Direction::Outgoing, kind)
    }

    /// The edges arriving at a node, optionally of one kind. Cost: O(in-degree) for all kinds;
    /// for one kind O(log in-degree + edges of that kind), after the same one-off index.
    pub fn edges_to(
        &self,
        ix: NodeIndex,
        kind: Option<EdgeKind>,
    ) -> impl Iterator<Item = EdgeView<'_>> + '_ {
        self.adjacent(ix, Direction::Incoming, kind)
    }

    /// The nodes that edges of one kind lead to from `ix`, each with its edge, in the order
    /// of [`Graph::edges_from`]: the typed one-hop question ("what is Japan `party_to`?")
    /// without reading the edges themselves. Cost: O(log out-degree) plus O(1) per node
    /// found, after the one-off index of [`Graph::edges_from`].
    ///
    /// ```
    /// use diplograph::model::EdgeKind;
    /// let g = diplograph::example();
    /// let japan = g.index_of("JPN").unwrap();
    /// let pacts: Vec<&str> = g
    ///     .neighbours_out(japan, EdgeKind::PartyTo)
    ///     .map(|(_, node)| node.id.as_str())
    ///     .collect();
    /// assert!(pacts.contains(&"gsomia-jpn-usa"));
    /// ```
    pub fn neighbours_out(&self, ix: NodeIndex, kind: EdgeKind) -> Neighbours<'_> {
        self.neighbours(ix, Direction::Outgoing, kind)
    }

    /// The nodes that edges of one kind come from into `ix`, each with its edge, in the order
    /// of [`Graph::edges_to`]. Cost as for [`Graph::neighbours_out`].
    pub fn neighbours_in(&self, ix: NodeIndex, kind: EdgeKind) -> Neighbours<'_> {
        self.neighbours(ix, Direction::Incoming, kind)
    }

    fn neighbours(&self, ix: NodeIndex, dir: Direction, kind: EdgeKind) -> Neighbours<'_> {
        let index = self
            .derived
            .kinds
            .get_or_init(|| KindIndex::build(&self.inner));
        Neighbours {
            graph: self,
            entries: index.of(ix, dir, kind).iter(),
        }
    }

    fn adjacent(
        &self,
        ix: NodeIndex,
        dir: Direction,
        kind: Option<EdgeKind>,
    ) -> impl Iterator<Item = EdgeView<'_>> + '_ {
        // Typed: only the edges of that kind, from the kind index; untyped: the whole list.
        let (typed, all) = match kind {
            Some(k) => {
                let index = self
                    .derived
                    .kinds
                    .get_or_init(|| KindIndex::build(&self.inner));
                (Some(index.of(ix, dir, k)), None)
            }
            None => (None, Some(self.inner.edges_directed(ix, dir))),
        };
        typed
            .into_iter()
            .flatten()
            .map(|e| e.edge)
            .chain(all.into_iter().flatten().map(|e| e.id()))
            .filter_map(|e| self.edge_at(e))
    }

    /// Finds the one node called `name`: an id, a name or an alias, compared case-, accent-
    /// and hyphen-insensitively; for countries also their ISO names, common names, press
    /// abbreviations and capital ("Seoul", "ROK").
    ///
    /// An exact id wins; then names the dataset declares; then built-in country names.
    /// Cost: O(length of name) after the name index is built (O(nodes), once per change).
    ///
    /// # Errors
    /// [`Error::NodeNotFound`] with the closest names as suggestions (see
    /// [`Graph::resolve_as`]), or [`Error::AmbiguousName`] with the count and the first
    /// candidates — never a silent pick.
    pub fn lookup(&self, name: &str) -> Result<&Node> {
        let ix = self.resolve(name)?;
        self.node_at(ix).ok_or_else(|| not_found(name, Vec::new()))
    }

    /// Like [`Graph::lookup`], returning the node's index. The kind is open: a name that a
    /// place node declares and a country answers to by a built-in name (a capital: "Seoul")
    /// is reported as ambiguous, with both candidates.
    ///
    /// # Errors
    /// As [`Graph::lookup`].
    pub fn resolve(&self, name: &str) -> Result<NodeIndex> {
        self.resolve_as(name, &[])
    }

    /// Finds the one node of one of `kinds` (empty: any kind) called `name`, as
    /// [`Graph::resolve`] does but among those kinds only: an argument that takes a country
    /// or a party resolves "Seoul" to South Korea (its capital, a metonym) even when a place
    /// node is called Seoul. When nothing is called `name`, the suggestions of those kinds
    /// come first.
    ///
    /// ```
    /// use diplograph::{Graph, Node, NodeDetails, NodeKind, PlaceKind};
    /// let mut g = Graph::new();
    /// g.add_node(Node::new("KOR", "South Korea", NodeDetails::Country))?;
    /// g.add_node(Node::new("seoul", "Seoul", NodeDetails::Place { kind: PlaceKind::City }))?;
    /// let country = g.resolve_as("Seoul", &[NodeKind::Country])?;
    /// assert_eq!(g.node_at(country).map(|n| n.id.as_str()), Some("KOR"));
    /// let city = g.resolve_as("Seoul", &[NodeKind::Place])?;
    /// assert_eq!(g.node_at(city).map(|n| n.id.as_str()), Some("seoul"));
    /// assert!(g.resolve("Seoul").is_err()); // open: both answer, so it is ambiguous
    /// let err = g.resolve_as("Seol", &[NodeKind::Country]).unwrap_err();
    /// assert_eq!(
    ///     err.to_string(),
    ///     "no node is called `Seol`; did you mean Seoul (South Korea, country `KOR`) or Seoul (place `seoul`)?"
    /// );
    /// # Ok::<(), diplograph::Error>(())
    /// ```
    ///
    /// Cost: as [`Graph::resolve`] when the name is found; when it is not, one similarity
    /// ([`identity::similarity`]) per distinct name in the graph.
    ///
    /// # Errors
    /// As [`Graph::lookup`]; a name only nodes of other kinds answer to is
    /// [`Error::NodeNotFound`], with a hint naming what it does answer to.
    pub fn resolve_as(&self, name: &str, kinds: &[NodeKind]) -> Result<NodeIndex> {
        self.suggest_on_miss(self.find_as(name, kinds), kinds)
    }

    /// Like [`Graph::resolve`] (any kind is found), for an argument that expects nodes of
    /// `kinds` and says so itself when it gets another kind (`cite` naming a country): when
    /// nothing is called `name`, the suggestions of those kinds come first.
    ///
    /// # Errors
    /// As [`Graph::lookup`].
    pub fn resolve_preferring(&self, name: &str, kinds: &[NodeKind]) -> Result<NodeIndex> {
        self.suggest_on_miss(self.find(name), kinds)
    }

    /// A miss with no hint gets the suggestions of `kinds` first.
    fn suggest_on_miss(&self, found: Result<NodeIndex>, kinds: &[NodeKind]) -> Result<NodeIndex> {
        match found {
            Err(Error::NodeNotFound { name, hint, .. }) if hint.is_empty() => {
                let suggestions = self.suggestions(&name, kinds);
                Err(Error::NodeNotFound {
                    name,
                    hint,
                    suggestions,
                })
            }
            found => found,
        }
    }

    /// Whether some node answers to `name` (one or several: an ambiguous name is known).
    /// Cost: as [`Graph::resolve`], without the suggestions a miss would look for.
    pub fn knows(&self, name: &str) -> bool {
        matches!(self.find(name), Ok(_) | Err(Error::AmbiguousName { .. }))
    }

    /// [`Graph::resolve`] without suggestions: a miss is an [`Error::NodeNotFound`] with none.
    pub(crate) fn find(&self, name: &str) -> Result<NodeIndex> {
        self.find_as(name, &[])
    }

    /// [`Graph::resolve_as`] without suggestions. A name only nodes of other kinds answer to
    /// is an [`Error::NodeNotFound`] whose hint says what it names.
    fn find_as(&self, name: &str, kinds: &[NodeKind]) -> Result<NodeIndex> {
        let open = kinds.is_empty() || NodeKind::ALL.iter().all(|k| kinds.contains(k));
        let wanted =
            |ix: &NodeIndex| open || self.node_at(*ix).is_some_and(|n| kinds.contains(&n.kind()));
        let mut elsewhere: Vec<NodeIndex> = Vec::new();
        if let Some(&ix) = self.by_id.get(name) {
            if wanted(&ix) {
                return Ok(ix);
            }
            elsewhere.push(ix);
        }
        let key = normalize(name);
        let index = self.derived.names.get_or_init(|| self.build_name_index());
        let empty = Vec::new();
        let declared_all = index.declared.get(&key).unwrap_or(&empty);
        let builtin_all = index.builtin.get(&key).unwrap_or(&empty);
        let declared: Vec<NodeIndex> = declared_all.iter().copied().filter(wanted).collect();
        let builtin: Vec<NodeIndex> = builtin_all.iter().copied().filter(wanted).collect();
        let found = match declared.as_slice() {
            [] => builtin,
            // A place declaring a name a country answers to by a built-in name (its
            // capital): where the kind is open, neither wins.
            [place]
                if open
                    && self
                        .node_at(*place)
                        .is_some_and(|n| n.kind() == NodeKind::Place)
                    && builtin.iter().any(|b| b != place) =>
            {
                std::iter::once(*place).chain(builtin).collect()
            }
            _ => declared,
        };
        if let [only] = found.as_slice() {
            return Ok(*only);
        }
        if !found.is_empty() {
            let candidates = found
                .iter()
                .take(crate::error::AMBIGUITY_CANDIDATES)
                .filter_map(|&ix| self.node_at(ix))
                .map(candidate)
                .collect();
            return Err(Error::AmbiguousName {
                name: name.to_owned(),
                candidates,
                total: found.len(),
            });
        }
        for &ix in declared_all.iter().chain(builtin_all) {
            if elsewhere.len() >= crate::error::AMBIGUITY_CANDIDATES {
                break;
            }
            if !elsewhere.contains(&ix) {
                elsewhere.push(ix);
            }
        }
        if elsewhere.is_empty() {
            return Err(not_found(name, Vec::new()));
        }
        let what: Vec<String> = elsewhere
            .iter()
            .filter_map(|&ix| self.node_at(ix))
            .map(|n| format!("{} `{}`", n.kind(), n.id))
            .collect();
        let takes: Vec<&str> = kinds.iter().map(|k| k.as_str()).collect();
        Err(Error::NodeNotFound {
            name: name.to_owned(),
            hint: format!(
                " as a {} (it names {})",
                takes.join(" or "),
                what.join(", ")
            ),
            suggestions: Vec::new(),
        })
    }

    /// The country a place lies in, following `located_in` up (a venue in a city in a
    /// country); a country is its own. `None` for a node that is neither, or a place whose
    /// chain of `located_in` reaches no country. Where a place lies in more than one, the
    /// first `located_in` edge (in the order they were added) is followed first; a circle
    /// (reported by validation as `located-in-cycle`) is not followed round.
    ///
    /// ```
    /// use diplograph::{Edge, EdgeKind, Graph, Node, NodeDetails, PlaceKind};
    /// let mut g = Graph::new();
    /// g.add_node(Node::new("USA", "United States", NodeDetails::Country))?;
    /// g.add_node(Node::new("hawaii", "Hawaii", NodeDetails::Place { kind: PlaceKind::Region }))?;
    /// g.add_node(Node::new("pearl-harbor", "Pearl Harbor", NodeDetails::Place { kind: PlaceKind::MilitaryBase }))?;
    /// g.relate("hawaii", "USA", Edge::new(EdgeKind::LocatedIn))?;
    /// g.relate("pearl-harbor", "hawaii", Edge::new(EdgeKind::LocatedIn))?;
    /// let base = g.resolve("Pearl Harbor")?;
    /// let country = g.country_of(base).and_then(|c| g.node_at(c)).map(|n| n.id.as_str());
    /// assert_eq!(country, Some("USA"));
    /// # Ok::<(), diplograph::Error>(())
    /// ```
    ///
    /// Cost: O(places on the way up, and their `located_in` edges).
    pub fn country_of(&self, place: NodeIndex) -> Option<NodeIndex> {
        let mut seen: Vec<NodeIndex> = Vec::new();
        let mut todo = vec![place];
        while let Some(at) = todo.pop() {
            if seen.contains(&at) {
                continue;
            }
            seen.push(at);
            match self.node_at(at)?.kind() {
                NodeKind::Country => return Some(at),
                NodeKind::Place => {
                    let mut up: Vec<NodeIndex> = self
                        .neighbours_out(at, EdgeKind::LocatedIn)
                        .filter_map(|(_, n)| self.index_of(&n.id))
                        .collect();
                    up.reverse();
                    todo.extend(up);
                }
                _ => {}
            }
        }
        None
    }

    /// The nodes `name` may have meant: each node's claim (id, name, alias or built-in country
    /// name) most alike to it, if alike enough ([`identity::SUGGESTION_THRESHOLD`]); nodes of
    /// `kinds` first (all alike when empty), then the most alike, then the shortest name.
    fn suggestions(&self, name: &str, kinds: &[NodeKind]) -> Vec<identity::Suggestion> {
        let key = normalize(name);
        if key.is_empty() {
            return Vec::new();
        }
        let index = self.derived.names.get_or_init(|| self.build_name_index());
        let mut best: HashMap<NodeIndex, (f64, &str)> = HashMap::new();
        for table in [&index.declared, &index.builtin] {
            for (claim, nodes) in table {
                let score = identity::similarity_from(&key, claim, identity::SUGGESTION_THRESHOLD);
                if score < identity::SUGGESTION_THRESHOLD {
                    continue;
                }
                for &ix in nodes {
                    let entry = best.entry(ix).or_insert((score, claim));
                    if (score, std::cmp::Reverse(claim.len()))
                        > (entry.0, std::cmp::Reverse(entry.1.len()))
                    {
                        *entry = (score, claim);
                    }
                }
            }
        }
        let mut ranked: Vec<(bool, f64, usize, NodeIndex, &str)> = best
            .into_iter()
            .filter_map(|(ix, (score, claim))| {
                let kind = self.node_at(ix)?.kind();
                let preferred = kinds.is_empty() || kinds.contains(&kind);
                Some((!preferred, -score, claim.len(), ix, claim))
            })
            .collect();
        ranked.sort_by(|a, b| {
            a.0.cmp(&b.0)
                .then_with(|| a.1.total_cmp(&b.1))
                .then_with(|| (a.2, a.3).cmp(&(b.2, b.3)))
        });
        ranked
            .into_iter()
            .take(identity::MAX_SUGGESTIONS)
            .filter_map(|(_, _, _, ix, claim)| {
                let node = self.node_at(ix)?;
                Some(identity::Suggestion {
                    name: spelling(node, claim).to_owned(),
                    node: candidate(node),
                })
            })
            .collect()
    }

    fn build_name_index(&self) -> NameIndex {
        let mut index = NameIndex::default();
        for (ix, node) in self.nodes() {
            // An unnamed node ("a senior US official") is found by its exact id only: its
            // name describes, and many reports' unnamed officials share one description.
            // `search` still finds it by its id, name or aliases.
            let table = if node.unnamed.is_some() {
                &mut index.unnamed
            } else {
                &mut index.declared
            };
            let claims = std::iter::once(node.id.as_str())
                .chain(std::iter::once(node.name.as_str()))
                .chain(node.aliases.iter().map(String::as_str));
            // Nodes are visited in index order, so a node's repeated claims on one name can
            // only be the list's last entry: checking the last keeps the build linear.
            for claim in claims {
                let list = table.entry(normalize(claim)).or_default();
                if list.last() != Some(&ix) {
                    list.push(ix);
                }
            }
            if matches!(node.details, NodeDetails::Country) {
                if let Some(rec) = identity::country(&node.id) {
                    for claim in rec.all_names() {
                        let list = index.builtin.entry(normalize(claim)).or_default();
                        if list.last() != Some(&ix) {
                            list.push(ix);
                        }
                    }
                }
            }
        }
        index
    }

    /// Nodes whose id, name or an alias contains `fragment` (normalized), optionally of one
    /// kind, sorted by kind then id.
    ///
    /// Cost: O(total length of all normalized names) per call, after the name index (built
    /// once per change, as for [`Graph::lookup`]).
    pub fn search(&self, fragment: &str, kind: Option<NodeKind>) -> Vec<&Node> {
        let key = normalize(fragment);
        // The name index holds every id, name and alias already normalized: one pass over
        // its keys, no name normalized again.
        let index = self.derived.names.get_or_init(|| self.build_name_index());
        let mut hits: Vec<NodeIndex> = index
            .declared
            .iter()
            .chain(&index.unnamed)
            .filter(|(name, _)| name.contains(&key))
            .flat_map(|(_, nodes)| nodes.iter().copied())
            .collect();
        hits.sort_unstable();
        hits.dedup();
        let mut found: Vec<&Node> = hits
            .into_iter()
            .filter_map(|ix| self.node_at(ix))
            .filter(|n| kind.is_none_or(|k| n.kind() == k))
            .collect();
        found.sort_by(|a, b| (a.kind(), &a.id).cmp(&(b.kind(), &b.id)));
        found
    }
}

fn not_found(name: &str, suggestions: Vec<identity::Suggestion>) -> Error {
    Error::NodeNotFound {
        name: name.to_owned(),
        hint: String::new(),
        suggestions,
    }
}

/// A node as an ambiguous name's candidate or a suggestion's node.
fn candidate(node: &Node) -> Candidate {
    Candidate {
        id: node.id.clone(),
        kind: node.kind(),
        name: node.name.clone(),
    }
}

/// The node's own spelling of a name it claims, given normalized (`claim`): its id, name, an
/// alias or a built-in country name; the normalized form when none matches.
fn spelling<'n>(node: &'n Node, claim: &'n str) -> &'n str {
    let builtin = match node.details {
        NodeDetails::Country => identity::country(&node.id),
        _ => None,
    };
    std::iter::once(node.id.as_str())
        .chain(std::iter::once(node.name.as_str()))
        .chain(node.aliases.iter().map(String::as_str))
        .chain(
            builtin
                .into_iter()
                .flat_map(identity::CountryRecord::all_names)
                .map(|n| -> &'n str { n }),
        )
        .find(|n| normalize(n) == claim)
        .unwrap_or(claim)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{AgreementKind, OrganizationKind};

    #[test]
    fn neighbours_are_the_other_ends_of_the_typed_edges_in_order() {
        let g = crate::example();
        let mut found = 0;
        for (ix, _) in g.nodes() {
            for &kind in EdgeKind::ALL {
                let out: Vec<(EdgeIndex, &str)> = g
                    .edges_from(ix, Some(kind))
                    .map(|e| (e.index, e.to.id.as_str()))
                    .collect();
                let fast: Vec<(EdgeIndex, &str)> = g
                    .neighbours_out(ix, kind)
                    .map(|(e, n)| (e, n.id.as_str()))
                    .collect();
                assert_eq!(fast, out);
                assert_eq!(g.neighbours_out(ix, kind).len(), out.len());
                let into: Vec<(EdgeIndex, &str)> = g
                    .edges_to(ix, Some(kind))
                    .map(|e| (e.index, e.from.id.as_str()))
                    .collect();
                let fast: Vec<(EdgeIndex, &str)> = g
                    .neighbours_in(ix, kind)
                    .map(|(e, n)| (e, n.id.as_str()))
                    .collect();
                assert_eq!(fast, into);
                found += out.len();
            }
        }
        assert_eq!(found, g.edge_count());
    }

    /// Every change drops the derived indexes, on the graph and on a clone alike: a name, a
    /// typed edge or a chain added after a query is seen by the next query.
    #[test]
    fn derived_indexes_follow_every_change() {
        let mut g = Graph::new();
        assert!(g
            .add_node(Node::new("KOR", "South Korea", NodeDetails::Country))
            .is_ok());
        assert!(g.lookup("Japan").is_err());
        assert!(g
            .add_node(Node::new("JPN", "Japan", NodeDetails::Country))
            .is_ok());
        assert_eq!(g.lookup("Japan").map(|n| n.id.as_str()).ok(), Some("JPN"));
        let kor = g.resolve("KOR").unwrap_or_else(|e| unreachable!("{e}"));
        assert_eq!(g.edges_from(kor, Some(EdgeKind::AlliedWith)).count(), 0);
        assert!(g
            .relate("KOR", "JPN", Edge::new(EdgeKind::AlliedWith))
            .is_ok());
        assert_eq!(g.edges_from(kor, Some(EdgeKind::AlliedWith)).count(), 1);
        let mut copy = g.clone();
        assert_eq!(copy.edges_from(kor, Some(EdgeKind::AlliedWith)).count(), 1);
        assert!(copy
            .add_node(Node::new("PRK", "North Korea", NodeDetails::Country))
            .is_ok());
        assert!(copy
            .relate("KOR", "PRK", Edge::new(EdgeKind::AlliedWith))
            .is_ok());
        assert_eq!(copy.edges_from(kor, Some(EdgeKind::AlliedWith)).count(), 2);
        assert_eq!(
            copy.lookup("North Korea").map(|n| n.id.as_str()).ok(),
            Some("PRK")
        );
        assert_eq!(g.edges_from(kor, Some(EdgeKind::AlliedWith)).count(), 1);
        assert!(g.lookup("North Korea").is_err());
    }

    fn sample() -> Graph {
        let mut g = Graph::new();
        let nodes = [
            Node::new("KOR", "South Korea", NodeDetails::Country).with_alias("the South"),
            Node::new("PRK", "North Korea", NodeDetails::Country),
            Node::new(
                "kor-mnd",
                "Ministry of National Defense",
                NodeDetails::Organization {
                    kind: OrganizationKind::Ministry,
                },
            )
            .with_alias("the ministry"),
            Node::new(
                "jpn-mod",
                "Ministry of Defense",
                NodeDetails::Organization {
                    kind: OrganizationKind::Ministry,
                },
            )
            .with_alias("the ministry"),
            Node::new(
                "g",
                "GSOMIA",
                NodeDetails::Agreement {
                    kind: AgreementKind::Gsomia,
                    lifecycle: vec![],
                    terms: None,
                },
            ),
        ];
        for n in nodes {
            assert!(g.add_node(n).is_ok());
        }
        g
    }

    #[test]
    fn lookup_by_id_name_alias_and_builtin() {
        let g = sample();
        let id = |name: &str| g.lookup(name).map(|n| n.id.clone()).ok();
        assert_eq!(id("KOR").as_deref(), Some("KOR"));
        assert_eq!(id("kor").as_deref(), Some("KOR"));
        assert_eq!(id("THE SOUTH").as_deref(), Some("KOR"));
        assert_eq!(id("Séoul").as_deref(), Some("KOR"));
        assert_eq!(id("DPRK").as_deref(), Some("PRK"));
        assert_eq!(id("Pyongyang").as_deref(), Some("PRK"));
        assert_eq!(id("Tokyo"), None);
    }

    #[test]
    fn ambiguous_names_list_candidates() {
        let g = sample();
        let err = g.lookup("The Ministry").err().map(|e| e.to_string());
        assert_eq!(
            err.as_deref(),
            Some("`The Ministry` is ambiguous; it could be: Ministry of National Defense (organization `kor-mnd`), Ministry of Defense (organization `jpn-mod`); use an id instead")
        );
        let err = g.lookup("ministr").err().map(|e| e.to_string());
        assert_eq!(
            err.as_deref(),
            Some("no node is called `ministr`; did you mean the ministry (Ministry of National Defense, organization `kor-mnd`) or the ministry (Ministry of Defense, organization `jpn-mod`)?")
        );
    }

    fn suggested(err: Option<Error>) -> Vec<String> {
        match err {
            Some(Error::NodeNotFound { suggestions, .. }) => {
                suggestions.iter().map(ToString::to_string).collect()
            }
            _ => Vec::new(),
        }
    }

    #[test]
    fn misspelt_names_get_the_closest_names_as_suggestions() {
        let g = crate::example();
        assert_eq!(
            suggested(g.resolve("Seol").err()),
            ["Seoul (South Korea, country `KOR`)"]
        );
        assert_eq!(
            suggested(g.resolve("korea").err()),
            ["South Korea (country `KOR`)", "North Korea (country `PRK`)"]
        );
        assert_eq!(
            suggested(g.resolve("Pentagn").err()),
            [
                "Pentagon (US Department of Defense, organization `us-dod`)",
                "Pentagon chief (Ashton Carter, person `ashton-carter`)"
            ]
        );
        assert_eq!(suggested(g.resolve("Atlantis").err()), Vec::<String>::new());
        assert_eq!(suggested(g.resolve("  ").err()), Vec::<String>::new());
        // Only a miss looks for suggestions: a name that is found or ambiguous has none.
        assert!(g.knows("Han Min Koo") && g.knows("han min-koo") && !g.knows("Seol"));
    }

    #[test]
    fn suggestions_of_the_kinds_asked_for_come_first() {
        let mut g = Graph::new();
        for n in [
            Node::new("KOR", "South Korea", NodeDetails::Country),
            Node::new("korra", "Korra", NodeDetails::Person),
        ] {
            assert!(g.add_node(n).is_ok());
        }
        let people = suggested(g.resolve_as("Kora", &[NodeKind::Person]).err());
        assert_eq!(
            people,
            ["Korra (person `korra`)", "South Korea (country `KOR`)"]
        );
        let countries = suggested(g.resolve_as("Kora", &[NodeKind::Country]).err());
        assert_eq!(
            countries,
            ["South Korea (country `KOR`)", "Korra (person `korra`)"]
        );
    }

    #[test]
    fn hyphen_and_space_variants_find_one_node() {
        let mut g = Graph::new();
        let han = Node::new("han", "Han Min-koo", NodeDetails::Person).with_alias("Minister Han");
        assert!(g.add_node(han).is_ok());
        for name in [
            "Han Min-koo",
            "Han Min Koo",
            "han min koo",
            "HAN MIN–KOO",
            "minister-han",
        ] {
            assert_eq!(
                g.lookup(name).map(|n| n.id.as_str()).ok(),
                Some("han"),
                "{name}"
            );
        }
    }

    #[test]
    fn relate_checks_ends_and_kinds() {
        let mut g = sample();
        assert!(g.relate("KOR", "g", Edge::new(EdgeKind::PartyTo)).is_ok());
        let err = g
            .relate("KOR", "nowhere", Edge::new(EdgeKind::PartyTo))
            .err();
        let codes: Vec<_> = err
            .as_ref()
            .and_then(Error::problems)
            .map(|ps| ps.iter().map(|p| p.code.as_str()).collect())
            .unwrap_or_default();
        assert_eq!(codes, ["dangling-reference"]);
        let err = g.relate("g", "KOR", Edge::new(EdgeKind::PartyTo)).err();
        let codes: Vec<_> = err
            .as_ref()
            .and_then(Error::problems)
            .map(|ps| ps.iter().map(|p| p.code.as_str()).collect())
            .unwrap_or_default();
        assert_eq!(codes, ["edge-endpoint-kind"]);
        assert_eq!(g.edge_count(), 1);
    }
}
