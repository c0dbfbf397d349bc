//! How a fact stands over time: the as-of answers of one agreement or one edge, day by day,
//! folded into stretches of days over which the answer does not change.
//!
//! The pictures (`crate::view`) draw these: a date slider shows, for the day chosen, the
//! stretch that contains it, so the page never derives a state itself.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use serde::Serialize;

use super::asof::{office, state_on, AgreementState};
use super::{validity, Validity};
use crate::graph::{EdgeIndex, Graph, NodeIndex};
use crate::model::{Edge, EdgeKind, LifecycleStep, NodeDetails};
use crate::time::PartialDate;

/// A run of days over which an answer stays the same: from `from` (inclusive; `None`: since
/// ever) up to `until` (exclusive; `None`: from then on).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Stretch<T> {
    /// The first day (a day-precision date), or `None` for every day before `until`.
    pub from: Option<PartialDate>,
    /// The first day after the stretch (a day-precision date), or `None` when it runs on.
    pub until: Option<PartialDate>,
    /// The answer on each of its days.
    pub value: T,
}

/// The days on which an answer about dates `dates` may change: the first and the last day
/// each date may mean, and the day after each (the queries compare a day with a date's first
/// or last day, strictly or not, so the answer is the same between two of these).
fn turning_days<'d>(dates: impl IntoIterator<Item = &'d PartialDate>) -> BTreeSet<NaiveDate> {
    let mut out = BTreeSet::new();
    for d in dates {
        for day in [d.earliest(), d.latest()].into_iter().flatten() {
            out.insert(day);
            out.extend(day.succ_opt());
        }
    }
    out
}

/// Asks `answer` once per stretch between turning days (on the stretch's first day; before
/// the first turning day, on the day before it) and joins neighbouring stretches with equal
/// answers; stretches answered `None` are left out.
fn stretches<T: PartialEq>(
    turning: &BTreeSet<NaiveDate>,
    mut answer: impl FnMut(&PartialDate) -> Option<T>,
) -> Vec<Stretch<T>> {
    let days: Vec<NaiveDate> = turning.iter().copied().collect();
    let mut runs: Vec<(Option<NaiveDate>, Option<NaiveDate>, NaiveDate)> = Vec::new();
    match days.first() {
        // Nothing is dated: one answer holds every day; any day asks it.
        None => runs.push((None, None, NaiveDate::MIN)),
        Some(first) => {
            runs.push((None, Some(*first), first.pred_opt().unwrap_or(*first)));
            for (i, day) in days.iter().enumerate() {
                runs.push((Some(*day), days.get(i + 1).copied(), *day));
            }
        }
    }
    let mut out: Vec<Stretch<Option<T>>> = Vec::new();
    for (from, until, ask) in runs {
        let value = answer(&PartialDate::from_naive(ask));
        let (from, until) = (
            from.map(PartialDate::from_naive),
            until.map(PartialDate::from_naive),
        );
        match out.last_mut() {
            Some(last) if last.value == value => last.until = until,
            _ => out.push(Stretch { from, until, value }),
        }
    }
    out.into_iter()
        .filter_map(|s| {
            Some(Stretch {
                from: s.from,
                until: s.until,
                value: s.value?,
            })
        })
        .collect()
}

/// Every date an agreement's lifecycle names.
fn lifecycle_dates(lifecycle: &[LifecycleStep]) -> impl Iterator<Item = &PartialDate> {
    lifecycle
        .iter()
        .flat_map(|s| [&s.date, &s.attested, &s.effective, &s.until])
        .flatten()
}

/// Every date an edge names: its interval's ends and its attested dates.
fn edge_dates<'e>(graph: &'e Graph, edge: &'e Edge) -> Vec<PartialDate> {
    let mut out: Vec<PartialDate> = [edge.valid.start, edge.valid.end]
        .into_iter()
        .flatten()
        .collect();
    out.extend(graph.attestations(edge).into_iter().map(|a| a.date));
    out
}

impl Graph {
    /// An agreement's state over time: [`Graph::agreement_state`] on every day, as stretches
    /// of days with one answer each. Days before its first step began are left out, as
    /// [`AsOf::agreements`](super::AsOf::agreements) leaves the agreement out then. Empty
    /// when `agreement` is not an agreement.
    ///
    /// ```
    /// let g = diplograph::example();
    /// let gsomia = g.resolve("gsomia-jpn-usa")?;
    /// let states = g.agreement_states_over_time(gsomia);
    /// let last = states.last().unwrap();
    /// assert_eq!(last.value.state.map(|s| s.as_str()), Some("in_force"));
    /// assert_eq!(last.until, None);
    /// # Ok::<(), diplograph::Error>(())
    /// ```
    ///
    /// Cost: O(steps²): one derivation per day a step's dates name.
    pub fn agreement_states_over_time(&self, agreement: NodeIndex) -> Vec<Stretch<AgreementState>> {
        let Some(NodeDetails::Agreement { lifecycle, .. }) =
            self.node_at(agreement).map(|n| &n.details)
        else {
            return Vec::new();
        };
        let turning = turning_days(lifecycle_dates(lifecycle));
        stretches(&turning, |d| {
            let s = state_on(lifecycle, d);
            s.state.is_some().then_some(s)
        })
    }

