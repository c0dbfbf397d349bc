//! Merging graphs from several sources into one, keeping every citation.
//!
//! Nodes are unified by id; then by a shared external identifier (`wikidata: Q884`); then by a
//! declared alias of one that is the name of the other (same kind, one match only). Each group takes
//! the smallest id among its members. A value that refines another (a day inside a month, a
//! place that contains another) is kept, with the citations of both, and noted as a
//! `merge-refinement`. Where members disagree (two names for one ISO code, two dates that
//! cannot both be true, two values for one attribute) the disagreement is reported as a
//! `merge-conflict` naming every input that holds each value, and a choice made on the values
//! alone is kept; strict mode makes any conflict an error. Lifecycles are merged step by step
//! (`merge/lifecycle.rs`): the same state at two dates is history. Every rule, with an example,
//! is in docs/merge.md. A node id used with two kinds cannot be one node: the later kind's
//! node is kept apart as `id~kind`, and reported.
//!
//! Edges are one fact when their ends, kind, dates and every qualifier agree; edges that differ
//! in a qualifier (share, amount, position…) are distinct facts. One fact stated in several
//! inputs is one edge with the citations of all; within one input, each statement stays apart.
//!
//! Merging depends neither on the order nor on the names of its inputs, and merging a graph
//! with itself gives the same graph.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashMap};

use crate::error::{Error, Location, Problem, ProblemCode, Result};
use crate::graph::{Graph, NodeIndex};
use crate::identity::normalize;
use crate::model::{Edge, LifecycleStep, Node, NodeDetails, NodeKind};
use crate::order;
use crate::provenance::union_citations;
use crate::validate::{self, Subject};

mod fit;
mod lifecycle;
mod union_find;
use fit::Fit;
use union_find::UnionFind;

/// How to merge.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MergeOptions {
    /// Turn every conflict into an error (refinements are never errors).
    pub strict: bool,
    /// The merged graph's title; by default the inputs' title when they all share one, else
    /// "merge of N graphs" (the inputs are listed in the description).
    pub title: Option<String>,
}

/// A merged graph and what its inputs disagreed about.
#[derive(Debug)]
pub struct Merged {
    /// The merged graph.
    pub graph: Graph,
    /// Every disagreement found, as `merge-conflict` problems naming every input that holds
    /// each value.
    pub conflicts: Vec<Problem>,
    /// Every value one input gave more precisely than another (a day inside a month, a place
    /// inside a place), as `merge-refinement` notes: the finer value was kept.
    pub refinements: Vec<Problem>,
}

/// Merges graphs, each given with a label (usually its file name) used in conflict reports.
///
/// ```
/// use diplograph::merge::{merge, MergeOptions};
/// let later = diplograph::format::from_str(include_str!("../tests/data/jpn-kor-gsomia-2016-11.json"))?;
/// let example = diplograph::example();
/// let merged = merge(&[("example", &example), ("later", &later)], MergeOptions::default())?;
/// assert!(merged.graph.node("gsomia-jpn-kor").is_some());
/// assert!(merged.graph.validate().is_empty());
/// # Ok::<(), diplograph::Error>(())
/// ```
///
/// Cost: O(total nodes + edges + citations) with hashing, plus sorting for determinism.
///
/// # Errors
/// [`Error::Invalid`] in strict mode when there are conflicts, or when the merged graph breaks
/// a whole-graph rule (for instance a GSOMIA that gains a third party).
pub fn merge(inputs: &[(&str, &Graph)], options: MergeOptions) -> Result<Merged> {
    let MergeOptions { strict, title } = options;
    let mut conflicts: Vec<Problem> = Vec::new();
    let mut refinements: Vec<Problem> = Vec::new();
    let (members, mut nodes) = Members::collect(inputs, &mut conflicts);
    let groups = group_members(&members.ids, &nodes);
    let renames = Renames::new(inputs, &members, &groups);
    for ((input, _), node) in members.ids.iter().zip(&mut nodes) {
        // A node is copied only when one of its references is renamed.
        if refers_to_renamed(node, |id| renames.renamed(*input, id).is_some()) {
            rename_references(node.to_mut(), |id| renames.rename(*input, id));
        }
    }
    let merged_nodes = merge_groups(
        &members,
        &nodes,
        &groups,
        inputs,
        &mut conflicts,
        &mut refinements,
    );

    let mut graph = Graph::new();
    carry_titles(inputs, title, &mut graph);
    for n in merged_nodes {
        graph.insert_node_unchecked(n);
    }
    merge_edges(inputs, &mut graph, &renames, &mut conflicts);
    check_merged(&graph, inputs, &mut conflicts)?;
    conflicts.sort_by(|a, b| (&a.id, &a.message).cmp(&(&b.id, &b.message)));
    conflicts.dedup();
    refinements.sort_by(|a, b| (&a.id, &a.message).cmp(&(&b.id, &b.message)));
    refinements.dedup();
    if strict && !conflicts.is_empty() {
        return Err(Error::invalid(conflicts));
    }
    Ok(Merged {
        graph,
        conflicts,
        refinements,
    })
}

/// Phase 1: every input node (a member), with its input number; ids made unique where kinds
/// clash. The members' nodes are kept beside, by the same position.
struct Members<'g> {
    /// The kinds each id names across the inputs.
    kinds_by_id: HashMap<&'g str, BTreeSet<NodeKind>>,
    /// Each member's input and its id, made unique by kind.
    ids: Vec<(usize, String)>,
}

