//! Pictures of the graph: an interactive view (one self-contained HTML file) and a static
//! SVG timeline.
//!
//! [`html`] writes a page that works offline: the graph laid out (pan, zoom, filter by node
//! and edge kind, search by name), a date slider showing what holds on the day chosen
//! (agreements by state, offices, memberships; what only possibly held drawn apart, dashed),
//! the timeline under it, and, on a click, a node's or edge's profile with each citation and
//! the source text around the cited words. Every state and validity the page shows is the
//! core's as-of answer, computed here ahead of time as stretches of days
//! ([`Graph::agreement_states_over_time`], [`Graph::edge_over_time`]); the page's script only
//! picks the stretch holding the chosen day. The script it runs is Cytoscape.js
//! ([`CYTOSCAPE_VERSION`], MIT, vendored under `assets/vendor/`) and the page's own, both
//! inlined: nothing is fetched.
//!
//! [`timeline_svg`] draws the timeline alone as an SVG 1.1 document, for reports.
//!
//! ```
//! use diplograph::view::{html, timeline_svg, ViewOptions};
//! let g = diplograph::example();
//! let page = html(&g, &ViewOptions::default());
//! assert!(page.starts_with("<!DOCTYPE html>") && !page.contains("<script src"));
//! let svg = timeline_svg(&g, &Default::default());
//! assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
//! ```

mod data;
mod page;
mod timeline;

use chrono::NaiveDate;

use crate::graph::{Graph, NodeIndex};
use crate::model::{EdgeKind, NodeDetails};
use crate::query::{Chain, Link, NeighbourhoodQuery, TimelineQuery};
use crate::time::PartialDate;

/// The version of Cytoscape.js the page inlines.
pub const CYTOSCAPE_VERSION: &str = "3.35.0";

/// The most nodes drawn when no neighbourhood is asked for: a bigger graph is drawn as its
/// most connected part (see [`ViewOptions::max_nodes`]), with a note saying so.
pub const MAX_DRAWN_NODES: usize = 400;

/// The most edges drawn between the nodes of a big graph's drawn part (see
/// [`MAX_DRAWN_NODES`]): those between the nodes with the most edges first.
pub const MAX_DRAWN_EDGES: usize = 2_000;

/// What to draw.
#[derive(Debug, Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct ViewOptions {
    /// Draw only the neighbourhood of this node (see [`Graph::neighbourhood`]).
    pub around: Option<NodeIndex>,
    /// How many edges away from `around` to go.
    pub depth: usize,
    /// The day the date slider starts on (its first day, for a coarser date). Default: the
    /// latest source's date, else the last day drawn.
    pub as_of: Option<PartialDate>,
    /// What to highlight (a chain's hops).
    pub highlight: Highlight,
    /// The page's title. Default: the graph's title.
    pub title: Option<String>,
    /// The most nodes drawn without `around` (default [`MAX_DRAWN_NODES`]): a bigger graph is
    /// drawn as the nodes with the most edges, and what they refer to.
    pub max_nodes: Option<usize>,
}

impl ViewOptions {
    /// Draw the neighbourhood of `center` within `depth` edges.
    #[must_use]
    pub fn around(mut self, center: NodeIndex, depth: usize) -> Self {
        self.around = Some(center);
        self.depth = depth;
        self
    }

    /// Start the date slider on `date`.
    #[must_use]
    pub fn as_of(mut self, date: Option<PartialDate>) -> Self {
        self.as_of = date;
        self
    }

    /// Highlight these nodes and edges.
    #[must_use]
    pub fn highlight(mut self, highlight: Highlight) -> Self {
        self.highlight = highlight;
        self
    }

    /// Title the page.
    #[must_use]
    pub fn title(mut self, title: impl Into<String>) -> Self {
        self.title = Some(title.into());
        self
    }

    /// Draw at most `n` nodes without `around`.
    #[must_use]
    pub fn max_nodes(mut self, n: usize) -> Self {
        self.max_nodes = Some(n);
        self
    }
}

/// Nodes and edges to highlight, by id, and the highlighted selection in words.
#[derive(Debug, Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct Highlight {
    /// Node ids.
    pub nodes: Vec<String>,
    /// Edges, as (from id, kind, to id).
    pub edges: Vec<(String, EdgeKind, String)>,
    /// What is highlighted, one line each (a chain's hops), shown above the graph.
    pub text: Vec<String>,
}

