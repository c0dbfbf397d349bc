"""Pictures the core draws: the interactive view (an HTML page) and the SVG timeline.

``Graph.view()`` returns a :class:`View` of the page; the answers of ``Graph.path`` and
``Graph.timeline`` have a ``.view()`` too (the chains highlighted; the timeline drawn). A
notebook shows a view inline (``_repr_html_``: the page in an ``iframe`` whose ``srcdoc`` holds
it, so it works offline and its script stays apart from the notebook's); ``.save(path)``
writes it to a file to open in a browser.
"""

from __future__ import annotations

import html
import os
from typing import Union

__all__ = ["View"]


class View:
    """A picture the core drew: an interactive page (``form == "html"``) or an SVG timeline
    (``form == "svg"``). ``str(view)`` and ``.text`` are the document itself."""

    __slots__ = ("form", "text")
    form: str
    text: str

    def __init__(self, text: str, form: str = "html") -> None:
        if form not in ("html", "svg"):
            raise ValueError(f"a view is html or svg, not {form!r}")
        self.text = text
        self.form = form

    @property
    def html(self) -> str:
        """The document as HTML: the page itself, or the SVG picture (HTML holds SVG)."""
        return self.text

    def save(self, path: Union[str, "os.PathLike[str]"]) -> None:
        """Writes the document to ``path`` (UTF-8): ``view.html`` opens in any browser,
        offline; an SVG timeline opens in a browser or drops into a report."""
        with open(path, "w", encoding="utf-8") as f:
            f.write(self.text)

    def _repr_html_(self) -> str:
        if self.form == "svg":
            return f"<div class='diplograph-timeline' style='overflow-x:auto'>{self.text}</div>"
        # The page in an iframe: its own document, script and styles, nothing fetched.
        return (
            "<iframe class='diplograph-view' style='width:100%;height:900px;border:1px solid #e5e7eb' "
            f"sandbox='allow-scripts' srcdoc=\"{html.escape(self.text, quote=True)}\"></iframe>"
        )

    def __str__(self) -> str:
        return self.text

    def __repr__(self) -> str:
        return f"<View {self.form}, {len(self.text) // 1024} kB>"
