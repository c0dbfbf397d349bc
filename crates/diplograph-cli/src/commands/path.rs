//! `diplograph path`: the chains of agreements that link two nodes.

use std::io::Write;

use diplograph::query::{Certainty, Chain, ChainQuery, Hop, Link, NodeRef};
use diplograph::{Graph, PartyRole};

use crate::failure::Failure;
use crate::render::{
    caveats, citations, keep_whole, print_records, print_table, state, table, Form, Human,
};

/// Runs `diplograph path`.
pub(super) fn path(
    g: &Graph,
    from: &str,
    to: &str,
    query: &ChainQuery,
    form: Form,
    view_to: Option<(&std::path::Path, bool)>,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    // Both ends are parties: "Seoul" is South Korea (its capital) even beside a city node.
    let parties = diplograph::NodeKind::PARTIES;
    let (a, b) = (g.resolve_as(from, parties)?, g.resolve_as(to, parties)?);
    let name = |ix| {
        g.node_at(ix)
            .map(|n| NodeRef::from(n).to_string())
            .unwrap_or_default()
    };
    if a == b {
        return Err(Failure::Usage(format!(
            "`{from}` and `{to}` are the same node, {}",
            name(a)
        )));
    }
    let chains = g.chains(a, b, query);
    let when = query.on.map_or_else(
        || "by their last recorded state".to_owned(),
        |d| format!("as of {d}"),
    );
    if chains.is_empty() {
        // The answer is still JSON on standard output (an empty list; no line at all for
        // JSON lines); the exit status and the note on standard error say there is no chain.
        print_records(out, form, &chains)?;
        return Err(Failure::NoAnswer(format!(
            "no chain of {} agreements {}links {} to {} {when} (within {} hops)",
            query.family.name(),
            if query.certain { "certainly " } else { "" },
            name(a),
            name(b),
            query.max_hops
        )));
    }
    if let Some((target, quiet)) = view_to {
        let options = diplograph::view::ViewOptions::default()
            .as_of(query.on)
            .highlight(diplograph::view::Highlight::chains(&chains))
            .title(format!("{} to {} {when}", name(a), name(b)));
        let page = diplograph::view::html(g, &options);
        super::view::write_picture(
            &page,
            target,
            "the view",
            false,
            quiet,
            &mut std::io::sink(),
        )?;
    }
    if form != Form::Human {
        return Ok(print_records(out, form, &chains)?);
    }
    let mut human = Human::new(out);
    let out: &mut dyn Write = &mut human;
    for (i, c) in chains.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        print_chain(g, c, query, &when, out)?;
    }
    Ok(())
}

fn print_chain(
    g: &Graph,
    c: &Chain,
    query: &ChainQuery,
    when: &str,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    let stops: Vec<String> = c
        .hops
        .first()
        .map(|h| h.from.to_string())
        .into_iter()
        .chain(c.hops.iter().map(|h| h.to.to_string()))
        .collect();
    writeln!(
        out,
        "{} — {} hop(s) through {} agreements, {when}{}{}",
        stops.join(" → "),
        c.hops.len(),
        query.family.name(),
        caveats(c.containment, c.rests_on_unknown),
        if c.certainty == Certainty::Possible {
            " [possible: some hop is not known to hold on the date]"
        } else {
            ""
        }
    )?;
    let mut t = table(["hop", "agreement", "state", "citations"]);
    keep_whole(&mut t, &[0]);
    for (i, h) in c.hops.iter().enumerate() {
        // The body acting for the end, and its role when it is not a plain member.
        let end = |n: &NodeRef, acting: Option<&NodeRef>, role: Option<PartyRole>| {
            let mut said: Vec<String> =
                acting.map(|p| format!("as {}", p.id)).into_iter().collect();
            said.extend(role.filter(|r| !r.is_default()).map(|r| r.to_string()));
            if said.is_empty() {
                n.id.clone()
            } else {
                format!("{} ({})", n.id, said.join(", "))
            }
        };
        let (from, to) = (
            end(&h.from, h.from_party.as_ref(), h.from_role),
            end(&h.to, h.to_party.as_ref(), h.to_role),
        );
        // Ends with details each get a line, so the column stays narrow.
        let hop = if from.len() + to.len() > h.from.id.len() + h.to.id.len() {
            format!("{}. {from}\n→ {to}", i + 1)
        } else {
            format!("{}. {from} → {to}", i + 1)
        };
        let (link, st) = match &h.link {
            Link::Agreement {
                agreement,
                kind,
                state: s,
            } => (
                format!("{} ({kind})\n{}", agreement.name, agreement.id),
                state(s),
            ),
            Link::Relation { kind } => (kind.to_string(), String::new()),
        };
        t.add_row(vec![
            hop,
            link,
            format!(
                "{st}{}{}",
                caveats(h.containment, h.rests_on_unknown),
                hop_mark(h)
            ),
            citations(g, &h.citations),
        ]);
    }
    print_table(out, &t)?;
    Ok(())
}

/// `" [possible]"` for a hop that only possibly held when its agreement state's own mark does
/// not already say so; else `""`.
fn hop_mark(h: &Hop) -> &'static str {
    let state_says_so = matches!(
        &h.link,
        Link::Agreement { state, .. } if state.certainty == Certainty::Possible
    );
    if h.certainty == Certainty::Possible && !state_says_so {
        " [possible]"
    } else {
        ""
    }
}
