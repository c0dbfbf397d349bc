//! What the interactive view's page is given: the drawn graph's nodes and edges, each fact's
//! as-of answers over time (from `query::over_time`), the profile lines of each node, the
//! citations with the source text around the cited words, and where the timeline picture's
//! lanes are. The page filters and shows these; it derives nothing.

use std::collections::{BTreeSet, HashMap};

use chrono::NaiveDate;
use serde::Serialize;

use super::timeline::{state_colour, LaneOf, Picture};
use super::Highlight;
use crate::graph::Graph;
use crate::model::{LifecycleState, LifecycleStep, NodeDetails};
use crate::provenance::{locate_text, Citation, Located, Span};
use crate::query::{Certainty, NodeProfile};

/// Everything the page shows, serialized as one JSON document inside it.
#[derive(Debug, Serialize)]
pub(crate) struct ViewData {
    pub(crate) title: String,
    /// A note on what is drawn when it is not the whole graph.
    pub(crate) note: Option<String>,
    /// The day the slider starts on.
    pub(crate) date: String,
    /// The slider's first and last day (the timeline picture's).
    pub(crate) first_day: String,
    pub(crate) last_day: String,
    pub(crate) nodes: Vec<NodeData>,
    pub(crate) edges: Vec<EdgeData>,
    pub(crate) citations: Vec<CitationData>,
    pub(crate) timeline: TimelineData,
    /// The colour of each lifecycle state.
    pub(crate) state_colours: Vec<(&'static str, &'static str)>,
    /// Whether a chain (or other selection) is highlighted.
    pub(crate) highlighted: bool,
    /// The highlighted chain in words, hop by hop.
    pub(crate) highlight_text: Vec<String>,
}

/// Where the timeline picture's plot and lanes are, to draw a date cursor and open a lane's
/// profile.
#[derive(Debug, Serialize)]
pub(crate) struct TimelineData {
    pub(crate) first_day: String,
    pub(crate) last_day: String,
    pub(crate) plot: (f64, f64),
    pub(crate) lanes_span: (f64, f64),
    /// The node each lane is about (`None`: the statements' lane).
    pub(crate) lanes: Vec<Option<String>>,
}

#[derive(Debug, Serialize)]
pub(crate) struct NodeData {
    pub(crate) id: String,
    pub(crate) name: String,
    pub(crate) kind: &'static str,
    pub(crate) sub: Option<&'static str>,
    /// For agreements: the state over time (no stretch: not yet in any state).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) states: Option<Vec<StateStretch>>,
    /// For events, statements and sources: the first day they may have been (the page fades
    /// those later than the chosen day).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) day: Option<String>,
    pub(crate) degree: usize,
    pub(crate) hl: bool,
    pub(crate) lines: Vec<(String, String)>,
    pub(crate) cites: Vec<usize>,
}

/// An agreement's state over a stretch of days.
#[derive(Debug, Serialize)]
pub(crate) struct StateStretch {
    pub(crate) f: Option<String>,
    pub(crate) u: Option<String>,
    /// The state.
    pub(crate) s: &'static str,
    /// `certain` or `possible`.
    pub(crate) c: &'static str,
    /// The state in words.
    pub(crate) t: String,
}

/// When an edge holds: over a stretch of days, certainly or only possibly.
#[derive(Debug, Serialize)]
pub(crate) struct EdgeStretch {
    pub(crate) f: Option<String>,
    pub(crate) u: Option<String>,
    pub(crate) c: &'static str,
}

#[derive(Debug, Serialize)]
pub(crate) struct EdgeData {
    pub(crate) id: String,
    pub(crate) source: String,
    pub(crate) target: String,
    pub(crate) kind: &'static str,
    pub(crate) label: String,
    pub(crate) valid: String,
    pub(crate) over: Vec<EdgeStretch>,
    pub(crate) hl: bool,
    pub(crate) cites: Vec<usize>,
}

/// One citation, with the source text around the cited words when the source holds it.
#[derive(Debug, Serialize, PartialEq, Eq, Hash, Clone)]
pub(crate) struct CitationData {
    pub(crate) source: String,
    pub(crate) source_id: String,
    pub(crate) date: Option<String>,
    pub(crate) via: Vec<String>,
    pub(crate) before: String,
    pub(crate) words: String,
    pub(crate) after: String,
}

