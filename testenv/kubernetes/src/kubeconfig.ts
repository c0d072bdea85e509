// Writes a kubeconfig for a token user. The CA is the API server's
// self-signed bundle from --cert-dir, so clients verify TLS for real.
import { writeFileSync } from "node:fs";

export function kubeconfigYaml(opts: { server: string; token: string; caPem: string; user?: string }): string {
  const user = opts.user ?? "admin";
  const ca = Buffer.from(opts.caPem).toString("base64");
  // JSON is valid YAML and needs no YAML library.
  return JSON.stringify(
    {
      apiVersion: "v1",
      kind: "Config",
      clusters: [{ name: "ovc-test", cluster: { server: opts.server, "certificate-authority-data": ca } }],
      users: [{ name: user, user: { token: opts.token } }],
      contexts: [{ name: `${user}@ovc-test`, context: { cluster: "ovc-test", user, namespace: "default" } }],
      "current-context": `${user}@ovc-test`,
      preferences: {},
    },
    null,
    2,
  ) + "\n";
}

export function writeKubeconfig(path: string, opts: Parameters<typeof kubeconfigYaml>[0]): void {
  writeFileSync(path, kubeconfigYaml(opts), { mode: 0o600 });
}
