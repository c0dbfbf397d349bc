"""Loading, saving, building, node and edge objects, dates, exceptions, pickling and the
Python protocols."""

from __future__ import annotations

import copy
import datetime
import json
import pickle

import pytest

import diplograph
from diplograph import Citation, Graph, PartialDate


def small() -> Graph:
    g = Graph(title="GSOMIA")
    g.add_source("st", "The Straits Times", date="2016-06-04", text="Seoul and Washington already have a pact.")
    g.add_country("KOR", "South Korea", aliases=["the South"], external_ids={"wikidata": "Q884"})
    g.add_country("USA", "United States")
    g.add_agreement(
        "gsomia-kor-usa",
        "US-ROK GSOMIA",
        kind="gsomia",
        lifecycle=[{"state": "in_force", "attested": "2016-06-04", "citations": [{"source": "st", "span": (0, 41)}]}],
        attributes={"note": "bilateral", "rank": 1},
    )
    g.relate("KOR", "party_to", "gsomia-kor-usa", citations=[Citation("st", span=(0, 41), via=[])])
    g.relate("USA", "party_to", "gsomia-kor-usa", start="2000")
    return g


def test_example_and_loads(g):
    assert len(g) == 76 and g.edge_count == 230
    assert g.title == "Shangri-La Dialogue 2016: US, South Korea, Japan defence chiefs"
    assert g.validate() == []
    again = diplograph.loads(g.dumps())
    assert again.dumps() == g.dumps()


def test_load_and_save(tmp_path, g):
    path = tmp_path / "example.json"
    g.save(path)
    assert diplograph.load(path).dumps() == g.dumps()
    assert diplograph.load(str(path)).dumps() == g.dumps()
    g.save(tmp_path / "tables", format="csv")
    assert sorted(p.name for p in (tmp_path / "tables").iterdir()) == ["edges.csv", "nodes.csv"]


@pytest.mark.parametrize(
    "name,fmt",
    [
        ("g.graphml", "graphml"),
        ("g.GEXF", "gexf"),
        ("g.dot", "dot"),
        ("g.gv", "dot"),
        ("g.nodelink.json", "nodelink"),
        ("g.cypher", "cypher"),
        ("g.mmd", "mermaid"),
        ("g.json", "json"),
    ],
)
def test_save_follows_the_extension(tmp_path, g, name, fmt):
    g.save(tmp_path / name)
    assert (tmp_path / name).read_text() == g.dumps(fmt)


def test_save_format_wins_and_contradictions_raise(tmp_path, g):
    g.save(tmp_path / "x.json", format="nodelink")
    assert (tmp_path / "x.json").read_text() == g.dumps("nodelink")
    g.save(tmp_path / "x.txt", format="dot")
    assert (tmp_path / "x.txt").read_text() == g.dumps("dot")
    g.save(tmp_path / "t.csv")
    assert sorted(p.name for p in (tmp_path / "t.csv").iterdir()) == ["edges.csv", "nodes.csv"]
    with pytest.raises(ValueError) as e:
        g.save(tmp_path / "g.dot", format="gexf")
    assert str(e.value) == (
        f"the name `{tmp_path / 'g.dot'}` says dot but the format asked for is gexf; "
        "rename the file or drop the format to follow the name"
    )
    with pytest.raises(ValueError) as e:
        g.save(tmp_path / "g.txt")
    assert str(e.value).startswith(f"cannot tell the export format from the name `{tmp_path / 'g.txt'}`")
    assert not (tmp_path / "g.dot").exists() and not (tmp_path / "g.txt").exists()


@pytest.mark.parametrize("fmt", ["json", "dot", "graphml", "gexf", "nodelink", "cypher", "mermaid"])
def test_dumps_every_format(g, fmt):
    text = g.dumps(fmt)
    assert isinstance(text, str) and text
    starts = {"json": "{", "dot": "digraph ", "graphml": "<?xml", "gexf": "<?xml", "nodelink": "{", "mermaid": "flowchart"}
    if fmt in starts:
        assert text.startswith(starts[fmt])
    if fmt == "nodelink":
        assert len(json.loads(text)["nodes"]) == len(g)


