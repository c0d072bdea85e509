import datetime

from open_vcluster.gen.buf.validate import validate_pb2 as _validate_pb2
from google.api import field_behavior_pb2 as _field_behavior_pb2
from google.api import resource_pb2 as _resource_pb2
from google.protobuf import timestamp_pb2 as _timestamp_pb2
from open_vcluster.gen.openvcluster.v1 import common_pb2 as _common_pb2
from open_vcluster.gen.openvcluster.v1 import vcluster_pb2 as _vcluster_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class Snapshot(_message.Message):
    __slots__ = ("name", "uid", "source_vcluster", "source_vcluster_uid", "storage_uri", "size_bytes", "phase", "error", "create_time", "complete_time", "expire_time", "labels", "vcluster_spec", "chart_version", "kubernetes_version", "etag", "storage", "update_time", "durable")
    class Phase(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = ()
        PHASE_UNSPECIFIED: _ClassVar[Snapshot.Phase]
        PHASE_PENDING: _ClassVar[Snapshot.Phase]
        PHASE_RUNNING: _ClassVar[Snapshot.Phase]
        PHASE_SUCCEEDED: _ClassVar[Snapshot.Phase]
        PHASE_FAILED: _ClassVar[Snapshot.Phase]
        PHASE_DELETING: _ClassVar[Snapshot.Phase]
    PHASE_UNSPECIFIED: Snapshot.Phase
    PHASE_PENDING: Snapshot.Phase
    PHASE_RUNNING: Snapshot.Phase
    PHASE_SUCCEEDED: Snapshot.Phase
    PHASE_FAILED: Snapshot.Phase
    PHASE_DELETING: Snapshot.Phase
    class LabelsEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    NAME_FIELD_NUMBER: _ClassVar[int]
    UID_FIELD_NUMBER: _ClassVar[int]
    SOURCE_VCLUSTER_FIELD_NUMBER: _ClassVar[int]
    SOURCE_VCLUSTER_UID_FIELD_NUMBER: _ClassVar[int]
    STORAGE_URI_FIELD_NUMBER: _ClassVar[int]
    SIZE_BYTES_FIELD_NUMBER: _ClassVar[int]
    PHASE_FIELD_NUMBER: _ClassVar[int]
    ERROR_FIELD_NUMBER: _ClassVar[int]
    CREATE_TIME_FIELD_NUMBER: _ClassVar[int]
    COMPLETE_TIME_FIELD_NUMBER: _ClassVar[int]
    EXPIRE_TIME_FIELD_NUMBER: _ClassVar[int]
    LABELS_FIELD_NUMBER: _ClassVar[int]
    VCLUSTER_SPEC_FIELD_NUMBER: _ClassVar[int]
    CHART_VERSION_FIELD_NUMBER: _ClassVar[int]
    KUBERNETES_VERSION_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    STORAGE_FIELD_NUMBER: _ClassVar[int]
    UPDATE_TIME_FIELD_NUMBER: _ClassVar[int]
    DURABLE_FIELD_NUMBER: _ClassVar[int]
    name: str
    uid: str
    source_vcluster: str
    source_vcluster_uid: str
    storage_uri: str
    size_bytes: int
    phase: Snapshot.Phase
    error: str
    create_time: _timestamp_pb2.Timestamp
    complete_time: _timestamp_pb2.Timestamp
    expire_time: _timestamp_pb2.Timestamp
    labels: _containers.ScalarMap[str, str]
    vcluster_spec: _vcluster_pb2.VClusterSpec
    chart_version: str
    kubernetes_version: str
    etag: str
    storage: SnapshotStorage
    update_time: _timestamp_pb2.Timestamp
    durable: bool
    def __init__(self, name: _Optional[str] = ..., uid: _Optional[str] = ..., source_vcluster: _Optional[str] = ..., source_vcluster_uid: _Optional[str] = ..., storage_uri: _Optional[str] = ..., size_bytes: _Optional[int] = ..., phase: _Optional[_Union[Snapshot.Phase, str]] = ..., error: _Optional[str] = ..., create_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., complete_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., expire_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., labels: _Optional[_Mapping[str, str]] = ..., vcluster_spec: _Optional[_Union[_vcluster_pb2.VClusterSpec, _Mapping]] = ..., chart_version: _Optional[str] = ..., kubernetes_version: _Optional[str] = ..., etag: _Optional[str] = ..., storage: _Optional[_Union[SnapshotStorage, _Mapping]] = ..., update_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., durable: _Optional[bool] = ...) -> None: ...

class SnapshotStorage(_message.Message):
    __slots__ = ("s3", "oci", "azure", "container")
    S3_FIELD_NUMBER: _ClassVar[int]
    OCI_FIELD_NUMBER: _ClassVar[int]
    AZURE_FIELD_NUMBER: _ClassVar[int]
    CONTAINER_FIELD_NUMBER: _ClassVar[int]
    s3: S3Storage
    oci: OciStorage
    azure: AzureStorage
    container: ContainerStorage
    def __init__(self, s3: _Optional[_Union[S3Storage, _Mapping]] = ..., oci: _Optional[_Union[OciStorage, _Mapping]] = ..., azure: _Optional[_Union[AzureStorage, _Mapping]] = ..., container: _Optional[_Union[ContainerStorage, _Mapping]] = ...) -> None: ...

class S3Storage(_message.Message):
    __slots__ = ("bucket", "key", "region", "endpoint", "force_path_style", "credentials")
    BUCKET_FIELD_NUMBER: _ClassVar[int]
    KEY_FIELD_NUMBER: _ClassVar[int]
    REGION_FIELD_NUMBER: _ClassVar[int]
    ENDPOINT_FIELD_NUMBER: _ClassVar[int]
    FORCE_PATH_STYLE_FIELD_NUMBER: _ClassVar[int]
    CREDENTIALS_FIELD_NUMBER: _ClassVar[int]
    bucket: str
    key: str
    region: str
    endpoint: str
    force_path_style: bool
    credentials: _common_pb2.SecretReference
    def __init__(self, bucket: _Optional[str] = ..., key: _Optional[str] = ..., region: _Optional[str] = ..., endpoint: _Optional[str] = ..., force_path_style: _Optional[bool] = ..., credentials: _Optional[_Union[_common_pb2.SecretReference, _Mapping]] = ...) -> None: ...

class OciStorage(_message.Message):
    __slots__ = ("repository", "tag", "credentials")
    REPOSITORY_FIELD_NUMBER: _ClassVar[int]
    TAG_FIELD_NUMBER: _ClassVar[int]
    CREDENTIALS_FIELD_NUMBER: _ClassVar[int]
    repository: str
    tag: str
    credentials: _common_pb2.SecretReference
    def __init__(self, repository: _Optional[str] = ..., tag: _Optional[str] = ..., credentials: _Optional[_Union[_common_pb2.SecretReference, _Mapping]] = ...) -> None: ...

class AzureStorage(_message.Message):
    __slots__ = ("account", "container", "blob", "credentials")
    ACCOUNT_FIELD_NUMBER: _ClassVar[int]
    CONTAINER_FIELD_NUMBER: _ClassVar[int]
    BLOB_FIELD_NUMBER: _ClassVar[int]
    CREDENTIALS_FIELD_NUMBER: _ClassVar[int]
    account: str
    container: str
    blob: str
    credentials: _common_pb2.SecretReference
    def __init__(self, account: _Optional[str] = ..., container: _Optional[str] = ..., blob: _Optional[str] = ..., credentials: _Optional[_Union[_common_pb2.SecretReference, _Mapping]] = ...) -> None: ...

class ContainerStorage(_message.Message):
    __slots__ = ("path",)
    PATH_FIELD_NUMBER: _ClassVar[int]
    path: str
    def __init__(self, path: _Optional[str] = ...) -> None: ...
