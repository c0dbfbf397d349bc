"""networkx, pyarrow, pandas and polars conversion: one schema (the exporters'), networkx's own
writers, dates with their days, and the clear error when a package is missing."""

from __future__ import annotations

import builtins
import datetime
import json
import sys

import pytest

import diplograph

nx = pytest.importorskip("networkx")
pd = pytest.importorskip("pandas")
pa = pytest.importorskip("pyarrow")

#: The node fields of the one schema (docs/export.md, "Fields"), in column order.
NODE_FIELDS = [
    "id", "kind", "name", "aliases", "external_ids", "unnamed", "description", "subkind",
    "date", "date_earliest", "date_latest", "end", "end_earliest", "end_latest", "place", "status",
    "quote", "paraphrase", "cue", "url", "text", "lifecycle", "state", "binding", "renewal",
    "vote_for", "vote_against", "vote_abstain", "citation_count", "citations",
]
#: The edge fields, in column order.
EDGE_FIELDS = [
    "source", "target", "kind", "start", "start_earliest", "start_latest", "end", "end_earliest",
    "end_latest", "attested", "title", "on_behalf_of", "position", "chain", "share", "amount",
    "relation", "role", "acting_for", "place", "citation_count", "citations",
]


def _json_text(v):
    """A node-link value as the JSON text the other conversions hold (scalars as they are)."""
    if isinstance(v, (list, dict)):
        return json.dumps(v, separators=(",", ":"), sort_keys=True, ensure_ascii=False)
    return v


def test_to_networkx_carries_the_schema_as_scalars_and_strings(g):
    G = g.to_networkx()
    assert isinstance(G, nx.MultiDiGraph)
    assert (G.number_of_nodes(), G.number_of_edges()) == (len(g), g.edge_count)
    assert G.graph["title"] == g.title
    assert G.nodes["KOR"] == {
        "kind": "country",
        "name": "South Korea",
        "aliases": '["the South"]',
        "external_ids": '{"wikidata":"Q884"}',
        "citation_count": 2,
        "citations": G.nodes["KOR"]["citations"],
    }
    assert json.loads(G.nodes["KOR"]["citations"])[0]["source"] == "st-2016-06-04"
    gsomia = G.nodes["gsomia-kor-usa"]
    assert (gsomia["subkind"], gsomia["state"]) == ("gsomia", "in_force")
    test = G.nodes["prk-nuclear-test-2016-01"]
    assert test == {
        "kind": "event",
        "name": "North Korea's fourth nuclear test",
        "subkind": "nuclear_test",
        "date": "2016-01",
        "date_earliest": "2016-01-01",
        "date_latest": "2016-01-31",
        "citation_count": 1,
        "citations": test["citations"],
        "attr.ordinal": 4,
    }
    offices = [(u, v, d["title"]) for u, v, d in G.edges(data=True) if d["kind"] == "holds_office" and u == "ashton-carter"]
    assert offices == [("ashton-carter", "us-dod", "Secretary of Defense")]
    scalars = (str, int, float, bool)
    assert all(isinstance(v, scalars) for _, d in G.nodes(data=True) for v in d.values())
    assert all(isinstance(v, scalars) for *_, d in G.edges(data=True) for v in d.values())
    # networkx's own keys: 0, 1 … among the edges joining the same two nodes.
    keys = {}
    for u, v, k in G.edges(keys=True):
        assert k == keys.get((u, v), 0)
        keys[(u, v)] = k + 1
    assert diplograph.to_networkx(g).number_of_edges() == g.edge_count


def test_to_networkx_paths_agree_with_the_core(merged):
    G = merged.to_networkx()
    assert nx.has_path(G.to_undirected(as_view=True), "KOR", "JPN")
    assert "gsomia-jpn-kor" in G


