/**
 * Certificates from another registry, checked row by row before anything is written: the credit code's check digit
 * (GB 32100), the dates, the level and that the score lies in the level's band of the scheme, the number's form,
 * that the daily sweep would not act on the certificate at once, and duplicates within the file. Every problem is
 * named with its row, its column and a stable code, in Chinese and English.
 */
import { chinaDate, isIsoDate } from '../calendar';
import { creditCodeProblem } from '../credit-code';
import { fieldIssuesOf, fieldMessage } from '../field-issues';
import { sweepActionFor, validUntilFor } from '../lifecycle/certificate-dates';
import type { Certificate } from '../model';
import { scopeKey } from '../organizations';
import { organizationSchema, submitApplicationSchema } from '../schemas/application';
import { CERTIFICATE_NUMBER_RE } from '../schemas/common';
import { STAR_LEVELS, type StarLevel, starLevelFor } from '../scheme';
import * as z from '../zod';
import { importedCertificate, type LegacyCertificate } from './certificate';
import {
  headerColumns,
  IMPORT_COLUMNS,
  type ImportColumn,
  MAX_FIELD_CHARS,
  MAX_IMPORT_ROWS,
  type RowProblem,
  rowProblem,
} from './columns';

export interface CheckedRow {
  row: number;
  legacy: LegacyCertificate;
}

function levelOf(value: string): StarLevel | null {
  return STAR_LEVELS.find((l) => l.level === value || l.zh === value || l.en === value)?.level ?? null;
}

type Cells = Partial<Record<ImportColumn, string>>;

function fieldProblems(row: number, v: (c: ImportColumn) => string): RowProblem[] {
  const problems: RowProblem[] = [];
  for (const c of IMPORT_COLUMNS) {
    if (c.required && !v(c.key)) problems.push(rowProblem(row, c.key, 'required', `缺少${c.zh}`, `${c.key} is empty`));
    if (v(c.key).length > MAX_FIELD_CHARS)
      problems.push(
        rowProblem(
          row,
          c.key,
          'too-long',
          `${c.zh}超过 ${MAX_FIELD_CHARS} 字`,
          `${c.key} is over ${MAX_FIELD_CHARS} characters`,
        ),
      );
  }
  const number = v('certificate_number');
  if (number && !CERTIFICATE_NUMBER_RE.test(number))
    problems.push(
      rowProblem(
        row,
        'certificate_number',
        'number-form',
        '证书编号格式应为 机构代码-SV-年份-6位序号',
        'the number must read <body code>-SV-<year>-<6 digits>',
      ),
    );
  const code = v('credit_code');
  const codeProblem = code ? creditCodeProblem(code) : null;
  if (codeProblem) {
    const [zh = codeProblem, en = codeProblem] = codeProblem.split(' / ');
    problems.push(rowProblem(row, 'credit_code', 'credit-code', zh, en));
  }
  problems.push(...holderProblems(row, v, problems));
  for (const d of ['issue_date', 'valid_from', 'valid_until', 'last_surveillance'] as const)
    if (v(d) && !isIsoDate(v(d)))
      problems.push(rowProblem(row, d, 'date', '日期格式应为 YYYY-MM-DD', 'dates read YYYY-MM-DD'));
  return problems;
}

/** The holder and scope as an application gives them: the same schema, so the same limits and characters. */
const holderSchema = z.strictObject({ organization: organizationSchema, scope: submitApplicationSchema.shape.scope });
const HOLDER_COLUMNS: Record<string, ImportColumn> = {
  'row.organization.name': 'holder_name',
  'row.organization.nameEn': 'holder_name_en',
  'row.organization.address': 'holder_address',
  'row.scope': 'scope',
};

function holderProblems(row: number, v: (c: ImportColumn) => string, found: readonly RowProblem[]): RowProblem[] {
  const optional = (c: ImportColumn) => (v(c) ? v(c) : undefined);
  const input = {
    organization: {
      name: v('holder_name'),
      creditCode: v('credit_code'),
      ...(optional('holder_name_en') ? { nameEn: v('holder_name_en') } : {}),
      ...(optional('holder_address') ? { address: v('holder_address') } : {}),
    },
    scope: v('scope'),
  };
  const parsed = holderSchema.safeParse(input);
  if (parsed.success) return [];
  // The credit code has its own, more telling check above; an empty required cell is already named.
  return fieldIssuesOf(parsed.error.issues, 'row', input).flatMap((issue) => {
    const column = HOLDER_COLUMNS[issue.path];
    if (!column || found.some((p) => p.column === column)) return [];
    const { zh, en } = fieldMessage(issue);
    return [rowProblem(row, column, issue.code, zh, en)];
  });
}

function levelProblems(row: number, v: (c: ImportColumn) => string, level: StarLevel | null): RowProblem[] {
  const problems: RowProblem[] = [];
  if (v('level') && !level)
    problems.push(
      rowProblem(
        row,
        'level',
        'level',
        '星级应为五星级、四星级、三星级或达标级',
        'the level must be five-star, four-star, three-star or compliant',
      ),
    );
  const score = Number(v('score'));
  if (v('score') && (!Number.isFinite(score) || score < 0 || score > 100))
    problems.push(
      rowProblem(row, 'score', 'score', '评价得分应为 0–100 的数字', 'the score must be a number from 0 to 100'),
    );
  else if (level && v('score') && starLevelFor(score) !== level)
    problems.push(
      rowProblem(row, 'score', 'score-band', '得分不在该星级的分数段内', "the score is outside the level's band"),
    );
  return problems;
}

