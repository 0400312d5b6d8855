/**
 * The bytes of a case file, sent straight to the object store through the presigned URL the staff API issued: an
 * XMLHttpRequest, because its upload events report progress (a fetch body stream cannot, over HTTP/1.1). The
 * signed headers go as given; the browser sets Content-Length itself, which the signature binds to the size.
 */
import type { UploadTicket } from '../../../shared/case-documents/schemas';

export type TransferOutcome = { kind: 'ok' } | { kind: 'failed'; status: number };

/** `onProgress` gets the bytes sent so far and the total. */
export function putToStore(
  ticket: Pick<UploadTicket, 'url' | 'headers'>,
  body: Blob,
  onProgress: (sent: number, total: number) => void,
): Promise<TransferOutcome> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('PUT', ticket.url);
    // Forbidden to scripts, and set by the browser from the body anyway.
    for (const [name, value] of Object.entries(ticket.headers))
      if (name.toLowerCase() !== 'content-length') xhr.setRequestHeader(name, value);
    xhr.upload.addEventListener('progress', (e) => onProgress(e.loaded, e.lengthComputable ? e.total : body.size));
    xhr.addEventListener('load', () =>
      resolve(xhr.status >= 200 && xhr.status < 300 ? { kind: 'ok' } : { kind: 'failed', status: xhr.status }),
    );
    // A store that went away, a line that dropped, a URL that expired in flight: nothing was kept.
    for (const event of ['error', 'abort', 'timeout'] as const)
      xhr.addEventListener(event, () => resolve({ kind: 'failed', status: 0 }));
    xhr.send(body);
  });
}

/** Lower-case hex SHA-256 of the file, as the API expects it declared. */
export async function sha256Hex(body: Blob): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await body.arrayBuffer());
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
