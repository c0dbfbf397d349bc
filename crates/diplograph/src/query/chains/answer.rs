//! The chain search's public answer types: what to ask ([`ChainQuery`], [`Family`]) and what
//! comes back ([`Chain`], [`Hop`], [`Link`]), apart from the search itself.

use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::error::UnknownName;
use crate::model::{AgreementKind, EdgeKind, PartyRole};
use crate::provenance::Citation;
use crate::query::asof::AgreementState;
use crate::query::attested::{Attestation, Certainty};
use crate::query::NodeRef;
use crate::time::{Containment, PartialDate};

/// Which agreements a chain may pass through.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Family {
    /// Intelligence sharing: GSOMIAs and arrangements (such as information-sharing frameworks).
    Intelligence,
    /// Defence: treaties, memoranda of understanding, GSOMIAs, and alliances (`allied_with`).
    Defence,
    /// Communication lines: hotlines, direct lines, emergency systems.
    Communication,
    /// Any agreement, and alliances.
    Any,
    /// Exactly these agreement kinds.
    Kinds(Vec<AgreementKind>),
}

impl Family {
    /// The families that have a name, each with the other spellings it is known by: with the
    /// agreement kinds ([`AgreementKind::ALL`]), every name `--via` and Python's `via=` take.
    pub const NAMED: &'static [(&'static str, &'static [&'static str])] = &[
        ("intelligence", &["intel"]),
        ("defence", &["defense"]),
        ("communication", &["communications", "hotline"]),
        ("any", &["all"]),
    ];

    /// Whether agreements of `kind` may carry a chain.
    pub fn admits(&self, kind: AgreementKind) -> bool {
        use AgreementKind as A;
        match self {
            Family::Intelligence => matches!(kind, A::Gsomia | A::Arrangement),
            Family::Defence => matches!(kind, A::Treaty | A::MemorandumOfUnderstanding | A::Gsomia),
            Family::Communication => kind == A::CommunicationLine,
            Family::Any => true,
            Family::Kinds(kinds) => kinds.contains(&kind),
        }
    }

    /// Whether `allied_with` edges count as hops.
    pub fn admits_alliances(&self) -> bool {
        matches!(self, Family::Defence | Family::Any)
    }

    /// The family's name as users write it.
    pub fn name(&self) -> String {
        match self {
            Family::Intelligence => "intelligence".into(),
            Family::Defence => "defence".into(),
            Family::Communication => "communication".into(),
            Family::Any => "any".into(),
            Family::Kinds(k) => k.iter().map(|k| k.as_str()).collect::<Vec<_>>().join(","),
        }
    }
}

impl FromStr for Family {
    type Err = UnknownName;

    /// `intelligence`, `defence` (or `defense`), `communication`, `any`, or a comma-separated
    /// list of agreement kinds (`gsomia,treaty`).
    fn from_str(s: &str) -> Result<Self, UnknownName> {
        let wanted = s.trim().to_ascii_lowercase();
        let named = Family::NAMED
            .iter()
            .find(|(name, others)| *name == wanted || others.contains(&wanted.as_str()))
            .map(|(name, _)| *name);
        match named.unwrap_or(wanted.as_str()) {
            "intelligence" => Ok(Family::Intelligence),
            "defence" => Ok(Family::Defence),
            "communication" => Ok(Family::Communication),
            "any" => Ok(Family::Any),
            other => other
                .split(',')
                .map(|k| k.parse::<AgreementKind>())
                .collect::<Result<Vec<_>, _>>()
                .map(Family::Kinds)
                .map_err(|mut e| {
                    e.what = "relation family or agreement kind";
                    e.expected
                        .splice(0..0, Family::NAMED.iter().map(|(name, _)| *name));
                    e
                }),
        }
    }
}

/// The most chains [`Graph::chains`](crate::Graph::chains) returns, whatever
/// [`ChainQuery::k`] asks for: a larger `k` is read as this many. It bounds the search's cost
/// (see [`Graph::chains`](crate::Graph::chains)).
pub const MAX_CHAIN_ALTERNATIVES: usize = 100;

/// What to look for: the family of agreements, the date, how many alternatives.
///
/// Built with [`ChainQuery::new`] and the `with_` methods (the struct is `#[non_exhaustive]`
/// so that a new option is not a breaking change):
///
/// ```
/// use diplograph::{ChainQuery, Family};
/// let q = ChainQuery::new(Family::Intelligence).with_on("2016-06-04".parse()?).with_k(3);
/// assert_eq!((q.k, q.max_hops), (3, 6));
/// # Ok::<(), diplograph::time::DateError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ChainQuery {
    /// Which agreements may carry the chain.
    pub family: Family,
    /// The date; `None` means "by each agreement's last recorded state".
    pub on: Option<PartialDate>,
    /// How many chains to return at most, shortest first; at most
    /// [`MAX_CHAIN_ALTERNATIVES`] are returned whatever it says.
    pub k: usize,
    /// The longest chain considered, in hops.
    pub max_hops: usize,
    /// Only hops that certainly held on the date ([`Certainty::Certain`]) carry a chain.
    pub certain: bool,
}

