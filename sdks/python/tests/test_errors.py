# Copyright 2026 The open-vcluster-api Authors
# SPDX-License-Identifier: Apache-2.0
"""Every code has its exception class, all catchable as OpenVClusterError and
as connectrpc's ConnectError; operation errors map google.rpc numbers."""

from __future__ import annotations

import asyncio

import pytest
from connectrpc.code import Code
from connectrpc.errors import ConnectError

import open_vcluster as ovc
from open_vcluster.errors import from_connect_error

CLASSES = {
    Code.CANCELED: ovc.CanceledError,
    Code.INVALID_ARGUMENT: ovc.InvalidArgumentError,
    Code.DEADLINE_EXCEEDED: ovc.DeadlineExceededError,
    Code.NOT_FOUND: ovc.NotFoundError,
    Code.ALREADY_EXISTS: ovc.AlreadyExistsError,
    Code.PERMISSION_DENIED: ovc.PermissionDeniedError,
    Code.RESOURCE_EXHAUSTED: ovc.ResourceExhaustedError,
    Code.FAILED_PRECONDITION: ovc.FailedPreconditionError,
    Code.ABORTED: ovc.AbortedError,
    Code.OUT_OF_RANGE: ovc.OutOfRangeError,
    Code.UNIMPLEMENTED: ovc.UnimplementedError,
    Code.INTERNAL: ovc.InternalError,
    Code.UNAVAILABLE: ovc.UnavailableError,
    Code.UNAUTHENTICATED: ovc.UnauthenticatedError,
}


@pytest.mark.parametrize("code", list(Code), ids=[c.name for c in Code])
def test_each_code_has_its_class(code: Code) -> None:
    error = from_connect_error(ConnectError(code, "boom"))
    assert type(error) is CLASSES.get(code, ovc.OpenVClusterError)
    assert isinstance(error, ConnectError) and error.code == code and error.message == "boom"
    assert str(error) == f"{code.name}: boom"
    assert from_connect_error(error) is error


def test_canceled_is_not_asyncio_cancelled() -> None:
    assert not issubclass(ovc.CanceledError, asyncio.CancelledError)


@pytest.mark.parametrize(("number", "code"), [(1, Code.CANCELED), (9, Code.FAILED_PRECONDITION), (16, Code.UNAUTHENTICATED), (99, Code.UNKNOWN)])
def test_operation_error_codes_are_google_rpc_numbers(number: int, code: Code) -> None:
    operation = ovc.OperationProto(name="projects/p/operations/o", done=True, error=ovc.OperationStatus(code=number, message="m"))
    error = ovc.OperationError(operation)
    assert error.code == code and error.operation is operation
    assert str(error) == f"operation projects/p/operations/o failed: {code.name}: m"
