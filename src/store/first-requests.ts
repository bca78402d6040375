/**
 * The cache's first read as raw IndexedDB requests in one transaction: what opening the cache needs
 * and what its first rows need (first-read.ts says what each value is). Here, beside the store and
 * not in the cache's code, so that the store makes it as soon as the database opens, while that
 * code still loads (open-early.ts): a cold page's first rows then wait for the slower of the two,
 * not for one and then the other (issue 16).
 */

/** The first read's values, in the order they are asked for. */
export type FirstValues = [
  fold: unknown,
  rules: unknown,
  held: unknown,
  cursorKeys: IDBValidKey[],
  cursorValues: unknown[],
  emails: unknown[],
  firstKeys: IDBValidKey[],
  firstPages: unknown[],
  corrections: number,
  /** The last event record's key, if there is one. */
  lastEventKey: IDBValidKey | undefined,
];

/**
 * Reads the first values of `db`; rejects when the transaction cannot be made or fails (with its
 * error, or null when it was aborted without one).
 */
export function requestFirst(db: IDBDatabase): Promise<FirstValues> {
  return new Promise((resolve, reject) => {
    const tx = db.transaction(['fold', 'rules', 'cursors', 'emails', 'rows', 'corrections', 'events'], 'readonly');
    const store = (name: string) => tx.objectStore(name);
    const requests: IDBRequest[] = [
      store('fold').get('fold'),
      store('rules').get('rules'),
      store('rules').get('held'),
      store('cursors').getAllKeys(),
      store('cursors').getAll(),
      store('emails').getAll(),
      // The first row page alone: small, so a view paints within a frame or two.
      store('rows').getAllKeys(null, 1),
      store('rows').getAll(null, 1),
      store('corrections').count(),
    ];
    const last = store('events').openKeyCursor(null, 'prev');
    let lastEventKey: IDBValidKey | undefined;
    // Read as it lands: the cursor is not read once its transaction has ended.
    last.onsuccess = () => (lastEventKey = last.result?.key);
    tx.oncomplete = () => resolve([...requests.map((request) => request.result), lastEventKey] as FirstValues);
    tx.onabort = () => reject(tx.error);
  });
}
