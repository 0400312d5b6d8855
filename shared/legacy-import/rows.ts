/**
 * Certificates from another registry, checked row by row before anything is written: the credit code's check digit
 * (GB 32100), the dates, the level and that the score lies in the level's band of the scheme, the number's form,
 * and duplicates within the file. Every problem is named with its row and column, in Chinese and English.
 */
import { chinaDate, isIsoDate } from '../calendar';
import { creditCodeProblem } from '../credit-code';
import { nextAnniversary, validUntilFor } from '../lifecycle/certificate-dates';
import type { Certificate } from '../model';
import { CERTIFICATE_NUMBER_RE } from '../schemas/common';
import { STAR_LEVELS, type StarLevel, starLevelFor } from '../scheme';

type NewCertificate = Omit<Certificate, 'version' | 'eventSeq' | 'lastEventHash'>;

/** The columns of an import file, by header (the key, or its Chinese title); `required` ones must hold a value. */
export const IMPORT_COLUMNS = [
  { key: 'certificate_number', zh: '证书编号', required: true },
  { key: 'holder_name', zh: '获证组织名称', required: true },
  { key: 'holder_name_en', zh: '获证组织英文名称', required: false },
  { key: 'credit_code', zh: '统一社会信用代码', required: true },
  { key: 'holder_address', zh: '组织地址', required: false },
  { key: 'scope', zh: '认证范围', required: true },
  { key: 'level', zh: '认证星级', required: true },
  { key: 'score', zh: '评价得分', required: true },
  { key: 'valid_from', zh: '有效期起', required: true },
  { key: 'valid_until', zh: '有效期至', required: true },
  { key: 'last_surveillance', zh: '最近监督审核', required: false },
] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number]['key'];

export const MAX_IMPORT_ROWS = 50_000;
export const MAX_FIELD_CHARS = 500;

export interface RowProblem {
  /** The row as the file numbers it (the header is row 1). */
  row: number;
  column: ImportColumn | null;
  zh: string;
  en: string;
}

export interface CheckedRow {
  row: number;
  certificate: NewCertificate;
}

const problem = (row: number, column: ImportColumn | null, zh: string, en: string): RowProblem => ({
  row,
  column,
  zh,
  en,
});

/** The header's columns by position: each known by its key or Chinese title; a required one missing is a problem. */
export function headerColumns(header: readonly string[]): { columns: (ImportColumn | null)[]; missing: string[] } {
  const columns = header.map((h) => {
    const t = h.trim();
    return IMPORT_COLUMNS.find((c) => c.key === t || c.zh === t)?.key ?? null;
  });
  const missing = IMPORT_COLUMNS.filter((c) => c.required && !columns.includes(c.key)).map((c) => c.key);
  return { columns, missing };
}

function levelOf(value: string): StarLevel | null {
  const t = value.trim();
  return STAR_LEVELS.find((l) => l.level === t || l.zh === t || l.en === t)?.level ?? null;
}

