//! Attributions: who said what, introduced by which words.
//!
//! [`find_attributions`] reads a report and returns each statement it attributes: the words of
//! the content (one piece or several: a quote broken by "he said", a quote running on over
//! sentences and paragraphs), the reporting words (the cue: "said", "told reporters",
//! "according to", "was cited by Yonhap as saying"), the words naming the speaker at that point
//! ("he", "the ministry", "Spokeswoman Haley Morris") and the outlets the statement came
//! through ("according to Yonhap"). Everything is a byte span into the text; nothing is
//! guessed from outside it. The rules are deterministic and read sentence by sentence:
//!
//! - *content first*: `"We will win," Trump said.` / `"We will win," said Trump.` /
//!   `The plan failed, officials said.` — and the content may go on after the cue
//!   (`"We will," he said, "and soon."`);
//! - *speaker first*: `Trump said (that) …` / `Morris told reporters …` / `He said: "…"`;
//! - `According to X, …` and `…, according to X`; after another cue, the outlet carrying it;
//! - a participle after a comma: `…, adding that …`, `…, saying …` (same speaker);
//! - `X was cited by Y as saying …` (Y carried it);
//! - a quotation with no cue of its own that follows an attributed quote continues it.

use std::ops::Range;

use super::text::{Reading, TokenKind};

/// The form of an attributed content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// Wholly inside quotation marks: the speaker's own words.
    Quote,
    /// An account that quotes some of the speaker's words.
    Mixed,
    /// An account with no quotation marks.
    Paraphrase,
}

/// One attribution found in a text; every part is a byte span into it.
#[derive(Debug, Clone, PartialEq)]
pub struct Attribution {
    /// The content's pieces, in text order (several when the cue or the speaker interrupts it).
    pub content: Vec<Range<usize>>,
    /// The reporting words.
    pub cue: Range<usize>,
    /// The words naming the speaker where the attribution is made, if any.
    pub speaker: Option<Range<usize>>,
    /// For a speaker named by a pronoun or a short form ("he", "Mr Han"): the earlier words
    /// that name the speaker in full.
    pub antecedent: Option<Range<usize>>,
    /// Outlets or persons the statement came through, nearest the speaker first.
    pub via: Vec<Range<usize>>,
    /// Quote, mixed or paraphrase.
    pub form: Form,
    /// How sure the rules are, from 0 to 1.
    pub confidence: f64,
    /// Why a person should check it, when the rules had a doubt.
    pub doubt: Option<&'static str>,
}

impl Attribution {
    /// The span from the first content piece's start to the last one's end.
    pub fn content_extent(&self) -> Range<usize> {
        let start = self.content.first().map_or(0, |r| r.start);
        let end = self.content.last().map_or(0, |r| r.end);
        start..end
    }
}

/// How a reporting word introduces its content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CueClass {
    /// A finite verb of saying: content before or after.
    Speech,
    /// A verb of thinking or wanting: content after only.
    Thought,
    /// A verb of stance ("endorsed", "called for"): its object, after it.
    Stance,
    /// A participle after a comma (", adding that …").
    Participle,
    /// "according to".
    According,
    /// "was cited by X as saying".
    Cited,
}

const SPEECH: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "tell",
    "added",
    "adds",
    "asked",
    "asks",
    "wrote",
    "writes",
    "noted",
    "notes",
    "reported",
    "reports",
    "announced",
    "announces",
    "suggested",
    "suggests",
    "argued",
    "argues",
    "explained",
    "explains",
    "claimed",
    "claims",
    "insisted",
    "insists",
    "warned",
    "warns",
    "stressed",
    "stresses",
    "declared",
    "declares",
    "acknowledged",
    "acknowledges",
    "admitted",
    "admits",
    "stated",
    "tweeted",
    "tweets",
    "replied",
    "replies",
    "responded",
    "responds",
    "recalled",
    "recalls",
    "predicted",
    "predicts",
    "promised",
    "promises",
    "vowed",
    "vows",
    "pledged",
    "pledges",
    "contended",
    "contends",
    "maintained",
    "maintains",
    "emphasized",
    "emphasised",
    "emphasizes",
    "emphasises",
    "complained",
    "complains",
    "concluded",
    "concludes",
    "conceded",
    "concedes",
    "confirmed",
    "confirms",
    "denied",
    "denies",
    "urged",
    "urges",
    "continued",
    "continues",
    "observed",
    "observes",
    "mentioned",
    "remarked",
    "commented",
    "testified",
    "asserted",
    "asserts",
    "cautioned",
    "countered",
    "retorted",
    "joked",
    "quipped",
    "boasted",
    "lamented",
    "alleged",
    "alleges",
    "disclosed",
    "revealed",
    "reveals",
    "estimated",
    "estimates",
    "agreed",
    "agrees",
    "proposed",
    "proposes",
    "pointed",
    "points",
    "wondered",
    "insist",
    "argue",
    "claim",
    "warn",
    "explained",
    "posted",
    "shouted",
    "announced",
    "charged",
    "charges",
    "demanded",
    "demands",
    "acknowledge",
    "predict",
    "note",
    "suggest",
];

const THOUGHT: &[&str] = &[
    "believes",
    "believed",
    "believe",
    "think",
    "thinks",
    "thought",
    "hopes",
    "hoped",
    "hope",
    "wants",
    "wanted",
    "want",
    "fears",
    "feared",
    "fear",
    "expects",
    "expected",
    "expect",
    "feels",
    "felt",
    "knows",
    "knew",
    "found",
    "finds",
    "show",
    "shows",
    "showed",
    "indicated",
    "indicates",
    "worried",
    "worries",
    "doubted",
    "doubts",
    "learned",
    "realized",
    "understands",
    "assumed",
];

const PARTICIPLES: &[&str] = &[
    "saying",
    "adding",
    "noting",
    "arguing",
    "telling",
    "suggesting",
    "warning",
    "insisting",
    "explaining",
    "claiming",
    "stressing",
    "writing",
    "asking",
    "declaring",
    "predicting",
    "promising",
    "vowing",
    "urging",
    "calling",
    "arguing",
    "acknowledging",
    "admitting",
    "contending",
    "asserting",
    "emphasizing",
    "emphasising",
    "pointing",
    "complaining",
    "tweeting",
    "reiterating",
    "recalling",
    "citing",
];

