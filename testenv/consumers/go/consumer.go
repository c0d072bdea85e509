// Copyright 2026 The open-vcluster-api Authors
// SPDX-License-Identifier: Apache-2.0

// Package consumer is an application of the Go SDK as a user writes it, in
// a module of its own: scripts/test-consumers-go.sh copies it outside the
// repository and points its go.mod at sdks/go with a replace directive.
package consumer

import (
	"context"

	openvcluster "github.com/open-vcluster/open-vcluster-api/sdks/go"
	openvclusterv1 "github.com/open-vcluster/open-vcluster-api/sdks/go/gen/openvcluster/v1"
)

// CreateDev creates `dev` in project and waits until it runs.
func CreateDev(ctx context.Context, client *openvcluster.Client, project string) (*openvclusterv1.VCluster, error) {
	return client.CreateVClusterAndWait(ctx, &openvclusterv1.CreateVClusterRequest{
		Parent:     "projects/" + project,
		VclusterId: "dev",
		Vcluster:   &openvclusterv1.VCluster{Labels: map[string]string{"env": "dev"}},
	})
}

// Names lists every vcluster of project, across pages.
func Names(ctx context.Context, client *openvcluster.Client, project string) ([]string, error) {
	var names []string
	for vc, err := range client.ListVClusters(ctx, &openvclusterv1.ListVClustersRequest{Parent: "projects/" + project, PageSize: 1}) {
		if err != nil {
			return nil, err
		}
		names = append(names, vc.GetName())
	}
	return names, nil
}

// Exists says whether the vcluster called name exists.
func Exists(ctx context.Context, client *openvcluster.Client, name string) (bool, error) {
	_, err := client.GetVCluster(ctx, &openvclusterv1.GetVClusterRequest{Name: name})
	if openvcluster.IsNotFound(err) {
		return false, nil
	}
	return err == nil, err
}
