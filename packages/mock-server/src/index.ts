/**
 * @open-vcluster/mock-server — ovc-mock: the real API semantics (the same
 * core as ovc-server) with an instant in-memory driver and test controls.
 */
export { createMock, type Mock, type MockOptions } from "./mock.js";
export { createMockTransport, type MockTransport, type MockTransportOptions } from "./transport.js";
export { startMockServer, type MockServer, type MockServerOptions } from "./server.js";
export { parseSeed, readSeedFile } from "./seed-file.js";
