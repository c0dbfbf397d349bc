//! Merging: unification rules, conflicts, strict mode, order independence, no lost citation.

use diplograph::format::{from_str, to_string};
use diplograph::merge::{merge, MergeOptions};
use diplograph::Graph;

fn load(text: &str) -> Graph {
    match from_str(text) {
        Ok(g) => g,
        Err(e) => unreachable!("test data is valid: {e}"),
    }
}

fn later() -> Graph {
    load(include_str!("data/jpn-kor-gsomia-2016-11.json"))
}

fn citation_count(g: &Graph) -> usize {
    let nodes: usize = g
        .nodes()
        .map(|(_, n)| {
            n.citations.len()
                + n.lifecycle()
                    .map_or(0, |l| l.iter().map(|s| s.citations.len()).sum())
        })
        .sum();
    nodes + g.edges().map(|e| e.edge.citations.len()).sum::<usize>()
}

#[test]
fn merging_is_order_independent_and_idempotent() {
    let (a, b) = (diplograph::example(), later());
    let ab = merge(&[("a", &a), ("b", &b)], MergeOptions::default()).unwrap();
    let ba = merge(&[("b", &b), ("a", &a)], MergeOptions::default()).unwrap();
    assert_eq!(to_string(&ab.graph), to_string(&ba.graph));
    assert!(ab.conflicts.is_empty(), "{:?}", ab.conflicts);
    let aa = merge(&[("a", &a), ("a again", &a)], MergeOptions::default()).unwrap();
    assert_eq!(to_string(&aa.graph), to_string(&a));
    // Merging a merge with one of its inputs adds no fact (the title counts the inputs).
    let mut again = merge(&[("ab", &ab.graph), ("b", &b)], MergeOptions::default())
        .unwrap()
        .graph;
    again.title.clone_from(&ab.graph.title);
    again.description.clone_from(&ab.graph.description);
    assert_eq!(to_string(&again), to_string(&ab.graph));
    assert_eq!(ab.graph.title.as_deref(), Some("merge of 2 graphs"));
    // Shared nodes are unified: KOR, JPN, han-min-koo, kor-mnd, yonhap appear once.
    assert_eq!(ab.graph.node_count(), a.node_count() + b.node_count() - 5);
}

#[test]
fn no_citation_is_lost() {
    let (a, b) = (diplograph::example(), later());
    let ab = merge(&[("a", &a), ("b", &b)], MergeOptions::default()).unwrap();
    // Han's office as Defence Minister is stated by both: the merged edge carries both citations.
    let han = ab.graph.resolve("han-min-koo").unwrap();
    let office = ab
        .graph
        .edges_from(han, Some(diplograph::model::EdgeKind::HoldsOffice))
        .next()
        .unwrap();
    let sources: Vec<&str> = office
        .edge
        .citations
        .iter()
        .map(|c| c.source.as_str())
        .collect();
    assert_eq!(
        sources,
        ["report-2016-11-23", "st-2016-06-04", "st-2016-06-04"]
    );
    // Nothing stated twice is counted twice, nothing stated once is dropped.
    let shared = {
        let kor_a = a.node("KOR").unwrap().citations.len() + b.node("KOR").unwrap().citations.len();
        kor_a - ab.graph.node("KOR").unwrap().citations.len()
    };
    assert_eq!(shared, 0);
    assert!(citation_count(&ab.graph) >= citation_count(&a).max(citation_count(&b)));
    assert_eq!(
        citation_count(&ab.graph),
        citation_count(&a) + citation_count(&b)
    );
}

const A: &str = r#"{"diplograph": "1", "nodes": [
  {"id": "src-a", "kind": "source", "name": "A"},
  {"id": "KOR", "kind": "country", "name": "South Korea", "citations": [{"source": "src-a"}]},
  {"id": "han", "kind": "person", "name": "Han Min Koo", "external_ids": {"wikidata": "Q100"}},
  {"id": "pact", "kind": "agreement", "name": "Pact", "agreement_kind": "treaty",
   "lifecycle": [{"state": "signed", "date": "2016-11-23", "citations": [{"source": "src-a"}]}]},
  {"id": "x", "kind": "person", "name": "X"}
]}"#;

