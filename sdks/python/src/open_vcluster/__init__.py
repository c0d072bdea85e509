# Copyright 2026 The open-vcluster-api Authors
# SPDX-License-Identifier: Apache-2.0
"""Python SDK of open-vcluster-api, a VM-like API over vcluster virtual
Kubernetes clusters.

The API is generated from the protobuf contract and lives in
``open_vcluster.gen``:

- ``open_vcluster.gen.openvcluster.v1.*_pb2``: the messages (google-protobuf,
  with ``.pyi`` stubs), e.g. ``vcluster_pb2.VCluster``;
- ``open_vcluster.gen.openvcluster.v1.*_connect``: Connect clients
  (``VClusterServiceClientSync`` and the async ``VClusterServiceClient``) and
  server bases, from the ``connectrpc`` package;
- ``open_vcluster.gen.openvcluster.mock.v1``: the control API of ovc-mock.

Requests carry protovalidate rules; check them before sending with
``protovalidate.validate(request)``.
"""

from ._version import __version__

__all__ = ["__version__"]
