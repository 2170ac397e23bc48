/** The engine: this package and its version (kept equal to package.json by a test). */
export const ENGINE = { naam: '@kansrijke-start/core', versie: '0.1.0' } as const;
