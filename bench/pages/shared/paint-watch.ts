// Update-to-paint for one watched cell, the same for every grid. Each batch carries one more
// open for the probe recipient, so the probe's Opens cell tells how far the grid has rendered:
// a MutationObserver on the grid's cells notes when the DOM first shows a batch's value (several
// batches at once when a grid coalesces them), the frame meter's end-of-rendering callback assigns
// those batches to the frame being rendered, and the task after that frame's paint stamps them.
import type { FrameMeter } from './frame-meter';

interface Batch {
  appliedAt: number;
  expected: number;
  domAt?: number;
}

export class PaintWatch {
  private readonly waiting: Batch[] = [];
  private inDom: Batch[] = [];
  private inFrame: Batch[] = [];
  private readonly observer: MutationObserver;
  readonly paint: number[] = [];
  readonly dom: number[] = [];

  constructor(
    private readonly meter: FrameMeter,
    roots: readonly Node[],
    private readonly read: () => number,
  ) {
    this.observer = new MutationObserver(() => this.check());
    for (const root of roots) this.observer.observe(root, { subtree: true, childList: true, characterData: true });
    // Registered before the update stream's listener: a frame's batches are stamped before the next is applied.
    meter.onRendered.add(this.rendered);
    meter.onPainted.add(this.painted);
  }

  /** A batch was applied at `appliedAt`; the probe shows `expected` once it is rendered. */
  expect(expected: number, appliedAt: number): void {
    this.waiting.push({ appliedAt, expected });
    // A grid that rendered synchronously inside its update call has already mutated the DOM, and
    // the observer's callback runs after this task's script: it will see the value then.
  }

  get pending(): number {
    return this.waiting.length + this.inDom.length + this.inFrame.length;
  }

  stop(): void {
    this.observer.disconnect();
    this.meter.onRendered.delete(this.rendered);
    this.meter.onPainted.delete(this.painted);
  }

  private check(): void {
    if (this.waiting.length === 0) return;
    const value = this.read();
    if (!Number.isFinite(value)) return;
    const now = performance.now();
    let n = 0;
    while (n < this.waiting.length && this.waiting[n]!.expected <= value) n++;
    if (n === 0) return;
    for (const batch of this.waiting.splice(0, n)) {
      batch.domAt = now;
      this.inDom.push(batch);
    }
  }

  private readonly rendered = (): void => {
    if (this.inDom.length === 0) return;
    this.inFrame.push(...this.inDom);
    this.inDom = [];
  };

  private readonly painted = (now: number): void => {
    if (this.inFrame.length === 0) return;
    for (const batch of this.inFrame) {
      this.paint.push(now - batch.appliedAt);
      this.dom.push(batch.domAt! - batch.appliedAt);
    }
    this.inFrame = [];
  };
}

/**
 * Resolves with the "painted" stamp (the task after the frame's paint) of the first frame rendered
 * once `ready()` holds. `ready` is checked on every DOM change under `root` and at every frame's
 * end of rendering, so a change is never missed and never stamped a frame early.
 */
export function whenPainted(meter: FrameMeter, root: Node, ready: () => boolean): Promise<number> {
  return new Promise((resolve) => {
    let phase: 'waiting' | 'in-dom' | 'in-frame' = 'waiting';
    const observer = new MutationObserver(() => {
      if (phase === 'waiting' && ready()) phase = 'in-dom';
    });
    observer.observe(root, { subtree: true, childList: true, characterData: true, attributes: true });
    const rendered = () => {
      if (phase === 'in-dom' || (phase === 'waiting' && ready())) phase = 'in-frame';
    };
    const painted = (now: number) => {
      if (phase !== 'in-frame') return;
      observer.disconnect();
      meter.onRendered.delete(rendered);
      meter.onPainted.delete(painted);
      resolve(now);
    };
    meter.onRendered.add(rendered);
    meter.onPainted.add(painted);
  });
}
