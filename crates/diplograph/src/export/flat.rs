//! The flat view of nodes and edges shared by the tabular and typed formats (GraphML, GEXF,
//! CSV, node-link, Cypher): each node or edge becomes a list of named cells, and the columns
//! with their types are found in one pass over the graph.

use std::borrow::Cow;
use std::collections::BTreeMap;

use serde_json::Value;

use super::schema::{self, EDGE_ENDS, EDGE_FIELDS, NODE_ENDS, NODE_FIELDS};
use crate::graph::{EdgeView, Graph};
use crate::model::{LifecycleStep, Node, NodeDetails, StatementText};
use crate::provenance::Citation;

/// One value of a flattened node or edge.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Cell<'g> {
    /// Text.
    Str(Cow<'g, str>),
    /// A whole number.
    Int(i64),
    /// A number.
    Float(f64),
    /// A truth value.
    Bool(bool),
    /// A date, written as its EDTF text.
    Date(crate::time::PartialDate),
    /// A calendar day (a date's earliest or latest day), written `YYYY-MM-DD`.
    Day(chrono::NaiveDate),
    /// Structured data, written as JSON text by the flat formats.
    Json(Value),
    /// Structured data borrowed from the graph, written as JSON text without building a
    /// `serde_json::Value` first.
    Data(Data<'g>),
}

/// Structured node and edge fields borrowed from the graph. Written as JSON, each gives
/// exactly the text `serde_json::to_value(..).to_string()` gives (objects with their keys in
/// sorted order), which the formats wrote before this shortcut existed.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Data<'g> {
    /// A list of names (aliases).
    Names(&'g [String]),
    /// External identifiers by scheme.
    Ids(&'g BTreeMap<String, String>),
    /// Citations.
    Citations(&'g [Citation]),
    /// An agreement's lifecycle.
    Lifecycle(&'g [LifecycleStep]),
}

impl Data<'_> {
    /// The data as a JSON value.
    pub(crate) fn to_value(self) -> Value {
        let v = match self {
            Data::Names(v) => serde_json::to_value(v),
            Data::Ids(v) => serde_json::to_value(v),
            Data::Citations(v) => serde_json::to_value(v),
            Data::Lifecycle(v) => serde_json::to_value(v),
        };
        v.unwrap_or(Value::Null)
    }

    /// Appends the data as compact JSON text, keys sorted.
    pub(crate) fn write_json(self, out: &mut Vec<u8>) {
        match self {
            // A list of strings and a sorted map of strings: serde writes them as a value would.
            Data::Names(v) => json_into(out, &v),
            Data::Ids(v) => json_into(out, &v),
            Data::Citations(v) => list(out, v, citation_json),
            Data::Lifecycle(v) => list(out, v, step_json),
        }
    }
}

/// Appends `v` as compact JSON (only for values whose JSON has no object with unsorted keys).
fn json_into<T: serde::Serialize + ?Sized>(out: &mut Vec<u8>, v: &T) {
    if serde_json::to_writer(&mut *out, v).is_err() {
        out.extend_from_slice(b"null");
    }
}

fn list<T>(out: &mut Vec<u8>, items: &[T], each: fn(&mut Vec<u8>, &T)) {
    out.push(b'[');
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        each(out, item);
    }
    out.push(b']');
}

/// Writes a JSON object's fields in the order given (which must be sorted by key), skipping
/// absent ones.
struct Fields<'o> {
    out: &'o mut Vec<u8>,
    first: bool,
}

impl<'o> Fields<'o> {
    fn open(out: &'o mut Vec<u8>) -> Self {
        out.push(b'{');
        Fields { out, first: true }
    }

    fn key(&mut self, key: &str) {
        if !self.first {
            self.out.push(b',');
        }
        self.first = false;
        json_into(self.out, key);
        self.out.push(b':');
    }

    fn field<T: serde::Serialize + ?Sized>(&mut self, key: &str, v: Option<&T>) {
        if let Some(v) = v {
            self.key(key);
            json_into(self.out, v);
        }
    }

    fn close(self) {
        self.out.push(b'}');
    }
}

/// A citation as JSON, keys sorted, the fields serde skips when empty left out.
fn citation_json(out: &mut Vec<u8>, c: &Citation) {
    // Every field by name, so that a new field cannot be forgotten here.
    let Citation {
        source,
        span,
        text,
        occurrence,
        via,
        confidence,
    } = c;
    let mut f = Fields::open(out);
    // serde_json::to_value turns a NaN or infinite number into null.
    match confidence {
        Some(x) if x.is_finite() => f.field("confidence", Some(x)),
        Some(_) => f.field("confidence", Some(&Value::Null)),
        None => {}
    }
    f.field("occurrence", occurrence.as_ref());
    f.field("source", Some(source));
    f.field("span", span.as_ref());
    f.field("text", text.as_ref());
    f.field("via", (!via.is_empty()).then_some(via));
    f.close();
}

/// A lifecycle step as JSON, keys sorted, the fields serde skips when empty left out.
fn step_json(out: &mut Vec<u8>, s: &LifecycleStep) {
    let LifecycleStep {
        state,
        date,
        attested,
        party,
        effective,
        place,
        until,
        condition,
        note,
        status,
        citations,
    } = s;
    let mut f = Fields::open(out);
    f.field("attested", attested.as_ref());
    if !citations.is_empty() {
        f.key("citations");
        list(f.out, citations, citation_json);
    }
    f.field("condition", condition.as_ref());
    f.field("date", date.as_ref());
    f.field("effective", effective.as_ref());
    f.field("note", note.as_ref());
    f.field("party", party.as_ref());
    f.field("place", place.as_ref());
    f.field("state", Some(state));
    f.field("status", (!status.is_default()).then_some(status));
    f.field("until", until.as_ref());
    f.close();
}

/// The type of a column: the most specific type all its cells share.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ColType {
    Bool,
    Int,
    Float,
    Str,
    /// Mixed or structured values: every cell is written as JSON text.
    Json,
}

