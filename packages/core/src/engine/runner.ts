/**
 * Runs the driver step of each operation in the background and records its
 * outcome: success, failure or cancellation, each leaving the resource in a
 * well-defined phase (see steps.ts). Also what WaitOperation and
 * CancelOperation block on.
 */
import { clone, create } from "@bufbuild/protobuf";
import { timestampDate, timestampFromDate } from "@bufbuild/protobuf/wkt";
import { Code, ConnectError } from "@connectrpc/connect";
import {
  OperationErrorSchema,
  OperationSchema,
  OperationState,
  type Operation,
  type OperationResponse,
} from "@open-vcluster/sdk";
import { failedPrecondition, toOperationError } from "../errors.js";
import type { StoredOperation } from "../store/store.js";
import type { CoreContext } from "./context.js";
import { saveOperation } from "./records.js";
import { stepFor, type Outcome } from "./steps.js";
import { atomically } from "./atomic.js";

/** Why a step's signal was aborted. */
const CANCELLED = "cancelled";
const SHUTDOWN = "shutdown";
const DEADLINE = "deadline";
/** How long a driver may take to say where a cancelled vcluster is before it counts as unknown. */
const OBSERVE_TIMEOUT_MS = 10_000;

export class OperationRunner {
  private readonly running = new Map<string, { controller: AbortController; done: Promise<void> }>();
  private readonly waiters = new Map<string, Set<() => void>>();
  private closed = false;

  constructor(private readonly ctx: CoreContext) {}

  /** Starts the step of a stored, unfinished operation. */
  dispatch(name: string): void {
    if (this.closed || this.running.has(name)) return;
    const controller = new AbortController();
    const done = this.run(name, controller).finally(() => this.running.delete(name));
    this.running.set(name, { controller, done });
  }

  /** Re-dispatches every unfinished operation, e.g. after a restart. Steps are idempotent. */
  resumeUnfinished(): number {
    const unfinished = this.ctx.store.listUnfinishedOperations();
    for (const op of unfinished) this.dispatch(op.operation.name);
    return unfinished.length;
  }

  private async run(name: string, controller: AbortController): Promise<void> {
    const signal = controller.signal;
    // Let the RPC that created the operation answer before any step runs.
    await Promise.resolve();
    const stored = this.ctx.store.getOperation(name);
    if (!stored || stored.operation.done) return;
    const step = stepFor(stored);
    this.update(name, (s) => {
      if (s.operation.metadata) s.operation.metadata.state = OperationState.RUNNING;
    });
    // The deadline (metadata.deadline, on core's clock) aborts a step still running then.
    const deadline = stored.operation.metadata?.deadline;
    const stopTimer = new AbortController();
    const expired = new Promise<never>((_, reject) => {
      const left = deadline ? timestampDate(deadline).getTime() - this.ctx.clock.now().getTime() : Infinity;
      if (left === Infinity) return;
      this.ctx.clock.sleep(Math.max(0, left), stopTimer.signal).then(
        () => {
          controller.abort(DEADLINE);
          reject(new ConnectError(`operation ${name} did not finish by its deadline ${timestampDate(deadline!).toISOString()}`, Code.DeadlineExceeded));
        },
        () => {},
      );
    });
    let outcome: Outcome;
    try {
      step.begin?.(this.ctx, stored);
      const result = await Promise.race([
        step.run(this.ctx, stored, {
          signal,
          clock: this.ctx.clock,
          operation: name,
          progress: (percent, text) => this.progress(name, percent, text),
          pointOfNoReturn: () => this.pointOfNoReturn(name),
        }),
        expired,
      ]);
      outcome = { kind: "succeeded", result };
    } catch (err) {
      if (signal.aborted && signal.reason === SHUTDOWN) return; // resumed after restart
      outcome =
        signal.aborted && signal.reason === CANCELLED
          ? await this.cancelled(name)
          : { kind: "failed", error: signal.aborted && signal.reason === DEADLINE ? await expired.catch((e: unknown) => e) : err };
    } finally {
      stopTimer.abort();
    }
    const current = this.ctx.store.getOperation(name);
    if (!current || current.operation.done || this.closed) return; // superseded (forced delete) or shut down
    atomically(this.ctx, () => {
      const response = step.finish(this.ctx, current, outcome);
      this.complete(current, outcome, response);
    });
  }

