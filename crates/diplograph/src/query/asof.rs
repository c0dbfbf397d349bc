//! The graph as it stood on a date: agreement states, parties, offices, memberships.

use serde::{Deserialize, Serialize};

use super::acting::{acting_bodies, party_state};
use super::attested::{Attestation, Certainty};
use super::{validity, NodeRef, Validity};
use crate::error::{Error, Result};
use crate::graph::{Graph, NodeIndex};
use crate::identity::normalize;
use crate::model::{EdgeKind, LifecycleState, LifecycleStep, NodeDetails, NodeKind, PartyRole};
use crate::provenance::{union_citations, Citation};
use crate::time::{Containment, Interval, PartialDate};

use super::history::{derive, step_on, withdrawals_by_notice, Derived, Notice, PartyStep};

/// An agreement's state on a date, derived from its lifecycle by the one derivation of
/// `query/history.rs` (see docs/queries.md, "Treaty histories").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AgreementState {
    /// The state it was in, or `None` if no recorded step had begun by then.
    pub state: Option<LifecycleState>,
    /// When it entered that state, if known (for a derived state: the notice's effective
    /// date, or the end of the term).
    pub since: Option<PartialDate>,
    /// Whether the step certainly began by the date (`inside`), may have (`partly`: the step's
    /// date or the next one's is too coarse to tell), or (never here) did not.
    pub containment: Containment,
    /// Whether the answer treats an undated step as already begun (an open, unknown bound).
    pub rests_on_unknown: bool,
    /// Whether the state is derived rather than recorded by a step: `terminated` on the
    /// effective date of a notice of termination, `expired` at the end of a term.
    pub derived: bool,
    /// The end of the current term (`until` of `in_force` or the last `renewed`), if known.
    pub until: Option<PartialDate>,
    /// The notices given by the date, each with where it stands then. A notice is not a
    /// termination: under a pending notice the agreement is still in force.
    pub notices: Vec<Notice>,
    /// The parties that had ratified by the date (steps `ratified` naming a party).
    pub ratified_by: Vec<PartyStep>,
    /// The parties whose participation was suspended by the date.
    pub suspended_parties: Vec<PartyStep>,
    /// The state in words, the one rendering every frontend shows: the state and since when,
    /// then each of [`AgreementState::clauses`] after a semicolon ("in_force since
    /// 2002-01-01; notice of withdrawal of USA given 2020-05-22, effective 2020-11-22";
    /// "terminated since 2019-11-23; derived: a notice took effect"). Caveats about
    /// coarse or unknown dates are in `containment` and `rests_on_unknown`.
    pub summary: String,
    /// Whether the agreement was certainly in this state on the date (`certain`): the state
    /// is not only `partly` known and either the date is the step's own day or its attested
    /// day (or between a dated step and its attested date), or the step certainly began by
    /// then and a later dated step certainly began after it (or a later notice or renewal,
    /// which only an agreement in force can have, vouches for it), or the state is final
    /// (`terminated`, `expired`, `abandoned`). A derived state is certain once the date is
    /// certainly past the day it took effect. Otherwise `possible`. With no date asked
    /// about: `certain`.
    pub certainty: Certainty,
    /// The step's attested date (its `attested`), if any.
    pub attested: Option<Attestation>,
    /// The citations of the step the state comes from (for a derived state: of the notice).
    pub citations: Vec<Citation>,
}

impl AgreementState {
    /// Whether the agreement binds its parties in this state (agreed, signed or in force).
    pub fn is_binding(&self) -> bool {
        self.state.is_some_and(LifecycleState::is_binding)
    }

