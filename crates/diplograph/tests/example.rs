//! The built-in example: it loads with no problem, is exactly the graph its file describes, and
//! `diplograph::example()` returns it (never an empty graph).

use diplograph::model::NodeKind;

#[test]
fn example_json_loads_without_problems() {
    let g = diplograph::format::from_str(diplograph::EXAMPLE_JSON);
    assert!(g.is_ok(), "{:?}", g.err().map(|e| e.to_string()));
}

#[test]
fn example_validates_clean() {
    let problems = diplograph::example().validate();
    assert!(problems.is_empty(), "{problems:?}");
}

#[test]
fn example_has_exact_counts() {
    let g = diplograph::example();
    assert_eq!((g.node_count(), g.edge_count()), (76, 230));
    let count = |kind| g.nodes_of_kind(kind).count();
    assert_eq!(
        [
            count(NodeKind::Country),
            count(NodeKind::Person),
            count(NodeKind::Organization),
            count(NodeKind::Agreement),
            count(NodeKind::Event),
            count(NodeKind::Statement),
            count(NodeKind::Source),
        ],
        [8, 7, 14, 9, 12, 24, 1]
    );
}
