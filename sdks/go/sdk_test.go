// Copyright 2026 The open-vcluster-api Authors
// SPDX-License-Identifier: Apache-2.0

package openvcluster_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"regexp"
	"testing"
	"time"

	"buf.build/go/protovalidate"
	"connectrpc.com/connect"
	"google.golang.org/protobuf/encoding/protojson"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/types/known/timestamppb"

	openvcluster "github.com/open-vcluster/open-vcluster-api/sdks/go"
	openvclusterv1 "github.com/open-vcluster/open-vcluster-api/sdks/go/gen/openvcluster/v1"
	"github.com/open-vcluster/open-vcluster-api/sdks/go/gen/openvcluster/v1/openvclusterv1connect"
)

func sampleVCluster() *openvclusterv1.VCluster {
	created := time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)
	return &openvclusterv1.VCluster{
		Name:        "projects/demo/vclusters/dev",
		Uid:         "3f2504e0-4f89-41d3-9a0c-0305e82c3301",
		DisplayName: "Development",
		Labels:      map[string]string{"env": "dev", "team.example.com/owner": "platform"},
		Annotations: map[string]string{"note": "created by the Go SDK test"},
		Spec: &openvclusterv1.VClusterSpec{
			KubernetesVersion: proto.String("1.33"),
			ControlPlane: &openvclusterv1.ControlPlane{
				Replicas: proto.Int32(3),
				Resources: &openvclusterv1.ComputeResources{
					Requests: &openvclusterv1.ResourceList{Cpu: proto.String("200m"), Memory: proto.String("256Mi")},
					Limits:   &openvclusterv1.ResourceList{Memory: proto.String("4Gi")},
				},
			},
			Persistence:  &openvclusterv1.Persistence{Enabled: proto.Bool(true), Size: proto.String("5Gi")},
			BackingStore: &openvclusterv1.BackingStore{Store: &openvclusterv1.BackingStore_EmbeddedEtcd{EmbeddedEtcd: &openvclusterv1.EmbeddedEtcd{}}},
			Sync: &openvclusterv1.Sync{
				ToHost:   map[string]*openvclusterv1.SyncRule{"ingresses": {Mode: openvclusterv1.SyncRule_MODE_ENABLED}},
				FromHost: map[string]*openvclusterv1.SyncRule{"nodes": {Mode: openvclusterv1.SyncRule_MODE_DISABLED}},
			},
			Exposure: &openvclusterv1.Exposure{Type: openvclusterv1.Exposure_TYPE_INGRESS, IngressHost: proto.String("dev.example.com")},
		},
		Status: &openvclusterv1.VClusterStatus{
			Phase: openvclusterv1.VCluster_PHASE_RUNNING,
			Conditions: []*openvclusterv1.Condition{{
				Type:               "Ready",
				Status:             openvclusterv1.Condition_STATUS_TRUE,
				Reason:             "InstallSucceeded",
				LastTransitionTime: timestamppb.New(created.Add(time.Minute)),
				ObservedGeneration: 1,
			}},
			ReadyReplicas:      3,
			DesiredReplicas:    3,
			ApiServerEndpoint:  "https://dev.vc-dev.svc:443",
			HostNamespace:      "vc-dev",
			ObservedGeneration: 1,
		},
		CreateTime: timestamppb.New(created),
		UpdateTime: timestamppb.New(created.Add(time.Minute)),
		Etag:       "W/\"1\"",
		Generation: 1,
	}
}

func TestVersion(t *testing.T) {
	if !regexp.MustCompile(`^[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.-]+)?$`).MatchString(openvcluster.Version) {
		t.Fatalf("Version %q is not a semantic version", openvcluster.Version)
	}
}

func TestVClusterBinaryRoundTrip(t *testing.T) {
	in := sampleVCluster()
	data, err := proto.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	out := &openvclusterv1.VCluster{}
	if err := proto.Unmarshal(data, out); err != nil {
		t.Fatal(err)
	}
	if !proto.Equal(in, out) {
		t.Fatalf("binary round trip changed the message:\n in: %v\nout: %v", in, out)
	}
}

func TestVClusterJSONRoundTrip(t *testing.T) {
	in := sampleVCluster()
	data, err := protojson.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	// The JSON form uses the lowerCamelCase names and the enum value names.
	for _, want := range []string{`"displayName"`, `"PHASE_RUNNING"`, `"TYPE_INGRESS"`, `"createTime"`, `"2026-11-25T12:00:00Z"`} {
		if !regexp.MustCompile(regexp.QuoteMeta(want)).Match(data) {
			t.Errorf("JSON %s lacks %s", data, want)
		}
	}
	out := &openvclusterv1.VCluster{}
	if err := protojson.Unmarshal(data, out); err != nil {
		t.Fatal(err)
	}
	if !proto.Equal(in, out) {
		t.Fatalf("JSON round trip changed the message:\n in: %v\nout: %v", in, out)
	}
}

