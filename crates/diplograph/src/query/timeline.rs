//! A timeline of dated events, agreement lifecycle changes and (when asked) statements.

use std::collections::HashSet;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use super::NodeRef;
use crate::error::{Error, Result, UnknownName};
use crate::graph::{Graph, NodeIndex};
use crate::model::{
    EdgeKind, EventKind, LifecycleState, LifecycleStep, NodeDetails, NodeKind, Status,
};
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
    /// Only entries of these kinds (any of them). Empty: events and lifecycle steps, and
    /// statements when [`TimelineQuery::statements`] says so.
    pub kinds: Vec<EntryKind>,
    /// Statements too, at the date they were said (or, with none, the date of the source
    /// reporting them, marked). Implied by [`EntryKind::Statement`] in `kinds`.
    pub statements: bool,
    /// Only entries each of these parties takes part in: the entry's event, agreement or
    /// statement is the party, or is linked by an edge (either way: attended, party to,
    /// signed, said, about, organised by, held in …) to the party, to an organization part of
    /// it (at any depth: a country's ministries, their bureaus), or to a person holding an
    /// office in one of those (at any time).
    pub with: Vec<NodeIndex>,
}

impl TimelineQuery {
    /// Checks that the question can be asked: a window whose end comes before its start is an
    /// error, not an empty answer. [`Graph::timeline`] answers such a window with nothing;
    /// frontends call this first to say why.
    ///
    /// ```
    /// use diplograph::query::TimelineQuery;
    /// let q = TimelineQuery { from: Some("2016-02".parse()?), to: Some("2016-01".parse()?), ..Default::default() };
    /// assert_eq!(
    ///     q.check().unwrap_err().to_string(),
    ///     "the timeline window is reversed: its end, 2016-01, comes before its start, 2016-02; \
    ///      give the earlier date as the start"
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::ReversedWindow`] when `to` certainly ends before `from` begins.
    pub fn check(&self) -> Result<()> {
        match (self.from, self.to) {
            (Some(from), Some(to)) if to.ends_before(&from) => {
                Err(Error::ReversedWindow { from, to })
            }
            _ => Ok(()),
        }
    }

    /// Whether statements are on the timeline.
    fn wants_statements(&self) -> bool {
        self.statements || self.kinds.contains(&EntryKind::Statement)
    }

    /// Whether an entry recording `what` is asked for.
    fn wants(&self, what: &TimelineKind) -> bool {
        if self.kinds.is_empty() {
            return !matches!(what, TimelineKind::Statement { .. }) || self.statements;
        }
        self.kinds.iter().any(|k| match (k, what) {
            (EntryKind::Event, TimelineKind::Event { .. }) => true,
            (EntryKind::EventOf(want), TimelineKind::Event { event_kind }) => want == event_kind,
            (EntryKind::Lifecycle, TimelineKind::Lifecycle { .. }) => true,
            (EntryKind::Statement, TimelineKind::Statement { .. }) => true,
            _ => false,
        })
    }
}

/// A kind of timeline entry to keep: every event, events of one kind, lifecycle steps, or
/// statements. Names: `event`, each event kind (`meeting`, `summit`, …), `lifecycle`,
/// `statement`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum EntryKind {
    /// Every event.
    Event,
    /// Events of one kind.
    EventOf(EventKind),
    /// Agreement lifecycle steps (recorded and derived).
    Lifecycle,
    /// Statements.
    Statement,
}

impl EntryKind {
    /// The vocabulary's name in words, as messages say it.
    pub const WHAT: &'static str = "timeline entry kind";

    /// Every value: `event`, each event kind in its declaration order, `lifecycle`,
    /// `statement`.
    pub fn all() -> Vec<EntryKind> {
        std::iter::once(EntryKind::Event)
            .chain(EventKind::ALL.iter().map(|&k| EntryKind::EventOf(k)))
            .chain([EntryKind::Lifecycle, EntryKind::Statement])
            .collect()
    }

    /// The name used on the command line and in Python.
    pub fn as_str(self) -> &'static str {
        match self {
            EntryKind::Event => "event",
            EntryKind::EventOf(k) => k.as_str(),
            EntryKind::Lifecycle => "lifecycle",
            EntryKind::Statement => "statement",
        }
    }
}

impl std::fmt::Display for EntryKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for EntryKind {
    type Err = UnknownName;
    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        let wanted = s.trim().to_ascii_lowercase().replace(['-', ' '], "_");
        let all = EntryKind::all();
        all.iter()
            .copied()
            .find(|k| k.as_str() == wanted)
            .ok_or_else(|| UnknownName {
                what: EntryKind::WHAT,
                name: s.to_owned(),
                expected: all.iter().map(|k| k.as_str()).collect(),
            })
    }
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
    /// A statement was made.
    Statement {
        /// Who said it.
        speakers: Vec<NodeRef>,
        /// The words.
        text: String,
        /// Whether the entry's date is that of the source reporting the statement (it has no
        /// date of its own): said by then, not necessarily on it.
        reported: bool,
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
    /// Where: the place or country an event was held in (its first `held_in` edge) or a
    /// lifecycle step names, with the country it lies in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<super::Site>,
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
    /// `signed [cancelled]`, `renewed, until 2026-02-05`, `signed, in Washington (United
    /// States)` (a step that names its place; the condition and note are fields
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
                if let Some(site) = &self.place {
                    s.push_str(&format!(", in {site}"));
                }
                s
            }
            TimelineKind::Statement {
                speakers, reported, ..
            } => {
                let who: Vec<&str> = speakers.iter().map(|p| p.name.as_str()).collect();
                let mut s = if who.is_empty() {
                    "statement".to_owned()
                } else {
                    format!("statement by {}", who.join(", "))
                };
                if *reported {
                    s.push_str(" [reporting date]");
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
    /// Dated events and lifecycle changes (and, when asked, statements) overlapping a window,
    /// optionally around one node, of some kinds, or with some parties taking part ordered by
    /// date with precision kept ("2016-01" sorts before "2016-01-01" and is never shown as
    /// the 1st). Undated events and steps known only by an `attested` date are left out: they
    /// have no place on a timeline. A statement with no date of its own is placed at the date
    /// of the source reporting it, marked `reported`. A reversed window (see
    /// [`TimelineQuery::check`]) has no entry.
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
        if query.check().is_err() {
            return Vec::new();
        }
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
        let actors: Vec<HashSet<NodeIndex>> =
            query.with.iter().map(|&p| self.actors_for(p)).collect();
        let involved = |ix: NodeIndex| {
            actors.iter().all(|set| {
                set.contains(&ix)
                    || self.edges_from(ix, None).any(|e| set.contains(&e.to_index))
                    || self.edges_to(ix, None).any(|e| set.contains(&e.from_index))
            })
        };
        let mut out = Vec::new();
        for ix in subjects {
            let Some(node) = self.node_at(ix) else {
                continue;
            };
            if !actors.is_empty() && !involved(ix) {
                continue;
            }
            match &node.details {
                NodeDetails::Statement { text, date, .. } if query.wants_statements() => {
                    let (date, reported) = match date {
                        Some(d) => (*d, false),
                        None => match self.reporting_date(&node.citations) {
                            Some(a) => (a.date, true),
                            None => continue,
                        },
                    };
                    if let Some(w) = within(date, None) {
                        let mut speakers: Vec<NodeRef> = self
                            .edges_to(ix, Some(EdgeKind::Said))
                            .map(|e| e.from.into())
                            .collect();
                        speakers.sort();
                        speakers.dedup();
                        out.push(TimelineEntry {
                            date,
                            end: None,
                            subject: node.into(),
                            what: TimelineKind::Statement {
                                speakers,
                                text: text.text().to_owned(),
                                reported,
                            },
                            within: w,
                            status: Status::default(),
                            condition: None,
                            note: None,
                            place: None,
                            description: String::new(),
                            derived: false,
                            citations: node.citations.clone(),
                        });
                    }
                }
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
                            place: self.held_in(ix).into_iter().next(),
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
                            place: step.place.as_deref().and_then(|p| self.site(p)),
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
        out.retain(|e| query.wants(&e.what));
        out.sort_by(|a, b| (a.date, &a.subject.id).cmp(&(b.date, &b.subject.id)));
        for e in &mut out {
            e.description = e.describe();
        }
        out
    }
}

impl Graph {
    /// The nodes whose part in something counts as `party`'s (see [`TimelineQuery::with`]):
    /// itself, the organizations part of it at any depth, and the people who held an office
    /// in any of those.
    ///
    /// Cost: O(the part_of and holds_office edges into those bodies).
    fn actors_for(&self, party: NodeIndex) -> HashSet<NodeIndex> {
        let mut bodies = vec![party];
        let mut i = 0;
        while let Some(&cur) = bodies.get(i) {
            for e in self.edges_to(cur, Some(EdgeKind::PartOf)) {
                if e.from.kind() == NodeKind::Organization && !bodies.contains(&e.from_index) {
                    bodies.push(e.from_index);
                }
            }
            i += 1;
        }
        let mut out: HashSet<NodeIndex> = bodies.iter().copied().collect();
        for &b in &bodies {
            out.extend(
                self.edges_to(b, Some(EdgeKind::HoldsOffice))
                    .map(|e| e.from_index),
            );
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> PartialDate {
        s.parse().unwrap_or_else(|e| unreachable!("{e}"))
    }

    fn ix(g: &Graph, name: &str) -> NodeIndex {
        g.resolve(name).unwrap_or_else(|e| unreachable!("{e}"))
    }

    fn entries(g: &Graph, q: &TimelineQuery) -> Vec<(String, String, String)> {
        g.timeline(q)
            .into_iter()
            .map(|e| (e.date.to_string(), e.subject.id, e.description))
            .collect()
    }

    fn row(date: &str, id: &str, what: &str) -> (String, String, String) {
        (date.to_owned(), id.to_owned(), what.to_owned())
    }

    #[test]
    fn a_reversed_window_is_an_error_and_has_no_entry() {
        let g = crate::example();
        let q = TimelineQuery {
            from: Some(d("2016-02")),
            to: Some(d("2016-01")),
            ..TimelineQuery::default()
        };
        assert!(matches!(q.check(), Err(Error::ReversedWindow { .. })));
        assert!(g.timeline(&q).is_empty());
        // A month and a day inside it overlap: not reversed.
        let q = TimelineQuery {
            from: Some(d("2016-06")),
            to: Some(d("2016-06-01")),
            ..TimelineQuery::default()
        };
        assert!(q.check().is_ok());
    }

    #[test]
    fn statements_come_only_when_asked_for_at_their_date_or_marked_reporting_date() {
        let g = crate::example();
        let all = TimelineQuery::default();
        assert_eq!(g.timeline(&all).len(), 15);
        let with = TimelineQuery {
            statements: true,
            ..TimelineQuery::default()
        };
        assert_eq!(g.timeline(&with).len(), 15 + 24);
        let q = TimelineQuery {
            kinds: vec![EntryKind::Statement],
            with: vec![ix(&g, "Ashton Carter")],
            ..TimelineQuery::default()
        };
        let by_carter = "statement by Ashton Carter";
        assert_eq!(
            entries(&g, &q),
            [
                row("2016-06-04", "stmt-carter-alliance-linchpin", by_carter),
                row("2016-06-04", "stmt-carter-extended-deterrence", by_carter),
                row("2016-06-04", "stmt-carter-full-range", by_carter),
                row("2016-06-04", "stmt-carter-ironclad", by_carter),
                // About him, by his counterpart's ministry.
                row(
                    "2016-06-04",
                    "stmt-kor-mnd-carter-full-range",
                    "statement by Ministry of National Defense (South Korea)"
                ),
                row(
                    "2016-06-04",
                    "stmt-kor-mnd-extended-deterrence",
                    "statement by Ministry of National Defense (South Korea)"
                ),
                row(
                    "2016-06-04",
                    "stmt-trilateral-common-challenges",
                    "statement by Ashton Carter, Gen Nakatani, Han Min Koo"
                ),
            ]
        );
        // China's, through its university's researcher too; none dated but by the report.
        let q = TimelineQuery {
            kinds: vec![EntryKind::Statement],
            with: vec![ix(&g, "China")],
            ..TimelineQuery::default()
        };
        let found = g.timeline(&q);
        let ids: Vec<&str> = found.iter().map(|e| e.subject.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "stmt-china-should-pressure",
                "stmt-china-talks-revived",
                "stmt-lu-yin-not-the-truth",
                "stmt-lu-yin-un-resolutions"
            ]
        );
        assert!(found
            .iter()
            .all(|e| matches!(e.what, TimelineKind::Statement { reported: true, .. })));
        assert_eq!(found[2].description, "statement by Lu Yin [reporting date]");
    }

    #[test]
    fn kinds_and_parties_choose_the_entries() {
        let g = crate::example();
        let q = TimelineQuery {
            kinds: vec![EntryKind::Lifecycle],
            with: vec![ix(&g, "North Korea")],
            ..TimelineQuery::default()
        };
        assert_eq!(
            entries(&g, &q),
            [
                row("2009", "six-party-talks", "withdrawn (North Korea)"),
                row("2016-03", "un-sanctions-2016-03", "in_force"),
            ]
        );
        // Both take part, through their ministers: the meetings of June 2016 they shared.
        let q = TimelineQuery {
            from: Some(d("2016-06")),
            kinds: vec![EntryKind::EventOf(EventKind::Meeting)],
            with: vec![ix(&g, "KOR"), ix(&g, "JPN")],
            ..TimelineQuery::default()
        };
        assert_eq!(
            entries(&g, &q),
            [
                row("2016-06-04", "nakatani-han-meeting-2016-06-04", "meeting"),
                row("2016-06-04", "trilateral-meeting-2016-06-04", "meeting"),
            ]
        );
    }

    #[test]
    fn entry_kinds_have_one_name_each() {
        let all = EntryKind::all();
        assert_eq!(all.len(), EventKind::ALL.len() + 3);
        for k in &all {
            assert_eq!(k.as_str().parse::<EntryKind>().ok(), Some(*k));
        }
        assert_eq!(
            "Nuclear test".parse::<EntryKind>().ok(),
            Some(EntryKind::EventOf(EventKind::NuclearTest))
        );
        let err = "lifecycles"
            .parse::<EntryKind>()
            .err()
            .map(|e| e.to_string());
        assert!(err.is_some_and(|e| e.contains("timeline entry kind")));
    }
}
