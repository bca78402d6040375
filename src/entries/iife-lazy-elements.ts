/**
 * The <script> build's stand-in for the grid, the timeline and the summary (scripts/vite-iife-parts.mjs
 * sends every import of their modules here): a page with the script tag usually shows one or two
 * of them, so each is a lazy part in dist/iife/, imported when its tag first appears in the
 * document (a first scan, then a MutationObserver, as Shoelace's autoloader does) and registered
 * then. `customElements.whenDefined(tag)` works as with the eager build; the class on the global
 * (`EmailResponses.ContactResponseTimelineElement`…) is there once its part has loaded, and so is
 * `EmailResponses.AudienceView`, the grid's view of the store, which comes with the grid's part
 * (3.9 kB gzip off every script-tag page that shows no grid).
 *
 * A part that fails to load is reported, never swallowed: a console error, and an `ErrorEvent`
 * named `error` on each element of that tag in the document. The next one to appear tries again.
 */
import type { AudienceResponseGridElement as Grid } from '../elements/audience-response-grid/audience-response-grid';
import type { ContactResponseTimelineElement as Timeline } from '../elements/contact-response-timeline/contact-response-timeline';
import type { ResponseSummaryElement as Summary } from '../elements/response-summary/response-summary';
import type { AudienceView as View } from '../store/audience/audience-view';
import { defineElement } from '../elements/shared/define-element';
import { warnOnce } from '../elements/shared/warn';
import { loadPart, partUrl } from './iife-parts';

// Live bindings: the IIFE's global reads them through getters, so they appear once loaded.
export let AudienceResponseGridElement: typeof Grid | undefined;
export let ContactResponseTimelineElement: typeof Timeline | undefined;
export let ResponseSummaryElement: typeof Summary | undefined;
export let AudienceView: typeof View | undefined;

export type LazyElement = 'audience-response-grid' | 'contact-response-timeline' | 'response-summary';

/** Each lazy element's class, as its part (src/elements/<tag>/define.ts) exports it. */
const EXPORTS = {
  'audience-response-grid': 'AudienceResponseGridElement',
  'contact-response-timeline': 'ContactResponseTimelineElement',
  'response-summary': 'ResponseSummaryElement',
} as const satisfies Record<LazyElement, string>;

type PartModule = Partial<Record<(typeof EXPORTS)[LazyElement], CustomElementConstructor>> & {
  loadAudienceView?: () => Promise<typeof View>;
};

/** Every tag that names a lazy element: its own, and those `defineEmailResponses({ prefix })` added. */
const tags = new Map<string, LazyElement>(Object.keys(EXPORTS).map((name) => [name, name as LazyElement]));
const loading = new Map<LazyElement, Promise<CustomElementConstructor>>();
const loaded = new Map<LazyElement, CustomElementConstructor>();

function setClass(name: LazyElement, element: CustomElementConstructor): void {
  if (name === 'audience-response-grid') AudienceResponseGridElement = element as typeof Grid;
  else if (name === 'contact-response-timeline') ContactResponseTimelineElement = element as typeof Timeline;
  else ResponseSummaryElement = element as typeof Summary;
}

/** Registers a prefixed tag: a subclass that adds nothing, as a class registers under one name only. */
function definePrefixed(tag: string, name: LazyElement, element: CustomElementConstructor): void {
  if (tag !== name) defineElement(tag, class extends element {});
}

/**
 * Imports a lazy element's part (once) and registers it under each of its tags. The part's own
 * define.ts registers the plain tag. Rejects, after reporting, when the part cannot be loaded.
 */
export function loadElement(name: LazyElement): Promise<CustomElementConstructor> {
  let promise = loading.get(name);
  if (promise) return promise;
  promise = loadPart<PartModule>(name).then(
    async (module) => {
      const element = module[EXPORTS[name]];
      if (!element) throw new Error(`email-responses: ${partUrl(name)} has no ${EXPORTS[name]}`);
      // The grid's view of the store is a chunk of the grid's part: on the global with the grid.
      if (module.loadAudienceView) AudienceView ??= await module.loadAudienceView();
      loaded.set(name, element);
      setClass(name, element);
      for (const [tag, of] of tags) if (of === name) definePrefixed(tag, name, element);
      return element;
    },
    (error: unknown) => {
      loading.delete(name);
      report(name, error);
      throw error;
    },
  );
  loading.set(name, promise);
  return promise;
}

function report(name: LazyElement, error: unknown): void {
  const message = `email-responses: could not load <${name}> from ${partUrl(name)}; is dist/iife/ served next to the script?`;
  console.error(message, error);
  const selector = [...tags].flatMap(([tag, of]) => (of === name ? [tag] : [])).join(',');
  for (const element of document.querySelectorAll(selector))
    element.dispatchEvent(new ErrorEvent('error', { message, error }));
}

/**
 * Adds a tag for a lazy element (`defineEmailResponses({ prefix })`), registered when the part
 * arrives, or at once if it has. False, with a warning, when another script holds the tag.
 */
export function lazyTag(tag: string, name: LazyElement): boolean {
  const holder = customElements.get(tag);
  const element = loaded.get(name);
  if (holder !== undefined && !(element && (holder === element || holder.prototype instanceof element))) {
    warnOnce(
      `defined:${tag}`,
      `<${tag}> is already defined by another script (another copy of email-responses, or another library), so this copy leaves it alone.`,
    );
    return false;
  }
  tags.set(tag, name);
  if (element) definePrefixed(tag, name, element);
  else scan(document);
  return true;
}

/** Loads the part of each lazy element a tag of which is in `root` and is not yet defined. */
function scan(root: ParentNode): void {
  for (const [tag, name] of tags)
    if (!loaded.has(name) && !customElements.get(tag) && root.querySelector(tag)) loadElement(name).catch(ignore);
}

// Reported in `loadElement`; a scan has no one else to tell.
const ignore = (): void => undefined;

function watch(): void {
  scan(document);
  new MutationObserver((records) => {
    for (const record of records)
      for (const node of record.addedNodes) {
        if (!(node instanceof Element)) continue;
        const name = tags.get(node.localName);
        if (name && !loaded.has(name)) loadElement(name).catch(ignore);
        if (node.firstElementChild) scan(node);
      }
  }).observe(document, { childList: true, subtree: true });
}

if (typeof document !== 'undefined' && typeof MutationObserver !== 'undefined') watch();
