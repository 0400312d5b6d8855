/**
 * A refused request's field problems, shown beside their fields: each control names the request path it fills
 * (`data-path="body.organization.name"`), a problem goes to the control whose path is the longest prefix of its own,
 * and its sentence comes from the shared catalogue (shared/field-issues), never from the server's wording. It
 * stands right after the control, or in the element the control names by `data-problem-slot` (an id) where the
 * layout keeps a place for it. The form keeps every value typed; problems with no control in the form are handed
 * back for the page to state.
 */
import type { FieldIssue } from '../../../shared/errors';
import { type FieldText, fieldMessage } from '../../../shared/field-issues';
import { clearFieldProblems, FIELD_PROBLEM_MARK as MARK } from './clear-field-problems';
import { type Child, h } from './dom';

export { clearFieldProblems };

function owns(controlPath: string, issuePath: string): boolean {
  return issuePath === controlPath || issuePath.startsWith(`${controlPath}.`);
}

function controlFor(form: HTMLElement, path: string): HTMLElement | null {
  let best: HTMLElement | null = null;
  for (const el of form.querySelectorAll<HTMLElement>('[data-path]')) {
    const own = el.dataset.path ?? '';
    if (owns(own, path) && own.length > (best?.dataset.path?.length ?? -1)) best = el;
  }
  return best;
}

/**
 * Marks each problem on its field (one sentence per field: the first problem found there) and returns those that
 * have no field in this form.
 */
export function showFieldProblems(
  form: HTMLElement,
  issues: readonly FieldIssue[],
  render: (message: FieldText) => Child,
): FieldIssue[] {
  clearFieldProblems(form);
  const unplaced: FieldIssue[] = [];
  const marked = new Set<HTMLElement>();
  for (const issue of issues) {
    const control = controlFor(form, issue.path);
    if (!control) {
      unplaced.push(issue);
      continue;
    }
    if (marked.has(control)) continue;
    marked.add(control);
    const id = `${control.id || control.dataset.path}-problem`.replace(/[^\w-]/g, '-');
    const slot = control.dataset.problemSlot ? form.querySelector(`#${control.dataset.problemSlot}`) : null;
    const note = h(slot ? 'span' : 'p', { class: 'field-error', id, [MARK]: issue.code }, render(fieldMessage(issue)));
    control.setAttribute('aria-invalid', 'true');
    const describedBy = control.getAttribute('aria-describedby');
    if (!slot) control.setAttribute('aria-describedby', describedBy ? `${describedBy} ${id}` : id);
    if (slot) slot.append(note);
    else control.insertAdjacentElement('afterend', note);
  }
  return unplaced;
}
