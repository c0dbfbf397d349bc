//! `diplograph holders`: who held an office, found by its title, its body, or both.

use std::io::Write;

use diplograph::model::NodeKind;
use diplograph::query::{certain_only, Office, OfficeQuery};
use diplograph::time::PartialDate;
use diplograph::Graph;

use crate::failure::Failure;
use crate::render::{citations, node_ref, print_table, table, valid_cell, Human, Listing, Table};

/// Runs `diplograph holders`: `office` is a body (every office in it) or a title; with
/// `body`, `office` is a title and the offices are those in `body`.
pub(super) fn holders(
    g: &Graph,
    office: &str,
    body: Option<&str>,
    on: Option<&PartialDate>,
    certain: bool,
    how: Listing,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    let mut found = match body {
        None => g.office_holders(office, on)?,
        Some(body) => {
            let ix = g.resolve_preferring(body, &[NodeKind::Organization, NodeKind::Country])?;
            let kind = g.node_at(ix).map(|n| n.kind());
            if !matches!(kind, Some(NodeKind::Organization | NodeKind::Country)) {
                return Err(Failure::Core(diplograph::Error::NodeNotFound {
                    name: body.to_owned(),
                    hint: format!(
                        " among organizations and countries, where offices are (it is a {})",
                        kind.map_or("node", NodeKind::as_str)
                    ),
                    suggestions: Vec::new(),
                }));
            }
            let query = OfficeQuery {
                title: Some(office.to_owned()),
                body: Some(ix),
            };
            g.holders(&query, on)
        }
    };
    if certain {
        found = certain_only(found);
    }
    let Some(found) = how.records_or_table(found, "holders", out)? else {
        return Ok(());
    };
    let mut human = Human::new(out);
    let out: &mut dyn Write = &mut human;
    let when = on.map_or_else(|| "ever".to_owned(), |d| format!("as of {d}"));
    if found.is_empty() {
        writeln!(out, "no one is known to have held `{office}` {when}")?;
        return Ok(());
    }
    print_table(out, &offices_table(g, &found))?;
    writeln!(out, "{} holder(s) {when}", found.len())?;
    Ok(())
}

/// The table of offices, shared with `as-of`.
pub(super) fn offices_table(g: &Graph, offices: &[Office]) -> Table {
    let mut t = table(["person", "title", "in", "valid", "citations"]);
    for o in offices {
        t.add_row(vec![
            node_ref(&o.person),
            o.title.clone(),
            node_ref(&o.organization),
            valid_cell(&o.valid, &o.validity),
            citations(g, &o.citations),
        ]);
    }
    t
}
