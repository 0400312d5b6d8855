/** "Receipt" beside a result: asks the registry to sign what it says about the number now, then links to it. */
import { h, hl } from '../common/dom';
import { t } from '../common/i18n';
import { M } from './messages';
import { createReceipt, errorText } from './page-api';

export function receiptButton(number: string): HTMLElement {
  const holder = h('span', { class: 'receipt-slot' });
  const button = hl(
    'button',
    { type: 'button', class: 'button button-compact', 'data-receipt-for': number },
    {
      click: async () => {
        button.disabled = true;
        try {
          const { link, permalink } = await createReceipt(number);
          // A link rather than a pop-up: it opens where the officer wants, and it can be copied into the tender file.
          holder.replaceChildren(
            h(
              'a',
              {
                class: 'button button-compact',
                href: link ?? permalink,
                target: '_blank',
                rel: 'noopener',
                'data-receipt-link': number,
              },
              t(M.receiptOpen),
            ),
          );
        } catch (error) {
          button.disabled = false;
          holder.append(
            h('span', { class: 'field-error', role: 'alert' }, `${t(M.receiptFailed)}: ${errorText(error)}`),
          );
        }
      },
    },
    t(M.receipt),
  );
  holder.append(button);
  return holder;
}