impl<'g> Members<'g> {
    fn collect(
        inputs: &[(&str, &'g Graph)],
        conflicts: &mut Vec<Problem>,
    ) -> (Self, Vec<Cow<'g, Node>>) {
        let mut kinds_by_id: HashMap<&'g str, BTreeSet<NodeKind>> = HashMap::default();
        for (_, g) in inputs {
            for (_, n) in g.nodes() {
                kinds_by_id.entry(&n.id).or_default().insert(n.kind());
            }
        }
        for (id, kinds) in &kinds_by_id {
            if kinds.len() > 1 {
                let names: Vec<&str> = kinds.iter().map(|k| k.as_str()).collect();
                let apart: Vec<String> = kinds
                    .iter()
                    .skip(1)
                    .map(|k| format!("`{id}~{k}`"))
                    .collect();
                conflicts.push(conflict(
                    id,
                    format!(
                        "`{id}` names nodes of different kinds ({}); kept apart as {}",
                        names.join(", "),
                        apart.join(", ")
                    ),
                    &inputs_with(inputs, id),
                ));
            }
        }
        let mut members = Members {
            kinds_by_id,
            ids: Vec::new(),
        };
        let mut nodes = Vec::new();
        for (i, (_, g)) in inputs.iter().enumerate() {
            for (_, n) in g.nodes() {
                let id = members.local_id(&n.id, n.kind());
                let node = if id == n.id {
                    Cow::Borrowed(n)
                } else {
                    let mut n = n.clone();
                    n.id.clone_from(&id);
                    Cow::Owned(n)
                };
                members.ids.push((i, id));
                nodes.push(node);
            }
        }
        (members, nodes)
    }

    /// An input's id as the merge knows it: `id~kind` for a node whose id another input
    /// uses for a node of another kind (the first kind in order keeps the plain id).
    fn local_id(&self, id: &str, kind: NodeKind) -> String {
        match self.kinds_by_id.get(id) {
            Some(kinds) if kinds.len() > 1 && kinds.iter().next() != Some(&kind) => {
                format!("{id}~{kind}")
            }
            _ => id.to_owned(),
        }
    }

    /// The canonical id of a group: its smallest member id.
    fn canonical(&self, group: &[usize]) -> &str {
        group
            .iter()
            .map(|&m| self.ids[m].1.as_str())
            .min()
            .unwrap_or_default()
    }
}

/// Phase 3: the id each input's node ids and references now name: made unique by kind, then
/// the canonical id of the node's group.
struct Renames<'m> {
    /// By (input, local id): the group's canonical id.
    canonical_of: HashMap<(usize, &'m str), &'m str>,
    /// By input: each node id's final id, found once per node rather than per reference.
    by_input: Vec<HashMap<&'m str, String>>,
    /// By input: whether any of its ids is renamed (when none is, its references are kept
    /// as they are without looking each up).
    changes: Vec<bool>,
}

impl<'m> Renames<'m> {
    fn new(
        inputs: &[(&str, &'m Graph)],
        members: &'m Members<'m>,
        groups: &BTreeMap<usize, Vec<usize>>,
    ) -> Self {
        let mut canonical_of: HashMap<(usize, &'m str), &'m str> = HashMap::default();
        for list in groups.values() {
            let canonical = members.canonical(list);
            for &m in list {
                canonical_of.insert((members.ids[m].0, members.ids[m].1.as_str()), canonical);
            }
        }
        let by_input: Vec<HashMap<&str, String>> = inputs
            .iter()
            .enumerate()
            .map(|(i, (_, g))| {
                g.nodes()
                    .map(|(_, n)| {
                        let local = members.local_id(&n.id, n.kind());
                        let canonical = canonical_of
                            .get(&(i, local.as_str()))
                            .map_or(local.clone(), |c| (*c).to_owned());
                        (n.id.as_str(), canonical)
                    })
                    .collect()
            })
            .collect();
        let changes = (0..inputs.len())
            .map(|i| {
                by_input
                    .get(i)
                    .is_some_and(|m| m.iter().any(|(k, v)| k != v))
                    || canonical_of
                        .iter()
                        .any(|((input, local), c)| *input == i && local != c)
            })
            .collect();
        Renames {
            canonical_of,
            by_input,
            changes,
        }
    }

    /// The id an input's reference now names, when it is not `raw` itself (no allocation).
    fn renamed<'s>(&'s self, input: usize, raw: &str) -> Option<&'s str> {
        let found = self
            .by_input
            .get(input)
            .and_then(|m| m.get(raw))
            .map(String::as_str)
            .or_else(|| self.canonical_of.get(&(input, raw)).copied())?;
        (found != raw).then_some(found)
    }

    /// Whether any reference of an input names another id now.
    fn renames_any(&self, input: usize) -> bool {
        self.changes.get(input).copied().unwrap_or(true)
    }

    /// Renames an input's reference in place, allocating only when it changes.
    fn rename_in_place(&self, input: usize, id: &mut String) {
        if let Some(to) = self.renamed(input, id) {
            *id = to.to_owned();
        }
    }

    /// The id an input's reference now names.
    fn rename(&self, input: usize, raw: &str) -> String {
        if let Some(c) = self.by_input.get(input).and_then(|m| m.get(raw)) {
            return c.clone();
        }
        self.canonical_of
            .get(&(input, raw))
            .map_or_else(|| raw.to_owned(), |c| (*c).to_owned())
    }
}

/// Phase 4: each group's members (references already renamed) merged into one node under the
/// group's canonical id, in the canonical node order.
fn merge_groups(
    members: &Members<'_>,
    nodes: &[Cow<'_, Node>],
    groups: &BTreeMap<usize, Vec<usize>>,
    inputs: &[(&str, &Graph)],
    conflicts: &mut Vec<Problem>,
    refinements: &mut Vec<Problem>,
) -> Vec<Node> {
    let mut merged: Vec<Node> = groups
        .values()
        .map(|list| {
            let parts: Vec<(usize, &Node)> = list
                .iter()
                .map(|&m| (members.ids[m].0, &*nodes[m]))
                .collect();
            merge_nodes(
                members.canonical(list),
                &parts,
                inputs,
                conflicts,
                refinements,
            )
        })
        .collect();
    merged.sort_by(|a, b| order::node_key(a).cmp(&order::node_key(b)));
    merged
}

/// Phase 2: groups the members that name one entity (same id, same external id, or an alias
/// naming exactly one other group), each group keyed by its smallest member.
fn group_members(
    members: &[(usize, String)],
    member_nodes: &[Cow<'_, Node>],
) -> BTreeMap<usize, Vec<usize>> {
    // Union-find over members: same id, same external id, alias naming the other.
    let mut sets = UnionFind::new(members.len());
    let mut first_by_key: HashMap<(u8, String), usize> = HashMap::new();
    for (m, ((_, id), node)) in members.iter().zip(member_nodes).enumerate() {
        let mut keys = vec![(0u8, id.clone())];
        // A blank external id identifies nothing: it must not unify anything.
        keys.extend(
            node.external_ids
                .iter()
                .filter(|(_, v)| !v.trim().is_empty())
                .map(|(s, v)| (1u8, format!("{}\u{1f}{s}\u{1f}{v}", node.kind()))),
        );
        for key in keys {
            match first_by_key.get(&key) {
                Some(&other) => sets.union(m, other),
                None => {
                    first_by_key.insert(key, m);
                }
            }
        }
    }
    // Aliases: a declared alias of one member that is the name of exactly one other group of
    // the same kind. Two nodes that merely share an alias ("the ministry") stay apart; the
    // shared alias is then reported as a conflict. Nor does an alias unite two groups that
    // hold nodes of one input: an input that gives two nodes different ids says they are
    // different entities (and a merge whose names collide would otherwise collapse them when
    // merged again with one of its inputs).
    let mut inputs_in: Vec<BTreeSet<usize>> = vec![BTreeSet::new(); members.len()];
    for (m, (input, _)) in members.iter().enumerate() {
        let root = sets.find(m);
        if let Some(set) = inputs_in.get_mut(root) {
            set.insert(*input);
        }
    }
    let mut names: HashMap<(NodeKind, String), BTreeSet<usize>> = HashMap::new();
    for (m, node) in member_nodes.iter().enumerate() {
        names
            .entry((node.kind(), normalize(&node.name)))
            .or_default()
            .insert(m);
    }
    for (m, node) in member_nodes.iter().enumerate() {
        for alias in &node.aliases {
            let Some(owners) = names.get(&(node.kind(), normalize(alias))) else {
                continue;
            };
            let own = sets.find(m);
            let groups: BTreeSet<usize> = owners
                .iter()
                .map(|&o| sets.find(o))
                .filter(|g| *g != own)
                .collect();
            let Some(&other) = groups.first() else {
                continue;
            };
            let (mine, theirs) = (&inputs_in[own], &inputs_in[other]);
            if groups.len() == 1 && mine.is_disjoint(theirs) {
                let both: BTreeSet<usize> = mine.union(theirs).copied().collect();
                sets.union(own, other);
                inputs_in[own.min(other)] = both;
            }
        }
    }

    // Groups, each keyed by its smallest member.
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for m in 0..members.len() {
        let root = sets.find(m);
        groups.entry(root).or_default().push(m);
    }
    groups
}

/// Phase 5: the merged graph's title and description. The title is `title` when given;
/// else the inputs' title when every input has the same title and description (a graph merged
/// with itself keeps its own); else "merge of N graphs", with the inputs' titles listed in the
/// description. Nothing here depends on the inputs' labels or order.
fn carry_titles(inputs: &[(&str, &Graph)], title: Option<String>, graph: &mut Graph) {
    let heads: BTreeSet<(Option<&str>, Option<&str>)> = inputs
        .iter()
        .map(|(_, g)| (g.title.as_deref(), g.description.as_deref()))
        .collect();
    if heads.len() == 1 {
        if let Some((t, d)) = heads.first() {
            graph.title = t.map(str::to_owned);
            graph.description = d.map(str::to_owned);
        }
    } else {
        let titles: BTreeSet<&str> = inputs
            .iter()
            .map(|(_, g)| g.title.as_deref().unwrap_or("(untitled)"))
            .collect();
        let mut description = format!("Merged from {} graphs:", inputs.len());
        for t in titles {
            description.push_str("\n- ");
            description.push_str(t);
        }
        graph.title = Some(format!("merge of {} graphs", inputs.len()));
        graph.description = Some(description);
    }
    if title.is_some() {
        graph.title = title;
    }
}

/// Phase 6: the inputs' edges, with ends and references renamed, equal facts united, inserted
/// in canonical order.
fn merge_edges(
    inputs: &[(&str, &Graph)],
    graph: &mut Graph,
    renames: &Renames<'_>,
    conflicts: &mut Vec<Problem>,
) {
    // Edges: remap ends and references, unite equal facts. Facts are found by a hash of
    // their parts (no text key is built unless two inputs state the same fact), and the
    // merged edges are inserted in a fixed order, whatever the order of the inputs.
    // By (the fact's hash, occurrence): the first merged edge stating it; the others with the
    // same hash (only when two facts' hashes collide; each is checked against the fact
    // itself) are chained through `same_hash`.
    // Sized once for every input edge: growing these by doubling would copy every edge again.
    let total: usize = inputs.iter().map(|(_, g)| g.edge_count()).sum();
    let mut facts: HashMap<(u64, usize), usize> = HashMap::with_capacity(total);
    let mut same_hash: Vec<usize> = Vec::with_capacity(total);
    let mut merged_edges: Vec<(NodeIndex, NodeIndex, Edge)> = Vec::with_capacity(total);
    // Each merged edge's inputs (for conflict reports and the attested-into-term pass).
    let mut holders = Holders::with_capacity(total);
    for (i, (_, g)) in inputs.iter().enumerate() {
        // One input may state one fact more than once (with other citations or attributes):
        // those statements stay apart, and the k-th statement of a fact in one input is united
        // with the k-th in another, counting in the canonical order. So a graph merged with
        // itself is itself.
        // Each input node's merged node, found once per node rather than once per edge end.
        let size = g.nodes().map(|(ix, _)| ix.index() + 1).max().unwrap_or(0);
        let mut ends: Vec<Option<NodeIndex>> = vec![None; size];
        for (ix, n) in g.nodes() {
            if let Some(slot) = ends.get_mut(ix.index()) {
                *slot = graph.index_of(renames.renamed(i, &n.id).unwrap_or(&n.id));
            }
        }
        let end = |ix: NodeIndex| ends.get(ix.index()).copied().flatten();
        let renaming = renames.renames_any(i);
        // Only the statements of a fact stated more than once need the canonical order (to
        // count the k-th); the rest are taken as stored, which spares sorting every edge. Facts
        // are counted by a hash: a collision only sends an edge down the general path.
        let fact_hash = |fact: FactRef<'_>| {
            use std::hash::{Hash, Hasher};
            let mut h = std::collections::hash_map::DefaultHasher::new();
            fact.hash(&mut h);
            h.finish()
        };
        let mut counts: HashMap<u64, usize> = HashMap::with_capacity(g.edge_count());
        let mut stated = Vec::with_capacity(g.edge_count());
        for view in g.edges() {
            let (Some(f), Some(t)) = (end(view.from_index), end(view.to_index)) else {
                continue;
            };
            let mut edge = view.edge.clone();
            if renaming {
                if let Some(q) = edge.qualifiers.as_deref_mut() {
                    if let Some(p) = &mut q.on_behalf_of {
                        renames.rename_in_place(i, p);
                    }
                    if let Some(p) = &mut q.place {
                        renames.rename_in_place(i, p);
                    }
                }
                for c in &mut edge.citations {
                    renames.rename_in_place(i, &mut c.source);
                    for v in &mut c.via {
                        renames.rename_in_place(i, v);
                    }
                }
            }
            let hash = fact_hash(fact_ref(f, t, &edge));
            *counts.entry(hash).or_insert(0) += 1;
            stated.push(Some((view, f, t, edge, hash)));
        }
        // The statements taken as stored, then those of facts stated more than once, in the
        // canonical order.
        let mut repeated: Vec<usize> = Vec::new();
        let mut order: Vec<usize> = Vec::with_capacity(stated.len());
        for (k, s) in stated.iter().enumerate() {
            let Some(s) = s else { continue };
            if counts.get(&s.4).is_some_and(|n| *n > 1) {
                repeated.push(k);
            } else {
                order.push(k);
            }
        }
        drop(counts);
        let view_at = |k: usize| stated.get(k).and_then(|s| s.as_ref()).map(|s| &s.0);
        repeated.sort_by(|&a, &b| match (view_at(a), view_at(b)) {
            (Some(a), Some(b)) => order::cmp_edges(a, b),
            _ => a.cmp(&b),
        });
        let first_repeated = order.len();
        order.extend(repeated);
        let mut seen: HashMap<FactKey, usize> = HashMap::default();
        for (n, k) in order.into_iter().enumerate() {
            let Some((_, f, t, edge, hash)) = stated.get_mut(k).and_then(Option::take) else {
                continue;
            };
            let occurrence = if n >= first_repeated {
                let n = seen.entry(fact_key(f, t, &edge)).or_insert(0);
                *n += 1;
                *n
            } else {
                1
            };
            let here = merged_edges.len();
            let head = *facts.entry((hash, occurrence)).or_insert(here);
            let mut same = None;
            let mut at = head;
            while at != here && at != usize::MAX {
                if merged_edges
                    .get(at)
                    .is_some_and(|(ef, et, e)| fact_ref(*ef, *et, e) == fact_ref(f, t, &edge))
                {
                    same = Some(at);
                    break;
                }
                at = same_hash.get(at).copied().unwrap_or(usize::MAX);
            }
            match same {
                Some(at) => {
                    holders.add(at, i);
                    let Some((_, _, existing)) = merged_edges.get_mut(at) else {
                        continue;
                    };
                    // One fact attested by several inputs is attested on every date any gives.
                    if existing.attested != edge.attested {
                        existing.attested.extend(edge.attested.iter().copied());
                        crate::model::normalize_attested(&mut existing.attested);
                    }
                    if existing.citations != edge.citations {
                        union_citations(&mut existing.citations, &edge.citations);
                    }
                    if existing.attributes != edge.attributes {
                        let id = |ix: NodeIndex| graph.node_at(ix).map_or("", |n| n.id.as_str());
                        let key = edge_key(id(f), id(t), &edge);
                        let both = holders.labels(at, inputs).join(", ");
                        merge_attributes(
                            &mut existing.attributes,
                            &edge.attributes,
                            &key,
                            &both,
                            conflicts,
                        );
                    }
                }
                None => {
                    // A new fact: it heads its hash's chain, the former head (if any) next.
                    if head != here {
                        facts.insert((hash, occurrence), here);
                    }
                    same_hash.push(if head == here { usize::MAX } else { head });
                    merged_edges.push((f, t, edge));
                    holders.push(i);
                }
            }
        }
    }
    drop(facts);
    drop(same_hash);
    fold_attested_into_terms(&mut merged_edges, &holders, inputs, conflicts);
    drop(holders);
    // Each node's rank in id order, found once: edges are then ordered by integers, in the
    // same order as by their ends' ids.
    let mut by_id: Vec<(&str, NodeIndex)> =
        graph.nodes().map(|(ix, n)| (n.id.as_str(), ix)).collect();
    by_id.sort_unstable();
    let size = by_id
        .iter()
        .map(|(_, ix)| ix.index() + 1)
        .max()
        .unwrap_or(0);
    let mut rank: Vec<usize> = vec![usize::MAX; size];
    for (r, (_, ix)) in by_id.into_iter().enumerate() {
        if let Some(slot) = rank.get_mut(ix.index()) {
            *slot = r;
        }
    }
    let rank_of = |ix: NodeIndex| rank.get(ix.index()).copied().unwrap_or(usize::MAX);
    // The edges are ordered through a list of small keys (moving the edges themselves in a
    // sort copies every edge several times); ties keep their position, as a stable sort would.
    let mut keys: Vec<(usize, crate::model::EdgeKind, usize, usize)> = merged_edges
        .iter()
        .enumerate()
        .map(|(k, (f, t, e))| (rank_of(*f), e.kind, rank_of(*t), k))
        .collect();
    drop(rank);
    let qualifiers = |k: usize| merged_edges.get(k).map(|(_, _, e)| order::qualifier_key(e));
    keys.sort_unstable_by(|a, b| {
        (a.0, a.1, a.2)
            .cmp(&(b.0, b.1, b.2))
            .then_with(|| qualifiers(a.3).cmp(&qualifiers(b.3)))
            .then_with(|| a.3.cmp(&b.3))
    });
    let mut merged_edges: Vec<Option<(NodeIndex, NodeIndex, Edge)>> =
        merged_edges.into_iter().map(Some).collect();
    graph.reserve(0, keys.len());
    for (_, _, _, k) in keys {
        if let Some((f, t, edge)) = merged_edges.get_mut(k).and_then(Option::take) {
            graph.insert_edge_unchecked(f, t, edge);
        }
    }
}

/// The inputs that state each merged edge, by the edge's position: the first input, and the
/// others only for the few edges stated by more than one (a set per edge would be an
/// allocation per edge).
struct Holders {
    first: Vec<usize>,
    more: HashMap<usize, BTreeSet<usize>>,
}

impl Holders {
    fn with_capacity(edges: usize) -> Self {
        Holders {
            first: Vec::with_capacity(edges),
            more: HashMap::new(),
        }
    }

    /// A new edge, stated by `input`.
    fn push(&mut self, input: usize) {
        self.first.push(input);
    }

    /// `input` states edge `at` too.
    fn add(&mut self, at: usize, input: usize) {
        let Some(&first) = self.first.get(at) else {
            return;
        };
        if first != input {
            self.more.entry(at).or_default().insert(input);
        }
    }

    /// The inputs stating edge `at`.
    fn of(&self, at: usize) -> BTreeSet<usize> {
        let mut all = self.more.get(&at).cloned().unwrap_or_default();
        all.extend(self.first.get(at).copied());
        all
    }

    /// Whether no input states both edges.
    fn disjoint(&self, a: usize, b: usize) -> bool {
        if !self.more.contains_key(&a) && !self.more.contains_key(&b) {
            return self.first.get(a) != self.first.get(b);
        }
        self.of(a).is_disjoint(&self.of(b))
    }

    /// The labels of the inputs stating any of `edges`, sorted, each once.
    fn labels_of<'l>(&self, edges: &[usize], inputs: &[(&'l str, &Graph)]) -> Vec<&'l str> {
        edges
            .iter()
            .flat_map(|&at| self.of(at))
            .filter_map(|i| inputs.get(i).map(|(l, _)| *l))
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect()
    }

