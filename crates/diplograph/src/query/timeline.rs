//! A timeline of dated events and agreement lifecycle changes.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use super::NodeRef;
use crate::graph::{Graph, NodeIndex};
use crate::model::{EventKind, LifecycleState, LifecycleStep, NodeDetails, Status};
use crate::provenance::Citation;
use crate::time::{Containment, Interval, PartialDate};

/// What to put on a timeline.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TimelineQuery {
    /// The first date of the window (open when `None`).
    pub from: Option<PartialDate>,
    /// The last date of the window, inclusive (open when `None`).
    pub to: Option<PartialDate>,
    /// Only entries about this node or its direct neighbours (attendees, parties, hosts …).
    pub around: Option<NodeIndex>,
    /// Also events and steps that were cancelled, postponed or did not happen (left out by
    /// default; planned and scheduled ones are always shown, marked by their status).
    pub all_statuses: bool,
}

/// What a timeline entry records.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum TimelineKind {
    /// An event took place.
    Event {
        /// Its kind.
        event_kind: EventKind,
    },
    /// An agreement entered a state (or a party withdrew).
    Lifecycle {
        /// The state entered.
        state: LifecycleState,
        /// The party the step concerns (who withdrew, ratified, gave notice …).
        party: Option<NodeRef>,
        /// For a notice: when it takes effect.
        effective: Option<PartialDate>,
        /// For `in_force` and `renewed`: the end of the term.
        until: Option<PartialDate>,
    },
}

/// One entry of a timeline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct TimelineEntry {
    /// When, at the precision the sources give (a month stays a month).
    pub date: PartialDate,
    /// The last date, for events over a range.
    pub end: Option<PartialDate>,
    /// The event or agreement.
    pub subject: NodeRef,
    /// What happened.
    pub what: TimelineKind,
    /// Whether the entry lies inside the window or only partly (a month straddling its edge).
    pub within: Containment,
    /// Whether it happened, or was planned, scheduled, cancelled, postponed, or did not happen.
    pub status: Status,
    /// A condition, in words (lifecycle steps).
    pub condition: Option<String>,
    /// A note, in words (lifecycle steps).
    pub note: Option<String>,
    /// What happened in words, status marked ([`TimelineEntry::describe`]): the one
    /// rendering the CLI and Python show.
    pub description: String,
    /// Whether the entry is derived rather than recorded: a notice taking effect on its
    /// effective date (`terminated`, or `withdrawn` for the notice's party), a term running
    /// out (`expired`).
    pub derived: bool,
    /// Where it is stated.
    pub citations: Vec<Citation>,
}

/// The changes the one derivation adds to an agreement's recorded steps, as things finally
/// stand: each notice that took effect (on its effective date: `withdrawn` by its party, or
/// `terminated`), and a term that ran out (`expired`). Each with the citations it rests on.
fn derived_changes(
    lifecycle: &[LifecycleStep],
) -> Vec<(PartialDate, LifecycleState, Option<String>, Vec<Citation>)> {
    use super::history::{derive, NoticeOf, NoticeOutcome};
    let d = derive(lifecycle, None);
    let mut out: Vec<_> = d
        .notices
        .iter()
        .filter(|n| n.outcome == NoticeOutcome::TookEffect)
        .filter_map(|n| {
            let state = match n.of {
                NoticeOf::Withdrawal => LifecycleState::Withdrawn,
                NoticeOf::Termination => LifecycleState::Terminated,
            };
            Some((n.effective?, state, n.party.clone(), n.citations.clone()))
        })
        .collect();
    if d.derived && d.state == Some(LifecycleState::Expired) {
        if let Some(since) = d.since {
            out.push((since, LifecycleState::Expired, None, d.citations));
        }
    }
    // A change the lifecycle also records as a step is on the timeline once, as recorded.
    out.retain(|(_, state, party, _)| {
        !lifecycle
            .iter()
            .any(|s| s.status.occurred() && s.state == *state && s.party == *party)
    });
    out
}

impl TimelineEntry {
    /// What happened, in words, with its status marked when it is not `occurred`:
    /// `meeting`, `notice_given (United States), effective 2020-11-22`,
    /// `signed [cancelled]`, `renewed, until 2026-02-05` (the condition and note are fields
    /// of their own).
    pub fn describe(&self) -> String {
        let mut out = match &self.what {
            TimelineKind::Event { event_kind } => event_kind.to_string(),
            TimelineKind::Lifecycle {
                state,
                party,
                effective,
                until,
            } => {
                let mut s = state.to_string();
                if let Some(p) = party {
                    s.push_str(&format!(" ({})", p.name));
                }
                if let Some(e) = effective {
                    s.push_str(&format!(", effective {e}"));
                }
                if let Some(u) = until {
                    s.push_str(&format!(", until {u}"));
                }
                s
            }
        };
        if !self.status.occurred() {
            out.push_str(&format!(" [{}]", self.status));
        }
        if self.derived {
            out.push_str(" [derived]");
        }
        out
    }
}

