# Copyright 2026 The open-vcluster-api Authors
# SPDX-License-Identifier: Apache-2.0
"""WatchVClusters that survives disconnects: every event's ``version`` is
remembered and a broken stream is reopened from it, so no event is lost or
seen twice. A version the server can no longer resume from (OUT_OF_RANGE) is
:class:`~open_vcluster.errors.WatchExpired`: list again and watch from the
list's version."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncGenerator, AsyncIterator, Callable, Generator, Iterator

from connectrpc.code import Code
from connectrpc.errors import ConnectError

from ._cancel import raise_if_cancelling
from ._retry import Retry
from .errors import OpenVClusterError, WatchExpired, from_connect_error
from .gen.openvcluster.v1.vcluster_service_pb2 import WatchVClustersResponse

Event = WatchVClustersResponse


class _Resume:
    """Which version to reopen from, and whether a failure ends the watch."""

    def __init__(self, version: str, retry: Retry | None) -> None:
        self.version = version
        self._retry = retry
        self._attempt = 0

    def saw(self, event: Event) -> None:
        self._attempt = 0
        if event.version:
            self.version = event.version

    def failed(self, err: ConnectError | None) -> float:
        """The delay before reopening after ``err`` (None: the server ended the
        stream), or raises the error that ends the watch."""
        self._attempt += 1
        error = None if err is None else from_connect_error(err)
        if error is not None and error.code == Code.OUT_OF_RANGE:
            raise WatchExpired(error.code, f"cannot resume the watch from version {self.version!r}: "
                               f"list again and watch from the list's version ({error.message})", error.details)
        retry = self._retry
        # A stream the server ended, or one cut by its own deadline, is a
        # disconnect like UNAVAILABLE (a watch is a read).
        code = Code.UNAVAILABLE if error is None else error.code
        if retry is None or not retry.should_retry(code, self._attempt, read=True):
            raise error or OpenVClusterError(Code.UNAVAILABLE, "the watch stream kept ending")
        return retry.delay(self._attempt)


def watch(
    open_stream: Callable[[str], Iterator[Event]], version: str, retry: Retry | None
) -> Generator[Event, None, None]:
    resume = _Resume(version, retry)
    while True:
        stream = open_stream(resume.version)
        try:
            for event in stream:
                resume.saw(event)
                yield event
            delay = resume.failed(None)
        except ConnectError as err:
            delay = resume.failed(err)
        finally:
            close = getattr(stream, "close", None)
            if close is not None:
                close()
        time.sleep(delay)


async def watch_async(
    open_stream: Callable[[str], AsyncIterator[Event]], version: str, retry: Retry | None
) -> AsyncGenerator[Event, None]:
    resume = _Resume(version, retry)
    while True:
        stream = open_stream(resume.version)
        try:
            async for event in stream:
                resume.saw(event)
                yield event
            delay = resume.failed(None)
        except ConnectError as err:
            raise_if_cancelling()
            delay = resume.failed(err)
        finally:
            close = getattr(stream, "aclose", None)
            if close is not None:
                await close()
        await asyncio.sleep(delay)
