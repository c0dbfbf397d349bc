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
//! assert_eq!(found.len(), 1);
//! let pact = &found[0];
//! assert_eq!(&text[pact.span.start..pact.span.end], "intelligence-sharing pact");
//! assert_eq!(pact.kind, AgreementKind::Arrangement);
//! assert_eq!(pact.parties.iter().map(|p| p.id).collect::<Vec<_>>(), ["KOR", "JPN"]);
//! assert_eq!(pact.steps[0].state, LifecycleState::Signed);
//! assert_eq!(pact.steps[0].date.map(|d| d.to_string()).as_deref(), Some("2016-06-04"));
//! ```

use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
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
    /// The participants the sentence names (not the country or capital named as the place).
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
/// [`find_dates`](crate::draft::dates::find_dates) found in the same text; `report_date`
/// dates what the report says holds now ("already has a pact").
pub fn find_agreements(
    text: &str,
    names: &[NameMention],
    dates: &[DateMention],
    report_date: Option<NaiveDate>,
) -> Vec<AgreementMention> {
    let mut out = Vec::new();
    for sentence in sentences(text) {
        let words = &text[sentence.start..sentence.end];
        let mut found: Vec<AgreementMention> = Vec::new();
        let mut cues: Vec<(Span, Cue)> = Vec::new();
        for (span, entry) in matches(words, &tables().agreements) {
            let span = Span {
                start: span.start + sentence.start,
                end: span.end + sentence.start,
            };
            match entry {
                Term::Agreement(kind) => {
                    if is_verb(text, span) {
                        continue;
                    }
                    if let Some((span, kind)) = widen_agreement(text, span, kind) {
                        found.push(AgreementMention {
                            span,
                            kind,
                            sentence,
                            parties: Vec::new(),
                            steps: Vec::new(),
                        });
                    }
                }
                Term::Step(cue) => cues.push((span, cue)),
                Term::Event(_) => {}
            }
        }
        if found.is_empty() {
            continue;
        }
        let mut found = join_adjacent(text, found);
        let parties = parties_in(sentence, names);
        for agreement in &mut found {
            agreement.parties.clone_from(&parties);
        }
        for (span, cue) in cues {
            let Some(status) = status_before(text, sentence, span) else {
                continue;
            };
            let nearest = found
                .iter_mut()
                .min_by_key(|a| distance(a.span, span))
                .filter(|a| !overlaps(a.span, span));
            let Some(agreement) = nearest else { continue };
            let perfect = ends_with_word(&text[sentence.start..span.start], &["has", "have"])
                || ends_with_word(&text[sentence.start..span.start], &["already"]);
            let (date, date_span) = if cue.current || perfect {
                (None, None)
            } else {
                nearest_date(dates, sentence, span)
            };
            let attested = (cue.current || (perfect && date.is_none()))
                .then(|| report_date.map(PartialDate::from_naive))
                .flatten();
            agreement.steps.push(StepMention {
                span,
                state: cue.state,
                status,
                date,
                date_span,
                attested,
            });
        }
        out.extend(found);
    }
    out
}

/// Every event named in `text` (meetings, summits, exercises, launches, tests, talks), with
/// its date, place and participants as its sentence gives them; one event of each kind per
/// sentence (the first words naming it).
pub fn find_events(text: &str, names: &[NameMention], dates: &[DateMention]) -> Vec<EventMention> {
    let mut out = Vec::new();
    for sentence in sentences(text) {
        let words = &text[sentence.start..sentence.end];
        for (span, entry) in matches(words, &tables().events) {
            let Term::Event(event) = entry else { continue };
            if event.needs.is_some_and(|w| !words.contains(w)) {
                continue;
            }
            let span = widen_proper(
                text,
                Span {
                    start: span.start + sentence.start,
                    end: span.end + sentence.start,
                },
                sentence.start,
            );
            let Some(status) = status_before(text, sentence, span) else {
                continue;
            };
            // One event of a kind per sentence: "fired a missile … the launch failed".
            if out
                .iter()
                .any(|e: &EventMention| e.sentence == sentence && e.kind == event.kind)
            {
                continue;
            }
            let (date, date_span) = nearest_date(dates, sentence, span);
            let place = place_in(text, sentence, names, dates);
            // "met in Canberra": the capital is where, not who.
            let participants = parties_in(sentence, names)
                .into_iter()
                .filter(|p| place.as_ref().is_none_or(|at| at.span != p.span))
                .collect();
            out.push(EventMention {
                span,
                kind: event.kind,
                sentence,
                status,
                participants,
                date,
                date_span,
                place,
            });
        }
    }
    out
}

