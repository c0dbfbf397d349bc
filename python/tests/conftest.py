"""Shared fixtures: the built-in example and the merged example (the example plus the
Japan–South Korea GSOMIA of November 2016)."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

import diplograph

ROOT = Path(__file__).resolve().parents[2]
LATER = ROOT / "crates" / "diplograph" / "tests" / "data" / "jpn-kor-gsomia-2016-11.json"


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def g() -> diplograph.Graph:
    return diplograph.example()


@pytest.fixture(scope="session")
def merged() -> diplograph.Graph:
    with warnings.catch_warnings():
        warnings.simplefilter("error", diplograph.MergeConflictWarning)
        return diplograph.merge(diplograph.example(), diplograph.load(LATER))
