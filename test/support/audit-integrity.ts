/**
 * The table's own account of itself: every application and certificate must own exactly the events its head says
 * (eventSeq, lastEventHash), and each stream's hash chain must verify. A state change written without its event, an
 * event written without its state change, or an edited event all show here, whatever the test did to get there.
 */
import { GENESIS_HASH, verifyChain } from '../../shared/audit/chain';
import type { AuditEvent } from '../../shared/model';
import { eventStreamOf, keys } from '../../shared/store/keys';
import { scanAll } from './table-snapshot';

interface Head {
  stream: string;
  eventSeq: number;
  lastEventHash: string;
}

/** Every audit stream in the table with its events in order, and the head each aggregate claims for it. */
export async function auditStreams(endpoint: string, table = 'starmark') {
  const items = await scanAll(endpoint, table);
  const heads: Head[] = [];
  const events = new Map<string, AuditEvent[]>();
  for (const item of items) {
    if (item.entity === 'application')
      heads.push({
        stream: eventStreamOf('application', String(item.id)),
        eventSeq: Number(item.eventSeq),
        lastEventHash: String(item.lastEventHash),
      });
    if (item.entity === 'certificate')
      heads.push({
        stream: eventStreamOf('certificate', String(item.number)),
        eventSeq: Number(item.eventSeq),
        lastEventHash: String(item.lastEventHash),
      });
    if (item.entity === 'event') {
      const { pk: _pk, sk: _sk, entity: _entity, ...event } = item;
      const list = events.get(String(item.stream)) ?? [];
      list.push(event as unknown as AuditEvent);
      events.set(String(item.stream), list);
    }
  }
  for (const list of events.values()) list.sort((a, b) => a.seq - b.seq);
  return { heads, events };
}

/** What is wrong with the table's audit trail, one line per problem; empty when every case is whole. */
export async function auditProblems(endpoint: string, table = 'starmark'): Promise<string[]> {
  const { heads, events } = await auditStreams(endpoint, table);
  const problems: string[] = [];
  const owned = new Set<string>();
  for (const head of heads) {
    owned.add(head.stream);
    const stream = events.get(head.stream) ?? [];
    if (stream.length !== head.eventSeq)
      problems.push(`${head.stream}: head says ${head.eventSeq} events, table holds ${stream.length}`);
    if ((stream.at(-1)?.hash ?? GENESIS_HASH) !== head.lastEventHash)
      problems.push(`${head.stream}: head hash is not the last event's hash`);
    const check = await verifyChain(stream);
    if (!check.ok) problems.push(`${head.stream}: ${check.problem} at event ${check.seq}`);
  }
  for (const stream of events.keys()) if (!owned.has(stream)) problems.push(`${stream}: events without their case`);
  return problems;
}

/** The key of one event item, for tests that tamper with it directly in the table. */
export const eventKey = (stream: string, seq: number) => keys.event(stream, seq);
