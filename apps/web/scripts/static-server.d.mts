export function serveStatic(root: string, port?: number, options?: { securityHeaders?: boolean }): Promise<{ url: string; close: () => Promise<void> }>;
export const CHROMIUM: string;
export const CHROMIUM_ARGS: string[];
