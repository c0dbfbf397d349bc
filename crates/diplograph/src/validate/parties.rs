//! The rules about who is party to an agreement and in what role: hubs and spokes, and the
//! country an organization acts for (docs/format.md, "Roles" and "Acting for a state").

use std::collections::BTreeMap;

use super::{End, Sink, Subject};
use crate::error::{Problem, ProblemCode};
use crate::graph::{EdgeIndex, Graph, NodeIndex};
use crate::model::{EdgeKind, Node, NodeKind, PartyRole};

/// The rules about a `party_to` edge's `acting_for`, on the edge as it is added: it goes
/// from an organization and names a country.
pub(super) fn acting_for_rules(graph: &Graph, from: End<'_>, state: &str, sink: &mut impl Sink) {
    let (from_id, from_kind) = from;
    if let Some(kind) = from_kind.filter(|k| *k != NodeKind::Organization) {
        sink.push(
            ProblemCode::KindField,
            || "/acting_for".to_owned(),
            || {
                format!(
                    "`acting_for` belongs on a `party_to` edge from an organization; \
                     `{from_id}` is a {kind}, which acts for itself"
                )
            },
        );
    }
    match graph.node(state).map(|n| n.kind()) {
        None => sink.push(
            ProblemCode::DanglingReference,
            || "/acting_for".to_owned(),
            || format!("`acting_for` names `{state}`, but no node has that id"),
        ),
        Some(NodeKind::Country) => {}
        Some(kind) => sink.push(
            ProblemCode::ActingForNotCountry,
            || "/acting_for".to_owned(),
            || {
                format!(
                    "`acting_for` names `{state}`, a {kind}; it names the country the \
                     organization acts for"
                )
            },
        ),
    }
}

/// Roles in each agreement: one role per party, at most one hub, spokes only with a hub, and
/// no member beside a hub. Each problem is reported at the `party_to` edge it concerns.
/// Cost: O(edges).
pub(super) fn check_roles(graph: &Graph, out: &mut Vec<(Subject, Problem)>) {
    for (ix, node) in graph.nodes() {
        if node.kind() != NodeKind::Agreement {
            continue;
        }
        // With every party a member (no role stated), no rule can fail: one scan, nothing
        // built, for almost every agreement.
        let stated = graph.edges_to(ix, None).any(|e| {
            e.edge.kind == EdgeKind::PartyTo
                && e.edge.qualifiers.as_ref().is_some_and(|q| q.role.is_some())
        });
        if !stated {
            continue;
        }
        // Each party's first edge and role, by id; conflicting edges reported as met.
        let mut roles: BTreeMap<&str, (EdgeIndex, PartyRole)> = BTreeMap::new();
        let mut edges: Vec<_> = graph
            .edges_to(ix, None)
            .filter(|e| e.edge.kind == EdgeKind::PartyTo)
            .collect();
        // In the order they were written.
        edges.sort_by_key(|e| e.index);
        for e in edges {
            let role = e.edge.role();
            match roles.get(e.from.id.as_str()) {
                Some(&(_, first)) if first != role => out.push((
                    Subject::Edge(e.index),
                    Problem::new(
                        ProblemCode::PartyRoleConflict,
                        format!(
                            "`{}` is party to `{}` as {first} on one `party_to` edge and as \
                             {role} on another; give every edge of one party the same role",
                            e.from.id, node.id
                        ),
                        "/role",
                    )
                    .with_id(&node.id),
                )),
                Some(_) => {}
                None => {
                    roles.insert(&e.from.id, (e.index, role));
                }
            }
        }
        let with = |wanted: PartyRole| {
            roles
                .iter()
                .filter(move |(_, (_, r))| *r == wanted)
                .map(|(id, (edge, _))| (*id, *edge))
        };
        let mut hubs: Vec<(&str, EdgeIndex)> = with(PartyRole::Hub).collect();
        hubs.sort_by_key(|(_, edge)| *edge);
        let problem =
            |code, message: String, path: &str| Problem::new(code, message, path).with_id(&node.id);
        for &(id, edge) in hubs.iter().skip(1) {
            out.push((
                Subject::Edge(edge),
                problem(
                    ProblemCode::HubCount,
                    format!(
                        "agreement `{}` has more than one hub ({}); `{id}` cannot also be one: \
                         an agreement has one hub, the others are spokes",
                        node.id,
                        hubs.iter().map(|(h, _)| *h).collect::<Vec<_>>().join(", ")
                    ),
                    "/role",
                ),
            ));
        }
        if hubs.is_empty() {
            for (id, edge) in with(PartyRole::Spoke) {
                out.push((
                    Subject::Edge(edge),
                    problem(
                        ProblemCode::SpokeWithoutHub,
                        format!(
                            "`{id}` is a spoke of agreement `{}`, which has no hub; give its \
                             hub `\"role\": \"hub\"` or drop the spoke's role",
                            node.id
                        ),
                        "/role",
                    ),
                ));
            }
        } else {
            for (id, edge) in with(PartyRole::Member) {
                out.push((
                    Subject::Edge(edge),
                    problem(
                        ProblemCode::MemberWithHub,
                        format!(
                            "`{id}` is a member of agreement `{}`, which has a hub ({}); beside \
                             a hub every party that carries flows is a spoke: give it \
                             `\"role\": \"spoke\"` (or `observer`, `guarantor`)",
                            node.id,
                            hubs.first().map(|(h, _)| *h).unwrap_or_default()
                        ),
                        "",
                    ),
                ));
            }
        }
    }
}

/// An organization's stated `acting_for` agrees with the country it is `part_of`, if any.
/// Cost: O(edges).
pub(super) fn check_acting_for(graph: &Graph, out: &mut Vec<(Subject, Problem)>) {
    for e in graph.edges() {
        let Some(stated) = e.edge.acting_for() else {
            continue;
        };
        if e.edge.kind != EdgeKind::PartyTo || e.from.kind() != NodeKind::Organization {
            continue;
        }
        let Some(derived) = part_of_country(graph, e.from_index) else {
            continue;
        };
        if derived.kind() == NodeKind::Country && derived.id != stated {
            out.push((
                Subject::Edge(e.index),
                Problem::new(
                    ProblemCode::ActingForConflict,
                    format!(
                        "`{}` acts for `{stated}` on its `party_to` edge to `{}`, but is part of \
                         `{}`; correct `acting_for` or the `part_of` edge",
                        e.from.id, e.to.id, derived.id
                    ),
                    "/acting_for",
                )
                .with_id(&e.from.id),
            ));
        }
    }
}

/// The node an organization counts for by `part_of`, as [`Graph::acts_for`] finds it, but
/// reading untyped edges: loading does not build the per-kind index for this rule.
fn part_of_country(graph: &Graph, body: NodeIndex) -> Option<&Node> {
    let mut cur = body;
    for _ in 0..4 {
        if graph.node_at(cur).map(Node::kind) != Some(NodeKind::Organization) {
            break;
        }
        match graph
            .edges_from(cur, None)
            .find(|e| e.edge.kind == EdgeKind::PartOf)
        {
            Some(e) => cur = e.to_index,
            None => break,
        }
    }
    (cur != body).then(|| graph.node_at(cur)).flatten()
}
