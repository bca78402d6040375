import { expect } from '@open-wc/testing';
import {
  compileRules,
  failedHandOver,
  foldEvents,
  presendCascade,
  validateEvents,
  type ResponseEvent,
} from '../../src/core/index';
import { normalizeProviderEvents } from '../../src/core/providers/index';
import type { ServerRecipient } from '../../src/store/snapshot-page';
import { DemoBackend } from '../../demo/backend/backend';
import { Campaign } from '../../demo/backend/campaign';
import { EDGE_NAMES } from '../../demo/backend/contacts';
import { startMockBackend, type MockBackendController } from '../../demo/backend/mock-server';
import { toSendgrid } from '../../demo/backend/sendgrid-format';
import { readEventSource, starts, until, type SseReading } from './event-source-reader';

const START = Date.UTC(2026, 2, 2, 9);
const rules = compileRules();

/** Every event due on the campaign's clock, in wire format. */
function drain(campaign: Campaign, max = 1_000_000): ResponseEvent[] {
  const events: ResponseEvent[] = [];
  campaign.take(max, (ref, step) => events.push(campaign.event(ref, step)));
  return events;
}

describe('the demo campaign', () => {
  it('is the same campaign for the same seed, and another for another seed', () => {
    const run = (seed: number) => {
      const campaign = new Campaign({ audience: 500, seed, startTime: START });
      campaign.jump(80);
      return drain(campaign);
    };
    const first = run(7);
    expect(first.length).to.be.greaterThan(2000);
    expect(JSON.stringify(run(7))).to.equal(JSON.stringify(first));
    expect(JSON.stringify(run(8))).not.to.equal(JSON.stringify(first));
  });

  it('holds a 1,000,000-recipient audience without generating it upfront', () => {
    const campaign = new Campaign({ audience: 1_000_000, seed: 3, startTime: START });
    expect(campaign.audience).to.equal(1_000_000);
    expect(campaign.inFlight).to.equal(0);
    expect(Object.keys(campaign.presendCounts())).to.have.length(0);
    campaign.jump(0.05); // three minutes: 91 batches of 200 rows handed over
    const events = drain(campaign);
    const decided = Object.values(campaign.presendCounts()).reduce((sum, n) => sum + n, 0);
    expect(decided).to.equal(91 * 200);
    expect(events.length).to.be.within(decided, decided * 4);
    const last = campaign.event(999_999, 0);
    expect(last.recipientId).to.equal('r-999999');
    expect(last.contactId).to.equal('c-999999');
  });

  it('cancels duplicated addresses exactly as one cascade over the whole audience would', () => {
    const campaign = new Campaign({ audience: 20_000, seed: 5, startTime: START });
    const rows = Array.from({ length: 20_000 }, (_, r) => campaign.book.row(r, `r-${r}`));
    const whole = presendCascade(rows, { kind: 'bulk', emailType: 'newsletter', preventDuplicates: true });
    const failed = failedHandOver(whole.slice(1400, 1600)); // the outage batch
    const expected = [...whole.slice(0, 1400), ...failed, ...whole.slice(1600)].map((d) => d.response);
    const actual = rows.map((_, r) => campaign.decisionOf(r));
    expect(actual).to.deep.equal(expected);
    expect(actual.filter((response) => response === 'canceled-duplicate').length).to.be.greaterThan(50);
    expect(campaign.decisionOf(3)).to.equal('canceled-duplicate');
    expect(campaign.book.address(3)).not.to.equal(campaign.book.address(1));
    expect(campaign.book.address(3)!.toLowerCase()).to.equal(campaign.book.address(1)!.toLowerCase());
  });

  it('shows every pre-send response and the edge-case names within 100 recipients', () => {
    const campaign = new Campaign({ audience: 100, seed: 9, startTime: START });
    const responses = new Set(Array.from({ length: 100 }, (_, r) => campaign.decisionOf(r)));
    for (const response of [
      'sent-to-provider',
      'canceled-duplicate',
      'canceled-no-email',
      'canceled-incorrect-email',
      'canceled-invalid-email',
      'canceled-do-not-use-email',
      'canceled-unsubscribed-type',
      'limit-reached',
      'canceled-no-template',
    ]) {
      expect(responses, response).to.include(response);
    }
    const names = Array.from({ length: 40 }, (_, c) => campaign.book.name(c));
    expect(names).to.include('<img src=x onerror=alert(1)>');
    expect(names.filter((name) => EDGE_NAMES.includes(name)).length).to.be.greaterThan(5);
  });

  it('closes stale Sent to provider rows after 48 hours and stops the trigger email at its expiry', () => {
    const campaign = new Campaign({ audience: 200, seed: 1, startTime: START });
    campaign.jump(47);
    const early = drain(campaign);
    const folded = foldEvents(early);
    expect(folded.recipient('spring-sale', 'r-10')!.response).to.equal('sent-to-provider');
    expect(folded.recipient('spring-sale', 'r-4')!.response).to.equal('provider-delayed');
    campaign.jump(2);
    folded.apply(drain(campaign));
    expect(folded.recipient('spring-sale', 'r-10')).to.include({ response: 'unknown', final: true });
    expect(folded.recipient('spring-sale', 'r-4')).to.include({ response: 'soft-bounce', final: true });
    const trigger = early.filter((event) => event.emailId === 'welcome-series');
    expect(trigger.filter((event) => event.response === 'planned').length).to.be.greaterThan(100);
    expect(
      trigger.some((event) => event.response === 'canceled-duplicate'),
      'a duplicate within a launch',
    ).to.equal(true);
    campaign.jump(30);
    const late = drain(campaign);
    const expiresAt = campaign.trigger.expiresAt!;
    // Participants waiting to be sent are stopped at the expiry; those joining later, when they join.
    expect(
      late.filter((event) => event.response === 'stopped-expired' && event.at === expiresAt).length,
    ).to.be.greaterThan(0);
    const joinedLate = late.filter(
      (event) => event.emailId === 'welcome-series' && Number(event.at) > expiresAt && event.id.endsWith('/0'),
    );
    expect(joinedLate.length).to.be.greaterThan(5);
    expect(new Set(joinedLate.map((event) => event.response))).to.deep.equal(new Set(['stopped-expired']));
  });

  it('emits only events that pass validation, with every switch on', () => {
    const backend = new DemoBackend({
      audience: 2000,
      rate: 50_000,
      seed: 4,
      startTime: START,
      switches: { duplicates: true, reordering: true, lateBounces: true, providerFormat: true },
    });
    for (let tick = 0; tick < 400; tick++) {
      if (tick === 100) backend.jump(49);
      if (tick === 200) backend.jump(30);
      backend.tick(100);
    }
    const { feed } = backend;
    const events = feed.read(0, feed.main.length);
    expect(validateEvents(events, rules).rejected).to.deep.equal([]);
    const provider = normalizeProviderEvents('sendgrid', feed.readProvider(0, feed.provider.length));
    expect(provider.skipped).to.deep.equal([]);
    expect(provider.events.length).to.be.greaterThan(100);
    expect(validateEvents(provider.events, rules).rejected).to.deep.equal([]);
    const ids = events.map((event) => event.id);
    expect(new Set(ids).size, 'duplicates').to.be.lessThan(ids.length);
    // A late bounce is final unless an earlier final (an unsubscribe, a complaint) stands.
    const folded = foldEvents([...events, ...provider.events]);
    const lateBounces = events.filter((event) => event.id.endsWith('.late'));
    expect(lateBounces.length, 'late bounces').to.be.greaterThan(3);
    for (const bounce of lateBounces) {
      const steps = backend.campaign.steps(backend.campaign.refOf(bounce.emailId, bounce.recipientId));
      const earlier = steps.find(
        (step) =>
          (step.response === 'unsubscribed' || step.response === 'spam-complaint') && step.at <= Number(bounce.at),
      );
      expect(folded.recipient(bounce.emailId, bounce.recipientId)!.response).to.equal(
        earlier?.response ?? 'hard-bounce',
      );
    }
  });

  it('catches up with a jump: opens reach the report within seconds, then the chosen rate holds', () => {
    // 10,000 recipients at the demo's 200 events a second: in time order, the 49 hours a jump
    // passes start with about 30,000 sends and deliveries, minutes of feed before the first open.
    const backend = new DemoBackend({ audience: 10_000, rate: 200, seed: 7, startTime: START });
    for (let tick = 0; tick < 10; tick++) backend.tick(100);
    backend.jump(49);
    for (let tick = 0; tick < 50; tick++) backend.tick(100); // five seconds
    const { feed } = backend;
    const events = feed.read(0, feed.main.length);
    expect(events.filter((event) => event.response === 'opened').length).to.be.greaterThan(1000);
    expect(feed.lastAt).to.be.at.least(backend.campaign.clock - 60_000);
    // Caught up: the next second runs at the chosen rate again.
    const before = feed.main.length;
    backend.campaign.jump(1); // the clock alone, as the wall clock moves it
    for (let tick = 0; tick < 10; tick++) backend.tick(100);
    expect(feed.main.length - before).to.be.at.most(200);
  });

  it('gives a provider event the same id, recipient, response and time in SendGrid form', () => {
    const campaign = new Campaign({ audience: 300, seed: 2, startTime: START });
    campaign.jump(60);
    const fromProvider = drain(campaign).filter((event) => event.provider === 'sendgrid');
    const items = fromProvider.map((event) => toSendgrid(event)!);
    const { events, skipped } = normalizeProviderEvents('sendgrid', items);
    expect(skipped).to.deep.equal([]);
    const pick = ({ id, emailId, recipientId, response, at }: ResponseEvent) => ({
      id,
      emailId,
      recipientId,
      response,
      at,
    });
    expect(events.map(pick)).to.deep.equal(fromProvider.map(pick));
  });
});

