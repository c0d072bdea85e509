# Copyright 2026 The open-vcluster-api Authors
# SPDX-License-Identifier: Apache-2.0
"""The generated clients against the real ovc-mock process, driven through
MockControlService: create and wait, seed and filter, injected faults, driver
failures, a frozen clock. Also open_vcluster.testing itself: start-up, seed
files, start-up errors and stopping.

ovc-mock is the repository's build (conftest.py's ovc_mock_command).
"""

from __future__ import annotations

import asyncio
import signal
import sys
import time
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from connectrpc.code import Code
from connectrpc.compat import google_protobuf_json_codec
from connectrpc.errors import ConnectError
from connectrpc.protocol import ProtocolType
from google.protobuf.duration_pb2 import Duration

from open_vcluster.gen.openvcluster.mock.v1 import mock_control_connect
from open_vcluster.gen.openvcluster.mock.v1 import mock_control_pb2 as mock
from open_vcluster.gen.openvcluster.v1 import (
    common_pb2,
    operation_pb2,
    operation_service_connect,
    operation_service_pb2,
    vcluster_pb2,
    vcluster_service_connect,
    vcluster_service_pb2,
)
from open_vcluster.testing import MockServer, MockServerError, MockServerNotFoundError, find_ovc_mock, run_mock_server

PROJECT = "projects/demo"
GET_VCLUSTER = "openvcluster.v1.VClusterService/GetVCluster"
# google.rpc.Code numbers, as MockControlService takes them.
UNAVAILABLE = 14
INTERNAL = 13

Phase = vcluster_pb2.VCluster.Phase


def name_of(vcluster_id: str) -> str:
    return f"{PROJECT}/vclusters/{vcluster_id}"


def create_request(vcluster_id: str, **labels: str) -> vcluster_service_pb2.CreateVClusterRequest:
    return vcluster_service_pb2.CreateVClusterRequest(
        parent=PROJECT, vcluster_id=vcluster_id, vcluster=vcluster_pb2.VCluster(labels=labels)
    )


def wait_request(operation: str, seconds: float = 10) -> operation_service_pb2.WaitOperationRequest:
    timeout = Duration()
    timeout.FromNanoseconds(int(seconds * 1e9))
    return operation_service_pb2.WaitOperationRequest(name=operation, timeout=timeout)


def seed_request() -> mock.SeedRequest:
    """Three vclusters, two of them labelled env=prod, one of those suspended."""
    return mock.SeedRequest(
        vclusters=[
            vcluster_pb2.VCluster(name=name_of("web-prod"), labels={"env": "prod"}),
            vcluster_pb2.VCluster(
                name=name_of("api-prod"),
                labels={"env": "prod"},
                status=vcluster_pb2.VClusterStatus(phase=Phase.PHASE_SUSPENDED),
            ),
            vcluster_pb2.VCluster(name=name_of("web-dev"), labels={"env": "dev"}),
        ]
    )


def get_fault(times: int = 1) -> mock.InjectFaultRequest:
    return mock.InjectFaultRequest(
        fault=mock.Fault(method=GET_VCLUSTER, code=UNAVAILABLE, message="injected: try again", times=times)
    )


def seconds(n: int) -> Duration:
    return Duration(seconds=n)


# --- the synchronous clients --------------------------------------------------------


@dataclass
class SyncClients:
    vclusters: vcluster_service_connect.VClusterServiceClientSync
    operations: operation_service_connect.OperationServiceClientSync
    control: mock_control_connect.MockControlServiceClientSync


@pytest.fixture
def sync_api(ovc_mock: MockServer) -> Iterator[SyncClients]:
    with (
        vcluster_service_connect.VClusterServiceClientSync(ovc_mock.url) as vclusters,
        operation_service_connect.OperationServiceClientSync(ovc_mock.url) as operations,
    ):
        yield SyncClients(vclusters, operations, ovc_mock.control)


def test_sync_create_waits_until_running(sync_api: SyncClients) -> None:
    op = sync_api.vclusters.create_v_cluster(create_request("dev"))
    assert op.metadata.verb == common_pb2.OPERATION_VERB_CREATE
    assert op.metadata.target == name_of("dev")

    done = sync_api.operations.wait_operation(wait_request(op.name))
    assert done.done
    assert done.metadata.state == operation_pb2.OPERATION_STATE_SUCCEEDED
    assert done.WhichOneof("result") == "response"
    assert done.response.vcluster.status.phase == Phase.PHASE_RUNNING

    vc = sync_api.vclusters.get_v_cluster(vcluster_service_pb2.GetVClusterRequest(name=name_of("dev")))
    assert vc.status.phase == Phase.PHASE_RUNNING
    assert vc.status.ready_replicas == 1


