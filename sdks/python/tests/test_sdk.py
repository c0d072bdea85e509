# Copyright 2026 The open-vcluster-api Authors
# SPDX-License-Identifier: Apache-2.0
"""The Python SDK's generated code: it imports, its messages round-trip through
the binary and JSON encodings, its protovalidate rules hold, and its Connect
clients talk to a Connect server in-process over real HTTP."""

from __future__ import annotations

import asyncio
import importlib
import importlib.metadata
import json
import pathlib
import sys
import threading
import tomllib
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from typing import Any
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

import protovalidate
import pytest
from connectrpc.code import Code
from connectrpc.compat import google_protobuf_json_codec
from connectrpc.errors import ConnectError
from connectrpc.protocol import ProtocolType
from connectrpc.request import RequestContext
from google.protobuf import json_format, timestamp_pb2
from packaging.version import Version

import open_vcluster
from open_vcluster.gen.openvcluster.v1 import (
    operation_service_connect,
    snapshot_service_connect,
    vcluster_pb2,
    vcluster_service_connect,
    vcluster_service_pb2,
)
from open_vcluster.gen.openvcluster.mock.v1 import mock_control_connect

PYPROJECT = pathlib.Path(__file__).resolve().parents[1] / "pyproject.toml"
CREATED = datetime(2026, 11, 25, 12, 0, tzinfo=timezone.utc)


def ts(t: datetime) -> timestamp_pb2.Timestamp:
    out = timestamp_pb2.Timestamp()
    out.FromDatetime(t)
    return out


def sample_vcluster() -> vcluster_pb2.VCluster:
    VC = vcluster_pb2
    return VC.VCluster(
        name="projects/demo/vclusters/dev",
        uid="3f2504e0-4f89-41d3-9a0c-0305e82c3301",
        display_name="Development",
        labels={"env": "dev", "team.example.com/owner": "platform"},
        annotations={"note": "created by the Python SDK test"},
        spec=VC.VClusterSpec(
            kubernetes_version="1.33",
            control_plane=VC.ControlPlane(
                replicas=3,
                resources=VC.ComputeResources(
                    requests=VC.ResourceList(cpu="200m", memory="256Mi"),
                    limits=VC.ResourceList(memory="4Gi"),
                ),
            ),
            persistence=VC.Persistence(enabled=True, size="5Gi"),
            backing_store=VC.BackingStore(embedded_etcd=VC.EmbeddedEtcd()),
            sync=VC.Sync(
                to_host={"ingresses": VC.SyncRule(mode=VC.SyncRule.MODE_ENABLED)},
                from_host={"nodes": VC.SyncRule(mode=VC.SyncRule.MODE_DISABLED)},
            ),
            exposure=VC.Exposure(type=VC.Exposure.TYPE_INGRESS, ingress_host="dev.example.com"),
        ),
        status=VC.VClusterStatus(
            phase=VC.VCluster.PHASE_RUNNING,
            conditions=[
                VC.Condition(
                    type="Ready",
                    status=VC.Condition.STATUS_TRUE,
                    reason="InstallSucceeded",
                    last_transition_time=ts(CREATED + timedelta(minutes=1)),
                    observed_generation=1,
                )
            ],
            ready_replicas=3,
            desired_replicas=3,
            api_server_endpoint="https://dev.vc-dev.svc:443",
            host_namespace="vc-dev",
            observed_generation=1,
        ),
        create_time=ts(CREATED),
        update_time=ts(CREATED + timedelta(minutes=1)),
        etag='W/"1"',
        generation=1,
    )


def good_create_request() -> vcluster_service_pb2.CreateVClusterRequest:
    return vcluster_service_pb2.CreateVClusterRequest(
        parent="projects/demo",
        vcluster_id="dev-1",
        vcluster=sample_vcluster(),
        request_id="3f2504e0-4f89-41d3-9a0c-0305e82c3301",
    )


# --- package -------------------------------------------------------------------


def test_version_matches_pyproject_and_metadata() -> None:
    declared = tomllib.loads(PYPROJECT.read_text())["project"]["version"]
    assert open_vcluster.__version__ == declared
    # The metadata holds the PEP 440 normal form (1.2.3-rc.1 -> 1.2.3rc1).
    assert Version(importlib.metadata.version("open-vcluster-api")) == Version(declared)


def test_generated_code_stays_inside_the_package() -> None:
    # protoc's absolute imports were rewritten: the SDK adds no top-level
    # `openvcluster` or `buf` package that could clash with other code.
    assert "openvcluster" not in sys.modules
    assert "buf" not in sys.modules
    assert vcluster_pb2.DESCRIPTOR.name == "openvcluster/v1/vcluster.proto"
    assert vcluster_pb2.VCluster.DESCRIPTOR.full_name == "openvcluster.v1.VCluster"


@pytest.mark.parametrize(
    ("module", "service"),
    [
        (vcluster_service_connect, "VClusterService"),
        (snapshot_service_connect, "SnapshotService"),
        (operation_service_connect, "OperationService"),
        (mock_control_connect, "MockControlService"),
    ],
)
def test_generated_clients_import(module: object, service: str) -> None:
    for suffix in ("ClientSync", "Client", "Sync", "", "WSGIApplication", "ASGIApplication"):
        assert isinstance(getattr(module, service + suffix), type), service + suffix


