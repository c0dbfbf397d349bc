"""Times the whole-graph conversions of the Python bindings on a generated graph, and networkx
building the same graph from prepared lists, in one process; prints one JSON object.

    python3 benches/compare/frames.py [SCALE] [--data DIR] [--runs N] [--skip-networkx]

Reads ``DIR/SCALE.json`` (default ``benches/data/L.json``; generate it with
``cargo run --release -p diplograph-benches --bin gen -- L``). Needs the bindings built with
``--release`` (``cd python && maturin develop --release``), pyarrow, pandas, polars and
networkx. For each conversion it gives the median wall time and process CPU time (user +
system) of ``--runs`` runs:

* ``to_arrow``, ``to_pandas``, ``to_polars``: the frames (``to_pandas`` split into the native
  pass ``_tables``, which ``to_arrow`` also includes, and the rest);
* ``to_networkx``: the whole conversion;
* ``networkx_from_lists``: what networkx alone needs to build the same graph from prepared
  lists, ``MultiDiGraph()`` then ``add_nodes_from(nodes)`` and ``add_edges_from(edges)`` on the
  rows ``Graph._networkx_rows()`` made beforehand (garbage collector paused, as
  ``to_networkx`` does); ``networkx_rows`` is making those lists.

``to_networkx / networkx_from_lists`` is the ratio the 1.3x goal of issue 15 is about.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import statistics
import sys
import time
from pathlib import Path


def measure(fn, runs):
    walls, cpus, out = [], [], None
    for _ in range(runs):
        out = None
        gc.collect()
        c0, w0 = time.process_time(), time.perf_counter()
        out = fn()
        walls.append(time.perf_counter() - w0)
        cpus.append(time.process_time() - c0)
    timing = {"wall_s": round(statistics.median(walls), 3), "cpu_s": round(statistics.median(cpus), 3)}
    print(getattr(fn, "__name__", "?"), timing, file=sys.stderr, flush=True)
    return timing, out


def peak_rss_gb():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024 / 1024, 2)
    return None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("scale", nargs="?", default="L")
    ap.add_argument("--data", default=str(Path(__file__).resolve().parents[1] / "data"))
    ap.add_argument("--runs", type=int, default=1)
    ap.add_argument("--skip-networkx", action="store_true")
    args = ap.parse_args()

    import diplograph
    import networkx as nx
    import pandas
    import polars
    import pyarrow

    result = {
        "scale": args.scale,
        "python": sys.version.split()[0],
        "versions": {
            "networkx": nx.__version__, "pandas": pandas.__version__,
            "pyarrow": pyarrow.__version__, "polars": polars.__version__,
        },
        "load_average": os.getloadavg(),
    }
    path = Path(args.data) / f"{args.scale}.json"
    result["load"], g = measure(lambda: diplograph.load(path), 1)
    result["nodes"], result["edges"] = len(g), g.edge_count

    result["to_arrow"], _ = measure(g.to_arrow, args.runs)
    result["_tables"], _ = measure(g._tables, args.runs)
    result["to_pandas"], frames = measure(g.to_pandas, args.runs)
    result["to_pandas_columns"] = [len(frames.nodes.columns), len(frames.edges.columns)]
    del frames
    result["to_polars"], _ = measure(g.to_polars, args.runs)

    if not args.skip_networkx:
        gc.disable()
        try:
            result["networkx_rows"], (nodes, edges) = measure(g._networkx_rows, 1)

            def from_lists():
                G = nx.MultiDiGraph()
                G.add_nodes_from(nodes)
                G.add_edges_from(edges)
                return G.number_of_edges()

            result["networkx_from_lists"], n = measure(from_lists, args.runs)
            assert n == g.edge_count
            del nodes, edges
        finally:
            gc.enable()
        gc.collect()
        result["to_networkx"], G = measure(g.to_networkx, args.runs)
        assert G.number_of_edges() == g.edge_count
        del G
        for k in ("wall_s", "cpu_s"):
            result[f"to_networkx_over_networkx_{k}"] = round(
                result["to_networkx"][k] / result["networkx_from_lists"][k], 2
            )
    result["load_average_after"] = os.getloadavg()
    result["peak_rss_gb"] = peak_rss_gb()
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
