//! The native format: the example against the JSON Schema, round trips, determinism, spans.

use diplograph::format::{from_str, to_string};
use diplograph::model::NodeDetails;

const SCHEMA: &str = include_str!("../../../docs/diplograph.schema.json");
const LATER: &str = include_str!("data/jpn-kor-gsomia-2016-11.json");
const EDTF: &str = include_str!("data/edtf-dates.json");
const HISTORIES: &str = include_str!("data/treaty-histories.json");
const RECAAP: &str = include_str!("data/recaap-hub.json");
const MOU: &str = include_str!("data/defence-mou-ministries.json");
const REPORTS: &str = include_str!("data/gsomia-notice-reports-2019-08.json");

#[test]
fn datasets_validate_against_the_json_schema() {
    let schema: serde_json::Value = serde_json::from_str(SCHEMA).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    for text in [
        diplograph::EXAMPLE_JSON,
        LATER,
        EDTF,
        HISTORIES,
        RECAAP,
        MOU,
        REPORTS,
    ] {
        let doc: serde_json::Value = serde_json::from_str(text).unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&doc)
            .map(|e| format!("{} at {}", e, e.instance_path))
            .collect();
        assert!(errors.is_empty(), "{errors:#?}");
    }
    // The schema is not vacuous: a typo'd key and a bad date are rejected.
    let bad: serde_json::Value = serde_json::from_str(
        r#"{"diplograph": "1", "nodes": [{"id": "KOR", "kind": "country", "name": "K", "alias": []},
            {"id": "e", "kind": "event", "name": "E", "event_kind": "summit", "date": "2016-13"}]}"#,
    )
    .unwrap();
    assert_eq!(validator.iter_errors(&bad).count(), 2);
    // An unnamed speaker needs its description; `chain` belongs on `reported_by`.
    let bad: serde_json::Value = serde_json::from_str(
        r#"{"diplograph": "1", "nodes": [{"id": "p", "kind": "person", "name": "P", "unnamed": true}],
            "edges": [{"kind": "about", "from": "s", "to": "p", "chain": 2}]}"#,
    )
    .unwrap();
    assert_eq!(validator.iter_errors(&bad).count(), 2);
    // A citation by its words may pick a match; `occurrence` needs `text`, counts from 1,
    // and is not given beside a `span`.
    let cited = |citation: &str| -> serde_json::Value {
        serde_json::from_str(&format!(
            r#"{{"diplograph": "1", "nodes": [{{"id": "KOR", "kind": "country", "name": "K",
                "citations": [{citation}]}}]}}"#
        ))
        .unwrap()
    };
    let errors = |citation: &str| validator.iter_errors(&cited(citation)).count();
    assert_eq!(
        errors(r#"{"source": "s", "text": "Seoul", "occurrence": 2}"#),
        0
    );
    assert_eq!(errors(r#"{"source": "s", "occurrence": 2}"#), 1);
    assert_eq!(
        errors(r#"{"source": "s", "text": "Seoul", "occurrence": 0}"#),
        1
    );
    assert_eq!(
        errors(r#"{"source": "s", "span": [0, 5], "text": "Seoul", "occurrence": 1}"#),
        1
    );
}

#[test]
fn load_then_save_gives_the_same_bytes() {
    for text in [diplograph::EXAMPLE_JSON, LATER, EDTF, HISTORIES, REPORTS] {
        let g = from_str(text).unwrap();
        let saved = to_string(&g);
        assert_eq!(saved, text, "the committed datasets are in canonical form");
        let again = to_string(&from_str(&saved).unwrap());
        assert_eq!(again, saved);
    }
}

#[test]
fn saving_is_independent_of_insertion_order() {
    let g = diplograph::example();
    // Rebuild the graph inserting nodes and edges in reverse order.
    let mut rev = diplograph::Graph::new();
    rev.title.clone_from(&g.title);
    rev.description.clone_from(&g.description);
    let nodes: Vec<_> = g.nodes().map(|(_, n)| n.clone()).collect();
    for n in nodes.into_iter().rev() {
        rev.add_node(n).unwrap();
    }
    let edges: Vec<_> = g
        .edges()
        .map(|e| (e.from.id.clone(), e.to.id.clone(), e.edge.clone()))
        .collect();
    for (f, t, e) in edges.into_iter().rev() {
        rev.relate(&f, &t, e).unwrap();
    }
    assert_eq!(to_string(&rev), to_string(&g));
}

#[test]
fn every_citation_span_in_the_example_matches_its_sentence() {
    let g = diplograph::example();
    let text = g
        .nodes()
        .find_map(|(_, n)| match &n.details {
            NodeDetails::Source { text: Some(t), .. } if n.id == "st-2016-06-04" => Some(t.clone()),
            _ => None,
        })
        .unwrap();
    assert_eq!(text, include_str!("../data/straits-times-2016-06-04.txt"));
    let mut citations = Vec::new();
    for (_, n) in g.nodes() {
        citations.extend(n.citation_lists().flatten());
    }
    for e in g.edges() {
        citations.extend(e.edge.citations.iter());
    }
    assert_eq!(citations.len(), 418);
    for c in citations {
        assert_eq!(c.source, "st-2016-06-04");
        let span = c.span.unwrap();
        assert_eq!(span.slice(&text), c.text.as_deref(), "span {span}");
    }
    // Every node and edge cites something.
    assert!(g
        .nodes()
        .all(|(_, n)| !n.citations.is_empty() || n.id == "st-2016-06-04"));
    assert!(g.edges().all(|e| !e.edge.citations.is_empty()));
}

#[test]
fn example_holds_the_whole_article() {
    let g = diplograph::example();
    let count = |k: diplograph::model::NodeKind| g.nodes_of_kind(k).count();
    use diplograph::model::NodeKind::*;
    assert_eq!(
        [
            Country,
            Person,
            Organization,
            Agreement,
            Event,
            Statement,
            Source
        ]
        .map(count),
        [8, 7, 14, 9, 12, 24, 1]
    );
    assert_eq!(g.edge_count(), 230);
    // Every quotation is verbatim: each quote occurs in the article.
    let article = include_str!("../data/straits-times-2016-06-04.txt");
    for n in g.nodes_of_kind(Statement) {
        if let NodeDetails::Statement { text, .. } = &n.details {
            if text.is_quote() {
                assert!(article.contains(text.text()), "{} is not verbatim", n.id);
            }
        }
    }
}

/// An event's `end`: absent is a one-date event, `null` an event begun on its date whose end is
/// unknown, a date its last day; each saves back as it was written.
#[test]
fn an_event_end_may_be_absent_null_or_a_date() {
    let text = |end: &str| {
        format!(
            r#"{{"diplograph": "1", "nodes": [
  {{"id": "talks", "kind": "event", "name": "Talks", "event_kind": "talks_round", "date": "2016-06"{end}}}]}}"#
        )
    };
    let when = |end: &str| {
        let g = from_str(&text(end)).unwrap();
        let node = g.node("talks").unwrap();
        let NodeDetails::Event { when, .. } = &node.details else {
            unreachable!("an event")
        };
        let show = |d: Option<diplograph::time::PartialDate>| d.map(|d| d.to_string());
        let saved = to_string(&g);
        (
            show(when.start),
            show(when.end),
            saved.contains(r#""end": null"#),
        )
    };
    let month = Some("2016-06".to_owned());
    assert_eq!(when(""), (month.clone(), month.clone(), false));
    assert_eq!(when(r#", "end": null"#), (month.clone(), None, true));
    assert_eq!(
        when(r#", "end": "2016-07-02""#),
        (month, Some("2016-07-02".to_owned()), false)
    );
}
