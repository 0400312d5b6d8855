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

/**
 * What the first bytes of each family are; `null` is any byte. Beyond the case documents' families, the images a
 * counterfeit report's photo may be (shared/complaints/photo.ts): WebP is a RIFF container, HEIC an ISO media file
 * whose first box names its brand.
 */
type Signature = readonly (number | null)[];
export type ByteFamily = DocumentFamily | 'webp' | 'heic';
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));
const ANY4 = [null, null, null, null];
const SIGNATURES: Record<ByteFamily, readonly Signature[]> = {
  pdf: [[0x25, 0x50, 0x44, 0x46, 0x2d]], // %PDF-
  png: [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  jpeg: [[0xff, 0xd8, 0xff]],
  'office-zip': [[0x50, 0x4b, 0x03, 0x04]], // PK\3\4
  'office-ole': [[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]],
  webp: [[...ascii('RIFF'), ...ANY4, ...ascii('WEBP')]],
  // The brands a phone's HEIC photo carries (a still image or a burst); AVIF's brands are another format.
  heic: ['heic', 'heix', 'heim', 'heis'].map((brand) => [...ANY4, ...ascii(`ftyp${brand}`)]),
};

/** How many leading bytes sniffing needs. */
export const SNIFF_BYTES = Math.max(...Object.values(SIGNATURES).flatMap((s) => s.map((one) => one.length)));

/** The family the bytes belong to, or undefined for anything the registry does not accept. */
export function sniffFamily(head: Uint8Array): ByteFamily | undefined {
  for (const [family, signatures] of Object.entries(SIGNATURES) as [ByteFamily, readonly Signature[]][])
    if (signatures.some((signature) => signature.every((byte, i) => byte === null || head[i] === byte))) return family;
  return undefined;
}

/** Whether the bytes are of the type the client claimed. */
export function bytesMatchClaim(head: Uint8Array, claimed: DocumentContentType): boolean {
  return sniffFamily(head) === DOCUMENT_TYPES[claimed];
}

/** Office files by their extension: the bytes tell only the container (zip or OLE), the name tells which. */
const OFFICE_EXTENSIONS: Record<string, DocumentContentType> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  doc: 'application/msword',
  xls: 'application/vnd.ms-excel',
  ppt: 'application/vnd.ms-powerpoint',
};

/**
 * The type a client claims for a file, from its bytes first: undefined when the registry would not take them. An
 * office container whose name does not say which office file it is is claimed as the first of its family.
 */
export function claimedTypeOf(head: Uint8Array, fileName: string): DocumentContentType | undefined {
  const family = sniffFamily(head);
  if (!family) return undefined;
  const byName = OFFICE_EXTENSIONS[fileName.toLowerCase().split('.').pop() ?? ''];
  if (byName && DOCUMENT_TYPES[byName] === family) return byName;
  return DOCUMENT_CONTENT_TYPES.find((type) => DOCUMENT_TYPES[type] === family);
}

/** The types a browser can show in the page: a PDF in a frame, an image as an image. */
export const PREVIEWABLE_TYPES: readonly string[] = ['application/pdf', 'image/png', 'image/jpeg'];