/// The sentences of `text`: ends at `.`, `!` or `?` before a space and a capital letter or a
/// quotation mark (not after a title such as "Mr" or an initial), and at blank lines.
pub fn sentences(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let ends = match b {
            b'\n' => true,
            b'.' | b'!' | b'?' => {
                let rest = &text[i + 1..];
                let after = rest.trim_start_matches(['"', '\'', ')']);
                let quote_len = rest.len() - after.len();
                let next = after.trim_start_matches(' ');
                let spaced =
                    next.len() < after.len() || after.starts_with('\n') || after.is_empty();
                let capital = next.chars().next().is_none_or(|c| {
                    c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '\u{201c}' | '\n')
                });
                let word_before = text[..i]
                    .rsplit(|c: char| !c.is_alphanumeric())
                    .next()
                    .unwrap_or("");
                let abbreviation =
                    b == b'.' && (word_before.len() == 1 || ABBREVIATIONS.contains(&word_before));
                if spaced && capital && !abbreviation {
                    i += quote_len;
                    true
                } else {
                    false
                }
            }
            _ => false,
        };
        if ends {
            let end = i + 1;
            push_trimmed(text, start, end.min(text.len()), &mut out);
            start = end.min(text.len());
        }
        i += 1;
    }
    push_trimmed(text, start, text.len(), &mut out);
    out
}

const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Gen", "Lt", "Col", "Maj", "Sen", "Rep", "Gov", "Prof", "St", "No",
    "Jan", "Feb", "Aug", "Sept", "Oct", "Nov", "Dec", "Adm", "Capt", "Sgt", "Jr", "Sr", "Inc",
    "Co", "Corp", "vs",
];

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    let piece = &text[start..end];
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    if lead + trail < piece.len() {
        out.push(Span {
            start: start + lead,
            end: end - trail,
        });
    }
}

fn overlaps(a: Span, b: Span) -> bool {
    a.start < b.end && b.start < a.end
}

fn distance(a: Span, b: Span) -> usize {
    if a.end <= b.start {
        b.start - a.end
    } else {
        a.start.saturating_sub(b.end)
    }
}

fn ends_with_word(before: &str, words: &[&str]) -> bool {
    let last = before.split_whitespace().next_back().unwrap_or("");
    words.contains(&last)
}

/// Whether the words before a cue (in its sentence, at most four words) make it planned or
/// deny it: `Some(Planned)` for "will sign", "plans to sign", "agreed to hold"; `None` for
/// "did not sign", "refused to sign", "failed to sign" (but "a failed launch" happened);
/// `Some(Occurred)` otherwise.
fn status_before(text: &str, sentence: Span, cue: Span) -> Option<Status> {
    let before = &text[sentence.start..cue.start];
    let window: Vec<&str> = before
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | ';'))
        .filter(|w| !w.is_empty())
        .rev()
        .take(4)
        .collect();
    let failed_to = window.windows(2).any(|pair| pair == ["to", "failed"]);
    if failed_to
        || window.iter().any(|w| {
            matches!(
                *w,
                "not" | "never" | "refused" | "declined" | "didn't" | "won't" | "no"
            )
        })
    {
        return None;
    }
    let planned = window.iter().take(3).any(|w| {
        matches!(
            *w,
            "will"
                | "would"
                | "shall"
                | "to"
                | "could"
                | "may"
                | "might"
                | "plans"
                | "plan"
                | "planned"
                | "planning"
                | "expected"
                | "upcoming"
                | "next"
                | "proposed"
        )
    });
    Some(if planned {
        Status::Planned
    } else {
        Status::Occurred
    })
}

/// The date in the sentence nearest the cue (a single date, not a span of time).
fn nearest_date(
    dates: &[DateMention],
    sentence: Span,
    cue: Span,
) -> (Option<PartialDate>, Option<Span>) {
    dates
        .iter()
        .filter(|d| d.span.start >= sentence.start && d.span.end <= sentence.end)
        .filter_map(|d| d.date().map(|date| (d.span, date)))
        .min_by_key(|(span, _)| distance(*span, cue))
        .map_or((None, None), |(span, date)| (Some(date), Some(span)))
}

