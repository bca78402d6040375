/**
 * A property a host set before the element was defined is an own property of the instance that
 * hides the class's accessor; re-set it through the accessor so it takes effect (the "lazy
 * properties" pattern). Call in the constructor.
 */
export function upgradeProperty<T extends HTMLElement, K extends keyof T & string>(element: T, name: K): void {
  if (!Object.prototype.hasOwnProperty.call(element, name)) return;
  const value = element[name];
  delete (element as Partial<T>)[name];
  element[name] = value;
}
