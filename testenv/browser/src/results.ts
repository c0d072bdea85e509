/**
 * What src/app.ts leaves in `window.__results` for the Node side to check.
 * Plain JSON only (no bigints, no messages): it crosses page.evaluate().
 */
export interface ErrorResult {
  /** ConnectError code as a name, e.g. "InvalidArgument". */
  code: string;
  /** ConnectError code as a number (INVALID_ARGUMENT = 3). */
  codeNumber: number;
  /** The server's message, without Connect's "[invalid_argument] " prefix. */
  rawMessage: string;
  /** ConnectError.message, with the prefix. */
  message: string;
  /** Type names of the error details, as the client decoded them. */
  detailTypes: string[];
}

export interface WatchEventResult {
  /** EventType name: ADDED, MODIFIED, DELETED, SYNCED. */
  type: string;
  /** The vcluster's name; "" for SYNCED. */
  name: string;
  phase: string;
  labels: Record<string, string>;
  version: string;
}

export interface VClusterResult {
  name: string;
  phase: string;
  displayName: string;
  labels: Record<string, string>;
  etag: string;
}

export interface TransportResults {
  /** CreateVCluster's operation as first returned. */
  created: { name: string; done: boolean; target: string };
  /** WaitOperation on it. */
  waited: { done: boolean; state: string; resultCase: string; vcluster?: VClusterResult };
  got: VClusterResult;
  list: { filter: string; names: string[]; totalSize: number };
  error: ErrorResult | null;
}

export interface BrowserResults {
  ok: boolean;
  /** Set when the script itself failed (ok = false). */
  failure?: string;
  userAgent: string;
  origin: string;
  mockUrl: string;
  /** createConnectTransport (connect-web, the JSON default), unary over POST. */
  connect?: TransportResults;
  /** createConnectTransport with useHttpGet: GetVCluster as an HTTP GET. */
  connectGet?: VClusterResult;
  /** createGrpcWebTransport. */
  grpcWeb?: TransportResults;
  /** WatchVClusters over the Connect protocol (fetch, streaming response body). */
  watch?: {
    filter: string;
    events: WatchEventResult[];
    /** The UpdateVCluster (labels) made after SYNCED. */
    update: { name: string; done: boolean };
    /** How the stream ended once the test aborted it: the ConnectError code name. */
    endCode: string;
  };
  /** Milliseconds the whole script took in the page. */
  elapsedMs: number;
}

declare global {
  interface Window {
    __results?: BrowserResults;
  }
}
