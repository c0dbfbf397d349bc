//! Chains of agreements between two parties on a date: how intelligence can flow from Seoul
//! to Tokyo.

use std::collections::{HashMap, HashSet, VecDeque};
use std::str::FromStr;

use serde::Serialize;

use super::asof::{latest_state, state_on, AgreementState};
use super::{validity, NodeRef};
use crate::error::UnknownName;
use crate::graph::{Graph, NodeIndex};
use crate::model::{AgreementKind, EdgeKind, NodeDetails, NodeKind};
use crate::provenance::{union_citations, Citation};
use crate::time::{Containment, PartialDate};

/// Which agreements a chain may pass through.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Family {
    /// Intelligence sharing: GSOMIAs and arrangements (such as information-sharing frameworks).
    Intelligence,
    /// Defence: treaties, memoranda of understanding, GSOMIAs, and alliances (`allied_with`).
    Defence,
    /// Communication lines: hotlines, direct lines, emergency systems.
    Communication,
    /// Any agreement, and alliances.
    Any,
    /// Exactly these agreement kinds.
    Kinds(Vec<AgreementKind>),
}

impl Family {
    /// Whether agreements of `kind` may carry a chain.
    pub fn admits(&self, kind: AgreementKind) -> bool {
        use AgreementKind as A;
        match self {
            Family::Intelligence => matches!(kind, A::Gsomia | A::Arrangement),
            Family::Defence => matches!(kind, A::Treaty | A::MemorandumOfUnderstanding | A::Gsomia),
            Family::Communication => kind == A::CommunicationLine,
            Family::Any => true,
            Family::Kinds(kinds) => kinds.contains(&kind),
        }
    }

    /// Whether `allied_with` edges count as hops.
    pub fn admits_alliances(&self) -> bool {
        matches!(self, Family::Defence | Family::Any)
    }

    /// The family's name as users write it.
    pub fn name(&self) -> String {
        match self {
            Family::Intelligence => "intelligence".into(),
            Family::Defence => "defence".into(),
            Family::Communication => "communication".into(),
            Family::Any => "any".into(),
            Family::Kinds(k) => k.iter().map(|k| k.as_str()).collect::<Vec<_>>().join(","),
        }
    }
}

impl FromStr for Family {
    type Err = UnknownName;

    /// `intelligence`, `defence` (or `defense`), `communication`, `any`, or a comma-separated
    /// list of agreement kinds (`gsomia,treaty`).
    fn from_str(s: &str) -> Result<Self, UnknownName> {
        match s.trim().to_ascii_lowercase().as_str() {
            "intelligence" | "intel" => Ok(Family::Intelligence),
            "defence" | "defense" => Ok(Family::Defence),
            "communication" | "communications" | "hotline" => Ok(Family::Communication),
            "any" | "all" => Ok(Family::Any),
            other => other
                .split(',')
                .map(|k| k.parse::<AgreementKind>())
                .collect::<Result<Vec<_>, _>>()
                .map(Family::Kinds)
                .map_err(|mut e| {
                    e.what = "relation family or agreement kind";
                    e.expected
                        .splice(0..0, ["intelligence", "defence", "communication", "any"]);
                    e
                }),
        }
    }
}

/// What to look for: the family of agreements, the date, how many alternatives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChainQuery {
    /// Which agreements may carry the chain.
    pub family: Family,
    /// The date; `None` means "by each agreement's last recorded state".
    pub on: Option<PartialDate>,
    /// How many chains to return at most, shortest first.
    pub k: usize,
    /// The longest chain considered, in hops.
    pub max_hops: usize,
}

impl Default for ChainQuery {
    fn default() -> Self {
        ChainQuery {
            family: Family::Any,
            on: None,
            k: 1,
            max_hops: 6,
        }
    }
}

/// What carries one hop.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Link {
    /// An agreement both ends are party to.
    Agreement {
        /// The agreement.
        agreement: NodeRef,
        /// Its kind.
        kind: AgreementKind,
        /// Its state on the date.
        state: AgreementState,
    },
    /// A direct relation (an alliance).
    Relation {
        /// The edge kind.
        kind: EdgeKind,
    },
}

