import type { ResponseStore } from '../../store/response-store';
import type { Messages } from './messages';

/** A line that says what is happening, and how it should look. */
export interface StatusNotice {
  kind: 'loading' | 'empty' | 'offline' | 'error' | 'info';
  text: string;
  /** A button after the text: "Retry now". */
  action?: { label: string; part: string; run: () => void };
}

/**
 * What the store's connection and cache mean for a view, in words; nothing when all is well.
 * `hasRows` tells whether the view has anything to show yet (then "connecting" is no news).
 */
export function storeNotices(store: ResponseStore, messages: Messages, hasRows: boolean): StatusNotice[] {
  const notices: StatusNotice[] = [];
  const { connection, cacheStatus: cache } = store;
  // Closed: what the connection and the cache last said is over; that it is closed is the news.
  if (cache.state === 'closed') return [{ kind: 'info', text: messages.storeClosed }];
  if (cache.state === 'opening' && !hasRows) notices.push({ kind: 'loading', text: messages.cacheOpening });
  switch (connection.state) {
    case 'connecting':
      if (!hasRows) notices.push({ kind: 'loading', text: messages.connecting });
      break;
    case 'retrying': {
      // Counted down from the store's next retry time: the view re-renders each second meanwhile.
      const left = store.nextRetryAt === undefined ? (connection.retryInMs ?? 0) : store.nextRetryAt - Date.now();
      notices.push({
        kind: 'error',
        text: messages.retrying(
          Math.max(1, Math.ceil(left / 1000 - 0.05)),
          Math.max(1, connection.attempt),
          connection.error,
        ),
        action: { label: messages.retryNow, part: 'button retry-button', run: () => store.retryNow() },
      });
      break;
    }
    case 'offline':
      notices.push({ kind: 'offline', text: messages.offline });
      break;
    case 'skipping':
      // A message too long to read is being thrown away: nothing new shows until it ends.
      notices.push({ kind: 'error', text: messages.skipping(connection.skippedChars ?? 0) });
      break;
    case 'closed':
      if (connection.error) notices.push({ kind: 'error', text: messages.closed(connection.error) });
      break;
  }
  if (cache.state === 'memory-only') notices.push({ kind: 'info', text: messages.memoryOnly(cache.reason) });
  return notices;
}

/**
 * The notices of a view of one email: no store, no email chosen, the store's own notices, then
 * "no recipients" (unless still loading) or "no match" when the filters hide every row.
 */
export function viewNotices(
  store: ResponseStore | undefined,
  messages: Messages,
  emailId: string,
  total: number,
  shown: number,
): StatusNotice[] {
  // What the host must do is said to the developer (on the console, by the element), not here.
  if (!store) return [{ kind: 'loading', text: messages.noStore }];
  if (!emailId) return [{ kind: 'empty', text: messages.noEmailId }];
  const notices = storeNotices(store, messages, total > 0);
  if (total === 0 && !notices.some((n) => n.kind === 'loading'))
    notices.push({ kind: 'empty', text: messages.noRecipients });
  else if (total > 0 && shown === 0) notices.push({ kind: 'empty', text: messages.noMatch });
  return notices;
}
