// serve(): one port, Connect + gRPC + gRPC-Web, HTTP/1.1 and h2c.
import * as http from "node:http";
import * as http2 from "node:http2";
import * as net from "node:net";
import {
  Code,
  ConnectError,
  cors as connectCors,
  createConnectRouter,
  type ConnectRouter,
  type Interceptor,
} from "@connectrpc/connect";
import type { UniversalHandler, UniversalServerResponse } from "@connectrpc/connect/protocol";
import {
  compressionBrotli,
  compressionGzip,
  universalRequestFromNodeRequest,
  universalResponseToNodeResponse,
} from "@connectrpc/connect-node";
import { withBodyDeadline } from "./body-deadline.js";
import { checkEnvelopes, isEnveloped } from "./envelopes.js";
import { registerReflectionService } from "./reflection.js";
import { registerHealthService, type HealthSource } from "./health.js";
import { STRICT_JSON_READ_OPTIONS } from "./json.js";
import { rewriteParseErrors } from "./parse-errors.js";
import { explainJsonProblem, keepBody } from "./json-problem.js";
import { linkCall, Shutdown } from "./shutdown.js";
import { sniffProtocol } from "./sniff.js";

/** Structured log sink; every method is optional. */
export interface Logger {
  debug?(message: string, fields?: Record<string, unknown>): void;
  info?(message: string, fields?: Record<string, unknown>): void;
  warn?(message: string, fields?: Record<string, unknown>): void;
  error?(message: string, fields?: Record<string, unknown>): void;
}

/** Connection timeouts, all in milliseconds. The defaults suit a public API server. */
export interface ServeTimeouts {
  /**
   * Time a new connection has to send its first request head (HTTP/1.1), or
   * to finish the HTTP/2 preface; also bounds how long request headers may
   * trickle in. Default 15 000.
   */
  headersMs?: number;
  /**
   * Time an HTTP/1.1 client has to send a whole request body. Responses
   * (server streams) are not limited. Default 300 000.
   */
  requestMs?: number;
  /**
   * Time a client has to send the whole body of a single-message request
   * (unary and server-streaming calls), however slowly it trickles in; a late
   * body fails with deadline_exceeded and its connection (HTTP/1.1) or stream
   * (HTTP/2) is closed. Client- and bidi-streaming bodies are not limited by
   * this. Default 10 000; 0: no limit (then only requestMs applies).
   */
  bodyMs?: number;
  /**
   * How long an idle connection is kept: an HTTP/1.1 keep-alive socket
   * between requests, or an HTTP/2 session with no open stream. Default 60 000.
   */
  idleMs?: number;
  /**
   * close(): how long in-flight unary and client-streaming calls may run
   * before they are aborted and their sockets destroyed. Default 5 000.
   */
  closeGraceMs?: number;
}

export interface ServeOptions {
  /** Registers the Connect services. */
  routes: (router: ConnectRouter) => void;
  /** Interface to listen on. Default 127.0.0.1. */
  host?: string;
  /** TCP port; 0 (the default) picks a free one. */
  port?: number;
  /**
   * Open CORS for browser clients: any origin, the Connect / gRPC-Web request
   * headers (and whatever a preflight asks for), grpc-status & co. exposed.
   */
  cors?: boolean;
  /** Largest request message accepted (per message); larger ones fail with resource_exhausted. Default 4 MiB. */
  maxRequestBytes?: number;
  /** Connect interceptors, applied to every call (the first is the outermost). */
  interceptors?: Interceptor[];
  /** Where to log; defaults to errors on the console only. */
  logger?: Logger;
  /** Readiness for /readyz and the gRPC health service; absent means always serving. */
  health?: HealthSource;
  /**
   * Extra service names the gRPC health service knows besides "" (the whole
   * server) and every service `routes` registers, which it always knows.
   */
  grpcHealthServices?: string[];
  /** Connection timeouts. */
  timeouts?: ServeTimeouts;
}

export interface Server {
  /** Base URL, e.g. http://127.0.0.1:41234 (no trailing slash). */
  url: string;
  host: string;
  port: number;
  /**
   * Graceful shutdown: stops accepting, ends open server streams (status
   * unavailable), lets in-flight unary calls finish within closeGraceMs, then
   * destroys what is left. Resolves once every socket is closed. Idempotent.
   */
  close(): Promise<void>;
}

export const DEFAULT_MAX_REQUEST_BYTES = 4 * 1024 * 1024;

