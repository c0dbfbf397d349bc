//! Exports a graph with the core's exporters:
//!
//! ```text
//! cargo run -p diplograph --example export -- FORMAT OUT [INPUT.json]
//! ```
//!
//! FORMAT is one of json, dot, graphml, gexf, nodelink, csv, cypher, mermaid, parquet, kuzu;
//! OUT is a file (`-` for standard output), or for csv a directory that receives nodes.csv and
//! edges.csv (for parquet and kuzu, a directory of their tables);
//! INPUT is a diplograph JSON file (the built-in example when left out).

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use diplograph::export::{export, export_to_path, ExportFormat};

fn run(args: &[String]) -> Result<(), String> {
    let [format, out, rest @ ..] = args else {
        return Err("usage: export FORMAT OUT [INPUT.json]".to_owned());
    };
    let format: ExportFormat = format.parse().map_err(|e| format!("{e}"))?;
    let graph = match rest {
        [] => diplograph::format::from_str(diplograph::EXAMPLE_JSON).map_err(|e| e.to_string())?,
        [input] => diplograph::format::load(input).map_err(|e| e.to_string())?,
        _ => return Err("usage: export FORMAT OUT [INPUT.json]".to_owned()),
    };
    if out == "-" && format.is_single_stream() {
        let stdout = std::io::stdout();
        let mut lock = stdout.lock();
        export(&graph, format, &mut lock).map_err(|e| e.to_string())?;
        lock.flush().map_err(|e| e.to_string())
    } else {
        export_to_path(&graph, format, Path::new(out)).map_err(|e| e.to_string())
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("export: {e}");
            ExitCode::FAILURE
        }
    }
}
