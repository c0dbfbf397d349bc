//! Runs every measured operation once on one generated graph and prints the timings as one
//! JSON object: load + validate (and peak RSS after it), 10,000 typed one-hop neighbour
//! queries, 1,000 agreement-chain queries, the as-of view, a year's timeline, GraphML export
//! (throughput and extra memory) and the merge of the graph's two halves.
//!
//! `cargo run --release -p diplograph-benches --bin ops -- S [--only load,neighbour,chains]`
//! (`--swap` merges the halves as (b, a); `--merged-out FILE` saves the merged graph, to
//! compare the output of two versions byte for byte; `--repeat N` merges N times and reports
//! the fastest run, wall and CPU, with every run beside it).
//!
//! The queries come from the plan the generator wrote (`benches/data/S.queries.json`), the
//! same questions networkx, rustworkx and the Python bindings answer in `benches/compare/`.

use std::io::Write;
use std::process::ExitCode;
use std::time::Instant;

use diplograph::export::{export, ExportFormat};
use diplograph::merge::{merge, MergeOptions};
use diplograph::model::EdgeKind;
use diplograph::query::{ChainQuery, Family, TimelineQuery};
use diplograph::time::PartialDate;
use diplograph::Graph;
use diplograph_benches::{bare, cpu_seconds, native_path, peak_rss_bytes, queries_path, QueryPlan};
use serde::de::IgnoredAny;

/// A writer that keeps nothing and counts the bytes.
struct Count(u64);

impl Write for Count {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0 += buf.len() as u64;
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v.get(v.len() / 2).copied().unwrap_or(0.0)
}

fn date(s: &str) -> Result<PartialDate, String> {
    s.parse().map_err(|e| format!("{e}"))
}

fn neighbour(
    g: &Graph,
    plan: &QueryPlan,
    out: &mut serde_json::Map<String, serde_json::Value>,
) -> Result<(), String> {
    let mut times = Vec::with_capacity(plan.neighbour.len());
    let mut found = 0usize;
    let total = Instant::now();
    for (id, dir, kind) in &plan.neighbour {
        let kind: EdgeKind = kind.parse().map_err(|e| format!("{e}"))?;
        let t = Instant::now();
        let Some(ix) = g.index_of(id) else {
            return Err(format!("no node `{id}` in the graph"));
        };
        let ids: Vec<&str> = if dir == "out" {
            g.neighbours_out(ix, kind)
                .map(|(_, n)| n.id.as_str())
                .collect()
        } else {
            g.neighbours_in(ix, kind)
                .map(|(_, n)| n.id.as_str())
                .collect()
        };
        times.push(t.elapsed().as_secs_f64());
        found += ids.len();
    }
    out.insert(
        "neighbour_total_s".into(),
        total.elapsed().as_secs_f64().into(),
    );
    out.insert("neighbour_median_us".into(), (median(times) * 1e6).into());
    out.insert("neighbour_found".into(), found.into());
    Ok(())
}

fn chains(
    g: &Graph,
    plan: &QueryPlan,
    out: &mut serde_json::Map<String, serde_json::Value>,
) -> Result<(), String> {
    let mut times = Vec::with_capacity(plan.chains.len());
    let mut found = 0usize;
    let mut hops = 0usize;
    let total = Instant::now();
    for (a, b, on) in &plan.chains {
        let query = ChainQuery::new(Family::Any).with_on(date(on)?);
        let t = Instant::now();
        let (Some(from), Some(to)) = (g.index_of(a), g.index_of(b)) else {
            return Err(format!("no country `{a}` or `{b}` in the graph"));
        };
        let result = g.chains(from, to, &query);
        times.push(t.elapsed().as_secs_f64());
        if let Some(c) = result.first() {
            found += 1;
            hops += c.links().len();
        }
    }
    out.insert(
        "chains_total_s".into(),
        total.elapsed().as_secs_f64().into(),
    );
    out.insert("chains_median_us".into(), (median(times) * 1e6).into());
    out.insert("chains_found".into(), found.into());
    out.insert("chains_hops".into(), hops.into());
    Ok(())
}

