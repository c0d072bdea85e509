/**
 * The drivers ovc-server can run on. `simulated` (the embedded default) is
 * core's in-memory driver with realistic latencies: the whole API works with
 * no cluster at all. `kubernetes` (real vclusters via Helm and the Kubernetes
 * API) comes with the kubernetes driver issue.
 */
import { Code, ConnectError } from "@connectrpc/connect";
import { InMemoryDriver, type Driver } from "@open-vcluster/core";

export const DRIVERS = ["simulated", "kubernetes"] as const;
export type DriverName = (typeof DRIVERS)[number];

export interface DriverOptions {
  /** simulated: how long each transition takes. Default 1500 ms. */
  latencyMs?: number;
}

export function createDriver(name: DriverName, options: DriverOptions = {}): Driver {
  switch (name) {
    case "simulated":
      return new InMemoryDriver({ latencyMs: options.latencyMs ?? 1_500, hostDriver: "simulated" });
    case "kubernetes":
      throw new ConnectError("the kubernetes driver is not available in this release; use --driver simulated", Code.Unimplemented);
  }
}
