#!/usr/bin/env node
// Launcher of the ks-budget command. The command itself is TypeScript in ../src, bundled into
// ../dist by `npm run build -w ks-budget` (the root `prepare` script does this on `npm ci`);
// ../dist/load.cjs loads that bundle with its code cache (see src/launch/load.ts). CommonJS, as
// the whole bundle: Node starts a CommonJS file a few milliseconds sooner than an ES module.
'use strict';
let bundle;
try {
  bundle = require('../dist/load.cjs').loadBundle();
} catch (e) {
  if (e && ((e.code === 'MODULE_NOT_FOUND' && /dist[\\/]load\.cjs/.test(String(e.message))) || (e.code === 'ENOENT' && /ks-budget\.cjs$/.test(String(e.path))))) {
    process.stderr.write('ks-budget is nog niet gebouwd: voer in de hoofdmap van het project "npm run prepare" uit.\n');
    process.exit(1);
  }
  throw e;
}
bundle.main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