const B: &str = r#"{"diplograph": "1", "nodes": [
  {"id": "src-b", "kind": "source", "name": "B"},
  {"id": "KOR", "kind": "country", "name": "Republic of Korea", "citations": [{"source": "src-b"}]},
  {"id": "han-min-koo", "kind": "person", "name": "Han Min-koo", "external_ids": {"wikidata": "Q100"}},
  {"id": "pact", "kind": "agreement", "name": "Pact", "agreement_kind": "treaty",
   "lifecycle": [{"state": "signed", "date": "2016-11-22", "citations": [{"source": "src-b"}]}]},
  {"id": "x", "kind": "organization", "name": "X Corp", "org_kind": "company"},
  {"id": "mnd", "kind": "organization", "name": "Ministry of National Defense", "org_kind": "ministry",
   "aliases": ["MND"]}
], "edges": [{"kind": "holds_office", "from": "han-min-koo", "to": "mnd", "title": "Defence Minister"}]}"#;

const C: &str = r#"{"diplograph": "1", "nodes": [
  {"id": "kor-mnd", "kind": "organization", "name": "MND", "org_kind": "ministry", "aliases": ["ROK defence ministry"]}
]}"#;

#[test]
fn conflicts_are_reported_with_both_inputs() {
    let (a, b) = (load(A), load(B));
    let m = merge(&[("a.json", &a), ("b.json", &b)], MergeOptions::default()).unwrap();
    let reversed = merge(&[("b.json", &b), ("a.json", &a)], MergeOptions::default()).unwrap();
    assert_eq!(m.conflicts, reversed.conflicts);
    assert_eq!(to_string(&m.graph), to_string(&reversed.graph));
    let messages: Vec<String> = m
        .conflicts
        .iter()
        .map(|p| format!("{} {}", p.code, p.message))
        .collect();
    assert_eq!(
        messages,
        [
            "merge-conflict `KOR` is named \"Republic of Korea\" (in b.json) or \"South Korea\" (in a.json); kept \"Republic of Korea\", the others are aliases",
            "merge-conflict `pact`: the `signed` step is dated 2016-11-22 (in b.json) or 2016-11-23 (in a.json); kept each, with its own citations",
            "merge-conflict `x` names nodes of different kinds (person, organization); kept apart as `x~organization` (in a.json, b.json)",
        ]
    );
    // Unified by Wikidata id: one Han, under the smaller id; the other name, "Han Min-koo",
    // is his name with a hyphen, so no alias of its own.
    let han = m.graph.node("han").unwrap();
    assert_eq!((han.name.as_str(), han.aliases.len()), ("Han Min Koo", 0));
    assert!(m.graph.node("han-min-koo").is_none());
    // The edge from B follows Han to his merged id.
    let h = m.graph.resolve("han").unwrap();
    assert_eq!(m.graph.edges_from(h, None).count(), 1);
    // Both conflicting steps survive, each with its own citation.
    let pact = m.graph.node("pact").unwrap().lifecycle().unwrap();
    assert_eq!(pact.len(), 2);
    assert_eq!(pact[0].citations.len(), 1);
    assert_eq!(pact[1].citations.len(), 1);
    assert!(m.graph.node("x~organization").is_some());
    let strict = merge(
        &[("a.json", &a), ("b.json", &b)],
        MergeOptions {
            strict: true,
            ..MergeOptions::default()
        },
    );
    let codes: Vec<&str> = strict
        .as_ref()
        .err()
        .and_then(|e| e.problems())
        .map(|ps| ps.iter().map(|p| p.code.as_str()).collect())
        .unwrap_or_default();
    assert_eq!(
        codes,
        ["merge-conflict", "merge-conflict", "merge-conflict"]
    );
}

#[test]
fn declared_aliases_unify_nodes_of_one_kind() {
    let (b, c) = (load(B), load(C));
    let m = merge(&[("b", &b), ("c", &c)], MergeOptions::default()).unwrap();
    // C's "kor-mnd" is called "MND", which B's ministry declares as an alias.
    assert!(m.graph.node("kor-mnd").is_some());
    assert!(m.graph.node("mnd").is_none());
    let ministry = m.graph.node("kor-mnd").unwrap();
    assert_eq!(ministry.name, "MND");
    assert_eq!(
        ministry.aliases,
        ["Ministry of National Defense", "ROK defence ministry"]
    );
    assert_eq!(
        m.graph.lookup("ROK defence ministry").unwrap().id,
        "kor-mnd"
    );
}

