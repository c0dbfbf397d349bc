//! Shared helpers for diplograph's benchmarks (a dev-only crate, not part of the library API):
//! where the generated data lives, which scale to run, and how to read peak memory.
//!
//! The data is written by the `gen` binary (`cargo run --release -p diplograph-benches --bin
//! gen -- S`); see `docs/performance.md` for every command.

use std::path::PathBuf;

/// The benchmark scales: the number of nodes each one has.
pub const SCALES: &[(&str, usize)] = &[
    ("XS", 2_000),
    ("S", 10_000),
    ("M", 100_000),
    ("L", 1_000_000),
];

/// The node count of a named scale (`XS`, `S`, `M`, `L`), or of a plain number.
pub fn scale_nodes(name: &str) -> Option<usize> {
    SCALES
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|&(_, count)| count)
        .or_else(|| name.parse().ok())
}

/// The folder the generated files go to: `$DIPLOGRAPH_BENCH_DATA`, else `benches/data`.
pub fn data_dir() -> PathBuf {
    std::env::var_os("DIPLOGRAPH_BENCH_DATA").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data"),
        PathBuf::from,
    )
}

/// The scale the criterion benches run at: `$DIPLOGRAPH_BENCH_SCALE`, else `S`.
pub fn bench_scale() -> String {
    std::env::var("DIPLOGRAPH_BENCH_SCALE").unwrap_or_else(|_| "S".to_owned())
}

/// The native-format file of a scale (`benches/data/S.json`).
pub fn native_path(scale: &str) -> PathBuf {
    data_dir().join(format!("{scale}.json"))
}

/// The networkx node-link file of a scale (`benches/data/S.nodelink.json`).
pub fn nodelink_path(scale: &str) -> PathBuf {
    data_dir().join(format!("{scale}.nodelink.json"))
}

/// The query plan of a scale (`benches/data/S.queries.json`): the neighbour and chain queries
/// every system in the comparison runs, so that all of them answer the same questions.
pub fn queries_path(scale: &str) -> PathBuf {
    data_dir().join(format!("{scale}.queries.json"))
}

/// The query plan the generator writes beside each graph.
#[derive(Debug, serde::Serialize, serde::Deserialize)]
pub struct QueryPlan {
    /// Typed one-hop neighbour queries: node id, direction (`out` or `in`), edge kind.
    pub neighbour: Vec<(String, String, String)>,
    /// Agreement-chain queries: from country, to country, date.
    pub chains: Vec<(String, String, String)>,
    /// The date of the as-of view.
    pub as_of: String,
    /// The first and last day of the timeline window.
    pub timeline: (String, String),
}

/// This process's peak resident set size in bytes (`VmHWM` in `/proc/self/status`), where the
/// system reports it.
pub fn peak_rss_bytes() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib * 1024)
}

/// The CPU time (user + system) this process has used so far, in seconds, from
/// `/proc/self/stat` (10 ms resolution). Less disturbed than wall time on a busy machine.
pub fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name (which is in parentheses and may hold spaces).
    let rest = stat.rsplit_once(')')?.1;
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let utime: f64 = fields.get(11)?.parse().ok()?;
    let stime: f64 = fields.get(12)?.parse().ok()?;
    Some((utime + stime) / 100.0)
}

/// The bare typed parse of a native file, as the practical lower bound of a loader: the same
/// document read into plain owned structs with no checks, no index and no graph.
pub mod bare {
    use serde::Deserialize;
    use std::collections::BTreeMap;

    /// A whole document.
    #[derive(Debug, Deserialize)]
    pub struct Document {
        /// The format version.
        pub diplograph: String,
        /// The nodes.
        #[serde(default)]
        pub nodes: Vec<Node>,
        /// The edges.
        #[serde(default)]
        pub edges: Vec<Edge>,
    }

    /// A citation.
    #[derive(Debug, Deserialize)]
    pub struct Citation {
        /// The source id.
        pub source: String,
        /// The intermediaries.
        #[serde(default)]
        pub via: Vec<String>,
        /// The confidence.
        #[serde(default)]
        pub confidence: Option<f64>,
    }

    /// A lifecycle step.
    #[derive(Debug, Deserialize)]
    pub struct Step {
        /// The state.
        pub state: String,
        /// The date.
        #[serde(default)]
        pub date: Option<String>,
        /// The party that withdrew.
        #[serde(default)]
        pub party: Option<String>,
    }

    /// A node, with every field the generator writes.
    #[derive(Debug, Deserialize)]
    pub struct Node {
        /// Id.
        pub id: String,
        /// Kind.
        pub kind: String,
        /// Name.
        pub name: String,
        /// Aliases.
        #[serde(default)]
        pub aliases: Vec<String>,
        /// External ids.
        #[serde(default)]
        pub external_ids: BTreeMap<String, String>,
        /// Organization kind.
        #[serde(default)]
        pub org_kind: Option<String>,
        /// Agreement kind.
        #[serde(default)]
        pub agreement_kind: Option<String>,
        /// Lifecycle.
        #[serde(default)]
        pub lifecycle: Vec<Step>,
        /// Event kind.
        #[serde(default)]
        pub event_kind: Option<String>,
        /// Date.
        #[serde(default)]
        pub date: Option<String>,
        /// End date.
        #[serde(default)]
        pub end: Option<String>,
        /// Place.
        #[serde(default)]
        pub place: Option<String>,
        /// Quote.
        #[serde(default)]
        pub quote: Option<String>,
        /// Paraphrase.
        #[serde(default)]
        pub paraphrase: Option<String>,
        /// URL.
        #[serde(default)]
        pub url: Option<String>,
        /// Attributes.
        #[serde(default)]
        pub attributes: BTreeMap<String, serde_json::Value>,
        /// Citations.
        #[serde(default)]
        pub citations: Vec<Citation>,
    }

    /// An edge, with every field the generator writes.
    #[derive(Debug, Deserialize)]
    pub struct Edge {
        /// Kind.
        pub kind: String,
        /// From.
        pub from: String,
        /// To.
        pub to: String,
        /// Start.
        #[serde(default)]
        pub start: Option<String>,
        /// End.
        #[serde(default)]
        pub end: Option<String>,
        /// Title.
        #[serde(default)]
        pub title: Option<String>,
        /// On behalf of.
        #[serde(default)]
        pub on_behalf_of: Option<String>,
        /// Position.
        #[serde(default)]
        pub position: Option<u32>,
        /// Share.
        #[serde(default)]
        pub share: Option<f64>,
        /// Citations.
        #[serde(default)]
        pub citations: Vec<Citation>,
    }
}
