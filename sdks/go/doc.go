// Copyright 2026 The open-vcluster-api Authors
// SPDX-License-Identifier: Apache-2.0

// Package openvcluster is the Go SDK of open-vcluster-api, a VM-like API over
// vcluster virtual Kubernetes clusters.
//
// NewClient returns a Client for every service. Its methods take a context
// and a plain request message:
//
//	client, err := openvcluster.NewClient(ctx) // OVC_ENDPOINT, OVC_API_KEY
//	if err != nil {
//		return err
//	}
//	vc, err := client.CreateVClusterAndWait(ctx, &openvclusterv1.CreateVClusterRequest{
//		Parent:     "projects/demo",
//		VclusterId: "dev",
//		Vcluster:   &openvclusterv1.VCluster{},
//	})
//	var failed *openvcluster.OperationError
//	if errors.As(err, &failed) {
//		return fmt.Errorf("create failed: %s: %s", failed.Code, failed.Message)
//	}
//
// What the Client adds to the generated Connect clients:
//
//   - configuration: WithEndpoint, WithAPIKey (Authorization: Bearer),
//     WithHTTPClient (proxies, TLS, h2c), WithInterceptors,
//     WithConnectOptions (gRPC, JSON), WithTimeout (default 30 s for calls
//     without a deadline), with OVC_ENDPOINT and OVC_API_KEY as defaults and
//     a User-Agent naming this SDK's Version;
//   - operations: mutations return an *Operation[T] whose Wait loops over
//     WaitOperation and returns the typed result (*VCluster, *Snapshot,
//     *emptypb.Empty) or an *OperationError; WithProgress reports progress;
//     each mutation has an ...AndWait form;
//   - pagers: ListVClusters and the other List methods return an
//     iter.Seq2 over every item of every page; ...Page returns one page;
//   - retries: UNAVAILABLE is retried with exponential backoff and jitter
//     (DEADLINE_EXCEEDED too for reads), safe for mutations because the
//     client fills an empty request_id with a UUID; WithRetry configures it,
//     WithoutRetry turns it off;
//   - watch: WatchVClusters resumes after a disconnect from the last
//     version, yields ErrWatchExpired when it is too late to resume, and
//     ends quietly when its context ends;
//   - errors: CodeOf, IsNotFound and friends, and Violations for the
//     protovalidate violations of an INVALID_ARGUMENT;
//   - validation: WithValidation checks requests against the API's
//     protovalidate rules before sending them.
//
// The generated code, which the Client wraps, lives in sub-packages:
//
//   - gen/openvcluster/v1: the messages (VCluster, Operation, Snapshot and
//     the requests and responses of every RPC);
//   - gen/openvcluster/v1/openvclusterv1connect: the Connect clients and
//     handlers (Connect, gRPC and gRPC-Web protocols);
//   - gen/openvcluster/mock/v1 and its mockv1connect: the control API of the
//     ovc-mock test server, which package ovcmock runs from tests.
package openvcluster
