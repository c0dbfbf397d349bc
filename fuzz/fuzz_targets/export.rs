//! Graphs cut from the example and the test dataset, with fuzzed text in names, aliases,
//! attributes and edge titles: every exporter writes them without a panic, and the output
//! still parses with the matching reader — the native format back to the same graph,
//! node-link as JSON, GraphML and GEXF as XML, CSV as two tables of even rows.
#![no_main]

use diplograph::export::{export_csv, export_to_string, ExportFormat};
use diplograph::format;
use diplograph_fuzz::graph_from;
use libfuzzer_sys::arbitrary::Unstructured;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut u = Unstructured::new(data);
    let Ok(graph) = graph_from(&mut u) else {
        return;
    };
    for &f in ExportFormat::ALL {
        if f == ExportFormat::Csv {
            let (mut nodes, mut edges) = (Vec::new(), Vec::new());
            if let Err(e) = export_csv(&graph, &mut nodes, &mut edges) {
                panic!("csv export failed: {e}");
            }
            for table in [nodes, edges] {
                let mut reader = csv::Reader::from_reader(table.as_slice());
                let width = reader.headers().map(|h| h.len()).unwrap_or(0);
                for row in reader.records() {
                    match row {
                        Ok(r) => assert_eq!(r.len(), width, "a CSV row of the wrong width"),
                        Err(e) => panic!("the CSV does not parse: {e}"),
                    }
                }
            }
            continue;
        }
        let text = match export_to_string(&graph, f) {
            Ok(t) => t,
            Err(e) => panic!("{f} export failed: {e}"),
        };
        match f {
            ExportFormat::Json => {
                if graph.validate().is_empty() {
                    let back = format::from_str(&text);
                    assert!(
                        back.is_ok(),
                        "the native export does not load: {:?}",
                        back.err()
                    );
                    let back = back.map(|g| format::to_string(&g)).unwrap_or_default();
                    assert_eq!(back, text, "the native export does not load back unchanged");
                }
            }
            ExportFormat::Nodelink => {
                let parsed = serde_json::from_str::<serde_json::Value>(&text);
                assert!(
                    parsed.is_ok(),
                    "node-link output is not JSON: {:?}",
                    parsed.err()
                );
            }
            ExportFormat::Graphml | ExportFormat::Gexf => {
                let parsed = roxmltree::Document::parse(&text);
                assert!(
                    parsed.is_ok(),
                    "{f} output is not well-formed XML: {:?}",
                    parsed.err()
                );
            }
            _ => {}
        }
    }
});
