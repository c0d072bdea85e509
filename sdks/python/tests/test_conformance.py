# Copyright 2026 The open-vcluster-api Authors
# SPDX-License-Identifier: Apache-2.0
"""The shared scenarios of conformance/ (format: conformance/README.md), every
one through open_vcluster.Client, against ovc-mock and against ovc-server
(its simulated driver). A scenario that cannot be parsed or uses an unknown
step fails; test_every_scenario_ran fails when one was not run."""

from __future__ import annotations

import os
import queue
import re
import shutil
import subprocess
import threading
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from google.protobuf import descriptor_pool, json_format, message_factory
from google.protobuf.message import Message

import open_vcluster as ovc
from open_vcluster.testing import MockServer

import _scenario
from _scenario import ScenarioError

REPO = Path(__file__).resolve().parents[3]
OVC_SERVER_JS = REPO / "packages" / "server" / "dist" / "esm" / "bin" / "ovc-server.js"
SERVER_LISTENING = re.compile(r"^ovc-server listening on (\S+)")

FILES = _scenario.scenario_files()
ran: set[tuple[str, str]] = set()

# connectrpc spells CANCELLED with one L; the scenarios use google.rpc's names.
_CODE_NAMES = {"CANCELED": "CANCELLED"}


@pytest.fixture(scope="module")
def ovc_server() -> Iterator[str]:
    """ovc-server on a free port, simulated driver (this repository's build)."""
    node = shutil.which("node")
    if node is None or not OVC_SERVER_JS.is_file():
        pytest.fail("ovc-server cannot run: build it (pnpm turbo run build --filter=@open-vcluster/server...), put node on PATH")
    process = subprocess.Popen(
        [node, str(OVC_SERVER_JS), "--host", "127.0.0.1", "--port", "0"],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env={**os.environ, "OVC_LOG_LEVEL": os.environ.get("OVC_LOG_LEVEL", "error")},
    )
    try:
        stdout = process.stdout
        assert stdout is not None
        # The first line, read in a thread so a silent server fails in 30 s
        # instead of hanging the session; the rest is drained the same way.
        lines: queue.Queue[str] = queue.Queue()

        def drain() -> None:
            for text in stdout:
                lines.put(text)

        threading.Thread(target=drain, daemon=True).start()
        try:
            line = lines.get(timeout=30)
        except queue.Empty:
            pytest.fail("ovc-server printed no listening line within 30 s")
        match = SERVER_LISTENING.match(line)
        if not match:
            pytest.fail(f"ovc-server printed {line!r} instead of its listening line")
        yield match[1]
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture(params=["ovc-mock", "ovc-server"])
def endpoint(request: pytest.FixtureRequest) -> str:
    if request.param == "ovc-mock":
        server: MockServer = request.getfixturevalue("ovc_mock_server")
        return server.url
    url: str = request.getfixturevalue("ovc_server")
    return url


def method_of(qualified: str) -> tuple[str, type[Message]]:
    """``VClusterService.CreateVCluster`` -> (``create_vcluster``, its request class)."""
    service_name, _, rpc = qualified.partition(".")
    try:
        service = descriptor_pool.Default().FindServiceByName(f"openvcluster.v1.{service_name}")
        method = service.methods_by_name[rpc]
    except KeyError:
        raise ScenarioError(f"unknown RPC {qualified}") from None
    # The SDK's names: VCluster is one word (create_vcluster, list_vclusters).
    snake = re.sub(r"(?<!^)(?=[A-Z])", "_", rpc.replace("VCluster", "Vcluster")).lower()
    return snake, message_factory.GetMessageClass(method.input_type)


def to_json(value: Any) -> Any:
    if isinstance(value, (ovc.Operation, ovc.AsyncOperation)):
        value = value.operation
    if value is None:
        return {}
    if isinstance(value, Message):
        return json_format.MessageToDict(value)
    return [to_json(v) for v in value]


def request_of(cls: type[Message], fields: Any) -> Message:
    # The proto JSON mapping, FieldMask paths included (lowerCamelCase).
    message = cls()
    json_format.ParseDict(fields or {}, message)
    return message


