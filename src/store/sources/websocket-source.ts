// A WebSocket stream. Each text message is one event, an array of events, or
// `{ "cursor": "...", "events": [...] }`. Every connection after the first with a known cursor
// carries it as the query parameter `cursor=<cursor>`.
import { ReconnectingSource, messageHead, oversizedReason, type Link, type Teardown } from './reconnecting-source';
import type { SourceOptions } from './source';
import { parseJson, unpackMessage, withQueryParam } from './unpack-message';

export interface WebSocketSourceOptions extends SourceOptions {
  protocols?: string | string[];
}

export const WEBSOCKET_CURSOR_PARAM = 'cursor';

export class WebSocketSource extends ReconnectingSource {
  readonly kind = 'websocket';
  readonly url: string;
  readonly #protocols: string | string[] | undefined;

  constructor(url: string, options: WebSocketSourceOptions = {}) {
    super(options);
    this.url = url;
    this.#protocols = options.protocols;
  }

  protected open(link: Link): Teardown {
    if (typeof WebSocket === 'undefined') throw new Error('WebSocket is not available here');
    const socket = new WebSocket(withQueryParam(this.url, WEBSOCKET_CURSOR_PARAM, this.cursor), this.#protocols);
    socket.binaryType = 'arraybuffer';
    const onMessage = (event: MessageEvent) => {
      if (!link.active) return;
      // Some servers send JSON in binary frames; read those as UTF-8 text too.
      const text = event.data instanceof ArrayBuffer ? new TextDecoder().decode(event.data) : event.data;
      if (typeof text !== 'string') {
        void link.malformed(String(text), 'expected a text message with JSON');
        return;
      }
      if (text.length > this.maxMessageChars) {
        void link.malformed(messageHead(text), oversizedReason(text.length, this.maxMessageChars));
        return;
      }
      const parsed = parseJson(text);
      if (!parsed.ok) {
        void link.malformed(text, parsed.reason);
        return;
      }
      const { items, cursor } = unpackMessage(parsed.value);
      void link.deliver(items, cursor);
    };
    const onOpen = () => link.opened();
    const onClose = (event: CloseEvent) =>
      link.failed(`the socket closed (code ${event.code}${event.reason ? `: ${event.reason}` : ''})`);
    const onError = () => link.failed('the socket failed');
    socket.addEventListener('open', onOpen);
    socket.addEventListener('message', onMessage);
    socket.addEventListener('close', onClose);
    socket.addEventListener('error', onError);
    return () => {
      socket.removeEventListener('open', onOpen);
      socket.removeEventListener('message', onMessage);
      socket.removeEventListener('close', onClose);
      socket.removeEventListener('error', onError);
      // CONNECTING (0) or OPEN (1); numbers, since a patched WebSocket may lack the constants.
      if (socket.readyState <= 1) socket.close(1000);
    };
  }
}
