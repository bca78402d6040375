// Splits a text stream into lines however the network cut it into chunks. A line cut between
// chunks is joined; "\r\n" counts as one break even when "\r" and "\n" arrive apart. With a cap,
// a line that grows past it is never held: it comes out once, as an `OversizedLine`, the moment
// it crosses the cap, and the rest of it is dropped as it arrives, up to its line break.

/** A line longer than the cap: its start and how long it was when it crossed the cap. */
export interface OversizedLine {
  readonly oversized: true;
  /** The first characters, enough to recognize it in a report. */
  readonly head: string;
  /** Characters read when it crossed the cap (the line is at least this long). */
  readonly length: number;
}

export interface LineSplitter<Line = string> {
  /** The lines completed by this chunk, without their line breaks. */
  push(chunk: string): Line[];
  /** The last line when the text did not end with a line break; empty otherwise. */
  flush(): Line[];
  /**
   * While an oversized line is being dropped: its characters read so far (at least the cap);
   * 0 otherwise. A source says so in its status, as a line may never end.
   */
  readonly skipped: number;
}

const withoutCr = (line: string): string => (line.endsWith('\r') ? line.slice(0, -1) : line);

const HEAD_CHARS = 200;

export function createLineSplitter(): LineSplitter;
export function createLineSplitter(maxChars: number): LineSplitter<string | OversizedLine>;
export function createLineSplitter(maxChars = Infinity): LineSplitter<string | OversizedLine> {
  // The pieces of the unfinished line, joined once its break arrives, so a long line spread over
  // many chunks costs linear time rather than one concatenation per chunk.
  let pending: string[] = [];
  let pendingLength = 0;
  // True from the moment the unfinished line crossed the cap until its line break.
  let skipping = false;
  let skipped = 0;
  const add = (piece: string, out: (string | OversizedLine)[]) => {
    if (skipping) {
      skipped += piece.length;
      return;
    }
    // A trailing "\r" is not part of the line, so a line of exactly maxChars plus "\r" fits.
    if (pendingLength + piece.length > maxChars + 1) {
      const head = (pending.join('') + piece).slice(0, HEAD_CHARS);
      out.push({ oversized: true, head: `${head}…`, length: pendingLength + piece.length });
      skipped = pendingLength + piece.length;
      pending = [];
      pendingLength = 0;
      skipping = true;
      return;
    }
    pending.push(piece);
    pendingLength += piece.length;
  };
  const take = (): string => {
    const line = withoutCr(pending.join(''));
    pending = [];
    pendingLength = 0;
    return line;
  };
  return {
    push(chunk) {
      const lines: (string | OversizedLine)[] = [];
      let start = 0;
      for (let at = chunk.indexOf('\n'); at !== -1; at = chunk.indexOf('\n', start)) {
        add(chunk.slice(start, at), lines);
        if (skipping) {
          skipping = false;
          skipped = 0;
        } else {
          const line = take();
          if (line.length > maxChars)
            lines.push({ oversized: true, head: `${line.slice(0, HEAD_CHARS)}…`, length: line.length });
          else lines.push(line);
        }
        start = at + 1;
      }
      if (start < chunk.length) add(chunk.slice(start), lines);
      return lines;
    },
    get skipped() {
      return skipped;
    },
    flush() {
      if (skipping) {
        skipping = false;
        skipped = 0;
        return [];
      }
      if (pending.length === 0) return [];
      const line = take();
      return line.length > maxChars
        ? [{ oversized: true, head: `${line.slice(0, HEAD_CHARS)}…`, length: line.length }]
        : [line];
    },
  };
}

/** The lines of a whole text, by the same rules as the streaming splitter. */
export function splitLines(text: string): string[] {
  const splitter = createLineSplitter();
  return [...splitter.push(text), ...splitter.flush()];
}
