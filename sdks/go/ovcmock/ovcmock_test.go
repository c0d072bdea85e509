// Copyright 2026 The open-vcluster-api Authors
// SPDX-License-Identifier: Apache-2.0

package ovcmock_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"connectrpc.com/connect"
	"google.golang.org/protobuf/types/known/durationpb"

	openvclusterv1 "github.com/open-vcluster/open-vcluster-api/sdks/go/gen/openvcluster/v1"
	"github.com/open-vcluster/open-vcluster-api/sdks/go/gen/openvcluster/v1/openvclusterv1connect"
	"github.com/open-vcluster/open-vcluster-api/sdks/go/ovcmock"
)

// The repository's build (`make test` builds it first).
const ovcMockJS = "../../../packages/mock-server/dist/bin/ovc-mock.mjs"

// The seed file of packages/mock-server/README.md.
const seedYAML = `projects: [projects/empty]
vclusters:
  - name: projects/demo/vclusters/dev
    displayName: Development
    labels: { env: dev }
    spec: { kubernetesVersion: "1.33" }
    status: { phase: PHASE_SUSPENDED }
  - name: projects/demo/vclusters/prod
    labels: { env: prod }
snapshots:
  - name: projects/demo/snapshots/dev-nightly
    sourceVcluster: projects/demo/vclusters/dev
`

// launch is Launch with the repository's build, skipping like Start does.
func launch(t *testing.T, opts ...ovcmock.Option) (*ovcmock.Server, error) {
	t.Helper()
	if _, err := ovcmock.Command(ovcMockJS); err != nil {
		ovcmock.Start(t.Context(), t, ovcmock.WithCommand(ovcMockJS)) // skips or fails
	}
	return ovcmock.Launch(t.Context(), append([]ovcmock.Option{ovcmock.WithCommand(ovcMockJS)}, opts...)...)
}

func TestSeedFileAndReset(t *testing.T) {
	seed := filepath.Join(t.TempDir(), "seed.yaml")
	if err := os.WriteFile(seed, []byte(seedYAML), 0o600); err != nil {
		t.Fatal(err)
	}
	srv := ovcmock.Start(t.Context(), t, ovcmock.WithCommand(ovcMockJS), ovcmock.WithSeedFile(seed))
	ctx := t.Context()
	client := openvclusterv1connect.NewVClusterServiceClient(http.DefaultClient, srv.URL)

	dev, err := client.GetVCluster(ctx, connect.NewRequest(&openvclusterv1.GetVClusterRequest{Name: "projects/demo/vclusters/dev"}))
	if err != nil {
		t.Fatal(err)
	}
	if dev.Msg.GetStatus().GetPhase() != openvclusterv1.VCluster_PHASE_SUSPENDED || dev.Msg.GetDisplayName() != "Development" {
		t.Errorf("dev = %v", dev.Msg)
	}
	if _, err := client.DeleteVCluster(ctx, connect.NewRequest(&openvclusterv1.DeleteVClusterRequest{Name: "projects/demo/vclusters/prod", Force: true})); err != nil {
		t.Fatal(err)
	}
	// Reset returns to the seed.
	if err := srv.Reset(ctx); err != nil {
		t.Fatal(err)
	}
	list, err := client.ListVClusters(ctx, connect.NewRequest(&openvclusterv1.ListVClustersRequest{Parent: "projects/demo"}))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, v := range list.Msg.GetVclusters() {
		names = append(names, v.GetName())
	}
	if want := []string{"projects/demo/vclusters/dev", "projects/demo/vclusters/prod"}; !slices.Equal(names, want) {
		t.Errorf("after Reset: %v, want %v", names, want)
	}
	empty, err := client.ListVClusters(ctx, connect.NewRequest(&openvclusterv1.ListVClustersRequest{Parent: "projects/empty"}))
	if err != nil || len(empty.Msg.GetVclusters()) != 0 {
		t.Errorf("projects/empty: %v, %v", empty, err)
	}
}

