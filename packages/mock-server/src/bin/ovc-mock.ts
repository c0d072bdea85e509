#!/usr/bin/env node
/**
 * ovc-mock [--host 127.0.0.1] [--port 0] [--latency <ms>] [--seed <file.json|yaml>]
 *
 * Prints exactly one line to stdout once ready:
 *   ovc-mock listening on http://HOST:PORT
 * and stops cleanly on SIGTERM or SIGINT.
 */
import { parseArgs } from "node:util";
import { Code, ConnectError } from "@connectrpc/connect";
import { readSeedFile } from "../seed-file.js";
import { startMockServer, type MockServer } from "../server.js";

const USAGE = "usage: ovc-mock [--host HOST] [--port PORT] [--latency MS] [--seed FILE]";

/** Set once listening; a signal before that still ends the process cleanly. */
let server: MockServer | undefined;
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

// Registered before anything else, so a SIGTERM right after the listening line (or before it) is a clean stop.
process.on("SIGTERM", stop);
process.on("SIGINT", stop);

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        host: { type: "string", default: "127.0.0.1" },
        port: { type: "string", default: "0" },
        latency: { type: "string", default: "0" },
        seed: { type: "string" },
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
  const latencyMs = Number(values.latency);
  if (!Number.isFinite(latencyMs) || latencyMs < 0) fail(`--latency: "${values.latency}" is not a number of milliseconds >= 0`);
  let seed;
  try {
    seed = values.seed ? await readSeedFile(values.seed) : undefined;
  } catch (err) {
    fail(`--seed: ${(err as Error).message}`);
  }
  try {
    server = await startMockServer({ host: values.host, port, latencyMs, ...(seed ? { seed } : {}) });
  } catch (err) {
    // A seed that parses but breaks the API's rules (a bad name, say) is a bad --seed like any other.
    if (values.seed && err instanceof ConnectError && err.code === Code.InvalidArgument) {
      fail(`--seed: ${values.seed}: ${err.rawMessage}`);
    }
    throw err;
  }
  if (stopping) {
    await server.close();
    return;
  }
  process.stdout.write(`ovc-mock listening on ${server.url}\n`);
}

function fail(message: string): never {
  process.stderr.write(`ovc-mock: ${message}\n`);
  process.exit(2);
}

main().catch((err: unknown) => {
  process.stderr.write(`ovc-mock: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
