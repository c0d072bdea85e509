/**
 * Randomized bad input: thousands of mutated requests to a spawned ovc-mock,
 * over Connect JSON, Connect proto and gRPC. Every answer must be a
 * well-formed success or an error with a canonical code that is not
 * INTERNAL / UNKNOWN / DATA_LOSS, every call must finish within its deadline,
 * and afterwards the process must be alive and serving.
 *
 * Reproduce a failure with FUZZ_SEED=<seed printed below>; FUZZ_COUNT changes
 * the number of requests (default 3000).
 */
import * as http2 from "node:http2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClient } from "@connectrpc/connect";
import { createConnectTransport } from "@connectrpc/connect-node";
import {
  ScalarType,
  fromBinary,
  fromJson,
  toBinary,
  type DescField,
  type DescMessage,
  type DescMethod,
  type JsonValue,
} from "@bufbuild/protobuf";
import { OperationService, SnapshotService, VClusterService } from "@open-vcluster/sdk";
import { CONNECT_CODE_NAMES, FIXTURES, grpcFrame, prng, rawGrpc, spawnMock, type MockProcess } from "./fixtures/util.js";

const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Date.now() % 2 ** 31;
const COUNT = process.env.FUZZ_COUNT ? Number(process.env.FUZZ_COUNT) : 3000;
const CONCURRENCY = 8;
const DEADLINE_MS = 8000;
/** Codes a bad request must never produce: they mean a server bug. */
const FORBIDDEN = new Set([2, 13, 15]); // UNKNOWN, INTERNAL, DATA_LOSS

// Every API method. WatchVClusters never ends on its own: its calls carry a 300 ms deadline, so a
// valid one ends with DEADLINE_EXCEEDED after its events.
const METHODS: DescMethod[] = [VClusterService, SnapshotService, OperationService].flatMap((s) => s.methods);
const isStream = (m: DescMethod) => m.methodKind === "server_streaming";

/** Splits enveloped frames (Connect streaming, gRPC). */
function frames(buf: Buffer): { flags: number; data: Buffer }[] {
  const out: { flags: number; data: Buffer }[] = [];
  for (let at = 0; at + 5 <= buf.length; ) {
    const len = buf.readUInt32BE(at + 1);
    out.push({ flags: buf[at]!, data: buf.subarray(at + 5, at + 5 + len) });
    at += 5 + len;
  }
  return out;
}

type Rand = () => number;
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const chance = (r: Rand, p: number) => r() < p;

const NAMES = [
  "projects/demo",
  "projects/demo/vclusters/web",
  "projects/demo/vclusters/batch",
  "projects/demo/vclusters/broken",
  "projects/demo/vclusters/fuzz-new",
  "projects/demo/snapshots/web-nightly",
  "projects/demo/snapshots/web-failed",
  "projects/demo/operations/00000000-0000-4000-8000-000000000000",
  "projects/p",
  "web",
  "fuzz-new",
  "s3://bucket/key",
  "oci://registry.example.com/repo:tag",
  "8f14e45f-ceea-467f-a0e6-0f0e1f0b1f2a",
  "1.33.4",
  "0.36.1",
  "10.96.0.0/12",
  "256Mi",
  "display_name,labels",
  "*",
];
const FILTER_TOKENS = ["labels.env", "=", '"prod"', "AND", "OR", "NOT", "(", ")", "phase", "RUNNING", ":", "*", "create_time", ">", '"2026-01-01T00:00:00Z"', "-", "name", '"', "\\", ".", "labels", "done", "true", "verb", "desc", ","];

function randomString(r: Rand): string {
  switch (Math.floor(r() * 7)) {
    case 0:
      return pick(r, NAMES);
    case 1: {
      // A name with a mutation.
      const s = pick(r, NAMES);
      const at = Math.floor(r() * (s.length + 1));
      return s.slice(0, at) + String.fromCharCode(Math.floor(r() * 0x3000)) + s.slice(at + (chance(r, 0.5) ? 1 : 0));
    }
    case 2: {
      const n = Math.floor(r() * 40);
      let s = "";
      for (let i = 0; i < n; i++) s += String.fromCharCode(32 + Math.floor(r() * 95));
      return s;
    }
    case 3: {
      // Unicode soup: controls, combining marks, RTL, CJK, emoji, lone surrogates.
      const ranges: [number, number][] = [[0, 0x1f], [0x300, 0x36f], [0x200e, 0x202e], [0x4e00, 0x4fff], [0xd800, 0xdfff], [0xfff0, 0xffff]];
      const n = 1 + Math.floor(r() * 30);
      let s = "";
      for (let i = 0; i < n; i++) {
        if (chance(r, 0.2)) s += String.fromCodePoint(0x1f300 + Math.floor(r() * 0x300));
        else {
          const [lo, hi] = pick(r, ranges);
          s += String.fromCharCode(lo + Math.floor(r() * (hi - lo + 1)));
        }
      }
      return s;
    }
    case 4:
      // Huge.
      return pick(r, ["x", "é", "😀", "a-", "\u0000"]).repeat(1000 + Math.floor(r() * (chance(r, 0.1) ? 100_000 : 3000)));
    case 5: {
      const n = 1 + Math.floor(r() * 12);
      return Array.from({ length: n }, () => pick(r, FILTER_TOKENS)).join(chance(r, 0.8) ? " " : "");
    }
    default:
      return "";
  }
}

