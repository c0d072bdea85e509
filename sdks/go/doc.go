// Copyright 2026 The open-vcluster-api Authors
// SPDX-License-Identifier: Apache-2.0

// Package openvcluster is the Go SDK of open-vcluster-api, a VM-like API over
// vcluster virtual Kubernetes clusters.
//
// The API itself is generated from the protobuf contract in proto/ and lives
// in sub-packages:
//
//   - gen/openvcluster/v1: the messages (VCluster, Operation, Snapshot and
//     the requests and responses of every RPC);
//   - gen/openvcluster/v1/openvclusterv1connect: Connect clients and
//     handlers for VClusterService, SnapshotService and OperationService
//     (Connect, gRPC and gRPC-Web protocols);
//   - gen/openvcluster/mock/v1 and its mockv1connect: the control API of the
//     ovc-mock test server.
//
// A client:
//
//	client := openvclusterv1connect.NewVClusterServiceClient(http.DefaultClient, "http://localhost:8080")
//	op, err := client.CreateVCluster(ctx, &openvclusterv1.CreateVClusterRequest{
//		Parent:     "projects/demo",
//		VclusterId: "dev",
//		Vcluster:   &openvclusterv1.VCluster{},
//	})
//
// Requests carry protovalidate rules (buf/validate); check them on the client
// side with buf.build/go/protovalidate before sending:
//
//	if err := protovalidate.Validate(req); err != nil { ... }
package openvcluster
