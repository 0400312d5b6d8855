/**
 * Taking away the marks that field-problems.ts put on a form. On its own because a page that only ever clears them
 * (the verify page's search) must not load the catalogue of every error's sentence that showing them needs.
 */

/** The attribute on a problem's sentence, naming its code. */
export const FIELD_PROBLEM_MARK = 'data-field-problem';

/** Takes away the marks of an earlier attempt. */
export function clearFieldProblems(form: HTMLElement): void {
  for (const note of form.querySelectorAll(`[${FIELD_PROBLEM_MARK}]`)) note.remove();
  for (const el of form.querySelectorAll('[aria-invalid="true"][data-path]')) {
    el.removeAttribute('aria-invalid');
    const describedBy = (el.getAttribute('aria-describedby') ?? '').split(' ').filter((id) => !id.endsWith('-problem'));
    if (describedBy.length) el.setAttribute('aria-describedby', describedBy.join(' '));
    else el.removeAttribute('aria-describedby');
  }
}
