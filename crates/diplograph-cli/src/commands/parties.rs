//! `diplograph parties` and `diplograph signatories`: who is bound by an agreement, and who
//! signed it.

use std::io::Write;

use diplograph::model::PartyRole;
use diplograph::query::{certain_only, NodeRef, Party};
use diplograph::time::PartialDate;
use diplograph::Graph;

use crate::failure::Failure;
use crate::render::{citations, date, node_ref, print_table, table, valid_cell, Human, Listing};

/// The agreement named `name`, as a node reference; an error when it is not an agreement.
fn agreement(g: &Graph, name: &str) -> Result<(diplograph::NodeIndex, NodeRef), Failure> {
    let ix = g.resolve_preferring(name, &[diplograph::model::NodeKind::Agreement])?;
    // The core's own answer when the node is not an agreement.
    g.agreement_state(ix, None)?;
    let node = g
        .node_at(ix)
        .map(NodeRef::from)
        .ok_or_else(|| diplograph::Error::NodeNotFound {
            name: name.to_owned(),
            hint: String::new(),
            suggestions: Vec::new(),
        })?;
    Ok((ix, node))
}

/// Runs `diplograph parties`.
pub(super) fn parties(
    g: &Graph,
    name: &str,
    on: Option<&PartialDate>,
    certain: bool,
    how: Listing,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    let (ix, node) = agreement(g, name)?;
    let mut found = g.parties(ix, on);
    if certain {
        found = certain_only(found);
    }
    let Some(found) = how.records_or_table(found, "parties", out)? else {
        return Ok(());
    };
    let mut human = Human::new(out);
    let out: &mut dyn Write = &mut human;
    let when = on.map_or_else(|| "ever".to_owned(), |d| format!("as of {d}"));
    if found.is_empty() {
        writeln!(out, "no party to {} {when}", node_ref(&node))?;
        return Ok(());
    }
    writeln!(out, "Parties to {}, {when}", node_ref(&node))?;
    let mut t = table(["party", "valid", "withdrew", "citations"]);
    for p in &found {
        t.add_row(vec![
            party_cell(p),
            valid_cell(&p.valid, &p.validity),
            match p.withdrew {
                Some(d) if p.withdrawal_derived => format!("{d} (derived: notice took effect)"),
                Some(d) => d.to_string(),
                None => String::new(),
            },
            citations(g, &p.citations),
        ]);
    }
    print_table(out, &t)?;
    writeln!(
        out,
        "{} part{}",
        found.len(),
        if found.len() == 1 { "y" } else { "ies" }
    )?;
    Ok(())
}

/// A party in words: `Name (id)`, its role when it is not a plain member (`[hub]`), and the
/// bodies that took part acting for it (`through Ministry of National Defense (kor-mnd)`).
fn party_cell(p: &Party) -> String {
    let mut out = node_ref(&p.party);
    if p.role != PartyRole::Member {
        out.push_str(&format!(" [{}]", p.role));
    }
    if !p.acting_bodies.is_empty() {
        let bodies: Vec<String> = p.acting_bodies.iter().map(node_ref).collect();
        out.push_str(&format!("\nthrough {}", bodies.join(", ")));
    }
    out
}

/// Runs `diplograph signatories`.
pub(super) fn signatories(
    g: &Graph,
    name: &str,
    how: Listing,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    let (ix, node) = agreement(g, name)?;
    let Some(found) = how.records_or_table(g.signatories(ix), "signatories", out)? else {
        return Ok(());
    };
    let mut human = Human::new(out);
    let out: &mut dyn Write = &mut human;
    if found.is_empty() {
        writeln!(out, "no signatory of {} is recorded", node_ref(&node))?;
        return Ok(());
    }
    writeln!(out, "Signatories of {}", node_ref(&node))?;
    let mut t = table(["person", "on behalf of", "date", "citations"]);
    for s in &found {
        t.add_row(vec![
            node_ref(&s.person),
            s.on_behalf_of.as_ref().map(node_ref).unwrap_or_default(),
            date(s.date.as_ref()),
            citations(g, &s.citations),
        ]);
    }
    print_table(out, &t)?;
    writeln!(
        out,
        "{} signator{}",
        found.len(),
        if found.len() == 1 { "y" } else { "ies" }
    )?;
    Ok(())
}
