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
use std::collections::hash_map::RandomState;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use crate::error::{Error, Location, Problem, ProblemCode, Result};
use crate::graph::{Graph, NodeIndex};
use crate::identity::{self, normalize};
use crate::model::{AgreementTerms, Edge, LifecycleStep, Node, NodeDetails, NodeKind, Vote};
use crate::order;
use crate::provenance::{union_citations, Citation};
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
    let groups = group_members(&members, &nodes);
    let canonical: Vec<&str> = groups.iter().map(|list| members.canonical(list)).collect();
    let renames = Renames::new(inputs, &members, &groups, &canonical);
    for ((input, _), node) in members.ids.iter().zip(&mut nodes) {
        // A node is copied only when one of its references is renamed.
        if renames.renames_any(*input)
            && refers_to_renamed(node, |id| renames.renamed(*input, id).is_some())
        {
            rename_references(node.to_mut(), |id| renames.rename(*input, id));
        }
    }
    let merged_nodes = merge_groups(
        &members,
        &nodes,
        &groups,
        &canonical,
        inputs,
        &mut conflicts,
        &mut refinements,
    );
    let mut graph = Graph::new();
    carry_titles(inputs, title, &mut graph);
    graph.reserve(merged_nodes.len(), 0);
    // Each group's merged node, then each member's.
    let mut at_group: Vec<Option<NodeIndex>> = vec![None; merged_nodes.len()];
    for (g, n) in merged_nodes {
        let ix = graph.insert_node_unchecked(n);
        if let Some(slot) = at_group.get_mut(g) {
            *slot = Some(ix);
        }
    }
    let at_member: Vec<Option<NodeIndex>> = groups
        .of
        .iter()
        .map(|&g| at_group.get(g).copied().flatten())
        .collect();
    drop(at_group);
    merge_edges(
        inputs,
        &mut graph,
        &members,
        &at_member,
        &renames,
        &mut conflicts,
    );
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
    /// The ids that name nodes of more than one kind across the inputs, with those kinds.
    clashes: HashMap<&'g str, BTreeSet<NodeKind>>,
    /// Each member's input and its id, made unique by kind.
    ids: Vec<(usize, Cow<'g, str>)>,
    /// When no id clashes: for each member, the first member with its id.
    same_id: Option<Vec<usize>>,
    /// By input: its first member (the members of an input follow its nodes' order).
    starts: Vec<usize>,
}

