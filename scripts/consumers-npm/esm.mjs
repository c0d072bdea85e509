// Every public entry point loads through `import` in a consumer's ESM app and
// has its main export (entry-points.json).
import { readFileSync } from "node:fs";

const entries = JSON.parse(readFileSync(new URL("./entry-points.json", import.meta.url), "utf8"));
for (const [specifier, name] of Object.entries(entries)) {
  const mod = await import(specifier);
  if (mod[name] === undefined) throw new Error(`import("${specifier}") has no export ${name}`);
}
console.log(`esm: ${Object.keys(entries).length} entry points import on node ${process.version}`);
