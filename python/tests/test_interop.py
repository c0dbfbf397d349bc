"""networkx and pandas conversion, and the clear error when either is missing."""

from __future__ import annotations

import builtins
import sys

import pytest

import diplograph

nx = pytest.importorskip("networkx")
pd = pytest.importorskip("pandas")


#: The columns beside each date column: its earliest and latest day (pandas only).
_DAY_COLUMNS = frozenset(f"{c}_{b}" for c in ("date", "start", "end") for b in ("earliest", "latest"))

def test_to_networkx_keeps_everything(g):
    G = g.to_networkx()
    assert isinstance(G, nx.MultiDiGraph)
    assert (G.number_of_nodes(), G.number_of_edges()) == (len(g), g.edge_count)
    assert G.graph["title"] == g.title
    kor = G.nodes["KOR"]
    assert (kor["kind"], kor["name"], kor["aliases"], kor["external_ids"]) == ("country", "South Korea", ["the South"], {"wikidata": "Q884"})
    assert kor["citations"][0]["source"] == "st-2016-06-04"
    assert G.nodes["gsomia-kor-usa"]["lifecycle"] == [s.to_dict() for s in g.node("gsomia-kor-usa").lifecycle]
    assert G.nodes["prk-nuclear-test-2016-01"]["date"] == diplograph.PartialDate("2016-01")
    offices = [(u, v, d["title"]) for u, v, d in G.edges(data=True) if d["kind"] == "holds_office" and u == "ashton-carter"]
    assert offices == [("ashton-carter", "us-dod", "Secretary of Defense")]
    # Every edge of the graph is there once, keyed by its index.
    assert sorted(k for _, _, k in G.edges(keys=True)) == sorted(e.index for e in g.edges())
    # The same module-level function.
    assert diplograph.to_networkx(g).number_of_edges() == g.edge_count


def test_to_networkx_paths_agree_with_the_core(merged):
    G = merged.to_networkx()
    assert nx.has_path(G.to_undirected(as_view=True), "KOR", "JPN")
    assert "gsomia-jpn-kor" in G


def test_to_pandas_dtypes(g):
    nodes, edges = g.to_pandas()
    assert (len(nodes), len(edges)) == (len(g), g.edge_count)
    assert str(nodes["id"].dtype) == "string" and str(nodes["name"].dtype) == "string"
    assert isinstance(nodes["kind"].dtype, pd.CategoricalDtype)
    assert list(nodes["kind"].cat.categories) == diplograph.NODE_KINDS
    assert list(edges["kind"].cat.categories) == diplograph.EDGE_KINDS
    assert str(edges["position"].dtype) == "Int64" and str(edges["share"].dtype) == "Float64"
    counts = nodes["kind"].value_counts()
    assert (counts["country"], counts["statement"], counts["source"]) == (8, 24, 1)
    row = nodes.set_index("id").loc["prk-nuclear-test-2016-01"]
    assert (row["date"], row["event_kind"]) == ("2016-01", "nuclear_test")
    assert pd.isna(nodes.set_index("id").loc["KOR", "date"])
    carter = edges[(edges["from"] == "ashton-carter") & (edges["kind"] == "holds_office")]
    assert carter["title"].tolist() == ["Secretary of Defense"]
    assert edges["position"].dropna().min() == 1
    frames = diplograph.to_pandas(g)
    assert isinstance(frames, diplograph.Frames) and frames.nodes.shape == nodes.shape


def _applying(d, leave_out):
    return {k: v for k, v in d.items() if v is not None and k not in leave_out}


