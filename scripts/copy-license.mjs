#!/usr/bin/env node
// The `prepack` of every public npm package: copies the repository's LICENSE
// (the one source of truth) into the package directory so that `pnpm pack` /
// `npm publish` put it in the tarball. The copies are git-ignored.
import { copyFileSync } from "node:fs";

copyFileSync(new URL("../LICENSE", import.meta.url), "LICENSE");
