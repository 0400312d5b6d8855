/**
 * The registry's own account of itself, over the plain items of a table (a scan, or an export): every application,
 * certificate, organization and matter owns exactly the events its head says (eventSeq, lastEventHash), and every
 * stream's hash chain verifies. A state change without its event, an event without its state change, or an edited event all show here.
 * Used by backup and restore (scripts/registry-archive) and by the tests' audit checks.
 */
import type { AuditEvent } from '../model';
import { eventStreamOf } from '../store/keys';
import { TABLE } from '../table';
import { GENESIS_HASH, verifyChain } from './chain';

interface Head {
  stream: string;
  eventSeq: number;
  lastEventHash: string;
}

export interface AuditStreams {
  heads: Head[];
  /** Events per stream, in sequence order. */
  events: Map<string, AuditEvent[]>;
}

/** The aggregates that head a stream of events: a case, a certificate, an organization, a complaint or appeal. */
const HEAD_ENTITIES = ['application', 'certificate', 'organization', 'matter'] as const;
type HeadEntity = (typeof HEAD_ENTITIES)[number];
const headsAStream = (entity: unknown): entity is HeadEntity => HEAD_ENTITIES.includes(entity as HeadEntity);

export function auditStreamsOf(items: readonly Record<string, unknown>[]): AuditStreams {
  const heads: Head[] = [];
  const events = new Map<string, AuditEvent[]>();
  for (const item of items) {
    if (headsAStream(item.entity))
      heads.push({
        stream: eventStreamOf(item.entity, String(idOf(item))),
        eventSeq: Number(item.eventSeq),
        lastEventHash: String(item.lastEventHash),
      });
    if (item.entity === 'event') {
      // The table's own attributes, not the event's: an event kept as long as its matter carries its expiry.
      const { pk: _pk, sk: _sk, entity: _entity, [TABLE.timeToLiveAttribute]: _expiresAt, ...event } = item;
      const list = events.get(String(item.stream)) ?? [];
      list.push(event as unknown as AuditEvent);
      events.set(String(item.stream), list);
    }
  }
  for (const list of events.values()) list.sort((a, b) => a.seq - b.seq);
  return { heads, events };
}

function idOf(item: Record<string, unknown>): unknown {
  if (item.entity === 'application' || item.entity === 'matter') return item.id;
  return item.entity === 'certificate' ? item.number : item.creditCode;
}

/** What is wrong with the audit trail, one line per problem; empty when every case is whole. */
export async function auditProblemsOf(items: readonly Record<string, unknown>[]): Promise<string[]> {
  const { heads, events } = auditStreamsOf(items);
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
