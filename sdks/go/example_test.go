// Copyright 2026 The open-vcluster-api Authors
// SPDX-License-Identifier: Apache-2.0

package openvcluster_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"time"

	openvcluster "github.com/open-vcluster/open-vcluster-api/sdks/go"
	openvclusterv1 "github.com/open-vcluster/open-vcluster-api/sdks/go/gen/openvcluster/v1"
)

// These examples run under go test against ovc-mock: TestMain sets
// OVC_ENDPOINT, which NewClient reads like it would in your program.

func ExampleNewClient() {
	ctx := context.Background()
	// OVC_ENDPOINT and OVC_API_KEY are the defaults; options override them.
	client, err := openvcluster.NewClient(ctx,
		openvcluster.WithTimeout(10*time.Second),
		openvcluster.WithRetry(openvcluster.RetryPolicy{MaxAttempts: 5, InitialBackoff: 200 * time.Millisecond, MaxBackoff: 5 * time.Second, Multiplier: 2}),
		openvcluster.WithValidation(),
	)
	if err != nil {
		log.Fatal(err)
	}
	vc, err := client.CreateVClusterAndWait(ctx, &openvclusterv1.CreateVClusterRequest{
		Parent:     "projects/example-new-client",
		VclusterId: "dev",
		Vcluster:   &openvclusterv1.VCluster{DisplayName: "Development"},
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(vc.GetName(), vc.GetStatus().GetPhase())
	// Output: projects/example-new-client/vclusters/dev PHASE_RUNNING
}

func ExampleOperation_Wait() {
	ctx := context.Background()
	client, err := openvcluster.NewClient(ctx)
	if err != nil {
		log.Fatal(err)
	}
	op, err := client.CreateVCluster(ctx, &openvclusterv1.CreateVClusterRequest{
		Parent: "projects/example-wait", VclusterId: "dev", Vcluster: &openvclusterv1.VCluster{},
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(op.Metadata().GetVerb())
	vc, err := op.Wait(ctx, openvcluster.WithProgress(func(m *openvclusterv1.OperationMetadata) {
		log.Printf("%s %d%% %s", m.GetState(), m.GetProgressPercent(), m.GetStep())
	}))
	var failed *openvcluster.OperationError
	switch {
	case errors.As(err, &failed):
		log.Fatalf("create failed: %s %s", failed.Code, failed.Message)
	case err != nil:
		log.Fatal(err)
	}
	fmt.Println(vc.GetStatus().GetPhase())
	// Output:
	// OPERATION_VERB_CREATE
	// PHASE_RUNNING
}

func ExampleClient_ListVClusters() {
	ctx := context.Background()
	client, err := openvcluster.NewClient(ctx)
	if err != nil {
		log.Fatal(err)
	}
	for _, id := range []string{"web", "api", "db"} {
		req := &openvclusterv1.CreateVClusterRequest{Parent: "projects/example-list", VclusterId: id, Vcluster: &openvclusterv1.VCluster{}}
		if _, err := client.CreateVCluster(ctx, req); err != nil {
			log.Fatal(err)
		}
	}
	// Every item of every page; pages of 2 are fetched as the loop goes.
	for vc, err := range client.ListVClusters(ctx, &openvclusterv1.ListVClustersRequest{Parent: "projects/example-list", PageSize: 2}) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(vc.GetName())
	}
	// Output:
	// projects/example-list/vclusters/api
	// projects/example-list/vclusters/db
	// projects/example-list/vclusters/web
}

func ExampleClient_WatchVClusters() {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	client, err := openvcluster.NewClient(ctx)
	if err != nil {
		log.Fatal(err)
	}
	if _, err := client.CreateVClusterAndWait(ctx, &openvclusterv1.CreateVClusterRequest{
		Parent: "projects/example-watch", VclusterId: "dev", Vcluster: &openvclusterv1.VCluster{},
	}); err != nil {
		log.Fatal(err)
	}
	// Disconnects are resumed from the last version; cancelling ctx (or
	// breaking out of the loop) ends the watch without an error.
	for event, err := range client.WatchVClusters(ctx, &openvclusterv1.WatchVClustersRequest{Parent: "projects/example-watch"}) {
		if errors.Is(err, openvcluster.ErrWatchExpired) {
			log.Fatal("too far behind: list again, then watch from the list's version")
		} else if err != nil {
			log.Fatal(err)
		}
		fmt.Println(event.GetType(), event.GetVcluster().GetName())
		if event.GetType() == openvclusterv1.WatchVClustersResponse_EVENT_TYPE_SYNCED {
			break
		}
	}
	// Output:
	// EVENT_TYPE_ADDED projects/example-watch/vclusters/dev
	// EVENT_TYPE_SYNCED
}

func ExampleViolations() {
	ctx := context.Background()
	client, err := openvcluster.NewClient(ctx)
	if err != nil {
		log.Fatal(err)
	}
	_, err = client.CreateVCluster(ctx, &openvclusterv1.CreateVClusterRequest{
		Parent: "projects/example-violations", VclusterId: "Not_A_DNS_Label", Vcluster: &openvclusterv1.VCluster{},
	})
	if openvcluster.IsInvalidArgument(err) {
		for _, v := range openvcluster.Violations(err) {
			fmt.Println(v.Field, v.Rule)
		}
	}
	// Output: vcluster_id string.pattern
}

func ExampleIsNotFound() {
	ctx := context.Background()
	client, err := openvcluster.NewClient(ctx)
	if err != nil {
		log.Fatal(err)
	}
	_, err = client.GetVCluster(ctx, &openvclusterv1.GetVClusterRequest{Name: "projects/example-not-found/vclusters/nope"})
	fmt.Println(openvcluster.IsNotFound(err), openvcluster.CodeOf(err))
	// Output: true not_found
}
