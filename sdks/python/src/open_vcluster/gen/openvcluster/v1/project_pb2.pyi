import datetime

from open_vcluster.gen.buf.validate import validate_pb2 as _validate_pb2
from google.api import field_behavior_pb2 as _field_behavior_pb2
from google.api import resource_pb2 as _resource_pb2
from google.protobuf import timestamp_pb2 as _timestamp_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class Project(_message.Message):
    __slots__ = ("name", "uid", "display_name", "labels", "quota", "usage", "create_time", "update_time", "etag")
    class LabelsEntry(_message.Message):
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
    QUOTA_FIELD_NUMBER: _ClassVar[int]
    USAGE_FIELD_NUMBER: _ClassVar[int]
    CREATE_TIME_FIELD_NUMBER: _ClassVar[int]
    UPDATE_TIME_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    name: str
    uid: str
    display_name: str
    labels: _containers.ScalarMap[str, str]
    quota: Quota
    usage: QuotaUsage
    create_time: _timestamp_pb2.Timestamp
    update_time: _timestamp_pb2.Timestamp
    etag: str
    def __init__(self, name: _Optional[str] = ..., uid: _Optional[str] = ..., display_name: _Optional[str] = ..., labels: _Optional[_Mapping[str, str]] = ..., quota: _Optional[_Union[Quota, _Mapping]] = ..., usage: _Optional[_Union[QuotaUsage, _Mapping]] = ..., create_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., update_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., etag: _Optional[str] = ...) -> None: ...

class Quota(_message.Message):
    __slots__ = ("max_vclusters", "max_control_plane_cpu", "max_control_plane_memory", "max_snapshots")
    MAX_VCLUSTERS_FIELD_NUMBER: _ClassVar[int]
    MAX_CONTROL_PLANE_CPU_FIELD_NUMBER: _ClassVar[int]
    MAX_CONTROL_PLANE_MEMORY_FIELD_NUMBER: _ClassVar[int]
    MAX_SNAPSHOTS_FIELD_NUMBER: _ClassVar[int]
    max_vclusters: int
    max_control_plane_cpu: str
    max_control_plane_memory: str
    max_snapshots: int
    def __init__(self, max_vclusters: _Optional[int] = ..., max_control_plane_cpu: _Optional[str] = ..., max_control_plane_memory: _Optional[str] = ..., max_snapshots: _Optional[int] = ...) -> None: ...

class QuotaUsage(_message.Message):
    __slots__ = ("vclusters", "control_plane_cpu", "control_plane_memory", "snapshots")
    VCLUSTERS_FIELD_NUMBER: _ClassVar[int]
    CONTROL_PLANE_CPU_FIELD_NUMBER: _ClassVar[int]
    CONTROL_PLANE_MEMORY_FIELD_NUMBER: _ClassVar[int]
    SNAPSHOTS_FIELD_NUMBER: _ClassVar[int]
    vclusters: int
    control_plane_cpu: str
    control_plane_memory: str
    snapshots: int
    def __init__(self, vclusters: _Optional[int] = ..., control_plane_cpu: _Optional[str] = ..., control_plane_memory: _Optional[str] = ..., snapshots: _Optional[int] = ...) -> None: ...
