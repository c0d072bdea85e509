/**
 * The whole mock in-process (createMockTransport), imported from the built
 * mock-server by path for the reason given in mock-process.ts.
 */
export { createMockTransport, type MockTransport } from "../../../mock-server/dist/esm/index.js";
