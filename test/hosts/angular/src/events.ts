import type { ResponseEvent } from 'email-responses';

/** Three recipients of email e1, delivered a minute ago. */
export function events(): ResponseEvent[] {
  const at = Date.now() - 60_000;
  return ['ada', 'grace', 'linus'].map((name, i) => ({
    id: `delivered-${name}`,
    emailId: 'e1',
    recipientId: `r-${name}`,
    contactId: `c-${name}`,
    contactName: name,
    address: `${name}@example.com`,
    response: 'delivered',
    at: at + i,
  }));
}
