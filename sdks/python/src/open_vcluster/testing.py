# Copyright 2026 The open-vcluster-api Authors
# SPDX-License-Identifier: Apache-2.0
"""Run ovc-mock, the open-vcluster-api mock server, from Python tests.

ovc-mock is a Node.js program (npm package ``@open-vcluster/mock-server``)
that serves the real API with an instant in-memory driver and a control API,
``openvcluster.mock.v1.MockControlService``. This module starts it as a
subprocess and stops it again:

.. code-block:: python

    from open_vcluster.testing import run_mock_server

    import open_vcluster as ovc

    with run_mock_server() as server, ovc.Client(server.url) as client:
        client.create_vcluster_and_wait(
            ovc.CreateVClusterRequest(parent="projects/demo", vcluster_id="dev", vcluster=ovc.VCluster())
        )
        server.reset()  # MockControlService.Reset

With pytest, load the fixtures with ``pytest_plugins = ["open_vcluster.testing"]``
(in your top-level ``conftest.py``):

- ``ovc_mock_server`` (session): one ovc-mock process for the whole session;
- ``ovc_mock`` (function): the same server, reset before each test;
- ``ovc_client`` (function): an :class:`open_vcluster.Client` bound to ``ovc_mock``;
- ``ovc_mock_command`` (session): the command that runs ovc-mock, from
  :func:`find_ovc_mock`; override it to point elsewhere. When ovc-mock cannot
  be found, tests using the fixtures are skipped, or fail when the ``CI``
  environment variable is set.

The fixtures are defined only when pytest is installed; the rest of the module
needs nothing beyond the SDK. (PYTEST_DONT_REWRITE: this module is a library
as much as a plugin and is often imported before pytest loads it as one, so
pytest is told not to rewrite its asserts rather than warn that it cannot.)
"""

from __future__ import annotations

import atexit
import collections
import contextlib
import importlib.util
import os
import queue
import shutil
import subprocess
import threading
import time
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import IO

from ._client import Client
from .gen.openvcluster.mock.v1 import mock_control_connect, mock_control_pb2

__all__ = [
    "LISTENING_PREFIX",
    "MockServer",
    "MockServerError",
    "MockServerNotFoundError",
    "find_ovc_mock",
    "run_mock_server",
    "start_mock_server",
]

#: The one line ovc-mock prints on stdout once it accepts connections,
#: followed by its base URL.
LISTENING_PREFIX = "ovc-mock listening on "

_SCRIPT_SUFFIXES = (".js", ".mjs", ".cjs")
_STDERR_TAIL_LINES = 50


class MockServerError(RuntimeError):
    """ovc-mock did not start (it exited, printed something unexpected or took
    too long); the message carries the end of its stderr."""


class MockServerNotFoundError(FileNotFoundError):
    """ovc-mock, or the ``node`` needed to run its script, is not installed."""


def find_ovc_mock(path: str | os.PathLike[str] | None = None) -> list[str]:
    """Returns the command that runs ovc-mock, e.g. ``["/usr/bin/node", ".../ovc-mock.js"]``.

    ``path`` is ovc-mock's executable or its ``ovc-mock.js`` script. Without
    it, the first of these is used:

    1. the ``OVC_MOCK`` environment variable (an executable or a script);
    2. ``ovc-mock`` on ``PATH`` (``npm install --global @open-vcluster/mock-server``);
    3. ``node_modules/.bin/ovc-mock`` in the working directory or one of its
       parents (``npm install --save-dev @open-vcluster/mock-server``).

    A script (``.js``, ``.mjs``, ``.cjs``, or a ``#!...node`` file; links such
    as ``node_modules/.bin/ovc-mock`` are followed) is run with the ``node``
    named by the ``OVC_NODE`` environment variable, or ``node`` from ``PATH``.

    Raises:
        MockServerNotFoundError: ovc-mock or node cannot be found.
    """
    if path is None:
        path = os.environ.get("OVC_MOCK") or shutil.which("ovc-mock") or _find_in_node_modules()
        if path is None:
            raise MockServerNotFoundError(
                "ovc-mock not found: set OVC_MOCK to its executable or ovc-mock.js, put it on PATH, or "
                "install @open-vcluster/mock-server into node_modules (npm install --save-dev "
                "@open-vcluster/mock-server)"
            )
    target = Path(path)
    if not target.is_file():
        raise MockServerNotFoundError(f"ovc-mock not found: {target} does not exist")
    # npm's node_modules/.bin/ovc-mock (and a global install's) is a link to
    # the script, whose `#!/usr/bin/env node` fails with status 127 when node
    # is not on PATH: run the script itself with OVC_NODE or node instead.
    script = target.resolve()
    if not _is_node_script(script):
        return [str(target)]
    node = os.environ.get("OVC_NODE") or shutil.which("node")
    if node is None:
        raise MockServerNotFoundError(
            f"node not found on PATH (set OVC_NODE to the node executable): it is needed to run {script}"
        )
    return [node, str(script)]


