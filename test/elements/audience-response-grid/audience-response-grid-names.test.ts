// A new user's review (issue 14/16): the Provider and Email type columns showed ids ("sendgrid",
// "newsletter"). They show names now ("SendGrid", "Newsletter"), an unknown provider its id, and
// the CSV writes what the grid shows, as it writes response labels rather than ids.
import { expect } from '@open-wc/testing';
import { registerMessages } from '../../../src/elements/shared/messages';
import { cellTexts, mountGrid, rows, settled } from './grid-fixtures';
import { recipientEvent as ev } from '../../support/events';
import { storeWith } from '../../support/store';

const providers = () => [
  ev('delivered', 'a', { contactName: 'Ann', provider: 'sendgrid', emailType: 'newsletter', at: 1 }),
  ev('delivered', 'b', { contactName: 'Bob', provider: 'ses', emailType: 'newsletter', at: 2 }),
  ev('delivered', 'c', { contactName: 'Cy', provider: 'elastic-email', emailType: 'newsletter', at: 3 }),
  ev('delivered', 'd', { contactName: 'Di', provider: 'acme-mta', emailType: 'newsletter', at: 4 }),
];

/** [contact, provider, email type] of each row, top to bottom. */
async function shown(locale?: string, events = providers()) {
  const grid = await mountGrid(await storeWith(events), 'e1', { columns: 'contact,provider,email-type' });
  if (locale) grid.locale = locale;
  await settled(grid);
  return { grid, cells: rows(grid).map(cellTexts) };
}

describe('<audience-response-grid> provider and email type names', () => {
  it('shows the names of known providers, the id of others, and the email type with a capital', async () => {
    const { grid, cells } = await shown();
    expect(cells).to.deep.equal([
      ['Ann', 'SendGrid', 'Newsletter'],
      ['Bob', 'Amazon SES', 'Newsletter'],
      ['Cy', 'Elastic Email', 'Newsletter'],
      ['Di', 'acme-mta', 'Newsletter'],
    ]);
    // The tooltip, which a narrow column's cut leaves as the whole text, says the same.
    const first = rows(grid)[0]!;
    expect(first.querySelector<HTMLElement>('[data-column="provider"]')!.title).to.equal('SendGrid');
    expect(first.querySelector<HTMLElement>('[data-column="email-type"]')!.title).to.equal('Newsletter');
  });

  it("sorts Provider by the name it shows: Amazon SES among the A's, not the S of its id", async () => {
    const { grid } = await shown();
    grid.sortBy = 'provider';
    await settled(grid);
    expect(rows(grid).map((row) => cellTexts(row)[1])).to.deep.equal([
      'acme-mta',
      'Amazon SES',
      'Elastic Email',
      'SendGrid',
    ]);
  });

  it('writes the same names in the CSV', async () => {
    const { grid } = await shown();
    const csv = (await grid.csv()).split('\r\n');
    expect(csv[0]!.split(',').slice(-4, -2)).to.deep.equal(['Provider', 'Email type']);
    expect(csv.slice(1, -1).map((line) => line.split(',').slice(-4, -2))).to.deep.equal([
      ['SendGrid', 'Newsletter'],
      ['Amazon SES', 'Newsletter'],
      ['Elastic Email', 'Newsletter'],
      ['acme-mta', 'Newsletter'],
    ]);
  });

  it("capitalises an email type the locale's way (Turkish dotted İ)", async () => {
    const events = [ev('delivered', 'a', { contactName: 'Ann', provider: 'sendgrid', emailType: 'iş', at: 1 })];
    expect((await shown('tr', events)).cells[0]![2]).to.equal('İş');
    expect((await shown('en', events)).cells[0]![2]).to.equal('Iş');
  });

  it('takes provider and email type names a host registered, for its own providers too', async () => {
    const problems = registerMessages('en-x-names', {
      providers: { 'acme-mta': 'Acme MTA' },
      emailTypes: { newsletter: 'Monthly news' },
    });
    expect(problems).to.deep.equal([]);
    const { cells } = await shown('en-x-names');
    expect(cells.map((c) => c.slice(1))).to.deep.equal([
      ['SendGrid', 'Monthly news'],
      ['Amazon SES', 'Monthly news'],
      ['Elastic Email', 'Monthly news'],
      ['Acme MTA', 'Monthly news'],
    ]);
  });

  it('shows nothing, not "undefined", for a recipient without a provider or type', async () => {
    const { cells } = await shown(undefined, [ev('delivered', 'a', { contactName: 'Ann', at: 1 })]);
    expect(cells).to.deep.equal([['Ann', '', '']]);
  });
});
