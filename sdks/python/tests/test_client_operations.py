# Copyright 2026 The open-vcluster-api Authors
# SPDX-License-Identifier: Apache-2.0
"""Operations through the high-level clients against ovc-mock: typed results,
OperationError with the operation's status, progress, the *_and_wait calls."""

from __future__ import annotations

import asyncio

import pytest
from connectrpc.code import Code

import open_vcluster as ovc
from open_vcluster.gen.openvcluster.mock.v1 import mock_control_pb2 as mock
from open_vcluster.testing import MockServer

from _helpers import create, name_of, poll, recorded, set_latency

Phase = ovc.VCluster.Phase


def test_result_is_the_running_vcluster(ovc_client: ovc.Client) -> None:
    op = ovc_client.create_vcluster(create("dev"))
    assert isinstance(op, ovc.Operation)
    assert op.metadata.verb == ovc.OperationVerb.OPERATION_VERB_CREATE
    vc = op.result(timeout=30)
    assert isinstance(vc, ovc.VCluster)
    assert (vc.name, vc.status.phase) == (name_of("dev"), Phase.PHASE_RUNNING)
    assert op.done and op.operation.metadata.state == ovc.OperationState.OPERATION_STATE_SUCCEEDED


def test_each_mutation_resolves_to_its_type(ovc_client: ovc.Client) -> None:
    ovc_client.create_vcluster_and_wait(create("dev", vcluster=ovc.VCluster(spec=ovc.VClusterSpec(persistence=ovc.Persistence(enabled=True)))))
    suspended = ovc_client.suspend_vcluster_and_wait(ovc.SuspendVClusterRequest(name=name_of("dev")))
    assert suspended.status.phase == Phase.PHASE_SUSPENDED
    resumed = ovc_client.resume_vcluster(ovc.ResumeVClusterRequest(name=name_of("dev"))).result(timeout=30)
    assert resumed.status.phase == Phase.PHASE_RUNNING
    assert ovc_client.delete_vcluster(ovc.DeleteVClusterRequest(name=name_of("dev"))).result(timeout=30) is None
    ovc_client.create_vcluster_and_wait(create("gone"))
    ovc_client.delete_vcluster_and_wait(ovc.DeleteVClusterRequest(name=name_of("gone")), timeout=30)
    with pytest.raises(ovc.NotFoundError):
        ovc_client.get_vcluster(ovc.GetVClusterRequest(name=name_of("dev")))


def test_a_failed_operation_raises_operation_error(ovc_mock: MockServer, ovc_client: ovc.Client) -> None:
    ovc_mock.control.fail_next_step(
        mock.FailNextStepRequest(
            verb=ovc.OperationVerb.OPERATION_VERB_CREATE, target=name_of("broken"), message="no capacity", code=14
        )
    )
    op = ovc_client.create_vcluster(create("broken"))
    with pytest.raises(ovc.OperationError) as info:
        op.result(timeout=30)
    err = info.value
    assert isinstance(err, ovc.OpenVClusterError)
    assert err.code == Code.UNAVAILABLE and "no capacity" in err.message
    assert err.operation.name == op.name
    assert err.operation.metadata.state == ovc.OperationState.OPERATION_STATE_FAILED
    # wait() returns the failed operation instead of raising.
    assert ovc_client.operation(op.name).wait(timeout=30).error.code == 14


def test_progress_callback_sees_each_state_once(ovc_mock: MockServer, ovc_client: ovc.Client) -> None:
    # Longer than one progress poll (0.5 s), so the steps in between show.
    set_latency(ovc_mock, 1.2)
    seen: list[ovc.OperationMetadata] = []
    ovc_client.create_vcluster(create("slow")).result(timeout=30, on_progress=seen.append)
    states = [m.state for m in seen]
    assert states[-1] == ovc.OperationState.OPERATION_STATE_SUCCEEDED
    assert ovc.OperationState.OPERATION_STATE_RUNNING in states
    assert len(seen) >= 3
    # Only changes are reported, never the same metadata twice in a row.
    assert all(a != b for a, b in zip(seen, seen[1:]))
    percents = [m.progress_percent for m in seen]
    assert percents == sorted(percents)


def test_wait_times_out_with_timeout_error(ovc_mock: MockServer, ovc_client: ovc.Client) -> None:
    set_latency(ovc_mock, 10)
    op = ovc_client.create_vcluster(create("slow"))
    with pytest.raises(TimeoutError, match="not done yet"):
        op.result(timeout=0.3)
    assert not op.done


def test_wait_on_an_unknown_operation_is_not_found(ovc_client: ovc.Client) -> None:
    with pytest.raises(ovc.NotFoundError):
        ovc_client.operation("projects/demo/operations/nope").wait(timeout=30)


def test_async_result_and_operation_error(ovc_mock: MockServer) -> None:
    ovc_mock.control.fail_next_step(
        mock.FailNextStepRequest(verb=ovc.OperationVerb.OPERATION_VERB_SNAPSHOT, message="disk full")
    )

    async def main() -> None:
        async with ovc.AsyncClient(ovc_mock.url) as client:
            op = await client.create_vcluster(create("dev", vcluster=ovc.VCluster(spec=ovc.VClusterSpec(persistence=ovc.Persistence(enabled=True)))))
            assert isinstance(op, ovc.AsyncOperation)
            seen: list[ovc.OperationMetadata] = []
            vc = await op.result(timeout=30, on_progress=seen.append)
            assert vc.status.phase == Phase.PHASE_RUNNING and seen[-1].state == ovc.OperationState.OPERATION_STATE_SUCCEEDED
            with pytest.raises(ovc.OperationError) as info:
                await client.snapshot_vcluster_and_wait(ovc.SnapshotVClusterRequest(name=name_of("dev"), snapshot_id="s1", storage=ovc.SnapshotStorage(container=ovc.ContainerStorage(path="/snapshots"))))
            assert info.value.code == Code.INTERNAL and "disk full" in info.value.message

    asyncio.run(main())


def test_cancelling_an_async_wait_raises_cancelled_error(ovc_mock: MockServer) -> None:
    set_latency(ovc_mock, 10)

    async def main() -> None:
        async with ovc.AsyncClient(ovc_mock.url) as client:
            op = await client.create_vcluster(create("slow"))
            task = asyncio.create_task(op.result(timeout=30))
            # Cancel once the WaitOperation call is in flight on the server.
            await asyncio.to_thread(
                poll, lambda: len(recorded(ovc_mock, "openvcluster.v1.OperationService/WaitOperation")) >= 1
            )
            task.cancel()
            with pytest.raises(asyncio.CancelledError):
                await task
            assert task.cancelled()

    asyncio.run(main())


def test_cancel_ends_the_operation_cancelled(ovc_mock: MockServer, ovc_client: ovc.Client) -> None:
    set_latency(ovc_mock, 10)
    op = ovc_client.create_vcluster(create("slow"))
    assert op.cancel().metadata.cancel_requested
    with pytest.raises(ovc.OperationError) as info:
        op.result(timeout=30)
    assert info.value.code == Code.CANCELED
    assert info.value.operation.metadata.state == ovc.OperationState.OPERATION_STATE_CANCELLED
