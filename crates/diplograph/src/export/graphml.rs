//! GraphML 1.0: one `<key>` per attribute, typed (`string`, `long`, `double`, `boolean`), then
//! nodes and edges written as the graph is walked.

use std::io::{self, Write};

use rustc_hash::FxHashMap;

use super::buffer::{push_int, push_partial_date, Out};
use super::flat::{self, Cell, ColType, Column, Name, NodeOptions, EDGE_COLUMNS, NODE_COLUMNS};
use super::xml;
use crate::graph::Graph;

/// Whether `c` may appear in an XML 1.0 (fifth edition) name token.
fn is_name_char(c: char) -> bool {
    matches!(c,
        'A'..='Z' | 'a'..='z' | '0'..='9' | '-' | '.' | '_' | ':' | '\u{B7}'
        | '\u{C0}'..='\u{D6}' | '\u{D8}'..='\u{F6}' | '\u{F8}'..='\u{37D}'
        | '\u{37F}'..='\u{1FFF}' | '\u{200C}'..='\u{200D}' | '\u{203F}'..='\u{2040}'
        | '\u{2070}'..='\u{218F}' | '\u{2C00}'..='\u{2FEF}' | '\u{3001}'..='\u{D7FF}'
        | '\u{F900}'..='\u{FDCF}' | '\u{FDF0}'..='\u{FFFD}' | '\u{10000}'..='\u{EFFFF}')
}

/// A node id as a GraphML id, which must be an `xs:NMTOKEN`: each character that may not
/// appear in one becomes `_xHHHH_` (its code point in hex), and so does a `_` that is followed
/// by `x`, so that the encoding is one-to-one. Ids made of letters, digits, `-`, `.` and `_`
/// (all of the example's) are written as they are; the exact id is also the `node_id` attribute (not `id`, which igraph
/// reserves for the GraphML id).
pub(crate) fn node_id(id: &str) -> std::borrow::Cow<'_, str> {
    if is_plain_id(id) {
        return std::borrow::Cow::Borrowed(id);
    }
    xml::encode_name(id, is_name_char)
}

/// Whether an id is made only of ASCII letters, digits, `-`, `.` and `_` with no `_x`: such an
/// id is its own GraphML id and needs no escaping in an attribute.
fn is_plain_id(id: &str) -> bool {
    let plain = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_');
    id.bytes().all(plain) && !id.contains("_x")
}

/// Appends a node's GraphML id as an attribute value; `plain` says [`is_plain_id`] holds.
fn push_node_id(out: &mut Vec<u8>, id: &str, plain: bool) {
    if plain {
        out.extend_from_slice(id.as_bytes());
    } else {
        xml::attr(out, &node_id(id));
    }
}

fn graphml_type(ty: ColType) -> &'static str {
    match ty {
        ColType::Bool => "boolean",
        ColType::Int => "long",
        ColType::Float => "double",
        ColType::Str | ColType::Json => "string",
    }
}

/// Writes one `<key>` per column. `attr.name` must be an `xs:NMTOKEN`: a name that is not
/// one is encoded as node ids are ([`node_id`]) and the original is kept in the key's `<desc>`.
fn write_keys(out: &mut Vec<u8>, prefix: &str, domain: &str, cols: &[Column]) {
    for (i, c) in cols.iter().enumerate() {
        out.extend_from_slice(b"  <key id=\"");
        out.extend_from_slice(prefix.as_bytes());
        push_int(out, i as u64);
        out.extend_from_slice(b"\" for=\"");
        out.extend_from_slice(domain.as_bytes());
        out.extend_from_slice(b"\" attr.name=\"");
        let name = xml::encode_name(&c.name, is_name_char);
        xml::attr(out, &name);
        out.extend_from_slice(b"\" attr.type=\"");
        out.extend_from_slice(graphml_type(c.ty).as_bytes());
        if name == c.name.as_str() {
            out.extend_from_slice(b"\"/>\n");
        } else {
            out.extend_from_slice(b"\">\n    <desc>");
            xml::text(out, &c.name);
            out.extend_from_slice(b"</desc>\n  </key>\n");
        }
    }
}

