//! Who a party is: the state an organization acts for, and the bodies that act for a state.
//!
//! A `party_to` edge from an organization (a defence ministry) counts for the country it acts
//! for: the country its `acting_for` names, or else the one reached by following `part_of`
//! (a ministry → its government → its country). Answers about parties name the state once,
//! with the bodies that acted for it (see docs/queries.md, "Who is the party").

use std::collections::HashMap;

use crate::graph::{EdgeView, Graph, NodeIndex};
use crate::model::{EdgeKind, Node, NodeKind};

/// For each country, the organizations with a `party_to` edge stating `acting_for` it, in
/// the graph's edge order, each once.
pub(crate) type ActingIndex = HashMap<NodeIndex, Vec<NodeIndex>>;

/// Builds the [`ActingIndex`]: one pass over the edges. Cost: O(edges).
pub(crate) fn build_index(graph: &Graph) -> ActingIndex {
    let mut out: ActingIndex = HashMap::new();
    for e in graph.edges() {
        if e.edge.kind != EdgeKind::PartyTo {
            continue;
        }
        let Some(state) = e.edge.acting_for().and_then(|id| graph.index_of(id)) else {
            continue;
        };
        let bodies = out.entry(state).or_default();
        if !bodies.contains(&e.from_index) {
            bodies.push(e.from_index);
        }
    }
    out
}

/// The node an organization's participation counts for by `part_of`: followed up to four
/// levels while the node is an organization (a ministry → its government → its country).
/// Anything else counts for itself.
pub(crate) fn lifted(graph: &Graph, ix: NodeIndex) -> NodeIndex {
    let mut cur = ix;
    for _ in 0..4 {
        if graph.node_at(cur).map(Node::kind) != Some(NodeKind::Organization) {
            break;
        }
        match graph.edges_from(cur, Some(EdgeKind::PartOf)).next() {
            Some(e) => cur = e.to_index,
            None => break,
        }
    }
    cur
}

/// The node a `party_to` edge's participation counts for: the country its `acting_for`
/// names, or else [`lifted`] from its `from`.
pub(crate) fn party_state(graph: &Graph, e: &EdgeView<'_>) -> NodeIndex {
    e.edge
        .acting_for()
        .and_then(|id| graph.index_of(id))
        .unwrap_or_else(|| lifted(graph, e.from_index))
}

/// The nodes whose participation may count as `v`'s: itself, the organizations `part_of` it
/// at any depth, and the organizations stating `acting_for` it (at most 64 in all). Each
/// `party_to` edge of another node still counts for `v` only if [`party_state`] says so.
pub(crate) fn acting_bodies(graph: &Graph, v: NodeIndex) -> Vec<NodeIndex> {
    let mut out = vec![v];
    let mut i = 0;
    while let Some(&cur) = out.get(i) {
        for e in graph.edges_to(cur, Some(EdgeKind::PartOf)) {
            if e.from.kind() == NodeKind::Organization
                && !out.contains(&e.from_index)
                && out.len() < 64
            {
                out.push(e.from_index);
            }
        }
        i += 1;
    }
    if let Some(stated) = graph.acting_index().get(&v) {
        for &body in stated {
            if !out.contains(&body) && out.len() < 64 {
                out.push(body);
            }
        }
    }
    out
}

impl Graph {
    /// The node an organization acts for by `part_of` (a ministry → its government → its
    /// country, up to four levels), or `None` when it is part of nothing (or is no
    /// organization). A `party_to` edge may state another with `acting_for`, which
    /// validation requires to agree with this one.
    ///
    /// ```
    /// let g = diplograph::example();
    /// let mnd = g.resolve("kor-mnd")?;
    /// assert_eq!(g.acts_for(mnd).and_then(|ix| g.node_at(ix)).map(|n| n.id.as_str()), Some("KOR"));
    /// # Ok::<(), diplograph::Error>(())
    /// ```
    ///
    /// Cost: O(levels × out-degree).
    pub fn acts_for(&self, body: NodeIndex) -> Option<NodeIndex> {
        let up = lifted(self, body);
        (up != body).then_some(up)
    }
}
