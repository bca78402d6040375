import { css } from 'lit';

/** The summary's own rules, after the shared theme. */
export const summaryStyles = css`
  :host {
    --_bar: var(--email-responses-bar, var(--_accent));
    --_bar-outcome: var(--email-responses-bar-outcome, #b3261e);
    --_bar-machine: var(--email-responses-bar-machine, #6b7280);
    --_track: var(--email-responses-bar-track, var(--_header-bg));
  }
  @media (prefers-color-scheme: dark) {
    :host {
      --_bar-outcome: var(--email-responses-bar-outcome, #ff8a80);
      --_bar-machine: var(--email-responses-bar-machine, #9aa0aa);
    }
  }
  figure {
    margin: 0 0 0.75rem;
  }
  figcaption,
  caption {
    margin-block-end: 0.4rem;
    font-weight: 600;
    text-align: start;
  }
  .charts {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-start;
    gap: 1rem 2rem;
  }
  .chart {
    flex: 1 1 16rem;
    max-inline-size: 30rem;
    block-size: auto;
    overflow: visible;
  }
  .chart text {
    fill: var(--_text);
    font-size: 12px;
  }
  .chart .bar-value {
    fill: var(--_muted);
    font-variant-numeric: tabular-nums;
  }
  .chart .bar-row {
    cursor: pointer;
  }
  .chart .track {
    fill: var(--_track);
  }
  .chart .bar {
    fill: var(--_bar);
  }
  .chart .outcome .bar {
    fill: var(--_bar-outcome);
  }
  .chart .machine .bar {
    fill: var(--_bar-machine);
  }
  .chart .chosen .track {
    stroke: var(--_accent);
    stroke-width: 1.5;
  }
  .chart .bar-row:hover .bar-label {
    text-decoration: underline;
  }
  table {
    border-collapse: collapse;
    min-inline-size: min(100%, 30rem);
  }
  th,
  td {
    padding: 0.2rem 0.6rem;
    border-block-end: 1px solid var(--_border);
    text-align: start;
  }
  thead th {
    background: var(--_header-bg);
  }
  .number {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  tbody th {
    font-weight: normal;
  }
  tbody th button {
    padding: 0.1rem 0.4rem;
    text-align: start;
  }
  tr.section th {
    padding-block-start: 0.6rem;
    font-weight: 600;
  }
  tr.reasons th {
    padding-inline-start: 1.6rem;
  }
  tr.machine th button,
  tr.machine td {
    color: var(--_muted);
  }
`;
