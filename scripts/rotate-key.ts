/**
 * Rotates or revokes the star-mark signing key of the local key store (`<data>/keys/star-mark/`), or with
 * `--receipt` the receipt key (`<data>/keys/receipt/`), a ring of its own that works the same way. A running
 * `npm start` picks the change up without a restart; while no system runs, the folder is locked for the change, and
 * a folder another tool holds is refused. In AWS keys rotate by deployment (see functions/signing/kms).
 *
 *   npm run rotate-key -- --data .data                              new signing key; the old one is retired
 *   npm run rotate-key -- --data .data --revoke=<kid> --reason "…"  compromised: its marks fail from now on
 *   npm run rotate-key -- --data .data --list                       the keys and their status
 */
import { userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { LocalKeyRing } from '../functions/signing/local/local-key-ring';
import type { SigningKeyRecord } from '../shared/star-mark';
import { holdOrJoin } from './local-registry';

const HELP = `rotate-key — the local star-mark signing keys

  npm run rotate-key -- [--data .data] [--receipt] [--list | --revoke=<kid> --reason <text>]

  --receipt: the receipt signing keys instead of the star-mark keys.

  Write --revoke=<kid> with "=": a kid may begin with "-".
`;

function line(r: SigningKeyRecord): string {
  const when = r.revokedAt ?? r.retiredAt ?? r.createdAt ?? '';
  return `  ${r.kid}  ${r.status.padEnd(8)} ${when}`;
}

async function main() {
  const { values } = parseArgs({
    options: {
      data: { type: 'string', default: '.data' },
      list: { type: 'boolean', default: false },
      receipt: { type: 'boolean', default: false },
      revoke: { type: 'string' },
      reason: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
    allowPositionals: false,
  });
  if (values.help) return void process.stdout.write(HELP);
  const reason = values.reason?.trim();
  if (values.revoke !== undefined && !reason) throw new Error('--revoke needs --reason "<why the key is compromised>"');
  const dataDir = resolve(values.data);
  // A running system re-reads the key files; with none, the folder is ours for the change.
  const folder = await holdOrJoin({ tool: 'npm run rotate-key', dataDir });
  try {
    const keysDir = join(dataDir, 'keys');
    const ring = await LocalKeyRing.open(keysDir, new Date(), values.receipt ? 'receipt' : 'star-mark');
    const by = { sub: `cli:${userInfo().username}` };
    if (values.revoke !== undefined && reason) {
      const revoked = await ring.revoke(values.revoke, reason, new Date(), by);
      process.stdout.write(`Revoked ${revoked.kid}: marks it signed no longer verify.\n`);
    } else if (!values.list) {
      const fresh = await ring.rotate(new Date(), by);
      process.stdout.write(`New signing key ${fresh.kid}; earlier keys are retired and keep verifying.\n`);
    }
    process.stdout.write(`Keys in ${join(keysDir, ring.purpose)}:\n${(await ring.records()).map(line).join('\n')}\n`);
  } finally {
    if ('lock' in folder) folder.lock.release();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`rotate-key: ${(error as Error)?.message ?? String(error)}\n`);
  process.exit(1);
});
