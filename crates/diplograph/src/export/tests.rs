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
                    LifecycleStep::new(LifecycleState::Signed, Some(d("2016-11"))).with_place("pl"),
                    LifecycleStep::new(LifecycleState::Suspended, Some(d("2019-08-22"))),
                ],
                terms: None,
            },
        ),
        Node::new(
            "ev",
            "Talks",
            NodeDetails::Event {
                kind: EventKind::Meeting,
                when: crate::time::Interval::new(Some(d("2016-06")), Some(d("2016-06-05"))),
                place: Some("Singapore".to_owned()),
                status: crate::model::Status::Occurred,
            },
        ),
        Node::new(
            "st",
            "remark",
            NodeDetails::Statement {
                text: StatementText::Quote("We said \"no\".\nTwice.".to_owned()),
                date: Some(d("2016-06-04")),
                cue: None,
            },
        )
        .with_citation(Citation::new("src").via("o2")),
        Node::new(
            "pl",
            "Seoul <venue> & \"hall\"",
            NodeDetails::Place {
                kind: crate::model::PlaceKind::Venue,
            },
        ),
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
        (
            "KOR",
            "g",
            Edge::new(EdgeKind::PartyTo).with_attested(d("2016-11-23")),
        ),
        (
            "p1",
            "o\"1",
            Edge::new(EdgeKind::HoldsOffice)
                .with_title(BAIT[1])
                .with_attested(d("2016-06-04"))
                .with_attested(d("2021-05")),
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
        ("pl", "KOR", Edge::new(EdgeKind::LocatedIn)),
        (
            "p2",
            "g",
            Edge::new(EdgeKind::Signed).qualified(|q| {
                q.on_behalf_of = Some("KOR".to_owned());
                q.place = Some("pl".to_owned());
            }),
        ),
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
        Some("unknown export format `svg`; expected one of: json, dot, graphml, gexf, nodelink, csv, cypher, mermaid, parquet, kuzu")
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
    assert_eq!(g.node_count(), 76);
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
    assert_eq!(nodes.lines().next(), Some(":ID,:LABEL,id,kind,name,aliases,subkind,date,date_earliest,date_latest,end,end_earliest,end_latest,place,quote,url,text,lifecycle,state,citation_count,citations,attr.iso2,attr.population_m,attr.tags"));
    assert!(nodes
        .contains("\nNAM,Country,NAM,country,Namibia,\"[\"\"NA\"\"]\",,,,,,,,,,,,,,0,,NA,2.6,\n"));
    assert!(edges.contains("NAM,KOR,TRADES_WITH,NAM,KOR,trades_with,,,,,,,,0.25,'=1+1,,0\n"));
    // A signing's place: the id of the place node, in its own column.
    assert!(edges.contains("p2,g,SIGNED,p2,g,signed,,,,,,KOR,,,,pl,0\n"));
    assert!(nodes.contains("\npl,Place,pl,place,"));
    // Attested dates: one column, a JSON list of the dates the data states.
    assert!(edges.contains(
        "p1,\"o\"\"1\",HOLDS_OFFICE,p1,\"o\"\"1\",holds_office,,,,\"[\"\"2016-06-04\"\",\"\"2021-05\"\"]\","
    ));
}

/// Ids that differ only in characters some format cannot hold as they are (controls, CR,
/// U+FFFE) or in what an encoding of them would look like (`_x0001_`, U+FFFD).
const LOOKALIKE_IDS: &[&str] = &[
    "x\u{1}y",
    "x\u{2}y",
    "x\u{FFFD}y",
    "x_x0001_y",
    "x_x0001y",
    "x\ry",
    "x\u{FFFE}y",
    "x y",
    "x_y",
    "x\"y",
    "x\\y",
];

fn lookalike_graph() -> Graph {
    let mut g = Graph::new();
    for id in LOOKALIKE_IDS {
        let org = NodeDetails::Organization {
            kind: OrganizationKind::Other,
        };
        g.add_node(Node::new(*id, "Alice", org))
            .unwrap_or_else(|e| unreachable!("{e}"));
    }
    // An edge from each to the next, so that edge ends are checked too.
    for pair in LOOKALIKE_IDS.windows(2) {
        g.relate(pair[0], pair[1], Edge::new(EdgeKind::Threatens))
            .unwrap_or_else(|e| unreachable!("{e}"));
    }
    g
}

