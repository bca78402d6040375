// The <script> build's loader of the provider normalizers (see provider-normalizers.ts): the ES
// module dist/providers.js, found next to the script itself, so the IIFE does not carry them.
import type { ProviderNormalizers } from './provider-normalizers';

// Read while the script runs: document.currentScript is null once it has finished.
const script = typeof document === 'undefined' ? null : document.currentScript;
const base = script instanceof HTMLScriptElement && script.src ? script.src : globalThis.location?.href;

export function loadProviderNormalizers(): Promise<ProviderNormalizers> {
  return import(/* @vite-ignore */ new URL('./providers.js', base).href) as Promise<ProviderNormalizers>;
}