/// Where the sentence says something happened: a name after "in" or "at (the)", else
/// capitalised words after " in " that are not a date.
fn place_in(
    text: &str,
    sentence: Span,
    names: &[NameMention],
    dates: &[DateMention],
) -> Option<PlaceMention> {
    let in_sentence = |s: Span| s.start >= sentence.start && s.end <= sentence.end;
    let after_preposition = |start: usize| {
        let before = &text[sentence.start..start];
        before.ends_with(" in ") || before.ends_with(" at ") || before.ends_with(" at the ")
    };
    for m in names.iter().filter(|m| in_sentence(m.span)) {
        let country = match &m.name {
            Name::Country { id, .. } => Some(*id),
            Name::Place(_) => None,
            _ => continue,
        };
        if after_preposition(m.span.start) {
            return Some(PlaceMention {
                span: m.span,
                name: text[m.span.start..m.span.end].to_owned(),
                country,
            });
        }
    }
    let words = &text[sentence.start..sentence.end];
    let mut from = 0;
    while let Some(found) = words[from..].find(" in ") {
        let start = sentence.start + from + found + 4;
        from += found + 4;
        let rest = &text[start..sentence.end];
        let end = start
            + rest
                .split(' ')
                .take_while(|w| w.chars().next().is_some_and(char::is_uppercase))
                .map(|w| w.len() + 1)
                .sum::<usize>()
                .saturating_sub(1);
        let span = Span {
            start,
            end: text[start..end]
                .trim_end_matches(|c: char| !c.is_alphanumeric())
                .len()
                + start,
        };
        if span.end > span.start && !dates.iter().any(|d| overlaps(d.span, span)) {
            return Some(PlaceMention {
                span,
                name: text[span.start..span.end].to_owned(),
                country: None,
            });
        }
    }
    None
}

/// Where the last word of `s` (letters, digits and hyphens) begins, in bytes.
fn last_word_start(s: &str) -> usize {
    s.char_indices()
        .rev()
        .find(|(_, c)| !(c.is_alphanumeric() || *c == '-'))
        .map_or(0, |(i, c)| i + c.len_utf8())
}

/// Whether "deal" at `span` is the verb ("to deal with", "deals with").
fn is_verb(text: &str, span: Span) -> bool {
    if !matches!(&text[span.start..span.end], "deal" | "deals" | "Deal") {
        return false;
    }
    let before = text[..span.start].trim_end();
    let after = text[span.end..].trim_start();
    before.ends_with(" to") || after.starts_with("with ")
}

/// Joins agreement names that follow one another with one space between ("hotline deal",
/// "GSOMIA pact"), keeping the more specific kind.
fn join_adjacent(text: &str, found: Vec<AgreementMention>) -> Vec<AgreementMention> {
    let mut out: Vec<AgreementMention> = Vec::new();
    for a in found {
        if let Some(last) = out.last_mut() {
            if text.get(last.span.end..a.span.start) == Some(" ") {
                last.span.end = a.span.end;
                if last.kind == AgreementKind::Other {
                    last.kind = a.kind;
                }
                continue;
            }
        }
        out.push(a);
    }
    out
}

/// Widens a capitalised name's head over the capitalised words and ordinals before it
/// ("Shangri-La Dialogue", "IISS 15th Asia Security Summit", "Non-Proliferation Treaty"); a
/// lower-case head ("summit") is left as it is. Never past `floor` (the sentence's start), nor
/// over "The" or "A".
fn widen_proper(text: &str, head: Span, floor: usize) -> Span {
    if !text[head.start..].starts_with(char::is_uppercase) {
        return head;
    }
    let mut span = head;
    loop {
        let before = &text[floor..span.start];
        let Some(space) = before.strip_suffix(' ') else {
            break;
        };
        let word_start = last_word_start(space);
        let word = &space[word_start..];
        let capital = word.starts_with(char::is_uppercase);
        let ordinal = word.starts_with(|c: char| c.is_ascii_digit())
            && ["st", "nd", "rd", "th"].iter().any(|s| word.ends_with(s));
        if word.is_empty() || matches!(word, "The" | "A" | "An") || !(capital || ordinal) {
            break;
        }
        span.start = floor + word_start;
    }
    span
}

