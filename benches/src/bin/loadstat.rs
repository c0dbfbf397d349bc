//! Loads a native-format file once and prints how long it took and the peak memory, as one
//! JSON line: `{"load_s": …, "peak_rss_bytes": …, "file_bytes": …, "nodes": …, "edges": …}`.
//! With `--problems` it prints the first problems instead when the file does not validate.
//!
//! `cargo run --release -p diplograph-benches --bin loadstat -- benches/data/L.json`

use std::process::ExitCode;
use std::time::Instant;

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: loadstat FILE");
        return ExitCode::from(2);
    };
    let file_bytes = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    let t = Instant::now();
    let graph = match diplograph::format::load(&path) {
        Ok(g) => g,
        Err(e) => {
            let problems = e.problems().map(<[_]>::len).unwrap_or(0);
            eprintln!("loadstat: {path} does not load ({problems} problems):");
            for p in e.problems().unwrap_or_default().iter().take(20) {
                eprintln!("  {p}");
            }
            if problems == 0 {
                eprintln!("  {e}");
            }
            return ExitCode::FAILURE;
        }
    };
    let load_s = t.elapsed().as_secs_f64();
    let peak = diplograph_benches::peak_rss_bytes().unwrap_or(0);
    println!(
        "{{\"load_s\": {load_s:.4}, \"peak_rss_bytes\": {peak}, \"file_bytes\": {file_bytes}, \"nodes\": {}, \"edges\": {}}}",
        graph.node_count(),
        graph.edge_count()
    );
    ExitCode::SUCCESS
}