impl ColType {
    fn of(cell: &Cell<'_>) -> ColType {
        match cell {
            Cell::Str(_) => ColType::Str,
            Cell::Int(_) => ColType::Int,
            Cell::Float(_) => ColType::Float,
            Cell::Bool(_) => ColType::Bool,
            Cell::Date(_) | Cell::Day(_) => ColType::Str,
            Cell::Json(_) | Cell::Data(_) => ColType::Json,
        }
    }

    pub(crate) fn unify(self, other: ColType) -> ColType {
        match (self, other) {
            (a, b) if a == b => a,
            (ColType::Int, ColType::Float) | (ColType::Float, ColType::Int) => ColType::Float,
            _ => ColType::Json,
        }
    }

    /// Whether cells of this column are written as text (and so need text escaping).
    pub(crate) fn is_text(self) -> bool {
        matches!(self, ColType::Str | ColType::Json)
    }
}

/// A named column and its type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Column {
    pub(crate) name: String,
    pub(crate) ty: ColType,
}

/// A flattened node or edge: its cells by column name, in column order.
pub(crate) type Record<'g> = Vec<(Cow<'g, str>, Cell<'g>)>;

/// The fixed node columns, in output order: the schema's node fields after `id`, which every
/// format writes apart. Free attributes (`attr.<key>`) follow, sorted.
pub(crate) const NODE_COLUMNS: &[&str] =
    &schema::names::<{ NODE_FIELDS.len() - NODE_ENDS }>(NODE_FIELDS, NODE_ENDS);

/// The fixed edge columns, in output order: the schema's edge fields after `source` and
/// `target`. Free attributes (`attr.<key>`) follow, sorted.
pub(crate) const EDGE_COLUMNS: &[&str] =
    &schema::names::<{ EDGE_FIELDS.len() - EDGE_ENDS }>(EDGE_FIELDS, EDGE_ENDS);

/// The prefix of flattened free attributes.
pub(crate) const ATTR_PREFIX: &str = schema::ATTRIBUTE_PREFIX;

/// A node in id order: its id, its index and the node.
type ById<'g> = (&'g str, usize, &'g Node);

/// The nodes sorted by id (ids are unique). The only place ids are compared.
fn nodes_by_id(graph: &Graph) -> Vec<ById<'_>> {
    let mut by_id: Vec<ById<'_>> = graph
        .nodes()
        .map(|(ix, n)| (n.id.as_str(), ix.index(), n))
        .collect();
    by_id.sort_unstable_by(|a, b| a.0.cmp(b.0));
    by_id
}

/// Nodes in the canonical order of [`crate::order`]: by kind, then id.
pub(crate) fn sorted_nodes(graph: &Graph) -> Vec<&Node> {
    nodes_in_order(&nodes_by_id(graph))
}

/// Nodes in output order from the nodes in id order: a stable sort on the kind alone keeps id
/// order within each kind.
fn nodes_in_order<'g>(by_id: &[ById<'g>]) -> Vec<&'g Node> {
    let mut nodes: Vec<&Node> = by_id.iter().map(|&(_, _, n)| n).collect();
    nodes.sort_by_key(|n| n.kind());
    nodes
}