/// Words that may stand between a subject and its verb as part of the cue.
const AUXILIARIES: &[&str] = &[
    "has",
    "have",
    "had",
    "also",
    "later",
    "previously",
    "then",
    "repeatedly",
    "recently",
    "once",
    "would",
    "will",
    "could",
    "did",
    "does",
    "do",
    "not",
    "never",
    "n't",
    "publicly",
    "privately",
    "often",
    "long",
    "already",
    "frequently",
    "still",
    "reportedly",
    "further",
    "simply",
    "flatly",
    "firmly",
    "clearly",
    "openly",
    "explicitly",
    "quickly",
    "again",
    "first",
    "originally",
];

/// Words that end a subject when reading back from a verb.
const CLAUSE_BOUNDARIES: &[&str] = &[
    "that", "because", "while", "when", "if", "although", "though", "since", "whereas", "so",
    "after", "before", "unless", "where", "whom", "which",
];

/// First words of an introductory phrase that is not the speaker ("In a statement, …").
const INTRODUCTIONS: &[&str] = &[
    "in",
    "on",
    "at",
    "after",
    "before",
    "during",
    "speaking",
    "asked",
    "when",
    "while",
    "although",
    "but",
    "and",
    "however",
    "meanwhile",
    "later",
    "earlier",
    "still",
    "yet",
    "also",
    "last",
    "this",
    "for",
    "with",
    "since",
    "as",
    "if",
    "despite",
    "under",
    "like",
    "instead",
    "now",
    "then",
    "today",
    "yesterday",
    "separately",
    "similarly",
    "indeed",
    "so",
    "by",
    "addressing",
    "writing",
    "responding",
    "appearing",
    "asked",
    "pressed",
    "following",
];

/// Words that begin an adjunct after a cue ("said on Monday", "said in Seoul"), not a content.
const ADJUNCTS: &[&str] = &[
    "in",
    "on",
    "at",
    "during",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "last",
    "this",
    "to",
    "after",
    "before",
    "late",
    "early",
    "earlier",
    "yesterday",
    "today",
    "tonight",
    "while",
    "when",
    "as",
    "before",
    "of",
    "about",
    "according",
    "with",
    "from",
    "through",
    "via",
    "afterward",
    "later",
    "recently",
    "then",
    "again",
    "also",
    "privately",
    "publicly",
    "repeatedly",
    "here",
    "there",
    "by",
    "over",
    "outside",
    "inside",
    "shortly",
    "next",
    "following",
];

/// Verbs that may come before their speaker ("…," said Trump).
const INVERTING: &[&str] = &[
    "said",
    "says",
    "added",
    "adds",
    "wrote",
    "writes",
    "reported",
    "reports",
    "asked",
    "asks",
    "explained",
    "noted",
    "continued",
    "recalled",
    "replied",
    "argued",
    "insisted",
    "tweeted",
    "warned",
    "stressed",
    "declared",
    "announced",
];

/// Verbs of stance whose object is what is attributed ("Cruz endorsed Trump", "called for
/// talks"): read speaker first only.
const STANCE: &[&str] = &[
    "called",
    "calls",
    "endorsed",
    "endorses",
    "criticized",
    "criticised",
    "criticizes",
    "criticises",
    "praised",
    "praises",
    "accused",
    "accuses",
    "described",
    "describes",
    "defended",
    "defends",
    "supported",
    "supports",
    "proposed",
    "rejected",
    "rejects",
    "blamed",
    "blames",
    "condemned",
    "condemns",
    "slammed",
    "slams",
    "questioned",
    "questions",
    "mocked",
    "attacked",
    "attacks",
    "blasted",
    "blasts",
    "dismissed",
    "dismisses",
    "welcomed",
    "welcomes",
    "backed",
    "backs",
    "opposed",
    "opposes",
    "announced",
    "touted",
    "touts",
    "hailed",
    "hails",
    "pledged",
    "demanded",
    "demands",
    "predicted",
    "recommended",
    "disputed",
    "disputes",
];

/// Pronouns that may name a speaker.
const PRONOUNS: &[&str] = &["he", "she", "they", "it", "we", "i", "you"];

/// Finds the attributions in `text`, in text order.
///
/// ```
/// use diplograph::draft::attribution::{find_attributions, Form};
/// let text = "\u{201c}We will win,\u{201d} Trump said.";
/// let found = find_attributions(text);
/// assert_eq!(found.len(), 1);
/// assert_eq!(&text[found[0].content[0].clone()], "\u{201c}We will win,\u{201d}");
/// assert_eq!(&text[found[0].speaker.clone().unwrap()], "Trump");
/// assert_eq!(&text[found[0].cue.clone()], "said");
/// assert_eq!(found[0].form, Form::Quote);
/// ```
pub fn find_attributions(text: &str) -> Vec<Attribution> {
    let reading = Reading::new(text);
    let mut out: Vec<Attribution> = Vec::new();
    let mut sentence_attr: Vec<Option<usize>> = Vec::with_capacity(reading.sentences.len());
    for (si, sentence) in reading.sentences.iter().enumerate() {
        let before = out.len();
        read_sentence(&reading, sentence.tokens.clone(), &mut out);
        if out.len() > before {
            sentence_attr.push(Some(before));
            continue;
        }
        if sentence.paragraph == 0 {
            if let Some(a) = headline(&reading, sentence.tokens.clone()) {
                out.push(a);
                sentence_attr.push(Some(before));
                continue;
            }
        }
        sentence_attr.push(None);
        // A quotation with no cue of its own continues the quote before it.
        if let Some(prev) = continued_attribution(&reading, si, &sentence_attr, &out) {
            let span = trimmed_span(&reading, sentence.tokens.clone());
            if !span.is_empty() {
                out[prev].content.push(span);
                out[prev].form = form_of(&reading, &out[prev].content);
                *sentence_attr.last_mut().unwrap_or(&mut None) = Some(prev);
            }
        }
    }
    resolve_antecedents(&reading, &mut out);
    out
}

/// A headline's attribution by colon: "Graham: Trump's Rhetoric Destroying GOP's Chance".
fn headline(reading: &Reading<'_>, range: Range<usize>) -> Option<Attribution> {
    let colon = range.clone().take(8).find(|&j| reading.word(j) == ":")?;
    let name = range.start..colon;
    let words = count_words(reading, name.clone());
    let named = (1..=6).contains(&words)
        && reading.is_capitalized(range.start)
        && !name.clone().any(|j| reading.tokens[j].quoted);
    if !named || count_words(reading, colon + 1..range.end) < 2 {
        return None;
    }
    let content = trimmed_span(reading, colon + 1..range.end);
    let mut a = attribution(
        reading,
        vec![content],
        colon..colon + 1,
        Some(name),
        CueClass::Speech,
    );
    a.confidence = 0.5;
    a.doubt = Some("a headline's \"Name: words\" read as what Name said");
    Some(a)
}