#[test]
fn a_shared_alias_alone_does_not_unify() {
    let a = load(
        r#"{"diplograph": "1", "nodes": [{"id": "kor-mnd", "kind": "organization", "name": "Ministry of National Defense", "org_kind": "ministry", "aliases": ["the ministry"]}]}"#,
    );
    let b = load(
        r#"{"diplograph": "1", "nodes": [{"id": "jpn-mod", "kind": "organization", "name": "Ministry of Defense", "org_kind": "ministry", "aliases": ["the ministry"]}]}"#,
    );
    let m = merge(&[("a", &a), ("b", &b)], MergeOptions::default()).unwrap();
    assert_eq!(m.graph.node_count(), 2);
    let messages: Vec<&str> = m.conflicts.iter().map(|p| p.message.as_str()).collect();
    assert_eq!(
        messages,
        // Once per shared alias, not once per node (issue #19).
        ["alias \"the ministry\" is a name of 2 nodes: `jpn-mod`, `kor-mnd`; lookups by it would be ambiguous — drop it or make it more specific (in b)"]
    );
}

#[test]
fn unnamed_speakers_are_never_united_by_name() {
    // Two reports' "senior US official": the second declares the first's name as an alias,
    // which would unite two named nodes (see `declared_aliases_unify_nodes_of_one_kind`).
    let a = load(
        r#"{"diplograph": "1", "nodes": [{"id": "us-official", "kind": "person", "name": "a senior US official", "unnamed": true, "description": "a senior US official"}]}"#,
    );
    let b = load(
        r#"{"diplograph": "1", "nodes": [{"id": "official-2", "kind": "person", "name": "senior US official", "aliases": ["a senior US official"], "unnamed": true, "description": "a senior US official"}]}"#,
    );
    let m = merge(&[("a", &a), ("b", &b)], MergeOptions::default()).unwrap();
    let ids: Vec<&str> = m.graph.nodes().map(|(_, n)| n.id.as_str()).collect();
    assert_eq!(ids, ["official-2", "us-official"]);
    assert!(m.conflicts.is_empty(), "{:?}", m.conflicts);
    // Named, the same two nodes are one.
    let named = |g: &Graph| {
        let mut g = g.clone();
        for (_, n) in g.clone().nodes() {
            let mut n = n.clone();
            n.unnamed = None;
            g = Graph::new();
            g.add_node(n).unwrap();
        }
        g
    };
    let m = merge(
        &[("a", &named(&a)), ("b", &named(&b))],
        MergeOptions::default(),
    )
    .unwrap();
    assert_eq!(m.graph.node_count(), 1);
}

#[test]
fn one_unnamed_speaker_by_id_keeps_the_description_and_says_where_naming_differs() {
    let a = load(
        r#"{"diplograph": "1", "nodes": [{"id": "us-official", "kind": "person", "name": "US official", "unnamed": true, "description": "a senior US official"}]}"#,
    );
    let b = load(
        r#"{"diplograph": "1", "nodes": [{"id": "us-official", "kind": "person", "name": "US official"}]}"#,
    );
    let m = merge(&[("a", &a), ("b", &b)], MergeOptions::default()).unwrap();
    let node = m.graph.node("us-official").unwrap();
    assert_eq!(node.unnamed.as_deref(), Some("a senior US official"));
    assert_eq!(
        messages(&m),
        ["merge-conflict `us-official`: is named (in b) or unnamed (\"a senior US official\") (in a); kept unnamed (\"a senior US official\")"]
    );
}

