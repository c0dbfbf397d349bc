//! The rules about places: a `place` reference names a place or a country, and `located_in`
//! edges do not go round in a circle (docs/format.md, "Places").

use std::collections::HashMap;

use super::{Sink, Subject};
use crate::error::{Problem, ProblemCode};
use crate::graph::{Graph, NodeIndex};
use crate::model::{EdgeKind, NodeKind, WHERE};

/// The rules about a `place` reference (of a `signed` edge or a lifecycle step) at `path`: it
/// names a node, and that node is a place or a country.
pub(super) fn place_rules(
    graph: &Graph,
    place: &str,
    path: impl Fn() -> String,
    sink: &mut impl Sink,
) {
    match graph.node(place).map(|n| n.kind()) {
        None => sink.push(ProblemCode::DanglingReference, path, || {
            format!("`place` names `{place}`, but no node has that id")
        }),
        Some(kind) if WHERE.contains(&kind) => {}
        Some(kind) => sink.push(ProblemCode::PlaceNotAPlace, path, || {
            format!(
                "`place` names `{place}`, a {kind}; it names where it happened: a place or a \
                 country node"
            )
        }),
    }
}

/// `located_in` edges go up, never round: each circle is reported once, at the edge that
/// closes it as met in node order. Cost: O(places + located_in edges).
pub(super) fn check_located_in(graph: &Graph, out: &mut Vec<(Subject, Problem)>) {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        New,
        Open,
        Done,
    }
    let places: Vec<NodeIndex> = graph
        .nodes()
        .filter(|(_, n)| n.kind() == NodeKind::Place)
        .map(|(ix, _)| ix)
        .collect();
    if places.is_empty() {
        return;
    }
    // Only places are walked (a country ends every chain): marks by node, places only.
    let mut marks: HashMap<NodeIndex, Mark> = places.iter().map(|&ix| (ix, Mark::New)).collect();
    for start in places {
        if marks.get(&start) != Some(&Mark::New) {
            continue;
        }
        // Depth-first, with an explicit stack of (node, its located_in edges not yet walked).
        let mut stack = vec![(start, out_edges(graph, start))];
        marks.insert(start, Mark::Open);
        while let Some((at, pending)) = stack.last_mut() {
            let at = *at;
            let Some(edge) = pending.pop() else {
                marks.insert(at, Mark::Done);
                stack.pop();
                continue;
            };
            let Some(view) = graph.edge_at(edge) else {
                continue;
            };
            let Some(next) = graph.index_of(&view.to.id) else {
                continue;
            };
            match marks.get(&next).copied().unwrap_or(Mark::Done) {
                Mark::Done => {}
                Mark::New => {
                    marks.insert(next, Mark::Open);
                    stack.push((next, out_edges(graph, next)));
                }
                Mark::Open => {
                    let circle: Vec<&str> = stack
                        .iter()
                        .skip_while(|(n, _)| *n != next)
                        .filter_map(|(n, _)| graph.node_at(*n).map(|n| n.id.as_str()))
                        .chain(std::iter::once(view.to.id.as_str()))
                        .collect();
                    let label = format!("{} -located_in-> {}", view.from.id, view.to.id);
                    out.push((
                        Subject::Edge(edge),
                        Problem::new(
                            ProblemCode::LocatedInCycle,
                            format!(
                                "`located_in` goes round in a circle ({}): a place cannot lie \
                                 inside itself; remove one of these edges",
                                circle.join(" -> ")
                            ),
                            "/to",
                        )
                        .with_id(&label),
                    ));
                }
            }
        }
    }
}

/// The `located_in` edges from `ix`, last first (they are popped from the end).
fn out_edges(graph: &Graph, ix: NodeIndex) -> Vec<crate::graph::EdgeIndex> {
    let mut edges: Vec<_> = graph
        .edges_from(ix, Some(EdgeKind::LocatedIn))
        .map(|e| e.index)
        .collect();
    edges.reverse();
    edges
}
