/**
 * Use cases of a case's documents. An upload is requested (the access check, the limits, a pending record and a
 * presigned PUT into pending/), then confirmed: the bytes are read back and checked against what was declared
 * (size, SHA-256, the type taken from the bytes), copied to their own key under cases/, and the document, the case's
 * new version and the audit event carrying the SHA-256 commit in one transaction. What was never confirmed stays
 * in pending/, which the bucket expires (its lifecycle rule), and its pending record carries the same expiry.
 */
import { mayReadApplication } from '../../shared/access';
import {
  bytesMatchClaim,
  type CaseDocument,
  DOCUMENT_LIMITS,
  type DocumentContentType,
  limitRefusal,
  type RequestUploadInput,
  SNIFF_BYTES,
  uploadPurpose,
} from '../../shared/case-documents';
import type { DocumentPurpose } from '../../shared/case-documents/access';
import { DomainError } from '../../shared/errors';
import { newApplicationId } from '../../shared/ids';
import type { Actor, Application } from '../../shared/model';
import { CASE_DOCUMENT_PREFIX, type DocumentObjects, PENDING_UPLOAD_PREFIX } from '../../shared/store/document-objects';
import { eventStreamOf, keys } from '../../shared/store/keys';
import { TABLE } from '../../shared/table';
import { advance } from './aggregate';
import { loadApplication } from './applications';
import type { Deps } from './deps';
import { requireActingFor } from './organizations';
import { execute, type IdempotencyContext, type Outcome } from './plan';

interface UploadRecord {
  uploadId: string;
  applicationId: string;
  name: string;
  kind: CaseDocument['kind'];
  contentType: DocumentContentType;
  size: number;
  sha256: string;
  purpose: DocumentPurpose;
  requestedBy: string;
  requestedAt: string;
  objectKey: string;
  /** Epoch seconds: the table's time-to-live drops the record when its object has expired too. */
  expiresAt: number;
}

type StoredDocument = CaseDocument & { objectKey: string };

function documentsOf(deps: Deps): DocumentObjects {
  if (!deps.documents) throw new DomainError('INTERNAL', 'this function has no document store');
  return deps.documents;
}

/** The case, if the caller may read it: another organization's case is missing, as everywhere. */
async function readableCase(deps: Deps, actor: Actor, id: string): Promise<Application> {
  const application = await loadApplication(deps, id);
  if (!mayReadApplication(actor, application)) throw new DomainError('NOT_FOUND', `application ${id}`);
  return application;
}

/** The caller may add a document to the case now: as what. */
async function requireMayUpload(deps: Deps, actor: Actor, id: string) {
  const application = await loadApplication(deps, id);
  const purpose = uploadPurpose(actor, application, `application ${id}`);
  if (purpose instanceof DomainError) throw purpose;
  // The applicant's file is the organization's: only while linked to it, like every other applicant step.
  if (purpose === 'application') await requireActingFor(deps, actor, application.organization.creditCode);
  return { application, purpose };
}

export async function caseDocuments(deps: Deps, id: string): Promise<StoredDocument[]> {
  const found: StoredDocument[] = [];
  let cursor: string | undefined;
  do {
    const page = await deps.store.queryItems(keys.application(id).pk, {
      skPrefix: keys.caseDocumentPrefix,
      ...(cursor ? { cursor } : {}),
    });
    found.push(...page.items.map((item) => item.document as StoredDocument));
    cursor = page.cursor;
  } while (cursor);
  return found.sort((a, b) => a.uploadedAt.localeCompare(b.uploadedAt) || a.id.localeCompare(b.id));
}

const withoutKey = ({ objectKey: _key, ...document }: StoredDocument): CaseDocument => document;

function holdingsOf(documents: readonly StoredDocument[]) {
  return { count: documents.length, totalBytes: documents.reduce((sum, d) => sum + d.size, 0) };
}

function refuseOverLimit(documents: readonly StoredDocument[], size: number): void {
  const refusal = limitRefusal(holdingsOf(documents), size);
  if (refusal)
    throw new DomainError(
      refusal,
      `limits: ${DOCUMENT_LIMITS.maxFileBytes} bytes a file, ${DOCUMENT_LIMITS.maxFilesPerCase} files and ` +
        `${DOCUMENT_LIMITS.maxTotalBytesPerCase} bytes a case`,
    );
}

async function sha256HexOf(bytes: Uint8Array): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Buffer.from(digest).toString('hex');
}

export async function listCaseDocuments(deps: Deps, actor: Actor, id: string): Promise<CaseDocument[]> {
  await readableCase(deps, actor, id);
  return (await caseDocuments(deps, id)).map(withoutKey);
}

