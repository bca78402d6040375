// The optional per-item transform (raw provider webhook bodies into events). A body it cannot
// handle must not cost the rest of the batch, so each failure is reported and skipped. A columnar
// batch is events already, in the library's own format: it passes untransformed.
import { isColumnarBatch } from '../../core/columnar-batch';
import { describeRaw } from './unpack-message';

export type ItemTransform = (item: unknown) => unknown[];

export function transformItems(
  items: unknown[],
  transform: ItemTransform | undefined,
  malformed: (raw: string, reason: string) => void,
): unknown[] {
  if (!transform) return items;
  const out: unknown[] = [];
  for (const item of items) {
    if (isColumnarBatch(item)) {
      out.push(item);
      continue;
    }
    try {
      const result: unknown = transform(item);
      // Lenient about the return shape: a host's transform written for one event still works.
      if (Array.isArray(result)) out.push(...(result as unknown[]));
      else if (result !== undefined && result !== null) out.push(result);
    } catch (error) {
      malformed(describeRaw(item), `transform failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return out;
}