    /// What qualifies the state, in words, one clause each: "derived", the term, every
    /// notice, ratifications and suspended participation. Frontends join these after the
    /// state ("in_force; notice of withdrawal of USA given 2020-05-22, effective 2020-11-22").
    ///
    /// ```
    /// use diplograph::{LifecycleState, LifecycleStep};
    /// let mut g = diplograph::Graph::new();
    /// g.add_node(diplograph::Node::new("open-skies", "Treaty on Open Skies",
    ///     diplograph::NodeDetails::Agreement {
    ///         kind: diplograph::AgreementKind::Treaty,
    ///         lifecycle: vec![
    ///             LifecycleStep::new(LifecycleState::InForce, Some("2002-01-01".parse()?)),
    ///             LifecycleStep::new(LifecycleState::NoticeGiven, Some("2020-05-22".parse()?))
    ///                 .with_party("USA")
    ///                 .with_effective("2020-11-22".parse()?),
    ///         ],
    ///         terms: None,
    ///     }))?;
    /// let ix = g.resolve("open-skies")?;
    /// let s = g.agreement_state(ix, Some(&"2020-06".parse()?))?;
    /// assert_eq!(s.clauses(), ["notice of withdrawal of USA given 2020-05-22, effective 2020-11-22"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn clauses(&self) -> Vec<String> {
        let mut out = Vec::new();
        if self.derived {
            out.push(match self.state {
                Some(LifecycleState::Expired) => "derived: its term ran out".to_owned(),
                _ => "derived: a notice took effect".to_owned(),
            });
        }
        if let (Some(u), false) = (self.until, self.derived) {
            out.push(format!("term until {u}"));
        }
        out.extend(self.notices.iter().map(Notice::describe));
        if !self.ratified_by.is_empty() {
            let who: Vec<String> = self
                .ratified_by
                .iter()
                .map(|r| match r.date {
                    Some(d) => format!("{} {d}", r.party),
                    None => r.party.clone(),
                })
                .collect();
            out.push(format!("ratified by {}", who.join(", ")));
        }
        for s in &self.suspended_parties {
            let mut c = format!("participation of {} suspended", s.party);
            if let Some(d) = s.date {
                c.push_str(&format!(" since {d}"));
            }
            out.push(c);
        }
        out
    }

    /// The answer for a derivation, with the attested date of the step it rests on.
    fn from_derived(d: Derived, attested: Option<Attestation>) -> Self {
        let mut s = AgreementState {
            state: d.state,
            since: d.since,
            containment: d.containment,
            rests_on_unknown: d.rests_on_unknown,
            derived: d.derived,
            until: d.until,
            notices: d.notices,
            ratified_by: d.ratified_by,
            suspended_parties: d.suspended_parties,
            summary: String::new(),
            certainty: Certainty::Certain,
            attested,
            citations: d.citations,
        };
        let mut summary = match (s.state, s.since, &s.attested) {
            (Some(st), Some(d), _) => format!("{st} since {d}"),
            (Some(st), None, Some(a)) => format!("{st} (attested {})", a.date),
            (Some(st), None, None) => format!("{st} (date unknown)"),
            (None, _, _) => "no recorded state yet".to_owned(),
        };
        for c in s.clauses() {
            summary.push_str("; ");
            summary.push_str(&c);
        }
        s.summary = summary;
        s
    }
}

/// The state an agreement is in on `on` (its last recorded state with `None`), without
/// building an answer. Cost: O(lifecycle steps).
pub(crate) fn state_kind_on(
    lifecycle: &[LifecycleStep],
    on: Option<&PartialDate>,
) -> Option<LifecycleState> {
    derive(lifecycle, on).state
}

/// The state of an agreement's lifecycle on `on` (withdrawals of single parties aside).
pub(crate) fn state_on(lifecycle: &[LifecycleStep], on: &PartialDate) -> AgreementState {
    let step = step_on(lifecycle, on).map(|(step, ..)| step);
    let attested = step
        .and_then(|st| st.attested)
        .map(|date| Attestation { date, source: None });
    let mut s = AgreementState::from_derived(derive(lifecycle, Some(on)), attested);
    s.certainty = match step {
        None => Certainty::Possible,
        Some(_) if s.derived => {
            if s.containment == Containment::Inside {
                Certainty::Certain
            } else {
                Certainty::Possible
            }
        }
        Some(step) => step_certainty(lifecycle, step, on, s.containment),
    };
    s
}