#[test]
fn cues_and_parallel_chains_merge_by_their_rules() {
    let report = |words: &str, outlet: &str, chain: &str| {
        load(&format!(
            r#"{{"diplograph": "1", "nodes": [
                {{"id": "s", "kind": "statement", "name": "S", "paraphrase": "P", "cue": {{"words": "{words}"}}}},
                {{"id": "{outlet}", "kind": "organization", "name": "{outlet}", "org_kind": "news_outlet"}}],
              "edges": [{{"kind": "reported_by", "from": "s", "to": "{outlet}", "position": 1{chain}}}]}}"#
        ))
    };
    // The same words: one cue. Outlets on chains of their own: both kept, each on its chain.
    let a = report("said", "yonhap", "");
    let b = report("said", "reuters", r#", "chain": 2"#);
    let m = merge(&[("a", &a), ("b", &b)], MergeOptions::default()).unwrap();
    assert!(m.conflicts.is_empty(), "{:?}", m.conflicts);
    let s = m.graph.resolve("s").unwrap();
    // (No `said` edge: the speaker is "someone unnamed".)
    assert_eq!(
        m.graph.attribution(s).text,
        "someone unnamed, reported by yonhap; in parallel, reported by reuters"
    );
    assert_eq!(
        m.graph
            .node("s")
            .and_then(|n| n.cue())
            .map(|c| c.words.as_str()),
        Some("said")
    );
    // Different words: a conflict keeping the longer.
    let c = report("told reporters", "yonhap", "");
    let m = merge(&[("a", &a), ("c", &c)], MergeOptions::default()).unwrap();
    assert_eq!(
        messages(&m),
        ["merge-conflict `s`: the reporting words \"said\" (in a) or \"told reporters\" (in c); kept \"told reporters\""]
    );
    // Two outlets at one place of one chain: the merged graph breaks the rule, and says so.
    let d = report("said", "reuters", "");
    let err = merge(&[("a", &a), ("d", &d)], MergeOptions::default())
        .err()
        .and_then(|e| {
            e.problems()
                .map(|p| p.iter().map(|p| p.code.as_str()).collect::<Vec<_>>())
        });
    assert_eq!(err, Some(vec!["duplicate-chain-position"]));
}

/// Found by the property tests: two inputs whose ids pair nodes whose names collide once
/// normalized ("a" / "À"). The merge gives `person-1` the alias "À", which is also
/// `person-0`'s name; merging again with the inputs must not then collapse the two nodes, since
/// each input says they are different entities.
#[test]
fn an_alias_does_not_unite_nodes_an_input_keeps_apart() {
    let a = load(
        r#"{"diplograph": "1", "nodes": [
            {"id": "person-0", "kind": "person", "name": "a"},
            {"id": "person-1", "kind": "person", "name": "À"}]}"#,
    );
    let b = load(
        r#"{"diplograph": "1", "nodes": [
            {"id": "person-0", "kind": "person", "name": "A"},
            {"id": "person-1", "kind": "person", "name": "0"}]}"#,
    );
    let once = merge(&[("a", &a), ("b", &b)], MergeOptions::default()).unwrap();
    let names: Vec<(&str, &str, Vec<&str>)> = once
        .graph
        .nodes()
        .map(|(_, n)| {
            let aliases = n.aliases.iter().map(String::as_str).collect();
            (n.id.as_str(), n.name.as_str(), aliases)
        })
        .collect();
    assert_eq!(
        names,
        // "a" is "A" in another case: not an alias of its own.
        [("person-0", "A", vec![]), ("person-1", "0", vec!["À"])]
    );
    let twice = merge(
        &[("merged", &once.graph), ("a", &a), ("b", &b)],
        MergeOptions::default(),
    )
    .unwrap();
    assert_eq!(to_string(&twice.graph), to_string(&once.graph));
}

/// Case, accent and hyphen variants of one name from several inputs are one alias, kept in
/// one spelling, and a variant of the node's own name is no alias.
#[test]
fn variants_of_one_alias_are_kept_once() {
    let a = load(
        r#"{"diplograph": "1", "nodes": [
            {"id": "han", "kind": "person", "name": "Han Min-koo", "aliases": ["Minister Han", "Han"]}]}"#,
    );
    let b = load(
        r#"{"diplograph": "1", "nodes": [
            {"id": "han", "kind": "person", "name": "Han Min Koo", "aliases": ["MINISTER HAN", "minister-han", "Defence Minister Han"]}]}"#,
    );
    let merged = merge(&[("a", &a), ("b", &b)], MergeOptions::default()).unwrap();
    let han = merged
        .graph
        .node("han")
        .map(|n| (n.name.as_str(), n.aliases.clone()));
    assert_eq!(
        han,
        Some((
            "Han Min Koo",
            vec![
                "Defence Minister Han".to_owned(),
                "Han".to_owned(),
                "MINISTER HAN".to_owned()
            ]
        ))
    );
}