impl Highlight {
    /// The hops of chains: each stop, each agreement, the parties acting at each end and
    /// their `party_to` edges (or the alliance edge).
    ///
    /// ```
    /// use diplograph::query::{ChainQuery, Family};
    /// use diplograph::view::Highlight;
    /// let g = diplograph::example();
    /// let q = ChainQuery::new(Family::Intelligence).with_on("2016-06-04".parse()?);
    /// let chains = g.chains(g.resolve("KOR")?, g.resolve("JPN")?, &q);
    /// let h = Highlight::chains(&chains);
    /// assert!(h.nodes.iter().any(|n| n == "gsomia-kor-usa"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn chains(chains: &[Chain]) -> Self {
        let mut h = Highlight::default();
        for (n, c) in chains.iter().enumerate() {
            let mut words = Vec::new();
            for hop in &c.hops {
                let from = hop.from_party.as_ref().unwrap_or(&hop.from);
                let to = hop.to_party.as_ref().unwrap_or(&hop.to);
                h.nodes
                    .extend([&hop.from, &hop.to, from, to].map(|r| r.id.clone()));
                match &hop.link {
                    Link::Agreement { agreement, .. } => {
                        h.nodes.push(agreement.id.clone());
                        for end in [from, to] {
                            h.edges
                                .push((end.id.clone(), EdgeKind::PartyTo, agreement.id.clone()));
                        }
                        words.push(format!(
                            "{} → {} → {}",
                            hop.from.name, agreement.name, hop.to.name
                        ));
                    }
                    Link::Relation { kind } => {
                        h.edges.push((from.id.clone(), *kind, to.id.clone()));
                        h.edges.push((to.id.clone(), *kind, from.id.clone()));
                        words.push(format!("{} → {kind} → {}", hop.from.name, hop.to.name));
                    }
                }
            }
            h.text
                .push(format!("chain {}: {}", n + 1, words.join("; ")));
        }
        h.nodes.sort();
        h.nodes.dedup();
        h
    }
}

/// The part of `graph` to draw, and a note when it is not all of it.
fn drawn(graph: &Graph, options: &ViewOptions) -> (Option<Graph>, Option<String>) {
    let max = options.max_nodes.unwrap_or(MAX_DRAWN_NODES);
    if let Some(center) = options.around {
        let q = NeighbourhoodQuery {
            depth: options.depth,
            ..NeighbourhoodQuery::default()
        };
        let sub = graph.neighbourhood(center, &q);
        let name = graph
            .node_at(center)
            .map_or_else(String::new, |n| n.name.clone());
        let within = format!(
            "the neighbourhood of {name} within {} edge{}",
            options.depth,
            if options.depth == 1 { "" } else { "s" }
        );
        if sub.node_count() <= max {
            let note = format!(
                "{within}: {} of {} nodes",
                sub.node_count(),
                graph.node_count()
            );
            return (Some(sub), Some(note));
        }
        // Too big to lay out: the centre and its best-connected neighbours.
        let chosen: Vec<NodeIndex> = graph
            .node_at(center)
            .and_then(|n| sub.index_of(&n.id))
            .into_iter()
            .collect();
        let part = most_connected(&sub, &chosen, max);
        let note = format!(
            "{within} has {} nodes: drawn are {name} and the neighbours with the most edges, \
             {} nodes and {} edges; a smaller --depth draws it whole",
            sub.node_count(),
            part.node_count(),
            part.edge_count()
        );
        return (Some(part), Some(note));
    }
    if graph.node_count() <= max {
        return (None, None);
    }
    let chosen: Vec<NodeIndex> = options
        .highlight
        .nodes
        .iter()
        .filter_map(|id| graph.index_of(id))
        .collect();
    let part = most_connected(graph, &chosen, max);
    let what = if chosen.is_empty() {
        "the most connected nodes"
    } else {
        "the highlighted nodes and their neighbours"
    };
    let note = format!(
        "{what}: {} of {} nodes, {} of {} edges; draw a neighbourhood to see the rest \
         (--around NODE --depth N)",
        part.node_count(),
        graph.node_count(),
        part.edge_count(),
        graph.edge_count()
    );
    (Some(part), Some(note))
}

