/**
 * Replaying the log into every certificate's public state: what a monitor does with the entries it downloads. Each
 * entry must continue its certificate's chain (`prev` is the index of the one before it) and name the event its
 * facts show; the state after the last entry is what the public record must say.
 */
import { lastChangeOf } from '../lifecycle/changes';
import { effectiveStatus, type PublicCertificate } from '../public-record';
import { type CertificateFacts, decodeLogEntry, publicEventFor } from './entry';

export interface CertificateState {
  index: number;
  at: string;
  facts: CertificateFacts;
}

export type ReplayProblem =
  | { code: 'MALFORMED_ENTRY'; index: number }
  | { code: 'BROKEN_CHAIN'; index: number; number: string; expected: number | null; found: number | null }
  | { code: 'UNEXPLAINED_EVENT'; index: number; number: string; stated: string; shown: string };

/** Applies entry `index` to the state (a map by certificate number); a problem leaves the state as it was. */
export function replayEntry(
  state: Map<string, CertificateState>,
  index: number,
  bytes: Uint8Array,
): ReplayProblem | undefined {
  const entry = decodeLogEntry(bytes);
  if (!entry) return { code: 'MALFORMED_ENTRY', index };
  const number = entry.certificate.number;
  const before = state.get(number);
  const expected = before?.index ?? null;
  if (entry.prev !== expected) return { code: 'BROKEN_CHAIN', index, number, expected, found: entry.prev };
  const shown = publicEventFor(before?.facts ?? null, entry.certificate);
  if (entry.event !== shown) return { code: 'UNEXPLAINED_EVENT', index, number, stated: entry.event, shown };
  state.set(number, { index, at: entry.at, facts: entry.certificate });
  return undefined;
}

/** The fields in which a public record says something the log does not (empty when the log explains it all). */
export function unexplainedFields(logged: CertificateFacts, record: PublicCertificate, now: Date): string[] {
  const expected: Record<string, unknown> = {
    status: effectiveStatus(logged, now),
    level: logged.level,
    cycle: logged.cycle,
    validFrom: logged.validFrom,
    validUntil: logged.validUntil,
    scope: logged.scope,
    organizationName: logged.organization.name,
    creditCode: logged.organization.creditCode,
    lastSurveillance: logged.lastSurveillance,
    nextSurveillance: logged.nextSurveillance,
    lastChange: JSON.stringify(logged.lastChange ?? null),
  };
  const shown: Record<string, unknown> = {
    status: record.status,
    level: record.level,
    cycle: record.cycle,
    validFrom: record.validFrom,
    validUntil: record.validUntil,
    scope: record.scope,
    organizationName: record.organization.name,
    creditCode: record.organization.creditCode,
    lastSurveillance: record.lastSurveillance,
    nextSurveillance: record.nextSurveillance,
    // A record from before change histories were published has none: it shows no change, as its entries log none.
    lastChange: JSON.stringify(lastChangeOf(record.changes) ?? null),
  };
  return Object.keys(expected).filter((k) => expected[k] !== shown[k]);
}
