// Tells HTTP/2 with prior knowledge (h2c) from HTTP/1.x by a connection's
// first bytes, so one port serves both.
import type { Socket } from "node:net";

/** The client connection preface every HTTP/2 connection starts with (RFC 9113 §3.4). */
export const HTTP2_PREFACE = Buffer.from("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n", "latin1");

export type Protocol = "h1" | "h2";

/**
 * Reads from `socket` until its first bytes either diverge from the HTTP/2
 * preface ("h1") or contain all of it ("h2"), however the client splits them
 * into packets. The bytes read are put back (`unshift`) and the socket is left
 * paused, so the server it is handed to sees the whole stream. A socket that
 * says nothing for `timeoutMs`, or that ends before deciding, is destroyed and
 * `onDecided` is never called.
 */
export function sniffProtocol(socket: Socket, timeoutMs: number, onDecided: (protocol: Protocol) => void): void {
  let buffered: Buffer = Buffer.alloc(0);
  const timer = setTimeout(() => {
    cleanup();
    socket.destroy();
  }, timeoutMs);
  timer.unref();

  function cleanup(): void {
    clearTimeout(timer);
    socket.off("data", onData);
    socket.off("end", onEnd);
  }
  function onEnd(): void {
    cleanup();
    socket.destroy();
  }
  function onData(chunk: Buffer): void {
    buffered = buffered.length === 0 ? chunk : Buffer.concat([buffered, chunk]);
    const n = Math.min(buffered.length, HTTP2_PREFACE.length);
    const samePrefix = buffered.subarray(0, n).equals(HTTP2_PREFACE.subarray(0, n));
    if (samePrefix && buffered.length < HTTP2_PREFACE.length) return; // wait for more
    socket.pause();
    cleanup();
    socket.unshift(buffered);
    onDecided(samePrefix ? "h2" : "h1");
  }
  socket.on("data", onData);
  socket.on("end", onEnd);
}
