/**
 * `createMockTransport`: the whole mock in-process, no sockets, for
 * TypeScript tests. Unary calls take a direct path (direct-unary.ts), streams
 * Connect's router transport; both serialize every message, so what passes
 * here passes over HTTP.
 */
import { createClient, createRouterTransport, type Client, type Transport } from "@connectrpc/connect";
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

export function createMockTransport(options: MockOptions = {}): MockTransport {
  const mock = createMock(options);
  const router = createRouterTransport((r) => mock.routes(r), {
    router: { interceptors: mock.interceptors },
  });
  const transport = withDirectUnary(router, mock.services, mock.interceptors);
  return Object.assign(transport, {
    mock,
    control: createClient(MockControlService, transport),
    close: () => mock.close(),
  });
}
