//! The pictures of the example and of a graph named with injection bait.

use super::*;
use crate::query::{ChainQuery, Family};

/// The page's data: the JSON document inside it.
fn data_of(page: &str) -> serde_json::Value {
    let open = r#"<script type="application/json" id="dg-data">"#;
    let start = page.find(open).map(|i| i + open.len()).unwrap_or_default();
    let end = page[start..]
        .find("</script>")
        .map(|i| start + i)
        .unwrap_or_default();
    serde_json::from_str(&page[start..end]).unwrap_or_else(|e| unreachable!("{e}"))
}

#[test]
fn the_examples_page_holds_the_whole_graph_and_works_offline() {
    let g = crate::example();
    let page = html(&g, &ViewOptions::default());
    let data = data_of(&page);
    assert_eq!(data["nodes"].as_array().map(Vec::len), Some(76));
    assert_eq!(data["edges"].as_array().map(Vec::len), Some(230));
    // The slider starts on the report's date, the latest source's.
    assert_eq!(data["date"], "2016-06-04");
    assert_eq!(data["note"], serde_json::Value::Null);
    // Nothing is fetched: no script, style sheet or image from elsewhere.
    for fetch in ["<script src", "<link", "<img", "<iframe", "url("] {
        assert!(!page.contains(fetch), "{fetch}");
    }
    assert!(page.contains("Copyright (c) 2016-2026, The Cytoscape Consortium"));
    // Under 1 MB with the vendored script.
    assert!(page.len() < 1_000_000, "{} bytes", page.len());
}

#[test]
fn a_citation_carries_the_source_text_around_the_cited_words() {
    let g = crate::example();
    let data = data_of(&html(&g, &ViewOptions::default()));
    let gsomia = data["nodes"]
        .as_array()
        .and_then(|n| n.iter().find(|n| n["id"] == "gsomia-kor-usa"))
        .cloned()
        .unwrap_or_default();
    let cite = &data["citations"][gsomia["cites"][0].as_u64().unwrap_or(u64::MAX) as usize];
    assert_eq!(
        cite["words"],
        "Under the framework, South Korea would pass relevant information to the United States, \
         with which Seoul already has a legally-binding pact to share and safeguard intelligence \
         called General Security of Military Information Agreement (GSOMIA)."
    );
    assert_eq!(
        cite["before"],
        "Talks would continue on sharing and safeguarding sensitive information on Pyongyang's \
         missile and nuclear programmes, he added. "
    );
    assert_eq!(cite["via"], serde_json::json!(["Reuters"]));
}

#[test]
fn an_agreements_states_over_time_are_the_cores() {
    let g = crate::example();
    let data = data_of(&html(&g, &ViewOptions::default()));
    let line = data["nodes"]
        .as_array()
        .and_then(|n| {
            n.iter()
                .find(|n| n["id"] == "kor-jpn-ministers-direct-line")
        })
        .cloned()
        .unwrap_or_default();
    // Agreed on the day of the meeting: nothing before it, certain that day, possible after.
    assert_eq!(
        line["states"],
        serde_json::json!([
            {"f": "2016-06-04", "u": "2016-06-05", "s": "agreed", "c": "certain",
             "t": "agreed since 2016-06-04"},
            {"f": "2016-06-05", "u": null, "s": "agreed", "c": "possible",
             "t": "agreed since 2016-06-04"}
        ])
    );
}

#[test]
fn a_neighbourhood_is_drawn_with_a_note() {
    let g = crate::example();
    let korea = g.resolve("KOR").unwrap_or_else(|e| unreachable!("{e}"));
    let data = data_of(&html(&g, &ViewOptions::default().around(korea, 1)));
    let n = data["nodes"].as_array().map_or(0, Vec::len);
    assert!(n < 76);
    assert_eq!(
        data["note"],
        format!("the neighbourhood of South Korea within 1 edge: {n} of 76 nodes")
    );
}

#[test]
fn a_big_graph_is_drawn_as_its_most_connected_part() {
    let g = crate::example();
    let data = data_of(&html(&g, &ViewOptions::default().max_nodes(10)));
    let ids: Vec<&str> = data["nodes"]
        .as_array()
        .map(|n| n.iter().filter_map(|n| n["id"].as_str()).collect())
        .unwrap_or_default();
    // The ten with most edges; the source their citations name is not drawn, but its text is
    // in the citations.
    assert_eq!(ids.len(), 10, "{ids:?}");
    assert!(ids.contains(&"USA") && ids.contains(&"KOR") && !ids.contains(&"st-2016-06-04"));
    assert!(data["citations"].as_array().is_some_and(|c| c
        .iter()
        .all(|c| c["source_id"] == "st-2016-06-04" && c["words"] != "")));
    assert_eq!(
        data["note"],
        format!(
            "the most connected nodes: {} of 76 nodes, {} of 230 edges; draw a neighbourhood to \
             see the rest (--around NODE --depth N)",
            ids.len(),
            data["edges"].as_array().map_or(0, Vec::len)
        )
    );
}

