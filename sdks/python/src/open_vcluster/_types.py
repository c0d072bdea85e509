# Copyright 2026 The open-vcluster-api Authors
# SPDX-License-Identifier: Apache-2.0
"""The shape of a generated client method, as the clients call it."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Iterator, Mapping
from typing import Protocol, TypeVar

from google.protobuf.message import Message

M = TypeVar("M", bound=Message)
Req = TypeVar("Req", bound=Message, contravariant=True)
Res = TypeVar("Res", covariant=True)


class Unary(Protocol[Req, Res]):
    def __call__(
        self, request: Req, /, *, headers: Mapping[str, str] | None = ..., timeout_ms: int | None = ...
    ) -> Res: ...


class AsyncUnary(Protocol[Req, Res]):
    def __call__(
        self, request: Req, /, *, headers: Mapping[str, str] | None = ..., timeout_ms: int | None = ...
    ) -> Awaitable[Res]: ...


class Stream(Protocol[Req, Res]):
    def __call__(
        self, request: Req, /, *, headers: Mapping[str, str] | None = ..., timeout_ms: int | None = ...
    ) -> Iterator[Res]: ...


class AsyncStream(Protocol[Req, Res]):
    def __call__(
        self, request: Req, /, *, headers: Mapping[str, str] | None = ..., timeout_ms: int | None = ...
    ) -> AsyncIterator[Res]: ...
