/**
 * `@open-vcluster/sdk/node`: everything of `@open-vcluster/sdk`, with
 * createOpenVClusterClient reaching the endpoint over @connectrpc/connect-node
 * (kept out of the main entry so browser bundles never see node:http).
 */
import { createConnectTransport } from "@connectrpc/connect-node";
import { createCoreClient, type ClientOptions, type OpenVClusterClient } from "./client/index.js";

export * from "./index.js";

/**
 * A client for `endpoint` (default `OVC_ENDPOINT`, else http://127.0.0.1:8080)
 * with `apiKey` (default `OVC_API_KEY`), or on your own `transport`.
 */
export function createOpenVClusterClient(options: ClientOptions = {}): OpenVClusterClient {
  return createCoreClient({
    ...options,
    setUserAgent: true,
    // HTTP/2 over TLS; plain http is HTTP/1.1, which every server and proxy speaks (h2c needs prior knowledge).
    transportFactory: (baseUrl) => createConnectTransport({ baseUrl, httpVersion: baseUrl.startsWith("https:") ? "2" : "1.1" }),
  });
}
