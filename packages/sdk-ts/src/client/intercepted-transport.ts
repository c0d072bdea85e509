/**
 * Wraps any Connect `Transport` (connect-node, connect-web, the mock's
 * in-process one, a user's own with proxies or TLS) with the SDK's
 * interceptors and a default deadline, so every transport gets the same
 * behaviour without the SDK having to construct it.
 */
import { createContextValues, type Interceptor, type Transport } from "@connectrpc/connect";
import { runStreamingCall, runUnaryCall } from "@connectrpc/connect/protocol";

export function withInterceptors(inner: Transport, interceptors: Interceptor[], defaultTimeoutMs: number | undefined): Transport {
  return {
    unary(method, signal, timeoutMs, header, input, contextValues) {
      const deadline = timeoutMs ?? defaultTimeoutMs;
      return runUnaryCall({
        interceptors,
        signal,
        timeoutMs: deadline,
        req: {
          stream: false,
          service: method.parent,
          method,
          requestMethod: "POST",
          url: `/${method.parent.typeName}/${method.name}`,
          header: new Headers(header),
          contextValues: contextValues ?? createContextValues(),
          message: input,
        },
        next: (req) => inner.unary(req.method, req.signal, deadline, req.header, req.message, req.contextValues),
      });
    },
    // Streams (watches) are long-lived: no default deadline.
    stream(method, signal, timeoutMs, header, input, contextValues) {
      return runStreamingCall({
        interceptors,
        signal,
        timeoutMs,
        req: {
          stream: true,
          service: method.parent,
          method,
          requestMethod: "POST",
          url: `/${method.parent.typeName}/${method.name}`,
          header: new Headers(header),
          contextValues: contextValues ?? createContextValues(),
          message: input,
        },
        next: (req) => inner.stream(req.method, req.signal, timeoutMs, req.header, req.message, req.contextValues),
      });
    },
  };
}