func TestLatencyOption(t *testing.T) {
	srv := ovcmock.Start(t.Context(), t, ovcmock.WithCommand(ovcMockJS), ovcmock.WithLatency(300*time.Millisecond))
	ctx := t.Context()
	vclusters := openvclusterv1connect.NewVClusterServiceClient(http.DefaultClient, srv.URL)
	operations := openvclusterv1connect.NewOperationServiceClient(http.DefaultClient, srv.URL)
	op, err := vclusters.CreateVCluster(ctx, connect.NewRequest(&openvclusterv1.CreateVClusterRequest{
		Parent: "projects/demo", VclusterId: "dev", Vcluster: &openvclusterv1.VCluster{},
	}))
	if err != nil {
		t.Fatal(err)
	}
	wait := func(timeout time.Duration) bool {
		res, err := operations.WaitOperation(ctx, connect.NewRequest(&openvclusterv1.WaitOperationRequest{Name: op.Msg.GetName(), Timeout: durationpb.New(timeout)}))
		if err != nil {
			t.Fatal(err)
		}
		return res.Msg.GetDone()
	}
	if wait(50 * time.Millisecond) {
		t.Error("done within 50ms at a latency of 300ms")
	}
	if !wait(10 * time.Second) {
		t.Error("not done after 10s")
	}
}

func TestStopIsCleanAndIdempotent(t *testing.T) {
	srv, err := launch(t)
	if err != nil {
		t.Fatal(err)
	}
	if err := srv.Stop(); err != nil {
		t.Fatalf("Stop: %v", err)
	}
	if err := srv.Stop(); err != nil {
		t.Fatalf("second Stop: %v", err)
	}
	if err := srv.Reset(t.Context()); connect.CodeOf(err) != connect.CodeUnavailable {
		t.Errorf("Reset after Stop: %v, want UNAVAILABLE (nothing listening)", err)
	}
}

func TestStartUpErrorCarriesStderr(t *testing.T) {
	_, err := launch(t, ovcmock.WithSeedFile(filepath.Join(t.TempDir(), "missing.yaml")))
	if err == nil {
		t.Fatal("started with a missing seed file")
	}
	if errors.Is(err, ovcmock.ErrNotFound) {
		t.Errorf("a start-up error is not ErrNotFound: %v", err)
	}
	for _, want := range []string{"exited before listening", "exit status 2", "--seed", "missing.yaml"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not mention %q", err, want)
		}
	}
}

func TestSilentProcessTimesOut(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("uses a shell script")
	}
	silent := filepath.Join(t.TempDir(), "silent")
	if err := os.WriteFile(silent, []byte("#!/bin/sh\nexec sleep 60\n"), 0o700); err != nil {
		t.Fatal(err)
	}
	started := time.Now()
	_, err := ovcmock.Launch(t.Context(), ovcmock.WithCommand(silent), ovcmock.WithStartTimeout(500*time.Millisecond))
	if err == nil || !strings.Contains(err.Error(), `printed no "ovc-mock listening on" line within 500ms`) {
		t.Fatalf("Launch = %v", err)
	}
	if elapsed := time.Since(started); elapsed > 10*time.Second {
		t.Errorf("took %v", elapsed)
	}
}

func TestCancelledContextStopsStartUp(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("uses a shell script")
	}
	silent := filepath.Join(t.TempDir(), "silent")
	if err := os.WriteFile(silent, []byte("#!/bin/sh\nexec sleep 60\n"), 0o700); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(t.Context(), 200*time.Millisecond)
	defer cancel()
	_, err := ovcmock.Launch(ctx, ovcmock.WithCommand(silent))
	if err == nil || !strings.Contains(err.Error(), "did not start: context deadline exceeded") {
		t.Fatalf("Launch = %v", err)
	}
}

func TestNotFound(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "ovc-mock.js")
	_, err := ovcmock.Launch(t.Context(), ovcmock.WithCommand(missing))
	if !errors.Is(err, ovcmock.ErrNotFound) {
		t.Fatalf("Launch = %v, want ErrNotFound", err)
	}
	t.Setenv("OVC_MOCK", missing)
	if _, err := ovcmock.Find(); !errors.Is(err, ovcmock.ErrNotFound) || !strings.Contains(err.Error(), missing) {
		t.Errorf("Find = %v, want ErrNotFound naming %s", err, missing)
	}
}

// recorder is a testing.TB that records Skipf and Fatalf instead of acting on them.
type recorder struct {
	testing.TB
	skipped, fatal string
}

func (r *recorder) Skipf(format string, args ...any)  { r.skipped = fmt.Sprintf(format, args...) }
func (r *recorder) Fatalf(format string, args ...any) { r.fatal = fmt.Sprintf(format, args...) }

