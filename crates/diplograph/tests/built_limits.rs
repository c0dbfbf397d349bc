//! Whatever the library builds or merges, it loads back: the builder and merge refuse what the
//! loader's default limits refuse, with the same problem codes (issue #19, item 8).

use diplograph::format::{from_str, to_string};
use diplograph::merge::{merge, MergeOptions};
use diplograph::model::{Edge, EdgeKind, Node, NodeDetails};
use diplograph::{Graph, ProblemCode};

fn codes(r: diplograph::Result<impl Sized>) -> Vec<(ProblemCode, String)> {
    match r {
        Ok(_) => Vec::new(),
        Err(e) => e
            .problems()
            .unwrap_or_default()
            .iter()
            .map(|p| (p.code, p.location.path.clone()))
            .collect(),
    }
}

#[test]
fn the_builder_refuses_an_id_longer_than_the_loader_accepts() {
    let mut g = Graph::new();
    let long = "x".repeat(300);
    let found = codes(g.add_node(Node::new(long, "X", NodeDetails::Person)));
    assert_eq!(found, [(ProblemCode::LimitIdLength, "/id".to_owned())]);
    assert_eq!(g.node_count(), 0);
    // At the limit it is accepted, and the saved graph loads back.
    g.add_node(Node::new("y".repeat(256), "Y", NodeDetails::Person))
        .unwrap_or_else(|e| unreachable!("{e}"));
    assert!(from_str(&to_string(&g)).is_ok());
}

#[test]
fn the_builder_refuses_a_name_longer_than_the_loader_accepts() {
    let mut g = Graph::new();
    let name = "n".repeat(2 << 20);
    let found = codes(g.add_node(Node::new("X", name, NodeDetails::Person)));
    assert_eq!(
        found,
        [(ProblemCode::LimitStringLength, "/name".to_owned())]
    );
}

#[test]
fn the_builder_refuses_too_many_aliases_and_too_long_edge_text() {
    let mut g = Graph::new();
    let mut n = Node::new("KOR", "South Korea", NodeDetails::Country);
    n.aliases = (0..1001).map(|i| format!("alias {i}")).collect();
    let found = codes(g.add_node(n));
    assert_eq!(found, [(ProblemCode::LimitAliases, "/aliases".to_owned())]);
    for (id, name) in [("KOR", "South Korea"), ("JPN", "Japan")] {
        g.add_node(Node::new(id, name, NodeDetails::Country))
            .unwrap_or_else(|e| unreachable!("{e}"));
    }
    let mut e = Edge::new(EdgeKind::AlliedWith);
    e.attributes
        .insert("note".to_owned(), serde_json::json!(["n".repeat(2 << 20)]));
    let found = codes(g.relate("KOR", "JPN", e));
    assert_eq!(
        found,
        [(
            ProblemCode::LimitStringLength,
            "/attributes/note/0".to_owned()
        )]
    );
    assert_eq!(g.edge_count(), 0);
}

#[test]
fn a_merge_that_would_give_a_node_more_aliases_than_a_load_accepts_is_refused() {
    let with_aliases = |from: usize| {
        let mut g = Graph::new();
        let mut n = Node::new("KOR", "South Korea", NodeDetails::Country);
        n.aliases = (from..from + 600).map(|i| format!("alias {i}")).collect();
        g.add_node(n).unwrap_or_else(|e| unreachable!("{e}"));
        g
    };
    let (a, b) = (with_aliases(0), with_aliases(600));
    let err = match merge(&[("a.json", &a), ("b.json", &b)], MergeOptions::default()) {
        Ok(m) => unreachable!("merged {} aliases", m.graph.node_count()),
        Err(e) => e,
    };
    let problems = err.problems().unwrap_or_default();
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].code, ProblemCode::LimitAliases);
    assert_eq!(problems[0].id.as_deref(), Some("KOR"));
    assert!(
        problems[0]
            .message
            .ends_with("(merged from a.json, b.json)"),
        "{}",
        problems[0].message
    );
    assert!(
        problems[0]
            .message
            .starts_with("the number of aliases is 1200, over the limit of 1000"),
        "{}",
        problems[0].message
    );
}
