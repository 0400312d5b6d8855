/** Dates and times as a Chinese certification body states them: calendar dates as YYYY-MM-DD, times in Beijing time. */
import { lang } from './i18n';

/** An ISO calendar date (YYYY-MM-DD) as written on certificates: 2026-11-01 / 2026年11月1日. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  return lang() === 'zh' ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : iso;
}

/**
 * An instant in Beijing time, to the second, with the zone stated, so a procurement officer can cite when a check was
 * made: 2026-11-23 15:38:20（北京时间）. China keeps UTC+8 all year, so the offset is exact.
 */
export function formatInstant(instant: Date | string): string {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  if (Number.isNaN(date.getTime())) return String(instant);
  const text = new Date(date.getTime() + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
  return lang() === 'zh' ? `${text}（北京时间）` : `${text} (Beijing time, UTC+8)`;
}
