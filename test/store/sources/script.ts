// Scripted streams for the source tests that need no network.

export const ev = (id: string) => ({ id, emailId: 'e1', recipientId: 'r1', response: 'opened', at: 1 });

/** A factory that replays `script` from the cursor it is given and remembers the cursors asked. */
export function replay(script: { cursor: string; events: unknown[] }[], failAfter = Infinity) {
  const asked: (string | undefined)[] = [];
  let calls = 0;
  const factory = (cursor?: string) => {
    asked.push(cursor);
    const call = calls++;
    return (async function* () {
      const from = cursor === undefined ? 0 : script.findIndex((m) => m.cursor === cursor) + 1;
      for (let i = from; i < script.length; i++) {
        if (call === 0 && i >= failAfter) throw new Error('connection reset');
        yield script[i];
      }
      await new Promise(() => {}); // stays open like a live stream
    })();
  };
  return { factory, asked };
}