/// The values of `attr="…"` in every line starting (after spaces) with `<elem `, as written.
fn xml_attrs(text: &str, elem: &str, attr: &str) -> Vec<String> {
    let open = format!("<{elem} ");
    let key = format!(" {attr}=\"");
    text.lines()
        .filter(|l| l.trim_start().starts_with(&open))
        .filter_map(|l| {
            let rest = &l[l.find(&key)? + key.len()..];
            Some(rest[..rest.find('"')?].to_owned())
        })
        .collect()
}

/// Undoes the `_xHHHH_` encoding (and XML's entities, for the XML formats).
fn decode(s: &str) -> String {
    let s = s
        .replace("&#13;", "\r")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
    let mut out = String::new();
    let mut rest = s.as_str();
    while let Some(at) = rest.find("_x") {
        out.push_str(&rest[..at]);
        let after = &rest[at + 2..];
        let code = after
            .find('_')
            .filter(|&end| (4..=6).contains(&end))
            .and_then(|end| {
                u32::from_str_radix(&after[..end], 16)
                    .ok()
                    .map(|c| (c, end))
            })
            .and_then(|(c, end)| char::from_u32(c).map(|c| (c, end)));
        match code {
            Some((c, end)) => {
                out.push(c);
                rest = &after[end + 1..];
            }
            None => {
                out.push_str("_x");
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[test]
fn no_two_ids_share_an_exported_id_in_any_format() {
    let g = lookalike_graph();
    let n = LOOKALIKE_IDS.len();
    let mut expected: Vec<String> = LOOKALIKE_IDS.iter().map(|s| (*s).to_owned()).collect();
    expected.sort();
    let sorted = |mut v: Vec<String>| {
        v.sort();
        v
    };
    let distinct = |v: &[String]| v.iter().collect::<std::collections::BTreeSet<_>>().len();
    for f in ExportFormat::ALL {
        match f {
            ExportFormat::Json | ExportFormat::Nodelink => {
                let v: serde_json::Value = serde_json::from_str(&out(&g, *f)).unwrap_or_default();
                let ids: Vec<String> = v["nodes"]
                    .as_array()
                    .map(|a| a.iter().filter_map(|n| n["id"].as_str()).map(str::to_owned))
                    .into_iter()
                    .flatten()
                    .collect();
                assert_eq!(sorted(ids), expected, "{f}");
            }
            ExportFormat::Graphml | ExportFormat::Gexf => {
                let text = out(&g, *f);
                let ids = xml_attrs(&text, "node", "id");
                assert_eq!(distinct(&ids), n, "{f}: {ids:?}");
                let decoded: Vec<String> = ids.iter().map(|i| decode(i)).collect();
                assert_eq!(sorted(decoded), expected, "{f}");
                // Every edge end is one of the node ids.
                for end in ["source", "target"] {
                    for id in xml_attrs(&text, "edge", end) {
                        assert!(ids.contains(&id), "{f}: {end} {id:?}");
                    }
                }
            }
            ExportFormat::Csv => {
                let (mut nodes, mut edges) = (Vec::new(), Vec::new());
                export_csv(&g, &mut nodes, &mut edges).unwrap_or_else(|e| unreachable!("{e}"));
                let mut r = ::csv::Reader::from_reader(&nodes[..]);
                let mut ids = Vec::new();
                for rec in r.records() {
                    let rec = rec.unwrap_or_else(|e| unreachable!("{e}"));
                    assert_eq!(rec.get(0), rec.get(2));
                    ids.push(rec.get(0).unwrap_or_default().to_owned());
                }
                assert_eq!(distinct(&ids), n, "csv: {ids:?}");
                assert_eq!(sorted(ids.iter().map(|i| decode(i)).collect()), expected);
                let mut r = ::csv::Reader::from_reader(&edges[..]);
                for rec in r.records() {
                    let rec = rec.unwrap_or_else(|e| unreachable!("{e}"));
                    for i in [0, 1] {
                        assert!(ids.iter().any(|id| Some(id.as_str()) == rec.get(i)));
                    }
                }
            }
            ExportFormat::Dot => {
                let text = out(&g, *f);
                let ids: Vec<String> = text
                    .lines()
                    .filter(|l| l.starts_with("  \"") && l.contains(" [label="))
                    .filter(|l| !l.contains(" -> "))
                    .filter_map(|l| l.split_once(" [label=").map(|(id, _)| id.to_owned()))
                    .collect();
                assert_eq!(ids.len(), n, "dot: {ids:?}");
                assert_eq!(distinct(&ids), n, "dot: {ids:?}");
            }
            ExportFormat::Cypher => {
                let text = out(&g, *f);
                let creates: Vec<&str> = text
                    .lines()
                    .filter(|l| l.starts_with("CREATE (:"))
                    .collect();
                assert_eq!(creates.len(), n, "cypher");
                let ids: Vec<String> = creates.iter().map(|l| (*l).to_owned()).collect();
                assert_eq!(distinct(&ids), n, "cypher: {ids:?}");
            }
            ExportFormat::Mermaid => {
                let text = out(&g, *f);
                let ids: Vec<String> = text
                    .lines()
                    .filter(|l| l.contains(":::"))
                    .filter_map(|l| l.trim().split(['(', '[', '{', '>']).next())
                    .map(str::to_owned)
                    .collect();
                assert_eq!(distinct(&ids), n, "mermaid: {ids:?}");
            }
            ExportFormat::Parquet => {
                // The tables keep ids as they are: the graph comes back with the same ids.
                let dir = tempfile::tempdir().unwrap_or_else(|e| unreachable!("{e}"));
                export_to_path(&g, *f, dir.path()).unwrap_or_else(|e| unreachable!("{e}"));
                let back =
                    crate::columnar::load_dir(dir.path()).unwrap_or_else(|e| unreachable!("{e}"));
                let ids: Vec<String> = back.nodes().map(|(_, n)| n.id.clone()).collect();
                assert_eq!(sorted(ids), expected, "parquet");
            }
            ExportFormat::Kuzu => {
                let dir = tempfile::tempdir().unwrap_or_else(|e| unreachable!("{e}"));
                export_to_path(&g, *f, dir.path()).unwrap_or_else(|e| unreachable!("{e}"));
                let nodes = std::fs::read(dir.path().join("node-Organization.csv"))
                    .unwrap_or_else(|e| unreachable!("{e}"));
                let mut r = ::csv::Reader::from_reader(&nodes[..]);
                let ids: Vec<String> = r
                    .records()
                    .filter_map(|rec| rec.ok()?.get(0).map(str::to_owned))
                    .collect();
                assert_eq!(distinct(&ids), n, "kuzu: {ids:?}");
                assert_eq!(sorted(ids), expected, "kuzu");
            }
        }
    }
}

#[test]
fn graphml_attribute_names_become_name_tokens_with_the_original_described() {
    let mut g = Graph::new();
    g.add_node(
        Node::new("KOR", "South Korea", NodeDetails::Country)
            .with_attribute("head of state", serde_json::json!("Park Geun-hye"))
            .with_attribute("x_y", serde_json::json!(1)),
    )
    .unwrap_or_else(|e| unreachable!("{e}"));
    let text = out(&g, ExportFormat::Graphml);
    assert!(
        text.contains(
            "  <key id=\"kn4\" for=\"node\" attr.name=\"attr.head_x0020_of_x0020_state\" \
             attr.type=\"string\">\n    <desc>attr.head of state</desc>\n  </key>\n"
        ),
        "{text}"
    );
    // A name that is already a name token is written as it is, with no description.
    assert!(text
        .contains("  <key id=\"kn5\" for=\"node\" attr.name=\"attr.x_y\" attr.type=\"long\"/>\n"));
}

#[test]
fn csv_column_names_are_encoded_reversibly() {
    let mut g = Graph::new();
    g.add_node(
        Node::new("KOR", "South Korea", NodeDetails::Country)
            .with_attribute("a\u{1}", serde_json::json!(1))
            .with_attribute("a\u{2}", serde_json::json!(2)),
    )
    .unwrap_or_else(|e| unreachable!("{e}"));
    let (mut nodes, mut edges) = (Vec::new(), Vec::new());
    export_csv(&g, &mut nodes, &mut edges).unwrap_or_else(|e| unreachable!("{e}"));
    let header = String::from_utf8_lossy(&nodes)
        .lines()
        .next()
        .map(str::to_owned);
    assert_eq!(
        header.as_deref(),
        Some(":ID,:LABEL,id,kind,name,citation_count,attr.a_x0001_,attr.a_x0002_")
    );
}

#[test]
fn picture_labels_neutralise_bidi_and_zero_width_controls() {
    let spoof = "\u{202E}gpj.exe\u{202C} a\u{200B}b\u{2066}c\u{FEFF}";
    for s in [dot::label(spoof), mermaid::label(spoof)] {
        assert!(
            !s.chars().any(|c| matches!(c,
                '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200B}'..='\u{200F}'
                | '\u{2060}' | '\u{FEFF}' | '\u{061C}')),
            "{s:?}"
        );
    }
    assert_eq!(
        dot::label(spoof),
        "\"[U+202E]gpj.exe[U+202C] a[U+200B]b[U+2066]c[U+FEFF]\""
    );
    assert_eq!(
        mermaid::label(spoof),
        "\"#91;U+202E#93;gpj.exe#91;U+202C#93; a#91;U+200B#93;b#91;U+2066#93;c#91;U+FEFF#93;\""
    );
    // Mermaid trims a label's outer spaces: they are written as entity codes.
    assert_eq!(mermaid::label("  indented "), "\"#32;#32;indented#32;\"");
}

/// Treaty histories (tests/data/treaty-histories.json): every exporter carries the new step
/// fields and statuses, the `state` column is the derived state as things finally stand, and
/// the GEXF spells follow the derivation (a term's end, a withdrawal that does not end it).
#[test]
fn treaty_histories_carry_steps_statuses_and_derived_spells() {
    let g = crate::format::from_str(include_str!("../../tests/data/treaty-histories.json"))
        .unwrap_or_else(|e| unreachable!("{e}"));
    let out = |f| export_to_string(&g, f).unwrap_or_else(|e| unreachable!("{e}"));
    let gexf = out(ExportFormat::Gexf);
    let spells = |id: &str| -> String {
        let start = gexf
            .find(&format!("<node id=\"{id}\""))
            .unwrap_or_else(|| unreachable!("{id}"));
        let rest = &gexf[start..];
        let end = rest.find("</node>").unwrap_or(rest.len());
        rest[..end]
            .lines()
            .filter(|l| l.trim_start().starts_with("<spell "))
            .map(str::trim)
            .collect::<Vec<_>>()
            .join(" ")
    };
    // The extended term ends the spell the day before it runs out.
    assert_eq!(
        spells("new-start"),
        r#"<spell start="2010-04-08" end="2026-02-04"/>"#
    );
    // Two parties left Open Skies; the treaty goes on for the others.
    assert_eq!(spells("open-skies"), r#"<spell start="1992-03-24"/>"#);
    // The signing called off in 2012 does not start the GSOMIA's spell.
    assert_eq!(spells("gsomia-jpn-kor"), r#"<spell start="2016-11-23"/>"#);
    assert!(gexf.contains("&quot;status&quot;:&quot;did_not_happen&quot;"));
    let dot = out(ExportFormat::Dot);
    assert!(
        dot.contains(r#"tooltip="event: signing [cancelled]""#),
        "{dot}"
    );
    assert!(
        dot.contains(r#"tooltip="agreement: treaty [expired, derived]""#),
        "{dot}"
    );
    let graphml = out(ExportFormat::Graphml);
    assert!(graphml.contains(r#"attr.name="status""#));
    assert!(graphml.contains("&quot;effective&quot;:&quot;2020-11-22&quot;"));
    assert!(graphml.contains(
        "&quot;condition&quot;:&quot;South Korea may end the agreement at any time&quot;"
    ));
    let nodelink: serde_json::Value =
        serde_json::from_str(&out(ExportFormat::Nodelink)).unwrap_or_default();
    let node = |id: &str| {
        nodelink["nodes"]
            .as_array()
            .and_then(|ns| ns.iter().find(|n| n["id"] == id))
            .cloned()
            .unwrap_or_default()
    };
    assert_eq!(node("gsomia-signing-2012-06-29")["status"], "cancelled");
    assert_eq!(node("new-start")["state"], "expired");
    assert_eq!(node("new-start")["lifecycle"][4]["until"], "2026-02-05");
    assert_eq!(
        node("gsomia-jpn-kor")["lifecycle"][0]["status"],
        "cancelled"
    );
    let dir = tempfile::tempdir().unwrap_or_else(|e| unreachable!("{e}"));
    let target = dir.path().join("tables");
    export_to_path(&g, ExportFormat::Csv, &target).unwrap_or_else(|e| unreachable!("{e}"));
    let nodes = std::fs::read_to_string(target.join(CSV_NODES_FILE)).unwrap_or_default();
    assert_eq!(
        nodes.lines().next(),
        Some(":ID,:LABEL,id,kind,name,aliases,subkind,date,date_earliest,date_latest,place,status,url,lifecycle,state,citation_count,citations")
    );
    assert!(nodes.contains(",2012-06-29,2012-06-29,2012-06-29,Tokyo,cancelled,,"));
}

#[test]
fn the_format_follows_the_name_unless_asked() {
    use std::path::Path;
    let by = |p: &str| ExportFormat::from_path(Path::new(p));
    assert_eq!(by("a/b.Nodelink.JSON"), Some(ExportFormat::Nodelink));
    assert_eq!(by("b.json"), Some(ExportFormat::Json));
    assert_eq!(by(".json"), None);
    assert_eq!(by("json"), None);
    assert_eq!(by("t.csv"), Some(ExportFormat::Csv));
    assert_eq!(by("g.mmd"), Some(ExportFormat::Mermaid));
    assert_eq!(by("g.cypher"), Some(ExportFormat::Cypher));
    let asked = |p: &str, f| ExportFormat::for_path(Path::new(p), Some(f));
    assert_eq!(
        asked("g.json", ExportFormat::Nodelink),
        Ok(ExportFormat::Nodelink)
    );
    assert_eq!(
        asked("g.nodelink.json", ExportFormat::Json),
        Err(FormatForPathError::Contradiction {
            path: "g.nodelink.json".to_owned(),
            by_name: ExportFormat::Nodelink,
            asked: ExportFormat::Json,
        })
    );
    assert_eq!(asked("tables", ExportFormat::Csv), Ok(ExportFormat::Csv));
    assert_eq!(
        ExportFormat::for_path(Path::new("g"), None),
        Err(FormatForPathError::UnknownExtension {
            path: "g".to_owned()
        })
    );
}

/// `organizations` ministries, and `agreements` treaties each joining two of them in turn.
fn ring(organizations: usize, agreements: usize) -> Graph {
    let mut g = Graph::new();
    let ministry = || NodeDetails::Organization {
        kind: OrganizationKind::Ministry,
    };
    for i in 0..organizations {
        assert!(g
            .add_node(Node::new(format!("o{i}"), format!("Org {i}"), ministry()))
            .is_ok());
    }
    for j in 0..agreements {
        let details = NodeDetails::Agreement {
            kind: AgreementKind::Treaty,
            lifecycle: vec![],
            terms: None,
        };
        assert!(g
            .add_node(Node::new(format!("a{j}"), format!("Treaty {j}"), details))
            .is_ok());
        for o in [j % organizations, (j + 1) % organizations] {
            assert!(g
                .relate(
                    &format!("o{o}"),
                    &format!("a{j}"),
                    Edge::new(EdgeKind::PartyTo)
                )
                .is_ok());
        }
    }
    g
}

#[test]
fn exports_too_large_to_lay_out_are_warned_about() {
    // 250 treaties of two parties: 500 edges, as many as Mermaid draws by default.
    let at_limit = ring(10, 250);
    assert_eq!(at_limit.edge_count(), MERMAID_MAX_EDGES);
    assert_eq!(layout_warning(&at_limit, ExportFormat::Mermaid), None);
    assert!(out(&at_limit, ExportFormat::Mermaid).starts_with("flowchart LR\n"));
    let over = ring(10, 251);
    let warning = layout_warning(&over, ExportFormat::Mermaid);
    assert_eq!(
        warning,
        Some(LayoutWarning::TooManyMermaidEdges { edges: 502 })
    );
    assert!(out(&over, ExportFormat::Mermaid)
        .starts_with("%%{init: {\"maxEdges\": 502}}%%\nflowchart LR\n"));
    assert_eq!(
        warning.map(|w| w.to_string()).as_deref(),
        Some(
            "the Mermaid export has 502 edges: Mermaid draws at most 500 by default (\"Too \
             many edges\"); the export starts with an init directive raising maxEdges to 502, \
             which Mermaid obeys only where the site lets diagrams set it (by default it does \
             not); otherwise raise maxEdges in the renderer's configuration \
             (mermaid.initialize, or the config file given to mermaid-cli with -c), or export \
             a part of the graph: the neighbourhood of a node, some edge kinds, or what held on \
             a date"
        )
    );
    // Other formats are not laid out by these tools.
    assert_eq!(layout_warning(&over, ExportFormat::Dot), None);
    assert_eq!(layout_warning(&over, ExportFormat::Graphml), None);
    // DOT: by nodes.
    assert_eq!(layout_warning(&ring(1000, 1000), ExportFormat::Dot), None);
    let big = ring(1000, 1001);
    assert_eq!(
        layout_warning(&big, ExportFormat::Dot),
        Some(LayoutWarning::SlowDot { nodes: 2001 })
    );
    assert!(layout_warning(&big, ExportFormat::Dot)
        .map(|w| w.to_string())
        .is_some_and(|w| w.starts_with(
            "the DOT export has 2001 nodes: Graphviz's dot lays out more than 2000 slowly"
        )));
}
