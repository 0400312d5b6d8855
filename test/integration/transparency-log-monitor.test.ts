import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { LOCAL_AWS } from '../../functions/local/dynamodb-local';
import { documentClient } from '../../functions/store/dynamo-client';
import { CHECKPOINT_PATH } from '../../functions/transparency-log/objects';
import { httpMonitorSource } from '../../scripts/monitor-http';
import { keys } from '../../shared/store/keys';
import { decodeEntryBundle, encodeEntryBundle, entryBundlePath, tilePath, utf8 } from '../../shared/transparency-log';
import { monitorLog } from '../../shared/transparency-log/monitor';
import { useTestSystem } from '../support/local-system';
import { issuedCertificate } from '../support/walk';

const sys = useTestSystem({ logIntegrationEveryMs: false });

describe('the monitor', () => {
  it('passes an honest log, then catches a rewritten record, entry and checkpoint', async () => {
    const a = await issuedCertificate(sys.api);
    await issuedCertificate(sys.api);
    await sys.api.post(`/v1/staff/certificates/${a.number}/suspend`, { reason: '投诉' }, 'admin-qian');
    await sys.log.integrate();
    const first = await monitorLog({ source: httpMonitorSource(sys.url), now: sys.deps.clock() });
    expect(first.findings).toEqual([]);
    expect(first).toMatchObject({ ok: true, size: 3, checked: 2 });

    // A certificate item edited in the table, behind the log's back: the record no longer matches the log.
    const db = documentClient({ endpoint: sys.dynamo.endpoint, ...LOCAL_AWS });
    const stored = await sys.deps.store.getItem(keys.certificate(a.number).pk, 'CERT');
    await db.send(new PutCommand({ TableName: 'starmark', Item: { ...stored, status: 'valid' } }));
    const edited = await monitorLog({ source: httpMonitorSource(sys.url), state: first.state, now: sys.deps.clock() });
    expect(edited.ok).toBe(false);
    expect(edited.findings.join('\n')).toMatch(new RegExp(`${a.number}: the record shows status`));
    await db.send(new PutCommand({ TableName: 'starmark', Item: stored }));

    // An entry rewritten in the published bundle: the entries no longer hash to the signed root.
    const path = entryBundlePath(0, 3);
    const bundle = (await sys.log.objects.get(path))!;
    const entries = decodeEntryBundle(bundle)!;
    entries[2] = utf8.encode(utf8.decode(entries[2]!).replace('"suspended"', '"valid"'));
    await sys.log.objects.put(path, encodeEntryBundle(entries));
    const rewritten = await monitorLog({
      source: httpMonitorSource(sys.url),
      state: first.state,
      now: sys.deps.clock(),
    });
    expect(rewritten.findings.join('\n')).toMatch(/do not hash to the checkpoint root/);
    await sys.log.objects.put(path, bundle);

    // A checkpoint edited to another root: its signature fails.
    const note = utf8.decode((await sys.log.objects.get(CHECKPOINT_PATH))!);
    await sys.log.objects.put(CHECKPOINT_PATH, utf8.encode(note.replace('\n3\n', '\n2\n')));
    const forged = await monitorLog({ source: httpMonitorSource(sys.url), state: first.state, now: sys.deps.clock() });
    expect(forged.findings).toEqual(['bad checkpoint: BAD_SIGNATURE']);
    await sys.log.objects.put(CHECKPOINT_PATH, utf8.encode(note));

    expect(
      (await monitorLog({ source: httpMonitorSource(sys.url), state: first.state, now: sys.deps.clock() })).ok,
    ).toBe(true);
  });

  it('catches a deleted log entry, an edited hash tile and a deleted hash tile', async () => {
    await issuedCertificate(sys.api);
    await sys.log.integrate();
    const first = await monitorLog({ source: httpMonitorSource(sys.url), now: sys.deps.clock() });
    expect(first.findings).toEqual([]);
    const size = first.size;
    const check = () => monitorLog({ source: httpMonitorSource(sys.url), state: first.state, now: sys.deps.clock() });

    // An entry deleted from the published bundle: the bundle no longer holds the checkpoint's entries.
    const bundlePath = entryBundlePath(0, size);
    const bundle = (await sys.log.objects.get(bundlePath))!;
    await sys.log.objects.put(bundlePath, encodeEntryBundle(decodeEntryBundle(bundle)!.slice(0, -1)));
    const deleted = await check();
    expect(deleted.ok).toBe(false);
    expect(deleted.findings.join('\n')).toMatch(/entry bundle 0 is malformed or has the wrong number of entries/);
    await sys.log.objects.put(bundlePath, bundle);

    // A hash tile edited: the entries still hash to the root, but the tile that proofs are made from lies.
    const path = tilePath(0, 0, size);
    const tile = (await sys.log.objects.get(path))!;
    const edited = Uint8Array.from(tile);
    edited.fill(0xee, 0, 32);
    await sys.log.objects.put(path, edited);
    expect((await check()).findings).toEqual([`hash tile ${path} does not match the entries: it was edited`]);

    // The same tile deleted.
    await sys.s3.objects.delete(`log/${path}`);
    expect((await check()).findings).toEqual([`hash tile ${path} is missing`]);
    await sys.log.objects.put(path, tile);

    expect((await check()).ok).toBe(true);
  });

  it('counts a record whose latest entry is newer than the checkpoint as pending, not as unexplained', async () => {
    const c = await issuedCertificate(sys.api);
    await sys.log.integrate();
    await sys.api.post(`/v1/staff/certificates/${c.number}/suspend`, { reason: '投诉' }, 'admin-qian');
    const report = await monitorLog({ source: httpMonitorSource(sys.url), now: sys.deps.clock() });
    expect(report.findings).toEqual([]);
    expect(report.pending).toBe(1);
    await sys.log.integrate();
    const integrated = await monitorLog({ source: httpMonitorSource(sys.url), now: sys.deps.clock() });
    expect(integrated).toMatchObject({ ok: true, pending: 0, checked: report.checked + 1 });
  });
});
