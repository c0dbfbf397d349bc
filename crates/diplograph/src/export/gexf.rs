//! GEXF 1.3, dynamic: nodes and edges carry `start`/`end` days (the earliest day of a partial
//! start date, the latest day of a partial end date) so that Gephi's timeline works; agreements
//! carry one `<spell>` per period in which they bound their parties. The partial dates
//! themselves stay in string attributes. Ids holding characters XML cannot (C0 controls,
//! U+FFFE, U+FFFF) are encoded one-to-one as `_xHHHH_`.

use std::io::{self, Write};

use chrono::NaiveDate;

use rustc_hash::FxHashMap;

use super::buffer::{push_date, push_int, Out};
use super::flat::{self, ColType, Column, NodeOptions, Record};
use super::xml;
use crate::graph::Graph;
use crate::model::{LifecycleStep, Node, NodeDetails};

/// A node id as a GEXF id: characters XML 1.0 cannot hold become `_xHHHH_` (see
/// [`xml::encode_name`]), so that no two ids become one.
fn id(s: &str) -> std::borrow::Cow<'_, str> {
    xml::encode_name(s, |c| !flat::is_forbidden_control(c))
}

fn gexf_type(ty: ColType) -> &'static str {
    match ty {
        ColType::Bool => "boolean",
        ColType::Int => "long",
        ColType::Float => "double",
        ColType::Str | ColType::Json => "string",
    }
}

fn write_attributes(out: &mut Vec<u8>, class: &str, cols: &[Column]) {
    out.extend_from_slice(b"    <attributes class=\"");
    out.extend_from_slice(class.as_bytes());
    out.extend_from_slice(b"\" mode=\"static\">\n");
    for (i, c) in cols.iter().enumerate() {
        out.extend_from_slice(b"      <attribute id=\"");
        push_int(out, i as u64);
        out.extend_from_slice(b"\" title=\"");
        xml::attr(out, &c.name);
        out.extend_from_slice(b"\" type=\"");
        out.extend_from_slice(gexf_type(c.ty).as_bytes());
        out.extend_from_slice(b"\"/>\n");
    }
    out.extend_from_slice(b"    </attributes>\n");
}

/// The columns of one class, looked up by name: each with its type and the start of its
/// `<attvalue>` element, written once.
struct Attributes<'c> {
    by_name: FxHashMap<&'c str, (ColType, Vec<u8>)>,
}

impl<'c> Attributes<'c> {
    fn new(cols: &'c [Column]) -> Self {
        let by_name = cols
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let mut open = b"          <attvalue for=\"".to_vec();
                push_int(&mut open, i as u64);
                open.extend_from_slice(b"\" value=\"");
                (c.name.as_str(), (c.ty, open))
            })
            .collect();
        Attributes { by_name }
    }

    fn write_attvalues(&self, out: &mut Vec<u8>, scratch: &mut Vec<u8>, rec: &Record<'_>) {
        out.extend_from_slice(b"        <attvalues>\n");
        for (k, cell) in rec {
            let Some((ty, open)) = self.by_name.get(k.as_ref()) else {
                continue;
            };
            out.extend_from_slice(open);
            xml::attr_bytes(out, flat::cell_bytes(cell, *ty, scratch));
            out.extend_from_slice(b"\"/>\n");
        }
        out.extend_from_slice(b"        </attvalues>\n");
    }
}

fn write_span(out: &mut Vec<u8>, start: Option<NaiveDate>, end: Option<NaiveDate>) {
    if let Some(s) = start {
        out.extend_from_slice(b" start=\"");
        push_date(out, s);
        out.push(b'"');
    }
    if let Some(e) = end {
        out.extend_from_slice(b" end=\"");
        push_date(out, e);
        out.push(b'"');
    }
}

/// The days a node exists on the timeline: an event from its first to its last day; a
/// statement on its date; a source from its date on; an agreement from its first dated step
/// to its termination. Countries, people, organizations and places have no bounds.
pub(crate) fn node_span(n: &Node) -> (Option<NaiveDate>, Option<NaiveDate>) {
    match &n.details {
        NodeDetails::Event { when, .. } => (
            when.start.and_then(|d| d.earliest()),
            when.end.or(when.start).and_then(|d| d.latest()),
        ),
        NodeDetails::Statement { date, .. } => (
            date.and_then(|d| d.earliest()),
            date.and_then(|d| d.latest()),
        ),
        NodeDetails::Source { date, .. } => (date.and_then(|d| d.earliest()), None),
        NodeDetails::Agreement { lifecycle, .. } => {
            let first = lifecycle
                .iter()
                .filter(|s| s.status.occurred())
                .find_map(|s| s.date.or(s.attested));
            // Its end, recorded or derived (a notice that took effect, a term that ran out).
            let end = crate::query::history::end_date(lifecycle);
            (
                first.and_then(|d| d.earliest()),
                end.and_then(|d| d.latest()),
            )
        }
        NodeDetails::Country
        | NodeDetails::Person
        | NodeDetails::Organization { .. }
        | NodeDetails::Place { .. } => (None, None),
    }
}

