// Copyright 2026 The open-vcluster-api Authors
// SPDX-License-Identifier: Apache-2.0

package openvcluster_test

import (
	"context"
	"fmt"
	"iter"

	"google.golang.org/protobuf/encoding/protojson"
	"google.golang.org/protobuf/proto"

	openvcluster "github.com/open-vcluster/open-vcluster-api/sdks/go"
)

// The conformance runner's view of the Client: every RPC a scenario can
// name, "Service.Method", taking the request as proto JSON.
type (
	callFunc func(ctx context.Context, request []byte) (proto.Message, error)
	listFunc func(ctx context.Context, request []byte) ([]proto.Message, error)
)

// A pointer-to-message type parameter, so the runner can allocate requests.
type message[T any] interface {
	*T
	proto.Message
}

func decode[Req any, PReq message[Req]](raw []byte) (PReq, error) {
	req := PReq(new(Req))
	if err := protojson.Unmarshal(raw, req); err != nil {
		return nil, fmt.Errorf("%w: request %s: %v", errRunner, raw, err)
	}
	return req, nil
}

// unaryStep adapts a Client method returning a message.
func unaryStep[Req any, PReq message[Req], Res proto.Message](fn func(context.Context, PReq) (Res, error)) callFunc {
	return func(ctx context.Context, raw []byte) (proto.Message, error) {
		req, err := decode[Req, PReq](raw)
		if err != nil {
			return nil, err
		}
		res, err := fn(ctx, req)
		if err != nil {
			return nil, err
		}
		return res, nil
	}
}

// operationStep adapts a mutation: its result is the Operation it returned.
func operationStep[Req any, PReq message[Req], T proto.Message](fn func(context.Context, PReq) (*openvcluster.Operation[T], error)) callFunc {
	return func(ctx context.Context, raw []byte) (proto.Message, error) {
		req, err := decode[Req, PReq](raw)
		if err != nil {
			return nil, err
		}
		op, err := fn(ctx, req)
		if err != nil {
			return nil, err
		}
		return op.Proto(), nil
	}
}

// pagerStep adapts a pager: its result is every item of every page.
func pagerStep[Req any, PReq message[Req], Item proto.Message](fn func(context.Context, PReq) iter.Seq2[Item, error]) listFunc {
	return func(ctx context.Context, raw []byte) ([]proto.Message, error) {
		req, err := decode[Req, PReq](raw)
		if err != nil {
			return nil, err
		}
		var items []proto.Message
		for item, err := range fn(ctx, req) {
			if err != nil {
				return nil, err
			}
			items = append(items, item)
		}
		return items, nil
	}
}

func calls(c *openvcluster.Client) map[string]callFunc {
	return map[string]callFunc{
		"VClusterService.CreateVCluster":             operationStep(c.CreateVCluster),
		"VClusterService.GetVCluster":                unaryStep(c.GetVCluster),
		"VClusterService.ListVClusters":              unaryStep(c.ListVClustersPage),
		"VClusterService.UpdateVCluster":             operationStep(c.UpdateVCluster),
		"VClusterService.DeleteVCluster":             operationStep(c.DeleteVCluster),
		"VClusterService.ScaleVCluster":              operationStep(c.ScaleVCluster),
		"VClusterService.SuspendVCluster":            operationStep(c.SuspendVCluster),
		"VClusterService.ResumeVCluster":             operationStep(c.ResumeVCluster),
		"VClusterService.SnapshotVCluster":           operationStep(c.SnapshotVCluster),
		"VClusterService.RestoreVCluster":            operationStep(c.RestoreVCluster),
		"VClusterService.GenerateVClusterKubeconfig": unaryStep(c.GenerateVClusterKubeconfig),
		"VClusterService.GetVClusterUsage":           unaryStep(c.GetVClusterUsage),
		"VClusterService.GetServerConfig":            unaryStep(c.GetServerConfig),
		"SnapshotService.GetSnapshot":                unaryStep(c.GetSnapshot),
		"SnapshotService.ListSnapshots":              unaryStep(c.ListSnapshotsPage),
		"SnapshotService.UpdateSnapshot":             unaryStep(c.UpdateSnapshot),
		"SnapshotService.DeleteSnapshot":             operationStep(c.DeleteSnapshot),
		"OperationService.GetOperation":              unaryStep(c.GetOperation),
		"OperationService.ListOperations":            unaryStep(c.ListOperationsPage),
		"OperationService.CancelOperation":           unaryStep(c.CancelOperation),
		"ProjectService.CreateProject":               unaryStep(c.CreateProject),
		"ProjectService.GetProject":                  unaryStep(c.GetProject),
		"ProjectService.ListProjects":                unaryStep(c.ListProjectsPage),
		"ProjectService.UpdateProject":               unaryStep(c.UpdateProject),
		"ProjectService.DeleteProject":               unaryStep(c.DeleteProject),
		"HostClusterService.GetHostCluster":          unaryStep(c.GetHostCluster),
		"HostClusterService.ListHostClusters":        unaryStep(c.ListHostClustersPage),
	}
}

func lists(c *openvcluster.Client) map[string]listFunc {
	return map[string]listFunc{
		"VClusterService.ListVClusters":       pagerStep(c.ListVClusters),
		"SnapshotService.ListSnapshots":       pagerStep(c.ListSnapshots),
		"OperationService.ListOperations":     pagerStep(c.ListOperations),
		"ProjectService.ListProjects":         pagerStep(c.ListProjects),
		"HostClusterService.ListHostClusters": pagerStep(c.ListHostClusters),
	}
}