  /** A cancelled outcome carrying where the host says the vcluster is now (undefined = unknown: FAILED). */
  private async cancelled(name: string): Promise<Outcome> {
    const stored = this.ctx.store.getOperation(name);
    const vcluster = stored ? this.ctx.store.getVCluster(stored.internal.vcluster ?? stored.operation.metadata?.target ?? "") : undefined;
    if (!vcluster) return { kind: "cancelled" };
    // A cancelled clone is a cancelled create: the host holds a half-created
    // vcluster whose state is unknown, whatever a driver would build from the
    // API state (the in-memory one reports RUNNING for any vcluster it finds).
    if (stored?.internal.clone) return { kind: "cancelled" };
    try {
      const seen = await this.ctx.driver.observeHost(vcluster, AbortSignal.timeout(OBSERVE_TIMEOUT_MS));
      return seen ? { kind: "cancelled", observed: seen.phase } : { kind: "cancelled" };
    } catch {
      return { kind: "cancelled" };
    }
  }

  /** The step passed its point of no return: cancel can no longer stop it. */
  private pointOfNoReturn(name: string): void {
    this.update(name, (s) => {
      if (s.operation.metadata) s.operation.metadata.cancellable = false;
    });
  }

  private progress(name: string, percent: number, text: string): void {
    this.update(name, (s) => {
      const m = s.operation.metadata;
      if (!m) return;
      m.progressPercent = Math.max(m.progressPercent, Math.min(99, Math.max(0, Math.round(percent))));
      m.step = text;
      m.state = OperationState.RUNNING;
    });
  }

  private update(name: string, change: (s: StoredOperation) => void): void {
    const current = this.ctx.store.getOperation(name);
    if (!current || current.operation.done) return;
    const next = structuredCloneOperation(current);
    change(next);
    saveOperation(this.ctx, next);
  }

  /** Marks an operation done with its outcome and wakes its waiters. */
  complete(stored: StoredOperation, outcome: Outcome, response?: OperationResponse): Operation {
    if (outcome.kind === "succeeded" && !response) outcome = { kind: "failed", error: new Error("step produced no response") };
    const next = structuredCloneOperation(stored);
    const op = next.operation;
    const m = op.metadata;
    op.done = true;
    if (m) m.cancellable = false;
    if (m) m.endTime = timestampFromDate(this.ctx.clock.now());
    if (outcome.kind === "succeeded") {
      if (m) {
        m.state = OperationState.SUCCEEDED;
        m.progressPercent = 100;
        m.step = "done";
      }
      op.result = { case: "response", value: response as OperationResponse };
    } else {
      const { code, message } =
        outcome.kind === "cancelled"
          ? { code: Code.Canceled, message: outcome.message ?? "operation cancelled" }
          : toOperationError(outcome.error);
      if (m) {
        m.state = outcome.kind === "cancelled" ? OperationState.CANCELLED : OperationState.FAILED;
        m.step = outcome.kind === "cancelled" ? "cancelled" : "failed";
      }
      op.result = { case: "error", value: create(OperationErrorSchema, { code, message }) };
    }
    saveOperation(this.ctx, next);
    this.wake(op.name);
    return op;
  }

  /**
   * CancelOperation: a pending operation is cancelled at once; a running one
   * has its step aborted (best effort; it may still finish), and the call
   * waits briefly for the step to settle so the answer is usually final.
   * Either way the vcluster lands where the driver says the host is (see
   * `cancelled`). An operation past its point of no return (a restore that
   * started replacing data) is FAILED_PRECONDITION.
   */
  async cancel(name: string): Promise<void> {
    const stored = this.ctx.store.getOperation(name);
    if (!stored || stored.operation.done) return;
    if (stored.operation.metadata?.cancellable === false) {
      throw failedPrecondition(
        `cannot cancel operation "${name}": it has passed its point of no return (${stored.operation.metadata.step}); a half-restored store cannot be rolled back, wait for it to finish`,
      );
    }
    const running = this.running.get(name);
    this.update(name, (s) => {
      if (s.operation.metadata) s.operation.metadata.cancelRequested = true;
    });
    if (running) {
      running.controller.abort(CANCELLED);
      await Promise.race([running.done, new Promise((r) => setTimeout(r, 5_000))]);
      return;
    }
    const outcome = await this.cancelled(name);
    const current = this.ctx.store.getOperation(name);
    if (!current || current.operation.done) return;
    atomically(this.ctx, () => {
      stepFor(current).finish(this.ctx, current, outcome);
      this.complete(current, outcome);
    });
  }

