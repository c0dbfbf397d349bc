//! Citations given by their words alone (`text` without `span`): the words find their span in
//! the source's text, or the citation is a located problem; and one rejected node is one
//! problem, however many references to it the file has.

#![expect(clippy::expect_used, reason = "a test's helpers should fail loudly")]

use diplograph::model::{Edge, EdgeKind, Node, NodeDetails};
use diplograph::provenance::{Citation, Span};
use diplograph::Graph;

mod common;
use common::problems;

/// Every problem's message.
fn messages(text: &str) -> Vec<String> {
    common::load_problems(text)
        .into_iter()
        .map(|p| p.message)
        .collect()
}

fn doc(nodes: &str, edges: &str) -> String {
    format!("{{\"diplograph\": \"1\",\n\"nodes\": [\n{nodes}\n],\n\"edges\": [\n{edges}\n]}}")
}

/// A source holding its text: "Seoul" twice, "Tokyo" once.
const SRC: &str = r#"{"id": "src", "kind": "source", "name": "S", "text": "Seoul and Tokyo agreed. Seoul said so."}"#;

/// South Korea, cited by `citation`.
fn kor(citation: &str) -> String {
    format!(
        r#"{{"id": "KOR", "kind": "country", "name": "South Korea", "citations": [{citation}]}}"#
    )
}

/// The first citation of `KOR` once loaded.
fn loaded_citation(text: &str) -> Citation {
    let g = diplograph::format::from_str(text).expect("valid");
    g.node("KOR").expect("KOR").citations[0].clone()
}

