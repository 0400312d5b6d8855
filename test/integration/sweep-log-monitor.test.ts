/**
 * The daily sweep runs the log monitor on its own deployment: the published files in the local S3 server and the
 * public records from DynamoDB Local, checked against the checkpoint the previous run verified (kept in the table).
 * A finding counts LogMonitorFailed (EMF, as in Lambda), which the alarm watches, and the sweep goes on.
 */
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LOCAL_AWS } from '../../functions/local/dynamodb-local';
import { OutboxNotifier } from '../../functions/notify/outbox';
import { runDailyOperations } from '../../functions/service/sweep';
import { documentClient } from '../../functions/store/dynamo-client';
import { readLogHead } from '../../functions/transparency-log/integrator';
import { registryMonitorSource } from '../../functions/transparency-log/monitor-source';
import { readMonitorState } from '../../functions/transparency-log/monitor-state';
import { CHECKPOINT_PATH } from '../../functions/transparency-log/objects';
import { LOG_MONITOR_FAILED_METRIC } from '../../shared/deployment-env';
import { keys } from '../../shared/store/keys';
import {
  decodeEntryBundle,
  encodeEntryBundle,
  entryBundlePath,
  formatCheckpoint,
  integrate,
  signNote,
  utf8,
} from '../../shared/transparency-log';
import { monitorLog } from '../../shared/transparency-log/monitor';
import { useTestSystem } from '../support/local-system';
import { issuedCertificate } from '../support/walk';

const sys = useTestSystem({ now: '2026-11-23' });
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

/** One daily run as the Lambda makes it, with the LogMonitorFailed values it wrote as EMF. */
async function dailyRun() {
  vi.stubEnv('AWS_LAMBDA_FUNCTION_NAME', 'starmark-sweep');
  const emitted: number[] = [];
  const write = process.stdout.write.bind(process.stdout);
  vi.spyOn(process.stdout, 'write').mockImplementation(((chunk: unknown, ...rest: never[]) => {
    for (const line of String(chunk).split('\n')) {
      if (!line.includes(LOG_MONITOR_FAILED_METRIC)) continue;
      const emf = JSON.parse(line);
      if (emf._aws?.CloudWatchMetrics?.[0]?.Metrics?.[0]?.Name === LOG_MONITOR_FAILED_METRIC)
        emitted.push(emf[LOG_MONITOR_FAILED_METRIC]);
    }
    return write(chunk as string, ...rest);
  }) as never);
  try {
    const day = await runDailyOperations(sys.deps, new OutboxNotifier());
    return { ...day, emitted };
  } finally {
    vi.restoreAllMocks();
    vi.unstubAllEnvs();
  }
}

describe('the log monitor in the daily sweep', () => {
  let suspendedBefore: Record<string, unknown>;
  let other: string;

  it('passes an honest log, counts LogMonitorFailed 0 and keeps the checkpoint it verified', async () => {
    const a = await issuedCertificate(sys.api);
    other = (await issuedCertificate(sys.api)).number;
    suspendedBefore = (await sys.deps.store.getItem(keys.certificate(a.number).pk, 'CERT'))!;
    await sys.api.post(`/v1/staff/certificates/${a.number}/suspend`, { reason: '投诉' }, 'admin-qian');
    await sys.log.integrate();

    const day = await dailyRun();
    expect(day.monitor).toMatchObject({ ran: true, ok: true, findings: [], size: 3, checked: 2, kept: true });
    expect(day.emitted).toEqual([0]);
    const head = (await readLogHead(sys.deps.store))!;
    expect(await readMonitorState(sys.deps.store)).toMatchObject({ step: 1, state: { size: 3, root: head.root } });
  });

  it('reports LogMonitorFailed when an entry is rewritten in the bucket, and keeps the last good checkpoint', async () => {
    const path = entryBundlePath(0, 3);
    const bundle = (await sys.log.objects.get(path))!;
    const entries = decodeEntryBundle(bundle)!;
    entries[2] = utf8.encode(utf8.decode(entries[2]!).replace('"suspended"', '"valid"'));
    await sys.log.objects.put(path, encodeEntryBundle(entries));
    try {
      const day = await dailyRun();
      expect(day.monitor.ran && day.monitor.findings.join('\n')).toMatch(/do not hash to the checkpoint root/);
      expect(day.monitor).toMatchObject({ ok: false, kept: false });
      expect(day.emitted).toEqual([1]);
      // The rest of the sweep ran all the same.
      expect(day.sweep.failed).toEqual([]);
      expect(day.reminders.failed).toEqual([]);
      expect(await readMonitorState(sys.deps.store)).toMatchObject({ step: 1, state: { size: 3 } });
    } finally {
      await sys.log.objects.put(path, bundle);
    }
    const again = await dailyRun();
    expect(again.monitor).toMatchObject({ ok: true, kept: true });
    expect(again.emitted).toEqual([0]);
    expect(await readMonitorState(sys.deps.store)).toMatchObject({ step: 2, state: { size: 3 } });
  });

  it('catches a history rewritten with the log key itself, which only the kept checkpoint contradicts', async () => {
    // An insider undoes the suspension: the certificate item as before it, and the log republished without its
    // entry, tiles and a checkpoint signed with the log's own key. On its own, that log is consistent.
    const db = documentClient({ endpoint: sys.dynamo.endpoint, ...LOCAL_AWS });
    const number = String(suspendedBefore.number);
    const suspended = (await sys.deps.store.getItem(keys.certificate(number).pk, 'CERT'))!;
    const note = (await sys.log.objects.get(CHECKPOINT_PATH))!;
    const entries = decodeEntryBundle((await sys.log.objects.get(entryBundlePath(0, 3)))!)!;
    const rewritten = await integrate(0, entries.slice(0, 2), async () => undefined);
    for (const file of rewritten.files) await sys.log.objects.put(file.path, file.data);
    const { signer } = sys.log.key;
    const forged = await signNote(formatCheckpoint({ origin: signer.name, size: 2, root: rewritten.root }), signer);
    await sys.log.objects.put(CHECKPOINT_PATH, utf8.encode(forged));
    await db.send(new PutCommand({ TableName: 'starmark', Item: suspendedBefore }));
    try {
      const now = sys.deps.clock();
      const fresh = await monitorLog({ source: registryMonitorSource(sys.deps.store, sys.log.objects, now), now });
      expect(fresh.findings).toEqual([]);

      const day = await dailyRun();
      expect(day.monitor).toMatchObject({ ok: false, findings: ['the log shrank from 3 to 2 entries'] });
      expect(day.emitted).toEqual([1]);
    } finally {
      await db.send(new PutCommand({ TableName: 'starmark', Item: suspended }));
      await sys.log.objects.put(CHECKPOINT_PATH, note);
    }
    expect((await dailyRun()).monitor).toMatchObject({ ok: true });
  });

  it('counts a record changed after the checkpoint as pending, and compares it once integrated', async () => {
    await sys.api.post(`/v1/staff/certificates/${other}/suspend`, { reason: '投诉' }, 'admin-qian');
    const before = await dailyRun();
    expect(before.monitor).toMatchObject({ ok: true, size: 3, checked: 1, pending: 1 });
    expect(before.emitted).toEqual([0]);
    await sys.log.integrate();
    const after = await dailyRun();
    expect(after.monitor).toMatchObject({ ok: true, size: 4, checked: 2, pending: 0, kept: true });
    expect(await readMonitorState(sys.deps.store)).toMatchObject({ state: { size: 4 } });
  });
});
