// Public API of the GB/T 27922 scheme: table data, score sheets, scoring and star levels.

export { blankScoreSheet, fullMarksScoreSheet, sheetWithTotal } from './builders';
export { SCHEME_CALENDAR } from './calendar';
export type {
  Bilingual,
  DimensionCode,
  DimensionDef,
  IndicatorCode,
  IndicatorDef,
  Lang,
  SchemeTable,
  StarLevel,
  StarLevelDef,
} from './indicators';
export {
  BONUS_POINTS,
  CURRENT_SCHEME_VERSION,
  FAIL_LABEL,
  MAX_BONUS,
  MAX_SPECIAL_DEDUCTIONS_BEFORE_FAIL,
  PASS_MIN,
  SCHEME,
  SPECIAL_DEDUCTION_POINTS,
  STAR_LEVELS,
  schemeByVersion,
  schemeVersions,
  TOTAL_CAP,
} from './indicators';
export {
  bandOf,
  compareLevels,
  levelLabel,
  scoreBandFor,
  starLevelDef,
  starLevelDefFor,
  starLevelFor,
  starsFor,
} from './levels';
export {
  MAX_INDICATOR_ENTRIES,
  MAX_SPECIAL_DEDUCTION_ENTRIES,
  MAX_TEXT_LENGTH,
  type ScoreSheetInput,
  scoreSheetRecordSchema,
  scoreSheetSchema,
} from './schema';
export type {
  DimensionResult,
  FailReason,
  IndicatorScore,
  ScoreResult,
  ScoreSheet,
  ScoreSheetIssue,
  ScoreSheetIssueCode,
} from './score-sheet';
export { InvalidScoreSheetError, scoreTotal } from './scoring';
export { roundToTenth } from './tenths';
export { isScoreSheetComplete, validateScoreSheet } from './validate';
