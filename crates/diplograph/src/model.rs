//! The domain model: the kinds of nodes and edges, and what each carries.
//!
//! Every node has a stable, human-readable id, a name, aliases, free attributes and citations;
//! what else it carries depends on its [`NodeKind`]. Edges are typed by [`EdgeKind`], a closed
//! set in which each kind states which node kinds it may join ([`EdgeKind::allows`]); the one
//! escape hatch is [`EdgeKind::Other`], which must name its relation.

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::provenance::Citation;
use crate::time::{Interval, PartialDate};

/// Free-form attributes of a node or edge, kept in key order so that output is stable.
pub type Attributes = BTreeMap<String, serde_json::Value>;

/// Declares a closed vocabulary: an enum whose values have one snake_case name each, used in
/// JSON, on the command line and in Python.
macro_rules! vocabulary {
    (
        $(#[$meta:meta])*
        $name:ident ($words:literal) { $( $(#[$vmeta:meta])* $variant:ident = $text:literal ),+ $(,)? }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[non_exhaustive]
        pub enum $name {
            $( $(#[$vmeta])* #[serde(rename = $text)] $variant, )+
        }

        impl $name {
            /// The vocabulary's name in words, as user-facing messages say it.
            pub const WHAT: &'static str = $words;

            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[ $( $name::$variant ),+ ];

            /// The snake_case name used in files, on the command line and in Python.
            pub fn as_str(self) -> &'static str {
                match self { $( $name::$variant => $text ),+ }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl FromStr for $name {
            type Err = crate::error::UnknownName;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                let wanted = s.trim().to_ascii_lowercase().replace(['-', ' '], "_");
                $name::ALL
                    .iter()
                    .copied()
                    .find(|v| v.as_str() == wanted)
                    .ok_or_else(|| crate::error::UnknownName {
                        what: $words,
                        name: s.to_owned(),
                        expected: $name::ALL.iter().map(|v| v.as_str()).collect(),
                    })
            }
        }
    };
}

vocabulary! {
    /// What a node is.
    NodeKind ("node kind") {
        /// A state, keyed by its ISO 3166-1 alpha-3 code.
        Country = "country",
        /// A person.
        Person = "person",
        /// A ministry, military, news outlet, international organization, company …
        Organization = "organization",
        /// A pact, memorandum, treaty, arrangement, hotline, resolution, talks format …
        Agreement = "agreement",
        /// Something that happened at a date or over a range of dates.
        Event = "event",
        /// Something someone said (quoted or paraphrased).
        Statement = "statement",
        /// A document we know things from: an article, a communiqué, a dataset.
        Source = "source",
        /// A place below or across countries: a city, a base, a venue, a region, a sea.
        Place = "place",
    }
}

impl NodeKind {
    /// The kinds that can be party to an agreement (countries and organizations): what a
    /// name argument that takes a party resolves among ([`crate::Graph::resolve_as`]), so
    /// that a capital names its country even where a place node has the city's name.
    pub const PARTIES: &'static [NodeKind] = PARTIES;

    /// The kinds that act (countries, organizations and people): what a name argument that
    /// takes an actor resolves among, as [`NodeKind::PARTIES`] does for parties.
    pub const ACTORS: &'static [NodeKind] = ACTORS;
}

vocabulary! {
    /// The kind of a place (a `place` node's `place_kind`).
    PlaceKind ("place kind") {
        /// A city or town (a capital too: the city is a place, the state a country).
        City = "city",
        /// A military base, port or airfield.
        MilitaryBase = "military_base",
        /// A building or site where something is held: a hotel, a conference centre.
        Venue = "venue",
        /// A region, province, state of a federation or island group.
        Region = "region",
        /// A sea, strait, gulf or ocean area.
        Sea = "sea",
        /// An island.
        Island = "island",
        /// Anything else.
        Other = "other",
    }
}

vocabulary! {
    /// The kind of an organization.
    OrganizationKind ("organization kind") {
        /// A ministry, department or other government body.
        Ministry = "ministry",
        /// Armed forces or one of their commands.
        Military = "military",
        /// A news agency, newspaper or broadcaster.
        NewsOutlet = "news_outlet",
        /// The UN, NATO, ASEAN …
        InternationalOrganization = "international_organization",
        /// A research institute or think tank.
        ThinkTank = "think_tank",
        /// A university or academy.
        University = "university",
        /// A firm.
        Company = "company",
        /// A head of state's or government's office, a cabinet, a government as a whole.
        Government = "government",
        /// A parliament, congress or one of its chambers or committees.
        Legislature = "legislature",
        /// A political party.
        PoliticalParty = "political_party",
        /// An intelligence or security service.
        IntelligenceAgency = "intelligence_agency",
        /// A court or tribunal, national or international.
        Court = "court",
        /// A non-governmental organization.
        Ngo = "ngo",
        /// Anything else.
        Other = "other",
    }
}

vocabulary! {
    /// The kind of an agreement.
    AgreementKind ("agreement kind") {
        /// A General Security of Military Information Agreement (always bilateral).
        Gsomia = "gsomia",
        /// A memorandum of understanding.
        MemorandumOfUnderstanding = "memorandum_of_understanding",
        /// A treaty (including alliance treaties).
        Treaty = "treaty",
        /// An arrangement or framework (such as an information-sharing arrangement).
        Arrangement = "arrangement",
        /// A communication line: hotline, direct line, emergency phone system.
        CommunicationLine = "communication_line",
        /// A resolution or sanctions regime.
        Resolution = "resolution",
        /// A joint understanding or joint statement.
        JointUnderstanding = "joint_understanding",
        /// A standing negotiation format such as the Six-Party Talks.
        TalksFormat = "talks_format",
        /// Anything else.
        Other = "other",
    }
}

impl AgreementKind {
    /// Whether an agreement of this kind must have exactly two parties.
    pub fn is_bilateral(self) -> bool {
        matches!(self, AgreementKind::Gsomia)
    }
}

vocabulary! {
    /// The kind of an event. [`EventKind::plover`] gives the matching PLOVER event type.
    EventKind ("event kind") {
        /// A meeting between officials.
        Meeting = "meeting",
        /// A summit or conference.
        Summit = "summit",
        /// A military exercise.
        Exercise = "exercise",
        /// A nuclear test.
        NuclearTest = "nuclear_test",
        /// A missile launch or test.
        MissileLaunch = "missile_launch",
        /// A decision to impose or change sanctions.
        SanctionsDecision = "sanctions_decision",
        /// A round of talks.
        TalksRound = "talks_round",
        /// A panel discussion.
        Panel = "panel",
        /// A signing ceremony.
        Signing = "signing",
        /// Anything else.
        Other = "other",
    }
}

impl EventKind {
    /// The PLOVER event type this kind maps to, where one exists.
    pub fn plover(self) -> Option<&'static str> {
        match self {
            EventKind::Meeting | EventKind::Summit | EventKind::TalksRound | EventKind::Panel => {
                Some("CONSULT")
            }
            EventKind::Signing => Some("AGREE"),
            EventKind::Exercise | EventKind::NuclearTest | EventKind::MissileLaunch => {
                Some("MOBILIZE")
            }
            EventKind::SanctionsDecision => Some("SANCTION"),
            EventKind::Other => None,
        }
    }
}

vocabulary! {
    /// A step in an agreement's life. Steps are recorded in the order they happened; the
    /// order rules (each with its own problem code) are in docs/format.md: an agreement may
    /// skip steps but not go back, except that a suspended agreement may come back into force,
    /// a party may ratify after entry into force, and negotiations ended (`abandoned`) may
    /// start again (`proposed`, `negotiating`).
    LifecycleState ("lifecycle state") {
        /// Put forward by someone.
        Proposed = "proposed",
        /// Under negotiation.
        Negotiating = "negotiating",
        /// Agreed in principle (not signed).
        Agreed = "agreed",
        /// The negotiators initialled the agreed text (not yet signed).
        Initialled = "initialled",
        /// Signed.
        Signed = "signed",
        /// Ratified: by the `party` the step names, or by all when it names none.
        Ratified = "ratified",
        /// Applied provisionally, before entry into force.
        ProvisionallyApplied = "provisionally_applied",
        /// In force (optionally `until` the end of its term).
        InForce = "in_force",
        /// Suspended: for all parties, or only the `party` the step names (its participation).
        Suspended = "suspended",
        /// One party withdrew (the step names the party); the others may go on.
        Withdrawn = "withdrawn",
        /// Notice given: of termination, or of the withdrawal of the `party` the step names;
        /// it takes effect on the step's `effective` date. A notice is not a termination.
        NoticeGiven = "notice_given",
        /// The notice before it is suspended, usually on a `condition`; it does not take effect.
        NoticeSuspended = "notice_suspended",
        /// The notice before it is withdrawn; it does not take effect.
        NoticeWithdrawn = "notice_withdrawn",
        /// The agreement's term was renewed or extended (optionally `until` a date).
        Renewed = "renewed",
        /// Ended at the end of its term.
        Expired = "expired",
        /// Ended for all parties.
        Terminated = "terminated",
        /// Negotiations ended with no signature (a signing called off for good).
        Abandoned = "abandoned",
    }
}

impl LifecycleState {
    /// The rank used to check that steps do not go back: negotiation (0–3), signature (4),
    /// ratification and provisional application (5), in force and what happens while in
    /// force (6), the end (7). `abandoned` has its own rules and ranks with negotiation.
    pub fn rank(self) -> u8 {
        match self {
            LifecycleState::Proposed => 0,
            LifecycleState::Negotiating => 1,
            LifecycleState::Agreed | LifecycleState::Abandoned => 2,
            LifecycleState::Initialled => 3,
            LifecycleState::Signed => 4,
            LifecycleState::Ratified | LifecycleState::ProvisionallyApplied => 5,
            LifecycleState::InForce
            | LifecycleState::Suspended
            | LifecycleState::Withdrawn
            | LifecycleState::NoticeGiven
            | LifecycleState::NoticeSuspended
            | LifecycleState::NoticeWithdrawn
            | LifecycleState::Renewed => 6,
            LifecycleState::Expired | LifecycleState::Terminated => 7,
        }
    }

    /// Whether an agreement in this state binds its parties (agreed, initialled, signed,
    /// ratified, provisionally applied or in force).
    pub fn is_binding(self) -> bool {
        matches!(
            self,
            LifecycleState::Agreed
                | LifecycleState::Initialled
                | LifecycleState::Signed
                | LifecycleState::Ratified
                | LifecycleState::ProvisionallyApplied
                | LifecycleState::InForce
        )
    }

    /// Whether the agreement has ended in this state (terminated, expired, abandoned).
    pub fn is_end(self) -> bool {
        matches!(
            self,
            LifecycleState::Terminated | LifecycleState::Expired | LifecycleState::Abandoned
        )
    }

    /// Whether a step of this state may name a `party`, and whether it must.
    /// `(may, must)`: `withdrawn` must; `ratified`, `suspended`, `notice_given`,
    /// `notice_suspended` and `notice_withdrawn` may; the others may not.
    pub fn takes_party(self) -> (bool, bool) {
        match self {
            LifecycleState::Withdrawn => (true, true),
            LifecycleState::Ratified
            | LifecycleState::Suspended
            | LifecycleState::NoticeGiven
            | LifecycleState::NoticeSuspended
            | LifecycleState::NoticeWithdrawn => (true, false),
            _ => (false, false),
        }
    }
}

vocabulary! {
    /// The part a party plays in an agreement (a `party_to` edge's `role`). Members, hubs and
    /// spokes carry flows; observers and guarantors carry none. In an agreement with a hub, a
    /// spoke reaches only the hub and the hub reaches every spoke ([`PartyRole::reaches`]).
    #[derive(Default)]
    PartyRole ("party role") {
        /// A full party: reaches every other member (the default, left out when writing).
        #[default]
        Member = "member",
        /// The party every flow passes through: reaches every spoke.
        Hub = "hub",
        /// A party that reaches only the hub.
        Spoke = "spoke",
        /// Takes part without carrying flows.
        Observer = "observer",
        /// Guarantees the agreement without carrying flows.
        Guarantor = "guarantor",
    }
}

impl PartyRole {
    /// Whether a party in this role carries flows at all (not an observer or guarantor).
    pub fn carries_flows(self) -> bool {
        matches!(self, PartyRole::Member | PartyRole::Hub | PartyRole::Spoke)
    }

    /// Whether a flow goes directly from a party in this role to one in `other` through the
    /// same agreement: member to member, hub to spoke, spoke to hub; nothing else.
    ///
    /// ```
    /// use diplograph::PartyRole as R;
    /// assert!(R::Spoke.reaches(R::Hub) && R::Hub.reaches(R::Spoke));
    /// assert!(!R::Spoke.reaches(R::Spoke) && !R::Member.reaches(R::Observer));
    /// ```
    pub fn reaches(self, other: PartyRole) -> bool {
        matches!(
            (self, other),
            (PartyRole::Member, PartyRole::Member)
                | (PartyRole::Hub, PartyRole::Spoke)
                | (PartyRole::Spoke, PartyRole::Hub)
        )
    }

    /// Whether this is the default role, `member` (for serde's `skip_serializing_if`).
    pub fn is_default(&self) -> bool {
        *self == PartyRole::Member
    }
}

vocabulary! {
    /// Whether an event or lifecycle step happened, or was only planned, or did not happen.
    /// Only `occurred` steps change an agreement's state; timelines leave out `cancelled`,
    /// `postponed` and `did_not_happen` unless asked for every status.
    #[derive(Default)]
    Status ("status") {
        /// It happened (the default, left out when writing).
        #[default]
        Occurred = "occurred",
        /// It was planned, with no fixed date yet or not yet confirmed.
        Planned = "planned",
        /// It was scheduled for its date.
        Scheduled = "scheduled",
        /// It was called off.
        Cancelled = "cancelled",
        /// It was put off from its date (a later step or event records when it happened).
        Postponed = "postponed",
        /// It was due (an expiry, a deadline) but a decision averted it.
        DidNotHappen = "did_not_happen",
    }
}

impl Status {
    /// Whether it happened (`occurred`).
    pub fn occurred(self) -> bool {
        self == Status::Occurred
    }

    /// Whether a timeline shows it without being asked for every status: it happened, or is
    /// still planned or scheduled.
    pub fn shown_by_default(self) -> bool {
        matches!(self, Status::Occurred | Status::Planned | Status::Scheduled)
    }

    /// Whether this is the default status, `occurred` (for serde's `skip_serializing_if`).
    pub fn is_default(&self) -> bool {
        *self == Status::Occurred
    }
}

/// Whether an agreement binds its parties in law, as a source states it ("a legally-binding
/// pact"; "a political commitment, not a treaty").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Binding {
    /// `true`: legally binding; `false`: not (a political commitment).
    pub value: bool,
    /// Where it is stated: at least one citation.
    #[serde(default)]
    pub citations: Vec<Citation>,
}

/// The terms on which an agreement is renewed or extended, in a source's words ("renewed each
/// year unless either party gives 90 days' notice").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Renewal {
    /// The terms, in words.
    pub terms: String,
    /// Where they are stated: at least one citation.
    #[serde(default)]
    pub citations: Vec<Citation>,
}

/// The recorded vote that adopted (or rejected) a resolution.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Vote {
    /// Votes in favour (`for` in files).
    #[serde(rename = "for")]
    pub in_favour: u32,
    /// Votes against.
    pub against: u32,
    /// Abstentions (`abstain` in files).
    #[serde(rename = "abstain")]
    pub abstaining: u32,
    /// The day of the vote, when the source gives it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<PartialDate>,
    /// Where the count is stated: at least one citation.
    #[serde(default)]
    pub citations: Vec<Citation>,
}

/// What an agreement's sources say of its terms: facts that need a citation, so they are
/// fields with citations rather than free attributes.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AgreementTerms {
    /// Whether it binds its parties in law.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub binding: Option<Binding>,
    /// How it is renewed or extended.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub renewal: Option<Renewal>,
    /// For a resolution: the vote.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vote: Option<Vote>,
}

impl AgreementTerms {
    /// Whether no term is stated.
    pub fn is_empty(&self) -> bool {
        self.binding.is_none() && self.renewal.is_none() && self.vote.is_none()
    }

    /// Each stated term's name as written in files (`binding`, `renewal`, `vote`) with its
    /// citations, in that order.
    pub fn cited(&self) -> impl Iterator<Item = (&'static str, &[Citation])> + '_ {
        let binding = self
            .binding
            .as_ref()
            .map(|t| ("binding", t.citations.as_slice()));
        let renewal = self
            .renewal
            .as_ref()
            .map(|t| ("renewal", t.citations.as_slice()));
        let vote = self.vote.as_ref().map(|t| ("vote", t.citations.as_slice()));
        binding.into_iter().chain(renewal).chain(vote)
    }

    /// Each stated term's name with its citations, to change them (span resolution, merges
    /// renaming sources).
    pub fn cited_mut(&mut self) -> impl Iterator<Item = (&'static str, &mut Vec<Citation>)> + '_ {
        let binding = self.binding.as_mut().map(|t| ("binding", &mut t.citations));
        let renewal = self.renewal.as_mut().map(|t| ("renewal", &mut t.citations));
        let vote = self.vote.as_mut().map(|t| ("vote", &mut t.citations));
        binding.into_iter().chain(renewal).chain(vote)
    }
}

/// One dated step in an agreement's life.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LifecycleStep {
    /// The state the agreement entered.
    pub state: LifecycleState,
    /// When it entered it; `None` when the sources do not say.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<PartialDate>,
    /// A date by which a source confirms the state held, when the step's own date is unknown
    /// ("already has a pact", said on 2016-06-04).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attested: Option<PartialDate>,
    /// The party the step concerns: for `withdrawn`, the party that withdrew; for `ratified`,
    /// the party that ratified; for `suspended`, the party whose participation is suspended;
    /// for `notice_given`, the party whose withdrawal the notice announces (none: notice of
    /// termination); for `notice_suspended`/`notice_withdrawn`, that notice's party.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub party: Option<String>,
    /// For `notice_given`: the date the notice takes effect.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effective: Option<PartialDate>,
    /// Where the step took place (a signing in a city): the id of a place or country node.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// For `in_force` and `renewed`: the last day of the term; after it, unless renewed or
    /// ended otherwise, the agreement is expired (a derived state).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<PartialDate>,
    /// A condition in words ("on condition that it can be ended at any time").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub condition: Option<String>,
    /// A note in words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Whether the step happened; only `occurred` steps change the agreement's state.
    #[serde(default, skip_serializing_if = "Status::is_default")]
    pub status: Status,
    /// Where this step is stated.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub citations: Vec<Citation>,
}

impl LifecycleStep {
    /// A step into `state` on `date` (`None` when the sources do not say), that occurred, with
    /// no attested date, party, effective or end date, condition, note or citation; add those
    /// with the `with_` methods.
    ///
    /// ```
    /// use diplograph::{LifecycleState, LifecycleStep, Status};
    /// let step = LifecycleStep::new(LifecycleState::NoticeGiven, Some("2020-05-22".parse()?))
    ///     .with_party("USA")
    ///     .with_effective("2020-11-22".parse()?);
    /// assert_eq!(step.party.as_deref(), Some("USA"));
    /// assert_eq!(step.status, Status::Occurred);
    /// assert!(step.attested.is_none() && step.citations.is_empty());
    /// # Ok::<(), diplograph::time::DateError>(())
    /// ```
    pub fn new(state: LifecycleState, date: Option<PartialDate>) -> Self {
        LifecycleStep {
            state,
            date,
            attested: None,
            party: None,
            effective: None,
            place: None,
            until: None,
            condition: None,
            note: None,
            status: Status::Occurred,
            citations: Vec::new(),
        }
    }

    /// The step with a date by which a source confirms the state held.
    #[must_use]
    pub fn with_attested(mut self, attested: PartialDate) -> Self {
        self.attested = Some(attested);
        self
    }

    /// The step with the id of the party it concerns (see [`LifecycleStep::party`]).
    #[must_use]
    pub fn with_party(mut self, party: impl Into<String>) -> Self {
        self.party = Some(party.into());
        self
    }

    /// The step with the id of the place or country where it took place.
    #[must_use]
    pub fn with_place(mut self, place: impl Into<String>) -> Self {
        self.place = Some(place.into());
        self
    }

    /// The step with the date a notice takes effect (`notice_given` only).
    #[must_use]
    pub fn with_effective(mut self, effective: PartialDate) -> Self {
        self.effective = Some(effective);
        self
    }

    /// The step with the last day of a term (`in_force`, `renewed`).
    #[must_use]
    pub fn with_until(mut self, until: PartialDate) -> Self {
        self.until = Some(until);
        self
    }

    /// The step with a condition in words.
    #[must_use]
    pub fn with_condition(mut self, condition: impl Into<String>) -> Self {
        self.condition = Some(condition.into());
        self
    }

    /// The step with a note in words.
    #[must_use]
    pub fn with_note(mut self, note: impl Into<String>) -> Self {
        self.note = Some(note.into());
        self
    }

    /// The step with a status other than `occurred`.
    #[must_use]
    pub fn with_status(mut self, status: Status) -> Self {
        self.status = status;
        self
    }

    /// The step with one more citation.
    #[must_use]
    pub fn with_citation(mut self, citation: Citation) -> Self {
        self.citations.push(citation);
        self
    }

    /// Whether this step may take one party out of the agreement: a `withdrawn` step, or a
    /// notice of one party's withdrawal (`notice_given` naming a party).
    pub fn concerns_one_party(&self) -> bool {
        self.state == LifecycleState::Withdrawn
            || (self.state == LifecycleState::NoticeGiven && self.party.is_some())
    }

    /// Whether this step changes the state of the agreement as a whole: it occurred, and it is
    /// not a step about one party (`withdrawn`; `ratified` or `suspended` naming a party) or
    /// about a notice or a renewal, which the derivation reads apart.
    pub fn changes_state(&self) -> bool {
        self.status.occurred()
            && match self.state {
                LifecycleState::Withdrawn
                | LifecycleState::NoticeGiven
                | LifecycleState::NoticeSuspended
                | LifecycleState::NoticeWithdrawn
                | LifecycleState::Renewed => false,
                LifecycleState::Ratified | LifecycleState::Suspended => self.party.is_none(),
                _ => true,
            }
    }
}

/// What a statement says: the speaker's own words, or someone's account of them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StatementText {
    /// The words as spoken, verbatim.
    Quote(String),
    /// An account of what was said, not verbatim.
    Paraphrase(String),
}

impl StatementText {
    /// A statement's words from the two fields a file or a frontend gives: exactly one of
    /// `quote` (verbatim) or `paraphrase` must be present.
    ///
    /// # Errors
    /// [`crate::Error::Invalid`] with a `kind-field` problem naming statement `id` when both or
    /// neither are given.
    pub fn from_fields(
        id: &str,
        quote: Option<String>,
        paraphrase: Option<String>,
    ) -> Result<Self, crate::Error> {
        match (quote, paraphrase) {
            (Some(q), None) => Ok(StatementText::Quote(q)),
            (None, Some(p)) => Ok(StatementText::Paraphrase(p)),
            (q, _) => Err(crate::Error::invalid(vec![crate::error::Problem::new(
                crate::error::ProblemCode::KindField,
                format!(
                    "statement `{id}` needs exactly one of `quote` (verbatim words) or `paraphrase`, not {}",
                    if q.is_some() { "both" } else { "neither" }
                ),
                "",
            )
            .with_id(id)])),
        }
    }

    /// The words, whichever form they take.
    pub fn text(&self) -> &str {
        match self {
            StatementText::Quote(t) | StatementText::Paraphrase(t) => t,
        }
    }

    /// Whether the words are verbatim.
    pub fn is_quote(&self) -> bool {
        matches!(self, StatementText::Quote(_))
    }

    /// The form as a name: `quote` or `paraphrase`.
    pub fn form(&self) -> &'static str {
        match self {
            StatementText::Quote(_) => "quote",
            StatementText::Paraphrase(_) => "paraphrase",
        }
    }
}