def test_networkx_writers_take_the_graph_and_read_it_back(g, tmp_path):
    G = g.to_networkx()
    # GraphML: every value comes back with its type.
    nx.write_graphml(G, tmp_path / "g.graphml")
    back = nx.read_graphml(tmp_path / "g.graphml", force_multigraph=True)
    assert dict(back.nodes(data=True)) == dict(G.nodes(data=True))
    assert sorted(map(repr, (d for *_, d in back.edges(data=True)))) == sorted(map(repr, (d for *_, d in G.edges(data=True))))
    # GEXF: networkx takes `start` and `end` as the element's time bounds (here the dates as
    # written); every other field is an attribute.
    nx.write_gexf(G, tmp_path / "g.gexf")
    back = nx.read_gexf(tmp_path / "g.gexf")
    assert back.number_of_nodes() == len(g) and back.number_of_edges() == g.edge_count
    kor = back.nodes["KOR"]
    assert (kor["name"], kor["citation_count"], kor["aliases"]) == ("South Korea", 2, '["the South"]')
    # Node-link JSON through json.dumps.
    text = json.dumps(nx.node_link_data(G, edges="edges"))
    back = nx.node_link_graph(json.loads(text), edges="edges")
    assert dict(back.nodes(data=True)) == dict(G.nodes(data=True))
    assert back.number_of_edges() == g.edge_count


def test_one_schema_across_networkx_frames_and_exports(g, tmp_path):
    G = g.to_networkx()
    nodes, edges = g.to_pandas()
    # The frames have every field of the schema, in order, then the free attributes.
    assert list(nodes.columns[: len(NODE_FIELDS)]) == NODE_FIELDS
    assert list(edges.columns[: len(EDGE_FIELDS)]) == EDGE_FIELDS
    assert all(c.startswith("attr.") for c in nodes.columns[len(NODE_FIELDS):])
    assert all(c.startswith("attr.") for c in edges.columns[len(EDGE_FIELDS):])
    assert not {"index", "from", "to", "attributes", "agreement_kind"} & (set(nodes.columns) | set(edges.columns))
    # The node-link export carries, for every node and edge, the same fields and values as
    # to_networkx() (its structured fields as JSON rather than JSON text).
    doc = json.loads(g.dumps("nodelink"))
    for n in doc["nodes"]:
        assert {k: _json_text(v) for k, v in n.items() if k != "id"} == G.nodes[n["id"]]
    exported = sorted(json.dumps({k: _json_text(v) for k, v in e.items() if k != "key"}, sort_keys=True) for e in doc["edges"])
    ours = sorted(json.dumps({"source": u, "target": v, **d}, sort_keys=True) for u, v, d in G.edges(data=True))
    assert exported == ours
    # The CSV tables hold the same columns (those some row has), after the Neo4j headers.
    g.save(tmp_path / "t.csv")
    csv_nodes = pd.read_csv(tmp_path / "t.csv" / "nodes.csv", keep_default_na=False, na_values=[""])
    csv_edges = pd.read_csv(tmp_path / "t.csv" / "edges.csv", keep_default_na=False, na_values=[""])
    assert list(csv_nodes.columns[2:]) == [c for c in nodes.columns if nodes[c].notna().any()]
    assert list(csv_edges.columns[3:]) == [c for c in edges.columns if edges[c].notna().any()]
    # The frames' rows are the exports' rows, in the same order.
    assert list(csv_nodes["id"]) == list(nodes["id"]) and list(csv_edges["target"]) == list(edges["target"])


def test_to_pandas_dtypes_and_dates(g):
    nodes, edges = g.to_pandas()
    assert (len(nodes), len(edges)) == (len(g), g.edge_count)
    assert str(nodes["id"].dtype) == "string" and str(nodes["name"].dtype) == "string"
    assert list(nodes["kind"].cat.categories) == diplograph.NODE_KINDS
    assert list(edges["kind"].cat.categories) == diplograph.EDGE_KINDS
    assert list(nodes["state"].cat.categories) == diplograph.LIFECYCLE_STATES
    assert str(edges["position"].dtype) == "Int64" and str(edges["share"].dtype) == "Float64"
    assert str(nodes["citation_count"].dtype) == "Int64" and str(nodes["binding"].dtype) == "boolean"
    assert str(nodes["date_earliest"].dtype) == "datetime64[s]"
    counts = nodes["kind"].value_counts()
    assert counts.to_dict() == {
        "statement": 24, "organization": 14, "event": 12, "agreement": 9, "country": 8, "person": 7, "source": 1, "place": 1,
    }
    row = nodes.set_index("id").loc["gsomia-kor-usa"]
    assert (row["subkind"], row["state"], row["citation_count"]) == ("gsomia", "in_force", 1)
    assert pd.isna(nodes.set_index("id").loc["KOR", "date"])
    carter = edges[(edges["source"] == "ashton-carter") & (edges["kind"] == "holds_office")]
    assert carter["title"].tolist() == ["Secretary of Defense"]
    assert edges["position"].dropna().min() == 1
    frames = diplograph.to_pandas(g)
    assert isinstance(frames, diplograph.Frames) and frames.nodes.shape == nodes.shape
    dated = nodes.dropna(subset=["date_earliest"]).sort_values("date_earliest")
    assert dated["date_earliest"].is_monotonic_increasing