const defaultLogger: Logger = {
  error: (message, fields) => console.error(`[@open-vcluster/http] ${message}`, fields ?? ""),
};

type NodeRequest = http.IncomingMessage | http2.Http2ServerRequest;
type NodeResponse = http.ServerResponse | http2.Http2ServerResponse;

const shuttingDown = () => new ConnectError("server is shutting down", Code.Unavailable);

/** Starts the server; resolves once it listens. */
export async function serve(options: ServeOptions): Promise<Server> {
  const host = options.host ?? "127.0.0.1";
  const logger = options.logger ?? defaultLogger;
  const maxRequestBytes = options.maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES;
  const headersMs = options.timeouts?.headersMs ?? 15_000;
  const requestMs = Math.max(options.timeouts?.requestMs ?? 300_000, headersMs);
  const idleMs = options.timeouts?.idleMs ?? 60_000;
  const bodyMs = options.timeouts?.bodyMs ?? 10_000;
  const closeGraceMs = options.timeouts?.closeGraceMs ?? 5_000;

  let closing = false;
  let authority = "localhost"; // host:port once listening
  // Fired when close() starts: ends server and bidi streams.
  const streamsShutdown = new Shutdown();
  // Fired when the grace period is over: aborts every handler's signal.
  const hardShutdown = new Shutdown();

  // ---- Connect router -------------------------------------------------------
  const router = createConnectRouter({
    acceptCompression: [compressionGzip, compressionBrotli],
    readMaxBytes: maxRequestBytes,
    jsonOptions: STRICT_JSON_READ_OPTIONS,
    interceptors: [
      endStreamsOnShutdown(streamsShutdown),
      logUnexpectedErrors(logger),
      ...(options.interceptors ?? []),
    ],
  });
  options.routes(router);
  const handlers = new Map<string, UniversalHandler>();
  for (const h of router.handlers) handlers.set(h.requestPath, h);
  if (!handlers.has("/grpc.health.v1.Health/Check")) {
    const before = router.handlers.length;
    registerHealthService(router, {
      health: options.health,
      services: [...registeredServices(router.handlers), ...(options.grpcHealthServices ?? [])],
      isClosing: () => closing,
    });
    for (const h of router.handlers.slice(before)) handlers.set(h.requestPath, h);
  }
  if (!handlers.has("/grpc.reflection.v1.ServerReflection/ServerReflectionInfo")) {
    const before = router.handlers.length;
    registerReflectionService(router, () => [...new Set(router.handlers.map((h) => h.service))]);
    for (const h of router.handlers.slice(before)) handlers.set(h.requestPath, h);
  }
  const serving = (): boolean => {
    if (closing) return false;
    try {
      return options.health ? options.health.serving() : true;
    } catch {
      return false;
    }
  };

  // ---- connection bookkeeping ----------------------------------------------
  const sockets = new Set<net.Socket>();
  const h1Inflight = new Map<net.Socket, number>();
  const h2Sockets = new Set<net.Socket>();
  const sessions = new Set<http2.ServerHttp2Session>();
  let onSocketsChanged: (() => void) | undefined;

  // ---- request handling -----------------------------------------------------
  function onRequest(req: NodeRequest, res: NodeResponse): void {
    const h1Socket = req.httpVersionMajor === 1 ? (req.socket as net.Socket) : undefined;
    if (h1Socket) {
      h1Inflight.set(h1Socket, (h1Inflight.get(h1Socket) ?? 0) + 1);
      res.once("close", () => {
        const n = (h1Inflight.get(h1Socket) ?? 1) - 1;
        h1Inflight.set(h1Socket, n);
        if (closing && n <= 0) endSocketSoon(h1Socket);
      });
      if (closing) res.setHeader("Connection", "close");
      closeIfBodyUnread(req as http.IncomingMessage, res as http.ServerResponse);
    } else {
      resetIfBodyUnread(req as http2.Http2ServerRequest);
    }
    try {
      handleRequest(req, res);
    } catch (e) {
      logger.error?.("request handling failed", { error: String(e), path: req.url });
      if (!res.headersSent) sendPlain(res, 500, "internal error\n");
      else res.destroy();
    }
  }

  function handleRequest(req: NodeRequest, res: NodeResponse): void {
    const path = (req.url ?? "").split("?", 1)[0] ?? "";
    if (options.cors && applyCors(req, res)) return;
    if (path === "/healthz" || path === "/readyz") {
      if (req.method !== "GET" && req.method !== "HEAD") {
        res.setHeader("Allow", "GET, HEAD");
        return sendPlain(res, 405, "method not allowed\n");
      }
      if (path === "/readyz" && !serving()) return sendPlain(res, 503, "not ready\n", req.method === "HEAD");
      return sendPlain(res, 200, "ok\n", req.method === "HEAD");
    }
    const handler = handlers.get(path);
    if (!handler) return sendUnknownPath(req, res, path);

    // HTTP/1.0 may omit Host, but Connect needs an authority for the URL.
    if (req.headers.host === undefined && !("authority" in req)) req.headers.host = authority;
    const uReq = universalRequestFromNodeRequest(req, res, undefined, undefined);
    // The handler's signal also aborts on a hard shutdown; the link lives as long as the call.
    const call = linkCall(uReq.signal, hardShutdown);
    const oneMessage = handler.method.methodKind === "unary" || handler.method.methodKind === "server_streaming";
    const contentType = String(req.headers["content-type"] ?? "");
    const checked = isByteStream(uReq.body) && isEnveloped(contentType)
      ? checkEnvelopes(uReq.body, contentType, uReq.header)
      : uReq.body;
    // Connect unary JSON (curl, browsers, the REST mapping to come): kept so a
    // decode error can name the field (json-problem.ts).
    const kept = handler.method.methodKind === "unary" && contentType.startsWith("application/json") && isByteStream(checked)
      ? keepBody(checked)
      : undefined;
    const read = kept ? kept.body : checked;
    const body = oneMessage && bodyMs > 0 && isByteStream(read) ? withBodyDeadline(read, bodyMs) : undefined;
    res.once("close", () => {
      call.release();
      body?.clear();
    });
    handler({ ...uReq, signal: call.signal, body: body ? body.body : read })
      .then((uRes) => {
        const explained = kept ? explainJsonProblem(uRes, handler.method.input, kept.text) : uRes;
        return universalResponseToNodeResponse(rewriteParseErrors(explainBareStatus(explained, handler, req)), res);
      })
      .catch((reason: unknown) => {
        const err = ConnectError.from(reason);
        if (err.code === Code.Aborted || err.code === Code.Canceled || res.destroyed || req.destroyed) {
          logger.debug?.("client went away", { path, error: err.message });
        } else {
          logger.error?.(`handler for ${path} failed`, { error: err.message, code: Code[err.code] });
        }
        if (!res.headersSent && !res.destroyed) {
          sendError(req, res, 500, Code.Internal, "internal error");
        } else {
          res.destroy();
        }
      });
  }

  // Connect answers a wrong method / content type with a bare 405 / 415: give
  // it a body that says what is wrong (a Connect error or gRPC trailers).
  function explainBareStatus(uRes: UniversalServerResponse, handler: UniversalHandler, req: NodeRequest): UniversalServerResponse {
    if (uRes.body !== undefined) return uRes;
    const contentType = String(req.headers["content-type"] ?? "");
    if (uRes.status === 405) {
      const allowed = handler.allowedMethods.join(", ");
      return errorResponse(contentType, 405, Code.Unimplemented,
        `HTTP method ${req.method ?? ""} is not allowed for ${handler.requestPath}; use ${allowed}`, { Allow: allowed });
    }
    if (uRes.status === 415) {
      const accepted = "application/json, application/proto, application/connect+json, application/connect+proto, " +
        "application/grpc, application/grpc+proto, application/grpc+json, application/grpc-web, application/grpc-web+proto, application/grpc-web+json";
      return errorResponse(contentType, 415, Code.InvalidArgument,
        `unsupported content-type ${JSON.stringify(contentType)} for ${handler.requestPath}; use one of ${accepted}`,
        { "Accept-Post": accepted });
    }
    return uRes;
  }

  function sendUnknownPath(req: NodeRequest, res: NodeResponse, path: string): void {
    sendError(req, res, 404, Code.Unimplemented, `unknown method or path ${path}`);
  }

  function sendError(req: NodeRequest, res: NodeResponse, httpStatus: number, code: Code, message: string): void {
    const uRes = errorResponse(String(req.headers["content-type"] ?? ""), httpStatus, code, message, {});
    universalResponseToNodeResponse(uRes, res).catch(() => res.destroy());
  }

  function applyCors(req: NodeRequest, res: NodeResponse): boolean {
    const origin = req.headers.origin;
    if (typeof origin !== "string" || origin === "") return false;
    res.setHeader("Access-Control-Allow-Origin", origin);
    res.setHeader("Vary", "Origin");
    const preflight = req.method === "OPTIONS" && req.headers["access-control-request-method"] !== undefined;
    if (!preflight) {
      res.setHeader("Access-Control-Expose-Headers", CORS_EXPOSED);
      return false;
    }
    const requested = String(req.headers["access-control-request-headers"] ?? "")
      .split(",").map((s) => s.trim()).filter((s) => s !== "");
    const allowHeaders = [...new Set([...connectCors.allowedHeaders, "Authorization", ...requested])];
    res.setHeader("Access-Control-Allow-Methods", [...connectCors.allowedMethods, "OPTIONS"].join(", "));
    res.setHeader("Access-Control-Allow-Headers", allowHeaders.join(", "));
    res.setHeader("Access-Control-Max-Age", "7200");
    res.writeHead(204);
    res.end();
    return true;
  }

  // ---- the three servers on one port ---------------------------------------
  const h1 = http.createServer({
    requestTimeout: requestMs,
    headersTimeout: headersMs,
    keepAliveTimeout: idleMs,
    connectionsCheckingInterval: Math.min(5_000, headersMs),
  }, onRequest);
  h1.timeout = 0; // no socket inactivity timeout: it would cut quiet server streams
  // http.Server only tracks connections for headersTimeout/requestTimeout
  // once it is "listening"; it never listens itself (the net server does).
  h1.emit("listening");

  const h2 = http2.createServer({
    settings: { maxConcurrentStreams: 250 },
    maxSessionMemory: 32,
  }, onRequest);
  h2.on("session", (session: http2.ServerHttp2Session) => {
    sessions.add(session);
    session.on("error", (e) => logger.debug?.("http2 session error", { error: String(e) }));
    session.once("close", () => sessions.delete(session));
    if (closing) {
      session.close();
      return;
    }
    // Idle: no open stream for idleMs.
    let open = 0;
    let idle: NodeJS.Timeout | undefined;
    const arm = () => {
      clearTimeout(idle);
      idle = setTimeout(() => session.close(), idleMs);
      idle.unref();
    };
    arm();
    session.on("stream", (stream: http2.ServerHttp2Stream) => {
      open++;
      clearTimeout(idle);
      stream.on("error", (e) => logger.debug?.("http2 stream error", { error: String(e) }));
      // Like HTTP/1.1's requestTimeout: a request body that stalls for
      // requestMs is given up on. Once the body has ended the stream may be
      // quiet for as long as it likes (server streams).
      if (!stream.endAfterHeaders) {
        stream.setTimeout(requestMs, () => {
          logger.debug?.("http2 request body timed out");
          stream.close(http2.constants.NGHTTP2_CANCEL);
        });
        stream.once("end", () => stream.setTimeout(0));
      }
      stream.once("close", () => {
        open--;
        if (open === 0 && !session.closed) arm();
      });
    });
    session.once("close", () => clearTimeout(idle));
  });

  const tcp = net.createServer({ noDelay: true });
  tcp.on("connection", (socket: net.Socket) => {
    if (closing) {
      socket.destroy();
      return;
    }
    sockets.add(socket);
    socket.on("error", (e) => logger.debug?.("socket error", { error: String(e) }));
    socket.once("close", () => {
      sockets.delete(socket);
      h1Inflight.delete(socket);
      h2Sockets.delete(socket);
      onSocketsChanged?.();
    });
    sniffProtocol(socket, headersMs, (protocol) => {
      if (protocol === "h2") {
        h2Sockets.add(socket);
        h2.emit("connection", socket);
      } else {
        h1Inflight.set(socket, 0);
        h1.emit("connection", socket);
        socket.resume();
      }
    });
  });

  try {
    await new Promise<void>((resolve, reject) => {
      tcp.once("error", reject);
      tcp.listen({ host, port: options.port ?? 0 }, () => {
        tcp.off("error", reject);
        resolve();
      });
    });
  } catch (e) {
    h1.close();
    h2.close();
    throw e;
  }
  tcp.on("error", (e) => logger.error?.("listener error", { error: String(e) }));
  const address = tcp.address() as net.AddressInfo;
  const port = address.port;
  authority = `${net.isIPv6(host) ? `[${host}]` : host}:${port}`;
  const url = `http://${authority}`;
  logger.info?.("listening", { url });

  function endSocketSoon(socket: net.Socket): void {
    if (socket.destroyed) return;
    socket.end();
    setTimeout(() => socket.destroy(), 1_000).unref();
  }

  function waitForSockets(ms: number): Promise<boolean> {
    return new Promise((resolve) => {
      if (sockets.size === 0) return resolve(true);
      const timer = setTimeout(() => {
        onSocketsChanged = undefined;
        resolve(false);
      }, ms);
      onSocketsChanged = () => {
        if (sockets.size === 0) {
          clearTimeout(timer);
          onSocketsChanged = undefined;
          resolve(true);
        }
      };
    });
  }

  let closed: Promise<void> | undefined;
  function close(): Promise<void> {
    closed ??= (async () => {
      closing = true;
      const listenerClosed = new Promise<void>((resolve) => tcp.close(() => resolve()));
      streamsShutdown.fire(shuttingDown());
      for (const session of sessions) session.close(); // GOAWAY; open streams may finish
      for (const socket of sockets) {
        const inflight = h1Inflight.get(socket);
        if (inflight === 0) endSocketSoon(socket); // idle HTTP/1.1 keep-alive
        else if (inflight === undefined && !h2Sockets.has(socket)) socket.destroy(); // still sniffing
      }
      if (!(await waitForSockets(closeGraceMs))) {
        hardShutdown.fire(shuttingDown());
        if (!(await waitForSockets(250))) {
          for (const socket of sockets) socket.destroy();
          await waitForSockets(1_000);
        }
      }
      h1.close();
      h2.close();
      await listenerClosed;
      logger.info?.("closed", { url });
    })();
    return closed;
  }

  return { url, host, port, close };
}

