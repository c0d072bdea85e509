from open_vcluster.gen.buf.validate import validate_pb2 as _validate_pb2
from google.api import annotations_pb2 as _annotations_pb2
from google.api import field_behavior_pb2 as _field_behavior_pb2
from google.api import resource_pb2 as _resource_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class HostCluster(_message.Message):
    __slots__ = ("name", "display_name", "driver", "kubernetes_version", "reachable", "default")
    NAME_FIELD_NUMBER: _ClassVar[int]
    DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    DRIVER_FIELD_NUMBER: _ClassVar[int]
    KUBERNETES_VERSION_FIELD_NUMBER: _ClassVar[int]
    REACHABLE_FIELD_NUMBER: _ClassVar[int]
    DEFAULT_FIELD_NUMBER: _ClassVar[int]
    name: str
    display_name: str
    driver: str
    kubernetes_version: str
    reachable: bool
    default: bool
    def __init__(self, name: _Optional[str] = ..., display_name: _Optional[str] = ..., driver: _Optional[str] = ..., kubernetes_version: _Optional[str] = ..., reachable: _Optional[bool] = ..., default: _Optional[bool] = ...) -> None: ...

class GetHostClusterRequest(_message.Message):
    __slots__ = ("name",)
    NAME_FIELD_NUMBER: _ClassVar[int]
    name: str
    def __init__(self, name: _Optional[str] = ...) -> None: ...

class ListHostClustersRequest(_message.Message):
    __slots__ = ("page_size", "page_token")
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    page_size: int
    page_token: str
    def __init__(self, page_size: _Optional[int] = ..., page_token: _Optional[str] = ...) -> None: ...

class ListHostClustersResponse(_message.Message):
    __slots__ = ("host_clusters", "next_page_token")
    HOST_CLUSTERS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    host_clusters: _containers.RepeatedCompositeFieldContainer[HostCluster]
    next_page_token: str
    def __init__(self, host_clusters: _Optional[_Iterable[_Union[HostCluster, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...