/// Whether the agreement was certainly in `step`'s state on `on` (see
/// [`AgreementState::certainty`]).
fn step_certainty(
    lifecycle: &[LifecycleStep],
    step: &LifecycleStep,
    on: &PartialDate,
    containment: Containment,
) -> Certainty {
    let (lo, hi) = (on.first_day(), on.last_day());
    let known_from = step.date.map(|d| d.last_day());
    // On the step's own day and on an attested day the state held, and from a dated start up
    // to an attested date. (A month or year says the state held on some day of it: it makes
    // no day certain by itself.)
    let mut spans = Vec::with_capacity(3);
    if let Some(d) = step.date {
        spans.push((d.last_day(), d.first_day()));
    }
    if let Some(a) = step.attested {
        spans.push((known_from.unwrap_or(a.last_day()), a.first_day()));
    }
    let attested = spans.iter().any(|&(from, to)| from <= lo && hi <= to);
    let begun = known_from.is_some_and(|from| from <= lo);
    // A step's own date attests it: on the last day it may have happened, it had.
    let on_its_date = begun && step.date.is_some_and(|d| hi <= d.last_day());
    let ended_later = lifecycle
        .iter()
        .filter(|s| s.changes_state())
        .skip_while(|s| !std::ptr::eq(*s, step))
        .nth(1)
        .and_then(|next| next.date)
        .is_some_and(|next| next.first_day() > hi)
        // Or the agreement certainly ended later, by a recorded or derived end (a notice
        // that took effect, a term that ran out).
        || super::history::end_date(lifecycle).is_some_and(|end| end.first_day() > hi);
    // Later steps that can only happen to an agreement in force (a notice given, suspended
    // or withdrawn; a renewal) attest that it was in force on their dates: from a dated
    // start up to such a step, the state held.
    let vouched = begun
        && matches!(
            step.state,
            LifecycleState::InForce
                | LifecycleState::ProvisionallyApplied
                | LifecycleState::Renewed
        )
        && lifecycle
            .iter()
            .skip_while(|s| !std::ptr::eq(*s, step))
            .skip(1)
            .filter(|s| {
                s.status.occurred()
                    && matches!(
                        s.state,
                        LifecycleState::NoticeGiven
                            | LifecycleState::NoticeSuspended
                            | LifecycleState::NoticeWithdrawn
                            | LifecycleState::Renewed
                    )
            })
            .filter_map(|s| s.date)
            .any(|d| hi <= d.first_day());
    let last = matches!(
        step.state,
        LifecycleState::Terminated | LifecycleState::Expired | LifecycleState::Abandoned
    );
    let settled = begun && (ended_later || last);
    // A state only partly known to hold (the next step may have begun) is never certain.
    if containment == Containment::Inside && (attested || on_its_date || vouched || settled) {
        Certainty::Certain
    } else {
        Certainty::Possible
    }
}

/// The state of an agreement as things finally stand, whatever the date: its last recorded
/// state, with every dated notice and term taken as having run.
pub(crate) fn latest_state(lifecycle: &[LifecycleStep]) -> AgreementState {
    let attested = lifecycle
        .iter()
        .rev()
        .find(|st| st.changes_state())
        .and_then(|st| st.attested)
        .map(|date| Attestation { date, source: None });
    AgreementState::from_derived(derive(lifecycle, None), attested)
}

/// A party to an agreement: one row per state (or other party), with the bodies that acted
/// for it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Party {
    /// The party: the state an organization's participation counts for (its `acting_for`, or
    /// the country it is `part_of`), or the node itself when it acts for no one else.
    pub party: NodeRef,
    /// Its role in the agreement (`member` unless a `party_to` edge says otherwise).
    pub role: PartyRole,
    /// The bodies that are `party_to` the agreement acting for `party` (a defence ministry),
    /// sorted by id; empty when only the party itself is.
    pub acting_bodies: Vec<NodeRef>,
    /// The `party_to` edge's interval (the party's own edge, or else the first body's).
    pub valid: Interval,
    /// How that interval stands on the date asked about.
    pub validity: Validity,
    /// When the party withdrew, if it did by the date asked about (or ever, with no date).
    pub withdrew: Option<PartialDate>,
    /// Whether that withdrawal is derived: the effective date of the party's notice of
    /// withdrawal, rather than a recorded `withdrawn` step or `withdrew_from` edge.
    pub withdrawal_derived: bool,
    /// Citations of the `party_to` edges.
    pub citations: Vec<Citation>,
}

/// One `party_to` edge's participation on a date, before rows of one state are joined.
#[derive(Debug, Clone)]
pub(crate) struct Participant {
    /// The node that is `party_to` the agreement.
    pub(crate) body: NodeIndex,
    /// The node its participation counts for.
    pub(crate) state: NodeIndex,
    /// The row it gives, with `party` naming `state`.
    pub(crate) row: Party,
}

/// A person who signed an agreement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Signatory {
    /// The person.
    pub person: NodeRef,
    /// The party signed for.
    pub on_behalf_of: Option<NodeRef>,
    /// The signing date (the edge's start), if known.
    pub date: Option<PartialDate>,
    /// Where it was signed (the edge's `place`) and the country that lies in, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<super::Site>,
    /// Citations of the `signed` edge.
    pub citations: Vec<Citation>,
}

