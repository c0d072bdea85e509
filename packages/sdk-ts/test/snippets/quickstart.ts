import { Code, OperationFailedError, createOpenVClusterClient, isCode, violationsOf } from "@open-vcluster/sdk/node";

// Endpoint and API key from OVC_ENDPOINT (default http://127.0.0.1:8080) and OVC_API_KEY, or pass them.
const client = createOpenVClusterClient();

// Create and wait: resolves to the RUNNING VCluster, rejects with OperationFailedError if it failed.
const dev = await client.createVClusterAndWait({ parent: "projects/demo", vclusterId: "dev", vcluster: {} });
console.log(dev.name, dev.status?.phase);

// Or keep the operation: report progress, bound the wait, check the outcome.
const op = await client.suspendVCluster({ name: dev.name });
try {
  const suspended = await op.wait({ timeoutMs: 120_000, onProgress: (m) => console.log(m.step, m.progressPercent) });
  console.log("suspended:", suspended.status?.phase);
} catch (err) {
  if (err instanceof OperationFailedError) console.error("suspend failed:", err.code, err.rawMessage);
  else throw err;
}

// Every vcluster of every page.
for await (const vc of client.listVClusters({ parent: "projects/demo" })) console.log(vc.name);

// Errors by code; a bad request's violations by field.
try {
  await client.createVCluster({ parent: "projects/demo", vclusterId: "Bad_Id", vcluster: {} });
} catch (err) {
  if (!isCode(err, Code.InvalidArgument)) throw err;
  for (const v of violationsOf(err)) console.error(v.field, v.rule, v.message);
}
