/**
 * The limits of a case's documents, stated once: the upload request and the confirmation both enforce them, the
 * console shows them, and the tests read them from here.
 */
export const DOCUMENT_LIMITS = {
  /** One file: a scanned service manual fits; a video does not. */
  maxFileBytes: 20 * 1024 * 1024,
  /** Documents a case may hold (every version counts: nothing is ever overwritten). */
  maxFilesPerCase: 50,
  /** All of a case's documents together. */
  maxTotalBytesPerCase: 200 * 1024 * 1024,
  /** How long an upload URL may be used: long enough for a slow line, short enough not to be passed around. */
  uploadUrlSeconds: 15 * 60,
  /** How long a download URL may be used. */
  downloadUrlSeconds: 5 * 60,
  /** How long an upload requested and never confirmed is kept (the bucket's pending/ rule expires it after that). */
  pendingDays: 1,
} as const;

export interface CaseHoldings {
  count: number;
  totalBytes: number;
}

/** Why a file of `size` bytes may not join a case that already holds `held`; undefined when it may. */
export function limitRefusal(
  held: CaseHoldings,
  size: number,
): 'DOCUMENT_TOO_LARGE' | 'DOCUMENT_LIMIT_REACHED' | undefined {
  if (size > DOCUMENT_LIMITS.maxFileBytes) return 'DOCUMENT_TOO_LARGE';
  if (held.count + 1 > DOCUMENT_LIMITS.maxFilesPerCase) return 'DOCUMENT_LIMIT_REACHED';
  if (held.totalBytes + size > DOCUMENT_LIMITS.maxTotalBytesPerCase) return 'DOCUMENT_LIMIT_REACHED';
  return undefined;
}
