# Copyright 2026 The open-vcluster-api Authors
# SPDX-License-Identifier: Apache-2.0
"""The asyncio client, :class:`AsyncClient`: the same methods as
:class:`~open_vcluster.Client`, awaited; pagers and watches are async iterators."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncGenerator, AsyncIterator, Callable, Iterable, Sequence
from types import TracebackType
from typing import TypeVar

from connectrpc.errors import ConnectError
from connectrpc.protocol import ProtocolType
from connectrpc.interceptor import Interceptor
from pyqwest import Client as HTTPClient

from . import _rpc
from ._cancel import raise_if_cancelling
from ._config import DEFAULT_TIMEOUT, resolve, timeout_ms
from ._operation import AsyncOperation, unpack_any, unpack_empty, unpack_snapshot, unpack_vcluster
from ._pager import AsyncPager, _Page
from ._retry import DEFAULT_RETRY, Retry, retry_delay
from ._types import AsyncStream, AsyncUnary, M
from ._watch import watch_async
from .errors import from_connect_error
from .gen.openvcluster.v1 import host_cluster_connect, operation_service_connect, project_service_connect
from .gen.openvcluster.v1 import snapshot_service_connect, vcluster_service_connect
from .gen.openvcluster.v1.host_cluster_pb2 import (
    GetHostClusterRequest,
    HostCluster,
    ListHostClustersRequest,
    ListHostClustersResponse,
)
from .gen.openvcluster.v1.operation_pb2 import Operation as OperationProto
from .gen.openvcluster.v1.operation_service_pb2 import (
    CancelOperationRequest,
    GetOperationRequest,
    ListOperationsRequest,
    ListOperationsResponse,
    WaitOperationRequest,
)
from .gen.openvcluster.v1.project_pb2 import Project
from .gen.openvcluster.v1.project_service_pb2 import (
    CreateProjectRequest,
    DeleteProjectRequest,
    GetProjectRequest,
    ListProjectsRequest,
    ListProjectsResponse,
    UpdateProjectRequest,
)
from .gen.openvcluster.v1.snapshot_pb2 import Snapshot
from .gen.openvcluster.v1.snapshot_service_pb2 import (
    DeleteSnapshotRequest,
    GetSnapshotRequest,
    ListSnapshotsRequest,
    ListSnapshotsResponse,
    UpdateSnapshotRequest,
)
from .gen.openvcluster.v1.vcluster_pb2 import VCluster
from .gen.openvcluster.v1.vcluster_service_pb2 import (
    CreateVClusterRequest,
    DeleteVClusterRequest,
    GenerateVClusterKubeconfigRequest,
    GetServerConfigRequest,
    GetVClusterRequest,
    GetVClusterUsageRequest,
    Kubeconfig,
    ListVClustersRequest,
    ListVClustersResponse,
    RestoreVClusterRequest,
    ResumeVClusterRequest,
    ScaleVClusterRequest,
    ServerConfig,
    SnapshotVClusterRequest,
    SuspendVClusterRequest,
    UpdateVClusterRequest,
    VClusterUsage,
    WatchVClustersRequest,
    WatchVClustersResponse,
)

R = TypeVar("R")
T = TypeVar("T")
P = TypeVar("P", bound=_Page)

_Unpack = Callable[[OperationProto], T]
# GetServerConfig's one resource name: the request a caller need not spell out.
_SERVER_CONFIG = GetServerConfigRequest(name="serverConfig")


class AsyncClient:
    """The open-vcluster-api client (asyncio). One per application; ``await
    client.close()``, or use it as an ``async with`` context manager.

    Args:
        endpoint: The server's base URL; default ``$OVC_ENDPOINT``, else
            ``http://127.0.0.1:8080``.
        api_key: Sent as ``Authorization: Bearer``; default ``$OVC_API_KEY``.
        timeout: Seconds each RPC may take (None: no deadline). Waits and
            watches set their own.
        retry: The retry policy (:class:`Retry`); None turns retries off.
        http_client: Your own ``pyqwest.Client`` (proxies, TLS, a
            connection pool shared with other clients).
        protocol: Connect (default), gRPC-Web or gRPC (``connectrpc.protocol.ProtocolType``).
        validate: Check every request with its protovalidate rules before
            sending it; a bad one raises ``InvalidArgumentError`` locally.
        interceptors: connectrpc interceptors, run on every RPC.
    """

    def __init__(
        self,
        endpoint: str | None = None,
        api_key: str | None = None,
        *,
        timeout: float | None = DEFAULT_TIMEOUT,
        retry: Retry | None = DEFAULT_RETRY,
        http_client: HTTPClient | None = None,
        validate: bool = False,
        protocol: ProtocolType = ProtocolType.CONNECT,
        interceptors: Iterable[Interceptor] = (),
    ) -> None:
        self._settings = s = resolve(endpoint, api_key, timeout=timeout, retry=retry, validate=validate)
        interceptors = tuple(interceptors)
        self._vclusters = vcluster_service_connect.VClusterServiceClient(
            s.endpoint, http_client=http_client, interceptors=interceptors, protocol=protocol
        )
        self._snapshots = snapshot_service_connect.SnapshotServiceClient(
            s.endpoint, http_client=http_client, interceptors=interceptors, protocol=protocol
        )
        self._operations = operation_service_connect.OperationServiceClient(
            s.endpoint, http_client=http_client, interceptors=interceptors, protocol=protocol
        )
        self._projects = project_service_connect.ProjectServiceClient(
            s.endpoint, http_client=http_client, interceptors=interceptors, protocol=protocol
        )
        self._host_clusters = host_cluster_connect.HostClusterServiceClient(
            s.endpoint, http_client=http_client, interceptors=interceptors, protocol=protocol
        )

    @property
    def endpoint(self) -> str:
        return self._settings.endpoint

    async def close(self) -> None:
        for client in (self._vclusters, self._snapshots, self._operations, self._projects, self._host_clusters):
            await client.close()

    async def __aenter__(self) -> AsyncClient:
        return self

    async def __aexit__(
        self, kind: type[BaseException] | None, value: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.close()

    # --- plumbing -----------------------------------------------------------

    async def _call(self, method: AsyncUnary[M, R], request: M, timeout: float | None = None) -> R:
        """One RPC: validated, request_id filled, retried, errors typed."""
        request = _rpc.prepare(request, validate=self._settings.validate)
        policy = _rpc.policy(request)
        deadline = timeout_ms(timeout if timeout is not None else self._settings.timeout)
        attempt = 1
        while True:
            try:
                return await method(request, headers=self._settings.headers, timeout_ms=deadline)
            except ConnectError as err:
                raise_if_cancelling()
                error = from_connect_error(err)
                delay = retry_delay(
                    self._settings.retry, error.code, attempt, read=policy.read, retryable=policy.retryable
                )
                if delay is None:
                    raise error from None  # the typed error carries all of err
            await asyncio.sleep(delay)
            attempt += 1

    async def _operation(
        self, method: AsyncUnary[M, OperationProto], request: M, unpack: _Unpack[T], timeout: float | None
    ) -> AsyncOperation[T]:
        return AsyncOperation(await self._call(method, request, timeout), unpack, self._wait, self._cancel)

    async def _wait(self, request: WaitOperationRequest, deadline: float) -> OperationProto:
        return await self._call(self._operations.wait_operation, request, deadline)

    async def _cancel(self, request: CancelOperationRequest) -> OperationProto:
        return await self._call(self._operations.cancel_operation, request)

    def _pager(
        self, method: AsyncUnary[M, P], request: M, items: Callable[[P], Sequence[T]], timeout: float | None
    ) -> AsyncPager[T, P]:
        async def fetch(token: str) -> P:
            page = type(request)()
            page.CopyFrom(request)
            setattr(page, "page_token", token)
            return await self._call(method, page, timeout)

        return AsyncPager(fetch, items, getattr(request, "page_token"))

    def _watch(
        self,
        method: AsyncStream[WatchVClustersRequest, WatchVClustersResponse],
        request: WatchVClustersRequest,
        timeout: float | None,
    ) -> AsyncGenerator[WatchVClustersResponse, None]:
        request = _rpc.prepare(request, validate=self._settings.validate)

        def open_stream(version: str) -> AsyncIterator[WatchVClustersResponse]:
            resumed = WatchVClustersRequest()
            resumed.CopyFrom(request)
            resumed.resume_version = version
            return method(resumed, headers=self._settings.headers, timeout_ms=timeout_ms(timeout))

        return watch_async(open_stream, request.resume_version, self._settings.retry)

    # --- VClusterService ----------------------------------------------------

    async def create_vcluster(
        self, request: CreateVClusterRequest, *, timeout: float | None = None
    ) -> AsyncOperation[VCluster]:
        """Creates a vcluster; the operation's result is the RUNNING VCluster."""
        return await self._operation(self._vclusters.create_v_cluster, request, unpack_vcluster, timeout)

    async def get_vcluster(self, request: GetVClusterRequest, *, timeout: float | None = None) -> VCluster:
        return await self._call(self._vclusters.get_v_cluster, request, timeout)

    def list_vclusters(
        self, request: ListVClustersRequest, *, timeout: float | None = None
    ) -> AsyncPager[VCluster, ListVClustersResponse]:
        """Every vcluster of the project, page after page (``.pages()`` for the responses)."""
        return self._pager(self._vclusters.list_v_clusters, request, lambda page: page.vclusters, timeout)

    async def update_vcluster(
        self, request: UpdateVClusterRequest, *, timeout: float | None = None
    ) -> AsyncOperation[VCluster]:
        return await self._operation(self._vclusters.update_v_cluster, request, unpack_vcluster, timeout)

    async def delete_vcluster(
        self, request: DeleteVClusterRequest, *, timeout: float | None = None
    ) -> AsyncOperation[None]:
        return await self._operation(self._vclusters.delete_v_cluster, request, unpack_empty, timeout)

    async def scale_vcluster(
        self, request: ScaleVClusterRequest, *, timeout: float | None = None
    ) -> AsyncOperation[VCluster]:
        return await self._operation(self._vclusters.scale_v_cluster, request, unpack_vcluster, timeout)

    async def suspend_vcluster(
        self, request: SuspendVClusterRequest, *, timeout: float | None = None
    ) -> AsyncOperation[VCluster]:
        return await self._operation(self._vclusters.suspend_v_cluster, request, unpack_vcluster, timeout)

    async def resume_vcluster(
        self, request: ResumeVClusterRequest, *, timeout: float | None = None
    ) -> AsyncOperation[VCluster]:
        return await self._operation(self._vclusters.resume_v_cluster, request, unpack_vcluster, timeout)

    async def snapshot_vcluster(
        self, request: SnapshotVClusterRequest, *, timeout: float | None = None
    ) -> AsyncOperation[Snapshot]:
        return await self._operation(self._vclusters.snapshot_v_cluster, request, unpack_snapshot, timeout)

    async def restore_vcluster(
        self, request: RestoreVClusterRequest, *, timeout: float | None = None
    ) -> AsyncOperation[VCluster]:
        return await self._operation(self._vclusters.restore_v_cluster, request, unpack_vcluster, timeout)

    async def generate_vcluster_kubeconfig(
        self, request: GenerateVClusterKubeconfigRequest, *, timeout: float | None = None
    ) -> Kubeconfig:
        return await self._call(self._vclusters.generate_v_cluster_kubeconfig, request, timeout)

    async def get_vcluster_usage(
        self, request: GetVClusterUsageRequest, *, timeout: float | None = None
    ) -> VClusterUsage:
        return await self._call(self._vclusters.get_v_cluster_usage, request, timeout)

    def watch_vclusters(
        self, request: WatchVClustersRequest, *, timeout: float | None = None
    ) -> AsyncGenerator[WatchVClustersResponse, None]:
        """Events without end, reopened from the last version after a
        disconnect; raises ``WatchExpired`` when that version is too old.
        ``timeout`` bounds each connection (None: none). Stop with ``break``,
        ``.aclose()`` or by cancelling the task (``asyncio.CancelledError``
        propagates)."""
        return self._watch(self._vclusters.watch_v_clusters, request, timeout)

    async def get_server_config(
        self, request: GetServerConfigRequest | None = None, *, timeout: float | None = None
    ) -> ServerConfig:
        return await self._call(self._vclusters.get_server_config, request or _SERVER_CONFIG, timeout)

    # One call for callers that only want the result.

    async def create_vcluster_and_wait(
        self, request: CreateVClusterRequest, *, timeout: float | None = None
    ) -> VCluster:
        return await (await self.create_vcluster(request)).result(timeout)

    async def update_vcluster_and_wait(
        self, request: UpdateVClusterRequest, *, timeout: float | None = None
    ) -> VCluster:
        return await (await self.update_vcluster(request)).result(timeout)

    async def delete_vcluster_and_wait(self, request: DeleteVClusterRequest, *, timeout: float | None = None) -> None:
        await (await self.delete_vcluster(request)).result(timeout)

    async def scale_vcluster_and_wait(self, request: ScaleVClusterRequest, *, timeout: float | None = None) -> VCluster:
        return await (await self.scale_vcluster(request)).result(timeout)

    async def suspend_vcluster_and_wait(
        self, request: SuspendVClusterRequest, *, timeout: float | None = None
    ) -> VCluster:
        return await (await self.suspend_vcluster(request)).result(timeout)

    async def resume_vcluster_and_wait(
        self, request: ResumeVClusterRequest, *, timeout: float | None = None
    ) -> VCluster:
        return await (await self.resume_vcluster(request)).result(timeout)

    async def snapshot_vcluster_and_wait(
        self, request: SnapshotVClusterRequest, *, timeout: float | None = None
    ) -> Snapshot:
        return await (await self.snapshot_vcluster(request)).result(timeout)

    async def restore_vcluster_and_wait(
        self, request: RestoreVClusterRequest, *, timeout: float | None = None
    ) -> VCluster:
        return await (await self.restore_vcluster(request)).result(timeout)

    # --- SnapshotService ----------------------------------------------------

    async def get_snapshot(self, request: GetSnapshotRequest, *, timeout: float | None = None) -> Snapshot:
        return await self._call(self._snapshots.get_snapshot, request, timeout)

    def list_snapshots(
        self, request: ListSnapshotsRequest, *, timeout: float | None = None
    ) -> AsyncPager[Snapshot, ListSnapshotsResponse]:
        return self._pager(self._snapshots.list_snapshots, request, lambda page: page.snapshots, timeout)

    async def update_snapshot(self, request: UpdateSnapshotRequest, *, timeout: float | None = None) -> Snapshot:
        return await self._call(self._snapshots.update_snapshot, request, timeout)

    async def delete_snapshot(
        self, request: DeleteSnapshotRequest, *, timeout: float | None = None
    ) -> AsyncOperation[None]:
        return await self._operation(self._snapshots.delete_snapshot, request, unpack_empty, timeout)

    # --- OperationService ---------------------------------------------------

    def operation(self, name: str) -> AsyncOperation[VCluster | Snapshot | None]:
        """A handle on an operation known by name (e.g. from ``list_operations``),
        to ``wait()`` or take the ``result()`` of; nothing is fetched yet."""
        return AsyncOperation(OperationProto(name=name), unpack_any, self._wait, self._cancel)

    async def get_operation(self, request: GetOperationRequest, *, timeout: float | None = None) -> OperationProto:
        return await self._call(self._operations.get_operation, request, timeout)

    def list_operations(
        self, request: ListOperationsRequest, *, timeout: float | None = None
    ) -> AsyncPager[OperationProto, ListOperationsResponse]:
        return self._pager(self._operations.list_operations, request, lambda page: page.operations, timeout)

    async def wait_operation(self, request: WaitOperationRequest, *, timeout: float | None = None) -> OperationProto:
        """One WaitOperation call (it may return not done); ``Operation.wait`` loops."""
        return await self._call(self._operations.wait_operation, request, timeout)

    async def cancel_operation(
        self, request: CancelOperationRequest, *, timeout: float | None = None
    ) -> OperationProto:
        return await self._call(self._operations.cancel_operation, request, timeout)

    # --- ProjectService -----------------------------------------------------

    async def create_project(self, request: CreateProjectRequest, *, timeout: float | None = None) -> Project:
        return await self._call(self._projects.create_project, request, timeout)

    async def get_project(self, request: GetProjectRequest, *, timeout: float | None = None) -> Project:
        return await self._call(self._projects.get_project, request, timeout)

    def list_projects(
        self, request: ListProjectsRequest | None = None, *, timeout: float | None = None
    ) -> AsyncPager[Project, ListProjectsResponse]:
        request = request or ListProjectsRequest()
        return self._pager(self._projects.list_projects, request, lambda page: page.projects, timeout)

    async def update_project(self, request: UpdateProjectRequest, *, timeout: float | None = None) -> Project:
        return await self._call(self._projects.update_project, request, timeout)

    async def delete_project(self, request: DeleteProjectRequest, *, timeout: float | None = None) -> None:
        await self._call(self._projects.delete_project, request, timeout)

    # --- HostClusterService -------------------------------------------------

    async def get_host_cluster(self, request: GetHostClusterRequest, *, timeout: float | None = None) -> HostCluster:
        return await self._call(self._host_clusters.get_host_cluster, request, timeout)

    def list_host_clusters(
        self, request: ListHostClustersRequest | None = None, *, timeout: float | None = None
    ) -> AsyncPager[HostCluster, ListHostClustersResponse]:
        return self._pager(
            self._host_clusters.list_host_clusters,
            request or ListHostClustersRequest(),
            lambda page: page.host_clusters,
            timeout,
        )
