//! `diplograph statements`: who said what, about whom, and how we know it.

use std::io::Write;

use diplograph::query::{NodeRef, StatementInfo, StatementQuery};
use diplograph::Graph;

use crate::failure::Failure;
use crate::render::{
    keep_whole, print_records, print_table, statement_date, table, Form, Human, Listing, Table,
};

/// The table of statements, shared with `show`.
pub(super) fn statements_table(g: &Graph, list: &[StatementInfo]) -> Table {
    let _ = g;
    let mut t = table(["statement", "date", "words", "how we know it", "disputes"]);
    keep_whole(&mut t, &[0, 1]);
    for s in list {
        let words = if s.is_quote {
            format!("“{}”", s.text)
        } else {
            s.text.clone()
        };
        let mut rel = Vec::new();
        if !s.disputes.is_empty() {
            rel.push(format!("disputes {}", ids(&s.disputes)));
        }
        if !s.disputed_by.is_empty() {
            rel.push(format!("disputed by {}", ids(&s.disputed_by)));
        }
        t.add_row(vec![
            s.statement.id.clone(),
            statement_date(s),
            words,
            how_we_know(s),
            rel.join("\n"),
        ]);
    }
    t
}

/// The attribution: one chain in words, or each parallel chain on a line of its own
/// (`chain 2: …`); then the reporting words, when recorded (`cue: “told reporters”`).
pub(super) fn how_we_know(s: &StatementInfo) -> String {
    let mut lines: Vec<String> = match s.attribution.chains.as_slice() {
        [_, _, ..] => s
            .attribution
            .chains
            .iter()
            .map(|c| format!("chain {}: {}", c.chain, c.text))
            .collect(),
        _ => vec![s.attribution.text.clone()],
    };
    if let Some(cue) = &s.cue {
        lines.push(format!("cue: “{}”", cue.words));
    }
    lines.join("\n")
}

fn ids(refs: &[NodeRef]) -> String {
    refs.iter()
        .map(|r| r.id.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Runs `diplograph statements`.
pub(super) fn statements(
    g: &Graph,
    query: &StatementQuery,
    how: Listing,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    let found = how.limited(g.statements(query), "statements");
    if how.form != Form::Human {
        return Ok(print_records(out, how.form, &found)?);
    }
    let mut human = Human::new(out);
    let out: &mut dyn Write = &mut human;
    if found.is_empty() {
        writeln!(out, "no statement matches")?;
        return Ok(());
    }
    print_table(out, &statements_table(g, &found))?;
    writeln!(out, "{} statement(s)", found.len())?;
    Ok(())
}
