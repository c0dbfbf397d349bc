//! Drafting a graph from a news report.
//!
//! [`draft`] reads a report's text and returns a [`Draft`]: a valid native [`Graph`] — a source
//! node holding the full text, the speakers and outlets it names, and a statement for each
//! attribution with its speaker (`said`), its reporting words (`cue`) and its chain
//! (`reported_by`: the agency that carried it, then the publisher) — where every drafted node,
//! edge and statement cites the words it comes from with a `confidence`; and the review notes a
//! person should check, most doubtful first. Nothing is looked up outside the text and the
//! built-in tables: the same text and options give the same draft, byte for byte.
//!
//! ```
//! use diplograph::draft::{draft, DraftOptions};
//! let text = "Japan and South Korea agreed to add a hotline, Reuters reported.\n\
//!             \u{201c}We will not wait,\u{201d} Mr Han said.";
//! let options = DraftOptions { date: Some("2016-06-04".parse().unwrap()), ..DraftOptions::default() };
//! let drafted = draft(text, &options);
//! assert!(drafted.graph.validate().is_empty());
//! assert_eq!(drafted.statements.len(), 2);
//! let reuters = drafted.graph.lookup("Reuters").unwrap();
//! assert_eq!(reuters.kind(), diplograph::NodeKind::Organization);
//! ```
//!
//! The parts: [`attribution`] finds who said what; [`names`] finds countries, organizations,
//! titles and places by name; [`dates`] finds dates and resolves relative ones against the
//! report's date; [`agreements`] finds agreements with their parties and lifecycle steps, and
//! events; the assembly (private) turns them into nodes and edges, resolves speakers to one
//! another ("Mr Han", "he") and to an existing graph (`into`).

use std::ops::Range;

use crate::graph::Graph;
use crate::time::PartialDate;

pub mod agreements;
mod assemble;
pub mod attribution;
pub mod dates;
pub mod names;
mod text;

/// What the caller knows of the report.
#[derive(Debug, Clone, Default)]
pub struct DraftOptions<'g> {
    /// The report's date: the source's date, and the date of statements the text does not date.
    pub date: Option<PartialDate>,
    /// The report's title (the source node's name); the first line of the text when absent.
    pub title: Option<String>,
    /// Where the report can be found.
    pub url: Option<String>,
    /// Who published it ("The Straits Times"): an organization, the last link of every chain.
    pub publisher: Option<String>,
    /// The source node's id; one is made from the title and date when absent. Give distinct
    /// ids when several reports are drafted into one graph.
    pub source_id: Option<String>,
    /// An existing graph to resolve mentions against: a speaker or outlet it knows by id, name,
    /// alias or ISO code keeps its id there, so the draft merges into it.
    pub into: Option<&'g Graph>,
}

/// A drafted report: the graph, the attributions behind its statements and what to review.
#[derive(Debug, Clone)]
pub struct Draft {
    /// The draft graph; it validates with no problem.
    pub graph: Graph,
    /// Each statement drafted, with the spans it was read from, in text order.
    pub statements: Vec<DraftedStatement>,
    /// What a person should check, most doubtful first.
    pub notes: Vec<ReviewNote>,
}

/// A statement drafted from an attribution, with byte spans into the report's text.
#[derive(Debug, Clone, PartialEq)]
pub struct DraftedStatement {
    /// The statement node's id in the draft graph.
    pub id: String,
    /// The content's pieces.
    pub content: Vec<Range<usize>>,
    /// The reporting words.
    pub cue: Range<usize>,
    /// The words naming the speaker at that point, if any.
    pub speaker: Option<Range<usize>>,
    /// The id of the speaker's node, if any.
    pub speaker_id: Option<String>,
    /// How sure the draft is, from 0 to 1.
    pub confidence: f64,
}

/// Something in the draft a person should check.
#[derive(Debug, Clone, PartialEq)]
pub struct ReviewNote {
    /// The words concerned (byte span into the report's text).
    pub span: Range<usize>,
    /// The id of the drafted node concerned, if any.
    pub id: Option<String>,
    /// How sure the draft is, from 0 to 1 (notes sort by it, lowest first).
    pub confidence: f64,
    /// What is doubtful, in words.
    pub reason: String,
}

/// Drafts a graph from a report's `text` (see the [module documentation](self)).
pub fn draft(text: &str, options: &DraftOptions<'_>) -> Draft {
    assemble::assemble(text, options)
}
