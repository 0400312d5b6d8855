/**
 * The certificate number a scanned token claims, read without trusting it: a forged mark's signature proves nothing,
 * but the number it copies is what staff need to see many reports of one number together.
 */
import { base64url } from 'jose';

const NUMBER_FIRST = /^([A-Z]{2,8}-SV-\d{4}-\d{6})\|/;

export function claimedNumber(token: string): string | undefined {
  const payload = token.split('.')[1];
  if (!payload) return undefined;
  try {
    return NUMBER_FIRST.exec(new TextDecoder().decode(base64url.decode(payload)))?.[1];
  } catch {
    return undefined;
  }
}
