// Copyright 2026 The open-vcluster-api Authors
// SPDX-License-Identifier: Apache-2.0

package openvcluster_test

import (
	"encoding/json"
	"fmt"
	"reflect"
	"regexp"
	"strconv"
	"strings"

	"google.golang.org/protobuf/encoding/protojson"
	"google.golang.org/protobuf/proto"

	openvcluster "github.com/open-vcluster/open-vcluster-api/sdks/go"
)

// jsonValue is m in the proto JSON mapping, decoded into maps, slices,
// strings, float64s and bools: the form scenarios match and save from.
func jsonValue(m proto.Message) (any, error) {
	raw, err := protojson.Marshal(m)
	if err != nil {
		return nil, err
	}
	var v any
	return v, json.Unmarshal(raw, &v)
}

// subset reports how got differs from want (nil when it matches): every
// key of a want map must match in got, lists match element by element with
// the same length, scalars match by their text (YAML 2 is JSON 2, and
// 64-bit integers are JSON strings). A key got lacks matches a want that is
// a default value, since the JSON mapping omits defaults.
func subset(want, got any, path string) error {
	switch w := want.(type) {
	case map[string]any:
		if got == nil && len(w) == 0 {
			return nil
		}
		g, ok := got.(map[string]any)
		if !ok {
			return fmt.Errorf("%s: got %v, want an object", path, got)
		}
		for key, value := range w {
			child, present := g[key]
			if !present && isDefault(value) {
				continue
			}
			if !present {
				return fmt.Errorf("%s.%s: missing (want %v)", path, key, value)
			}
			if err := subset(value, child, path+"."+key); err != nil {
				return err
			}
		}
		return nil
	case []any:
		g, ok := got.([]any)
		if !ok && !(got == nil && len(w) == 0) {
			return fmt.Errorf("%s: got %v, want a list", path, got)
		}
		if len(g) != len(w) {
			return fmt.Errorf("%s: got %d elements %v, want %d", path, len(g), got, len(w))
		}
		for i := range w {
			if err := subset(w[i], g[i], fmt.Sprintf("%s.%d", path, i)); err != nil {
				return err
			}
		}
		return nil
	default:
		if got == nil && isDefault(want) {
			return nil
		}
		if fmt.Sprint(want) != fmt.Sprint(got) {
			return fmt.Errorf("%s: got %v, want %v", path, got, want)
		}
		return nil
	}
}

func isDefault(v any) bool {
	switch x := v.(type) {
	case nil:
		return true
	case map[string]any:
		return len(x) == 0
	case []any:
		return len(x) == 0
	}
	return reflect.ValueOf(v).IsZero()
}

// lookup follows a dotted path ("response.vcluster.etag", "0.name")
// through v.
func lookup(v any, path string) (any, bool) {
	for _, part := range strings.Split(path, ".") {
		switch x := v.(type) {
		case map[string]any:
			child, ok := x[part]
			if !ok {
				return nil, false
			}
			v = child
		case []any:
			i, err := strconv.Atoi(part)
			if err != nil || i < 0 || i >= len(x) {
				return nil, false
			}
			v = x[i]
		default:
			return nil, false
		}
	}
	return v, true
}

var variable = regexp.MustCompile(`\$\{([A-Za-z_][A-Za-z0-9_]*)\}`)

// substitute replaces ${name} in every string of v with vars[name], and
// ${uuid} with a fresh UUID at each appearance. An unset variable is an
// error, never an empty string.
func substitute(v any, vars map[string]string) (any, error) {
	switch x := v.(type) {
	case string:
		var missing []string
		out := variable.ReplaceAllStringFunc(x, func(ref string) string {
			name := variable.FindStringSubmatch(ref)[1]
			if name == "uuid" {
				return openvcluster.NewRequestID()
			}
			value, ok := vars[name]
			if !ok {
				missing = append(missing, name)
			}
			return value
		})
		if missing != nil {
			return nil, fmt.Errorf("variable %s is not set (in %q)", strings.Join(missing, ", "), x)
		}
		return out, nil
	case map[string]any:
		out := make(map[string]any, len(x))
		for key, value := range x {
			s, err := substitute(value, vars)
			if err != nil {
				return nil, err
			}
			out[key] = s
		}
		return out, nil
	case []any:
		out := make([]any, len(x))
		for i, value := range x {
			s, err := substitute(value, vars)
			if err != nil {
				return nil, err
			}
			out[i] = s
		}
		return out, nil
	}
	return v, nil
}
