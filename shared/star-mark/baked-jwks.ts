/**
 * The key set shipped with the page (`/jwks.json`): what a phone that has opened the page once checks marks against
 * offline. One function makes its text, wherever it is made: the web build given a key set, `npm start` from the
 * local rings, the deployment in AWS from the KMS public keys. Whatever the source held, only the public members of
 * each key are written, so a private key handed to the build by mistake never reaches a page.
 */
import { ecPublicJwk } from '../jws/ec-key';
import { jwksSchema } from '../schemas/public-answers';
import { BAKED_JWKS_PATH, type PublishedKey, type RevokedKey, type StarMarkJwks } from './jwks';

export { BAKED_JWKS_PATH };
/** Its object key beside the pages (the site bucket, web/dist). */
export const BAKED_JWKS_FILE = BAKED_JWKS_PATH.slice(1);

function publicKey(key: PublishedKey): PublishedKey {
  const material = ecPublicJwk(key);
  if (!material) throw new Error(`key ${key.kid} is not an EC P-256 public key`);
  const { kid, alg, use, purpose, status, created, retired } = key;
  return {
    ...material,
    kid,
    alg,
    use,
    purpose,
    status,
    ...(created ? { created } : {}),
    ...(retired ? { retired } : {}),
  };
}

function revokedKey({ kid, status, purpose, revoked }: RevokedKey): RevokedKey {
  return { kid, status, purpose, ...(revoked ? { revoked } : {}) };
}

/** A published key set (the registry's JWKS, or a file given to the build), reduced to public members; throws. */
export function bakedJwks(value: unknown): StarMarkJwks {
  const parsed = jwksSchema.safeParse(value);
  if (!parsed.success) throw new Error(`not a published key set: ${parsed.error.message}`);
  const { keys, revoked } = parsed.data as StarMarkJwks;
  return { keys: keys.map(publicKey), revoked: revoked.map(revokedKey) };
}

/** The file's text. */
export function bakedJwksText(value: unknown): string {
  return `${JSON.stringify(bakedJwks(value), null, 2)}\n`;
}
