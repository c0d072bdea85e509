// Copyright 2026 The open-vcluster-api Authors
// SPDX-License-Identifier: Apache-2.0

package openvcluster_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The runner itself: what it must refuse, so a scenario cannot pass by
// not being understood.
func TestConformanceRunnerRefusesWhatItDoesNotKnow(t *testing.T) {
	for name, body := range map[string]string{
		"unknown-step":  "name: unknown-step\nsteps:\n  - sleep: 1\n",
		"unknown-key":   "name: unknown-key\nsteps:\n  - call: VClusterService.GetVCluster\n    expect: { status: 1 }\n",
		"two-kinds":     "name: two-kinds\nsteps:\n  - call: VClusterService.GetVCluster\n    wait: x\n",
		"no-steps":      "name: no-steps\nsteps: []\n",
		"wrong-name":    "name: other\nsteps:\n  - wait: x\n",
		"not-yaml-list": "name: not-yaml-list\nsteps: {}\n",
	} {
		path := filepath.Join(t.TempDir(), name+".yaml")
		if err := os.WriteFile(path, []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
		if _, err := loadScenario(path); err == nil {
			t.Errorf("%s: loaded, want an error", name)
		}
	}
}

func TestConformanceVariablesAndMatching(t *testing.T) {
	if _, err := substitute(map[string]any{"a": []any{"${nope}"}}, map[string]string{}); err == nil || !strings.Contains(err.Error(), "nope") {
		t.Errorf("unset variable: %v", err)
	}
	got, err := substitute("${project}/x/${uuid}", map[string]string{"project": "projects/p"})
	if err != nil || !strings.HasPrefix(got.(string), "projects/p/x/") || !uuidPattern.MatchString(strings.TrimPrefix(got.(string), "projects/p/x/")) {
		t.Errorf("substitute = %v, %v", got, err)
	}
	actual := map[string]any{"name": "n", "size": "5", "list": []any{map[string]any{"a": 1.0}}}
	for _, tc := range []struct {
		want any
		ok   bool
	}{
		{map[string]any{"name": "n"}, true},
		{map[string]any{"size": 5}, true}, // int64s are JSON strings
		{map[string]any{"list": []any{map[string]any{"a": 1}}}, true},
		{map[string]any{"missing": ""}, true}, // a default value is omitted
		{map[string]any{"list": []any{}}, false},
		{map[string]any{"name": "m"}, false},
		{map[string]any{"missing": "x"}, false},
	} {
		if err := subset(tc.want, actual, "response"); (err == nil) != tc.ok {
			t.Errorf("subset(%v) = %v, want ok=%v", tc.want, err, tc.ok)
		}
	}
}
