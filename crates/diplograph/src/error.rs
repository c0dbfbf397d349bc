//! Errors and validation problems.
//!
//! Loading or building never panics on bad input: it returns [`Error`]. Validation collects
//! every [`Problem`] at once; each has a stable [`ProblemCode`], a message a user can act on,
//! the id it concerns, and where it is in the file.

use std::fmt;
use std::path::PathBuf;

/// What went wrong, as a stable code. The string form (`duplicate-id`) never changes meaning.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum ProblemCode {
    /// The text is not well-formed JSON (or is truncated, or not UTF-8).
    JsonSyntax,
    /// A value has the wrong type or shape (a number where a string belongs, an unknown field …).
    InvalidValue,
    /// The document's `diplograph` version is missing or not one this library reads.
    UnknownVersion,
    /// Two nodes share an id.
    DuplicateId,
    /// An edge, citation or lifecycle step names an id no node has.
    DanglingReference,
    /// An edge joins node kinds its kind does not allow.
    EdgeEndpointKind,
    /// A field that this kind of node or edge requires is missing, or one it does not take is present.
    KindField,
    /// A date is not a real date at a known precision (`2016-13`, `2016-02-30`).
    InvalidDate,
    /// An interval ends before it starts.
    IntervalReversed,
    /// An edge's `attested` date lies wholly outside the edge's own interval (`start`/`end`).
    AttestedOutsideInterval,
    /// An agreement's lifecycle goes back (signed after in force) or its dates run backwards.
    LifecycleOrder,
    /// A `ratified` step comes before the agreement's `signed` step.
    RatifiedBeforeSigned,
    /// A `notice_given` step when the agreement is not in force (no `in_force`,
    /// `provisionally_applied` or `renewed` step before it, or after it ended).
    NoticeNotInForce,
    /// A `notice_suspended` or `notice_withdrawn` step with no notice before it to act on.
    NoticeMissing,
    /// A notice's `effective` date comes before the notice was given.
    NoticeEffectiveBeforeGiven,
    /// An `abandoned` step after the agreement was signed (a signed agreement ends by
    /// `terminated` or `expired`).
    AbandonedAfterSigned,
    /// A step after the agreement ended (`terminated`, `expired`, `abandoned`), other than
    /// negotiations starting again after `abandoned`.
    StepAfterEnd,
    /// A bilateral agreement kind (GSOMIA) with other than two parties.
    BilateralPartyCount,
    /// An agreement with a `spoke` party and no `hub`.
    SpokeWithoutHub,
    /// An agreement with more than one `hub` party.
    HubCount,
    /// An agreement with a `hub` and a `member` party (beside a hub, a party that carries
    /// flows is a `spoke`).
    MemberWithHub,
    /// One party's `party_to` edges to one agreement state different roles.
    PartyRoleConflict,
    /// A `party_to` edge's `acting_for` names a node that is not a country.
    ActingForNotCountry,
    /// A `party_to` edge's `acting_for` names a country other than the one its organization
    /// is `part_of`.
    ActingForConflict,
    /// A `place` (of a `signed` edge or a lifecycle step) names a node that is neither a place
    /// nor a country.
    PlaceNotAPlace,
    /// `located_in` edges that go round in a circle (a place inside itself).
    LocatedInCycle,
    /// Two `reported_by` edges of one statement at the same `position` of the same `chain`.
    DuplicateChainPosition,
    /// A citation names a source that is not in the graph (or a node that is not a source).
    MissingSource,
    /// A citation's span lies outside its source's text or splits a character.
    SpanOutOfRange,
    /// A citation's written-out text differs from what its span covers in the source.
    SpanTextMismatch,
    /// A citation given by its words (`text`) without a `span` whose words are not in its
    /// source's text, or whose `occurrence` is past the last match.
    CitationTextNotFound,
    /// A citation given by its words without a `span` whose words occur more than once in its
    /// source's text, with no `occurrence` to pick one.
    CitationTextAmbiguous,
    /// One alias (or name) is claimed by two nodes.
    AliasConflict,
    /// One external identifier (`wikidata: Q884`) is claimed by two nodes.
    ExternalIdConflict,
    /// A country id that is not in the built-in table: an ISO 3166-1 alpha-3 code, an ISO
    /// 3166-3 code of a former state, or a code in common use such as `XKX`.
    UnknownIsoCode,
    /// A warning, not an error: a former state takes part in something dated after the end
    /// of its period (the date ISO 3166-3 withdrew its code). See [`crate::Graph::warnings`].
    CountryOutsidePeriod,
    /// A term of an agreement (`binding`, `renewal`, `vote`) that cites nothing: such a fact
    /// must name the source that states it.
    UncitedTerm,
    /// A value lies outside its allowed range (a share above 1, a confidence above 1 …).
    OutOfRange,
    /// The input is larger than `Limits::max_file_size`.
    LimitFileSize,
    /// Arrays and objects nest deeper than `Limits::max_depth`.
    LimitDepth,
    /// A string or key is longer than `Limits::max_string_len`.
    LimitStringLength,
    /// A source's text is longer than `Limits::max_source_text_len`.
    LimitSourceTextLength,
    /// An id is longer than `Limits::max_id_len`.
    LimitIdLength,
    /// A node has more aliases than `Limits::max_aliases`.
    LimitAliases,
    /// A node, edge or lifecycle step has more citations than `Limits::max_citations`.
    LimitCitations,
    /// Two graphs being merged disagree about one fact.
    MergeConflict,
    /// Two graphs being merged give one fact at two precisions (a date and a day inside it, a
    /// place and a more precise place); the finer value is kept. A note, never an error.
    MergeRefinement,
}

