/**
 * GenerateVClusterKubeconfig: legal while the API server serves (RUNNING,
 * UPDATING, SCALING), refused
 * when SUSPENDED; the endpoint choices against each exposure; token_ttl and
 * expire_time (1 h by default); admin credentials only on request.
 */
import type { MessageInitShape } from "@bufbuild/protobuf";
import { Code } from "@connectrpc/connect";
import {
  Exposure_Type,
  GenerateVClusterKubeconfigRequest_Endpoint as Endpoint,
  VCluster_Phase as Phase,
  type ExposureSchema,
  type Kubeconfig,
  type VCluster,
} from "@open-vcluster/sdk";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { PARENT, expectCode, ms, reset, seedVCluster, vcName } from "./phases.js";
import { TARGETS, settle, type Target } from "./targets.js";

const NAME = vcName("dev");
const HOST = "dev.example.com";

type Expect = "internal" | "load balancer" | "ingress" | "FAILED_PRECONDITION";

/** Which server each endpoint gives for each exposure (from the proto's Endpoint comments). */
const ENDPOINTS: { exposure: Exposure_Type; endpoint: Endpoint; want: Expect }[] = [
  { exposure: Exposure_Type.CLUSTER_INTERNAL, endpoint: Endpoint.UNSPECIFIED, want: "internal" },
  { exposure: Exposure_Type.CLUSTER_INTERNAL, endpoint: Endpoint.CLUSTER_INTERNAL, want: "internal" },
  { exposure: Exposure_Type.CLUSTER_INTERNAL, endpoint: Endpoint.LOAD_BALANCER, want: "FAILED_PRECONDITION" },
  { exposure: Exposure_Type.CLUSTER_INTERNAL, endpoint: Endpoint.INGRESS, want: "FAILED_PRECONDITION" },
  { exposure: Exposure_Type.UNSPECIFIED, endpoint: Endpoint.UNSPECIFIED, want: "internal" },
  { exposure: Exposure_Type.UNSPECIFIED, endpoint: Endpoint.LOAD_BALANCER, want: "FAILED_PRECONDITION" },
  { exposure: Exposure_Type.LOAD_BALANCER, endpoint: Endpoint.UNSPECIFIED, want: "load balancer" },
  { exposure: Exposure_Type.LOAD_BALANCER, endpoint: Endpoint.CLUSTER_INTERNAL, want: "internal" },
  { exposure: Exposure_Type.LOAD_BALANCER, endpoint: Endpoint.LOAD_BALANCER, want: "load balancer" },
  { exposure: Exposure_Type.LOAD_BALANCER, endpoint: Endpoint.INGRESS, want: "FAILED_PRECONDITION" },
  { exposure: Exposure_Type.INGRESS, endpoint: Endpoint.UNSPECIFIED, want: "ingress" },
  { exposure: Exposure_Type.INGRESS, endpoint: Endpoint.CLUSTER_INTERNAL, want: "internal" },
  { exposure: Exposure_Type.INGRESS, endpoint: Endpoint.INGRESS, want: "ingress" },
  { exposure: Exposure_Type.INGRESS, endpoint: Endpoint.LOAD_BALANCER, want: "FAILED_PRECONDITION" },
];

