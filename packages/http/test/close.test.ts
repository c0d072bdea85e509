// close(): graceful for unary calls, firm with streams, and it really ends.
import * as net from "node:net";
import { Code, ConnectError, createClient } from "@connectrpc/connect";
import { describe, expect, it } from "vitest";
import { Health, serve } from "../src/index.js";
import { EchoService, echoRoutes, newStats } from "./echo-service.js";
import { eventually, sleep, transports } from "./helpers.js";

const refused = (port: number) =>
  new Promise<boolean>((resolve) => {
    const s = net.connect(port, "127.0.0.1");
    s.once("connect", () => {
      s.destroy();
      resolve(false);
    });
    s.once("error", () => resolve(true));
  });

describe("close()", () => {
  it("lets in-flight unary calls finish, ends open streams with unavailable, then refuses connections", async () => {
    const stats = newStats();
    const server = await serve({ routes: echoRoutes(stats), logger: {} });
    const all = transports(server.url);

    // An open stream and an in-flight call on every protocol.
    const streams = all.map(async ([name, t]) => {
      let n = 0;
      try {
        for await (const _ of createClient(EchoService, t).count({ count: 0, delayMs: 20 })) n++;
        return { name, n, err: undefined };
      } catch (e) {
        return { name, n, err: ConnectError.from(e) };
      }
    });
    await eventually(() => stats.openStreams === all.length);
    const calls = all.map(([, t]) => createClient(EchoService, t).slow({ text: "done", delayMs: 400 }));
    await eventually(() => stats.slowStarted === all.length);

    const t0 = Date.now();
    await server.close();
    const took = Date.now() - t0;

    for (const r of await Promise.all(calls)) expect(r.text).toBe("done");
    expect(stats.slowFinished).toBe(all.length);
    for (const s of await Promise.all(streams)) {
      expect(s.n, s.name).toBeGreaterThan(0);
      expect(s.err?.code, s.name).toBe(Code.Unavailable);
    }
    await eventually(() => stats.openStreams === 0);
    expect(took).toBeGreaterThanOrEqual(300);
    expect(took).toBeLessThan(3_000);
    expect(await refused(server.port)).toBe(true);
  });

  it("gives up on a call that outlasts closeGraceMs and still resolves", async () => {
    const stats = newStats();
    const server = await serve({ routes: echoRoutes(stats), logger: {}, timeouts: { closeGraceMs: 200 } });
    const [h1, , grpc] = transports(server.url);
    const stuck = [h1![1], grpc![1]].map((t) =>
      createClient(EchoService, t).slow({ delayMs: 30_000 }).then(() => undefined, (e: unknown) => ConnectError.from(e)));
    await eventually(() => stats.slowStarted === 2);
    const t0 = Date.now();
    await server.close();
    expect(Date.now() - t0).toBeLessThan(3_000);
    for (const err of await Promise.all(stuck)) expect(err).toBeInstanceOf(ConnectError);
  });

  it("closes idle keep-alive HTTP/1.1 and HTTP/2 connections at once", async () => {
    const server = await serve({ routes: echoRoutes(), logger: {} });
    for (const [, t] of transports(server.url)) {
      expect((await createClient(EchoService, t).echo({ text: "x" })).text).toBe("x");
    }
    await (await fetch(`${server.url}/healthz`)).text();
    const t0 = Date.now();
    await server.close();
    // well under closeGraceMs (5 s): nothing waited for the grace period
    expect(Date.now() - t0).toBeLessThan(2_500);
  });

  it("is idempotent and reports NOT_SERVING / 503 while draining", async () => {
    const stats = newStats();
    const server = await serve({ routes: echoRoutes(stats), logger: {} });
    const grpc = transports(server.url)[2]![1];
    const slow = createClient(EchoService, grpc).slow({ delayMs: 300 });
    await eventually(() => stats.slowStarted === 1);
    const closing = server.close();
    expect(server.close()).toBe(closing);
    // The HTTP/2 session got GOAWAY, so ask on a fresh HTTP/1.1 connection... which is refused now.
    expect(await refused(server.port)).toBe(true);
    await slow;
    await closing;
    await sleep(10);
  });

  it("works for a server that never had a connection", async () => {
    const server = await serve({ routes: () => undefined });
    await server.close();
    expect(await refused(server.port)).toBe(true);
  });

  it("the health service of a closing server says NOT_SERVING to calls already on the wire", async () => {
    const server = await serve({ routes: echoRoutes(), logger: {} });
    const health = createClient(Health, transports(server.url)[2]![1]);
    const watch = (async () => {
      const seen: number[] = [];
      try {
        for await (const m of health.watch({})) seen.push(m.status);
      } catch (e) {
        return { seen, err: ConnectError.from(e) };
      }
      return { seen, err: undefined };
    })();
    await sleep(100);
    await server.close();
    const { seen, err } = await watch;
    expect(seen[0]).toBe(1); // SERVING
    expect(err?.code).toBe(Code.Unavailable);
  });

  it("is not held up by HTTP/2 streams whose oversized request body was refused", async () => {
    const server = await serve({ routes: echoRoutes(), logger: {}, maxRequestBytes: 16 * 1024 });
    for (const [name, t] of transports(server.url).filter(([n]) => n.includes("HTTP/2"))) {
      const err = await createClient(EchoService, t).echo({ padding: new Uint8Array(256 * 1024) }).catch((e: unknown) => ConnectError.from(e));
      expect((err as ConnectError).code, name).toBe(Code.ResourceExhausted);
    }
    const t0 = Date.now();
    await server.close();
    expect(Date.now() - t0).toBeLessThan(2_500);
  });
});
