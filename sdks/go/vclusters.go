// Copyright 2026 The open-vcluster-api Authors
// SPDX-License-Identifier: Apache-2.0

package openvcluster

import (
	"context"
	"iter"

	"google.golang.org/protobuf/types/known/emptypb"

	openvclusterv1 "github.com/open-vcluster/open-vcluster-api/sdks/go/gen/openvcluster/v1"
)

// CreateVCluster creates a vcluster in a project. It returns the operation; Wait on it for the result.
func (c *Client) CreateVCluster(ctx context.Context, req *openvclusterv1.CreateVClusterRequest) (*Operation[*openvclusterv1.VCluster], error) {
	op, err := unary(ctx, c.vclusters.CreateVCluster, req)
	return newOperation(c, op, err, vclusterResult)
}

// CreateVClusterAndWait is CreateVCluster and Wait in one call.
func (c *Client) CreateVClusterAndWait(ctx context.Context, req *openvclusterv1.CreateVClusterRequest, opts ...WaitOption) (*openvclusterv1.VCluster, error) {
	op, err := c.CreateVCluster(ctx, req)
	return andWait(ctx, op, err, opts)
}

// GetVCluster gets a vcluster; NOT_FOUND (IsNotFound) when there is none.
func (c *Client) GetVCluster(ctx context.Context, req *openvclusterv1.GetVClusterRequest) (*openvclusterv1.VCluster, error) {
	return unary(ctx, c.vclusters.GetVCluster, req)
}

// ListVClusters lists the vclusters of a project, filtered and ordered. It yields every item of every page, fetching pages as
// the loop needs them; ListVClustersPage returns one page.
func (c *Client) ListVClusters(ctx context.Context, req *openvclusterv1.ListVClustersRequest) iter.Seq2[*openvclusterv1.VCluster, error] {
	return paginate(ctx, req, c.ListVClustersPage, (*openvclusterv1.ListVClustersResponse).GetVclusters)
}

// ListVClustersPage returns one page of ListVClusters: pass its NextPageToken as the next
// request's PageToken.
func (c *Client) ListVClustersPage(ctx context.Context, req *openvclusterv1.ListVClustersRequest) (*openvclusterv1.ListVClustersResponse, error) {
	return unary(ctx, c.vclusters.ListVClusters, req)
}

// UpdateVCluster updates the fields of update_mask; a stale etag is ABORTED (IsConflict). It returns the operation; Wait on it for the result.
func (c *Client) UpdateVCluster(ctx context.Context, req *openvclusterv1.UpdateVClusterRequest) (*Operation[*openvclusterv1.VCluster], error) {
	op, err := unary(ctx, c.vclusters.UpdateVCluster, req)
	return newOperation(c, op, err, vclusterResult)
}

// UpdateVClusterAndWait is UpdateVCluster and Wait in one call.
func (c *Client) UpdateVClusterAndWait(ctx context.Context, req *openvclusterv1.UpdateVClusterRequest, opts ...WaitOption) (*openvclusterv1.VCluster, error) {
	op, err := c.UpdateVCluster(ctx, req)
	return andWait(ctx, op, err, opts)
}

// DeleteVCluster deletes a vcluster. It returns the operation; Wait on it for the result.
func (c *Client) DeleteVCluster(ctx context.Context, req *openvclusterv1.DeleteVClusterRequest) (*Operation[*emptypb.Empty], error) {
	op, err := unary(ctx, c.vclusters.DeleteVCluster, req)
	return newOperation(c, op, err, emptyResult)
}

// DeleteVClusterAndWait is DeleteVCluster and Wait in one call.
func (c *Client) DeleteVClusterAndWait(ctx context.Context, req *openvclusterv1.DeleteVClusterRequest, opts ...WaitOption) (*emptypb.Empty, error) {
	op, err := c.DeleteVCluster(ctx, req)
	return andWait(ctx, op, err, opts)
}

// ScaleVCluster changes the control plane replicas. It returns the operation; Wait on it for the result.
func (c *Client) ScaleVCluster(ctx context.Context, req *openvclusterv1.ScaleVClusterRequest) (*Operation[*openvclusterv1.VCluster], error) {
	op, err := unary(ctx, c.vclusters.ScaleVCluster, req)
	return newOperation(c, op, err, vclusterResult)
}

