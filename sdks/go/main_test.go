// Copyright 2026 The open-vcluster-api Authors
// SPDX-License-Identifier: Apache-2.0

package openvcluster_test

import (
	"context"
	"fmt"
	"os"
	"testing"
	"time"

	"connectrpc.com/connect"

	openvcluster "github.com/open-vcluster/open-vcluster-api/sdks/go"
	mockv1 "github.com/open-vcluster/open-vcluster-api/sdks/go/gen/openvcluster/mock/v1"
	"github.com/open-vcluster/open-vcluster-api/sdks/go/ovcmock"
)

// mock is the ovc-mock the Client tests, the examples and the conformance
// runner share. TestMain points OVC_ENDPOINT at it, so the examples read
// like user code: openvcluster.NewClient(ctx) with no options.
var mock *ovcmock.Server

func TestMain(m *testing.M) {
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	srv, err := ovcmock.Launch(ctx, ovcmock.WithCommand(ovcMockJS))
	cancel()
	if err != nil {
		// Examples cannot skip: without ovc-mock the package fails.
		fmt.Fprintf(os.Stderr, "ovcmock: %v (build it: pnpm turbo run build --filter=@open-vcluster/mock-server...)\n", err)
		os.Exit(1)
	}
	mock = srv
	os.Setenv("OVC_ENDPOINT", srv.URL)
	os.Unsetenv("OVC_API_KEY")
	code := m.Run()
	if err := srv.Stop(); err != nil {
		fmt.Fprintf(os.Stderr, "ovcmock: %v\n", err)
		code = 1
	}
	os.Exit(code)
}

// fastRetry keeps retry tests quick while still exercising the backoff.
var fastRetry = openvcluster.RetryPolicy{MaxAttempts: 4, InitialBackoff: 10 * time.Millisecond, MaxBackoff: 50 * time.Millisecond, Multiplier: 2}

// newClient resets the shared mock and returns a Client for it.
func newClient(t *testing.T, opts ...openvcluster.Option) *openvcluster.Client {
	t.Helper()
	if err := mock.Reset(t.Context()); err != nil {
		t.Fatalf("Reset: %v", err)
	}
	client, err := openvcluster.NewClient(t.Context(), append([]openvcluster.Option{openvcluster.WithEndpoint(mock.URL), openvcluster.WithRetry(fastRetry)}, opts...)...)
	if err != nil {
		t.Fatalf("NewClient: %v", err)
	}
	return client
}

// recorded returns the requests the mock recorded for method (a short
// name such as "VClusterService/CreateVCluster").
func recorded(t *testing.T, method string) []*mockv1.RecordedRequest {
	t.Helper()
	res, err := mock.Control.ListRecordedRequests(t.Context(), connect.NewRequest(&mockv1.ListRecordedRequestsRequest{Method: "openvcluster.v1." + method}))
	if err != nil {
		t.Fatalf("ListRecordedRequests: %v", err)
	}
	return res.Msg.GetRequests()
}

// injectFault makes the next times calls of method fail with code.
func injectFault(t *testing.T, method string, code connect.Code, times int32) {
	t.Helper()
	_, err := mock.Control.InjectFault(t.Context(), connect.NewRequest(&mockv1.InjectFaultRequest{Fault: &mockv1.Fault{
		Method: "openvcluster.v1." + method, Code: int32(code), Message: "injected " + code.String(), Times: times,
	}}))
	if err != nil {
		t.Fatalf("InjectFault: %v", err)
	}
}