def test_sync_seed_and_list_with_a_filter(sync_api: SyncClients) -> None:
    seeded = sync_api.control.seed(seed_request())
    assert [v.status.phase for v in seeded.vclusters] == [Phase.PHASE_RUNNING, Phase.PHASE_SUSPENDED, Phase.PHASE_RUNNING]

    prod = sync_api.vclusters.list_v_clusters(
        vcluster_service_pb2.ListVClustersRequest(parent=PROJECT, filter='labels.env = "prod"')
    )
    assert [v.name for v in prod.vclusters] == [name_of("api-prod"), name_of("web-prod")]
    assert prod.total_size == 2

    running = sync_api.vclusters.list_v_clusters(
        vcluster_service_pb2.ListVClustersRequest(parent=PROJECT, filter='labels.env = "prod" AND NOT phase = SUSPENDED')
    )
    assert [v.name for v in running.vclusters] == [name_of("web-prod")]


def test_sync_injected_fault_fails_the_next_call_only(sync_api: SyncClients) -> None:
    sync_api.control.seed(seed_request())
    fault = sync_api.control.inject_fault(get_fault(times=1))
    assert fault.id
    get = vcluster_service_pb2.GetVClusterRequest(name=name_of("web-prod"))

    with pytest.raises(ConnectError) as info:
        sync_api.vclusters.get_v_cluster(get)
    assert info.value.code == Code.UNAVAILABLE
    assert info.value.message == "injected: try again"

    assert sync_api.vclusters.get_v_cluster(get).name == name_of("web-prod")
    recorded = sync_api.control.list_recorded_requests(mock.ListRecordedRequestsRequest(method=GET_VCLUSTER))
    assert [r.code for r in recorded.requests] == [UNAVAILABLE, 0]
    assert [r.method for r in recorded.requests] == [GET_VCLUSTER, GET_VCLUSTER]


def test_sync_fail_next_step_makes_a_create_fail(sync_api: SyncClients) -> None:
    sync_api.control.fail_next_step(
        mock.FailNextStepRequest(verb=common_pb2.OPERATION_VERB_CREATE, message="chart install failed")
    )
    op = sync_api.vclusters.create_v_cluster(create_request("broken"))
    done = sync_api.operations.wait_operation(wait_request(op.name))
    assert done.done
    assert done.metadata.state == operation_pb2.OPERATION_STATE_FAILED
    assert done.WhichOneof("result") == "error"
    assert done.error.code == INTERNAL  # the default code of FailNextStep
    assert "chart install failed" in done.error.message

    vc = sync_api.vclusters.get_v_cluster(vcluster_service_pb2.GetVClusterRequest(name=name_of("broken")))
    assert vc.status.phase == Phase.PHASE_FAILED

    # Only the next step failed.
    op = sync_api.vclusters.create_v_cluster(create_request("fine"))
    assert sync_api.operations.wait_operation(wait_request(op.name)).metadata.state == operation_pb2.OPERATION_STATE_SUCCEEDED


def test_sync_frozen_clock_holds_a_create_until_advanced(sync_api: SyncClients) -> None:
    frozen = sync_api.control.freeze_clock(mock.FreezeClockRequest())
    sync_api.control.set_latency(mock.SetLatencyRequest(latency=seconds(30)))
    op = sync_api.vclusters.create_v_cluster(create_request("slow"))
    get = vcluster_service_pb2.GetVClusterRequest(name=name_of("slow"))

    # WaitOperation's timeout runs on real time, not the frozen clock.
    assert not sync_api.operations.wait_operation(wait_request(op.name, seconds=0.2)).done
    assert sync_api.vclusters.get_v_cluster(get).status.phase == Phase.PHASE_CREATING

    advanced = sync_api.control.advance_clock(mock.AdvanceClockRequest(duration=seconds(10)))
    assert advanced.now.ToDatetime() - frozen.now.ToDatetime() == seconds(10).ToTimedelta()
    assert sync_api.vclusters.get_v_cluster(get).status.phase == Phase.PHASE_CREATING

    sync_api.control.advance_clock(mock.AdvanceClockRequest(duration=seconds(20)))
    done = sync_api.operations.wait_operation(wait_request(op.name))
    assert done.done and done.metadata.state == operation_pb2.OPERATION_STATE_SUCCEEDED
    assert sync_api.vclusters.get_v_cluster(get).status.phase == Phase.PHASE_RUNNING