/// The periods in which an agreement bound its parties (agreed, signed, ratified,
/// provisionally applied or in force), by the one derivation of its state
/// ([`crate::query::history::binding_stretches`]), as inclusive day ranges (or open). A period
/// that begins before any date the lifecycle names starts on its first named day: a spell
/// needs a start.
pub(crate) fn binding_spells(lifecycle: &[LifecycleStep]) -> Vec<(NaiveDate, Option<NaiveDate>)> {
    let first = lifecycle
        .iter()
        .flat_map(|s| [s.date, s.attested, s.effective, s.until])
        .flatten()
        .filter_map(|d| d.earliest().or(d.latest()))
        .min();
    crate::query::history::binding_stretches(lifecycle)
        .into_iter()
        .filter_map(|(from, until)| {
            let start = from.or(first)?;
            let end = match until {
                Some(u) => Some(u.pred_opt().filter(|e| *e >= start)?),
                None => None,
            };
            Some((start, end))
        })
        .collect()
}

/// Writes the graph as GEXF 1.3.
pub(crate) fn write(graph: &Graph, w: &mut dyn Write) -> io::Result<()> {
    let opts = NodeOptions::FULL;
    let node_cols = flat::node_columns(graph, opts);
    let edge_cols = flat::edge_columns(graph, true);
    let mut out = Out::new(w);
    out.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.raw(
        "<gexf xmlns=\"http://gexf.net/1.3\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
         xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\" version=\"1.3\">\n",
    );
    out.raw("  <meta>\n");
    out.raw("    <creator>diplograph</creator>\n");
    if let Some(d) = graph.title.as_deref().or(graph.description.as_deref()) {
        out.raw("    <description>");
        xml::text(out.buf(), d);
        out.raw("</description>\n");
    }
    out.raw("  </meta>\n");
    out.raw(
        "  <graph mode=\"dynamic\" defaultedgetype=\"directed\" timeformat=\"date\" \
         timerepresentation=\"interval\" idtype=\"string\">\n",
    );
    write_attributes(out.buf(), "node", &node_cols);
    write_attributes(out.buf(), "edge", &edge_cols);
    let node_attrs = Attributes::new(&node_cols);
    let edge_attrs = Attributes::new(&edge_cols);
    let mut scratch = Vec::new();
    out.raw("    <nodes count=\"");
    out.int(graph.node_count() as u64);
    out.raw("\">\n");
    for n in flat::sorted_nodes(graph) {
        let buf = out.buf();
        buf.extend_from_slice(b"      <node id=\"");
        xml::attr(buf, &id(&n.id));
        buf.extend_from_slice(b"\" label=\"");
        xml::attr(buf, &n.name);
        buf.push(b'"');
        // An agreement's binding periods, when known, are its spells; otherwise (and for
        // every other node) its span is the node's start and end.
        let spells = n.lifecycle().map(binding_spells).unwrap_or_default();
        if spells.is_empty() {
            let (start, end) = node_span(n);
            write_span(buf, start, end);
        }
        buf.extend_from_slice(b">\n");
        node_attrs.write_attvalues(buf, &mut scratch, &flat::node_record(n, opts));
        if !spells.is_empty() {
            buf.extend_from_slice(b"        <spells>\n");
            for (s, e) in spells {
                buf.extend_from_slice(b"          <spell");
                write_span(buf, Some(s), e);
                buf.extend_from_slice(b"/>\n");
            }
            buf.extend_from_slice(b"        </spells>\n");
        }
        buf.extend_from_slice(b"      </node>\n");
        out.flush_if_full()?;
    }
    out.raw("    </nodes>\n");
    out.raw("    <edges count=\"");
    out.int(graph.edge_count() as u64);
    out.raw("\">\n");
    for (i, v) in flat::sorted_edges(graph).iter().enumerate() {
        let buf = out.buf();
        buf.extend_from_slice(b"      <edge id=\"e");
        push_int(buf, i as u64);
        buf.extend_from_slice(b"\" source=\"");
        xml::attr(buf, &id(&v.from.id));
        buf.extend_from_slice(b"\" target=\"");
        xml::attr(buf, &id(&v.to.id));
        buf.extend_from_slice(b"\" label=\"");
        buf.extend_from_slice(v.edge.kind.as_str().as_bytes());
        buf.push(b'"');
        write_span(
            buf,
            v.edge.valid.start.and_then(|d| d.earliest()),
            v.edge.valid.end.and_then(|d| d.latest()),
        );
        buf.extend_from_slice(b">\n");
        edge_attrs.write_attvalues(buf, &mut scratch, &flat::edge_record(v, true));
        buf.extend_from_slice(b"      </edge>\n");
        out.flush_if_full()?;
    }
    out.raw("    </edges>\n");
    out.raw("  </graph>\n");
    out.raw("</gexf>\n");
    out.finish()
}
