//! Snapshot tests of every exporter on a small graph full of injection bait and on the
//! built-in example, plus checks of the escaping each format relies on.

use super::*;
use crate::model::{
    AgreementKind, Edge, EdgeKind, LifecycleState, LifecycleStep, Node, NodeDetails,
};
use crate::model::{EventKind, OrganizationKind, StatementText};
use crate::provenance::Citation;

/// The names every exporter must carry without breaking its file.
pub(crate) const BAIT: &[&str] = &[
    "a\"]; b [label=\"x",
    "</node><node id=\"evil\">",
    "x\n} digraph {",
    "=HYPERLINK(\"http://x\")",
    "it's a \\ `})` & <b>",
];

fn d(s: &str) -> crate::time::PartialDate {
    s.parse().unwrap_or_else(|e| unreachable!("{e}"))
}

/// A small graph: Namibia (whose ISO alpha-2 code `NA` must survive CSV readers), South
/// Korea, a GSOMIA with a lifecycle, people and an organization named with injection bait,
/// an event, a statement and a source.
pub(crate) fn bait_graph() -> Graph {
    let mut g = Graph::new();
    g.title = Some("bait \"graph\" <&>".to_owned());
    let nodes = vec![
        Node::new("NAM", "Namibia", NodeDetails::Country)
            .with_alias("NA")
            .with_attribute("iso2", serde_json::json!("NA"))
            .with_attribute("population_m", serde_json::json!(2.6)),
        Node::new("KOR", "South Korea", NodeDetails::Country)
            .with_alias("ROK")
            .with_attribute("iso2", serde_json::json!("KR"))
            .with_attribute("population_m", serde_json::json!(51)),
        Node::new("p1", BAIT[0], NodeDetails::Person)
            .with_attribute("tags", serde_json::json!(["a", 1])),
        Node::new("p2", BAIT[1], NodeDetails::Person),
        Node::new(
            "o\"1",
            BAIT[2],
            NodeDetails::Organization {
                kind: OrganizationKind::Ministry,
            },
        ),
        Node::new(
            "o2",
            BAIT[3],
            NodeDetails::Organization {
                kind: OrganizationKind::NewsOutlet,
            },
        ),
        Node::new(
            "o3",
            BAIT[4],
            NodeDetails::Organization {
                kind: OrganizationKind::Other,
            },
        ),
        Node::new(
            "g",
            "GSOMIA",
            NodeDetails::Agreement {
                kind: AgreementKind::Gsomia,
                lifecycle: vec![
                    LifecycleStep {
                        state: LifecycleState::Signed,
                        date: Some(d("2016-11")),
                        attested: None,
                        party: None,
                        citations: vec![],
                    },
                    LifecycleStep {
                        state: LifecycleState::Suspended,
                        date: Some(d("2019-08-22")),
                        attested: None,
                        party: None,
                        citations: vec![],
                    },
                ],
            },
        ),
        Node::new(
            "ev",
            "Talks",
            NodeDetails::Event {
                kind: EventKind::Meeting,
                when: crate::time::Interval::new(Some(d("2016-06")), Some(d("2016-06-05"))),
                place: Some("Singapore".to_owned()),
            },
        ),
        Node::new(
            "st",
            "remark",
            NodeDetails::Statement {
                text: StatementText::Quote("We said \"no\".\nTwice.".to_owned()),
                date: Some(d("2016-06-04")),
            },
        )
        .with_citation(Citation::new("src").via("o2")),
        Node::new(
            "src",
            "Article",
            NodeDetails::Source {
                date: Some(d("2016-06-04")),
                url: Some("https://example.invalid/a?b=1&c=2".to_owned()),
                text: Some("Full text.".to_owned()),
            },
        ),
    ];
    for n in nodes {
        g.add_node(n).unwrap_or_else(|e| unreachable!("{e}"));
    }
    let edges = [
        (
            "NAM",
            "g",
            Edge::new(EdgeKind::PartyTo).valid(Some(d("2016-11-23")), None),
        ),
        ("KOR", "g", Edge::new(EdgeKind::PartyTo)),
        (
            "p1",
            "o\"1",
            Edge::new(EdgeKind::HoldsOffice).with_title(BAIT[1]),
        ),
        ("p2", "ev", Edge::new(EdgeKind::Attended)),
        ("p1", "st", Edge::new(EdgeKind::Said)),
        (
            "st",
            "o2",
            Edge::new(EdgeKind::ReportedBy).qualified(|q| q.position = Some(1)),
        ),
        (
            "NAM",
            "KOR",
            Edge::new(EdgeKind::TradesWith).qualified(|q| {
                q.share = Some(0.25);
                q.amount = Some("=1+1".to_owned());
            }),
        ),
        ("ev", "KOR", Edge::new(EdgeKind::HeldIn)),
    ];
    for (f, t, e) in edges {
        g.relate(f, t, e).unwrap_or_else(|e| unreachable!("{e}"));
    }
    g
}

fn out(g: &Graph, f: ExportFormat) -> String {
    export_to_string(g, f).unwrap_or_else(|e| unreachable!("{e}"))
}

#[test]
fn format_names_round_trip() {
    for f in ExportFormat::ALL {
        assert_eq!(f.as_str().parse::<ExportFormat>().ok(), Some(*f));
    }
    assert_eq!(
        "Node-Link".parse::<ExportFormat>().ok(),
        Some(ExportFormat::Nodelink)
    );
    assert_eq!(
        "mmd".parse::<ExportFormat>().ok(),
        Some(ExportFormat::Mermaid)
    );
    assert_eq!(
        "svg".parse::<ExportFormat>().err().map(|e| e.to_string()).as_deref(),
        Some("unknown ExportFormat `svg`; expected one of: json, dot, graphml, gexf, nodelink, csv, cypher, mermaid")
    );
}

