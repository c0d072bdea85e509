#!/usr/bin/env node
/**
 * The watch baseline over HTTP, for bench/mock-watch.mjs: Connect's Node
 * adapter on an h2c server (at most 250 concurrent streams per connection,
 * like ovc-mock), serving lib/watch-baseline.mjs. Prints
 * "baseline listening on http://127.0.0.1:PORT" when ready.
 */
import http2 from "node:http2";
import { importEsm } from "./deps.mjs";
import { benchVCluster } from "./fixtures.mjs";
import { baselineWatchRoutes } from "./watch-baseline.mjs";

const { create } = await importEsm("@bufbuild/protobuf");
const sdk = await importEsm("@open-vcluster/sdk");
const { connectNodeAdapter } = await importEsm("@connectrpc/connect-node");

const routes = baselineWatchRoutes({ create, ...sdk }, benchVCluster(1));
const server = http2.createServer({ settings: { maxConcurrentStreams: 250 } }, connectNodeAdapter({ routes }));
server.listen(0, "127.0.0.1", () => {
  process.stdout.write(`baseline listening on http://127.0.0.1:${server.address().port}\n`);
});
process.on("SIGTERM", () => process.exit(0));
