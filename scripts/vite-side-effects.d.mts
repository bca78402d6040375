import type { Plugin } from 'vite';

/** Marks the source modules that register elements as having side effects (see the .mjs). */
export function ownSideEffects(): Plugin;

/** Whether a source module registers something when it runs. */
export function registers(id: string): boolean;

/** The ES build's shared chunk names: `chunks/registers-…` for those that register something. */
export function chunkFileName(chunk: { name: string; moduleIds: string[] }): string;
