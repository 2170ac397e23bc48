import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

// Runs once before all test projects: builds the packages that tests use as another
// application would (through dist/), so a fresh clone passes after `npm ci`.
export default function setup(): void {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  for (const pkg of ['@kansrijke-start/core', 'ks-budget']) {
    execFileSync('npm', ['run', 'build', '--silent', '-w', pkg], { cwd: root, stdio: 'inherit' });
  }
}
