/**
 * What is wrong with one field of a request, as a stable code and the sentence a person reads in Chinese and in
 * English. `{name}` placeholders are filled from the issue's own params (a length, a limit). Codes of the error
 * catalogue may stand on a field too (a date after today); their titles are their messages.
 */
import type { ScoreSheetIssueCode } from '../scheme/score-sheet';

interface FieldMessage {
  zh: string;
  en: string;
}

const SCORE_SHEET_MESSAGES = {
  INDICATOR_MISSING: {
    zh: '有指标既未评分也未标为不适用',
    en: 'An indicator is neither scored nor marked not applicable',
  },
  INDICATOR_UNKNOWN: { zh: '该指标不属于此评分标准', en: 'This indicator is not part of the scheme' },
  INDICATOR_DUPLICATE: { zh: '该指标重复出现', en: 'This indicator appears more than once' },
  SCORE_OUT_OF_RANGE: { zh: '得分超出该指标的分值范围', en: "The score is outside the indicator's range" },
  SCORE_PRECISION: { zh: '得分最多保留一位小数', en: 'A score has at most one decimal place' },
  SCORE_AND_EXCLUDED: { zh: '同一指标不能既评分又标为不适用', en: 'An indicator cannot be both scored and excluded' },
  ALL_EXCLUDED: { zh: '所有指标均为不适用，无法评分', en: 'Every indicator is excluded; nothing can be scored' },
  SCHEME_VERSION_UNKNOWN: { zh: '评分标准版本未知', en: 'Unknown scheme version' },
  TOO_MANY_BONUSES: { zh: '最多只能给予一项加分', en: 'At most one special bonus may be awarded' },
} as const satisfies Record<ScoreSheetIssueCode, FieldMessage>;

export const FIELD_MESSAGES = {
  REQUIRED: { zh: '此项必填', en: 'This field is required' },
  INVALID_TYPE: { zh: '此项的类型不正确', en: 'This field has the wrong type' },
  TOO_SHORT: { zh: '至少需要 {minimum} 个字符', en: 'Enter at least {minimum} characters' },
  TOO_LONG: { zh: '最多 {maximum} 个字符', en: 'Enter at most {maximum} characters' },
  TOO_FEW: { zh: '至少需要 {minimum} 项', en: 'Give at least {minimum} entries' },
  TOO_MANY: { zh: '最多 {maximum} 项', en: 'Give at most {maximum} entries' },
  BELOW_MINIMUM: { zh: '不能小于 {minimum}', en: 'Must be at least {minimum}' },
  ABOVE_MAXIMUM: { zh: '不能大于 {maximum}', en: 'Must be at most {maximum}' },
  NOT_INTEGER: { zh: '须为整数', en: 'Must be a whole number' },
  INVALID_FORMAT: { zh: '格式不正确', en: 'The format is not valid' },
  INVALID_DATE: { zh: '请填写有效日期（年-月-日）', en: 'Enter a valid date (year-month-day)' },
  INVALID_CHARACTERS: {
    zh: '含有不允许的字符（控制字符、不可见字符或文字方向控制符）',
    en: 'Contains characters that are not allowed (control, invisible or text-direction characters)',
  },
  NOT_ONE_OF: { zh: '请从给定的选项中选择', en: 'Choose one of the offered values' },
  UNKNOWN_FIELD: { zh: '不接受此项', en: 'This field is not accepted' },
  INVALID_VALUE: { zh: '此项的值不正确', en: 'This value is not valid' },
  CREDIT_CODE_INVALID: {
    zh: '统一社会信用代码无效（18 位，大写字母，校验位须正确）',
    en: 'Not a valid unified social credit code (18 characters, capital letters, a matching check character)',
  },
  QUERY_TOO_SHORT: { zh: '请至少输入 2 个字母或数字', en: 'Enter at least 2 letters or digits' },
  INVALID_CURSOR: { zh: '翻页位置已失效，请重新搜索', en: 'This page position is no longer valid; search again' },
  ...SCORE_SHEET_MESSAGES,
} as const satisfies Record<string, FieldMessage>;

export type FieldCode = keyof typeof FIELD_MESSAGES;
