//! Statements: who said what, about whom, and through whom we know it.

use serde::Serialize;

use super::NodeRef;
use crate::graph::{Graph, NodeIndex};
use crate::model::{EdgeKind, NodeDetails};
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct AttributionStep {
    /// Who.
    pub who: Vec<NodeRef>,
    /// In what role.
    pub role: AttributionRole,
}

/// How we know a statement: the speakers, then each intermediary, nearest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Attribution {
    /// The chain, speakers first.
    pub steps: Vec<AttributionStep>,
    /// The chain in words: "Ashton Carter, according to …, according to Yonhap, reported by
    /// The Straits Times".
    pub text: String,
}

/// A statement with everything needed to read it in context.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct StatementInfo {
    /// The statement node.
    pub statement: NodeRef,
    /// The words.
    pub text: String,
    /// Whether they are verbatim.
    pub is_quote: bool,
    /// When it was said.
    #[serde(flatten, serialize_with = "crate::time::answer::date_opt")]
    pub date: Option<PartialDate>,
    /// Who said it.
    pub speakers: Vec<NodeRef>,
    /// What it is about.
    pub about: Vec<NodeRef>,
    /// How we know it.
    pub attribution: Attribution,
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

    /// The attribution chain of a statement: its speakers; then, if another statement reports
    /// it, that statement's speakers "according to" and its own chain; else its `reported_by`
    /// outlets by position, the last one "reported by", the others "according to".
    ///
    /// ```
    /// let g = diplograph::example();
    /// let s = g.resolve("stmt-carter-extended-deterrence")?;
    /// assert_eq!(
    ///     g.attribution(s).text,
    ///     "Ashton Carter, according to Ministry of National Defense (South Korea), \
    ///      according to Yonhap News Agency, reported by The Straits Times"
    /// );
    /// # Ok::<(), diplograph::Error>(())
    /// ```
    ///
    /// Cost: O(length of the chain × degree of its statements).
    pub fn attribution(&self, statement: NodeIndex) -> Attribution {
        let mut steps = vec![AttributionStep {
            who: self.related(statement, EdgeKind::Said, false),
            role: AttributionRole::Said,
        }];
        let mut cur = statement;
        let mut visited = vec![statement];
        loop {
            // A statement that reports this one: follow it (nearest account first).
            let reporter = self
                .edges_to(cur, Some(EdgeKind::Reports))
                .filter_map(|e| self.index_of(&e.from.id))
                .filter(|ix| !visited.contains(ix))
                .min_by_key(|ix| self.node_at(*ix).map(|n| n.id.clone()));
            if let Some(r) = reporter {
                steps.push(AttributionStep {
                    who: self.related(r, EdgeKind::Said, false),
                    role: AttributionRole::AccordingTo,
                });
                visited.push(r);
                cur = r;
                continue;
            }
            let mut outlets: Vec<(u32, NodeRef)> = self
                .edges_from(cur, Some(EdgeKind::ReportedBy))
                .map(|e| (e.edge.position().unwrap_or(u32::MAX), e.to.into()))
                .collect();
            outlets.sort();
            let n = outlets.len();
            for (i, (_, who)) in outlets.into_iter().enumerate() {
                let role = if i + 1 == n {
                    AttributionRole::ReportedBy
                } else {
                    AttributionRole::AccordingTo
                };
                steps.push(AttributionStep {
                    who: vec![who],
                    role,
                });
            }
            break;
        }
        let names = |who: &[NodeRef]| {
            let names: Vec<&str> = who.iter().map(|w| w.name.as_str()).collect();
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
        Attribution { steps, text }
    }

    /// One statement in context (its speakers, topics, attribution, and the statements it
    /// reports, supports or disputes, and those that do so to it); `None` if `ix` is not a
    /// statement.
    ///
    /// Cost: O(degree of the statement + its attribution chain).
    pub fn statement(&self, ix: NodeIndex) -> Option<StatementInfo> {
        let node = self.node_at(ix)?;
        let NodeDetails::Statement { text, date } = &node.details else {
            return None;
        };
        Some(StatementInfo {
            statement: node.into(),
            text: text.text().to_owned(),
            is_quote: text.is_quote(),
            date: *date,
            speakers: self.related(ix, EdgeKind::Said, false),
            about: self.related(ix, EdgeKind::About, true),
            attribution: self.attribution(ix),
            reports: self.related(ix, EdgeKind::Reports, true),
            reported_in: self.related(ix, EdgeKind::Reports, false),
            supports: self.related(ix, EdgeKind::Supports, true),
            supported_by: self.related(ix, EdgeKind::Supports, false),
            disputes: self.related(ix, EdgeKind::Disputes, true),
            disputed_by: self.related(ix, EdgeKind::Disputes, false),
            citations: node.citations.clone(),
        })
    }

    /// The statements that match a query, sorted by date (undated last) then id.
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
                    s.attribution
                        .steps
                        .iter()
                        .skip(1)
                        .any(|step| step.who.iter().any(|w| w.id == v.id))
                });
                let disputed_ok =
                    !query.disputed || !s.disputes.is_empty() || !s.disputed_by.is_empty();
                by_ok && about_ok && via_ok && disputed_ok
            })
            .collect();
        out.sort_by(|a, b| {
            (a.date.is_none(), a.date, &a.statement.id).cmp(&(
                b.date.is_none(),
                b.date,
                &b.statement.id,
            ))
        });
        out.dedup_by(|a, b| a.statement.id == b.statement.id);
        out
    }
}