/// An agreement that links two parties.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AgreementLink {
    /// The agreement.
    pub agreement: NodeRef,
    /// Its kind.
    pub kind: crate::model::AgreementKind,
    /// Its state on the date asked about (with no date: its last recorded state).
    pub state: AgreementState,
    /// All its parties on that date, one per state (see [`Graph::parties`]).
    pub parties: Vec<NodeRef>,
    /// The weaker of the state's certainty and that of the parties' participation the answer
    /// rests on (both parties asked about, for [`Graph::agreements_between`]).
    pub certainty: Certainty,
    /// Citations of the agreement, its state and both parties' `party_to` edges.
    pub citations: Vec<Citation>,
}

/// An office held by a person.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Office {
    /// The person.
    pub person: NodeRef,
    /// The office.
    pub title: String,
    /// Where the office is (an organization or a country).
    pub organization: NodeRef,
    /// When it was held.
    pub valid: Interval,
    /// How that stands on the date asked about.
    pub validity: Validity,
    /// Citations of the `holds_office` edge.
    pub citations: Vec<Citation>,
}

/// A membership (or part-of relation) on a date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Membership {
    /// The member.
    pub member: NodeRef,
    /// What it is a member or part of.
    pub of: NodeRef,
    /// `member_of` or `part_of`.
    pub kind: EdgeKind,
    /// How the membership stands on the date asked about.
    pub validity: Validity,
    /// Citations of the edge.
    pub citations: Vec<Citation>,
}

/// An edge that holds on the date of an [`AsOf`] view.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ValidEdge {
    /// Where it starts.
    pub from: NodeRef,
    /// Its kind.
    pub kind: EdgeKind,
    /// Where it ends.
    pub to: NodeRef,
    /// How it stands on the date.
    pub validity: Validity,
}

/// The graph as it stood on one date. The view copies nothing: each question walks the
/// graph when asked. See [`Graph::as_of`].
#[derive(Debug, Clone, Copy)]
pub struct AsOf<'g> {
    graph: &'g Graph,
    date: PartialDate,
}

impl<'g> AsOf<'g> {
    /// The date of the view.
    pub fn date(&self) -> PartialDate {
        self.date
    }

    /// Every agreement with the state it was in on the date (agreements with no step begun
    /// by then are left out), sorted by id.
    ///
    /// Cost: O(agreements × (lifecycle steps + parties)).
    pub fn agreements(&self) -> Vec<AgreementLink> {
        let mut out: Vec<AgreementLink> = self
            .graph
            .nodes()
            .filter_map(|(ix, n)| {
                let NodeDetails::Agreement {
                    kind, lifecycle, ..
                } = &n.details
                else {
                    return None;
                };
                let state = state_on(lifecycle, &self.date);
                state.state?;
                let parties = self
                    .graph
                    .parties(ix, Some(&self.date))
                    .into_iter()
                    .map(|p| p.party)
                    .collect();
                let mut citations = n.citations.clone();
                union_citations(&mut citations, &state.citations);
                Some(AgreementLink {
                    agreement: n.into(),
                    kind: *kind,
                    certainty: state.certainty,
                    state,
                    parties,
                    citations,
                })
            })
            .collect();
        out.sort_by(|a, b| a.agreement.id.cmp(&b.agreement.id));
        out
    }

    /// Every office held on the date, sorted by organization, title and person. An office
    /// with a dated holder on the date has no undated holder answered as certain (see
    /// [`Graph::office_holders`]).
    ///
    /// Cost: O(edges).
    pub fn offices(&self) -> Vec<Office> {
        let mut out: Vec<Office> = self
            .graph
            .edges()
            .filter(|e| e.edge.kind == EdgeKind::HoldsOffice)
            .filter_map(|e| office(self.graph, e.from, e.to, e.edge, Some(&self.date)))
            .collect();
        sort_offices(&mut out);
        out
    }

    /// Every `member_of` and `part_of` relation holding on the date.
    ///
    /// Cost: O(edges).
    pub fn memberships(&self) -> Vec<Membership> {
        let mut out: Vec<Membership> = self
            .graph
            .edges()
            .filter(|e| matches!(e.edge.kind, EdgeKind::MemberOf | EdgeKind::PartOf))
            .filter_map(|e| {
                Some(Membership {
                    member: e.from.into(),
                    of: e.to.into(),
                    kind: e.edge.kind,
                    validity: validity(self.graph, e.edge, Some(&self.date))?,
                    citations: e.edge.citations.clone(),
                })
            })
            .collect();
        out.sort_by(|a, b| (&a.of.id, &a.member.id).cmp(&(&b.of.id, &b.member.id)));
        out
    }

