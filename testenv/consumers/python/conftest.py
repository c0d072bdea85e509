# Copyright 2026 The open-vcluster-api Authors
# SPDX-License-Identifier: Apache-2.0
"""The SDK's pytest plugin, loaded the way its docs tell users to."""

pytest_plugins = ["open_vcluster.testing"]
