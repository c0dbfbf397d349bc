//! Chains of agreements between two parties on a date: how intelligence can flow from Seoul
//! to Tokyo.

mod answer;
mod index;

use std::collections::VecDeque;
use std::rc::Rc;

// Node indices are small integers: a fast non-cryptographic hash serves the search better.
use rustc_hash::FxHashMap as HashMap;

use super::acting::{acting_bodies, party_state};
use super::asof::{latest_state, state_kind_on, state_on};
use super::attested::Certainty;
use super::{holds, validity, NodeRef};
use crate::graph::{EdgeIndex, EdgeView, Graph, NodeIndex};
use crate::model::{EdgeKind, LifecycleState, NodeDetails, NodeKind, PartyRole};
use crate::provenance::union_citations;
use crate::time::Containment;

pub use answer::{Chain, ChainQuery, Family, Hop, Link, MAX_CHAIN_ALTERNATIVES};
pub(crate) use index::ChainIndex;
use index::{Link as IndexLink, Pair};

/// One way out of a node, as found by the search: only indices, so that exploring costs no
/// allocation; full [`Hop`]s are built for the chains returned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Way {
    /// Through an agreement: the node that is party at each end.
    Agreement {
        agreement: NodeIndex,
        from_party: NodeIndex,
        to_party: NodeIndex,
    },
    /// Through an `allied_with` edge.
    Alliance { edge: EdgeIndex },
}

/// A step of the search: where it leads, and how.
type Step = (NodeIndex, Way);

/// An agreement's parties on the date, each with the node it acts for and its role (shared,
/// read-only).
type Parties = Rc<[(NodeIndex, NodeIndex, PartyRole)]>;

struct Search<'g, 'q> {
    graph: &'g Graph,
    query: &'q ChainQuery,
    lift: bool,
    /// For each agreement met: its parties on the date, each with the node it acts for and
    /// its role; `None` when the agreement does not carry hops.
    admitted: HashMap<NodeIndex, Option<Parties>>,
    /// How many times a node's ways out were listed: the search's work, which tests count.
    expansions: usize,
}

/// `v`'s `allied_with` edges, both ways, each with the ally at its other end.
fn alliances(graph: &Graph, v: NodeIndex) -> impl Iterator<Item = (EdgeView<'_>, NodeIndex)> {
    let outgoing = graph
        .edges_from(v, Some(EdgeKind::AlliedWith))
        .map(|e| (e, e.to_index));
    let incoming = graph
        .edges_to(v, Some(EdgeKind::AlliedWith))
        .map(|e| (e, e.from_index));
    outgoing.chain(incoming)
}

impl Search<'_, '_> {
    /// The node a `party_to` edge's participation counts for: with lifting, its
    /// `acting_for` or the country its `from` is `part_of`; without, its `from`.
    fn lifted(&self, e: &EdgeView<'_>) -> NodeIndex {
        if self.lift {
            party_state(self.graph, e)
        } else {
            e.from_index
        }
    }

    /// The nodes whose participation counts as `v`'s: itself, and the bodies acting for it.
    fn acting_for(&self, v: NodeIndex) -> Vec<NodeIndex> {
        if self.lift {
            acting_bodies(self.graph, v)
        } else {
            vec![v]
        }
    }

    /// An agreement's parties on the date, if it carries hops (its kind is in the family and
    /// it binds then).
    fn admitted(&mut self, ag: NodeIndex) -> Option<Parties> {
        if let Some(hit) = self.admitted.get(&ag) {
            return hit.clone();
        }
        let on = self.query.on.as_ref();
        let admitted = match self.graph.node_at(ag).map(|n| &n.details) {
            Some(NodeDetails::Agreement {
                kind, lifecycle, ..
            }) if self.query.family.admits(*kind)
                && state_kind_on(lifecycle, on).is_some_and(LifecycleState::is_binding) =>
            {
                let withdrawals = lifecycle
                    .iter()
                    .any(crate::model::LifecycleStep::concerns_one_party)
                    || self
                        .graph
                        .edges_to(ag, Some(EdgeKind::WithdrewFrom))
                        .next()
                        .is_some();
                let mut with_lift: Vec<(NodeIndex, NodeIndex, PartyRole)> = if withdrawals {
                    // Rare: take the full answer, which knows who withdrew when.
                    self.graph
                        .participants(ag, on)
                        .into_iter()
                        .map(|p| {
                            let lifted = if self.lift { p.state } else { p.body };
                            (p.body, lifted, p.row.role)
                        })
                        .collect()
                } else {
                    self.graph
                        .edges_to(ag, Some(EdgeKind::PartyTo))
                        .filter(|e| holds(e.edge, on).is_some())
                        .map(|e| (e.from_index, self.lifted(&e), e.edge.role()))
                        .collect()
                };
                with_lift.sort_unstable();
                with_lift.dedup();
                Some(Rc::from(with_lift))
            }
            _ => None,
        };
        self.admitted.insert(ag, admitted.clone());
        admitted
    }