/// The attribution a cue-less sentence continues, if it is a quotation following a quoted
/// attribution in the same paragraph (or the paragraph just before, when it opens a quote).
fn continued_attribution(
    reading: &Reading<'_>,
    si: usize,
    sentence_attr: &[Option<usize>],
    out: &[Attribution],
) -> Option<usize> {
    let sentence = &reading.sentences[si];
    let first = sentence.tokens.start;
    if sentence.tokens.is_empty() || reading.tokens[first].kind != TokenKind::Open {
        return None;
    }
    let prev_si = si.checked_sub(1)?;
    let prev = sentence_attr[prev_si]?;
    let prev_para = reading.sentences[prev_si].paragraph;
    if prev_para + 1 < sentence.paragraph {
        return None;
    }
    let attribution = &out[prev];
    // The continued content must end the sentence it is in.
    let end = attribution.content.last()?.end;
    let sentence_end = reading.span(reading.sentences[prev_si].tokens.clone()).end;
    if sentence_end.saturating_sub(end) > 2 && attribution.cue.start < end {
        return None;
    }
    Some(prev)
}

fn lower<'r>(reading: &'r Reading<'_>, i: usize) -> &'r str {
    &reading.lower[i]
}

fn class_of(reading: &Reading<'_>, i: usize, range: &Range<usize>) -> Option<CueClass> {
    let t = &reading.tokens[i];
    if t.quoted || t.kind != TokenKind::Word {
        return None;
    }
    let w = lower(reading, i);
    // Most words are no cue at all: one look-up in the lexicon settles them.
    let &entry = lexicon().get(w)?;
    let prev = (i > range.start).then(|| lower(reading, i - 1));
    let next = (i + 1 < range.end).then(|| lower(reading, i + 1));
    if w == "according" {
        return (next == Some("to")).then_some(CueClass::According);
    }
    if w == "cited" && matches!(prev, Some("was" | "were" | "is" | "are")) {
        return Some(CueClass::Cited);
    }
    if entry == Lexeme::Participle {
        return (prev == Some(",") || prev == Some("\u{2014}")).then_some(CueClass::Participle);
    }
    let passive = matches!(
        prev,
        Some("to" | "was" | "were" | "been" | "be" | "being" | "is" | "are" | "the" | "a" | "an")
    );
    if passive {
        return None;
    }
    if entry == Lexeme::Speech {
        // "points"/"pointed" only with "out"; "say" not as a noun ("have a say").
        if matches!(w, "pointed" | "points") && next != Some("out") {
            return None;
        }
        return Some(CueClass::Speech);
    }
    match entry {
        Lexeme::Thought => Some(CueClass::Thought),
        Lexeme::Stance => Some(CueClass::Stance),
        _ => None,
    }
}

/// Which list of reporting words a word is in (the first list that has it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Lexeme {
    Participle,
    Speech,
    Thought,
    Stance,
    /// "according", "cited": read with the words around them.
    Frame,
}

/// Every reporting word, for one look-up per word.
fn lexicon() -> &'static rustc_hash::FxHashMap<&'static str, Lexeme> {
    static MAP: std::sync::OnceLock<rustc_hash::FxHashMap<&'static str, Lexeme>> =
        std::sync::OnceLock::new();
    MAP.get_or_init(|| {
        let mut map = rustc_hash::FxHashMap::default();
        for (list, lexeme) in [
            (PARTICIPLES, Lexeme::Participle),
            (SPEECH, Lexeme::Speech),
            (THOUGHT, Lexeme::Thought),
            (STANCE, Lexeme::Stance),
            (&["according", "cited"][..], Lexeme::Frame),
        ] {
            for w in list {
                map.entry(*w).or_insert(lexeme);
            }
        }
        map
    })
}

fn is_word(reading: &Reading<'_>, i: usize) -> bool {
    reading.tokens[i].kind == TokenKind::Word
}

fn count_words(reading: &Reading<'_>, range: Range<usize>) -> usize {
    range.filter(|&i| is_word(reading, i)).count()
}

/// The span of tokens `range` without trailing sentence punctuation outside quotes and without
/// leading commas, colons and dashes.
fn trimmed_span(reading: &Reading<'_>, range: Range<usize>) -> Range<usize> {
    let (mut a, mut b) = (range.start, range.end);
    while a < b
        && matches!(
            reading.word(a),
            "," | ":" | ";" | "\u{2014}" | "-" | "\u{2013}"
        )
    {
        a += 1;
    }
    while b > a {
        let t = &reading.tokens[b - 1];
        let w = reading.word(b - 1);
        let strip = (t.kind == TokenKind::Punct && !t.quoted && !matches!(w, ")" | "?" | "!"))
            || matches!(w, "," | ";" | ":" | "\u{2014}");
        if strip && t.kind != TokenKind::Close {
            b -= 1;
        } else {
            break;
        }
    }
    reading.span(a..b)
}

fn form_of(reading: &Reading<'_>, content: &[Range<usize>]) -> Form {
    let mut quoted = 0usize;
    let mut words = 0usize;
    for piece in content {
        let first = reading.tokens.partition_point(|t| t.start < piece.start);
        for t in reading.tokens[first..]
            .iter()
            .take_while(|t| t.end <= piece.end)
        {
            if t.kind == TokenKind::Word {
                words += 1;
                quoted += usize::from(t.quoted);
            }
        }
    }
    if words > 0 && quoted == words {
        Form::Quote
    } else if quoted > 0 {
        Form::Mixed
    } else {
        Form::Paraphrase
    }
}

/// The commonest reporting words: a sentence is read with these alone first, and with the
/// others only when these find nothing ("agreed …, Reuters reported" is Reuters' report).
const STRONG: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "reported",
    "reports",
    "wrote",
    "writes",
    "added",
    "adds",
    "tweeted",
    "asked",
    "announced",
    "stated",
    "declared",
    "according",
    "cited",
    "noted",
    "explained",
    "argued",
    "insisted",
    "warned",
    "stressed",
];

/// Reads one sentence's attributions.
fn read_sentence(reading: &Reading<'_>, range: Range<usize>, out: &mut Vec<Attribution>) {
    let before = out.len();
    read_cues(reading, range.clone(), out, true);
    if out.len() == before {
        read_cues(reading, range, out, false);
    }
}

