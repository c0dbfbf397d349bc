//! GraphML 1.0: one `<key>` per attribute, typed (`string`, `long`, `double`, `boolean`), then
//! nodes and edges written as the graph is walked.

use std::io::{self, Write};

use super::flat::{self, Cell, ColType, Column, NodeOptions};
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
    if !id.char_indices().any(needs) {
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

fn write_keys(w: &mut dyn Write, prefix: &str, domain: &str, cols: &[Column]) -> io::Result<()> {
    for (i, c) in cols.iter().enumerate() {
        write!(w, "  <key id=\"{prefix}{i}\" for=\"{domain}\" attr.name=\"")?;
        xml::attr(w, &c.name)?;
        writeln!(w, "\" attr.type=\"{}\"/>", graphml_type(c.ty))?;
    }
    Ok(())
}

fn write_data(
    w: &mut dyn Write,
    prefix: &str,
    cols: &[Column],
    rec: &[(std::borrow::Cow<'_, str>, Cell<'_>)],
) -> io::Result<()> {
    for (k, cell) in rec {
        let Some(i) = cols.iter().position(|c| c.name == *k) else {
            continue;
        };
        let ty = cols.get(i).map_or(ColType::Json, |c| c.ty);
        write!(w, "      <data key=\"{prefix}{i}\">")?;
        xml::text(w, &flat::cell_text(cell, ty))?;
        writeln!(w, "</data>")?;
    }
    Ok(())
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
    writeln!(w, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>")?;
    writeln!(
        w,
        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
         xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns \
         http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">"
    )?;
    let graph_attrs: Vec<(&str, &str)> =
        [("title", &graph.title), ("description", &graph.description)]
            .into_iter()
            .filter_map(|(k, v)| v.as_deref().map(|v| (k, v)))
            .collect();
    for (i, (k, _)) in graph_attrs.iter().enumerate() {
        writeln!(
            w,
            "  <key id=\"kg{i}\" for=\"graph\" attr.name=\"{k}\" attr.type=\"string\"/>"
        )?;
    }
    write_keys(w, "kn", "node", &node_cols)?;
    write_keys(w, "ke", "edge", &edge_cols)?;
    writeln!(w, "  <graph id=\"diplograph\" edgedefault=\"directed\">")?;
    for (i, (_, v)) in graph_attrs.iter().enumerate() {
        write!(w, "    <data key=\"kg{i}\">")?;
        xml::text(w, v)?;
        writeln!(w, "</data>")?;
    }
    for n in flat::sorted_nodes(graph) {
        write!(w, "    <node id=\"")?;
        xml::attr(w, &node_id(&n.id))?;
        writeln!(w, "\">")?;
        let mut rec = flat::node_record(n, opts);
        rec.insert(0, ("node_id".into(), Cell::Str(n.id.as_str().into())));
        write_data(w, "kn", &node_cols, &rec)?;
        writeln!(w, "    </node>")?;
    }
    for (i, v) in flat::sorted_edges(graph).iter().enumerate() {
        write!(w, "    <edge id=\"e{i}\" source=\"")?;
        xml::attr(w, &node_id(&v.from.id))?;
        write!(w, "\" target=\"")?;
        xml::attr(w, &node_id(&v.to.id))?;
        writeln!(w, "\">")?;
        write_data(w, "ke", &edge_cols, &flat::edge_record(v, true))?;
        writeln!(w, "    </edge>")?;
    }
    writeln!(w, "  </graph>")?;
    writeln!(w, "</graphml>")
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
