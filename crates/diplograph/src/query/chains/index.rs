//! The agreement-chain index: for every node, the nodes one hop away through an agreement or an
//! alliance, each with the days on which that hop holds, precomputed from the agreements'
//! lifecycles and the validity of the `party_to` and `allied_with` edges.
//!
//! A chain query on a day then tests a hop with a binary search instead of walking every
//! agreement of the node, checking its lifecycle and listing its parties. Built once, on the
//! first chain query after a change (O(nodes + Σ over agreements of parties²)); the graph drops
//! it whenever a node or an edge is added.
//!
//! The index follows the search's rules for a start that is a country (an organization that is
//! `part_of` a country acts for it); other starts, and dates of month or year precision, take
//! the search's general path.

use crate::graph::{EdgeIndex, Graph, NodeIndex};
use crate::model::{AgreementKind, EdgeKind, LifecycleStep};
use crate::time::{Interval, PartialDate};

use super::{alliances, Family, Way};
use crate::model::PartyRole;
use crate::query::acting::{acting_bodies, party_state};

/// Days `[from, until)` as [`day`] keys.
pub(super) type DayRange = (i64, i64);

/// The key of a day-precision date (or of the first day of a coarser one).
pub(super) fn day(d: &PartialDate) -> i64 {
    d.first_day().ordinal()
}

/// The days on which an edge with this interval is valid (`validity` is not `None`).
fn edge_span(valid: &Interval) -> Option<DayRange> {
    let from = valid.start.map_or(i64::MIN, |s| s.first_day().ordinal());
    let until = valid.end.map_or(i64::MAX, |e| e.last_day().ordinal() + 1);
    (from < until).then_some((from, until))
}

/// The days on which an agreement's lifecycle is in a binding state (agreed, signed, in force),
/// as day keys: the one derivation's binding stretches
/// ([`crate::query::history::binding_stretches`]).
fn binding_spans(lifecycle: &[LifecycleStep]) -> Vec<DayRange> {
    let key = |d: chrono::NaiveDate| PartialDate::from_naive(d).first_day().ordinal();
    let mut out = Vec::new();
    for (from, until) in crate::query::history::binding_stretches(lifecycle) {
        push_span(
            &mut out,
            (from.map_or(i64::MIN, key), until.map_or(i64::MAX, key)),
        );
    }
    out
}

/// Appends a span to spans sorted by start, merging it with the last one when they touch.
fn push_span(spans: &mut Vec<DayRange>, (from, until): DayRange) {
    match spans.last_mut() {
        Some(last) if from <= last.1 => last.1 = last.1.max(until),
        _ => spans.push((from, until)),
    }
}

/// The union of spans, sorted and merged.
fn union(mut spans: Vec<DayRange>) -> Vec<DayRange> {
    spans.sort_unstable();
    let mut out = Vec::with_capacity(spans.len());
    for s in spans {
        push_span(&mut out, s);
    }
    out
}

/// The days in both sorted, disjoint span lists.
fn intersect(a: &[DayRange], b: &[DayRange]) -> Vec<DayRange> {
    let mut out = Vec::new();
    let (mut i, mut j) = (0, 0);
    while let (Some(&x), Some(&y)) = (a.get(i), b.get(j)) {
        let (from, until) = (x.0.max(y.0), x.1.min(y.1));
        if from < until {
            out.push((from, until));
        }
        if x.1 < y.1 {
            i += 1;
        } else {
            j += 1;
        }
    }
    out
}

/// Whether a day lies in sorted, disjoint spans. Cost: O(log spans).
pub(super) fn covers(spans: &[DayRange], day: i64) -> bool {
    let i = spans.partition_point(|s| s.1 <= day);
    spans.get(i).is_some_and(|s| s.0 <= day)
}

/// One way from a node to another, as the search would produce it.
#[derive(Debug, Clone, Copy)]
pub(super) struct Link {
    /// The way, as the search records it.
    pub(super) way: Way,
    /// For an agreement: the actor's `party_to` edge.
    pub(super) actor_edge: Option<EdgeIndex>,
    /// The agreement's kind; `None` for an alliance.
    pub(super) kind: Option<AgreementKind>,
    /// Whether the agreement has withdrawals, which the spans do not capture: such a link is
    /// checked by the search on each query.
    pub(super) withdrawals: bool,
    /// The position at which the search generates this way among the node's ways.
    pub(super) generated: u32,
}

