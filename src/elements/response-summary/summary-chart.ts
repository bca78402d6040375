import { svg, html, type TemplateResult, type SVGTemplateResult } from 'lit';
import type { SummaryRow } from './summary-figures';

/** A row's words, formatted once per render and shared by the chart and the table. */
export interface RowText {
  label: string;
  count: string;
  /** The rate, or the message for no rate. */
  rate: string;
  /** "of 100 sent"; '' when the figure has no rate. */
  of: string;
  /** The bar's title and the row's line in the text alternative. */
  title: string;
}

export interface ChartInput {
  rows: readonly SummaryRow[];
  texts: ReadonlyMap<string, RowText>;
  /** The chart's text alternative. */
  label: string;
  rtl: boolean;
  chosen: string | null;
  onChoose: (row: SummaryRow) => void;
}

const WIDTH = 400;
const ROW = 34;
const GAP = 12;
const BAR = 9;
const INDENT = 16;

/**
 * One bar chart as SVG: a bar per figure, as long as its rate (Not sent: its share of all
 * recipients), with its label, count and rate written beside it. The SVG is one image to
 * assistive technology (role="img" with the figures as its text alternative); each bar's
 * <title> shows on hover. Bars answer a click; the table's buttons are the keyboard's way.
 * SVG does not mirror by itself, so positions are computed for the page's direction.
 */
export function renderChart(input: ChartInput, part: string): TemplateResult {
  let y = 0;
  let previous: SummaryRow['section'] | undefined;
  const bars: SVGTemplateResult[] = [];
  for (const row of input.rows) {
    if (previous !== undefined && row.section !== previous && row.section !== 'reasons') y += GAP;
    previous = row.section;
    bars.push(renderBar(row, input, y));
    y += ROW;
  }
  return html`<svg class="chart" part=${part} role="img" aria-label=${input.label} viewBox=${`0 0 ${WIDTH} ${Math.max(y, ROW)}`}>
    ${bars}
  </svg>`;
}

function renderBar(row: SummaryRow, input: ChartInput, y: number): SVGTemplateResult {
  const text = input.texts.get(row.key)!;
  const indent = row.section === 'reasons' ? INDENT : 0;
  const span = WIDTH - indent;
  const length = Math.max(0, Math.min(1, row.share)) * span;
  // A bar's start: the left edge, or the right one in a right-to-left page.
  const from = (offset: number, size: number) => (input.rtl ? WIDTH - offset - size : offset);
  // text-anchor start/end follow the text's direction, which the host's CSS direction sets.
  const labelX = input.rtl ? WIDTH - indent : indent;
  const valueX = input.rtl ? 0 : WIDTH;
  const kind = row.section === 'funnel' ? 'funnel' : row.section === 'machine' ? 'machine' : 'outcome';
  const classes = `bar-row ${kind}${input.chosen === row.key ? ' chosen' : ''}`;
  return svg`<g class=${classes} data-key=${row.key} @click=${() => input.onChoose(row)}>
    <title>${text.title}</title>
    <text class="bar-label" x=${labelX} y=${y + 13} text-anchor="start">${text.label}</text>
    <text class="bar-value" x=${valueX} y=${y + 13} text-anchor="end">${`${text.count} · ${text.rate}`}</text>
    <rect class="track" x=${from(indent, span)} y=${y + 19} width=${span} height=${BAR} rx="2"></rect>
    <rect class="bar" x=${from(indent, length)} y=${y + 19} width=${length} height=${BAR} rx="2"></rect>
  </g>`;
}