/// Two countries and a source, with `trades_with` KOR→JPN stated by `edges` (share, source).
fn trades(edges: &[(Option<f64>, &str)]) -> Graph {
    use diplograph::model::{Edge, EdgeKind, Node, NodeDetails};
    use diplograph::provenance::Citation;
    let mut g = Graph::new();
    for (id, name) in [("JPN", "Japan"), ("KOR", "South Korea")] {
        g.add_node(Node::new(id, name, NodeDetails::Country))
            .unwrap_or_else(|e| unreachable!("{e}"));
    }
    for id in ["src-a", "src-b"] {
        let source = NodeDetails::Source {
            date: None,
            url: None,
            text: None,
        };
        g.add_node(Node::new(id, id, source))
            .unwrap_or_else(|e| unreachable!("{e}"));
    }
    for (share, source) in edges {
        let e = Edge::new(EdgeKind::TradesWith)
            .qualified(|q| q.share = *share)
            .with_citation(Citation::new(*source));
        g.relate("KOR", "JPN", e)
            .unwrap_or_else(|e| unreachable!("{e}"));
    }
    // Through the saved text, as a file would be.
    load(&to_string(&g))
}

#[test]
fn edges_that_differ_in_a_qualifier_are_distinct_facts_and_a_merge_keeps_them() {
    let a = trades(&[(Some(0.1), "src-a"), (Some(0.2), "src-a")]);
    let aa = merge(&[("a", &a), ("again", &a)], MergeOptions::default()).unwrap();
    assert_eq!(aa.graph.edge_count(), 2);
    assert!(aa.conflicts.is_empty(), "{:?}", aa.conflicts);
    assert_eq!(to_string(&aa.graph), to_string(&a));
    // Two inputs that give one fact different shares state two facts, and no conflict.
    let b = trades(&[(Some(0.3), "src-b")]);
    let ab = merge(&[("a", &a), ("b", &b)], MergeOptions::default()).unwrap();
    assert_eq!(ab.graph.edge_count(), 3);
    assert!(ab.conflicts.is_empty(), "{:?}", ab.conflicts);
}

#[test]
fn edges_that_differ_only_in_citations_are_one_fact_across_inputs_and_kept_within_one() {
    // Within one file, two statements of one fact stay two: merging the file with itself
    // gives the file, byte for byte.
    let a = trades(&[(Some(0.1), "src-a"), (Some(0.1), "src-b")]);
    let aa = merge(&[("a", &a), ("again", &a)], MergeOptions::default()).unwrap();
    assert_eq!(to_string(&aa.graph), to_string(&a));
    assert!(aa.conflicts.is_empty(), "{:?}", aa.conflicts);
    // Across files, one fact stated once in each is one edge with the citations of both.
    let (x, y) = (
        trades(&[(Some(0.1), "src-a")]),
        trades(&[(Some(0.1), "src-b")]),
    );
    let xy = merge(&[("x", &x), ("y", &y)], MergeOptions::default()).unwrap();
    assert_eq!(xy.graph.edge_count(), 1);
    let sources: Vec<&str> = xy
        .graph
        .edges()
        .flat_map(|e| e.edge.citations.iter().map(|c| c.source.as_str()))
        .collect();
    assert_eq!(sources, ["src-a", "src-b"]);
}

#[test]
fn an_attribute_conflict_is_reported_once_whatever_the_order_of_the_inputs() {
    use diplograph::model::{Edge, EdgeKind};
    let with_tag = |tag: &str| {
        let mut g = trades(&[]);
        let mut e = Edge::new(EdgeKind::AlliedWith);
        e.attributes
            .insert("tag".to_owned(), serde_json::json!(tag));
        g.relate("KOR", "JPN", e)
            .unwrap_or_else(|e| unreachable!("{e}"));
        g
    };
    let (a, b) = (with_tag("one"), with_tag("two"));
    let ab = merge(&[("a", &a), ("b", &b)], MergeOptions::default()).unwrap();
    let ba = merge(&[("b", &b), ("a", &a)], MergeOptions::default()).unwrap();
    let messages = |m: &diplograph::merge::Merged| -> Vec<String> {
        m.conflicts.iter().map(|p| p.message.clone()).collect()
    };
    assert_eq!(
        messages(&ab),
        ["`KOR allied_with JPN        `: attribute `tag` is \"one\" or \"two\" (in a, b)"]
    );
    assert_eq!(messages(&ab), messages(&ba));
}

