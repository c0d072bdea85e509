// Copyright 2026 The open-vcluster-api Authors
// SPDX-License-Identifier: Apache-2.0

package openvcluster_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"go.yaml.in/yaml/v3"
	"google.golang.org/protobuf/proto"

	openvcluster "github.com/open-vcluster/open-vcluster-api/sdks/go"
	openvclusterv1 "github.com/open-vcluster/open-vcluster-api/sdks/go/gen/openvcluster/v1"
	"github.com/open-vcluster/open-vcluster-api/sdks/go/ovcmock"
)

// The shared scenarios (conformance/README.md): every file is run through
// the Client against ovc-mock and against ovc-server.
const scenarioDir = "../../conformance/scenarios"

// scenarioTimeout bounds one scenario, watches and waits included.
const scenarioTimeout = 60 * time.Second

type scenario struct {
	Name        string `yaml:"name"`
	Description string `yaml:"description"`
	Steps       []step `yaml:"steps"`
}

// A step has exactly one of Call, Wait, List and Watch. Unknown keys fail
// the parse (yaml KnownFields), so a step this runner does not know cannot
// pass silently.
type step struct {
	Call    string            `yaml:"call"`
	Wait    string            `yaml:"wait"`
	List    string            `yaml:"list"`
	Watch   string            `yaml:"watch"`
	Request map[string]any    `yaml:"request"`
	Events  int               `yaml:"events"`
	Save    map[string]string `yaml:"save"`
	Expect  *expectation      `yaml:"expect"`
}

type expectation struct {
	Response   any    `yaml:"response"`
	Items      any    `yaml:"items"`
	Events     any    `yaml:"events"`
	Code       string `yaml:"code"`
	Message    string `yaml:"message"`
	Violations []struct {
		Field string `yaml:"field"`
		Rule  string `yaml:"rule"`
	} `yaml:"violations"`
	Absent []string `yaml:"absent"`
}

func loadScenario(path string) (*scenario, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	dec := yaml.NewDecoder(bytes.NewReader(raw))
	dec.KnownFields(true)
	var s scenario
	if err := dec.Decode(&s); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if want := strings.TrimSuffix(filepath.Base(path), ".yaml"); s.Name != want {
		return nil, fmt.Errorf("%s: name %q, want the file name %q", path, s.Name, want)
	}
	if len(s.Steps) == 0 {
		return nil, fmt.Errorf("%s: no steps", path)
	}
	for i, st := range s.Steps {
		kinds := 0
		for _, k := range []string{st.Call, st.Wait, st.List, st.Watch} {
			if k != "" {
				kinds++
			}
		}
		if kinds != 1 {
			return nil, fmt.Errorf("%s: step %d has %d of call, wait, list, watch; want exactly one", path, i+1, kinds)
		}
	}
	return &s, nil
}

func TestConformance(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(scenarioDir, "*.yaml"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no scenarios in %s (%v)", scenarioDir, err)
	}
	scenarios := make([]*scenario, len(files))
	for i, file := range files {
		if scenarios[i], err = loadScenario(file); err != nil {
			t.Fatal(err)
		}
	}
	for _, target := range []struct{ name, url string }{
		{"ovc-mock", mock.URL},
		{"ovc-server", startServer(t)},
	} {
		t.Run(target.name, func(t *testing.T) {
			client, err := openvcluster.NewClient(t.Context(), openvcluster.WithEndpoint(target.url), openvcluster.WithRetry(fastRetry))
			if err != nil {
				t.Fatal(err)
			}
			ran := 0
			for _, s := range scenarios {
				t.Run(s.Name, func(t *testing.T) {
					ran++
					runScenario(t, client, s)
				})
			}
			// A -run pattern naming scenarios runs only those; otherwise
			// every scenario must have run (none skipped or lost).
			if pattern := flag.Lookup("test.run").Value.String(); !strings.Contains(pattern, "/") && ran != len(scenarios) {
				t.Errorf("%d of %d scenarios ran", ran, len(scenarios))
			}
		})
	}
}

func runScenario(t *testing.T, client *openvcluster.Client, s *scenario) {
	ctx, cancel := context.WithTimeout(t.Context(), scenarioTimeout)
	defer cancel()
	id := "conf-" + openvcluster.NewRequestID()[:8]
	if _, err := client.CreateProject(ctx, &openvclusterv1.CreateProjectRequest{ProjectId: id}); err != nil {
		t.Fatalf("CreateProject %s: %v", id, err)
	}
	r := &run{client: client, calls: calls(client), lists: lists(client), vars: map[string]string{"project": "projects/" + id}}
	for i, st := range s.Steps {
		if err := r.step(ctx, st); err != nil {
			t.Fatalf("step %d (%s): %v", i+1, describe(st), err)
		}
	}
}

func describe(st step) string {
	switch {
	case st.Call != "":
		return "call " + st.Call
	case st.Wait != "":
		return "wait " + st.Wait
	case st.List != "":
		return "list " + st.List
	}
	return "watch " + st.Watch
}

// run is one scenario's state: the Client's RPCs and the variables.
type run struct {
	client *openvcluster.Client
	calls  map[string]callFunc
	lists  map[string]listFunc
	vars   map[string]string
}