def test_dumps_csv_gives_both_tables(g):
    tables = g.dumps("csv")
    assert sorted(tables) == ["edges.csv", "nodes.csv"]
    import csv
    import io

    assert len(list(csv.reader(io.StringIO(tables["nodes.csv"])))) == len(g) + 1
    assert len(list(csv.reader(io.StringIO(tables["edges.csv"])))) == g.edge_count + 1


def test_dumps_unknown_format(g):
    with pytest.raises(diplograph.UnknownName) as err:
        g.dumps("pdf")
    assert err.value.expected == diplograph.EXPORT_FORMATS


def test_building_and_reading_back():
    g = small()
    assert g.validate() == []
    assert list(g) == ["st", "KOR", "USA", "gsomia-kor-usa"]
    kor = g.node("seoul")
    assert (kor.kind, kor.id, kor.name, kor.aliases, kor.external_ids) == (
        "country",
        "KOR",
        "South Korea",
        ["the South"],
        {"wikidata": "Q884"},
    )
    pact = g["US-ROK GSOMIA"]
    assert pact.agreement_kind == "gsomia" and pact.attributes == {"note": "bilateral", "rank": 1}
    (step,) = pact.lifecycle
    assert (step.state, step.date, step.attested) == ("in_force", None, PartialDate("2016-06-04"))
    assert step.citations == [Citation("st", span=(0, 41))]
    edges = g.edges(kind="party_to")
    assert [(e.from_id, e.kind, e.to_id) for e in edges] == [("KOR", "party_to", "gsomia-kor-usa"), ("USA", "party_to", "gsomia-kor-usa")]
    assert edges[0].citations[0].span == (0, 41)
    assert edges[1].start == "2000" and edges[1].end is None
    assert repr(edges[1]) == "<Edge USA -party_to-> gsomia-kor-usa 2000 .. ?>"
    assert [e.to_id for e in g.edges(as_of="1999")] == ["gsomia-kor-usa"]
    source = g.node("st")
    assert (source.date, source.text) == (PartialDate("2016-06-04"), "Seoul and Washington already have a pact.")


def test_building_is_validated_as_in_the_core():
    g = small()
    with pytest.raises(diplograph.ValidationError) as err:
        g.add_country("XXX", "Nowhere")
    (p,) = err.value.problems
    assert (p.code, p.id, p.path) == ("unknown-iso-code", "XXX", "/id")
    with pytest.raises(diplograph.ValidationError) as err:
        g.add_country("KOR", "Korea")
    assert [p.code for p in err.value.problems] == ["duplicate-id"]
    with pytest.raises(diplograph.ValidationError) as err:
        g.relate("gsomia-kor-usa", "party_to", "KOR")
    assert [p.code for p in err.value.problems] == ["edge-endpoint-kind"]
    with pytest.raises(diplograph.ValidationError) as err:
        g.relate("KOR", "party_to", "nowhere")
    assert [p.code for p in err.value.problems] == ["dangling-reference"]
    with pytest.raises(diplograph.ValidationError) as err:
        g.add_statement("s", "both", quote="a", paraphrase="b")
    assert [p.code for p in err.value.problems] == ["kind-field"]
    with pytest.raises(diplograph.UnknownName):
        g.add_organization("o", "O", kind="club")
    with pytest.raises(diplograph.InvalidDate):
        g.add_event("e", "E", kind="meeting", date="2016-02-30")
    assert len(g) == 4 and g.edge_count == 2


def test_an_ongoing_event_has_no_end_and_saves_as_null():
    g = diplograph.Graph()
    g.add_event("talks", "Talks", "talks_round", date="2016-06", ongoing=True)
    g.add_event("day", "A day", "meeting", date="2016-06-04")
    assert g.node("talks").end is None
    assert str(g.node("day").end) == "2016-06-04"
    text = g.dumps()
    assert '"end": null' in text
    assert diplograph.loads(text).node("talks").end is None
    with pytest.raises(ValueError):
        g.add_event("x", "X", "meeting", date="2016", end="2017", ongoing=True)


