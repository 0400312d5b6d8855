/**
 * Who vouches for the marks: the deployment's certification body (shared/certification-body), published beside the
 * pages as /certification-body.json (locally by the gateway, in AWS by the web deployment from the stack's
 * configuration), cached by the service worker and kept in localStorage, so every verdict names it, offline too.
 */
import type { CertificationBody } from '../../../shared/certification-body/schema';
import { getJson } from '../common/api';

export const CERTIFICATION_BODY_PATH = '/certification-body.json';
const STORAGE_KEY = 'starmark.body';

/** Only the members a page shows, each a string: anything else in the file is ignored. */
function shape(value: unknown): CertificationBody | null {
  const v = value as Partial<CertificationBody> | null;
  const str = (x: unknown): x is string => typeof x === 'string' && x.length > 0 && x.length < 400;
  if (!v || !v.name || !str(v.name.zh) || !str(v.name.en) || !str(v.approvalNumber)) return null;
  if (!v.address || !str(v.address.zh) || !str(v.address.en) || !str(v.telephone) || !str(v.website)) return null;
  const report = v.counterfeitReport ?? {};
  const safeUrl = (u: unknown) => (str(u) && /^https?:\/\//.test(u) ? u : undefined);
  return {
    name: { zh: v.name.zh, en: v.name.en },
    approvalNumber: v.approvalNumber,
    address: { zh: v.address.zh, en: v.address.en },
    telephone: v.telephone,
    website: safeUrl(v.website) ?? '',
    counterfeitReport: {
      ...(str(report.telephone) ? { telephone: report.telephone } : {}),
      ...(str(report.email) ? { email: report.email } : {}),
      ...(safeUrl(report.url) ? { url: safeUrl(report.url) } : {}),
    },
  } as CertificationBody;
}

let known: CertificationBody | null | undefined;

export function storedBody(): CertificationBody | null {
  if (known !== undefined) return known;
  try {
    const text = window.localStorage.getItem(STORAGE_KEY);
    known = text ? shape(JSON.parse(text)) : null;
  } catch {
    known = null;
  }
  return known;
}

/** The body as published (online, or the service worker's copy offline); the stored one when neither answers. */
export async function certificationBody(): Promise<CertificationBody | null> {
  const res = await getJson<unknown>(CERTIFICATION_BODY_PATH, { cache: 'no-cache', timeoutMs: 4000 });
  const body = res.kind === 'ok' ? shape(res.body) : null;
  if (body) {
    known = body;
    try {
      window.localStorage.setItem(STORAGE_KEY, JSON.stringify(body));
    } catch {
      // storage disabled: the page still shows it now
    }
    return body;
  }
  return storedBody();
}