impl Default for ChainQuery {
    fn default() -> Self {
        ChainQuery::new(Family::Any)
    }
}

impl ChainQuery {
    /// Chains through agreements of `family`, by each agreement's last recorded state, the
    /// shortest one only, of at most 6 hops.
    pub fn new(family: Family) -> Self {
        ChainQuery {
            family,
            on: None,
            k: 1,
            max_hops: 6,
            certain: false,
        }
    }

    /// Chains whose every hop certainly held on the date (`true`), or also hops that only
    /// possibly did (`false`, the default).
    ///
    /// ```
    /// use diplograph::{ChainQuery, Family};
    /// let g = diplograph::example();
    /// let (kor, jpn) = (g.resolve("South Korea")?, g.resolve("Japan")?);
    /// let on_the_day = ChainQuery::new(Family::Intelligence).with_on("2016-06-04".parse()?);
    /// assert_eq!(g.chains(kor, jpn, &on_the_day.clone().with_certain(true)).len(), 1);
    /// let later = ChainQuery::new(Family::Intelligence).with_on("2017-06-04".parse()?);
    /// assert_eq!(g.chains(kor, jpn, &later.clone()).len(), 1);
    /// assert!(g.chains(kor, jpn, &later.with_certain(true)).is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_certain(mut self, certain: bool) -> Self {
        self.certain = certain;
        self
    }

    /// Chains that hold on `date`.
    #[must_use]
    pub fn with_on(mut self, date: PartialDate) -> Self {
        self.on = Some(date);
        self
    }

    /// Chains that hold on `date`, or by each agreement's last recorded state when `None`.
    #[must_use]
    pub fn with_on_opt(mut self, date: Option<PartialDate>) -> Self {
        self.on = date;
        self
    }

    /// At most `k` chains, shortest first.
    #[must_use]
    pub fn with_k(mut self, k: usize) -> Self {
        self.k = k;
        self
    }

    /// Chains of at most `max_hops` hops.
    #[must_use]
    pub fn with_max_hops(mut self, max_hops: usize) -> Self {
        self.max_hops = max_hops;
        self
    }
}

/// What carries one hop.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Link {
    /// An agreement both ends are party to.
    Agreement {
        /// The agreement.
        agreement: NodeRef,
        /// Its kind.
        kind: AgreementKind,
        /// Its state on the date.
        state: Box<AgreementState>,
    },
    /// A direct relation (an alliance).
    Relation {
        /// The edge kind.
        kind: EdgeKind,
    },
}

/// One hop of a chain.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Hop {
    /// Where the hop starts.
    pub from: NodeRef,
    /// Where it ends.
    pub to: NodeRef,
    /// The node that is actually party at the start (a ministry acting for its country), when
    /// it differs from `from`.
    pub from_party: Option<NodeRef>,
    /// Likewise at the end.
    pub to_party: Option<NodeRef>,
    /// For a hop through an agreement: the role in it of the party at the start (`hub`,
    /// `spoke`, `member` …); `None` for an alliance.
    pub from_role: Option<PartyRole>,
    /// Likewise at the end.
    pub to_role: Option<PartyRole>,
    /// What carries it.
    pub link: Link,
    /// Whether the date is certainly inside the link's validity, or only partly.
    pub containment: Containment,
    /// Whether the hop rests on an unknown bound (an undated step or an open-ended edge).
    pub rests_on_unknown: bool,
    /// Whether the hop certainly held on the date: the weaker of the agreement state's
    /// certainty and both ends' participation (or the alliance edge's).
    pub certainty: Certainty,
    /// The attested date nearest the date asked about: the agreement state's `attested` for
    /// an agreement, the alliance edge's for an alliance.
    pub attested: Option<Attestation>,
    /// Citations: the agreement, its state, and both ends' participation.
    pub citations: Vec<Citation>,
}

/// A chain of hops from one party to another.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Chain {
    /// The hops, in order.
    pub hops: Vec<Hop>,
    /// Whether any hop rests on an unknown bound.
    pub rests_on_unknown: bool,
    /// `partly` when any hop is only partly known to hold on the date.
    pub containment: Containment,
    /// `possible` when any hop only possibly held on the date.
    pub certainty: Certainty,
}

impl Chain {
    /// The ids of the nodes passed through, ends included.
    pub fn stops(&self) -> Vec<&str> {
        let mut v: Vec<&str> = self
            .hops
            .first()
            .map(|h| h.from.id.as_str())
            .into_iter()
            .collect();
        v.extend(self.hops.iter().map(|h| h.to.id.as_str()));
        v
    }

    /// The ids of the agreements (or relation kinds) carrying each hop.
    pub fn links(&self) -> Vec<&str> {
        self.hops
            .iter()
            .map(|h| match &h.link {
                Link::Agreement { agreement, .. } => agreement.id.as_str(),
                Link::Relation { kind } => kind.as_str(),
            })
            .collect()
    }
}
