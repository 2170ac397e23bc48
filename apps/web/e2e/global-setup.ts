import { resolve } from 'node:path';
import { build } from 'vite';
import type { TestProject } from 'vitest/node';
import { serveStatic } from '../scripts/static-server.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

/** Builds the real app once, serves dist/ on a free localhost port, and stops the server after the run. */
export default async function setup(project: TestProject) {
  const root = resolve(import.meta.dirname, '..');
  await build({ root, configFile: resolve(root, 'vite.config.ts'), logLevel: 'warn' });
  const server = await serveStatic(resolve(root, 'dist'));
  project.provide('baseUrl', server.url);
  return async () => {
    await server.close();
  };
}
