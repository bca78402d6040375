import { html, nothing, type TemplateResult } from 'lit';
import type { Messages } from '../shared/messages';
import type { RowText } from './summary-chart';
import type { SummaryRow, SummarySection } from './summary-figures';

export interface TableInput {
  messages: Messages;
  caption: string;
  rows: readonly SummaryRow[];
  texts: ReadonlyMap<string, RowText>;
  chosen: string | null;
  /** The id of the hint the figure buttons are described by. */
  hintId: string;
  onChoose: (row: SummaryRow) => void;
}

/**
 * The same figures as the chart, as a table: the figure (a button that asks the grid for its
 * recipients), the count, the rate and what the rate is of. Section rows head each group.
 */
export function renderTable(input: TableInput): TemplateResult {
  const s = input.messages.summary;
  const titles: Record<SummarySection, string> = {
    funnel: s.funnel,
    machine: '',
    outcomes: s.outcomes,
    reasons: s.notSentReasons,
  };
  let previous: SummarySection | undefined;
  const body = input.rows.map((row) => {
    const heading = row.section !== previous && titles[row.section] !== '' ? titles[row.section] : undefined;
    previous = row.section;
    const text = input.texts.get(row.key)!;
    const chosen = input.chosen === row.key;
    return html`${
      heading !== undefined
        ? html`<tr class="section" part="section-row"><th colspan="4" scope="colgroup">${heading}</th></tr>`
        : nothing
    }<tr part=${chosen ? 'row chosen-row' : 'row'} class=${row.section} data-key=${row.key}>
        <th scope="row">
          <button type="button" part="step-button" aria-pressed=${chosen ? 'true' : 'false'} aria-describedby=${input.hintId} @click=${() => input.onChoose(row)}>
            ${text.label}
          </button>
        </th>
        <td class="number" part="count">${text.count}</td>
        <td class="number" part="rate">${text.rate}</td>
        <td part="of">${text.of}</td>
      </tr>`;
  });
  return html`<table part="table">
    <caption>${input.caption}</caption>
    <thead>
      <tr>
        <th scope="col">${s.headers.figure}</th>
        <th scope="col" class="number">${s.headers.count}</th>
        <th scope="col" class="number">${s.headers.rate}</th>
        <th scope="col">${s.headers.of}</th>
      </tr>
    </thead>
    <tbody>
      ${body}
    </tbody>
  </table>`;
}
