//! Writing the native format: deterministic (the canonical order of [`crate::order`]),
//! pretty-printed, ending in a newline.

use std::borrow::Cow;
use std::io::Write;
use std::path::Path;

use super::records::{DocumentOut, EdgeRecord, NodeRecord};
use super::FORMAT_VERSION;
use crate::error::{Error, Result};
use crate::graph::Graph;
use crate::model::{Edge, Node, NodeDetails, StatementText};

pub(super) fn node_record(n: &Node) -> NodeRecord<'_> {
    let mut r = NodeRecord {
        id: Cow::Borrowed(&n.id),
        kind: n.kind(),
        name: Cow::Borrowed(&n.name),
        aliases: n
            .aliases
            .iter()
            .map(|a| Cow::Borrowed(a.as_str()))
            .collect(),
        external_ids: Cow::Borrowed(&n.external_ids),
        unnamed: n.unnamed.is_some().then_some(true),
        description: n.unnamed.as_deref().map(Cow::Borrowed),
        org_kind: None,
        agreement_kind: None,
        lifecycle: None,
        binding: None,
        renewal: None,
        vote: None,
        event_kind: None,
        place_kind: None,
        date: None,
        end: None,
        place: None,
        status: None,
        quote: None,
        paraphrase: None,
        cue: None,
        url: None,
        text: None,
        attributes: Cow::Borrowed(&n.attributes),
        citations: Cow::Borrowed(&n.citations),
    };
    match &n.details {
        NodeDetails::Country | NodeDetails::Person => {}
        NodeDetails::Organization { kind } => r.org_kind = Some(*kind),
        NodeDetails::Place { kind } => r.place_kind = Some(*kind),
        NodeDetails::Agreement {
            kind,
            lifecycle,
            terms,
        } => {
            r.agreement_kind = Some(*kind);
            r.lifecycle = (!lifecycle.is_empty()).then_some(Cow::Borrowed(lifecycle.as_slice()));
            if let Some(t) = terms {
                r.binding = t.binding.as_ref().map(Cow::Borrowed);
                r.renewal = t.renewal.as_ref().map(Cow::Borrowed);
                r.vote = t.vote.as_ref().map(Cow::Borrowed);
            }
        }
        NodeDetails::Event {
            kind,
            when,
            place,
            status,
        } => {
            r.event_kind = Some(*kind);
            r.status = (!status.is_default()).then_some(*status);
            r.date = when.start;
            r.end = (when.end != when.start).then_some(when.end);
            r.place = place.as_deref().map(Cow::Borrowed);
        }
        NodeDetails::Statement { text, date, cue } => {
            match text {
                StatementText::Quote(q) => r.quote = Some(Cow::Borrowed(q)),
                StatementText::Paraphrase(p) => r.paraphrase = Some(Cow::Borrowed(p)),
            }
            r.date = *date;
            r.cue = cue.as_ref().map(Cow::Borrowed);
        }
        NodeDetails::Source { date, url, text } => {
            r.date = *date;
            r.url = url.as_deref().map(Cow::Borrowed);
            r.text = text.as_deref().map(Cow::Borrowed);
        }
    }
    r
}

/// An edge's native record as compact JSON text (the canonical tie-break of
/// [`crate::order::tie_break`]).
pub(crate) fn edge_record_json(v: &crate::graph::EdgeView<'_>) -> String {
    serde_json::to_string(&edge_record(&v.from.id, &v.to.id, v.edge)).unwrap_or_default()
}

pub(super) fn edge_record<'g>(from: &'g str, to: &'g str, e: &'g Edge) -> EdgeRecord<'g> {
    let q = e.qualifiers.as_deref();
    EdgeRecord {
        kind: e.kind,
        from: Cow::Borrowed(from),
        to: Cow::Borrowed(to),
        start: e.valid.start,
        end: e.valid.end,
        attested: Cow::Borrowed(&e.attested),
        title: q.and_then(|q| q.title.as_deref()).map(Cow::Borrowed),
        on_behalf_of: q.and_then(|q| q.on_behalf_of.as_deref()).map(Cow::Borrowed),
        position: q.and_then(|q| q.position),
        chain: q.and_then(|q| q.chain),
        share: q.and_then(|q| q.share),
        amount: q.and_then(|q| q.amount.as_deref()).map(Cow::Borrowed),
        relation: q.and_then(|q| q.relation.as_deref()).map(Cow::Borrowed),
        role: q.and_then(|q| q.role),
        acting_for: q.and_then(|q| q.acting_for.as_deref()).map(Cow::Borrowed),
        place: q.and_then(|q| q.place.as_deref()).map(Cow::Borrowed),
        attributes: Cow::Borrowed(&e.attributes),
        citations: Cow::Borrowed(&e.citations),
    }
}

/// Writes a graph in the native format to a writer: deterministic (nodes by kind then id,
/// edges by source, kind, target, dates and details), pretty-printed, ending in a newline.
///
/// # Errors
/// [`Error::Write`] when the writer fails.
pub fn write(graph: &Graph, out: impl Write) -> Result<()> {
    let mut nodes: Vec<&Node> = graph.nodes().map(|(_, n)| n).collect();
    nodes.sort_by(|a, b| crate::order::node_key(a).cmp(&crate::order::node_key(b)));
    let mut edges: Vec<_> = graph.edges().collect();
    edges.sort_by(crate::order::cmp_edges);
    let doc = DocumentOut {
        diplograph: FORMAT_VERSION,
        title: graph.title.as_deref(),
        description: graph.description.as_deref(),
        nodes: nodes.into_iter().map(node_record).collect(),
        edges: edges
            .iter()
            .map(|v| edge_record(&v.from.id, &v.to.id, v.edge))
            .collect(),
    };
    let mut out = std::io::BufWriter::new(out);
    serde_json::to_writer_pretty(&mut out, &doc).map_err(|e| Error::Write(e.into()))?;
    out.write_all(b"\n")?;
    out.flush()?;
    Ok(())
}

/// The graph in the native format, as a string (see [`write()`]).
pub fn to_string(graph: &Graph) -> String {
    let mut buf = Vec::new();
    // Writing to a Vec cannot fail.
    let _ = write(graph, &mut buf);
    String::from_utf8(buf).unwrap_or_default()
}

/// Saves a graph to a file atomically (see [`crate::output::write_atomically`]).
///
/// # Errors
/// [`Error::Io`] when the file cannot be written; an existing file is then left untouched.
pub fn save(graph: &Graph, path: impl AsRef<Path>) -> Result<()> {
    crate::output::write_atomically(path.as_ref(), |w| write(graph, w))
}
