#!/usr/bin/env node
/**
 * ovc-mock [--host 127.0.0.1] [--port 0] [--latency <ms>] [--seed <file.json|yaml>] [--no-auto-create-projects]
 *
 * Prints exactly one line to stdout once ready:
 *   ovc-mock listening on http://HOST:PORT
 * and stops cleanly on SIGTERM or SIGINT.
 */
import { parseArgs } from "node:util";
import { Code, ConnectError } from "@connectrpc/connect";
import { HTTP_FLAGS, HTTP_FLAGS_USAGE, parseMillis, parsePort, runServerProcess, timeoutsFromFlags, UsageError } from "@open-vcluster/http";
import { readSeedFile } from "../seed-file.js";
import { startMockServer, type MockServer } from "../server.js";

const USAGE = `usage: ovc-mock [--host HOST] [--port PORT] [--latency MS] [--seed FILE] [--no-auto-create-projects] ${HTTP_FLAGS_USAGE}`;

async function start(): Promise<MockServer | undefined> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        host: { type: "string", default: "127.0.0.1" },
        port: { type: "string", default: "0" },
        latency: { type: "string", default: "0" },
        seed: { type: "string" },
        "no-auto-create-projects": { type: "boolean", default: false },
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
  const latencyMs = parseMillis("--latency", values.latency);
  const timeouts = timeoutsFromFlags(values);
  let seed;
  try {
    seed = values.seed ? await readSeedFile(values.seed) : undefined;
  } catch (err) {
    throw new UsageError(`--seed: ${(err as Error).message}`);
  }
  try {
    return await startMockServer({
      host: values.host,
      port,
      latencyMs,
      timeouts,
      autoCreateProjects: !values["no-auto-create-projects"],
      ...(seed ? { seed } : {}),
    });
  } catch (err) {
    // A seed that parses but breaks the API's rules (a bad name, say) is a bad --seed like any other.
    if (values.seed && err instanceof ConnectError && err.code === Code.InvalidArgument) {
      throw new UsageError(`--seed: ${values.seed}: ${err.rawMessage}`);
    }
    throw err;
  }
}

runServerProcess("ovc-mock", start, (server) => `ovc-mock listening on ${server.url}`);
