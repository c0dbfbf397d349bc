"""The pictures from Python, without a browser: ``Graph.view()``, ``Graph.timeline_svg()``
and the ``.view()`` of path and timeline answers (the browser checks are in
test_view_browser.py)."""

from __future__ import annotations

import html
import json
from pathlib import Path

import pytest

import diplograph


def _data(page: str) -> dict:
    open_tag = '<script type="application/json" id="dg-data">'
    start = page.index(open_tag) + len(open_tag)
    return json.loads(page[start : page.index("</script>", start)])


def test_view_is_the_whole_example_with_the_slider_on_the_report_day(g: diplograph.Graph) -> None:
    v = g.view()
    assert isinstance(v, diplograph.View) and v.form == "html"
    data = _data(v.html)
    assert (len(data["nodes"]), len(data["edges"]), data["date"]) == (76, 230, "2016-06-04")
    assert repr(v).startswith("<View html, ")


def test_view_around_a_node_and_on_a_day(g: diplograph.Graph) -> None:
    data = _data(g.view(around="Seoul", depth=1, as_of="2016-01").html)
    assert data["date"] == "2016-01-01"
    assert data["note"].startswith("the neighbourhood of South Korea within 1 edge: ")
    with pytest.raises(diplograph.NodeNotFound):
        g.view(around="Atlantis")


def test_a_notebook_shows_the_page_in_an_iframe(g: diplograph.Graph) -> None:
    v = g.view(around="KOR")
    shown = v._repr_html_()
    assert shown.startswith("<iframe class='diplograph-view'")
    assert f'srcdoc="{html.escape(v.html, quote=True)}"' in shown


def test_save_writes_the_page(g: diplograph.Graph, tmp_path: Path) -> None:
    v = g.view(max_nodes=10)
    v.save(tmp_path / "v.html")
    assert (tmp_path / "v.html").read_text(encoding="utf-8") == v.html
    assert _data(v.html)["note"].startswith("the most connected nodes: ")


def test_path_answers_view_their_chain_highlighted(g: diplograph.Graph) -> None:
    chains = g.path("Seoul", "Tokyo", via="intelligence", as_of="2016-06-04")
    data = _data(chains.view().html)
    lit = sorted(n["id"] for n in data["nodes"] if n["hl"])
    assert lit == ["JPN", "KOR", "USA", "gsomia-jpn-usa", "gsomia-kor-usa"]
    assert data["date"] == "2016-06-04"


def test_timeline_answers_view_their_timeline(g: diplograph.Graph) -> None:
    entries = g.timeline(start="2016-06", end="2016-06-30", statements=True)
    v = entries.view()
    assert v.form == "svg"
    assert v.text == g.timeline_svg(start="2016-06", end="2016-06-30", statements=True)
    assert v._repr_html_().startswith("<div class='diplograph-timeline'")
    with pytest.raises(diplograph.InvalidQuery):
        g.timeline_svg(start="2016-02", end="2016-01")


def test_other_answers_have_no_picture(g: diplograph.Graph) -> None:
    with pytest.raises(TypeError, match="StatementInfo answers have no picture"):
        g.statements().view()
    with pytest.raises(ValueError):
        diplograph.View("x", "png")
