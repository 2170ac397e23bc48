// The app runs under a Content-Security-Policy without 'unsafe-eval' (scripts/security-headers.mjs).
// zod (used by the core to read the embedded data and scenarios) probes once whether it may compile
// parsers with `new Function`; the browser refuses that and reports a policy violation, although zod
// catches it and parses without. Telling zod beforehand that it runs without eval (`jitless`) skips
// the probe; parsing is as fast. zod takes its settings from this global, which it creates only when
// it is missing (zod/v4/core/core.js). It is set in this classic script of its own, which index.html
// runs before the app's modules (a deferred script runs in document order with module scripts), and
// not in the app's code: an ES module's imports (the chunk that carries zod) are evaluated before its
// own body, so a `config({ jitless: true })` in the entry would come after zod's probe. It is the
// app's own setting: the core never configures zod globally, since other applications import it.
// A file in public/: served as it is, from the app's own origin ('self' in the policy).
globalThis.__zod_globalConfig = { ...globalThis.__zod_globalConfig, jitless: true };