function isByteStream(body: unknown): body is AsyncIterable<Uint8Array> {
  return typeof body === "object" && body !== null && Symbol.asyncIterator in body;
}

/** The fully-qualified names of the services with a handler, e.g. "openvcluster.v1.VClusterService". */
function registeredServices(handlers: readonly UniversalHandler[]): string[] {
  return [...new Set(handlers.map((h) => h.requestPath.split("/")[1] ?? "").filter((s) => s !== ""))];
}

const CORS_EXPOSED = [
  ...connectCors.exposedHeaders,
  "Grpc-Status-Details-Bin",
  "Connect-Content-Encoding",
  "Content-Encoding",
  "Retry-After",
  "*",
].join(", ");

/**
 * Ends server- and bidi-streaming calls with `unavailable` when `shutdown`
 * fires (close() started), even if the implementation ignores its own signal.
 * Unary and client-streaming calls are left to finish.
 */
function endStreamsOnShutdown(shutdown: Shutdown): Interceptor {
  return (next) => async (req) => {
    const kind = req.method.methodKind;
    if (kind !== "server_streaming" && kind !== "bidi_streaming") return next(req);
    if (shutdown.fired) throw shuttingDown();
    const { signal, release } = linkCall(req.signal, shutdown);
    let res;
    try {
      res = await next({ ...req, signal: signal });
    } catch (e) {
      release();
      throw e;
    }
    if (!res.stream) {
      release();
      return res;
    }
    const inner = res.message;
    async function* guarded() {
      const it = inner[Symbol.asyncIterator]();
      const stopped = new Promise<never>((_, reject) => {
        if (signal.aborted) reject(signal.reason);
        signal.addEventListener("abort", () => reject(signal.reason), { once: true });
      });
      stopped.catch(() => undefined);
      try {
        for (;;) {
          const r = await Promise.race([it.next(), stopped]);
          if (r.done === true) return;
          yield r.value;
        }
      } finally {
        release();
        // Don't wait: an implementation that ignores its signal may be stuck.
        it.return?.().catch(() => undefined);
      }
    }
    return { ...res, message: guarded() };
  };
}

