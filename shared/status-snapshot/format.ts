/**
 * The status snapshot: a signed, compact list of the certificates that are not plainly valid — suspended, withdrawn,
 * cancelled, or valid at a level other than the one their current mark was printed with — in the manner of the EU
 * DCC revocation lists, so that a phone with no signal can tell that a genuine mark's certificate is no longer good.
 * Every certificate not listed was plainly valid when the snapshot was made (expiry needs no entry: every mark
 * carries its own validity end, which the page judges by the device's clock).
 *
 * Why a list keyed by number and not a W3C Bitstring Status List: a bitstring needs an index assigned at issuance
 * and carried in the credential, and a star mark has no byte to spare for one (its QR is at version 10) — nor do
 * the marks printed before there was a list; and a bit says one thing (revoked, or suspended), while a consumer
 * needs suspended from withdrawn from "now four stars". The list is small because validity is the rule: at 100,000
 * certificates with 2% not valid it is a few kilobytes gzipped (`npm run bench`).
 *
 * Encoding, per certificate series (`SM-SV-2026`): the entries sorted by serial, each the serial's difference from
 * the one before in decimal, then its code — `s` suspended, `w` withdrawn, `c` cancelled, `v0`…`v5` valid now at
 * that many stars (0 = compliant) — joined by commas. The snapshot also lists the star-mark keys revoked, so an
 * offline device learns of a revocation with its next snapshot.
 */
import type { Certificate, CertificateStatus } from '../model';
import { STAR_LEVELS, type StarLevel } from '../scheme/indicators';

export const STATUS_SNAPSHOT_VERSION = 1;

/** A snapshot older than this is stale: shown with its age, never as the certificate's status today. */
export const STATUS_SNAPSHOT_STALE_AFTER_HOURS = 7 * 24;

export type ListedStatus = Extract<CertificateStatus, 'suspended' | 'withdrawn' | 'cancelled'> | 'valid';

export interface SnapshotEntry {
  number: string;
  status: ListedStatus;
  /** The level in force (what a valid entry is listed for: its level changed). */
  level?: StarLevel;
}

export interface StatusSnapshot {
  v: typeof STATUS_SNAPSHOT_VERSION;
  /** When the snapshot was made (ISO instant): what "valid as of" says. */
  iat: string;
  /** Star-mark keys revoked by then. */
  revokedKeys: string[];
  entries: Map<string, SnapshotEntry>;
}

/** The wire form, as signed. */
interface SnapshotPayload {
  v: number;
  iat: string;
  revokedKeys: string[];
  series: Record<string, string>;
}

const STATUS_CODES: Record<Exclude<ListedStatus, 'valid'>, string> = {
  suspended: 's',
  withdrawn: 'w',
  cancelled: 'c',
};
const SERIES_RE = /^[A-Z]{2,8}-SV-\d{4}$/;
const ITEM_RE = /^(\d{1,7})(s|w|c|v\d)$/;
const KID_RE = /^[A-Za-z0-9_-]{1,64}$/;
const ISO_INSTANT_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

/**
 * Whether a certificate belongs in the snapshot, and as what. A valid certificate is listed, with its level, when
 * its level changed during the current cycle: marks printed before the change carry the level of their day.
 */
export function snapshotEntryOf(
  c: Pick<Certificate, 'number' | 'status' | 'level' | 'validFrom' | 'statusHistory'>,
): SnapshotEntry | null {
  if (c.status === 'suspended' || c.status === 'withdrawn' || c.status === 'cancelled')
    return { number: c.number, status: c.status };
  const changed = c.statusHistory.some((e) => e.reasonCategory === 'level_changed' && e.date >= c.validFrom);
  if (c.status === 'valid' && changed) return { number: c.number, status: 'valid', level: c.level };
  return null;
}

function splitNumber(number: string): [series: string, serial: number] | null {
  const m = /^([A-Z]{2,8}-SV-\d{4})-(\d{6})$/.exec(number);
  return m ? [m[1]!, Number(m[2])] : null;
}

function codeOf(entry: SnapshotEntry): string {
  if (entry.status !== 'valid') return STATUS_CODES[entry.status];
  const stars = STAR_LEVELS.find((l) => l.level === entry.level)?.stars;
  if (stars === undefined) throw new Error(`a valid snapshot entry needs its level: ${entry.number}`);
  return `v${stars}`;
}

export function encodeSnapshot(entries: readonly SnapshotEntry[], iat: Date, revokedKeys: readonly string[]): string {
  const bySeries = new Map<string, [number, string][]>();
  for (const entry of entries) {
    const split = splitNumber(entry.number);
    if (!split) throw new Error(`not a certificate number: ${entry.number}`);
    const list = bySeries.get(split[0]) ?? [];
    list.push([split[1], codeOf(entry)]);
    bySeries.set(split[0], list);
  }
  const series: Record<string, string> = {};
  for (const [name, list] of [...bySeries].sort(([a], [b]) => a.localeCompare(b))) {
    list.sort((a, b) => a[0] - b[0]);
    let last = 0;
    series[name] = list
      .map(([serial, code]) => {
        const item = `${serial - last}${code}`;
        last = serial;
        return item;
      })
      .join(',');
  }
  const payload: SnapshotPayload = {
    v: STATUS_SNAPSHOT_VERSION,
    iat: iat.toISOString(),
    revokedKeys: [...revokedKeys].sort(),
    series,
  };
  return JSON.stringify(payload);
}

const LEVEL_OF_STARS = new Map(STAR_LEVELS.map((l) => [l.stars, l.level] as const));

/** The snapshot a payload holds, or null when it is not exactly what the registry writes. */
export function decodeSnapshot(text: string): StatusSnapshot | null {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null;
  const p = raw as Partial<SnapshotPayload>;
  if (p.v !== STATUS_SNAPSHOT_VERSION || typeof p.iat !== 'string' || !ISO_INSTANT_RE.test(p.iat)) return null;
  if (Number.isNaN(Date.parse(p.iat))) return null;
  if (!Array.isArray(p.revokedKeys) || !p.revokedKeys.every((k) => typeof k === 'string' && KID_RE.test(k)))
    return null;
  if (typeof p.series !== 'object' || p.series === null || Array.isArray(p.series)) return null;
  const entries = new Map<string, SnapshotEntry>();
  for (const [name, list] of Object.entries(p.series)) {
    if (!SERIES_RE.test(name) || typeof list !== 'string') return null;
    let serial = 0;
    for (const item of list === '' ? [] : list.split(',')) {
      const m = ITEM_RE.exec(item);
      if (!m) return null;
      serial += Number(m[1]);
      if (Number(m[1]) === 0 || serial > 999_999) return null;
      const number = `${name}-${String(serial).padStart(6, '0')}`;
      const code = m[2]!;
      let entry: SnapshotEntry;
      if (code.startsWith('v')) {
        const level = LEVEL_OF_STARS.get(Number(code.slice(1)));
        if (!level) return null;
        entry = { number, status: 'valid', level };
      } else {
        const status = (Object.keys(STATUS_CODES) as (keyof typeof STATUS_CODES)[]).find(
          (s) => STATUS_CODES[s] === code,
        );
        if (!status) return null;
        entry = { number, status };
      }
      entries.set(number, entry);
    }
  }
  return { v: STATUS_SNAPSHOT_VERSION, iat: p.iat, revokedKeys: p.revokedKeys, entries };
}

export function isStale(snapshot: Pick<StatusSnapshot, 'iat'>, now: Date): boolean {
  return now.getTime() - Date.parse(snapshot.iat) > STATUS_SNAPSHOT_STALE_AFTER_HOURS * 3600_000;
}
