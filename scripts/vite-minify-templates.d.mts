import type { Plugin } from 'vite';

/** Minifies the CSS and markup inside Lit's templates in src/ (see the .mjs). */
export function minifyTemplates(): Plugin;
