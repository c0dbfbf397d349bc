//! Every writer lists edges in the one canonical order, ties included: edges with the same
//! ends, kind, dates and qualifiers, differing only in attributes or citations.

use diplograph::export::{export_csv, export_to_string, ExportFormat};
use diplograph::format::to_string;
use diplograph::model::{Edge, EdgeKind, Node, NodeDetails};
use diplograph::provenance::Citation;
use diplograph::Graph;

/// Two countries, a source, and three `allied_with` edges between the countries that differ
/// only in their `tag` attribute, inserted in the order `tags`.
fn tied(tags: &[&str]) -> Graph {
    let mut g = Graph::new();
    for (id, name) in [("JPN", "Japan"), ("KOR", "South Korea")] {
        g.add_node(Node::new(id, name, NodeDetails::Country))
            .unwrap_or_else(|e| unreachable!("{e}"));
    }
    for id in ["src-a", "src-b"] {
        g.add_node(Node::new(
            id,
            id,
            NodeDetails::Source {
                date: None,
                url: None,
                text: None,
            },
        ))
        .unwrap_or_else(|e| unreachable!("{e}"));
    }
    for tag in tags {
        let mut e = Edge::new(EdgeKind::AlliedWith);
        e.attributes
            .insert("tag".to_owned(), serde_json::json!(tag));
        g.relate("JPN", "KOR", e)
            .unwrap_or_else(|e| unreachable!("{e}"));
    }
    // Two more tied edges, equal but for their citations, inserted in the order of the tags.
    let sources = if tags.first() == Some(&"zeta-tag") {
        ["src-b", "src-a"]
    } else {
        ["src-a", "src-b"]
    };
    for source in sources {
        let e = Edge::new(EdgeKind::TradesWith).with_citation(Citation::new(source));
        g.relate("JPN", "KOR", e)
            .unwrap_or_else(|e| unreachable!("{e}"));
    }
    g
}

/// Where each tag first occurs in `text`, in text order.
fn tag_order(text: &str) -> Vec<&'static str> {
    let mut found: Vec<(usize, &'static str)> = ["alpha-tag", "mid-tag", "zeta-tag"]
        .into_iter()
        .filter_map(|t| text.find(t).map(|at| (at, t)))
        .collect();
    found.sort_unstable();
    found.into_iter().map(|(_, t)| t).collect()
}

/// A graph in `format` as text; CSV as its edge table; Parquet as the native save of the graph
/// read back from its tables; kuzu's bulk files as their concatenation, by file name.
fn text(g: &Graph, format: ExportFormat) -> String {
    if matches!(format, ExportFormat::Parquet | ExportFormat::Kuzu) {
        let dir = tempfile::tempdir().unwrap_or_else(|e| unreachable!("{e}"));
        diplograph::export::export_to_path(g, format, dir.path())
            .unwrap_or_else(|e| unreachable!("{format:?}: {e}"));
        if format == ExportFormat::Parquet {
            let back =
                diplograph::columnar::load_dir(dir.path()).unwrap_or_else(|e| unreachable!("{e}"));
            return to_string(&back);
        }
        let mut files: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap_or_else(|e| unreachable!("{e}"))
            .filter_map(|e| e.ok().map(|e| e.path()))
            .collect();
        files.sort();
        return files
            .iter()
            .map(|f| std::fs::read_to_string(f).unwrap_or_else(|e| unreachable!("{e}")))
            .collect();
    }
    if format == ExportFormat::Csv {
        let (mut nodes, mut edges) = (Vec::new(), Vec::new());
        export_csv(g, &mut nodes, &mut edges).unwrap_or_else(|e| unreachable!("{e}"));
        return String::from_utf8(edges).unwrap_or_else(|e| unreachable!("{e}"));
    }
    export_to_string(g, format).unwrap_or_else(|e| unreachable!("{format:?}: {e}"))
}

#[test]
fn every_writer_lists_tied_edges_in_the_native_order() {
    let a = tied(&["zeta-tag", "alpha-tag", "mid-tag"]);
    let b = tied(&["mid-tag", "zeta-tag", "alpha-tag"]);
    let native = to_string(&a);
    assert_eq!(tag_order(&native), ["alpha-tag", "mid-tag", "zeta-tag"]);
    assert_eq!(native, to_string(&b));
    // The directory formats but CSV (whose edge table is read here) write binary tables or
    // several files: their order is the writers' shared order, tested in their own modules.
    for format in ExportFormat::ALL
        .iter()
        .filter(|f| f.is_single_stream() || **f == ExportFormat::Csv)
    {
        let (x, y) = (text(&a, *format), text(&b, *format));
        // The same document whatever order the edges were inserted in.
        assert_eq!(x, y, "{format:?}");
        // Writers that show edge attributes list the tied edges as the native format does.
        let shown = tag_order(&x);
        match format {
            ExportFormat::Dot | ExportFormat::Mermaid => assert_eq!(shown, [] as [&str; 0]),
            _ => assert_eq!(shown, ["alpha-tag", "mid-tag", "zeta-tag"], "{format:?}"),
        }
    }
}
