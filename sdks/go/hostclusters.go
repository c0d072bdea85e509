// Copyright 2026 The open-vcluster-api Authors
// SPDX-License-Identifier: Apache-2.0

package openvcluster

import (
	"context"
	"iter"

	openvclusterv1 "github.com/open-vcluster/open-vcluster-api/sdks/go/gen/openvcluster/v1"
)

// GetHostCluster gets a host cluster.
func (c *Client) GetHostCluster(ctx context.Context, req *openvclusterv1.GetHostClusterRequest) (*openvclusterv1.HostCluster, error) {
	return unary(ctx, c.hostClusters.GetHostCluster, req)
}

// ListHostClusters lists the host clusters the server knows. It yields every item of every page, fetching pages as
// the loop needs them; ListHostClustersPage returns one page.
func (c *Client) ListHostClusters(ctx context.Context, req *openvclusterv1.ListHostClustersRequest) iter.Seq2[*openvclusterv1.HostCluster, error] {
	return paginate(ctx, req, c.ListHostClustersPage, (*openvclusterv1.ListHostClustersResponse).GetHostClusters)
}

// ListHostClustersPage returns one page of ListHostClusters: pass its NextPageToken as the next
// request's PageToken.
func (c *Client) ListHostClustersPage(ctx context.Context, req *openvclusterv1.ListHostClustersRequest) (*openvclusterv1.ListHostClustersResponse, error) {
	return unary(ctx, c.hostClusters.ListHostClusters, req)
}