def _is_node_script(path: Path) -> bool:
    if path.suffix in _SCRIPT_SUFFIXES:
        return True
    with path.open("rb") as file:
        first = file.readline(256)
    return first.startswith(b"#!") and b"node" in first


def _find_in_node_modules() -> str | None:
    here = Path.cwd().resolve()
    for directory in (here, *here.parents):
        for name in ("ovc-mock", "ovc-mock.cmd"):
            candidate = directory / "node_modules" / ".bin" / name
            if candidate.is_file():
                return str(candidate)
    return None


class MockServer:
    """A running ovc-mock process. Create it with :func:`run_mock_server` (or
    :func:`start_mock_server`, then call :meth:`stop`)."""

    def __init__(self, url: str, process: subprocess.Popen[str], stderr: _Tail) -> None:
        self._url = url
        self._process = process
        self._stderr = stderr
        self._control: mock_control_connect.MockControlServiceClientSync | None = None
        self._lock = threading.Lock()

    @property
    def url(self) -> str:
        """The base URL of every service, e.g. ``http://127.0.0.1:41234``."""
        return self._url

    @property
    def pid(self) -> int:
        """The process id of ovc-mock."""
        return self._process.pid

    @property
    def running(self) -> bool:
        """Whether the process is still alive."""
        return self._process.poll() is None

    @property
    def returncode(self) -> int | None:
        """The exit status once stopped (``None`` while running)."""
        return self._process.poll()

    @property
    def control(self) -> mock_control_connect.MockControlServiceClientSync:
        """A synchronous MockControlService client for this server, closed by :meth:`stop`.

        For asyncio code, create ``MockControlServiceClient(server.url)``
        (module ``open_vcluster.gen.openvcluster.mock.v1.mock_control_connect``).
        """
        with self._lock:
            if self._control is None:
                self._control = mock_control_connect.MockControlServiceClientSync(self._url)
            return self._control

    def reset(self) -> None:
        """MockControlService.Reset: forgets every resource, operation, fault,
        step failure and recorded request, restores the start-up latency and
        seed, and unfreezes the clock."""
        self.control.reset(mock_control_pb2.ResetRequest())

    def stderr(self) -> str:
        """The last lines ovc-mock wrote to stderr."""
        return self._stderr.text()

    def stop(self, timeout: float = 10.0) -> int:
        """Stops ovc-mock: SIGTERM, then SIGKILL after ``timeout`` seconds.

        Returns its exit status: 0 after a clean stop, ``-SIGTERM`` when the
        signal landed before ovc-mock installed its handler (right after its
        listening line), ``-SIGKILL`` when it had to be killed. Calling it
        again does nothing more."""
        with self._lock:
            control, self._control = self._control, None
        if control is not None:
            control.close()
        code = _terminate(self._process, timeout)
        _running.discard(self)
        return code

    def __repr__(self) -> str:
        state = "running" if self.running else f"exited {self.returncode}"
        return f"<MockServer {self._url} pid={self.pid} {state}>"


def start_mock_server(
    *,
    command: Sequence[str | os.PathLike[str]] | None = None,
    host: str = "127.0.0.1",
    port: int = 0,
    latency_ms: float = 0,
    seed: str | os.PathLike[str] | None = None,
    startup_timeout: float = 30.0,
    env: Mapping[str, str] | None = None,
) -> MockServer:
    """Starts ovc-mock and returns once it accepts connections. Call
    :meth:`MockServer.stop` when done, or use :func:`run_mock_server`.

    Args:
        command: How to run ovc-mock; default :func:`find_ovc_mock`. The flags
            below are appended to it.
        host: ``--host``, the interface to listen on.
        port: ``--port``; 0 picks a free port (see :attr:`MockServer.url`).
        latency_ms: ``--latency``, how long each driver transition takes (0: instant).
        seed: ``--seed``, a JSON or YAML ``openvcluster.mock.v1.SeedFile`` to
            start with (and to return to on Reset).
        startup_timeout: Seconds to wait for the ``ovc-mock listening on`` line.
        env: Extra environment variables for the process.

    Raises:
        MockServerNotFoundError: ovc-mock or node cannot be found.
        MockServerError: ovc-mock did not start.
    """
    argv = [os.fspath(part) for part in command] if command is not None else find_ovc_mock()
    argv += ["--host", host, "--port", str(port)]
    if latency_ms:
        argv += ["--latency", f"{latency_ms:g}"]
    if seed is not None:
        argv += ["--seed", os.fspath(seed)]
    try:
        process = subprocess.Popen(
            argv,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            errors="replace",
            env={**os.environ, **env} if env else None,
        )
    except OSError as err:
        raise MockServerNotFoundError(f"cannot run {argv[0]}: {err}") from err
    assert process.stdout is not None and process.stderr is not None
    lines: queue.Queue[str | None] = queue.Queue()
    stderr = _Tail(process.stderr)
    threading.Thread(target=_read_stdout, args=(process.stdout, lines), name="ovc-mock stdout", daemon=True).start()

    def fail(reason: str) -> MockServerError:
        code = _terminate(process, 5.0)
        stderr.join(2.0)
        tail = stderr.text().strip()
        details = f" (exit status {code})" + (f"; stderr:\n{tail}" if tail else "; no stderr")
        return MockServerError(f"ovc-mock ({' '.join(argv)}) {reason}{details}")

    deadline = time.monotonic() + startup_timeout
    try:
        line = lines.get(timeout=max(0.0, deadline - time.monotonic()))
    except queue.Empty:
        raise fail(f"printed no {LISTENING_PREFIX.strip()!r} line within {startup_timeout:g}s") from None
    except BaseException:
        _terminate(process, 5.0)
        raise
    if line is None:
        raise fail("exited before listening")
    line = line.rstrip("\r\n")
    if not line.startswith(LISTENING_PREFIX):
        raise fail(f"printed {line!r} instead of {LISTENING_PREFIX!r}<url>")
    server = MockServer(line[len(LISTENING_PREFIX) :], process, stderr)
    _running.add(server)
    return server


