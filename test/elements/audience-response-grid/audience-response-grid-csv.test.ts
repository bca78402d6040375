// The CSV export: exactly the current filtered and sorted view, every matching row, the time
// zone stated, formula injection neutralized; and the soft-bounce resend list.
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { csvCell } from '../../../src/elements/audience-response-grid/csv-export';
import { TimeFormatter } from '../../../src/elements/shared/time-format';
import { mountGrid, rows, settled } from './grid-fixtures';
import { recipientEvent as ev } from '../../support/events';
import { storeWith } from '../../support/store';

const HEADER =
  'Contact,Email address,Stage,Response,Final,Details,Opens,Clicks,Last response (America/New_York),Recipient id,Contact id';
const lines = (csv: string) => csv.split('\r\n');

interface Download {
  link: HTMLAnchorElement;
  blob: Blob;
}

/** Started downloads (link clicks) while `run` runs: the browser's own are replaced, then restored. */
let clicks = 0;
async function downloadsDuring(run: () => Promise<void>): Promise<Download[]> {
  const original = {
    create: URL.createObjectURL,
    revoke: URL.revokeObjectURL,
    click: HTMLAnchorElement.prototype.click,
  };
  const blobs = new Map<string, Blob>();
  const downloads: Download[] = [];
  clicks = 0;
  URL.createObjectURL = (blob: Blob) => {
    const url = `blob:test-${blobs.size}`;
    blobs.set(url, blob);
    return url;
  };
  URL.revokeObjectURL = () => {};
  HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
    clicks += 1;
    downloads.push({ link: this, blob: blobs.get(this.href)! });
  };
  try {
    await run();
  } finally {
    Object.assign(URL, { createObjectURL: original.create, revokeObjectURL: original.revoke });
    HTMLAnchorElement.prototype.click = original.click;
  }
  return downloads;
}

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
    expect(lines(await grid.csv())).to.deep.equal([
      HEADER,
      'Ann,ann@example.com,Delivered,Opened,no,,1,0,2025-12-31 19:02:00,b,',
      'Cara,cara@example.com,Delivered,Delivered,no,,0,0,2025-12-31 19:01:00,a,c1',
      '',
    ]);
    grid.applyFilter({ groups: ['final'] });
    await settled(grid);
    expect(lines(await grid.csv())[1]).to.equal(
      'Dora,,Not delivered,Hard Bounce,yes,550 gone,0,0,2025-12-31 19:05:00,d,',
    );
  });

  it('exports every matching row, not only the rendered ones, with the optional columns', async () => {
    const events = Array.from({ length: 1000 }, (_, i) =>
      ev(i % 2 ? 'opened' : 'delivered', `r${i}`, { contactName: `P${i}`, provider: 'ses', emailType: 'news' }),
    );
    const grid = await mountGrid(await storeWith(events), 'e1', { columns: 'provider email-type' });
    grid.applyFilter({ responses: ['opened'] });
    await settled(grid);
    expect(rows(grid).length).to.be.below(30);
    const csv = lines(await grid.csv());
    expect(csv[0]).to.equal(
      'Contact,Email address,Stage,Response,Final,Details,Opens,Clicks,Last response (UTC),Provider,Email type,Recipient id,Contact id',
    );
    expect(csv).to.have.length(1 + 500 + 1);
    expect(csv[1]).to.equal('P1,,Delivered,Opened,no,,1,0,2026-01-01 00:00:00,Amazon SES,News,r1,');
    expect(csv[500]).to.equal('P999,,Delivered,Opened,no,,1,0,2026-01-01 00:00:00,Amazon SES,News,r999,');
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
    const cells = lines(await grid.csv()).slice(1, -1);
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
    expect(lines(await grid.resendCsv())).to.deep.equal([
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
    const grid = await mountGrid(
      await storeWith([ev('opened', 'a', { contactName: 'Ann', emailId: 'spring/sale?' })]),
      'spring/sale?',
    );
    const before = document.body.innerHTML;
    const [download] = await downloadsDuring(async () => {
      grid.shadowRoot!.querySelector<HTMLButtonElement>('[part~="export-button"]')!.click();
      await waitUntil(() => clicks > 0, 'the Export button started no download');
    });
    expect(document.body.innerHTML).to.equal(before);
    expect(download!.link.download).to.equal('spring-sale-audience.csv');
    expect(download!.link.isConnected).to.equal(false);
    expect(download!.blob.type).to.equal('text/csv;charset=utf-8');
    const bytes = new Uint8Array(await download!.blob.arrayBuffer());
    expect([...bytes.slice(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes)).to.equal(await grid.csv());
  });

  // The CSV code loads on the first export, so the download follows the click a moment later:
  // a keyboard user's Enter on Export gets the file, and focus stays on the button.
  it('starts the download once the CSV code has loaded, after the key press, with focus kept on Export', async () => {
    const grid = await mountGrid(
      await storeWith([ev('opened', 'a', { contactName: 'Ann' }), ev('soft-bounce', 'b', { contactName: 'Bob' })]),
      'e1',
    );
    const button = grid.shadowRoot!.querySelector<HTMLButtonElement>('[part~="export-button"]')!;
    button.focus();
    const downloads = await downloadsDuring(async () => {
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => clicks > 0, 'Enter on Export started no download');
    });
    expect(downloads).to.have.length(1);
    expect(grid.shadowRoot!.activeElement).to.equal(button);
    const text = await downloads[0]!.blob.text();
    expect(lines(text.replace(/^\uFEFF/, '')).slice(1, -1)).to.deep.equal([
      'Ann,,Delivered,Opened,no,,1,0,2026-01-01 00:00:00,a,',
      'Bob,,Not delivered,Soft Bounce,yes,,0,0,2026-01-01 00:00:00,b,',
    ]);
    // The method says when: its promise resolves once the download has started, never before.
    const later = await downloadsDuring(async () => {
      const started = grid.downloadResendCsv();
      expect(clicks).to.equal(0);
      await started;
      expect(clicks).to.equal(1);
    });
    expect(later[0]!.link.download).to.equal('e1-resend.csv');
  });

  // A new user's review: Export CSV was enabled with no row shown and gave a file of headers only.
  it('makes Export CSV unavailable, saying why, while no row is shown, and available again with rows', async () => {
    const grid = await mountGrid(await storeWith([ev('opened', 'a', { contactName: 'Ann' })]));
    const button = grid.shadowRoot!.querySelector<HTMLButtonElement>('[part~="export-button"]')!;
    expect(button.getAttribute('aria-disabled')).to.equal(null);
    expect(button.title).to.equal('');
    grid.search = 'nobody';
    await settled(grid);
    expect(grid.rowCount).to.equal(0);
    expect(button.getAttribute('aria-disabled')).to.equal('true');
    expect(button.title).to.equal('No rows to export: no recipient is shown');
    // Still a Tab stop, so a keyboard user reaches it and hears the reason; a press does nothing.
    expect(button.disabled).to.equal(false);
    button.focus();
    const downloads = await downloadsDuring(async () => {
      button.click();
      await sendKeys({ press: 'Enter' });
      await new Promise((resolve) => setTimeout(resolve, 50));
    });
    expect(downloads).to.have.length(0);
    expect(grid.shadowRoot!.activeElement).to.equal(button);
    grid.search = '';
    await settled(grid);
    expect(button.getAttribute('aria-disabled')).to.equal(null);
    expect(button.title).to.equal('');
  });

  it('makes Export CSV unavailable for an email with no recipient yet', async () => {
    const grid = await mountGrid(await storeWith([ev('opened', 'a', { contactName: 'Ann' })]), 'other');
    const button = grid.shadowRoot!.querySelector<HTMLButtonElement>('[part~="export-button"]')!;
    expect(button.getAttribute('aria-disabled')).to.equal('true');
    expect(button.title).to.equal('No rows to export: no recipient is shown');
  });

  it('writes times in the zone across a daylight-saving change', () => {
    const time = new TimeFormatter('en', 'Europe/Paris');
    expect(time.zoned(Date.UTC(2026, 2, 29, 0, 59, 59))).to.equal('2026-03-29 01:59:59');
    expect(time.zoned(Date.UTC(2026, 2, 29, 1, 0, 0))).to.equal('2026-03-29 03:00:00');
    expect(time.zoned(Date.UTC(2026, 9, 25, 0, 30))).to.equal('2026-10-25 02:30:00');
    expect(time.zoned(Date.UTC(2026, 9, 25, 1, 30))).to.equal('2026-10-25 02:30:00');
  });
});
