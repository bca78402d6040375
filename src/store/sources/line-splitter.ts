// Splits a text stream into lines however the network cut it into chunks. A line cut between
// chunks is joined; "\r\n" counts as one break even when "\r" and "\n" arrive apart.

export interface LineSplitter {
  /** The lines completed by this chunk, without their line breaks. */
  push(chunk: string): string[];
  /** The last line when the text did not end with a line break; empty otherwise. */
  flush(): string[];
}

const withoutCr = (line: string): string => (line.endsWith('\r') ? line.slice(0, -1) : line);

export function createLineSplitter(): LineSplitter {
  // The pieces of the unfinished line, joined once its break arrives, so a long line spread over
  // many chunks costs linear time rather than one concatenation per chunk.
  let pending: string[] = [];
  return {
    push(chunk) {
      const lines: string[] = [];
      let start = 0;
      for (let at = chunk.indexOf('\n'); at !== -1; at = chunk.indexOf('\n', start)) {
        pending.push(chunk.slice(start, at));
        lines.push(withoutCr(pending.join('')));
        pending = [];
        start = at + 1;
      }
      if (start < chunk.length) pending.push(chunk.slice(start));
      return lines;
    },
    flush() {
      if (pending.length === 0) return [];
      const last = withoutCr(pending.join(''));
      pending = [];
      return [last];
    },
  };
}

/** The lines of a whole text, by the same rules as the streaming splitter. */
export function splitLines(text: string): string[] {
  const splitter = createLineSplitter();
  return [...splitter.push(text), ...splitter.flush()];
}
