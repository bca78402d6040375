import type { Plugin } from 'vite';

/** Marks the source modules that register elements as having side effects (see the .mjs). */
export function ownSideEffects(): Plugin;
