// The nine provider normalizers are about 30 kB that only a store reading raw provider webhooks
// needs (webhook parsing is normally the backend's job: `email-responses/providers`), so the
// store loads them when asked, as a chunk of their own. The <script> build has no chunks: it is
// given provider-normalizers.iife.ts instead (vite.config.ts), which loads dist/providers.js.
import type * as Normalizers from '../core/providers/index';

export type ProviderNormalizers = typeof Normalizers;

export function loadProviderNormalizers(): Promise<ProviderNormalizers> {
  return import('../core/providers/index');
}
