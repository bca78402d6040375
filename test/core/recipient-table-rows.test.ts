// The recipient table (recipient-table.ts): one record per recipient row, rows never removed or
// reordered. A new row has no response, no time and no text but its recipient id; the table grows
// by half again, or ahead of a page with `reserve`, and every row keeps all it holds through it.
// Text slots are made a block of rows at a time, when a row of the block is first given a text.
import { expect } from 'chai';
import {
  FINAL,
  FINAL_AT,
  FINAL_REASON,
  FIRST_AT,
  LAST_AT,
  META_AT,
  META_FIELDS,
  NON_FINAL,
  NON_FINAL_AT,
  OPENS,
  RECIPIENT_ID,
  RecipientTable,
  STRIDE,
  TEXT_STRIDE,
} from '../../src/core/recipient-table';

/** Everything row `row` holds: its record's bytes, its texts and its email. */
function contentOf(table: RecipientTable, row: number) {
  return {
    record: [...table.times.subarray(row * STRIDE, (row + 1) * STRIDE)],
    texts: Array.from({ length: TEXT_STRIDE }, (_, slot) => table.text(row, slot)),
    email: table.emailOf(row),
    fingerprints: [...table.fingerprints.subarray(row * STRIDE * 4 + 48, (row + 1) * STRIDE * 4)],
  };
}

/** Gives row `row` a value in every kind of field, different for every row. */
function fill(table: RecipientTable, row: number): void {
  const t = row * STRIDE;
  table.times[t + FINAL_AT] = 1000 + row;
  table.times[t + LAST_AT] = 2000 + row;
  table.ints[t * 2 + FINAL] = 3;
  table.ints[t * 2 + OPENS] = 10 + row;
  table.fingerprints[t * 4 + 48] = 500 + row;
  table.fingerprints[t * 4 + 63] = 600 + row;
  for (let m = 0; m < META_FIELDS.length; m++) table.setText(row, m, `${META_FIELDS[m]}-${row}`);
  table.setText(row, FINAL_REASON, `reason-${row}`);
}

