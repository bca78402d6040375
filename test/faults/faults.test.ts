// Issue 9, part 1: every fault, each a test with a figure, in one page so the suite ends with one
// table: fault, events sent, applied, duplicates, rejected, lost (0), doubled (0). The faults live
// in the modules imported here (stream, transports, cache, tabs); this file checks and prints their table.
import { expect } from '@open-wc/testing';
import './stream-faults';
import './cache-faults';
import './tab-faults';
import './transport-faults';
import './state-faults';
import { faultRows, faultTable } from './fault-harness';

const FAULT_SUITES = [
  'faults in the stream',
  'faults of the IndexedDB cache',
  'two tabs racing for the stream',
  'two tabs writing one cache without tabs',
  'faults on WebSocket and polling transports',
  'faults of the state (issue 15)',
];

function testsOf(suite: Mocha.Suite): Mocha.Test[] {
  return [...suite.tests, ...suite.suites.flatMap(testsOf)];
}

describe('the fault table', () => {
  after(() => {
    console.log(`\nFaults (issue 9): nothing may be lost or counted twice\n\n${faultTable(faultRows).markdown}\n`);
  });

  it('has a row for every fault, none lost or doubled, and every event accounted for', function (this: Mocha.Context) {
    const { markdown, problems } = faultTable(faultRows);
    expect(problems, markdown).to.deep.equal([]);
    // Every fault test that ran (skipped ones name a bug) added exactly one row.
    const root = this.test!.parent!.parent!;
    const ran = root.suites
      .filter((suite) => FAULT_SUITES.includes(suite.title))
      .flatMap(testsOf)
      .filter((test) => !test.isPending());
    expect(ran.length).to.be.at.least(20);
    expect(
      faultRows.map((row) => row.fault),
      markdown,
    ).to.have.length(ran.length);
    expect(markdown.split('\n')).to.have.length(ran.length + 2);
  });
});
