# Copyright 2026 The open-vcluster-api Authors
# SPDX-License-Identifier: Apache-2.0
"""The API reference (make docs-python) renders, and documents the clients'
methods with their docstrings."""

from __future__ import annotations

from pathlib import Path

import pdoc
import pdoc.render


def test_the_reference_renders_the_clients(tmp_path: Path) -> None:
    pdoc.render.configure(docformat="google")
    pdoc.pdoc("open_vcluster", "open_vcluster.errors", "open_vcluster.testing", output_directory=tmp_path)
    page = (tmp_path / "open_vcluster.html").read_text(encoding="utf-8")
    for documented in ("Client.create_vcluster", "AsyncClient.list_vclusters", "Operation.result", "Retry"):
        assert documented in page, documented
    assert "Waits (see" in page  # Operation.result's docstring
    assert "NotFoundError" in (tmp_path / "open_vcluster" / "errors.html").read_text(encoding="utf-8")
