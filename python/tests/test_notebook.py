"""examples/analyst.ipynb runs from top to bottom under `jupyter nbconvert --execute`, in a
fresh kernel, and says what an analyst should read there: each checked cell (found by its tag)
prints exactly the expected text, the plot is drawn inline and saved, the GraphML file is
written."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

nbformat = pytest.importorskip("nbformat")
pytest.importorskip("nbconvert")
pytest.importorskip("ipykernel")
pytest.importorskip("matplotlib")

#: What each tagged cell prints (its stdout), exactly.
EXPECTED = {
    "stats": """\
76 nodes, 230 edges, 418 citations, dates 2009 – 2016-08-04
{'country': 8, 'person': 7, 'organization': 14, 'agreement': 9, 'event': 12, 'statement': 24, 'source': 1, 'place': 1}
""",
    "show": """\
han-min-koo | person | also: ['Mr Han']
Defence Minister, Ministry of National Defense (South Korea) (certain)
5 relations; 1 statement by him: The partners (the United States, South Korea and Japan) face common challenges including North Korea's nuclear and missile threats.
Gen Nakatani: Defence Minister, Japan Ministry of Defense
Han Min Koo: Defence Minister, Ministry of National Defense (South Korea)
""",
    "path": """\
KOR -> USA by gsomia-kor-usa (in_force, certain)
USA -> JPN by gsomia-jpn-usa (in_force, certain)
It would work similarly the other way around since the United States has also signed a GSOMIA with Japan, reported Reuters.
""",
    "statements": """\
stmt-carter-alliance-linchpin | Ashton Carter, according to Yonhap News Agency, reported by The Straits Times
stmt-carter-extended-deterrence | Ashton Carter, according to Ministry of National Defense (South Korea), according to Yonhap News Agency, reported by The Straits Times
stmt-carter-full-range | Ashton Carter, according to Ministry of National Defense (South Korea), reported by The Straits Times
stmt-carter-ironclad | Ashton Carter, according to Yonhap News Agency, reported by The Straits Times
stmt-trilateral-common-challenges | Ashton Carter, Gen Nakatani and Han Min Koo, according to Ministry of National Defense (South Korea), according to Yonhap News Agency, reported by The Straits Times
""",
    "dispute": "'not the truth' disputes ['stmt-china-should-pressure']\n",
    "timeline": """\
2016-06-04 carter-han-meeting-2016-06-04
2016-06-04 carter-nakatani-meeting-2016-06-04
2016-06-04 nakatani-han-meeting-2016-06-04
2016-06-04 trilateral-meeting-2016-06-04
2016-01 month 2016-01-01 2016-01-31
""",
    "as-of": """\
gsomia-jpn-usa                   in_force     certain
gsomia-kor-usa                   in_force     certain
kor-jpn-defence-hotline          in_force     certain
kor-jpn-ministers-direct-line    agreed       certain
mou-usa-jpn-defence-procurement  signed       certain
six-party-talks                  suspended    certain
trilateral-cooperation-2016      agreed       certain
trilateral-info-sharing          negotiating  certain
un-sanctions-2016-03             in_force     possible
""",
    "pandas": """\
                                     id   kind        date date_earliest date_latest
0                prk-missile-tests-2016  event        2016    2016-01-01  2016-12-31
1              prk-nuclear-test-2016-01  event     2016-01    2016-01-01  2016-01-31
2         un-sanctions-decision-2016-03  event     2016-03    2016-03-01  2016-03-31
3  prk-failed-missile-launch-2016-05-31  event  2016-05-31    2016-05-31  2016-05-31
24 dated nodes: 3 surely before 4 June 2016, 4 possibly
       source  target                title
ashton-carter  us-dod Secretary of Defense
 gen-nakatani jpn-mod     Defence Minister
  han-min-koo kor-mnd     Defence Minister
""",
    "networkx": """\
MultiDiGraph with 76 nodes and 230 edges
most connected: [('PRK', 26), ('straits-times', 25), ('KOR', 21)]
gsomia in_force
""",
    "networkx-writer": """\
GraphML read back: 76 nodes, 230 edges
node-link read back: 76 nodes, 230 edges
""",
    "networkx-path": """\
