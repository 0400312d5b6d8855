/** The rule of a report's photo, pure: the limit, the images taken, the type from the bytes, who may download it. */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  matterFor,
  mayReadPhoto,
  PHOTO_CONTENT_TYPES,
  pendingPhotoKey,
  photoBytesRefusal,
  photoDeclarationRefusal,
  photoTypeOf,
  REPORT_PHOTO,
  reportPhotoSchema,
} from '../../../shared/complaints';
import { PENDING_UPLOAD_PREFIX } from '../../../shared/store/document-objects';

const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));
const IMAGES = {
  'image/jpeg': new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, ...ascii('JFIF'), 0, 1]),
  'image/png': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
  'image/webp': new Uint8Array([...ascii('RIFF'), 0x24, 0, 0, 0, ...ascii('WEBPVP8 ')]),
  'image/heic': new Uint8Array([0, 0, 0, 0x18, ...ascii('ftypheic'), 0, 0, 0, 0]),
} as const;
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const declared = (bytes: Uint8Array, contentType: keyof typeof IMAGES) => ({
  contentType,
  size: bytes.length,
  sha256: sha256(bytes),
});

describe("a report's photo", () => {
  it('is at most the limit when declared: 30 MB is refused before anything is written', () => {
    expect(photoDeclarationRefusal({ size: REPORT_PHOTO.maxBytes })).toBeUndefined();
    expect(photoDeclarationRefusal({ size: REPORT_PHOTO.maxBytes + 1 })).toBe('PHOTO_TOO_LARGE');
    expect(photoDeclarationRefusal({ size: 30 * 1024 * 1024 })).toBe('PHOTO_TOO_LARGE');
  });

  it('is declared as JPEG, PNG, WebP or HEIC, nothing else', () => {
    expect(PHOTO_CONTENT_TYPES).toEqual(['image/jpeg', 'image/png', 'image/webp', 'image/heic']);
    const ok = { contentType: 'image/png', size: 10, sha256: 'a'.repeat(64) };
    expect(reportPhotoSchema.safeParse(ok).success).toBe(true);
    for (const contentType of ['image/svg+xml', 'image/gif', 'text/html', 'application/pdf'])
      expect(reportPhotoSchema.safeParse({ ...ok, contentType }).success).toBe(false);
    expect(reportPhotoSchema.safeParse({ ...ok, size: 0 }).success).toBe(false);
    expect(reportPhotoSchema.safeParse({ ...ok, sha256: 'A'.repeat(64) }).success).toBe(false);
  });

  it.each(Object.entries(IMAGES))('takes %s by its first bytes', (type, bytes) => {
    expect(photoTypeOf(bytes)).toBe(type);
    expect(photoBytesRefusal(declared(bytes, type as keyof typeof IMAGES), bytes, sha256(bytes))).toBeUndefined();
  });

  it('refuses bytes that are no image, or not the image declared, or not the bytes declared', () => {
    const html = new TextEncoder().encode('<svg onload=alert(1)>');
    const pdf = new TextEncoder().encode('%PDF-1.7\n');
    const jpeg = IMAGES['image/jpeg'];
    expect(photoBytesRefusal(declared(html, 'image/jpeg'), html, sha256(html))).toBe('PHOTO_NOT_AN_IMAGE');
    // A case document's type is not a photo's, though the same sniffer knows it.
    expect(photoBytesRefusal(declared(pdf, 'image/png'), pdf, sha256(pdf))).toBe('PHOTO_NOT_AN_IMAGE');
    expect(photoBytesRefusal(declared(jpeg, 'image/png'), jpeg, sha256(jpeg))).toBe('DOCUMENT_TYPE_MISMATCH');
    expect(photoBytesRefusal({ ...declared(jpeg, 'image/jpeg'), size: 5 }, jpeg, sha256(jpeg))).toBe(
      'DOCUMENT_CHECKSUM_MISMATCH',
    );
    // An AVIF file is an ISO media file too, of another brand: not a HEIC photo.
    expect(photoTypeOf(new Uint8Array([0, 0, 0, 0x18, ...ascii('ftypavif')]))).toBeUndefined();
  });

  it('waits under the pending prefix, which the store expires when it is never confirmed', () => {
    expect(pendingPhotoKey('M1').startsWith(PENDING_UPLOAD_PREFIX)).toBe(true);
  });

  it('is downloaded by those who read the contact, and no view shows the upload secret', () => {
    const matter = {
      involved: ['evaluator-wang'],
      handlerSub: 'evaluator-li',
      contact: 'r@example.test',
      photoUpload: { contentType: 'image/jpeg' as const, size: 1, sha256: 'a', secretSha256: 'b' },
      photo: { contentType: 'image/jpeg' as const, size: 1, sha256: 'a', attachedAt: 'now', secretSha256: 'b' },
    };
    expect(mayReadPhoto({ sub: 'admin-qian', roles: ['admin'] }, matter)).toBe(true);
    expect(mayReadPhoto({ sub: 'evaluator-li', roles: ['evaluator'] }, matter)).toBe(true);
    expect(mayReadPhoto({ sub: 'evaluator-zhou', roles: ['evaluator'] }, matter)).toBe(false);
    expect(mayReadPhoto({ sub: 'evaluator-wang', roles: ['admin'] }, matter)).toBe(false);
    const shown = matterFor({ sub: 'admin-qian', roles: ['admin'] }, matter);
    expect(shown).toEqual({
      involved: matter.involved,
      handlerSub: matter.handlerSub,
      contact: matter.contact,
      photo: { contentType: 'image/jpeg', size: 1, sha256: 'a', attachedAt: 'now' },
    });
  });
});