/// A kind of link between two nodes: the days on which one link of that kind holds.
#[derive(Debug, Clone, Copy)]
pub(super) struct Class {
    /// The agreement kind; `None` for alliances.
    pub(super) kind: Option<AgreementKind>,
    spans: (u32, u32),
}

/// The links from one node to another.
#[derive(Debug, Clone, Copy)]
pub(super) struct Pair {
    /// The node reached.
    pub(super) to: NodeIndex,
    links: (u32, u32),
    /// Days on which some link (of any kind, withdrawals aside) holds.
    any: (u32, u32),
    classes: (u32, u32),
    /// Whether some links must be checked by the search.
    pub(super) withdrawals: bool,
}

/// Every node's one-hop links, grouped by the node reached (ascending), then by kind.
#[derive(Debug, Default)]
pub(crate) struct ChainIndex {
    /// Where each node's pairs start, by node index.
    starts: Vec<u32>,
    pairs: Vec<Pair>,
    /// By pair: links in the order the search sorts its ways (agreement, actor, party), then
    /// alliances by edge.
    links: Vec<Link>,
    classes: Vec<Class>,
    spans: Vec<DayRange>,
}

fn range<T>(v: &[T], (from, until): (u32, u32)) -> &[T] {
    v.get(from as usize..until as usize).unwrap_or_default()
}

fn len32<T>(v: &[T]) -> u32 {
    u32::try_from(v.len()).unwrap_or(u32::MAX)
}

/// A link found while building, with its sort key (node reached, alliance or not, agreement or
/// edge, actor, party) and the days it holds.
type Found = (Link, (NodeIndex, usize, usize, usize, usize), Vec<DayRange>);

/// What the index keeps of an agreement.
struct AgreementInfo {
    kind: AgreementKind,
    binding: Vec<DayRange>,
    withdrawals: bool,
    /// Every party (with the node it acts for and its role), sorted, with the days it is
    /// party.
    parties: Vec<(NodeIndex, NodeIndex, PartyRole, Vec<DayRange>)>,
}

