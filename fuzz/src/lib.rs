//! Shared by the fuzz targets: graphs cut from the built-in example and the test datasets, with
//! fuzzed text put where users put text (names, aliases, external ids, attributes, amounts,
//! lifecycle notes and conditions, statements' reporting words, unnamed speakers' descriptions),
//! fuzzed statuses on events and lifecycle steps, fuzzed roles and acting states on parties, and
//! fuzzed `chain`s on `reported_by` edges (which may hold one place twice:
//! `duplicate-chain-position`), and fuzzed places (a signing's or a step's `place` naming any
//! node, or none).

use std::sync::LazyLock;

use diplograph::model::{Cue, EdgeKind, NodeDetails, NodeKind, PartyRole, Status};
use diplograph::time::PartialDate;
use diplograph::Graph;
use libfuzzer_sys::arbitrary::{Result, Unstructured};

static POOL: LazyLock<[Graph; 8]> = LazyLock::new(|| {
    let data = include_str!("../../crates/diplograph/tests/data/jpn-kor-gsomia-2016-11.json");
    let histories = include_str!("../../crates/diplograph/tests/data/treaty-histories.json");
    let hub = include_str!("../../crates/diplograph/tests/data/recaap-hub.json");
    let ministries =
        include_str!("../../crates/diplograph/tests/data/defence-mou-ministries.json");
    let reports =
        include_str!("../../crates/diplograph/tests/data/gsomia-notice-reports-2019-08.json");
    // A former state (SUN) and an agreement's binding force.
    let inf = include_str!("../../crates/diplograph/tests/data/inf-treaty-1987.json");
    // Places: a signing's and a step's place, located_in up to a country.
    let places = include_str!("../../crates/diplograph/tests/data/new-start-prague-2010.json");
    [
        diplograph::example(),
        diplograph::format::from_str(data).unwrap_or_default(),
        diplograph::format::from_str(histories).unwrap_or_default(),
        diplograph::format::from_str(hub).unwrap_or_default(),
        diplograph::format::from_str(ministries).unwrap_or_default(),
        diplograph::format::from_str(reports).unwrap_or_default(),
        diplograph::format::from_str(inf).unwrap_or_default(),
        diplograph::format::from_str(places).unwrap_or_default(),
    ]
});

/// The id of some node of `base` (a place, a country, or anything else), or a made-up one.
fn some_id(u: &mut Unstructured<'_>, base: &Graph) -> Result<String> {
    let ids: Vec<&str> = base.nodes().map(|(_, n)| n.id.as_str()).collect();
    if ids.is_empty() || u.ratio(1, 8)? {
        return u.arbitrary();
    }
    Ok(ids[u.choose_index(ids.len())?].to_owned())
}

