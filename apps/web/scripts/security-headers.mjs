// The security headers of the served app: one definition for the static server of the tests
// (static-server.mjs), for `npm start` (`vite preview`, see vite.config.ts) and for the
// <meta http-equiv="Content-Security-Policy"> that the build puts into index.html, so that the
// built files keep the policy wherever they are hosted.
//
// The app needs nothing beyond its own origin: its script and stylesheet are files of its own
// (Preact sets styles through the CSSOM, which style-src does not restrict), the favicon is a
// data: URL, and downloads are blob: URLs.

/** The Content-Security-Policy, directive by directive. */
export const CSP_DIRECTIVES = [
  ['default-src', "'self'"],
  ['script-src', "'self'"],
  ['style-src', "'self'"],
  ['img-src', "'self' data: blob:"],
  ['connect-src', "'self'"],
  ['font-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'self'"],
  ['frame-ancestors', "'none'"],
];

const join = (directives) => directives.map(([name, value]) => `${name} ${value}`).join('; ');

export const CONTENT_SECURITY_POLICY = join(CSP_DIRECTIVES);

/** The same policy for a <meta> tag, which cannot carry frame-ancestors (X-Frame-Options covers it where headers are sent). */
export const META_CONTENT_SECURITY_POLICY = join(CSP_DIRECTIVES.filter(([name]) => name !== 'frame-ancestors'));

/** Every header of every response. */
export const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
};

/** `html` with the policy's <meta> tag right after <meta charset>; throws when there is no such tag. */
export function withCspMeta(html) {
  const charset = /<meta charset="utf-8"\s*\/?>/i;
  if (!charset.test(html)) throw new Error('index.html heeft geen <meta charset="utf-8">: de Content-Security-Policy kan niet worden toegevoegd');
  return html.replace(charset, (m) => `${m}\n    <meta http-equiv="Content-Security-Policy" content="${META_CONTENT_SECURITY_POLICY}" />`);
}
