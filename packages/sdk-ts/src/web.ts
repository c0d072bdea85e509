/**
 * `@open-vcluster/sdk/web`: everything of `@open-vcluster/sdk`, with
 * createOpenVClusterClient reaching the endpoint with fetch over
 * @connectrpc/connect-web (browsers, Deno, Bun, workers). Its messages are
 * gen-lite's (no custom options in their descriptors), which keeps a browser
 * bundle small; they are interchangeable with `@open-vcluster/sdk`'s.
 */
import { createConnectTransport } from "@connectrpc/connect-web";
import { createCoreClient, type ClientOptions, type OpenVClusterClient } from "./client/index.js";

export * from "./client/index.js";
export * from "./messages-lite.js";
export { VERSION } from "./version.js";

/**
 * A client for `endpoint` (default http://127.0.0.1:8080; `OVC_ENDPOINT` where
 * there is a `process.env`) with `apiKey`, or on your own `transport`.
 */
export function createOpenVClusterClient(options: ClientOptions = {}): OpenVClusterClient {
  return createCoreClient({ ...options, transportFactory: (baseUrl) => createConnectTransport({ baseUrl }) });
}
