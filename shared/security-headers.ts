/**
 * The HTTP security headers every answer carries, pages and API alike. The CDK stack turns them into the
 * CloudFront response headers policy and the local gateway sets them verbatim, so a laptop and AWS serve the same
 * policy. The CSP is strict on purpose: the pages ship their own scripts and styles and talk only to their origin.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  // WebAssembly compiled from the site's own .wasm (the QR decoder), not JavaScript eval.
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "manifest-src 'self'",
  "worker-src 'self'",
  "media-src 'self' blob:",
  // The console previews a case's PDF in a frame, from bytes it fetched and checked itself (a blob of its making).
  'frame-src blob:',
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The policy with more origins allowed in `connect-src`: the staff console reaches the Cognito hosted-UI token
 * endpoint (AWS) and the object store of the cases' files through its presigned URLs (AWS and the local gateway).
 */
export function withConnectSources(policy: string, sources: readonly string[]): string {
  if (sources.length === 0) return policy;
  const directives = policy.split('; ');
  const at = directives.findIndex((d) => d.startsWith('connect-src '));
  if (at < 0) throw new Error('CSP has no connect-src directive to extend');
  directives[at] = [directives[at], ...sources].join(' ');
  return directives.join('; ');
}

export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'Strict-Transport-Security': 'max-age=63072000; includeSubDomains; preload',
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  // The camera is for scanning a star-mark QR code on the verify page; nothing else is allowed.
  'Permissions-Policy': 'camera=(self)',
};
