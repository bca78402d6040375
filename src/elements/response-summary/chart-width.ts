import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { resizeObserver } from '../shared/observe-resize';

/**
 * The width, in CSS pixels, the over-time chart is laid out at, so it can draw at that size
 * (viewBox = its width) instead of scaling a fixed drawing: a scaled drawing shrinks its labels
 * with the page, to about 5 px on a phone. Renders the host again when the width changes.
 * Without ResizeObserver (jsdom, old engines) it keeps `fallback`, which draws as before.
 */
export class ChartWidth implements ReactiveController {
  private observer: ResizeObserver | undefined;
  private observed: Element | null = null;
  private measured = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    /** The chart in the host's current render, or null while none is shown. */
    private readonly chart: () => Element | null,
    private readonly fallback: number,
  ) {
    host.addController(this);
  }

  /** The chart's width to draw at: measured once laid out, the fallback until then. */
  get width(): number {
    return this.measured > 0 ? this.measured : this.fallback;
  }

  hostUpdated(): void {
    const chart = this.chart();
    if (chart === this.observed) return;
    if (this.observed) this.observer?.unobserve(this.observed);
    this.observed = chart;
    if (!chart) return;
    this.observer ??= resizeObserver((entries) => this.resized(entries));
    this.observer?.observe(chart);
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observed = null;
  }

  private resized(entries: ResizeObserverEntry[]): void {
    const width = Math.round(entries[entries.length - 1]!.contentRect.width);
    if (width <= 0 || width === this.measured) return;
    this.measured = width;
    this.host.requestUpdate();
  }
}
