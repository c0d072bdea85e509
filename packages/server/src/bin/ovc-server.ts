#!/usr/bin/env node
/**
 * ovc-server [--host 127.0.0.1] [--port 8080] [--driver simulated|kubernetes] [--latency MS] [--cors]
 *
 * Environment: OVC_HOST, OVC_PORT, OVC_DRIVER override the defaults (flags win).
 * Prints `ovc-server listening on http://HOST:PORT (driver: NAME)` once ready
 * and stops gracefully on SIGTERM or SIGINT.
 */
import { parseArgs } from "node:util";
import { DRIVERS, type DriverName } from "../drivers/index.js";
import { startServer, type RunningServer } from "../server.js";

const USAGE = `usage: ovc-server [--host HOST] [--port PORT] [--driver ${DRIVERS.join("|")}] [--latency MS] [--cors]`;

/** Set once listening; a signal before that still ends the process cleanly. */
let server: RunningServer | undefined;
let stopping = false;

function stop(): void {
  if (stopping) return;
  stopping = true;
  if (!server) process.exit(0);
  server.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
}

process.on("SIGTERM", stop);
process.on("SIGINT", stop);

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        host: { type: "string", default: process.env.OVC_HOST ?? "127.0.0.1" },
        port: { type: "string", default: process.env.OVC_PORT ?? "8080" },
        driver: { type: "string", default: process.env.OVC_DRIVER ?? "simulated" },
        latency: { type: "string" },
        cors: { type: "boolean", default: false },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
    }));
  } catch (err) {
    fail(`${(err as Error).message}\n${USAGE}`);
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port: "${values.port}" is not a port (0-65535)`);
  const driver = values.driver as DriverName;
  if (!DRIVERS.includes(driver)) fail(`--driver: "${values.driver}" is not one of ${DRIVERS.join(", ")}`);
  const latencyMs = values.latency === undefined ? undefined : Number(values.latency);
  if (latencyMs !== undefined && (!Number.isFinite(latencyMs) || latencyMs < 0)) {
    fail(`--latency: "${values.latency}" is not a number of milliseconds >= 0`);
  }
  server = await startServer({
    host: values.host,
    port,
    driver,
    cors: values.cors,
    ...(latencyMs !== undefined ? { latencyMs } : {}),
  });
  if (stopping) {
    await server.close();
    return;
  }
  process.stdout.write(`ovc-server listening on ${server.url} (driver: ${driver})\n`);
}

function fail(message: string): never {
  process.stderr.write(`ovc-server: ${message}\n`);
  process.exit(2);
}

main().catch((err: unknown) => {
  process.stderr.write(`ovc-server: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
