# Copyright 2026 The open-vcluster-api Authors
# SPDX-License-Identifier: Apache-2.0
"""The Python blocks of sdks/python/README.md and packages/mock-server/README.md
run as written against ovc-mock: each block in a fresh namespace (so a
missing import is a NameError here, not in a user's hands), then every
test_* function it defines is called with the fixtures it names."""

from __future__ import annotations

import inspect
import re
from pathlib import Path
from typing import Any

import pytest

import open_vcluster as ovc
from open_vcluster.testing import MockServer

REPO = Path(__file__).resolve().parents[3]
READMES = [REPO / "sdks" / "python" / "README.md", REPO / "packages" / "mock-server" / "README.md"]
BLOCK = re.compile(r"^```python\n(.*?)^```", re.DOTALL | re.MULTILINE)


def blocks() -> list[tuple[str, str]]:
    found = []
    for readme in READMES:
        for index, match in enumerate(BLOCK.finditer(readme.read_text(encoding="utf-8"))):
            found.append((f"{readme.parent.name}-{index + 1}", match[1]))
    return found


BLOCKS = blocks()


def test_the_readmes_have_python_blocks() -> None:
    assert sum(1 for name, _ in BLOCKS if name.startswith("python-")) >= 2
    assert sum(1 for name, _ in BLOCKS if name.startswith("mock-server-")) >= 5


@pytest.mark.parametrize("code", [code for _, code in BLOCKS], ids=[name for name, _ in BLOCKS])
def test_block_runs(
    code: str, ovc_mock: MockServer, ovc_mock_command: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # The snippets find the server and ovc-mock as a user's code would.
    monkeypatch.setenv("OVC_ENDPOINT", ovc_mock.url)
    monkeypatch.delenv("OVC_API_KEY", raising=False)
    monkeypatch.setenv("OVC_MOCK", ovc_mock_command[-1])
    monkeypatch.setenv("OVC_NODE", ovc_mock_command[0])
    namespace: dict[str, Any] = {"__name__": "readme_block"}
    exec(compile(code, "<README block>", "exec"), namespace)
    fixtures: dict[str, Any] = {"ovc_mock": ovc_mock}
    for name, function in list(namespace.items()):
        if name.startswith("test_") and callable(function):
            ovc_mock.reset()
            with ovc.Client(ovc_mock.url) as client:
                fixtures["ovc_client"] = client
                function(**{p: fixtures[p] for p in inspect.signature(function).parameters})