@contextlib.contextmanager
def run_mock_server(
    *,
    command: Sequence[str | os.PathLike[str]] | None = None,
    host: str = "127.0.0.1",
    port: int = 0,
    latency_ms: float = 0,
    seed: str | os.PathLike[str] | None = None,
    startup_timeout: float = 30.0,
    env: Mapping[str, str] | None = None,
) -> Iterator[MockServer]:
    """Runs ovc-mock for the duration of a ``with`` block and always stops it
    afterwards. The arguments are those of :func:`start_mock_server`.

    .. code-block:: python

        with run_mock_server(latency_ms=50) as server:
            ...  # server.url, server.control, server.reset()
    """
    server = start_mock_server(
        command=command,
        host=host,
        port=port,
        latency_ms=latency_ms,
        seed=seed,
        startup_timeout=startup_timeout,
        env=env,
    )
    try:
        yield server
    finally:
        server.stop()


# --- process plumbing ------------------------------------------------------------


class _Tail:
    """Drains a stream in a thread, keeping its last lines (so the pipe never fills)."""

    def __init__(self, stream: IO[str]) -> None:
        self._lines: collections.deque[str] = collections.deque(maxlen=_STDERR_TAIL_LINES)
        self._thread = threading.Thread(target=self._drain, args=(stream,), name="ovc-mock stderr", daemon=True)
        self._thread.start()

    def _drain(self, stream: IO[str]) -> None:
        with stream:
            for line in stream:
                self._lines.append(line)

    def join(self, timeout: float) -> None:
        self._thread.join(timeout)

    def text(self) -> str:
        return "".join(list(self._lines))


def _read_stdout(stream: IO[str], lines: queue.Queue[str | None]) -> None:
    """Hands over the first line (None at EOF), then drains the rest."""
    with stream:
        first = True
        for line in stream:
            if first:
                lines.put(line)
                first = False
        if first:
            lines.put(None)


def _terminate(process: subprocess.Popen[str], timeout: float) -> int:
    if process.poll() is None:
        process.terminate()
        try:
            return process.wait(timeout)
        except subprocess.TimeoutExpired:
            process.kill()
    return process.wait()


# A safety net for servers never stopped (start_mock_server without stop):
# strong references, so a dropped MockServer still has its process stopped.
_running: set[MockServer] = set()


@atexit.register
def _stop_all() -> None:
    for server in list(_running):
        server.stop(timeout=5.0)


# --- pytest fixtures ---------------------------------------------------------------

if importlib.util.find_spec("pytest") is not None:
    import pytest

    @pytest.fixture(scope="session")
    def ovc_mock_command() -> list[str]:
        """The command that runs ovc-mock (:func:`find_ovc_mock`). Override
        this fixture to run another build. When it cannot be found the test is
        skipped, or fails when the ``CI`` environment variable is set."""
        try:
            return find_ovc_mock()
        except MockServerNotFoundError as err:
            if os.environ.get("CI"):
                pytest.fail(f"{err} (CI is set: not skipping)")
            pytest.skip(str(err))

    @pytest.fixture(scope="session")
    def ovc_mock_server(ovc_mock_command: list[str]) -> Iterator[MockServer]:
        """One ovc-mock process for the whole session, stopped at its end."""
        with run_mock_server(command=ovc_mock_command) as server:
            yield server

    @pytest.fixture
    def ovc_mock(ovc_mock_server: MockServer) -> MockServer:
        """The session's ovc-mock, reset (MockControlService.Reset) before the test."""
        ovc_mock_server.reset()
        return ovc_mock_server

    @pytest.fixture
    def ovc_client(ovc_mock: MockServer) -> Iterator[Client]:
        """An :class:`open_vcluster.Client` bound to the reset ovc-mock (no API
        key, retries on), closed after the test."""
        with Client(ovc_mock.url) as client:
            yield client