/// The reporting words of a statement ("said", "told reporters", "was cited by Yonhap as
/// saying"), with where they are printed.
///
/// ```
/// use diplograph::Cue;
/// let cue = Cue::new("told reporters");
/// assert_eq!(cue.words, "told reporters");
/// assert!(cue.citations.is_empty());
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cue {
    /// The words, as printed.
    pub words: String,
    /// Where they are printed (usually a citation of the words themselves, with its span).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub citations: Vec<Citation>,
}

impl Cue {
    /// A cue of these words, with no citation.
    pub fn new(words: impl Into<String>) -> Self {
        Cue {
            words: words.into(),
            citations: Vec::new(),
        }
    }

    /// The cue with one more citation (builder style).
    #[must_use]
    pub fn with_citation(mut self, citation: Citation) -> Self {
        self.citations.push(citation);
        self
    }
}

/// What a node carries beyond the fields every node has, by kind.
#[derive(Debug, Clone, PartialEq)]
pub enum NodeDetails {
    /// A country; its id is its ISO 3166-1 alpha-3 code.
    Country,
    /// A person.
    Person,
    /// An organization of a kind.
    Organization {
        /// Its kind.
        kind: OrganizationKind,
    },
    /// An agreement of a kind, with its dated history.
    Agreement {
        /// Its kind.
        kind: AgreementKind,
        /// Its dated history, in order.
        lifecycle: Vec<LifecycleStep>,
        /// What sources say of its terms (binding, renewal, vote), when they say anything:
        /// boxed, as most agreements have none.
        terms: Option<Box<AgreementTerms>>,
    },
    /// An event of a kind, at a date or over a range, at a place.
    Event {
        /// Its kind.
        kind: EventKind,
        /// When it happened (a single date is an interval with equal ends).
        when: Interval,
        /// Where, in words ("Hawaii"); the country is a `held_in` edge.
        place: Option<String>,
        /// Whether it happened, or was only planned, or was called off.
        status: Status,
    },
    /// A statement.
    Statement {
        /// The words.
        text: StatementText,
        /// When it was said.
        date: Option<PartialDate>,
        /// The reporting words that attribute it ("told reporters"), when recorded.
        cue: Option<Cue>,
    },
    /// A place of a kind; where it lies is a `located_in` edge ([`crate::Graph::country_of`]).
    Place {
        /// Its kind.
        kind: PlaceKind,
    },
    /// A source document.
    Source {
        /// Its publication date.
        date: Option<PartialDate>,
        /// Where it can be found.
        url: Option<String>,
        /// Its full text, when held: citation spans are checked against it.
        text: Option<String>,
    },
}

