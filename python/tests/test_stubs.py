"""The type stubs (_native.pyi) match the compiled module, checked by mypy's stubtest."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import diplograph


def test_py_typed_is_shipped():
    assert (Path(diplograph.__file__).parent / "py.typed").exists()
    assert (Path(diplograph.__file__).parent / "_native.pyi").exists()


def test_stubtest(root, tmp_path):
    pytest.importorskip("mypy")
    allowlist = root / "python" / "stubtest-allowlist.txt"
    run = subprocess.run(
        [sys.executable, "-m", "mypy.stubtest", "diplograph", "--allowlist", str(allowlist)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stdout + run.stderr
