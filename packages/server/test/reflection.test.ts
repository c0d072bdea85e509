// gRPC server reflection on ovc-server (the same @open-vcluster/http code as
// ovc-mock), with a third-party client.
import * as grpc from "@grpc/grpc-js";
import { GrpcReflection } from "grpc-js-reflection-client";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startServer, type RunningServer } from "../src/index.js";

let server: RunningServer;
beforeAll(async () => {
  server = await startServer({ port: 0 });
});
afterAll(() => server.close());

it.each(["v1", "v1alpha"])("%s: lists openvcluster.v1.VClusterService and resolves CreateVClusterRequest", async (version) => {
  const client = new GrpcReflection(new URL(server.url).host, grpc.credentials.createInsecure(), {}, version);
  const services = await client.listServices();
  expect(services).toEqual(expect.arrayContaining(["openvcluster.v1.VClusterService", "grpc.health.v1.Health"]));
  expect(services).not.toContain("openvcluster.mock.v1.MockControlService");
  const root = (await client.getDescriptorBySymbol("openvcluster.v1.VClusterService.CreateVCluster")).getProtobufJsRoot();
  expect(Object.keys(root.lookupType("openvcluster.v1.CreateVClusterRequest").fields)).toEqual(
    expect.arrayContaining(["parent", "vclusterId", "vcluster"]),
  );
}, 30_000);
