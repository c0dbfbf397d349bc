"""Runs diplograph (Rust and Python), networkx and rustworkx on the same generated graphs, each
run in its own process, and writes the medians to docs/performance.md.

    python3 benches/compare/compare.py --scales S,M,L --runs 3,3,1

See benches/compare/README.md. The Rust side is the `ops` binary of the diplograph-benches
crate (built here with `cargo build --release`); the Python side is runners.py.
"""

import argparse
import datetime
import json
import os
import platform
import statistics
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
SYSTEMS = ["diplograph (Rust)", "diplograph-python", "rustworkx", "networkx"]


def sh(cmd, **kw):
    return subprocess.run(cmd, check=True, capture_output=True, text=True, **kw).stdout


def target_dir():
    return os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target"))


def build():
    subprocess.run(
        ["cargo", "build", "--release", "-p", "diplograph-benches", "--bins"], check=True, cwd=ROOT
    )


def ensure_data(scale, data_dir):
    if not os.path.exists(os.path.join(data_dir, f"{scale}.queries.json")):
        subprocess.run(
            [os.path.join(target_dir(), "release", "gen"), scale],
            check=True,
            env={**os.environ, "DIPLOGRAPH_BENCH_DATA": data_dir},
        )


def one_run(system, scale, data_dir, python):
    env = {**os.environ, "DIPLOGRAPH_BENCH_DATA": data_dir}
    if system == "diplograph (Rust)":
        cmd = [os.path.join(target_dir(), "release", "ops"), scale]
    else:
        cmd = [python, os.path.join(HERE, "runners.py"), system, scale, data_dir]
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env)
    if proc.returncode != 0:
        return {"error": proc.stderr.strip().splitlines()[-1:] or ["failed"]}
    return json.loads(proc.stdout.strip().splitlines()[-1])


def medians(runs):
    ok = [r for r in runs if "error" not in r]
    if not ok:
        return runs[0] if runs else {"error": ["not run"]}
    out = dict(ok[0])
    for k, v in ok[0].items():
        if isinstance(v, (int, float)) and not isinstance(v, bool):
            out[k] = statistics.median(r[k] for r in ok if k in r)
    out["runs"] = len(ok)
    return out


def machine():
    cpu = "unknown"
    try:
        with open("/proc/cpuinfo") as f:
            cpu = next(l.split(":", 1)[1].strip() for l in f if l.startswith("model name"))
        with open("/proc/meminfo") as f:
            mem = int(next(l.split()[1] for l in f if l.startswith("MemTotal"))) / 2**20
    except (OSError, StopIteration):
        mem = 0
    return f"{os.cpu_count()} cores, {cpu}, {mem:.0f} GiB RAM, {platform.system()} {platform.release()}"


def versions(python, results):
    v = {"rustc": sh(["rustc", "--version"]).strip(), "python": sh([python, "--version"]).strip()}
    for r in results.values():
        if r.get("version") and r.get("system") in ("networkx", "rustworkx", "diplograph-python"):
            v[r["system"]] = r["version"]
    return v


def fmt(v, unit):
    if v is None:
        return "—"
    if unit == "s":
        return f"{v:.3f} s" if v < 10 else f"{v:.1f} s"
    if unit == "us":
        return f"{v:.1f} µs" if v < 1000 else f"{v / 1000:.1f} ms"
    if unit == "MiB":
        return f"{v / 2**20:.0f} MiB" if v < 2**30 else f"{v / 2**30:.2f} GiB"
    return str(v)


ROWS = [
    ("load (+ validate), wall", "load_s", "s"),
    ("load, CPU time", "load_cpu_s", "s"),
    ("peak RSS after load", "peak_rss_bytes", "MiB"),
    ("10k neighbour queries, total", "neighbour_total_s", "s"),
    ("neighbour query, median", "neighbour_median_us", "us"),
    ("1k chain queries, total", "chains_total_s", "s"),
    ("chain query, median", "chains_median_us", "us"),
    ("chains found / hops", None, None),
    ("Graph.to_networkx() (Python bindings)", "to_networkx_s", "s"),
    ("Graph.to_pandas() (Python bindings)", "to_pandas_s", "s"),
]


def table(scale, res):
    head = "| " + " | ".join(["operation"] + SYSTEMS) + " |"
    lines = [head, "|" + "---|" * (len(SYSTEMS) + 1)]
    for label, key, unit in ROWS:
        cells = [label]
        for s in SYSTEMS:
            r = res.get((scale, s), {})
            if "error" in r:
                cells.append("not run" if r["error"] == ["not run"] else "failed")
            elif key is None:
                has = "chains_found" in r
                cells.append(f"{r['chains_found']:.0f} / {r['chains_hops']:.0f}" if has else "—")
            else:
                cells.append(fmt(r.get(key), unit))
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