def test_reset_forgets_everything(sync_api: SyncClients, ovc_mock: MockServer) -> None:
    sync_api.control.seed(seed_request())
    sync_api.control.inject_fault(get_fault(times=0))
    ovc_mock.reset()
    listed = sync_api.vclusters.list_v_clusters(vcluster_service_pb2.ListVClustersRequest(parent=PROJECT))
    assert list(listed.vclusters) == []
    with pytest.raises(ConnectError) as info:
        sync_api.vclusters.get_v_cluster(vcluster_service_pb2.GetVClusterRequest(name=name_of("web-prod")))
    assert info.value.code == Code.NOT_FOUND  # not UNAVAILABLE: the fault is gone too


PROTOCOLS: dict[str, dict[str, Any]] = {
    "connect+proto": {},
    "connect+json": {"codec": google_protobuf_json_codec()},
    "grpc-web": {"protocol": ProtocolType.GRPC_WEB},
    "grpc": {"protocol": ProtocolType.GRPC},
}


@pytest.mark.parametrize("options", PROTOCOLS.values(), ids=PROTOCOLS.keys())
def test_every_protocol(ovc_mock: MockServer, options: dict[str, Any]) -> None:
    ovc_mock.control.seed(seed_request())
    with vcluster_service_connect.VClusterServiceClientSync(ovc_mock.url, **options) as client:
        vc = client.get_v_cluster(vcluster_service_pb2.GetVClusterRequest(name=name_of("api-prod")))
        assert vc.status.phase == Phase.PHASE_SUSPENDED
        with pytest.raises(ConnectError) as info:
            client.get_v_cluster(vcluster_service_pb2.GetVClusterRequest(name=name_of("nope")))
        assert info.value.code == Code.NOT_FOUND


# --- the asyncio clients ----------------------------------------------------------


@dataclass
class AsyncClients:
    vclusters: vcluster_service_connect.VClusterServiceClient
    operations: operation_service_connect.OperationServiceClient
    control: mock_control_connect.MockControlServiceClient


@asynccontextmanager
async def async_api(url: str) -> AsyncIterator[AsyncClients]:
    async with (
        vcluster_service_connect.VClusterServiceClient(url) as vclusters,
        operation_service_connect.OperationServiceClient(url) as operations,
        mock_control_connect.MockControlServiceClient(url) as control,
    ):
        yield AsyncClients(vclusters, operations, control)


def test_async_create_waits_until_running(ovc_mock: MockServer) -> None:
    async def main() -> None:
        async with async_api(ovc_mock.url) as api:
            op = await api.vclusters.create_v_cluster(create_request("dev"))
            done = await api.operations.wait_operation(wait_request(op.name))
            assert done.done and done.metadata.state == operation_pb2.OPERATION_STATE_SUCCEEDED
            assert done.response.vcluster.status.phase == Phase.PHASE_RUNNING
            vc = await api.vclusters.get_v_cluster(vcluster_service_pb2.GetVClusterRequest(name=name_of("dev")))
            assert vc.status.phase == Phase.PHASE_RUNNING

    asyncio.run(main())


def test_async_seed_and_list_with_a_filter(ovc_mock: MockServer) -> None:
    async def main() -> None:
        async with async_api(ovc_mock.url) as api:
            await api.control.seed(seed_request())
            prod = await api.vclusters.list_v_clusters(
                vcluster_service_pb2.ListVClustersRequest(parent=PROJECT, filter='labels.env = "prod"')
            )
            assert [v.name for v in prod.vclusters] == [name_of("api-prod"), name_of("web-prod")]
            assert prod.total_size == 2

    asyncio.run(main())


def test_async_injected_fault_fails_the_next_call_only(ovc_mock: MockServer) -> None:
    async def main() -> None:
        async with async_api(ovc_mock.url) as api:
            await api.control.seed(seed_request())
            await api.control.inject_fault(get_fault(times=1))
            get = vcluster_service_pb2.GetVClusterRequest(name=name_of("web-dev"))
            with pytest.raises(ConnectError) as info:
                await api.vclusters.get_v_cluster(get)
            assert info.value.code == Code.UNAVAILABLE
            assert (await api.vclusters.get_v_cluster(get)).name == name_of("web-dev")

    asyncio.run(main())


