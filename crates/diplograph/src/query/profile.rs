//! Everything about one node, and a summary of the whole graph.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::asof::dated_holder_on;
use super::attested::certainty;
use super::{
    certain_only, AgreementState, Attestation, Certainty, NodeRef, Office, Party, Signatory,
    StatementInfo, StatementQuery,
};
use crate::graph::{Graph, NodeIndex};
use crate::model::{
    AgreementTerms, Attributes, EdgeKind, LifecycleStep, Node, NodeDetails, NodeKind, Status,
};
use crate::provenance::Citation;
use crate::time::{Containment, Interval, PartialDate};

/// Which way an edge runs, seen from the node being described.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// From the node to the other.
    Out,
    /// From the other to the node.
    In,
}

/// One edge of a node, seen from the node.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Relation {
    /// Which way it runs.
    pub direction: Direction,
    /// Its kind.
    pub kind: EdgeKind,
    /// The node at the other end.
    pub other: NodeRef,
    /// When it holds.
    pub valid: Interval,
    /// How that stands on the date asked about, if one was.
    pub containment: Option<Containment>,
    /// Whether it certainly held on the date asked about or only possibly (`None` with no
    /// date): see [`crate::query::Validity::certainty`].
    pub certainty: Option<Certainty>,
    /// The dates sources attest it on ([`Graph::attestations`]): its own `attested` dates, or
    /// the reporting dates of the dated sources citing it.
    pub attested: Vec<Attestation>,
    /// The office, for `holds_office`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The party signed for, for `signed`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub on_behalf_of: Option<String>,
    /// The chain position, for `reported_by`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub position: Option<u32>,
    /// The trade share, for `trades_with`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub share: Option<f64>,
    /// An amount in words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<String>,
    /// The relation name, for `other`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub relation: Option<String>,
    /// Where it was signed, for `signed`: the id of a place or country.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// The party's role, for `party_to` when it is not `member`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<crate::model::PartyRole>,
    /// The country an organization acts for, for `party_to` when stated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub acting_for: Option<String>,
    /// Where it is stated.
    pub citations: Vec<Citation>,
}

/// Everything about one node: what it is, its relations, its lifecycle, parties, offices,
/// attendees, the statements by and about it, and the citations behind each.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct NodeProfile {
    /// The node.
    pub node: NodeRef,
    /// Its organization, agreement or event kind; for statements `quote` or `paraphrase`.
    pub subkind: Option<String>,
    /// Its aliases.
    pub aliases: Vec<String>,
    /// Its external identifiers.
    pub external_ids: BTreeMap<String, String>,
    /// Its free attributes.
    pub attributes: Attributes,
    /// The date the profile describes, if one was asked for.
    pub as_of: Option<PartialDate>,
    /// For events: when and where.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<Interval>,
    /// For events: the place in words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// For events: the places and countries it was held in (`held_in`), each with its
    /// country ([`Graph::held_in`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub held_in: Vec<super::Site>,
    /// For places: the country it lies in, up `located_in` ([`Graph::country_of`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<NodeRef>,
    /// For events: whether it happened (`occurred`), or was planned, scheduled, cancelled,
    /// postponed, or did not happen.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<Status>,
    /// For sources and statements: their date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<PartialDate>,
    /// For sources: where to find it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// For sources: the length in bytes of the text held.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text_length: Option<usize>,
    /// For agreements: the state on the date (or the last recorded one).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<AgreementState>,
    /// For agreements: what sources state of its terms (binding, renewal, vote), each cited.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub terms: Option<AgreementTerms>,
    /// For agreements: the dated history.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lifecycle: Vec<LifecycleStep>,
    /// For agreements: the parties on the date.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parties: Vec<Party>,
    /// For agreements: who signed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub signatories: Vec<Signatory>,
    /// For people: offices held on the date.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub offices: Vec<Office>,
    /// For events: who attended.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attendees: Vec<NodeRef>,
    /// For statements: the statement in context.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub statement: Option<StatementInfo>,
    /// Every edge holding on the date, seen from the node.
    pub relations: Vec<Relation>,
    /// Statements it said.
    pub statements_by: Vec<StatementInfo>,
    /// Statements about it.
    pub statements_about: Vec<StatementInfo>,
    /// Where the node itself is stated.
    pub citations: Vec<Citation>,
}

impl NodeProfile {
    /// The profile with only the answers that certainly held on its date: parties, offices
    /// and relations that only possibly held are left out (the "certain answers only"
    /// option of `show`). A profile with no date is returned as it is.
    ///
    /// ```
    /// let g = diplograph::example();
    /// let han = g.resolve("Han Min Koo")?;
    /// let on_the_day = g.profile(han, Some(&"2016-06-04".parse()?)).unwrap().certain_only();
    /// assert_eq!(on_the_day.offices.len(), 1);
    /// let later = g.profile(han, Some(&"2024".parse()?)).unwrap();
    /// assert_eq!(later.offices.len(), 1); // possible: nothing says when he left
    /// assert!(later.certain_only().offices.is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn certain_only(mut self) -> Self {
        if self.as_of.is_none() {
            return self;
        }
        self.parties = certain_only(self.parties);
        self.offices = certain_only(self.offices);
        self.relations
            .retain(|r| r.certainty.is_none_or(Certainty::is_certain));
        self
    }
}