    /// Every way out of `v`, in a stable order (by the graph's node and edge order); with
    /// `stop_at`, the list ends as soon as a way reaches that node (the last one returned).
    fn steps(&mut self, v: NodeIndex, stop_at: Option<NodeIndex>) -> Vec<Step> {
        let g = self.graph;
        let on = self.query.on.as_ref();
        self.expansions += 1;
        let mut out = Vec::new();
        for actor in self.acting_for(v) {
            let agreements: Vec<(NodeIndex, PartyRole)> = g
                .edges_from(actor, Some(EdgeKind::PartyTo))
                .filter(|e| holds(e.edge, on).is_some())
                .filter(|e| actor == v || self.lifted(e) == v)
                .map(|e| (e.to_index, e.edge.role()))
                .collect();
            for (ag, role) in agreements {
                let Some(parties) = self.admitted(ag) else {
                    continue;
                };
                if !parties.iter().any(|(p, ..)| *p == actor) {
                    continue; // withdrew by the date
                }
                for &(party, lifted, other) in parties.iter() {
                    // Through a hub agreement a spoke reaches only the hub; observers and
                    // guarantors carry nothing.
                    if lifted != v && role.reaches(other) {
                        out.push((
                            lifted,
                            Way::Agreement {
                                agreement: ag,
                                from_party: actor,
                                to_party: party,
                            },
                        ));
                    }
                }
            }
        }
        if self.query.certain {
            out.retain(|&(w, way)| {
                self.hop(v, w, way)
                    .is_some_and(|h| h.certainty == Certainty::Certain)
            });
        }
        if self.query.family.admits_alliances() {
            for (e, w) in alliances(g, v) {
                let way = Way::Alliance { edge: e.index };
                let sure = || {
                    !self.query.certain
                        || self
                            .hop(v, w, way)
                            .is_some_and(|h| h.certainty == Certainty::Certain)
                };
                if holds(e.edge, on).is_some() && sure() {
                    out.push((w, way));
                    if stop_at == Some(w) {
                        return out;
                    }
                }
            }
        }
        out.sort_unstable_by_key(|(w, way)| (*w, way_key(way)));
        // One way per state and agreement: a state and the ministry acting for it, both
        // party, are one party (the first in the graph's order carries the hop).
        out.dedup_by(|later, first| {
            later.0 == first.0
                && matches!(
                    (later.1, first.1),
                    (Way::Agreement { agreement: a, .. }, Way::Agreement { agreement: b, .. })
                        if a == b
                )
        });
        out
    }