/// The type of a column and the opening tag of its `<data>` element, written once.
type Key = (ColType, Vec<u8>);

/// The columns of one domain, looked up by [`Name`] without building text.
struct Keys<'c> {
    /// By place in the fixed column list.
    fixed: Vec<Option<Key>>,
    /// Flattened free attributes, by key (`attr.` left off).
    attrs: FxHashMap<&'c str, Key>,
    /// The others, by name.
    others: FxHashMap<&'c str, Key>,
}

impl<'c> Keys<'c> {
    /// `cols` are numbered from `first` on.
    fn new(prefix: &str, first: usize, fixed: &[&str], cols: &'c [Column]) -> Self {
        let mut keys = Keys {
            fixed: vec![None; fixed.len()],
            attrs: FxHashMap::default(),
            others: FxHashMap::default(),
        };
        for (i, c) in cols.iter().enumerate() {
            let mut open = format!("      <data key=\"{prefix}").into_bytes();
            push_int(&mut open, (first + i) as u64);
            open.extend_from_slice(b"\">");
            let key = (c.ty, open);
            let name = c.name.as_str();
            if let Some(slot) = fixed
                .iter()
                .position(|f| *f == name)
                .and_then(|i| keys.fixed.get_mut(i))
            {
                *slot = Some(key);
            } else if let Some(k) = name.strip_prefix(flat::ATTR_PREFIX) {
                keys.attrs.insert(k, key);
            } else {
                keys.others.insert(name, key);
            }
        }
        keys
    }

    fn get(&self, name: Name<'_>) -> Option<&Key> {
        match name {
            Name::Fixed(i) => self.fixed.get(i).and_then(Option::as_ref),
            Name::Attr(k) => self.attrs.get(k),
            Name::Other(n) => self.others.get(n),
        }
    }

    /// Appends the `<data>` element of one cell.
    fn write_cell(
        &self,
        out: &mut Vec<u8>,
        scratch: &mut Vec<u8>,
        name: Name<'_>,
        cell: &Cell<'_>,
    ) {
        let Some((ty, open)) = self.get(name) else {
            return;
        };
        write_data(out, scratch, open, *ty, cell);
    }
}

/// Appends a `<data>` element: numbers, truth values and dates need no escaping and are
/// written straight into `out`.
fn write_data(out: &mut Vec<u8>, scratch: &mut Vec<u8>, open: &[u8], ty: ColType, cell: &Cell<'_>) {
    out.extend_from_slice(open);
    match (cell, ty) {
        (Cell::Str(s), ColType::Str) => xml::text(out, s),
        (Cell::Int(i), ColType::Int) => {
            if *i < 0 {
                out.push(b'-');
            }
            push_int(out, i.unsigned_abs());
        }
        (Cell::Date(d), ColType::Str) => push_partial_date(out, *d),
        (Cell::Day(d), ColType::Str) => super::buffer::push_date(out, *d),
        (Cell::Bool(b), ColType::Bool) => {
            out.extend_from_slice(if *b { b"true" } else { b"false" });
        }
        _ => xml::text_bytes(out, flat::cell_bytes(cell, ty, scratch)),
    }
    out.extend_from_slice(b"</data>\n");
}

