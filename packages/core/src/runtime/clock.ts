/**
 * Time, injected. Core never reads the system clock or sets a timer itself:
 * the server uses the real clock, the mock server one it can freeze and
 * advance, and tests a manual one, so every time-dependent rule (operation
 * latency, snapshot expiry, idempotency retention) is deterministic under test.
 */
export interface Clock {
  now(): Date;
  /** Resolves after `ms` of this clock's time; rejects with the signal's reason when aborted. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const systemClock: Clock = {
  now: () => new Date(),
  sleep: (ms, signal) => realSleep(ms, signal),
};

function realSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/** One pending `sleep`: woken by a real timer while the clock runs, by `advance` while frozen. */
class Sleeper {
  private timer: ReturnType<typeof setTimeout> | undefined;
  constructor(
    public due: number,
    readonly seq: number,
    readonly wake: () => void,
  ) {}
  arm(now: number): void {
    this.disarm();
    this.timer = setTimeout(this.wake, Math.max(0, this.due - now));
  }
  disarm(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }
}

/**
 * A clock that runs with real time until frozen; while frozen, time moves
 * only with `advance`, which wakes sleepers in due order. The mock server's
 * FreezeClock / AdvanceClock / UnfreezeClock drive it.
 */
export class ControllableClock implements Clock {
  private frozenAt: number | undefined;
  private offset = 0;
  private readonly sleepers = new Set<Sleeper>();
  private seq = 0;

  constructor(private readonly base: () => number = Date.now) {}

  get frozen(): boolean {
    return this.frozenAt !== undefined;
  }

  now(): Date {
    return new Date(this.nowMs());
  }

  private nowMs(): number {
    return this.frozenAt ?? this.base() + this.offset;
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const onAbort = () => {
        sleeper.disarm();
        this.sleepers.delete(sleeper);
        reject(signal?.reason);
      };
      const sleeper = new Sleeper(this.nowMs() + Math.max(0, ms), this.seq++, () => {
        sleeper.disarm();
        this.sleepers.delete(sleeper);
        signal?.removeEventListener("abort", onAbort);
        resolve();
      });
      signal?.addEventListener("abort", onAbort, { once: true });
      this.sleepers.add(sleeper);
      if (!this.frozen) sleeper.arm(this.nowMs());
    });
  }

  /** Stops time at `at` (default: now). Pending sleepers then wait for `advance`. */
  freeze(at?: Date): Date {
    this.frozenAt = at ? at.getTime() : this.nowMs();
    for (const s of this.sleepers) s.disarm();
    return new Date(this.frozenAt);
  }

  /** Moves a frozen clock forward by `ms`, waking every sleeper that falls due, in order. */
  async advance(ms: number): Promise<Date> {
    if (this.frozenAt === undefined) this.freeze();
    const target = (this.frozenAt as number) + Math.max(0, ms);
    for (;;) {
      let next: Sleeper | undefined;
      for (const s of this.sleepers) {
        if (s.due <= target && (!next || s.due < next.due || (s.due === next.due && s.seq < next.seq))) next = s;
      }
      if (!next) break;
      this.frozenAt = Math.max(this.frozenAt as number, next.due);
      next.wake();
      // Let the woken work run; it may sleep again within the window.
      await settle();
    }
    this.frozenAt = target;
    await settle();
    return new Date(target);
  }

  /** Back to real time, as if never frozen or advanced (the mock's Reset). */
  reset(): Date {
    const before = this.nowMs();
    this.frozenAt = undefined;
    this.offset = 0;
    const now = this.nowMs();
    // Pending sleepers keep the time they had left, on the new timeline.
    for (const s of this.sleepers) {
      s.due = now + Math.max(0, s.due - before);
      s.arm(now);
    }
    return this.now();
  }

  /** Lets time run again from the frozen instant; pending sleepers keep their remaining time. */
  unfreeze(): Date {
    if (this.frozenAt === undefined) return this.now();
    this.offset = this.frozenAt - this.base();
    this.frozenAt = undefined;
    const now = this.nowMs();
    for (const s of this.sleepers) s.arm(now);
    return this.now();
  }
}

/** Lets pending promise chains and zero-delay timers run. */
function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
