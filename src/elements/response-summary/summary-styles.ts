import { css } from 'lit';

/** The summary's own rules, after the shared theme. */
export const summaryStyles = css`
  :host {
    --_problem: var(--email-responses-bar-outcome, #b3261e);
    --_pending: var(--email-responses-bar-machine, #6b7280);
    --_opens: var(--email-responses-bar, var(--_accent));
    --_clicks: var(--email-responses-bar-clicks, #b0600c);
  }
  @media (prefers-color-scheme: dark) {
    :host {
      --_problem: var(--email-responses-bar-outcome, #ff8a80);
      --_pending: var(--email-responses-bar-machine, #9aa0aa);
      --_clicks: var(--email-responses-bar-clicks, #f0a35e);
    }
  }
  .header {
    margin-block-end: 0.75rem;
  }
  .visually-hidden {
    margin: 0;
  }
  h2 {
    margin: 0;
    font-size: 1.25em;
    overflow-wrap: anywhere;
  }
  h3 {
    margin: 0 0 0.4rem;
    font-size: 1em;
  }
  .meta,
  .live {
    margin: 0.2rem 0 0;
    font-size: 0.875em;
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: 0 1rem;
    overflow-wrap: anywhere;
  }
  ul {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  /* The cards' width decides how many share a row: a container, so the report's own width counts,
     not the page's (the report is often a column of a CRM page). */
  .cards-box {
    container-type: inline-size;
    margin-block-end: 0.75rem;
  }
  .cards {
    display: grid;
    grid-template-columns: 1fr;
    gap: 0.5rem;
  }
  /* Eight cards in full rows of 2, 4 or 8: two a row from 18rem (a phone's report, about 330 px,
     would otherwise be eight cards stacked, a screen and a half), four from 44rem, eight from 86rem. */
  @container (min-width: 18rem) {
    .cards {
      grid-template-columns: repeat(2, minmax(0, 1fr));
    }
  }
  @container (min-width: 44rem) {
    .cards {
      grid-template-columns: repeat(4, minmax(0, 1fr));
    }
  }
  @container (min-width: 86rem) {
    .cards {
      grid-template-columns: repeat(8, minmax(0, 1fr));
    }
  }
  .card {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: 0.1rem;
    inline-size: 100%;
    block-size: 100%;
    padding: 0.6rem 0.75rem;
    background: var(--_header-bg);
    text-align: start;
  }
  .card-label {
    font-size: 0.875em;
    font-weight: 600;
  }
  /* The figure a marketer reads first: a rate, or Sent's count and click-to-open's rate. */
  .big {
    font-size: 1.6em;
    font-weight: 600;
    line-height: 1.2;
  }
  /* The rate on a line of its own, its name beneath: beside it, the name wrapped in a card of the
     eight-a-row layout. Each line starts at the card's start, whatever its own direction. */
  .lines {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
  }
  .lines .big {
    /* 1.6em of the card, inside a line set at 0.875em. */
    font-size: 1.83em;
  }
  .card-rate,
  .card-count,
  .card-total,
  .card-split {
    font-size: 0.875em;
    font-variant-numeric: tabular-nums;
  }
  .card-value.big + .card-rate,
  .card-total,
  .card-split,
  .card-alias {
    font-size: 0.8125em;
  }
  /* The count beside its base, in the text's own colour: a figure, not a footnote. */
  .card-count .card-value {
    font-weight: 600;
  }
  .card[aria-pressed='true'] .muted {
    color: inherit;
  }
  .opens-note {
    margin: 0 0 0.75rem;
    max-inline-size: 60rem;
    font-size: 0.8125em;
  }
  .notes {
    display: flex;
    flex-direction: column;
    gap: 0.3rem;
    margin-block-end: 0.75rem;
    font-size: 0.875em;
  }
  .note {
    border-style: dashed;
    text-align: start;
  }
  .breakdown {
    display: flex;
    flex-direction: column;
    gap: 0.3rem;
  }
  .stage {
    border: 1px solid var(--_border);
    border-inline-start: 4px solid var(--_pending);
    border-radius: var(--_radius);
    padding: 0.3rem 0.6rem;
  }
  .stage[data-tone='problem'] {
    border-inline-start-color: var(--_problem);
  }
  summary {
    display: flex;
    gap: 0.75rem;
    cursor: pointer;
  }
  summary::before {
    content: '▸';
  }
  /* A closed list's mark points the way the text runs. */
  summary:dir(rtl)::before {
    content: '◂';
  }
  details[open] > summary::before {
    content: '▾';
  }
  summary::-webkit-details-marker {
    display: none;
  }
  /* A closed list has no box at all: Chromium lays out the hidden content of a closed <details>
     where it would go, past the end of the report (found by geometry, never painted). */
  details:not([open]) > :not(summary) {
    display: none;
  }
  .stage-name {
    flex: 1;
  }
  .stage-count,
  .response-count {
    font-variant-numeric: tabular-nums;
  }
  .responses {
    display: flex;
    flex-direction: column;
    gap: 0.2rem;
    margin-block-start: 0.4rem;
  }
  .responses li {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 0.75rem;
  }
  .choose {
    padding: 0.1rem 0.4rem;
    text-align: start;
  }
  .panels {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 26rem), 1fr));
    gap: 0.75rem 1.5rem;
    margin-block-start: 0.75rem;
  }
  .section-head {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    justify-content: space-between;
    gap: 0.4rem 1rem;
  }
  .ranges {
    display: flex;
    gap: 0.3rem;
  }
  .range {
    padding: 0.1rem 0.5rem;
    font-size: 0.8125em;
  }
  /* The range shown has a check, not a second ring beside the focus ring (see the grid's chips). */
  .range[aria-pressed='true'] {
    box-shadow: none;
  }
  .range[aria-pressed='true']::before {
    content: '✓' / '';
    margin-inline-end: 0.3em;
  }
  .median,
  .legend {
    margin: 0.2rem 0;
    font-size: 0.8125em;
  }
  .over-time,
  .links {
    min-inline-size: 0;
  }
  .chart {
    display: block;
    inline-size: 100%;
    max-inline-size: 44rem;
    /* The drawing's height (HEIGHT in summary-over-time.ts), drawn 1:1 in CSS pixels at its
       measured width: a fixed height keeps a re-render from resizing the chart again. */
    block-size: 150px;
  }
  .chart .axis {
    stroke: var(--_border);
  }
  .chart .tick {
    fill: var(--_muted);
    font-size: 11px;
    /* "3 h" keeps its order on a right-to-left page: the label's own letters set its direction. */
    unicode-bidi: plaintext;
  }
  .chart polyline {
    fill: none;
    stroke-width: 2;
    stroke-linejoin: round;
  }
  .chart .opens {
    stroke: var(--_opens);
  }
  .chart .clicks {
    stroke: var(--_clicks);
  }
  .chart circle.opens {
    fill: var(--_opens);
  }
  .chart circle.clicks {
    fill: var(--_clicks);
  }
  .key {
    display: inline-block;
    inline-size: 0.9em;
    block-size: 0.2em;
    margin-inline: 0.5em 0.3em;
    vertical-align: middle;
  }
  .opens-key {
    background: var(--_opens);
  }
  .clicks-key {
    background: var(--_clicks);
  }
  .as-table summary {
    font-size: 0.875em;
  }
  table {
    border-collapse: collapse;
    inline-size: 100%;
    font-size: 0.875em;
  }
  th,
  td {
    padding: 0.15rem 0.5rem;
    border-block-end: 1px solid var(--_border);
    text-align: start;
  }
  tbody th {
    font-weight: normal;
  }
  .number {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  .url {
    overflow-wrap: anywhere;
  }
  /* The URLs take what the counts leave: on a phone they wrapped every 9 characters beside two
     wide count columns. */
  [part='links-table'] thead th:first-child {
    inline-size: 70%;
  }
  [part='links-table'] :is(th, td) {
    padding-inline: 0.3rem;
  }
`;
