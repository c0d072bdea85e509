/**
 * Runs in Chromium (bundled by esbuild for the browser, served from another
 * origin than the mock): the SDK over connect-web, Connect and gRPC-Web.
 * The mock's URL comes as `?mock=`; the results go to `window.__results`
 * (and, for a human, into the page).
 */
import { Code, ConnectError, createClient, type Client, type Transport } from "@connectrpc/connect";
import { createConnectTransport, createGrpcWebTransport } from "@connectrpc/connect-web";
import {
  OperationService,
  OperationState,
  VClusterService,
  VCluster_Phase,
  WatchVClustersResponse_EventType,
  type Operation,
  type VCluster,
} from "@open-vcluster/sdk";
import type { BrowserResults, ErrorResult, TransportResults, VClusterResult, WatchEventResult } from "./results.js";

const PARENT = "projects/browser";

function vclusterResult(v: VCluster | undefined): VClusterResult {
  return {
    name: v?.name ?? "",
    phase: VCluster_Phase[v?.status?.phase ?? VCluster_Phase.UNSPECIFIED] ?? "?",
    displayName: v?.displayName ?? "",
    labels: { ...(v?.labels ?? {}) },
    etag: v?.etag ?? "",
  };
}

function errorResult(err: unknown): ErrorResult {
  const e = ConnectError.from(err);
  return {
    code: Code[e.code] ?? String(e.code),
    codeNumber: e.code,
    rawMessage: e.rawMessage,
    message: e.message,
    detailTypes: e.details.map((d) => ("desc" in d ? d.desc.typeName : d.type)),
  };
}

function waitedResult(op: Operation): TransportResults["waited"] {
  const res = op.result.case === "response" ? op.result.value.resource : undefined;
  return {
    done: op.done,
    state: OperationState[op.metadata?.state ?? OperationState.UNSPECIFIED] ?? "?",
    resultCase: op.result.case ?? "",
    ...(res?.case === "vcluster" ? { vcluster: vclusterResult(res.value) } : {}),
  };
}

/** Create, wait, get, list (filtered), and one bad request, over one transport. */
async function exercise(transport: Transport, id: string, env: string): Promise<TransportResults> {
  const vclusters = createClient(VClusterService, transport);
  const operations = createClient(OperationService, transport);
  const op = await vclusters.createVCluster({
    parent: PARENT,
    vclusterId: id,
    vcluster: { displayName: `Browser ${id}`, labels: { env, transport: id } },
  });
  const created = { name: op.name, done: op.done, target: op.metadata?.target ?? "" };
  const waited = await operations.waitOperation({ name: op.name, timeout: { seconds: 30n } });
  const got = await vclusters.getVCluster({ name: `${PARENT}/vclusters/${id}` });
  const filter = `labels.env = "${env}"`;
  const list = await vclusters.listVClusters({ parent: PARENT, filter });
  let error: ErrorResult | null = null;
  try {
    await vclusters.createVCluster({ parent: PARENT, vclusterId: "Not_A_DNS_Label", vcluster: {} });
  } catch (err) {
    error = errorResult(err);
  }
  return {
    created,
    waited: waitedResult(waited),
    got: vclusterResult(got),
    list: { filter, names: list.vclusters.map((v) => v.name), totalSize: list.totalSize },
    error,
  };
}

/** Server streaming over fetch: ADDED + SYNCED, then a label update shows up as MODIFIED. */
async function watch(client: Client<typeof VClusterService>, name: string): Promise<NonNullable<BrowserResults["watch"]>> {
  const filter = `labels.env = "connect"`;
  const abort = new AbortController();
  const giveUp = setTimeout(() => abort.abort(new Error("no MODIFIED event within 20 s")), 20_000);
  const events: WatchEventResult[] = [];
  let update: { name: string; done: boolean } | undefined;
  let endCode = "none";
  try {
    for await (const res of client.watchVClusters({ parent: PARENT, filter }, { signal: abort.signal })) {
      const type = WatchVClustersResponse_EventType[res.type] ?? String(res.type);
      const v = vclusterResult(res.vcluster);
      events.push({ type, name: v.name, phase: v.phase, labels: v.labels, version: res.version });
      if (res.type === WatchVClustersResponse_EventType.SYNCED && update === undefined) {
        const op = await client.updateVCluster({
          vcluster: { name, labels: { env: "connect", transport: "connect", tier: "web" } },
          updateMask: { paths: ["labels"] },
        });
        update = { name: op.name, done: op.done };
      }
      if (res.type === WatchVClustersResponse_EventType.MODIFIED && v.labels["tier"] === "web") {
        abort.abort();
      }
    }
    endCode = "ended";
  } catch (err) {
    endCode = Code[ConnectError.from(err).code] ?? "?";
  } finally {
    clearTimeout(giveUp);
  }
  if (update === undefined) throw new Error(`watch ended (${endCode}) before SYNCED: ${JSON.stringify(events)}`);
  return { filter, events, update, endCode };
}

async function main(): Promise<BrowserResults> {
  const started = performance.now();
  const mockUrl = new URLSearchParams(location.search).get("mock");
  if (!mockUrl) throw new Error("no ?mock= in the page URL");
  const results: BrowserResults = {
    ok: false,
    userAgent: navigator.userAgent,
    origin: location.origin,
    mockUrl,
    elapsedMs: 0,
  };
  const connect = createConnectTransport({ baseUrl: mockUrl });
  const connectGet = createConnectTransport({ baseUrl: mockUrl, useHttpGet: true });
  const grpcWeb = createGrpcWebTransport({ baseUrl: mockUrl });

  results.connect = await exercise(connect, "connect", "connect");
  const name = results.connect.got.name;
  results.connectGet = vclusterResult(await createClient(VClusterService, connectGet).getVCluster({ name }));
  results.grpcWeb = await exercise(grpcWeb, "grpc-web", "grpc-web");
  results.watch = await watch(createClient(VClusterService, connect), name);
  results.ok = true;
  results.elapsedMs = Math.round(performance.now() - started);
  return results;
}

function publish(results: BrowserResults): void {
  const pre = document.createElement("pre");
  pre.id = "results";
  pre.textContent = JSON.stringify(results, null, 2);
  document.body.append(pre);
  window.__results = results;
}

main().then(publish, (err: unknown) => {
  publish({
    ok: false,
    failure: err instanceof Error ? `${err.name}: ${err.message}` : String(err),
    userAgent: navigator.userAgent,
    origin: location.origin,
    mockUrl: location.search,
    elapsedMs: 0,
  });
});