/// Widens an agreement head over the words before it that say what it is about
/// ("intelligence-sharing pact", "UN Security Council Resolution 2270") and over a
/// resolution's number; drops a bare "resolution" with no number or sanctions word.
fn widen_agreement(text: &str, head: Span, kind: AgreementKind) -> Option<(Span, AgreementKind)> {
    let mut span = head;
    let mut kind = kind;
    if kind == AgreementKind::Resolution {
        let rest = &text[span.end..];
        let digits = rest.trim_start_matches(' ');
        let number: usize = digits.bytes().take_while(u8::is_ascii_digit).count();
        if number > 0 {
            span.end += rest.len() - digits.len() + number;
        }
    }
    loop {
        let before = &text[..span.start];
        let Some(space) = before.strip_suffix(' ') else {
            break;
        };
        let word_start = last_word_start(space);
        let word = &space[word_start..];
        let lower = word.to_lowercase();
        if MODIFIERS.contains(&lower.as_str()) {
            if matches!(
                lower.as_str(),
                "intelligence-sharing" | "information-sharing" | "sharing"
            ) && kind == AgreementKind::Other
            {
                kind = AgreementKind::Arrangement;
            }
            span.start = word_start;
        } else {
            break;
        }
    }
    if span == head {
        span = widen_proper(text, span, 0);
        if span != head && text[span.start..head.start].contains('.') {
            span = head;
        }
    }
    if kind == AgreementKind::Resolution
        && span.end - span.start == head.end - head.start
        && !text[..head.start].ends_with("sanctions ")
    {
        return None;
    }
    Some((span, kind))
}

/// Words that say what an agreement is about, taken into its name.
const MODIFIERS: &[&str] = &[
    "intelligence-sharing",
    "information-sharing",
    "intelligence",
    "information",
    "sharing",
    "military",
    "defence",
    "defense",
    "security",
    "nuclear",
    "peace",
    "trade",
    "free-trade",
    "arms",
    "arms-control",
    "control",
    "bilateral",
    "trilateral",
    "emergency",
    "communication",
    "communications",
    "cooperation",
    "co-operation",
    "maritime",
    "cyber",
    "sanctions",
    "alliance",
    "mutual",
    "non-aggression",
    "ceasefire",
    "armistice",
    "logistics",
    "basing",
    "un",
    "u.n.",
    "council",
];

#[derive(Debug, Clone, Copy)]
struct Cue {
    state: LifecycleState,
    /// "already has": the state holds on the report's date.
    current: bool,
}

#[derive(Debug, Clone, Copy)]
struct EventTerm {
    kind: EventKind,
    /// A word the sentence must hold too ("launch" is a missile launch only near "missile").
    needs: Option<&'static str>,
}

#[derive(Debug, Clone, Copy)]
enum Term {
    Agreement(AgreementKind),
    Step(Cue),
    Event(EventTerm),
}

struct Tables {
    agreements: (AhoCorasick, Vec<Term>),
    events: (AhoCorasick, Vec<Term>),
}

fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(|| {
        let mut agreements: Vec<(&str, Term)> = Vec::new();
        for (words, kind) in AGREEMENT_WORDS {
            for w in words.split('|') {
                agreements.push((w, Term::Agreement(*kind)));
            }
        }
        for (words, state, current) in STEP_WORDS {
            for w in words.split('|') {
                agreements.push((
                    w,
                    Term::Step(Cue {
                        state: *state,
                        current: *current,
                    }),
                ));
            }
        }
        let mut events: Vec<(&str, Term)> = Vec::new();
        for (words, kind, needs) in EVENT_WORDS {
            for w in words.split('|') {
                events.push((
                    w,
                    Term::Event(EventTerm {
                        kind: *kind,
                        needs: *needs,
                    }),
                ));
            }
        }
        Tables {
            agreements: automaton(&agreements),
            events: automaton(&events),
        }
    })
}

