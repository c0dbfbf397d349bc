"""One measured run of one system, in its own process: prints one JSON object.

    python3 runners.py networkx|rustworkx|diplograph-python SCALE DATA_DIR

networkx and rustworkx load the node-link file the way an analyst would (``json.load`` and
then ``node_link_graph`` / ``add_nodes_from`` + ``add_edges_from``); the Python bindings load
the native file (parsed in Rust) and then time ``Graph.to_networkx()`` and ``to_pandas()``
(when networkx and pandas are installed). Each then answers the same questions, from
``SCALE.queries.json``, as ``cargo run -p diplograph-benches --bin ops`` does in Rust:

* neighbour: 10,000 typed one-hop queries (node id, direction, edge kind) -> the neighbours'
  ids. networkx: ``G.out_edges(n, data=True)`` / ``G.in_edges`` filtered by ``kind``;
  rustworkx: ``out_edges(i)`` / ``in_edges(i)`` filtered by the payload's ``kind``.
* chains: 1,000 breadth-first searches from one country to another on a date, at most six
  hops, through agreements that bind on that date (last lifecycle step on or before the date
  is agreed, signed or in force) via ``party_to`` edges valid on the date, skipping parties
  that withdrew by then, plus ``allied_with`` edges valid on the date. Nothing is prepared
  before the queries (no filtered subgraph), as in diplograph.
"""

import json
import os
import resource
import statistics
import sys
import time

BINDING = {"agreed", "signed", "in_force"}


def peak_rss_bytes():
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def holds(attrs, on):
    """Whether an edge's validity interval contains the date (ISO strings; open ends hold)."""
    start, end = attrs.get("start"), attrs.get("end")
    return (start is None or start <= on) and (end is None or end[: len(on)] >= on[: len(end)])


def agreement_state(node, on):
    """The agreement's binding flag and withdrawn parties on ``on``, from its lifecycle."""
    state, withdrawn = None, set()
    for step in node.get("lifecycle", ()):
        date = step.get("date")
        if date is None or date > on:
            continue
        if step["state"] == "withdrawn":
            withdrawn.add(step.get("party"))
        else:
            state = step["state"]
    return state in BINDING, withdrawn


def chain(out_edges, in_edges, node_of, start, goal, on, max_hops=6):
    """Breadth-first search for the shortest chain; returns the number of hops or None."""
    parent = {start: None}
    frontier = [start]
    seen_agreements = set()
    for hop in range(1, max_hops + 1):
        nxt = []
        for u in frontier:
            for _, ag, d in out_edges(u):
                kind = d.get("kind")
                if kind == "allied_with" and holds(d, on):
                    if ag not in parent:
                        parent[ag] = u
                        if ag == goal:
                            return hop
                        nxt.append(ag)
                    continue
                if kind != "party_to" or ag in seen_agreements or not holds(d, on):
                    continue
                seen_agreements.add(ag)
                binding, withdrawn = agreement_state(node_of(ag), on)
                if not binding:
                    continue
                for p, _, d2 in in_edges(ag):
                    if d2.get("kind") != "party_to" or p in parent or not holds(d2, on):
                        continue
                    if node_of(p)["id"] in withdrawn:
                        continue
                    parent[p] = u
                    if p == goal:
                        return hop
                    nxt.append(p)
            for a, _, d in in_edges(u):
                if d.get("kind") == "allied_with" and a not in parent and holds(d, on):
                    parent[a] = u
                    if a == goal:
                        return hop
                    nxt.append(a)
        frontier = nxt
        if not frontier:
            break
    return None


def run_queries(out, plan, key, out_edges, in_edges, node_of):
    times, found = [], 0
    t0 = time.perf_counter()
    for node_id, direction, kind in plan["neighbour"]:
        t = time.perf_counter()
        k = key(node_id)
        if direction == "out":
            ids = [node_of(v)["id"] for _, v, d in out_edges(k) if d.get("kind") == kind]
        else:
            ids = [node_of(u)["id"] for u, _, d in in_edges(k) if d.get("kind") == kind]
        times.append(time.perf_counter() - t)
        found += len(ids)
    out["neighbour_total_s"] = time.perf_counter() - t0
    out["neighbour_median_us"] = statistics.median(times) * 1e6
    out["neighbour_found"] = found
    times, found, hops = [], 0, 0
    t0 = time.perf_counter()
    for a, b, on in plan["chains"]:
        t = time.perf_counter()
        n = chain(out_edges, in_edges, node_of, key(a), key(b), on)
        times.append(time.perf_counter() - t)
        if n is not None:
            found += 1
            hops += n
    out["chains_total_s"] = time.perf_counter() - t0
    out["chains_median_us"] = statistics.median(times) * 1e6
    out["chains_found"] = found
    out["chains_hops"] = hops


def main():
    system, scale, data_dir = sys.argv[1:4]
    with open(os.path.join(data_dir, f"{scale}.queries.json")) as f:
        plan = json.load(f)
    out = {"system": system, "scale": scale}
    if system == "networkx":
        import networkx as nx

        out["version"] = nx.__version__
        c0, t0 = time.process_time(), time.perf_counter()
        with open(os.path.join(data_dir, f"{scale}.nodelink.json")) as f:
            data = json.load(f)
        g = nx.node_link_graph(data, directed=True, multigraph=True, edges="edges")
        del data
        out["load_s"] = time.perf_counter() - t0
        out["load_cpu_s"] = time.process_time() - c0
        out["peak_rss_bytes"] = peak_rss_bytes()
        out["nodes"], out["edges"] = g.number_of_nodes(), g.number_of_edges()
        nodes = g.nodes
        run_queries(
            out,
            plan,
            lambda i: i,
            lambda n: g.out_edges(n, data=True),
            lambda n: g.in_edges(n, data=True),
            lambda n: {"id": n, **nodes[n]},
        )
    elif system == "rustworkx":
        import rustworkx as rx

        out["version"] = rx.__version__
        c0, t0 = time.process_time(), time.perf_counter()
        with open(os.path.join(data_dir, f"{scale}.nodelink.json")) as f:
            data = json.load(f)
        g = rx.PyDiGraph(multigraph=True)
        indices = g.add_nodes_from(data["nodes"])
        index = {n["id"]: i for n, i in zip(data["nodes"], indices)}
        g.add_edges_from([(index[e["source"]], index[e["target"]], e) for e in data["edges"]])
        del data
        out["load_s"] = time.perf_counter() - t0
        out["load_cpu_s"] = time.process_time() - c0
        out["peak_rss_bytes"] = peak_rss_bytes()
        out["nodes"], out["edges"] = g.num_nodes(), g.num_edges()
        run_queries(out, plan, index.__getitem__, g.out_edges, g.in_edges, g.__getitem__)
    elif system == "diplograph-python":
        import diplograph

        out["version"] = diplograph.__version__
        c0, t0 = time.process_time(), time.perf_counter()
        g = diplograph.load(os.path.join(data_dir, f"{scale}.json"))
        out["load_s"] = time.perf_counter() - t0
        out["load_cpu_s"] = time.process_time() - c0
        out["peak_rss_bytes"] = peak_rss_bytes()
        out["nodes"] = len(g)
        # The conversions the bindings offer, when networkx and pandas are installed.
        for method, package in (("to_networkx", "networkx"), ("to_pandas", "pandas")):
            try:
                __import__(package)
            except ImportError:
                continue
            t0 = time.perf_counter()
            converted = getattr(g, method)()
            out[f"{method}_s"] = time.perf_counter() - t0
            del converted
    else:
        sys.exit(f"unknown system {system}")
    print(json.dumps(out))


if __name__ == "__main__":
    main()