def test_a_citation_by_its_words_finds_its_span():
    g = diplograph.Graph()
    # Cited before its source is added: adding the source resolves it.
    g.add_country("JPN", "Japan", citations=[Citation("st", text="Tokyo")])
    assert g.node("JPN").citations[0].span is None
    g.add_source("st", "A report", text="Seoul and Tokyo agreed. Seoul said so.")
    assert g.node("JPN").citations[0] == Citation("st", span=(10, 15), text="Tokyo")
    second = Citation("st", text="Seoul", occurrence=2)
    assert (second.occurrence, repr(second)) == (2, 'Citation("st", text="Seoul", occurrence=2)')
    g.add_country("KOR", "South Korea", citations=[second])
    (c,) = g.node("KOR").citations
    assert (c.span, c.text, c.occurrence) == ((24, 29), "Seoul", None)
    # A dict citation resolves the same way, on an edge.
    g.relate("KOR", "allied_with", "JPN", citations=[{"source": "st", "text": "agreed"}])
    assert g.edges()[0].citations[0].span == (16, 22)
    assert g.validate() == []
    assert '"span": [\n            24,\n            29\n          ]' in g.dumps()
    # Words not found, or found twice with no occurrence: the same problems as loading.
    g.add_country("USA", "United States", citations=[Citation("st", text="Washington")])
    g.relate("USA", "allied_with", "KOR", citations=[Citation("st", text="Seoul")])
    assert [(p.code, p.id, p.path) for p in g.validate()] == [
        ("citation-text-not-found", "USA", "/citations/0/text"),
        ("citation-text-ambiguous", "USA -allied_with-> KOR", "/citations/0/text"),
    ]
    assert pickle.loads(pickle.dumps(second)) == second
    # A source holding no text: the words and occurrence are kept as written, unchecked.
    h = diplograph.Graph()
    h.add_source("nt", "No text kept", url="https://example.org")
    h.add_country("KOR", "South Korea", citations=[Citation("nt", text="Seoul", occurrence=2)])
    assert h.validate() == []
    kept = {"source": "nt", "text": "Seoul", "occurrence": 2}
    assert h.node("KOR").citations[0].to_dict() == kept
    assert diplograph.loads(h.dumps()).node("KOR").citations[0].to_dict() == kept
    assert json.loads(h.to_networkx().nodes["KOR"]["citations"]) == [kept]


def test_loading_a_citation_by_its_words_reports_where():
    text = (
        '{"diplograph": "1", "nodes": [\n'
        '  {"id": "st", "kind": "source", "name": "S", "text": "Seoul and Tokyo. Seoul."},\n'
        '  {"id": "KOR", "kind": "country", "name": "K", "citations": [{"source": "st", "text": "Seoul"}]}]}'
    )
    with pytest.raises(diplograph.ValidationError) as err:
        diplograph.loads(text)
    (p,) = err.value.problems
    assert (p.code, p.line, p.column, p.path) == (
        "citation-text-ambiguous",
        3,
        88,
        "/nodes/1/citations/0/text",
    )
    assert p.message == (
        'a citation of `KOR` quotes "Seoul", which occurs 2 times in the text of source `st` '
        '(at bytes 0..5, 17..22); add "occurrence": 1 to 2 to pick one, or quote more words'
    )
    g = diplograph.loads(text.replace('"text": "Seoul"}', '"text": "Seoul", "occurrence": 2}'))
    assert g.node("KOR").citations[0].span == (17, 22)


def test_a_rejected_source_is_one_problem():
    cites = ",\n".join(
        f'  {{"id": "p{i}", "kind": "person", "name": "P", "citations": [{{"source": "st"}}]}}'
        for i in range(5)
    )
    text = (
        '{"diplograph": "1", "nodes": [\n'
        '  {"id": "st", "kind": "source", "name": "S", "attributes": null},\n'
        f"{cites}]}}"
    )
    with pytest.raises(diplograph.ValidationError) as err:
        diplograph.loads(text)
    (p,) = err.value.problems
    assert (p.code, p.id, p.line) == ("invalid-value", "st", 2)
    assert p.message.endswith("(and 5 citations naming `st` are not checked until it loads)")


