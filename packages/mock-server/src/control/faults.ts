/**
 * Injected faults (MockControlService.InjectFault): an interceptor that
 * makes matching API calls fail with a status code and/or answer late,
 * always, with a probability, or for the next N calls.
 */
import { Code, ConnectError, type Interceptor, type StreamRequest, type UnaryRequest } from "@connectrpc/connect";
import { durationMs } from "@bufbuild/protobuf/wkt";
import type { Fault } from "@open-vcluster/sdk/mock";
import { isApiCall, procedureOf } from "./procedures.js";

/** The next step of an interceptor chain. */
type Next = Parameters<Interceptor>[0];

interface ActiveFault {
  id: string;
  matches: (procedure: string) => boolean;
  code: Code | undefined;
  message: string;
  probability: number;
  /** Calls left to affect; undefined = every call until cleared. */
  remaining: number | undefined;
  latencyMs: number;
}

export class FaultInjector {
  private faults: ActiveFault[] = [];
  private nextId = 1;

  constructor(private readonly random: () => number = Math.random) {}

  add(fault: Fault): string {
    const id = `fault-${this.nextId++}`;
    this.faults.push({
      id,
      matches: matcher(fault.method),
      code: fault.code === 0 ? undefined : (fault.code as Code),
      message: fault.message || "injected fault",
      probability: fault.probability ?? 1,
      remaining: fault.times > 0 ? fault.times : undefined,
      latencyMs: fault.latency ? durationMs(fault.latency) : 0,
    });
    return id;
  }

  clear(): void {
    this.faults = [];
  }

  readonly interceptor: Interceptor = (next) => (req) => {
    // The common case, no fault registered: pass the call straight through,
    // with no async wrapper, no filter() and no allocation.
    if (this.faults.length === 0 || !isApiCall(req.method)) return next(req);
    return this.inject(next, req);
  };

  private async inject(next: Next, req: UnaryRequest | StreamRequest): ReturnType<Next> {
    const procedure = procedureOf(req.method);
    for (const fault of this.faults) {
      if (!fault.matches(procedure)) continue;
      if (fault.remaining === 0) continue;
      if (this.random() >= fault.probability) continue;
      if (fault.remaining !== undefined) fault.remaining--;
      if (fault.latencyMs > 0) await delay(fault.latencyMs, req.signal);
      if (fault.code !== undefined) throw new ConnectError(fault.message, fault.code);
    }
    this.faults = this.faults.filter((f) => f.remaining !== 0);
    return next(req);
  }
}

/** `*`, `pkg.Service/*` or `pkg.Service/Method`. */
function matcher(pattern: string): (procedure: string) => boolean {
  if (pattern === "*") return () => true;
  if (pattern.endsWith("/*")) {
    const service = pattern.slice(0, -1);
    return (p) => p.startsWith(service);
  }
  return (p) => p === pattern;
}

function delay(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      "abort",
      () => {
        clearTimeout(timer);
        reject(new ConnectError("call cancelled during injected latency", Code.Canceled));
      },
      { once: true },
    );
  });
}
