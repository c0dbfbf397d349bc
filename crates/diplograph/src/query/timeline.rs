//! A timeline of dated events and agreement lifecycle changes.

use std::collections::HashSet;

use serde::Serialize;

use super::NodeRef;
use crate::graph::{Graph, NodeIndex};
use crate::model::{EventKind, LifecycleState, NodeDetails};
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
}

/// What a timeline entry records.
#[derive(Debug, Clone, PartialEq, Serialize)]
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
        /// For a withdrawal, who withdrew.
        party: Option<NodeRef>,
    },
}

/// One entry of a timeline.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct TimelineEntry {
    /// When, at the precision the sources give (a month stays a month).
    #[serde(flatten, serialize_with = "crate::time::answer::date")]
    pub date: PartialDate,
    /// The last date, for events over a range.
    #[serde(flatten, serialize_with = "crate::time::answer::end_opt")]
    pub end: Option<PartialDate>,
    /// The event or agreement.
    pub subject: NodeRef,
    /// What happened.
    pub what: TimelineKind,
    /// Whether the entry lies inside the window or only partly (a month straddling its edge).
    pub within: Containment,
    /// Where it is stated.
    pub citations: Vec<Citation>,
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
    /// let q = TimelineQuery { from: Some("2016-01".parse()?), to: Some("2016-03".parse()?), around: None };
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
                NodeDetails::Event { kind, when, .. } => {
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
                            citations: node.citations.clone(),
                        });
                    }
                }
                NodeDetails::Agreement { lifecycle, .. } => {
                    for step in lifecycle {
                        let Some(date) = step.date else { continue };
                        if let Some(w) = within(date, None) {
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
                                },
                                within: w,
                                citations: step.citations.clone(),
                            });
                        }
                    }
                }
                _ => {}
            }
        }
        out.sort_by(|a, b| (a.date, &a.subject.id).cmp(&(b.date, &b.subject.id)));
        out
    }
}