fn messages(m: &diplograph::merge::Merged) -> Vec<String> {
    m.conflicts
        .iter()
        .chain(&m.refinements)
        .map(|p| format!("{} {}", p.code, p.message))
        .collect()
}

fn steps(g: &Graph, id: &str) -> Vec<String> {
    g.node(id)
        .and_then(|n| n.lifecycle())
        .unwrap_or_default()
        .iter()
        .map(|s| {
            let cited: Vec<&str> = s.citations.iter().map(|c| c.source.as_str()).collect();
            let date = s.date.map(|d| d.to_string()).unwrap_or_default();
            format!("{} {date} [{}]", s.state, cited.join(" "))
        })
        .collect()
}

fn pact(source: &str, steps: &str) -> Graph {
    load(&format!(
        r#"{{"diplograph": "1", "nodes": [
  {{"id": "{source}", "kind": "source", "name": "{source}"}},
  {{"id": "JPN", "kind": "country", "name": "Japan"}},
  {{"id": "KOR", "kind": "country", "name": "South Korea"}},
  {{"id": "pact", "kind": "agreement", "name": "Pact", "agreement_kind": "treaty", "lifecycle": [{steps}]}}
]}}"#
    ))
}

/// Issue 13, defect 1: the same state at two dates is history; nothing depends on the names.
#[test]
fn repeated_steps_are_history_and_names_do_not_matter() {
    let a = pact(
        "src-a",
        r#"{"state": "signed", "date": "2010-01-10", "citations": [{"source": "src-a"}]}"#,
    );
    let b = pact(
        "src-b",
        r#"{"state": "signed", "date": "2010-01-10", "citations": [{"source": "src-b"}]},
           {"state": "in_force", "date": "2010-01-10", "citations": [{"source": "src-b"}]},
           {"state": "in_force", "date": "2012-05-01", "citations": [{"source": "src-b"}]}"#,
    );
    let expected = [
        "signed 2010-01-10 [src-a src-b]",
        "in_force 2010-01-10 [src-b]",
        "in_force 2012-05-01 [src-b]",
    ];
    let mut texts = Vec::new();
    for (x, y) in [
        ("a.json", "b.json"),
        ("z.json", "b.json"),
        ("b.json", "a.json"),
    ] {
        for pair in [[(x, &a), (y, &b)], [(y, &b), (x, &a)]] {
            let m = merge(&pair, MergeOptions::default()).unwrap();
            assert_eq!(steps(&m.graph, "pact"), expected);
            assert!(messages(&m).is_empty(), "{:?}", messages(&m));
            texts.push(to_string(&m.graph));
        }
    }
    assert!(texts.iter().all(|t| *t == texts[0]));
}

