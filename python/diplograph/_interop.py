"""networkx, pyarrow, pandas and polars conversion, from columns the native module builds in
one pass.

Every conversion carries the fields of the one schema the exporters write (docs/export.md,
"Fields"; ``diplograph::export::NODE_FIELDS`` and ``EDGE_FIELDS`` in the core): the same names
(``kind``, ``subkind``, ``date`` with ``date_earliest``/``date_latest``, ``state``,
``citation_count``, ``attr.<key>`` …), edges' ends ``source`` and ``target``, rows in the
exporters' order. The native module builds the columns in Arrow's layout
(``Graph._tables()``), which pyarrow wraps without a Python object per cell; pandas and polars
frames are made from those Arrow tables. networkx takes rows the native module builds from the
same columns (``Graph._networkx_rows()``), scalars and strings only.

networkx, pyarrow, pandas and polars are optional: each is imported only when a conversion is
asked for, with a clear ImportError naming the package to install when it is missing.
"""

from __future__ import annotations

import contextlib
import gc
import importlib
from typing import TYPE_CHECKING, Any, Iterator, NamedTuple


if TYPE_CHECKING:
    import networkx  # type: ignore[import-untyped,import-not-found,unused-ignore]
    import pandas  # type: ignore[import-untyped,import-not-found,unused-ignore]
    import polars  # type: ignore[import-not-found,unused-ignore]
    import pyarrow  # type: ignore[import-untyped,import-not-found,unused-ignore]

    from ._native import Graph

__all__ = ["ArrowTables", "Frames", "PolarsFrames", "to_arrow", "to_networkx", "to_pandas", "to_polars"]


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


def to_networkx(graph: Graph) -> networkx.MultiDiGraph:
    """The graph as a ``networkx.MultiDiGraph``.

    Nodes are keyed by id; edges go from ``source`` to ``target`` with networkx's own keys (0,
    1 … among the edges joining the same two nodes in the same direction, in the exporters'
    order, as in the node-link export), so parallel edges stay apart. Each node and edge
    carries the schema's fields that it has (docs/export.md, "Fields": ``kind``, ``name``,
    ``subkind``, ``date``, ``date_earliest``, ``state``, ``citation_count``, ``attr.<key>`` …),
    as strings, integers, floats and booleans only, so that networkx's own writers take the
    graph (``nx.write_graphml``, ``nx.write_gexf``, ``json.dumps(nx.node_link_data(G))``):
    dates are their EDTF text, days ``YYYY-MM-DD`` text, structured fields (``aliases``,
    ``lifecycle``, ``citations``, a free attribute holding a list) JSON text. The graph's
    ``title`` and ``description`` are graph attributes.

    >>> G = example().to_networkx()
    >>> G.nodes["KOR"]["name"], G.nodes["gsomia-kor-usa"]["subkind"]
    ('South Korea', 'gsomia')
    >>> G.nodes["gsomia-kor-usa"]["state"], G.number_of_nodes() == len(example())
    ('in_force', True)
    """
    nx = _require("networkx", "Graph.to_networkx()")
    out = nx.MultiDiGraph()
    if graph.title is not None:
        out.graph["title"] = graph.title
    if graph.description is not None:
        out.graph["description"] = graph.description
    with _collector_paused():
        nodes, edges = graph._networkx_rows()
        out.add_nodes_from(nodes)
        out.add_edges_from(edges)
    return out


class Frames(NamedTuple):
    """The two tables of ``Graph.to_pandas()``."""

    nodes: pandas.DataFrame
    """One row per node."""
    edges: pandas.DataFrame
    """One row per edge."""


class ArrowTables(NamedTuple):
    """The two tables of ``Graph.to_arrow()``."""

    nodes: pyarrow.Table
    """One row per node."""
    edges: pyarrow.Table
    """One row per edge."""


class PolarsFrames(NamedTuple):
    """The two tables of ``Graph.to_polars()``."""

    nodes: polars.DataFrame
    """One row per node."""
    edges: polars.DataFrame
    """One row per edge."""


def _array(pa: Any, rows: int, column: tuple[Any, ...]) -> Any:
    """One column of ``Graph._tables()`` as a pyarrow array over the native buffers."""
    _name, kind, nulls, validity, data, offsets, categories = column
    valid = None if validity is None else pa.py_buffer(validity)
    if kind in ("text", "date", "json"):
        buffers = [valid, pa.py_buffer(offsets), pa.py_buffer(data)]
        return pa.Array.from_buffers(pa.large_string(), rows, buffers, nulls)
    if kind == "category":
        codes = pa.Array.from_buffers(pa.int32(), rows, [valid, pa.py_buffer(data)], nulls)
        return pa.DictionaryArray.from_arrays(codes, pa.array(categories, pa.large_string()))
    arrow_type = {
        "integer": pa.int64(),
        "number": pa.float64(),
        "boolean": pa.bool_(),
        "day": pa.date32(),
    }[kind]
    return pa.Array.from_buffers(arrow_type, rows, [valid, pa.py_buffer(data)], nulls)