fn read_cues(
    reading: &Reading<'_>,
    range: Range<usize>,
    out: &mut Vec<Attribution>,
    strong_only: bool,
) {
    let mut i = range.start;
    // Where the last attribution of this sentence ended (its last token), so that later cues
    // read only what is left.
    let mut consumed = range.start;
    let mut main: Option<usize> = None;
    while i < range.end {
        let Some(class) = class_of(reading, i, &range) else {
            i += 1;
            continue;
        };
        if strong_only && class != CueClass::Participle && !STRONG.contains(&lower(reading, i)) {
            i += 1;
            continue;
        }
        let found = match class {
            CueClass::According => according(reading, range.clone(), consumed, i, main, out),
            CueClass::Participle => participle(reading, range.clone(), i, main, out),
            CueClass::Cited => cited(reading, range.clone(), consumed, i),
            CueClass::Speech | CueClass::Thought | CueClass::Stance => {
                speech(reading, range.clone(), consumed, i, class)
            }
        };
        match found {
            Found::New(attribution, next) => {
                out.push(attribution);
                if main.is_none() {
                    main = Some(out.len() - 1);
                }
                consumed = next;
                i = next.max(i + 1);
            }
            Found::Absorbed(next) => {
                consumed = next;
                i = next.max(i + 1);
            }
            Found::Nothing => i += 1,
        }
    }
}

enum Found {
    New(Attribution, usize),
    Absorbed(usize),
    Nothing,
}

/// The cue's tokens: the verb with the auxiliaries before it and words that belong to it after
/// ("out", "for", "in a statement").
fn cue_extent(
    reading: &Reading<'_>,
    range: &Range<usize>,
    floor: usize,
    verb: usize,
) -> Range<usize> {
    let mut a = verb;
    while a > floor.max(range.start)
        && AUXILIARIES.contains(&lower(reading, a - 1))
        && !reading.tokens[a - 1].quoted
    {
        a -= 1;
    }
    let mut b = verb + 1;
    let w = lower(reading, verb);
    if b < range.end {
        let next = lower(reading, b);
        let takes = match next {
            "out" => matches!(w, "pointed" | "points"),
            "for" => matches!(w, "called" | "calls" | "calling"),
            "to" => matches!(w, "referring"),
            _ => false,
        };
        if takes {
            b += 1;
        }
    }
    // "said in a statement", "said in an interview with …" stay part of the cue.
    if b + 2 < range.end
        && lower(reading, b) == "in"
        && matches!(
            lower(reading, b + 1),
            "a" | "an" | "his" | "her" | "their" | "its"
        )
        && matches!(
            lower(reading, b + 2),
            "statement"
                | "interview"
                | "email"
                | "speech"
                | "tweet"
                | "release"
                | "letter"
                | "post"
                | "memo"
                | "op"
                | "press"
                | "written"
                | "radio"
                | "television"
                | "tv"
        )
    {
        b += 3;
    }
    a..b
}

/// Reads a subject back from `end` (exclusive) to the start of its clause, dropping
/// introductory phrases; `None` when there is none.
fn subject_before(reading: &Reading<'_>, floor: usize, end: usize) -> Option<Range<usize>> {
    let mut a = end;
    while a > floor {
        let t = &reading.tokens[a - 1];
        let w = lower(reading, a - 1);
        // A parenthesis inside the subject ("Kasich (who has 25 delegates) said") stays in it.
        if w == ")" {
            if let Some(open) = (floor..a - 1).rev().find(|&j| reading.word(j) == "(") {
                a = open;
                continue;
            }
        }
        if t.quoted || matches!(w, ";" | ":" | "(" | ")" | "\u{2014}" | "--") {
            break;
        }
        if CLAUSE_BOUNDARIES.contains(&w) {
            break;
        }
        a -= 1;
    }
    // Split what is left at commas; drop leading segments that introduce rather than name.
    let mut segments: Vec<Range<usize>> = Vec::new();
    let mut s = a;
    for j in a..end {
        if reading.word(j) == "," {
            segments.push(s..j);
            s = j + 1;
        }
    }
    segments.push(s..end);
    while segments.len() > 1 {
        let first = segments[0].clone();
        let intro = first.is_empty()
            || INTRODUCTIONS.contains(&lower(reading, first.start))
            || count_words(reading, first.clone()) > 10;
        if intro {
            segments.remove(0);
        } else {
            break;
        }
    }
    let mut start = segments.first().map_or(end, |r| r.start);
    // Leading conjunctions are not part of the speaker.
    while start < end && matches!(lower(reading, start), "and" | "but" | "so" | "yet" | "or") {
        start += 1;
    }
    // A very long subject keeps its last words.
    while count_words(reading, start..end) > 14 {
        start += 1;
    }
    (start < end && count_words(reading, start..end) > 0).then_some(start..end)
}

/// Reads an inverted speaker with all its description ("…," said Diana Orrock, an RNC
/// committeewoman from Nevada who openly supports Trump.) up to a quote, a semicolon or the
/// sentence's end.
fn speaker_to_end(reading: &Reading<'_>, start: usize, end: usize) -> Option<Range<usize>> {
    let mut b = start;
    while b < end {
        let t = &reading.tokens[b];
        if t.quoted || matches!(reading.word(b), ";" | ":") {
            break;
        }
        b += 1;
    }
    while b > start && matches!(reading.word(b - 1), "." | "," | "?" | "!") {
        b -= 1;
    }
    let words = count_words(reading, start..b);
    (words > 0 && words <= 45).then_some(start..b)
}

/// Reads a speaker forward from `start` to the end of the sentence or the next comma, colon
/// or quote (as in `said Trump, the nominee.` or `according to officials.`).
fn subject_after(reading: &Reading<'_>, start: usize, end: usize) -> Option<Range<usize>> {
    let mut b = start;
    let mut commas = 0;
    while b < end {
        let t = &reading.tokens[b];
        let w = reading.word(b);
        if t.quoted || matches!(w, ";" | ":" | "\u{2014}" | "." | "?" | "!") {
            break;
        }
        if w == "," {
            commas += 1;
            // An appositive after the name ("said Morris, a spokeswoman,") stays with it.
            let next_lower = (b + 1 < end).then(|| lower(reading, b + 1));
            if commas > 1 || !matches!(next_lower, Some("a" | "an" | "the" | "who" | "his" | "her"))
            {
                break;
            }
        }
        b += 1;
    }
    (b > start && count_words(reading, start..b) > 0 && count_words(reading, start..b) <= 16)
        .then_some(start..b)
}