/// Nodes and edges in output order (as [`sorted_nodes`] and [`sorted_edges`] give them),
/// comparing the ids once for both.
pub(crate) fn sorted_nodes_and_edges(graph: &Graph) -> (Vec<&Node>, Vec<EdgeView<'_>>) {
    let by_id = nodes_by_id(graph);
    (nodes_in_order(&by_id), edges_in_order(graph, &by_id))
}

/// Edges in the canonical order of [`crate::order`]: by source id, kind, target id, dates and
/// qualifiers, the tie-break, then insertion.
///
/// The ids are compared once, to rank the nodes; edges are then sorted on the ranks of their
/// ends, and only edges between the same two nodes with the same kind compare further.
pub(crate) fn sorted_edges(graph: &Graph) -> Vec<EdgeView<'_>> {
    edges_in_order(graph, &nodes_by_id(graph))
}

/// Edges in output order (see [`sorted_edges`]), from the nodes in id order.
fn edges_in_order<'g>(graph: &'g Graph, by_id: &[ById<'g>]) -> Vec<EdgeView<'g>> {
    let mut rank = vec![0u32; by_id.iter().map(|&(_, ix, _)| ix + 1).max().unwrap_or(0)];
    for (r, &(_, ix, _)) in by_id.iter().enumerate() {
        if let Some(slot) = rank.get_mut(ix) {
            *slot = u32::try_from(r).unwrap_or(u32::MAX);
        }
    }
    let rank_of = |ix: crate::graph::NodeIndex| rank.get(ix.index()).copied().unwrap_or(u32::MAX);
    let views: Vec<EdgeView<'_>> = graph.edges().collect();
    // A counting sort on the source rank (unknown nodes, which cannot occur, go last), then
    // each source's few edges by kind, target rank and index.
    let buckets = by_id.len() + 1;
    let bucket_of = |v: &EdgeView<'_>| {
        usize::try_from(rank_of(v.from_index)).map_or(buckets - 1, |r| r.min(buckets - 1))
    };
    let mut starts = vec![0usize; buckets + 1];
    for v in &views {
        if let Some(c) = starts.get_mut(bucket_of(v) + 1) {
            *c += 1;
        }
    }
    for i in 1..starts.len() {
        let prev = starts.get(i - 1).copied().unwrap_or(0);
        if let Some(c) = starts.get_mut(i) {
            *c += prev;
        }
    }
    let mut fill = starts.clone();
    // Per edge: (kind and target rank, edge index, position in `views`).
    let mut keys: Vec<(u64, u32, u32)> = vec![(0, 0, 0); views.len()];
    for (pos, v) in views.iter().enumerate() {
        let Some(at) = fill.get_mut(bucket_of(v)) else {
            continue;
        };
        if let Some(slot) = keys.get_mut(*at) {
            *slot = (
                (u64::from(v.edge.kind as u8) << 32) | u64::from(rank_of(v.to_index)),
                u32::try_from(v.index.index()).unwrap_or(u32::MAX),
                u32::try_from(pos).unwrap_or(u32::MAX),
            );
        }
        *at += 1;
    }
    for w in starts.windows(2) {
        if let [from, to] = *w {
            if let Some(run) = keys.get_mut(from..to) {
                if run.len() > 1 {
                    run.sort_unstable();
                }
            }
        }
    }
    let mut edges: Vec<EdgeView<'_>> = keys
        .iter()
        .filter_map(|&(_, _, pos)| views.get(pos as usize).copied())
        .collect();
    drop(views);
    // Edges of one kind between the same two nodes, now in index order, in the canonical
    // order of parallel edges (a stable sort keeps index order among equals).
    let mut start = 0;
    while start < edges.len() {
        let ends = |e: &EdgeView<'_>| (e.from_index, e.edge.kind as u8, e.to_index);
        let first = edges.get(start).map(ends);
        let len = edges
            .get(start..)
            .unwrap_or_default()
            .iter()
            .take_while(|e| Some(ends(e)) == first)
            .count();
        if len > 1 {
            if let Some(run) = edges.get_mut(start..start + len) {
                run.sort_by(crate::order::cmp_parallel);
            }
        }
        start += len.max(1);
    }
    edges
}

fn str_cell(s: &str) -> Cell<'_> {
    Cell::Str(Cow::Borrowed(s))
}

fn date_cell<'g>(d: crate::time::PartialDate) -> Cell<'g> {
    Cell::Date(d)
}

