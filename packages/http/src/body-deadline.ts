/**
 * A deadline for receiving a request body. A unary or server-streaming
 * request is one message: its body must arrive whole within `ms`, however
 * slowly it trickles in (a slow-body attack holds a connection otherwise).
 * Connect's handler reads the body through this, so a late body fails the
 * call with DEADLINE_EXCEEDED in the caller's protocol; serve.ts then closes
 * the HTTP/1.1 connection / resets the HTTP/2 stream whose body is unread.
 */
import { Code, ConnectError } from "@connectrpc/connect";

export interface BodyDeadline {
  body: AsyncIterable<Uint8Array>;
  /** Stops the timer (the call ended). */
  clear(): void;
}

export function withBodyDeadline(body: AsyncIterable<Uint8Array>, ms: number): BodyDeadline {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new ConnectError(`request body not received within ${ms} ms`, Code.DeadlineExceeded)),
      ms,
    );
  });
  expired.catch(() => undefined); // rejects unobserved when nobody reads the body
  const clear = () => clearTimeout(timer);
  async function* read(): AsyncGenerator<Uint8Array> {
    const it = body[Symbol.asyncIterator]();
    try {
      for (;;) {
        const r = await Promise.race([it.next(), expired]);
        if (r.done === true) return;
        yield r.value;
      }
    } finally {
      clear();
    }
  }
  return { body: read(), clear };
}
