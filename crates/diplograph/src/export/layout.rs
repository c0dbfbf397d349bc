//! Exports too large for the tools that lay them out: the thresholds, and what to say.
//!
//! Graphviz's `dot` lays a graph out in time that grows much faster than its size (measured
//! on this project's DOT export of generated graphs, half organizations, half two-party
//! agreements: 0.7 s at 500 nodes, 3.4 s at 1,000, 29 s at 2,000, 192 s at 3,000, and 10,000
//! nodes did not finish in five minutes), and Mermaid refuses a diagram of more than 500 edges by default
//! ("Too many edges"). A DOT export beyond [`DOT_MAX_NODES`] nodes, or a Mermaid export beyond
//! [`MERMAID_MAX_EDGES`] edges, is still written whole; the frontends warn with
//! [`LayoutWarning`]'s text and point to the ways of exporting a part of the graph.

use std::fmt;

use super::ExportFormat;
use crate::graph::Graph;

/// The most nodes a DOT export has before [`layout_warning`] warns that `dot` will be slow.
pub const DOT_MAX_NODES: usize = 2_000;

/// Mermaid's default `maxEdges`: the most edges it draws in one diagram.
pub const MERMAID_MAX_EDGES: usize = 500;

/// Why an export may be too large for the tool that lays it out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum LayoutWarning {
    /// A DOT export of more than [`DOT_MAX_NODES`] nodes.
    SlowDot {
        /// The nodes exported.
        nodes: usize,
    },
    /// A Mermaid export of more than [`MERMAID_MAX_EDGES`] edges.
    TooManyMermaidEdges {
        /// The edges exported.
        edges: usize,
    },
}

impl fmt::Display for LayoutWarning {
    /// What the tool will do, and what to do instead, ending "export a part of the graph: …"
    /// (the frontends add how, in their own words).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            LayoutWarning::SlowDot { nodes } => write!(
                f,
                "the DOT export has {nodes} nodes: Graphviz's dot lays out more than \
                 {DOT_MAX_NODES} slowly (29 s at 2000 nodes; 10000 did not finish in five \
                 minutes); lay it out with sfdp, or export a part of the graph: the \
                 neighbourhood of a node, some edge kinds, or what held on a date"
            ),
            LayoutWarning::TooManyMermaidEdges { edges } => write!(
                f,
                "the Mermaid export has {edges} edges: Mermaid draws at most \
                 {MERMAID_MAX_EDGES} by default (\"Too many edges\"); the export starts with \
                 an init directive raising maxEdges to {edges}, which Mermaid obeys only where \
                 the site lets diagrams set it (by default it does not); otherwise raise \
                 maxEdges in the renderer's configuration (mermaid.initialize, or the config \
                 file given to mermaid-cli with -c), or export a part of the graph: the \
                 neighbourhood of a node, some edge kinds, or what held on a date"
            ),
        }
    }
}

/// The warning an export of `graph` in `format` deserves, if any: a DOT export of more than
/// [`DOT_MAX_NODES`] nodes, or a Mermaid export of more than [`MERMAID_MAX_EDGES`] edges.
/// Cost: O(1).
///
/// ```
/// use diplograph::export::{layout_warning, ExportFormat};
/// let g = diplograph::example();
/// assert_eq!(layout_warning(&g, ExportFormat::Dot), None);
/// assert_eq!(layout_warning(&g, ExportFormat::Mermaid), None);
/// ```
pub fn layout_warning(graph: &Graph, format: ExportFormat) -> Option<LayoutWarning> {
    match format {
        ExportFormat::Dot if graph.node_count() > DOT_MAX_NODES => Some(LayoutWarning::SlowDot {
            nodes: graph.node_count(),
        }),
        ExportFormat::Mermaid if graph.edge_count() > MERMAID_MAX_EDGES => {
            Some(LayoutWarning::TooManyMermaidEdges {
                edges: graph.edge_count(),
            })
        }
        _ => None,
    }
}

/// The Mermaid init directive that raises `maxEdges` to `edges`, written first in a Mermaid
/// export of more than [`MERMAID_MAX_EDGES`] edges (`None` for fewer).
pub(crate) fn mermaid_directive(edges: usize) -> Option<String> {
    (edges > MERMAID_MAX_EDGES).then(|| format!("%%{{init: {{\"maxEdges\": {edges}}}}}%%"))
}