    /// The labels of the inputs stating edge `at`, sorted, each once.
    fn labels<'l>(&self, at: usize, inputs: &[(&'l str, &Graph)]) -> Vec<&'l str> {
        self.labels_of(&[at], inputs)
    }
}

/// An undated edge attested on some dates, from one input, and the same fact dated by an
/// interval that contains every one of those dates (wholly), from other inputs, are one fact:
/// the undated edge is folded into the dated one, which gains its citations and attestations.
/// An undated edge whose attestations fall outside every dated term, or inside more than one,
/// stays apart. Within one input the two stay apart (the input says they are two statements).
fn fold_attested_into_terms(
    edges: &mut Vec<(NodeIndex, NodeIndex, Edge)>,
    holders: &Holders,
    inputs: &[(&str, &Graph)],
    conflicts: &mut Vec<Problem>,
) {
    use crate::time::Containment;
    let undated_key = |f: NodeIndex, t: NodeIndex, e: &Edge| {
        let mut k = fact_key(f, t, e);
        k.3 = None;
        k.4 = None;
        k
    };
    if !edges
        .iter()
        .any(|(_, _, e)| e.valid.is_unbounded() && !e.attested.is_empty())
    {
        return;
    }
    let mut dated: HashMap<FactKey, Vec<usize>> = HashMap::default();
    for (k, (f, t, e)) in edges.iter().enumerate() {
        if !e.valid.is_unbounded() {
            dated.entry(undated_key(*f, *t, e)).or_default().push(k);
        }
    }
    if dated.is_empty() {
        return;
    }
    let mut folds: Vec<(usize, usize)> = Vec::new();
    for (k, (f, t, e)) in edges.iter().enumerate() {
        if !e.valid.is_unbounded() || e.attested.is_empty() {
            continue;
        }
        let Some(candidates) = dated.get(&undated_key(*f, *t, e)) else {
            continue;
        };
        let terms: Vec<usize> = candidates
            .iter()
            .copied()
            .filter(|&d| {
                holders.disjoint(k, d)
                    && edges.get(d).is_some_and(|(_, _, de)| {
                        e.attested
                            .iter()
                            .all(|a| de.valid.contains(a) == Containment::Inside)
                    })
            })
            .collect();
        if let [only] = terms[..] {
            folds.push((k, only));
        }
    }
    if folds.is_empty() {
        return;
    }
    let mut gone = vec![false; edges.len()];
    for (undated, term) in folds {
        let Some((_, _, e)) = edges.get(undated).cloned() else {
            continue;
        };
        if let Some((_, _, d)) = edges.get_mut(term) {
            d.attested.extend(e.attested.iter().copied());
            crate::model::normalize_attested(&mut d.attested);
            union_citations(&mut d.citations, &e.citations);
            if d.attributes != e.attributes {
                let both = holders.labels_of(&[undated, term], inputs).join(", ");
                let key = format!("{:?} {}", d.kind, d.valid);
                merge_attributes(&mut d.attributes, &e.attributes, &key, &both, conflicts);
            }
        }
        if let Some(g) = gone.get_mut(undated) {
            *g = true;
        }
    }
    let mut k = 0;
    edges.retain(|_| {
        let keep = !gone.get(k).copied().unwrap_or(false);
        k += 1;
        keep
    });
}

