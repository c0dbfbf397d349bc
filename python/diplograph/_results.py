"""Query answers as small read-only records.

The core's answers cross into Python with their types (the extension's serializer,
``answers.rs``): each struct of the core becomes a :class:`Record` named by its type
(``Chain``, ``Hop``, ``Office`` …) with attribute access (``chain.hops[0].link.agreement.id``),
each date a :class:`PartialDate`, each citation a :class:`Citation`, each node reference a
:class:`NodeRef` and each map a ``dict``. Nothing is computed or guessed here: this module only
holds the record classes. A list of answers is a :class:`Results` (a ``list``) that shows as a
table in a notebook and converts to pandas.

Keys that are Python keywords are reached with a trailing underscore: ``hop.from_``.
"""

from __future__ import annotations

import datetime
import html
import keyword
from typing import Any, Iterable, Mapping, Optional, SupportsIndex, overload

from ._native import Citation, PartialDate

__all__ = ["NodeRef", "Record", "Results", "wrap"]

class Record:
    """A read-only answer record: fields by attribute (``r.state``) or key (``r["state"]``).

    ``kind_name`` is the core's type name (``Chain``, ``Hop``, ``Office`` …).
    """

    __slots__ = ("_fields", "kind_name")
    kind_name: str
    _fields: dict[str, Any]

    def __init__(self, kind_name: str, fields: Mapping[str, Any]) -> None:
        object.__setattr__(self, "kind_name", kind_name)
        object.__setattr__(self, "_fields", dict(fields))

    def __getattr__(self, name: str) -> Any:
        fields = object.__getattribute__(self, "_fields")
        if name in fields:
            return fields[name]
        if name.endswith("_") and keyword.iskeyword(name[:-1]) and name[:-1] in fields:
            return fields[name[:-1]]
        raise AttributeError(f"{object.__getattribute__(self, 'kind_name')} has no field {name!r}")

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("query answers are read-only")

    def __getitem__(self, key: str) -> Any:
        return self._fields[key]

    def __contains__(self, key: object) -> bool:
        return key in self._fields

    def keys(self) -> list[str]:
        """The field names, in the core's order."""
        return list(self._fields)

    def to_dict(self) -> dict[str, Any]:
        """The record as plain data: dicts, lists, strings, numbers; the same shape as
        ``diplograph … --json`` prints. Each date field ``x`` is its EDTF text beside
        ``x_earliest`` and ``x_latest``, the first and last day it may mean (ISO text, or
        ``None`` for an open bound), so a DataFrame can sort and filter by day without
        inventing one ("2016" is not 1 January)."""
        out: dict[str, Any] = {}
        for k, v in self._fields.items():
            out[k] = _plain(v)
            if isinstance(v, PartialDate):
                out[f"{k}_earliest"] = _day(v.earliest())
                out[f"{k}_latest"] = _day(v.latest())
        return out

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Record):
            return NotImplemented
        return self.kind_name == other.kind_name and self._fields == other._fields

    def __hash__(self) -> int:
        return hash((self.kind_name, repr(self.to_dict())))

    def __repr__(self) -> str:
        # A long list field (a graph's 10,000 sources) shows its first and last items.
        from ._display import truncated

        def shown(v: Any) -> str:
            return truncated(v) if isinstance(v, list) else repr(v)

        inner = ", ".join(f"{k}={shown(v)}" for k, v in self._fields.items() if k != "citations")
        return f"{self.kind_name}({inner})"

    def __reduce__(self) -> Any:
        return (type(self), (self.kind_name, self._fields))

    def __dir__(self) -> list[str]:
        return sorted(set(super().__dir__()) | set(self._fields))


class NodeRef(Record):
    """A reference to a node in an answer: its ``id``, ``kind`` and ``name``; for a person or
    organization the sources do not name, ``unnamed`` gives their description of it."""

    __slots__ = ()

    def __init__(self, fields: Mapping[str, Any]) -> None:
        super().__init__("NodeRef", fields)

    @property
    def id(self) -> str:
        """The node's id."""
        return str(self._fields["id"])

    @property
    def kind(self) -> str:
        """The node's kind."""
        return str(self._fields["kind"])

    @property
    def name(self) -> str:
        """The node's name."""
        return str(self._fields["name"])

    @property
    def unnamed(self) -> Optional[str]:
        """For an unnamed person or organization: the description the sources give (``"a
        senior US official"``); ``None`` for a named node."""
        value = self._fields.get("unnamed")
        return None if value is None else str(value)

    def __repr__(self) -> str:
        return f"<{self.kind} {self.id} {self.name!r}>"

    def __str__(self) -> str:
        # As the core's NodeRef shows itself (`diplograph show`, tables).
        if self.unnamed is None:
            return f"{self.name} ({self.id})"
        if self.unnamed == self.name:
            return f"{self.name} ({self.id}, unnamed)"
        return f'{self.name} ({self.id}, unnamed: "{self.unnamed}")'

    def __reduce__(self) -> Any:
        return (NodeRef, (self._fields,))


