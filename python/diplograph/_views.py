"""networkx-style views of a graph: ``g.nodes``, ``g.edges`` and ``g.degree``.

Each view reads the graph when asked (it holds no copy), so it always shows the graph as it
is now. Iterating ``g.nodes`` gives ids and ``g.edges`` gives ``(from, to)`` pairs, as networkx
does; calling a view (``g.nodes(kind="country")``, ``g.edges(kind="party_to")``) lists the
``Node`` and ``Edge`` objects, as diplograph always has, and ``data=True`` pairs them with
their ids as networkx's ``data=True`` pairs ids with attribute dicts.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any, Iterator, Mapping, Optional, Union, overload

if TYPE_CHECKING:
    from ._native import Edge, Graph, Node, PartialDate

__all__ = ["DegreeView", "EdgeView", "NodeView"]

_DateLike = Union["PartialDate", datetime.date, str]


class NodeView(Mapping[str, "Node"]):
    """The nodes of a graph by id, as networkx's ``G.nodes``: ``g.nodes["KOR"]`` (the
    ``Node``; a ``KeyError`` for an id the graph lacks: names and aliases are for
    ``g.node(name)``), ``"KOR" in g.nodes``, ``len(g.nodes)``, iteration in the order the
    nodes were added, ``.items()`` (``(id, Node)`` pairs).

    Called, it lists nodes: ``g.nodes()`` every ``Node``, ``g.nodes(kind="country")`` those of
    one kind, ``g.nodes(data=True)`` ``(id, Node)`` pairs and ``g.nodes(data="name")``
    ``(id, node.name)`` pairs, as networkx's ``G.nodes(data=...)``.

    >>> g = example()
    >>> g.nodes["KOR"].name, "KOR" in g.nodes, "Seoul" in g.nodes, len(g.nodes)
    ('South Korea', True, False, 76)
    >>> list(g.nodes)[:3]
    ['CHN', 'GBR', 'JPN']
    >>> g.nodes(kind="country", data="name")[:2]
    [('CHN', 'China'), ('GBR', 'United Kingdom')]
    """

    __slots__ = ("_graph",)

    def __init__(self, graph: Graph) -> None:
        self._graph = graph

    def __getitem__(self, id: str) -> Node:
        node = self._graph._node_by_id(id) if isinstance(id, str) else None
        if node is None:
            raise KeyError(id)
        return node

    def __contains__(self, id: object) -> bool:
        return isinstance(id, str) and self._graph._node_by_id(id) is not None

    def __iter__(self) -> Iterator[str]:
        return iter(self._graph._node_ids())

    def __len__(self) -> int:
        return len(self._graph)

    @overload
    def __call__(self, kind: Optional[str] = None) -> list[Node]: ...
    @overload
    def __call__(self, kind: Optional[str] = None, *, data: Union[bool, str]) -> list[Any]: ...
    def __call__(self, kind: Optional[str] = None, *, data: Union[bool, str] = False) -> list[Any]:
        """Every node (of one ``kind``) in the order they were added: ``Node`` objects, or
        with ``data=True`` ``(id, Node)`` pairs, or with ``data="field"`` ``(id, value)``
        pairs (``None`` where the field does not apply)."""
        nodes = self._graph._nodes(kind)
        if data is False:
            return nodes
        if data is True:
            return [(n.id, n) for n in nodes]
        return [(n.id, getattr(n, data, None)) for n in nodes]

    def __repr__(self) -> str:
        from ._display import truncated

        return f"NodeView({truncated(list(self))})"


class EdgeView:
    """The edges of a graph, as networkx's ``G.edges``: iteration gives ``(from, to)`` id
    pairs in the order the edges were added (parallel edges each once), ``len(g.edges)``,
    ``("KOR", "gsomia-kor-usa") in g.edges``.

    Called, it lists edges: ``g.edges()`` every ``Edge``, ``g.edges(kind="party_to")`` those
    of one kind, ``g.edges(as_of="2016-06-04")`` those holding on a date, and
    ``g.edges(data=True)`` ``(from, to, Edge)`` triples, as networkx's ``G.edges(data=True)``
    gives ``(u, v, attributes)``.

    >>> g = example()
    >>> ("KOR", "gsomia-kor-usa") in g.edges, len(g.edges)
    (True, 230)
    >>> [(u, v) for u, v, e in g.edges(kind="party_to", data=True) if v == "gsomia-kor-usa"]
    [('KOR', 'gsomia-kor-usa'), ('USA', 'gsomia-kor-usa')]
    """

    __slots__ = ("_graph",)

    def __init__(self, graph: Graph) -> None:
        self._graph = graph

    def __iter__(self) -> Iterator[tuple[str, str]]:
        return iter(self._graph._edge_ends())

    def __len__(self) -> int:
        return self._graph.edge_count

    def __contains__(self, pair: object) -> bool:
        if not (isinstance(pair, tuple) and len(pair) == 2 and all(isinstance(x, str) for x in pair)):
            return False
        u, v = pair
        if u not in self._graph.nodes or v not in self._graph.nodes:
            return False
        return v in self._graph.successors(u)

    @overload
    def __call__(self, kind: Optional[str] = None, as_of: Optional[_DateLike] = None) -> list[Edge]: ...
    @overload
    def __call__(
        self, kind: Optional[str] = None, as_of: Optional[_DateLike] = None, *, data: bool
    ) -> list[Any]: ...
    def __call__(
        self, kind: Optional[str] = None, as_of: Optional[_DateLike] = None, *, data: bool = False
    ) -> list[Any]:
        """Every edge (of one ``kind``, holding on ``as_of``) in the order they were added:
        ``Edge`` objects, or with ``data=True`` ``(from, to, Edge)`` triples."""
        edges = self._graph._edges(kind, as_of)
        if not data:
            return edges
        return [(e.from_id, e.to_id, e) for e in edges]

    def __repr__(self) -> str:
        from ._display import truncated

        return f"EdgeView({truncated(list(self))})"


class DegreeView:
    """Every node's degree (its edges in and out; a loop counts twice), as networkx's
    ``G.degree``: ``g.degree["KOR"]``, iteration gives ``(id, degree)`` pairs in node order
    (``dict(g.degree)``), ``len(g.degree)``. Called, ``g.degree("KOR", kind="party_to",
    as_of=...)`` counts one node's edges of one kind holding on a date, and ``g.degree(kind=...)``
    every node's, as a new view. ``g.degree[name]`` and ``g.degree(name)`` take an id, a name
    or an alias, as ``g.node(name)`` does.

    >>> g = example()
    >>> g.degree["gsomia-kor-usa"], g.degree("gsomia-kor-usa", kind="party_to")
    (3, 2)
    >>> max(g.degree(kind="party_to"), key=lambda pair: pair[1])
    ('USA', 6)
    """

    __slots__ = ("_as_of", "_graph", "_kind")

    def __init__(self, graph: Graph, kind: Optional[str] = None, as_of: Optional[_DateLike] = None) -> None:
        self._graph = graph
        self._kind = kind
        self._as_of = as_of

    def __getitem__(self, node: Union[str, Node]) -> int:
        return self._graph._degree(node, self._kind, self._as_of)

    def __iter__(self) -> Iterator[tuple[str, int]]:
        return iter(self._graph._degrees(self._kind, self._as_of))

    def __len__(self) -> int:
        return len(self._graph)

    @overload
    def __call__(
        self, node: None = None, *, kind: Optional[str] = None, as_of: Optional[_DateLike] = None
    ) -> DegreeView: ...
    @overload
    def __call__(
        self, node: Union[str, Node], *, kind: Optional[str] = None, as_of: Optional[_DateLike] = None
    ) -> int: ...
    def __call__(
        self,
        node: Union[str, Node, None] = None,
        *,
        kind: Optional[str] = None,
        as_of: Optional[_DateLike] = None,
    ) -> Union[int, DegreeView]:
        """One node's degree, or (with no node) a view of every node's, counting the edges of
        one ``kind`` holding on ``as_of``."""
        if node is None:
            return DegreeView(self._graph, kind, as_of)
        return self._graph._degree(node, kind, as_of)

    def __repr__(self) -> str:
        from ._display import truncated

        return f"DegreeView({truncated(list(self))})"
