//! GraphML 1.0: one `<key>` per attribute, typed (`string`, `long`, `double`, `boolean`), then
//! nodes and edges written as the graph is walked.

use std::io::{self, Write};

use rustc_hash::FxHashMap;

use super::buffer::{push_int, Out};
use super::flat::{self, Cell, ColType, Column, NodeOptions, Record};
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
    let needs =
        |(i, c): (usize, char)| !is_name_char(c) || (c == '_' && id[i + 1..].starts_with('x'));
    // The usual ids, checked a byte at a time.
    let plain = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_');
    if (id.bytes().all(plain) && !id.contains("_x")) || !id.char_indices().any(needs) {
        return std::borrow::Cow::Borrowed(id);
    }
    let mut out = String::with_capacity(id.len() + 8);
    for (i, c) in id.char_indices() {
        if needs((i, c)) {
            out.push_str(&format!("_x{:04X}_", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

fn graphml_type(ty: ColType) -> &'static str {
    match ty {
        ColType::Bool => "boolean",
        ColType::Int => "long",
        ColType::Float => "double",
        ColType::Str | ColType::Json => "string",
    }
}

fn write_keys(out: &mut Vec<u8>, prefix: &str, domain: &str, cols: &[Column]) {
    for (i, c) in cols.iter().enumerate() {
        out.extend_from_slice(b"  <key id=\"");
        out.extend_from_slice(prefix.as_bytes());
        push_int(out, i as u64);
        out.extend_from_slice(b"\" for=\"");
        out.extend_from_slice(domain.as_bytes());
        out.extend_from_slice(b"\" attr.name=\"");
        xml::attr(out, &c.name);
        out.extend_from_slice(b"\" attr.type=\"");
        out.extend_from_slice(graphml_type(c.ty).as_bytes());
        out.extend_from_slice(b"\"/>\n");
    }
}

/// The columns of one domain, looked up by name: each with its type and the opening tag of
/// its `<data>` element, written once.
struct Keys<'c> {
    by_name: FxHashMap<&'c str, (ColType, Vec<u8>)>,
}

impl<'c> Keys<'c> {
    fn new(prefix: &str, cols: &'c [Column]) -> Self {
        let by_name = cols
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let mut open = format!("      <data key=\"{prefix}").into_bytes();
                push_int(&mut open, i as u64);
                open.extend_from_slice(b"\">");
                (c.name.as_str(), (c.ty, open))
            })
            .collect();
        Keys { by_name }
    }

    /// Appends one `<data>` element per cell of a record.
    fn write_data(&self, out: &mut Vec<u8>, scratch: &mut Vec<u8>, rec: &Record<'_>) {
        for (k, cell) in rec {
            self.write_cell(out, scratch, k, cell);
        }
    }

    fn write_cell(&self, out: &mut Vec<u8>, scratch: &mut Vec<u8>, key: &str, cell: &Cell<'_>) {
        let Some((ty, open)) = self.by_name.get(key) else {
            return;
        };
        out.extend_from_slice(open);
        xml::text_bytes(out, flat::cell_bytes(cell, *ty, scratch));
        out.extend_from_slice(b"</data>\n");
    }
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
    let node_keys = Keys::new("kn", &node_cols);
    let edge_keys = Keys::new("ke", &edge_cols);
    let mut scratch = Vec::new();
    for n in flat::sorted_nodes(graph) {
        let buf = out.buf();
        buf.extend_from_slice(b"    <node id=\"");
        xml::attr(buf, &node_id(&n.id));
        buf.extend_from_slice(b"\">\n");
        node_keys.write_cell(
            buf,
            &mut scratch,
            "node_id",
            &Cell::Str(n.id.as_str().into()),
        );
        node_keys.write_data(buf, &mut scratch, &flat::node_record(n, opts));
        buf.extend_from_slice(b"    </node>\n");
        out.flush_if_full()?;
    }
    for (i, v) in flat::sorted_edges(graph).iter().enumerate() {
        let buf = out.buf();
        buf.extend_from_slice(b"    <edge id=\"e");
        push_int(buf, i as u64);
        buf.extend_from_slice(b"\" source=\"");
        xml::attr(buf, &node_id(&v.from.id));
        buf.extend_from_slice(b"\" target=\"");
        xml::attr(buf, &node_id(&v.to.id));
        buf.extend_from_slice(b"\">\n");
        edge_keys.write_data(buf, &mut scratch, &flat::edge_record(v, true));
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
