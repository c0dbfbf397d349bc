//! GEXF 1.3, dynamic: nodes and edges carry `start`/`end` days (the earliest day of a partial
//! start date, the latest day of a partial end date) so that Gephi's timeline works; agreements
//! carry one `<spell>` per period in which they bound their parties. The partial dates
//! themselves stay in string attributes.

use std::io::{self, Write};

use chrono::NaiveDate;

use super::flat::{self, Cell, ColType, Column, NodeOptions};
use super::xml;
use crate::graph::Graph;
use crate::model::{LifecycleStep, Node, NodeDetails};

fn gexf_type(ty: ColType) -> &'static str {
    match ty {
        ColType::Bool => "boolean",
        ColType::Int => "long",
        ColType::Float => "double",
        ColType::Str | ColType::Json => "string",
    }
}

fn write_attributes(w: &mut dyn Write, class: &str, cols: &[Column]) -> io::Result<()> {
    writeln!(w, "    <attributes class=\"{class}\" mode=\"static\">")?;
    for (i, c) in cols.iter().enumerate() {
        write!(w, "      <attribute id=\"{i}\" title=\"")?;
        xml::attr(w, &c.name)?;
        writeln!(w, "\" type=\"{}\"/>", gexf_type(c.ty))?;
    }
    writeln!(w, "    </attributes>")
}

fn write_attvalues(
    w: &mut dyn Write,
    cols: &[Column],
    rec: &[(std::borrow::Cow<'_, str>, Cell<'_>)],
) -> io::Result<()> {
    writeln!(w, "        <attvalues>")?;
    for (k, cell) in rec {
        let Some(i) = cols.iter().position(|c| c.name == *k) else {
            continue;
        };
        let ty = cols.get(i).map_or(ColType::Json, |c| c.ty);
        write!(w, "          <attvalue for=\"{i}\" value=\"")?;
        xml::attr(w, &flat::cell_text(cell, ty))?;
        writeln!(w, "\"/>")?;
    }
    writeln!(w, "        </attvalues>")
}

fn write_span(
    w: &mut dyn Write,
    start: Option<NaiveDate>,
    end: Option<NaiveDate>,
) -> io::Result<()> {
    if let Some(s) = start {
        write!(w, " start=\"{s}\"")?;
    }
    if let Some(e) = end {
        write!(w, " end=\"{e}\"")?;
    }
    Ok(())
}

/// The days a node exists on the timeline: an event from its first to its last day; a
/// statement on its date; a source from its date on; an agreement from its first dated step
/// to its termination. Countries, people and organizations have no bounds.
pub(crate) fn node_span(n: &Node) -> (Option<NaiveDate>, Option<NaiveDate>) {
    match &n.details {
        NodeDetails::Event { when, .. } => (
            when.start.map(|d| d.earliest()),
            when.end.or(when.start).map(|d| d.latest()),
        ),
        NodeDetails::Statement { date, .. } => {
            (date.map(|d| d.earliest()), date.map(|d| d.latest()))
        }
        NodeDetails::Source { date, .. } => (date.map(|d| d.earliest()), None),
        NodeDetails::Agreement { lifecycle, .. } => {
            let first = lifecycle.iter().find_map(|s| s.date.or(s.attested));
            let end = lifecycle
                .iter()
                .rev()
                .find(|s| s.state == crate::model::LifecycleState::Terminated)
                .and_then(|s| s.date);
            (first.map(|d| d.earliest()), end.map(|d| d.latest()))
        }
        NodeDetails::Country | NodeDetails::Person | NodeDetails::Organization { .. } => {
            (None, None)
        }
    }
}