// ScaleVClusterAndWait is ScaleVCluster and Wait in one call.
func (c *Client) ScaleVClusterAndWait(ctx context.Context, req *openvclusterv1.ScaleVClusterRequest, opts ...WaitOption) (*openvclusterv1.VCluster, error) {
	op, err := c.ScaleVCluster(ctx, req)
	return andWait(ctx, op, err, opts)
}

// SuspendVCluster suspends a running vcluster. It returns the operation; Wait on it for the result.
func (c *Client) SuspendVCluster(ctx context.Context, req *openvclusterv1.SuspendVClusterRequest) (*Operation[*openvclusterv1.VCluster], error) {
	op, err := unary(ctx, c.vclusters.SuspendVCluster, req)
	return newOperation(c, op, err, vclusterResult)
}

// SuspendVClusterAndWait is SuspendVCluster and Wait in one call.
func (c *Client) SuspendVClusterAndWait(ctx context.Context, req *openvclusterv1.SuspendVClusterRequest, opts ...WaitOption) (*openvclusterv1.VCluster, error) {
	op, err := c.SuspendVCluster(ctx, req)
	return andWait(ctx, op, err, opts)
}

// ResumeVCluster resumes a suspended vcluster. It returns the operation; Wait on it for the result.
func (c *Client) ResumeVCluster(ctx context.Context, req *openvclusterv1.ResumeVClusterRequest) (*Operation[*openvclusterv1.VCluster], error) {
	op, err := unary(ctx, c.vclusters.ResumeVCluster, req)
	return newOperation(c, op, err, vclusterResult)
}

// ResumeVClusterAndWait is ResumeVCluster and Wait in one call.
func (c *Client) ResumeVClusterAndWait(ctx context.Context, req *openvclusterv1.ResumeVClusterRequest, opts ...WaitOption) (*openvclusterv1.VCluster, error) {
	op, err := c.ResumeVCluster(ctx, req)
	return andWait(ctx, op, err, opts)
}

// SnapshotVCluster takes a snapshot of a vcluster. It returns the operation; Wait on it for the result.
func (c *Client) SnapshotVCluster(ctx context.Context, req *openvclusterv1.SnapshotVClusterRequest) (*Operation[*openvclusterv1.Snapshot], error) {
	op, err := unary(ctx, c.vclusters.SnapshotVCluster, req)
	return newOperation(c, op, err, snapshotResult)
}

// SnapshotVClusterAndWait is SnapshotVCluster and Wait in one call.
func (c *Client) SnapshotVClusterAndWait(ctx context.Context, req *openvclusterv1.SnapshotVClusterRequest, opts ...WaitOption) (*openvclusterv1.Snapshot, error) {
	op, err := c.SnapshotVCluster(ctx, req)
	return andWait(ctx, op, err, opts)
}

// RestoreVCluster restores a vcluster from a snapshot. It returns the operation; Wait on it for the result.
func (c *Client) RestoreVCluster(ctx context.Context, req *openvclusterv1.RestoreVClusterRequest) (*Operation[*openvclusterv1.VCluster], error) {
	op, err := unary(ctx, c.vclusters.RestoreVCluster, req)
	return newOperation(c, op, err, vclusterResult)
}

// RestoreVClusterAndWait is RestoreVCluster and Wait in one call.
func (c *Client) RestoreVClusterAndWait(ctx context.Context, req *openvclusterv1.RestoreVClusterRequest, opts ...WaitOption) (*openvclusterv1.VCluster, error) {
	op, err := c.RestoreVCluster(ctx, req)
	return andWait(ctx, op, err, opts)
}

// GenerateVClusterKubeconfig returns a kubeconfig for a vcluster.
func (c *Client) GenerateVClusterKubeconfig(ctx context.Context, req *openvclusterv1.GenerateVClusterKubeconfigRequest) (*openvclusterv1.Kubeconfig, error) {
	return unary(ctx, c.vclusters.GenerateVClusterKubeconfig, req)
}

// GetVClusterUsage returns the resource usage of a vcluster.
func (c *Client) GetVClusterUsage(ctx context.Context, req *openvclusterv1.GetVClusterUsageRequest) (*openvclusterv1.VClusterUsage, error) {
	return unary(ctx, c.vclusters.GetVClusterUsage, req)
}

// GetServerConfig returns what the server supports (chart and Kubernetes versions, defaults).
func (c *Client) GetServerConfig(ctx context.Context, req *openvclusterv1.GetServerConfigRequest) (*openvclusterv1.ServerConfig, error) {
	return unary(ctx, c.vclusters.GetServerConfig, req)
}
