import { sleep } from '../faults/fault-harness';

/**
 * The JS heap in use after full collections. Asynchronous collections run from a task of their
 * own, with no stack: a synchronous gc() scans the caller's stack conservatively, and a stale word
 * there can keep a store alive.
 */
export async function measureHeap(): Promise<number> {
  const { gc } = window as unknown as { gc?: (options: { type: 'major'; execution: 'async' }) => Promise<void> };
  if (!gc) throw new Error('run with --js-flags=--expose-gc (test/faults-slow/web-test-runner.config.mjs)');
  for (let i = 0; i < 4; i++) {
    await gc({ type: 'major', execution: 'async' });
    await sleep(30);
  }
  return (performance as unknown as { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize;
}
