import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { CHECKPOINT_PATH } from '../../functions/transparency-log/objects';
import { buildMonitor } from '../../scripts/build-monitor';
import { utf8 } from '../../shared/transparency-log';
import { useTestSystem } from '../support/local-system';
import { issuedCertificate } from '../support/walk';

const run = promisify(execFile);
const sys = useTestSystem({ now: '2026-11-23T02:00:00Z', logIntegrationEveryMs: false });
const dir = mkdtempSync(join(tmpdir(), 'starmark-monitor-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the monitor without cloning', () => {
  it('runs as one bundled file with plain node: ok on an honest log, non-zero on a forged checkpoint', async () => {
    await issuedCertificate(sys.api);
    await sys.log.integrate();
    const bundle = await buildMonitor(join(dir, 'starmark-monitor.mjs'));
    const state = join(dir, 'state.json');
    const honest = await run(process.execPath, [bundle, '--url', sys.url, '--state', state], { cwd: dir });
    expect(honest.stdout).toMatch(/starmark monitor: ok — \d+ entries verified/);
    expect(JSON.parse(readFileSync(state, 'utf8'))).toMatchObject({ size: expect.any(Number) });

    const note = utf8.decode((await sys.log.objects.get(CHECKPOINT_PATH))!);
    await sys.log.objects.put(
      CHECKPOINT_PATH,
      utf8.encode(note.replace(/\n(\d+)\n/, (_, n) => `\n${Number(n) + 1}\n`)),
    );
    try {
      const forged = await run(process.execPath, [bundle, '--url', sys.url, '--state', state], { cwd: dir }).then(
        () => undefined,
        (error: { code: number; stderr: string }) => error,
      );
      expect(forged?.code).toBe(1);
      expect(forged?.stderr).toMatch(/PROBLEM[\s\S]*bad checkpoint: BAD_SIGNATURE/);
    } finally {
      await sys.log.objects.put(CHECKPOINT_PATH, utf8.encode(note));
    }
  });
});
