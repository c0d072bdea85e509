/**
 * Interleaved runner: on a shared, noisy machine, measuring A then B lets a
 * burst of background load land on one side only. Here every round runs each
 * side once, in an order that alternates between rounds (A B, B A, A B, ...),
 * so slow periods are spread over both sides and their ratio stays meaningful.
 */
import { performance } from "node:perf_hooks";

/**
 * @param {Record<string, () => (number | Promise<number>)>} sides
 *   each side runs one sample and returns what it measured (e.g. ms per call)
 * @param {{ rounds: number, warmup?: number, onRound?: (round: number) => void }} options
 *   warmup rounds run the same way but are not recorded
 * @returns {Promise<Record<string, number[]>>} the samples of each side
 */
export async function interleave(sides, { rounds, warmup = 0, onRound } = {}) {
  const names = Object.keys(sides);
  const samples = Object.fromEntries(names.map((n) => [n, []]));
  for (let round = -warmup; round < rounds; round++) {
    const order = round % 2 === 0 ? names : [...names].reverse();
    for (const name of order) {
      const value = await sides[name]();
      if (round >= 0) samples[name].push(value);
    }
    if (round >= 0) onRound?.(round);
  }
  return samples;
}

/** Lets pending I/O and timers run, and gives V8 a chance to collect garbage between samples. */
export function breathe() {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Times `calls` sequential calls of `fn` one by one. Returns each call's wall
 * time in µs, and the process CPU time (user + system, all threads) the batch
 * used per call, in µs: on a busy machine wall time also counts the time this
 * process waited for a CPU, CPU time much less so.
 */
export async function timeCalls(fn, calls) {
  const times = new Float64Array(calls);
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < calls; i++) {
    const t = performance.now();
    await fn(i);
    times[i] = (performance.now() - t) * 1000;
  }
  const cpu = process.cpuUsage(cpu0);
  return { times, cpuUsPerCall: (cpu.user + cpu.system) / calls };
}
