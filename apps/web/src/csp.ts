import { config } from 'zod';

/**
 * The app runs under a Content-Security-Policy without 'unsafe-eval' (scripts/security-headers.mjs).
 * zod (used by the core to read scenarios) probes once whether it may compile parsers with
 * `new Function`; the browser refuses that and reports a policy violation, although zod catches
 * it and parses without. Telling zod at the start that it runs without eval (`jitless`) skips
 * the probe; parsing is as fast. This module is imported first in main.tsx. It is the app's own
 * setting: the core never configures zod globally, since other applications import it.
 */
config({ jitless: true });
