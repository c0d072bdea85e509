// Plain HTTP behaviour: probes, CORS, and clear errors for bad requests.
import { Code, ConnectError, createClient } from "@connectrpc/connect";
import { createConnectTransport, createGrpcTransport, createGrpcWebTransport } from "@connectrpc/connect-node";
import * as http2 from "node:http2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serve, type Server } from "../src/index.js";
import { EchoService, echoRoutes } from "./echo-service.js";
import { transports } from "./helpers.js";

const MAX = 64 * 1024;
let server: Server;
let cors: Server;
let serving = true;
const echoPath = "/ovchttp.test.v1.EchoService/Echo";

beforeAll(async () => {
  server = await serve({ routes: echoRoutes(), maxRequestBytes: MAX, health: { serving: () => serving } });
  cors = await serve({ routes: echoRoutes(), cors: true });
});
afterAll(() => Promise.all([server.close(), cors.close()]));

const post = (path: string, body: string | Uint8Array, contentType: string, base = server.url) =>
  fetch(base + path, { method: "POST", body, headers: { "Content-Type": contentType } });

describe("probes", () => {
  it("GET /healthz answers 200 ok", async () => {
    const res = await fetch(`${server.url}/healthz`);
    expect(res.status).toBe(200);
    expect((await res.text()).trim()).toBe("ok");
  });

  it("GET /readyz follows health.serving()", async () => {
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(200);
    expect((await ready.text()).trim()).toBe("ok");
    serving = false;
    try {
      const notReady = await fetch(`${server.url}/readyz`);
      expect(notReady.status).toBe(503);
      await notReady.text();
      // liveness is not readiness
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    } finally {
      serving = true;
    }
  });

  it("HEAD works and other methods get 405", async () => {
    expect((await fetch(`${server.url}/healthz`, { method: "HEAD" })).status).toBe(200);
    const res = await fetch(`${server.url}/readyz`, { method: "POST" });
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("GET, HEAD");
  });
});

describe("CORS", () => {
  it("answers a preflight with the Connect and gRPC-Web headers and whatever was asked", async () => {
    const res = await fetch(cors.url + echoPath, {
      method: "OPTIONS",
      headers: {
        Origin: "http://localhost:5173",
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type, connect-protocol-version, x-grpc-web, x-custom",
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-origin")).toBe("http://localhost:5173");
    expect(res.headers.get("access-control-allow-methods")).toContain("POST");
    expect(res.headers.get("access-control-allow-methods")).toContain("GET");
    const allowed = (res.headers.get("access-control-allow-headers") ?? "").toLowerCase();
    for (const h of ["content-type", "connect-protocol-version", "connect-timeout-ms", "x-grpc-web", "grpc-timeout", "x-user-agent", "x-custom"]) {
      expect(allowed).toContain(h);
    }
    expect(res.headers.get("access-control-max-age")).toBe("7200");
  });

  it("exposes grpc-status and grpc-message on actual responses", async () => {
    const res = await fetch(cors.url + echoPath, {
      method: "POST",
      headers: { Origin: "http://localhost:5173", "Content-Type": "application/json" },
      body: JSON.stringify({ text: "hi" }),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ text: "hi" });
    expect(res.headers.get("access-control-allow-origin")).toBe("http://localhost:5173");
    const exposed = (res.headers.get("access-control-expose-headers") ?? "").toLowerCase();
    expect(exposed).toContain("grpc-status");
    expect(exposed).toContain("grpc-message");
    expect(exposed).toContain("grpc-status-details-bin");
  });

  it("is off unless asked for", async () => {
    const res = await fetch(server.url + echoPath, {
      method: "OPTIONS",
      headers: { Origin: "http://localhost:5173", "Access-Control-Request-Method": "POST" },
    });
    expect(res.headers.get("access-control-allow-origin")).toBeNull();
    expect(res.status).toBe(405);
  });
});

describe("request size limit", () => {
  const big = new Uint8Array(MAX + 1024);

  it.each(["Connect over HTTP/1.1", "Connect over HTTP/2", "gRPC over HTTP/2", "gRPC-Web over HTTP/1.1"])(
    "%s: an oversized message fails with resource_exhausted and the server goes on",
    async (name) => {
      const transport = transports(server.url).find(([n]) => n === name)![1];
      const echo = createClient(EchoService, transport);
      const err = await echo.echo({ text: "x", padding: big }).catch((e: unknown) => ConnectError.from(e));
      expect(err).toBeInstanceOf(ConnectError);
      expect((err as ConnectError).code).toBe(Code.ResourceExhausted);
      expect((await echo.echo({ text: "still here", padding: new Uint8Array(MAX - 100) })).text).toBe("still here");
    },
  );

  it("a raw oversized JSON body gets HTTP 429 resource_exhausted", async () => {
    const res = await post(echoPath, JSON.stringify({ text: "x".repeat(MAX * 2) }), "application/json");
    expect(res.status).toBe(429);
    expect(await res.json()).toMatchObject({ code: "resource_exhausted" });
  });

  it("also with a chunked body that carries no Content-Length", async () => {
    const chunk = new TextEncoder().encode("x".repeat(16 * 1024));
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent === 0) controller.enqueue(new TextEncoder().encode('{"text":"'));
        if (sent++ < 10) controller.enqueue(chunk);
        else {
          controller.enqueue(new TextEncoder().encode('"}'));
          controller.close();
        }
      },
    });
    const res = await fetch(server.url + echoPath, {
      method: "POST", body, headers: { "Content-Type": "application/json" }, duplex: "half",
    } as RequestInit);
    expect(res.status).toBe(429);
    expect(await res.json()).toMatchObject({ code: "resource_exhausted" });
  });
});

