// The report's email info: checked field by field, read from an endpoint that lists emails (the
// mock backend's GET /api/emails shape), and every problem answered with a reason.
import { expect } from '@open-wc/testing';
import { checkEmailInfo, fetchEmailInfo } from '../../src/store/email-info';

const listing = (body: unknown) => `data:application/json,${encodeURIComponent(JSON.stringify(body))}`;

describe('email info', () => {
  it('keeps the fields it knows, with the send time as epoch ms from a number, ISO text or startsAt', () => {
    expect(
      checkEmailInfo({
        id: 'x',
        name: 'Spring sale',
        subject: 'Hi',
        sender: 'Shop',
        sentAt: '2026-03-02T09:00:00Z',
        audience: 1000,
        kind: 'bulk',
      }),
    ).to.deep.equal({
      name: 'Spring sale',
      subject: 'Hi',
      sender: 'Shop',
      sentAt: Date.UTC(2026, 2, 2, 9),
      audience: 1000,
    });
    expect(checkEmailInfo({ startsAt: 5 })).to.deep.equal({ sentAt: 5 });
  });

  it('answers a reason for a field of the wrong kind', () => {
    expect(checkEmailInfo({ name: 3 })).to.equal('name must be text');
    expect(checkEmailInfo({ sentAt: 'yesterday' })).to.equal('sentAt must be epoch milliseconds or an ISO time');
    expect(checkEmailInfo({ audience: -1 })).to.equal('audience must be a whole number of at least 0');
    expect(checkEmailInfo(null)).to.equal('the email info must be an object');
  });

  it('reads one email from a listing, or says why it could not', async () => {
    const url = listing({
      emails: [
        { id: 'a', name: 'A', startsAt: 7, audience: 3 },
        { id: 'b', name: 'B' },
      ],
    });
    expect(await fetchEmailInfo(url, 'a')).to.deep.equal({ name: 'A', sentAt: 7, audience: 3 });
    expect(await fetchEmailInfo(url, 'zzz')).to.match(/does not list email "zzz"$/);
    expect(await fetchEmailInfo(listing({ nope: 1 }), 'a')).to.match(/has no emails list$/);
    expect(await fetchEmailInfo('data:application/json,{', 'a')).to.match(/could not be read/);
  });
});
