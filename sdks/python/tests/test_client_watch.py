# Copyright 2026 The open-vcluster-api Authors
# SPDX-License-Identifier: Apache-2.0
"""WatchVClusters through the high-level clients against ovc-mock: resuming
after a disconnect, WatchExpired, and a clean end on cancel."""

from __future__ import annotations

import asyncio
import threading

import pytest

import open_vcluster as ovc
from open_vcluster.gen.openvcluster.mock.v1 import mock_control_pb2 as mock
from open_vcluster.testing import MockServer

from _helpers import FAST_RETRY, PROJECT, WATCH, create, name_of, poll, recorded, recorded_json

Event = ovc.WatchVClustersResponse


def test_watch_resumes_from_the_last_version_after_a_disconnect(ovc_mock: MockServer, ovc_client: ovc.Client) -> None:
    ovc_client.create_vcluster(create("a")).result(timeout=30)
    # Each connection lives 1 s: its end is the disconnect to survive.
    events = ovc.Client(ovc_mock.url, retry=FAST_RETRY).watch_vclusters(
        ovc.WatchVClustersRequest(parent=PROJECT), timeout=1.0
    )
    added, synced = next(events), next(events)
    assert (added.type, added.vcluster.name) == (Event.EVENT_TYPE_ADDED, name_of("a"))
    assert synced.type == Event.EVENT_TYPE_SYNCED

    def create_b_once_reconnected() -> None:
        poll(lambda: len(recorded(ovc_mock, WATCH)) >= 2, what="a second WatchVClusters call")
        with ovc.Client(ovc_mock.url) as other:
            other.create_vcluster(create("b"))

    thread = threading.Thread(target=create_b_once_reconnected)
    thread.start()
    try:
        following = next(events)
    finally:
        thread.join(timeout=30)
    # Only what happened since: "a" is not listed again.
    assert (following.type, following.vcluster.name) == (Event.EVENT_TYPE_ADDED, name_of("b"))
    second = recorded_json(ovc_mock, WATCH)[1]
    assert second["resumeVersion"] == synced.version
    events.close()


def test_a_version_too_old_is_watch_expired(ovc_mock: MockServer, ovc_client: ovc.Client) -> None:
    # ovc-mock keeps the last 10,000 events: seeding more pushes version 1 out.
    ovc_mock.control.seed(
        mock.SeedRequest(vclusters=[ovc.VCluster(name=name_of(f"v{i}")) for i in range(10_050)])
    )
    with pytest.raises(ovc.WatchExpired, match="list again") as info:
        next(iter(ovc_client.watch_vclusters(ovc.WatchVClustersRequest(parent=PROJECT, resume_version="1"))))
    assert isinstance(info.value, ovc.OutOfRangeError)
    # The re-list the error asks for: a List's version resumes fine.
    version = next(iter(ovc_client.list_vclusters(ovc.ListVClustersRequest(parent=PROJECT, page_size=1)).pages())).version
    ovc_client.create_vcluster(create("after"))
    watch = ovc_client.watch_vclusters(ovc.WatchVClustersRequest(parent=PROJECT, resume_version=version))
    assert next(iter(watch)).vcluster.name == name_of("after")


def test_async_watch_ends_with_cancelled_error(ovc_mock: MockServer, ovc_client: ovc.Client) -> None:
    ovc_client.create_vcluster(create("a")).result(timeout=30)

    async def main() -> None:
        async with ovc.AsyncClient(ovc_mock.url) as client:
            seen: list[Event] = []
            synced = asyncio.Event()

            async def consume() -> None:
                async for event in client.watch_vclusters(ovc.WatchVClustersRequest(parent=PROJECT)):
                    seen.append(event)
                    if event.type == Event.EVENT_TYPE_SYNCED:
                        synced.set()

            task = asyncio.create_task(consume())
            await asyncio.wait_for(synced.wait(), timeout=30)
            task.cancel()
            with pytest.raises(asyncio.CancelledError):
                await task
            assert task.cancelled()
            assert [e.type for e in seen] == [Event.EVENT_TYPE_ADDED, Event.EVENT_TYPE_SYNCED]

    asyncio.run(main())


def test_async_watch_resumes_and_expires(ovc_mock: MockServer, ovc_client: ovc.Client) -> None:
    ovc_client.create_vcluster(create("a")).result(timeout=30)

    async def main() -> None:
        async with ovc.AsyncClient(ovc_mock.url, retry=FAST_RETRY) as client:
            stream = client.watch_vclusters(ovc.WatchVClustersRequest(parent=PROJECT), timeout=1.0)
            assert (await anext(stream)).type == Event.EVENT_TYPE_ADDED
            assert (await anext(stream)).type == Event.EVENT_TYPE_SYNCED
            # The watch reconnects while it is being read.
            pending = asyncio.ensure_future(anext(stream))
            await asyncio.to_thread(poll, lambda: len(recorded(ovc_mock, WATCH)) >= 2, 30.0, "a reconnect")
            await asyncio.to_thread(lambda: ovc.Client(ovc_mock.url).create_vcluster(create("b")))
            following = await asyncio.wait_for(pending, timeout=30)
            assert following.vcluster.name == name_of("b")
            await stream.aclose()

    asyncio.run(main())
