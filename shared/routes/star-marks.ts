/** Routes of the star-marks concern: verification and keys (public), artwork and key management (staff). */
import type { RouteSpec } from './spec';

export const STAR_MARK_ROUTES: readonly RouteSpec[] = [
  { method: 'POST', path: '/v1/verifications', fn: 'public', op: 'verify', auth: 'none', summary: 'Verify a star-mark token or up to 100 numbers' },
  { method: 'GET', path: '/.well-known/jwks.json', fn: 'public', op: 'jwks', auth: 'none', cacheSeconds: 300, summary: 'Public signing keys, current and retired' },
  { method: 'GET', path: '/v1/print/certificate.css', fn: 'public', op: 'certificateStylesheet', auth: 'none', cacheSeconds: 86400, summary: 'Stylesheet of the printable certificate' },

  { method: 'GET', path: '/v1/staff/certificates/{number}/star-mark.svg', fn: 'staff', op: 'starMarkSvg', auth: 'staff', summary: 'Star-mark artwork (SVG)' },
  { method: 'GET', path: '/v1/staff/certificates/{number}/star-mark.png', fn: 'staff', op: 'starMarkPng', auth: 'staff', summary: 'Star-mark artwork at print resolution (PNG, 300 dpi)' },
  { method: 'GET', path: '/v1/staff/certificates/{number}/certificate.html', fn: 'staff', op: 'certificatePage', auth: 'staff', summary: 'Printable certificate' },
  { method: 'GET', path: '/v1/staff/signing-keys', fn: 'staff', op: 'listSigningKeys', auth: 'staff', summary: 'Star-mark signing keys and their status (admin)' },
  { method: 'POST', path: '/v1/staff/signing-keys/rotate', fn: 'staff', op: 'rotateSigningKey', auth: 'staff', summary: 'Rotate the star-mark signing key (admin)' },
  { method: 'POST', path: '/v1/staff/signing-keys/{kid}/revoke', fn: 'staff', op: 'revokeSigningKey', auth: 'staff', summary: 'Revoke a compromised signing key: its marks fail (admin)' },
];