#[test]
fn csv_needs_two_tables() {
    let err = export_to_string(&bait_graph(), ExportFormat::Csv)
        .err()
        .map(|e| e.to_string());
    assert_eq!(
        err.as_deref(),
        Some("cannot write output: the csv export writes two tables (nodes and edges): write it to a directory")
    );
}

#[test]
fn snapshots_of_the_bait_graph() {
    let g = bait_graph();
    for f in ExportFormat::ALL
        .iter()
        .filter(|f| f.is_single_stream() && **f != ExportFormat::Json)
    {
        insta::assert_snapshot!(format!("bait_{f}"), out(&g, *f));
    }
    let (mut nodes, mut edges) = (Vec::new(), Vec::new());
    export_csv(&g, &mut nodes, &mut edges).unwrap_or_else(|e| unreachable!("{e}"));
    insta::assert_snapshot!("bait_csv_nodes", String::from_utf8_lossy(&nodes));
    insta::assert_snapshot!("bait_csv_edges", String::from_utf8_lossy(&edges));
}

#[test]
fn snapshots_of_the_example() {
    let g = crate::example();
    assert_eq!(g.node_count(), 75);
    // The display formats are small enough to review whole.
    insta::assert_snapshot!("example_dot", out(&g, ExportFormat::Dot));
    insta::assert_snapshot!("example_mermaid", out(&g, ExportFormat::Mermaid));
    // The data formats carry the article's text; their heads show the declarations.
    for f in [
        ExportFormat::Graphml,
        ExportFormat::Gexf,
        ExportFormat::Cypher,
    ] {
        let text = out(&g, f);
        let head: String = text.lines().take(40).collect::<Vec<_>>().join("\n");
        insta::assert_snapshot!(format!("example_{f}_head"), head);
    }
}

#[test]
fn output_is_deterministic_whatever_the_insertion_order() {
    let g = crate::example();
    // Rebuild the graph with nodes and edges inserted in reverse order.
    let mut r = Graph::new();
    r.title = g.title.clone();
    r.description = g.description.clone();
    let nodes: Vec<_> = g.nodes().map(|(_, n)| n.clone()).collect();
    for n in nodes.into_iter().rev() {
        r.add_node(n).unwrap_or_else(|e| unreachable!("{e}"));
    }
    let edges: Vec<_> = g
        .edges()
        .map(|v| (v.from.id.clone(), v.to.id.clone(), v.edge.clone()))
        .collect();
    for (f, t, e) in edges.into_iter().rev() {
        r.relate(&f, &t, e).unwrap_or_else(|e| unreachable!("{e}"));
    }
    for f in ExportFormat::ALL.iter().filter(|f| f.is_single_stream()) {
        assert_eq!(out(&g, *f), out(&r, *f), "{f} differs");
    }
}

#[test]
fn sources_full_text_stays_out_of_display_formats() {
    let g = bait_graph();
    for f in [ExportFormat::Dot, ExportFormat::Mermaid] {
        assert!(!out(&g, f).contains("Full text."), "{f}");
    }
    for f in [
        ExportFormat::Graphml,
        ExportFormat::Gexf,
        ExportFormat::Nodelink,
        ExportFormat::Cypher,
    ] {
        assert!(out(&g, f).contains("Full text."), "{f}");
    }
}

#[test]
fn dot_and_mermaid_labels_hold_no_raw_bait() {
    let g = bait_graph();
    let dot = out(&g, ExportFormat::Dot);
    // Every line is one statement: no name opened a new one.
    assert_eq!(
        dot.lines()
            .filter(|l| l.starts_with("digraph") || l.starts_with('}'))
            .count(),
        2
    );
    assert!(dot.contains(r#"[label="a\"]; b [label=\"x", shape=ellipse"#));
    assert!(dot.contains(r#"label="x\n} digraph {""#));
    let mmd = out(&g, ExportFormat::Mermaid);
    assert!(mmd.contains("n4[\"x<br>#125; digraph #123;\"]:::organization"));
    assert!(mmd.lines().all(|l| !l.contains("</node>")));
}

#[test]
fn gexf_spans_and_spells() {
    let g = bait_graph();
    let gexf = out(&g, ExportFormat::Gexf);
    // The event "2016-06" .. "2016-06-05": from the first day of June to the 5th.
    assert!(gexf.contains(r#"<node id="ev" label="Talks" start="2016-06-01" end="2016-06-05">"#));
    // The GSOMIA bound its parties from its signing month until the day before suspension.
    assert!(gexf.contains(r#"<spell start="2016-11-01" end="2019-08-21"/>"#));
    assert!(gexf.contains(r#"label="party_to" start="2016-11-23">"#));
}

#[test]
fn csv_to_a_directory() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| unreachable!("{e}"));
    let target = dir.path().join("tables");
    export_to_path(&bait_graph(), ExportFormat::Csv, &target)
        .unwrap_or_else(|e| unreachable!("{e}"));
    let nodes = std::fs::read_to_string(target.join(CSV_NODES_FILE)).unwrap_or_default();
    let edges = std::fs::read_to_string(target.join(CSV_EDGES_FILE)).unwrap_or_default();
    assert_eq!(nodes.lines().next(), Some(":ID,:LABEL,id,kind,name,aliases,subkind,date,end,place,quote,url,text,lifecycle,state,citation_count,citations,attr.iso2,attr.population_m,attr.tags"));
    assert!(
        nodes.contains("\nNAM,Country,NAM,country,Namibia,\"[\"\"NA\"\"]\",,,,,,,,,,0,,NA,2.6,\n")
    );
    assert!(edges.contains("NAM,KOR,TRADES_WITH,NAM,KOR,trades_with,,,,0.25,'=1+1,0\n"));
}
