# Copyright 2026 The open-vcluster-api Authors
# SPDX-License-Identifier: Apache-2.0
"""Python SDK of open-vcluster-api, a VM-like API over vcluster virtual
Kubernetes clusters.

```python
import open_vcluster as ovc

with ovc.Client() as client:  # $OVC_ENDPOINT, $OVC_API_KEY
    vc = client.create_vcluster(
        ovc.CreateVClusterRequest(parent="projects/demo", vcluster_id="dev", vcluster=ovc.VCluster())
    ).result(timeout=300)
    for vc in client.list_vclusters(ovc.ListVClustersRequest(parent="projects/demo")):
        print(vc.name, ovc.VCluster.Phase.Name(vc.status.phase))
```

`Client` (sync) and `AsyncClient` (asyncio) fill ``request_id``,
retry UNAVAILABLE, return `Operation` handles for mutations, page
lists and resume watches; their errors are in `open_vcluster.errors`
(also importable from here). Every message the API uses is importable from
this package. The generated base layer stays in ``open_vcluster.gen``
(``*_pb2`` messages, ``*_connect`` clients) for what the clients do not cover.
"""

from ._async_client import AsyncClient
from ._client import Client
from ._config import API_KEY_ENV, DEFAULT_ENDPOINT, DEFAULT_TIMEOUT, ENDPOINT_ENV, USER_AGENT
from ._operation import AsyncOperation, Operation, ProgressCallback
from ._pager import AsyncPager, Pager
from ._retry import DEFAULT_RETRY, Retry
from ._version import __version__
from .errors import (
    AbortedError,
    AlreadyExistsError,
    CanceledError,
    DeadlineExceededError,
    FailedPreconditionError,
    InternalError,
    InvalidArgumentError,
    NotFoundError,
    OpenVClusterError,
    OperationError,
    OutOfRangeError,
    PermissionDeniedError,
    ResourceExhaustedError,
    UnauthenticatedError,
    UnavailableError,
    UnimplementedError,
    Violation,
    WatchExpired,
)
from .gen.openvcluster.v1.common_pb2 import OperationVerb, SecretKeySelector, SecretReference, View
from .gen.openvcluster.v1.host_cluster_pb2 import (
    GetHostClusterRequest,
    HostCluster,
    ListHostClustersRequest,
    ListHostClustersResponse,
)
from .gen.openvcluster.v1.operation_pb2 import Operation as OperationProto
from .gen.openvcluster.v1.operation_pb2 import (
    OperationMetadata,
    OperationResponse,
    OperationState,
)
from .gen.openvcluster.v1.operation_pb2 import OperationError as OperationStatus
from .gen.openvcluster.v1.operation_service_pb2 import (
    CancelOperationRequest,
    GetOperationRequest,
    ListOperationsRequest,
    ListOperationsResponse,
    WaitOperationRequest,
)
from .gen.openvcluster.v1.project_pb2 import Project, Quota, QuotaUsage
from .gen.openvcluster.v1.project_service_pb2 import (
    CreateProjectRequest,
    DeleteProjectRequest,
    GetProjectRequest,
    ListProjectsRequest,
    ListProjectsResponse,
    UpdateProjectRequest,
)
from .gen.openvcluster.v1.snapshot_pb2 import (
    AzureStorage,
    ContainerStorage,
    OciStorage,
    S3Storage,
    Snapshot,
    SnapshotStorage,
)
from .gen.openvcluster.v1.snapshot_service_pb2 import (
    DeleteSnapshotRequest,
    GetSnapshotRequest,
    ListSnapshotsRequest,
    ListSnapshotsResponse,
    UpdateSnapshotRequest,
)
from .gen.openvcluster.v1.vcluster_pb2 import (
    BackingStore,
    ComputeResources,
    Condition,
    ControlPlane,
    CustomResourceSync,
    DeployedEtcd,
    EmbeddedDatabase,
    EmbeddedEtcd,
    Exposure,
    ExternalDatabase,
    ExternalEtcd,
    FailedOperation,
    Isolation,
    LimitRange,
    Networking,
    Persistence,
    Policies,
    ResourceList,
    ResourceQuota,
    Sync,
    SyncRule,
    VCluster,
    VClusterSpec,
    VClusterStatus,
)
from .gen.openvcluster.v1.vcluster_service_pb2 import (
    ChartRelease,
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

__all__ = [
    "API_KEY_ENV",
    "AbortedError",
    "AlreadyExistsError",
    "AsyncClient",
    "AsyncOperation",
    "AsyncPager",
    "AzureStorage",
    "BackingStore",
    "CancelOperationRequest",
    "CanceledError",
    "ChartRelease",
    "Client",
    "ComputeResources",
    "Condition",
    "ContainerStorage",
    "ControlPlane",
    "CreateProjectRequest",
    "CreateVClusterRequest",
    "CustomResourceSync",
    "DEFAULT_ENDPOINT",
    "DEFAULT_RETRY",
    "DEFAULT_TIMEOUT",
    "DeadlineExceededError",
    "DeleteProjectRequest",
    "DeleteSnapshotRequest",
    "DeleteVClusterRequest",
    "DeployedEtcd",
    "ENDPOINT_ENV",
    "EmbeddedDatabase",
    "EmbeddedEtcd",
    "Exposure",
    "ExternalDatabase",
    "ExternalEtcd",
    "FailedOperation",
    "FailedPreconditionError",
    "GenerateVClusterKubeconfigRequest",
    "GetHostClusterRequest",
    "GetOperationRequest",
    "GetProjectRequest",
    "GetServerConfigRequest",
    "GetSnapshotRequest",
    "GetVClusterRequest",
    "GetVClusterUsageRequest",
    "HostCluster",
    "InternalError",
    "InvalidArgumentError",
    "Isolation",
    "Kubeconfig",
    "LimitRange",
    "ListHostClustersRequest",
    "ListHostClustersResponse",
    "ListOperationsRequest",
    "ListOperationsResponse",
    "ListProjectsRequest",
    "ListProjectsResponse",
    "ListSnapshotsRequest",
    "ListSnapshotsResponse",
    "ListVClustersRequest",
    "ListVClustersResponse",
    "Networking",
    "NotFoundError",
    "OciStorage",
    "OpenVClusterError",
    "Operation",
    "OperationError",
    "OperationMetadata",
    "OperationProto",
    "OperationResponse",
    "OperationState",
    "OperationStatus",
    "OperationVerb",
    "OutOfRangeError",
    "Pager",
    "PermissionDeniedError",
    "Persistence",
    "Policies",
    "ProgressCallback",
    "Project",
    "Quota",
    "QuotaUsage",
    "ResourceExhaustedError",
    "ResourceList",
    "ResourceQuota",
    "RestoreVClusterRequest",
    "ResumeVClusterRequest",
    "Retry",
    "S3Storage",
    "ScaleVClusterRequest",
    "SecretKeySelector",
    "SecretReference",
    "ServerConfig",
    "Snapshot",
    "SnapshotStorage",
    "SnapshotVClusterRequest",
    "SuspendVClusterRequest",
    "Sync",
    "SyncRule",
    "USER_AGENT",
    "UnauthenticatedError",
    "UnavailableError",
    "UnimplementedError",
    "UpdateProjectRequest",
    "UpdateSnapshotRequest",
    "UpdateVClusterRequest",
    "VCluster",
    "VClusterSpec",
    "VClusterStatus",
    "VClusterUsage",
    "View",
    "Violation",
    "WaitOperationRequest",
    "WatchExpired",
    "WatchVClustersRequest",
    "WatchVClustersResponse",
    "__version__",
]
