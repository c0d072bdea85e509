// Cost of one page of 100 from name-sorted vclusters, 1k versus 100k items.
// Without a filter a page is a binary search plus a slice, so both sizes
// should cost about the same; with a filter, total_size needs every item
// tested, so the cost grows with the list.
//
//     cd packages/core && npx vitest bench --run bench/query.bench.ts
import { create } from "@bufbuild/protobuf";
import { VClusterSchema, VCluster_Phase, type VCluster } from "@open-vcluster/sdk";
import { bench, describe } from "vitest";
import { compareNames, compileListQuery, encodePageToken, paginate, vclusterListSpec, type ListQuery } from "../src/query/index.js";

function vclusters(count: number): VCluster[] {
  const items = Array.from({ length: count }, (_, i) =>
    create(VClusterSchema, {
      name: `projects/bench/vclusters/vc-${i.toString(36).padStart(5, "0")}`,
      labels: { env: i % 10 === 0 ? "prod" : "dev", team: `team-${i % 7}` },
      status: { phase: VCluster_Phase.RUNNING },
    }),
  );
  return items.sort((a, b) => compareNames(a.name, b.name));
}

/** The query a client sends for the page of 100 that starts halfway through the (filtered) list. */
function middlePage(items: readonly VCluster[], filter: string): ListQuery<VCluster> {
  const request = { parent: "projects/bench", pageSize: 100, pageToken: "", filter };
  const first = compileListQuery(request, vclusterListSpec);
  const matching = items.filter(first.predicate);
  const previous = matching[Math.floor(matching.length / 2)] as VCluster;
  const pageToken = encodePageToken(first.fingerprint, first.order.key(previous));
  return compileListQuery({ ...request, pageToken }, vclusterListSpec);
}

const small = vclusters(1_000);
const large = vclusters(100_000);

for (const [label, filter] of [
  ["no filter", ""],
  ["filter labels.env = prod (10% match)", 'labels.env = "prod"'],
] as const) {
  describe(`page of 100, ${label}`, () => {
    const smallQuery = middlePage(small, filter);
    const largeQuery = middlePage(large, filter);
    bench("1k items", () => {
      paginate(small, smallQuery);
    });
    bench("100k items", () => {
      paginate(large, largeQuery);
    });
  });
}
