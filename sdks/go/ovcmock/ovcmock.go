// Copyright 2026 The open-vcluster-api Authors
// SPDX-License-Identifier: Apache-2.0

// Package ovcmock runs ovc-mock, the open-vcluster-api mock server, from Go
// tests.
//
// ovc-mock is a Node.js program (npm package @open-vcluster/mock-server)
// serving the real API with an instant in-memory driver, plus a control API,
// openvcluster.mock.v1.MockControlService (reset, seed, faults, driver
// failures, latency, clock, recorded requests). Start runs it for one test:
//
//	func TestSomething(t *testing.T) {
//		srv := ovcmock.Start(t.Context(), t)
//		client := openvclusterv1connect.NewVClusterServiceClient(http.DefaultClient, srv.URL)
//		srv.Control.InjectFault(ctx, connect.NewRequest(&mockv1.InjectFaultRequest{...}))
//		...
//	}
//
// The process stops when the test and its subtests end (t.Cleanup). Share
// one server between subtests and call Reset in each; for one server per
// package, call Launch in TestMain and Stop when m.Run returns.
//
// Without WithCommand, ovc-mock is found by Find: the OVC_MOCK environment
// variable, ovc-mock on PATH, or node_modules/.bin/ovc-mock in the working
// directory or a parent. A script (or the .bin link to one) runs with node
// from the OVC_NODE environment variable, else from PATH.
package ovcmock

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"connectrpc.com/connect"

	mockv1 "github.com/open-vcluster/open-vcluster-api/sdks/go/gen/openvcluster/mock/v1"
	"github.com/open-vcluster/open-vcluster-api/sdks/go/gen/openvcluster/mock/v1/mockv1connect"
)

// ListeningPrefix starts the one line ovc-mock prints on stdout once it
// accepts connections; its base URL follows.
const ListeningPrefix = "ovc-mock listening on "

// ErrNotFound is returned (wrapped) when ovc-mock, or the node needed to run
// its script, cannot be found.
var ErrNotFound = errors.New("ovc-mock not found")

// Server is a running ovc-mock process.
type Server struct {
	// URL is the base URL of every service, e.g. http://127.0.0.1:41234.
	URL string
	// Control is a MockControlService client for this server.
	Control mockv1connect.MockControlServiceClient

	cmd      *exec.Cmd
	argv     []string
	stderr   *tail
	exited   chan struct{}
	waitErr  error
	stopOnce sync.Once
	stopErr  error
	stopWait time.Duration
}

// An Option configures Start and Launch.
type Option func(*config)

type config struct {
	command      []string
	host         string
	port         int
	latency      time.Duration
	seedFile     string
	startTimeout time.Duration
	stopTimeout  time.Duration
	env          []string
	httpClient   connect.HTTPClient
	prefix       string
	args         []string
}

// WithCommand runs ovc-mock from path, its executable or its ovc-mock.js
// script (run with node), instead of the one Find finds. A relative path is
// relative to the working directory (a test's package directory).
func WithCommand(path string) Option {
	return func(c *config) { c.command = []string{path} }
}

// WithHost sets --host, the interface to listen on. Default 127.0.0.1.
func WithHost(host string) Option {
	return func(c *config) { c.host = host }
}

// WithPort sets --port. Default 0: a free port (see Server.URL).
func WithPort(port int) Option {
	return func(c *config) { c.port = port }
}

// WithLatency sets --latency, how long each driver transition takes (Reset
// returns to it). Default 0: instant.
func WithLatency(d time.Duration) Option {
	return func(c *config) { c.latency = d }
}

// WithSeedFile sets --seed, a JSON or YAML openvcluster.mock.v1.SeedFile to
// start with (and to return to on Reset).
func WithSeedFile(path string) Option {
	return func(c *config) { c.seedFile = path }
}

// WithStartTimeout bounds the wait for the listening line. Default 30s.
func WithStartTimeout(d time.Duration) Option {
	return func(c *config) { c.startTimeout = d }
}

// WithStopTimeout bounds the wait after SIGTERM before the process is
// killed. Default 10s.
func WithStopTimeout(d time.Duration) Option {
	return func(c *config) { c.stopTimeout = d }
}

