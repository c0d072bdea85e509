#!/usr/bin/env node
// Fails (exit 1) unless every version in the release agrees with
// packages/sdk-ts/package.json, listing each one that does not:
//
//   every package.json under packages/* and sdks/* (except the packages that
//   .changeset/config.json ignores), sdks/python/pyproject.toml, the Python
//   __version__ and the Go SDK's const Version.
//
// Fix a disagreement with `node scripts/sync-versions.mjs` (or `make
// versions-sync`). No dependencies.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REFERENCE, ROOT, VERSION_FILES, readVersionFile, referenceVersion } from './sync-versions.mjs';

const ignored = new Set();
const changesetConfig = join(ROOT, '.changeset/config.json');
if (existsSync(changesetConfig)) {
  for (const name of JSON.parse(readFileSync(changesetConfig, 'utf8')).ignore ?? []) ignored.add(name);
}

const expected = referenceVersion();
const found = []; // [where, version or null]
for (const dir of ['packages', 'sdks']) {
  const base = join(ROOT, dir);
  if (!existsSync(base)) continue;
  for (const entry of readdirSync(base, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const file = `${dir}/${entry.name}/package.json`;
    if (!entry.isDirectory() || !existsSync(join(ROOT, file))) continue;
    const pkg = JSON.parse(readFileSync(join(ROOT, file), 'utf8'));
    if (ignored.has(pkg.name)) continue;
    found.push([`${file} (${pkg.name})`, pkg.version ?? null]);
  }
}
for (const entry of VERSION_FILES) found.push([entry.file, readVersionFile(entry)]);

const wrong = found.filter(([, v]) => v !== expected);
if (wrong.length) {
  console.error(`check-versions: expected ${expected} (from ${REFERENCE}) everywhere, but:`);
  for (const [where, v] of wrong) console.error(`  ${where}: ${v === null ? 'no version found' : v}`);
  console.error('run `node scripts/sync-versions.mjs` after `changeset version`, or fix the package above');
  process.exit(1);
}
console.log(`check-versions: ${found.length} places agree on ${expected}`);
