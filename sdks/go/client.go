// Copyright 2026 The open-vcluster-api Authors
// SPDX-License-Identifier: Apache-2.0

package openvcluster

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"time"

	"buf.build/go/protovalidate"
	"connectrpc.com/connect"
	"google.golang.org/protobuf/proto"

	"github.com/open-vcluster/open-vcluster-api/sdks/go/gen/openvcluster/v1/openvclusterv1connect"
)

// Client is the high-level client of every open-vcluster-api service. Its
// methods take plain request messages, fill request ids, retry, wait for
// operations, page and resume watches. It is safe for concurrent use.
type Client struct {
	endpoint     string
	vclusters    openvclusterv1connect.VClusterServiceClient
	snapshots    openvclusterv1connect.SnapshotServiceClient
	operations   openvclusterv1connect.OperationServiceClient
	projects     openvclusterv1connect.ProjectServiceClient
	hostClusters openvclusterv1connect.HostClusterServiceClient
	retry        RetryPolicy
	// check validates a request before it is sent (WithValidation); nil
	// when validation is off.
	check func(any) error
}

// NewClient returns a client configured by opts over the environment
// (OVC_ENDPOINT, OVC_API_KEY). It does not connect: ctx only bounds the
// set-up (building the validator with WithValidation).
func NewClient(ctx context.Context, opts ...Option) (*Client, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	cfg := newConfig(opts)
	if u, err := url.Parse(cfg.endpoint); err != nil || u.Scheme == "" || u.Host == "" {
		return nil, fmt.Errorf("openvcluster: endpoint %q is not an absolute URL (e.g. http://127.0.0.1:8080)", cfg.endpoint)
	}
	// Outermost first: one deadline for the whole call with its retries;
	// validation before anything is sent; then the attempts, each seen by
	// the caller's interceptors.
	interceptors := []connect.Interceptor{timeoutInterceptor(cfg.timeout)}
	var check func(any) error
	if cfg.validate {
		validator, err := protovalidate.New()
		if err != nil {
			return nil, fmt.Errorf("openvcluster: validator: %w", err)
		}
		check = requestChecker(validator)
		interceptors = append(interceptors, validationInterceptor(check))
	}
	if cfg.retry.MaxAttempts > 1 {
		interceptors = append(interceptors, retryInterceptor(cfg.retry))
	}
	interceptors = append(interceptors, cfg.interceptors...)

	httpClient := headerClient{next: cfg.httpClient, apiKey: cfg.apiKey}
	connectOpts := append([]connect.ClientOption{connect.WithInterceptors(interceptors...)}, cfg.connectOpts...)
	return &Client{
		endpoint:     cfg.endpoint,
		vclusters:    openvclusterv1connect.NewVClusterServiceClient(httpClient, cfg.endpoint, connectOpts...),
		snapshots:    openvclusterv1connect.NewSnapshotServiceClient(httpClient, cfg.endpoint, connectOpts...),
		operations:   openvclusterv1connect.NewOperationServiceClient(httpClient, cfg.endpoint, connectOpts...),
		projects:     openvclusterv1connect.NewProjectServiceClient(httpClient, cfg.endpoint, connectOpts...),
		hostClusters: openvclusterv1connect.NewHostClusterServiceClient(httpClient, cfg.endpoint, connectOpts...),
		retry:        cfg.retry,
		check:        check,
	}, nil
}

// Endpoint returns the base URL the client talks to.
func (c *Client) Endpoint() string { return c.endpoint }

// unary calls one generated unary method with a plain request, filling an
// empty request_id first (see withRequestID), and unwraps the response.
func unary[Req, Res any](ctx context.Context, fn func(context.Context, *connect.Request[Req]) (*connect.Response[Res], error), req *Req) (*Res, error) {
	if m, ok := any(req).(proto.Message); ok {
		req = any(withRequestID(m)).(*Req)
	}
	res, err := fn(ctx, connect.NewRequest(req))
	if err != nil {
		return nil, err
	}
	return res.Msg, nil
}

// timeoutInterceptor gives unary calls without a deadline one of d, so a
// silent server cannot hang the caller. Streams are left alone: a watch is
// meant to stay open.
func timeoutInterceptor(d time.Duration) connect.UnaryInterceptorFunc {
	return func(next connect.UnaryFunc) connect.UnaryFunc {
		return func(ctx context.Context, req connect.AnyRequest) (connect.AnyResponse, error) {
			if _, ok := ctx.Deadline(); !ok && d > 0 {
				var cancel context.CancelFunc
				ctx, cancel = context.WithTimeout(ctx, d)
				defer cancel()
			}
			res, err := next(ctx, req)
			if err != nil && deadlineReached(ctx, err) {
				return nil, connect.NewError(connect.CodeDeadlineExceeded, err)
			}
			return res, err
		}
	}
}

// deadlineSkew is how early a server may enforce the deadline the client
// sent it (Connect-Timeout-Ms is rounded down to a millisecond and starts
// on the server's clock).
const deadlineSkew = 50 * time.Millisecond

// deadlineReached reports whether a call that failed with err really ran
// out of time: the server enforces the deadline the client sends along and
// may answer CANCELED (ovc-mock does) just before the client's own timer
// fires. The caller's deadline is what ended the call either way, so the
// caller sees DEADLINE_EXCEEDED, never a CANCELED it did not ask for.
func deadlineReached(ctx context.Context, err error) bool {
	code := connect.CodeOf(err)
	if code == connect.CodeDeadlineExceeded || errors.Is(ctx.Err(), context.Canceled) {
		return false
	}
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return true
	}
	deadline, ok := ctx.Deadline()
	return ok && code == connect.CodeCanceled && time.Until(deadline) < deadlineSkew
}
