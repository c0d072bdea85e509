// Copyright 2026 The open-vcluster-api Authors
// SPDX-License-Identifier: Apache-2.0

package openvcluster_test

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"connectrpc.com/connect"

	openvcluster "github.com/open-vcluster/open-vcluster-api/sdks/go"
	openvclusterv1 "github.com/open-vcluster/open-vcluster-api/sdks/go/gen/openvcluster/v1"
)

// cutter is an HTTP client whose watch streams can be broken from the
// test, like a dropped connection: after cut, reading the open stream's
// body fails.
type cutter struct {
	cuts atomic.Int32
}

func (c *cutter) cut() { c.cuts.Add(1) }

func (c *cutter) Do(req *http.Request) (*http.Response, error) {
	res, err := http.DefaultClient.Do(req)
	if err == nil && strings.HasSuffix(req.URL.Path, "/WatchVClusters") {
		res.Body = &cuttableBody{ReadCloser: res.Body, cutter: c, at: c.cuts.Load()}
	}
	return res, err
}

type cuttableBody struct {
	io.ReadCloser
	cutter *cutter
	at     int32
}

func (b *cuttableBody) Read(p []byte) (int, error) {
	if b.cutter.cuts.Load() != b.at {
		return 0, io.ErrUnexpectedEOF
	}
	return b.ReadCloser.Read(p)
}

// watchTimeout bounds each watch test: the loop must end by itself.
const watchTimeout = 30 * time.Second

func TestWatchResumesFromTheLastVersionAfterADisconnect(t *testing.T) {
	cut := &cutter{}
	client := newClient(t, openvcluster.WithHTTPClient(cut))
	if _, err := client.CreateVClusterAndWait(t.Context(), createRequest("a")); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(t.Context(), watchTimeout)
	defer cancel()
	var syncedVersion string
	var seen []string
	for event, err := range client.WatchVClusters(ctx, &openvclusterv1.WatchVClustersRequest{Parent: project}) {
		if err != nil {
			t.Fatalf("watch: %v", err)
		}
		seen = append(seen, event.GetType().String()+" "+event.GetVcluster().GetName())
		if event.GetType() == openvclusterv1.WatchVClustersResponse_EVENT_TYPE_SYNCED {
			syncedVersion = event.GetVersion()
			cut.cut()
			if _, err := client.CreateVCluster(ctx, createRequest("b")); err != nil {
				t.Fatal(err)
			}
		}
		if event.GetType() == openvclusterv1.WatchVClustersResponse_EVENT_TYPE_ADDED && event.GetVcluster().GetName() == vclusterName("b") {
			break
		}
	}
	want := []string{"EVENT_TYPE_ADDED " + vclusterName("a"), "EVENT_TYPE_SYNCED ", "EVENT_TYPE_ADDED " + vclusterName("b")}
	if strings.Join(seen, "|") != strings.Join(want, "|") {
		t.Errorf("events = %q, want %q (each once)", seen, want)
	}
	watches := recorded(t, "VClusterService/WatchVClusters")
	if len(watches) != 2 {
		t.Fatalf("%d watch requests, want 2", len(watches))
	}
	var resumed struct {
		ResumeVersion string `json:"resumeVersion"`
	}
	if err := json.Unmarshal([]byte(watches[1].GetRequestJson()), &resumed); err != nil || resumed.ResumeVersion != syncedVersion || syncedVersion == "" {
		t.Errorf("second watch request %s, want resumeVersion %q", watches[1].GetRequestJson(), syncedVersion)
	}
}

func TestWatchSignalsExpiredVersions(t *testing.T) {
	client := newClient(t)
	injectFault(t, "VClusterService/WatchVClusters", connect.CodeOutOfRange, 1)
	ctx, cancel := context.WithTimeout(t.Context(), watchTimeout)
	defer cancel()
	var last error
	for _, err := range client.WatchVClusters(ctx, &openvclusterv1.WatchVClustersRequest{Parent: project, ResumeVersion: "1"}) {
		last = err
	}
	if !errors.Is(last, openvcluster.ErrWatchExpired) || openvcluster.CodeOf(last) != connect.CodeOutOfRange {
		t.Errorf("watch ended with %v, want ErrWatchExpired wrapping OUT_OF_RANGE", last)
	}
}

func TestWatchEndsCleanlyOnCancel(t *testing.T) {
	client := newClient(t)
	ctx, cancel := context.WithTimeout(t.Context(), watchTimeout)
	defer cancel()
	watchCtx, stop := context.WithCancel(ctx)
	defer stop()
	events := 0
	for event, err := range client.WatchVClusters(watchCtx, &openvclusterv1.WatchVClustersRequest{Parent: project}) {
		if err != nil {
			t.Fatalf("watch yielded %v after cancel, want a clean end", err)
		}
		events++
		if event.GetType() == openvclusterv1.WatchVClustersResponse_EVENT_TYPE_SYNCED {
			stop()
		}
	}
	if ctx.Err() != nil || events != 1 {
		t.Errorf("watch ended after %d events (ctx %v), want right after SYNCED", events, ctx.Err())
	}
}

func TestWatchWithoutRetryEndsAtTheFirstBreak(t *testing.T) {
	client := newClient(t, openvcluster.WithoutRetry())
	injectFault(t, "VClusterService/WatchVClusters", connect.CodeUnavailable, 1)
	ctx, cancel := context.WithTimeout(t.Context(), watchTimeout)
	defer cancel()
	var last error
	for _, err := range client.WatchVClusters(ctx, &openvclusterv1.WatchVClustersRequest{Parent: project}) {
		last = err
	}
	if openvcluster.CodeOf(last) != connect.CodeUnavailable {
		t.Errorf("watch ended with %v, want UNAVAILABLE", last)
	}
}
