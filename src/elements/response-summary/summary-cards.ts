import { html, nothing, type TemplateResult } from 'lit';
import { isolated } from '../shared/bidi-text';
import type { Figure } from './report-figures';

/** A figure's words, formatted once per render. */
export interface FigureText {
  /** Its name: the same words as the grid's chip for its filter. */
  label: string;
  /** Its count (click-to-open: its rate). */
  value: string;
  /** The rate line ("89.1 % delivery rate") and what it is taken of, '' when none. */
  rate: string;
  of: string;
  /**
   * The rate as formatted inside `rate`, when the rate is the figure a marketer reads: it leads,
   * large, and the count follows in plain type ("358 of 895 delivered"). '' when the count leads.
   */
  lead: string;
  /** Total opens or clicks, '' when none. */
  total: string;
  /** Lines beneath: Not delivered's hard and soft bounces. */
  split: readonly string[];
  /** Other reports' name for the same rate, '' when none. */
  alias: string;
  /** Which recipients it counts. */
  help: string;
  /** Ids of more text that describes it (the note on opens), after the choose hint. */
  describedBy: string;
}

/**
 * The rate set large on a line of its own, and its name on the next ("93.1 %", "delivery rate"),
 * each line isolated: one isolate for both laid its block out left to right, so on a
 * right-to-left page the rate sat at the left of its name. The count line ("358 of 895
 * delivered") is one isolate: apart, a right-to-left page showed "of 895 delivered 358".
 */
function rateLines(rate: string, lead: string): TemplateResult {
  const at = rate.indexOf(lead);
  if (at < 0) return isolated(rate);
  const [before, after] = [rate.slice(0, at).trim(), rate.slice(at + lead.length).trim()];
  return html`${before ? isolated(before) : nothing} <bdi class="big">${lead}</bdi> ${after ? isolated(after) : nothing}`;
}

export interface CardsInput {
  figures: readonly Figure[];
  texts: ReadonlyMap<string, FigureText>;
  chosen: string | null;
  hintId: string;
  listLabel: string;
  onChoose: (figure: Figure) => void;
}

/**
 * The headline figures as a list of cards, each a button that shows its recipients in the grid
 * (aria-pressed while chosen). Where a rate is what a marketer reads (delivery, open, click,
 * unsubscribe, complaint and bounce rates), it leads, large, as in Mailchimp's and HubSpot's
 * reports, and the count follows in the text's own colour; Sent leads with its count and
 * click-to-open with its rate. The help says which rows a figure counts; it is the button's
 * description and its tooltip. Each text is isolated (`<bdi>`): its words, numbers and units
 * keep their own order on a right-to-left page ("33 clickers of 148 openers", not "clickers of
 * 148 openers 33"), while the card still lines up with the page. The eight cards sit in full
 * rows, 8, 4, 2 or 1 to a row by the report's width (no row of two under a row of six).
 */
export function renderCards(input: CardsInput): TemplateResult {
  return html`<div class="cards-box"><ul class="cards" part="cards" aria-label=${input.listLabel}>
    ${input.figures.map((figure) => {
      const text = input.texts.get(figure.key)!;
      const chosen = input.chosen === figure.key;
      return html`<li>
        <button
          type="button"
          class="card"
          part=${chosen ? 'card chosen-card' : 'card'}
          data-figure=${figure.key}
          aria-pressed=${chosen ? 'true' : 'false'}
          aria-describedby=${text.describedBy ? `${input.hintId} ${text.describedBy}` : input.hintId}
          title=${text.help}
          @click=${() => input.onChoose(figure)}
        >
          <span class="card-label" part="card-label">${isolated(text.label)}</span>
          ${
            text.lead
              ? html`<span class="card-rate lines" part="card-rate">${rateLines(text.rate, text.lead)}</span>
                <span class="card-count"><bdi><span class="card-value" part="card-value">${text.value}</span>
                ${text.of ? html`<span class="card-of" part="card-of">${text.of}</span>` : nothing}</bdi></span>`
              : html`<span class="card-value big" part="card-value">${isolated(text.value)}</span>
                ${text.rate ? html`<span class="card-rate" part="card-rate">${isolated(text.rate)}</span>` : nothing}`
          }
          ${text.total ? html`<span class="card-total muted" part="card-total">${isolated(text.total)}</span>` : nothing}
          ${text.split.map((line) => html`<span class="card-split">${isolated(line)}</span>`)}
          ${text.alias ? html`<span class="card-alias muted">${isolated(text.alias)}</span>` : nothing}
        </button>
      </li>`;
    })}
  </ul></div>`;
}

export interface NotesInput {
  notes: readonly { figure: Figure; text: string; help: string }[];
  chosen: string | null;
  hintId: string;
  onChoose: (figure: Figure) => void;
}

/** Machine opens and opens before a bounce report: beside the cards, never in their rates. */
export function renderNotes(input: NotesInput): TemplateResult | typeof nothing {
  if (input.notes.length === 0) return nothing;
  return html`<ul class="notes" part="notes">
    ${input.notes.map(({ figure, text, help }) => {
      const chosen = input.chosen === figure.key;
      return html`<li>
        <button type="button" class="note" part=${chosen ? 'note chosen-note' : 'note'} data-figure=${figure.key} aria-pressed=${chosen ? 'true' : 'false'} aria-describedby=${input.hintId} title=${help} @click=${() => input.onChoose(figure)}>
          ${isolated(text)}
        </button>
      </li>`;
    })}
  </ul>`;
}
