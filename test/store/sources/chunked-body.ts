// A response body that really arrives in pieces, to cut NDJSON lines and batches where a
// network would.
const encoder = new TextEncoder();

/** Chunks `delayMs` apart, then the stream closes, errors (a reset connection) or stays open. */
export function chunkedBody(chunks: string[], end: 'close' | 'error' | 'open', delayMs = 5) {
  let i = 0;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      if (i < chunks.length) return controller.enqueue(encoder.encode(chunks[i++]));
      if (end === 'close') return controller.close();
      if (end === 'error') return controller.error(new Error('connection reset'));
      return new Promise<void>(() => {});
    },
  });
}
