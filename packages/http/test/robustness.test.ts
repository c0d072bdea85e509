// Misbehaving clients: aborts, half-sent requests, slowloris, odd first bytes.
import * as http2 from "node:http2";
import { Code, ConnectError, createClient } from "@connectrpc/connect";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HTTP2_PREFACE, serve, type Server } from "../src/index.js";
import { EchoService, echoRoutes, newStats } from "./echo-service.js";
import { connectRaw, eventually, firstData, readUntilClose, sleep, transports } from "./helpers.js";

const names = ["Connect over HTTP/1.1", "Connect over HTTP/2", "gRPC over HTTP/2", "gRPC-Web over HTTP/1.1"];
const stats = newStats();
let server: Server;

beforeAll(async () => {
  server = await serve({ routes: echoRoutes(stats), logger: {} });
});
afterAll(() => server.close());

async function stillServes(url = server.url): Promise<void> {
  const res = await fetch(`${url}/healthz`);
  expect(res.status).toBe(200);
  await res.text();
}

describe.each(names)("%s: a client that aborts mid-stream", (name) => {
  it("gets canceled, the handler is stopped and the server goes on", async () => {
    const transport = transports(server.url).find(([n]) => n === name)![1];
    const echo = createClient(EchoService, transport);
    const ac = new AbortController();
    const before = stats.openStreams;
    let received = 0;
    const err = await (async () => {
      for await (const _ of echo.count({ text: "t", count: 0, delayMs: 10 }, { signal: ac.signal })) {
        if (++received === 3) ac.abort();
      }
    })().catch((e: unknown) => ConnectError.from(e));
    expect(err).toBeInstanceOf(ConnectError);
    expect((err as ConnectError).code).toBe(Code.Canceled);
    // The implementation ignores its signal; the server still stops pulling from it.
    await eventually(() => stats.openStreams === before);
    expect((await echo.echo({ text: "after" })).text).toBe("after");
  });
});

describe("a client that disconnects mid-request", () => {
  it("HTTP/1.1: half a body, then the socket is gone", async () => {
    const socket = await connectRaw(server.url);
    socket.write("POST /ovchttp.test.v1.EchoService/Echo HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"text\":\"");
    await sleep(50);
    socket.destroy();
    await sleep(50);
    await stillServes();
  });

  it("HTTP/2: half a gRPC message, then the session is destroyed", async () => {
    const session = http2.connect(server.url);
    session.on("error", () => undefined);
    const req = session.request({ ":method": "POST", ":path": "/ovchttp.test.v1.EchoService/Echo", "content-type": "application/grpc" });
    req.on("error", () => undefined);
    req.write(new Uint8Array([0, 0, 0, 0, 100, 0x0a]));
    await sleep(50);
    session.destroy();
    await sleep(50);
    await stillServes();
  });

  it("HTTP/2: a stream reset while the server is streaming", async () => {
    const session = http2.connect(server.url);
    session.on("error", () => undefined);
    const before = stats.openStreams;
    const req = session.request({ ":method": "POST", ":path": "/ovchttp.test.v1.EchoService/Count", "content-type": "application/grpc" });
    req.on("error", () => undefined);
    // EchoRequest{count: 0, delay_ms: 5}: stream forever
    req.end(new Uint8Array([0, 0, 0, 0, 2, 0x10, 5]));
    await new Promise((resolve) => req.once("data", resolve));
    req.close(http2.constants.NGHTTP2_CANCEL);
    await eventually(() => stats.openStreams === before);
    session.close();
    await stillServes();
  });

  it("garbage bytes get the connection closed", async () => {
    const socket = await connectRaw(server.url);
    const closed = readUntilClose(socket);
    socket.write(Buffer.from([0x16, 0x03, 0x01, 0x00, 0xff, 0x01, 0x00, 0x00, 0x00, 0x0d, 0x0a, 0x0d, 0x0a]));
    await closed;
    await stillServes();
  });
});

