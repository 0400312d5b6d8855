/**
 * The file types a case accepts, by the media type a client claims, and what its bytes must start with: the type
 * is taken from the bytes, never from the name.
 */
export const DOCUMENT_TYPES = {
  'application/pdf': 'pdf',
  'image/png': 'png',
  'image/jpeg': 'jpeg',
  // Office files since 2007 are zip containers; the older ones are OLE compound files.
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'office-zip',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'office-zip',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'office-zip',
  'application/msword': 'office-ole',
  'application/vnd.ms-excel': 'office-ole',
  'application/vnd.ms-powerpoint': 'office-ole',
} as const;

export type DocumentContentType = keyof typeof DOCUMENT_TYPES;
export type DocumentFamily = (typeof DOCUMENT_TYPES)[DocumentContentType];

export const DOCUMENT_CONTENT_TYPES = Object.keys(DOCUMENT_TYPES) as [DocumentContentType, ...DocumentContentType[]];

const SIGNATURES: Record<DocumentFamily, readonly number[]> = {
  pdf: [0x25, 0x50, 0x44, 0x46, 0x2d], // %PDF-
  png: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  jpeg: [0xff, 0xd8, 0xff],
  'office-zip': [0x50, 0x4b, 0x03, 0x04], // PK\3\4
  'office-ole': [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
};

/** How many leading bytes sniffing needs. */
export const SNIFF_BYTES = Math.max(...Object.values(SIGNATURES).map((s) => s.length));

/** The family the bytes belong to, or undefined for anything the registry does not accept. */
export function sniffFamily(head: Uint8Array): DocumentFamily | undefined {
  for (const [family, signature] of Object.entries(SIGNATURES) as [DocumentFamily, readonly number[]][])
    if (signature.every((byte, i) => head[i] === byte)) return family;
  return undefined;
}

/** Whether the bytes are of the type the client claimed. */
export function bytesMatchClaim(head: Uint8Array, claimed: DocumentContentType): boolean {
  return sniffFamily(head) === DOCUMENT_TYPES[claimed];
}
