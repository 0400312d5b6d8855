/**
 * The print-ready PNG (and the star-mark PNG, and the PDF certificate) made by a system process that cannot see a
 * single font of the machine (every font folder covered by an empty file system, as on Lambda, which has no CJK
 * font) is byte for byte the one the same system makes with them.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../../../functions/local/ports';
import { loginAs, type SpawnedSystem, spawnSystem, until } from '../../support/process-system';

const FONT_FOLDERS = ['/usr/share/fonts', '/usr/local/share/fonts', '$HOME/.fonts', '$HOME/.local/share/fonts'];
/** Runs the command after it in its own mount namespace, every font folder hidden under an empty tmpfs. */
const WITHOUT_FONTS = [
  'unshare',
  '--map-root-user',
  '--mount',
  'sh',
  '-c',
  `for d in ${FONT_FOLDERS.map((f) => `"${f}"`).join(' ')}; do ` +
    'if [ -d "$d" ]; then mount -t tmpfs none "$d" || exit 97; fi; done; exec "$@"',
  'sh',
];
const fontFiles = async (wrap: string[] = []) => {
  const command = [...wrap, 'sh', '-c', `find ${FONT_FOLDERS.join(' ')} -type f 2>/dev/null | wc -l`];
  const { stdout } = await promisify(execFile)(command[0]!, command.slice(1));
  return Number(stdout.trim());
};

const dataDir = mkdtempSync(join(tmpdir(), 'starmark-fonts-'));
const running: SpawnedSystem[] = [];
afterAll(async () => {
  await Promise.all(running.map((s) => s.stop()));
  rmSync(dataDir, { recursive: true, force: true });
});

/** The documents of the first valid certificate, from a system started on the data folder. */
async function marksFrom(port: number, wrap?: string[]) {
  const system = await spawnSystem(dataDir, { port, args: ['--demo'], ...(wrap ? { wrap } : {}) });
  running.push(system);
  try {
    const token = await loginAs(system.url, 'admin-qian');
    const get = (path: string) => fetch(`${system.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
    // The demo is seeded once the system answers: wait for its first valid certificate.
    let number: string | undefined;
    await until(
      async () => {
        const list = (await (await get('/v1/staff/certificates?status=valid')).json()) as {
          items?: { number: string }[];
        };
        number = list.items?.[0]?.number;
        return Boolean(number);
      },
      120_000,
      'a valid demo certificate',
    );
    expect(number).toBeTruthy();
    const bytes = async (file: string) => {
      const res = await get(`/v1/staff/certificates/${number}/${file}`);
      expect(res.status).toBe(200);
      return Buffer.from(await res.arrayBuffer());
    };
    return {
      number,
      files: {
        'print-mark.png?dpi=300': await bytes('print-mark.png?dpi=300'),
        'print-mark.png?dpi=600': await bytes('print-mark.png?dpi=600'),
        'star-mark.png': await bytes('star-mark.png'),
        'certificate.pdf': await bytes('certificate.pdf'),
      },
    };
  } finally {
    await system.stop();
    running.splice(running.indexOf(system), 1);
  }
}

describe('the print-ready mark in a process with no system fonts', () => {
  it('is made where the machine has fonts, and the wrapper leaves the process none to see', async () => {
    expect(await fontFiles()).toBeGreaterThan(0);
    expect(await fontFiles(WITHOUT_FONTS)).toBe(0);
  });

  it('makes the same print-mark PNGs (300 and 600 dpi), star-mark PNG and PDF certificate as with the fonts', async () => {
    const port = await freePort();
    const withFonts = await marksFrom(port);
    const withoutFonts = await marksFrom(port, WITHOUT_FONTS);
    expect(withoutFonts.number).toBe(withFonts.number);
    for (const [file, made] of Object.entries(withoutFonts.files)) {
      expect(made.length, file).toBeGreaterThan(5_000);
      expect(made.equals(withFonts.files[file as keyof typeof withFonts.files]), file).toBe(true);
    }
  }, 300_000);
});
