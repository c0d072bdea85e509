// A minimal HTTPS client for the few calls the harness itself makes (readyz,
// creating the fake node, waiting for it to be Ready). Tests and drivers use
// @kubernetes/client-node; the harness stays dependency-free so any workspace
// package can import it.
import { request } from "node:https";

export interface ApiTarget {
  server: string; // https://127.0.0.1:PORT
  token: string;
  ca?: string; // PEM; without it the server certificate is not verified
}

export interface ApiResponse {
  status: number;
  body: string;
}

export function apiRequest(
  target: ApiTarget,
  method: string,
  path: string,
  body?: unknown,
  timeoutMs = 5000,
): Promise<ApiResponse> {
  const url = new URL(path, target.server);
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method,
        headers: {
          authorization: `Bearer ${target.token}`,
          accept: "application/json",
          ...(payload === undefined ? {} : { "content-type": "application/json" }),
        },
        ...(target.ca === undefined ? { rejectUnauthorized: false } : { ca: target.ca }),
        timeout: timeoutMs,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
        res.on("error", reject);
      },
    );
    req.on("timeout", () => req.destroy(new Error(`${method} ${path}: timed out after ${timeoutMs} ms`)));
    req.on("error", reject);
    req.end(payload);
  });
}

/** Polls fn every intervalMs until it returns true; throws after timeoutMs. check() may throw to abort early. */
export async function waitFor(
  what: string,
  fn: () => Promise<boolean>,
  { timeoutMs = 60_000, intervalMs = 200, check }: { timeoutMs?: number; intervalMs?: number; check?: () => void } = {},
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    check?.();
    try {
      if (await fn()) return;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${String(last)}` : ""}`);
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
