import { css } from 'lit';

/**
 * The grid's own look, after the shared theme (themeStyles), which already styles the buttons,
 * chosen chips, notices, the final marker and the visually hidden live region. Hosts theme it
 * with the `--email-responses-*` custom properties (documented on the element) and the parts;
 * the `--_*` properties are internal. Logical properties throughout, so a right-to-left page mirrors it.
 */
export const gridStyles = css`
  /*
   * The host is the grid's box: a column whose scroller takes the height left after the bar and
   * the chips (its own --email-responses-height when the host's height is auto), and nothing
   * paints outside it, whatever the page does with the host's size.
   */
  :host {
    --_flash: var(--email-responses-flash, light-dark(#fff1b8, #5c4b00));
    display: flex;
    flex-direction: column;
    position: relative;
    overflow: clip;
    min-inline-size: 0;
    /* Narrow layouts follow the host's width, not the viewport's: it may sit in a side panel. */
    container: audience-grid / inline-size;
  }
  .toolbar,
  .chips {
    display: flex;
    flex: none;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
    /* Room for the focus rings of the controls at the edges: the host clips. */
    padding: 3px 3px 0.5rem;
  }
  .status {
    flex: none;
  }
  /*
   * The chips wrap, every one in sight wherever the grid has the room: a box bounded to three
   * lines hid the Response chips of an ordinary email behind a scroll bar even at 1440 px. Only
   * chips with rows are shown, so it is a few lines. A host too short for its chips and its rows
   * takes room from the chips first, down to one line; they then scroll up and down, a line at a
   * time, with a shade at the edge. A narrow grid has a line per group instead (below).
   */
  .chips {
    flex: 0 1 auto;
    /* A line of chips is 2rem high: a chip, a group's label, and the area at its least. */
    min-block-size: 2rem;
    overflow-y: auto;
    scrollbar-width: thin;
    scroll-snap-type: y mandatory;
    scroll-padding-block-start: 3px;
    /*
     * A shade at an edge with more chips past it: a phone's overlay scroll bar says nothing until
     * touched. The two covers scroll with the chips (local) and hide the shades (fixed to the box)
     * at the ends.
     */
    background:
      linear-gradient(var(--_bg) 40%, transparent) top / 100% 0.9rem no-repeat local,
      linear-gradient(transparent, var(--_bg) 60%) bottom / 100% 0.9rem no-repeat local,
      radial-gradient(farthest-side at 50% 0, var(--_shade), transparent) top / 100% 0.45rem no-repeat scroll,
      radial-gradient(farthest-side at 50% 100%, var(--_shade), transparent) bottom / 100% 0.45rem no-repeat scroll;
    --_shade: color-mix(in srgb, var(--_text) 35%, transparent);
  }
  /*
   * A group's label and its first chip never part at a line's end. The group itself lays out as
   * its contents (it stays a role=group for screen readers), so the chips of both kinds share
   * lines rather than each group starting a line of its own.
   */
  .chip-group,
  .chip-line {
    display: contents;
  }
  /* The label before the line is the narrow grid's (below); this one goes with the first chip. */
  .chip-group > .chip-group-label {
    display: none;
  }
  .chip-group-head {
    display: inline-flex;
    align-items: center;
    gap: 0.5rem;
    max-inline-size: 100%;
    min-inline-size: 0;
  }
  .chip-group-label {
    color: var(--_muted);
    font-size: 0.875em;
    font-weight: 600;
    line-height: 2rem;
    white-space: nowrap;
  }
  /* A line's start is a chip's or a label's: the snap points. */
  .chip-group-head,
  .chip {
    scroll-snap-align: start;
  }
  .chip {
    box-sizing: border-box;
    block-size: 2rem;
    max-inline-size: 100%;
    overflow: hidden;
    white-space: nowrap;
    text-overflow: ellipsis;
  }
  .chip-group-head .chip {
    min-inline-size: 0;
  }
  /*
   * A narrow grid (a phone, a side panel) gives each group one line that scrolls sideways, with
   * a shade at an edge that has more chips past it: wrapped in two lines, the Stage chips alone
   * filled them at 320 px and the Response chips were out of sight. All shares the Stage line.
   * The group's label stands before its line, out of the scroll: it scrolled away with the chips.
   * The chips let the line's shades through (the same colour as the host without them).
   */
  @container audience-grid (width <= 480px) {
    .chip-group,
    .chip-line {
      display: flex;
      gap: 0.5rem;
      min-inline-size: 0;
    }
    /* At the top, not centred: the label's line is the chips', whose line may have a scroll bar below. */
    .chip-group {
      flex: 1 1 8rem;
      align-items: start;
    }
    .chip-group > .chip-group-label {
      display: inline;
    }
    .chip-group-head {
      display: contents;
    }
    .chip-group-head > .chip-group-label {
      display: none;
    }
    .chip-line {
      flex: 1;
      /* Room for the chips' focus rings, which the line clips. */
      margin: -3px;
      padding: 3px;
      overflow-x: auto;
      overscroll-behavior-x: contain;
      scrollbar-width: thin;
      background:
        linear-gradient(90deg, var(--_bg) 40%, transparent) left / 0.9rem 100% no-repeat local,
        linear-gradient(270deg, var(--_bg) 40%, transparent) right / 0.9rem 100% no-repeat local,
        radial-gradient(farthest-side at 0, var(--_shade), transparent) left / 0.45rem 100% no-repeat scroll,
        radial-gradient(farthest-side at 100%, var(--_shade), transparent) right / 0.45rem 100% no-repeat scroll;
    }
    .chip-group + .chip-group {
      flex-basis: 100%;
    }
    .chip-group .chip {
      flex: none;
      max-inline-size: none;
    }
    .chip-group .chip:not([aria-pressed='true'], :hover) {
      background: transparent;
    }
  }
  @container audience-grid (width < 600px) {
    input[type='search'] {
      flex: 1 1 100%;
      min-inline-size: 0;
    }
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
  /* An unavailable button looks it (the theme's inherited colour would make it look like any other). */
  button:disabled,
  [aria-disabled='true'] {
    color: var(--_muted);
    cursor: default;
  }
  /*
   * A cell gets focus only from the grid's keys or a click, and either way the user must see
   * where the grid's position is: a ring on :focus, not only :focus-visible, drawn inside the
   * cell so the scroller never clips it.
   */
  [role='gridcell']:focus,
  [role='columnheader'][tabindex]:focus,
  .sort:focus {
    outline: 2px solid var(--_accent);
    outline-offset: -2px;
  }
  .chip .chip-count {
    margin-inline-start: 0.35rem;
    font-variant-numeric: tabular-nums;
  }
  /*
   * A chosen chip says so with a check before its label: with the shared pressed look alone (a
   * 2 px accent edge) it read as a second focus ring beside the real one. Its text keeps the
   * theme's colour, readable on any accent a host sets; the check is not read out (aria-pressed is).
   */
  .chip[aria-pressed='true'] {
    box-shadow: none;
  }
  .chip[aria-pressed='true']::before {
    content: '✓' / '';
    margin-inline-end: 0.3em;
  }
  .area {
    position: relative;
    display: flex;
    flex: 1 1 auto;
    flex-direction: column;
    /* As small as the scroller gets, so a short host shrinks the chips rather than push the rows out. */
    min-block-size: min(calc(2 * var(--_row-height) + 2px), 8rem);
  }
  .held {
    display: inline-flex;
    align-items: center;
    gap: 0.35rem;
    color: var(--_text);
  }
  .held button {
    padding-block: 0.1rem;
  }
  .sort-paused {
    color: var(--_muted);
    font-weight: 400;
    font-size: 0.85em;
  }
  .scroller {
    position: relative;
    flex: 1 1 auto;
    overflow: auto;
    block-size: var(--email-responses-height, 28rem);
    /* The header and at least one row, however short the host. */
    min-block-size: min(calc(2 * var(--_row-height) + 2px), 8rem);
    box-sizing: border-box;
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
    position: relative;
    display: flex;
    align-items: center;
    min-inline-size: 0;
    padding-inline: 0.25rem;
    font-weight: 600;
  }
  .header-label {
    min-inline-size: 0;
    overflow: hidden;
    white-space: nowrap;
    text-overflow: ellipsis;
  }
  /* A column's resize separator on its end edge: the pointer's grip, and focusable with F2 on the header. */
  .resize-handle {
    position: absolute;
    inset-block: 0;
    inset-inline-end: 0;
    inline-size: 0.5rem;
    cursor: col-resize;
    touch-action: none;
    border-inline-end: 1px solid var(--_border);
  }
  .resize-handle:hover {
    border-inline-end: 3px solid var(--_accent);
  }
  /* The focused separator (F2 on its header) is a filled bar in the accent colour, not a hairline. */
  .resize-handle:focus {
    outline: 2px solid var(--_accent);
    outline-offset: -2px;
    background: var(--_accent);
  }
  .cell-header > .header-label {
    padding-inline: 0.5rem;
  }
  .sort {
    display: inline-flex;
    min-inline-size: 0;
    gap: 0.3rem;
    align-items: center;
    max-inline-size: 100%;
    padding-inline: 0.25rem;
    border: 0;
    background: transparent;
    font-weight: inherit;
  }
  .sort-icon {
    inline-size: 0.8em;
    color: var(--_muted);
  }
  /* No room kept for an arrow a column does not show: "Opens" fits its column whole. */
  .sort-icon:empty {
    display: none;
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
  /*
   * The selected recipient: the chosen chip's tint (the theme's text keeps its contrast) and an
   * accent bar at the start edge, so it reads apart from the flash (a fading yellow) and from
   * the focus ring (an outline round one cell). The bar sits under the cells: the first cell's
   * ring and text (0.5rem in) draw over it. Forced colours keep it, as the system's Highlight.
   */
  .row[aria-selected='true'] {
    background: var(--_pressed-bg);
  }
  .row[aria-selected='true']::before {
    content: '';
    position: absolute;
    inset-block: 0;
    inset-inline-start: 0;
    inline-size: 4px;
    z-index: -1;
    background: var(--_accent);
    forced-color-adjust: none;
  }
  @media (forced-colors: active) {
    .row[aria-selected='true']::before {
      background: Highlight;
    }
  }
  /* Muted text on the flash's colour is too faint (dark: 3.8:1): a flashing row's is the text's. */
  .row[data-flash] {
    --_muted: var(--_text);
    animation: flash 900ms ease-out;
  }
  /* No end frame: it fades into the row's own background (plain, hovered or selected). */
  @keyframes flash {
    from {
      background: var(--_flash);
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
    /* The header's inset (0.25rem and its button's 0.25rem): a column's texts line up, and Response gains 8 px. */
    padding-inline: 0.5rem;
    overflow: hidden;
    white-space: nowrap;
    text-overflow: ellipsis;
  }
  /* A count's header and cells (nothing else has the class) end where its column does. */
  .numeric {
    justify-content: flex-end;
    font-variant-numeric: tabular-nums;
  }
  /*
   * The label and the details take their own direction (dir=auto), so a cut falls at the end of
   * their text in its reading direction, not at its start, on a right-to-left page too.
   */
  .label {
    min-inline-size: 2em;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  /*
   * The response's name is what the column is for: its details (a bounce's SMTP text, the wait,
   * the unsubscribe's scope) give up their room first, all of it, before the name loses a letter.
   */
  [data-column='response'] .detail {
    flex: 0 10000 auto;
    min-inline-size: 0;
  }
  /*
   * A final response is marked by a small square, not the word: "FINAL" took 4.5em of the
   * column its name needs. The word stays in the cell's text for screen readers, copy and paste
   * and the tooltip (indented out of the square's box); the Final chip shows the square as its legend.
   */
  .final,
  [data-chip='final'] .chip-label::before {
    display: inline-block;
    flex: none;
    /* In a line of text (a slim row's response, a chip's legend), on its middle. */
    vertical-align: middle;
    inline-size: 8px;
    block-size: 8px;
    padding: 0;
    border: 0;
    border-radius: 2px;
    background: var(--_muted);
    /* The word, out of sight, would read on the square: a text and its background, as any. */
    color: var(--_bg);
    overflow: hidden;
    text-indent: 1em;
    white-space: nowrap;
  }
  [data-chip='final'] .chip-label::before {
    content: '';
    margin-inline-end: 0.35em;
  }
  /*
   * A detail squeezed to a letter or two ("5.", "e…" beside a long Canceled label) told nothing:
   * in a one-line row it keeps at least 4em, or with no room for that wraps to a second line, out
   * of the cell's box (its text stays in the cell's tooltip and accessible name). Each line is the
   * row's height, so the first one stays centred.
   */
  .wide .cell[data-column='response'] {
    flex-wrap: wrap;
    align-content: flex-start;
    row-gap: 0;
  }
  .wide .cell[data-column='response'] > * {
    line-height: calc(var(--_row-height) - 1px);
  }
  /*
   * A name too long for one line takes two (in a 36 px row at 14 px, 1.2 lines fit twice), cut
   * with an ellipsis only past that: at the embed's width every name of the catalogue shows whole.
   */
  .wide .cell[data-column='response'] > .label {
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 2;
    max-inline-size: 100%;
    white-space: normal;
    line-height: 1.2;
    /*
     * Its lines start where the row's do, whatever its own direction (dir=auto): at the right on a
     * right-to-left page. (match-parent resolves against the line-clamp box's own, so it cannot.)
     */
    text-align: left;
  }
  :host(:dir(rtl)) .wide .cell[data-column='response'] > .label {
    text-align: right;
  }
  /* The first line is the row's height even when the name is alone on it, so it stays centred. */
  .wide .cell[data-column='response']::before {
    content: '';
    block-size: calc(var(--_row-height) - 1px);
    margin-inline-end: -0.4rem;
  }
  /* A label too long for the cell leaves room for the final marker, which would wrap out of sight after it. */
  .wide .cell[data-column='response'] > .label:has(~ .final) {
    max-inline-size: calc(100% - 8px - 0.4rem);
  }
  .wide .cell[data-column='response'] > .final {
    align-self: center;
    line-height: normal;
  }
  .wide .cell[data-column='response'] .detail {
    flex: 1 10000 4em;
    max-inline-size: max-content;
  }
  .missing,
  .detail {
    color: var(--_muted);
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .overdue {
    color: var(--_warning);
    font-weight: 600;
  }
  .visually-hidden {
    inset-block-start: 0;
    inset-inline-start: 0;
  }
  /*
   * Two lines per row in a narrow grid: contact and response, then address, opens, clicks, time.
   * Chosen columns past those (Provider, Stage…) fill the lines after, two to a line, placed in order in the cells the areas leave (--_lines counts them all).
   */
  .narrow .header,
  .narrow .row {
    /*
     * Fixed tracks for the counts (4.75rem each) and the time (a short time is at most "Dec 16,
     * 12:26 PM"), which are short and known; the contact and the address share what is left.
     * Shares of the width cut "Last response" and the addresses at 420 px while the time had room
     * to spare.
     */
    grid-template-columns: minmax(0, 1fr) 4.75rem 4.75rem 8.75rem;
    grid-template-rows: repeat(var(--_lines, 2), 1fr);
    grid-template-areas:
      'contact response response response'
      'address opens clicks time';
  }
  /*
   * Three short lines in a slim grid (a phone, a side panel), so a phone shows five recipients
   * and more, not two cards: the contact and the response (as long as it needs, up to 60 %), the
   * address, then opens, clicks and time in small muted text, in tracks whose starts are the same
   * on every row and in the header, which has this shape and names them. Chosen columns past
   * those take half a line each, after. The lines are the row's height shared (see SLIM_* in
   * audience-response-grid.ts, which sets it). A response's name too long for its line goes on
   * over the address's, beside it: on one line it lost its end at 320 and 390 px ("Canceled (…").
   */
  .slim .header,
  .slim .row {
    /*
     * Counts' tracks of 4rem, so the response keeps room beside the name at 270 px ("Sent to
     * provider" whole), and under 320 px a fifth of the row each, so the response's 60 % fits
     * beside them (at 280 px, 4rem left it 150 px).
     */
    grid-template-columns: min(4rem, 20cqi) min(4rem, 20cqi) minmax(0, 1fr) fit-content(60%);
    grid-template-rows: repeat(var(--_lines, 3), minmax(0, 1fr));
    grid-template-areas:
      'contact contact contact response'
      'address address address .'
      'opens clicks time time';
  }
  /*
   * A row's response cell takes the address's line too (the header's names the first line only):
   * a text block of two lines at most (its text whole in the tooltip past those), the final
   * square in the text's flow after the name. Under 318 px its type gets smaller with the row:
   * the three longest names need 169 px for two lines at 14 px, and a 280 px grid (the embed page
   * on a 320 px phone) leaves their text 154; at 4.4 % of the row's width (12.3 px there) they
   * need 148, whole. The row keeps its height, which the virtual scroller counts.
   */
  .slim .cell[data-column='response'] {
    grid-row-end: span 2;
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 2;
    white-space: normal;
    line-height: calc(var(--_row-height) / var(--_lines));
    font-size: min(1em, 4.4cqi);
  }
  /*
   * The square goes with the name's last word: a name that just filled its line left it alone on
   * the next ("Canceled (invalid email)" at 320 px), or on a third, out of sight. An inline box,
   * not an inline-block (Firefox breaks before one whatever comes between), whose space before
   * the word is its own and nowrap (markup in grid-cells.ts), so no line breaks between the two.
   */
  .slim .final {
    display: inline;
    margin-inline-start: 0.3rem;
    padding: 4px;
    font-size: 0;
  }
  .slim .cell:not([data-column='contact'], [data-column='response']),
  .slim [role='columnheader']:not([data-column='contact'], [data-column='response']) {
    color: var(--_muted);
    font-size: 0.875em;
  }
  .slim .sort {
    padding-block: 0;
  }
  /*
   * A slim row's response keeps to its name: its wait, squeezed beside it, showed as "w" and took
   * the room of the contact's name. An overdue one has its name in the warning colour instead.
   */
  .slim [part~='wait'] {
    display: none;
  }
  .slim [data-column='response']:has(.overdue) .label {
    color: var(--_warning);
  }
  /* A centred count's header needs no inset: "Opens" and its sort arrow fit its track whole. */
  .slim [role='columnheader'].numeric {
    padding-inline: 0;
  }
  /* A chosen column past the row's own takes half a line, its name whole. */
  .narrow .cell,
  .narrow [role='columnheader'] {
    grid-column: span 2;
    padding-inline: 0.4rem;
  }
  .narrow [data-column='contact'] {
    grid-area: contact;
    font-weight: 600;
  }
  .narrow [data-column='response'] {
    grid-area: response;
  }
  .narrow [data-column='address'] {
    grid-area: address;
  }
  .narrow [data-column='opens'] {
    grid-area: opens;
  }
  .narrow [data-column='clicks'] {
    grid-area: clicks;
  }
  .narrow [data-column='last-response'] {
    grid-area: time;
  }
  /*
   * Counts sit in the middle of their tracks: at the end they ran into the time beside them
   * ("Clicks Last response", "0 Dec 6, 7:00 AM"), most of all right to left.
   */
  .narrow .numeric {
    justify-content: center;
  }
  .narrow .sort {
    gap: 0.15rem;
    padding-inline: 0;
  }
  .ltr,
  bdi,
  .cell time {
    min-inline-size: 0;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  /* In two-line rows the response keeps to its label; the reason is in the cell's tooltip. */
  .narrow [data-column='response'] [part~='reason'],
  .narrow [data-column='response'] [part~='scope'] {
    display: none;
  }
  .narrow [role='columnheader'],
  .narrow .sort {
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .columns-button[aria-expanded='true'] {
    background: var(--_pressed-bg);
  }
  .chooser {
    flex: none;
    margin: 0 3px 0.5rem;
    padding: 0.5rem 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .chooser legend {
    padding-inline: 0.25rem;
    font-weight: 600;
  }
  .chooser-options {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1rem;
  }
  .chooser-option {
    display: inline-flex;
    align-items: center;
    gap: 0.3rem;
  }
  .chooser-hint {
    margin-block: 0.5rem;
    color: var(--_muted);
  }
`;
