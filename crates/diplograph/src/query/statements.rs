//! Statements: who said what, about whom, and through whom we know it.

use serde::{Deserialize, Serialize};

use super::{Attestation, NodeRef};
use crate::graph::{Graph, NodeIndex};
use crate::model::{Cue, EdgeKind, NodeDetails};
use crate::provenance::Citation;
use crate::time::PartialDate;

/// Which statements to list. Every condition given must hold; none given lists all.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StatementQuery {
    /// Said by this node (one of the speakers).
    pub by: Option<NodeIndex>,
    /// About this node.
    pub about: Option<NodeIndex>,
    /// Known through this node: it is in the statement's attribution chain (as an outlet, or
    /// as the speaker of a statement that reports it).
    pub via: Option<NodeIndex>,
    /// Only statements that dispute another or are disputed.
    pub disputed: bool,
}

/// The role of one link in an attribution chain.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AttributionRole {
    /// Said it.
    Said,
    /// Gave an account of it ("according to").
    AccordingTo,
    /// Published it last ("reported by").
    ReportedBy,
}

/// One link of an attribution chain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AttributionStep {
    /// Who.
    pub who: Vec<NodeRef>,
    /// In what role.
    pub role: AttributionRole,
}

/// One chain through which we know a statement: the speakers, then each intermediary,
/// nearest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AttributionChain {
    /// Its number: the `chain` of its `reported_by` edges (1 when they give none).
    pub chain: u32,
    /// The links, speakers first.
    pub steps: Vec<AttributionStep>,
    /// The chain in words.
    pub text: String,
}

/// How we know a statement: the speakers, then each intermediary, nearest first; a statement
/// reported in parallel (two outlets that did not pass it to each other) has one chain each.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Attribution {
    /// The first chain, speakers first (all of them in [`Attribution::chains`]).
    pub steps: Vec<AttributionStep>,
    /// Every chain in words: "Ashton Carter, according to …, according to Yonhap, reported by
    /// The Straits Times"; parallel chains follow the first, each after "; in parallel, ".
    pub text: String,
    /// Each chain apart, by number; one when the statement is known through one chain.
    #[serde(default)]
    pub chains: Vec<AttributionChain>,
}

/// A statement with everything needed to read it in context.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct StatementInfo {
    /// The statement node.
    pub statement: NodeRef,
    /// The words.
    pub text: String,
    /// Whether they are verbatim.
    pub is_quote: bool,
    /// When it was said.
    pub date: Option<PartialDate>,
    /// For a statement with no date of its own: the date of the source that reports it (the
    /// earliest dated source citing it), marked as the reporting date, not the date it was
    /// said. `None` when the statement has its own date or no citing source is dated.
    pub reported: Option<Attestation>,
    /// The reporting words that attribute it ("told reporters"), with their citations.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cue: Option<Cue>,
    /// Who said it.
    pub speakers: Vec<NodeRef>,
    /// What it is about.
    pub about: Vec<NodeRef>,
    /// How we know it.
    pub attribution: Attribution,
    /// The events it was made at (`made_at`).
    #[serde(default)]
    pub made_at: Vec<NodeRef>,
    /// Where it was made (`made_in`).
    #[serde(default)]
    pub made_in: Vec<NodeRef>,
    /// The earlier statements whose attribution it carries on (`continues`).
    #[serde(default)]
    pub continues: Vec<NodeRef>,
    /// The later statements that carry on its attribution.
    #[serde(default)]
    pub continued_by: Vec<NodeRef>,
    /// Statements it gives an account of.
    pub reports: Vec<NodeRef>,
    /// Statements that give an account of it.
    pub reported_in: Vec<NodeRef>,
    /// Statements it supports.
    pub supports: Vec<NodeRef>,
    /// Statements that support it.
    pub supported_by: Vec<NodeRef>,
    /// Statements it disputes.
    pub disputes: Vec<NodeRef>,
    /// Statements that dispute it.
    pub disputed_by: Vec<NodeRef>,
    /// Where it is stated.
    pub citations: Vec<Citation>,
}

impl Graph {
    fn related(&self, ix: NodeIndex, kind: EdgeKind, outgoing: bool) -> Vec<NodeRef> {
        let mut v: Vec<NodeRef> = if outgoing {
            self.edges_from(ix, Some(kind))
                .map(|e| e.to.into())
                .collect()
        } else {
            self.edges_to(ix, Some(kind))
                .map(|e| e.from.into())
                .collect()
        };
        v.sort();
        v.dedup();
        v
    }

