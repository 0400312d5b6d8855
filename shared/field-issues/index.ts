export { FIELD_MESSAGES, type FieldCode } from './codes';
export { fieldIssuesOf } from './from-zod';
export { type FieldText, fieldMessage } from './messages';
