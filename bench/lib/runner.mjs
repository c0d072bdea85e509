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

/**
 * One sample of a fast operation: runs `fn` `calls` times back to back
 * (awaiting each) and returns the mean time per call in microseconds.
 */
export async function timeBatch(fn, calls) {
  const start = performance.now();
  for (let i = 0; i < calls; i++) await fn(i);
  return ((performance.now() - start) * 1000) / calls;
}

/** Lets pending I/O and timers run, and gives V8 a chance to collect garbage between samples. */
export function breathe() {
  return new Promise((resolve) => setImmediate(resolve));
}