describe('the mock backend over HTTP', () => {
  let server: MockBackendController;

  before(async () => {
    server = await startMockBackend({ audience: 2000, rate: 20_000, seed: 11, startTime: START });
    server.jump(2);
    await until(() => server.stats().cursor >= 5000, 'the first 5,000 events');
  });

  after(async () => {
    await server?.stop();
  });

  const logIds = (from: number, to: number) => server.backend.feed.read(from, to - from).map((event) => event.id);
  const idsOf = (reading: SseReading) =>
    reading.messages.flatMap(({ items }) => (items as ResponseEvent[]).map((event) => event.id));
  const lastCursor = (reading: SseReading) => reading.messages.at(-1)!.cursor;

  it('resumes an EventSource from ?lastEventId= without gaps or repeats', async () => {
    const first = await readEventSource('/api/stream', 3);
    expect(starts(first)[0]).to.equal(0);
    const second = await readEventSource(`/api/stream?lastEventId=${lastCursor(first)}`, 3);
    expect(starts(second)[0]).to.equal(lastCursor(first));
    expect([...idsOf(first), ...idsOf(second)]).to.deep.equal(logIds(0, lastCursor(second)));
  });

  it('resumes from the Last-Event-ID header, which wins over a stale ?lastEventId=', async () => {
    // Sent with fetch: Chromium adds an EventSource's own Last-Event-ID below the service worker.
    const response = await fetch('/api/stream?lastEventId=100', {
      headers: { accept: 'text/event-stream', 'Last-Event-ID': '1200' },
    });
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let text = '';
    while (!/\ndata: .*\n\n/.test(text)) text += (await reader.read()).value ?? '';
    await reader.cancel();
    const cursor = Number(/^id: (\d+)$/m.exec(text)![1]);
    const events = JSON.parse(/^data: (.*)$/m.exec(text)![1]!) as ResponseEvent[];
    expect(cursor - events.length).to.equal(1200);
    expect(events.map((event) => event.id)).to.deep.equal(logIds(1200, cursor));
  });

  it('drops open event streams mid-way, and EventSource reconnects without losing an event', async () => {
    const reading = await readEventSource('/api/stream?lastEventId=100', 12, (n) => {
      if (n === 2) server.dropConnection();
    });
    expect(reading.errors).to.equal(1);
    // Each message carries the log's events from where it starts to its cursor, none missing,
    // none repeated inside it.
    for (const message of reading.messages) {
      const start = message.cursor - message.items.length;
      expect(idsOf({ messages: [message], errors: 0 })).to.deep.equal(logIds(start, message.cursor));
    }
    // Each message goes on where the one before ended, but for the first after the drop, which
    // may start again from a cursor the page already had: Firefox resumes from the last event id;
    // Chromium's EventSource sends no Last-Event-ID below the service worker (see above), so it
    // starts again from the URL's. Never later than what the page has seen: no event is skipped.
    const from = starts(reading);
    expect(from[0]).to.equal(100);
    const restarts = from.flatMap((start, i) => (i > 0 && start !== reading.messages[i - 1]!.cursor ? [start] : []));
    expect(restarts.length).to.be.at.most(1);
    for (const start of restarts) expect(start).to.equal(100);
    // So the page, counting each event id once as the store does, has every event once, in order.
    const last = Math.max(...reading.messages.map(({ cursor }) => cursor));
    expect([...new Set(idsOf(reading))]).to.deep.equal(logIds(100, last));
  });

  it('pages NDJSON and poll answers by cursor', async () => {
    const response = await fetch('/api/stream.ndjson?cursor=1000');
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let text = '';
    while (!text.includes('\n')) text += (await reader.read()).value ?? '';
    await reader.cancel();
    const line = JSON.parse(text.slice(0, text.indexOf('\n'))) as { cursor: string; events: ResponseEvent[] };
    expect(Number(line.cursor)).to.equal(1000 + line.events.length);
    expect(line.events.map((event) => event.id)).to.deep.equal(logIds(1000, Number(line.cursor)));

    const page1 = (await (await fetch('/api/events?cursor=1000&limit=50')).json()) as {
      events: ResponseEvent[];
      cursor: string;
      more: boolean;
    };
    const page2 = (await (await fetch(`/api/events?cursor=${page1.cursor}&limit=50`)).json()) as typeof page1;
    expect(page1).to.include({ cursor: '1050', more: true });
    expect([...page1.events, ...page2.events].map((event) => event.id)).to.deep.equal(logIds(1000, 1100));
  });

  it('serves snapshot pages equal to folding the feed up to their cursor', async () => {
    server.setRate(0);
    try {
      for (const emailId of ['spring-sale', 'welcome-series']) {
        const page = (await (await fetch(`/api/snapshot?emailId=${emailId}&page=0`)).json()) as {
          cursor: string;
          providerCursor: string;
          next: string | null;
          recipients: ServerRecipient[];
        };
        expect(page.next).to.equal(null);
        const events: ResponseEvent[] = [];
        for (let cursor = 0; cursor < Number(page.cursor);) {
          const limit = Math.min(5000, Number(page.cursor) - cursor);
          const body = (await (await fetch(`/api/events?cursor=${cursor}&limit=${limit}`)).json()) as {
            events: ResponseEvent[];
            cursor: string;
          };
          events.push(...body.events);
          cursor = Number(body.cursor);
        }
        const feed = server.backend.feed;
        events.push(...normalizeProviderEvents('sendgrid', feed.readProvider(0, Number(page.providerCursor))).events);
        const folded = foldEvents(events);
        let seen = 0;
        for (const row of page.recipients) {
          const state = folded.recipient(emailId, row.recipientId);
          if (!state) {
            expect(row.response, row.recipientId).to.equal('planned');
            continue;
          }
          seen++;
          // The page carries raw counters: Opens without the open a click implies.
          const shownOpens = Math.max(row.opens ?? 0, (row.clicks ?? 0) > 0 ? 1 : 0);
          const pick = {
            response: row.response,
            at: row.at,
            opens: shownOpens,
            clicks: row.clicks,
            machineOpens: row.machineOpens,
            reason: row.reason,
          };
          const expected = {
            response: state.response,
            at: state.at,
            opens: state.opens,
            clicks: state.clicks,
            machineOpens: state.machineOpens,
            reason: state.reason,
          };
          expect(pick, row.recipientId).to.deep.equal(expected);
        }
        expect(seen, emailId).to.be.greaterThan(10);
      }
    } finally {
      server.setRate(20_000);
    }
  });

  it('fails every request as a network error while offline', async () => {
    server.setOffline(true);
    try {
      for (const url of ['/api/emails', '/api/events?cursor=0', '/api/snapshot?emailId=spring-sale']) {
        let failure: unknown;
        await fetch(url).catch((error: unknown) => (failure = error));
        expect(failure, url).to.be.instanceOf(TypeError);
      }
    } finally {
      server.setOffline(false);
    }
    expect((await fetch('/api/emails')).ok).to.equal(true);
  });

  it('lists the emails and the rules, and a contact’s events across emails', async () => {
    const { emails } = (await (await fetch('/api/emails')).json()) as {
      emails: { id: string; kind: string; audience: number }[];
    };
    expect(emails.map(({ id, kind }) => [id, kind])).to.deep.equal([
      ['spring-sale', 'bulk'],
      ['welcome-series', 'trigger'],
    ]);
    expect(((await (await fetch('/api/rules')).json()) as { version: string }).version).to.equal('spec-1');
    const contact = (await (await fetch('/api/contacts/c-6/events')).json()) as { events: ResponseEvent[] };
    expect(contact.events.length).to.be.greaterThan(2);
    expect(contact.events.every((event) => event.contactId === 'c-6')).to.equal(true);
    expect((await fetch('/api/contacts/c-99999999/events')).status).to.equal(404);
  });

  it('streams the provider-format share as SendGrid webhook bodies', async () => {
    server.switches.providerFormat = true;
    server.jump(3); // a few hours of opens and clicks to send
    try {
      await until(() => server.stats().providerCursor >= 20, 'provider-format events');
      const reading = await readEventSource('/api/webhooks/sendgrid/stream', 1);
      const [message] = reading.messages;
      expect(starts(reading)[0]).to.equal(0);
      const { events, skipped } = normalizeProviderEvents('sendgrid', message!.items);
      expect(skipped).to.deep.equal([]);
      expect(events.map((event) => event.id)).to.deep.equal(
        server.backend.feed.readProvider(0, message!.cursor).map((item) => `sendgrid:${item.sg_event_id}`),
      );
      expect(validateEvents(events, rules).rejected).to.deep.equal([]);
    } finally {
      server.switches.providerFormat = false;
    }
  });

  it('replays from an older cursor after a restart', async () => {
    const back = server.restart();
    const page = (await (await fetch('/api/events?cursor=3000&limit=10')).json()) as {
      events: ResponseEvent[];
      from: string;
    };
    expect(Number(page.from)).to.equal(3000 - back);
    expect(back).to.be.within(200, 800);
    expect(page.events.map((event) => event.id)).to.deep.equal(logIds(3000 - back, 3010 - back));
    const reading = await readEventSource('/api/stream?lastEventId=3000', 1);
    expect(starts(reading)[0]).to.equal(3000 - back);
    const again = (await (await fetch('/api/events?cursor=3000&limit=10')).json()) as { from: string };
    expect(again.from).to.equal('3000');
  });
});
