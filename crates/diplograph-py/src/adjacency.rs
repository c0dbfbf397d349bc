//! The one-hop questions networkx users ask of a node (`successors`, `predecessors`,
//! `neighbors`, `in_edges`, `out_edges`, `degree`), answered from the core's adjacency
//! ([`Graph::edges_from`], [`Graph::edges_to`]) with an optional edge kind and date.

use std::collections::{HashMap, HashSet};

use diplograph::graph::{EdgeView, NodeIndex};
use diplograph::model::EdgeKind;
use diplograph::time::{Containment, PartialDate};
use diplograph::Graph;

/// Which edges of a node a question follows.
#[derive(Clone, Copy)]
pub(crate) enum Way {
    /// The edges leaving it.
    Out,
    /// The edges arriving at it.
    In,
    /// Both, leaving first.
    Both,
}

/// Which edges count: of one kind (any with `None`), holding on a date (any with `None`; an
/// unknown start or end counts as open, a date partly inside keeps the edge).
#[derive(Clone, Copy, Default)]
pub(crate) struct EdgeFilter {
    pub(crate) kind: Option<EdgeKind>,
    pub(crate) on: Option<PartialDate>,
}

impl EdgeFilter {
    /// Whether `v` passes the filter.
    pub(crate) fn keeps(&self, v: &EdgeView<'_>) -> bool {
        self.kind.is_none_or(|k| v.edge.kind == k)
            && self
                .on
                .is_none_or(|d| v.edge.valid.contains(&d) != Containment::Outside)
    }
}

/// The edges of `ix` that pass `filter`, out then in, each in the order the edges were added
/// (as networkx keeps them), with the node at the other end.
pub(crate) fn edges(
    g: &Graph,
    ix: NodeIndex,
    way: Way,
    filter: EdgeFilter,
) -> Vec<(EdgeView<'_>, NodeIndex)> {
    let mut found: Vec<(EdgeView<'_>, NodeIndex)> = Vec::new();
    if matches!(way, Way::Out | Way::Both) {
        found.extend(
            g.edges_from(ix, filter.kind)
                .filter(|v| filter.keeps(v))
                .map(|v| {
                    let other = v.to_index;
                    (v, other)
                }),
        );
        found.sort_by_key(|(v, _)| v.index);
    }
    let outgoing = found.len();
    if matches!(way, Way::In | Way::Both) {
        found.extend(
            g.edges_to(ix, filter.kind)
                .filter(|v| filter.keeps(v))
                .map(|v| {
                    let other = v.from_index;
                    (v, other)
                }),
        );
        if let Some(incoming) = found.get_mut(outgoing..) {
            incoming.sort_by_key(|(v, _)| v.index);
        }
    }
    found
}

/// The ids of the nodes at the other end of `ix`'s edges, each once, in the order of
/// [`edges`].
pub(crate) fn adjacent_ids(g: &Graph, ix: NodeIndex, way: Way, filter: EdgeFilter) -> Vec<String> {
    let mut seen = HashSet::new();
    edges(g, ix, way, filter)
        .into_iter()
        .filter(|(_, other)| seen.insert(*other))
        .filter_map(|(_, other)| g.node_at(other).map(|n| n.id.clone()))
        .collect()
}

/// Every node's id with the number of its edges that pass `filter` (in and out; a loop
/// counts twice, as networkx counts it), in node order. Cost: O(nodes + edges).
pub(crate) fn degrees(g: &Graph, filter: EdgeFilter) -> Vec<(String, usize)> {
    let mut count: HashMap<NodeIndex, usize> = HashMap::new();
    for v in g.edges().filter(|v| filter.keeps(v)) {
        *count.entry(v.from_index).or_default() += 1;
        *count.entry(v.to_index).or_default() += 1;
    }
    g.nodes()
        .map(|(ix, n)| (n.id.clone(), count.get(&ix).copied().unwrap_or(0)))
        .collect()
}
