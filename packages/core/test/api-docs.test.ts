import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import path from 'node:path';

// The API reference (packages/core/docs/api, Markdown by TypeDoc, linked from the README) is
// generated from the doc comments. This runs the generator in its check mode (its own
// workspace, tools/api-docs, with the TypeScript that TypeDoc needs): it fails when an exported
// function, class, constant, type or interface has no doc comment, when a link in a comment is
// broken, or when the committed reference differs from what the comments give now
// (`npm run docs` writes it).
const repoRoot = path.resolve(import.meta.dirname, '../../..');

describe('the API reference', () => {
  it('documents every export and is up to date with the doc comments', () => {
    const r = spawnSync(process.execPath, [path.join(repoRoot, 'tools', 'api-docs', 'generate.mjs'), '--check'], {
      cwd: repoRoot,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
      timeout: 120_000,
    });
    expect(`${r.stdout}${r.stderr}`.trim()).toBe('API-referentie: elke export gedocumenteerd, docs/api is bij.');
    expect(r.status).toBe(0);
  }, 150_000);
});
