// The CSV export: exactly the current filtered and sorted view, every matching row, the time
// zone stated, formula injection neutralized; and the soft-bounce resend list.
import { expect } from '@open-wc/testing';
import { csvCell } from '../../../src/elements/audience-response-grid/csv-export';
import { TimeFormatter } from '../../../src/elements/shared/time-format';
import { mountGrid, rows, settled } from './grid-fixtures';
import { recipientEvent as ev } from '../../support/events';
import { storeWith } from '../../support/store';

const HEADER =
  'Contact,Email address,Stage,Response,Final,Details,Opens,Clicks,Last response (America/New_York),Recipient id,Contact id';
const lines = (csv: string) => csv.split('\r\n');

describe('<audience-response-grid> CSV export', () => {
  it('writes the header on line 1 (the zone in the name of the time column) and the view in its current order and filter', async () => {
    const grid = await mountGrid(
      await storeWith([
        ev('delivered', 'a', { contactName: 'Cara', address: 'cara@example.com', contactId: 'c1', at: 1 }),
        ev('opened', 'b', { contactName: 'Ann', address: 'ann@example.com', at: 2 }),
        ev('hard-bounce', 'd', { contactName: 'Dora', reason: '550 gone', at: 5 }),
      ]),
      'e1',
      { timeZone: 'America/New_York' },
    );
    grid.sortBy = 'contact';
    grid.applyFilter({ groups: ['delivered'] });
    await settled(grid);
    expect(lines(grid.csv())).to.deep.equal([
      HEADER,
      'Ann,ann@example.com,Delivered,Opened,no,,1,0,2025-12-31 19:02:00,b,',
      'Cara,cara@example.com,Delivered,Delivered,no,,0,0,2025-12-31 19:01:00,a,c1',
      '',
    ]);
    grid.applyFilter({ groups: ['final'] });
    await settled(grid);
    expect(lines(grid.csv())[1]).to.equal('Dora,,Not delivered,Hard Bounce,yes,550 gone,0,0,2025-12-31 19:05:00,d,');
  });

  it('exports every matching row, not only the rendered ones, with the optional columns', async () => {
    const events = Array.from({ length: 1000 }, (_, i) =>
      ev(i % 2 ? 'opened' : 'delivered', `r${i}`, { contactName: `P${i}`, provider: 'ses', emailType: 'news' }),
    );
    const grid = await mountGrid(await storeWith(events), 'e1', { columns: 'provider email-type' });
    grid.applyFilter({ responses: ['opened'] });
    await settled(grid);
    expect(rows(grid).length).to.be.below(30);
    const csv = lines(grid.csv());
    expect(csv[0]).to.equal(
      'Contact,Email address,Stage,Response,Final,Details,Opens,Clicks,Last response (UTC),Provider,Email type,Recipient id,Contact id',
    );
    expect(csv).to.have.length(1 + 500 + 1);
    expect(csv[1]).to.equal('P1,,Delivered,Opened,no,,1,0,2026-01-01 00:00:00,ses,news,r1,');
    expect(csv[500]).to.equal('P999,,Delivered,Opened,no,,1,0,2026-01-01 00:00:00,ses,news,r999,');
  });

  it('neutralizes cells a spreadsheet would run as formulas, and quotes what needs quotes', async () => {
    const names = [
      '=SUM(A1:A9)',
      '+1 555 0100',
      '-2+3',
      '@cmd',
      '\tTabbed',
      '\rReturn',
      'Smith, "Jo"',
      'line\nbreak',
      ' padded',
    ];
    const grid = await mountGrid(
      await storeWith(
        names.map((contactName, i) =>
          ev('delivered', `r${i}`, { contactName, ...(i === 0 ? { address: '=HYPERLINK("http://evil")' } : {}) }),
        ),
      ),
    );
    const cells = lines(grid.csv()).slice(1, -1);
    expect(cells.map((line) => line.slice(0, line.indexOf(',Delivered,Delivered')))).to.deep.equal([
      `'=SUM(A1:A9),"'=HYPERLINK(""http://evil"")"`,
      `'+1 555 0100,`,
      `'-2+3,`,
      `'@cmd,`,
      `'\tTabbed,`,
      `"'\rReturn",`,
      `"Smith, ""Jo""",`,
      `"line\nbreak",`,
      `" padded",`,
    ]);
  });

  it('quotes and neutralizes single cells, leaving numbers and plain text alone', () => {
    expect(csvCell('plain')).to.equal('plain');
    expect(csvCell(42)).to.equal('42');
    expect(csvCell('=1+1')).to.equal("'=1+1");
    expect(csvCell('a,b')).to.equal('"a,b"');
    expect(csvCell('say "hi"')).to.equal('"say ""hi"""');
    expect(csvCell('')).to.equal('');
  });

  it('gives the resend list: every soft-bounced recipient, whatever the filter', async () => {
    const grid = await mountGrid(
      await storeWith([
        ev('soft-bounce', 'a', {
          contactName: 'Ann',
          address: 'ann@example.com',
          contactId: 'c1',
          reason: 'mailbox full',
          at: 3,
        }),
        ev('opened', 'b', { contactName: 'Bob' }),
        ev('soft-bounce', 'c', { contactName: '=cmd', address: 'c@example.com', at: 4 }),
      ]),
    );
    grid.applyFilter({ responses: ['opened'] });
    await settled(grid);
    expect(grid.resendList().map((r) => r.recipientId)).to.deep.equal(['a', 'c']);
    expect(lines(grid.resendCsv())).to.deep.equal([
      'Contact,Email address,Details,Last response (UTC),Recipient id,Contact id',
      'Ann,ann@example.com,mailbox full,2026-01-01 00:03:00,a,c1',
      "'=cmd,c@example.com,,2026-01-01 00:04:00,c,",
      '',
    ]);
  });

  it('disables the resend button, saying "No soft bounces", while there are none, and enables it when one comes', async () => {
    const store = await storeWith([ev('opened', 'a', { contactName: 'Ann' })]);
    const grid = await mountGrid(store);
    const button = grid.shadowRoot!.querySelector<HTMLButtonElement>('[part~="resend-button"]')!;
    expect(button.disabled).to.equal(true);
    expect(button.textContent!.trim()).to.equal('No soft bounces');
    await store.ingest([ev('soft-bounce', 'b', { contactName: 'Bob', at: 2 })]);
    store.flush();
    await settled(grid);
    expect(button.disabled).to.equal(false);
    expect(button.textContent!.trim()).to.equal('Resend list (soft bounces)');
  });

  it('downloads the CSV through a Blob URL, with a byte-order mark, and adds nothing to the page', async () => {
    const grid = await mountGrid(await storeWith([ev('opened', 'a', { contactName: 'Ann' })]), 'spring/sale?');
    const original = {
      create: URL.createObjectURL,
      revoke: URL.revokeObjectURL,
      click: HTMLAnchorElement.prototype.click,
    };
    let blob: Blob | undefined;
    let clicked: HTMLAnchorElement | undefined;
    URL.createObjectURL = (b: Blob) => ((blob = b), 'blob:test');
    URL.revokeObjectURL = () => {};
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      clicked = this;
    };
    try {
      const before = document.body.innerHTML;
      grid.shadowRoot!.querySelector<HTMLButtonElement>('[part~="export-button"]')!.click();
      expect(document.body.innerHTML).to.equal(before);
    } finally {
      Object.assign(URL, { createObjectURL: original.create, revokeObjectURL: original.revoke });
      HTMLAnchorElement.prototype.click = original.click;
    }
    expect(clicked!.download).to.equal('spring-sale-audience.csv');
    expect(clicked!.isConnected).to.equal(false);
    expect(blob!.type).to.equal('text/csv;charset=utf-8');
    const bytes = new Uint8Array(await blob!.arrayBuffer());
    expect([...bytes.slice(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes)).to.equal(grid.csv());
  });

  it('writes times in the zone across a daylight-saving change', () => {
    const time = new TimeFormatter('en', 'Europe/Paris');
    expect(time.zoned(Date.UTC(2026, 2, 29, 0, 59, 59))).to.equal('2026-03-29 01:59:59');
    expect(time.zoned(Date.UTC(2026, 2, 29, 1, 0, 0))).to.equal('2026-03-29 03:00:00');
    expect(time.zoned(Date.UTC(2026, 9, 25, 0, 30))).to.equal('2026-10-25 02:30:00');
    expect(time.zoned(Date.UTC(2026, 9, 25, 1, 30))).to.equal('2026-10-25 02:30:00');
  });
});
