# Copyright 2026 The open-vcluster-api Authors
# SPDX-License-Identifier: Apache-2.0
"""The synchronous client, :class:`Client`."""

from __future__ import annotations

import time
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from types import TracebackType
from typing import TypeVar

from connectrpc.errors import ConnectError
from connectrpc.protocol import ProtocolType
from connectrpc.interceptor import InterceptorSync
from pyqwest import SyncClient

from . import _rpc
from ._config import DEFAULT_TIMEOUT, resolve, timeout_ms
from ._operation import Operation, unpack_any, unpack_empty, unpack_snapshot, unpack_vcluster
from ._pager import Pager, _Page
from ._retry import DEFAULT_RETRY, Retry, retry_delay
from ._types import M, Stream, Unary
from ._watch import watch
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


class Client:
    """The open-vcluster-api client (sync). One per application; close it, or
    use it as a context manager.

    Args:
        endpoint: The server's base URL; default ``$OVC_ENDPOINT``, else
            ``http://127.0.0.1:8080``.
        api_key: Sent as ``Authorization: Bearer``; default ``$OVC_API_KEY``.
        timeout: Seconds each RPC may take (None: no deadline). Waits and
            watches set their own.
        retry: The retry policy (:class:`Retry`); None turns retries off.
        http_client: Your own ``pyqwest.SyncClient`` (proxies, TLS, a
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
        http_client: SyncClient | None = None,
        validate: bool = False,
        protocol: ProtocolType = ProtocolType.CONNECT,
        interceptors: Iterable[InterceptorSync] = (),
    ) -> None:
        self._settings = s = resolve(endpoint, api_key, timeout=timeout, retry=retry, validate=validate)
        interceptors = tuple(interceptors)
        self._vclusters = vcluster_service_connect.VClusterServiceClientSync(
            s.endpoint, http_client=http_client, interceptors=interceptors, protocol=protocol
        )
        self._snapshots = snapshot_service_connect.SnapshotServiceClientSync(
            s.endpoint, http_client=http_client, interceptors=interceptors, protocol=protocol
        )
        self._operations = operation_service_connect.OperationServiceClientSync(
            s.endpoint, http_client=http_client, interceptors=interceptors, protocol=protocol
        )
        self._projects = project_service_connect.ProjectServiceClientSync(
            s.endpoint, http_client=http_client, interceptors=interceptors, protocol=protocol
        )
        self._host_clusters = host_cluster_connect.HostClusterServiceClientSync(
            s.endpoint, http_client=http_client, interceptors=interceptors, protocol=protocol
        )

    @property
    def endpoint(self) -> str:
        return self._settings.endpoint

    def close(self) -> None:
        for client in (self._vclusters, self._snapshots, self._operations, self._projects, self._host_clusters):
            client.close()

    def __enter__(self) -> Client:
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None, tb: TracebackType | None) -> None:
        self.close()

    # --- plumbing -----------------------------------------------------------

    def _call(self, method: Unary[M, R], request: M, timeout: float | None = None) -> R:
        """One RPC: validated, request_id filled, retried, errors typed."""
        request = _rpc.prepare(request, validate=self._settings.validate)
        policy = _rpc.policy(request)
        deadline = timeout_ms(timeout if timeout is not None else self._settings.timeout)
        attempt = 1
        while True:
            try:
                return method(request, headers=self._settings.headers, timeout_ms=deadline)
            except ConnectError as err:
                error = from_connect_error(err)
                delay = retry_delay(
                    self._settings.retry, error.code, attempt, read=policy.read, retryable=policy.retryable
                )
                if delay is None:
                    raise error from None  # the typed error carries all of err
            time.sleep(delay)
            attempt += 1

    def _operation(
        self, method: Unary[M, OperationProto], request: M, unpack: _Unpack[T], timeout: float | None
    ) -> Operation[T]:
        return Operation(self._call(method, request, timeout), unpack, self._wait, self._cancel)

    def _wait(self, request: WaitOperationRequest, deadline: float) -> OperationProto:
        return self._call(self._operations.wait_operation, request, deadline)

    def _cancel(self, request: CancelOperationRequest) -> OperationProto:
        return self._call(self._operations.cancel_operation, request)

    def _pager(
        self, method: Unary[M, P], request: M, items: Callable[[P], Sequence[T]], timeout: float | None
    ) -> Pager[T, P]:
        def fetch(token: str) -> P:
            page = type(request)()
            page.CopyFrom(request)
            setattr(page, "page_token", token)
            return self._call(method, page, timeout)

        return Pager(fetch, items, getattr(request, "page_token"))

    def _watch(
        self,
        method: Stream[WatchVClustersRequest, WatchVClustersResponse],
        request: WatchVClustersRequest,
        timeout: float | None,
    ) -> Generator[WatchVClustersResponse, None, None]:
        request = _rpc.prepare(request, validate=self._settings.validate)

        def open_stream(version: str) -> Iterator[WatchVClustersResponse]:
            resumed = WatchVClustersRequest()
            resumed.CopyFrom(request)
            resumed.resume_version = version
            return method(resumed, headers=self._settings.headers, timeout_ms=timeout_ms(timeout))

        return watch(open_stream, request.resume_version, self._settings.retry)

    # --- VClusterService ----------------------------------------------------

    def create_vcluster(self, request: CreateVClusterRequest, *, timeout: float | None = None) -> Operation[VCluster]:
        """Creates a vcluster; the operation's result is the RUNNING VCluster."""
        return self._operation(self._vclusters.create_v_cluster, request, unpack_vcluster, timeout)

    def get_vcluster(self, request: GetVClusterRequest, *, timeout: float | None = None) -> VCluster:
        return self._call(self._vclusters.get_v_cluster, request, timeout)

    def list_vclusters(
        self, request: ListVClustersRequest, *, timeout: float | None = None
    ) -> Pager[VCluster, ListVClustersResponse]:
        """Every vcluster of the project, page after page (``.pages()`` for the responses)."""
        return self._pager(self._vclusters.list_v_clusters, request, lambda page: page.vclusters, timeout)

    def update_vcluster(self, request: UpdateVClusterRequest, *, timeout: float | None = None) -> Operation[VCluster]:
        return self._operation(self._vclusters.update_v_cluster, request, unpack_vcluster, timeout)

    def delete_vcluster(self, request: DeleteVClusterRequest, *, timeout: float | None = None) -> Operation[None]:
        return self._operation(self._vclusters.delete_v_cluster, request, unpack_empty, timeout)

    def scale_vcluster(self, request: ScaleVClusterRequest, *, timeout: float | None = None) -> Operation[VCluster]:
        return self._operation(self._vclusters.scale_v_cluster, request, unpack_vcluster, timeout)

    def suspend_vcluster(self, request: SuspendVClusterRequest, *, timeout: float | None = None) -> Operation[VCluster]:
        return self._operation(self._vclusters.suspend_v_cluster, request, unpack_vcluster, timeout)

    def resume_vcluster(self, request: ResumeVClusterRequest, *, timeout: float | None = None) -> Operation[VCluster]:
        return self._operation(self._vclusters.resume_v_cluster, request, unpack_vcluster, timeout)

    def snapshot_vcluster(
        self, request: SnapshotVClusterRequest, *, timeout: float | None = None
    ) -> Operation[Snapshot]:
        return self._operation(self._vclusters.snapshot_v_cluster, request, unpack_snapshot, timeout)

    def restore_vcluster(self, request: RestoreVClusterRequest, *, timeout: float | None = None) -> Operation[VCluster]:
        return self._operation(self._vclusters.restore_v_cluster, request, unpack_vcluster, timeout)

    def generate_vcluster_kubeconfig(
        self, request: GenerateVClusterKubeconfigRequest, *, timeout: float | None = None
    ) -> Kubeconfig:
        return self._call(self._vclusters.generate_v_cluster_kubeconfig, request, timeout)

    def get_vcluster_usage(self, request: GetVClusterUsageRequest, *, timeout: float | None = None) -> VClusterUsage:
        return self._call(self._vclusters.get_v_cluster_usage, request, timeout)

    def watch_vclusters(
        self, request: WatchVClustersRequest, *, timeout: float | None = None
    ) -> Generator[WatchVClustersResponse, None, None]:
        """Events without end, reopened from the last version after a
        disconnect; raises ``WatchExpired`` when that version is too old.
        ``timeout`` bounds each connection (None: none). Stop with ``break``
        or ``.close()``."""
        return self._watch(self._vclusters.watch_v_clusters, request, timeout)

    def get_server_config(
        self, request: GetServerConfigRequest | None = None, *, timeout: float | None = None
    ) -> ServerConfig:
        """The server's versions, storage types and limits (the ``serverConfig`` singleton)."""
        return self._call(self._vclusters.get_server_config, request or _SERVER_CONFIG, timeout)

    # One call for callers that only want the result.

    def create_vcluster_and_wait(self, request: CreateVClusterRequest, *, timeout: float | None = None) -> VCluster:
        return self.create_vcluster(request).result(timeout)

    def update_vcluster_and_wait(self, request: UpdateVClusterRequest, *, timeout: float | None = None) -> VCluster:
        return self.update_vcluster(request).result(timeout)

    def delete_vcluster_and_wait(self, request: DeleteVClusterRequest, *, timeout: float | None = None) -> None:
        self.delete_vcluster(request).result(timeout)

    def scale_vcluster_and_wait(self, request: ScaleVClusterRequest, *, timeout: float | None = None) -> VCluster:
        return self.scale_vcluster(request).result(timeout)

    def suspend_vcluster_and_wait(self, request: SuspendVClusterRequest, *, timeout: float | None = None) -> VCluster:
        return self.suspend_vcluster(request).result(timeout)

    def resume_vcluster_and_wait(self, request: ResumeVClusterRequest, *, timeout: float | None = None) -> VCluster:
        return self.resume_vcluster(request).result(timeout)

    def snapshot_vcluster_and_wait(self, request: SnapshotVClusterRequest, *, timeout: float | None = None) -> Snapshot:
        return self.snapshot_vcluster(request).result(timeout)

    def restore_vcluster_and_wait(self, request: RestoreVClusterRequest, *, timeout: float | None = None) -> VCluster:
        return self.restore_vcluster(request).result(timeout)

    # --- SnapshotService ----------------------------------------------------

    def get_snapshot(self, request: GetSnapshotRequest, *, timeout: float | None = None) -> Snapshot:
        return self._call(self._snapshots.get_snapshot, request, timeout)

    def list_snapshots(
        self, request: ListSnapshotsRequest, *, timeout: float | None = None
    ) -> Pager[Snapshot, ListSnapshotsResponse]:
        return self._pager(self._snapshots.list_snapshots, request, lambda page: page.snapshots, timeout)

    def update_snapshot(self, request: UpdateSnapshotRequest, *, timeout: float | None = None) -> Snapshot:
        return self._call(self._snapshots.update_snapshot, request, timeout)

    def delete_snapshot(self, request: DeleteSnapshotRequest, *, timeout: float | None = None) -> Operation[None]:
        return self._operation(self._snapshots.delete_snapshot, request, unpack_empty, timeout)

    # --- OperationService ---------------------------------------------------

    def operation(self, name: str) -> Operation[VCluster | Snapshot | None]:
        """A handle on an operation known by name (e.g. from ``list_operations``),
        to ``wait()`` or take the ``result()`` of; nothing is fetched yet."""
        return Operation(OperationProto(name=name), unpack_any, self._wait, self._cancel)

    def get_operation(self, request: GetOperationRequest, *, timeout: float | None = None) -> OperationProto:
        return self._call(self._operations.get_operation, request, timeout)

    def list_operations(
        self, request: ListOperationsRequest, *, timeout: float | None = None
    ) -> Pager[OperationProto, ListOperationsResponse]:
        return self._pager(self._operations.list_operations, request, lambda page: page.operations, timeout)

    def wait_operation(self, request: WaitOperationRequest, *, timeout: float | None = None) -> OperationProto:
        """One WaitOperation call (it may return not done); ``Operation.wait`` loops."""
        return self._call(self._operations.wait_operation, request, timeout)

    def cancel_operation(self, request: CancelOperationRequest, *, timeout: float | None = None) -> OperationProto:
        return self._call(self._operations.cancel_operation, request, timeout)

    # --- ProjectService -----------------------------------------------------

    def create_project(self, request: CreateProjectRequest, *, timeout: float | None = None) -> Project:
        return self._call(self._projects.create_project, request, timeout)

    def get_project(self, request: GetProjectRequest, *, timeout: float | None = None) -> Project:
        return self._call(self._projects.get_project, request, timeout)

    def list_projects(
        self, request: ListProjectsRequest | None = None, *, timeout: float | None = None
    ) -> Pager[Project, ListProjectsResponse]:
        request = request or ListProjectsRequest()
        return self._pager(self._projects.list_projects, request, lambda page: page.projects, timeout)

    def update_project(self, request: UpdateProjectRequest, *, timeout: float | None = None) -> Project:
        return self._call(self._projects.update_project, request, timeout)

    def delete_project(self, request: DeleteProjectRequest, *, timeout: float | None = None) -> None:
        self._call(self._projects.delete_project, request, timeout)

    # --- HostClusterService -------------------------------------------------

    def get_host_cluster(self, request: GetHostClusterRequest, *, timeout: float | None = None) -> HostCluster:
        return self._call(self._host_clusters.get_host_cluster, request, timeout)

    def list_host_clusters(
        self, request: ListHostClustersRequest | None = None, *, timeout: float | None = None
    ) -> Pager[HostCluster, ListHostClustersResponse]:
        return self._pager(
            self._host_clusters.list_host_clusters,
            request or ListHostClustersRequest(),
            lambda page: page.host_clusters,
            timeout,
        )
