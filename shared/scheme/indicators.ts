// GB/T 27922-2011 evaluation table as data. Everything else in the registry reads the
// scheme from here, so a correction to the table is a one-line change in one place.
import { schemeTableProblems } from './scheme-check';

export type DimensionCode = 'S' | 'G' | 'C';
export type IndicatorCode =
  | 'S1'
  | 'S2'
  | 'S3'
  | 'S4'
  | 'S5'
  | 'S6'
  | 'S7'
  | 'G1'
  | 'G2'
  | 'G3'
  | 'G4'
  | 'G5'
  | 'G6'
  | 'C1'
  | 'C2';
export type StarLevel = 'five' | 'four' | 'three' | 'compliant';
export type Lang = 'zh' | 'en';

export interface Bilingual {
  readonly zh: string;
  readonly en: string;
}
export interface DimensionDef extends Bilingual {
  readonly code: DimensionCode;
  readonly points: number;
}
export interface IndicatorDef extends Bilingual {
  readonly code: IndicatorCode;
  readonly dimension: DimensionCode;
  readonly points: number;
  readonly examined: Bilingual;
}
export interface SchemeTable {
  readonly version: string;
  readonly dimensions: readonly DimensionDef[];
  readonly indicators: readonly IndicatorDef[];
}
export interface StarLevelDef extends Bilingual {
  readonly level: StarLevel;
  /** Inclusive lower bound on the total. */
  readonly min: number;
  readonly stars: number;
}

function ind(
  code: IndicatorCode,
  dimension: DimensionCode,
  points: number,
  zh: string,
  en: string,
  examinedZh: string,
  examinedEn: string,
): IndicatorDef {
  return Object.freeze({
    code,
    dimension,
    points,
    zh,
    en,
    examined: Object.freeze({ zh: examinedZh, en: examinedEn }),
  });
}

const SCHEME_2011_1: SchemeTable = Object.freeze({
  version: 'GB/T 27922-2011#1',
  dimensions: Object.freeze([
    Object.freeze({ code: 'S', zh: '售后服务体系', en: 'after-sales service system', points: 40 }),
    Object.freeze({ code: 'G', zh: '商品服务', en: 'goods service', points: 35 }),
    Object.freeze({ code: 'C', zh: '顾客服务', en: 'customer service', points: 25 }),
  ] as const),
  indicators: Object.freeze([
    ind(
      'S1',
      'S',
      4,
      '组织架构',
      'organization',
      '设立专门的售后服务部门；服务网点覆盖销售区域；明确岗位职责与权限',
      'a dedicated service department; service points covering the sales area; roles and authority',
    ),
    // S2 and S4: published sources only give their sum (12). The 6/6 split is the least certain
    // figure of the table; if it is corrected, add a new version rather than editing this one.
    ind(
      'S2',
      'S',
      6,
      '人员配置',
      'staffing',
      '具备合格的服务人员；配备持证的售后服务管理师（约占服务管理人员的10%）',
      'qualified service staff; certified after-sales service managers (about 10% of service management staff)',
    ),
    ind(
      'S3',
      'S',
      6,
      '资源配置',
      'resources',
      '服务经费预算；培训与激励；设施、工具和备件',
      'service budget; training and incentives; facilities, tools and spare parts',
    ),
    ind(
      'S4',
      'S',
      6,
      '规范要求',
      'rules and procedures',
      '成文的售后服务手册和程序；识别适用的法律法规',
      'a written after-sales service manual and procedures; the laws that apply identified',
    ),
    ind(
      'S5',
      'S',
      7,
      '监督',
      'supervision',
      '设立配有专职人员的监督职能；内部检查与外部监督',
      'a supervision function with full-time staff; internal checks and external supervision',
    ),
    ind(
      'S6',
      'S',
      5,
      '改进',
      'improvement',
      '针对监督发现采取纠正措施',
      'corrective actions taken from supervision findings',
    ),
    ind(
      'S7',
      'S',
      6,
      '服务文化',
      'service culture',
      '明确的服务理念并为员工所践行',
      'a stated service philosophy lived by staff',
    ),
    ind(
      'G1',
      'G',
      6,
      '商品信息',
      'product information',
      '使用说明书、技术规格、保养指南及网上信息',
      'manuals, specifications, care guides, online information',
    ),
    ind(
      'G2',
      'G',
      6,
      '技术支持',
      'technical support',
      '技术支持热线、使用指导、用户培训',
      'a support line, guidance, user training',
    ),
    ind(
      'G3',
      'G',
      4,
      '配送',
      'delivery (with installation and commissioning)',
      '按时配送，安装与调试',
      'delivery on time, installation and commissioning',
    ),
    ind(
      'G4',
      'G',
      10,
      '维修',
      'repair',
      '维修网络、维修质量、维修时限与价格、维修记录',
      'repair network, repair quality, time and price, repair records',
    ),
    ind(
      'G5',
      'G',
      7,
      '质量保证',
      'quality assurance',
      '质量保证条款与范围，可追溯性',
      'warranty terms and scope, traceability',
    ),
    ind(
      'G6',
      'G',
      2,
      '废弃商品回收',
      'recycling of discarded goods',
      '废弃商品的回收与再利用',
      'take-back and recycling',
    ),
    ind(
      'C1',
      'C',
      15,
      '顾客关系',
      'customer relations',
      '沟通渠道与响应、回访、顾客关怀',
      'channels and response, follow-up visits, customer care',
    ),
    ind(
      'C2',
      'C',
      10,
      '投诉处理',
      'complaint handling',
      '投诉渠道、有时限的处理程序、处理结果反馈',
      'channels, a handling procedure with deadlines, feedback of outcomes',
    ),
  ]),
});