/// Phase 7: the merged graph must still be valid; alias clashes between inputs are conflicts.
fn check_merged(
    graph: &Graph,
    inputs: &[(&str, &Graph)],
    conflicts: &mut Vec<Problem>,
) -> Result<()> {
    let mut errors = Vec::new();
    // What the merge made must load back: a node that gathers more aliases or citations from
    // its inputs than a default load accepts is refused, naming the node and its inputs.
    let limits = crate::format::Limits::default();
    for (_, n) in graph.nodes() {
        for mut p in crate::format::built_limits::node(n, &limits) {
            let from = inputs_with(inputs, &n.id);
            if !from.is_empty() {
                p.message = format!("{} (merged from {})", p.message, from.join(", "));
            }
            errors.push(p);
        }
    }
    for e in graph.edges() {
        // The edge's name is only spelled out when it breaks a limit (checked again with it).
        if crate::format::built_limits::edge(e.edge, "", &limits).is_empty() {
            continue;
        }
        let id = format!("{} {} {}", e.from.id, e.edge.kind, e.to.id);
        errors.extend(crate::format::built_limits::edge(e.edge, &id, &limits));
    }
    for (subject, p) in validate::check_graph(graph) {
        if p.code == ProblemCode::AliasConflict {
            let id = match subject {
                Subject::Node(id) => id,
                Subject::Edge(_) => String::new(),
            };
            conflicts.push(conflict(&id, p.message, &inputs_with(inputs, &id)));
        } else {
            errors.push(p);
        }
    }
    if !errors.is_empty() {
        return Err(Error::invalid(errors));
    }
    Ok(())
}

