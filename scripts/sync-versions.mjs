#!/usr/bin/env node
// Copies the release version into the files that changesets does not manage.
//
// The TypeScript packages, and the private wrappers sdks/python/package.json
// and sdks/go/package.json, form one changesets "fixed" group, so
// `changeset version` gives them all the same version. This script (run right
// after it by `pnpm version-packages`) reads that version from
// packages/sdk-ts/package.json and writes it into:
//
//   sdks/python/package.json, sdks/go/package.json   "version"
//   sdks/python/pyproject.toml                       [project] version
//   sdks/python/src/open_vcluster/_version.py        __version__
//   sdks/go/version.go                               const Version
//   packages/sdk-ts/src/version.ts                   VERSION (the SDK's runtime constant)
//
// Usage: node scripts/sync-versions.mjs [VERSION]   (default: the sdk-ts version)
// scripts/check-versions.mjs verifies the result. No dependencies.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const REFERENCE = 'packages/sdk-ts/package.json';
export const DEFAULT_VERSION = '0.1.0';
const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/;

/** The release version: packages/sdk-ts/package.json's, or 0.1.0 while it does not exist. */
export function referenceVersion() {
  const file = join(ROOT, REFERENCE);
  if (!existsSync(file)) {
    console.warn(`sync-versions: ${REFERENCE} does not exist yet; using ${DEFAULT_VERSION}`);
    return DEFAULT_VERSION;
  }
  return JSON.parse(readFileSync(file, 'utf8')).version;
}

// Files that carry the version in their own syntax. `pattern` has exactly one
// capture group, the version; it must match once.
export const VERSION_FILES = [
  {
    file: 'sdks/python/pyproject.toml',
    // `version = "..."` in the [project] table (before the next table header).
    pattern: /^\[project\]\s*$(?:(?!^\[)[\s\S])*?^version\s*=\s*"([^"]*)"/m,
  },
  { file: 'sdks/python/src/open_vcluster/_version.py', pattern: /^__version__\s*=\s*"([^"]*)"/m },
  { file: 'sdks/go/version.go', pattern: /^const Version\s*=\s*"([^"]*)"/m },
  { file: 'packages/sdk-ts/src/version.ts', pattern: /^export const VERSION\s*=\s*"([^"]*)"/m },
];

export const WRAPPER_PACKAGES = ['sdks/python/package.json', 'sdks/go/package.json'];

/** The version a VERSION_FILES entry holds, or null when the pattern does not match. */
export function readVersionFile({ file, pattern }) {
  const path = join(ROOT, file);
  if (!existsSync(path)) return null;
  const m = readFileSync(path, 'utf8').match(pattern);
  return m ? m[1] : null;
}

function replaceCapture(text, pattern, version) {
  return text.replace(pattern, (whole, old) => {
    // Swap only the captured version inside the whole match.
    const at = whole.lastIndexOf(old);
    return whole.slice(0, at) + version + whole.slice(at + old.length);
  });
}

export function sync(version) {
  if (!SEMVER.test(version)) throw new Error(`sync-versions: "${version}" is not a semantic version`);
  const changed = [];
  for (const file of WRAPPER_PACKAGES) {
    const path = join(ROOT, file);
    const text = readFileSync(path, 'utf8');
    const pkg = JSON.parse(text);
    if (pkg.version === version) continue;
    pkg.version = version;
    writeFileSync(path, JSON.stringify(pkg, null, 2) + '\n');
    changed.push(file);
  }
  for (const entry of VERSION_FILES) {
    const path = join(ROOT, entry.file);
    const text = readFileSync(path, 'utf8');
    if (!entry.pattern.test(text)) throw new Error(`sync-versions: no version found in ${entry.file}`);
    const next = replaceCapture(text, entry.pattern, version);
    if (next === text) continue;
    writeFileSync(path, next);
    changed.push(entry.file);
  }
  return changed;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    const version = process.argv[2] ?? referenceVersion();
    const changed = sync(version);
    console.log(
      changed.length
        ? `sync-versions: ${version} written to ${changed.map((f) => relative('.', join(ROOT, f))).join(', ')}`
        : `sync-versions: every file already says ${version}`,
    );
  } catch (err) {
    console.error(err.message);
    process.exit(1);
  }
}
