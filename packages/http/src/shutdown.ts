/**
 * A server-wide event (close() started, the grace period ended) that every
 * in-flight call must react to. Calls register a hook for as long as they run
 * and remove it when they end, so the server keeps no listener per call on a
 * shared AbortSignal (Node warns past 10 of them, and a listener that outlives
 * its call is a leak).
 */
export class Shutdown {
  #hooks = new Set<(reason: unknown) => void>();
  #fired = false;
  #reason: unknown;

  get fired(): boolean {
    return this.#fired;
  }

  get reason(): unknown {
    return this.#reason;
  }

  /** Number of registered hooks (for tests: they must all be gone once the calls end). */
  get size(): number {
    return this.#hooks.size;
  }

  /** Runs `hook` when fire() is called (at once if it already was); returns the remover. */
  on(hook: (reason: unknown) => void): () => void {
    if (this.#fired) {
      hook(this.#reason);
      return () => undefined;
    }
    const once = (reason: unknown) => {
      this.#hooks.delete(once);
      hook(reason);
    };
    this.#hooks.add(once);
    return () => this.#hooks.delete(once);
  }

  fire(reason: unknown): void {
    if (this.#fired) return;
    this.#fired = true;
    this.#reason = reason;
    for (const hook of [...this.#hooks]) hook(reason);
  }
}

/**
 * A signal for one call: aborted when `signal` (the request's own) aborts or
 * `shutdown` fires. `release()` removes both links; call it when the call ends.
 */
export function linkCall(signal: AbortSignal, shutdown: Shutdown): { signal: AbortSignal; release(): void } {
  const controller = new AbortController();
  const onRequestAbort = () => controller.abort(signal.reason);
  let off = () => undefined as unknown;
  if (signal.aborted) onRequestAbort();
  else {
    signal.addEventListener("abort", onRequestAbort, { once: true });
    off = shutdown.on((reason) => controller.abort(reason));
  }
  return {
    signal: controller.signal,
    release() {
      signal.removeEventListener("abort", onRequestAbort);
      off();
    },
  };
}
