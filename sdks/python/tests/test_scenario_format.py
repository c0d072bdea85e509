# Copyright 2026 The open-vcluster-api Authors
# SPDX-License-Identifier: Apache-2.0
"""The conformance runner's own rules (no server): a malformed scenario, an
unknown step or key and an unset variable fail; matching is a subset match."""

from __future__ import annotations

from pathlib import Path

import pytest

import _scenario
from _scenario import ScenarioError


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / f"{name}.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ("name: s\nsteps:\n  - sleep: 1\n", "needs exactly one of"),
        ("name: s\nsteps:\n  - call: A.B\n    wait: x\n", "needs exactly one of"),
        ("name: s\nsteps:\n  - call: A.B\n    retries: 3\n", "unknown keys"),
        ("name: s\nsteps:\n  - call: A.B\n    expect: { status: 1 }\n", "unknown expect keys"),
        ("name: s\nsteps: []\n", "no steps"),
        ("name: other\nsteps:\n  - wait: x\n", "not the file name"),
        ("name: s\nowner: me\nsteps:\n  - wait: x\n", "unknown keys"),
    ],
)
def test_a_bad_scenario_fails(tmp_path: Path, text: str, error: str) -> None:
    with pytest.raises(ScenarioError, match=error):
        _scenario.load(write(tmp_path, "s", text))


def test_yaml_1_2_scalars(tmp_path: Path) -> None:
    scenario = _scenario.load(write(tmp_path, "s", "name: s\nsteps:\n  - call: A.B\n    request: { id: off, on: true }\n"))
    assert scenario["steps"][0]["request"] == {"id": "off", "on": True}


def test_variables() -> None:
    assert _scenario.substitute({"a": ["${p}/x"]}, {"p": "projects/q"}) == {"a": ["projects/q/x"]}
    first, second = _scenario.substitute(["${uuid}", "${uuid}"], {})
    assert first != second
    with pytest.raises(ScenarioError, match=r"\$\{nope\} is not set"):
        _scenario.substitute("${nope}", {})


def test_subset_matching() -> None:
    actual = {"a": {"b": "5", "c": [1, 2]}, "d": True}
    assert _scenario.mismatch({"a": {"b": 5}}, actual) is None
    assert _scenario.mismatch({"a": {"c": [1, 2]}, "d": True}, actual) is None
    assert _scenario.mismatch({"a": {"c": [1]}}, actual) is not None  # same length
    assert _scenario.mismatch({"e": 1}, actual) is not None
    assert _scenario.saved(actual, "a.c.1") == "2"
    assert not _scenario.is_set(actual, "a.x")
    with pytest.raises(AssertionError, match="not set"):
        _scenario.saved(actual, "a.x")