def test_days_outside_pandas_nanosecond_range_are_kept():
    h = diplograph.Graph()
    h.add_event("ancient", "An ancient treaty talk", kind="summit", date="0001-03")
    h.add_event("future", "A far summit", kind="summit", date="2400")
    nodes, _ = h.to_pandas()
    by_id = nodes.set_index("id")
    assert by_id.loc["ancient", "date_earliest"] == pd.Timestamp(datetime.datetime(1, 3, 1))
    assert by_id.loc["future", "date_latest"] == pd.Timestamp(datetime.datetime(2400, 12, 31))
    assert by_id.loc["ancient", "date"] == "0001-03"


def test_to_arrow_types(g):
    nodes, edges = g.to_arrow()
    assert isinstance(nodes, pa.Table) and isinstance(g.to_arrow(), diplograph.ArrowTables)
    assert (nodes.num_rows, edges.num_rows) == (len(g), g.edge_count)
    types = {f.name: str(f.type) for f in nodes.schema}
    assert (types["id"], types["date"], types["date_earliest"], types["citation_count"], types["unnamed"]) == (
        "large_string", "large_string", "date32[day]", "int64", "bool",
    )
    assert types["kind"] == "dictionary<values=large_string, indices=int32, ordered=0>"
    assert nodes.schema.field("date").metadata == {b"diplograph.type": b"date"}
    assert str(edges.schema.field("share").type) == "double"
    ids = nodes.column("id").to_pylist()
    kor = ids.index("KOR")
    assert nodes.column("name")[kor].as_py() == "South Korea"
    assert nodes.column("date")[kor].as_py() is None
    assert nodes.column("kind").to_pylist()[kor] == "country"
    nodes.validate(full=True)
    edges.validate(full=True)


def test_to_polars(g):
    pl = pytest.importorskip("polars")
    nodes, edges = g.to_polars()
    assert isinstance(nodes, pl.DataFrame) and isinstance(g.to_polars(), diplograph.PolarsFrames)
    assert (nodes.height, edges.height) == (len(g), g.edge_count)
    assert nodes.filter(pl.col("id") == "KOR")["name"].item() == "South Korea"
    assert nodes.schema["date_earliest"] == pl.Date
    assert edges.columns[:3] == ["source", "target", "kind"]


def test_conversions_leave_the_garbage_collector_as_it_was(g):
    import gc

    assert gc.isenabled()
    g.to_networkx(), g.to_pandas()
    assert gc.isenabled()
    gc.disable()
    try:
        g.to_networkx(), g.to_pandas()
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_results_to_pandas(g):
    df = g.office_holders("Defence Minister", as_of="2016-06-04").to_pandas()
    assert df["person.id"].tolist() == ["gen-nakatani", "han-min-koo"]


@pytest.mark.parametrize(
    "package, method",
    [("networkx", "to_networkx"), ("pandas", "to_pandas"), ("pyarrow", "to_arrow"), ("polars", "to_polars")],
)
def test_missing_optional_package_is_a_clear_error(g, monkeypatch, package, method):
    real_import = builtins.__import__

    def fake_import(name, *args, **kwargs):
        if name == package or name.startswith(package + "."):
            raise ModuleNotFoundError(f"No module named '{package}'")
        return real_import(name, *args, **kwargs)

    for mod in [m for m in sys.modules if m == package or m.startswith(package + ".")]:
        monkeypatch.delitem(sys.modules, mod)
    monkeypatch.setattr(builtins, "__import__", fake_import)
    with pytest.raises(ImportError) as err:
        getattr(g, method)()
    assert f"needs the optional package `{package}`" in str(err.value)
    assert f"pip install {package}" in str(err.value)


def test_record_fields_behind_to_dict(g):
    # Node.to_dict() and Edge.to_dict() keep the native format's shape (records.rs).
    from diplograph import _native

    edge_names = [name for name, _ in _native._EDGE_FIELDS]
    assert list(g.edges()[0].to_dict()) == edge_names[1:]
    assert list(g.node("KOR").to_dict()) == ["id", "kind", "name", "aliases", "external_ids", "attributes", "citations"]
