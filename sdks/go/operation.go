// Copyright 2026 The open-vcluster-api Authors
// SPDX-License-Identifier: Apache-2.0

package openvcluster

import (
	"context"
	"time"

	"connectrpc.com/connect"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/types/known/durationpb"
	"google.golang.org/protobuf/types/known/emptypb"

	openvclusterv1 "github.com/open-vcluster/open-vcluster-api/sdks/go/gen/openvcluster/v1"
)

// An Operation is a long-running operation started by a mutation; T is
// the message its response holds when it succeeds (*openvclusterv1.VCluster,
// *openvclusterv1.Snapshot or *emptypb.Empty, the method's operation_info
// response_type). An Operation is not safe for concurrent use.
type Operation[T proto.Message] struct {
	client *Client
	op     *openvclusterv1.Operation
	result func(*openvclusterv1.OperationResponse) T
}

func newOperation[T proto.Message](c *Client, op *openvclusterv1.Operation, err error, result func(*openvclusterv1.OperationResponse) T) (*Operation[T], error) {
	if err != nil {
		return nil, err
	}
	return &Operation[T]{client: c, op: op, result: result}, nil
}

// The response extractors of the three operation response types.
func vclusterResult(r *openvclusterv1.OperationResponse) *openvclusterv1.VCluster {
	return r.GetVcluster()
}
func snapshotResult(r *openvclusterv1.OperationResponse) *openvclusterv1.Snapshot {
	return r.GetSnapshot()
}
func emptyResult(r *openvclusterv1.OperationResponse) *emptypb.Empty {
	if e := r.GetEmpty(); e != nil {
		return e
	}
	return &emptypb.Empty{}
}

// Name returns the operation's name, projects/{project}/operations/{id}
// (empty for the answer to a validate_only request).
func (o *Operation[T]) Name() string { return o.op.GetName() }

// Proto returns the operation as last seen.
func (o *Operation[T]) Proto() *openvclusterv1.Operation { return o.op }

// Done reports whether the operation had finished when last seen.
func (o *Operation[T]) Done() bool { return o.op.GetDone() }

// Metadata returns the verb, target, state and progress as last seen.
func (o *Operation[T]) Metadata() *openvclusterv1.OperationMetadata { return o.op.GetMetadata() }

// Wait waits until the operation is done and returns its response, or an
// *OperationError when it failed or was cancelled. ctx bounds the whole
// wait; its end returns ctx's error (the operation carries on).
func (o *Operation[T]) Wait(ctx context.Context, opts ...WaitOption) (T, error) {
	op, err := o.client.wait(ctx, o.op, opts)
	o.op = op
	if err != nil {
		var zero T
		return zero, err
	}
	return o.result(op.GetResponse()), nil
}

// Cancel asks the server to cancel the operation; Wait then returns an
// *OperationError with code CANCELLED (or the result, if it finished first).
func (o *Operation[T]) Cancel(ctx context.Context) error {
	op, err := unary(ctx, o.client.operations.CancelOperation, &openvclusterv1.CancelOperationRequest{Name: o.op.GetName()})
	if err == nil {
		o.op = op
	}
	return err
}

// A WaitOption configures Wait and WaitOperation.
type WaitOption func(*waitConfig)

type waitConfig struct {
	poll     time.Duration
	progress func(*openvclusterv1.OperationMetadata)
}

// defaultPoll is how long one WaitOperation call waits on the server when
// no progress is wanted: well under the server's 10-minute cap and the
// client's default deadline.
const defaultPoll = 20 * time.Second

// defaultProgressPoll is how often a wait with WithProgress asks for news:
// WaitOperation only returns early when the operation is done.
const defaultProgressPoll = time.Second

// maxPoll is the longest WaitOperation accepts.
const maxPoll = 10 * time.Minute

// WithPollInterval sets how long each WaitOperation call waits on the
// server before the client asks again, at most 10 minutes (the server's
// limit); 0 or less keeps the default.
func WithPollInterval(d time.Duration) WaitOption {
	return func(c *waitConfig) {
		if d > 0 {
			c.poll = min(d, maxPoll)
		}
	}
}

// WithProgress calls fn with the operation's metadata when its state,
// progress or step changes, starting with the state at the start of the
// wait. It polls every second unless WithPollInterval says otherwise.
func WithProgress(fn func(*openvclusterv1.OperationMetadata)) WaitOption {
	return func(c *waitConfig) { c.progress = fn }
}

// WaitOperation waits until the operation name is done and returns it; an
// operation that failed is returned with an *OperationError.
func (c *Client) WaitOperation(ctx context.Context, name string, opts ...WaitOption) (*openvclusterv1.Operation, error) {
	return c.wait(ctx, &openvclusterv1.Operation{Name: name}, opts)
}

// wait is the one loop over WaitOperation behind Operation.Wait and
// Client.WaitOperation. It returns the last operation seen.
func (c *Client) wait(ctx context.Context, op *openvclusterv1.Operation, opts []WaitOption) (*openvclusterv1.Operation, error) {
	cfg := waitConfig{poll: defaultPoll}
	for _, opt := range opts {
		opt(&cfg)
	}
	if cfg.progress != nil {
		if cfg.poll == defaultPoll {
			cfg.poll = defaultProgressPoll
		}
		if op.GetMetadata() != nil {
			cfg.progress(op.GetMetadata())
		}
	}
	for !op.GetDone() {
		poll := cfg.poll
		if deadline, ok := ctx.Deadline(); ok {
			poll = min(poll, time.Until(deadline))
		}
		if poll <= 0 {
			// The deadline has passed; ctx.Err is set once its timer fires.
			<-ctx.Done()
			return op, context.Cause(ctx)
		}
		// The call's own deadline leaves the server time to answer "not
		// done yet" after waiting poll.
		callCtx, cancel := context.WithTimeout(ctx, poll+10*time.Second)
		next, err := unary(callCtx, c.operations.WaitOperation, &openvclusterv1.WaitOperationRequest{Name: op.GetName(), Timeout: durationpb.New(poll)})
		cancel()
		if err != nil {
			if ctx.Err() != nil {
				return op, context.Cause(ctx)
			}
			return op, err
		}
		if cfg.progress != nil && progressed(op.GetMetadata(), next.GetMetadata()) {
			cfg.progress(next.GetMetadata())
		}
		op = next
	}
	if e := op.GetError(); e != nil {
		return op, &OperationError{Code: connect.Code(e.GetCode()), Message: e.GetMessage(), Details: e.GetDetails(), Operation: op}
	}
	return op, nil
}

// progressed reports whether what a progress callback shows changed.
func progressed(before, after *openvclusterv1.OperationMetadata) bool {
	return before.GetState() != after.GetState() || before.GetProgressPercent() != after.GetProgressPercent() || before.GetStep() != after.GetStep()
}

// andWait waits for the operation a mutation returned, for the ...AndWait
// methods.
func andWait[T proto.Message](ctx context.Context, op *Operation[T], err error, opts []WaitOption) (T, error) {
	if err != nil {
		var zero T
		return zero, err
	}
	return op.Wait(ctx, opts...)
}
