// Types of scripts/bundle-size.mjs, for test/bundle-size.test.ts.
export interface Bundle {
  raw: number;
  gzip: number;
  inputs: string[];
}
export const BUDGET_BYTES: number;
export const APP: string;
export const APP_WITH_VALIDATION: string;
export function bundleSize(contents: string): Promise<Bundle>;
export function budgetFailures(bundle: Bundle): string[];
export function kb(n: number): string;
