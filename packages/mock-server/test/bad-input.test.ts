/**
 * Bad input over HTTP, sent by hand (fetch for Connect, node:http2 for gRPC):
 * every mistake gets a clear Connect/gRPC error with the right code, and the
 * server keeps serving after each.
 */
import * as http2 from "node:http2";
import * as net from "node:net";
import { gzipSync } from "node:zlib";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { Code, createClient } from "@connectrpc/connect";
import { createConnectTransport } from "@connectrpc/connect-node";
import { create, toBinary } from "@bufbuild/protobuf";
import { GetVClusterRequestSchema, VClusterSchema, VClusterService } from "@open-vcluster/sdk";
import { startMockServer, type MockServer } from "../src/index.js";
import { grpcFrame, rawGrpc } from "./fixtures/util.js";

const SVC = "/openvcluster.v1.VClusterService";
const NAME = "projects/p/vclusters/here";

describe("bad input over HTTP", () => {
  let server: MockServer;
  let session: http2.ClientHttp2Session;
  beforeAll(async () => {
    server = await startMockServer();
    await server.control.seed({ vclusters: [{ name: NAME, labels: { env: "dev" } }] });
    session = http2.connect(server.url);
  });
  afterAll(async () => {
    session.close();
    await server.close();
  });
  // After every case: the server still answers a normal request, over a fresh connection.
  afterEach(async () => {
    const client = createClient(VClusterService, createConnectTransport({ baseUrl: server.url, httpVersion: "1.1" }));
    expect((await client.getVCluster({ name: NAME })).name).toBe(NAME);
    const ok = await rawGrpc(session, `${SVC}/GetVCluster`, grpcFrame(toBinary(GetVClusterRequestSchema, create(GetVClusterRequestSchema, { name: NAME }))));
    expect(ok.status).toBe(0);
  });

  const post = (path: string, body: string | Uint8Array, contentType = "application/json", headers: Record<string, string> = {}) =>
    fetch(`${server.url}${path}`, { method: "POST", body, headers: { "content-type": contentType, ...headers }, signal: AbortSignal.timeout(10_000) });

  async function connectError(res: Response) {
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    const body = (await res.json()) as { code?: string; message?: string };
    expect(typeof body.code).toBe("string");
    expect(typeof body.message).toBe("string");
    return body as { code: string; message: string };
  }

  it("malformed JSON → 400 invalid_argument", async () => {
    for (const body of ['{"name": ', "not json", "[1,2", '{"name": "a"} trailing', "\u0000\u0001"]) {
      const res = await post(`${SVC}/GetVCluster`, body);
      expect(res.status, body).toBe(400);
      expect((await connectError(res)).code).toBe("invalid_argument");
    }
  });

  it("JSON of the wrong shape → 400 invalid_argument", async () => {
    for (const body of ['{"name": 5}', '{"name": ["a"]}', '{"pageSize": "many", "parent": "projects/p"}', '{"pageSize": 1e12, "parent": "projects/p"}', "[]", "7"]) {
      const path = body.includes("pageSize") ? `${SVC}/ListVClusters` : `${SVC}/GetVCluster`;
      const res = await post(path, body);
      expect(res.status, body).toBe(400);
      expect((await connectError(res)).code, body).toBe("invalid_argument");
    }
  });

  it("a valid but empty request → invalid_argument naming the field", async () => {
    const res = await post(`${SVC}/GetVCluster`, "{}");
    expect(res.status).toBe(400);
    const err = await connectError(res);
    expect(err.code).toBe("invalid_argument");
    expect(err.message).toMatch(/name/);
  });

  it("malformed protobuf bytes → invalid_argument (Connect and gRPC)", async () => {
    const garbage = [
      Uint8Array.from([0x0a, 0xff, 0xff, 0xff, 0xff, 0x0f]), // length-delimited field with an absurd length
      Uint8Array.from([0x0a, 0x05, 0x61]), // truncated string
      Uint8Array.from([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]), // overlong varint tag
      Uint8Array.from([0x0f]), // wire type 7
    ];
    for (const bytes of garbage) {
      const res = await post(`${SVC}/GetVCluster`, bytes, "application/proto");
      expect(res.status, Buffer.from(bytes).toString("hex")).toBe(400);
      expect((await connectError(res)).code).toBe("invalid_argument");
      const g = await rawGrpc(session, `${SVC}/GetVCluster`, grpcFrame(bytes));
      expect(g.status, Buffer.from(bytes).toString("hex")).toBe(Code.InvalidArgument);
    }
  });

  it("a gRPC frame that is cut short or compressed without an encoding → a gRPC error, not a hang", async () => {
    const cut = grpcFrame(toBinary(GetVClusterRequestSchema, create(GetVClusterRequestSchema, { name: NAME }))).subarray(0, 8);
    const r1 = await rawGrpc(session, `${SVC}/GetVCluster`, cut);
    expect(r1.status).toBe(Code.InvalidArgument);
    expect(r1.message).toMatch(/incomplete/);
    // A compressed frame without grpc-encoding is the client's protocol error: INVALID_ARGUMENT
    // (INTERNAL is kept for server bugs; see @open-vcluster/http envelopes.ts).
    const r2 = await rawGrpc(session, `${SVC}/GetVCluster`, grpcFrame(Uint8Array.from([1, 2, 3]), 1));
    expect(r2.status).toBe(Code.InvalidArgument);
    expect(r2.message).toMatch(/compressed/);
  });

  it("wrong content type → 415 with a message naming the accepted types", async () => {
    for (const type of ["text/plain", "application/xml", "application/x-www-form-urlencoded"]) {
      const res = await post(`${SVC}/GetVCluster`, JSON.stringify({ name: NAME }), type);
      expect(res.status, type).toBe(415);
      const err = await connectError(res);
      expect(err.message).toMatch(/content-type/);
      expect(err.message).toMatch(/application\/json/);
    }
  });

  it("unknown method or path → 404 unimplemented (Connect) / status 12 (gRPC)", async () => {
    for (const path of [`${SVC}/NoSuchMethod`, "/openvcluster.v1.NoSuchService/Get", "/", "/favicon.ico"]) {
      const res = await post(path, "{}");
      expect(res.status, path).toBe(404);
      expect((await connectError(res)).code).toBe("unimplemented");
    }
    const g = await rawGrpc(session, `${SVC}/NoSuchMethod`, grpcFrame(new Uint8Array()));
    expect(g.status).toBe(Code.Unimplemented);
    expect(g.message).toMatch(/NoSuchMethod/);
  });

  it("a body over 4 MiB → resource_exhausted (Connect and gRPC)", async () => {
    const big = JSON.stringify({ name: "x".repeat(5 * 1024 * 1024) });
    const res = await post(`${SVC}/GetVCluster`, big);
    expect(res.status).toBe(429);
    expect((await connectError(res)).code).toBe("resource_exhausted");
    const bigProto = toBinary(VClusterSchema, create(VClusterSchema, { name: NAME, annotations: { a: "y".repeat(5 * 1024 * 1024) } }));
    const resProto = await post(`${SVC}/GetVCluster`, bigProto, "application/proto");
    expect(resProto.status).toBe(429);
    const g = await rawGrpc(session, `${SVC}/GetVCluster`, grpcFrame(bigProto), { timeoutMs: 10_000 });
    expect(g.status).toBe(Code.ResourceExhausted);
  });

  it("bad compression and protocol headers → clear errors (and a decompression bomb is capped)", async () => {
    const body = JSON.stringify({ name: NAME });
    const cases: [string, string | Uint8Array, Record<string, string>, number, string][] = [
      ["gzip garbage", "not gzip at all", { "content-encoding": "gzip" }, 400, "invalid_argument"],
      ["br garbage", "zzzz", { "content-encoding": "br" }, 400, "invalid_argument"],
      ["unknown encoding", body, { "content-encoding": "zstd" }, 501, "unimplemented"],
      ["gzip bomb", gzipSync(Buffer.from(JSON.stringify({ name: "x".repeat(20 * 1024 * 1024) }))), { "content-encoding": "gzip" }, 429, "resource_exhausted"],
      ["garbage timeout", body, { "connect-timeout-ms": "soon" }, 400, "invalid_argument"],
    ];
    for (const [label, payload, headers, status, code] of cases) {
      const res = await post(`${SVC}/GetVCluster`, payload, "application/json", headers);
      expect(res.status, label).toBe(status);
      expect((await connectError(res)).code, label).toBe(code);
    }
    // A well-formed gzip request works.
    const ok = await post(`${SVC}/GetVCluster`, gzipSync(Buffer.from(body)), "application/json", { "content-encoding": "gzip" });
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { name: string }).name).toBe(NAME);
  });

  it("garbage on the socket (not HTTP, a broken HTTP/2 preface, a huge header) is answered or dropped, not fatal", async () => {
    const { port } = new URL(server.url);
    const raw = (bytes: string | Buffer) =>
      new Promise<string>((resolve) => {
        const socket = net.connect(Number(port), "127.0.0.1", () => socket.end(bytes));
        let got = "";
        socket.setEncoding("latin1");
        socket.on("data", (d: string) => (got += d));
        socket.on("error", () => resolve(got));
        socket.on("close", () => resolve(got));
        socket.setTimeout(5000, () => socket.destroy());
      });
    expect(await raw("GARBAGE\r\n\r\n")).toMatch(/^HTTP\/1\.1 400 /);
    expect(await raw(Buffer.from([0, 1, 2, 3, 255, 254, 13, 10, 13, 10]))).toMatch(/^HTTP\/1\.1 400 /);
    const h2junk = await raw("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n" + "\u0000".repeat(9) + "junk junk junk");
    const bigHeader = `POST ${SVC}/GetVCluster HTTP/1.1\r\nHost: x\r\nX-Big: ${"a".repeat(100_000)}\r\n\r\n`;
    // HTTP/2: the server's SETTINGS, then a GOAWAY frame (length 8, type 7).
    expect(h2junk).toContain("\u0000\u0000\u0008\u0007");
    expect(await raw(bigHeader)).toMatch(/^HTTP\/1\.1 431 /);
  });

  it("GET on a mutating RPC is refused; GET on a NO_SIDE_EFFECTS RPC works", async () => {
    const q = (message: unknown) => `?connect=v1&encoding=json&message=${encodeURIComponent(JSON.stringify(message))}`;
    const refused = await fetch(`${server.url}${SVC}/CreateVCluster${q({ parent: "projects/p", vclusterId: "by-get", vcluster: {} })}`);
    expect(refused.status).toBe(405);
    expect(refused.headers.get("allow")).toMatch(/POST/);
    const err = await connectError(refused);
    expect(err.message).toMatch(/GET/);
    for (const path of ["DeleteVCluster", "SuspendVCluster"]) {
      const r = await fetch(`${server.url}${SVC}/${path}${q({ name: NAME })}`);
      expect(r.status, path).toBe(405);
      await r.arrayBuffer();
    }
    // Nothing was created or changed by the refused GETs.
    const client = createClient(VClusterService, createConnectTransport({ baseUrl: server.url, httpVersion: "1.1" }));
    expect((await client.listVClusters({ parent: "projects/p" })).vclusters.map((v) => v.name)).toEqual([NAME]);

    const get = await fetch(`${server.url}${SVC}/GetVCluster${q({ name: NAME })}`);
    expect(get.status).toBe(200);
    expect(((await get.json()) as { name: string; labels: Record<string, string> }).labels).toEqual({ env: "dev" });
    const list = await fetch(`${server.url}${SVC}/ListVClusters${q({ parent: "projects/p", filter: 'labels.env = "dev"' })}`);
    expect(list.status).toBe(200);
    expect(((await list.json()) as { totalSize: number }).totalSize).toBe(1);
    const missing = await fetch(`${server.url}${SVC}/GetVCluster${q({ name: "projects/p/vclusters/nope" })}`);
    expect(missing.status).toBe(404);
    expect((await connectError(missing)).code).toBe("not_found");
    const badGet = await fetch(`${server.url}${SVC}/GetVCluster?connect=v1&encoding=json&message=%7Bnope`);
    expect(badGet.status).toBe(400);
    expect((await connectError(badGet)).code).toBe("invalid_argument");
  });
});
