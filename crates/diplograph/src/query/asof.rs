//! The graph as it stood on a date: agreement states, parties, offices, memberships.

use serde::Serialize;

use super::{validity, NodeRef, Validity};
use crate::error::{Error, Result};
use crate::graph::{Graph, NodeIndex};
use crate::identity::normalize;
use crate::model::{EdgeKind, LifecycleState, LifecycleStep, NodeDetails, NodeKind};
use crate::provenance::{union_citations, Citation};
use crate::time::{Containment, Interval, PartialDate};

/// An agreement's state on a date.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct AgreementState {
    /// The state it was in, or `None` if no recorded step had begun by then.
    pub state: Option<LifecycleState>,
    /// When it entered that state, if the step is dated.
    #[serde(flatten, serialize_with = "crate::time::answer::since_opt")]
    pub since: Option<PartialDate>,
    /// Whether the step certainly began by the date (`inside`), may have (`partly`: the step's
    /// date or the next one's is too coarse to tell), or (never here) did not.
    pub containment: Containment,
    /// Whether the answer treats an undated step as already begun (an open, unknown bound).
    pub rests_on_unknown: bool,
    /// The citations of the step the state comes from.
    pub citations: Vec<Citation>,
}

impl AgreementState {
    /// Whether the agreement binds its parties in this state (agreed, signed or in force).
    pub fn is_binding(&self) -> bool {
        self.state.is_some_and(LifecycleState::is_binding)
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Begun {
    Yes,
    Maybe,
    Assumed,
    No,
}

fn begun(step: &LifecycleStep, on: &PartialDate) -> Begun {
    match (step.date, step.attested) {
        (Some(d), _) => {
            if d.last_day() <= on.first_day() {
                Begun::Yes
            } else if d.first_day() > on.last_day() {
                Begun::No
            } else {
                Begun::Maybe
            }
        }
        (None, Some(a)) if a.last_day() <= on.first_day() => Begun::Yes,
        (None, _) => Begun::Assumed,
    }
}

/// The state of an agreement's lifecycle on `on` (withdrawals of single parties aside).
/// The step an agreement's lifecycle is in on `on` (withdrawals of single parties aside), how
/// surely it had begun, and whether the next step may also have begun.
fn step_on<'l>(
    lifecycle: &'l [LifecycleStep],
    on: &PartialDate,
) -> Option<(&'l LifecycleStep, Begun, bool)> {
    let mut chosen: Option<(&LifecycleStep, Begun)> = None;
    let mut next_uncertain = false;
    for step in lifecycle
        .iter()
        .filter(|s| s.state != LifecycleState::Withdrawn)
    {
        match begun(step, on) {
            Begun::No => break,
            Begun::Maybe => {
                if chosen.is_some() {
                    next_uncertain = true;
                }
                // A step that may have begun: report it, but only as partly.
                chosen = Some((step, Begun::Maybe));
            }
            b => {
                next_uncertain = false;
                chosen = Some((step, b));
            }
        }
    }
    chosen.map(|(step, how)| (step, how, next_uncertain))
}

/// The state an agreement is in on `on` (its last recorded state with `None`), without
/// building an answer. Cost: O(lifecycle steps).
pub(crate) fn state_kind_on(
    lifecycle: &[LifecycleStep],
    on: Option<&PartialDate>,
) -> Option<LifecycleState> {
    match on {
        Some(d) => step_on(lifecycle, d).map(|(s, _, _)| s.state),
        None => lifecycle
            .iter()
            .rev()
            .find(|s| s.state != LifecycleState::Withdrawn)
            .map(|s| s.state),
    }
}

/// The state of an agreement's lifecycle on `on` (withdrawals of single parties aside).
pub(crate) fn state_on(lifecycle: &[LifecycleStep], on: &PartialDate) -> AgreementState {
    match step_on(lifecycle, on) {
        None => AgreementState {
            state: None,
            since: None,
            containment: Containment::Outside,
            rests_on_unknown: false,
            citations: Vec::new(),
        },
        Some((step, how, next_uncertain)) => AgreementState {
            state: Some(step.state),
            since: step.date,
            containment: if how == Begun::Maybe || next_uncertain {
                Containment::Partly
            } else {
                Containment::Inside
            },
            rests_on_unknown: how == Begun::Assumed,
            citations: step.citations.clone(),
        },
    }
}

/// The last recorded state of an agreement, whatever its date.
pub(crate) fn latest_state(lifecycle: &[LifecycleStep]) -> AgreementState {
    let last = lifecycle
        .iter()
        .rev()
        .find(|s| s.state != LifecycleState::Withdrawn);
    AgreementState {
        state: last.map(|s| s.state),
        since: last.and_then(|s| s.date),
        containment: if last.is_some() {
            Containment::Inside
        } else {
            Containment::Outside
        },
        rests_on_unknown: false,
        citations: last.map(|s| s.citations.clone()).unwrap_or_default(),
    }
}

/// A party to an agreement.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Party {
    /// The party.
    pub party: NodeRef,
    /// The `party_to` edge's interval.
    pub valid: Interval,
    /// How that interval stands on the date asked about.
    pub validity: Validity,
    /// When the party withdrew, if it did by the date asked about (or ever, with no date).
    #[serde(flatten, serialize_with = "crate::time::answer::withdrew_opt")]
    pub withdrew: Option<PartialDate>,
    /// Citations of the `party_to` edge.
    pub citations: Vec<Citation>,
}

