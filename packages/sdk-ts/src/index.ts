/**
 * @open-vcluster/sdk — run vclusters like virtual machines.
 *
 * The high-level client (operations that wait, pagers, retries, a watch that
 * resumes, typed errors) and the messages and service descriptors generated
 * from the `openvcluster.v1` proto (src/gen, never edited by hand). This entry
 * imports no HTTP stack: `createOpenVClusterClient` here needs a `transport`;
 * `@open-vcluster/sdk/node` and `@open-vcluster/sdk/web` make one from an
 * endpoint.
 *
 * ```ts
 * import { createOpenVClusterClient } from "@open-vcluster/sdk/node";
 *
 * const client = createOpenVClusterClient(); // OVC_ENDPOINT, OVC_API_KEY
 * const dev = await client.createVClusterAndWait({ parent: "projects/demo", vclusterId: "dev", vcluster: {} });
 * ```
 */
import { createCoreClient, type ClientOptions, type OpenVClusterClient } from "./client/index.js";
import type { Transport } from "@connectrpc/connect";

export * from "./client/index.js";
export * from "./messages.js";
export { VERSION } from "./version.js";

/** A client on your own transport (connect-node, connect-web, the mock's in-process one...). */
export function createOpenVClusterClient(options: ClientOptions & { transport: Transport }): OpenVClusterClient {
  return createCoreClient(options);
}