#[test]
fn words_alone_find_their_span_on_both_paths() {
    let text = doc(
        &format!("{SRC},\n{}", kor(r#"{"source": "src", "text": "Tokyo"}"#)),
        "",
    );
    let c = loaded_citation(&text);
    assert_eq!(c.span, Some(Span { start: 10, end: 15 }));
    assert_eq!(c.text.as_deref(), Some("Tokyo"));
    // The source may come after the citation in the file.
    let later = doc(
        &format!("{},\n{SRC}", kor(r#"{"source": "src", "text": "Tokyo"}"#)),
        "",
    );
    assert_eq!(
        loaded_citation(&later).span,
        Some(Span { start: 10, end: 15 })
    );
    // An occurrence picks among repeats, and is dropped once the span says where.
    let second = doc(
        &format!(
            "{SRC},\n{}",
            kor(r#"{"source": "src", "text": "Seoul", "occurrence": 2}"#)
        ),
        "",
    );
    let c = loaded_citation(&second);
    assert_eq!(
        (c.span, c.occurrence),
        (Some(Span { start: 24, end: 29 }), None)
    );
}

#[test]
fn saving_writes_the_span_and_keeps_the_words() {
    let text = doc(
        &format!(
            "{SRC},\n{}",
            kor(r#"{"source": "src", "text": "Seoul", "occurrence": 2}"#)
        ),
        "",
    );
    let g = diplograph::format::from_str(&text).expect("valid");
    let saved = diplograph::format::to_string(&g);
    assert!(
        saved.contains(
            "\"citations\": [\n        {\n          \"source\": \"src\",\n          \"span\": [\n            24,\n            29\n          ],\n          \"text\": \"Seoul\"\n        }\n      ]"
        ),
        "{saved}"
    );
    assert!(!saved.contains("occurrence"));
    // What was saved loads back the same.
    let again = diplograph::format::from_str(&saved).expect("valid");
    assert_eq!(diplograph::format::to_string(&again), saved);
}

#[test]
fn words_not_found_or_ambiguous_are_located_problems() {
    let cases = [
        (
            "not found",
            r#"{"source": "src", "text": "Seoul and Beijing"}"#,
            vec!["citation-text-not-found 4:97 KOR /nodes/1/citations/0/text"],
            "a citation of `KOR` quotes \"Seoul and Beijing\", which is not in the text of source `src` (38 bytes); copy the words exactly as the source writes them (case and spacing count) or give a `span`",
        ),
        (
            "case and spacing differ",
            r#"{"source": "src", "text": "seoul  AND tokyo"}"#,
            vec!["citation-text-not-found 4:97 KOR /nodes/1/citations/0/text"],
            "a citation of `KOR` quotes \"seoul  AND tokyo\", which is not in the text of source `src` (38 bytes); bytes 0..15 say \"Seoul and Tokyo\", which differs only in case or spacing; copy the words exactly as the source writes them (case and spacing count) or give a `span`",
        ),
        (
            "several matches",
            r#"{"source": "src", "text": "Seoul"}"#,
            vec!["citation-text-ambiguous 4:97 KOR /nodes/1/citations/0/text"],
            "a citation of `KOR` quotes \"Seoul\", which occurs 2 times in the text of source `src` (at bytes 0..5, 24..29); add \"occurrence\": 1 to 2 to pick one, or quote more words",
        ),
        (
            "an occurrence past the last",
            r#"{"source": "src", "text": "Seoul", "occurrence": 3}"#,
            vec!["citation-text-not-found 4:120 KOR /nodes/1/citations/0/occurrence"],
            "a citation of `KOR` asks for occurrence 3 of \"Seoul\", but the text of source `src` has it only 2 times; use an `occurrence` from 1 to 2",
        ),
        (
            "an occurrence of words found once",
            r#"{"source": "src", "text": "Tokyo", "occurrence": 2}"#,
            vec!["citation-text-not-found 4:120 KOR /nodes/1/citations/0/occurrence"],
            "a citation of `KOR` asks for occurrence 2 of \"Tokyo\", but the text of source `src` has it only once; use an `occurrence` from 1 to 1",
        ),
        (
            "empty words",
            r#"{"source": "src", "text": ""}"#,
            vec!["citation-text-not-found 4:97 KOR /nodes/1/citations/0/text"],
            "a citation of `KOR` quotes \"\", which is not in the text of source `src` (38 bytes); copy the words exactly as the source writes them (case and spacing count) or give a `span`",
        ),
        (
            "an occurrence of 0",
            r#"{"source": "src", "text": "Seoul", "occurrence": 0}"#,
            vec!["out-of-range 4:120 KOR /nodes/1/citations/0/occurrence"],
            "a citation's `occurrence` counts from 1 (the first match of its `text`), not 0",
        ),
        (
            "an occurrence without words",
            r#"{"source": "src", "occurrence": 1}"#,
            vec!["kind-field 4:103 KOR /nodes/1/citations/0/occurrence"],
            "a citation's `occurrence` (1) picks among the matches of its `text`, but it has no `text`; add the words cited or drop `occurrence`",
        ),
        (
            "an occurrence beside a span",
            r#"{"source": "src", "span": [0, 5], "text": "Seoul", "occurrence": 1}"#,
            vec!["kind-field 4:136 KOR /nodes/1/citations/0/occurrence"],
            "a citation with a `span` (0..5) takes no `occurrence` (1): the span already says where; drop one of them",
        ),
        (
            "words and a span that disagree",
            r#"{"source": "src", "span": [0, 5], "text": "Tokyo"}"#,
            vec!["span-text-mismatch 4:113 KOR /nodes/1/citations/0/text"],
            "a citation of `KOR` quotes text that differs from what bytes 0..5 of `src` say: \"Seoul…\"",
        ),
    ];
    for (what, citation, want, message) in cases {
        let text = doc(&format!("{SRC},\n{}", kor(citation)), "");
        assert_eq!(problems(&text), want, "{what}");
        assert_eq!(messages(&text)[0], message, "{what}");
    }
}

#[test]
fn citations_on_steps_and_edges_resolve_and_report_alike() {
    let nodes = format!(
        "{SRC},\n{},\n{},\n{}",
        r#"{"id": "KOR", "kind": "country", "name": "South Korea"}"#,
        r#"{"id": "JPN", "kind": "country", "name": "Japan"}"#,
        r#"{"id": "pact", "kind": "agreement", "name": "Pact", "agreement_kind": "treaty", "lifecycle": [{"state": "signed", "citations": [{"source": "src", "text": "agreed"}]}]}"#
    );
    let edges = r#"{"kind": "party_to", "from": "KOR", "to": "pact", "citations": [{"source": "src", "text": "Seoul", "occurrence": 1}]},
{"kind": "party_to", "from": "JPN", "to": "pact", "citations": [{"source": "src", "text": "Tokyo agreed"}]}"#;
    let g = diplograph::format::from_str(&doc(&nodes, edges)).expect("valid");
    let NodeDetails::Agreement { lifecycle, .. } = &g.node("pact").expect("pact").details else {
        unreachable!("pact is an agreement")
    };
    assert_eq!(
        lifecycle[0].citations[0].span,
        Some(Span { start: 16, end: 22 })
    );
    let spans: Vec<Option<Span>> = g.edges().map(|e| e.edge.citations[0].span).collect();
    assert_eq!(
        spans,
        [
            Some(Span { start: 0, end: 5 }),
            Some(Span { start: 10, end: 22 })
        ]
    );
    // The same words wrong: each is placed where it is written.
    let bad_edges = edges.replace("Tokyo agreed", "Tokyo disagreed");
    let bad_nodes = nodes.replace(r#""text": "agreed""#, r#""text": "Seoul""#);
    assert_eq!(
        problems(&doc(&bad_nodes, &bad_edges)),
        [
            "citation-text-ambiguous 6:155 pact /nodes/3/lifecycle/0/citations/0/text",
            "citation-text-not-found 10:91 JPN -party_to-> pact /edges/1/citations/0/text",
        ]
    );
}

#[test]
fn a_source_without_text_takes_the_words_on_trust() {
    let text = doc(
        &format!(
            "{},\n{}",
            r#"{"id": "src", "kind": "source", "name": "S", "url": "https://example.org"}"#,
            kor(r#"{"source": "src", "text": "Seoul and Beijing", "occurrence": 2}"#)
        ),
        "",
    );
    let c = loaded_citation(&text);
    assert_eq!(
        (c.span, c.text.as_deref(), c.occurrence),
        (None, Some("Seoul and Beijing"), Some(2))
    );
    // Saved as written.
    let saved = diplograph::format::to_string(&diplograph::format::from_str(&text).unwrap());
    assert!(saved.contains("\"occurrence\": 2"), "{saved}");
}

#[test]
fn matches_are_counted_up_to_a_cap() {
    // A megabyte of one letter: every place counts, but counting stops past 10 000.
    let many = "a".repeat(1 << 20);
    let file = |citation: &str| {
        doc(
            &format!(
                "{{\"id\": \"src\", \"kind\": \"source\", \"name\": \"S\", \"text\": \"{many}\"}},\n{}",
                kor(citation)
            ),
            "",
        )
    };
    let words = "a".repeat(1000);
    let text = file(&format!(r#"{{"source": "src", "text": "{words}"}}"#));
    let m = messages(&text);
    assert_eq!(m.len(), 1);
    assert!(
        m[0].contains("which occurs more than 10000 times in the text of source `src` (at bytes 0..1000, 1..1001, 2..1002, 3..1003, 4..1004, …); add \"occurrence\": 1 to 10000 to pick one"),
        "{}",
        m[0]
    );
    let last = file(&format!(
        r#"{{"source": "src", "text": "{words}", "occurrence": 10000}}"#
    ));
    assert_eq!(
        loaded_citation(&last).span,
        Some(Span {
            start: 9999,
            end: 10999
        })
    );
    let past = file(r#"{"source": "src", "text": "a", "occurrence": 10001}"#);
    assert_eq!(
        messages(&past),
        ["a citation's `occurrence` is at most 10000, not 10001; quote more words, or give a `span`"]
    );
}

fn source(id: &str, text: &str) -> Node {
    Node::new(
        id,
        "A paper",
        NodeDetails::Source {
            date: None,
            url: None,
            text: Some(text.to_owned()),
        },
    )
}

#[test]
fn building_a_graph_resolves_words_whichever_comes_first() {
    let mut g = Graph::new();
    // The citation first, its source after: adding the source resolves it.
    let early = Citation::new("src").with_text("Tokyo");
    g.add_node(Node::new("KOR", "South Korea", NodeDetails::Country).with_citation(early))
        .unwrap();
    assert_eq!(g.node("KOR").unwrap().citations[0].span, None);
    g.add_node(source("src", "Seoul and Tokyo agreed. Seoul said so."))
        .unwrap();
    assert_eq!(
        g.node("KOR").unwrap().citations[0].span,
        Some(Span { start: 10, end: 15 })
    );
    g.add_node(Node::new("JPN", "Japan", NodeDetails::Country))
        .unwrap();
    let edge = Edge::new(EdgeKind::AlliedWith)
        .with_citation(Citation::new("src").with_text("Seoul").with_occurrence(2));
    let ix = g.relate("KOR", "JPN", edge).unwrap();
    let cited = &g.edge_at(ix).unwrap().edge.citations[0];
    assert_eq!(
        (cited.span, cited.occurrence),
        (Some(Span { start: 24, end: 29 }), None)
    );
    assert!(g.validate().is_empty());
    // Words not found stay without a span, and validation says so.
    let wrong =
        Edge::new(EdgeKind::TradesWith).with_citation(Citation::new("src").with_text("Seoul"));
    g.relate("KOR", "JPN", wrong).unwrap();
    let codes: Vec<String> = g
        .validate()
        .iter()
        .map(|p| {
            format!(
                "{} {} {}",
                p.code,
                p.id.as_deref().unwrap_or("-"),
                p.location.path
            )
        })
        .collect();
    assert_eq!(
        codes,
        ["citation-text-ambiguous KOR -trades_with-> JPN /citations/0/text"]
    );
}

/// A source whose `attributes` are not an object, cited `n` times, and an agreement whose
/// party was rejected the same way.
fn rejected_source_file(n: usize) -> String {
    let cite = r#"{"source": "src", "span": [0, 5]}"#;
    let mut nodes = vec![
        r#"{"id": "src", "kind": "source", "name": "S", "text": "Seoul said so.", "attributes": null}"#.to_owned(),
        r#"{"id": "KOR", "kind": "country", "name": "South Korea", "attributes": 7}"#.to_owned(),
        r#"{"id": "JPN", "kind": "country", "name": "Japan"}"#.to_owned(),
        r#"{"id": "pact", "kind": "agreement", "name": "Pact", "agreement_kind": "gsomia", "lifecycle": [{"state": "signed"}, {"state": "withdrawn", "party": "KOR"}]}"#.to_owned(),
    ];
    for i in 0..n {
        nodes.push(format!(
            r#"{{"id": "p{i}", "kind": "person", "name": "P{i}", "citations": [{cite}]}}"#
        ));
    }
    let edges = format!(
        "{},\n{},\n{}",
        r#"{"kind": "party_to", "from": "KOR", "to": "pact", "citations": [{"source": "src"}]}"#,
        r#"{"kind": "party_to", "from": "JPN", "to": "pact", "citations": [{"source": "src", "via": ["KOR"]}]}"#,
        r#"{"kind": "based_in", "from": "p0", "to": "KOR"}"#
    );
    doc(&nodes.join(",\n"), &edges)
}

#[test]
fn a_rejected_node_is_one_problem_that_counts_what_it_hides() {
    let text = rejected_source_file(3);
    assert_eq!(
        problems(&text),
        [
            "invalid-value 3:86 src /nodes/0/attributes",
            "invalid-value 4:71 KOR /nodes/1/attributes",
        ]
    );
    assert_eq!(
        messages(&text),
        [
            "invalid type: null, expected an object with each key once (and 4 citations naming `src` are not checked until it loads)",
            "invalid type: integer `7`, expected an object with each key once (and 2 edges, 1 citation and 2 other references naming `KOR` are not checked until it loads)",
        ]
    );
    // Many citations of it: still one problem.
    assert_eq!(problems(&rejected_source_file(400)).len(), 2);
}

#[test]
fn a_rejected_node_hides_nothing_that_does_not_name_it() {
    // A missing source that was never written is still reported.
    let text = doc(
        &format!(
            "{},\n{}",
            r#"{"id": "src", "kind": "source", "name": "S", "attributes": null}"#,
            kor(r#"{"source": "elsewhere"}"#)
        ),
        "",
    );
    assert_eq!(
        problems(&text),
        [
            "invalid-value 3:60 src /nodes/0/attributes",
            "missing-source 4:82 KOR /nodes/1/citations/0/source",
        ]
    );
    assert_eq!(
        messages(&text)[0],
        "invalid type: null, expected an object with each key once"
    );
}

mod properties {
    use diplograph::provenance::{locate_text, Located, Span};
    use proptest::prelude::*;

    /// A text of few letters (so words repeat) with some spaces and a non-ASCII letter.
    fn text() -> impl Strategy<Value = String> {
        "[abé ]{1,40}"
    }

    proptest! {
        /// Any words cut from a text, with the occurrence that counts the matches up to them,
        /// find exactly where they were cut from; and a file citing them so loads with it.
        #[test]
        fn words_and_their_occurrence_find_their_span(text in text(), a in any::<prop::sample::Index>(), b in any::<prop::sample::Index>()) {
            let bounds: Vec<usize> = (0..=text.len()).filter(|&i| text.is_char_boundary(i)).collect();
            let (x, y) = (a.get(&bounds), b.get(&bounds));
            let span = Span { start: *x.min(y), end: *x.max(y) };
            prop_assume!(span.start < span.end);
            let words = &text[span.start..span.end];
            let occurrence = (0..=span.start)
                .filter(|&i| text.get(i..).is_some_and(|rest| rest.starts_with(words)))
                .count();
            let occurrence = u32::try_from(occurrence).unwrap_or(u32::MAX);
            prop_assert_eq!(locate_text(&text, words, Some(occurrence)), Located::Found(span));
            let file = serde_json::json!({
                "diplograph": "1",
                "nodes": [
                    {"id": "src", "kind": "source", "name": "S", "text": text},
                    {"id": "KOR", "kind": "country", "name": "Korea",
                     "citations": [{"source": "src", "text": words, "occurrence": occurrence}]}
                ]
            });
            let g = diplograph::format::from_str(&file.to_string());
            let cited = g.map(|g| g.node("KOR").map(|n| n.citations[0].span));
            prop_assert_eq!(cited.ok().flatten(), Some(Some(span)));
        }

        /// Whatever the text and words, locating never panics, and every span it gives
        /// covers the words (or, when they are not found, lies on character boundaries).
        #[test]
        fn locating_any_words_is_safe(text in "\\PC{0,30}", words in "\\PC{0,6}", n in proptest::option::of(0u32..4)) {
            match locate_text(&text, &words, n) {
                Located::Found(s) => prop_assert_eq!(s.slice(&text), Some(words.as_str())),
                Located::NotFound { near } => {
                    prop_assert!(near.is_none_or(|s| s.slice(&text).is_some()));
                }
                Located::Ambiguous { first, count } => {
                    prop_assert!(count > 1 && first.len() == count.min(5));
                    prop_assert!(first.iter().all(|s| s.slice(&text) == Some(words.as_str())));
                }
                Located::PastLast { count } => prop_assert!(count >= 1),
            }
        }
    }
}