/// The type of a free attribute's value, as [`attr_cell`] would make it, without making it.
pub(crate) fn attr_type(v: &Value) -> ColType {
    match v {
        Value::Bool(_) => ColType::Bool,
        Value::Number(n) if n.as_i64().is_some() => ColType::Int,
        Value::Number(n) if n.as_f64().is_some() => ColType::Float,
        Value::String(_) => ColType::Str,
        Value::Number(_) | Value::Null | Value::Array(_) | Value::Object(_) => ColType::Json,
    }
}

/// A free attribute's value as a cell: scalars keep their type, arrays, objects and null
/// become JSON.
fn attr_cell(v: &Value) -> Cell<'_> {
    match v {
        Value::Bool(b) => Cell::Bool(*b),
        Value::Number(n) => n
            .as_i64()
            .map(Cell::Int)
            .or_else(|| n.as_f64().map(Cell::Float))
            .unwrap_or_else(|| Cell::Json(v.clone())),
        Value::String(s) => str_cell(s),
        Value::Null | Value::Array(_) | Value::Object(_) => Cell::Json(v.clone()),
    }
}

fn json<T: serde::Serialize>(v: &T) -> Cell<'static> {
    Cell::Json(serde_json::to_value(v).unwrap_or(Value::Null))
}

/// What to leave out of node records.
#[derive(Debug, Clone, Copy)]
pub(crate) struct NodeOptions {
    /// Whether a source's full text goes in (`text`).
    pub(crate) source_text: bool,
    /// Whether free attributes are flattened to `attr.<key>` columns (else one `attributes`
    /// JSON cell).
    pub(crate) flatten_attributes: bool,
}

impl NodeOptions {
    pub(crate) const FULL: NodeOptions = NodeOptions {
        source_text: true,
        flatten_attributes: true,
    };
}

/// The column a cell belongs to, named without building text: a fixed column by its place
/// in [`NODE_COLUMNS`] or [`EDGE_COLUMNS`], a free attribute by its key (the column is
/// `attr.<key>`), or another column by its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Name<'g> {
    /// A fixed column, by its place in the fixed list.
    Fixed(usize),
    /// A flattened free attribute, by its key.
    Attr(&'g str),
    /// Another column (`attributes`).
    Other(&'static str),
}

impl<'g> Name<'g> {
    /// The column's name.
    fn text(self, fixed: &[&'static str]) -> Cow<'g, str> {
        match self {
            Name::Fixed(i) => Cow::Borrowed(fixed.get(i).copied().unwrap_or("")),
            Name::Attr(k) => Cow::Owned(format!("{ATTR_PREFIX}{k}")),
            Name::Other(n) => Cow::Borrowed(n),
        }
    }
}

// The places of the fixed columns in NODE_COLUMNS and EDGE_COLUMNS (checked by a test).
const N_KIND: usize = 0;
const N_NAME: usize = 1;
const N_ALIASES: usize = 2;
const N_EXTERNAL_IDS: usize = 3;
const N_UNNAMED: usize = 4;
const N_DESCRIPTION: usize = 5;
const N_SUBKIND: usize = 6;
/// `date`, then `date_earliest` and `date_latest`.
const N_DATE: usize = 7;
/// `end`, then `end_earliest` and `end_latest`.
const N_END: usize = 10;
const N_PLACE: usize = 13;
const N_STATUS: usize = 14;
const N_QUOTE: usize = 15;
const N_PARAPHRASE: usize = 16;
const N_CUE: usize = 17;
const N_URL: usize = 18;
const N_TEXT: usize = 19;
const N_LIFECYCLE: usize = 20;
const N_STATE: usize = 21;
/// An agreement's terms: `binding`, `renewal`, then the vote's three counts.
const N_BINDING: usize = 22;
const N_RENEWAL: usize = 23;
const N_VOTE: usize = 24;
const N_CITATION_COUNT: usize = 27;
const N_CITATIONS: usize = 28;
const E_KIND: usize = 0;
/// `start`, then `start_earliest` and `start_latest`.
const E_START: usize = 1;
/// `end`, then `end_earliest` and `end_latest`.
const E_END: usize = 4;
const E_ATTESTED: usize = 7;
const E_TITLE: usize = 8;
const E_ON_BEHALF_OF: usize = 9;
const E_POSITION: usize = 10;
const E_CHAIN: usize = 11;
const E_SHARE: usize = 12;
const E_AMOUNT: usize = 13;
const E_RELATION: usize = 14;
const E_ROLE: usize = 15;
const E_ACTING_FOR: usize = 16;
const E_PLACE: usize = 17;
const E_CITATION_COUNT: usize = 18;
const E_CITATIONS: usize = 19;

/// Hands a date's three cells to `put`: its text at column `at`, its earliest day at
/// `at + 1` and its latest at `at + 2` (each day only when the date has one).
fn put_date<'g>(put: &mut impl FnMut(usize, Cell<'g>), at: usize, d: crate::time::PartialDate) {
    put(at, date_cell(d));
    if let Some(day) = d.earliest() {
        put(at + 1, Cell::Day(day));
    }
    if let Some(day) = d.latest() {
        put(at + 2, Cell::Day(day));
    }
}

fn visit_attributes<'g>(
    attrs: &'g crate::model::Attributes,
    flatten: bool,
    f: &mut impl FnMut(Name<'g>, Cell<'g>),
) {
    if flatten {
        for (k, v) in attrs {
            f(Name::Attr(k), attr_cell(v));
        }
    } else if !attrs.is_empty() {
        f(Name::Other("attributes"), json(attrs));
    }
}

