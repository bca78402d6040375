// Issue 14, bundle: the summary's and the timeline's words load with their views, not with the
// grid. A host that registers a language for every view before those views load (an entry per
// element, the IIFE's parts) still gets its words once they do, checked then. This page imports
// the grid alone first: its module graph must not request the other views' messages.
import { expect } from '@open-wc/testing';
import '../../../src/entries/audience-response-grid';
import { ENGLISH, messagesFor, registerMessages } from '../../../src/elements/shared/messages';

const VIEW_MESSAGES = /\/src\/elements\/shared\/(summary|timeline)-messages\.ts$/;

function requested(pattern: RegExp): string[] {
  return performance
    .getEntriesByType('resource')
    .map((entry) => new URL(entry.name).pathname)
    .filter((path) => pattern.test(path));
}

function capturingWarnings(): { messages: string[]; restore: () => void } {
  const messages: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => messages.push(args.map(String).join(' '));
  return { messages, restore: () => (console.warn = original) };
}

describe('message sections that load with their views', () => {
  it('the grid entry loads neither the summary’s nor the timeline’s words', () => {
    expect(requested(VIEW_MESSAGES)).to.deep.equal([]);
    expect(Object.hasOwn(ENGLISH, 'summary')).to.equal(false);
    expect(Object.hasOwn(ENGLISH, 'timeline')).to.equal(false);
    // The grid's own words, and the engagement and stage words it shares with the summary, are here.
    expect(messagesFor('en').engagement.opened).to.equal('Unique opens');
    expect(messagesFor('en').stages.delivered).to.equal('Delivered');
  });

  it('a language registered for every view before the summary loads applies once it does, checked then', async () => {
    const warnings = capturingWarnings();
    let problems: string[];
    try {
      problems = registerMessages('de', {
        gridLabel: 'Empfänger',
        summary: { breakdown: 'Nicht zugestellt', noSuchWord: 'x' } as never,
        timeline: { listLabel: 'E-Mails an diesen Kontakt' },
      });
    } finally {
      warnings.restore();
    }
    // Only what can be checked now is reported now; the grid's word applies at once.
    expect(problems).to.deep.equal([]);
    expect(messagesFor('de').gridLabel).to.equal('Empfänger');
    expect(messagesFor('de').summary).to.equal(undefined);

    const later = capturingWarnings();
    try {
      await import('../../../src/elements/response-summary/define');
    } finally {
      later.restore();
    }
    expect(messagesFor('de').summary.breakdown).to.equal('Nicht zugestellt');
    expect(messagesFor('de').summary.noRate).to.equal('—', 'the rest falls back to English');
    expect(messagesFor('de').gridLabel).to.equal('Empfänger');
    expect(Object.hasOwn(messagesFor('de').summary, 'noSuchWord')).to.equal(false);
    expect(later.messages.join('\n')).to.contain('summary.noSuchWord');
    // The timeline's section waits still, for its own view.
    expect(messagesFor('de').timeline).to.equal(undefined);

    await import('../../../src/elements/contact-response-timeline/define');
    expect(messagesFor('de').timeline.listLabel).to.equal('E-Mails an diesen Kontakt');
    expect(messagesFor('en').timeline.listLabel).to.equal('Emails to this contact, newest first');
    const { range } = messagesFor('en').timeline;
    expect([range(1, 1, 1), range(3, 3, 5), range(1, 50, 5000)]).to.deep.equal([
      '1 email',
      'Email 3 of 5',
      'Emails 1–50 of 5,000',
    ]);
  });

  it('once a view has loaded, its section is checked and reported at registration as before', () => {
    const warnings = capturingWarnings();
    let problems: string[];
    try {
      problems = registerMessages('fr', { summary: { breakdown: 3 } as never });
    } finally {
      warnings.restore();
    }
    expect(problems).to.have.length(1);
    expect(problems[0]).to.contain('summary.breakdown');
    expect(messagesFor('fr').summary.breakdown).to.equal(messagesFor('en').summary.breakdown);
  });
});