/// Writes the graph as GraphML.
pub(crate) fn write(graph: &Graph, w: &mut dyn Write) -> io::Result<()> {
    let opts = NodeOptions::FULL;
    let mut node_cols = vec![Column {
        name: "node_id".to_owned(),
        ty: ColType::Str,
    }];
    node_cols.extend(flat::node_columns(graph, opts));
    let edge_cols = flat::edge_columns(graph, true);
    let mut out = Out::new(w);
    out.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.raw(
        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
         xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns \
         http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n",
    );
    let graph_attrs: Vec<(&str, &str)> =
        [("title", &graph.title), ("description", &graph.description)]
            .into_iter()
            .filter_map(|(k, v)| v.as_deref().map(|v| (k, v)))
            .collect();
    for (i, (k, _)) in graph_attrs.iter().enumerate() {
        out.raw("  <key id=\"kg");
        out.int(i as u64);
        out.raw("\" for=\"graph\" attr.name=\"");
        out.raw(k);
        out.raw("\" attr.type=\"string\"/>\n");
    }
    write_keys(out.buf(), "kn", "node", &node_cols);
    write_keys(out.buf(), "ke", "edge", &edge_cols);
    out.raw("  <graph id=\"diplograph\" edgedefault=\"directed\">\n");
    for (i, (_, v)) in graph_attrs.iter().enumerate() {
        out.raw("    <data key=\"kg");
        out.int(i as u64);
        out.raw("\">");
        xml::text(out.buf(), v);
        out.raw("</data>\n");
        out.flush_if_full()?;
    }
    // The node_id column is first (kn0), written apart from the cells.
    let node_keys = Keys::new(
        "kn",
        1,
        NODE_COLUMNS,
        node_cols.get(1..).unwrap_or_default(),
    );
    let edge_keys = Keys::new("ke", 0, EDGE_COLUMNS, &edge_cols);
    let mut scratch = Vec::new();
    // Which ids are plain, by node index, checked once rather than at every edge end.
    let mut plain = Vec::new();
    for (ix, n) in graph.nodes() {
        if plain.len() <= ix.index() {
            plain.resize(ix.index() + 1, false);
        }
        if let Some(p) = plain.get_mut(ix.index()) {
            *p = is_plain_id(&n.id);
        }
    }
    let is_plain = |ix: crate::graph::NodeIndex| plain.get(ix.index()).copied().unwrap_or(false);
    let (nodes, edges) = flat::sorted_nodes_and_edges(graph);
    for n in nodes {
        let buf = out.buf();
        buf.extend_from_slice(b"    <node id=\"");
        push_node_id(buf, &n.id, is_plain_id(&n.id));
        buf.extend_from_slice(b"\">\n");
        buf.extend_from_slice(b"      <data key=\"kn0\">");
        xml::text(buf, &n.id);
        buf.extend_from_slice(b"</data>\n");
        flat::visit_node(n, opts, &mut |name, cell| {
            node_keys.write_cell(buf, &mut scratch, name, &cell);
        });
        buf.extend_from_slice(b"    </node>\n");
        out.flush_if_full()?;
    }
    for (i, v) in edges.iter().enumerate() {
        let buf = out.buf();
        buf.extend_from_slice(b"    <edge id=\"e");
        push_int(buf, i as u64);
        buf.extend_from_slice(b"\" source=\"");
        push_node_id(buf, &v.from.id, is_plain(v.from_index));
        buf.extend_from_slice(b"\" target=\"");
        push_node_id(buf, &v.to.id, is_plain(v.to_index));
        buf.extend_from_slice(b"\">\n");
        flat::visit_edge(v, true, &mut |name, cell| {
            edge_keys.write_cell(buf, &mut scratch, name, &cell);
        });
        buf.extend_from_slice(b"    </edge>\n");
        out.flush_if_full()?;
    }
    out.raw("  </graph>\n");
    out.raw("</graphml>\n");
    out.finish()
}

#[cfg(test)]
mod tests {
    use super::node_id;

    #[test]
    fn node_ids_become_name_tokens_one_to_one() {
        assert_eq!(node_id("gsomia-kor-usa"), "gsomia-kor-usa");
        assert_eq!(node_id("Séoul_1"), "Séoul_1");
        assert_eq!(node_id("odd\"id\\"), "odd_x0022_id_x005C_");
        assert_eq!(node_id("a b"), "a_x0020_b");
        assert_eq!(node_id("_x0020_"), "_x005F_x0020_");
    }
}