/// The first token at or after `from` where a participle cue (", adding that") begins, so that
/// a content stops before it.
fn content_stop(reading: &Reading<'_>, range: &Range<usize>, from: usize) -> usize {
    for j in from..range.end {
        if reading.tokens[j].kind == TokenKind::Punct
            && reading.word(j) == ","
            && j + 1 < range.end
            && matches!(
                class_of(reading, j + 1, range),
                Some(CueClass::Participle | CueClass::According)
            )
        {
            return j;
        }
    }
    range.end
}

fn speaker_confidence(
    reading: &Reading<'_>,
    speaker: Option<&Range<usize>>,
) -> (f64, Option<&'static str>) {
    let Some(span) = speaker else {
        return (0.4, Some("no speaker named in the sentence"));
    };
    let words = &reading.text[span.clone()];
    let lower = words.to_lowercase();
    if PRONOUNS.contains(&lower.as_str()) {
        return (0.75, Some("speaker named by a pronoun"));
    }
    if words.chars().next().is_some_and(char::is_lowercase) {
        return (0.7, Some("speaker described, not named"));
    }
    (0.9, None)
}

fn attribution(
    reading: &Reading<'_>,
    content: Vec<Range<usize>>,
    cue: Range<usize>,
    speaker: Option<Range<usize>>,
    class: CueClass,
) -> Attribution {
    let speaker = speaker.map(|s| reading.span(s));
    let (mut confidence, mut doubt) = speaker_confidence(reading, speaker.as_ref());
    if matches!(class, CueClass::Thought | CueClass::Stance) {
        confidence *= 0.75;
        doubt = doubt.or(Some("a verb of thinking or wanting, not of saying"));
    }
    let form = form_of(reading, &content);
    if form == Form::Quote {
        confidence = (confidence + 0.05).min(1.0);
    }
    Attribution {
        content,
        cue: reading.span(cue),
        speaker,
        antecedent: None,
        via: Vec::new(),
        form,
        confidence: (confidence * 100.0).round() / 100.0,
        doubt,
    }
}

/// Where a content given after its cue begins: after the indirect object of "told" and the
/// like, and after a colon or comma.
fn content_start(
    reading: &Reading<'_>,
    range: &Range<usize>,
    verb_word: &str,
    from: usize,
) -> usize {
    let mut c = from;
    if matches!(
        verb_word,
        "told"
            | "tells"
            | "tell"
            | "telling"
            | "asked"
            | "asks"
            | "asking"
            | "warned"
            | "warns"
            | "warning"
            | "assured"
            | "reminded"
            | "urged"
            | "urges"
            | "urging"
    ) {
        // The person told ends at "that", a colon or comma, an opening quote, or after a short
        // noun phrase.
        let mut j = c;
        let limit = (c + 8).min(range.end);
        let mut stop = None;
        while j < limit {
            let w = lower(reading, j);
            if w == "that" || reading.tokens[j].kind == TokenKind::Open || matches!(w, ":" | ",") {
                stop = Some(j);
                break;
            }
            j += 1;
        }
        c = match stop {
            Some(j) => j,
            None => {
                // "told reporters the …", "told CNN the …": skip one name or noun.
                let mut k = c;
                while k < range.end && reading.is_capitalized(k) && !reading.tokens[k].quoted {
                    k += 1;
                }
                if k == c && k < range.end {
                    k += 1;
                }
                k
            }
        };
    }
    while c < range.end && matches!(reading.word(c), ":" | "," | "\u{2014}" | "-") {
        c += 1;
    }
    c
}