/// One hop of a chain.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hop {
    /// Where the hop starts.
    pub from: NodeRef,
    /// Where it ends.
    pub to: NodeRef,
    /// The node that is actually party at the start (a ministry acting for its country), when
    /// it differs from `from`.
    pub from_party: Option<NodeRef>,
    /// Likewise at the end.
    pub to_party: Option<NodeRef>,
    /// What carries it.
    pub link: Link,
    /// Whether the date is certainly inside the link's validity, or only partly.
    pub containment: Containment,
    /// Whether the hop rests on an unknown bound (an undated step or an open-ended edge).
    pub rests_on_unknown: bool,
    /// Citations: the agreement, its state, and both ends' participation.
    pub citations: Vec<Citation>,
}

/// A chain of hops from one party to another.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Chain {
    /// The hops, in order.
    pub hops: Vec<Hop>,
    /// Whether any hop rests on an unknown bound.
    pub rests_on_unknown: bool,
    /// `partly` when any hop is only partly known to hold on the date.
    pub containment: Containment,
}

impl Chain {
    /// The ids of the nodes passed through, ends included.
    pub fn stops(&self) -> Vec<&str> {
        let mut v: Vec<&str> = self
            .hops
            .first()
            .map(|h| h.from.id.as_str())
            .into_iter()
            .collect();
        v.extend(self.hops.iter().map(|h| h.to.id.as_str()));
        v
    }

    /// The ids of the agreements (or relation kinds) carrying each hop.
    pub fn links(&self) -> Vec<&str> {
        self.hops
            .iter()
            .map(|h| match &h.link {
                Link::Agreement { agreement, .. } => agreement.id.as_str(),
                Link::Relation { kind } => kind.as_str(),
            })
            .collect()
    }
}

/// One way out of a node: the neighbour, and the hop that reaches it.
type Step = (NodeIndex, Hop);

/// An admitted agreement: its state, and its parties (party, the node it acts for, citations).
type Admitted = Option<(AgreementState, Vec<(NodeIndex, NodeIndex, Vec<Citation>)>)>;

struct Search<'g, 'q> {
    graph: &'g Graph,
    query: &'q ChainQuery,
    lift: bool,
    parties_cache: HashMap<NodeIndex, Admitted>,
}

impl Search<'_, '_> {
    /// The country an organization acts for (following `part_of` up to four levels).
    fn lifted(&self, ix: NodeIndex) -> NodeIndex {
        if !self.lift {
            return ix;
        }
        let mut cur = ix;
        for _ in 0..4 {
            match self.graph.node_at(cur).map(|n| n.kind()) {
                Some(NodeKind::Organization) => {}
                _ => return cur,
            }
            let up = self
                .graph
                .edges_from(cur, Some(EdgeKind::PartOf))
                .find_map(|e| self.graph.index_of(&e.to.id));
            match up {
                Some(u) => cur = u,
                None => return cur,
            }
        }
        cur
    }

    /// The nodes whose participation counts as `v`'s: itself, and organizations part of it.
    fn acting_for(&self, v: NodeIndex) -> Vec<NodeIndex> {
        let mut out = vec![v];
        if !self.lift {
            return out;
        }
        let mut i = 0;
        while let Some(&cur) = out.get(i) {
            for e in self.graph.edges_to(cur, Some(EdgeKind::PartOf)) {
                if e.from.kind() == NodeKind::Organization {
                    if let Some(ix) = self.graph.index_of(&e.from.id) {
                        if !out.contains(&ix) && out.len() < 64 {
                            out.push(ix);
                        }
                    }
                }
            }
            i += 1;
        }
        out
    }