/// A graph built (through the checked builder) from a part of one of the datasets: every
/// source, and the other nodes and edges the input picks, some with fuzzed text. It may break
/// whole-graph rules (a GSOMIA left with one party, an alias two nodes claim): such graphs
/// must be handled too.
pub fn graph_from(u: &mut Unstructured<'_>) -> Result<Graph> {
    let base = &POOL[usize::from(u.int_in_range(0..=7u8)?)];
    let mut g = Graph::new();
    for (_, node) in base.nodes() {
        if node.kind() != NodeKind::Source && !u.ratio(3, 4)? {
            continue;
        }
        let mut node = node.clone();
        if u.ratio(1, 16)? {
            node.name = u.arbitrary()?;
        }
        if u.ratio(1, 16)? {
            node.aliases.push(u.arbitrary()?);
        }
        if u.ratio(1, 16)? {
            node.external_ids.insert("wikidata".into(), u.arbitrary()?);
        }
        if u.ratio(1, 16)? {
            let value = serde_json::Value::String(u.arbitrary()?);
            node.attributes.insert(u.arbitrary()?, value);
        }
        if matches!(node.kind(), NodeKind::Person | NodeKind::Organization) && u.ratio(1, 16)? {
            node.unnamed = Some(u.arbitrary()?);
        }
        match &mut node.details {
            NodeDetails::Statement { cue, .. } if u.ratio(1, 8)? => {
                let words: String = u.arbitrary()?;
                match cue {
                    Some(cue) => cue.words = words,
                    None => *cue = Some(Cue::new(words)),
                }
            }
            NodeDetails::Event { status, .. } if u.ratio(1, 8)? => {
                *status = *u.choose(Status::ALL)?;
            }
            NodeDetails::Agreement { lifecycle, .. } if !lifecycle.is_empty() => {
                if u.ratio(1, 8)? {
                    let i = u.choose_index(lifecycle.len())?;
                    lifecycle[i].note = Some(u.arbitrary()?);
                }
                if u.ratio(1, 8)? {
                    let i = u.choose_index(lifecycle.len())?;
                    lifecycle[i].condition = Some(u.arbitrary()?);
                }
                if u.ratio(1, 16)? {
                    let i = u.choose_index(lifecycle.len())?;
                    lifecycle[i].status = *u.choose(Status::ALL)?;
                }
                if u.ratio(1, 16)? {
                    let i = u.choose_index(lifecycle.len())?;
                    lifecycle[i].place = Some(some_id(u, base)?);
                }
            }
            _ => {}
        }
        let _ = g.add_node(node);
    }
    for e in base.edges() {
        if !u.ratio(3, 4)? {
            continue;
        }
        let mut edge = e.edge.clone();
        if u.ratio(1, 16)? {
            let amount: String = u.arbitrary()?;
            edge = edge.qualified(|q| q.amount = Some(amount));
        }
        if u.ratio(1, 16)? {
            // Any node as a signing's place (only a place or country on a `signed` edge is
            // valid): the builder must refuse the rest with a code, never panic.
            let place = some_id(u, base)?;
            edge = edge.qualified(|q| q.place = Some(place));
        }
        if edge.kind == EdgeKind::ReportedBy && u.ratio(1, 4)? {
            let chain = u.int_in_range(0..=3u32)?;
            edge = edge.qualified(|q| q.chain = Some(chain));
        }
        if u.ratio(1, 16)? {
            let value = serde_json::Value::String(u.arbitrary()?);
            edge.attributes.insert(u.arbitrary()?, value);
        }
        // Roles and acting states, on any edge (the builder refuses them off `party_to`), some
        // breaking the whole-graph rules (two hubs, a spoke without a hub, a body acting for a
        // state other than its own).
        if u.ratio(1, 8)? {
            let role = *u.choose(PartyRole::ALL)?;
            edge = edge.qualified(|q| q.role = Some(role));
        }
        if u.ratio(1, 16)? {
            let ids: Vec<&str> = base.nodes().map(|(_, n)| n.id.as_str()).collect();
            let state = (*u.choose(&ids)?).to_owned();
            edge = edge.qualified(|q| q.acting_for = Some(state));
        }
        // Attested dates, some outside the edge's interval (which the builder refuses).
        for _ in 0..u.int_in_range(0..=2u8)? {
            edge = edge.with_attested(date_from(u)?);
        }
        let _ = g.relate(&e.from.id, &e.to.id, edge);
    }
    Ok(g)
}

/// A date of any precision, from 1900 to 2100 (a day that does not exist falls back to its
/// month, a month to its year).
pub fn date_from(u: &mut Unstructured<'_>) -> Result<PartialDate> {
    let year = u.int_in_range(1900..=2100i32)?;
    let month = u.int_in_range(0..=12u8)?;
    let day = u.int_in_range(0..=31u8)?;
    let date = match (month, day) {
        (0, _) => PartialDate::from_year(year),
        (m, 0) => PartialDate::from_year_month(year, m),
        (m, d) => {
            PartialDate::from_ymd(year, m, d).or_else(|_| PartialDate::from_year_month(year, m))
        }
    };
    date.or_else(|_| PartialDate::from_year(year))
        .map_err(|_| libfuzzer_sys::arbitrary::Error::IncorrectFormat)
}

/// Every citation in a graph (on nodes, statements' cues, edges and lifecycle steps), as what identifies it
/// whatever ids a merge gives its source: span, words, number of intermediaries, confidence.
pub fn citations(g: &Graph) -> Vec<(Option<[usize; 2]>, Option<String>, usize, Option<u64>)> {
    let mut all = Vec::new();
    let mut add = |cs: &[diplograph::provenance::Citation]| {
        for c in cs {
            all.push((
                c.span.map(Into::into),
                c.text.clone(),
                c.via.len(),
                c.confidence.map(f64::to_bits),
            ));
        }
    };
    for (_, n) in g.nodes() {
        add(&n.citations);
        if let Some(cue) = n.cue() {
            add(&cue.citations);
        }
        for step in n.lifecycle().unwrap_or_default() {
            add(&step.citations);
        }
    }
    for e in g.edges() {
        add(&e.edge.citations);
    }
    all.sort();
    all.dedup();
    all
}

/// Checks that a graph the library made (built or merged; `what` says which) loads back: to the
/// same bytes when it loads, and, when it does not, never because of a load limit and only if
/// the graph itself is invalid.
pub fn assert_loads_back(g: &Graph, what: &str) {
    let text = diplograph::format::to_string(g);
    match diplograph::format::from_str(&text) {
        Ok(back) => assert_eq!(
            diplograph::format::to_string(&back),
            text,
            "reload changed bytes"
        ),
        Err(e) => {
            let limit = e
                .problems()
                .unwrap_or_default()
                .iter()
                .any(|p| p.code.as_str().starts_with("limit-"));
            assert!(!limit, "a {what} graph breaks a load limit: {e}");
            assert!(
                !g.validate().is_empty(),
                "a valid {what} graph does not load: {e}"
            );
        }
    }
}
