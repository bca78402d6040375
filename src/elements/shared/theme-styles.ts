import { css } from 'lit';

/**
 * The look the timeline and the summary share with the grid: the same `--email-responses-*`
 * properties with the same light and dark defaults, the notices and the buttons. Elements add
 * their own rules after it. Logical properties only, so right-to-left pages mirror.
 *
 * `color-scheme` names the scheme in use, so the parts the browser draws (scrollbars, checkboxes,
 * selects, the search field) match the colours around them; a host page that themes the element
 * dark on a light system sets `color-scheme: dark` on it too.
 */
export const themeStyles = css`
  :host {
    --_bg: var(--email-responses-background, #ffffff);
    --_text: var(--email-responses-text, #1b1d21);
    --_muted: var(--email-responses-muted, #535a66);
    --_border: var(--email-responses-border, #d4d8de);
    --_header-bg: var(--email-responses-header-background, #f2f4f7);
    --_accent: var(--email-responses-accent, #1a56c4);
    --_accent-text: var(--email-responses-accent-text, #ffffff);
    --_hover: var(--email-responses-hover, #eef3fc);
    --_warning: var(--email-responses-overdue, #b3261e);
    --_radius: var(--email-responses-radius, 6px);
    color-scheme: light;
    display: block;
    color: var(--_text);
    background: var(--_bg);
    font: var(--email-responses-font, 0.875rem/1.4 system-ui, sans-serif);
  }
  @media (prefers-color-scheme: dark) {
    :host {
      --_bg: var(--email-responses-background, #1d1f23);
      --_text: var(--email-responses-text, #e8eaed);
      --_muted: var(--email-responses-muted, #a9b0bb);
      --_border: var(--email-responses-border, #3c4049);
      --_header-bg: var(--email-responses-header-background, #262a31);
      --_accent: var(--email-responses-accent, #8ab4f8);
      --_accent-text: var(--email-responses-accent-text, #10131a);
      --_hover: var(--email-responses-hover, #2b3240);
      --_warning: var(--email-responses-overdue, #ff8a80);
      color-scheme: dark;
    }
  }
  :host([hidden]) {
    display: none;
  }
  button,
  select,
  input {
    font: inherit;
    color: inherit;
  }
  button,
  select {
    padding: 0.25rem 0.6rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
  }
  button {
    cursor: pointer;
  }
  button:hover {
    background: var(--_hover);
  }
  button[aria-pressed='true'] {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_accent-text);
  }
  :focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 1px;
  }
  .status:empty {
    display: none;
  }
  .notice {
    margin: 0 0 0.5rem;
    padding: 0.4rem 0.6rem;
    border-inline-start: 3px solid var(--_border);
    background: var(--_header-bg);
  }
  .notice[data-kind='error'],
  .notice[data-kind='offline'] {
    border-inline-start-color: var(--_warning);
  }
  .muted {
    color: var(--_muted);
  }
  .final {
    padding-inline: 0.3rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    font-size: 0.75em;
    text-transform: uppercase;
    letter-spacing: 0.04em;
  }
  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
