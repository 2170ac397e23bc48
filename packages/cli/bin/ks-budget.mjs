#!/usr/bin/env node
// Launcher of the ks-budget command. The command itself is TypeScript in ../src, bundled into
// ../dist by `npm run build -w ks-budget` (the root `prepare` script does this on `npm ci`);
// ../dist/load.js loads that bundle with its code cache (see src/launch/load.ts).
let bundle;
try {
  const { loadBundle } = await import('../dist/load.js');
  bundle = loadBundle();
} catch (e) {
  if (e && (e.code === 'ERR_MODULE_NOT_FOUND' || (e.code === 'ENOENT' && /ks-budget\.cjs$/.test(String(e.path))))) {
    process.stderr.write('ks-budget is nog niet gebouwd: voer in de hoofdmap van het project "npm run prepare" uit.\n');
    process.exit(1);
  }
  throw e;
}
process.exitCode = await bundle.main(process.argv.slice(2));
