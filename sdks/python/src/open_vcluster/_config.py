# Copyright 2026 The open-vcluster-api Authors
# SPDX-License-Identifier: Apache-2.0
"""Where the client connects and with which credentials: arguments first,
then the environment variables the CLI reads too, then defaults."""

from __future__ import annotations

import os
import platform
from dataclasses import dataclass

from ._retry import Retry
from ._version import __version__

#: Environment variable naming the server, e.g. ``https://ovc.example.com``.
ENDPOINT_ENV = "OVC_ENDPOINT"
#: Environment variable holding the API key, sent as ``Authorization: Bearer``.
API_KEY_ENV = "OVC_API_KEY"
#: Where ``make start`` and ovc-server listen by default.
DEFAULT_ENDPOINT = "http://127.0.0.1:8080"
#: Seconds each RPC may take unless the call or the client says otherwise.
DEFAULT_TIMEOUT = 30.0

USER_AGENT = f"open-vcluster-api-python/{__version__} python/{platform.python_version()}"


@dataclass(frozen=True)
class Settings:
    """What both clients resolve their arguments to (no I/O)."""

    endpoint: str
    headers: dict[str, str]
    timeout: float | None
    retry: Retry | None
    validate: bool


def resolve(
    endpoint: str | None,
    api_key: str | None,
    *,
    timeout: float | None,
    retry: Retry | None,
    validate: bool,
) -> Settings:
    url = (endpoint or os.environ.get(ENDPOINT_ENV) or DEFAULT_ENDPOINT).rstrip("/")
    if not url.startswith(("http://", "https://")):
        raise ValueError(f"endpoint {url!r} must start with http:// or https://")
    key = api_key if api_key is not None else os.environ.get(API_KEY_ENV, "")
    headers = {"user-agent": USER_AGENT}
    if key:
        headers["authorization"] = f"Bearer {key}"
    if timeout is not None and timeout <= 0:
        raise ValueError("timeout must be positive (None: no deadline)")
    return Settings(url, headers, timeout, retry, validate)


def timeout_ms(seconds: float | None) -> int | None:
    """connectrpc takes whole milliseconds; never round a deadline down to 0."""
    return None if seconds is None else max(1, int(seconds * 1000))
