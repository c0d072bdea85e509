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

// validationInterceptor checks each request against its protovalidate
// rules (the ones the server enforces) before it is sent. A violation fails
// the call like the server would: INVALID_ARGUMENT with a
// buf.validate.Violations detail, so Violations and CodeOf work the same on
// local and remote failures.
func validationInterceptor(validator protovalidate.Validator) connect.Interceptor {
	check := func(msg any) error {
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
	return &validating{check: check}
}

type validating struct{ check func(any) error }

func (v *validating) WrapUnary(next connect.UnaryFunc) connect.UnaryFunc {
	return func(ctx context.Context, req connect.AnyRequest) (connect.AnyResponse, error) {
		if err := v.check(req.Any()); err != nil {
			return nil, err
		}
		return next(ctx, req)
	}
}

func (v *validating) WrapStreamingClient(next connect.StreamingClientFunc) connect.StreamingClientFunc {
	return func(ctx context.Context, spec connect.Spec) connect.StreamingClientConn {
		return &validatingConn{StreamingClientConn: next(ctx, spec), check: v.check}
	}
}

func (v *validating) WrapStreamingHandler(next connect.StreamingHandlerFunc) connect.StreamingHandlerFunc {
	return next
}

// validatingConn checks each message a client stream sends (the request of
// WatchVClusters).
type validatingConn struct {
	connect.StreamingClientConn
	check func(any) error
}

func (c *validatingConn) Send(msg any) error {
	if err := c.check(msg); err != nil {
		return err
	}
	return c.StreamingClientConn.Send(msg)
}
