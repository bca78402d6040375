// Which slots each row page holds: a small first page, then large ones (issue 16); pages of at
// most 256 rows keep the layout caches had before.
import { expect } from '@open-wc/testing';
import { pageOf, pageStart, sameLayout } from '../../../src/store/cache/page-layout';

describe('row page layout', () => {
  it('puts the first 256 slots on page 0 and 65,536 on each page after', () => {
    expect([0, 255, 256, 65_791, 65_792].map((slot) => pageOf(slot, 65_536))).to.deep.equal([0, 0, 1, 1, 2]);
    expect([0, 1, 2, 3].map((page) => pageStart(page, 65_536))).to.deep.equal([0, 256, 65_792, 131_328]);
  });

  it('keeps every page the same size when pages hold 256 rows or fewer', () => {
    expect([0, 49, 50, 149, 150].map((slot) => pageOf(slot, 50))).to.deep.equal([0, 0, 1, 2, 3]);
    expect([0, 1, 2].map((page) => pageStart(page, 50))).to.deep.equal([0, 50, 100]);
  });

  it('tells a cache written before the small first page apart when its pages were large', () => {
    const fold = { rulesVersion: 'v', watermark: 3, pageSize: 65_536 };
    expect(sameLayout(fold, 65_536), 'every page held 65,536 rows').to.equal(false);
    expect(sameLayout({ ...fold, firstPage: 256 }, 65_536)).to.equal(true);
    expect(sameLayout({ ...fold, firstPage: 2_000 }, 65_536), 'the first page of 2,000 rows before').to.equal(false);
    expect(sameLayout({ ...fold, pageSize: 200 }, 200), 'small pages: the same layout').to.equal(true);
    expect(sameLayout({ ...fold, pageSize: 1_000 }, 65_536)).to.equal(false);
  });
});
