# Copyright 2026 The open-vcluster-api Authors
# SPDX-License-Identifier: Apache-2.0
"""The errors the clients raise: one class per canonical code, all subclasses
of :class:`OpenVClusterError` (itself a ``connectrpc`` ``ConnectError``, so
code written against the generated clients keeps catching them)::

    try:
        client.get_vcluster(GetVClusterRequest(name=name))
    except NotFoundError:
        ...
    except InvalidArgumentError as err:
        for v in err.violations:
            print(v.field, v.rule, v.message)
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from connectrpc.code import Code
from connectrpc.errors import ConnectError, ErrorDetail
from google.protobuf.message import Message
from protobuf.wkt import Any as WireAny

from .gen.buf.validate import validate_pb2

if TYPE_CHECKING:
    from .gen.openvcluster.v1 import operation_pb2

__all__ = [
    "AbortedError",
    "AlreadyExistsError",
    "CanceledError",
    "DeadlineExceededError",
    "FailedPreconditionError",
    "InternalError",
    "InvalidArgumentError",
    "NotFoundError",
    "OpenVClusterError",
    "OperationError",
    "OutOfRangeError",
    "PermissionDeniedError",
    "ResourceExhaustedError",
    "UnauthenticatedError",
    "UnavailableError",
    "UnimplementedError",
    "Violation",
    "WatchExpired",
    "from_connect_error",
]

_VIOLATIONS_TYPE = validate_pb2.Violations.DESCRIPTOR.full_name


@dataclass(frozen=True)
class Violation:
    """One broken protovalidate rule: ``field`` is the path as the server's
    message spells it (``vcluster_id``, ``vcluster.spec.replicas``), ``rule``
    the rule id (``string.pattern``)."""

    field: str
    rule: str
    message: str

    @classmethod
    def from_proto(cls, violation: validate_pb2.Violation) -> Violation:
        parts: list[str] = []
        for element in violation.field.elements:
            subscript = element.WhichOneof("subscript")
            parts.append(element.field_name)
            if subscript is not None:
                parts[-1] += f"[{getattr(element, subscript)}]"
        return cls(".".join(parts), violation.rule_id, violation.message)


class OpenVClusterError(ConnectError):
    """An RPC failed. ``code`` is the canonical code, ``message`` the server's
    message, ``details`` the raw error details."""

    def __init__(self, code: Code, message: str, details: Iterable[ErrorDetail] = ()) -> None:
        super().__init__(code, message, details)

    @property
    def violations(self) -> list[Violation]:
        """The ``buf.validate.Violations`` detail, flattened (empty without one)."""
        found: list[Violation] = []
        for detail in self.details:
            if detail.type_name == _VIOLATIONS_TYPE:
                parsed = validate_pb2.Violations.FromString(detail.message_bytes)
                found += [Violation.from_proto(v) for v in parsed.violations]
        return found

    def __str__(self) -> str:
        return f"{self.code.name}: {self.message}"


class CanceledError(OpenVClusterError):
    """CANCELED, spelled as the code is, so it is never mistaken for
    :class:`asyncio.CancelledError` (which the async client raises when its
    task is cancelled)."""


class InvalidArgumentError(OpenVClusterError):
    """INVALID_ARGUMENT; see :attr:`violations`."""


class DeadlineExceededError(OpenVClusterError):
    """DEADLINE_EXCEEDED."""


class NotFoundError(OpenVClusterError):
    """NOT_FOUND."""


class AlreadyExistsError(OpenVClusterError):
    """ALREADY_EXISTS (also a ``request_id`` reused for another request)."""


class PermissionDeniedError(OpenVClusterError):
    """PERMISSION_DENIED."""


class ResourceExhaustedError(OpenVClusterError):
    """RESOURCE_EXHAUSTED: a project quota, or a watcher reading too slowly."""


class FailedPreconditionError(OpenVClusterError):
    """FAILED_PRECONDITION: the resource's state does not allow the request."""


class AbortedError(OpenVClusterError):
    """ABORTED: the ``etag`` is stale; read again and retry."""


class OutOfRangeError(OpenVClusterError):
    """OUT_OF_RANGE."""


class UnimplementedError(OpenVClusterError):
    """UNIMPLEMENTED."""


class InternalError(OpenVClusterError):
    """INTERNAL."""


class UnavailableError(OpenVClusterError):
    """UNAVAILABLE (raised once the client's retries are used up)."""


class UnauthenticatedError(OpenVClusterError):
    """UNAUTHENTICATED: no or a wrong API key."""


class WatchExpired(OutOfRangeError):
    """The watch cannot resume from its last version (the server no longer
    has the events since): list again, then watch from the list's
    ``version``."""


class OperationError(OpenVClusterError):
    """A long-running operation ended FAILED or CANCELLED. ``code`` and
    ``message`` are the operation's; :attr:`operation` is the final state."""

    def __init__(self, operation: operation_pb2.Operation) -> None:
        error = operation.error
        details = [ErrorDetail(WireAny(type_url=d.type_url, value=d.value)) for d in error.details]
        super().__init__(_code(error.code), error.message, details)
        self.operation = operation

    def __str__(self) -> str:
        return f"operation {self.operation.name} failed: {super().__str__()}"


_BY_CODE: dict[Code, type[OpenVClusterError]] = {
    Code.CANCELED: CanceledError,
    Code.INVALID_ARGUMENT: InvalidArgumentError,
    Code.DEADLINE_EXCEEDED: DeadlineExceededError,
    Code.NOT_FOUND: NotFoundError,
    Code.ALREADY_EXISTS: AlreadyExistsError,
    Code.PERMISSION_DENIED: PermissionDeniedError,
    Code.RESOURCE_EXHAUSTED: ResourceExhaustedError,
    Code.FAILED_PRECONDITION: FailedPreconditionError,
    Code.ABORTED: AbortedError,
    Code.OUT_OF_RANGE: OutOfRangeError,
    Code.UNIMPLEMENTED: UnimplementedError,
    Code.INTERNAL: InternalError,
    Code.UNAVAILABLE: UnavailableError,
    Code.UNAUTHENTICATED: UnauthenticatedError,
}


def _code(value: int) -> Code:
    # Operation errors carry google.rpc.Code numbers; connectrpc's Code enum
    # lists the codes in that order from CANCELED = 1.
    return _BY_NUMBER.get(value, Code.UNKNOWN)


_BY_NUMBER: dict[int, Code] = {number: code for number, code in enumerate(Code, start=1)}


def from_connect_error(err: ConnectError) -> OpenVClusterError:
    """The typed error for a generated client's ``ConnectError`` (itself when
    it already is one)."""
    if isinstance(err, OpenVClusterError):
        return err
    return _BY_CODE.get(err.code, OpenVClusterError)(err.code, err.message, err.details)


def from_violations(message: str, violations: Sequence[validate_pb2.Violation]) -> InvalidArgumentError:
    """The error of a request that failed validation before it was sent, shaped
    like the server's (a ``buf.validate.Violations`` detail)."""
    return InvalidArgumentError(
        Code.INVALID_ARGUMENT, message, [_detail(validate_pb2.Violations(violations=violations))]
    )


def _detail(message: Message) -> ErrorDetail:
    # connectrpc's details are protobuf-py messages; the SDK's are google-protobuf.
    name = message.DESCRIPTOR.full_name
    return ErrorDetail(WireAny(type_url=f"type.googleapis.com/{name}", value=message.SerializeToString()))
