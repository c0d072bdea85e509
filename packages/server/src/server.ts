/**
 * `startServer`: core + a driver + a store behind the shared HTTP front
 * (Connect, gRPC and gRPC-Web on one port, HTTP/1.1 and h2c, gRPC health).
 */
import { Core, type CoreOptions } from "@open-vcluster/core";
import { serve, type ServeTimeouts } from "@open-vcluster/http";
import { createDriver, type DriverName, type DriverOptions } from "./drivers/index.js";
import { defaultDataDir } from "./store/data-dir.js";
import { openStore, type StoreName } from "./store/index.js";

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
  /**
   * Default "memory" for a library user (tests, embedding); the ovc-server
   * command defaults to "sqlite".
   */
  store?: StoreName;
  /** The sqlite store's directory. Default: defaultDataDir() ($XDG_STATE_HOME/open-vcluster). */
  dataDir?: string;
  /** HTTP timeouts (e.g. `bodyMs`, `--body-timeout-ms`); the defaults of `serve()` otherwise. */
  timeouts?: ServeTimeouts;
}

export interface RunningServer {
  readonly url: string;
  readonly core: Core;
  /** Where the state lives: the database file, or "memory (lost on exit)". */
  readonly storeLocation: string;
  close(): Promise<void>;
}

export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const driver = createDriver(options.driver ?? "simulated", options);
  const opened = await openStore(options.store ?? "memory", options.dataDir ?? defaultDataDir());
  const core = new Core({ driver, store: opened.store, ...(options.core ? { options: options.core } : {}) });
  // Resumes every operation a previous process left unfinished (runner.resumeUnfinished).
  core.start();
  for (const id of options.projects ?? ["default"]) core.ensureProject(id);
  let serving = true;
  let http;
  try {
    http = await serve({
      routes: (router) => core.routes(router),
      host: options.host ?? "127.0.0.1",
      port: options.port ?? 8080,
      cors: options.cors ?? false,
      health: { serving: () => serving },
      ...(options.timeouts ? { timeouts: options.timeouts } : {}),
    });
  } catch (err) {
    await core.close();
    opened.close();
    throw err;
  }
  const listening = http;
  return {
    url: listening.url,
    core,
    storeLocation: opened.location,
    async close() {
      serving = false;
      await listening.close();
      await core.close();
      opened.close();
    },
  };
}
