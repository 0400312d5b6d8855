/**
 * The floor of the time-to-verdict bench: a bare page that does nothing but verify the star-mark token in its URL
 * fragment with jose, against the key set the bench writes in at build time, and say so in the DOM. Whatever the
 * verify page spends beyond this is the page's own cost.
 */
import { compactVerify, createLocalJWKSet, type JSONWebKeySet } from 'jose';

declare const __JWKS__: JSONWebKeySet;

const out = document.querySelector('#verdict output');
try {
  await compactVerify(location.hash.slice(1), createLocalJWKSet(__JWKS__), { algorithms: ['ES256'] });
  out?.setAttribute('data-verdict', 'valid');
} catch {
  out?.setAttribute('data-verdict', 'counterfeit');
}