def perform(client: ovc.Client, step: dict[str, Any], action: str) -> Any:
    """Runs one step through the client; returns what save/absent/expect see."""
    if action == "wait":
        operation = client.operation(step["wait"])
        operation.result(timeout=60)  # raises the typed error of a failed operation
        return to_json(operation.operation)
    method, cls = method_of(step[action])
    request = request_of(cls, step.get("request"))
    call = getattr(client, method)
    if action == "call":
        result = call(request)
        if isinstance(result, (ovc.Pager,)):
            result = next(iter(result.pages()))  # a List RPC called once: its first page
        return to_json(result)
    if action == "list":
        pager = call(request)
        if not isinstance(pager, ovc.Pager):
            raise ScenarioError(f"list: {step['list']} is not a List RPC")
        return to_json(list(pager))
    count = step.get("events")
    if not isinstance(count, int) or count < 1:
        raise ScenarioError("watch: needs events: <number>")
    events = call(request, timeout=30)
    try:
        return to_json([next(events) for _ in range(count)])
    finally:
        events.close()


def check(step: dict[str, Any], action: str, outcome: Any, error: ovc.OpenVClusterError | None) -> None:
    expect = step.get("expect") or {}
    code = expect.get("code", "OK")
    if error is not None:
        actual = _CODE_NAMES.get(error.code.name, error.code.name)
        if code == "OK":
            raise AssertionError(f"{action} {step[action]} failed: {error}") from error
        assert actual == code, f"expected {code}, got {actual}: {error.message}"
        assert str(expect.get("message", "")) in error.message, f"message {error.message!r}"
        violations = {(v.field, v.rule) for v in error.violations}
        for wanted in expect.get("violations") or []:
            # `rule` is optional in the format: then any rule on the field matches.
            found = {field for field, rule in violations if rule == wanted.get("rule", rule)}
            assert wanted["field"] in found, f"violation {wanted} not in {sorted(violations)}"
        return
    assert code == "OK", f"expected {code}, but {action} {step[action]} succeeded with {outcome}"
    expected = _scenario.expected_of(action, expect)
    if expected is not None:
        # A wait matches the Operation's fields; the others wrap the result in
        # the key that names it, so one mismatch path reads the same.
        result = outcome if action == "wait" else {next(iter(expected)): outcome}
        why = _scenario.mismatch(expected, result)
        assert why is None, f"mismatch at {why}"
    for path in expect.get("absent") or []:
        assert not _scenario.is_set(outcome, str(path)), f"{path} is set: {outcome}"


def run(path: Path, client: ovc.Client) -> None:
    scenario = _scenario.load(path)
    project_id = f"c-{uuid.uuid4().hex[:12]}"
    client.create_project(ovc.CreateProjectRequest(project_id=project_id, project=ovc.Project()))
    variables = {"project": f"projects/{project_id}"}
    for index, raw in enumerate(scenario["steps"]):
        action = _scenario.step_action(raw, f"step {index + 1}")
        step = _scenario.substitute(raw, variables)
        try:
            outcome, error = perform(client, step, action), None
        except ovc.OpenVClusterError as err:
            outcome, error = None, err
        try:
            check(step, action, outcome, error)
            for var, where in (step.get("save") or {}).items():
                variables[var] = _scenario.saved(outcome, str(where))
        except AssertionError as err:
            raise AssertionError(f"{path.name} step {index + 1} ({action} {step[action]}): {err}") from None


@pytest.mark.parametrize("path", FILES, ids=[f.stem for f in FILES])
def test_scenario(path: Path, endpoint: str, request: pytest.FixtureRequest) -> None:
    server = request.node.callspec.params["endpoint"]
    ran.add((path.stem, server))
    with ovc.Client(endpoint) as client:
        run(path, client)


def test_every_scenario_ran() -> None:
    """Runs after the scenarios (definition order): none was left out."""
    assert len(FILES) >= 40, f"only {len(FILES)} scenarios in {_scenario.SCENARIOS}"
    expected = {(f.stem, server) for f in FILES for server in ("ovc-mock", "ovc-server")}
    assert ran == expected, f"not run: {sorted(expected - ran)}"