    /// The full hop for a step found by the search.
    fn hop(&self, from: NodeIndex, to: NodeIndex, way: Way) -> Option<Hop> {
        let g = self.graph;
        let on = self.query.on.as_ref();
        let (from_node, to_node) = (g.node_at(from)?, g.node_at(to)?);
        match way {
            Way::Agreement {
                agreement,
                from_party,
                to_party,
            } => {
                let ag = g.node_at(agreement)?;
                let NodeDetails::Agreement {
                    kind, lifecycle, ..
                } = &ag.details
                else {
                    return None;
                };
                let state = match on {
                    Some(d) => state_on(lifecycle, d),
                    None => latest_state(lifecycle),
                };
                let mut citations = ag.citations.clone();
                union_citations(&mut citations, &state.citations);
                let mut unknown = state.rests_on_unknown;
                let mut certainty = state.certainty;
                let role = |party: NodeIndex| {
                    g.edges_to(agreement, Some(EdgeKind::PartyTo))
                        .find(|e| e.from_index == party)
                        .map(|e| e.edge.role())
                };
                for party in [from_party, to_party] {
                    // The agreement's few parties rather than the party's many agreements: the
                    // same edges, in the same order.
                    for e in g
                        .edges_to(agreement, Some(EdgeKind::PartyTo))
                        .filter(|e| e.from_index == party)
                    {
                        union_citations(&mut citations, &e.edge.citations);
                        // Participation with no dates at all lasts as long as the agreement
                        // does: the agreement's state says whether that rests on an unknown bound.
                        let val = validity(g, e.edge, on);
                        if let Some(v) = &val {
                            certainty = certainty.and(v.certainty);
                        }
                        unknown |=
                            val.is_some_and(|v| v.rests_on_unknown) && !e.edge.valid.is_unbounded();
                    }
                }
                let party_ref = |party: NodeIndex, shown: NodeIndex| {
                    (party != shown)
                        .then(|| g.node_at(party).map(NodeRef::from))
                        .flatten()
                };
                Some(Hop {
                    from: from_node.into(),
                    to: to_node.into(),
                    from_party: party_ref(from_party, from),
                    to_party: party_ref(to_party, to),
                    from_role: role(from_party),
                    to_role: role(to_party),
                    link: Link::Agreement {
                        agreement: ag.into(),
                        kind: *kind,
                        state: Box::new(state.clone()),
                    },
                    containment: state.containment,
                    rests_on_unknown: unknown,
                    certainty,
                    attested: state.attested.clone(),
                    citations,
                })
            }
            Way::Alliance { edge } => {
                let e = g.edge_at(edge)?;
                let val = validity(g, e.edge, on)?;
                Some(Hop {
                    from: from_node.into(),
                    to: to_node.into(),
                    from_party: None,
                    to_party: None,
                    from_role: None,
                    to_role: None,
                    link: Link::Relation {
                        kind: EdgeKind::AlliedWith,
                    },
                    containment: val.containment,
                    rests_on_unknown: val.rests_on_unknown,
                    certainty: val.certainty,
                    attested: val.attested,
                    citations: e.edge.citations.clone(),
                })
            }
        }
    }

    /// Whether a link of the chain index holds on the date, by the search's own rules.
    fn link_holds(&mut self, link: &IndexLink) -> bool {
        let g = self.graph;
        let on = self.query.on.as_ref();
        match link.way {
            Way::Agreement {
                agreement,
                from_party,
                to_party,
            } => {
                link.actor_edge
                    .and_then(|e| g.edge_at(e))
                    .is_some_and(|e| holds(e.edge, on).is_some())
                    && self.admitted(agreement).is_some_and(|parties| {
                        parties.iter().any(|&(p, ..)| p == from_party)
                            && parties.iter().any(|&(p, ..)| p == to_party)
                    })
            }
            Way::Alliance { edge } => {
                self.query.family.admits_alliances()
                    && g.edge_at(edge).is_some_and(|e| holds(e.edge, on).is_some())
            }
        }
    }

    /// Whether some link of a pair holds on `day`: by the index's spans, and by the search's
    /// rules for agreements with withdrawals.
    fn pair_holds(&mut self, index: &ChainIndex, pair: &Pair, day: i64) -> bool {
        index.holds(pair, &self.query.family, day)
            || (pair.withdrawals
                && index
                    .links(pair)
                    .iter()
                    .any(|l| l.withdrawals && self.link_holds(l)))
    }

    /// The way the search takes along a pair: the first in its sorted order; to the goal, when
    /// an alliance leads there, the first generated (the search stops listing ways at that
    /// alliance and does not sort them).
    fn way(&mut self, index: &ChainIndex, pair: &Pair, goal: bool) -> Option<Way> {
        let links = index.links(pair);
        if goal
            && self.query.family.admits_alliances()
            && links.iter().any(|l| l.kind.is_none() && self.link_holds(l))
        {
            let mut best: Option<&IndexLink> = None;
            for l in links {
                if best.is_none_or(|b| l.generated < b.generated) && self.link_holds(l) {
                    best = Some(l);
                }
            }
            return best.map(|l| l.way);
        }
        links.iter().find(|l| self.link_holds(l)).map(|l| l.way)
    }