function randomNumber(r: Rand): number | string {
  return pick(r, [-1, 0, 1, 2, 7, 50, 1000, 2001, 2147483647, -2147483648, 2147483648, 4294967296, 1e20, -1e20, 3.5, Math.floor(r() * 1e6) - 5e5, "12", "-3", "NaN", "Infinity", "0x10"]);
}

function randomJson(r: Rand, depth = 0): JsonValue {
  switch (Math.floor(r() * (depth > 2 ? 4 : 6))) {
    case 0:
      return randomString(r);
    case 1: {
      const n = randomNumber(r);
      return typeof n === "number" ? n : n;
    }
    case 2:
      return chance(r, 0.5);
    case 3:
      return null;
    case 4:
      return Array.from({ length: Math.floor(r() * 4) }, () => randomJson(r, depth + 1));
    default: {
      const o: Record<string, JsonValue> = {};
      for (let i = Math.floor(r() * 4); i > 0; i--) o[chance(r, 0.5) ? randomString(r).slice(0, 20) : pick(r, ["name", "parent", "labels", "vcluster", "pageSize"])] = randomJson(r, depth + 1);
      return o;
    }
  }
}

function scalarJson(r: Rand, type: ScalarType): JsonValue {
  if (chance(r, 0.08)) return randomJson(r); // wrong type now and then
  switch (type) {
    case ScalarType.STRING:
      return randomString(r);
    case ScalarType.BYTES:
      return chance(r, 0.7) ? Buffer.from(randomString(r).slice(0, 100)).toString("base64") : randomString(r);
    case ScalarType.BOOL:
      return chance(r, 0.5);
    case ScalarType.DOUBLE:
    case ScalarType.FLOAT:
      return randomNumber(r);
    default:
      return randomNumber(r);
  }
}

function wktJson(r: Rand, typeName: string): JsonValue | undefined {
  switch (typeName) {
    case "google.protobuf.Timestamp":
      return pick(r, ["2026-01-01T00:00:00Z", "1970-01-01T00:00:00.000000001Z", "9999-12-31T23:59:59Z", "0001-01-01T00:00:00Z", "yesterday", randomString(r)]);
    case "google.protobuf.Duration":
      return pick(r, ["0s", "1s", "0.5s", "600s", "601s", "-5s", "315576000000s", "1e3s", randomString(r)]);
    case "google.protobuf.FieldMask":
      return pick(r, ["labels", "displayName,labels", "spec.controlPlane.replicas", "*", "spec", "nope", randomString(r)]);
    default:
      return undefined;
  }
}

function fieldJson(r: Rand, field: DescField, depth: number): JsonValue {
  switch (field.fieldKind) {
    case "scalar":
      return scalarJson(r, field.scalar);
    case "enum":
      return chance(r, 0.7) ? pick(r, field.enum.values).name : (randomNumber(r) as JsonValue);
    case "message":
      return messageJson(r, field.message, depth + 1);
    case "list":
      return Array.from({ length: Math.floor(r() * 4) }, () =>
        field.listKind === "scalar" ? scalarJson(r, field.scalar) : field.listKind === "enum" ? pick(r, field.enum.values).name : messageJson(r, field.message, depth + 1),
      );
    case "map": {
      const o: Record<string, JsonValue> = {};
      for (let i = Math.floor(r() * (chance(r, 0.05) ? 80 : 4)); i > 0; i--) {
        const key = chance(r, 0.5) ? pick(r, ["env", "team", "example.com/owner", "pods", "nodes", "a"]) + (chance(r, 0.3) ? String(i) : "") : randomString(r).slice(0, 400);
        o[key] = field.mapKind === "scalar" ? scalarJson(r, field.scalar) : field.mapKind === "enum" ? pick(r, field.enum.values).name : messageJson(r, field.message, depth + 1);
      }
      return o;
    }
  }
}

