//! The neighbourhood of a node: a subgraph that can be saved or exported like any other.

use std::collections::{BTreeSet, HashMap, VecDeque};

use super::holds;
use crate::graph::{EdgeIndex, Graph, NodeIndex};
use crate::model::{EdgeKind, NodeDetails};
use crate::time::PartialDate;

/// Which part of the graph around a node to take.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NeighbourhoodQuery {
    /// How many edges away from the centre to go.
    pub depth: usize,
    /// Only edges of these kinds (all kinds when empty).
    pub kinds: Vec<EdgeKind>,
    /// Only edges that hold on this date.
    pub on: Option<PartialDate>,
}

impl Graph {
    /// The subgraph within `query.depth` edges of `center` (following edges both ways), keeping
    /// only edges of the chosen kinds that hold on the chosen date, as a new graph.
    ///
    /// So that the result is valid on its own, it also holds what its facts refer to: the
    /// sources their citations name, the intermediaries those citations pass through, the
    /// parties (and `party_to` edges) of every agreement in it, and the parties named by
    /// lifecycle steps and signatures.
    ///
    /// ```
    /// use diplograph::query::NeighbourhoodQuery;
    /// let g = diplograph::example();
    /// let q = NeighbourhoodQuery { depth: 1, ..Default::default() };
    /// let sub = g.neighbourhood(g.resolve("gsomia-kor-usa")?, &q);
    /// assert!(sub.node("KOR").is_some() && sub.node("USA").is_some());
    /// assert!(sub.validate().is_empty());
    /// # Ok::<(), diplograph::Error>(())
    /// ```
    ///
    /// Cost: O(Σ degree of the nodes within reach + the size of the result).
    pub fn neighbourhood(&self, center: NodeIndex, query: &NeighbourhoodQuery) -> Graph {
        let admitted = |kind: EdgeKind| query.kinds.is_empty() || query.kinds.contains(&kind);
        let mut depth_of: HashMap<NodeIndex, usize> = HashMap::from([(center, 0)]);
        let mut queue = VecDeque::from([center]);
        while let Some(v) = queue.pop_front() {
            let d = depth_of.get(&v).copied().unwrap_or(0);
            if d >= query.depth {
                continue;
            }
            let out = self.edges_from(v, None).map(|e| (e.edge, e.to));
            let inc = self.edges_to(v, None).map(|e| (e.edge, e.from));
            for (edge, other) in out.chain(inc) {
                if !admitted(edge.kind) || holds(edge, query.on.as_ref()).is_none() {
                    continue;
                }
                if let Some(w) = self.index_of(&other.id) {
                    if let std::collections::hash_map::Entry::Vacant(slot) = depth_of.entry(w) {
                        slot.insert(d + 1);
                        queue.push_back(w);
                    }
                }
            }
        }
        let nodes: BTreeSet<NodeIndex> = depth_of.keys().copied().collect();
        let mut edges: BTreeSet<EdgeIndex> = BTreeSet::new();
        for &v in &nodes {
            for e in self.edges_from(v, None) {
                let inside = self.index_of(&e.to.id).is_some_and(|w| nodes.contains(&w));
                if inside && admitted(e.edge.kind) && holds(e.edge, query.on.as_ref()).is_some() {
                    edges.insert(e.index);
                }
            }
        }
        let mut sub = self.subgraph(nodes, edges);
        sub.title = self.title.as_ref().map(|t| format!("{t} (neighbourhood)"));
        sub
    }