/// Whether any id a node refers to (citation sources and intermediaries, lifecycle parties
/// and places) is `renamed`.
fn refers_to_renamed(node: &Node, renamed: impl Fn(&str) -> bool) -> bool {
    let cites =
        |c: &crate::provenance::Citation| renamed(&c.source) || c.via.iter().any(|v| renamed(v));
    node.citations.iter().any(cites)
        || node.lifecycle().is_some_and(|l| {
            l.iter().any(|s| {
                s.party.as_deref().is_some_and(&renamed)
                    || s.place.as_deref().is_some_and(&renamed)
                    || s.citations.iter().any(cites)
            })
        })
}

/// Rewrites the ids a node refers to (citation sources and intermediaries, lifecycle parties
/// and places).
fn rename_references(node: &mut Node, rename: impl Fn(&str) -> String) {
    let fix = |c: &mut crate::provenance::Citation| {
        c.source = rename(&c.source);
        c.via = c.via.iter().map(|v| rename(v)).collect();
    };
    node.citations.iter_mut().for_each(fix);
    if let NodeDetails::Agreement { lifecycle, .. } = &mut node.details {
        for step in lifecycle {
            step.party = step.party.as_deref().map(&rename);
            step.place = step.place.as_deref().map(&rename);
            step.citations.iter_mut().for_each(fix);
        }
    }
}

