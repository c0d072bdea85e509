/**
 * `startServer`: core + a driver + a store behind the shared HTTP front
 * (Connect, gRPC and gRPC-Web on one port, HTTP/1.1 and h2c, gRPC health).
 */
import { Core, MemoryStore, type CoreOptions } from "@open-vcluster/core";
import { serve, type ServeTimeouts } from "@open-vcluster/http";
import { createDriver, type DriverName, type DriverOptions } from "./drivers/index.js";

export interface ServerOptions extends DriverOptions {
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 8080; 0 picks a free port. */
  port?: number;
  /** Default "simulated". */
  driver?: DriverName;
  /** Allow browsers from any origin (development). Default false. */
  cors?: boolean;
  core?: CoreOptions;
  /** Projects created at start unless they exist. Default: `default`. */
  projects?: readonly string[];
  /** HTTP timeouts (e.g. `bodyMs`, `--body-timeout-ms`); the defaults of `serve()` otherwise. */
  timeouts?: ServeTimeouts;
}

export interface RunningServer {
  readonly url: string;
  readonly core: Core;
  close(): Promise<void>;
}

export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const driver = createDriver(options.driver ?? "simulated", options);
  const core = new Core({ driver, store: new MemoryStore(), ...(options.core ? { options: options.core } : {}) });
  core.start();
  for (const id of options.projects ?? ["default"]) core.ensureProject(id);
  let serving = true;
  const http = await serve({
    routes: (router) => core.routes(router),
    host: options.host ?? "127.0.0.1",
    port: options.port ?? 8080,
    cors: options.cors ?? false,
    health: { serving: () => serving },
    ...(options.timeouts ? { timeouts: options.timeouts } : {}),
  });
  return {
    url: http.url,
    core,
    async close() {
      serving = false;
      await http.close();
      await core.close();
    },
  };
}