def test_load_errors_are_located(tmp_path):
    with pytest.raises(diplograph.ParseError) as err:
        diplograph.loads('{"diplograph": "1", "nodes": [')
    assert isinstance(err.value, diplograph.ValidationError)
    assert err.value.problems[0].code == "json-syntax"
    text = '{"diplograph": "1", "nodes": [\n  {"id": "KOR", "kind": "country", "name": "South Korea"},\n  {"id": "KOR", "kind": "country", "name": "Korea"}]}'
    with pytest.raises(diplograph.ValidationError) as err:
        diplograph.loads(text)
    (p,) = err.value.problems
    assert (p.code, p.id, p.line, p.column) == ("duplicate-id", "KOR", 3, 10)
    bad = tmp_path / "bad.json"
    bad.write_text(text)
    with pytest.raises(diplograph.ValidationError) as err:
        diplograph.load(bad)
    assert err.value.problems[0].file == str(bad)
    with pytest.raises(diplograph.FileError) as ferr:
        diplograph.load(tmp_path / "missing.json")
    assert isinstance(ferr.value, OSError) and ferr.value.errno == 2
    assert ferr.value.filename == str(tmp_path / "missing.json")


def test_exception_hierarchy():
    for cls in [
        diplograph.ValidationError,
        diplograph.ParseError,
        diplograph.NodeNotFound,
        diplograph.AmbiguousName,
        diplograph.UnknownName,
        diplograph.InvalidDate,
        diplograph.InvalidQuery,
        diplograph.FileError,
    ]:
        assert issubclass(cls, diplograph.DiplographError)
    assert issubclass(diplograph.NodeNotFound, KeyError)


def test_ambiguous_names_list_candidates():
    g = Graph()
    g.add_organization("kor-mnd", "Ministry of National Defense", kind="ministry", aliases=["the defence ministry"])
    g.add_organization("jpn-mod", "Ministry of Defense", kind="ministry", aliases=["the defence ministry"])
    with pytest.raises(diplograph.AmbiguousName) as err:
        g.node("The Defence Ministry")
    assert [c.id for c in err.value.candidates] == ["kor-mnd", "jpn-mod"]
    assert err.value.total == 2
    assert err.value.candidates[0] == diplograph.Candidate("kor-mnd", "organization", "Ministry of National Defense")
    assert "The Defence Ministry" in g
    assert [p.code for p in g.validate()] == ["alias-conflict"]


def test_merge_strict_and_conflicts(g):
    other = Graph()
    other.add_country("KOR", "Korea, Republic of")
    with pytest.warns(diplograph.MergeConflictWarning) as caught:
        merged = diplograph.merge(g, other, labels=["example", "other"])
    assert caught[0].message.problem.code == "merge-conflict"
    assert merged.node("KOR").name in ("South Korea", "Korea, Republic of")
    with pytest.raises(diplograph.ValidationError) as err:
        diplograph.merge(g, other, strict=True)
    assert {p.code for p in err.value.problems} == {"merge-conflict"}


def test_dates():
    assert PartialDate("2016").precision == "year"
    d = PartialDate(datetime.date(2016, 6, 4))
    assert (d.year, d.month, d.day, str(d), repr(d)) == (2016, 6, 4, "2016-06-04", "PartialDate('2016-06-04')")
    assert d.to_date() == datetime.date(2016, 6, 4)
    january = PartialDate("2016-01")
    assert (january.earliest(), january.latest()) == (datetime.date(2016, 1, 1), datetime.date(2016, 1, 31))
    with pytest.raises(ValueError):
        january.to_date()
    assert january < "2016-01-01" < PartialDate("2016-02")
    assert january == "2016-01" and hash(january) == hash("2016-01")
    assert sorted([PartialDate("2016-06-04"), PartialDate("2016"), january]) == ["2016", "2016-01", "2016-06-04"]
    with pytest.raises(diplograph.InvalidDate):
        PartialDate("2016-13")
    with pytest.raises(TypeError):
        PartialDate(2016)  # type: ignore[arg-type]


