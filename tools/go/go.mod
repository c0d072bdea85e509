// Code-generation plugins for the Go SDK, pinned here and built into
// .tools/bin by `make tools-go` (mk/sdks.mk). Not imported by anything.
module github.com/open-vcluster/open-vcluster-api/tools/go

go 1.26.0

tool (
	connectrpc.com/connect/cmd/protoc-gen-connect-go
	google.golang.org/protobuf/cmd/protoc-gen-go
)

require (
	connectrpc.com/connect v1.21.1 // indirect
	google.golang.org/protobuf v1.36.12 // indirect
)
