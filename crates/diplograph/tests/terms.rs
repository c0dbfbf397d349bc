//! Facts about an agreement's terms that need a citation: whether it is legally binding, its
//! renewal terms, the vote on a resolution. They load, save, validate, merge and export as
//! fields with citations, not as free attributes.
#![expect(clippy::expect_used, reason = "a test's helpers should fail loudly")]

use diplograph::export::export_csv;
use diplograph::merge::{merge, MergeOptions};
use diplograph::{Graph, ProblemCode};

/// A resolution with its vote, and a memorandum with its renewal terms and binding force, each
/// cited by its words alone (loading finds the spans).
const UN: &str = r#"{"diplograph": "1", "nodes": [
  {"id": "un-press", "kind": "source", "name": "UN press release SC/12275",
   "date": "2016-03-02",
   "text": "The Security Council unanimously adopted resolution 2270 (2016) by 15 votes in favour to none against. The memorandum is not legally binding. It is renewed each year unless either side objects."},
  {"id": "res-2270", "kind": "agreement", "name": "Resolution 2270",
   "agreement_kind": "resolution",
   "vote": {"for": 15, "against": 0, "abstain": 0, "date": "2016-03-02",
            "citations": [{"source": "un-press", "text": "by 15 votes in favour to none against"}]}},
  {"id": "mou", "kind": "agreement", "name": "A memorandum",
   "agreement_kind": "memorandum_of_understanding",
   "binding": {"value": false, "citations": [{"source": "un-press", "text": "The memorandum is not legally binding."}]},
   "renewal": {"terms": "renewed each year unless either side objects",
               "citations": [{"source": "un-press", "text": "It is renewed each year unless either side objects."}]}}
]}"#;

fn un() -> Graph {
    diplograph::format::from_str(UN).expect("valid")
}

fn problems(text: &str) -> Vec<(ProblemCode, String, String)> {
    match diplograph::format::from_str(text) {
        Ok(_) => Vec::new(),
        Err(e) => e
            .problems()
            .unwrap_or_default()
            .iter()
            .map(|p| (p.code, p.location.to_string(), p.message.clone()))
            .collect(),
    }
}

#[test]
fn the_example_states_that_the_us_rok_gsomia_is_binding_and_where() {
    let g = diplograph::example();
    let node = g.node("gsomia-kor-usa").expect("the GSOMIA");
    let binding = node
        .terms()
        .and_then(|t| t.binding.as_ref())
        .expect("stated");
    assert!(binding.value);
    let words: Vec<&str> = binding
        .citations
        .iter()
        .filter_map(|c| c.text.as_deref())
        .collect();
    assert_eq!(words.len(), 1);
    assert!(words[0].contains("with which Seoul already has a legally-binding pact"));
    assert!(!node.attributes.contains_key("legally_binding"));
}

#[test]
fn terms_load_with_spans_and_save_as_written() {
    let g = un();
    let vote = g
        .node("res-2270")
        .and_then(|n| n.terms())
        .and_then(|t| t.vote.clone())
        .expect("a vote");
    assert_eq!((vote.in_favour, vote.against, vote.abstaining), (15, 0, 0));
    // "by 15 votes in favour to none against" is bytes 64..101 of the release.
    let span = vote.citations.first().and_then(|c| c.span);
    assert_eq!(span.map(|s| (s.start, s.end)), Some((64, 101)));
    let saved = diplograph::format::to_string(&g);
    let again = diplograph::format::from_str(&saved).expect("saved graph loads");
    assert_eq!(diplograph::format::to_string(&again), saved);
    assert!(saved.contains(
        r#""binding": {
        "value": false,"#
    ));
    assert!(saved.contains(r#""for": 15,"#));
}

#[test]
fn a_term_must_cite_and_only_a_resolution_is_voted_on() {
    let text = r#"{"diplograph": "1", "nodes": [
  {"id": "pact", "kind": "agreement", "name": "A pact", "agreement_kind": "treaty",
   "binding": {"value": true},
   "vote": {"for": 1, "against": 0, "abstain": 0, "citations": []}}
]}"#;
    assert_eq!(
        problems(text),
        [
            (
                ProblemCode::UncitedTerm,
                "<input>:3:15 (/nodes/0/binding)".to_owned(),
                "agreement `pact`: `binding` cites nothing; a term of an agreement is a fact a \
                 source states: give the `citations` that state it"
                    .to_owned()
            ),
            (
                ProblemCode::KindField,
                "<input>:4:12 (/nodes/0/vote)".to_owned(),
                "agreement `pact`: `vote` belongs on a `resolution`, not on a `treaty`".to_owned()
            ),
            (
                ProblemCode::UncitedTerm,
                "<input>:4:12 (/nodes/0/vote)".to_owned(),
                "agreement `pact`: `vote` cites nothing; a term of an agreement is a fact a \
                 source states: give the `citations` that state it"
                    .to_owned()
            ),
        ]
    );
}

