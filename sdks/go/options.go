// Copyright 2026 The open-vcluster-api Authors
// SPDX-License-Identifier: Apache-2.0

package openvcluster

import (
	"net/http"
	"os"
	"time"

	"connectrpc.com/connect"
)

// DefaultEndpoint is the server used when neither WithEndpoint nor
// OVC_ENDPOINT says otherwise: a local ovc-server or ovc-mock.
const DefaultEndpoint = "http://127.0.0.1:8080"

// DefaultTimeout bounds each unary call whose context has no deadline, so a
// silent server cannot hang a caller forever. Watches are not bounded.
const DefaultTimeout = 30 * time.Second

// An Option configures NewClient.
type Option func(*config)

type config struct {
	endpoint     string
	apiKey       string
	httpClient   connect.HTTPClient
	interceptors []connect.Interceptor
	connectOpts  []connect.ClientOption
	retry        RetryPolicy
	timeout      time.Duration
	validate     bool
}

// newConfig applies opts over the defaults, which come from the environment
// (OVC_ENDPOINT, OVC_API_KEY, the same variables the CLI reads).
func newConfig(opts []Option) config {
	cfg := config{
		endpoint:   os.Getenv("OVC_ENDPOINT"),
		apiKey:     os.Getenv("OVC_API_KEY"),
		httpClient: http.DefaultClient,
		retry:      DefaultRetryPolicy,
		timeout:    DefaultTimeout,
	}
	if cfg.endpoint == "" {
		cfg.endpoint = DefaultEndpoint
	}
	for _, opt := range opts {
		opt(&cfg)
	}
	return cfg
}

// WithEndpoint sets the server's base URL, e.g. https://ovc.example.com.
// Default: OVC_ENDPOINT, else DefaultEndpoint.
func WithEndpoint(url string) Option {
	return func(c *config) { c.endpoint = url }
}

// WithAPIKey sets the API key sent as "Authorization: Bearer <key>".
// Default: OVC_API_KEY; none when both are empty.
func WithAPIKey(key string) Option {
	return func(c *config) { c.apiKey = key }
}

// WithHTTPClient sets the HTTP client (proxies, TLS, an h2c transport, an
// httptest server's client). Default http.DefaultClient.
func WithHTTPClient(client connect.HTTPClient) Option {
	return func(c *config) { c.httpClient = client }
}

// WithInterceptors adds Connect interceptors. They run inside the SDK's
// validation, request-id and retry interceptors, so they see every attempt.
func WithInterceptors(interceptors ...connect.Interceptor) Option {
	return func(c *config) { c.interceptors = append(c.interceptors, interceptors...) }
}

// WithConnectOptions passes options to the generated Connect clients, e.g.
// connect.WithGRPC() or connect.WithProtoJSON().
func WithConnectOptions(opts ...connect.ClientOption) Option {
	return func(c *config) { c.connectOpts = append(c.connectOpts, opts...) }
}

// WithRetry sets how calls failing with UNAVAILABLE (and DEADLINE_EXCEEDED
// for reads) are retried. Default DefaultRetryPolicy.
func WithRetry(policy RetryPolicy) Option {
	return func(c *config) { c.retry = policy }
}

// WithoutRetry turns retries off: every call is attempted once.
func WithoutRetry() Option {
	return func(c *config) { c.retry = RetryPolicy{MaxAttempts: 1} }
}

// WithTimeout sets the deadline of unary calls whose context has none.
// Default DefaultTimeout; 0 means no deadline.
func WithTimeout(d time.Duration) Option {
	return func(c *config) { c.timeout = d }
}

// WithValidation checks every request against the API's protovalidate rules
// before sending it; a violation fails with INVALID_ARGUMENT and the same
// Violations detail the server would send, without a network round trip.
func WithValidation() Option {
	return func(c *config) { c.validate = true }
}
