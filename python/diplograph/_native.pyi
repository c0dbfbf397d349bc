"""Type stubs for the native module ``diplograph._native`` (checked by mypy's stubtest)."""

import datetime
import os
from typing import TYPE_CHECKING, Any, Iterator, Literal, Mapping, Optional, Sequence, Union, final, overload

from ._profile import NodeProfile
from ._interop import ArrowTables, Frames, PolarsFrames
from ._results import Record, Results
from ._view import View
from ._views import DegreeView, EdgeView, NodeView

if TYPE_CHECKING:
    import networkx  # type: ignore[import-untyped,import-not-found,unused-ignore]

# One column of ``Graph._tables()``: (name, type, null_count, validity, data, offsets, categories).
_Column = tuple[str, str, int, Optional[bytes], bytes, Optional[bytes], Optional[list[str]]]
_Table = tuple[int, list[_Column]]
# A value ``Graph._networkx_rows()`` gives: scalars and strings only.
_Scalar = Union[str, int, float, bool]

__version__: str
__all__ = [
    "AGREEMENT_KINDS",
    "AsOf",
    "Citation",
    "EDGE_KINDS",
    "EVENT_KINDS",
    "EXPORT_FORMATS",
    "Edge",
    "Graph",
    "LIFECYCLE_STATES",
    "LifecycleStep",
    "NODE_KINDS",
    "Node",
    "ORGANIZATION_KINDS",
    "PLACE_KINDS",
    "PartialDate",
    "STATUSES",
    "_DEFAULT_LIMITS",
    "_EDGE_FIELDS",
    "_NODE_FIELDS",
    "__version__",
    "draft",
    "draft_many",
    "example",
    "load",
    "loads",
    "merge",
]

NODE_KINDS: list[str]
_NODE_FIELDS: list[tuple[str, str]]
_EDGE_FIELDS: list[tuple[str, str]]
_DEFAULT_LIMITS: list[tuple[str, int]]
EDGE_KINDS: list[str]
ORGANIZATION_KINDS: list[str]
AGREEMENT_KINDS: list[str]
EVENT_KINDS: list[str]
PLACE_KINDS: list[str]
LIFECYCLE_STATES: list[str]
STATUSES: list[str]
EXPORT_FORMATS: list[str]

_DateLike = Union["PartialDate", datetime.date, str]
_NodeLike = Union[str, "Node"]
_CitationLike = Union["Citation", dict[str, Any]]
_StepLike = Union["LifecycleStep", dict[str, Any]]

@final
class PartialDate:
    def __new__(cls, value: _DateLike) -> PartialDate: ...
    @property
    def precision(self) -> str: ...
    @property
    def text(self) -> str: ...
    @property
    def year(self) -> Optional[int]: ...
    @property
    def month(self) -> Optional[int]: ...
    @property
    def day(self) -> Optional[int]: ...
    @property
    def season(self) -> Optional[str]: ...
    @property
    def qualifier(self) -> Optional[str]: ...
    @property
    def is_bounded(self) -> bool: ...
    def earliest(self) -> Optional[datetime.date]: ...
    def latest(self) -> Optional[datetime.date]: ...
    def to_date(self) -> datetime.date: ...
    def __hash__(self) -> int: ...
    def __lt__(self, other: _DateLike, /) -> bool: ...
    def __le__(self, other: _DateLike, /) -> bool: ...
    def __gt__(self, other: _DateLike, /) -> bool: ...
    def __ge__(self, other: _DateLike, /) -> bool: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

@final
class Citation:
    def __new__(
        cls,
        source: str,
        span: Optional[tuple[int, int]] = None,
        text: Optional[str] = None,
        via: Sequence[str] = ...,
        confidence: Optional[float] = None,
        occurrence: Optional[int] = None,
    ) -> Citation: ...
    @property
    def source(self) -> str: ...
    @property
    def span(self) -> Optional[tuple[int, int]]: ...
    @property
    def text(self) -> Optional[str]: ...
    @property
    def occurrence(self) -> Optional[int]: ...
    @property
    def via(self) -> list[str]: ...
    @property
    def confidence(self) -> Optional[float]: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

