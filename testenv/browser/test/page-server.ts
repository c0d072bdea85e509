/**
 * Node side of the browser test: bundle src/app.ts for the browser with
 * esbuild and serve it with a one-page HTML from a tiny node:http server,
 * on its own port (so the page's origin is not the mock's).
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const APP = fileURLToPath(new URL("../src/app.ts", import.meta.url));

const HTML = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><link rel="icon" href="data:,"><title>open-vcluster SDK in the browser</title></head>
<body><h1>open-vcluster SDK in the browser</h1><script type="module" src="/app.js"></script></body>
</html>
`;

export interface PageServer {
  /** e.g. http://127.0.0.1:41235 */
  readonly url: string;
  /** Size of the bundle, in bytes. */
  readonly bundleBytes: number;
  close(): Promise<void>;
}

/** Bundle the app into a fresh temp dir and serve `/` and `/app.js` from it. */
export async function startPageServer(): Promise<PageServer> {
  const dir = await mkdtemp(join(tmpdir(), "ovc-browser-bundle-"));
  try {
    await build({
      entryPoints: { app: APP },
      bundle: true,
      platform: "browser",
      format: "esm",
      target: "es2022",
      outdir: dir,
      sourcemap: "inline",
      logLevel: "silent",
    });
    const js = await readFile(join(dir, "app.js"));
    const server = createServer((req, res) => {
      const path = new URL(req.url ?? "/", "http://x").pathname;
      const [status, type, body] =
        path === "/" ? [200, "text/html; charset=utf-8", HTML]
        : path === "/app.js" ? [200, "text/javascript; charset=utf-8", js]
        : [404, "text/plain", "not found\n"];
      res.writeHead(status, { "Content-Type": type, "Cache-Control": "no-store" });
      res.end(req.method === "HEAD" ? undefined : body);
    });
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(0, "127.0.0.1", resolve);
    });
    const { port } = server.address() as AddressInfo;
    return {
      url: `http://127.0.0.1:${port}`,
      bundleBytes: js.byteLength,
      async close() {
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await rm(dir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    await rm(dir, { recursive: true, force: true });
    throw err;
  }
}