describe("malformed requests", () => {
  it("malformed JSON → 400 invalid_argument", async () => {
    const res = await post(echoPath, "{not json", "application/json");
    expect(res.status).toBe(400);
    const body = (await res.json()) as { code: string; message: string };
    expect(body.code).toBe("invalid_argument");
  });

  it("JSON of the wrong shape → 400 invalid_argument", async () => {
    const res = await post(echoPath, JSON.stringify({ text: 42, nope: true }), "application/json");
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: "invalid_argument" });
  });

  // A field 1 (string) whose length runs past the end of the message.
  const garbage = new Uint8Array([0x0a, 0xff, 0xff, 0xff, 0xff, 0x0f, 0x01]);
  const envelope = (payload: Uint8Array, flag = 0) => {
    const out = new Uint8Array(5 + payload.byteLength);
    out[0] = flag;
    new DataView(out.buffer).setUint32(1, payload.byteLength);
    out.set(payload, 5);
    return out;
  };

  it("malformed protobuf (Connect unary) → 400 invalid_argument", async () => {
    const res = await post(echoPath, garbage, "application/proto");
    expect(res.status).toBe(400);
    const body = (await res.json()) as { code: string; message: string };
    expect(body.code).toBe("invalid_argument");
    expect(body.message).toContain("parse binary");
  });

  it("malformed protobuf (Connect streaming) → end-stream invalid_argument", async () => {
    const res = await fetch(`${server.url}/ovchttp.test.v1.EchoService/Count`, {
      method: "POST", body: envelope(garbage), headers: { "Content-Type": "application/connect+proto" },
    });
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(bytes[0]).toBe(0x02);
    const end = JSON.parse(new TextDecoder().decode(bytes.subarray(5))) as { error: { code: string } };
    expect(end.error.code).toBe("invalid_argument");
  });

  it("malformed protobuf (gRPC-Web) → grpc-status 3", async () => {
    const res = await post(echoPath, envelope(garbage), "application/grpc-web+proto");
    const bytes = new Uint8Array(await res.arrayBuffer());
    const trailer = new TextDecoder().decode(bytes.subarray(5));
    expect(bytes[0]).toBe(0x80);
    expect(trailer).toMatch(/grpc-status: ?3/);
  });

  it("malformed protobuf (gRPC) → grpc-status 3", async () => {
    const session = http2.connect(server.url);
    try {
      const trailers = await new Promise<http2.IncomingHttpHeaders>((resolve, reject) => {
        const req = session.request({ ":method": "POST", ":path": echoPath, "content-type": "application/grpc", te: "trailers" });
        let got: http2.IncomingHttpHeaders | undefined;
        req.on("response", (h) => { if (h["grpc-status"] !== undefined) got = h; });
        req.on("trailers", (t) => { got = t; });
        req.on("error", reject);
        req.on("data", () => undefined);
        req.on("end", () => (got ? resolve(got) : reject(new Error("no status"))));
        req.end(envelope(garbage));
      });
      expect(trailers["grpc-status"]).toBe("3");
    } finally {
      session.close();
    }
  });

  it("a truncated gRPC-Web envelope → an error status, not a crash", async () => {
    const res = await post(echoPath, new Uint8Array([0, 0, 0, 0, 9, 1, 2]), "application/grpc-web+proto");
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(new TextDecoder().decode(bytes.subarray(5))).not.toMatch(/grpc-status: ?0/);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });

  it("a wrong Content-Type → 415 with a Connect error saying what to use", async () => {
    const res = await post(echoPath, "hello", "text/plain");
    expect(res.status).toBe(415);
    expect(res.headers.get("accept-post")).toContain("application/json");
    const body = (await res.json()) as { code: string; message: string };
    expect(body.code).toBe("invalid_argument");
    expect(body.message).toContain("text/plain");
  });

  it("an unknown path → 404 unimplemented", async () => {
    const res = await post("/nope.v1.Nope/Nothing", "{}", "application/json");
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ code: "unimplemented" });
    const root = await fetch(`${server.url}/`);
    expect(root.status).toBe(404);
    await root.text();
  });

  it("an unregistered RPC → unimplemented over every protocol", async () => {
    const empty = await serve({ routes: () => undefined });
    try {
      for (const transport of [
        createConnectTransport({ baseUrl: empty.url, httpVersion: "1.1" }),
        createGrpcTransport({ baseUrl: empty.url }),
        createGrpcWebTransport({ baseUrl: empty.url, httpVersion: "1.1" }),
      ]) {
        const err = await createClient(EchoService, transport).echo({}).catch((e: unknown) => ConnectError.from(e));
        expect(err).toBeInstanceOf(ConnectError);
        expect((err as ConnectError).code).toBe(Code.Unimplemented);
      }
    } finally {
      await empty.close();
    }
  });

  it("an unsupported HTTP method → 405 unimplemented with Allow", async () => {
    for (const method of ["PUT", "DELETE", "PATCH"]) {
      const res = await fetch(server.url + echoPath, { method, body: "{}", headers: { "Content-Type": "application/json" } });
      expect(res.status).toBe(405);
      expect(res.headers.get("allow")).toContain("POST");
      expect(await res.json()).toMatchObject({ code: "unimplemented" });
    }
    // GET of a method with side effects
    const res = await fetch(`${server.url}/ovchttp.test.v1.EchoService/Slow?encoding=json&message=%7B%7D`);
    expect(res.status).toBe(405);
    await res.text();
  });
});

