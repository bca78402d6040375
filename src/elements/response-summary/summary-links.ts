import { html, nothing, type TemplateResult } from 'lit';
import type { LinkClicks } from '../../store/email-engagement';
import { csvCell } from '../../core/csv-cell';
import { isolated, ltr } from '../shared/bidi-text';
import type { SummaryMessages } from '../shared/summary-messages';
import type { Figure } from './report-figures';

/** Links shown; the CSV has them all. */
export const LINKS_SHOWN = 10;

export interface LinksInput {
  links: readonly LinkClicks[];
  /** Each link as a figure: its clickers, the grid's filter for them. */
  figureOf: (link: LinkClicks) => Figure;
  chosen: string | null;
  hintId: string;
  onChoose: (figure: Figure) => void;
  messages: SummaryMessages;
  numbers: Intl.NumberFormat;
  onDownload: () => void;
}

/** Every clicked URL with its unique clickers and total clicks, as CSV (RFC 4180, formula-safe cells). */
export function linksCsv(links: readonly LinkClicks[], messages: SummaryMessages): string {
  const h = messages.links.headers;
  const lines = [[h.url, h.unique, h.total].map(csvCell).join(',')];
  for (const link of links) lines.push([csvCell(link.url), link.rows.size, link.clicks].join(','));
  return lines.join('\r\n') + '\r\n';
}

/**
 * The clicked links, most unique clickers first: the top ten as a table (the URL as text in a
 * button that shows its clickers in the grid, never a live link from the data), and every one in
 * the CSV download.
 */
export function renderLinks(input: LinksInput): TemplateResult | typeof nothing {
  const m = input.messages.links;
  if (input.links.length === 0) return nothing;
  const shown = input.links.slice(0, LINKS_SHOWN);
  return html`<section class="links" part="links">
    <div class="section-head">
      <h3>${m.title}</h3>
      <button type="button" part="links-download" @click=${input.onDownload}>${isolated(m.download(input.numbers.format(input.links.length)))}</button>
    </div>
    <table part="links-table">
      <thead>
        <tr><th scope="col">${m.headers.url}</th><th scope="col" class="number">${m.headers.unique}</th><th scope="col" class="number">${m.headers.total}</th></tr>
      </thead>
      <tbody>
        ${shown.map((link) => {
          const figure = input.figureOf(link);
          const chosen = input.chosen === figure.key;
          return html`<tr data-url=${link.url}>
            <th scope="row" class="url">
              <button type="button" class="choose" part=${chosen ? 'choose chosen-choose' : 'choose'} data-figure=${figure.key} aria-pressed=${chosen ? 'true' : 'false'} aria-describedby=${input.hintId} @click=${() => input.onChoose(figure)}>${ltr(link.url, 'link-url')}</button>
            </th>
            <td class="number">${input.numbers.format(link.rows.size)}</td>
            <td class="number">${input.numbers.format(link.clicks)}</td>
          </tr>`;
        })}
      </tbody>
    </table>
    ${input.links.length > LINKS_SHOWN ? html`<p class="muted">${isolated(m.more(input.numbers.format(input.links.length - LINKS_SHOWN)))}</p>` : nothing}
  </section>`;
}
