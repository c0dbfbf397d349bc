//! Writing a graph's tables: rows in the native save's order (nodes by kind then id, edges in
//! the canonical edge order), so two writes of one graph give the same rows.

use std::path::Path;

use arrow::array::{
    ArrayRef, BooleanBuilder, Date32Builder, Float64Builder, ListBuilder, RecordBatch,
    StringBuilder, UInt32Builder, UInt64Builder,
};
use parquet::arrow::ArrowWriter;
use parquet::basic::Compression;
use parquet::file::properties::WriterProperties;

use super::table_path;
use crate::error::{Error, Result};
use crate::format::FORMAT_VERSION;
use crate::graph::Graph;
use crate::model::{EdgeKind, Node, NodeDetails, StatementText};
use crate::provenance::Citation;
use crate::time::PartialDate;

/// Writes `graph` as Parquet tables into `dir` (created when missing; tables already there are
/// replaced). The schema is in `docs/export.md` (*Parquet*).
///
/// # Errors
/// [`Error::Io`] when the directory or a table cannot be written.
pub fn write_dir(graph: &Graph, dir: &Path) -> Result<()> {
    std::fs::create_dir_all(dir).map_err(|source| Error::Io {
        action: "cannot create directory",
        path: dir.to_path_buf(),
        source,
    })?;
    let mut nodes: Vec<&Node> = graph.nodes().map(|(_, n)| n).collect();
    nodes.sort_by(|a, b| crate::order::node_key(a).cmp(&crate::order::node_key(b)));
    let mut edges: Vec<_> = graph.edges().collect();
    edges.sort_by(crate::order::cmp_edges);

    let mut cites = Citations::default();
    let mut t = NodeTable::default();
    let mut steps = StepTable::default();
    let mut terms = TermsTable::default();
    let mut texts = Table::default();
    let (mut text_source, mut text_text) = (StringBuilder::new(), StringBuilder::new());
    for n in &nodes {
        t.row(n);
        cites.add("node", Some(&n.id), None, None, &n.citations);
        match &n.details {
            NodeDetails::Agreement {
                lifecycle,
                terms: tm,
                ..
            } => {
                for (i, s) in lifecycle.iter().enumerate() {
                    steps.row(&n.id, i, s);
                    cites.add("step", Some(&n.id), None, Some(i), &s.citations);
                }
                if let Some(tm) = tm {
                    terms.row(&n.id, tm);
                    for (what, cs) in tm.cited() {
                        cites.add(what, Some(&n.id), None, None, cs);
                    }
                }
            }
            NodeDetails::Statement { cue: Some(c), .. } => {
                cites.add("cue", Some(&n.id), None, None, &c.citations);
            }
            NodeDetails::Source { text: Some(x), .. } => {
                text_source.append_value(&n.id);
                text_text.append_value(x);
            }
            _ => {}
        }
    }
    texts.col("source", text_source);
    texts.col("text", text_text);

    let mut e = EdgeTable::default();
    let mut chains = ChainTable::default();
    for (i, v) in edges.iter().enumerate() {
        e.row(i, &v.from.id, &v.to.id, v.edge);
        cites.add("edge", None, Some(i), None, &v.edge.citations);
        if v.edge.kind == EdgeKind::ReportedBy {
            chains.row(i, &v.from.id, &v.to.id, v.edge);
        }
    }

    let mut g = Table::default();
    let mut version = StringBuilder::new();
    version.append_value(FORMAT_VERSION);
    g.col("diplograph", version);
    g.col("title", strings([graph.title.as_deref()]));
    g.col("description", strings([graph.description.as_deref()]));

    let tables = [
        ("graph", g),
        ("nodes", t.finish()),
        ("edges", e.finish()),
        ("lifecycle", steps.finish()),
        ("terms", terms.finish()),
        ("citations", cites.finish()),
        ("source_texts", texts),
        ("reporting_chains", chains.finish()),
    ];
    for (name, table) in tables {
        write_table(&table_path(dir, name), table)?;
    }
    Ok(())
}

