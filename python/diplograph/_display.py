"""Notebook display: HTML for a graph (a summary) and for query answers (a table)."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ._native import Graph
    from ._results import Results

__all__ = ["graph_html", "results_html"]


def graph_html(graph: Graph) -> str:
    """A summary of the graph: its title, counts of nodes and edges by kind, the span of the
    dates it records, and its sources. Every figure is the core's (``Graph.stats()``, the
    answer of ``diplograph stats``), so the two always agree."""
    stats = graph.stats()
    span = f"{stats.first_date} – {stats.last_date}" if stats.first_date is not None else "no dates"
    title = escape(stats.title) if stats.title else "Untitled graph"
    parts = [
        f"<div class='diplograph-graph'><strong>{title}</strong>",
        f"<p>{stats.nodes} nodes, {stats.edges} edges; dates {escape(span)}</p>",
        "<table><thead><tr><th>node kind</th><th>count</th></tr></thead><tbody>",
    ]
    parts += [f"<tr><td>{escape(k)}</td><td>{c}</td></tr>" for k, c in stats.nodes_by_kind.items()]
    parts.append("</tbody></table><table><thead><tr><th>edge kind</th><th>count</th></tr></thead><tbody>")
    parts += [f"<tr><td>{escape(k)}</td><td>{c}</td></tr>" for k, c in stats.edges_by_kind.items()]
    parts.append("</tbody></table><p>Sources:</p><ul>")
    for s in stats.sources:
        date = f", {s.date}" if s.date is not None else ""
        url = f" <a href='{escape(s.url, quote=True)}'>link</a>" if s.url else ""
        parts.append(f"<li>{escape(s.source.name)}{escape(date)}{url}</li>")
    parts.append("</ul></div>")
    return "".join(parts)


def _cell(value: Any) -> str:
    from ._results import NodeRef, Record

    if value is None:
        return ""
    if isinstance(value, NodeRef):
        return escape(str(value))
    if isinstance(value, Record):
        return escape(", ".join(f"{k}: {_text(value[k])}" for k in value.keys() if k != "citations"))
    if isinstance(value, list):
        return escape("; ".join(_text(v) for v in value))
    return escape(str(value))


def _text(value: Any) -> str:
    from ._results import Record

    if isinstance(value, Record) and not hasattr(value, "id"):
        return "{" + ", ".join(f"{k}: {_text(value[k])}" for k in value.keys() if k != "citations") + "}"
    if isinstance(value, list):
        return "[" + "; ".join(_text(v) for v in value) + "]"
    return str(value)


def results_html(results: Results) -> str:
    """A table with one row per answer record and one column per field (citations counted)."""
    from ._results import Record

    if not results:
        return f"<p>No {escape(results.kind_name)} found.</p>"
    columns: list[str] = []
    for r in results:
        if isinstance(r, Record):
            columns += [k for k in r.keys() if k not in columns]
    head = "".join(f"<th>{escape(c)}</th>" for c in columns)
    rows = []
    for r in results:
        cells = []
        for c in columns:
            v = r[c] if isinstance(r, Record) and c in r else None
            cells.append(f"<td>{len(v)} citation(s)</td>" if c == "citations" and isinstance(v, list) else f"<td>{_cell(v)}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return (
        f"<table class='diplograph-results'><caption>{len(results)} {escape(results.kind_name)}</caption>"
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )
