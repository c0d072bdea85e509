// Copyright 2026 The open-vcluster-api Authors
// SPDX-License-Identifier: Apache-2.0

package openvcluster

import (
	"context"
	"errors"
	"fmt"

	"buf.build/go/protovalidate"
	"connectrpc.com/connect"
	"google.golang.org/protobuf/proto"
)

// requestChecker returns the check of WithValidation: each request
// against its protovalidate rules (the ones the server enforces). A
// violation fails like the server would: INVALID_ARGUMENT with a
// buf.validate.Violations detail, so Violations and CodeOf work the same on
// local and remote failures.
func requestChecker(validator protovalidate.Validator) func(any) error {
	return func(msg any) error {
		m, ok := msg.(proto.Message)
		if !ok {
			return nil
		}
		err := validator.Validate(m)
		var invalid *protovalidate.ValidationError
		if errors.As(err, &invalid) {
			cerr := connect.NewError(connect.CodeInvalidArgument, fmt.Errorf("invalid request (checked locally): %w", err))
			if detail, derr := connect.NewErrorDetail(invalid.ToProto()); derr == nil {
				cerr.AddDetail(detail)
			}
			return cerr
		}
		return err
	}
}

// validationInterceptor runs check on each unary request before it is
// sent. The watch runs the same check itself before opening its stream: a
// streaming interceptor could only fail the stream after connect-go has
// started sending it.
func validationInterceptor(check func(any) error) connect.UnaryInterceptorFunc {
	return func(next connect.UnaryFunc) connect.UnaryFunc {
		return func(ctx context.Context, req connect.AnyRequest) (connect.AnyResponse, error) {
			if err := check(req.Any()); err != nil {
				return nil, err
			}
			return next(ctx, req)
		}
	}
}
