//! `diplograph as-of`: the state of the world on a date.

use std::io::Write;

use diplograph::query::{certain_only, AgreementLink, Membership, Office};
use diplograph::time::PartialDate;
use diplograph::Graph;
use serde::Serialize;

use crate::failure::Failure;
use crate::render::{
    node_ref, node_refs, print_json, print_json_line, print_table, state, table, valid_cell, Form,
    Human,
};

/// The answer of `as-of` as one JSON document.
#[derive(Serialize)]
struct World<'a> {
    date: PartialDate,
    agreements: &'a [AgreementLink],
    offices: &'a [Office],
    memberships: &'a [Membership],
}

/// One record of `as-of --jsonl`: the section it belongs to, then the record's own fields.
#[derive(Serialize)]
struct Record<'a, T> {
    section: &'static str,
    #[serde(flatten)]
    record: &'a T,
}

/// Runs `diplograph as-of`.
pub(super) fn as_of(
    g: &Graph,
    date: PartialDate,
    certain: bool,
    form: Form,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    let view = g.as_of(date);
    let (mut agreements, mut offices, mut memberships) =
        (view.agreements(), view.offices(), view.memberships());
    if certain {
        agreements = certain_only(agreements);
        offices = certain_only(offices);
        memberships = certain_only(memberships);
    }
    // By state, then id.
    agreements
        .sort_by(|a, b| (a.state.state, &a.agreement.id).cmp(&(b.state.state, &b.agreement.id)));
    match form {
        Form::Json => {
            let world = World {
                date,
                agreements: &agreements,
                offices: &offices,
                memberships: &memberships,
            };
            return Ok(print_json(out, &world)?);
        }
        Form::Jsonl => {
            for record in &agreements {
                print_json_line(
                    out,
                    &Record {
                        section: "agreement",
                        record,
                    },
                )?;
            }
            for record in &offices {
                print_json_line(
                    out,
                    &Record {
                        section: "office",
                        record,
                    },
                )?;
            }
            for record in &memberships {
                print_json_line(
                    out,
                    &Record {
                        section: "membership",
                        record,
                    },
                )?;
            }
            return Ok(());
        }
        Form::Human => {}
    }
    let mut human = Human::new(out);
    let out: &mut dyn Write = &mut human;
    writeln!(
        out,
        "As of {date}: {} agreement(s), {} office(s), {} membership(s){}",
        agreements.len(),
        offices.len(),
        memberships.len(),
        if certain { " that certainly held" } else { "" }
    )?;
    if !agreements.is_empty() {
        writeln!(out, "\nAgreements, by state")?;
        let mut t = table(["state", "agreement", "parties"]);
        for a in &agreements {
            t.add_row(vec![
                state(&a.state),
                format!("{} ({})\n{}", a.agreement.name, a.kind, a.agreement.id),
                node_refs(&a.parties),
            ]);
        }
        print_table(out, &t)?;
    }
    if !offices.is_empty() {
        writeln!(out, "\nOffices")?;
        let mut t = table(["person", "title", "in", "valid"]);
        for o in &offices {
            t.add_row(vec![
                node_ref(&o.person),
                o.title.clone(),
                node_ref(&o.organization),
                valid_cell(&o.valid, &o.validity),
            ]);
        }
        print_table(out, &t)?;
    }
    if !memberships.is_empty() {
        writeln!(out, "\nMemberships")?;
        let mut t = table(["member", "relation", "of", "valid"]);
        for m in &memberships {
            t.add_row(vec![
                node_ref(&m.member),
                m.kind.to_string(),
                node_ref(&m.of),
                valid_cell(&diplograph::Interval::default(), &m.validity),
            ]);
        }
        print_table(out, &t)?;
    }
    Ok(())
}
