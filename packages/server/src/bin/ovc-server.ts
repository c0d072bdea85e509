#!/usr/bin/env node
/**
 * ovc-server [--host 127.0.0.1] [--port 8080] [--driver simulated|kubernetes] [--latency MS]
 *            [--store sqlite|memory] [--data-dir DIR] [--cors]
 *
 * Environment: OVC_HOST, OVC_PORT, OVC_DRIVER, OVC_STORE, OVC_DATA_DIR override the defaults (flags win).
 * Prints `ovc-server listening on http://HOST:PORT (driver: NAME, store: WHERE)` once ready
 * and stops gracefully on SIGTERM or SIGINT.
 */
import { parseArgs } from "node:util";
import { HTTP_FLAGS, HTTP_FLAGS_USAGE, parseMillis, parsePort, runServerProcess, timeoutsFromFlags, UsageError } from "@open-vcluster/http";
import { DRIVERS, type DriverName } from "../drivers/index.js";
import { startServer, type RunningServer } from "../server.js";
import { defaultDataDir } from "../store/data-dir.js";
import { STORES, type StoreName } from "../store/index.js";

const USAGE = `usage: ovc-server [--host HOST] [--port PORT] [--driver ${DRIVERS.join("|")}] [--latency MS] [--store ${STORES.join("|")}] [--data-dir DIR] [--cors] ${HTTP_FLAGS_USAGE}`;

let driver: DriverName = "simulated";

async function start(): Promise<RunningServer | undefined> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        host: { type: "string", default: process.env.OVC_HOST ?? "127.0.0.1" },
        port: { type: "string", default: process.env.OVC_PORT ?? "8080" },
        driver: { type: "string", default: process.env.OVC_DRIVER ?? "simulated" },
        latency: { type: "string" },
        store: { type: "string", default: process.env.OVC_STORE ?? "sqlite" },
        "data-dir": { type: "string", default: process.env.OVC_DATA_DIR ?? defaultDataDir() },
        cors: { type: "boolean", default: false },
        ...HTTP_FLAGS,
        help: { type: "boolean", short: "h" },
      },
      strict: true,
    }));
  } catch (err) {
    throw new UsageError(`${(err as Error).message}\n${USAGE}`);
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return undefined;
  }
  const port = parsePort("--port", values.port);
  if (!(DRIVERS as readonly string[]).includes(values.driver)) {
    throw new UsageError(`--driver: "${values.driver}" is not one of ${DRIVERS.join(", ")}`);
  }
  driver = values.driver as DriverName;
  if (!(STORES as readonly string[]).includes(values.store)) {
    throw new UsageError(`--store: "${values.store}" is not one of ${STORES.join(", ")}`);
  }
  const latencyMs = values.latency === undefined ? undefined : parseMillis("--latency", values.latency);
  const timeouts = timeoutsFromFlags(values);
  return startServer({
    host: values.host,
    port,
    driver,
    cors: values.cors,
    store: values.store as StoreName,
    dataDir: values["data-dir"],
    timeouts,
    ...(latencyMs !== undefined ? { latencyMs } : {}),
  });
}

runServerProcess("ovc-server", start, (server) => `ovc-server listening on ${server.url} (driver: ${driver}, store: ${server.storeLocation})`);
