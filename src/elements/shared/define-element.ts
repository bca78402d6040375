import { warnOnce } from './warn';

/** Every class this copy of the package registered: a tag taken by one of them is ours already. */
const registered = new WeakSet<CustomElementConstructor>();

/**
 * Registers `element` as `tag`, unless the tag is taken. Taken by this copy of the package, that
 * is fine; taken by anything else (another build of the package, another library), theirs stays,
 * as the registry allows no other choice, and we say so once with what to do instead. Returns
 * whether the tag now names this copy's element.
 */
export function defineElement(tag: string, element: CustomElementConstructor): boolean {
  const existing = customElements.get(tag);
  if (existing === undefined) {
    customElements.define(tag, element);
    registered.add(element);
    return true;
  }
  if (existing === element || registered.has(existing)) return true;
  warnOnce(
    `defined:${tag}`,
    `<${tag}> is already defined by another script, left as it is; defineEmailResponses({ prefix: 'acme' }) registers this copy as <acme-${tag}> and the others alike.`,
  );
  return false;
}