DIPLOGRAPH_ROWS = [
    ("bare serde_json parse, typed owned structs", "bare_typed_s", "s"),
    ("bare serde_json parse, IgnoredAny", "bare_ignored_s", "s"),
    ("load ÷ bare typed parse", "ratio", None),
    ("as-of view (creation; copies nothing)", "asof_view_s", "s"),
    ("as-of: agreements in force on the date", "asof_agreements_s", "s"),
    ("as-of: every edge valid on the date", "asof_edges_s", "s"),
    ("timeline over 2016", "timeline_s", "s"),
    ("GraphML export", "graphml_s", "s"),
    ("GraphML throughput (MB/s)", "graphml_mb_per_s", None),
    ("GraphML extra peak RSS", "graphml_extra_rss_bytes", "MiB"),
    ("merge of the two halves", "merge_s", "s"),
]


def render(results, scales, python):
    out = [
        f"Measured {datetime.date.today().isoformat()} on {machine()}.",
        "",
        "Versions: " + ", ".join(f"{k} {v}" for k, v in versions(python, results).items()) + ".",
        "",
        "Medians of the runs shown (each run a fresh process). Written by "
        "`python3 benches/compare/compare.py`.",
    ]
    for scale in scales:
        r = results.get((scale, "diplograph (Rust)"), {})
        if "nodes" in r:
            size = r.get("file_bytes", 0) / 1e6
            out += ["", f"### {scale}: {r['nodes']:.0f} nodes, {r['edges']:.0f} edges, {size:.0f} MB file"]
        else:
            out += ["", f"### {scale}"]
        counts = ", ".join(f"{s} {results.get((scale, s), {}).get('runs', 0)}" for s in SYSTEMS)
        out += ["", f"Runs: {counts}.", "", table(scale, results)]
        if "load_s" in r:
            out += ["", "| diplograph (Rust) only | value |", "|---|---|"]
            for label, key, unit in DIPLOGRAPH_ROWS:
                if key == "ratio":
                    v = r["load_s"] / r["bare_typed_s"] if r.get("bare_typed_s") else None
                    out.append(f"| {label} | {v:.1f}x |" if v else f"| {label} | — |")
                elif unit is None:
                    out.append(f"| {label} | {r.get(key, 0):.0f} |")
                else:
                    out.append(f"| {label} | {fmt(r.get(key), unit)} |")
    return "\n".join(out)


def write_doc(text):
    path = os.path.join(ROOT, "docs", "performance.md")
    begin, end = "<!-- compare:begin -->", "<!-- compare:end -->"
    doc = open(path).read() if os.path.exists(path) else f"# Performance\n\n{begin}\n{end}\n"
    if begin not in doc:
        doc += f"\n{begin}\n{end}\n"
    head, rest = doc.split(begin, 1)
    tail = rest.split(end, 1)[1] if end in rest else ""
    with open(path, "w") as f:
        f.write(f"{head}{begin}\n{text}\n{end}{tail}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scales", default="S,M", help="comma-separated: XS,S,M,L")
    ap.add_argument("--runs", default="3", help="runs per scale, one number or one per scale")
    ap.add_argument("--systems", default=",".join(SYSTEMS))
    ap.add_argument("--python", default=sys.executable, help="interpreter for the Python runs")
    ap.add_argument(
        "--diplograph-python",
        help="interpreter with the diplograph module installed (default: --python); "
        "scripts/python-tests.sh leaves one in target/python-venv",
    )
    ap.add_argument("--no-build", action="store_true", help="use the ops/gen binaries as built")
    ap.add_argument("--data", default=os.path.join(ROOT, "benches", "data"))
    ap.add_argument("--out", default=os.path.join(ROOT, "benches", "data", "compare.json"))
    args = ap.parse_args()
    scales = args.scales.split(",")
    runs = [int(x) for x in args.runs.split(",")]
    runs += [runs[-1]] * (len(scales) - len(runs))
    systems = args.systems.split(",")
    if not args.no_build:
        build()
    results = {}
    if os.path.exists(args.out):
        with open(args.out) as f:
            results = {tuple(k.split("|")): v for k, v in json.load(f).items()}
    for scale, n in zip(scales, runs):
        ensure_data(scale, args.data)
        for system in systems:
            rs = []
            for i in range(n):
                py = args.python
                if system == "diplograph-python" and args.diplograph_python:
                    py = args.diplograph_python
                r = one_run(system, scale, args.data, py)
                print(f"{scale} {system} run {i + 1}/{n}: {json.dumps(r)}", file=sys.stderr)
                rs.append(r)
                if "error" in r:
                    break
            results[(scale, system)] = medians(rs)
            with open(args.out, "w") as f:
                json.dump({"|".join(k): v for k, v in results.items()}, f, indent=1)
    done = [s for s in ("XS", "S", "M", "L") if (s, "diplograph (Rust)") in results]
    write_doc(render(results, done, args.python))
    print(f"wrote docs/performance.md ({', '.join(done)})")


if __name__ == "__main__":
    main()