/** The table new score sheets are scored against. */
export const SCHEME: SchemeTable = SCHEME_2011_1;
export const CURRENT_SCHEME_VERSION: string = SCHEME.version;

// Every version ever used stays here: a stored score sheet names its version and must be
// re-scored against the table it was filled in with, not against today's.
const SCHEMES_BY_VERSION: ReadonlyMap<string, SchemeTable> = new Map([[SCHEME_2011_1.version, SCHEME_2011_1]]);

export function schemeByVersion(version: string): SchemeTable | undefined {
  return SCHEMES_BY_VERSION.get(version);
}

export function schemeVersions(): string[] {
  return [...SCHEMES_BY_VERSION.keys()];
}

/** Ordered from the highest level; the first whose `min` the total reaches wins. */
export const STAR_LEVELS: readonly StarLevelDef[] = Object.freeze([
  Object.freeze({ level: 'five', min: 95, stars: 5, zh: '五星级', en: 'five-star' }),
  Object.freeze({ level: 'four', min: 90, stars: 4, zh: '四星级', en: 'four-star' }),
  Object.freeze({ level: 'three', min: 80, stars: 3, zh: '三星级', en: 'three-star' }),
  Object.freeze({ level: 'compliant', min: 70, stars: 0, zh: '达标级', en: 'compliant' }),
] as const);

export const FAIL_LABEL: Bilingual = Object.freeze({ zh: '不通过', en: 'fail' });

/** Five or more special deductions fail the evaluation whatever the score. */
export const MAX_SPECIAL_DEDUCTIONS_BEFORE_FAIL = 5;
export const SPECIAL_DEDUCTION_POINTS = 1;
/** At most one special bonus, worth one point. */
export const MAX_BONUS = 1;
export const BONUS_POINTS = 1;
export const TOTAL_CAP = 100;
export const PASS_MIN = 70;

// Fail at import time: a wrong table would silently mis-grade every certificate.
for (const table of SCHEMES_BY_VERSION.values()) {
  const problems = schemeTableProblems(table, STAR_LEVELS, PASS_MIN);
  if (problems.length > 0) throw new Error(`scheme ${table.version} is inconsistent: ${problems.join('; ')}`);
}