def test_pickling(g, merged):
    for graph in (g, merged, small()):
        back = pickle.loads(pickle.dumps(graph))
        assert back.dumps() == graph.dumps()
        assert copy.deepcopy(graph).dumps() == graph.dumps()
    chains = g.path("KOR", "JPN", via="intelligence", as_of="2016-06-04")
    assert pickle.loads(pickle.dumps(chains)) == chains
    for obj in (PartialDate("2016-01"), Citation("st", span=(1, 2), via=["yonhap"]), g.node("gsomia-kor-usa").lifecycle[0]):
        assert pickle.loads(pickle.dumps(obj)) == obj
    # Every node and edge of every kind, with its citations, lifecycle and dates.
    for graph in (g, merged):
        for node in graph.nodes():
            back = pickle.loads(pickle.dumps(node))
            assert back == node and back.to_dict() == node.to_dict() and repr(back) == repr(node)
            assert copy.deepcopy(node) == node
        for edge in graph.edges():
            back = pickle.loads(pickle.dumps(edge))
            assert back == edge and (back.index, back.to_dict()) == (edge.index, edge.to_dict())
    with pytest.raises(TypeError, match="lacks `name`"):
        diplograph.Node._restore({"kind": "country", "id": "KOR"})
    err = diplograph.AmbiguousName("x", name="x", candidates=[diplograph.Candidate("a", "person", "A")])
    back = pickle.loads(pickle.dumps(err))
    assert back.candidates == err.candidates and back.total == err.total == 1


def _ring(organizations: int, agreements: int) -> Graph:
    """``organizations`` ministries and ``agreements`` treaties, each joining two in turn."""
    g = Graph()
    for i in range(organizations):
        g.add_organization(f"o{i}", f"Org {i}", "ministry")
    for j in range(agreements):
        g.add_agreement(f"a{j}", f"Treaty {j}", "treaty")
        for o in (j % organizations, (j + 1) % organizations):
            g.relate(f"o{o}", "party_to", f"a{j}")
    return g


def test_exports_too_large_to_lay_out_warn(tmp_path):
    import warnings

    at_limit = _ring(10, 250)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert at_limit.dumps("mermaid").startswith("flowchart LR\n")
        at_limit.save(tmp_path / "ok.mmd")
    over = _ring(10, 251)
    with pytest.warns(diplograph.LayoutWarning, match=r"^the Mermaid export has 502 edges: ") as caught:
        text = over.dumps("mermaid")
    assert text.startswith('%%{init: {"maxEdges": 502}}%%\nflowchart LR\n')
    assert str(caught[0].message).endswith(
        "or what held on a date (Graph.neighbourhood(node, depth=..., kinds=..., as_of=...))"
    )
    big = _ring(1000, 1001)
    with pytest.warns(diplograph.LayoutWarning, match=r"^the DOT export has 2001 nodes: "):
        big.save(tmp_path / "big.dot")
    assert (tmp_path / "big.dot").read_text().startswith("digraph ")
    # A filter that makes the warning an error raises it once the file is written.
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(diplograph.LayoutWarning):
            over.save(tmp_path / "over.mmd")
    assert (tmp_path / "over.mmd").read_text() == text


def test_misspelt_names_carry_suggestions():
    g = diplograph.example()
    with pytest.raises(diplograph.NodeNotFound) as err:
        g.node("korea")
    assert str(err.value) == (
        "no node is called `korea`; did you mean South Korea (country `KOR`) or North Korea (country `PRK`)?"
    )
    # The closest name South Korea answers to is its id ("kor" is closer to "korea" than
    # "south korea" is).
    assert err.value.suggestions == [
        diplograph.Suggestion("KOR", diplograph.Candidate("KOR", "country", "South Korea")),
        diplograph.Suggestion("North Korea", diplograph.Candidate("PRK", "country", "North Korea")),
    ]
    with pytest.raises(diplograph.NodeNotFound) as err:
        g.node("Atlantis")
    assert err.value.suggestions == []
    assert "Seol" not in g and "han min-koo" in g
    back = pickle.loads(pickle.dumps(err.value))
    assert (back.name, back.suggestions) == ("Atlantis", [])


