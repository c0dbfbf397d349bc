//! `diplograph agreements`: the agreements binding two parties.

use std::io::Write;

use diplograph::model::{AgreementKind, LifecycleState};
use diplograph::query::{certain_only, AgreementLink, Certainty, NodeRef};
use diplograph::time::PartialDate;
use diplograph::Graph;

use crate::failure::Failure;
use crate::render::{citations, keep_whole, node_refs, print_table, state, table, Human, Listing};

/// What `diplograph agreements` asks.
pub(super) struct Question<'a> {
    /// The two parties, as named on the command line.
    pub a: &'a str,
    /// The other.
    pub b: &'a str,
    /// Only these kinds (all when empty).
    pub kinds: Vec<AgreementKind>,
    /// Only these states on the date (all when empty).
    pub states: Vec<LifecycleState>,
    /// The date.
    pub on: Option<PartialDate>,
    /// Only what certainly held.
    pub certain: bool,
}

/// Runs `diplograph agreements`.
pub(super) fn agreements(
    g: &Graph,
    q: &Question<'_>,
    how: Listing,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    let parties = diplograph::NodeKind::PARTIES;
    let (a, b) = (g.resolve_as(q.a, parties)?, g.resolve_as(q.b, parties)?);
    let mut found = g.agreements_between(a, b, q.on.as_ref());
    found.retain(|l| {
        (q.kinds.is_empty() || q.kinds.contains(&l.kind))
            && (q.states.is_empty() || l.state.state.is_some_and(|s| q.states.contains(&s)))
    });
    if q.certain {
        found = certain_only(found);
    }
    let Some(found) = how.records_or_table(found, "agreements", out)? else {
        return Ok(());
    };
    let mut human = Human::new(out);
    let out: &mut dyn Write = &mut human;
    let name = |ix| g.node_at(ix).map(NodeRef::from).map(|n| n.to_string());
    let when =
        q.on.map_or_else(|| "ever".to_owned(), |d| format!("as of {d}"));
    let (a, b) = (name(a).unwrap_or_default(), name(b).unwrap_or_default());
    if found.is_empty() {
        writeln!(out, "no agreement binds {a} and {b} {when}")?;
        return Ok(());
    }
    writeln!(out, "Agreements of {a} and {b}, {when}")?;
    print_table(out, &links_table(g, &found))?;
    writeln!(out, "{} agreement(s)", found.len())?;
    Ok(())
}

/// The table of agreements, shared with `as-of`.
pub(super) fn links_table(g: &Graph, links: &[AgreementLink]) -> crate::render::Table {
    let mut t = table(["agreement", "state", "parties", "citations"]);
    keep_whole(&mut t, &[]);
    for l in links {
        let mut st = state(&l.state);
        if l.certainty == Certainty::Possible && l.state.certainty == Certainty::Certain {
            st.push_str(" [possible: a party's participation is not known on the date]");
        }
        t.add_row(vec![
            format!("{} ({})\n{}", l.agreement.name, l.kind, l.agreement.id),
            st,
            node_refs(&l.parties),
            citations(g, &l.citations),
        ]);
    }
    t
}
