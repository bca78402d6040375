import { css } from 'lit';

/**
 * The look the timeline and the summary share with the grid: the same `--email-responses-*`
 * properties with the same light and dark defaults, the notices and the buttons. Elements add
 * their own rules after it. Logical properties only, so right-to-left pages mirror.
 *
 * `color-scheme` (the page's, inherited, or the theme attribute's) names the scheme in use, so the
 * parts the browser draws (scrollbars, checkboxes, selects, the search field) match the colours
 * around them; a host page that themes the element dark on a light system sets `color-scheme: dark`
 * on it too.
 */
export const themeStyles = css`
  /*
   * Each colour is light-dark(light, dark): which one applies is the host's color-scheme, which
   * it inherits from the page (so a page that says "light" stays light on a dark OS, and one that
   * says "light dark" follows the OS), unless the theme attribute sets it.
   */
  :host {
    --_bg: var(--email-responses-background, light-dark(#ffffff, #1d1f23));
    --_text: var(--email-responses-text, light-dark(#1b1d21, #e8eaed));
    --_muted: var(--email-responses-muted, light-dark(#535a66, #a9b0bb));
    --_border: var(--email-responses-border, light-dark(#d4d8de, #3c4049));
    --_header-bg: var(--email-responses-header-background, light-dark(#f2f4f7, #262a31));
    --_accent: var(--email-responses-accent, light-dark(#1a56c4, #8ab4f8));
    --_accent-text: var(--email-responses-accent-text, light-dark(#ffffff, #10131a));
    /* A chosen chip: a tint with the theme's own text, so a host's accent cannot spoil the contrast. */
    --_pressed-bg: var(--email-responses-pressed-background, light-dark(#dfe8fa, #233556));
    --_hover: var(--email-responses-hover, light-dark(#eef3fc, #2b3240));
    --_warning: var(--email-responses-overdue, light-dark(#b3261e, #ff8a80));
    --_radius: var(--email-responses-radius, 6px);
    display: block;
    color: var(--_text);
    background: var(--_bg);
    font: var(--email-responses-font, 0.875rem/1.4 system-ui, sans-serif);
  }
  :host([theme='light']) {
    color-scheme: light;
  }
  :host([theme='dark']) {
    color-scheme: dark;
  }
  :host([theme='auto']) {
    color-scheme: light dark;
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
    background: var(--_pressed-bg);
    border-color: var(--_accent);
    box-shadow: inset 0 0 0 1px var(--_accent);
    color: var(--_text);
    font-weight: 600;
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
