export const CSP_DIRECTIVES: [name: string, value: string][];
export const CONTENT_SECURITY_POLICY: string;
export const META_CONTENT_SECURITY_POLICY: string;
export const SECURITY_HEADERS: Record<string, string>;
export function withCspMeta(html: string): string;