// WithEnv adds environment variables ("KEY=value") to the process's.
func WithEnv(kv ...string) Option {
	return func(c *config) { c.env = append(c.env, kv...) }
}

// WithHTTPClient sets the HTTP client of Server.Control. Default
// http.DefaultClient.
func WithHTTPClient(client connect.HTTPClient) Option {
	return func(c *config) { c.httpClient = client }
}

// WithListeningPrefix sets the start of the line that announces the URL.
// Default ListeningPrefix. With "ovc-server listening on " and
// WithCommand, Start runs ovc-server (whose line ends with the driver) the
// same way, e.g. to hold a test to both servers; Control and Reset then
// have no server to talk to.
func WithListeningPrefix(prefix string) Option {
	return func(c *config) { c.prefix = prefix }
}

// WithArgs adds command-line arguments after the ones the options set.
func WithArgs(args ...string) Option {
	return func(c *config) { c.args = append(c.args, args...) }
}

// Start runs ovc-mock for the test t and returns once it accepts
// connections; ctx bounds only the start-up. The process is stopped by
// t.Cleanup, and the test fails if it had exited by then or did not stop
// cleanly. When ovc-mock or node cannot be found the test is skipped, or
// fails when the CI environment variable is set; any other start-up error
// fails it.
func Start(ctx context.Context, t testing.TB, opts ...Option) *Server {
	t.Helper()
	s, err := Launch(ctx, opts...)
	if err != nil {
		switch {
		case !errors.Is(err, ErrNotFound):
			t.Fatalf("ovcmock: %v", err)
		case os.Getenv("CI") != "":
			t.Fatalf("ovcmock: %v (CI is set: failing instead of skipping)", err)
		default:
			t.Skipf("ovcmock: %v", err)
		}
		return nil
	}
	t.Cleanup(func() {
		if err := s.Stop(); err != nil {
			t.Errorf("ovcmock: %v", err)
		}
		if t.Failed() {
			if text := s.Stderr(); text != "" {
				t.Logf("ovc-mock stderr:\n%s", text)
			}
		}
	})
	return s
}

// Launch starts ovc-mock and returns once it accepts connections; ctx bounds
// only the start-up. The caller must call Stop. Start is the version for a
// single test.
func Launch(ctx context.Context, opts ...Option) (*Server, error) {
	cfg := config{host: "127.0.0.1", startTimeout: 30 * time.Second, stopTimeout: 10 * time.Second, httpClient: http.DefaultClient, prefix: ListeningPrefix}
	for _, opt := range opts {
		opt(&cfg)
	}
	var argv []string
	var err error
	if cfg.command != nil {
		argv, err = Command(cfg.command[0])
	} else {
		argv, err = Find()
	}
	if err != nil {
		return nil, err
	}
	argv = append(argv, "--host", cfg.host, "--port", strconv.Itoa(cfg.port))
	if cfg.latency > 0 {
		argv = append(argv, "--latency", strconv.FormatFloat(float64(cfg.latency)/float64(time.Millisecond), 'f', -1, 64))
	}
	if cfg.seedFile != "" {
		argv = append(argv, "--seed", cfg.seedFile)
	}
	argv = append(argv, cfg.args...)

	lines := make(chan string, 1)
	s := &Server{
		argv:     argv,
		stderr:   &tail{max: 16 << 10},
		exited:   make(chan struct{}),
		stopWait: cfg.stopTimeout,
	}
	s.cmd = exec.Command(argv[0], argv[1:]...)
	s.cmd.Stdout = &firstLine{ch: lines}
	s.cmd.Stderr = s.stderr
	s.cmd.Env = append(withNodeOnPath(os.Environ()), cfg.env...)
	// Do not hang on output pipes held open by anything the process started.
	s.cmd.WaitDelay = 2 * time.Second
	if err := s.cmd.Start(); err != nil {
		return nil, fmt.Errorf("%w: cannot run %s: %v", ErrNotFound, argv[0], err)
	}
	go func() {
		s.waitErr = s.cmd.Wait()
		close(s.exited)
	}()

	fail := func(reason string) error {
		s.kill()
		<-s.exited
		text := strings.TrimSpace(s.Stderr())
		if text == "" {
			text = "(empty)"
		}
		return fmt.Errorf("ovc-mock (%s) %s (%s); stderr:\n%s", strings.Join(argv, " "), reason, exitStatus(s.waitErr), text)
	}
	timer := time.NewTimer(cfg.startTimeout)
	defer timer.Stop()
	select {
	case line := <-lines:
		// The URL is the first word after the prefix: ovc-server adds
		// " (driver: NAME)".
		rest, ok := strings.CutPrefix(strings.TrimRight(line, "\r\n"), cfg.prefix)
		fields := strings.Fields(rest)
		if !ok || len(fields) == 0 {
			return nil, fail(fmt.Sprintf("printed %q instead of %q<url>", line, cfg.prefix))
		}
		s.URL = fields[0]
	case <-s.exited:
		return nil, fail("exited before listening")
	case <-timer.C:
		return nil, fail(fmt.Sprintf("printed no %q line within %v", strings.TrimSpace(cfg.prefix), cfg.startTimeout))
	case <-ctx.Done():
		return nil, fail(fmt.Sprintf("did not start: %v", context.Cause(ctx)))
	}
	s.Control = mockv1connect.NewMockControlServiceClient(cfg.httpClient, s.URL)
	return s, nil
}

