// Copyright 2026 The open-vcluster-api Authors
// SPDX-License-Identifier: Apache-2.0

package openvcluster_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"connectrpc.com/connect"
	"google.golang.org/protobuf/types/known/durationpb"

	openvcluster "github.com/open-vcluster/open-vcluster-api/sdks/go"
	mockv1 "github.com/open-vcluster/open-vcluster-api/sdks/go/gen/openvcluster/mock/v1"
	openvclusterv1 "github.com/open-vcluster/open-vcluster-api/sdks/go/gen/openvcluster/v1"
)

func createRequest(id string) *openvclusterv1.CreateVClusterRequest {
	return &openvclusterv1.CreateVClusterRequest{Parent: project, VclusterId: id, Vcluster: &openvclusterv1.VCluster{}}
}

func TestWaitReturnsTheTypedResponse(t *testing.T) {
	client := newClient(t)
	op, err := client.CreateVCluster(t.Context(), createRequest("dev"))
	if err != nil {
		t.Fatalf("CreateVCluster: %v", err)
	}
	if op.Metadata().GetVerb() != openvclusterv1.OperationVerb_OPERATION_VERB_CREATE {
		t.Errorf("verb = %v", op.Metadata().GetVerb())
	}
	vc, err := op.Wait(t.Context())
	if err != nil {
		t.Fatalf("Wait: %v", err)
	}
	if vc.GetName() != vclusterName("dev") || vc.GetStatus().GetPhase() != openvclusterv1.VCluster_PHASE_RUNNING {
		t.Errorf("Wait = %v, want %s RUNNING", vc, vclusterName("dev"))
	}
	if !op.Done() || op.Proto().GetMetadata().GetState() != openvclusterv1.OperationState_OPERATION_STATE_SUCCEEDED {
		t.Errorf("operation after Wait = %v", op.Proto())
	}

	snap, err := client.SnapshotVClusterAndWait(t.Context(), &openvclusterv1.SnapshotVClusterRequest{Name: vclusterName("dev"), SnapshotId: "nightly",
		Storage: &openvclusterv1.SnapshotStorage{Kind: &openvclusterv1.SnapshotStorage_Container{Container: &openvclusterv1.ContainerStorage{Path: "/data/nightly.tar.gz"}}}})
	if err != nil {
		t.Fatalf("SnapshotVClusterAndWait: %v", err)
	}
	if snap.GetName() != project+"/snapshots/nightly" {
		t.Errorf("snapshot = %v", snap)
	}
	if _, err := client.DeleteVClusterAndWait(t.Context(), &openvclusterv1.DeleteVClusterRequest{Name: vclusterName("dev")}); err != nil {
		t.Fatalf("DeleteVClusterAndWait: %v", err)
	}
	if _, err := client.GetVCluster(t.Context(), &openvclusterv1.GetVClusterRequest{Name: vclusterName("dev")}); !openvcluster.IsNotFound(err) {
		t.Errorf("GetVCluster after delete = %v, want NOT_FOUND", err)
	}
}

func TestWaitReturnsAnOperationErrorWhenTheOperationFails(t *testing.T) {
	client := newClient(t)
	_, err := mock.Control.FailNextStep(t.Context(), connect.NewRequest(&mockv1.FailNextStepRequest{
		Verb: openvclusterv1.OperationVerb_OPERATION_VERB_CREATE, Message: "chart install failed",
	}))
	if err != nil {
		t.Fatalf("FailNextStep: %v", err)
	}
	vc, err := client.CreateVClusterAndWait(t.Context(), createRequest("broken"))
	var opErr *openvcluster.OperationError
	if !errors.As(err, &opErr) {
		t.Fatalf("CreateVClusterAndWait = %v, %v; want an *OperationError", vc, err)
	}
	// FailNextStep's default code is INTERNAL.
	if opErr.Code != connect.CodeInternal || opErr.Message != "chart install failed" || openvcluster.CodeOf(err) != connect.CodeInternal {
		t.Errorf("OperationError = %v %q", opErr.Code, opErr.Message)
	}
	if opErr.Operation.GetMetadata().GetState() != openvclusterv1.OperationState_OPERATION_STATE_FAILED || opErr.Operation.GetMetadata().GetTarget() != vclusterName("broken") {
		t.Errorf("operation = %v", opErr.Operation)
	}
}