func (r *run) step(ctx context.Context, st step) error {
	want := st.Expect
	if want == nil {
		want = &expectation{}
	}
	substituted, err := substitute(map[string]any{"response": want.Response, "items": want.Items, "events": want.Events, "message": want.Message}, r.vars)
	if err != nil {
		return err
	}
	expected := substituted.(map[string]any)
	value, callErr := r.perform(ctx, st)
	if errors.Is(callErr, errRunner) {
		return callErr
	}
	if err := checkOutcome(callErr, want, expected["message"].(string)); err != nil || callErr != nil {
		return err
	}
	for _, key := range []string{"response", "items", "events"} {
		if expected[key] == nil {
			continue
		}
		target := value
		if st.Wait != "" {
			// A wait's result is the Operation, whose `response` field
			// expect.response names (the README's "response: { vcluster:
			// ... }"); save and absent paths start at the Operation.
			target, _ = lookup(value, "response")
		}
		if err := subset(expected[key], target, key); err != nil {
			return err
		}
	}
	for _, path := range want.Absent {
		if v, ok := lookup(value, path); ok {
			return fmt.Errorf("%s is set (%v), want it absent", path, v)
		}
	}
	for name, path := range st.Save {
		v, ok := lookup(value, path)
		if !ok {
			return fmt.Errorf("save %s: %s is not set in %v", name, path, value)
		}
		r.vars[name] = fmt.Sprint(v)
	}
	return nil
}

// errRunner marks a failure of the scenario itself (an unknown RPC, a bad
// request), as opposed to the call's outcome that expect matches.
var errRunner = errors.New("scenario error")

// perform runs the step and returns its result as JSON: the response, the
// Operation waited for, the list of items or of events.
func (r *run) perform(ctx context.Context, st step) (any, error) {
	request, err := substitute(map[string]any(st.Request), r.vars)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", errRunner, err)
	}
	if request == nil {
		request = map[string]any{}
	}
	raw, err := json.Marshal(request)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", errRunner, err)
	}
	switch {
	case st.Call != "":
		call, ok := r.calls[st.Call]
		if !ok {
			return nil, fmt.Errorf("%w: unknown RPC %q", errRunner, st.Call)
		}
		res, err := call(ctx, raw)
		if err != nil {
			return nil, err
		}
		return jsonValue(res)
	case st.Wait != "":
		name, err := substitute(st.Wait, r.vars)
		if err != nil {
			return nil, fmt.Errorf("%w: %v", errRunner, err)
		}
		op, err := r.client.WaitOperation(ctx, name.(string))
		if err != nil {
			return nil, err
		}
		return jsonValue(op)
	case st.List != "":
		list, ok := r.lists[st.List]
		if !ok {
			return nil, fmt.Errorf("%w: unknown pager %q", errRunner, st.List)
		}
		items, err := list(ctx, raw)
		if err != nil {
			return nil, err
		}
		return jsonList(items)
	default:
		if st.Watch != "VClusterService.WatchVClusters" || st.Events <= 0 {
			return nil, fmt.Errorf("%w: watch %q with %d events", errRunner, st.Watch, st.Events)
		}
		req, err := decode[openvclusterv1.WatchVClustersRequest](raw)
		if err != nil {
			return nil, fmt.Errorf("%w: %v", errRunner, err)
		}
		var events []proto.Message
		for event, err := range r.client.WatchVClusters(ctx, req) {
			if err != nil {
				return nil, err
			}
			if events = append(events, event); len(events) == st.Events {
				break
			}
		}
		if len(events) < st.Events {
			return nil, fmt.Errorf("watch ended after %d events (%v), want %d", len(events), ctx.Err(), st.Events)
		}
		return jsonList(events)
	}
}

func jsonList(messages []proto.Message) (any, error) {
	out := []any{}
	for _, m := range messages {
		v, err := jsonValue(m)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, nil
}

// checkOutcome matches the step's error (or its absence) against code,
// message and violations.
func checkOutcome(err error, want *expectation, message string) error {
	code := want.Code
	if code == "" {
		code = "OK"
	}
	if err == nil {
		if code != "OK" {
			return fmt.Errorf("succeeded, want %s", code)
		}
		return nil
	}
	if code == "OK" {
		return fmt.Errorf("failed: %w", err)
	}
	if got := strings.ToUpper(openvcluster.CodeOf(err).String()); got != code {
		return fmt.Errorf("code %s (%v), want %s", got, err, code)
	}
	if !strings.Contains(err.Error(), message) {
		return fmt.Errorf("message %q does not contain %q", err.Error(), message)
	}
	violations := openvcluster.Violations(err)
	for _, v := range want.Violations {
		if !slices.ContainsFunc(violations, func(got openvcluster.Violation) bool {
			return got.Field == v.Field && (v.Rule == "" || got.Rule == v.Rule)
		}) {
			return fmt.Errorf("no violation %+v among %+v", v, violations)
		}
	}
	return nil
}

// The repository's ovc-server build, run with its default simulated driver.
const ovcServerJS = "../../packages/server/dist/esm/bin/ovc-server.js"

// startServer runs ovc-server for t (through ovcmock, which runs any
// server that announces its URL) and returns its URL. A missing build
// fails the test: scenarios are never skipped.
func startServer(t *testing.T) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), 30*time.Second)
	defer cancel()
	srv, err := ovcmock.Launch(ctx, ovcmock.WithCommand(ovcServerJS), ovcmock.WithListeningPrefix("ovc-server listening on "),
		// 1 ms per transition instead of the simulated driver's default:
		// the scenarios test semantics, not timing.
		ovcmock.WithArgs("--latency", "1"))
	if err != nil {
		t.Fatalf("ovc-server (build it: pnpm turbo run build --filter=@open-vcluster/server...): %v", err)
	}
	t.Cleanup(func() {
		if err := srv.Stop(); err != nil {
			t.Errorf("ovc-server: %v", err)
		}
	})
	return srv.URL
}
