// timeouts.bodyMs: a single-message request body (unary, server-streaming)
// must arrive whole within bodyMs, however slowly it trickles in, as
// request headers must within headersMs.
import * as http2 from "node:http2";
import { afterAll, beforeAll, expect, it } from "vitest";
import { serve, type Server } from "../src/index.js";
import { echoRoutes } from "./echo-service.js";
import { connectRaw, readUntilClose, sleep } from "./helpers.js";

let server: Server;
beforeAll(async () => {
  server = await serve({ routes: echoRoutes(), logger: {}, timeouts: { bodyMs: 500, requestMs: 60_000 } });
});
afterAll(() => server.close());

it("HTTP/1.1: a Connect unary body sent a byte at a time gets deadline_exceeded and a closed connection within bodyMs", async () => {
  const socket = await connectRaw(server.url);
  const closed = readUntilClose(socket);
  let open = true;
  void closed.then(() => (open = false));
  const body = JSON.stringify({ text: "x".repeat(200) });
  const t0 = Date.now();
  socket.write(
    `POST /ovchttp.test.v1.EchoService/Echo HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`,
  );
  for (let i = 0; i < body.length && open; i++) {
    socket.write(body[i]!);
    await sleep(50);
  }
  const text = (await closed).toString("latin1");
  expect(open).toBe(false);
  expect(Date.now() - t0).toBeLessThan(5_000);
  expect(text).toMatch(/^HTTP\/1\.1 504 /);
  expect(text).toContain('"code":"deadline_exceeded"');
  expect(text).toMatch(/request body not received within 500 ms/);
}, 30_000);

it("HTTP/2: a gRPC unary body sent a byte at a time gets grpc-status 4 within bodyMs", async () => {
  const session = http2.connect(server.url);
  session.on("error", () => undefined);
  try {
    const t0 = Date.now();
    const req = session.request({ ":method": "POST", ":path": "/ovchttp.test.v1.EchoService/Echo", "content-type": "application/grpc" });
    req.on("error", () => undefined);
    let headers: http2.IncomingHttpHeaders = {};
    req.on("response", (h) => (headers = { ...headers, ...h }));
    req.on("trailers", (h) => (headers = { ...headers, ...h }));
    req.on("data", () => undefined);
    let open = true;
    const closed = new Promise<void>((resolve) => req.on("close", () => ((open = false), resolve())));
    req.write(new Uint8Array([0, 0, 0, 0, 200]));
    for (let i = 0; i < 200 && open; i++) {
      req.write(new Uint8Array([0x0a]));
      await sleep(50);
    }
    await closed;
    expect(Date.now() - t0).toBeLessThan(5_000);
    expect(headers["grpc-status"]).toBe("4");
  } finally {
    session.close();
  }
}, 30_000);

it("a body that arrives in time is served", async () => {
  const res = await fetch(`${server.url}/ovchttp.test.v1.EchoService/Echo`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ text: "hi" }),
  });
  expect(await res.json()).toEqual({ text: "hi" });
});
