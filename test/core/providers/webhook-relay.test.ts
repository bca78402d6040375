// createEventRelay: the SSE end of a webhook endpoint, read as the store's SseSource reads it.
import { expect } from 'chai';
import type { ResponseEvent } from '../../../src/core/index';
import { createEventRelay } from '../../../src/providers/index';

const event = (n: number): ResponseEvent => ({
  id: `ev-${n}`,
  emailId: 'spring-sale',
  recipientId: `r-${n}`,
  response: 'delivered',
  at: 1772442000000 + n,
});

/** Reads SSE messages until `count` `data:` messages arrived, then cancels. */
async function read(response: Response, count: number): Promise<{ id: number; ids: string[] }[]> {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  const messages: { id: number; ids: string[] }[] = [];
  while (messages.length < count) {
    const { value, done } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
    let end: number;
    while ((end = text.indexOf('\n\n')) >= 0) {
      const block = text.slice(0, end);
      text = text.slice(end + 2);
      const id = /^id: (\d+)$/m.exec(block);
      const data = /^data: (.*)$/m.exec(block);
      if (id && data)
        messages.push({ id: Number(id[1]), ids: (JSON.parse(data[1]!) as ResponseEvent[]).map((e) => e.id) });
    }
  }
  await reader.cancel();
  return messages;
}

describe('createEventRelay', () => {
  it('streams published events with the cursor after each message, and live ones as they come', async () => {
    const relay = createEventRelay({ messageSize: 2 });
    relay.publish([event(1), event(2), event(3)]);
    const response = relay.stream(new Request('http://localhost/api/stream'));
    expect(response.headers.get('content-type')).to.equal('text/event-stream');
    const reading = read(response, 3);
    setTimeout(() => relay.publish([event(4)]), 10);
    expect(await reading).to.deep.equal([
      { id: 2, ids: ['ev-1', 'ev-2'] },
      { id: 3, ids: ['ev-3'] },
      { id: 4, ids: ['ev-4'] },
    ]);
  });

  it('resumes from Last-Event-ID or ?lastEventId=, and from the start for a cursor it never gave', async () => {
    const relay = createEventRelay();
    relay.publish([event(1), event(2), event(3)]);
    expect(
      await read(relay.stream(new Request('http://localhost/s', { headers: { 'Last-Event-ID': '2' } })), 1),
    ).to.deep.equal([{ id: 3, ids: ['ev-3'] }]);
    expect(await read(relay.stream(new Request('http://localhost/s?lastEventId=1')), 1)).to.deep.equal([
      { id: 3, ids: ['ev-2', 'ev-3'] },
    ]);
    expect(await read(relay.stream(new Request('http://localhost/s?lastEventId=99')), 1)).to.deep.equal([
      { id: 3, ids: ['ev-1', 'ev-2', 'ev-3'] },
    ]);
  });

  it('keeps the newest events only, and a client behind them starts at the oldest kept', async () => {
    const relay = createEventRelay({ keep: 2 });
    relay.publish([event(1), event(2), event(3)]);
    expect(relay.cursor).to.equal(3);
    expect(await read(relay.stream(new Request('http://localhost/s?lastEventId=0')), 1)).to.deep.equal([
      { id: 3, ids: ['ev-2', 'ev-3'] },
    ]);
  });
});
