// Copyright 2026 The open-vcluster-api Authors
// SPDX-License-Identifier: Apache-2.0

package openvcluster

import (
	"context"
	"iter"

	"google.golang.org/protobuf/types/known/emptypb"

	openvclusterv1 "github.com/open-vcluster/open-vcluster-api/sdks/go/gen/openvcluster/v1"
)

// GetSnapshot gets a snapshot.
func (c *Client) GetSnapshot(ctx context.Context, req *openvclusterv1.GetSnapshotRequest) (*openvclusterv1.Snapshot, error) {
	return unary(ctx, c.snapshots.GetSnapshot, req)
}

// ListSnapshots lists the snapshots of a project. It yields every item of every page, fetching pages as
// the loop needs them; ListSnapshotsPage returns one page.
func (c *Client) ListSnapshots(ctx context.Context, req *openvclusterv1.ListSnapshotsRequest) iter.Seq2[*openvclusterv1.Snapshot, error] {
	return paginate(ctx, req, c.ListSnapshotsPage, (*openvclusterv1.ListSnapshotsResponse).GetSnapshots)
}

// ListSnapshotsPage returns one page of ListSnapshots: pass its NextPageToken as the next
// request's PageToken.
func (c *Client) ListSnapshotsPage(ctx context.Context, req *openvclusterv1.ListSnapshotsRequest) (*openvclusterv1.ListSnapshotsResponse, error) {
	return unary(ctx, c.snapshots.ListSnapshots, req)
}

// UpdateSnapshot updates the fields of update_mask of a snapshot.
func (c *Client) UpdateSnapshot(ctx context.Context, req *openvclusterv1.UpdateSnapshotRequest) (*openvclusterv1.Snapshot, error) {
	return unary(ctx, c.snapshots.UpdateSnapshot, req)
}

// DeleteSnapshot deletes a snapshot. It returns the operation; Wait on it for the result.
func (c *Client) DeleteSnapshot(ctx context.Context, req *openvclusterv1.DeleteSnapshotRequest) (*Operation[*emptypb.Empty], error) {
	op, err := unary(ctx, c.snapshots.DeleteSnapshot, req)
	return newOperation(c, op, err, emptyResult)
}

// DeleteSnapshotAndWait is DeleteSnapshot and Wait in one call.
func (c *Client) DeleteSnapshotAndWait(ctx context.Context, req *openvclusterv1.DeleteSnapshotRequest, opts ...WaitOption) (*emptypb.Empty, error) {
	op, err := c.DeleteSnapshot(ctx, req)
	return andWait(ctx, op, err, opts)
}
