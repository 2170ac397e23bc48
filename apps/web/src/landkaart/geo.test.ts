import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { baselineData, divisionOf, regionsOf } from '@kansrijke-start/core';

const HERE = dirname(fileURLToPath(import.meta.url));
/** The reference data folder beside the repository root (/work/shared/data next to /work/main). */
const SHARED_GEO = resolve(HERE, '../../../../../shared/data/geo');
const SHIPPED = join(HERE, 'geo');
const IMPORT_SCRIPT = resolve(HERE, '../../../../scripts/import-data.mjs');

interface ImportScript {
  GEO_FILES: readonly string[];
  GEO_TARGET_DIR: string;
}

/** The script is plain ESM outside the app; load it by URL so TypeScript does not need types for it. */
async function importScript(): Promise<ImportScript> {
  return (await import(/* @vite-ignore */ pathToFileURL(IMPORT_SCRIPT).href)) as ImportScript;
}

interface Topo {
  type: string;
  objects: Record<string, { type: string; geometries: { id: string; properties: { statcode: string; statnaam: string } }[] }>;
}
const read = (file: string): Topo => JSON.parse(readFileSync(join(SHIPPED, file), 'utf8')) as Topo;

describe('the boundary maps the app ships', () => {
  it('are the files the import script copies, into this folder', async () => {
    const script = await importScript();
    expect(resolve(script.GEO_TARGET_DIR)).toBe(resolve(SHIPPED));
    expect(readdirSync(SHIPPED).sort()).toEqual([...script.GEO_FILES].sort());
  });

  it('are byte for byte the files in ../shared/data/geo', async (ctx) => {
    if (!existsSync(SHARED_GEO)) {
      if (process.env.CI) expect.fail(`${SHARED_GEO} is missing; on CI the reference data must be present`);
      ctx.skip(`${SHARED_GEO} does not exist here (it lives beside the repository); nothing to compare with`);
    }
    const script = await importScript();
    for (const file of script.GEO_FILES) {
      const ours = readFileSync(join(SHIPPED, file));
      const theirs = readFileSync(join(SHARED_GEO, file));
      expect(ours.equals(theirs), `${file} differs from ${join(SHARED_GEO, file)}: run npm run import-data`).toBe(true);
    }
  });

  it('have one shape per municipality of the base division and per GGD region, with the same codes as the core', () => {
    const data = baselineData();
    const gemeenten = read('gemeente-2023.topojson');
    expect(gemeenten.type).toBe('Topology');
    const shapes = gemeenten.objects.gemeente_2023!.geometries.map((g) => g.properties.statcode).sort();
    expect(shapes).toEqual(divisionOf(data, data.indeling.van).gemeenten.map((g) => g.code).sort());
    const ggd = read('ggdregio-2023.topojson');
    expect(ggd.objects.ggdregio_2023!.geometries.map((g) => g.properties.statcode).sort()).toEqual(regionsOf(data, 'ggd').map((r) => r.code).sort());
  });
});