impl NodeDetails {
    /// The node kind these details belong to.
    pub fn kind(&self) -> NodeKind {
        match self {
            NodeDetails::Country => NodeKind::Country,
            NodeDetails::Person => NodeKind::Person,
            NodeDetails::Organization { .. } => NodeKind::Organization,
            NodeDetails::Agreement { .. } => NodeKind::Agreement,
            NodeDetails::Event { .. } => NodeKind::Event,
            NodeDetails::Statement { .. } => NodeKind::Statement,
            NodeDetails::Source { .. } => NodeKind::Source,
            NodeDetails::Place { .. } => NodeKind::Place,
        }
    }

    /// The subkind, for the kinds that are typed further: an organization's, agreement's or
    /// event's kind (`ministry`, `gsomia`, `meeting`). The one definition every exporter's
    /// `subkind` column, the DOT tooltip and the node profile use (the profile also names a
    /// statement's [`StatementText::form`]).
    pub fn subkind(&self) -> Option<&'static str> {
        match self {
            NodeDetails::Organization { kind } => Some(kind.as_str()),
            NodeDetails::Agreement { kind, .. } => Some(kind.as_str()),
            NodeDetails::Event { kind, .. } => Some(kind.as_str()),
            NodeDetails::Place { kind } => Some(kind.as_str()),
            NodeDetails::Country
            | NodeDetails::Person
            | NodeDetails::Statement { .. }
            | NodeDetails::Source { .. } => None,
        }
    }
}

