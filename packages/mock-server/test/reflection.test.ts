// gRPC server reflection on ovc-mock, with a third-party client
// (grpc-js-reflection-client on @grpc/grpc-js), v1 and v1alpha.
import * as grpc from "@grpc/grpc-js";
import { GrpcReflection } from "grpc-js-reflection-client";
import { fromBinary } from "@bufbuild/protobuf";
import { FileDescriptorProtoSchema } from "@bufbuild/protobuf/wkt";
import { createClient } from "@connectrpc/connect";
import { createGrpcTransport } from "@connectrpc/connect-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ServerReflection, type ServerReflectionResponse } from "@open-vcluster/http";
import { startMockServer, type MockServer } from "../src/index.js";

let server: MockServer;
beforeAll(async () => {
  server = await startMockServer();
});
afterAll(() => server.close());

describe.each(["v1", "v1alpha"])("grpc.reflection.%s", (version) => {
  const client = () => new GrpcReflection(new URL(server.url).host, grpc.credentials.createInsecure(), {}, version);

  it("lists openvcluster.v1.VClusterService and describes CreateVCluster down to its request type", async () => {
    const services = await client().listServices();
    expect(services).toEqual(expect.arrayContaining(["openvcluster.v1.VClusterService", "openvcluster.mock.v1.MockControlService"]));
    const root = (await client().getDescriptorBySymbol("openvcluster.v1.VClusterService.CreateVCluster")).getProtobufJsRoot();
    const method = root.lookupService("openvcluster.v1.VClusterService").methods["CreateVCluster"]!;
    expect(method.requestType).toMatch(/(^|\.)openvcluster\.v1\.CreateVClusterRequest$|^CreateVClusterRequest$/);
    const request = root.lookupType("openvcluster.v1.CreateVClusterRequest");
    expect(Object.keys(request.fields)).toEqual(expect.arrayContaining(["parent", "vclusterId", "vcluster"]));
    // dependencies came along: the nested message types resolve too
    expect(root.lookupType("openvcluster.v1.VCluster").fields["createTime"]?.resolve().resolvedType?.fullName).toBe(".google.protobuf.Timestamp");
  }, 30_000);
});

it("lists protovalidate's extension of google.protobuf.FieldOptions and finds its file", async () => {
  // grpc-js-reflection-client cannot decode a packed repeated int32 (its protobufjs reader lacks
  // readPackedInt32), so this one asks with a Connect gRPC client and the generated reflection types.
  const reflection = createClient(ServerReflection, createGrpcTransport({ baseUrl: server.url }));
  const answers: ServerReflectionResponse[] = [];
  async function* requests() {
    yield { messageRequest: { case: "allExtensionNumbersOfType" as const, value: "google.protobuf.FieldOptions" } };
    yield { messageRequest: { case: "fileContainingExtension" as const, value: { containingType: "google.protobuf.FieldOptions", extensionNumber: 1159 } } };
    yield { messageRequest: { case: "fileContainingSymbol" as const, value: "no.such.Symbol" } };
  }
  for await (const res of reflection.serverReflectionInfo(requests())) answers.push(res);
  const [numbers, file, missing] = answers.map((a) => a.messageResponse);
  expect(numbers?.case === "allExtensionNumbersResponse" && numbers.value.extensionNumber).toContain(1159);
  const names = file?.case === "fileDescriptorResponse" ? file.value.fileDescriptorProto.map((b) => fromBinary(FileDescriptorProtoSchema, b).name) : [];
  expect(names[0]).toBe("buf/validate/validate.proto");
  expect(missing?.case === "errorResponse" && missing.value.errorCode).toBe(5);
}, 30_000);