    /// The breadth-first search of [`Graph::chains`] with `k = 1` on a day, over the chain
    /// index: the same chain, found by testing each hop's days instead of walking agreements.
    /// A level's nodes are first tested for a hop to the goal, and expanded only if none has
    /// one. `None` if the index and the search disagree (never expected).
    fn shortest_by_index(
        &mut self,
        from: NodeIndex,
        to: NodeIndex,
        day: i64,
    ) -> Option<Vec<Chain>> {
        let index = self.graph.chain_index();
        let max_hops = self.query.max_hops;
        let mut parent: HashMap<NodeIndex, (NodeIndex, &Pair)> = HashMap::default();
        let mut frontier = vec![from];
        let mut depth = 0;
        while !frontier.is_empty() && depth < max_hops {
            for &u in &frontier {
                let Some(pair) = index.pair(u, to) else {
                    continue;
                };
                if !self.pair_holds(index, pair, day) {
                    continue;
                }
                let mut path = vec![(to, self.way(index, pair, true)?)];
                let mut cur = u;
                while cur != from {
                    let &(p, pair) = parent.get(&cur)?;
                    path.push((cur, self.way(index, pair, false)?));
                    cur = p;
                }
                path.reverse();
                return Some(self.chain(from, &path).into_iter().collect());
            }
            if depth + 1 >= max_hops {
                break;
            }
            let mut next = Vec::new();
            for &u in &frontier {
                for pair in index.pairs(u) {
                    let w = pair.to;
                    if w == from || parent.contains_key(&w) {
                        continue;
                    }
                    if self.pair_holds(index, pair, day) {
                        parent.insert(w, (u, pair));
                        next.push(w);
                    }
                }
            }
            frontier = next;
            depth += 1;
        }
        Some(Vec::new())
    }

    fn chain(&self, from: NodeIndex, path: &[(NodeIndex, Way)]) -> Option<Chain> {
        let mut hops = Vec::with_capacity(path.len());
        let mut cur = from;
        for &(next, way) in path {
            hops.push(self.hop(cur, next, way)?);
            cur = next;
        }
        Some(chain(hops))
    }
}

/// What carries a hop of a route: an agreement, or an alliance edge.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum RouteLink {
    Agreement(NodeIndex),
    Alliance(EdgeIndex),
}

/// A path's route: each stop with what carries the hop to it, whichever bodies acted for the
/// states at its ends.
fn route(path: &[(NodeIndex, Way)]) -> Vec<(NodeIndex, RouteLink)> {
    path.iter()
        .map(|&(stop, way)| {
            let link = match way {
                Way::Agreement { agreement, .. } => RouteLink::Agreement(agreement),
                Way::Alliance { edge } => RouteLink::Alliance(edge),
            };
            (stop, link)
        })
        .collect()
}

/// The order of ways to one node: by agreement, then the party at each end (the graph's node
/// order: a country before its ministry when both are party), then alliances by edge.
fn way_key(way: &Way) -> (usize, usize, usize) {
    match way {
        Way::Agreement {
            agreement,
            from_party,
            to_party,
        } => (agreement.index(), from_party.index(), to_party.index()),
        Way::Alliance { edge } => (usize::MAX, edge.index(), 0),
    }
}

fn chain(hops: Vec<Hop>) -> Chain {
    Chain {
        rests_on_unknown: hops.iter().any(|h| h.rests_on_unknown),
        certainty: hops
            .iter()
            .map(|h| h.certainty)
            .fold(Certainty::Certain, Certainty::and),
        containment: if hops.iter().all(|h| h.containment == Containment::Inside) {
            Containment::Inside
        } else {
            Containment::Partly
        },
        hops,
    }
}