def test_every_message_module_imports() -> None:
    gen = pathlib.Path(open_vcluster.__file__).parent / "gen"
    names = sorted(
        ".".join(p.relative_to(gen.parent.parent).with_suffix("").parts)
        for p in gen.rglob("*.py")
        if p.name != "__init__.py"
    )
    assert len(names) >= 12
    for name in names:
        importlib.import_module(name)


# --- messages ------------------------------------------------------------------


def test_vcluster_binary_round_trip() -> None:
    vc = sample_vcluster()
    data = vc.SerializeToString(deterministic=True)
    back = vcluster_pb2.VCluster.FromString(data)
    assert back == vc
    assert back.SerializeToString(deterministic=True) == data
    assert back.spec.HasField("kubernetes_version")
    assert not back.spec.HasField("chart_version")


def test_vcluster_json_round_trip() -> None:
    vc = sample_vcluster()
    text = json_format.MessageToJson(vc)
    doc = json.loads(text)
    # The canonical JSON form: lowerCamelCase names, enum names, RFC 3339 times.
    assert doc["displayName"] == "Development"
    assert doc["status"]["phase"] == "PHASE_RUNNING"
    assert doc["spec"]["exposure"]["type"] == "TYPE_INGRESS"
    assert doc["createTime"] == "2026-11-25T12:00:00Z"
    assert doc["generation"] == "1"  # int64 is a string in JSON
    back = json_format.Parse(text, vcluster_pb2.VCluster())
    assert back == vc


# --- validation ----------------------------------------------------------------


def test_protovalidate_accepts_a_good_create_request() -> None:
    protovalidate.validate(good_create_request())
    assert protovalidate.collect_violations(good_create_request()) == []


def test_protovalidate_rejects_a_bad_vcluster_id() -> None:
    request = good_create_request()
    request.vcluster_id = "Bad_ID"
    with pytest.raises(protovalidate.ValidationError) as info:
        protovalidate.validate(request)
    violations = info.value.violations
    assert len(violations) == 1
    proto = violations[0].proto
    assert proto.field is not None
    assert [e.field_name for e in proto.field.elements] == ["vcluster_id"]
    assert proto.rule_id == "string.pattern"
    assert "vcluster_id" in str(info.value)


def test_protovalidate_checks_cel_rules() -> None:
    request = good_create_request()
    request.vcluster.spec.exposure.ClearField("ingress_host")
    violations = protovalidate.collect_violations(request)
    assert [v.proto.rule_id for v in violations] == ["exposure.ingress_host"]
    field = violations[0].proto.field
    assert field is not None
    assert [e.field_name for e in field.elements] == ["vcluster", "spec", "exposure"]


# --- Connect clients against an in-process server ------------------------------


class GetOnly(vcluster_service_connect.VClusterServiceSync):
    """Answers GetVCluster with the sample; every other RPC is unimplemented."""

    def get_v_cluster(
        self,
        request: vcluster_service_pb2.GetVClusterRequest,
        ctx: RequestContext[vcluster_service_pb2.GetVClusterRequest, vcluster_pb2.VCluster],
        /,
    ) -> vcluster_pb2.VCluster:
        vc = sample_vcluster()
        if request.name != vc.name:
            raise ConnectError(Code.NOT_FOUND, f"{request.name} not found")
        return vc


class QuietHandler(WSGIRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server_url() -> Iterator[str]:
    app = vcluster_service_connect.VClusterServiceWSGIApplication(GetOnly())
    server: WSGIServer = make_server("127.0.0.1", 0, app, handler_class=QuietHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


CLIENT_OPTIONS: dict[str, dict[str, Any]] = {
    "connect+proto": {},
    "connect+json": {"codec": google_protobuf_json_codec()},
    "grpc-web": {"protocol": ProtocolType.GRPC_WEB},
}


@pytest.mark.parametrize("options", CLIENT_OPTIONS.values(), ids=CLIENT_OPTIONS.keys())
def test_sync_client_round_trip(server_url: str, options: dict[str, Any]) -> None:
    with vcluster_service_connect.VClusterServiceClientSync(server_url, **options) as client:
        name = "projects/demo/vclusters/dev"
        assert client.get_v_cluster(vcluster_service_pb2.GetVClusterRequest(name=name)) == sample_vcluster()
        with pytest.raises(ConnectError) as info:
            client.get_v_cluster(vcluster_service_pb2.GetVClusterRequest(name="projects/demo/vclusters/nope"))
        assert info.value.code == Code.NOT_FOUND
        with pytest.raises(ConnectError) as info:
            client.suspend_v_cluster(vcluster_service_pb2.SuspendVClusterRequest(name=name))
        assert info.value.code == Code.UNIMPLEMENTED


def test_async_client_round_trip(server_url: str) -> None:
    async def main() -> vcluster_pb2.VCluster:
        async with vcluster_service_connect.VClusterServiceClient(server_url) as client:
            return await client.get_v_cluster(
                vcluster_service_pb2.GetVClusterRequest(name="projects/demo/vclusters/dev")
            )

    assert asyncio.run(main()) == sample_vcluster()