/// How often a source is cited.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SourceUse {
    /// The source.
    pub source: NodeRef,
    /// Its publication date.
    pub date: Option<PartialDate>,
    /// Where to find it.
    pub url: Option<String>,
    /// How many citations name it.
    pub citations: usize,
}

/// A summary of a graph: counts by kind, the span of its dates, its sources.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct GraphStats {
    /// The dataset's title.
    pub title: Option<String>,
    /// The number of nodes.
    pub nodes: usize,
    /// The number of edges.
    pub edges: usize,
    /// Nodes by kind (kinds with none left out).
    pub nodes_by_kind: BTreeMap<NodeKind, usize>,
    /// Edges by kind (kinds with none left out).
    pub edges_by_kind: BTreeMap<EdgeKind, usize>,
    /// The earliest date anywhere in the graph (attested dates included).
    pub first_date: Option<PartialDate>,
    /// The latest date anywhere in the graph (attested dates included).
    pub last_date: Option<PartialDate>,
    /// Every citation, counted.
    pub citations: usize,
    /// Each source and how often it is cited, by id.
    pub sources: Vec<SourceUse>,
}

/// A node's subkind ([`NodeDetails::subkind`]), or a statement's form.
fn subkind(n: &Node) -> Option<String> {
    match &n.details {
        NodeDetails::Statement { text, .. } => Some(text.form().to_owned()),
        d => d.subkind().map(str::to_owned),
    }
}

impl Graph {
    /// Every edge of a node that holds on `on` (all with `None`), seen from the node, sorted by
    /// direction, kind, other end and start.
    ///
    /// Cost: O(degree).
    pub fn relations(&self, ix: NodeIndex, on: Option<&PartialDate>) -> Vec<Relation> {
        let outgoing = self
            .edges_from(ix, None)
            .map(|e| (Direction::Out, e.to, e.edge));
        let incoming = self
            .edges_to(ix, None)
            .map(|e| (Direction::In, e.from, e.edge));
        let mut v: Vec<Relation> = outgoing
            .chain(incoming)
            .filter_map(|(direction, other, edge)| {
                let containment = on.map(|d| edge.valid.contains(d));
                if containment == Some(Containment::Outside) {
                    return None;
                }
                let attested = self.attestations(edge);
                let mut certainty = on.map(|d| certainty(edge, &attested, Some(d)).0);
                // One office, one certain holder: as the office questions answer.
                if edge.kind == EdgeKind::HoldsOffice
                    && certainty == Some(Certainty::Certain)
                    && edge.valid.is_unbounded()
                {
                    let (person, org) = match direction {
                        Direction::Out => (self.node_at(ix), Some(other)),
                        Direction::In => (Some(other), self.node_at(ix)),
                    };
                    if let (Some(person), Some(org)) = (person, org) {
                        if dated_holder_on(self, person, org, edge, on) {
                            certainty = Some(Certainty::Possible);
                        }
                    }
                }
                Some(Relation {
                    direction,
                    kind: edge.kind,
                    other: other.into(),
                    valid: edge.valid,
                    containment,
                    certainty,
                    attested,
                    title: edge.title().map(str::to_owned),
                    on_behalf_of: edge.on_behalf_of().map(str::to_owned),
                    position: edge.position(),
                    share: edge.share(),
                    amount: edge.amount().map(str::to_owned),
                    relation: edge.relation().map(str::to_owned),
                    place: edge.place().map(str::to_owned),
                    role: edge.qualifiers.as_ref().and_then(|q| q.role),
                    acting_for: edge.acting_for().map(str::to_owned),
                    citations: edge.citations.clone(),
                })
            })
            .collect();
        v.sort_by(|a, b| {
            (a.direction, a.kind, &a.other.id, a.valid.start).cmp(&(
                b.direction,
                b.kind,
                &b.other.id,
                b.valid.start,
            ))
        });
        v
    }