def test_aliases_keep_one_spelling_of_each_name():
    g = Graph()
    han = g.add_person("han", "Han Min-koo", aliases=["Han Min Koo", "Minister Han", "MINISTER HAN"])
    assert han.aliases == ["Minister Han"]
    assert g.node("han min koo").id == "han"


def test_a_name_shared_by_many_nodes_lists_ten_and_counts_all():
    g = Graph()
    for i in range(25):
        g.add_person(f"kim-{i:02}", "Kim")
    with pytest.raises(diplograph.AmbiguousName) as err:
        g.node("kim")
    assert (err.value.total, len(err.value.candidates)) == (25, 10)
    assert [c.id for c in err.value.candidates][:2] == ["kim-00", "kim-01"]
    assert str(err.value).endswith("Kim (person `kim-09`) … and 15 more; use an id instead")


def test_reprs_and_html(g):
    assert repr(g) == '<Graph "Shangri-La Dialogue 2016: US, South Korea, Japan defence chiefs": 76 nodes, 230 edges>'
    assert repr(g.node("KOR")) == "<Node country KOR 'South Korea'>"
    html = g._repr_html_()
    assert "76 nodes, 230 edges; dates 2009 – 2016-08-04" in html
    assert "<tr><td>country</td><td>8</td></tr>" in html
    assert "<li>US, South Korea, Japan defence chiefs agree to strengthen joint defence in face of North Korea threat, 2016-06-04" in html


def test_node_objects_expose_citations(g):
    kor = g.node("KOR")
    assert kor.citations[0].source == "st-2016-06-04"
    start, end = kor.citations[0].span
    assert g.node("st-2016-06-04").text.encode()[start:end].decode() == kor.citations[0].text
    stmt = g.node("stmt-lu-yin-not-the-truth")
    assert (stmt.kind, stmt.quote, stmt.paraphrase, stmt.text) == ("statement", "not the truth", None, "not the truth")
    reported = [e for e in g.edges(kind="reported_by") if e.from_id == "stmt-carter-extended-deterrence"]
    assert [(e.to_id, e.position) for e in sorted(reported, key=lambda e: e.position)] == [
        ("kor-mnd", 1),
        ("yonhap", 2),
        ("straits-times", 3),
    ]


#: `diplograph stats --json` on the built-in example, verbatim (the CLI's answer).
EXAMPLE_STATS = {
    "title": "Shangri-La Dialogue 2016: US, South Korea, Japan defence chiefs",
    "nodes": 76,
    "edges": 230,
    "nodes_by_kind": {
        "country": 8,
        "person": 7,
        "organization": 14,
        "agreement": 9,
        "event": 12,
        "statement": 24,
        "source": 1,
        "place": 1
    },
    "edges_by_kind": {
        "party_to": 23,
        "signed": 2,
        "holds_office": 7,
        "part_of": 10,
        "based_in": 4,
        "said": 29,
        "reported_by": 37,
        "about": 57,
        "reports": 3,
        "supports": 3,
        "disputes": 2,
        "attended": 13,
        "held_in": 2,
        "organised_by": 5,
        "withdrew_from": 1,
        "sanctions": 1,
        "threatens": 3,
        "trades_with": 1,
        "allied_with": 1,
        "published_by": 1,
        "made_at": 6,
        "continues": 1,
        "agreed_at": 2,
        "signed_at": 1,
        "responds_to": 4,
        "located_in": 1,
        "other": 10
    },
    "first_date": "2009",
    "first_date_earliest": "2009-01-01",
    "first_date_latest": "2009-12-31",
    "last_date": "2016-08-04",
    "last_date_earliest": "2016-08-04",
    "last_date_latest": "2016-08-04",
    "citations": 418,
    "sources": [
        {
            "source": {
                "id": "st-2016-06-04",
                "kind": "source",
                "name": "US, South Korea, Japan defence chiefs agree to strengthen joint defence in face of North Korea threat"
            },
            "date": "2016-06-04",
            "date_earliest": "2016-06-04",
            "date_latest": "2016-06-04",
            "url": "https://www.straitstimes.com/asia/east-asia/us-south-korea-japan-defence-chiefs-agree-to-strengthen-joint-defence-in-face-of-north",
            "citations": 418
        }
    ]
}


