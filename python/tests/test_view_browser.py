"""The interactive view and the SVG timeline as a person sees them: in headless Chromium.

The browser is Debian's (``/usr/bin/chromium``), driven through Debian's chromedriver by
selenium; nothing is downloaded at run time (``scripts/setup.sh`` installs both). Without
them the tests are skipped, unless ``DIPLOGRAPH_REQUIRE_BROWSER=1`` (``scripts/test.sh``) makes
that a failure. Screenshots go to ``target/test-output/view/`` (or ``$DIPLOGRAPH_TEST_OUTPUT``):
``view.png``, ``timeline.png``, ``timeline-svg.png`` and ``path.png``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path
from typing import Any, Iterator

import pytest

import diplograph

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
SVG_DTD = Path("/usr/share/xml/w3c-sgml-lib/schema/dtd/REC-SVG11-20110816/svg11.dtd")

webdriver: Any
try:
    from selenium import webdriver
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import WebDriverWait
except ImportError:  # pragma: no cover - the test requirements install selenium
    webdriver = None

_missing = [str(p) for p in (CHROMIUM, CHROMEDRIVER) if not p.exists()]
if webdriver is None:
    _missing.append("the selenium package")
if _missing:
    if os.environ.get("DIPLOGRAPH_REQUIRE_BROWSER") == "1":
        raise RuntimeError(f"the browser tests need {', '.join(_missing)} (scripts/setup.sh)")
    pytest.skip(f"no browser: missing {', '.join(_missing)}", allow_module_level=True)


@pytest.fixture(scope="module")
def out_dir(root: Path) -> Path:
    d = Path(os.environ.get("DIPLOGRAPH_TEST_OUTPUT", root / "target" / "test-output")) / "view"
    d.mkdir(parents=True, exist_ok=True)
    return d


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    # Selenium is told where the driver and the browser are: it fetches nothing.
    os.environ["SE_OFFLINE"] = "true"
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1400,1050", "--hide-scrollbars", "--force-device-scale-factor=1"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=webdriver.ChromeService(str(CHROMEDRIVER)), options=options)
    try:
        yield driver
    finally:
        driver.quit()


def _open(browser: Any, path: Path) -> None:
    browser.get(path.as_uri())
    browser.get_log("browser")  # what opening printed is checked by the test that asks


@pytest.fixture(scope="module")
def page(browser: Any, g: diplograph.Graph, out_dir: Path) -> Any:
    path = out_dir / "view.html"
    g.view().save(path)
    browser.get(path.as_uri())
    return browser


def _errors(browser: Any) -> list[Any]:
    return [e for e in browser.get_log("browser") if e["level"] in ("SEVERE", "ERROR")]


def _js(browser: Any, script: str) -> Any:
    return browser.execute_script("return " + script)


def _move_slider(browser: Any, day: str) -> None:
    """Moves the date slider to ``day`` as a drag does: the value changes, then the input
    event the page listens to fires."""
    browser.execute_script(
        """
        const s = document.getElementById('dg-slider');
        const first = Date.UTC(...arguments[0].split('-').map((x, i) => i === 1 ? x - 1 : +x));
        const day = Date.UTC(...arguments[1].split('-').map((x, i) => i === 1 ? x - 1 : +x));
        s.value = String(Math.round((day - first) / 86400000));
        s.dispatchEvent(new Event('input', {bubbles: true}));
        """,
        _js(browser, "JSON.parse(document.getElementById('dg-data').textContent).first_day"),
        day,
    )


def test_the_page_opens_offline_with_no_console_error(page: Any) -> None:
    assert _errors(page) == []
    assert page.title == "Shangri-La Dialogue 2016: US, South Korea, Japan defence chiefs"
    # Nothing is fetched: no external script, style sheet or image.
    assert _js(page, "document.querySelectorAll('script[src], link[href], img[src]').length") == 0


def test_drawn_nodes_and_edges_are_the_graphs(page: Any, g: diplograph.Graph) -> None:
    stats = g.stats()
    assert _js(page, "window.diplographView.cy.nodes().length") == stats.nodes == 76
    assert _js(page, "window.diplographView.cy.edges().length") == stats.edges == 230
    # Every date: everything is on screen.
    page.find_element(By.ID, "dg-all-dates").click()
    try:
        assert _js(page, "window.diplographView.cy.nodes(':visible').length") == 76
        assert _js(page, "window.diplographView.cy.edges(':visible').length") == 230
        WebDriverWait(page, 5).until(
            lambda d: d.find_element(By.ID, "dg-counts").text
            == "76 of 76 nodes, 230 of 230 edges shown"
        )
    finally:
        page.find_element(By.ID, "dg-all-dates").click()


@pytest.mark.parametrize(
    "day",
    ["2009-06-01", "2016-01-15", "2016-03-31", "2016-06-03", "2016-06-04", "2016-06-05", "2017-02-01"],
)
def test_the_slider_shows_the_agreements_the_as_of_query_gives(
    page: Any, g: diplograph.Graph, day: str
) -> None:
    _move_slider(page, day)
    assert page.find_element(By.ID, "dg-day").get_attribute("value") == day
    expected = g.as_of(day).agreements()
    assert _js(page, "window.diplographView.visibleAgreements()") == sorted(
        a.agreement.id for a in expected
    )
    # What only possibly held is drawn apart (dashed, pale), as the query says.
    possible = _js(
        page,
        "window.diplographView.cy.nodes('.possible[kind = \"agreement\"]').not('.gone')"
        ".map(n => n.id()).sort()",
    )
    assert possible == sorted(a.agreement.id for a in expected if a.certainty == "possible")
    assert _errors(page) == []


def test_moving_the_slider_one_day_changes_what_is_shown(page: Any, g: diplograph.Graph) -> None:
    _move_slider(page, "2016-06-03")
    before = _js(page, "window.diplographView.visibleAgreements()")
    assert "kor-jpn-ministers-direct-line" not in before
    # One press of the right arrow key on the slider: the next day, when the line was agreed.
    page.find_element(By.ID, "dg-slider").send_keys(Keys.ARROW_RIGHT)
    WebDriverWait(page, 5).until(
        lambda d: d.find_element(By.ID, "dg-day").get_attribute("value") == "2016-06-04"
    )
    after = _js(page, "window.diplographView.visibleAgreements()")
    assert after == sorted(a.agreement.id for a in g.as_of("2016-06-04").agreements())
    assert "kor-jpn-ministers-direct-line" in after


def test_clicking_a_node_shows_its_profile_with_the_cited_sentence(
    page: Any, g: diplograph.Graph
) -> None:
    _move_slider(page, "2016-06-04")
    pos = _js(page, "window.diplographView.cy.getElementById('gsomia-kor-usa').renderedPosition()")
    graph = page.find_element(By.ID, "dg-graph")
    size = graph.size
    # Selenium's offsets are from the element's centre.
    ActionChains(page).move_to_element_with_offset(
        graph, int(pos["x"] - size["width"] / 2), int(pos["y"] - size["height"] / 2)
    ).click().perform()
    profile = page.find_element(By.ID, "dg-profile")
    assert profile.find_element(By.TAG_NAME, "h2").text == "US–South Korea GSOMIA"
    cited = g["gsomia-kor-usa"].citations[0]
    marks = [m.text for m in profile.find_elements(By.CSS_SELECTOR, "blockquote mark")]
    assert cited.text in marks
    assert "On 2016-06-04: in_force (attested 2016-06-04)" in profile.text
    assert g["st-2016-06-04"].name in profile.text


def test_screenshots_of_the_view_and_its_timeline(page: Any, out_dir: Path) -> None:
    _move_slider(page, "2016-06-04")
    page.execute_script("window.diplographView.showProfile('gsomia-kor-usa')")
    page.find_element(By.ID, "dg-fit").click()
    page.save_screenshot(str(out_dir / "view.png"))
    page.find_element(By.CSS_SELECTOR, "#dg-timeline svg").screenshot(str(out_dir / "timeline.png"))
    for name in ("view.png", "timeline.png"):
        assert (out_dir / name).stat().st_size > 10_000


def test_the_path_view_highlights_the_chain(browser: Any, g: diplograph.Graph, out_dir: Path) -> None:
    chains = g.path("KOR", "JPN", via="intelligence", as_of="2016-06-04")
    path = out_dir / "path.html"
    chains.view().save(path)
    _open(browser, path)
    highlighted = _js(browser, "window.diplographView.cy.nodes('.hl').map(n => n.id()).sort()")
    hops = chains[0].hops
    assert [h.link.agreement.id for h in hops] == ["gsomia-kor-usa", "gsomia-jpn-usa"]
    for hop in hops:
        assert hop.link.agreement.id in highlighted
        assert hop.from_.id in highlighted and hop.to.id in highlighted
    assert _js(browser, "window.diplographView.cy.edges('.hl').length") == 4
    assert "United States" in browser.find_element(By.ID, "dg-chain").text
    assert _errors(browser) == []
    browser.save_screenshot(str(out_dir / "path.png"))


def test_the_svg_timeline_is_valid_svg_and_renders(
    browser: Any, g: diplograph.Graph, out_dir: Path
) -> None:
    svg = out_dir / "timeline.svg"
    svg.write_text(g.timeline_svg(statements=True), encoding="utf-8")
    xmllint = shutil.which("xmllint")
    assert xmllint, "xmllint (libxml2-utils) is installed by scripts/setup.sh"
    subprocess.run([xmllint, "--noout", str(svg)], check=True)
    if SVG_DTD.exists():
        subprocess.run([xmllint, "--noout", "--dtdvalid", str(SVG_DTD), str(svg)], check=True)
    _open(browser, svg)
    root = browser.find_element(By.TAG_NAME, "svg")
    assert root.size["width"] == 1100 and root.size["height"] > 400
    # A lane for each of the nine agreements, each of the ten dated events, and the statements.
    events = g.timeline(kinds=["event"])
    assert len(events) == 10
    assert len(browser.find_elements(By.CSS_SELECTOR, "g[id^='dg-lane-']")) == 9 + 10 + 1
    assert _errors(browser) == []
    root.screenshot(str(out_dir / "timeline-svg.png"))
