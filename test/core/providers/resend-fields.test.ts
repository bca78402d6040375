// What a Resend event's fields become: the svix-id as event id (not for a list of events), the
// time, the tags the id finders see in both of Resend's shapes, the clicked link, and the reason of
// a bounce, a failure and a suppression.
import { expect } from 'chai';
import { normalizeProviderEvents, type ProviderEventInfo } from '../../../src/core/providers/index';

const JANE = 'jane.doe@example.com';
const EMAIL = '56761188-7520-42d8-8898-ff6fc54ce618';
const body = (type: string, data: Record<string, unknown> = {}, createdAt?: string): Record<string, unknown> => ({
  type,
  ...(createdAt === undefined ? {} : { created_at: createdAt }),
  data: { email_id: EMAIL, to: [JANE], ...data },
});
const at = '2024-09-23T12:15:03.101Z';
const first = (type: string, data?: Record<string, unknown>) =>
  normalizeProviderEvents('resend', body(type, data, at)).events[0]!;

function infoOf(data: Record<string, unknown>): ProviderEventInfo {
  const seen: ProviderEventInfo[] = [];
  normalizeProviderEvents('resend', body('email.delivered', data, at), {
    emailId: (_raw, info) => {
      seen.push(info);
      return undefined;
    },
  });
  return seen[0]!;
}

describe('Resend: ids', () => {
  it('takes the svix-id header as the event id of a single event', () => {
    const { events } = normalizeProviderEvents('resend', body('email.delivered', {}, at), {
      headers: { 'Svix-Id': 'msg_2W2D3qXLS5fOaPja1GDg7rF2CwB' },
    });
    expect(events[0]).to.include({ id: 'resend:msg_2W2D3qXLS5fOaPja1GDg7rF2CwB', emailId: EMAIL });
  });

  it('hashes the content of each event of a list a host put together, since one header cannot name them all', () => {
    const list = [body('email.sent', {}, at), body('email.delivered', {}, at)];
    const { events } = normalizeProviderEvents('resend', list, { headers: { 'svix-id': 'msg_1' } });
    expect(events).to.have.length(2);
    for (const event of events) expect(event.id).to.match(/^resend:h[0-9a-f]{16}$/);
    expect(events[0]!.id).not.to.equal(events[1]!.id);
  });
});

describe('Resend: time and link', () => {
  it("takes the event's created_at, else the click's timestamp", () => {
    expect(first('email.delivered').at).to.equal(Date.parse(at));
    const click = { link: 'https://shop.example.com/sale', timestamp: '2024-09-23T13:02:25.570Z' };
    const { events } = normalizeProviderEvents('resend', body('email.clicked', { click }));
    expect(events[0]).to.include({ at: Date.parse('2024-09-23T13:02:25.570Z'), url: click.link });
  });
});

describe('Resend: tags', () => {
  it('reads the webhook shape {name: value}', () => {
    expect(infoOf({ tags: { emailId: 'e-1', count: 3 } }).metadata).to.deep.equal({ emailId: 'e-1', count: '3' });
  });

  it('reads the send API shape [{name, value}], keeping the first value of a name and leaving out halves', () => {
    const tags = [
      { name: 'emailId', value: 'e-1' },
      { name: 'emailId', value: 'e-2' },
      { name: 'campaign' },
      { value: 'orphan' },
      'loose',
    ];
    expect(infoOf({ tags }).metadata).to.deep.equal({ emailId: 'e-1' });
    expect(first('email.delivered', { tags }).emailId).to.equal('e-1');
  });

  it('has no metadata without tags', () => {
    expect(infoOf({}).metadata).to.deep.equal({});
    expect(infoOf({}).type).to.equal('email.delivered');
  });
});

describe('Resend: the reason', () => {
  it('names a bounce by type/subType and its message', () => {
    const bounce = { type: 'Permanent', subType: 'General', message: 'no such mailbox' };
    expect(first('email.bounced', { bounce }).reason).to.equal('Permanent/General; no such mailbox');
  });

  it('names a bounce by its type alone when it has no subType, and by its message alone when it has no type', () => {
    expect(first('email.bounced', { bounce: { type: 'Transient', message: 'try later' } }).reason).to.equal(
      'Transient; try later',
    );
    expect(first('email.bounced', { bounce: { subType: 'General', message: 'gone' } }).reason).to.equal('gone');
    expect(first('email.bounced').reason).to.equal(undefined);
  });

  it('never shows "undefined" for a blank bounce type or a subType that is not text', () => {
    const blank = { type: ' ', subType: 'General', message: 'gone' };
    expect(first('email.bounced', { bounce: blank }).reason).to.equal('gone');
    const odd = { type: 'Permanent', subType: { code: 1 }, message: 'gone' };
    expect(first('email.bounced', { bounce: odd }).reason).to.equal('Permanent; gone');
  });

  it('gives a failure its reason and a suppression its type and message', () => {
    expect(first('email.failed', { failed: { reason: 'reached_daily_quota' } }).reason).to.equal('reached_daily_quota');
    const suppressed = { type: 'OnAccountSuppressionList', message: 'on your suppression list' };
    expect(first('email.suppressed', { suppressed }).reason).to.equal(
      'OnAccountSuppressionList; on your suppression list',
    );
  });

  it('gives other events no reason, whatever the data carries', () => {
    const data = { bounce: { type: 'Permanent' }, failed: { reason: 'x' }, suppressed: { type: 'y' } };
    for (const type of ['email.delivered', 'email.opened', 'email.sent']) {
      expect(first(type, data).reason, type).to.equal(undefined);
    }
  });
});
