import { html, nothing, type TemplateResult } from 'lit';
import type { Stage } from '../../core/stages';
import { isolated } from '../shared/bidi-text';
import type { Figure } from './report-figures';

export interface BreakdownStage {
  stage: Stage;
  figure: Figure;
  /** Its responses with recipients, in catalogue order. */
  responses: readonly Figure[];
}

export interface BreakdownInput {
  title: string;
  stages: readonly BreakdownStage[];
  labels: ReadonlyMap<string, string>;
  numbers: Intl.NumberFormat;
  chosen: string | null;
  hintId: string;
  /** Stages whose list is open. */
  open: ReadonlySet<Stage>;
  showStage: (stage: string, count: string) => string;
  onToggle: (stage: Stage, open: boolean) => void;
  onChoose: (figure: Figure) => void;
}

/**
 * The stages the cards do not tell (Not delivered, Awaiting provider, Not sent, Scheduled), each
 * once, with its count; opening one lists its responses with their counts. Awaiting provider and
 * Scheduled are in flight, not failures: they are drawn as pending (`data-tone`).
 */
export function renderBreakdown(input: BreakdownInput): TemplateResult | typeof nothing {
  const shown = input.stages.filter((s) => s.figure.count > 0);
  if (shown.length === 0) return nothing;
  const button = (figure: Figure, label: string) => {
    const chosen = input.chosen === figure.key;
    return html`<button type="button" class="choose" part=${chosen ? 'choose chosen-choose' : 'choose'} data-figure=${figure.key} aria-pressed=${chosen ? 'true' : 'false'} aria-describedby=${input.hintId} @click=${() => input.onChoose(figure)}>
      ${isolated(label)}
    </button>`;
  };
  return html`<section class="breakdown" part="breakdown">
    <h3>${input.title}</h3>
    ${shown.map(({ stage, figure, responses }) => {
      const label = input.labels.get(figure.key)!;
      const count = input.numbers.format(figure.count);
      const tone = stage === 'not-delivered' || stage === 'not-sent' ? 'problem' : 'pending';
      return html`<details class="stage" part="stage" data-stage=${stage} data-tone=${tone} ?open=${input.open.has(stage)} @toggle=${(event: Event) => input.onToggle(stage, (event.target as HTMLDetailsElement).open)}>
        <summary part="stage-summary"><span class="stage-name">${isolated(label)}</span><span class="stage-count">${isolated(count)}</span></summary>
        <ul class="responses">
          <li>${button(figure, input.showStage(label, count))}</li>
          ${responses.map((r) => html`<li>${button(r, input.labels.get(r.key)!)}<span class="response-count">${isolated(input.numbers.format(r.count))}</span></li>`)}
        </ul>
      </details>`;
    })}
  </section>`;
}