impl Graph {
    /// Dated events and lifecycle changes overlapping a window, optionally around one node,
    /// ordered by date with precision kept ("2016-01" sorts before "2016-01-01" and is never
    /// shown as the 1st). Undated events and steps known only by an `attested` date are left
    /// out: they have no place on a timeline.
    ///
    /// ```
    /// use diplograph::query::TimelineQuery;
    /// let g = diplograph::example();
    /// let q = TimelineQuery { from: Some("2016-01".parse()?), to: Some("2016-03".parse()?), ..Default::default() };
    /// let entries: Vec<String> = g.timeline(&q).iter()
    ///     .map(|e| format!("{} {} ({})", e.date, e.subject.id, e.within.as_str()))
    ///     .collect();
    /// assert_eq!(entries, [
    ///     "2016 prk-missile-tests-2016 (partly)",      // "in 2016": may or may not fall in Q1
    ///     "2016-01 prk-nuclear-test-2016-01 (inside)", // "in January": kept as a month
    ///     "2016-03 un-sanctions-2016-03 (inside)",
    ///     "2016-03 un-sanctions-decision-2016-03 (inside)",
    /// ]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// Cost: O(nodes + lifecycle steps), or with `around`, O(degree of that node).
    pub fn timeline(&self, query: &TimelineQuery) -> Vec<TimelineEntry> {
        // A window given as "2016-01" runs from the first day of that month; one ending at
        // "2016-03" runs to its last day.
        let window = Interval::new(
            query
                .from
                .and_then(|d| d.earliest())
                .map(PartialDate::from_naive),
            query
                .to
                .and_then(|d| d.latest())
                .map(PartialDate::from_naive),
        );
        let subjects: Vec<NodeIndex> = match query.around {
            Some(center) => {
                let mut set: HashSet<NodeIndex> = HashSet::from([center]);
                set.extend(
                    self.edges_from(center, None)
                        .filter_map(|e| self.index_of(&e.to.id)),
                );
                set.extend(
                    self.edges_to(center, None)
                        .filter_map(|e| self.index_of(&e.from.id)),
                );
                let mut v: Vec<NodeIndex> = set.into_iter().collect();
                v.sort();
                v
            }
            None => self.nodes().map(|(ix, _)| ix).collect(),
        };
        let within = |start: PartialDate, end: Option<PartialDate>| -> Option<Containment> {
            let span = Interval::new(Some(start), end.or(Some(start)));
            if !span.overlaps(window.start.as_ref(), window.end.as_ref()) {
                return None;
            }
            let first = window.contains(&start);
            let last = window.contains(&end.unwrap_or(start));
            Some(
                if first == Containment::Inside && last == Containment::Inside {
                    Containment::Inside
                } else {
                    Containment::Partly
                },
            )
        };
        let mut out = Vec::new();
        for ix in subjects {
            let Some(node) = self.node_at(ix) else {
                continue;
            };
            match &node.details {
                NodeDetails::Event {
                    kind, when, status, ..
                } => {
                    if !(query.all_statuses || status.shown_by_default()) {
                        continue;
                    }
                    let Some(start) = when.start.or(when.end) else {
                        continue;
                    };
                    let end = when.end.filter(|e| *e != start);
                    if let Some(w) = within(start, end) {
                        out.push(TimelineEntry {
                            date: start,
                            end,
                            subject: node.into(),
                            what: TimelineKind::Event { event_kind: *kind },
                            within: w,
                            status: *status,
                            condition: None,
                            note: None,
                            description: String::new(),
                            derived: false,
                            citations: node.citations.clone(),
                        });
                    }
                }
                NodeDetails::Agreement { lifecycle, .. } => {
                    // A step as an entry: recorded, or derived (a notice taking effect, a
                    // term running out), which the derivation gives as a step of its own.
                    let mut push = |step: &LifecycleStep, date, w, derived| {
                        out.push(TimelineEntry {
                            date,
                            end: None,
                            subject: node.into(),
                            what: TimelineKind::Lifecycle {
                                state: step.state,
                                party: step
                                    .party
                                    .as_deref()
                                    .and_then(|p| self.node(p))
                                    .map(NodeRef::from),
                                effective: step.effective,
                                until: step.until,
                            },
                            within: w,
                            status: step.status,
                            condition: step.condition.clone(),
                            note: step.note.clone(),
                            description: String::new(),
                            derived,
                            citations: step.citations.clone(),
                        });
                    };
                    for step in lifecycle {
                        if !(query.all_statuses || step.status.shown_by_default()) {
                            continue;
                        }
                        let Some(date) = step.date else { continue };
                        if let Some(w) = within(date, None) {
                            push(step, date, w, false);
                        }
                    }
                    for (date, state, party, citations) in derived_changes(lifecycle) {
                        if let Some(w) = within(date, None) {
                            let mut step = LifecycleStep::new(state, Some(date));
                            step.party = party;
                            step.citations = citations;
                            push(&step, date, w, true);
                        }
                    }
                }
                _ => {}
            }
        }
        out.sort_by(|a, b| (a.date, &a.subject.id).cmp(&(b.date, &b.subject.id)));
        for e in &mut out {
            e.description = e.describe();
        }
        out
    }
}
