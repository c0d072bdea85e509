/**
 * Chart and Kubernetes versions (VClusterSpec.chart_version and
 * kubernetes_version): only versions the server config lists, `1.MINOR`
 * resolved to the newest listed patch, stored normalized (`v1.33.4`); an
 * update moves to a newer patch or the next minor only.
 */
import { invalidArgument } from "../errors.js";
import { chartRelease, type ChartReleaseConfig, type ServerConfigSettings } from "./server-config.js";

interface Version {
  minor: number;
  patch: number | undefined;
}

function parse(text: string): Version | undefined {
  const m = /^v?1\.([0-9]{1,2})(?:\.([0-9]{1,3}))?$/.exec(text);
  if (!m) return undefined;
  return { minor: Number(m[1]), patch: m[2] === undefined ? undefined : Number(m[2]) };
}

/** The chart release a spec names (or the default one); INVALID_ARGUMENT listing the supported ones. */
export function resolveChart(config: ServerConfigSettings, chartVersion: string | undefined, field = "spec.chart_version"): ChartReleaseConfig {
  const release = chartRelease(config, chartVersion);
  if (release) return release;
  throw invalidArgument(
    `${field}: chart version "${chartVersion ?? config.defaultChartVersion}" is not supported; supported: ${config.chartReleases.map((r) => r.chartVersion).join(", ")}`,
  );
}

/**
 * The listed, normalized version `requested` names in `release`: `1.33` is the
 * newest listed patch of 1.33. INVALID_ARGUMENT listing the supported ones.
 */
export function resolveKubernetesVersion(release: ChartReleaseConfig, requested: string, field = "spec.kubernetes_version"): string {
  const want = parse(requested);
  const found = want
    ? release.kubernetesVersions.find((listed) => {
        const v = parse(listed);
        return v !== undefined && v.minor === want.minor && (want.patch === undefined || v.patch === want.patch);
      })
    : undefined;
  if (found) return found;
  throw invalidArgument(
    `${field}: Kubernetes version "${requested}" is not supported by chart ${release.chartVersion}; supported: ${release.kubernetesVersions.join(", ")}`,
  );
}

/** The version a spec runs: its own (normalized) or the chart's default. */
export function effectiveKubernetesVersion(config: ServerConfigSettings, spec: { chartVersion?: string; kubernetesVersion?: string } | undefined): string {
  const release = resolveChart(config, spec?.chartVersion);
  return spec?.kubernetesVersion === undefined ? release.defaultKubernetesVersion : resolveKubernetesVersion(release, spec.kubernetesVersion);
}

/**
 * An upgrade from `from` to `to` moves to a newer patch or the next minor only:
 * no downgrade, no skipped minor. A `from` that is not a version (an old seed)
 * is not checked.
 */
export function checkVersionChange(from: string, to: string, field = "spec.kubernetes_version"): void {
  const a = parse(from);
  const b = parse(to);
  if (!a || !b) return;
  const older = b.minor < a.minor || (b.minor === a.minor && (b.patch ?? 0) < (a.patch ?? 0));
  if (older) throw invalidArgument(`${field}: cannot downgrade Kubernetes from ${from} to ${to}`);
  if (b.minor > a.minor + 1) {
    throw invalidArgument(`${field}: cannot upgrade Kubernetes from ${from} to ${to}: upgrade one minor version at a time (to 1.${a.minor + 1} first)`);
  }
}
