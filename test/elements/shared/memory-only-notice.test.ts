// Issue 15, item 17: when the cache stops taking writes (quota exceeded) a reload does not start
// over: it restores what was saved and resumes the stream from there. The notice says so.
import { expect } from '@open-wc/testing';
import { messagesFor } from '../../../src/elements/shared/messages';
import { REASONS } from '../../../src/store/cache/failure-reasons';

describe('the memory-only notice', () => {
  it('says what a reload does: restores the saved responses and fetches the rest again, nothing lost', () => {
    const text = messagesFor('en').memoryOnly(REASONS.quota);
    expect(text).to.not.match(/starts over/);
    expect(text).to.include('IndexedDB quota exceeded');
    expect(text).to.match(/reload restores .*saved/i);
    expect(text).to.match(/nothing .*lost/i);
  });
});
