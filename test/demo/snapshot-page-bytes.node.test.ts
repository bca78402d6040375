// The mock backend's snapshot pages as it writes them: straight into columns (a Planned row never
// an object) and straight into bytes. Both are only faster ways to the same answer: the rows a
// columnar page decodes to are the page's rows as objects, and the bytes are the UTF-8 of the
// text JSON.stringify writes.
import { deepStrictEqual, equal, ok } from 'node:assert/strict';
import { SNAPSHOT_COLUMNS, decodeColumns, type ColumnarBatch } from '../../src/core/index';
import { DemoBackend } from '../../demo/backend/backend';
import { EDGE_NAMES } from '../../demo/backend/contacts';
import { jsonBytesOf } from '../../demo/backend/json-bytes';
import { SnapshotColumnsWriter } from '../../demo/backend/snapshot-columns-writer';

const START = Date.UTC(2026, 2, 2, 9);
const text = (value: unknown) => new TextDecoder().decode(jsonBytesOf(value));

describe("the mock backend's snapshot pages", () => {
  it('are written as the bytes of the text JSON.stringify writes, escapes and all', () => {
    const odd = {
      names: EDGE_NAMES,
      emoji: '🦄 Unicorn Björk',
      controls: 'tab\there, quote " and backslash \\, nul \u0000, del \u007f',
      lone: '\ud800 alone',
      numbers: [0, -0, 1.5, 1e21, 1767225600000, NaN, Infinity, null],
      missing: undefined,
      holes: [undefined, true, false, [], {}],
    };
    equal(text(odd), JSON.stringify(odd));
    equal(text([]), '[]');
    equal(text('x'), '"x"');
  });

  it('decode from columns to the rows the page lists as objects, Planned rows and rows with events alike', () => {
    const backend = new DemoBackend({ audience: 3000, rate: 50_000, seed: 7, startTime: START });
    backend.jump(2);
    for (let i = 0; i < 20; i++) backend.tick(100);
    const ledger = backend.ledger;
    ok(ledger.state.recipients.size > 100, 'some recipients have events');
    for (const emailId of ['spring-sale', 'welcome-series']) {
      const plain = ledger.page(emailId, 0, 10, 2)!;
      const columns = ledger.columnsPage(emailId, 0, 10, 2)!;
      const decoded = decodeColumns(JSON.parse(text(columns.recipients)), SNAPSHOT_COLUMNS);
      ok(decoded.ok);
      deepStrictEqual(decoded.rejected, []);
      deepStrictEqual(decoded.rows, JSON.parse(JSON.stringify(plain.recipients)));
      deepStrictEqual({ ...columns, recipients: null }, { ...plain, recipients: null });
      equal(text(plain), JSON.stringify(plain));
    }
  });

  it('send each name of a columnar page once, in its dictionary', () => {
    const backend = new DemoBackend({ audience: 3000, rate: 0, seed: 7, startTime: START });
    const page = backend.ledger.columnsPage('spring-sale', 0, 0, 0)!;
    const names = (JSON.parse(text(page.recipients)) as ColumnarBatch).dictionaries!.contactName!;
    equal(new Set(names).size, names.length);
    ok(names.length < 1500, `${names.length} names for 3,000 rows`);
  });

  it("write each column's list as JSON.stringify would: nulls before a column's first value, none for a column no row has", () => {
    const writer = new SnapshotColumnsWriter(2);
    writer.planned('r1', 5, 'c1', 7, () => 'Ann', undefined);
    writer.add({ recipientId: 'r2', response: 'opened', at: 6, opens: 12, reason: 'x "q"', contactName: 'Bö' });
    writer.planned('r3', 5, 'c\u00e9', 7, () => 'Ann', 'a@x');
    const batch = {
      format: 'columns',
      version: 1,
      count: 3,
      dictionaries: { response: ['planned', 'opened'], reason: ['x "q"'], contactName: ['Ann', 'Bö'] },
      columns: {
        recipientId: ['r1', 'r2', 'r3'],
        response: [0, 1, 0],
        reason: [null, 0, null],
        contactId: ['c1', null, 'c\u00e9'],
        contactName: [0, 1, 0],
        address: [null, null, 'a@x'],
        at: [5, 6, 5],
        opens: [null, 12, null],
      },
    };
    equal(text(writer.batch()), JSON.stringify(batch));
    equal(
      text({ emailId: 'm1', recipients: writer.batch(), next: null }),
      JSON.stringify({ emailId: 'm1', recipients: batch, next: null }),
    );
  });
});
