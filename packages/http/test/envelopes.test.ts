// gRPC / gRPC-Web / Connect-streaming request envelopes with flags a client
// must not send are a client error: INVALID_ARGUMENT, never INTERNAL, and
// undefined flag bits are not silently accepted. Raw HTTP/2 frames, so no
// client library smooths anything over.
import * as http2 from "node:http2";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serve, type Server } from "../src/index.js";
import { echoRoutes } from "./echo-service.js";

let server: Server;
beforeAll(async () => {
  server = await serve({ routes: echoRoutes(), logger: {} });
});
afterAll(() => server.close());

// EchoRequest { text: "hi" }
const MESSAGE = new Uint8Array([0x0a, 0x02, 0x68, 0x69]);

function envelope(flags: number, payload: Uint8Array): Uint8Array {
  const out = new Uint8Array(5 + payload.byteLength);
  out[0] = flags;
  new DataView(out.buffer).setUint32(1, payload.byteLength);
  out.set(payload, 5);
  return out;
}

/** Sends one request over a fresh h2c session; resolves with its merged headers + trailers and body. */
function rawCall(headers: http2.OutgoingHttpHeaders, body: Uint8Array): Promise<{ headers: http2.IncomingHttpHeaders; body: Buffer }> {
  const session = http2.connect(server.url);
  session.on("error", () => undefined);
  return new Promise((resolve, reject) => {
    const req = session.request({ ":method": "POST", ":path": "/ovchttp.test.v1.EchoService/Echo", te: "trailers", ...headers });
    let all: http2.IncomingHttpHeaders = {};
    const chunks: Buffer[] = [];
    req.on("response", (h) => (all = { ...all, ...h }));
    req.on("trailers", (h) => (all = { ...all, ...h }));
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("error", reject);
    req.on("close", () => {
      session.close();
      resolve({ headers: all, body: Buffer.concat(chunks) });
    });
    req.end(body);
  });
}

describe("gRPC", () => {
  it.each([
    ["compressed flag without grpc-encoding", 0x01, {}, /compressed/],
    ["flags 0xFF", 0xff, {}, /flags 0xff/],
    ["undefined flag bit 0x02", 0x02, {}, /flags 0x02/],
    ["undefined flag bit 0x80", 0x80, {}, /flags 0x80/],
    ["compressed flag with grpc-encoding identity", 0x01, { "grpc-encoding": "identity" }, /compressed/],
  ])("%s → grpc-status 3 naming the problem", async (_name, flags, extra, message) => {
    const res = await rawCall({ "content-type": "application/grpc", ...extra }, envelope(flags, MESSAGE));
    expect(res.headers["grpc-status"]).toBe("3");
    expect(decodeURIComponent(String(res.headers["grpc-message"]))).toMatch(message);
  }, 30_000);

  it("a gzip-compressed message with grpc-encoding gzip is served", async () => {
    const res = await rawCall({ "content-type": "application/grpc", "grpc-encoding": "gzip" }, envelope(0x01, gzipSync(MESSAGE)));
    expect(res.headers["grpc-status"]).toBe("0");
  }, 30_000);

  it("an unsupported grpc-encoding → grpc-status 12", async () => {
    const res = await rawCall({ "content-type": "application/grpc", "grpc-encoding": "snappy" }, envelope(0x01, MESSAGE));
    expect(res.headers["grpc-status"]).toBe("12");
  }, 30_000);

  it("flags split from the rest of the envelope are still checked", async () => {
    // Two messages for a unary call would be an error anyway; here one frame whose header
    // arrives across DATA frames: the check must not depend on chunk boundaries.
    const session = http2.connect(server.url);
    session.on("error", () => undefined);
    const status = await new Promise<string>((resolve) => {
      const req = session.request({ ":method": "POST", ":path": "/ovchttp.test.v1.EchoService/Echo", "content-type": "application/grpc" });
      let s = "";
      req.on("response", (h) => (s = String(h["grpc-status"] ?? s)));
      req.on("trailers", (h) => (s = String(h["grpc-status"] ?? s)));
      req.on("data", () => undefined);
      req.on("error", () => undefined);
      req.on("close", () => resolve(s));
      const frame = envelope(0x04, MESSAGE);
      req.write(frame.subarray(0, 1));
      setTimeout(() => req.end(frame.subarray(1)), 50);
    });
    session.close();
    expect(status).toBe("3");
  }, 30_000);
});

describe("gRPC-Web and Connect streaming", () => {
  it("gRPC-Web flags 0x80 from a client → grpc-status 3", async () => {
    const res = await rawCall({ "content-type": "application/grpc-web+proto" }, envelope(0x80, MESSAGE));
    const text = res.body.toString("latin1") + JSON.stringify(res.headers);
    expect(text).toMatch(/grpc-status"?:\s*"?3/);
  }, 30_000);

  it("Connect server-streaming request with the compressed flag and no encoding → invalid_argument", async () => {
    const session = http2.connect(server.url);
    session.on("error", () => undefined);
    const body = await new Promise<string>((resolve) => {
      const req = session.request({
        ":method": "POST",
        ":path": "/ovchttp.test.v1.EchoService/Count",
        "content-type": "application/connect+proto",
      });
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("error", () => undefined);
      req.on("close", () => resolve(Buffer.concat(chunks).toString("latin1")));
      req.end(envelope(0x01, new Uint8Array([0x18, 0x01])));
    });
    session.close();
    expect(body).toContain('"code":"invalid_argument"');
  }, 30_000);
});