/// Hands each cell of a node to `f`, in column order (the id is not among them: every format
/// writes it apart). Builds nothing; [`node_record`] collects the same cells.
pub(crate) fn visit_node<'g>(
    n: &'g Node,
    opts: NodeOptions,
    f: &mut impl FnMut(Name<'g>, Cell<'g>),
) {
    let mut put = |i: usize, c: Cell<'g>| f(Name::Fixed(i), c);
    put(N_KIND, str_cell(n.kind().as_str()));
    put(N_NAME, str_cell(&n.name));
    if !n.aliases.is_empty() {
        put(N_ALIASES, Cell::Data(Data::Names(&n.aliases)));
    }
    if !n.external_ids.is_empty() {
        put(N_EXTERNAL_IDS, Cell::Data(Data::Ids(&n.external_ids)));
    }
    if let Some(description) = &n.unnamed {
        put(N_UNNAMED, Cell::Bool(true));
        put(N_DESCRIPTION, str_cell(description));
    }
    if let Some(subkind) = n.details.subkind() {
        put(N_SUBKIND, str_cell(subkind));
    }
    match &n.details {
        NodeDetails::Country
        | NodeDetails::Person
        | NodeDetails::Organization { .. }
        | NodeDetails::Place { .. } => {}
        NodeDetails::Agreement {
            lifecycle, terms, ..
        } => {
            if !lifecycle.is_empty() {
                put(N_LIFECYCLE, Cell::Data(Data::Lifecycle(lifecycle)));
            }
            // The agreement's state as things finally stand, by the one derivation (a
            // notice that took effect, a term that ran out, steps about one party read apart).
            if let Some(state) = crate::query::history::final_state(lifecycle) {
                put(N_STATE, str_cell(state.as_str()));
            }
            // The terms' values; their citations are in the native format.
            if let Some(t) = terms {
                if let Some(b) = &t.binding {
                    put(N_BINDING, Cell::Bool(b.value));
                }
                if let Some(r) = &t.renewal {
                    put(N_RENEWAL, str_cell(&r.terms));
                }
                if let Some(v) = &t.vote {
                    for (i, n) in [v.in_favour, v.against, v.abstaining]
                        .into_iter()
                        .enumerate()
                    {
                        put(N_VOTE + i, Cell::Int(i64::from(n)));
                    }
                }
            }
        }
        NodeDetails::Event {
            when,
            place,
            status,
            ..
        } => {
            if let Some(d) = when.start {
                put_date(&mut put, N_DATE, d);
            }
            if let Some(e) = when.end.filter(|e| Some(*e) != when.start) {
                put_date(&mut put, N_END, e);
            }
            if let Some(p) = place {
                put(N_PLACE, str_cell(p));
            }
            if !status.is_default() {
                put(N_STATUS, str_cell(status.as_str()));
            }
        }
        NodeDetails::Statement { text, date, cue } => {
            if let Some(d) = date {
                put_date(&mut put, N_DATE, *d);
            }
            match text {
                StatementText::Quote(q) => put(N_QUOTE, str_cell(q)),
                StatementText::Paraphrase(p) => put(N_PARAPHRASE, str_cell(p)),
            }
            if let Some(cue) = cue {
                put(N_CUE, str_cell(&cue.words));
            }
        }
        NodeDetails::Source { date, url, text } => {
            if let Some(d) = date {
                put_date(&mut put, N_DATE, *d);
            }
            if let Some(u) = url {
                put(N_URL, str_cell(u));
            }
            if let Some(t) = text.as_deref().filter(|_| opts.source_text) {
                put(N_TEXT, str_cell(t));
            }
        }
    }
    put(N_CITATION_COUNT, Cell::Int(count(n.citations.len())));
    if !n.citations.is_empty() {
        put(N_CITATIONS, Cell::Data(Data::Citations(&n.citations)));
    }
    visit_attributes(&n.attributes, opts.flatten_attributes, f);
}

