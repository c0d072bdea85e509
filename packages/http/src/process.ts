/**
 * What every server binary of the project (ovc-server, ovc-mock) does around
 * its server, in one place: SIGTERM and SIGINT stop it gracefully — handlers
 * registered before anything else, so a signal during startup or right after
 * the listening line is a clean stop too —, bad flags exit 2 with a message,
 * anything unexpected exits 1.
 */
import type { ServeTimeouts } from "./serve.js";

/** A bad command line: `runServerProcess` prints it and exits 2. */
export class UsageError extends Error {
  override name = "UsageError";
}

/** Parses a `--port` value (0 = any free port). */
export function parsePort(flag: string, value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`${flag}: "${value}" is not a port (0-65535)`);
  return port;
}

/** Parses a duration flag in milliseconds (>= 0). */
export function parseMillis(flag: string, value: string): number {
  const ms = Number(value);
  if (value.trim() === "" || !Number.isFinite(ms) || ms < 0) throw new UsageError(`${flag}: "${value}" is not a number of milliseconds >= 0`);
  return ms;
}

/** The flags of the shared HTTP front every server binary takes, for parseArgs's `options`. */
export const HTTP_FLAGS = {
  "body-timeout-ms": { type: "string" },
} as const;

/** HTTP_FLAGS in a usage line. */
export const HTTP_FLAGS_USAGE = "[--body-timeout-ms MS]";

/** The ServeTimeouts HTTP_FLAGS set (only those given). */
export function timeoutsFromFlags(values: { "body-timeout-ms"?: string | undefined }): ServeTimeouts {
  const body = values["body-timeout-ms"];
  return body === undefined ? {} : { bodyMs: parseMillis("--body-timeout-ms", body) };
}

/**
 * Runs `start` (which parses the command line and starts the server, or
 * returns undefined when there is nothing to serve, e.g. `--help`), then
 * prints `listening(server)` as the one line on stdout.
 */
export function runServerProcess<S extends { close(): Promise<void> }>(
  name: string,
  start: () => Promise<S | undefined>,
  listening: (server: S) => string,
): void {
  let server: S | undefined;
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    if (!server) process.exit(0);
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  start().then(
    async (started) => {
      if (!started) return;
      server = started;
      if (stopping) {
        await started.close();
        process.exit(0);
      }
      process.stdout.write(`${listening(started)}\n`);
    },
    (err: unknown) => {
      process.stderr.write(`${name}: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exit(err instanceof UsageError ? 2 : 1);
    },
  );
}