/// A node: a country, person, organization, agreement, event, statement, source or place.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// Stable, human-readable id (`KOR`, `ashton-carter`). Countries use ISO alpha-3.
    pub id: String,
    /// The name to show.
    pub name: String,
    /// Other names it goes by ("ROK", "the South").
    pub aliases: Vec<String>,
    /// External identifiers by scheme (`"wikidata": "Q884"`), used to unify nodes when merging.
    pub external_ids: BTreeMap<String, String>,
    /// What this kind of node carries.
    pub details: NodeDetails,
    /// For a person or organization the sources do not name ("a senior US official",
    /// "officials of the South Korean Defence Ministry"): the description they give. Such a
    /// node is found by its id only, and merging never unites it with another by name.
    pub unnamed: Option<String>,
    /// Free attributes.
    pub attributes: Attributes,
    /// Where the node's existence and description are stated.
    pub citations: Vec<Citation>,
}

impl Node {
    /// A node with only an id, a name and its kind-specific details.
    pub fn new(id: impl Into<String>, name: impl Into<String>, details: NodeDetails) -> Self {
        Node {
            id: id.into(),
            name: name.into(),
            aliases: Vec::new(),
            external_ids: BTreeMap::new(),
            details,
            unnamed: None,
            attributes: Attributes::new(),
            citations: Vec::new(),
        }
    }

