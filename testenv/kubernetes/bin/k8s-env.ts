// `make k8s-env`: start the control plane in the foreground, print
// KUBECONFIG=<path> on stdout once it is ready (everything else goes to
// stderr), and stop every process on SIGINT/SIGTERM/SIGHUP, or when whoever
// started us (make, tsx) goes away.
import { startControlPlane, type ControlPlane } from "../src/index.js";

const log = (m: string) => process.stderr.write(`[k8s-env] ${m}\n`);

let cp: ControlPlane | undefined;
let stopping = false;
const shutdown = (reason: string) => {
  if (stopping) return;
  stopping = true;
  log(`${reason}: stopping`);
  // Still starting: exiting runs the synchronous kill hook in processes.ts.
  if (!cp) process.exit(130);
  const rss = cp.peakRssKiB();
  cp.stop().then(
    () => {
      log(`stopped; temp dir removed; peak RSS of the control plane ${(rss.total / 1024).toFixed(0)} MiB`);
      process.exit(0);
    },
    (err: unknown) => {
      log(`stop failed: ${String(err)}`);
      process.exit(1);
    },
  );
};
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => shutdown(signal));
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) shutdown("parent process exited");
}, 1000);

cp = await startControlPlane({ log });
process.stdout.write(`KUBECONFIG=${cp.kubeconfigPath}\n`);
log(`ready in ${(cp.startupMs / 1000).toFixed(1)} s`);
log(`API server ${cp.server}, fake node ${cp.nodeName}, logs in ${cp.dir}/logs`);
log(`use it:  export KUBECONFIG=${cp.kubeconfigPath}`);
log(`         ${cp.binaries.helm} --kubeconfig ${cp.kubeconfigPath} list -A`);
log(`         curl -k -H "Authorization: Bearer ${cp.adminToken}" ${cp.server}/api/v1/nodes`);
log("Ctrl-C (or SIGTERM) stops everything and removes the temp dir.");