def test_bulk_rows_and_columns_are_to_dict(g, merged):
    # The one-pass rows and columns behind to_networkx and to_pandas carry exactly what
    # Node.to_dict() and Edge.to_dict() say, for every node and edge of every kind.
    for graph in (g, merged):
        nodes, edges = graph.nodes(), graph.edges()
        assert graph._node_records() == [(n.id, _applying(n.to_dict(), {"id"})) for n in nodes]
        assert graph._edge_records() == [
            (e.from_id, e.to_id, e.index, _applying(e.to_dict(), {"from", "to"})) for e in edges
        ]
        node_cols, edge_cols = graph._node_columns(), graph._edge_columns()
        assert [c for c in node_cols if c not in _DAY_COLUMNS] == list(diplograph._interop._NODE_COLUMNS)
        assert [c for c in edge_cols if c not in _DAY_COLUMNS] == list(diplograph._interop._EDGE_COLUMNS)
        as_text = lambda v: str(v) if isinstance(v, diplograph.PartialDate) else v  # noqa: E731
        for cols, rows in ((node_cols, [n.to_dict() for n in nodes]), (edge_cols, [{**e.to_dict(), "index": e.index} for e in edges])):
            for i, d in enumerate(rows):
                assert {c: col[i] for c, col in cols.items() if c not in _DAY_COLUMNS} == {
                    c: as_text(d.get(c)) for c in cols if c not in _DAY_COLUMNS
                }
                # Each date column's earliest and latest day are the date's own.
                for c in ("date", "start", "end"):
                    if f"{c}_earliest" in cols:
                        date = d.get(c)
                        assert cols[f"{c}_earliest"][i] == (date.earliest() if date is not None else None)
                        assert cols[f"{c}_latest"][i] == (date.latest() if date is not None else None)
    # Dated fields really are there (the example has event, statement and edge dates).
    assert any(isinstance(v, str) for v in g._node_columns()["date"])
    assert any(isinstance(d.get("start"), diplograph.PartialDate) for *_, d in g._edge_records())


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


@pytest.mark.parametrize("package, method", [("networkx", "to_networkx"), ("pandas", "to_pandas")])
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


def test_one_field_definition_behind_dicts_columns_and_dtypes(g):
    # The field list comes from the binding's one definition (records.rs): the columns, the
    # pandas dtypes and to_dict() keys all follow it.
    from diplograph import _native

    node_names = [name for name, _ in _native._NODE_FIELDS]
    edge_names = [name for name, _ in _native._EDGE_FIELDS]
    assert node_names == [
        "id", "kind", "name", "aliases", "external_ids", "unnamed", "description", "org_kind", "agreement_kind",
        "event_kind", "place_kind", "date", "end", "place", "status", "quote", "paraphrase", "cue", "url", "text", "lifecycle",
        "binding", "renewal", "vote", "attributes", "citations",
    ]
    assert edge_names == [
        "index", "from", "to", "kind", "start", "end", "attested", "title", "on_behalf_of", "position", "chain",
        "share", "amount", "relation", "place", "role", "acting_for", "attributes", "citations",
    ]
    assert dict(_native._EDGE_FIELDS)["share"] == "Float64" and dict(_native._NODE_FIELDS)["kind"] == "category"
    assert [c for c in g._node_columns() if c not in _DAY_COLUMNS] == node_names
    assert [c for c in g._edge_columns() if c not in _DAY_COLUMNS] == edge_names
    # In the frames each date column is followed by its earliest and latest day.
    nodes, edges = g.to_pandas()
    with_days = lambda names: [x for c in names for x in ([c, f"{c}_earliest", f"{c}_latest"] if c in ("date", "start", "end") else [c])]  # noqa: E731
    assert list(nodes.columns) == with_days(node_names) and list(edges.columns) == with_days(edge_names)
    assert str(edges["share"].dtype) == "Float64" and str(nodes["kind"].dtype) == "category"
    # An edge's dict has every field but the index, in field order; a node's, the fields of its kind.
    assert list(g.edges()[0].to_dict()) == edge_names[1:]
    assert list(g.node("st-2016-06-04").to_dict()) == [
        "id", "kind", "name", "aliases", "external_ids", "date", "url", "text", "attributes", "citations",
    ]
    assert list(g.node("KOR").to_dict()) == ["id", "kind", "name", "aliases", "external_ids", "attributes", "citations"]
