#![doc = include_str!("../README.md")]
//!
//! ## The core crate
//!
//! Modules, one per concept:
//! - [`model`] — node and edge kinds and what each carries;
//! - [`time`] — dates with precision, intervals with unknown ends;
//! - [`provenance`] — citations into sources;
//! - [`identity`] — name normalization and the built-in ISO country table;
//! - [`graph`] — the graph, its builder and lookups;
//! - [`query`] — as-of views, agreements, chains, offices, statements, timelines, neighbourhoods;
//! - [`merge`] — merging graphs from several sources;
//! - [`format`](mod@format) — the native JSON format (load with located problems, deterministic save);
//! - [`export`] — exporters: DOT, GraphML, GEXF, node-link JSON, CSV, Cypher, Mermaid;
//! - [`view`] — pictures: the interactive view (one offline HTML page) and the SVG timeline;
//! - [`write_atomically`], [`write_atomically_with`], [`write_files_atomically`] and
//!   [`WriteOptions`] — safe (atomic) file writes, for frontends that write files themselves;
//! - [`error`] — errors and problem codes.
//!
//! ## Architecture
//!
//! Each definition has one home: the canonical node and edge order is in the private `order`
//! module (used by the native writer, every exporter and merge); a graph's derived indexes
//! (names, per-kind edges, chains) are owned by one private type in `graph` with one
//! invalidation; every validation rule has one body in the private `validate` module ([`Graph::validate`] runs them all), run with messages by the
//! reporting paths and silently by the fast ones; a node's subkind is
//! [`model::NodeDetails::subkind`]. A file is read by the one-pass loader, or, when it has
//! problems, by the located parser; queries build the indexes they need on first use; writers
//! list everything in the canonical order. See `docs/architecture.md` for the module map and
//! the data flow.

pub mod columnar;
pub mod draft;
pub mod error;
pub mod export;
pub mod format;
pub mod graph;
pub mod identity;
pub mod merge;
pub mod model;
mod order;
mod output;
pub mod provenance;
pub mod query;
pub mod time;
mod validate;
pub mod view;

// The types most programs name, at the crate root; each stays reachable at its module path too.
pub use error::{Error, Problem, ProblemCode, Result};
pub use graph::{EdgeIndex, EdgeView, Graph, NodeIndex};
pub use model::{
    AgreementKind, Cue, Edge, EdgeKind, EventKind, LifecycleState, LifecycleStep, Node,
    NodeDetails, NodeKind, OrganizationKind, PartyRole, PlaceKind, Status,
};
pub use provenance::{Citation, Span};
pub use query::{
    AsOf, Chain, ChainQuery, Family, NeighbourhoodQuery, StatementQuery, TimelineQuery,
};
pub use time::{Interval, PartialDate, Precision};

// Safe file writes are public API at the crate root (the `output` module itself is private):
// output goes to a temporary file beside the target and replaces it only once complete, so a
// failure never leaves a half-written file; symbolic links are followed, devices and FIFOs
// written straight through, directories refused, read-only files refused unless
// `WriteOptions::force`. The CLI's `merge` and `dump` write through these.
pub use output::{
    write_atomically, write_atomically_with, write_files_atomically, Fill, WriteOptions,
};

/// The built-in example's JSON text: the Straits Times report of 4 June 2016 on the US, South
/// Korean and Japanese defence chiefs at the Shangri-La Dialogue, with the article's full text
/// as its source. It ships with the crate (`data/shangri-la-2016.json`).
pub const EXAMPLE_JSON: &str = include_str!("../data/shangri-la-2016.json");

/// The built-in example as a graph (see [`EXAMPLE_JSON`]).
///
/// Invariant: the graph is never empty. [`EXAMPLE_JSON`] is a constant compiled into the
/// crate, and `tests/example.rs` checks that it loads with no problem at all and holds exactly
/// 76 nodes and 230 edges; a broken example fails that test instead of reaching a user.
///
/// ```
/// let g = diplograph::example();
/// assert!(g.node("gsomia-kor-usa").is_some());
/// assert_eq!((g.node_count(), g.edge_count()), (76, 230));
/// ```
///
/// # Panics
/// Only if [`EXAMPLE_JSON`] did not load, which `tests/example.rs` rules out before a release.
#[expect(
    clippy::expect_used,
    reason = "the input is a compile-time constant that tests/example.rs checks; an empty graph \
              would hide a broken example"
)]
pub fn example() -> Graph {
    format::from_str(EXAMPLE_JSON)
        .expect("the built-in example loads (checked by crates/diplograph/tests/example.rs)")
}