    /// The attribution of a statement: its speakers; then, if another statement reports it,
    /// that statement's speakers "according to" and its own attribution; else its
    /// `reported_by` outlets by position, the last one "reported by", the others "according
    /// to". Outlets on different `chain`s are parallel reports: each chain is given apart,
    /// after the links they share.
    ///
    /// ```
    /// let g = diplograph::example();
    /// let s = g.resolve("stmt-carter-extended-deterrence")?;
    /// let attribution = g.attribution(s);
    /// assert_eq!(
    ///     attribution.text,
    ///     "Ashton Carter, according to Ministry of National Defense (South Korea), \
    ///      according to Yonhap News Agency, reported by The Straits Times"
    /// );
    /// assert_eq!(attribution.chains.len(), 1);
    /// # Ok::<(), diplograph::Error>(())
    /// ```
    ///
    /// Cost: O(length of the chain × degree of its statements).
    pub fn attribution(&self, statement: NodeIndex) -> Attribution {
        let mut shared = vec![AttributionStep {
            who: self.related(statement, EdgeKind::Said, false),
            role: AttributionRole::Said,
        }];
        let mut cur = statement;
        let mut visited = vec![statement];
        // A statement that reports this one: follow it (nearest account first).
        while let Some(r) = self
            .edges_to(cur, Some(EdgeKind::Reports))
            .filter_map(|e| self.index_of(&e.from.id))
            .filter(|ix| !visited.contains(ix))
            .min_by_key(|ix| self.node_at(*ix).map(|n| n.id.clone()))
        {
            shared.push(AttributionStep {
                who: self.related(r, EdgeKind::Said, false),
                role: AttributionRole::AccordingTo,
            });
            visited.push(r);
            cur = r;
        }
        let mut outlets: Vec<(u32, u32, NodeRef)> = self
            .edges_from(cur, Some(EdgeKind::ReportedBy))
            .map(|e| {
                let position = e.edge.position().unwrap_or(u32::MAX);
                (e.edge.chain(), position, e.to.into())
            })
            .collect();
        outlets.sort();
        let mut numbers: Vec<u32> = outlets.iter().map(|(chain, _, _)| *chain).collect();
        numbers.dedup();
        if numbers.is_empty() {
            numbers.push(1);
        }
        let chains: Vec<AttributionChain> = numbers
            .into_iter()
            .map(|chain| {
                let links: Vec<&NodeRef> = outlets
                    .iter()
                    .filter(|(c, _, _)| *c == chain)
                    .map(|(_, _, who)| who)
                    .collect();
                let mut steps = shared.clone();
                for (i, who) in links.iter().enumerate() {
                    let role = if i + 1 == links.len() {
                        AttributionRole::ReportedBy
                    } else {
                        AttributionRole::AccordingTo
                    };
                    steps.push(AttributionStep {
                        who: vec![(*who).clone()],
                        role,
                    });
                }
                let text = in_words(&steps);
                AttributionChain { chain, steps, text }
            })
            .collect();
        let mut text = String::new();
        for (i, c) in chains.iter().enumerate() {
            if i == 0 {
                text.push_str(&c.text);
            } else {
                // The links every chain shares are said once, by the first.
                text.push_str("; in parallel, ");
                text.push_str(&in_words(c.steps.get(shared.len()..).unwrap_or_default()));
            }
        }
        Attribution {
            steps: chains.first().map(|c| c.steps.clone()).unwrap_or(shared),
            text,
            chains,
        }
    }

    /// One statement in context (its speakers, topics, attribution, and the statements it
    /// reports, supports or disputes, and those that do so to it); `None` if `ix` is not a
    /// statement.
    ///
    /// Cost: O(degree of the statement + its attribution chain).
    pub fn statement(&self, ix: NodeIndex) -> Option<StatementInfo> {
        let node = self.node_at(ix)?;
        let NodeDetails::Statement { text, date, cue } = &node.details else {
            return None;
        };
        Some(StatementInfo {
            statement: node.into(),
            text: text.text().to_owned(),
            is_quote: text.is_quote(),
            date: *date,
            reported: match date {
                Some(_) => None,
                None => self.reporting_date(&node.citations),
            },
            cue: cue.clone(),
            speakers: self.related(ix, EdgeKind::Said, false),
            about: self.related(ix, EdgeKind::About, true),
            attribution: self.attribution(ix),
            made_at: self.related(ix, EdgeKind::MadeAt, true),
            made_in: self.related(ix, EdgeKind::MadeIn, true),
            continues: self.related(ix, EdgeKind::Continues, true),
            continued_by: self.related(ix, EdgeKind::Continues, false),
            reports: self.related(ix, EdgeKind::Reports, true),
            reported_in: self.related(ix, EdgeKind::Reports, false),
            supports: self.related(ix, EdgeKind::Supports, true),
            supported_by: self.related(ix, EdgeKind::Supports, false),
            disputes: self.related(ix, EdgeKind::Disputes, true),
            disputed_by: self.related(ix, EdgeKind::Disputes, false),
            citations: node.citations.clone(),
        })
    }

