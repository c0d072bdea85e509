// Copyright 2026 The open-vcluster-api Authors
// SPDX-License-Identifier: Apache-2.0

package openvcluster

import (
	"crypto/rand"
	"fmt"

	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/reflect/protoreflect"
)

// requestIDField returns the string field request_id of m (the AIP-155
// idempotency key of every mutation that has one), or nil.
func requestIDField(m proto.Message) protoreflect.FieldDescriptor {
	fd := m.ProtoReflect().Descriptor().Fields().ByName("request_id")
	if fd == nil || fd.Kind() != protoreflect.StringKind || fd.IsList() {
		return nil
	}
	return fd
}

// NewRequestID returns a fresh request id, a random (version 4) UUID. The
// client fills empty request ids itself; set one yourself to make a
// mutation idempotent across processes (e.g. a job that may be re-run).
func NewRequestID() string {
	var b [16]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails (Go 1.24+).
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}

// withRequestID returns req with an empty request_id filled with a fresh
// UUID (a copy: the caller's message is not modified), or req itself. It
// runs once per call, before the retry interceptor, so every attempt of a
// mutation carries the same key and the server answers a retry with the
// original operation instead of doing the work twice.
func withRequestID(req proto.Message) proto.Message {
	fd := requestIDField(req)
	if fd == nil || req.ProtoReflect().Has(fd) {
		return req
	}
	filled := proto.Clone(req)
	filled.ProtoReflect().Set(fd, protoreflect.ValueOfString(NewRequestID()))
	return filled
}