/// A node flattened to cells (the id is not among them: every format writes it apart).
pub(crate) fn node_record(n: &Node, opts: NodeOptions) -> Record<'_> {
    let mut r: Record<'_> = Vec::with_capacity(12);
    visit_node(n, opts, &mut |name, c| r.push((name.text(NODE_COLUMNS), c)));
    r
}

fn count(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// Hands each cell of an edge to `f`, in column order (its ends are not among them). Builds
/// nothing; [`edge_record`] collects the same cells.
pub(crate) fn visit_edge<'g>(
    v: &EdgeView<'g>,
    flatten_attributes: bool,
    f: &mut impl FnMut(Name<'g>, Cell<'g>),
) {
    let e = v.edge;
    let mut put = |i: usize, c: Cell<'g>| f(Name::Fixed(i), c);
    put(E_KIND, str_cell(e.kind.as_str()));
    if let Some(s) = e.valid.start {
        put_date(&mut put, E_START, s);
    }
    if let Some(s) = e.valid.end {
        put_date(&mut put, E_END, s);
    }
    if !e.attested.is_empty() {
        // The dates the data states, as a JSON list of date strings (one column whatever
        // their number).
        let dates = e.attested.iter().map(|d| Value::String(d.to_string()));
        put(E_ATTESTED, Cell::Json(Value::Array(dates.collect())));
    }
    if let Some(t) = e.title() {
        put(E_TITLE, str_cell(t));
    }
    if let Some(t) = e.on_behalf_of() {
        put(E_ON_BEHALF_OF, str_cell(t));
    }
    if let Some(p) = e.position() {
        put(E_POSITION, Cell::Int(i64::from(p)));
    }
    if let Some(c) = e.qualifiers.as_deref().and_then(|q| q.chain) {
        put(E_CHAIN, Cell::Int(i64::from(c)));
    }
    if let Some(s) = e.share() {
        put(E_SHARE, Cell::Float(s));
    }
    if let Some(a) = e.amount() {
        put(E_AMOUNT, str_cell(a));
    }
    if let Some(rel) = e.relation() {
        put(E_RELATION, str_cell(rel));
    }
    if let Some(role) = e.qualifiers.as_ref().and_then(|q| q.role) {
        put(E_ROLE, str_cell(role.as_str()));
    }
    if let Some(state) = e.acting_for() {
        put(E_ACTING_FOR, str_cell(state));
    }
    if let Some(place) = e.place() {
        put(E_PLACE, str_cell(place));
    }
    put(E_CITATION_COUNT, Cell::Int(count(e.citations.len())));
    if !e.citations.is_empty() {
        put(E_CITATIONS, Cell::Data(Data::Citations(&e.citations)));
    }
    visit_attributes(&e.attributes, flatten_attributes, f);
}

/// An edge flattened to cells (its ends are not among them).
pub(crate) fn edge_record<'g>(v: &EdgeView<'g>, flatten_attributes: bool) -> Record<'g> {
    let mut r: Record<'g> = Vec::with_capacity(6);
    visit_edge(v, flatten_attributes, &mut |name, c| {
        r.push((name.text(EDGE_COLUMNS), c));
    });
    r
}

/// Gathers the columns of a set of nodes or edges and their types, cell by cell.
struct ColumnFinder<'g> {
    fixed: Vec<Option<ColType>>,
    attrs: rustc_hash::FxHashMap<&'g str, ColType>,
    others: BTreeMap<String, ColType>,
}

impl<'g> ColumnFinder<'g> {
    fn new(fixed: &[&str]) -> Self {
        ColumnFinder {
            fixed: vec![None; fixed.len()],
            attrs: rustc_hash::FxHashMap::default(),
            others: BTreeMap::new(),
        }
    }

    fn add(&mut self, name: Name<'g>, cell: &Cell<'_>) {
        let ty = ColType::of(cell);
        let slot = match name {
            Name::Fixed(i) => self.fixed.get_mut(i).map(|s| s.get_or_insert(ty)),
            Name::Attr(k) => Some(self.attrs.entry(k).or_insert(ty)),
            Name::Other(n) => Some(self.others.entry(n.to_owned()).or_insert(ty)),
        };
        if let Some(t) = slot {
            *t = t.unify(ty);
        }
    }

