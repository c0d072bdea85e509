// Copyright 2026 The open-vcluster-api Authors
// SPDX-License-Identifier: Apache-2.0

package consumer_test

import (
	"slices"
	"testing"

	openvcluster "github.com/open-vcluster/open-vcluster-api/sdks/go"
	openvclusterv1 "github.com/open-vcluster/open-vcluster-api/sdks/go/gen/openvcluster/v1"
	"github.com/open-vcluster/open-vcluster-api/sdks/go/ovcmock"

	"example.com/consumer"
)

// TestAgainstOvcMock runs the package against the ovc-mock named by OVC_MOCK.
func TestAgainstOvcMock(t *testing.T) {
	ctx := t.Context()
	srv := ovcmock.Start(ctx, t)
	client, err := openvcluster.NewClient(ctx, openvcluster.WithEndpoint(srv.URL))
	if err != nil {
		t.Fatal(err)
	}

	vc, err := consumer.CreateDev(ctx, client, "consumer")
	if err != nil {
		t.Fatal(err)
	}
	if vc.GetName() != "projects/consumer/vclusters/dev" || vc.GetStatus().GetPhase() != openvclusterv1.VCluster_PHASE_RUNNING {
		t.Fatalf("created %s in phase %s", vc.GetName(), vc.GetStatus().GetPhase())
	}
	names, err := consumer.Names(ctx, client, "consumer")
	if err != nil || !slices.Equal(names, []string{vc.GetName()}) {
		t.Fatalf("Names = %v, %v", names, err)
	}
	for name, want := range map[string]bool{vc.GetName(): true, "projects/consumer/vclusters/nope": false} {
		if got, err := consumer.Exists(ctx, client, name); err != nil || got != want {
			t.Fatalf("Exists(%s) = %v, %v; want %v", name, got, err, want)
		}
	}

	if err := srv.Reset(ctx); err != nil {
		t.Fatal(err)
	}
	if names, err := consumer.Names(ctx, client, "consumer"); err != nil || len(names) != 0 {
		t.Fatalf("after Reset, Names = %v, %v", names, err)
	}
}
