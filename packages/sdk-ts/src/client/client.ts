/**
 * createOpenVClusterClient: one object with every RPC of the API, where
 * long-running methods return `LongRunningOperation<T>` (plus `...AndWait`), list methods
 * return pagers and the watch resumes itself. Built from the service
 * descriptors, so a new RPC appears without touching this file (only its
 * types, in operation-result.ts, when it is long-running).
 *
 * This module takes a transport or a transport factory and so imports no
 * HTTP stack: `@open-vcluster/sdk/node` and `@open-vcluster/sdk/web` add one.
 */
import { create, type DescMessage, type DescMethod, type DescMethodUnary, type DescService, type MessageInitShape } from "@bufbuild/protobuf";
import { createClient, type CallOptions, type Client, type Interceptor } from "@connectrpc/connect";
import { HostClusterService } from "../gen-lite/openvcluster/v1/host_cluster_pb.js";
import { OperationSchema, type Operation as OperationMessage } from "../gen-lite/openvcluster/v1/operation_pb.js";
import { OperationService } from "../gen-lite/openvcluster/v1/operation_service_pb.js";
import { ProjectService } from "../gen-lite/openvcluster/v1/project_service_pb.js";
import { SnapshotService } from "../gen-lite/openvcluster/v1/snapshot_service_pb.js";
import { VClusterService, type WatchVClustersRequestSchema, type WatchVClustersResponse } from "../gen-lite/openvcluster/v1/vcluster_service_pb.js";
import { headersInterceptor } from "./headers.js";
import { withInterceptors } from "./intercepted-transport.js";
import { LongRunningOperation, type WaitOptions } from "./operation.js";
import { responseTypeOf, type LongRunningMethods, type OperationResponseTypes, type ResultOf } from "./operation-result.js";
import { DEFAULT_TIMEOUT_MS, resolveApiKey, resolveEndpoint, type ClientOptions, type TransportFactory } from "./options.js";
import { createPager, isPaged, type ItemOf, type Pager } from "./pager.js";
import { retryInterceptor } from "./retry.js";
import { validationInterceptor } from "./validation.js";
import { resumableWatch, type WatchOptions } from "./watch.js";

const SERVICES = [VClusterService, SnapshotService, OperationService, ProjectService, HostClusterService] as const;

type Raw = Client<typeof VClusterService> &
  Client<typeof SnapshotService> &
  Client<typeof OperationService> &
  Client<typeof ProjectService> &
  Client<typeof HostClusterService>;

type LroName = keyof LongRunningMethods;
type RequestOf<K extends keyof Raw> = Parameters<Raw[K]>[0];
type ResponseOf<K extends keyof Raw> = Awaited<ReturnType<Raw[K]>>;
type PagedName = "listVClusters" | "listSnapshots" | "listOperations" | "listProjects" | "listHostClusters";

/** The high-level client. */
export type OpenVClusterClient = {
  [K in Exclude<keyof Raw, LroName | PagedName | "watchVClusters">]: Raw[K];
} & {
  [K in LroName]: (request: RequestOf<K>, options?: CallOptions) => Promise<LongRunningOperation<ResultOf<K>>>;
} & {
  [K in LroName as `${K}AndWait`]: (request: RequestOf<K>, options?: CallOptions & WaitOptions) => Promise<ResultOf<K>>;
} & {
  [K in PagedName]: (request: RequestOf<K>, options?: CallOptions) => Pager<ItemOf<ResponseOf<K>>, ResponseOf<K>>;
} & {
  watchVClusters(
    request: MessageInitShape<typeof WatchVClustersRequestSchema>,
    options?: WatchOptions,
  ): AsyncIterable<WatchVClustersResponse>;
  /**
   * An Operation for a name or message you already have (from ListOperations, another process...), to
   * wait on it. Without `responseType` its result is whatever resource the operation produced.
   */
  operation<T = unknown>(nameOrOperation: string | OperationMessage, responseType?: keyof OperationResponseTypes): LongRunningOperation<T>;
  /** The generated clients, on the same transport. */
  readonly raw: Raw;
};

export interface CoreClientOptions extends ClientOptions {
  /** How to reach `endpoint` when no `transport` is given. */
  transportFactory?: TransportFactory;
  /** Whether `user-agent` itself can be set (not in browsers). */
  setUserAgent?: boolean;
}

/** The SDK's interceptors, outermost first: identity, validation, the caller's, then retries around each attempt. */
function interceptorsFor(options: CoreClientOptions): Interceptor[] {
  return [
    headersInterceptor({ apiKey: resolveApiKey(options), setUserAgent: options.setUserAgent ?? false }),
    ...(options.validate ? [validationInterceptor(options.validate)] : []),
    ...(options.interceptors ?? []),
    ...(options.retry === false ? [] : [retryInterceptor(options.retry)]),
  ];
}

export function createCoreClient(options: CoreClientOptions): OpenVClusterClient {
  const base = options.transport ?? options.transportFactory?.(resolveEndpoint(options));
  if (base === undefined) throw new Error("createOpenVClusterClient: pass a transport, or import it from @open-vcluster/sdk/node or /web");
  const transport = withInterceptors(base, interceptorsFor(options), options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const operations = createClient(OperationService, transport);
  const raw = Object.assign({}, ...SERVICES.map((s) => createClient(s as DescService, transport))) as Raw;
  const rawCalls = raw as unknown as Record<string, RawCall | undefined>;
  const out: Record<string, unknown> = { raw };
  for (const service of SERVICES) {
    for (const method of (service as DescService).methods) {
      const call = rawCalls[method.localName];
      if (call !== undefined) Object.assign(out, wrap(method, call, raw, operations));
    }
  }
  out["operation"] = (op: string | OperationMessage, responseType?: keyof OperationResponseTypes) =>
    new LongRunningOperation(operations, typeof op === "string" ? create(OperationSchema, { name: op }) : op, responseType);
  return out as OpenVClusterClient;
}

type RawCall = (req: unknown, opts?: unknown) => Promise<unknown>;

/** The client's entries for one RPC: an Operation (and ...AndWait), a pager, the resumable watch, or the call itself. */
function wrap(method: DescMethod, call: RawCall, raw: Raw, operations: Client<typeof OperationService>): Record<string, unknown> {
  const name = method.localName;
  if (method === VClusterService.method.watchVClusters) {
    return { [name]: (req: MessageInitShape<typeof WatchVClustersRequestSchema>, opts?: WatchOptions) => resumableWatch(raw, req, opts) };
  }
  if (method.methodKind !== "unary") return { [name]: call };
  const unary = method as DescMethodUnary;
  const responseType = responseTypeOf(unary);
  if (responseType !== undefined) {
    const start = async (req: unknown, opts?: CallOptions) =>
      new LongRunningOperation(operations, (await call(req, opts)) as OperationMessage, responseType);
    const andWait = async (req: unknown, opts?: CallOptions & WaitOptions) => (await start(req, opts)).wait(opts);
    return { [name]: start, [`${name}AndWait`]: andWait };
  }
  if (isPaged(unary)) {
    return { [name]: (req: MessageInitShape<DescMessage>, opts?: CallOptions) => createPager(unary, call as never, req, opts) };
  }
  return { [name]: call };
}
