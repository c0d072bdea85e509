# Copyright 2026 The open-vcluster-api Authors
# SPDX-License-Identifier: Apache-2.0
"""Endpoint, credentials, user-agent and deadlines: arguments, environment,
defaults, as the server sees them (ovc-mock records every request's headers)."""

from __future__ import annotations

import asyncio

import pytest
from connectrpc.protocol import ProtocolType

import open_vcluster as ovc
from open_vcluster.testing import MockServer

from _helpers import CREATE, create, recorded



def test_endpoint_and_api_key_from_the_environment(ovc_mock: MockServer, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OVC_ENDPOINT", ovc_mock.url + "/")
    monkeypatch.setenv("OVC_API_KEY", "from-env")
    with ovc.Client() as client:
        assert client.endpoint == ovc_mock.url
        client.create_vcluster(create("env"))
    (request,) = recorded(ovc_mock, CREATE)
    assert request.headers["authorization"] == "Bearer from-env"
    assert request.headers["user-agent"].startswith(f"open-vcluster-api-python/{ovc.__version__} ")
    # The default deadline travels with the call.
    assert request.headers["connect-timeout-ms"] == "30000"


def test_arguments_win_over_the_environment(ovc_mock: MockServer, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OVC_ENDPOINT", "http://127.0.0.1:9")  # nothing listens there
    monkeypatch.setenv("OVC_API_KEY", "from-env")
    with ovc.Client(ovc_mock.url, api_key="from-arg", timeout=5) as client:
        client.create_vcluster(create("args"), timeout=2.5)
    (request,) = recorded(ovc_mock, CREATE)
    assert request.headers["authorization"] == "Bearer from-arg"
    assert request.headers["connect-timeout-ms"] == "2500"


def test_no_api_key_sends_no_authorization(ovc_mock: MockServer, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OVC_API_KEY", raising=False)
    with ovc.Client(ovc_mock.url) as client:
        client.create_vcluster(create("anon"))
    (request,) = recorded(ovc_mock, CREATE)
    assert "authorization" not in request.headers


def test_defaults_and_bad_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OVC_ENDPOINT", raising=False)
    assert ovc.Client().endpoint == ovc.DEFAULT_ENDPOINT == "http://127.0.0.1:8080"
    with pytest.raises(ValueError, match="http:// or https://"):
        ovc.Client("127.0.0.1:8080")
    with pytest.raises(ValueError, match="timeout must be positive"):
        ovc.Client(timeout=0)
    with pytest.raises(ValueError, match="max_attempts"):
        ovc.Retry(max_attempts=0)


def test_an_own_http_client_is_used(ovc_mock: MockServer) -> None:
    from pyqwest import SyncClient

    http = SyncClient()
    with ovc.Client(ovc_mock.url, http_client=http) as client:
        assert client.create_vcluster(create("own-http")).name.startswith("projects/demo/operations/")


def test_async_client_reads_the_environment_too(ovc_mock: MockServer, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OVC_ENDPOINT", ovc_mock.url)
    monkeypatch.setenv("OVC_API_KEY", "async-key")

    async def main() -> None:
        async with ovc.AsyncClient() as client:
            await client.create_vcluster(create("env"))

    asyncio.run(main())
    (request,) = recorded(ovc_mock, CREATE)
    assert request.headers["authorization"] == "Bearer async-key"
    assert request.headers["user-agent"].startswith("open-vcluster-api-python/")


def test_a_server_that_is_not_there_is_unavailable_after_the_retries() -> None:
    # Port 9 (discard) on loopback: nothing listens, the connection is refused.
    retry = ovc.Retry(max_attempts=2, initial_backoff=0.01)
    with ovc.Client("http://127.0.0.1:9", retry=retry) as client, pytest.raises(ovc.UnavailableError):
        client.get_server_config()


@pytest.mark.parametrize("protocol", list(ProtocolType), ids=lambda p: p.name)
def test_every_protocol(ovc_mock: MockServer, protocol: ProtocolType) -> None:
    with ovc.Client(ovc_mock.url, protocol=protocol) as client:
        vc = client.create_vcluster_and_wait(create("dev"), timeout=30)
        assert vc.status.phase == ovc.VCluster.Phase.PHASE_RUNNING
        with pytest.raises(ovc.NotFoundError):
            client.get_vcluster(ovc.GetVClusterRequest(name="projects/demo/vclusters/nope"))
    (request,) = recorded(ovc_mock, CREATE)
    content_types = {"CONNECT": "application/proto", "GRPC_WEB": "application/grpc-web", "GRPC": "application/grpc"}
    assert request.headers["content-type"].startswith(content_types[protocol.name])
