//! Drafting a graph from a news report: the finders a draft is built from.
//!
//! [`names`] finds countries, organizations, titles and places by name; [`dates`] finds dates
//! and resolves relative ones against the report's date; [`agreements`] finds agreements with
//! their parties and lifecycle steps, and events with their dates and places. Every fact they
//! return carries the byte span of the words it comes from.

pub mod agreements;
pub mod dates;
pub mod names;
