# Copyright 2026 The open-vcluster-api Authors
# SPDX-License-Identifier: Apache-2.0
"""Long-running operations: :class:`Operation` (sync) and
:class:`AsyncOperation` wrap the ``Operation`` a mutation returns and wait for
its typed result. What is not I/O (unpacking, progress, the wait requests) is
shared."""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable
from typing import Generic, TypeVar

from google.protobuf import duration_pb2

from .errors import OperationError
from .gen.openvcluster.v1 import operation_pb2, operation_service_pb2, snapshot_pb2, vcluster_pb2

T = TypeVar("T")

#: Called with the operation's metadata each time it changes while waiting.
ProgressCallback = Callable[[operation_pb2.OperationMetadata], None]

# The longest one WaitOperation call asks the server to block (its own cap is
# 10 minutes; a shorter call survives idle proxies). With a progress callback
# the client asks more often, so the callback sees the steps.
_WAIT_SLICE = 30.0
_PROGRESS_SLICE = 0.5
# Added to the server-side wait for the call's own deadline.
_DEADLINE_MARGIN = 10.0


def _failed_or(op: operation_pb2.Operation) -> operation_pb2.OperationResponse:
    if op.WhichOneof("result") == "error":
        raise OperationError(op)
    return op.response


def unpack_vcluster(op: operation_pb2.Operation) -> vcluster_pb2.VCluster:
    return _failed_or(op).vcluster


def unpack_snapshot(op: operation_pb2.Operation) -> snapshot_pb2.Snapshot:
    return _failed_or(op).snapshot


def unpack_empty(op: operation_pb2.Operation) -> None:
    _failed_or(op)


def unpack_any(op: operation_pb2.Operation) -> vcluster_pb2.VCluster | snapshot_pb2.Snapshot | None:
    """For an operation whose method is not known: the OperationResponse oneof says."""
    response = _failed_or(op)
    kind = response.WhichOneof("resource")
    return None if kind in (None, "empty") else getattr(response, kind)


class _Waiting:
    """The state of one wait: the deadline, the next WaitOperation request and
    which progress the callback has already seen."""

    def __init__(self, name: str, timeout: float | None, on_progress: ProgressCallback | None) -> None:
        self._name = name
        self._deadline = None if timeout is None else time.monotonic() + timeout
        self._on_progress = on_progress
        self._seen: bytes | None = None

    def next_request(self) -> tuple[operation_service_pb2.WaitOperationRequest, float] | None:
        """The request and its call deadline, or None once the timeout has passed."""
        slice_ = _PROGRESS_SLICE if self._on_progress else _WAIT_SLICE
        if self._deadline is not None:
            remaining = self._deadline - time.monotonic()
            if remaining <= 0:
                return None
            slice_ = min(slice_, remaining)
        wait = duration_pb2.Duration()
        wait.FromMilliseconds(int(slice_ * 1000))
        request = operation_service_pb2.WaitOperationRequest(name=self._name, timeout=wait)
        return request, slice_ + _DEADLINE_MARGIN

    def saw(self, op: operation_pb2.Operation) -> None:
        if self._on_progress is None:
            return
        state = op.metadata.SerializeToString(deterministic=True)
        if state != self._seen:
            self._seen = state
            self._on_progress(op.metadata)

    def timed_out(self) -> TimeoutError:
        return TimeoutError(f"operation {self._name} is not done yet")


_Wait = Callable[[operation_service_pb2.WaitOperationRequest, float], operation_pb2.Operation]
_AsyncWait = Callable[[operation_service_pb2.WaitOperationRequest, float], Awaitable[operation_pb2.Operation]]
_Cancel = Callable[[operation_service_pb2.CancelOperationRequest], operation_pb2.Operation]
_AsyncCancel = Callable[[operation_service_pb2.CancelOperationRequest], Awaitable[operation_pb2.Operation]]


class _Base(Generic[T]):
    def __init__(self, operation: operation_pb2.Operation, unpack: Callable[[operation_pb2.Operation], T]) -> None:
        self._operation = operation
        self._unpack = unpack

    @property
    def operation(self) -> operation_pb2.Operation:
        """The latest state the client has seen."""
        return self._operation

    @property
    def name(self) -> str:
        return self._operation.name

    @property
    def done(self) -> bool:
        return self._operation.done

    @property
    def metadata(self) -> operation_pb2.OperationMetadata:
        return self._operation.metadata

    def __repr__(self) -> str:
        state = operation_pb2.OperationState.Name(self.metadata.state)
        return f"<{type(self).__name__} {self.name} {state}>"


class Operation(_Base[T]):
    """A long-running operation (sync). ``result()`` waits for it and returns
    the resource it produced (``VCluster``, ``Snapshot``, or ``None`` for a
    delete), or raises :class:`~open_vcluster.errors.OperationError`."""

    def __init__(
        self,
        operation: operation_pb2.Operation,
        unpack: Callable[[operation_pb2.Operation], T],
        wait: _Wait,
        cancel: _Cancel,
    ) -> None:
        super().__init__(operation, unpack)
        self._wait = wait
        self._cancel = cancel

    def cancel(self) -> operation_pb2.Operation:
        """CancelOperation (best effort: see ``metadata.cancellable``); a
        cancelled operation's ``result()`` raises OperationError (CANCELLED)."""
        self._operation = self._cancel(operation_service_pb2.CancelOperationRequest(name=self.name))
        return self._operation

    def wait(
        self, timeout: float | None = None, on_progress: ProgressCallback | None = None
    ) -> operation_pb2.Operation:
        """Waits until the operation is done and returns its final state (failed
        or not). Raises ``TimeoutError`` after ``timeout`` seconds (None: no limit)."""
        waiting = _Waiting(self.name, timeout, on_progress)
        waiting.saw(self._operation)
        while not self._operation.done:
            step = waiting.next_request()
            if step is None:
                raise waiting.timed_out()
            self._operation = self._wait(*step)
            waiting.saw(self._operation)
        return self._operation

    def result(self, timeout: float | None = None, on_progress: ProgressCallback | None = None) -> T:
        """Waits (see :meth:`wait`) and returns the typed response."""
        return self._unpack(self.wait(timeout, on_progress))


class AsyncOperation(_Base[T]):
    """A long-running operation (asyncio): ``await op.result()``."""

    def __init__(
        self,
        operation: operation_pb2.Operation,
        unpack: Callable[[operation_pb2.Operation], T],
        wait: _AsyncWait,
        cancel: _AsyncCancel,
    ) -> None:
        super().__init__(operation, unpack)
        self._wait = wait
        self._cancel = cancel

    async def cancel(self) -> operation_pb2.Operation:
        """See :meth:`Operation.cancel`."""
        self._operation = await self._cancel(operation_service_pb2.CancelOperationRequest(name=self.name))
        return self._operation

    async def wait(
        self, timeout: float | None = None, on_progress: ProgressCallback | None = None
    ) -> operation_pb2.Operation:
        """See :meth:`Operation.wait`."""
        waiting = _Waiting(self.name, timeout, on_progress)
        waiting.saw(self._operation)
        while not self._operation.done:
            step = waiting.next_request()
            if step is None:
                raise waiting.timed_out()
            self._operation = await self._wait(*step)
            waiting.saw(self._operation)
        return self._operation

    async def result(self, timeout: float | None = None, on_progress: ProgressCallback | None = None) -> T:
        """See :meth:`Operation.result`."""
        return self._unpack(await self.wait(timeout, on_progress))


__all__ = ["AsyncOperation", "Operation", "ProgressCallback"]