export async function requestUpload(
  deps: Deps,
  actor: Actor,
  id: string,
  input: RequestUploadInput,
  idempotency?: IdempotencyContext,
): Promise<Outcome> {
  const documents = documentsOf(deps);
  return execute(
    deps,
    async () => {
      const { purpose } = await requireMayUpload(deps, actor, id);
      refuseOverLimit(await caseDocuments(deps, id), input.size);
      const now = deps.clock();
      const uploadId = newApplicationId(now);
      const expires = new Date(now.getTime() + DOCUMENT_LIMITS.uploadUrlSeconds * 1000);
      const record: UploadRecord = {
        uploadId,
        applicationId: id,
        ...input,
        purpose,
        requestedBy: actor.sub,
        requestedAt: now.toISOString(),
        objectKey: `${PENDING_UPLOAD_PREFIX}${id}/${uploadId}`,
        expiresAt: Math.floor(now.getTime() / 1000) + DOCUMENT_LIMITS.pendingDays * 86_400,
      };
      const signed = await documents.presignUpload(record.objectKey, {
        contentType: input.contentType,
        size: input.size,
        sha256: input.sha256,
        expiresInSeconds: DOCUMENT_LIMITS.uploadUrlSeconds,
      });
      return {
        writes: [
          {
            kind: 'item',
            value: {
              ...keys.documentUpload(id, uploadId),
              upload: record,
              [TABLE.timeToLiveAttribute]: record.expiresAt,
            },
          },
        ],
        outcome: {
          status: 201,
          body: { uploadId, method: 'PUT', url: signed.url, headers: signed.headers, expiresAt: expires.toISOString() },
        },
      };
    },
    idempotency,
  );
}

/**
 * Checks the uploaded bytes against the upload's record and the limits; the refusal, or the document they make.
 * Nothing is written here.
 */
async function checkedUpload(upload: UploadRecord, bytes: Uint8Array, held: readonly StoredDocument[]) {
  if (bytes.length !== upload.size || (await sha256HexOf(bytes)) !== upload.sha256)
    throw new DomainError('DOCUMENT_CHECKSUM_MISMATCH', `declared ${upload.size} bytes, SHA-256 ${upload.sha256}`);
  if (!bytesMatchClaim(bytes.subarray(0, SNIFF_BYTES), upload.contentType))
    throw new DomainError('DOCUMENT_TYPE_MISMATCH', `declared ${upload.contentType}`);
  refuseOverLimit(held, bytes.length);
}

export async function confirmUpload(
  deps: Deps,
  actor: Actor,
  id: string,
  uploadId: string,
  idempotency?: IdempotencyContext,
): Promise<Outcome> {
  const documents = documentsOf(deps);
  let stored: string | undefined;
  let pending: string | undefined;
  let planned: Outcome | undefined;
  try {
    const outcome = await execute(
      deps,
      async () => {
        const { application } = await requireMayUpload(deps, actor, id);
        const item = await deps.store.getItem(
          keys.documentUpload(id, uploadId).pk,
          keys.documentUpload(id, uploadId).sk,
        );
        const upload = item?.upload as UploadRecord | undefined;
        if (!upload) throw new DomainError('NOT_FOUND', `upload ${uploadId}`);
        const bytes = await documents.read(upload.objectKey);
        if (!bytes) throw new DomainError('UPLOAD_NOT_RECEIVED', `upload ${uploadId}`);
        const held = await caseDocuments(deps, id);
        await checkedUpload(upload, bytes, held);
        const now = deps.clock();
        const document: StoredDocument = {
          id: uploadId,
          applicationId: id,
          name: upload.name,
          kind: upload.kind,
          contentType: upload.contentType,
          size: bytes.length,
          sha256: upload.sha256,
          version: held.filter((d) => d.name === upload.name).length + 1,
          purpose: upload.purpose,
          uploadedBy: actor.sub,
          uploadedAt: now.toISOString(),
          // Each confirmation its own key: a lost race deletes only its own copy, never the winner's.
          objectKey: `${CASE_DOCUMENT_PREFIX}${id}/${uploadId}/${newApplicationId(now)}`,
        };
        await documents.put(document.objectKey, bytes, document.contentType);
        stored = document.objectKey;
        pending = upload.objectKey;
        const { objectKey: _key, applicationId: _id, ...facts } = document;
        const { value, event } = await advance<Application>(
          eventStreamOf('application', id),
          application,
          { ...application, updatedAt: now.toISOString() },
          { action: 'documentAdded', from: application.state, to: application.state, data: facts },
          actor,
          now,
        );
        planned = { status: 201, body: withoutKey(document) };
        return {
          writes: [
            { kind: 'application', value, expectedVersion: application.version },
            { kind: 'event', value: event },
            // The upload's id is the document's: a second confirmation of one upload can never record it twice.
            { kind: 'advance', value: { ...keys.caseDocument(id, uploadId), step: 1, document }, from: null },
            { kind: 'delete', key: keys.documentUpload(id, uploadId) },
          ],
          outcome: planned,
        };
      },
      idempotency,
    );
    // A replayed answer (another confirmation won): this one's copy is not the document's.
    if (stored && outcome !== planned) await documents.delete(stored);
    else if (pending) await documents.delete(pending).catch(() => undefined);
    return outcome;
  } catch (error) {
    if (stored) await documents.delete(stored).catch(() => undefined);
    throw error;
  }
}

export async function downloadTicket(deps: Deps, actor: Actor, id: string, documentId: string) {
  await readableCase(deps, actor, id);
  const key = keys.caseDocument(id, documentId);
  const document = (await deps.store.getItem(key.pk, key.sk))?.document as StoredDocument | undefined;
  if (!document) throw new DomainError('NOT_FOUND', `document ${documentId}`);
  const url = await documentsOf(deps).presignDownload(document.objectKey, {
    fileName: document.name,
    contentType: document.contentType,
    expiresInSeconds: DOCUMENT_LIMITS.downloadUrlSeconds,
  });
  const expiresAt = new Date(deps.clock().getTime() + DOCUMENT_LIMITS.downloadUrlSeconds * 1000).toISOString();
  return { url, expiresAt };
}
