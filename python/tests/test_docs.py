"""Runs the ```python code blocks of docs/python.md in order, in one namespace, as a notebook
would."""

from __future__ import annotations

import re


def test_walkthrough_runs(root, tmp_path, monkeypatch):
    text = (root / "docs" / "python.md").read_text(encoding="utf-8")
    blocks = re.findall(r"^```python\n(.*?)^```", text, flags=re.S | re.M)
    assert len(blocks) >= 8
    monkeypatch.chdir(tmp_path)
    namespace: dict = {"__name__": "walkthrough"}
    for i, block in enumerate(blocks):
        try:
            exec(compile(block, f"docs/python.md block {i + 1}", "exec"), namespace)
        except Exception as e:  # noqa: BLE001
            raise AssertionError(f"docs/python.md block {i + 1} failed:\n{block}") from e