impl ChainIndex {
    pub(crate) fn build(g: &Graph) -> Self {
        let bound = g.nodes().map(|(ix, _)| ix.index() + 1).max().unwrap_or(0);
        let mut agreements: Vec<Option<AgreementInfo>> = Vec::new();
        agreements.resize_with(bound, || None);
        for (ix, node) in g.nodes() {
            let crate::model::NodeDetails::Agreement {
                kind, lifecycle, ..
            } = &node.details
            else {
                continue;
            };
            let withdrawals = lifecycle.iter().any(LifecycleStep::concerns_one_party)
                || g.edges_to(ix, Some(EdgeKind::WithdrewFrom))
                    .next()
                    .is_some();
            let mut parties: Vec<(NodeIndex, NodeIndex, PartyRole, Vec<DayRange>)> = Vec::new();
            for e in g.edges_to(ix, Some(EdgeKind::PartyTo)) {
                let l = party_state(g, &e);
                let span = edge_span(&e.edge.valid);
                match parties.iter_mut().find(|(p, ..)| *p == e.from_index) {
                    Some((.., spans)) => spans.extend(span),
                    None => {
                        parties.push((e.from_index, l, e.edge.role(), span.into_iter().collect()));
                    }
                }
            }
            for (.., spans) in &mut parties {
                *spans = union(std::mem::take(spans));
            }
            parties.sort_unstable_by_key(|&(p, l, role, _)| (p, l, role));
            if let Some(slot) = agreements.get_mut(ix.index()) {
                *slot = Some(AgreementInfo {
                    kind: *kind,
                    binding: binding_spans(lifecycle),
                    withdrawals,
                    parties,
                });
            }
        }

        let mut index = ChainIndex::default();
        index.starts.reserve(bound + 1);
        // Scratch, per node: (link, sort key, its spans).
        let mut found: Vec<Found> = Vec::new();
        for n in 0..bound {
            index.starts.push(len32(&index.pairs));
            let v = NodeIndex::new(n);
            if g.node_at(v).is_none() {
                continue;
            }
            found.clear();
            let mut generated = 0u32;
            for actor in acting_bodies(g, v) {
                for e in g.edges_from(actor, Some(EdgeKind::PartyTo)) {
                    if actor != v && party_state(g, &e) != v {
                        continue;
                    }
                    let ag = e.to_index;
                    let Some(Some(info)) = agreements.get(ag.index()) else {
                        continue;
                    };
                    let actor_span: Vec<DayRange> = edge_span(&e.edge.valid).into_iter().collect();
                    let both = intersect(&info.binding, &actor_span);
                    let role = e.edge.role();
                    for (party, to, other, spans) in &info.parties {
                        if *to == v || !role.reaches(*other) {
                            continue;
                        }
                        let spans = if info.withdrawals {
                            Vec::new()
                        } else {
                            intersect(&both, spans)
                        };
                        let link = Link {
                            way: Way::Agreement {
                                agreement: ag,
                                from_party: actor,
                                to_party: *party,
                            },
                            actor_edge: Some(e.index),
                            kind: Some(info.kind),
                            withdrawals: info.withdrawals,
                            generated,
                        };
                        generated += 1;
                        let key = (*to, 0, ag.index(), actor.index(), party.index());
                        found.push((link, key, spans));
                    }
                }
            }
            for (e, w) in alliances(g, v) {
                let link = Link {
                    way: Way::Alliance { edge: e.index },
                    actor_edge: None,
                    kind: None,
                    withdrawals: false,
                    generated,
                };
                generated += 1;
                let spans = edge_span(&e.edge.valid).into_iter().collect();
                found.push((link, (w, 1, e.index.index(), 0, 0), spans));
            }
            found.sort_by_key(|(link, key, _)| (*key, link.generated));
            let mut rest = found.as_slice();
            while let Some(((_, (to, ..), _), _)) = rest.split_first() {
                let to = *to;
                let cut = rest.partition_point(|(_, key, _)| key.0 == to);
                let (mine, tail) = rest.split_at(cut);
                rest = tail;
                index.add_pair(to, mine);
            }
        }
        index.starts.push(len32(&index.pairs));
        index
    }

    fn add_pair(&mut self, to: NodeIndex, mine: &[Found]) {
        let links_from = len32(&self.links);
        self.links.extend(mine.iter().map(|(l, _, _)| *l));
        let any_from = len32(&self.spans);
        self.spans.extend(union(
            mine.iter()
                .flat_map(|(_, _, s)| s.iter().copied())
                .collect(),
        ));
        let any = (any_from, len32(&self.spans));
        let classes_from = len32(&self.classes);
        let mut kinds: Vec<Option<AgreementKind>> = mine.iter().map(|(l, _, _)| l.kind).collect();
        kinds.sort_unstable();
        kinds.dedup();
        for kind in kinds {
            let of_kind = || mine.iter().filter(move |(l, _, _)| l.kind == kind);
            let spans_from = len32(&self.spans);
            self.spans.extend(union(
                of_kind().flat_map(|(_, _, s)| s.iter().copied()).collect(),
            ));
            self.classes.push(Class {
                kind,
                spans: (spans_from, len32(&self.spans)),
            });
        }
        self.pairs.push(Pair {
            to,
            links: (links_from, len32(&self.links)),
            any,
            classes: (classes_from, len32(&self.classes)),
            withdrawals: mine.iter().any(|(l, _, _)| l.withdrawals),
        });
    }

    /// The nodes one hop from `v`, ascending.
    pub(super) fn pairs(&self, v: NodeIndex) -> &[Pair] {
        let (Some(&from), Some(&until)) =
            (self.starts.get(v.index()), self.starts.get(v.index() + 1))
        else {
            return &[];
        };
        range(&self.pairs, (from, until))
    }

    /// The links from `v` to `w`, if any.
    pub(super) fn pair(&self, v: NodeIndex, w: NodeIndex) -> Option<&Pair> {
        let pairs = self.pairs(v);
        pairs
            .binary_search_by_key(&w, |p| p.to)
            .ok()
            .and_then(|i| pairs.get(i))
    }

