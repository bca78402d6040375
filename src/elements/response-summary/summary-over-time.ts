import { html, nothing, svg, type TemplateResult } from 'lit';
import type { EngagementSeries } from '../../store/email-engagement';
import { isolated } from '../shared/bidi-text';
import type { SummaryMessages } from '../shared/summary-messages';

/** The chart's ranges: the first 24 h, 72 h, or every hour up to the last open or click. */
export type TimeRange = '24' | '72' | 'all';

export const TIME_RANGES: readonly TimeRange[] = ['24', '72', 'all'];

export interface OverTimeInput {
  series: EngagementSeries;
  range: TimeRange;
  messages: SummaryMessages;
  numbers: Intl.NumberFormat;
  /** A right-to-left page: time runs from the right, as the text does (SVG does not mirror by itself). */
  rtl: boolean;
  /**
   * The width the chart is laid out at, in CSS pixels: it draws at that size so its labels keep
   * their CSS size at any page width (a fixed drawing scaled to a phone shrank them to ~5 px).
   */
  width: number;
  /**
   * Hours from the send to now, by the store's clock: the lines stop at now. Drawn on to the
   * range's end, the hours still to come read as zero, an engagement that "died" (issue 10).
   */
  elapsedHours: number;
  onRange: (range: TimeRange) => void;
}

/** The width drawn at until the chart's own width is known (and where it cannot be measured). */
export const CHART_WIDTH = 720;
/** Drawn narrower than this, the axis labels would not fit beside the lines. */
const MIN_WIDTH = 200;
const HEIGHT = 150;
const LEFT = 34;
const BOTTOM = 18;
const TOP = 6;

/** Room each hour tick needs along the axis: "168 h" at 11 px is about 30 px, plus a gap. */
const TICK_SPACING = 64;

/** A tick every 1, 3, 6, 12, 24… hours, as many as fit the width (eight at most). */
function tickStep(hours: number, plotWidth: number): number {
  const most = Math.max(1, Math.min(8, Math.floor(plotWidth / TICK_SPACING)));
  for (const step of [1, 3, 6, 12, 24, 48, 168]) if (hours / step <= most) return step;
  return Math.ceil(hours / most / 168) * 168;
}

/** "2 h 10 min", "35 min". */
export function durationText(ms: number, messages: SummaryMessages): string {
  const minutes = Math.round(ms / 60_000);
  return messages.overTime.duration(Math.floor(minutes / 60), minutes % 60);
}

/**
 * Unique opens and clicks per hour since the send as an SVG line chart (lit `svg` templates,
 * classes for colours: no inline style), one image to assistive technology with its totals as
 * its name, the range buttons, the median time to first open, and the same figures as a table
 * behind a disclosure.
 */
export function renderOverTime(input: OverTimeInput): TemplateResult {
  const { series, messages: s, numbers } = input;
  const m = s.overTime;
  const hours = Math.max(1, series.opens.length);
  const max = Math.max(1, ...series.opens, ...series.clicks);
  const width = Math.max(MIN_WIDTH, Math.round(input.width));
  const mirror = (at: number) => (input.rtl ? width - at : at);
  const x = (hour: number) => mirror(LEFT + ((width - LEFT - 4) * (hour + 0.5)) / hours);
  const y = (count: number) => HEIGHT - BOTTOM - ((HEIGHT - BOTTOM - TOP) * count) / max;
  // The hour now runs in is drawn (its counts so far), none after it.
  const drawn = Math.max(0, Math.min(hours, Math.ceil(input.elapsedHours)));
  const line = (values: number[]) =>
    values
      .slice(0, drawn)
      .map((count, hour) => `${x(hour).toFixed(1)},${y(count).toFixed(1)}`)
      .join(' ');
  // A dot on the hour running now, while it is in the range: where the lines end, and all there
  // is to see in the first hour. Past the range's end the lines simply end with it.
  const now = (values: number[], kind: 'opens' | 'clicks') =>
    svg`<circle class=${`${kind} now`} cx=${x(drawn - 1).toFixed(1)} cy=${y(values[drawn - 1] ?? 0).toFixed(1)} r="3"></circle>`;
  const step = tickStep(hours, width - LEFT - 4);
  const ticks: number[] = [];
  for (let hour = 0; hour <= hours; hour += step) ticks.push(hour);
  const total = (values: number[]) => values.reduce((a, b) => a + b, 0);
  const label = m.chartLabel(
    m.ranges[input.range],
    numbers.format(total(series.opens)),
    numbers.format(total(series.clicks)),
  );
  const median = series.medianFirstOpenMs === null ? m.noOpens : m.median(durationText(series.medianFirstOpenMs, s));
  const rows = series.opens
    .map((opens, hour) => ({ hour, opens, clicks: series.clicks[hour]! }))
    .filter((r) => r.opens > 0 || r.clicks > 0);
  return html`<section class="over-time" part="over-time">
    <div class="section-head">
      <h3>${m.title}</h3>
      <div class="ranges" role="group" aria-label=${m.rangeLabel}>
        ${TIME_RANGES.map(
          (
            range,
          ) => html`<button type="button" class="range" part="range" data-range=${range} aria-pressed=${range === input.range ? 'true' : 'false'} @click=${() => input.onRange(range)}>
            ${isolated(m.ranges[range])}
          </button>`,
        )}
      </div>
    </div>
    <p class="muted median" part="median">${isolated(median)}</p>
    <svg class="chart" part="chart" role="img" aria-label=${label} viewBox=${`0 0 ${width} ${HEIGHT}`}>
      <line class="axis" x1=${mirror(LEFT)} y1=${HEIGHT - BOTTOM} x2=${mirror(width)} y2=${HEIGHT - BOTTOM}></line>
      ${svg`<text class="tick" x=${mirror(LEFT - 4)} y=${TOP + 8} text-anchor="end">${numbers.format(max)}</text>
        <text class="tick" x=${mirror(LEFT - 4)} y=${HEIGHT - BOTTOM} text-anchor="end">0</text>`}
      ${ticks.map((hour) => {
        // The last tick ends at the edge rather than centring on it, so its words are not cut.
        const anchor = hour === hours ? 'end' : 'middle';
        return svg`<text class="tick hour" x=${mirror(LEFT + ((width - LEFT - 4) * hour) / hours)} y=${HEIGHT - 4} text-anchor=${anchor}>${m.tick(hour)}</text>`;
      })}
      <polyline class="opens" points=${line(series.opens)}></polyline>
      <polyline class="clicks" points=${line(series.clicks)}></polyline>
      ${drawn === 0 || input.elapsedHours > hours ? nothing : [now(series.opens, 'opens'), now(series.clicks, 'clicks')]}
    </svg>
    <p class="legend muted"><span class="key opens-key"></span>${isolated(m.headers.opens)} <span class="key clicks-key"></span>${isolated(m.headers.clicks)}</p>
    <details class="as-table" part="over-time-table">
      <summary>${m.table}</summary>
      ${
        rows.length === 0
          ? html`<p class="muted">${m.noOpens}</p>`
          : html`<table>
            <thead>
              <tr><th scope="col">${m.headers.hour}</th><th scope="col" class="number">${m.headers.opens}</th><th scope="col" class="number">${m.headers.clicks}</th></tr>
            </thead>
            <tbody>
              ${rows.map((r) => html`<tr><th scope="row">${isolated(m.hour(r.hour))}</th><td class="number">${numbers.format(r.opens)}</td><td class="number">${numbers.format(r.clicks)}</td></tr>`)}
            </tbody>
          </table>`
      }
    </details>
  </section>`;
}
