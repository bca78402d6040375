import { css } from 'lit';

/**
 * The grid's own look, after the shared theme (themeStyles), which already styles the buttons,
 * chosen chips, notices, the final marker and the visually hidden live region. Hosts theme it
 * with the `--email-responses-*` custom properties (documented on the element) and the parts;
 * the `--_*` properties are internal. Logical properties throughout, so a right-to-left page mirrors it.
 */
export const gridStyles = css`
  :host {
    --_flash: var(--email-responses-flash, #fff1b8);
    --_overdue: var(--_warning);
  }
  @media (prefers-color-scheme: dark) {
    :host {
      --_flash: var(--email-responses-flash, #5c4b00);
    }
  }
  .toolbar,
  .chips {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
    padding-block-end: 0.5rem;
  }
  .toolbar .count {
    margin-inline-end: auto;
    color: var(--_muted);
  }
  input[type='search'] {
    min-inline-size: 14rem;
    padding: 0.3rem 0.5rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
  }
  button:focus-visible,
  input:focus-visible,
  [role='gridcell']:focus-visible,
  [role='columnheader'][tabindex]:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: -2px;
  }
  .chip .chip-count {
    margin-inline-start: 0.35rem;
    font-variant-numeric: tabular-nums;
  }
  .area {
    position: relative;
  }
  .updates {
    position: absolute;
    z-index: 3;
    inset-block-start: calc(var(--_row-height) + 0.5rem);
    inset-inline-start: 50%;
    translate: -50% 0;
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_accent-text);
    box-shadow: 0 2px 6px rgb(0 0 0 / 25%);
  }
  :host(:dir(rtl)) .updates {
    translate: 50% 0;
  }
  .scroller {
    position: relative;
    overflow: auto;
    block-size: var(--email-responses-height, 28rem);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    overscroll-behavior: contain;
  }
  .header,
  .row {
    display: grid;
    grid-template-columns: var(--_tracks);
    min-inline-size: var(--_min-width);
    block-size: var(--_row-height);
  }
  .header-group {
    position: sticky;
    inset-block-start: 0;
    z-index: 2;
    min-inline-size: var(--_min-width);
    background: var(--_header-bg);
    /* A shadow, not a border: the header must be exactly one row high for the arithmetic. */
    box-shadow: 0 1px 0 var(--_border);
  }
  [role='columnheader'] {
    display: flex;
    align-items: center;
    min-inline-size: 0;
    padding-inline: 0.25rem;
    font-weight: 600;
  }
  [role='columnheader'].numeric {
    justify-content: flex-end;
  }
  [role='columnheader'] > span {
    padding-inline: 0.5rem;
  }
  .sort {
    display: inline-flex;
    gap: 0.3rem;
    align-items: center;
    max-inline-size: 100%;
    padding-inline: 0.5rem;
    border: 0;
    background: transparent;
    font-weight: inherit;
  }
  .sort-icon {
    inline-size: 0.8em;
    color: var(--_muted);
  }
  .body {
    position: relative;
    contain: strict;
    min-inline-size: var(--_min-width);
  }
  .row {
    position: absolute;
    inset-inline: 0;
    inset-block-start: 0;
    box-sizing: border-box;
    border-block-end: 1px solid var(--_border);
    background: var(--_bg);
  }
  .row:hover {
    background: var(--_hover);
  }
  .row[data-flash] {
    animation: flash var(--_flash-duration, 900ms) ease-out;
  }
  @keyframes flash {
    from {
      background: var(--_flash);
    }
    to {
      background: var(--_bg);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .row[data-flash] {
      animation: none;
      background: var(--_flash);
    }
  }
  .cell {
    display: flex;
    align-items: center;
    gap: 0.4rem;
    min-inline-size: 0;
    padding-inline: 0.75rem;
    overflow: hidden;
    white-space: nowrap;
    text-overflow: ellipsis;
  }
  .cell.numeric {
    justify-content: flex-end;
    font-variant-numeric: tabular-nums;
  }
  .missing,
  .detail {
    color: var(--_muted);
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .overdue {
    color: var(--_overdue);
    font-weight: 600;
  }
`;