/// A person who signed an agreement.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Signatory {
    /// The person.
    pub person: NodeRef,
    /// The party signed for.
    pub on_behalf_of: Option<NodeRef>,
    /// The signing date (the edge's start), if known.
    #[serde(flatten, serialize_with = "crate::time::answer::date_opt")]
    pub date: Option<PartialDate>,
    /// Citations of the `signed` edge.
    pub citations: Vec<Citation>,
}

/// An agreement that links two parties.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct AgreementLink {
    /// The agreement.
    pub agreement: NodeRef,
    /// Its kind.
    pub kind: crate::model::AgreementKind,
    /// Its state on the date asked about (with no date: its last recorded state).
    pub state: AgreementState,
    /// All its parties on that date.
    pub parties: Vec<NodeRef>,
    /// Citations of the agreement, its state and both parties' `party_to` edges.
    pub citations: Vec<Citation>,
}

/// An office held by a person.
#[derive(Debug, Clone, PartialEq, Serialize)]
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
#[derive(Debug, Clone, PartialEq, Serialize)]
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
#[derive(Debug, Clone, PartialEq, Serialize)]
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
                let NodeDetails::Agreement { kind, lifecycle } = &n.details else {
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
                    state,
                    parties,
                    citations,
                })
            })
            .collect();
        out.sort_by(|a, b| a.agreement.id.cmp(&b.agreement.id));
        out
    }

    /// Every office held on the date, sorted by organization, title and person.
    ///
    /// Cost: O(edges).
    pub fn offices(&self) -> Vec<Office> {
        let mut out: Vec<Office> = self
            .graph
            .edges()
            .filter(|e| e.edge.kind == EdgeKind::HoldsOffice)
            .filter_map(|e| office(e.from, e.to, e.edge, Some(&self.date)))
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
                    validity: validity(e.edge, Some(&self.date))?,
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
        let date = self.date;
        self.graph.edges().filter_map(move |e| {
            Some(ValidEdge {
                from: e.from.into(),
                kind: e.edge.kind,
                to: e.to.into(),
                validity: validity(e.edge, Some(&date))?,
            })
        })
    }
}

fn office(
    person: &crate::model::Node,
    org: &crate::model::Node,
    edge: &crate::model::Edge,
    on: Option<&PartialDate>,
) -> Option<Office> {
    Some(Office {
        person: person.into(),
        title: edge.title().unwrap_or_default().to_owned(),
        organization: org.into(),
        valid: edge.valid,
        validity: validity(edge, on)?,
        citations: edge.citations.clone(),
    })
}