impl<'g> Members<'g> {
    fn collect(
        inputs: &[(&str, &'g Graph)],
        conflicts: &mut Vec<Problem>,
    ) -> (Self, Vec<Cow<'g, Node>>) {
        let total: usize = inputs.iter().map(|(_, g)| g.node_count()).sum();
        // The first kind each id names, and its first member; a second kind makes the id a
        // clash. Members are numbered in this same order.
        let mut first_of: HashMap<&'g str, (NodeKind, usize)> = HashMap::with_capacity(total);
        let mut clashes: HashMap<&'g str, BTreeSet<NodeKind>> = HashMap::new();
        let mut same_id = Vec::with_capacity(total);
        for (_, g) in inputs {
            for (_, n) in g.nodes() {
                let m = same_id.len();
                let (first, at) = *first_of.entry(&n.id).or_insert((n.kind(), m));
                same_id.push(at);
                if first != n.kind() {
                    clashes
                        .entry(&n.id)
                        .or_insert_with(|| BTreeSet::from([first]))
                        .insert(n.kind());
                }
            }
        }
        drop(first_of);
        for (id, kinds) in &clashes {
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
        // Without clashes every member keeps its id, so the first member of each id is the
        // first member of each id as the merge knows it.
        let same_id = clashes.is_empty().then_some(same_id);
        let mut members = Members {
            clashes,
            same_id,
            ids: Vec::with_capacity(total),
            starts: Vec::with_capacity(inputs.len()),
        };
        let mut nodes = Vec::with_capacity(total);
        for (i, (_, g)) in inputs.iter().enumerate() {
            members.starts.push(members.ids.len());
            for (_, n) in g.nodes() {
                let id = members.local_id(&n.id, n.kind());
                let node = match &id {
                    Cow::Borrowed(_) => Cow::Borrowed(n),
                    Cow::Owned(id) => {
                        let mut n = n.clone();
                        n.id.clone_from(id);
                        Cow::Owned(n)
                    }
                };
                members.ids.push((i, id));
                nodes.push(node);
            }
        }
        (members, nodes)
    }

    /// An input's id as the merge knows it: `id~kind` for a node whose id another input
    /// uses for a node of another kind (the first kind in order keeps the plain id).
    fn local_id<'i>(&self, id: &'i str, kind: NodeKind) -> Cow<'i, str> {
        if self.clashes.is_empty() {
            return Cow::Borrowed(id);
        }
        match self.clashes.get(id) {
            Some(kinds) if kinds.iter().next() != Some(&kind) => Cow::Owned(format!("{id}~{kind}")),
            _ => Cow::Borrowed(id),
        }
    }

    /// The input member `m` comes from.
    fn input(&self, m: usize) -> usize {
        self.ids.get(m).map_or(usize::MAX, |(i, _)| *i)
    }

    /// The canonical id of a group: its smallest member id.
    fn canonical(&self, group: &[usize]) -> &str {
        group
            .iter()
            .filter_map(|&m| self.ids.get(m).map(|(_, id)| id.as_ref()))
            .min()
            .unwrap_or_default()
    }
}

/// Phase 2's answer: the groups of members that name one entity, in the order of their
/// smallest member, each listing its members in order.
struct Groups {
    /// Each member's group.
    of: Vec<usize>,
    /// The members, group after group.
    members: Vec<usize>,
    /// Where each group's members start in `members` (and, last, their count).
    starts: Vec<usize>,
}

impl Groups {
    /// From each member's root (its group's smallest member).
    fn from_roots(roots: &[usize]) -> Self {
        let mut of = vec![usize::MAX; roots.len()];
        let mut sizes: Vec<usize> = Vec::new();
        for (m, &root) in roots.iter().enumerate() {
            // A root is its group's smallest member, so it is numbered before the others.
            let g = if root == m {
                sizes.push(0);
                sizes.len() - 1
            } else {
                of.get(root).copied().unwrap_or(usize::MAX)
            };
            if let Some(slot) = of.get_mut(m) {
                *slot = g;
            }
            if let Some(size) = sizes.get_mut(g) {
                *size += 1;
            }
        }
        let mut starts = Vec::with_capacity(sizes.len() + 1);
        let mut at = 0;
        for size in &sizes {
            starts.push(at);
            at += size;
        }
        starts.push(at);
        let mut next = starts.clone();
        let mut members = vec![0; roots.len()];
        for (m, &g) in of.iter().enumerate() {
            if let Some(slot) = next.get_mut(g) {
                if let Some(place) = members.get_mut(*slot) {
                    *place = m;
                }
                *slot += 1;
            }
        }
        Groups {
            of,
            members,
            starts,
        }
    }

    /// Each group's members, in order.
    fn iter(&self) -> impl Iterator<Item = &[usize]> + '_ {
        self.starts
            .windows(2)
            .map(|w| self.members.get(w[0]..w[1]).unwrap_or_default())
    }
}

/// Phase 3: the id each input's node ids and references now name: made unique by kind, then
/// the canonical id of the node's group.
struct Renames<'m> {
    /// By input: each id it names that now names another id (only those: most ids stay).
    by_input: Vec<HashMap<&'m str, &'m str>>,
}