func TestWaitReportsProgress(t *testing.T) {
	client := newClient(t)
	// Slow transitions so a short poll sees the operation running.
	if _, err := mock.Control.SetLatency(t.Context(), connect.NewRequest(&mockv1.SetLatencyRequest{Latency: durationpb.New(300 * time.Millisecond)})); err != nil {
		t.Fatalf("SetLatency: %v", err)
	}
	op, err := client.CreateVCluster(t.Context(), createRequest("slow"))
	if err != nil {
		t.Fatalf("CreateVCluster: %v", err)
	}
	var states []openvclusterv1.OperationState
	_, err = op.Wait(t.Context(), openvcluster.WithPollInterval(20*time.Millisecond), openvcluster.WithProgress(func(m *openvclusterv1.OperationMetadata) {
		states = append(states, m.GetState())
	}))
	if err != nil {
		t.Fatalf("Wait: %v", err)
	}
	if len(states) < 2 || states[0] == openvclusterv1.OperationState_OPERATION_STATE_SUCCEEDED || states[len(states)-1] != openvclusterv1.OperationState_OPERATION_STATE_SUCCEEDED {
		t.Errorf("progress states = %v, want not-done states ending in SUCCEEDED", states)
	}
}

func TestWaitEndsWithTheContext(t *testing.T) {
	client := newClient(t)
	if _, err := mock.Control.FreezeClock(t.Context(), connect.NewRequest(&mockv1.FreezeClockRequest{})); err != nil {
		t.Fatalf("FreezeClock: %v", err)
	}
	if _, err := mock.Control.SetLatency(t.Context(), connect.NewRequest(&mockv1.SetLatencyRequest{Latency: durationpb.New(time.Minute)})); err != nil {
		t.Fatalf("SetLatency: %v", err)
	}
	op, err := client.CreateVCluster(t.Context(), createRequest("frozen"))
	if err != nil {
		t.Fatalf("CreateVCluster: %v", err)
	}
	ctx, cancel := context.WithTimeout(t.Context(), 300*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err = op.Wait(ctx)
	if !errors.Is(err, context.DeadlineExceeded) || time.Since(start) > 5*time.Second {
		t.Errorf("Wait on a frozen clock = %v after %v, want the context's deadline", err, time.Since(start))
	}
	if op.Done() {
		t.Error("operation done on a frozen clock")
	}
}

func TestCancelEndsTheWaitWithCANCELLED(t *testing.T) {
	client := newClient(t)
	if _, err := mock.Control.FreezeClock(t.Context(), connect.NewRequest(&mockv1.FreezeClockRequest{})); err != nil {
		t.Fatalf("FreezeClock: %v", err)
	}
	if _, err := mock.Control.SetLatency(t.Context(), connect.NewRequest(&mockv1.SetLatencyRequest{Latency: durationpb.New(time.Minute)})); err != nil {
		t.Fatalf("SetLatency: %v", err)
	}
	op, err := client.CreateVCluster(t.Context(), createRequest("doomed"))
	if err != nil {
		t.Fatalf("CreateVCluster: %v", err)
	}
	if err := op.Cancel(t.Context()); err != nil {
		t.Fatalf("Cancel: %v", err)
	}
	ctx, cancel := context.WithTimeout(t.Context(), 30*time.Second)
	defer cancel()
	_, err = op.Wait(ctx)
	var opErr *openvcluster.OperationError
	if !errors.As(err, &opErr) || opErr.Code != connect.CodeCanceled || opErr.Operation.GetMetadata().GetState() != openvclusterv1.OperationState_OPERATION_STATE_CANCELLED {
		t.Errorf("Wait after Cancel = %v, want an *OperationError with CANCELLED", err)
	}
}
