const warned = new Set<string>();

/**
 * Bad input from a host page is reported once, with the package's prefix and what to do, and
 * never thrown: the element keeps working with its default (Vaadin's rule).
 */
export function warnOnce(key: string, message: string): void {
  if (warned.has(key)) return;
  warned.add(key);
  console.warn(`email-responses: ${message}`);
}