    /// Makes it an unnamed person or organization with the description the sources give
    /// (builder style).
    ///
    /// ```
    /// use diplograph::{Node, NodeDetails};
    /// let official = Node::new("us-official", "a senior US official", NodeDetails::Person)
    ///     .with_unnamed("a senior US official");
    /// assert_eq!(official.unnamed.as_deref(), Some("a senior US official"));
    /// ```
    #[must_use]
    pub fn with_unnamed(mut self, description: impl Into<String>) -> Self {
        self.unnamed = Some(description.into());
        self
    }

    /// Its kind.
    pub fn kind(&self) -> NodeKind {
        self.details.kind()
    }

    /// Adds an alias (builder style), unless it is the name or an alias already held in
    /// another case, accent, hyphenation or spacing ([`crate::identity::same_name`]).
    ///
    /// ```
    /// use diplograph::model::{Node, NodeDetails};
    /// let han = Node::new("han", "Han Min-koo", NodeDetails::Person)
    ///     .with_alias("Minister Han")
    ///     .with_alias("MINISTER HAN")
    ///     .with_alias("Han Min Koo");
    /// assert_eq!(han.aliases, ["Minister Han"]);
    /// ```
    #[must_use]
    pub fn with_alias(mut self, alias: impl Into<String>) -> Self {
        let alias = alias.into();
        let known = std::iter::once(&self.name)
            .chain(&self.aliases)
            .any(|a| crate::identity::same_name(a, &alias));
        if !known {
            self.aliases.push(alias);
        }
        self
    }

