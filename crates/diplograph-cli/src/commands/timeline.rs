//! `diplograph timeline`: dated events and agreement lifecycle steps, in order.

use std::io::Write;

use diplograph::query::{TimelineEntry, TimelineQuery};
use diplograph::Graph;

use crate::failure::Failure;
use crate::render::{keep_whole, node_ref, print_json, print_table, table, Human};

/// Runs `diplograph timeline`.
pub(super) fn timeline(
    g: &Graph,
    query: &TimelineQuery,
    json: bool,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    let entries: Vec<TimelineEntry> = g.timeline(query);
    if json {
        return Ok(print_json(out, &entries)?);
    }
    let mut human = Human::new(out);
    let out: &mut dyn Write = &mut human;
    if entries.is_empty() {
        writeln!(out, "nothing dated in this window")?;
        return Ok(());
    }
    let mut t = table(["date", "what", "subject", "in window"]);
    keep_whole(&mut t, &[0, 1, 3]);
    for e in &entries {
        let when = match e.end {
            Some(end) if end != e.date => format!("{} – {end}", e.date),
            _ => e.date.to_string(),
        };
        t.add_row(vec![
            when,
            e.description.clone(),
            node_ref(&e.subject),
            e.within.as_str().to_owned(),
        ]);
    }
    print_table(out, &t)?;
    writeln!(
        out,
        "{} entr{}",
        entries.len(),
        if entries.len() == 1 { "y" } else { "ies" }
    )?;
    Ok(())
}
