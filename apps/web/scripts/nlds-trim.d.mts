import type { Plugin } from 'vite';
export declare function trimNlds(css: string, words: ReadonlySet<string>, others?: readonly string[]): string;
export declare function nldsTrim(options: { entry: string; src: string; html?: readonly string[] }): Plugin;
