"""The core's exporters, read back by the third-party readers they are made for.

Each format is produced by the core crate's `export` example program (built once per
session), from the built-in example or from a small graph full of injection bait, then read
with the reader its users use: xmllint against the official schemas (vendored in schemas/),
Graphviz, networkx, igraph, pandas and kuzu. Expected answers come from the native JSON the core writes, not from
the exporter under test.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

# igraph reports attributes it cannot keep as RuntimeWarnings: those are failures here.
pytestmark = pytest.mark.filterwarnings("error::RuntimeWarning")

REPO = Path(__file__).resolve().parents[2]
# The official GraphML and GEXF schemas, vendored beside the tests (see schemas/README.md).
SCHEMAS = Path(__file__).resolve().parent / "schemas"

# Names that must neither break a file nor inject into it, and must read back exactly.
BAIT = [
    'a"]; b [label="x',
    '</node><node id="evil">',
    "x\n} digraph {",
    '=HYPERLINK("http://x")',
    "it's",
    "back\\slash\\",
    "`tick` })",
    "'quoted",
    "-1",
    "N/A",
    "a & b &amp; c",
]


@pytest.fixture(scope="session")
def exporter() -> Path:
    """Builds the `export` example of the core crate and returns its executable."""
    out = subprocess.run(
        ["cargo", "build", "-q", "-p", "diplograph", "--example", "export", "--message-format=json"],
        cwd=REPO,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    for line in out.splitlines():
        msg = json.loads(line)
        if msg.get("reason") == "compiler-artifact" and msg.get("target", {}).get("name") == "export":
            if msg.get("executable"):
                return Path(msg["executable"])
    raise AssertionError("cargo did not report the export example's executable")


def run_export(exporter: Path, fmt: str, out: Path, source: Path | None = None) -> Path:
    args = [str(exporter), fmt, str(out)] + ([str(source)] if source else [])
    done = subprocess.run(args, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return out


@pytest.fixture(scope="session")
def example_json(exporter: Path, tmp_path_factory) -> dict:
    path = run_export(exporter, "json", tmp_path_factory.mktemp("native") / "example.json")
    return json.loads(path.read_text(encoding="utf-8"))


def bait_document() -> dict:
    nodes = [
        {"id": "NAM", "kind": "country", "name": "Namibia", "aliases": ["NA"], "attributes": {"iso2": "NA"}},
        {"id": "KOR", "kind": "country", "name": "South Korea"},
        {"id": "org", "kind": "organization", "name": "Ministry", "org_kind": "ministry"},
    ]
    edges = []
    for i, name in enumerate(BAIT):
        nodes.append({"id": f"p{i}", "kind": "person", "name": name, "attributes": {"note": name}})
        edges.append({"kind": "holds_office", "from": f"p{i}", "to": "org", "title": name})
    nodes.append({"id": 'odd"id\\', "kind": "person", "name": "Odd Id"})
    edges.append({"kind": "trades_with", "from": "NAM", "to": "KOR", "share": 0.25})
    return {"diplograph": "1", "title": "bait", "nodes": nodes, "edges": edges}


@pytest.fixture(scope="session")
def bait_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("bait") / "bait.json"
    path.write_text(json.dumps(bait_document()), encoding="utf-8")
    return path


def xmllint(schema: Path, doc: Path) -> None:
    if shutil.which("xmllint") is None:
        pytest.fail("xmllint is missing: scripts/setup.sh installs libxml2-utils")
    done = subprocess.run(
        ["xmllint", "--nonet", "--noout", "--schema", str(schema), str(doc)], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr.strip() == f"{doc} validates"


def parties(doc: dict, agreement: str) -> list[str]:
    return sorted(e["from"] for e in doc["edges"] if e["kind"] == "party_to" and e["to"] == agreement)


def node_of(doc: dict, node_id: str) -> dict:
    return next(n for n in doc["nodes"] if n["id"] == node_id)


def an_office(doc: dict) -> dict:
    return next(e for e in doc["edges"] if e["kind"] == "holds_office")


# ---------------------------------------------------------------------------------------------
# The built-in example


def test_graphml_validates_and_networkx_and_igraph_read_it(exporter, example_json, tmp_path):
    import igraph
    import networkx as nx

    path = run_export(exporter, "graphml", tmp_path / "g.graphml")
    xmllint(SCHEMAS / "graphml-1.0" / "graphml.xsd", path)
    g = nx.read_graphml(path, force_multigraph=True)
    assert (g.number_of_nodes(), g.number_of_edges()) == (len(example_json["nodes"]), len(example_json["edges"]))
    kor = g.nodes["KOR"]
    assert kor["name"] == node_of(example_json, "KOR")["name"] == "South Korea"
    assert kor["kind"] == "country"
    assert kor["citation_count"] == len(node_of(example_json, "KOR").get("citations", []))
    office = an_office(example_json)
    titles = [d.get("title") for _, _, d in g.edges(office["from"], data=True) if d["kind"] == "holds_office"]
    assert office["title"] in titles
    ig = igraph.Graph.Read_GraphML(str(path))
    assert (ig.vcount(), ig.ecount()) == (len(example_json["nodes"]), len(example_json["edges"]))
    kor_v = ig.vs.find(id="KOR")
    assert kor_v["name"] == "South Korea"
    assert kor_v["citation_count"] == kor["citation_count"]


def test_gexf_validates_and_networkx_reads_its_timeline(exporter, example_json, tmp_path):
    import networkx as nx

    path = run_export(exporter, "gexf", tmp_path / "g.gexf")
    xmllint(SCHEMAS / "gexf-1.3" / "gexf.xsd", path)
    g = nx.read_gexf(path)
    assert g.graph["mode"] == "dynamic"
    assert (g.number_of_nodes(), g.number_of_edges()) == (len(example_json["nodes"]), len(example_json["edges"]))
    assert g.nodes["KOR"]["label"] == "South Korea"
    dated = [n for n in example_json["nodes"] if n["kind"] == "event" and "date" in n]
    assert dated, "the example has dated events"
    for n in dated:
        assert g.nodes[n["id"]]["date"] == n["date"]
        assert g.nodes[n["id"]]["start"][:4] == n["date"][:4]


def test_dot_renders_without_warnings(exporter, example_json, tmp_path):
    path = run_export(exporter, "dot", tmp_path / "g.dot")
    done = subprocess.run(["dot", "-Tsvg", str(path)], capture_output=True, text=True)
    assert done.returncode == 0
    assert done.stderr == ""
    assert done.stdout.count('class="node"') == len(example_json["nodes"])
    assert done.stdout.count('class="edge"') == len(example_json["edges"])


def test_nodelink_rebuilds_in_networkx(exporter, example_json, tmp_path):
    import networkx as nx

    path = run_export(exporter, "nodelink", tmp_path / "g.json")
    g = nx.node_link_graph(json.loads(path.read_text(encoding="utf-8")))
    assert g.is_directed() and g.is_multigraph()
    assert (g.number_of_nodes(), g.number_of_edges()) == (len(example_json["nodes"]), len(example_json["edges"]))
    assert g.nodes["KOR"]["name"] == "South Korea"
    assert g.nodes["KOR"]["citations"] == node_of(example_json, "KOR")["citations"]
    party_edges = {(u, v) for u, v, d in g.edges(data=True) if d["kind"] == "party_to" and v == "gsomia-kor-usa"}
    assert sorted(u for u, _ in party_edges) == parties(example_json, "gsomia-kor-usa")


def test_csv_reads_in_pandas(exporter, example_json, tmp_path):
    import pandas as pd

    out = run_export(exporter, "csv", tmp_path / "tables")
    nodes = pd.read_csv(out / "nodes.csv", keep_default_na=False, na_values=[""])
    edges = pd.read_csv(out / "edges.csv", keep_default_na=False, na_values=[""])
    assert len(nodes) == len(example_json["nodes"]) and len(edges) == len(example_json["edges"])
    assert list(nodes.columns[:5]) == [":ID", ":LABEL", "id", "kind", "name"]
    assert list(edges.columns[:6]) == [":START_ID", ":END_ID", ":TYPE", "source", "target", "kind"]
    assert nodes.loc[nodes["id"] == "KOR", "name"].item() == "South Korea"
    assert str(nodes["citation_count"].dtype) == "int64"
    got = sorted(edges.loc[(edges[":TYPE"] == "PARTY_TO") & (edges["target"] == "gsomia-kor-usa"), "source"])
    assert got == parties(example_json, "gsomia-kor-usa")


def kuzu_load(script: Path, where: Path):
    import kuzu

    db = kuzu.Database(str(where / "db"))
    conn = kuzu.Connection(db)
    conn.execute(script.read_text(encoding="utf-8"))
    return conn


def rows(conn, query: str) -> list[list]:
    result = conn.execute(query)
    out = []
    while result.has_next():
        out.append(result.get_next())
    return out


def test_cypher_loads_into_kuzu_and_answers_like_the_core(exporter, example_json, tmp_path):
    conn = kuzu_load(run_export(exporter, "cypher", tmp_path / "g.cypher"), tmp_path)
    got = rows(conn, "MATCH (p)-[:PARTY_TO]->(a:Agreement {id: 'gsomia-kor-usa'}) RETURN p.id ORDER BY p.id")
    assert [r[0] for r in got] == parties(example_json, "gsomia-kor-usa") == ["KOR", "USA"]
    (count,) = rows(conn, "MATCH (n) RETURN count(n)")[0]
    assert count == len(example_json["nodes"])
    (count,) = rows(conn, "MATCH ()-[r]->() RETURN count(r)")[0]
    assert count == len(example_json["edges"])
    office = an_office(example_json)
    got = rows(conn, f"MATCH (p:Person {{id: '{office['from']}'}})-[r:HOLDS_OFFICE]->() RETURN r.title")
    assert office["title"] in [r[0] for r in got]


# ---------------------------------------------------------------------------------------------
# Injection bait: every value reads back exactly


def test_bait_reads_back_from_graphml(exporter, bait_file, tmp_path):
    import igraph
    import networkx as nx

    path = run_export(exporter, "graphml", tmp_path / "b.graphml", bait_file)
    xmllint(SCHEMAS / "graphml-1.0" / "graphml.xsd", path)
    g = nx.read_graphml(path, force_multigraph=True)
    assert g.number_of_nodes() == len(bait_document()["nodes"])
    for i, name in enumerate(BAIT):
        assert g.nodes[f"p{i}"]["name"] == name
        assert g.nodes[f"p{i}"]["attr.note"] == name
        [(_, _, d)] = g.out_edges(f"p{i}", data=True)
        assert d["title"] == name
    assert g.nodes["odd_x0022_id_x005C_"]["node_id"] == 'odd"id\\'  # an id that is not an NMTOKEN
    assert all(g.nodes[n]["node_id"] == n for n in g.nodes if n != "odd_x0022_id_x005C_")
    ig = igraph.Graph.Read_GraphML(str(path))
    assert [ig.vs.find(id=f"p{i}")["name"] for i in range(len(BAIT))] == BAIT
    assert ig.vs.find(id="odd_x0022_id_x005C_")["node_id"] == 'odd"id\\'


def test_bait_reads_back_from_gexf(exporter, bait_file, tmp_path):
    import networkx as nx

    path = run_export(exporter, "gexf", tmp_path / "b.gexf", bait_file)
    xmllint(SCHEMAS / "gexf-1.3" / "gexf.xsd", path)
    g = nx.read_gexf(path)
    for i, name in enumerate(BAIT):
        assert g.nodes[f"p{i}"]["label"] == name
        assert g.nodes[f"p{i}"]["name"] == name
    assert 'odd"id\\' in g.nodes


def test_bait_reads_back_from_nodelink(exporter, bait_file, tmp_path):
    import networkx as nx

    path = run_export(exporter, "nodelink", tmp_path / "b.json", bait_file)
    g = nx.node_link_graph(json.loads(path.read_text(encoding="utf-8")))
    assert [g.nodes[f"p{i}"]["name"] for i in range(len(BAIT))] == BAIT
    assert g.nodes["NAM"]["aliases"] == ["NA"]


def unneutralise(value):
    """Undoes the CSV formula neutralisation (docs/export.md): drop one leading `'`."""
    return value[1:] if isinstance(value, str) and value.startswith("'") else value


def test_bait_reads_back_from_csv_and_na_stays_na(exporter, bait_file, tmp_path):
    import pandas as pd

    out = run_export(exporter, "csv", tmp_path / "tables", bait_file)
    raw = (out / "nodes.csv").read_text(encoding="utf-8")
    assert "\n=" not in raw and ",=" not in raw and '"=' not in raw  # no cell starts a formula
    nodes = pd.read_csv(out / "nodes.csv", keep_default_na=False, na_values=[""]).map(unneutralise)
    edges = pd.read_csv(out / "edges.csv", keep_default_na=False, na_values=[""]).map(unneutralise)
    by_id = nodes.set_index("id")
    assert [by_id.loc[f"p{i}", "name"] for i in range(len(BAIT))] == BAIT
    assert [by_id.loc[f"p{i}", "attr.note"] for i in range(len(BAIT))] == BAIT
    assert by_id.loc["NAM", "attr.iso2"] == "NA"
    assert json.loads(by_id.loc["NAM", "aliases"]) == ["NA"]
    assert pd.isna(by_id.loc["KOR", "attr.iso2"])
    assert 'odd"id\\' in by_id.index
    titles = edges.set_index("source").loc[[f"p{i}" for i in range(len(BAIT))], "title"].tolist()
    assert titles == BAIT
    assert edges.loc[edges[":TYPE"] == "TRADES_WITH", "share"].item() == 0.25
    assert str(edges["share"].dtype) == "float64"
    assert str(nodes["citation_count"].dtype) == "int64"


def test_bait_reads_back_from_kuzu(exporter, bait_file, tmp_path):
    conn = kuzu_load(run_export(exporter, "cypher", tmp_path / "b.cypher", bait_file), tmp_path)
    got = dict(rows(conn, "MATCH (p:Person) RETURN p.id, p.name"))
    assert [got[f"p{i}"] for i in range(len(BAIT))] == BAIT
    assert got['odd"id\\'] == "Odd Id"
    titles = dict(rows(conn, "MATCH (p:Person)-[r:HOLDS_OFFICE]->() RETURN p.id, r.title"))
    assert [titles[f"p{i}"] for i in range(len(BAIT))] == BAIT
    (attrs,) = rows(conn, "MATCH (c:Country {id: 'NAM'}) RETURN c.attributes")[0]
    assert json.loads(attrs) == {"iso2": "NA"}


def test_bait_renders_exactly_in_graphviz(exporter, bait_file, tmp_path):
    path = run_export(exporter, "dot", tmp_path / "b.dot", bait_file)
    done = subprocess.run(["dot", "-Tjson", str(path)], capture_output=True, text=True)
    assert done.returncode == 0 and done.stderr == ""
    objects = json.loads(done.stdout)["objects"]
    assert len(objects) == len(bait_document()["nodes"])  # nothing injected a node
    shown = {}
    for o in objects:
        lines = [op["text"] for op in o.get("_ldraw_", []) if op["op"] == "T"]
        shown[o["name"]] = "\n".join(lines)
    assert [shown[f"p{i}"] for i in range(len(BAIT))] == BAIT


HISTORIES = REPO / "crates" / "diplograph" / "tests" / "data" / "treaty-histories.json"


def test_treaty_histories_validate_and_read_back_from_gexf_graphml_and_csv(exporter, tmp_path):
    import networkx as nx
    import pandas as pd

    gexf = run_export(exporter, "gexf", tmp_path / "h.gexf", HISTORIES)
    xmllint(SCHEMAS / "gexf-1.3" / "gexf.xsd", gexf)
    g = nx.read_gexf(gexf)
    assert g.nodes["gsomia-signing-2012-06-29"]["status"] == "cancelled"
    assert g.nodes["new-start"]["state"] == "expired"
    # The spells follow the derived state: New START binds until its extended term ran out.
    assert g.nodes["new-start"]["spells"] == [("2010-04-08", "2026-02-04")]
    steps = json.loads(g.nodes["gsomia-jpn-kor"]["lifecycle"])
    assert [(s["state"], s.get("status", "occurred")) for s in steps][:2] == [("signed", "cancelled"), ("signed", "occurred")]
    graphml = run_export(exporter, "graphml", tmp_path / "h.graphml", HISTORIES)
    xmllint(SCHEMAS / "graphml-1.0" / "graphml.xsd", graphml)
    m = nx.read_graphml(graphml, force_multigraph=True)
    notice = json.loads(m.nodes["open-skies"]["lifecycle"])[2]
    assert (notice["state"], notice["party"], notice["effective"]) == ("notice_given", "USA", "2020-11-22")
    tables = run_export(exporter, "csv", tmp_path / "tables", HISTORIES)
    nodes = pd.read_csv(tables / "nodes.csv", dtype=str, keep_default_na=False)
    assert nodes.set_index("id").loc["gsomia-signing-2012-06-29", "status"] == "cancelled"


# ---------------------------------------------------------------------------------------------
# EDTF dates (crates/diplograph/tests/data/edtf-dates.json): a bounded day, a season, "before"

EDTF_DATES = REPO / "crates" / "diplograph" / "tests" / "data" / "edtf-dates.json"


def test_edtf_dates_keep_valid_gexf_spells_and_their_text(exporter, tmp_path):
    import networkx as nx

    path = run_export(exporter, "gexf", tmp_path / "edtf.gexf", EDTF_DATES)
    xmllint(SCHEMAS / "gexf-1.3" / "gexf.xsd", path)
    g = nx.read_gexf(path)
    signing = g.nodes["tisa-signing"]
    assert (signing["date"], signing["date_earliest"], signing["date_latest"]) == (
        "2014-12-28/2014-12-29", "2014-12-28", "2014-12-29",
    )
    assert (signing["start"], signing["end"]) == ("2014-12-28", "2014-12-29")
    talks = g.nodes["gsomia-talks-2016"]
    assert (talks["date"], talks["start"], talks["end"]) == ("2016-23", "2016-09-01", "2016-11-30")
    exercise = g.nodes["trilateral-bmd-exercise-2016"]
    assert exercise["date"] == "../2016-06-29" and "date_earliest" not in exercise
    assert exercise["end"] == "2016-06-29"
    graphml = run_export(exporter, "graphml", tmp_path / "edtf.graphml", EDTF_DATES)
    xmllint(SCHEMAS / "graphml-1.0" / "graphml.xsd", graphml)
    gm = nx.read_graphml(graphml, force_multigraph=True)
    assert gm.nodes["gsomia-talks-2016"]["date_latest"] == "2016-11-30"
