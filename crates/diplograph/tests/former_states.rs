//! States that are not on today's ISO list: the INF Treaty between the United States and the
//! Soviet Union (ISO 3166-3 `SUN`) loads and answers as of dates in its history; a former state
//! taking part in something after ISO withdrew its code is a warning, never an error; Kosovo's
//! `XKX` is a country id; the organization kinds for governments, legislatures, parties,
//! intelligence agencies, courts and NGOs parse.
#![expect(clippy::expect_used, reason = "a test's helpers should fail loudly")]

use diplograph::model::{
    Edge, EdgeKind, LifecycleState, LifecycleStep, Node, NodeDetails, OrganizationKind,
};
use diplograph::time::PartialDate;
use diplograph::{Graph, ProblemCode};

const INF: &str = include_str!("data/inf-treaty-1987.json");

fn d(s: &str) -> PartialDate {
    s.parse().expect("a valid date")
}

fn inf() -> Graph {
    diplograph::format::from_str(INF).expect("the INF test data is valid")
}

fn parties_on(g: &Graph, on: &str) -> Vec<String> {
    let ix = g.resolve("INF Treaty").expect("the treaty");
    g.parties(ix, Some(&d(on)))
        .into_iter()
        .map(|p| p.party.id)
        .collect()
}

fn warnings(g: &Graph) -> Vec<String> {
    g.warnings().iter().map(ToString::to_string).collect()
}

#[test]
fn the_inf_treaty_with_the_soviet_union_loads_and_answers() {
    let g = inf();
    assert!(g.validate().is_empty());
    assert_eq!(warnings(&g), Vec::<String>::new());
    assert_eq!(parties_on(&g, "1989-01-01"), ["SUN", "USA"]);
    assert_eq!(parties_on(&g, "1995-01-01"), ["RUS", "USA"]);
    let ix = g.resolve("INF Treaty").expect("the treaty");
    let state = |on: &str| {
        g.agreement_state(ix, Some(&d(on)))
            .expect("an agreement")
            .state
    };
    assert_eq!(state("1988-01-01"), Some(LifecycleState::Signed));
    assert_eq!(state("1989-01-01"), Some(LifecycleState::InForce));
    assert_eq!(state("2019-09-01"), Some(LifecycleState::Terminated));
    // The built-in table names former states the way the press does, and keeps ISO's name.
    for name in [
        "Soviet Union",
        "USSR",
        "Union of Soviet Socialist Republics",
    ] {
        assert_eq!(
            g.lookup(name).map(|n| n.id.as_str()).ok(),
            Some("SUN"),
            "{name}"
        );
    }
}

#[test]
fn a_former_state_after_its_period_is_a_warning_not_an_error() {
    let mut g = inf();
    g.add_node(Node::new(
        "mtcr",
        "Missile Technology Control Regime",
        NodeDetails::Agreement {
            kind: diplograph::model::AgreementKind::Arrangement,
            lifecycle: vec![
                LifecycleStep::new(LifecycleState::Withdrawn, Some(d("1993"))).with_party("SUN"),
            ],
            terms: None,
        },
    ))
    .expect("a new agreement");
    g.relate(
        "SUN",
        "mtcr",
        Edge::new(EdgeKind::PartyTo).valid(Some(d("1992-09")), None),
    )
    .expect("a party");
    assert!(
        g.validate().is_empty(),
        "warnings are not validation problems"
    );
    assert_eq!(
        warnings(&g),
        [
            "<input>: warning[country-outside-period]: `SUN -party_to-> mtcr` names `SUN` \
             (Soviet Union) from 1992-09, after the end of its period: ISO 3166-3 withdrew the \
             code on 1992-08-30. If the source means a successor state, use its code.",
            "<input> (/lifecycle/0/party): warning[country-outside-period]: the `withdrawn` step \
             of `mtcr` names `SUN` (Soviet Union) dated 1993, after the end of its period: ISO \
             3166-3 withdrew the code on 1992-08-30. If the source means a successor state, use \
             its code."
        ]
    );
    assert!(g
        .warnings()
        .iter()
        .all(|w| w.code == ProblemCode::CountryOutsidePeriod && w.code.is_warning()));
}

#[test]
fn a_date_that_may_fall_inside_the_period_is_no_warning() {
    // 1992 may mean any day of 1992, and the code was withdrawn on 1992-08-30.
    let mut g = inf();
    let pact = NodeDetails::Agreement {
        kind: diplograph::model::AgreementKind::Treaty,
        lifecycle: Vec::new(),
        terms: None,
    };
    g.add_node(Node::new("pact", "A pact", pact))
        .expect("a new agreement");
    g.relate(
        "SUN",
        "pact",
        Edge::new(EdgeKind::PartyTo).valid(Some(d("1992")), None),
    )
    .expect("an edge");
    assert_eq!(warnings(&g), Vec::<String>::new());
}

#[test]
fn kosovo_and_the_new_organization_kinds_load() {
    let text = r#"{"diplograph": "1", "nodes": [
        {"id": "XKX", "kind": "country", "name": "Kosovo"},
        {"id": "kor-nis", "kind": "organization", "name": "National Intelligence Service",
         "org_kind": "intelligence_agency"},
        {"id": "us-congress", "kind": "organization", "name": "US Congress",
         "org_kind": "legislature"},
        {"id": "icj", "kind": "organization", "name": "International Court of Justice",
         "org_kind": "court"}
    ], "edges": []}"#;
    let g = diplograph::format::from_str(text).expect("valid");
    assert_eq!(
        g.lookup("Pristina").map(|n| n.id.as_str()).ok(),
        Some("XKX")
    );
    let kinds: Vec<&str> = ["kor-nis", "us-congress", "icj"]
        .iter()
        .map(|id| match g.node(id).map(|n| &n.details) {
            Some(NodeDetails::Organization { kind }) => kind.as_str(),
            _ => "?",
        })
        .collect();
    assert_eq!(kinds, ["intelligence_agency", "legislature", "court"]);
    assert_eq!(
        "political party".parse::<OrganizationKind>().ok(),
        Some(OrganizationKind::PoliticalParty)
    );
}
