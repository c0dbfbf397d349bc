//! Issue 12, sections 1 and 2: who is party to an agreement, in what role, and for which
//! state. Exact answers on the built-in example, on ReCAAP (a hub-and-spoke agreement run
//! through an information-sharing centre) and on a defence MoU between two ministries merged
//! with the example, which names the states.
#![expect(clippy::expect_used, reason = "a test's helpers should fail loudly")]

use diplograph::merge::{merge, MergeOptions};
use diplograph::query::{Chain, ChainQuery, Family};
use diplograph::time::PartialDate;
use diplograph::{AgreementKind, Graph, PartyRole};

fn d(s: &str) -> PartialDate {
    s.parse().expect("a valid date")
}

fn recaap() -> Graph {
    diplograph::format::from_str(include_str!("data/recaap-hub.json")).expect("valid")
}

fn chains(g: &Graph, from: &str, to: &str, q: &ChainQuery) -> Vec<Chain> {
    g.chains(
        g.resolve(from).expect("from"),
        g.resolve(to).expect("to"),
        q,
    )
}

/// Each chain as (stops, links, roles at each end of each hop).
type Summary = (Vec<String>, Vec<String>, Vec<(String, String)>);

fn summary(chains: &[Chain]) -> Vec<Summary> {
    let role = |r: Option<PartyRole>| r.map(|r| r.to_string()).unwrap_or_default();
    chains
        .iter()
        .map(|c| {
            (
                c.stops().into_iter().map(str::to_owned).collect(),
                c.links().into_iter().map(str::to_owned).collect(),
                c.hops
                    .iter()
                    .map(|h| (role(h.from_role), role(h.to_role)))
                    .collect(),
            )
        })
        .collect()
}

fn strings(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| (*s).to_owned()).collect()
}

fn roles(v: &[(&str, &str)]) -> Vec<(String, String)> {
    v.iter()
        .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
        .collect()
}

/// The example with the trilateral framework in force (as if talks had concluded) and, with
/// `roles: false`, the roles the article gives it taken away.
fn example_with_framework_in_force(roles: bool) -> Graph {
    let mut doc: serde_json::Value =
        serde_json::from_str(diplograph::EXAMPLE_JSON).expect("the example is JSON");
    for node in doc["nodes"].as_array_mut().expect("nodes") {
        if node["id"] == "trilateral-info-sharing" {
            node["lifecycle"] =
                serde_json::json!([{"state": "in_force", "attested": "2016-06-04"}]);
        }
    }
    if !roles {
        for edge in doc["edges"].as_array_mut().expect("edges") {
            if let Some(e) = edge.as_object_mut() {
                e.remove("role");
            }
        }
    }
    diplograph::format::from_str(&doc.to_string()).expect("valid")
}

#[test]
fn the_trilateral_framework_runs_through_the_united_states() {
    let g = diplograph::example();
    let framework = g.resolve("trilateral-info-sharing").expect("framework");
    let rows: Vec<(String, PartyRole)> = g
        .parties(framework, Some(&d("2016-06-04")))
        .into_iter()
        .map(|p| (p.party.id, p.role))
        .collect();
    assert_eq!(
        rows,
        [
            ("JPN".to_owned(), PartyRole::Spoke),
            ("KOR".to_owned(), PartyRole::Spoke),
            ("USA".to_owned(), PartyRole::Hub)
        ]
    );

    // With only the framework carrying flows, Seoul reaches Tokyo in two hops, through the US.
    let only_framework = ChainQuery::new(Family::Kinds(vec![AgreementKind::Arrangement]))
        .with_on(d("2016-06-04"))
        .with_k(5);
    let g = example_with_framework_in_force(true);
    let found = chains(&g, "Seoul", "Tokyo", &only_framework);
    assert_eq!(
        summary(&found),
        [(
            strings(&["KOR", "USA", "JPN"]),
            strings(&["trilateral-info-sharing", "trilateral-info-sharing"]),
            roles(&[("spoke", "hub"), ("hub", "spoke")])
        )]
    );
    // Each hop cites the sentence that says the US passes the information on.
    for hop in &found[0].hops {
        assert!(hop.citations.iter().any(|c| c
            .text
            .as_deref()
            .is_some_and(|t| t.starts_with("Under the framework, South Korea would pass relevant information to the United States"))));
        assert!(hop.citations.iter().any(|c| c
            .text
            .as_deref()
            .is_some_and(|t| t.starts_with("It would work similarly the other way around"))));
    }
    // Without the roles, every party would reach every other: the direct answer the source
    // contradicts comes first.
    let g = example_with_framework_in_force(false);
    assert_eq!(
        summary(&chains(&g, "Seoul", "Tokyo", &only_framework)),
        [
            (
                strings(&["KOR", "JPN"]),
                strings(&["trilateral-info-sharing"]),
                roles(&[("member", "member")])
            ),
            (
                strings(&["KOR", "USA", "JPN"]),
                strings(&["trilateral-info-sharing", "trilateral-info-sharing"]),
                roles(&[("member", "member"), ("member", "member")])
            )
        ]
    );
}