    /// Adds a citation (builder style).
    #[must_use]
    pub fn with_citation(mut self, citation: Citation) -> Self {
        self.citations.push(citation);
        self
    }

    /// Sets an attribute (builder style).
    #[must_use]
    pub fn with_attribute(mut self, key: impl Into<String>, value: serde_json::Value) -> Self {
        self.attributes.insert(key.into(), value);
        self
    }

    /// Its lifecycle if it is an agreement.
    pub fn lifecycle(&self) -> Option<&[LifecycleStep]> {
        match &self.details {
            NodeDetails::Agreement { lifecycle, .. } => Some(lifecycle),
            _ => None,
        }
    }

    /// Its terms if it is an agreement whose sources state any.
    pub fn terms(&self) -> Option<&AgreementTerms> {
        match &self.details {
            NodeDetails::Agreement { terms, .. } => terms.as_deref(),
            _ => None,
        }
    }

    /// Its reporting words if it is a statement that records them.
    pub fn cue(&self) -> Option<&Cue> {
        match &self.details {
            NodeDetails::Statement { cue, .. } => cue.as_ref(),
            _ => None,
        }
    }

    /// Every list of citations the node holds: its own, then its cue's (a statement), each
    /// lifecycle step's and each stated term's (an agreement). The one enumeration that span resolution, merges (renaming sources),
    /// neighbourhoods (keeping cited sources) and statistics (counting) share.
    pub fn citation_lists(&self) -> impl Iterator<Item = &[Citation]> + '_ {
        let (steps, terms) = match &self.details {
            NodeDetails::Agreement {
                lifecycle, terms, ..
            } => (lifecycle.as_slice(), terms.as_deref()),
            _ => (&[][..], None),
        };
        std::iter::once(self.citations.as_slice())
            .chain(self.cue().map(|c| c.citations.as_slice()))
            .chain(steps.iter().map(|s| s.citations.as_slice()))
            .chain(terms.into_iter().flat_map(|t| t.cited().map(|(_, c)| c)))
    }

    /// [`Node::citation_lists`], to change them.
    pub fn citation_lists_mut(&mut self) -> Vec<&mut Vec<Citation>> {
        let mut out = vec![&mut self.citations];
        match &mut self.details {
            NodeDetails::Statement { cue: Some(cue), .. } => out.push(&mut cue.citations),
            NodeDetails::Agreement {
                lifecycle, terms, ..
            } => {
                out.extend(lifecycle.iter_mut().map(|s| &mut s.citations));
                if let Some(t) = terms {
                    out.extend(t.cited_mut().map(|(_, c)| c));
                }
            }
            _ => {}
        }
        out
    }

    /// Its agreement kind if it is an agreement.
    pub fn agreement_kind(&self) -> Option<AgreementKind> {
        match &self.details {
            NodeDetails::Agreement { kind, .. } => Some(*kind),
            _ => None,
        }
    }
}

vocabulary! {
    /// What an edge says. Each kind admits certain endpoint kinds ([`EdgeKind::allows`]).
    EdgeKind ("edge kind") {
        /// A country or organization is a party to an agreement.
        PartyTo = "party_to",
        /// A person signed an agreement, on behalf of a party (`on_behalf_of`).
        Signed = "signed",
        /// A person holds an office (`title`) in an organization or country.
        HoldsOffice = "holds_office",
        /// A person, country or organization is a member of an organization or talks format.
        MemberOf = "member_of",
        /// An organization is part of another (or of a country's government); an event is part of another.
        PartOf = "part_of",
        /// An organization is based in a country.
        BasedIn = "based_in",
        /// Someone said a statement.
        Said = "said",
        /// A statement was reported by an outlet or person; `position` orders the chain (1 = nearest the speaker).
        ReportedBy = "reported_by",
        /// A statement is about something.
        About = "about",
        /// A statement reports (gives an account of) another statement.
        Reports = "reports",
        /// A statement supports another.
        Supports = "supports",
        /// A statement disputes another.
        Disputes = "disputes",
        /// Someone attended an event.
        Attended = "attended",
        /// An event was held in a place or a country.
        HeldIn = "held_in",
        /// An event was organised by someone.
        OrganisedBy = "organised_by",
        /// A party withdrew from an agreement (at the edge's start date).
        WithdrewFrom = "withdrew_from",
        /// Someone (or a resolution) sanctions someone.
        Sanctions = "sanctions",
        /// Someone threatens someone.
        Threatens = "threatens",
        /// One country trades with another (`share` of the source's trade, or `amount`).
        TradesWith = "trades_with",
        /// Two countries are allies.
        AlliedWith = "allied_with",
        /// A source was published by an outlet.
        PublishedBy = "published_by",
        /// A statement was made at an event (a meeting, a press conference, a panel).
        MadeAt = "made_at",
        /// A statement was made in a place or a country.
        MadeIn = "made_in",
        /// A statement carries on an attribution given in an earlier one, without restating
        /// who speaks (a quote printed on its own right after an attributed one).
        Continues = "continues",
        /// An agreement was agreed at an event.
        AgreedAt = "agreed_at",
        /// An agreement was signed at an event.
        SignedAt = "signed_at",
        /// A statement, event or agreement responds to an earlier one (a new agreement as a
        /// response to a missile test).
        RespondsTo = "responds_to",
        /// A place lies in another place or in a country (follow it up with
        /// [`crate::Graph::country_of`]).
        LocatedIn = "located_in",
        /// The escape hatch: a relation the core lacks, named in the edge's `relation`.
        Other = "other",
    }
}

