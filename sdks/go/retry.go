// Copyright 2026 The open-vcluster-api Authors
// SPDX-License-Identifier: Apache-2.0

package openvcluster

import (
	"context"
	"math/rand/v2"
	"time"

	"connectrpc.com/connect"
	"google.golang.org/protobuf/proto"
)

// RetryPolicy says how failed unary calls are retried: with exponential
// backoff and full jitter, on UNAVAILABLE for every call that is safe to
// repeat (reads, and mutations that carry a request_id, which the client
// fills) and on DEADLINE_EXCEEDED for reads only.
type RetryPolicy struct {
	// MaxAttempts counts the first attempt; 1 (or less) disables retries.
	MaxAttempts int
	// InitialBackoff is the longest wait before the second attempt.
	InitialBackoff time.Duration
	// MaxBackoff caps the wait between attempts.
	MaxBackoff time.Duration
	// Multiplier grows the backoff after each attempt.
	Multiplier float64
}

// DefaultRetryPolicy is used unless WithRetry or WithoutRetry say otherwise.
var DefaultRetryPolicy = RetryPolicy{MaxAttempts: 4, InitialBackoff: 100 * time.Millisecond, MaxBackoff: 5 * time.Second, Multiplier: 2}

// backoff returns the wait before attempt number attempt+1 (attempt >= 1):
// a uniformly random duration up to the exponential bound ("full jitter"),
// so clients that failed together do not retry together.
func (p RetryPolicy) backoff(attempt int) time.Duration {
	bound := float64(p.InitialBackoff)
	for range attempt - 1 {
		bound *= max(p.Multiplier, 1)
	}
	if p.MaxBackoff > 0 {
		bound = min(bound, float64(p.MaxBackoff))
	}
	if bound <= 0 {
		return 0
	}
	return time.Duration(rand.Int64N(int64(bound) + 1))
}

// sleep waits d or until ctx is done, reporting whether the wait completed.
func sleep(ctx context.Context, d time.Duration) bool {
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case <-timer.C:
		return true
	case <-ctx.Done():
		return false
	}
}

// retryable reports whether a unary call that failed with err may be sent
// again.
func retryable(ctx context.Context, spec connect.Spec, msg any, err error) bool {
	if ctx.Err() != nil {
		return false
	}
	read := spec.IdempotencyLevel == connect.IdempotencyNoSideEffects || spec.IdempotencyLevel == connect.IdempotencyIdempotent
	switch connect.CodeOf(err) {
	case connect.CodeUnavailable:
		m, ok := msg.(proto.Message)
		return read || (ok && requestIDField(m) != nil)
	case connect.CodeDeadlineExceeded:
		return read
	}
	return false
}

// retryInterceptor retries unary calls under policy. Streams are not
// retried here: the watch resumes itself from its last version.
func retryInterceptor(policy RetryPolicy) connect.UnaryInterceptorFunc {
	return func(next connect.UnaryFunc) connect.UnaryFunc {
		return func(ctx context.Context, req connect.AnyRequest) (connect.AnyResponse, error) {
			for attempt := 1; ; attempt++ {
				res, err := next(ctx, req)
				if err == nil || attempt >= policy.MaxAttempts || !retryable(ctx, req.Spec(), req.Any(), err) {
					return res, err
				}
				if !sleep(ctx, policy.backoff(attempt)) {
					return nil, err
				}
			}
		}
	}
}