  /**
   * validate_only: runs `start` (the very mutation, with all its checks) and
   * the step's outcome as if it succeeded, in a transaction that is then
   * rolled back, and answers a done Operation with no name whose response is
   * the result as it would be. Nothing is stored, published, dispatched or
   * remembered for idempotency.
   */
  dryRun(start: () => { operation: Operation }): Operation {
    const rollback = new Error("validate_only rollback");
    let answer: Operation | undefined;
    this.ctx.dryRun = true;
    try {
      atomically(this.ctx, () => {
        const { operation } = start();
        const stored = this.ctx.store.getOperation(operation.name);
        if (stored && !stored.operation.done) {
          const step = stepFor(stored);
          step.begin?.(this.ctx, stored);
          const assumed = { kind: "succeeded", result: { sizeBytes: 0n } } as const;
          this.complete(stored, assumed, step.finish(this.ctx, stored, assumed));
        }
        const done = this.ctx.store.getOperation(operation.name)?.operation ?? operation;
        answer = clone(OperationSchema, done);
        throw rollback;
      });
    } catch (err) {
      if (err !== rollback) throw err;
    } finally {
      this.ctx.dryRun = false;
    }
    const op = answer as Operation;
    op.name = "";
    if (op.metadata) {
      op.metadata.step = "validated";
      op.metadata.requestId = "";
    }
    return op;
  }

  /**
   * Ends an operation as cancelled without touching its resource, because
   * something else (a forced delete) now owns it, and stops its step.
   */
  supersede(name: string, reason: string): void {
    if (this.ctx.dryRun) return; // validate_only of a forced delete stops nothing
    const stored = this.ctx.store.getOperation(name);
    if (!stored || stored.operation.done) return;
    stepFor(stored).abandon?.(this.ctx, stored, reason);
    this.complete(stored, { kind: "cancelled", message: reason });
    this.running.get(name)?.controller.abort(CANCELLED);
  }

  /** Resolves when the operation is done, `timeoutMs` passes or `signal` aborts. */
  wait(name: string, timeoutMs: number, signal?: AbortSignal): Promise<void> {
    const stored = this.ctx.store.getOperation(name);
    if (!stored || stored.operation.done || timeoutMs <= 0) return Promise.resolve();
    return new Promise((resolve) => {
      let set = this.waiters.get(name);
      if (!set) this.waiters.set(name, (set = new Set()));
      const finish = () => {
        clearTimeout(timer);
        signal?.removeEventListener("abort", finish);
        set?.delete(finish);
        if (set?.size === 0) this.waiters.delete(name);
        resolve();
      };
      // Waiting is bounded by real time, not the (possibly frozen) API clock:
      // a client's patience does not stop with a mock's clock.
      const timer = setTimeout(finish, timeoutMs);
      signal?.addEventListener("abort", finish, { once: true });
      set.add(finish);
    });
  }

  private wake(name: string): void {
    const set = this.waiters.get(name);
    if (!set) return;
    for (const finish of [...set]) finish();
  }

  /** Stops every step without recording an outcome: they resume on the next start. */
  async close(): Promise<void> {
    this.closed = true;
    const all = [...this.running.values()];
    for (const r of all) r.controller.abort(SHUTDOWN);
    await Promise.allSettled(all.map((r) => r.done));
    for (const name of [...this.waiters.keys()]) this.wake(name);
  }

  /** Stops and forgets everything in flight (the mock's Reset), then accepts work again. */
  async reset(): Promise<void> {
    await this.close();
    this.closed = false;
  }
}

function structuredCloneOperation(s: StoredOperation): StoredOperation {
  return { operation: clone(OperationSchema, s.operation), internal: { ...s.internal } };
}
