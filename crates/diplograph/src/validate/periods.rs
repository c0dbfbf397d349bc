//! Warnings about states outside their period: a former state (an ISO 3166-3 code such as
//! `SUN`) that takes part in something dated after its code was withdrawn. These do not make
//! a graph invalid (the data may be wrong, or the source may name the old state loosely), so
//! they are reported by [`crate::Graph::warnings`], never by loading or validation.

use crate::error::{Problem, ProblemCode};
use crate::graph::{EdgeView, Graph};
use crate::identity::{self, CountryRecord, CountryStatus};
use crate::model::{NodeDetails, NodeKind};
use crate::time::PartialDate;

/// Every former state's part in something dated after its period, in graph order: the edges
/// that touch it (their dates, attested dates, and the date of the event or statement at the
/// other end) and the lifecycle steps that name it as their party.
pub(crate) fn check_periods(graph: &Graph) -> Vec<Problem> {
    let mut out = Vec::new();
    for (ix, node) in graph.nodes() {
        let Some((record, until)) = former(&node.id, &node.details) else {
            continue;
        };
        let edges = graph.edges_from(ix, None).chain(graph.edges_to(ix, None));
        for view in edges {
            if let Some((what, date)) = first_date_after(&view, ix, &until) {
                let label = format!("{} -{}-> {}", view.from.id, view.edge.kind, view.to.id);
                out.push(
                    Problem::new(
                        ProblemCode::CountryOutsidePeriod,
                        message(record, &until, &format!("`{label}`"), what, &date),
                        "",
                    )
                    .with_id(label),
                );
            }
        }
    }
    for agreement in graph.nodes_of_kind(NodeKind::Agreement) {
        let NodeDetails::Agreement { lifecycle, .. } = &agreement.details else {
            continue;
        };
        for (i, step) in lifecycle.iter().enumerate() {
            let Some(party) = step.party.as_deref() else {
                continue;
            };
            let Some(date) = step.date.or(step.attested) else {
                continue;
            };
            let details = graph.node(party).map(|n| &n.details);
            let Some((record, until)) = details.and_then(|d| former(party, d)) else {
                continue;
            };
            if after(&date, &until) {
                let what = format!("the `{}` step of `{}`", step.state, agreement.id);
                out.push(
                    Problem::new(
                        ProblemCode::CountryOutsidePeriod,
                        message(record, &until, &what, "dated", &date),
                        format!("/lifecycle/{i}/party"),
                    )
                    .with_id(&agreement.id),
                );
            }
        }
    }
    out
}

/// The table's record and end date of a country node that is a former state.
fn former(id: &str, details: &NodeDetails) -> Option<(&'static CountryRecord, PartialDate)> {
    if !matches!(details, NodeDetails::Country) {
        return None;
    }
    let record = identity::country(id)?;
    match (record.status, record.until) {
        (CountryStatus::Former, Some(until)) => Some((record, until)),
        _ => None,
    }
}

/// Whether `date` begins after the last day `until` may mean.
fn after(date: &PartialDate, until: &PartialDate) -> bool {
    matches!((date.earliest(), until.latest()), (Some(d), Some(u)) if d > u)
}

/// The first of an edge's dates that begins after `until`, with what it is: the edge's start,
/// end or an attested date, or the date of the event or statement at its other end.
fn first_date_after(
    view: &EdgeView<'_>,
    country: crate::graph::NodeIndex,
    until: &PartialDate,
) -> Option<(&'static str, PartialDate)> {
    let e = view.edge;
    let other = if view.from_index == country {
        view.to
    } else {
        view.from
    };
    let other_date = match &other.details {
        NodeDetails::Event { when, .. } => when.start.map(|d| ("on the date of the event", d)),
        NodeDetails::Statement { date, .. } => date.map(|d| ("on the date of the statement", d)),
        _ => None,
    };
    let dates = e
        .valid
        .start
        .map(|d| ("from", d))
        .into_iter()
        .chain(e.valid.end.map(|d| ("until", d)))
        .chain(e.attested.iter().map(|d| ("attested", *d)))
        .chain(other_date);
    dates.into_iter().find(|(_, d)| after(d, until))
}

fn message(
    record: &CountryRecord,
    until: &PartialDate,
    what: &str,
    how: &str,
    date: &PartialDate,
) -> String {
    format!(
        "{what} names `{}` ({}) {how} {date}, after the end of its period: ISO 3166-3 withdrew \
         the code on {until}. If the source means a successor state, use its code.",
        record.alpha3, record.name
    )
}