/// Issue 13, defect 2: a finer date refines a coarser one (kept, with both citations, as a
/// note); a place that contains another refines it; dates that cannot both be true conflict.
#[test]
fn the_finer_date_and_the_fuller_place_are_kept_as_refinements() {
    let a = pact(
        "src-a",
        r#"{"state": "signed", "date": "2010", "citations": [{"source": "src-a"}]}"#,
    );
    let b = pact(
        "src-b",
        r#"{"state": "signed", "date": "2010-01-10", "citations": [{"source": "src-b"}]}"#,
    );
    for pair in [
        [("a.json", &a), ("b.json", &b)],
        [("b.json", &b), ("a.json", &a)],
    ] {
        let m = merge(
            &pair,
            MergeOptions {
                strict: true,
                ..MergeOptions::default()
            },
        )
        .unwrap();
        assert_eq!(steps(&m.graph, "pact"), ["signed 2010-01-10 [src-a src-b]"]);
        assert_eq!(
            messages(&m),
            ["merge-refinement `pact`: the `signed` step's date is 2010 (in a.json) or 2010-01-10 (in b.json); kept the finer 2010-01-10"]
        );
    }
    let talks = |source: &str, when: &str, place: &str| {
        load(&format!(
            r#"{{"diplograph": "1", "nodes": [
  {{"id": "{source}", "kind": "source", "name": "{source}"}},
  {{"id": "talks", "kind": "event", "name": "Talks", "event_kind": "meeting", "date": "{when}",
    "place": "{place}", "citations": [{{"source": "{source}"}}]}}]}}"#
        ))
    };
    let x = talks("src-x", "2016-01", "Geneva");
    let y = talks("src-y", "2016-01-15", "the Palais des Nations, Geneva");
    let m = merge(&[("y", &y), ("x", &x)], MergeOptions::default()).unwrap();
    let node = m.graph.node("talks").unwrap();
    match &node.details {
        diplograph::NodeDetails::Event { when, place, .. } => {
            assert_eq!(
                when.start.map(|d| d.to_string()).as_deref(),
                Some("2016-01-15")
            );
            assert_eq!(place.as_deref(), Some("the Palais des Nations, Geneva"));
        }
        other => unreachable!("{other:?}"),
    }
    assert_eq!(node.citations.len(), 2);
    assert!(m.conflicts.is_empty(), "{:?}", m.conflicts);
    assert_eq!(
        messages(&m),
        [
            "merge-refinement `talks`: dates 2016-01 (in x) or 2016-01-15 (in y); kept the finer 2016-01-15",
            "merge-refinement `talks`: place \"Geneva\" (in x) or \"the Palais des Nations, Geneva\" (in y); kept the finer \"the Palais des Nations, Geneva\"",
        ]
    );
    let z = talks("src-z", "2016-02", "Lausanne");
    let m = merge(&[("x", &x), ("z", &z)], MergeOptions::default()).unwrap();
    assert_eq!(
        messages(&m),
        [
            "merge-conflict `talks`: dates 2016-01 (in x) or 2016-02 (in z); kept 2016-01",
            "merge-conflict `talks`: place \"Geneva\" (in x) or \"Lausanne\" (in z); kept \"Lausanne\"",
        ]
    );
}

/// Issue 13, defect 3: every citation stays on the step it backed.
#[test]
fn step_citations_stay_on_their_step() {
    let a = pact(
        "src-a",
        r#"{"state": "signed", "date": "2009-12-01", "citations": [{"source": "src-a"}]},
           {"state": "in_force", "date": "2010-01-10", "citations": [{"source": "src-a"}]}"#,
    );
    let b = pact(
        "src-b",
        r#"{"state": "signed", "date": "2009-12-01", "citations": [{"source": "src-b"}]},
           {"state": "in_force", "date": "2011-03-01", "citations": [{"source": "src-b"}]}"#,
    );
    let m = merge(&[("a", &a), ("b", &b)], MergeOptions::default()).unwrap();
    assert_eq!(
        steps(&m.graph, "pact"),
        [
            "signed 2009-12-01 [src-a src-b]",
            "in_force 2010-01-10 [src-a]",
            "in_force 2011-03-01 [src-b]",
        ]
    );
    // Two dates for a step that happens once are a conflict naming each input, both kept.
    let c = pact(
        "src-c",
        r#"{"state": "signed", "date": "2009-11-30", "citations": [{"source": "src-c"}]}"#,
    );
    let m = merge(&[("b", &b), ("c", &c), ("a", &a)], MergeOptions::default()).unwrap();
    assert_eq!(
        messages(&m),
        ["merge-conflict `pact`: the `signed` step is dated 2009-11-30 (in c) or 2009-12-01 (in a, b); kept each, with its own citations"]
    );
}

/// Issue 13, defect 4: a merged lifecycle that breaks an order rule is a conflict naming the
/// inputs and both values.
#[test]
fn a_merged_lifecycle_that_breaks_the_order_rules_is_a_conflict() {
    let a = pact(
        "src-a",
        r#"{"state": "negotiating", "attested": "2012-03-01", "citations": [{"source": "src-a"}]}"#,
    );
    let b = pact(
        "src-b",
        r#"{"state": "in_force", "date": "2011-06-01", "citations": [{"source": "src-b"}]}"#,
    );
    let m = merge(&[("a.json", &a), ("b.json", &b)], MergeOptions::default()).unwrap();
    assert_eq!(
        messages(&m),
        ["merge-conflict `pact`: the merged lifecycle breaks a rule (lifecycle-order): agreement `pact`: lifecycle step 1 (`negotiating`) comes after `in_force` (step 0), which is a later state; steps go proposed, negotiating, agreed, initialled, signed, ratified or provisionally applied, in force (or suspended, and back), then terminated or expired; the steps are `in_force` 2011-06-01 (in b.json), `negotiating` attested 2012-03-01 (in a.json)"]
    );
}

