"""diplograph: what the news says about states and their dealings, as a typed, dated, sourced
graph — countries, people, organizations, agreements, events and statements, each fact citing
the sentence it comes from.

>>> import diplograph
>>> g = diplograph.example()
>>> g.node("Seoul")
<Node country KOR 'South Korea'>
>>> [h.link.agreement.id for h in g.path("South Korea", "Japan", via="intelligence", as_of="2016-06-04")[0].hops]
['gsomia-kor-usa', 'gsomia-jpn-usa']

The package is a thin layer over the Rust core (``diplograph._native``): loading, validation,
merging, queries and exports are the core's; this package adds Python conversions, the
exception classes, notebook display and networkx/pandas conversion.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Mapping

from . import _native
from ._errors import (
    AmbiguousName,
    Candidate,
    ConcurrentModificationError,
    DiplographError,
    FileError,
    InvalidDate,
    InvalidQuery,
    LayoutWarning,
    MergeConflictWarning,
    MergeRefinementWarning,
    NodeNotFound,
    ParseError,
    Problem,
    Suggestion,
    UnknownName,
    ValidationError,
)
from ._interop import ArrowTables, Frames, PolarsFrames, to_arrow, to_networkx, to_pandas, to_polars
from ._native import (
    AGREEMENT_KINDS,
    EDGE_KINDS,
    EVENT_KINDS,
    EXPORT_FORMATS,
    LIFECYCLE_STATES,
    NODE_KINDS,
    ORGANIZATION_KINDS,
    PLACE_KINDS,
    STATUSES,
    AsOf,
    Citation,
    Edge,
    Graph,
    LifecycleStep,
    Node,
    PartialDate,
    draft,
    draft_many,
    example,
    load,
    loads,
    merge,
)
from ._options import options
from ._profile import NodeProfile
from ._results import NodeRef, Record, Results
from ._views import DegreeView, EdgeView, NodeView
from ._view import View

__version__: str = _native.__version__

#: The loaders' limits and their defaults, by the names ``load``/``loads`` take in their
#: ``limits=`` keyword (read-only): ``max_file_size`` (bytes), ``max_depth`` (nesting),
#: ``max_string_len``, ``max_source_text_len`` and ``max_id_len`` (bytes of UTF-8),
#: ``max_aliases`` (per node) and ``max_citations`` (per node, edge or lifecycle step).
DEFAULT_LIMITS: Mapping[str, int] = MappingProxyType(dict(_native._DEFAULT_LIMITS))

__all__ = [
    "AGREEMENT_KINDS",
    "DEFAULT_LIMITS",
    "EDGE_KINDS",
    "EVENT_KINDS",
    "EXPORT_FORMATS",
    "LIFECYCLE_STATES",
    "NODE_KINDS",
    "ORGANIZATION_KINDS",
    "PLACE_KINDS",
    "STATUSES",
    "AmbiguousName",
    "ArrowTables",
    "AsOf",
    "Candidate",
    "Citation",
    "ConcurrentModificationError",
    "DegreeView",
    "DiplographError",
    "Edge",
    "EdgeView",
    "FileError",
    "Frames",
    "Graph",
    "InvalidDate",
    "InvalidQuery",
    "LayoutWarning",
    "LifecycleStep",
    "MergeConflictWarning",
    "MergeRefinementWarning",
    "Node",
    "NodeNotFound",
    "NodeProfile",
    "NodeRef",
    "NodeView",
    "ParseError",
    "PartialDate",
    "PolarsFrames",
    "Problem",
    "Record",
    "Results",
    "Suggestion",
    "UnknownName",
    "ValidationError",
    "View",
    "__version__",
    "draft",
    "draft_many",
    "example",
    "load",
    "loads",
    "merge",
    "options",
    "to_arrow",
    "to_networkx",
    "to_pandas",
    "to_polars",
]