/// The periods in which an agreement bound its parties (agreed, signed or in force), from
/// the dated steps of its lifecycle: each runs from the day a binding step starts to the day
/// before the next non-binding step (or open). Steps without a date use their `attested`
/// date; steps with neither are skipped.
pub(crate) fn binding_spells(lifecycle: &[LifecycleStep]) -> Vec<(NaiveDate, Option<NaiveDate>)> {
    let mut spells = Vec::new();
    let mut open: Option<NaiveDate> = None;
    for step in lifecycle {
        let Some(day) = step.date.or(step.attested).map(|d| d.earliest()) else {
            continue;
        };
        if step.state.is_binding() {
            open.get_or_insert(day);
        } else if step.state != crate::model::LifecycleState::Withdrawn {
            if let Some(start) = open.take() {
                let end = day.pred_opt().filter(|e| *e >= start).unwrap_or(start);
                spells.push((start, Some(end)));
            }
        }
    }
    if let Some(start) = open {
        spells.push((start, None));
    }
    spells
}

/// Writes the graph as GEXF 1.3.
pub(crate) fn write(graph: &Graph, w: &mut dyn Write) -> io::Result<()> {
    let opts = NodeOptions::FULL;
    let node_cols = flat::node_columns(graph, opts);
    let edge_cols = flat::edge_columns(graph, true);
    writeln!(w, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>")?;
    writeln!(
        w,
        "<gexf xmlns=\"http://gexf.net/1.3\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
         xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\" version=\"1.3\">"
    )?;
    writeln!(w, "  <meta>")?;
    writeln!(w, "    <creator>diplograph</creator>")?;
    if let Some(d) = graph.title.as_deref().or(graph.description.as_deref()) {
        write!(w, "    <description>")?;
        xml::text(w, d)?;
        writeln!(w, "</description>")?;
    }
    writeln!(w, "  </meta>")?;
    writeln!(
        w,
        "  <graph mode=\"dynamic\" defaultedgetype=\"directed\" timeformat=\"date\" \
         timerepresentation=\"interval\" idtype=\"string\">"
    )?;
    write_attributes(w, "node", &node_cols)?;
    write_attributes(w, "edge", &edge_cols)?;
    writeln!(w, "    <nodes count=\"{}\">", graph.node_count())?;
    for n in flat::sorted_nodes(graph) {
        write!(w, "      <node id=\"")?;
        xml::attr(w, &n.id)?;
        write!(w, "\" label=\"")?;
        xml::attr(w, &n.name)?;
        write!(w, "\"")?;
        // An agreement's binding periods, when known, are its spells; otherwise (and for
        // every other node) its span is the node's start and end.
        let spells = n.lifecycle().map(binding_spells).unwrap_or_default();
        if spells.is_empty() {
            let (start, end) = node_span(n);
            write_span(w, start, end)?;
        }
        writeln!(w, ">")?;
        write_attvalues(w, &node_cols, &flat::node_record(n, opts))?;
        if !spells.is_empty() {
            writeln!(w, "        <spells>")?;
            for (s, e) in spells {
                write!(w, "          <spell")?;
                write_span(w, Some(s), e)?;
                writeln!(w, "/>")?;
            }
            writeln!(w, "        </spells>")?;
        }
        writeln!(w, "      </node>")?;
    }
    writeln!(w, "    </nodes>")?;
    writeln!(w, "    <edges count=\"{}\">", graph.edge_count())?;
    for (i, v) in flat::sorted_edges(graph).iter().enumerate() {
        write!(w, "      <edge id=\"e{i}\" source=\"")?;
        xml::attr(w, &v.from.id)?;
        write!(w, "\" target=\"")?;
        xml::attr(w, &v.to.id)?;
        write!(w, "\" label=\"{}\"", v.edge.kind.as_str())?;
        write_span(
            w,
            v.edge.valid.start.map(|d| d.earliest()),
            v.edge.valid.end.map(|d| d.latest()),
        )?;
        writeln!(w, ">")?;
        write_attvalues(w, &edge_cols, &flat::edge_record(v, true))?;
        writeln!(w, "      </edge>")?;
    }
    writeln!(w, "    </edges>")?;
    writeln!(w, "  </graph>")?;
    writeln!(w, "</gexf>")
}
