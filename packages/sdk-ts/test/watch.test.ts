/**
 * The resumable watch: it reconnects from the last version after a real
 * disconnect (a cut TCP connection), turns OUT_OF_RANGE into
 * WatchExpiredError, and ends without an error on abort.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createClient } from "@connectrpc/connect";
import { createConnectTransport } from "@connectrpc/connect-node";
import { MockControlService } from "../src/mock.js";
import {
  Code,
  VCluster_Phase,
  WatchExpiredError,
  WatchVClustersResponse_EventType as EventType,
  createOpenVClusterClient as createOnTransport,
  isCode,
  type WatchVClustersResponse,
} from "../src/index.js";
import { createOpenVClusterClient } from "../src/node.js";
import { createMockTransport } from "./helpers/in-process.js";
import { startMockProcess, type ServerProcess } from "./helpers/mock-process.js";
import { startTcpProxy, type TcpProxy } from "./helpers/tcp-proxy.js";

const PARENT = "projects/watch";
const WATCH = "openvcluster.v1.VClusterService/WatchVClusters";
const summary = (e: WatchVClustersResponse) => `${EventType[e.type]} ${e.vcluster?.name.split("/").pop() ?? ""}`.trim();

describe("watch over HTTP", { timeout: 60_000 }, () => {
  let proc: ServerProcess;
  let proxy: TcpProxy;
  beforeAll(async () => {
    proc = await startMockProcess();
    proxy = await startTcpProxy(proc.url);
  }, 60_000);
  afterAll(async () => {
    await proxy.close();
    await proc.stop();
  });
  const control = () => createClient(MockControlService, createConnectTransport({ baseUrl: proc.url, httpVersion: "1.1" }));
  beforeEach(async () => {
    await control().reset({});
  });

  it("resumes from the last version after the connection is cut: no change missed or repeated", async () => {
    const direct = createOpenVClusterClient({ endpoint: proc.url });
    await direct.createVClusterAndWait({ parent: PARENT, vclusterId: "a", vcluster: {} });
    const watcher = createOpenVClusterClient({ endpoint: proxy.url });
    const controller = new AbortController();
    const seen: string[] = [];
    for await (const event of watcher.watchVClusters({ parent: PARENT }, { signal: controller.signal, initialBackoffMs: 10 })) {
      seen.push(summary(event));
      if (event.type === EventType.SYNCED) {
        proxy.cut();
        await direct.createVClusterAndWait({ parent: PARENT, vclusterId: "b", vcluster: {} });
      }
      if (event.vcluster?.name === `${PARENT}/vclusters/b` && event.vcluster.status?.phase === VCluster_Phase.RUNNING) controller.abort();
      if (seen.length > 20) break;
    }
    expect(seen.slice(0, 3)).toEqual(["ADDED a", "SYNCED", "ADDED b"]);
    expect(seen.filter((s) => s.endsWith(" a"))).toEqual(["ADDED a"]);
    const watches = (await control().listRecordedRequests({ method: WATCH })).requests;
    expect(watches.length).toBeGreaterThanOrEqual(2);
    expect(watches[1]?.requestJson).toMatch(/"resumeVersion":"\d+"/);
  });

  it("ends cleanly when the signal is aborted while waiting for events", async () => {
    const client = createOpenVClusterClient({ endpoint: proc.url });
    const controller = new AbortController();
    const seen: string[] = [];
    setTimeout(() => controller.abort(), 300);
    for await (const event of client.watchVClusters({ parent: PARENT }, { signal: controller.signal })) seen.push(summary(event));
    expect(seen).toEqual(["SYNCED"]);
  });

  it("throws other errors as they are (a bad resume version is INVALID_ARGUMENT)", async () => {
    const client = createOpenVClusterClient({ endpoint: proc.url });
    const iterate = async () => {
      for await (const _ of client.watchVClusters({ parent: PARENT, resumeVersion: "not-a-version" })) break;
    };
    await expect(iterate()).rejects.toMatchObject({ code: Code.InvalidArgument });
  });
});

describe("watch in-process", { timeout: 60_000 }, () => {
  it("surfaces a resume version older than the retained log as WatchExpiredError", async () => {
    const mock = createMockTransport({ coreOptions: { watchRetention: 2 } });
    try {
      const client = createOnTransport({ transport: mock });
      const first = await client.listVClusters({ parent: PARENT }).pages()[Symbol.asyncIterator]().next();
      const version = first.done ? "" : first.value.version;
      for (const id of ["a", "b", "c"]) await client.createVClusterAndWait({ parent: PARENT, vclusterId: id, vcluster: {} });
      const err: unknown = await (async () => {
        for await (const _ of client.watchVClusters({ parent: PARENT, resumeVersion: version })) break;
      })().catch((e: unknown) => e);
      expect(err).toBeInstanceOf(WatchExpiredError);
      expect(isCode(err, Code.OutOfRange)).toBe(true);
    } finally {
      await mock.close();
    }
  });
});
