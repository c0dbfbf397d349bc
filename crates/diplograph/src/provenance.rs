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
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
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

    /// Adds an intermediary (builder style).
    #[must_use]
    pub fn via(mut self, who: impl Into<String>) -> Self {
        self.via.push(who.into());
        self
    }

    /// A total order used to keep merged citation lists stable.
    pub(crate) fn sort_key(&self) -> (String, Option<Span>, Option<String>, Vec<String>, String) {
        (
            self.source.clone(),
            self.span,
            self.text.clone(),
            self.via.clone(),
            self.confidence.map(|c| format!("{c}")).unwrap_or_default(),
        )
    }
}

/// Adds the citations of `more` to `into` that it does not hold yet, keeping a stable order.
pub(crate) fn union_citations(into: &mut Vec<Citation>, more: &[Citation]) {
    for c in more {
        if !into.contains(c) {
            into.push(c.clone());
        }
    }
    into.sort_by_key(Citation::sort_key);
}
