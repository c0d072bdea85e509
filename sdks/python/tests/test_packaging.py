# Copyright 2026 The open-vcluster-api Authors
# SPDX-License-Identifier: Apache-2.0
"""The wheel and the sdist carry the Apache-2.0 LICENSE (built with the
hatchling of the venv, as pip would)."""

from __future__ import annotations

import tarfile
import zipfile
from pathlib import Path

from hatchling.builders.sdist import SdistBuilder
from hatchling.builders.wheel import WheelBuilder

PROJECT = Path(__file__).resolve().parents[1]


def test_the_wheel_and_sdist_contain_the_license(tmp_path: Path) -> None:
    license_text = (PROJECT / "LICENSE").read_text(encoding="utf-8")
    assert license_text.lstrip().startswith("Apache License") and "Version 2.0" in license_text
    wheel = Path(next(WheelBuilder(str(PROJECT)).build(directory=str(tmp_path), versions=["standard"])))
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        licensed = [n for n in names if n.endswith(".dist-info/licenses/LICENSE")]
        assert len(licensed) == 1
        assert archive.read(licensed[0]).decode() == license_text
        metadata = archive.read(next(n for n in names if n.endswith(".dist-info/METADATA"))).decode()
    assert "License-Expression: Apache-2.0" in metadata and "License-File: LICENSE" in metadata
    sdist = Path(next(SdistBuilder(str(PROJECT)).build(directory=str(tmp_path))))
    with tarfile.open(sdist) as archive:
        assert f"{sdist.name.removesuffix('.tar.gz')}/LICENSE" in archive.getnames()
