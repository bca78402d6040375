import type { Plugin } from 'vite';

/** The global symbol (`Symbol.for`) under which the IIFE keeps its modules for its parts. */
export const SHARED: string;
/** The elements that are lazy parts of the <script> build, by tag. */
export const LAZY_ELEMENTS: string[];
/** The ES modules the <script> build loads from next to itself, by name (see the .mjs). */
export const IIFE_PARTS: Record<string, string>;
/**
 * Replaces a module by its `.iife.ts` sibling in the <script> build, and (unless `lazyElements` is
 * false) an import of a lazy element's module by src/entries/iife-lazy-elements.ts.
 */
export function iifeVariants(options?: { lazyElements?: boolean }): Plugin;
/** Builds the <script> build's lazy parts into `<outDir>/iife/`, then has the IIFE share its modules with them. */
export function iifeParts(): Plugin;