fn inputs_with(inputs: &[(&str, &Graph)], id: &str) -> Vec<String> {
    inputs
        .iter()
        .filter(|(_, g)| {
            g.node(id).is_some()
                || id
                    .split('~')
                    .next()
                    .is_some_and(|base| g.node(base).is_some())
        })
        .map(|(label, _)| (*label).to_owned())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect()
}

fn conflict(id: &str, message: String, inputs: &[String]) -> Problem {
    Problem {
        code: ProblemCode::MergeConflict,
        message: if inputs.is_empty() {
            message
        } else {
            format!("{message} (in {})", inputs.join(", "))
        },
        id: Some(id.to_owned()),
        location: Location::default(),
    }
}

/// What makes two edges one fact: their ends, kind, dates and every qualifier (an empty text
/// qualifier counts as none, as in [`edge_key`]; a share by its bits). Edges that differ in a
/// qualifier (share, amount, position, title…) are distinct facts; edges that differ only in
/// citations or attributes are one fact.
type FactKey = (
    NodeIndex,
    crate::model::EdgeKind,
    NodeIndex,
    Option<crate::time::PartialDate>,
    Option<crate::time::PartialDate>,
    Option<String>,
    Option<String>,
    Option<u32>,
    Option<String>,
    Option<u64>,
    Option<String>,
);

/// [`FactKey`] borrowed from the edge: to hash and compare facts without allocating (it hashes
/// as the `FactKey` does).
type FactRef<'e> = (
    NodeIndex,
    crate::model::EdgeKind,
    NodeIndex,
    Option<crate::time::PartialDate>,
    Option<crate::time::PartialDate>,
    Option<&'e str>,
    Option<&'e str>,
    Option<u32>,
    Option<&'e str>,
    Option<u64>,
    Option<&'e str>,
);

fn fact_ref(from: NodeIndex, to: NodeIndex, e: &Edge) -> FactRef<'_> {
    fn text(t: Option<&str>) -> Option<&str> {
        t.filter(|t| !t.is_empty())
    }
    let q = e.qualifiers.as_deref();
    (
        from,
        e.kind,
        to,
        e.valid.start,
        e.valid.end,
        text(e.title()),
        text(e.on_behalf_of()),
        e.position(),
        text(e.relation()),
        q.and_then(|q| q.share).map(f64::to_bits),
        text(q.and_then(|q| q.amount.as_deref())),
    )
}

fn fact_key(from: NodeIndex, to: NodeIndex, e: &Edge) -> FactKey {
    let (from, kind, to, start, end, title, on_behalf_of, position, relation, share, amount) =
        fact_ref(from, to, e);
    let owned = |t: Option<&str>| t.map(str::to_owned);
    (
        from,
        kind,
        to,
        start,
        end,
        owned(title),
        owned(on_behalf_of),
        position,
        owned(relation),
        share,
        owned(amount),
    )
}

/// The fact an edge states, as text, for conflict reports.
fn edge_key(from: &str, to: &str, e: &Edge) -> String {
    let q = e.qualifiers.as_deref().cloned().unwrap_or_default();
    let show = |d: Option<crate::time::PartialDate>| d.map(|d| d.to_string()).unwrap_or_default();
    format!(
        "{from}\u{1f}{}\u{1f}{to}\u{1f}{}\u{1f}{}\u{1f}{}\u{1f}{}\u{1f}{}\u{1f}{}\u{1f}{}\u{1f}{}",
        e.kind,
        show(e.valid.start),
        show(e.valid.end),
        q.title.unwrap_or_default(),
        q.on_behalf_of.unwrap_or_default(),
        q.position.map(|p| p.to_string()).unwrap_or_default(),
        q.relation.unwrap_or_default(),
        q.share.map(|s| s.to_string()).unwrap_or_default(),
        q.amount.unwrap_or_default(),
    )
}

fn merge_attributes(
    into: &mut crate::model::Attributes,
    more: &crate::model::Attributes,
    id: &str,
    label: &str,
    conflicts: &mut Vec<Problem>,
) {
    for (k, v) in more {
        match into.get(k) {
            Some(old) if old != v => {
                let (a, b) = (old.to_string(), v.to_string());
                let (low, high) = if a <= b { (&a, &b) } else { (&b, &a) };
                conflicts.push(conflict(
                    id,
                    format!(
                        "`{}`: attribute `{k}` is {low} or {high}",
                        id.replace('\u{1f}', " ")
                    ),
                    &[label.to_owned()],
                ));
                if b < a {
                    into.insert(k.clone(), v.clone());
                }
            }
            Some(_) => {}
            None => {
                into.insert(k.clone(), v.clone());
            }
        }
    }
}

/// A value of a node the inputs may disagree on, other than its name, ids and lifecycle.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Field {
    OrganizationKind,
    AgreementKind,
    PlaceKind,
    EventStatus,
    EventKind,
    EventDates,
    Place,
    Words,
    StatementDate,
    SourceDate,
    SourceText,
}