/// How much source text is shown on each side of the cited words, at most.
const CONTEXT_CHARS: usize = 240;

/// The text around `span` of `text`: up to [`CONTEXT_CHARS`] characters each side, from the
/// start of the sentence before and up to the end of the sentence after, when those are near.
fn around(text: &str, span: Span) -> Option<(String, String, String)> {
    let words = span.slice(text)?;
    let before_all = &text[..span.start];
    let after_all = &text[span.end..];
    let mut before: String = {
        let chars: Vec<char> = before_all.chars().rev().take(CONTEXT_CHARS).collect();
        chars.into_iter().rev().collect()
    };
    // Start after a sentence's end or a line break, when there is one.
    if let Some(cut) = before
        .rfind(['\n'])
        .or_else(|| before.rfind(". ").map(|i| i + 1))
    {
        before = before[cut + 1..].to_owned();
    }
    let mut after: String = after_all.chars().take(CONTEXT_CHARS).collect();
    if let Some(cut) = after.find('\n').or_else(|| after.find(". ").map(|i| i + 1)) {
        after.truncate(cut);
    }
    Some((before.trim_start().to_owned(), words.to_owned(), after))
}

/// The citations table: each distinct citation once.
#[derive(Default)]
struct Citations {
    index: HashMap<CitationData, usize>,
    list: Vec<CitationData>,
}

impl Citations {
    /// Adds a citation; its source and intermediaries are looked up in `graph` (the whole
    /// graph, where the drawn part may not hold them).
    fn add(&mut self, graph: &Graph, c: &Citation) -> usize {
        let source = graph.node(&c.source);
        let (text, date) = match source.map(|n| &n.details) {
            Some(NodeDetails::Source { text, date, .. }) => (text.as_deref(), *date),
            _ => (None, None),
        };
        let span = c.span.or_else(|| {
            let (text, words) = (text?, c.text.as_deref()?);
            match locate_text(text, words, c.occurrence) {
                Located::Found(s) => Some(s),
                _ => None,
            }
        });
        let (before, words, after) = span.and_then(|s| around(text?, s)).unwrap_or_else(|| {
            (
                String::new(),
                c.text.clone().unwrap_or_default(),
                String::new(),
            )
        });
        let data = CitationData {
            source: source.map_or_else(|| c.source.clone(), |n| n.name.clone()),
            source_id: c.source.clone(),
            date: date.map(|d| d.to_string()),
            via: c
                .via
                .iter()
                .map(|v| graph.node(v).map_or_else(|| v.clone(), |n| n.name.clone()))
                .collect(),
            before,
            words,
            after,
        };
        let next = self.list.len();
        *self.index.entry(data.clone()).or_insert_with(|| {
            self.list.push(data);
            next
        })
    }

    fn add_all<'c>(
        &mut self,
        graph: &Graph,
        cs: impl IntoIterator<Item = &'c Citation>,
    ) -> Vec<usize> {
        let mut out: Vec<usize> = cs.into_iter().map(|c| self.add(graph, c)).collect();
        let mut seen = BTreeSet::new();
        out.retain(|i| seen.insert(*i));
        out
    }
}

fn day(d: Option<NaiveDate>) -> Option<String> {
    d.map(|d| d.format("%Y-%m-%d").to_string())
}

fn certainty(c: Certainty) -> &'static str {
    c.as_str()
}

/// A lifecycle step in words: `2016-06-04 signed (United States) [planned]`.
fn step_line(graph: &Graph, s: &LifecycleStep) -> String {
    let mut out = match (s.date, s.attested) {
        (Some(d), _) => format!("{d} {}", s.state),
        (None, Some(a)) => format!("(attested {a}) {}", s.state),
        (None, None) => format!("(undated) {}", s.state),
    };
    if let Some(p) = &s.party {
        let name = graph.node(p).map_or(p.as_str(), |n| n.name.as_str());
        out.push_str(&format!(" ({name})"));
    }
    if let Some(e) = s.effective {
        out.push_str(&format!(", effective {e}"));
    }
    if let Some(u) = s.until {
        out.push_str(&format!(", until {u}"));
    }
    if !s.status.occurred() {
        out.push_str(&format!(" [{}]", s.status));
    }
    if let Some(c) = &s.condition {
        out.push_str(&format!("; condition: {c}"));
    }
    if let Some(n) = &s.note {
        out.push_str(&format!("; note: {n}"));
    }
    out
}

