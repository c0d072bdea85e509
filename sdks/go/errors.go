// Copyright 2026 The open-vcluster-api Authors
// SPDX-License-Identifier: Apache-2.0

package openvcluster

import (
	"errors"
	"fmt"

	"buf.build/go/protovalidate"
	"connectrpc.com/connect"
	"google.golang.org/protobuf/types/known/anypb"

	"buf.build/gen/go/bufbuild/protovalidate/protocolbuffers/go/buf/validate"
	openvclusterv1 "github.com/open-vcluster/open-vcluster-api/sdks/go/gen/openvcluster/v1"
)

// A Violation is one broken protovalidate rule of a request, from the
// buf.validate.Violations detail of an INVALID_ARGUMENT error.
type Violation struct {
	// Field is the path of the field, e.g. "vcluster_id" or
	// "vcluster.spec.control_plane.replicas".
	Field string
	// Rule is the rule's id, e.g. "string.pattern".
	Rule string
	// Message says what is wrong, for people.
	Message string
}

// Violations returns the rule violations carried by err (a *connect.Error
// from the server or from WithValidation, anywhere in err's chain), or nil.
func Violations(err error) []Violation {
	var cerr *connect.Error
	if !errors.As(err, &cerr) {
		return nil
	}
	var out []Violation
	for _, detail := range cerr.Details() {
		msg, derr := detail.Value()
		violations, ok := msg.(*validate.Violations)
		if derr != nil || !ok {
			continue
		}
		for _, v := range violations.GetViolations() {
			out = append(out, Violation{Field: protovalidate.FieldPathString(v.GetField()), Rule: v.GetRuleId(), Message: v.GetMessage()})
		}
	}
	return out
}

// An OperationError is the outcome of an operation that finished with an
// error (FAILED, or CANCELLED with code CANCELLED). Use errors.As to get it
// from Wait; CodeOf reads its code.
type OperationError struct {
	// Code is the operation's error code.
	Code connect.Code
	// Message is the operation's error message.
	Message string
	// Details are the structured details, e.g. google.rpc.ErrorInfo.
	Details []*anypb.Any
	// Operation is the finished operation.
	Operation *openvclusterv1.Operation
}

func (e *OperationError) Error() string {
	return fmt.Sprintf("operation %s %s: %s: %s", e.Operation.GetName(),
		e.Operation.GetMetadata().GetState(), e.Code, e.Message)
}

// CodeOf returns the code of err: the code of a *connect.Error or an
// *OperationError in its chain, connect.CodeCanceled or
// connect.CodeDeadlineExceeded for context errors, connect.CodeUnknown for
// any other error, and 0 (OK) for nil.
func CodeOf(err error) connect.Code {
	if err == nil {
		return 0
	}
	var opErr *OperationError
	if errors.As(err, &opErr) {
		return opErr.Code
	}
	return connect.CodeOf(err)
}

// IsNotFound reports whether err is NOT_FOUND.
func IsNotFound(err error) bool { return CodeOf(err) == connect.CodeNotFound }

// IsAlreadyExists reports whether err is ALREADY_EXISTS.
func IsAlreadyExists(err error) bool { return CodeOf(err) == connect.CodeAlreadyExists }

// IsInvalidArgument reports whether err is INVALID_ARGUMENT; Violations
// says which fields.
func IsInvalidArgument(err error) bool { return CodeOf(err) == connect.CodeInvalidArgument }

// IsFailedPrecondition reports whether err is FAILED_PRECONDITION, e.g. an
// RPC not allowed in the vcluster's phase.
func IsFailedPrecondition(err error) bool { return CodeOf(err) == connect.CodeFailedPrecondition }

// IsConflict reports whether err is ABORTED: a stale etag. Get the resource
// again and retry with its current etag.
func IsConflict(err error) bool { return CodeOf(err) == connect.CodeAborted }

// IsQuotaExceeded reports whether err is RESOURCE_EXHAUSTED.
func IsQuotaExceeded(err error) bool { return CodeOf(err) == connect.CodeResourceExhausted }
