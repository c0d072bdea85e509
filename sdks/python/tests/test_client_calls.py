# Copyright 2026 The open-vcluster-api Authors
# SPDX-License-Identifier: Apache-2.0
"""Pagers, retries, typed errors and validation through the high-level
clients against ovc-mock."""

from __future__ import annotations

import asyncio

import pytest
from connectrpc.code import Code
from connectrpc.errors import ConnectError

import open_vcluster as ovc
from open_vcluster.testing import MockServer

from _helpers import CREATE, FAST_RETRY, GET, PROJECT, create, inject, name_of, recorded, recorded_json

LIST = "openvcluster.v1.VClusterService/ListVClusters"


def create_five(client: ovc.Client) -> list[str]:
    ids = ["e", "c", "a", "d", "b"]
    for vcluster_id in ids:
        client.create_vcluster(create(vcluster_id))
    return [name_of(i) for i in sorted(ids)]


def test_pager_walks_every_page(ovc_mock: MockServer, ovc_client: ovc.Client) -> None:
    names = create_five(ovc_client)
    pager = ovc_client.list_vclusters(ovc.ListVClustersRequest(parent=PROJECT, page_size=2))
    assert [vc.name for vc in pager] == names
    assert len(recorded(ovc_mock, LIST)) == 3  # lazily, one call per page
    pages = list(pager.pages())
    assert [len(p.vclusters) for p in pages] == [2, 2, 1]
    assert pages[-1].next_page_token == "" and pages[0].next_page_token


def test_pager_fetches_nothing_until_iterated(ovc_mock: MockServer, ovc_client: ovc.Client) -> None:
    pager = ovc_client.list_vclusters(ovc.ListVClustersRequest(parent=PROJECT))
    assert recorded(ovc_mock, LIST) == []
    assert list(pager) == []


def test_async_pager(ovc_mock: MockServer, ovc_client: ovc.Client) -> None:
    names = create_five(ovc_client)

    async def main() -> tuple[list[str], list[int]]:
        async with ovc.AsyncClient(ovc_mock.url) as client:
            pager = client.list_vclusters(ovc.ListVClustersRequest(parent=PROJECT, page_size=2))
            items = [vc.name async for vc in pager]
            sizes = [len(page.vclusters) async for page in pager.pages()]
            return items, sizes

    assert asyncio.run(main()) == (names, [2, 2, 1])


def test_unavailable_is_retried_with_the_same_request_id(ovc_mock: MockServer) -> None:
    inject(ovc_mock, CREATE, code=14, times=2)
    with ovc.Client(ovc_mock.url, retry=FAST_RETRY) as client:
        op = client.create_vcluster(create("dev"))
    sent = recorded_json(ovc_mock, CREATE)
    assert len(sent) == 3
    ids = {request["requestId"] for request in sent}
    assert len(ids) == 1 and op.metadata.request_id in ids
    # Sending that request_id again returns the same operation: retries never act twice.
    with ovc.Client(ovc_mock.url) as client:
        again = client.create_vcluster(create("dev", request_id=op.metadata.request_id))
    assert again.name == op.name


def test_a_caller_request_id_is_kept_and_the_message_not_changed(ovc_mock: MockServer, ovc_client: ovc.Client) -> None:
    request = create("dev")
    ovc_client.create_vcluster(request)
    assert request.request_id == ""
    ovc_client.create_vcluster(create("other", request_id="5b0c7a52-6a51-4d7c-8d0e-1f2a3b4c5d6e"))
    assert recorded_json(ovc_mock, CREATE)[1]["requestId"] == "5b0c7a52-6a51-4d7c-8d0e-1f2a3b4c5d6e"


def test_no_retry_when_disabled(ovc_mock: MockServer) -> None:
    inject(ovc_mock, CREATE, code=14, times=1)
    with ovc.Client(ovc_mock.url, retry=None) as client, pytest.raises(ovc.UnavailableError):
        client.create_vcluster(create("dev"))
    assert len(recorded(ovc_mock, CREATE)) == 1