/// A node's profile in lines of words (label, text), from the core's profile.
fn profile_lines(graph: &Graph, p: &NodeProfile) -> Vec<(String, String)> {
    let mut lines: Vec<(String, String)> = Vec::new();
    let mut line = |k: &str, v: String| lines.push((k.to_owned(), v));
    line(
        "kind",
        match &p.subkind {
            Some(s) => format!("{} ({s})", p.node.kind),
            None => p.node.kind.to_string(),
        },
    );
    line("id", p.node.id.clone());
    if let Some(u) = &p.node.unnamed {
        line("unnamed", u.clone());
    }
    if !p.aliases.is_empty() {
        line("aliases", p.aliases.join(", "));
    }
    if let Some(s) = &p.state {
        line("last recorded state", s.summary.clone());
    }
    for s in &p.lifecycle {
        line("lifecycle", step_line(graph, s));
    }
    if !p.parties.is_empty() {
        let names: Vec<String> = p.parties.iter().map(|x| x.party.name.clone()).collect();
        line("parties", names.join(", "));
    }
    for s in &p.signatories {
        let mut t = s.person.name.clone();
        if let Some(b) = &s.on_behalf_of {
            t.push_str(&format!(" for {}", b.name));
        }
        if let Some(d) = s.date {
            t.push_str(&format!(", {d}"));
        }
        line("signed by", t);
    }
    if let Some(w) = &p.when {
        line("when", w.to_string());
    }
    if let Some(s) = p.status {
        if !s.occurred() {
            line("status", s.to_string());
        }
    }
    for s in &p.held_in {
        line("held in", s.to_string());
    }
    if let Some(pl) = &p.place {
        line("place", pl.clone());
    }
    if let Some(c) = &p.country {
        line("country", c.name.clone());
    }
    for o in &p.offices {
        line(
            "office",
            format!("{}, {} ({})", o.title, o.organization.name, o.valid),
        );
    }
    if let Some(s) = &p.statement {
        line(
            if s.is_quote { "quote" } else { "paraphrase" },
            s.text.clone(),
        );
        if !s.speakers.is_empty() {
            let who: Vec<&str> = s.speakers.iter().map(|x| x.name.as_str()).collect();
            line("said by", who.join(", "));
        }
        if let Some(d) = s.date {
            line("said on", d.to_string());
        }
    }
    if let Some(d) = p.date {
        if p.statement.is_none() {
            line("date", d.to_string());
        }
    }
    if let Some(u) = &p.url {
        line("url", u.clone());
    }
    for (k, v) in &p.attributes {
        line(k, v.to_string());
    }
    lines
}

/// The first day a node is dated: an event's start, a statement's or a source's date.
fn node_day(n: &crate::model::Node) -> Option<NaiveDate> {
    match &n.details {
        NodeDetails::Event { when, .. } => when.start.and_then(|d| d.earliest()),
        NodeDetails::Statement { date, .. } | NodeDetails::Source { date, .. } => {
            date.and_then(|d| d.earliest())
        }
        _ => None,
    }
}

