# Copyright 2026 The open-vcluster-api Authors
# SPDX-License-Identifier: Apache-2.0
"""An application of the installed open-vcluster-api wheel, as a user writes
it: type-checked with mypy --strict by scripts/test-consumers-python.sh."""

from __future__ import annotations

import open_vcluster as ovc


def create_dev(client: ovc.Client, project: str) -> ovc.VCluster:
    """Creates `dev` in `project` and waits until it runs."""
    return client.create_vcluster_and_wait(
        ovc.CreateVClusterRequest(parent=f"projects/{project}", vcluster_id="dev", vcluster=ovc.VCluster(labels={"env": "dev"}))
    )


def names(client: ovc.Client, project: str) -> list[str]:
    """Every vcluster of `project`, across pages."""
    return [vc.name for vc in client.list_vclusters(ovc.ListVClustersRequest(parent=f"projects/{project}", page_size=1))]


def exists(client: ovc.Client, name: str) -> bool:
    try:
        client.get_vcluster(ovc.GetVClusterRequest(name=name))
    except ovc.NotFoundError:
        return False
    return True