impl<'m> Renames<'m> {
    fn new(
        inputs: &[(&str, &'m Graph)],
        members: &'m Members<'m>,
        groups: &Groups,
        canonical: &[&'m str],
    ) -> Self {
        let final_id = |m: usize| {
            groups
                .of
                .get(m)
                .and_then(|&g| canonical.get(g))
                .copied()
                .unwrap_or_default()
        };
        let by_input = inputs
            .iter()
            .enumerate()
            .map(|(i, (_, g))| {
                let start = members.starts.get(i).copied().unwrap_or_default();
                let mut renamed: HashMap<&'m str, &'m str> = HashMap::new();
                // A reference to an id made unique by kind (`id~kind`) names that member.
                for (k, _) in g.nodes().enumerate() {
                    if let Some((_, Cow::Owned(local))) = members.ids.get(start + k) {
                        if final_id(start + k) != local.as_str() {
                            renamed.insert(local.as_str(), final_id(start + k));
                        }
                    }
                }
                // A reference to a node's own id names its group's canonical id.
                for (k, (_, n)) in g.nodes().enumerate() {
                    let to = final_id(start + k);
                    if to == n.id {
                        if !renamed.is_empty() {
                            renamed.remove(n.id.as_str());
                        }
                    } else {
                        renamed.insert(n.id.as_str(), to);
                    }
                }
                renamed
            })
            .collect();
        Renames { by_input }
    }

    /// The id an input's reference now names, when it is not `raw` itself (no allocation).
    fn renamed(&self, input: usize, raw: &str) -> Option<&'m str> {
        self.by_input.get(input)?.get(raw).copied()
    }

    /// Whether any reference of an input names another id now.
    fn renames_any(&self, input: usize) -> bool {
        self.by_input.get(input).is_some_and(|m| !m.is_empty())
    }

    /// Renames an input's reference in place, allocating only when it changes.
    fn rename_in_place(&self, input: usize, id: &mut String) {
        if let Some(to) = self.renamed(input, id) {
            *id = to.to_owned();
        }
    }

    /// The id an input's reference now names.
    fn rename(&self, input: usize, raw: &str) -> String {
        self.renamed(input, raw).unwrap_or(raw).to_owned()
    }
}

/// Phase 4: each group's members (references already renamed) merged into one node under the
/// group's canonical id; with its group, in the canonical node order.
fn merge_groups(
    members: &Members<'_>,
    nodes: &[Cow<'_, Node>],
    groups: &Groups,
    canonical: &[&str],
    inputs: &[(&str, &Graph)],
    conflicts: &mut Vec<Problem>,
    refinements: &mut Vec<Problem>,
) -> Vec<(usize, Node)> {
    let mut parts: Vec<(usize, &Node)> = Vec::new();
    let mut merged: Vec<Option<Node>> = Vec::with_capacity(canonical.len());
    for (list, canonical) in groups.iter().zip(canonical) {
        parts.clear();
        parts.extend(
            list.iter()
                .filter_map(|&m| Some((members.input(m), &**nodes.get(m)?))),
        );
        let node = merge_nodes(canonical, &parts, inputs, conflicts, refinements);
        merged.push(Some(node));
    }
    // Ordered through small keys: sorting the nodes themselves moves each node many times.
    let mut keys: Vec<(NodeKind, &str, usize)> = merged
        .iter()
        .enumerate()
        .filter_map(|(g, n)| n.as_ref().map(|n| (n.kind(), n.id.as_str(), g)))
        .collect();
    keys.sort_unstable();
    let order: Vec<usize> = keys.into_iter().map(|(_, _, g)| g).collect();
    order
        .into_iter()
        .filter_map(|g| Some((g, merged.get_mut(g)?.take()?)))
        .collect()
}

/// Phase 2: groups the members that name one entity (same id, same external id, or an alias
/// naming exactly one other group).
fn group_members(all: &Members<'_>, member_nodes: &[Cow<'_, Node>]) -> Groups {
    let members = &all.ids;
    // Union-find over members: same id, same external id, alias naming the other.
    let mut sets = UnionFind::new(members.len());
    let mut first_by_id: HashMap<&str, usize> = HashMap::new();
    let mut first_by_external: HashMap<String, usize> = HashMap::new();
    for (m, ((_, id), node)) in members.iter().zip(member_nodes).enumerate() {
        if let Some(same_id) = &all.same_id {
            if let Some(&first) = same_id.get(m).filter(|&&first| first != m) {
                sets.union(m, first);
            }
        } else {
            match first_by_id.get(id.as_ref()) {
                Some(&other) => sets.union(m, other),
                None => {
                    first_by_id.insert(id, m);
                }
            }
        }
        // A blank external id identifies nothing: it must not unify anything.
        for (s, v) in node
            .external_ids
            .iter()
            .filter(|(_, v)| !v.trim().is_empty())
        {
            let key = format!("{}\u{1f}{s}\u{1f}{v}", node.kind());
            match first_by_external.get(&key) {
                Some(&other) => sets.union(m, other),
                None => {
                    first_by_external.insert(key, m);
                }
            }
        }
    }
    drop(first_by_id);
    drop(first_by_external);
    // Aliases: a declared alias of one member that is the name of exactly one other group of
    // the same kind. Two nodes that merely share an alias ("the ministry") stay apart; the
    // shared alias is then reported as a conflict. Nor does an alias unite two groups that
    // hold nodes of one input: an input that gives two nodes different ids says they are
    // different entities (and a merge whose names collide would otherwise collapse them when
    // merged again with one of its inputs).
    // A member saying what the first member of its group says adds no name or alias: it is
    // left out of the names (its group is found through that first member).
    let roots: Vec<usize> = (0..members.len()).map(|m| sets.find(m)).collect();
    let repeats = |m: usize, same: &dyn Fn(&Node, &Node) -> bool| {
        roots.get(m).is_some_and(|&root| {
            root != m
                && matches!(
                    (member_nodes.get(root), member_nodes.get(m)),
                    (Some(r), Some(n)) if same(r, n)
                )
        })
    };
    let wanted: HashSet<(NodeKind, String)> = member_nodes
        .iter()
        .enumerate()
        .filter(|(m, _)| !repeats(*m, &|r, n| r.aliases == n.aliases))
        .flat_map(|(_, node)| node.aliases.iter().map(|a| (node.kind(), normalize(a))))
        .collect();
    if !wanted.is_empty() {
        let mut inputs_in: Vec<InputSet> = vec![InputSet::default(); members.len()];
        for ((input, _), &root) in members.iter().zip(&roots) {
            if let Some(set) = inputs_in.get_mut(root) {
                set.insert(*input);
            }
        }
        // Members by their name, for the names some alias gives (members in order).
        // An unnamed node ("a senior US official") is one entity only by id or external id:
        // two reports' unnamed officials may be two people, so its name and aliases unite
        // nothing.
        let mut names: HashMap<(NodeKind, String), Vec<usize>> = HashMap::new();
        for (m, node) in member_nodes.iter().enumerate() {
            if node.unnamed.is_some() || repeats(m, &|r, n| r.name == n.name) {
                continue;
            }
            let key = (node.kind(), normalize(&node.name));
            if wanted.contains(&key) {
                names.entry(key).or_default().push(m);
            }
        }
        for (m, node) in member_nodes.iter().enumerate() {
            if node.unnamed.is_some() {
                continue;
            }
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
                let (Some(mine), Some(theirs)) = (inputs_in.get(own), inputs_in.get(other)) else {
                    continue;
                };
                if groups.len() == 1 && mine.is_disjoint(theirs) {
                    let both = mine.union(theirs);
                    sets.union(own, other);
                    if let Some(slot) = inputs_in.get_mut(own.min(other)) {
                        *slot = both;
                    }
                }
            }
        }
    }
    let roots: Vec<usize> = (0..members.len()).map(|m| sets.find(m)).collect();
    Groups::from_roots(&roots)
}

/// A set of inputs by number: the first 64 as bits (no allocation for the usual few inputs).
#[derive(Debug, Clone, Default)]
struct InputSet {
    low: u64,
    high: BTreeSet<usize>,
}

impl InputSet {
    fn insert(&mut self, input: usize) {
        match u32::try_from(input).ok().and_then(|i| 1u64.checked_shl(i)) {
            Some(bit) => self.low |= bit,
            None => {
                self.high.insert(input);
            }
        }
    }

