"""The columns of ``Results.to_pandas()``, one fixed list per kind of answer.

A table's columns come from the kind of answer, never from the rows it happens to hold: an
empty timeline and a full one have the same columns, and a field that is missing (``None``) in
every row still has its column. Each column names the path to its field (``state.since``);
a node reference is three columns (``.id``, ``.kind``, ``.name``); a date is its EDTF text
followed by ``_earliest`` and ``_latest``, its first and last day (ISO text, as ``to_dict()``
gives them); lists (citations, speakers, hops …) are one column of plain data each.

The lists follow the core's answer types (``crates/diplograph/src/query``); the tests run
every question over every test graph and check that no field falls outside them.
"""

from __future__ import annotations

import datetime
from typing import Any, Iterable

from ._native import PartialDate

__all__ = ["SCHEMAS", "columns", "row"]


def _ref(path: str) -> list[str]:
    """A node reference's columns."""
    return [f"{path}.id", f"{path}.kind", f"{path}.name"]


def _date(path: str) -> list[str]:
    """A date's columns: its text, then its first and last day."""
    return [path, f"{path}_earliest", f"{path}_latest"]


_VALIDITY = [
    "validity.containment",
    "validity.rests_on_unknown",
    "validity.certainty",
    *_date("validity.attested.date"),
    "validity.attested.source",
]
_VALID = [*_date("valid.start"), *_date("valid.end")]

#: The columns of each kind of answer, in order.
SCHEMAS: dict[str, list[str]] = {
    "TimelineEntry": [
        *_date("date"),
        *_date("end"),
        *_ref("subject"),
        "what.type",
        "what.event_kind",
        "what.state",
        *_ref("what.party"),
        *_date("what.effective"),
        *_date("what.until"),
        "what.speakers",
        "what.text",
        "what.reported",
        "within",
        "status",
        "condition",
        "note",
        *_ref("place.place"),
        *_ref("place.country"),
        "description",
        "derived",
        "citations",
    ],
    "Chain": ["hops", "rests_on_unknown", "containment", "certainty"],
    "AgreementLink": [
        *_ref("agreement"),
        "kind",
        "state.state",
        *_date("state.since"),
        *_date("state.until"),
        "state.containment",
        "state.rests_on_unknown",
        "state.derived",
        "state.notices",
        "state.ratified_by",
        "state.suspended_parties",
        "state.summary",
        "state.certainty",
        *_date("state.attested.date"),
        "state.attested.source",
        "state.citations",
        "parties",
        "certainty",
        "citations",
    ],
    "Office": [*_ref("person"), "title", *_ref("organization"), *_VALID, *_VALIDITY, "citations"],
    "Membership": [*_ref("member"), *_ref("of"), "kind", *_VALIDITY, "citations"],
    "ValidEdge": [*_ref("from"), "kind", *_ref("to"), *_VALIDITY],
    "Party": [
        *_ref("party"),
        "role",
        "acting_bodies",
        *_VALID,
        *_VALIDITY,
        *_date("withdrew"),
        "withdrawal_derived",
        "citations",
    ],
    "Signatory": [
        *_ref("person"),
        *_ref("on_behalf_of"),
        *_date("date"),
        *_ref("place.place"),
        *_ref("place.country"),
        "citations",
    ],
    "StatementInfo": [
        *_ref("statement"),
        "text",
        "is_quote",
        *_date("date"),
        *_date("reported.date"),
        "reported.source",
        "cue.words",
        "cue.citations",
        "speakers",
        "about",
        "attribution.text",
        "attribution.steps",
        "attribution.chains",
        "made_at",
        "made_in",
        "continues",
        "continued_by",
        "reports",
        "reported_in",
        "supports",
        "supported_by",
        "disputes",
        "disputed_by",
        "citations",
    ],
    "NodeRef": ["id", "kind", "name"],
}


def columns(kind_name: str) -> list[str] | None:
    """The columns of an answer kind, or ``None`` for a kind with no schema."""
    return SCHEMAS.get(kind_name)


def row(record: Any, wanted: Iterable[str]) -> dict[str, Any]:
    """One record's values by column, ``None`` in each column the record does not reach."""
    from ._results import NodeRef, Record, _plain

    wanted = list(wanted)
    keep = set(wanted)
    prefixes = {c.rsplit(".", i)[0] for c in keep for i in range(1, c.count(".") + 1)}
    out: dict[str, Any] = dict.fromkeys(wanted)

    def walk(value: Any, path: str) -> None:
        if path in keep:
            out[path] = _plain(value)
            if isinstance(value, PartialDate):
                out[f"{path}_earliest"] = _day(value.earliest())
                out[f"{path}_latest"] = _day(value.latest())
            return
        if path and path not in prefixes:
            return
        if isinstance(value, NodeRef):
            for field in ("id", "kind", "name"):
                walk(getattr(value, field), f"{path}.{field}" if path else field)
        elif isinstance(value, Record):
            for field in value.keys():
                walk(value[field], f"{path}.{field}" if path else field)

    walk(record, "")
    return out


def _day(d: datetime.date | None) -> str | None:
    return None if d is None else d.isoformat()
