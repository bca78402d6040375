import { css } from 'lit';

/** The timeline's own rules, after the shared theme. */
export const timelineStyles = css`
  /*
   * The timeline may sit in a narrow side panel: long addresses, reasons and email ids wrap
   * anywhere rather than run out of the host. (No clip: focus rings at the edges stay whole.)
   */
  :host {
    min-inline-size: 0;
    overflow-wrap: anywhere;
  }
  select {
    max-inline-size: 100%;
    min-inline-size: 0;
  }
  .toolbar label {
    flex-wrap: wrap;
    max-inline-size: 100%;
  }
  .flags dl {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1.5rem;
    margin: 0 0 0.5rem;
  }
  /*
   * A flag's name and value never break inside a word (the host's overflow-wrap: anywhere would
   * make their min-content one letter wide, so "Valid" became "Vali/d"): the name keeps one line,
   * and when the panel is too narrow for both the value goes below it, wrapping between words.
   */
  .flags dl > div {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0 0.4rem;
    min-inline-size: 0;
    max-inline-size: 100%;
  }
  dt {
    flex: none;
    font-weight: 600;
    white-space: nowrap;
  }
  /*
   * A value with its cause ("no (Hard Bounce in welcome-series, Dec 7, …)") goes below its name
   * in a side panel: beside a short name it wrapped around it, unlike the flag above it.
   */
  dd {
    flex: 1 1 16rem;
    min-inline-size: 0;
    margin: 0;
    overflow-wrap: break-word;
  }
  dd.set,
  .warning {
    color: var(--_warning);
  }
  .warning {
    margin: 0 0 0.5rem;
    padding: 0.4rem 0.6rem;
    border-inline-start: 3px solid var(--_warning);
    background: var(--_header-bg);
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1rem;
    padding-block: 0.5rem;
    border-block-start: 1px solid var(--_border);
  }
  .toolbar label {
    display: inline-flex;
    align-items: center;
    gap: 0.4rem;
  }
  .toolbar .range {
    margin-inline-start: auto;
  }
  .emails,
  .events {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .email {
    padding-block: 0.6rem;
    border-block-start: 1px solid var(--_border);
  }
  /* The email the contact was chosen from: a bar at its start edge, in the accent colour. */
  .email[aria-current='true'] {
    padding-inline-start: 0.5rem;
    border-inline-start: 3px solid var(--_accent);
  }
  .email-head,
  .current {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.25rem 0.6rem;
    margin: 0;
  }
  .email-button {
    font-weight: 600;
  }
  .current {
    margin-block: 0.35rem;
  }
  .response {
    font-weight: 600;
  }
  .events {
    margin-inline-start: 0.4rem;
    padding-inline-start: 0.8rem;
    border-inline-start: 2px solid var(--_border);
  }
  .event {
    position: relative;
    display: flex;
    flex-wrap: wrap;
    gap: 0.15rem 0.5rem;
    padding-block: 0.1rem;
  }
  .event::before {
    content: '';
    position: absolute;
    inset-inline-start: calc(-0.8rem - 6px);
    inset-block-start: 0.55em;
    inline-size: 8px;
    block-size: 8px;
    border: 2px solid var(--_border);
    border-radius: 50%;
    background: var(--_bg);
    box-sizing: border-box;
  }
  .event.changed::before {
    border-color: var(--_accent);
    background: var(--_accent);
  }
  /* Only events that changed nothing are marked, and quietly. */
  .event:not(.changed) .explanation {
    color: var(--_muted);
    font-style: italic;
    font-size: 0.9em;
  }
  .event time {
    color: var(--_muted);
  }
  /*
   * In a narrow panel a time and a long response do not fit one line: rather than some events
   * wrapping and some not, every time goes above its response.
   */
  .emails {
    container-type: inline-size;
  }
  @container (max-width: 26rem) {
    .event time {
      flex-basis: 100%;
    }
    /* Its own direction is its text's (dir=auto), so "start" was the left: the page's start is the right. */
    :host(:dir(rtl)) .event time {
      text-align: right;
    }
  }
  .contact-header {
    margin-block-end: 0.5rem;
  }
  .contact-header p {
    margin: 0;
  }
  .contact-name {
    font-weight: 600;
    font-size: 1.1em;
  }
  .url {
    overflow-wrap: anywhere;
  }
  /* Sent to provider past the rules' limit: the backend owes a final response. */
  .overdue {
    color: var(--_warning);
  }
  .pager {
    display: block;
    margin-block: 0.5rem;
  }
`;