function messageJson(r: Rand, desc: DescMessage, depth = 0): JsonValue {
  const wkt = wktJson(r, desc.typeName);
  if (wkt !== undefined) return wkt;
  const o: Record<string, JsonValue> = {};
  if (depth > 3) return o;
  for (const field of desc.fields) {
    if (chance(r, 0.45)) continue;
    o[chance(r, 0.9) ? field.jsonName : field.name] = fieldJson(r, field, depth);
  }
  if (chance(r, 0.05)) o[randomString(r).slice(0, 20) || "unknownField"] = randomJson(r);
  return o;
}

const VC = "projects/demo/vclusters";
/** A valid request per method, so mutations of it reach past validation into the handlers. */
function template(r: Rand, method: DescMethod, i: number): Record<string, JsonValue> {
  const vc = `${VC}/${pick(r, ["web", "batch", "broken", `fz-${i % 50}`])}`;
  const op = `projects/demo/operations/${pick(r, ["x", "00000000-0000-4000-8000-000000000000"])}`;
  const t: Record<string, Record<string, JsonValue>> = {
    CreateVCluster: {
      parent: "projects/demo",
      vclusterId: `fz-${i % 50}`,
      vcluster: { labels: { env: "dev" }, spec: { controlPlane: { replicas: 1 }, kubernetesVersion: "1.33" } },
      validateOnly: chance(r, 0.2),
      ...(chance(r, 0.3) ? { sourceSnapshot: "projects/demo/snapshots/web-nightly" } : {}),
    },
    GetVCluster: { name: vc },
    ListVClusters: { parent: "projects/demo", pageSize: 5, filter: 'labels.env = "prod" OR phase = SUSPENDED', orderBy: "create_time desc" },
    // Without a mask half the time: the implied mask (AIP-134).
    UpdateVCluster: {
      vcluster: { name: vc, labels: { env: "x" }, displayName: "Fuzz", deletionProtection: chance(r, 0.2), spec: { persistence: { size: "10Gi" } } },
      ...(chance(r, 0.5) ? { updateMask: pick(r, ["labels", "displayName", "deletionProtection", "spec", "*", "spec.persistence.size"]) } : {}),
      validateOnly: chance(r, 0.2),
    },
    DeleteVCluster: { name: vc, force: chance(r, 0.5), validateOnly: chance(r, 0.2) },
    ScaleVCluster: { name: vc, replicas: 1 + Math.floor(r() * 3), validateOnly: chance(r, 0.2) },
    SuspendVCluster: { name: vc, validateOnly: chance(r, 0.2) },
    ResumeVCluster: { name: vc, validateOnly: chance(r, 0.2) },
    SnapshotVCluster: {
      name: vc,
      storage: pick<JsonValue>(r, [{ s3: { bucket: "bucket", key: "key" } }, { container: { path: "/data/snap" } }]),
      snapshotId: `fz-${i % 50}`,
      ttl: "3600s",
      validateOnly: chance(r, 0.2),
    },
    RestoreVCluster: { snapshot: "projects/demo/snapshots/web-nightly", name: vc, validateOnly: chance(r, 0.2) },
    GenerateVClusterKubeconfig: { name: vc, endpoint: pick(r, ["ENDPOINT_UNSPECIFIED", "ENDPOINT_INGRESS"]), tokenTtl: "3600s" },
    GetSnapshot: { name: "projects/demo/snapshots/web-nightly" },
    ListSnapshots: { parent: "projects/demo", filter: "phase = SUCCEEDED", pageSize: 2 },
    DeleteSnapshot: { name: `projects/demo/snapshots/${pick(r, ["web-failed", `fz-${i % 50}`])}` },
    GetOperation: { name: op },
    ListOperations: { parent: "projects/demo", filter: "done = true", pageSize: 3 },
    WaitOperation: { name: op, timeout: "1s" },
    CancelOperation: { name: op },
    WatchVClusters: { parent: "projects/demo", filter: 'labels.env = "prod"', resumeVersion: pick(r, ["", "0", "1", "5"]) },
  };
  return { ...(t[method.name] ?? {}) };
}

