/**
 * Identifiers, injected like the clock so tests can predict them.
 */
export interface IdGenerator {
  /** A UUID for `uid` fields. */
  uuid(): string;
  /** A short, URL-safe, unique id for operation names. */
  operationId(): string;
}

/** Random ids from the platform's crypto (Node 20+ and browsers). */
export const randomIds: IdGenerator = {
  uuid: () => globalThis.crypto.randomUUID(),
  operationId: () => "op-" + globalThis.crypto.randomUUID().replaceAll("-", "").slice(0, 20),
};

/** Deterministic ids for tests: uuids and operation ids counting up from 1. */
export function sequentialIds(prefix = ""): IdGenerator {
  let n = 0;
  return {
    uuid: () => {
      n++;
      return `00000000-0000-4000-8000-${n.toString(16).padStart(12, "0")}`;
    },
    operationId: () => `op-${prefix}${(++n).toString().padStart(8, "0")}`,
  };
}