    /// Every edge that holds on the date (its interval contains it at least partly).
    ///
    /// Cost: O(edges), lazily.
    pub fn edges(&self) -> impl Iterator<Item = ValidEdge> + 'g {
        let (graph, date) = (self.graph, self.date);
        self.graph.edges().filter_map(move |e| {
            Some(ValidEdge {
                from: e.from.into(),
                kind: e.edge.kind,
                to: e.to.into(),
                validity: validity(graph, e.edge, Some(&date))?,
            })
        })
    }
}

pub(super) fn office(
    graph: &Graph,
    person: &crate::model::Node,
    org: &crate::model::Node,
    edge: &crate::model::Edge,
    on: Option<&PartialDate>,
) -> Option<Office> {
    let mut validity = validity(graph, edge, on)?;
    if validity.certainty == Certainty::Certain
        && edge.valid.is_unbounded()
        && dated_holder_on(graph, person, org, edge, on)
    {
        validity.certainty = Certainty::Possible;
    }
    Some(Office {
        person: person.into(),
        title: edge.title().unwrap_or_default().to_owned(),
        organization: org.into(),
        valid: edge.valid,
        validity,
        citations: edge.citations.clone(),
    })
}

/// Whether someone else holds the office of `edge` (same place, same title) on `on` by a
/// dated interval: then an undated holder is not answered as certain on that date, attested
/// or not. Cost: O(in-degree of the organization).
pub(crate) fn dated_holder_on(
    graph: &Graph,
    person: &crate::model::Node,
    org: &crate::model::Node,
    edge: &crate::model::Edge,
    on: Option<&PartialDate>,
) -> bool {
    let (Some(d), Some(org_ix)) = (on, graph.index_of(&org.id)) else {
        return false;
    };
    let title = normalize(edge.title().unwrap_or_default());
    graph
        .edges_to(org_ix, Some(EdgeKind::HoldsOffice))
        .any(|e| {
            e.from.id != person.id
                && !e.edge.valid.is_unbounded()
                && e.edge.valid.contains(d) != Containment::Outside
                && normalize(e.edge.title().unwrap_or_default()) == title
        })
}

pub(super) fn sort_offices(v: &mut [Office]) {
    v.sort_by(|a, b| {
        (&a.organization.id, &a.title, &a.person.id, a.valid.start).cmp(&(
            &b.organization.id,
            &b.title,
            &b.person.id,
            b.valid.start,
        ))
    });
}

