"""``Graph.profile(x)``: everything about one node, shown as ``diplograph show`` prints it.

The profile is the core's answer (``NodeProfile``, the same as ``diplograph show --json``);
this module only shows it: a heading with what the node is, then a table for each list it
holds (lifecycle, parties, signatories, offices, relations, statements by and about it),
each row with the sentence its citations quote. Long tables show their first and last rows
(``diplograph.options.display.max_rows``).
"""

from __future__ import annotations

from html import escape
from typing import Any, Callable, NamedTuple

from ._display import cited, html_rows, more_note, pick, text
from ._results import RECORD_CLASSES, Record

__all__ = ["NodeProfile"]


class _Section(NamedTuple):
    title: str
    rows: list[Any]
    columns: list[tuple[str, Callable[[Any], str]]]


def _f(record: Any, field: str) -> Any:
    """A field of a record, ``None`` where the core left it out (a step with no date)."""
    return record[field] if field in record else None


def _valid(row: Any) -> str:
    """When a party, office or relation held, and whether only possibly."""
    valid = text(row["valid"]) if "valid" in row else ""
    attested = [text(a) for a in row["attested"]] if "attested" in row else []
    certainty = row["certainty"] if "certainty" in row else None
    if "validity" in row and row["validity"] is not None:
        certainty = row["validity"]["certainty"]
        if row["validity"]["attested"] is not None:
            attested.append(text(row["validity"]["attested"]))
    words = [w for w in [valid, *attested] if w]
    if certainty == "possible":
        words.append("[possible]")
    return "; ".join(words)


def _relation(r: Any) -> str:
    arrow = f"{r.kind} →" if r.direction == "out" else f"← {r.kind}"
    details = [r[k] for k in ("title", "on_behalf_of", "amount", "relation", "role", "acting_for") if k in r]
    if "position" in r:
        details.append(f"position {r['position']}")
    if "place" in r:
        details.append(f"at {r['place']}")
    return arrow + "".join(f" ({d})" for d in details if d is not None)


def _step_date(s: Any) -> str:
    if _f(s, "date") is not None:
        return str(s.date)
    if _f(s, "attested") is not None:
        return f"? (attested by {s.attested})"
    return "?"


def _words(s: Any) -> str:
    return f"“{s.text}”" if s.is_quote else str(s.text)


def _sections(p: Any) -> list[_Section]:
    cites = ("cited", lambda r: cited(_f(r, "citations")))
    statements = [("statement", lambda s: str(s.statement)), ("words", _words), ("date", lambda s: text(_f(s, "date"))), cites]
    return [
        _Section(
            "Lifecycle",
            _get(p, "lifecycle"),
            [
                ("state", lambda s: str(s.state)),
                ("date", _step_date),
                ("status", lambda s: text(_f(s, "status"))),
                ("party", lambda s: text(_f(s, "party"))),
                cites,
            ],
        ),
        _Section(
            "Parties",
            _get(p, "parties"),
            [
                ("party", lambda x: str(x.party)),
                ("role", lambda x: text(_f(x, "role"))),
                ("valid", _valid),
                ("withdrew", lambda x: text(_f(x, "withdrew"))),
                cites,
            ],
        ),
        _Section(
            "Signatories",
            _get(p, "signatories"),
            [
                ("person", lambda s: str(s.person)),
                ("on behalf of", lambda s: text(_f(s, "on_behalf_of"))),
                ("date", lambda s: text(_f(s, "date"))),
                cites,
            ],
        ),
        _Section(
            "Offices",
            _get(p, "offices"),
            [("title", lambda o: o.title), ("in", lambda o: str(o.organization)), ("valid", _valid), cites],
        ),
        _Section(
            "Relations",
            _get(p, "relations"),
            [("relation", _relation), ("with", lambda r: str(r.other)), ("valid", _valid), cites],
        ),
        _Section("Statements by it", _get(p, "statements_by"), statements),
        _Section("Statements about it", _get(p, "statements_about"), statements),
    ]


def _get(p: Any, field: str) -> list[Any]:
    return list(p[field]) if field in p else []


