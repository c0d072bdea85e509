// gRPC server reflection, v1 and v1alpha, checked with a third-party client
// (grpc-js-reflection-client on @grpc/grpc-js) over h2c.
import * as grpc from "@grpc/grpc-js";
import { GrpcReflection } from "grpc-js-reflection-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serve, type Server } from "../src/index.js";
import { echoRoutes } from "./echo-service.js";

let server: Server;
beforeAll(async () => {
  server = await serve({ routes: echoRoutes(), logger: {} });
});
afterAll(() => server.close());

describe.each(["v1", "v1alpha"])("grpc.reflection.%s", (version) => {
  const client = () => new GrpcReflection(`${server.host}:${server.port}`, grpc.credentials.createInsecure(), {}, version);

  it("lists the registered services, health and reflection included", async () => {
    const services = await client().listServices();
    expect(services).toEqual(
      expect.arrayContaining([
        "ovchttp.test.v1.EchoService",
        "grpc.health.v1.Health",
        "grpc.reflection.v1.ServerReflection",
        "grpc.reflection.v1alpha.ServerReflection",
      ]),
    );
  }, 30_000);

  it("describes a service: its methods and a request type that resolves", async () => {
    const methods = await client().listMethods("ovchttp.test.v1.EchoService");
    expect(methods.map((m) => m.name).sort()).toEqual(["Collect", "Count", "Echo", "Slow"]);
    const descriptor = await client().getDescriptorBySymbol("ovchttp.test.v1.EchoService.Echo");
    const request = descriptor.getProtobufJsRoot().lookupType("ovchttp.test.v1.EchoRequest");
    expect(Object.keys(request.fields).sort()).toEqual(["count", "delayMs", "padding", "text"]);
  }, 30_000);

  it("finds files by name, and answers NOT_FOUND for unknown files and symbols", async () => {
    const byName = await client().getDescriptorByFileName("ovchttp/test/v1/echo.proto");
    expect(byName.getProtobufJsRoot().lookupService("ovchttp.test.v1.EchoService").name).toBe("EchoService");
    await expect(client().getDescriptorBySymbol("nope.v1.Nope")).rejects.toThrow(/not found/i);
    await expect(client().getDescriptorByFileName("nope.proto")).rejects.toThrow(/not found/i);
  }, 30_000);

  it("answers all_extension_numbers_of_type", async () => {
    const res = await client().getAllExtensionNumbersOfType("ovchttp.test.v1.EchoRequest");
    expect(res.extension_number).toEqual([]);
  }, 30_000);
});