impl Field {
    /// The field in words, for messages.
    fn name(self) -> &'static str {
        match self {
            Field::OrganizationKind => "organization kind",
            Field::AgreementKind => "agreement kind",
            Field::PlaceKind => "place kind",
            Field::EventStatus => "status",
            Field::EventKind => "event kind",
            Field::EventDates => "dates",
            Field::Place => "place",
            Field::Words => "the words",
            Field::StatementDate => "date",
            Field::SourceDate => "date",
            Field::SourceText => "text",
        }
    }

    /// The field's value in a node, in words; `None` when the node does not give it.
    fn value(self, node: &Node) -> Option<String> {
        match (self, &node.details) {
            (Field::OrganizationKind, NodeDetails::Organization { kind }) => Some(kind.to_string()),
            (Field::AgreementKind, NodeDetails::Agreement { kind, .. }) => Some(kind.to_string()),
            (Field::PlaceKind, NodeDetails::Place { kind }) => Some(kind.to_string()),
            (Field::EventStatus, NodeDetails::Event { status, .. }) => Some(status.to_string()),
            (Field::EventKind, NodeDetails::Event { kind, .. }) => Some(kind.to_string()),
            (Field::EventDates, NodeDetails::Event { when, .. }) => match (when.start, when.end) {
                (None, None) => None,
                (Some(s), Some(e)) if s == e => Some(s.to_string()),
                _ => Some(when.to_string()),
            },
            (Field::Place, NodeDetails::Event { place, .. }) => {
                place.as_ref().map(|p| format!("\"{p}\""))
            }
            (Field::Words, NodeDetails::Statement { text, .. }) => {
                Some(format!("\"{}\"", text.text()))
            }
            (Field::StatementDate, NodeDetails::Statement { date, .. })
            | (Field::SourceDate, NodeDetails::Source { date, .. }) => date.map(|d| d.to_string()),
            (Field::SourceText, NodeDetails::Source { text, .. }) => text
                .as_ref()
                .map(|t| format!("a text of {} characters", t.chars().count())),
            _ => None,
        }
    }
}

/// What merging two values of a field found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Finding {
    /// One value refines the other; the finer is kept.
    Refined,
    /// The values cannot both be true; a deterministic choice is kept.
    Conflict,
}

/// The notes of a merge that are not conflicts (`merge-refinement`).
fn refinement(id: &str, message: String) -> Problem {
    Problem {
        code: ProblemCode::MergeRefinement,
        message,
        id: Some(id.to_owned()),
        location: Location::default(),
    }
}

/// Each value the members give, with the inputs that give it: `"x" (in a.json) or "y" (in
/// b.json, c.json)`.
fn values_with_inputs(
    parts: &[(usize, &Node)],
    label: &dyn Fn(usize) -> String,
    value: impl Fn(&Node) -> Option<String>,
) -> String {
    let mut by_value: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for &(input, node) in parts {
        if let Some(v) = value(node) {
            by_value.entry(v).or_default().insert(label(input));
        }
    }
    by_value
        .into_iter()
        .map(|(v, labels)| {
            format!(
                "{v} (in {})",
                labels.into_iter().collect::<Vec<_>>().join(", ")
            )
        })
        .collect::<Vec<_>>()
        .join(" or ")
}

/// A text key of a node's whole content, to order members by what they say, never by the
/// name of the input that says it.
fn content_key(node: &Node) -> String {
    serde_json::to_string(node).unwrap_or_default()
}

fn merge_nodes(
    canonical: &str,
    parts: &[(usize, &Node)],
    inputs: &[(&str, &Graph)],
    conflicts: &mut Vec<Problem>,
    refinements: &mut Vec<Problem>,
) -> Node {
    let label = |i: usize| inputs.get(i).map_or("?", |(l, _)| *l).to_owned();
    // Members in the order of what they say: the canonical id first, then the smallest name,
    // then the whole record. Nothing depends on the inputs' labels or order.
    let mut sorted: Vec<(usize, &Node, String)> =
        parts.iter().map(|&(i, n)| (i, n, content_key(n))).collect();
    sorted.sort_by(|a, b| {
        (a.1.id != canonical, &a.1.name, &a.2).cmp(&(b.1.id != canonical, &b.1.name, &b.2))
    });
    let Some(&(_, first, _)) = sorted.first() else {
        return Node::new(canonical, canonical, NodeDetails::Person);
    };
    let mut node = first.clone();
    node.id = canonical.to_owned();
    if parts.iter().all(|(_, n)| *n == first) {
        return node;
    }
    let mut aliases: BTreeSet<String> = BTreeSet::new();
    let mut findings: BTreeMap<Field, Finding> = BTreeMap::new();
    let same_id: Vec<(usize, &Node)> = parts
        .iter()
        .copied()
        .filter(|(_, n)| n.id == canonical)
        .collect();
    if same_id.iter().any(|(_, n)| n.name != node.name) {
        conflicts.push(conflict(
            canonical,
            format!(
                "`{canonical}` is named {}; kept \"{}\", the others are aliases",
                values_with_inputs(&same_id, &label, |n| Some(format!("\"{}\"", n.name))),
                node.name
            ),
            &[],
        ));
    }
    let mut schemes: BTreeSet<&str> = BTreeSet::new();
    let all_labels = parts
        .iter()
        .map(|&(i, _)| label(i))
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect::<Vec<_>>()
        .join(", ");
    for &(_, other, _) in sorted.iter().skip(1) {
        if other.name != node.name {
            aliases.insert(other.name.clone());
        }
        aliases.extend(other.aliases.iter().cloned());
        for (scheme, value) in &other.external_ids {
            match node.external_ids.get(scheme) {
                Some(v) if v != value => {
                    schemes.insert(scheme);
                }
                Some(_) => {}
                None => {
                    node.external_ids.insert(scheme.clone(), value.clone());
                }
            }
        }
        merge_attributes(
            &mut node.attributes,
            &other.attributes,
            canonical,
            &all_labels,
            conflicts,
        );
        if node.citations != other.citations {
            union_citations(&mut node.citations, &other.citations);
        }
        merge_details(&mut node.details, &other.details, &mut |field, found| {
            let slot = findings.entry(field).or_insert(found);
            *slot = (*slot).max(found);
        });
    }
    for scheme in schemes {
        conflicts.push(conflict(
            canonical,
            format!(
                "`{canonical}` has {scheme} id {}; kept {}",
                values_with_inputs(parts, &label, |n| n.external_ids.get(scheme).cloned()),
                node.external_ids.get(scheme).map_or("", String::as_str)
            ),
            &[],
        ));
    }
    for (field, found) in findings {
        let values = values_with_inputs(parts, &label, |n| field.value(n));
        let kept = field.value(&node).unwrap_or_default();
        let name = field.name();
        match found {
            Finding::Conflict => conflicts.push(conflict(
                canonical,
                format!("`{canonical}`: {name} {values}; kept {kept}"),
                &[],
            )),
            Finding::Refined => refinements.push(refinement(
                canonical,
                format!("`{canonical}`: {name} {values}; kept the finer {kept}"),
            )),
        }
    }
    if let NodeDetails::Agreement { lifecycle, .. } = &mut node.details {
        let steps: Vec<(usize, &[LifecycleStep])> = parts
            .iter()
            .filter_map(|&(i, n)| n.lifecycle().map(|l| (i, l)))
            .collect();
        let mut found = lifecycle::Findings::default();
        *lifecycle = lifecycle::merge(canonical, &steps, &label, &mut found);
        conflicts.extend(
            found
                .conflicts
                .into_iter()
                .map(|m| conflict(canonical, m, &[])),
        );
        refinements.extend(
            found
                .refinements
                .into_iter()
                .map(|m| refinement(canonical, m)),
        );
    }
    if !aliases
        .iter()
        .all(|a| node.aliases.contains(a) || *a == node.name)
    {
        aliases.extend(node.aliases.iter().cloned());
        node.aliases = aliases.into_iter().filter(|a| *a != node.name).collect();
    }
    node
}

