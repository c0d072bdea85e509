import datetime

from open_vcluster.gen.buf.validate import validate_pb2 as _validate_pb2
from google.api import field_behavior_pb2 as _field_behavior_pb2
from google.api import resource_pb2 as _resource_pb2
from google.protobuf import timestamp_pb2 as _timestamp_pb2
from open_vcluster.gen.openvcluster.v1 import common_pb2 as _common_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class VCluster(_message.Message):
    __slots__ = ("name", "uid", "display_name", "labels", "annotations", "spec", "status", "create_time", "update_time", "delete_time", "etag", "generation", "deletion_protection")
    class Phase(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = ()
        PHASE_UNSPECIFIED: _ClassVar[VCluster.Phase]
        PHASE_PENDING: _ClassVar[VCluster.Phase]
        PHASE_CREATING: _ClassVar[VCluster.Phase]
        PHASE_RUNNING: _ClassVar[VCluster.Phase]
        PHASE_UPDATING: _ClassVar[VCluster.Phase]
        PHASE_SCALING: _ClassVar[VCluster.Phase]
        PHASE_SUSPENDING: _ClassVar[VCluster.Phase]
        PHASE_SUSPENDED: _ClassVar[VCluster.Phase]
        PHASE_RESUMING: _ClassVar[VCluster.Phase]
        PHASE_RESTORING: _ClassVar[VCluster.Phase]
        PHASE_DELETING: _ClassVar[VCluster.Phase]
        PHASE_FAILED: _ClassVar[VCluster.Phase]
    PHASE_UNSPECIFIED: VCluster.Phase
    PHASE_PENDING: VCluster.Phase
    PHASE_CREATING: VCluster.Phase
    PHASE_RUNNING: VCluster.Phase
    PHASE_UPDATING: VCluster.Phase
    PHASE_SCALING: VCluster.Phase
    PHASE_SUSPENDING: VCluster.Phase
    PHASE_SUSPENDED: VCluster.Phase
    PHASE_RESUMING: VCluster.Phase
    PHASE_RESTORING: VCluster.Phase
    PHASE_DELETING: VCluster.Phase
    PHASE_FAILED: VCluster.Phase
    class LabelsEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    class AnnotationsEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    NAME_FIELD_NUMBER: _ClassVar[int]
    UID_FIELD_NUMBER: _ClassVar[int]
    DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    LABELS_FIELD_NUMBER: _ClassVar[int]
    ANNOTATIONS_FIELD_NUMBER: _ClassVar[int]
    SPEC_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    CREATE_TIME_FIELD_NUMBER: _ClassVar[int]
    UPDATE_TIME_FIELD_NUMBER: _ClassVar[int]
    DELETE_TIME_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    GENERATION_FIELD_NUMBER: _ClassVar[int]
    DELETION_PROTECTION_FIELD_NUMBER: _ClassVar[int]
    name: str
    uid: str
    display_name: str
    labels: _containers.ScalarMap[str, str]
    annotations: _containers.ScalarMap[str, str]
    spec: VClusterSpec
    status: VClusterStatus
    create_time: _timestamp_pb2.Timestamp
    update_time: _timestamp_pb2.Timestamp
    delete_time: _timestamp_pb2.Timestamp
    etag: str
    generation: int
    deletion_protection: bool
    def __init__(self, name: _Optional[str] = ..., uid: _Optional[str] = ..., display_name: _Optional[str] = ..., labels: _Optional[_Mapping[str, str]] = ..., annotations: _Optional[_Mapping[str, str]] = ..., spec: _Optional[_Union[VClusterSpec, _Mapping]] = ..., status: _Optional[_Union[VClusterStatus, _Mapping]] = ..., create_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., update_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., delete_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., etag: _Optional[str] = ..., generation: _Optional[int] = ..., deletion_protection: _Optional[bool] = ...) -> None: ...

class VClusterSpec(_message.Message):
    __slots__ = ("kubernetes_version", "control_plane", "persistence", "networking", "sync", "policies", "exposure", "chart_version", "values_override", "backing_store", "isolation", "host_namespace", "host_cluster")
    KUBERNETES_VERSION_FIELD_NUMBER: _ClassVar[int]
    CONTROL_PLANE_FIELD_NUMBER: _ClassVar[int]
    PERSISTENCE_FIELD_NUMBER: _ClassVar[int]
    NETWORKING_FIELD_NUMBER: _ClassVar[int]
    SYNC_FIELD_NUMBER: _ClassVar[int]
    POLICIES_FIELD_NUMBER: _ClassVar[int]
    EXPOSURE_FIELD_NUMBER: _ClassVar[int]
    CHART_VERSION_FIELD_NUMBER: _ClassVar[int]
    VALUES_OVERRIDE_FIELD_NUMBER: _ClassVar[int]
    BACKING_STORE_FIELD_NUMBER: _ClassVar[int]
    ISOLATION_FIELD_NUMBER: _ClassVar[int]
    HOST_NAMESPACE_FIELD_NUMBER: _ClassVar[int]
    HOST_CLUSTER_FIELD_NUMBER: _ClassVar[int]
    kubernetes_version: str
    control_plane: ControlPlane
    persistence: Persistence
    networking: Networking
    sync: Sync
    policies: Policies
    exposure: Exposure
    chart_version: str
    values_override: str
    backing_store: BackingStore
    isolation: Isolation
    host_namespace: str
    host_cluster: str
    def __init__(self, kubernetes_version: _Optional[str] = ..., control_plane: _Optional[_Union[ControlPlane, _Mapping]] = ..., persistence: _Optional[_Union[Persistence, _Mapping]] = ..., networking: _Optional[_Union[Networking, _Mapping]] = ..., sync: _Optional[_Union[Sync, _Mapping]] = ..., policies: _Optional[_Union[Policies, _Mapping]] = ..., exposure: _Optional[_Union[Exposure, _Mapping]] = ..., chart_version: _Optional[str] = ..., values_override: _Optional[str] = ..., backing_store: _Optional[_Union[BackingStore, _Mapping]] = ..., isolation: _Optional[_Union[Isolation, _Mapping]] = ..., host_namespace: _Optional[str] = ..., host_cluster: _Optional[str] = ...) -> None: ...

class ControlPlane(_message.Message):
    __slots__ = ("replicas", "resources")
    REPLICAS_FIELD_NUMBER: _ClassVar[int]
    RESOURCES_FIELD_NUMBER: _ClassVar[int]
    replicas: int
    resources: ComputeResources
    def __init__(self, replicas: _Optional[int] = ..., resources: _Optional[_Union[ComputeResources, _Mapping]] = ...) -> None: ...

class ComputeResources(_message.Message):
    __slots__ = ("requests", "limits")
    REQUESTS_FIELD_NUMBER: _ClassVar[int]
    LIMITS_FIELD_NUMBER: _ClassVar[int]
    requests: ResourceList
    limits: ResourceList
    def __init__(self, requests: _Optional[_Union[ResourceList, _Mapping]] = ..., limits: _Optional[_Union[ResourceList, _Mapping]] = ...) -> None: ...

class ResourceList(_message.Message):
    __slots__ = ("cpu", "memory", "ephemeral_storage")
    CPU_FIELD_NUMBER: _ClassVar[int]
    MEMORY_FIELD_NUMBER: _ClassVar[int]
    EPHEMERAL_STORAGE_FIELD_NUMBER: _ClassVar[int]
    cpu: str
    memory: str
    ephemeral_storage: str
    def __init__(self, cpu: _Optional[str] = ..., memory: _Optional[str] = ..., ephemeral_storage: _Optional[str] = ...) -> None: ...

class Persistence(_message.Message):
    __slots__ = ("enabled", "size", "storage_class")
    ENABLED_FIELD_NUMBER: _ClassVar[int]
    SIZE_FIELD_NUMBER: _ClassVar[int]
    STORAGE_CLASS_FIELD_NUMBER: _ClassVar[int]
    enabled: bool
    size: str
    storage_class: str
    def __init__(self, enabled: _Optional[bool] = ..., size: _Optional[str] = ..., storage_class: _Optional[str] = ...) -> None: ...

class BackingStore(_message.Message):
    __slots__ = ("embedded_database", "embedded_etcd", "deployed_etcd", "external_database", "external_etcd")
    EMBEDDED_DATABASE_FIELD_NUMBER: _ClassVar[int]
    EMBEDDED_ETCD_FIELD_NUMBER: _ClassVar[int]
    DEPLOYED_ETCD_FIELD_NUMBER: _ClassVar[int]
    EXTERNAL_DATABASE_FIELD_NUMBER: _ClassVar[int]
    EXTERNAL_ETCD_FIELD_NUMBER: _ClassVar[int]
    embedded_database: EmbeddedDatabase
    embedded_etcd: EmbeddedEtcd
    deployed_etcd: DeployedEtcd
    external_database: ExternalDatabase
    external_etcd: ExternalEtcd
    def __init__(self, embedded_database: _Optional[_Union[EmbeddedDatabase, _Mapping]] = ..., embedded_etcd: _Optional[_Union[EmbeddedEtcd, _Mapping]] = ..., deployed_etcd: _Optional[_Union[DeployedEtcd, _Mapping]] = ..., external_database: _Optional[_Union[ExternalDatabase, _Mapping]] = ..., external_etcd: _Optional[_Union[ExternalEtcd, _Mapping]] = ...) -> None: ...

class EmbeddedDatabase(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class EmbeddedEtcd(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class DeployedEtcd(_message.Message):
    __slots__ = ("replicas", "storage_size")
    REPLICAS_FIELD_NUMBER: _ClassVar[int]
    STORAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    replicas: int
    storage_size: str
    def __init__(self, replicas: _Optional[int] = ..., storage_size: _Optional[str] = ...) -> None: ...

class ExternalDatabase(_message.Message):
    __slots__ = ("data_source", "tls")
    DATA_SOURCE_FIELD_NUMBER: _ClassVar[int]
    TLS_FIELD_NUMBER: _ClassVar[int]
    data_source: _common_pb2.SecretKeySelector
    tls: _common_pb2.SecretReference
    def __init__(self, data_source: _Optional[_Union[_common_pb2.SecretKeySelector, _Mapping]] = ..., tls: _Optional[_Union[_common_pb2.SecretReference, _Mapping]] = ...) -> None: ...

class ExternalEtcd(_message.Message):
    __slots__ = ("endpoint", "tls")
    ENDPOINT_FIELD_NUMBER: _ClassVar[int]
    TLS_FIELD_NUMBER: _ClassVar[int]
    endpoint: str
    tls: _common_pb2.SecretReference
    def __init__(self, endpoint: _Optional[str] = ..., tls: _Optional[_Union[_common_pb2.SecretReference, _Mapping]] = ...) -> None: ...

class Networking(_message.Message):
    __slots__ = ("service_cidr", "pod_cidr")
    SERVICE_CIDR_FIELD_NUMBER: _ClassVar[int]
    POD_CIDR_FIELD_NUMBER: _ClassVar[int]
    service_cidr: str
    pod_cidr: str
    def __init__(self, service_cidr: _Optional[str] = ..., pod_cidr: _Optional[str] = ...) -> None: ...

class Sync(_message.Message):
    __slots__ = ("to_host", "from_host", "custom_resources_to_host", "custom_resources_from_host")
    class ToHostEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: SyncRule
        def __init__(self, key: _Optional[str] = ..., value: _Optional[_Union[SyncRule, _Mapping]] = ...) -> None: ...
    class FromHostEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: SyncRule
        def __init__(self, key: _Optional[str] = ..., value: _Optional[_Union[SyncRule, _Mapping]] = ...) -> None: ...
    TO_HOST_FIELD_NUMBER: _ClassVar[int]
    FROM_HOST_FIELD_NUMBER: _ClassVar[int]
    CUSTOM_RESOURCES_TO_HOST_FIELD_NUMBER: _ClassVar[int]
    CUSTOM_RESOURCES_FROM_HOST_FIELD_NUMBER: _ClassVar[int]
    to_host: _containers.MessageMap[str, SyncRule]
    from_host: _containers.MessageMap[str, SyncRule]
    custom_resources_to_host: _containers.RepeatedCompositeFieldContainer[CustomResourceSync]
    custom_resources_from_host: _containers.RepeatedCompositeFieldContainer[CustomResourceSync]
    def __init__(self, to_host: _Optional[_Mapping[str, SyncRule]] = ..., from_host: _Optional[_Mapping[str, SyncRule]] = ..., custom_resources_to_host: _Optional[_Iterable[_Union[CustomResourceSync, _Mapping]]] = ..., custom_resources_from_host: _Optional[_Iterable[_Union[CustomResourceSync, _Mapping]]] = ...) -> None: ...

class SyncRule(_message.Message):
    __slots__ = ("mode", "selector")
    class Mode(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = ()
        MODE_UNSPECIFIED: _ClassVar[SyncRule.Mode]
        MODE_ENABLED: _ClassVar[SyncRule.Mode]
        MODE_DISABLED: _ClassVar[SyncRule.Mode]
        MODE_AUTO: _ClassVar[SyncRule.Mode]
    MODE_UNSPECIFIED: SyncRule.Mode
    MODE_ENABLED: SyncRule.Mode
    MODE_DISABLED: SyncRule.Mode
    MODE_AUTO: SyncRule.Mode
    class SelectorEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    MODE_FIELD_NUMBER: _ClassVar[int]
    SELECTOR_FIELD_NUMBER: _ClassVar[int]
    mode: SyncRule.Mode
    selector: _containers.ScalarMap[str, str]
    def __init__(self, mode: _Optional[_Union[SyncRule.Mode, str]] = ..., selector: _Optional[_Mapping[str, str]] = ...) -> None: ...

class CustomResourceSync(_message.Message):
    __slots__ = ("resource", "enabled", "scope")
    class Scope(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = ()
        SCOPE_UNSPECIFIED: _ClassVar[CustomResourceSync.Scope]
        SCOPE_NAMESPACED: _ClassVar[CustomResourceSync.Scope]
        SCOPE_CLUSTER: _ClassVar[CustomResourceSync.Scope]
    SCOPE_UNSPECIFIED: CustomResourceSync.Scope
    SCOPE_NAMESPACED: CustomResourceSync.Scope
    SCOPE_CLUSTER: CustomResourceSync.Scope
    RESOURCE_FIELD_NUMBER: _ClassVar[int]
    ENABLED_FIELD_NUMBER: _ClassVar[int]
    SCOPE_FIELD_NUMBER: _ClassVar[int]
    resource: str
    enabled: bool
    scope: CustomResourceSync.Scope
    def __init__(self, resource: _Optional[str] = ..., enabled: _Optional[bool] = ..., scope: _Optional[_Union[CustomResourceSync.Scope, str]] = ...) -> None: ...

class Policies(_message.Message):
    __slots__ = ("resource_quota", "limit_range")
    RESOURCE_QUOTA_FIELD_NUMBER: _ClassVar[int]
    LIMIT_RANGE_FIELD_NUMBER: _ClassVar[int]
    resource_quota: ResourceQuota
    limit_range: LimitRange
    def __init__(self, resource_quota: _Optional[_Union[ResourceQuota, _Mapping]] = ..., limit_range: _Optional[_Union[LimitRange, _Mapping]] = ...) -> None: ...

class Isolation(_message.Message):
    __slots__ = ("network_policy", "pod_security_standard")
    class PodSecurityStandard(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = ()
        POD_SECURITY_STANDARD_UNSPECIFIED: _ClassVar[Isolation.PodSecurityStandard]
        POD_SECURITY_STANDARD_PRIVILEGED: _ClassVar[Isolation.PodSecurityStandard]
        POD_SECURITY_STANDARD_BASELINE: _ClassVar[Isolation.PodSecurityStandard]
        POD_SECURITY_STANDARD_RESTRICTED: _ClassVar[Isolation.PodSecurityStandard]
    POD_SECURITY_STANDARD_UNSPECIFIED: Isolation.PodSecurityStandard
    POD_SECURITY_STANDARD_PRIVILEGED: Isolation.PodSecurityStandard
    POD_SECURITY_STANDARD_BASELINE: Isolation.PodSecurityStandard
    POD_SECURITY_STANDARD_RESTRICTED: Isolation.PodSecurityStandard
    NETWORK_POLICY_FIELD_NUMBER: _ClassVar[int]
    POD_SECURITY_STANDARD_FIELD_NUMBER: _ClassVar[int]
    network_policy: bool
    pod_security_standard: Isolation.PodSecurityStandard
    def __init__(self, network_policy: _Optional[bool] = ..., pod_security_standard: _Optional[_Union[Isolation.PodSecurityStandard, str]] = ...) -> None: ...

class ResourceQuota(_message.Message):
    __slots__ = ("enabled", "hard")
    class HardEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    ENABLED_FIELD_NUMBER: _ClassVar[int]
    HARD_FIELD_NUMBER: _ClassVar[int]
    enabled: bool
    hard: _containers.ScalarMap[str, str]
    def __init__(self, enabled: _Optional[bool] = ..., hard: _Optional[_Mapping[str, str]] = ...) -> None: ...

class LimitRange(_message.Message):
    __slots__ = ("enabled", "default_limits", "default_requests", "min", "max")
    ENABLED_FIELD_NUMBER: _ClassVar[int]
    DEFAULT_LIMITS_FIELD_NUMBER: _ClassVar[int]
    DEFAULT_REQUESTS_FIELD_NUMBER: _ClassVar[int]
    MIN_FIELD_NUMBER: _ClassVar[int]
    MAX_FIELD_NUMBER: _ClassVar[int]
    enabled: bool
    default_limits: ResourceList
    default_requests: ResourceList
    min: ResourceList
    max: ResourceList
    def __init__(self, enabled: _Optional[bool] = ..., default_limits: _Optional[_Union[ResourceList, _Mapping]] = ..., default_requests: _Optional[_Union[ResourceList, _Mapping]] = ..., min: _Optional[_Union[ResourceList, _Mapping]] = ..., max: _Optional[_Union[ResourceList, _Mapping]] = ...) -> None: ...

class Exposure(_message.Message):
    __slots__ = ("type", "ingress_host", "service_annotations", "ingress_class", "ingress_tls_secret", "extra_sans")
    class Type(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = ()
        TYPE_UNSPECIFIED: _ClassVar[Exposure.Type]
        TYPE_CLUSTER_INTERNAL: _ClassVar[Exposure.Type]
        TYPE_LOAD_BALANCER: _ClassVar[Exposure.Type]
        TYPE_INGRESS: _ClassVar[Exposure.Type]
        TYPE_NODE_PORT: _ClassVar[Exposure.Type]
    TYPE_UNSPECIFIED: Exposure.Type
    TYPE_CLUSTER_INTERNAL: Exposure.Type
    TYPE_LOAD_BALANCER: Exposure.Type
    TYPE_INGRESS: Exposure.Type
    TYPE_NODE_PORT: Exposure.Type
    class ServiceAnnotationsEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    TYPE_FIELD_NUMBER: _ClassVar[int]
    INGRESS_HOST_FIELD_NUMBER: _ClassVar[int]
    SERVICE_ANNOTATIONS_FIELD_NUMBER: _ClassVar[int]
    INGRESS_CLASS_FIELD_NUMBER: _ClassVar[int]
    INGRESS_TLS_SECRET_FIELD_NUMBER: _ClassVar[int]
    EXTRA_SANS_FIELD_NUMBER: _ClassVar[int]
    type: Exposure.Type
    ingress_host: str
    service_annotations: _containers.ScalarMap[str, str]
    ingress_class: str
    ingress_tls_secret: str
    extra_sans: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, type: _Optional[_Union[Exposure.Type, str]] = ..., ingress_host: _Optional[str] = ..., service_annotations: _Optional[_Mapping[str, str]] = ..., ingress_class: _Optional[str] = ..., ingress_tls_secret: _Optional[str] = ..., extra_sans: _Optional[_Iterable[str]] = ...) -> None: ...

class Condition(_message.Message):
    __slots__ = ("type", "status", "reason", "message", "last_transition_time", "observed_generation")
    class Status(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = ()
        STATUS_UNSPECIFIED: _ClassVar[Condition.Status]
        STATUS_TRUE: _ClassVar[Condition.Status]
        STATUS_FALSE: _ClassVar[Condition.Status]
        STATUS_UNKNOWN: _ClassVar[Condition.Status]
    STATUS_UNSPECIFIED: Condition.Status
    STATUS_TRUE: Condition.Status
    STATUS_FALSE: Condition.Status
    STATUS_UNKNOWN: Condition.Status
    TYPE_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_FIELD_NUMBER: _ClassVar[int]
    LAST_TRANSITION_TIME_FIELD_NUMBER: _ClassVar[int]
    OBSERVED_GENERATION_FIELD_NUMBER: _ClassVar[int]
    type: str
    status: Condition.Status
    reason: str
    message: str
    last_transition_time: _timestamp_pb2.Timestamp
    observed_generation: int
    def __init__(self, type: _Optional[str] = ..., status: _Optional[_Union[Condition.Status, str]] = ..., reason: _Optional[str] = ..., message: _Optional[str] = ..., last_transition_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., observed_generation: _Optional[int] = ...) -> None: ...

class FailedOperation(_message.Message):
    __slots__ = ("verb", "operation")
    VERB_FIELD_NUMBER: _ClassVar[int]
    OPERATION_FIELD_NUMBER: _ClassVar[int]
    verb: _common_pb2.OperationVerb
    operation: str
    def __init__(self, verb: _Optional[_Union[_common_pb2.OperationVerb, str]] = ..., operation: _Optional[str] = ...) -> None: ...

class VClusterStatus(_message.Message):
    __slots__ = ("phase", "conditions", "message", "ready_replicas", "desired_replicas", "api_server_endpoint", "host_namespace", "chart_version", "kubernetes_version", "observed_generation", "last_snapshot", "suspend_time", "current_operation", "failed_operation", "host_cluster", "release")
    PHASE_FIELD_NUMBER: _ClassVar[int]
    CONDITIONS_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_FIELD_NUMBER: _ClassVar[int]
    READY_REPLICAS_FIELD_NUMBER: _ClassVar[int]
    DESIRED_REPLICAS_FIELD_NUMBER: _ClassVar[int]
    API_SERVER_ENDPOINT_FIELD_NUMBER: _ClassVar[int]
    HOST_NAMESPACE_FIELD_NUMBER: _ClassVar[int]
    CHART_VERSION_FIELD_NUMBER: _ClassVar[int]
    KUBERNETES_VERSION_FIELD_NUMBER: _ClassVar[int]
    OBSERVED_GENERATION_FIELD_NUMBER: _ClassVar[int]
    LAST_SNAPSHOT_FIELD_NUMBER: _ClassVar[int]
    SUSPEND_TIME_FIELD_NUMBER: _ClassVar[int]
    CURRENT_OPERATION_FIELD_NUMBER: _ClassVar[int]
    FAILED_OPERATION_FIELD_NUMBER: _ClassVar[int]
    HOST_CLUSTER_FIELD_NUMBER: _ClassVar[int]
    RELEASE_FIELD_NUMBER: _ClassVar[int]
    phase: VCluster.Phase
    conditions: _containers.RepeatedCompositeFieldContainer[Condition]
    message: str
    ready_replicas: int
    desired_replicas: int
    api_server_endpoint: str
    host_namespace: str
    chart_version: str
    kubernetes_version: str
    observed_generation: int
    last_snapshot: str
    suspend_time: _timestamp_pb2.Timestamp
    current_operation: str
    failed_operation: FailedOperation
    host_cluster: str
    release: str
    def __init__(self, phase: _Optional[_Union[VCluster.Phase, str]] = ..., conditions: _Optional[_Iterable[_Union[Condition, _Mapping]]] = ..., message: _Optional[str] = ..., ready_replicas: _Optional[int] = ..., desired_replicas: _Optional[int] = ..., api_server_endpoint: _Optional[str] = ..., host_namespace: _Optional[str] = ..., chart_version: _Optional[str] = ..., kubernetes_version: _Optional[str] = ..., observed_generation: _Optional[int] = ..., last_snapshot: _Optional[str] = ..., suspend_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., current_operation: _Optional[str] = ..., failed_operation: _Optional[_Union[FailedOperation, _Mapping]] = ..., host_cluster: _Optional[str] = ..., release: _Optional[str] = ...) -> None: ...
