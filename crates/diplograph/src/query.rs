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

mod asof;
mod chains;
pub(crate) mod history;
mod neighbourhood;
mod profile;
mod statements;
mod timeline;

pub use asof::{
    AgreementLink, AgreementState, AsOf, Membership, Office, Party, Signatory, ValidEdge,
};
pub(crate) use chains::ChainIndex;
pub use chains::{Chain, ChainQuery, Family, Hop, Link, MAX_CHAIN_ALTERNATIVES};
pub use history::{Notice, NoticeOf, NoticeOutcome, PartyStep};
pub use neighbourhood::NeighbourhoodQuery;
pub use profile::{Direction, GraphStats, NodeProfile, Relation, SourceUse};
pub use statements::{
    Attribution, AttributionRole, AttributionStep, StatementInfo, StatementQuery,
};
pub use timeline::{TimelineEntry, TimelineKind, TimelineQuery};

use serde::Serialize;

use crate::model::{Edge, Node, NodeKind};
use crate::time::{Containment, PartialDate};

/// A reference to a node in an answer: its id, kind and name.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[non_exhaustive]
pub struct NodeRef {
    /// The node's id.
    pub id: String,
    /// The node's kind.
    pub kind: NodeKind,
    /// The node's name.
    pub name: String,
}

impl From<&Node> for NodeRef {
    fn from(n: &Node) -> Self {
        NodeRef {
            id: n.id.clone(),
            kind: n.kind(),
            name: n.name.clone(),
        }
    }
}

impl std::fmt::Display for NodeRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} ({})", self.name, self.id)
    }
}

/// How an edge's validity stands on a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Validity {
    /// Whether the date lies inside the edge's interval, partly, or (never here) outside.
    pub containment: Containment,
    /// Whether the answer treats an unknown start or end as open.
    pub rests_on_unknown: bool,
}

/// How an edge stands on `on`; `None` when it certainly does not hold then. With no date,
/// every edge holds (resting on nothing).
pub(crate) fn validity(edge: &Edge, on: Option<&PartialDate>) -> Option<Validity> {
    let Some(d) = on else {
        return Some(Validity {
            containment: Containment::Inside,
            rests_on_unknown: false,
        });
    };
    let containment = edge.valid.contains(d);
    if containment == Containment::Outside {
        return None;
    }
    Some(Validity {
        containment,
        rests_on_unknown: edge.valid.start.is_none() || edge.valid.end.is_none(),
    })
}
