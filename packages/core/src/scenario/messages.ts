import { z } from 'zod';

const nl = z.locales.nl().localeError;

const TYPE_NAMES: Record<string, string> = {
  string: 'tekst',
  number: 'een getal',
  int: 'een heel getal',
  boolean: 'ja/nee (true of false)',
  array: 'een lijst',
  object: 'een object',
  null: 'null',
  undefined: 'niets',
};

function received(input: unknown): string {
  if (input === null) return 'null';
  if (input === undefined) return 'niets';
  if (Array.isArray(input)) return 'een lijst';
  if (typeof input === 'string') return `tekst "${input.length > 40 ? `${input.slice(0, 40)}…` : input}"`;
  if (typeof input === 'number') return `het getal ${input}`;
  if (typeof input === 'boolean') return String(input);
  return 'een object';
}

/**
 * Dutch messages for the issues that the schemas do not word themselves, used per parse (never
 * as zod's global configuration, which belongs to the application that imports this package).
 */
export const dutchErrors: z.core.$ZodErrorMap = (iss) => {
  switch (iss.code) {
    case 'unrecognized_keys':
      return `onbekend veld ${iss.keys.map((k) => `"${k}"`).join(', ')}: dit veld hoort hier niet`;
    case 'invalid_type':
      if (iss.input === undefined) return 'dit veld ontbreekt';
      return `verwacht ${TYPE_NAMES[iss.expected] ?? iss.expected}, maar dit is ${received(iss.input)}`;
    default:
      return nl(iss);
  }
};
