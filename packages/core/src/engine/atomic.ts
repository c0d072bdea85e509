/**
 * One API mutation = one store transaction, and its watch events are
 * published only after the transaction commits: a mutation that fails
 * halfway stores nothing and tells no watcher anything.
 */
import type { CoreContext } from "./context.js";
import { publishNow } from "./records.js";

export function atomically<R>(ctx: CoreContext, fn: () => R): R {
  if (ctx.pendingEvents) return fn(); // nested: part of the outer transaction
  const pending: NonNullable<CoreContext["pendingEvents"]> = [];
  ctx.pendingEvents = pending;
  let result: R;
  try {
    result = ctx.store.transaction(() => {
      const value = fn();
      // The watch version these events will take commits with the changes
      // they describe: after a crash a durable store never holds a change
      // under a version a watcher may already have resumed from.
      if (pending.length > 0) ctx.store.setWatchVersion(BigInt(ctx.hub.currentVersion()) + BigInt(pending.length));
      return value;
    });
  } finally {
    ctx.pendingEvents = undefined;
  }
  for (const change of pending) publishNow(ctx, change);
  return result;
}