def _facts(p: Any) -> list[tuple[str, str]]:
    """The lines above the tables: ``(label, words)``."""
    facts: list[tuple[str, str]] = []
    if p.node.unnamed is not None:
        facts.append(("unnamed", f"“{p.node.unnamed}” (found by its id only)"))
    if p.as_of is not None:
        facts.append(("as of", str(p.as_of)))
    if p.aliases:
        facts.append(("aliases", ", ".join(p.aliases)))
    facts += [(scheme, str(value)) for scheme, value in p.external_ids.items()]
    facts += [(key, str(value)) for key, value in p.attributes.items()]
    for field in ("place", "held_in", "country", "when", "status", "date", "url", "text_length"):
        value = _f(p, field)
        if value is None or value == [] or (field == "status" and value == "occurred"):
            continue
        words = text(value)
        if field == "when" and value["start"] is not None and value["start"] == value["end"]:
            words = str(value["start"])
        facts.append((field.replace("_", " "), words))
    if "state" in p and p["state"] is not None:
        facts.append(("state", f"{p['state'].summary}  {cited(p['state'].citations)}".strip()))
    if "terms" in p and p["terms"] is not None:
        terms = p["terms"]
        for name in terms.keys():
            term = terms[name]
            if term is not None:
                said = {k: term[k] for k in term.keys() if k != "citations"}
                words = text(said)
                if name == "binding":
                    words = "legally binding" if said.get("value") else "not legally binding"
                citations = term["citations"] if "citations" in term else []
                facts.append((name, f"{words}  {cited(citations)}".strip()))
    if "statement" in p and p["statement"] is not None:
        s = p["statement"]
        facts.append(("words", _words(s)))
        facts.append(("attribution", str(s.attribution.text)))
        for field in ("about", "reports", "reported_in", "supports", "supported_by", "disputes", "disputed_by"):
            if s[field]:
                facts.append((field.replace("_", " "), text(s[field])))
    if p.citations:
        facts.append(("cited", cited(p.citations)))
    if "attendees" in p and p["attendees"]:
        facts.append(("attended by", text(p["attendees"])))
    return facts


def _row_html(columns: list[tuple[str, Callable[[Any], str]]]) -> Callable[[Any], str]:
    def row(r: Any) -> str:
        return "<tr>" + "".join(f"<td>{escape(fn(r))}</td>" for _, fn in columns) + "</tr>"

    return row


#: The fields the core leaves out when they are empty or do not apply to the node's kind,
#: and what they read as then.
_ABSENT: dict[str, Any] = {
    **dict.fromkeys(["lifecycle", "parties", "signatories", "offices", "attendees", "held_in"], []),
    **dict.fromkeys(["when", "place", "country", "status", "date", "url", "text_length", "state", "terms", "statement"]),
}


class NodeProfile(Record):
    """Everything about one node (``Graph.profile``): a record of the core's ``NodeProfile``
    whose ``repr`` and notebook HTML read as ``diplograph show`` prints it. A list that is
    empty, or does not apply to the node's kind, reads as ``[]`` (``profile.offices`` of an
    agreement), a detail that does not apply as ``None``."""

    __slots__ = ()

    def __getattr__(self, name: str) -> Any:
        try:
            return super().__getattr__(name)
        except AttributeError:
            if name in _ABSENT:
                value = _ABSENT[name]
                return list(value) if isinstance(value, list) else value
            raise

    def _heading(self) -> str:
        kind = self.node.kind + (f" ({self.subkind})" if self.subkind else "")
        return f"{self.node.name} — {kind}, id {self.node.id}"

    def __repr__(self) -> str:
        lines = [self._heading()]
        lines += [f"{label}: {words}" for label, words in _facts(self)]
        for section in _sections(self):
            if not section.rows:
                continue
            lines.append(f"{section.title} ({len(section.rows)}{more_note(len(section.rows))})")
            first, last = pick(section.rows)
            for position, row in enumerate(first + last):
                if last and position == len(first):
                    lines.append("  …")
                cells = [fn(row) for header, fn in section.columns if header != "cited"]
                lines.append("  " + " | ".join(c for c in cells if c))
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        parts = [f"<div class='diplograph-profile'><strong>{escape(self._heading())}</strong><ul>"]
        parts += [f"<li>{escape(label)}: {escape(words)}</li>" for label, words in _facts(self)]
        parts.append("</ul>")
        for section in _sections(self):
            if not section.rows:
                continue
            head = "".join(f"<th>{escape(h)}</th>" for h, _ in section.columns)
            body = html_rows(section.rows, len(section.columns), _row_html(section.columns))
            caption = escape(f"{section.title} ({len(section.rows)}{more_note(len(section.rows))})")
            parts.append(
                f"<table class='diplograph-results'><caption>{caption}</caption>"
                f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
            )
        parts.append("</div>")
        return "".join(parts)


RECORD_CLASSES["NodeProfile"] = NodeProfile