use NodeKind as K;

const ACTORS: &[NodeKind] = &[K::Country, K::Organization, K::Person];
const PARTIES: &[NodeKind] = &[K::Country, K::Organization];
const ANY_BUT_SOURCE: &[NodeKind] = &[
    K::Country,
    K::Person,
    K::Organization,
    K::Agreement,
    K::Event,
    K::Statement,
    K::Place,
];
/// Where something can be: a place node or a country.
pub(crate) const WHERE: &[NodeKind] = &[K::Place, K::Country];
const ALL_KINDS: &[NodeKind] = NodeKind::ALL;
/// Where a statement can be made: a place or a country.
const STATEMENT_PLACES: &[NodeKind] = WHERE;
/// What can respond, or be responded to.
const RESPONSES: &[NodeKind] = &[K::Statement, K::Event, K::Agreement];

impl EdgeKind {
    /// The node kinds allowed at the start (`from`) and end (`to`) of this kind of edge.
    pub fn endpoints(self) -> (&'static [NodeKind], &'static [NodeKind]) {
        match self {
            EdgeKind::PartyTo | EdgeKind::WithdrewFrom => (PARTIES, &[K::Agreement]),
            EdgeKind::Signed => (&[K::Person], &[K::Agreement]),
            EdgeKind::HoldsOffice => (&[K::Person], &[K::Organization, K::Country]),
            EdgeKind::MemberOf => (ACTORS, &[K::Organization, K::Agreement]),
            EdgeKind::PartOf => (
                &[K::Organization, K::Event],
                &[K::Organization, K::Country, K::Event],
            ),
            EdgeKind::BasedIn => (&[K::Organization, K::Person], &[K::Country]),
            EdgeKind::Said => (ACTORS, &[K::Statement]),
            EdgeKind::ReportedBy => (&[K::Statement], &[K::Organization, K::Person]),
            EdgeKind::About => (&[K::Statement], ANY_BUT_SOURCE),
            EdgeKind::Reports | EdgeKind::Supports | EdgeKind::Disputes => {
                (&[K::Statement], &[K::Statement])
            }
            EdgeKind::Attended => (ACTORS, &[K::Event]),
            EdgeKind::HeldIn => (&[K::Event], WHERE),
            EdgeKind::LocatedIn => (&[K::Place], WHERE),
            EdgeKind::OrganisedBy => (&[K::Event], ACTORS),
            EdgeKind::Sanctions => (
                &[K::Country, K::Organization, K::Agreement],
                &[K::Country, K::Organization, K::Person],
            ),
            EdgeKind::Threatens => (ACTORS, PARTIES),
            EdgeKind::TradesWith | EdgeKind::AlliedWith => (&[K::Country], &[K::Country]),
            EdgeKind::PublishedBy => (&[K::Source], &[K::Organization, K::Person]),
            EdgeKind::MadeAt => (&[K::Statement], &[K::Event]),
            EdgeKind::MadeIn => (&[K::Statement], STATEMENT_PLACES),
            EdgeKind::Continues => (&[K::Statement], &[K::Statement]),
            EdgeKind::AgreedAt | EdgeKind::SignedAt => (&[K::Agreement], &[K::Event]),
            EdgeKind::RespondsTo => (RESPONSES, RESPONSES),
            EdgeKind::Other => (ALL_KINDS, ALL_KINDS),
        }
    }

    /// Whether an edge of this kind may go from a `from` node to a `to` node.
    pub fn allows(self, from: NodeKind, to: NodeKind) -> bool {
        let (f, t) = self.endpoints();
        f.contains(&from) && t.contains(&to)
    }
}

/// Kind-specific details of an edge. Most edges have none, so they are kept out of line.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Qualifiers {
    /// For `holds_office`: the office ("Secretary of Defense").
    pub title: Option<String>,
    /// For `signed`: the id of the party on whose behalf the person signed.
    pub on_behalf_of: Option<String>,
    /// For `reported_by`: the place in the attribution chain (1 = nearest the speaker).
    pub position: Option<u32>,
    /// For `reported_by`: which of the statement's parallel chains (outlets that did not pass
    /// it to each other) the edge belongs to; `None` is chain 1 (and a 1 read or built is
    /// kept as `None`).
    pub chain: Option<u32>,
    /// For `trades_with`: the share (0–1) of the `from` country's trade that goes to `to`.
    pub share: Option<f64>,
    /// An amount in words ("US$600 billion").
    pub amount: Option<String>,
    /// For `other`: the name of the relation.
    pub relation: Option<String>,
    /// For `party_to`: the party's role, when not `member` (the default is kept as `None`).
    pub role: Option<PartyRole>,
    /// For `party_to` from an organization: the id of the country it acts for (otherwise
    /// derived from `part_of`, see [`crate::Graph::acts_for`]).
    pub acting_for: Option<String>,
    /// For `signed`: the id of the place or country where the person signed.
    pub place: Option<String>,
}

impl Qualifiers {
    fn is_empty(&self) -> bool {
        *self == Qualifiers::default()
    }
}

/// An edge: a typed, optionally dated, cited relation. Its two ends are held by the graph
/// (see [`crate::graph::EdgeView`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Edge {
    /// What it says.
    pub kind: EdgeKind,
    /// When it holds; both ends unknown when the sources do not say.
    pub valid: Interval,
    /// Dates on which a source confirms that it held (as the data states them, sorted, each
    /// once). The dates of the dated sources citing it count too, unless the data says
    /// otherwise: see [`crate::Graph::attestations`].
    pub attested: Vec<PartialDate>,
    /// Kind-specific details, when there are any.
    pub qualifiers: Option<Box<Qualifiers>>,
    /// Free attributes.
    pub attributes: Attributes,
    /// Where it is stated.
    pub citations: Vec<Citation>,
}

