/**
 * The audit trail of each case is a hash chain: every event's hash covers its content and the previous hash, so an
 * edited, removed or reordered event shows. Web Crypto keeps this usable in the browser as well as in Lambda.
 */

import type { EventDraft } from '../lifecycle/events';
import type { AuditEvent } from '../model';

export const GENESIS_HASH = '0'.repeat(64);

/** JSON with keys sorted at every level, so the same event always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v === undefined ? null : v)).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export async function sha256Hex(text: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export function eventHashInput(event: Omit<AuditEvent, 'hash'>): string {
  return canonicalJson(event);
}

export async function chainEvent(
  stream: string,
  head: { eventSeq: number; lastEventHash: string },
  draft: EventDraft,
  actor: { sub: string; roles: readonly string[] },
  at: Date,
): Promise<AuditEvent> {
  const body: Omit<AuditEvent, 'hash'> = {
    stream,
    seq: head.eventSeq + 1,
    at: at.toISOString(),
    actor: { sub: actor.sub, roles: [...actor.roles] },
    action: draft.action,
    from: draft.from,
    to: draft.to,
    ...(draft.reason !== undefined ? { reason: draft.reason } : {}),
    ...(draft.data !== undefined ? { data: JSON.parse(JSON.stringify(draft.data)) } : {}),
    prevHash: head.lastEventHash,
  };
  return { ...body, hash: await sha256Hex(eventHashInput(body)) };
}

export type ChainCheck = { ok: true } | { ok: false; seq: number; problem: 'HASH_MISMATCH' | 'BROKEN_LINK' | 'GAP' };

/** Verifies a whole stream in order: sequence without gaps, links intact, every hash recomputed. */
export async function verifyChain(events: readonly AuditEvent[]): Promise<ChainCheck> {
  let prev = GENESIS_HASH;
  for (const [i, event] of events.entries()) {
    if (event.seq !== i + 1) return { ok: false, seq: event.seq, problem: 'GAP' };
    if (event.prevHash !== prev) return { ok: false, seq: event.seq, problem: 'BROKEN_LINK' };
    const { hash, ...body } = event;
    if ((await sha256Hex(eventHashInput(body))) !== hash)
      return { ok: false, seq: event.seq, problem: 'HASH_MISMATCH' };
    prev = hash;
  }
  return { ok: true };
}