fn automaton(words: &[(&str, Term)]) -> (AhoCorasick, Vec<Term>) {
    let mut patterns = Vec::new();
    let mut terms = Vec::new();
    for (w, term) in words {
        patterns.push((*w).to_owned());
        terms.push(*term);
        let mut chars = w.chars();
        if let Some(first) = chars.next() {
            if first.is_lowercase() {
                patterns.push(first.to_uppercase().chain(chars).collect());
                terms.push(*term);
            }
        }
    }
    #[expect(
        clippy::expect_used,
        reason = "the patterns are the built-in word lists, which the tests load; a list that \
                  cannot build is a defect in the crate, not in any input"
    )]
    let ac = AhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostLongest)
        .kind(Some(AhoCorasickKind::DFA))
        .build(&patterns)
        .expect("the built-in word lists build an automaton");
    (ac, terms)
}

/// The non-overlapping, whole-word matches of a table in `words`.
fn matches(words: &str, table: &(AhoCorasick, Vec<Term>)) -> Vec<(Span, Term)> {
    table
        .0
        .find_iter(words)
        .filter(|m| {
            let before = words[..m.start()].chars().next_back();
            let after = words[m.end()..].chars().next();
            !before.is_some_and(|c| c.is_alphanumeric() || c == '-')
                && !after.is_some_and(|c| c.is_alphanumeric() || c == '-')
        })
        .filter_map(|m| {
            let term = table.1.get(m.pattern().as_usize())?;
            Some((
                Span {
                    start: m.start(),
                    end: m.end(),
                },
                *term,
            ))
        })
        .collect()
}

const AGREEMENT_WORDS: &[(&str, AgreementKind)] = &[
    (
        "GSOMIA|General Security of Military Information Agreement",
        AgreementKind::Gsomia,
    ),
    (
        "Memorandum of Understanding|memorandum of understanding|MoU|MOU|memorandum",
        AgreementKind::MemorandumOfUnderstanding,
    ),
    ("treaty|Treaty|NPT", AgreementKind::Treaty),
    ("framework|arrangement", AgreementKind::Arrangement),
    (
        "hotline|hot line|direct line|emergency communication system|communication line|\
         communications line|emergency phone system|emergency phone line|phone line",
        AgreementKind::CommunicationLine,
    ),
    ("Resolution|resolution", AgreementKind::Resolution),
    (
        "joint statement|joint declaration|joint communique|understanding",
        AgreementKind::JointUnderstanding,
    ),
    (
        "Six-Party Talks|six-party talks|Six-Party talks|Six-Party negotiations|six-nation talks",
        AgreementKind::TalksFormat,
    ),
    (
        "pact|agreement|deal|accord|Agreement|Accord",
        AgreementKind::Other,
    ),
];

const STEP_WORDS: &[(&str, LifecycleState, bool)] = &[
    (
        "signed|signing|inked|sign|signs",
        LifecycleState::Signed,
        false,
    ),
    (
        "agreed|agree|agrees|reached|came to|struck",
        LifecycleState::Agreed,
        false,
    ),
    (
        "entered into force|came into force|took effect|came into effect|enter into force|\
         take effect|come into force",
        LifecycleState::InForce,
        false,
    ),
    (
        "already has|already have|already had|has had|existing|in place|in force",
        LifecycleState::InForce,
        true,
    ),
    (
        "adopted|adopt|imposed|passed",
        LifecycleState::InForce,
        false,
    ),
    ("ratified|ratify|ratifies", LifecycleState::Ratified, false),
    (
        "withdrew from|withdrawn from|pulled out of|withdraw from|withdrew|quit",
        LifecycleState::Withdrawn,
        false,
    ),
    (
        "suspended|suspend|suspends",
        LifecycleState::Suspended,
        false,
    ),
    (
        "scrapped|terminated|scrap|terminate|terminates",
        LifecycleState::Terminated,
        false,
    ),
    ("renewed|renew|renews", LifecycleState::Renewed, false),
    ("expired|expire|expires", LifecycleState::Expired, false),
    (
        "negotiating|negotiate|negotiations on|negotiated",
        LifecycleState::Negotiating,
        false,
    ),
    ("proposed|propose|proposes", LifecycleState::Proposed, false),
];