impl Graph {
    /// The shortest chains of agreements of a family linking `from` to `to` on a date, up to
    /// `query.k` of them, shortest first. With `k = 1` the chain is the first shortest one
    /// met in the graph's order (among parties of one agreement that act for the same
    /// country, the one first in the graph: a country before its ministry); with `k > 1` all
    /// chains of the deciding length are gathered and equals are ordered by the ids passed
    /// through and the links taken. The `k` chains are different routes: they differ in a
    /// stop or in an agreement (or alliance) carrying a hop; the same agreement reached
    /// through each body acting for a state (the state itself, its ministry) is one route,
    /// answered once, through the body first in the graph's order.
    ///
    /// An agreement carries a hop when it admits the family, it binds on the date (agreed,
    /// signed or in force), and both ends are its parties then (withdrawn parties are not).
    /// When `from` is a country, an organization that is `part_of` a country (a defence
    /// ministry) acts for it. An empty answer means there is no chain on that date.
    ///
    /// ```
    /// use diplograph::query::{ChainQuery, Family};
    /// let g = diplograph::example();
    /// let q = ChainQuery::new(Family::Intelligence).with_on("2016-06-04".parse()?).with_k(3);
    /// let chains = g.chains(g.resolve("South Korea")?, g.resolve("Japan")?, &q);
    /// assert_eq!(chains.len(), 1);
    /// assert_eq!(chains[0].stops(), ["KOR", "USA", "JPN"]);
    /// assert_eq!(chains[0].links(), ["gsomia-kor-usa", "gsomia-jpn-usa"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// Cost: with `k = 1`, a country as `from` and a date of day precision (the common
    /// question), a breadth-first search over the chain index — built once per graph change,
    /// O(nodes + Σ over agreements of parties²) — that tests each hop with a binary search over
    /// the days it holds: O(Σ over the nodes of each level of the nodes they reach × log spans),
    /// and a level is expanded only when none of its nodes reaches `to`. Otherwise a
    /// breadth-first search that looks only at the `party_to` (and, for alliances,
    /// `allied_with`) edges of the nodes it reaches and at the parties of admitted agreements:
    /// O(Σ over visited nodes of their agreement edges + those agreements' parties), never a
    /// scan of all edges. With `k > 1`, `k` is first capped at [`MAX_CHAIN_ALTERNATIVES`]
    /// (100); that breadth-first search runs once (each node expanded at most once) and, when
    /// it does not reach `to`, the answer is empty at once; otherwise each node is expanded
    /// at most `k` more times, so the work is O(k · (V + E)) expansions and steps (each step
    /// checking and copying a path of at most `max_hops` hops), and the queue holds at most
    /// k · E such paths, whatever `k` was asked.
    pub fn chains(&self, from: NodeIndex, to: NodeIndex, query: &ChainQuery) -> Vec<Chain> {
        self.chains_by(from, to, query, true)
    }

    /// [`Graph::chains`], with or without the chain index.
    fn chains_by(
        &self,
        from: NodeIndex,
        to: NodeIndex,
        query: &ChainQuery,
        use_index: bool,
    ) -> Vec<Chain> {
        self.chains_counted(from, to, query, use_index).0
    }

    /// [`Graph::chains_by`], with the number of node expansions it took.
    fn chains_counted(
        &self,
        from: NodeIndex,
        to: NodeIndex,
        query: &ChainQuery,
        use_index: bool,
    ) -> (Vec<Chain>, usize) {
        if from == to || query.k == 0 {
            return (Vec::new(), 0);
        }
        let lift = self
            .node_at(from)
            .is_some_and(|n| n.kind() == NodeKind::Country);
        let mut search = Search {
            graph: self,
            query,
            lift,
            admitted: HashMap::default(),
            expansions: 0,
        };
        let chains = search.run(from, to, use_index);
        (chains, search.expansions)
    }
}

