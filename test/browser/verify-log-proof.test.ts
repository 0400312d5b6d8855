/**
 * The public log's proof where people look, in Debian's Chromium against the real system: the permalink and the
 * star-mark verdict check the record's inclusion proof on the device and say which entry of the log it is and when
 * its checkpoint was signed; before integration they say "pending"; a tampered proof, an edited or deleted hash tile
 * in the store are each a serious warning.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { tilePath } from '../../shared/transparency-log';
import { screenshot, usePageRig } from '../support/page-driver';
import { issuedCertificate } from '../support/walk';

const rig = usePageRig({ now: '2026-11-23T02:00:00Z' });
const sys = rig.sys;

async function logNote(page: Page): Promise<{ state: string; text: string; code: string | null }> {
  const note = page.locator('.log-proof');
  await note.waitFor({ timeout: 15_000 });
  return {
    state: (await note.getAttribute('data-log')) ?? '',
    text: (await note.textContent()) ?? '',
    code: await note.getAttribute('data-code'),
  };
}

describe('the log proof on the page', () => {
  it('the permalink says pending before integration, then the entry and its checkpoint time once proven', async () => {
    const a = await issuedCertificate(sys.api);
    const index = (await sys.api.get(`/v1/certificates/${a.number}`)).body.log.index as number;
    const before = await rig.open(`/c/${a.number}`);
    expect(await logNote(before.page)).toMatchObject({ state: 'pending' });
    expect((await logNote(before.page)).text).toContain(`公开日志第 ${index} 条`);
    await before.context.close();

    await sys.log.integrate();
    const { page, context } = await rig.open(`/c/${a.number}`);
    const note = await logNote(page);
    expect(note.state).toBe('recorded');
    expect(note.text).toContain(`已记录于公开日志第 ${index} 条（检查点时间 2026-11-23 10:00:00（北京时间））`);
    await screenshot(page, 'verify-log-recorded-zh', { fullPage: true });
    await page.locator('#lang-switch').click();
    await expect
      .poll(async () => (await logNote(page)).text)
      .toContain(`Recorded in the public log as entry #${index} (checkpoint of 2026-11-23 10:00:00 (Beijing time`);
    await context.close();
  });

  it('the star-mark verdict shows the same proof, checked on the device', async () => {
    const a = await issuedCertificate(sys.api);
    await sys.log.integrate();
    const { log, starMark } = (await sys.api.get(`/v1/certificates/${a.number}`)).body;
    const { page, context } = await rig.open(new URL(starMark.url).pathname + new URL(starMark.url).hash);
    const note = await logNote(page);
    expect(note).toMatchObject({ state: 'recorded' });
    expect(note.text).toContain(`已记录于公开日志第 ${log.index} 条`);
    await context.close();
  });

  it('a tampered proof in the answer is a serious warning, on the permalink and the verdict', async () => {
    const a = await issuedCertificate(sys.api);
    await sys.log.integrate();
    const { starMark } = (await sys.api.get(`/v1/certificates/${a.number}`)).body;
    const context = await rig.newContext();
    // A registry that answers a record with a proof that is not the log's: one hash of the path changed.
    await context.route('**/v1/certificates/**', async (route) => {
      const res = await route.fetch();
      const body = await res.json();
      const lines = (body.log.proof as string).split('\n');
      const at = lines.findIndex((l) => /^[A-Za-z0-9+/]{43}=$/.test(l));
      lines[at] = Buffer.alloc(32, 9).toString('base64');
      await route.fulfill({ response: res, json: { ...body, log: { ...body.log, proof: lines.join('\n') } } });
    });
    for (const path of [`/c/${a.number}`, new URL(starMark.url).pathname + new URL(starMark.url).hash]) {
      const { page } = await rig.open(path, { context });
      const note = await logNote(page);
      expect([path, note.state, note.code]).toEqual([path, 'failed', 'NOT_INCLUDED']);
      expect(note.text).toContain('严重警告：公开日志不能证明本记录');
      expect(await page.locator('.log-proof[role="alert"]').count()).toBe(1);
      await screenshot(page, `verify-log-tampered-${path.startsWith('/c/') ? 'permalink' : 'mark'}`, {
        fullPage: true,
      });
      await page.close();
    }
    await context.close();
  });

  it('a hash tile edited or deleted in the store: the proof it yields fails or is missing, a serious warning', async () => {
    // 256 more entries fill the first level-0 tile, so the proof of this one reads that full tile.
    const a = await issuedCertificate(sys.api);
    await sys.log.integrate();
    const { log } = (await sys.api.get(`/v1/certificates/${a.number}`)).body;
    const path = tilePath(0, 0, Math.min(256, (await sys.api.get('/v1/log/inclusion-proof?index=0')).body.tree.size));
    const tile = (await sys.log.objects.get(path))!;
    const edited = Uint8Array.from(tile);
    // The sibling hash of this entry's leaf (or any other of the tile's) replaced.
    const sibling = log.index % 2 === 0 ? log.index + 1 : log.index - 1;
    const at = (sibling < tile.length / 32 ? sibling : 0) * 32;
    edited.fill(0xee, at, at + 32);
    try {
      await sys.log.objects.put(path, edited);
      const opened = await rig.open(`/c/${a.number}`);
      expect(await logNote(opened.page)).toMatchObject({ state: 'failed', code: 'NOT_INCLUDED' });
      await opened.context.close();

      await sys.s3.objects.delete(`log/${path}`);
      const gone = await rig.open(`/c/${a.number}`);
      expect(await logNote(gone.page)).toMatchObject({ state: 'failed', code: 'NO_PROOF' });
      await gone.context.close();
    } finally {
      await sys.log.objects.put(path, tile);
    }
    const healed = await rig.open(`/c/${a.number}`);
    expect(await logNote(healed.page)).toMatchObject({ state: 'recorded' });
    await healed.context.close();
  });
});
