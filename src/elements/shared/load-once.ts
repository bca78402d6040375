/**
 * A part of an element that loads when first needed, once for every caller. A failed load (the
 * network dropped, a deploy replaced the chunk) is forgotten, so the next use asks again rather
 * than failing until the page reloads.
 */
export function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () =>
    (loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    }));
}