def test_async_fail_next_step_makes_a_create_fail(ovc_mock: MockServer) -> None:
    async def main() -> None:
        async with async_api(ovc_mock.url) as api:
            await api.control.fail_next_step(
                mock.FailNextStepRequest(
                    verb=common_pb2.OPERATION_VERB_CREATE, target=name_of("broken"), message="no capacity", code=UNAVAILABLE
                )
            )
            op = await api.vclusters.create_v_cluster(create_request("broken"))
            done = await api.operations.wait_operation(wait_request(op.name))
            assert done.metadata.state == operation_pb2.OPERATION_STATE_FAILED
            assert done.error.code == UNAVAILABLE
            assert "no capacity" in done.error.message
            vc = await api.vclusters.get_v_cluster(vcluster_service_pb2.GetVClusterRequest(name=name_of("broken")))
            assert vc.status.phase == Phase.PHASE_FAILED

    asyncio.run(main())


def test_async_frozen_clock_holds_a_create_until_advanced(ovc_mock: MockServer) -> None:
    async def main() -> None:
        async with async_api(ovc_mock.url) as api:
            await api.control.freeze_clock(mock.FreezeClockRequest())
            await api.control.set_latency(mock.SetLatencyRequest(latency=seconds(30)))
            op = await api.vclusters.create_v_cluster(create_request("slow"))
            get = vcluster_service_pb2.GetVClusterRequest(name=name_of("slow"))
            assert not (await api.operations.wait_operation(wait_request(op.name, seconds=0.2))).done
            assert (await api.vclusters.get_v_cluster(get)).status.phase == Phase.PHASE_CREATING

            await api.control.advance_clock(mock.AdvanceClockRequest(duration=seconds(30)))
            done = await api.operations.wait_operation(wait_request(op.name))
            assert done.done and done.metadata.state == operation_pb2.OPERATION_STATE_SUCCEEDED
            assert (await api.vclusters.get_v_cluster(get)).status.phase == Phase.PHASE_RUNNING

    asyncio.run(main())


# --- open_vcluster.testing ----------------------------------------------------------

# The seed file of packages/mock-server/README.md.
SEED_YAML = """\
projects: [projects/empty]
vclusters:
  - name: projects/demo/vclusters/dev
    displayName: Development
    labels: { env: dev }
    spec: { kubernetesVersion: "1.33" }
    status: { phase: PHASE_SUSPENDED }
  - name: projects/demo/vclusters/prod
    labels: { env: prod }
snapshots:
  - name: projects/demo/snapshots/dev-nightly
    sourceVcluster: projects/demo/vclusters/dev
"""


def test_seed_file_is_loaded_and_restored_by_reset(ovc_mock_command: list[str], tmp_path: Path) -> None:
    seed = tmp_path / "seed.yaml"
    seed.write_text(SEED_YAML)
    with (
        run_mock_server(command=ovc_mock_command, seed=seed) as server,
        vcluster_service_connect.VClusterServiceClientSync(server.url) as client,
    ):
        dev = vcluster_service_pb2.GetVClusterRequest(name="projects/demo/vclusters/dev")
        assert client.get_v_cluster(dev).status.phase == Phase.PHASE_SUSPENDED
        assert client.get_v_cluster(dev).display_name == "Development"
        client.delete_v_cluster(vcluster_service_pb2.DeleteVClusterRequest(name="projects/demo/vclusters/prod", force=True))
        server.reset()
        listed = client.list_v_clusters(vcluster_service_pb2.ListVClustersRequest(parent=PROJECT))
        assert [v.name for v in listed.vclusters] == ["projects/demo/vclusters/dev", "projects/demo/vclusters/prod"]
        empty = client.list_v_clusters(vcluster_service_pb2.ListVClustersRequest(parent="projects/empty"))
        assert list(empty.vclusters) == []
    assert not server.running
    # SIGTERM: exit status 0 from ovc-mock's handler, or -SIGTERM when the
    # signal lands before the handler is installed (right after the line).
    assert server.returncode in (0, -signal.SIGTERM)