function dateProblems(row: number, v: (c: ImportColumn) => string, today: string): RowProblem[] {
  const problems: RowProblem[] = [];
  const [issued, from, until, last] = (['issue_date', 'valid_from', 'valid_until', 'last_surveillance'] as const).map(
    (c) => (isIsoDate(v(c)) ? v(c) : ''),
  );
  if (from && until) {
    if (until <= from || until > validUntilFor(from))
      problems.push(
        rowProblem(
          row,
          'valid_until',
          'validity',
          '有效期应在起始日之后结束，且不超过 3 年',
          'the validity must end after it starts, within 3 years',
        ),
      );
    else if (until < today)
      problems.push(
        rowProblem(row, 'valid_until', 'expired', '证书已过期，不导入', 'the certificate has expired: not imported'),
      );
    if (from > today)
      problems.push(
        rowProblem(row, 'valid_from', 'not-started', '有效期起始日在未来', 'the validity starts in the future'),
      );
  }
  if (issued && from && (issued > from || issued > today))
    problems.push(
      rowProblem(
        row,
        'issue_date',
        'issue-date',
        '颁证日期应不晚于有效期起始日和今天',
        'the issue date is on or before the validity starts, and not after today',
      ),
    );
  if (last && from && (last < from || last > today))
    problems.push(
      rowProblem(
        row,
        'last_surveillance',
        'surveillance-date',
        '最近监督审核日期应在有效期内且不晚于今天',
        'the last surveillance lies within the validity, not after today',
      ),
    );
  return problems;
}

/** One data row, as read under the header: its certificate, or its problems. */
export function checkRow(row: number, cells: Cells, today: string): { legacy: LegacyCertificate } | RowProblem[] {
  const v = (c: ImportColumn) => (cells[c] ?? '').trim();
  const level = levelOf(v('level'));
  const problems = [...fieldProblems(row, v), ...levelProblems(row, v, level), ...dateProblems(row, v, today)];
  if (problems.length || !level) return problems;
  const nameEn = v('holder_name_en');
  const address = v('holder_address');
  const legacy: LegacyCertificate = {
    number: v('certificate_number'),
    organization: {
      name: v('holder_name'),
      creditCode: v('credit_code'),
      ...(nameEn ? { nameEn } : {}),
      ...(address ? { address } : {}),
    },
    scope: v('scope'),
    level,
    score: Number(v('score')),
    issueDate: v('issue_date') || v('valid_from'),
    validFrom: v('valid_from'),
    validUntil: v('valid_until'),
    lastSurveillance: v('last_surveillance') || null,
  };
  // The daily sweep would suspend a certificate whose surveillance is overdue the night it arrives: say so now.
  const { next } = importedCertificate(legacy, { fileSha256: '', row });
  if (sweepActionFor({ ...next, version: 0, eventSeq: 0, lastEventHash: '' } as Certificate, today))
    return [
      rowProblem(
        row,
        'last_surveillance',
        'surveillance-overdue',
        '监督审核已逾期：请填写最近一次监督审核日期',
        'a surveillance is overdue: give the date of the last one held',
      ),
    ];
  return { legacy };
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
      problems: [
        rowProblem(
          1,
          null,
          'columns-missing',
          `表头缺少列：${missing.join('、')}`,
          `the header lacks the columns ${missing.join(', ')}`,
        ),
      ],
    };
  if (rows.length > MAX_IMPORT_ROWS)
    return {
      certificates: [],
      problems: [
        rowProblem(
          1,
          null,
          'too-many-rows',
          `一次最多导入 ${MAX_IMPORT_ROWS} 行`,
          `at most ${MAX_IMPORT_ROWS} rows at a time`,
        ),
      ],
    };
  const today = chinaDate(now);
  const certificates: CheckedRow[] = [];
  const problems: RowProblem[] = [];
  const seenNumber = new Map<string, number>();
  const seenScope = new Map<string, number>();
  for (const [i, cells] of rows.entries()) {
    const row = i + 2;
    const named: Cells = {};
    columns.forEach((c, j) => {
      if (c) named[c] = cells[j] ?? '';
    });
    const checked = checkRow(row, named, today);
    if (Array.isArray(checked)) {
      problems.push(...checked);
      continue;
    }
    const { legacy } = checked;
    const earlier = seenNumber.get(legacy.number);
    const scope = `${legacy.organization.creditCode}|${scopeKey(legacy.scope)}`;
    const sameScope = seenScope.get(scope);
    if (earlier)
      problems.push(
        rowProblem(
          row,
          'certificate_number',
          'duplicate-number',
          `证书编号与第 ${earlier} 行重复`,
          `the same number as row ${earlier}`,
        ),
      );
    else if (sameScope)
      problems.push(
        rowProblem(
          row,
          'scope',
          'duplicate-scope',
          `同一组织同一认证范围与第 ${sameScope} 行重复`,
          `the same holder and scope as row ${sameScope}`,
        ),
      );
    else {
      seenNumber.set(legacy.number, row);
      seenScope.set(scope, row);
      certificates.push({ row, legacy });
    }
  }
  return { certificates, problems };
}