#[test]
fn a_chain_highlights_its_stops_agreements_and_participations() {
    let g = crate::example();
    let q = ChainQuery::new(Family::Intelligence).with_on_opt(Some(
        "2016-06-04".parse().unwrap_or_else(|e| unreachable!("{e}")),
    ));
    let (kor, jpn) = (g.resolve("KOR"), g.resolve("JPN"));
    let chains = g.chains(
        kor.unwrap_or_else(|e| unreachable!("{e}")),
        jpn.unwrap_or_else(|e| unreachable!("{e}")),
        &q,
    );
    let h = Highlight::chains(&chains);
    assert_eq!(
        h.nodes,
        ["JPN", "KOR", "USA", "gsomia-jpn-usa", "gsomia-kor-usa"]
    );
    let edges: Vec<String> = h
        .edges
        .iter()
        .map(|(f, k, t)| format!("{f} {k} {t}"))
        .collect();
    assert_eq!(
        edges,
        [
            "KOR party_to gsomia-kor-usa",
            "USA party_to gsomia-kor-usa",
            "USA party_to gsomia-jpn-usa",
            "JPN party_to gsomia-jpn-usa"
        ]
    );
    assert_eq!(
        h.text,
        [
            "chain 1: South Korea → US–South Korea GSOMIA → United States; United States → \
          US–Japan GSOMIA → Japan"
        ]
    );
    let data = data_of(&html(&g, &ViewOptions::default().highlight(h)));
    let lit = data["edges"]
        .as_array()
        .map_or(0, |e| e.iter().filter(|e| e["hl"] == true).count());
    assert_eq!(lit, 4);
}

#[test]
fn bait_names_neither_end_the_script_nor_break_the_svg() {
    let g = crate::export::tests::bait_graph();
    let page = html(&g, &ViewOptions::default());
    // The only `</script>` are the three that close the page's own scripts.
    assert_eq!(page.matches("</script>").count(), 3);
    assert!(!page.contains("<node id=\"evil\">"));
    let data = data_of(&page);
    assert!(data["nodes"]
        .as_array()
        .is_some_and(|n| n.iter().any(|n| n["name"] == BAIT_NODE)));
    let svg = timeline_svg(&g, &TimelineQuery::default());
    assert!(svg.contains("bait &quot;graph&quot; &lt;&amp;&gt;"));
    assert!(!svg.contains("<venue>"));
}

const BAIT_NODE: &str = "</node><node id=\"evil\">";

#[test]
fn the_examples_timeline_svg() {
    let g = crate::example();
    let q = TimelineQuery {
        statements: true,
        ..TimelineQuery::default()
    };
    insta::assert_snapshot!("example_timeline_svg", timeline_svg(&g, &q));
}

#[test]
fn a_window_narrows_the_timeline() {
    let g = crate::example();
    let q = TimelineQuery {
        from: Some("2016-06".parse().unwrap_or_else(|e| unreachable!("{e}"))),
        to: Some("2016-06-30".parse().unwrap_or_else(|e| unreachable!("{e}"))),
        ..TimelineQuery::default()
    };
    let svg = timeline_svg(&g, &q);
    // Daily ticks over June, no statements lane (not asked for).
    assert!(svg.contains(">2016-06-04<") || svg.contains(">2016-06-05<"));
    assert!(!svg.contains("statements</text>"));
    assert!(svg.contains("Carter–Han bilateral meeting"));
    assert!(
        !svg.contains("North Korea&#39;s fourth nuclear test")
            && !svg.contains("fourth nuclear test")
    );
}

#[test]
fn a_neighbourhood_too_big_to_lay_out_keeps_its_centre_and_best_connected_neighbours() {
    let g = crate::example();
    let korea = g.resolve("KOR").unwrap_or_else(|e| unreachable!("{e}"));
    let options = ViewOptions::default().around(korea, 2).max_nodes(10);
    let data = data_of(&html(&g, &options));
    let ids: Vec<&str> = data["nodes"]
        .as_array()
        .map(|n| n.iter().filter_map(|n| n["id"].as_str()).collect())
        .unwrap_or_default();
    assert!(ids.contains(&"KOR") && ids.contains(&"USA"), "{ids:?}");
    let whole = g
        .neighbourhood(
            korea,
            &NeighbourhoodQuery {
                depth: 2,
                ..Default::default()
            },
        )
        .node_count();
    assert_eq!(
        data["note"],
        format!(
            "the neighbourhood of South Korea within 2 edges has {whole} nodes: drawn are South \
             Korea and the neighbours with the most edges, {} nodes and {} edges; a smaller \
             --depth draws it whole",
            ids.len(),
            data["edges"].as_array().map_or(0, Vec::len)
        )
    );
}

#[test]
fn a_dense_big_graph_draws_at_most_the_edge_cap_between_its_best_connected_nodes() {
    let mut g = Graph::new();
    let ix: Vec<NodeIndex> = (0..80)
        .map(|i| {
            g.insert_node_unchecked(crate::Node::new(
                format!("p{i:02}"),
                format!("Person {i}"),
                NodeDetails::Person,
            ))
        })
        .collect();
    for &a in &ix {
        for &b in &ix {
            if a != b {
                g.insert_edge_unchecked(a, b, crate::Edge::new(EdgeKind::Threatens));
            }
        }
    }
    assert_eq!(g.edge_count(), 80 * 79);
    let data = data_of(&html(&g, &ViewOptions::default().max_nodes(70)));
    assert_eq!(data["nodes"].as_array().map(Vec::len), Some(70));
    assert_eq!(
        data["edges"].as_array().map(Vec::len),
        Some(MAX_DRAWN_EDGES)
    );
    assert_eq!(
        data["note"],
        "the most connected nodes: 70 of 80 nodes, 2000 of 6320 edges; draw a neighbourhood to \
         see the rest (--around NODE --depth N)"
    );
}
