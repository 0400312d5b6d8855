/**
 * A certificate taken over from another registry: valid under its legacy number, in its first cycle here, with the
 * legacy dates, and an `imported` audit event that names the file (its SHA-256) and the row it came from. Whether a
 * number already in the registry is this same import (left as it is) or another certificate (a problem) is decided
 * here too, so a second run of the same file writes nothing.
 */
import type { IsoDate } from '../calendar';
import { nextAnniversary, nextSurveillanceAfter } from '../lifecycle/certificate-dates';
import type { Decided } from '../lifecycle/events';
import type { Certificate, Organization, Versioned } from '../model';
import { isActiveCertificate, sameScope } from '../organizations';
import type { StarLevel } from '../scheme';
import { type RowProblem, rowProblem } from './columns';

export type NewCertificate = Omit<Certificate, keyof Versioned>;

/** What a valid row says about its certificate. */
export interface LegacyCertificate {
  number: string;
  organization: Organization;
  scope: string;
  level: StarLevel;
  score: number;
  issueDate: IsoDate;
  validFrom: IsoDate;
  validUntil: IsoDate;
  lastSurveillance: IsoDate | null;
}

export interface ImportSource {
  /** SHA-256 of the file's bytes, hex: which file a certificate came from, in its audit trail. */
  fileSha256: string;
  row: number;
}

/** The application an imported certificate stands for: none here, so its own marker. */
export const legacyApplicationId = (number: string) => `legacy:${number}`;
/** Whether a certificate's application is the marker of an import: there is no case to open. */
export const isLegacyApplicationId = (applicationId: string) => applicationId.startsWith('legacy:');
/** No applicant account acts for an imported holder until an administrator links one. */
export const LEGACY_APPLICANT = 'legacy:unlinked';

export function importedCertificate(legacy: LegacyCertificate, source: ImportSource): Decided<NewCertificate> {
  const { number, organization, scope, level, score, validFrom, validUntil, lastSurveillance } = legacy;
  return {
    next: {
      number,
      organization,
      scope,
      level,
      score,
      status: 'valid',
      cycle: 1,
      validFrom,
      validUntil,
      // The legacy registry kept a day, not an instant: the start of that day in China.
      issuedAt: new Date(`${legacy.issueDate}T00:00:00+08:00`).toISOString(),
      applicationId: legacyApplicationId(number),
      applicantSub: LEGACY_APPLICANT,
      lastSurveillance,
      // As after a surveillance held here: 12 months from the last one, or the first anniversary without one.
      nextSurveillanceDue: lastSurveillance
        ? nextSurveillanceAfter(lastSurveillance, validUntil)
        : nextAnniversary(validFrom, validUntil, validFrom),
      surveillancePostponedUntil: null,
      suspendedOn: null,
      clearedOn: null,
      surveillances: [],
      statusHistory: [{ date: validFrom, status: 'valid', reasonCategory: 'issued', level }],
    },
    event: {
      action: 'imported',
      from: null,
      to: 'valid',
      data: { source: 'legacy', fileSha256: source.fileSha256, row: source.row, level, cycle: 1 },
    },
  };
}

/** A certificate already in the registry under the row's number is this import's when it was imported for the holder. */
export function isSameImport(existing: Certificate, legacy: Pick<LegacyCertificate, 'number' | 'organization'>) {
  return (
    existing.applicationId === legacyApplicationId(legacy.number) &&
    existing.organization.creditCode === legacy.organization.creditCode
  );
}

/**
 * The rows against the registry: a number held by another certificate, or a scope the holder is still certified for
 * under another number, is a problem; a number this import already wrote is left as it is.
 */
export function registryProblems<Row extends { row: number; legacy: LegacyCertificate }>(
  rows: readonly Row[],
  existing: ReadonlyMap<string, Certificate>,
  holdersCertificates: ReadonlyMap<string, readonly Certificate[]>,
): { fresh: Row[]; already: Row[]; problems: RowProblem[] } {
  const fresh: Row[] = [];
  const already: Row[] = [];
  const problems: RowProblem[] = [];
  for (const r of rows) {
    const { number, organization, scope } = r.legacy;
    const held = existing.get(number);
    if (held && isSameImport(held, r.legacy)) {
      already.push(r);
      continue;
    }
    if (held) {
      problems.push(
        rowProblem(
          r.row,
          'certificate_number',
          'number-taken',
          `证书编号 ${number} 已被本系统中的另一张证书使用`,
          `number ${number} is already held by another certificate in this registry`,
        ),
      );
      continue;
    }
    const covering = (holdersCertificates.get(organization.creditCode) ?? []).find(
      (c) => isActiveCertificate(c) && sameScope(c.scope, scope),
    );
    if (covering) {
      problems.push(
        rowProblem(
          r.row,
          'scope',
          'certified-for-scope',
          `该组织在此范围内已持有有效证书 ${covering.number}`,
          `the holder is already certified for this scope by ${covering.number}`,
        ),
      );
      continue;
    }
    fresh.push(r);
  }
  return { fresh, already, problems };
}