    /// Everything about one node on a date (or over all time with `None`).
    ///
    /// ```
    /// let g = diplograph::example();
    /// let p = g.profile(g.resolve("gsomia-kor-usa")?, Some(&"2016-06-04".parse()?)).unwrap();
    /// let parties: Vec<_> = p.parties.iter().map(|p| p.party.id.as_str()).collect();
    /// assert_eq!(parties, ["KOR", "USA"]);
    /// assert_eq!(p.state.unwrap().state.unwrap().as_str(), "in_force");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// Cost: O(degree of the node + its statements' degrees).
    pub fn profile(&self, ix: NodeIndex, on: Option<&PartialDate>) -> Option<NodeProfile> {
        let n = self.node_at(ix)?;
        let kind = n.kind();
        let is_agreement = kind == NodeKind::Agreement;
        let (when, place, status) = match &n.details {
            NodeDetails::Event {
                when,
                place,
                status,
                ..
            } => (Some(*when), place.clone(), Some(*status)),
            _ => (None, None, None),
        };
        let (date, url, text_length) = match &n.details {
            NodeDetails::Source { date, url, text } => {
                (*date, url.clone(), text.as_ref().map(String::len))
            }
            NodeDetails::Statement { date, .. } => (*date, None, None),
            _ => (None, None, None),
        };
        Some(NodeProfile {
            node: n.into(),
            subkind: subkind(n),
            aliases: n.aliases.clone(),
            external_ids: n.external_ids.clone(),
            attributes: n.attributes.clone(),
            as_of: on.copied(),
            when,
            place,
            held_in: if kind == NodeKind::Event {
                self.held_in(ix)
            } else {
                Vec::new()
            },
            country: if kind == NodeKind::Place {
                self.country_of(ix)
                    .and_then(|c| self.node_at(c))
                    .map(NodeRef::from)
            } else {
                None
            },
            status,
            date,
            url,
            text_length,
            state: if is_agreement {
                self.agreement_state(ix, on).ok()
            } else {
                None
            },
            terms: n.terms().cloned(),
            lifecycle: n
                .lifecycle()
                .map(<[LifecycleStep]>::to_vec)
                .unwrap_or_default(),
            parties: if is_agreement {
                self.parties(ix, on)
            } else {
                Vec::new()
            },
            signatories: if is_agreement {
                self.signatories(ix)
            } else {
                Vec::new()
            },
            offices: if kind == NodeKind::Person {
                self.offices_of(ix, on)
            } else {
                Vec::new()
            },
            attendees: if kind == NodeKind::Event {
                self.attendees(ix)
            } else {
                Vec::new()
            },
            statement: self.statement(ix),
            relations: self.relations(ix, on),
            statements_by: self.statements(&StatementQuery {
                by: Some(ix),
                ..Default::default()
            }),
            statements_about: self.statements(&StatementQuery {
                about: Some(ix),
                ..Default::default()
            }),
            citations: n.citations.clone(),
        })
    }

    /// Counts by node and edge kind, the span of all dates, and each source with how often it
    /// is cited.
    ///
    /// ```
    /// let s = diplograph::example().stats();
    /// assert_eq!((s.nodes, s.edges, s.citations), (76, 230, 418));
    /// assert_eq!(s.first_date.map(|d| d.to_string()).as_deref(), Some("2009"));
    /// ```
    ///
    /// Cost: O(nodes + edges + citations).
    pub fn stats(&self) -> GraphStats {
        let mut nodes_by_kind = BTreeMap::new();
        let mut edges_by_kind = BTreeMap::new();
        let mut dates: Vec<PartialDate> = Vec::new();
        let mut cited: BTreeMap<String, usize> = BTreeMap::new();
        let mut total = 0;
        let mut count = |cs: &[Citation]| {
            for c in cs {
                *cited.entry(c.source.clone()).or_default() += 1;
                total += 1;
            }
        };
        for (_, n) in self.nodes() {
            *nodes_by_kind.entry(n.kind()).or_default() += 1;
            n.citation_lists().for_each(&mut count);
            match &n.details {
                NodeDetails::Agreement { lifecycle, .. } => {
                    for s in lifecycle {
                        dates.extend(
                            [s.date, s.attested, s.effective, s.until]
                                .into_iter()
                                .flatten(),
                        );
                    }
                }
                NodeDetails::Event { when, .. } => {
                    dates.extend(when.start.iter().chain(when.end.iter()));
                }
                NodeDetails::Statement { date, .. } | NodeDetails::Source { date, .. } => {
                    dates.extend(date.iter());
                }
                _ => {}
            }
        }
        for e in self.edges() {
            *edges_by_kind.entry(e.edge.kind).or_default() += 1;
            dates.extend(e.edge.valid.start.iter().chain(e.edge.valid.end.iter()));
            dates.extend(e.edge.attested.iter().copied());
            count(&e.edge.citations);
        }
        let mut sources: Vec<SourceUse> = self
            .nodes_of_kind(NodeKind::Source)
            .map(|n| {
                let (date, url) = match &n.details {
                    NodeDetails::Source { date, url, .. } => (*date, url.clone()),
                    _ => (None, None),
                };
                SourceUse {
                    source: n.into(),
                    date,
                    url,
                    citations: cited.get(&n.id).copied().unwrap_or(0),
                }
            })
            .collect();
        sources.sort_by(|a, b| a.source.id.cmp(&b.source.id));
        GraphStats {
            title: self.title.clone(),
            nodes: self.node_count(),
            edges: self.edge_count(),
            nodes_by_kind,
            edges_by_kind,
            first_date: dates.iter().min().copied(),
            last_date: dates.iter().max().copied(),
            citations: total,
            sources,
        }
    }
}