#[test]
fn the_headline_answer_still_goes_through_the_two_gsomias() {
    // In force or not, the framework cannot make Seoul and Tokyo direct: the shortest chain
    // is two hops either way, and the GSOMIAs (first in the graph's order) carry it.
    for g in [diplograph::example(), example_with_framework_in_force(true)] {
        let q = ChainQuery::new(Family::Intelligence).with_on(d("2016-06-04"));
        assert_eq!(
            summary(&chains(&g, "Seoul", "Tokyo", &q)),
            [(
                strings(&["KOR", "USA", "JPN"]),
                strings(&["gsomia-kor-usa", "gsomia-jpn-usa"]),
                roles(&[("member", "member"), ("member", "member")])
            )]
        );
    }
}

#[test]
fn recaap_members_reach_each_other_only_through_the_centre() {
    let g = recaap();
    let agreement = g.resolve("ReCAAP").expect("ReCAAP");
    let rows: Vec<(String, PartyRole)> = g
        .parties(agreement, Some(&d("2016-06-04")))
        .into_iter()
        .map(|p| (p.party.id, p.role))
        .collect();
    let spoke = |id: &str| (id.to_owned(), PartyRole::Spoke);
    assert_eq!(
        rows,
        [
            spoke("IND"),
            spoke("JPN"),
            spoke("KOR"),
            spoke("PHL"),
            spoke("SGP"),
            ("recaap-isc".to_owned(), PartyRole::Hub)
        ]
    );
    let q = ChainQuery::new(Family::Kinds(vec![AgreementKind::Treaty]))
        .with_on(d("2016-06-04"))
        .with_k(10);
    assert_eq!(
        summary(&chains(&g, "Japan", "Philippines", &q)),
        [(
            strings(&["JPN", "recaap-isc", "PHL"]),
            strings(&["recaap", "recaap"]),
            roles(&[("spoke", "hub"), ("hub", "spoke")])
        )]
    );
    // The centre reaches every party in one hop.
    assert_eq!(
        summary(&chains(&g, "ReCAAP ISC", "India", &q)),
        [(
            strings(&["recaap-isc", "IND"]),
            strings(&["recaap"]),
            roles(&[("hub", "spoke")])
        )]
    );
    // In force from 4 September 2006, but the centre opened on 29 November: nothing flows
    // between the two dates.
    let before = q.with_on(d("2006-10-01"));
    assert!(chains(&g, "Japan", "Philippines", &before).is_empty());
    // Both are parties all the same.
    let links: Vec<String> = g
        .agreements_between(
            g.resolve("JPN").expect("JPN"),
            g.resolve("PHL").expect("PHL"),
            Some(&d("2006-10-01")),
        )
        .into_iter()
        .map(|l| l.agreement.id)
        .collect();
    assert_eq!(links, ["recaap"]);
}

fn mou_merged() -> Graph {
    let example = diplograph::example();
    let ministries = diplograph::format::from_str(include_str!("data/defence-mou-ministries.json"))
        .expect("valid");
    merge(
        &[("example", &example), ("ministries", &ministries)],
        MergeOptions::default(),
    )
    .expect("merges")
    .graph
}