#[test]
fn merging_unites_equal_terms_and_reports_different_ones() {
    let a = un();
    // The same memorandum, said by another report to be binding.
    let b = diplograph::format::from_str(&UN.replace(r#""value": false"#, r#""value": true"#))
        .expect("valid");
    let merged = merge(&[("a", &a), ("b", &b)], MergeOptions::default()).expect("merges");
    let conflicts: Vec<String> = merged.conflicts.iter().map(|p| p.message.clone()).collect();
    assert_eq!(
        conflicts,
        ["`mou`: binding false (in a) or true (in b); kept false"]
    );
    let terms = merged
        .graph
        .node("res-2270")
        .and_then(|n| n.terms())
        .expect("terms");
    assert_eq!(terms.vote.as_ref().map(|v| v.citations.len()), Some(1));
}

#[test]
fn exports_carry_the_terms_values() {
    let (mut nodes, mut edges) = (Vec::new(), Vec::new());
    export_csv(&un(), &mut nodes, &mut edges).expect("exports");
    let csv = String::from_utf8(nodes).expect("UTF-8");
    let header = csv.lines().next().expect("a header");
    assert!(
        header.ends_with(",text,binding,renewal,vote_for,vote_against,vote_abstain,citation_count")
    );
    let mou = csv
        .lines()
        .find(|l| l.starts_with("mou,"))
        .expect("the memorandum's row");
    assert!(mou.ends_with(",false,renewed each year unless either side objects,,,,0"));
    let res = csv
        .lines()
        .find(|l| l.starts_with("res-2270,"))
        .expect("the resolution's row");
    assert!(res.ends_with(",resolution,,,,,,,15,0,0,0"));
}

mod generated {
    use diplograph::model::{
        AgreementKind, AgreementTerms, Binding, Node, NodeDetails, Renewal, Vote,
    };
    use diplograph::provenance::{Citation, Span};
    use diplograph::Graph;
    use proptest::prelude::*;

    const TEXT: &str = "The resolution was adopted. The pact binds. It is renewed yearly.";

    fn cited(start: usize, end: usize) -> Vec<Citation> {
        let mut c = Citation::new("src");
        c.span = Some(Span { start, end });
        vec![c]
    }

    fn terms() -> impl Strategy<Value = AgreementTerms> {
        (
            proptest::option::of(any::<bool>()),
            proptest::option::of("[a-z ]{1,30}"),
            proptest::option::of((any::<u32>(), any::<u32>(), any::<u32>())),
        )
            .prop_map(|(binding, renewal, vote)| AgreementTerms {
                binding: binding.map(|value| Binding {
                    value,
                    citations: cited(28, 42),
                }),
                renewal: renewal.map(|terms| Renewal {
                    terms,
                    citations: cited(43, 65),
                }),
                vote: vote.map(|(in_favour, against, abstaining)| Vote {
                    in_favour,
                    against,
                    abstaining,
                    date: None,
                    citations: cited(0, 27),
                }),
            })
    }

    proptest! {
        /// Any terms, cited, save and load unchanged, and a graph merged with itself keeps
        /// them with no conflict.
        #[test]
        fn terms_round_trip_and_merge_with_themselves(t in terms()) {
            let mut g = Graph::new();
            let source = NodeDetails::Source { date: None, url: None, text: Some(TEXT.to_owned()) };
            g.add_node(Node::new("src", "A source", source)).map_err(|e| TestCaseError::fail(e.to_string()))?;
            let details = NodeDetails::Agreement {
                kind: AgreementKind::Resolution,
                lifecycle: Vec::new(),
                terms: (!t.is_empty()).then(|| Box::new(t.clone())),
            };
            g.add_node(Node::new("res", "A resolution", details)).map_err(|e| TestCaseError::fail(e.to_string()))?;
            let saved = diplograph::format::to_string(&g);
            let again = diplograph::format::from_str(&saved).map_err(|e| TestCaseError::fail(e.to_string()))?;
            let kept = again.node("res").and_then(|n| n.terms()).cloned().unwrap_or_default();
            prop_assert_eq!(&kept, &t);
            let merged = diplograph::merge::merge(&[("a", &g), ("b", &again)], diplograph::merge::MergeOptions::default())
                .map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert!(merged.conflicts.is_empty());
            let kept = merged.graph.node("res").and_then(|n| n.terms()).cloned().unwrap_or_default();
            prop_assert_eq!(kept, t);
        }
    }
}
