// Copyright 2026 The open-vcluster-api Authors
// SPDX-License-Identifier: Apache-2.0

package openvcluster

import (
	"net/http"
	"runtime"

	"connectrpc.com/connect"
)

// userAgent is the User-Agent the client sends: this SDK and its version.
var userAgent = "open-vcluster-go/" + Version + " (" + runtime.Version() + ")"

// headerClient sets the User-Agent and Authorization headers on every HTTP
// request. It sits at the HTTP level, not in an interceptor, so streams and
// every retry attempt carry them too and connect-go's own User-Agent is
// replaced rather than appended to.
type headerClient struct {
	next   connect.HTTPClient
	apiKey string
}

func (h headerClient) Do(req *http.Request) (*http.Response, error) {
	req.Header.Set("User-Agent", userAgent)
	if h.apiKey != "" {
		req.Header.Set("Authorization", "Bearer "+h.apiKey)
	}
	return h.next.Do(req)
}