impl Edge {
    /// An undated, uncited edge of a kind.
    pub fn new(kind: EdgeKind) -> Self {
        Edge {
            kind,
            valid: Interval::default(),
            attested: Vec::new(),
            qualifiers: None,
            attributes: Attributes::new(),
            citations: Vec::new(),
        }
    }

    /// Sets the validity interval (builder style).
    #[must_use]
    pub fn valid(mut self, start: Option<PartialDate>, end: Option<PartialDate>) -> Self {
        self.valid = Interval::new(start, end);
        self
    }

    /// Adds a date on which a source confirms that it held (builder style); the dates stay
    /// sorted, each once.
    ///
    /// ```
    /// use diplograph::{Edge, EdgeKind};
    /// let e = Edge::new(EdgeKind::HoldsOffice)
    ///     .with_attested("2021-05".parse()?)
    ///     .with_attested("2016-06-04".parse()?)
    ///     .with_attested("2021-05".parse()?);
    /// let dates: Vec<String> = e.attested.iter().map(|d| d.to_string()).collect();
    /// assert_eq!(dates, ["2016-06-04", "2021-05"]);
    /// # Ok::<(), diplograph::time::DateError>(())
    /// ```
    #[must_use]
    pub fn with_attested(mut self, date: PartialDate) -> Self {
        self.attested.push(date);
        normalize_attested(&mut self.attested);
        self
    }

    /// Changes the kind-specific details (builder style). A `chain` of 1 is kept as none:
    /// the two say the same.
    #[must_use]
    pub fn qualified(mut self, f: impl FnOnce(&mut Qualifiers)) -> Self {
        let mut q = self.qualifiers.take().map(|b| *b).unwrap_or_default();
        f(&mut q);
        q.chain = q.chain.filter(|c| *c != 1);
        self.qualifiers = (!q.is_empty()).then(|| Box::new(q));
        self
    }

    /// Sets the office title (builder style).
    #[must_use]
    pub fn with_title(self, title: impl Into<String>) -> Self {
        self.qualified(|q| q.title = Some(title.into()))
    }

    /// Adds a citation (builder style).
    #[must_use]
    pub fn with_citation(mut self, citation: Citation) -> Self {
        self.citations.push(citation);
        self
    }

    /// The office, for `holds_office`.
    pub fn title(&self) -> Option<&str> {
        self.qualifiers.as_ref()?.title.as_deref()
    }

    /// The party signed for, for `signed`.
    pub fn on_behalf_of(&self) -> Option<&str> {
        self.qualifiers.as_ref()?.on_behalf_of.as_deref()
    }

    /// The place in the attribution chain, for `reported_by`.
    pub fn position(&self) -> Option<u32> {
        self.qualifiers.as_ref()?.position
    }

    /// The attribution chain, for `reported_by`: the edge's `chain`, or 1 when it gives none
    /// (a statement known through one chain).
    pub fn chain(&self) -> u32 {
        self.qualifiers.as_ref().and_then(|q| q.chain).unwrap_or(1)
    }

    /// The trade share, for `trades_with`.
    pub fn share(&self) -> Option<f64> {
        self.qualifiers.as_ref()?.share
    }

    /// The amount in words.
    pub fn amount(&self) -> Option<&str> {
        self.qualifiers.as_ref()?.amount.as_deref()
    }

    /// The relation name, for `other`.
    pub fn relation(&self) -> Option<&str> {
        self.qualifiers.as_ref()?.relation.as_deref()
    }

    /// The party's role, for `party_to` (`member` unless stated).
    pub fn role(&self) -> PartyRole {
        self.qualifiers
            .as_ref()
            .and_then(|q| q.role)
            .unwrap_or_default()
    }

    /// The country an organization acts for, as stated on a `party_to` edge.
    pub fn acting_for(&self) -> Option<&str> {
        self.qualifiers.as_ref()?.acting_for.as_deref()
    }

    /// The id of the place or country where it happened, for `signed`.
    pub fn place(&self) -> Option<&str> {
        self.qualifiers.as_ref()?.place.as_deref()
    }
}

/// Sorts attested dates and keeps each once: the one form an edge's `attested` takes.
pub(crate) fn normalize_attested(dates: &mut Vec<PartialDate>) {
    dates.sort();
    dates.dedup();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for k in EdgeKind::ALL {
            assert_eq!(k.as_str().parse::<EdgeKind>().ok(), Some(*k));
        }
        assert_eq!("Party-To".parse::<EdgeKind>().ok(), Some(EdgeKind::PartyTo));
        let err = "friend_of".parse::<EdgeKind>().err().map(|e| e.to_string());
        let expected = format!(
            "unknown edge kind `friend_of`; expected one of: {}",
            EdgeKind::ALL
                .iter()
                .map(|k| k.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        );
        assert_eq!(err, Some(expected));
        assert!(err.is_some_and(|e| e.contains("expected one of: party_to, signed, ")));
    }

    #[test]
    fn unknown_names_say_the_vocabulary_in_words() {
        assert_eq!(
            "club".parse::<OrganizationKind>().err().map(|e| e.to_string()).as_deref(),
            Some(
                "unknown organization kind `club`; expected one of: ministry, military, news_outlet, \
                 international_organization, think_tank, university, company, government, legislature, \
                 political_party, intelligence_agency, court, ngo, other"
            )
        );
        assert_eq!(
            "sleeping".parse::<LifecycleState>().err().map(|e| e.what),
            Some("lifecycle state")
        );
        assert_eq!(NodeKind::WHAT, "node kind");
        assert_eq!(EventKind::WHAT, "event kind");
        assert_eq!(AgreementKind::WHAT, "agreement kind");
    }

    #[test]
    fn endpoint_rules() {
        assert!(EdgeKind::PartyTo.allows(NodeKind::Country, NodeKind::Agreement));
        assert!(!EdgeKind::PartyTo.allows(NodeKind::Person, NodeKind::Agreement));
        assert!(EdgeKind::Reports.allows(NodeKind::Statement, NodeKind::Statement));
        assert!(!EdgeKind::Said.allows(NodeKind::Statement, NodeKind::Person));
    }
}
