// Copyright 2026 The open-vcluster-api Authors
// SPDX-License-Identifier: Apache-2.0

package openvcluster

import (
	"context"
	"iter"

	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/reflect/protoreflect"
)

// paginate yields every item of every page of a List RPC, fetching the next
// page (the request with page_token set to the previous next_page_token)
// only when the loop gets there. Stopping the loop stops the fetching; an
// error is yielded once, last. The caller's request is not modified.
func paginate[Req, Res proto.Message, Item any](ctx context.Context, req Req, fetch func(context.Context, Req) (Res, error), items func(Res) []Item) iter.Seq2[Item, error] {
	return func(yield func(Item, error) bool) {
		page := proto.CloneOf(req)
		for {
			res, err := fetch(ctx, page)
			if err != nil {
				var zero Item
				yield(zero, err)
				return
			}
			for _, item := range items(res) {
				if !yield(item, nil) {
					return
				}
			}
			next := stringField(res, "next_page_token")
			if next == "" {
				return
			}
			setStringField(page, "page_token", next)
		}
	}
}

// The page token fields have the same names in every List RPC (AIP-158),
// so reflection spares one accessor pair per RPC.
func stringField(m proto.Message, name protoreflect.Name) string {
	return m.ProtoReflect().Get(m.ProtoReflect().Descriptor().Fields().ByName(name)).String()
}

func setStringField(m proto.Message, name protoreflect.Name, value string) {
	m.ProtoReflect().Set(m.ProtoReflect().Descriptor().Fields().ByName(name), protoreflect.ValueOfString(value))
}
