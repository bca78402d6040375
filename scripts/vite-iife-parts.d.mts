import type { Plugin } from 'vite';

/** The ES modules the <script> build loads from next to itself, by name (see the .mjs). */
export const IIFE_PARTS: Record<string, string>;
/** Replaces a module by its `.iife.ts` sibling in the <script> build. */
export function iifeVariants(): Plugin;
/** Builds the <script> build's lazy parts into `<outDir>/iife/` once it is written. */
export function iifeParts(): Plugin;
