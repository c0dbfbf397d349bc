//! Questions the graph answers: what held on a date, what binds two parties, how one party
//! reaches another through agreements, who held an office, who said what through whom, what
//! happened when, and what surrounds a node.
//!
//! Every answer is a plain data type that implements `serde::Serialize`, so the CLI prints it
//! as a table or as JSON and Python turns it into objects, without either repeating logic.
//!
//! ## "As of" and unknown bounds
//! "As of D" means the state of the world on D as the graph records it. A fact whose start or
//! end is unknown is treated as holding on that side (an open bound), and the answer says so
//! with `rests_on_unknown: true`. A date of month or year precision may be only partly inside
//! an interval; answers then say [`Containment::Partly`] instead of guessing a day.
//!
//! ## Certain and possible
//! A fact with no interval is known to hold only on the dates sources attest it
//! ([`Graph::attestations`]): on those it is [`Certainty::Certain`], on any other date only
//! [`Certainty::Possible`]. Every answer built on edges says which, with the attested date
//! nearest the date asked about, and the office, party, membership and chain questions can be
//! asked for certain answers only.

mod acting;
mod asof;
mod attested;
mod chains;
pub(crate) mod history;
mod neighbourhood;
mod offices;
mod over_time;
mod places;
mod profile;
mod statements;
mod timeline;

pub(crate) use acting::{build_index as build_acting_index, ActingIndex};
pub use asof::{
    AgreementLink, AgreementState, AsOf, Membership, Office, Party, Signatory, ValidEdge,
};
pub use attested::{certain_only, Attestation, Certainty, Certified};
pub(crate) use chains::ChainIndex;
pub use chains::{Chain, ChainQuery, Family, Hop, Link, MAX_CHAIN_ALTERNATIVES};
pub use history::{Notice, NoticeOf, NoticeOutcome, PartyStep};
pub use neighbourhood::NeighbourhoodQuery;
pub use offices::{title_matches, OfficeQuery};
pub use over_time::Stretch;
pub use places::Site;
pub use profile::{Direction, GraphStats, NodeProfile, Relation, SourceUse};
pub use statements::{
    Attribution, AttributionChain, AttributionRole, AttributionStep, StatementInfo, StatementQuery,
};
pub use timeline::{EntryKind, TimelineEntry, TimelineKind, TimelineQuery};

use serde::{Deserialize, Serialize};

use crate::graph::Graph;
use crate::model::{Edge, Node, NodeKind};
use crate::time::{Containment, PartialDate};

/// A reference to a node in an answer: its id, kind and name.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[non_exhaustive]
pub struct NodeRef {
    /// The node's id.
    pub id: String,
    /// The node's kind.
    pub kind: NodeKind,
    /// The node's name.
    pub name: String,
    /// For a person or organization the sources do not name: their description of it ("a
    /// senior US official"). Left out of JSON for a named node.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unnamed: Option<String>,
}

impl From<&Node> for NodeRef {
    fn from(n: &Node) -> Self {
        NodeRef {
            id: n.id.clone(),
            kind: n.kind(),
            name: n.name.clone(),
            unnamed: n.unnamed.clone(),
        }
    }
}

impl std::fmt::Display for NodeRef {
    /// `name (id)`; an unnamed node says so, with its description when that is not its name:
    /// `a senior US official (us-official-1, unnamed)`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.unnamed {
            None => write!(f, "{} ({})", self.name, self.id),
            Some(d) if *d == self.name => write!(f, "{} ({}, unnamed)", self.name, self.id),
            Some(d) => write!(f, "{} ({}, unnamed: \"{d}\")", self.name, self.id),
        }
    }
}

/// How an edge's validity stands on a date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Validity {
    /// Whether the date lies inside the edge's interval, partly, or (never here) outside.
    pub containment: Containment,
    /// Whether the answer treats an unknown start or end as open.
    pub rests_on_unknown: bool,
    /// Whether the edge certainly held on the date (its interval covers it, or a source
    /// attests it then) or only possibly. With no date asked about: `certain` (it held at
    /// some time).
    pub certainty: Certainty,
    /// The attested date nearest the date asked about (with no date: the latest), if any.
    pub attested: Option<Attestation>,
}

/// Whether an edge may hold on `on` (its interval does not rule the date out), and how its
/// interval stands then; builds nothing. With no date, every edge holds.
pub(crate) fn holds(edge: &Edge, on: Option<&PartialDate>) -> Option<(Containment, bool)> {
    let Some(d) = on else {
        return Some((Containment::Inside, false));
    };
    let containment = edge.valid.contains(d);
    if containment == Containment::Outside {
        return None;
    }
    Some((
        containment,
        edge.valid.start.is_none() || edge.valid.end.is_none(),
    ))
}

/// How an edge stands on `on`; `None` when it certainly does not hold then. With no date,
/// every edge holds (resting on nothing, certainly).
pub(crate) fn validity(graph: &Graph, edge: &Edge, on: Option<&PartialDate>) -> Option<Validity> {
    let (containment, rests_on_unknown) = holds(edge, on)?;
    let (certainty, attested) = attested::certainty(edge, &graph.attestations(edge), on);
    Some(Validity {
        containment,
        rests_on_unknown,
        certainty,
        attested,
    })
}
