/**
 * The optional photo of a counterfeit report (what the reporter saw: the mark on a shop's wall, a listing), stated
 * once: the filing declares it and is refused over the limit, the bytes are checked when the reporter confirms the
 * upload, and the verify page states the limit. Its type is taken from the bytes, by the case documents' sniffer.
 */
import { type ByteFamily, SNIFF_BYTES, sniffFamily } from '../case-documents/types';
import type { ErrorCode } from '../errors';

/** The images a phone takes or a browser saves, by the media type the client declares, and their byte family. */
export const PHOTO_TYPES = {
  'image/jpeg': 'jpeg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/heic': 'heic',
} as const satisfies Record<string, ByteFamily>;

export type PhotoContentType = keyof typeof PHOTO_TYPES;
export const PHOTO_CONTENT_TYPES = Object.keys(PHOTO_TYPES) as [PhotoContentType, ...PhotoContentType[]];

export const REPORT_PHOTO = {
  /** A phone's photo fits with room to spare; a video or a burst of them does not. */
  maxBytes: 10 * 1024 * 1024,
  /** The upload follows the filing at once: a few minutes on a slow line, not long enough to be passed around. */
  uploadUrlSeconds: 10 * 60,
  /** How long a member of staff's download URL may be used. */
  downloadUrlSeconds: 5 * 60,
} as const;

/** Where a photo waits for its confirmation: under the store's pending/, which expires what is never confirmed. */
export const PENDING_PHOTO_PREFIX = 'pending/report-photos/';
/** Where a confirmed photo is kept, with its matter: the bucket expires it after the matter's retention period. */
export const REPORT_PHOTO_PREFIX = 'reports/';

export const pendingPhotoKey = (matterId: string) => `${PENDING_PHOTO_PREFIX}${matterId}`;
export const reportPhotoKey = (matterId: string) => `${REPORT_PHOTO_PREFIX}${matterId}/photo`;

/** What a filing declares of its photo (its schema is photoDeclarationSchema, shared/complaints/schemas.ts). */
export interface ReportPhotoDeclaration {
  contentType: PhotoContentType;
  size: number;
  sha256: string;
}

/** Why a declared photo is refused before anything is written; undefined when it may be uploaded. */
export function photoDeclarationRefusal(photo: Pick<ReportPhotoDeclaration, 'size'>): ErrorCode | undefined {
  return photo.size > REPORT_PHOTO.maxBytes ? 'PHOTO_TOO_LARGE' : undefined;
}

/**
 * Why the uploaded bytes are not the photo that was declared; undefined when they are. `sha256` is the bytes' own
 * (hex), computed by the caller: this rule stays synchronous and free of any digest implementation.
 */
export function photoBytesRefusal(
  declared: ReportPhotoDeclaration,
  bytes: Uint8Array,
  sha256: string,
): ErrorCode | undefined {
  const family = sniffFamily(bytes.subarray(0, SNIFF_BYTES));
  if (!Object.values(PHOTO_TYPES).includes(family as never)) return 'PHOTO_NOT_AN_IMAGE';
  if (bytes.length !== declared.size || sha256 !== declared.sha256) return 'DOCUMENT_CHECKSUM_MISMATCH';
  if (family !== PHOTO_TYPES[declared.contentType]) return 'DOCUMENT_TYPE_MISMATCH';
  if (bytes.length > REPORT_PHOTO.maxBytes) return 'PHOTO_TOO_LARGE';
  return undefined;
}

/** The type a browser should declare for a file, from its first bytes: undefined when a report takes no such file. */
export function photoTypeOf(head: Uint8Array): PhotoContentType | undefined {
  const family = sniffFamily(head.subarray(0, SNIFF_BYTES));
  return PHOTO_CONTENT_TYPES.find((type) => PHOTO_TYPES[type] === family);
}