func TestStartSkipsLocallyAndFailsOnCI(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "ovc-mock.js")

	t.Setenv("CI", "")
	r := &recorder{TB: t}
	if srv := ovcmock.Start(t.Context(), r, ovcmock.WithCommand(missing)); srv != nil || r.fatal != "" || !strings.Contains(r.skipped, "does not exist") {
		t.Errorf("without CI: server %v, skipped %q, fatal %q", srv, r.skipped, r.fatal)
	}

	t.Setenv("CI", "true")
	r = &recorder{TB: t}
	if srv := ovcmock.Start(t.Context(), r, ovcmock.WithCommand(missing)); srv != nil || r.skipped != "" || !strings.Contains(r.fatal, "CI is set") {
		t.Errorf("with CI: server %v, skipped %q, fatal %q", srv, r.skipped, r.fatal)
	}
}

// fake writes a shell script that prints the listening line and then runs body.
func fake(t *testing.T, body string) string {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("uses a shell script")
	}
	path := filepath.Join(t.TempDir(), "fake-ovc-mock")
	script := "#!/bin/sh\n" + body + "\n"
	if err := os.WriteFile(path, []byte(script), 0o700); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestStopAcceptsDeathBySIGTERM(t *testing.T) {
	// No SIGTERM handler: the signal itself ends the process, as it does when
	// it reaches ovc-mock right after its listening line.
	path := fake(t, "echo 'ovc-mock listening on http://127.0.0.1:9'\nexec sleep 60")
	srv, err := ovcmock.Launch(t.Context(), ovcmock.WithCommand(path))
	if err != nil {
		t.Fatal(err)
	}
	if srv.URL != "http://127.0.0.1:9" {
		t.Errorf("URL = %q", srv.URL)
	}
	if err := srv.Stop(); err != nil {
		t.Errorf("Stop: %v", err)
	}
}

func TestStopKillsAProcessIgnoringSIGTERM(t *testing.T) {
	path := fake(t, "trap '' TERM\necho 'ovc-mock listening on http://127.0.0.1:9'\nexec sleep 60")
	srv, err := ovcmock.Launch(t.Context(), ovcmock.WithCommand(path), ovcmock.WithStopTimeout(300*time.Millisecond))
	if err != nil {
		t.Fatal(err)
	}
	started := time.Now()
	if err := srv.Stop(); err == nil || !strings.Contains(err.Error(), "did not stop within 300ms of SIGTERM: killed") {
		t.Errorf("Stop = %v", err)
	}
	if elapsed := time.Since(started); elapsed > 5*time.Second {
		t.Errorf("Stop took %v", elapsed)
	}
}

func TestExitBeforeStopIsReported(t *testing.T) {
	path := fake(t, "echo 'ovc-mock listening on http://127.0.0.1:9'\nexit 3")
	srv, err := ovcmock.Launch(t.Context(), ovcmock.WithCommand(path))
	if err != nil {
		t.Fatal(err)
	}
	for deadline := time.Now().Add(5 * time.Second); srv.Running() && time.Now().Before(deadline); {
		time.Sleep(20 * time.Millisecond)
	}
	if err := srv.Stop(); err == nil || !strings.Contains(err.Error(), "exited before Stop (exit status 3)") {
		t.Errorf("Stop = %v", err)
	}
}

func TestUnexpectedFirstLine(t *testing.T) {
	path := fake(t, "echo 'hello'\nexec sleep 60")
	_, err := ovcmock.Launch(t.Context(), ovcmock.WithCommand(path))
	if err == nil || !strings.Contains(err.Error(), `printed "hello" instead of "ovc-mock listening on "<url>`) {
		t.Fatalf("Launch = %v", err)
	}
}