    fn finish(self, fixed: &[&str]) -> Vec<Column> {
        let mut others = self.others;
        for (k, ty) in self.attrs {
            others.insert(format!("{ATTR_PREFIX}{k}"), ty);
        }
        let fixed_cols = fixed.iter().zip(self.fixed).filter_map(|(name, ty)| {
            ty.map(|ty| Column {
                name: (*name).to_owned(),
                ty,
            })
        });
        fixed_cols
            .chain(others.into_iter().map(|(name, ty)| Column { name, ty }))
            .collect()
    }
}

/// Finds the columns of a set of records: the fixed ones in `fixed` order that occur, then
/// the others sorted by name; each typed by the cells it holds.
pub(crate) fn columns<'a, 'g: 'a>(
    fixed: &[&str],
    records: impl Iterator<Item = Record<'g>>,
) -> Vec<Column> {
    let mut fixed_found: Vec<Option<ColType>> = vec![None; fixed.len()];
    let mut others: BTreeMap<String, ColType> = BTreeMap::new();
    for rec in records {
        for (k, c) in &rec {
            let ty = ColType::of(c);
            if let Some(rank) = fixed.iter().position(|f| f == k) {
                if let Some(slot) = fixed_found.get_mut(rank) {
                    *slot = Some(slot.map_or(ty, |t| t.unify(ty)));
                }
            } else if let Some(t) = others.get_mut(k.as_ref()) {
                *t = t.unify(ty);
            } else {
                others.insert(k.to_string(), ty);
            }
        }
    }
    let fixed_cols = fixed.iter().zip(fixed_found).filter_map(|(name, ty)| {
        ty.map(|ty| Column {
            name: (*name).to_owned(),
            ty,
        })
    });
    fixed_cols
        .chain(others.into_iter().map(|(name, ty)| Column { name, ty }))
        .collect()
}

/// The node columns of a graph (see [`columns`]), found without building records.
pub(crate) fn node_columns(graph: &Graph, opts: NodeOptions) -> Vec<Column> {
    let mut found = ColumnFinder::new(NODE_COLUMNS);
    for (_, n) in graph.nodes() {
        visit_node(n, opts, &mut |name, c| found.add(name, &c));
    }
    found.finish(NODE_COLUMNS)
}

/// The edge columns of a graph (see [`columns`]), found without building records.
pub(crate) fn edge_columns(graph: &Graph, flatten_attributes: bool) -> Vec<Column> {
    let mut found = ColumnFinder::new(EDGE_COLUMNS);
    for v in graph.edges() {
        visit_edge(&v, flatten_attributes, &mut |name, c| found.add(name, &c));
    }
    found.finish(EDGE_COLUMNS)
}

/// A cell as text, as a column of type `ty` holds it: JSON text in JSON columns, the plain
/// value otherwise.
pub(crate) fn cell_text<'c>(cell: &'c Cell<'_>, ty: ColType) -> Cow<'c, str> {
    if ty == ColType::Json {
        return match cell {
            Cell::Data(d) => {
                let mut out = Vec::new();
                d.write_json(&mut out);
                Cow::Owned(String::from_utf8_lossy(&out).into_owned())
            }
            _ => Cow::Owned(cell_json(cell).to_string()),
        };
    }
    match cell {
        Cell::Str(s) => Cow::Borrowed(s),
        Cell::Int(i) if ty == ColType::Float => Cow::Owned(float_text(*i as f64)),
        Cell::Int(i) => Cow::Owned(i.to_string()),
        Cell::Float(f) => Cow::Owned(float_text(*f)),
        Cell::Bool(b) => Cow::Borrowed(if *b { "true" } else { "false" }),
        Cell::Date(d) => Cow::Owned(d.to_string()),
        Cell::Day(d) => Cow::Owned(d.to_string()),
        Cell::Json(v) => Cow::Owned(v.to_string()),
        Cell::Data(d) => {
            let mut out = Vec::new();
            d.write_json(&mut out);
            Cow::Owned(String::from_utf8_lossy(&out).into_owned())
        }
    }
}