impl Search<'_, '_> {
    /// The body of [`Graph::chains`] once the search is set up.
    fn run(&mut self, from: NodeIndex, to: NodeIndex, use_index: bool) -> Vec<Chain> {
        let query = self.query;
        let lift = self.lift;
        // The index knows when links hold, not how surely: certain-only questions search.
        if query.k == 1 && lift && use_index && !query.certain {
            if let Some(day) = query.on.as_ref().filter(|d| d.is_one_day()).map(index::day) {
                if let Some(found) = self.shortest_by_index(from, to, day) {
                    return found;
                }
            }
        }
        let k = query.k.min(MAX_CHAIN_ALTERNATIVES);
        // Plain breadth-first search with parents: the answer for k = 1, and for k > 1 the
        // check, at most one expansion per node, that `to` is reachable at all: an
        // unreachable target is answered here, before any alternative is queued.
        let first: Vec<Chain> = 'search: {
            let mut parent: HashMap<NodeIndex, (NodeIndex, Way)> = HashMap::default();
            let mut frontier = VecDeque::from([(from, 0usize)]);
            while let Some((v, depth)) = frontier.pop_front() {
                if depth >= query.max_hops {
                    continue;
                }
                for (w, way) in self.steps(v, Some(to)) {
                    if w == from || parent.contains_key(&w) {
                        continue;
                    }
                    parent.insert(w, (v, way));
                    if w == to {
                        let mut path = Vec::new();
                        let mut cur = to;
                        while let Some(&(p, way)) = parent.get(&cur) {
                            path.push((cur, way));
                            if p == from {
                                break;
                            }
                            cur = p;
                        }
                        path.reverse();
                        break 'search self.chain(from, &path).into_iter().collect();
                    }
                    frontier.push_back((w, depth + 1));
                }
            }
            Vec::new()
        };
        if k == 1 || first.is_empty() {
            return first;
        }
        // k alternatives: breadth-first over simple paths, each node expanded at most k times.
        // Paths are told apart by their route, the stops and what carries each hop: the same
        // agreement reached through each body acting for a state (the state, its ministry) is
        // one route, kept once, as the first way met (the graph's order: a country before its
        // ministry).
        let mut found: Vec<Vec<(NodeIndex, Way)>> = Vec::new();
        let mut expanded: HashMap<NodeIndex, usize> = HashMap::default();
        let mut routes: std::collections::HashSet<Vec<(NodeIndex, RouteLink)>> =
            std::collections::HashSet::new();
        let mut queue: VecDeque<(NodeIndex, Vec<(NodeIndex, Way)>)> =
            VecDeque::from([(from, Vec::new())]);
        // Once k chains are found, finish the paths of that length so the choice among equally
        // short chains does not depend on the order of exploration.
        let mut cutoff: Option<usize> = None;
        while let Some((v, path)) = queue.pop_front() {
            if path.len() >= query.max_hops || cutoff.is_some_and(|c| path.len() + 1 > c) {
                continue;
            }
            let count = expanded.entry(v).or_insert(0);
            if *count >= k {
                continue;
            }
            *count += 1;
            for (w, way) in self.steps(v, None) {
                if w == from || path.iter().any(|(p, _)| *p == w) {
                    continue;
                }
                let mut next = path.clone();
                next.push((w, way));
                if !routes.insert(route(&next)) {
                    continue; // the same route through another acting body
                }
                if w == to {
                    found.push(next);
                    if found.len() >= k && cutoff.is_none() {
                        cutoff = Some(path.len() + 1);
                    }
                } else if cutoff.is_none() {
                    queue.push_back((w, next));
                }
            }
        }
        let mut chains: Vec<Chain> = found.iter().filter_map(|p| self.chain(from, p)).collect();
        // Shortest first; among equals, by the ids passed through and the links taken.
        chains.sort_by(|a, b| {
            (a.hops.len(), a.stops(), a.links()).cmp(&(b.hops.len(), b.stops(), b.links()))
        });
        chains.truncate(k);
        chains
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::PartialDate;

    /// The index answers exactly as the search does, on every day a lifecycle step or an
    /// edge bound of the example changes something, and around it.
    #[test]
    fn index_and_search_agree_on_the_example() {
        let g = crate::example();
        let countries: Vec<NodeIndex> = g
            .nodes()
            .filter(|(_, n)| n.kind() == NodeKind::Country)
            .map(|(ix, _)| ix)
            .collect();
        let mut days = Vec::new();
        for year in [
            1990, 2000, 2010, 2014, 2015, 2016, 2017, 2018, 2019, 2020, 2023, 2026,
        ] {
            for month in 1..=12u8 {
                for day in [1u8, 4, 15, 28] {
                    days.extend(PartialDate::from_ymd(year, month, day).ok());
                }
            }
        }
        let families = [
            Family::Intelligence,
            Family::Defence,
            Family::Communication,
            Family::Any,
        ];
        let mut found = 0;
        for family in &families {
            for on in &days {
                let query = ChainQuery::new(family.clone()).with_on(*on);
                for &a in &countries {
                    for &b in &countries {
                        let by_index = g.chains_by(a, b, &query, true);
                        assert_eq!(
                            by_index,
                            g.chains_by(a, b, &query, false),
                            "{on} {}",
                            family.name()
                        );
                        found += by_index.len();
                    }
                }
            }
        }
        assert!(
            found > 1000,
            "only {found} chains: the comparison shows little"
        );
    }