// Reset calls MockControlService.Reset: forgets every resource, operation,
// fault, step failure and recorded request, restores the start-up latency
// and seed, and unfreezes the clock.
func (s *Server) Reset(ctx context.Context) error {
	_, err := s.Control.Reset(ctx, connect.NewRequest(&mockv1.ResetRequest{}))
	return err
}

// Running reports whether the process is still alive.
func (s *Server) Running() bool {
	select {
	case <-s.exited:
		return false
	default:
		return true
	}
}

// Stderr returns the end of what ovc-mock wrote to stderr.
func (s *Server) Stderr() string {
	return s.stderr.String()
}

// Stop stops ovc-mock: SIGTERM, then a kill after the stop timeout. It
// returns an error if the process had already exited, did not stop in time
// or exited with a non-zero status (being killed by the SIGTERM is fine).
// Later calls return the same result.
func (s *Server) Stop() error {
	s.stopOnce.Do(func() {
		select {
		case <-s.exited:
			s.stopErr = fmt.Errorf("ovc-mock exited before Stop (%s)", exitStatus(s.waitErr))
			return
		default:
		}
		if err := s.cmd.Process.Signal(syscall.SIGTERM); err != nil {
			// Windows has no SIGTERM.
			s.kill()
		}
		timer := time.NewTimer(s.stopWait)
		defer timer.Stop()
		select {
		case <-s.exited:
			// Killed by the SIGTERM itself is a stop too: it lands before
			// ovc-mock's handler is installed when sent right after the
			// listening line.
			if s.waitErr != nil && !terminated(s.waitErr) {
				s.stopErr = fmt.Errorf("ovc-mock stopped badly (%s)", exitStatus(s.waitErr))
			}
		case <-timer.C:
			s.kill()
			<-s.exited
			s.stopErr = fmt.Errorf("ovc-mock did not stop within %v of SIGTERM: killed", s.stopWait)
		}
	})
	return s.stopErr
}

// Find returns the command that runs ovc-mock: the OVC_MOCK environment
// variable (an executable or a script), else ovc-mock on PATH, else
// node_modules/.bin/ovc-mock in the working directory or one of its
// parents. See Command for scripts.
func Find() ([]string, error) {
	if path := os.Getenv("OVC_MOCK"); path != "" {
		return Command(path)
	}
	if path, err := exec.LookPath("ovc-mock"); err == nil {
		return Command(path)
	}
	if dir, err := os.Getwd(); err == nil {
		for {
			for _, name := range []string{"ovc-mock", "ovc-mock.cmd"} {
				candidate := filepath.Join(dir, "node_modules", ".bin", name)
				if info, err := os.Stat(candidate); err == nil && !info.IsDir() {
					return Command(candidate)
				}
			}
			parent := filepath.Dir(dir)
			if parent == dir {
				break
			}
			dir = parent
		}
	}
	return nil, fmt.Errorf("%w: set OVC_MOCK to its executable or ovc-mock.js, put it on PATH, or install @open-vcluster/mock-server into node_modules", ErrNotFound)
}