fn speech(
    reading: &Reading<'_>,
    range: Range<usize>,
    consumed: usize,
    verb: usize,
    class: CueClass,
) -> Found {
    let cue = cue_extent(reading, &range, consumed, verb);
    let verb_word = lower(reading, verb);
    // Is there content before the cue? Find the last comma or closing quote before it.
    let mut boundary = None;
    let mut j = cue.start;
    while j > consumed {
        let t = &reading.tokens[j - 1];
        if t.kind == TokenKind::Close || (reading.word(j - 1) == "," && !t.quoted) {
            boundary = Some(j - 1);
            break;
        }
        if t.quoted {
            break;
        }
        j -= 1;
    }
    // A speaker with an appositive after a quotation ("…," Sarandon, 69, told MSNBC): the
    // closing mark a few words back is the boundary, not the appositive's comma.
    if let Some(b) = boundary.filter(|&b| reading.tokens[b].kind != TokenKind::Close) {
        let mut k = b;
        while k > consumed && b - k < 12 {
            let t = &reading.tokens[k - 1];
            if t.kind == TokenKind::Close {
                boundary = Some(k - 1);
                break;
            }
            if t.quoted || matches!(reading.word(k - 1), "." | ";" | ":") {
                break;
            }
            k -= 1;
        }
    }
    let after_words = count_words(reading, cue.end..content_stop(reading, &range, cue.end));
    let next_word = (cue.end < range.end).then(|| lower(reading, cue.end));
    let opens_after = cue.end < range.end
        && (matches!(next_word, Some("that" | ":"))
            || reading.tokens[cue.end].kind == TokenKind::Open
            || (reading.word(cue.end) == ":" || reading.word(cue.end) == ",")
                && cue.end + 1 < range.end
                && reading.tokens[cue.end + 1].kind == TokenKind::Open);
    let closes = boundary.is_some_and(|b| {
        reading.tokens[b].kind == TokenKind::Close
            || (b > range.start && reading.tokens[b - 1].kind == TokenKind::Close)
    });
    if class == CueClass::Speech && (closes || !opens_after) {
        if let Some(b) = boundary {
            // Content before: a closing quote right before the speaker, or a comma after a
            // clause with the cue at the sentence's end.
            let mut speaker_tokens = b + 1..cue.start;
            while speaker_tokens.end > speaker_tokens.start
                && reading.word(speaker_tokens.end - 1) == ","
            {
                speaker_tokens.end -= 1;
            }
            let speaker_words = count_words(reading, speaker_tokens.clone());
            let content_words = count_words(reading, consumed..b);
            let tail_is_adjunct = next_word
                .is_none_or(|w| ADJUNCTS.contains(&w) || !w.chars().any(char::is_alphanumeric));
            let intro = count_words(reading, consumed..b) <= 6
                && INTRODUCTIONS.contains(&lower(reading, consumed))
                && !closes;
            let quoted_before = (consumed..b)
                .filter(|&j| is_word(reading, j) && reading.tokens[j].quoted)
                .count();
            let mostly_quoted = 2 * quoted_before >= content_words;
            let inverts = speaker_words == 0
                && INVERTING.contains(&verb_word)
                && !next_word.is_some_and(|w| ADJUNCTS.contains(&w))
                && speaker_to_end(reading, cue.end, range.end).is_some_and(|mut s| {
                    (closes || count_words(reading, s.clone()) <= 10)
                        && !s.any(|j| lower(reading, j) == "that")
                });
            let tail_is_short = inverts
                || speaker_words > 0
                    && (tail_is_adjunct || after_words == 0 || closes && mostly_quoted);
            if content_words >= 2 && speaker_words <= 10 && tail_is_short && !intro {
                let content_tokens = consumed..b + 1;
                let mut content = vec![trimmed_span(reading, content_tokens)];
                let (speaker, mut next) = if speaker_words == 0 {
                    // Inverted: "… said Trump."
                    match speaker_to_end(reading, cue.end, range.end) {
                        Some(s) => {
                            let e = s.end;
                            (Some(s), e)
                        }
                        None => (None, cue.end),
                    }
                } else {
                    (Some(speaker_tokens), cue.end)
                };
                // The content may go on after the cue: `"We will," he said, "and soon."`
                let mut k = next;
                while k < range.end && matches!(reading.word(k), "," | ":" | "\u{2014}") {
                    k += 1;
                }
                if k < range.end && reading.tokens[k].kind == TokenKind::Open {
                    let stop = content_stop(reading, &range, k);
                    let more = trimmed_span(reading, k..stop);
                    if !more.is_empty() {
                        content.push(more);
                    }
                    next = stop;
                }
                if content[0].is_empty() {
                    return Found::Nothing;
                }
                return Found::New(attribution(reading, content, cue, speaker, class), next);
            }
        }
    }
    // Speaker first: the subject before the cue, the content after it.
    let subject_floor = boundary.map_or(consumed, |b| {
        if reading.tokens[b].quoted {
            b + 1
        } else {
            consumed
        }
    });
    let speaker = subject_before(reading, subject_floor, cue.start);
    let start = content_start(reading, &range, verb_word, cue.end);
    let stop = content_stop(reading, &range, start);
    let content = trimmed_span(reading, start..stop);
    // A thought or stance needs a short subject with no verb of its own ("intelligence called
    // GSOMIA" has none: "Seoul already has a pact … called" is no speaker).
    if matches!(class, CueClass::Thought | CueClass::Stance) {
        let verbless = speaker.as_ref().is_some_and(|s| {
            count_words(reading, s.clone()) <= 12
                && !s.clone().any(|j| {
                    matches!(
                        lower(reading, j),
                        "has"
                            | "have"
                            | "had"
                            | "is"
                            | "are"
                            | "was"
                            | "were"
                            | "will"
                            | "would"
                            | "can"
                            | "could"
                            | "be"
                            | "been"
                    )
                })
        });
        if !verbless {
            return Found::Nothing;
        }
    }
    let least = if class == CueClass::Stance { 1 } else { 2 };
    if count_words(reading, start..stop) < least {
        return Found::Nothing;
    }
    // A thought verb needs a clause after it, not an object ("found the bill").
    if class == CueClass::Thought {
        let first = lower(reading, start);
        let needs_that = matches!(
            verb_word,
            "found"
                | "finds"
                | "show"
                | "shows"
                | "showed"
                | "knows"
                | "knew"
                | "learned"
                | "indicated"
                | "indicates"
                | "realized"
                | "understands"
        );
        let clause = first == "that"
            || first == "to"
            || reading.tokens[start].kind == TokenKind::Open
            || PRONOUNS.contains(&first)
            || !needs_that
                && matches!(
                    first,
                    "the" | "his" | "her" | "their" | "a" | "an" | "there" | "this"
                );
        if !clause {
            return Found::Nothing;
        }
    }
    if speaker.is_none() {
        return Found::Nothing;
    }
    Found::New(
        attribution(reading, vec![content], cue, speaker, class),
        stop,
    )
}

fn according(
    reading: &Reading<'_>,
    range: Range<usize>,
    consumed: usize,
    at: usize,
    main: Option<usize>,
    out: &mut [Attribution],
) -> Found {
    let cue = at..at + 2;
    let after = cue.end;
    // "…, X said, according to Yonhap": the outlet that carried the statement.
    if let Some(m) = main {
        if out[m].cue.end <= reading.tokens[at].start
            && out[m].cue.start >= reading.span(range.clone()).start
        {
            if let Some(s) = subject_after(reading, after, range.end) {
                out[m].via.push(reading.span(s.clone()));
                return Found::Absorbed(s.end);
            }
        }
    }
    let words_before = count_words(reading, consumed..at);
    let starts = words_before == 0
        || (consumed..at)
            .all(|j| !is_word(reading, j) || INTRODUCTIONS.contains(&lower(reading, j)));
    if starts {
        // "According to X, content."
        let mut k = after;
        while k < range.end && reading.word(k) != "," {
            k += 1;
        }
        if k >= range.end || k == after {
            return Found::Nothing;
        }
        let stop = content_stop(reading, &range, k + 1);
        let content = trimmed_span(reading, k + 1..stop);
        if content.is_empty() {
            return Found::Nothing;
        }
        let speaker = Some(after..k);
        return Found::New(
            attribution(reading, vec![content], cue, speaker, CueClass::According),
            stop,
        );
    }
    // "Content, according to X."
    let mut b = at;
    while b > consumed && reading.word(b - 1) == "," {
        b -= 1;
    }
    if count_words(reading, consumed..b) < 2 {
        return Found::Nothing;
    }
    let content = trimmed_span(reading, consumed..b);
    let speaker = subject_after(reading, after, range.end);
    let next = speaker.as_ref().map_or(after, |s| s.end);
    Found::New(
        attribution(reading, vec![content], cue, speaker, CueClass::According),
        next,
    )
}

fn participle(
    reading: &Reading<'_>,
    range: Range<usize>,
    at: usize,
    main: Option<usize>,
    out: &mut [Attribution],
) -> Found {
    let cue = cue_extent(reading, &range, at, at);
    let verb_word = lower(reading, at);
    let start = content_start(reading, &range, verb_word, cue.end);
    let stop = content_stop(reading, &range, start);
    if count_words(reading, start..stop) < 2 {
        return Found::Nothing;
    }
    let content = trimmed_span(reading, start..stop);
    let mut speaker = None;
    if let Some(m) = main {
        speaker = out[m].speaker.clone();
    }
    let mut found = attribution(reading, vec![content], cue, None, CueClass::Participle);
    match speaker {
        // The same speaker as the sentence's main attribution, whose words are cited there.
        Some(s) => {
            found.speaker = Some(s);
            found.confidence = (found.confidence.max(0.8) * 100.0).round() / 100.0;
            found.doubt = Some("speaker carried over from the main clause");
        }
        None => {
            // "Trump spoke Monday, saying …": the subject of the sentence.
            let subject =
                subject_before(reading, range.start, at.saturating_sub(1).max(range.start));
            if let Some(s) = subject {
                let s = first_noun_phrase(reading, s);
                found.speaker = Some(reading.span(s));
                found.confidence = 0.6;
                found.doubt = Some("speaker read as the subject of the sentence");
            }
        }
    }
    Found::New(found, stop)
}

