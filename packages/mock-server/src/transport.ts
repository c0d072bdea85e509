/**
 * `createMockTransport`: the whole mock in-process, no sockets, for
 * TypeScript tests. Unary calls take a direct path (direct-unary.ts), streams
 * Connect's router transport; both serialize every message, so what passes
 * here passes over HTTP. `interceptors` run on the API calls as on any
 * client transport (the `control` client bypasses them).
 */
import { createClient, createRouterTransport, type Client, type Interceptor, type Transport } from "@connectrpc/connect";
import { withInterceptors } from "@open-vcluster/sdk";
import { MockControlService } from "@open-vcluster/sdk/mock";
import { withDirectUnary } from "./direct-unary.js";
import { createMock, type Mock, type MockOptions } from "./mock.js";

export interface MockTransport extends Transport {
  /** The mock behind the transport. */
  readonly mock: Mock;
  /** A MockControlService client on the same transport. */
  readonly control: Client<typeof MockControlService>;
  close(): Promise<void>;
}

export interface MockTransportOptions extends MockOptions {
  /** Client-side interceptors, outermost first, e.g. to add headers or observe calls. */
  interceptors?: Interceptor[];
}

export function createMockTransport(options: MockTransportOptions = {}): MockTransport {
  const mock = createMock(options);
  const router = createRouterTransport((r) => mock.routes(r), {
    router: { interceptors: mock.interceptors },
  });
  const direct = withDirectUnary(router, mock.services, mock.interceptors);
  const transport = options.interceptors?.length ? withInterceptors(direct, options.interceptors, undefined) : direct;
  return Object.assign(transport, {
    mock,
    control: createClient(MockControlService, direct),
    close: () => mock.close(),
  });
}