/**
 * HTTP/1.1: a response that goes out before the request body was read to its
 * end (an oversized or malformed request) says `Connection: close`, so the
 * rest of that body is never taken for the next request on the socket and
 * the client doesn't reuse a connection the server won't read any more.
 */
function closeIfBodyUnread(req: http.IncomingMessage, res: http.ServerResponse): void {
  const hasBody = Number(req.headers["content-length"] ?? 0) > 0 || req.headers["transfer-encoding"] !== undefined;
  if (!hasBody) return;
  const writeHead = res.writeHead;
  res.writeHead = function (this: http.ServerResponse, ...args: unknown[]) {
    if (!req.complete && !this.headersSent) this.setHeader("Connection", "close");
    return (writeHead as (...a: unknown[]) => http.ServerResponse).apply(this, args);
  } as typeof res.writeHead;
}

/**
 * Logs errors that look like bugs: anything thrown that is not a
 * ConnectError goes to logger.error; a ConnectError with code internal,
 * unknown or data_loss to logger.warn (it was thrown on purpose, e.g. an
 * injected fault in the mock). Other codes (not_found, invalid_argument, ...)
 * are the API working and are not logged.
 */
function logUnexpectedErrors(logger: Logger): Interceptor {
  return (next) => async (req) => {
    const report = (e: unknown) => {
      const rpc = `${req.service.typeName}/${req.method.name}`;
      if (e instanceof ConnectError) {
        if (e.code !== Code.Internal && e.code !== Code.Unknown && e.code !== Code.DataLoss) return;
        if (e.rawMessage.startsWith("parse binary:")) return; // a malformed request, see parse-errors.ts
        logger.warn?.(`${rpc} failed`, { code: Code[e.code], error: e.rawMessage });
        return;
      }
      logger.error?.(`${rpc} failed`, { error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
    };
    try {
      const res = await next(req);
      if (!res.stream) return res;
      const inner = res.message;
      async function* logged() {
        try {
          yield* inner;
        } catch (e) {
          report(e);
          throw e;
        }
      }
      return { ...res, message: logged() };
    } catch (e) {
      report(e);
      throw e;
    }
  };
}

/**
 * HTTP/2: once a response is complete while the client is still sending its
 * request body (an oversized message was refused), tell it to stop with
 * RST_STREAM(NO_ERROR) as RFC 9113 §8.1 allows. Otherwise the half-open stream
 * lingers until the client gives up and keeps close() waiting. The reset is
 * sent after the trailers ('wantTrailers' comes once the last DATA frame is
 * on its way), so the response itself is never cut.
 */
function resetIfBodyUnread(req: http2.Http2ServerRequest): void {
  const stream = req.stream;
  stream.once("wantTrailers", () =>
    setImmediate(() => {
      if (req.readableEnded || stream.closed || stream.destroyed) return;
      stream.close(http2.constants.NGHTTP2_NO_ERROR);
      // Node would destroy the stream only once its readable side ends,
      // which the unread body never does: finish it off.
      stream.destroy();
    }),
  );
}

function sendPlain(res: NodeResponse, status: number, body: string, headOnly = false): void {
  res.writeHead(status, {
    "Content-Type": "text/plain; charset=utf-8",
    "Content-Length": String(Buffer.byteLength(body)),
    "Cache-Control": "no-store",
  });
  if (headOnly) res.end();
  else res.end(body);
}

const CODE_NAMES: Record<number, string> = {
  [Code.Canceled]: "canceled",
  [Code.Unknown]: "unknown",
  [Code.InvalidArgument]: "invalid_argument",
  [Code.DeadlineExceeded]: "deadline_exceeded",
  [Code.NotFound]: "not_found",
  [Code.AlreadyExists]: "already_exists",
  [Code.PermissionDenied]: "permission_denied",
  [Code.ResourceExhausted]: "resource_exhausted",
  [Code.FailedPrecondition]: "failed_precondition",
  [Code.Aborted]: "aborted",
  [Code.OutOfRange]: "out_of_range",
  [Code.Unimplemented]: "unimplemented",
  [Code.Internal]: "internal",
  [Code.Unavailable]: "unavailable",
  [Code.DataLoss]: "data_loss",
  [Code.Unauthenticated]: "unauthenticated",
};

/**
 * An error response in the caller's protocol: gRPC and gRPC-Web get a
 * trailers-only response (HTTP 200, grpc-status in the headers), everything
 * else the given HTTP status with a Connect error JSON body.
 */
function errorResponse(contentType: string, httpStatus: number, code: Code, message: string,
  extra: Record<string, string>): UniversalServerResponse {
  const header = new Headers(extra);
  if (/^application\/grpc(-web(-text)?)?([+;]|$)/i.test(contentType)) {
    const grpcWeb = /^application\/grpc-web/i.test(contentType);
    header.set("Content-Type", grpcWeb ? contentType.split(";")[0] ?? "application/grpc-web+proto" : "application/grpc");
    header.set("Grpc-Status", String(code));
    header.set("Grpc-Message", encodeURIComponent(message));
    return { status: 200, header };
  }
  header.set("Content-Type", "application/json");
  const body = new TextEncoder().encode(JSON.stringify({ code: CODE_NAMES[code] ?? "unknown", message }));
  header.set("Content-Length", String(body.byteLength));
  return { status: httpStatus, header, body: oneChunk(body) };
}

async function* oneChunk(bytes: Uint8Array): AsyncIterable<Uint8Array> {
  yield bytes;
}