func TestValidateCreateVClusterRequest(t *testing.T) {
	good := &openvclusterv1.CreateVClusterRequest{
		Parent:     "projects/demo",
		VclusterId: "dev-1",
		Vcluster:   sampleVCluster(),
		RequestId:  "3f2504e0-4f89-41d3-9a0c-0305e82c3301",
	}
	if err := protovalidate.Validate(good); err != nil {
		t.Fatalf("a good request was rejected: %v", err)
	}

	bad := proto.Clone(good).(*openvclusterv1.CreateVClusterRequest)
	bad.VclusterId = "Bad_ID"
	err := protovalidate.Validate(bad)
	var verr *protovalidate.ValidationError
	if !errors.As(err, &verr) {
		t.Fatalf("want a *protovalidate.ValidationError for vcluster_id %q, got %v", bad.VclusterId, err)
	}
	if len(verr.Violations) != 1 {
		t.Fatalf("want 1 violation, got %d: %v", len(verr.Violations), verr)
	}
	v := verr.Violations[0].Proto
	if got := protovalidate.FieldPathString(v.GetField()); got != "vcluster_id" {
		t.Errorf("violation field path = %q, want vcluster_id", got)
	}
	if got := v.GetRuleId(); got != "string.pattern" {
		t.Errorf("violation rule id = %q, want string.pattern", got)
	}

	// A cross-field (CEL) rule: an ingress exposure needs a host.
	cel := proto.Clone(good).(*openvclusterv1.CreateVClusterRequest)
	cel.Vcluster.Spec.Exposure.IngressHost = nil
	if err := protovalidate.Validate(cel); !errors.As(err, &verr) || verr.Violations[0].Proto.GetRuleId() != "exposure.ingress_host" {
		t.Errorf("want the exposure.ingress_host violation, got %v", err)
	}
}

// getServer answers GetVCluster with the sample; every other RPC is unimplemented.
type getServer struct {
	openvclusterv1connect.UnimplementedVClusterServiceHandler
}

func (getServer) GetVCluster(_ context.Context, req *connect.Request[openvclusterv1.GetVClusterRequest]) (*connect.Response[openvclusterv1.VCluster], error) {
	vc := sampleVCluster()
	if req.Msg.GetName() != vc.GetName() {
		return nil, connect.NewError(connect.CodeNotFound, errors.New(req.Msg.GetName()+" not found"))
	}
	return connect.NewResponse(vc), nil
}

func TestConnectClientRoundTrip(t *testing.T) {
	mux := http.NewServeMux()
	mux.Handle(openvclusterv1connect.NewVClusterServiceHandler(getServer{}))
	srv := httptest.NewServer(mux)
	defer srv.Close()

	for _, tc := range []struct {
		name string
		opts []connect.ClientOption
	}{
		{"connect+proto", nil},
		{"connect+json", []connect.ClientOption{connect.WithProtoJSON()}},
		{"grpc-web", []connect.ClientOption{connect.WithGRPCWeb()}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			client := openvclusterv1connect.NewVClusterServiceClient(srv.Client(), srv.URL, tc.opts...)
			res, err := client.GetVCluster(context.Background(), connect.NewRequest(&openvclusterv1.GetVClusterRequest{Name: "projects/demo/vclusters/dev"}))
			if err != nil {
				t.Fatal(err)
			}
			if !proto.Equal(res.Msg, sampleVCluster()) {
				t.Fatalf("GetVCluster returned %v", res.Msg)
			}
			_, err = client.GetVCluster(context.Background(), connect.NewRequest(&openvclusterv1.GetVClusterRequest{Name: "projects/demo/vclusters/nope"}))
			if connect.CodeOf(err) != connect.CodeNotFound {
				t.Fatalf("want NotFound, got %v", err)
			}
			_, err = client.SuspendVCluster(context.Background(), connect.NewRequest(&openvclusterv1.SuspendVClusterRequest{Name: "projects/demo/vclusters/dev"}))
			if connect.CodeOf(err) != connect.CodeUnimplemented {
				t.Fatalf("want Unimplemented, got %v", err)
			}
		})
	}
}
