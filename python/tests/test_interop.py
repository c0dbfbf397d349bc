"""networkx and pandas conversion, and the clear error when either is missing."""

from __future__ import annotations

import builtins
import sys

import pytest

import diplograph

nx = pytest.importorskip("networkx")
pd = pytest.importorskip("pandas")


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


def test_results_to_pandas(g):
    df = g.office_holders("Defence Minister", on="2016-06-04").to_pandas()
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
