# Copyright 2026 The open-vcluster-api Authors
# SPDX-License-Identifier: Apache-2.0
"""connectrpc turns the cancellation of the task awaiting a call into a
ConnectError (CANCELED); the async client gives the caller back the
asyncio.CancelledError it asked for, so `task.cancel()` ends cleanly."""

from __future__ import annotations

import asyncio


def raise_if_cancelling() -> None:
    """Raises CancelledError when the current task is being cancelled."""
    task = asyncio.current_task()
    if task is not None and task.cancelling():
        raise asyncio.CancelledError()
