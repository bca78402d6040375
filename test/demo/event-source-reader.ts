// Reads a mock backend's event stream with a real EventSource, the way a page does.

export interface SseMessage {
  /** The message's `id:`, the cursor after it. */
  cursor: number;
  /** Its data: a JSON array (events, or a provider's webhook items). */
  items: unknown[];
}

export interface SseReading {
  messages: SseMessage[];
  /** `error` events seen (a dropped connection fires one before EventSource reconnects). */
  errors: number;
}

/** The first `count` messages from `url`; `onMessage` hears the running count. */
export function readEventSource(url: string, count: number, onMessage?: (n: number) => void): Promise<SseReading> {
  return new Promise((resolve, reject) => {
    const source = new EventSource(url);
    const reading: SseReading = { messages: [], errors: 0 };
    const timer = setTimeout(() => {
      source.close();
      reject(new Error(`${url}: ${reading.messages.length} of ${count} messages came`));
    }, 15_000);
    source.addEventListener('error', () => reading.errors++);
    source.addEventListener('message', (message) => {
      reading.messages.push({
        cursor: Number(message.lastEventId),
        items: JSON.parse(message.data as string) as unknown[],
      });
      onMessage?.(reading.messages.length);
      if (reading.messages.length < count) return;
      clearTimeout(timer);
      source.close();
      resolve(reading);
    });
  });
}

/** Where each message's items start in the log: its cursor less its length. */
export const starts = (reading: SseReading) => reading.messages.map(({ cursor, items }) => cursor - items.length);

/** Waits (polling) until `condition` holds. */
export async function until(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
