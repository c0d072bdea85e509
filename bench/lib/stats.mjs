/**
 * Order statistics for benchmark samples. Percentiles use the nearest-rank
 * method (the sample at rank ceil(p/100 * n)), so p99 of 100 samples is the
 * 99th smallest and every reported value is one that was actually measured.
 */

/** Sorted copy as a Float64Array (numeric sort, not the default string sort). */
export function sorted(values) {
  return Float64Array.from(values).sort();
}

/** Nearest-rank percentile of an already sorted array. */
export function percentileOfSorted(sortedValues, p) {
  const n = sortedValues.length;
  if (n === 0) return NaN;
  const rank = Math.ceil((p / 100) * n);
  return sortedValues[Math.min(n - 1, Math.max(0, rank - 1))];
}

export function percentile(values, p) {
  return percentileOfSorted(sorted(values), p);
}

/** The median (for an even count, the mean of the two middle samples). */
export function median(values) {
  const s = sorted(values);
  const n = s.length;
  if (n === 0) return NaN;
  return n % 2 === 1 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
}

/** n, min, median, p90, p99, max of a list of samples. */
export function summarize(values) {
  const s = sorted(values);
  return {
    n: s.length,
    min: s[0] ?? NaN,
    median: median(s),
    p90: percentileOfSorted(s, 90),
    p99: percentileOfSorted(s, 99),
    max: s[s.length - 1] ?? NaN,
  };
}