/// At most `max` nodes of `graph` (more only when `chosen` has more) and the edges between
/// them: `chosen` and their neighbours with the most edges, or, with none chosen, the nodes
/// with the most edges (sources aside).
///
/// Cost: O(nodes + edges) for the degrees, O(n log n) to rank them.
fn most_connected(graph: &Graph, chosen: &[NodeIndex], max: usize) -> Graph {
    let mut degree: std::collections::HashMap<NodeIndex, usize> = std::collections::HashMap::new();
    for e in graph.edges() {
        *degree.entry(e.from_index).or_default() += 1;
        *degree.entry(e.to_index).or_default() += 1;
    }
    let by_degree = |v: &mut Vec<NodeIndex>| {
        v.sort_by_key(|ix| {
            (
                std::cmp::Reverse(degree.get(ix).copied().unwrap_or(0)),
                ix.index(),
            )
        });
    };
    let order: Vec<NodeIndex> = if chosen.is_empty() {
        let mut all: Vec<NodeIndex> = graph
            .nodes()
            .filter(|(_, n)| !matches!(n.details, NodeDetails::Source { .. }))
            .map(|(ix, _)| ix)
            .collect();
        by_degree(&mut all);
        all
    } else {
        let mut next: Vec<NodeIndex> = chosen
            .iter()
            .flat_map(|&v| {
                graph
                    .edges_from(v, None)
                    .map(|e| e.to_index)
                    .chain(graph.edges_to(v, None).map(|e| e.from_index))
            })
            .collect();
        by_degree(&mut next);
        chosen.iter().copied().chain(next).collect()
    };
    let mut nodes = std::collections::BTreeSet::new();
    let mut nodes_in_order = Vec::new();
    for v in order {
        if nodes.len() >= max.max(chosen.len()) {
            break;
        }
        if nodes.insert(v) {
            nodes_in_order.push(v);
        }
    }
    // Exactly these nodes and the edges between them: the sources their citations name are
    // read from the whole graph (`data::build`), not drawn.
    let mut part = Graph::new();
    part.title.clone_from(&graph.title);
    let mut map = std::collections::HashMap::new();
    for &v in &nodes {
        if let Some(node) = graph.node_at(v) {
            map.insert(v, part.insert_node_unchecked(node.clone()));
        }
    }
    // The edges between them, at most MAX_DRAWN_EDGES: those between the best-ranked nodes
    // first (hubs are densely tied; thousands of edges make the page slow to draw).
    let rank: std::collections::HashMap<NodeIndex, usize> = nodes_in_order
        .iter()
        .enumerate()
        .map(|(i, &v)| (v, i))
        .collect();
    let mut kept: Vec<(usize, crate::graph::EdgeIndex)> = graph
        .edges()
        .filter_map(|e| {
            let (f, t) = (rank.get(&e.from_index)?, rank.get(&e.to_index)?);
            Some((f.max(t) * nodes_in_order.len() + f.min(t), e.index))
        })
        .collect();
    kept.sort();
    kept.truncate(MAX_DRAWN_EDGES);
    kept.sort_by_key(|&(_, ix)| ix.index());
    for (_, ix) in kept {
        if let (Some((f, t)), Some(e)) = (graph.endpoints(ix), graph.edge_at(ix)) {
            if let (Some(&f), Some(&t)) = (map.get(&f), map.get(&t)) {
                part.insert_edge_unchecked(f, t, e.edge.clone());
            }
        }
    }
    part
}

/// The day the slider starts on: the date asked for, else the latest source's date, else
/// the picture's last day.
fn start_day(graph: &Graph, options: &ViewOptions, last: NaiveDate) -> NaiveDate {
    if let Some(d) = options.as_of.and_then(|d| d.earliest()) {
        return d;
    }
    graph
        .nodes()
        .filter_map(|(_, n)| match &n.details {
            NodeDetails::Source { date, .. } => date.and_then(|d| d.latest()),
            _ => None,
        })
        .max()
        .unwrap_or(last)
}

/// The interactive view of `graph` as one self-contained HTML page (see the module
/// documentation).
///
/// ```
/// use diplograph::view::{html, ViewOptions};
/// let g = diplograph::example();
/// let korea = g.resolve("KOR")?;
/// let page = html(&g, &ViewOptions::default().around(korea, 1).as_of(Some("2016-06-04".parse()?)));
/// assert!(page.contains("\"date\":\"2016-06-04\""));
/// # Ok::<(), diplograph::Error>(())
/// ```
///
/// Cost: the neighbourhood or the part drawn, then for each drawn fact its as-of answers
/// over time (see [`Graph::edge_over_time`]), each node's profile, and the timeline: about
/// O(drawn edges × the dates each names) plus the size of the page (the vendored script is
/// about 440 kB of it).
pub fn html(graph: &Graph, options: &ViewOptions) -> String {
    let (sub, note) = drawn(graph, options);
    let g = sub.as_ref().unwrap_or(graph);
    let title = options
        .title
        .clone()
        .or_else(|| graph.title.clone())
        .unwrap_or_else(|| "diplograph view".to_owned());
    let query = TimelineQuery {
        statements: true,
        ..TimelineQuery::default()
    };
    let picture = timeline::draw(g, &query, "Timeline");
    let date = start_day(g, options, picture.last_day);
    let data = data::build(g, graph, title, note, date, &picture, &options.highlight);
    page::page(&data, &picture.svg)
}

/// The timeline `query` asks for as a standalone SVG 1.1 document titled after the graph:
/// each agreement's states over time as bars coloured by state (what only possibly held
/// pale and dashed, pending notices marked, steps as diamonds: hollow when planned),
/// events as marks (a span when only the month or year is known), statements as ticks (only
/// when `query` asks for statements), an axis of years or months, and a legend. Tooltips
/// (`<title>`) say each mark in words.
///
/// ```
/// use diplograph::query::TimelineQuery;
/// let g = diplograph::example();
/// let q = TimelineQuery { statements: true, ..Default::default() };
/// let svg = diplograph::view::timeline_svg(&g, &q);
/// assert!(svg.contains("Six-Party Talks") && svg.contains("24 statements"));
/// ```
///
/// Cost: the timeline query, plus each agreement's states over time.
pub fn timeline_svg(graph: &Graph, query: &TimelineQuery) -> String {
    let title = match &graph.title {
        Some(t) => format!("Timeline: {t}"),
        None => "Timeline".to_owned(),
    };
    timeline::draw(graph, query, &title).svg
}

#[cfg(test)]
mod tests;
