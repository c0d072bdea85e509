# Copyright 2026 The open-vcluster-api Authors
# SPDX-License-Identifier: Apache-2.0
"""What happens to a request before it is sent, and what a method's options
say about retrying it: read from the proto descriptors (idempotency_level,
the request_id field), so no table per method has to be kept in step."""

from __future__ import annotations

import functools
import uuid
from dataclasses import dataclass
from typing import TypeVar

import protovalidate
from google.protobuf.descriptor import MethodDescriptor
from google.protobuf.message import Message

from .errors import from_violations
from .gen.buf.validate import validate_pb2
from .gen.openvcluster.v1 import (
    host_cluster_pb2,
    operation_service_pb2,
    project_service_pb2,
    snapshot_service_pb2,
    vcluster_service_pb2,
)

M = TypeVar("M", bound=Message)

_FILES = (vcluster_service_pb2, snapshot_service_pb2, operation_service_pb2, project_service_pb2, host_cluster_pb2)


@dataclass(frozen=True)
class Policy:
    """``read``: the method has no side effects (DEADLINE_EXCEEDED may be
    retried too). ``retryable``: repeating it is safe at all, because it is a
    read or because it carries a ``request_id``."""

    read: bool
    retryable: bool


@functools.cache
def _methods() -> dict[str, MethodDescriptor]:
    # Every RPC of the API has its own request message (AIP-131..136), so the
    # request's type names its method.
    return {
        method.input_type.full_name: method
        for module in _FILES
        for service in module.DESCRIPTOR.services_by_name.values()
        for method in service.methods
    }


@functools.cache
def _policy(request_type: str) -> Policy:
    method = _methods().get(request_type)
    if method is None:
        return Policy(read=False, retryable=False)
    read = method.GetOptions().idempotency_level != 0  # NO_SIDE_EFFECTS or IDEMPOTENT
    return Policy(read=read, retryable=read or "request_id" in method.input_type.fields_by_name)


def policy(request: Message) -> Policy:
    return _policy(request.DESCRIPTOR.full_name)


def prepare(request: M, *, validate: bool) -> M:
    """Validates (when asked) and fills an empty ``request_id`` with a UUID, on a
    copy: the caller's message is not changed, and every retry of this call
    sends the same id, so the server returns the first operation."""
    if validate:
        try:
            protovalidate.validate(request)
        except protovalidate.ValidationError as err:
            # protovalidate has its own copy of the buf.validate messages.
            proto = validate_pb2.Violations.FromString(err.to_proto().to_binary())
            raise from_violations(f"invalid request: {err}", list(proto.violations)) from None
    if "request_id" not in request.DESCRIPTOR.fields_by_name or getattr(request, "request_id"):
        return request
    filled = type(request)()
    filled.CopyFrom(request)
    setattr(filled, "request_id", str(uuid.uuid4()))
    return filled
