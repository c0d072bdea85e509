// Every protocol the SDKs and gRPC tools use, over real loopback HTTP.
import { Code, ConnectError, createClient } from "@connectrpc/connect";
import { createConnectTransport } from "@connectrpc/connect-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Health, HealthCheckResponse_ServingStatus as Status, serve, type Server } from "../src/index.js";
import { EchoService, echoRoutes } from "./echo-service.js";
import { transports } from "./helpers.js";

let server: Server;
let serving = true;

beforeAll(async () => {
  server = await serve({
    routes: echoRoutes(),
    health: { serving: () => serving },
    grpcHealthServices: ["ovchttp.test.v1.EchoService"],
  });
});
afterAll(() => server.close());

describe("serve() listens", () => {
  it("on 127.0.0.1 and a free port by default", () => {
    expect(server.host).toBe("127.0.0.1");
    expect(server.port).toBeGreaterThan(0);
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
  });

  it("rejects when the port is taken", async () => {
    await expect(serve({ routes: echoRoutes(), port: server.port })).rejects.toMatchObject({ code: "EADDRINUSE" });
  });
});

const names = ["Connect over HTTP/1.1", "Connect over HTTP/2", "gRPC over HTTP/2", "gRPC-Web over HTTP/1.1"];

describe.each(names)("%s", (wanted) => {
  const pick = () => transports(server.url).find(([n]) => n === wanted)!;

  it("unary, server-streaming and gRPC health Check", async () => {
    const [name, transport] = pick();
    const echo = createClient(EchoService, transport);
    expect((await echo.echo({ text: `hello ${name}` })).text).toBe(`hello ${name}`);

    const got: number[] = [];
    for await (const m of echo.count({ text: "n", count: 4, delayMs: 5 })) got.push(m.index);
    expect(got).toEqual([0, 1, 2, 3]);

    const health = createClient(Health, transport);
    expect((await health.check({})).status).toBe(Status.SERVING);
    expect((await health.check({ service: "ovchttp.test.v1.EchoService" })).status).toBe(Status.SERVING);
  });
});

describe("client streaming", () => {
  it("works over gRPC (HTTP/2) and Connect (HTTP/2)", async () => {
    for (const [, transport] of transports(server.url).filter(([n]) => n.includes("HTTP/2"))) {
      const echo = createClient(EchoService, transport);
      async function* parts() {
        yield { text: "a" };
        yield { text: "b" };
        yield { text: "c" };
      }
      expect((await echo.collect(parts())).text).toBe("abc");
    }
  });
});

describe("Connect GET", () => {
  it("serves NO_SIDE_EFFECTS methods over GET", async () => {
    const echo = createClient(EchoService, createConnectTransport({ baseUrl: server.url, httpVersion: "1.1", useHttpGet: true }));
    expect((await echo.echo({ text: "via get" })).text).toBe("via get");
  });
});

describe("grpc.health.v1.Health", () => {
  const grpc = () => transports(server.url)[2]![1];

  it("Check answers NOT_SERVING when health.serving() is false", async () => {
    serving = false;
    try {
      const health = createClient(Health, grpc());
      expect((await health.check({})).status).toBe(Status.NOT_SERVING);
    } finally {
      serving = true;
    }
  });

  it("Check fails with not_found for an unknown service", async () => {
    const health = createClient(Health, grpc());
    const err = await health.check({ service: "nope.v1.Nope" }).catch((e: unknown) => ConnectError.from(e));
    expect(err).toBeInstanceOf(ConnectError);
    expect((err as ConnectError).code).toBe(Code.NotFound);
  });

  it("List names every known service", async () => {
    const health = createClient(Health, grpc());
    const res = await health.list({});
    expect(Object.keys(res.statuses).sort()).toEqual(["", "ovchttp.test.v1.EchoService"]);
    expect(res.statuses[""]?.status).toBe(Status.SERVING);
  });

  it("Watch sends the current status, then each change", async () => {
    const health = createClient(Health, grpc());
    const ac = new AbortController();
    const seen: Status[] = [];
    try {
      for await (const m of health.watch({}, { signal: ac.signal })) {
        seen.push(m.status);
        if (seen.length === 1) serving = false;
        if (seen.length === 2) break;
      }
    } finally {
      serving = true;
      ac.abort();
    }
    expect(seen).toEqual([Status.SERVING, Status.NOT_SERVING]);
  });

  it("Watch answers SERVICE_UNKNOWN for an unknown service and stays open", async () => {
    const health = createClient(Health, grpc());
    for await (const m of health.watch({ service: "nope.v1.Nope" })) {
      expect(m.status).toBe(Status.SERVICE_UNKNOWN);
      break;
    }
  });
});

describe("grpc.health.v1.Health without grpcHealthServices", () => {
  it("knows every service routes registered", async () => {
    const plain = await serve({ routes: echoRoutes() });
    try {
      const health = createClient(Health, transports(plain.url)[2]![1]);
      expect((await health.check({ service: "ovchttp.test.v1.EchoService" })).status).toBe(Status.SERVING);
    } finally {
      await plain.close();
    }
  });
});
