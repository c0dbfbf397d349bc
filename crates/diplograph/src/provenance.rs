//! Where a fact comes from: citations into sources, with the chain of intermediaries.

use std::fmt;

use serde::{Deserialize, Serialize};

/// A half-open byte range `[start, end)` into a source's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(from = "[usize; 2]", into = "[usize; 2]")]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl From<[usize; 2]> for Span {
    fn from([start, end]: [usize; 2]) -> Self {
        Span { start, end }
    }
}

impl From<Span> for [usize; 2] {
    fn from(s: Span) -> Self {
        [s.start, s.end]
    }
}

impl fmt::Display for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{}", self.start, self.end)
    }
}

impl Span {
    /// The text this span covers in `text`, if it lies inside and on character boundaries.
    pub fn slice<'t>(&self, text: &'t str) -> Option<&'t str> {
        if self.start > self.end {
            return None;
        }
        text.get(self.start..self.end)
    }
}

/// A citation: which source says it, where in its text, through whom, and how sure we are.
///
/// ```
/// use diplograph::provenance::{Citation, Span};
/// let c = Citation::new("st-2016-06-04").with_span(Span { start: 0, end: 2 }).via("yonhap");
/// assert_eq!(c.via, ["yonhap"]);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Citation {
    /// The id of the source node.
    pub source: String,
    /// The byte span of the sentence (or words) in the source's text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub span: Option<Span>,
    /// The words the span covers, when written out; checked against the source's text.
    ///
    /// Given without a `span`, the words find their span: when the source holds its text, the
    /// loaders (and [`crate::Graph::add_node`] / [`crate::Graph::relate`], when the source is
    /// already in the graph) look the words up, byte for byte, and set `span` to where they
    /// are. See [`locate_text`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// Which match of `text` is meant when the words occur more than once in the source's
    /// text, counting from 1 in text order. Only with `text` and without `span`; once the span
    /// is found, it says exactly where and `occurrence` is dropped.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub occurrence: Option<u32>,
    /// The intermediaries between the fact and the source, nearest the fact first
    /// (ids: `["yonhap"]` for "… Seoul's defence ministry said according to Yonhap").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub via: Vec<String>,
    /// How sure the citer is that the source supports the fact, from 0 to 1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence: Option<f64>,
}

impl Citation {
    /// A citation of a whole source.
    pub fn new(source: impl Into<String>) -> Self {
        Citation {
            source: source.into(),
            span: None,
            text: None,
            occurrence: None,
            via: Vec::new(),
            confidence: None,
        }
    }

    /// Points the citation at a span (builder style).
    #[must_use]
    pub fn with_span(mut self, span: Span) -> Self {
        self.span = Some(span);
        self
    }

    /// Gives the words cited (builder style); without a span, they find it (see
    /// [`Citation::text`]).
    ///
    /// ```
    /// use diplograph::provenance::Citation;
    /// let c = Citation::new("st").with_text("Seoul").with_occurrence(2);
    /// assert_eq!((c.text.as_deref(), c.occurrence), (Some("Seoul"), Some(2)));
    /// ```
    #[must_use]
    pub fn with_text(mut self, text: impl Into<String>) -> Self {
        self.text = Some(text.into());
        self
    }

    /// Picks the `n`th match (from 1) of the cited words (builder style).
    #[must_use]
    pub fn with_occurrence(mut self, n: u32) -> Self {
        self.occurrence = Some(n);
        self
    }

    /// Adds an intermediary (builder style).
    #[must_use]
    pub fn via(mut self, who: impl Into<String>) -> Self {
        self.via.push(who.into());
        self
    }

    /// A total order used to keep merged citation lists stable.
    pub(crate) fn sort_key(&self) -> SortKey {
        (
            self.source.clone(),
            self.span,
            self.text.clone(),
            self.occurrence,
            self.via.clone(),
            self.confidence.map(|c| format!("{c}")).unwrap_or_default(),
        )
    }
}

/// A citation's fields in [`Citation::sort_key`] order: source, span, text, occurrence,
/// intermediaries, confidence.
pub(crate) type SortKey = (
    String,
    Option<Span>,
    Option<String>,
    Option<u32>,
    Vec<String>,
    String,
);

/// Adds the citations of `more` to `into` that it does not hold yet, keeping a stable order.
pub(crate) fn union_citations(into: &mut Vec<Citation>, more: &[Citation]) {
    for c in more {
        if !into.contains(c) {
            into.push(c.clone());
        }
    }
    into.sort_by_key(Citation::sort_key);
}

/// Where cited words are in a source's text: the answer of [`locate_text`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Located {
    /// The words are there, at this span (the only match, or the one `occurrence` picks).
    Found(Span),
    /// The words are not in the text. `near` is where they are when case and spacing are
    /// ignored, if anywhere (the first such place), to help fix the citation.
    NotFound {
        /// A match ignoring case and runs of whitespace, if any.
        near: Option<Span>,
    },
    /// The words occur more than once and no `occurrence` picks one.
    Ambiguous {
        /// The first matches, in text order (at most [`MATCHES_SHOWN`]).
        first: Vec<Span>,
        /// How many matches there are, counted up to [`MAX_OCCURRENCE`] + 1 (more than
        /// [`MAX_OCCURRENCE`] when that).
        count: usize,
    },
    /// The `occurrence` asked for is past the last match.
    PastLast {
        /// How many matches there are.
        count: usize,
    },
}

