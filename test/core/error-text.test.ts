import { expect } from 'chai';
import { errorText } from '../../src/core/read-batch';

// errorText (src/core/validate.ts) quotes a thrown message in a rejection: at most 200 characters,
// then an ellipsis, so that a hostile provider cannot fill the rejection list with one huge message.

describe('errorText: what a thrown value says, cut at 200 characters', () => {
  it('keeps a message of exactly 200 characters whole', () => {
    const text = 'a'.repeat(200);
    expect(errorText(new Error(text))).to.equal(text);
  });

  it('cuts a message of 201 characters to 200 and an ellipsis', () => {
    expect(errorText(new Error(`${'b'.repeat(200)}c`))).to.equal(`${'b'.repeat(200)}…`);
  });

  it('keeps a short message as it is', () => {
    expect(errorText('no luck')).to.equal('no luck');
  });
});
