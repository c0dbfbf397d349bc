//! `diplograph timeline`: dated events and agreement lifecycle steps, in order.

use std::io::Write;

use diplograph::query::{TimelineEntry, TimelineKind, TimelineQuery};
use diplograph::Graph;

use crate::failure::Failure;
use crate::render::{keep_whole, node_ref, print_table, table, Human, Listing};

/// Runs `diplograph timeline`.
pub(super) fn timeline(
    g: &Graph,
    query: &TimelineQuery,
    how: Listing,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    let Some(entries) = how.records_or_table(g.timeline(query), "entries", out)? else {
        return Ok(());
    };
    let mut human = Human::new(out);
    let out: &mut dyn Write = &mut human;
    if entries.is_empty() {
        writeln!(out, "nothing dated in this window")?;
        return Ok(());
    }
    // Conditions and notes get a column only when some entry has one.
    let words = |e: &TimelineEntry| match &e.what {
        TimelineKind::Statement { text, .. } => Some(text.clone()),
        _ => None,
    };
    let details = |e: &TimelineEntry| {
        [
            words(e),
            e.condition.as_ref().map(|c| format!("condition: {c}")),
            e.note.as_ref().map(|n| format!("note: {n}")),
        ]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join("; ")
    };
    let with_details = entries
        .iter()
        .any(|e| e.condition.is_some() || e.note.is_some() || words(e).is_some());
    let mut t = if with_details {
        table(["date", "what", "subject", "in window", "details"])
    } else {
        table(["date", "what", "subject", "in window"])
    };
    // A statement's description names its speakers: then the description may wrap.
    if entries.iter().any(|e| words(e).is_some()) {
        keep_whole(&mut t, &[0, 3]);
    } else {
        keep_whole(&mut t, &[0, 1, 3]);
    }
    for e in &entries {
        let when = match e.end {
            Some(end) if end != e.date => format!("{} – {end}", e.date),
            _ => e.date.to_string(),
        };
        let mut row = vec![
            when,
            e.description.clone(),
            node_ref(&e.subject),
            e.within.as_str().to_owned(),
        ];
        if with_details {
            row.push(details(e));
        }
        t.add_row(row);
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
