/**
 * The certificate search form the public pages share (the verify page's look-up, the procurement page's search),
 * and the list a paged answer fills. The form checks what the API would refuse anyway (under 2 characters) before
 * sending anything, and says so in the page's words.
 */

import { clearFieldProblems } from './clear-field-problems';
import { h, hl } from './dom';

export interface SearchFormOptions {
  /** Prefix of the ids: `<id>-q` for the query, `<id>-error` for its error. */
  id: string;
  label: string;
  button: string;
  tooShort: string;
  initial?: string;
  placeholder?: string;
  /** Extra controls on the query's row (status and level filters). */
  filters?: readonly HTMLSelectElement[];
  /** Where the form goes without JavaScript (the verify page's `/?q=`). */
  action?: string;
  onSubmit(query: string): void;
}

/** Fewer characters than the API searches by. */
export const MIN_QUERY_LENGTH = 2;

export function searchForm(options: SearchFormOptions): HTMLFormElement {
  const errorId = `${options.id}-error`;
  const input = h('input', {
    id: `${options.id}-q`,
    name: 'q',
    type: 'search',
    class: 'input',
    value: options.initial ?? '',
    placeholder: options.placeholder,
    autocomplete: 'off',
    autocapitalize: 'characters',
    spellcheck: 'false',
    enterkeyhint: 'search',
    required: true,
    minlength: String(MIN_QUERY_LENGTH),
    maxlength: '200',
    'aria-describedby': errorId,
    'data-path': 'query.q',
    'data-problem-slot': errorId,
  });
  const error = h('p', { id: errorId, class: 'field-error', 'aria-live': 'polite' });
  const form: HTMLFormElement = hl(
    'form',
    {
      class: 'search-form',
      role: 'search',
      ...(options.action ? { action: options.action, method: 'get' } : {}),
      novalidate: true,
    },
    {
      submit: (event) => {
        event.preventDefault();
        const query = input.value.trim();
        clearFieldProblems(form);
        if ([...query].length < MIN_QUERY_LENGTH) {
          error.textContent = options.tooShort;
          input.setAttribute('aria-invalid', 'true');
          input.focus();
          return;
        }
        input.removeAttribute('aria-invalid');
        error.textContent = '';
        options.onSubmit(query);
      },
    },
    h('label', { for: input.id, class: 'label' }, options.label),
    h(
      'div',
      { class: 'search-row' },
      input,
      options.filters ?? [],
      h('button', { type: 'submit', class: 'button button-primary' }, options.button),
    ),
    error,
  );
  return form;
}
