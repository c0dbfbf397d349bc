//! The canonical order of nodes and edges, defined once.
//!
//! Every writer lists a graph in this order: the native format ([`crate::format::write`]),
//! every exporter (through `export::flat`), and merge inserts its edges in it.
//!
//! - Nodes: by kind, then id ([`node_key`]).
//! - Edges: by source id, kind, target id, then their dates and qualifiers
//!   ([`qualifier_key`]), then — for edges equal in all of those, which differ only in share,
//!   amount, attributes or citations — by their native record as JSON text ([`tie_break`]),
//!   then insertion order (all sorts using this order are stable).

use std::cmp::Ordering;

use crate::graph::EdgeView;
use crate::model::{Edge, Node, NodeKind};
use crate::time::PartialDate;

/// What orders nodes: kind, then id.
pub(crate) fn node_key(n: &Node) -> (NodeKind, &str) {
    (n.kind(), n.id.as_str())
}

/// What orders edges between the same two nodes with the same kind, before the tie-break.
pub(crate) type QualifierKey<'e> = (
    Option<PartialDate>,
    Option<PartialDate>,
    Option<u32>,
    u32,
    Option<&'e str>,
    Option<&'e str>,
    Option<&'e str>,
);

/// An edge's dates and qualifiers in comparison order: start, end, position, chain (1 when
/// not given), title, on whose behalf, relation.
pub(crate) fn qualifier_key(e: &Edge) -> QualifierKey<'_> {
    (
        e.valid.start,
        e.valid.end,
        e.position(),
        e.chain(),
        e.title(),
        e.on_behalf_of(),
        e.relation(),
    )
}

/// The order of two edges with the same ends, kind and [`qualifier_key`]: their native
/// records as JSON text. Only ever computed for such ties, which are rare.
pub(crate) fn tie_break(a: &EdgeView<'_>, b: &EdgeView<'_>) -> Ordering {
    crate::format::edge_record_json(a).cmp(&crate::format::edge_record_json(b))
}

/// Edges between the same two nodes with the same kind, compared: [`qualifier_key`], then
/// [`tie_break`].
pub(crate) fn cmp_parallel(a: &EdgeView<'_>, b: &EdgeView<'_>) -> Ordering {
    qualifier_key(a.edge)
        .cmp(&qualifier_key(b.edge))
        .then_with(|| tie_break(a, b))
}

/// Any two edges compared in the canonical order (see the module docs).
pub(crate) fn cmp_edges(a: &EdgeView<'_>, b: &EdgeView<'_>) -> Ordering {
    (a.from.id.as_str(), a.edge.kind, a.to.id.as_str())
        .cmp(&(b.from.id.as_str(), b.edge.kind, b.to.id.as_str()))
        .then_with(|| cmp_parallel(a, b))
}