@final
class LifecycleStep:
    def __new__(
        cls,
        state: str,
        date: Optional[_DateLike] = None,
        attested: Optional[_DateLike] = None,
        party: Optional[str] = None,
        citations: Sequence[_CitationLike] = ...,
        effective: Optional[_DateLike] = None,
        until: Optional[_DateLike] = None,
        condition: Optional[str] = None,
        note: Optional[str] = None,
        status: str = "occurred",
        place: Optional[str] = None,
    ) -> LifecycleStep: ...
    @property
    def state(self) -> str: ...
    @property
    def date(self) -> Optional[PartialDate]: ...
    @property
    def attested(self) -> Optional[PartialDate]: ...
    @property
    def party(self) -> Optional[str]: ...
    @property
    def place(self) -> Optional[str]: ...
    @property
    def citations(self) -> list[Citation]: ...
    @property
    def effective(self) -> Optional[PartialDate]: ...
    @property
    def until(self) -> Optional[PartialDate]: ...
    @property
    def condition(self) -> Optional[str]: ...
    @property
    def note(self) -> Optional[str]: ...
    @property
    def status(self) -> str: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

@final
class Node:
    @property
    def kind(self) -> str: ...
    @property
    def id(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def aliases(self) -> list[str]: ...
    @property
    def external_ids(self) -> dict[str, str]: ...
    @property
    def attributes(self) -> dict[str, Any]: ...
    @property
    def citations(self) -> list[Citation]: ...
    @property
    def unnamed(self) -> Optional[str]: ...
    @property
    def cue(self) -> Optional[str]: ...
    @property
    def cue_citations(self) -> list[Citation]: ...
    @property
    def org_kind(self) -> Optional[str]: ...
    @property
    def agreement_kind(self) -> Optional[str]: ...
    @property
    def event_kind(self) -> Optional[str]: ...
    @property
    def place_kind(self) -> Optional[str]: ...
    @property
    def lifecycle(self) -> list[LifecycleStep]: ...
    @property
    def binding(self) -> Optional[dict[str, Any]]: ...
    @property
    def renewal(self) -> Optional[dict[str, Any]]: ...
    @property
    def vote(self) -> Optional[dict[str, Any]]: ...
    @property
    def date(self) -> Optional[PartialDate]: ...
    @property
    def end(self) -> Optional[PartialDate]: ...
    @property
    def place(self) -> Optional[str]: ...
    @property
    def status(self) -> Optional[str]: ...
    @property
    def quote(self) -> Optional[str]: ...
    @property
    def paraphrase(self) -> Optional[str]: ...
    @property
    def text(self) -> Optional[str]: ...
    @property
    def url(self) -> Optional[str]: ...
    def to_dict(self) -> dict[str, Any]: ...
    @classmethod
    def _restore(cls, state: dict[str, Any]) -> Node: ...
    def __reduce__(self) -> tuple[Any, ...]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...

@final
class Edge:
    @property
    def kind(self) -> str: ...
    @property
    def id(self) -> str: ...
    @property
    def index(self) -> int: ...
    @property
    def from_id(self) -> str: ...
    @property
    def to_id(self) -> str: ...
    @property
    def start(self) -> Optional[PartialDate]: ...
    @property
    def end(self) -> Optional[PartialDate]: ...
    @property
    def attested(self) -> list[PartialDate]: ...
    @property
    def title(self) -> Optional[str]: ...
    @property
    def on_behalf_of(self) -> Optional[str]: ...
    @property
    def position(self) -> Optional[int]: ...
    @property
    def chain(self) -> Optional[int]: ...
    @property
    def share(self) -> Optional[float]: ...
    @property
    def amount(self) -> Optional[str]: ...
    @property
    def relation(self) -> Optional[str]: ...
    @property
    def place(self) -> Optional[str]: ...
    @property
    def role(self) -> Optional[str]: ...
    @property
    def acting_for(self) -> Optional[str]: ...
    @property
    def attributes(self) -> dict[str, Any]: ...
    @property
    def citations(self) -> list[Citation]: ...
    def to_dict(self) -> dict[str, Any]: ...
    @classmethod
    def _restore(cls, index: int, state: dict[str, Any]) -> Edge: ...
    def __reduce__(self) -> tuple[Any, ...]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...

@final
class AsOf:
    @property
    def date(self) -> PartialDate: ...
    def agreements(self, *, certain: bool = False) -> Results: ...
    def offices(self, *, certain: bool = False) -> Results: ...
    def memberships(self, *, certain: bool = False) -> Results: ...
    def edges(self) -> Results: ...

@final
class Graph:
    title: Optional[str]
    description: Optional[str]
    def __new__(cls, title: Optional[str] = None, description: Optional[str] = None) -> Graph: ...
    @property
    def edge_count(self) -> int: ...
    def add_country(
        self,
        id: str,
        name: str,
        *,
        aliases: Sequence[str] = ...,
        external_ids: dict[str, str] = ...,
        attributes: Optional[dict[str, Any]] = None,
        citations: Sequence[_CitationLike] = ...,
    ) -> Node: ...
    def add_person(
        self,
        id: str,
        name: str,
        *,
        unnamed: Optional[str] = None,
        aliases: Sequence[str] = ...,
        external_ids: dict[str, str] = ...,
        attributes: Optional[dict[str, Any]] = None,
        citations: Sequence[_CitationLike] = ...,
    ) -> Node: ...
    def add_organization(
        self,
        id: str,
        name: str,
        kind: str,
        *,
        unnamed: Optional[str] = None,
        aliases: Sequence[str] = ...,
        external_ids: dict[str, str] = ...,
        attributes: Optional[dict[str, Any]] = None,
        citations: Sequence[_CitationLike] = ...,
    ) -> Node: ...
    def add_agreement(
        self,
        id: str,
        name: str,
        kind: str,
        *,
        lifecycle: Sequence[_StepLike] = ...,
        binding: Optional[dict[str, Any]] = None,
        renewal: Optional[dict[str, Any]] = None,
        vote: Optional[dict[str, Any]] = None,
        aliases: Sequence[str] = ...,
        external_ids: dict[str, str] = ...,
        attributes: Optional[dict[str, Any]] = None,
        citations: Sequence[_CitationLike] = ...,
    ) -> Node: ...
    def add_event(
        self,
        id: str,
        name: str,
        kind: str,
        *,
        date: Optional[_DateLike] = None,
        end: Optional[_DateLike] = None,
        ongoing: bool = False,
        place: Optional[str] = None,
        aliases: Sequence[str] = ...,
        external_ids: dict[str, str] = ...,
        attributes: Optional[dict[str, Any]] = None,
        citations: Sequence[_CitationLike] = ...,
        status: str = "occurred",
    ) -> Node: ...
    def add_statement(
        self,
        id: str,
        name: str,
        *,
        quote: Optional[str] = None,
        paraphrase: Optional[str] = None,
        date: Optional[_DateLike] = None,
        cue: Optional[str] = None,
        cue_citations: Sequence[_CitationLike] = ...,
        aliases: Sequence[str] = ...,
        external_ids: dict[str, str] = ...,
        attributes: Optional[dict[str, Any]] = None,
        citations: Sequence[_CitationLike] = ...,
    ) -> Node: ...
    def add_place(
        self,
        id: str,
        name: str,
        kind: str,
        *,
        aliases: Sequence[str] = ...,
        external_ids: dict[str, str] = ...,
        attributes: Optional[dict[str, Any]] = None,
        citations: Sequence[_CitationLike] = ...,
    ) -> Node: ...
    def add_source(
        self,
        id: str,
        name: str,
        *,
        date: Optional[_DateLike] = None,
        url: Optional[str] = None,
        text: Optional[str] = None,
        aliases: Sequence[str] = ...,
        external_ids: dict[str, str] = ...,
        attributes: Optional[dict[str, Any]] = None,
        citations: Sequence[_CitationLike] = ...,
    ) -> Node: ...
    def relate(
        self,
        from_: str,
        kind: str,
        to: str,
        *,
        start: Optional[_DateLike] = None,
        end: Optional[_DateLike] = None,
        attested: Optional[Union[_DateLike, Sequence[_DateLike]]] = None,
        title: Optional[str] = None,
        on_behalf_of: Optional[str] = None,
        position: Optional[int] = None,
        chain: Optional[int] = None,
        share: Optional[float] = None,
        amount: Optional[str] = None,
        relation: Optional[str] = None,
        role: Optional[str] = None,
        acting_for: Optional[str] = None,
        attributes: Optional[dict[str, Any]] = None,
        citations: Sequence[_CitationLike] = ...,
        place: Optional[str] = None,
    ) -> Edge: ...
    def validate(self) -> list[Any]: ...
    def warnings(self) -> list[Any]: ...
    def save(self, path: Union[str, os.PathLike[str]], format: Optional[str] = None) -> None: ...
    @overload
    def dumps(self, format: Literal["csv"]) -> dict[str, str]: ...  # type: ignore[overload-overlap]
    @overload
    def dumps(self, format: str = "json") -> str: ...
    def node(self, name: str) -> Node: ...
    def country_of(self, place: _NodeLike) -> Optional[Node]: ...
    # networkx habits: views, one-hop questions, degrees (grouped: py-habits).
    @property
    def nodes(self) -> NodeView: ...
    @property
    def edges(self) -> EdgeView: ...
    @property
    def degree(self) -> DegreeView: ...
    def _nodes(self, kind: Optional[str] = None) -> list[Node]: ...
    def _node_ids(self, kind: Optional[str] = None) -> list[str]: ...
    def _node_by_id(self, id: str) -> Optional[Node]: ...
    def _edges(self, kind: Optional[str] = None, as_of: Optional[_DateLike] = None) -> list[Edge]: ...
    def _edge_ends(
        self, kind: Optional[str] = None, as_of: Optional[_DateLike] = None
    ) -> list[tuple[str, str]]: ...
    def successors(
        self, node: _NodeLike, *, kind: Optional[str] = None, as_of: Optional[_DateLike] = None
    ) -> list[str]: ...
    def predecessors(
        self, node: _NodeLike, *, kind: Optional[str] = None, as_of: Optional[_DateLike] = None
    ) -> list[str]: ...
    def neighbors(
        self, node: _NodeLike, *, kind: Optional[str] = None, as_of: Optional[_DateLike] = None
    ) -> list[str]: ...
    def out_edges(
        self, node: _NodeLike, *, kind: Optional[str] = None, as_of: Optional[_DateLike] = None
    ) -> list[Edge]: ...
    def in_edges(
        self, node: _NodeLike, *, kind: Optional[str] = None, as_of: Optional[_DateLike] = None
    ) -> list[Edge]: ...
    def _degree(
        self, node: _NodeLike, kind: Optional[str] = None, as_of: Optional[_DateLike] = None
    ) -> int: ...
    def _degrees(
        self, kind: Optional[str] = None, as_of: Optional[_DateLike] = None
    ) -> list[tuple[str, int]]: ...
    def profile(
        self, node: _NodeLike, *, as_of: Optional[_DateLike] = None, certain: bool = False
    ) -> NodeProfile: ...
    def search(self, text: str, kind: Optional[str] = None) -> list[Node]: ...
    def as_of(self, date: _DateLike) -> AsOf: ...
    def agreements(
        self,
        *,
        between: Optional[tuple[_NodeLike, _NodeLike]] = None,
        as_of: Optional[_DateLike] = None,
        certain: bool = False,
    ) -> Results: ...
    def path(
        self,
        a: _NodeLike,
        b: _NodeLike,
        *,
        via: Union[str, Sequence[str]] = ...,
        as_of: Optional[_DateLike] = None,
        k: int = 1,
        max_hops: int = 6,
        certain: bool = False,
    ) -> Results: ...
    def office_holders(
        self,
        office: str,
        *,
        as_of: Optional[_DateLike] = None,
        certain: bool = False,
        within: Optional[_NodeLike] = None,
        on: Optional[_DateLike] = None,
    ) -> Results: ...
    def parties(
        self, agreement: _NodeLike, *, as_of: Optional[_DateLike] = None, certain: bool = False
    ) -> Results: ...
    def attendees(self, event: _NodeLike) -> Results: ...
    def signatories(self, agreement: _NodeLike) -> Results: ...
    def statement(self, statement: _NodeLike) -> Record: ...
    def stats(self) -> Record: ...
    def statements(
        self,
        *,
        by: Optional[_NodeLike] = None,
        about: Optional[_NodeLike] = None,
        via: Optional[_NodeLike] = None,
        disputed: bool = False,
    ) -> Results: ...
    def timeline(
        self,
        *,
        start: Optional[_DateLike] = None,
        end: Optional[_DateLike] = None,
        around: Optional[_NodeLike] = None,
        all_statuses: bool = False,
        kinds: Optional[Sequence[str]] = None,
        statements: bool = False,
        involving: Optional[Sequence[_NodeLike]] = None,
    ) -> Results: ...
    def timeline_svg(
        self,
        *,
        start: Optional[_DateLike] = None,
        end: Optional[_DateLike] = None,
        around: Optional[_NodeLike] = None,
        all_statuses: bool = False,
        kinds: Optional[Sequence[str]] = None,
        statements: bool = False,
        involving: Optional[Sequence[_NodeLike]] = None,
    ) -> str: ...
    def _timeline_view(
        self,
        *,
        start: Optional[_DateLike] = None,
        end: Optional[_DateLike] = None,
        around: Optional[_NodeLike] = None,
        all_statuses: bool = False,
        kinds: Optional[Sequence[str]] = None,
        statements: bool = False,
        involving: Optional[Sequence[_NodeLike]] = None,
    ) -> View: ...
    def view(
        self,
        *,
        around: Optional[_NodeLike] = None,
        depth: int = 1,
        as_of: Optional[_DateLike] = None,
        title: Optional[str] = None,
        max_nodes: Optional[int] = None,
    ) -> View: ...
    def _path_view(
        self,
        a: _NodeLike,
        b: _NodeLike,
        *,
        via: str = "any",
        as_of: Optional[_DateLike] = None,
        k: int = 1,
        max_hops: int = 6,
        certain: bool = False,
    ) -> View: ...
    def neighbourhood(
        self,
        node: _NodeLike,
        *,
        depth: int = 1,
        kinds: Optional[Sequence[str]] = None,
        as_of: Optional[_DateLike] = None,
    ) -> Graph: ...
    # Whole-graph conversions (the exporters' schema; see diplograph._interop).
    def to_networkx(self) -> networkx.MultiDiGraph: ...
    def to_pandas(self) -> Frames: ...
    def to_arrow(self) -> ArrowTables: ...
    def to_polars(self) -> PolarsFrames: ...
    def _tables(self) -> tuple[_Table, _Table]: ...
    def _networkx_rows(
        self,
    ) -> tuple[list[tuple[str, dict[str, _Scalar]]], list[tuple[str, str, dict[str, _Scalar]]]]: ...
    def _repr_html_(self) -> str: ...
    def __len__(self) -> int: ...
    def __iter__(self) -> Iterator[str]: ...
    def __contains__(self, item: object, /) -> bool: ...
    def __getitem__(self, name: str, /) -> Node: ...
    def __getstate__(self) -> str: ...
    def __setstate__(self, state: str) -> None: ...
    def __copy__(self) -> Graph: ...
    def __deepcopy__(self, memo: Any) -> Graph: ...

def example() -> Graph: ...
def load(path: Union[str, os.PathLike[str]], *, limits: Optional[Mapping[str, int]] = None) -> Graph: ...
def loads(
    text: Union[str, bytes, bytearray, memoryview], *, limits: Optional[Mapping[str, int]] = None
) -> Graph: ...
def draft(
    text: str,
    *,
    date: Optional[_DateLike] = None,
    title: Optional[str] = None,
    url: Optional[str] = None,
    publisher: Optional[str] = None,
    into: Optional[Graph] = None,
    source_id: Optional[str] = None,
) -> Graph: ...
def draft_many(
    texts: Sequence[str],
    *,
    date: Optional[_DateLike] = None,
    url: Optional[str] = None,
    publisher: Optional[str] = None,
    into: Optional[Graph] = None,
    source_ids: Optional[Sequence[str]] = None,
) -> Graph: ...
def merge(
    *graphs: Graph,
    strict: bool = False,
    labels: Optional[Sequence[str]] = None,
    title: Optional[str] = None,
) -> Graph: ...