    /// An admitted agreement's state and parties (party, lifted party, citations).
    fn agreement(&mut self, ag: NodeIndex) -> Admitted {
        if let Some(hit) = self.parties_cache.get(&ag) {
            return hit.clone();
        }
        let computed = (|| {
            let node = self.graph.node_at(ag)?;
            let NodeDetails::Agreement { kind, lifecycle } = &node.details else {
                return None;
            };
            if !self.query.family.admits(*kind) {
                return None;
            }
            let state = match &self.query.on {
                Some(d) => state_on(lifecycle, d),
                None => latest_state(lifecycle),
            };
            if !state.is_binding() {
                return None;
            }
            let parties = self
                .graph
                .parties(ag, self.query.on.as_ref())
                .into_iter()
                .filter_map(|p| {
                    let ix = self.graph.index_of(&p.party.id)?;
                    Some((ix, self.lifted(ix), p.citations))
                })
                .collect();
            Some((state, parties))
        })();
        self.parties_cache.insert(ag, computed.clone());
        computed
    }

    fn steps(&mut self, v: NodeIndex) -> Vec<Step> {
        let g = self.graph;
        let mut out = Vec::new();
        for actor in self.acting_for(v) {
            let agreements: Vec<(NodeIndex, Vec<Citation>, bool)> = g
                .edges_from(actor, Some(EdgeKind::PartyTo))
                .filter_map(|e| {
                    let val = validity(e.edge, self.query.on.as_ref())?;
                    // Participation with no dates at all lasts as long as the agreement does:
                    // the agreement's state says whether that rests on an unknown bound.
                    let unknown = val.rests_on_unknown && !e.edge.valid.is_unbounded();
                    Some((g.index_of(&e.to.id)?, e.edge.citations.clone(), unknown))
                })
                .collect();
            for (ag, own_citations, own_unknown) in agreements {
                let Some((state, parties)) = self.agreement(ag) else {
                    continue;
                };
                if !parties.iter().any(|(p, _, _)| *p == actor) {
                    continue; // withdrew by the date
                }
                let Some(ag_node) = g.node_at(ag) else {
                    continue;
                };
                for (party, lifted, their_citations) in &parties {
                    if *lifted == v {
                        continue;
                    }
                    let (Some(from), Some(to)) = (g.node_at(v), g.node_at(*lifted)) else {
                        continue;
                    };
                    let mut citations = ag_node.citations.clone();
                    union_citations(&mut citations, &state.citations);
                    union_citations(&mut citations, &own_citations);
                    union_citations(&mut citations, their_citations);
                    let party_ref = |ix: NodeIndex, shown: NodeIndex| {
                        (ix != shown)
                            .then(|| g.node_at(ix).map(NodeRef::from))
                            .flatten()
                    };
                    out.push((
                        *lifted,
                        Hop {
                            from: from.into(),
                            to: to.into(),
                            from_party: party_ref(actor, v),
                            to_party: party_ref(*party, *lifted),
                            link: Link::Agreement {
                                agreement: ag_node.into(),
                                kind: ag_node.agreement_kind().unwrap_or(AgreementKind::Other),
                                state: state.clone(),
                            },
                            containment: state.containment,
                            rests_on_unknown: state.rests_on_unknown || own_unknown,
                            citations,
                        },
                    ));
                }
            }
        }
        if self.query.family.admits_alliances() {
            let outgoing = g
                .edges_from(v, Some(EdgeKind::AlliedWith))
                .map(|e| (e, e.to));
            let incoming = g
                .edges_to(v, Some(EdgeKind::AlliedWith))
                .map(|e| (e, e.from));
            for (e, other) in outgoing.chain(incoming) {
                let (Some(val), Some(w), Some(from)) = (
                    validity(e.edge, self.query.on.as_ref()),
                    g.index_of(&other.id),
                    g.node_at(v),
                ) else {
                    continue;
                };
                out.push((
                    w,
                    Hop {
                        from: from.into(),
                        to: other.into(),
                        from_party: None,
                        to_party: None,
                        link: Link::Relation {
                            kind: EdgeKind::AlliedWith,
                        },
                        containment: val.containment,
                        rests_on_unknown: val.rests_on_unknown,
                        citations: e.edge.citations.clone(),
                    },
                ));
            }
        }
        out.sort_by(|a, b| (&a.1.to.id, link_id(&a.1.link)).cmp(&(&b.1.to.id, link_id(&b.1.link))));
        out
    }
}