/// Builds the page's data for `graph` (already the part to draw), citations read in `whole`.
pub(crate) fn build(
    graph: &Graph,
    whole: &Graph,
    title: String,
    note: Option<String>,
    date: NaiveDate,
    picture: &Picture,
    highlight: &Highlight,
) -> ViewData {
    let mut citations = Citations::default();
    let mut degree: HashMap<&str, usize> = HashMap::new();
    for e in graph.edges() {
        *degree.entry(e.from.id.as_str()).or_default() += 1;
        *degree.entry(e.to.id.as_str()).or_default() += 1;
    }
    let hl_nodes: BTreeSet<&str> = highlight.nodes.iter().map(String::as_str).collect();
    let nodes: Vec<NodeData> = graph
        .nodes()
        .map(|(ix, n)| {
            let states = n.lifecycle().map(|_| {
                graph
                    .agreement_states_over_time(ix)
                    .into_iter()
                    .filter_map(|s| {
                        let state = s.value.state?;
                        Some(StateStretch {
                            f: day(s.from.and_then(|d| d.earliest())),
                            u: day(s.until.and_then(|d| d.earliest())),
                            s: state.as_str(),
                            c: certainty(s.value.certainty),
                            t: s.value.summary,
                        })
                    })
                    .collect()
            });
            let (lines, cites) = match graph.profile(ix, None) {
                Some(p) => (
                    profile_lines(graph, &p),
                    citations.add_all(whole, n.citation_lists().flatten()),
                ),
                None => (Vec::new(), Vec::new()),
            };
            NodeData {
                id: n.id.clone(),
                name: n.name.clone(),
                kind: n.kind().as_str(),
                sub: n.details.subkind(),
                states,
                day: day(node_day(n)),
                degree: degree.get(n.id.as_str()).copied().unwrap_or(0),
                hl: hl_nodes.contains(n.id.as_str()),
                lines,
                cites,
            }
        })
        .collect();
    let edges: Vec<EdgeData> = graph
        .edges()
        .enumerate()
        .map(|(i, e)| {
            let over = graph
                .edge_over_time(e.index)
                .into_iter()
                .map(|s| EdgeStretch {
                    f: day(s.from.and_then(|d| d.earliest())),
                    u: day(s.until.and_then(|d| d.earliest())),
                    c: certainty(s.value.certainty),
                })
                .collect();
            let label = match e.edge.title() {
                Some(t) => format!("{} ({t})", e.edge.kind),
                None => e.edge.kind.to_string(),
            };
            let hl = highlight
                .edges
                .iter()
                .any(|(f, k, t)| *k == e.edge.kind && *f == e.from.id && *t == e.to.id);
            EdgeData {
                id: format!("e{i}"),
                source: e.from.id.clone(),
                target: e.to.id.clone(),
                kind: e.edge.kind.as_str(),
                label,
                valid: if e.edge.valid.is_unbounded() {
                    "undated".to_owned()
                } else {
                    e.edge.valid.to_string()
                },
                over,
                hl,
                cites: citations.add_all(whole, &e.edge.citations),
            }
        })
        .collect();
    // The slider runs over the timeline's days and every day a drawn fact changes on.
    let mut days: Vec<&str> = nodes
        .iter()
        .flat_map(|n| n.states.iter().flatten().flat_map(|s| [&s.f, &s.u]))
        .chain(
            edges
                .iter()
                .flat_map(|e| e.over.iter().flat_map(|s| [&s.f, &s.u])),
        )
        .filter_map(|d| d.as_deref())
        .collect();
    let (first_tl, last_tl) = (
        picture.first_day.format("%Y-%m-%d").to_string(),
        picture.last_day.format("%Y-%m-%d").to_string(),
    );
    days.push(&first_tl);
    days.push(&last_tl);
    let first_day = days
        .iter()
        .min()
        .map_or_else(String::new, |d| (*d).to_owned());
    let last_day = days
        .iter()
        .max()
        .map_or_else(String::new, |d| (*d).to_owned());
    ViewData {
        title,
        note,
        date: date.format("%Y-%m-%d").to_string(),
        first_day,
        last_day,
        nodes,
        edges,
        citations: citations.list,
        timeline: TimelineData {
            first_day: picture.first_day.format("%Y-%m-%d").to_string(),
            last_day: picture.last_day.format("%Y-%m-%d").to_string(),
            plot: picture.plot,
            lanes_span: picture.lanes_span,
            lanes: picture
                .lanes
                .iter()
                .map(|l| match l {
                    LaneOf::Agreement(id) | LaneOf::Event(id) => Some(id.clone()),
                    LaneOf::Statements => None,
                })
                .collect(),
        },
        state_colours: LifecycleState::ALL
            .iter()
            .map(|s| (s.as_str(), state_colour(*s)))
            .collect(),
        highlighted: !highlight.nodes.is_empty() || !highlight.edges.is_empty(),
        highlight_text: highlight.text.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_context_of_cited_words_runs_from_sentence_to_sentence() {
        let text = "First one. The pact was signed on Friday, officials said. Then more.";
        let start = text.find("signed on Friday").unwrap();
        let span = Span {
            start,
            end: start + "signed on Friday".len(),
        };
        assert_eq!(
            around(text, span),
            Some((
                "The pact was ".to_owned(),
                "signed on Friday".to_owned(),
                ", officials said.".to_owned()
            ))
        );
    }
}