/** A template with one field replaced by a random value (or removed), or a random message. */
function requestJson(r: Rand, method: DescMethod, i: number): JsonValue {
  if (chance(r, 0.3)) return messageJson(r, method.input);
  const req = template(r, method, i);
  if (chance(r, 0.25)) return req;
  const field = pick(r, method.input.fields);
  if (chance(r, 0.15)) delete req[field.jsonName];
  else req[field.jsonName] = fieldJson(r, field, 0);
  return req;
}

function randomBytes(r: Rand, max = 64): Uint8Array {
  return Uint8Array.from({ length: Math.floor(r() * max) }, () => Math.floor(r() * 256));
}

/** A protobuf body: a random message that encodes, often mutated; or plain random bytes. */
function protoBody(r: Rand, method: DescMethod, i: number): Uint8Array {
  if (chance(r, 0.2)) return randomBytes(r, chance(r, 0.1) ? 4096 : 64);
  let bytes: Uint8Array;
  try {
    bytes = toBinary(method.input, fromJson(method.input, requestJson(r, method, i), { ignoreUnknownFields: true }));
  } catch {
    return randomBytes(r);
  }
  if (chance(r, 0.5)) return bytes;
  const out = Uint8Array.from(bytes);
  switch (Math.floor(r() * 3)) {
    case 0:
      for (let i = 0; i < 1 + r() * 3 && out.length > 0; i++) out[Math.floor(r() * out.length)] = Math.floor(r() * 256);
      return out;
    case 1:
      return out.subarray(0, Math.floor(r() * out.length));
    default:
      return Uint8Array.from([...out, ...randomBytes(r, 16)]);
  }
}

