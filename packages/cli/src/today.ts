/**
 * The user's "today": the day whose passing makes an announced decision date a reason to say
 * that a figure may be out of date. It is the clock's day in the Netherlands, or the day in
 * the environment variable KS_BUDGET_VANDAAG (YYYY-MM-DD), so that a run can be repeated.
 */
import { isoDay } from '@kansrijke-start/core';
import { InputError } from './errors.js';

export const TODAY_VARIABLE = 'KS_BUDGET_VANDAAG';

/** Is `text` a day of the calendar in ISO form (2026-02-30 is not)? */
function isDay(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** Today as an ISO day: KS_BUDGET_VANDAAG when set, else the clock's day in Europe/Amsterdam. */
export function today(env: NodeJS.ProcessEnv = process.env, now: Date = new Date()): string {
  const given = env[TODAY_VARIABLE];
  if (given === undefined || given === '') return isoDay(now);
  const t = given.trim();
  if (!isDay(t)) throw new InputError(`${TODAY_VARIABLE}: "${given}" is geen datum; schrijf JJJJ-MM-DD, zoals 2026-10-01`);
  return t;
}

/** The help lines about KS_BUDGET_VANDAAG. */
export const TODAY_HELP = `Is een aangekondigde datum van een besluit voorbij, dan staat bij de bedragen die ervan afhangen
dat ze mogelijk verouderd zijn. "Vandaag" is de datum van de klok; met de omgevingsvariabele
${TODAY_VARIABLE}=JJJJ-MM-DD geeft u zelf een datum (zodat een uitvoer herhaalbaar is).`;
