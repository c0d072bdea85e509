/**
 * MockControlService: what a test uses to drive ovc-mock (reset, seed,
 * faults, driver failures, latency, clock, recorded requests).
 */
import { create } from "@bufbuild/protobuf";
import { durationMs, timestampDate, timestampFromDate } from "@bufbuild/protobuf/wkt";
import { Code, type ServiceImpl } from "@connectrpc/connect";
import { validateRequest, type ControllableClock, type Core, type InMemoryDriver } from "@open-vcluster/core";
import {
  AdvanceClockRequestSchema,
  AdvanceClockResponseSchema,
  ClearFaultsResponseSchema,
  FailNextStepRequestSchema,
  FailNextStepResponseSchema,
  FreezeClockRequestSchema,
  FreezeClockResponseSchema,
  InjectFaultRequestSchema,
  InjectFaultResponseSchema,
  ListRecordedRequestsResponseSchema,
  type MockControlService,
  ResetResponseSchema,
  SeedRequestSchema,
  SeedResponseSchema,
  SetLatencyRequestSchema,
  SetLatencyResponseSchema,
  UnfreezeClockResponseSchema,
} from "@open-vcluster/sdk/mock";
import type { FaultInjector } from "./faults.js";
import type { RequestRecorder } from "./recorder.js";

export interface ControlDeps {
  core: Core;
  driver: InMemoryDriver;
  clock: ControllableClock;
  faults: FaultInjector;
  recorder: RequestRecorder;
  /** The latency the mock started with, restored by Reset. */
  initialLatencyMs: number;
  /** Re-applies the startup seed after a Reset. */
  reseed: () => void;
}

export function mockControlService(d: ControlDeps): ServiceImpl<typeof MockControlService> {
  return {
    async reset() {
      // The clock first: core's reset starts new timers on it.
      d.clock.reset();
      await d.core.reset();
      d.driver.reset();
      d.driver.latencyMs = d.initialLatencyMs;
      d.faults.clear();
      d.recorder.clear();
      d.reseed();
      return create(ResetResponseSchema);
    },

    seed(req) {
      validateRequest(SeedRequestSchema, req);
      const seeded = d.core.seed(req);
      return create(SeedResponseSchema, { vclusters: seeded.vclusters, snapshots: seeded.snapshots });
    },

    injectFault(req) {
      validateRequest(InjectFaultRequestSchema, req);
      return create(InjectFaultResponseSchema, { id: d.faults.add(req.fault!) });
    },

    clearFaults() {
      d.faults.clear();
      return create(ClearFaultsResponseSchema);
    },

    failNextStep(req) {
      validateRequest(FailNextStepRequestSchema, req);
      d.driver.failNextStep({
        verb: req.verb,
        ...(req.target ? { target: req.target } : {}),
        message: req.message || "injected driver failure",
        code: req.code === 0 ? Code.Internal : (req.code as Code),
      });
      return create(FailNextStepResponseSchema);
    },

    setLatency(req) {
      validateRequest(SetLatencyRequestSchema, req);
      d.driver.latencyMs = req.latency ? durationMs(req.latency) : 0;
      return create(SetLatencyResponseSchema);
    },

    freezeClock(req) {
      validateRequest(FreezeClockRequestSchema, req);
      const now = d.clock.freeze(req.time ? timestampDate(req.time) : undefined);
      return create(FreezeClockResponseSchema, { now: timestampFromDate(now) });
    },

    async advanceClock(req) {
      validateRequest(AdvanceClockRequestSchema, req);
      const now = await d.clock.advance(req.duration ? durationMs(req.duration) : 0);
      return create(AdvanceClockResponseSchema, { now: timestampFromDate(now) });
    },

    unfreezeClock() {
      return create(UnfreezeClockResponseSchema, { now: timestampFromDate(d.clock.unfreeze()) });
    },

    listRecordedRequests(req) {
      return create(ListRecordedRequestsResponseSchema, { requests: d.recorder.list(req.method || undefined) });
    },
  };
}