impl ProblemCode {
    /// The stable, kebab-case name of the code.
    pub fn as_str(self) -> &'static str {
        match self {
            ProblemCode::JsonSyntax => "json-syntax",
            ProblemCode::InvalidValue => "invalid-value",
            ProblemCode::UnknownVersion => "unknown-version",
            ProblemCode::DuplicateId => "duplicate-id",
            ProblemCode::DanglingReference => "dangling-reference",
            ProblemCode::EdgeEndpointKind => "edge-endpoint-kind",
            ProblemCode::KindField => "kind-field",
            ProblemCode::InvalidDate => "invalid-date",
            ProblemCode::IntervalReversed => "interval-reversed",
            ProblemCode::AttestedOutsideInterval => "attested-outside-interval",
            ProblemCode::LifecycleOrder => "lifecycle-order",
            ProblemCode::RatifiedBeforeSigned => "ratified-before-signed",
            ProblemCode::NoticeNotInForce => "notice-not-in-force",
            ProblemCode::NoticeMissing => "notice-missing",
            ProblemCode::NoticeEffectiveBeforeGiven => "notice-effective-before-given",
            ProblemCode::AbandonedAfterSigned => "abandoned-after-signed",
            ProblemCode::StepAfterEnd => "step-after-end",
            ProblemCode::BilateralPartyCount => "bilateral-party-count",
            ProblemCode::SpokeWithoutHub => "spoke-without-hub",
            ProblemCode::HubCount => "hub-count",
            ProblemCode::MemberWithHub => "member-with-hub",
            ProblemCode::PartyRoleConflict => "party-role-conflict",
            ProblemCode::ActingForNotCountry => "acting-for-not-country",
            ProblemCode::ActingForConflict => "acting-for-conflict",
            ProblemCode::PlaceNotAPlace => "place-not-a-place",
            ProblemCode::LocatedInCycle => "located-in-cycle",
            ProblemCode::DuplicateChainPosition => "duplicate-chain-position",
            ProblemCode::MissingSource => "missing-source",
            ProblemCode::SpanOutOfRange => "span-out-of-range",
            ProblemCode::SpanTextMismatch => "span-text-mismatch",
            ProblemCode::CitationTextNotFound => "citation-text-not-found",
            ProblemCode::CitationTextAmbiguous => "citation-text-ambiguous",
            ProblemCode::AliasConflict => "alias-conflict",
            ProblemCode::ExternalIdConflict => "external-id-conflict",
            ProblemCode::UnknownIsoCode => "unknown-iso-code",
            ProblemCode::CountryOutsidePeriod => "country-outside-period",
            ProblemCode::UncitedTerm => "uncited-term",
            ProblemCode::OutOfRange => "out-of-range",
            ProblemCode::LimitFileSize => "limit-file-size",
            ProblemCode::LimitDepth => "limit-depth",
            ProblemCode::LimitStringLength => "limit-string-length",
            ProblemCode::LimitSourceTextLength => "limit-source-text-length",
            ProblemCode::LimitIdLength => "limit-id-length",
            ProblemCode::LimitAliases => "limit-aliases",
            ProblemCode::LimitCitations => "limit-citations",
            ProblemCode::MergeConflict => "merge-conflict",
            ProblemCode::MergeRefinement => "merge-refinement",
        }
    }
}

impl ProblemCode {
    /// Whether a problem of this code is a warning: something to check that does not make a
    /// graph invalid ([`crate::Graph::warnings`] reports these; [`crate::Graph::validate`]
    /// and loading never do).
    pub fn is_warning(self) -> bool {
        matches!(self, ProblemCode::CountryOutsidePeriod)
    }
}