describe("fuzz: randomized requests to ovc-mock", () => {
  let proc: MockProcess;
  let url: string;
  let session: http2.ClientHttp2Session;
  const h2 = () => {
    if (!session || session.closed || session.destroyed) {
      session = http2.connect(url);
      session.on("error", () => {});
    }
    return session;
  };
  beforeAll(async () => {
    proc = await spawnMock(["--port", "0", "--seed", `${FIXTURES}seed.yaml`]);
    url = await proc.ready;
  }, 20_000);
  afterAll(async () => {
    session?.close();
    if (proc.child.exitCode === null) {
      proc.child.kill("SIGTERM");
      await proc.exited;
    }
  });

  it(`answers ${COUNT} mutated requests with well-formed results or canonical errors`, async () => {
    console.log(`fuzz seed: ${SEED} (FUZZ_SEED=${SEED} reproduces this run)`);
    const r = prng(SEED);
    // Draw every request up front so the sequence depends on the seed alone, not on timing.
    const requests = Array.from({ length: COUNT }, (_, i) => {
      const method = pick(r, METHODS);
      const protocol = pick(r, ["connect-json", "connect-json", "connect-proto", "grpc"] as const);
      let body: string | Uint8Array;
      if (protocol === "connect-json") {
        body = chance(r, 0.1) ? pick(r, [Buffer.from(randomBytes(r)).toString("latin1"), JSON.stringify(randomJson(r)).slice(0, Math.floor(r() * 60))]) : JSON.stringify(chance(r, 0.1) ? randomJson(r) : requestJson(r, method, i));
      } else {
        body = protoBody(r, method, i);
      }
      return { i, method, protocol, body };
    });

    const failures: string[] = [];
    const codes = new Map<string, number>();
    const count = (k: string) => codes.set(k, (codes.get(k) ?? 0) + 1);
    const describeReq = (q: (typeof requests)[number]) =>
      `#${q.i} ${q.protocol} ${q.method.parent.name}/${q.method.name} body=${typeof q.body === "string" ? JSON.stringify(q.body.slice(0, 160)) : Buffer.from(q.body.subarray(0, 80)).toString("hex")}`;

    async function send(q: (typeof requests)[number]): Promise<void> {
      const path = `/${q.method.parent.typeName}/${q.method.name}`;
      try {
        if (isStream(q.method) && q.protocol !== "grpc") {
          const json = q.protocol === "connect-json";
          const body = json ? Buffer.from(q.body as string) : Buffer.from(q.body as Uint8Array);
          const res = await fetch(`${url}${path}`, {
            method: "POST",
            headers: { "content-type": json ? "application/connect+json" : "application/connect+proto", "connect-protocol-version": "1", "connect-timeout-ms": "300" },
            body: grpcFrame(body),
            signal: AbortSignal.timeout(DEADLINE_MS),
          });
          const bytes = Buffer.from(await res.arrayBuffer());
          if (res.status !== 200) {
            const err = JSON.parse(bytes.toString("utf8")) as { code?: string };
            count(`stream ${err.code}`);
            const code = err.code === undefined ? undefined : CONNECT_CODE_NAMES[err.code];
            if (code === undefined || FORBIDDEN.has(code)) failures.push(`${describeReq(q)}: HTTP ${res.status} ${bytes.toString("utf8").slice(0, 300)}`);
            return;
          }
          const all = frames(bytes);
          const end = all.find((f) => (f.flags & 0x02) !== 0);
          if (!end) return void failures.push(`${describeReq(q)}: stream without an end-of-stream frame`);
          for (const f of all.filter((x) => x !== end)) {
            if (json) fromJson(q.method.output, JSON.parse(f.data.toString("utf8")) as JsonValue);
            else fromBinary(q.method.output, f.data);
          }
          const err = (JSON.parse(end.data.toString("utf8")) as { error?: { code?: string } }).error;
          count(`stream ${err?.code ?? "ok"}`);
          const code = err?.code === undefined ? (err ? undefined : 0) : CONNECT_CODE_NAMES[err.code];
          if (code === undefined || FORBIDDEN.has(code)) failures.push(`${describeReq(q)}: end-of-stream ${end.data.toString("utf8").slice(0, 300)}`);
          return;
        }
        if (q.protocol === "grpc") {
          const deadline = isStream(q.method) ? "300m" : "5S";
          const res = await rawGrpc(h2(), path, grpcFrame(q.body as Uint8Array), { timeoutMs: DEADLINE_MS, headers: { "grpc-timeout": deadline } });
          if (res.status === undefined) return void failures.push(`${describeReq(q)}: no grpc-status (HTTP ${res.httpStatus})`);
          count(`grpc ${res.status}`);
          if (res.status < 0 || res.status > 16 || FORBIDDEN.has(res.status)) return void failures.push(`${describeReq(q)}: grpc-status ${res.status} ${res.message}`);
          for (const f of frames(res.body)) fromBinary(q.method.output, f.data);
          if (res.status === 0 && frames(res.body).length !== 1) failures.push(`${describeReq(q)}: OK without exactly one message`);
          return;
        }
        const json = q.protocol === "connect-json";
        const res = await fetch(`${url}${path}`, {
          method: "POST",
          headers: { "content-type": json ? "application/json" : "application/proto", "connect-protocol-version": "1", "connect-timeout-ms": "5000" },
          body: q.body,
          signal: AbortSignal.timeout(DEADLINE_MS),
        });
        const bytes = new Uint8Array(await res.arrayBuffer());
        if (res.status === 200) {
          count("connect ok");
          if (json) fromJson(q.method.output, JSON.parse(Buffer.from(bytes).toString("utf8")) as JsonValue);
          else fromBinary(q.method.output, bytes);
          return;
        }
        const err = JSON.parse(Buffer.from(bytes).toString("utf8")) as { code?: string; message?: string };
        const code = err.code === undefined ? undefined : CONNECT_CODE_NAMES[err.code];
        count(`connect ${err.code}`);
        if (code === undefined || FORBIDDEN.has(code) || typeof err.message !== "string") {
          failures.push(`${describeReq(q)}: HTTP ${res.status} ${JSON.stringify(err).slice(0, 300)}`);
        }
      } catch (e) {
        failures.push(`${describeReq(q)}: ${(e as Error).name}: ${(e as Error).message}`);
      }
    }

    const started = Date.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < requests.length) await send(requests[next++]!);
      }),
    );
    console.log(`fuzz: ${COUNT} requests in ${Date.now() - started} ms; answers: ${JSON.stringify(Object.fromEntries([...codes].sort()))}`);
    expect(failures.slice(0, 15), `${failures.length} bad answers (seed ${SEED})`).toEqual([]);

    // Still alive and serving a normal request, with nothing logged as a server failure.
    expect(proc.child.exitCode).toBeNull();
    const client = createClient(VClusterService, createConnectTransport({ baseUrl: url, httpVersion: "1.1" }));
    const list = await client.listVClusters({ parent: "projects/demo", pageSize: 1000 });
    expect(list.vclusters.some((v) => v.name === "projects/demo/vclusters/batch" || v.name.startsWith("projects/demo/"))).toBe(true);
    const ok = await rawGrpc(h2(), "/grpc.health.v1.Health/Check", grpcFrame(new Uint8Array()));
    expect(ok.status).toBe(0);
    expect(proc.stderr()).not.toMatch(/failed/);
    expect(proc.stdout()).toMatch(/^ovc-mock listening on http:\/\/127\.0\.0\.1:\d+\n$/);
  }, 60_000);
});
