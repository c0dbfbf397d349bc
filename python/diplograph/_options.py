"""Settings of the package, as pandas keeps its own: ``diplograph.options.display``.

>>> import diplograph
>>> diplograph.options.display.max_rows
60
>>> diplograph.options.display.max_rows = 0
Traceback (most recent call last):
  ...
ValueError: options.display.max_rows must be a whole number of at least 1, or None for no limit; got 0
"""

from __future__ import annotations

from typing import Any, Optional

__all__ = ["DisplayOptions", "Options", "options"]


class DisplayOptions:
    """How answers show themselves (``repr`` and notebook HTML), as pandas' ``display.*``.

    ``max_rows`` (default 60): a list of answers longer than this shows only its first and last
    rows, ``min_rows`` of them in all (default 10), with the number of rows and how many are
    left out; ``None`` shows every row. The same limit applies to each table of a profile, the
    sources of a graph's summary and the views ``g.nodes``, ``g.edges`` and ``g.degree``.
    """

    __slots__ = ("_max_rows", "_min_rows")

    def __init__(self) -> None:
        self._max_rows: Optional[int] = 60
        self._min_rows: int = 10

    @property
    def max_rows(self) -> Optional[int]:
        """Lists longer than this are truncated (``None``: never)."""
        return self._max_rows

    @max_rows.setter
    def max_rows(self, value: Optional[int]) -> None:
        self._max_rows = None if value is None else _count("max_rows", value, "or None for no limit")

    @property
    def min_rows(self) -> int:
        """The rows a truncated list shows: its first half and its last half."""
        return self._min_rows

    @min_rows.setter
    def min_rows(self, value: int) -> None:
        self._min_rows = _count("min_rows", value, "")

    def shown(self, total: int) -> tuple[int, int]:
        """How many of ``total`` rows to show from the start and from the end: all of them
        (``(total, 0)``) when they fit."""
        if self._max_rows is None or total <= self._max_rows:
            return total, 0
        keep = min(self._min_rows, self._max_rows)
        head = max(1, (keep + 1) // 2)
        return head, max(0, keep - head)

    def __repr__(self) -> str:
        return f"DisplayOptions(max_rows={self._max_rows!r}, min_rows={self._min_rows!r})"


class Options:
    """Every setting: ``display`` (see :class:`DisplayOptions`)."""

    __slots__ = ("display",)

    def __init__(self) -> None:
        self.display = DisplayOptions()

    def __repr__(self) -> str:
        return f"Options(display={self.display!r})"


def _count(name: str, value: Any, or_else: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        also = f", {or_else}" if or_else else ""
        raise ValueError(f"options.display.{name} must be a whole number of at least 1{also}; got {value!r}")
    return value


#: The package's settings (``diplograph.options.display.max_rows`` …).
options = Options()