/** One data row, as read under the header: its certificate, or its problems. */
export function checkRow(
  row: number,
  cells: Partial<Record<ImportColumn, string>>,
  today: string,
): { certificate: NewCertificate } | { problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const v = (c: ImportColumn) => (cells[c] ?? '').trim();
  for (const c of IMPORT_COLUMNS) {
    if (c.required && !v(c.key)) problems.push(problem(row, c.key, `缺少${c.zh}`, `${c.key} is empty`));
    if (v(c.key).length > MAX_FIELD_CHARS)
      problems.push(
        problem(row, c.key, `${c.zh}超过 ${MAX_FIELD_CHARS} 字`, `${c.key} is over ${MAX_FIELD_CHARS} characters`),
      );
  }
  const number = v('certificate_number');
  if (number && !CERTIFICATE_NUMBER_RE.test(number))
    problems.push(
      problem(
        row,
        'certificate_number',
        '证书编号格式应为 XX-SV-年份-6位序号',
        'the number must read XX-SV-<year>-<6 digits>',
      ),
    );
  const code = v('credit_code');
  const codeProblem = code ? creditCodeProblem(code) : null;
  if (codeProblem) {
    const [zh, en] = codeProblem.split(' / ');
    problems.push(problem(row, 'credit_code', zh ?? codeProblem, en ?? codeProblem));
  }
  const level = v('level') ? levelOf(v('level')) : null;
  if (v('level') && !level)
    problems.push(
      problem(row, 'level', '星级应为五星级、四星级、三星级或达标级', 'level must be five, four, three or compliant'),
    );
  const score = Number(v('score'));
  if (v('score') && (!Number.isFinite(score) || score < 0 || score > 100))
    problems.push(problem(row, 'score', '评价得分应为 0–100 的数字', 'score must be a number from 0 to 100'));
  else if (level && v('score') && starLevelFor(score) !== level)
    problems.push(
      problem(row, 'score', '得分不在该星级的分数段内', "the score is outside the level's band of the scheme"),
    );
  const dates = ['valid_from', 'valid_until', 'last_surveillance'] as const;
  for (const d of dates)
    if (v(d) && !isIsoDate(v(d))) problems.push(problem(row, d, '日期格式应为 YYYY-MM-DD', 'dates read YYYY-MM-DD'));
  const from = v('valid_from');
  const until = v('valid_until');
  if (isIsoDate(from) && isIsoDate(until)) {
    if (until <= from || until > validUntilFor(from))
      problems.push(
        problem(
          row,
          'valid_until',
          '有效期应在起始日之后且不超过 3 年',
          'validity must end after it starts, within 3 years',
        ),
      );
    else if (until < today)
      problems.push(problem(row, 'valid_until', '证书已过期，不导入', 'the certificate has expired: not imported'));
    if (from > today) problems.push(problem(row, 'valid_from', '有效期起始日在未来', 'validity starts in the future'));
  }
  const last = v('last_surveillance');
  if (isIsoDate(last) && isIsoDate(from) && (last < from || last > today))
    problems.push(
      problem(
        row,
        'last_surveillance',
        '最近监督审核日期应在有效期内且不晚于今天',
        'the last surveillance lies within the validity, not after today',
      ),
    );
  if (problems.length || !level) return { problems };
  const address = v('holder_address');
  const nameEn = v('holder_name_en');
  return {
    certificate: {
      number,
      organization: {
        name: v('holder_name'),
        creditCode: code,
        ...(nameEn ? { nameEn } : {}),
        ...(address ? { address } : {}),
      },
      scope: v('scope'),
      level,
      score,
      status: 'valid',
      cycle: 1,
      validFrom: from,
      validUntil: until,
      issuedAt: new Date(`${from}T00:00:00+08:00`).toISOString(),
      applicationId: `legacy:${number}`,
      applicantSub: 'legacy:unlinked',
      lastSurveillance: last || null,
      nextSurveillanceDue: nextAnniversary(from, until, last || from),
      surveillancePostponedUntil: null,
      suspendedOn: null,
      clearedOn: null,
      surveillances: [],
      statusHistory: [{ date: from, status: 'valid', reasonCategory: 'issued', level }],
    },
  };
}

/** Every row checked, and duplicates across rows (a number, or a holder's scope, twice). */
export function checkRows(
  header: readonly string[],
  rows: readonly string[][],
  now: Date,
): { certificates: CheckedRow[]; problems: RowProblem[] } {
  const { columns, missing } = headerColumns(header);
  if (missing.length)
    return {
      certificates: [],
      problems: [problem(1, null, `表头缺少列：${missing.join('、')}`, `the header lacks: ${missing.join(', ')}`)],
    };
  if (rows.length > MAX_IMPORT_ROWS)
    return {
      certificates: [],
      problems: [problem(1, null, `一次最多导入 ${MAX_IMPORT_ROWS} 行`, `at most ${MAX_IMPORT_ROWS} rows at a time`)],
    };
  const today = chinaDate(now);
  const certificates: CheckedRow[] = [];
  const problems: RowProblem[] = [];
  const seenNumber = new Map<string, number>();
  const seenScope = new Map<string, number>();
  rows.forEach((cells, i) => {
    const row = i + 2;
    const named: Partial<Record<ImportColumn, string>> = {};
    columns.forEach((c, j) => {
      if (c) named[c] = cells[j] ?? '';
    });
    const checked = checkRow(row, named, today);
    if ('problems' in checked) return void problems.push(...checked.problems);
    const c = checked.certificate;
    const earlier = seenNumber.get(c.number);
    const scopeKey = `${c.organization.creditCode}|${c.scope}`;
    const sameScope = seenScope.get(scopeKey);
    if (earlier)
      problems.push(
        problem(row, 'certificate_number', `证书编号与第 ${earlier} 行重复`, `the same number as row ${earlier}`),
      );
    else if (sameScope)
      problems.push(
        problem(
          row,
          'scope',
          `同一组织同一认证范围与第 ${sameScope} 行重复`,
          `the same holder and scope as row ${sameScope}`,
        ),
      );
    else {
      seenNumber.set(c.number, row);
      seenScope.set(scopeKey, row);
      certificates.push({ row, certificate: c });
    }
  });
  return { certificates, problems };
}