/// How to run the merge: which order the halves go in, and where the result goes.
#[derive(Debug, Default, Clone, Copy)]
struct MergeRun<'a> {
    /// Merge (b, a) instead of (a, b).
    swap: bool,
    /// Save the merged graph here (to compare outputs across versions).
    merged_out: Option<&'a str>,
    /// How many times to merge (the fastest run is reported, every run beside it).
    repeat: usize,
}

fn run(scale: &str, only: Option<&str>, opts: MergeRun<'_>) -> Result<serde_json::Value, String> {
    let wants = |what: &str| only.is_none_or(|o| o.split(',').any(|w| w == what));
    let path = native_path(scale);
    let plan: QueryPlan = serde_json::from_slice(
        &std::fs::read(queries_path(scale))
            .map_err(|e| format!("no query plan for {scale}: {e}"))?,
    )
    .map_err(|e| format!("bad query plan: {e}"))?;
    let mut out = serde_json::Map::new();
    let file_bytes = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    out.insert("system".into(), "diplograph (Rust)".into());
    out.insert("scale".into(), scale.into());
    out.insert("file_bytes".into(), file_bytes.into());
    if wants("bare") {
        // The practical limits, each from the file: typed owned structs, and IgnoredAny.
        let t = Instant::now();
        let bytes = std::fs::read(&path).map_err(|e| format!("{e}"))?;
        let doc: bare::Document = serde_json::from_slice(&bytes).map_err(|e| format!("{e}"))?;
        out.insert("bare_typed_s".into(), t.elapsed().as_secs_f64().into());
        drop(doc);
        let t = Instant::now();
        let bytes = std::fs::read(&path).map_err(|e| format!("{e}"))?;
        serde_json::from_slice::<IgnoredAny>(&bytes).map_err(|e| format!("{e}"))?;
        out.insert("bare_ignored_s".into(), t.elapsed().as_secs_f64().into());
    }
    let cpu = cpu_seconds().unwrap_or(0.0);
    let t = Instant::now();
    let g = diplograph::format::load(&path).map_err(|e| format!("{e}"))?;
    out.insert("load_s".into(), t.elapsed().as_secs_f64().into());
    out.insert(
        "load_cpu_s".into(),
        (cpu_seconds().unwrap_or(0.0) - cpu).into(),
    );
    out.insert(
        "peak_rss_bytes".into(),
        peak_rss_bytes().unwrap_or(0).into(),
    );
    out.insert("nodes".into(), g.node_count().into());
    out.insert("edges".into(), g.edge_count().into());
    if wants("neighbour") {
        neighbour(&g, &plan, &mut out)?;
    }
    if wants("chains") {
        chains(&g, &plan, &mut out)?;
    }
    if wants("asof") {
        let on = date(&plan.as_of)?;
        let t = Instant::now();
        let view = g.as_of(on);
        out.insert("asof_view_s".into(), t.elapsed().as_secs_f64().into());
        let t = Instant::now();
        let n = view.agreements().len();
        out.insert("asof_agreements_s".into(), t.elapsed().as_secs_f64().into());
        out.insert("asof_agreements".into(), n.into());
        let t = Instant::now();
        let n = view.edges().count();
        out.insert("asof_edges_s".into(), t.elapsed().as_secs_f64().into());
        out.insert("asof_edges".into(), n.into());
    }
    if wants("timeline") {
        let q = TimelineQuery {
            from: Some(date(&plan.timeline.0)?),
            to: Some(date(&plan.timeline.1)?),
            ..TimelineQuery::default()
        };
        let t = Instant::now();
        let n = g.timeline(&q).len();
        out.insert("timeline_s".into(), t.elapsed().as_secs_f64().into());
        out.insert("timeline_entries".into(), n.into());
    }
    if wants("graphml") {
        let before = peak_rss_bytes().unwrap_or(0);
        let mut sink = Count(0);
        let t = Instant::now();
        export(&g, ExportFormat::Graphml, &mut sink).map_err(|e| format!("{e}"))?;
        let s = t.elapsed().as_secs_f64();
        out.insert("graphml_s".into(), s.into());
        out.insert("graphml_bytes".into(), sink.0.into());
        out.insert("graphml_mb_per_s".into(), (sink.0 as f64 / 1e6 / s).into());
        out.insert(
            "graphml_extra_rss_bytes".into(),
            peak_rss_bytes().unwrap_or(0).saturating_sub(before).into(),
        );
    }
    if wants("merge") {
        // The two halves: every node in both, the edges split alternately between them.
        let (mut a, mut b) = (Graph::new(), Graph::new());
        for (_, n) in g.nodes() {
            a.add_node(n.clone()).map_err(|e| format!("{e}"))?;
            b.add_node(n.clone()).map_err(|e| format!("{e}"))?;
        }
        for (i, e) in g.edges().enumerate() {
            let half = if i % 2 == 0 { &mut a } else { &mut b };
            half.relate(&e.from.id, &e.to.id, e.edge.clone())
                .map_err(|e| format!("{e}"))?;
        }
        let halves = if opts.swap {
            [("b", &b), ("a", &a)]
        } else {
            [("a", &a), ("b", &b)]
        };
        // Each run's wall and CPU time (the merged graph's drop not included); the fastest
        // run is the steadier figure on a busy machine.
        let mut walls = Vec::new();
        let mut cpus = Vec::new();
        let mut merged = None;
        for _ in 0..opts.repeat.max(1) {
            drop(merged.take());
            let cpu = cpu_seconds().unwrap_or(0.0);
            let t = Instant::now();
            let m = merge(&halves, MergeOptions::default()).map_err(|e| format!("{e}"))?;
            walls.push(t.elapsed().as_secs_f64());
            cpus.push(cpu_seconds().unwrap_or(0.0) - cpu);
            merged = Some(m);
        }
        let merged = merged.ok_or("no merge ran")?;
        out.insert(
            "merge_s".into(),
            walls.iter().copied().fold(f64::INFINITY, f64::min).into(),
        );
        out.insert(
            "merge_cpu_s".into(),
            cpus.iter().copied().fold(f64::INFINITY, f64::min).into(),
        );
        if walls.len() > 1 {
            out.insert("merge_runs_s".into(), walls.into());
            out.insert("merge_runs_cpu_s".into(), cpus.into());
        }
        out.insert("merge_edges".into(), merged.graph.edge_count().into());
        if let Some(path) = opts.merged_out {
            diplograph::format::save(&merged.graph, path).map_err(|e| format!("{e}"))?;
        }
    }
    Ok(serde_json::Value::Object(out))
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(scale) = args.first() else {
        eprintln!(
            "usage: ops SCALE [--only bare,neighbour,chains,asof,timeline,graphml,merge] \
             [--swap] [--merged-out FILE] [--repeat N]"
        );
        return ExitCode::from(2);
    };
    let only = args
        .iter()
        .position(|a| a == "--only")
        .and_then(|i| args.get(i + 1))
        .map(String::as_str);
    let opts = MergeRun {
        swap: args.iter().any(|a| a == "--swap"),
        merged_out: args
            .iter()
            .position(|a| a == "--merged-out")
            .and_then(|i| args.get(i + 1))
            .map(String::as_str),
        repeat: args
            .iter()
            .position(|a| a == "--repeat")
            .and_then(|i| args.get(i + 1))
            .and_then(|n| n.parse().ok())
            .unwrap_or(1),
    };
    match run(scale, only, opts) {
        Ok(v) => {
            println!("{v}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("ops: {e}");
            ExitCode::FAILURE
        }
    }
}
