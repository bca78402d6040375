// msw's worker does not pass a page's aborts on to the mocked response, so the tests watch the
// page side instead: the signals handed to fetch and the EventSources created.

export function spyOnFetchSignals(): { signals: AbortSignal[]; restore: () => void } {
  const original = globalThis.fetch;
  const signals: AbortSignal[] = [];
  globalThis.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    if (init?.signal) signals.push(init.signal);
    return original(input, init);
  };
  return { signals, restore: () => void (globalThis.fetch = original) };
}

export function spyOnEventSources(): { sources: EventSource[]; restore: () => void } {
  const Original = globalThis.EventSource;
  const sources: EventSource[] = [];
  globalThis.EventSource = class extends Original {
    constructor(url: string | URL, init?: EventSourceInit) {
      super(url, init);
      sources.push(this);
    }
  };
  return { sources, restore: () => void (globalThis.EventSource = Original) };
}
