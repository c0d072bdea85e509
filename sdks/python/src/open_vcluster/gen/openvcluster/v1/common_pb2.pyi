from open_vcluster.gen.buf.validate import validate_pb2 as _validate_pb2
from google.api import field_behavior_pb2 as _field_behavior_pb2
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class View(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    VIEW_UNSPECIFIED: _ClassVar[View]
    VIEW_BASIC: _ClassVar[View]
    VIEW_FULL: _ClassVar[View]

class OperationVerb(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    OPERATION_VERB_UNSPECIFIED: _ClassVar[OperationVerb]
    OPERATION_VERB_CREATE: _ClassVar[OperationVerb]
    OPERATION_VERB_UPDATE: _ClassVar[OperationVerb]
    OPERATION_VERB_DELETE: _ClassVar[OperationVerb]
    OPERATION_VERB_SCALE: _ClassVar[OperationVerb]
    OPERATION_VERB_SUSPEND: _ClassVar[OperationVerb]
    OPERATION_VERB_RESUME: _ClassVar[OperationVerb]
    OPERATION_VERB_SNAPSHOT: _ClassVar[OperationVerb]
    OPERATION_VERB_RESTORE: _ClassVar[OperationVerb]
    OPERATION_VERB_DELETE_SNAPSHOT: _ClassVar[OperationVerb]
VIEW_UNSPECIFIED: View
VIEW_BASIC: View
VIEW_FULL: View
OPERATION_VERB_UNSPECIFIED: OperationVerb
OPERATION_VERB_CREATE: OperationVerb
OPERATION_VERB_UPDATE: OperationVerb
OPERATION_VERB_DELETE: OperationVerb
OPERATION_VERB_SCALE: OperationVerb
OPERATION_VERB_SUSPEND: OperationVerb
OPERATION_VERB_RESUME: OperationVerb
OPERATION_VERB_SNAPSHOT: OperationVerb
OPERATION_VERB_RESTORE: OperationVerb
OPERATION_VERB_DELETE_SNAPSHOT: OperationVerb

class SecretReference(_message.Message):
    __slots__ = ("name", "namespace")
    NAME_FIELD_NUMBER: _ClassVar[int]
    NAMESPACE_FIELD_NUMBER: _ClassVar[int]
    name: str
    namespace: str
    def __init__(self, name: _Optional[str] = ..., namespace: _Optional[str] = ...) -> None: ...

class SecretKeySelector(_message.Message):
    __slots__ = ("secret", "key")
    SECRET_FIELD_NUMBER: _ClassVar[int]
    KEY_FIELD_NUMBER: _ClassVar[int]
    secret: SecretReference
    key: str
    def __init__(self, secret: _Optional[_Union[SecretReference, _Mapping]] = ..., key: _Optional[str] = ...) -> None: ...
