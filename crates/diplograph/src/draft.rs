//! Drafting a graph from a news report: `draft(text, options)` reads the report and returns a
//! cited draft graph and the notes a person should review.

pub mod attribution;
mod text;