class Results(list):  # type: ignore[type-arg]
    """A list of answer records that shows as a table in a notebook (``_repr_html_``) and
    converts to a pandas DataFrame (``to_pandas()``)."""

    kind_name: str

    def __init__(self, kind_name: str, items: Iterable[Any] = ()) -> None:
        super().__init__(items)
        self.kind_name = kind_name

    def __reduce__(self) -> Any:
        return (Results, (self.kind_name, list(self)))

    @overload
    def __getitem__(self, index: SupportsIndex) -> Any: ...
    @overload
    def __getitem__(self, index: slice) -> Results: ...
    def __getitem__(self, index: Any) -> Any:
        # A slice of answers is answers of the same kind (its table, its columns).
        if isinstance(index, slice):
            return Results(self.kind_name, super().__getitem__(index))
        return super().__getitem__(index)

    def to_dicts(self) -> list[dict[str, Any]]:
        """Every record as plain data (see ``Record.to_dict``)."""
        return [r.to_dict() if isinstance(r, Record) else r for r in self]

    def to_pandas(self) -> Any:
        """The answers as a pandas DataFrame, one row per record, nested records flattened with
        dotted column names (``state.state``, ``person.id``). The columns are the answer
        kind's (``diplograph._schema.SCHEMAS``), whatever the rows hold: an empty answer has
        the same columns as a full one. Needs pandas."""
        from ._interop import _require
        from ._schema import columns, row

        pd = _require("pandas", "Results.to_pandas()")
        wanted = columns(self.kind_name)
        if wanted is None:
            return pd.json_normalize(self.to_dicts())
        return pd.DataFrame([row(r, wanted) for r in self], columns=wanted)

    def __repr__(self) -> str:
        # A list's repr, its middle left out past ``options.display.max_rows`` (pandas' way).
        from ._display import truncated

        return truncated(self)

    def view(self) -> Any:
        """The picture of these answers, as a :class:`~diplograph.View`: for the chains of
        ``Graph.path``, the interactive view with their hops highlighted; for the entries of
        ``Graph.timeline``, the timeline drawn as SVG. Other answers have no picture
        (``TypeError``)."""
        picture = getattr(self, "_picture", None)
        if picture is None:
            raise TypeError(
                f"{self.kind_name} answers have no picture: only those of Graph.path and "
                "Graph.timeline (and Graph.view() for the graph)"
            )
        graph, method, kwargs = picture
        return getattr(graph, method)(**kwargs)

    def _repr_html_(self) -> str:
        from ._display import results_html

        return results_html(self)


def _plain(v: Any) -> Any:
    if isinstance(v, Record):
        return v.to_dict()
    if isinstance(v, PartialDate):
        return str(v)
    if isinstance(v, datetime.date):
        return v.isoformat()
    if isinstance(v, Citation):
        return v.to_dict()
    if isinstance(v, list):
        return [_plain(x) for x in v]
    if isinstance(v, dict):
        return {k: _plain(x) for k, x in v.items()}
    return v


def _day(d: datetime.date | None) -> str | None:
    return None if d is None else d.isoformat()


def _citation(d: Mapping[str, Any]) -> Citation:
    span = d.get("span")
    return Citation(
        d["source"],
        span=tuple(span) if span is not None else None,
        text=d.get("text"),
        via=list(d.get("via", [])),
        confidence=d.get("confidence"),
        occurrence=d.get("occurrence"),
    )


#: Record classes of their own (display), by the core's type name: ``NodeProfile``
#: (``_profile.py``) registers itself here.
RECORD_CLASSES: dict[str, type[Record]] = {}


def typed(kind_name: str, fields: dict[str, Any]) -> Any:
    """The Python value of one struct of the core's answer, by the struct's type name: called
    by the extension for every struct it converts."""
    if kind_name == "NodeRef":
        return NodeRef(fields)
    if kind_name == "Citation":
        return _citation(fields)
    special = RECORD_CLASSES.get(kind_name)
    if special is not None:
        return special(kind_name, fields)
    return Record(kind_name, fields)


def wrap(kind_name: str, items: Iterable[Any]) -> Results:
    """A list of the core's answers, already converted to records, as a :class:`Results`."""
    return Results(kind_name, items)
