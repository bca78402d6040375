import { defineElement } from '../shared/define-element';
import { EmailResponsesElement } from './email-responses';

export { EmailResponsesElement };
export type { EmailResponsesEventMap } from './email-responses';

defineElement('email-responses', EmailResponsesElement);

declare global {
  interface HTMLElementTagNameMap {
    'email-responses': EmailResponsesElement;
  }
}
