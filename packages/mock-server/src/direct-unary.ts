/**
 * Unary calls of the in-process transport, without Connect's router
 * machinery (HTTP-shaped requests, envelopes, streams), which costs ~120 µs a
 * call: the request and the response still make a binary round trip, so a
 * handler sees exactly what it would after the wire and the caller gets an
 * independent copy, and errors come back as the ConnectError an HTTP client
 * would get. The mock's interceptors run around every call, as on a server.
 */
import {
  create,
  fromBinary,
  isMessage,
  toBinary,
  type DescMessage,
  type DescMethodUnary,
  type MessageInitShape,
  type MessageShape,
} from "@bufbuild/protobuf";
import {
  Code,
  ConnectError,
  createContextValues,
  createHandlerContext,
  type ContextValues,
  type Interceptor,
  type Transport,
  type UnaryResponse,
} from "@connectrpc/connect";
import { runUnaryCall } from "@connectrpc/connect/protocol";
import type { ServiceEntry } from "@open-vcluster/core";

type UnaryHandler = (input: unknown, context: ReturnType<typeof createHandlerContext>) => unknown;

/** Wraps `fallback` (for streams and unknown methods) with a direct path for unary calls. */
export function withDirectUnary(fallback: Transport, services: readonly ServiceEntry[], interceptors: Interceptor[]): Transport {
  const handlers = new Map<string, UnaryHandler>();
  for (const { service, handlers: impl } of services) {
    for (const method of service.methods) {
      const handler = impl[method.localName];
      if (method.methodKind === "unary" && typeof handler === "function") {
        handlers.set(`${service.typeName}/${method.name}`, handler.bind(impl) as UnaryHandler);
      }
    }
  }
  return {
    stream: fallback.stream.bind(fallback),
    unary<I extends DescMessage, O extends DescMessage>(
      method: DescMethodUnary<I, O>,
      signal: AbortSignal | undefined,
      timeoutMs: number | undefined,
      header: ConstructorParameters<typeof Headers>[0],
      input: MessageInitShape<I>,
      contextValues?: ContextValues,
    ): Promise<UnaryResponse<I, O>> {
      const handler = handlers.get(`${method.parent.typeName}/${method.name}`);
      if (!handler) return fallback.unary(method, signal, timeoutMs, header, input, contextValues);
      return runUnaryCall<I, O>({
        interceptors,
        signal,
        timeoutMs,
        req: {
          stream: false,
          service: method.parent,
          method,
          requestMethod: "POST",
          url: `in-process:///${method.parent.typeName}/${method.name}`,
          header: new Headers(header),
          contextValues: contextValues ?? createContextValues(),
          message: input,
        },
        next: async (req) => {
          const context = createHandlerContext({
            service: method.parent,
            method,
            protocolName: "in-process",
            requestMethod: "POST",
            url: req.url,
            timeoutMs,
            requestSignal: req.signal,
            requestHeader: req.header,
            contextValues: req.contextValues,
          });
          let output: unknown;
          try {
            output = await handler(roundTrip(method.input, req.message as MessageShape<I>), context);
          } catch (err) {
            throw ConnectError.from(err, Code.Internal);
          }
          const shaped = isMessage(output, method.output) ? output : create(method.output, output as MessageInitShape<O>);
          return {
            stream: false,
            service: method.parent,
            method,
            header: context.responseHeader,
            trailer: context.responseTrailer,
            message: roundTrip(method.output, shaped),
          };
        },
      });
    },
  };
}

/** What the wire does to a message: serialize, parse. */
function roundTrip<Desc extends DescMessage>(schema: Desc, message: MessageShape<Desc>): MessageShape<Desc> {
  return fromBinary(schema, toBinary(schema, message));
}

