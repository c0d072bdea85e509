// The same from CommonJS TypeScript (node16 resolution picks the require
// condition's declarations); compiled to .cjs and run.
import { createOpenVClusterClient } from "@open-vcluster/sdk/node";
import { startMockServer } from "@open-vcluster/mock-server";

if (typeof createOpenVClusterClient !== "function" || typeof startMockServer !== "function") {
  throw new Error("the CommonJS builds lack their main exports");
}
console.log(`cts: @open-vcluster/sdk/node and @open-vcluster/mock-server require from TypeScript on node ${process.version}`);