/// The words before the first verb-like word of a subject clause ("Trump spoke Monday" →
/// "Trump"): the leading run of capitalized words, or the whole when there is none.
fn first_noun_phrase(reading: &Reading<'_>, s: Range<usize>) -> Range<usize> {
    let mut b = s.start;
    while b < s.end && (reading.is_capitalized(b) || matches!(reading.word(b), "." | "-")) {
        b += 1;
    }
    if b == s.start {
        s
    } else {
        s.start..b
    }
}

fn cited(reading: &Reading<'_>, range: Range<usize>, consumed: usize, at: usize) -> Found {
    // "X was cited by Y as saying (in a statement) …"
    let was = at - 1;
    let mut k = at + 1;
    if k >= range.end || lower(reading, k) != "by" {
        return Found::Nothing;
    }
    k += 1;
    let by = k;
    while k < range.end && lower(reading, k) != "as" {
        k += 1;
    }
    if k + 1 >= range.end || lower(reading, k + 1) != "saying" {
        return Found::Nothing;
    }
    let outlet = by..k;
    let saying = k + 1;
    let tail = cue_extent(reading, &range, saying, saying);
    let cue = was..tail.end;
    // Content before ("'…,' the ministry was cited …") or after.
    let mut boundary = None;
    let mut j = was;
    while j > consumed {
        let t = &reading.tokens[j - 1];
        if t.kind == TokenKind::Close || reading.word(j - 1) == "," {
            boundary = Some(j - 1);
            break;
        }
        j -= 1;
    }
    let (content, speaker, next) = match boundary {
        Some(b)
            if count_words(reading, consumed..b) >= 2
                && count_words(reading, cue.end..range.end) <= 3 =>
        {
            (
                trimmed_span(reading, consumed..b + 1),
                Some(b + 1..was),
                range.end,
            )
        }
        _ => {
            let start = content_start(reading, &range, "saying", cue.end);
            let stop = content_stop(reading, &range, start);
            (
                trimmed_span(reading, start..stop),
                subject_before(reading, consumed, was),
                stop,
            )
        }
    };
    if content.is_empty() {
        return Found::Nothing;
    }
    let mut found = attribution(reading, vec![content], cue, speaker, CueClass::Cited);
    found.via.push(reading.span(outlet));
    Found::New(found, next)
}

/// Honorifics before a surname that refer back to a full name.
const HONORIFICS: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "sen",
    "gov",
    "gen",
    "rep",
    "president",
    "secretary",
    "minister",
];

