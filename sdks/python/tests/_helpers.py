# Copyright 2026 The open-vcluster-api Authors
# SPDX-License-Identifier: Apache-2.0
"""Small things the client tests share."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from typing import Any

from google.protobuf.duration_pb2 import Duration

import open_vcluster as ovc
from open_vcluster.gen.openvcluster.mock.v1 import mock_control_pb2 as mock
from open_vcluster.testing import MockServer

PROJECT = "projects/demo"
CREATE = "openvcluster.v1.VClusterService/CreateVCluster"
GET = "openvcluster.v1.VClusterService/GetVCluster"
WATCH = "openvcluster.v1.VClusterService/WatchVClusters"
# A fast policy, so retry tests do not wait for the default backoff.
FAST_RETRY = ovc.Retry(max_attempts=4, initial_backoff=0.01, max_backoff=0.05)


def create(vcluster_id: str, vcluster: ovc.VCluster | None = None, **fields: Any) -> ovc.CreateVClusterRequest:
    return ovc.CreateVClusterRequest(
        parent=PROJECT, vcluster_id=vcluster_id, vcluster=vcluster or ovc.VCluster(), **fields
    )


def name_of(vcluster_id: str) -> str:
    return f"{PROJECT}/vclusters/{vcluster_id}"


def inject(server: MockServer, method: str, code: int, times: int) -> None:
    server.control.inject_fault(mock.InjectFaultRequest(fault=mock.Fault(method=method, code=code, times=times)))


def set_latency(server: MockServer, seconds: float) -> None:
    latency = Duration()
    latency.FromMilliseconds(int(seconds * 1000))
    server.control.set_latency(mock.SetLatencyRequest(latency=latency))


def recorded(server: MockServer, method: str) -> list[mock.RecordedRequest]:
    response = server.control.list_recorded_requests(mock.ListRecordedRequestsRequest(method=method))
    return list(response.requests)


def recorded_json(server: MockServer, method: str) -> list[dict[str, Any]]:
    return [json.loads(r.request_json) for r in recorded(server, method)]


def poll(condition: Callable[[], bool], timeout: float = 30.0, what: str = "condition") -> None:
    """Polls instead of sleeping a guessed time."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"{what} not reached within {timeout:g}s")
        time.sleep(0.02)
