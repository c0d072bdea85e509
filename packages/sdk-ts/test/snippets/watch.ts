import { WatchExpiredError, createOpenVClusterClient } from "@open-vcluster/sdk/node";

const client = createOpenVClusterClient();
const controller = new AbortController();
setTimeout(() => controller.abort(), 1_000); // aborting ends the loop cleanly

try {
  // Reconnects after a disconnect and resumes from the last version it delivered.
  for await (const event of client.watchVClusters({ parent: "projects/demo" }, { signal: controller.signal })) {
    console.log(event.type, event.vcluster?.name);
  }
} catch (err) {
  if (!(err instanceof WatchExpiredError)) throw err;
  // Too far behind: list again, then watch from the list's `version`.
}
