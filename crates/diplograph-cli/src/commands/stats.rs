//! `diplograph stats`: counts by kind, the span of dates and the sources.

use std::io::Write;

use diplograph::Graph;

use crate::failure::Failure;
use crate::render::{date, print_json, print_table, table, Human};

/// Runs `diplograph stats`.
pub(super) fn stats(g: &Graph, json: bool, out: &mut dyn Write) -> Result<(), Failure> {
    let s = g.stats();
    if json {
        return Ok(print_json(out, &s)?);
    }
    let mut human = Human::new(out);
    let out: &mut dyn Write = &mut human;
    if let Some(t) = &s.title {
        writeln!(out, "{t}")?;
    }
    writeln!(
        out,
        "{} nodes, {} edges; dates from {} to {}",
        s.nodes,
        s.edges,
        date(s.first_date.as_ref()),
        date(s.last_date.as_ref())
    )?;
    let mut t = table(["node kind", "count"]);
    for (k, n) in &s.nodes_by_kind {
        t.add_row(vec![k.to_string(), n.to_string()]);
    }
    print_table(out, &t)?;
    let mut t = table(["edge kind", "count"]);
    for (k, n) in &s.edges_by_kind {
        t.add_row(vec![k.to_string(), n.to_string()]);
    }
    print_table(out, &t)?;
    let mut t = table(["source", "name", "date", "citations", "url"]);
    for src in &s.sources {
        t.add_row(vec![
            src.source.id.clone(),
            src.source.name.clone(),
            date(src.date.as_ref()),
            src.citations.to_string(),
            src.url.clone().unwrap_or_default(),
        ]);
    }
    print_table(out, &t)?;
    Ok(())
}