fn link_id(l: &Link) -> &str {
    match l {
        Link::Agreement { agreement, .. } => &agreement.id,
        Link::Relation { kind } => kind.as_str(),
    }
}

fn chain(hops: Vec<Hop>) -> Chain {
    Chain {
        rests_on_unknown: hops.iter().any(|h| h.rests_on_unknown),
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
    /// `query.k` of them, shortest first (ties in order of the ids passed through).
    ///
    /// An agreement carries a hop when it admits the family, it binds on the date (agreed,
    /// signed or in force), and both ends are its parties then (withdrawn parties are not).
    /// When `from` is a country, an organization that is `part_of` a country (a defence
    /// ministry) acts for it. An empty answer means there is no chain on that date.
    ///
    /// ```
    /// use diplograph::query::{ChainQuery, Family};
    /// let g = diplograph::example();
    /// let q = ChainQuery { family: Family::Intelligence, on: Some("2016-06-04".parse()?), k: 3, ..Default::default() };
    /// let chains = g.chains(g.resolve("South Korea")?, g.resolve("Japan")?, &q);
    /// assert_eq!(chains.len(), 1);
    /// assert_eq!(chains[0].stops(), ["KOR", "USA", "JPN"]);
    /// assert_eq!(chains[0].links(), ["gsomia-kor-usa", "gsomia-jpn-usa"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// Cost: a breadth-first search that looks only at the `party_to` (and, for alliances,
    /// `allied_with`) edges of the nodes it reaches and at the parties of admitted agreements:
    /// O(Σ over visited nodes of their agreement edges + those agreements' parties), never a
    /// scan of all edges. With `k > 1` each node is expanded at most `k` times.
    pub fn chains(&self, from: NodeIndex, to: NodeIndex, query: &ChainQuery) -> Vec<Chain> {
        if from == to || query.k == 0 {
            return Vec::new();
        }
        let lift = self
            .node_at(from)
            .is_some_and(|n| n.kind() == NodeKind::Country);
        let mut search = Search {
            graph: self,
            query,
            lift,
            parties_cache: HashMap::new(),
        };
        if query.k == 1 {
            // Plain BFS with parents.
            let mut parent: HashMap<NodeIndex, (NodeIndex, Hop)> = HashMap::new();
            let mut seen: HashSet<NodeIndex> = HashSet::from([from]);
            let mut frontier = VecDeque::from([(from, 0usize)]);
            while let Some((v, depth)) = frontier.pop_front() {
                if depth >= query.max_hops {
                    continue;
                }
                for (w, hop) in search.steps(v) {
                    if !seen.insert(w) {
                        continue;
                    }
                    parent.insert(w, (v, hop));
                    if w == to {
                        let mut hops = Vec::new();
                        let mut cur = to;
                        while let Some((p, h)) = parent.remove(&cur) {
                            hops.push(h);
                            cur = p;
                        }
                        hops.reverse();
                        return vec![chain(hops)];
                    }
                    frontier.push_back((w, depth + 1));
                }
            }
            return Vec::new();
        }
        // k alternatives: breadth-first over simple paths, each node expanded at most k times.
        let mut found = Vec::new();
        let mut expanded: HashMap<NodeIndex, usize> = HashMap::new();
        let mut queue: VecDeque<(NodeIndex, Vec<(NodeIndex, Hop)>)> =
            VecDeque::from([(from, Vec::new())]);
        while let Some((v, path)) = queue.pop_front() {
            if path.len() >= query.max_hops {
                continue;
            }
            let count = expanded.entry(v).or_insert(0);
            if *count >= query.k {
                continue;
            }
            *count += 1;
            for (w, hop) in search.steps(v) {
                if w == from || path.iter().any(|(p, _)| *p == w) {
                    continue;
                }
                let mut next = path.clone();
                next.push((w, hop));
                if w == to {
                    found.push(chain(next.into_iter().map(|(_, h)| h).collect()));
                    if found.len() >= query.k {
                        return found;
                    }
                } else {
                    queue.push_back((w, next));
                }
            }
        }
        found
    }
}
