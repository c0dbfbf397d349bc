//! Scaling of the hostile-input cases of issue #19: each case is run at size n and 2n, each run
//! in a fresh child process, and the ratios of CPU time and of peak memory (peak RSS above what
//! the process held once its input was built) are printed as a Markdown table. Linear cost
//! shows ratios near 2; the quadratic code these cases once hit showed 4.
//!
//! `cargo run --release -p diplograph-benches --bin scaling [-- N]` (N defaults to 20,000).
//! A run with `--case NAME N` does one case and prints `cpu_s peak_bytes problems` on one line.

use std::process::{Command, ExitCode};

use diplograph::model::{Node, NodeDetails};
use diplograph::query::{ChainQuery, Family};
use diplograph::Graph;
use diplograph_benches::{cpu_seconds, peak_rss_bytes};

/// The cases, with what each measures.
const CASES: &[(&str, &str)] = &[
    (
        "alias",
        "load: n nodes sharing one alias (one alias-conflict problem)",
    ),
    (
        "unknown-keys",
        "load: one node with n unknown keys, all on one line",
    ),
    (
        "repeated-keys",
        "load: one object with a key repeated n times on one line",
    ),
    (
        "shared-name",
        "resolve a name shared by n nodes (index build + ambiguity error)",
    ),
    (
        "path-k",
        "chains with k = 65535 from one hub to another's neighbour through n ministries",
    ),
];

/// This process's resident set size now, in bytes (`VmRSS`).
fn rss_bytes() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    let kib: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib * 1024)
}

/// A native document with these nodes (JSON objects) and edges, one per line.
fn document(nodes: &[String], edges: &[String]) -> String {
    format!(
        "{{\"diplograph\": \"1\",\n\"nodes\": [\n{}\n],\n\"edges\": [\n{}\n]}}",
        nodes.join(",\n"),
        edges.join(",\n")
    )
}

/// The number of problems loading `text` gives.
fn load_problems(text: &str) -> usize {
    match diplograph::format::from_str(text) {
        Ok(_) => 0,
        Err(e) => e.problems().map_or(1, <[_]>::len),
    }
}

