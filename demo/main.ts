// A first demo page: a small campaign folded by the core rules and shown as text. The full QA
// demo (elements on an msw mock backend) replaces this once the elements exist.
import { foldEvents, summarizeEmail, type ResponseEvent } from '../src/core/index';

const base = Date.now() - 3_600_000;
const plan: [string, string[]][] = [
  ['ann', ['sent-to-provider', 'delivered', 'opened', 'clicked', 'spam-complaint']],
  ['bob', ['sent-to-provider', 'delivered', 'opened']],
  ['cleo', ['sent-to-provider', 'hard-bounce']],
  ['dan', ['canceled-duplicate']],
  ['eve', ['sent-to-provider', 'provider-delayed']],
];
const events: ResponseEvent[] = plan.flatMap(([name, responses]) =>
  responses.map((response, i) => ({
    id: `${name}-${i}`,
    emailId: 'spring-sale',
    recipientId: name,
    contactName: name[0]!.toUpperCase() + name.slice(1),
    address: `${name}@example.com`,
    response,
    at: base + i * 60_000,
  })),
);

const state = foldEvents(events);
const main = document.querySelector('#demo')!;
const table = document.createElement('table');
const head = table.createTHead().insertRow();
for (const title of ['Contact', 'Email address', 'Response', 'Opens', 'Clicks']) {
  const th = document.createElement('th');
  th.textContent = title;
  head.append(th);
}
const body = table.createTBody();
for (const [name] of plan) {
  const recipient = state.recipient('spring-sale', name)!;
  const row = body.insertRow();
  for (const text of [recipient.contactName, recipient.address, `${recipient.label}${recipient.final ? ' (final)' : ''}`, recipient.opens, recipient.clicks]) {
    row.insertCell().textContent = String(text ?? '');
  }
}
const summary = summarizeEmail(state, 'spring-sale')!;
document.querySelector('#status')!.textContent =
  `Delivered ${summary.delivered.count} of ${summary.sent} sent; opened ${summary.opened.count}, clicked ${summary.clicked.count}.`;
main.append(table);