describe("first bytes in pieces", () => {
  it("an HTTP/2 preface sent byte by byte still reaches HTTP/2", async () => {
    const socket = await connectRaw(server.url);
    const reply = firstData(socket);
    for (const byte of HTTP2_PREFACE) {
      socket.write(Buffer.from([byte]));
      await sleep(2);
    }
    socket.write(Buffer.from([0, 0, 0, 4, 0, 0, 0, 0, 0])); // empty SETTINGS frame
    const frame = await reply;
    expect(frame[3]).toBe(0x04); // the server's SETTINGS frame
    socket.destroy();
  });

  it("an HTTP/1.1 request in pieces still reaches HTTP/1.1", async () => {
    for (const pieces of [["G", "ET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"], ["PRI * HTTP/", "1.1\r\nHost: x\r\nConnection: close\r\n\r\n"]]) {
      const socket = await connectRaw(server.url);
      const all = readUntilClose(socket);
      for (const p of pieces) {
        socket.write(p);
        await sleep(20);
      }
      const text = (await all).toString("latin1");
      expect(text).toMatch(/^HTTP\/1\.1 \d{3}/);
      if (pieces[0] === "G") expect(text).toMatch(/^HTTP\/1\.1 200/);
    }
    await stillServes();
  });
});

describe("timeouts", () => {
  let strict: Server;
  const strictStats = newStats();
  beforeAll(async () => {
    strict = await serve({
      routes: echoRoutes(strictStats),
      logger: {},
      timeouts: { headersMs: 300, requestMs: 400, idleMs: 300 },
    });
  });
  afterAll(() => strict.close());

  it("a connection that never says anything is closed", async () => {
    const socket = await connectRaw(strict.url);
    const t0 = Date.now();
    await readUntilClose(socket);
    expect(Date.now() - t0).toBeLessThan(3_000);
  });

  it("a slowloris dripping request headers is closed", async () => {
    const socket = await connectRaw(strict.url);
    const closed = readUntilClose(socket);
    const t0 = Date.now();
    socket.write("GET /healthz HTTP/1.1\r\nHost: x\r\n");
    let open = true;
    void closed.then(() => (open = false));
    for (let i = 0; i < 50 && open; i++) {
      socket.write(`X-Drip-${i}: y\r\n`);
      await sleep(100);
    }
    const text = (await closed).toString("latin1");
    expect(open).toBe(false);
    expect(Date.now() - t0).toBeLessThan(4_000);
    expect(text === "" || text.startsWith("HTTP/1.1 408")).toBe(true);
  });

  it("an HTTP/2 connection that opens no stream is closed", async () => {
    const session = http2.connect(strict.url);
    session.on("error", () => undefined);
    const t0 = Date.now();
    await new Promise((resolve) => session.once("close", resolve));
    expect(Date.now() - t0).toBeLessThan(3_000);
  });

  it("an HTTP/2 request whose body stalls is reset after requestMs", async () => {
    const session = http2.connect(strict.url);
    session.on("error", () => undefined);
    try {
      const t0 = Date.now();
      const code = await new Promise<number>((resolve) => {
        const req = session.request({ ":method": "POST", ":path": "/ovchttp.test.v1.EchoService/Echo", "content-type": "application/grpc" });
        req.on("error", () => undefined);
        req.on("data", () => undefined);
        req.write(new Uint8Array([0, 0, 0, 0, 10])); // promises 10 bytes, sends none
        req.on("close", () => resolve(req.rstCode ?? -1));
      });
      expect(code).toBe(http2.constants.NGHTTP2_CANCEL);
      expect(Date.now() - t0).toBeLessThan(3_000);
    } finally {
      session.close();
    }
  });

  it.each(names)("%s: a server stream outlives every timeout", async (name) => {
    const transport = transports(strict.url).find(([n]) => n === name)![1];
    const echo = createClient(EchoService, transport);
    const got: number[] = [];
    const t0 = Date.now();
    for await (const m of echo.count({ text: "slow", count: 5, delayMs: 250 })) got.push(m.index);
    expect(got).toEqual([0, 1, 2, 3, 4]);
    expect(Date.now() - t0).toBeGreaterThan(900);
  });

  it("keep-alive connections are reused within idleMs", async () => {
    const echo = createClient(EchoService, transports(strict.url)[0]![1]);
    for (let i = 0; i < 3; i++) {
      expect((await echo.echo({ text: String(i) })).text).toBe(String(i));
      await sleep(20);
    }
  });
});