def test_retries_give_up_after_max_attempts(ovc_mock: MockServer) -> None:
    inject(ovc_mock, GET, code=14, times=0)
    with ovc.Client(ovc_mock.url, retry=ovc.Retry(max_attempts=3, initial_backoff=0.01)) as client:
        with pytest.raises(ovc.UnavailableError):
            client.get_vcluster(ovc.GetVClusterRequest(name=name_of("x")))
    assert len(recorded(ovc_mock, GET)) == 3


def test_deadline_exceeded_is_retried_for_reads_only(ovc_mock: MockServer, ovc_client: ovc.Client) -> None:
    ovc_client.create_vcluster(create("dev")).result(timeout=30)
    inject(ovc_mock, GET, code=4, times=1)
    inject(ovc_mock, CREATE, code=4, times=1)
    with ovc.Client(ovc_mock.url, retry=FAST_RETRY) as client:
        assert client.get_vcluster(ovc.GetVClusterRequest(name=name_of("dev"))).name == name_of("dev")
        with pytest.raises(ovc.DeadlineExceededError):
            client.create_vcluster(create("other"))
    assert len(recorded(ovc_mock, GET)) == 2
    assert len(recorded(ovc_mock, CREATE)) == 2  # the first create, then the one that was not retried


def test_async_retry(ovc_mock: MockServer) -> None:
    inject(ovc_mock, CREATE, code=14, times=1)

    async def main() -> str:
        async with ovc.AsyncClient(ovc_mock.url, retry=FAST_RETRY) as client:
            return (await client.create_vcluster(create("dev"))).name

    assert asyncio.run(main()).startswith(f"{PROJECT}/operations/")
    assert len(recorded(ovc_mock, CREATE)) == 2


def test_errors_are_typed_by_code(ovc_client: ovc.Client) -> None:
    with pytest.raises(ovc.NotFoundError) as not_found:
        ovc_client.get_vcluster(ovc.GetVClusterRequest(name=name_of("nope")))
    # Still a ConnectError, for code written against the generated clients.
    assert isinstance(not_found.value, ConnectError) and not_found.value.code == Code.NOT_FOUND
    ovc_client.create_vcluster(create("dev")).result(timeout=30)
    with pytest.raises(ovc.AlreadyExistsError):
        ovc_client.create_vcluster(create("dev"))
    with pytest.raises(ovc.AbortedError, match="etag"):
        ovc_client.update_vcluster(
            ovc.UpdateVClusterRequest(vcluster=ovc.VCluster(name=name_of("dev"), display_name="x", etag="stale"), update_mask={"paths": ["display_name"]})
        )
    with pytest.raises(ovc.FailedPreconditionError):
        ovc_client.resume_vcluster(ovc.ResumeVClusterRequest(name=name_of("dev")))


def test_violations_from_the_server(ovc_client: ovc.Client) -> None:
    with pytest.raises(ovc.InvalidArgumentError) as info:
        ovc_client.create_vcluster(create("Bad_Id"))
    (violation,) = info.value.violations
    assert violation == ovc.Violation("vcluster_id", "string.pattern", violation.message)
    assert "regex" in violation.message


def test_validation_before_sending(ovc_mock: MockServer) -> None:
    with ovc.Client(ovc_mock.url, validate=True) as client:
        with pytest.raises(ovc.InvalidArgumentError) as info:
            client.create_vcluster(create("Bad_Id"))
        assert [(v.field, v.rule) for v in info.value.violations] == [("vcluster_id", "string.pattern")]
        client.create_vcluster(create("good"))
    # The bad request never left the client.
    assert [r["vclusterId"] for r in recorded_json(ovc_mock, CREATE)] == ["good"]


def test_async_errors_are_typed(ovc_mock: MockServer) -> None:
    async def main() -> None:
        async with ovc.AsyncClient(ovc_mock.url, validate=True) as client:
            with pytest.raises(ovc.NotFoundError):
                await client.get_vcluster(ovc.GetVClusterRequest(name=name_of("nope")))
            with pytest.raises(ovc.InvalidArgumentError) as info:
                await client.create_vcluster(create("Bad_Id"))
            assert info.value.violations[0].field == "vcluster_id"

    asyncio.run(main())
