// Runs after `tsc -p tsconfig.build.json` (the package's `build` script):
// 1. removes what an earlier build left in dist/ for a source file that no longer exists, so the
//    package never ships a module nobody can see in src/ (tsc only ever adds files);
// 2. writes the scenario JSON Schema that ships with the package (dist/scenario.schema.json,
//    exported as `@kansrijke-start/core/scenario.schema.json`), from the built core itself, so
//    it is the same text as `scenarioJsonSchema()` and `ks-budget schema`.
import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const pkg = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(pkg, 'dist');
const src = path.join(pkg, 'src');

/** The source file a compiled file comes from, or null for a file the build does not make. */
function sourceOf(rel) {
  const m = /^(.*)\.(js|js\.map|d\.ts|d\.ts\.map)$/.exec(rel);
  return m ? path.join(src, `${m[1]}.ts`) : null;
}

function prune(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      prune(full);
      if (readdirSync(full).length === 0) rmSync(full, { recursive: true });
      continue;
    }
    const rel = path.relative(dist, full);
    if (rel === SCHEMA_FILE) continue;
    const source = sourceOf(rel);
    if (source === null || !existsSync(source) || source.endsWith('.test.ts')) rmSync(full);
  }
}

export const SCHEMA_FILE = 'scenario.schema.json';

prune(dist);
const core = await import(pathToFileURL(path.join(dist, 'index.js')).href);
writeFileSync(path.join(dist, SCHEMA_FILE), `${JSON.stringify(core.scenarioJsonSchema(), null, 2)}\n`);
