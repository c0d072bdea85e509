// Copyright 2026 The open-vcluster-api Authors
// SPDX-License-Identifier: Apache-2.0

package openvcluster

import (
	"testing"
	"time"
)

func TestBackoffIsJitteredUnderAnExponentialCap(t *testing.T) {
	p := RetryPolicy{MaxAttempts: 10, InitialBackoff: 100 * time.Millisecond, MaxBackoff: time.Second, Multiplier: 2}
	for attempt, bound := range map[int]time.Duration{1: 100 * time.Millisecond, 2: 200 * time.Millisecond, 3: 400 * time.Millisecond, 5: time.Second, 9: time.Second} {
		seen := map[time.Duration]bool{}
		for range 200 {
			d := p.backoff(attempt)
			if d < 0 || d > bound {
				t.Fatalf("backoff(%d) = %v, want within [0, %v]", attempt, d, bound)
			}
			seen[d] = true
		}
		// Jitter: 200 draws from a range of nanoseconds are not all equal.
		if len(seen) < 100 {
			t.Errorf("backoff(%d): only %d distinct waits in 200", attempt, len(seen))
		}
	}
}
