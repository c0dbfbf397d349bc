//! Inputs the fuzzers found (see docs/reliability.md), kept as tests.

use diplograph::format;
use diplograph::merge::{merge, MergeOptions};

/// fuzz/merge, 2026-11-28: two countries that both carried a blank Wikidata id were unified
/// by the merge (GBR swallowed JPN), so merging a valid graph with itself changed it.
#[test]
fn a_blank_external_id_unifies_nothing() {
    let text = r#"{"diplograph": "1", "nodes": [
        {"id": "GBR", "kind": "country", "name": "United Kingdom", "external_ids": {"wikidata": ""}},
        {"id": "JPN", "kind": "country", "name": "Japan", "external_ids": {"wikidata": ""}}]}"#;
    let a = format::from_str(text).unwrap();
    let aa = merge(&[("a", &a), ("again", &a)], MergeOptions::default()).unwrap();
    assert_eq!(aa.graph.node_count(), 2);
    assert_eq!(format::to_string(&aa.graph), format::to_string(&a));
}
