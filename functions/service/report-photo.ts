/**
 * A counterfeit report's optional photo. The filing declares it (type, size, SHA-256) and is answered a presigned
 * PUT into pending/report-photos/<matter>, with those bound into the signature, and a secret. The reporter then
 * confirms with that secret: the bytes are read back and checked (their type from the bytes), copied to
 * reports/<matter>/photo, and the matter and its `attach-photo` event (carrying the SHA-256) commit in one
 * transaction. What is never confirmed expires with the rest of pending/. Staff who may read the reporter's
 * contact download the photo through a presigned GET.
 */
import { createHash, randomBytes } from 'node:crypto';
import {
  type Matter,
  mayReadPhoto,
  type PendingPhoto,
  PHOTO_TYPES,
  pendingPhotoKey,
  photoBytesRefusal,
  photoDeclarationRefusal,
  REPORT_PHOTO,
  type ReportPhotoDeclaration,
  reportPhotoKey,
} from '../../shared/complaints';
import { DomainError } from '../../shared/errors';
import type { Actor } from '../../shared/model';
import type { DocumentObjects } from '../../shared/store/document-objects';
import { eventStreamOf, keys, matterIndexAttributes } from '../../shared/store/keys';
import { CommitConflict } from '../../shared/store/port';
import { log } from '../http/log';
import { advance } from './aggregate';
import type { Deps } from './deps';
import { matterEventWrite } from './matter-item';
import { loadMatter } from './matter-read';

/** Whoever files without an account: events name the channel, never the person. */
const PUBLIC_FILER: Actor = { sub: 'public', roles: [], name: 'public filing' };

const sha256Hex = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

function photosOf(deps: Deps): DocumentObjects {
  if (!deps.documents) throw new DomainError('INTERNAL', 'this function has no document store');
  return deps.documents;
}

/** A declared photo over the limit is refused before the filing writes anything (not even the client's count). */
export function refuseDeclaredPhoto(deps: Deps, photo: ReportPhotoDeclaration | undefined): void {
  if (!photo) return;
  const refusal = photoDeclarationRefusal(photo);
  if (refusal)
    throw new DomainError(refusal, `a photo is at most ${REPORT_PHOTO.maxBytes} bytes`, [
      { path: 'body.photo.size', message: `at most ${REPORT_PHOTO.maxBytes} bytes`, code: refusal },
    ]);
  photosOf(deps);
}

/** The upload a filing answers for its declared photo, and what the matter records of it until it is confirmed. */
export async function photoUploadFor(deps: Deps, matterId: string, photo: ReportPhotoDeclaration, at: Date) {
  const secret = randomBytes(32).toString('hex');
  const signed = await photosOf(deps).presignUpload(pendingPhotoKey(matterId), {
    contentType: photo.contentType,
    size: photo.size,
    sha256: photo.sha256,
    expiresInSeconds: REPORT_PHOTO.uploadUrlSeconds,
  });
  const pending: PendingPhoto = { ...photo, secretSha256: sha256Hex(secret) };
  const expiresAt = new Date(at.getTime() + REPORT_PHOTO.uploadUrlSeconds * 1000).toISOString();
  return { pending, ticket: { method: 'PUT' as const, url: signed.url, headers: signed.headers, expiresAt, secret } };
}

/** The reporter's photo of this matter, by the secret its filing answered: anyone else finds nothing to attach to. */
export async function confirmReportPhoto(deps: Deps, id: string, secret: string) {
  const documents = photosOf(deps);
  const { matter, expiresAt } = await loadMatter(deps, id);
  const presented = sha256Hex(secret);
  if (matter.photo?.secretSha256 === presented) throw new DomainError('PHOTO_ALREADY_ATTACHED', `matter ${id}`);
  const declared = matter.photoUpload;
  if (!declared || declared.secretSha256 !== presented) throw new DomainError('NOT_FOUND', `photo upload of ${id}`);
  const pending = pendingPhotoKey(id);
  const bytes = await documents.read(pending);
  if (!bytes) throw new DomainError('UPLOAD_NOT_RECEIVED', `photo of matter ${id}`);
  const refusal = photoBytesRefusal(declared, bytes, sha256Hex(bytes));
  if (refusal) {
    // Not the photo declared: nothing of it is kept, and the matter stays as filed.
    await documents.delete(pending);
    throw new DomainError(refusal, `declared ${declared.contentType}, ${declared.size} bytes`);
  }
  const at = deps.clock();
  const kept = reportPhotoKey(id);
  await documents.put(kept, bytes, declared.contentType);
  const { photoUpload: _declared, ...rest } = matter;
  const photo = { ...declared, attachedAt: at.toISOString() };
  const { value, event } = await advance<Matter>(
    eventStreamOf('matter', id),
    matter,
    { ...rest, photo },
    {
      action: 'attach-photo',
      from: matter.state,
      to: matter.state,
      data: { sha256: photo.sha256, size: photo.size, contentType: photo.contentType },
    },
    PUBLIC_FILER,
    at,
  );
  const item = { ...keys.matter(id), entity: 'matter', ...value, ...matterIndexAttributes(value), step: value.version };
  try {
    await deps.store.commit({
      writes: [
        // The version read is the condition: a staff step or another confirmation meanwhile makes this one a 409.
        { kind: 'advance', value: expiresAt === undefined ? item : { ...item, expiresAt }, from: matter.version },
        matterEventWrite(event, expiresAt),
      ],
    });
  } catch (error) {
    if (!(error instanceof CommitConflict)) throw error;
    // The copy is the photo's only if the matter records one (the same bytes, by their hash); else it goes.
    if (!(await loadMatter(deps, id)).matter.photo) await documents.delete(kept).catch(() => undefined);
    throw error;
  }
  await documents.delete(pending).catch(() => undefined);
  log.info('report photo attached', { matterId: id, sha256: photo.sha256 });
  const { secretSha256: _secret, ...shown } = photo;
  return { id, photo: shown };
}

/** A short-lived download of the photo, for those who may read the reporter's contact (matterFor's rule). */
export async function reportPhotoDownload(deps: Deps, actor: Actor, id: string) {
  const { matter } = await loadMatter(deps, id);
  if (!mayReadPhoto(actor, matter))
    throw new DomainError('FORBIDDEN_ROLE', "a report's photo is shown to those handling the matter");
  if (!matter.photo) throw new DomainError('NOT_FOUND', `photo of matter ${id}`);
  const extension = { jpeg: 'jpg', png: 'png', webp: 'webp', heic: 'heic' }[PHOTO_TYPES[matter.photo.contentType]];
  const url = await photosOf(deps).presignDownload(reportPhotoKey(id), {
    fileName: `${id}.${extension}`,
    contentType: matter.photo.contentType,
    expiresInSeconds: REPORT_PHOTO.downloadUrlSeconds,
  });
  const expiresAt = new Date(deps.clock().getTime() + REPORT_PHOTO.downloadUrlSeconds * 1000).toISOString();
  return { url, expiresAt, contentType: matter.photo.contentType, sha256: matter.photo.sha256 };
}