// Command returns the command that runs the ovc-mock at path: node and the
// script for a .js, .mjs or .cjs script or a file starting with a node
// shebang (after following symlinks, so the node_modules/.bin/ovc-mock link
// an npm install creates counts), else the path itself. node is the
// OVC_NODE environment variable, else node from PATH: without either, the
// error says so instead of the process dying with exit status 127 when
// "#!/usr/bin/env node" finds no node.
func Command(path string) ([]string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrNotFound, err)
	}
	if info, err := os.Stat(abs); err != nil || info.IsDir() {
		return nil, fmt.Errorf("%w: %s does not exist", ErrNotFound, abs)
	}
	script, err := filepath.EvalSymlinks(abs)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrNotFound, err)
	}
	if !nodeScript(script) {
		return []string{abs}, nil
	}
	node := os.Getenv("OVC_NODE")
	if node == "" {
		if node, err = exec.LookPath("node"); err != nil {
			return nil, fmt.Errorf("%w: node is not on PATH (set OVC_NODE); it is needed to run %s", ErrNotFound, abs)
		}
	}
	return []string{node, script}, nil
}

// nodeScript reports whether the file at path is run by node: a script
// extension, or a first line like "#!/usr/bin/env node".
func nodeScript(path string) bool {
	switch filepath.Ext(path) {
	case ".js", ".mjs", ".cjs":
		return true
	}
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, 256)
	n, _ := f.Read(head)
	line, _, _ := bytes.Cut(head[:n], []byte("\n"))
	if !bytes.HasPrefix(line, []byte("#!")) {
		return false
	}
	fields := strings.Fields(string(line[2:]))
	return len(fields) > 0 && (filepath.Base(fields[len(fields)-1]) == "node" || filepath.Base(fields[0]) == "node")
}

// withNodeOnPath puts OVC_NODE's directory first on the PATH of env, for
// executables that find node themselves (pnpm's shell shims in
// node_modules/.bin run "node" from PATH).
func withNodeOnPath(env []string) []string {
	node := os.Getenv("OVC_NODE")
	if node == "" {
		return env
	}
	return append(env, "PATH="+filepath.Dir(node)+string(os.PathListSeparator)+os.Getenv("PATH"))
}

func (s *Server) kill() {
	// An error means the process is gone already.
	_ = s.cmd.Process.Kill()
}

// terminated reports whether err is the exit of a process killed by SIGTERM.
func terminated(err error) bool {
	var exit *exec.ExitError
	if !errors.As(err, &exit) {
		return false
	}
	status, ok := exit.Sys().(syscall.WaitStatus)
	return ok && status.Signaled() && status.Signal() == syscall.SIGTERM
}

func exitStatus(err error) string {
	var exit *exec.ExitError
	switch {
	case err == nil:
		return "exit status 0"
	case errors.As(err, &exit):
		return exit.ProcessState.String()
	default:
		return err.Error()
	}
}

// firstLine hands the first line of the output to ch and discards the rest.
type firstLine struct {
	ch   chan<- string
	buf  []byte
	done bool
}

func (w *firstLine) Write(p []byte) (int, error) {
	if w.done {
		return len(p), nil
	}
	w.buf = append(w.buf, p...)
	if i := bytes.IndexByte(w.buf, '\n'); i >= 0 || len(w.buf) > 64<<10 {
		if i < 0 {
			i = len(w.buf)
		}
		w.ch <- string(w.buf[:i])
		w.buf, w.done = nil, true
	}
	return len(p), nil
}

// tail keeps the last max bytes written to it.
type tail struct {
	mu  sync.Mutex
	max int
	buf []byte
}

func (w *tail) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.buf = append(w.buf, p...)
	if extra := len(w.buf) - w.max; extra > 0 {
		w.buf = append(w.buf[:0], w.buf[extra:]...)
	}
	return len(p), nil
}

func (w *tail) String() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return string(w.buf)
}