fn sort_offices(v: &mut [Office]) {
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
            }),
        }
    }

    /// The parties of an agreement on a date (with `None`: every party ever, withdrawals noted),
    /// sorted by id. A party that withdrew by the date is left out.
    ///
    /// Cost: O(in-degree of the agreement + lifecycle steps).
    pub fn parties(&self, agreement: NodeIndex, on: Option<&PartialDate>) -> Vec<Party> {
        let lifecycle = self
            .node_at(agreement)
            .and_then(|n| n.lifecycle())
            .unwrap_or_default();
        let withdrawal = |party: &str| -> Option<PartialDate> {
            let from_lifecycle = lifecycle
                .iter()
                .filter(|s| {
                    s.state == LifecycleState::Withdrawn && s.party.as_deref() == Some(party)
                })
                .map(|s| (s.date, s.attested));
            let from_edges = self
                .edges_to(agreement, Some(EdgeKind::WithdrewFrom))
                .filter(|e| e.from.id == party)
                .map(|e| (e.edge.valid.start, None));
            from_lifecycle
                .chain(from_edges)
                .filter_map(|(date, attested)| {
                    let when = date.or(attested)?;
                    match on {
                        // Withdrawn by the date only if the withdrawal certainly came first.
                        Some(d) => (when.last_day() <= d.first_day()).then_some(when),
                        None => Some(when),
                    }
                })
                .min()
        };
        let mut out: Vec<Party> = self
            .edges_to(agreement, Some(EdgeKind::PartyTo))
            .filter_map(|e| {
                let withdrew = withdrawal(&e.from.id);
                if on.is_some() && withdrew.is_some() {
                    return None;
                }
                Some(Party {
                    party: e.from.into(),
                    valid: e.edge.valid,
                    validity: validity(e.edge, on)?,
                    withdrew,
                    citations: e.edge.citations.clone(),
                })
            })
            .collect();
        out.sort_by(|a, b| a.party.id.cmp(&b.party.id));
        out.dedup_by(|a, b| a.party.id == b.party.id);
        out
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
                citations: e.edge.citations.clone(),
            })
            .collect();
        out.sort_by(|a, b| (a.date, &a.person.id).cmp(&(b.date, &b.person.id)));
        out
    }

    /// The agreements to which both `a` and `b` are parties on `on` (with `None`: ever), with
    /// their state then. Agreements with no step begun by the date are left out. Sorted by id.
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
        let Some(b_node) = self.node_at(b) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for e in self.edges_from(a, Some(EdgeKind::PartyTo)) {
            let Some(ag) = self.index_of(&e.to.id) else {
                continue;
            };
            if !seen.insert(ag) {
                continue;
            }
            let parties = self.parties(ag, on);
            if !parties.iter().any(|p| p.party.id == e.from.id)
                || !parties.iter().any(|p| p.party.id == b_node.id)
            {
                continue;
            }
            let NodeDetails::Agreement { kind, lifecycle } = &e.to.details else {
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
            for p in &parties {
                if p.party.id == e.from.id || p.party.id == b_node.id {
                    union_citations(&mut citations, &p.citations);
                }
            }
            out.push(AgreementLink {
                agreement: e.to.into(),
                kind: *kind,
                state,
                parties: parties.into_iter().map(|p| p.party).collect(),
                citations,
            });
        }
        out.sort_by(|x, y| x.agreement.id.cmp(&y.agreement.id));
        out
    }

    /// Who held an office on `on` (with `None`: ever). `office` is the name of an organization
    /// or country (all offices in it), or else words of a title ("Defence Minister"), matched
    /// case- and accent-insensitively. One person holding an office in two separate intervals
    /// appears once per interval that matches. Sorted by organization, title, person, start.
    ///
    /// ```
    /// let g = diplograph::example();
    /// let holders = g.office_holders("Secretary of Defense", Some(&"2016-06-04".parse()?))?;
    /// assert_eq!(holders[0].person.id, "ashton-carter");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// Cost: O(in-degree of the organization), or O(edges) for a title.
    ///
    /// # Errors
    /// [`Error::AmbiguousName`] when `office` names several nodes.
    pub fn office_holders(
        &self,
        office_name: &str,
        on: Option<&PartialDate>,
    ) -> Result<Vec<Office>> {
        let mut out: Vec<Office> = match self.resolve(office_name) {
            Ok(ix)
                if matches!(
                    self.node_at(ix).map(|n| n.kind()),
                    Some(NodeKind::Organization | NodeKind::Country)
                ) =>
            {
                self.edges_to(ix, Some(EdgeKind::HoldsOffice))
                    .filter_map(|e| office(e.from, e.to, e.edge, on))
                    .collect()
            }
            Err(e @ Error::AmbiguousName { .. }) => return Err(e),
            _ => {
                let key = normalize(office_name);
                self.edges()
                    .filter(|e| e.edge.kind == EdgeKind::HoldsOffice)
                    .filter(|e| e.edge.title().is_some_and(|t| normalize(t).contains(&key)))
                    .filter_map(|e| office(e.from, e.to, e.edge, on))
                    .collect()
            }
        };
        sort_offices(&mut out);
        Ok(out)
    }

    /// The offices a person held on `on` (with `None`: ever), sorted.
    ///
    /// Cost: O(out-degree of the person).
    pub fn offices_of(&self, person: NodeIndex, on: Option<&PartialDate>) -> Vec<Office> {
        let mut out: Vec<Office> = self
            .edges_from(person, Some(EdgeKind::HoldsOffice))
            .filter_map(|e| office(e.from, e.to, e.edge, on))
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
    }
}