    /// A pair's links, in the order the search sorts its ways.
    pub(super) fn links(&self, pair: &Pair) -> &[Link] {
        range(&self.links, pair.links)
    }

    /// Whether a link the spans capture (withdrawals aside) holds on `day` for `family`.
    /// Cost: O(kinds × log spans).
    pub(super) fn holds(&self, pair: &Pair, family: &Family, day: i64) -> bool {
        if *family == Family::Any {
            return covers(range(&self.spans, pair.any), day);
        }
        range(&self.classes, pair.classes)
            .iter()
            .any(|c| admits(family, c.kind) && covers(range(&self.spans, c.spans), day))
    }
}

/// Whether a family admits links of a kind (`None`: alliances).
pub(super) fn admits(family: &Family, kind: Option<AgreementKind>) -> bool {
    match kind {
        Some(k) => family.admits(k),
        None => family.admits_alliances(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::LifecycleState;
    use crate::query::asof::state_kind_on;

    #[test]
    fn binding_spans_agree_with_the_lifecycle_reading() {
        let step = |state, date: Option<&str>| {
            LifecycleStep::new(state, date.and_then(|d| d.parse().ok()))
        };
        let d = |s: &str| {
            s.parse::<PartialDate>()
                .unwrap_or_else(|e| unreachable!("{e}"))
        };
        use LifecycleState as S;
        let lifecycles = [
            vec![
                step(S::Signed, Some("2010-03-04")),
                step(S::InForce, Some("2011")),
                step(S::Terminated, Some("2015-06")),
            ],
            vec![
                step(S::Proposed, None),
                step(S::Signed, Some("2012-01-01")),
                step(S::Suspended, Some("2012-06-30")),
                step(S::InForce, Some("2013-02")),
            ],
            // Out of order: a later dated step that begins earlier is hidden behind the first.
            vec![
                step(S::Signed, Some("2014-05-05")),
                step(S::Terminated, Some("2013-01-01")),
            ],
            vec![step(S::InForce, None)],
            vec![],
            // A notice of termination that takes effect; a term that runs out after renewal;
            // a suspended notice; a signing that was called off.
            vec![
                step(S::InForce, Some("2010-05")),
                step(S::NoticeGiven, Some("2012-02-10")).with_effective(d("2012-05-10")),
            ],
            vec![
                step(S::InForce, Some("2010-02-05")).with_until(d("2013-02-05")),
                step(S::Renewed, Some("2013-02-03")).with_until(d("2015-02-05")),
            ],
            vec![
                step(S::InForce, Some("2011")),
                step(S::NoticeGiven, Some("2013-08-23")).with_effective(d("2013-11-23")),
                step(S::NoticeSuspended, Some("2013-11-22")),
            ],
            vec![
                step(S::Signed, Some("2009-06-29")).with_status(crate::model::Status::Cancelled),
                step(S::Signed, Some("2014-11-23")),
            ],
        ];
        for lifecycle in &lifecycles {
            let spans = binding_spans(lifecycle);
            for year in 2009..=2016 {
                for month in 1..=12u8 {
                    for dd in [1u8, 4, 5, 28, 30] {
                        let Ok(d) = PartialDate::from_ymd(year, month, dd) else {
                            continue;
                        };
                        let by_lifecycle = state_kind_on(lifecycle, Some(&d))
                            .is_some_and(LifecycleState::is_binding);
                        assert_eq!(
                            covers(&spans, day(&d)),
                            by_lifecycle,
                            "{d} in {lifecycle:?}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn spans_intersect_and_merge() {
        assert_eq!(intersect(&[(1, 5), (7, 9)], &[(4, 8)]), [(4, 5), (7, 8)]);
        assert_eq!(union(vec![(7, 9), (1, 5), (5, 6)]), [(1, 6), (7, 9)]);
        assert!(covers(&[(1, 5), (7, 9)], 8));
        assert!(!covers(&[(1, 5), (7, 9)], 5));
        assert!(!covers(&[(1, 5), (7, 9)], 0));
    }
}