const EVENT_WORDS: &[(&str, EventKind, Option<&str>)] = &[
    (
        "summit|Summit|Dialogue|conference|forum|Forum",
        EventKind::Summit,
        None,
    ),
    (
        "meeting|meetings|met|meet|meets|held talks|hold talks|sideline meeting",
        EventKind::Meeting,
        None,
    ),
    (
        "talks|round of talks|negotiations",
        EventKind::TalksRound,
        None,
    ),
    (
        "exercise|exercises|drill|drills|war games|war game|wargames",
        EventKind::Exercise,
        None,
    ),
    (
        "missile launch|missile launches|missile test|missile tests|test-fired|test-launched|\
         fired a missile|fired missiles|launched a missile|rocket launch",
        EventKind::MissileLaunch,
        None,
    ),
    (
        "launch|launches|launched",
        EventKind::MissileLaunch,
        Some("missile"),
    ),
    (
        "nuclear test|nuclear tests|atomic test|nuclear detonation|nuclear bomb test",
        EventKind::NuclearTest,
        None,
    ),
    ("sanctions", EventKind::SanctionsDecision, Some("impose")),
    ("panel discussion|panel", EventKind::Panel, None),
    ("signing ceremony", EventKind::Signing, None),
];

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draft::dates::find_dates;
    use crate::draft::names::find_names;

    const REPORT: Option<NaiveDate> = NaiveDate::from_ymd_opt(2016, 6, 4);

    /// Each agreement as "words kind parties | state status date attested; …".
    fn agreements(text: &str) -> Vec<String> {
        let names = find_names(text);
        let dates = find_dates(text, REPORT);
        find_agreements(text, &names, &dates, REPORT)
            .iter()
            .map(|a| {
                let parties: Vec<&str> = a.parties.iter().map(|p| p.id).collect();
                let steps: Vec<String> = a
                    .steps
                    .iter()
                    .map(|s| {
                        format!(
                            "{} {} {} {} {}",
                            &text[s.span.start..s.span.end],
                            s.state.as_str(),
                            s.status.as_str(),
                            s.date.map_or("-".to_owned(), |d| d.to_string()),
                            s.attested.map_or("-".to_owned(), |d| d.to_string()),
                        )
                    })
                    .collect();
                format!(
                    "{} {} {} | {}",
                    &text[a.span.start..a.span.end],
                    a.kind.as_str(),
                    parties.join(","),
                    steps.join("; ")
                )
            })
            .collect()
    }

    /// Each event as "words kind status date place participants".
    fn events(text: &str) -> Vec<String> {
        let names = find_names(text);
        let dates = find_dates(text, REPORT);
        find_events(text, &names, &dates)
            .iter()
            .map(|e| {
                let parties: Vec<&str> = e.participants.iter().map(|p| p.id).collect();
                format!(
                    "{} {} {} {} {} {}",
                    &text[e.span.start..e.span.end],
                    e.kind.as_str(),
                    e.status.as_str(),
                    e.date.map_or("-".to_owned(), |d| d.to_string()),
                    e.place.as_ref().map_or("-", |p| p.name.as_str()),
                    parties.join(","),
                )
            })
            .collect()
    }

    #[test]
    fn gsomia_signed_on_a_weekday() {
        assert_eq!(
            agreements("Japan and South Korea signed a GSOMIA on Wednesday."),
            ["GSOMIA gsomia JPN,KOR | signed signed occurred 2016-06-01 -"]
        );
    }

    #[test]
    fn intelligence_sharing_pact_is_an_arrangement() {
        assert_eq!(
            agreements("Seoul and Tokyo agreed on an intelligence-sharing pact."),
            ["intelligence-sharing pact arrangement KOR,JPN | agreed agreed occurred - -"]
        );
    }

    #[test]
    fn memorandum_of_understanding() {
        assert_eq!(
            agreements("The US and Japan signed a Memorandum of Understanding in March."),
            ["Memorandum of Understanding memorandum_of_understanding USA,JPN | signed signed occurred 2016-03 -"]
        );
    }

    #[test]
    fn named_treaty_takes_its_capitalised_words() {
        assert_eq!(
            agreements("Iran ratified the Non-Proliferation Treaty in 1970."),
            ["Non-Proliferation Treaty treaty IRN | ratified ratified occurred 1970 -"]
        );
    }

    #[test]
    fn hotline_planned() {
        assert_eq!(
            agreements("China and Japan will set up a hotline next year."),
            ["hotline communication_line CHN,JPN | "]
        );
        assert_eq!(
            agreements("China and Japan plan to sign a hotline deal next year."),
            ["hotline deal communication_line CHN,JPN | sign signed planned 2017 -"]
        );
    }

    #[test]
    fn resolution_by_number() {
        assert_eq!(
            agreements("The UN Security Council adopted Resolution 2270 in March."),
            ["Resolution 2270 resolution UN Security Council | adopted in_force occurred 2016-03 -"]
        );
    }

    #[test]
    fn bare_resolution_is_not_an_agreement() {
        assert_eq!(
            agreements("They sought a peaceful resolution."),
            Vec::<String>::new()
        );
    }

    #[test]
    fn already_has_is_attested_on_the_report_date() {
        assert_eq!(
            agreements("Seoul already has a pact with Washington."),
            ["pact other KOR,USA | already has in_force occurred - 2016-06-04"]
        );
    }

    #[test]
    fn entered_into_force() {
        assert_eq!(
            agreements("The accord entered into force in 2009."),
            ["accord other  | entered into force in_force occurred 2009 -"]
        );
    }

    #[test]
    fn denied_step_is_not_a_step() {
        assert_eq!(
            agreements("Japan did not sign the treaty."),
            ["treaty treaty JPN | "]
        );
    }

    #[test]
    fn deal_as_a_verb_is_not_an_agreement() {
        assert_eq!(
            agreements("They agreed to deal with the threat."),
            Vec::<String>::new()
        );
    }

    #[test]
    fn talks_format() {
        assert_eq!(
            agreements("North Korea withdrew from the Six-Party Talks in 2009."),
            ["Six-Party Talks talks_format PRK | withdrew from withdrawn occurred 2009 -"]
        );
    }

    #[test]
    fn missile_launch_with_weekday() {
        assert_eq!(
            events("North Korea fired a missile on Tuesday, but the missile launch failed."),
            ["fired a missile missile_launch occurred 2016-05-31 - PRK"]
        );
    }

    #[test]
    fn summit_with_place_and_name() {
        assert_eq!(
            events("Ministers met at the Shangri-La Dialogue in Singapore on Saturday."),
            [
                "met meeting occurred 2016-06-04 Singapore ",
                "Shangri-La Dialogue summit occurred 2016-06-04 Singapore "
            ]
        );
    }

    #[test]
    fn place_by_capital_or_by_capitalised_words() {
        assert_eq!(
            events("The ministers met in Canberra on Thursday."),
            ["met meeting occurred 2016-06-02 Canberra "]
        );
        assert_eq!(
            events("The ministers met in Zurich."),
            ["met meeting occurred - Zurich "]
        );
    }

    #[test]
    fn failed_launch_happened_failed_to_sign_did_not() {
        assert_eq!(
            events("North Korea made a failed missile launch on Tuesday."),
            ["missile launch missile_launch occurred 2016-05-31 - PRK"]
        );
        assert_eq!(
            agreements("Japan failed to sign the treaty."),
            ["treaty treaty JPN | "]
        );
    }

    #[test]
    fn planned_exercise() {
        assert_eq!(
            events("The US and South Korea will hold joint drills next month."),
            ["drills exercise planned 2016-07 - USA,KOR"]
        );
    }

    #[test]
    fn nuclear_test_in_a_month() {
        assert_eq!(
            events("North Korea conducted a nuclear test in January."),
            ["nuclear test nuclear_test occurred 2016-01 - PRK"]
        );
    }

    proptest::proptest! {
        #[test]
        fn never_panics_on_any_text(text in "(\\PC|[’“”—.()\\n ]|Treaty|pact|said|Seoul|June 4){0,60}") {
            let names = find_names(&text);
            let dates = find_dates(&text, REPORT);
            let found = find_agreements(&text, &names, &dates, REPORT);
            let happened = find_events(&text, &names, &dates);
            for span in found.iter().map(|a| a.span).chain(happened.iter().map(|e| e.span)) {
                proptest::prop_assert!(text.get(span.start..span.end).is_some());
            }
        }
    }

    #[test]
    fn curly_apostrophe_before_an_agreement() {
        assert_eq!(
            agreements("Thursday’s agreement would help."),
            ["agreement other  | "]
        );
    }

    #[test]
    fn sentences_skip_titles_and_initials() {
        let text = "Mr. Han met U.S. officials. They agreed.\nA new line.";
        let got: Vec<&str> = sentences(text)
            .iter()
            .map(|s| &text[s.start..s.end])
            .collect();
        assert_eq!(
            got,
            ["Mr. Han met U.S. officials.", "They agreed.", "A new line."]
        );
    }
}