/// Folds `other`'s details into `into` (lifecycles are merged apart, over every member at
/// once), reporting each field where the two disagree. Each choice depends on the values alone:
/// a date or text that refines the other is kept; otherwise the smaller kind, status or
/// interval, or the longer text.
fn merge_details(
    into: &mut NodeDetails,
    other: &NodeDetails,
    report: &mut impl FnMut(Field, Finding),
) {
    match (into, other) {
        (NodeDetails::Organization { kind }, NodeDetails::Organization { kind: k2 })
            if kind != k2 =>
        {
            report(Field::OrganizationKind, Finding::Conflict);
            *kind = (*kind).min(*k2);
        }
        (NodeDetails::Agreement { kind, .. }, NodeDetails::Agreement { kind: k2, .. })
            if kind != k2 =>
        {
            report(Field::AgreementKind, Finding::Conflict);
            *kind = (*kind).min(*k2);
        }
        (NodeDetails::Place { kind }, NodeDetails::Place { kind: k2 }) if kind != k2 => {
            report(Field::PlaceKind, Finding::Conflict);
            *kind = (*kind).min(*k2);
        }
        (
            NodeDetails::Event {
                kind,
                when,
                place,
                status,
            },
            NodeDetails::Event {
                kind: k2,
                when: w2,
                place: p2,
                status: s2,
            },
        ) => {
            if status != s2 {
                report(Field::EventStatus, Finding::Conflict);
                *status = (*status).min(*s2);
            }
            if kind != k2 {
                report(Field::EventKind, Finding::Conflict);
                *kind = (*kind).min(*k2);
            }
            if when != w2 && !w2.is_unbounded() {
                if when.is_unbounded() {
                    *when = *w2;
                } else {
                    let start = fit::optional_dates(when.start, w2.start);
                    let end = fit::optional_dates(when.end, w2.end);
                    let refined = crate::time::Interval::new(
                        finer_or(start, when.start),
                        finer_or(end, when.end),
                    );
                    if matches!(start, Fit::Apart)
                        || matches!(end, Fit::Apart)
                        || refined.is_reversed()
                    {
                        report(Field::EventDates, Finding::Conflict);
                        if (w2.start, w2.end) < (when.start, when.end) {
                            *when = *w2;
                        }
                    } else {
                        report(Field::EventDates, Finding::Refined);
                        *when = refined;
                    }
                }
            }
            match (place.as_deref(), p2.as_deref()) {
                (Some(x), Some(y)) => match fit::texts(x, y) {
                    Fit::Same => {}
                    Fit::Refined(finer) => {
                        report(Field::Place, Finding::Refined);
                        *place = Some(finer);
                    }
                    Fit::Apart => {
                        report(Field::Place, Finding::Conflict);
                        *place = Some(fit::kept_text(x, y).to_owned());
                    }
                },
                (None, Some(_)) => place.clone_from(p2),
                _ => {}
            }
        }
        (NodeDetails::Statement { text, date }, NodeDetails::Statement { text: t2, date: d2 }) => {
            if text != t2 {
                report(Field::Words, Finding::Conflict);
                if (text.text(), format!("{text:?}")) > (t2.text(), format!("{t2:?}")) {
                    text.clone_from(t2);
                }
            }
            merge_date(date, *d2, Field::StatementDate, report);
        }
        (
            NodeDetails::Source { date, url, text },
            NodeDetails::Source {
                date: d2,
                url: u2,
                text: t2,
            },
        ) => {
            merge_date(date, *d2, Field::SourceDate, report);
            match (url.as_ref(), u2) {
                (None, Some(_)) => url.clone_from(u2),
                (Some(x), Some(y)) if y < x => url.clone_from(u2),
                _ => {}
            }
            match (text.as_ref(), t2) {
                (Some(x), Some(y)) if x != y => {
                    report(Field::SourceText, Finding::Conflict);
                    if fit::kept_text(x, y) == y {
                        text.clone_from(t2);
                    }
                }
                (None, Some(_)) => text.clone_from(t2),
                _ => {}
            }
        }
        _ => {}
    }
}

/// The finer date of a fit, or `current` when the dates are the same or apart.
fn finer_or(
    fit: Fit<crate::time::PartialDate>,
    current: Option<crate::time::PartialDate>,
) -> Option<crate::time::PartialDate> {
    match fit {
        Fit::Refined(d) => Some(d),
        Fit::Same | Fit::Apart => current,
    }
}

/// Merges one optional date of a node: a finer date refines, a missing one is filled, two
/// dates that cannot both be true are a conflict keeping the earlier.
fn merge_date(
    date: &mut Option<crate::time::PartialDate>,
    other: Option<crate::time::PartialDate>,
    field: Field,
    report: &mut impl FnMut(Field, Finding),
) {
    match (*date, other) {
        (Some(x), Some(y)) => match fit::dates(x, y) {
            Fit::Same => {}
            Fit::Refined(finer) => {
                report(field, Finding::Refined);
                *date = Some(finer);
            }
            Fit::Apart => {
                report(field, Finding::Conflict);
                *date = Some(x.min(y));
            }
        },
        (None, y) => *date = y,
        (Some(_), None) => {}
    }
}
