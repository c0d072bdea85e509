# Copyright 2026 The open-vcluster-api Authors
# SPDX-License-Identifier: Apache-2.0
"""When and how long to wait before trying an RPC again. The decision and the
delays are here once; the sync and async clients only sleep differently."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from connectrpc.code import Code


@dataclass(frozen=True)
class Retry:
    """Exponential backoff with full jitter.

    UNAVAILABLE is retried for every RPC: mutations are safe to repeat because
    the client fills their ``request_id``, so the server returns the first
    operation instead of acting twice. DEADLINE_EXCEEDED is retried only for
    reads, where a repeat cannot do anything the first try did not. Pass
    ``retry=None`` to a client to turn retries off.
    """

    #: Tries in all, the first included (1: never retry).
    max_attempts: int = 4
    #: The cap of the first delay, in seconds; each retry multiplies it.
    initial_backoff: float = 0.1
    max_backoff: float = 5.0
    multiplier: float = 2.0
    codes: frozenset[Code] = field(default_factory=lambda: frozenset({Code.UNAVAILABLE}))
    read_codes: frozenset[Code] = field(
        default_factory=lambda: frozenset({Code.UNAVAILABLE, Code.DEADLINE_EXCEEDED})
    )

    def __post_init__(self) -> None:
        if self.max_attempts < 1:
            raise ValueError("max_attempts must be at least 1")
        if self.initial_backoff < 0 or self.max_backoff < 0 or self.multiplier < 1:
            raise ValueError("backoffs must be >= 0 and multiplier >= 1")

    def should_retry(self, code: Code, attempt: int, *, read: bool) -> bool:
        """Whether to try again after ``attempt`` (1-based) failed with ``code``."""
        return attempt < self.max_attempts and code in (self.read_codes if read else self.codes)

    def delay(self, attempt: int) -> float:
        """Seconds to sleep after ``attempt`` failed: uniform in [0, cap], so
        many clients failing together do not retry together."""
        cap = min(self.max_backoff, self.initial_backoff * self.multiplier ** (attempt - 1))
        return random.uniform(0, cap)


DEFAULT_RETRY = Retry()


def retry_delay(retry: Retry | None, code: Code, attempt: int, *, read: bool, retryable: bool) -> float | None:
    """Seconds to sleep before trying a call again, or None to give up; the one
    decision both clients' loops make."""
    if retry is None or not retryable or not retry.should_retry(code, attempt, read=read):
        return None
    return retry.delay(attempt)
