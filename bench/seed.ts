/**
 * Seeding at scale for the benchmarks: certificate items built by the very functions a real issue uses (the
 * lifecycle's issueCertificate, the store's own item mapping with certificateIndexAttributes), written with
 * BatchWriteItem, many batches in flight. An HTTP walk per certificate would take hours at 100 000.
 */
import { BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { toTransactItem } from '../functions/store/writes';
import { GENESIS_HASH } from '../shared/audit/chain';
import { addMonths, chinaDate } from '../shared/calendar';
import { formatCertificateNumber } from '../shared/certificate-number';
import { generateCreditCode } from '../shared/credit-code';
import { issueCertificate } from '../shared/lifecycle/certificate';
import type { Application, Certificate } from '../shared/model';

const BATCH = 25;

/** A certificate issued `monthsAgo` before `now`: older than 12 months means its surveillance is overdue. */
export function seededCertificate(serial: number, now: Date, monthsAgo: number, prefix = 'BN'): Certificate {
  const issuedOn = addMonths(chinaDate(now), -monthsAgo);
  const application = {
    id: `01BENCH${String(serial).padStart(19, '0')}`,
    state: 'approved',
    organization: { name: `基准测试售后服务有限公司${serial}`, creditCode: generateCreditCode(serial) },
    scope: '家用电器的销售与售后服务',
    applicantSub: `applicant-bench-${serial % 1000}`,
    score: { total: 91.5, level: 'four', passed: true },
  } as Application;
  const decided = issueCertificate(
    application,
    formatCertificateNumber(prefix, 2026, serial),
    new Date(`${issuedOn}T02:00:00Z`),
  );
  return { ...decided.next, version: 1, eventSeq: 0, lastEventHash: GENESIS_HASH };
}

/** The item exactly as the store writes it for a new certificate. */
export function certificateItem(c: Certificate, table: string): Record<string, unknown> {
  const put = toTransactItem({ kind: 'certificate', value: c, expectedVersion: null }, table).Put;
  if (!put?.Item) throw new Error('a new certificate is written with a Put');
  return put.Item;
}

/** Puts every item, `parallel` batches of 25 in flight, re-sending what DynamoDB leaves unprocessed. */
export async function batchPut(
  db: DynamoDBDocumentClient,
  table: string,
  items: Record<string, unknown>[],
  parallel = 12,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const chunk = items.slice(next, next + BATCH);
      next += BATCH;
      let request: Record<string, { PutRequest: { Item: Record<string, unknown> } }[]> | undefined = {
        [table]: chunk.map((Item) => ({ PutRequest: { Item } })),
      };
      for (let attempt = 0; request && (request[table]?.length ?? 0) > 0; attempt++) {
        if (attempt > 10) throw new Error('BatchWriteItem kept items unprocessed after 10 retries');
        if (attempt) await new Promise((r) => setTimeout(r, 20 * 2 ** attempt));
        const out = await db.send(new BatchWriteCommand({ RequestItems: request }));
        request = out.UnprocessedItems as typeof request;
      }
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
}
