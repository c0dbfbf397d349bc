//! Places: New START, signed at Prague Castle in Prague, the capital of the Czech Republic (a
//! third country). Where a signing took place, the country a place lies in, and how a name
//! both a city node and a country's capital answer to resolves; the validation rules of
//! places, each with its code.
#![expect(clippy::expect_used, reason = "a test's helpers should fail loudly")]

use diplograph::model::{Edge, EdgeKind, LifecycleState, LifecycleStep, Node, NodeDetails};
use diplograph::query::TimelineQuery;
use diplograph::{Error, Graph, NodeKind, PlaceKind};

const NEW_START: &str = include_str!("data/new-start-prague-2010.json");

fn new_start() -> Graph {
    diplograph::format::from_str(NEW_START).expect("the New START test data is valid")
}

fn id_of(g: &Graph, ix: diplograph::NodeIndex) -> String {
    g.node_at(ix).map(|n| n.id.clone()).unwrap_or_default()
}

fn codes(g: &Graph) -> Vec<String> {
    g.validate().iter().map(|p| p.code.to_string()).collect()
}

#[test]
fn new_start_was_signed_at_prague_castle_in_the_czech_republic() {
    let g = new_start();
    assert_eq!(codes(&g), Vec::<String>::new());
    let treaty = g.resolve("New START").expect("the treaty");
    let signed: Vec<(String, String, String)> = g
        .signatories(treaty)
        .into_iter()
        .map(|s| {
            let site = s.place.expect("each signing names its place");
            (
                s.person.id,
                site.place.id,
                site.country.map(|c| c.id).unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(
        signed,
        [
            ("barack-obama".into(), "prague-castle".into(), "CZE".into()),
            (
                "dmitry-medvedev".into(),
                "prague-castle".into(),
                "CZE".into()
            ),
        ]
    );
    let steps = g
        .node("new-start")
        .and_then(|n| n.lifecycle())
        .expect("steps");
    assert_eq!(steps[0].place.as_deref(), Some("prague-castle"));
    assert_eq!(steps[1].place, None);
}

#[test]
fn the_country_of_a_place_is_found_up_located_in() {
    let g = new_start();
    let country = |id: &str| {
        let ix = g.index_of(id).expect("a node");
        g.country_of(ix).map(|c| id_of(&g, c))
    };
    assert_eq!(country("prague-castle").as_deref(), Some("CZE"));
    assert_eq!(country("prague").as_deref(), Some("CZE"));
    assert_eq!(country("CZE").as_deref(), Some("CZE"));
    assert_eq!(country("barack-obama"), None);
    assert_eq!(
        g.site("prague-castle").map(|s| s.to_string()).as_deref(),
        Some("Prague Castle (Czech Republic)")
    );
    assert_eq!(
        g.site("CZE").map(|s| s.to_string()).as_deref(),
        Some("Czech Republic")
    );
}

#[test]
fn timeline_and_profiles_say_where() {
    let g = new_start();
    let entries: Vec<(String, String, Option<String>)> = g
        .timeline(&TimelineQuery::default())
        .into_iter()
        .map(|e| {
            (
                e.date.to_string(),
                e.description,
                e.place.and_then(|s| s.country).map(|c| c.id),
            )
        })
        .collect();
    assert_eq!(
        entries,
        [
            (
                "2010-04-08".into(),
                "signed, in Prague Castle (Czech Republic)".into(),
                Some("CZE".into())
            ),
            ("2010-04-08".into(), "signing".into(), Some("CZE".into())),
            ("2011-02-05".into(), "in_force".into(), None),
        ]
    );
    let event = g.resolve("New START signing ceremony").expect("the event");
    let p = g.profile(event, None).expect("a profile");
    let held: Vec<String> = p.held_in.iter().map(ToString::to_string).collect();
    assert_eq!(held, ["Prague Castle (Czech Republic)"]);
    let castle = g.resolve("Prague Castle").expect("the castle");
    let p = g.profile(castle, None).expect("a profile");
    assert_eq!(p.country.map(|c| c.id).as_deref(), Some("CZE"));
    assert_eq!(p.subkind.as_deref(), Some("venue"));
}

#[test]
fn a_name_a_city_and_a_capital_answer_to_resolves_by_the_kind_asked() {
    let g = new_start();
    let as_party = g
        .resolve_as("Prague", NodeKind::PARTIES)
        .expect("Prague, as a party, is the Czech Republic");
    assert_eq!(id_of(&g, as_party), "CZE");
    let as_place = g
        .resolve_as("Prague", &[NodeKind::Place])
        .expect("Prague, as a place, is the city");
    assert_eq!(id_of(&g, as_place), "prague");
    match g.resolve("Prague") {
        Err(e @ Error::AmbiguousName { .. }) => assert_eq!(
            e.to_string(),
            "`Prague` is ambiguous; it could be: Prague (place `prague`), Czech Republic \
             (country `CZE`); use an id instead"
        ),
        other => panic!("expected an ambiguity, got {other:?}"),
    }
    // An exact id is never ambiguous; a name only other kinds answer to says what it names.
    assert_eq!(
        g.resolve("prague").map(|ix| id_of(&g, ix)).ok().as_deref(),
        Some("prague")
    );
    assert_eq!(
        g.resolve_as("Prague Castle", NodeKind::PARTIES)
            .err()
            .map(|e| e.to_string())
            .as_deref(),
        Some(
            "no node is called `Prague Castle` as a country or organization (it names place \
             `prague-castle`)"
        )
    );
}

#[test]
fn capitals_without_a_city_node_still_name_their_country() {
    let g = diplograph::example();
    let seoul = g.resolve("Seoul").expect("Seoul is South Korea");
    assert_eq!(id_of(&g, seoul), "KOR");
    let hawaii = g.resolve_as("Hawaii", &[NodeKind::Place]).expect("Hawaii");
    assert_eq!(
        g.country_of(hawaii).map(|c| id_of(&g, c)).as_deref(),
        Some("USA")
    );
}

#[test]
fn places_round_trip_through_the_native_format() {
    let g = new_start();
    let text = diplograph::format::to_string(&g);
    let back = diplograph::format::from_str(&text).expect("what we save loads");
    assert_eq!(diplograph::format::to_string(&back), text);
    assert!(text.contains("\"place_kind\": \"venue\""));
    assert!(text.contains("\"place\": \"prague-castle\""));
}

fn small() -> Graph {
    let mut g = Graph::new();
    for (id, name) in [("USA", "United States"), ("RUS", "Russia")] {
        g.add_node(Node::new(id, name, NodeDetails::Country))
            .expect("a country");
    }
    for (id, name) in [("a", "A"), ("b", "B")] {
        g.add_node(Node::new(
            id,
            name,
            NodeDetails::Place {
                kind: PlaceKind::City,
            },
        ))
        .expect("a place");
    }
    g.add_node(Node::new("p", "P", NodeDetails::Person))
        .expect("a person");
    g
}

#[test]
fn located_in_going_round_is_an_error_with_its_code() {
    let mut g = small();
    g.relate("a", "b", Edge::new(EdgeKind::LocatedIn))
        .expect("a in b");
    g.relate("b", "a", Edge::new(EdgeKind::LocatedIn))
        .expect("b in a");
    let problems: Vec<String> = g.validate().iter().map(ToString::to_string).collect();
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].contains("located-in-cycle"), "{problems:?}");
    assert!(problems[0].contains("(a -> b -> a)"), "{problems:?}");
    let a = g.index_of("a").expect("a");
    assert_eq!(g.country_of(a), None);
}

#[test]
fn a_signings_place_names_a_place_or_a_country() {
    let mut g = small();
    g.add_node(Node::new(
        "pact",
        "Pact",
        NodeDetails::Agreement {
            kind: diplograph::AgreementKind::Treaty,
            lifecycle: vec![LifecycleStep::new(LifecycleState::Signed, None).with_place("nowhere")],
            terms: None,
        },
    ))
    .expect("the pact");
    let signed =
        |place: &str| Edge::new(EdgeKind::Signed).qualified(|q| q.place = Some(place.into()));
    let err = |e: diplograph::Result<_>| {
        e.err()
            .and_then(|e| e.problems().map(|p| p[0].code.to_string()))
    };
    assert_eq!(
        err(g.relate("p", "pact", signed("p"))).as_deref(),
        Some("place-not-a-place")
    );
    assert_eq!(
        err(g.relate("p", "pact", signed("x"))).as_deref(),
        Some("dangling-reference")
    );
    assert!(g.relate("p", "pact", signed("a")).is_ok());
    assert!(g.relate("p", "pact", signed("USA")).is_ok());
    let on_party_to = Edge::new(EdgeKind::PartyTo).qualified(|q| q.place = Some("a".into()));
    assert_eq!(
        err(g.relate("USA", "pact", on_party_to)).as_deref(),
        Some("kind-field")
    );
    assert_eq!(codes(&g), ["dangling-reference"]);
    // held_in takes a place or a country, located_in goes from a place.
    g.add_node(Node::new(
        "talks",
        "Talks",
        NodeDetails::Event {
            kind: diplograph::EventKind::Meeting,
            when: Default::default(),
            place: None,
            status: Default::default(),
        },
    ))
    .expect("an event");
    assert!(g.relate("talks", "a", Edge::new(EdgeKind::HeldIn)).is_ok());
    assert!(g
        .relate("talks", "RUS", Edge::new(EdgeKind::HeldIn))
        .is_ok());
    assert_eq!(
        err(g.relate("talks", "p", Edge::new(EdgeKind::HeldIn))).as_deref(),
        Some("edge-endpoint-kind")
    );
    assert_eq!(
        err(g.relate("USA", "a", Edge::new(EdgeKind::LocatedIn))).as_deref(),
        Some("edge-endpoint-kind")
    );
}

#[test]
fn a_place_needs_its_kind_and_only_a_place_takes_one() {
    let doc = |node: &str| format!(r#"{{"diplograph": "1", "nodes": [{node}], "edges": []}}"#);
    let code = |text: String| {
        diplograph::format::from_str(&text)
            .err()
            .and_then(|e| e.problems().map(|p| p[0].code.to_string()))
    };
    assert_eq!(
        code(doc(r#"{"id": "x", "kind": "place", "name": "X"}"#)).as_deref(),
        Some("kind-field")
    );
    assert_eq!(
        code(doc(
            r#"{"id": "x", "kind": "person", "name": "X", "place_kind": "city"}"#
        ))
        .as_deref(),
        Some("kind-field")
    );
    assert_eq!(
        code(doc(
            r#"{"id": "x", "kind": "place", "name": "X", "place_kind": "planet"}"#
        ))
        .as_deref(),
        Some("invalid-value")
    );
}

#[test]
fn merging_keeps_a_steps_place_and_reports_two_different_ones() {
    use diplograph::merge::{merge, MergeOptions};
    let a = new_start();
    // The same history told with the city for the castle, and once without a place.
    let b = diplograph::format::from_str(&NEW_START.replacen(
        r#""date": "2010-04-08", "place": "prague-castle","#,
        r#""date": "2010-04-08", "place": "prague","#,
        1,
    ))
    .expect("the city as the signing's place");
    let m = merge(&[("a", &a), ("b", &b)], MergeOptions::default()).expect("merges");
    let conflicts: Vec<String> = m.conflicts.iter().map(|p| p.message.clone()).collect();
    assert_eq!(
        conflicts,
        [
            "`new-start`: the `signed` step's place is `prague` (in b) or `prague-castle` (in a); \
          kept `prague`"
        ]
    );
    // The same answer whichever input comes first.
    let swapped = merge(&[("b", &b), ("a", &a)], MergeOptions::default()).expect("merges");
    assert_eq!(swapped.conflicts, m.conflicts);
    let c = diplograph::format::from_str(&NEW_START.replacen(
        r#""date": "2010-04-08", "place": "prague-castle","#,
        r#""date": "2010-04-08","#,
        1,
    ))
    .expect("no place for the step");
    let m = merge(&[("c", &c), ("a", &a)], MergeOptions::default()).expect("merges");
    assert!(m.conflicts.is_empty(), "{:?}", m.conflicts);
    let steps = m
        .graph
        .node("new-start")
        .and_then(|n| n.lifecycle())
        .expect("steps");
    assert_eq!(steps[0].place.as_deref(), Some("prague-castle"));
}

#[test]
fn a_statement_is_made_in_a_place_or_a_country() {
    let mut g = new_start();
    g.add_node(Node::new(
        "remark",
        "A remark",
        NodeDetails::Statement {
            text: diplograph::model::StatementText::Paraphrase("a remark".into()),
            date: None,
            cue: None,
        },
    ))
    .expect("a statement");
    assert!(g
        .relate("remark", "prague-castle", Edge::new(EdgeKind::MadeIn))
        .is_ok());
    assert!(g
        .relate("remark", "CZE", Edge::new(EdgeKind::MadeIn))
        .is_ok());
    let err = g
        .relate("remark", "barack-obama", Edge::new(EdgeKind::MadeIn))
        .err()
        .and_then(|e| e.problems().map(|p| p[0].code.to_string()));
    assert_eq!(err.as_deref(), Some("edge-endpoint-kind"));
}

#[test]
fn merging_keeps_both_places_two_sources_give_for_one_signature() {
    use diplograph::merge::{merge, MergeOptions};
    let a = new_start();
    // Another report has Obama sign in the city, not the castle: a second fact, not the same
    // one (neither place may be lost).
    let b = diplograph::format::from_str(&NEW_START.replacen(
        r#""on_behalf_of": "USA", "place": "prague-castle","#,
        r#""on_behalf_of": "USA", "place": "prague","#,
        1,
    ))
    .expect("the city as Obama's place of signing");
    let places = |g: &Graph| {
        let obama = g.index_of("barack-obama").expect("Obama");
        let mut p: Vec<String> = g
            .edges_from(obama, Some(EdgeKind::Signed))
            .filter_map(|e| e.edge.place().map(str::to_owned))
            .collect();
        p.sort();
        p
    };
    for inputs in [[("a", &a), ("b", &b)], [("b", &b), ("a", &a)]] {
        let m = merge(&inputs, MergeOptions::default()).expect("merges");
        assert_eq!(places(&m.graph), ["prague", "prague-castle"]);
    }
    // The same place from both: one signature.
    let m = merge(&[("a", &a), ("a2", &a)], MergeOptions::default()).expect("merges");
    assert_eq!(places(&m.graph), ["prague-castle"]);
}
