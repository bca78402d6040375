// Issue 15, item 14: message tables come from the host (often from JSON), so a key is looked up
// as an own property and registerMessages rejects what would break a view, with a reason.
import { expect } from '@open-wc/testing';
import { DEFAULT_RULES, type ResponseDefinition } from '../../../src/core/index';
import { messagesFor, registerMessages, responseLabel } from '../../../src/elements/shared/messages';
import { mountGrid, rows } from '../audience-response-grid/grid-fixtures';
import { recipientEvent } from '../../support/events';
import { storeWith } from '../../support/store';

const opened = DEFAULT_RULES.responses.find((r) => r.id === 'opened')!;

function capturingWarnings(): { messages: string[]; restore: () => void } {
  const messages: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => messages.push(args.map(String).join(' '));
  return { messages, restore: () => (console.warn = original) };
}

describe('registerMessages and message lookups', () => {
  it('a response id named like an Object.prototype member shows its own label', () => {
    const definition: ResponseDefinition = { ...opened, id: 'constructor', label: 'Constructed' };
    expect(responseLabel(messagesFor('en'), definition)).to.equal('Constructed');
    expect(responseLabel(messagesFor('en'), { ...opened, id: 'to-string', label: 'T' })).to.equal('T');
    expect(responseLabel(messagesFor('en'), { ...opened, id: 'hasOwnProperty', label: 'H' })).to.equal('H');
  });

  it('a __proto__ key (as JSON.parse makes it) relabels nothing, and is reported', () => {
    const warnings = capturingWarnings();
    let problems: string[];
    try {
      problems = registerMessages('p1', JSON.parse('{"responses": {"__proto__": {"opened": "P"}}}') as object);
      registerMessages('p1', JSON.parse('{"__proto__": {"final": "P"}}') as object);
    } finally {
      warnings.restore();
    }
    expect(responseLabel(messagesFor('p1'), opened)).to.equal('Opened');
    expect(messagesFor('p1').final).to.equal('final');
    expect(problems).to.have.length(1);
    expect(problems[0]).to.match(/responses\.__proto__/);
    expect(warnings.messages.join('\n')).to.match(/^email-responses: registerMessages\("p1"\)/);
  });

  it('rejects a message of the wrong kind with a reason and keeps the rest', () => {
    const warnings = capturingWarnings();
    let problems: string[];
    try {
      problems = registerMessages('p2', {
        rowCount: 'x' as never,
        headers: 'Contact' as never,
        noName: (() => 'n') as never,
        responses: { opened: 5 as never, clicked: 'Geklickt' },
        nonsense: 'y',
        final: 'endgültig',
      } as object);
    } finally {
      warnings.restore();
    }
    expect(problems.map((p) => p.split(':')[0])).to.have.members([
      'rowCount',
      'headers',
      'noName',
      'responses.opened',
      'nonsense',
    ]);
    const m = messagesFor('p2');
    expect(m.rowCount(3, 3, false)).to.equal('3 recipients');
    expect(m.headers.contact).to.equal('Contact');
    expect(m.final).to.equal('endgültig');
    expect(
      responseLabel(
        m,
        DEFAULT_RULES.responses.find((r) => r.id === 'clicked')!,
      ),
    ).to.equal('Geklickt');
    expect(warnings.messages).to.have.length(1);
  });

  it('a string rowCount does not blank the grid', async () => {
    const warnings = capturingWarnings();
    try {
      registerMessages('p3', { rowCount: 'many' } as never);
    } finally {
      warnings.restore();
    }
    const store = await storeWith([recipientEvent('opened', 'r1', { contactName: 'Ada' })]);
    const grid = await mountGrid(store);
    grid.setAttribute('locale', 'p3');
    await grid.updateComplete;
    expect(rows(grid)).to.have.length(1);
    expect(grid.shadowRoot!.textContent).to.include('1 recipient');
  });

  it('refuses a locale that is not a string', () => {
    const warnings = capturingWarnings();
    try {
      expect(registerMessages(42 as never, { final: 'x' })).to.have.length(1);
    } finally {
      warnings.restore();
    }
  });
});
