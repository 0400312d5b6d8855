/** The log's proof endpoints: their queries and answers, parsed with these and documented (OpenAPI) from them. */
import * as z from '../zod';

const count = (what: string) =>
  z.coerce.number().check(z.int(), z.minimum(0), z.maximum(Number.MAX_SAFE_INTEGER), z.describe(what));
const size = (what: string) =>
  z.coerce.number().check(z.int(), z.minimum(1), z.maximum(Number.MAX_SAFE_INTEGER), z.describe(what));

export const inclusionQuerySchema = z.strictObject({
  index: count('The index of the entry'),
  size: z.optional(size('The tree size to prove against (default: the latest checkpoint)')),
});

export const consistencyQuerySchema = z.strictObject({
  from: size('The older tree size'),
  to: z.optional(size('The newer tree size (default: the latest checkpoint)')),
});

const tree = z.object({
  size: z.number().check(z.describe('The tree size the proof is against')),
  checkpoint: z.optional(z.string().check(z.describe('Its signed checkpoint (C2SP tlog-checkpoint), when the latest'))),
  checkpointAt: z.optional(z.string().check(z.describe('When that checkpoint was signed (ISO 8601)'))),
});
const hashes = z.array(z.string()).check(z.describe('RFC 9162 proof hashes, base64, from the bottom of the tree up'));

export const inclusionAnswerSchema = z.object({
  index: z.number(),
  entry: z.string().check(z.describe('The entry, verbatim: its leaf hash is SHA-256(0x00 ‖ entry)')),
  proof: hashes,
  tree,
  tlogProof: z.optional(z.string().check(z.describe('The same as C2SP tlog-proof text, when against the latest'))),
});

export const consistencyAnswerSchema = z.object({
  from: z.number(),
  to: z.number(),
  proof: hashes,
  tree,
});
