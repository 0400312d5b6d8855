// The shape an assessor fills in during the on-site review, and what scoring derives from it.
import type { StarLevel } from './indicators';

export interface IndicatorScore {
  code: string;
  /** One decimal, 0 up to the indicator's points. */
  score?: number;
  /** 删减: the indicator does not apply to this organization. */
  excluded?: boolean;
  note?: string;
}

export interface ScoreSheet {
  /** The table version the sheet was scored against; see schemeByVersion. */
  schemeVersion: string;
  indicators: IndicatorScore[];
  /** 特别扣分项: each costs SPECIAL_DEDUCTION_POINTS off the total. */
  specialDeductions: { reason: string }[];
  /** Industry-leading practice: at most one. */
  bonus?: { reason: string } | null;
}

export type ScoreSheetIssueCode =
  | 'INDICATOR_MISSING'
  | 'INDICATOR_UNKNOWN'
  | 'INDICATOR_DUPLICATE'
  | 'SCORE_OUT_OF_RANGE'
  | 'SCORE_PRECISION'
  | 'SCORE_AND_EXCLUDED'
  | 'ALL_EXCLUDED'
  | 'SCHEME_VERSION_UNKNOWN'
  | 'TOO_MANY_BONUSES';

/** `path` is dotted with numeric array indices, e.g. 'indicators.3.score'. */
export type ScoreSheetIssue = { path: string; code: ScoreSheetIssueCode; message: string };

export type FailReason = 'BELOW_THRESHOLD' | 'TOO_MANY_SPECIAL_DEDUCTIONS';

export interface DimensionResult {
  code: string;
  earned: number;
  applicable: number;
}

export interface ScoreResult {
  /** Sum of indicator scores, before normalization. */
  earned: number;
  /** Points of the indicators not excluded. */
  applicablePoints: number;
  /** earned ÷ applicablePoints × 100, one decimal. */
  normalized: number;
  /** Points taken off for special deductions (count × SPECIAL_DEDUCTION_POINTS). */
  specialDeductions: number;
  /** Points added for the special bonus: 0 or BONUS_POINTS. */
  bonus: number;
  /** normalized − deductions + bonus, within 0..TOTAL_CAP, one decimal. */
  total: number;
  level: StarLevel | null;
  passed: boolean;
  failReason: null | FailReason;
  /** Raw, not normalized, per dimension in table order. */
  dimensions: DimensionResult[];
}
