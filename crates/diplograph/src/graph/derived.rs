//! The state a [`Graph`](super::Graph) derives from its nodes and edges: the name index, the
//! per-kind edge index and the chain index, each built on first use.
//!
//! This is the one owner of derived state: every mutation of a graph calls
//! [`Derived::invalidate`], which drops all of it at once, so no index can outlive a change it
//! has not seen. Cloning yields empty indexes (they are rebuilt on first use by the clone):
//! building one costs about what copying it would, and a clone that is then changed — the
//! usual reason to clone — would drop a copy straight away.
//!
//! The chain index is defined with the chain search in `query::chains` (its layout serves that
//! search alone); this module only holds it (and builds it, in [`Graph::chain_index`]), so `graph.rs` itself
//! needs nothing from `query`. Every mutation (`insert_node_unchecked`, `relate`,
//! `insert_edge_unchecked`, the only ways to change a graph's nodes and edges) invalidates.

use std::sync::OnceLock;

use super::{Graph, KindIndex, NameIndex};
use crate::query::{ActingIndex, ChainIndex};

/// The indexes derived from a graph's nodes and edges, each built lazily.
#[derive(Debug, Default)]
pub(super) struct Derived {
    /// Normalized names to the nodes that claim them.
    pub(super) names: OnceLock<NameIndex>,
    /// Each node's edges grouped by kind.
    pub(super) kinds: OnceLock<KindIndex>,
    /// The chain search's index.
    pub(super) chains: OnceLock<ChainIndex>,
    /// The organizations that state `acting_for` each country.
    pub(super) acting: OnceLock<ActingIndex>,
}

impl Derived {
    /// Drops every derived index; called on every change to the graph.
    pub(super) fn invalidate(&mut self) {
        *self = Derived::default();
    }
}

impl Clone for Derived {
    /// Empty indexes: a clone rebuilds them on first use (see the module docs).
    fn clone(&self) -> Self {
        Derived::default()
    }
}

impl Graph {
    /// The chain index, built on the first chain query after a change (see
    /// [`Graph::chains`]).
    pub(crate) fn chain_index(&self) -> &ChainIndex {
        self.derived.chains.get_or_init(|| ChainIndex::build(self))
    }

    /// For each country, the organizations whose `party_to` edges state `acting_for` it,
    /// built on first use after a change.
    pub(crate) fn acting_index(&self) -> &ActingIndex {
        self.derived
            .acting
            .get_or_init(|| crate::query::build_acting_index(self))
    }
}
