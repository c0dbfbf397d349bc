"""Output at any size (answers, profiles, views and the graph summary truncated like pandas,
with diplograph.options.display), what a chain shows, and Results.to_pandas() columns that do
not depend on the rows."""

from __future__ import annotations

import datetime
import itertools
import json
import warnings
from pathlib import Path

import pytest

import diplograph
from diplograph._results import NodeRef, Record
from diplograph._schema import SCHEMAS

ROWS = 10_000
MORE = "set diplograph.options.display.max_rows to see more"


@pytest.fixture(scope="module")
def big() -> diplograph.Graph:
    """10,000 sources, each reporting one meeting a person attended."""
    day = datetime.date(2016, 1, 1)
    nodes = [{"id": "p", "kind": "person", "name": "A Minister"}]
    edges = []
    for i in range(ROWS):
        date = (day + datetime.timedelta(days=i)).isoformat()
        nodes.append({"id": f"s{i}", "kind": "source", "name": f"Report {i}", "date": date})
        nodes.append({"id": f"m{i}", "kind": "event", "name": f"Meeting {i}", "event_kind": "meeting", "date": date, "citations": [{"source": f"s{i}"}]})
        edges.append({"from": "p", "to": f"m{i}", "kind": "attended", "citations": [{"source": f"s{i}"}]})
    return diplograph.loads(json.dumps({"diplograph": "1", "title": "Big", "nodes": nodes, "edges": edges}))


@pytest.fixture
def display():
    """The display options, restored after the test."""
    options = diplograph.options.display
    saved = (options.max_rows, options.min_rows)
    yield options
    options.max_rows, options.min_rows = saved


def body_rows(html: str) -> int:
    return html.split("<tbody>", 1)[1].count("<tr>")


def test_a_timeline_of_10000_rows_shows_its_first_and_last(big):
    timeline = big.timeline()
    assert len(timeline) == ROWS
    html = timeline._repr_html_()
    assert len(html.encode()) < 50_000
    assert f"<caption>10000 TimelineEntry, 10 shown ({MORE})</caption>" in html
    assert body_rows(html) == 11  # 5 first, a row of …, 5 last
    assert html.count("<td>…</td>") == len(html.split("<thead>")[1].split("</thead>")[0].split("<th>")) - 1
    assert "Meeting 0 (m0)" in html and "Meeting 9999 (m9999)" in html and "Meeting 5000 (m5000)" not in html
    text = repr(timeline)
    assert len(text) < 20_000 and text.endswith("] (10000 in all)") and ", ..., " in text


def test_the_setting_changes_what_is_shown(big, display):
    timeline = big.timeline()
    display.min_rows = 4
    html = timeline._repr_html_()
    assert body_rows(html) == 5 and "10000 TimelineEntry, 4 shown" in html
    display.max_rows = None
    assert repr(timeline[:70]).count("TimelineEntry(") == 70
    display.max_rows = 60
    assert "..." not in repr(timeline[:60]) and "(61 in all)" in repr(timeline[:61])
    with pytest.raises(ValueError, match="whole number of at least 1"):
        display.max_rows = -1


def test_the_graph_summary_lists_a_few_of_10000_sources(big):
    html = big._repr_html_()
    assert len(html.encode()) < 50_000
    assert f"<p>Sources (10000, 10 shown ({MORE})):</p>" in html
    assert html.count("<li>") == 11
    last = (datetime.date(2016, 1, 1) + datetime.timedelta(days=ROWS - 1)).isoformat()
    assert f"<p>20001 nodes, 10000 edges; dates 2016-01-01 – {last}</p>" in html


def test_the_summary_record_of_10000_sources_stays_short(big):
    stats = big.stats()
    assert len(stats.sources) == ROWS
    text = repr(stats)
    assert len(text) < 5_000 and "] (10000 in all)" in text


def test_a_profile_with_10000_relations_stays_small(big):
    p = big.profile("p")
    assert len(p.relations) == ROWS
    html = p._repr_html_()
    assert len(html.encode()) < 50_000
    assert f"<caption>Relations (10000, 10 shown ({MORE}))</caption>" in html
    assert body_rows(html) == 11
    text = repr(p)
    assert len(text) < 5_000 and f"Relations (10000, 10 shown ({MORE}))" in text


def test_views_of_a_big_graph_stay_short(big):
    for view in (big.nodes, big.edges, big.degree):
        assert len(repr(view)) < 1_000
    assert repr(big.nodes).endswith("'m9999'] (20001 in all))")


