//! (b)–(g): typed one-hop neighbour queries, agreement chains, the as-of view, the timeline
//! over a year, GraphML export and the merge of the graph's two halves, on the generated graph
//! of `$DIPLOGRAPH_BENCH_SCALE` (default S) with the generator's query plan.
//!
//! `cargo bench -p diplograph-benches --bench queries`

#![expect(
    missing_docs,
    reason = "criterion_group! and criterion_main! generate undocumented functions"
)]

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use diplograph::export::{export, ExportFormat};
use diplograph::merge::{merge, MergeOptions};
use diplograph::model::EdgeKind;
use diplograph::query::{ChainQuery, Family, TimelineQuery};
use diplograph::time::PartialDate;
use diplograph::Graph;
use diplograph_benches::{bench_scale, native_path, queries_path, QueryPlan};

fn setup() -> Option<(String, Graph, QueryPlan)> {
    let scale = bench_scale();
    let graph = match diplograph::format::load(native_path(&scale)) {
        Ok(g) => g,
        Err(e) => {
            eprintln!("cannot load the {scale} graph ({e}): run `cargo run --release -p diplograph-benches --bin gen -- {scale}` first");
            return None;
        }
    };
    let plan = std::fs::read(queries_path(&scale))
        .ok()
        .and_then(|b| serde_json::from_slice(&b).ok())?;
    Some((scale, graph, plan))
}

fn date(s: &str) -> Option<PartialDate> {
    s.parse().ok()
}

fn queries(c: &mut Criterion) {
    let Some((scale, g, plan)) = setup() else {
        return;
    };
    let mut group = c.benchmark_group(format!("queries/{scale}"));
    group.sample_size(10);

    let neighbour: Vec<_> = plan
        .neighbour
        .iter()
        .filter_map(|(id, dir, kind)| {
            Some((
                g.index_of(id)?,
                dir == "out",
                kind.parse::<EdgeKind>().ok()?,
            ))
        })
        .collect();
    group.throughput(Throughput::Elements(neighbour.len() as u64));
    group.bench_function("10k typed one-hop neighbour queries", |b| {
        b.iter(|| {
            neighbour
                .iter()
                .map(|&(ix, out, kind)| {
                    // The neighbours' ids, as the comparison's networkx and rustworkx runs
                    // collect them.
                    let ids: Vec<&str> = if out {
                        g.neighbours_out(ix, kind)
                            .map(|(_, n)| n.id.as_str())
                            .collect()
                    } else {
                        g.neighbours_in(ix, kind)
                            .map(|(_, n)| n.id.as_str())
                            .collect()
                    };
                    ids.len()
                })
                .sum::<usize>()
        });
    });

    let chains: Vec<_> = plan
        .chains
        .iter()
        .filter_map(|(a, b, on)| Some((g.index_of(a)?, g.index_of(b)?, date(on)?)))
        .collect();
    group.throughput(Throughput::Elements(chains.len() as u64));
    group.bench_function("1k agreement-chain queries", |b| {
        b.iter(|| {
            chains
                .iter()
                .map(|&(from, to, on)| {
                    let q = ChainQuery::new(Family::Any).with_on(on);
                    g.chains(from, to, &q).len()
                })
                .sum::<usize>()
        });
    });

    group.throughput(Throughput::Elements(1));
    let (Some(on), Some(first), Some(last)) = (
        date(&plan.as_of),
        date(&plan.timeline.0),
        date(&plan.timeline.1),
    ) else {
        return;
    };
    group.bench_function("as-of view: agreements in force", |b| {
        b.iter(|| g.as_of(on).agreements().len());
    });
    group.bench_function("as-of view: edges valid on the date", |b| {
        b.iter(|| g.as_of(on).edges().count());
    });
    let year = TimelineQuery {
        from: Some(first),
        to: Some(last),
        ..TimelineQuery::default()
    };
    group.bench_function("timeline over a year", |b| {
        b.iter(|| g.timeline(&year).len());
    });

    // A name found, and the same name misspelt: a miss compares it with every distinct name
    // in the graph to suggest the closest.
    if let Some((_, node)) = g.nodes().nth(g.node_count() / 2) {
        let name = node.name.clone();
        let misspelt: String = name.chars().skip(1).collect();
        group.bench_function("name lookup, found", |b| {
            b.iter(|| g.resolve(&name).is_ok());
        });
        group.bench_function("name lookup, misspelt (suggestions)", |b| {
            b.iter(|| match g.resolve(&misspelt) {
                Err(diplograph::Error::NodeNotFound { suggestions, .. }) => suggestions.len(),
                _ => 0,
            });
        });
    }

    let mut size = Vec::new();
    if export(&g, ExportFormat::Graphml, &mut size).is_ok() {
        group.throughput(Throughput::Bytes(size.len() as u64));
        group.bench_function("GraphML export", |b| {
            b.iter(|| export(&g, ExportFormat::Graphml, &mut std::io::sink()).is_ok());
        });
    }

    let (mut a, mut h) = (Graph::new(), Graph::new());
    for (_, n) in g.nodes() {
        let _ = a.add_node(n.clone());
        let _ = h.add_node(n.clone());
    }
    for (i, e) in g.edges().enumerate() {
        let half = if i % 2 == 0 { &mut a } else { &mut h };
        let _ = half.relate(&e.from.id, &e.to.id, e.edge.clone());
    }
    group.throughput(Throughput::Elements(g.edge_count() as u64));
    group.bench_function("merge of the two halves", |b| {
        b.iter(|| {
            merge(&[("a", &a), ("b", &h)], MergeOptions::default()).map(|m| m.graph.edge_count())
        });
    });
    group.finish();
}

criterion_group!(benches, queries);
criterion_main!(benches);
