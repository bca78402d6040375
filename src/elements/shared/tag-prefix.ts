import { warnOnce } from './warn';

const PREFIX = /^[a-z][a-z0-9-]*$/;

/**
 * Whether `defineEmailResponses` may register under `prefix` (none, or lowercase letters, digits
 * and hyphens starting with a letter); warns once when it may not, as nothing is then registered.
 * Shared by the ES build and the `<script>` build's own `defineEmailResponses`.
 */
export function prefixAllowed(prefix: string | undefined): boolean {
  if (prefix === undefined || PREFIX.test(prefix)) return true;
  warnOnce(
    `prefix:${prefix}`,
    `defineEmailResponses: the prefix "${prefix}" would make invalid tag names; use lowercase letters, digits and hyphens, starting with a letter (acme). Nothing was registered.`,
  );
  return false;
}
