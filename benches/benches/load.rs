//! (a) Loading: the full load + validate from the file, against the bare serde_json parse of the
//! same file into owned typed structs, and into `IgnoredAny` (the practical limits).
//!
//! `DIPLOGRAPH_BENCH_SCALE=M cargo bench -p diplograph-benches --bench load` (default scale S;
//! generate the data first with the `gen` binary).

#![expect(
    missing_docs,
    reason = "criterion_group! and criterion_main! generate undocumented functions"
)]

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use diplograph_benches::{bare, bench_scale, native_path};
use serde::de::IgnoredAny;

fn load(c: &mut Criterion) {
    let scale = bench_scale();
    let path = native_path(&scale);
    let Ok(bytes) = std::fs::read(&path) else {
        eprintln!("no data at {}: run `cargo run --release -p diplograph-benches --bin gen -- {scale}` first", path.display());
        return;
    };
    let mut group = c.benchmark_group(format!("load/{scale}"));
    group.sample_size(10);
    group.throughput(Throughput::Bytes(bytes.len() as u64));
    group.bench_function("diplograph load+validate (from file)", |b| {
        b.iter(|| {
            diplograph::format::load(&path)
                .map(|g| g.node_count())
                .unwrap_or(0)
        });
    });
    group.bench_function("diplograph from_slice (in memory)", |b| {
        b.iter(|| {
            diplograph::format::from_slice(&bytes, None)
                .map(|g| g.node_count())
                .unwrap_or(0)
        });
    });
    group.bench_function("serde_json typed owned structs", |b| {
        b.iter(|| {
            serde_json::from_slice::<bare::Document>(&bytes)
                .map(|d| d.nodes.len())
                .unwrap_or(0)
        });
    });
    group.bench_function("serde_json IgnoredAny", |b| {
        b.iter(|| serde_json::from_slice::<IgnoredAny>(&bytes).is_ok());
    });
    group.finish();
}

criterion_group!(benches, load);
criterion_main!(benches);
