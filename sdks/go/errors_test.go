// Copyright 2026 The open-vcluster-api Authors
// SPDX-License-Identifier: Apache-2.0

package openvcluster_test

import (
	"errors"
	"slices"
	"testing"

	"connectrpc.com/connect"
	"google.golang.org/protobuf/types/known/fieldmaskpb"

	openvcluster "github.com/open-vcluster/open-vcluster-api/sdks/go"
	openvclusterv1 "github.com/open-vcluster/open-vcluster-api/sdks/go/gen/openvcluster/v1"
)

func TestViolationsFromTheServer(t *testing.T) {
	client := newClient(t)
	_, err := client.CreateVCluster(t.Context(), createRequest("Bad_Name"))
	if !openvcluster.IsInvalidArgument(err) {
		t.Fatalf("CreateVCluster = %v, want INVALID_ARGUMENT", err)
	}
	want := openvcluster.Violation{Field: "vcluster_id", Rule: "string.pattern"}
	if !hasViolation(openvcluster.Violations(err), want) {
		t.Errorf("Violations = %+v, want %+v", openvcluster.Violations(err), want)
	}
	var cerr *connect.Error
	if !errors.As(err, &cerr) || cerr.Code() != connect.CodeInvalidArgument {
		t.Errorf("error %v is not a *connect.Error", err)
	}
	if got := len(recorded(t, "VClusterService/CreateVCluster")); got != 1 {
		t.Errorf("server saw %d requests, want 1", got)
	}
}

func TestWithValidationChecksBeforeSending(t *testing.T) {
	client := newClient(t, openvcluster.WithValidation())
	_, err := client.CreateVCluster(t.Context(), createRequest("Bad_Name"))
	want := openvcluster.Violation{Field: "vcluster_id", Rule: "string.pattern"}
	if !openvcluster.IsInvalidArgument(err) || !hasViolation(openvcluster.Violations(err), want) {
		t.Fatalf("CreateVCluster = %v (violations %+v), want INVALID_ARGUMENT with %+v", err, openvcluster.Violations(err), want)
	}
	if got := len(recorded(t, "VClusterService/CreateVCluster")); got != 0 {
		t.Errorf("server saw %d requests, want none", got)
	}
	// A watch request is checked too.
	for _, err := range client.WatchVClusters(t.Context(), &openvclusterv1.WatchVClustersRequest{Parent: "nope"}) {
		if !openvcluster.IsInvalidArgument(err) || !hasViolation(openvcluster.Violations(err), openvcluster.Violation{Field: "parent", Rule: "string.pattern"}) {
			t.Errorf("watch = %v, want INVALID_ARGUMENT on parent", err)
		}
	}
	if got := len(recorded(t, "VClusterService/WatchVClusters")); got != 0 {
		t.Errorf("server saw %d watch requests, want none", got)
	}
	// Valid requests go through.
	if _, err := client.CreateVClusterAndWait(t.Context(), createRequest("good")); err != nil {
		t.Errorf("valid CreateVCluster: %v", err)
	}
}

func TestCodeHelpers(t *testing.T) {
	client := newClient(t)
	_, err := client.GetVCluster(t.Context(), &openvclusterv1.GetVClusterRequest{Name: vclusterName("nope")})
	if !openvcluster.IsNotFound(err) || openvcluster.IsAlreadyExists(err) || openvcluster.CodeOf(err) != connect.CodeNotFound {
		t.Errorf("GetVCluster = %v, want NOT_FOUND", err)
	}
	if openvcluster.CodeOf(nil) != 0 || openvcluster.Violations(err) != nil {
		t.Error("CodeOf(nil) or Violations of a NOT_FOUND")
	}
	vc, err := client.CreateVClusterAndWait(t.Context(), createRequest("dev"))
	if err != nil {
		t.Fatal(err)
	}
	stale := &openvclusterv1.UpdateVClusterRequest{Vcluster: &openvclusterv1.VCluster{Name: vc.GetName(), DisplayName: "x", Etag: "stale"}, UpdateMask: &fieldmaskpb.FieldMask{Paths: []string{"display_name"}}}
	if _, err := client.UpdateVCluster(t.Context(), stale); !openvcluster.IsConflict(err) {
		t.Errorf("UpdateVCluster with a stale etag = %v, want ABORTED", err)
	}
}

func hasViolation(got []openvcluster.Violation, want openvcluster.Violation) bool {
	return slices.ContainsFunc(got, func(v openvcluster.Violation) bool {
		return v.Field == want.Field && v.Rule == want.Rule && v.Message != ""
	})
}
