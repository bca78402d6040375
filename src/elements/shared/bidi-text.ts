import { html, type TemplateResult } from 'lit';

/**
 * Bidi control characters (embeddings, overrides, isolates, marks). In an address or a reason
 * they make the text display as something else ("\u202Emoc.live@eve" shows as "eve@live.com"),
 * so data shows them as visible marks instead of obeying them.
 */
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** The text with every bidi control replaced by a visible `⟨U+202E⟩`. */
export function visibleControls(text: string): string {
  return text.replace(BIDI_CONTROLS, (c) => `⟨U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}⟩`);
}

/**
 * A left-to-right datum (address, URL, SMTP text, id) in any page direction: isolated with
 * `dir="ltr"`, so "emil.tanaka.7@" never shows as "@emil.tanaka.7" on a right-to-left page,
 * and with its bidi controls made visible.
 */
export function ltr(text: string, part?: string): TemplateResult {
  return html`<span class="ltr" dir="ltr" part=${part ?? 'ltr'} title=${visibleControls(text)}>${visibleControls(text)}</span>`;
}

/**
 * An email address as `ltr` shows it, where it may wrap (a timeline in a side panel): the only
 * break it offers is after the `@` (a `<wbr>`), so a line ends at "viktor.nakamura.1@" rather
 * than in the middle of the domain ("post.example.o" / "rg"). A part wider than the line alone
 * still breaks where the host's overflow-wrap lets it, rather than run out of the host.
 */
export function ltrAddress(text: string, part?: string): TemplateResult {
  const shown = visibleControls(text);
  const at = shown.lastIndexOf('@') + 1;
  return html`<span class="ltr" dir="ltr" part=${part ?? 'ltr'} title=${shown}>${
    at > 0 ? html`${shown.slice(0, at)}<wbr>${shown.slice(at)}` : shown
  }</span>`;
}

/** Text of unknown direction (a name): isolated, its own direction found from its letters. */
export function isolated(text: string): TemplateResult {
  return html`<bdi>${visibleControls(text)}</bdi>`;
}