/// The largest `occurrence` a citation may name; words are not counted past it, so a
/// hostile text of one repeated letter costs no more than this many matches.
pub const MAX_OCCURRENCE: u32 = 10_000;

/// How many matches [`Located::Ambiguous`] keeps to show.
pub const MATCHES_SHOWN: usize = 5;

/// Finds `words` in `text`: every place they start, overlapping places included, matched
/// byte for byte (case and whitespace count: `"Seoul  and"` does not match `"Seoul and"`).
/// `occurrence` (from 1) picks one match among several; without it, the words must occur once.
/// Matches are counted up to [`MAX_OCCURRENCE`] + 1; an `occurrence` of 0 or above
/// [`MAX_OCCURRENCE`] finds nothing ([`Located::PastLast`] after the first match).
///
/// Cost: one pass over `text`, plus at most the length of `words` per match counted.
///
/// ```
/// use diplograph::provenance::{locate_text, Located, Span};
/// let text = "Seoul and Tokyo; then Seoul again.";
/// assert_eq!(locate_text(text, "Tokyo", None), Located::Found(Span { start: 10, end: 15 }));
/// assert_eq!(locate_text(text, "Seoul", Some(2)), Located::Found(Span { start: 22, end: 27 }));
/// assert!(matches!(locate_text(text, "Seoul", None), Located::Ambiguous { count: 2, .. }));
/// assert_eq!(locate_text(text, "Seoul", Some(3)), Located::PastLast { count: 2 });
/// assert_eq!(
///     locate_text(text, "seoul AND tokyo", None),
///     Located::NotFound { near: Some(Span { start: 0, end: 15 }) }
/// );
/// ```
pub fn locate_text(text: &str, words: &str, occurrence: Option<u32>) -> Located {
    if words.is_empty() {
        return Located::NotFound { near: None };
    }
    // An occurrence the rules refuse (0, or past the cap) is looked for no further than the
    // first match.
    let wanted = occurrence.filter(|n| (1..=MAX_OCCURRENCE).contains(n));
    let stop = MAX_OCCURRENCE as usize + 1;
    let mut first = Vec::new();
    let mut count = 0usize;
    let mut from = 0;
    while let Some(at) = text.get(from..).and_then(|rest| rest.find(words)) {
        let start = from + at;
        let span = Span {
            start,
            end: start + words.len(),
        };
        count += 1;
        if wanted.is_some_and(|n| n as usize == count) {
            return Located::Found(span);
        }
        if first.len() < MATCHES_SHOWN {
            first.push(span);
        }
        if count >= stop || (occurrence.is_some() && wanted.is_none()) {
            break;
        }
        // The next place a match may start: one character on (overlaps count).
        from = start + text[start..].chars().next().map_or(1, char::len_utf8);
    }
    match (count, occurrence, first.first()) {
        (0, _, _) | (_, _, None) => Located::NotFound {
            near: loose_match(text, words),
        },
        (count, Some(_), _) => Located::PastLast { count },
        (1, None, Some(&span)) => Located::Found(span),
        (count, None, _) => Located::Ambiguous { first, count },
    }
}

/// The most words a near match is looked for with.
const LOOSE_WORDS: usize = 64;

/// The first place `words` match `text` ignoring case and treating any run of whitespace as
/// one: only to say where the words nearly are.
fn loose_match(text: &str, words: &str) -> Option<Span> {
    let want: Vec<String> = words.split_whitespace().map(str::to_lowercase).collect();
    // Only a hint: not worth more than a pass over the text with a few words compared.
    if want.is_empty() || want.len() > LOOSE_WORDS {
        return None;
    }
    // Every word of the text with its byte range.
    let mut tokens: Vec<(usize, usize, String)> = Vec::new();
    let mut start = None;
    for (i, ch) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        match (ch.is_whitespace(), start) {
            (false, None) => start = Some(i),
            (true, Some(s)) => {
                tokens.push((s, i, text[s..i].to_lowercase()));
                start = None;
            }
            _ => {}
        }
    }
    let n = want.len();
    let (Some(head), Some(tail)) = (want.first(), want.last()) else {
        return None;
    };
    let middle = want.get(1..n.saturating_sub(1)).unwrap_or_default();
    for window in tokens.windows(n) {
        let (Some(first), Some(last)) = (window.first(), window.last()) else {
            continue;
        };
        let span = if n == 1 {
            // One word: anywhere inside a word of the text.
            first.2.find(head.as_str()).map(|at| Span {
                start: first.0 + at,
                end: first.0 + at + head.len(),
            })
        } else {
            // Inner words whole; the first may end, and the last may start, the cited words.
            let inner_ok = || {
                let inner = window.get(1..n - 1).unwrap_or_default();
                inner.iter().zip(middle).all(|(t, w)| t.2 == *w)
            };
            (first.2.ends_with(head.as_str()) && last.2.starts_with(tail.as_str()) && inner_ok())
                .then(|| Span {
                    start: first.0 + (first.2.len() - head.len()),
                    end: last.0 + tail.len(),
                })
        };
        // Lowercasing may change lengths (rare scripts): only report a span that is one.
        if let Some(span) = span.filter(|s| s.slice(text).is_some()) {
            return Some(span);
        }
    }
    None
}
