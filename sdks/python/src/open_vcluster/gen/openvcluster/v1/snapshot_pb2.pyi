import datetime

from google.protobuf import timestamp_pb2 as _timestamp_pb2
from open_vcluster.gen.openvcluster.v1 import vcluster_pb2 as _vcluster_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class Snapshot(_message.Message):
    __slots__ = ("name", "uid", "source_vcluster", "source_vcluster_uid", "storage_uri", "size_bytes", "phase", "error", "create_time", "complete_time", "expire_time", "labels", "vcluster_spec", "chart_version", "kubernetes_version", "etag")
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
    def __init__(self, name: _Optional[str] = ..., uid: _Optional[str] = ..., source_vcluster: _Optional[str] = ..., source_vcluster_uid: _Optional[str] = ..., storage_uri: _Optional[str] = ..., size_bytes: _Optional[int] = ..., phase: _Optional[_Union[Snapshot.Phase, str]] = ..., error: _Optional[str] = ..., create_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., complete_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., expire_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., labels: _Optional[_Mapping[str, str]] = ..., vcluster_spec: _Optional[_Union[_vcluster_pb2.VClusterSpec, _Mapping]] = ..., chart_version: _Optional[str] = ..., kubernetes_version: _Optional[str] = ..., etag: _Optional[str] = ...) -> None: ...
