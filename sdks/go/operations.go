// Copyright 2026 The open-vcluster-api Authors
// SPDX-License-Identifier: Apache-2.0

package openvcluster

import (
	"context"
	"iter"

	openvclusterv1 "github.com/open-vcluster/open-vcluster-api/sdks/go/gen/openvcluster/v1"
)

// GetOperation gets the latest state of an operation.
func (c *Client) GetOperation(ctx context.Context, req *openvclusterv1.GetOperationRequest) (*openvclusterv1.Operation, error) {
	return unary(ctx, c.operations.GetOperation, req)
}

// ListOperations lists the operations of a project. It yields every item of every page, fetching pages as
// the loop needs them; ListOperationsPage returns one page.
func (c *Client) ListOperations(ctx context.Context, req *openvclusterv1.ListOperationsRequest) iter.Seq2[*openvclusterv1.Operation, error] {
	return paginate(ctx, req, c.ListOperationsPage, (*openvclusterv1.ListOperationsResponse).GetOperations)
}

// ListOperationsPage returns one page of ListOperations: pass its NextPageToken as the next
// request's PageToken.
func (c *Client) ListOperationsPage(ctx context.Context, req *openvclusterv1.ListOperationsRequest) (*openvclusterv1.ListOperationsResponse, error) {
	return unary(ctx, c.operations.ListOperations, req)
}

// CancelOperation asks the server to cancel an operation.
func (c *Client) CancelOperation(ctx context.Context, req *openvclusterv1.CancelOperationRequest) (*openvclusterv1.Operation, error) {
	return unary(ctx, c.operations.CancelOperation, req)
}
