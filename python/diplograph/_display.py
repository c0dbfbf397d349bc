"""Notebook display: HTML for a graph (a summary) and for query answers (a table), and the
truncation every long list shows with, as pandas truncates a DataFrame: the first and last
rows, the number of rows, and how many are left out (``diplograph.options.display``)."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING, Any, Callable, Sequence, TypeVar

from ._options import options

if TYPE_CHECKING:
    from ._native import Graph
    from ._results import Results

__all__ = ["graph_html", "results_html", "truncated"]

T = TypeVar("T")

#: What a truncated list says of the rows it leaves out.
_MORE = "set diplograph.options.display.max_rows to see more"


def pick(rows: Sequence[T]) -> tuple[list[T], list[T]]:
    """The rows to show of ``rows``: ``(first, last)``, ``last`` empty when all fit."""
    head, tail = options.display.shown(len(rows))
    return list(rows[:head]), list(rows[len(rows) - tail :]) if tail else []


def truncated(rows: Sequence[Any]) -> str:
    """``rows`` as a list's ``repr``, with ``...`` for the rows left out and the count after
    it when some are.

    >>> from diplograph._display import truncated
    >>> truncated(list(range(3)))
    '[0, 1, 2]'
    >>> truncated(list(range(1000)))
    '[0, 1, 2, 3, 4, ..., 995, 996, 997, 998, 999] (1000 in all)'
    """
    first, last = pick(rows)
    if not last:
        return repr(list(rows))
    inner = ", ".join([*map(repr, first), "...", *map(repr, last)])
    return f"[{inner}] ({len(rows)} in all)"


def html_rows(rows: Sequence[T], columns: int, row: Callable[[T], str]) -> str:
    """The ``<tr>`` of each row shown, with a row of ``…`` where rows are left out."""
    first, last = pick(rows)
    out = [row(r) for r in first]
    if last:
        out.append(f"<tr>{'<td>…</td>' * columns}</tr>")
        out += [row(r) for r in last]
    return "".join(out)


def more_note(total: int) -> str:
    """What a list of ``total`` rows says of those it leaves out: ``", 10 shown (set … to see
    more)"``, or nothing when all are shown."""
    first, last = options.display.shown(total)
    if not last:
        return ""
    return f", {first + last} shown ({_MORE})"


def graph_html(graph: Graph) -> str:
    """A summary of the graph: its title, counts of nodes and edges by kind, the span of the
    dates it records, and its sources (the first and last when there are more than
    ``options.display.max_rows``). Every figure is the core's (``Graph.stats()``, the answer of
    ``diplograph stats``), so the two always agree."""
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
    parts.append(f"</tbody></table><p>Sources ({len(stats.sources)}{escape(more_note(len(stats.sources)))}):</p><ul>")

    def source(s: Any) -> str:
        date = f", {s.date}" if s.date is not None else ""
        url = f" <a href='{escape(s.url, quote=True)}'>link</a>" if s.url else ""
        return f"<li>{escape(s.source.name)}{escape(date)}{url}</li>"

    first, last = pick(stats.sources)
    parts += [source(s) for s in first]
    if last:
        parts.append("<li>…</li>")
        parts += [source(s) for s in last]
    parts.append("</ul></div>")
    return "".join(parts)


# ---- cells -------------------------------------------------------------------------------


def cited(citations: Any) -> str:
    """The sentence the first citation quotes and its source (``“…” — st-2016-06-04``), and
    how many more there are: what a reader checks a fact against."""
    if not citations:
        return ""
    first = citations[0]
    words = f"“{first.text}” — {first.source}" if first.text else first.source
    more = f" (+{len(citations) - 1} more)" if len(citations) > 1 else ""
    return words + more