fn office(source: &str, dates: &str) -> Graph {
    load(&format!(
        r#"{{"diplograph": "1", "nodes": [
  {{"id": "{source}", "kind": "source", "name": "{source}"}},
  {{"id": "USA", "kind": "country", "name": "United States"}},
  {{"id": "carter", "kind": "person", "name": "Ash Carter"}}
], "edges": [{{"kind": "holds_office", "from": "carter", "to": "USA", "title": "Secretary of Defense",
   {dates}, "citations": [{{"source": "{source}"}}]}}]}}"#
    ))
}

/// Issue 13, defect 5: an undated office attested inside a dated term is that term.
#[test]
fn an_attested_office_inside_a_dated_term_is_one_fact() {
    let attested = office("st", r#""attested": "2016-06-04""#);
    let dated = office("wiki", r#""start": "2015-02-17", "end": "2017-01-20""#);
    let outside = office("old", r#""attested": "2014-05-01""#);
    for pair in [
        [("a", &attested), ("b", &dated)],
        [("b", &dated), ("a", &attested)],
    ] {
        let m = merge(&pair, MergeOptions::default()).unwrap();
        assert_eq!(m.graph.edge_count(), 1);
        let e = m.graph.edges().next().unwrap();
        assert_eq!(e.edge.valid.to_string(), "2015-02-17 .. 2017-01-20");
        let sources: Vec<&str> = e.edge.citations.iter().map(|c| c.source.as_str()).collect();
        assert_eq!(sources, ["st", "wiki"]);
        assert_eq!(
            e.edge
                .attested
                .iter()
                .map(|d| d.to_string())
                .collect::<Vec<_>>(),
            ["2016-06-04"]
        );
    }
    let m = merge(&[("c", &outside), ("b", &dated)], MergeOptions::default()).unwrap();
    assert_eq!(m.graph.edge_count(), 2);
}

/// Issue 13, defect 6: the title is given or "merge of N graphs", the inputs listed.
#[test]
fn the_merged_title_is_given_or_counts_the_inputs() {
    let (a, b) = (diplograph::example(), later());
    let m = merge(&[("a", &a), ("b", &b)], MergeOptions::default()).unwrap();
    assert_eq!(m.graph.title.as_deref(), Some("merge of 2 graphs"));
    assert_eq!(
        m.graph.description.as_deref(),
        Some("Merged from 2 graphs:\n- Japan–South Korea GSOMIA, 23 November 2016\n- Shangri-La Dialogue 2016: US, South Korea, Japan defence chiefs")
    );
    let options = MergeOptions {
        title: Some("Korea and Japan, 2016".to_owned()),
        ..MergeOptions::default()
    };
    let m = merge(&[("a", &a), ("b", &b)], options).unwrap();
    assert_eq!(m.graph.title.as_deref(), Some("Korea and Japan, 2016"));
}

/// Issue 13, "Done when": the built-in example and the test datasets merge to the same bytes
/// whatever the order and the names of the inputs.
#[test]
fn the_example_and_the_datasets_merge_to_the_same_bytes_whatever_the_order_and_names() {
    let graphs = [
        diplograph::example(),
        later(),
        load(include_str!("data/edtf-dates.json")),
    ];
    let orders: [[usize; 3]; 6] = [
        [0, 1, 2],
        [0, 2, 1],
        [1, 0, 2],
        [1, 2, 0],
        [2, 0, 1],
        [2, 1, 0],
    ];
    let names = [["a", "b", "c"], ["zz", "y.json", "0"]];
    let mut texts = std::collections::BTreeSet::new();
    for order in orders {
        for n in names {
            let inputs: Vec<(&str, &Graph)> = order.iter().map(|&i| (n[i], &graphs[i])).collect();
            let m = merge(&inputs, MergeOptions::default()).unwrap();
            texts.insert(to_string(&m.graph));
        }
    }
    assert_eq!(texts.len(), 1);
}