def test_stats_are_the_cli_answer(g):
    s = g.stats()
    assert s.kind_name == "GraphStats"
    assert (s.nodes, s.edges, s.citations) == (76, 230, 418)
    assert (s.first_date, s.last_date) == (PartialDate("2009"), PartialDate("2016-08-04"))
    assert s.nodes_by_kind == EXAMPLE_STATS["nodes_by_kind"]
    assert list(s.nodes_by_kind) == ["country", "person", "organization", "agreement", "event", "statement", "source", "place"]
    assert s.sources[0].source.id == "st-2016-06-04" and s.sources[0].date == PartialDate("2016-06-04")
    assert s.to_dict() == EXAMPLE_STATS
    assert json.loads(json.dumps(s.to_dict())) == EXAMPLE_STATS
    assert pickle.loads(pickle.dumps(s)) == s


def test_stats_and_summary_count_attested_dates():
    # The last date is only a lifecycle step's `attested` date: the span and the notebook
    # summary both end there, as `diplograph stats` does.
    g = Graph(title="Attested")
    g.add_source("st", "The Straits Times", date="2016-06-04", text="Seoul and Washington already have a pact.")
    g.add_agreement("pact", "A pact", kind="gsomia", lifecycle=[{"state": "in_force", "attested": "2017-03"}])
    g.add_country("KOR", "South Korea")
    g.relate("KOR", "party_to", "pact", start="2001")
    s = g.stats()
    assert (str(s.first_date), str(s.last_date)) == ("2001", "2017-03")
    assert (s.nodes, s.edges, s.citations) == (3, 1, 0)
    assert s.nodes_by_kind == {"country": 1, "agreement": 1, "source": 1}
    assert s.edges_by_kind == {"party_to": 1}
    html = g._repr_html_()
    assert "<p>3 nodes, 1 edges; dates 2001 – 2017-03</p>" in html
    assert Graph().stats().to_dict() == {
        "title": None, "nodes": 0, "edges": 0, "nodes_by_kind": {}, "edges_by_kind": {},
        "first_date": None, "last_date": None, "citations": 0, "sources": [],
    }
    # A date beside its earliest and latest day, as `diplograph stats --json` prints it.
    d = s.to_dict()
    assert (d["first_date"], d["first_date_earliest"], d["first_date_latest"]) == ("2001", "2001-01-01", "2001-12-31")
    assert (d["last_date"], d["last_date_earliest"], d["last_date_latest"]) == ("2017-03", "2017-03-01", "2017-03-31")
    assert "dates no dates" in Graph()._repr_html_()


def test_merge_does_not_depend_on_labels_and_warns_without_saying_error(g):
    """Issue 13: the merged graph is the same whatever the labels; the title counts the inputs."""
    other = Graph()
    other.add_country("KOR", "Korea, Republic of")
    with pytest.warns(diplograph.MergeConflictWarning) as caught:
        first = diplograph.merge(g, other, labels=["example", "other"])
    with pytest.warns(diplograph.MergeConflictWarning):
        second = diplograph.merge(other, g, labels=["zz", "aa"])
    assert first.dumps() == second.dumps()
    text = str(caught[0].message)
    assert text.startswith("merge-conflict: ") and "error" not in text
    assert first.title == "merge of 2 graphs"
    with pytest.warns(diplograph.MergeConflictWarning):
        titled = diplograph.merge(g, other, title="Korea, 2016")
    assert titled.title == "Korea, 2016"


def test_merge_keeps_the_finer_date_and_says_so_as_a_refinement():
    a, b = Graph(), Graph()
    a.add_event("talks", "Talks", "meeting", date="2016-06")
    b.add_event("talks", "Talks", "meeting", date="2016-06-04")
    with pytest.warns(diplograph.MergeRefinementWarning) as caught:
        merged = diplograph.merge(a, b, labels=["a.json", "b.json"], strict=True)
    assert str(merged.node("talks").date) == "2016-06-04"
    (w,) = [c for c in caught if isinstance(c.message, diplograph.MergeRefinementWarning)]
    assert w.message.problem.code == "merge-refinement"
    assert "a.json" in str(w.message) and "b.json" in str(w.message)