    /// The statements that match a query, sorted by date (a statement with no date of its own
    /// by its reporting date; with neither, last) then id.
    ///
    /// ```
    /// use diplograph::query::StatementQuery;
    /// let g = diplograph::example();
    /// let q = StatementQuery { by: Some(g.resolve("Lu Yin")?), disputed: true, ..Default::default() };
    /// let found = g.statements(&q);
    /// assert_eq!(found.len(), 1);
    /// assert_eq!(found[0].disputes[0].id, "stmt-china-should-pressure");
    /// # Ok::<(), diplograph::Error>(())
    /// ```
    ///
    /// Cost: O(statements × their degree), or, with `by`/`about`, O(degree of that node × …).
    pub fn statements(&self, query: &StatementQuery) -> Vec<StatementInfo> {
        let candidates: Vec<NodeIndex> = if let Some(by) = query.by {
            self.edges_from(by, Some(EdgeKind::Said))
                .filter_map(|e| self.index_of(&e.to.id))
                .collect()
        } else if let Some(about) = query.about {
            self.edges_to(about, Some(EdgeKind::About))
                .filter_map(|e| self.index_of(&e.from.id))
                .collect()
        } else {
            self.nodes()
                .filter(|(_, n)| matches!(n.details, NodeDetails::Statement { .. }))
                .map(|(ix, _)| ix)
                .collect()
        };
        let mut out: Vec<StatementInfo> = candidates
            .into_iter()
            .filter_map(|ix| self.statement(ix))
            .filter(|s| {
                let by_ok = query
                    .by
                    .and_then(|b| self.node_at(b))
                    .is_none_or(|b| s.speakers.iter().any(|x| x.id == b.id));
                let about_ok = query
                    .about
                    .and_then(|a| self.node_at(a))
                    .is_none_or(|a| s.about.iter().any(|x| x.id == a.id));
                let via_ok = query.via.and_then(|v| self.node_at(v)).is_none_or(|v| {
                    s.attribution.chains.iter().any(|c| {
                        c.steps
                            .iter()
                            .skip(1)
                            .any(|step| step.who.iter().any(|w| w.id == v.id))
                    })
                });
                let disputed_ok =
                    !query.disputed || !s.disputes.is_empty() || !s.disputed_by.is_empty();
                by_ok && about_ok && via_ok && disputed_ok
            })
            .collect();
        let when = |s: &StatementInfo| s.date.or(s.reported.as_ref().map(|r| r.date));
        out.sort_by(|a, b| {
            (when(a).is_none(), when(a), &a.statement.id).cmp(&(
                when(b).is_none(),
                when(b),
                &b.statement.id,
            ))
        });
        out.dedup_by(|a, b| a.statement.id == b.statement.id);
        out
    }
}

/// Attribution links in words: "Ashton Carter, according to Yonhap News Agency, reported by
/// The Straits Times". An unnamed speaker or outlet is given by its description ("a senior US
/// official"), as the reports give it.
fn in_words(steps: &[AttributionStep]) -> String {
    let names = |who: &[NodeRef]| {
        let names: Vec<&str> = who
            .iter()
            .map(|w| w.unnamed.as_deref().unwrap_or(&w.name))
            .collect();
        match names.as_slice() {
            [] => "someone unnamed".to_owned(),
            [one] => (*one).to_owned(),
            [init @ .., last] => format!("{} and {last}", init.join(", ")),
        }
    };
    let mut text = String::new();
    for (i, step) in steps.iter().enumerate() {
        if i > 0 {
            text.push_str(", ");
        }
        match step.role {
            AttributionRole::Said => {}
            AttributionRole::AccordingTo => text.push_str("according to "),
            AttributionRole::ReportedBy => text.push_str("reported by "),
        }
        text.push_str(&names(&step.who));
    }
    text
}
