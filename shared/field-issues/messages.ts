/** The sentence a person reads for a field problem, in both languages, with its limits filled in. */
import { ERROR_CATALOGUE, type FieldIssue } from '../errors';
import { FIELD_MESSAGES } from './codes';

export interface FieldText {
  zh: string;
  en: string;
}

const fill = (text: string, params: FieldIssue['params']) =>
  params ? text.replace(/\{(\w+)\}/g, (whole, key: string) => (key in params ? String(params[key]) : whole)) : text;

/** Never a developer's text: a code this catalogue does not know reads as "this value is not valid". */
export function fieldMessage(issue: Pick<FieldIssue, 'code' | 'params'>): FieldText {
  const entry =
    (FIELD_MESSAGES as Record<string, FieldText>)[issue.code] ??
    (ERROR_CATALOGUE as Record<string, FieldText>)[issue.code] ??
    FIELD_MESSAGES.INVALID_VALUE;
  return { zh: fill(entry.zh, issue.params), en: fill(entry.en, issue.params) };
}
