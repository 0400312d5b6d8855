/** Citable verification receipts: payload, JWS, verification. Browser-safe (jose and Web Crypto only). */
export * from './jws';
export * from './payload';
export * from './schemas';
export * from './verify';
