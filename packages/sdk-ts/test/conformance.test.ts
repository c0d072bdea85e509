/**
 * The shared scenarios (conformance/README.md) through the high-level client,
 * against ovc-mock and ovc-server (simulated driver), both as real processes
 * over HTTP. Every file in conformance/scenarios is loaded and run: a file
 * that does not parse, or uses an unknown step, fails; none is skipped, and
 * the last test checks that every one of them ran on every server.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOpenVClusterClient } from "../src/node.js";
import type { OpenVClusterClient } from "../src/index.js";
import { startMockProcess, startServerProcess, type ServerProcess } from "./helpers/mock-process.js";
import { runScenario } from "./conformance/run.js";
import { loadScenario, scenarioFiles } from "./conformance/scenario.js";

const FILES = scenarioFiles();
const SERVERS: [string, () => Promise<ServerProcess>][] = [
  ["ovc-mock", () => startMockProcess()],
  ["ovc-server", () => startServerProcess(["--driver", "simulated"])],
];
const ran = new Map<string, Set<string>>();

/** `projects/<fresh id>`, created through the client before the first step (ovc-server's projects must exist). */
async function freshProject(client: OpenVClusterClient): Promise<string> {
  const projectId = `c-${crypto.randomUUID().slice(0, 8)}`;
  const project = await client.createProject({ projectId, project: {} });
  return project.name;
}

describe("conformance scenarios", () => {
  it("finds at least 40 scenarios, each of which parses", () => {
    expect(FILES.length).toBeGreaterThanOrEqual(40);
    for (const file of FILES) loadScenario(file);
  });

  describe.each(SERVERS)("on %s", { timeout: 60_000 }, (server, start) => {
    let proc: ServerProcess;
    let client: OpenVClusterClient;
    beforeAll(async () => {
      proc = await start();
      client = createOpenVClusterClient({ endpoint: proc.url });
    }, 60_000);
    afterAll(() => proc.stop());

    it.each(FILES)("%s", async (file) => {
      const scenario = loadScenario(file);
      await runScenario(client, scenario, await freshProject(client));
      ran.set(server, (ran.get(server) ?? new Set()).add(file));
    });
  });

  afterAll(() => {
    // No scenario may go unrun: a filtered or skipped run fails here.
    for (const [server] of SERVERS) expect([...(ran.get(server) ?? [])].sort(), server).toEqual(FILES);
  });
});
