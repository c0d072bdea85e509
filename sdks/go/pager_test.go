// Copyright 2026 The open-vcluster-api Authors
// SPDX-License-Identifier: Apache-2.0

package openvcluster_test

import (
	"slices"
	"testing"

	openvclusterv1 "github.com/open-vcluster/open-vcluster-api/sdks/go/gen/openvcluster/v1"
)

func TestPagerWalksEveryPageLazily(t *testing.T) {
	client := newClient(t)
	ids := []string{"e", "c", "a", "d", "b"}
	for _, id := range ids {
		if _, err := client.CreateVCluster(t.Context(), createRequest(id)); err != nil {
			t.Fatalf("CreateVCluster %s: %v", id, err)
		}
	}
	req := &openvclusterv1.ListVClustersRequest{Parent: project, PageSize: 2}
	var names []string
	for vc, err := range client.ListVClusters(t.Context(), req) {
		if err != nil {
			t.Fatalf("ListVClusters: %v", err)
		}
		names = append(names, vc.GetName())
	}
	want := []string{vclusterName("a"), vclusterName("b"), vclusterName("c"), vclusterName("d"), vclusterName("e")}
	if !slices.Equal(names, want) {
		t.Errorf("names = %v, want %v", names, want)
	}
	if got := len(recorded(t, "VClusterService/ListVClusters")); got != 3 {
		t.Errorf("%d pages fetched, want 3", got)
	}
	if req.GetPageToken() != "" {
		t.Errorf("the caller's request was modified: page_token %q", req.GetPageToken())
	}

	// Stopping the loop stops the fetching.
	before := len(recorded(t, "VClusterService/ListVClusters"))
	for range client.ListVClusters(t.Context(), req) {
		break
	}
	if got := len(recorded(t, "VClusterService/ListVClusters")) - before; got != 1 {
		t.Errorf("break after one item fetched %d pages, want 1", got)
	}

	// Page at a time.
	page, err := client.ListVClustersPage(t.Context(), req)
	if err != nil || len(page.GetVclusters()) != 2 || page.GetNextPageToken() == "" || page.GetTotalSize() != 5 {
		t.Fatalf("ListVClustersPage = %v, %v", page, err)
	}
}

func TestPagerYieldsTheErrorLast(t *testing.T) {
	client := newClient(t)
	var errs int
	for vc, err := range client.ListVClusters(t.Context(), &openvclusterv1.ListVClustersRequest{Parent: project, Filter: "no such ((("}) {
		if err == nil {
			t.Errorf("unexpected item %v", vc)
			continue
		}
		errs++
	}
	if errs != 1 {
		t.Errorf("%d errors yielded, want 1", errs)
	}
}
