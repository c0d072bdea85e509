/**
 * Endpoint and credentials from the environment (`OVC_ENDPOINT`,
 * `OVC_API_KEY`, the same variables the CLI reads). Browsers have no
 * `process`, so there the environment is simply empty.
 */
export const DEFAULT_ENDPOINT = "http://127.0.0.1:8080";

export function readEnv(name: "OVC_ENDPOINT" | "OVC_API_KEY"): string | undefined {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  const value = env?.[name];
  return value === undefined || value === "" ? undefined : value;
}
