#!/usr/bin/env node
// Launcher of the ks-budget command. The command itself is TypeScript in ../src, bundled into
// ../dist by `npm run build -w ks-budget` (the root `prepare` script does this on `npm ci`).
let main;
try {
  ({ main } = await import('../dist/main.js'));
} catch (e) {
  if (e && e.code === 'ERR_MODULE_NOT_FOUND') {
    process.stderr.write('ks-budget is nog niet gebouwd: voer in de hoofdmap van het project "npm run prepare" uit.\n');
    process.exit(1);
  }
  throw e;
}
process.exitCode = await main(process.argv.slice(2));