    /// The index answers as the search does where roles and acting bodies decide the hops:
    /// ReCAAP (spokes through a hub, the hub joining late), the example with the trilateral
    /// framework in force (a hub beside the GSOMIAs), and ministries acting for their states.
    #[test]
    fn index_and_search_agree_with_roles_and_acting_bodies() {
        let recaap = include_str!("../../tests/data/recaap-hub.json");
        let ministries = include_str!("../../tests/data/defence-mou-ministries.json");
        let framework =
            crate::EXAMPLE_JSON.replace(r#""state": "negotiating","#, r#""state": "in_force","#);
        let mut graphs = Vec::new();
        for text in [recaap, ministries, framework.as_str()] {
            graphs.push(crate::format::from_str(text).unwrap_or_else(|e| unreachable!("{e}")));
        }
        let mut found = 0;
        for g in &graphs {
            let ends: Vec<NodeIndex> = g
                .nodes()
                .filter(|(_, n)| matches!(n.kind(), NodeKind::Country | NodeKind::Organization))
                .map(|(ix, _)| ix)
                .collect();
            for year in [2005, 2006, 2007, 2016] {
                for month in [1u8, 6, 10, 12] {
                    let Ok(on) = PartialDate::from_ymd(year, month, 4) else {
                        continue;
                    };
                    for family in [Family::Any, Family::Intelligence, Family::Defence] {
                        let query = ChainQuery::new(family).with_on(on);
                        for &a in &ends {
                            for &b in &ends {
                                let by_index = g.chains_by(a, b, &query, true);
                                assert_eq!(by_index, g.chains_by(a, b, &query, false), "{on}");
                                found += by_index.len();
                            }
                        }
                    }
                }
            }
        }
        assert!(
            found > 100,
            "only {found} chains: the comparison shows little"
        );
    }

    /// Twelve ministries, each pair linked by an agreement in force, and a thirteenth linked
    /// to none: every simple path up to six hops is a chain.
    fn clique() -> Graph {
        let n = 12;
        let mut nodes: Vec<String> = (0..=n)
            .map(|i| {
                format!(
                    r#"{{"id":"o{i}","kind":"organization","name":"Org {i}","org_kind":"ministry"}}"#
                )
            })
            .collect();
        let mut edges = Vec::new();
        for i in 0..n {
            for j in i + 1..n {
                nodes.push(format!(
                    r#"{{"id":"a{i}-{j}","kind":"agreement","name":"a{i}-{j}","agreement_kind":"gsomia","lifecycle":[{{"state":"in_force","attested":"2016-06-04"}}]}}"#
                ));
                for o in [i, j] {
                    edges.push(format!(
                        r#"{{"kind":"party_to","from":"o{o}","to":"a{i}-{j}"}}"#
                    ));
                }
            }
        }
        let text = format!(
            r#"{{"diplograph":"1","nodes":[{}],"edges":[{}]}}"#,
            nodes.join(","),
            edges.join(",")
        );
        crate::format::from_str(&text).unwrap()
    }

    /// Issue #19 item 4: whatever `k` asks for, a search returns at most
    /// [`MAX_CHAIN_ALTERNATIVES`] chains and expands each node at most that many times (plus
    /// the reachability pass); an unreachable target is answered by that pass alone.
    #[test]
    fn k_alternatives_cost_is_bounded_whatever_k() {
        let g = clique();
        let (from, to, lonely) = (
            g.resolve("o0").unwrap(),
            g.resolve("o1").unwrap(),
            g.resolve("o12").unwrap(),
        );
        let query = ChainQuery {
            family: Family::Any,
            on: Some(PartialDate::from_ymd(2016, 6, 4).unwrap()),
            k: 65_535,
            max_hops: 6,
            certain: false,
        };
        let nodes = g.node_count();
        let (chains, expansions) = g.chains_counted(from, lonely, &query, true);
        assert!(chains.is_empty());
        assert!(
            expansions <= nodes,
            "{expansions} expansions for {nodes} nodes"
        );
        let (chains, expansions) = g.chains_counted(from, to, &query, true);
        assert_eq!(chains.len(), MAX_CHAIN_ALTERNATIVES);
        assert_eq!(chains[0].hops.len(), 1);
        assert!(
            expansions <= (MAX_CHAIN_ALTERNATIVES + 1) * nodes,
            "{expansions} expansions for {nodes} nodes"
        );
    }

    /// A chain as its stops, its links and the body acting for each hop's start.
    type Route = (Vec<String>, Vec<String>, Vec<Option<String>>);

    /// Issue 16: a state and its ministry both party to one agreement give one route, not one
    /// per pair of acting bodies; alternatives differ in their agreements or their stops.
    #[test]
    fn alternatives_are_different_routes_not_different_acting_bodies() {
        let country = |id: &str| format!(r#"{{"id":"{id}","kind":"country","name":"{id}"}}"#);
        let ministry = |id: &str| {
            format!(r#"{{"id":"{id}","kind":"organization","name":"{id}","org_kind":"ministry"}}"#)
        };
        let agreement = |id: &str| {
            format!(
                r#"{{"id":"{id}","kind":"agreement","name":"{id}","agreement_kind":"arrangement","lifecycle":[{{"state":"in_force","date":"2010"}}]}}"#
            )
        };
        let edge = |kind: &str, from: &str, to: &str| {
            format!(r#"{{"kind":"{kind}","from":"{from}","to":"{to}"}}"#)
        };
        let nodes = [
            country("KOR"),
            country("JPN"),
            country("USA"),
            ministry("kor-mnd"),
            ministry("jpn-mod"),
            agreement("a-both"),
            agreement("b-ministries"),
            agreement("c-kor-usa"),
            agreement("d-usa-jpn"),
        ];
        let mut edges = vec![
            edge("part_of", "kor-mnd", "KOR"),
            edge("part_of", "jpn-mod", "JPN"),
        ];
        // Both states and both ministries are parties to `a-both`: four pairs of acting bodies.
        for party in ["KOR", "kor-mnd", "JPN", "jpn-mod"] {
            edges.push(edge("party_to", party, "a-both"));
        }
        for party in ["kor-mnd", "jpn-mod"] {
            edges.push(edge("party_to", party, "b-ministries"));
        }
        for party in ["KOR", "kor-mnd", "USA"] {
            edges.push(edge("party_to", party, "c-kor-usa"));
        }
        for party in ["USA", "JPN", "jpn-mod"] {
            edges.push(edge("party_to", party, "d-usa-jpn"));
        }
        let text = format!(
            r#"{{"diplograph":"1","nodes":[{}],"edges":[{}]}}"#,
            nodes.join(","),
            edges.join(",")
        );
        let g = crate::format::from_str(&text).unwrap_or_else(|e| unreachable!("{e}"));
        let (kor, jpn) = (
            g.resolve("KOR").unwrap_or_else(|e| unreachable!("{e}")),
            g.resolve("JPN").unwrap_or_else(|e| unreachable!("{e}")),
        );
        let query = ChainQuery::new(Family::Any)
            .with_on(PartialDate::from_ymd(2016, 6, 4).unwrap_or_else(|e| unreachable!("{e}")))
            .with_k(10);
        let routes = |chains: &[Chain]| -> Vec<Route> {
            chains
                .iter()
                .map(|c| {
                    (
                        c.stops().into_iter().map(str::to_owned).collect(),
                        c.links().into_iter().map(str::to_owned).collect(),
                        c.hops
                            .iter()
                            .map(|h| h.from_party.as_ref().map(|p| p.id.clone()))
                            .collect(),
                    )
                })
                .collect()
        };
        let s = |v: &[&str]| v.iter().map(|x| (*x).to_owned()).collect::<Vec<_>>();
        let expected = vec![
            // Through the states themselves, the first bodies in the graph's order.
            (s(&["KOR", "JPN"]), s(&["a-both"]), vec![None]),
            (
                s(&["KOR", "JPN"]),
                s(&["b-ministries"]),
                vec![Some("kor-mnd".to_owned())],
            ),
            (
                s(&["KOR", "USA", "JPN"]),
                s(&["c-kor-usa", "d-usa-jpn"]),
                vec![None, None],
            ),
        ];
        for use_index in [true, false] {
            assert_eq!(
                routes(&g.chains_by(kor, jpn, &query, use_index)),
                expected,
                "{use_index}"
            );
        }
        // Fewer asked, the shortest first.
        let two = g.chains(kor, jpn, &query.with_k(2));
        assert_eq!(routes(&two), expected[..2]);
    }
}