impl fmt::Display for ProblemCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Where something is in an input file: a JSON pointer path and, when known, line and column
/// (both 1-based, columns counted in characters).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct Location {
    /// The file, when the input came from one.
    pub file: Option<PathBuf>,
    /// A JSON pointer to the offending value (`/edges/3/to`).
    pub path: String,
    /// 1-based line.
    pub line: Option<usize>,
    /// 1-based column.
    pub column: Option<usize>,
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let file = self
            .file
            .as_ref()
            .map_or_else(|| "<input>".to_owned(), |p| p.display().to_string());
        match (self.line, self.column) {
            (Some(l), Some(c)) => write!(f, "{file}:{l}:{c}")?,
            _ => write!(f, "{file}")?,
        }
        if !self.path.is_empty() {
            write!(f, " ({})", self.path)?;
        }
        Ok(())
    }
}

/// One thing wrong with an input.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Problem {
    /// The stable code.
    pub code: ProblemCode,
    /// What is wrong and, where it helps, what to do.
    pub message: String,
    /// The id of the node (or `from->to` of the edge) concerned, when there is one.
    pub id: Option<String>,
    /// Where it is.
    pub location: Location,
}

impl Problem {
    /// A problem with a code and message, at a JSON path.
    pub fn new(code: ProblemCode, message: impl Into<String>, path: impl Into<String>) -> Self {
        Problem {
            code,
            message: message.into(),
            id: None,
            location: Location {
                path: path.into(),
                ..Location::default()
            },
        }
    }

    /// Names the id concerned (builder style).
    #[must_use]
    pub fn with_id(mut self, id: impl Into<String>) -> Self {
        self.id = Some(id.into());
        self
    }
}

impl serde::Serialize for ProblemCode {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// Problems serialize flat, as the CLI's `--json` and Python show them:
/// `{"code", "message", "id", "file", "line", "column", "path"}`.
impl serde::Serialize for Problem {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut s = serializer.serialize_struct("Problem", 7)?;
        s.serialize_field("code", &self.code)?;
        s.serialize_field("message", &self.message)?;
        s.serialize_field("id", &self.id)?;
        s.serialize_field(
            "file",
            &self.location.file.as_ref().map(|f| f.display().to_string()),
        )?;
        s.serialize_field("line", &self.location.line)?;
        s.serialize_field("column", &self.location.column)?;
        s.serialize_field("path", &self.location.path)?;
        s.end()
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let level = if self.code.is_warning() {
            "warning"
        } else {
            "error"
        };
        write!(
            f,
            "{}: {level}[{}]: {}",
            self.location, self.code, self.message
        )
    }
}

/// A list of problems, displayed one per line.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Problems(pub Vec<Problem>);

impl fmt::Display for Problems {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, p) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{p}")?;
        }
        Ok(())
    }
}

/// A name that is not in a closed vocabulary (an edge kind, an agreement kind …).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown {what} `{name}`; expected one of: {}", expected.join(", "))]
pub struct UnknownName {
    /// Which vocabulary.
    pub what: &'static str,
    /// The name given.
    pub name: String,
    /// The names it knows.
    pub expected: Vec<&'static str>,
}

/// A candidate for an ambiguous name: the node's id, kind and name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    /// The node's id.
    pub id: String,
    /// The node's kind.
    pub kind: crate::model::NodeKind,
    /// The node's name.
    pub name: String,
}

impl fmt::Display for Candidate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({} `{}`)", self.name, self.kind, self.id)
    }
}

/// The most characters of a JSON pointer, or of any key or value a problem's message echoes,
/// that a load problem carries; longer ones are cut with "…" (a 100 MB key is not echoed
/// whole). A message is kept to at most three times this many characters: its start and its
/// end (which says what to do), with " … " between.
pub const MAX_ECHO: usize = 200;

/// `s` cut to at most `max` characters, the last being "…" when anything was cut.
pub(crate) fn shorten(s: &str, max: usize) -> std::borrow::Cow<'_, str> {
    match s.char_indices().nth(max) {
        None => std::borrow::Cow::Borrowed(s),
        Some(_) => {
            let keep = s
                .char_indices()
                .nth(max.saturating_sub(1))
                .map_or(s.len(), |(i, _)| i);
            std::borrow::Cow::Owned(format!("{}…", s.get(..keep).unwrap_or_default()))
        }
    }
}

