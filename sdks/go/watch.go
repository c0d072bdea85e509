// Copyright 2026 The open-vcluster-api Authors
// SPDX-License-Identifier: Apache-2.0

package openvcluster

import (
	"context"
	"errors"
	"fmt"
	"iter"

	"connectrpc.com/connect"
	"google.golang.org/protobuf/proto"

	openvclusterv1 "github.com/open-vcluster/open-vcluster-api/sdks/go/gen/openvcluster/v1"
)

// ErrWatchExpired is yielded (wrapped, with the server's error) when a
// watch cannot resume because its version is older than the server keeps
// (OUT_OF_RANGE): list again and watch from the version List returned.
var ErrWatchExpired = errors.New("watch expired: list again and watch from the version the list returns")

// WatchVClusters streams the changes of a project's vclusters (see the RPC
// for the events). When the stream breaks (a disconnect, a restart, a slow
// reader cut off), it reopens it from the version of the last event seen,
// with the retry policy's backoff, so the loop sees every change exactly
// once. It ends without error when ctx is done or the loop stops; it yields
// ErrWatchExpired when resuming is no longer possible, and any other error
// (e.g. NOT_FOUND, INVALID_ARGUMENT) as it is, last.
func (c *Client) WatchVClusters(ctx context.Context, req *openvclusterv1.WatchVClustersRequest) iter.Seq2[*openvclusterv1.WatchVClustersResponse, error] {
	return func(yield func(*openvclusterv1.WatchVClustersResponse, error) bool) {
		if c.check != nil {
			if err := c.check(req); err != nil {
				yield(nil, err)
				return
			}
		}
		req := proto.CloneOf(req)
		failures := 0
		for {
			stream, err := c.vclusters.WatchVClusters(ctx, connect.NewRequest(req))
			if err == nil {
				for stream.Receive() {
					event := stream.Msg()
					failures = 0
					// Versions of the initial state are not resumable points
					// until SYNCED has completed it: before that a reopened
					// watch starts over (and repeats the ADDED events).
					synced := req.GetResumeVersion() != "" || event.GetType() == openvclusterv1.WatchVClustersResponse_EVENT_TYPE_SYNCED
					if synced && event.GetVersion() != "" {
						req.ResumeVersion = event.GetVersion()
					}
					if !yield(event, nil) {
						_ = stream.Close()
						return
					}
				}
				err = stream.Err()
				_ = stream.Close()
			}
			if ctx.Err() != nil {
				return
			}
			if err != nil && !resumable(err) {
				if connect.CodeOf(err) == connect.CodeOutOfRange {
					err = fmt.Errorf("%w: %w", ErrWatchExpired, err)
				}
				yield(nil, err)
				return
			}
			// A stream that ended cleanly was closed by the server (a
			// restart, a proxy's idle limit): reopen it like a broken one.
			// Reconnects follow the retry policy: WithoutRetry ends the
			// watch at the first break.
			failures++
			if failures >= c.retry.MaxAttempts {
				if err == nil {
					err = errors.New("the server closed the stream")
				}
				yield(nil, fmt.Errorf("watch: gave up after %d attempts: %w", failures, err))
				return
			}
			if !sleep(ctx, c.retry.backoff(failures)) {
				return
			}
		}
	}
}

// resumable reports whether a watch that ended with err should be reopened:
// transport failures, and RESOURCE_EXHAUSTED (the server cut off a slow
// reader, which may resume from its last version).
func resumable(err error) bool {
	switch connect.CodeOf(err) {
	case connect.CodeUnavailable, connect.CodeUnknown, connect.CodeInternal, connect.CodeCanceled,
		connect.CodeDeadlineExceeded, connect.CodeResourceExhausted, connect.CodeAborted:
		return true
	}
	return false
}