/// Columns by name, in order.
#[derive(Default)]
struct Table(Vec<(&'static str, ArrayRef)>);

impl Table {
    fn col(&mut self, name: &'static str, mut b: impl arrow::array::ArrayBuilder) {
        self.0.push((name, b.finish()));
    }
}

fn strings<'a>(values: impl IntoIterator<Item = Option<&'a str>>) -> StringBuilder {
    let mut b = StringBuilder::new();
    for v in values {
        b.append_option(v);
    }
    b
}

fn write_table(path: &Path, table: Table) -> Result<()> {
    let io = |e: parquet::errors::ParquetError| Error::Io {
        action: "cannot write",
        path: path.to_path_buf(),
        source: std::io::Error::other(e),
    };
    let batch = RecordBatch::try_from_iter(table.0).map_err(|e| io(e.into()))?;
    let props = WriterProperties::builder()
        .set_compression(Compression::SNAPPY)
        .build();
    // The writer needs a `Send` sink: the table is written to memory, then to the file.
    let mut bytes = Vec::new();
    let mut writer = ArrowWriter::try_new(&mut bytes, batch.schema(), Some(props)).map_err(io)?;
    writer.write(&batch).map_err(io)?;
    writer.close().map_err(io)?;
    crate::output::write_atomically(path, |w| Ok(w.write_all(&bytes)?))
}

/// A date as three columns: its EDTF text and its earliest and latest possible days.
#[derive(Default)]
struct DateCols {
    text: StringBuilder,
    earliest: Date32Builder,
    latest: Date32Builder,
}

impl DateCols {
    fn push(&mut self, d: Option<&PartialDate>) {
        self.text.append_option(d.map(ToString::to_string));
        self.earliest
            .append_option(d.and_then(PartialDate::earliest).map(days));
        self.latest
            .append_option(d.and_then(PartialDate::latest).map(days));
    }

    fn finish(self, t: &mut Table, names: [&'static str; 3]) {
        let [text, earliest, latest] = names;
        t.col(text, self.text);
        t.col(earliest, self.earliest);
        t.col(latest, self.latest);
    }
}

/// Days since 1970-01-01, Arrow's `Date32`.
fn days(d: chrono::NaiveDate) -> i32 {
    let epoch = chrono::NaiveDate::default();
    i32::try_from((d - epoch).num_days()).unwrap_or(i32::MAX)
}

/// Free attributes as JSON object text; null when there are none.
fn json_object<T: serde::Serialize>(value: &T, empty: bool) -> Option<String> {
    (!empty).then(|| serde_json::to_string(value).unwrap_or_default())
}

#[derive(Default)]
struct NodeTable {
    id: StringBuilder,
    kind: StringBuilder,
    name: StringBuilder,
    aliases: ListBuilder<StringBuilder>,
    external_ids: StringBuilder,
    subkind: StringBuilder,
    description: StringBuilder,
    date: DateCols,
    end: DateCols,
    place: StringBuilder,
    status: StringBuilder,
    quote: StringBuilder,
    paraphrase: StringBuilder,
    cue: StringBuilder,
    url: StringBuilder,
    attributes: StringBuilder,
}

impl NodeTable {
    fn row(&mut self, n: &Node) {
        self.id.append_value(&n.id);
        self.kind.append_value(n.kind().as_str());
        self.name.append_value(&n.name);
        for a in &n.aliases {
            self.aliases.values().append_value(a);
        }
        self.aliases.append(true);
        self.external_ids
            .append_option(json_object(&n.external_ids, n.external_ids.is_empty()));
        self.subkind.append_option(n.details.subkind());
        self.description.append_option(n.unnamed.as_deref());
        let (mut date, mut end, mut place, mut status) = (None, None, None, None);
        let (mut quote, mut paraphrase, mut cue, mut url) = (None, None, None, None);
        match &n.details {
            NodeDetails::Event {
                when,
                place: p,
                status: s,
                ..
            } => {
                date = when.start.as_ref();
                end = when.end.as_ref();
                place = p.as_deref();
                status = Some(s.as_str());
            }
            NodeDetails::Statement {
                text,
                date: d,
                cue: c,
            } => {
                date = d.as_ref();
                match text {
                    StatementText::Quote(q) => quote = Some(q.as_str()),
                    StatementText::Paraphrase(p) => paraphrase = Some(p.as_str()),
                }
                cue = c.as_ref().map(|c| c.words.as_str());
            }
            NodeDetails::Source {
                date: d, url: u, ..
            } => {
                date = d.as_ref();
                url = u.as_deref();
            }
            _ => {}
        }
        self.date.push(date);
        self.end.push(end);
        self.place.append_option(place);
        self.status.append_option(status);
        self.quote.append_option(quote);
        self.paraphrase.append_option(paraphrase);
        self.cue.append_option(cue);
        self.url.append_option(url);
        self.attributes
            .append_option(json_object(&n.attributes, n.attributes.is_empty()));
    }

    fn finish(self) -> Table {
        let mut t = Table::default();
        t.col("id", self.id);
        t.col("kind", self.kind);
        t.col("name", self.name);
        t.col("aliases", self.aliases);
        t.col("external_ids", self.external_ids);
        t.col("subkind", self.subkind);
        t.col("description", self.description);
        self.date
            .finish(&mut t, ["date", "date_earliest", "date_latest"]);
        self.end
            .finish(&mut t, ["end", "end_earliest", "end_latest"]);
        t.col("place", self.place);
        t.col("status", self.status);
        t.col("quote", self.quote);
        t.col("paraphrase", self.paraphrase);
        t.col("cue", self.cue);
        t.col("url", self.url);
        t.col("attributes", self.attributes);
        t
    }
}

#[derive(Default)]
struct EdgeTable {
    edge: UInt64Builder,
    kind: StringBuilder,
    from: StringBuilder,
    to: StringBuilder,
    start: DateCols,
    end: DateCols,
    attested: ListBuilder<StringBuilder>,
    title: StringBuilder,
    on_behalf_of: StringBuilder,
    position: UInt32Builder,
    chain: UInt32Builder,
    share: Float64Builder,
    amount: StringBuilder,
    relation: StringBuilder,
    role: StringBuilder,
    acting_for: StringBuilder,
    place: StringBuilder,
    attributes: StringBuilder,
}

impl EdgeTable {
    fn row(&mut self, i: usize, from: &str, to: &str, e: &crate::model::Edge) {
        self.edge.append_value(i as u64);
        self.kind.append_value(e.kind.as_str());
        self.from.append_value(from);
        self.to.append_value(to);
        self.start.push(e.valid.start.as_ref());
        self.end.push(e.valid.end.as_ref());
        for d in &e.attested {
            self.attested.values().append_value(d.to_string());
        }
        self.attested.append(true);
        let q = e.qualifiers.as_deref();
        self.title.append_option(q.and_then(|q| q.title.as_deref()));
        self.on_behalf_of
            .append_option(q.and_then(|q| q.on_behalf_of.as_deref()));
        self.position.append_option(q.and_then(|q| q.position));
        self.chain.append_option(q.and_then(|q| q.chain));
        self.share.append_option(q.and_then(|q| q.share));
        self.amount
            .append_option(q.and_then(|q| q.amount.as_deref()));
        self.relation
            .append_option(q.and_then(|q| q.relation.as_deref()));
        self.role
            .append_option(q.and_then(|q| q.role).map(|r| r.as_str()));
        self.acting_for
            .append_option(q.and_then(|q| q.acting_for.as_deref()));
        self.place.append_option(q.and_then(|q| q.place.as_deref()));
        self.attributes
            .append_option(json_object(&e.attributes, e.attributes.is_empty()));
    }

    fn finish(self) -> Table {
        let mut t = Table::default();
        t.col("edge", self.edge);
        t.col("kind", self.kind);
        t.col("from", self.from);
        t.col("to", self.to);
        self.start
            .finish(&mut t, ["start", "start_earliest", "start_latest"]);
        self.end
            .finish(&mut t, ["end", "end_earliest", "end_latest"]);
        t.col("attested", self.attested);
        t.col("title", self.title);
        t.col("on_behalf_of", self.on_behalf_of);
        t.col("position", self.position);
        t.col("chain", self.chain);
        t.col("share", self.share);
        t.col("amount", self.amount);
        t.col("relation", self.relation);
        t.col("role", self.role);
        t.col("acting_for", self.acting_for);
        t.col("place", self.place);
        t.col("attributes", self.attributes);
        t
    }
}

#[derive(Default)]
struct StepTable {
    agreement: StringBuilder,
    step: UInt32Builder,
    state: StringBuilder,
    date: DateCols,
    attested: DateCols,
    party: StringBuilder,
    effective: DateCols,
    place: StringBuilder,
    until: DateCols,
    condition: StringBuilder,
    note: StringBuilder,
    status: StringBuilder,
}

impl StepTable {
    fn row(&mut self, agreement: &str, i: usize, s: &crate::model::LifecycleStep) {
        self.agreement.append_value(agreement);
        self.step.append_value(u32::try_from(i).unwrap_or(u32::MAX));
        self.state.append_value(s.state.as_str());
        self.date.push(s.date.as_ref());
        self.attested.push(s.attested.as_ref());
        self.party.append_option(s.party.as_deref());
        self.effective.push(s.effective.as_ref());
        self.place.append_option(s.place.as_deref());
        self.until.push(s.until.as_ref());
        self.condition.append_option(s.condition.as_deref());
        self.note.append_option(s.note.as_deref());
        self.status.append_value(s.status.as_str());
    }

    fn finish(self) -> Table {
        let mut t = Table::default();
        t.col("agreement", self.agreement);
        t.col("step", self.step);
        t.col("state", self.state);
        self.date
            .finish(&mut t, ["date", "date_earliest", "date_latest"]);
        self.attested
            .finish(&mut t, ["attested", "attested_earliest", "attested_latest"]);
        t.col("party", self.party);
        self.effective.finish(
            &mut t,
            ["effective", "effective_earliest", "effective_latest"],
        );
        t.col("place", self.place);
        self.until
            .finish(&mut t, ["until", "until_earliest", "until_latest"]);
        t.col("condition", self.condition);
        t.col("note", self.note);
        t.col("status", self.status);
        t
    }
}

#[derive(Default)]
struct TermsTable {
    agreement: StringBuilder,
    binding: BooleanBuilder,
    renewal: StringBuilder,
    vote_for: UInt32Builder,
    vote_against: UInt32Builder,
    vote_abstain: UInt32Builder,
    vote_date: StringBuilder,
}

impl TermsTable {
    fn row(&mut self, agreement: &str, t: &crate::model::AgreementTerms) {
        self.agreement.append_value(agreement);
        self.binding
            .append_option(t.binding.as_ref().map(|b| b.value));
        self.renewal
            .append_option(t.renewal.as_ref().map(|r| r.terms.as_str()));
        let v = t.vote.as_ref();
        self.vote_for.append_option(v.map(|v| v.in_favour));
        self.vote_against.append_option(v.map(|v| v.against));
        self.vote_abstain.append_option(v.map(|v| v.abstaining));
        self.vote_date
            .append_option(v.and_then(|v| v.date).map(|d| d.to_string()));
    }

    fn finish(self) -> Table {
        let mut t = Table::default();
        t.col("agreement", self.agreement);
        t.col("binding", self.binding);
        t.col("renewal", self.renewal);
        t.col("vote_for", self.vote_for);
        t.col("vote_against", self.vote_against);
        t.col("vote_abstain", self.vote_abstain);
        t.col("vote_date", self.vote_date);
        t
    }
}

/// Every citation, with what cites it: its `owner` (`node`, `edge`, `step`, `cue`, `binding`,
/// `renewal`, `vote`), the node or edge, the step, and its place in its owner's list.
#[derive(Default)]
struct Citations {
    owner: StringBuilder,
    node: StringBuilder,
    edge: UInt64Builder,
    step: UInt32Builder,
    citation: UInt32Builder,
    source: StringBuilder,
    span_start: UInt64Builder,
    span_end: UInt64Builder,
    text: StringBuilder,
    occurrence: UInt32Builder,
    via: ListBuilder<StringBuilder>,
    confidence: Float64Builder,
}

impl Citations {
    fn add(
        &mut self,
        owner: &str,
        node: Option<&str>,
        edge: Option<usize>,
        step: Option<usize>,
        cites: &[Citation],
    ) {
        for (i, c) in cites.iter().enumerate() {
            self.owner.append_value(owner);
            self.node.append_option(node);
            self.edge.append_option(edge.map(|e| e as u64));
            self.step
                .append_option(step.map(|s| u32::try_from(s).unwrap_or(u32::MAX)));
            self.citation
                .append_value(u32::try_from(i).unwrap_or(u32::MAX));
            self.source.append_value(&c.source);
            self.span_start
                .append_option(c.span.map(|s| s.start as u64));
            self.span_end.append_option(c.span.map(|s| s.end as u64));
            self.text.append_option(c.text.as_deref());
            self.occurrence.append_option(c.occurrence);
            for v in &c.via {
                self.via.values().append_value(v);
            }
            self.via.append(true);
            self.confidence.append_option(c.confidence);
        }
    }

    fn finish(self) -> Table {
        let mut t = Table::default();
        t.col("owner", self.owner);
        t.col("node", self.node);
        t.col("edge", self.edge);
        t.col("step", self.step);
        t.col("citation", self.citation);
        t.col("source", self.source);
        t.col("span_start", self.span_start);
        t.col("span_end", self.span_end);
        t.col("text", self.text);
        t.col("occurrence", self.occurrence);
        t.col("via", self.via);
        t.col("confidence", self.confidence);
        t
    }
}

/// The `reported_by` edges as chains: derived from `edges` (not read back), for engines.
#[derive(Default)]
struct ChainTable {
    statement: StringBuilder,
    chain: UInt32Builder,
    position: UInt32Builder,
    outlet: StringBuilder,
    edge: UInt64Builder,
}

impl ChainTable {
    fn row(&mut self, i: usize, statement: &str, outlet: &str, e: &crate::model::Edge) {
        let q = e.qualifiers.as_deref();
        self.statement.append_value(statement);
        self.chain
            .append_value(q.and_then(|q| q.chain).unwrap_or(1));
        self.position.append_option(q.and_then(|q| q.position));
        self.outlet.append_value(outlet);
        self.edge.append_value(i as u64);
    }

    fn finish(self) -> Table {
        let mut t = Table::default();
        t.col("statement", self.statement);
        t.col("chain", self.chain);
        t.col("position", self.position);
        t.col("outlet", self.outlet);
        t.col("edge", self.edge);
        t
    }
}
