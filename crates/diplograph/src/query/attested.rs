//! Facts known only on a date: which dates attest an edge, and how certain an answer is.
//!
//! An edge with no interval is known to hold only on the dates a source confirms it: its own
//! `attested` dates or, unless the data says otherwise, the dates of the dated sources citing
//! it ([`Graph::attestations`], the one derived rule). On an attested day (and, for an edge
//! with a known start or end, between that end and an attested date: an edge is one unbroken
//! span of time) the fact is [`Certainty::Certain`]; on any other date where it may hold it is
//! only [`Certainty::Possible`]. An attested month or year says the fact held on some day of
//! it, so it makes no day certain by itself.

use serde::{Deserialize, Serialize};

use crate::graph::Graph;
use crate::model::{Edge, NodeDetails};
use crate::provenance::Citation;
use crate::time::{Containment, PartialDate};

/// How sure an answer on a date is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Certainty {
    /// The fact certainly held on every day the date may mean: its interval covers it, or a
    /// source attests it then.
    Certain,
    /// The fact may have held: nothing rules the date out, nothing confirms it.
    Possible,
}

impl Certainty {
    /// The lowercase name used in output (`certain`, `possible`).
    pub fn as_str(self) -> &'static str {
        match self {
            Certainty::Certain => "certain",
            Certainty::Possible => "possible",
        }
    }

    /// Whether this is [`Certainty::Certain`].
    pub fn is_certain(self) -> bool {
        self == Certainty::Certain
    }

    /// The weaker of two: an answer resting on several facts is as sure as the least sure.
    #[must_use]
    pub fn and(self, other: Certainty) -> Certainty {
        self.max(other)
    }
}

impl std::fmt::Display for Certainty {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A date on which a source confirms a fact held.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Attestation {
    /// The date.
    pub date: PartialDate,
    /// The id of the dated source whose publication date this is, when the date is derived
    /// from a citation (the reporting date); `None` when the data states the date itself
    /// (an edge's `attested`).
    pub source: Option<String>,
}

impl Attestation {
    /// Whether the date is a source's reporting date rather than one the data states.
    pub fn is_reported(&self) -> bool {
        self.source.is_some()
    }
}

impl Graph {
    /// The dates on which sources confirm that `edge` held, sorted by date.
    ///
    /// The derived rule, once: an edge's own `attested` dates when it states any (the data
    /// says which dates); otherwise the publication date of each dated source among its
    /// citations, except a date wholly outside the edge's own interval (a report of 2021 that
    /// a minister served 2014–2017 does not attest the office in 2021).
    ///
    /// ```
    /// let g = diplograph::example();
    /// let carter = g.resolve("Ashton Carter")?;
    /// let office = g.edges_from(carter, Some(diplograph::EdgeKind::HoldsOffice)).next().unwrap();
    /// let dates: Vec<String> = g.attestations(office.edge).iter().map(|a| a.date.to_string()).collect();
    /// assert_eq!(dates, ["2016-06-04"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// Cost: O(attested dates + citations).
    pub fn attestations(&self, edge: &Edge) -> Vec<Attestation> {
        let mut out: Vec<Attestation> = if edge.attested.is_empty() {
            edge.citations
                .iter()
                .filter_map(|c| {
                    let date = self.source_date(c)?;
                    (edge.valid.contains(&date) != Containment::Outside).then(|| Attestation {
                        date,
                        source: Some(c.source.clone()),
                    })
                })
                .collect()
        } else {
            edge.attested
                .iter()
                .map(|&date| Attestation { date, source: None })
                .collect()
        };
        out.sort();
        out.dedup_by(|a, b| a.date == b.date);
        out
    }

    /// The reporting date of something with no date of its own: the earliest publication date
    /// among the dated sources citing it, with that source's id; `None` when no citing source
    /// is dated.
    ///
    /// Cost: O(citations).
    pub fn reporting_date(&self, citations: &[Citation]) -> Option<Attestation> {
        citations
            .iter()
            .filter_map(|c| {
                Some(Attestation {
                    date: self.source_date(c)?,
                    source: Some(c.source.clone()),
                })
            })
            .min()
    }

    fn source_date(&self, c: &Citation) -> Option<PartialDate> {
        match self.node(&c.source).map(|n| &n.details) {
            Some(NodeDetails::Source { date, .. }) => *date,
            _ => None,
        }
    }
}

/// An answer that says how sure it is (see [`certain_only`]).
pub trait Certified {
    /// How sure the answer is on the date asked about.
    fn certainty(&self) -> Certainty;
}

/// Only the answers that certainly held on the date asked about: the "certain answers only"
/// option of the office, party, membership and agreement questions (chains take
/// [`crate::query::ChainQuery::with_certain`]).
///
/// ```
/// let g = diplograph::example();
/// let on = "2017-01-01".parse()?;
/// let holders = g.office_holders("Secretary of Defense", Some(&on))?;
/// assert_eq!(holders.len(), 1); // Carter may still hold it: the data says nothing of 2017
/// assert!(diplograph::query::certain_only(holders).is_empty());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn certain_only<T: Certified>(answers: Vec<T>) -> Vec<T> {
    answers
        .into_iter()
        .filter(|a| a.certainty().is_certain())
        .collect()
}

