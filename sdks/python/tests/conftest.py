# Copyright 2026 The open-vcluster-api Authors
# SPDX-License-Identifier: Apache-2.0
"""Every test runs against this repository's ovc-mock build,
packages/mock-server/dist/bin/ovc-mock.mjs (`make test` builds it first),
through the plugin's fixtures (ovc_mock, ovc_client). Without it, or without
node, the tests that need it are skipped, and fail when CI is set."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

pytest_plugins = ["open_vcluster.testing"]

REPO = Path(__file__).resolve().parents[3]
OVC_MOCK_JS = REPO / "packages" / "mock-server" / "dist" / "bin" / "ovc-mock.mjs"
BUILD = "pnpm --filter @open-vcluster/mock-server... build"


@pytest.fixture(scope="session")
def ovc_mock_command() -> list[str]:
    """This repository's ovc-mock build (overrides the plugin's lookup)."""
    node = shutil.which("node")
    missing = []
    if not OVC_MOCK_JS.is_file():
        missing.append(f"{OVC_MOCK_JS} is not built (run `{BUILD}` or `make build`)")
    if node is None:
        missing.append("node is not on PATH")
    if node is None or missing:
        reason = "ovc-mock cannot run: " + "; ".join(missing)
        if os.environ.get("CI"):
            pytest.fail(f"{reason} (CI is set: failing instead of skipping)")
        pytest.skip(reason)
    return [node, str(OVC_MOCK_JS)]
