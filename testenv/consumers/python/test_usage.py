# Copyright 2026 The open-vcluster-api Authors
# SPDX-License-Identifier: Apache-2.0
"""usage.py against ovc-mock through the installed wheel's pytest fixtures."""

from __future__ import annotations

import open_vcluster as ovc
from open_vcluster.testing import MockServer

import usage


def test_create_list_get(ovc_client: ovc.Client) -> None:
    vc = usage.create_dev(ovc_client, "consumer")
    assert vc.name == "projects/consumer/vclusters/dev"
    assert vc.status.phase == ovc.VCluster.PHASE_RUNNING
    assert usage.names(ovc_client, "consumer") == [vc.name]
    assert usage.exists(ovc_client, vc.name)
    assert not usage.exists(ovc_client, "projects/consumer/vclusters/nope")


def test_each_test_starts_from_a_reset_mock(ovc_client: ovc.Client, ovc_mock: MockServer) -> None:
    assert usage.names(ovc_client, "consumer") == []
    assert ovc_mock.url.startswith("http://")
