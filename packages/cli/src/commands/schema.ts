import { scenarioJsonSchema } from '@kansrijke-start/core';
import { parseCommandArgs } from '../args.js';
import type { Command } from './types.js';

const gebruik = (): string => `Gebruik: ks-budget schema

Schrijft de vorm van een scenariobestand als JSON Schema (draft 2020-12), voor andere
programma's die scenario's maken. "ks-budget validate" controleert daarnaast wat een schema
niet kan: decimalen, bestaande gemeentecodes en of de bedragen passen.

Opties:
  -h, --help            deze uitleg`;

export const schemaCommand: Command = {
  gebruik,
  run(argv, ctx) {
    const { values } = parseCommandArgs('schema', argv, {});
    if (values.help) return ctx.io.out(`${gebruik()}\n`);
    ctx.io.out(`${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
  },
};
