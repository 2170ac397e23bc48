import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import * as core from '../src/index.js';
import * as xlsx from '../src/export/workbook.js';
import { GOLDEN } from './golden/index.js';
// @ts-expect-error plain JavaScript without declarations: it is copied into the consumer project as it is
import { fingerprint } from './package/fingerprint.mjs';

// The package as another application gets it from a registry: `npm pack` of the built core,
// installed from the tarball into a fresh project outside the workspace (so nothing resolves to
// the workspace and the `source` condition plays no part), then imported in plain Node, bundled
// by vite, and type-checked by the repository's `tsc` with both module resolutions an
// application uses. The root test setup builds dist/ first; the figures are compared with the
// core in this repository, computed from the TypeScript source.

const pkgDir = path.resolve(import.meta.dirname, '..');
const repoRoot = path.resolve(pkgDir, '../..');
const bin = (name: string) => path.join(repoRoot, 'node_modules', '.bin', name);
const pkgJson = JSON.parse(readFileSync(path.join(pkgDir, 'package.json'), 'utf8')) as {
  name: string;
  exports: Record<string, string | Record<string, string>>;
};
const SCENARIO = GOLDEN.find((g) => g.naam === '05-alles')!;

/** The environment for child processes: no npm workspace settings of the run that started the tests, no Node options. */
function childEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (/^npm_config_(workspaces?|include_workspace_root|global|prefix|location|dry_run|ignore_scripts|save.*|package_lock.*)$/i.test(key)) delete env[key];
    if (/^npm_(package|lifecycle)_/i.test(key)) delete env[key];
  }
  delete env.NODE_OPTIONS;
  return env;
}

function run(cmd: string, args: string[], cwd: string, timeout = 90_000) {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', env: childEnv(), timeout });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, all: `${r.stdout}\n${r.stderr}`.trim() };
}

let tmp = '';
let tarball = '';
let files: string[] = [];
let app = '';
let installed = '';