describe.each(TARGETS)("$name", (kind) => {
  let t: Target;
  beforeAll(async () => {
    t = await kind.start();
  });
  afterAll(() => t.close());
  beforeEach(() => reset(t));

  async function create(exposure?: Exposure_Type): Promise<VCluster> {
    const exp: MessageInitShape<typeof ExposureSchema> | undefined =
      exposure === undefined ? undefined : { type: exposure, ...(exposure === Exposure_Type.INGRESS ? { ingressHost: HOST } : {}) };
    const op = await t.vclusters.createVCluster({
      parent: PARENT,
      vclusterId: "dev",
      vcluster: { spec: exp ? { exposure: exp } : {} },
    });
    const done = await settle(t, op.name);
    if (done.result.case !== "response") throw new Error("create failed");
    return t.vclusters.getVCluster({ name: NAME });
  }

  function expectWellFormed(k: Kubeconfig) {
    expect(k.server).toMatch(/^https:\/\//);
    expect(k.context).not.toBe("");
    expect(k.kubeconfig).toContain("kind: Config");
    expect(k.kubeconfig).toContain(`server: ${k.server}`);
    expect(k.kubeconfig).toContain(`current-context: ${k.context}`);
  }

  it("RUNNING: a kubeconfig with a token that expires in 1 hour by default", async () => {
    const v = await create();
    const frozen = await t.control.freezeClock({});
    const k = await t.vclusters.generateVClusterKubeconfig({ name: NAME });
    expectWellFormed(k);
    expect(k.server).toBe(v.status?.apiServerEndpoint);
    expect(k.admin).toBe(false);
    expect(k.kubeconfig).toContain("token: ");
    expect(k.kubeconfig).not.toContain("client-certificate-data");
    expect(ms(k.expireTime) - ms(frozen.now)).toBe(3_600_000);
  });

  it("admin: true returns the admin credentials, without expiry", async () => {
    await create();
    const k = await t.vclusters.generateVClusterKubeconfig({ name: NAME, admin: true });
    expectWellFormed(k);
    expect(k.admin).toBe(true);
    expect(k.expireTime).toBeUndefined();
    expect(k.kubeconfig).toContain("client-certificate-data: ");
    expect(k.kubeconfig).not.toContain("token: ");
    // Idempotent: asking again gives the same admin kubeconfig.
    expect((await t.vclusters.generateVClusterKubeconfig({ name: NAME, admin: true })).kubeconfig).toBe(k.kubeconfig);
  });

  it("admin with token_ttl: INVALID_ARGUMENT", async () => {
    await create();
    const err = await expectCode(t.vclusters.generateVClusterKubeconfig({ name: NAME, admin: true, tokenTtl: { seconds: 3600n } }), Code.InvalidArgument);
    expect(err.rawMessage).toContain("token_ttl");
  });

  it("UPDATING and SCALING: still served", async () => {
    await seedVCluster(t, "a", Phase.UPDATING);
    await seedVCluster(t, "b", Phase.SCALING);
    expectWellFormed(await t.vclusters.generateVClusterKubeconfig({ name: vcName("a") }));
    expectWellFormed(await t.vclusters.generateVClusterKubeconfig({ name: vcName("b") }));
  });

  it("SUSPENDED: FAILED_PRECONDITION naming the phase", async () => {
    await create();
    await settle(t, (await t.vclusters.suspendVCluster({ name: NAME })).name);
    const err = await expectCode(t.vclusters.generateVClusterKubeconfig({ name: NAME }), Code.FailedPrecondition);
    expect(err.rawMessage).toContain("SUSPENDED");
    expect(err.rawMessage).toContain("RUNNING");
  });

  it("seeded SUSPENDED and FAILED: FAILED_PRECONDITION", async () => {
    await seedVCluster(t, "a", Phase.SUSPENDED);
    await seedVCluster(t, "b", Phase.FAILED);
    await expectCode(t.vclusters.generateVClusterKubeconfig({ name: vcName("a") }), Code.FailedPrecondition);
    await expectCode(t.vclusters.generateVClusterKubeconfig({ name: vcName("b") }), Code.FailedPrecondition);
  });

  const CASES = ENDPOINTS.map((c) => ({ ...c, exposureName: Exposure_Type[c.exposure], endpointName: Endpoint[c.endpoint] }));
  it.each(CASES)("exposure $exposureName, endpoint $endpointName: $want", async ({ exposure, endpoint, want }) => {
    const v = await create(exposure);
    const call = t.vclusters.generateVClusterKubeconfig({ name: NAME, endpoint });
    if (want === "FAILED_PRECONDITION") {
      await expectCode(call, Code.FailedPrecondition);
      return;
    }
    const k = await call;
    expectWellFormed(k);
    const internal = `https://dev.${v.status!.hostNamespace}.svc:443`;
    if (want === "internal") expect(k.server).toBe(internal);
    if (want === "ingress") expect(k.server).toContain(HOST);
    if (want === "load balancer") {
      expect(k.server).not.toBe(internal);
      expect(k.server).not.toContain(".svc");
    }
    // The default endpoint is the one status reports.
    if (endpoint === Endpoint.UNSPECIFIED) expect(k.server).toBe(v.status?.apiServerEndpoint);
  });

  it("token_ttl sets expire_time that far ahead", async () => {
    await create();
    const before = Date.now();
    const k = await t.vclusters.generateVClusterKubeconfig({ name: NAME, tokenTtl: { seconds: 3600n } });
    const after = Date.now();
    expectWellFormed(k);
    expect(k.expireTime).toBeDefined();
    const expire = ms(k.expireTime);
    expect(expire).toBeGreaterThanOrEqual(before + 3_600_000 - 1000);
    expect(expire).toBeLessThanOrEqual(after + 3_600_000 + 1000);
    // A different ttl gives a different expiry.
    const day = await t.vclusters.generateVClusterKubeconfig({ name: NAME, tokenTtl: { seconds: 86_400n } });
    expect(ms(day.expireTime) - expire).toBeGreaterThan(80_000_000);
  });
});