    /// When an edge holds over time: how it stands on each day (as
    /// [`AsOf::edges`](super::AsOf::edges) answers: inside its interval or partly, certainly
    /// or only possibly), as stretches of days; days it certainly does not hold are left out.
    /// A `party_to` edge holds while its party takes part ([`Graph::parties`]: not after a
    /// withdrawal), a `holds_office` edge as [`AsOf::offices`](super::AsOf::offices) answers
    /// it (an undated holder is only possible while someone holds the office by dates).
    /// Empty for an index the graph does not hold.
    ///
    /// ```
    /// use diplograph::query::Certainty;
    /// let g = diplograph::example();
    /// let e = g.edges().find(|e| e.from.id == "han-min-koo" && e.to.id == "kor-mnd").unwrap();
    /// let over_time = g.edge_over_time(e.index);
    /// // Attested by the report of 2016-06-04: certain that day, possible on every other.
    /// let certain: Vec<_> = over_time.iter().filter(|s| s.value.certainty == Certainty::Certain).collect();
    /// assert_eq!(certain.len(), 1);
    /// assert_eq!(certain[0].from.map(|d| d.to_string()).as_deref(), Some("2016-06-04"));
    /// # Ok::<(), diplograph::Error>(())
    /// ```
    ///
    /// Cost: O(dates the edge names) answers, each as costly as the as-of answer for the edge
    /// (for `party_to`: its agreement's lifecycle and parties; for `holds_office`: the
    /// office's other holders).
    pub fn edge_over_time(&self, edge: EdgeIndex) -> Vec<Stretch<Validity>> {
        let Some(e) = self.edge_at(edge) else {
            return Vec::new();
        };
        let mut dates = edge_dates(self, e.edge);
        match e.edge.kind {
            EdgeKind::PartyTo => {
                let lifecycle = e.to.lifecycle().unwrap_or_default();
                dates.extend(lifecycle_dates(lifecycle).copied());
                for w in self.edges_to(e.to_index, Some(EdgeKind::WithdrewFrom)) {
                    dates.extend(w.edge.valid.start);
                }
                stretches(&turning_days(&dates), |d| {
                    self.participants(e.to_index, Some(d))
                        .into_iter()
                        .find(|p| p.body == e.from_index)
                        .map(|p| p.row.validity)
                })
            }
            EdgeKind::HoldsOffice => {
                for other in self.edges_to(e.to_index, Some(EdgeKind::HoldsOffice)) {
                    dates.extend(edge_dates(self, other.edge));
                }
                stretches(&turning_days(&dates), |d| {
                    office(self, e.from, e.to, e.edge, Some(d)).map(|o| o.validity)
                })
            }
            _ => stretches(&turning_days(&dates), |d| validity(self, e.edge, Some(d))),
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::query::Certainty;
    use crate::{EdgeIndex, LifecycleState};

    /// Every stretch answers as the as-of query does on its first and last day.
    #[test]
    fn stretches_answer_as_the_as_of_query_does() {
        let g = crate::example();
        for (ix, n) in g.nodes() {
            if n.lifecycle().is_none() {
                continue;
            }
            for s in g.agreement_states_over_time(ix) {
                let before_end = s.until.and_then(|u| u.earliest()?.pred_opt());
                let first = s.from.and_then(|f| f.earliest());
                for day in [first, before_end].into_iter().flatten() {
                    let d = crate::PartialDate::from_naive(day);
                    let listed = g.as_of(d).agreements();
                    let link = listed.iter().find(|a| a.agreement.id == n.id).unwrap();
                    assert_eq!(link.state, s.value, "{} on {day}", n.id);
                }
            }
        }
    }

    /// Every edge's stretches answer as the as-of edge, office and party answers do on each
    /// stretch's first and last day, and the day before a stretch that is not preceded by
    /// another has no answer at all.
    #[test]
    fn edge_stretches_answer_as_the_as_of_query_does() {
        let g = crate::example();
        for e in g.edges() {
            let over_time = g.edge_over_time(e.index);
            for (i, s) in over_time.iter().enumerate() {
                let first = s.from.and_then(|f| f.earliest());
                let last = s.until.and_then(|u| u.earliest()?.pred_opt());
                for day in [first, last].into_iter().flatten() {
                    let d = crate::PartialDate::from_naive(day);
                    let expected = match e.edge.kind {
                        crate::EdgeKind::PartyTo => g
                            .participants(e.to_index, Some(&d))
                            .into_iter()
                            .find(|p| p.body == e.from_index)
                            .map(|p| p.row.validity),
                        crate::EdgeKind::HoldsOffice => g
                            .as_of(d)
                            .offices()
                            .into_iter()
                            .find(|o| o.person.id == e.from.id && o.organization.id == e.to.id)
                            .map(|o| o.validity),
                        _ => crate::query::validity(&g, e.edge, Some(&d)),
                    };
                    assert_eq!(expected.as_ref(), Some(&s.value), "{:?} on {day}", e.edge);
                }
                let joined = i > 0 && over_time[i - 1].until == s.from;
                if let (Some(day), false) = (first.and_then(|f| f.pred_opt()), joined) {
                    let d = crate::PartialDate::from_naive(day);
                    if e.edge.kind != crate::EdgeKind::PartyTo {
                        assert_eq!(crate::query::holds(e.edge, Some(&d)), None, "{day}");
                    }
                }
            }
        }
    }

    #[test]
    fn an_agreement_is_absent_before_its_first_step_and_in_force_after() {
        let g = crate::example();
        let ix = g.resolve("gsomia-jpn-usa").unwrap();
        let states = g.agreement_states_over_time(ix);
        let names: Vec<(String, Option<LifecycleState>, Certainty)> = states
            .iter()
            .map(|s| {
                (
                    s.from.map(|d| d.to_string()).unwrap_or_default(),
                    s.value.state,
                    s.value.certainty,
                )
            })
            .collect();
        assert!(!names.is_empty());
        assert_eq!(
            names.last().map(|n| n.1),
            Some(Some(LifecycleState::InForce))
        );
    }

    #[test]
    fn an_edge_of_no_graph_has_no_stretch() {
        let g = crate::example();
        assert!(g.edge_over_time(EdgeIndex::new(100_000)).is_empty());
    }
}