def test_latency_flag(ovc_mock_command: list[str]) -> None:
    with (
        run_mock_server(command=ovc_mock_command, latency_ms=300) as server,
        vcluster_service_connect.VClusterServiceClientSync(server.url) as client,
        operation_service_connect.OperationServiceClientSync(server.url) as operations,
    ):
        op = client.create_v_cluster(create_request("dev"))
        assert not operations.wait_operation(wait_request(op.name, seconds=0.05)).done
        assert operations.wait_operation(wait_request(op.name)).done


def test_a_start_up_error_carries_stderr(ovc_mock_command: list[str], tmp_path: Path) -> None:
    with pytest.raises(MockServerError) as info:
        with run_mock_server(command=ovc_mock_command, seed=tmp_path / "missing.yaml"):
            pytest.fail("started with a missing seed file")
    message = str(info.value)
    assert "exited before listening" in message
    assert "exit status 2" in message
    assert "--seed" in message and "missing.yaml" in message


def test_a_silent_process_times_out_and_is_killed() -> None:
    silent = [sys.executable, "-c", "import time; time.sleep(60)"]
    started = time.monotonic()
    with pytest.raises(MockServerError, match="printed no 'ovc-mock listening on' line within 0.5s"):
        with run_mock_server(command=silent, startup_timeout=0.5):
            pytest.fail("a silent process counted as started")
    assert time.monotonic() - started < 10


def test_the_session_server_is_one_process(ovc_mock_server: MockServer, ovc_mock: MockServer) -> None:
    assert ovc_mock is ovc_mock_server
    assert ovc_mock.running
    assert ovc_mock.url.startswith("http://127.0.0.1:")


def fake_ovc_mock(tmp_path: Path, body: str) -> list[str]:
    """A shell script that prints the listening line, then runs body."""
    if sys.platform == "win32":
        pytest.skip("uses a shell script")
    script = tmp_path / "fake-ovc-mock"
    script.write_text(f"#!/bin/sh\necho 'ovc-mock listening on http://127.0.0.1:9'\n{body}\n")
    script.chmod(0o700)
    return [str(script)]


def test_stop_kills_a_process_ignoring_sigterm(tmp_path: Path) -> None:
    command = fake_ovc_mock(tmp_path, "trap '' TERM\nexec sleep 60")
    with run_mock_server(command=command) as server:
        assert server.url == "http://127.0.0.1:9"
        started = time.monotonic()
        assert server.stop(timeout=0.3) == -signal.SIGKILL
        assert time.monotonic() - started < 5
        assert not server.running
    assert server.stop() == -signal.SIGKILL  # again: nothing more to do


def test_an_unexpected_first_line_is_an_error(tmp_path: Path) -> None:
    if sys.platform == "win32":
        pytest.skip("uses a shell script")
    script = tmp_path / "chatty"
    script.write_text("#!/bin/sh\necho hello\nexec sleep 60\n")
    script.chmod(0o700)
    with pytest.raises(MockServerError, match="printed 'hello' instead of 'ovc-mock listening on '<url>"):
        with run_mock_server(command=[str(script)]):
            pytest.fail("started without the listening line")


def test_find_ovc_mock(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OVC_NODE", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))  # no ovc-mock, no node
    monkeypatch.delenv("OVC_MOCK", raising=False)
    nested = tmp_path / "project" / "tests"
    nested.mkdir(parents=True)
    monkeypatch.chdir(nested)
    with pytest.raises(MockServerNotFoundError, match="ovc-mock not found: set OVC_MOCK"):
        find_ovc_mock()

    # node_modules/.bin/ovc-mock in a parent of the working directory.
    bin_dir = tmp_path / "project" / "node_modules" / ".bin"
    bin_dir.mkdir(parents=True)
    (bin_dir / "ovc-mock").write_text("#!/bin/sh\n")
    assert find_ovc_mock() == [str(bin_dir / "ovc-mock")]

    # OVC_MOCK wins; a script needs node, from OVC_NODE here.
    script = tmp_path / "ovc-mock.js"
    script.write_text("")
    monkeypatch.setenv("OVC_MOCK", str(script))
    with pytest.raises(MockServerNotFoundError, match="node not found on PATH"):
        find_ovc_mock()
    monkeypatch.setenv("OVC_NODE", "/opt/node/bin/node")
    assert find_ovc_mock() == ["/opt/node/bin/node", str(script)]
    with pytest.raises(MockServerNotFoundError, match="does not exist"):
        find_ovc_mock(tmp_path / "missing.js")