describe("logging", () => {
  it("logs errors that look like bugs, not the API's deliberate errors", async () => {
    const errors: string[] = [];
    const warnings: string[] = [];
    const logged = await serve({
      routes: echoRoutes(),
      logger: {
        error: (m, f) => errors.push(`${m} ${String(f?.["error"])}`),
        warn: (m, f) => warnings.push(`${m} ${String(f?.["error"])}`),
      },
    });
    try {
      const transport = createConnectTransport({ baseUrl: logged.url, httpVersion: "1.1" });
      const err = await createClient(EchoService, transport).echo({ text: "throw" }).catch((e: unknown) => ConnectError.from(e));
      expect(err).toBeInstanceOf(ConnectError);
      expect([Code.Internal, Code.Unknown]).toContain((err as ConnectError).code);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toContain("ovchttp.test.v1.EchoService/Echo failed");
      expect(errors[0]).toContain("boom");

      const { Health } = await import("../src/index.js");
      await createClient(Health, transport).check({ service: "nope" }).catch(() => undefined);
      const res = await fetch(logged.url + echoPath, { method: "POST", body: "{bad", headers: { "Content-Type": "application/json" } });
      await res.text();
      expect(errors).toHaveLength(1);
      expect(warnings).toHaveLength(0);

      // a deliberate ConnectError(internal) is a warning, not an error
      await createClient(EchoService, transport).echo({ text: "internal" }).catch(() => undefined);
      expect(errors).toHaveLength(1);
      expect(warnings).toEqual(["ovchttp.test.v1.EchoService/Echo failed deliberate"]);
    } finally {
      await logged.close();
    }
  });
});

describe("HTTP/1.0", () => {
  it("a request without Host still reaches the service", async () => {
    const { connectRaw, readUntilClose } = await import("./helpers.js");
    const socket = await connectRaw(server.url);
    const all = readUntilClose(socket);
    const body = JSON.stringify({ text: "old" });
    socket.write(`POST ${echoPath} HTTP/1.0\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body}`);
    const text = (await all).toString("latin1");
    expect(text).toMatch(/^HTTP\/1\.1 200/);
    expect(text).toContain('{"text":"old"}');
  });
});