#[test]
fn a_ministry_acting_for_its_state_is_that_state_once() {
    let g = mou_merged();
    let mou = g.resolve("mou-usa-jpn-defence-procurement").expect("MoU");
    // Four `party_to` edges (two states, two ministries), two parties.
    let rows: Vec<(String, Vec<String>)> = g
        .parties(mou, Some(&d("2016-06-04")))
        .into_iter()
        .map(|p| {
            (
                p.party.id,
                p.acting_bodies.into_iter().map(|b| b.id).collect(),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            ("JPN".to_owned(), strings(&["jpn-mod"])),
            ("USA".to_owned(), strings(&["us-dod"]))
        ]
    );
    // The state's citations and its ministry's, together.
    let usa = g
        .parties(mou, None)
        .into_iter()
        .find(|p| p.party.id == "USA")
        .expect("USA");
    let texts: Vec<&str> = usa
        .citations
        .iter()
        .filter_map(|c| c.text.as_deref())
        .collect();
    assert!(texts
        .iter()
        .any(|t| t.starts_with("a Memorandum of Understanding between the Department of Defense")));
    assert!(texts
        .iter()
        .any(|t| t.contains("Memorandum of Understanding")));

    // The MoU links the two states once, naming each state once.
    let on = d("2016-06-04");
    let (usa, jpn) = (
        g.resolve("USA").expect("USA"),
        g.resolve("JPN").expect("JPN"),
    );
    let links = g.agreements_between(usa, jpn, Some(&on));
    let mou_links: Vec<Vec<String>> = links
        .iter()
        .filter(|l| l.agreement.id == "mou-usa-jpn-defence-procurement")
        .map(|l| l.parties.iter().map(|p| p.id.clone()).collect())
        .collect();
    assert_eq!(mou_links, [strings(&["JPN", "USA"])]);
    // A ministry asked about answers for itself.
    let dod = g.resolve("us-dod").expect("DoD");
    let ids: Vec<String> = g
        .agreements_between(dod, jpn, Some(&on))
        .into_iter()
        .map(|l| l.agreement.id)
        .collect();
    assert_eq!(ids, ["mou-usa-jpn-defence-procurement"]);

    // Chains through memoranda: one chain, one hop, not one per pair of bodies.
    let q = ChainQuery::new(Family::Kinds(vec![
        AgreementKind::MemorandumOfUnderstanding,
    ]))
    .with_on(on)
    .with_k(10);
    assert_eq!(
        summary(&chains(&g, "USA", "JPN", &q)),
        [(
            strings(&["USA", "JPN"]),
            strings(&["mou-usa-jpn-defence-procurement"]),
            roles(&[("member", "member")])
        )]
    );
}

#[test]
fn a_ministry_alone_answers_as_its_state() {
    // Without the example: only the ministries are party; one by `part_of`, one by
    // `acting_for`.
    let g = diplograph::format::from_str(include_str!("data/defence-mou-ministries.json"))
        .expect("valid");
    let mou = g.resolve("mou-usa-jpn-defence-procurement").expect("MoU");
    let rows: Vec<(String, Vec<String>)> = g
        .parties(mou, None)
        .into_iter()
        .map(|p| {
            (
                p.party.id,
                p.acting_bodies.into_iter().map(|b| b.id).collect(),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            ("JPN".to_owned(), strings(&["jpn-mod"])),
            ("USA".to_owned(), strings(&["us-dod"]))
        ]
    );
    let q = ChainQuery::new(Family::Defence)
        .with_on(d("2016-06-04"))
        .with_k(5);
    let found = chains(&g, "Japan", "United States", &q);
    assert_eq!(found.len(), 1);
    let hop = &found[0].hops[0];
    assert_eq!(
        (
            hop.from.id.as_str(),
            hop.from_party.as_ref().map(|p| p.id.as_str()),
            hop.to.id.as_str(),
            hop.to_party.as_ref().map(|p| p.id.as_str())
        ),
        ("JPN", Some("jpn-mod"), "USA", Some("us-dod"))
    );
}
