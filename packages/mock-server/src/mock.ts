/**
 * The mock itself, independent of how it is reached: core with an in-memory
 * store and driver on a controllable clock, plus the test controls. The HTTP
 * server and the in-process transport both serve one of these.
 */
import type { ConnectRouter, Interceptor } from "@connectrpc/connect";
import {
  ControllableClock,
  Core,
  InMemoryDriver,
  MemoryStore,
  serviceEntry,
  type CoreOptions,
  type IdGenerator,
  type ServiceEntry,
} from "@open-vcluster/core";
import { MockControlService, type SeedFile } from "@open-vcluster/sdk/mock";
import { FaultInjector } from "./control/faults.js";
import { RequestRecorder } from "./control/recorder.js";
import { mockControlService } from "./control/service.js";

export interface MockOptions {
  /** How long each driver transition takes, in ms. Default 0: instant. */
  latencyMs?: number;
  /** Resources to start with (and to return to on Reset). */
  seed?: SeedFile;
  /** Deterministic ids for snapshot tests of your own. Default: random. */
  ids?: IdGenerator;
  /** Core tuning (watch buffer, retention, ...). */
  coreOptions?: CoreOptions;
  /**
   * Create a project on first use, as if CreateProject had been called: a
   * mutation naming an unknown project creates it, a read sees it as empty.
   * Default true, for test convenience; false makes an unknown project
   * NOT_FOUND, as on ovc-server (`--no-auto-create-projects`).
   */
  autoCreateProjects?: boolean;
}

export interface Mock {
  readonly core: Core;
  readonly driver: InMemoryDriver;
  readonly clock: ControllableClock;
  /** The API's services and MockControlService, with their implementations. */
  readonly services: readonly ServiceEntry[];
  /** Registers the API and MockControlService. */
  routes(router: ConnectRouter): void;
  /** Records requests and injects faults on API calls. */
  readonly interceptors: Interceptor[];
  close(): Promise<void>;
}

export function createMock(options: MockOptions = {}): Mock {
  const clock = new ControllableClock();
  const latencyMs = options.latencyMs ?? 0;
  const driver = new InMemoryDriver({ latencyMs });
  const core = new Core({
    driver,
    store: new MemoryStore(),
    clock,
    ...(options.ids ? { ids: options.ids } : {}),
    options: { ...options.coreOptions, autoCreateProjects: options.autoCreateProjects ?? options.coreOptions?.autoCreateProjects ?? true },
  });
  const faults = new FaultInjector();
  const recorder = new RequestRecorder(clock);
  const reseed = () => {
    if (options.seed) core.seed(options.seed);
  };
  reseed();
  core.start();
  const control = mockControlService({ core, driver, clock, faults, recorder, initialLatencyMs: latencyMs, reseed });
  const services = [...core.services, serviceEntry(MockControlService, control)];
  return {
    core,
    driver,
    clock,
    services,
    routes(router) {
      for (const entry of services) entry.register(router);
    },
    // The recorder is outermost, so it also records the codes of injected faults.
    interceptors: [recorder.interceptor, faults.interceptor],
    close: () => core.close(),
  };
}
