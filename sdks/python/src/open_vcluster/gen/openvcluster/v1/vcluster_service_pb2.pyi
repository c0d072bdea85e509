import datetime

from open_vcluster.gen.buf.validate import validate_pb2 as _validate_pb2
from google.api import annotations_pb2 as _annotations_pb2
from google.api import field_behavior_pb2 as _field_behavior_pb2
from google.api import resource_pb2 as _resource_pb2
from google.protobuf import duration_pb2 as _duration_pb2
from google.protobuf import field_mask_pb2 as _field_mask_pb2
from google.protobuf import timestamp_pb2 as _timestamp_pb2
from open_vcluster.gen.openvcluster.v1 import annotations_pb2 as _annotations_pb2_1
from open_vcluster.gen.openvcluster.v1 import common_pb2 as _common_pb2
from open_vcluster.gen.openvcluster.v1 import operation_pb2 as _operation_pb2
from open_vcluster.gen.openvcluster.v1 import snapshot_pb2 as _snapshot_pb2
from open_vcluster.gen.openvcluster.v1 import vcluster_pb2 as _vcluster_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class CreateVClusterRequest(_message.Message):
    __slots__ = ("parent", "vcluster_id", "vcluster", "request_id", "validate_only", "source_snapshot")
    PARENT_FIELD_NUMBER: _ClassVar[int]
    VCLUSTER_ID_FIELD_NUMBER: _ClassVar[int]
    VCLUSTER_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    VALIDATE_ONLY_FIELD_NUMBER: _ClassVar[int]
    SOURCE_SNAPSHOT_FIELD_NUMBER: _ClassVar[int]
    parent: str
    vcluster_id: str
    vcluster: _vcluster_pb2.VCluster
    request_id: str
    validate_only: bool
    source_snapshot: str
    def __init__(self, parent: _Optional[str] = ..., vcluster_id: _Optional[str] = ..., vcluster: _Optional[_Union[_vcluster_pb2.VCluster, _Mapping]] = ..., request_id: _Optional[str] = ..., validate_only: _Optional[bool] = ..., source_snapshot: _Optional[str] = ...) -> None: ...

class GetVClusterRequest(_message.Message):
    __slots__ = ("name", "view")
    NAME_FIELD_NUMBER: _ClassVar[int]
    VIEW_FIELD_NUMBER: _ClassVar[int]
    name: str
    view: _common_pb2.View
    def __init__(self, name: _Optional[str] = ..., view: _Optional[_Union[_common_pb2.View, str]] = ...) -> None: ...

class ListVClustersRequest(_message.Message):
    __slots__ = ("parent", "page_size", "page_token", "filter", "order_by", "view")
    PARENT_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    FILTER_FIELD_NUMBER: _ClassVar[int]
    ORDER_BY_FIELD_NUMBER: _ClassVar[int]
    VIEW_FIELD_NUMBER: _ClassVar[int]
    parent: str
    page_size: int
    page_token: str
    filter: str
    order_by: str
    view: _common_pb2.View
    def __init__(self, parent: _Optional[str] = ..., page_size: _Optional[int] = ..., page_token: _Optional[str] = ..., filter: _Optional[str] = ..., order_by: _Optional[str] = ..., view: _Optional[_Union[_common_pb2.View, str]] = ...) -> None: ...

class ListVClustersResponse(_message.Message):
    __slots__ = ("vclusters", "next_page_token", "total_size", "version")
    VCLUSTERS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    TOTAL_SIZE_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    vclusters: _containers.RepeatedCompositeFieldContainer[_vcluster_pb2.VCluster]
    next_page_token: str
    total_size: int
    version: str
    def __init__(self, vclusters: _Optional[_Iterable[_Union[_vcluster_pb2.VCluster, _Mapping]]] = ..., next_page_token: _Optional[str] = ..., total_size: _Optional[int] = ..., version: _Optional[str] = ...) -> None: ...

class UpdateVClusterRequest(_message.Message):
    __slots__ = ("vcluster", "update_mask", "request_id", "validate_only")
    VCLUSTER_FIELD_NUMBER: _ClassVar[int]
    UPDATE_MASK_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    VALIDATE_ONLY_FIELD_NUMBER: _ClassVar[int]
    vcluster: _vcluster_pb2.VCluster
    update_mask: _field_mask_pb2.FieldMask
    request_id: str
    validate_only: bool
    def __init__(self, vcluster: _Optional[_Union[_vcluster_pb2.VCluster, _Mapping]] = ..., update_mask: _Optional[_Union[_field_mask_pb2.FieldMask, _Mapping]] = ..., request_id: _Optional[str] = ..., validate_only: _Optional[bool] = ...) -> None: ...

