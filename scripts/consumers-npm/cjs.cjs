// Every public entry point loads through `require` in a consumer's CommonJS
// code and has its main export (entry-points.json).
const entries = require("./entry-points.json");

for (const [specifier, name] of Object.entries(entries)) {
  const mod = require(specifier);
  if (mod[name] === undefined) throw new Error(`require("${specifier}") has no export ${name}`);
}
console.log(`cjs: ${Object.keys(entries).length} entry points require on node ${process.version}`);
