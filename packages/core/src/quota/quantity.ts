/**
 * Kubernetes resource quantities (`200m`, `2`, `1.5Gi`, `1e3`), exactly, as
 * bigint thousandths of the base unit (millicores, millibytes), so sums of
 * any size are exact and `0.1` + `0.2` is `300m`. A fraction finer than a
 * thousandth rounds up, as Kubernetes does.
 */

const DECIMAL: Record<string, bigint> = {
  "": 1n,
  m: 1n, // handled as a divisor below
  k: 10n ** 3n,
  M: 10n ** 6n,
  G: 10n ** 9n,
  T: 10n ** 12n,
  P: 10n ** 15n,
  E: 10n ** 18n,
};

const BINARY: Record<string, bigint> = {
  Ki: 2n ** 10n,
  Mi: 2n ** 20n,
  Gi: 2n ** 30n,
  Ti: 2n ** 40n,
  Pi: 2n ** 50n,
  Ei: 2n ** 60n,
};

const QUANTITY = /^([0-9]+)(?:\.([0-9]+))?(?:(Ki|Mi|Gi|Ti|Pi|Ei|m|k|M|G|T|P|E)|[eE]([+-]?[0-9]+))?$/;

/** Thousandths of the base unit, or undefined when `text` is not a quantity. */
export function parseQuantity(text: string): bigint | undefined {
  const m = QUANTITY.exec(text.trim());
  if (!m) return undefined;
  const [, whole = "0", fraction = "", suffix = "", exponent] = m;
  // value = digits / 10^fraction.length, scaled to thousandths.
  const digits = BigInt(whole + fraction);
  let numerator = digits * 1000n;
  let denominator = 10n ** BigInt(fraction.length);
  if (exponent !== undefined) {
    const e = Number(exponent);
    if (Math.abs(e) > 30) return undefined;
    if (e >= 0) numerator *= 10n ** BigInt(e);
    else denominator *= 10n ** BigInt(-e);
  } else if (suffix === "m") {
    denominator *= 1000n;
  } else {
    numerator *= BINARY[suffix] ?? DECIMAL[suffix] ?? 1n;
  }
  return (numerator + denominator - 1n) / denominator;
}

/** A CPU amount as Kubernetes writes it: whole cores (`2`) or millicores (`2400m`). */
export function formatCpu(millis: bigint): string {
  return millis % 1000n === 0n ? `${millis / 1000n}` : `${millis}m`;
}

/** A memory amount in the largest binary unit that holds it exactly (`1536Mi`, `4Gi`), else bytes. */
export function formatMemory(millis: bigint): string {
  const bytes = (millis + 999n) / 1000n;
  if (bytes === 0n) return "0";
  for (const unit of ["Ei", "Pi", "Ti", "Gi", "Mi", "Ki"] as const) {
    const size = BINARY[unit] as bigint;
    if (bytes % size === 0n) return `${bytes / size}${unit}`;
  }
  return `${bytes}`;
}
