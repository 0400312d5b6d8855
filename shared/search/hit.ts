/** A search hit: the part of the public record an officer scans a list by. */
import type { CertificateStatus } from '../model';
import { effectiveStatus } from '../public-record';
import { levelLabel, type StarLevel } from '../scheme';
import type { TermSummary } from './terms';

export interface SearchHit {
  number: string;
  organization: { name: string; nameEn?: string; creditCode: string; formerNames?: string[] };
  /** The former name (曾用名) the query matched, when it matched no current name: shown as former. */
  matchedFormerName?: string;
  level: StarLevel;
  levelName: { zh: string; en: string };
  /** As the public record shows it now: a certificate past its end reads expired even before the sweep ran. */
  status: CertificateStatus;
  validUntil: string;
}

export interface SearchFilters {
  status?: CertificateStatus;
  level?: StarLevel;
}

export function hitOf(s: TermSummary, now: Date, matchedFormerName?: string): SearchHit {
  return {
    number: s.number,
    organization: {
      name: s.name,
      ...(s.nameEn ? { nameEn: s.nameEn } : {}),
      creditCode: s.creditCode,
      ...(s.formerNames?.length ? { formerNames: s.formerNames } : {}),
    },
    ...(matchedFormerName !== undefined ? { matchedFormerName } : {}),
    level: s.level,
    levelName: { zh: levelLabel(s.level, 'zh'), en: levelLabel(s.level, 'en') },
    status: effectiveStatus(s, now),
    validUntil: s.validUntil,
  };
}

export function passesFilters(hit: SearchHit, filters: SearchFilters): boolean {
  return (!filters.status || hit.status === filters.status) && (!filters.level || hit.level === filters.level);
}
