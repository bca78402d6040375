// The <script> build's defineEmailResponses (see define-email-responses.ts): `<email-responses>`
// is in the script and registers at once; the grid, the timeline and the summary are lazy parts
// (src/entries/iife-lazy-elements.ts), so their prefixed tags register when their part arrives,
// which their first appearance in the document asks for.
import { lazyTag, type LazyElement } from '../entries/iife-lazy-elements';
import type { DefineOptions, ElementName } from './define-email-responses';
import { EmailResponsesElement } from './email-responses/email-responses';
import { defineElement } from './shared/define-element';
import { prefixAllowed } from './shared/tag-prefix';

export type { DefineOptions, ElementName };

const LAZY: LazyElement[] = ['audience-response-grid', 'contact-response-timeline', 'response-summary'];
export function defineEmailResponses(options: DefineOptions = {}): Partial<Record<ElementName, string>> {
  const { prefix } = options;
  const names: Partial<Record<ElementName, string>> = {};
  if (!prefixAllowed(prefix)) return names;
  const tagOf = (name: ElementName): string => (prefix ? `${prefix}-${name}` : name);
  const root = tagOf('email-responses');
  if (defineElement(root, prefix ? class extends EmailResponsesElement {} : EmailResponsesElement))
    names['email-responses'] = root;
  for (const name of LAZY) {
    const tag = tagOf(name);
    if (lazyTag(tag, name)) names[name] = tag;
  }
  return names;
}