macro_rules! certified_by_validity {
    ($($t:ty),+) => {$(
        impl Certified for $t {
            fn certainty(&self) -> Certainty {
                self.validity.certainty
            }
        }
    )+};
}
certified_by_validity!(
    super::Office,
    super::Party,
    super::Membership,
    super::ValidEdge
);

macro_rules! certified_by_field {
    ($($t:ty),+) => {$(
        impl Certified for $t {
            fn certainty(&self) -> Certainty {
                self.certainty
            }
        }
    )+};
}
certified_by_field!(super::AgreementLink, super::Chain, super::Hop);

/// How sure it is that `edge` held on `on`, given its attestations, and the attestation
/// nearest to `on` (with no date: the latest). Call only for an edge that may hold on `on`.
pub(crate) fn certainty(
    edge: &Edge,
    attestations: &[Attestation],
    on: Option<&PartialDate>,
) -> (Certainty, Option<Attestation>) {
    let Some(d) = on else {
        return (Certainty::Certain, attestations.last().cloned());
    };
    let (lo, hi) = (d.first_day(), d.last_day());
    // The spans known to be covered, as (first, last) days. An attested date says the fact
    // held on some day of it: a day covers itself, a coarser date no whole day by itself.
    // Both ends known cover the interval; an edge holds over one unbroken span, so a known
    // start covers up to the first day of a later attested date, a known end from the last
    // day of an earlier one.
    let mut spans = Vec::with_capacity(attestations.len() * 3 + 1);
    if let (Some(s), Some(e)) = (edge.valid.start, edge.valid.end) {
        spans.push((s.last_day(), e.first_day()));
    }
    for a in attestations {
        spans.push((a.date.last_day(), a.date.first_day()));
        if let Some(s) = edge.valid.start {
            spans.push((s.last_day(), a.date.first_day()));
        }
        if let Some(e) = edge.valid.end {
            spans.push((a.date.last_day(), e.first_day()));
        }
    }
    let certain = spans.iter().any(|&(from, to)| from <= lo && hi <= to);
    let nearest = attestations
        .iter()
        .min_by_key(|a| {
            // Days between the two dates' nearest possible days (0 when they may overlap,
            // an open bound included).
            let gap = |from: Option<chrono::NaiveDate>, to: Option<chrono::NaiveDate>| {
                from.zip(to).map_or(0, |(f, t)| (f - t).num_days().max(0))
            };
            let before = gap(d.earliest(), a.date.latest());
            let after = gap(a.date.earliest(), d.latest());
            before.max(after)
        })
        .cloned();
    let certainty = if certain {
        Certainty::Certain
    } else {
        Certainty::Possible
    };
    (certainty, nearest)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::EdgeKind;

    fn d(s: &str) -> PartialDate {
        s.parse().unwrap_or_else(|e| unreachable!("{e}"))
    }

    fn on(edge: &Edge, date: &str) -> (Certainty, Option<String>) {
        let atts: Vec<Attestation> = edge
            .attested
            .iter()
            .map(|&date| Attestation { date, source: None })
            .collect();
        let (c, a) = certainty(edge, &atts, Some(&d(date)));
        (c, a.map(|a| a.date.to_string()))
    }

    #[test]
    fn an_undated_fact_is_certain_only_on_its_attested_dates() {
        let e = Edge::new(EdgeKind::HoldsOffice)
            .with_attested(d("2016-06-04"))
            .with_attested(d("2016-11"));
        let on_day = (Certainty::Certain, Some("2016-06-04".to_owned()));
        assert_eq!(on(&e, "2016-06-04"), on_day);
        // A month says the fact held on some day of it, not on every day.
        assert_eq!(
            on(&e, "2016-11-23"),
            (Certainty::Possible, Some("2016-11".into()))
        );
        assert_eq!(
            on(&e, "2016-06"),
            (Certainty::Possible, Some("2016-06-04".into()))
        );
        assert_eq!(
            on(&e, "2016-08-01"),
            (Certainty::Possible, Some("2016-06-04".into()))
        );
        assert_eq!(
            on(&e, "2024"),
            (Certainty::Possible, Some("2016-11".into()))
        );
    }

    #[test]
    fn a_known_end_and_an_attested_date_cover_the_days_between() {
        let e = Edge::new(EdgeKind::HoldsOffice)
            .valid(Some(d("2014-11-20")), None)
            .with_attested(d("2016-06-04"));
        assert_eq!(on(&e, "2015").0, Certainty::Certain);
        assert_eq!(on(&e, "2016-06-05").0, Certainty::Possible);
        let coarse = Edge::new(EdgeKind::HoldsOffice)
            .valid(Some(d("2014-11-20")), None)
            .with_attested(d("2016-06"));
        assert_eq!(on(&coarse, "2016-06-01").0, Certainty::Certain);
        assert_eq!(on(&coarse, "2016-06-02").0, Certainty::Possible);
        let closed = Edge::new(EdgeKind::HoldsOffice).valid(Some(d("2014")), Some(d("2017-07-13")));
        assert_eq!(on(&closed, "2016").0, Certainty::Certain);
        assert_eq!(on(&closed, "2014-05").0, Certainty::Possible);
    }
}