/// A message cut to at most `3 × MAX_ECHO` characters: its start and its end, with " … "
/// between, so that what to do (said last) survives.
fn shorten_message(s: &str) -> std::borrow::Cow<'_, str> {
    let total = s.chars().count();
    if total <= 3 * MAX_ECHO {
        return std::borrow::Cow::Borrowed(s);
    }
    let head_end = s
        .char_indices()
        .nth(2 * MAX_ECHO)
        .map_or(s.len(), |(i, _)| i);
    let tail_start = s
        .char_indices()
        .nth(total - (MAX_ECHO - 3))
        .map_or(s.len(), |(i, _)| i);
    std::borrow::Cow::Owned(format!(
        "{} … {}",
        s.get(..head_end).unwrap_or_default(),
        s.get(tail_start..).unwrap_or_default()
    ))
}

/// The most candidates an [`Error::AmbiguousName`] carries: a name shared by 200,000 nodes
/// gives a short message with a count, not a 4.7 MB list.
pub const AMBIGUITY_CANDIDATES: usize = 10;

/// "; did you mean A, B or C?", or nothing when there is no suggestion.
fn did_you_mean(suggestions: &[crate::identity::Suggestion]) -> String {
    let shown: Vec<String> = suggestions.iter().map(ToString::to_string).collect();
    match shown.split_last() {
        None => String::new(),
        Some((only, [])) => format!("; did you mean {only}?"),
        Some((last, rest)) => format!("; did you mean {} or {last}?", rest.join(", ")),
    }
}

fn more_candidates(total: usize, listed: usize) -> String {
    match total.saturating_sub(listed) {
        0 => String::new(),
        more => format!(" … and {more} more"),
    }
}

/// Everything that can go wrong in the core.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The input has problems; all of them are listed.
    #[error("{count} problem(s) found:\n{problems}", count = problems.0.len())]
    Invalid {
        /// Every problem found.
        problems: Problems,
    },
    /// No node has this id, name or alias.
    ///
    /// The message ends with the suggestions, if any: "; did you mean Seoul (South Korea,
    /// country `KOR`)?".
    #[error("no node is called `{name}`{hint}{}", did_you_mean(suggestions))]
    NodeNotFound {
        /// The name looked up.
        name: String,
        /// What else to say, possibly empty (" among agreements (it is a person)").
        hint: String,
        /// The nodes it may have meant, closest first, those of the kinds the argument takes
        /// first (see [`crate::Graph::resolve_as`]); at most
        /// [`crate::identity::MAX_SUGGESTIONS`].
        suggestions: Vec<crate::identity::Suggestion>,
    },
    /// More than one node answers to this name.
    ///
    /// The message lists at most [`AMBIGUITY_CANDIDATES`] candidates, then "… and N more".
    #[error("`{name}` is ambiguous; it could be: {}{}; use an id instead",
        candidates.iter().map(ToString::to_string).collect::<Vec<_>>().join(", "),
        more_candidates(*total, candidates.len()))]
    AmbiguousName {
        /// The name looked up.
        name: String,
        /// The first nodes it could mean (at most [`AMBIGUITY_CANDIDATES`]), in node order.
        candidates: Vec<Candidate>,
        /// How many nodes it could mean in all.
        total: usize,
    },
    /// A name outside a closed vocabulary.
    #[error(transparent)]
    UnknownName(#[from] UnknownName),
    /// A date that does not parse.
    #[error(transparent)]
    Date(#[from] crate::time::DateError),
    /// Reading or writing a file failed.
    #[error("{action} `{path}`: {source}")]
    Io {
        /// What was being done ("cannot read").
        action: &'static str,
        /// The file.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// Writing to a stream failed.
    #[error("cannot write output: {0}")]
    Write(#[from] std::io::Error),
    /// A timeline window whose end comes before its start.
    #[error(
        "the timeline window is reversed: its end, {to}, comes before its start, {from}; \
         give the earlier date as the start"
    )]
    ReversedWindow {
        /// The start asked for.
        from: crate::time::PartialDate,
        /// The end asked for, which ends before `from` begins.
        to: crate::time::PartialDate,
    },
}

impl Error {
    /// The problems, if this is a validation error.
    pub fn problems(&self) -> Option<&[Problem]> {
        match self {
            Error::Invalid { problems } => Some(&problems.0),
            _ => None,
        }
    }

    /// The problems of a load, each cut to what it may carry (see [`MAX_ECHO`]).
    pub(crate) fn invalid(mut problems: Vec<Problem>) -> Self {
        for p in &mut problems {
            if let std::borrow::Cow::Owned(path) = shorten(&p.location.path, MAX_ECHO) {
                p.location.path = path;
            }
            if let std::borrow::Cow::Owned(message) = shorten_message(&p.message) {
                p.message = message;
            }
            if let Some(std::borrow::Cow::Owned(id)) =
                p.id.as_deref().map(|id| shorten(id, MAX_ECHO))
            {
                p.id = Some(id);
            }
        }
        Error::Invalid {
            problems: Problems(problems),
        }
    }
}

/// A `Result` with the core's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
