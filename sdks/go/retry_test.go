// Copyright 2026 The open-vcluster-api Authors
// SPDX-License-Identifier: Apache-2.0

package openvcluster_test

import (
	"encoding/json"
	"regexp"
	"slices"
	"testing"

	"connectrpc.com/connect"

	openvcluster "github.com/open-vcluster/open-vcluster-api/sdks/go"
	openvclusterv1 "github.com/open-vcluster/open-vcluster-api/sdks/go/gen/openvcluster/v1"
)

var uuidPattern = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)

// requestIDs returns the requestId of each recorded request.
func requestIDs(t *testing.T, method string) (ids []string, codes []int32) {
	t.Helper()
	for _, r := range recorded(t, method) {
		var body struct {
			RequestID string `json:"requestId"`
		}
		if err := json.Unmarshal([]byte(r.GetRequestJson()), &body); err != nil {
			t.Fatalf("request JSON %q: %v", r.GetRequestJson(), err)
		}
		ids = append(ids, body.RequestID)
		codes = append(codes, r.GetCode())
	}
	return ids, codes
}

func TestRetryResendsAMutationWithTheSameRequestID(t *testing.T) {
	client := newClient(t)
	injectFault(t, "VClusterService/CreateVCluster", connect.CodeUnavailable, 2)
	req := createRequest("dev")
	vc, err := client.CreateVClusterAndWait(t.Context(), req)
	if err != nil || vc.GetName() != vclusterName("dev") {
		t.Fatalf("CreateVClusterAndWait = %v, %v", vc, err)
	}
	ids, codes := requestIDs(t, "VClusterService/CreateVCluster")
	if want := []int32{int32(connect.CodeUnavailable), int32(connect.CodeUnavailable), 0}; !slices.Equal(codes, want) {
		t.Fatalf("codes = %v, want %v", codes, want)
	}
	if !uuidPattern.MatchString(ids[0]) || ids[1] != ids[0] || ids[2] != ids[0] {
		t.Errorf("request ids = %q, want one UUID on every attempt", ids)
	}
	if req.GetRequestId() != "" {
		t.Error("the caller's request was modified")
	}

	// A retry that reaches the server twice gets the original operation:
	// the request id makes the mutation idempotent.
	again := createRequest("dev")
	again.RequestId = ids[0]
	op, err := client.CreateVCluster(t.Context(), again)
	if err != nil {
		t.Fatalf("CreateVCluster with the same request id: %v", err)
	}
	ops, err := client.ListOperationsPage(t.Context(), &openvclusterv1.ListOperationsRequest{Parent: project})
	if err != nil || len(ops.GetOperations()) != 1 || ops.GetOperations()[0].GetName() != op.Name() {
		t.Errorf("operations = %v, %v; want only %s", ops, err, op.Name())
	}
}

func TestRetryOfReadsAndItsLimits(t *testing.T) {
	client := newClient(t)
	if _, err := client.CreateVClusterAndWait(t.Context(), createRequest("dev")); err != nil {
		t.Fatal(err)
	}
	get := &openvclusterv1.GetVClusterRequest{Name: vclusterName("dev")}

	// A read is retried on DEADLINE_EXCEEDED too.
	injectFault(t, "VClusterService/GetVCluster", connect.CodeDeadlineExceeded, 1)
	if _, err := client.GetVCluster(t.Context(), get); err != nil {
		t.Errorf("GetVCluster after one DEADLINE_EXCEEDED: %v", err)
	}
	// A mutation is not: the server may have done the work.
	injectFault(t, "VClusterService/SuspendVCluster", connect.CodeDeadlineExceeded, 1)
	if _, err := client.SuspendVCluster(t.Context(), &openvclusterv1.SuspendVClusterRequest{Name: vclusterName("dev")}); openvcluster.CodeOf(err) != connect.CodeDeadlineExceeded {
		t.Errorf("SuspendVCluster = %v, want DEADLINE_EXCEEDED", err)
	}
	if got := len(recorded(t, "VClusterService/SuspendVCluster")); got != 1 {
		t.Errorf("SuspendVCluster sent %d times, want 1", got)
	}
	// MaxAttempts bounds the attempts.
	injectFault(t, "VClusterService/GetVCluster", connect.CodeUnavailable, 10)
	before := len(recorded(t, "VClusterService/GetVCluster"))
	if _, err := client.GetVCluster(t.Context(), get); openvcluster.CodeOf(err) != connect.CodeUnavailable {
		t.Errorf("GetVCluster = %v, want UNAVAILABLE", err)
	}
	if got := len(recorded(t, "VClusterService/GetVCluster")) - before; got != fastRetry.MaxAttempts {
		t.Errorf("%d attempts, want %d", got, fastRetry.MaxAttempts)
	}
}

func TestWithoutRetrySendsOnce(t *testing.T) {
	client := newClient(t, openvcluster.WithoutRetry())
	injectFault(t, "VClusterService/CreateVCluster", connect.CodeUnavailable, 1)
	if _, err := client.CreateVCluster(t.Context(), createRequest("dev")); openvcluster.CodeOf(err) != connect.CodeUnavailable {
		t.Fatalf("CreateVCluster = %v, want UNAVAILABLE", err)
	}
	if got := len(recorded(t, "VClusterService/CreateVCluster")); got != 1 {
		t.Errorf("sent %d times, want 1", got)
	}
}
