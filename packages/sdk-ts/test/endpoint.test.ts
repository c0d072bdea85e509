/** The endpoint comes from OVC_ENDPOINT when not given; Node also sets user-agent. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClient } from "@connectrpc/connect";
import { createConnectTransport } from "@connectrpc/connect-node";
import { MockControlService } from "../src/mock.js";
import { SDK_USER_AGENT } from "../src/index.js";
import { createOpenVClusterClient } from "../src/node.js";
import { startMockProcess, type ServerProcess } from "./helpers/mock-process.js";

describe("endpoint", { timeout: 60_000 }, () => {
  let proc: ServerProcess;
  beforeAll(async () => {
    proc = await startMockProcess();
  }, 60_000);
  afterAll(() => proc.stop());

  it("reads OVC_ENDPOINT when no endpoint is given, and sends user-agent from Node", async () => {
    process.env["OVC_ENDPOINT"] = proc.url;
    try {
      await createOpenVClusterClient().listVClusters({ parent: "projects/env" }).all();
    } finally {
      delete process.env["OVC_ENDPOINT"];
    }
    const control = createClient(MockControlService, createConnectTransport({ baseUrl: proc.url, httpVersion: "1.1" }));
    const [req] = (await control.listRecordedRequests({})).requests;
    expect(req?.method).toBe("openvcluster.v1.VClusterService/ListVClusters");
    expect(req?.headers["user-agent"]).toBe(SDK_USER_AGENT);
  });
});
