//! `diplograph show`: everything about one node, with the citations behind each.
//!
//! Each cited sentence is printed once, as a numbered note below the tables; the rows name
//! their citations by number (`[1] [2]`). `--max-rows N` cuts each long list to its first N
//! rows, saying how many were left out.

use std::collections::HashMap;
use std::io::Write;

use diplograph::model::NodeKind;
use diplograph::provenance::Citation;
use diplograph::query::{Certainty, Direction, NodeProfile};
use diplograph::time::PartialDate;
use diplograph::Graph;

use super::statements::statements_table;
use crate::failure::Failure;
use crate::render::{
    attested_dates, citation, date, node_ref, node_refs, print_json, print_table, state,
    statement_date, table, valid_cell, Human, Table,
};

/// The citations of one `show`, each printed once: a row names its citations by number
/// (`[1] [2]`), and the notes list them below the tables, numbered in the order first cited.
#[derive(Default)]
struct Notes {
    /// Each note's text ([`citation`]), by number less one.
    texts: Vec<String>,
    /// Each note's number, by its text.
    numbers: HashMap<String, usize>,
}

impl Notes {
    /// The numbers of `cs` (`[1] [3]`), each cited once; "—" when there are none.
    fn refs(&mut self, g: &Graph, cs: &[Citation]) -> String {
        let mut numbers: Vec<usize> = Vec::new();
        for c in cs {
            let text = citation(g, c);
            let n = match self.numbers.get(&text) {
                Some(&n) => n,
                None => {
                    self.texts.push(text.clone());
                    self.numbers.insert(text, self.texts.len());
                    self.texts.len()
                }
            };
            if !numbers.contains(&n) {
                numbers.push(n);
            }
        }
        if numbers.is_empty() {
            return "—".to_owned();
        }
        numbers
            .iter()
            .map(|n| format!("[{n}]"))
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// Writes the notes, if any: `Notes`, then `[1] “…” — source` a line each.
    fn print(&self, out: &mut dyn Write) -> std::io::Result<()> {
        if self.texts.is_empty() {
            return Ok(());
        }
        writeln!(out, "\nNotes")?;
        for (i, text) in self.texts.iter().enumerate() {
            writeln!(out, "[{}] {text}", i + 1)?;
        }
        Ok(())
    }
}

/// The first `max` rows of `list` (all of them without `max`), and how many are left out.
fn first<T>(list: &[T], max: Option<usize>) -> (&[T], usize) {
    let shown = max.map_or(list.len(), |m| m.min(list.len()));
    (list.get(..shown).unwrap_or(list), list.len() - shown)
}

/// Prints a table, then, when rows were left out, how many.
fn print_rows(out: &mut dyn Write, t: &Table, left_out: usize) -> std::io::Result<()> {
    print_table(out, t)?;
    if left_out > 0 {
        writeln!(out, "… and {left_out} more (raise --max-rows to see them)")?;
    }
    Ok(())
}

/// Runs `diplograph show`.
pub(super) fn show(
    g: &Graph,
    name: &str,
    on: Option<&PartialDate>,
    certain: bool,
    max_rows: Option<usize>,
    json: bool,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    let ix = g.resolve(name)?;
    let mut profile = g
        .profile(ix, on)
        .ok_or_else(|| diplograph::Error::NodeNotFound {
            name: name.to_owned(),
            hint: String::new(),
            suggestions: Vec::new(),
        })?;
    if certain {
        profile = profile.certain_only();
    }
    if json {
        return Ok(print_json(out, &profile)?);
    }
    let mut human = Human::new(out);
    let out: &mut dyn Write = &mut human;
    let mut notes = Notes::default();
    print_profile(g, &profile, max_rows, &mut notes, out)?;
    Ok(notes.print(out)?)
}

fn print_profile(
    g: &Graph,
    p: &NodeProfile,
    max_rows: Option<usize>,
    notes: &mut Notes,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    let kind = match &p.subkind {
        Some(s) => format!("{} ({s})", p.node.kind),
        None => p.node.kind.to_string(),
    };
    writeln!(out, "{} — {kind}, id `{}`", p.node.name, p.node.id)?;
    if let Some(description) = &p.node.unnamed {
        writeln!(out, "unnamed: “{description}” (found by its id only)")?;
    }
    if let Some(d) = &p.as_of {
        writeln!(out, "as of {d}")?;
    }
    if !p.aliases.is_empty() {
        writeln!(out, "aliases: {}", p.aliases.join(", "))?;
    }
    for (scheme, id) in &p.external_ids {
        writeln!(out, "{scheme}: {id}")?;
    }
    for (k, v) in &p.attributes {
        writeln!(out, "{k}: {v}")?;
    }
    if let Some(place) = &p.place {
        writeln!(out, "place: {place}")?;
    }
    if !p.held_in.is_empty() {
        let sites: Vec<String> = p.held_in.iter().map(ToString::to_string).collect();
        writeln!(out, "held in: {}", sites.join(", "))?;
    }
    if let Some(country) = &p.country {
        writeln!(out, "country: {}", node_ref(country))?;
    }
    if let Some(when) = &p.when {
        let shown = match (when.start, when.end) {
            (Some(a), Some(b)) if a == b => a.to_string(),
            (None, None) => "?".to_owned(),
            _ => when.to_string(),
        };
        writeln!(out, "when: {shown}")?;
    }
    if let Some(status) = p.status.filter(|s| !s.occurred()) {
        writeln!(out, "status: {status}")?;
    }
    if p.node.kind == NodeKind::Source {
        if let Some(d) = &p.date {
            writeln!(out, "date: {d}")?;
        }
        if let Some(len) = p.text_length {
            writeln!(out, "text length: {len}")?;
        }
        if let Some(url) = &p.url {
            writeln!(out, "url: {url}")?;
        }
    }
    if let Some(s) = &p.state {
        writeln!(out, "state: {}", state(s))?;
        if !s.citations.is_empty() {
            writeln!(out, "  cited in: {}", notes.refs(g, &s.citations))?;
        }
    }
    if let Some(t) = &p.terms {
        let binding = t.binding.as_ref().map(|b| {
            let said = if b.value {
                "legally binding"
            } else {
                "not legally binding"
            };
            ("binding", said.to_owned(), &b.citations)
        });
        let renewal = t
            .renewal
            .as_ref()
            .map(|r| ("renewal", r.terms.clone(), &r.citations));
        let vote = t.vote.as_ref().map(|v| {
            let on = v.date.map(|d| format!(" on {d}")).unwrap_or_default();
            let said = format!(
                "{} for, {} against, {} abstaining{on}",
                v.in_favour, v.against, v.abstaining
            );
            ("vote", said, &v.citations)
        });
        for (name, said, cited) in [binding, renewal, vote].into_iter().flatten() {
            writeln!(out, "{name}: {said}")?;
            if !cited.is_empty() {
                writeln!(out, "  cited in: {}", notes.refs(g, cited))?;
            }
        }
    }
    if let Some(s) = &p.statement {
        let words = if s.is_quote {
            format!("“{}”", s.text)
        } else {
            s.text.clone()
        };
        writeln!(out, "words: {words}")?;
        writeln!(out, "date: {}", statement_date(s))?;
        match s.attribution.chains.as_slice() {
            [_, _, ..] => {
                for c in &s.attribution.chains {
                    writeln!(out, "attribution, chain {}: {}", c.chain, c.text)?;
                }
            }
            _ => writeln!(out, "attribution: {}", s.attribution.text)?,
        }
        if let Some(cue) = &s.cue {
            writeln!(out, "cue: “{}”", cue.words)?;
        }
        for (label, refs) in [
            ("about", &s.about),
            ("made at", &s.made_at),
            ("made in", &s.made_in),
            ("continues", &s.continues),
            ("continued by", &s.continued_by),
            ("reports", &s.reports),
            ("reported in", &s.reported_in),
            ("supports", &s.supports),
            ("supported by", &s.supported_by),
            ("disputes", &s.disputes),
            ("disputed by", &s.disputed_by),
        ] {
            if !refs.is_empty() {
                writeln!(out, "{label}: {}", node_refs(refs))?;
            }
        }
    }
    if !p.citations.is_empty() {
        writeln!(out, "cited in: {}", notes.refs(g, &p.citations))?;
    }
    if !p.lifecycle.is_empty() {
        writeln!(out, "\nLifecycle")?;
        // Status and details get columns only when some step did not simply occur or has one.
        let marked = p.lifecycle.iter().any(|s| {
            !s.status.occurred()
                || s.effective.is_some()
                || s.until.is_some()
                || s.condition.is_some()
                || s.note.is_some()
                || s.place.is_some()
        });
        let mut t = if marked {
            table(["state", "date", "status", "party", "details", "citations"])
        } else {
            table(["state", "date", "party", "citations"])
        };
        let (rows, left_out) = first(&p.lifecycle, max_rows);
        for s in rows {
            let when = match (s.date, s.attested) {
                (Some(d), _) => d.to_string(),
                (None, Some(a)) => format!("? (attested by {a})"),
                (None, None) => "?".to_owned(),
            };
            let mut details = Vec::new();
            if let Some(site) = s.place.as_deref().and_then(|id| g.site(id)) {
                details.push(format!("in {site}"));
            }
            if let Some(e) = s.effective {
                details.push(format!("effective {e}"));
            }
            if let Some(u) = s.until {
                details.push(format!("until {u}"));
            }
            if let Some(c) = &s.condition {
                details.push(format!("condition: {c}"));
            }
            if let Some(n) = &s.note {
                details.push(format!("note: {n}"));
            }
            let party = s.party.clone().unwrap_or_default();
            let cited = notes.refs(g, &s.citations);
            t.add_row(if marked {
                vec![
                    s.state.to_string(),
                    when,
                    s.status.to_string(),
                    party,
                    details.join("; "),
                    cited,
                ]
            } else {
                vec![s.state.to_string(), when, party, cited]
            });
        }
        print_rows(out, &t, left_out)?;
    }
    if !p.parties.is_empty() {
        writeln!(out, "\nParties")?;
        // Roles and acting bodies get a column only when some party has one.
        let roles = p.parties.iter().any(|x| !x.role.is_default());
        let bodies = p.parties.iter().any(|x| !x.acting_bodies.is_empty());
        let mut header = vec!["party"];
        header.extend(roles.then_some("role"));
        header.extend(bodies.then_some("acting bodies"));
        header.extend(["valid", "withdrew", "citations"]);
        let mut t = table(header);
        let (rows, left_out) = first(&p.parties, max_rows);
        for party in rows {
            let mut row = vec![node_ref(&party.party)];
            row.extend(roles.then(|| party.role.to_string()));
            row.extend(bodies.then(|| {
                party
                    .acting_bodies
                    .iter()
                    .map(node_ref)
                    .collect::<Vec<_>>()
                    .join("\n")
            }));
            row.extend([
                valid_cell(&party.valid, &party.validity),
                match party.withdrew {
                    Some(d) if party.withdrawal_derived => {
                        format!("{d} (derived: notice took effect)")
                    }
                    Some(d) => d.to_string(),
                    None => String::new(),
                },
                notes.refs(g, &party.citations),
            ]);
            t.add_row(row);
        }
        print_rows(out, &t, left_out)?;
    }
    if !p.signatories.is_empty() {
        writeln!(out, "\nSignatories")?;
        // A place column only when some signing names where it took place.
        let placed = p.signatories.iter().any(|s| s.place.is_some());
        let mut t = if placed {
            table(["person", "on behalf of", "date", "place", "citations"])
        } else {
            table(["person", "on behalf of", "date", "citations"])
        };
        let (rows, left_out) = first(&p.signatories, max_rows);
        for s in rows {
            let mut row = vec![
                node_ref(&s.person),
                s.on_behalf_of.as_ref().map(node_ref).unwrap_or_default(),
                date(s.date.as_ref()),
            ];
            if placed {
                row.push(
                    s.place
                        .as_ref()
                        .map(ToString::to_string)
                        .unwrap_or_default(),
                );
            }
            row.push(notes.refs(g, &s.citations));
            t.add_row(row);
        }
        print_rows(out, &t, left_out)?;
    }
    if !p.offices.is_empty() {
        writeln!(out, "\nOffices")?;
        let mut t = table(["title", "in", "valid", "citations"]);
        let (rows, left_out) = first(&p.offices, max_rows);
        for o in rows {
            t.add_row(vec![
                o.title.clone(),
                node_ref(&o.organization),
                valid_cell(&o.valid, &o.validity),
                notes.refs(g, &o.citations),
            ]);
        }
        print_rows(out, &t, left_out)?;
    }
    if !p.attendees.is_empty() {
        writeln!(out, "\nAttended by: {}", node_refs(&p.attendees))?;
    }
    if !p.relations.is_empty() {
        writeln!(out, "\nRelations")?;
        let mut t = table(["relation", "with", "valid", "citations"]);
        let (rows, left_out) = first(&p.relations, max_rows);
        for r in rows {
            let mut what = if r.direction == Direction::Out {
                format!("{} →", r.kind)
            } else {
                format!("← {}", r.kind)
            };
            let quals = [
                r.title.clone(),
                r.on_behalf_of.as_ref().map(|b| format!("for {b}")),
                r.position.map(|p| format!("position {p}")),
                r.share.map(|s| format!("share {s}")),
                r.amount.clone(),
                r.relation.clone(),
                r.place.as_ref().map(|p| format!("at {p}")),
                r.role.map(|role| role.to_string()),
                r.acting_for.as_ref().map(|c| format!("acting for {c}")),
            ];
            for q in quals.into_iter().flatten() {
                what.push_str(&format!("\n({q})"));
            }
            let mut valid = if r.valid.is_unbounded() {
                String::new()
            } else {
                r.valid.to_string()
            };
            let attested = attested_dates(&r.attested);
            if !attested.is_empty() {
                if !valid.is_empty() {
                    valid.push('\n');
                }
                valid.push_str(&attested);
            }
            if r.certainty == Some(Certainty::Possible) {
                valid.push_str(if valid.is_empty() {
                    "[possible]"
                } else {
                    "\n[possible]"
                });
            }
            t.add_row(vec![
                what,
                node_ref(&r.other),
                valid,
                notes.refs(g, &r.citations),
            ]);
        }
        print_rows(out, &t, left_out)?;
    }
    for (label, list) in [
        ("Statements by it", &p.statements_by),
        ("Statements about it", &p.statements_about),
    ] {
        if !list.is_empty() {
            writeln!(out, "\n{label}")?;
            let (rows, left_out) = first(list, max_rows);
            print_rows(out, &statements_table(g, rows), left_out)?;
        }
    }
    Ok(())
}
