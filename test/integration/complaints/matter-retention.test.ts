/**
 * A matter and its trail are kept for the same retention period, against DynamoDB Local: every event of a matter
 * carries its matter's expiry (the table's TTL attribute), so the table drops them together and the integrity check
 * never finds events without their matter. Events written before they carried it get it from a data upgrade.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_AWS } from '../../../functions/local/dynamodb-local';
import { upgradeData } from '../../../functions/local/table-setup';
import { COMPLAINT_SETTINGS } from '../../../shared/complaints';
import { keys } from '../../../shared/store/keys';
import { TABLE } from '../../../shared/table';
import { auditProblems } from '../../support/audit-integrity';
import { decideAppeal } from '../../support/decided-appeal';
import { useTestSystem } from '../../support/local-system';
import { Subjects } from '../../support/subjects';
import { scanAll } from '../../support/table-snapshot';
import { ACTING, CASE_APPEAL, ok } from '../../support/valid-requests';

const NOW = '2026-11-23T02:00:00Z';
const sys = useTestSystem({ now: NOW });
const subjects = new Subjects(sys);
let client: DynamoDBClient;
let db: DynamoDBDocumentClient;

beforeAll(() => {
  client = new DynamoDBClient({ endpoint: sys.dynamo.endpoint, ...LOCAL_AWS });
  db = DynamoDBDocumentClient.from(client);
});
afterAll(() => client?.destroy());

/** An appeal filed, acknowledged, assigned and decided: four events on its matter's stream. */
async function decidedAppeal(): Promise<string> {
  const id = await subjects.application('rejected');
  const filed = await ok(sys.api.post(`/v1/staff/applications/${id}/appeals`, CASE_APPEAL, ACTING.applicant));
  await decideAppeal(sys.api, filed.id, 'confirmed');
  return filed.id;
}

async function matterAndEvents(id: string) {
  const items = await scanAll(sys.dynamo.endpoint);
  const matter = items.find((i) => i.pk === keys.matter(id).pk && i.entity === 'matter');
  const events = items.filter((i) => i.entity === 'event' && i.stream === `matter/${id}`);
  return { matter, events };
}

describe("a matter's audit events", () => {
  it("each carry the matter's expiry, the end of its retention period", async () => {
    sys.setNow(NOW);
    const id = await decidedAppeal();
    const { matter, events } = await matterAndEvents(id);
    const retainedUntil = Date.parse(NOW) / 1000 + COMPLAINT_SETTINGS.retentionDays * 86_400;
    expect(matter?.[TABLE.timeToLiveAttribute]).toBe(retainedUntil);
    expect(events.map((e) => e.action)).toEqual(['receive', 'acknowledge', 'assign', 'decide']);
    expect(events.map((e) => e[TABLE.timeToLiveAttribute])).toEqual(events.map(() => retainedUntil));
    expect(await auditProblems(sys.dynamo.endpoint)).toEqual([]);
  });

  it('written before they carried it, get it from the data upgrade, once', async () => {
    sys.setNow(NOW);
    const id = await decidedAppeal();
    const before = await matterAndEvents(id);
    for (const event of before.events)
      await db.send(
        new UpdateCommand({
          TableName: 'starmark',
          Key: { pk: event.pk, sk: event.sk },
          UpdateExpression: 'REMOVE #ttl',
          ExpressionAttributeNames: { '#ttl': TABLE.timeToLiveAttribute },
        }),
      );
    await db.send(new DeleteCommand({ TableName: 'starmark', Key: keys.tableUpgrade('matter-event-expiry') }));
    expect(await upgradeData(db, 'starmark')).toBe(true);
    const after = await matterAndEvents(id);
    const expiry = before.matter?.[TABLE.timeToLiveAttribute];
    expect(after.events.map((e) => e[TABLE.timeToLiveAttribute])).toEqual(after.events.map(() => expiry));
    expect(await auditProblems(sys.dynamo.endpoint)).toEqual([]);
    expect(await upgradeData(db, 'starmark')).toBe(false);
  });
});
