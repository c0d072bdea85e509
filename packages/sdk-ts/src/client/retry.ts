/**
 * Retries with exponential backoff and full jitter, as an interceptor:
 * UNAVAILABLE for every unary call whose retry is safe, DEADLINE_EXCEEDED too
 * for reads (NO_SIDE_EFFECTS). A mutation whose request has an empty
 * `request_id` gets a UUID before the first attempt, so every attempt carries
 * the same idempotency key and the server answers a retry of a call that did
 * go through with the original operation instead of doing it twice.
 * Streams are not retried here: the watch resumes itself (watch.ts).
 */
import { clone, type DescMessage, type MessageShape } from "@bufbuild/protobuf";
import { MethodOptions_IdempotencyLevel as Idempotency } from "@bufbuild/protobuf/wkt";
import { Code, ConnectError, type Interceptor } from "@connectrpc/connect";
import { sleep } from "./sleep.js";
import { uuid } from "./uuid.js";

export interface RetryOptions {
  /** Attempts in all, the first included (default 4). */
  maxAttempts?: number;
  /** The first backoff's upper bound (default 100 ms); each next one is `multiplier` times longer. */
  initialBackoffMs?: number;
  /** The largest backoff bound (default 5 s). */
  maxBackoffMs?: number;
  /** Default 2. */
  multiplier?: number;
  /** A random number in [0, 1) for the jitter; tests make it deterministic. */
  random?: () => number;
}

const REQUEST_ID = "requestId";

export function retryInterceptor(options: RetryOptions = {}): Interceptor {
  const maxAttempts = options.maxAttempts ?? 4;
  const initial = options.initialBackoffMs ?? 100;
  const max = options.maxBackoffMs ?? 5000;
  const multiplier = options.multiplier ?? 2;
  const random = options.random ?? Math.random;
  return (next) => async (req) => {
    if (req.stream) return next(req);
    const message = withRequestId(req.method.input, req.message);
    const reads = req.method.idempotency === Idempotency.NO_SIDE_EFFECTS;
    const safe = reads || req.method.idempotency === Idempotency.IDEMPOTENT || REQUEST_ID in message;
    for (let attempt = 1; ; attempt++) {
      try {
        return await next({ ...req, message });
      } catch (err) {
        const code = err instanceof ConnectError ? err.code : undefined;
        const retryable = safe && (code === Code.Unavailable || (reads && code === Code.DeadlineExceeded));
        if (!retryable || attempt >= maxAttempts || req.signal.aborted) throw err;
        const bound = Math.min(max, initial * multiplier ** (attempt - 1));
        await sleep(random() * bound, req.signal);
      }
    }
  };
}

/** The request with a fresh UUID in an empty `requestId`, or the request itself. */
function withRequestId<D extends DescMessage>(schema: D, message: MessageShape<D>): MessageShape<D> {
  const field = schema.fields.find((f) => f.localName === REQUEST_ID);
  if (field === undefined || (message as Record<string, unknown>)[REQUEST_ID] !== "") return message;
  const copy = clone(schema, message);
  (copy as Record<string, unknown>)[REQUEST_ID] = uuid();
  return copy;
}