    /// The whole graph as it stood on a date and/or restricted to some edge kinds: edges of
    /// other kinds or not holding on the date are left out, and so are events that began after
    /// the date, statements made after it and agreements of which no step had begun by then.
    /// Like [`Graph::neighbourhood`], the result keeps what its facts refer to, so it is valid
    /// on its own.
    ///
    /// ```
    /// let g = diplograph::example();
    /// let before = g.filtered(&[], Some(&"2016-05".parse()?));
    /// assert!(before.node("mou-usa-jpn-defence-procurement").is_none()); // signed 2016-06-04
    /// assert!(before.node("gsomia-kor-usa").is_some());
    /// assert!(before.validate().is_empty());
    /// # Ok::<(), diplograph::time::DateError>(())
    /// ```
    ///
    /// Cost: O(nodes + edges + the size of the result).
    pub fn filtered(&self, kinds: &[EdgeKind], on: Option<&PartialDate>) -> Graph {
        let existed = |n: &crate::model::Node| -> bool {
            let Some(d) = on else { return true };
            match &n.details {
                NodeDetails::Event { when, .. } => {
                    when.start.is_none_or(|s| s.first_day() <= d.last_day())
                }
                NodeDetails::Statement { date, .. } => {
                    date.is_none_or(|s| s.first_day() <= d.last_day())
                }
                NodeDetails::Agreement { lifecycle, .. } => {
                    super::asof::state_on(lifecycle, d).state.is_some()
                }
                _ => true,
            }
        };
        let nodes: BTreeSet<NodeIndex> = self
            .nodes()
            .filter(|(_, n)| existed(n))
            .map(|(ix, _)| ix)
            .collect();
        let edges: BTreeSet<EdgeIndex> = self
            .edges()
            .filter(|e| kinds.is_empty() || kinds.contains(&e.edge.kind))
            .filter(|e| holds(e.edge, on).is_some())
            .filter(|e| {
                self.endpoints(e.index)
                    .is_some_and(|(f, t)| nodes.contains(&f) && nodes.contains(&t))
            })
            .map(|e| e.index)
            .collect();
        self.subgraph(nodes, edges)
    }

    /// A new graph of the given nodes and edges, plus what they refer to (see
    /// [`Graph::neighbourhood`]).
    pub(crate) fn subgraph(
        &self,
        mut nodes: BTreeSet<NodeIndex>,
        mut edges: BTreeSet<EdgeIndex>,
    ) -> Graph {
        // Close over what the kept facts refer to, until nothing new is added.
        loop {
            let mut refs: BTreeSet<String> = BTreeSet::new();
            let mut more_edges = Vec::new();
            for &v in &nodes {
                let Some(node) = self.node_at(v) else {
                    continue;
                };
                for c in node.citation_lists().flatten() {
                    refs.insert(c.source.clone());
                    refs.extend(c.via.iter().cloned());
                }
                if let NodeDetails::Agreement { lifecycle, .. } = &node.details {
                    for step in lifecycle {
                        refs.extend(step.party.iter().cloned());
                    }
                    for e in self.edges_to(v, Some(EdgeKind::PartyTo)) {
                        refs.insert(e.from.id.clone());
                        more_edges.push(e.index);
                    }
                }
            }
            for &ix in edges.iter().chain(more_edges.iter()) {
                if let Some(e) = self.edge_at(ix) {
                    refs.extend(e.edge.on_behalf_of().map(str::to_owned));
                    refs.extend(e.edge.acting_for().map(str::to_owned));
                    for c in &e.edge.citations {
                        refs.insert(c.source.clone());
                        refs.extend(c.via.iter().cloned());
                    }
                }
            }
            let before = (nodes.len(), edges.len());
            nodes.extend(refs.iter().filter_map(|id| self.index_of(id)));
            edges.extend(more_edges);
            if (nodes.len(), edges.len()) == before {
                break;
            }
        }
        let mut sub = Graph::new();
        sub.title.clone_from(&self.title);
        sub.description = self.description.clone();
        let mut map = HashMap::new();
        for &v in &nodes {
            if let Some(node) = self.node_at(v) {
                map.insert(v, sub.insert_node_unchecked(node.clone()));
            }
        }
        for &ix in &edges {
            let (Some((f, t)), Some(view)) = (self.endpoints(ix), self.edge_at(ix)) else {
                continue;
            };
            if let (Some(&nf), Some(&nt)) = (map.get(&f), map.get(&t)) {
                sub.insert_edge_unchecked(nf, nt, view.edge.clone());
            }
        }
        sub
    }
}