impl Graph {
    /// The graph as it stood on `date`: agreements by their state then, offices held, memberships.
    ///
    /// ```
    /// let g = diplograph::example();
    /// let view = g.as_of("2016-06-04".parse()?);
    /// let gsomia = view.agreements().into_iter().find(|a| a.agreement.id == "gsomia-kor-usa").unwrap();
    /// assert_eq!(gsomia.state.state.map(|s| s.as_str()), Some("in_force"));
    /// // "already has a pact", reported that day: in force on the day, known from the report.
    /// assert!(!gsomia.state.rests_on_unknown);
    /// // Four years earlier the start of the pact is unknown: in force, resting on that.
    /// let earlier = g.as_of("2012".parse()?);
    /// let gsomia = earlier.agreements().into_iter().find(|a| a.agreement.id == "gsomia-kor-usa").unwrap();
    /// assert!(gsomia.state.rests_on_unknown);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// Cost: O(1); each question on the view walks the graph (see [`AsOf`]).
    pub fn as_of(&self, date: PartialDate) -> AsOf<'_> {
        AsOf { graph: self, date }
    }

    /// The state of an agreement on a date (with `None`: its last recorded state).
    ///
    /// Cost: O(lifecycle steps).
    ///
    /// # Errors
    /// [`Error::NodeNotFound`] when `agreement` is not an agreement's index.
    pub fn agreement_state(
        &self,
        agreement: NodeIndex,
        on: Option<&PartialDate>,
    ) -> Result<AgreementState> {
        let node = self
            .node_at(agreement)
            .ok_or_else(|| not_found("that index"))?;
        match (&node.details, on) {
            (NodeDetails::Agreement { lifecycle, .. }, Some(d)) => Ok(state_on(lifecycle, d)),
            (NodeDetails::Agreement { lifecycle, .. }, None) => Ok(latest_state(lifecycle)),
            _ => Err(Error::NodeNotFound {
                name: node.id.clone(),
                hint: format!(" among agreements (it is a {})", node.kind()),
                suggestions: Vec::new(),
            }),
        }
    }

    /// The parties of an agreement on a date (with `None`: every party ever, withdrawals noted),
    /// sorted by id. A party that withdrew by the date is left out. An organization that is
    /// party acting for a state (by `acting_for`, or by `part_of`) answers as that state,
    /// with the organization in [`Party::acting_bodies`]: one row per state, never two.
    ///
    /// ```
    /// let g = diplograph::example();
    /// let hotline = g.resolve("kor-jpn-defence-hotline")?;
    /// let parties = g.parties(hotline, None);
    /// let rows: Vec<(&str, Vec<&str>)> = parties
    ///     .iter()
    ///     .map(|p| (p.party.id.as_str(), p.acting_bodies.iter().map(|b| b.id.as_str()).collect()))
    ///     .collect();
    /// assert_eq!(rows, [("JPN", vec!["jpn-mod"]), ("KOR", vec!["kor-mnd"])]);
    /// # Ok::<(), diplograph::Error>(())
    /// ```
    ///
    /// Cost: O(in-degree of the agreement + lifecycle steps).
    pub fn parties(&self, agreement: NodeIndex, on: Option<&PartialDate>) -> Vec<Party> {
        let mut rows = self.participants(agreement, on);
        // The state's own edge first, then its bodies by id.
        rows.sort_by(|a, b| {
            let direct = |p: &Participant| p.body != p.state;
            (&a.row.party.id, direct(a), a.body.index()).cmp(&(
                &b.row.party.id,
                direct(b),
                b.body.index(),
            ))
        });
        let mut out: Vec<Party> = Vec::with_capacity(rows.len());
        for p in rows {
            match out.last_mut() {
                Some(last) if last.party.id == p.row.party.id => {
                    if last.role.is_default() {
                        last.role = p.row.role;
                    }
                    last.acting_bodies.extend(p.row.acting_bodies);
                    union_citations(&mut last.citations, &p.row.citations);
                    if let Some(w) = p.row.withdrew {
                        if last.withdrew.is_none_or(|l| w < l) {
                            last.withdrew = Some(w);
                            last.withdrawal_derived = p.row.withdrawal_derived;
                        }
                    }
                }
                _ => out.push(p.row),
            }
        }
        for p in &mut out {
            p.acting_bodies.sort();
            p.acting_bodies.dedup();
        }
        out
    }

    /// Every `party_to` edge's participation in an agreement on a date (with `None`: ever),
    /// each with the node it counts for; a participant that withdrew by the date is left out.
    /// In the graph's edge order.
    pub(crate) fn participants(
        &self,
        agreement: NodeIndex,
        on: Option<&PartialDate>,
    ) -> Vec<Participant> {
        let lifecycle = self
            .node_at(agreement)
            .and_then(|n| n.lifecycle())
            .unwrap_or_default();
        // Notices of withdrawal that took effect by the date: read once, by the derivation.
        let by_notice = withdrawals_by_notice(lifecycle, on);
        // The earliest withdrawal of `party` by the date, and whether it is derived.
        let withdrawal = |party: &str| -> Option<(PartialDate, bool)> {
            let from_lifecycle = lifecycle
                .iter()
                .filter(|s| {
                    s.state == LifecycleState::Withdrawn
                        && s.status.occurred()
                        && s.party.as_deref() == Some(party)
                })
                .map(|s| (s.date, s.attested, false));
            let from_notices = by_notice
                .iter()
                .filter(|(p, _)| p == party)
                .map(|(_, eff)| (Some(*eff), None, true));
            let from_edges = self
                .edges_to(agreement, Some(EdgeKind::WithdrewFrom))
                .filter(|e| e.from.id == party)
                .map(|e| (e.edge.valid.start, None, false));
            from_lifecycle
                .chain(from_notices)
                .chain(from_edges)
                .filter_map(|(date, attested, derived)| {
                    let when = date.or(attested)?;
                    match on {
                        // Withdrawn by the date only if the withdrawal certainly came first.
                        Some(d) => (when.last_day() <= d.first_day()).then_some((when, derived)),
                        None => Some((when, derived)),
                    }
                })
                .min()
        };
        self.edges_to(agreement, Some(EdgeKind::PartyTo))
            .filter_map(|e| {
                let state = party_state(self, &e);
                let state_node = self.node_at(state)?;
                let withdrew = withdrawal(&e.from.id);
                if on.is_some() && withdrew.is_some() {
                    return None;
                }
                let acting_bodies = if state == e.from_index {
                    Vec::new()
                } else {
                    vec![NodeRef::from(e.from)]
                };
                Some(Participant {
                    body: e.from_index,
                    state,
                    row: Party {
                        party: state_node.into(),
                        role: e.edge.role(),
                        acting_bodies,
                        valid: e.edge.valid,
                        validity: validity(self, e.edge, on)?,
                        withdrew: withdrew.map(|(d, _)| d),
                        withdrawal_derived: withdrew.is_some_and(|(_, derived)| derived),
                        citations: e.edge.citations.clone(),
                    },
                })
            })
            .collect()
    }

    /// The people who signed an agreement, sorted by date then id.
    ///
    /// Cost: O(in-degree of the agreement).
    pub fn signatories(&self, agreement: NodeIndex) -> Vec<Signatory> {
        let mut out: Vec<Signatory> = self
            .edges_to(agreement, Some(EdgeKind::Signed))
            .map(|e| Signatory {
                person: e.from.into(),
                on_behalf_of: e
                    .edge
                    .on_behalf_of()
                    .and_then(|id| self.node(id))
                    .map(NodeRef::from),
                date: e.edge.valid.start,
                place: e.edge.place().and_then(|id| self.site(id)),
                citations: e.edge.citations.clone(),
            })
            .collect();
        out.sort_by(|a, b| (a.date, &a.person.id).cmp(&(b.date, &b.person.id)));
        out
    }

    /// The agreements to which both `a` and `b` are parties on `on` (with `None`: ever), with
    /// their state then. Agreements with no step begun by the date are left out. Sorted by id,
    /// each once. A state is party also through the bodies acting for it (its defence
    /// ministry, see [`Graph::parties`]); the answer's `parties` name each state once. Both
    /// being parties says nothing of roles: through an agreement with a hub, two spokes are
    /// both parties but reach each other only through the hub (see [`Graph::chains`]).
    ///
    /// ```
    /// let g = diplograph::example();
    /// let (usa, kor) = (g.resolve("United States")?, g.resolve("ROK")?);
    /// let links = g.agreements_between(usa, kor, Some(&"2016-06-04".parse()?));
    /// let ids: Vec<_> = links.iter().map(|l| l.agreement.id.as_str()).collect();
    /// assert!(ids.contains(&"gsomia-kor-usa"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// Cost: O(in-degree of a's agreements + their parties).
    pub fn agreements_between(
        &self,
        a: NodeIndex,
        b: NodeIndex,
        on: Option<&PartialDate>,
    ) -> Vec<AgreementLink> {
        let (Some(a_node), Some(b_node)) = (self.node_at(a), self.node_at(b)) else {
            return Vec::new();
        };
        // A party row answers for a node when it is that node or one of its acting bodies.
        let answers_for = |p: &Party, id: &str| {
            p.party.id == id || p.acting_bodies.iter().any(|body| body.id == id)
        };
        let mut out = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for actor in acting_bodies(self, a) {
            for e in self.edges_from(actor, Some(EdgeKind::PartyTo)) {
                if actor != a && party_state(self, &e) != a {
                    continue;
                }
                let ag = e.to_index;
                if !seen.insert(ag) {
                    continue;
                }
                let parties = self.parties(ag, on);
                if !parties.iter().any(|p| answers_for(p, &a_node.id))
                    || !parties.iter().any(|p| answers_for(p, &b_node.id))
                {
                    continue;
                }
                let NodeDetails::Agreement {
                    kind, lifecycle, ..
                } = &e.to.details
                else {
                    continue;
                };
                let state = match on {
                    Some(d) => state_on(lifecycle, d),
                    None => latest_state(lifecycle),
                };
                if on.is_some() && state.state.is_none() {
                    continue;
                }
                let mut citations = e.to.citations.clone();
                union_citations(&mut citations, &state.citations);
                let mut certainty = state.certainty;
                for p in &parties {
                    if answers_for(p, &a_node.id) || answers_for(p, &b_node.id) {
                        union_citations(&mut citations, &p.citations);
                        certainty = certainty.and(p.validity.certainty);
                    }
                }
                out.push(AgreementLink {
                    agreement: e.to.into(),
                    kind: *kind,
                    certainty,
                    state,
                    parties: parties.into_iter().map(|p| p.party).collect(),
                    citations,
                });
            }
        }
        out.sort_by(|x, y| x.agreement.id.cmp(&y.agreement.id));
        out
    }

    /// Who held an office on `on` (with `None`: ever). `office_name` is the id, name or alias
    /// of an organization or country (every office in it, and in the bodies part of it at any
    /// depth); or else words, which find both the offices whose title has them ("Defence
    /// Minister") and the offices in each organization or country whose name or an alias
    /// has them ("Ministry of National Defense" finds "Ministry of National Defense (South
    /// Korea)"), matched as [`crate::query::title_matches`] says: every word, in any order,
    /// case- and accent-insensitively, "Defence" and "Defense" alike. The questions of
    /// [`Graph::holders`], told apart by name. One person holding an office in two separate
    /// intervals appears once per interval that matches. Sorted by organization, title,
    /// person, start.
    ///
    /// Each answer says how surely it held ([`Validity::certainty`]): an office with no
    /// interval is certain only on the dates sources attest it. When a holder with a dated
    /// interval holds the same office (same place and title) on the date, a holder with no
    /// interval is answered as `possible` even on a date attesting it. Keep the certain
    /// answers with [`crate::query::certain_only`].
    ///
    /// ```
    /// let g = diplograph::example();
    /// let on = "2016-06-04".parse()?;
    /// let holders = g.office_holders("Secretary of Defense", Some(&on))?;
    /// assert_eq!(holders[0].person.id, "ashton-carter");
    /// // A body by the words of its name: its offices and those of its bureau.
    /// let who: Vec<_> = g.office_holders("Ministry of National Defense", Some(&on))?
    ///     .into_iter().map(|o| o.person.id).collect();
    /// assert_eq!(who, ["han-min-koo", "yoon-soon-gu"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// Cost: O(the offices of the body and the bodies part of it) for a body's name;
    /// otherwise O(nodes + edges).
    ///
    /// # Errors
    /// [`Error::AmbiguousName`] when `office_name` names several nodes.
    pub fn office_holders(
        &self,
        office_name: &str,
        on: Option<&PartialDate>,
    ) -> Result<Vec<Office>> {
        let is_body = |ix| {
            matches!(
                self.node_at(ix).map(|n| n.kind()),
                Some(NodeKind::Organization | NodeKind::Country)
            )
        };
        let by_body = |body| super::OfficeQuery {
            title: None,
            body: Some(body),
        };
        match self.find(office_name) {
            Ok(ix) if is_body(ix) => return Ok(self.holders(&by_body(ix), on)),
            Err(e @ Error::AmbiguousName { .. }) => return Err(e),
            _ => {}
        }
        let by_title = super::OfficeQuery {
            title: Some(office_name.to_owned()),
            body: None,
        };
        let mut out = self.holders(&by_title, on);
        for (ix, node) in self.nodes() {
            let named = std::iter::once(&node.name).chain(&node.aliases);
            if is_body(ix)
                && named
                    .into_iter()
                    .any(|n| super::title_matches(office_name, n))
            {
                out.extend(self.holders(&by_body(ix), on));
            }
        }
        sort_offices(&mut out);
        out.dedup();
        Ok(out)
    }

    /// The offices a person held on `on` (with `None`: ever), sorted.
    ///
    /// Cost: O(out-degree of the person).
    pub fn offices_of(&self, person: NodeIndex, on: Option<&PartialDate>) -> Vec<Office> {
        let mut out: Vec<Office> = self
            .edges_from(person, Some(EdgeKind::HoldsOffice))
            .filter_map(|e| office(self, e.from, e.to, e.edge, on))
            .collect();
        sort_offices(&mut out);
        out
    }

    /// Who attended an event (sorted by id).
    ///
    /// Cost: O(in-degree of the event).
    pub fn attendees(&self, event: NodeIndex) -> Vec<NodeRef> {
        let mut out: Vec<NodeRef> = self
            .edges_to(event, Some(EdgeKind::Attended))
            .map(|e| e.from.into())
            .collect();
        out.sort();
        out.dedup();
        out
    }
}

fn not_found(what: &str) -> Error {
    Error::NodeNotFound {
        name: what.to_owned(),
        hint: String::new(),
        suggestions: Vec::new(),
    }
}