def test_a_chain_shows_its_hops_as_rows_with_the_sentence_cited(g):
    html = g.path("South Korea", "Japan", via="intelligence", as_of="2016-06-04")._repr_html_()
    assert "chain 1: South Korea (KOR) → United States (USA) → Japan (JPN) · certain, inside" in html
    assert "<tr><th>from</th><th>to</th><th>agreement</th><th>state</th><th>certainty</th><th>cited</th></tr>" in html
    assert (
        "<tr><td>South Korea (KOR)</td><td>United States (USA)</td>"
        "<td>US–South Korea GSOMIA (gsomia-kor-usa)</td><td>in_force (attested 2016-06-04)</td><td>certain</td>"
        "<td>“Under the framework, South Korea would pass relevant information to the United States"
    ) in html
    assert "citation(s)" not in html and "{" not in html


def test_answers_show_the_sentence_cited(g):
    html = g.office_holders("Defence Minister", as_of="2016-06-04")._repr_html_()
    assert "<th>cited</th>" in html and "citation(s)" not in html
    assert "— st-2016-06-04" in html


# ---- Results.to_pandas() columns -------------------------------------------------------

DATA = Path(__file__).resolve().parents[2] / "crates" / "diplograph" / "tests" / "data"


def answers(graph):
    """Every question over a graph, each kind of answer at least once."""
    yield graph.timeline(statements=True, all_statuses=True)
    yield graph.statements()
    for day in ("1990", "2010", "2016-06-04", "2019-08", "2020"):
        view = graph.as_of(day)
        yield from (view.agreements(), view.offices(), view.memberships(), view.edges())
    for a in graph.nodes(kind="agreement"):
        yield from (graph.parties(a), graph.parties(a, as_of="2016"), graph.signatories(a))
    for e in graph.nodes(kind="event"):
        yield graph.attendees(e)
    for body in graph.nodes(kind="organization"):
        yield graph.office_holders(body.id)
    for a, b in itertools.combinations([c.id for c in graph.nodes(kind="country")][:4], 2):
        yield graph.agreements(between=(a, b))
        yield graph.path(a, b, k=3)


def fields(value, path=""):
    """The paths a record's fields reach, as the flattening into columns would name them."""
    if isinstance(value, NodeRef):
        return {f"{path}.id", f"{path}.kind", f"{path}.name"} if path else {"id", "kind", "name"}
    if isinstance(value, Record):
        out = set()
        for k in value.keys():
            out |= fields(value[k], f"{path}.{k}" if path else k)
        return out
    return {path}


def test_every_field_of_every_answer_has_a_column(g, merged):
    pytest.importorskip("pandas")
    graphs = [g, merged]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        graphs += [diplograph.load(p) for p in sorted(DATA.glob("*.json"))]
    seen = set()
    for graph in graphs:
        for results in answers(graph):
            schema = set(SCHEMAS[results.kind_name])
            seen.add(results.kind_name)
            for r in results:
                # A field missing (None) in this row is a column of its record's other rows.
                reached = {f for f in fields(r) if not any(c.startswith(f + ".") for c in schema)}
                assert reached <= schema, (results.kind_name, reached - schema)
            assert list(results.to_pandas().columns) == SCHEMAS[results.kind_name]
    assert seen == set(SCHEMAS)


def test_an_empty_answer_has_the_columns_of_a_full_one(g):
    pytest.importorskip("pandas")
    full = g.timeline(statements=True, all_statuses=True).to_pandas()
    empty = g.timeline(start="1900", end="1901").to_pandas()
    assert len(full) == 39 and len(empty) == 0
    assert list(empty.columns) == list(full.columns)
    assert "what.party" not in full.columns and "what.party.id" in full.columns
    # Rows lacking a record have None in its columns, not a column of their own.
    lifecycle = full[full["what.type"] == "lifecycle"]
    assert lifecycle["what.party.id"].tolist()[:1] == ["PRK"]
    assert full[full["what.type"] == "event"]["what.party.id"].isna().all()
    offices = g.office_holders("Defence Minister", as_of="2016-06-04").to_pandas()
    assert offices["person.id"].tolist() == ["gen-nakatani", "han-min-koo"]
    assert list(offices.columns[:4]) == ["person.id", "person.kind", "person.name", "title"]
    assert list(g.office_holders("nobody holds this", as_of="2016").to_pandas().columns) == list(offices.columns)