class DeleteVClusterRequest(_message.Message):
    __slots__ = ("name", "etag", "force", "request_id", "validate_only")
    NAME_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    FORCE_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    VALIDATE_ONLY_FIELD_NUMBER: _ClassVar[int]
    name: str
    etag: str
    force: bool
    request_id: str
    validate_only: bool
    def __init__(self, name: _Optional[str] = ..., etag: _Optional[str] = ..., force: _Optional[bool] = ..., request_id: _Optional[str] = ..., validate_only: _Optional[bool] = ...) -> None: ...

class ScaleVClusterRequest(_message.Message):
    __slots__ = ("name", "replicas", "resources", "resource_quota", "etag", "request_id", "validate_only")
    NAME_FIELD_NUMBER: _ClassVar[int]
    REPLICAS_FIELD_NUMBER: _ClassVar[int]
    RESOURCES_FIELD_NUMBER: _ClassVar[int]
    RESOURCE_QUOTA_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    VALIDATE_ONLY_FIELD_NUMBER: _ClassVar[int]
    name: str
    replicas: int
    resources: _vcluster_pb2.ComputeResources
    resource_quota: _vcluster_pb2.ResourceQuota
    etag: str
    request_id: str
    validate_only: bool
    def __init__(self, name: _Optional[str] = ..., replicas: _Optional[int] = ..., resources: _Optional[_Union[_vcluster_pb2.ComputeResources, _Mapping]] = ..., resource_quota: _Optional[_Union[_vcluster_pb2.ResourceQuota, _Mapping]] = ..., etag: _Optional[str] = ..., request_id: _Optional[str] = ..., validate_only: _Optional[bool] = ...) -> None: ...

class SuspendVClusterRequest(_message.Message):
    __slots__ = ("name", "etag", "request_id", "validate_only")
    NAME_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    VALIDATE_ONLY_FIELD_NUMBER: _ClassVar[int]
    name: str
    etag: str
    request_id: str
    validate_only: bool
    def __init__(self, name: _Optional[str] = ..., etag: _Optional[str] = ..., request_id: _Optional[str] = ..., validate_only: _Optional[bool] = ...) -> None: ...

class ResumeVClusterRequest(_message.Message):
    __slots__ = ("name", "etag", "request_id", "validate_only")
    NAME_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    VALIDATE_ONLY_FIELD_NUMBER: _ClassVar[int]
    name: str
    etag: str
    request_id: str
    validate_only: bool
    def __init__(self, name: _Optional[str] = ..., etag: _Optional[str] = ..., request_id: _Optional[str] = ..., validate_only: _Optional[bool] = ...) -> None: ...

class SnapshotVClusterRequest(_message.Message):
    __slots__ = ("name", "snapshot_id", "labels", "ttl", "request_id", "validate_only", "storage")
    class LabelsEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    NAME_FIELD_NUMBER: _ClassVar[int]
    SNAPSHOT_ID_FIELD_NUMBER: _ClassVar[int]
    LABELS_FIELD_NUMBER: _ClassVar[int]
    TTL_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    VALIDATE_ONLY_FIELD_NUMBER: _ClassVar[int]
    STORAGE_FIELD_NUMBER: _ClassVar[int]
    name: str
    snapshot_id: str
    labels: _containers.ScalarMap[str, str]
    ttl: _duration_pb2.Duration
    request_id: str
    validate_only: bool
    storage: _snapshot_pb2.SnapshotStorage
    def __init__(self, name: _Optional[str] = ..., snapshot_id: _Optional[str] = ..., labels: _Optional[_Mapping[str, str]] = ..., ttl: _Optional[_Union[datetime.timedelta, _duration_pb2.Duration, _Mapping]] = ..., request_id: _Optional[str] = ..., validate_only: _Optional[bool] = ..., storage: _Optional[_Union[_snapshot_pb2.SnapshotStorage, _Mapping]] = ...) -> None: ...

class RestoreVClusterRequest(_message.Message):
    __slots__ = ("snapshot", "name", "etag", "request_id", "validate_only")
    SNAPSHOT_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    VALIDATE_ONLY_FIELD_NUMBER: _ClassVar[int]
    snapshot: str
    name: str
    etag: str
    request_id: str
    validate_only: bool
    def __init__(self, snapshot: _Optional[str] = ..., name: _Optional[str] = ..., etag: _Optional[str] = ..., request_id: _Optional[str] = ..., validate_only: _Optional[bool] = ...) -> None: ...

