"""The exceptions diplograph raises, all under one base, :class:`DiplographError`.

The native module builds these from the core's errors at one point (``errors.rs``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Sequence

__all__ = [
    "AmbiguousName",
    "Candidate",
    "ConcurrentModificationError",
    "DiplographError",
    "FileError",
    "InvalidDate",
    "InvalidQuery",
    "LayoutWarning",
    "MergeConflictWarning",
    "MergeRefinementWarning",
    "NodeNotFound",
    "ParseError",
    "Problem",
    "Suggestion",
    "UnknownName",
    "ValidationError",
]


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input: a stable ``code`` (``duplicate-id``), a ``message``, the
    ``id`` of the node or edge concerned, and where it is (``file``, ``line``, ``column`` and a
    JSON pointer ``path``).

    >>> p = Problem("duplicate-id", "a node with id `KOR` already exists", id="KOR", line=3, column=12, path="/nodes/1/id")
    >>> str(p)
    '<input>:3:12 (/nodes/1/id): error[duplicate-id]: a node with id `KOR` already exists'
    """

    code: str
    message: str
    id: Optional[str] = None
    file: Optional[str] = None
    line: Optional[int] = None
    column: Optional[int] = None
    path: str = ""

    def __str__(self) -> str:
        where = self.file or "<input>"
        if self.line is not None and self.column is not None:
            where += f":{self.line}:{self.column}"
        if self.path:
            where += f" ({self.path})"
        return f"{where}: error[{self.code}]: {self.message}"


@dataclass(frozen=True)
class Candidate:
    """A node an ambiguous name could mean: its ``id``, ``kind`` and ``name``."""

    id: str
    kind: str
    name: str


class DiplographError(Exception):
    """The base of every error diplograph raises."""


class ValidationError(DiplographError):
    """The input (a file, a text, or something being added) has problems; ``problems`` lists
    every one of them, each with its code, message, id and location."""

    problems: list[Problem]

    def __init__(self, message: str, problems: Sequence[Problem] = ()) -> None:
        super().__init__(message)
        self.problems = list(problems)

    def __reduce__(self):  # type: ignore[no-untyped-def]
        return (type(self), (self.args[0], self.problems))


class ParseError(ValidationError):
    """The text is not well-formed JSON (or is truncated, or not UTF-8). ``problems`` holds
    the ``json-syntax`` problem with its line and column."""


@dataclass(frozen=True)
class Suggestion:
    """A node a name that matches nothing may have meant: ``name`` is the node's name, alias,
    id or built-in country name that came close, as written (``"Seoul"``), and ``node`` the
    node it names (``Candidate("KOR", "country", "South Korea")``)."""

    name: str
    node: Candidate


class NodeNotFound(DiplographError, KeyError):
    """No node has this id, name or alias. Also a ``KeyError``, so ``graph[name]`` behaves like
    a mapping.

    ``suggestions`` lists the nodes it may have meant, closest first (at most five; empty when
    no name is close); the message ends with them.

    >>> import diplograph
    >>> g = diplograph.example()
    >>> try:
    ...     g.node("Seol")
    ... except diplograph.NodeNotFound as e:
    ...     print(e)
    ...     print(e.suggestions[0].name, e.suggestions[0].node.id)
    no node is called `Seol`; did you mean Seoul (South Korea, country `KOR`)?
    Seoul KOR
    """

    name: str
    suggestions: list[Suggestion]

    def __init__(self, message: str, name: str = "", suggestions: Sequence[Suggestion] = ()) -> None:
        super().__init__(message)
        self.name = name
        self.suggestions = list(suggestions)

    def __str__(self) -> str:
        return str(self.args[0])

    def __reduce__(self):  # type: ignore[no-untyped-def]
        return (type(self), (self.args[0], self.name, self.suggestions))


class AmbiguousName(DiplographError, LookupError):
    """More than one node answers to this name. Use an id instead.

    ``candidates`` lists the first of them (at most ten, in node order); ``total`` says how many
    nodes answer to the name in all, so ``total > len(candidates)`` means the list is cut.

    >>> import diplograph
    >>> g = diplograph.Graph()
    >>> for i in range(12):
    ...     _ = g.add_person(f"kim-{i}", "Kim")
    >>> try:
    ...     g.node("Kim")
    ... except diplograph.AmbiguousName as e:
    ...     print(e.total, len(e.candidates), e.candidates[0].id)
    12 10 kim-0
    """

    name: str
    candidates: list[Candidate]
    total: int

    def __init__(
        self, message: str, name: str = "", candidates: Sequence[Candidate] = (), total: int | None = None
    ) -> None:
        super().__init__(message)
        self.name = name
        self.candidates = list(candidates)
        self.total = len(self.candidates) if total is None else total

    def __reduce__(self):  # type: ignore[no-untyped-def]
        return (type(self), (self.args[0], self.name, self.candidates, self.total))


class UnknownName(DiplographError, ValueError):
    """A name outside a closed vocabulary (a node, edge, agreement … kind); ``expected`` lists
    the names it knows."""

    what: str
    name: str
    expected: list[str]

    def __init__(self, message: str, what: str = "", name: str = "", expected: Sequence[str] = ()) -> None:
        super().__init__(message)
        self.what = what
        self.name = name
        self.expected = list(expected)

    def __reduce__(self):  # type: ignore[no-untyped-def]
        return (type(self), (self.args[0], self.what, self.name, self.expected))


