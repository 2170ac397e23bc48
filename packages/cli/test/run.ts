import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { allocateScenario, emptyScenario, formatProblem, parseCsv, type Allocation, type BaselineData } from '@kansrijke-start/core';

/** The launcher a user runs (`npx ks-budget` links to it). */
export const BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../bin/ks-budget.cjs');

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * The "today" the tests give the CLI (KS_BUDGET_VANDAAG), so that what it says about decisions
 * whose announced date has passed does not depend on the clock; pass it to the core's
 * `explain` and `exportMetadata` for the expected output.
 */
export const VANDAAG = '2026-05-01';

/** Runs the built CLI in a child process, as a user would (with KS_BUDGET_VANDAAG=VANDAAG unless `env` says otherwise). */
export function ksBudget(args: readonly string[], opts: { input?: string; env?: Record<string, string> } = {}): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    input: opts.input,
    env: { ...process.env, KS_DEBUG: '', KS_BUDGET_VANDAAG: VANDAAG, ...opts.env },
    maxBuffer: 256 * 1024 * 1024,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A fresh temp folder with the given files; returns the paths by name. */
export function files(contents: Record<string, string | Uint8Array>): Record<string, string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'ks-budget-'));
  const out: Record<string, string> = {};
  for (const [name, text] of Object.entries(contents)) {
    const p = path.join(dir, name);
    writeFileSync(p, text);
    out[name] = p;
  }
  return out;
}

/** A stack trace line, which a user must never see without KS_DEBUG=1. */
export const STACK = /^\s+at\s/m;

/** Euros with a `.` ("1234", "1234.5", "-3.25") to exact cents. */
export function cents(text: string): bigint {
  const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(text);
  if (!m) throw new Error(`not an amount: "${text}"`);
  const v = BigInt(m[2]!) * 100n + BigInt((m[3] ?? '').padEnd(2, '0'));
  return m[1] ? -v : v;
}

/** A CSV text (plain or Excel-NL) as objects keyed by the header, with the header. */
export function csvObjects(text: string): { header: string[]; rows: Record<string, string>[] } {
  const r = parseCsv(text, { bestand: 'stdout' });
  if (!r.ok) throw new Error(r.fouten.join('\n'));
  return { header: r.header, rows: r.rows.map((x) => Object.fromEntries(r.header.map((h, i) => [h, x.cells[i] ?? '']))) };
}

/** The allocation of a scenario (JSON text or value), computed with the core, as the CLI should. */
export function calculate(data: BaselineData, input: unknown): Allocation {
  const out = allocateScenario(data, input);
  if (!out.ok) throw new Error(out.fouten.map((p) => formatProblem(p)).join('\n'));
  return out.allocation;
}

/** The baseline allocation, computed with the core. */
export const baselineAllocation = (data: BaselineData): Allocation => calculate(data, emptyScenario());

/** A value as the CLI's JSON output reads back: bigints as strings, undefined fields dropped. */
export function toPlain(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)));
}
