/**
 * The high-level client against a real ovc-mock, over HTTP and in-process:
 * operations, pagers, retries, validation, auth and the user agent.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  Code,
  ClientValidationError,
  OperationFailedError,
  OperationState,
  OperationVerb,
  SDK_USER_AGENT,
  VCluster_Phase,
  isCode,
  violationsOf,
  type OperationMetadata,
} from "../src/index.js";
import { validate } from "../src/validate.js";
import { BACKENDS, type Backend } from "./helpers/backends.js";

const PARENT = "projects/sdk";
const CREATE = "openvcluster.v1.VClusterService/CreateVCluster";

describe.each(BACKENDS)("client on %s", { timeout: 60_000 }, (_name, start) => {
  let backend: Backend;
  beforeAll(async () => {
    backend = await start();
  }, 60_000);
  afterAll(() => backend.close());
  beforeEach(async () => {
    await backend.control.reset({});
  });

  describe("operations", () => {
    it("createVClusterAndWait returns the RUNNING VCluster", async () => {
      const vc = await backend.client().createVClusterAndWait({ parent: PARENT, vclusterId: "dev", vcluster: {} });
      expect(vc.$typeName).toBe("openvcluster.v1.VCluster");
      expect(vc.name).toBe(`${PARENT}/vclusters/dev`);
      expect(vc.status?.phase).toBe(VCluster_Phase.RUNNING);
    });

    it("wait() resolves a snapshot to a Snapshot and a delete to undefined", async () => {
      const client = backend.client();
      await client.createVClusterAndWait({ parent: PARENT, vclusterId: "dev", vcluster: {} });
      const snap = await client.snapshotVClusterAndWait({
        name: `${PARENT}/vclusters/dev`,
        snapshotId: "snap",
        storage: { kind: { case: "s3", value: { bucket: "snapshots", key: "dev.tar.gz" } } },
      });
      expect(snap.$typeName).toBe("openvcluster.v1.Snapshot");
      const del = await client.deleteVCluster({ name: `${PARENT}/vclusters/dev` });
      expect(await del.wait()).toBeUndefined();
      expect(del.done).toBe(true);
    });

    it("wait() throws OperationFailedError with the operation's code and message", async () => {
      await backend.control.failNextStep({ verb: OperationVerb.CREATE, message: "chart install failed", code: Code.ResourceExhausted });
      const op = await backend.client().createVCluster({ parent: PARENT, vclusterId: "dev", vcluster: {} });
      const err: unknown = await op.wait().catch((e: unknown) => e);
      expect(err).toBeInstanceOf(OperationFailedError);
      expect(isCode(err, Code.ResourceExhausted)).toBe(true);
      expect((err as OperationFailedError).rawMessage).toContain("chart install failed");
      expect((err as OperationFailedError).operation.metadata?.state).toBe(OperationState.FAILED);
      expect(() => op.result()).toThrow(OperationFailedError);
    });

    it("wait() keeps waiting past WaitOperation's server-side timeout and reports progress", async () => {
      await backend.control.freezeClock({});
      await backend.control.setLatency({ latency: { seconds: 30n } });
      const op = await backend.client().createVCluster({ parent: PARENT, vclusterId: "slow", vcluster: {} });
      const seen: OperationMetadata[] = [];
      const waiting = op.wait({ onProgress: (m) => seen.push(m) });
      // Let more than one 1 s WaitOperation slice return not-done before the clock moves.
      await expect.poll(() => seen.length, { timeout: 20_000 }).toBeGreaterThanOrEqual(1);
      await new Promise((r) => setTimeout(r, 1_500));
      expect(op.done).toBe(false);
      for (let i = 0; i < 10 && !op.done; i++) await backend.control.advanceClock({ duration: { seconds: 30n } });
      const vc = await waiting;
      expect(vc.status?.phase).toBe(VCluster_Phase.RUNNING);
      expect(seen.at(-1)?.state).toBe(OperationState.SUCCEEDED);
      expect(seen.length).toBeGreaterThanOrEqual(2);
      // More than one WaitOperation: the first ones returned not-done when their server-side timeout passed.
      const waits = await backend.control.listRecordedRequests({ method: "openvcluster.v1.OperationService/WaitOperation" });
      expect(waits.requests.length).toBeGreaterThanOrEqual(2);
    });

    it("wait() rejects with CANCELED on abort and DEADLINE_EXCEEDED after timeoutMs", async () => {
      await backend.control.freezeClock({});
      await backend.control.setLatency({ latency: { seconds: 30n } });
      const op = await backend.client().createVCluster({ parent: PARENT, vclusterId: "slow", vcluster: {} });
      const controller = new AbortController();
      const aborted = op.wait({ signal: controller.signal });
      setTimeout(() => controller.abort(), 200);
      await expect(aborted).rejects.toMatchObject({ code: Code.Canceled });
      await expect(op.wait({ timeoutMs: 300 })).rejects.toMatchObject({ code: Code.DeadlineExceeded });
    });

    it("operation(name) waits on an operation found by name; an unknown one is NOT_FOUND", async () => {
      const client = backend.client();
      const op = await client.createVCluster({ parent: PARENT, vclusterId: "dev", vcluster: {} });
      const again = client.operation(op.name, "openvcluster.v1.VCluster");
      expect(await again.wait()).toMatchObject({ name: `${PARENT}/vclusters/dev` });
      await expect(client.operation(`${PARENT}/operations/nope`).wait()).rejects.toMatchObject({ code: Code.NotFound });
    });
  });

  describe("pagers", () => {
    it("iterates every item of every page, and pages() one response at a time", async () => {
      const client = backend.client();
      for (const id of ["c", "a", "e", "b", "d"]) await client.createVCluster({ parent: PARENT, vclusterId: id, vcluster: {} });
      const names: string[] = [];
      for await (const vc of client.listVClusters({ parent: PARENT, pageSize: 2 })) names.push(vc.name);
      expect(names).toEqual(["a", "b", "c", "d", "e"].map((id) => `${PARENT}/vclusters/${id}`));
      const sizes: number[] = [];
      for await (const page of client.listVClusters({ parent: PARENT, pageSize: 2 }).pages()) sizes.push(page.vclusters.length);
      expect(sizes).toEqual([2, 2, 1]);
      const recorded = await backend.control.listRecordedRequests({ method: "openvcluster.v1.VClusterService/ListVClusters" });
      expect(recorded.requests).toHaveLength(6);
      expect((await client.listOperations({ parent: PARENT, pageSize: 1 }).all()).length).toBe(5);
    });
  });

  describe("retries", () => {
    it("retries UNAVAILABLE on a create with one filled request_id and gets one operation", async () => {
      await backend.control.injectFault({ fault: { method: CREATE, code: Code.Unavailable, times: 2 } });
      const op = await backend.client().createVCluster({ parent: PARENT, vclusterId: "dev", vcluster: {} });
      const recorded = (await backend.control.listRecordedRequests({ method: CREATE })).requests;
      expect(recorded.map((r) => r.code)).toEqual([Code.Unavailable, Code.Unavailable, 0]);
      const ids = recorded.map((r) => (JSON.parse(r.requestJson) as { requestId?: string }).requestId);
      expect(ids[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(new Set(ids).size).toBe(1);
      expect(op.metadata?.requestId).toBe(ids[0]);
      const ops = await backend.client().listOperations({ parent: PARENT }).all();
      expect(ops.map((o) => o.name)).toEqual([op.name]);
    });

    it("a retry of a create that went through returns the same operation", async () => {
      const client = backend.client();
      const requestId = "0d9c7a52-6a51-4d7c-8d0e-1f2a3b4c5d6e";
      const first = await client.createVCluster({ parent: PARENT, vclusterId: "dev", vcluster: {}, requestId });
      const second = await client.createVCluster({ parent: PARENT, vclusterId: "dev", vcluster: {}, requestId });
      expect(second.name).toBe(first.name);
    });

    it("retries a read on UNAVAILABLE, and gives up after maxAttempts", async () => {
      const client = backend.client({ retry: { ...{ initialBackoffMs: 1, maxBackoffMs: 5 }, maxAttempts: 3 } });
      await client.createVClusterAndWait({ parent: PARENT, vclusterId: "dev", vcluster: {} });
      const GET = "openvcluster.v1.VClusterService/GetVCluster";
      await backend.control.injectFault({ fault: { method: GET, code: Code.Unavailable, times: 2 } });
      expect((await client.getVCluster({ name: `${PARENT}/vclusters/dev` })).name).toBe(`${PARENT}/vclusters/dev`);
      await backend.control.injectFault({ fault: { method: GET, code: Code.Unavailable, times: 3 } });
      await expect(client.getVCluster({ name: `${PARENT}/vclusters/dev` })).rejects.toMatchObject({ code: Code.Unavailable });
    });

    it("retries DEADLINE_EXCEEDED on a read, not on a mutation", async () => {
      const client = backend.client();
      await client.createVClusterAndWait({ parent: PARENT, vclusterId: "dev", vcluster: {} });
      const GET = "openvcluster.v1.VClusterService/GetVCluster";
      await backend.control.injectFault({ fault: { method: GET, code: Code.DeadlineExceeded, times: 1 } });
      expect((await client.getVCluster({ name: `${PARENT}/vclusters/dev` })).name).toBe(`${PARENT}/vclusters/dev`);
      await backend.control.injectFault({ fault: { method: CREATE, code: Code.DeadlineExceeded, times: 1 } });
      await expect(client.createVCluster({ parent: PARENT, vclusterId: "two", vcluster: {} })).rejects.toMatchObject({
        code: Code.DeadlineExceeded,
      });
      const creates = (await backend.control.listRecordedRequests({ method: CREATE })).requests;
      expect(creates.map((r) => r.code)).toEqual([0, Code.DeadlineExceeded]);
    });

    it("does not retry with retry: false, nor other codes", async () => {
      await backend.control.injectFault({ fault: { method: CREATE, code: Code.Unavailable, times: 1 } });
      await expect(
        backend.client({ retry: false }).createVCluster({ parent: PARENT, vclusterId: "dev", vcluster: {} }),
      ).rejects.toMatchObject({ code: Code.Unavailable });
      await backend.control.injectFault({ fault: { method: CREATE, code: Code.ResourceExhausted, times: 1 } });
      await expect(backend.client().createVCluster({ parent: PARENT, vclusterId: "dev", vcluster: {} })).rejects.toMatchObject({
        code: Code.ResourceExhausted,
      });
      expect((await backend.control.listRecordedRequests({ method: CREATE })).requests).toHaveLength(2);
    });
  });

  describe("errors and validation", () => {
    it("violationsOf gives the server's field path and rule", async () => {
      const err: unknown = await backend
        .client()
        .createVCluster({ parent: PARENT, vclusterId: "Bad_Id", vcluster: {} })
        .catch((e: unknown) => e);
      expect(isCode(err, Code.InvalidArgument)).toBe(true);
      expect(violationsOf(err)).toEqual(
        expect.arrayContaining([expect.objectContaining({ field: "vcluster_id", rule: "string.pattern" })]),
      );
      expect(isCode(err, Code.NotFound)).toBe(false);
      expect(violationsOf(new Error("x"))).toEqual([]);
    });

    it("validate refuses a bad request before sending it", async () => {
      const err: unknown = await backend
        .client({ validate })
        .createVCluster({ parent: PARENT, vclusterId: "Bad_Id", vcluster: {} })
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ClientValidationError);
      expect(violationsOf(err).map((v) => [v.field, v.rule])).toEqual([["vcluster_id", "string.pattern"]]);
      expect((await backend.control.listRecordedRequests({ method: CREATE })).requests).toHaveLength(0);
    });
  });

  describe("identity", () => {
    it("sends Authorization: Bearer and the SDK user agent", async () => {
      await backend.client({ apiKey: "k-123" }).listVClusters({ parent: PARENT }).all();
      const [req] = (await backend.control.listRecordedRequests({})).requests;
      expect(req?.headers["authorization"]).toBe("Bearer k-123");
      expect(req?.headers["x-user-agent"]).toBe(SDK_USER_AGENT);
    });

    it("takes the API key from OVC_API_KEY", async () => {
      process.env["OVC_API_KEY"] = "from-env";
      try {
        await backend.client().listVClusters({ parent: PARENT }).all();
      } finally {
        delete process.env["OVC_API_KEY"];
      }
      const [req] = (await backend.control.listRecordedRequests({})).requests;
      expect(req?.headers["authorization"]).toBe("Bearer from-env");
    });
  });
});
