"""Runs the examples in the docstrings of the package, native classes included."""

from __future__ import annotations

import datetime
import doctest
import inspect

import pytest

import diplograph
from diplograph import _display, _errors, _interop, _native, _options, _profile, _results, _views


def _tests():
    finder = doctest.DocTestFinder(exclude_empty=True)
    globs = {name: getattr(diplograph, name) for name in diplograph.__all__}
    globs.update(diplograph=diplograph, datetime=datetime)
    found = []
    seen = set()
    for module in (diplograph, _errors, _interop, _results, _display, _options, _profile, _views):
        for t in finder.find(module, module.__name__, globs=dict(globs)):
            found.append(t)
            seen.add(t.name)
    # Native classes and functions: module=False skips the "defined in this module" check.
    for name in _native.__all__:
        obj = getattr(_native, name)
        if inspect.isclass(obj) or callable(obj):
            for t in finder.find(obj, f"diplograph.{name}", module=False, globs=dict(globs)):
                if t.name not in seen:
                    found.append(t)
                    seen.add(t.name)
    return [t for t in found if t.examples]


TESTS = _tests()


def test_there_are_doctests():
    names = {t.name for t in TESTS}
    for expected in ["diplograph", "diplograph.Graph", "diplograph.PartialDate", "diplograph.example", "diplograph._interop.to_pandas"]:
        assert expected in names, sorted(names)


@pytest.mark.parametrize("test", TESTS, ids=[t.name for t in TESTS])
def test_doctest(test):
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    result = runner.run(test, out=lambda s: print(s, end=""))
    assert result.failed == 0