describe('recipient table: rows', () => {
  it('a new row has no response, no time and no text but its recipient id, and its email', () => {
    const table = new RecipientTable();
    const row = table.add(7, 'r-1');
    expect(row).to.equal(0);
    expect(table.add(8, 'r-2')).to.equal(1);
    expect(table.size).to.equal(2);
    expect(table.response(row), 'no response').to.equal(-1);
    expect([FINAL, NON_FINAL].map((slot) => table.ints[row * STRIDE * 2 + slot])).to.deep.equal([-1, -1]);
    const times = [...table.times.subarray(0, 8)];
    expect(times, 'no final, non-final, first or last time, and no time for any text').to.deep.equal([
      Infinity,
      Infinity,
      Infinity,
      -Infinity,
      -Infinity,
      -Infinity,
      -Infinity,
      -Infinity,
    ]);
    expect(times[LAST_AT]).to.equal(-Infinity);
    expect(times[META_AT + META_FIELDS.length - 1]).to.equal(-Infinity);
    expect(table.emailOf(row)).to.equal(7);
    expect(table.emailOf(1)).to.equal(8);
    expect(table.recipientIdOf(row)).to.equal('r-1');
    expect(table.text(1, RECIPIENT_ID)).to.equal('r-2');
    expect(table.contactOf(row)).to.equal(undefined);
    expect(META_FIELDS.map((_, m) => table.metaOf(row, m))).to.deep.equal([undefined, undefined, undefined, undefined]);
  });

  it('a row shows its final response when it has one, else its best non-final one', () => {
    const table = new RecipientTable();
    const row = table.add(0, 'r-1');
    const i = row * STRIDE * 2;
    table.ints[i + NON_FINAL] = 2;
    expect(table.response(row)).to.equal(2);
    table.ints[i + FINAL] = 0; // the catalogue's first response can be a final one
    expect(table.response(row)).to.equal(0);
    table.ints[i + FINAL] = 5;
    expect(table.response(row)).to.equal(5);
  });

  it('reads a contact id and the other texts of a row, and its times stay apart from its neighbours', () => {
    const table = new RecipientTable();
    for (let n = 0; n < 3; n++) fill(table, table.add(n, `r-${n}`));
    expect(table.contactOf(1)).to.equal('contactId-1');
    expect(table.metaOf(2, 2)).to.equal('address-2');
    expect(table.metaOf(0, 3)).to.equal('provider-0');
    expect(table.times[STRIDE + FIRST_AT], 'untouched').to.equal(Infinity);
    expect(table.times[2 * STRIDE + NON_FINAL_AT]).to.equal(Infinity);
  });

  it('keeps every row whole as it grows by half again from 2 rows to 17 (2, 4, 7, 11, 17)', () => {
    const table = new RecipientTable(2);
    const before: ReturnType<typeof contentOf>[] = [];
    for (let n = 0; n < 12; n++) {
      const row = table.add(n * 3, `r-${n}`);
      fill(table, row);
      before.push(contentOf(table, row));
    }
    expect(table.size).to.equal(12);
    expect(table.capacity).to.equal(17);
    expect(table.email.length).to.equal(17);
    before.forEach((content, row) => expect(contentOf(table, row), `row ${row}`).to.deep.equal(content));
    // The three views still share one buffer after growing.
    table.ints[10 * STRIDE * 2 + OPENS] = 77;
    expect(table.fingerprints[10 * STRIDE * 4 + OPENS * 2]).to.equal(77);
    expect(table.times.buffer).to.equal(table.fingerprints.buffer);
  });

  it('grows only when full', () => {
    const table = new RecipientTable(4);
    for (let n = 0; n < 4; n++) table.add(0, `r-${n}`);
    expect(table.capacity).to.equal(4);
    table.add(0, 'r-4');
    expect(table.capacity).to.equal(7);
  });

  it('a table made for one row grows too', () => {
    const table = new RecipientTable(1);
    for (let n = 0; n < 3; n++) table.add(0, `r-${n}`);
    expect([table.size, table.capacity]).to.deep.equal([3, 4]);
    expect([0, 1, 2].map((row) => table.recipientIdOf(row))).to.deep.equal(['r-0', 'r-1', 'r-2']);
  });

  it('makes room ahead with reserve, keeping the rows, and never shrinks', () => {
    const table = new RecipientTable(4);
    for (let n = 0; n < 3; n++) fill(table, table.add(n, `r-${n}`));
    const before = [0, 1, 2].map((row) => contentOf(table, row));
    table.reserve(100);
    expect(table.capacity).to.equal(100);
    expect(table.size).to.equal(3);
    expect([0, 1, 2].map((row) => contentOf(table, row))).to.deep.equal(before);
    const times = table.times;
    table.reserve(10);
    table.reserve(100);
    expect(table.capacity, 'fewer rows than it has room for: nothing to do').to.equal(100);
    expect(table.times, 'nothing copied').to.equal(times);
    for (let n = 3; n < 100; n++) table.add(0, `r-${n}`);
    expect(table.times, 'a hundred rows fit without copying').to.equal(times);
    expect([0, 1, 2].map((row) => contentOf(table, row))).to.deep.equal(before);
  });

  it('makes no text slots for rows that have no text of their own (a cold start restores a million)', () => {
    const table = new RecipientTable(4);
    for (let n = 0; n < 5000; n++) table.addRow(0);
    expect(table.textBlocks(), 'rows added without an id').to.equal(0);
    table.setText(3000, FINAL_REASON, undefined);
    expect(table.textBlocks(), 'clearing an empty slot makes none').to.equal(0);
    table.setText(3000, FINAL_REASON, 'mailbox full');
    expect(table.textBlocks(), "the row's block of 1,024 rows").to.equal(1);
    expect(table.text(3000, FINAL_REASON)).to.equal('mailbox full');
    expect(table.text(2999, FINAL_REASON), 'its neighbour').to.equal(undefined);
    expect(table.text(4999, FINAL_REASON), 'a row of a block not made').to.equal(undefined);
    table.setText(3000, FINAL_REASON, undefined);
    expect(table.text(3000, FINAL_REASON), 'cleared').to.equal(undefined);
    const row = table.add(1, 'r-new');
    expect([row, table.recipientIdOf(row), table.textBlocks()]).to.deep.equal([5000, 'r-new', 2]);
  });
});