def _arrow_table(pa: Any, table: tuple[int, list[tuple[Any, ...]]]) -> Any:
    rows, columns = table
    arrays = [_array(pa, rows, c) for c in columns]
    fields = [pa.field(c[0], a.type, metadata={"diplograph.type": c[1]}) for c, a in zip(columns, arrays)]
    return pa.Table.from_arrays(arrays, schema=pa.schema(fields))


def to_arrow(graph: Graph) -> ArrowTables:
    """The graph as two pyarrow Tables, ``(nodes, edges)``, built in one native pass.

    The columns are the schema's fields that some node (or edge) has, in the order of
    docs/export.md ("Fields"), then the free attributes (``attr.<key>``), with the rows in the
    exporters' order. Text, dates as written (EDTF, precision kept) and JSON text are
    ``large_string``; kinds, subkinds, statuses, states and roles ``dictionary`` over the whole
    vocabulary; counts ``int64``; ``share`` ``float64``; ``_earliest`` and ``_latest`` days
    ``date32``; a field a row does not have is null. Each field's schema type is in its
    metadata (``diplograph.type``).

    >>> nodes, edges = example().to_arrow()
    >>> nodes.column_names[:3], edges.column_names[:3]
    (['id', 'kind', 'name'], ['source', 'target', 'kind'])
    >>> str(nodes.schema.field("date_earliest").type)
    'date32[day]'
    """
    pa = _require("pyarrow", "Graph.to_arrow()")
    nodes, edges = graph._tables()
    return ArrowTables(_arrow_table(pa, nodes), _arrow_table(pa, edges))


def _pandas_types(pd: Any, pa: Any) -> Any:
    mapping = {
        pa.large_string(): pd.StringDtype("pyarrow"),
        pa.int64(): pd.Int64Dtype(),
        pa.float64(): pd.Float64Dtype(),
        pa.bool_(): pd.BooleanDtype(),
    }
    return mapping.get


def to_pandas(graph: Graph) -> Frames:
    """The graph as two pandas DataFrames, ``(nodes, edges)``, made from ``to_arrow()``.

    The columns are the schema's (docs/export.md, "Fields"), the same fields under the same
    names as every export and ``to_networkx()``: nodes from ``id``, edges from ``source`` and
    ``target``. Dtypes: text, dates as written and JSON text ``string`` (Arrow-backed);
    ``kind``, ``subkind``, ``status``, ``state`` and ``role`` ``category`` with every name the
    model has (so counts show zeros); counts ``Int64``, ``share`` ``Float64``, ``unnamed`` and
    ``binding`` ``boolean`` (nullable). Each date column (``date``, ``end``; ``start``,
    ``end``) keeps the date as written, since a year or a month is not a day ("2016-01" must
    not become 1 January), and is followed by ``NAME_earliest`` and ``NAME_latest``, the first
    and last day it may mean, as ``datetime64[s]`` (``NaT`` where there is no such day), to
    sort and filter by without ``pd.to_datetime``. Second resolution holds every year a date
    can have (year 1, year -500); nanoseconds, pandas' old default, would only reach 1677–2262.
    Structured fields (``aliases``, ``lifecycle``, ``citations``) are JSON text
    (``json.loads`` reads one).

    >>> nodes, edges = example().to_pandas()
    >>> nodes.set_index("id").loc["KOR", "name"]
    'South Korea'
    >>> str(edges["kind"].dtype), str(nodes["name"].dtype), str(nodes["date_earliest"].dtype)
    ('category', 'string', 'datetime64[s]')
    >>> list(edges.columns[:6])
    ['source', 'target', 'kind', 'start', 'start_earliest', 'start_latest']
    """
    pd = _require("pandas", "Graph.to_pandas()")
    pa = _require("pyarrow", "Graph.to_pandas()")
    tables = to_arrow(graph)
    types = _pandas_types(pd, pa)
    frames = []
    for t in tables:
        days = [f.name for f in t.schema if f.type == pa.date32()]
        for name in days:
            i = t.schema.get_field_index(name)
            t = t.set_column(i, name, t.column(name).cast(pa.timestamp("s")))
        frames.append(t.to_pandas(types_mapper=types))
    return Frames(*frames)


def to_polars(graph: Graph) -> PolarsFrames:
    """The graph as two polars DataFrames, ``(nodes, edges)``, made from ``to_arrow()``
    (text ``String``, vocabularies ``Categorical``, days ``Date``).

    >>> nodes, edges = example().to_polars()
    >>> nodes.filter(nodes["id"] == "KOR")["name"].item()
    'South Korea'
    """
    pl = _require("polars", "Graph.to_polars()")
    nodes, edges = to_arrow(graph)
    return PolarsFrames(pl.from_arrow(nodes), pl.from_arrow(edges))