def text(value: Any) -> str:
    """A value in words, as a table cell shows it: a node as ``Name (ID)``, an interval as
    ``start – end``, a state by its summary, a record by its fields that are set."""
    from ._results import NodeRef, Record

    if value is None:
        return ""
    if isinstance(value, NodeRef):
        return str(value)
    if isinstance(value, Record):
        return _record_text(value)
    if isinstance(value, list):
        return "; ".join(text(v) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{k}: {text(v)}" for k, v in value.items())
    return str(value)


def _record_text(r: Any) -> str:
    name = r.kind_name
    if name == "Interval":
        start, end = r["start"], r["end"]
        if start is None and end is None:
            return ""
        return f"{'?' if start is None else start} – {'' if end is None else end}"
    if name == "AgreementState":
        return str(r["summary"])
    if name == "Attestation":
        return f"attested {r['date']}" if r["date"] is not None else ""
    if name == "Validity":
        attested = text(r["attested"]) if "attested" in r else ""
        return str(r["certainty"]) + (f" ({attested})" if attested else "")
    parts = []
    for k in r.keys():
        v = r[k]
        if k == "citations" or v is None or v == [] or v == {}:
            continue
        parts.append(f"{k}: {text(v)}")
    return ", ".join(parts)


def cell(value: Any) -> str:
    """One ``<td>``."""
    return f"<td>{escape(text(value))}</td>"


# ---- answers -----------------------------------------------------------------------------


def results_html(results: Results) -> str:
    """A table with one row per answer record (the first and last rows when there are more
    than ``options.display.max_rows``) and one column per field set in a row shown; each
    fact's citations show the sentence cited. Chains show each hop as a row."""
    from ._results import Record

    if not results:
        return f"<p>No {escape(results.kind_name)} found.</p>"
    if results.kind_name == "Chain":
        return _chains_html(results)
    first, last = pick(results)
    shown = [r for r in first + last if isinstance(r, Record)]
    columns: list[str] = []
    for r in shown:
        columns += [k for k in r.keys() if k not in columns and k != "citations"]
    columns = [c for c in columns if any(_set(r[c]) for r in shown if c in r)]
    cites = any(isinstance(r, Record) and "citations" in r for r in shown)
    head = "".join(f"<th>{escape(c)}</th>" for c in columns) + ("<th>cited</th>" if cites else "")

    def row(r: Any) -> str:
        if not isinstance(r, Record):
            return f"<tr><td colspan='{len(columns) + cites}'>{escape(text(r))}</td></tr>"
        cells = "".join(cell(r[c] if c in r else None) for c in columns)
        if cites:
            cells += f"<td>{escape(cited(r['citations'] if 'citations' in r else []))}</td>"
        return f"<tr>{cells}</tr>"

    body = html_rows(results, len(columns) + cites, row)
    caption = escape(f"{len(results)} {results.kind_name}{more_note(len(results))}")
    return (
        f"<table class='diplograph-results'><caption>{caption}</caption>"
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    )


def _set(value: Any) -> bool:
    return value is not None and value != [] and value != {} and value != ""


def _hop_link(hop: Any) -> tuple[str, str]:
    """A hop's agreement (or relation) and the state it was in."""
    link = hop.link
    if "agreement" in link:
        state = link["state"]["summary"] if link["state"] is not None else ""
        return str(link["agreement"]), str(state)
    return str(link["kind"]), ""


def _chains_html(chains: Results) -> str:
    """Each chain as its route and certainty, then one row per hop: from, to, the agreement,
    the state it was in, the hop's certainty and the sentence cited."""
    heads = ["from", "to", "agreement", "state", "certainty", "cited"]
    head = "".join(f"<th>{h}</th>" for h in heads)
    first, last = pick(chains)
    numbered = list(enumerate(chains))
    shown = numbered[: len(first)] + (numbered[len(chains) - len(last) :] if last else [])
    parts = [f"<table class='diplograph-results'><caption>{len(chains)} Chain{escape(more_note(len(chains)))}</caption>"]
    for position, (i, chain) in enumerate(shown):
        if last and position == len(first):
            parts.append(f"<tbody><tr><td colspan='{len(heads)}'>…</td></tr></tbody>")
        route = [str(chain.hops[0]["from"])] + [str(h.to) for h in chain.hops] if chain.hops else []
        title = f"chain {i + 1}: {' → '.join(route)} · {chain.certainty}, {chain.containment}"
        parts.append(f"<tbody><tr><th colspan='{len(heads)}'>{escape(title)}</th></tr><tr>{head}</tr>")
        for hop in chain.hops:
            agreement, state = _hop_link(hop)
            cells = [str(hop["from"]), str(hop.to), agreement, state, str(hop.certainty), cited(hop.citations)]
            parts.append("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in cells) + "</tr>")
        parts.append("</tbody>")
    parts.append("</table>")
    return "".join(parts)