func TestFind(t *testing.T) {
	// Resolved, as os.Getwd is (macOS's temporary directory is a symlink).
	dir, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", filepath.Join(dir, "empty")) // no ovc-mock, no node
	t.Setenv("OVC_MOCK", "")
	t.Setenv("OVC_NODE", "")
	nested := filepath.Join(dir, "project", "internal")
	if err := os.MkdirAll(nested, 0o755); err != nil {
		t.Fatal(err)
	}
	t.Chdir(nested)
	if _, err := ovcmock.Find(); !errors.Is(err, ovcmock.ErrNotFound) {
		t.Fatalf("Find in an empty tree = %v", err)
	}

	// node_modules/.bin/ovc-mock in a parent of the working directory.
	bin := filepath.Join(dir, "project", "node_modules", ".bin")
	if err := os.MkdirAll(bin, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(bin, "ovc-mock"), []byte("#!/bin/sh\n"), 0o700); err != nil {
		t.Fatal(err)
	}
	if got, err := ovcmock.Find(); err != nil || !slices.Equal(got, []string{filepath.Join(bin, "ovc-mock")}) {
		t.Errorf("Find = %v, %v", got, err)
	}

	// OVC_MOCK wins; a script needs node, from OVC_NODE here.
	script := filepath.Join(dir, "ovc-mock.js")
	if err := os.WriteFile(script, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	t.Setenv("OVC_MOCK", script)
	if _, err := ovcmock.Find(); !errors.Is(err, ovcmock.ErrNotFound) || !strings.Contains(err.Error(), "node is not on PATH") {
		t.Errorf("Find without node = %v", err)
	}
	t.Setenv("OVC_NODE", "/opt/node/bin/node")
	if got, err := ovcmock.Find(); err != nil || !slices.Equal(got, []string{"/opt/node/bin/node", script}) {
		t.Errorf("Find = %v, %v", got, err)
	}
}

// TestNpmBinLinkWithoutNodeOnPath is the layout of an npm install:
// node_modules/.bin/ovc-mock is a symlink to a "#!/usr/bin/env node" script.
// With node off PATH it must name the problem (it used to die with exit
// status 127), and with OVC_NODE it must run.
func TestNpmBinLinkWithoutNodeOnPath(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		ovcmock.Start(t.Context(), t, ovcmock.WithCommand(ovcMockJS)) // skips or fails
	}
	script, err := filepath.Abs(ovcMockJS)
	if err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(t.TempDir(), "node_modules", ".bin")
	if err := os.MkdirAll(bin, 0o755); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(bin, "ovc-mock")
	if err := os.Symlink(script, link); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", filepath.Join(t.TempDir(), "empty"))
	t.Setenv("OVC_MOCK", link)
	t.Setenv("OVC_NODE", "")
	if _, err := ovcmock.Find(); !errors.Is(err, ovcmock.ErrNotFound) || !strings.Contains(err.Error(), "node is not on PATH (set OVC_NODE)") {
		t.Fatalf("Find without node = %v, want ErrNotFound naming OVC_NODE", err)
	}

	t.Setenv("OVC_NODE", node)
	ctx, cancel := context.WithTimeout(t.Context(), 30*time.Second)
	defer cancel()
	srv, err := ovcmock.Launch(ctx)
	if err != nil {
		t.Fatalf("Launch with OVC_NODE: %v", err)
	}
	defer func() {
		if err := srv.Stop(); err != nil {
			t.Errorf("Stop: %v", err)
		}
	}()
	if err := srv.Reset(ctx); err != nil {
		t.Errorf("Reset: %v", err)
	}
}

// Another server announcing itself, e.g. ovc-server: a line of its own with
// more after the URL, and arguments of its own.
func TestListeningPrefixAndArgs(t *testing.T) {
	path := fake(t, `echo "args: $*" >&2`+"\n"+`echo "other listening on http://127.0.0.1:9 (driver: simulated)"`+"\nexec sleep 60")
	srv, err := ovcmock.Launch(t.Context(), ovcmock.WithCommand(path), ovcmock.WithListeningPrefix("other listening on "), ovcmock.WithArgs("--latency", "1"))
	if err != nil {
		t.Fatal(err)
	}
	defer func() {
		if err := srv.Stop(); err != nil {
			t.Errorf("Stop: %v", err)
		}
	}()
	if srv.URL != "http://127.0.0.1:9" {
		t.Errorf("URL = %q", srv.URL)
	}
	// stderr and stdout are separate pipes: poll for the arguments line.
	for deadline := time.Now().Add(5 * time.Second); !strings.Contains(srv.Stderr(), "\n") && time.Now().Before(deadline); {
		time.Sleep(10 * time.Millisecond)
	}
	if got := srv.Stderr(); !strings.HasSuffix(strings.TrimSpace(got), "--port 0 --latency 1") {
		t.Errorf("arguments = %q, want the options' then WithArgs'", got)
	}
	_, err = ovcmock.Launch(t.Context(), ovcmock.WithCommand(path))
	if err == nil || !strings.Contains(err.Error(), `instead of "ovc-mock listening on "<url>`) || !strings.Contains(err.Error(), "--port 0") {
		t.Errorf("Launch with the default prefix = %v", err)
	}
}
