// The email a contact was chosen from (the grid's email) is marked as the current one in the
// contact's timeline and brought into view: a contact with newer emails opened on another one
// (a new user's review: chosen in spring-sale's grid, the timeline led with welcome-series).
import { expect } from '@open-wc/testing';
import { storeWith } from '../../support/store';
import { emailIds, emailItem, history, mountTimeline, shadow } from './timeline-fixtures';

describe('<contact-response-timeline> current email', () => {
  it('marks the email named by email-id, and no other', async () => {
    const el = await mountTimeline(await storeWith(history(4)), 'big');
    expect(emailIds(el)).to.deep.equal(['m3', 'm2', 'm1', 'm0']);
    expect(shadow(el).querySelector('[aria-current]')).to.equal(null);
    el.emailId = 'm1';
    await el.updateComplete;
    expect(emailItem(el, 'm1').getAttribute('aria-current')).to.equal('true');
    expect(emailItem(el, 'm1').getAttribute('part')).to.equal('email current-email');
    expect(shadow(el).querySelectorAll('[aria-current]')).to.have.length(1);
    // The order stays newest first: the mark says which one, it does not move it.
    expect(emailIds(el)).to.deep.equal(['m3', 'm2', 'm1', 'm0']);
    expect(getComputedStyle(emailItem(el, 'm1')).borderInlineStartWidth).to.equal('3px');
    el.emailId = '';
    await el.updateComplete;
    expect(shadow(el).querySelector('[aria-current]')).to.equal(null);
  });

  it('scrolls the current email into view when the contact is chosen', async () => {
    const el = await mountTimeline(await storeWith(history(30)), 'big');
    el.style.cssText = 'display: block; block-size: 300px; overflow: auto';
    await el.updateComplete;
    expect(el.scrollTop).to.equal(0);
    el.emailId = 'm2';
    await el.updateComplete;
    const item = emailItem(el, 'm2').getBoundingClientRect();
    const box = el.getBoundingClientRect();
    expect(el.scrollTop, 'scrolled').to.be.greaterThan(0);
    expect(item.top >= box.top - 1 && item.bottom <= box.bottom + 1, 'm2 within the timeline').to.equal(true);
  });
});
