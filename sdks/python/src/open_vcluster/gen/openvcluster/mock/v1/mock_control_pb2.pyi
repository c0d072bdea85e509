import datetime

from open_vcluster.gen.buf.validate import validate_pb2 as _validate_pb2
from google.protobuf import duration_pb2 as _duration_pb2
from google.protobuf import timestamp_pb2 as _timestamp_pb2
from open_vcluster.gen.openvcluster.v1 import common_pb2 as _common_pb2
from open_vcluster.gen.openvcluster.v1 import operation_pb2 as _operation_pb2
from open_vcluster.gen.openvcluster.v1 import snapshot_pb2 as _snapshot_pb2
from open_vcluster.gen.openvcluster.v1 import vcluster_pb2 as _vcluster_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class ResetRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class ResetResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class SeedRequest(_message.Message):
    __slots__ = ("vclusters", "snapshots")
    VCLUSTERS_FIELD_NUMBER: _ClassVar[int]
    SNAPSHOTS_FIELD_NUMBER: _ClassVar[int]
    vclusters: _containers.RepeatedCompositeFieldContainer[_vcluster_pb2.VCluster]
    snapshots: _containers.RepeatedCompositeFieldContainer[_snapshot_pb2.Snapshot]
    def __init__(self, vclusters: _Optional[_Iterable[_Union[_vcluster_pb2.VCluster, _Mapping]]] = ..., snapshots: _Optional[_Iterable[_Union[_snapshot_pb2.Snapshot, _Mapping]]] = ...) -> None: ...

class SeedResponse(_message.Message):
    __slots__ = ("vclusters", "snapshots")
    VCLUSTERS_FIELD_NUMBER: _ClassVar[int]
    SNAPSHOTS_FIELD_NUMBER: _ClassVar[int]
    vclusters: _containers.RepeatedCompositeFieldContainer[_vcluster_pb2.VCluster]
    snapshots: _containers.RepeatedCompositeFieldContainer[_snapshot_pb2.Snapshot]
    def __init__(self, vclusters: _Optional[_Iterable[_Union[_vcluster_pb2.VCluster, _Mapping]]] = ..., snapshots: _Optional[_Iterable[_Union[_snapshot_pb2.Snapshot, _Mapping]]] = ...) -> None: ...

class Fault(_message.Message):
    __slots__ = ("method", "code", "message", "probability", "times", "latency")
    METHOD_FIELD_NUMBER: _ClassVar[int]
    CODE_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_FIELD_NUMBER: _ClassVar[int]
    PROBABILITY_FIELD_NUMBER: _ClassVar[int]
    TIMES_FIELD_NUMBER: _ClassVar[int]
    LATENCY_FIELD_NUMBER: _ClassVar[int]
    method: str
    code: int
    message: str
    probability: float
    times: int
    latency: _duration_pb2.Duration
    def __init__(self, method: _Optional[str] = ..., code: _Optional[int] = ..., message: _Optional[str] = ..., probability: _Optional[float] = ..., times: _Optional[int] = ..., latency: _Optional[_Union[datetime.timedelta, _duration_pb2.Duration, _Mapping]] = ...) -> None: ...

class InjectFaultRequest(_message.Message):
    __slots__ = ("fault",)
    FAULT_FIELD_NUMBER: _ClassVar[int]
    fault: Fault
    def __init__(self, fault: _Optional[_Union[Fault, _Mapping]] = ...) -> None: ...

class InjectFaultResponse(_message.Message):
    __slots__ = ("id",)
    ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    def __init__(self, id: _Optional[str] = ...) -> None: ...

class ClearFaultsRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class ClearFaultsResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class FailNextStepRequest(_message.Message):
    __slots__ = ("verb", "target", "message", "code")
    VERB_FIELD_NUMBER: _ClassVar[int]
    TARGET_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_FIELD_NUMBER: _ClassVar[int]
    CODE_FIELD_NUMBER: _ClassVar[int]
    verb: _common_pb2.OperationVerb
    target: str
    message: str
    code: int
    def __init__(self, verb: _Optional[_Union[_common_pb2.OperationVerb, str]] = ..., target: _Optional[str] = ..., message: _Optional[str] = ..., code: _Optional[int] = ...) -> None: ...

class FailNextStepResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class SetLatencyRequest(_message.Message):
    __slots__ = ("latency",)
    LATENCY_FIELD_NUMBER: _ClassVar[int]
    latency: _duration_pb2.Duration
    def __init__(self, latency: _Optional[_Union[datetime.timedelta, _duration_pb2.Duration, _Mapping]] = ...) -> None: ...

class SetLatencyResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class FreezeClockRequest(_message.Message):
    __slots__ = ("time",)
    TIME_FIELD_NUMBER: _ClassVar[int]
    time: _timestamp_pb2.Timestamp
    def __init__(self, time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class FreezeClockResponse(_message.Message):
    __slots__ = ("now",)
    NOW_FIELD_NUMBER: _ClassVar[int]
    now: _timestamp_pb2.Timestamp
    def __init__(self, now: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class AdvanceClockRequest(_message.Message):
    __slots__ = ("duration",)
    DURATION_FIELD_NUMBER: _ClassVar[int]
    duration: _duration_pb2.Duration
    def __init__(self, duration: _Optional[_Union[datetime.timedelta, _duration_pb2.Duration, _Mapping]] = ...) -> None: ...

class AdvanceClockResponse(_message.Message):
    __slots__ = ("now",)
    NOW_FIELD_NUMBER: _ClassVar[int]
    now: _timestamp_pb2.Timestamp
    def __init__(self, now: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class UnfreezeClockRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class UnfreezeClockResponse(_message.Message):
    __slots__ = ("now",)
    NOW_FIELD_NUMBER: _ClassVar[int]
    now: _timestamp_pb2.Timestamp
    def __init__(self, now: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class ListRecordedRequestsRequest(_message.Message):
    __slots__ = ("method",)
    METHOD_FIELD_NUMBER: _ClassVar[int]
    method: str
    def __init__(self, method: _Optional[str] = ...) -> None: ...

class RecordedRequest(_message.Message):
    __slots__ = ("method", "request_json", "time", "code", "headers", "truncated", "original_size_bytes")
    class HeadersEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    METHOD_FIELD_NUMBER: _ClassVar[int]
    REQUEST_JSON_FIELD_NUMBER: _ClassVar[int]
    TIME_FIELD_NUMBER: _ClassVar[int]
    CODE_FIELD_NUMBER: _ClassVar[int]
    HEADERS_FIELD_NUMBER: _ClassVar[int]
    TRUNCATED_FIELD_NUMBER: _ClassVar[int]
    ORIGINAL_SIZE_BYTES_FIELD_NUMBER: _ClassVar[int]
    method: str
    request_json: str
    time: _timestamp_pb2.Timestamp
    code: int
    headers: _containers.ScalarMap[str, str]
    truncated: bool
    original_size_bytes: int
    def __init__(self, method: _Optional[str] = ..., request_json: _Optional[str] = ..., time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., code: _Optional[int] = ..., headers: _Optional[_Mapping[str, str]] = ..., truncated: _Optional[bool] = ..., original_size_bytes: _Optional[int] = ...) -> None: ...

class ListRecordedRequestsResponse(_message.Message):
    __slots__ = ("requests",)
    REQUESTS_FIELD_NUMBER: _ClassVar[int]
    requests: _containers.RepeatedCompositeFieldContainer[RecordedRequest]
    def __init__(self, requests: _Optional[_Iterable[_Union[RecordedRequest, _Mapping]]] = ...) -> None: ...

class SeedFile(_message.Message):
    __slots__ = ("projects", "vclusters", "snapshots", "operations")
    PROJECTS_FIELD_NUMBER: _ClassVar[int]
    VCLUSTERS_FIELD_NUMBER: _ClassVar[int]
    SNAPSHOTS_FIELD_NUMBER: _ClassVar[int]
    OPERATIONS_FIELD_NUMBER: _ClassVar[int]
    projects: _containers.RepeatedScalarFieldContainer[str]
    vclusters: _containers.RepeatedCompositeFieldContainer[_vcluster_pb2.VCluster]
    snapshots: _containers.RepeatedCompositeFieldContainer[_snapshot_pb2.Snapshot]
    operations: _containers.RepeatedCompositeFieldContainer[_operation_pb2.Operation]
    def __init__(self, projects: _Optional[_Iterable[str]] = ..., vclusters: _Optional[_Iterable[_Union[_vcluster_pb2.VCluster, _Mapping]]] = ..., snapshots: _Optional[_Iterable[_Union[_snapshot_pb2.Snapshot, _Mapping]]] = ..., operations: _Optional[_Iterable[_Union[_operation_pb2.Operation, _Mapping]]] = ...) -> None: ...
