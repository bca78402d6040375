import { EmailResponsesElement } from './email-responses';

export { EmailResponsesElement };
export type { EmailResponsesEventMap } from './email-responses';

if (!customElements.get('email-responses')) customElements.define('email-responses', EmailResponsesElement);

declare global {
  interface HTMLElementTagNameMap {
    'email-responses': EmailResponsesElement;
  }
}
