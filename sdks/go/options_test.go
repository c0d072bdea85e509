// Copyright 2026 The open-vcluster-api Authors
// SPDX-License-Identifier: Apache-2.0

package openvcluster_test

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"connectrpc.com/connect"
	"google.golang.org/protobuf/types/known/durationpb"

	openvcluster "github.com/open-vcluster/open-vcluster-api/sdks/go"
	mockv1 "github.com/open-vcluster/open-vcluster-api/sdks/go/gen/openvcluster/mock/v1"
	openvclusterv1 "github.com/open-vcluster/open-vcluster-api/sdks/go/gen/openvcluster/v1"
)

// list makes one call whose headers the mock records.
func list(t *testing.T, client *openvcluster.Client) {
	t.Helper()
	if _, err := client.ListVClustersPage(t.Context(), &openvclusterv1.ListVClustersRequest{Parent: project}); err != nil {
		t.Fatalf("ListVClustersPage: %v", err)
	}
}

func TestEnvironmentConfiguresTheClient(t *testing.T) {
	if err := mock.Reset(t.Context()); err != nil {
		t.Fatal(err)
	}
	t.Setenv("OVC_ENDPOINT", mock.URL)
	t.Setenv("OVC_API_KEY", "from-env")
	client, err := openvcluster.NewClient(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if client.Endpoint() != mock.URL {
		t.Errorf("Endpoint = %q, want %q", client.Endpoint(), mock.URL)
	}
	list(t, client)
	// Options win over the environment.
	client, err = openvcluster.NewClient(t.Context(), openvcluster.WithAPIKey("from-option"))
	if err != nil {
		t.Fatal(err)
	}
	list(t, client)

	requests := recorded(t, "VClusterService/ListVClusters")
	if len(requests) != 2 {
		t.Fatalf("%d requests recorded, want 2", len(requests))
	}
	for i, want := range []string{"Bearer from-env", "Bearer from-option"} {
		headers := requests[i].GetHeaders()
		if headers["authorization"] != want {
			t.Errorf("request %d: authorization %q, want %q", i, headers["authorization"], want)
		}
		if ua := headers["user-agent"]; !strings.HasPrefix(ua, "open-vcluster-go/"+openvcluster.Version+" ") || strings.Contains(ua, "connect-go") {
			t.Errorf("request %d: user-agent %q", i, ua)
		}
	}
}

func TestNoAPIKeyNoAuthorization(t *testing.T) {
	client := newClient(t, openvcluster.WithAPIKey(""))
	list(t, client)
	if got := recorded(t, "VClusterService/ListVClusters")[0].GetHeaders()["authorization"]; got != "" {
		t.Errorf("authorization %q without a key", got)
	}
}

func TestEndpointMustBeAnAbsoluteURL(t *testing.T) {
	for _, endpoint := range []string{"localhost:8080", "", "/v1"} {
		if _, err := openvcluster.NewClient(t.Context(), openvcluster.WithEndpoint(endpoint)); err == nil || !strings.Contains(err.Error(), "absolute URL") {
			t.Errorf("NewClient(%q) = %v, want an error", endpoint, err)
		}
	}
}

func TestDefaultDeadline(t *testing.T) {
	client := newClient(t, openvcluster.WithTimeout(200*time.Millisecond))
	_, err := mock.Control.InjectFault(t.Context(), connect.NewRequest(&mockv1.InjectFaultRequest{Fault: &mockv1.Fault{
		Method: "openvcluster.v1.VClusterService/ListVClusters", Latency: durationpb.New(5 * time.Second), Times: 1,
	}}))
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	_, err = client.ListVClustersPage(t.Context(), &openvclusterv1.ListVClustersRequest{Parent: project})
	if openvcluster.CodeOf(err) != connect.CodeDeadlineExceeded || time.Since(start) > 3*time.Second {
		t.Errorf("ListVClustersPage = %v after %v, want DEADLINE_EXCEEDED after 200ms", err, time.Since(start))
	}
}

func TestInterceptorsSeeEveryAttempt(t *testing.T) {
	var procedures []string
	spy := connect.UnaryInterceptorFunc(func(next connect.UnaryFunc) connect.UnaryFunc {
		return func(ctx context.Context, req connect.AnyRequest) (connect.AnyResponse, error) {
			procedures = append(procedures, req.Spec().Procedure)
			return next(ctx, req)
		}
	})
	client := newClient(t, openvcluster.WithInterceptors(spy))
	injectFault(t, "VClusterService/ListVClusters", connect.CodeUnavailable, 1)
	list(t, client)
	if len(procedures) != 2 || procedures[0] != "/openvcluster.v1.VClusterService/ListVClusters" {
		t.Errorf("interceptor saw %q, want two ListVClusters attempts", procedures)
	}
}

func TestOwnTransportAndProtocol(t *testing.T) {
	h2c := &http.Client{Transport: &http.Transport{Protocols: unencryptedHTTP2()}}
	client := newClient(t, openvcluster.WithHTTPClient(h2c), openvcluster.WithConnectOptions(connect.WithGRPC()))
	list(t, client)
	if got := recorded(t, "VClusterService/ListVClusters")[0].GetHeaders()["content-type"]; !strings.HasPrefix(got, "application/grpc") {
		t.Errorf("content-type %q, want gRPC", got)
	}
}
