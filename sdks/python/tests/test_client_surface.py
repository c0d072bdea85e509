# Copyright 2026 The open-vcluster-api Authors
# SPDX-License-Identifier: Apache-2.0
"""The clients cover the whole API: every RPC of every service has a method
on Client and AsyncClient with the SDK's name, and every mutation's
Operation result type is the one its operation_info option declares."""

from __future__ import annotations

import inspect
import re
import typing
from typing import Any

import pytest
from google.protobuf.descriptor import MethodDescriptor

import open_vcluster as ovc
from open_vcluster.gen.openvcluster.v1 import (
    annotations_pb2,
    host_cluster_pb2,
    operation_service_pb2,
    project_service_pb2,
    snapshot_service_pb2,
    vcluster_service_pb2,
)

MODULES = [vcluster_service_pb2, snapshot_service_pb2, operation_service_pb2, project_service_pb2, host_cluster_pb2]
METHODS: list[MethodDescriptor] = [
    method for module in MODULES for service in module.DESCRIPTOR.services_by_name.values() for method in service.methods
]
RESPONSE_TYPES: dict[str, Any] = {
    "openvcluster.v1.VCluster": ovc.VCluster,
    "openvcluster.v1.Snapshot": ovc.Snapshot,
    "google.protobuf.Empty": type(None),
}


def operation_info(method: MethodDescriptor) -> annotations_pb2.OperationInfo | None:
    # protoc's stubs type the extension as a plain FieldDescriptor.
    extension: Any = annotations_pb2.operation_info
    options = method.GetOptions()
    if not options.HasExtension(extension):
        return None
    info: annotations_pb2.OperationInfo = options.Extensions[extension]
    return info


def sdk_name(rpc: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", rpc.replace("VCluster", "Vcluster")).lower()


def test_the_api_has_every_service() -> None:
    assert {m.containing_service.name for m in METHODS} == {
        "VClusterService",
        "SnapshotService",
        "OperationService",
        "ProjectService",
        "HostClusterService",
    }


@pytest.mark.parametrize("client_class", [ovc.Client, ovc.AsyncClient])
@pytest.mark.parametrize("method", METHODS, ids=[m.full_name for m in METHODS])
def test_every_rpc_has_a_method(client_class: type[Any], method: MethodDescriptor) -> None:
    function = getattr(client_class, sdk_name(method.name))
    parameters = list(inspect.signature(function).parameters.values())
    hints = typing.get_type_hints(function)
    # The request message first, by position.
    assert parameters[1].name == "request"
    # Optional for the RPCs whose request may be empty (``X | None``).
    request_types = [t for t in typing.get_args(hints["request"]) if t is not type(None)] or [hints["request"]]
    assert request_types[0].DESCRIPTOR is method.input_type
    returned = hints["return"]
    info = operation_info(method)
    if info is not None:
        wanted = RESPONSE_TYPES[info.response_type]
        operation_class = ovc.Operation if client_class is ovc.Client else ovc.AsyncOperation
        assert typing.get_origin(returned) is operation_class
        assert typing.get_args(returned) == (wanted,)
        assert hasattr(client_class, sdk_name(method.name) + "_and_wait") or wanted is type(None)
