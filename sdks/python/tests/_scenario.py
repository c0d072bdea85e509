# Copyright 2026 The open-vcluster-api Authors
# SPDX-License-Identifier: Apache-2.0
"""The conformance/ scenario format (conformance/README.md) with no I/O:
loading and checking a file, ${variables}, dotted paths and subset matching.
test_conformance.py runs the steps through the client."""

from __future__ import annotations

import re
import uuid
from pathlib import Path
from typing import Any

import yaml

SCENARIOS = Path(__file__).resolve().parents[3] / "conformance" / "scenarios"

_SCENARIO_KEYS = {"name", "description", "steps"}
_ACTIONS = {"call", "wait", "list", "watch"}
_STEP_KEYS = {"call": {"request"}, "wait": set(), "list": {"request"}, "watch": {"request", "events"}}
_COMMON_KEYS = {"expect", "save"}
_EXPECT_KEYS = {"response", "items", "events", "code", "message", "violations", "absent"}
# A wait's result is the Operation JSON: its fields are matched by name.
_WAIT_FIELDS = {"response", "metadata", "done", "name"}
_VARIABLE = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")


class ScenarioError(AssertionError):
    """The scenario file is malformed or uses something this runner does not know."""


def scenario_files() -> list[Path]:
    return sorted(SCENARIOS.glob("*.yaml"))


class _Yaml12Loader(yaml.SafeLoader):
    """PyYAML speaks YAML 1.1, where `off`, `on`, `yes` and `no` are booleans;
    the scenarios are YAML 1.2 (as the TypeScript and Go runners read them),
    where only true and false are."""


_BOOL = "tag:yaml.org,2002:bool"
_Yaml12Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != _BOOL]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Yaml12Loader.add_implicit_resolver(_BOOL, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))


def load(path: Path) -> dict[str, Any]:
    scenario = yaml.load(path.read_text(encoding="utf-8"), Loader=_Yaml12Loader)
    if not isinstance(scenario, dict):
        raise ScenarioError(f"{path.name}: not a mapping")
    unknown = set(scenario) - _SCENARIO_KEYS
    if unknown:
        raise ScenarioError(f"{path.name}: unknown keys {sorted(unknown)}")
    if scenario.get("name") != path.stem:
        raise ScenarioError(f"{path.name}: name {scenario.get('name')!r} is not the file name")
    steps = scenario.get("steps")
    if not isinstance(steps, list) or not steps:
        raise ScenarioError(f"{path.name}: no steps")
    for index, step in enumerate(steps):
        action = step_action(step, f"{path.name} step {index + 1}")
        unknown = set(step) - {action} - _STEP_KEYS[action] - _COMMON_KEYS
        if unknown:
            raise ScenarioError(f"{path.name} step {index + 1}: unknown keys {sorted(unknown)} for {action}")
        unknown = set(step.get("expect") or {}) - _EXPECT_KEYS - (_WAIT_FIELDS if action == "wait" else set())
        if unknown:
            raise ScenarioError(f"{path.name} step {index + 1}: unknown expect keys {sorted(unknown)}")
    return scenario


def step_action(step: Any, where: str) -> str:
    if not isinstance(step, dict):
        raise ScenarioError(f"{where}: not a mapping")
    actions = _ACTIONS & set(step)
    if len(actions) != 1:
        raise ScenarioError(f"{where}: needs exactly one of {sorted(_ACTIONS)}, has {sorted(step)}")
    return actions.pop()


def substitute(value: Any, variables: dict[str, str]) -> Any:
    """Replaces ${name} in every string; ${uuid} is fresh each time; an unset
    variable is an error."""
    if isinstance(value, str):

        def one(match: re.Match[str]) -> str:
            name = match[1]
            if name == "uuid":
                return str(uuid.uuid4())
            if name not in variables:
                raise ScenarioError(f"variable ${{{name}}} is not set")
            return variables[name]

        return _VARIABLE.sub(one, value)
    if isinstance(value, list):
        return [substitute(v, variables) for v in value]
    if isinstance(value, dict):
        return {k: substitute(v, variables) for k, v in value.items()}
    return value


_MISSING = object()


def lookup(value: Any, path: str) -> Any:
    """The value at a dotted path (list indexes are numbers), or _MISSING."""
    for part in str(path).split("."):
        if isinstance(value, dict) and part in value:
            value = value[part]
        elif isinstance(value, list) and part.isdigit() and int(part) < len(value):
            value = value[int(part)]
        else:
            return _MISSING
    return value


def is_set(value: Any, path: str) -> bool:
    return lookup(value, path) is not _MISSING


def saved(value: Any, path: str) -> str:
    found = lookup(value, path)
    if found is _MISSING:
        raise AssertionError(f"save: {path} is not set in {value!r}")
    return found if isinstance(found, str) else str(found)


def mismatch(expected: Any, actual: Any, where: str = "") -> str | None:
    """Why ``actual`` (proto JSON) does not contain ``expected``, or None."""
    if isinstance(expected, dict):
        if not isinstance(actual, dict):
            return f"{where or '.'}: expected an object, got {actual!r}"
        for key, value in expected.items():
            if key not in actual:
                return f"{where}.{key}: missing (have {sorted(actual)})"
            why = mismatch(value, actual[key], f"{where}.{key}")
            if why:
                return why
        return None
    if isinstance(expected, list):
        if not isinstance(actual, list) or len(actual) != len(expected):
            return f"{where}: expected {len(expected)} elements, got {actual!r}"
        for index, (e, a) in enumerate(zip(expected, actual)):
            why = mismatch(e, a, f"{where}.{index}")
            if why:
                return why
        return None
    # YAML reads 3600 and true as numbers and booleans; the JSON mapping
    # writes 64-bit integers as strings: compare the text of scalars.
    if expected != actual and _text(expected) != _text(actual):
        return f"{where}: expected {expected!r}, got {actual!r}"
    return None


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def expected_of(action: str, expect: dict[str, Any]) -> dict[str, Any] | None:
    """What the step's result must contain: a wait's Operation fields, or the
    ``response``/``items``/``events`` of the other steps (None: nothing)."""
    if action == "wait":
        fields = {k: v for k, v in expect.items() if k in _WAIT_FIELDS}
        return fields or None
    key = {"call": "response", "list": "items", "watch": "events"}[action]
    return {key: expect[key]} if key in expect else None