class GenerateVClusterKubeconfigRequest(_message.Message):
    __slots__ = ("name", "endpoint", "token_ttl", "admin")
    class Endpoint(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = ()
        ENDPOINT_UNSPECIFIED: _ClassVar[GenerateVClusterKubeconfigRequest.Endpoint]
        ENDPOINT_CLUSTER_INTERNAL: _ClassVar[GenerateVClusterKubeconfigRequest.Endpoint]
        ENDPOINT_LOAD_BALANCER: _ClassVar[GenerateVClusterKubeconfigRequest.Endpoint]
        ENDPOINT_INGRESS: _ClassVar[GenerateVClusterKubeconfigRequest.Endpoint]
        ENDPOINT_NODE_PORT: _ClassVar[GenerateVClusterKubeconfigRequest.Endpoint]
    ENDPOINT_UNSPECIFIED: GenerateVClusterKubeconfigRequest.Endpoint
    ENDPOINT_CLUSTER_INTERNAL: GenerateVClusterKubeconfigRequest.Endpoint
    ENDPOINT_LOAD_BALANCER: GenerateVClusterKubeconfigRequest.Endpoint
    ENDPOINT_INGRESS: GenerateVClusterKubeconfigRequest.Endpoint
    ENDPOINT_NODE_PORT: GenerateVClusterKubeconfigRequest.Endpoint
    NAME_FIELD_NUMBER: _ClassVar[int]
    ENDPOINT_FIELD_NUMBER: _ClassVar[int]
    TOKEN_TTL_FIELD_NUMBER: _ClassVar[int]
    ADMIN_FIELD_NUMBER: _ClassVar[int]
    name: str
    endpoint: GenerateVClusterKubeconfigRequest.Endpoint
    token_ttl: _duration_pb2.Duration
    admin: bool
    def __init__(self, name: _Optional[str] = ..., endpoint: _Optional[_Union[GenerateVClusterKubeconfigRequest.Endpoint, str]] = ..., token_ttl: _Optional[_Union[datetime.timedelta, _duration_pb2.Duration, _Mapping]] = ..., admin: _Optional[bool] = ...) -> None: ...

class Kubeconfig(_message.Message):
    __slots__ = ("kubeconfig", "server", "context", "expire_time", "admin")
    KUBECONFIG_FIELD_NUMBER: _ClassVar[int]
    SERVER_FIELD_NUMBER: _ClassVar[int]
    CONTEXT_FIELD_NUMBER: _ClassVar[int]
    EXPIRE_TIME_FIELD_NUMBER: _ClassVar[int]
    ADMIN_FIELD_NUMBER: _ClassVar[int]
    kubeconfig: str
    server: str
    context: str
    expire_time: _timestamp_pb2.Timestamp
    admin: bool
    def __init__(self, kubeconfig: _Optional[str] = ..., server: _Optional[str] = ..., context: _Optional[str] = ..., expire_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., admin: _Optional[bool] = ...) -> None: ...

class GetVClusterUsageRequest(_message.Message):
    __slots__ = ("name",)
    NAME_FIELD_NUMBER: _ClassVar[int]
    name: str
    def __init__(self, name: _Optional[str] = ...) -> None: ...

class VClusterUsage(_message.Message):
    __slots__ = ("name", "cpu", "memory", "pods", "persistent_volume_claims", "used", "hard", "sample_time")
    class UsedEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    class HardEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    NAME_FIELD_NUMBER: _ClassVar[int]
    CPU_FIELD_NUMBER: _ClassVar[int]
    MEMORY_FIELD_NUMBER: _ClassVar[int]
    PODS_FIELD_NUMBER: _ClassVar[int]
    PERSISTENT_VOLUME_CLAIMS_FIELD_NUMBER: _ClassVar[int]
    USED_FIELD_NUMBER: _ClassVar[int]
    HARD_FIELD_NUMBER: _ClassVar[int]
    SAMPLE_TIME_FIELD_NUMBER: _ClassVar[int]
    name: str
    cpu: str
    memory: str
    pods: int
    persistent_volume_claims: int
    used: _containers.ScalarMap[str, str]
    hard: _containers.ScalarMap[str, str]
    sample_time: _timestamp_pb2.Timestamp
    def __init__(self, name: _Optional[str] = ..., cpu: _Optional[str] = ..., memory: _Optional[str] = ..., pods: _Optional[int] = ..., persistent_volume_claims: _Optional[int] = ..., used: _Optional[_Mapping[str, str]] = ..., hard: _Optional[_Mapping[str, str]] = ..., sample_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class WatchVClustersRequest(_message.Message):
    __slots__ = ("parent", "filter", "resume_version", "view")
    PARENT_FIELD_NUMBER: _ClassVar[int]
    FILTER_FIELD_NUMBER: _ClassVar[int]
    RESUME_VERSION_FIELD_NUMBER: _ClassVar[int]
    VIEW_FIELD_NUMBER: _ClassVar[int]
    parent: str
    filter: str
    resume_version: str
    view: _common_pb2.View
    def __init__(self, parent: _Optional[str] = ..., filter: _Optional[str] = ..., resume_version: _Optional[str] = ..., view: _Optional[_Union[_common_pb2.View, str]] = ...) -> None: ...

class WatchVClustersResponse(_message.Message):
    __slots__ = ("type", "vcluster", "version", "event_time")
    class EventType(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = ()
        EVENT_TYPE_UNSPECIFIED: _ClassVar[WatchVClustersResponse.EventType]
        EVENT_TYPE_ADDED: _ClassVar[WatchVClustersResponse.EventType]
        EVENT_TYPE_MODIFIED: _ClassVar[WatchVClustersResponse.EventType]
        EVENT_TYPE_DELETED: _ClassVar[WatchVClustersResponse.EventType]
        EVENT_TYPE_SYNCED: _ClassVar[WatchVClustersResponse.EventType]
        EVENT_TYPE_BOOKMARK: _ClassVar[WatchVClustersResponse.EventType]
    EVENT_TYPE_UNSPECIFIED: WatchVClustersResponse.EventType
    EVENT_TYPE_ADDED: WatchVClustersResponse.EventType
    EVENT_TYPE_MODIFIED: WatchVClustersResponse.EventType
    EVENT_TYPE_DELETED: WatchVClustersResponse.EventType
    EVENT_TYPE_SYNCED: WatchVClustersResponse.EventType
    EVENT_TYPE_BOOKMARK: WatchVClustersResponse.EventType
    TYPE_FIELD_NUMBER: _ClassVar[int]
    VCLUSTER_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    EVENT_TIME_FIELD_NUMBER: _ClassVar[int]
    type: WatchVClustersResponse.EventType
    vcluster: _vcluster_pb2.VCluster
    version: str
    event_time: _timestamp_pb2.Timestamp
    def __init__(self, type: _Optional[_Union[WatchVClustersResponse.EventType, str]] = ..., vcluster: _Optional[_Union[_vcluster_pb2.VCluster, _Mapping]] = ..., version: _Optional[str] = ..., event_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class GetServerConfigRequest(_message.Message):
    __slots__ = ("name",)
    NAME_FIELD_NUMBER: _ClassVar[int]
    name: str
    def __init__(self, name: _Optional[str] = ...) -> None: ...

class ServerConfig(_message.Message):
    __slots__ = ("name", "default_chart_version", "chart_releases", "storage_types", "exposure_types", "backing_stores", "denied_values_keys", "default_host_cluster")
    NAME_FIELD_NUMBER: _ClassVar[int]
    DEFAULT_CHART_VERSION_FIELD_NUMBER: _ClassVar[int]
    CHART_RELEASES_FIELD_NUMBER: _ClassVar[int]
    STORAGE_TYPES_FIELD_NUMBER: _ClassVar[int]
    EXPOSURE_TYPES_FIELD_NUMBER: _ClassVar[int]
    BACKING_STORES_FIELD_NUMBER: _ClassVar[int]
    DENIED_VALUES_KEYS_FIELD_NUMBER: _ClassVar[int]
    DEFAULT_HOST_CLUSTER_FIELD_NUMBER: _ClassVar[int]
    name: str
    default_chart_version: str
    chart_releases: _containers.RepeatedCompositeFieldContainer[ChartRelease]
    storage_types: _containers.RepeatedScalarFieldContainer[str]
    exposure_types: _containers.RepeatedScalarFieldContainer[_vcluster_pb2.Exposure.Type]
    backing_stores: _containers.RepeatedScalarFieldContainer[str]
    denied_values_keys: _containers.RepeatedScalarFieldContainer[str]
    default_host_cluster: str
    def __init__(self, name: _Optional[str] = ..., default_chart_version: _Optional[str] = ..., chart_releases: _Optional[_Iterable[_Union[ChartRelease, _Mapping]]] = ..., storage_types: _Optional[_Iterable[str]] = ..., exposure_types: _Optional[_Iterable[_Union[_vcluster_pb2.Exposure.Type, str]]] = ..., backing_stores: _Optional[_Iterable[str]] = ..., denied_values_keys: _Optional[_Iterable[str]] = ..., default_host_cluster: _Optional[str] = ...) -> None: ...

class ChartRelease(_message.Message):
    __slots__ = ("chart_version", "kubernetes_versions", "default_kubernetes_version")
    CHART_VERSION_FIELD_NUMBER: _ClassVar[int]
    KUBERNETES_VERSIONS_FIELD_NUMBER: _ClassVar[int]
    DEFAULT_KUBERNETES_VERSION_FIELD_NUMBER: _ClassVar[int]
    chart_version: str
    kubernetes_versions: _containers.RepeatedScalarFieldContainer[str]
    default_kubernetes_version: str
    def __init__(self, chart_version: _Optional[str] = ..., kubernetes_versions: _Optional[_Iterable[str]] = ..., default_kubernetes_version: _Optional[str] = ...) -> None: ...