/// A cell as text, as [`cell_text`] gives it, as bytes: borrowed for text cells, else written
/// into `scratch` (cleared first) without allocating.
pub(crate) fn cell_bytes<'c>(
    cell: &'c Cell<'_>,
    ty: ColType,
    scratch: &'c mut Vec<u8>,
) -> &'c [u8] {
    scratch.clear();
    match (cell, ty) {
        (Cell::Str(s), ColType::Str) => return s.as_bytes(),
        (Cell::Int(i), ColType::Int) => {
            if *i < 0 {
                scratch.push(b'-');
            }
            super::buffer::push_int(scratch, i.unsigned_abs());
        }
        (Cell::Date(d), ColType::Str) => super::buffer::push_partial_date(scratch, *d),
        (Cell::Day(d), ColType::Str) => super::buffer::push_date(scratch, *d),
        (Cell::Data(d), ColType::Json) => d.write_json(scratch),
        (Cell::Bool(b), ColType::Bool) => {
            scratch.extend_from_slice(if *b { b"true" } else { b"false" });
        }
        _ => scratch.extend_from_slice(cell_text(cell, ty).as_bytes()),
    }
    scratch
}

/// A number as text that every reader parses as a double: always with a fractional part or
/// exponent (`1.0`, `0.25`).
pub(crate) fn float_text(f: f64) -> String {
    let s = format!("{f}");
    if s.contains(['.', 'e', 'E']) || !f.is_finite() {
        s
    } else {
        format!("{s}.0")
    }
}

/// A cell as a JSON value.
pub(crate) fn cell_json(cell: &Cell<'_>) -> Value {
    match cell {
        Cell::Str(s) => Value::String(s.to_string()),
        Cell::Int(i) => Value::from(*i),
        Cell::Float(f) => serde_json::Number::from_f64(*f).map_or(Value::Null, Value::Number),
        Cell::Bool(b) => Value::Bool(*b),
        Cell::Date(d) => Value::String(d.to_string()),
        Cell::Day(d) => Value::String(d.to_string()),
        Cell::Json(v) => v.clone(),
        Cell::Data(d) => d.to_value(),
    }
}

/// Replaces the characters XML 1.0 forbids, and other C0/C1 control characters that break
/// line-oriented formats, with U+FFFD. Tab, line feed and carriage return are kept.
pub(crate) fn is_forbidden_control(c: char) -> bool {
    (c < ' ' && !matches!(c, '\t' | '\n' | '\r')) || c == '\u{FFFE}' || c == '\u{FFFF}'
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixed_places_name_their_columns() {
        let node = [
            (N_KIND, "kind"),
            (N_NAME, "name"),
            (N_ALIASES, "aliases"),
            (N_EXTERNAL_IDS, "external_ids"),
            (N_UNNAMED, "unnamed"),
            (N_DESCRIPTION, "description"),
            (N_SUBKIND, "subkind"),
            (N_DATE, "date"),
            (N_DATE + 1, "date_earliest"),
            (N_DATE + 2, "date_latest"),
            (N_END, "end"),
            (N_END + 1, "end_earliest"),
            (N_END + 2, "end_latest"),
            (N_PLACE, "place"),
            (N_STATUS, "status"),
            (N_QUOTE, "quote"),
            (N_PARAPHRASE, "paraphrase"),
            (N_CUE, "cue"),
            (N_URL, "url"),
            (N_TEXT, "text"),
            (N_LIFECYCLE, "lifecycle"),
            (N_STATE, "state"),
            (N_BINDING, "binding"),
            (N_RENEWAL, "renewal"),
            (N_VOTE, "vote_for"),
            (N_VOTE + 1, "vote_against"),
            (N_VOTE + 2, "vote_abstain"),
            (N_CITATION_COUNT, "citation_count"),
            (N_CITATIONS, "citations"),
        ];
        for (i, name) in node {
            assert_eq!(NODE_COLUMNS.get(i), Some(&name));
        }
        assert_eq!(node.len(), NODE_COLUMNS.len());
        let edge = [
            (E_KIND, "kind"),
            (E_START, "start"),
            (E_START + 1, "start_earliest"),
            (E_START + 2, "start_latest"),
            (E_END, "end"),
            (E_END + 1, "end_earliest"),
            (E_END + 2, "end_latest"),
            (E_ATTESTED, "attested"),
            (E_TITLE, "title"),
            (E_ON_BEHALF_OF, "on_behalf_of"),
            (E_POSITION, "position"),
            (E_CHAIN, "chain"),
            (E_SHARE, "share"),
            (E_AMOUNT, "amount"),
            (E_RELATION, "relation"),
            (E_ROLE, "role"),
            (E_ACTING_FOR, "acting_for"),
            (E_PLACE, "place"),
            (E_CITATION_COUNT, "citation_count"),
            (E_CITATIONS, "citations"),
        ];
        for (i, name) in edge {
            assert_eq!(EDGE_COLUMNS.get(i), Some(&name));
        }
        assert_eq!(edge.len(), EDGE_COLUMNS.len());
    }
}