class InvalidDate(DiplographError, ValueError):
    """A text that is not an EDTF date (``2016-13``, ``2016-02-30``, ``2016-23-01``)."""

    text: str

    def __init__(self, message: str, text: str = "") -> None:
        super().__init__(message)
        self.text = text

    def __reduce__(self):  # type: ignore[no-untyped-def]
        return (type(self), (self.args[0], self.text))


class InvalidQuery(DiplographError, ValueError):
    """A question that cannot be asked, such as a timeline window whose end comes before its
    start (``start="2016-02", end="2016-01"``)."""


class FileError(DiplographError, OSError):
    """Reading or writing a file failed. Also an ``OSError``, with ``errno`` and ``filename``
    when known."""

    message: str

    def __init__(self, message: str, errno: Optional[int] = None, filename: Optional[str] = None) -> None:
        if errno is not None:
            super().__init__(errno, message)
        else:
            super().__init__(message)
        self.message = message
        self.filename = filename

    def __str__(self) -> str:
        return self.message

    def __reduce__(self):  # type: ignore[no-untyped-def]
        return (type(self), (self.message, self.errno, self.filename))


class ConcurrentModificationError(DiplographError, RuntimeError):
    """Python code running *inside* a method of a Graph, on the same thread (a ``__del__``
    finalizer, a trace or warning hook called while the method reads the graph), tried to
    change that graph. Waiting would wait for itself forever, so it raises instead; change the
    graph once the method has returned. Also a ``RuntimeError``.

    Other threads never get this error: a Graph may be read from any number of threads while
    one thread at a time changes it; each call waits (with the GIL released) for the ones it
    conflicts with.
    """


class LayoutWarning(UserWarning):
    """Issued by ``Graph.save`` and ``Graph.dumps`` for an export too large for the tool that
    lays it out: ``dot`` beyond 2000 nodes (slow: 29 s at 2000 nodes, and 10000 did not finish
    in five minutes) and Mermaid beyond 500 edges (its default ``maxEdges``). The export is
    written whole; the message says what to do, such as exporting a part of the graph with
    ``Graph.neighbourhood``."""


def warn_layout(message: str) -> None:
    """Issues a LayoutWarning (called by the native ``save`` and ``dumps``)."""
    import warnings

    warnings.warn(LayoutWarning(message), stacklevel=3)


class MergeConflictWarning(UserWarning):
    """Issued by ``diplograph.merge`` for each thing the merged graphs disagree about (the
    merge keeps a deterministic choice); ``problem`` is the ``merge-conflict`` Problem naming
    every input that holds each value. The warning's text is a warning, not an error:
    ``merge-conflict: `KOR` is named ...``. ``merge(..., strict=True)`` raises
    ``ValidationError`` instead.

    >>> import warnings, diplograph
    >>> a, b = diplograph.Graph(), diplograph.Graph()
    >>> _ = a.add_country("KOR", "South Korea"); _ = b.add_country("KOR", "Korea")
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     _ = diplograph.merge(a, b, labels=["a", "b"])
    >>> str(caught[0].message)
    'merge-conflict: `KOR` is named "Korea" (in b) or "South Korea" (in a); kept "Korea", the others are aliases'
    """

    problem: Problem

    def __init__(self, problem: Problem) -> None:
        super().__init__(f"{problem.code}: {problem.message}")
        self.problem = problem


class MergeRefinementWarning(UserWarning):
    """Issued by ``diplograph.merge`` for each value one input gave more precisely than another
    (a day inside a month, "the Palais des Nations, Geneva" inside "Geneva"): the merge kept
    the finer value and both citations. Not a disagreement, so ``strict=True`` does not raise
    for it; ``problem`` is the ``merge-refinement`` Problem naming the inputs of each value.
    Silence them with ``warnings.simplefilter("ignore", diplograph.MergeRefinementWarning)``.

    >>> import warnings, diplograph
    >>> a, b = diplograph.Graph(), diplograph.Graph()
    >>> _ = a.add_event("talks", "Talks", "meeting", date="2016-06")
    >>> _ = b.add_event("talks", "Talks", "meeting", date="2016-06-04")
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     merged = diplograph.merge(a, b, labels=["a", "b"])
    >>> [type(w.message).__name__ for w in caught], str(merged.node("talks").date)
    (['MergeRefinementWarning'], '2016-06-04')
    """

    problem: Problem

    def __init__(self, problem: Problem) -> None:
        super().__init__(f"{problem.code}: {problem.message}")
        self.problem = problem


def warn_conflicts(problems: Sequence[Problem], refinements: Sequence[Problem] = ()) -> None:
    """Issues one MergeConflictWarning per conflict and one MergeRefinementWarning per
    refinement (called by the native ``merge``)."""
    import warnings

    for p in problems:
        warnings.warn(MergeConflictWarning(p), stacklevel=3)
    for p in refinements:
        warnings.warn(MergeRefinementWarning(p), stacklevel=3)
