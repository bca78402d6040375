// The reason a provider event shows: the provider's parts (status, code, diagnostic) on one line,
// each said once, the longest wording of a repeated part kept where the first one stood, clipped.
import { expect } from 'chai';
import { reasonText } from '../../../src/core/providers/collector';

describe('provider reason text', () => {
  it('joins the parts with "; " on one line, numbers as their text', () => {
    expect(reasonText('Bounce', 550, 'mailbox\n\t unavailable')).to.equal('Bounce; 550; mailbox unavailable');
  });

  it('drops a part another part already says, whatever its case', () => {
    expect(reasonText('550 User Unknown', 'user unknown')).to.equal('550 User Unknown');
    expect(reasonText('Blocked', 'blocked')).to.equal('Blocked');
  });

  it('puts a longer part in the place of the earlier part it repeats, whatever its case', () => {
    expect(reasonText('USER UNKNOWN', 'Mailbox full', '550 user unknown')).to.equal('550 user unknown; Mailbox full');
  });

  it('drops the later parts the longer part repeats too, and keeps the others in their order', () => {
    expect(reasonText('5.1.1', 'Hard', 'user unknown', 'Policy', '550 5.1.1 User Unknown')).to.equal(
      '550 5.1.1 User Unknown; Hard; Policy',
    );
  });

  it('has no reason when no part has text', () => {
    expect(reasonText()).to.equal(undefined);
    expect(reasonText(' \n ', null, {})).to.equal(undefined);
  });

  it('keeps 300 characters and clips a longer reason to 299 and an ellipsis', () => {
    const longest = 'x'.repeat(300);
    expect(reasonText(longest)).to.equal(longest);
    expect(reasonText(`${longest}y`)).to.equal(`${'x'.repeat(299)}…`);
    expect(reasonText('a'.repeat(200), 'b'.repeat(200))).to.equal(`${'a'.repeat(200)}; ${'b'.repeat(97)}…`);
  });
});