beforeAll(() => {
  for (const f of ['dist/index.js', 'dist/export/workbook.js', 'dist/scenario.schema.json']) {
    if (!existsSync(path.join(pkgDir, f))) throw new Error(`${f} ontbreekt: bouw eerst de core (npm run build -w @kansrijke-start/core)`);
  }
  tmp = mkdtempSync(path.join(os.tmpdir(), 'ks-core-pack-'));
  // --ignore-scripts: pack what the build made; never rebuild dist/ while other tests use it.
  const packed = run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', tmp], pkgDir);
  if (packed.status !== 0) throw new Error(`npm pack: ${packed.all}`);
  const info = (JSON.parse(packed.stdout) as { filename: string; files: { path: string }[] }[])[0]!;
  tarball = path.join(tmp, info.filename);
  files = info.files.map((f) => f.path).sort();

  app = path.join(tmp, 'app');
  mkdirSync(app);
  writeFileSync(path.join(app, 'package.json'), JSON.stringify({ name: 'ks-consumer', version: '1.0.0', private: true, type: 'module' }, null, 2));
  const inst = run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', tarball], app);
  if (inst.status !== 0) throw new Error(`npm install ${tarball}: ${inst.all}`);
  installed = path.join(app, 'node_modules', '@kansrijke-start', 'core');

  copyFileSync(path.join(import.meta.dirname, 'package', 'fingerprint.mjs'), path.join(app, 'fingerprint.mjs'));
  writeFileSync(
    path.join(app, 'main.mjs'),
    `import * as core from '@kansrijke-start/core';
import schema from '@kansrijke-start/core/scenario.schema.json' with { type: 'json' };
import { fingerprint } from './fingerprint.mjs';
const result = await fingerprint(core, () => import('@kansrijke-start/core/xlsx'), ${JSON.stringify(SCENARIO.tekst)});
console.log(JSON.stringify({ ...result, schema: schema.$schema }));
`,
  );
}, 180_000);

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('what the tarball holds', () => {
  it('ships the build, the TypeScript source without tests, the schema, README and CHANGELOG', () => {
    for (const f of ['package.json', 'README.md', 'CHANGELOG.md', 'dist/index.js', 'dist/index.d.ts', 'dist/export/workbook.js', 'dist/export/workbook.d.ts', 'dist/scenario.schema.json', 'src/index.ts']) {
      expect(files).toContain(f);
    }
    expect(files.filter((f) => /\.test\.|(^|\/)(test|bench|scripts|docs)\//.test(f) || f.startsWith('vitest'))).toEqual([]);
  });

  it('has no compiled file without its source, and every path of the exports map exists', () => {
    const orphans = files.filter((f) => f.startsWith('dist/') && f !== 'dist/scenario.schema.json').filter((f) => {
      const m = /^dist\/(.*)\.(js|d\.ts)(\.map)?$/.exec(f);
      return m === null || !files.includes(`src/${m[1]}.ts`);
    });
    expect(orphans).toEqual([]);
    const targets = Object.values(pkgJson.exports).flatMap((v) => (typeof v === 'string' ? [v] : Object.values(v)));
    expect(targets.map((t) => t.replace(/^\.\//, '')).filter((t) => !files.includes(t))).toEqual([]);
  });

  it('has source maps and declaration maps that point to files in the package', () => {
    const maps = files.filter((f) => f.endsWith('.map'));
    expect(maps).toContain('dist/index.d.ts.map');
    expect(maps).toContain('dist/index.js.map');
    const missing: string[] = [];
    for (const m of maps) {
      const map = JSON.parse(readFileSync(path.join(installed, m), 'utf8')) as { sources: string[]; sourceRoot?: string };
      for (const s of map.sources) {
        const target = path.posix.normalize(path.posix.join(path.posix.dirname(m), map.sourceRoot ?? '', s));
        if (!files.includes(target)) missing.push(`${m} → ${target}`);
      }
    }
    expect(missing).toEqual([]);
  });
});

describe('the package in a fresh project', () => {
  it('resolves through the exports map to dist/, and keeps internal modules private', () => {
    writeFileSync(
      path.join(app, 'resolve.mjs'),
      `const out = {};
for (const s of ['@kansrijke-start/core', '@kansrijke-start/core/xlsx', '@kansrijke-start/core/scenario.schema.json', '@kansrijke-start/core/package.json']) out[s] = import.meta.resolve(s);
try { import.meta.resolve('@kansrijke-start/core/dist/allocation/allocate.js'); out.intern = 'open'; } catch (e) { out.intern = e.code; }
console.log(JSON.stringify(out));`,
    );
    const r = run(process.execPath, ['resolve.mjs'], app);
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as Record<string, string>;
    const base = `file://${installed}/`;
    expect(out).toEqual({
      '@kansrijke-start/core': `${base}dist/index.js`,
      '@kansrijke-start/core/xlsx': `${base}dist/export/workbook.js`,
      '@kansrijke-start/core/scenario.schema.json': `${base}dist/scenario.schema.json`,
      '@kansrijke-start/core/package.json': `${base}package.json`,
      intern: 'ERR_PACKAGE_PATH_NOT_EXPORTED',
    });
  });

  it('computes in plain Node the same figures as the core in this repository', async () => {
    const expected = await fingerprint(core, async () => xlsx, SCENARIO.tekst);
    expect(expected.fouten).toBeUndefined();
    expect(expected.totals.length).toBeGreaterThan(20);
    const r = run(process.execPath, ['main.mjs'], app);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({ ...expected, schema: 'https://json-schema.org/draft/2020-12/schema' });
  }, 60_000);

  it('can be required from CommonJS (Node 20.19 and later load ES modules with require)', () => {
    writeFileSync(
      path.join(app, 'require.cjs'),
      `const core = require('@kansrijke-start/core');
const out = core.allocateScenario(core.baselineData(), core.emptyScenario());
const r = out.ok && out.allocation.resultaten.find((x) => x.stroom === 'ks-brede-spuk' && x.jaar === 2026);
console.log(JSON.stringify({ resolved: require.resolve('@kansrijke-start/core'), totaal: r ? String(r.totaal) : null }));`,
    );
    const r = run(process.execPath, ['require.cjs'], app);
    const basis = core.allocateScenario(core.baselineData(), core.emptyScenario());
    const expected = basis.ok ? basis.allocation.resultaten.find((x) => x.stroom === 'ks-brede-spuk' && x.jaar === 2026)?.totaal : undefined;
    expect(JSON.parse(r.stdout)).toEqual({ resolved: path.join(installed, 'dist', 'index.js'), totaal: String(expected) });
  });

  it('bundles with vite from dist/ (not the source) and the bundle computes the same figures', async () => {
    const { build } = await import('vite');
    const out = await build({
      root: app,
      configFile: false,
      envFile: false,
      publicDir: false,
      logLevel: 'silent',
      build: { outDir: 'out', emptyOutDir: true, minify: false, lib: { entry: 'main.mjs', formats: ['es'], fileName: 'main' } },
    });
    const chunks = (Array.isArray(out) ? out : [out]).flatMap((o) => ('output' in o ? o.output : [])).filter((c) => c.type === 'chunk');
    const ids = chunks.flatMap((c) => c.moduleIds);
    const coreIds = ids.filter((id) => id.includes('@kansrijke-start/core')).map((id) => path.relative(installed, id));
    expect(coreIds).toContain('dist/index.js');
    expect(coreIds).toContain('dist/export/workbook.js');
    expect(coreIds.filter((id) => !id.startsWith('dist/'))).toEqual([]);
    // the xlsx writer stays in its own chunk, loaded when asked
    expect(chunks.length).toBeGreaterThan(1);
    const expected = await fingerprint(core, async () => xlsx, SCENARIO.tekst);
    const entry = chunks.find((c) => c.isEntry)!;
    const r = run(process.execPath, [path.join('out', entry.fileName)], app);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({ ...expected, schema: 'https://json-schema.org/draft/2020-12/schema' });
  }, 90_000);

  it.each([
    // a web app: the DOM library; a Node program: Node's types (zod's declarations name `URL`)
    ['bundler', { module: 'preserve', moduleResolution: 'bundler', lib: ['ES2022', 'DOM'], types: [] }],
    ['nodenext', { module: 'nodenext', moduleResolution: 'nodenext', lib: ['ES2022'], types: ['node'], typeRoots: [path.join(repoRoot, 'node_modules', '@types')] }],
  ])('has types that TypeScript finds with moduleResolution %s', (name, options) => {
    writeFileSync(
      path.join(app, 'consumer.ts'),
      `import { allocateScenario, baselineData, emptyScenario, formatEuro, type Allocation, type Scenario } from '@kansrijke-start/core';
import { resultsWorkbook } from '@kansrijke-start/core/xlsx';
import schema from '@kansrijke-start/core/scenario.schema.json' with { type: 'json' };

export const shown: string[] = [];
const data = baselineData();
const scenario: Scenario = emptyScenario('Basis');
const out = allocateScenario(data, scenario);
if (out.ok) {
  const allocation: Allocation = out.allocation;
  const totaal: bigint | null = allocation.resultaten[0]!.totaal;
  const bytes: Uint8Array = resultsWorkbook(data, out.scenario, allocation, allocation, ['Basis', 'Basis']);
  if (totaal !== null) shown.push(formatEuro(totaal, 'auto'), String(bytes.length));
}
export const draft: string = schema.$schema;
// The types are real, not any: each line below must be an error.
// @ts-expect-error the number of municipalities is not a string
export const wrong: string = data.gemeenten.length;
// @ts-expect-error a calculation that failed has no allocation
if (!out.ok) shown.push(out.allocation);
`,
    );
    const tsconfig = `tsconfig.${name}.json`;
    writeFileSync(
      path.join(app, tsconfig),
      JSON.stringify({
        compilerOptions: { ...options, target: 'ES2022', strict: true, noEmit: true, resolveJsonModule: true, skipLibCheck: false },
        files: ['consumer.ts'],
      }),
    );
    const r = run(bin('tsc'), ['-p', tsconfig], app);
    expect(r.all).toBe('');
    expect(r.status).toBe(0);
  }, 60_000);
});

describe('the package linters', () => {
  it('publint reports nothing, not even a suggestion', async () => {
    const buf = readFileSync(tarball);
    const { messages, pkg } = await publint({ pack: { tarball: buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) }, level: 'suggestion', strict: true });
    expect(messages.map((m) => formatMessage(m, pkg))).toEqual([]);
  });

  it('are the types wrong: nothing for an ESM-only package (Node 20.19 and later, bundlers)', () => {
    const r = run(bin('attw'), [tarball, '--profile', 'esm-only', '--format', 'json'], repoRoot);
    const report = JSON.parse(r.stdout) as { problems?: Record<string, { kind: string; entrypoint: string; resolutionKind: string }[]> };
    const problems = Object.values(report.problems ?? {}).flat();
    // The esm-only profile leaves out only what a package without CommonJS cannot give:
    // `require` from CommonJS under TypeScript's node16 rules, and node10 (no exports map).
    expect(problems.filter((p) => p.resolutionKind !== 'node10' && p.resolutionKind !== 'node16-cjs')).toEqual([]);
    expect(r.status).toBe(0);
  }, 60_000);
});

// Guard for the helper above: it must find the installed package's files.
it('installed the tarball as a real directory, not a link into the workspace', () => {
  expect(readdirSync(installed)).toContain('dist');
  expect(path.relative(repoRoot, installed).startsWith('..')).toBe(true);
});
