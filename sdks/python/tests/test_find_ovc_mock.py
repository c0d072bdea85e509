# Copyright 2026 The open-vcluster-api Authors
# SPDX-License-Identifier: Apache-2.0
"""find_ovc_mock with npm's layout: node_modules/.bin/ovc-mock is a link to
the script, whose `#!/usr/bin/env node` exits 127 without node on PATH; the
plugin follows the link and runs the script with OVC_NODE instead."""

from __future__ import annotations

from pathlib import Path

import pytest

import open_vcluster as ovc
from open_vcluster.testing import MockServerNotFoundError, find_ovc_mock, run_mock_server


@pytest.fixture
def npm_project(tmp_path: Path, ovc_mock_command: list[str], monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project with the repository's ovc-mock installed the way npm links it,
    and a PATH without node."""
    package_bin = tmp_path / "node_modules" / "@open-vcluster" / "mock-server" / "dist" / "bin"
    package_bin.mkdir(parents=True)
    script = package_bin / "ovc-mock.mjs"
    script.symlink_to(ovc_mock_command[-1])
    link = tmp_path / "node_modules" / ".bin" / "ovc-mock"
    link.parent.mkdir()
    link.symlink_to(Path("..") / "@open-vcluster" / "mock-server" / "dist" / "bin" / "ovc-mock.mjs")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    monkeypatch.delenv("OVC_MOCK", raising=False)
    monkeypatch.delenv("OVC_NODE", raising=False)
    return tmp_path


def test_without_node_the_error_says_so(npm_project: Path) -> None:
    with pytest.raises(MockServerNotFoundError, match="node not found on PATH \\(set OVC_NODE"):
        find_ovc_mock()


def test_ovc_node_runs_the_linked_script(
    npm_project: Path, ovc_mock_command: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OVC_NODE", ovc_mock_command[0])
    command = find_ovc_mock()
    assert command[0] == ovc_mock_command[0]
    assert command[1] == str(Path(ovc_mock_command[-1]).resolve())
    # And it really starts: the plugin's own lookup, no command given.
    with run_mock_server() as server, ovc.Client(server.url) as client:
        assert client.get_server_config().name == "serverConfig"


def test_a_node_shebang_without_a_suffix_is_a_script(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    script = tmp_path / "ovc-mock"
    script.write_text("#!/usr/bin/env node\n")
    monkeypatch.setenv("OVC_NODE", "/opt/node/bin/node")
    assert find_ovc_mock(script) == ["/opt/node/bin/node", str(script.resolve())]