['KOR', 'USA', 'JPN']
[('JPN', 'USA', 'gsomia-jpn-usa'), ('USA', 'KOR', 'gsomia-kor-usa')]
""",
    "plot": "saved events.png: 10 events\n",
}


@pytest.fixture(scope="module")
def executed(root, tmp_path_factory):
    """The notebook executed in a temporary folder (it writes its files beside itself)."""
    work = tmp_path_factory.mktemp("notebook")
    shutil.copy(root / "examples" / "analyst.ipynb", work / "analyst.ipynb")
    run = subprocess.run(
        [sys.executable, "-m", "jupyter", "nbconvert", "--to", "notebook", "--execute",
         "--ExecutePreprocessor.timeout=300", "analyst.ipynb", "--output", "executed.ipynb"],
        cwd=work, capture_output=True, text=True, timeout=600,
    )
    assert run.returncode == 0, run.stderr
    return work, nbformat.read(work / "executed.ipynb", as_version=4)


def tagged(nb) -> dict:
    cells = {}
    for cell in nb.cells:
        for tag in cell.metadata.get("tags", []):
            assert tag not in cells, f"two cells tagged {tag}"
            cells[tag] = cell
    return cells


def stdout(cell) -> str:
    return "".join(o["text"] for o in cell.outputs if o["output_type"] == "stream" and o["name"] == "stdout")


def test_the_stored_notebook_is_clean(root):
    # Outputs come from running it: none are stored, so none can be stale.
    nb = nbformat.read(root / "examples" / "analyst.ipynb", as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert code and all(c.outputs == [] and c.execution_count is None for c in code)
    assert set(EXPECTED) <= set(tagged(nb))


@pytest.mark.parametrize("tag", sorted(EXPECTED))
def test_cell_prints_the_expected_answer(executed, tag):
    _, nb = executed
    cell = tagged(nb)[tag]
    assert not [o for o in cell.outputs if o["output_type"] == "error"]
    assert stdout(cell) == EXPECTED[tag]


def test_no_cell_fails_or_warns(executed):
    _, nb = executed
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        kinds = [(o["output_type"], o.get("name")) for o in cell.outputs]
        assert ("error", None) not in kinds and ("stream", "stderr") not in kinds, (cell.source, cell.outputs)


def test_the_graph_shows_as_its_summary(executed):
    _, nb = executed
    (result,) = [o for o in tagged(nb)["load"].outputs if o["output_type"] == "execute_result"]
    assert "dates 2009 – 2016-08-04" in result["data"]["text/html"]


def test_answers_show_as_a_table(executed):
    _, nb = executed
    (result,) = [o for o in tagged(nb)["statements"].outputs if o["output_type"] == "execute_result"]
    html = result["data"]["text/html"]
    assert "<table" in html and "stmt-carter-ironclad" in html


def test_the_profile_shows_as_html(executed):
    _, nb = executed
    (result,) = [o for o in tagged(nb)["profile"].outputs if o["output_type"] == "execute_result"]
    html = result["data"]["text/html"]
    assert "Han Min Koo" in html and "Defence Minister" in html


def test_the_plot_is_inline_and_saved(executed):
    work, nb = executed
    images = [o for o in tagged(nb)["plot"].outputs if "image/png" in o.get("data", {})]
    assert len(images) == 1
    assert (work / "events.png").read_bytes().startswith(b"\x89PNG\r\n\x1a\n")


def test_the_networkx_writers_wrote_the_whole_graph(executed):
    work, _ = executed
    text = (work / "shangri-la-2016.graphml").read_text(encoding="utf-8")
    assert text.count("<edge ") == 230 and '<node id="KOR">' in text
    assert '"nodes"' in (work / "shangri-la-2016.json").read_text(encoding="utf-8")



def test_the_view_shows_inline_and_is_saved(executed):
    work, nb = executed
    (result,) = [o for o in tagged(nb)["view"].outputs if o["output_type"] == "execute_result"]
    html = result["data"]["text/html"]
    # The page in an iframe of its own, with the example's agreements in its data.
    assert html.startswith("<iframe class='diplograph-view'") and "srcdoc=" in html
    assert "gsomia-kor-usa" in html
    page = (work / "shangri-la-2016.html").read_text(encoding="utf-8")
    assert page.lower().startswith("<!doctype html>") and "gsomia-kor-usa" in page
    # Offline: the script is inlined, nothing is fetched.
    assert "<script src" not in page
