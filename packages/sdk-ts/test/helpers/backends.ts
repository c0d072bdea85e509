/**
 * The two ways the tests reach ovc-mock: a real process over HTTP (through
 * `@open-vcluster/sdk/node`, as a user's app would) and the in-process
 * transport (through the core entry with `transport`). Each test runs on both.
 */
import { createClient, type Client } from "@connectrpc/connect";
import { createConnectTransport } from "@connectrpc/connect-node";
import { MockControlService } from "../../src/mock.js";
import { createOpenVClusterClient as createOnTransport, type ClientOptions, type OpenVClusterClient } from "../../src/index.js";
import { createOpenVClusterClient as createOverHttp } from "../../src/node.js";
import { createMockTransport, type MockTransport } from "./in-process.js";
import { startMockProcess, type ServerProcess } from "./mock-process.js";

export interface Backend {
  /** A client with these options (retries fast by default, so retry tests do not wait for real backoff). */
  client(options?: ClientOptions): OpenVClusterClient;
  control: Client<typeof MockControlService>;
  close(): Promise<void>;
}

export const FAST_RETRY = { initialBackoffMs: 1, maxBackoffMs: 5 };

export async function httpBackend(): Promise<Backend> {
  const proc: ServerProcess = await startMockProcess();
  return {
    client: (options = {}) => createOverHttp({ endpoint: proc.url, retry: FAST_RETRY, ...options }),
    control: createClient(MockControlService, createConnectTransport({ baseUrl: proc.url, httpVersion: "1.1" })),
    close: () => proc.stop(),
  };
}

export function inProcessBackend(): Promise<Backend> {
  const mock: MockTransport = createMockTransport();
  return Promise.resolve({
    client: (options = {}) => createOnTransport({ transport: mock, retry: FAST_RETRY, ...options }),
    control: mock.control,
    close: () => mock.close(),
  });
}

export const BACKENDS: [string, () => Promise<Backend>][] = [
  ["ovc-mock over HTTP", httpBackend],
  ["ovc-mock in-process", inProcessBackend],
];
