// Plain JavaScript on purpose: vitest.config.ts files are loaded by Node
// without a TypeScript loader, so a config can import this (not index.ts).
//   import { globalSetupPath } from "@open-vcluster/testenv-kubernetes/global-setup-path";
//   export default defineConfig({ test: { globalSetup: [globalSetupPath] } });
// The bare specifier "@open-vcluster/testenv-kubernetes/global-setup" works too.
import { URL, fileURLToPath } from "node:url";

export const globalSetupPath = fileURLToPath(new URL("./global-setup.ts", import.meta.url));
