/**
 * `startMockServer`: ovc-mock over HTTP (Connect, gRPC and gRPC-Web on one
 * port, HTTP/1.1 and h2c, CORS open for browser tests).
 */
import { createClient, type Client } from "@connectrpc/connect";
import { createConnectTransport } from "@connectrpc/connect-node";
import { serve, type ServeTimeouts } from "@open-vcluster/http";
import { MockControlService } from "@open-vcluster/sdk/mock";
import { createMock, type Mock, type MockOptions } from "./mock.js";

export interface MockServerOptions extends MockOptions {
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 0: a random free port. */
  port?: number;
  /** HTTP timeouts (e.g. `bodyMs`, `--body-timeout-ms`); the defaults of `serve()` otherwise. */
  timeouts?: ServeTimeouts;
}

export interface MockServer {
  /** e.g. http://127.0.0.1:41234 */
  readonly url: string;
  /** A MockControlService client over HTTP. */
  readonly control: Client<typeof MockControlService>;
  readonly mock: Mock;
  close(): Promise<void>;
}

export async function startMockServer(options: MockServerOptions = {}): Promise<MockServer> {
  const mock = createMock(options);
  const server = await serve({
    routes: (router) => mock.routes(router),
    interceptors: mock.interceptors,
    host: options.host ?? "127.0.0.1",
    port: options.port ?? 0,
    cors: true,
    ...(options.timeouts ? { timeouts: options.timeouts } : {}),
  });
  const control = createClient(
    MockControlService,
    createConnectTransport({ baseUrl: server.url, httpVersion: "1.1" }),
  );
  return {
    url: server.url,
    control,
    mock,
    async close() {
      await mock.close();
      await server.close();
    },
  };
}
