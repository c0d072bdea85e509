// Copyright 2026 The open-vcluster-api Authors
// SPDX-License-Identifier: Apache-2.0

package openvcluster_test

import (
	"context"
	"errors"
	"net/http"
	"slices"
	"testing"
	"time"

	"connectrpc.com/connect"
	"google.golang.org/protobuf/types/known/durationpb"

	mockv1 "github.com/open-vcluster/open-vcluster-api/sdks/go/gen/openvcluster/mock/v1"
	openvclusterv1 "github.com/open-vcluster/open-vcluster-api/sdks/go/gen/openvcluster/v1"
	"github.com/open-vcluster/open-vcluster-api/sdks/go/gen/openvcluster/v1/openvclusterv1connect"
	"github.com/open-vcluster/open-vcluster-api/sdks/go/ovcmock"
)

// The repository's ovc-mock build (`make test` builds it first). Without it,
// or without node, ovcmock.Start skips the test, or fails it when CI is set.
const ovcMockJS = "../../packages/mock-server/dist/bin/ovc-mock.mjs"

const (
	project     = "projects/demo"
	getVCluster = "openvcluster.v1.VClusterService/GetVCluster"
)

func vclusterName(id string) string { return project + "/vclusters/" + id }

// TestMock drives the generated clients against one real ovc-mock process,
// reset before each subtest.
func TestMock(t *testing.T) {
	srv := ovcmock.Start(t.Context(), t, ovcmock.WithCommand(ovcMockJS))
	vclusters := openvclusterv1connect.NewVClusterServiceClient(http.DefaultClient, srv.URL)
	operations := openvclusterv1connect.NewOperationServiceClient(http.DefaultClient, srv.URL)
	control := srv.Control

	run := func(name string, test func(ctx context.Context, t *testing.T)) {
		t.Run(name, func(t *testing.T) {
			ctx := t.Context()
			if err := srv.Reset(ctx); err != nil {
				t.Fatalf("Reset: %v", err)
			}
			test(ctx, t)
		})
	}

	create := func(ctx context.Context, t *testing.T, id string) *openvclusterv1.Operation {
		t.Helper()
		op, err := vclusters.CreateVCluster(ctx, connect.NewRequest(&openvclusterv1.CreateVClusterRequest{
			Parent: project, VclusterId: id, Vcluster: &openvclusterv1.VCluster{},
		}))
		if err != nil {
			t.Fatalf("CreateVCluster %s: %v", id, err)
		}
		return op.Msg
	}
	wait := func(ctx context.Context, t *testing.T, op *openvclusterv1.Operation, timeout time.Duration) *openvclusterv1.Operation {
		t.Helper()
		res, err := operations.WaitOperation(ctx, connect.NewRequest(&openvclusterv1.WaitOperationRequest{
			Name: op.GetName(), Timeout: durationpb.New(timeout),
		}))
		if err != nil {
			t.Fatalf("WaitOperation: %v", err)
		}
		return res.Msg
	}
	phaseOf := func(ctx context.Context, t *testing.T, id string) openvclusterv1.VCluster_Phase {
		t.Helper()
		res, err := vclusters.GetVCluster(ctx, connect.NewRequest(&openvclusterv1.GetVClusterRequest{Name: vclusterName(id)}))
		if err != nil {
			t.Fatalf("GetVCluster %s: %v", id, err)
		}
		return res.Msg.GetStatus().GetPhase()
	}
	seed := func(ctx context.Context, t *testing.T) {
		t.Helper()
		_, err := control.Seed(ctx, connect.NewRequest(&mockv1.SeedRequest{Vclusters: []*openvclusterv1.VCluster{
			{Name: vclusterName("web-prod"), Labels: map[string]string{"env": "prod"}},
			{Name: vclusterName("api-prod"), Labels: map[string]string{"env": "prod"},
				Status: &openvclusterv1.VClusterStatus{Phase: openvclusterv1.VCluster_PHASE_SUSPENDED}},
			{Name: vclusterName("web-dev"), Labels: map[string]string{"env": "dev"}},
		}}))
		if err != nil {
			t.Fatalf("Seed: %v", err)
		}
	}

	run("CreateWaitsUntilRunning", func(ctx context.Context, t *testing.T) {
		op := create(ctx, t, "dev")
		if got := op.GetMetadata().GetVerb(); got != openvclusterv1.OperationVerb_OPERATION_VERB_CREATE {
			t.Errorf("verb = %v", got)
		}
		done := wait(ctx, t, op, 10*time.Second)
		if !done.GetDone() || done.GetMetadata().GetState() != openvclusterv1.OperationState_OPERATION_STATE_SUCCEEDED {
			t.Fatalf("operation = %v", done)
		}
		if got := done.GetResponse().GetVcluster().GetStatus().GetPhase(); got != openvclusterv1.VCluster_PHASE_RUNNING {
			t.Errorf("response phase = %v", got)
		}
		if got := phaseOf(ctx, t, "dev"); got != openvclusterv1.VCluster_PHASE_RUNNING {
			t.Errorf("phase = %v, want RUNNING", got)
		}
	})

	run("SeedAndListWithAFilter", func(ctx context.Context, t *testing.T) {
		seed(ctx, t)
		list := func(filter string) ([]string, int32) {
			res, err := vclusters.ListVClusters(ctx, connect.NewRequest(&openvclusterv1.ListVClustersRequest{Parent: project, Filter: filter}))
			if err != nil {
				t.Fatalf("ListVClusters %q: %v", filter, err)
			}
			var names []string
			for _, v := range res.Msg.GetVclusters() {
				names = append(names, v.GetName())
			}
			return names, res.Msg.GetTotalSize()
		}
		names, total := list(`labels.env = "prod"`)
		if want := []string{vclusterName("api-prod"), vclusterName("web-prod")}; !slices.Equal(names, want) || total != 2 {
			t.Errorf("prod = %v (total %d), want %v (total 2)", names, total, want)
		}
		names, _ = list(`labels.env = "prod" AND NOT phase = SUSPENDED`)
		if want := []string{vclusterName("web-prod")}; !slices.Equal(names, want) {
			t.Errorf("running prod = %v, want %v", names, want)
		}
	})

	run("InjectedFaultFailsTheNextCallOnly", func(ctx context.Context, t *testing.T) {
		seed(ctx, t)
		_, err := control.InjectFault(ctx, connect.NewRequest(&mockv1.InjectFaultRequest{Fault: &mockv1.Fault{
			Method: getVCluster, Code: int32(connect.CodeUnavailable), Message: "injected: try again", Times: 1,
		}}))
		if err != nil {
			t.Fatalf("InjectFault: %v", err)
		}
		get := &openvclusterv1.GetVClusterRequest{Name: vclusterName("web-prod")}
		_, err = vclusters.GetVCluster(ctx, connect.NewRequest(get))
		if connect.CodeOf(err) != connect.CodeUnavailable {
			t.Fatalf("first GetVCluster: %v, want UNAVAILABLE", err)
		}
		var connectErr *connect.Error
		if !errors.As(err, &connectErr) || connectErr.Message() != "injected: try again" {
			t.Errorf("error = %#v, want a *connect.Error with the injected message", err)
		}
		if _, err := vclusters.GetVCluster(ctx, connect.NewRequest(get)); err != nil {
			t.Fatalf("second GetVCluster: %v", err)
		}
		recorded, err := control.ListRecordedRequests(ctx, connect.NewRequest(&mockv1.ListRecordedRequestsRequest{Method: getVCluster}))
		if err != nil {
			t.Fatalf("ListRecordedRequests: %v", err)
		}
		var codes []int32
		for _, r := range recorded.Msg.GetRequests() {
			codes = append(codes, r.GetCode())
		}
		if want := []int32{int32(connect.CodeUnavailable), 0}; !slices.Equal(codes, want) {
			t.Errorf("recorded codes = %v, want %v", codes, want)
		}
	})

	run("FailNextStepMakesACreateFail", func(ctx context.Context, t *testing.T) {
		_, err := control.FailNextStep(ctx, connect.NewRequest(&mockv1.FailNextStepRequest{
			Verb: openvclusterv1.OperationVerb_OPERATION_VERB_CREATE, Message: "chart install failed",
		}))
		if err != nil {
			t.Fatalf("FailNextStep: %v", err)
		}
		done := wait(ctx, t, create(ctx, t, "broken"), 10*time.Second)
		if done.GetMetadata().GetState() != openvclusterv1.OperationState_OPERATION_STATE_FAILED {
			t.Fatalf("operation = %v, want FAILED", done)
		}
		// FailNextStep's default code is INTERNAL.
		if got := connect.Code(done.GetError().GetCode()); got != connect.CodeInternal || done.GetError().GetMessage() != "chart install failed" {
			t.Errorf("error = %v %q", got, done.GetError().GetMessage())
		}
		if got := phaseOf(ctx, t, "broken"); got != openvclusterv1.VCluster_PHASE_FAILED {
			t.Errorf("phase = %v, want FAILED", got)
		}
		// Only the next step failed.
		if got := wait(ctx, t, create(ctx, t, "fine"), 10*time.Second).GetMetadata().GetState(); got != openvclusterv1.OperationState_OPERATION_STATE_SUCCEEDED {
			t.Errorf("next create = %v", got)
		}
	})

	run("FrozenClockHoldsACreateUntilAdvanced", func(ctx context.Context, t *testing.T) {
		if _, err := control.FreezeClock(ctx, connect.NewRequest(&mockv1.FreezeClockRequest{})); err != nil {
			t.Fatalf("FreezeClock: %v", err)
		}
		if _, err := control.SetLatency(ctx, connect.NewRequest(&mockv1.SetLatencyRequest{Latency: durationpb.New(30 * time.Second)})); err != nil {
			t.Fatalf("SetLatency: %v", err)
		}
		op := create(ctx, t, "slow")
		// WaitOperation's timeout runs on real time, not the frozen clock.
		if wait(ctx, t, op, 200*time.Millisecond).GetDone() {
			t.Fatal("done on a frozen clock")
		}
		if got := phaseOf(ctx, t, "slow"); got != openvclusterv1.VCluster_PHASE_CREATING {
			t.Fatalf("phase = %v, want CREATING", got)
		}
		if _, err := control.AdvanceClock(ctx, connect.NewRequest(&mockv1.AdvanceClockRequest{Duration: durationpb.New(30 * time.Second)})); err != nil {
			t.Fatalf("AdvanceClock: %v", err)
		}
		if done := wait(ctx, t, op, 10*time.Second); done.GetMetadata().GetState() != openvclusterv1.OperationState_OPERATION_STATE_SUCCEEDED {
			t.Fatalf("operation = %v", done)
		}
		if got := phaseOf(ctx, t, "slow"); got != openvclusterv1.VCluster_PHASE_RUNNING {
			t.Errorf("phase = %v, want RUNNING", got)
		}
	})

	run("EveryProtocol", func(ctx context.Context, t *testing.T) {
		seed(ctx, t)
		h2c := &http.Client{Transport: &http.Transport{Protocols: unencryptedHTTP2()}}
		for _, tc := range []struct {
			name   string
			client connect.HTTPClient
			opts   []connect.ClientOption
		}{
			{"connect+proto", http.DefaultClient, nil},
			{"connect+json", http.DefaultClient, []connect.ClientOption{connect.WithProtoJSON()}},
			{"grpc-web", http.DefaultClient, []connect.ClientOption{connect.WithGRPCWeb()}},
			{"grpc", h2c, []connect.ClientOption{connect.WithGRPC()}},
		} {
			t.Run(tc.name, func(t *testing.T) {
				client := openvclusterv1connect.NewVClusterServiceClient(tc.client, srv.URL, tc.opts...)
				res, err := client.GetVCluster(ctx, connect.NewRequest(&openvclusterv1.GetVClusterRequest{Name: vclusterName("api-prod")}))
				if err != nil || res.Msg.GetStatus().GetPhase() != openvclusterv1.VCluster_PHASE_SUSPENDED {
					t.Fatalf("GetVCluster = %v, %v", res, err)
				}
				_, err = client.GetVCluster(ctx, connect.NewRequest(&openvclusterv1.GetVClusterRequest{Name: vclusterName("nope")}))
				if connect.CodeOf(err) != connect.CodeNotFound {
					t.Errorf("GetVCluster nope: %v, want NOT_FOUND", err)
				}
			})
		}
	})
}

// unencryptedHTTP2 is HTTP/2 without TLS (h2c), which gRPC needs.
func unencryptedHTTP2() *http.Protocols {
	var p http.Protocols
	p.SetUnencryptedHTTP2(true)
	return &p
}