/// Gives pronoun and short-form speakers the earlier words that name them in full.
fn resolve_antecedents(reading: &Reading<'_>, out: &mut [Attribution]) {
    let text = reading.text;
    let mut last_named: Option<Range<usize>> = None;
    let mut named: Vec<Range<usize>> = Vec::new();
    for a in out.iter_mut() {
        let Some(span) = a.speaker.clone() else {
            continue;
        };
        let words = &text[span.clone()];
        let lower = words.to_lowercase();
        if PRONOUNS.contains(&lower.as_str()) {
            if matches!(lower.as_str(), "he" | "she") {
                a.antecedent = last_named.clone();
            }
            continue;
        }
        let parts: Vec<&str> = words.split_whitespace().collect();
        let short = parts.len() == 2
            && HONORIFICS.contains(&parts[0].trim_end_matches('.').to_lowercase().as_str());
        let single = parts.len() == 1 && words.chars().next().is_some_and(char::is_uppercase);
        if short || single {
            let surname = parts[parts.len() - 1];
            if let Some(full) = named
                .iter()
                .rev()
                .find(|r| {
                    let t = &text[(*r).clone()];
                    t.len() > surname.len() && t.split_whitespace().any(|w| w == surname)
                })
                .cloned()
            {
                a.antecedent = Some(full.clone());
                last_named = Some(full);
                continue;
            }
        }
        if words.chars().next().is_some_and(char::is_uppercase) {
            named.push(span.clone());
            last_named = Some(span);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (content pieces, cue, speaker) as words.
    fn read(text: &str) -> Vec<(Vec<&str>, &str, Option<&str>)> {
        find_attributions(text)
            .into_iter()
            .map(|a| {
                (
                    a.content.iter().map(|r| &text[r.clone()]).collect(),
                    &text[a.cue.clone()],
                    a.speaker.map(|s| &text[s]),
                )
            })
            .collect()
    }

    #[test]
    fn quote_then_speaker_then_cue() {
        assert_eq!(
            read("\u{201c}We will hold the line,\u{201d} Mr Han said."),
            vec![(
                vec!["\u{201c}We will hold the line,\u{201d}"],
                "said",
                Some("Mr Han")
            )]
        );
    }

    #[test]
    fn quote_then_inverted_cue_and_speaker() {
        assert_eq!(
            read("\"The talks are over,\" said the defence minister."),
            vec![(
                vec!["\"The talks are over,\""],
                "said",
                Some("the defence minister")
            )]
        );
    }

    #[test]
    fn speaker_then_cue_then_that_clause() {
        assert_eq!(
            read("The ministry said that the drills would go ahead."),
            vec![(
                vec!["that the drills would go ahead"],
                "said",
                Some("The ministry")
            )]
        );
    }

    #[test]
    fn paraphrase_with_cue_at_the_end() {
        assert_eq!(
            read("The drills will go ahead next month, officials said."),
            vec![(
                vec!["The drills will go ahead next month"],
                "said",
                Some("officials")
            )]
        );
    }

    #[test]
    fn quote_broken_by_the_cue() {
        assert_eq!(
            read("\u{201c}We are ready,\u{201d} she said, \u{201c}and we will not wait.\u{201d}"),
            vec![(
                vec![
                    "\u{201c}We are ready,\u{201d}",
                    "\u{201c}and we will not wait.\u{201d}"
                ],
                "said",
                Some("she")
            )]
        );
    }

    #[test]
    fn told_reporters_then_content() {
        assert_eq!(
            read("Carter told reporters the alliance was ironclad."),
            vec![(vec!["the alliance was ironclad"], "told", Some("Carter"))]
        );
    }

    #[test]
    fn colon_then_quote() {
        assert_eq!(
            read("Lu Yin warned: \u{201c}Pressure will not work.\u{201d}"),
            vec![(
                vec!["\u{201c}Pressure will not work.\u{201d}"],
                "warned",
                Some("Lu Yin")
            )]
        );
    }

    #[test]
    fn according_to_first() {
        assert_eq!(
            read("According to the ministry, the talks ended early."),
            vec![(
                vec!["the talks ended early"],
                "According to",
                Some("the ministry")
            )]
        );
    }

    #[test]
    fn according_to_last() {
        assert_eq!(
            read("The talks ended early, according to Yonhap."),
            vec![(
                vec!["The talks ended early"],
                "according to",
                Some("Yonhap")
            )]
        );
    }

    #[test]
    fn according_to_after_a_cue_is_the_outlet() {
        let text = "The allies will share data, Seoul's defence ministry said according to Yonhap.";
        let found = find_attributions(text);
        assert_eq!(found.len(), 1);
        assert_eq!(
            &text[found[0].speaker.clone().unwrap()],
            "Seoul's defence ministry"
        );
        assert_eq!(
            found[0]
                .via
                .iter()
                .map(|r| &text[r.clone()])
                .collect::<Vec<_>>(),
            vec!["Yonhap"]
        );
    }

    #[test]
    fn cited_by_an_agency_as_saying() {
        let text = "They agreed that \"the threat is real,\" the ministry was cited by Yonhap as saying in a statement.";
        let found = find_attributions(text);
        assert_eq!(found.len(), 1);
        assert_eq!(
            &text[found[0].cue.clone()],
            "was cited by Yonhap as saying in a statement"
        );
        assert_eq!(&text[found[0].speaker.clone().unwrap()], "the ministry");
        assert_eq!(
            &text[found[0].content[0].clone()],
            "They agreed that \"the threat is real,\""
        );
        assert_eq!(
            found[0]
                .via
                .iter()
                .map(|r| &text[r.clone()])
                .collect::<Vec<_>>(),
            vec!["Yonhap"]
        );
    }

    #[test]
    fn reported_with_the_outlet_as_speaker() {
        assert_eq!(
            read("Japan and South Korea agreed to add a hotline, Reuters reported."),
            vec![(
                vec!["Japan and South Korea agreed to add a hotline"],
                "reported",
                Some("Reuters")
            )]
        );
    }

    #[test]
    fn participle_adds_a_statement_by_the_same_speaker() {
        assert_eq!(
            read("Carter said the alliance was strong, adding that more drills would follow."),
            vec![
                (vec!["the alliance was strong"], "said", Some("Carter")),
                (
                    vec!["that more drills would follow"],
                    "adding",
                    Some("Carter")
                ),
            ]
        );
    }

    #[test]
    fn a_following_quote_continues_the_attribution() {
        let text = "\u{201c}We are ready,\u{201d} Carter said. \u{201c}We will not wait.\u{201d}\n\u{201c}Nor will our allies.\u{201d}";
        assert_eq!(
            read(text),
            vec![(
                vec![
                    "\u{201c}We are ready,\u{201d}",
                    "\u{201c}We will not wait.\u{201d}",
                    "\u{201c}Nor will our allies.\u{201d}"
                ],
                "said",
                Some("Carter")
            )]
        );
    }

    #[test]
    fn pronoun_and_surname_resolve_to_the_full_name() {
        let text = "Defence Minister Han Min Koo said the drills would go ahead. He said Seoul was ready. Mr Han said talks were over.";
        let found = find_attributions(text);
        let ante: Vec<Option<&str>> = found
            .iter()
            .map(|a| a.antecedent.clone().map(|r| &text[r]))
            .collect();
        assert_eq!(
            ante,
            vec![
                None,
                Some("Defence Minister Han Min Koo"),
                Some("Defence Minister Han Min Koo")
            ]
        );
    }

    #[test]
    fn auxiliaries_belong_to_the_cue() {
        assert_eq!(
            read("Clinton has also said that she would sign it."),
            vec![(
                vec!["that she would sign it"],
                "has also said",
                Some("Clinton")
            )]
        );
    }

    #[test]
    fn introductory_phrase_is_not_the_speaker() {
        assert_eq!(
            read("In a speech on Monday, Obama said the deal was good."),
            vec![(vec!["the deal was good"], "said", Some("Obama"))]
        );
    }

    #[test]
    fn a_thought_needs_a_clause() {
        assert_eq!(read("Investigators found the car."), vec![]);
        assert_eq!(
            read("Most voters think that the deal is bad."),
            vec![(vec!["that the deal is bad"], "think", Some("Most voters"))]
        );
    }

    #[test]
    fn two_apostrophes_make_a_quotation_mark() {
        assert_eq!(
            read("''It does give an advantage,'' Mr. Gingrich said."),
            vec![(
                vec!["''It does give an advantage,''"],
                "said",
                Some("Mr. Gingrich")
            )]
        );
    }

    #[test]
    fn a_parenthesis_stays_in_the_speaker() {
        assert_eq!(
            read("Kasich (who has 25 delegates) said it is possible."),
            vec![(
                vec!["it is possible"],
                "said",
                Some("Kasich (who has 25 delegates)")
            )]
        );
    }

    #[test]
    fn an_inverted_speaker_keeps_its_description() {
        assert_eq!(
            read("\u{201c}It is a concern,\u{201d} said Diana Orrock, a committeewoman from Nevada who supports Trump."),
            vec![(
                vec!["\u{201c}It is a concern,\u{201d}"],
                "said",
                Some("Diana Orrock, a committeewoman from Nevada who supports Trump")
            )]
        );
    }

    #[test]
    fn a_headline_name_and_colon() {
        assert_eq!(
            read("Graham: Trump Is Destroying the Party\n\nBody text."),
            vec![(vec!["Trump Is Destroying the Party"], ":", Some("Graham"))]
        );
    }

    #[test]
    fn a_stance_verb_attributes_its_object() {
        assert_eq!(
            read("Mr Blackwell endorsed Ted Cruz on Monday."),
            vec![(vec!["Ted Cruz on Monday"], "endorsed", Some("Mr Blackwell"))]
        );
    }

    #[test]
    fn a_speaker_with_an_appositive_after_a_quotation() {
        assert_eq!(
            read("\u{201c}It is a concern,\u{201d} Sarandon, 69, told MSNBC Monday when asked about it."),
            vec![(vec!["\u{201c}It is a concern,\u{201d}"], "told", Some("Sarandon, 69"))]
        );
    }
}