    fn is_disjoint(&self, other: &InputSet) -> bool {
        self.low & other.low == 0 && self.high.is_disjoint(&other.high)
    }

    fn union(&self, other: &InputSet) -> InputSet {
        InputSet {
            low: self.low | other.low,
            high: self.high.union(&other.high).copied().collect(),
        }
    }
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
    members: &Members<'_>,
    at_member: &[Option<NodeIndex>],
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
    let fact_keys = RandomState::new();
    for (i, (_, g)) in inputs.iter().enumerate() {
        // One input may state one fact more than once (with other citations or attributes):
        // those statements stay apart, and the k-th statement of a fact in one input is united
        // with the k-th in another, counting in the canonical order. So a graph merged with
        // itself is itself.
        // Each input node's merged node, found once per node rather than once per edge end.
        let size = g.nodes().map(|(ix, _)| ix.index() + 1).max().unwrap_or(0);
        let mut ends: Vec<Option<NodeIndex>> = vec![None; size];
        let start = members.starts.get(i).copied().unwrap_or_default();
        for (k, (ix, _)) in g.nodes().enumerate() {
            if let Some(slot) = ends.get_mut(ix.index()) {
                *slot = at_member.get(start + k).copied().flatten();
            }
        }
        let end = |ix: NodeIndex| ends.get(ix.index()).copied().flatten();
        let renaming = renames.renames_any(i);
        // Only the statements of a fact stated more than once need the canonical order (to
        // count the k-th); the rest are taken as stored, which spares sorting every edge. Facts
        // are counted by a hash: a collision only sends an edge down the general path.
        let mut bytes: Vec<u8> = Vec::with_capacity(128);
        let keys = &fact_keys;
        // Each statement's position by its fact's hash, to mark the facts stated more than
        // once (the first statement is marked when a second comes).
        let mut first_of: HashMap<u64, usize> = HashMap::with_capacity(g.edge_count());
        let mut stated: Vec<Stated<'_>> = Vec::with_capacity(g.edge_count());
        for view in g.edges() {
            let (Some(f), Some(t)) = (end(view.from_index), end(view.to_index)) else {
                continue;
            };
            // An edge is copied here only when its references are renamed; otherwise when
            // it becomes a merged edge (never when it repeats a fact already merged).
            let renamed = renaming.then(|| {
                let mut edge = view.edge.clone();
                if let Some(q) = edge.qualifiers.as_deref_mut() {
                    if let Some(p) = &mut q.on_behalf_of {
                        renames.rename_in_place(i, p);
                    }
                    if let Some(p) = &mut q.acting_for {
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
                edge
            });
            let hash = fact_hash(
                keys,
                &mut bytes,
                fact_ref(f, t, renamed.as_ref().unwrap_or(view.edge)),
            );
            let mut repeated = false;
            match first_of.entry(hash) {
                std::collections::hash_map::Entry::Vacant(e) => {
                    e.insert(stated.len());
                }
                std::collections::hash_map::Entry::Occupied(e) => {
                    repeated = true;
                    if let Some(first) = stated.get_mut(*e.get()) {
                        first.repeated = true;
                    }
                }
            }
            stated.push(Stated {
                view,
                from: f,
                to: t,
                renamed,
                hash,
                repeated,
            });
        }
        drop(first_of);
        // The statements taken as stored, then those of facts stated more than once, in the
        // canonical order.
        let mut repeated: Vec<usize> = Vec::new();
        let mut order: Vec<usize> = Vec::with_capacity(stated.len());
        for (k, s) in stated.iter().enumerate() {
            if s.repeated {
                repeated.push(k);
            } else {
                order.push(k);
            }
        }
        let view_at = |k: usize| stated.get(k).map(|s| &s.view);
        repeated.sort_by(|&a, &b| match (view_at(a), view_at(b)) {
            (Some(a), Some(b)) => order::cmp_edges(a, b),
            _ => a.cmp(&b),
        });
        let first_repeated = order.len();
        order.extend(repeated);
        let mut seen: HashMap<FactKey, usize> = HashMap::default();
        for (n, k) in order.into_iter().enumerate() {
            let Some(s) = stated.get_mut(k) else {
                continue;
            };
            let (f, t, hash) = (s.from, s.to, s.hash);
            let edge: &Edge = s.renamed.as_ref().unwrap_or(s.view.edge);
            let occurrence = if n >= first_repeated {
                let n = seen.entry(fact_key(f, t, edge)).or_insert(0);
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
                    .is_some_and(|(ef, et, e)| fact_ref(*ef, *et, e) == fact_ref(f, t, edge))
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
                        let key = edge_key(id(f), id(t), edge);
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
                    let edge = s.renamed.take().unwrap_or_else(|| s.view.edge.clone());
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
    // The nodes were inserted in (kind, id) order: a few sorted runs, which the stable sort
    // merges instead of sorting from scratch (ids are unique: the order is the same).
    by_id.sort();
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

/// One edge of an input, as the merge sees it.
struct Stated<'g> {
    /// The edge in its input.
    view: crate::graph::EdgeView<'g>,
    /// Its ends in the merged graph.
    from: NodeIndex,
    to: NodeIndex,
    /// Its copy with references renamed, in an input where some are.
    renamed: Option<Edge>,
    /// The hash of the fact it states.
    hash: u64,
    /// Whether its input states that fact more than once.
    repeated: bool,
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
    let cites = |c: &Citation| renamed(&c.source) || c.via.iter().any(|v| renamed(v));
    node.citation_lists().flatten().any(cites)
        || node.lifecycle().is_some_and(|l| {
            l.iter().any(|s| {
                s.party.as_deref().is_some_and(&renamed) || s.place.as_deref().is_some_and(&renamed)
            })
        })
}

/// Rewrites the ids a node refers to (citation sources and intermediaries, lifecycle parties
/// and places).
fn rename_references(node: &mut Node, rename: impl Fn(&str) -> String) {
    let fix = |c: &mut Citation| {
        c.source = rename(&c.source);
        c.via = c.via.iter().map(|v| rename(v)).collect();
    };
    for citations in node.citation_lists_mut() {
        citations.iter_mut().for_each(fix);
    }
    if let NodeDetails::Agreement { lifecycle, .. } = &mut node.details {
        for step in lifecycle {
            step.party = step.party.as_deref().map(&rename);
            step.place = step.place.as_deref().map(&rename);
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
    // The place in an attribution chain: position and chain.
    (Option<u32>, u32),
    Option<String>,
    Option<u64>,
    Option<String>,
    // A party's role and acting state; a signing's place.
    (
        Option<crate::model::PartyRole>,
        Option<String>,
        Option<String>,
    ),
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
    // The place in an attribution chain: position and chain.
    (Option<u32>, u32),
    Option<&'e str>,
    Option<u64>,
    Option<&'e str>,
    (
        Option<crate::model::PartyRole>,
        Option<&'e str>,
        Option<&'e str>,
    ),
);

/// The hash of a fact: its parts laid out as bytes in `bytes` (reused from edge to edge), then
/// hashed in one call (hashing part by part costs a call of the hasher per field), with the
/// merge's random keys: facts come from files, and fixed keys would let a crafted file give
/// many facts one hash.
fn fact_hash(keys: &RandomState, bytes: &mut Vec<u8>, fact: FactRef<'_>) -> u64 {
    use std::hash::{BuildHasher, Hash, Hasher};
    /// A hasher that only collects the bytes it is given.
    struct Collect<'b>(&'b mut Vec<u8>);
    impl Hasher for Collect<'_> {
        fn write(&mut self, b: &[u8]) {
            self.0.extend_from_slice(b);
        }
        fn finish(&self) -> u64 {
            0
        }
    }
    bytes.clear();
    fact.hash(&mut Collect(bytes));
    keys.hash_one(&**bytes)
}

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
        (e.position(), e.chain()),
        text(e.relation()),
        q.and_then(|q| q.share).map(f64::to_bits),
        text(q.and_then(|q| q.amount.as_deref())),
        (
            q.and_then(|q| q.role),
            text(e.acting_for()),
            text(e.place()),
        ),
    )
}

fn fact_key(from: NodeIndex, to: NodeIndex, e: &Edge) -> FactKey {
    let (from, kind, to, start, end, title, on_behalf_of, place, relation, share, amount, party) =
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
        place,
        owned(relation),
        share,
        owned(amount),
        (party.0, owned(party.1), owned(party.2)),
    )
}

/// The fact an edge states, as text, for conflict reports.
fn edge_key(from: &str, to: &str, e: &Edge) -> String {
    let q = e.qualifiers.as_deref().cloned().unwrap_or_default();
    let show = |d: Option<crate::time::PartialDate>| d.map(|d| d.to_string()).unwrap_or_default();
    // A party's role and acting state, only when stated: keys of other edges stay as they were.
    let party = match (q.role, &q.acting_for) {
        (None, None) => String::new(),
        (role, state) => format!(
            "\u{1f}{}\u{1f}{}",
            role.map(|r| r.as_str()).unwrap_or_default(),
            state.as_deref().unwrap_or_default()
        ),
    };
    // A signing's place, only when stated, likewise.
    let party = match &q.place {
        None => party,
        Some(place) => format!("{party}\u{1f}at {place}"),
    };
    format!(
        "{from}\u{1f}{}\u{1f}{to}\u{1f}{}\u{1f}{}\u{1f}{}\u{1f}{}\u{1f}{}{}\u{1f}{}\u{1f}{}\u{1f}{}{party}",
        e.kind,
        show(e.valid.start),
        show(e.valid.end),
        q.title.unwrap_or_default(),
        q.on_behalf_of.unwrap_or_default(),
        q.position.map(|p| p.to_string()).unwrap_or_default(),
        // The chain, when not 1, goes with the position: "2 of chain 3".
        q.chain.map(|c| format!(" of chain {c}")).unwrap_or_default(),
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
    Binding,
    Renewal,
    Vote,
    EventStatus,
    EventKind,
    EventDates,
    Place,
    Words,
    Cue,
    Unnamed,
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
            Field::Binding => "binding",
            Field::Renewal => "renewal terms",
            Field::Vote => "vote",
            Field::EventStatus => "status",
            Field::EventKind => "event kind",
            Field::EventDates => "dates",
            Field::Place => "place",
            Field::Words => "the words",
            Field::Cue => "the reporting words",
            Field::Unnamed => "is",
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
            (Field::Binding, _) => node.terms()?.binding.as_ref().map(|b| b.value.to_string()),
            (Field::Renewal, _) => node
                .terms()?
                .renewal
                .as_ref()
                .map(|r| format!("\"{}\"", r.terms)),
            (Field::Vote, _) => node.terms()?.vote.as_ref().map(|v| {
                format!(
                    "{} for, {} against, {} abstaining",
                    v.in_favour, v.against, v.abstaining
                )
            }),
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
            (Field::Unnamed, NodeDetails::Person | NodeDetails::Organization { .. }) => Some(
                node.unnamed
                    .as_ref()
                    .map_or_else(|| "named".to_owned(), |d| format!("unnamed (\"{d}\")")),
            ),
            (Field::Cue, NodeDetails::Statement { cue, .. }) => {
                cue.as_ref().map(|c| format!("\"{}\"", c.words))
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
    // Members that all say the same are that node (no order to find among them).
    if let Some(&(_, first)) = parts.first() {
        if parts.iter().all(|(_, n)| *n == first) {
            let mut node = first.clone();
            node.id = canonical.to_owned();
            return node;
        }
    }
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
        if node.unnamed != other.unnamed {
            // Unnamed wins over named (the node stays found by its id only), and of two
            // descriptions the one [`fit::kept_text`] keeps: a choice on the values alone.
            findings.insert(Field::Unnamed, Finding::Conflict);
            node.unnamed = match (node.unnamed.take(), &other.unnamed) {
                (Some(a), Some(b)) => Some(fit::kept_text(&a, b).to_owned()),
                (a, b) => a.or_else(|| b.clone()),
            };
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
        // One spelling of each name: "ROK" and "rok" from two inputs are one alias.
        node.aliases = identity::distinct_aliases(&node.name, aliases);
    }
    node
}

/// Folds `other`'s terms of an agreement into `into`: a term one side states is kept; one both
/// state with the same value keeps the citations of both; different values are a conflict
/// that keeps, by the values alone, `false` for `binding`, the longer renewal terms and the
/// smaller vote count, with the citations of both (the conflict names each input's value).
fn merge_terms(
    into: &mut AgreementTerms,
    other: &AgreementTerms,
    report: &mut impl FnMut(Field, Finding),
) {
    merge_term(
        &mut into.binding,
        other.binding.as_ref(),
        Field::Binding,
        report,
    );
    merge_term(
        &mut into.renewal,
        other.renewal.as_ref(),
        Field::Renewal,
        report,
    );
    merge_term(&mut into.vote, other.vote.as_ref(), Field::Vote, report);
}

/// A term of an agreement, as the merge sees it: a value and its citations.
trait Term: Clone {
    /// Whether the two state the same value.
    fn same(&self, other: &Self) -> bool;
    /// Keeps, of two different values, the one the rule picks (by the values alone).
    fn pick(&mut self, other: &Self);
    fn citations_mut(&mut self) -> &mut Vec<Citation>;
    fn citations(&self) -> &[Citation];
}

impl Term for crate::model::Binding {
    fn same(&self, other: &Self) -> bool {
        self.value == other.value
    }
    fn pick(&mut self, other: &Self) {
        self.value &= other.value;
    }
    fn citations_mut(&mut self) -> &mut Vec<Citation> {
        &mut self.citations
    }
    fn citations(&self) -> &[Citation] {
        &self.citations
    }
}

impl Term for crate::model::Renewal {
    fn same(&self, other: &Self) -> bool {
        self.terms == other.terms
    }
    fn pick(&mut self, other: &Self) {
        if (other.terms.len(), &other.terms) > (self.terms.len(), &self.terms) {
            self.terms.clone_from(&other.terms);
        }
    }
    fn citations_mut(&mut self) -> &mut Vec<Citation> {
        &mut self.citations
    }
    fn citations(&self) -> &[Citation] {
        &self.citations
    }
}

impl Term for Vote {
    fn same(&self, other: &Self) -> bool {
        vote_key(self) == vote_key(other)
    }
    fn pick(&mut self, other: &Self) {
        if vote_key(other) < vote_key(self) {
            let citations = std::mem::take(&mut self.citations);
            *self = Vote {
                citations,
                ..other.clone()
            };
        }
    }
    fn citations_mut(&mut self) -> &mut Vec<Citation> {
        &mut self.citations
    }
    fn citations(&self) -> &[Citation] {
        &self.citations
    }
}

fn vote_key(v: &Vote) -> (u32, u32, u32, Option<crate::time::PartialDate>) {
    (v.in_favour, v.against, v.abstaining, v.date)
}

fn merge_term<T: Term>(
    into: &mut Option<T>,
    other: Option<&T>,
    field: Field,
    report: &mut impl FnMut(Field, Finding),
) {
    match (into.as_mut(), other) {
        (_, None) => {}
        (None, Some(o)) => *into = Some(o.clone()),
        (Some(i), Some(o)) => {
            if !i.same(o) {
                report(field, Finding::Conflict);
                i.pick(o);
            }
            union_citations(i.citations_mut(), o.citations());
        }
    }
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
        (
            NodeDetails::Agreement { kind, terms, .. },
            NodeDetails::Agreement {
                kind: k2,
                terms: t2,
                ..
            },
        ) => {
            if kind != k2 {
                report(Field::AgreementKind, Finding::Conflict);
                *kind = (*kind).min(*k2);
            }
            if let Some(t2) = t2 {
                merge_terms(terms.get_or_insert_with(Box::default), t2, report);
            }
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
        (
            NodeDetails::Statement { text, date, cue },
            NodeDetails::Statement {
                text: t2,
                date: d2,
                cue: c2,
            },
        ) => {
            if text != t2 {
                report(Field::Words, Finding::Conflict);
                if (text.text(), format!("{text:?}")) > (t2.text(), format!("{t2:?}")) {
                    text.clone_from(t2);
                }
            }
            merge_date(date, *d2, Field::StatementDate, report);
            match (cue.as_mut(), c2) {
                (Some(x), Some(y)) if x.words == y.words => {
                    union_citations(&mut x.citations, &y.citations);
                }
                (Some(x), Some(y)) => {
                    report(Field::Cue, Finding::Conflict);
                    if fit::kept_text(&x.words, &y.words) == y.words {
                        *x = y.clone();
                    }
                }
                (None, Some(_)) => cue.clone_from(c2),
                _ => {}
            }
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
