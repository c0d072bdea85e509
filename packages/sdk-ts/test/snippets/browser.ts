import { createOpenVClusterClient } from "@open-vcluster/sdk/web";
import { validate } from "@open-vcluster/sdk/validate";

// In a browser (fetch, connect-web): pass `endpoint`; the environment is read only where there is a process.env.
const client = createOpenVClusterClient({
  validate, // check requests before sending them (bundles protovalidate only because it is imported)
  retry: { maxAttempts: 5 }, // or `false`
  timeoutMs: 10_000, // each call's default deadline
});
const page = await client.listVClusters({ parent: "projects/demo", pageSize: 10 }).pages()[Symbol.asyncIterator]().next();
console.log(page.done ? [] : page.value.vclusters.map((vc) => vc.name));
