"""networkx and pandas conversion, from rows and columns the native module builds in bulk.

networkx and pandas are optional: each is imported only when a conversion is asked for, with a
clear ImportError naming the package to install when it is missing. Both conversions are linear
in the size of the graph: the native module builds every node's and edge's fields in one pass
(``Graph._node_records()``/``_edge_records()`` for networkx, ``Graph._node_columns()``/
``_edge_columns()`` for pandas), and networkx or pandas takes them in bulk.
"""

from __future__ import annotations

import contextlib
import gc
import importlib
from typing import TYPE_CHECKING, Any, Iterator, NamedTuple

from . import _native

if TYPE_CHECKING:
    from ._native import Graph

__all__ = ["Frames", "to_networkx", "to_pandas"]


def _require(package: str, purpose: str) -> Any:
    """Imports an optional package, or raises an ImportError saying how to get it."""
    try:
        return importlib.import_module(package)
    except ImportError as e:
        raise ImportError(
            f"{purpose} needs the optional package `{package}`, which is not installed; "
            f"install it with `pip install {package}`",
            name=package,
        ) from e


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Pauses Python's cyclic garbage collector while a conversion builds its objects.

    A conversion allocates millions of dicts and lists that form no reference cycles; with the
    collector on, those allocations trigger collections that traverse everything built so far,
    which cost more than the conversion itself. The collector's state is restored afterwards.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def to_networkx(graph: Graph) -> Any:
    """The graph as a ``networkx.MultiDiGraph``.

    Nodes are keyed by id; edges by their index in the graph (``key``), so parallel edges stay
    apart. Every field is kept as a node or edge attribute under its native-format name
    (``kind``, ``name``, ``aliases``, ``org_kind``, ``date``, ``start``, ``title`` …; dates as
    ``PartialDate``, citations as dicts, free attributes as the dict ``attributes``); fields
    that do not apply (``None``) are left out. The graph's ``title`` and ``description`` are
    graph attributes.

    >>> G = example().to_networkx()
    >>> G.nodes["KOR"]["name"], G.nodes["gsomia-kor-usa"]["agreement_kind"]
    ('South Korea', 'gsomia')
    >>> G.number_of_nodes() == len(example())
    True
    """
    nx = _require("networkx", "Graph.to_networkx()")
    out = nx.MultiDiGraph()
    if graph.title is not None:
        out.graph["title"] = graph.title
    if graph.description is not None:
        out.graph["description"] = graph.description
    with _collector_paused():
        out.add_nodes_from(graph._node_records())
        out.add_edges_from(graph._edge_records())
    return out


class Frames(NamedTuple):
    """The two tables of ``Graph.to_pandas()``."""

    nodes: Any
    """One row per node."""
    edges: Any
    """One row per edge."""


#: Node and edge columns and their dtypes, in column order: the binding's one definition of
#: a record's fields (``records.rs``). Text is pandas' ``string``, kinds ``category``, dates
#: EDTF text (``string``, precision kept: "2016-01" stays a month; each followed in the frames by
#: its ``_earliest`` and ``_latest`` day), lists and dicts objects.
_NODE_COLUMNS = dict(_native._NODE_FIELDS)
_EDGE_COLUMNS = dict(_native._EDGE_FIELDS)


def to_pandas(graph: Graph) -> Frames:
    """The graph as two pandas DataFrames, ``(nodes, edges)``.

    Columns have proper dtypes: ids, names and other text are ``string``; node and edge kinds,
    the organization, agreement and event kinds and an event's ``status`` are ``category``
    (with every name the model has, so counts show zeros); ``position`` is
    ``Int64`` and ``share`` ``Float64`` (nullable); dates are their EDTF text (``string``),
    since a year or a month is not a day ("2016-01" must not become 1 January), and each date
    column (nodes: ``date``, ``end``; edges: ``start``, ``end``) is followed by
    ``NAME_earliest`` and ``NAME_latest``, the first and last day it may mean
    (``datetime.date`` objects, ``None`` where there is no such day), to sort and filter by
    without inventing a day; lists and dicts (aliases, citations, free
    attributes) are objects. Fields that do not apply are missing (``<NA>``). The edges table
    names its ends ``from`` and ``to``.

    >>> nodes, edges = example().to_pandas()
    >>> nodes.set_index("id").loc["KOR", "name"]
    'South Korea'
    >>> str(edges["kind"].dtype), str(nodes["name"].dtype)
    ('category', 'string')
    >>> list(edges.columns[4:10])
    ['start', 'start_earliest', 'start_latest', 'end', 'end_earliest', 'end_latest']
    """
    pd = _require("pandas", "Graph.to_pandas()")
    with _collector_paused():
        node_cols = graph._node_columns()
        edge_cols = graph._edge_columns()
        nodes = pd.DataFrame(_series(pd, node_cols, _NODE_COLUMNS, "node"))
        edges = pd.DataFrame(_series(pd, edge_cols, _EDGE_COLUMNS, "edge"))
    return Frames(nodes, edges)


def _series(pd: Any, cols: dict[str, list[Any]], dtypes: dict[str, str], table: str) -> dict[str, Any]:
    """The columns in order, each date column followed by its earliest and latest day."""
    out: dict[str, Any] = {}
    for c, t in dtypes.items():
        out[c] = pd.Series(cols[c], dtype=_dtype(pd, c, t, table))
        for bound in (f"{c}_earliest", f"{c}_latest"):
            if bound in cols:
                out[bound] = pd.Series(cols[bound], dtype="object")
    return out


def _dtype(pd: Any, column: str, name: str, table: str) -> Any:
    if name != "category":
        return name
    vocabulary = {
        ("node", "kind"): _native.NODE_KINDS,
        ("edge", "kind"): _native.EDGE_KINDS,
        ("node", "org_kind"): _native.ORGANIZATION_KINDS,
        ("node", "agreement_kind"): _native.AGREEMENT_KINDS,
        ("node", "event_kind"): _native.EVENT_KINDS,
        ("node", "place_kind"): _native.PLACE_KINDS,
        ("node", "status"): _native.STATUSES,
    }[(table, column)]
    return pd.CategoricalDtype(list(vocabulary))