/// Builds the input of `case` at size `n`, then runs it; returns what it found (problems,
/// candidates listed or chains) and the CPU time and peak-memory growth of the run alone.
fn run_case(case: &str, n: usize) -> Option<(usize, f64, u64)> {
    enum Input {
        Text(String),
        Graph(Box<Graph>),
    }
    let input = match case {
        "alias" => Input::Text(document(
            &(0..n)
                .map(|i| {
                    format!(
                        r#"{{"id": "p{i}", "kind": "person", "name": "P {i}", "aliases": ["Mr X"]}}"#
                    )
                })
                .collect::<Vec<_>>(),
            &[],
        )),
        "unknown-keys" => {
            let keys: Vec<String> = (0..n).map(|i| format!(r#""k{i}": {i}"#)).collect();
            Input::Text(document(
                &[format!(
                    r#"{{"id": "KOR", "kind": "country", "name": "South Korea", {}}}"#,
                    keys.join(", ")
                )],
                &[],
            ))
        }
        "repeated-keys" => {
            let keys: Vec<&str> = (0..n).map(|_| r#""name": "x""#).collect();
            Input::Text(format!(
                r#"{{"diplograph": "1", "nodes": [{{"id": "KOR", "kind": "country", {}}}]}}"#,
                keys.join(", ")
            ))
        }
        "shared-name" => {
            let mut g = Graph::new();
            for i in 0..n {
                g.add_node(Node::new(format!("kim-{i}"), "Kim", NodeDetails::Person))
                    .ok()?;
            }
            Input::Graph(Box::new(g))
        }
        "path-k" => {
            let org = |id: &str| {
                format!(
                    r#"{{"id": "{id}", "kind": "organization", "name": "{id}", "org_kind": "ministry"}}"#
                )
            };
            let mut nodes: Vec<String> = ["h1", "h2", "t"].iter().map(|id| org(id)).collect();
            let mut edges = Vec::new();
            let mut link = |a: &str, b: &str, nodes: &mut Vec<String>| {
                let ag = format!("{a}-{b}");
                nodes.push(format!(
                    r#"{{"id": "{ag}", "kind": "agreement", "name": "{ag}", "agreement_kind": "gsomia", "lifecycle": [{{"state": "in_force", "attested": "2016-06-04"}}]}}"#
                ));
                for end in [a, b] {
                    edges.push(format!(r#"{{"kind": "party_to", "from": "{end}", "to": "{ag}"}}"#));
                }
            };
            for i in 0..n {
                let o = format!("o{i}");
                nodes.push(org(&o));
                link("h1", &o, &mut nodes);
                link(&o, "h2", &mut nodes);
            }
            link("h2", "t", &mut nodes);
            Input::Graph(Box::new(
                diplograph::format::from_str(&document(&nodes, &edges)).ok()?,
            ))
        }
        _ => return None,
    };
    let rss_before = rss_bytes()?;
    let cpu_before = cpu_seconds()?;
    let found = match (&input, case) {
        (Input::Text(text), _) => load_problems(text),
        (Input::Graph(g), "shared-name") => match g.resolve("kim") {
            Err(diplograph::Error::AmbiguousName { candidates, .. }) => candidates.len(),
            _ => 0,
        },
        (Input::Graph(g), _) => {
            let from = g.resolve("h1").ok()?;
            let to = g.resolve("t").ok()?;
            let query = ChainQuery::new(Family::Any)
                .with_on_opt("2016-06-04".parse().ok())
                .with_k(65_535)
                .with_max_hops(6);
            g.chains(from, to, &query).len()
        }
    };
    let cpu = cpu_seconds()? - cpu_before;
    let peak = peak_rss_bytes()?.saturating_sub(rss_before);
    Some((found, cpu, peak))
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let [flag, case, n] = args.as_slice() {
        if flag == "--case" {
            let Some((found, cpu, peak)) = n.parse().ok().and_then(|n| run_case(case, n)) else {
                eprintln!("scaling: cannot run case {case} at {n}");
                return ExitCode::FAILURE;
            };
            println!("{cpu} {peak} {found}");
            return ExitCode::SUCCESS;
        }
    }
    let n: usize = args.first().and_then(|a| a.parse().ok()).unwrap_or(20_000);
    let Ok(me) = std::env::current_exe() else {
        eprintln!("scaling: cannot find this program to rerun it");
        return ExitCode::FAILURE;
    };
    println!("| case | n | found at n / 2n | CPU s at n | CPU s at 2n | time ratio | peak MB at n | peak MB at 2n | memory ratio |");
    println!("|---|---|---|---|---|---|---|---|---|");
    for &(case, what) in CASES {
        let mut runs = Vec::new();
        for size in [n, 2 * n] {
            let out = Command::new(&me)
                .args(["--case", case, &size.to_string()])
                .output();
            let line = out
                .ok()
                .filter(|o| o.status.success())
                .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_owned());
            let fields: Option<(f64, f64, usize)> = line.and_then(|l| {
                let mut it = l.split_whitespace();
                Some((
                    it.next()?.parse().ok()?,
                    it.next()?.parse().ok()?,
                    it.next()?.parse().ok()?,
                ))
            });
            let Some(fields) = fields else {
                eprintln!("scaling: case {case} at {size} failed");
                return ExitCode::FAILURE;
            };
            runs.push(fields);
        }
        let [(t1, m1, f1), (t2, m2, f2)] = runs[..] else {
            return ExitCode::FAILURE;
        };
        let mb = |b: f64| b / 1_048_576.0;
        println!(
            "| `{case}` ({what}) | {n} | {f1} / {f2} | {t1:.2} | {t2:.2} | {:.2} | {:.1} | {:.1} | {:.2} |",
            t2 / t1.max(0.01),
            mb(m1),
            mb(m2),
            m2 / m1.max(1.0)
        );
    }
    ExitCode::SUCCESS
}
